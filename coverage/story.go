package coverage

import (
	"math"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ClusterOptions configure NewClusterer. A zero field takes the default
// named in its comment; DefaultClusterOptions returns them all.
//
// An article joins a story when one of the story's members, found through
// the LSH index, passes one of three rules (see Clusterer):
//
//   - copy: shingle Jaccard at least Threshold, published within Window;
//   - same headline: title similarity at least TitleThreshold, word
//     Jaccard at least TopicThreshold/2, published within Window;
//   - follow-up: word Jaccard at least TopicThreshold, published within
//     FollowGap of that member and within Window of the story's first
//     member.
type ClusterOptions struct {
	// Threshold is the shingle Jaccard (Signature.Jaccard) from which an
	// article is a copy or light rewrite of a member. Default 0.3.
	Threshold float64
	// TitleThreshold is the Jaccard similarity of the titles' word stems
	// (stop words left out) from which two articles share a headline.
	// Default 0.5.
	TitleThreshold float64
	// TopicThreshold is the word Jaccard (Signature.WordJaccard) from which
	// an article close in time to a member is a follow-up on the same
	// event. Default 0.15.
	TopicThreshold float64
	// Window bounds how far apart in publication time an article and the
	// member it matches may be, and how long after a story's first member
	// a follow-up may still join it. Default 4 days.
	Window time.Duration
	// FollowGap bounds how far apart a follow-up and the member it matches
	// may be. Independent reports of one event come out within a day or
	// two of each other; the next event of the same strike days later
	// shares as many words but opens a new story. Default 60 hours.
	FollowGap time.Duration
	// Bands and Rows shape the LSH index over the word sketch: each member
	// is filed under Bands keys, each made of Rows consecutive values of
	// its signature's word part, and only members sharing a key with an
	// article are compared with it. With Rows 1 a pair of word Jaccard J
	// shares a key with probability 1-(1-J)^Bands, nearly 1 from J = 0.1
	// with 64 bands. Bands·Rows is capped at WordHashes. Defaults 64 and 1.
	Bands, Rows int
	// ScanLimit bounds how many members of one key, newest first within
	// the window, are compared with an article. A key shared by more
	// members is a word everything in the window uses; its oldest members
	// are skipped. Default 64.
	ScanLimit int
	// Retain is how long members stay in the index, measured back from the
	// newest publication time seen; older ones are dropped lazily, so
	// memory stays bounded by the articles of the last Retain. Default 16
	// days; it is never less than Window + FollowGap.
	Retain time.Duration
}

// DefaultClusterOptions returns the options a zero ClusterOptions means.
func DefaultClusterOptions() ClusterOptions {
	return ClusterOptions{
		Threshold:      0.3,
		TitleThreshold: 0.5,
		TopicThreshold: 0.15,
		Window:         4 * 24 * time.Hour,
		FollowGap:      60 * time.Hour,
		Bands:          64,
		Rows:           1,
		ScanLimit:      64,
		Retain:         16 * 24 * time.Hour,
	}
}

// withDefaults fills zero fields and keeps the fields consistent.
func (o ClusterOptions) withDefaults() ClusterOptions {
	d := DefaultClusterOptions()
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.TitleThreshold <= 0 {
		o.TitleThreshold = d.TitleThreshold
	}
	if o.TopicThreshold <= 0 {
		o.TopicThreshold = d.TopicThreshold
	}
	if o.Window <= 0 {
		o.Window = d.Window
	}
	if o.FollowGap <= 0 {
		o.FollowGap = d.FollowGap
	}
	if o.Rows <= 0 {
		o.Rows = d.Rows
	}
	if o.Rows > WordHashes {
		o.Rows = WordHashes
	}
	if o.Bands <= 0 {
		o.Bands = WordHashes / o.Rows
	}
	if o.Bands*o.Rows > WordHashes {
		o.Bands = WordHashes / o.Rows
	}
	if o.ScanLimit <= 0 {
		o.ScanLimit = d.ScanLimit
	}
	if o.Retain <= 0 {
		o.Retain = d.Retain
	}
	if floor := o.Window + o.FollowGap; o.Retain < floor {
		o.Retain = floor
	}
	return o
}

// Member is one stored article as the Clusterer knows it: enough to match
// new articles against it, nothing of its text.
type Member struct {
	ArticleID, StoryID int64
	Published          time.Time
	Sig                Signature
	Title              string
	Tier               strike.Tier
}

// Clusterer assigns articles to stories by text similarity, incrementally:
// it keeps an in-memory LSH index of the recent members of every story, so
// assigning one article compares it with the few members that share a key
// of its signature and were published near it, never with everything
// stored. Clustering goes by text and time, never by URL or outlet.
//
// A new article joins the story of the best matching member (see
// ClusterOptions for the rules; a copy beats a shared headline, which
// beats a follow-up, and within a rule the more similar member wins).
// Articles of tier none and articles of tier core or related never share
// a story: an article that is not strike news never joins a strike story,
// nor a strike article a story of other news, however alike their words.
//
// Why these rules: on the labeled corpus, two outlets' own reports of one
// event share only 15 to 35 percent of their words, no more than reports
// of two events of the same strike a week apart; what tells them apart is
// time (reports of one event come out within about two days, the next
// event days later). So copies, recognized by shared word sequences, may
// join across the whole Window, while texts that merely share a subject
// must be close to a member and to the story's start. The price: two
// events of one strike reported within FollowGap of each other, in
// similar words, become one story.
//
// The caller drives it: Assign says which story a new article belongs to
// (or that it opens a new one), the store saves it, and Add records the
// member with its story's ID. At start, Load rebuilds the index from the
// store. Members published more than Retain before the newest one are
// forgotten.
//
// Create Clusterers with NewClusterer. A Clusterer is safe for concurrent
// use; Assign and Add of one article should be done without another
// article's Add in between when stories must not split.
type Clusterer struct {
	opts   ClusterOptions
	tok    *Tokenizer
	window uint32 // opts.Window in seconds
	follow uint32 // opts.FollowGap in seconds
	retain uint32 // opts.Retain in seconds

	mu        sync.Mutex
	members   []clusterMember          // slots; some may be expired
	buckets   map[uint64][]bucketEntry // band key → entries sorted by time
	stories   map[int64]*storySpan
	newest    uint32   // greatest publication time seen, Unix seconds
	compactAt int      // len(members) at which to drop expired members
	minVotes  uint16   // keys a candidate must share to be compared
	votes     []uint16 // scratch for Assign: keys shared, by slot
	touched   []int32  // scratch for Assign: slots with votes
}

// clusterMember is a Member in the index.
type clusterMember struct {
	articleID, storyID int64
	at                 uint32 // publication, Unix seconds
	none               bool   // tier none
	sig                Signature
	title              []uint64 // sorted distinct hashes of the title's stems
}

// bucketEntry is a member filed under a band key.
type bucketEntry struct {
	at   uint32
	slot int32
}

// storySpan is when a story's first and last known members came out.
type storySpan struct{ first, last uint32 }

// NewClusterer returns an empty Clusterer with the options o.
func NewClusterer(o ClusterOptions) *Clusterer {
	o = o.withDefaults()
	c := &Clusterer{
		opts:   o,
		tok:    NewTokenizer(TokenizerOptions{Stem: true, DropStopWords: true}),
		window: durSeconds(o.Window),
		follow: durSeconds(o.FollowGap),
		retain: durSeconds(o.Retain),
	}
	// With one row per band, the keys a member shares with an article
	// count the equal values of their word sketches: WordJaccard·Bands.
	// Every rule but copy needs a word Jaccard of TopicThreshold/2, and a
	// copy shares far more of its words; half that, allowing for keys cut
	// by ScanLimit, is the least a candidate must share. With several rows
	// one shared key proves less, and any candidate is compared.
	c.minVotes = 1
	if o.Rows == 1 {
		c.minVotes = uint16(max(1, math.Ceil(float64(o.Bands)*o.TopicThreshold/4)))
	}
	c.reset(0)
	return c
}

// Options returns the options in effect, defaults filled in.
func (c *Clusterer) Options() ClusterOptions { return c.opts }

func durSeconds(d time.Duration) uint32 {
	s := d / time.Second
	if s > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(s)
}

// unix returns t in Unix seconds, clamped to what a uint32 holds.
func unixSeconds(t time.Time) uint32 {
	s := t.Unix()
	switch {
	case s < 0:
		return 0
	case s > math.MaxUint32:
		return math.MaxUint32
	}
	return uint32(s)
}

func (c *Clusterer) reset(n int) {
	c.members = make([]clusterMember, 0, n)
	c.buckets = make(map[uint64][]bucketEntry, n*c.opts.Bands/4)
	c.stories = make(map[int64]*storySpan)
	c.compactAt = max(2*n, 1024)
}

// Load replaces the index with members, as read from the store at start.
// Members older than Retain before the newest are skipped.
func (c *Clusterer) Load(members []Member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var newest uint32
	for i := range members {
		newest = max(newest, unixSeconds(members[i].Published))
	}
	horizon := subSat(newest, c.retain)
	live := 0
	for i := range members {
		if unixSeconds(members[i].Published) >= horizon {
			live++
		}
	}
	c.reset(live)
	c.newest = newest
	// Filing in time order keeps every bucket sorted without moving entries.
	order := make([]int, 0, live)
	for i := range members {
		if unixSeconds(members[i].Published) >= horizon {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		return members[order[i]].Published.Before(members[order[j]].Published)
	})
	for _, i := range order {
		c.add(&members[i])
	}
}

// Add records m as a member of story m.StoryID. Call it once the store has
// given the article its story.
func (c *Clusterer) Add(m Member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(&m)
	if len(c.members) >= c.compactAt {
		c.compact()
	}
}

func (c *Clusterer) add(m *Member) {
	at := unixSeconds(m.Published)
	if at < subSat(c.newest, c.retain) {
		return // already expired
	}
	c.newest = max(c.newest, at)
	slot := int32(len(c.members))
	c.members = append(c.members, clusterMember{
		articleID: m.ArticleID,
		storyID:   m.StoryID,
		at:        at,
		none:      m.Tier == strike.TierNone,
		sig:       m.Sig,
		title:     c.titleHashes(m.Title),
	})
	for b := 0; b < c.opts.Bands; b++ {
		k, ok := c.key(&m.Sig, b)
		if !ok {
			continue
		}
		list := append(c.buckets[k], bucketEntry{at: at, slot: slot})
		// Keep the list sorted by time; members mostly come in order.
		for i := len(list) - 1; i > 0 && list[i-1].at > at; i-- {
			list[i-1], list[i] = list[i], list[i-1]
		}
		c.buckets[k] = list
	}
	if s := c.stories[m.StoryID]; s != nil {
		s.first, s.last = min(s.first, at), max(s.last, at)
	} else {
		c.stories[m.StoryID] = &storySpan{first: at, last: at}
	}
}

// compact drops expired members and refiles the rest. It runs when the
// slots have doubled since the last time, so its cost is amortized over
// the Adds in between.
func (c *Clusterer) compact() {
	horizon := subSat(c.newest, c.retain)
	old := c.members
	live := make([]int, 0, len(old))
	for i := range old {
		if old[i].at >= horizon {
			live = append(live, i)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return old[live[i]].at < old[live[j]].at })
	c.reset(len(live))
	for _, i := range live {
		m := &old[i]
		slot := int32(len(c.members))
		c.members = append(c.members, *m)
		for b := 0; b < c.opts.Bands; b++ {
			if k, ok := c.key(&m.sig, b); ok {
				c.buckets[k] = append(c.buckets[k], bucketEntry{at: m.at, slot: slot})
			}
		}
		if s := c.stories[m.storyID]; s != nil {
			s.first, s.last = min(s.first, m.at), max(s.last, m.at)
		} else {
			c.stories[m.storyID] = &storySpan{first: m.at, last: m.at}
		}
	}
}

// Len returns the number of members in the index, expired ones not yet
// dropped included.
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.members)
}

// key returns the LSH key of band b of sig's word sketch; ok is false for
// an empty band, which files nothing.
func (c *Clusterer) key(sig *Signature, b int) (k uint64, ok bool) {
	rows := c.opts.Rows
	off := ShingleHashes + b*rows
	if rows == 1 {
		v := sig[off]
		return uint64(b)<<32 | uint64(v), v != math.MaxUint32
	}
	h := uint64(b)
	for _, v := range sig[off : off+rows] {
		if v == math.MaxUint32 {
			return 0, false
		}
		h = minhashMix(h ^ uint64(v))
	}
	return h, true
}

// titleHashes returns the sorted distinct hashes of title's stems.
func (c *Clusterer) titleHashes(title string) []uint64 {
	toks := c.tok.Tokens(title)
	hs := make([]uint64, len(toks))
	for i, t := range toks {
		hs[i] = minhashString(t.Stem)
	}
	slices.Sort(hs)
	return slices.Compact(hs)
}

// jaccardSorted is the Jaccard similarity of two sorted sets.
func jaccardSorted(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	in := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			in++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(in) / float64(len(a)+len(b)-in)
}

func subSat(a, b uint32) uint32 {
	if a < b {
		return 0
	}
	return a - b
}

// Assign returns the story a new article belongs to: the story of the
// member that best matches it under the rules of ClusterOptions. ok is
// false when no member matches, and the article opens a new story. sig is
// the article's signature (Sign); its publication time is a.Published, or
// a.FirstSeen when that is zero, and its tier a.Relevance.Tier.
//
// Assign changes no story; call Add once the article is stored.
func (c *Clusterer) Assign(a *strike.Article, sig Signature) (storyID int64, ok bool) {
	pub := a.Published
	if pub.IsZero() {
		pub = a.FirstSeen
	}
	at := unixSeconds(pub)
	none := a.Relevance.Tier == strike.TierNone
	var title []uint64 // computed when first needed

	c.mu.Lock()
	defer c.mu.Unlock()
	lo, hi := subSat(at, c.window), at+min(c.window, math.MaxUint32-at)
	horizon := subSat(c.newest, c.retain)
	if len(c.votes) < len(c.members) {
		c.votes = make([]uint16, cap(c.members))
	}
	votes, touched := c.votes, c.touched[:0]
	defer func() {
		for _, slot := range touched {
			votes[slot] = 0
		}
		c.touched = touched[:0]
	}()
	for b := 0; b < c.opts.Bands; b++ {
		k, ok := c.key(&sig, b)
		if !ok {
			continue
		}
		list, found := c.buckets[k]
		if !found {
			continue
		}
		// Drop expired entries lazily; the slots go at the next compaction.
		if n := sort.Search(len(list), func(i int) bool { return list[i].at >= horizon }); n > 0 {
			if list = list[n:]; len(list) == 0 {
				delete(c.buckets, k)
				continue
			}
			c.buckets[k] = list
		}
		end := sort.Search(len(list), func(i int) bool { return list[i].at > hi })
		for i, n := end-1, 0; i >= 0 && list[i].at >= lo && n < c.opts.ScanLimit; i, n = i-1, n+1 {
			slot := list[i].slot
			if votes[slot] == 0 {
				touched = append(touched, slot)
			}
			votes[slot]++
		}
	}

	best, bestAt := -1.0, uint32(0)
	for _, slot := range touched {
		m := &c.members[slot]
		if votes[slot] < c.minVotes || m.none != none {
			continue
		}
		gap := max(at, m.at) - min(at, m.at)
		if gap > c.window {
			continue
		}
		score := -1.0
		if sj := sig.Jaccard(m.sig); sj >= c.opts.Threshold {
			score = 2 + sj // a copy
		} else {
			wj := sig.WordJaccard(m.sig)
			if wj >= c.opts.TopicThreshold/2 {
				if title == nil {
					title = c.titleHashes(a.Title)
				}
				if tj := jaccardSorted(title, m.title); tj >= c.opts.TitleThreshold {
					score = 1 + tj // the same headline
				}
			}
			if score < 0 && wj >= c.opts.TopicThreshold && gap <= c.follow {
				if s := c.stories[m.storyID]; s == nil || max(at, s.first)-min(at, s.first) <= c.window {
					score = wj // a follow-up
				}
			}
		}
		if score >= 0 && (score > best || score == best && m.at > bestAt) {
			best, bestAt, storyID = score, m.at, m.storyID
		}
	}
	return storyID, best >= 0
}

// StoryTitle chooses a story's title from its members' titles, oldest
// first: the title that shares the most words with the others (the mean
// Jaccard similarity of word stems, stop words left out), the oldest of
// equals. A story of one or two articles keeps its first title. Empty
// titles are skipped; with none left StoryTitle returns "".
func StoryTitle(titles []string) string {
	tok := Tokenizer{opts: TokenizerOptions{Stem: true, DropStopWords: true}}
	type cand struct {
		title string
		set   []uint64
	}
	var cands []cand
	for _, t := range titles {
		if t == "" {
			continue
		}
		toks := tok.Tokens(t)
		hs := make([]uint64, len(toks))
		for i, tk := range toks {
			hs[i] = minhashString(tk.Stem)
		}
		slices.Sort(hs)
		cands = append(cands, cand{t, slices.Compact(hs)})
	}
	if len(cands) == 0 {
		return ""
	}
	best, bestScore := 0, -1.0
	for i := range cands {
		var sum float64
		for j := range cands {
			if i != j {
				sum += jaccardSorted(cands[i].set, cands[j].set)
			}
		}
		if sum > bestScore+1e-9 {
			best, bestScore = i, sum
		}
	}
	return cands[best].title
}
