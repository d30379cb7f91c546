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

//go:embed testdata/heldout/*.txt testdata/insample-truth.txt testdata/dev/*.txt testdata/dev-truth.txt
//go:embed testdata/dev2/*.txt testdata/dev2-truth.txt
//go:embed testdata/dev3/*.txt testdata/dev3-truth.txt
//go:embed testdata/dev4/*.txt testdata/dev4-truth.txt
//go:embed testdata/dev5/*.txt testdata/dev5-truth.txt
//go:embed testdata/dev6/*.txt testdata/dev6-truth.txt
//go:embed testdata/dev7/*.txt testdata/dev7-truth.txt
//go:embed testdata/dev8/*.txt testdata/dev8-truth.txt
//go:embed testdata/dev9/*.txt testdata/dev9-truth.txt
//go:embed testdata/dev10/*.txt testdata/dev10-truth.txt
//go:embed testdata/dev11/*.txt testdata/dev11-truth.txt
//go:embed testdata/dev12/*.txt testdata/dev12-truth.txt
//go:embed testdata/dev13/*.txt testdata/dev13-truth.txt
//go:embed testdata/dev14/*.txt testdata/dev14-truth.txt
//go:embed testdata/dev15/*.txt testdata/dev15-truth.txt
var testdata embed.FS

const (
	heldoutDir       = "testdata/heldout"
	heldoutTruthFile = "testdata/heldout/truth.txt"
	insampleTruth    = "testdata/insample-truth.txt"
	devDir           = "testdata/dev"
	devTruthFile     = "testdata/dev-truth.txt"
	dev2Dir          = "testdata/dev2"
	dev2TruthFile    = "testdata/dev2-truth.txt"
	dev3Dir          = "testdata/dev3"
	dev3TruthFile    = "testdata/dev3-truth.txt"
	dev4Dir          = "testdata/dev4"
	dev4TruthFile    = "testdata/dev4-truth.txt"
	dev5Dir          = "testdata/dev5"
	dev5TruthFile    = "testdata/dev5-truth.txt"
	dev6Dir          = "testdata/dev6"
	dev6TruthFile    = "testdata/dev6-truth.txt"
	dev7Dir          = "testdata/dev7"
	dev7TruthFile    = "testdata/dev7-truth.txt"
	dev8Dir          = "testdata/dev8"
	dev8TruthFile    = "testdata/dev8-truth.txt"
	dev9Dir          = "testdata/dev9"
	dev9TruthFile    = "testdata/dev9-truth.txt"
	dev10Dir         = "testdata/dev10"
	dev10TruthFile   = "testdata/dev10-truth.txt"
	dev11Dir         = "testdata/dev11"
	dev11TruthFile   = "testdata/dev11-truth.txt"
	dev12Dir         = "testdata/dev12"
	dev12TruthFile   = "testdata/dev12-truth.txt"
	dev13Dir         = "testdata/dev13"
	dev13TruthFile   = "testdata/dev13-truth.txt"
	dev14Dir         = "testdata/dev14"
	dev14TruthFile   = "testdata/dev14-truth.txt"
	dev15Dir         = "testdata/dev15"
	dev15TruthFile   = "testdata/dev15-truth.txt"
)

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

// Dev returns the development corpus, checked and sorted as Heldout's. It
// was written after the rules, from the public facts, to tune them on
// (see testdata/dev/README.md); unlike the held-out corpus it may be read.
func Dev() ([]demo.Doc, error) { return readCorpus(devDir, devTruthFile, "development") }

// Dev2 returns the second development corpus, checked and sorted as
// Heldout's. It was written after Dev had been tuned on until it no longer
// told what generalises, in voices further from the in-sample corpus
// (live blogs, numbered lists, trade press, op-eds, bulletins, bilingual
// community papers, passing mentions); see testdata/dev2/README.md. It may
// be read and tuned on.
func Dev2() ([]demo.Doc, error) { return readCorpus(dev2Dir, dev2TruthFile, "second development") }

// Dev3 returns the third development corpus, checked and sorted as
// Heldout's. It was written after Dev and Dev2 had been tuned on until
// they no longer moved the held-out figures, in shapes neither has (wire
// briefs with datelines, TV scripts, letters, advocacy and business
// pieces, Spanish articles, explainers, union bulletins in their jargon)
// and with numbers, phases, workers and the union worded in other ways;
// see testdata/dev3/README.md. It may be read and tuned on.
func Dev3() ([]demo.Doc, error) { return readCorpus(dev3Dir, dev3TruthFile, "third development") }

// Dev4 returns the fourth development corpus, checked and sorted as
// Heldout's. It was written when the held-out facts stood at 0.91, in
// shapes none of the first three has (press-release wire text, radio
// transcripts, interviews, photo captions, legislature and council items,
// quoted posts, appended updates, paywalled teasers, student papers,
// industry newsletters, national roundups) and with phases, workers and
// the union told indirectly; see testdata/dev4/README.md. It may be read
// and tuned on.
func Dev4() ([]demo.Doc, error) { return readCorpus(dev4Dir, dev4TruthFile, "fourth development") }

// Dev5 returns the fifth development corpus, checked and sorted as
// Heldout's. It was written when the held-out facts stood at 0.92, in
// shapes none of the first four has (aggregator items, live updates,
// one-paragraph briefs, TV scripts in capitals, podcast show notes, event
// calendars, the employer's statements and FAQ pages, labour-board
// filings, earnings pieces, personal essays, patient features, Spanish
// outlets) and with numbers and dates written in other ways; see
// testdata/dev5/README.md. It may be read and tuned on.
func Dev5() ([]demo.Doc, error) { return readCorpus(dev5Dir, dev5TruthFile, "fifth development") }

// Dev6 returns the sixth development corpus, checked and sorted as
// Heldout's. It was written when the held-out facts stood at 0.92, in
// shapes none of the first five has (behavioral-health trade press,
// newsletters of numbered items on several disputes, op-eds by a
// legislator and an executive, city and county resolutions, local
// weeklies' columns, headline-only search items, corrections and updates
// that change a fact) and with counts, unions and phases named otherwise;
// see testdata/dev6/README.md. It may be read and tuned on.
func Dev6() ([]demo.Doc, error) { return readCorpus(dev6Dir, dev6TruthFile, "sixth development") }

// Dev7 returns the seventh development corpus, checked and sorted as
// Heldout's. It was written when the held-out facts still stood at 0.92,
// in shapes none of the first six has (news-search items titled "… -
// Outlet" and cut mid-sentence, pages with their furniture left in, text
// taken from PDFs, media advisories, bulletins, picket schedules, Q&As,
// dated timelines, explainers, profiles and obituaries naming the strike
// in passing, British dates) and with counts and phases told otherwise;
// see testdata/dev7/README.md. It may be read and tuned on.
func Dev7() ([]demo.Doc, error) { return readCorpus(dev7Dir, dev7TruthFile, "seventh development") }

// Dev8 returns the eighth development corpus, checked and sorted as
// Heldout's. It was written after tuning on the seventh, in shapes none of
// the first seven has (wire stories updated through the day with the
// newest block on top, tickers and market tapes, briefs where the Kaiser
// item is never first, neighbourhood threads, parish and school notices,
// call-in summaries, translated community weeklies, counts split by
// region or told as a share, phases told only by a reply, a caption or a
// correction); see testdata/dev8/README.md. It may be read and tuned on.
func Dev8() ([]demo.Doc, error) { return readCorpus(dev8Dir, dev8TruthFile, "eighth development") }

// Dev9 returns the ninth development corpus, checked and sorted as
// Heldout's. It was written after tuning on the eighth, in the plainest
// mainstream styles of outlets the first eight lack (national short items,
// TV station web stories, public radio pages, business wires, English
// editions of Spanish-language papers, health-policy sites, print stories
// syndicated truncated mid-word), with the key fact past the lede; see
// testdata/dev9/README.md. It may be read and tuned on.
func Dev9() ([]demo.Doc, error) { return readCorpus(dev9Dir, dev9TruthFile, "ninth development") }

// Dev10 returns the tenth development corpus, checked and sorted as
// Heldout's. It was written after tuning on the ninth: news-search items
// that are only a snippet, undated and late-dated pages, and the
// campaign's siblings and lookalikes; see testdata/dev10/README.md. It may
// be read and tuned on.
func Dev10() ([]demo.Doc, error) { return readCorpus(dev10Dir, dev10TruthFile, "tenth development") }

// Dev11 returns the eleventh development corpus, checked and sorted as
// Heldout's. It was written after tuning on the ninth, in forms the first
// nine have little of: opinion, letters, live pages newest first, updates
// that change the lead, newsletters and lists, a striker's own posts,
// numbers and dates written unusually and quotes that mislead; see
// testdata/dev11/README.md. It may be read and tuned on.
func Dev11() ([]demo.Doc, error) { return readCorpus(dev11Dir, dev11TruthFile, "eleventh development") }

// Dev12 returns the twelfth development corpus, checked and sorted as
// Heldout's. It was written after tuning on the eleventh, slanted at
// reporting where numbers and dates compete: data journalism, several
// dates in one piece, phases told looking back or ahead, regulators and
// sibling disputes with their own counts; see testdata/dev12/README.md.
// It may be read and tuned on.
func Dev12() ([]demo.Doc, error) { return readCorpus(dev12Dir, dev12TruthFile, "twelfth development") }

// Dev13 returns the thirteenth development corpus, checked and sorted as
// Heldout's. It was written beside the twelfth, slanted at places and
// people: hyperlocal picket lines with their own headcounts, profiles,
// loose talk in quotes, year-in-review lists of several strikes and
// pieces that mention the strike in passing; see
// testdata/dev13/README.md. It may be read and tuned on.
func Dev13() ([]demo.Doc, error) {
	return readCorpus(dev13Dir, dev13TruthFile, "thirteenth development")
}

// Dev14 returns the fourteenth development corpus, checked and sorted as
// Heldout's. It was written after tuning on the twelfth and thirteenth,
// slanted at the furniture feeds and pages carry around the news
// (blog-feed footers, newsletter prompts, related-link boxes naming other
// news, update stamps, aggregator lists of headlines); see
// testdata/dev14/README.md. It may be read and tuned on.
func Dev14() ([]demo.Doc, error) {
	return readCorpus(dev14Dir, dev14TruthFile, "fourteenth development")
}

// Dev15 returns the fifteenth development corpus, checked and sorted as
// Heldout's. It was written beside the fourteenth, slanted at voices
// other than a newsroom's (the employer's statements, politicians, the
// union's posts, quoted rumors) and at grammar that hides a fact
// (passives, nominalizations, negations, questions, conditionals); see
// testdata/dev15/README.md. It may be read and tuned on.
func Dev15() ([]demo.Doc, error) {
	return readCorpus(dev15Dir, dev15TruthFile, "fifteenth development")
}

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

// DevTruth returns the truth file of the development corpus.
func DevTruth() (Truth, error) { return readTruth(devTruthFile) }

// Dev2Truth returns the truth file of the second development corpus.
func Dev2Truth() (Truth, error) { return readTruth(dev2TruthFile) }

// Dev3Truth returns the truth file of the third development corpus.
func Dev3Truth() (Truth, error) { return readTruth(dev3TruthFile) }

// Dev4Truth returns the truth file of the fourth development corpus.
func Dev4Truth() (Truth, error) { return readTruth(dev4TruthFile) }

// Dev5Truth returns the truth file of the fifth development corpus.
func Dev5Truth() (Truth, error) { return readTruth(dev5TruthFile) }

// Dev6Truth returns the truth file of the sixth development corpus.
func Dev6Truth() (Truth, error) { return readTruth(dev6TruthFile) }

// Dev7Truth returns the truth file of the seventh development corpus.
func Dev7Truth() (Truth, error) { return readTruth(dev7TruthFile) }

// Dev8Truth returns the truth file of the eighth development corpus.
func Dev8Truth() (Truth, error) { return readTruth(dev8TruthFile) }

// Dev9Truth returns the truth file of the ninth development corpus.
func Dev9Truth() (Truth, error) { return readTruth(dev9TruthFile) }

// Dev10Truth returns the truth file of the tenth development corpus.
func Dev10Truth() (Truth, error) { return readTruth(dev10TruthFile) }

// Dev11Truth returns the truth file of the eleventh development corpus.
func Dev11Truth() (Truth, error) { return readTruth(dev11TruthFile) }

// Dev12Truth returns the truth file of the twelfth development corpus.
func Dev12Truth() (Truth, error) { return readTruth(dev12TruthFile) }

// Dev13Truth returns the truth file of the thirteenth development corpus.
func Dev13Truth() (Truth, error) { return readTruth(dev13TruthFile) }

// Dev14Truth returns the truth file of the fourteenth development corpus.
func Dev14Truth() (Truth, error) { return readTruth(dev14TruthFile) }

// Dev15Truth returns the truth file of the fifteenth development corpus.
func Dev15Truth() (Truth, error) { return readTruth(dev15TruthFile) }

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
