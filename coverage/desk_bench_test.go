package coverage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// benchStoryText writes the text of synthetic story k: strike words every
// story shares, and words of its own, so that stories stay apart and an
// article copying one joins it.
func benchStoryText(k int) (title, text string) {
	r := rand.New(rand.NewPCG(uint64(k), 99))
	word := func() string {
		b := make([]byte, 5+r.IntN(5))
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return string(b)
	}
	var own []string
	for range 40 {
		own = append(own, word())
	}
	title = fmt.Sprintf("Kaiser therapists and the %s %s rally over %s", own[0], own[1], own[2])
	var sb strings.Builder
	for p := range 6 {
		fmt.Fprintf(&sb, "Kaiser Permanente mental health workers represented by NUHW said the %s and %s of the %s %s weighed on patients in Los Angeles. ",
			own[(p*5)%40], own[(p*5+1)%40], own[(p*5+2)%40], own[(p*5+3)%40])
		fmt.Fprintf(&sb, "The union said %s talks on %s stalled while Kaiser said clinics stayed open.\n\n", own[(p*5+4)%40], own[(p*7)%40])
	}
	return title, sb.String()
}

// BenchmarkDeskArticle measures the desk's cost of one article that joins
// a story of 10, 100 or 1,000 members (a copy from one more outlet), on
// SQLite: clustering, recording, the story's update and the event. The
// cost must not grow with the story: a story keeps bounded state, so its
// thousandth article reads no more than its tenth. Each size starts from
// 1,000 stored articles (100 stories of 10, 10 of 100, one of 1,000) and
// the articles measured go round the stories, so they grow by a tenth at
// most.
func BenchmarkDeskArticle(b *testing.B) {
	sizes := []int{10, 100, 1000}
	if testing.Short() {
		sizes = []int{10, 100}
	}
	c := config.Default().Campaigns()[0]
	for _, size := range sizes {
		b.Run(fmt.Sprintf("story-%d", size), func(b *testing.B) {
			ctx := context.Background()
			db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{})
			if err != nil {
				b.Fatal(err)
			}
			stories := 1000 / size
			t0 := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
			n := 0
			mk := func(k int) strike.Article {
				n++
				title, text := benchStoryText(k)
				at := t0.Add(time.Duration(k)*7*24*time.Hour + time.Duration(n)*time.Second)
				return strike.Article{CampaignID: c.ID, Feed: "bench", Key: fmt.Sprintf("a%d", n), URL: fmt.Sprintf("https://x.example/%d", n),
					Source: fmt.Sprintf("Outlet %d", n), Title: title, Text: text, Published: at, FirstSeen: at,
					Relevance: strike.Relevance{Tier: strike.TierCore}}
			}
			var batch []strike.Article
			for k := range stories {
				for range size {
					batch = append(batch, mk(k))
				}
			}
			stored, err := db.SavePoll(ctx, strike.FeedState{URL: "bench", CampaignID: c.ID}, batch)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := d.Process(ctx, stored); err != nil {
				b.Fatal(err)
			}
			if got, err := db.Stories(ctx, strike.StoryFilter{CampaignID: c.ID, MaxArticles: -1}); err != nil || len(got) != stories {
				b.Fatalf("set-up made %d stories (%v), want %d", len(got), err, stories)
			}
			i := 0
			for b.Loop() {
				a := mk(i % stories)
				b.StopTimer()
				s, err := db.SavePoll(ctx, strike.FeedState{URL: "bench", CampaignID: c.ID}, []strike.Article{a})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				evs, err := d.Process(ctx, s)
				if err != nil || len(evs) != 1 || evs[0].Kind != coverage.EventNewOutlet {
					b.Fatalf("Process = %+v, %v; want one new outlet", evs, err)
				}
				i++
			}
		})
	}
}
