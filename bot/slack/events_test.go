package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
)

func eventBody(t *testing.T, id string, event map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": id,
		"event_time": published.Unix(), "event": event})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAskerOverHTTP: a mention of the bot and a direct message are asked
// of the router and answered in their thread; the bot's own messages,
// edits and other events are not. A signed event of 70 KB, larger than
// the old cap, is served.
func TestAskerOverHTTP(t *testing.T) {
	fs := newFake(t, nil)
	fs.AddChannel("D1", true)
	rec := &recorder{reply: bot.Reply{Title: "Answer", Lines: []string{"The vote is *Thursday*."}}}
	asker := NewAsker(AskerOptions{Router: rec, Token: fs.BotToken(), APIURL: fs.APIURL(), BotUserID: "U0BOT"})
	h := newHandler(t, rec, func(o *HandlerOptions) { o.OnEvent = asker.OnEvent })
	send := func(id string, event map[string]any) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest("/slack/events", eventBody(t, id, event), published, testSecret))
		return w.Code
	}
	for _, tc := range []struct {
		id    string
		event map[string]any
	}{
		{"Ev1", map[string]any{"type": "app_mention", "user": "U1", "text": "<@U0BOT> when is the vote?", "channel": "C1", "ts": "100.1"}},
		{"Ev2", map[string]any{"type": "message", "channel_type": "im", "user": "U2", "text": "how many workers?", "channel": "D1", "ts": "200.1", "thread_ts": "150.1"}},
		{"Ev3", map[string]any{"type": "message", "channel_type": "im", "user": "U0BOT", "text": "an answer", "channel": "D1", "ts": "201.1"}},
		{"Ev4", map[string]any{"type": "message", "channel_type": "im", "subtype": "message_changed", "channel": "D1", "ts": "202.1"}},
		{"Ev5", map[string]any{"type": "message", "channel_type": "im", "bot_id": "B9", "user": "U9", "text": "beep", "channel": "D1", "ts": "203.1"}},
		{"Ev6", map[string]any{"type": "message", "channel_type": "channel", "user": "U1", "text": "chatter", "channel": "C1", "ts": "204.1"}},
		{"Ev7", map[string]any{"type": "app_mention", "user": "U1", "text": "<@U0BOT>", "channel": "C1", "ts": "205.1"}},
	} {
		if code := send(tc.id, tc.event); code != http.StatusOK {
			t.Fatalf("%s: status %d", tc.id, code)
		}
	}
	// 70 KB: a long direct message with its rich-text blocks.
	long := strings.Repeat("Is the strike over yet? ", 1500)
	if code := send("Ev8", map[string]any{"type": "message", "channel_type": "im", "user": "U3", "text": long, "channel": "D1", "ts": "300.1",
		"blocks": []any{map[string]any{"type": "rich_text", "block_id": "b", "elements": []any{map[string]any{"type": "rich_text_section",
			"elements": []any{map[string]any{"type": "text", "text": long}}}}}}}); code != http.StatusOK {
		t.Fatalf("70 KB event: status %d", code)
	}
	waitFor(t, "four answers", func() bool { return len(fs.Posts()) >= 4 })
	time.Sleep(100 * time.Millisecond) // an answer too many would show now
	posts := fs.Posts()
	if len(posts) != 4 {
		t.Fatalf("%d posts, want 4: %+v", len(posts), posts)
	}
	threads := map[string]string{}
	for _, p := range posts {
		threads[p.ThreadTS] = p.Channel
		if !strings.Contains(p.Text, "The vote is ∗Thursday∗") {
			t.Errorf("post text %q", p.Text)
		}
	}
	for ts, ch := range map[string]string{"100.1": "C1", "150.1": "D1", "205.1": "C1", "300.1": "D1"} {
		if threads[ts] != ch {
			t.Errorf("no answer in thread %s of %s: %v", ts, ch, threads)
		}
	}
	texts := map[string]bool{}
	for _, r := range rec.reqs {
		texts[r.Text] = true
		if r.Platform != "slack" || r.Workspace != "T1" {
			t.Errorf("request %+v", r)
		}
	}
	for _, want := range []string{"ask when is the vote?", "ask how many workers?", "help", "ask " + strings.TrimSpace(long)} {
		if !texts[want] {
			t.Errorf("router not asked %.60q", want)
		}
	}
}

// TestAskerTokenRevoked: a refused token while answering turns Slack off.
func TestAskerTokenRevoked(t *testing.T) {
	fs := newFake(t, nil)
	platforms := &bot.Platforms{}
	asker := NewAsker(AskerOptions{Router: &recorder{reply: bot.Reply{Lines: []string{"x"}}}, Token: fs.BotToken(), APIURL: fs.APIURL(), Platforms: platforms})
	fs.RevokeTokens()
	h := newHandler(t, &recorder{}, func(o *HandlerOptions) { o.OnEvent = asker.OnEvent })
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("/slack/events", eventBody(t, "Ev1", map[string]any{"type": "app_mention", "user": "U1", "text": "<@U0BOT> hi", "channel": "C1", "ts": "1.1"}), published, testSecret))
	waitFor(t, "Slack off", func() bool { _, off := platforms.Off(Platform); return off })
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = h.Shutdown(ctx)
}
