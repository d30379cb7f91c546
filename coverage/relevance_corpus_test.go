package coverage_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// minF1 is the floor for announceable (core or related) against none on the
// labeled corpus, and minCoreF1 for core (this campaign) against the rest:
// the targets of issue 7.
const (
	minF1     = 0.98
	minCoreF1 = 0.96
)

// kaiserScorer returns a Scorer for the shipped Kaiser campaign's profile.
func kaiserScorer(tb testing.TB) *coverage.Scorer {
	tb.Helper()
	campaigns := config.Default().Campaigns()
	if len(campaigns) == 0 {
		tb.Fatal("config.Default() has no campaigns")
	}
	s, err := coverage.NewScorer(campaigns[0].Relevance)
	if err != nil {
		tb.Fatalf("NewScorer(shipped Kaiser profile): %v", err)
	}
	return s
}

var tiers = []strike.Tier{strike.TierCore, strike.TierRelated, strike.TierNone}

// confusion counts articles by true tier (first index) and scored tier.
type confusion map[strike.Tier]map[strike.Tier]int

func (c confusion) add(want, got strike.Tier) {
	if c[want] == nil {
		c[want] = make(map[strike.Tier]int)
	}
	c[want][got]++
}

func (c confusion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s", "truth \\ scored")
	for _, t := range tiers {
		fmt.Fprintf(&b, "%9s", t)
	}
	for _, want := range tiers {
		fmt.Fprintf(&b, "\n%-14s", want)
		for _, got := range tiers {
			fmt.Fprintf(&b, "%9d", c[want][got])
		}
	}
	return b.String()
}

// figures are the corpus metrics of one way of reading the articles.
type figures struct {
	n, tp, fp, fn, exact int
	precision, recall    float64
	f1, accuracy         float64
	// core against related and none: is it this campaign's strike?
	coreTP, coreFP, coreFN int
	coreF1                 float64
	matrix                 confusion
	misses                 []string
}

func measure(s *coverage.Scorer, docs []demo.Doc, text func(demo.Doc) string) figures {
	f := figures{matrix: confusion{}}
	for _, d := range docs {
		a := &strike.Article{Title: d.Title, Text: text(d), Published: d.Published}
		r := s.Score(a)
		f.n++
		f.matrix.add(d.Tier, r.Tier)
		want, got := d.Tier.Announceable(), r.Tier.Announceable()
		switch {
		case want && got:
			f.tp++
		case got:
			f.fp++
		case want:
			f.fn++
		}
		switch want, got := d.Tier == strike.TierCore, r.Tier == strike.TierCore; {
		case want && got:
			f.coreTP++
		case got:
			f.coreFP++
		case want:
			f.coreFN++
		}
		if r.Tier == d.Tier {
			f.exact++
		} else {
			f.misses = append(f.misses, fmt.Sprintf("%s: got %s (score %v), want %s\n    %s",
				d.ID, r.Tier, r.Score, d.Tier, strings.Join(r.Reasons, "\n    ")))
		}
	}
	if f.tp+f.fp > 0 {
		f.precision = float64(f.tp) / float64(f.tp+f.fp)
	}
	if f.tp+f.fn > 0 {
		f.recall = float64(f.tp) / float64(f.tp+f.fn)
	}
	if f.precision+f.recall > 0 {
		f.f1 = 2 * f.precision * f.recall / (f.precision + f.recall)
	}
	if f.coreTP > 0 {
		f.coreF1 = 2 * float64(f.coreTP) / float64(2*f.coreTP+f.coreFP+f.coreFN)
	}
	if f.n > 0 {
		f.accuracy = float64(f.exact) / float64(f.n)
	}
	return f
}

// TestCorpusRelevance scores every labeled article of the demo corpus (title,
// full body and publication date) with the shipped Kaiser profile and holds
// the announceable F1 above minF1 and the core F1 above minCoreF1.
func TestCorpusRelevance(t *testing.T) {
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatalf("demo.Corpus: %v", err)
	}
	if len(docs) < 40 {
		t.Fatalf("corpus has %d articles, want at least 40", len(docs))
	}
	s := kaiserScorer(t)

	full := measure(s, docs, func(d demo.Doc) string { return d.Body })
	t.Logf("full text: %d articles, precision %.3f, recall %.3f, F1 %.3f, core F1 %.3f, tier accuracy %.3f (%d/%d)",
		full.n, full.precision, full.recall, full.f1, full.coreF1, full.accuracy, full.exact, full.n)
	for _, m := range full.misses {
		t.Logf("tier miss %s", m)
	}
	if full.f1 < minF1 {
		t.Errorf("announceable F1 = %.3f, want at least %.2f\n%s", full.f1, minF1, full.matrix)
	}
	if full.coreF1 < minCoreF1 {
		t.Errorf("core F1 = %.3f, want at least %.2f\n%s", full.coreF1, minCoreF1, full.matrix)
	}

	// The same articles as a feed that carries only the first sentence: not
	// held to the floor (the full text is fetched when it can be), logged to
	// show how much the title alone carries.
	lead := measure(s, docs, func(d demo.Doc) string { return d.FirstSentence() })
	t.Logf("first sentence only: precision %.3f, recall %.3f, F1 %.3f, core F1 %.3f, tier accuracy %.3f",
		lead.precision, lead.recall, lead.f1, lead.coreF1, lead.accuracy)
	if testing.Verbose() {
		t.Logf("full text confusion:\n%s", full.matrix)
	}
}

// TestCoreWithTheCapitalAsAPlace checks that a piece naming the
// campaign's union whose only other place is the state capital, where a
// reporter or a meeting was, is core; and that a sibling region named
// outright still keeps it related.
func TestCoreWithTheCapitalAsAPlace(t *testing.T) {
	s := kaiserScorer(t)
	pub := time.Date(2025, 5, 5, 16, 45, 0, 0, time.UTC)
	for _, tt := range []struct {
		text string
		want strike.Tier
	}{
		{"The deal came together before midnight on Sunday, after a 14-hour session in a downtown Sacramento office. " +
			"We spoke with people on both sides about how Kaiser Permanente and the National Union of Healthcare Workers reached the tentative agreement, which members must still approve.",
			strike.TierCore},
		{"Kaiser Permanente and the National Union of Healthcare Workers reached a tentative agreement in the strike by therapists in Northern California.",
			strike.TierRelated},
	} {
		a := &strike.Article{Title: "Inside the session that ended Kaiser's longest strike", Text: tt.text, Published: pub}
		if got := s.Score(a).Tier; got != tt.want {
			t.Errorf("%q: tier %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestUnionNamedIsLaborNews checks that a piece naming the campaign's
// union and the employer but no labor word (a radio transcript of the
// first day back) is still labor news about the employer; and that the
// employer alone is not.
func TestUnionNamedIsLaborNews(t *testing.T) {
	s := kaiserScorer(t)
	pub := time.Date(2025, 5, 13, 0, 35, 0, 0, time.UTC)
	a := &strike.Article{Title: "Transcript: First day back for Kaiser's therapists",
		Text: "Kaiser Permanente's mental health clinicians went back to their offices today for the first time since October. " +
			"NUHW members I spoke with said the first week is mostly phone calls.", Published: pub}
	if got := s.Score(a).Tier; got == strike.TierNone {
		t.Errorf("union named: tier %s, want core or related", got)
	}
	a.Text = "Kaiser Permanente's mental health clinicians went back to their offices today after the holiday."
	if got := s.Score(a).Tier; got != strike.TierNone {
		t.Errorf("no union, no labor word: tier %s, want none", got)
	}
}

// TestPossessiveIsNoLookalike: "Kaiser's chief executive" is the
// employer's chief, not the band "Kaiser Chiefs", so the union's post
// about a letter to him is the campaign's news (the tenth development
// corpus lost it so).
func TestPossessiveIsNoLookalike(t *testing.T) {
	s := kaiserScorer(t)
	a := &strike.Article{Title: "Lawmakers to Kaiser: come back to the table", Source: "National Union of Healthcare Workers",
		Text: "Yesterday more than 30 members of the California Legislature put their names on a letter to Kaiser's chief executive asking him to get serious about ending our strike.\n\n" +
			"The letters say what we have said since day one: Kaiser patients in Southern California are waiting too long for therapy.\n\n" +
			"Keep showing up. Picket schedules for the holiday weeks are posted at every site."}
	if got := s.Score(a); got.Tier != strike.TierCore {
		t.Errorf("tier %s, want core:\n%s", got.Tier, s.Explain(a))
	}
	a.Title, a.Text = "Kaiser Chiefs announce a tour", "The band's chief songwriter said the tour would strike a balance between old hits and new songs."
	if got := s.Score(a); got.Tier != strike.TierNone {
		t.Errorf("the band: tier %s, want none:\n%s", got.Tier, s.Explain(a))
	}
}
