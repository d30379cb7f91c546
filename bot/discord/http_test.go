package discord

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
)

func signed(body []byte, at time.Time, s *edgeSetup) *http.Request {
	r := httptest.NewRequest(http.MethodPost, Path, bytes.NewReader(body))
	for k, v := range Sign(at, body, s.priv) {
		r.Header[k] = v
	}
	r.Header.Set("Content-Type", "application/json")
	return r
}

func serve(s *edgeSetup, r *http.Request) (*httptest.ResponseRecorder, map[string]any) {
	w := httptest.NewRecorder()
	s.edge.ServeHTTP(w, r)
	var body map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &body)
	return w, body
}

func statusInvocation(f *discordfake.Server) discordfake.Invocation {
	return discordfake.Invocation{Channel: testChannel, User: "1077777777777777777", UserName: "ana", Roles: []string{captainRole}, Subcommand: "status"}
}

// TestHTTPSignatures sends interactions signed with a generated key:
// valid ones are answered, every forged, stale or unsigned one gets 401
// and reaches nothing.
func TestHTTPSignatures(t *testing.T) {
	s := newEdge(t, "http", nil)
	now := time.Now()

	// Discord's PING when the URL is saved.
	w, body := serve(s, signed(s.fake.Ping(), now, s))
	if w.Code != http.StatusOK || body["type"] != float64(1) || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("PING: %d %v %q", w.Code, body, w.Header().Get("Content-Type"))
	}

	_, _, payload := s.fake.NewInteraction(statusInvocation(s.fake))
	_, otherPriv := newKey(t)
	forged := func(r *http.Request) *http.Request {
		for k, v := range Sign(now, payload, otherPriv) {
			r.Header[k] = v
		}
		return r
	}
	bad := map[string]*http.Request{
		"forged":   forged(httptest.NewRequest(http.MethodPost, Path, bytes.NewReader(payload))),
		"stale":    signed(payload, now.Add(-10*time.Minute), s),
		"future":   signed(payload, now.Add(10*time.Minute), s),
		"unsigned": httptest.NewRequest(http.MethodPost, Path, bytes.NewReader(payload)),
		"tampered": func() *http.Request {
			r := signed(payload, now, s)
			r.Body = io.NopCloser(bytes.NewReader(append([]byte(" "), payload...)))
			return r
		}(),
		"forged ping":  forged(httptest.NewRequest(http.MethodPost, Path, bytes.NewReader(s.fake.Ping()))),
		"no timestamp": func() *http.Request { r := signed(payload, now, s); r.Header.Del(HeaderTimestamp); return r }(),
		"garbage sig":  func() *http.Request { r := signed(payload, now, s); r.Header.Set(HeaderSignature, "zz"); return r }(),
		"all-zero sig": func() *http.Request {
			r := signed(payload, now, s)
			r.Header.Set(HeaderSignature, strings.Repeat("0", 128))
			return r
		}(),
		"signature of key": func() *http.Request {
			r := signed(payload, now, s)
			r.Header.Set(HeaderSignature, hex.EncodeToString(s.priv))
			return r
		}(),
	}
	for name, r := range bad {
		w, _ := serve(s, r)
		if w.Code != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, w.Code)
		}
		if strings.Contains(w.Body.String(), hex.EncodeToString(s.priv)[:16]) {
			t.Errorf("%s: answer shows key material", name)
		}
	}
	if n := len(s.router.requests()); n != 0 {
		t.Fatalf("router called %d times by refused requests", n)
	}

	w, body = serve(s, signed(payload, now, s))
	if w.Code != http.StatusOK || body["type"] != float64(4) {
		t.Fatalf("valid command: %d %s", w.Code, w.Body)
	}
	data := body["data"].(map[string]any)
	if data["flags"] != float64(discordgo.MessageFlagsEphemeral) {
		t.Errorf("answer to one person not ephemeral: %v", data["flags"])
	}
	if am, _ := data["allowed_mentions"].(map[string]any); am == nil || am["parse"] == nil || len(am["parse"].([]any)) != 0 || am["replied_user"] == true {
		t.Errorf("allowed_mentions = %v", data["allowed_mentions"])
	}
	reqs := s.router.requests()
	if len(reqs) != 1 || reqs[0].Text != "status" || reqs[0].Platform != "discord" || reqs[0].Workspace != s.fake.GuildID() ||
		reqs[0].Channel != testChannel || reqs[0].User != "1077777777777777777" || reqs[0].UserName != "ana" || len(reqs[0].Groups) != 1 || reqs[0].Groups[0] != captainRole {
		t.Errorf("router got %+v", reqs)
	}

	// The same signed request again: a replay, answered once.
	w, _ = serve(s, signed(payload, now, s))
	if w.Code != http.StatusConflict || len(s.router.requests()) != 1 {
		t.Errorf("replay: %d, router called %d times", w.Code, len(s.router.requests()))
	}
	if strings.Contains(s.logs.String(), hex.EncodeToString(s.priv)) {
		t.Error("the private key reached the log")
	}
}

func TestHTTPLimits(t *testing.T) {
	s := newEdge(t, "http", func(o *Options) { o.MaxBody = 4 << 10 })
	big := bytes.Repeat([]byte("x"), 10<<20)
	r := signed(big, time.Now(), s)
	w, _ := serve(s, r)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("10 MB body: %d, want 413", w.Code)
	}
	r = signed(big[:5<<10], time.Now(), s)
	r.ContentLength = -1 // chunked: the cap still holds
	w, _ = serve(s, r)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked 5 KB body: %d, want 413", w.Code)
	}
	for _, tc := range []struct {
		method, path string
		want         int
	}{{http.MethodGet, Path, http.StatusMethodNotAllowed}, {http.MethodPost, "/discord/other", http.StatusNotFound}} {
		w, _ := serve(s, httptest.NewRequest(tc.method, tc.path, nil))
		if w.Code != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, w.Code, tc.want)
		}
	}
	w, _ = serve(s, signed([]byte("not json"), time.Now(), s))
	if w.Code != http.StatusBadRequest {
		t.Errorf("signed garbage: %d, want 400", w.Code)
	}
}

func TestHTTPRefusesOtherServersAndDMs(t *testing.T) {
	s := newEdge(t, "http", nil)
	inv := statusInvocation(s.fake)
	inv.Guild = otherGuild
	_, _, p := s.fake.NewInteraction(inv)
	_, body := serve(s, signed(p, time.Now(), s))
	if got := embedText(body); !strings.Contains(got, NotSetUpText) {
		t.Errorf("other server: %q", got)
	}
	inv = statusInvocation(s.fake)
	inv.DM = true
	_, _, p = s.fake.NewInteraction(inv)
	_, body = serve(s, signed(p, time.Now(), s))
	if got := embedText(body); !strings.Contains(got, NoDMText) {
		t.Errorf("DM: %q", got)
	}
	if n := len(s.router.requests()); n != 0 {
		t.Errorf("router called %d times", n)
	}
}

func embedText(body map[string]any) string {
	b, _ := json.Marshal(body)
	return string(b)
}

// TestHTTPSlowCommandDefersThenEdits: a command slower than the inline
// wait is deferred at once and its answer edits the deferral.
func TestHTTPSlowCommandDefersThenEdits(t *testing.T) {
	s := newEdge(t, "http", func(o *Options) { o.InlineWait = 50 * time.Millisecond })
	s.router.delay = make(chan struct{})
	s.router.reply = bot.Reply{Title: "The answer", Lines: []string{"It started on 2024-10-14."}}
	inv := statusInvocation(s.fake)
	inv.Subcommand, inv.Options = "ask", []discordfake.Option{{Name: "question", Value: "when did it start?"}}
	id, _, p := s.fake.NewInteraction(inv)
	start := time.Now()
	w, body := serve(s, signed(p, time.Now(), s))
	if took := time.Since(start); took > time.Second {
		t.Errorf("deferral took %s", took)
	}
	data, _ := body["data"].(map[string]any)
	if w.Code != http.StatusOK || body["type"] != float64(5) || data["flags"] != float64(discordgo.MessageFlagsEphemeral) {
		t.Fatalf("slow command: %d %s", w.Code, w.Body)
	}
	s.fake.AnsweredOverHTTP(id)
	close(s.router.delay)
	waitFor(t, 5*time.Second, "the deferral edited", func() bool { return len(s.fake.Responses(id)) == 1 })
	r := s.fake.Responses(id)[0]
	if r.Kind != "edit" || len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != "The answer" {
		t.Errorf("edit = %+v", r)
	}
	if reqs := s.router.requests(); len(reqs) != 1 || reqs[0].Text != "ask when did it start?" {
		t.Errorf("router got %+v", reqs)
	}
}

// TestHTTPDeferredVisibility: a deferral promises public or private; a
// reply that turns out otherwise never shows a private answer publicly.
func TestHTTPDeferredVisibility(t *testing.T) {
	for _, tc := range []struct {
		name       string
		sub        string
		opts       []discordfake.Option
		reply      bot.Reply
		wantFlags  float64
		wantKinds  string
		publicLast bool
	}{
		{"public as promised", "subscribe", nil, bot.Reply{Public: true, Title: "Subscribed"}, 0, "edit", true},
		{"refused after a public deferral", "subscribe", nil, bot.Reply{Lines: []string{bot.NotCaptainText}}, 0, "delete followup", false},
		{"public after a private deferral", "latest", nil, bot.Reply{Public: true, Title: "Latest"}, 64, "edit followup", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newEdge(t, "http", func(o *Options) { o.InlineWait = 20 * time.Millisecond })
			s.router.delay = make(chan struct{})
			s.router.reply = tc.reply
			inv := statusInvocation(s.fake)
			inv.Subcommand, inv.Options = tc.sub, tc.opts
			id, _, p := s.fake.NewInteraction(inv)
			_, body := serve(s, signed(p, time.Now(), s))
			data, _ := body["data"].(map[string]any)
			flags, _ := data["flags"].(float64)
			if body["type"] != float64(5) || flags != tc.wantFlags {
				t.Fatalf("deferral %v, want flags %v", body, tc.wantFlags)
			}
			s.fake.AnsweredOverHTTP(id)
			close(s.router.delay)
			n := len(strings.Fields(tc.wantKinds))
			waitFor(t, 5*time.Second, "the answer", func() bool { return len(s.fake.Responses(id)) == n })
			rs := s.fake.Responses(id)
			var kinds []string
			for _, r := range rs {
				kinds = append(kinds, r.Kind)
			}
			if strings.Join(kinds, " ") != tc.wantKinds {
				t.Errorf("answers %v, want %s", kinds, tc.wantKinds)
			}
			last := rs[len(rs)-1]
			if last.Kind == "followup" && (last.Data.Flags&discordfake.FlagEphemeral == 0) != tc.publicLast {
				t.Errorf("follow-up flags %d, public wanted %v", last.Data.Flags, tc.publicLast)
			}
		})
	}
}

// TestHTTPConcurrentReplayAnsweredOnce sends one signed interaction many
// times at once, as a replay or two load-balanced copies would.
func TestHTTPConcurrentReplayAnsweredOnce(t *testing.T) {
	s := newEdge(t, "http", nil)
	_, _, p := s.fake.NewInteraction(statusInvocation(s.fake))
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	for range 8 {
		wg.Go(func() {
			w, _ := serve(s, signed(p, time.Now(), s))
			mu.Lock()
			codes[w.Code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if codes[http.StatusOK] != 1 || codes[http.StatusConflict] != 7 || len(s.router.requests()) != 1 {
		t.Errorf("codes %v, router called %d times", codes, len(s.router.requests()))
	}
}

// TestReplayAcrossReplicas: two edges sharing a store answer an
// interaction once.
func TestReplayAcrossReplicas(t *testing.T) {
	a := newEdge(t, "http", nil)
	b := newEdge(t, "http", func(o *Options) { o.PublicKey = a.edge.o.PublicKey; o.Store = a.store })
	b.priv = a.priv
	_, _, p := a.fake.NewInteraction(statusInvocation(a.fake))
	wa, _ := serve(a, signed(p, time.Now(), a))
	wb, _ := serve(b, signed(p, time.Now(), b))
	if wa.Code != http.StatusOK || wb.Code != http.StatusConflict || len(b.router.requests()) != 0 {
		t.Errorf("replica A %d, replica B %d (router B called %d times)", wa.Code, wb.Code, len(b.router.requests()))
	}
}
