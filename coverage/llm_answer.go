package coverage

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// llmAnswerMaxWords bounds the words of a phrased answer.
const llmAnswerMaxWords = 120

// Phrase asks the model to answer question in plain words from a's cited
// sentences, and returns that answer, or a unchanged with Fallback set
// when the model's cannot be used: an FAQ or empty answer (not sent),
// any error, non-200 status or timeout, or an answer that is not the JSON
// asked for, has no or more than three sentences or more than 120 words,
// cites no source or a source not given, states a number no source
// gives, or, when a's first sentence is the status's, drops that
// sentence's numbers or its sources from its own first sentence.
//
// The answer keeps a's citations that it cites, numbered anew in the
// order first cited; By is "llm".
func (l LLM) Phrase(ctx context.Context, question string, a Answer) Answer {
	out, err := l.TryPhrase(ctx, question, a)
	if err != nil {
		a.Fallback = err
		return a
	}
	return out
}

// TryPhrase is Phrase returning why the model's answer was not used.
func (l LLM) TryPhrase(ctx context.Context, question string, a Answer) (Answer, error) {
	if !a.Found || a.FromFAQ || len(a.Citations) == 0 {
		return Answer{}, fmt.Errorf("coverage: llm: nothing to phrase: %w", ErrLLMAnswer)
	}
	content, err := l.complete(ctx, llmAnswerSystemPrompt, llmAnswerUserPrompt(question, a), 400)
	if err != nil {
		return Answer{}, err
	}
	return llmParsePhrased(content, a)
}

// llmAnswerSystemPrompt is the instructions for phrasing answers.
const llmAnswerSystemPrompt = "You answer a supporter's question about a labor strike. " +
	"You are given a draft answer and its numbered sources. Rewrite the draft as a short, plain answer " +
	"of one to three sentences, at most 120 words. Use only facts the draft or the sources state; " +
	"add no number, date or name they do not give. When the draft's first sentence is marked STATUS, " +
	"your first sentence states that same fact with the same numbers and dates and cites the same sources. " +
	"Never present an offer or a proposal as what was won. Each sentence cites the numbers of the sources it rests on. " +
	`Answer with JSON only, in this form: {"sentences": [{"text": "…", "sources": [1, 2]}]}`

// llmAnswerUserPrompt lists the question, the draft and the sources.
func llmAnswerUserPrompt(question string, a Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Question: %s\n\nDraft answer:\n", strings.Join(strings.Fields(question), " "))
	for i, line := range strings.Split(a.Text, "\n") {
		if i == 0 && a.FromStatus {
			b.WriteString("STATUS: ")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString("\nSources:\n")
	for i, c := range a.Citations {
		fmt.Fprintf(&b, "[%d] %s", i+1, strings.TrimSpace(c.Source))
		if !c.Published.IsZero() {
			fmt.Fprintf(&b, ", %s", c.Published.UTC().Format("2006-01-02"))
		}
		if t := strings.TrimSpace(c.Title); t != "" {
			fmt.Fprintf(&b, ", %q", t)
		}
		if s := strings.TrimSpace(c.Sentence); s != "" {
			fmt.Fprintf(&b, ": %s", s)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// llmPhrased is the JSON the answer prompt asks for.
type llmPhrased struct {
	Sentences []struct {
		Text    string `json:"text"`
		Sources []int  `json:"sources"`
	} `json:"sentences"`
}

// llmParsePhrased parses and checks the model's answer to a's prompt.
func llmParsePhrased(content string, a Answer) (Answer, error) {
	content = strings.TrimSpace(content)
	if strings.HasPrefix(content, "```") {
		content = strings.TrimPrefix(content, "```json")
		content = strings.TrimPrefix(content, "```")
		content = strings.TrimSuffix(strings.TrimSpace(content), "```")
	}
	var p llmPhrased
	if err := json.Unmarshal([]byte(content), &p); err != nil {
		return Answer{}, fmt.Errorf("coverage: llm: content is not the JSON asked for: %v: %w", llmSafe(err), ErrLLMAnswer)
	}
	if len(p.Sentences) == 0 || len(p.Sentences) > 3 {
		return Answer{}, fmt.Errorf("coverage: llm: %d sentences, want 1 to 3: %w", len(p.Sentences), ErrLLMAnswer)
	}
	// The numbers the draft and its sources give.
	given := make(map[string]bool)
	for n := range llmNumbers(llmStripCites(a.Text)) {
		given[n] = true
	}
	for _, c := range a.Citations {
		for n := range llmNumbers(c.Sentence + " " + c.Title) {
			given[n] = true
		}
	}
	// The status sentence's numbers and sources.
	var leadNums []string
	var leadCites []int
	if a.FromStatus {
		first, _, _ := strings.Cut(a.Text, "\n")
		for n := range llmNumbers(llmStripCites(first)) {
			leadNums = append(leadNums, n)
		}
		for i, c := range a.Citations {
			if c.Field != "" {
				leadCites = append(leadCites, i+1)
			}
		}
	}

	out := Answer{Found: true, Kind: a.Kind, FromStatus: a.FromStatus, By: "llm"}
	renumber := make(map[int]int)
	var b strings.Builder
	words := 0
	for k, s := range p.Sentences {
		text := strings.Join(strings.Fields(s.Text), " ")
		text = llmStripCites(text)
		if text == "" || !llmClean(text) {
			return Answer{}, fmt.Errorf("coverage: llm: empty sentence: %w", ErrLLMAnswer)
		}
		if len(s.Sources) == 0 {
			return Answer{}, fmt.Errorf("coverage: llm: sentence %d cites no source: %w", k+1, ErrLLMAnswer)
		}
		words += len(strings.Fields(text))
		for n := range llmNumbers(text) {
			if !given[n] {
				return Answer{}, fmt.Errorf("coverage: llm: sentence %d states %s, which no source gives: %w", k+1, n, ErrLLMAnswer)
			}
		}
		if k == 0 && a.FromStatus {
			nums := llmNumbers(text)
			for _, n := range leadNums {
				if !nums[n] {
					return Answer{}, fmt.Errorf("coverage: llm: first sentence drops the status's %s: %w", n, ErrLLMAnswer)
				}
			}
			cites := false
			for _, n := range s.Sources {
				for _, m := range leadCites {
					cites = cites || n == m
				}
			}
			if !cites {
				return Answer{}, fmt.Errorf("coverage: llm: first sentence cites none of the status's sources: %w", ErrLLMAnswer)
			}
		}
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(text, " "))
		b.WriteByte(' ')
		seen := make(map[int]bool)
		for _, n := range s.Sources {
			if n < 1 || n > len(a.Citations) {
				return Answer{}, fmt.Errorf("coverage: llm: sentence %d cites source %d of %d: %w", k+1, n, len(a.Citations), ErrLLMAnswer)
			}
			if seen[n] {
				continue
			}
			seen[n] = true
			num, ok := renumber[n]
			if !ok {
				out.Citations = append(out.Citations, a.Citations[n-1])
				num = len(out.Citations)
				renumber[n] = num
			}
			b.WriteString("[" + strconv.Itoa(num) + "]")
		}
	}
	if words > llmAnswerMaxWords {
		return Answer{}, fmt.Errorf("coverage: llm: %d words, want at most %d: %w", words, llmAnswerMaxWords, ErrLLMAnswer)
	}
	out.Text = b.String()
	return out, nil
}

// llmNumbers returns the numbers written in digits in s, commas dropped
// ("2,400" is 2400, "18%" is 18).
func llmNumbers(s string) map[string]bool {
	out := make(map[string]bool)
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			n := strings.TrimRight(string(cur), ".,")
			if n != "" {
				out[n] = true
			}
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case (r == ',' || r == '.') && len(cur) > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if r == '.' {
				cur = append(cur, '.')
			}
		default:
			flush()
		}
		i += size
	}
	flush()
	return out
}

// llmStripCites removes citation marks ("[1]", "[2][3]") from s, which
// the model must give in its sources list instead.
func llmStripCites(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == ']' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), " .", ".")), " ")
}
