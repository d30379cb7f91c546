package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"sort"
	"sync"
	"time"

	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/strike"
)

// Store is what the Poller needs from storage. strike.Store satisfies it.
type Store interface {
	FeedState(ctx context.Context, url string) (strike.FeedState, error)
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
	// Err is the poll's error, nil on success. Its text is safe to show.
	Err error
	// Duration is how long the poll took.
	Duration time.Duration
	// NextPoll is when the feed is due again, zero if its state could not be saved.
	NextPoll time.Time
}

// Poller reads feeds on a per-feed schedule: conditional GET, parsing,
// full-text fetching for snippet-only items, classification, idempotent
// storage, and announcement of new relevant articles.
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
	MaxFullText    int           // linked pages fetched per poll at most; default 20
	Concurrency    int           // feeds polled at once; default 8
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
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(p.concurrency(), len(feeds)) {
		wg.Go(func() {
			for i := range jobs {
				results[i] = p.Poll(ctx, feeds[i])
			}
		})
	}
	for i := range feeds {
		select {
		case jobs <- i:
		case <-ctx.Done():
			for j := i; j < len(feeds); j++ {
				results[j] = Result{Feed: feeds[j], Err: ctx.Err()}
			}
			close(jobs)
			wg.Wait()
			return results
		}
	}
	close(jobs)
	wg.Wait()
	return results
}

// Run polls the feeds on their schedules until ctx is canceled, then waits
// for the polls under way and returns ctx's error. A feed is due at the
// NextPoll stored from its last poll, or at once if never polled.
func (p *Poller) Run(ctx context.Context, feeds []Feed) error {
	s := &schedule{due: make(map[int]time.Time, len(feeds)), wake: make(chan struct{}, 1)}
	for i, f := range feeds {
		st, err := p.Store.FeedState(ctx, f.URL)
		switch {
		case err == nil:
			s.due[i] = st.NextPoll
		case errors.Is(err, strike.ErrNotFound):
			s.due[i] = time.Time{}
		default:
			return fmt.Errorf("feeds: load schedule of %s: %w", redactURL(f.URL), err)
		}
	}

	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(p.concurrency(), len(feeds)) {
		wg.Go(func() {
			for i := range jobs {
				r := p.Poll(ctx, feeds[i])
				next := r.NextPoll
				if next.IsZero() {
					// The poll could not save its state (store down): try
					// again after a short pause, not at once.
					next = p.now().Add(min(p.interval(), time.Minute))
				}
				s.set(i, next)
			}
		})
	}
	defer func() {
		close(jobs)
		wg.Wait()
	}()

	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		ready, next := s.take(p.now())
		for _, i := range ready {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if len(ready) > 0 {
			continue // time has passed while handing out work: look again
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

// schedule is Run's table of due times. Feeds being polled are absent.
type schedule struct {
	mu   sync.Mutex
	due  map[int]time.Time
	wake chan struct{}
}

// take removes and returns the feeds due at now, in due order, and the
// earliest due time of the rest (zero if none).
func (s *schedule) take(now time.Time) (ready []int, next time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, t := range s.due {
		if !t.After(now) {
			ready = append(ready, i)
			continue
		}
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	sort.Slice(ready, func(a, b int) bool {
		ta, tb := s.due[ready[a]], s.due[ready[b]]
		if ta.Equal(tb) {
			return ready[a] < ready[b]
		}
		return ta.Before(tb)
	})
	for _, i := range ready {
		delete(s.due, i)
	}
	return ready, next
}

func (s *schedule) set(i int, t time.Time) {
	s.mu.Lock()
	s.due[i] = t
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Poll reads one feed once and records the outcome in the store.
func (p *Poller) Poll(ctx context.Context, f Feed) Result {
	start := p.now()
	r := p.poll(ctx, f, start)
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

func (p *Poller) poll(ctx context.Context, f Feed, now time.Time) Result {
	state, err := p.Store.FeedState(ctx, f.URL)
	if errors.Is(err, strike.ErrNotFound) {
		state = strike.FeedState{URL: f.URL, CampaignID: f.CampaignID}
	} else if err != nil {
		return Result{Err: fmt.Errorf("feeds: load state of %s: %w", redactURL(f.URL), err)}
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
		return p.unchanged(ctx, state, now)
	}
	sum := sha256.Sum256(resp.Body)
	bodyHash := hex.EncodeToString(sum[:16])
	state.ETag, state.LastModified = resp.ETag, resp.LastModified
	if bodyHash == state.BodyHash {
		return p.unchanged(ctx, state, now)
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
		p.fillText(ctx, fresh)
	}
	for i := range fresh {
		p.Classify(f.CampaignID, &fresh[i])
	}

	state.Title = parsed.Title
	state.BodyHash = bodyHash
	p.succeed(&state, now)
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

// fillText fetches the linked pages of snippet-only items, newest first, at
// most MaxFullText of them, a few at a time. A page that cannot be fetched or
// read leaves the item's text as it was.
func (p *Poller) fillText(ctx context.Context, items []strike.Article) {
	words := p.SnippetWords
	if words <= 0 {
		words = 80
	}
	limit := p.MaxFullText
	if limit <= 0 {
		limit = 20
	}
	var want []int
	for i := range items {
		if NeedsFullText(items[i], words) {
			want = append(want, i)
		}
	}
	sort.SliceStable(want, func(a, b int) bool { return items[want[a]].Published.After(items[want[b]].Published) })
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

func (p *Poller) succeed(state *strike.FeedState, now time.Time) {
	state.LastSuccess = now
	state.Failures = 0
	state.NextPoll = now.Add(p.jittered(p.interval()))
}

func (p *Poller) unchanged(ctx context.Context, state strike.FeedState, now time.Time) Result {
	p.succeed(&state, now)
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
	state.Failures++
	state.LastError = now
	state.LastErrorText = cause.Error()
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

// redactURL hides any password in a URL for logs and errors.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
