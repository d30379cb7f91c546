package coverage_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// minStoryF1 is the floor for pairwise story F1 on the labeled corpus.
const minStoryF1 = 0.9

// corpusMembers turns docs into clustering members as the desk would:
// facts extracted, signed, event features read. Member i is docs[i],
// article ID i+1.
func corpusMembers(tb testing.TB, docs []demo.Doc) []coverage.Member {
	tb.Helper()
	profile := config.Default().Campaigns()[0].Relevance
	fo := coverage.FactsOptionsFromProfile(profile)
	x := coverage.NewExtractor(fo)
	signer := coverage.NewSigner()
	ms := make([]coverage.Member, len(docs))
	for i, d := range docs {
		a := &strike.Article{
			ID:        int64(i + 1),
			Title:     d.Title,
			Source:    d.Outlet,
			Text:      d.Body,
			Published: d.Published,
			Relevance: strike.Relevance{Tier: d.Tier},
			// An undated page's time is the labeler's guess.
			PublishedEstimated: d.Undated,
		}
		ms[i] = coverage.Member{ArticleID: a.ID, Published: a.Published, Sig: signer.Sign(a), Title: a.Title,
			Tier: d.Tier, Event: coverage.EventOf(a, x.Extract(a), fo.Unions[0]), Estimated: d.Undated}
	}
	return ms
}

// clusterCorpus feeds the members of docs (corpusMembers) through Match
// and Add in the order given by order (indexes into docs; nil: as given),
// numbering new stories from 1 and merging the stories an article shows
// to be one, and returns each doc's story.
func clusterCorpus(tb testing.TB, c *coverage.Clusterer, docs []demo.Doc, order []int) map[string]int64 {
	tb.Helper()
	return clusterMembers(c, docs, corpusMembers(tb, docs), order)
}

// clusterMembers is clusterCorpus on members already built, so that a test
// trying many orders extracts each article's facts once. ms is not changed.
func clusterMembers(c *coverage.Clusterer, docs []demo.Doc, ms []coverage.Member, order []int) map[string]int64 {
	if order == nil {
		order = make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
	}
	storyOf := make([]int64, len(docs))
	var next int64
	for _, i := range order {
		m := ms[i]
		ids := c.Match(&m)
		if len(ids) == 0 {
			next++
			ids = []int64{next}
		}
		m.StoryID = ids[0]
		for _, other := range ids[1:] {
			c.Relabel(other, ids[0])
			for j := range storyOf {
				if storyOf[j] == other {
					storyOf[j] = ids[0]
				}
			}
		}
		c.Add(m)
		storyOf[i] = m.StoryID
	}
	got := make(map[string]int64, len(docs))
	for i, d := range docs {
		got[d.ID] = storyOf[i]
	}
	return got
}

// pairScores are pairwise clustering figures: a pair of articles is
// positive when both are in one story.
type pairScores struct {
	tp, fp, fn              int
	precision, recall, f1   float64
	falseJoins, falseSplits []string
}

func scorePairs(docs []demo.Doc, got map[string]int64) pairScores {
	var s pairScores
	for i, a := range docs {
		for _, b := range docs[i+1:] {
			want := a.Story != "" && a.Story == b.Story
			same := got[a.ID] == got[b.ID]
			pair := fmt.Sprintf("%s (%s) ~ %s (%s)", a.ID, a.Story, b.ID, b.Story)
			switch {
			case want && same:
				s.tp++
			case same:
				s.fp++
				s.falseJoins = append(s.falseJoins, pair)
			case want:
				s.fn++
				s.falseSplits = append(s.falseSplits, pair)
			}
		}
	}
	s.precision = storyRatio(s.tp, s.tp+s.fp)
	s.recall = storyRatio(s.tp, s.tp+s.fn)
	if s.precision+s.recall > 0 {
		s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	}
	return s
}

func storyRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func TestStoryCorpus(t *testing.T) {
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatalf("demo.Corpus: %v", err)
	}
	var strikeNews []demo.Doc
	for _, d := range docs {
		if d.Tier.Announceable() {
			strikeNews = append(strikeNews, d)
		}
	}
	got := clusterCorpus(t, coverage.NewClusterer(coverage.ClusterOptions{}), strikeNews, nil)
	s := scorePairs(strikeNews, got)
	t.Logf("%d core/related articles: pairs tp=%d fp=%d fn=%d, precision %.3f recall %.3f F1 %.3f",
		len(strikeNews), s.tp, s.fp, s.fn, s.precision, s.recall, s.f1)
	if s.f1 < minStoryF1 || testing.Verbose() {
		for _, p := range s.falseJoins {
			t.Logf("joined, should not be: %s", p)
		}
		for _, p := range s.falseSplits {
			t.Logf("split, should not be: %s", p)
		}
	}
	if s.f1 < minStoryF1 {
		t.Errorf("story pairwise F1 = %.3f, want >= %.2f", s.f1, minStoryF1)
	}
}

// TestStoryCorpusNoneTier runs the whole corpus, none-tier articles too,
// through one Clusterer: no none-tier article may share a story with a
// core or related one, and the strike stories must score as well as
// without them.
func TestStoryCorpusNoneTier(t *testing.T) {
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatalf("demo.Corpus: %v", err)
	}
	got := clusterCorpus(t, coverage.NewClusterer(coverage.ClusterOptions{}), docs, nil)
	tierOf := make(map[int64]strike.Tier)
	idOf := make(map[int64]string)
	for _, d := range docs {
		id := got[d.ID]
		if d.Tier.Announceable() {
			if prev, ok := idOf[id]; ok && tierOf[id] == strike.TierNone {
				t.Errorf("%s (%s) joined the story of none-tier %s", d.ID, d.Tier, prev)
			}
			tierOf[id], idOf[id] = d.Tier, d.ID
			continue
		}
		if prev, ok := idOf[id]; ok && tierOf[id] != strike.TierNone {
			t.Errorf("none-tier %s joined the story of %s (%s)", d.ID, prev, tierOf[id])
		}
		if _, ok := idOf[id]; !ok {
			tierOf[id], idOf[id] = d.Tier, d.ID
		}
	}
	var strikeNews []demo.Doc
	for _, d := range docs {
		if d.Tier.Announceable() {
			strikeNews = append(strikeNews, d)
		}
	}
	s := scorePairs(strikeNews, got)
	t.Logf("with none-tier articles mixed in: core/related pairs precision %.3f recall %.3f F1 %.3f", s.precision, s.recall, s.f1)
	if s.f1 < minStoryF1 {
		t.Errorf("story pairwise F1 with none-tier articles = %.3f, want >= %.2f", s.f1, minStoryF1)
	}
	all := scorePairs(docs, got)
	t.Logf("all %d articles, none-tier included: precision %.3f recall %.3f F1 %.3f", len(docs), all.precision, all.recall, all.f1)
	if testing.Verbose() {
		for _, p := range append(all.falseJoins, all.falseSplits...) {
			t.Logf("mistake: %s", strings.TrimSpace(p))
		}
	}
}

// partition names each doc's group by the first doc (in docs order) of
// its story, so that partitions made with different story IDs compare.
func partition(docs []demo.Doc, got map[string]int64) map[string]string {
	first := make(map[int64]string)
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		id := got[d.ID]
		if _, ok := first[id]; !ok {
			first[id] = d.ID
		}
		out[d.ID] = first[id]
	}
	return out
}

// TestStoryPartitionIgnoresOrder feeds the strike news of the corpus in
// many random orders: every order must give the stories of publication
// order, as a backfill of months, feeds polled at once, a feed added
// later or an aggregator indexing late all come down to another order.
func TestStoryPartitionIgnoresOrder(t *testing.T) {
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatalf("demo.Corpus: %v", err)
	}
	var news []demo.Doc
	for _, d := range docs {
		if d.Tier.Announceable() {
			news = append(news, d)
		}
	}
	ms := corpusMembers(t, news)
	want := partition(news, clusterMembers(coverage.NewClusterer(coverage.ClusterOptions{}), news, ms, nil))
	r := rand.New(rand.NewPCG(7, 7))
	for trial := range 200 {
		order := r.Perm(len(news))
		got := partition(news, clusterMembers(coverage.NewClusterer(coverage.ClusterOptions{}), news, ms, order))
		for _, d := range news {
			if got[d.ID] != want[d.ID] {
				t.Fatalf("order %d (%v): %s is with %s, in publication order with %s", trial, order, d.ID, got[d.ID], want[d.ID])
			}
		}
	}
}
