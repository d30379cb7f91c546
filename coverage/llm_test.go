package coverage_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

const testKey = "sk-test-0123456789"

// llmStory is a two-article story for the LLM tests.
func llmStory(t *testing.T) (strike.Story, []strike.Article) {
	t.Helper()
	arts := []strike.Article{
		{
			ID: 71, Title: "Kaiser mental health workers reach tentative deal after 196-day strike", Source: "Western Newswire",
			Published: day(t, "2025-05-05", 18),
			Text: "Kaiser Permanente and the union representing about 2,400 mental health workers reached a tentative agreement late Sunday, ending a strike that lasted 196 days. " +
				"Members will vote on the contract, with results expected after voting closes May 8.",
		},
		{
			ID: 72, Title: "Kaiser strikers weigh a deal", Source: "Shop Floor Journal",
			Published: day(t, "2025-05-06", 12),
			Text:      "The 2,400 workers who struck for 196 days now have only a few days to decide whether the deal was worth it. Voting ends May 8.",
		},
	}
	return strike.Story{ID: 9, Title: "Tentative agreement"}, arts
}

// chatAnswer returns a chat completions response whose message content is
// content.
func chatAnswer(content string) string {
	b, _ := json.Marshal(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion",
		"choices": []map[string]any{{"index": 0, "finish_reason": "stop", "message": map[string]string{"role": "assistant", "content": content}}},
	})
	return string(b)
}

// fakeLLM is a chat completions server on 127.0.0.1 that checks each
// request as a real server would and answers with answer.
type fakeLLM struct {
	t      *testing.T
	key    string // expected API key; "" expects no Authorization header
	path   string
	answer func(w http.ResponseWriter, r *http.Request)

	mu       sync.Mutex
	requests int
	lastUser string
}

func (f *fakeLLM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests++
	f.mu.Unlock()
	if r.Method != http.MethodPost || r.URL.Path != f.path {
		f.t.Errorf("request %s %s, want POST %s", r.Method, r.URL.Path, f.path)
		http.NotFound(w, r)
		return
	}
	if got := r.Header.Get("Content-Type"); got != "application/json" {
		f.t.Errorf("Content-Type = %q, want application/json", got)
	}
	auth := r.Header.Get("Authorization")
	if f.key == "" && auth != "" || f.key != "" && auth != "Bearer "+f.key {
		f.t.Errorf("Authorization = %q, want bearer %q", auth, f.key)
		http.Error(w, `{"error":{"message":"invalid api key"}}`, http.StatusUnauthorized)
		return
	}
	var req struct {
		Model    string `json:"model"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
	}
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&req); err != nil {
		f.t.Errorf("request body: %v", err)
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if req.Model != "tiny" {
		f.t.Errorf("model = %q, want tiny", req.Model)
	}
	if len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		f.t.Errorf("messages = %+v, want a system and a user message", req.Messages)
	} else {
		f.mu.Lock()
		f.lastUser = req.Messages[1].Content
		f.mu.Unlock()
	}
	f.answer(w, r)
}

// serve starts f and returns its base URL.
func (f *fakeLLM) serve() string {
	srv := httptest.NewServer(f)
	f.t.Cleanup(srv.Close)
	return srv.URL
}

func okJSON(content string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, chatAnswer(content))
	}
}

func TestLLMSummarize(t *testing.T) {
	story, arts := llmStory(t)
	good := `{"headline": "Kaiser deal ends 196-day strike", "sentences": [` +
		`{"text": "About 2,400 Kaiser mental health workers reached a tentative deal, ending a 196-day strike.", "article": 1},` +
		`{"text": "Members vote until May 8.", "article": 2}]}`
	long := `{"headline": "h", "sentences": [{"text": "` + strings.Repeat("word ", 61) + `", "article": 1}]}`
	tests := []struct {
		name     string
		answer   func(http.ResponseWriter, *http.Request)
		timeout  time.Duration
		wantBy   string
		wantErr  error // wrapped by Summary.Fallback
		wantSent []strike.SummarySentence
	}{
		{
			name:   "valid answer",
			answer: okJSON(good),
			wantBy: "llm",
			wantSent: []strike.SummarySentence{
				{Text: "About 2,400 Kaiser mental health workers reached a tentative deal, ending a 196-day strike.", ArticleID: 71},
				{Text: "Members vote until May 8.", ArticleID: 72},
			},
		},
		{
			name:   "valid answer in a code fence",
			answer: okJSON("```json\n" + good + "\n```"),
			wantBy: "llm",
			wantSent: []strike.SummarySentence{
				{Text: "About 2,400 Kaiser mental health workers reached a tentative deal, ending a 196-day strike.", ArticleID: 71},
				{Text: "Members vote until May 8.", ArticleID: 72},
			},
		},
		{name: "content is not JSON", answer: okJSON("Here is a summary: the strike ended."), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "response is not JSON", answer: func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>oops") }, wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "no choices", answer: func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"choices": []}`) }, wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "server error", answer: func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"error":{"message":"model overloaded, key `+testKey+`"}}`, http.StatusInternalServerError)
		}, wantBy: "extractive", wantErr: coverage.ErrLLMStatus},
		{name: "too long", answer: okJSON(long), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "cites an unknown article", answer: okJSON(`{"headline": "h", "sentences": [{"text": "The strike ended.", "article": 3}]}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "cites no article", answer: okJSON(`{"headline": "h", "sentences": [{"text": "The strike ended."}]}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "no sentences", answer: okJSON(`{"headline": "h", "sentences": []}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "empty sentence", answer: okJSON(`{"headline": "h", "sentences": [{"text": "  ", "article": 1}]}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "no headline", answer: okJSON(`{"sentences": [{"text": "The strike ended.", "article": 1}]}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{name: "four sentences", answer: okJSON(`{"headline": "h", "sentences": [{"text": "A.", "article": 1}, {"text": "B.", "article": 1}, {"text": "C.", "article": 1}, {"text": "D.", "article": 1}]}`), wantBy: "extractive", wantErr: coverage.ErrLLMAnswer},
		{
			name: "slow: timeout",
			answer: func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
			},
			timeout: 100 * time.Millisecond,
			wantBy:  "extractive",
			wantErr: context.DeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeLLM{t: t, key: testKey, path: "/v1/chat/completions", answer: tt.answer}
			base := f.serve()
			l := coverage.LLM{URL: base, Model: "tiny", APIKey: testKey, Timeout: tt.timeout}
			if l.Timeout == 0 {
				l.Timeout = 5 * time.Second
			}
			start := time.Now()
			sum, err := l.Summarize(context.Background(), story, arts)
			if err != nil {
				t.Fatalf("Summarize: %v", err)
			}
			if tt.timeout > 0 && time.Since(start) > 2*time.Second {
				t.Errorf("Summarize took %v with a %v timeout", time.Since(start), tt.timeout)
			}
			if sum.By != tt.wantBy {
				t.Errorf("By = %q, want %q (fallback reason: %v)", sum.By, tt.wantBy, sum.Fallback)
			}
			if tt.wantErr == nil {
				if sum.Fallback != nil {
					t.Errorf("Fallback = %v, want nil", sum.Fallback)
				}
				if fmt.Sprint(sum.Sentences) != fmt.Sprint(tt.wantSent) {
					t.Errorf("Sentences = %v, want %v", sum.Sentences, tt.wantSent)
				}
				if sum.Headline != "Kaiser deal ends 196-day strike" {
					t.Errorf("Headline = %q", sum.Headline)
				}
				return
			}
			if !errors.Is(sum.Fallback, tt.wantErr) {
				t.Errorf("Fallback = %v, want it to wrap %v", sum.Fallback, tt.wantErr)
			}
			if strings.Contains(sum.Fallback.Error(), testKey) {
				t.Errorf("Fallback error %q shows the API key", sum.Fallback)
			}
			// The fallback is the extractive summary itself.
			want, err := coverage.Extractive{}.Summarize(context.Background(), story, arts)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Text != want.Text || sum.Headline != want.Headline {
				t.Errorf("fallback summary %q, want the extractive %q", sum.Text, want.Text)
			}
			checkSummary(t, sum, arts, 60)
		})
	}
}

func TestLLMRequest(t *testing.T) {
	story, arts := llmStory(t)
	good := `{"headline": "Deal", "sentences": [{"text": "A deal ended the strike.", "article": 2}]}`
	t.Run("base URL ending in /v1, no key", func(t *testing.T) {
		f := &fakeLLM{t: t, path: "/llm/v1/chat/completions", answer: okJSON(good)}
		base := f.serve()
		sum, err := coverage.LLM{URL: base + "/llm/v1/", Model: "tiny"}.TrySummarize(context.Background(), story, arts)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Sentences) != 1 || sum.Sentences[0].ArticleID != 72 {
			t.Errorf("Sentences = %v, want one citing article 72", sum.Sentences)
		}
		// The prompt numbers the articles, oldest first, with their titles
		// and sentences.
		for _, want := range []string{
			"Article 1: Kaiser mental health workers reach tentative deal after 196-day strike",
			"Article 2: Kaiser strikers weigh a deal",
			"Voting ends May 8.",
		} {
			if !strings.Contains(f.lastUser, want) {
				t.Errorf("prompt lacks %q:\n%s", want, f.lastUser)
			}
		}
	})
	t.Run("a custom client is used", func(t *testing.T) {
		f := &fakeLLM{t: t, key: testKey, path: "/v1/chat/completions", answer: okJSON(good)}
		base := f.serve()
		used := false
		client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			used = true
			return http.DefaultTransport.RoundTrip(r)
		})}
		if _, err := (coverage.LLM{URL: base, Model: "tiny", APIKey: testKey, Client: client}).TrySummarize(context.Background(), story, arts); err != nil {
			t.Fatal(err)
		}
		if !used {
			t.Error("the LLM's Client was not used")
		}
	})
	t.Run("errors name no secrets", func(t *testing.T) {
		// A closed port on 127.0.0.1: the connection is refused.
		srv := httptest.NewServer(http.NotFoundHandler())
		base := srv.URL
		srv.Close()
		secretURL := strings.Replace(base, "http://", "http://user:hunter2@", 1) + "/v1?key=" + testKey
		_, err := coverage.LLM{URL: secretURL, Model: "tiny", APIKey: testKey, Timeout: time.Second}.TrySummarize(context.Background(), story, arts)
		if err == nil {
			t.Fatal("no error from a closed port")
		}
		for _, secret := range []string{"hunter2", testKey} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q shows %q", err, secret)
			}
		}
	})
	t.Run("bad configuration", func(t *testing.T) {
		for _, l := range []coverage.LLM{{URL: "", Model: "m"}, {URL: "ftp://127.0.0.1/", Model: "m"}, {URL: "http://127.0.0.1:1/v1"}} {
			if _, err := l.TrySummarize(context.Background(), story, arts); err == nil {
				t.Errorf("%+v: no error", l)
			}
		}
	})
	t.Run("nothing to summarize", func(t *testing.T) {
		_, err := coverage.LLM{URL: "http://127.0.0.1:1", Model: "m"}.Summarize(context.Background(), story, nil)
		if !errors.Is(err, coverage.ErrNothingToSummarize) {
			t.Errorf("err = %v, want ErrNothingToSummarize", err)
		}
	})
	t.Run("a custom fallback", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusServiceUnavailable)
		}))
		defer srv.Close()
		fb := summarizerFunc(func(ctx context.Context, s strike.Story, a []strike.Article) (coverage.Summary, error) {
			return coverage.Summary{Headline: "fallback", Text: "x", By: "test"}, nil
		})
		sum, err := coverage.LLM{URL: srv.URL, Model: "m", Fallback: fb}.Summarize(context.Background(), story, arts)
		if err != nil || sum.Headline != "fallback" || !errors.Is(sum.Fallback, coverage.ErrLLMStatus) {
			t.Errorf("Summarize = %+v, %v; want the custom fallback's summary and ErrLLMStatus", sum, err)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type summarizerFunc func(context.Context, strike.Story, []strike.Article) (coverage.Summary, error)

func (f summarizerFunc) Summarize(ctx context.Context, s strike.Story, a []strike.Article) (coverage.Summary, error) {
	return f(ctx, s, a)
}

// Both summarizers implement Summarizer.
var (
	_ coverage.Summarizer = coverage.Extractive{}
	_ coverage.Summarizer = coverage.LLM{}
)
