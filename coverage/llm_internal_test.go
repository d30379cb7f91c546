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
