package feeds_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/feeds"
)

// TestPollerReplicasPollEachFeedOnce runs three pollers (replicas) on one
// store against one news site: between them they fetch the feed about
// once per interval, not three times, and send the validators the one
// before them stored.
func TestPollerReplicasPollEachFeedOnce(t *testing.T) {
	site := &newsSite{}
	site.set(siteItem{"a", "Strike begins", "Workers strike.", time.Now().Add(-time.Minute)})
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"))
	const interval = 300 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 3 {
		p := newPoller(st, &clock{}, &announced{})
		p.Now = time.Now
		p.Interval = interval
		p.Lease = 10 * time.Second
		wg.Go(func() { p.Run(ctx, []feeds.Feed{{URL: srv.URL + "/f", CampaignID: "c"}}) })
	}
	time.Sleep(10*interval + interval/2)
	cancel()
	wg.Wait()
	hits := site.hits.Load()
	// 11 polls at most in 10.5 intervals (the first at once), whatever
	// the number of replicas; at least 5 even on a slow machine.
	if hits > 11 || hits < 5 {
		t.Errorf("the feed was fetched %d times in 10.5 intervals by 3 replicas, want about 11", hits)
	}
	if n := site.gets304.Load(); n < hits-2 {
		t.Errorf("%d of %d fetches were answered 304: the validators were not shared", n, hits)
	}
}

// TestPollerTakesOverAFeedWhoseReplicaDied leases a feed as a replica
// that then dies would: another replica polls it once the lease runs out,
// not before.
func TestPollerTakesOverAFeedWhoseReplicaDied(t *testing.T) {
	site := &newsSite{}
	site.set(siteItem{"a", "Strike begins", "Workers strike.", time.Now().Add(-time.Minute)})
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"))
	url := srv.URL + "/f"
	const lease = 600 * time.Millisecond
	claimed := time.Now()
	if _, ok, err := st.ClaimFeed(t.Context(), url, "c", claimed, claimed.Add(lease)); err != nil || !ok {
		t.Fatalf("ClaimFeed = %v, %v", ok, err)
	}
	ann := &announced{}
	p := newPoller(st, &clock{}, ann)
	p.Now = time.Now
	p.Interval = time.Minute
	p.Lease = 10 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { p.Run(ctx, []feeds.Feed{{URL: url, CampaignID: "c"}}); close(done) }()
	waitFor(t, func() bool { return len(ann.titles()) == 1 })
	if waited := time.Since(claimed); waited < lease {
		t.Errorf("the feed was polled %v after another replica leased it for %v", waited, lease)
	}
	cancel()
	<-done
	if s, err := st.FeedState(t.Context(), url); err != nil || s.Polls != 1 || !s.LeaseUntil.IsZero() {
		t.Errorf("state after the takeover = %+v, %v; want one poll and no lease", s, err)
	}
}

// TestReplicasSpaceAHostsFeeds runs three replicas on four feeds of one
// host: after the first pass (the backlog, at once) the host sees its
// feeds' requests spread over the interval, about a quarter apart,
// whichever replica makes them, and each feed about once per interval.
func TestReplicasSpaceAHostsFeeds(t *testing.T) {
	site := &newsSite{}
	site.set(siteItem{"a", "Strike begins", "Workers strike.", time.Now().Add(-time.Minute)})
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"))
	const interval = 1200 * time.Millisecond
	var list []feeds.Feed
	for _, name := range []string{"a", "b", "c", "d"} {
		list = append(list, feeds.Feed{URL: srv.URL + "/" + name, CampaignID: "c"})
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	start := time.Now()
	for range 3 {
		p := newPoller(st, &clock{}, &announced{})
		p.Now = time.Now
		p.Interval = interval
		p.Lease = 10 * time.Second
		wg.Go(func() { p.Run(ctx, list) })
	}
	time.Sleep(5*interval + interval/2)
	cancel()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	var later []time.Time
	for _, at := range times {
		if at.Sub(start) > interval/2 { // past the first pass
			later = append(later, at)
		}
	}
	sort.Slice(later, func(i, j int) bool { return later[i].Before(later[j]) })
	// Each feed: once at once, then at its place (between a half and one
	// and a half intervals later), then once per interval: at most 7 in
	// 5.5 intervals; at least 10 after the first pass even on a slow
	// machine.
	if len(times) > 4*7 || len(later) < 10 {
		t.Fatalf("%d requests in all, %d after the first pass: want each feed about once per interval", len(times), len(later))
	}
	for i := 1; i < len(later); i++ {
		if gap := later[i].Sub(later[i-1]); gap < interval/4/3 {
			t.Errorf("requests %d and %d to the host came %v apart, want about %v (a quarter of the interval)", i-1, i, gap, interval/4)
		}
	}
}
