package slackfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// call posts form to a Web API method and decodes the answer.
func call(t *testing.T, s *Server, method string, form url.Values) map[string]any {
	t.Helper()
	res, err := http.Post(s.APIURL()+method, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// steppingClock advances a second on every reading.
type steppingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *steppingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func tsList(m map[string]any) []string {
	msgs, _ := m["messages"].([]any)
	var out []string
	for _, x := range msgs {
		out = append(out, x.(map[string]any)["ts"].(string))
	}
	return out
}

func TestHistory(t *testing.T) {
	clock := &steppingClock{t: time.Date(2025, 4, 28, 16, 0, 0, 0, time.UTC)}
	s, err := New(Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.AddChannel("C1", true)
	s.AddChannel("C2", false)
	var tss []string
	for i := range 5 {
		form := url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "text": {fmt.Sprint("m", i)},
			"metadata": {fmt.Sprintf(`{"event_type":"strikebot_post","event_payload":{"key":"k%d"}}`, i)}}
		if i == 3 {
			form.Set("thread_ts", tss[0])
		}
		m := call(t, s, "chat.postMessage", form)
		if m["ok"] != true {
			t.Fatalf("post %d: %v", i, m)
		}
		tss = append(tss, m["ts"].(string))
	}
	tok := func(kv ...string) url.Values {
		v := url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}

	t.Run("newest first, no thread replies, no metadata unasked", func(t *testing.T) {
		m := call(t, s, "conversations.history", tok())
		got, want := strings.Join(tsList(m), ","), strings.Join([]string{tss[4], tss[2], tss[1], tss[0]}, ",")
		if got != want {
			t.Errorf("ts = %s, want %s", got, want)
		}
		for _, x := range m["messages"].([]any) {
			if _, ok := x.(map[string]any)["metadata"]; ok {
				t.Errorf("metadata without include_all_metadata: %v", x)
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		m := call(t, s, "conversations.history", tok("limit", "2", "include_all_metadata", "1"))
		if got, want := strings.Join(tsList(m), ","), tss[4]+","+tss[2]; got != want || m["has_more"] != true {
			t.Fatalf("page 1 = %s (has_more %v), want %s", got, m["has_more"], want)
		}
		meta := m["messages"].([]any)[0].(map[string]any)["metadata"].(map[string]any)
		if got, want := meta["event_payload"].(map[string]any)["key"], "k4"; got != want {
			t.Errorf("metadata key = %v, want %v", got, want)
		}
		cursor := m["response_metadata"].(map[string]any)["next_cursor"].(string)
		m = call(t, s, "conversations.history", tok("limit", "2", "cursor", cursor))
		if got, want := strings.Join(tsList(m), ","), tss[1]+","+tss[0]; got != want || m["has_more"] != false {
			t.Fatalf("page 2 = %s (has_more %v), want %s", got, m["has_more"], want)
		}
	})

	t.Run("oldest and latest", func(t *testing.T) {
		m := call(t, s, "conversations.history", tok("oldest", tss[1], "latest", tss[4]))
		if got, want := strings.Join(tsList(m), ","), tss[2]; got != want {
			t.Errorf("exclusive = %s, want %s", got, want)
		}
		m = call(t, s, "conversations.history", tok("oldest", tss[1], "latest", tss[4], "inclusive", "1"))
		if got, want := strings.Join(tsList(m), ","), tss[4]+","+tss[2]+","+tss[1]; got != want {
			t.Errorf("inclusive = %s, want %s", got, want)
		}
	})

	t.Run("replies", func(t *testing.T) {
		m := call(t, s, "conversations.replies", tok("ts", tss[0], "include_all_metadata", "true"))
		if got, want := strings.Join(tsList(m), ","), tss[0]+","+tss[3]; got != want {
			t.Errorf("replies = %s, want %s", got, want)
		}
		m = call(t, s, "conversations.replies", tok("ts", "1.000001"))
		if m["error"] != "thread_not_found" {
			t.Errorf("unknown thread: %v", m)
		}
	})

	errs := []struct {
		name   string
		method string
		form   url.Values
		want   string
	}{
		{"bad token", "conversations.history", url.Values{"token": {"xoxb-no"}, "channel": {"C1"}}, "invalid_auth"},
		{"no channel", "conversations.history", tok("channel", "C9"), "channel_not_found"},
		{"not member", "conversations.history", tok("channel", "C2"), "not_in_channel"},
		{"bad cursor", "conversations.history", tok("cursor", "zz"), "invalid_cursor"},
		{"bad oldest", "conversations.history", tok("oldest", "x"), "invalid_ts_oldest"},
		{"replies without ts", "conversations.replies", tok(), "invalid_arguments"},
		{"bad metadata", "chat.postMessage", tok("text", "x", "metadata", `{"event_type":""}`), "invalid_metadata_format"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			if m := call(t, s, tt.method, tt.form); m["error"] != tt.want {
				t.Errorf("answer = %v, want error %s", m, tt.want)
			}
		})
	}

	t.Run("missing scope", func(t *testing.T) {
		s.SetHistoryAllowed(false)
		defer s.SetHistoryAllowed(true)
		for _, method := range []string{"conversations.history", "conversations.replies"} {
			if m := call(t, s, method, tok("ts", tss[0])); m["error"] != "missing_scope" || m["needed"] == nil {
				t.Errorf("%s answer = %v, want missing_scope", method, m)
			}
		}
	})
}

func TestHoldRelease(t *testing.T) {
	s, err := New(Options{Now: (&steppingClock{t: time.Date(2025, 4, 28, 16, 0, 0, 0, time.UTC)}).Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.AddChannel("C1", true)
	form := url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}, "text": {"x"}}

	s.Hold()
	done := make(chan map[string]any, 1)
	go func() {
		res, err := http.Post(s.APIURL()+"chat.postMessage", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		if err != nil {
			done <- map[string]any{"err": err.Error()}
			return
		}
		defer res.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(res.Body).Decode(&m)
		done <- m
	}()
	deadline := time.Now().Add(10 * time.Second)
	for s.Held() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("post never held")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if got, want := len(s.Posts()), 1; got != want {
		t.Fatalf("posts while held = %d, want %d", got, want)
	}
	if m := call(t, s, "conversations.history", url.Values{"token": {"xoxb-fake"}, "channel": {"C1"}}); len(tsList(m)) != 1 {
		t.Errorf("history while held = %v, want the held post", m)
	}
	select {
	case m := <-done:
		t.Fatalf("held post answered: %v", m)
	case <-time.After(20 * time.Millisecond):
	}
	s.Release()
	if m := <-done; m["ok"] != true || m["ts"] != s.Posts()[0].TS {
		t.Errorf("answer after Release = %v", m)
	}

	// Closing the fake drops a held post's connection without an answer.
	s.Hold()
	go func() {
		res, err := http.Post(s.APIURL()+"chat.postMessage", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		if err != nil {
			done <- map[string]any{"err": err.Error()}
			return
		}
		res.Body.Close()
		done <- map[string]any{"status": res.StatusCode}
	}()
	for s.Held() < 2 {
		if time.Now().After(deadline) {
			t.Fatal("second post never held")
		}
		time.Sleep(2 * time.Millisecond)
	}
	s.Close()
	if m := <-done; m["err"] == nil {
		t.Errorf("held post after Close = %v, want a broken connection", m)
	}
}

func FuzzParseTS(f *testing.F) {
	for _, s := range []string{"", "0", "1714320300.000123", "1.5", "x.1", "-1.0", "1.1234567", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := parseTS(s)
		if !ok {
			return
		}
		if a.sec < 0 || a.frac < 0 || a.frac > 999999 {
			t.Fatalf("parseTS(%q) = %+v", s, a)
		}
		b, _ := parseTS(fmt.Sprintf("%d.%06d", a.sec, a.frac))
		if a.cmp(b) != 0 {
			t.Fatalf("parseTS(%q) = %+v, round trip %+v", s, a, b)
		}
	})
}
