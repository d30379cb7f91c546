package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// BenchmarkSlashStatusLoad drives `/strike status` over HTTP at 500
// requests per second for one second per iteration, against the real
// Slack handler (signature check, parsing), router, desk and renderer, with
// 10,000 articles stored in SQLite. It reports the median and 99th
// percentile latency of all requests.
func BenchmarkSlashStatusLoad(b *testing.B) {
	const (
		articles = 10_000
		rps      = 500
		secret   = "bench-signing-secret"
		team     = "T0BENCH"
	)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "slash.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	cfg := config.Default()
	c := cfg.Campaigns()[0]
	storeArticles(b, db, c.ID, articles)

	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{})
	if err != nil {
		b.Fatal(err)
	}
	router := bot.NewRouter(bot.RouterOptions{Campaign: c, Desk: d, Store: db, Workspaces: []string{"slack/" + team},
		RateLimit: 600, Logger: quiet})
	h := slack.NewHandler(slack.HandlerOptions{SigningSecret: secret, Teams: []string{team}, Router: router, Logger: quiet})
	defer h.Shutdown(ctx)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  int
		// firstFailure describes the first failed request.
		firstFailure string
	)
	send := func(i int) {
		// Distinct users, so the per-user rate limit is not what is measured.
		form := url.Values{"command": {"/strike"}, "text": {"status"}, "team_id": {team},
			"channel_id": {"C0PICKET"}, "user_id": {fmt.Sprintf("U%06d", i)}, "user_name": {"captain"},
			"response_url": {srv.URL + "/unused"}, "trigger_id": {fmt.Sprint(i)}}
		body := form.Encode()
		req, _ := http.NewRequest("POST", srv.URL+"/slack/commands", strings.NewReader(body))
		for k, v := range slack.Sign(time.Now(), []byte(body), secret) {
			req.Header[k] = v
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		start := time.Now()
		resp, err := client.Do(req)
		elapsed := time.Since(start)
		ok := err == nil && resp.StatusCode == http.StatusOK
		var lastReply string
		if err == nil {
			reply, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			lastReply = string(reply)
			ok = ok && strings.Contains(lastReply, "2,400")
		}
		mu.Lock()
		defer mu.Unlock()
		if !ok {
			failures++
			if failures == 1 {
				firstFailure = fmt.Sprintf("err %v, status %v, reply %q", err, status(resp), lastReply)
			}
			return
		}
		latencies = append(latencies, elapsed)
	}

	n := 0
	for b.Loop() {
		var wg sync.WaitGroup
		tick := time.NewTicker(time.Second / rps)
		for range rps {
			<-tick.C
			n++
			i := n
			wg.Go(func() { send(i) })
		}
		tick.Stop()
		wg.Wait()
	}
	if failures > 0 {
		b.Fatalf("%d of %d requests failed or lacked the status card; first: %s", failures, n, firstFailure)
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	b.ReportMetric(float64(pct(0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(latencies)), "requests")
}

// storeArticles stores n core articles of the campaign, written from the
// demo corpus with their labeled facts, spread over a year, as already
// processed coverage.
func storeArticles(tb testing.TB, db *sqlite.DB, campaign string, n int) {
	tb.Helper()
	ctx := context.Background()
	docs, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	var core []demo.Doc
	for _, d := range docs {
		if d.Tier == strike.TierCore {
			core = append(core, d)
		}
	}
	start := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)
	var batch []strike.Article
	var ids []int64
	flush := func() {
		stored, err := db.SavePoll(ctx, strike.FeedState{URL: "bench:feed", CampaignID: campaign}, batch)
		if err != nil {
			tb.Fatal(err)
		}
		for _, a := range stored {
			ids = append(ids, a.ID)
		}
		batch = batch[:0]
	}
	for i := range n {
		d := core[i%len(core)]
		pub := start.Add(time.Duration(i) * 52 * time.Minute)
		batch = append(batch, strike.Article{
			CampaignID: campaign, Feed: "bench:feed", Key: fmt.Sprintf("bench-%d", i), URL: fmt.Sprintf("https://bench.example/%d", i),
			Title: d.Title, Source: d.Outlet, Text: d.Body, Published: pub, FirstSeen: pub, Facts: d.Facts,
			Relevance: strike.Relevance{Tier: strike.TierCore, Score: 12},
		})
		if len(batch) == 500 {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	story, err := db.SaveStory(ctx, strike.Story{CampaignID: campaign, Title: "The strike", Tier: strike.TierCore, FirstSeen: start, Updated: start})
	if err != nil {
		tb.Fatal(err)
	}
	for i, id := range ids {
		if err := db.SetCoverage(ctx, id, story, core[i%len(core)].Facts, nil); err != nil {
			tb.Fatal(err)
		}
	}
	if err := db.MarkProcessed(ctx, ids); err != nil {
		tb.Fatal(err)
	}
}

func status(r *http.Response) string {
	if r == nil {
		return "none"
	}
	return r.Status
}
