package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/store/sqlite"
)

const testSecret = "test-signing-secret"

// recorder is a Router that remembers its requests.
type recorder struct {
	mu    sync.Mutex
	reqs  []bot.Request
	reply bot.Reply
	delay chan struct{} // if set, Handle waits for it
}

func (r *recorder) Handle(ctx context.Context, req bot.Request) bot.Reply {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.mu.Unlock()
	if r.delay != nil {
		select {
		case <-r.delay:
		case <-ctx.Done():
		}
	}
	return r.reply
}

func (r *recorder) count() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.reqs) }

func commandBody(team, text, responseURL string) []byte {
	return []byte(url.Values{"team_id": {team}, "channel_id": {"C1"}, "user_id": {"U1"}, "user_name": {"ana"},
		"command": {"/strike"}, "text": {text}, "response_url": {responseURL}, "trigger_id": {"1.2.3"}}.Encode())
}

func signedRequest(path string, body []byte, at time.Time, secret string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	for k, v := range Sign(at, body, secret) {
		r.Header[k] = v
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

func newHandler(t *testing.T, router Router, mod func(*HandlerOptions)) *Handler {
	t.Helper()
	o := HandlerOptions{SigningSecret: testSecret, Teams: []string{"T1"}, Router: router, Now: func() time.Time { return published }}
	if mod != nil {
		mod(&o)
	}
	h := NewHandler(o)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Shutdown(ctx)
	})
	return h
}

func TestCommandInline(t *testing.T) {
	rec := &recorder{reply: bot.Reply{Public: true, Title: "Status", Lines: []string{"<!channel> day 42"}}}
	h := newHandler(t, rec, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("/slack/commands", commandBody("T1", "status post", "https://hooks.example/x"), published, testSecret))
	if w.Code != http.StatusOK {
		t.Fatalf("status = %d, body %s", w.Code, w.Body)
	}
	var resp struct {
		ResponseType string           `json:"response_type"`
		Text         string           `json:"text"`
		Blocks       []map[string]any `json:"blocks"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.ResponseType != "in_channel" || len(resp.Blocks) == 0 || strings.Contains(w.Body.String(), "<!channel>") {
		t.Errorf("response = %s", w.Body)
	}
	if rec.count() != 1 {
		t.Fatalf("router called %d times", rec.count())
	}
	got := rec.reqs[0]
	if got.Platform != "slack" || got.Workspace != "T1" || got.Channel != "C1" || got.User != "U1" || got.UserName != "ana" || got.Text != "status post" || !got.At.Equal(published) {
		t.Errorf("request = %+v", got)
	}
}

func TestRequestsRefused(t *testing.T) {
	rec := &recorder{}
	h := newHandler(t, rec, nil)
	body := commandBody("T1", "status", "")
	tests := []struct {
		name string
		req  *http.Request
		code int
	}{
		{"wrong secret", signedRequest("/slack/commands", body, published, "other"), http.StatusUnauthorized},
		{"6 minutes old", signedRequest("/slack/commands", body, published.Add(-6*time.Minute), testSecret), http.StatusUnauthorized},
		{"6 minutes ahead", signedRequest("/slack/commands", body, published.Add(6*time.Minute), testSecret), http.StatusUnauthorized},
		{"unsigned", httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body)), http.StatusUnauthorized},
		{"10 MB", signedRequest("/slack/commands", bytes.Repeat([]byte("a"), 10<<20), published, testSecret), http.StatusRequestEntityTooLarge},
		{"GET", httptest.NewRequest(http.MethodGet, "/slack/commands", nil), http.StatusMethodNotAllowed},
		{"unknown path", httptest.NewRequest(http.MethodPost, "/slack/other", nil), http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.req)
			if w.Code != tt.code {
				t.Errorf("status = %d, want %d", w.Code, tt.code)
			}
			expected := Sign(published, body, testSecret).Get(HeaderSignature)
			if strings.Contains(w.Body.String(), strings.TrimPrefix(expected, "v0=")) {
				t.Error("body holds the computed signature")
			}
		})
	}
	t.Run("unknown chunked body", func(t *testing.T) {
		big := bytes.Repeat([]byte("a"), DefaultMaxBody+1)
		r := signedRequest("/slack/commands", big, published, testSecret)
		r.ContentLength = -1
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status = %d, want 413", w.Code)
		}
	})
	t.Run("other workspace", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest("/slack/commands", commandBody("T666", "set phase ended", ""), published, testSecret))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "not set up") {
			t.Errorf("status %d body %s", w.Code, w.Body)
		}
	})
	if rec.count() != 0 {
		t.Errorf("router called %d times, want 0", rec.count())
	}
}

func TestCommandSlowAnswersLater(t *testing.T) {
	fs := newFake(t, nil)
	responseURL := fs.NewResponseURL()
	rec := &recorder{reply: bot.Reply{Title: "Answer", Lines: []string{"It took a while."}}, delay: make(chan struct{})}
	h := newHandler(t, rec, func(o *HandlerOptions) { o.InlineWait = 20 * time.Millisecond })
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, signedRequest("/slack/commands", commandBody("T1", "ask when is the vote?", responseURL), published, testSecret))
	if d := time.Since(start); d > time.Second {
		t.Errorf("ack took %v", d)
	}
	if !strings.Contains(w.Body.String(), workingText) {
		t.Fatalf("ack = %s", w.Body)
	}
	close(rec.delay)
	deadline := time.Now().Add(5 * time.Second)
	for len(fs.Responses(responseURL)) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	rs := fs.Responses(responseURL)
	if len(rs) != 1 || rs[0].Body["response_type"] != "ephemeral" || rs[0].Body["replace_original"] != true || !strings.Contains(rs[0].Body["text"].(string), "It took a while.") {
		t.Fatalf("responses = %+v, want one replacing \"Working on it…\"", rs)
	}

	// A slow answer for the whole channel: posted, and the note deleted.
	responseURL = fs.NewResponseURL()
	rec.mu.Lock()
	rec.reply.Public, rec.delay = true, make(chan struct{})
	rec.mu.Unlock()
	w = httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("/slack/commands", commandBody("T1", "status post", responseURL), published, testSecret))
	close(rec.delay)
	deadline = time.Now().Add(5 * time.Second)
	for len(fs.Responses(responseURL)) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	rs = fs.Responses(responseURL)
	if len(rs) != 2 || rs[0].Body["response_type"] != "in_channel" || rs[0].Body["replace_original"] != nil || rs[1].Body["delete_original"] != true {
		t.Fatalf("public responses = %+v", rs)
	}
}

func TestEvents(t *testing.T) {
	var calls atomic.Int32
	h := newHandler(t, &recorder{}, func(o *HandlerOptions) {
		o.OnEvent = func(ctx context.Context, team string, ev slackevents.EventsAPIEvent) { calls.Add(1) }
	})
	t.Run("url_verification", func(t *testing.T) {
		body := []byte(`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest("/slack/events", body, published, testSecret))
		if got, want := w.Body.String(), "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
	})
	body := []byte(`{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1,"event":{"type":"app_mention","user":"U1","text":"hi","ts":"1.1","channel":"C1","event_ts":"1.1"}}`)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			r := signedRequest("/slack/events", body, published, testSecret)
			r.Header.Set("Content-Type", "application/json")
			if i > 0 {
				r.Header.Set("X-Slack-Retry-Num", "1")
				r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Errorf("status = %d", w.Code)
			}
		})
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 1 {
		t.Errorf("OnEvent called %d times, want 1", got)
	}
}

func TestInteractionAcknowledged(t *testing.T) {
	h := newHandler(t, &recorder{}, nil)
	body := []byte(url.Values{"payload": {`{"type":"block_actions","team":{"id":"T1"}}`}}.Encode())
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("/slack/interactions", body, published, testSecret))
	if w.Code != http.StatusOK {
		t.Errorf("status = %d", w.Code)
	}
	_, _ = io.Copy(io.Discard, w.Body)
}

// TestEventsOnceAcrossReplicas sends one event, and Slack's retries of it,
// to two handlers (replicas behind one URL) that share a store: it is
// handled once.
func TestEventsOnceAcrossReplicas(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "seen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seen := func(ctx context.Context, key string) (bool, error) {
		return db.ClaimInbound(ctx, key, published)
	}
	var calls atomic.Int32
	var replicas []*Handler
	for range 2 {
		replicas = append(replicas, newHandler(t, &recorder{}, func(o *HandlerOptions) {
			o.Seen = seen
			o.OnEvent = func(ctx context.Context, team string, ev slackevents.EventsAPIEvent) { calls.Add(1) }
		}))
	}
	body := []byte(`{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev9","event_time":1,"event":{"type":"app_mention","user":"U1","text":"hi","ts":"1.1","channel":"C1","event_ts":"1.1"}}`)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			r := signedRequest("/slack/events", body, published, testSecret)
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			replicas[i%2].ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Errorf("status = %d", w.Code)
			}
		})
	}
	wg.Wait()
	for _, h := range replicas {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := h.Shutdown(ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	if got := calls.Load(); got != 1 {
		t.Errorf("OnEvent called %d times across two replicas, want 1", got)
	}
}
