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
	items []strike.Article
	err   error
}

func (c *fakeChecker) Check(ctx context.Context, url string) (bot.FeedPreview, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, url)
	if _, ok := ctx.Deadline(); !ok {
		return bot.FeedPreview{}, errors.New("check called without a deadline")
	}
	a, ok := c.answers[url]
	if !ok {
		return bot.FeedPreview{}, errors.New("unexpected check of " + url)
	}
	return bot.FeedPreview{Title: a.title, Items: a.items}, a.err
}

// tierScorer scores by the title's first word, to check the preview.
type tierScorer struct{ explainer }

func (tierScorer) Score(a *strike.Article) strike.Relevance {
	switch {
	case strings.HasPrefix(a.Title, "Strike"):
		return strike.Relevance{Tier: strike.TierCore}
	case strings.HasPrefix(a.Title, "Labor"):
		return strike.Relevance{Tier: strike.TierRelated}
	}
	return strike.Relevance{Tier: strike.TierNone}
}

// newsItems are a feed's items, oldest first.
func newsItems(titles ...string) []strike.Article {
	var out []strike.Article
	for i, t := range titles {
		out = append(out, strike.Article{Title: t, Published: time.Date(2025, 4, 10+i, 9, 0, 0, 0, time.UTC)})
	}
	return out
}

func TestRouterFeeds(t *testing.T) {
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	checker := &fakeChecker{answers: map[string]checkAnswer{
		"http://127.0.0.1/feed": {err: &bot.FeedError{Plain: "That address is on a private network, so the bot won't read it.",
			Err: errors.New("feeds: fetch http://127.0.0.1/feed: address not allowed (loopback; set allow_private_networks)")}},
		"https://example.net/news.html": {err: &bot.FeedError{Plain: "That is a web page, not a feed; try https://example.net/rss instead.", Err: errors.New("feeds: not a feed (HTML page)")}},
		"https://example.net/broken":    {err: errors.New("feeds: parse: XML syntax error on line 3")},
		"https://example.net/rss": {title: "Bay Ledger: Labor", items: newsItems("Garden show opens", "Labor board rules on Kaiser unit",
			"Strike enters day 3", "Bake sale", "Strike talks resume", "Strike vote set")},
		"https://example.com/atom.xml":   {title: "Harbor Times"},
		"https://slow.example/feed.xml":  {err: context.DeadlineExceeded},
		"https://example.com/other.rss":  {title: ""},
		"https://example.com/unused.rss": {title: "never asked"},
	}}
	var log bytes.Buffer
	r := bot.NewRouter(bot.RouterOptions{
		Campaign: campaign, Store: st, Desk: fakeDesk{}, FeedChecker: checker, Scorer: tierScorer{},
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
		{name: "add no URL", user: "UCAP", text: "feeds add", want: []string{"Usage: feeds [add URL [NAME] [confirm]", "Give the feed's link"}, audit: "usage: Give the feed's link, for example \"feeds add https://example.org/rss\"."},
		{name: "add not web", user: "UCAP", text: "feeds add ftp://example.net/rss", want: []string{"is not a web link"}},
		{name: "add not a link", user: "UCAP", text: "feeds add example", want: []string{"is not a web link"}},
		{name: "add with password", user: "UCAP", text: "feeds add https://ana:hunter2@example.net/rss", want: []string{"can't be added from chat"}, notWant: []string{"hunter2", "ana:"}},
		{name: "add configured", user: "UCAP", text: "feeds add HTTPS://Example.ORG/feed#top", want: []string{"already one of the campaign's"}, audit: "refused: configured"},
		{name: "add loopback", user: "UCAP", text: "feeds add http://127.0.0.1/feed", want: []string{"Feed not added", "That address is on a private network, so the bot won't read it."},
			notWant: []string{"fetch", "allow_private_networks"}, audit: "refused: check failed: That address is on a private network, so the bot won't read it."},
		{name: "add web page", user: "UCAP", text: "feeds add https://example.net/news.html", want: []string{"not a feed; try https://example.net/rss instead."}, audit: "refused: check failed: That is a web page, not a feed; try https://example.net/rss instead.", stored: []string{}},
		{name: "add broken", user: "UCAP", text: "feeds add https://example.net/broken", want: []string{bot.FeedUnreadableText}, notWant: []string{"XML syntax", "line 3"}},
		{name: "add slow", user: "UCAP", text: "feeds add https://slow.example/feed.xml", want: []string{"did not answer within 30s"}},
		{name: "preview", user: "UCAP", text: "feeds add <https://example.net/rss|example.net/rss> Bay Ledger", want: []string{
			"Preview: Bay Ledger", "The feed has 6 items",
			"Strike vote set=strike news: posted at once (2025-04-15)", "Strike talks resume=strike news", "Bake sale=not strike news: not posted",
			"Strike enters day 3=strike news", "Labor board rules on Kaiser unit=related news",
		}, notWant: []string{"Garden show"}, audit: "ok: previewed", stored: []string{}},
		{name: "add", user: "UCAP", text: "feeds add <https://example.net/rss|example.net/rss> Bay Ledger confirm", want: []string{"Feed added", "Bay Ledger (https://example.net/rss) is now one of Kaiser strike's feeds", "read within a minute"}, audit: "ok: added", stored: []string{"https://example.net/rss"}},
		{name: "add again", user: "UCAP", text: "feeds add https://example.net/rss", want: []string{"already added by UCAP on 2025-04-20"}, audit: "refused: already added"},
		{name: "preview empty", user: "UCAP", text: "feeds add https://example.com/atom.xml", want: []string{"Preview: Harbor Times", "no items right now", "feeds add https://example.com/atom.xml confirm"}, audit: "ok: previewed"},
		{name: "add titled", user: "UCAP", text: "feeds add https://example.com/atom.xml confirm", want: []string{"Harbor Times (https://example.com/atom.xml)"}, audit: "ok: added", stored: []string{"https://example.net/rss", "https://example.com/atom.xml"}},
		{name: "add untitled", user: "UCAP", text: "feeds add https://example.com/other.rss CONFIRM", want: []string{"The feed (https://example.com/other.rss)"}, stored: []string{"https://example.net/rss", "https://example.com/atom.xml", "https://example.com/other.rss"}},
		{name: "list all", user: "UCAP", text: "feeds", want: []string{
			"Example feed=https://example.org/feed (in the configuration)",
			"Bay Ledger=https://example.net/rss (added from chat by UCAP on 2025-04-20)",
			"example.com=https://example.com/atom.xml (added from chat by UCAP",
		}, audit: "ok"},
		{name: "sources lists added", user: "U1", text: "sources", want: []string{"Example feed=not polled yet", "Bay Ledger=not polled yet", "example.com=not polled yet"}},
		{name: "pause unknown", user: "UCAP", text: "feeds pause https://example.net/nope", want: []string{"not one of the campaign's feeds"}, audit: "refused: not a feed of the campaign"},
		{name: "pause refused", user: "U1", text: "feeds pause https://example.org/feed", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "pause configured", user: "UCAP", text: "feeds pause HTTPS://example.org/feed", want: []string{"Feed paused", "Example feed is not read until a captain resumes it"}, audit: "ok: paused"},
		{name: "list paused", user: "UCAP", text: "feeds", want: []string{"Example feed=https://example.org/feed (in the configuration; paused by UCAP on 2025-04-20)"}},
		{name: "sources paused", user: "U1", text: "sources", want: []string{"Example feed=paused by UCAP on 2025-04-20"}},
		{name: "resume", user: "UCAP", text: "feeds resume https://example.org/feed", want: []string{"Feed resumed", "read again within a minute"}, audit: "ok: resumed"},
		{name: "resume again", user: "UCAP", text: "feeds resume https://example.org/feed", want: []string{"That feed was not paused."}, audit: "refused: not paused"},
		{name: "remove configured", user: "UCAP", text: "feeds remove https://example.org/feed", want: []string{"part of the bot's setup"}, notWant: []string{"campaigns[]"}, audit: "refused: configured"},
		{name: "remove unknown", user: "UCAP", text: "feeds remove https://example.net/nope", want: []string{"No feed of that link was added from chat"}, audit: "refused: not added"},
		{name: "remove two", user: "UCAP", text: "feeds remove https://example.net/rss https://example.com/atom.xml", want: []string{"Give one feed link"}},
		{name: "remove refused", user: "U1", text: "feeds remove https://example.net/rss", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "remove", user: "UCAP", text: "feeds remove <https://EXAMPLE.net/rss>", want: []string{"Feed removed", "stops being polled within a minute"}, audit: "ok: removed", stored: []string{"https://example.com/atom.xml", "https://example.com/other.rss"}},
		{name: "unknown subcommand", user: "UCAP", text: "feeds purge", want: []string{"Write \"feeds\", \"feeds add URL [NAME]\", \"feeds remove URL\", \"feeds pause URL\" or \"feeds resume URL\"."}},
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
	want := []string{"http://127.0.0.1/feed", "https://example.net/news.html", "https://example.net/broken", "https://slow.example/feed.xml",
		"https://example.net/rss", "https://example.net/rss", "https://example.com/atom.xml", "https://example.com/atom.xml", "https://example.com/other.rss"}
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
	rq := req("UCAP", "feeds add https://example.net/rss Bay Ledger labor desk confirm")
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
