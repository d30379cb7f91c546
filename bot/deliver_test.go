package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// recPoster records posts and fails as told per channel.
type recPoster struct {
	clk   *clock
	mu    sync.Mutex
	posts []recPost
	fail  map[string]error // by channel
	n     int
}

type recPost struct {
	channel, key, thread string
	at                   time.Time
}

func (p *recPoster) Platform() string { return "slack" }
func (p *recPoster) Post(_ context.Context, d strike.Delivery, _ bot.Post, thread string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.fail[d.Channel]; err != nil {
		return "", err
	}
	p.n++
	p.posts = append(p.posts, recPost{d.Channel, d.Key, thread, p.clk.Now()})
	return fmt.Sprintf("ts-%d", p.n), nil
}

func (p *recPoster) count(ch string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, x := range p.posts {
		if x.channel == ch {
			n++
		}
	}
	return n
}

func enqueue(t testing.TB, st interface {
	Enqueue(context.Context, []strike.Delivery) ([]strike.Delivery, error)
}, now time.Time, d strike.Destination, key, kind string, storyID int64) {
	t.Helper()
	payload, _ := json.Marshal(bot.Post{Announcement: &bot.Announcement{Title: key, StoryID: storyID}})
	if _, err := st.Enqueue(context.Background(), []strike.Delivery{{Destination: d, Key: key, CampaignID: "kp", Kind: kind,
		StoryID: storyID, Payload: payload, State: strike.DeliveryPending, NextAttempt: now, CreatedAt: now}}); err != nil {
		t.Fatal(err)
	}
}

func newDeliverer(st bot.DelivererStore, clk *clock, p bot.Poster) *bot.Deliverer {
	return &bot.Deliverer{Store: st, Posters: map[string]bot.Poster{"slack": p}, Now: clk.Now, Sleep: clk.Sleep,
		Jitter: func(time.Duration) time.Duration { return 0 }, OpsChannel: opsChan,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func TestDelivererPacingAndThreads(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 7)
	enqueue(t, st, clk.Now(), chanA, "article:2", "update", 7)
	enqueue(t, st, clk.Now(), chanA, "article:3", "new_story", 8)
	p := &recPoster{clk: clk}
	dl := newDeliverer(st, clk, p)
	if n, err := dl.Step(ctx); err != nil || n != 3 {
		t.Fatalf("Step = %d, %v", n, err)
	}
	if len(p.posts) != 3 {
		t.Fatalf("posts = %+v", p.posts)
	}
	for i := 1; i < len(p.posts); i++ {
		if gap := p.posts[i].at.Sub(p.posts[i-1].at); gap < time.Second {
			t.Errorf("posts %d and %d %v apart, want ≥ 1s", i-1, i, gap)
		}
	}
	if p.posts[1].thread != "ts-1" {
		t.Errorf("update thread = %q, want ts-1", p.posts[1].thread)
	}
	ds, _ := st.Deliveries(ctx, chanA)
	for _, d := range ds {
		if d.State != strike.DeliverySent || d.PlatformID == "" {
			t.Errorf("delivery %s = %s %q", d.Key, d.State, d.PlatformID)
		}
	}
}

func TestDelivererRateLimitPausesOneDestination(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 1)
	enqueue(t, st, clk.Now(), chanB, "article:1", "new_story", 1)
	p := &recPoster{clk: clk, fail: map[string]error{"CA": &bot.RateLimitError{RetryAfter: 30 * time.Second}}}
	dl := newDeliverer(st, clk, p)
	start := clk.Now()
	dl.Step(ctx)
	if p.count("CB") != 1 || p.count("CA") != 0 {
		t.Fatalf("posts = %+v", p.posts)
	}
	ds, _ := st.Deliveries(ctx, chanA)
	if ds[0].State != strike.DeliveryPending || ds[0].NextAttempt.Before(start.Add(30*time.Second)) {
		t.Errorf("rate-limited delivery = %s due %v", ds[0].State, ds[0].NextAttempt)
	}
	// Nothing is due before Retry-After; after it, it goes out.
	delete(p.fail, "CA")
	if n, _ := dl.Step(ctx); n != 0 {
		t.Errorf("claimed %d before Retry-After", n)
	}
	clk.Add(31 * time.Second)
	dl.Step(ctx)
	if p.count("CA") != 1 {
		t.Errorf("after Retry-After: %+v", p.posts)
	}
}

func TestDelivererPermanentError(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	for _, d := range []strike.Destination{chanA, opsChan} {
		if err := st.SaveSubscription(ctx, strike.Subscription{Destination: d, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
	}
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 1)
	enqueue(t, st, clk.Now(), chanA, "article:2", "new_story", 2)
	p := &recPoster{clk: clk, fail: map[string]error{"CA": fmt.Errorf("slack: %w: channel_not_found", bot.ErrPermanent)}}
	dl := newDeliverer(st, clk, p)
	dl.Step(ctx)
	ds, _ := st.Deliveries(ctx, chanA)
	for _, d := range ds {
		if d.State != strike.DeliveryFailed {
			t.Errorf("%s = %s, want failed", d.Key, d.State)
		}
	}
	subs, _ := st.Subscriptions(ctx, "kp")
	for _, s := range subs {
		if s.Destination == chanA && !strings.Contains(s.Broken, "channel_not_found") {
			t.Errorf("subscription Broken = %q", s.Broken)
		}
	}
	ops, _ := st.Deliveries(ctx, opsChan)
	// The notice says it plainly; the error itself is in the log.
	if len(ops) != 1 || ops[0].Kind != "ops" || !strings.Contains(string(ops[0].Payload), "Posts to slack/T1/CA stopped: the platform refuses them for good.") ||
		strings.Contains(string(ops[0].Payload), "permanent delivery error") {
		t.Fatalf("ops notices = %+v", ops)
	}
	clk.Add(time.Hour)
	dl.Step(ctx) // the ops notice goes out; nothing is tried again in CA
	if p.count("COPS") != 1 || p.count("CA") != 0 {
		t.Errorf("posts = %+v", p.posts)
	}
}

func TestDelivererBackoff(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 1)
	p := &recPoster{clk: clk, fail: map[string]error{"CA": errors.New("connection refused")}}
	dl := newDeliverer(st, clk, p)
	dl.RetryBase, dl.RetryMax = 10*time.Second, time.Minute
	var waits []time.Duration
	for range 5 {
		before := clk.Now()
		dl.Step(ctx)
		ds, _ := st.Deliveries(ctx, chanA)
		w := ds[0].NextAttempt.Sub(before)
		waits = append(waits, w)
		clk.Add(w)
	}
	// Half of each wait is jitter (0 here): 5s, 10s, 20s, 30s, 30s.
	want := []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second, 30 * time.Second, 30 * time.Second}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits = %v, want %v", waits, want)
	}
	delete(p.fail, "CA") // the platform is back: delivered once
	dl.Step(ctx)
	if p.count("CA") != 1 {
		t.Errorf("posts = %+v", p.posts)
	}
}

// TestDelivererLeaseExpiry: a worker claims a row and dies; once the lease
// runs out another worker delivers it, once.
func TestDelivererLeaseExpiry(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 1)
	if ds, err := st.ClaimDeliveries(ctx, clk.Now(), 10, 2*time.Minute); err != nil || len(ds) != 1 {
		t.Fatalf("claim = %v, %v", ds, err) // the worker that dies
	}
	p := &recPoster{clk: clk}
	dl := newDeliverer(st, clk, p)
	if n, _ := dl.Step(ctx); n != 0 {
		t.Errorf("claimed %d rows still leased", n)
	}
	clk.Add(3 * time.Minute)
	dl.Step(ctx)
	dl.Step(ctx)
	if p.count("CA") != 1 {
		t.Errorf("posts = %+v, want one", p.posts)
	}
}

func BenchmarkDeliveryBookkeeping(b *testing.B) {
	ctx := context.Background()
	st := openStore(b)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	p := &recPoster{clk: clk}
	dl := newDeliverer(st, clk, p)
	i := 0
	for b.Loop() {
		i++
		enqueue(b, st, clk.Now(), chanA, fmt.Sprintf("article:%d", i), "new_story", int64(i))
		clk.Add(time.Second)
		if n, err := dl.Step(ctx); err != nil || n != 1 {
			b.Fatalf("Step = %d, %v", n, err)
		}
	}
}

// TestDelivererKeepsChannelOrderThroughAnOutage: while the first post of a
// channel keeps failing, the ones after it wait; when the platform is back
// they go out in the order they were queued, each once.
func TestDelivererKeepsChannelOrderThroughAnOutage(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 28, 18, 0, 0, 0, time.UTC))
	for i := 1; i <= 4; i++ {
		enqueue(t, st, clk.Now(), chanA, fmt.Sprintf("article:%d", i), "new_story", int64(i))
	}
	p := &recPoster{clk: clk, fail: map[string]error{"CA": errors.New("503 Service Unavailable")}}
	dl := newDeliverer(st, clk, p)
	dl.RetryBase, dl.RetryMax = time.Second, 4*time.Second
	for range 6 { // down for a while: several rounds of retries
		dl.Step(ctx)
		clk.Add(5 * time.Second)
	}
	if n := p.count("CA"); n != 0 {
		t.Fatalf("%d posts while the platform was down", n)
	}
	delete(p.fail, "CA")
	for range 20 {
		dl.Step(ctx)
		clk.Add(5 * time.Second)
	}
	var keys []string
	for _, x := range p.posts {
		keys = append(keys, x.key)
	}
	if got, want := strings.Join(keys, " "), "article:1 article:2 article:3 article:4"; got != want {
		t.Errorf("posts = %s, want %s (in order, each once)", got, want)
	}
}

// TestDelivererPlatformOff: a platform whose token was refused stops as a
// whole. Its posts wait in the outbox, no channel is marked broken, no
// call reaches the platform while it is off, and the outcomes are counted.
func TestDelivererPlatformOff(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	if err := st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	enqueue(t, st, clk.Now(), chanA, "article:1", "new_story", 7)
	enqueue(t, st, clk.Now(), chanA, "article:2", "new_story", 8)
	platforms := &bot.Platforms{Now: clk.Now}
	p := &recPoster{clk: clk, fail: map[string]error{chanA.Channel: fmt.Errorf("slack: token_revoked: %w", bot.ErrPlatformOff)}}
	dl := newDeliverer(st, clk, p)
	dl.Platforms = platforms
	outcomes := map[string]int{}
	dl.Observe = func(platform, outcome string) { outcomes[platform+"/"+outcome]++ }

	// The first try meets the revoked token: the poster says the platform
	// is off, and (as the Slack poster does) marks it so.
	if _, err := dl.Step(ctx); err != nil {
		t.Fatal(err)
	}
	platforms.Stop("slack", "slack.bot_token was revoked")
	delete(p.fail, chanA.Channel)
	for range 5 {
		clk.Add(2 * time.Minute)
		if _, err := dl.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := p.count(chanA.Channel); n != 0 {
		t.Errorf("%d posts went out while Slack was off", n)
	}
	ds, _ := st.Deliveries(ctx, chanA)
	for _, d := range ds {
		if d.State != strike.DeliveryPending || !strings.Contains(d.LastError, "slack is off: slack.bot_token was revoked") && !strings.Contains(d.LastError, "earlier post") {
			t.Errorf("delivery %s: state %s, last error %q", d.Key, d.State, d.LastError)
		}
	}
	subs, _ := st.Subscriptions(ctx, "kp")
	if len(subs) != 1 || subs[0].Broken != "" {
		t.Errorf("subscription = %+v, want it not broken", subs)
	}
	if outcomes["slack/platform_off"] < 5 || outcomes["slack/failed"] != 0 {
		t.Errorf("outcomes = %v", outcomes)
	}
}
