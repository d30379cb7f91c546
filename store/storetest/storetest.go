// Package storetest is the contract test suite every strike.Store backend
// passes. A backend's tests call Run with a function that opens an empty
// store:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) strike.Store {
//			db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "bot.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { db.Close() })
//			return db
//		})
//	}
//
// Beyond strike.Store's documentation the suite pins down what the backends
// must agree on: strings are stored without NUL bytes and with invalid UTF-8
// replaced by U+FFFD; times come back in UTC, truncated to microseconds, and
// the zero time stays zero; an article with an empty Key or CampaignID, or a
// state with an empty URL, is rejected and the whole poll is not saved; a
// story or pin without CampaignID (or a pin without Field) is rejected;
// SetCoverage accepts only a story of the article's campaign; an empty
// signature is stored as none; undated articles come first among a story's
// members and last among articles; a never-updated story comes last.
//
// For the processed mark: stored articles start unprocessed, SetCoverage
// and a re-poll leave the mark alone, and MarkProcessed passes over
// unknown or already marked IDs.
//
// For chat: a subscription needs Platform, Channel and CampaignID and a
// Mode of strike.ModeCore or strike.ModeAll; a delivery needs Platform,
// Channel, Key and Kind, and one bad delivery fails its whole Enqueue;
// payloads come back byte for byte (nil when empty); a zero NextAttempt is
// due at once; Attempts counts retries and expired leases only; a late
// worker's Complete, Retry or Fail never turns a sent delivery back, nor
// revives a failed one; audit entries list in appending order, newest first.
//
// For inbound claims and platform state: a key is claimed once however
// many claim it at once; keys are cleaned like any string; a claim at the
// zero time is older than any cut; an empty key is rejected.
//
// For captains' control: saving a story (as coverage does) keeps its mute
// and retraction, and merging a muted or retracted story mutes the
// survivor; a verdict is stored append-only and the latest of each article
// is in force; a verdict of none detaches the article (CoverageChanges
// lists it with story 0), one that makes an unassigned article relevant
// marks it unprocessed; saving a feed's state keeps its pause and alert.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// Run runs the contract suite as parallel subtests of t. open is called once
// per subtest and must return an empty store that it closes at the test's
// cleanup.
func Run(t *testing.T, open func(t *testing.T) strike.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s strike.Store)
	}{
		{"SavePollReturnsOnlyNew", testSavePollReturnsOnlyNew},
		{"SavePollIdentity", testSavePollIdentity},
		{"SavePollAtomic", testSavePollAtomic},
		{"SavePollCanceled", testSavePollCanceled},
		{"KnownKeys", testKnownKeys},
		{"FeedState", testFeedState},
		{"FeedStatesOrder", testFeedStatesOrder},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"ArticleZeroValues", testArticleZeroValues},
		{"ArticleNotFound", testArticleNotFound},
		{"Articles", testArticles},
		{"InjectionTextLiteral", testInjectionTextLiteral},
		{"TextHygiene", testTextHygiene},
		{"ConcurrentSavePoll", testConcurrentSavePoll},
		{"ConcurrentFeedsGetTheirOwnNew", testConcurrentFeedsGetTheirOwnNew},
		{"SavePollsFailAlone", testSavePollsFailAlone},
		{"Ping", testPing},
	}
	for _, tt := range slices.Concat(tests, storyTests, coverageTests, processedTests, chatTests, feedTests, inboundTests, controlTests) {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open(t))
		})
	}
}

const (
	campaign = "kaiser-2024"
	feedURL  = "https://news.example.test/labor.rss"
)

// base is a fixed instant near the start of the strike, with nanoseconds that
// no backend keeps.
var base = time.Date(2024, 10, 14, 6, 0, 0, 123456789, time.UTC)

// article returns a valid article of the campaign, distinct per n.
func article(n int) strike.Article {
	return strike.Article{
		CampaignID: campaign,
		Feed:       feedURL,
		Key:        fmt.Sprintf("guid:%04d", n),
		URL:        fmt.Sprintf("https://news.example.test/2024/10/story-%04d", n),
		Title:      fmt.Sprintf("Kaiser mental health workers strike, day %d", n),
		Source:     "Example Ledger",
		Author:     "Staff",
		Summary:    "About 2,400 NUHW members walked off the job in Southern California.",
		Text:       "About 2,400 mental health workers represented by NUHW began an open-ended strike on Monday.",
		Published:  base.Add(time.Duration(n) * time.Hour),
		FirstSeen:  base.Add(time.Duration(n)*time.Hour + time.Minute),
		Relevance:  strike.Relevance{Tier: strike.TierCore, Score: 7.5, Reasons: []string{`employer "Kaiser Permanente" in title (+3)`}},
	}
}

func state(url string, polls int) strike.FeedState {
	return strike.FeedState{
		URL:         url,
		CampaignID:  campaign,
		Title:       "Labor news",
		ETag:        `W/"abc"`,
		Polls:       polls,
		LastPoll:    base,
		LastSuccess: base,
		NextPoll:    base.Add(15 * time.Minute),
	}
}

// stored returns a as a backend keeps it: times in UTC, truncated to
// microseconds.
func stored(a strike.Article) strike.Article {
	a.Published = storedTime(a.Published)
	a.FirstSeen = storedTime(a.FirstSeen)
	return a
}

func storedState(s strike.FeedState) strike.FeedState {
	s.LastPoll = storedTime(s.LastPoll)
	s.LastSuccess = storedTime(s.LastSuccess)
	s.LastError = storedTime(s.LastError)
	s.NextPoll = storedTime(s.NextPoll)
	s.FailingSince = storedTime(s.FailingSince)
	return s
}

func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// sameTime reports whether got is want, in UTC (or both zero).
func sameTime(got, want time.Time) bool {
	if got.IsZero() || want.IsZero() {
		return got.IsZero() && want.IsZero()
	}
	return got.Equal(want) && got.Location() == time.UTC
}

// diffArticle describes how got differs from want, or returns "".
func diffArticle(got, want strike.Article) string {
	var d []string
	if !sameTime(got.Published, want.Published) {
		d = append(d, fmt.Sprintf("Published = %v, want %v", got.Published, want.Published))
	}
	if !sameTime(got.FirstSeen, want.FirstSeen) {
		d = append(d, fmt.Sprintf("FirstSeen = %v, want %v", got.FirstSeen, want.FirstSeen))
	}
	got.Published, got.FirstSeen, want.Published, want.FirstSeen = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		d = append(d, fmt.Sprintf("got  %+v\nwant %+v", got, want))
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

func diffState(got, want strike.FeedState) string {
	var d []string
	for _, p := range []struct {
		name      string
		got, want time.Time
	}{
		{"LastPoll", got.LastPoll, want.LastPoll},
		{"LastSuccess", got.LastSuccess, want.LastSuccess},
		{"LastError", got.LastError, want.LastError},
		{"NextPoll", got.NextPoll, want.NextPoll},
		{"FailingSince", got.FailingSince, want.FailingSince},
	} {
		if !sameTime(p.got, p.want) {
			d = append(d, fmt.Sprintf("%s = %v, want %v", p.name, p.got, p.want))
		}
	}
	got.LastPoll, got.LastSuccess, got.LastError, got.NextPoll, got.FailingSince = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
	want.LastPoll, want.LastSuccess, want.LastError, want.NextPoll, want.FailingSince = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if got != want {
		d = append(d, fmt.Sprintf("got  %+v\nwant %+v", got, want))
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

func savePoll(t *testing.T, s strike.Store, st strike.FeedState, as ...strike.Article) []strike.Article {
	t.Helper()
	got, err := s.SavePoll(t.Context(), st, as)
	if err != nil {
		t.Fatalf("SavePoll: %v", err)
	}
	return got
}

func keys(as []strike.Article) []string {
	ks := make([]string, len(as))
	for i, a := range as {
		ks[i] = a.Key
	}
	return ks
}

func knownKeys(t *testing.T, s strike.Store, campaignID string, ks ...string) map[string]bool {
	t.Helper()
	got, err := s.KnownKeys(t.Context(), campaignID, ks)
	if err != nil {
		t.Fatalf("KnownKeys: %v", err)
	}
	return got
}

func getArticle(t *testing.T, s strike.Store, id int64) strike.Article {
	t.Helper()
	a, err := s.Article(t.Context(), id)
	if err != nil {
		t.Fatalf("Article(%d): %v", id, err)
	}
	return a
}

func testSavePollReturnsOnlyNew(t *testing.T, s strike.Store) {
	first := []strike.Article{article(3), article(1), article(2)}
	got := savePoll(t, s, state(feedURL, 1), first...)
	if g, w := keys(got), keys(first); !slices.Equal(g, w) {
		t.Fatalf("first SavePoll returned keys %q, want %q in the order given", g, w)
	}
	ids := map[int64]bool{}
	for i, a := range got {
		if a.ID <= 0 || ids[a.ID] {
			t.Errorf("article %d: ID = %d, want a positive, unique ID", i, a.ID)
		}
		ids[a.ID] = true
		want := stored(first[i])
		want.ID = a.ID
		if d := diffArticle(a, want); d != "" {
			t.Errorf("returned article %d differs: %s", i, d)
		}
		if d := diffArticle(getArticle(t, s, a.ID), a); d != "" {
			t.Errorf("stored article %d differs from the returned one: %s", i, d)
		}
	}

	second := []strike.Article{article(2), article(4), article(1), article(3)}
	got = savePoll(t, s, state(feedURL, 2), second...)
	if g, w := keys(got), []string{article(4).Key}; !slices.Equal(g, w) {
		t.Fatalf("second SavePoll returned keys %q, want %q", g, w)
	}
	if ids[got[0].ID] {
		t.Errorf("new article reused ID %d", got[0].ID)
	}

	// A replay of the same poll (after a restart) stores nothing new.
	if got := savePoll(t, s, state(feedURL, 3), second...); len(got) != 0 {
		t.Fatalf("replayed SavePoll returned keys %q, want none", keys(got))
	}
	all, err := s.Articles(t.Context(), strike.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(all), 4; got != want {
		t.Errorf("stored %d articles, want %d", got, want)
	}
	st, err := s.FeedState(t.Context(), feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Polls, 3; got != want {
		t.Errorf("feed state Polls = %d, want %d (state saved by every SavePoll)", got, want)
	}

	// An empty poll still saves the state.
	if got := savePoll(t, s, state(feedURL, 4)); len(got) != 0 {
		t.Fatalf("empty SavePoll returned %d articles", len(got))
	}
	if st, err := s.FeedState(t.Context(), feedURL); err != nil || st.Polls != 4 {
		t.Errorf("after empty SavePoll: Polls = %d, err = %v; want 4, nil", st.Polls, err)
	}
}

func testSavePollIdentity(t *testing.T, s strike.Store) {
	a := article(1)
	savePoll(t, s, state(feedURL, 1), a)

	sameURL := article(2)
	sameURL.URL = a.URL
	otherCampaign := article(1)
	otherCampaign.CampaignID = "other-strike"
	noURL1, noURL2 := article(3), article(4)
	noURL1.URL, noURL2.URL = "", ""
	dup := article(5)
	dupAgain := article(5)
	dupAgain.URL = "https://news.example.test/elsewhere"
	dupAgain.Title = "a second copy in the same batch"

	tests := []struct {
		name    string
		batch   []strike.Article
		wantNew []string
	}{
		{"same URL, different key", []strike.Article{sameURL}, nil},
		{"same key and URL, other campaign", []strike.Article{otherCampaign}, []string{otherCampaign.Key}},
		{"empty URLs do not collide", []strike.Article{noURL1, noURL2}, []string{noURL1.Key, noURL2.Key}},
		{"same key twice in one batch", []strike.Article{dup, dupAgain}, []string{dup.Key}},
	}
	for _, tt := range tests {
		got := savePoll(t, s, state(feedURL, 1), tt.batch...)
		if g := keys(got); !slices.Equal(g, tt.wantNew) {
			t.Errorf("%s: new keys %q, want %q", tt.name, g, tt.wantNew)
		}
	}
	// The first copy of a duplicated key won.
	got, err := s.Articles(t.Context(), strike.ArticleFilter{CampaignID: campaign})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.Key == dup.Key && a.Title != dup.Title {
			t.Errorf("stored title %q for the duplicated key, want the first copy's %q", a.Title, dup.Title)
		}
	}
}

func testSavePollAtomic(t *testing.T, s strike.Store) {
	ctx := t.Context()
	noKey := article(9)
	noKey.Key = ""
	noCampaign := article(8)
	noCampaign.CampaignID = ""
	tests := []struct {
		name  string
		state strike.FeedState
		batch []strike.Article
	}{
		{"article without key", state(feedURL, 1), []strike.Article{article(1), noKey, article(2)}},
		{"article without campaign", state(feedURL, 1), []strike.Article{article(1), noCampaign}},
		// The state is written after the articles: their inserts must roll back.
		{"state without URL", state("", 1), []strike.Article{article(1), article(2)}},
	}
	for _, tt := range tests {
		if got, err := s.SavePoll(ctx, tt.state, tt.batch); err == nil {
			t.Errorf("%s: SavePoll returned %d articles and no error, want an error", tt.name, len(got))
			continue
		}
		if _, err := s.FeedState(ctx, feedURL); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("%s: FeedState after failed SavePoll: err = %v, want ErrNotFound", tt.name, err)
		}
		if got := knownKeys(t, s, campaign, article(1).Key, article(2).Key); len(got) != 0 {
			t.Errorf("%s: keys %v stored by a failed SavePoll", tt.name, got)
		}
	}
	// The store is still usable and stores the same articles afterwards.
	if got := savePoll(t, s, state(feedURL, 1), article(1), article(2)); len(got) != 2 {
		t.Errorf("SavePoll after failures returned %d articles, want 2", len(got))
	}
}

func testSavePollCanceled(t *testing.T, s strike.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.SavePoll(ctx, state(feedURL, 1), []strike.Article{article(1)}); err == nil {
		t.Fatal("SavePoll with a canceled context: no error")
	}
	if _, err := s.FeedState(t.Context(), feedURL); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("FeedState after canceled SavePoll: err = %v, want ErrNotFound", err)
	}
	if got := knownKeys(t, s, campaign, article(1).Key); len(got) != 0 {
		t.Errorf("canceled SavePoll stored %v", got)
	}
}

func testKnownKeys(t *testing.T, s strike.Store) {
	savePoll(t, s, state(feedURL, 1), article(1), article(2))
	tests := []struct {
		name     string
		campaign string
		keys     []string
		want     map[string]bool
	}{
		{"none asked", campaign, nil, map[string]bool{}},
		{"mixed", campaign, []string{article(1).Key, "guid:missing", article(2).Key}, map[string]bool{article(1).Key: true, article(2).Key: true}},
		{"asked twice", campaign, []string{article(1).Key, article(1).Key}, map[string]bool{article(1).Key: true}},
		{"other campaign", "other-strike", []string{article(1).Key}, map[string]bool{}},
		{"URL is not a key", campaign, []string{article(1).URL}, map[string]bool{}},
	}
	for _, tt := range tests {
		got := knownKeys(t, s, tt.campaign, tt.keys...)
		if got == nil {
			t.Errorf("%s: KnownKeys returned a nil map", tt.name)
		}
		if len(got) != 0 || len(tt.want) != 0 {
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: KnownKeys = %v, want %v", tt.name, got, tt.want)
			}
		}
	}
	// Many keys in one call.
	many := make([]string, 5000)
	for i := range many {
		many[i] = fmt.Sprintf("guid:%04d", i)
	}
	if got, want := len(knownKeys(t, s, campaign, many...)), 2; got != want {
		t.Errorf("KnownKeys of %d keys found %d, want %d", len(many), got, want)
	}
}

func testFeedState(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if _, err := s.FeedState(ctx, feedURL); !errors.Is(err, strike.ErrNotFound) {
		t.Fatalf("FeedState of an unknown feed: err = %v, want ErrNotFound", err)
	}
	full := strike.FeedState{
		URL:           feedURL,
		CampaignID:    campaign,
		Title:         "Labor news",
		ETag:          `"33a64df5"`,
		LastModified:  "Mon, 14 Oct 2024 13:00:00 GMT",
		BodyHash:      "sha256:9f86d081884c7d65",
		Polls:         12,
		LastPoll:      base.In(time.FixedZone("PDT", -7*3600)),
		LastSuccess:   base.Add(-time.Hour),
		LastError:     base.Add(-2 * time.Hour),
		LastErrorText: "feeds: fetch https://news.example.test/labor.rss: status 503",
		Failures:      0,
		NextPoll:      base.Add(10 * time.Minute),
	}
	if err := s.SaveFeedState(ctx, full); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedState(ctx, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffState(got, storedState(full)); d != "" {
		t.Errorf("FeedState round trip: %s", d)
	}
	// Saving again replaces every field, including times going back to zero.
	sparse := strike.FeedState{URL: feedURL, CampaignID: campaign, Polls: 13, Failures: 1, LastErrorText: "timeout"}
	if err := s.SaveFeedState(ctx, sparse); err != nil {
		t.Fatal(err)
	}
	if got, err = s.FeedState(ctx, feedURL); err != nil {
		t.Fatal(err)
	}
	if d := diffState(got, sparse); d != "" {
		t.Errorf("FeedState after overwrite: %s", d)
	}
}

func testFeedStatesOrder(t *testing.T, s strike.Store) {
	ctx := t.Context()
	got, err := s.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("empty store: %d feed states", len(got))
	}
	// Bytewise order: upper case before lower case, '-' before '.'.
	urls := []string{"https://b.example/feed", "https://a.example/feed", "https://B.example/feed", "https://a-z.example/feed", "https://a.example/Feed"}
	for i, u := range urls {
		if err := s.SaveFeedState(ctx, state(u, i)); err != nil {
			t.Fatal(err)
		}
	}
	// One state saved through SavePoll too.
	savePoll(t, s, state("https://0.example/feed", 1), article(1))
	if got, err = s.FeedStates(ctx); err != nil {
		t.Fatal(err)
	}
	var gotURLs []string
	for _, st := range got {
		gotURLs = append(gotURLs, st.URL)
	}
	want := []string{"https://0.example/feed", "https://B.example/feed", "https://a-z.example/feed", "https://a.example/Feed", "https://a.example/feed", "https://b.example/feed"}
	if !slices.Equal(gotURLs, want) {
		t.Errorf("FeedStates URLs = %q, want %q", gotURLs, want)
	}
	if d := diffState(got[1], storedState(state("https://B.example/feed", 2))); d != "" {
		t.Errorf("FeedStates entry: %s", d)
	}
}

func testArticleRoundTrip(t *testing.T, s strike.Store) {
	a := strike.Article{
		CampaignID:         campaign,
		Feed:               feedURL,
		Key:                "guid:tag:news.example.test,2025:ta",
		URL:                "https://news.example.test/2025/04/tentative-agreement",
		Title:              "Kaiser and NUHW reach tentative agreement after 196 days",
		Source:             "Example Ledger",
		Author:             "R. Ortiz",
		Summary:            "The strike by mental health workers ends pending a ratification vote.",
		Text:               "After 196 days on strike, about 2,400 workers reached a tentative agreement with Kaiser Permanente.\nMembers will vote on ratification.",
		Published:          time.Date(2025, 4, 26, 18, 30, 0, 999999999, time.FixedZone("PDT", -7*3600)),
		PublishedEstimated: true,
		FirstSeen:          time.Date(2025, 4, 27, 1, 35, 12, 500, time.UTC),
		Relevance: strike.Relevance{
			Tier:    strike.TierCore,
			Score:   11.25,
			Reasons: []string{`employer "Kaiser Permanente" in text (+2)`, `union "NUHW" in title (+3)`, `labor "tentative agreement" (+2)`},
		},
		StoryID: 42,
		Facts: strike.Facts{
			Phase:        "tentative_agreement",
			Workers:      2400,
			Union:        "NUHW",
			Employer:     "Kaiser Permanente",
			Started:      "2024-10-14",
			DurationDays: 196,
			Offer:        "raises of 21.5% over four years",
			Demands:      []string{"lower caseloads", "pension parity"},
			Events:       []strike.Event{{Date: "2025-05-06", What: "ratification vote closes"}},
			Evidence:     map[string]string{"workers": "about 2,400 workers reached a tentative agreement"},
		},
	}
	got := savePoll(t, s, state(feedURL, 1), a)
	if len(got) != 1 {
		t.Fatalf("SavePoll returned %d articles, want 1", len(got))
	}
	want := stored(a)
	want.ID = got[0].ID
	if got, want := want.Published, time.Date(2025, 4, 27, 1, 30, 0, 999999000, time.UTC); !got.Equal(want) {
		t.Fatalf("test bug: stored Published %v, want %v", got, want)
	}
	if d := diffArticle(got[0], want); d != "" {
		t.Errorf("SavePoll result: %s", d)
	}
	if d := diffArticle(getArticle(t, s, want.ID), want); d != "" {
		t.Errorf("Article round trip: %s", d)
	}
	list, err := s.Articles(t.Context(), strike.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("Articles returned %d, want 1", len(list))
	}
	if d := diffArticle(list[0], want); d != "" {
		t.Errorf("Articles round trip: %s", d)
	}
}

func testArticleZeroValues(t *testing.T, s strike.Store) {
	a := strike.Article{CampaignID: campaign, Key: "hash:0"}
	got := savePoll(t, s, state(feedURL, 1), a)
	if len(got) != 1 {
		t.Fatalf("SavePoll returned %d articles, want 1", len(got))
	}
	want := a
	want.ID = got[0].ID
	if d := diffArticle(getArticle(t, s, want.ID), want); d != "" {
		t.Errorf("zero-valued article round trip: %s", d)
	}
	// Empty (not nil) slices and maps come back as nil.
	b := strike.Article{CampaignID: campaign, Key: "hash:1",
		Relevance: strike.Relevance{Reasons: []string{}},
		Facts:     strike.Facts{Demands: []string{}, Events: []strike.Event{}, Evidence: map[string]string{}}}
	got = savePoll(t, s, state(feedURL, 2), b)
	if len(got) != 1 {
		t.Fatalf("SavePoll returned %d articles, want 1", len(got))
	}
	want = strike.Article{ID: got[0].ID, CampaignID: campaign, Key: "hash:1"}
	if d := diffArticle(getArticle(t, s, want.ID), want); d != "" {
		t.Errorf("article with empty slices: %s", d)
	}
}

func testArticleNotFound(t *testing.T, s strike.Store) {
	for _, id := range []int64{0, -1, 1, 1 << 40} {
		if _, err := s.Article(t.Context(), id); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("Article(%d): err = %v, want ErrNotFound", id, err)
		}
	}
}

func testArticles(t *testing.T, s strike.Store) {
	ctx := t.Context()
	mk := func(c, key string, published time.Time) strike.Article {
		return strike.Article{CampaignID: c, Key: key, URL: "https://news.example.test/" + c + "/" + key, Published: published}
	}
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	// Inserted out of order; "tie-a" and "tie-b" share a published time,
	// so the later insert (higher ID) comes first.
	batch := []strike.Article{
		mk("kaiser", "mediation", day(10)),
		mk("kaiser", "undated", time.Time{}),
		mk("kaiser", "tie-a", day(12)),
		mk("other", "o1", day(11)),
		mk("kaiser", "tie-b", day(12)),
		mk("kaiser", "early", day(1)),
		mk("other", "o2", day(13)),
	}
	// Separate polls, so IDs follow this order.
	for _, a := range batch {
		savePoll(t, s, state(feedURL, 1), a)
	}
	tests := []struct {
		name string
		f    strike.ArticleFilter
		want []string
	}{
		{"all", strike.ArticleFilter{}, []string{"o2", "tie-b", "tie-a", "o1", "mediation", "early", "undated"}},
		{"campaign", strike.ArticleFilter{CampaignID: "kaiser"}, []string{"tie-b", "tie-a", "mediation", "early", "undated"}},
		{"campaign limit", strike.ArticleFilter{CampaignID: "kaiser", Limit: 2}, []string{"tie-b", "tie-a"}},
		{"limit", strike.ArticleFilter{Limit: 3}, []string{"o2", "tie-b", "tie-a"}},
		{"limit above count", strike.ArticleFilter{CampaignID: "other", Limit: 50}, []string{"o2", "o1"}},
		{"unknown campaign", strike.ArticleFilter{CampaignID: "nobody"}, nil},
		{"campaign is not a pattern", strike.ArticleFilter{CampaignID: "%"}, nil},
	}
	for _, tt := range tests {
		got, err := s.Articles(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if g := keys(got); !slices.Equal(g, tt.want) {
			t.Errorf("%s: Articles(%+v) keys = %q, want %q", tt.name, tt.f, g, tt.want)
		}
	}
}

func testInjectionTextLiteral(t *testing.T, s strike.Store) {
	ctx := t.Context()
	evil := []string{`'; DROP TABLE feeds;--`, `%`, `_`, `\`, `$1`, `"; DROP TABLE articles;--`, `?`, `:name`, `\x00`}
	var batch []strike.Article
	for i, e := range evil {
		a := article(i)
		a.Key = e
		a.URL = "https://news.example.test/?q=" + e
		a.Title = e
		a.Text = "before " + e + " after"
		a.Relevance.Reasons = []string{e}
		a.Facts.Evidence = map[string]string{e: e}
		batch = append(batch, a)
	}
	st := state("https://news.example.test/feed?x='; DROP TABLE feeds;--", 1)
	st.Title = `'; DROP TABLE articles;--`
	got := savePoll(t, s, st, batch...)
	if len(got) != len(batch) {
		t.Fatalf("SavePoll stored %d of %d articles", len(got), len(batch))
	}
	for i, a := range got {
		want := stored(batch[i])
		want.ID = a.ID
		if d := diffArticle(getArticle(t, s, a.ID), want); d != "" {
			t.Errorf("article with key %q: %s", batch[i].Key, d)
		}
	}
	// Wildcards match only themselves.
	known := knownKeys(t, s, campaign, "%", "_", `\`, "%%", "a", "$2", `'`)
	if want := map[string]bool{"%": true, "_": true, `\`: true}; !reflect.DeepEqual(known, want) {
		t.Errorf("KnownKeys = %v, want %v", known, want)
	}
	// Tables intact.
	gotSt, err := s.FeedState(ctx, st.URL)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffState(gotSt, storedState(st)); d != "" {
		t.Errorf("feed state: %s", d)
	}
	all, err := s.Articles(ctx, strike.ArticleFilter{CampaignID: campaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(batch) {
		t.Errorf("Articles returned %d, want %d", len(all), len(batch))
	}
	if again := savePoll(t, s, st, batch...); len(again) != 0 {
		t.Errorf("replay stored %q again", keys(again))
	}
}

func testTextHygiene(t *testing.T, s strike.Store) {
	const (
		dirty = "NUHW\x00 strike \xff\xfeday \xed\xa0\x80 one\x00"
		clean = "NUHW strike \uFFFDday \uFFFD one"
	)
	a := article(1)
	a.Key = "guid:\x00nul\xff"
	a.URL = "https://news.example.test/\x00a"
	a.Title, a.Source, a.Author, a.Summary, a.Text = dirty, dirty, dirty, dirty, dirty
	a.Relevance.Reasons = []string{dirty}
	a.Relevance.Tier = strike.Tier("core\x00")
	a.Facts = strike.Facts{Union: dirty, Demands: []string{dirty}, Events: []strike.Event{{Date: "2025-03-10", What: dirty}},
		Evidence: map[string]string{"union\x00": dirty}}
	st := state(feedURL+"\x00", 1)
	st.Title, st.ETag, st.LastErrorText = dirty, dirty, dirty

	want := stored(a)
	want.Key = "guid:nul\uFFFD"
	want.URL = "https://news.example.test/a"
	want.Title, want.Source, want.Author, want.Summary, want.Text = clean, clean, clean, clean, clean
	want.Relevance.Reasons = []string{clean}
	want.Relevance.Tier = strike.TierCore
	want.Facts = strike.Facts{Union: clean, Demands: []string{clean}, Events: []strike.Event{{Date: "2025-03-10", What: clean}},
		Evidence: map[string]string{"union": clean}}

	got := savePoll(t, s, st, a)
	if len(got) != 1 {
		t.Fatalf("SavePoll returned %d articles, want 1", len(got))
	}
	want.ID = got[0].ID
	if d := diffArticle(got[0], want); d != "" {
		t.Errorf("SavePoll result: %s", d)
	}
	if d := diffArticle(getArticle(t, s, want.ID), want); d != "" {
		t.Errorf("stored article: %s", d)
	}
	// Lookups clean their arguments the same way.
	if got := knownKeys(t, s, campaign, a.Key, want.Key); !got[a.Key] || !got[want.Key] {
		t.Errorf("KnownKeys(%q, %q) = %v, want both known", a.Key, want.Key, got)
	}
	gotSt, err := s.FeedState(t.Context(), st.URL)
	if err != nil {
		t.Fatalf("FeedState(dirty URL): %v", err)
	}
	wantSt := storedState(st)
	wantSt.URL = feedURL
	wantSt.Title, wantSt.ETag, wantSt.LastErrorText = clean, clean, clean
	if d := diffState(gotSt, wantSt); d != "" {
		t.Errorf("stored feed state: %s", d)
	}
	// The same article again, spelled dirty or clean, is not new.
	if again := savePoll(t, s, st, a, want); len(again) != 0 {
		t.Errorf("replay of sanitized article stored %q", keys(again))
	}
}

func testConcurrentSavePoll(t *testing.T, s strike.Store) {
	const workers, n = 8, 30
	batch := make([]strike.Article, n)
	for i := range batch {
		batch[i] = article(i)
	}
	var (
		mu    sync.Mutex
		seen  = map[string]int{}
		ids   = map[int64]bool{}
		wg    sync.WaitGroup
		start = make(chan struct{})
	)
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			// Each worker sends the batch in its own order.
			mine := slices.Clone(batch)
			if w%2 == 1 {
				slices.Reverse(mine)
			}
			<-start
			got, err := s.SavePoll(t.Context(), state(feedURL, w), mine)
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, a := range got {
				seen[a.Key]++
				if ids[a.ID] {
					errs <- fmt.Errorf("ID %d returned twice", a.ID)
				}
				ids[a.ID] = true
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent SavePoll: %v", err)
	}
	for _, a := range batch {
		if got := seen[a.Key]; got != 1 {
			t.Errorf("article %q returned as new %d times, want exactly once", a.Key, got)
		}
	}
	if got, want := len(seen), n; got != want {
		t.Errorf("%d distinct new articles, want %d", got, want)
	}
}

// testConcurrentFeedsGetTheirOwnNew: many feeds polled at once, each with
// articles no other feed has, must each be told all of their own articles
// are new. The caller uses that answer to run the desk: an article stored
// but not returned would never be clustered or announced. A writer that
// found another writer taking its request once returned before that
// request was written, with some or none of its IDs.
func testConcurrentFeedsGetTheirOwnNew(t *testing.T, s strike.Store) {
	const feeds, per, rounds = 48, 20, 3
	for r := range rounds {
		var wg sync.WaitGroup
		start := make(chan struct{})
		got := make([]int, feeds)
		errs := make([]error, feeds)
		for f := range feeds {
			wg.Go(func() {
				url := fmt.Sprintf("https://news.example.test/feed-%d-%d.rss", r, f)
				batch := make([]strike.Article, per)
				for i := range batch {
					a := article((r*feeds+f)*per + i)
					a.Feed = url
					a.Key = fmt.Sprintf("guid:%d:%d:%d", r, f, i)
					a.URL = fmt.Sprintf("https://news.example.test/%d/%d/%d", r, f, i)
					batch[i] = a
				}
				<-start
				fresh, err := s.SavePoll(t.Context(), state(url, 1), batch)
				got[f], errs[f] = len(fresh), err
			})
		}
		close(start)
		wg.Wait()
		for f := range feeds {
			if errs[f] != nil {
				t.Errorf("round %d feed %d: %v", r, f, errs[f])
			} else if got[f] != per {
				t.Errorf("round %d feed %d: %d of its %d new articles returned as new", r, f, got[f], per)
			}
		}
	}
}

// testSavePollsFailAlone: polls saved at the same moment may be written
// together, but a poll with a row the database refuses, or whose caller
// gave up, fails alone and stores nothing of its own; the others are
// stored whole.
func testSavePollsFailAlone(t *testing.T, s strike.Store) {
	const polls, each = 8, 20
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, polls)
	got := make([][]strike.Article, polls)
	for p := range polls {
		wg.Go(func() {
			batch := make([]strike.Article, each)
			for i := range batch {
				batch[i] = article(1000 + p*each + i)
				batch[i].Feed = fmt.Sprintf("%s?p=%d", feedURL, p)
			}
			ctx := t.Context()
			switch p {
			case 2:
				batch[each/2].Key = "" // the database refuses an empty key
			case 5:
				c, cancel := context.WithCancel(ctx)
				cancel()
				ctx = c
			}
			<-start
			got[p], errs[p] = s.SavePoll(ctx, state(fmt.Sprintf("%s?p=%d", feedURL, p), 1), batch)
		})
	}
	close(start)
	wg.Wait()
	for p := range polls {
		failed := p == 2 || p == 5
		if failed != (errs[p] != nil) {
			t.Errorf("poll %d: error %v, want one: %v", p, errs[p], failed)
		}
		if !failed && len(got[p]) != each {
			t.Errorf("poll %d: %d new articles, want %d", p, len(got[p]), each)
		}
		stored, err := s.Articles(t.Context(), strike.ArticleFilter{CampaignID: campaign, URL: article(1000 + p*each).URL})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case failed && len(stored) != 0:
			t.Errorf("poll %d failed but its first article is stored", p)
		case !failed && len(stored) != 1:
			t.Errorf("poll %d: its first article stored %d times, want once", p, len(stored))
		}
	}
}

func testPing(t *testing.T, s strike.Store) {
	if err := s.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}
