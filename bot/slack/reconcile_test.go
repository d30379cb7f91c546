package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/strike"
)

// logBuffer collects log output; it is safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newLoggedPoster(t *testing.T, fs *slackfake.Server) (*Poster, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	p := NewPoster(PosterOptions{Token: fs.BotToken(), APIURL: fs.APIURL(), Client: &http.Client{Timeout: 5 * time.Second},
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	return p, logs
}

// lostAnswer posts d while the fake holds its answer, and gives up once
// the fake has the message: the post went out, the bot never learned its
// ts. It returns the worker's error.
func lostAnswer(t *testing.T, fs *slackfake.Server, p *Poster, d strike.Delivery, thread string) error {
	t.Helper()
	held := fs.Held()
	fs.Hold()
	defer fs.Release()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := p.Post(ctx, d, newsPost, thread)
		errc <- err
	}()
	waitFor(t, "the held post", func() bool { return fs.Held() > held })
	cancel() // the process dies
	return <-errc
}

// reclaimed is d as the store hands it out again after its lease ran out.
func reclaimed(d strike.Delivery) strike.Delivery {
	d.Attempts++
	d.LastError = "lease expired"
	d.State = strike.DeliverySending
	return d
}

func TestPosterMetadata(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	d := delivery("C1")
	d.ID, d.Key = 42, "article:7"
	ts, err := p.Post(context.Background(), d, newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	posts := fs.Posts()
	if got, want := len(posts), 1; got != want {
		t.Fatalf("posts = %d, want %d", got, want)
	}
	var meta struct {
		EventType    string `json:"event_type"`
		EventPayload struct {
			Key      string `json:"key"`
			Delivery int64  `json:"delivery"`
		} `json:"event_payload"`
	}
	if err := json.Unmarshal(posts[0].Metadata, &meta); err != nil {
		t.Fatalf("metadata %s: %v", posts[0].Metadata, err)
	}
	if got, want := meta.EventType, MetadataEventType; got != want {
		t.Errorf("event_type = %q, want %q", got, want)
	}
	if meta.EventPayload.Key != d.Key || meta.EventPayload.Delivery != d.ID {
		t.Errorf("event_payload = %+v, want key %q, delivery %d", meta.EventPayload, d.Key, d.ID)
	}
	if posts[0].TS != ts {
		t.Errorf("ts = %q, want %q", ts, posts[0].TS)
	}
	// A first try never looks anything up.
	for _, m := range []string{"conversations.history", "conversations.replies"} {
		if got := fs.Requests(m); got != 0 {
			t.Errorf("%s calls = %d, want 0", m, got)
		}
	}
	if l := logs.String(); l != "" {
		t.Errorf("first post logged %q", l)
	}

	t.Run("plain-text fallback keeps metadata", func(t *testing.T) {
		clock.Add(time.Second)
		fs.FailNext("invalid_blocks")
		d := delivery("C1")
		d.Key = "article:8"
		if _, err := p.Post(context.Background(), d, newsPost, ""); err != nil {
			t.Fatal(err)
		}
		posts := fs.Posts()
		last := posts[len(posts)-1]
		if last.Blocks != nil || !bytes.Contains(last.Metadata, []byte(`"article:8"`)) {
			t.Errorf("fallback post: blocks %s, metadata %s", last.Blocks, last.Metadata)
		}
	})
}

func TestPosterReconcilesLostAnswer(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	d := delivery("C1")
	d.ID, d.Key, d.CreatedAt = 5, "article:11", published.Add(-time.Second)

	// Other messages in the channel, before and after, with other keys.
	other := d
	other.ID, other.Key = 4, "article:10"
	if _, err := p.Post(context.Background(), other, newsPost, ""); err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Second)
	if err := lostAnswer(t, fs, p, d, ""); err == nil {
		t.Fatal("Post with a lost answer succeeded")
	}
	clock.Add(time.Second)
	other.ID, other.Key = 6, "article:12"
	if _, err := p.Post(context.Background(), other, newsPost, ""); err != nil {
		t.Fatal(err)
	}
	posts := fs.Posts()
	if got, want := len(posts), 3; got != want {
		t.Fatalf("posts = %d, want %d", got, want)
	}

	clock.Add(2 * time.Minute)
	ts, err := p.Post(context.Background(), reclaimed(d), newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ts, posts[1].TS; got != want {
		t.Errorf("ts = %q, want the first try's %q", got, want)
	}
	if got, want := len(fs.Posts()), 3; got != want {
		t.Errorf("posts = %d, want %d (no second copy)", got, want)
	}
	if got, want := fs.Requests("conversations.history"), 1; got != want {
		t.Errorf("history calls = %d, want %d", got, want)
	}
	if l := logs.String(); !strings.Contains(l, "level=INFO") || !strings.Contains(l, "reconciled") || !strings.Contains(l, "key=article:11") {
		t.Errorf("log = %q, want an info line about the reconciled delivery", l)
	}
	if strings.Contains(logs.String(), fs.BotToken()) {
		t.Error("log contains the token")
	}
}

func TestPosterReconcilesInThread(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, _ := newLoggedPoster(t, fs)
	story := delivery("C1")
	story.Key, story.CreatedAt = "article:1", published
	thread, err := p.Post(context.Background(), story, newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Second)
	update := delivery("C1")
	update.ID, update.Key, update.CreatedAt = 2, "article:2", clock.Now()
	_ = lostAnswer(t, fs, p, update, thread)
	clock.Add(3 * time.Minute)
	ts, err := p.Post(context.Background(), reclaimed(update), newsPost, thread)
	if err != nil {
		t.Fatal(err)
	}
	posts := fs.Posts()
	if got, want := len(posts), 2; got != want {
		t.Fatalf("posts = %d, want %d", got, want)
	}
	if got, want := ts, posts[1].TS; got != want || posts[1].ThreadTS != thread {
		t.Errorf("ts = %q, want %q in thread %q (got thread %q)", got, want, thread, posts[1].ThreadTS)
	}
	if got, want := fs.Requests("conversations.replies"), 1; got != want {
		t.Errorf("replies calls = %d, want %d", got, want)
	}
	if got, want := fs.Requests("conversations.history"), 0; got != want {
		t.Errorf("history calls = %d, want %d (found in the thread)", got, want)
	}
}

func TestPosterLookupRefusedPostsAgain(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	fs.SetHistoryAllowed(false)
	d := delivery("C1")
	d.Key, d.CreatedAt = "article:11", published
	_ = lostAnswer(t, fs, p, d, "")
	clock.Add(2 * time.Minute)
	ts, err := p.Post(context.Background(), reclaimed(d), newsPost, "")
	if err != nil {
		t.Fatal(err)
	}
	posts := fs.Posts()
	if got, want := len(posts), 2; got != want {
		t.Fatalf("posts = %d, want %d (at most one duplicate, never none)", got, want)
	}
	if got, want := ts, posts[1].TS; got != want {
		t.Errorf("ts = %q, want %q", got, want)
	}
	if got, want := fs.Requests("conversations.history"), 1; got != want {
		t.Errorf("history calls = %d, want %d", got, want)
	}
	l := logs.String()
	for _, want := range []string{"level=WARN", "duplicate is possible", "missing_scope", "channels:history", "key=article:11"} {
		if !strings.Contains(l, want) {
			t.Errorf("log = %q, want it to contain %q", l, want)
		}
	}
}

func TestPosterRetryNotPostedBefore(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	d := delivery("C1")
	d.Key, d.CreatedAt = "article:11", published
	d.Attempts, d.LastError = 2, "slack: post to C1: status 503"
	if _, err := p.Post(context.Background(), d, newsPost, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := len(fs.Posts()), 1; got != want {
		t.Errorf("posts = %d, want %d", got, want)
	}
	if got, want := fs.Requests("conversations.history"), 1; got != want {
		t.Errorf("history calls = %d, want %d", got, want)
	}
	if l := logs.String(); strings.Contains(l, "level=WARN") {
		t.Errorf("log = %q, want no warning", l)
	}
}

func TestPosterLookupPagesAreBounded(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	ctx := context.Background()
	d := delivery("C1")
	d.Key, d.CreatedAt = "article:0", published
	_ = lostAnswer(t, fs, p, d, "")
	// A busy channel: more messages since than the lookup reads.
	n := lookupPages*lookupLimit + 5
	for i := range n {
		clock.Add(time.Second)
		o := delivery("C1")
		o.Key = "busy:" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		if _, err := p.Post(ctx, o, newsPost, ""); err != nil {
			t.Fatal(err)
		}
	}
	clock.Add(time.Second)
	if _, err := p.Post(ctx, reclaimed(d), newsPost, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := fs.Requests("conversations.history"), lookupPages; got != want {
		t.Errorf("history calls = %d, want %d", got, want)
	}
	if got, want := len(fs.Posts()), n+2; got != want {
		t.Errorf("posts = %d, want %d", got, want)
	}
	if l := logs.String(); !strings.Contains(l, "level=WARN") || !strings.Contains(l, "duplicate is possible") {
		t.Errorf("log = %q, want a warning", l)
	}
}

func TestPosterReconcileKeepsErrorClasses(t *testing.T) {
	// The lookup does not hide what the post itself answers.
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, _ := newLoggedPoster(t, fs)
	d := reclaimed(delivery("CGONE"))
	_, err := p.Post(context.Background(), d, newsPost, "")
	if !errors.Is(err, bot.ErrPermanent) || slackCode(err) != "channel_not_found" {
		t.Fatalf("Post() = %v, want permanent channel_not_found", err)
	}
}

func TestMayBePosted(t *testing.T) {
	tests := []struct {
		attempts int
		lastErr  string
		want     bool
	}{
		{0, "", false},
		{1, "slack: post to C1: status 502", true},
		{0, "lease expired", true},
		{1, "lease expired", true},
	}
	for _, tt := range tests {
		d := strike.Delivery{Attempts: tt.attempts, LastError: tt.lastErr}
		if got := mayBePosted(d); got != tt.want {
			t.Errorf("mayBePosted(attempts %d, %q) = %v, want %v", tt.attempts, tt.lastErr, got, tt.want)
		}
	}
}

func TestSlackTS(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, ""},
		{time.Unix(1714320300, 0), "1714320300.000000"},
		{time.Unix(1714320300, 123456789), "1714320300.123456"},
	}
	for _, tt := range tests {
		if got := slackTS(tt.t); got != tt.want {
			t.Errorf("slackTS(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestPosterLookupDuringOutageRetriesWithoutPosting(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newFake(t, clock)
	p, logs := newLoggedPoster(t, fs)
	d := delivery("C1")
	d.Key, d.CreatedAt = "article:12", published
	_ = lostAnswer(t, fs, p, d, "")
	clock.Add(2 * time.Minute)
	if err := fs.SetMode(slackfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	_, err := p.Post(context.Background(), reclaimed(d), newsPost, "")
	if err == nil || errors.Is(err, bot.ErrPermanent) {
		t.Fatalf("Post during an outage = %v, want a retryable error", err)
	}
	if got := fs.Requests("chat.postMessage"); got != 1 {
		t.Errorf("chat.postMessage calls = %d, want 1 (the lost one; nothing posted blindly)", got)
	}
	if strings.Contains(logs.String(), "duplicate is possible") {
		t.Errorf("an outage must not warn of duplicates: %s", logs.String())
	}
	// Slack is back: the lookup finds the post that did go out.
	if err := fs.SetMode(slackfake.Up); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Post(context.Background(), reclaimed(d), newsPost, ""); err != nil {
		t.Fatal(err)
	}
	if got := len(fs.Posts()); got != 1 {
		t.Errorf("posts = %d, want 1", got)
	}
}
