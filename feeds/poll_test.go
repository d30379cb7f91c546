package feeds_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// newsSite is a fake news site: an RSS feed whose items can change between
// polls, with ETag support, and article pages.
type newsSite struct {
	mu      sync.Mutex
	items   []siteItem
	status  int // when not 0, every feed request answers this status
	header  http.Header
	noETag  bool // always 200 with the same body
	hits    atomic.Int64
	gets304 atomic.Int64
	pages   map[string]string
}

type siteItem struct {
	guid, title, desc string
	pub               time.Time
}

func (s *newsSite) set(items ...siteItem) {
	s.mu.Lock()
	s.items = items
	s.mu.Unlock()
}

// add puts items in front of the feed's current ones.
func (s *newsSite) add(items ...siteItem) {
	s.mu.Lock()
	s.items = append(items, s.items...)
	s.mu.Unlock()
}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/articles/") {
		page, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
		return
	}
	s.hits.Add(1)
	if s.status != 0 {
		for k, v := range s.header {
			w.Header()[k] = v
		}
		w.WriteHeader(s.status)
		return
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Ledger</title><link>http://example.org/</link>`)
	for _, it := range s.items {
		fmt.Fprintf(&b, `<item><guid>%s</guid><title>%s</title><link>http://%s/articles/%s</link><description>%s</description><pubDate>%s</pubDate></item>`,
			it.guid, it.title, r.Host, it.guid, it.desc, it.pub.Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	body := b.String()
	if !s.noETag {
		etag := fmt.Sprintf(`"%x"`, len(body)*31+len(s.items))
		if r.Header.Get("If-None-Match") == etag {
			s.gets304.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, body)
}

// keywordClassifier marks articles mentioning "strike" as core and
// "Kaiser" as related: enough to test the poller without the real scorer.
func keywordClassifier(_ string, a *strike.Article) {
	text := strings.ToLower(a.Title + " " + a.Text)
	switch {
	case strings.Contains(text, "strike"):
		a.Relevance = strike.Relevance{Tier: strike.TierCore, Score: 10}
	case strings.Contains(text, "kaiser"):
		a.Relevance = strike.Relevance{Tier: strike.TierRelated, Score: 5}
	default:
		a.Relevance = strike.Relevance{Tier: strike.TierNone}
	}
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type announced struct {
	mu   sync.Mutex
	list []strike.Article
}

func (a *announced) handle(_ context.Context, b feeds.Batch) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, art := range b.Articles {
		if b.Announce(art) {
			a.list = append(a.list, art)
		}
	}
}

func (a *announced) titles() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for _, art := range a.list {
		out = append(out, art.Title)
	}
	return out
}

func openStore(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newPoller(st feeds.Store, clk *clock, ann *announced) *feeds.Poller {
	return &feeds.Poller{
		Store:          st,
		Fetch:          fetch.New(fetch.Options{AllowPrivate: true, Timeout: 2 * time.Second}),
		Classify:       keywordClassifier,
		Handle:         ann.handle,
		Now:            clk.Now,
		Interval:       10 * time.Minute,
		MaxBackoff:     time.Hour,
		AnnounceWindow: 24 * time.Hour,
		FullText:       true,
	}
}

var t0 = time.Date(2024, 10, 20, 12, 0, 0, 0, time.UTC)

func TestPollerAnnouncesOnlyNewRelevantItemsOnce(t *testing.T) {
	site := &newsSite{}
	site.set(
		siteItem{"old-strike", "Strike vote announced", "Old backlog news about a strike vote at Kaiser.", t0.Add(-72 * time.Hour)},
		siteItem{"new-strike", "Workers strike at Kaiser", "Mental health workers began a strike at Kaiser today.", t0.Add(-2 * time.Hour)},
		siteItem{"weather", "Sunny weekend ahead", "No rain is expected this weekend.", t0.Add(-time.Hour)},
	)
	srv := httptest.NewServer(site)
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "bot.db")
	st := openStore(t, path)
	clk := &clock{t: t0}
	ann := &announced{}
	p := newPoller(st, clk, ann)
	feed := feeds.Feed{URL: srv.URL + "/feed.xml", CampaignID: "kaiser"}

	// First poll: the backlog is stored, only the recent relevant item announced.
	r := p.Poll(context.Background(), feed)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got, want := len(r.New), 3; got != want {
		t.Errorf("first poll stored %d new, want %d", got, want)
	}
	if got, want := ann.titles(), []string{"Workers strike at Kaiser"}; !equal(got, want) {
		t.Errorf("first poll announced %q, want %q", got, want)
	}

	// Second poll, nothing changed: 304, nothing new.
	clk.Add(10 * time.Minute)
	r = p.Poll(context.Background(), feed)
	if r.Err != nil || !r.NotModified || len(r.New) != 0 {
		t.Errorf("second poll = %+v, want not modified and nothing new", r)
	}
	if site.gets304.Load() != 1 {
		t.Errorf("server sent %d 304s, want 1", site.gets304.Load())
	}

	// A new item appears: announced at once, even though older items were
	// announced-window-limited on the first poll.
	site.add(siteItem{"mediation", "Kaiser and union agree to mediation", "Talks move to mediation in the strike.", t0.Add(-30 * time.Hour)})
	clk.Add(10 * time.Minute)
	r = p.Poll(context.Background(), feed)
	if r.Err != nil || len(r.New) != 1 || r.Announced != 1 {
		t.Fatalf("third poll = new %d announced %d err %v, want 1, 1, nil", len(r.New), r.Announced, r.Err)
	}

	// Restart: a new poller on the same database re-reads the feed (no
	// validators lost) and announces nothing again.
	st.Close()
	st2 := openStore(t, path)
	ann2 := &announced{}
	p2 := newPoller(st2, clk, ann2)
	site.mu.Lock()
	site.noETag = true // force a full body so the poller must dedupe by identity
	site.mu.Unlock()
	site.add(siteItem{"x", "Kaiser opens clinic", "A clinic opens.", t0})
	clk.Add(10 * time.Minute)
	r = p2.Poll(context.Background(), feed)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := ann2.titles(); !equal(got, []string{"Kaiser opens clinic"}) {
		t.Errorf("after restart announced %q, want only the one new item", got)
	}
	all, err := st2.Articles(context.Background(), strike.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Errorf("store has %d articles, want 5", len(all))
	}
}

func TestPollerSameBodyIsNotModified(t *testing.T) {
	site := &newsSite{noETag: true}
	site.set(siteItem{"a", "Strike day one", "Picket lines formed.", t0})
	srv := httptest.NewServer(site)
	defer srv.Close()
	clk := &clock{t: t0}
	p := newPoller(openStore(t, filepath.Join(t.TempDir(), "b.db")), clk, &announced{})
	feed := feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"}
	if r := p.Poll(context.Background(), feed); r.Err != nil || len(r.New) != 1 {
		t.Fatalf("first poll = %+v", r)
	}
	r := p.Poll(context.Background(), feed)
	if r.Err != nil || !r.NotModified {
		t.Errorf("same body again = %+v, want NotModified", r)
	}
}

func TestPollerFailureBackoffAndRetryAfter(t *testing.T) {
	site := &newsSite{status: http.StatusInternalServerError}
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	clk := &clock{t: t0}
	p := newPoller(st, clk, &announced{})
	feed := feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"}
	ctx := context.Background()

	wantDelays := []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, time.Hour, time.Hour}
	for i, want := range wantDelays {
		r := p.Poll(ctx, feed)
		if r.Err == nil {
			t.Fatalf("poll %d succeeded against a 500", i+1)
		}
		state, err := st.FeedState(ctx, feed.URL)
		if err != nil {
			t.Fatal(err)
		}
		if got := state.NextPoll.Sub(clk.Now()); got != want {
			t.Errorf("after failure %d: next poll in %s, want %s", i+1, got, want)
		}
		if state.Failures != i+1 || state.LastErrorText == "" {
			t.Errorf("after failure %d: failures %d, last error %q", i+1, state.Failures, state.LastErrorText)
		}
	}

	site.mu.Lock()
	site.status = http.StatusTooManyRequests
	site.header = http.Header{"Retry-After": {"7200"}}
	site.mu.Unlock()
	p.Poll(ctx, feed)
	state, _ := st.FeedState(ctx, feed.URL)
	if got, want := state.NextPoll.Sub(clk.Now()), 2*time.Hour; got != want {
		t.Errorf("after 429 Retry-After 7200: next poll in %s, want %s", got, want)
	}

	// Recovery resets the failure count and the schedule.
	site.mu.Lock()
	site.status = 0
	site.mu.Unlock()
	site.set(siteItem{"a", "Strike", "Strike news.", t0})
	if r := p.Poll(ctx, feed); r.Err != nil {
		t.Fatal(r.Err)
	}
	state, _ = st.FeedState(ctx, feed.URL)
	if state.Failures != 0 || state.NextPoll.Sub(clk.Now()) != 10*time.Minute {
		t.Errorf("after recovery: failures %d, next poll in %s", state.Failures, state.NextPoll.Sub(clk.Now()))
	}
}

func TestPollerBadFeedFailsAlone(t *testing.T) {
	good := &newsSite{}
	good.set(siteItem{"a", "Strike continues", "Day 30 of the strike.", t0})
	goodSrv := httptest.NewServer(good)
	defer goodSrv.Close()
	htmlSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>News</body></html>`)
	}))
	defer htmlSrv.Close()
	slowSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for range 50 {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			w.Write([]byte(" "))
			w.(http.Flusher).Flush()
		}
	}))
	defer slowSrv.Close()

	clk := &clock{t: t0}
	p := newPoller(openStore(t, filepath.Join(t.TempDir(), "d.db")), clk, &announced{})
	p.Fetch = fetch.New(fetch.Options{AllowPrivate: true, Timeout: 500 * time.Millisecond})
	list := []feeds.Feed{
		{URL: slowSrv.URL + "/slow", CampaignID: "c"},
		{URL: htmlSrv.URL + "/", CampaignID: "c"},
		{URL: goodSrv.URL + "/feed", CampaignID: "c"},
		{URL: "http://127.0.0.1:1/refused", CampaignID: "c"},
	}
	start := time.Now()
	results := p.PollAll(context.Background(), list)
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("PollAll took %s; a slow feed must not hold the others", elapsed)
	}
	if results[2].Err != nil || len(results[2].New) != 1 {
		t.Errorf("good feed: %+v", results[2])
	}
	for _, i := range []int{0, 1, 3} {
		if results[i].Err == nil {
			t.Errorf("feed %s: no error", list[i].URL)
		}
	}
	if msg := results[1].Err.Error(); !strings.Contains(msg, "/rss") {
		t.Errorf("HTML page error %q does not name the discovered feed link", msg)
	}
}

func TestPollerFetchesFullTextOfSnippets(t *testing.T) {
	site := &newsSite{pages: map[string]string{
		"/articles/snip": `<html><head><title>Therapists strike - Test Ledger</title></head><body><nav>Home | News</nav><article><h1>Therapists strike</h1>` +
			strings.Repeat(`<p>Mental health workers at Kaiser picketed outside the clinic on the first day of the strike, carrying signs about patient care and staffing.</p>`, 6) +
			`</article><footer>Copyright</footer></body></html>`,
	}}
	site.set(siteItem{"snip", "Therapists strike", "Workers walked out.", t0})
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "e.db"))
	p := newPoller(st, &clock{t: t0}, &announced{})
	r := p.Poll(context.Background(), feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"})
	if r.Err != nil || len(r.New) != 1 {
		t.Fatalf("poll = %+v", r)
	}
	stored, err := st.Article(context.Background(), r.New[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Text; !strings.Contains(got, "carrying signs about patient care") || strings.Contains(got, "Copyright") {
		t.Errorf("text = %q, want the article page's text without boilerplate", got)
	}
}

func TestPollerRunStopsAndPicksUpNews(t *testing.T) {
	site := &newsSite{}
	site.set(siteItem{"a", "Strike begins", "Workers strike.", time.Now().Add(-time.Minute)})
	srv := httptest.NewServer(site)
	defer srv.Close()
	ann := &announced{}
	p := newPoller(openStore(t, filepath.Join(t.TempDir(), "f.db")), &clock{}, ann)
	p.Now = time.Now
	p.Interval = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, []feeds.Feed{{URL: srv.URL + "/f", CampaignID: "c"}}) }()

	waitFor(t, func() bool { return len(ann.titles()) == 1 })
	site.add(siteItem{"b", "Strike day two", "Still on strike.", time.Now()})
	waitFor(t, func() bool { return len(ann.titles()) == 2 })
	cancel()
	select {
	case err := <-done:
		if err != context.Canceled {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
	if got := ann.titles(); !equal(got, []string{"Strike begins", "Strike day two"}) {
		t.Errorf("announced %q", got)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPollerShutdownIsNotAFailure(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	st := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	p := newPoller(st, &clock{t: t0}, &announced{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	feed := feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"}
	if r := p.Poll(ctx, feed); r.Err == nil {
		t.Fatal("poll of a hanging server succeeded")
	}
	state, err := st.FeedState(context.Background(), feed.URL)
	if err == nil && state.Failures != 0 {
		t.Errorf("a poll cut short by shutdown counted as failure %d", state.Failures)
	}
}

// TestPollerSpellAndPause: a spell of failures starts at the first failed
// poll and ends with a success; what captains read of the last error is a
// plain sentence; a paused feed is not fetched until resumed.
func TestPollerSpellAndPause(t *testing.T) {
	site := &newsSite{status: http.StatusServiceUnavailable}
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	clk := &clock{t: t0}
	p := newPoller(st, clk, &announced{})
	feed := feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"}
	ctx := context.Background()

	p.Poll(ctx, feed)
	start := clk.Now()
	clk.Add(time.Hour)
	p.Poll(ctx, feed)
	state, _ := st.FeedState(ctx, feed.URL)
	if !state.FailingSince.Equal(start) || state.Failures != 2 {
		t.Errorf("failing since %v after 2 failures (%d), want %v", state.FailingSince, state.Failures, start)
	}
	if state.LastErrorText != "The site is having trouble right now (error 503)." {
		t.Errorf("LastErrorText = %q", state.LastErrorText)
	}

	if err := st.PauseFeed(ctx, feed.URL, "c", "ana", clk.Now()); err != nil {
		t.Fatal(err)
	}
	hits := site.hits.Load()
	r := p.Poll(ctx, feed)
	if !r.Paused || r.Err != nil || !r.NextPoll.IsZero() || site.hits.Load() != hits {
		t.Errorf("poll of a paused feed = %+v, site hit %d times more", r, site.hits.Load()-hits)
	}
	if after, _ := st.FeedState(ctx, feed.URL); after.Polls != state.Polls || !after.FailingSince.Equal(start) {
		t.Errorf("a paused poll changed the state: %+v", after)
	}

	if err := st.ResumeFeed(ctx, feed.URL); err != nil {
		t.Fatal(err)
	}
	site.mu.Lock()
	site.status = 0
	site.mu.Unlock()
	site.set(siteItem{"a", "Strike", "Strike news.", t0})
	if r := p.Poll(ctx, feed); r.Err != nil || r.Paused {
		t.Fatalf("poll after resuming = %+v", r)
	}
	if state, _ = st.FeedState(ctx, feed.URL); !state.FailingSince.IsZero() || state.Failures != 0 {
		t.Errorf("after a success: failing since %v, failures %d", state.FailingSince, state.Failures)
	}
}

// TestPollerFetchesPagesOfLaborSnippets: a snippet that scores nothing
// but speaks of labour in its headline ("labor fights to watch" above
// "Good morning.") is worth a request; one that does not is not.
func TestPollerFetchesPagesOfLaborSnippets(t *testing.T) {
	page := func(title, para string) string {
		return `<html><head><title>` + title + `</title></head><body><article><h1>` + title + `</h1>` +
			strings.Repeat(`<p>`+para+`</p>`, 6) + `</article></body></html>`
	}
	site := &newsSite{pages: map[string]string{
		"/articles/digest":   page("Three labor fights to watch", "Mental health workers at Kaiser walked out on strike over staffing and pensions this week."),
		"/articles/building": page("New medical offices open", "The building has a pharmacy, a laboratory and primary care for local families and children."),
	}}
	site.set(siteItem{"digest", "Three labor fights to watch", "Good morning.", t0},
		siteItem{"building", "New medical offices open", "Good morning.", t0})
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "h.db"))
	p := newPoller(st, &clock{t: t0}, &announced{})
	r := p.Poll(context.Background(), feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"})
	if r.Err != nil || len(r.New) != 2 {
		t.Fatalf("poll = %+v", r)
	}
	for _, a := range r.New {
		stored, err := st.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		fetched := strings.Contains(stored.Text, "walked out") || strings.Contains(stored.Text, "pharmacy")
		if want := strings.Contains(stored.Title, "labor"); fetched != want {
			t.Errorf("%q: page fetched = %v, want %v (text %q)", stored.Title, fetched, want, stored.Text)
		}
	}
}

// TestPollerFetchesSearchFeedsScenes: a news search's item whose snippet
// is a scene naming nothing is fetched, as every item of a search matched
// its query; the same item in another feed is not worth a request.
func TestPollerFetchesSearchFeedsScenes(t *testing.T) {
	page := `<html><head><title>Folding chairs - Test Ledger</title></head><body><article><h1>Folding chairs</h1>` +
		strings.Repeat(`<p>Mental health workers at Kaiser have been on strike for a month, and the folding chairs outside the clinic are theirs.</p>`, 6) +
		`</article></body></html>`
	for _, tc := range []struct {
		path    string
		fetched bool
	}{
		{"/search/rss.xml", true},
		{"/rss?q=kaiser+strike", true},
		{"/f", false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			site := &newsSite{pages: map[string]string{"/articles/scene": page}}
			site.set(siteItem{"scene", "Folding chairs", "The first thing you notice is the chairs.", t0})
			srv := httptest.NewServer(site)
			defer srv.Close()
			st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
			p := newPoller(st, &clock{t: t0}, &announced{})
			r := p.Poll(context.Background(), feeds.Feed{URL: srv.URL + tc.path, CampaignID: "c"})
			if r.Err != nil || len(r.New) != 1 {
				t.Fatalf("poll = %+v", r)
			}
			stored, err := st.Article(context.Background(), r.New[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(stored.Text, "on strike for a month"); got != tc.fetched {
				t.Errorf("page fetched = %v, want %v (text %q)", got, tc.fetched, stored.Text)
			}
		})
	}
}

func TestSearchFeed(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://news.google.com/rss/search?q=kaiser+strike&hl=en-US", true},
		{"https://www.bing.com/news/search?q=kaiser&format=rss", true},
		{"https://example.org/search/rss.xml", true},
		{"https://example.org/feed?query=kaiser", true},
		{"https://example.org/rss.xml", false},
		{"https://example.org/research/feed.xml", false},
		{"https://example.org/feed?q=", false},
		{"::not a url", false},
	} {
		if got := feeds.SearchFeed(tc.url); got != tc.want {
			t.Errorf("SearchFeed(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}
