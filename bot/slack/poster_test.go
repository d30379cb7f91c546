package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/strike"
)

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newFake(t *testing.T, clock *fakeClock) *slackfake.Server {
	t.Helper()
	o := slackfake.Options{}
	if clock != nil {
		o.Now = clock.Now
	}
	fs, err := slackfake.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(fs.Close)
	fs.AddChannel("C1", true)
	fs.AddChannel("C2", true)
	fs.AddChannel("COUT", false)
	return fs
}

func delivery(ch string) strike.Delivery {
	return strike.Delivery{ID: 1, Destination: strike.Destination{Platform: "slack", Workspace: "T0FAKE", Channel: ch}, Key: "article:1"}
}

var newsPost = bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 3, Title: "Strike begins at Kaiser <!channel>",
	Summary: "About 2,400 NUHW members walked out on Monday.", Source: "Example Times", URL: "https://example.com/s", Published: published}}

func TestPosterPosts(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p := NewPoster(PosterOptions{Token: fs.BotToken(), APIURL: fs.APIURL(), Client: &http.Client{Timeout: 5 * time.Second}})
	ctx := context.Background()
	ts, err := p.Post(ctx, delivery("C1"), newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Second)
	update := bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 3, Source: "Radio", URL: "https://example.org/r", ArticleTitle: "More"}}
	if _, err := p.Post(ctx, delivery("C1"), update, ts); err != nil {
		t.Fatal(err)
	}
	posts := fs.Posts()
	if got, want := len(posts), 2; got != want {
		t.Fatalf("posts = %d, want %d", got, want)
	}
	if posts[0].TS != ts || posts[0].Channel != "C1" || posts[0].Blocks == nil || posts[0].Text == "" {
		t.Errorf("first post = %+v", posts[0])
	}
	if posts[0].UnfurlLinks != "false" || posts[0].UnfurlMedia != "false" {
		t.Errorf("unfurl = %q/%q, want false/false", posts[0].UnfurlLinks, posts[0].UnfurlMedia)
	}
	if got, want := posts[1].ThreadTS, ts; got != want {
		t.Errorf("thread_ts = %q, want %q", got, want)
	}
	var blocks []map[string]any
	if err := json.Unmarshal(posts[0].Blocks, &blocks); err != nil || len(blocks) == 0 {
		t.Fatalf("blocks %s: %v", posts[0].Blocks, err)
	}
	if p.Platform() != "slack" || p.Pace() != 1 {
		t.Errorf("Platform, Pace = %q, %v", p.Platform(), p.Pace())
	}
}

func TestPosterErrors(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	fs.AddChannel("CARCH", true)
	fs.Archive("CARCH")
	p := NewPoster(PosterOptions{Token: fs.BotToken(), APIURL: fs.APIURL()})
	ctx := context.Background()
	tests := []struct {
		name      string
		p         *Poster
		ch        string
		permanent bool
	}{
		{"channel_not_found", p, "CGONE", true},
		{"not_in_channel", p, "COUT", true},
		{"is_archived", p, "CARCH", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.p.Post(ctx, delivery(tt.ch), newsPost, "")
			if got := errors.Is(err, bot.ErrPermanent); got != tt.permanent {
				t.Fatalf("Post() = %v, permanent %v, want %v", err, got, tt.permanent)
			}
			if got, want := slackCode(err), tt.name; got != want {
				t.Errorf("code = %q, want %q", got, want)
			}
		})
	}

	// A refused token is not the channel's fault: the whole platform is off.
	t.Run("invalid_auth", func(t *testing.T) {
		platforms := &bot.Platforms{}
		bad := NewPoster(PosterOptions{Token: "xoxb-revoked", APIURL: fs.APIURL(), Platforms: platforms})
		_, err := bad.Post(ctx, delivery("C1"), newsPost, "")
		if !errors.Is(err, bot.ErrPlatformOff) || errors.Is(err, bot.ErrPermanent) || !strings.Contains(err.Error(), "slack.bot_token (invalid_auth)") {
			t.Fatalf("Post() = %v, want ErrPlatformOff naming slack.bot_token", err)
		}
		if why, off := platforms.Off(Platform); !off || !strings.Contains(why, "slack.bot_token") {
			t.Errorf("platform state: off %v, why %q", off, why)
		}
	})

	t.Run("rate limited", func(t *testing.T) {
		clock.Add(time.Hour)
		if _, err := p.Post(ctx, delivery("C2"), newsPost, ""); err != nil {
			t.Fatal(err)
		}
		_, err := p.Post(ctx, delivery("C2"), newsPost, "")
		rl, ok := errors.AsType[*bot.RateLimitError](err)
		if !ok || rl.RetryAfter != time.Second {
			t.Fatalf("Post() = %v, want a RateLimitError of 1s", err)
		}
		if got := fs.RateLimited(); got != 1 {
			t.Errorf("429s = %d, want 1", got)
		}
	})

	t.Run("invalid_blocks retried as text", func(t *testing.T) {
		clock.Add(time.Hour)
		fs.FailNext("invalid_blocks")
		before := len(fs.Posts())
		if _, err := p.Post(ctx, delivery("C1"), newsPost, ""); err != nil {
			t.Fatal(err)
		}
		posts := fs.Posts()
		if len(posts) != before+1 || posts[len(posts)-1].Blocks != nil {
			t.Fatalf("want one plain-text post, got %+v", posts[before:])
		}
	})

	t.Run("msg_too_long twice is permanent", func(t *testing.T) {
		clock.Add(time.Hour)
		fs.FailNext("msg_too_long", "msg_too_long")
		_, err := p.Post(ctx, delivery("C1"), newsPost, "")
		if !errors.Is(err, bot.ErrPermanent) {
			t.Fatalf("Post() = %v, want permanent", err)
		}
	})

	for _, mode := range []slackfake.Mode{slackfake.Unavailable, slackfake.Refused} {
		t.Run("down", func(t *testing.T) {
			clock.Add(time.Hour)
			if err := fs.SetMode(mode); err != nil {
				t.Fatal(err)
			}
			_, err := p.Post(ctx, delivery("C1"), newsPost, "")
			_, limited := errors.AsType[*bot.RateLimitError](err)
			if err == nil || errors.Is(err, bot.ErrPermanent) || limited {
				t.Fatalf("Post() = %v, want a retryable error", err)
			}
			if err := fs.SetMode(slackfake.Up); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Post(ctx, delivery("C1"), newsPost, ""); err != nil {
				t.Fatalf("after recovery: %v", err)
			}
		})
	}
}

func TestPoster429WithoutRetryAfter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	p := NewPoster(PosterOptions{Token: "xoxb-t", APIURL: srv.URL + "/", RetryAfter: 7 * time.Second})
	_, err := p.Post(context.Background(), delivery("C1"), newsPost, "")
	if rl, ok := errors.AsType[*bot.RateLimitError](err); !ok || rl.RetryAfter != 7*time.Second {
		t.Fatalf("Post() = %v, want a RateLimitError of 7s", err)
	}
}

// TestPosterEdit: a retraction replaces the post's text and blocks with
// chat.update; a message Slack does not have is a permanent error.
func TestPosterEdit(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p := NewPoster(PosterOptions{Token: fs.BotToken(), APIURL: fs.APIURL(), Client: &http.Client{Timeout: 5 * time.Second}})
	ctx := context.Background()
	d := delivery("C1")
	ts, err := p.Post(ctx, d, newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	retraction := bot.Post{Retraction: &bot.Retraction{Delivery: d.ID, Title: "Strike begins at Kaiser"}}
	if err := p.Edit(ctx, d, retraction, ts); err != nil {
		t.Fatal(err)
	}
	edits := fs.Edits()
	if len(edits) != 1 || edits[0].TS != ts || edits[0].Channel != "C1" || edits[0].Text != "Retracted by a captain." || edits[0].Blocks == nil {
		t.Fatalf("edits = %+v", edits)
	}
	posts := fs.Posts()
	if len(posts) != 1 || posts[0].Text != "Retracted by a captain." || !strings.Contains(string(posts[0].Blocks), "~Strike begins at Kaiser~") ||
		strings.Contains(string(posts[0].Blocks), "2,400") {
		t.Errorf("the post after the edit: %+v", posts)
	}
	err = p.Edit(ctx, d, retraction, "1.000001")
	if !errors.Is(err, bot.ErrPermanent) || !strings.Contains(err.Error(), "message_not_found") {
		t.Errorf("edit of an unknown message = %v, want a permanent message_not_found", err)
	}
	if err := p.Edit(ctx, delivery("C9"), retraction, ts); !errors.Is(err, bot.ErrPermanent) {
		t.Errorf("edit in an unknown channel = %v, want permanent", err)
	}
	if err := fs.SetMode(slackfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	if err := p.Edit(ctx, d, retraction, ts); err == nil || errors.Is(err, bot.ErrPermanent) {
		t.Errorf("edit while Slack is down = %v, want a retryable error", err)
	}
}

// TestAPIErrorPlain: what a Slack error code means, said plainly for the
// ops channel, with no error chain.
func TestAPIErrorPlain(t *testing.T) {
	for code, want := range map[string]string{
		"not_in_channel":    "the bot is not a member of the channel; invite it with /invite @strikebot",
		"channel_not_found": "the channel no longer exists, or the bot cannot see it",
		"token_revoked":     "Slack no longer accepts the bot's token",
		"weird_new_code":    "Slack refused it (weird_new_code)",
	} {
		var pe bot.Plainer = &apiError{channel: "C1", code: code, permanent: true}
		if got := pe.Plain(); got != want {
			t.Errorf("Plain of %s = %q, want %q", code, got, want)
		}
	}
}
