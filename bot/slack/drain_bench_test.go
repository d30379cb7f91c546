package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// scaledPoster is the Slack poster with its pace scaled up, so that the
// drain benchmark runs in seconds against a fake that enforces the same
// scaled limit.
type scaledPoster struct {
	*slack.Poster
	pace rate.Limit
}

func (p scaledPoster) Pace() rate.Limit { return p.pace }

// BenchmarkDrain1000Posts queues 1,000 posts for 10 channels (one story
// after another, each to every channel, as announcements are queued) and
// drains them through the real Deliverer, SQLite outbox, Slack poster and
// fake Slack. Slack's limit of one post per second per channel is scaled
// 50× (one per 20 ms) on both sides. It reports the drain time against the
// pace limit's minimum and the 429s the fake had to send (want 0).
func BenchmarkDrain1000Posts(b *testing.B) {
	const (
		channels = 10
		posts    = 1000
		interval = 20 * time.Millisecond
	)
	fake, err := slackfake.New(slackfake.Options{Interval: interval})
	if err != nil {
		b.Fatal(err)
	}
	defer fake.Close()
	for c := range channels {
		fake.AddChannel(fmt.Sprintf("C%02d", c), true)
	}
	payload, _ := json.Marshal(bot.Post{Announcement: &bot.Announcement{
		Kind: bot.KindNewStory, Title: "Kaiser mental health workers reach tentative agreement",
		Summary: "About 2,400 workers will vote on the deal.", Source: "Harbor Test Times", URL: "https://example.org/a",
	}})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	var drains time.Duration
	var bookkeeping time.Duration
	round := 0
	for b.Loop() {
		round++
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("drain%d.db", round)))
		if err != nil {
			b.Fatal(err)
		}
		queue := make([]strike.Delivery, 0, posts)
		for i := range posts {
			queue = append(queue, strike.Delivery{
				Destination: strike.Destination{Platform: "slack", Workspace: fake.TeamID(), Channel: fmt.Sprintf("C%02d", i%channels)},
				Key:         fmt.Sprintf("article:%d", i/channels), CampaignID: "c", Kind: "new_story", Payload: payload,
			})
		}
		if _, err := db.Enqueue(ctx, queue); err != nil {
			b.Fatal(err)
		}
		timed := &timingStore{DB: db}
		poster := scaledPoster{slack.NewPoster(slack.PosterOptions{Token: fake.BotToken(), APIURL: fake.APIURL()}), rate.Every(interval)}
		dl := &bot.Deliverer{Store: timed, Posters: map[string]bot.Poster{"slack": poster}, Batch: 50, Idle: 5 * time.Millisecond, Logger: quiet}
		start := time.Now()
		before := len(fake.Posts())
		for len(fake.Posts())-before < posts {
			if _, err := dl.Step(ctx); err != nil {
				b.Fatal(err)
			}
		}
		drains += time.Since(start)
		bookkeeping += timed.spent()
		db.Close()
	}
	minimum := time.Duration(posts/channels-1) * interval
	b.ReportMetric(float64(drains.Milliseconds())/float64(round), "drain-ms")
	b.ReportMetric(float64(minimum.Milliseconds()), "pace-minimum-ms")
	b.ReportMetric(float64(fake.RateLimited()), "429s")
	b.ReportMetric(float64(bookkeeping.Microseconds())/float64(round*posts), "bookkeeping-µs/post")
	if fake.RateLimited() != 0 {
		b.Errorf("fake Slack sent %d 429s; the deliverer must stay within the pace", fake.RateLimited())
	}
}

// timingStore measures the time the deliverer spends in the store.
// It is called from the deliverer's per-channel goroutines.
type timingStore struct {
	*sqlite.DB
	nanos atomic.Int64
}

func (s *timingStore) addSpent(d time.Duration) { s.nanos.Add(int64(d)) }
func (s *timingStore) spent() time.Duration     { return time.Duration(s.nanos.Load()) }

func (s *timingStore) ClaimDeliveries(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]strike.Delivery, error) {
	t := time.Now()
	ds, err := s.DB.ClaimDeliveries(ctx, now, limit, lease)
	s.addSpent(time.Since(t))
	return ds, err
}

func (s *timingStore) CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error {
	t := time.Now()
	err := s.DB.CompleteDelivery(ctx, id, platformID, at)
	s.addSpent(time.Since(t))
	return err
}

func (s *timingStore) ThreadOf(ctx context.Context, d strike.Destination, storyID int64) (string, error) {
	t := time.Now()
	id, err := s.DB.ThreadOf(ctx, d, storyID)
	s.addSpent(time.Since(t))
	return id, err
}
