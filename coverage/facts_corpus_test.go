package coverage_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// factsTarget is the share of labeled facts the extractor must get right
// on the corpus.
const factsTarget = 0.90

func corpusExtractor(tb testing.TB) *coverage.Extractor {
	tb.Helper()
	campaigns := config.Default().Campaigns()
	if len(campaigns) == 0 {
		tb.Fatal("config.Default() has no campaigns")
	}
	return coverage.NewExtractor(coverage.FactsOptionsFromProfile(campaigns[0].Relevance))
}

// factChecks compares got with the label field by field, over the fields
// the label states, and returns each field's verdict and the number of
// extra fields extracted that the label does not state.
func factChecks(got, want strike.Facts) (checks map[string]bool, gotS, wantS map[string]string, extra []string) {
	checks = map[string]bool{}
	gotS, wantS = factStrings(got), factStrings(want)
	for k, w := range wantS {
		checks[k] = gotS[k] == w
	}
	for k := range gotS {
		if _, ok := wantS[k]; !ok {
			extra = append(extra, fmt.Sprintf("%s = %q", k, gotS[k]))
		}
	}
	return checks, gotS, wantS, extra
}

// factStrings renders the non-zero fields of f, demands and events as
// sorted sets.
func factStrings(f strike.Facts) map[string]string {
	m := map[string]string{}
	if f.Phase != "" {
		m["phase"] = f.Phase
	}
	if f.Workers != 0 {
		m["workers"] = fmt.Sprint(f.Workers)
	}
	if f.Union != "" {
		m["union"] = f.Union
	}
	if f.Employer != "" {
		m["employer"] = f.Employer
	}
	if f.Started != "" {
		m["started"] = f.Started
	}
	if f.DurationDays != 0 {
		m["duration_days"] = fmt.Sprint(f.DurationDays)
	}
	if f.Offer != "" {
		m["offer"] = f.Offer
	}
	if len(f.Demands) > 0 {
		d := slices.Clone(f.Demands)
		sort.Strings(d)
		m["demands"] = strings.Join(d, "; ")
	}
	if len(f.Events) > 0 {
		var e []string
		for _, ev := range f.Events {
			e = append(e, ev.Date+" "+ev.What)
		}
		sort.Strings(e)
		m["events"] = strings.Join(e, "; ")
	}
	return m
}

func TestFactsCorpus(t *testing.T) {
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatalf("demo.Corpus: %v", err)
	}
	x := corpusExtractor(t)
	type tally struct{ right, all int }
	perField := map[string]*tally{}
	var total tally
	extras := 0
	var misses []string
	for _, d := range docs {
		if d.Tier != strike.TierCore && d.Tier != strike.TierRelated {
			continue
		}
		a := &strike.Article{Title: d.Title, Text: d.Body, Published: d.Published}
		got := x.Extract(a)
		checks, gotS, wantS, extra := factChecks(got, d.Facts)
		extras += len(extra)
		if testing.Verbose() {
			for _, e := range extra {
				t.Logf("%s: extra %s", d.ID, e)
			}
		}
		for k, ok := range checks {
			if perField[k] == nil {
				perField[k] = &tally{}
			}
			perField[k].all++
			total.all++
			if ok {
				perField[k].right++
				total.right++
			} else {
				misses = append(misses, fmt.Sprintf("%s %s: got %q, want %q (evidence %q)", d.ID, k, gotS[k], wantS[k], got.Evidence[k]))
			}
		}
	}
	keys := make([]string, 0, len(perField))
	for k := range perField {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := perField[k]
		t.Logf("%-14s %3d/%3d  %5.1f%%", k, p.right, p.all, 100*float64(p.right)/float64(p.all))
	}
	acc := float64(total.right) / float64(total.all)
	t.Logf("all            %3d/%3d  %5.1f%%; %d extracted fields not in the labels", total.right, total.all, 100*acc, extras)
	sort.Strings(misses)
	if acc < factsTarget {
		t.Errorf("facts accuracy %.1f%%, want at least %.0f%%; misses:\n%s", 100*acc, 100*factsTarget, strings.Join(misses, "\n"))
	} else if testing.Verbose() {
		t.Logf("misses:\n%s", strings.Join(misses, "\n"))
	}
}
