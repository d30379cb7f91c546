package coverage

import (
	"strings"
	"testing"
)

// FuzzLLMAnswer checks that any model answer is either refused or gives a
// summary keeping the promises: one to three clean sentences citing
// articles 1 to n, at most the word limit, and a headline.
func FuzzLLMAnswer(f *testing.F) {
	f.Add(`{"headline": "Deal", "sentences": [{"text": "A deal ended the strike.", "article": 2}]}`, 3)
	f.Add("```json\n{\"headline\": \"h\", \"sentences\": []}\n```", 1)
	f.Add(`{"headline": "h\u0000", "sentences": [{"text": "x", "article": 1}]}`, 1)
	f.Add(`not json`, 2)
	f.Fuzz(func(t *testing.T, content string, n int) {
		n = n%10 + 1
		if n < 1 {
			n += 10
		}
		sum, err := llmParseAnswer(content, n, 60)
		if err != nil {
			return
		}
		if sum.Headline == "" || len(sum.Sentences) < 1 || len(sum.Sentences) > 3 {
			t.Fatalf("accepted %+v", sum)
		}
		if w := len(strings.Fields(sum.Text)); w > 60 {
			t.Errorf("accepted %d words", w)
		}
		for _, s := range sum.Sentences {
			if s.ArticleID < 1 || s.ArticleID > int64(n) || !llmClean(s.Text) || s.Text == "" {
				t.Errorf("accepted sentence %+v of %d articles", s, n)
			}
		}
	})
}

// FuzzLLMPhrased checks that any model answer to a phrasing prompt is
// refused or keeps the promises: one to three lines, each citing given
// sources, no number the draft and sources lack, and the status
// sentence's numbers first.
func FuzzLLMPhrased(f *testing.F) {
	f.Add(`{"sentences": [{"text": "The strike began on Oct. 21, 2024.", "sources": [1]}]}`)
	f.Add(`{"sentences": [{"text": "It began in 2023 [1].", "sources": [1, 1, 2]}]}`)
	f.Add("```\n{\"sentences\": []}\n```")
	f.Add(`{"sentences": [{"text": "21 2024 \u0007", "sources": [1]}]}`)
	draft := Answer{
		Found: true, FromStatus: true, Kind: FactStarted, By: "extractive",
		Text: "The strike began on 21 October 2024 [1].\nRoughly 2,400 workers walked out. [2]",
		Citations: []Citation{
			{ArticleID: 1, Source: "A", Sentence: "The strike began Oct. 21.", Field: "started"},
			{ArticleID: 2, Source: "B", Sentence: "Roughly 2,400 workers walked out."},
		},
	}
	f.Fuzz(func(t *testing.T, content string) {
		a, err := llmParsePhrased(content, draft)
		if err != nil {
			return
		}
		lines := strings.Split(a.Text, "\n")
		if len(lines) < 1 || len(lines) > 3 || len(a.Citations) == 0 || len(a.Citations) > 2 || a.By != "llm" {
			t.Fatalf("accepted %+v", a)
		}
		if !strings.Contains(lines[0], "21") || !strings.Contains(lines[0], "2024") {
			t.Errorf("first line %q drops the status's date", lines[0])
		}
		for n := range llmNumbers(llmStripCites(a.Text)) {
			if n != "21" && n != "2024" && n != "2400" {
				t.Errorf("accepted the new number %s in %q", n, a.Text)
			}
		}
		for _, l := range lines {
			if !llmClean(l) || !strings.Contains(l, "[") {
				t.Errorf("accepted line %q", l)
			}
		}
	})
}
