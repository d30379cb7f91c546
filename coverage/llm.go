package coverage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// Errors of the LLM summarizer, wrapped in the error TrySummarize returns
// and in Summary.Fallback.
var (
	// ErrLLMStatus means the server answered with a status other than 200.
	ErrLLMStatus = errors.New("coverage: llm: error status")
	// ErrLLMAnswer means the server's answer could not be used: not the
	// JSON asked for, no sentences, too many words, or a sentence citing
	// no article of the story.
	ErrLLMAnswer = errors.New("coverage: llm: unusable answer")
)

// LLM limits.
const (
	// DefaultLLMTimeout bounds one request when LLM.Timeout is 0.
	DefaultLLMTimeout = 10 * time.Second
	// llmPromptBudget bounds the article text in a prompt, in bytes.
	llmPromptBudget = 12_000
	// llmSentencesPerArticle bounds the sentences sent per article.
	llmSentencesPerArticle = 8
	// llmMaxBody bounds the answer read, in bytes.
	llmMaxBody = 1 << 20
	// llmMaxHeadline bounds the headline, in runes.
	llmMaxHeadline = 200
)

// LLM summarizes a story with a model behind an OpenAI-compatible chat
// completions endpoint (OpenAI, vLLM, llama.cpp's server, Ollama). It sends
// the members' titles and first sentences, each article numbered, and asks
// for a JSON headline and two or three sentences, each citing an article by
// its number. An answer is used only if it is that JSON, with one to three
// non-empty sentences of at most MaxWords words in all, each citing an
// article of the story, and a headline.
//
// Summarize never fails because of the model: on any error, non-200
// status, timeout or unusable answer it returns the Fallback's summary,
// with the reason in Summary.Fallback. TrySummarize returns the reason as
// an error instead. Errors never contain the API key or a password in URL.
//
// The zero value is not usable: URL and Model must be set. An LLM is safe
// for concurrent use.
type LLM struct {
	// URL is the server's base URL. "/v1/chat/completions" is added, or
	// only "/chat/completions" when URL already ends in "/v1" (as
	// strikebot's configuration writes it: "http://127.0.0.1:8080/v1").
	URL string
	// Model is the model name sent with each request.
	Model string
	// APIKey, when set, is sent as "Authorization: Bearer APIKey".
	APIKey string
	// Timeout bounds each request; 0 means DefaultLLMTimeout.
	Timeout time.Duration
	// Client sends the requests; nil means a client with the default
	// transport. Timeout applies either way.
	Client *http.Client
	// Fallback writes the summary when the model does not; nil means
	// Extractive{MaxWords: MaxWords}.
	Fallback Summarizer
	// MaxWords bounds the summary's words; 0 means DefaultSummaryWords.
	MaxWords int
}

// Summarize returns the model's summary of story s, or the Fallback's when
// the model's cannot be had; Summary.Fallback then says why. It fails only
// when the fallback fails (for example when ctx is done).
func (l LLM) Summarize(ctx context.Context, s strike.Story, articles []strike.Article) (Summary, error) {
	sum, err := l.TrySummarize(ctx, s, articles)
	if err == nil {
		return sum, nil
	}
	fb := l.Fallback
	if fb == nil {
		fb = Extractive{MaxWords: l.MaxWords}
	}
	sum, ferr := fb.Summarize(ctx, s, articles)
	if ferr != nil {
		return Summary{}, ferr
	}
	sum.Fallback = err
	return sum, nil
}

// TrySummarize returns the model's summary of story s, or why there is
// none: ErrNothingToSummarize, a transport error or timeout, ErrLLMStatus
// or ErrLLMAnswer, wrapped.
func (l LLM) TrySummarize(ctx context.Context, s strike.Story, articles []strike.Article) (Summary, error) {
	members := sumMembers(articles)
	if len(members) == 0 {
		return Summary{}, ErrNothingToSummarize
	}
	maxWords := l.MaxWords
	if maxWords <= 0 {
		maxWords = DefaultSummaryWords
	}
	content, err := l.complete(ctx, llmSystemPrompt(maxWords), llmUserPrompt(s, members), 600)
	if err != nil {
		return Summary{}, err
	}
	sum, err := llmParseAnswer(content, len(members), maxWords)
	if err != nil {
		return Summary{}, err
	}
	for i := range sum.Sentences {
		sum.Sentences[i].ArticleID = members[sum.Sentences[i].ArticleID-1].ID
	}
	return sum, nil
}

// complete sends one chat completion request with the system and user
// messages and returns the first choice's content, or why there is none:
// a transport error or timeout, ErrLLMStatus or ErrLLMAnswer, wrapped.
func (l LLM) complete(ctx context.Context, system, user string, maxTokens int) (string, error) {
	endpoint, err := l.endpoint()
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(llmRequest{
		Model: l.Model,
		Messages: []llmMessage{
			{Role: "system", Content: system},
			{Role: "user", Content: user},
		},
		Temperature:    0,
		MaxTokens:      maxTokens,
		ResponseFormat: &llmFormat{Type: "json_object"},
	})
	if err != nil {
		return "", fmt.Errorf("coverage: llm: encode request: %w", err)
	}
	timeout := l.Timeout
	if timeout <= 0 {
		timeout = DefaultLLMTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint.String(), bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("coverage: llm: request %s: %w", llmShowURL(endpoint), llmUnwrap(err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if l.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+l.APIKey)
	}
	client := l.Client
	if client == nil {
		client = &http.Client{}
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("coverage: llm: post %s: %w", llmShowURL(endpoint), llmUnwrap(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, llmMaxBody))
		return "", fmt.Errorf("coverage: llm: post %s: status %d: %w", llmShowURL(endpoint), resp.StatusCode, ErrLLMStatus)
	}
	var completion llmCompletion
	if err := json.NewDecoder(io.LimitReader(resp.Body, llmMaxBody)).Decode(&completion); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("coverage: llm: read answer: %w", ctx.Err())
		}
		return "", fmt.Errorf("coverage: llm: decode answer: %v: %w", llmSafe(err), ErrLLMAnswer)
	}
	if len(completion.Choices) == 0 {
		return "", fmt.Errorf("coverage: llm: answer has no choices: %w", ErrLLMAnswer)
	}
	return completion.Choices[0].Message.Content, nil
}

// endpoint returns the chat completions URL.
func (l LLM) endpoint() (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(l.URL))
	if err != nil {
		return nil, fmt.Errorf("coverage: llm: bad URL: %w", llmUnwrap(err))
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("coverage: llm: URL %s: want an http or https URL", llmShowURL(u))
	}
	if l.Model == "" {
		return nil, errors.New("coverage: llm: no model set")
	}
	p := strings.TrimRight(u.Path, "/")
	if !strings.HasSuffix(p, "/v1") {
		p += "/v1"
	}
	u.Path, u.RawPath = p+"/chat/completions", ""
	return u, nil
}

// llmShowURL returns u for an error text: without password or query,
// either of which may hold a key.
func llmShowURL(u *url.URL) string {
	c := *u
	if c.RawQuery != "" {
		c.RawQuery = "…"
	}
	c.Fragment, c.RawFragment = "", ""
	return c.Redacted()
}

// llmUnwrap returns the error a *url.Error wraps: its own text repeats the
// URL, password included.
func llmUnwrap(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// llmSafe returns a JSON error's text, clipped: it may quote the answer.
func llmSafe(err error) string {
	msg := err.Error()
	if len(msg) > 80 {
		cut := 80
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	return msg
}

// The chat completions wire format (the parts used).
type (
	llmRequest struct {
		Model          string       `json:"model"`
		Messages       []llmMessage `json:"messages"`
		Temperature    float64      `json:"temperature"`
		MaxTokens      int          `json:"max_tokens,omitempty"`
		ResponseFormat *llmFormat   `json:"response_format,omitempty"`
	}
	llmMessage struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
	llmFormat struct {
		Type string `json:"type"`
	}
	llmCompletion struct {
		Choices []struct {
			Message llmMessage `json:"message"`
		} `json:"choices"`
	}
	// llmAnswer is the JSON the prompt asks the model for.
	llmAnswer struct {
		Headline  string `json:"headline"`
		Sentences []struct {
			Text    string `json:"text"`
			Article int    `json:"article"`
		} `json:"sentences"`
	}
)

// llmSystemPrompt returns the instructions.
func llmSystemPrompt(maxWords int) string {
	return "You summarize news coverage of a labor strike for the strikers and their supporters. " +
		"You are given numbered articles about one news event, oldest first. " +
		"Write a short headline and a summary of two or three sentences, " +
		"at most " + strconv.Itoa(maxWords) + " words in all, that leads with what is newest " +
		"and keeps the key numbers (workers, days, dates, pay). State only what the articles state. " +
		"Each sentence cites the number of the article it is based on. " +
		`Answer with JSON only, in this form: {"headline": "…", "sentences": [{"text": "…", "article": 1}]}`
}

// llmUserPrompt lists the members, numbered from 1, with their first
// sentences, within llmPromptBudget.
func llmUserPrompt(s strike.Story, members []*strike.Article) string {
	var b strings.Builder
	if t := strings.TrimSpace(s.Title); t != "" {
		fmt.Fprintf(&b, "Story: %s\n\n", t)
	}
	budget := llmPromptBudget
	for i, a := range members {
		fmt.Fprintf(&b, "Article %d: %s\n", i+1, strings.TrimSpace(a.Title))
		src := strings.TrimSpace(a.Source)
		if src == "" {
			src = "unknown outlet"
		}
		fmt.Fprintf(&b, "Published %s by %s\n", a.Published.UTC().Format("2006-01-02 15:04 MST"), src)
		for k, sent := range Sentences(sumBody(a)) {
			if k >= llmSentencesPerArticle || budget <= 0 {
				break
			}
			text := strings.Join(strings.Fields(sent.Text), " ")
			if len(text) > budget {
				break
			}
			budget -= len(text)
			b.WriteString(text)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// llmParseAnswer parses and checks the model's message content: n articles
// may be cited (1 to n), maxWords words written. The sentences' ArticleID
// is the cited number.
func llmParseAnswer(content string, n, maxWords int) (Summary, error) {
	content = strings.TrimSpace(content)
	// Some models wrap JSON in a Markdown code fence despite being asked
	// not to.
	if strings.HasPrefix(content, "```") {
		content = strings.TrimPrefix(content, "```json")
		content = strings.TrimPrefix(content, "```")
		content = strings.TrimSuffix(strings.TrimSpace(content), "```")
	}
	var ans llmAnswer
	if err := json.Unmarshal([]byte(content), &ans); err != nil {
		return Summary{}, fmt.Errorf("coverage: llm: content is not the JSON asked for: %v: %w", llmSafe(err), ErrLLMAnswer)
	}
	headline := strings.Join(strings.Fields(ans.Headline), " ")
	if headline == "" || utf8.RuneCountInString(headline) > llmMaxHeadline || !llmClean(headline) {
		return Summary{}, fmt.Errorf("coverage: llm: no usable headline: %w", ErrLLMAnswer)
	}
	if len(ans.Sentences) == 0 || len(ans.Sentences) > 3 {
		return Summary{}, fmt.Errorf("coverage: llm: %d sentences, want 1 to 3: %w", len(ans.Sentences), ErrLLMAnswer)
	}
	sum := Summary{Headline: headline, By: "llm"}
	words := 0
	for _, s := range ans.Sentences {
		text := strings.Join(strings.Fields(s.Text), " ")
		if text == "" || !llmClean(text) {
			return Summary{}, fmt.Errorf("coverage: llm: empty sentence: %w", ErrLLMAnswer)
		}
		if s.Article < 1 || s.Article > n {
			return Summary{}, fmt.Errorf("coverage: llm: sentence cites article %d of %d: %w", s.Article, n, ErrLLMAnswer)
		}
		words += len(strings.Fields(text))
		sum.Sentences = append(sum.Sentences, strike.SummarySentence{Text: text, ArticleID: int64(s.Article)})
	}
	if words > maxWords {
		return Summary{}, fmt.Errorf("coverage: llm: %d words, want at most %d: %w", words, maxWords, ErrLLMAnswer)
	}
	sum.Text = sumJoin(sum.Sentences)
	return sum, nil
}

// llmClean reports whether s is free of control characters and invalid
// UTF-8, which must not reach storage or chat.
func llmClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Phraser phrases an answer anew from its cited sentences. Phrase never
// fails: on any problem it returns a unchanged but for Fallback, which
// says why. Implementations must be safe for concurrent use.
type Phraser interface {
	Phrase(ctx context.Context, question string, a Answer) Answer
}
