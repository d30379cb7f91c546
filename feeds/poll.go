package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/strike"
)

// Store is what the Poller needs from storage. strike.Store satisfies it.
type Store interface {
	FeedState(ctx context.Context, url string) (strike.FeedState, error)
	ClaimFeed(ctx context.Context, url, campaignID string, now, leaseUntil time.Time) (strike.FeedState, bool, error)
	ReleaseFeed(ctx context.Context, url string) error
	KnownKeys(ctx context.Context, campaignID string, keys []string) (map[string]bool, error)
	SavePoll(ctx context.Context, state strike.FeedState, articles []strike.Article) ([]strike.Article, error)
	SaveFeedState(ctx context.Context, state strike.FeedState) error
}

// Fetcher gets a URL politely. *fetch.Client satisfies it.
type Fetcher interface {
	Get(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// Feed is one feed the Poller reads, belonging to one campaign.
type Feed struct {
	URL        string
	Name       string // display name; the feed's own title is used when empty
	CampaignID string
}

// Result is the outcome of polling one feed once.
type Result struct {
	Feed Feed
	// Items is how many items the feed carried (0 when not modified or failed).
	Items int
	// New are the articles stored for the first time by this poll. Once
	// Handle and Observe have seen them, Poll clears their Summary and Text
	// (the store has them), so that polling many feeds holds little memory.
	New []strike.Article
	// Announced is how many of New are news to announce (Batch.Announce).
	Announced int
	// NotModified is true when the server answered 304 or sent the same body.
	NotModified bool
	// Paused is true when a captain paused the feed: it was not fetched.
	Paused bool
	// Err is the poll's error, nil on success. Its text is safe to show.
	Err error
	// Duration is how long the poll took.
	Duration time.Duration
	// NextPoll is when the feed is due again, zero if its state could not
	// be saved or the feed is paused (Run looks again shortly).
	NextPoll time.Time
}

// Poller reads feeds on a per-feed schedule: conditional GET, parsing,
// full-text fetching for snippet-only items, classification, idempotent
// storage, and announcement of new relevant articles. A feed a captain
// paused (strike.FeedState.Paused) is not fetched; Run looks at it again
// every 10 seconds (or Interval, if shorter), so a resume is seen soon.
//
// Fields are set before the first call and not changed afterwards; a Poller
// is then safe for concurrent use. Store, Fetch and Classify are required.
type Poller struct {
	Store Store
	Fetch Fetcher
	// Classify sets a.Relevance (and may set other derived fields) for an
	// article of the given campaign. It must be safe for concurrent use.
	Classify func(campaignID string, a *strike.Article)
	// Handle, if set, is called with each poll's new articles once they are
	// stored, before Poll returns. Batch.Announce says which of them are
	// news to announce.
	Handle func(ctx context.Context, b Batch)
	// Observe, if set, is called after every poll (for metrics).
	Observe func(Result)
	// Now returns the current time; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger // slog.Default() when nil

	Interval       time.Duration // between successful polls of a feed; default 15m
	Jitter         float64       // fraction of Interval added or removed at random; default 0
	MaxBackoff     time.Duration // cap of the delay after failures; default 6h
	AnnounceWindow time.Duration // first poll: announce only items this recent; 0 announces the whole backlog
	MaxItems       int           // items kept per fetch; default 100
	FullText       bool          // fetch linked pages of snippet-only items
	SnippetWords   int           // fewer words of text than this makes an item a snippet; default 80
	MaxFullText    int           // linked pages fetched per poll at most; default MaxItems (100)
	Concurrency    int           // feeds polled at once; default 8

	// Run spaces the feeds of one host: after a success, a feed's next
	// poll is at its own place in the interval (k feeds of a host 1/k of
	// it apart), derived from the feed list alone, so replicas agree.
	// Jitter then moves a poll within the feed's share only.

	// Lease, when positive, makes Run lease each due feed in the store
	// (Store.ClaimFeed) before polling it, for that long: several
	// processes sharing a store then poll each feed once per interval
	// between them, and a feed whose poller died is taken over when its
	// lease runs out. It must outlast a poll (requests, pages, storing).
	// PollAll and PollEach poll without leases.
	Lease time.Duration

	// Feeds, if set, returns feeds to poll besides the ones given to Run
	// (the feeds captains added from chat); Run calls it at the start and
	// every Refresh. It must be safe for concurrent use.
	Feeds   func(ctx context.Context) ([]Feed, error)
	Refresh time.Duration // between calls of Feeds; default 1m
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) logger() *slog.Logger {
	if p.Logger != nil {
		return p.Logger
	}
	return slog.Default()
}

func (p *Poller) interval() time.Duration {
	if p.Interval > 0 {
		return p.Interval
	}
	return 15 * time.Minute
}

func (p *Poller) concurrency() int {
	if p.Concurrency > 0 {
		return p.Concurrency
	}
	return 8
}

// PollAll polls every feed once, Concurrency at a time, and returns one
// Result per feed in the order given. A failing feed does not stop the others.
func (p *Poller) PollAll(ctx context.Context, feeds []Feed) []Result {
	results := make([]Result, len(feeds))
	p.PollEach(ctx, feeds, func(i int, r Result) { results[i] = r })
	return results
}

// PollEach polls every feed once, Concurrency at a time, and calls fn with
// each feed's index and Result as soon as its poll is done, one call at a
// time, so that a caller keeps only what it needs of each: polling many
// feeds then holds little memory. Feeds not polled because ctx ended get a
// Result with ctx's error. PollEach returns when every call returned.
func (p *Poller) PollEach(ctx context.Context, feeds []Feed, fn func(i int, r Result)) {
	jobs := make(chan int)
	var (
		wg sync.WaitGroup
		mu sync.Mutex // one fn at a time
	)
	report := func(i int, r Result) {
		mu.Lock()
		defer mu.Unlock()
		fn(i, r)
	}
	for range min(p.concurrency(), len(feeds)) {
		wg.Go(func() {
			for i := range jobs {
				report(i, p.Poll(ctx, feeds[i]))
			}
		})
	}
	for i := range feeds {
		select {
		case jobs <- i:
		case <-ctx.Done():
			close(jobs)
			wg.Wait()
			for j := i; j < len(feeds); j++ {
				report(j, Result{Feed: feeds[j], Err: ctx.Err()})
			}
			return
		}
	}
	close(jobs)
	wg.Wait()
}

// Run polls the feeds on their schedules until ctx is canceled, then waits
// for the polls under way and returns ctx's error. A feed is due at the
// NextPoll stored from its last poll, or at once if never polled.
//
// feeds is the static list (the configured feeds). When Poller.Feeds is
// set, Run also polls what it returns: at the start, and again every
// Refresh, so feeds added or removed meanwhile (from chat) are picked up
// without a restart. A feed new to the list is due at once; a feed gone
// from it is dropped from the schedule (a poll of it under way finishes).
// Feeds of both lists are one feed per URL, the static entry winning. When
// Feeds fails, the error is logged and the list stays as it was until the
// next refresh.
func (p *Poller) Run(ctx context.Context, feeds []Feed) error {
	s := &schedule{
		feeds: make(map[string]Feed), due: make(map[string]time.Time), busy: make(map[string]bool),
		seq: make(map[string]int), wake: make(chan struct{}, 1),
	}
	list, _ := p.current(ctx, feeds)
	for _, f := range list {
		st, err := p.Store.FeedState(ctx, f.URL)
		var due time.Time
		switch {
		case err == nil:
			due = st.NextPoll
		case errors.Is(err, strike.ErrNotFound):
		default:
			return fmt.Errorf("feeds: load schedule of %s: %w", redactURL(f.URL), err)
		}
		s.add(f, due)
	}

	workers := min(p.concurrency(), len(list))
	if p.Feeds != nil {
		workers = p.concurrency() // the list may grow
	}
	jobs := make(chan Feed)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for f := range jobs {
				if later, ok := p.claim(ctx, f); !ok {
					s.done(f.URL, later)
					continue
				}
				r := p.poll1(ctx, f, s.place(f.URL))
				next := r.NextPoll
				if r.Paused {
					// Looked at again soon: a captain's resume shows quickly.
					next = p.now().Add(min(p.interval(), pausedLook))
					if p.Lease > 0 {
						p.release(f)
					}
				}
				if next.IsZero() {
					// The poll could not save its state (store down, or
					// the process stopping): try again after a short pause.
					next = p.now().Add(min(p.interval(), time.Minute))
					if p.Lease > 0 {
						p.release(f)
					}
				}
				s.done(f.URL, next)
			}
		})
	}
	defer func() {
		close(jobs)
		wg.Wait()
	}()

	var nextRefresh time.Time
	if p.Feeds != nil {
		nextRefresh = p.now().Add(p.refresh())
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		now := p.now()
		if !nextRefresh.IsZero() && !now.Before(nextRefresh) {
			if list, ok := p.current(ctx, feeds); ok {
				s.replace(list, now)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			now = p.now()
			nextRefresh = now.Add(p.refresh())
		}
		ready, next := s.take(now)
		for _, f := range ready {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if len(ready) > 0 {
			continue // time has passed while handing out work: look again
		}
		if !nextRefresh.IsZero() && (next.IsZero() || nextRefresh.Before(next)) {
			next = nextRefresh
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = max(next.Sub(p.now()), 10*time.Millisecond)
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		case <-s.wake:
		}
	}
}

// pausedLook is how often Run looks at a paused feed again.
const pausedLook = 10 * time.Second

// claim leases f for this process when Lease is set. When another process
// polls it, or polled it and it is not due yet, it returns when to look
// again and false.
func (p *Poller) claim(ctx context.Context, f Feed) (time.Time, bool) {
	if p.Lease <= 0 {
		return time.Time{}, true
	}
	now := p.now()
	st, ok, err := p.Store.ClaimFeed(ctx, f.URL, f.CampaignID, now, now.Add(p.Lease))
	switch {
	case err != nil:
		if ctx.Err() == nil {
			p.logger().Warn("feed not leased; trying again shortly", "feed", redactURL(f.URL), "err", err.Error())
		}
		return now.Add(min(p.interval(), time.Minute)), false
	case ok:
		return time.Time{}, true
	}
	// Another process has it: look again when its lease runs out or the
	// feed is next due, whichever is later.
	next := st.NextPoll
	if st.LeaseUntil.After(next) {
		next = st.LeaseUntil
	}
	if !next.After(now) {
		next = now.Add(time.Second)
	}
	return next, false
}

// release gives up f's lease, with a context of its own: it runs when the
// poll's context may be done.
func (p *Poller) release(f Feed) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.Store.ReleaseFeed(ctx, f.URL); err != nil {
		p.logger().Warn("feed lease not released; it runs out by itself", "feed", redactURL(f.URL), "err", err.Error())
	}
}

// refreshTimeout bounds one call of Poller.Feeds.
const refreshTimeout = 30 * time.Second

func (p *Poller) refresh() time.Duration {
	if p.Refresh > 0 {
		return p.Refresh
	}
	return time.Minute
}

// current returns the static feeds followed by those Poller.Feeds returns,
// one per URL (the first wins). ok is false when Feeds failed; the static
// feeds are returned then.
func (p *Poller) current(ctx context.Context, static []Feed) (list []Feed, ok bool) {
	seen := make(map[string]bool, len(static))
	add := func(fs []Feed) {
		for _, f := range fs {
			if f.URL != "" && !seen[f.URL] {
				seen[f.URL] = true
				list = append(list, f)
			}
		}
	}
	add(static)
	if p.Feeds == nil {
		return list, true
	}
	ctx, cancel := context.WithTimeout(ctx, refreshTimeout)
	defer cancel()
	more, err := p.Feeds(ctx)
	if err != nil {
		if ctx.Err() == nil || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			p.logger().Warn("feed list not refreshed; polling the feeds already known", "err", err.Error())
		}
		return list, false
	}
	add(more)
	return list, true
}

// schedule is Run's table of feeds and their due times. Feeds being polled
// are in busy, not in due; a feed in neither is not in the list any more.
type schedule struct {
	mu    sync.Mutex
	feeds map[string]Feed      // the current list, by URL
	due   map[string]time.Time // feeds waiting for their turn
	busy  map[string]bool      // feeds being polled
	seq   map[string]int       // order of arrival, to break ties
	n     int
	wake  chan struct{}

	places map[string]place // each feed's place in the interval; nil when the list changed
}

// place is a feed's share of the polling interval, as fractions of it: a
// host's k feeds take turns, 1/k of the interval apart, from a start that
// depends on the host's name, so that several hosts do not all begin at
// once. Every replica derives the same places from the same list.
type place struct {
	start, width float64
}

// place returns the place of the feed at URL u in the current list.
func (s *schedule) place(u string) place {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.places == nil {
		s.places = places(s.feeds)
	}
	return s.places[u]
}

// places spaces each host's feeds evenly over the interval.
func places(feeds map[string]Feed) map[string]place {
	byHost := make(map[string][]string)
	for u := range feeds {
		h := hostName(u)
		byHost[h] = append(byHost[h], u)
	}
	out := make(map[string]place, len(feeds))
	for h, urls := range byHost {
		sort.Strings(urls)
		sum := fnv.New64a()
		sum.Write([]byte(h)) //nolint:errcheck // a hash's Write never fails
		base := float64(sum.Sum64()>>11) / (1 << 53)
		k := float64(len(urls))
		for i, u := range urls {
			start := base + float64(i)/k
			out[u] = place{start: start - math.Floor(start), width: 1 / k}
		}
	}
	return out
}

// add puts f in the list, due at due, unless a feed of its URL is there.
func (s *schedule) add(f Feed, due time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.feeds[f.URL]; ok {
		return
	}
	s.feeds[f.URL] = f
	s.due[f.URL] = due
	s.places = nil
	s.n++
	s.seq[f.URL] = s.n
}

// replace makes list the current list: feeds new to it are due at now,
// feeds gone from it leave the schedule (one being polled is dropped when
// its poll is done), the others keep their turn but take the new entry.
func (s *schedule) replace(list []Feed, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := make(map[string]Feed, len(list))
	for _, f := range list {
		keep[f.URL] = f
		if _, ok := s.feeds[f.URL]; ok {
			continue
		}
		if !s.busy[f.URL] { // else done reschedules it
			s.due[f.URL] = now
		}
		s.n++
		s.seq[f.URL] = s.n
	}
	for u := range s.feeds {
		if _, ok := keep[u]; !ok {
			delete(s.due, u)
			if !s.busy[u] {
				delete(s.seq, u)
			}
		}
	}
	s.feeds = keep
	s.places = nil
}

// take removes and returns the feeds due at now, in due order, marking them
// busy, and the earliest due time of the rest (zero if none).
func (s *schedule) take(now time.Time) (ready []Feed, next time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var urls []string
	for u, t := range s.due {
		if !t.After(now) {
			urls = append(urls, u)
			continue
		}
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	sort.Slice(urls, func(a, b int) bool {
		ta, tb := s.due[urls[a]], s.due[urls[b]]
		if ta.Equal(tb) {
			return s.seq[urls[a]] < s.seq[urls[b]]
		}
		return ta.Before(tb)
	})
	for _, u := range urls {
		delete(s.due, u)
		s.busy[u] = true
		ready = append(ready, s.feeds[u])
	}
	return ready, next
}

// done records the end of a poll: the feed is due again at next if it is
// still in the list.
func (s *schedule) done(u string, next time.Time) {
	s.mu.Lock()
	delete(s.busy, u)
	if _, ok := s.feeds[u]; ok {
		s.due[u] = next
	} else {
		delete(s.seq, u)
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Poll reads one feed once and records the outcome in the store.
func (p *Poller) Poll(ctx context.Context, f Feed) Result {
	return p.poll1(ctx, f, place{})
}

// poll1 is Poll with the feed's place in the interval (Run's spacing of
// a host's feeds); the zero place is no place.
func (p *Poller) poll1(ctx context.Context, f Feed, at place) Result {
	start := p.now()
	r := p.poll(ctx, f, start, at)
	r.Feed = f
	r.Duration = p.now().Sub(start)
	log := p.logger().With("feed", redactURL(f.URL), "campaign", f.CampaignID)
	switch {
	case r.Err != nil && ctx.Err() != nil:
		log.Debug("feed poll interrupted by shutdown")
	case r.Err != nil:
		log.Warn("feed poll failed", "err", r.Err.Error())
	case r.NotModified:
		log.Debug("feed not modified")
	case r.Paused:
		log.Debug("feed paused by a captain; not fetched")
	default:
		log.Info("feed polled", "items", r.Items, "new", len(r.New), "announced", r.Announced)
	}
	if p.Observe != nil {
		p.Observe(r)
	}
	for i := range r.New {
		r.New[i].Summary, r.New[i].Text = "", ""
	}
	return r
}

func (p *Poller) poll(ctx context.Context, f Feed, now time.Time, at place) Result {
	state, err := p.Store.FeedState(ctx, f.URL)
	if errors.Is(err, strike.ErrNotFound) {
		state = strike.FeedState{URL: f.URL, CampaignID: f.CampaignID}
	} else if err != nil {
		return Result{Err: fmt.Errorf("feeds: load state of %s: %w", redactURL(f.URL), err)}
	}
	if !state.Paused.IsZero() {
		return Result{Paused: true}
	}
	state.CampaignID = f.CampaignID
	state.Polls++
	state.LastPoll = now
	firstPoll := state.LastSuccess.IsZero()

	resp, err := p.Fetch.Get(ctx, fetch.Request{URL: f.URL, ETag: state.ETag, LastModified: state.LastModified})
	if err != nil {
		return p.fail(ctx, state, now, err)
	}
	if resp.NotModified {
		return p.unchanged(ctx, state, now, at)
	}
	sum := sha256.Sum256(resp.Body)
	bodyHash := hex.EncodeToString(sum[:16])
	state.ETag, state.LastModified = resp.ETag, resp.LastModified
	if bodyHash == state.BodyHash {
		return p.unchanged(ctx, state, now, at)
	}

	parsed, err := Parse(resp.Body, ParseOptions{
		FeedURL:     f.URL,
		CampaignID:  f.CampaignID,
		Source:      f.Name,
		Now:         now,
		MaxItems:    p.MaxItems,
		ContentType: resp.ContentType,
	})
	if err != nil {
		return p.fail(ctx, state, now, err)
	}

	fresh, err := p.unknown(ctx, f.CampaignID, parsed.Items)
	if err != nil {
		return p.fail(ctx, state, now, err)
	}
	if p.FullText {
		p.fillText(ctx, f.CampaignID, fresh, SearchFeed(f.URL))
	}
	for i := range fresh {
		p.Classify(f.CampaignID, &fresh[i])
	}

	state.Title = parsed.Title
	state.BodyHash = bodyHash
	p.succeed(&state, now, at)
	stored, err := p.Store.SavePoll(ctx, state, fresh)
	if err != nil {
		return Result{Items: len(parsed.Items), Err: fmt.Errorf("feeds: store poll of %s: %w", redactURL(f.URL), err)}
	}

	r := Result{Items: len(parsed.Items), New: stored, NextPoll: state.NextPoll}
	b := Batch{Feed: f, Articles: stored}
	if firstPoll && p.AnnounceWindow > 0 {
		b.Since = now.Add(-p.AnnounceWindow)
	}
	for _, a := range stored {
		if b.Announce(a) {
			r.Announced++
		}
	}
	if p.Handle != nil && len(stored) > 0 {
		p.Handle(ctx, b)
	}
	return r
}

// Batch is what one poll of a feed stored that was new.
type Batch struct {
	Feed Feed
	// Articles are the new articles as stored (IDs set), in feed order.
	Articles []strike.Article
	// Since, when set, marks the backlog of a feed's first poll: articles
	// published before it are stored and processed but not announced.
	Since time.Time
}

// Announce reports whether an article of the batch is news to announce:
// tier core or related, and not backlog.
func (b Batch) Announce(a strike.Article) bool {
	return a.Relevance.Tier.Announceable() && (b.Since.IsZero() || !a.Published.Before(b.Since))
}

// unknown drops the items the store already has, so that only new items are
// fetched in full and classified.
func (p *Poller) unknown(ctx context.Context, campaignID string, items []strike.Article) ([]strike.Article, error) {
	if len(items) == 0 {
		return nil, nil
	}
	keys := make([]string, len(items))
	for i, a := range items {
		keys[i] = a.Key
	}
	known, err := p.Store.KnownKeys(ctx, campaignID, keys)
	if err != nil {
		return nil, fmt.Errorf("feeds: known keys: %w", err)
	}
	fresh := make([]strike.Article, 0, len(items))
	for _, a := range items {
		if !known[a.Key] {
			fresh = append(fresh, a)
		}
	}
	return fresh, nil
}

// fillText fetches the linked pages of snippet-only items, at most
// MaxFullText of them, a few at a time: the snippets that show some sign of
// being the campaign's news first (a positive relevance score), newest
// first, then those that score nothing either way but speak of labour in
// their headline or snippet (see laborHint), or whose headline names a page
// of many items, where the campaign's news may be one (see roundupHint); a
// snippet with none of these is not worth a request, unless the feed is a
// news search's (search): every item of one matched the query somewhere
// on its page, and a feature's snippet is often a scene that names nothing
// ("The first thing you notice is the folding chairs."). A page that
// cannot be fetched or read leaves the item's text as it was.
func (p *Poller) fillText(ctx context.Context, campaignID string, items []strike.Article, search bool) {
	words := p.SnippetWords
	if words <= 0 {
		words = 80
	}
	limit := p.MaxFullText
	if limit <= 0 {
		limit = p.MaxItems
		if limit <= 0 {
			limit = 100
		}
	}
	var want []int
	score := make(map[int]float64)
	for i := range items {
		if !NeedsFullText(items[i], words) {
			continue
		}
		probe := items[i]
		p.Classify(campaignID, &probe)
		if probe.Relevance.Score > 0 || probe.Relevance.Tier != strike.TierNone ||
			probe.Relevance.Score == 0 && (search || laborHint(items[i].Title+" "+items[i].Text) || roundupHint(items[i].Title) || diaryHint(items[i].Title)) {
			want = append(want, i)
			score[i] = probe.Relevance.Score
		}
	}
	sort.SliceStable(want, func(a, b int) bool {
		if sa, sb := score[want[a]], score[want[b]]; sa != sb {
			return sa > sb
		}
		return items[want[a]].Published.After(items[want[b]].Published)
	})
	if len(want) > limit {
		want = want[:limit]
	}
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, i := range want {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		wg.Go(func() {
			defer func() { <-sem }()
			a := &items[i]
			resp, err := p.Fetch.Get(ctx, fetch.Request{URL: a.URL, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
			if err != nil {
				p.logger().Debug("article page not fetched", "url", redactURL(a.URL), "err", err.Error())
				return
			}
			ex, err := ExtractArticle(resp.Body, a.URL)
			if err != nil {
				p.logger().Debug("article text not extracted", "url", redactURL(a.URL), "err", err.Error())
				return
			}
			if len(ex.Text) > len(a.Text) {
				a.Text = ex.Text
			}
			if a.PublishedEstimated && !ex.Published.IsZero() && !ex.Published.After(a.FirstSeen) {
				a.Published, a.PublishedEstimated = ex.Published.UTC(), false
			}
		})
	}
	wg.Wait()
}

func (p *Poller) succeed(state *strike.FeedState, now time.Time, at place) {
	state.LastSuccess = now
	state.Failures = 0
	state.FailingSince = time.Time{}
	if at.width > 0 {
		state.NextPoll = p.slot(now, at)
		return
	}
	state.NextPoll = now.Add(p.jittered(p.interval()))
}

// slot is when a feed with place at, polled successfully at now, is due
// again: about one interval later (between a half and one and a half),
// moved to the feed's own place in the interval, counted from the Unix
// epoch so that every replica computes the same. Jitter, if any, moves it
// within the feed's share of the interval only, so a host's feeds keep
// their turns.
func (p *Poller) slot(now time.Time, at place) time.Time {
	iv := p.interval()
	target := now.Add(iv)
	want := time.Duration(at.start * float64(iv))
	have := time.Duration(target.UnixNano() % int64(iv))
	d := want - have
	for d > iv/2 {
		d -= iv
	}
	for d <= -iv/2 {
		d += iv
	}
	if p.Jitter > 0 {
		d += time.Duration(p.Jitter * (2*rand.Float64() - 1) * at.width / 2 * float64(iv))
	}
	return target.Add(d)
}

func (p *Poller) unchanged(ctx context.Context, state strike.FeedState, now time.Time, at place) Result {
	p.succeed(&state, now, at)
	if err := p.Store.SaveFeedState(ctx, state); err != nil {
		return Result{NotModified: true, Err: fmt.Errorf("feeds: save state of %s: %w", redactURL(state.URL), err)}
	}
	return Result{NotModified: true, NextPoll: state.NextPoll}
}

// fail records a failed poll: exponential backoff from Interval, capped at
// MaxBackoff, and never sooner than a server's Retry-After. A poll cut short
// because ctx ended (shutdown) is not the feed's failure and is not recorded.
func (p *Poller) fail(ctx context.Context, state strike.FeedState, now time.Time, cause error) Result {
	if ctx.Err() != nil {
		return Result{Err: ctx.Err()}
	}
	if state.Failures == 0 || state.FailingSince.IsZero() {
		state.FailingSince = now // a spell of failures begins
	}
	state.Failures++
	state.LastError = now
	// What captains read in "sources" and the operations channel; the
	// log has the error itself.
	state.LastErrorText = Plain(cause)
	delay := p.backoff(state.Failures)
	var se *fetch.StatusError
	if errors.As(cause, &se) && se.RetryAfter > delay {
		delay = se.RetryAfter
	}
	state.NextPoll = now.Add(delay)
	if state.Failures == 3 {
		p.logger().Error("feed keeps failing; strikebot keeps retrying with longer pauses",
			"feed", redactURL(state.URL), "failures", state.Failures, "next_poll", state.NextPoll, "err", cause.Error())
	}
	if err := p.Store.SaveFeedState(ctx, state); err != nil {
		return Result{Err: errors.Join(cause, fmt.Errorf("feeds: save state of %s: %w", redactURL(state.URL), err))}
	}
	return Result{Err: cause, NextPoll: state.NextPoll}
}

// backoff is the delay after the n-th consecutive failure: Interval doubled
// for each failure after the first, capped at MaxBackoff, jittered.
func (p *Poller) backoff(n int) time.Duration {
	maxB := p.MaxBackoff
	if maxB <= 0 {
		maxB = 6 * time.Hour
	}
	d := p.interval()
	for i := 1; i < n && d < maxB; i++ {
		d *= 2
	}
	return min(p.jittered(d), maxB)
}

func (p *Poller) jittered(d time.Duration) time.Duration {
	if p.Jitter <= 0 {
		return d
	}
	f := 1 + p.Jitter*(2*rand.Float64()-1)
	return time.Duration(float64(d) * f)
}

// redactURL hides any password or secret query value in a URL for logs
// and errors.
func redactURL(raw string) string { return strike.RedactURL(raw) }

// laborHints are words of labour news that a profile's terms may lack:
// a newsletter's "three health care labor fights to watch" above a
// greeting ("Good morning."), "a nurses' vote", "talks", "a deal", and a
// weekend listing's "a rally" or "marchers".
var laborHints = []string{"labor", "labour", "union", "bargain", "picket", "contract", "negotiat",
	"dispute", "walkout", "strike", "vote", "talks", "deal", "huelga", "sindicato", "rally", "rallies", "marcher"}

// SearchFeed reports whether the feed at rawURL is a news search's: its
// path has a "search" segment or its query a search term ("q", "query",
// "keyword"), as news.google.com/rss/search?q=… and the news search pages
// of other engines do.
func SearchFeed(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	for seg := range strings.SplitSeq(strings.ToLower(u.Path), "/") {
		if seg == "search" {
			return true
		}
	}
	q := u.Query()
	return q.Get("q") != "" || q.Get("query") != "" || q.Get("keyword") != ""
}

// roundupHints are the words of a headline over many short items
// ("Newsroom ticker: Monday, Oct. 21", "Parish bulletin", "Courthouse log:
// Nov. 25 to Dec. 2", "Today in labor"), whose first item, the snippet, says
// nothing of the others.
var roundupHints = []string{"ticker", "bulletin", "roundup", "round-up", "briefs", "in brief", "digest", "newsletter",
	"log:", "the week in", "today in", "notebook", "around town", "things to know", "what to know", "live updates",
	// "Capitol Desk: What we're watching this week", "Community calendar:
	// …", "8 things to do …", "This week at St. Brendan", "The Daily
	// Rundown", "Morning briefing".
	"what we're watching", "what we’re watching", "calendar:", "things to do", "this week at", "rundown", "briefing",
	// "Action Minutes, Regular Meeting of the City Council": a meeting's
	// items.
	"action minutes", "meeting minutes", "minutes of the", "agenda:"}

// roundupHint reports whether a headline names a page of many items.
func roundupHint(title string) bool {
	lower := strings.ToLower(title)
	for _, h := range roundupHints {
		if i := strings.Index(lower, h); i >= 0 && (i == 0 || !isLetter(lower[i-1])) {
			return true
		}
	}
	return false
}

// diaryRE finds a headline that counts days, as a striker's diary does
// ("Day 43: Cold mornings, warm hands"): its snippet ("Hi friends.") says
// nothing, its page may say which strike.
var diaryRE = regexp.MustCompile(`(?i)^(?:day|week) \d{1,3}\b`)

// diaryHint reports whether a headline counts days or weeks.
func diaryHint(title string) bool { return diaryRE.MatchString(strings.TrimSpace(title)) }

// laborHint reports whether s, a headline and snippet, speaks of labour
// in one of laborHints' words (matched at a word's start, in any case).
func laborHint(s string) bool {
	lower := strings.ToLower(s)
	for _, h := range laborHints {
		for i := 0; ; {
			j := strings.Index(lower[i:], h)
			if j < 0 {
				break
			}
			at := i + j
			if at == 0 || !isLetter(lower[at-1]) {
				return true
			}
			i = at + len(h)
		}
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || c >= 0x80 }
