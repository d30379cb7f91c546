package coverage_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/strike"
)

func TestZZExtract(t *testing.T) {
	ids := os.Getenv("ZZID")
	if ids == "" {
		t.Skip()
	}
	x := corpusExtractor(t)
	want := map[string]bool{}
	for _, id := range strings.Split(ids, ",") {
		want[id] = true
	}
	for _, set := range eval.DevSets() {
		docs, err := set.Docs()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if !want[d.ID] {
				continue
			}
			a := &strike.Article{Title: d.Title, Text: d.Body, Published: d.Published, Source: d.Outlet, PublishedEstimated: d.Undated}
			f := x.Extract(a)
			fmt.Printf("== %s/%s\n  got phase=%q workers=%d union=%q | want phase=%q workers=%d union=%q\n", set.Name, d.ID, f.Phase, f.Workers, f.Union, d.Facts.Phase, d.Facts.Workers, d.Facts.Union)
			for k, v := range f.Evidence {
				fmt.Printf("  ev %s: %s\n", k, v)
			}
		}
	}
}
