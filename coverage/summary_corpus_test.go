package coverage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// corpusStory is one labeled story of the corpus with its articles.
type corpusStory struct {
	label    string
	story    strike.Story
	articles []strike.Article
}

// corpusStories groups the corpus's articles by their story label, in the
// order the stories began.
func corpusStories(tb testing.TB) []corpusStory {
	tb.Helper()
	docs, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpusStory
	at := make(map[string]int)
	for i, d := range docs {
		if d.Story == "" {
			continue
		}
		k, ok := at[d.Story]
		if !ok {
			k = len(out)
			at[d.Story] = k
			out = append(out, corpusStory{label: d.Story, story: strike.Story{ID: int64(k + 1), CampaignID: "kaiser-socal", Tier: d.Tier}})
		}
		a := strike.Article{
			ID: int64(i + 1), CampaignID: "kaiser-socal", Key: d.ID,
			URL: "http://127.0.0.1/demo/" + d.ID, Title: d.Title, Source: d.Outlet,
			Author: d.Author, Text: d.Body, Published: d.Published,
			Relevance: strike.Relevance{Tier: d.Tier}, Facts: d.Facts,
		}
		s := &out[k]
		s.articles = append(s.articles, a)
		s.story.Articles = append(s.story.Articles, strike.StoryArticle{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published})
	}
	return out
}

var numberRE = regexp.MustCompile(`\d[\d,]*`)

// TestExtractiveCorpus summarizes every labeled story of the corpus and
// checks the summary's promises; the summaries themselves are kept in
// testdata/summary/corpus.golden (go test -run TestExtractiveCorpus -update
// rewrites it).
func TestExtractiveCorpus(t *testing.T) {
	stories := corpusStories(t)
	var golden strings.Builder
	for _, cs := range stories {
		t.Run(cs.label, func(t *testing.T) {
			sum, err := coverage.Extractive{}.Summarize(context.Background(), cs.story, cs.articles)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&golden, "== %s\n%s\n", cs.label, sum.Headline)
			for _, s := range sum.Sentences {
				fmt.Fprintf(&golden, "  [%d] %s\n", s.ArticleID, s.Text)
			}
			checkSummary(t, sum, cs.articles, 60)

			// Key numbers: those every member's text states are kept.
			var common []string
			for i, a := range cs.articles {
				nums := numberRE.FindAllString(a.Text, -1)
				if i == 0 {
					common = nums
					continue
				}
				common = slices.DeleteFunc(common, func(n string) bool { return !slices.Contains(nums, n) })
			}
			for _, n := range []string{"2,400", "196"} {
				if slices.Contains(common, n) && !strings.Contains(sum.Text, n) {
					t.Errorf("every member says %s, the summary does not: %q", n, sum.Text)
				}
			}

			// The same summary whatever the order of the articles.
			rev := slices.Clone(cs.articles)
			slices.Reverse(rev)
			again, err := coverage.Extractive{}.Summarize(context.Background(), cs.story, rev)
			if err != nil {
				t.Fatal(err)
			}
			if again.Text != sum.Text || again.Headline != sum.Headline || !slices.Equal(again.Sentences, sum.Sentences) {
				t.Errorf("articles reversed gave\n%+v\nwant\n%+v", again, sum)
			}
		})
	}
	path := filepath.Join("testdata", "summary", "corpus.golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestExtractiveCorpus -update to create it)", err)
	}
	if got := golden.String(); got != string(want) {
		t.Errorf("summaries differ from %s (run with -update and review the diff):\n%s", path, got)
	}
}

// checkSummary checks what every summary promises: a headline, one to
// three sentences (two or three when the story has them), at most maxWords
// words, each sentence found in the article it cites.
func checkSummary(t *testing.T, sum coverage.Summary, articles []strike.Article, maxWords int) {
	t.Helper()
	if sum.Headline == "" {
		t.Error("no headline")
	}
	if n := len(sum.Sentences); n < 1 && countSentences(articles) > 0 || n > 3 {
		t.Errorf("%d sentences, want 1 to 3: %q", n, sum.Text)
	}
	if n := len(sum.Sentences); n < 2 && countSentences(articles) >= 4 {
		t.Errorf("%d sentence from a story with plenty: %q", n, sum.Text)
	}
	if n := len(strings.Fields(sum.Text)); n > maxWords {
		t.Errorf("%d words, want at most %d: %q", n, maxWords, sum.Text)
	}
	var texts []string
	for _, s := range sum.Sentences {
		texts = append(texts, s.Text)
		i := slices.IndexFunc(articles, func(a strike.Article) bool { return a.ID == s.ArticleID })
		if i < 0 {
			t.Errorf("sentence %q cites article %d, not a member", s.Text, s.ArticleID)
			continue
		}
		if a := articles[i]; !strings.Contains(a.Text, s.Text) && (a.Text != "" || !strings.Contains(a.Summary, s.Text)) {
			t.Errorf("sentence %q is not in article %d", s.Text, s.ArticleID)
		}
	}
	if want := strings.Join(texts, " "); sum.Text != want {
		t.Errorf("Text = %q, want the sentences joined: %q", sum.Text, want)
	}
}

func countSentences(articles []strike.Article) int {
	n := 0
	for _, a := range articles {
		n += len(coverage.Sentences(a.Text + "\n\n" + a.Summary))
	}
	return n
}

func BenchmarkExtractive(b *testing.B) {
	stories := corpusStories(b)
	var biggest corpusStory
	for _, s := range stories {
		if len(s.articles) > len(biggest.articles) {
			biggest = s
		}
	}
	b.Logf("story %s, %d articles", biggest.label, len(biggest.articles))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (coverage.Extractive{}).Summarize(context.Background(), biggest.story, biggest.articles); err != nil {
			b.Fatal(err)
		}
	}
}
