package coverage

import (
	"regexp"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/internal/racetest"
)

func TestLitFilter(t *testing.T) {
	tests := []struct {
		re   string
		s    string
		want bool
	}{
		{`\bstrike notice\b`, "a strike notice", true},
		{`\bstrike notice\b`, "a strike was noticed", false},
		{`\b(?:went|go|goes) on strike\b`, "they went on strike", true},
		{`\b(?:went|go|goes) on strike\b`, "they went on a strike", false},
		{`\b(?:went|go|goes) on strike\b`, "they go on strike", true},
		// An optional part asks nothing; a required one does.
		{`\bthe (?:big )?strike\b`, "the strike", true},
		{`\bthe (?:big )?strike\b`, "a strike", false},
		{`\bdays?\b`, "the day", true},
		{`\bdays?\b`, "the week", false},
		{`\w+ing\b`, "nothing", true},
		{`\w+ing\b`, "nothin'", false},
		// A class of a few characters is a set of literals.
		{`\bn['’]t\b`, "don’t", true},
		{`\bn['’]t\b`, "don`t", false},
		// A part repeated at least once asks for what it holds.
		{`(?:ab)+c`, "xabc", true},
		{`(?:ab)+c`, "xac", false},
		{`(?:ab){2,3}`, "xaby", true},
		{`(?:ab){0,3}z`, "xz", true},
		// Alternatives: one of them.
		{`\bstrike (?:vote|notice)\b|\bwalkout\b`, "the walkout", true},
		{`\bstrike (?:vote|notice)\b|\bwalkout\b`, "the strike date", false},
		{`\bstrike (?:vote|notice)\b|.*`, "", true},
		// Case folded: ASCII in any case; anything else passes, as a
		// letter such as the Kelvin sign folds to 'k'.
		{`(?i)\blike\s+$`, "just LIKE ", true},
		{`(?i)\blike\s+$`, "just as ", false},
		{`(?i)\blike\s+$`, "li\u212ae ", true},
		{`(?i)\blike\s+$`, "café ", true},
	}
	for _, tt := range tests {
		f := newLitFilter(regexp.MustCompile(tt.re))
		if got := f.may(tt.s); got != tt.want {
			t.Errorf("filter of %q on %q = %v, want %v", tt.re, tt.s, got, tt.want)
		}
	}
}

// litFilterPatterns are the expressions filtered in the package, with
// some of the largest of the rest, to check filters on.
func litFilterPatterns() []*regexp.Regexp {
	res := []*regexp.Regexp{unionAsideRE, unlikeRE, unionJoinedRE, dateAtRE, dateRE, workersRE, workersWordsRE,
		unionAfterRE, hypoRE, negRE, partialRE, otherStrikeRE, clauseRE, ratifyRE, offerRE}
	for _, sig := range phaseSignals {
		res = append(res, sig.re)
	}
	return res
}

// TestLitFilterCorpus checks that no filter turns away a sentence of the
// corpora that its expression matches, as written or lower-cased.
func TestLitFilterCorpus(t *testing.T) {
	racetest.SkipLong(t)
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	loads := []func() ([]demo.Doc, error){eval.Heldout}
	for _, set := range eval.DevSets()[:2] {
		loads = append(loads, set.Docs)
	}
	for _, load := range loads {
		more, err := load()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, more...)
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Title, lowerSameLen(d.Title))
		for _, s := range Sentences(d.Body) {
			texts = append(texts, s.Text, lowerSameLen(s.Text))
		}
	}
	matched := 0
	for _, re := range litFilterPatterns() {
		f := newLitFilter(re)
		for _, s := range texts {
			if re.MatchString(s) {
				matched++
				if !f.may(s) {
					t.Errorf("filter of %q turns away %q, which it matches", re, s)
				}
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches to check the filters on", matched)
	}
	for _, s := range texts {
		checkPhaseSignalMay(t, s)
	}
}

// checkPhaseSignalMay checks that phaseSignalMay, with its letter pairs,
// says what a phase signal's hints and its filter say without them.
func checkPhaseSignalMay(t *testing.T, s string) {
	t.Helper()
	var lp letterPairs
	lp.of(s)
	for k, sig := range phaseSignals {
		want := sig.mayMatch(s) && phaseSignalFilters[k].may(s)
		if got := phaseSignalMay(k, s, &lp); got != want {
			t.Fatalf("phaseSignalMay(%d, %q) = %v, want %v", k, s, got, want)
		}
	}
}

func FuzzLitFilter(f *testing.F) {
	for _, s := range []string{"they went on strike", "the 10-day notice", "NUHW, unlike the ", "back to work Monday",
		"walked off the job in a separate dispute", "2,400 therapists", "Oct. 14, 2024"} {
		f.Add(s)
	}
	res := litFilterPatterns()
	filters := make([]*litFilter, len(res))
	for i, re := range res {
		filters[i] = newLitFilter(re)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []string{s, strings.ToLower(s)} {
			for i, re := range res {
				if re.MatchString(v) && !filters[i].may(v) {
					t.Fatalf("filter of %q turns away %q, which it matches", re, v)
				}
			}
			checkPhaseSignalMay(t, v)
		}
	})
}
