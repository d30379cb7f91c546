package coverage_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/strike"
)

// The development corpus (internal/eval/testdata/dev) is written to tune
// the rules on: these tests run its labeled articles through the
// extractor and the clusterer directly, as TestFactsCorpus and
// TestStoryCorpus run the demo's, so that a rule's effect shows in a
// second. The floors are what the rules reach; raise them when a change
// lifts a figure. TestCoverageFigures measures the same corpus through
// the command line.
const (
	devFactsFloor = 0.99 // phase, workers and union of core and related articles
	devStoryFloor = 0.95 // pairwise F1 of core and related articles
	// The same for the second development corpus (testdata/dev2).
	dev2FactsFloor = 0.98 // 0.978, then 0.985 with the sixth corpus's rules
	dev2StoryFloor = 0.95 // 0.941, then 0.957 with the fifth corpus's rules
	// The same for the third development corpus (testdata/dev3): 0.89
	// and 0.84 before any rule was tuned on it.
	dev3FactsFloor = 0.90 // 0.908 now
	dev3StoryFloor = 0.97 // 0.955, then 0.971 with the fifth corpus's rules
	// The same for the fourth development corpus (testdata/dev4), before
	// any rule was tuned on it.
	dev4FactsFloor = 0.99 // 138 of 158 (0.873) before tuning, 156 of 156 after
	dev4StoryFloor = 0.92 // 0.835 before tuning, 0.918 with its headlines unwrapped, 0.925 after
	// The same for the fifth development corpus (testdata/dev5).
	dev5FactsFloor = 0.99 // 125 of 144 (0.868) before tuning, 126 with one label fixed; 144 of 144 after
	dev5StoryFloor = 0.97 // 0.654 before tuning, 0.971 after
	// The same for the sixth development corpus (testdata/dev6).
	dev6FactsFloor = 0.98 // 154 of 172 (0.895) before tuning, 166 of 168 (0.988) after
	dev6StoryFloor = 0.68 // 0.672 (P 0.51, R 0.98) before tuning, 0.683 (P 0.52, R 1.00) after
	// The same for the seventh development corpus (testdata/dev7).
	dev7FactsFloor = 0.96 // 154 of 160 (0.963) after tuning (0.90 through ingest before)
	dev7StoryFloor = 0.65 // 0.656 (P 0.52, R 0.89) after tuning
	// The same for the eighth development corpus (testdata/dev8).
	dev8FactsFloor = 0.92 // 136 of 154 (0.883) after its first round of rules, 140 of 152 (0.921) after its second
	dev8StoryFloor = 0.56 // 0.568 (P 0.45, R 0.76) after its first round
	// The same for the ninth development corpus (testdata/dev9).
	dev9FactsFloor = 0.97 // 140 of 144 (0.972) after its round; the misses are a union's name written otherwise
	dev9StoryFloor = 0.91 // 0.918 (P 0.87, R 0.98)
	// The tenth and eleventh (testdata/dev10, dev11), after their round.
	// (The tenth's snippets that name no union get the campaign's only
	// from the desk, which this test leaves out: 44 of 55 unions here.)
	dev10FactsFloor = 0.90 // 133 of 147 (0.905)
	dev10StoryFloor = 0.78 // 0.781 (P 0.71, R 0.87)
	dev11FactsFloor = 0.93 // 146 of 156 (0.936)
	dev11StoryFloor = 0.69 // 0.694 (P 0.53, R 1.00) once an editor's note is no lead: newsletters and roundups join the stories they mention
	// The twelfth and thirteenth (testdata/dev12, dev13), after their
	// round (before it, through the real path, facts 0.86 and 0.90).
	dev12FactsFloor = 0.94 // 148 of 156 (0.949)
	dev12StoryFloor = 0.65 // 0.651 (P 0.52, R 0.88)
	dev13FactsFloor = 0.95 // 143 of 149 (0.960)
	dev13StoryFloor = 0.82 // 0.821 (P 0.82, R 0.82)
	// The fourteenth and fifteenth (testdata/dev14, dev15), after their
	// round (before it, through the real path, facts 0.95 and 0.88).
	dev14FactsFloor = 0.93 // 140 of 150 (0.933)
	dev14StoryFloor = 0.86 // 0.861 (P 0.90, R 0.83)
	dev15FactsFloor = 0.94 // 142 of 150 (0.947)
	dev15StoryFloor = 0.74 // 0.746 (P 0.76, R 0.73)
)

// corpusDocs loads a development corpus's articles, failing the test when
// it cannot.
func corpusDocs(tb testing.TB, load func() ([]demo.Doc, error)) []demo.Doc {
	tb.Helper()
	docs, err := load()
	if err != nil {
		tb.Fatalf("load a development corpus: %v", err)
	}
	return docs
}

func TestFactsDevCorpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev), devFactsFloor) }

// TestFactsDev2Corpus runs the second development corpus
// (internal/eval/testdata/dev2) through the extractor.
func TestFactsDev2Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev2), dev2FactsFloor) }

// TestFactsDev3Corpus runs the third development corpus
// (internal/eval/testdata/dev3) through the extractor.
func TestFactsDev3Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev3), dev3FactsFloor) }

// TestFactsDev4Corpus runs the fourth development corpus
// (internal/eval/testdata/dev4) through the extractor.
func TestFactsDev4Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev4), dev4FactsFloor) }

// TestFactsDev5Corpus runs the fifth development corpus
// (internal/eval/testdata/dev5) through the extractor.
func TestFactsDev5Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev5), dev5FactsFloor) }

// TestFactsDev6Corpus runs the sixth development corpus
// (internal/eval/testdata/dev6) through the extractor.
func TestFactsDev6Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev6), dev6FactsFloor) }

// TestFactsDev7Corpus runs the seventh development corpus
// (internal/eval/testdata/dev7) through the extractor.
func TestFactsDev7Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev7), dev7FactsFloor) }

// TestFactsDev8Corpus runs the eighth development corpus
// (internal/eval/testdata/dev8) through the extractor.
func TestFactsDev8Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev8), dev8FactsFloor) }

// TestFactsDev9Corpus runs the ninth development corpus
// (internal/eval/testdata/dev9) through the extractor.
func TestFactsDev9Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev9), dev9FactsFloor) }

// TestFactsDev10Corpus runs the tenth development corpus
// (internal/eval/testdata/dev10) through the extractor.
func TestFactsDev10Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev10), dev10FactsFloor) }

// TestFactsDev11Corpus runs the eleventh development corpus
// (internal/eval/testdata/dev11) through the extractor.
func TestFactsDev11Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev11), dev11FactsFloor) }

// TestFactsDev12Corpus runs the twelfth development corpus
// (internal/eval/testdata/dev12) through the extractor.
func TestFactsDev12Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev12), dev12FactsFloor) }

// TestFactsDev13Corpus runs the thirteenth development corpus
// (internal/eval/testdata/dev13) through the extractor.
func TestFactsDev13Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev13), dev13FactsFloor) }

// TestFactsDev14Corpus runs the fourteenth development corpus
// (internal/eval/testdata/dev14) through the extractor.
func TestFactsDev14Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev14), dev14FactsFloor) }

// TestFactsDev15Corpus runs the fifteenth development corpus
// (internal/eval/testdata/dev15) through the extractor.
func TestFactsDev15Corpus(t *testing.T) { checkDevFacts(t, corpusDocs(t, eval.Dev15), dev15FactsFloor) }

func checkDevFacts(t *testing.T, docs []demo.Doc, floor float64) {
	x := corpusExtractor(t)
	right, all := 0, 0
	perField := map[string][2]int{}
	var misses []string
	for _, d := range docs {
		if !d.Tier.Announceable() {
			continue
		}
		a := &strike.Article{Title: d.Title, Text: d.Body, Published: d.Published, Source: d.Outlet, PublishedEstimated: d.Undated}
		got := x.Extract(a)
		for _, field := range []string{"phase", "workers", "union"} {
			want, have := devFact(d.Facts, field), devFact(got, field)
			if want == "" && have == "" {
				continue
			}
			all++
			c := perField[field]
			c[1]++
			if want == have {
				right++
				c[0]++
			} else {
				misses = append(misses, fmt.Sprintf("%s %s: got %q, want %q (evidence %q)", d.ID, field, have, want, got.Evidence[field]))
			}
			perField[field] = c
		}
	}
	acc := float64(right) / float64(all)
	t.Logf("phase %d/%d, workers %d/%d, union %d/%d; all %d/%d (%.3f)", perField["phase"][0], perField["phase"][1],
		perField["workers"][0], perField["workers"][1], perField["union"][0], perField["union"][1], right, all, acc)
	sort.Strings(misses)
	if acc < floor || testing.Verbose() {
		t.Logf("misses:\n%s", strings.Join(misses, "\n"))
	}
	if acc < floor {
		t.Errorf("facts right %.3f, below the floor %.2f", acc, floor)
	}
}

func devFact(f strike.Facts, field string) string {
	switch field {
	case "phase":
		return f.Phase
	case "workers":
		if f.Workers == 0 {
			return ""
		}
		return fmt.Sprint(f.Workers)
	}
	return f.Union
}

func TestStoryDevCorpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev), devStoryFloor) }

// TestStoryDev2Corpus clusters the second development corpus's strike
// news.
func TestStoryDev2Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev2), dev2StoryFloor) }

// TestStoryDev3Corpus clusters the third development corpus's strike
// news.
func TestStoryDev3Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev3), dev3StoryFloor) }

// TestStoryDev4Corpus clusters the fourth development corpus's strike
// news.
func TestStoryDev4Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev4), dev4StoryFloor) }

// TestStoryDev5Corpus clusters the fifth development corpus's strike
// news.
func TestStoryDev5Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev5), dev5StoryFloor) }

// TestStoryDev6Corpus clusters the sixth development corpus's strike
// news.
func TestStoryDev6Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev6), dev6StoryFloor) }

// TestStoryDev7Corpus clusters the seventh development corpus's strike
// articles.
func TestStoryDev7Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev7), dev7StoryFloor) }

// TestStoryDev8Corpus clusters the eighth development corpus's strike
// articles.
func TestStoryDev8Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev8), dev8StoryFloor) }

// TestStoryDev9Corpus clusters the ninth development corpus's strike
// articles.
func TestStoryDev9Corpus(t *testing.T) { checkDevStories(t, corpusDocs(t, eval.Dev9), dev9StoryFloor) }

// TestStoryDev10Corpus clusters the tenth development corpus's strike
// articles.
func TestStoryDev10Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev10), dev10StoryFloor)
}

// TestStoryDev11Corpus clusters the eleventh development corpus's strike
// articles.
func TestStoryDev11Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev11), dev11StoryFloor)
}

// TestStoryDev12Corpus clusters the twelfth development corpus's strike
// articles.
func TestStoryDev12Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev12), dev12StoryFloor)
}

// TestStoryDev13Corpus clusters the thirteenth development corpus's
// strike articles.
func TestStoryDev13Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev13), dev13StoryFloor)
}

// TestStoryDev14Corpus clusters the fourteenth development corpus's
// strike articles.
func TestStoryDev14Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev14), dev14StoryFloor)
}

// TestStoryDev15Corpus clusters the fifteenth development corpus's
// strike articles.
func TestStoryDev15Corpus(t *testing.T) {
	checkDevStories(t, corpusDocs(t, eval.Dev15), dev15StoryFloor)
}

func checkDevStories(t *testing.T, docs []demo.Doc, floor float64) {
	var news []demo.Doc
	for _, d := range docs {
		if d.Tier.Announceable() {
			news = append(news, d)
		}
	}
	got := clusterCorpus(t, coverage.NewClusterer(coverage.ClusterOptions{}), news, nil)
	s := scorePairs(news, got)
	t.Logf("%d core/related articles: pairs tp=%d fp=%d fn=%d, precision %.3f recall %.3f F1 %.3f",
		len(news), s.tp, s.fp, s.fn, s.precision, s.recall, s.f1)
	if s.f1 < floor || testing.Verbose() {
		for _, p := range s.falseJoins {
			t.Logf("joined, should not be: %s", p)
		}
		for _, p := range s.falseSplits {
			t.Logf("split, should not be: %s", p)
		}
	}
	if s.f1 < floor {
		t.Errorf("story pairwise F1 = %.3f, below the floor %.2f", s.f1, floor)
	}
}

// TestStoryDevPartitionIgnoresOrder: the development corpus's strike news
// gives the same stories in any order, as the demo's does
// (TestStoryPartitionIgnoresOrder).
func TestStoryDevPartitionIgnoresOrder(t *testing.T) {
	var news []demo.Doc
	for _, d := range corpusDocs(t, eval.Dev) {
		if d.Tier.Announceable() {
			news = append(news, d)
		}
	}
	ms := corpusMembers(t, news)
	want := partition(news, clusterMembers(coverage.NewClusterer(coverage.ClusterOptions{}), news, ms, nil))
	r := rand.New(rand.NewPCG(11, 7))
	for trial := range 50 {
		order := r.Perm(len(news))
		got := partition(news, clusterMembers(coverage.NewClusterer(coverage.ClusterOptions{}), news, ms, order))
		for _, d := range news {
			if got[d.ID] != want[d.ID] {
				t.Fatalf("order %d: %s is with %s, in publication order with %s", trial, d.ID, got[d.ID], want[d.ID])
			}
		}
	}
}
