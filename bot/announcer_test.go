package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

func event(kind coverage.EventKind, articleID, storyID int64, tier strike.Tier) coverage.StoryEvent {
	return coverage.StoryEvent{Kind: kind,
		Story:   strike.Story{ID: storyID, CampaignID: "kp", Title: "story", Tier: tier},
		Article: strike.Article{ID: articleID, CampaignID: "kp", Title: "a", Source: "Harbor Times", URL: "https://example.org/a", Facts: strike.Facts{Phase: "mediation"}}}
}

func TestAnnouncerRules(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC)) // 08:00 in Los Angeles
	for _, s := range []strike.Subscription{
		{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore, DigestAt: "09:30", TimeZone: "America/Los_Angeles"},
		{Destination: chanB, CampaignID: "kp", Mode: strike.ModeAll, TimeZone: "UTC", QuietStart: "22:00", QuietEnd: "07:00"},
	} {
		if err := st.SaveSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	a := &bot.Announcer{Store: st, FloodThreshold: 2, Now: clk.Now}
	kinds := func(d strike.Destination) map[string]string {
		ds, err := st.Deliveries(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		m := make(map[string]string)
		for _, x := range ds {
			m[x.Key] = x.Kind + "/" + string(x.State)
		}
		return m
	}
	must := func(ev coverage.StoryEvent) {
		t.Helper()
		if _, err := a.Announce(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	must(event(coverage.EventNewStory, 1, 10, strike.TierCore))
	must(event(coverage.EventNewStory, 1, 10, strike.TierCore)) // reprocessed: nothing new
	must(event(coverage.EventNewStory, 2, 11, strike.TierRelated))
	must(event(coverage.EventNewOutlet, 3, 10, strike.TierCore))
	must(event(coverage.EventNewStory, 4, 12, strike.TierCore)) // chanB: 3rd story in the hour → flood
	must(event(coverage.EventPhaseChange, 5, 13, strike.TierCore))

	gotA, gotB := kinds(chanA), kinds(chanB)
	wantA := map[string]string{"article:1": "new_story/pending", "article:2": "held_digest/pending", "article:3": "update/pending",
		"article:4": "new_story/pending", "article:5": "phase_change/pending"}
	wantB := map[string]string{"article:1": "new_story/pending", "article:2": "new_story/pending", "article:3": "update/pending",
		"article:4": "held_flood/pending", "article:5": "phase_change/pending"}
	for k, w := range wantA {
		if gotA[k] != w {
			t.Errorf("chanA %s = %q, want %q", k, gotA[k], w)
		}
	}
	for k, w := range wantB {
		if gotB[k] != w {
			t.Errorf("chanB %s = %q, want %q", k, gotB[k], w)
		}
	}
	if len(gotA) != len(wantA) || len(gotB) != len(wantB) {
		t.Errorf("got %v and %v", gotA, gotB)
	}

	// 09:00 LA: no daily digest (09:30) yet; 16:00 UTC: the 15h flood digest is due.
	clk.Add(time.Hour)
	if err := a.Digests(ctx); err != nil {
		t.Fatal(err)
	}
	if gotB = kinds(chanB); gotB["digest:flood:2025-04-20T15"] != "digest/pending" || gotB["article:4"] != "held_flood/sent" {
		t.Errorf("after the flood hour: %v", gotB)
	}
	if gotA = kinds(chanA); gotA["article:2"] != "held_digest/pending" {
		t.Errorf("daily digest sent early: %v", gotA)
	}
	clk.Add(time.Hour) // 10:00 LA
	for range 2 {      // twice: nothing doubles
		if err := a.Digests(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if gotA = kinds(chanA); gotA["digest:2025-04-20"] != "digest/pending" || gotA["article:2"] != "held_digest/sent" {
		t.Errorf("after 09:30 LA: %v", gotA)
	}
}

func TestAnnouncerQuietHours(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		now         time.Time
		start, end  string
		tz          string
		wantHoldTil time.Time // zero: not held
	}{
		{"outside", time.Date(2025, 4, 20, 12, 0, 0, 0, time.UTC), "22:00", "07:00", "UTC", time.Time{}},
		{"before midnight", time.Date(2025, 4, 20, 23, 0, 0, 0, time.UTC), "22:00", "07:00", "UTC", time.Date(2025, 4, 21, 7, 0, 0, 0, time.UTC)},
		{"after midnight", time.Date(2025, 4, 21, 3, 0, 0, 0, time.UTC), "22:00", "07:00", "UTC", time.Date(2025, 4, 21, 7, 0, 0, 0, time.UTC)},
		{"same day span", time.Date(2025, 4, 20, 13, 0, 0, 0, time.UTC), "12:00", "14:00", "UTC", time.Date(2025, 4, 20, 14, 0, 0, 0, time.UTC)},
		// 06:00 UTC is 23:00 the day before in Los Angeles (PDT, UTC-7).
		{"time zone", time.Date(2025, 4, 21, 6, 0, 0, 0, time.UTC), "22:00", "07:00", "America/Los_Angeles", time.Date(2025, 4, 21, 14, 0, 0, 0, time.UTC)},
		{"time zone outside", time.Date(2025, 4, 21, 16, 0, 0, 0, time.UTC), "22:00", "07:00", "America/Los_Angeles", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			if err := st.SaveSubscription(ctx, strike.Subscription{Destination: chanA, CampaignID: "kp", Mode: strike.ModeCore,
				TimeZone: tt.tz, QuietStart: tt.start, QuietEnd: tt.end}); err != nil {
				t.Fatal(err)
			}
			a := &bot.Announcer{Store: st, Now: func() time.Time { return tt.now }}
			ds, err := a.Announce(ctx, event(coverage.EventNewStory, 1, 1, strike.TierCore))
			if err != nil || len(ds) != 1 {
				t.Fatalf("Announce = %v, %v", ds, err)
			}
			want := tt.wantHoldTil
			if want.IsZero() {
				want = tt.now
			}
			if !ds[0].NextAttempt.Equal(want) {
				t.Errorf("NextAttempt = %v, want %v", ds[0].NextAttempt.UTC(), want)
			}
			// A phase change is urgent: never held.
			ds, _ = a.Announce(ctx, event(coverage.EventPhaseChange, 2, 2, strike.TierCore))
			if len(ds) != 1 || !ds[0].Urgent || !ds[0].NextAttempt.Equal(tt.now) {
				t.Errorf("phase change = %+v", ds)
			}
		})
	}
}
