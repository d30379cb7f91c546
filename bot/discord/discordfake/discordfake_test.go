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

// TestEdits: the edit endpoint checks what Discord checks, keeps the
// parts an edit leaves out, has its own bucket, and records each edit.
func TestEdits(t *testing.T) {
	s := newServer(t, Options{BucketLimit: 2, BucketWindow: time.Minute})
	const ch = "/channels/1045678901234567890/messages"
	posted := call(t, s, "POST", ch, s.Token(), map[string]any{"content": "old words",
		"embeds": []any{map[string]any{"title": "Old"}}, "allowed_mentions": map[string]any{"parse": []string{}}})
	id, _ := posted.body["id"].(string)
	edit := map[string]any{"embeds": []any{map[string]any{"title": "New"}}, "allowed_mentions": map[string]any{"parse": []string{}}}

	if a := call(t, s, "PATCH", ch+"/"+id, "wrong", edit); a.status != 401 {
		t.Errorf("bad token: %+v", a)
	}
	a := call(t, s, "PATCH", ch+"/"+id, s.Token(), edit)
	if a.status != 200 || a.header.Get("X-RateLimit-Bucket") != "fake-edit-message" || a.header.Get("X-RateLimit-Remaining") != "1" ||
		a.body["edited_timestamp"] == nil {
		t.Fatalf("edit: %+v", a)
	}
	m := s.Messages("")[0]
	if m.Content != "old words" || len(m.Embeds) != 1 || m.Embeds[0].Title != "New" || m.Edited != 1 {
		t.Errorf("after an edit of the embeds only: %+v", m)
	}
	// Content "" clears it; embeds [] with no content left is refused.
	if a := call(t, s, "PATCH", ch+"/"+id, s.Token(), map[string]any{"content": "", "embeds": []any{}, "allowed_mentions": map[string]any{"parse": []string{}}}); a.status != 400 || a.body["code"] != float64(50006) {
		t.Errorf("edit to nothing: %+v", a)
	}
	for name, tc := range map[string]struct {
		path   string
		body   any
		status int
		code   float64
	}{
		"unknown message":     {ch + "/1045678901234567000", edit, 404, 10008},
		"unknown channel":     {"/channels/1045678901234567899/messages/" + id, edit, 404, 10003},
		"too long":            {ch + "/" + id, map[string]any{"content": strings.Repeat("x", 2001), "allowed_mentions": map[string]any{"parse": []string{}}}, 400, 50035},
		"no allowed_mentions": {ch + "/" + id, map[string]any{"content": "x"}, 400, 50035},
		"a role in an edit":   {ch + "/" + id, map[string]any{"content": "<@&1066666666666666666>", "allowed_mentions": map[string]any{"parse": []string{}, "roles": []string{"1066666666666666666"}}}, 400, 50035},
	} {
		if a := call(t, s, "PATCH", tc.path, s.Token(), tc.body); a.status != tc.status || a.body["code"] != tc.code {
			t.Errorf("%s: %+v", name, a)
		}
	}
	other := s.AddUserMessage("1045678901234567890", "1077777777777777777", "a member's words")
	if a := call(t, s, "PATCH", ch+"/"+other, s.Token(), edit); a.status != 403 || a.body["code"] != float64(50005) {
		t.Errorf("a member's message: %+v", a)
	}
	// The edit bucket: two per minute here, apart from creates.
	call(t, s, "PATCH", ch+"/"+id, s.Token(), edit)
	if a := call(t, s, "PATCH", ch+"/"+id, s.Token(), edit); a.status != 429 || a.header.Get("X-RateLimit-Bucket") != "fake-edit-message" {
		t.Errorf("third edit in the window: %+v", a)
	}
	if a := call(t, s, "POST", ch, s.Token(), msg("still allowed")); a.status != 200 {
		t.Errorf("a create after the edits: %+v", a)
	}
	if n := len(s.Edits()); n != 2 {
		t.Errorf("%d edits recorded, want 2", n)
	}
	s.RateLimitNextEdit(Limit{Scope: "user", RetryAfter: 0.25})
	if a := call(t, s, "PATCH", ch+"/"+id, s.Token(), edit); a.status != 429 || a.body["retry_after"] != 0.25 {
		t.Errorf("scripted 429: %+v", a)
	}
}

// TestEditInArchivedThread: an archived thread's messages cannot be
// edited until the thread is unarchived.
func TestEditInArchivedThread(t *testing.T) {
	s := newServer(t, Options{})
	const ch = "/channels/1045678901234567890/messages"
	root, _ := call(t, s, "POST", ch, s.Token(), msg("story")).body["id"].(string)
	if a := call(t, s, "POST", ch+"/"+root+"/threads", s.Token(), map[string]any{"name": "Story"}); a.status != 201 {
		t.Fatalf("thread: %+v", a)
	}
	in, _ := call(t, s, "POST", "/channels/"+root+"/messages", s.Token(), msg("update")).body["id"].(string)
	s.ArchiveThread(root)
	edit := msg("retracted")
	if a := call(t, s, "PATCH", "/channels/"+root+"/messages/"+in, s.Token(), edit); a.status != 400 || a.body["code"] != float64(50083) {
		t.Errorf("edit in an archived thread: %+v", a)
	}
	if a := call(t, s, "PATCH", "/channels/"+root, s.Token(), map[string]any{"archived": false}); a.status != 200 {
		t.Errorf("unarchive: %+v", a)
	}
	if a := call(t, s, "PATCH", "/channels/"+root+"/messages/"+in, s.Token(), edit); a.status != 200 {
		t.Errorf("edit after unarchiving: %+v", a)
	}
}

// TestRoleMentions: a new message may ping the one role its content
// mentions, listed in allowed_mentions.roles; never @everyone (the
// server's own ID as a role), never by parse, never a role it does not
// mention; Discord's own rules on allowed_mentions hold too.
func TestRoleMentions(t *testing.T) {
	s := newServer(t, Options{})
	const ch = "/channels/1045678901234567890/messages"
	const role = "1066666666666666666"
	withRoles := func(content string, am map[string]any) map[string]any {
		return map[string]any{"content": content, "allowed_mentions": am}
	}
	a := call(t, s, "POST", ch, s.Token(), withRoles("<@&"+role+"> Phase change", map[string]any{"parse": []string{}, "roles": []string{role}}))
	if a.status != 200 {
		t.Fatalf("role ping: %+v", a)
	}
	if m := s.Messages("")[0]; len(m.Pinged) != 1 || m.Pinged[0] != role {
		t.Errorf("pinged %v, want the role", m.Pinged)
	}
	if a := call(t, s, "POST", ch, s.Token(), withRoles("<@&"+role+"> quiet", map[string]any{"parse": []string{}})); a.status != 200 {
		t.Errorf("a mention not allowed: %+v", a)
	} else if m := s.Messages("")[1]; len(m.Pinged) != 0 {
		t.Errorf("pinged %v, want nobody", m.Pinged)
	}
	for name, body := range map[string]any{
		"everyone role":       withRoles("<@&"+DefaultGuildID+">", map[string]any{"parse": []string{}, "roles": []string{DefaultGuildID}}),
		"role not mentioned":  withRoles("hello", map[string]any{"parse": []string{}, "roles": []string{role}}),
		"parse roles":         withRoles("<@&"+role+">", map[string]any{"parse": []string{"roles"}}),
		"parse and roles":     withRoles("<@&"+role+">", map[string]any{"parse": []string{"roles"}, "roles": []string{role}}),
		"unknown parse value": withRoles("x", map[string]any{"parse": []string{"channels"}}),
	} {
		if a := call(t, s, "POST", ch, s.Token(), body); a.status != 400 || a.body["code"] != float64(50035) {
			t.Errorf("%s: %+v", name, a)
		}
	}
}
