package coverage_test

import (
	"context"
	"errors"
	"fmt"
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
	if ans, err := d.Ask(ctx, "what did Kaiser offer?"); err != nil || !ans.Found || len(ans.Citations) == 0 {
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

// errCrash stands for the process dying between a story assignment and
// the announcement.
var errCrash = errors.New("test: crash")

// outboxDest is where the test's OnEvent enqueues announcements.
var outboxDest = strike.Destination{Platform: "console", Channel: "test"}

// outbox is an OnEvent that hands events on as the bot's announcer does:
// one delivery per article, keyed "article:<id>", enqueued idempotently in
// the store's real outbox. It counts calls per key. For the article fail it
// simulates a crash: before enqueueing, or after when enqueued is set.
type outbox struct {
	db       *sqlite.DB
	fail     int64
	enqueued bool
	calls    map[string]int
	failed   []coverage.StoryEvent
}

func newOutbox(db *sqlite.DB) *outbox { return &outbox{db: db, calls: map[string]int{}} }

func (o *outbox) onEvent(ctx context.Context, ev coverage.StoryEvent) error {
	key := fmt.Sprintf("article:%d", ev.Article.ID)
	o.calls[key]++
	crash := ev.Article.ID == o.fail
	if crash && !o.enqueued {
		o.failed = append(o.failed, ev)
		return errCrash
	}
	_, err := o.db.Enqueue(ctx, []strike.Delivery{{Destination: outboxDest, Key: key, CampaignID: ev.Article.CampaignID,
		StoryID: ev.Story.ID, Kind: string(ev.Kind), Payload: []byte(`{}`)}})
	if err != nil {
		return err
	}
	if crash {
		o.failed = append(o.failed, ev)
		return errCrash
	}
	return nil
}

// delivered returns the outbox's deliveries, kind by key.
func (o *outbox) delivered(t *testing.T) map[string]string {
	t.Helper()
	ds, err := o.db.Deliveries(t.Context(), outboxDest)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(ds))
	for _, d := range ds {
		if _, dup := out[d.Key]; dup {
			t.Errorf("delivery %s enqueued twice", d.Key)
		}
		out[d.Key] = d.Kind
	}
	return out
}

// feed processes the stored articles one at a time, oldest first, as polls
// would bring them, with the clock at each article's publication. When
// OnEvent fails it stops (the process died) if stop is set, else goes on
// (the app logs the error and carries on). It returns the events.
func feed(t *testing.T, d *coverage.Desk, clock *time.Time, stored []strike.Article, stop bool) []coverage.StoryEvent {
	t.Helper()
	var events []coverage.StoryEvent
	for _, a := range stored {
		*clock = a.Published.Add(time.Hour)
		evs, err := d.Process(t.Context(), []strike.Article{a})
		events = append(events, evs...)
		switch {
		case errors.Is(err, errCrash) && stop:
			return events
		case errors.Is(err, errCrash):
		case err != nil:
			t.Fatal(err)
		}
	}
	return events
}

// cleanRun processes the corpus with no crash and returns each article's
// event kind by ID, and the phase changes in order.
func cleanRun(t *testing.T) (map[int64]coverage.EventKind, []coverage.StoryEvent) {
	t.Helper()
	db, c, articles, _ := deskFixture(t)
	var clock time.Time
	ob := newOutbox(db)
	d, _, err := coverage.NewDesk(t.Context(), c, db, coverage.DeskOptions{Now: func() time.Time { return clock }, OnEvent: ob.onEvent})
	if err != nil {
		t.Fatal(err)
	}
	stored := save(t, db, articles)
	events := feed(t, d, &clock, stored, false)
	kinds := make(map[int64]coverage.EventKind, len(events))
	for _, ev := range events {
		kinds[ev.Article.ID] = ev.Kind
	}
	return kinds, events
}

func keysOf(evs []coverage.StoryEvent) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = fmt.Sprintf("article:%d", ev.Article.ID)
	}
	return out
}

func phaseChanges(evs []coverage.StoryEvent) []string {
	var out []string
	for _, ev := range evs {
		if ev.Kind == coverage.EventPhaseChange {
			out = append(out, ev.Article.Facts.Phase)
		}
	}
	return out
}

// TestDeskCrashBetweenAssignmentAndAnnouncement crashes a desk after an
// article was assigned to its story (SetCoverage) but before its event was
// handed on, then starts a new desk on the same store: the article's event
// comes again, judged as it was the first time, and every relevant
// article's announcement is in the outbox exactly once.
func TestDeskCrashBetweenAssignmentAndAnnouncement(t *testing.T) {
	cleanKinds, cleanEvents := cleanRun(t)
	// Crash points: the first article of each kind, past the first few.
	pick := func(t *testing.T, k coverage.EventKind) int64 {
		t.Helper()
		for _, ev := range cleanEvents[3:] {
			if ev.Kind == k {
				return ev.Article.ID
			}
		}
		t.Fatalf("the clean run has no %s event", k)
		return 0
	}
	tests := []struct {
		name     string
		kind     coverage.EventKind
		stop     bool // the process dies at the failure
		enqueued bool // it dies after enqueueing, before the mark
	}{
		{"new story, crash", coverage.EventNewStory, true, false},
		{"new outlet, crash", coverage.EventNewOutlet, true, false},
		{"phase change, crash", coverage.EventPhaseChange, true, false},
		{"new story, crash after enqueue", coverage.EventNewStory, true, true},
		{"new story, OnEvent fails and the bot goes on", coverage.EventNewStory, false, false},
		{"new outlet, OnEvent fails and the bot goes on", coverage.EventNewOutlet, false, false},
		{"phase change, OnEvent fails and the bot goes on", coverage.EventPhaseChange, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			db, c, articles, _ := deskFixture(t)
			var clock time.Time
			now := func() time.Time { return clock }
			ob := newOutbox(db)
			ob.fail, ob.enqueued = pick(t, tt.kind), tt.enqueued
			failKey := fmt.Sprintf("article:%d", ob.fail)

			d1, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now, OnEvent: ob.onEvent})
			if err != nil {
				t.Fatal(err)
			}
			stored := save(t, db, articles)
			before := feed(t, d1, &clock, stored, tt.stop)
			if len(ob.failed) != 1 {
				t.Fatalf("OnEvent failed %d times, want once", len(ob.failed))
			}
			crashed := ob.failed[0]
			if crashed.Kind != tt.kind {
				t.Fatalf("the crashed article's event is %s, want %s as in the clean run", crashed.Kind, tt.kind)
			}
			if a, err := db.Article(ctx, ob.fail); err != nil || a.StoryID == 0 {
				t.Fatalf("crashed article = story %d, %v; want it assigned before the crash", a.StoryID, err)
			}
			if slices.Contains(keysOf(before), failKey) {
				t.Errorf("Process returned the event of %s, whose OnEvent failed", failKey)
			}

			// Restart.
			clock = crashed.Article.Published.Add(time.Hour)
			ob.fail = 0
			_, recovered, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now, OnEvent: ob.onEvent})
			if err != nil {
				t.Fatal(err)
			}
			if len(recovered) == 0 || keysOf(recovered)[0] != failKey {
				t.Fatalf("recovered %q, want %s first", keysOf(recovered), failKey)
			}
			re := recovered[0]
			if !tt.stop {
				if got := keysOf(recovered); len(got) != 1 {
					t.Errorf("recovered %q, want only %s", got, failKey)
				}
			}
			if re.Story.ID != crashed.Story.ID {
				t.Errorf("recovered event is of story %d, want %d (no re-clustering)", re.Story.ID, crashed.Story.ID)
			}
			if re.Kind != crashed.Kind && !(tt.kind == coverage.EventPhaseChange && !tt.stop) {
				t.Errorf("recovered event kind = %s, want %s", re.Kind, crashed.Kind)
			}
			if tt.stop {
				// The restarted desk handled the crashed article and
				// the rest, each judged as in the clean run.
				for _, ev := range slices.Concat(before, recovered) {
					if got, want := ev.Kind, cleanKinds[ev.Article.ID]; got != want {
						t.Errorf("article %d %q: kind %s, want %s as in the clean run", ev.Article.ID, ev.Article.Title, got, want)
					}
				}
			}

			// Each relevant article's announcement is in the outbox once;
			// OnEvent ran twice only for the crashed one.
			delivered := ob.delivered(t)
			for id := range cleanKinds {
				key := fmt.Sprintf("article:%d", id)
				if _, ok := delivered[key]; !ok {
					t.Errorf("%s was never announced", key)
				}
				want := 1
				if key == failKey {
					want = 2
				}
				if got := ob.calls[key]; got != want {
					t.Errorf("OnEvent(%s) ran %d times, want %d", key, got, want)
				}
			}
			if len(delivered) != len(cleanKinds) {
				t.Errorf("%d announcements, want %d", len(delivered), len(cleanKinds))
			}
			// Phase changes are announced once each, in order, wherever
			// the crash fell.
			if got, want := phaseChanges(slices.Concat(before, recovered)), phaseChanges(cleanEvents); !slices.Equal(got, want) {
				t.Errorf("phase changes announced = %v, want %v", got, want)
			}

			// Nothing is left: a third start hands on nothing.
			_, again, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now, OnEvent: ob.onEvent})
			if err != nil {
				t.Fatal(err)
			}
			if len(again) != 0 {
				t.Errorf("third start recovered %q, want nothing", keysOf(again))
			}
		})
	}
}

// TestDeskOnEventErrorStopsProcess checks that Process stops at an
// OnEvent error: the failed article and those after it stay unprocessed.
func TestDeskOnEventErrorStopsProcess(t *testing.T) {
	ctx := t.Context()
	db, c, articles, _ := deskFixture(t)
	ob := newOutbox(db)
	now := func() time.Time { return articles[len(articles)-1].Published }
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now, OnEvent: ob.onEvent})
	if err != nil {
		t.Fatal(err)
	}
	stored := save(t, db, articles)
	var relevant []strike.Article
	for _, a := range stored {
		if a.Relevance.Tier.Announceable() {
			relevant = append(relevant, a)
		}
	}
	ob.fail = relevant[2].ID
	events, err := d.Process(ctx, stored)
	if !errors.Is(err, errCrash) {
		t.Fatalf("Process error = %v, want one wrapping the OnEvent error", err)
	}
	if got, want := keysOf(events), keysOf([]coverage.StoryEvent{{Article: relevant[0]}, {Article: relevant[1]}}); !slices.Equal(got, want) {
		t.Errorf("Process returned %q, want %q", got, want)
	}
	left, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Unprocessed: true, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(left), len(relevant)-2; got != want {
		t.Errorf("%d relevant articles unprocessed, want %d", got, want)
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

func TestDeskStatusCacheFollowsPinsAndArticles(t *testing.T) {
	ctx := context.Background()
	db, c, articles, _ := deskFixture(t)
	clock := time.Date(2024, 11, 1, 12, 0, 0, 0, time.UTC)
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	var early []strike.Article
	for _, a := range articles {
		if a.Published.Before(clock) {
			early = append(early, a)
		}
	}
	if _, err := d.Process(ctx, save(t, db, early)); err != nil {
		t.Fatal(err)
	}
	first, err := d.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Phase != strike.PhaseStrike {
		t.Fatalf("phase = %q, want strike", first.Phase)
	}
	// A captain's pin shows at once.
	if err := db.SetPin(ctx, strike.Pin{CampaignID: c.ID, Field: strike.FieldWorkers, Value: "2500", SetBy: "U0CAPTAIN", SetAt: clock}); err != nil {
		t.Fatal(err)
	}
	pinned, _ := d.Status(ctx)
	if pinned.Workers != 2500 {
		t.Errorf("workers after a pin = %d, want 2500", pinned.Workers)
	}
	// So does news: the strike moves to mediation.
	clock = time.Date(2025, 3, 12, 12, 0, 0, 0, time.UTC)
	var later []strike.Article
	for _, a := range articles {
		if !a.Published.Before(time.Date(2024, 11, 1, 12, 0, 0, 0, time.UTC)) && a.Published.Before(clock) {
			later = append(later, a)
		}
	}
	if _, err := d.Process(ctx, save(t, db, later)); err != nil {
		t.Fatal(err)
	}
	if st, _ := d.Status(ctx); st.Phase != strike.PhaseMediation {
		t.Errorf("phase after mediation news = %q, want mediation", st.Phase)
	}
}

// TestDeskCoreArticleHasTheCampaignsUnion: an article about the campaign
// that names no union (an op-ed, a radio piece's "the union for 2,400
// striking workers"), or names another union's strike beside it, is about
// the campaign's union; a related one that names none is left without.
func TestDeskCoreArticleHasTheCampaignsUnion(t *testing.T) {
	ctx := context.Background()
	db, c, _, _ := deskFixture(t)
	now := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2025, 2, 18, 20, 0, 0, 0, time.UTC)
	core := strike.Article{CampaignID: c.ID, Feed: "test", Key: "core", URL: "https://radio.example/talks",
		Title: "Holiday bargaining session fails to move Kaiser strike", Source: "Radio",
		Text:      "Negotiators for Kaiser Permanente and the union for 2,400 striking mental health workers met Monday in Pasadena.",
		Published: pub, FirstSeen: pub, Relevance: strike.Relevance{Tier: strike.TierCore}}
	// About the campaign, with another union in the news beside it: the
	// campaign's union is still whose strike it is.
	anniversary := core
	anniversary.Key, anniversary.URL, anniversary.Title = "anniversary", "https://radio.example/year", "A year after Kaiser's therapists walked out"
	anniversary.Text = "A year ago, about 2,400 Kaiser mental health clinicians in Southern California walked off the job. They stayed out 196 days.\n\n" +
		"The anniversary comes days after a shorter Kaiser strike: some 31,000 nurses with the United Nurses Associations of California/Union of Health Care Professionals walked out for five days last week. Several NUHW members joined those picket lines."
	related := core
	related.Key, related.URL, related.Title = "related", "https://radio.example/pharmacists", "Kaiser pharmacists picket in Downey"
	related.Text = "Kaiser Permanente pharmacists picketed in Downey on Monday, their union said."
	related.Relevance.Tier = strike.TierRelated
	stored := save(t, db, []strike.Article{core, anniversary, related})
	evs, err := d.Process(ctx, stored)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ev := range evs {
		got[ev.Article.Key] = ev.Article.Facts.Union
	}
	if got["core"] != "National Union of Healthcare Workers" || got["anniversary"] != "National Union of Healthcare Workers" || got["related"] != "" {
		t.Errorf("unions = %q, want the campaign's for the core articles and none for the related one", got)
	}
}
