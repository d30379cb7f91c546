package feeds_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/strike"
)

// bytesFetcher serves one body for every URL: the ingest path without a network.
type bytesFetcher []byte

func (b bytesFetcher) Get(context.Context, fetch.Request) (*fetch.Response, error) {
	return &fetch.Response{StatusCode: 200, Body: b, ContentType: "application/rss+xml"}, nil
}

// kaiserClassifier is the shipped Kaiser profile's scorer, as the bot runs it.
func kaiserClassifier(tb testing.TB) func(string, *strike.Article) {
	tb.Helper()
	s, err := coverage.NewScorer(config.Default().Campaigns()[0].Relevance)
	if err != nil {
		tb.Fatal(err)
	}
	return func(_ string, a *strike.Article) { a.Relevance = s.Score(a) }
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// BenchmarkIngest100 is the whole ingest path without network for a
// 100-item feed: parse, normalize, known-key lookup, relevance scoring and
// the SQLite insert of 100 new articles with the feed's state. Compare its
// time with BenchmarkGofeedParse100 (bare gofeed on the same bytes).
func BenchmarkIngest100(b *testing.B) {
	body := feeds.SampleFeed(100)
	st := openStore(b, filepath.Join(b.TempDir(), "bench.db"))
	p := &feeds.Poller{Store: st, Fetch: bytesFetcher(body), Classify: kaiserClassifier(b), Logger: quiet}
	ctx := context.Background()
	n := 0
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		n++
		// A feed and campaign of their own each time, so all 100 articles are new.
		c := strconv.Itoa(n)
		r := p.Poll(ctx, feeds.Feed{URL: "https://news.example.com/labor/rss.xml?c=" + c, CampaignID: "c" + c})
		if r.Err != nil || len(r.New) != 100 {
			b.Fatalf("poll: %d new, err %v", len(r.New), r.Err)
		}
	}
	b.ReportMetric(float64(100*n)/b.Elapsed().Seconds(), "items/s")
}

// feedFarm serves feeds /f/0 … /f/n-1 from one server, each a 20-item feed
// with links of its own, with ETag validators. Bodies are built per request
// so that the server holds no memory of its own in the measured process.
type feedFarm struct {
	base []byte
	n    int
}

func newFeedFarm(n int) *feedFarm { return &feedFarm{base: feeds.SampleFeed(20), n: n} }

func (f *feedFarm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
	if err != nil || i < 0 || i >= f.n {
		http.NotFound(w, r)
		return
	}
	etag := `"farm-` + strconv.Itoa(i) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(bytes.ReplaceAll(f.base, []byte("news.example.com/labor/strike-day-"), fmt.Appendf(nil, "news.example.com/f%d/strike-day-", i)))
}

// BenchmarkPoll1000Feeds polls 1,000 feeds served by one fake server on
// 127.0.0.1 into SQLite: "first" is a cycle where every feed is new (20
// items each, all stored and classified), "second" a cycle where every
// feed answers 304. Reports the peak RSS of the process (VmHWM).
func BenchmarkPoll1000Feeds(b *testing.B) {
	const n = 1000
	farm := newFeedFarm(n)
	srv := httptest.NewServer(farm)
	defer srv.Close()
	cls := kaiserClassifier(b)
	newPoller := func(st feeds.Store) *feeds.Poller {
		return &feeds.Poller{
			Store: st, Classify: cls, Logger: quiet, Concurrency: 8, // the configured default
			Fetch: fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second}),
		}
	}
	list := func(campaign string) []feeds.Feed {
		out := make([]feeds.Feed, n)
		for i := range out {
			out[i] = feeds.Feed{URL: fmt.Sprintf("%s/f/%d?c=%s", srv.URL, i, campaign), CampaignID: campaign}
		}
		return out
	}
	check := func(b *testing.B, rs []feeds.Result, wantNew int, want304 bool) {
		for _, r := range rs {
			if r.Err != nil || len(r.New) != wantNew || r.NotModified != want304 {
				b.Fatalf("%s: new %d, not modified %v, err %v", r.Feed.URL, len(r.New), r.NotModified, r.Err)
			}
		}
	}
	ctx := context.Background()

	b.Run("first", func(b *testing.B) {
		p := newPoller(openStore(b, filepath.Join(b.TempDir(), "first.db")))
		c := 0
		for b.Loop() {
			c++
			check(b, p.PollAll(ctx, list("c"+strconv.Itoa(c))), 20, false)
		}
		b.ReportMetric(float64(n*c)/b.Elapsed().Seconds(), "feeds/s")
		reportPeakRSS(b)
	})
	b.Run("second", func(b *testing.B) {
		p := newPoller(openStore(b, filepath.Join(b.TempDir(), "second.db")))
		feedList := list("warm")
		check(b, p.PollAll(ctx, feedList), 20, false)
		for b.Loop() {
			check(b, p.PollAll(ctx, feedList), 0, true)
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "feeds/s")
		reportPeakRSS(b)
	})
}

// reportPeakRSS reports the process's peak resident set size in MB, read
// from /proc (Linux only; nothing is reported elsewhere).
func reportPeakRSS(b *testing.B) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "go-sys-MB")
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err == nil {
				b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
			}
		}
	}
}
