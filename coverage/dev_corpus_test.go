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

// The development corpora (internal/eval/testdata/dev*) are written to
// tune the rules on: these tests run their labeled articles through the
// extractor and the clusterer directly, as TestFactsCorpus and
// TestStoryCorpus run the demo's, so that a rule's effect shows in a
// second. devFloors holds, per corpus, what the rules reach: the share of
// facts right (phase, workers and union of core and related articles) and
// the pairwise F1 of the stories of core and related articles. Raise them
// when a change lifts a figure. TestCoverageFigures measures the same
// corpora through the command line.
var devFloors = map[string]struct{ facts, story float64 }{
	"dev": {0.98, 0.99}, // 0.993 once a count with no phase told is no striker count; 0.987 once "a strike was possible" is no threat (its contract-expiry story says so, as most writers' do not)
	// The same for the second development corpus (testdata/dev2).
	// facts: 0.978, then 0.985 with the sixth corpus's rules
	// stories: 0.941, then 0.957 with the fifth corpus's rules
	"dev2": {0.98, 0.98}, // stories 0.985 once "open-ended" was no end (a Hawaii pair split)
	// The same for the third development corpus (testdata/dev3): 0.89
	// and 0.84 before any rule was tuned on it.
	// facts: 0.908 now
	// stories: 0.955, then 0.971 with the fifth corpus's rules
	"dev3": {0.92, 0.97},
	// The same for the fourth development corpus (testdata/dev4), before
	// any rule was tuned on it.
	// facts: 138 of 158 (0.873) before tuning, 156 of 156 after
	// stories: 0.835 before tuning, 0.918 with its headlines unwrapped, 0.925 after
	"dev4": {1.00, 0.92},
	// The same for the fifth development corpus (testdata/dev5).
	// facts: 125 of 144 (0.868) before tuning, 126 with one label fixed; 144 of 144 after
	// stories: 0.654 before tuning, 0.971 after
	"dev5": {1.00, 0.97},
	// The same for the sixth development corpus (testdata/dev6).
	// facts: 154 of 172 (0.895) before tuning, 166 of 168 (0.988) after
	// stories: 0.672 (P 0.51, R 0.98) before tuning, 0.683 (P 0.52, R 1.00) after
	"dev6": {0.98, 0.68},
	// The same for the seventh development corpus (testdata/dev7).
	// facts: 154 of 160 (0.963) after tuning (0.90 through ingest before)
	// stories: 0.656 (P 0.52, R 0.89) after tuning
	"dev7": {0.97, 0.65},
	// The same for the eighth development corpus (testdata/dev8).
	// facts: 136 of 154 (0.883) after its first round of rules, 140 of 152 (0.921) after its second
	// stories: 0.568 (P 0.45, R 0.76) after its first round
	"dev8": {0.93, 0.59},
	// The same for the ninth development corpus (testdata/dev9).
	// facts: 140 of 144 (0.972) after its round; the misses are a union's name written otherwise
	// stories: 0.918 (P 0.87, R 0.98)
	"dev9": {0.97, 0.95},
	// The tenth and eleventh (testdata/dev10, dev11), after their round.
	// (The tenth's snippets that name no union get the campaign's only
	// from the desk, which this test leaves out: 44 of 55 unions here.)
	// facts: 133 of 147 (0.905)
	// stories: 0.781 (P 0.71, R 0.87)
	"dev10": {0.90, 0.97},
	// facts: 146 of 156 (0.936)
	// stories: 0.694 (P 0.53, R 1.00) once an editor's note is no lead: newsletters and roundups join the stories they mention
	"dev11": {0.97, 0.78},
	// The twelfth and thirteenth (testdata/dev12, dev13), after their
	// round (before it, through the real path, facts 0.86 and 0.90).
	// facts: 148 of 156 (0.949)
	// stories: 0.651 (P 0.52, R 0.88)
	"dev12": {0.96, 0.69},
	// facts: 143 of 149 (0.960)
	// stories: 0.821 (P 0.82, R 0.82)
	"dev13": {0.97, 0.94},
	// The fourteenth and fifteenth (testdata/dev14, dev15), after their
	// round (before it, through the real path, facts 0.95 and 0.88).
	// facts: 140 of 150 (0.933)
	// stories: 0.861 (P 0.90, R 0.83)
	"dev14": {0.94, 0.93},
	// facts: 142 of 150 (0.947)
	// stories: 0.746 (P 0.76, R 0.73)
	"dev15": {0.95, 0.80},
	// The sixteenth to nineteenth (testdata/dev16 to dev19), written at
	// once by writers who read none of the earlier corpora, before any
	// rule was tuned on them (through the real path, facts 0.92, 0.91,
	// 0.90 and 0.93; here 137 of 152, 140 of 157, 129 of 151 and 113 of
	// 140), after their round. Undated pages tie to stories only as
	// copies or by headline since: this test feeds them with the
	// labeler's dates, which the real path never has, so their story F1
	// here fell (dev16 0.885 to 0.827) while it rose through `ingest`.
	"dev16": {0.97, 0.82}, // 147 of 151 (0.974); F1 0.827
	"dev17": {0.94, 0.79}, // 149 of 157 (0.949); F1 0.800
	"dev18": {0.89, 0.83}, // 133 of 149 (0.893); F1 0.836
	"dev19": {0.85, 0.83}, // 119 of 140 (0.850); F1 0.839
	// The twentieth to twenty-third (testdata/dev20 to dev23), written
	// at once by writers who read none of the earlier corpora, after
	// their round (before it, through the real path, facts 0.93, 0.93,
	// 0.91 and 0.89).
	"dev20": {0.97, 0.92}, // 144 of 146 (0.986), 143 once a count with no phase told is no striker count; F1 0.923
	"dev21": {1.00, 0.77}, // 146 of 146 (1.000); F1 0.772
	"dev22": {0.91, 0.78}, // 145 of 159 (0.912); F1 0.781
	"dev23": {0.94, 0.73}, // 142 of 151 (0.940); F1 0.732
	// The twenty-fourth to twenty-seventh, before any rule was tuned on
	// them.
	"dev24": {0.95, 0.83}, // 139 of 145 (0.959); F1 0.837
	"dev25": {0.96, 0.88}, // 146 of 151 (0.967); F1 0.887
	"dev26": {0.94, 0.67}, // 132 of 140 (0.943); F1 0.675
	"dev27": {0.86, 0.57}, // 129 of 149 (0.866); F1 0.577
	// The twenty-eighth to thirty-first, written blind to the others
	// (ethnic and in-language press; releases and aggregators;
	// government and politics; a plain news search's mix).
	"dev28": {0.94, 0.71}, // 150 of 159 (0.943); F1 0.716
	"dev29": {0.89, 0.79}, // 133 of 148 (0.899); F1 0.796
	"dev30": {0.96, 0.69}, // 145 of 151 (0.960); F1 0.699
	"dev31": {0.97, 0.94}, // 141 of 145 (0.972); F1 0.948
	// The thirty-second to thirty-fifth, written blind to the others
	// (service and institutional pages; international and specialist
	// English outlets; narrative and long-form writing; the wire desk's
	// versions); before any rule was tuned on them 120, 140, 126 and 140
	// facts right.
	"dev32": {0.91, 0.94}, // 130 of 142 (0.915); F1 0.941
	"dev33": {0.96, 0.93}, // 144 of 150 (0.960); F1 0.936
	"dev34": {0.92, 0.76}, // 128 of 138 (0.928); F1 0.769
	"dev35": {0.94, 0.86}, // 141 of 150 (0.940); F1 0.866
	// The thirty-sixth to forty-third, written blind (see
	// internal/eval/doc.go), after the rules tuned on them.
	"dev36": {0.94, 0.75}, // 119 of 126 (0.944); F1 0.755
	"dev37": {0.93, 0.82}, // 137 of 146 (0.938); F1 0.851, 0.826 once "open-ended" was no end (through ingest it stays 0.80)
	"dev38": {0.95, 0.82}, // 140 of 147 (0.952); F1 0.825
	"dev39": {0.97, 0.86}, // 145 of 148 (0.980); F1 0.868
	"dev40": {0.93, 0.95}, // 126 of 135 (0.933); F1 0.957
	"dev41": {0.93, 0.67}, // 142 of 152 (0.934); F1 0.680
	"dev42": {0.93, 0.75}, // 142 of 152 (0.934); F1 0.759
	"dev43": {0.91, 0.75}, // 132 of 145 (0.910); F1 0.754
	// The forty-fourth to fifty-first, the same way.
	"dev44": {0.91, 0.81}, // 138 of 151 (0.914); F1 0.817
	"dev45": {0.94, 0.86}, // 130 of 137 (0.949); F1 0.861
	"dev46": {0.89, 0.83}, // 119 of 133 (0.895); F1 0.833
	"dev47": {0.85, 0.81}, // 116 of 135 (0.859); F1 0.813
	"dev48": {0.92, 0.80}, // 136 of 147 (0.925); F1 0.810
	"dev49": {0.95, 0.89}, // 143 of 150 (0.953); F1 0.898
	"dev50": {0.90, 0.73}, // 136 of 150 (0.907); F1 0.738
	"dev51": {0.90, 0.83}, // 136 of 151 (0.901); F1 0.830
	// The fifty-second to fifty-ninth, the same way.
	"dev52": {0.96, 0.84}, // 146 of 152 (0.961); F1 0.845
	"dev53": {0.98, 0.88}, // 155 of 158 (0.981); F1 0.881
	"dev54": {0.94, 0.74}, // 146 of 155 (0.942); F1 0.747
	"dev55": {0.94, 0.88}, // 131 of 138 (0.949); F1 0.881
	"dev56": {0.98, 1.00}, // 148 of 150 (0.987); F1 1.000
	"dev57": {0.99, 0.90}, // 137 of 138 (0.993); F1 0.905
	"dev58": {0.97, 0.87}, // 139 of 143 (0.972); F1 0.879
	"dev59": {0.92, 0.70}, // 131 of 142 (0.923); F1 0.700
	// The sixtieth to sixty-third, the same way.
	"dev60": {0.98, 0.84}, // 148 of 151 (0.980); F1 0.846
	"dev61": {0.97, 0.85}, // 143 of 147 (0.973); F1 0.852
	"dev62": {0.96, 0.83}, // 137 of 142 (0.965); F1 0.836
	"dev63": {0.92, 0.66}, // 142 of 154 (0.922); F1 0.667
	// The sixty-fourth to sixty-seventh, written blind and at once: before
	// any rule was tuned on them, then after.
	"dev64": {0.95, 0.90}, // 133 of 143 (0.930), then 136 (0.951); F1 0.869, then 0.901
	"dev65": {0.97, 0.89}, // 132 of 138 (0.957), then 133 of 136 (0.978); F1 0.848, then 0.896
	"dev66": {0.93, 0.93}, // 136 of 150 (0.907), then 139 of 148 (0.939); F1 0.824, then 0.933
	"dev67": {0.96, 0.94}, // 137 of 144 (0.951), then 139 (0.965); F1 0.920, then 0.941
	// The sixty-eighth to seventy-first, written at once, blind: before
	// any rule was tuned on them, then after their round.
	"dev68": {0.98, 0.87}, // 145 of 152 (0.954), then 147 of 150 (0.980); F1 0.876
	"dev69": {0.89, 0.97}, // 126 of 147 (0.857), then 130 of 145 (0.897); F1 0.944, then 0.977
	"dev70": {0.97, 0.95}, // 123 of 138 (0.891), then 134 (0.971); F1 0.950
	"dev71": {0.95, 0.80}, // 143 of 154 (0.929), then 147 (0.955); F1 0.800
}

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

// TestFactsDevCorpora runs each development corpus
// (internal/eval/testdata/dev*) through the extractor.
func TestFactsDevCorpora(t *testing.T) {
	for _, set := range eval.DevSets() {
		t.Run(set.Name, func(t *testing.T) { checkDevFacts(t, corpusDocs(t, set.Docs), devFloor(t, set.Name).facts) })
	}
}

// devSet is the development corpus called name.
func devSet(tb testing.TB, name string) eval.DevSet {
	tb.Helper()
	set, err := eval.DevNamed(name)
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// devFloor is the named corpus's floors; a corpus without any fails.
func devFloor(t *testing.T, name string) struct{ facts, story float64 } {
	f, ok := devFloors[name]
	if !ok {
		t.Fatalf("no floors for %s: measure it and add them to devFloors", name)
	}
	return f
}

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
			if field == "union" && eval.SameUnion(want, have) {
				have = want // "UNAC/UHCP" spelled out is UNAC/UHCP, as the figures score it
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

// TestStoryDevCorpora clusters each development corpus's strike
// articles.
func TestStoryDevCorpora(t *testing.T) {
	for _, set := range eval.DevSets() {
		t.Run(set.Name, func(t *testing.T) { checkDevStories(t, corpusDocs(t, set.Docs), devFloor(t, set.Name).story) })
	}
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
	for _, d := range corpusDocs(t, devSet(t, "dev").Docs) {
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
