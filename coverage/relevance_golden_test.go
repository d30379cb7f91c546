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
// "title:" line, a "---" line, then the text) with the shipped Kaiser
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

// readArticle reads a "title: …\n---\ntext" file.
func readArticle(t *testing.T, file string) strike.Article {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, text, ok := strings.Cut(string(data), "\n---\n")
	title, found := strings.CutPrefix(head, "title: ")
	if !ok || !found {
		t.Fatalf("%s: want a \"title: …\" line, a \"---\" line and the text", file)
	}
	return strike.Article{Title: strings.TrimSpace(title), Text: text}
}
