package eval

import (
	"fmt"
	"strings"
)

// Report holds the figures of the corpora, for the README's table. Dev
// holds the development corpora's that were measured, in DevSets' order.
type Report struct {
	InSample, Heldout Figures
	Dev               []Figures
}

// The rows of issue 7's table, with their targets on the held-out set.
var rows = []struct {
	measure, target string
	cell            func(Figures) string
}{
	{"copies of one wire story / press release in the same story", "every pair (≥ 0.98)", func(f Figures) string {
		return fmt.Sprintf("%d of %d (%.2f)", f.CopiesTogether, f.CopyPairs, f.CopyRatio())
	}},
	{"event grouping, pairwise F1", "≥ 0.85", func(f Figures) string {
		return fmt.Sprintf("%.2f (P %.2f, R %.2f)", f.Grouping.F1(), f.Grouping.Precision(), f.Grouping.Recall())
	}},
	{"relevance F1, strike news vs not", "≥ 0.98", func(f Figures) string {
		return fmt.Sprintf("%.2f (P %.2f, R %.2f)", f.Relevance.F1(), f.Relevance.Precision(), f.Relevance.Recall())
	}},
	{"this-campaign F1 (`core`)", "≥ 0.96", func(f Figures) string {
		return fmt.Sprintf("%.2f (P %.2f, R %.2f)", f.Core.F1(), f.Core.Precision(), f.Core.Recall())
	}},
	{"facts right (phase, workers, union)", "≥ 0.95", func(f Figures) string {
		t := f.FactsTally()
		return fmt.Sprintf("%.2f (%d of %d)", t.Ratio(), t.Right, t.Scored)
	}},
	{"`status` fields right", "all", func(f Figures) string {
		var wrong []string
		for _, r := range f.Status {
			if !r.OK {
				wrong = append(wrong, "`"+r.Field+"`")
			}
		}
		s := fmt.Sprintf("%d of %d", f.StatusRight(), len(f.Status))
		if len(wrong) > 0 {
			s += " (" + strings.Join(wrong, ", ") + " wrong)"
		}
		return s
	}},
	{"`ask`: first sentence answers a supporter's factual question, with a source", "≥ 6 of 7", func(f Figures) string {
		return fmt.Sprintf("%d of %d", f.AsksRight(), len(f.Asks))
	}},
}

// Table formats the report as the README's Markdown table: measure,
// in-sample, held-out, target; with a column for each development corpus
// in r.Dev, before the target.
func (r Report) Table() string {
	type column struct {
		name string
		f    Figures
	}
	cols := []column{{"in-sample", r.InSample}, {"held-out", r.Heldout}}
	for _, f := range r.Dev {
		if f.Corpus != "" {
			cols = append(cols, column{devColumn(f.Corpus), f})
		}
	}
	var b strings.Builder
	b.WriteString("| measure (three feeds at once through `ingest`) |")
	for _, c := range cols {
		b.WriteString(" " + c.name + " |")
	}
	b.WriteString(" target (held-out) |\n|---|" + strings.Repeat("---|", len(cols)) + "---|\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s |", row.measure)
		for _, c := range cols {
			cell := "not measured"
			if c.f.Corpus != "" {
				cell = row.cell(c.f)
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		fmt.Fprintf(&b, " %s |\n", row.target)
	}
	return b.String()
}

// devColumn names a development corpus's column: "development" for dev,
// "development 2" for dev2.
func devColumn(name string) string {
	if n, ok := strings.CutPrefix(name, "dev"); ok && n != "" {
		return "development " + n
	}
	return "development"
}

// Details lists, for one corpus, what the table's figures are made of and
// what went wrong: facts per field, each status field, each question.
func (f Figures) Details() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d docs, %d stored, %d unmatched articles, %d stories listed\n",
		f.Corpus, f.Docs, f.Stored, f.Unmatched, f.Stories)
	fmt.Fprintf(&b, "  relevance %+v, core %+v, grouping pairs %+v\n", f.Relevance, f.Core, f.Grouping)
	b.WriteString("  facts:")
	for _, field := range factFields {
		t := f.Facts[field]
		fmt.Fprintf(&b, " %s %d/%d", field, t.Right, t.Scored)
	}
	b.WriteString("\n")
	for _, m := range f.TierMisses {
		fmt.Fprintf(&b, "  tier BAD %s\n", m)
	}
	for _, m := range f.FactMisses {
		fmt.Fprintf(&b, "  fact BAD %s %s: want %q, got %q\n", m.Doc, m.Field, m.Want, m.Got)
	}
	for _, s := range f.Split {
		fmt.Fprintf(&b, "  split  %s\n", s)
	}
	for _, s := range f.Merged {
		fmt.Fprintf(&b, "  merged %s\n", s)
	}
	for _, r := range f.Status {
		mark := "ok "
		if !r.OK {
			mark = "BAD"
		}
		fmt.Fprintf(&b, "  status %s %-8s want %q, got %q\n", mark, r.Field, r.Want, r.Got)
	}
	for _, a := range f.Asks {
		mark := "ok "
		if !a.OK {
			mark = "BAD"
		}
		fmt.Fprintf(&b, "  ask %s %q -> %q (states answer: %v, cites an article: %v)\n",
			mark, a.Question, a.FirstSentence, a.Stated, a.Cited)
	}
	return b.String()
}
