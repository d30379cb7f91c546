package coverage_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// minStoryF1 is the floor for pairwise story F1 on the labeled corpus.
const minStoryF1 = 0.9

// clusterCorpus feeds docs, in the order given (the corpus is sorted by
// publication), through Sign, Assign and Add, numbering new stories from
// 1, and returns each doc's story.
func clusterCorpus(tb testing.TB, c *coverage.Clusterer, docs []demo.Doc) map[string]int64 {
	tb.Helper()
	signer := coverage.NewSigner()
	got := make(map[string]int64, len(docs))
	var next int64
	for i, d := range docs {
		a := &strike.Article{
			ID:        int64(i + 1),
			Title:     d.Title,
			Source:    d.Outlet,
			Text:      d.Body,
			Published: d.Published,
			Relevance: strike.Relevance{Tier: d.Tier},
		}
		sig := signer.Sign(a)
		id, ok := c.Assign(a, sig)
		if !ok {
			next++
			id = next
		}
		c.Add(coverage.Member{ArticleID: a.ID, StoryID: id, Published: a.Published, Sig: sig, Title: a.Title, Tier: d.Tier})
		got[d.ID] = id
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
	got := clusterCorpus(t, coverage.NewClusterer(coverage.ClusterOptions{}), strikeNews)
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
	got := clusterCorpus(t, coverage.NewClusterer(coverage.ClusterOptions{}), docs)
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
