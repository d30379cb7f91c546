package coverage_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// FuzzAsk asks arbitrary questions of an index holding an arbitrary
// article next to fixed ones: Ask must not panic, and what it returns must
// be consistent.
func FuzzAsk(f *testing.F) {
	for _, s := range [][2]string{
		{"why are they striking?", "Workers strike over pay. The strike began Oct. 14."},
		{"When is the vote?", "Voting closes May 13.\n\nResults follow."},
		{"how many workers?", "About 2,400 workers; 18% raise over 4 years."},
		{"", ""},
		{"?", "..."},
		{"how many how many how much", "U.S. Gov. Dr. J. Smith said 1.5 times."},
		{"wh\xffy \u2019s", "\xff\xfe strike"},
		{strings.Repeat("vote ", 200), strings.Repeat("vote ", 2000)},
	} {
		f.Add(s[0], s[1])
	}
	faq := []strike.FAQ{{Question: "How can I help?", Answer: "Join a picket line.", Keywords: []string{"donate"}}}
	f.Fuzz(func(t *testing.T, question, text string) {
		ix := coverage.NewIndex(faq, ansNow)
		ix.Add(ansArt(1, 0, "Strike begins", "Workers went on strike Monday over pay and pensions."))
		ix.Add(ansArt(2, 3, text, text))
		a := ix.Ask(question)
		if !a.Found {
			if a.Text != coverage.NotFoundText || len(a.Citations) != 0 || a.FromFAQ {
				t.Fatalf("not found but %+v", a)
			}
			return
		}
		if len(a.Citations) == 0 || len(a.Citations) > 3 || a.Text == "" {
			t.Fatalf("found but %+v", a)
		}
		if a.FromFAQ {
			return
		}
		for _, c := range a.Citations {
			if c.ArticleID != 1 && c.ArticleID != 2 {
				t.Fatalf("citation of unknown article %d", c.ArticleID)
			}
			if utf8.ValidString(text) && !utf8.ValidString(c.Sentence) {
				t.Fatalf("sentence %q is not valid UTF-8", c.Sentence)
			}
			if !strings.Contains(a.Text, c.Sentence) {
				t.Fatalf("Text %q lacks sentence %q", a.Text, c.Sentence)
			}
		}
		// With a status: still consistent, and no article cited twice.
		st := strike.Status{Phase: strike.PhaseStrike, Workers: 2400, Started: "2024-10-21", Day: 30, Union: "NUHW",
			Sources: map[strike.StatusField][]strike.FieldSource{
				strike.FieldWorkers: {{ArticleID: 1, Source: "Outlet 1", Value: "2400"}},
				strike.FieldStarted: {{ArticleID: 2, Source: "Outlet 2", Value: "2024-10-21", Sentence: text}},
				strike.FieldPhase:   {{ArticleID: 1, Source: "Outlet 1", Value: "strike"}},
			}}
		b := ix.AskStatus(question, &st)
		if b.Found != (len(b.Citations) > 0) || b.Text == "" {
			t.Fatalf("AskStatus = %+v: found and citations disagree", b)
		}
		seen := make(map[int64]bool)
		for _, c := range b.Citations {
			if c.ArticleID != 0 && seen[c.ArticleID] {
				t.Fatalf("AskStatus cites article %d twice: %q", c.ArticleID, b.Text)
			}
			seen[c.ArticleID] = true
		}
	})
}
