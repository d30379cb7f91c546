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

//go:embed testdata/heldout/*.txt testdata/insample-truth.txt testdata/*-truth.txt testdata/dev*/*.txt
var testdata embed.FS

const (
	heldoutDir       = "testdata/heldout"
	heldoutTruthFile = "testdata/heldout/truth.txt"
	insampleTruth    = "testdata/insample-truth.txt"
)

// DevSet is one development corpus: the articles in testdata/<Name> and
// the truth file testdata/<Name>-truth.txt. Each was written from the
// public facts of the strike after the rules, slanted at what real news
// does that the rules may not expect (see its README.md and the package
// documentation), to tune the rules on; unlike the held-out corpus it may
// be read.
type DevSet struct {
	Name string // "dev", "dev2", …
	// Label names it in errors ("second development").
	Label string
	// MinSnippet is the fewest words its snippet-only pages may have; the
	// first nine and the eleventh were written with longer snippets than
	// the rest.
	MinSnippet int
}

// devSets lists the development corpora in the order they were written.
var devSets = []DevSet{
	{"dev", "development", 50}, {"dev2", "second development", 50}, {"dev3", "third development", 50},
	{"dev4", "fourth development", 50}, {"dev5", "fifth development", 50}, {"dev6", "sixth development", 50},
	{"dev7", "seventh development", 50}, {"dev8", "eighth development", 50}, {"dev9", "ninth development", 50},
	{"dev10", "tenth development", 15}, {"dev11", "eleventh development", 50},
	{"dev12", "twelfth development", 15}, {"dev13", "thirteenth development", 15},
	{"dev14", "fourteenth development", 15}, {"dev15", "fifteenth development", 15},
	{"dev16", "sixteenth development", 15}, {"dev17", "seventeenth development", 15},
	{"dev18", "eighteenth development", 15}, {"dev19", "nineteenth development", 15},
	{"dev20", "twentieth development", 15}, {"dev21", "twenty-first development", 15},
	{"dev22", "twenty-second development", 15}, {"dev23", "twenty-third development", 15},
	{"dev24", "twenty-fourth development", 15}, {"dev25", "twenty-fifth development", 15},
	{"dev26", "twenty-sixth development", 15}, {"dev27", "twenty-seventh development", 15},
	{"dev28", "twenty-eighth development", 15}, {"dev29", "twenty-ninth development", 15},
	{"dev30", "thirtieth development", 15}, {"dev31", "thirty-first development", 15},
	{"dev32", "thirty-second development", 15}, {"dev33", "thirty-third development", 15},
	{"dev34", "thirty-fourth development", 15}, {"dev35", "thirty-fifth development", 15},
	{"dev36", "thirty-sixth development", 15}, {"dev37", "thirty-seventh development", 15},
	{"dev38", "thirty-eighth development", 15}, {"dev39", "thirty-ninth development", 15},
	{"dev40", "fortieth development", 15}, {"dev41", "forty-first development", 15},
	{"dev42", "forty-second development", 15}, {"dev43", "forty-third development", 15},
	{"dev44", "forty-fourth development", 15}, {"dev45", "forty-fifth development", 15},
	{"dev46", "forty-sixth development", 15}, {"dev47", "forty-seventh development", 15},
	{"dev48", "forty-eighth development", 15}, {"dev49", "forty-ninth development", 15},
	{"dev50", "fiftieth development", 15}, {"dev51", "fifty-first development", 15},
	{"dev52", "fifty-second development", 15}, {"dev53", "fifty-third development", 15},
	{"dev54", "fifty-fourth development", 15}, {"dev55", "fifty-fifth development", 15},
	{"dev56", "fifty-sixth development", 15}, {"dev57", "fifty-seventh development", 15},
	{"dev58", "fifty-eighth development", 15}, {"dev59", "fifty-ninth development", 15},
	{"dev60", "sixtieth development", 15}, {"dev61", "sixty-first development", 15},
	{"dev62", "sixty-second development", 15}, {"dev63", "sixty-third development", 15},
	{"dev64", "sixty-fourth development", 15}, {"dev65", "sixty-fifth development", 15},
	{"dev66", "sixty-sixth development", 15}, {"dev67", "sixty-seventh development", 15},
	{"dev68", "sixty-eighth development", 15}, {"dev69", "sixty-ninth development", 15},
	{"dev70", "seventieth development", 15}, {"dev71", "seventy-first development", 15},
}

// DevSets returns the development corpora in the order they were written.
func DevSets() []DevSet { return slices.Clone(devSets) }

// DevNamed returns the development corpus called name ("dev", "dev2", …).
func DevNamed(name string) (DevSet, error) {
	for _, s := range devSets {
		if s.Name == name {
			return s, nil
		}
	}
	return DevSet{}, fmt.Errorf("eval: no development corpus %q (there are dev to %s)", name, devSets[len(devSets)-1].Name)
}

// Docs returns the corpus's articles, checked and sorted as Heldout's.
func (s DevSet) Docs() ([]demo.Doc, error) { return readCorpus("testdata/"+s.Name, "", s.Label) }

// Truth returns the corpus's truth file.
func (s DevSet) Truth() (Truth, error) { return readTruth("testdata/" + s.Name + "-truth.txt") }

// Corpus is the corpus served by a HeldoutSite, on the same three feeds
// as the held-out corpus's.
func (s DevSet) Corpus() (Corpus, error) { return servedCorpus(s.Name, s.Docs, s.Truth) }

// The feeds of the held-out and development corpora.
const (
	FeedWire   = "wire"   // a wire service's RSS with full text
	FeedSearch = "search" // a news-search RSS of snippets linking to pages
	FeedUnion  = "union"  // the union's own Atom feed
)

// Heldout returns the held-out corpus sorted by Published, then ID. It fails
// on the first malformed file, when IDs repeat, when a copy_of names no
// article of the corpus, and when a doc names a feed other than FeedWire,
// FeedSearch or FeedUnion.
func Heldout() ([]demo.Doc, error) { return readCorpus(heldoutDir, heldoutTruthFile, "held-out") }

// readCorpus reads the articles of one labeled directory, leaving out its
// truth file (skip) if it keeps one there.
func readCorpus(dir, skip, name string) ([]demo.Doc, error) {
	names, err := fs.Glob(testdata, dir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("eval: list %s articles: %w", name, err)
	}
	var docs []demo.Doc
	seen := make(map[string]bool, len(names))
	for _, file := range names {
		if file == skip {
			continue
		}
		data, err := testdata.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("eval: read %s: %w", file, err)
		}
		d, err := demo.Parse(path.Base(file), data)
		if err != nil {
			return nil, fmt.Errorf("eval: %s corpus: %w", name, err)
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("eval: %s corpus: id %q repeats", name, d.ID)
		}
		switch d.Feed {
		case FeedWire, FeedSearch, FeedUnion:
		default:
			return nil, fmt.Errorf("eval: %s corpus: %s: feed %q is not %s, %s or %s",
				name, d.ID, d.Feed, FeedWire, FeedSearch, FeedUnion)
		}
		seen[d.ID] = true
		docs = append(docs, d)
	}
	for _, d := range docs {
		if d.CopyOf != "" && !seen[d.CopyOf] {
			return nil, fmt.Errorf("eval: %s corpus: %s: copy_of %q names no article", name, d.ID, d.CopyOf)
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
