package coverage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// storeScale stores the synthetic corpus as a campaign's history: every
// article in a story of ten, with its fingerprint, processed, as a desk
// would have left them. It returns the store and the campaign.
func storeScale(b *testing.B, corpus *synthCorpus) (*sqlite.DB, strike.Campaign) {
	b.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "scale.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	c := config.Default().Campaigns()[0]
	const chunk = 1000
	for from := 0; from < len(corpus.articles); from += chunk {
		to := min(from+chunk, len(corpus.articles))
		batch := make([]strike.Article, 0, to-from)
		for _, a := range corpus.articles[from:to] {
			x := *a
			x.ID, x.CampaignID, x.Feed, x.Key = 0, c.ID, "synthetic", fmt.Sprintf("k%d", a.ID)
			x.URL, x.Source, x.FirstSeen = fmt.Sprintf("https://x.example/%d", a.ID), fmt.Sprintf("Outlet %d", a.ID%97), a.Published
			batch = append(batch, x)
		}
		stored, err := db.SavePoll(ctx, strike.FeedState{URL: "synthetic", CampaignID: c.ID}, batch)
		if err != nil {
			b.Fatal(err)
		}
		var cs []strike.ArticleCoverage
		var ids []int64
		var story int64
		for i, a := range stored {
			if i%10 == 0 {
				if story, err = db.SaveStory(ctx, strike.Story{CampaignID: c.ID, Title: a.Title, Tier: strike.TierCore, FirstSeen: a.Published, Members: 10}); err != nil {
					b.Fatal(err)
				}
			}
			fp, _ := coverage.Fingerprint{Sig: corpus.sigs[from+i]}.MarshalBinary()
			cs = append(cs, strike.ArticleCoverage{ArticleID: a.ID, StoryID: story, Signature: fp})
			ids = append(ids, a.ID)
		}
		if err := db.SaveCoverage(ctx, cs, nil); err != nil {
			b.Fatal(err)
		}
		if err := db.MarkProcessed(ctx, ids); err != nil {
			b.Fatal(err)
		}
	}
	return db, c
}

// BenchmarkDeskShared100k measures a desk on a store of 100,000 articles
// (spread over a year, in stories of ten): its start-up (NewDesk: nothing
// is read until an article needs it; sub-benchmark startup), and the whole handling of one new
// article through the shared view: the campaign's lock, catching up with
// other processes, reading the members near it from the store the first
// time, clustering, saving and marking it.
func BenchmarkDeskShared100k(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 2_000
	}
	corpus := newSynthCorpus(n, 365*24*time.Hour, 1)
	queries := newSynthCorpus(1000, time.Hour, 3)
	db, c := storeScale(b, corpus)
	ctx := context.Background()

	// startup: a process opening its desk on the store, before its
	// first poll.
	b.Run("startup", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{})
	if err != nil {
		b.Fatal(err)
	}

	// live: news as it comes, one article every two minutes from now on;
	// backfill: a feed's history read back in time, a day further back
	// with each article, so each reads a day of members from the store.
	for _, tc := range []struct {
		name string
		at   func(i int) time.Time
	}{
		{"live", func(i int) time.Time { return day0.Add(time.Duration(i) * 2 * time.Minute) }},
		{"backfill", func(i int) time.Time { return day0.Add(-time.Duration(i%365) * 24 * time.Hour) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				b.StopTimer()
				q := *queries.articles[i%len(queries.articles)]
				q.ID, q.CampaignID, q.Feed, q.Key = 0, c.ID, "new", fmt.Sprintf("%s%d", tc.name, i)
				q.URL, q.Source = fmt.Sprintf("https://new.example/%s/%d", tc.name, i), "New Outlet"
				q.Published = tc.at(i)
				q.FirstSeen = q.Published
				stored, err := db.SavePoll(ctx, strike.FeedState{URL: "new", CampaignID: c.ID}, []strike.Article{q})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := d.Process(ctx, stored); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
