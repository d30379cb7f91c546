package storetest

import (
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// feedTests are the contract tests of the feeds captains add from chat.
// otherCampaign is a second campaign, to check feeds stay with theirs.
const otherCampaign = "other-campaign"

var feedTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"AddFeedRoundTrip", testAddFeedRoundTrip},
	{"ClaimFeed", testClaimFeed},
	{"AddFeedExists", testAddFeedExists},
	{"AddFeedRejectsEmpty", testAddFeedRejectsEmpty},
	{"RemoveFeed", testRemoveFeed},
}

func addFeed(t *testing.T, s strike.Store, campaignID, url, name, by string, at time.Time) {
	t.Helper()
	if err := s.AddFeed(t.Context(), campaignID, strike.FeedSource{URL: url, Name: name}, by, at); err != nil {
		t.Fatalf("AddFeed(%q, %q): %v", campaignID, url, err)
	}
}

func feedsOf(t *testing.T, s strike.Store, campaignID string) []strike.FeedSource {
	t.Helper()
	got, err := s.Feeds(t.Context(), campaignID)
	if err != nil {
		t.Fatalf("Feeds(%q): %v", campaignID, err)
	}
	return got
}

func testAddFeedRoundTrip(t *testing.T, s strike.Store) {
	if got := feedsOf(t, s, campaign); len(got) != 0 {
		t.Errorf("Feeds of a new store = %+v, want none", got)
	}
	at := base.Add(48 * time.Hour).In(time.FixedZone("PDT", -7*3600))
	// Added out of URL order, one at the same time as another: oldest
	// first, ties by URL.
	addFeed(t, s, campaign, "https://news.example/b.xml", "Bay Ledger", "U1", at.Add(time.Hour))
	addFeed(t, s, campaign, "https://news.example/c.xml", "", "U2", at)
	addFeed(t, s, campaign, "https://news.example/a.xml", "Harbor\x00 Times", "U1", at.Add(time.Hour))
	addFeed(t, s, otherCampaign, "https://news.example/c.xml", "Other campaign's", "U3", at)

	want := []strike.FeedSource{
		{URL: "https://news.example/c.xml", AddedBy: "U2", AddedAt: at.UTC().Truncate(time.Microsecond)},
		{URL: "https://news.example/a.xml", Name: "Harbor Times", AddedBy: "U1", AddedAt: at.Add(time.Hour).UTC().Truncate(time.Microsecond)},
		{URL: "https://news.example/b.xml", Name: "Bay Ledger", AddedBy: "U1", AddedAt: at.Add(time.Hour).UTC().Truncate(time.Microsecond)},
	}
	if got := feedsOf(t, s, campaign); !reflect.DeepEqual(got, want) {
		t.Errorf("Feeds = %+v\nwant %+v", got, want)
	}
	if got := feedsOf(t, s, otherCampaign); len(got) != 1 || got[0].Name != "Other campaign's" {
		t.Errorf("Feeds(otherCampaign) = %+v, want its one feed", got)
	}
	if got := feedsOf(t, s, "nobody"); len(got) != 0 {
		t.Errorf("Feeds(unknown campaign) = %+v, want none", got)
	}
}

func testAddFeedExists(t *testing.T, s strike.Store) {
	ctx := t.Context()
	addFeed(t, s, campaign, "https://news.example/rss", "First", "U1", base)
	err := s.AddFeed(ctx, campaign, strike.FeedSource{URL: "https://news.example/rss", Name: "Second"}, "U2", base.Add(time.Hour))
	if !errors.Is(err, strike.ErrExists) {
		t.Fatalf("AddFeed of a feed already added: %v, want ErrExists", err)
	}
	got := feedsOf(t, s, campaign)
	if len(got) != 1 || got[0].Name != "First" || got[0].AddedBy != "U1" || !got[0].AddedAt.Equal(base.Truncate(time.Microsecond)) {
		t.Errorf("after a refused add, Feeds = %+v, want the first one unchanged", got)
	}
}

func testAddFeedRejectsEmpty(t *testing.T, s strike.Store) {
	ctx := t.Context()
	for _, tt := range []struct{ campaign, url string }{{"", "https://news.example/rss"}, {campaign, ""}, {campaign, "\x00"}} {
		err := s.AddFeed(ctx, tt.campaign, strike.FeedSource{URL: tt.url}, "U1", base)
		if err == nil || errors.Is(err, strike.ErrExists) {
			t.Errorf("AddFeed(%q, %q) = %v, want a rejection", tt.campaign, tt.url, err)
		}
	}
	if got := feedsOf(t, s, ""); len(got) != 0 {
		t.Errorf("Feeds(\"\") = %+v, want none", got)
	}
	if got := feedsOf(t, s, campaign); len(got) != 0 {
		t.Errorf("Feeds = %+v, want none", got)
	}
}

func testRemoveFeed(t *testing.T, s strike.Store) {
	ctx := t.Context()
	addFeed(t, s, campaign, "https://news.example/a.xml", "A", "U1", base)
	addFeed(t, s, campaign, "https://news.example/b.xml", "B", "U1", base.Add(time.Minute))
	addFeed(t, s, otherCampaign, "https://news.example/a.xml", "A", "U1", base)
	if err := s.RemoveFeed(ctx, campaign, "https://news.example/a.xml"); err != nil {
		t.Fatalf("RemoveFeed: %v", err)
	}
	if got := feedsOf(t, s, campaign); len(got) != 1 || got[0].URL != "https://news.example/b.xml" {
		t.Errorf("after RemoveFeed, Feeds = %+v, want only b.xml", got)
	}
	if got := feedsOf(t, s, otherCampaign); len(got) != 1 {
		t.Errorf("RemoveFeed touched another campaign: Feeds(otherCampaign) = %+v", got)
	}
	for _, u := range []string{"https://news.example/a.xml", "https://news.example/never.xml"} {
		if err := s.RemoveFeed(ctx, campaign, u); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("RemoveFeed(%q) = %v, want ErrNotFound", u, err)
		}
	}
	// A removed feed may be added again.
	addFeed(t, s, campaign, "https://news.example/a.xml", "A again", "U2", base.Add(time.Hour))
	if got := feedsOf(t, s, campaign); len(got) != 2 || got[1].Name != "A again" {
		t.Errorf("after adding again, Feeds = %+v", got)
	}
}

func testClaimFeed(t *testing.T, s strike.Store) {
	ctx := t.Context()
	now := base
	lease := now.Add(5 * time.Minute)
	// A feed never seen is due: the claim creates its state.
	st, ok, err := s.ClaimFeed(ctx, feedURL, campaign, now, lease)
	if err != nil || !ok || st.URL != feedURL || st.CampaignID != campaign || st.Polls != 0 || !sameTime(st.LeaseUntil, storedTime(lease)) {
		t.Fatalf("first claim = %+v, %v, %v", st, ok, err)
	}
	// Held: a second claimer gets the state and when the lease ends.
	if st, ok, err := s.ClaimFeed(ctx, feedURL, campaign, now.Add(time.Minute), lease.Add(time.Minute)); err != nil || ok || !sameTime(st.LeaseUntil, storedTime(lease)) {
		t.Errorf("claim of a leased feed = %+v, %v, %v; want refused until %v", st, ok, err, lease)
	}
	// The poll saves its state: the lease ends, the feed is due at NextPoll.
	polled := state(feedURL, 1)
	polled.ETag, polled.NextPoll = `"v1"`, now.Add(15*time.Minute)
	if err := s.SaveFeedState(ctx, polled); err != nil {
		t.Fatal(err)
	}
	if st, ok, err := s.ClaimFeed(ctx, feedURL, campaign, now.Add(time.Minute), now.Add(6*time.Minute)); err != nil || ok || !st.LeaseUntil.IsZero() || !sameTime(st.NextPoll, storedTime(polled.NextPoll)) {
		t.Errorf("claim before NextPoll = %+v, %v, %v; want refused, no lease", st, ok, err)
	}
	// Due again: the claimer gets the shared validators.
	at := now.Add(16 * time.Minute)
	st, ok, err = s.ClaimFeed(ctx, feedURL, campaign, at, at.Add(5*time.Minute))
	if err != nil || !ok || st.ETag != `"v1"` || st.Polls != 1 {
		t.Fatalf("claim when due = %+v, %v, %v; want the stored state", st, ok, err)
	}
	// A lease that ran out (its process died) is taken over.
	later := at.Add(6 * time.Minute)
	if _, ok, err := s.ClaimFeed(ctx, feedURL, campaign, later, later.Add(5*time.Minute)); err != nil || !ok {
		t.Errorf("claim after the lease ran out = %v, %v; want it taken over", ok, err)
	}
	// Released: another may claim at once.
	if err := s.ReleaseFeed(ctx, feedURL); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.ClaimFeed(ctx, feedURL, campaign, later, later.Add(5*time.Minute)); err != nil || !ok {
		t.Errorf("claim after release = %v, %v", ok, err)
	}
	// Of claimers at once, one wins.
	other := "https://news.example.test/other.rss"
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			_, ok, err := s.ClaimFeed(ctx, other, campaign, now, lease)
			if err != nil {
				t.Error(err)
			}
			if ok {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	if n := wins.Load(); n != 1 {
		t.Errorf("%d of 8 concurrent claims won, want 1", n)
	}
	if _, _, err := s.ClaimFeed(ctx, "", campaign, now, lease); err == nil {
		t.Error("claim of an empty URL: no error")
	}
}
