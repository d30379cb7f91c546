package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// processedTests are the contract tests of the processed mark: what the
// coverage desk relies on to hand each article's story event on exactly
// once across restarts.
var processedTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"MarkProcessed", testMarkProcessed},
	{"UnprocessedFilter", testUnprocessedFilter},
	{"MarkProcessedCanceled", testMarkProcessedCanceled},
}

// unprocessed returns the keys of the campaign's unprocessed core and
// related articles, newest first.
func unprocessed(t *testing.T, s strike.Store) []string {
	t.Helper()
	got, err := s.Articles(t.Context(), strike.ArticleFilter{CampaignID: campaign, Unprocessed: true,
		Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		t.Fatalf("Articles(unprocessed): %v", err)
	}
	return keys(got)
}

func markProcessed(t *testing.T, s strike.Store, ids ...int64) {
	t.Helper()
	if err := s.MarkProcessed(t.Context(), ids); err != nil {
		t.Fatalf("MarkProcessed(%v): %v", ids, err)
	}
}

func testMarkProcessed(t *testing.T, s strike.Store) {
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2), article(3))
	if got, want := unprocessed(t, s), []string{"guid:0003", "guid:0002", "guid:0001"}; !slices.Equal(got, want) {
		t.Fatalf("new articles: unprocessed = %q, want %q", got, want)
	}

	// The crash window: an article with a story is still unprocessed.
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Strike begins"})
	setCoverage(t, s, saved[1].ID, st, strike.Facts{Phase: strike.PhaseStrike}, []byte{1})
	if got, want := unprocessed(t, s), []string{"guid:0003", "guid:0002", "guid:0001"}; !slices.Equal(got, want) {
		t.Errorf("after SetCoverage: unprocessed = %q, want %q", got, want)
	}

	markProcessed(t, s, saved[1].ID, saved[2].ID+1000) // an unknown ID is passed over
	if got, want := unprocessed(t, s), []string{"guid:0003", "guid:0001"}; !slices.Equal(got, want) {
		t.Errorf("after marking %d: unprocessed = %q, want %q", saved[1].ID, got, want)
	}
	// Marking changes nothing else about the article.
	want := stored(saved[1])
	want.StoryID, want.Facts = st, strike.Facts{Phase: strike.PhaseStrike}
	if d := diffArticle(getArticle(t, s, saved[1].ID), want); d != "" {
		t.Errorf("marked article differs: %s", d)
	}

	// Idempotent, and a later SetCoverage does not clear the mark.
	markProcessed(t, s, saved[1].ID, saved[1].ID)
	markProcessed(t, s)
	setCoverage(t, s, saved[1].ID, st, strike.Facts{Phase: strike.PhaseMediation}, []byte{2})
	if got, want := unprocessed(t, s), []string{"guid:0003", "guid:0001"}; !slices.Equal(got, want) {
		t.Errorf("after marking again: unprocessed = %q, want %q", got, want)
	}

	markProcessed(t, s, saved[0].ID, saved[2].ID)
	if got := unprocessed(t, s); len(got) != 0 {
		t.Errorf("after marking all: unprocessed = %q, want none", got)
	}
	// A re-polled article is not new, and its mark stays.
	if again := savePoll(t, s, state(feedURL, 2), article(1), article(4)); len(again) != 1 || again[0].Key != "guid:0004" {
		t.Errorf("re-poll returned %q, want only guid:0004", keys(again))
	}
	if got, want := unprocessed(t, s), []string{"guid:0004"}; !slices.Equal(got, want) {
		t.Errorf("after re-poll: unprocessed = %q, want %q", got, want)
	}
}

func testUnprocessedFilter(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Mediation begins"})
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	mk := func(c, key string, tier strike.Tier, published time.Time) strike.Article {
		return strike.Article{CampaignID: c, Key: key, URL: "https://news.example.test/" + c + "/" + key,
			Published: published, Relevance: strike.Relevance{Tier: tier}}
	}
	saved := savePoll(t, s, state(feedURL, 1),
		mk(campaign, "done", strike.TierCore, day(10)),        // story, processed
		mk(campaign, "window", strike.TierCore, day(11)),      // story, not processed: the crash window
		mk(campaign, "fresh", strike.TierRelated, day(12)),    // no story, not processed
		mk(campaign, "noise", strike.TierNone, day(13)),       // tier none: never processed
		mk(campaign, "undated", strike.TierCore, time.Time{}), // no story, not processed
		mk("other", "elsewhere", strike.TierCore, day(14)),    // another campaign
	)
	setCoverage(t, s, saved[0].ID, st, strike.Facts{}, nil)
	setCoverage(t, s, saved[1].ID, st, strike.Facts{}, nil)
	markProcessed(t, s, saved[0].ID)
	coreRelated := []strike.Tier{strike.TierCore, strike.TierRelated}
	tests := []struct {
		name string
		f    strike.ArticleFilter
		want []string
	}{
		{"unprocessed", strike.ArticleFilter{CampaignID: campaign, Unprocessed: true}, []string{"noise", "fresh", "window", "undated"}},
		{"unprocessed core and related", strike.ArticleFilter{CampaignID: campaign, Unprocessed: true, Tiers: coreRelated}, []string{"fresh", "window", "undated"}},
		{"unprocessed, limit", strike.ArticleFilter{CampaignID: campaign, Unprocessed: true, Tiers: coreRelated, Limit: 1}, []string{"fresh"}},
		{"unprocessed none", strike.ArticleFilter{Unprocessed: true, Tiers: []strike.Tier{strike.TierNone}}, []string{"noise"}},
		{"unprocessed, any campaign", strike.ArticleFilter{Unprocessed: true, Tiers: []strike.Tier{strike.TierCore}}, []string{"elsewhere", "window", "undated"}},
		{"unprocessed and unassigned", strike.ArticleFilter{CampaignID: campaign, Unprocessed: true, Unassigned: true, Tiers: coreRelated}, []string{"fresh", "undated"}},
		{"unprocessed members of a story", strike.ArticleFilter{StoryID: st, Unprocessed: true}, []string{"window"}},
		{"unprocessed since", strike.ArticleFilter{CampaignID: campaign, Unprocessed: true, Since: day(11), Tiers: coreRelated}, []string{"fresh", "window"}},
		{"every member", strike.ArticleFilter{StoryID: st}, []string{"window", "done"}},
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

func testMarkProcessedCanceled(t *testing.T, s strike.Store) {
	saved := savePoll(t, s, state(feedURL, 1), article(1))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.MarkProcessed(ctx, []int64{saved[0].ID}); err == nil {
		t.Error("MarkProcessed with a canceled context succeeded, want an error")
	}
	if got, want := unprocessed(t, s), []string{"guid:0001"}; !slices.Equal(got, want) {
		t.Errorf("after a canceled MarkProcessed: unprocessed = %q, want %q", got, want)
	}
}
