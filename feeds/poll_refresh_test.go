package feeds_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikebot/strikebot/feeds"
)

// feedList is a feed list that changes while the poller runs, as chat
// commands change the stored one.
type feedList struct {
	mu    sync.Mutex
	list  []feeds.Feed
	err   error
	calls atomic.Int64
}

func (l *feedList) set(list ...feeds.Feed) {
	l.mu.Lock()
	l.list = list
	l.mu.Unlock()
}

func (l *feedList) fail(err error) {
	l.mu.Lock()
	l.err = err
	l.mu.Unlock()
}

func (l *feedList) Feeds(context.Context) ([]feeds.Feed, error) {
	defer l.calls.Add(1)
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]feeds.Feed(nil), l.list...), l.err
}

// polls counts completed polls per feed URL.
type polls struct {
	mu sync.Mutex
	n  map[string]int
}

func (p *polls) observe(r feeds.Result) {
	p.mu.Lock()
	if p.n == nil {
		p.n = make(map[string]int)
	}
	p.n[r.Feed.URL]++
	p.mu.Unlock()
}

func (p *polls) of(u string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n[u]
}

func TestPollerRunPicksUpFeedListChanges(t *testing.T) {
	newSite := func(guid, title string) (*newsSite, string) {
		s := &newsSite{}
		s.set(siteItem{guid, title, "Workers strike.", time.Now().Add(-time.Minute)})
		srv := httptest.NewServer(s)
		t.Cleanup(srv.Close)
		return s, srv.URL + "/feed"
	}
	static, staticURL := newSite("s", "Strike in the static feed")
	added, addedURL := newSite("a", "Strike in the added feed")
	removed, removedURL := newSite("r", "Strike in the feed to remove")

	ann := &announced{}
	seen := &polls{}
	list := &feedList{}
	// The static feed is also in the dynamic list: it is one feed.
	list.set(feeds.Feed{URL: removedURL, CampaignID: "c"}, feeds.Feed{URL: staticURL, CampaignID: "c", Name: "dup"})
	p := newPoller(openStore(t, filepath.Join(t.TempDir(), "h.db")), &clock{}, ann)
	p.Now = time.Now
	p.Interval = 40 * time.Millisecond
	p.Refresh = 20 * time.Millisecond
	p.Feeds = list.Feeds
	p.Observe = seen.observe

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, []feeds.Feed{{URL: staticURL, CampaignID: "c"}}) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run returned %v, want context.Canceled", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not stop after cancel")
		}
	}()

	waitFor(t, func() bool { return seen.of(staticURL) >= 2 && seen.of(removedURL) >= 1 })
	if got := added.hits.Load(); got != 0 {
		t.Fatalf("the feed not yet added was fetched %d times", got)
	}

	// A captain adds a feed: it is polled without a restart.
	list.set(feeds.Feed{URL: removedURL, CampaignID: "c"}, feeds.Feed{URL: addedURL, CampaignID: "c"})
	waitFor(t, func() bool { return seen.of(addedURL) >= 2 })

	// A captain removes one: once a refresh has run and no poll of it is
	// under way, it is not fetched again, while the others go on.
	list.set(feeds.Feed{URL: addedURL, CampaignID: "c"})
	calls := list.calls.Load()
	waitFor(t, func() bool {
		return list.calls.Load() >= calls+2 && int64(seen.of(removedURL)) == removed.hits.Load()
	})
	hits := removed.hits.Load()
	staticPolls, addedPolls := seen.of(staticURL), seen.of(addedURL)
	waitFor(t, func() bool { return seen.of(staticURL) >= staticPolls+3 && seen.of(addedURL) >= addedPolls+3 })
	if got := removed.hits.Load(); got != hits {
		t.Errorf("removed feed fetched %d more times after its removal", got-hits)
	}

	// The feed list failing keeps the feeds known so far.
	list.fail(errors.New("database is locked"))
	addedPolls = seen.of(addedURL)
	waitFor(t, func() bool { return seen.of(addedURL) >= addedPolls+2 })

	titles := ann.titles()
	for _, want := range []string{"Strike in the static feed", "Strike in the added feed", "Strike in the feed to remove"} {
		n := 0
		for _, got := range titles {
			if got == want {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q announced %d times, want once (announced: %q)", want, n, titles)
		}
	}
	if static.hits.Load() == 0 {
		t.Error("static feed never fetched")
	}
}

// TestPollerRunStartsWithEmptyStaticList checks that Run with only the
// dynamic list still has workers to poll what is added later.
func TestPollerRunStartsWithEmptyStaticList(t *testing.T) {
	site := &newsSite{}
	site.set(siteItem{"x", "Strike news", "Strike.", time.Now()})
	srv := httptest.NewServer(site)
	defer srv.Close()
	list := &feedList{}
	seen := &polls{}
	p := newPoller(openStore(t, filepath.Join(t.TempDir(), "i.db")), &clock{}, &announced{})
	p.Now = time.Now
	p.Refresh = 20 * time.Millisecond
	p.Feeds = list.Feeds
	p.Observe = seen.observe
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, nil) }()
	waitFor(t, func() bool { return list.calls.Load() >= 2 })
	list.set(feeds.Feed{URL: srv.URL + "/f", CampaignID: "c"})
	waitFor(t, func() bool { return seen.of(srv.URL+"/f") == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
}
