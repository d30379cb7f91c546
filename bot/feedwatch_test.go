package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// TestFeedWatchOncePerSpell: a feed failing for a day is reported once,
// however often the watch looks and however many replicas run it; once
// when it recovers; again for a new spell; never while paused.
func TestFeedWatchOncePerSpell(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	const url = "https://news.example.test/rss?token=s3cret"
	save := func(f strike.FeedState) {
		t.Helper()
		if err := st.SaveFeedState(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	since := clk.Now().Add(-23 * time.Hour)
	f := strike.FeedState{URL: url, CampaignID: "kp", Title: "Harbor Times", Polls: 9, Failures: 5, FailingSince: since,
		LastErrorText: "The site is having trouble right now (error 503)."}
	save(f)
	if err := st.SaveSubscription(ctx, strike.Subscription{Destination: opsChan, CampaignID: "kp", Mode: strike.ModeCore, TimeZone: "America/Los_Angeles"}); err != nil {
		t.Fatal(err)
	}
	w := &bot.FeedWatch{Store: st, Ops: opsChan, Now: clk.Now, Names: func(string) string { return "" }}
	replica := &bot.FeedWatch{Store: st, Ops: opsChan, Now: clk.Now}
	notices := func() []bot.Reply {
		t.Helper()
		ds, err := st.Deliveries(ctx, opsChan)
		if err != nil {
			t.Fatal(err)
		}
		var out []bot.Reply
		for _, d := range ds {
			var p bot.Post
			if err := json.Unmarshal(d.Payload, &p); err != nil || p.Notice == nil || d.Kind != "ops" || !d.Urgent {
				t.Fatalf("ops delivery %+v", d)
			}
			out = append(out, *p.Notice)
		}
		return out
	}
	check := func() {
		t.Helper()
		for _, x := range []*bot.FeedWatch{w, replica, w} {
			if err := x.Check(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	check()
	if n := len(notices()); n != 0 {
		t.Fatalf("%d notices after 23 hours", n)
	}
	clk.Add(2 * time.Hour)
	check()
	ns := notices()
	if len(ns) != 1 || ns[0].Title != "A feed has stopped working" {
		t.Fatalf("notices after 25 hours = %+v", ns)
	}
	all := text(ns[0])
	for _, want := range []string{"Harbor Times (https://news.example.test/rss?token=xxxxx)", "since 2025-04-19 09:00 PDT", "error 503", "feeds pause"} {
		if !strings.Contains(all, want) {
			t.Errorf("notice lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "s3cret") {
		t.Errorf("the notice shows the feed's token:\n%s", all)
	}
	// It keeps failing: nothing more. Then it recovers: once.
	f.Failures = 9
	save(f)
	clk.Add(6 * time.Hour)
	check()
	f.Failures, f.FailingSince, f.LastSuccess = 0, time.Time{}, clk.Now()
	save(f)
	check()
	ns = notices()
	if len(ns) != 2 || ns[1].Title != "A feed works again" {
		t.Fatalf("notices after recovery = %+v", ns)
	}
	// A new spell, paused: nothing; resumed and still failing: reported.
	f.Failures, f.FailingSince = 1, clk.Now()
	save(f)
	if err := st.PauseFeed(ctx, url, "kp", "ana", clk.Now()); err != nil {
		t.Fatal(err)
	}
	clk.Add(48 * time.Hour)
	check()
	if n := len(notices()); n != 2 {
		t.Errorf("%d notices while paused, want 2", n)
	}
	if err := st.ResumeFeed(ctx, url); err != nil {
		t.Fatal(err)
	}
	check()
	if ns = notices(); len(ns) != 3 || ns[2].Title != "A feed has stopped working" {
		t.Errorf("notices of the new spell = %+v", ns)
	}
}

// TestFeedWatchWithoutOps: without an operations channel the log says it,
// once per spell.
func TestFeedWatchWithoutOps(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	if err := st.SaveFeedState(ctx, strike.FeedState{URL: "https://news.example.test/rss", CampaignID: "kp", Failures: 8,
		FailingSince: clk.Now().Add(-30 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	w := &bot.FeedWatch{Store: st, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(&log, nil))}
	for range 3 {
		if err := w.Check(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(log.String(), "feed failing for a day or more"); n != 1 {
		t.Errorf("logged %d times:\n%s", n, log.String())
	}
	if ds, _ := st.Deliveries(ctx, strike.Destination{}); len(ds) != 0 {
		t.Errorf("deliveries without an ops channel: %+v", ds)
	}
}
