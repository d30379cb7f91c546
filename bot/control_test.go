package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// editPoster posts like recPoster and also edits, recording each edit.
type editPoster struct {
	recPoster
	edits []recEdit
}

type recEdit struct {
	delivery  int64
	messageID string
	text      string
}

func (p *editPoster) Edit(_ context.Context, d strike.Delivery, post bot.Post, messageID string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if post.Retraction == nil {
		return errors.New("edit without a retraction")
	}
	p.edits = append(p.edits, recEdit{d.ID, messageID, post.Retraction.Text()})
	return nil
}

// storyFixture stores story 1 with posts in two channels: in chanA its
// post (sent) and an update (sent, in its thread); in chanB its post
// (pending) and a related story parked for the digest (pending), and in
// chanA a captain's announcement (about no story).
func storyFixture(t *testing.T, st interface {
	bot.RouterStore
	CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error
	SaveStory(ctx context.Context, s strike.Story) (int64, error)
}, now time.Time) (story int64, ds []strike.Delivery) {
	t.Helper()
	ctx := context.Background()
	id, err := st.SaveStory(ctx, strike.Story{CampaignID: "kp", Title: "Mill workers walk out", Tier: strike.TierCore, FirstSeen: now, Updated: now})
	if err != nil {
		t.Fatal(err)
	}
	payload := []byte(`{"announcement":{"Title":"x"}}`)
	mk := func(d strike.Destination, key, kind string, storyID int64, next time.Time) strike.Delivery {
		return strike.Delivery{Destination: d, Key: key, CampaignID: "kp", StoryID: storyID, Kind: kind, Payload: payload,
			State: strike.DeliveryPending, NextAttempt: next, CreatedAt: now}
	}
	ds, err = st.Enqueue(ctx, []strike.Delivery{
		mk(chanA, "article:1", "new_story", id, now),
		mk(chanA, "article:2", "update", id, now),
		mk(chanB, "article:1", "new_story", id, now.Add(8*time.Hour)), // quiet hours
		mk(chanB, "article:3", "held_digest", id, bot.Parked),
		mk(chanA, "captain:1", "captain", 0, now),
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range ds[:2] {
		if err := st.CompleteDelivery(ctx, d.ID, "1745161200.00010"+strconv.Itoa(i), now); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.CompleteDelivery(ctx, ds[4].ID, "1745161200.000200", now); err != nil {
		t.Fatal(err)
	}
	return id, ds
}

// TestRetractEditsEveryPostOnce: "retract" edits each post of the story
// once, in every channel; the post not out yet and the one parked for a
// digest never go out; the audit log says who and why; a second retract
// queues nothing more; posts about other things are left alone.
func TestRetractEditsEveryPostOnce(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	story, ds := storyFixture(t, st, clk.Now())
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{}, Captains: []string{"UCAP"},
		Workspaces: []string{"slack/T1"}, Now: clk.Now})
	rq := req("UCAP", "retract "+strconv.FormatInt(story, 10)+" about another union's strike")
	rq.UserName = "ana"

	if got := text(r.Handle(ctx, req("U1", "retract 1"))); !strings.Contains(got, bot.NotCaptainText) {
		t.Fatalf("a supporter's retract: %q", got)
	}
	got := text(r.Handle(ctx, rq))
	for _, want := range []string{"Story #1 retracted", "Its 3 posts in 2 channels are being edited", "Nothing more will be posted"} {
		if !strings.Contains(got, want) {
			t.Errorf("reply lacks %q:\n%s", want, got)
		}
	}
	es, _ := st.Audit(ctx, 1)
	if len(es) != 1 || es[0].User != "UCAP" || es[0].Command != "retract 1 about another union's strike" || es[0].Outcome != "ok: 3 posts in 2 channels" {
		t.Errorf("audit = %+v", es)
	}
	s, err := st.Story(ctx, story)
	if err != nil || s.Retracted.IsZero() {
		t.Fatalf("story after retract: %+v, %v", s, err)
	}
	if got := text(r.Handle(ctx, rq)); !strings.Contains(got, "retracted already on 2025-04-20") {
		t.Errorf("second retract: %q", got)
	}
	if got := text(r.Handle(ctx, req("UCAP", "retract 99"))); !strings.Contains(got, "There is no story #99.") {
		t.Errorf("retract 99: %q", got)
	}

	// The deliverer edits what went out, once, and sends nothing else.
	p := &editPoster{recPoster: recPoster{clk: clk}}
	dl := newDeliverer(st, clk, p)
	for range 3 {
		if _, err := dl.Step(ctx); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
	}
	clk.Add(10 * time.Hour) // past chanB's quiet hours
	if _, err := dl.Step(ctx); err != nil {
		t.Fatal(err)
	}
	if len(p.posts) != 0 {
		t.Errorf("posted %+v after the retraction", p.posts)
	}
	var edited []int64
	for _, e := range p.edits {
		edited = append(edited, e.delivery)
		if e.text != "Retracted by a captain." {
			t.Errorf("edit text %q", e.text)
		}
	}
	slices.Sort(edited)
	if want := []int64{ds[0].ID, ds[1].ID}; !slices.Equal(edited, want) {
		t.Errorf("edited deliveries %v, want %v (each once)", edited, want)
	}
	for _, i := range []int{2, 3} {
		d, _ := st.Delivery(ctx, ds[i].ID)
		if d.State != strike.DeliveryFailed {
			t.Errorf("delivery %s in %s: %s, want failed", d.Key, d.Channel, d.State)
		}
	}
	if d, _ := st.Delivery(ctx, ds[4].ID); d.State != strike.DeliverySent {
		t.Errorf("the captain's announcement became %s", d.State)
	}
	// A new article of the story: the announcer posts nothing.
	a := &bot.Announcer{Store: st, Now: clk.Now}
	if err := st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	if out, err := a.Announce(ctx, event(coverage.EventNewOutlet, 9, story, strike.TierCore)); err != nil || len(out) != 0 {
		t.Errorf("an update of a retracted story: %+v, %v", out, err)
	}
}

// TestDelivererWithoutEditor: a platform that cannot edit keeps its post;
// the deliverer says so in the log and drops the edit.
func TestDelivererWithoutEditor(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	story, _ := storyFixture(t, st, clk.Now())
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{}, Captains: []string{"UCAP"},
		Workspaces: []string{"slack/T1"}, Now: clk.Now})
	r.Handle(ctx, req("UCAP", "retract "+strconv.FormatInt(story, 10)))
	var log bytes.Buffer
	p := &recPoster{clk: clk}
	dl := newDeliverer(st, clk, p)
	dl.Logger = slog.New(slog.NewTextHandler(&log, nil))
	for range 3 {
		if _, err := dl.Step(ctx); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
	}
	if !strings.Contains(log.String(), "cannot edit its posts") || len(p.posts) != 0 {
		t.Errorf("posts %+v; log:\n%s", p.posts, log.String())
	}
	all, _ := st.Deliveries(ctx, chanA)
	for _, d := range all {
		if d.Kind == "retract" && (d.State != strike.DeliveryFailed || !strings.Contains(d.LastError, "cannot edit")) {
			t.Errorf("retraction %+v", d)
		}
	}
}

// TestMuteStopsUpdates: a muted story gets no updates, queued or new;
// its phase changes still go out; unmuted, updates come again.
func TestMuteStopsUpdates(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	if err := st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	story, err := st.SaveStory(ctx, strike.Story{CampaignID: "kp", Title: "Talks resume", Tier: strike.TierCore})
	if err != nil {
		t.Fatal(err)
	}
	a := &bot.Announcer{Store: st, Now: clk.Now}
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{}, Captains: []string{"UCAP"},
		Workspaces: []string{"slack/T1"}, Now: clk.Now})
	if _, err := a.Announce(ctx, event(coverage.EventNewStory, 1, story, strike.TierCore)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Announce(ctx, event(coverage.EventNewOutlet, 2, story, strike.TierCore)); err != nil {
		t.Fatal(err)
	}
	if got := text(r.Handle(ctx, req("UCAP", "mute "+strconv.FormatInt(story, 10)))); !strings.Contains(got, "muted") {
		t.Fatalf("mute: %q", got)
	}
	if out, _ := a.Announce(ctx, event(coverage.EventNewFacts, 3, story, strike.TierCore)); len(out) != 0 {
		t.Errorf("an update of a muted story was queued: %+v", out)
	}
	if out, _ := a.Announce(ctx, event(coverage.EventPhaseChange, 4, story, strike.TierCore)); len(out) != 1 {
		t.Errorf("a phase change of a muted story: %+v", out)
	}
	p := &recPoster{clk: clk}
	dl := newDeliverer(st, clk, p)
	for range 4 {
		dl.Step(ctx)
		clk.Add(time.Minute)
	}
	var keys []string
	for _, x := range p.posts {
		keys = append(keys, x.key)
	}
	if want := []string{"article:1", "article:4"}; !slices.Equal(keys, want) {
		t.Errorf("posted %v, want %v (the queued update dropped)", keys, want)
	}
	if got := text(r.Handle(ctx, req("UCAP", "unmute "+strconv.FormatInt(story, 10)))); !strings.Contains(got, "unmuted") {
		t.Fatalf("unmute: %q", got)
	}
	if out, _ := a.Announce(ctx, event(coverage.EventNewFacts, 5, story, strike.TierCore)); len(out) != 1 {
		t.Errorf("an update after unmuting: %+v", out)
	}
	if got := text(r.Handle(ctx, req("UCAP", "mute 99"))); !strings.Contains(got, "There is no story #99.") {
		t.Errorf("mute 99: %q", got)
	}
}

// TestAnnouncerLocalTimeAndMention: each post carries its channel's time
// zone; only a phase change carries the channel's mention.
func TestAnnouncerLocalTimeAndMention(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	for _, s := range []strike.Subscription{
		{Destination: chanA, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "America/Los_Angeles", Mention: "S0CAPTAINS"},
		{Destination: chanB, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "UTC"},
	} {
		if err := st.SaveSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	a := &bot.Announcer{Store: st, Now: clk.Now}
	for _, ev := range []coverage.StoryEvent{event(coverage.EventNewStory, 1, 1, strike.TierCore), event(coverage.EventPhaseChange, 2, 2, strike.TierCore)} {
		if _, err := a.Announce(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]bot.Announcement{}
	for _, d := range []strike.Destination{chanA, chanB} {
		ds, _ := st.Deliveries(ctx, d)
		for _, x := range ds {
			var p bot.Post
			if err := json.Unmarshal(x.Payload, &p); err != nil || p.Announcement == nil {
				t.Fatalf("payload %s: %v", x.Payload, err)
			}
			got[d.Channel+"/"+x.Key] = *p.Announcement
		}
	}
	for k, want := range map[string][2]string{
		"CA/article:1": {"America/Los_Angeles", ""}, "CA/article:2": {"America/Los_Angeles", "S0CAPTAINS"},
		"CB/article:1": {"UTC", ""}, "CB/article:2": {"UTC", ""},
	} {
		if an := got[k]; an.TimeZone != want[0] || an.Mention != want[1] {
			t.Errorf("%s: zone %q mention %q, want %q %q", k, an.TimeZone, an.Mention, want[0], want[1])
		}
	}
	if s := bot.LocalTime(time.Date(2025, 4, 20, 15, 30, 0, 0, time.UTC), "America/Los_Angeles"); s != "2025-04-20 08:30 PDT" {
		t.Errorf("LocalTime = %q", s)
	}
	if s := bot.LocalTime(time.Date(2025, 4, 20, 15, 30, 0, 0, time.UTC), ""); s != "2025-04-20 15:30 UTC" {
		t.Errorf("LocalTime in no zone = %q", s)
	}
}

// TestAnnouncerWithdrawn: an article a verdict took out of a story that
// lives on has its own posts retracted; a story left empty is retracted
// whole.
func TestAnnouncerWithdrawn(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	story, ds := storyFixture(t, st, clk.Now())
	a := &bot.Announcer{Store: st, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ev := event(coverage.EventWithdrawn, 2, story, strike.TierCore)
	ev.Story.Members = 3
	if _, err := a.Announce(ctx, ev); err != nil {
		t.Fatal(err)
	}
	keys := func() []string {
		all, _ := st.Deliveries(ctx, strike.Destination{})
		var out []string
		for _, d := range all {
			if d.Kind == "retract" {
				out = append(out, d.Channel+"/"+d.Key)
			}
		}
		return out
	}
	if got, want := keys(), []string{"CA/retract:" + strconv.FormatInt(ds[1].ID, 10)}; !slices.Equal(got, want) {
		t.Errorf("retractions of article 2 = %v, want %v", got, want)
	}
	if s, _ := st.Story(ctx, story); !s.Retracted.IsZero() {
		t.Errorf("the story was retracted though it lives on")
	}
	ev = event(coverage.EventWithdrawn, 1, story, strike.TierCore)
	ev.Story.Members = 0
	if _, err := a.Announce(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if got := keys(); len(got) != 3 {
		t.Errorf("retractions after the story emptied = %v, want 3", got)
	}
	if s, _ := st.Story(ctx, story); s.Retracted.IsZero() {
		t.Errorf("the emptied story is not retracted")
	}
}

// TestAnnouncerVerdictAgain: an event that follows a verdict gets keys
// of its own, but no channel gets a second top-level post of a story it
// has.
func TestAnnouncerVerdictAgain(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	for _, s := range []strike.Subscription{
		{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "UTC"},
		{Destination: chanB, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "UTC"},
	} {
		st.SaveSubscription(ctx, s)
	}
	a := &bot.Announcer{Store: st, Now: clk.Now}
	// chanA (core, no digest) skips the related story; chanB posts it.
	if _, err := a.Announce(ctx, event(coverage.EventNewStory, 1, 7, strike.TierRelated)); err != nil {
		t.Fatal(err)
	}
	ev := event(coverage.EventNewStory, 1, 7, strike.TierCore)
	ev.Verdict = 3
	out, err := a.Announce(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Destination != chanA || out[0].Key != "article:1:verdict:3" {
		t.Errorf("re-announcement = %+v, want one to chanA keyed article:1:verdict:3", out)
	}
	// A story parked for the digest, ruled strike news: posted at once,
	// and out of the digest.
	st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "UTC", DigestAt: "18:00"})
	if _, err := a.Announce(ctx, event(coverage.EventNewStory, 2, 8, strike.TierRelated)); err != nil {
		t.Fatal(err)
	}
	ev = event(coverage.EventNewStory, 2, 8, strike.TierCore)
	ev.Verdict = 4
	if out, err = a.Announce(ctx, ev); err != nil || len(out) != 1 || out[0].Kind != "new_story" {
		t.Fatalf("re-announcement of a parked story = %+v, %v", out, err)
	}
	ds, _ := st.Deliveries(ctx, chanA)
	for _, d := range ds {
		if d.Key == "article:2" && (d.Kind != "held_digest" || d.State != strike.DeliveryFailed) {
			t.Errorf("the parked row: %+v", d)
		}
	}
}

// TestRouterVerdictAndWhy: a router over a real coverage desk whose
// events go to a real announcer, on one store.
func TestRouterVerdictAndWhy(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	if err := st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	ann := &bot.Announcer{Store: st, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	desk, _, err := coverage.NewDesk(ctx, campaign, st, coverage.DeskOptions{Now: clk.Now,
		OnEvent: func(ctx context.Context, ev coverage.StoryEvent) error { _, err := ann.Announce(ctx, ev); return err }})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := st.SavePoll(ctx, strike.FeedState{URL: "https://example.org/feed", CampaignID: "kp"}, []strike.Article{{
		CampaignID: "kp", Feed: "https://example.org/feed", Key: "a1", URL: "https://example.org/rally", Title: "Therapists rally downtown",
		Source: "Harbor Times", Text: "Kaiser therapists rallied downtown on Saturday for more staff.", Published: clk.Now().Add(-time.Hour),
		FirstSeen: clk.Now(), Relevance: strike.Relevance{Tier: strike.TierNone, Reasons: []string{"no labor term"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(stored[0].ID, 10)
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: desk, Scorer: explainer{}, Captains: []string{"UCAP"},
		Workspaces: []string{"slack/T1"}, Now: clk.Now})
	rq := func(text string) bot.Request { x := req("UCAP", text); x.UserName = "ana"; return x }

	for _, tt := range []struct{ text, want string }{
		{"verdict " + id, "Usage: verdict URL|ID strike|related|not"},
		{"verdict " + id + " maybe", "not \"maybe\""},
		{"verdict 999 strike", "There is no article #999."},
		{"verdict https://example.org/other strike", "I have not read that article"},
	} {
		if got := text(r.Handle(ctx, rq(tt.text))); !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
	got := text(r.Handle(ctx, rq("verdict <https://example.org/rally> strike")))
	for _, want := range []string{"Verdict recorded: strike news", "is now strike news, as ana ruled", "being announced"} {
		if !strings.Contains(got, want) {
			t.Errorf("verdict strike: lacks %q:\n%s", want, got)
		}
	}
	es, _ := st.Audit(ctx, 1)
	if len(es) != 1 || es[0].Outcome != "ok: article "+id+" was none, now core" {
		t.Errorf("audit = %+v", es)
	}
	ds, _ := st.Deliveries(ctx, chanA)
	if len(ds) != 1 || !strings.HasPrefix(ds[0].Key, "article:"+id+":verdict:") {
		t.Errorf("deliveries after the verdict = %+v", ds)
	}
	got = text(r.Handle(ctx, req("U1", "why "+id)))
	for _, want := range []string{"Set by a captain: ana ruled it strike news on 2025-04-20", "Without that, the bot would say: core because Therapists"} {
		if !strings.Contains(got, want) {
			t.Errorf("why: lacks %q:\n%s", want, got)
		}
	}
	got = text(r.Handle(ctx, rq("verdict "+id+" not")))
	for _, want := range []string{"Verdict recorded: not strike news", "Its posts are being edited"} {
		if !strings.Contains(got, want) {
			t.Errorf("verdict not: lacks %q:\n%s", want, got)
		}
	}
	ds, _ = st.Deliveries(ctx, chanA)
	if len(ds) != 2 || ds[1].Kind != "retract" {
		t.Errorf("deliveries after ruling it out = %+v", ds)
	}
	if got := text(r.Handle(ctx, req("U1", "verdict "+id+" strike"))); !strings.Contains(got, bot.NotCaptainText) {
		t.Errorf("a supporter's verdict: %q", got)
	}
}

// TestRouterSubscribeSettings: subscribe again changes what is given and
// keeps the rest; "off" clears; a mention is a user group, never @here.
func TestRouterSubscribeSettings(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{}, Captains: []string{"UCAP"},
		Workspaces: []string{"slack/T1"}, Now: clk.Now, RateLimit: 100})
	sub := func() strike.Subscription {
		t.Helper()
		subs, err := st.Subscriptions(ctx, "kp")
		if err != nil || len(subs) != 1 {
			t.Fatalf("Subscriptions = %+v, %v", subs, err)
		}
		return subs[0]
	}
	for _, tt := range []struct {
		text, want string
		check      func(s strike.Subscription) bool
	}{
		{"subscribe all digest 08:00 tz America/Los_Angeles", "Subscribed", func(s strike.Subscription) bool {
			return s.Mode == "all" && s.DigestAt == "08:00" && s.TimeZone == "America/Los_Angeles" && s.Mention == ""
		}},
		{"subscribe mention <!subteam^S0CAPTAINS|@picket-captains>", "A phase change mentions the user group", func(s strike.Subscription) bool {
			return s.Mode == "all" && s.DigestAt == "08:00" && s.TimeZone == "America/Los_Angeles" && s.Mention == "S0CAPTAINS"
		}},
		{"subscribe mention @here", "Only a user group can be mentioned", func(s strike.Subscription) bool { return s.Mention == "S0CAPTAINS" }},
		{"subscribe mention <!channel>", "Only a user group", func(s strike.Subscription) bool { return s.Mention == "S0CAPTAINS" }},
		{"subscribe mention @picket-captains", "pick it from the list Slack shows", func(s strike.Subscription) bool { return s.Mention == "S0CAPTAINS" }},
		{"subscribe mention <!subteam^S0<b>|x>", "is not a user group", func(s strike.Subscription) bool { return s.Mention == "S0CAPTAINS" }},
		{"subscribe core digest off mention off", "Subscription updated", func(s strike.Subscription) bool {
			return s.Mode == "core" && s.DigestAt == "" && s.Mention == "" && s.TimeZone == "America/Los_Angeles"
		}},
		{"subscribe mention S0OTHER", "Subscription updated", func(s strike.Subscription) bool { return s.Mention == "S0OTHER" }},
	} {
		got := text(r.Handle(ctx, req("UCAP", tt.text)))
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
		if s := sub(); !tt.check(s) {
			t.Errorf("after %q: %+v", tt.text, s)
		}
	}
}

// TestRouterSubscribeMentionDiscord: on Discord the mention is a role,
// given by the command's role option (its ID) or as <@&ID>; never
// @everyone (the server's own ID), @here, or a Slack group.
func TestRouterSubscribeMentionDiscord(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	const guild = "1034567890123456789"
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{}, Captains: []string{"UCAP"},
		Workspaces: []string{"discord/" + guild}, Now: clk.Now, RateLimit: 100})
	here := strike.Destination{Platform: "discord", Workspace: guild, Channel: "1045678901234567890"}
	mention := func() string {
		t.Helper()
		subs, err := st.Subscriptions(ctx, "kp")
		if err != nil || len(subs) != 1 {
			t.Fatalf("Subscriptions = %+v, %v", subs, err)
		}
		return subs[0].Mention
	}
	for _, tt := range []struct {
		text, want, mention string
	}{
		{"subscribe mention 1066666666666666666", "A phase change mentions the role chosen", "1066666666666666666"},
		{"subscribe mention <@&1077777777777777777>", "Subscription updated", "1077777777777777777"},
		{"subscribe mention " + guild, "@everyone can't be mentioned", "1077777777777777777"},
		{"subscribe mention @everyone", "never @everyone or @here", "1077777777777777777"},
		{"subscribe mention @here", "never @everyone or @here", "1077777777777777777"},
		{"subscribe mention S0CAPTAINS", "I can't tell which role", "1077777777777777777"},
		{"subscribe mention <@&12a>", "is not a role", "1077777777777777777"},
		{"subscribe mention <@1077777777777777777>", "I can't tell which role", "1077777777777777777"},
		{"subscribe mention off", "Subscription updated", ""},
	} {
		x := req("UCAP", tt.text)
		x.Destination = here
		got := text(r.Handle(ctx, x))
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
		if m := mention(); m != tt.mention {
			t.Errorf("after %q: mention %q, want %q", tt.text, m, tt.mention)
		}
	}
}

// TestRouterCampaigns: a channel's commands address the campaign it
// follows; "campaign ID" addresses another; a channel follows one.
func TestRouterCampaigns(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	other := strike.Campaign{ID: "uc", Name: "UC workers strike"}
	var mu sync.Mutex
	r := bot.NewRouter(bot.RouterOptions{Campaigns: []bot.RouterCampaign{
		{Campaign: campaign, Desk: fakeDesk{strike.Status{Phase: "strike"}}},
		{Campaign: other, Desk: fakeDesk{strike.Status{Phase: "mediation"}}},
	}, Store: st, Captains: []string{"UCAP"}, Workspaces: []string{"slack/T1"}, Now: clk.Now, RateLimit: 100})
	in := func(d strike.Destination, user, text string) string {
		mu.Lock()
		defer mu.Unlock()
		x := req(user, text)
		x.Destination = d
		return strings.ToLower(textOf(r.Handle(ctx, x)))
	}
	if got := in(chanB, "UCAP", "campaign uc subscribe"); !strings.Contains(got, "uc workers strike news") {
		t.Fatalf("campaign uc subscribe: %q", got)
	}
	for _, tt := range []struct {
		d         strike.Destination
		text      string
		want, not string
	}{
		{chanA, "status", "status: kaiser strike", ""},
		{chanB, "status", "status: uc workers strike", ""},
		{chanB, "campaign kp status", "status: kaiser strike", ""},
		{chanA, "campaign UC status", "mediation", ""},
		{chanA, "campaign nope status", "there is no campaign \"nope\"", ""},
		{chanA, "campaign", "commands here are about this one", ""},
		{chanB, "campaign kp subscribe", "already follows uc workers strike", "this channel gets"},
	} {
		got := in(tt.d, "UCAP", tt.text)
		if !strings.Contains(got, tt.want) || tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("%s %q: %q, want %q", tt.d.Channel, tt.text, got, tt.want)
		}
	}
	es, _ := st.Audit(ctx, 0)
	if len(es) == 0 || !strings.HasPrefix(es[0].Command, "campaign kp subscribe") {
		t.Errorf("audit names no campaign: %+v", es)
	}
}

func textOf(rep bot.Reply) string { return text(rep) }
