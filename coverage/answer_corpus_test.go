package coverage_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// ansCorpusIndex returns an Index of the demo corpus articles published by
// asOf, with their true tiers, asked at asOf.
func ansCorpusIndex(tb testing.TB, faq []strike.FAQ, asOf time.Time) *coverage.Index {
	tb.Helper()
	docs, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	ix := coverage.NewIndex(faq, func() time.Time { return asOf })
	for i, d := range docs {
		if d.Published.After(asOf) {
			continue
		}
		ix.Add(ansArticle(int64(i+1), d))
	}
	return ix
}

// ansArticle converts a corpus doc to the article the store would hold.
func ansArticle(id int64, d demo.Doc) strike.Article {
	return strike.Article{
		ID:         id,
		CampaignID: "kaiser-nuhw-socal",
		Key:        d.ID,
		URL:        "https://" + d.Feed + ".news.example/" + d.ID,
		Title:      d.Title,
		Source:     d.Outlet,
		Author:     d.Author,
		Text:       d.Body,
		Published:  d.Published,
		Relevance:  strike.Relevance{Tier: d.Tier},
	}
}

// TestAskCorpus asks supporters' questions of the corpus as it stood on
// a date and checks that the answer cites a sentence that holds the fact.
func TestAskCorpus(t *testing.T) {
	for _, tc := range []struct {
		asOf     string
		question string
		want     []string // some cited sentence contains one of these; nil: not found
	}{
		{"2024-12-01", "Why are they striking?", []string{"pension", "pay"}},
		{"2025-06-01", "why are they striking", []string{"pension", "pay"}},
		{"2024-12-01", "What did Kaiser offer?", []string{"18%"}},
		{"2025-06-01", "what did kaiser offer", []string{"18%"}},
		{"2025-05-07", "When is the vote?", []string{"May 8"}},
		{"2025-06-01", "When was the ratification vote?", []string{"May 8"}},
		{"2024-12-01", "How many workers are on strike?", []string{"2,400"}},
		{"2025-05-01", "how many workers are on strike?", []string{"2,400"}},
		{"2024-12-01", "When did the strike start?", []string{"Oct. 21", "Monday"}},
		{"2025-06-01", "When did the strike start?", []string{"Oct. 21"}},
		{"2025-06-01", "How long did the strike last?", []string{"196"}},
		{"2025-01-15", "What do they want?", []string{"pension", "pay"}},
		{"2025-06-01", "What is the weather in Paris?", nil},
		{"2025-06-01", "Who won the World Cup?", nil},
		{"2025-06-01", "?!", nil},
	} {
		t.Run(tc.asOf+" "+tc.question, func(t *testing.T) {
			at, err := time.Parse("2006-01-02", tc.asOf)
			if err != nil {
				t.Fatal(err)
			}
			a := ansCorpusIndex(t, nil, at).Ask(tc.question)
			if tc.want == nil {
				if a.Found || len(a.Citations) != 0 || a.Text != coverage.NotFoundText {
					t.Errorf("Ask(%q) = %+v, want not found", tc.question, a)
				}
				return
			}
			if !a.Found || a.FromFAQ {
				t.Fatalf("Ask(%q) = %+v, want found in the news", tc.question, a)
			}
			if n := len(a.Citations); n < 1 || n > 3 {
				t.Errorf("Ask(%q) cites %d sentences, want 1 to 3", tc.question, n)
			}
			hit := false
			for i, c := range a.Citations {
				if c.URL == "" || c.ArticleID == 0 || c.Source == "" || c.Title == "" || c.Published.IsZero() {
					t.Errorf("citation %d = %+v, want URL, article ID, source, title and date", i, c)
				}
				if c.Published.After(at) {
					t.Errorf("citation %d published %v, after the index's date", i, c.Published)
				}
				if !strings.Contains(a.Text, c.Sentence) {
					t.Errorf("Text does not hold citation %d's sentence %q", i, c.Sentence)
				}
				for _, w := range tc.want {
					hit = hit || strings.Contains(c.Sentence, w)
				}
			}
			if !hit {
				t.Errorf("Ask(%q) on %s =\n%s\nwant a sentence containing one of %q", tc.question, tc.asOf, a.Text, tc.want)
			}
		})
	}
}

// TestAskCorpusDedupesWireCopies checks that copies of one wire story are
// cited once: the corpus carries the strike-begins story three times.
func TestAskCorpusDedupesWireCopies(t *testing.T) {
	at := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	ix := ansCorpusIndex(t, nil, at)
	for _, q := range []string{"What did Kaiser offer?", "When is the vote?", "How many workers are on strike?", "When did the strike start?"} {
		a := ix.Ask(q)
		seen := make(map[string]bool)
		for _, c := range a.Citations {
			if seen[c.Sentence] {
				t.Errorf("Ask(%q) cites %q twice:\n%s", q, c.Sentence, a.Text)
			}
			seen[c.Sentence] = true
		}
	}
}

// TestAskCorpusFAQWins checks that a captain's entry beats the news for
// the question it answers and leaves the others to the news.
func TestAskCorpusFAQWins(t *testing.T) {
	faq := []strike.FAQ{
		{Question: "When is the ratification vote?", Answer: "Voting runs until Thursday, May 8; results that night."},
		{Question: "Where is the nearest picket line?", Answer: "See the map on the union's site.", Keywords: []string{"picket map"}},
	}
	at := time.Date(2025, 5, 6, 0, 0, 0, 0, time.UTC)
	ix := ansCorpusIndex(t, faq, at)
	for _, tc := range []struct {
		question string
		faq      int // index of the winning entry; -1: the news answers
	}{
		{"When is the vote?", 0},
		{"when's the ratification vote", 0},
		{"Where's the nearest picket line?", 1},
		{"is there a picket map?", 1},
		{"How many workers are on strike?", -1},
		{"What did Kaiser offer?", -1},
	} {
		a := ix.Ask(tc.question)
		if tc.faq < 0 {
			if a.FromFAQ || !a.Found {
				t.Errorf("Ask(%q) = %+v, want an answer from the news", tc.question, a)
			}
			continue
		}
		want := faq[tc.faq]
		if !a.FromFAQ || !a.Found || a.Text != want.Answer {
			t.Errorf("Ask(%q) = %+v, want FAQ answer %q", tc.question, a, want.Answer)
			continue
		}
		if len(a.Citations) != 1 || a.Citations[0].Source != coverage.FAQSource || a.Citations[0].Title != want.Question {
			t.Errorf("Ask(%q) citations = %+v, want one citing %q", tc.question, a.Citations, coverage.FAQSource)
		}
	}
}

// TestAskCorpusFirstSentence is the in-sample evaluation of answers: the
// demo corpus goes through the real path (stored, scored by the shipped
// profile, facts extracted and stories made by the desk), and supporters'
// factual questions are asked of the desk's View as of a date, as chat
// and "strikebot ask" ask them. The first sentence of each answer must
// hold the expected value and cite a source published by then.
func TestAskCorpusFirstSentence(t *testing.T) {
	type question struct {
		q    string
		want []string // the first sentence holds one of these
		not  []string // and none of these
	}
	cases := []struct {
		asOf      string
		questions []question
	}{
		{"2024-12-01", []question{
			{q: "When did the strike start?", want: []string{"21 October 2024", "Oct. 21"}},
			{q: "How many workers are on strike?", want: []string{"2,400"}},
			{q: "Is the strike over?", want: []string{"No"}},
			{q: "What did Kaiser offer?", want: []string{"18%"}},
			{q: "What do they want?", want: []string{"pension", "pay", "patient-care"}},
			// As supporters type them, while the strike is on.
			{q: "help", want: []string{"The strike is on"}, not: []string{"ended"}},
			{q: "when was the deal reached", want: []string{"no agreement yet"}},
			{q: "¿sigue la huelga?", want: []string{"Yes"}},
			{q: "whats the raise", want: []string{"no agreement yet"}},
		}},
		{"2025-05-07", []question{
			{q: "When is the vote?", want: []string{"8 May 2025", "May 8"}},
			{q: "Is the strike over?", want: []string{"Yes"}},
			{q: "What raise did the workers win?", want: []string{"pay", "wage"}, not: []string{"18%"}},
		}},
		{"2025-06-01", []question{
			{q: "When did the strike start?", want: []string{"21 October 2024", "Oct. 21"}},
			{q: "How many workers are on strike?", want: []string{"2,400"}},
			{q: "How long did the strike last?", want: []string{"196 days"}},
			{q: "Is the strike over?", want: []string{"Yes"}},
			{q: "What raise did the workers win?", want: []string{"pay", "wage"}, not: []string{"18%"}},
			{q: "What's happening?", want: []string{"over"}},
			{q: "Which union represents them?", want: []string{"National Union of Healthcare Workers"}},
		}},
	}
	ctx := context.Background()
	total, good := 0, 0
	for _, tc := range cases {
		at, err := time.Parse("2006-01-02", tc.asOf)
		if err != nil {
			t.Fatal(err)
		}
		db, c, articles, _ := deskFixture(t)
		d, _, err := coverage.NewDesk(ctx, c, db, coverage.DeskOptions{Now: func() time.Time { return at }})
		if err != nil {
			t.Fatal(err)
		}
		var upTo []strike.Article
		for _, a := range articles {
			if !a.Published.After(at) {
				upTo = append(upTo, a)
			}
		}
		if _, err := d.Process(ctx, save(t, db, upTo)); err != nil {
			t.Fatal(err)
		}
		for _, q := range tc.questions {
			total++
			a, err := d.Ask(ctx, q.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", q.q, err)
			}
			first, _, _ := strings.Cut(a.Text, "\n")
			ok := a.Found && len(a.Citations) > 0 && strings.Contains(first, "[1]") && containsAny(first, q.want) && !containsAny(first, q.not)
			for _, ct := range a.Citations {
				if ct.URL == "" || ct.Published.After(at) {
					ok = false
				}
			}
			if !ok {
				t.Errorf("as of %s, Ask(%q) =\n%s\nwant a cited first sentence holding one of %q (none of %q)", tc.asOf, q.q, a.Text, q.want, q.not)
				continue
			}
			good++
			t.Logf("as of %s, %q: %s", tc.asOf, q.q, first)
		}
	}
	t.Logf("in-sample: the first sentence answers %d of %d factual questions, with a source", good, total)
}

func containsAny(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
