package coverage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/store/postgres"
	"github.com/strikebot/strikebot/store/postgres/pgtest"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// deskStore is a store the order tests run desks on.
type deskStore interface {
	coverage.DeskStore
	SavePoll(ctx context.Context, state strike.FeedState, articles []strike.Article) ([]strike.Article, error)
}

// arrival is how the corpus reaches the desks in one trial.
type arrival struct {
	order    []int // indexes into the articles
	batches  []int // batch sizes, summing to len(order)
	restarts []bool
	desks    int // desks working at once (replicas), each on its own batches
	// maxIndexed bounds each desk's clustering index (DeskOptions), 0 for
	// the default: a small bound makes the desks drop and read back days
	// all the time.
	maxIndexed int
}

func randomArrival(r *rand.Rand, n int) arrival {
	a := arrival{order: r.Perm(n), desks: 1 + r.IntN(3)}
	for left := n; left > 0; {
		k := min(left, 1+r.IntN(12))
		a.batches = append(a.batches, k)
		a.restarts = append(a.restarts, r.IntN(4) == 0)
		left -= k
	}
	return a
}

// runArrival stores and processes the articles as the arrival says, on
// desks opened with open, and returns each doc's story. Each batch is
// stored as one poll, then handed to one of the desks; with several
// desks, batches are handled concurrently; a restart replaces a desk with
// a new one on the same store.
func runArrival(t *testing.T, st deskStore, c strike.Campaign, articles []strike.Article, docs []demo.Doc, arr arrival) map[string]int64 {
	t.Helper()
	ctx := t.Context()
	now := func() time.Time { return time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC) }
	newDesk := func() *coverage.Desk {
		d, _, err := coverage.NewDesk(ctx, c, st, coverage.DeskOptions{Now: now, MaxIndexed: arr.maxIndexed})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	type batch struct {
		articles []strike.Article
		restart  bool
	}
	queues := make([][]batch, arr.desks)
	at := 0
	for i, k := range arr.batches {
		var b batch
		for _, j := range arr.order[at : at+k] {
			b.articles = append(b.articles, articles[j])
		}
		b.restart = arr.restarts[i]
		queues[i%arr.desks] = append(queues[i%arr.desks], b)
		at += k
	}
	var wg sync.WaitGroup
	for q := range queues {
		wg.Go(func() {
			d := newDesk()
			for n, b := range queues[q] {
				stored, err := st.SavePoll(ctx, strike.FeedState{URL: fmt.Sprintf("feed-%d-%d", q, n), CampaignID: c.ID}, b.articles)
				if err != nil {
					t.Error(err)
					return
				}
				if b.restart {
					d = newDesk()
				}
				if _, err := d.Process(ctx, stored); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return storiesOf(t, st, c, docs)
}

// storiesOf returns each doc's story as stored.
func storiesOf(t *testing.T, st deskStore, c strike.Campaign, docs []demo.Doc) map[string]int64 {
	t.Helper()
	all, err := st.Articles(t.Context(), strike.ArticleFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	byKey := make(map[string]int64, len(all))
	for _, a := range all {
		byKey[a.Key] = a.StoryID
	}
	got := make(map[string]int64, len(docs))
	for _, d := range docs {
		got[d.ID] = byKey[d.ID]
	}
	return got
}

// strikeDocs returns the corpus articles of strike news, with their docs.
func strikeDocs(t *testing.T) (strike.Campaign, []strike.Article, []demo.Doc) {
	t.Helper()
	_, c, articles, docs := deskFixture(t)
	var as []strike.Article
	var ds []demo.Doc
	for i, a := range articles {
		if a.Relevance.Tier.Announceable() {
			as, ds = append(as, a), append(ds, docs[i])
		}
	}
	return c, as, ds
}

// TestDeskStoriesIgnoreArrival is the property the desk promises: the same
// articles give the same stories however they arrive: in any order (a
// backfill of months, a feed added later with its backlog, an aggregator
// indexing days late), in batches of any size (several feeds polled at
// once), with restarts between batches, and with several desks working
// at once on one store.
func TestDeskStoriesIgnoreArrival(t *testing.T) {
	c, articles, docs := strikeDocs(t)
	open := func(t *testing.T) deskStore {
		db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "desk.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	sorted := arrival{order: make([]int, len(articles)), batches: []int{len(articles)}, restarts: []bool{false}, desks: 1}
	for i := range sorted.order {
		sorted.order[i] = i
	}
	want := partition(docs, runArrival(t, open(t), c, articles, docs, sorted))
	r := rand.New(rand.NewPCG(11, 3))
	trials := 25
	if testing.Short() {
		trials = 5
	}
	for trial := range trials {
		arr := randomArrival(r, len(articles))
		if trial%2 == 1 {
			arr.maxIndexed = 4 + trial
		}
		t.Run(fmt.Sprintf("trial-%d-desks-%d-batches-%d-index-%d", trial, arr.desks, len(arr.batches), arr.maxIndexed), func(t *testing.T) {
			got := partition(docs, runArrival(t, open(t), c, articles, docs, arr))
			for _, d := range docs {
				if got[d.ID] != want[d.ID] {
					t.Errorf("%s is with %s, in publication order with %s", d.ID, got[d.ID], want[d.ID])
				}
			}
		})
	}
}

// TestDeskStoriesOnReplicas runs the property on PostgreSQL with each desk
// on a store of its own, as replicas are: concurrent desks that share
// only the database agree on the stories.
func TestDeskStoriesOnReplicas(t *testing.T) {
	dsn := pgtest.SchemaDSN(t)
	c, articles, docs := strikeDocs(t)
	sorted := arrival{order: make([]int, len(articles)), batches: []int{len(articles)}, restarts: []bool{false}, desks: 1}
	for i := range sorted.order {
		sorted.order[i] = i
	}
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := partition(docs, runArrival(t, db, c, articles, docs, sorted))

	r := rand.New(rand.NewPCG(5, 8))
	for trial := range 3 {
		t.Run(fmt.Sprintf("trial-%d", trial), func(t *testing.T) {
			if trial > 0 {
				dsn = pgtest.SchemaDSN(t)
			}
			arr := randomArrival(r, len(articles))
			arr.desks = 3
			stores := make([]*postgres.DB, arr.desks)
			for i := range stores {
				s, err := postgres.Open(t.Context(), dsn)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				stores[i] = s
			}
			got := partition(docs, runReplicas(t, stores, c, articles, docs, arr))
			for _, d := range docs {
				if got[d.ID] != want[d.ID] {
					t.Errorf("%s is with %s, in publication order with %s", d.ID, got[d.ID], want[d.ID])
				}
			}
		})
	}
}

// runReplicas is runArrival with desk i on stores[i].
func runReplicas(t *testing.T, stores []*postgres.DB, c strike.Campaign, articles []strike.Article, docs []demo.Doc, arr arrival) map[string]int64 {
	t.Helper()
	ctx := t.Context()
	var wg sync.WaitGroup
	at := 0
	queues := make([][][]strike.Article, len(stores))
	for i, k := range arr.batches {
		var b []strike.Article
		for _, j := range arr.order[at : at+k] {
			b = append(b, articles[j])
		}
		queues[i%len(stores)] = append(queues[i%len(stores)], b)
		at += k
	}
	for q, st := range stores {
		wg.Go(func() {
			d, _, err := coverage.NewDesk(ctx, c, st, coverage.DeskOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			for n, b := range queues[q] {
				stored, err := st.SavePoll(ctx, strike.FeedState{URL: fmt.Sprintf("feed-%d-%d", q, n), CampaignID: c.ID}, b)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := d.Process(ctx, stored); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	all, err := stores[0].Articles(ctx, strike.ArticleFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	byKey := make(map[string]int64, len(all))
	for _, a := range all {
		byKey[a.Key] = a.StoryID
	}
	got := make(map[string]int64, len(docs))
	for _, d := range docs {
		got[d.ID] = byKey[d.ID]
	}
	return got
}

// TestDeskMergesStoriesALateArticleJoins: two reports of one event that
// share nothing but a third report form two stories until the third
// arrives; then the younger story is merged into the older, whose ID
// survives, and the merged one leads to it.
func TestDeskMergesStoriesALateArticleJoins(t *testing.T) {
	ctx := t.Context()
	db, c, _, _ := deskFixture(t)
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mk := func(key, title, text string, at time.Time) strike.Article {
		return strike.Article{CampaignID: c.ID, Feed: "f", Key: key, URL: "https://x.example/" + key, Source: key,
			Title: title, Text: text, Published: at, FirstSeen: at, Relevance: strike.Relevance{Tier: strike.TierCore}}
	}
	t0 := time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC)
	first := mk("a", talksTitle, talksText, t0)
	second := mk("b", talksOtherTitle, talksOtherText, t0.Add(-3*24*time.Hour-time.Hour))
	evs, err := d.Process(ctx, save(t, db, []strike.Article{first, second}))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].Story.ID == evs[1].Story.ID {
		t.Fatalf("the first two reports made %d events, want two stories", len(evs))
	}
	older, younger := evs[0].Story.ID, evs[1].Story.ID // the earlier published comes first
	older, younger = min(older, younger), max(older, younger)
	bridge := mk("c", "Harbor Point strike talks resume", talksOtherText, t0.Add(-time.Hour))
	evs, err = d.Process(ctx, save(t, db, []strike.Article{bridge}))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Story.ID != older || !slices.Equal(evs[0].Merged, []int64{younger}) {
		t.Fatalf("bridge event = %+v, want story %d with %d merged in", evs, older, younger)
	}
	if evs[0].Kind == coverage.EventNewStory {
		t.Error("the bridge opened a story")
	}
	s, err := db.Story(ctx, younger)
	if err != nil || s.ID != older || len(s.Articles) != 3 || s.Members != 3 {
		t.Errorf("Story(%d) = story %d with %d articles (%d members), %v; want %d with 3", younger, s.ID, len(s.Articles), s.Members, err, older)
	}
}

// TestDeskCallsAtOnceGetTheirOwnEvents: Process calls made at the same
// moment on one desk are handled together, and each gets the events of
// its own articles, every article's once; the stories are those of one
// call with everything.
func TestDeskCallsAtOnceGetTheirOwnEvents(t *testing.T) {
	c, articles, docs := strikeDocs(t)
	open := func() *sqlite.DB {
		db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "desk.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	all := arrival{order: make([]int, len(articles)), batches: []int{len(articles)}, restarts: []bool{false}, desks: 1}
	for i := range all.order {
		all.order[i] = i
	}
	want := partition(docs, runArrival(t, open(), c, articles, docs, all))

	db := open()
	ctx := t.Context()
	now := func() time.Time { return time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC) }
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	const calls = 8
	stored := make([][]strike.Article, calls)
	for i, a := range articles {
		stored[i%calls] = append(stored[i%calls], a)
	}
	for i := range stored {
		if stored[i], err = db.SavePoll(ctx, strike.FeedState{URL: fmt.Sprintf("feed-%d", i), CampaignID: c.ID}, stored[i]); err != nil {
			t.Fatal(err)
		}
	}
	events := make([][]coverage.StoryEvent, calls)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range calls {
		wg.Go(func() {
			<-start
			var err error
			if events[i], err = d.Process(ctx, stored[i]); err != nil {
				t.Error(err)
			}
		})
	}
	close(start)
	wg.Wait()
	seen := map[int64]int{}
	for i := range calls {
		mine := map[int64]bool{}
		for _, a := range stored[i] {
			mine[a.ID] = true
		}
		for _, ev := range events[i] {
			if !mine[ev.Article.ID] {
				t.Errorf("call %d got the event of article %d, not one of its own", i, ev.Article.ID)
			}
			seen[ev.Article.ID]++
		}
	}
	for i := range calls {
		for _, a := range stored[i] {
			if seen[a.ID] != 1 {
				t.Errorf("article %d (%s): %d events, want 1", a.ID, a.Key, seen[a.ID])
			}
		}
	}
	got := make(map[string]int64, len(docs))
	list, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		got[a.Key] = a.StoryID
	}
	parts := partition(docs, got)
	for _, doc := range docs {
		if parts[doc.ID] != want[doc.ID] {
			t.Errorf("%s is with %s, with everything in one call with %s", doc.ID, parts[doc.ID], want[doc.ID])
		}
	}
}

// TestDeskIndexStaysBounded feeds the corpus's strike news one article at
// a time, newest first (a backlog read back in time), to a desk whose
// clustering index may hold six members: the index drops the days used
// least recently, holds no more than the bound or the densest reach met
// and a quarter of the bound beyond, and the stories are those of an
// unbounded desk.
func TestDeskIndexStaysBounded(t *testing.T) {
	c, articles, docs := strikeDocs(t)
	open := func() deskStore {
		db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "desk.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return articles[b].Published.Compare(articles[a].Published) })
	ones := make([]int, len(order))
	for i := range ones {
		ones[i] = 1
	}
	want := partition(docs, runArrival(t, open(), c, articles, docs, arrival{order: order, batches: ones, restarts: make([]bool, len(order)), desks: 1}))

	const bound = 6
	st := open()
	ctx := t.Context()
	d, _, err := coverage.NewDesk(ctx, c, st, coverage.DeskOptions{MaxIndexed: bound, Now: func() time.Time { return time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	reach := coverage.DefaultClusterOptions().Reach() + 48*time.Hour // whole days either side
	most, densest, dropped := 0, 0, false
	for n, i := range order {
		stored, err := st.SavePoll(ctx, strike.FeedState{URL: fmt.Sprintf("feed-%d", n), CampaignID: c.ID}, []strike.Article{articles[i]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Process(ctx, stored); err != nil {
			t.Fatal(err)
		}
		near := 0
		for _, j := range order[:n+1] {
			if gap := articles[j].Published.Sub(articles[i].Published).Abs(); gap <= reach {
				near++
			}
		}
		// A drop keeps the reach of the article at hand, and the next one
		// comes once the index has grown by a quarter of the bound, checked
		// before the article joins it.
		densest = max(densest, near)
		if got, limit := d.Indexed(), max(bound, densest)+bound/4+1; got > limit {
			t.Fatalf("after %d articles the index holds %d members, want at most %d (%d within reach at most)", n+1, got, limit, densest)
		}
		most = max(most, d.Indexed())
		dropped = dropped || d.Indexed() < n+1
	}
	if !dropped {
		t.Fatalf("the index never dropped a day (at most %d members of %d)", most, len(order))
	}
	gotP := partition(docs, storiesOf(t, st, c, docs))
	for _, doc := range docs {
		if gotP[doc.ID] != want[doc.ID] {
			t.Errorf("%s is with %s, with an unbounded index with %s", doc.ID, gotP[doc.ID], want[doc.ID])
		}
	}
}
