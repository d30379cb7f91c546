package eval

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/strikebot/strikebot/demo"
)

//go:embed testdata/heldout/*.txt testdata/insample-truth.txt
var testdata embed.FS

const (
	heldoutDir       = "testdata/heldout"
	heldoutTruthFile = "testdata/heldout/truth.txt"
	insampleTruth    = "testdata/insample-truth.txt"
)

// The feeds of the held-out corpus.
const (
	FeedWire   = "wire"   // a wire service's RSS with full text
	FeedSearch = "search" // a news-search RSS of snippets linking to pages
	FeedUnion  = "union"  // the union's own Atom feed
)

// Heldout returns the held-out corpus sorted by Published, then ID. It fails
// on the first malformed file, when IDs repeat, when a copy_of names no
// article of the corpus, and when a doc names a feed other than FeedWire,
// FeedSearch or FeedUnion.
func Heldout() ([]demo.Doc, error) {
	names, err := fs.Glob(testdata, heldoutDir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("eval: list held-out articles: %w", err)
	}
	var docs []demo.Doc
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		if name == heldoutTruthFile {
			continue
		}
		data, err := testdata.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("eval: read %s: %w", name, err)
		}
		d, err := demo.Parse(path.Base(name), data)
		if err != nil {
			return nil, fmt.Errorf("eval: held-out corpus: %w", err)
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("eval: held-out corpus: id %q repeats", d.ID)
		}
		switch d.Feed {
		case FeedWire, FeedSearch, FeedUnion:
		default:
			return nil, fmt.Errorf("eval: held-out corpus: %s: feed %q is not %s, %s or %s",
				d.ID, d.Feed, FeedWire, FeedSearch, FeedUnion)
		}
		seen[d.ID] = true
		docs = append(docs, d)
	}
	for _, d := range docs {
		if d.CopyOf != "" && !seen[d.CopyOf] {
			return nil, fmt.Errorf("eval: held-out corpus: %s: copy_of %q names no article", d.ID, d.CopyOf)
		}
	}
	slices.SortFunc(docs, func(a, b demo.Doc) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return docs, nil
}

// HeldoutTruth returns the truth file of the held-out corpus.
func HeldoutTruth() (Truth, error) { return readTruth(heldoutTruthFile) }

// InSampleTruth returns the truth file of the in-sample (demo) corpus.
func InSampleTruth() (Truth, error) { return readTruth(insampleTruth) }

func readTruth(name string) (Truth, error) {
	data, err := testdata.ReadFile(name)
	if err != nil {
		return Truth{}, fmt.Errorf("eval: read %s: %w", name, err)
	}
	t, err := ParseTruth(data)
	if err != nil {
		return Truth{}, fmt.Errorf("eval: %s: %w", name, err)
	}
	return t, nil
}
