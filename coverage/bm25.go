package coverage

import (
	"math"
	"slices"
	"strings"
)

// BM25 parameters: k1 bounds how much repeating a term in one sentence
// helps; b is how strongly a long sentence is discounted.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25 is an inverted index of short passages (sentences) scored with
// Okapi BM25. Passages are numbered from 0 in the order added; postings
// hold passage numbers in increasing order with the term's count in the
// passage, so that 300,000 sentences of about a dozen indexed words each
// take about 5 bytes a posting.
//
// A bm25 is not safe for concurrent use: Index guards it.
type bm25 struct {
	post  map[string]*bmPostings
	lens  []uint16 // indexed words per passage
	total int64    // sum of lens
}

// bmPostings lists the passages that hold one term. ids[i] is a passage
// number and tf[i] the term's count there (capped at 255; 0 for a lent
// term, see add); marked counts
// the passages added with mark set.
type bmPostings struct {
	ids    []uint32
	tf     []uint8
	marked uint32
}

func newBM25() *bm25 {
	return &bm25{post: make(map[string]*bmPostings)}
}

// len returns the number of passages.
func (m *bm25) len() int { return len(m.lens) }

// add indexes a passage made of terms (repeats allowed) and returns its
// number. mark counts the passage in its terms' marked counts. lent are
// terms the passage is found by without holding them (the words of the
// question it answers): each not in terms counts bmLentFactor of one
// occurrence and nothing to the passage's length; its tf is 0.
func (m *bm25) add(terms, lent []string, mark bool) uint32 {
	id := uint32(len(m.lens))
	n := min(len(terms), math.MaxUint16)
	m.lens = append(m.lens, uint16(n))
	m.total += int64(n)
	// Count each distinct term once; passages are short, so a linear
	// scan beats a map.
	for i, t := range terms {
		dup := false
		for _, u := range terms[:i] {
			if u == t {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		tf := 1
		for _, u := range terms[i+1:] {
			if u == t {
				tf++
			}
		}
		m.posting(t, id, tf, mark)
	}
	for i, t := range lent {
		if !slices.Contains(terms, t) && !slices.Contains(lent[:i], t) {
			m.posting(t, id, 0, mark)
		}
	}
	return id
}

// bmLentFactor is what a lent term counts (see add), as a share of one
// occurrence.
const bmLentFactor = 0.5

func (m *bm25) posting(t string, id uint32, tf int, mark bool) {
	p := m.post[t]
	if p == nil {
		p = &bmPostings{}
		// The key must not pin the text the term was cut from.
		m.post[strings.Clone(t)] = p
	}
	p.ids = append(p.ids, id)
	p.tf = append(p.tf, uint8(min(tf, math.MaxUint8)))
	if mark {
		p.marked++
	}
}

// idf returns the inverse document frequency of a term found in df of the
// passages: ln(1 + (N − df + 0.5) / (df + 0.5)), always positive.
func (m *bm25) idf(df int) float64 {
	n := float64(len(m.lens))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// accumulate adds weight × BM25(term) to the score of every passage that
// holds term, and sets bit in its mask. It returns the term's idf.
func (m *bm25) accumulate(term string, weight float64, bit uint64, s *bmScratch) float64 {
	p := m.post[term]
	if p == nil {
		return m.idf(0)
	}
	idf := m.idf(len(p.ids))
	avg := float64(m.total) / float64(max(len(m.lens), 1))
	if avg == 0 {
		avg = 1
	}
	w := weight * idf * (bm25K1 + 1)
	norm0 := bm25K1 * (1 - bm25B)
	norm1 := bm25K1 * bm25B / avg
	for i, id := range p.ids {
		tf, f := float64(p.tf[i]), 1.0
		if tf == 0 {
			tf, f = 1, bmLentFactor // a lent term
		}
		sc := f * w * tf / (tf + norm0 + norm1*float64(m.lens[id]))
		if s.mask[id] == 0 {
			s.touched = append(s.touched, id)
		}
		s.score[id] += float32(sc)
		s.mask[id] |= bit
	}
	return idf
}

// bmScratch is the per-query working memory of a search, reused through a
// pool: dense arrays indexed by passage number and the list of passages
// touched, so that clearing costs only what was used.
type bmScratch struct {
	score   []float32
	mask    []uint64 // bit i: query term i matched; bits 32+i: its synonym
	touched []uint32
}

// reset sizes s for n passages and clears what the last query touched.
func (s *bmScratch) reset(n int) {
	for _, id := range s.touched {
		if int(id) < len(s.score) {
			s.score[id] = 0
			s.mask[id] = 0
		}
	}
	s.touched = s.touched[:0]
	if len(s.score) < n {
		c := max(n, 2*len(s.score), 1024)
		s.score = make([]float32, c)
		s.mask = make([]uint64, c)
	}
}
