package coverage

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ClusterOptions configure NewClusterer. A zero field takes the default
// named in its comment; DefaultClusterOptions returns them all.
//
// Two articles report one event (see Clusterer) when one of these holds:
//
//   - copy: shingle Jaccard at least Threshold, published within
//     CopyWindow of each other;
//   - same headline: title similarity at least TitleThreshold and word
//     Jaccard at least TopicThreshold/2, within CopyWindow;
//   - same event: their event features (EventOf) name the same kind of
//     event, within that kind's lifetime (two days for a rally, three for
//     a strike's start, four for an agreement, two weeks for a hunger
//     strike);
//   - follow-up: word Jaccard at least TopicThreshold (PlainTopicThreshold
//     when neither names an event of its own), within FollowGap, unless
//     both name events of different kinds.
//
// The last two do not hold for a piece that reports no event of its own
// (EventFeatures.NotReport: an opinion piece, a letter, an explainer, a
// roundup of others' coverage): it shares the strike's words and kinds of
// event with every report near it, and would tie their stories together.
//
// Except for copies, the two must be of the same tier (core or related)
// and their event features must not conflict (different unions,
// workforces, regions or kinds of event).
type ClusterOptions struct {
	// Threshold is the shingle Jaccard (Signature.Jaccard) from which an
	// article is a copy or light rewrite of another. Default 0.3.
	Threshold float64
	// TitleThreshold is the Jaccard similarity of the titles' word stems
	// (stop words left out) from which two articles share a headline.
	// Default 0.5.
	TitleThreshold float64
	// TopicThreshold is the word Jaccard (Signature.WordJaccard) from which
	// two articles close in time follow up on one event. Default 0.15.
	TopicThreshold float64
	// PlainTopicThreshold is the word Jaccard from which two articles of
	// which neither names an event of its own (a strike under way, a
	// milestone: EventClass not strong) follow up on one another: the
	// first week's features, a ticker and a weekly's picket-line piece
	// share the strike's words without reporting one event. Default 0.25.
	PlainTopicThreshold float64
	// CopyWindow bounds how far apart copies and articles sharing a
	// headline may be published: wire copies and rewrites come out days
	// after the original. Default 7 days.
	CopyWindow time.Duration
	// FollowGap bounds how far apart follow-ups may be. Independent
	// reports of one event come out within a day or two of each other; the
	// next event of the same strike days later shares as many words.
	// Default 60 hours.
	FollowGap time.Duration
	// Bands and Rows shape the LSH index over the word sketch: each member
	// is filed under Bands keys, each made of Rows consecutive values of
	// its signature's word part, and only members sharing a key with an
	// article (or filed under its kind of event) are compared with it.
	// With Rows 1 a pair of word Jaccard J shares a key with probability
	// 1-(1-J)^Bands, nearly 1 from J = 0.1 with 64 bands. Bands·Rows is
	// capped at WordHashes. Defaults 64 and 1.
	Bands, Rows int
	// ScanLimit bounds how many members of one key, nearest in publication
	// time first, are compared with an article. A key shared by more
	// members within the window is a word everything then uses. Default 96.
	ScanLimit int
}

// DefaultClusterOptions returns the options a zero ClusterOptions means.
func DefaultClusterOptions() ClusterOptions {
	return ClusterOptions{
		Threshold:           0.3,
		TitleThreshold:      0.5,
		TopicThreshold:      0.15,
		PlainTopicThreshold: 0.25,
		CopyWindow:          7 * 24 * time.Hour,
		FollowGap:           60 * time.Hour,
		Bands:               64,
		Rows:                1,
		ScanLimit:           96,
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
	if o.PlainTopicThreshold <= 0 {
		o.PlainTopicThreshold = d.PlainTopicThreshold
	}
	if o.CopyWindow <= 0 {
		o.CopyWindow = d.CopyWindow
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
	return o
}

// Reach returns how far apart in publication two articles of one story
// may be under these options: the longest of the windows and of the event
// lifetimes. A caller that loads members by time loads this far on each
// side of an article.
func (o ClusterOptions) Reach() time.Duration {
	o = o.withDefaults()
	r := max(o.CopyWindow, o.FollowGap)
	for c := EventClass(0); c < numClasses; c++ {
		r = max(r, c.lifetime())
	}
	return r
}

// Member is one article as the Clusterer knows it: enough to match other
// articles against it, nothing of its text.
type Member struct {
	ArticleID, StoryID int64
	Published          time.Time
	Sig                Signature
	Title              string
	Tier               strike.Tier
	Event              EventFeatures
	// Estimated says Published is only when the page was first seen (it
	// carried no date): its nearness to others tells nothing, so the
	// member ties to them only as a copy or by its headline.
	Estimated bool
}

// Clusterer groups articles into stories by a relation between two
// articles (see ClusterOptions) that depends on nothing but the two: so
// the stories are the connected groups of that relation, the same whatever
// order and batches the articles come in. An article that matches members
// of several stories shows that they report one event: the caller merges
// them.
//
// It keeps an in-memory index of the members it was given, by publication
// time: matching an article compares it with the few members that share a
// key of its signature or its kind of event and were published near it,
// never with everything stored. It holds what its caller loads (Add) and
// drops what its caller no longer wants (Retain); a caller backed by a
// store loads the members published within Options().Reach() of each new
// article before matching it.
//
// Why these rules: two outlets' own reports of one event share only 15 to
// 35 percent of their words, no more than reports of two events of the
// same strike a week apart. What tells them apart is the event: its kind
// (a strike beginning, a rally, a tentative agreement), who and where,
// and time. Copies, recognised by shared word sequences, join across
// CopyWindow; texts that merely share a subject must be close in time.
//
// Create Clusterers with NewClusterer. A Clusterer is safe for concurrent
// use; Match and Add of one article should be done without another
// article's Add in between when stories must not split.
type Clusterer struct {
	opts   ClusterOptions
	tok    *Tokenizer
	window uint32 // opts.CopyWindow in seconds
	follow uint32 // opts.FollowGap in seconds

	mu       sync.Mutex
	members  memberSlots     // by slot; dropped ones are not live
	bySlot   map[int64]int32 // article ID → slot
	index    keyIndex        // (key, day of publication) → slots
	minVotes uint16          // word keys a candidate must share
	votes    []uint16        // scratch for Match: keys shared, by slot
	flags    []uint8         // scratch for Match: found by event, by slot
	touched  []int32         // scratch for Match: slots with votes or flags
}

// memberSlots holds the members in chunks of a fixed size, so that a
// growing index neither copies its members nor keeps room for as many
// again.
type memberSlots struct {
	chunks [][]clusterMember
	n      int
}

const memberChunk = 256

func (s *memberSlots) len() int { return s.n }

func (s *memberSlots) at(slot int32) *clusterMember {
	return &s.chunks[slot/memberChunk][slot%memberChunk]
}

func (s *memberSlots) add(m clusterMember) int32 {
	if s.n%memberChunk == 0 {
		s.chunks = append(s.chunks, make([]clusterMember, 0, memberChunk))
	}
	last := len(s.chunks) - 1
	s.chunks[last] = append(s.chunks[last], m)
	s.n++
	return int32(s.n - 1)
}

// clusterMember is a Member in the index.
type clusterMember struct {
	articleID, storyID int64
	at                 uint32 // publication, Unix seconds
	none, core         bool   // tier none; tier core
	estimated          bool   // Member.Estimated
	ev                 EventFeatures
	sig                Signature
	titleText          string
	title              []uint64 // sorted distinct hashes of the title's stems, once needed
	live               bool
}

// NewClusterer returns an empty Clusterer with the options o.
func NewClusterer(o ClusterOptions) *Clusterer {
	o = o.withDefaults()
	c := &Clusterer{
		opts:   o,
		tok:    NewTokenizer(TokenizerOptions{Stem: true, DropStopWords: true}),
		window: durSeconds(o.CopyWindow),
		follow: durSeconds(o.FollowGap),
		bySlot: make(map[int64]int32),
		index:  newKeyIndex(),
	}
	// With one row per band, the keys a member shares with an article
	// count the equal values of their word sketches: WordJaccard·Bands.
	// Every word rule needs a word Jaccard of TopicThreshold/2, and a copy
	// shares far more of its words; half that, allowing for keys cut by
	// ScanLimit, is the least a candidate must share. With several rows
	// one shared key proves less, and any candidate is compared.
	c.minVotes = 1
	if o.Rows == 1 {
		c.minVotes = uint16(max(1, math.Ceil(float64(o.Bands)*o.TopicThreshold/4)))
	}
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

// unixSeconds returns t in Unix seconds, clamped to what a uint32 holds.
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

// Len returns the number of members in the index.
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.bySlot)
}

// DayCounts returns how many members the index holds by day of
// publication (Unix seconds / 86400).
func (c *Clusterer) DayCounts() map[int64]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[int64]int)
	for _, slot := range c.bySlot {
		out[int64(c.members.at(slot).at)/86400]++
	}
	return out
}

// Has reports whether the article is in the index.
func (c *Clusterer) Has(articleID int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.bySlot[articleID]
	return ok
}

// Add records m as a member of story m.StoryID. Adding an article that is
// already in the index records its (new) story, and its tier when a
// captain's verdict changed it.
func (c *Clusterer) Add(m Member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if slot, ok := c.bySlot[m.ArticleID]; ok {
		x := c.members.at(slot)
		if x.none == (m.Tier == strike.TierNone) && x.core == (m.Tier == strike.TierCore) {
			x.storyID = m.StoryID
			return
		}
		// Its event keys depend on the tier: it is filed again.
		x.live = false
		delete(c.bySlot, m.ArticleID)
	}
	at := unixSeconds(m.Published)
	slot := c.members.add(clusterMember{
		articleID: m.ArticleID,
		storyID:   m.StoryID,
		at:        at,
		none:      m.Tier == strike.TierNone,
		core:      m.Tier == strike.TierCore,
		estimated: m.Estimated,
		ev:        m.Event,
		sig:       m.Sig,
		titleText: strings.Clone(m.Title), // not the feed it was cut from
		live:      true,
	})
	c.bySlot[m.ArticleID] = slot
	c.fileKeys(c.members.at(slot), slot)
}

// fileKeys files member slot under its keys: its word bands and its kinds
// of event.
// Keys are filed by day so that members come in any order (a backfill
// going back in time) and a match reads the days nearest its article
// first.
func (c *Clusterer) fileKeys(m *clusterMember, slot int32) {
	day := m.at / 86400
	for b := 0; b < c.opts.Bands; b++ {
		if k, ok := c.key(&m.sig, b); ok {
			c.index.file(k, day, slot)
		}
	}
	if m.ev.Class.strong() || m.ev.Class == ClassMilestone {
		c.index.file(eventKey(keyPrimary, m.ev.Class, m.core), day, slot)
	}
	for cl := ClassNotice; cl <= ClassEnds; cl++ {
		if m.ev.has(cl) {
			c.index.file(eventKey(keyNamed, cl, m.core), day, slot)
		}
	}
	if m.ev.Days != 0 {
		c.index.file(daysKey(m.ev.Days, m.core), day, slot)
	}
	if m.ev.Span != 0 {
		c.index.file(spanKey(m.ev.Span, m.core), day, slot)
	}
}

// dayKey is the bucket of key k on a day (Unix days).
func dayKey(k uint64, day uint32) uint64 { return minhashMix(k ^ uint64(day)<<40 ^ 0x9e3779b97f4a7c15) }

// Event keys live apart from band keys (which are below 1<<38).
const (
	keyPrimary = 1 << 62 // members whose Class is the class
	keyNamed   = 1 << 61 // members that name the class
	keyDays    = 1 << 60 // members that mark a strike's age in days
	keySpan    = 1 << 59 // members that name a short strike's length
)

// spanKey is the event key of the members naming a short strike of span
// days.
func spanKey(span uint8, core bool) uint64 { return countKey(keySpan, uint64(span), core) }

// daysKey is the event key of the members marking a strike's age of days.
func daysKey(days uint16, core bool) uint64 { return countKey(keyDays, uint64(days), core) }

// countKey is the event key of kind for the members naming n (days, a
// span), in the core tier or not.
func countKey(kind, n uint64, core bool) uint64 {
	k := kind | n<<8
	if core {
		k |= 1
	}
	return k
}

func eventKey(kind uint64, class EventClass, core bool) uint64 {
	k := kind | uint64(class)<<8
	if core {
		k |= 1
	}
	return k
}

// Remove drops an article from the index (a captain ruled it is not
// strike news); removing one not in it does nothing.
func (c *Clusterer) Remove(articleID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if slot, ok := c.bySlot[articleID]; ok {
		c.members.at(slot).live = false
		delete(c.bySlot, articleID)
	}
}

// Copies returns the members of the index that m copies or that copy m
// (shingle Jaccard at least Threshold, published within CopyWindow of
// each other), m itself left out, by increasing article ID. Their Title is
// left empty.
func (c *Clusterer) Copies(m *Member) []Member {
	at := unixSeconds(m.Published)
	lo, hi := subSat(at, c.window), addSat(at, c.window)
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := make(map[int32]bool)
	var out []Member
	for b := 0; b < c.opts.Bands; b++ {
		k, ok := c.key(&m.Sig, b)
		if !ok {
			continue
		}
		for day := lo / 86400; day <= hi/86400; day++ {
			c.index.each(k, day, func(slot int32) bool {
				x := c.members.at(slot)
				if x.at < lo || x.at > hi || seen[slot] {
					return true
				}
				seen[slot] = true
				if !x.live || x.articleID == m.ArticleID || m.Sig.Jaccard(x.sig) < c.opts.Threshold {
					return true
				}
				tier := strike.TierRelated
				switch {
				case x.none:
					tier = strike.TierNone
				case x.core:
					tier = strike.TierCore
				}
				out = append(out, Member{ArticleID: x.articleID, StoryID: x.storyID, Published: time.Unix(int64(x.at), 0).UTC(),
					Sig: x.sig, Tier: tier, Event: x.ev, Estimated: x.estimated})
				return true
			})
		}
	}
	slices.SortFunc(out, func(a, b Member) int { return cmp.Compare(a.ArticleID, b.ArticleID) })
	return out
}

// Relabel moves every member of story from to story into: the stories
// were found to report one event and merged.
func (c *Clusterer) Relabel(from, into int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for slot := range int32(c.members.len()) {
		if x := c.members.at(slot); x.live && x.storyID == from {
			x.storyID = into
		}
	}
}

// Retain drops every member whose publication day (Unix seconds / 86400)
// keep rejects, and compacts the index.
func (c *Clusterer) Retain(keep func(day int64) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.members
	c.members = memberSlots{}
	c.bySlot = make(map[int64]int32, len(c.bySlot))
	c.index.reset()
	for slot := range int32(old.len()) {
		x := old.at(slot)
		if !x.live || !keep(int64(x.at)/86400) {
			continue
		}
		slot := c.members.add(*x)
		c.bySlot[x.articleID] = slot
		c.fileKeys(c.members.at(slot), slot)
	}
	c.index.flush()
	c.votes, c.flags = nil, nil
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
	return h>>27 | 1<<37, true // below the event keys
}

// memberTitle returns x's title hashes, computing them the first time:
// most members are never compared by title. c.mu is held.
func (c *Clusterer) memberTitle(x *clusterMember) []uint64 {
	if x.title == nil {
		x.title = c.titleHashes(x.titleText)
		if x.title == nil {
			x.title = []uint64{}
		}
	}
	return x.title
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

func addSat(a, b uint32) uint32 { return a + min(b, math.MaxUint32-a) }

// Match returns the stories of the members that m reports one event with
// (see ClusterOptions for the rules), in increasing order of story ID:
// none when m opens a new story, several when m shows that they report
// one event. m.StoryID is not read; m itself, if already in the index, is
// not matched with itself.
//
// Match changes nothing; call Add once the article is stored.
func (c *Clusterer) Match(m *Member) []int64 {
	at := unixSeconds(m.Published)
	none := m.Tier == strike.TierNone
	core := m.Tier == strike.TierCore
	var title []uint64 // computed when first needed

	c.mu.Lock()
	defer c.mu.Unlock()
	if n := c.members.len(); len(c.votes) < n {
		c.votes = make([]uint16, n+n/4)
		c.flags = make([]uint8, n+n/4)
	}
	votes, flags, touched := c.votes, c.flags, c.touched[:0]
	defer func() {
		for _, slot := range touched {
			votes[slot], flags[slot] = 0, 0
		}
		c.touched = touched[:0]
	}()
	// visit calls fn with the members under key k published in [lo, hi],
	// the days nearest m first, at most ScanLimit of them.
	visit := func(k uint64, lo, hi uint32, fn func(slot int32)) {
		n := 0
		day, first, last := int64(at/86400), int64(lo/86400), int64(hi/86400)
		scan := func(d int64) bool { // false once ScanLimit is reached
			// Only the first and last days hold members out of range.
			whole := d > first && d < last
			return c.index.each(k, uint32(d), func(slot int32) bool {
				if !whole {
					if at := c.members.at(slot).at; at < lo || at > hi {
						return true
					}
				}
				if n == c.opts.ScanLimit {
					return false
				}
				n++
				fn(slot)
				return true
			})
		}
		if !scan(day) {
			return
		}
		for off := int64(1); day-off >= first || day+off <= last; off++ {
			if day-off >= first && !scan(day-off) {
				return
			}
			if day+off <= last && !scan(day+off) {
				return
			}
		}
	}
	lo, hi := subSat(at, c.window), addSat(at, c.window)
	for b := 0; b < c.opts.Bands; b++ {
		k, ok := c.key(&m.Sig, b)
		if !ok {
			continue
		}
		visit(k, lo, hi, func(slot int32) {
			if votes[slot] == 0 && flags[slot] == 0 {
				touched = append(touched, slot)
			}
			votes[slot]++
		})
	}
	byEvent := func(k uint64, life uint32) {
		visit(k, subSat(at, life), addSat(at, life), func(slot int32) {
			if votes[slot] == 0 && flags[slot] == 0 {
				touched = append(touched, slot)
			}
			flags[slot] = 1
		})
	}
	if cl := m.Event.Class; cl.strong() || cl == ClassMilestone {
		life := durSeconds(cl.lifetime())
		byEvent(eventKey(keyNamed, cl, core), life)
		if cl == ClassMilestone {
			byEvent(eventKey(keyPrimary, cl, core), life)
		}
	}
	for cl := ClassNotice; cl <= ClassEnds; cl++ {
		if m.Event.has(cl) {
			byEvent(eventKey(keyPrimary, cl, core), durSeconds(cl.lifetime()))
		}
	}
	if m.Event.Days != 0 {
		byEvent(daysKey(m.Event.Days, core), durSeconds(ClassMilestone.lifetime()))
	}
	if m.Event.Span != 0 {
		byEvent(spanKey(m.Event.Span, core), durSeconds(spanReach(m.Event.Span)))
	}

	var stories []int64
	for _, slot := range touched {
		x := c.members.at(slot)
		if !x.live || x.articleID == m.ArticleID || x.none != none || slices.Contains(stories, x.storyID) {
			continue
		}
		if votes[slot] < c.minVotes && flags[slot] == 0 {
			continue
		}
		if title == nil {
			title = c.titleHashes(m.Title)
		}
		if link, _ := c.related(m, at, core, title, x); link != linkNone {
			stories = append(stories, x.storyID)
		}
	}
	slices.Sort(stories)
	return stories
}

// Links between two articles.
const (
	linkNone = iota
	linkWeak
	linkStrong
)

// related is the relation of ClusterOptions between m and member x: the
// link and, for a weak one, its word Jaccard.
func (c *Clusterer) related(m *Member, at uint32, core bool, title []uint64, x *clusterMember) (int, float64) {
	gap := max(at, x.at) - min(at, x.at)
	if gap <= c.window && m.Sig.Jaccard(x.sig) >= c.opts.Threshold {
		return linkStrong, 0 // a copy
	}
	if core == x.core && m.Event.SameShortStrike(x.ev) && gap <= durSeconds(spanReach(m.Event.Span)) {
		return linkStrong, 0 // one short strike, from its start to the return
	}
	if m.Event.Conflicts(x.ev) {
		return linkNone, 0
	}
	wj := m.Sig.WordJaccard(x.sig)
	if gap <= c.window && wj >= c.opts.TopicThreshold/2 && jaccardSorted(title, c.memberTitle(x)) >= c.opts.TitleThreshold {
		return linkStrong, 0 // the same headline
	}
	if core != x.core || m.Event.NotReport || x.ev.NotReport {
		return linkNone, 0 // a piece that reports no event ties only by copy or headline
	}
	if m.Estimated || x.estimated {
		return linkNone, 0 // nor does a page of unknown date
	}
	if cl, ok := m.Event.SameEvent(x.ev); ok && gap <= durSeconds(cl.lifetime()) {
		return linkStrong, 0 // the same event
	}
	topic := c.opts.TopicThreshold
	if !m.Event.Class.strong() && !x.ev.Class.strong() {
		topic = c.opts.PlainTopicThreshold // two pieces on a strike under way
	}
	if gap <= c.follow && wj >= topic && c.followsUp(m.Event, x.ev) {
		return linkWeak, wj // a follow-up
	}
	return linkNone, 0
}

// followsUp is the rest of the follow-up rule, for a pair sharing words
// within FollowGap: two articles that each name an event, of different
// kinds, are not follow-ups of one another (a rally and the governor's
// letter the same day share the strike's words, not an event).
func (c *Clusterer) followsUp(a, b EventFeatures) bool {
	return !(a.Class.strong() && b.Class.strong() && a.Class != b.Class)
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
