package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/strike"
)

// campaignFlag declares --campaign.
func campaignFlag(fs *flag.FlagSet) *string {
	return fs.String("campaign", "", "the campaign's `ID` (default: the first configured)")
}

// pickCampaign returns the campaign with the ID, or the first one.
func pickCampaign(cfg config.Config, id string) (strike.Campaign, error) {
	cs := cfg.Campaigns()
	if len(cs) == 0 {
		return strike.Campaign{}, &configError{errors.New("no campaign configured")}
	}
	if id == "" {
		return cs[0], nil
	}
	var ids []string
	for _, c := range cs {
		if c.ID == id {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	return strike.Campaign{}, usagef("--campaign %q is not configured (configured: %s)", id, strings.Join(ids, ", "))
}

// openForRead loads the configuration and opens the store for a command
// that reads what the bot stored.
func openForRead(ctx context.Context, flags configFlags, e env) (config.Config, strike.Store, error) {
	cfg, _, err := flags.load(e)
	if err != nil {
		return config.Config{}, nil, err
	}
	st, err := openStore(ctx, cfg.DB)
	return cfg, st, err
}

// storyJSON is the stable JSON shape of a story in `stories --json`.
type storyJSON struct {
	ID             int64                    `json:"id"`
	Campaign       string                   `json:"campaign"`
	Title          string                   `json:"title"`
	Summary        string                   `json:"summary"`
	SummarySources []strike.SummarySentence `json:"summary_sources"`
	Tier           strike.Tier              `json:"tier"`
	FirstSeen      string                   `json:"first_seen"`
	Updated        string                   `json:"updated"`
	Articles       []strike.StoryArticle    `json:"articles"`
	Sources        []string                 `json:"sources"`
	Facts          strike.Facts             `json:"facts"`
}

func toStoryJSON(s strike.Story) storyJSON {
	j := storyJSON{
		ID: s.ID, Campaign: s.CampaignID, Title: s.Title, Summary: s.Summary, SummarySources: s.SummarySources,
		Tier: s.Tier, FirstSeen: s.FirstSeen.UTC().Format(time.RFC3339), Updated: s.Updated.UTC().Format(time.RFC3339),
		Articles: s.Articles, Sources: s.Sources(), Facts: s.Facts,
	}
	if j.SummarySources == nil {
		j.SummarySources = []strike.SummarySentence{}
	}
	if j.Articles == nil {
		j.Articles = []strike.StoryArticle{}
	}
	if j.Sources == nil {
		j.Sources = []string{}
	}
	return j
}

// cmdStories lists stories, most recently updated first.
func cmdStories(ctx context.Context, args []string, e env) error {
	fs := newFlags("stories")
	flags := addConfigFlags(fs, true)
	campaign := campaignFlag(fs)
	limit := fs.Int("limit", 0, "at most `N` stories (0: all)")
	all := fs.Bool("all", false, "also list stories of tier none (normally never made)")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit must be 0 or more")
	}
	_, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	f := strike.StoryFilter{CampaignID: *campaign, Limit: *limit}
	if !*all {
		f.Tiers = []strike.Tier{strike.TierCore, strike.TierRelated}
	}
	list, err := st.Stories(ctx, f)
	if err != nil {
		return fmt.Errorf("list stories: %w", err)
	}
	if *asJSON {
		out := make([]storyJSON, len(list))
		for i, s := range list {
			out[i] = toStoryJSON(s)
		}
		return writeJSON(e.stdout, out)
	}
	if len(list) == 0 {
		_, err := fmt.Fprintln(e.stdout, "No stories yet. Run `strikebot ingest` or `strikebot run` first.")
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFIRST SEEN\tTIER\tOUTLETS\tPHASE\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", s.ID, s.FirstSeen.UTC().Format("2006-01-02"), s.Tier,
			len(s.Sources()), orDash(s.Facts.Phase), bot.Truncate(s.Title, 70))
	}
	return tw.Flush()
}

// cmdExplain says in plain words why an article was or was not treated as
// strike news.
func cmdExplain(ctx context.Context, args []string, e env) error {
	fs := newFlags("explain")
	flags := addConfigFlags(fs, true)
	refs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(refs) != 1 {
		return usagef("give one article URL or ID")
	}
	cfg, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := findArticle(ctx, st, refs[0])
	if err != nil {
		return err
	}
	var c strike.Campaign
	for _, cc := range cfg.Campaigns() {
		if cc.ID == a.CampaignID {
			c = cc
		}
	}
	if c.ID == "" {
		return fmt.Errorf("article %d belongs to campaign %q, which is no longer configured", a.ID, a.CampaignID)
	}
	scorer, err := coverage.NewScorer(c.Relevance)
	if err != nil {
		return &configError{fmt.Errorf("campaign %q: relevance: %w", c.ID, err)}
	}
	fmt.Fprintf(e.stdout, "Article %d: %s\n%s · %s\n%s\n\n", a.ID, a.Title, a.Source, a.Published.UTC().Format("2006-01-02"), a.URL)
	fmt.Fprintln(e.stdout, scorer.Explain(&a))
	if a.StoryID != 0 {
		fmt.Fprintf(e.stdout, "\nIt belongs to story #%d (`strikebot stories`).\n", a.StoryID)
	}
	return nil
}

// findArticle finds a stored article by ID or by URL.
func findArticle(ctx context.Context, st strike.Store, ref string) (strike.Article, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		a, err := st.Article(ctx, id)
		if errors.Is(err, strike.ErrNotFound) {
			return a, fmt.Errorf("no stored article has ID %d; `strikebot articles` lists them", id)
		}
		return a, err
	}
	canonical := feeds.CanonicalURL(ref, "")
	if canonical == "" {
		return strike.Article{}, usagef("%q is neither an article ID nor an http(s) URL", ref)
	}
	list, err := st.Articles(ctx, strike.ArticleFilter{URL: canonical, Limit: 1})
	if err != nil {
		return strike.Article{}, err
	}
	if len(list) == 0 {
		return strike.Article{}, fmt.Errorf("no stored article has the URL %s; strikebot explains only articles it has read", redactURL(canonical))
	}
	return list[0], nil
}

// cmdStatus prints the campaign's status card.
func cmdStatus(ctx context.Context, args []string, e env) error {
	fs := newFlags("status")
	flags := addConfigFlags(fs, true)
	campaign := campaignFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := pickCampaign(cfg, *campaign)
	if err != nil {
		return err
	}
	status, err := coverage.CampaignStatus(ctx, st, c, time.Now())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, status)
	}
	_, err = io.WriteString(e.stdout, statusCard(status))
	return err
}

// statusCard renders a status for people.
func statusCard(s strike.Status) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", s.Name)
	row := func(field strike.StatusField, label, value string) {
		if value == "" {
			value = "unknown"
		}
		if p, ok := s.Pinned[field]; ok {
			value += fmt.Sprintf("  (set by %s, %s)", p.SetBy, p.SetAt.UTC().Format("2006-01-02"))
		} else if src := s.Sources[field]; len(src) > 0 {
			names := make([]string, 0, len(src))
			for _, fsrc := range src {
				names = append(names, fsrc.Source)
			}
			value += "  [" + strings.Join(names, ", ") + "]"
		}
		fmt.Fprintf(&b, "  %-11s %s\n", label, value)
		if c := bot.ConflictNote(s.Conflicts[field]); c != "" {
			fmt.Fprintf(&b, "  %-11s %s\n", "", c)
		}
	}
	row(strike.FieldPhase, "phase", strings.ReplaceAll(s.Phase, "_", " "))
	switch {
	case s.DurationDays > 0:
		row(strike.FieldEnded, "lasted", fmt.Sprintf("%d days (%s to %s)", s.DurationDays, s.Started, s.Ended))
	case s.Day > 0:
		fmt.Fprintf(&b, "  %-11s day %d (since %s)\n", "strike", s.Day, s.Started)
	}
	workers := ""
	if s.Workers > 0 {
		workers = strconv.Itoa(s.Workers)
	}
	row(strike.FieldWorkers, "workers", workers)
	row(strike.FieldUnion, "union", s.Union)
	row(strike.FieldEmployer, "employer", s.Employer)
	row(strike.FieldStarted, "started", s.Started)
	row(strike.FieldOffer, "offer", s.Offer)
	row(strike.FieldDemands, "demands", strings.Join(s.Demands, "; "))
	next := ""
	if s.NextEvent != nil {
		next = s.NextEvent.Date + " " + s.NextEvent.What
	}
	row(strike.FieldNextEvent, "next", next)
	if !s.AsOf.IsZero() {
		fmt.Fprintf(&b, "  %-11s %s\n", "as of", s.AsOf.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return b.String()
}

// cmdAsk answers a question from the stored coverage and the campaign FAQ.
func cmdAsk(ctx context.Context, args []string, e env) error {
	fs := newFlags("ask")
	flags := addConfigFlags(fs, true)
	campaign := campaignFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" {
		return usagef("ask a question, for example: strikebot ask \"when is the vote?\"")
	}
	cfg, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := pickCampaign(cfg, *campaign)
	if err != nil {
		return err
	}
	// The same answers as the bot's in chat.
	ans, err := coverage.NewView(c, st, coverage.ViewOptions{Refresh: -1, Phraser: answerPhraser(cfg)}).Ask(ctx, question)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, answerJSON(ans))
	}
	fmt.Fprintln(e.stdout, ans.Text)
	for i, c := range ans.Citations {
		if c.URL == "" {
			fmt.Fprintf(e.stdout, "  [%d] %s\n", i+1, c.Source)
			continue
		}
		fmt.Fprintf(e.stdout, "  [%d] %s, %s (%s) %s\n", i+1, c.Source, c.Title, c.Published.UTC().Format("2006-01-02"), c.URL)
	}
	return nil
}

type citationJSON struct {
	ArticleID int64  `json:"article_id,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	Sentence  string `json:"sentence,omitempty"`
	Field     string `json:"field,omitempty"`
}

func answerJSON(a coverage.Answer) any {
	cites := make([]citationJSON, len(a.Citations))
	for i, c := range a.Citations {
		cites[i] = citationJSON{ArticleID: c.ArticleID, URL: c.URL, Title: c.Title, Source: c.Source, Sentence: c.Sentence, Field: string(c.Field)}
		if !c.Published.IsZero() {
			cites[i].Published = c.Published.UTC().Format(time.RFC3339)
		}
	}
	fallback := ""
	if a.Fallback != nil {
		fallback = a.Fallback.Error()
	}
	return struct {
		Answer     string         `json:"answer"`
		Found      bool           `json:"found"`
		FromFAQ    bool           `json:"from_faq"`
		Citations  []citationJSON `json:"citations"`
		Kind       string         `json:"kind,omitempty"`
		FromStatus bool           `json:"from_status"`
		By         string         `json:"by,omitempty"`
		Fallback   string         `json:"fallback,omitempty"`
	}{a.Text, a.Found, a.FromFAQ, cites, string(a.Kind), a.FromStatus, a.By, fallback}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
