package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
)

// slowRouter takes d to answer each command, as a slow database would.
type slowRouter struct {
	d       time.Duration
	running atomic.Int32
	most    atomic.Int32
}

func (r *slowRouter) Handle(ctx context.Context, req bot.Request) bot.Reply {
	n := r.running.Add(1)
	defer r.running.Add(-1)
	for {
		m := r.most.Load()
		if n <= m || r.most.CompareAndSwap(m, n) {
			break
		}
	}
	select {
	case <-time.After(r.d):
	case <-ctx.Done():
	}
	return bot.Reply{Title: "Answer", Lines: []string{"to " + req.Text}}
}

func runSocket(t *testing.T, fs *slackfake.Server, router Router, o SocketOptions) (stop func() error) {
	stop, _ = runSocketDone(t, fs, router, o)
	return stop
}

// runSocketDone is runSocket that also returns a channel closed when
// RunSocketMode returns, for tests where it returns by itself; stop then
// gives its result.
func runSocketDone(t *testing.T, fs *slackfake.Server, router Router, o SocketOptions) (stop func() error, finished chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	finished = make(chan struct{})
	var result error
	client := NewSocketClient(SocketClientOptions{BotToken: fs.BotToken(), AppToken: fs.AppToken(), APIURL: fs.APIURL()})
	go func() {
		result = RunSocketMode(ctx, client, router, o)
		close(finished)
	}()
	stop = func() error {
		cancel()
		select {
		case <-finished:
			return result
		case <-time.After(15 * time.Second):
			return fmt.Errorf("RunSocketMode did not return within 15s of its context ending")
		}
	}
	t.Cleanup(func() { stop() })
	return stop, finished
}

// TestSocketModeAcksEveryEnvelopeInTimeUnderLoad: forty slow commands at
// once, then an event. A command takes 2 s and the inline wait is 1 s, so
// each is slow beyond doubt: with the default wait of 2 s, a command that
// took just over 2 s could still be answered in its acknowledgement when
// the race detector and a busy machine made the timer late, and then its
// response_url never heard from it. Each is acknowledged within Slack's 3 s (the read
// loop never waits for a command), no more than Workers commands run at
// once, and each slow command's answer replaces its "Working on it…"
// through response_url.
func TestSocketModeAcksEveryEnvelopeInTimeUnderLoad(t *testing.T) {
	fs := newFake(t, nil)
	router := &slowRouter{d: 2 * time.Second}
	events := make(chan string, 1)
	stop := runSocket(t, fs, router, SocketOptions{Teams: []string{"T1"}, Workers: 16, InlineWait: time.Second,
		OnEvent: func(_ context.Context, team string, _ slackevents.EventsAPIEvent) { events <- team }})
	waitFor(t, "a connection", func() bool { _, n := fs.SocketConnections(); return n > 0 })

	const n = 40
	urls := make([]string, n)
	for i := range n {
		urls[i] = fs.NewResponseURL()
		env := slashEnvelope(fmt.Sprintf("env-%d", i), fmt.Sprintf("ask %d", i))
		env["payload"].(map[string]any)["response_url"] = urls[i]
		if err := fs.SendEnvelope(env); err != nil {
			t.Fatal(err)
		}
	}
	if err := fs.SendEnvelope(map[string]any{"type": "events_api", "envelope_id": "env-event", "accepts_response_payload": false,
		"payload": map[string]any{"type": "event_callback", "team_id": "T1", "event_id": "Ev1",
			"event": map[string]any{"type": "app_mention", "user": "U1", "text": "<@U0BOT> hi", "channel": "C1", "ts": "1.2"}}}); err != nil {
		t.Fatal(err)
	}
	acks := fs.WaitAcks(n+1, 10*time.Second)
	if len(acks) != n+1 {
		t.Fatalf("%d acknowledgements, want %d", len(acks), n+1)
	}
	var slowest time.Duration
	for id, d := range fs.AckDelays() {
		slowest = max(slowest, d)
		if d > slackfake.AckWindow {
			t.Errorf("envelope %s acknowledged after %s, past Slack's %s", id, d, slackfake.AckWindow)
		}
	}
	t.Logf("slowest acknowledgement: %s", slowest)
	select {
	case <-events:
	case <-time.After(10 * time.Second):
		t.Error("the event never reached OnEvent")
	}
	// 40 answers of 2 s each on 16 workers take 6 s at best; the race
	// detector on a busy machine has taken more than the usual 10 s.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var missing []int
		for i, u := range urls {
			if len(fs.Responses(u)) == 0 {
				missing = append(missing, i)
			}
		}
		if len(missing) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no late answer within 30 s for commands %v; acknowledgements:\n%s", missing, acksText(fs.Acks()))
		}
		time.Sleep(20 * time.Millisecond)
	}
	for i, u := range urls {
		rs := fs.Responses(u)
		if len(rs) != 1 || rs[0].Body["replace_original"] != true || !strings.Contains(fmt.Sprint(rs[0].Body["text"]), fmt.Sprintf("to ask %d", i)) {
			t.Errorf("command %d: responses %v, want one replacing the original", i, rs)
		}
	}
	if m := router.most.Load(); m > 16 {
		t.Errorf("%d commands ran at once, want at most 16", m)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestSocketModePacesConnectionsThatDieYoung: connections that close as
// soon as they open are reopened with a growing, jittered wait, not in a
// tight loop; the spell is logged once and reported as retrying; once a
// connection lives, Slack is connected again.
func TestSocketModePacesConnectionsThatDieYoung(t *testing.T) {
	fs := newFake(t, nil)
	fs.SetDieYoung(true)
	var logs logBuffer // what the bot's log would say of the platform's changes
	platforms := &bot.Platforms{OnChange: func(name string, _, st bot.PlatformState) {
		fmt.Fprintf(&logs, "%s: %s: %s\n", name, st.Status, st.Reason)
	}}
	stop := runSocket(t, fs, &recorder{}, SocketOptions{Teams: []string{"T1"}, Platforms: platforms,
		YoungConnection: time.Second, MinBackoff: 100 * time.Millisecond, MaxBackoff: 400 * time.Millisecond})
	time.Sleep(3 * time.Second)
	opens := fs.CallTimes("apps.connections.open")
	// Unpaced, this is hundreds; paced, the waits grow to 200–400 ms.
	if len(opens) < 4 || len(opens) > 20 {
		t.Errorf("apps.connections.open called %d times in 3s, want between 4 and 20", len(opens))
	}
	for i := 4; i < len(opens); i++ {
		if gap := opens[i].Sub(opens[i-1]); gap < 150*time.Millisecond {
			t.Errorf("opening %d came %s after the previous one", i, gap)
		}
	}
	if st, _ := platforms.State(Platform); st.Status != bot.PlatformRetrying || st.Reason != reasonDyingYoung {
		t.Errorf("state while dying young = %+v", st)
	}
	if n := strings.Count(logs.String(), "slack: retrying"); n != 1 {
		t.Errorf("the spell is logged %d times, want once:\n%s", n, logs.String())
	}
	fs.SetDieYoung(false)
	waitFor(t, "connected again", func() bool {
		st, _ := platforms.State(Platform)
		return st.Status == bot.PlatformConnected
	})
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestSocketModeTokenRevokedWhileRunning: the app is uninstalled while
// connected: RunSocketMode returns a TokenError naming slack.app_token.
func TestSocketModeTokenRevokedWhileRunning(t *testing.T) {
	fs := newFake(t, nil)
	platforms := &bot.Platforms{}
	stop, finished := runSocketDone(t, fs, &recorder{}, SocketOptions{Teams: []string{"T1"}, Platforms: platforms, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
	waitFor(t, "connected", func() bool { st, _ := platforms.State(Platform); return st.Status == bot.PlatformConnected })
	fs.RevokeTokens()
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("RunSocketMode still runs 10s after the token was revoked")
	}
	err := stop()
	te, ok := err.(*TokenError)
	if !ok || te.Key != AppTokenKey || te.Code != "token_revoked" {
		t.Fatalf("RunSocketMode() = %v, want a TokenError for slack.app_token (token_revoked)", err)
	}
}

// acksText lists acknowledgements one per line, for a failure message.
func acksText(acks []json.RawMessage) string {
	var b strings.Builder
	for _, a := range acks {
		b.Write(a)
		b.WriteByte('\n')
	}
	return b.String()
}
