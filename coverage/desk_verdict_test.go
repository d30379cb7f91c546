package coverage_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// The texts below are written for these tests: a wire report about a
// Kaiser Aluminum plant (which a relevance profile may take for the
// campaign's employer), its copies, and a clinic story.
const (
	plantText = "Workers at the Kaiser Aluminum rolling mill in Trentwood walked off the job on Tuesday after contract talks " +
		"broke down over shift schedules and overtime rules. The steelworkers local said about 600 members joined the " +
		"picket line at the plant gates before dawn, and the company said production would continue with salaried staff. " +
		"A spokesperson for the mill said the two sides had met eleven times since the spring without agreement on the " +
		"rotating schedule that members say keeps them away from their families for weeks at a time."
	clinicText = "Therapists at Kaiser Permanente clinics across Southern California held a rally on Saturday outside the " +
		"Los Angeles medical center to demand more staff and shorter waits for patients seeking mental health care. " +
		"Members of the National Union of Healthcare Workers carried signs and spoke about caseloads that leave patients " +
		"waiting weeks between appointments, and organizers said more rallies would follow in San Diego and Riverside."
)

func verdictFixture(t *testing.T) (*sqlite.DB, strike.Campaign, *time.Time) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "verdict.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := time.Date(2025, 6, 3, 18, 0, 0, 0, time.UTC)
	return db, config.Default().Campaigns()[0], &clock
}

var verdictBase = time.Date(2025, 6, 3, 9, 0, 0, 0, time.UTC)

// wire returns an article of the campaign with text, published hours
// after verdictBase, of the given tier.
func wire(c strike.Campaign, key, source, title, text string, hours int, tier strike.Tier) strike.Article {
	return strike.Article{CampaignID: c.ID, Feed: "test:" + source, Key: key, URL: "https://example.test/" + key,
		Title: title, Source: source, Text: text, Published: verdictBase.Add(time.Duration(hours) * time.Hour),
		FirstSeen: verdictBase.Add(time.Duration(hours) * time.Hour),
		Relevance: strike.Relevance{Tier: tier, Score: 5, Reasons: []string{"test"}}}
}

// copyOf is a light rewrite of text: another dateline, one more sentence.
func copyOf(text string) string {
	return "SPOKANE (Wire) — " + text + " Further talks were not yet scheduled."
}

func openDesk(t *testing.T, db *sqlite.DB, c strike.Campaign, clock *time.Time, ob *outbox) *coverage.Desk {
	t.Helper()
	o := coverage.DeskOptions{Now: func() time.Time { return *clock }}
	if ob != nil {
		o.OnEvent = ob.onEvent
	}
	d, _, err := coverage.NewDesk(t.Context(), c, db, o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func processNew(t *testing.T, d *coverage.Desk, db *sqlite.DB, as ...strike.Article) ([]strike.Article, []coverage.StoryEvent) {
	t.Helper()
	stored := save(t, db, as)
	evs, err := d.Process(t.Context(), stored)
	if err != nil {
		t.Fatal(err)
	}
	return stored, evs
}

func stored1(t *testing.T, db *sqlite.DB, id int64) strike.Article {
	t.Helper()
	a, err := db.Article(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestOverrideNotWithdrawsArticleAndCopies: a captain rules a wire report
// not strike news. It and its copy leave their story (which, empty, is
// listed no more), their posts are to be retracted, the phase it set goes
// back, and copies arriving later, on this desk, on another process's
// desk or after a restart, are not news either.
func TestOverrideNotWithdrawsArticleAndCopies(t *testing.T) {
	ctx := t.Context()
	db, c, clock := verdictFixture(t)
	ob := newOutbox(db)
	d := openDesk(t, db, c, clock, ob)
	replica := openDesk(t, db, c, clock, nil) // another process on the store

	plant, _ := processNew(t, d, db,
		wire(c, "plant", "Harbor Times", "Kaiser workers walk off the job at the mill", plantText, 0, strike.TierCore),
		wire(c, "plant-copy", "Bay Ledger", "Kaiser mill workers strike", copyOf(plantText), 2, strike.TierCore))
	clinic, _ := processNew(t, d, db, wire(c, "clinic", "Valley Star", "Kaiser therapists rally in Los Angeles", clinicText, 3, strike.TierCore))
	a, cp := stored1(t, db, plant[0].ID), stored1(t, db, plant[1].ID)
	if a.StoryID == 0 || a.StoryID != cp.StoryID {
		t.Fatalf("the report and its copy are in stories %d and %d, want one", a.StoryID, cp.StoryID)
	}
	story := a.StoryID
	if cs, _ := db.CoverageState(ctx, c.ID); cs.PhaseArticle != a.ID {
		t.Logf("phase %q set by article %d", cs.Phase, cs.PhaseArticle)
	}

	res, err := d.Override(ctx, a.ID, strike.TierNone, "ana")
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.ID == 0 || res.Verdict.Was != strike.TierCore || res.Article.StoryID != story {
		t.Errorf("Ruling = %+v", res)
	}
	if !slices.Equal(res.Copies, []int64{cp.ID}) {
		t.Errorf("Copies = %v, want [%d]", res.Copies, cp.ID)
	}
	var withdrawn []int64
	for _, ev := range res.Events {
		if ev.Kind != coverage.EventWithdrawn || ev.Story.ID != story || ev.Story.Members != 0 || ev.Verdict != res.Verdict.ID {
			t.Errorf("event %+v", ev)
		}
		withdrawn = append(withdrawn, ev.Article.ID)
	}
	if !slices.Equal(withdrawn, []int64{a.ID, cp.ID}) {
		t.Errorf("withdrawn %v, want %d and %d", withdrawn, a.ID, cp.ID)
	}
	for _, id := range []int64{a.ID, cp.ID} {
		got := stored1(t, db, id)
		if got.StoryID != 0 || got.Relevance.Tier != strike.TierNone {
			t.Errorf("article %d after the verdict: story %d, tier %q", id, got.StoryID, got.Relevance.Tier)
		}
	}
	if got := stored1(t, db, cp.ID); !strings.Contains(strings.Join(got.Relevance.Reasons, " "), "a copy of article") {
		t.Errorf("the copy's reasons: %q", got.Relevance.Reasons)
	}
	listed, err := db.Stories(ctx, strike.StoryFilter{CampaignID: c.ID, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range listed {
		if s.ID == story {
			t.Errorf("the emptied story is still listed: %+v", s)
		}
	}
	if cs, _ := db.CoverageState(ctx, c.ID); cs.PhaseArticle == a.ID || cs.PhaseArticle == cp.ID {
		t.Errorf("the phase is still the ruled-out article's: %+v", cs)
	}
	if got := stored1(t, db, clinic[0].ID); got.StoryID == 0 || got.Relevance.Tier != strike.TierCore {
		t.Errorf("the clinic story was touched: %+v", got.Relevance)
	}

	// A later copy, on this desk: not news.
	later, evs := processNew(t, d, db, wire(c, "plant-copy-2", "Inland Daily", "Mill workers strike at Kaiser plant", copyOf(plantText)+" Picketing went on.", 5, strike.TierCore))
	if len(evs) != 0 {
		t.Errorf("a later copy made events %+v", evs)
	}
	if got := stored1(t, db, later[0].ID); got.Relevance.Tier != strike.TierNone || got.StoryID != 0 {
		t.Errorf("the later copy: story %d, tier %q", got.StoryID, got.Relevance.Tier)
	}
	// On another process's desk, which learns of the verdict from the store.
	_, evs = processNew(t, replica, db, wire(c, "plant-copy-3", "Coast Post", "Strike at Kaiser mill", copyOf(plantText)+" The union thanked supporters.", 6, strike.TierCore))
	if len(evs) != 0 {
		t.Errorf("a copy on the replica made events %+v", evs)
	}
	// And after a restart.
	restarted := openDesk(t, db, c, clock, nil)
	_, evs = processNew(t, restarted, db, wire(c, "plant-copy-4", "Metro Sun", "Kaiser mill strike", copyOf(plantText)+" Both sides declined to comment.", 7, strike.TierCore))
	if len(evs) != 0 {
		t.Errorf("a copy after a restart made events %+v", evs)
	}
	// Unrelated news still flows.
	_, evs = processNew(t, restarted, db, wire(c, "clinic-2", "Valley Star", "Kaiser therapists plan more rallies", clinicText+" A second rally is set for next week.", 8, strike.TierCore))
	if len(evs) != 1 {
		t.Errorf("clinic news after the verdict made %d events, want 1", len(evs))
	}
	vs, err := db.Verdicts(ctx, c.ID)
	if err != nil || len(vs) != 5 {
		t.Errorf("Verdicts = %d, %v; want the captain's and four copies'", len(vs), err)
	}
}

// TestOverrideStrikeAnnouncesAndSurvivesRestart: an article the profile
// scored none is ruled strike news: it gets a story and an event that
// names the verdict, once; a restart does not announce it again, and it
// stays strike news.
func TestOverrideStrikeAnnouncesAndSurvivesRestart(t *testing.T) {
	ctx := t.Context()
	db, c, clock := verdictFixture(t)
	ob := newOutbox(db)
	d := openDesk(t, db, c, clock, ob)
	stored, evs := processNew(t, d, db, wire(c, "clinic", "Valley Star", "Therapists rally in Los Angeles", clinicText, 0, strike.TierNone))
	if len(evs) != 0 {
		t.Fatalf("an article of tier none made events: %+v", evs)
	}
	res, err := d.Override(ctx, stored[0].ID, strike.TierCore, "ana")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Verdict != res.Verdict.ID || res.Events[0].Story.ID == 0 || res.Verdict.Was != strike.TierNone {
		t.Fatalf("Ruling = %+v", res)
	}
	got := stored1(t, db, stored[0].ID)
	if got.Relevance.Tier != strike.TierCore || got.StoryID == 0 || !strings.Contains(got.Relevance.Reasons[0], "set by a captain (ana)") {
		t.Errorf("article after the verdict: %+v", got.Relevance)
	}
	if ob.calls["article:"+strconv.FormatInt(stored[0].ID, 10)] != 1 {
		t.Errorf("OnEvent calls = %v", ob.calls)
	}
	_, recovered, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 0 {
		t.Errorf("a restart handled %d events again", len(recovered))
	}
	if got := stored1(t, db, stored[0].ID); got.Relevance.Tier != strike.TierCore {
		t.Errorf("after a restart the tier is %q", got.Relevance.Tier)
	}
}

// TestOverrideRelatedToCore: a related story whose article is ruled
// strike news becomes core and is announced anew; ruled related again it
// goes back without an event.
func TestOverrideRelatedToCore(t *testing.T) {
	ctx := t.Context()
	db, c, clock := verdictFixture(t)
	d := openDesk(t, db, c, clock, nil)
	stored, _ := processNew(t, d, db, wire(c, "clinic", "Valley Star", "Therapists rally in Los Angeles", clinicText, 0, strike.TierRelated))
	res, err := d.Override(ctx, stored[0].ID, strike.TierCore, "ana")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Kind != coverage.EventNewStory || res.Events[0].Story.Tier != strike.TierCore {
		t.Fatalf("events = %+v", res.Events)
	}
	s, err := db.Story(ctx, stored1(t, db, stored[0].ID).StoryID)
	if err != nil || s.Tier != strike.TierCore || s.Members != 1 {
		t.Errorf("story = %+v, %v", s, err)
	}
	res, err = d.Override(ctx, stored[0].ID, strike.TierRelated, "ben")
	if err != nil || len(res.Events) != 0 {
		t.Fatalf("back to related: %+v, %v", res, err)
	}
	if s, _ := db.Story(ctx, s.ID); s.Tier != strike.TierRelated {
		t.Errorf("story tier %q, want related", s.Tier)
	}
}

func TestOverrideRefuses(t *testing.T) {
	db, c, clock := verdictFixture(t)
	d := openDesk(t, db, c, clock, nil)
	if _, err := d.Override(t.Context(), 42, strike.TierCore, "ana"); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("Override of no article = %v, want ErrNotFound", err)
	}
	stored := save(t, db, []strike.Article{wire(c, "clinic", "Valley Star", "Therapists rally", clinicText, 0, strike.TierNone)})
	if _, err := d.Override(t.Context(), stored[0].ID, "maybe", "ana"); !errors.Is(err, coverage.ErrInvalidTier) {
		t.Errorf("Override to tier maybe = %v, want ErrInvalidTier", err)
	}
	other := c
	other.ID = "another-strike"
	od := openDesk(t, db, other, clock, nil)
	if _, err := od.Override(t.Context(), stored[0].ID, strike.TierCore, "ana"); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("Override of another campaign's article = %v, want ErrNotFound", err)
	}
}

// TestClustererCopiesAndRemove: Copies finds the copies of an article
// within the copy window, not a different report; a removed member
// matches nothing; a member added again with another tier is filed anew.
func TestClustererCopiesAndRemove(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	at := verdictBase
	orig := coverage.Member{ArticleID: 1, StoryID: 10, Published: at, Sig: sign("Kaiser mill strike", plantText), Tier: strike.TierCore}
	cp := coverage.Member{ArticleID: 2, StoryID: 10, Published: at.Add(3 * time.Hour), Sig: sign("Mill workers strike", copyOf(plantText)), Tier: strike.TierCore}
	late := coverage.Member{ArticleID: 3, StoryID: 11, Published: at.Add(30 * 24 * time.Hour), Sig: sign("Mill strike", copyOf(plantText)), Tier: strike.TierCore}
	other := coverage.Member{ArticleID: 4, StoryID: 12, Published: at.Add(time.Hour), Sig: sign("Therapists rally", clinicText), Tier: strike.TierCore}
	for _, m := range []coverage.Member{orig, cp, late, other} {
		c.Add(m)
	}
	got := c.Copies(&orig)
	if len(got) != 1 || got[0].ArticleID != 2 || got[0].StoryID != 10 || got[0].Tier != strike.TierCore {
		t.Fatalf("Copies = %+v, want article 2 only", got)
	}
	c.Remove(2)
	if got := c.Copies(&orig); len(got) != 0 {
		t.Errorf("Copies after Remove = %+v", got)
	}
	if c.Has(2) || c.Len() != 3 {
		t.Errorf("after Remove: Has %v, Len %d", c.Has(2), c.Len())
	}
	probe := coverage.Member{ArticleID: 9, Published: at.Add(time.Hour), Sig: cp.Sig, Tier: strike.TierCore}
	if ids := c.Match(&probe); !slices.Equal(ids, []int64{10}) {
		t.Errorf("Match of a copy = %v, want story 10", ids)
	}
	// Ruled related: filed again, and a core follow-up no longer links by
	// tier-bound rules, while copies still do.
	orig.Tier = strike.TierRelated
	c.Add(orig)
	if c.Len() != 3 || !c.Has(1) {
		t.Errorf("after re-adding: Len %d", c.Len())
	}
	if got := c.Copies(&cp); len(got) != 1 || got[0].ArticleID != 1 || got[0].Tier != strike.TierRelated {
		t.Errorf("Copies of the copy = %+v, want article 1, related", got)
	}
}
