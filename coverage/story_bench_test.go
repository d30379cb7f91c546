package coverage_test

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// synthCorpus makes n synthetic articles: titles of 8 and bodies of 150
// words drawn from a Zipf distribution over a vocabulary of 30,000 random
// words, published at random over span before day0.
type synthCorpus struct {
	articles []*strike.Article
	sigs     []coverage.Signature
}

func newSynthCorpus(n int, span time.Duration, seed uint64) *synthCorpus {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := make([]string, 30000)
	for i := range vocab {
		b := make([]byte, 4+r.IntN(6))
		for j := range b {
			b[j] = byte('a' + r.IntN(26))
		}
		vocab[i] = string(b)
	}
	zipf := rand.NewZipf(r, 1.05, 20, uint64(len(vocab)-1))
	words := func(k int) string {
		var sb strings.Builder
		for i := 0; i < k; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(vocab[zipf.Uint64()])
		}
		return sb.String()
	}
	c := &synthCorpus{articles: make([]*strike.Article, n), sigs: make([]coverage.Signature, n)}
	for i := range c.articles {
		c.articles[i] = &strike.Article{
			ID:        int64(i + 1),
			Title:     words(8),
			Text:      words(150),
			Published: day0.Add(-time.Duration(r.Int64N(int64(span)))),
			Relevance: strike.Relevance{Tier: strike.TierCore},
		}
	}
	// Signing 100,000 articles takes seconds; share it out.
	signer := coverage.NewSigner()
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				c.sigs[i] = signer.Sign(c.articles[i])
			}
		})
	}
	wg.Wait()
	return c
}

func (c *synthCorpus) members() []coverage.Member {
	ms := make([]coverage.Member, len(c.articles))
	for i, a := range c.articles {
		ms[i] = coverage.Member{ArticleID: a.ID, StoryID: a.ID, Published: a.Published, Sig: c.sigs[i], Title: a.Title, Tier: strike.TierCore}
	}
	return ms
}

// BenchmarkAssign100k measures assigning and adding one new article with
// 100,000 stored: spread over a year (the index keeps the last Retain),
// spread over a year with everything kept, and all 100,000 published in
// the last four days (the worst case: every member is in the window).
func BenchmarkAssign100k(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 2_000 // CI's one-pass smoke run: prove it runs, not how fast
	}
	// Corpora are made when first needed: signing 100,000 articles takes
	// seconds.
	year := sync.OnceValue(func() *synthCorpus { return newSynthCorpus(n, 365*24*time.Hour, 1) })
	burst := sync.OnceValue(func() *synthCorpus { return newSynthCorpus(n, 4*24*time.Hour, 2) })
	queries := newSynthCorpus(1000, time.Hour, 3)
	cases := []struct {
		name   string
		corpus func() *synthCorpus
		opts   coverage.ClusterOptions
	}{
		{"year", year, coverage.ClusterOptions{}},
		{"burst-4-days", burst, coverage.ClusterOptions{}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			members := tc.corpus().members()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			c := coverage.NewClusterer(tc.opts)
			for _, m := range members {
				c.Add(m)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			indexed := c.Len()
			// New articles come one every two minutes, 720 a day, for as
			// long as the benchmark runs.
			i := 0
			for b.Loop() {
				q := *queries.articles[i%len(queries.articles)]
				q.Published = day0.Add(time.Duration(i) * 2 * time.Minute)
				sig := queries.sigs[i%len(queries.sigs)]
				m := coverage.Member{ArticleID: int64(n + i + 1), Published: q.Published, Sig: sig, Title: q.Title, Tier: strike.TierCore}
				m.StoryID = m.ArticleID
				if ids := c.Match(&m); len(ids) > 0 {
					m.StoryID = ids[0]
				}
				c.Add(m)
				i++
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(indexed), "heap-B/member")
			b.ReportMetric(float64(indexed), "indexed")
			runtime.KeepAlive(members)
		})
	}
}

func TestSynthCorpusSimilarity(t *testing.T) {
	// The synthetic articles must look unrelated to one another, as most
	// news does: a mean word Jaccard well below TopicThreshold.
	c := newSynthCorpus(200, time.Hour, 4)
	var sum float64
	var pairs int
	for i := range c.sigs {
		for j := i + 1; j < len(c.sigs); j++ {
			sum += c.sigs[i].WordJaccard(c.sigs[j])
			pairs++
		}
	}
	mean := sum / float64(pairs)
	t.Logf("mean word Jaccard of %d synthetic pairs: %.3f", pairs, mean)
	if mean > 0.1 {
		t.Errorf("mean word Jaccard = %.3f, want <= 0.1", mean)
	}
}

func BenchmarkSign(b *testing.B) {
	a := &strike.Article{Title: harborTitle, Text: strings.Repeat(harborText+"\n\n", 3)}
	b.Run("Signer", func(b *testing.B) {
		s := coverage.NewSigner()
		for b.Loop() {
			s.Sign(a)
		}
	})
	b.Run("Sign", func(b *testing.B) {
		for b.Loop() {
			coverage.Sign(a)
		}
	})
}
