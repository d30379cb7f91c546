package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/discord/discordfake"
)

// runEdge runs s.edge until the test ends and returns a function that
// stops it and returns Run's error.
func runEdge(t *testing.T, s *edgeSetup) func() error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.edge.Run(ctx) }()
	var stopped bool
	var err error
	stop := func() error {
		if !stopped {
			cancel()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return within 10s of its context ending")
			}
			stopped = true
		}
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

func callbacks(f *discordfake.Server, id string) []discordfake.Response {
	var out []discordfake.Response
	for _, r := range f.Responses(id) {
		if r.Kind == "callback" {
			out = append(out, r)
		}
	}
	return out
}

// TestGatewayAnswersAndResumes drives the edge through the fake gateway:
// HELLO, IDENTIFY (Guilds intent only), READY, an interaction answered
// over REST, a dropped connection resumed (not re-identified), an
// interaction sent while disconnected replayed on RESUME and answered
// once, and the same interaction dispatched twice answered once.
func TestGatewayAnswersAndResumes(t *testing.T) {
	s := newEdge(t, "gateway", nil)
	stop := runEdge(t, s)
	waitFor(t, 5*time.Second, "connected", func() bool { return s.edge.Health().State == StateConnected })
	gw := s.fake.Gateway()
	if gw.Identifies != 1 || len(gw.Intents) != 1 || gw.Intents[0] != 1 {
		t.Fatalf("gateway %+v: want one IDENTIFY with intents 1 (Guilds)", gw)
	}
	if h := s.edge.Health(); len(h.Guilds) != 1 || h.Guilds[0] != s.fake.GuildID() || !h.OK() {
		t.Errorf("health %+v", h)
	}

	id, _, p := s.fake.NewInteraction(statusInvocation(s.fake))
	if err := s.fake.SendInteraction(p); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 3*time.Second, "the answer", func() bool { return len(callbacks(s.fake, id)) == 1 })
	if cb := callbacks(s.fake, id)[0]; cb.Type != discordfake.CallbackMessage || cb.Data.Flags != discordfake.FlagEphemeral {
		t.Errorf("answer %+v", cb)
	}

	// The connection drops; an interaction arrives meanwhile.
	s.fake.DropGateway()
	id2, _, p2 := s.fake.NewInteraction(statusInvocation(s.fake))
	if err := s.fake.SendInteraction(p2); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "resumed", func() bool { return s.fake.Gateway().Resumes >= 1 && s.fake.Gateway().Connected == 1 })
	waitFor(t, 3*time.Second, "the replayed interaction answered", func() bool { return len(callbacks(s.fake, id2)) == 1 })
	if gw := s.fake.Gateway(); gw.Identifies != 1 {
		t.Errorf("%d IDENTIFYs after a drop, want 1 (RESUME instead)", gw.Identifies)
	}

	// The same interaction twice (a replay after RESUME).
	id3, _, p3 := s.fake.NewInteraction(statusInvocation(s.fake))
	_ = s.fake.SendInteraction(p3)
	_ = s.fake.SendInteraction(p3)
	waitFor(t, 3*time.Second, "answered", func() bool { return len(callbacks(s.fake, id3)) == 1 })
	time.Sleep(200 * time.Millisecond)
	if n := len(s.router.requests()); n != 3 {
		t.Errorf("router called %d times for 3 interactions", n)
	}
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
	if st := s.edge.Health().State; st != StateStopped {
		t.Errorf("state after stop: %s", st)
	}
	if strings.Contains(s.logs.String(), s.fake.Token()) {
		t.Error("the bot token reached the log")
	}
}

func TestGatewayBadTokenStops(t *testing.T) {
	s := newEdge(t, "gateway", nil)
	s.fake.SetToken(discordfake.DefaultToken + "x") // the bot's token was reset
	stop := runEdge(t, s)
	waitFor(t, 5*time.Second, "failed", func() bool { return s.edge.Health().State == StateFailed })
	err := stop()
	if err == nil || !strings.Contains(err.Error(), "4004") || !strings.Contains(err.Error(), "Reset Token") {
		t.Errorf("Run = %v, want the 4004 close with what to do", err)
	}
	if n := s.fake.Gateway().Identifies; n > 1 {
		t.Errorf("%d IDENTIFYs with a refused token, want at most 1", n)
	}
}

func TestGatewayReconnectsWhileDiscordIsDown(t *testing.T) {
	s := newEdge(t, "gateway", nil)
	if err := s.fake.SetMode(discordfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	stop := runEdge(t, s)
	waitFor(t, 5*time.Second, "tries", func() bool { return s.fake.Requests("gateway") >= 2 })
	if st := s.edge.Health(); st.OK() || st.LastError == "" {
		t.Errorf("health while down: %+v", st)
	}
	if err := s.fake.SetMode(discordfake.Up); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "connected", func() bool { return s.edge.Health().State == StateConnected })
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
}

func TestGatewayZombieConnectionReconnects(t *testing.T) {
	f := newFake(t, discordfake.Options{HeartbeatInterval: 20 * time.Millisecond})
	s := newEdge(t, "gateway", nil)
	s.fake = f
	s.rest = newREST(t, f, quiet())
	s.edge.o.REST = s.rest
	runEdge(t, s)
	waitFor(t, 5*time.Second, "connected", func() bool { return f.Gateway().Connected == 1 })
	f.SetZombie(true) // heartbeats go unanswered
	waitFor(t, 5*time.Second, "a new connection", func() bool { return f.Gateway().Connections >= 2 })
	f.SetZombie(false)
	waitFor(t, 5*time.Second, "resumed", func() bool { return f.Gateway().Resumes >= 1 && f.Gateway().Connected == 1 })
}

// TestRegisterOnlyWhenChanged registers /strike once; a restart with the
// same definition sends nothing; switching scope empties the other.
func TestRegisterOnlyWhenChanged(t *testing.T) {
	s := newEdge(t, "http", nil)
	ctx := context.Background()
	if changed, err := s.edge.Register(ctx); err != nil || !changed {
		t.Fatalf("first Register = %v, %v", changed, err)
	}
	if changed, err := s.edge.Register(ctx); err != nil || changed {
		t.Fatalf("second Register = %v, %v", changed, err)
	}
	if n := s.fake.Overwrites(""); n != 1 {
		t.Errorf("%d global overwrites, want 1", n)
	}
	if n := s.fake.Overwrites(s.fake.GuildID()); n != 0 {
		t.Errorf("%d guild overwrites, want 0", n)
	}

	// The same store, now per guild: the guild gets the command, the
	// global one is removed.
	g, err := New(Options{Mode: "http", Commands: "guild", ApplicationID: s.fake.ApplicationID(), PublicKey: s.edge.o.PublicKey,
		Guilds: []string{s.fake.GuildID()}, Router: s.router, Store: s.store, REST: s.rest, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	if changed, err := g.Register(ctx); err != nil || !changed {
		t.Fatalf("Register per guild = %v, %v", changed, err)
	}
	if n := len(s.fake.Commands("")); n != 0 {
		t.Errorf("%d global commands left after switching to guild", n)
	}
	if n := len(s.fake.Commands(s.fake.GuildID())); n != 1 {
		t.Errorf("%d guild commands, want 1", n)
	}
	if changed, _ := g.Register(ctx); changed {
		t.Error("a third Register sent something")
	}
	if s.fake.Overwrites("") != 2 || s.fake.Overwrites(s.fake.GuildID()) != 1 {
		t.Errorf("overwrites: global %d, guild %d", s.fake.Overwrites(""), s.fake.Overwrites(s.fake.GuildID()))
	}
}

func TestRunRegistersAndReportsIt(t *testing.T) {
	s := newEdge(t, "http", nil)
	runEdge(t, s)
	waitFor(t, 5*time.Second, "registered", func() bool { return s.edge.Health().Commands == "registered" })
	if st := s.edge.Health(); st.State != StateServing || !st.OK() {
		t.Errorf("health %+v", st)
	}
}
