package coverage_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/relevance")

// TestRelevanceGolden scores the articles in testdata/relevance/*.txt (a
// "title:" line, an optional "published:" line, a "---" line, then the
// text) with the shipped Kaiser
// profile and compares the verdict, the reasons and the explanation with
// the .golden file beside each. Run with -update to rewrite them after a
// deliberate change, and read the diff.
func TestRelevanceGolden(t *testing.T) {
	s := kaiserScorer(t)
	files, err := filepath.Glob(filepath.Join("testdata", "relevance", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/relevance/*.txt files")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			a := readArticle(t, file)
			r := s.Score(&a)
			var b strings.Builder
			fmt.Fprintf(&b, "tier: %s\nscore: %v\nreasons:\n", r.Tier, r.Score)
			for _, reason := range r.Reasons {
				fmt.Fprintf(&b, "  - %s\n", reason)
			}
			fmt.Fprintf(&b, "explain:\n  %s\n", s.Explain(&a))
			got := b.String()

			golden := strings.TrimSuffix(file, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestRelevanceGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s--- want\n%s", name, golden, got, want)
			}
		})
	}
}

// readArticle reads a "title: …\n---\ntext" file. An optional
// "published: YYYY-MM-DD" line after the title dates the article (at noon
// UTC); "published: undated" gives it an estimated date, 2026-01-15, as
// feeds do for an item without one.
func readArticle(t *testing.T, file string) strike.Article {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, text, ok := strings.Cut(string(data), "\n---\n")
	head, date, dated := strings.Cut(head, "\npublished: ")
	title, found := strings.CutPrefix(head, "title: ")
	if !ok || !found {
		t.Fatalf("%s: want a \"title: …\" line, a \"---\" line and the text", file)
	}
	a := strike.Article{Title: strings.TrimSpace(title), Text: text}
	switch date = strings.TrimSpace(date); {
	case !dated:
	case date == "undated":
		a.Published, a.PublishedEstimated = day(t, "2026-01-15", 12), true
	default:
		a.Published = day(t, date, 12)
	}
	return a
}
