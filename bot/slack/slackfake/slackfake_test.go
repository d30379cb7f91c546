package slackfake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func post(t *testing.T, s *Server, form url.Values) map[string]any {
	t.Helper()
	res, err := http.Post(s.APIURL()+"chat.postMessage", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	m["status"] = res.StatusCode
	return m
}

func TestChecks(t *testing.T) {
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	s, err := New(Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.AddChannel("C1", true)
	s.AddChannel("C2", false)
	tooMany := "[" + strings.TrimSuffix(strings.Repeat(`{"type":"divider"},`, 51), ",") + "]"
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"no token", url.Values{"channel": {"C1"}, "text": {"x"}}, "not_authed"},
		{"bad token", url.Values{"token": {"xoxb-no"}, "channel": {"C1"}, "text": {"x"}}, "invalid_auth"},
		{"no channel", url.Values{"token": {"xoxb-fake"}, "channel": {"C9"}, "text": {"x"}}, "channel_not_found"},
		{"not member", url.Values{"token": {"xoxb-fake"}, "channel": {"C2"}, "text": {"x"}}, "not_in_channel"},
		{"no text", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}}, "no_text"},
		{"bad blocks", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "blocks": {"{"}}, "invalid_blocks"},
		{"51 blocks", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "blocks": {tooMany}}, "invalid_blocks"},
		{"long header", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "blocks": {`[{"type":"header","text":{"type":"plain_text","text":"` + strings.Repeat("h", 151) + `"}}]`}}, "invalid_blocks"},
		{"long text", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "text": {strings.Repeat("t", 40001)}}, "msg_too_long"},
		{"ok", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "text": {"x"}}, ""},
		{"too fast", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "text": {"y"}}, "ratelimited"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := post(t, s, tt.form)
			if tt.want == "" {
				if m["ok"] != true || m["ts"] == "" {
					t.Errorf("answer = %v", m)
				}
				return
			}
			if m["ok"] != false || m["error"] != tt.want {
				t.Errorf("answer = %v, want error %s", m, tt.want)
			}
		})
	}
	if got := s.RateLimited(); got != 1 {
		t.Errorf("429s = %d, want 1", got)
	}
	if got := len(s.Posts()); got != 1 {
		t.Errorf("posts = %d, want 1", got)
	}
}
