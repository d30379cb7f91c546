package storetest

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// coverageTests are the contract tests of the coverage every process
// shares: the change sequence, the phase, merges and the lock.
var coverageTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"CoverageChanges", testCoverageChanges},
	{"SaveCoverage", testSaveCoverage},
	{"SetPhase", testSetPhase},
	{"MergeStories", testMergeStories},
	{"MergeStoriesNotFound", testMergeStoriesNotFound},
	{"LockCoverage", testLockCoverage},
	{"StoryCoveredBy", testStoryCoveredBy},
	{"StoriesByIDs", testStoriesByIDs},
}

func testCoverageChanges(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if st, err := s.CoverageState(ctx, campaign); err != nil || st != (strike.CoverageState{}) {
		t.Fatalf("CoverageState of a new campaign = %+v, %v; want the zero state", st, err)
	}
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2), article(3))
	// Assigned out of article order: changes come in the order made.
	for _, i := range []int{2, 0, 1, 0} {
		setCoverage(t, s, saved[i].ID, st, strike.Facts{Workers: 2400 + i}, []byte{byte(i)})
	}
	cs, err := s.CoverageState(ctx, campaign)
	if err != nil || cs.Seq != 4 {
		t.Fatalf("CoverageState = %+v, %v; want Seq 4", cs, err)
	}
	all, err := s.CoverageChanges(ctx, campaign, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	var seqs []int64
	for _, m := range all {
		ids, seqs = append(ids, m.ArticleID), append(seqs, m.Seq)
	}
	// Article 1 changed twice: it is listed once, at its last change.
	if want := []int64{saved[2].ID, saved[1].ID, saved[0].ID}; !slices.Equal(ids, want) {
		t.Errorf("CoverageChanges articles = %v, want %v", ids, want)
	}
	if want := []int64{1, 3, 4}; !slices.Equal(seqs, want) {
		t.Errorf("CoverageChanges seqs = %v, want %v", seqs, want)
	}
	if all[2].Facts.Workers != 2400 || all[2].StoryID != st || all[2].Source != "Example Ledger" || all[2].URL != saved[0].URL {
		t.Errorf("CoverageChanges member = %+v", all[2])
	}
	after, err := s.CoverageChanges(ctx, campaign, 3, 0)
	if err != nil || len(after) != 1 || after[0].ArticleID != saved[0].ID {
		t.Errorf("CoverageChanges after 3 = %+v, %v; want article %d", after, err, saved[0].ID)
	}
	first, err := s.CoverageChanges(ctx, campaign, 0, 1)
	if err != nil || len(first) != 1 || first[0].ArticleID != saved[2].ID {
		t.Errorf("CoverageChanges limit 1 = %+v, %v", first, err)
	}
	if other, err := s.CoverageChanges(ctx, "other-strike", 0, 0); err != nil || len(other) != 0 {
		t.Errorf("CoverageChanges of another campaign = %+v, %v", other, err)
	}
}

func testSetPhase(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if err := s.SetPhase(ctx, campaign, strike.PhaseStrike, 7); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPhase(ctx, campaign, strike.PhaseMediation, 9); err != nil {
		t.Fatal(err)
	}
	st, err := s.CoverageState(ctx, campaign)
	if err != nil || st.Phase != strike.PhaseMediation || st.PhaseArticle != 9 || st.Seq != 0 {
		t.Errorf("CoverageState = %+v, %v; want mediation by article 9, Seq 0", st, err)
	}
	// Coverage changes keep the phase.
	story := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	a := savePoll(t, s, state(feedURL, 1), article(1))[0]
	setCoverage(t, s, a.ID, story, strike.Facts{}, nil)
	if st, err := s.CoverageState(ctx, campaign); err != nil || st.Phase != strike.PhaseMediation || st.Seq != 1 {
		t.Errorf("CoverageState after SetCoverage = %+v, %v", st, err)
	}
	if err := s.SetPhase(ctx, "", strike.PhaseStrike, 1); err == nil {
		t.Error("SetPhase of no campaign: no error")
	}
}

func testMergeStories(t *testing.T, s strike.Store) {
	ctx := t.Context()
	a := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "a", Updated: base})
	b := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "b", Updated: base.Add(time.Hour)})
	c := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "c", Updated: base.Add(2 * time.Hour)})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2), article(3), article(4))
	setCoverage(t, s, saved[0].ID, a, strike.Facts{}, nil)
	setCoverage(t, s, saved[1].ID, b, strike.Facts{}, nil)
	setCoverage(t, s, saved[2].ID, c, strike.Facts{}, nil)
	setCoverage(t, s, saved[3].ID, b, strike.Facts{}, nil)
	dest := strike.Destination{Platform: "slack", Workspace: "T1", Channel: "C1"}
	if _, err := s.Enqueue(ctx, []strike.Delivery{{Destination: dest, Key: "article:2", CampaignID: campaign, StoryID: b,
		Kind: "new_story", Payload: []byte("{}"), State: strike.DeliveryPending}}); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeStories(ctx, campaign, a, []int64{b, c}); err != nil {
		t.Fatalf("MergeStories: %v", err)
	}
	got := getStory(t, s, a)
	var ids []int64
	for _, m := range got.Articles {
		ids = append(ids, m.ID)
	}
	if want := []int64{saved[0].ID, saved[1].ID, saved[2].ID, saved[3].ID}; !slices.Equal(ids, want) {
		t.Errorf("members of the merged story = %v, want %v", ids, want)
	}
	// A merged ID leads to the story it was merged into.
	if st, err := s.Story(ctx, c); err != nil || st.ID != a {
		t.Errorf("Story(%d) = story %d, %v; want story %d", c, st.ID, err, a)
	}
	list, err := s.Stories(ctx, strike.StoryFilter{CampaignID: campaign})
	if err != nil || len(list) != 1 || list[0].ID != a {
		t.Errorf("Stories after the merge = %d stories, %v; want only story %d", len(list), err, a)
	}
	// The moved articles are changes after the ones before.
	changes, err := s.CoverageChanges(ctx, campaign, 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	var moved []int64
	for _, m := range changes {
		if m.StoryID != a {
			t.Errorf("moved article %d is in story %d, want %d", m.ArticleID, m.StoryID, a)
		}
		moved = append(moved, m.ArticleID)
	}
	if want := []int64{saved[1].ID, saved[2].ID, saved[3].ID}; !slices.Equal(moved, want) {
		t.Errorf("changes after the merge = %v, want %v", moved, want)
	}
	if st, err := s.CoverageState(ctx, campaign); err != nil || st.Seq != 7 {
		t.Errorf("CoverageState after the merge = %+v, %v; want Seq 7", st, err)
	}
	// The story's posts follow it: its thread is found under the survivor.
	ds, err := s.Deliveries(ctx, dest)
	if err != nil || len(ds) != 1 || ds[0].StoryID != a {
		t.Errorf("deliveries after the merge = %+v, %v; want story %d", ds, err, a)
	}
}

func testMergeStoriesNotFound(t *testing.T, s strike.Store) {
	ctx := t.Context()
	a := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "a"})
	b := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "b"})
	other := saveStory(t, s, strike.Story{CampaignID: "other-strike", Title: "elsewhere"})
	x := savePoll(t, s, state(feedURL, 1), article(1))[0]
	setCoverage(t, s, x.ID, b, strike.Facts{}, nil)
	for _, from := range [][]int64{{1 << 40}, {other}, {b, 1 << 40}} {
		if err := s.MergeStories(ctx, campaign, a, from); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("MergeStories(%v): err = %v, want ErrNotFound", from, err)
		}
	}
	if got := getArticle(t, s, x.ID); got.StoryID != b {
		t.Errorf("after failed merges the article is in story %d, want %d", got.StoryID, b)
	}
	if err := s.MergeStories(ctx, campaign, a, []int64{b}); err != nil {
		t.Fatal(err)
	}
	// A story merged away cannot take part again.
	if err := s.MergeStories(ctx, campaign, b, []int64{a}); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("merging into a merged story: err = %v, want ErrNotFound", err)
	}
}

func testLockCoverage(t *testing.T, s strike.Store) {
	ctx := t.Context()
	release, err := s.LockCoverage(ctx, campaign)
	if err != nil {
		t.Fatal(err)
	}
	// Another campaign's lock is free.
	other, err := s.LockCoverage(ctx, "other-strike")
	if err != nil {
		t.Fatal(err)
	}
	other()
	// The same campaign's waits, and gives up with its context.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if r, err := s.LockCoverage(short, campaign); err == nil {
		r()
		t.Fatal("LockCoverage of a held lock succeeded")
	}
	got := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		r, err := s.LockCoverage(ctx, campaign)
		if err != nil {
			t.Error(err)
			return
		}
		close(got)
		r()
	})
	select {
	case <-got:
		t.Fatal("the lock was taken while held")
	case <-time.After(50 * time.Millisecond):
	}
	release()
	release() // a second release does nothing
	wg.Wait()
	select {
	case <-got:
	default:
		t.Error("the waiter did not get the lock")
	}
}

func testStoryCoveredBy(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	a1, a2 := article(1), article(2)
	a2.Source = "Other Outlet"
	saved := savePoll(t, s, state(feedURL, 1), a1, a2)
	setCoverage(t, s, saved[0].ID, st, strike.Facts{}, nil)
	setCoverage(t, s, saved[1].ID, st, strike.Facts{}, nil)
	tests := []struct {
		source string
		except int64
		want   bool
	}{
		{"Example Ledger", 0, true},
		{"Example Ledger", saved[0].ID, false},
		{"Other Outlet", saved[0].ID, true},
		{"example ledger", 0, false},
		{"Nobody", 0, false},
	}
	for _, tt := range tests {
		got, err := s.StoryCoveredBy(ctx, st, tt.source, tt.except)
		if err != nil || got != tt.want {
			t.Errorf("StoryCoveredBy(%q, except %d) = %v, %v; want %v", tt.source, tt.except, got, err, tt.want)
		}
	}
}

func testStoriesByIDs(t *testing.T, s strike.Store) {
	ctx := t.Context()
	a := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "a", Updated: base})
	b := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "b", Updated: base.Add(time.Hour)})
	c := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "c", Updated: base.Add(2 * time.Hour)})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2), article(3))
	for _, x := range saved {
		setCoverage(t, s, x.ID, a, strike.Facts{}, nil)
	}
	if err := s.MergeStories(ctx, campaign, b, []int64{c}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stories(ctx, strike.StoryFilter{IDs: []int64{a, c}, MaxArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != b || got[1].ID != a {
		t.Fatalf("Stories by IDs = %d stories, want stories %d (for %d) and %d", len(got), b, c, a)
	}
	if n := len(got[1].Articles); n != 2 || got[1].Articles[0].ID != saved[0].ID {
		t.Errorf("MaxArticles 2 listed %d articles: %+v", n, got[1].Articles)
	}
	none, err := s.Stories(ctx, strike.StoryFilter{IDs: []int64{a}, MaxArticles: -1})
	if err != nil || len(none) != 1 || none[0].Articles != nil {
		t.Errorf("MaxArticles -1 = %+v, %v; want the story without articles", none, err)
	}
	arts, err := s.Articles(ctx, strike.ArticleFilter{IDs: []int64{saved[2].ID, saved[0].ID}})
	if err != nil || len(arts) != 2 || arts[0].ID != saved[2].ID || arts[1].ID != saved[0].ID {
		t.Errorf("Articles by IDs = %d, %v", len(arts), err)
	}
}

func testSaveCoverage(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2))
	story := getStory(t, s, st)
	story.Title, story.Members, story.Coverage = "one, updated", 2, []byte{7}
	err := s.SaveCoverage(ctx, []strike.ArticleCoverage{
		{ArticleID: saved[0].ID, StoryID: st, Facts: strike.Facts{Workers: 10}, Signature: []byte{1}},
		{ArticleID: saved[1].ID, StoryID: st, Facts: strike.Facts{Workers: 20}},
	}, []strike.Story{story})
	if err != nil {
		t.Fatal(err)
	}
	if a := getArticle(t, s, saved[1].ID); a.StoryID != st || a.Facts.Workers != 20 {
		t.Errorf("article after SaveCoverage: story %d, workers %d", a.StoryID, a.Facts.Workers)
	}
	if got := getStory(t, s, st); got.Title != "one, updated" || got.Members != 2 || !slices.Equal(got.Coverage, []byte{7}) {
		t.Errorf("story after SaveCoverage = %q, %d members, coverage %v", got.Title, got.Members, got.Coverage)
	}
	if cs, err := s.CoverageState(ctx, campaign); err != nil || cs.Seq != 2 {
		t.Errorf("CoverageState = %+v, %v; want Seq 2", cs, err)
	}
	// The articles took the campaign's sequence numbers in order, as one
	// by one, each with its own signature (none stored as none).
	if ch, err := s.CoverageChanges(ctx, campaign, 0, 0); err != nil || len(ch) != 2 ||
		ch[0].ArticleID != saved[0].ID || ch[0].Seq != 1 || !slices.Equal(ch[0].Signature, []byte{1}) ||
		ch[1].ArticleID != saved[1].ID || ch[1].Seq != 2 || ch[1].Signature != nil || ch[1].Facts.Workers != 20 {
		t.Errorf("CoverageChanges after SaveCoverage = %+v, %v", ch, err)
	}
	// All or nothing: an unknown article, or an unknown story, undoes the rest.
	story.Title = "not saved"
	for _, bad := range [][]strike.ArticleCoverage{
		{{ArticleID: saved[0].ID, StoryID: st, Facts: strike.Facts{Workers: 99}}, {ArticleID: 1 << 40, StoryID: st}},
		{{ArticleID: saved[0].ID, StoryID: st, Facts: strike.Facts{Workers: 99}}, {ArticleID: saved[1].ID, StoryID: 1 << 40}},
	} {
		if err := s.SaveCoverage(ctx, bad, []strike.Story{story}); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("SaveCoverage with a bad entry: err = %v, want ErrNotFound", err)
		}
	}
	missing := story
	missing.ID = 1 << 40
	if err := s.SaveCoverage(ctx, []strike.ArticleCoverage{{ArticleID: saved[0].ID, StoryID: st, Facts: strike.Facts{Workers: 99}}}, []strike.Story{missing}); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("SaveCoverage of a missing story: err = %v, want ErrNotFound", err)
	}
	if a := getArticle(t, s, saved[0].ID); a.Facts.Workers != 10 {
		t.Errorf("after failed SaveCoverage, workers = %d, want 10", a.Facts.Workers)
	}
	if got := getStory(t, s, st); got.Title != "one, updated" {
		t.Errorf("after failed SaveCoverage, story title = %q", got.Title)
	}
	if cs, err := s.CoverageState(ctx, campaign); err != nil || cs.Seq != 2 {
		t.Errorf("CoverageState after failures = %+v, %v; want Seq 2", cs, err)
	}
	if err := s.SaveCoverage(ctx, nil, nil); err != nil {
		t.Errorf("SaveCoverage of nothing: %v", err)
	}
	// An article leaving its story (story 0), beside one joining; then
	// articles of two campaigns in one call, each numbered in its own.
	more := savePoll(t, s, state(feedURL, 2), article(3), article(4))
	if err := s.SaveCoverage(ctx, []strike.ArticleCoverage{
		{ArticleID: saved[1].ID, StoryID: 0, Facts: strike.Facts{Workers: 21}},
		{ArticleID: more[0].ID, StoryID: st, Signature: []byte{3}},
	}, nil); err != nil {
		t.Fatal(err)
	}
	if a := getArticle(t, s, saved[1].ID); a.StoryID != 0 || a.Facts.Workers != 21 {
		t.Errorf("article leaving its story: story %d, workers %d", a.StoryID, a.Facts.Workers)
	}
	if a := getArticle(t, s, more[0].ID); a.StoryID != st {
		t.Errorf("article joining the story: story %d", a.StoryID)
	}
	other := article(5)
	other.CampaignID, other.Key, other.URL = otherCampaign, other.Key+"-other", other.URL+"-other"
	theirs := savePoll(t, s, state(feedURL+"/other", 1), other)
	if err := s.SaveCoverage(ctx, []strike.ArticleCoverage{
		{ArticleID: more[1].ID, Facts: strike.Facts{Workers: 4}},
		{ArticleID: theirs[0].ID, Facts: strike.Facts{Workers: 5}},
	}, nil); err != nil {
		t.Fatal(err)
	}
	if cs, err := s.CoverageState(ctx, campaign); err != nil || cs.Seq != 5 {
		t.Errorf("CoverageState after a call over two campaigns = %+v, %v; want Seq 5", cs, err)
	}
	if cs, err := s.CoverageState(ctx, otherCampaign); err != nil || cs.Seq != 1 {
		t.Errorf("CoverageState of the other campaign = %+v, %v; want Seq 1", cs, err)
	}
}
