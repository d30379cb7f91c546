package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// TestDeskQueue checks the poller's hand-off to the desks: a batch's
// strike articles go through the desk once wait returns, its other
// articles are not handed on, and a batch whose context ends while the
// queue is full is left unprocessed (for the next start) without
// blocking the poll.
func TestDeskQueue(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}()
	campaigns := config.Default().Campaigns()
	c := campaigns[0]
	var mu sync.Mutex
	handled := map[int64]bool{}
	ds, err := openDesks(ctx, config.Default(), campaigns, db, func(_ context.Context, ev coverage.StoryEvent) error {
		mu.Lock()
		defer mu.Unlock()
		handled[ev.Article.ID] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 10, 21, 15, 0, 0, 0, time.UTC)
	art := func(key, title string, tier strike.Tier) strike.Article {
		return strike.Article{CampaignID: c.ID, Feed: "https://news.example.test/rss", Key: key,
			URL: "https://news.example.test/" + key, Title: title, Source: "Harbor Times",
			Text:      title + ". About 2,400 Kaiser mental health workers represented by NUHW walked off the job.",
			Published: at, FirstSeen: at, Relevance: strike.Relevance{Tier: tier, Score: 1}}
	}
	save := func(url string, as ...strike.Article) []strike.Article {
		t.Helper()
		stored, err := db.SavePoll(ctx, strike.FeedState{URL: url, CampaignID: c.ID}, as)
		if err != nil {
			t.Fatal(err)
		}
		return stored
	}
	feed := feeds.Feed{URL: "https://news.example.test/rss", CampaignID: c.ID}

	q := newDeskQueue(ds, slog.New(slog.NewTextHandler(io.Discard, nil)))
	stored := save(feed.URL,
		art("strike", "Kaiser mental health workers strike in Southern California", strike.TierCore),
		art("weather", "Sunny weekend ahead", strike.TierNone))
	q.handle(ctx, feeds.Batch{Feed: feed, Articles: stored})
	q.wait()
	if !handled[stored[0].ID] || handled[stored[1].ID] {
		t.Fatalf("handled %v; want the strike article %d only", handled, stored[0].ID)
	}

	// Every slot taken and the poll's context ended: handle returns, and
	// the article waits in the store.
	for range cap(q.slots) {
		q.slots <- struct{}{}
	}
	late := save(feed.URL+"?2", art("rally", "Kaiser strikers rally in Los Angeles", strike.TierCore))
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	done := make(chan struct{})
	go func() {
		q.handle(cctx, feeds.Batch{Feed: feed, Articles: late})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("handle blocked on a full queue after its context ended")
	}
	q.wait()
	waiting, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Unprocessed: true, Tiers: []strike.Tier{strike.TierCore}})
	if err != nil {
		t.Fatal(err)
	}
	if len(waiting) != 1 || waiting[0].ID != late[0].ID {
		t.Errorf("unprocessed after a cancelled hand-off: %d articles, want article %d", len(waiting), late[0].ID)
	}
}
