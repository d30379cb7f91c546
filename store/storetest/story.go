package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// storyTests are the contract tests of stories, coverage and pins.
var storyTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"StoryRoundTrip", testStoryRoundTrip},
	{"StoryNotFound", testStoryNotFound},
	{"Stories", testStories},
	{"SetCoverage", testSetCoverage},
	{"SetCoverageNotFound", testSetCoverageNotFound},
	{"StoryMembers", testStoryMembers},
	{"ArticleFilters", testArticleFilters},
	{"Pins", testPins},
	{"StoryTextHygiene", testStoryTextHygiene},
}

// fullStory returns a story of the campaign with every field set.
func fullStory() strike.Story {
	return strike.Story{
		CampaignID: campaign,
		Title:      "Kaiser and NUHW reach tentative agreement after 196 days",
		Summary:    "Mental health workers reached a tentative agreement. Members will vote on ratification.",
		SummarySources: []strike.SummarySentence{
			{Text: "Mental health workers reached a tentative agreement.", ArticleID: 7},
			{Text: "Members will vote on ratification.", ArticleID: 9},
		},
		Tier:      strike.TierCore,
		FirstSeen: time.Date(2025, 4, 26, 18, 30, 0, 999999999, time.FixedZone("PDT", -7*3600)),
		Updated:   time.Date(2025, 4, 27, 2, 0, 0, 1500, time.UTC),
		Facts: strike.Facts{
			Phase:        strike.PhaseTentativeAgreement,
			Workers:      2400,
			Union:        "NUHW",
			Employer:     "Kaiser Permanente",
			Started:      "2024-10-14",
			DurationDays: 196,
			Offer:        "raises of 21.5% over four years",
			Demands:      []string{"lower caseloads", "more therapists"},
			Events:       []strike.Event{{Date: "2025-05-06", What: "ratification vote closes"}},
			Evidence: map[string]string{
				"workers":       "about 2,400 workers reached a tentative agreement",
				"duration_days": "after 196 days on strike",
			},
		},
		Members:  3,
		Outlets:  []string{"Coastline Courier", "Western Newswire"},
		Coverage: []byte{0x00, 0xff, 0x80, 0x01},
	}
}

// storedStory returns st as a backend keeps it.
func storedStory(st strike.Story) strike.Story {
	st.FirstSeen = storedTime(st.FirstSeen)
	st.Updated = storedTime(st.Updated)
	for i := range st.Articles {
		st.Articles[i].Published = storedTime(st.Articles[i].Published)
	}
	return st
}

// diffStory describes how got differs from want, or returns "".
func diffStory(got, want strike.Story) string {
	var d []string
	if !sameTime(got.FirstSeen, want.FirstSeen) {
		d = append(d, fmt.Sprintf("FirstSeen = %v, want %v", got.FirstSeen, want.FirstSeen))
	}
	if !sameTime(got.Updated, want.Updated) {
		d = append(d, fmt.Sprintf("Updated = %v, want %v", got.Updated, want.Updated))
	}
	got.FirstSeen, got.Updated, want.FirstSeen, want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if len(got.Articles) == len(want.Articles) {
		got.Articles, want.Articles = slices.Clone(got.Articles), slices.Clone(want.Articles)
		for i := range got.Articles {
			if !sameTime(got.Articles[i].Published, want.Articles[i].Published) {
				d = append(d, fmt.Sprintf("Articles[%d].Published = %v, want %v", i, got.Articles[i].Published, want.Articles[i].Published))
			}
			got.Articles[i].Published, want.Articles[i].Published = time.Time{}, time.Time{}
		}
	}
	if !reflect.DeepEqual(got, want) {
		d = append(d, fmt.Sprintf("got  %+v\nwant %+v", got, want))
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

func saveStory(t *testing.T, s strike.Store, st strike.Story) int64 {
	t.Helper()
	id, err := s.SaveStory(t.Context(), st)
	if err != nil {
		t.Fatalf("SaveStory: %v", err)
	}
	if st.ID != 0 && id != st.ID {
		t.Fatalf("SaveStory of story %d returned ID %d", st.ID, id)
	}
	return id
}

func getStory(t *testing.T, s strike.Store, id int64) strike.Story {
	t.Helper()
	st, err := s.Story(t.Context(), id)
	if err != nil {
		t.Fatalf("Story(%d): %v", id, err)
	}
	return st
}

func setCoverage(t *testing.T, s strike.Store, articleID, storyID int64, facts strike.Facts, sig []byte) {
	t.Helper()
	if err := s.SetCoverage(t.Context(), articleID, storyID, facts, sig); err != nil {
		t.Fatalf("SetCoverage(%d, %d): %v", articleID, storyID, err)
	}
}

// member returns how a story lists a.
func member(a strike.Article) strike.StoryArticle {
	return strike.StoryArticle{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: storedTime(a.Published)}
}

func testStoryRoundTrip(t *testing.T, s strike.Store) {
	st := fullStory()
	id := saveStory(t, s, st)
	if id <= 0 {
		t.Fatalf("SaveStory returned ID %d, want a positive ID", id)
	}
	want := storedStory(st)
	want.ID = id
	if got, w := want.FirstSeen, time.Date(2025, 4, 27, 1, 30, 0, 999999000, time.UTC); !got.Equal(w) {
		t.Fatalf("test bug: stored FirstSeen %v, want %v", got, w)
	}
	if d := diffStory(getStory(t, s, id), want); d != "" {
		t.Errorf("Story round trip: %s", d)
	}

	// A second story gets another ID.
	if other := saveStory(t, s, fullStory()); other == id {
		t.Errorf("second SaveStory reused ID %d", id)
	}

	// An update replaces every field it names, empties included, but
	// neither the campaign nor the membership.
	a := savePoll(t, s, state(feedURL, 1), article(1))[0]
	setCoverage(t, s, a.ID, id, strike.Facts{}, nil)
	upd := strike.Story{ID: id, CampaignID: "other-strike", Title: "Ratification vote under way",
		SummarySources: []strike.SummarySentence{}, Tier: strike.TierRelated,
		Facts: strike.Facts{Demands: []string{}, Events: []strike.Event{}, Evidence: map[string]string{}}}
	saveStory(t, s, upd)
	want = strike.Story{ID: id, CampaignID: campaign, Title: upd.Title, Tier: strike.TierRelated,
		Articles: []strike.StoryArticle{member(a)}}
	if d := diffStory(getStory(t, s, id), want); d != "" {
		t.Errorf("Story after update: %s", d)
	}
}

func testStoryNotFound(t *testing.T, s strike.Store) {
	ctx := t.Context()
	for _, id := range []int64{0, -1, 1, 1 << 40} {
		if _, err := s.Story(ctx, id); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("Story(%d): err = %v, want ErrNotFound", id, err)
		}
	}
	st := fullStory()
	st.ID = 1 << 40
	if _, err := s.SaveStory(ctx, st); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("SaveStory of a missing story: err = %v, want ErrNotFound", err)
	}
	st.ID = 0
	st.CampaignID = ""
	if id, err := s.SaveStory(ctx, st); err == nil {
		t.Errorf("SaveStory without campaign returned ID %d, want an error", id)
	}
	if got, err := s.Stories(ctx, strike.StoryFilter{}); err != nil || len(got) != 0 {
		t.Errorf("Stories after failed saves = %d stories, %v; want none", len(got), err)
	}
}

func testStories(t *testing.T, s strike.Store) {
	ctx := t.Context()
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	mk := func(c, title string, tier strike.Tier, updated time.Time) strike.Story {
		return strike.Story{CampaignID: c, Title: title, Tier: tier, FirstSeen: day(1), Updated: updated}
	}
	// Saved in this order, so IDs follow it; "tie-a" and "tie-b" share an
	// updated time, so the later (higher ID) comes first.
	ids := map[string]int64{}
	for _, st := range []strike.Story{
		mk(campaign, "mediation", strike.TierCore, day(10)),
		mk(campaign, "never-updated", strike.TierCore, time.Time{}),
		mk(campaign, "tie-a", strike.TierRelated, day(12)),
		mk("other", "o1", strike.TierCore, day(11)),
		mk(campaign, "tie-b", strike.TierCore, day(12)),
		mk(campaign, "early", strike.TierRelated, day(2)),
		mk("other", "o2", strike.TierCore, day(13)),
	} {
		ids[st.Title] = saveStory(t, s, st)
	}
	// Members: two outlets on "mediation", saved newest first; one on "o1".
	a := article(1)
	a.Published, a.Source = day(10), "Second Outlet"
	b := article(2)
	b.Published, b.Source = day(9), "First Outlet"
	c := article(3)
	c.Published, c.Source = day(9).Add(time.Hour), "First Outlet"
	o := article(4)
	o.CampaignID = "other"
	saved := savePoll(t, s, state(feedURL, 1), a, b, c, o)
	for _, x := range saved[:3] {
		setCoverage(t, s, x.ID, ids["mediation"], strike.Facts{}, nil)
	}
	setCoverage(t, s, saved[3].ID, ids["o1"], strike.Facts{}, nil)

	tests := []struct {
		name string
		f    strike.StoryFilter
		want []string
	}{
		{"all", strike.StoryFilter{}, []string{"o2", "tie-b", "tie-a", "o1", "mediation", "early", "never-updated"}},
		{"campaign", strike.StoryFilter{CampaignID: campaign}, []string{"tie-b", "tie-a", "mediation", "early", "never-updated"}},
		{"campaign limit", strike.StoryFilter{CampaignID: campaign, Limit: 3}, []string{"tie-b", "tie-a", "mediation"}},
		{"tier", strike.StoryFilter{CampaignID: campaign, Tiers: []strike.Tier{strike.TierRelated}}, []string{"tie-a", "early"}},
		{"tiers", strike.StoryFilter{Tiers: []strike.Tier{strike.TierRelated, strike.TierCore}, Limit: 2}, []string{"o2", "tie-b"}},
		{"no such tier", strike.StoryFilter{Tiers: []strike.Tier{strike.TierNone}}, nil},
		{"limit above count", strike.StoryFilter{CampaignID: "other", Limit: 50}, []string{"o2", "o1"}},
		{"unknown campaign", strike.StoryFilter{CampaignID: "nobody"}, nil},
		{"campaign is not a pattern", strike.StoryFilter{CampaignID: "%"}, nil},
	}
	for _, tt := range tests {
		got, err := s.Stories(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var titles []string
		for _, st := range got {
			titles = append(titles, st.Title)
			if st.ID != ids[st.Title] {
				t.Errorf("%s: story %q has ID %d, want %d", tt.name, st.Title, st.ID, ids[st.Title])
			}
		}
		if !slices.Equal(titles, tt.want) {
			t.Errorf("%s: Stories(%+v) titles = %q, want %q", tt.name, tt.f, titles, tt.want)
		}
	}

	// Every listed story carries its members, oldest first.
	got, err := s.Stories(ctx, strike.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantMembers := map[string][]strike.StoryArticle{
		"mediation": {member(saved[1]), member(saved[2]), member(saved[0])},
		"o1":        {member(saved[3])},
	}
	for _, st := range got {
		if d := diffStory(st, strike.Story{ID: st.ID, CampaignID: st.CampaignID, Title: st.Title, Tier: st.Tier,
			FirstSeen: st.FirstSeen, Updated: st.Updated, Articles: wantMembers[st.Title]}); d != "" {
			t.Errorf("Stories: story %q: %s", st.Title, d)
		}
	}
	if got, want := getStory(t, s, ids["mediation"]).Sources(), []string{"First Outlet", "Second Outlet"}; !slices.Equal(got, want) {
		t.Errorf("Sources() = %q, want %q", got, want)
	}
}

func testSetCoverage(t *testing.T, s strike.Store) {
	one := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Strike begins", Tier: strike.TierCore})
	two := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Mediation", Tier: strike.TierCore})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2))
	facts := strike.Facts{
		Phase:    strike.PhaseStrike,
		Workers:  2400,
		Started:  "2024-10-14",
		Events:   []strike.Event{{Date: "2025-03-10", What: "mediation begins"}},
		Evidence: map[string]string{"workers": "about 2,400 workers", "started": "began Monday"},
	}
	setCoverage(t, s, saved[0].ID, one, facts, []byte{1, 2, 3})
	want := stored(saved[0])
	want.StoryID, want.Facts = one, facts
	if d := diffArticle(getArticle(t, s, saved[0].ID), want); d != "" {
		t.Errorf("article after SetCoverage: %s", d)
	}
	if got := getStory(t, s, one).Articles; !reflect.DeepEqual(got, []strike.StoryArticle{member(saved[0])}) {
		t.Errorf("story members = %+v, want the article", got)
	}

	// Moved to another story: the old one loses it.
	setCoverage(t, s, saved[0].ID, two, facts, []byte{1, 2, 3})
	setCoverage(t, s, saved[1].ID, two, strike.Facts{}, nil)
	if got := getStory(t, s, one).Articles; len(got) != 0 {
		t.Errorf("story %d still lists %+v after its article moved", one, got)
	}
	if got := getStory(t, s, two).Articles; !reflect.DeepEqual(got, []strike.StoryArticle{member(saved[0]), member(saved[1])}) {
		t.Errorf("story %d members = %+v, want both articles", two, got)
	}

	// Story 0 takes it out of any story; facts are replaced, empties too.
	setCoverage(t, s, saved[0].ID, 0, strike.Facts{Demands: []string{}, Evidence: map[string]string{}}, nil)
	want.StoryID, want.Facts = 0, strike.Facts{}
	if d := diffArticle(getArticle(t, s, saved[0].ID), want); d != "" {
		t.Errorf("article after SetCoverage to no story: %s", d)
	}
	if got := getStory(t, s, two).Articles; !reflect.DeepEqual(got, []strike.StoryArticle{member(saved[1])}) {
		t.Errorf("story %d members = %+v, want the second article only", two, got)
	}
}

func testSetCoverageNotFound(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Strike begins"})
	elsewhere := saveStory(t, s, strike.Story{CampaignID: "other-strike", Title: "Another strike"})
	a := savePoll(t, s, state(feedURL, 1), article(1))[0]
	setCoverage(t, s, a.ID, st, strike.Facts{Workers: 2400}, []byte{9})
	tests := []struct {
		name             string
		article, storyID int64
	}{
		{"no article", a.ID + 1000, st},
		{"no article, no story", a.ID + 1000, 0},
		{"no story", a.ID, 1 << 40},
		{"story of another campaign", a.ID, elsewhere},
	}
	for _, tt := range tests {
		err := s.SetCoverage(ctx, tt.article, tt.storyID, strike.Facts{Workers: 1}, []byte{1})
		if !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("%s: SetCoverage(%d, %d): err = %v, want ErrNotFound", tt.name, tt.article, tt.storyID, err)
		}
	}
	// Nothing changed.
	if got := getArticle(t, s, a.ID); got.StoryID != st || got.Facts.Workers != 2400 {
		t.Errorf("after failed SetCoverage: story %d, workers %d; want %d, 2400", got.StoryID, got.Facts.Workers, st)
	}
	ms, err := s.StoryMembers(ctx, campaign, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || !slices.Equal(ms[0].Signature, []byte{9}) {
		t.Errorf("after failed SetCoverage: members %+v, want the article with signature [9]", ms)
	}
}

func testStoryMembers(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st1 := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	st2 := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "two"})
	other := saveStory(t, s, strike.Story{CampaignID: "other-strike", Title: "elsewhere"})
	hour := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	mk := func(n int, published time.Time, tier strike.Tier) strike.Article {
		a := article(n)
		a.Published, a.Relevance.Tier = published, tier
		return a
	}
	o := mk(9, hour(1), strike.TierCore)
	o.CampaignID = "other-strike"
	estimated := mk(2, hour(1), strike.TierRelated)
	estimated.PublishedEstimated = true // a page dated only when it was seen
	saved := savePoll(t, s, state(feedURL, 1),
		mk(1, hour(5), strike.TierCore),     // 0: st1
		estimated,                           // 1: st2
		mk(3, hour(3), strike.TierCore),     // 2: st1, same time as 3
		mk(4, hour(3), strike.TierCore),     // 3: st2
		mk(5, hour(2), strike.TierCore),     // 4: unassigned
		mk(6, time.Time{}, strike.TierCore), // 5: st1, undated
		o,                                   // 6: other campaign
	)
	// Signatures with every byte value that text encodings would mangle.
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	sigs := map[int][]byte{
		0: {0x00},
		1: {0xff, 0xfe, 0x00, 0x80, 0xed, 0xa0, 0x80},
		2: all,
		3: nil, // none
		5: {},  // empty: none
	}
	for i, storyID := range map[int]int64{0: st1, 1: st2, 2: st1, 3: st2, 5: st1} {
		setCoverage(t, s, saved[i].ID, storyID, strike.Facts{}, sigs[i])
	}
	setCoverage(t, s, saved[6].ID, other, strike.Facts{}, []byte{7})

	mem := func(i int, storyID int64) strike.StoryMember {
		a := saved[i]
		sig := sigs[i]
		if len(sig) == 0 {
			sig = nil
		}
		return strike.StoryMember{ArticleID: a.ID, StoryID: storyID, Published: storedTime(a.Published),
			PublishedEstimated: a.PublishedEstimated, Title: a.Title, Tier: a.Relevance.Tier, Source: a.Source, URL: a.URL, Feed: a.Feed, Signature: sig}
	}
	otherMember := mem(6, other)
	otherMember.Signature = []byte{7}
	tests := []struct {
		name      string
		campaign  string
		since, to time.Time
		want      []strike.StoryMember
	}{
		{"all", campaign, time.Time{}, time.Time{}, []strike.StoryMember{mem(5, st1), mem(1, st2), mem(2, st1), mem(3, st2), mem(0, st1)}},
		{"since is inclusive", campaign, hour(3), time.Time{}, []strike.StoryMember{mem(2, st1), mem(3, st2), mem(0, st1)}},
		{"since, truncated to microseconds", campaign, storedTime(hour(3)).Add(999 * time.Nanosecond), time.Time{}, []strike.StoryMember{mem(2, st1), mem(3, st2), mem(0, st1)}},
		{"since in another zone", campaign, hour(4).In(time.FixedZone("PST", -8*3600)), time.Time{}, []strike.StoryMember{mem(0, st1)}},
		{"since after all", campaign, hour(6), time.Time{}, nil},
		{"to is exclusive", campaign, hour(1), hour(3), []strike.StoryMember{mem(1, st2)}},
		{"to alone keeps the undated", campaign, time.Time{}, hour(2), []strike.StoryMember{mem(5, st1), mem(1, st2)}},
		{"other campaign", "other-strike", time.Time{}, time.Time{}, []strike.StoryMember{otherMember}},
		{"unknown campaign", "nobody", time.Time{}, time.Time{}, nil},
	}
	for _, tt := range tests {
		got, err := s.StoryMembers(ctx, tt.campaign, tt.since, tt.to)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: StoryMembers returned %d members, want %d:\n%+v", tt.name, len(got), len(tt.want), got)
			continue
		}
		for i := range got {
			g, w := got[i], tt.want[i]
			if !sameTime(g.Published, w.Published) {
				t.Errorf("%s: member %d Published = %v, want %v", tt.name, i, g.Published, w.Published)
			}
			if g.Seq <= 0 {
				t.Errorf("%s: member %d Seq = %d, want > 0", tt.name, i, g.Seq)
			}
			g.Published, w.Published, g.Seq = time.Time{}, time.Time{}, 0
			g.Facts.Evidence = nil
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s: member %d:\ngot  %+v\nwant %+v", tt.name, i, g, w)
			}
		}
	}
}

func testArticleFilters(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "Strike begins"})
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	mk := func(c, key string, tier strike.Tier, published time.Time) strike.Article {
		return strike.Article{CampaignID: c, Key: key, URL: "https://news.example.test/" + c + "/" + key,
			Published: published, Relevance: strike.Relevance{Tier: tier}}
	}
	noURL := mk(campaign, "no-url", strike.TierCore, day(4))
	noURL.URL = ""
	batch := []strike.Article{
		mk(campaign, "core-member", strike.TierCore, day(1)),
		mk(campaign, "core-free", strike.TierCore, day(2)),
		mk(campaign, "related-free", strike.TierRelated, day(3)),
		mk(campaign, "none-free", strike.TierNone, day(5)),
		mk(campaign, "related-member", strike.TierRelated, day(6)),
		noURL,
		mk(campaign, "undated", strike.TierCore, time.Time{}),
		mk("other", "other-core", strike.TierCore, day(7)),
	}
	saved := savePoll(t, s, state(feedURL, 1), batch...)
	setCoverage(t, s, saved[0].ID, st, strike.Facts{}, nil)
	setCoverage(t, s, saved[4].ID, st, strike.Facts{}, nil)
	coreRelated := []strike.Tier{strike.TierCore, strike.TierRelated}
	tests := []struct {
		name string
		f    strike.ArticleFilter
		want []string
	}{
		{"tier", strike.ArticleFilter{Tiers: []strike.Tier{strike.TierRelated}}, []string{"related-member", "related-free"}},
		{"tiers", strike.ArticleFilter{CampaignID: campaign, Tiers: []strike.Tier{strike.TierNone, strike.TierRelated}}, []string{"related-member", "none-free", "related-free"}},
		{"unassigned", strike.ArticleFilter{CampaignID: campaign, Unassigned: true}, []string{"none-free", "no-url", "related-free", "core-free", "undated"}},
		{"unassigned core and related", strike.ArticleFilter{CampaignID: campaign, Unassigned: true, Tiers: coreRelated}, []string{"no-url", "related-free", "core-free", "undated"}},
		{"unassigned core and related, limit", strike.ArticleFilter{CampaignID: campaign, Unassigned: true, Tiers: coreRelated, Limit: 2}, []string{"no-url", "related-free"}},
		{"unassigned none", strike.ArticleFilter{Unassigned: true, Tiers: []strike.Tier{strike.TierNone}}, []string{"none-free"}},
		{"unassigned, any campaign", strike.ArticleFilter{Unassigned: true, Tiers: []strike.Tier{strike.TierCore}}, []string{"other-core", "no-url", "core-free", "undated"}},
		{"story", strike.ArticleFilter{StoryID: st}, []string{"related-member", "core-member"}},
		{"story and tier", strike.ArticleFilter{StoryID: st, Tiers: []strike.Tier{strike.TierCore}}, []string{"core-member"}},
		{"story and unassigned", strike.ArticleFilter{StoryID: st, Unassigned: true}, nil},
		{"unknown story", strike.ArticleFilter{StoryID: st + 1000}, nil},
		{"since", strike.ArticleFilter{CampaignID: campaign, Since: day(4)}, []string{"related-member", "none-free", "no-url"}},
		{"since, unassigned core", strike.ArticleFilter{Since: day(2), Unassigned: true, Tiers: []strike.Tier{strike.TierCore}}, []string{"other-core", "no-url", "core-free"}},
		{"url", strike.ArticleFilter{URL: saved[2].URL}, []string{"related-free"}},
		{"url and campaign", strike.ArticleFilter{CampaignID: campaign, URL: saved[2].URL}, []string{"related-free"}},
		{"url of another campaign", strike.ArticleFilter{CampaignID: "other", URL: saved[2].URL}, nil},
		{"url is not a pattern", strike.ArticleFilter{URL: "https://news.example.test/%"}, nil},
		{"unknown url", strike.ArticleFilter{URL: "https://news.example.test/nothing"}, nil},
		{"unknown tier", strike.ArticleFilter{Tiers: []strike.Tier{"bogus"}}, nil},
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

func testPins(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if got, err := s.Pins(ctx, campaign); err != nil || len(got) != 0 {
		t.Fatalf("Pins of an empty store = %+v, %v; want none", got, err)
	}
	at := time.Date(2025, 4, 28, 9, 15, 0, 123456789, time.FixedZone("PDT", -7*3600))
	pins := []strike.Pin{
		{CampaignID: campaign, Field: strike.FieldWorkers, Value: "2400", SetBy: "@ana", SetAt: at},
		{CampaignID: campaign, Field: strike.FieldPhase, Value: strike.PhaseStrike, SetBy: "@ana", SetAt: at},
		{CampaignID: campaign, Field: strike.FieldNextEvent, Value: "2025-05-06 ratification vote closes", SetBy: "Luis#0420"},
		{CampaignID: "other-strike", Field: strike.FieldPhase, Value: strike.PhaseEnded, SetBy: "@kim", SetAt: at},
	}
	for _, p := range pins {
		if err := s.SetPin(ctx, p); err != nil {
			t.Fatalf("SetPin(%+v): %v", p, err)
		}
	}
	// Replacing a field's pin.
	repl := strike.Pin{CampaignID: campaign, Field: strike.FieldPhase, Value: strike.PhaseTentativeAgreement, SetBy: "@bo", SetAt: at.Add(time.Hour)}
	if err := s.SetPin(ctx, repl); err != nil {
		t.Fatal(err)
	}
	storedPin := func(p strike.Pin) strike.Pin {
		p.SetAt = storedTime(p.SetAt)
		return p
	}
	check := func(name, campaignID string, want []strike.Pin) {
		t.Helper()
		got, err := s.Pins(ctx, campaignID)
		if err != nil {
			t.Fatalf("%s: Pins: %v", name, err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: Pins = %+v, want %+v", name, got, want)
			return
		}
		for i := range got {
			if !sameTime(got[i].SetAt, want[i].SetAt) {
				t.Errorf("%s: pin %d SetAt = %v, want %v", name, i, got[i].SetAt, want[i].SetAt)
			}
			g, w := got[i], want[i]
			g.SetAt, w.SetAt = time.Time{}, time.Time{}
			if g != w {
				t.Errorf("%s: pin %d = %+v, want %+v", name, i, g, w)
			}
		}
	}
	// Ordered by field, bytewise.
	check("after set", campaign, []strike.Pin{storedPin(pins[2]), storedPin(repl), storedPin(pins[0])})
	check("other campaign", "other-strike", []strike.Pin{storedPin(pins[3])})

	if err := s.DeletePin(ctx, campaign, strike.FieldPhase); err != nil {
		t.Fatalf("DeletePin: %v", err)
	}
	check("after delete", campaign, []strike.Pin{storedPin(pins[2]), storedPin(pins[0])})
	check("other campaign after delete", "other-strike", []strike.Pin{storedPin(pins[3])})
	for _, tt := range []struct {
		name     string
		campaign string
		field    strike.StatusField
	}{
		{"deleted twice", campaign, strike.FieldPhase},
		{"never pinned", campaign, strike.FieldOffer},
		{"unknown campaign", "nobody", strike.FieldWorkers},
		{"field is not a pattern", campaign, "%"},
	} {
		if err := s.DeletePin(ctx, tt.campaign, tt.field); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("%s: DeletePin(%q, %q): err = %v, want ErrNotFound", tt.name, tt.campaign, tt.field, err)
		}
	}
	for _, p := range []strike.Pin{
		{Field: strike.FieldPhase, Value: "strike"},
		{CampaignID: campaign, Value: "strike"},
	} {
		if err := s.SetPin(ctx, p); err == nil {
			t.Errorf("SetPin(%+v) succeeded, want an error", p)
		}
	}
	check("after rejected pins", campaign, []strike.Pin{storedPin(pins[2]), storedPin(pins[0])})
}

func testStoryTextHygiene(t *testing.T, s strike.Store) {
	ctx := t.Context()
	const (
		dirty = "NUHW\x00 strike \xff\xfeday \xed\xa0\x80 one\x00"
		clean = "NUHW strike \uFFFDday \uFFFD one"
	)
	dirtyFacts := strike.Facts{Phase: dirty, Union: dirty, Employer: dirty, Started: dirty, Offer: dirty,
		Demands: []string{dirty}, Events: []strike.Event{{Date: dirty, What: dirty}}, Evidence: map[string]string{"union\x00": dirty}}
	cleanFacts := strike.Facts{Phase: clean, Union: clean, Employer: clean, Started: clean, Offer: clean,
		Demands: []string{clean}, Events: []strike.Event{{Date: clean, What: clean}}, Evidence: map[string]string{"union": clean}}

	st := strike.Story{CampaignID: campaign + "\x00", Title: dirty, Summary: dirty,
		SummarySources: []strike.SummarySentence{{Text: dirty, ArticleID: 1}}, Tier: "core\x00", Facts: dirtyFacts}
	id := saveStory(t, s, st)
	want := strike.Story{ID: id, CampaignID: campaign, Title: clean, Summary: clean,
		SummarySources: []strike.SummarySentence{{Text: clean, ArticleID: 1}}, Tier: strike.TierCore, Facts: cleanFacts}
	if d := diffStory(getStory(t, s, id), want); d != "" {
		t.Errorf("stored story: %s", d)
	}
	if got, err := s.Stories(ctx, strike.StoryFilter{CampaignID: campaign + "\x00", Tiers: []strike.Tier{"core\xff"}}); err != nil || len(got) != 0 {
		t.Errorf("Stories with a dirty tier = %d stories, %v; want none", len(got), err)
	}
	if got, err := s.Stories(ctx, strike.StoryFilter{CampaignID: campaign + "\x00", Tiers: []strike.Tier{"core\x00"}}); err != nil || len(got) != 1 {
		t.Errorf("Stories with dirty spellings of the campaign and tier = %d stories, %v; want 1", len(got), err)
	}

	a := article(1)
	a.URL = "https://news.example.test/\x00a"
	saved := savePoll(t, s, state(feedURL, 1), a)[0]
	setCoverage(t, s, saved.ID, id, dirtyFacts, []byte("\x00\xff"))
	if got := getArticle(t, s, saved.ID).Facts; !reflect.DeepEqual(got, cleanFacts) {
		t.Errorf("article facts = %+v, want %+v", got, cleanFacts)
	}
	if got, err := s.Articles(ctx, strike.ArticleFilter{URL: a.URL}); err != nil || len(got) != 1 {
		t.Errorf("Articles by the dirty URL = %d articles, %v; want 1", len(got), err)
	}
	ms, err := s.StoryMembers(ctx, campaign+"\x00", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || !slices.Equal(ms[0].Signature, []byte("\x00\xff")) {
		t.Errorf("StoryMembers = %+v, want the article with its signature untouched", ms)
	}

	p := strike.Pin{CampaignID: campaign + "\x00", Field: "offer\x00", Value: dirty, SetBy: dirty}
	if err := s.SetPin(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Pins(ctx, campaign)
	if err != nil {
		t.Fatal(err)
	}
	if want := []strike.Pin{{CampaignID: campaign, Field: strike.FieldOffer, Value: clean, SetBy: clean}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Pins = %+v, want %+v", got, want)
	}
	if err := s.DeletePin(ctx, campaign+"\x00", "offer\x00"); err != nil {
		t.Errorf("DeletePin by dirty spellings: %v", err)
	}
}
