package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// fakeChecker answers as the lead's SSRF-guarded fetch-and-parse check
// would: a title for a feed, a readable error for anything else.
type fakeChecker struct {
	mu      sync.Mutex
	answers map[string]checkAnswer
	calls   []string
}

type checkAnswer struct {
	title string
	err   error
}

func (c *fakeChecker) Check(ctx context.Context, url string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, url)
	if _, ok := ctx.Deadline(); !ok {
		return "", errors.New("check called without a deadline")
	}
	a, ok := c.answers[url]
	if !ok {
		return "", errors.New("unexpected check of " + url)
	}
	return a.title, a.err
}

func TestRouterFeeds(t *testing.T) {
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	checker := &fakeChecker{answers: map[string]checkAnswer{
		"http://127.0.0.1/feed":          {err: errors.New("feeds: fetch http://127.0.0.1/feed: address not allowed (loopback)")},
		"https://example.net/news.html":  {err: errors.New("not a feed; try https://example.net/rss")},
		"https://example.net/rss":        {title: "Bay Ledger: Labor"},
		"https://example.com/atom.xml":   {title: "Harbor Times"},
		"https://slow.example/feed.xml":  {err: context.DeadlineExceeded},
		"https://example.com/other.rss":  {title: ""},
		"https://example.com/unused.rss": {title: "never asked"},
	}}
	var log bytes.Buffer
	r := bot.NewRouter(bot.RouterOptions{
		Campaign: campaign, Store: st, Desk: fakeDesk{}, FeedChecker: checker,
		Captains: []string{"UCAP"}, Workspaces: []string{"slack/T1"}, RateLimit: 5,
		Now: clk.Now, Logger: slog.New(slog.NewTextHandler(&log, nil)),
	})
	ctx := context.Background()

	tests := []struct {
		name, user, text string
		want             []string // substrings of the reply
		notWant          []string // in neither the reply nor the audit log
		audit            string   // outcome of the newest audit entry; "" for none
		stored           []string // URLs of the added feeds afterwards; nil: unchanged
	}{
		{name: "list refused", user: "U1", text: "feeds", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "add refused", user: "U1", text: "feeds add https://example.net/rss", want: []string{bot.NotCaptainText}, audit: "refused: not a captain", stored: []string{}},
		{name: "list configured", user: "UCAP", text: "feeds", want: []string{"Feeds of Kaiser strike", "Example feed=https://example.org/feed (in the configuration)"}, audit: "ok"},
		{name: "add no URL", user: "UCAP", text: "feeds add", want: []string{"Usage: feeds [add URL [NAME] | remove URL]", "Give the feed's link"}, audit: "usage: Give the feed's link, for example \"feeds add https://example.org/rss\"."},
		{name: "add not web", user: "UCAP", text: "feeds add ftp://example.net/rss", want: []string{"is not a web link"}},
		{name: "add not a link", user: "UCAP", text: "feeds add example", want: []string{"is not a web link"}},
		{name: "add with password", user: "UCAP", text: "feeds add https://ana:hunter2@example.net/rss", want: []string{"go in the configuration, not in chat"}, notWant: []string{"hunter2", "ana:"}},
		{name: "add configured", user: "UCAP", text: "feeds add HTTPS://Example.ORG/feed#top", want: []string{"already in the configuration"}, audit: "refused: configured"},
		{name: "add loopback", user: "UCAP", text: "feeds add http://127.0.0.1/feed", want: []string{"Feed not added", "address not allowed (loopback)"}, audit: "refused: check failed: feeds: fetch http://127.0.0.1/feed: address not allowed (loopback)"},
		{name: "add web page", user: "UCAP", text: "feeds add https://example.net/news.html", want: []string{"not a feed; try https://example.net/rss"}, audit: "refused: check failed: not a feed; try https://example.net/rss", stored: []string{}},
		{name: "add slow", user: "UCAP", text: "feeds add https://slow.example/feed.xml", want: []string{"did not answer within 30s"}},
		{name: "add", user: "UCAP", text: "feeds add <https://example.net/rss|example.net/rss> Bay Ledger", want: []string{"Feed added", "Bay Ledger (https://example.net/rss) is now one of Kaiser strike's feeds", "polled within a minute"}, audit: "ok: added", stored: []string{"https://example.net/rss"}},
		{name: "add again", user: "UCAP", text: "feeds add https://example.net/rss", want: []string{"already added by UCAP on 2025-04-20"}, audit: "refused: already added"},
		{name: "add titled", user: "UCAP", text: "feeds add https://example.com/atom.xml", want: []string{"Harbor Times (https://example.com/atom.xml)"}, audit: "ok: added", stored: []string{"https://example.net/rss", "https://example.com/atom.xml"}},
		{name: "add untitled", user: "UCAP", text: "feeds add https://example.com/other.rss", want: []string{"The feed (https://example.com/other.rss)"}, stored: []string{"https://example.net/rss", "https://example.com/atom.xml", "https://example.com/other.rss"}},
		{name: "list all", user: "UCAP", text: "feeds", want: []string{
			"Example feed=https://example.org/feed (in the configuration)",
			"Bay Ledger=https://example.net/rss (added from chat by UCAP on 2025-04-20)",
			"example.com=https://example.com/atom.xml (added from chat by UCAP",
		}, audit: "ok"},
		{name: "sources lists added", user: "U1", text: "sources", want: []string{"Example feed=not polled yet", "Bay Ledger=not polled yet", "example.com=not polled yet"}},
		{name: "remove configured", user: "UCAP", text: "feeds remove https://example.org/feed", want: []string{"in the configuration (campaigns[].feeds)"}, audit: "refused: configured"},
		{name: "remove unknown", user: "UCAP", text: "feeds remove https://example.net/nope", want: []string{"No feed of that link was added from chat"}, audit: "refused: not added"},
		{name: "remove two", user: "UCAP", text: "feeds remove https://example.net/rss https://example.com/atom.xml", want: []string{"Give one feed link"}},
		{name: "remove refused", user: "U1", text: "feeds remove https://example.net/rss", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "remove", user: "UCAP", text: "feeds remove <https://EXAMPLE.net/rss>", want: []string{"Feed removed", "stops being polled within a minute"}, audit: "ok: removed", stored: []string{"https://example.com/atom.xml", "https://example.com/other.rss"}},
		{name: "unknown subcommand", user: "UCAP", text: "feeds purge", want: []string{"Write \"feeds\", \"feeds add URL [NAME]\" or \"feeds remove URL\"."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk.Add(time.Minute) // keep clear of the rate limit
			rep := r.Handle(ctx, req(tt.user, tt.text))
			got := text(rep)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("reply to %q:\n%s\nwant it to contain %q", tt.text, got, w)
				}
			}
			if rep.Public {
				t.Errorf("reply to %q is public, want private", tt.text)
			}
			es, err := st.Audit(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if tt.audit != "" {
				if len(es) == 0 || es[0].Outcome != tt.audit || es[0].User != tt.user {
					t.Errorf("newest audit entry = %+v, want outcome %q by %s", es, tt.audit, tt.user)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(got, nw) || (len(es) > 0 && strings.Contains(es[0].Command+es[0].Outcome, nw)) {
					t.Errorf("%q leaked into the reply or audit log: %q / %+v", nw, got, es)
				}
			}
			if tt.stored != nil {
				fs, err := st.Feeds(ctx, campaign.ID)
				if err != nil {
					t.Fatal(err)
				}
				var urls []string
				for _, f := range fs {
					urls = append(urls, f.URL)
				}
				if !slices.Equal(urls, tt.stored) && !(len(urls) == 0 && len(tt.stored) == 0) {
					t.Errorf("added feeds = %q, want %q", urls, tt.stored)
				}
			}
		})
	}

	// The check runs only for links that pass the cheap checks first.
	want := []string{"http://127.0.0.1/feed", "https://example.net/news.html", "https://slow.example/feed.xml",
		"https://example.net/rss", "https://example.com/atom.xml", "https://example.com/other.rss"}
	if !slices.Equal(checker.calls, want) {
		t.Errorf("checked %q\nwant %q", checker.calls, want)
	}
}

// TestRouterFeedsStoredName checks what AddFeed receives: the captain's
// name for the feed, who added it and when.
func TestRouterFeedsStoredName(t *testing.T) {
	st := openStore(t)
	clk := newClock(time.Date(2025, 3, 10, 9, 30, 0, 0, time.UTC))
	r := bot.NewRouter(bot.RouterOptions{
		Campaign: campaign, Store: st, Desk: fakeDesk{},
		FeedChecker: &fakeChecker{answers: map[string]checkAnswer{"https://example.net/rss": {title: "Bay Ledger: Labor"}}},
		Captains:    []string{"UCAP"}, Workspaces: []string{"slack/T1"}, Now: clk.Now,
	})
	rq := req("UCAP", "feeds add https://example.net/rss Bay Ledger labor desk")
	rq.UserName = "ana"
	if got := text(r.Handle(context.Background(), rq)); !strings.Contains(got, "Feed added") {
		t.Fatalf("reply = %q", got)
	}
	fs, err := st.Feeds(context.Background(), campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []strike.FeedSource{{URL: "https://example.net/rss", Name: "Bay Ledger labor desk", AddedBy: "ana", AddedAt: clk.Now()}}
	if !slices.Equal(fs, want) {
		t.Errorf("Feeds = %+v, want %+v", fs, want)
	}
}
