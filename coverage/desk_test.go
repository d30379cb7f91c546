package coverage_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// deskFixture opens an empty store and returns the demo corpus as the
// campaign's articles, scored by the shipped profile, not yet stored.
func deskFixture(t *testing.T) (*sqlite.DB, strike.Campaign, []strike.Article, []demo.Doc) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := config.Default().Campaigns()[0]
	scorer, err := coverage.NewScorer(c.Relevance)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	in := make([]strike.Article, len(docs))
	for i, d := range docs {
		a := strike.Article{
			CampaignID: c.ID, Feed: "demo:" + d.Feed, Key: d.ID, URL: "https://demo.example/" + d.ID,
			Title: d.Title, Source: d.Outlet, Text: d.Body, Published: d.Published, FirstSeen: d.Published,
		}
		a.Relevance = scorer.Score(&a)
		in[i] = a
	}
	return db, c, in, docs
}

// save stores articles as one poll would and returns them with IDs.
func save(t *testing.T, db *sqlite.DB, articles []strike.Article) []strike.Article {
	t.Helper()
	stored, err := db.SavePoll(context.Background(), strike.FeedState{URL: "demo:all", CampaignID: articles[0].CampaignID}, articles)
	if err != nil {
		t.Fatal(err)
	}
	return stored
}

func TestDeskCorpus(t *testing.T) {
	ctx := context.Background()
	db, c, articles, docs := deskFixture(t)
	now := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	d, recovered, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 0 {
		t.Fatalf("a fresh desk recovered %d events from an empty store", len(recovered))
	}

	// Feed the corpus in, one article at a time, oldest first.
	byID := map[int64]demo.Doc{}
	var events []coverage.StoryEvent
	for i, a := range articles {
		a = save(t, db, []strike.Article{a})[0]
		byID[a.ID] = docs[i]
		evs, err := d.Process(ctx, []strike.Article{a})
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, evs...)
	}

	var phases []string
	kinds := map[coverage.EventKind]int{}
	for _, ev := range events {
		kinds[ev.Kind]++
		doc := byID[ev.Article.ID]
		if doc.CopyOf != "" && ev.Kind == coverage.EventNewStory {
			t.Errorf("syndicated copy %s opened a story of its own", doc.ID)
		}
		if ev.Kind == coverage.EventPhaseChange {
			phases = append(phases, ev.Article.Facts.Phase)
		}
	}
	want := []string{strike.PhaseThreatened, strike.PhaseStrike, strike.PhaseMediation, strike.PhaseTentativeAgreement, strike.PhaseRatified, strike.PhaseEnded}
	if !slices.Equal(phases, want) {
		t.Errorf("phase changes = %v, want %v", phases, want)
	}
	if kinds[coverage.EventNewOutlet] == 0 {
		t.Errorf("no article was a new outlet on a known story: %v", kinds)
	}
	t.Logf("events: %v", kinds)

	// Every relevant article now has a story; pairs agree with the labels.
	all, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn int
	for i, a := range all {
		if a.StoryID == 0 {
			t.Errorf("article %q has no story", a.Title)
		}
		for _, b := range all[i+1:] {
			same, label := a.StoryID == b.StoryID, byID[a.ID].Story == byID[b.ID].Story && byID[a.ID].Story != ""
			switch {
			case same && label:
				tp++
			case same:
				fp++
			case label:
				fn++
			}
		}
	}
	f1 := 2 * float64(tp) / float64(2*tp+fp+fn)
	t.Logf("story pairs through the desk: tp %d fp %d fn %d, F1 %.3f", tp, fp, fn, f1)
	if f1 < 0.9 {
		t.Errorf("story pairwise F1 = %.3f, want at least 0.9", f1)
	}

	// Stories carry a summary, sources and merged facts.
	stories, err := db.Stories(ctx, strike.StoryFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if s.Summary == "" || len(s.SummarySources) == 0 || len(s.Articles) == 0 || s.Title == "" {
			t.Errorf("story %d %q lacks summary, sources or members", s.ID, s.Title)
		}
	}

	// Status as of the end; answers from the same coverage.
	st, err := d.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Phase != strike.PhaseEnded || st.Workers != 2400 || st.DurationDays != 196 {
		t.Errorf("status = phase %q, workers %d, duration %d; want ended, 2400, 196", st.Phase, st.Workers, st.DurationDays)
	}
	if ans := d.Ask("what did Kaiser offer?"); !ans.Found || len(ans.Citations) == 0 {
		t.Errorf("Ask offer = %+v", ans)
	}
}

func TestDeskRecoversUnprocessedArticles(t *testing.T) {
	ctx := context.Background()
	db, c, articles, _ := deskFixture(t)
	now := func() time.Time { return time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC) }

	// Store everything, process half, then "crash": a new desk must pick
	// up the rest.
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	stored := save(t, db, articles)
	half := len(stored) / 2
	first, err := d.Process(ctx, stored[:half])
	if err != nil {
		t.Fatal(err)
	}
	_, recovered, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	relevant := 0
	for _, a := range stored[half:] {
		if a.Relevance.Tier.Announceable() {
			relevant++
		}
	}
	if len(recovered) != relevant {
		t.Errorf("recovered %d events, want %d (the unprocessed relevant articles)", len(recovered), relevant)
	}
	// And a third start finds nothing left to do.
	_, again, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Errorf("third start recovered %d events, want 0", len(again))
	}
	if len(first) == 0 {
		t.Error("first half produced no events")
	}
}

// BenchmarkDeskStatus is `/strike status` on a desk that has processed the
// corpus: a pins query and a synthesis from the facts kept in memory.
func BenchmarkDeskStatus(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c := config.Default().Campaigns()[0]
	scorer, _ := coverage.NewScorer(c.Relevance)
	docs, _ := demo.Corpus()
	var in []strike.Article
	for _, d := range docs {
		a := strike.Article{CampaignID: c.ID, Feed: "demo", Key: d.ID, URL: "https://demo.example/" + d.ID,
			Title: d.Title, Source: d.Outlet, Text: d.Body, Published: d.Published, FirstSeen: d.Published}
		a.Relevance = scorer.Score(&a)
		in = append(in, a)
	}
	if _, err := db.SavePoll(ctx, strike.FeedState{URL: "demo", CampaignID: c.ID}, in); err != nil {
		b.Fatal(err)
	}
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{})
	if err != nil {
		b.Fatal(err)
	}
	db.SetPin(ctx, strike.Pin{CampaignID: c.ID, Field: strike.FieldNextEvent, Value: "2025-06-01 rally", SetBy: "U1", SetAt: time.Now()})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Status(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
