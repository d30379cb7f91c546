package discordfake

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func newServer(t *testing.T, o Options) *Server {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	s.AddChannel("1045678901234567890", Channel{})
	return s
}

type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func call(t *testing.T, s *Server, method, path, token string, body any) answer {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, strings.TrimSuffix(s.URL(), "/")+path, r)
	req.Header.Set("User-Agent", "DiscordBot (https://example.org, 1)")
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bot "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, header: resp.Header}
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func msg(text string) map[string]any {
	return map[string]any{"content": text, "allowed_mentions": map[string]any{"parse": []string{}}}
}

func TestShapes(t *testing.T) {
	s := newServer(t, Options{BucketLimit: 2, BucketWindow: time.Minute})
	const ch = "/channels/1045678901234567890/messages"

	if a := call(t, s, "POST", ch, "wrong", msg("x")); a.status != 401 || a.body["message"] != "401: Unauthorized" || a.body["code"] != float64(0) {
		t.Errorf("bad token: %+v", a)
	}
	a := call(t, s, "POST", ch, s.Token(), msg("one"))
	if a.status != 200 || a.body["id"] == "" || a.header.Get("X-RateLimit-Remaining") != "1" || a.header.Get("X-RateLimit-Bucket") == "" ||
		a.header.Get("X-RateLimit-Reset-After") == "" || a.header.Get("X-RateLimit-Limit") != "2" {
		t.Errorf("first post: %+v", a)
	}
	call(t, s, "POST", ch, s.Token(), msg("two"))
	a = call(t, s, "POST", ch, s.Token(), msg("three"))
	if a.status != 429 || a.header.Get("X-RateLimit-Scope") != "user" || a.body["global"] != false || a.header.Get("Retry-After") == "" {
		t.Errorf("third post: %+v", a)
	}
	if ra, ok := a.body["retry_after"].(float64); !ok || ra <= 0 || ra > 60 {
		t.Errorf("retry_after %v", a.body["retry_after"])
	}

	s.RateLimitNext(Limit{Scope: "global", RetryAfter: 0.5})
	a = call(t, s, "GET", ch, s.Token(), nil)
	if a.status != 429 || a.header.Get("X-RateLimit-Global") != "true" || a.body["global"] != true || a.body["retry_after"] != 0.5 {
		t.Errorf("global: %+v", a)
	}
	if n := s.Invalid(); n != 3 { // the 401 and both 429s
		t.Errorf("invalid %d, want 3", n)
	}

	a = call(t, s, "POST", "/channels/1045678901234567899/messages", s.Token(), msg("x"))
	if a.status != 404 || a.body["code"] != float64(10003) || a.body["message"] != "Unknown Channel" {
		t.Errorf("unknown channel: %+v", a)
	}
}

func TestMessageChecks(t *testing.T) {
	s := newServer(t, Options{})
	const ch = "/channels/1045678901234567890/messages"
	long := strings.Repeat("é", 2001)
	for name, tc := range map[string]struct {
		body any
		code float64
		path string
	}{
		"content too long":     {msg(long), 50035, "content"},
		"empty":                {msg(""), 50006, ""},
		"no allowed_mentions":  {map[string]any{"content": "x"}, 50035, "allowed_mentions"},
		"mentions allowed":     {map[string]any{"content": "x", "allowed_mentions": map[string]any{"parse": []string{"everyone"}}}, 50035, "allowed_mentions"},
		"nonce too long":       {map[string]any{"content": "x", "nonce": strings.Repeat("n", 26), "allowed_mentions": map[string]any{"parse": []string{}}}, 50035, "nonce"},
		"embed description":    {map[string]any{"embeds": []any{map[string]any{"description": strings.Repeat("d", 4097)}}, "allowed_mentions": map[string]any{"parse": []string{}}}, 50035, "embeds"},
		"embeds over 6,000":    {map[string]any{"embeds": []any{map[string]any{"description": strings.Repeat("d", 4000)}, map[string]any{"description": strings.Repeat("d", 2001)}}, "allowed_mentions": map[string]any{"parse": []string{}}}, 50035, "embeds"},
		"field without a name": {map[string]any{"embeds": []any{map[string]any{"fields": []any{map[string]any{"name": " ", "value": "v"}}}}, "allowed_mentions": map[string]any{"parse": []string{}}}, 50035, "embeds"},
	} {
		a := call(t, s, "POST", ch, s.Token(), tc.body)
		if a.status != 400 || a.body["code"] != tc.code {
			t.Errorf("%s: %+v", name, a)
			continue
		}
		if tc.path != "" {
			if _, ok := a.body["errors"].(map[string]any)[tc.path]; !ok {
				t.Errorf("%s: errors %v lack %q", name, a.body["errors"], tc.path)
			}
		}
	}
	// Trimmed white space does not count; 2,000 code points of é pass.
	if a := call(t, s, "POST", ch, s.Token(), msg("  "+long[:len(long)-2]+"  ")); a.status != 200 {
		t.Errorf("2,000 characters with spaces around: %+v", a)
	}
	if n := len(s.Messages("")); n != 1 {
		t.Errorf("%d messages stored by refused posts", n)
	}
}

func TestNonce(t *testing.T) {
	s := newServer(t, Options{})
	const ch = "/channels/1045678901234567890/messages"
	body := map[string]any{"content": "x", "nonce": "sb1", "enforce_nonce": true, "allowed_mentions": map[string]any{"parse": []string{}}}
	a1 := call(t, s, "POST", ch, s.Token(), body)
	a2 := call(t, s, "POST", ch, s.Token(), body)
	if a1.body["id"] != a2.body["id"] || len(s.Messages("")) != 1 {
		t.Errorf("same nonce: ids %v %v, %d messages", a1.body["id"], a2.body["id"], len(s.Messages("")))
	}
	delete(body, "enforce_nonce")
	call(t, s, "POST", ch, s.Token(), body)
	if n := len(s.Messages("")); n != 2 {
		t.Errorf("nonce without enforce_nonce: %d messages, want 2", n)
	}
}

func TestInteractionDeadlines(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	s := newServer(t, Options{Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
	id, token, _ := s.NewInteraction(Invocation{Channel: "1045678901234567890", User: "1", Subcommand: "status"})
	resp := map[string]any{"type": 4, "data": map[string]any{"content": "hi", "allowed_mentions": map[string]any{"parse": []string{}}}}
	advance(3100 * time.Millisecond)
	if a := call(t, s, "POST", "/interactions/"+id+"/"+token+"/callback", "", resp); a.status != 404 || a.body["code"] != float64(10062) {
		t.Errorf("late answer: %+v", a)
	}
	id, token, _ = s.NewInteraction(Invocation{Channel: "1045678901234567890", User: "1", Subcommand: "status"})
	if a := call(t, s, "POST", "/interactions/"+id+"/"+token+"/callback", "", resp); a.status != 204 {
		t.Errorf("answer: %+v", a)
	}
	if a := call(t, s, "POST", "/interactions/"+id+"/"+token+"/callback", "", resp); a.status != 400 || a.body["code"] != float64(40060) {
		t.Errorf("second answer: %+v", a)
	}
	edit := map[string]any{"content": "edited", "allowed_mentions": map[string]any{"parse": []string{}}}
	if a := call(t, s, "PATCH", "/webhooks/"+s.ApplicationID()+"/"+token+"/messages/@original", "", edit); a.status != 200 {
		t.Errorf("edit: %+v", a)
	}
	advance(16 * time.Minute)
	if a := call(t, s, "PATCH", "/webhooks/"+s.ApplicationID()+"/"+token+"/messages/@original", "", edit); a.status != 401 || a.body["code"] != float64(50027) {
		t.Errorf("edit after 15 minutes: %+v", a)
	}
}
