package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

func ptr(n int64) *int64 { return &n }

func TestScore(t *testing.T) {
	const nuhw = "National Union of Healthcare Workers"
	docs := []demo.Doc{
		{ID: "a", Tier: strike.TierCore, Story: "s1", Facts: strike.Facts{Phase: "strike", Workers: 2400, Union: nuhw}},
		{ID: "b", Tier: strike.TierCore, Story: "s1", CopyOf: "a"},
		{ID: "c", Tier: strike.TierRelated, Story: "r1", Facts: strike.Facts{Phase: "threatened", Union: "United Food and Commercial Workers"}},
		{ID: "d", Tier: strike.TierNone},
	}
	truth := Truth{Phase: "ended", Workers: 2400, Union: nuhw, Started: "2024-10-21", Ended: []string{"2025-05-05"}, DurationDays: 196,
		Questions: []Question{
			{Text: "When?", Want: [][]string{{"21 October 2024"}}},
			{Text: "How many?", Want: [][]string{{"2,400"}}},
			{Text: "Over?", Want: [][]string{{"ended"}}, Not: []string{"not ended"}},
		}}
	c := Corpus{Name: "tiny", Docs: docs, Truth: truth, PagePath: func(d demo.Doc) string { return "/p/" + d.ID }}
	art := func(id string, tier strike.Tier, story *int64, f strike.Facts) ArticleJSON {
		return ArticleJSON{URL: "http://127.0.0.1:1/p/" + id, Relevance: strike.Relevance{Tier: tier}, StoryID: story, Facts: f}
	}
	out := Output{
		Articles: []ArticleJSON{
			art("a", strike.TierCore, ptr(1), strike.Facts{Phase: "strike", Workers: 2400, Union: "NUHW"}),
			art("b", strike.TierCore, ptr(2), strike.Facts{Phase: "strike"}),
			art("c", strike.TierCore, ptr(2), strike.Facts{}),
			art("d", strike.TierNone, nil, strike.Facts{}),
			{URL: "http://127.0.0.1:1/elsewhere", Relevance: strike.Relevance{Tier: strike.TierNone}},
		},
		Stories: make([]StoryJSON, 2),
		Status:  strike.Status{Phase: "ended", Workers: 2400, Union: "NUHW", Started: "2024-10-14", Ended: "2025-05-05", DurationDays: 196},
	}
	answer := func(text string, articleIDs ...int64) AnswerJSON {
		a := AnswerJSON{Answer: text, Found: true}
		for _, id := range articleIDs {
			a.Citations = append(a.Citations, struct {
				ArticleID int64  `json:"article_id"`
				URL       string `json:"url"`
				Source    string `json:"source"`
			}{ArticleID: id})
		}
		return a
	}
	out.Answers = []AnswerJSON{
		answer("The strike began on 21 October 2024. [1]\nMore. [2]", 7, 8),
		answer("About 2,400 workers are out.", 7),  // no mark in the first sentence
		answer("The strike has not ended. [1]", 7), // a Not phrase
	}

	f, err := Score(c, out)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	if got, want := f.Relevance, (Counts{TP: 3, TN: 1}); got != want {
		t.Errorf("Relevance = %+v, want %+v", want, got)
	}
	if got, want := f.Core, (Counts{TP: 2, FP: 1, TN: 1}); got != want {
		t.Errorf("Core = %+v, want %+v", got, want)
	}
	if f.CopiesTogether != 0 || f.CopyPairs != 1 {
		t.Errorf("copies %d of %d, want 0 of 1", f.CopiesTogether, f.CopyPairs)
	}
	if got, want := f.Grouping, (Counts{FP: 1, FN: 1, TN: 1}); got != want {
		t.Errorf("Grouping = %+v, want %+v", got, want)
	}
	for field, want := range map[string]Tally{"phase": {1, 3}, "workers": {1, 1}, "union": {1, 2}} {
		if got := f.Facts[field]; got != want {
			t.Errorf("Facts[%s] = %+v, want %+v", field, got, want)
		}
	}
	if got, want := f.FactsTally(), (Tally{3, 6}); got != want {
		t.Errorf("FactsTally = %+v, want %+v", got, want)
	}
	if got, want := fmt.Sprint(f.Split, f.Merged), "[s1: #1 [a] #2 [b]] [story #2: s1 [b] r1 [c]]"; got != want {
		t.Errorf("split, merged = %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(f.FactMisses), "[{b phase  strike} {c phase threatened } {c union United Food and Commercial Workers }]"; got != want {
		t.Errorf("fact misses = %s, want %s", got, want)
	}
	if f.Stored != 4 || f.Unmatched != 1 || f.Stories != 2 {
		t.Errorf("stored %d, unmatched %d, stories %d; want 4, 1, 2", f.Stored, f.Unmatched, f.Stories)
	}
	var wrong []string
	for _, r := range f.Status {
		if !r.OK {
			wrong = append(wrong, r.Field)
		}
	}
	if strings.Join(wrong, ",") != "started" {
		t.Errorf("status fields wrong: %v, want [started]", wrong)
	}
	if oks := [3]bool{f.Asks[0].OK, f.Asks[1].OK, f.Asks[2].OK}; oks != [3]bool{true, false, false} {
		t.Errorf("asks ok = %v, want [true false false]", oks)
	}
	if !f.Asks[1].Stated || f.Asks[1].Cited {
		t.Errorf("ask 2 = %+v: states the answer but cites nothing in its first sentence", f.Asks[1])
	}

	table := Report{InSample: f, Heldout: f}.Table()
	for _, want := range []string{"| measure", "| in-sample | held-out | target", "0 of 1 (0.00)", "`started` wrong", "1 of 3", "≥ 0.85"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if n := strings.Count(table, "\n"); n != 2+7 {
		t.Errorf("table has %d lines, want 9:\n%s", n, table)
	}
	g := f
	g.Corpus = "dev"
	table = Report{InSample: f, Heldout: f, Dev: []Figures{g}}.Table()
	if !strings.Contains(table, "| in-sample | held-out | development | target") || strings.Count(table, "0 of 1 (0.00)") != 3 {
		t.Errorf("table with a development column:\n%s", table)
	}
	h := f
	h.Corpus = "dev2"
	table = Report{InSample: f, Heldout: f, Dev: []Figures{g, h}}.Table()
	if !strings.Contains(table, "| in-sample | held-out | development | development 2 | target") ||
		!strings.Contains(table, "|---|---|---|---|---|---|") || strings.Count(table, "0 of 1 (0.00)") != 4 {
		t.Errorf("table with two development columns:\n%s", table)
	}
	k := f
	k.Corpus = "dev3"
	table = Report{InSample: f, Heldout: f, Dev: []Figures{g, h, k}}.Table()
	if !strings.Contains(table, "| development 2 | development 3 | target") || strings.Count(table, "0 of 1 (0.00)") != 5 {
		t.Errorf("table with three development columns:\n%s", table)
	}
}

func TestScoreRejectsTwoArticlesForOneDoc(t *testing.T) {
	c := Corpus{Name: "x", Docs: []demo.Doc{{ID: "a", Tier: strike.TierNone}}, PagePath: func(d demo.Doc) string { return "/p/" + d.ID }}
	out := Output{Articles: []ArticleJSON{{ID: 1, URL: "http://h/p/a"}, {ID: 2, URL: "http://h/p/a/"}}}
	if _, err := Score(c, out); err == nil || !strings.Contains(err.Error(), "both doc a") {
		t.Errorf("Score error = %v, want one naming both articles", err)
	}
}

func TestStatusEnded(t *testing.T) {
	truth := Truth{Ended: []string{"2025-05-04", "2025-05-05"}, DurationDays: 196}
	for _, tt := range []struct {
		ended    string
		duration int
		want     bool
	}{
		{"2025-05-05", 196, true},
		{"2025-05-04", 0, true},
		{"", 196, true},
		{"", 0, false},
		{"2025-05-05", 197, false},
		{"2025-04-28", 196, false}, // an end no source gives
	} {
		got := scoreStatus(truth, strike.Status{Ended: tt.ended, DurationDays: tt.duration})[4]
		if got.OK != tt.want {
			t.Errorf("ended %q, %d days: ok = %v, want %v", tt.ended, tt.duration, got.OK, tt.want)
		}
	}
}

func TestSameUnion(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"NUHW", "National Union of Healthcare Workers", true},
		{"National Union of Healthcare Workers (NUHW)", "the National Union of Healthcare Workers", true},
		{"UNAC/UHCP", "United Nurses Associations of California/Union of Health Care Professionals", true},
		{"UFCW", "United Food and Commercial Workers", true},
		{"NUHW", "UNAC/UHCP", false},
		{"Coalition of Kaiser Permanente Unions", "National Union of Healthcare Workers", false},
		{"", "", false},
		{"NUHW", "", false},
	} {
		if got := SameUnion(tt.a, tt.b); got != tt.want {
			t.Errorf("SameUnion(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The strike began on Oct. 21, 2024. [1][2]\nIt goes on. [3]", "The strike began on Oct. 21, 2024. [1][2]"},
		{"About 2,400 workers struck [1]\nMore.", "About 2,400 workers struck [1]"},
		{"Yes. It ended in May. [1]", "Yes."},
		{"  I don't know yet.  ", "I don't know yet."},
		{"", ""},
	} {
		if got := FirstSentence(tt.in); got != tt.want {
			t.Errorf("FirstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseTruth(f *testing.F) {
	for _, name := range []string{heldoutTruthFile, insampleTruth, "testdata/dev-truth.txt"} {
		data, err := testdata.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("q: x\na: a&&b|\nnot: |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		truth, err := ParseTruth(data)
		if err != nil {
			return
		}
		if truth.Phase == "" || truth.Union == "" || truth.Started == "" {
			t.Fatalf("accepted a truth without status: %+v", truth)
		}
		for _, q := range truth.Questions {
			if len(q.Want) == 0 {
				t.Fatalf("accepted question %q without an answer", q.Text)
			}
			for _, alt := range q.Want {
				for _, part := range alt {
					q.Matches(part) // must not panic
				}
			}
		}
	})
}

// TestScoreCopiesOfALookAlike: a re-run of news that is not the strike's
// is together with its original when neither is posted (no story is no
// story twice), and apart when one of them is.
func TestScoreCopiesOfALookAlike(t *testing.T) {
	docs := []demo.Doc{{ID: "d", Tier: strike.TierNone}, {ID: "e", Tier: strike.TierNone, CopyOf: "d"}}
	c := Corpus{Name: "look-alike", Docs: docs, PagePath: func(d demo.Doc) string { return "/p/" + d.ID }}
	art := func(id string, tier strike.Tier, story *int64) ArticleJSON {
		return ArticleJSON{URL: "http://127.0.0.1:1/p/" + id, Relevance: strike.Relevance{Tier: tier}, StoryID: story}
	}
	for _, tt := range []struct {
		name     string
		e        ArticleJSON
		together int
	}{
		{"neither posted", art("e", strike.TierNone, nil), 1},
		{"the copy posted", art("e", strike.TierRelated, ptr(3)), 0},
	} {
		f, err := Score(c, Output{Articles: []ArticleJSON{art("d", strike.TierNone, nil), tt.e}})
		if err != nil {
			t.Fatal(err)
		}
		if f.CopiesTogether != tt.together || f.CopyPairs != 1 {
			t.Errorf("%s: copies %d of %d, want %d of 1", tt.name, f.CopiesTogether, f.CopyPairs, tt.together)
		}
	}
}
