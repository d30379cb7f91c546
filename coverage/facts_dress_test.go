package coverage_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/internal/racetest"
	"github.com/strikebot/strikebot/strike"
)

// TestFactsSurviveOutletDress reads every labeled strike article of the
// in-sample and development corpora as other outlets would dress it — a
// wire dateline, a byline or time stamp first, curly quotes and dashes, a
// headline in capitals, tagged "UPDATE 2-" or with the outlet's name after
// it, the day before the month, Windows line ends — and checks that
// phase, workers, union and start date come out as they do from the
// article as written. The datelines, the byline, the time stamp, the wire
// tag and the day before the month each once changed a fact.
func TestFactsSurviveOutletDress(t *testing.T) {
	racetest.SkipLong(t)
	x := corpusExtractor(t)
	same := func(s string) string { return s }
	dquote := regexp.MustCompile(`"([^"]*)"`)
	curly := func(s string) string {
		s = dquote.ReplaceAllString(s, "\u201c$1\u201d")
		s = strings.ReplaceAll(s, "'", "\u2019")
		s = strings.ReplaceAll(s, " - ", " \u2014 ")
		return strings.ReplaceAll(s, "--", "\u2014")
	}
	// "21 October 2024" for "October 21, 2024": British and some wire
	// styles put the day first.
	monthDay := regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})(?:, (\d{4}))?\b`)
	dayFirst := func(s string) string {
		return monthDay.ReplaceAllStringFunc(s, func(m string) string {
			p := monthDay.FindStringSubmatch(m)
			return strings.TrimSpace(p[2] + " " + p[1] + " " + p[3])
		})
	}
	dresses := []struct {
		name        string
		title, text func(string) string
	}{
		{"curly quotes and dashes", curly, curly},
		{"headline in capitals", strings.ToUpper, same},
		{"wire tag before the headline", func(s string) string { return "UPDATE 2-" + s }, same},
		{"breaking", func(s string) string { return "BREAKING: " + s }, same},
		{"outlet after the headline", func(s string) string { return s + " - LAist" }, same},
		{"day before month", dayFirst, dayFirst},
		{"Windows line ends", same, func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"wire dateline", same, func(s string) string { return "LOS ANGELES (Wire) \u2014 " + s }},
		{"agency dateline with a date", same, func(s string) string { return "LOS ANGELES, Oct. 14 (Reuters) - " + s }},
		{"byline", same, func(s string) string { return "By Maria Lopez | Associated Press\n\n" + s }},
		{"time stamp", same, func(s string) string { return "Updated 4:15 PM PT, October 21, 2024\n\n" + s }},
	}
	corpora := []struct {
		name string
		load func() ([]demo.Doc, error)
	}{{"in-sample", demo.Corpus}}
	for _, set := range eval.DevSets() {
		corpora = append(corpora, struct {
			name string
			load func() ([]demo.Doc, error)
		}{set.Name, set.Docs})
	}
	key := func(f strike.Facts) string {
		return fmt.Sprintf("phase %q, workers %d, union %q, started %q", f.Phase, f.Workers, f.Union, f.Started)
	}
	checked := 0
	for _, c := range corpora {
		docs, err := c.load()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if d.Tier != strike.TierCore && d.Tier != strike.TierRelated {
				continue
			}
			want := key(x.Extract(&strike.Article{Title: d.Title, Text: d.Body, Published: d.Published}))
			for _, dr := range dresses {
				got := key(x.Extract(&strike.Article{Title: dr.title(d.Title), Text: dr.text(d.Body), Published: d.Published}))
				if got != want {
					t.Errorf("%s %s, %s: %s; as written: %s", c.name, d.ID, dr.name, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d dressed articles", checked)
}
