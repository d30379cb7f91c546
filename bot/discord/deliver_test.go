package discord

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/strike"
)

const opsChannel = "1045678901234567800"

// outbox is the shared deliverer draining into the fake through the
// Discord poster, with a SQLite store.
type outbox struct {
	fake *discordfake.Server
	db   interface {
		strike.Store
	}
	dl *bot.Deliverer
}

func newOutbox(t *testing.T, o discordfake.Options) *outbox {
	t.Helper()
	f, p, _ := newPoster(t, o)
	f.AddChannel(opsChannel, discordfake.Channel{})
	db := openStore(t)
	dl := &bot.Deliverer{Store: db, Posters: map[string]bot.Poster{"discord": p}, Logger: quiet(),
		OpsChannel: strike.Destination{Platform: "discord", Workspace: f.GuildID(), Channel: opsChannel},
		RetryBase:  50 * time.Millisecond, RetryMax: 200 * time.Millisecond, Idle: 20 * time.Millisecond, Lease: 5 * time.Second}
	return &outbox{fake: f, db: db, dl: dl}
}

func (o *outbox) subscribe(t *testing.T, channel string) strike.Destination {
	t.Helper()
	d := strike.Destination{Platform: "discord", Workspace: o.fake.GuildID(), Channel: channel}
	if err := o.db.SaveSubscription(context.Background(), strike.Subscription{Destination: d, CampaignID: "kaiser", Mode: strike.ModeCore,
		TimeZone: "UTC", CreatedBy: "U1", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	return d
}

func (o *outbox) enqueue(t *testing.T, d strike.Destination, n int) {
	t.Helper()
	var ds []strike.Delivery
	for i := range n {
		payload, _ := json.Marshal(story(int64(i+1), "Story number "+strconv.Itoa(i+1)))
		ds = append(ds, strike.Delivery{Destination: d, Key: "article:" + strconv.Itoa(i+1), CampaignID: "kaiser", StoryID: int64(i + 1),
			Kind: string(bot.KindNewStory), Payload: payload, State: strike.DeliveryPending, NextAttempt: time.Now(), CreatedAt: time.Now()})
	}
	if _, err := o.db.Enqueue(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
}

func (o *outbox) run(t *testing.T) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = o.dl.Run(ctx); close(done) }()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	return stop
}

// TestOutboxChannelGoneTellsOpsOnce: a deleted channel (404) stops that
// destination after one request, marks its subscription broken, and the
// ops channel (on Discord) is told once, in a plain sentence.
func TestOutboxChannelGoneTellsOpsOnce(t *testing.T) {
	o := newOutbox(t, discordfake.Options{})
	gone := "1045678901234567777"
	d := o.subscribe(t, gone)
	o.enqueue(t, d, 3)
	o.run(t)
	waitFor(t, 10*time.Second, "the ops notice", func() bool { return len(o.fake.Messages(opsChannel)) == 1 })
	time.Sleep(300 * time.Millisecond)
	ops := o.fake.Messages(opsChannel)
	// One plain sentence that names the cause; the error chain stays in
	// the log.
	want := "Posts to " + d.String() + " stopped: the channel was deleted, or the bot was removed from its server."
	if len(ops) != 1 || !strings.Contains(ops[0].Text(), want) || strings.Contains(ops[0].Text(), "permanent delivery error") ||
		strings.Contains(ops[0].Text(), "10003") {
		t.Errorf("ops messages %+v, want the sentence %q", ops, want)
	}
	subs, _ := o.db.Subscriptions(context.Background(), "")
	if len(subs) != 1 || subs[0].Broken == "" {
		t.Errorf("subscription %+v, want broken", subs)
	}
	if n := o.fake.Requests("create_message"); n != 2 { // the failed post and the ops notice
		t.Errorf("%d create-message requests, want 2", n)
	}
	if n := o.fake.Invalid(); n > 1 {
		t.Errorf("%d invalid requests", n)
	}
}

// TestOutboxDiscordDownKeepsOrder: with Discord unavailable for a while
// nothing is lost, and the channel's posts arrive in order afterwards.
func TestOutboxDiscordDownKeepsOrder(t *testing.T) {
	o := newOutbox(t, discordfake.Options{})
	d := o.subscribe(t, testChannel)
	if err := o.fake.SetMode(discordfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	o.enqueue(t, d, 4)
	o.run(t)
	time.Sleep(700 * time.Millisecond)
	if err := o.fake.SetMode(discordfake.Up); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 20*time.Second, "all four posted", func() bool { return len(o.fake.Messages(testChannel)) == 4 })
	for i, m := range o.fake.Messages(testChannel) {
		if want := "Story number " + strconv.Itoa(i+1); len(m.Embeds) != 1 || m.Embeds[0].Title != want {
			t.Errorf("post %d: %+v, want %q", i, m.Embeds, want)
		}
	}
}

// TestOutboxBurstMeetsTheBucket: 12 stories for one channel go out at the
// outbox's pace without a single 429 from Discord.
func TestOutboxBurstMeetsTheBucket(t *testing.T) {
	if testing.Short() {
		t.Skip("paced: takes about 12 seconds")
	}
	o := newOutbox(t, discordfake.Options{})
	d := o.subscribe(t, testChannel)
	o.enqueue(t, d, 12)
	o.run(t)
	waitFor(t, 40*time.Second, "all posted", func() bool { return len(o.fake.Messages(testChannel)) == 12 })
	if n := o.fake.RateLimited(); n != 0 {
		t.Errorf("%d 429s", n)
	}
}

// TestOutboxRetractEditsEachPostOnce: the outbox edits each of the posts
// of a story once, through Discord's edit bucket, a 429 on an edit and a
// global 429: every edit is made, none twice, and a second retraction
// of the same posts (the same keys) adds nothing.
func TestOutboxRetractEditsEachPostOnce(t *testing.T) {
	o := newOutbox(t, discordfake.Options{BucketLimit: 2, BucketWindow: time.Second})
	d := o.subscribe(t, testChannel)
	o.enqueue(t, d, 4)
	stop := o.run(t)
	waitFor(t, 20*time.Second, "four posts", func() bool { return len(o.fake.Messages(testChannel)) == 4 })
	stop()

	ctx := context.Background()
	sent, err := o.db.Deliveries(ctx, d)
	if err != nil || len(sent) != 4 {
		t.Fatalf("deliveries %+v, %v", sent, err)
	}
	retract := func() {
		var ds []strike.Delivery
		for _, s := range sent {
			payload, _ := json.Marshal(bot.Post{Retraction: &bot.Retraction{Delivery: s.ID, Title: "Story number " + strconv.FormatInt(s.StoryID, 10)}})
			ds = append(ds, strike.Delivery{Destination: d, Key: "retract:" + strconv.FormatInt(s.ID, 10), CampaignID: "kaiser",
				Kind: string(bot.KindRetract), Urgent: true, Payload: payload, State: strike.DeliveryPending, NextAttempt: time.Now(), CreatedAt: time.Now()})
		}
		if _, err := o.db.Enqueue(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	o.fake.RateLimitNextEdit(discordfake.Limit{Scope: "user", RetryAfter: 0.2})
	o.fake.RateLimitNext(discordfake.Limit{Scope: "global", RetryAfter: 0.2})
	retract()
	o.run(t)
	waitFor(t, 30*time.Second, "four edits", func() bool { return len(o.fake.Edits()) >= 4 })
	retract() // the same again: already queued, nothing more
	time.Sleep(time.Second)
	edits := o.fake.Edits()
	if len(edits) != 4 {
		t.Fatalf("%d edits, want 4", len(edits))
	}
	once := map[string]int{}
	for _, m := range o.fake.Messages(testChannel) {
		once[m.ID] = m.Edited
		if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Retracted by a captain.") {
			t.Errorf("message %s after the edits: %+v", m.ID, m.Embeds)
		}
	}
	for id, n := range once {
		if n != 1 {
			t.Errorf("message %s edited %d times, want once", id, n)
		}
	}
	if o.fake.RateLimited() < 2 {
		t.Errorf("%d 429s, want the two scripted ones at least", o.fake.RateLimited())
	}
}
