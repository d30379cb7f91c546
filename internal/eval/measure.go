package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// CLI runs one strikebot command line in process, as `strikebot ARGS...`
// would, writing the command's standard output to stdout. It returns an
// error, holding what the command wrote to standard error, when the command
// exits with a status other than 0.
type CLI func(ctx context.Context, args []string, stdout io.Writer) error

// Corpus is a labeled corpus and the site that serves it as feeds.
type Corpus struct {
	Name  string
	Docs  []demo.Doc
	Truth Truth
	// Site serves the feeds and the article pages.
	Site http.Handler
	// Feeds are the paths of the site's feeds, all polled at once.
	Feeds []string
	// PagePath is the path of a doc's page on Site; articles are mapped
	// back to docs by it.
	PagePath func(demo.Doc) string
}

// HeldoutCorpus is the held-out corpus served by a HeldoutSite.
func HeldoutCorpus() (Corpus, error) {
	return servedCorpus("held-out", Heldout, HeldoutTruth)
}

// servedCorpus is the named corpus of docs and truth served by a
// HeldoutSite, on the held-out corpus's three feeds.
func servedCorpus(name string, docs func() ([]demo.Doc, error), truth func() (Truth, error)) (Corpus, error) {
	d, err := docs()
	if err != nil {
		return Corpus{}, err
	}
	t, err := truth()
	if err != nil {
		return Corpus{}, err
	}
	return Corpus{Name: name, Docs: d, Truth: t, Site: NewHeldoutSite(d), Feeds: HeldoutFeedPaths(), PagePath: PagePath}, nil
}

// InSampleCorpus is the demo corpus served by the demo's own site, every
// article published and every feed polled at once.
func InSampleCorpus() (Corpus, error) {
	docs, err := demo.Corpus()
	if err != nil {
		return Corpus{}, err
	}
	truth, err := InSampleTruth()
	if err != nil {
		return Corpus{}, err
	}
	site := demo.NewSite(docs, len(docs))
	var feeds []string
	for _, f := range site.Feeds() {
		feeds = append(feeds, f.Path)
	}
	return Corpus{Name: "in-sample", Docs: docs, Truth: truth, Site: site, Feeds: feeds,
		PagePath: func(d demo.Doc) string { return "/articles/" + d.ID }}, nil
}

// Output is what the command line printed about a corpus, in the shapes of
// its --json outputs.
type Output struct {
	Articles []ArticleJSON
	Stories  []StoryJSON
	Status   strike.Status
	Answers  []AnswerJSON // one per question of the corpus's truth, in order
}

// ArticleJSON is the part of `articles --json` the figures use.
type ArticleJSON struct {
	ID        int64            `json:"id"`
	URL       string           `json:"url"`
	Title     string           `json:"title"`
	Source    string           `json:"source"`
	Published *string          `json:"published"`
	Relevance strike.Relevance `json:"relevance"`
	StoryID   *int64           `json:"story_id"`
	Facts     strike.Facts     `json:"facts"`
}

// StoryJSON is the part of `stories --json` the figures use.
type StoryJSON struct {
	ID       int64       `json:"id"`
	Title    string      `json:"title"`
	Tier     strike.Tier `json:"tier"`
	Articles []struct {
		ID int64 `json:"id"`
	} `json:"articles"`
}

// AnswerJSON is `ask --json`.
type AnswerJSON struct {
	Answer    string `json:"answer"`
	Found     bool   `json:"found"`
	FromFAQ   bool   `json:"from_faq"`
	Citations []struct {
		ArticleID int64  `json:"article_id"`
		URL       string `json:"url"`
		Source    string `json:"source"`
	} `json:"citations"`
}

// Run serves c on 127.0.0.1, runs `ingest` over all of its feeds at once
// into a new SQLite database in dir, then `articles --json`,
// `stories --json`, `status --json` and `ask --json` for each of the
// truth's questions, and returns what they printed.
func Run(ctx context.Context, c Corpus, cli CLI, dir string) (Output, error) {
	srv := httptest.NewServer(c.Site)
	defer srv.Close()
	db := "sqlite:" + filepath.Join(dir, "strikebot.db")
	args := []string{"ingest", "--db", db, "--allow-private-networks"}
	for _, f := range c.Feeds {
		args = append(args, "--feed", srv.URL+f)
	}
	var out Output
	if err := cli(ctx, args, io.Discard); err != nil {
		return out, fmt.Errorf("eval: %s: %w", c.Name, err)
	}
	if err := runJSON(ctx, cli, &out.Articles, "articles", "--db", db, "--json"); err != nil {
		return out, fmt.Errorf("eval: %s: %w", c.Name, err)
	}
	if err := runJSON(ctx, cli, &out.Stories, "stories", "--db", db, "--json"); err != nil {
		return out, fmt.Errorf("eval: %s: %w", c.Name, err)
	}
	if err := runJSON(ctx, cli, &out.Status, "status", "--db", db, "--json"); err != nil {
		return out, fmt.Errorf("eval: %s: %w", c.Name, err)
	}
	for _, q := range c.Truth.Questions {
		var a AnswerJSON
		if err := runJSON(ctx, cli, &a, "ask", "--db", db, "--json", q.Text); err != nil {
			return out, fmt.Errorf("eval: %s: %w", c.Name, err)
		}
		out.Answers = append(out.Answers, a)
	}
	return out, nil
}

func runJSON(ctx context.Context, cli CLI, v any, args ...string) error {
	var b bytes.Buffer
	if err := cli(ctx, args, &b); err != nil {
		return err
	}
	if err := json.Unmarshal(b.Bytes(), v); err != nil {
		return fmt.Errorf("strikebot %s printed no JSON: %w", args[0], err)
	}
	return nil
}

// Measure runs c through the command line (see Run) and scores what it
// printed (see Score).
func Measure(ctx context.Context, c Corpus, cli CLI, dir string) (Figures, error) {
	out, err := Run(ctx, c, cli, dir)
	if err != nil {
		return Figures{}, err
	}
	return Score(c, out)
}

// byDoc maps each doc's ID to its stored article, by the path of the
// article's URL. It fails when two stored articles claim one doc.
func byDoc(c Corpus, arts []ArticleJSON) (map[string]ArticleJSON, int, error) {
	ids := make(map[string]string, len(c.Docs)) // page path → doc ID
	for _, d := range c.Docs {
		ids[c.PagePath(d)] = d.ID
	}
	out := make(map[string]ArticleJSON, len(arts))
	unmatched := 0
	for _, a := range arts {
		u, err := url.Parse(a.URL)
		if err != nil {
			unmatched++
			continue
		}
		id, ok := ids[strings.TrimSuffix(u.Path, "/")]
		if !ok {
			unmatched++
			continue
		}
		if prev, dup := out[id]; dup {
			return nil, 0, fmt.Errorf("eval: %s: articles %d and %d are both doc %s", c.Name, prev.ID, a.ID, id)
		}
		out[id] = a
	}
	return out, unmatched, nil
}

var errNoDocs = errors.New("eval: corpus has no docs")
