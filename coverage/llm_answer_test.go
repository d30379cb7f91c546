package coverage_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// phraseDraft is an extractive answer led by the status sentence.
func phraseDraft(t *testing.T) coverage.Answer {
	t.Helper()
	return coverage.Answer{
		Found: true, FromStatus: true, Kind: coverage.FactStarted, By: "extractive",
		Text: "The strike began on 21 October 2024 [1][2].\nRoughly 2,400 workers went on strike Monday at clinics from San Diego to Bakersfield. [3]",
		Citations: []coverage.Citation{
			{ArticleID: 11, URL: "https://a.example/11", Title: "Deal ends strike", Source: "Western Newswire", Published: day(t, "2025-05-05", 12),
				Sentence: "The strike began Oct. 21 and spanned clinics from San Diego to Bakersfield.", Field: strike.FieldStarted},
			{ArticleID: 12, URL: "https://a.example/12", Title: "Strike over", Source: "Foothill Herald", Published: day(t, "2025-05-05", 18),
				Sentence: "The strike began Oct. 21, 2024.", Field: strike.FieldStarted},
			{ArticleID: 13, URL: "https://a.example/13", Title: "Strike begins", Source: "Western Newswire", Published: day(t, "2024-10-21", 9),
				Sentence: "Roughly 2,400 workers went on strike Monday at clinics from San Diego to Bakersfield."},
		},
	}
}

func TestLLMPhrase(t *testing.T) {
	good := `{"sentences": [{"text": "The strike began on Oct. 21, 2024.", "sources": [2, 1]},` +
		`{"text": "About 2,400 workers walked out that Monday.", "sources": [3]}]}`
	tests := []struct {
		name     string
		answer   func(http.ResponseWriter, *http.Request)
		timeout  time.Duration
		wantText string // "" when the draft must come back
		wantErr  error
	}{
		{name: "valid", answer: okJSON(good),
			wantText: "The strike began on Oct. 21, 2024. [1][2]\nAbout 2,400 workers walked out that Monday. [3]"},
		{name: "not JSON", answer: okJSON("The strike began in October."), wantErr: coverage.ErrLLMAnswer},
		{name: "invents a number", answer: okJSON(`{"sentences": [{"text": "The strike began on Oct. 21, 2024, with 3,000 workers.", "sources": [1]}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "drops the status date", answer: okJSON(`{"sentences": [{"text": "The strike began in the fall.", "sources": [1]}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "first sentence cites no status source", answer: okJSON(`{"sentences": [{"text": "The strike began on Oct. 21, 2024.", "sources": [3]}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "cites no source", answer: okJSON(`{"sentences": [{"text": "The strike began on Oct. 21, 2024.", "sources": []}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "cites an unknown source", answer: okJSON(`{"sentences": [{"text": "The strike began on Oct. 21, 2024.", "sources": [1, 4]}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "four sentences", answer: okJSON(`{"sentences": [{"text": "21 2024", "sources": [1]}, {"text": "A.", "sources": [1]}, {"text": "B.", "sources": [1]}, {"text": "C.", "sources": [1]}]}`), wantErr: coverage.ErrLLMAnswer},
		{name: "server error", answer: func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
		}, wantErr: coverage.ErrLLMStatus},
		{name: "timeout", answer: func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, timeout: 100 * time.Millisecond, wantErr: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeLLM{t: t, key: testKey, path: "/v1/chat/completions", answer: tt.answer}
			l := coverage.LLM{URL: f.serve() + "/v1", Model: "tiny", APIKey: testKey, Timeout: tt.timeout}
			if l.Timeout == 0 {
				l.Timeout = 5 * time.Second
			}
			draft := phraseDraft(t)
			start := time.Now()
			got := l.Phrase(context.Background(), "When did the strike start?", draft)
			if time.Since(start) > 3*time.Second {
				t.Errorf("Phrase took %v", time.Since(start))
			}
			if tt.wantErr != nil {
				if !errors.Is(got.Fallback, tt.wantErr) {
					t.Errorf("Fallback = %v, want %v", got.Fallback, tt.wantErr)
				}
				if got.Text != draft.Text || got.By != "extractive" || len(got.Citations) != len(draft.Citations) {
					t.Errorf("on failure Phrase = %+v, want the draft", got)
				}
				if got.Fallback != nil && strings.Contains(got.Fallback.Error(), testKey) {
					t.Errorf("Fallback %q shows the API key", got.Fallback)
				}
				return
			}
			if got.Fallback != nil || got.By != "llm" || got.Text != tt.wantText {
				t.Fatalf("Phrase = %q (by %s, fallback %v), want %q", got.Text, got.By, got.Fallback, tt.wantText)
			}
			if !got.FromStatus || got.Kind != coverage.FactStarted {
				t.Errorf("Phrase lost FromStatus or Kind: %+v", got)
			}
			// Sources renumbered in the order first cited: 2 then 1.
			if got.Citations[0].ArticleID != 12 || got.Citations[1].ArticleID != 11 || got.Citations[2].ArticleID != 13 {
				t.Errorf("citations = %+v, want articles 12, 11, 13", got.Citations)
			}
			f.mu.Lock()
			user := f.lastUser
			f.mu.Unlock()
			for _, w := range []string{"When did the strike start?", "STATUS: The strike began on 21 October 2024", "[3] Western Newswire, 2024-10-21", "Roughly 2,400 workers"} {
				if !strings.Contains(user, w) {
					t.Errorf("prompt lacks %q:\n%s", w, user)
				}
			}
		})
	}
}

// TestLLMPhraseSkipsFAQ: captains' answers are shown as written.
func TestLLMPhraseSkipsFAQ(t *testing.T) {
	f := &fakeLLM{t: t, path: "/v1/chat/completions", answer: okJSON(`{}`)}
	l := coverage.LLM{URL: f.serve(), Model: "tiny"}
	faq := coverage.Answer{Found: true, FromFAQ: true, By: "faq", Text: "Join a picket line.", Citations: []coverage.Citation{{Source: coverage.FAQSource}}}
	if got := l.Phrase(context.Background(), "how can I help", faq); got.Text != faq.Text || got.By != "faq" {
		t.Errorf("Phrase(FAQ) = %+v, want it unchanged", got)
	}
	if f.requests != 0 {
		t.Errorf("%d requests for an FAQ answer, want none", f.requests)
	}
}

// TestDeskAskPhrased: the desk's answers go through the model when one is
// set, and stay extractive when it fails.
func TestDeskAskPhrased(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		answer func(http.ResponseWriter, *http.Request)
		wantBy string
	}{
		{"model answers", okJSON(`{"sentences": [{"text": "The strike lasted 196 days, from Oct. 21, 2024 to May 5, 2025.", "sources": [1]}]}`), "llm"},
		{"model fails", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) }, "extractive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeLLM{t: t, path: "/v1/chat/completions", answer: tc.answer}
			l := coverage.LLM{URL: f.serve(), Model: "tiny", Timeout: 5 * time.Second}
			db, c, articles, _ := deskFixture(t)
			d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return at }, Phraser: l})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Process(ctx, save(t, db, articles[:58])); err != nil {
				t.Fatal(err)
			}
			a, err := d.Ask(ctx, "How long did the strike last?")
			if err != nil {
				t.Fatal(err)
			}
			if a.By != tc.wantBy || !strings.Contains(a.Text, "196 days") || !a.FromStatus {
				t.Errorf("Ask = %q (by %s, fallback %v), want by %s, 196 days, from the status", a.Text, a.By, a.Fallback, tc.wantBy)
			}
			if tc.wantBy == "extractive" && a.Fallback == nil {
				t.Error("Fallback is nil after the model failed")
			}
		})
	}
}
