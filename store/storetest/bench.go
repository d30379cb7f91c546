package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// BenchStories20 fills the empty store s with 1,000 stories of 5 articles
// each, then measures listing the 20 most recently updated stories of the
// campaign with their members, as a status or digest command does. A
// backend's benchmark calls it:
//
//	func BenchmarkStories20(b *testing.B) { storetest.BenchStories20(b, openEmpty(b)) }
func BenchStories20(b *testing.B, s strike.Store) {
	const stories, perStory = 1000, 5
	ctx := context.Background()
	ids := make([]int64, stories)
	for i := range ids {
		id, err := s.SaveStory(ctx, strike.Story{
			CampaignID: campaign,
			Title:      fmt.Sprintf("Kaiser strike story %d", i),
			Summary:    "About 2,400 NUHW mental health workers remain on strike. Mediation continues.",
			SummarySources: []strike.SummarySentence{
				{Text: "About 2,400 NUHW mental health workers remain on strike.", ArticleID: 1},
				{Text: "Mediation continues.", ArticleID: 2},
			},
			Tier:      strike.TierCore,
			FirstSeen: base.Add(time.Duration(i) * time.Hour),
			Updated:   base.Add(time.Duration(i)*time.Hour + 30*time.Minute),
			Facts:     strike.Facts{Phase: strike.PhaseStrike, Workers: 2400, Union: "NUHW", Evidence: map[string]string{"workers": "About 2,400"}},
		})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = id
	}
	batch := make([]strike.Article, 0, 100)
	for n := range stories * perStory {
		a := article(n)
		a.StoryID = ids[n%stories]
		batch = append(batch, a)
		if len(batch) == cap(batch) {
			if _, err := s.SavePoll(ctx, state(feedURL, n), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	f := strike.StoryFilter{CampaignID: campaign, Limit: 20}
	for b.Loop() {
		got, err := s.Stories(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 20 || len(got[19].Articles) != perStory {
			b.Fatalf("Stories returned %d stories, the last with %d articles; want 20 with %d", len(got), len(got[len(got)-1].Articles), perStory)
		}
	}
}

// BenchDeliveryBookkeeping measures what the outbox adds to one post:
// claiming one due delivery and marking it sent, as a delivery worker does
// around each call to the platform. The outbox is refilled 1,000 posts at
// a time, outside the timing, to 10 channels; sent rows stay, so claims
// run against a growing history as in production. A backend's benchmark
// calls it:
//
//	func BenchmarkDeliveryBookkeeping(b *testing.B) { storetest.BenchDeliveryBookkeeping(b, openEmpty(b), nil) }
//
// analyze, when not nil, runs after each refill of the outbox, as a
// database's statistics upkeep would (PostgreSQL's autovacuum does so
// within a minute in production; a benchmark is over before that).
func BenchDeliveryBookkeeping(b *testing.B, s strike.Store, analyze func()) {
	const refill, channels = 1000, 10
	ctx := context.Background()
	round := 0
	fill := func() {
		ds := make([]strike.Delivery, refill)
		for i := range ds {
			d := strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: fmt.Sprintf("C%02d", i%channels)}
			ds[i] = strike.Delivery{Destination: d, Key: fmt.Sprintf("story:%d:%d", round, i), CampaignID: campaign,
				StoryID: int64(i), Kind: "new_story", Payload: []byte(`{"announcement":{"title":"Kaiser strike: mediation begins"}}`),
				NextAttempt: now, CreatedAt: now}
		}
		round++
		if got, err := s.Enqueue(ctx, ds); err != nil || len(got) != refill {
			b.Fatalf("Enqueue = %d new, %v; want %d", len(got), err, refill)
		}
		if analyze != nil {
			analyze()
		}
	}
	fill()
	at := now
	for b.Loop() {
		at = at.Add(time.Millisecond)
		got, err := s.ClaimDeliveries(ctx, at, 1, time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) == 0 {
			b.StopTimer()
			fill()
			b.StartTimer()
			if got, err = s.ClaimDeliveries(ctx, at, 1, time.Minute); err != nil || len(got) != 1 {
				b.Fatalf("ClaimDeliveries after a refill = %d, %v; want 1", len(got), err)
			}
		}
		if err := s.CompleteDelivery(ctx, got[0].ID, "1741626000.000100", at); err != nil {
			b.Fatal(err)
		}
	}
}
