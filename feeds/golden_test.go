package feeds

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// testNow is the first-seen time of every golden test.
var testNow = time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)

// goldenOptions returns the ParseOptions for a fixture: by default the
// feed URL is https://feeds.example.org/<name>.
func goldenOptions(name string) ParseOptions {
	o := ParseOptions{
		FeedURL:    "https://feeds.example.org/" + name,
		CampaignID: "kaiser-mh-2024",
		Now:        testNow,
	}
	switch name {
	case "rss2.xml":
		o.FeedURL = "https://courier.example.com/labor/rss.xml"
	case "googlealerts.xml":
		o.Source = "Alerts: NUHW"
	case "enc_contenttype_latin1.xml":
		o.ContentType = "application/rss+xml; charset=ISO-8859-1"
	case "enc_latin1_declared_utf8_body.xml":
		o.ContentType = "text/xml; charset=iso-8859-1"
	case "notafeed.html":
		o.ContentType = "text/html; charset=utf-8"
		o.FeedURL = "https://courier.example.com/labor/"
	case "duplicates.xml":
		o.MaxItems = 3
	}
	return o
}

// goldenItem is the part of strike.Article that Parse fills in.
type goldenItem struct {
	Key                string    `json:"key"`
	URL                string    `json:"url"`
	Title              string    `json:"title"`
	Source             string    `json:"source"`
	Author             string    `json:"author"`
	Summary            string    `json:"summary"`
	Text               string    `json:"text"`
	Published          time.Time `json:"published"`
	PublishedEstimated bool      `json:"published_estimated"`
	FirstSeen          time.Time `json:"first_seen"`
	Feed               string    `json:"feed"`
	CampaignID         string    `json:"campaign_id"`
}

// goldenResult is what a golden file holds: the parsed feed, or the error.
type goldenResult struct {
	Error     string       `json:"error,omitempty"`
	NotAFeed  bool         `json:"not_a_feed,omitempty"`
	FeedLinks []string     `json:"feed_links,omitempty"`
	Title     string       `json:"title,omitempty"`
	Link      string       `json:"link,omitempty"`
	Items     []goldenItem `json:"items,omitempty"`
}

func toGolden(p *Parsed, err error) goldenResult {
	var g goldenResult
	if err != nil {
		g.Error = err.Error()
		var nf *NotAFeedError
		if errors.As(err, &nf) {
			g.NotAFeed = true
			g.FeedLinks = nf.FeedLinks
		}
		return g
	}
	g.Title, g.Link = p.Title, p.Link
	for _, a := range p.Items {
		g.Items = append(g.Items, goldenItem{
			Key: a.Key, URL: a.URL, Title: a.Title, Source: a.Source, Author: a.Author,
			Summary: a.Summary, Text: a.Text, Published: a.Published,
			PublishedEstimated: a.PublishedEstimated, FirstSeen: a.FirstSeen,
			Feed: a.Feed, CampaignID: a.CampaignID,
		})
	}
	return g
}

// fixtures returns the input files in testdata.
func fixtures(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pat := range []string{"*.xml", "*.json", "*.html"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, ".golden.json") {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		tb.Fatal("no fixtures in testdata")
	}
	return out
}

func TestParseGolden(t *testing.T) {
	for _, path := range fixtures(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			o := goldenOptions(name)
			p, err := Parse(body, o)
			if err == nil {
				checkParsed(t, p, o)
			}
			got, jerr := json.MarshalIndent(toGolden(p, err), "", "  ")
			if jerr != nil {
				t.Fatal(jerr)
			}
			got = append(got, '\n')
			goldenPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
			if *update {
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Parse(%s) differs from %s\ngot:\n%s\nwant:\n%s", path, goldenPath, got, want)
			}
		})
	}
}

// checkParsed fails tb when p breaks a promise of Parse: clean strings,
// at most MaxItems items, non-empty unique keys, the options copied.
func checkParsed(tb testing.TB, p *Parsed, o ParseOptions) {
	tb.Helper()
	limit := o.MaxItems
	if limit <= 0 {
		limit = DefaultMaxItems
	}
	if len(p.Items) > limit {
		tb.Errorf("len(Items) = %d, want at most %d", len(p.Items), limit)
	}
	checkString(tb, "Title", p.Title)
	checkString(tb, "Link", p.Link)
	keys := make(map[string]bool)
	for i, a := range p.Items {
		if a.Key == "" {
			tb.Errorf("Items[%d].Key is empty", i)
		}
		if keys[a.Key] {
			tb.Errorf("Items[%d].Key %q repeats", i, a.Key)
		}
		keys[a.Key] = true
		for field, s := range map[string]string{
			"Key": a.Key, "URL": a.URL, "Title": a.Title, "Source": a.Source,
			"Author": a.Author, "Summary": a.Summary, "Text": a.Text,
		} {
			checkString(tb, field, s)
		}
		if a.Feed != o.FeedURL || a.CampaignID != o.CampaignID || !a.FirstSeen.Equal(o.Now) {
			tb.Errorf("Items[%d]: Feed, CampaignID, FirstSeen = %q, %q, %v; want %q, %q, %v",
				i, a.Feed, a.CampaignID, a.FirstSeen, o.FeedURL, o.CampaignID, o.Now)
		}
		if a.Published.IsZero() {
			tb.Errorf("Items[%d].Published is zero", i)
		}
		if a.Published.After(o.Now.Add(futureSlack)) {
			tb.Errorf("Items[%d].Published = %v, after Now %v", i, a.Published, o.Now)
		}
		if len(a.Text) < len(a.Summary) && !strings.HasSuffix(a.Summary, "…") {
			tb.Errorf("Items[%d]: Text shorter than Summary", i)
		}
	}
}

// checkString fails tb when s holds NUL, invalid UTF-8 or a control
// character other than newline and tab.
func checkString(tb testing.TB, field, s string) {
	tb.Helper()
	if !utf8.ValidString(s) {
		tb.Errorf("%s %q is not valid UTF-8", field, s)
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			tb.Errorf("%s %q holds control character %U", field, s, r)
			return
		}
	}
}

// Articles must be usable as strike.Article values without conversion.
var _ []strike.Article = (&Parsed{}).Items
