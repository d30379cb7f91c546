package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// controlTests are the contract tests of what captains control from
// chat: muted and retracted stories, verdicts on articles, paused feeds
// and the operations alerts of failing ones.
var controlTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"MuteStory", testMuteStory},
	{"RetractStory", testRetractStory},
	{"MergeKeepsQuiet", testMergeKeepsQuiet},
	{"StoryDeliveries", testStoryDeliveries},
	{"DeliveryByID", testDeliveryByID},
	{"SaveVerdict", testSaveVerdict},
	{"VerdictDetaches", testVerdictDetaches},
	{"VerdictReprocesses", testVerdictReprocesses},
	{"VerdictRejects", testVerdictRejects},
	{"PauseFeed", testPauseFeed},
	{"FeedAlert", testFeedAlert},
	{"SubscriptionMention", testSubscriptionMention},
}

func testMuteStory(t *testing.T, s strike.Store) {
	ctx := t.Context()
	id := saveStory(t, s, fullStory())
	if got := getStory(t, s, id); got.Muted || !got.Retracted.IsZero() {
		t.Fatalf("a new story is muted %v, retracted %v", got.Muted, got.Retracted)
	}
	if err := s.MuteStory(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if got := getStory(t, s, id); !got.Muted {
		t.Errorf("Story after MuteStory: Muted false")
	}
	// Saving the story (as coverage does) keeps the captain's mute.
	st := fullStory()
	st.ID = id
	saveStory(t, s, st)
	got, err := s.Stories(ctx, strike.StoryFilter{IDs: []int64{id}, MaxArticles: -1})
	if err != nil || len(got) != 1 || !got[0].Muted {
		t.Errorf("Stories after SaveStory = %+v, %v; want it muted", got, err)
	}
	if err := s.MuteStory(ctx, id, false); err != nil {
		t.Fatal(err)
	}
	if got := getStory(t, s, id); got.Muted {
		t.Errorf("Story after unmuting: still muted")
	}
	if err := s.MuteStory(ctx, id+100, true); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("MuteStory of no story = %v, want ErrNotFound", err)
	}
}

func testRetractStory(t *testing.T, s strike.Store) {
	ctx := t.Context()
	id := saveStory(t, s, fullStory())
	at := now.Add(time.Hour)
	if err := s.RetractStory(ctx, id, at); err != nil {
		t.Fatal(err)
	}
	if got := getStory(t, s, id); !sameTime(got.Retracted, storedTime(at)) {
		t.Errorf("Retracted = %v, want %v", got.Retracted, storedTime(at))
	}
	// Retracted again: the first time stays.
	if err := s.RetractStory(ctx, id, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := getStory(t, s, id); !sameTime(got.Retracted, storedTime(at)) {
		t.Errorf("Retracted after a second retraction = %v, want %v", got.Retracted, storedTime(at))
	}
	if err := s.RetractStory(ctx, id+100, at); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("RetractStory of no story = %v, want ErrNotFound", err)
	}
}

func testMergeKeepsQuiet(t *testing.T, s strike.Store) {
	ctx := t.Context()
	into := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "survivor"})
	muted := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "muted"})
	other := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "plain"})
	if err := s.MuteStory(ctx, muted, true); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeStories(ctx, campaign, into, []int64{other}); err != nil {
		t.Fatal(err)
	}
	if getStory(t, s, into).Muted {
		t.Fatalf("merging a plain story muted the survivor")
	}
	if err := s.MergeStories(ctx, campaign, into, []int64{muted}); err != nil {
		t.Fatal(err)
	}
	if !getStory(t, s, into).Muted {
		t.Errorf("merging a muted story left the survivor unmuted")
	}
	// A merged ID leads to the survivor, for muting and retracting alike.
	if err := s.MuteStory(ctx, muted, false); err != nil {
		t.Fatal(err)
	}
	if getStory(t, s, into).Muted {
		t.Errorf("unmuting a merged ID left the survivor muted")
	}
	retracted := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "retracted"})
	if err := s.RetractStory(ctx, retracted, now); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeStories(ctx, campaign, into, []int64{retracted}); err != nil {
		t.Fatal(err)
	}
	if got := getStory(t, s, into); !got.Muted || !got.Retracted.IsZero() {
		t.Errorf("after merging a retracted story the survivor is muted %v, retracted %v; want muted only", got.Muted, got.Retracted)
	}
}

func testStoryDeliveries(t *testing.T, s strike.Store) {
	ctx := t.Context()
	a := delivery(slackGeneral, 1)
	b := delivery(slackPicket, 1)
	c := delivery(slackGeneral, 2)
	none := delivery(slackPicket, 3)
	none.StoryID, none.Key = 0, "captain:1"
	got := enqueue(t, s, a, c, b, none)
	ds, err := s.StoryDeliveries(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{got[0].ID, got[2].ID}; !slices.Equal(ids(ds), want) {
		t.Errorf("StoryDeliveries(1) = %v, want %v", ids(ds), want)
	}
	if ds, err := s.StoryDeliveries(ctx, 0); err != nil || len(ds) != 0 {
		t.Errorf("StoryDeliveries(0) = %v, %v; want none", ids(ds), err)
	}
	if ds, err := s.StoryDeliveries(ctx, 99); err != nil || len(ds) != 0 {
		t.Errorf("StoryDeliveries(99) = %v, %v; want none", ids(ds), err)
	}
}

func testDeliveryByID(t *testing.T, s strike.Store) {
	ctx := t.Context()
	got := enqueue(t, s, delivery(slackGeneral, 1), delivery(slackPicket, 2))
	if err := s.CompleteDelivery(ctx, got[1].ID, "1700000000.000100", now); err != nil {
		t.Fatal(err)
	}
	d, err := s.Delivery(ctx, got[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffDelivery(d, deliveryByID(t, s, got[1].ID)); diff != "" {
		t.Errorf("Delivery differs from Deliveries: %s", diff)
	}
	if d.State != strike.DeliverySent || d.PlatformID != "1700000000.000100" {
		t.Errorf("Delivery = %+v", d)
	}
	if _, err := s.Delivery(ctx, got[1].ID+100); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("Delivery of no delivery = %v, want ErrNotFound", err)
	}
}

// verdict returns a captain's verdict on article id.
func verdict(id int64, tier strike.Tier) strike.Verdict {
	return strike.Verdict{CampaignID: campaign, ArticleID: id, Tier: tier, By: "ana", At: now, Signature: []byte{1, 0, 2}}
}

func saveVerdict(t *testing.T, s strike.Store, v strike.Verdict, reasons ...string) strike.Verdict {
	t.Helper()
	got, err := s.SaveVerdict(t.Context(), v, reasons)
	if err != nil {
		t.Fatalf("SaveVerdict(%+v): %v", v, err)
	}
	return got
}

func testSaveVerdict(t *testing.T, s strike.Store) {
	ctx := t.Context()
	none := article(1)
	none.Relevance = strike.Relevance{Tier: strike.TierNone, Score: 1.5, Reasons: []string{"no labor term"}}
	saved := savePoll(t, s, state(feedURL, 1), none, article(2))
	v1 := saveVerdict(t, s, verdict(saved[0].ID, strike.TierCore), "set by a captain: ana")
	if v1.ID == 0 || v1.Was != strike.TierNone || !sameTime(v1.At, storedTime(now)) {
		t.Errorf("SaveVerdict = %+v", v1)
	}
	a := getArticle(t, s, saved[0].ID)
	if a.Relevance.Tier != strike.TierCore || a.Relevance.Score != 1.5 || !slices.Equal(a.Relevance.Reasons, []string{"set by a captain: ana"}) {
		t.Errorf("article after the verdict: %+v", a.Relevance)
	}
	v2 := saveVerdict(t, s, verdict(saved[1].ID, strike.TierRelated))
	v3 := saveVerdict(t, s, verdict(saved[0].ID, strike.TierRelated))
	if !(v1.ID < v2.ID && v2.ID < v3.ID) || v3.Was != strike.TierCore {
		t.Errorf("verdict IDs %d, %d, %d, want increasing; the last was %q", v1.ID, v2.ID, v3.ID, v3.Was)
	}
	got, err := s.Verdicts(ctx, campaign)
	if err != nil {
		t.Fatal(err)
	}
	// The latest of each article, in ID order.
	if len(got) != 2 || got[0].ID != v2.ID || got[1].ID != v3.ID {
		t.Fatalf("Verdicts = %+v, want verdicts %d and %d", got, v2.ID, v3.ID)
	}
	w := got[1]
	if w.ArticleID != saved[0].ID || w.Tier != strike.TierRelated || w.By != "ana" || w.CopyOf != 0 ||
		!slices.Equal(w.Signature, []byte{1, 0, 2}) || w.CampaignID != campaign || !sameTime(w.At, storedTime(now)) {
		t.Errorf("Verdicts[1] = %+v", w)
	}
	if other, err := s.Verdicts(ctx, "other-strike"); err != nil || len(other) != 0 {
		t.Errorf("Verdicts of another campaign = %+v, %v", other, err)
	}
	// A copy's inherited verdict, without a signature.
	c := verdict(saved[1].ID, strike.TierNone)
	c.CopyOf, c.Signature = saved[0].ID, nil
	saveVerdict(t, s, c)
	got, _ = s.Verdicts(ctx, campaign)
	if len(got) != 2 || got[1].CopyOf != saved[0].ID || got[1].Signature != nil || got[1].Tier != strike.TierNone {
		t.Errorf("Verdicts after a copy's = %+v", got)
	}
}

func testVerdictDetaches(t *testing.T, s strike.Store) {
	ctx := t.Context()
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	saved := savePoll(t, s, state(feedURL, 1), article(1), article(2))
	setCoverage(t, s, saved[0].ID, st, strike.Facts{Workers: 2400}, []byte{9})
	setCoverage(t, s, saved[1].ID, st, strike.Facts{}, []byte{8})
	markProcessed(t, s, saved[0].ID, saved[1].ID)
	before, _ := s.CoverageState(ctx, campaign)
	saveVerdict(t, s, verdict(saved[0].ID, strike.TierNone), "not strike news")
	a := getArticle(t, s, saved[0].ID)
	if a.StoryID != 0 || a.Relevance.Tier != strike.TierNone {
		t.Errorf("article ruled none: story %d, tier %q; want no story, none", a.StoryID, a.Relevance.Tier)
	}
	after, _ := s.CoverageState(ctx, campaign)
	if after.Seq != before.Seq+1 {
		t.Errorf("coverage Seq %d → %d, want one more", before.Seq, after.Seq)
	}
	// Other processes learn that it left its story.
	cs, err := s.CoverageChanges(ctx, campaign, before.Seq, 0)
	if err != nil || len(cs) != 1 || cs[0].ArticleID != saved[0].ID || cs[0].StoryID != 0 || cs[0].Seq != after.Seq || cs[0].Tier != strike.TierNone {
		t.Errorf("CoverageChanges after the verdict = %+v, %v", cs, err)
	}
	if members := getStory(t, s, st).Articles; len(members) != 1 || members[0].ID != saved[1].ID {
		t.Errorf("story members after the verdict = %+v", members)
	}
	// Not handled again: tier none is never processed.
	if left := unprocessed(t, s); len(left) != 0 {
		t.Errorf("unprocessed after the verdict: %v", left)
	}
	// Ruled back to strike news, it waits for coverage.
	saveVerdict(t, s, verdict(saved[0].ID, strike.TierCore))
	if left := unprocessed(t, s); !slices.Equal(left, []string{saved[0].Key}) {
		t.Errorf("unprocessed after ruling it back = %v, want %s", left, saved[0].Key)
	}
}

func testVerdictReprocesses(t *testing.T, s strike.Store) {
	st := saveStory(t, s, strike.Story{CampaignID: campaign, Title: "one"})
	saved := savePoll(t, s, state(feedURL, 1), article(1))
	setCoverage(t, s, saved[0].ID, st, strike.Facts{}, nil)
	markProcessed(t, s, saved[0].ID)
	// Core to related in its story: it stays in it, processed.
	saveVerdict(t, s, verdict(saved[0].ID, strike.TierRelated))
	a := getArticle(t, s, saved[0].ID)
	if a.StoryID != st || a.Relevance.Tier != strike.TierRelated {
		t.Errorf("article ruled related: story %d, tier %q", a.StoryID, a.Relevance.Tier)
	}
	if left := unprocessed(t, s); len(left) != 0 {
		t.Errorf("unprocessed after the verdict: %v", left)
	}
}

func testVerdictRejects(t *testing.T, s strike.Store) {
	ctx := t.Context()
	saved := savePoll(t, s, state(feedURL, 1), article(1))
	for _, v := range []strike.Verdict{
		verdict(saved[0].ID+100, strike.TierCore),
		{CampaignID: "other-strike", ArticleID: saved[0].ID, Tier: strike.TierCore},
	} {
		if _, err := s.SaveVerdict(ctx, v, nil); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("SaveVerdict(%+v) = %v, want ErrNotFound", v, err)
		}
	}
	if _, err := s.SaveVerdict(ctx, verdict(saved[0].ID, "maybe"), nil); err == nil {
		t.Errorf("SaveVerdict of tier maybe succeeded")
	}
	if got, err := s.Verdicts(ctx, campaign); err != nil || len(got) != 0 {
		t.Errorf("Verdicts after refusals = %+v, %v", got, err)
	}
	if a := getArticle(t, s, saved[0].ID); a.Relevance.Tier != strike.TierCore {
		t.Errorf("a refused verdict changed the tier to %q", a.Relevance.Tier)
	}
}

func testPauseFeed(t *testing.T, s strike.Store) {
	ctx := t.Context()
	// A feed never polled gets a state with the pause.
	if err := s.PauseFeed(ctx, feedURL, campaign, "ana", now); err != nil {
		t.Fatal(err)
	}
	f, err := s.FeedState(ctx, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if !sameTime(f.Paused, storedTime(now)) || f.PausedBy != "ana" || f.Polls != 0 || f.CampaignID != campaign || !f.NextPoll.IsZero() {
		t.Errorf("state of a paused feed never polled = %+v", f)
	}
	// Paused again: the first pause stays.
	if err := s.PauseFeed(ctx, feedURL, campaign, "ben", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// Polls saved meanwhile (a poll under way) keep the pause; the spell
	// of failures is saved with the poll.
	st := state(feedURL, 3)
	st.Failures, st.FailingSince = 2, base.Add(-time.Hour)
	if err := s.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	savePoll(t, s, st, article(1))
	f, _ = s.FeedState(ctx, feedURL)
	if !sameTime(f.Paused, storedTime(now)) || f.PausedBy != "ana" || f.Polls != 3 || !sameTime(f.FailingSince, storedTime(st.FailingSince)) {
		t.Errorf("state after saving polls = %+v", f)
	}
	// Leases and the pause are apart: a claim does not lift it.
	if _, _, err := s.ClaimFeed(ctx, feedURL, campaign, now.Add(24*time.Hour), now.Add(25*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if f, _ = s.FeedState(ctx, feedURL); f.Paused.IsZero() {
		t.Errorf("a claim lifted the pause")
	}
	if err := s.ResumeFeed(ctx, feedURL); err != nil {
		t.Fatal(err)
	}
	if f, _ = s.FeedState(ctx, feedURL); !f.Paused.IsZero() || f.PausedBy != "" {
		t.Errorf("state after ResumeFeed = %+v", f)
	}
	if err := s.ResumeFeed(ctx, feedURL); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("ResumeFeed of a feed not paused = %v, want ErrNotFound", err)
	}
	if err := s.ResumeFeed(ctx, "https://nowhere.example.test/rss"); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("ResumeFeed of an unknown feed = %v, want ErrNotFound", err)
	}
	if err := s.PauseFeed(ctx, "", campaign, "ana", now); err == nil {
		t.Errorf("PauseFeed of an empty URL succeeded")
	}
}

func testFeedAlert(t *testing.T, s strike.Store) {
	ctx := t.Context()
	spell := base.Add(-26 * time.Hour)
	if err := s.SetFeedAlert(ctx, feedURL, spell); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("SetFeedAlert of a feed without state = %v, want ErrNotFound", err)
	}
	st := state(feedURL, 5)
	st.Failures, st.FailingSince = 5, spell
	if err := s.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFeedAlert(ctx, feedURL, spell); err != nil {
		t.Fatal(err)
	}
	// The poller saving the next failure keeps the alert.
	st.Failures++
	if err := s.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	f, _ := s.FeedState(ctx, feedURL)
	if !sameTime(f.Alerted, storedTime(spell)) || !sameTime(f.FailingSince, storedTime(spell)) || f.Failures != 6 {
		t.Errorf("state after the alert = %+v", f)
	}
	if err := s.SetFeedAlert(ctx, feedURL, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.FeedState(ctx, feedURL); !f.Alerted.IsZero() {
		t.Errorf("Alerted after clearing = %v", f.Alerted)
	}
	if states, err := s.FeedStates(ctx); err != nil || len(states) != 1 || !sameTime(states[0].FailingSince, storedTime(spell)) {
		t.Errorf("FeedStates = %+v, %v", states, err)
	}
}

func testSubscriptionMention(t *testing.T, s strike.Store) {
	ctx := t.Context()
	sub := strike.Subscription{Destination: slackPicket, CampaignID: campaign, Mode: strike.ModeCore, TimeZone: "America/Los_Angeles", Mention: "S0CAPTAINS"}
	if err := s.SaveSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	got, err := s.Subscriptions(ctx, campaign)
	if err != nil || len(got) != 1 || got[0].Mention != "S0CAPTAINS" {
		t.Fatalf("Subscriptions = %+v, %v", got, err)
	}
	sub.Mention = ""
	if err := s.SaveSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Subscriptions(ctx, campaign); got[0].Mention != "" {
		t.Errorf("Mention after clearing = %q", got[0].Mention)
	}
}
