package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// articleJSON is the stable JSON shape of an article in `articles --json`.
type articleJSON struct {
	ID                 int64            `json:"id"`
	Campaign           string           `json:"campaign"`
	URL                string           `json:"url"`
	Title              string           `json:"title"`
	Source             string           `json:"source"`
	Author             string           `json:"author,omitempty"`
	Published          *string          `json:"published"`
	PublishedEstimated bool             `json:"published_estimated"`
	FirstSeen          string           `json:"first_seen"`
	Feed               string           `json:"feed"`
	Relevance          strike.Relevance `json:"relevance"`
	StoryID            *int64           `json:"story_id"`
	Facts              strike.Facts     `json:"facts"`
}

func toArticleJSON(a strike.Article) articleJSON {
	j := articleJSON{
		ID:                 a.ID,
		Campaign:           a.CampaignID,
		URL:                a.URL,
		Title:              a.Title,
		Source:             a.Source,
		Author:             a.Author,
		PublishedEstimated: a.PublishedEstimated,
		FirstSeen:          a.FirstSeen.UTC().Format(time.RFC3339),
		Feed:               redactURL(a.Feed),
		Relevance:          a.Relevance,
		Facts:              a.Facts,
	}
	if j.Relevance.Reasons == nil {
		j.Relevance.Reasons = []string{}
	}
	if !a.Published.IsZero() {
		s := a.Published.UTC().Format(time.RFC3339)
		j.Published = &s
	}
	if a.StoryID != 0 {
		id := a.StoryID
		j.StoryID = &id
	}
	return j
}

// cmdArticles lists stored articles, newest first.
func cmdArticles(ctx context.Context, args []string, e env) error {
	fs := newFlags("articles")
	flags := addConfigFlags(fs, true)
	campaign := fs.String("campaign", "", "only the articles of the campaign with this `ID`")
	limit := fs.Int("limit", 0, "at most `N` articles (0: all)")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit must be 0 or more")
	}
	cfg, _, err := flags.load(e)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: *campaign, Limit: *limit})
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	if *asJSON {
		return writeArticlesJSON(e.stdout, list)
	}
	return writeArticlesTable(e.stdout, list)
}

func writeArticlesJSON(w io.Writer, list []strike.Article) error {
	out := make([]articleJSON, len(list))
	for i, a := range list {
		out[i] = toArticleJSON(a)
	}
	return writeJSON(w, out)
}

func writeArticlesTable(w io.Writer, list []strike.Article) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "No articles stored yet. Run `strikebot ingest` or `strikebot run` first.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tTIER\tSCORE\tSOURCE\tTITLE")
	for _, a := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.1f\t%s\t%s\n", a.ID, a.Published.UTC().Format("2006-01-02"),
			a.Relevance.Tier, a.Relevance.Score, bot.Truncate(a.Source, 24), bot.Truncate(a.Title, 70))
	}
	return tw.Flush()
}
