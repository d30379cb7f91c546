package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
)

func socketClient(fs *slackfake.Server, appToken string) *socketmode.Client {
	api := slack.New(fs.BotToken(), slack.OptionAppLevelToken(appToken), slack.OptionAPIURL(fs.APIURL()),
		slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	return socketmode.New(api)
}

func slashEnvelope(id, text string) map[string]any {
	return map[string]any{"type": "slash_commands", "envelope_id": id, "accepts_response_payload": true,
		"payload": map[string]any{"team_id": "T1", "channel_id": "C1", "user_id": "U1", "user_name": "ana",
			"command": "/strike", "text": text, "response_url": "http://127.0.0.1:1/unused", "trigger_id": "1.2"}}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	waitForWithin(t, what, 10*time.Second, cond)
}

// waitForWithin is waitFor with its own limit.
func waitForWithin(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSocketMode(t *testing.T) {
	fs := newFake(t, nil)
	fs.AddChannel("C1", true)
	rec := &recorder{reply: bot.Reply{Title: "Status", Lines: []string{"Day 42 <!here>"}}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- RunSocketMode(ctx, socketClient(fs, fs.AppToken()), rec, SocketOptions{Teams: []string{"T1"}, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunSocketMode() = %v", err)
		}
	}()
	open := func() bool { _, n := fs.SocketConnections(); return n > 0 }
	waitFor(t, "a connection", open)

	// A command, then Slack redelivering the same envelope.
	if err := fs.SendEnvelope(slashEnvelope("env-1", "status")); err != nil {
		t.Fatal(err)
	}
	acks := fs.WaitAcks(1, 10*time.Second)
	if len(acks) != 1 {
		t.Fatalf("acks = %d, want 1", len(acks))
	}
	var ack struct {
		EnvelopeID string `json:"envelope_id"`
		Payload    struct {
			ResponseType string `json:"response_type"`
			Text         string `json:"text"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(acks[0], &ack); err != nil {
		t.Fatal(err)
	}
	if ack.EnvelopeID != "env-1" || ack.Payload.ResponseType != "ephemeral" || !strings.Contains(ack.Payload.Text, "Day 42 &lt;!here&gt;") {
		t.Errorf("ack = %s", acks[0])
	}
	redelivery := slashEnvelope("env-1", "status")
	redelivery["retry_attempt"] = 1
	if err := fs.SendEnvelope(redelivery); err != nil {
		t.Fatal(err)
	}
	if got := len(fs.WaitAcks(2, 10*time.Second)); got != 2 {
		t.Fatalf("acks = %d, want 2", got)
	}
	if got := rec.count(); got != 1 {
		t.Errorf("router called %d times, want 1", got)
	}

	// A reply too big for an ack goes through chat.postEphemeral.
	rec.mu.Lock()
	rec.reply = bot.Reply{Title: "Long", Lines: []string{strings.Repeat("€", 5000), strings.Repeat("€ ", 5000)}, Links: []bot.Link{{Title: "src", URL: "https://example.com/x"}}}
	rec.mu.Unlock()
	if err := fs.SendEnvelope(slashEnvelope("env-2", "latest")); err != nil {
		t.Fatal(err)
	}
	if got := len(fs.WaitAcks(3, 10*time.Second)); got != 3 {
		t.Fatalf("acks = %d, want 3", got)
	}
	waitFor(t, "the ephemeral post", func() bool { return len(fs.Posts()) == 1 })
	if p := fs.Posts()[0]; p.Method != "chat.postEphemeral" || p.User != "U1" || p.Channel != "C1" {
		t.Errorf("post = %+v", p)
	}

	// The connection drops: the client reconnects and still serves.
	fs.DropSockets()
	waitFor(t, "a second connection", func() bool { n, open := fs.SocketConnections(); return n >= 2 && open > 0 })
	if err := fs.SendEnvelope(slashEnvelope("env-3", "help")); err != nil {
		t.Fatal(err)
	}
	if got := len(fs.WaitAcks(4, 10*time.Second)); got != 4 {
		t.Fatalf("acks after reconnect = %d, want 4", got)
	}
}

func TestSocketModeBadToken(t *testing.T) {
	fs := newFake(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := RunSocketMode(ctx, socketClient(fs, "xapp-wrong"), &recorder{}, SocketOptions{Teams: []string{"T1"}})
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") || strings.Contains(err.Error(), "xapp-wrong") {
		t.Fatalf("RunSocketMode() = %v, want invalid_auth without the token", err)
	}
}

func TestBackoff(t *testing.T) {
	for n := range 20 {
		d := backoff(n, time.Second, time.Minute)
		if d < time.Second/2 || d > time.Minute {
			t.Errorf("backoff(%d) = %v", n, d)
		}
	}
}
