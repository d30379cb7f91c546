package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/store/sqlite"
)

// BenchmarkDiscordInteractionsLoad drives `/strike status` at the Discord
// interactions endpoint at 500 signed requests per second for one second
// per iteration: Ed25519 verification, the interaction's claim in the
// store, option parsing, the router, the desk and the embed renderer,
// with 10,000 articles stored in SQLite. It reports the median and 99th
// percentile latency of all requests.
func BenchmarkDiscordInteractionsLoad(b *testing.B) {
	const (
		articles = 10_000
		rps      = 500
	)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "interactions.db"))
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
	fake, err := discordfake.New(discordfake.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer fake.Close()
	router := bot.NewRouter(bot.RouterOptions{Campaign: c, Desk: d, Store: db, Workspaces: []string{"discord/" + fake.GuildID()},
		RateLimit: 600, Logger: quiet})
	rest, err := discord.NewREST(discord.RESTOptions{Token: fake.Token(), APIURL: fake.URL(), Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	edge, err := discord.New(discord.Options{Mode: "http", ApplicationID: fake.ApplicationID(), PublicKey: pub, Guilds: []string{fake.GuildID()},
		CampaignID: c.ID, Router: router, Store: db, REST: rest, Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	defer edge.Shutdown(ctx)
	srv := httptest.NewServer(edge)
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

	var (
		mu           sync.Mutex
		latencies    []time.Duration
		failures     int
		firstFailure string
	)
	send := func(payload []byte) {
		body := bytes.NewReader(payload)
		req, _ := http.NewRequest(http.MethodPost, srv.URL+discord.Path, body)
		for k, v := range discord.Sign(time.Now(), payload, priv) {
			req.Header[k] = v
		}
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := client.Do(req)
		elapsed := time.Since(start)
		ok := err == nil && resp.StatusCode == http.StatusOK
		var reply string
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			reply = string(b)
			ok = ok && strings.Contains(reply, "2,400") && strings.Contains(reply, `"type":4`)
		}
		mu.Lock()
		defer mu.Unlock()
		if !ok {
			failures++
			if failures == 1 {
				firstFailure = fmt.Sprintf("err %v, status %v, reply %q", err, status(resp), reply)
			}
			return
		}
		latencies = append(latencies, elapsed)
	}

	n := 0
	for b.Loop() {
		// Distinct users, so the per-user rate limit is not what is
		// measured; distinct interactions, so none is a replay.
		payloads := make([][]byte, rps)
		for i := range payloads {
			n++
			_, _, payloads[i] = fake.NewInteraction(discordfake.Invocation{Channel: "1045678901234567890",
				User: fmt.Sprintf("10%017d", n), UserName: "member", Subcommand: "status"})
		}
		var wg sync.WaitGroup
		tick := time.NewTicker(time.Second / rps)
		for _, p := range payloads {
			<-tick.C
			wg.Go(func() { send(p) })
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
