package eval

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/feeds"
)

func get(t *testing.T, srv *httptest.Server, method, path string) (*http.Response, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// TestHeldoutSiteFeeds reads the three feeds with strikebot's own parser and
// checks that each carries its whole history the way its kind of feed does.
func TestHeldoutSiteFeeds(t *testing.T) {
	docs := loadHeldout(t)
	srv := httptest.NewServer(NewHeldoutSite(docs))
	t.Cleanup(srv.Close)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	feedOf := map[string]string{"/wire/rss.xml": FeedWire, "/search/rss.xml": FeedSearch, "/union/atom.xml": FeedUnion}
	for _, path := range HeldoutFeedPaths() {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, srv, http.MethodGet, path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			parsed, err := feeds.Parse(body, feeds.ParseOptions{FeedURL: srv.URL + path, CampaignID: "c", Now: now,
				MaxItems: 1000, ContentType: resp.Header.Get("Content-Type")})
			if err != nil {
				t.Fatalf("feeds.Parse: %v", err)
			}
			want := map[string]demo.Doc{}
			for _, d := range docs {
				if d.Feed == feedOf[path] {
					want[srv.URL+PagePath(d)] = d
				}
			}
			if len(parsed.Items) != len(want) {
				t.Fatalf("%d items, want %d", len(parsed.Items), len(want))
			}
			for _, a := range parsed.Items {
				d, ok := want[a.URL]
				if !ok {
					t.Errorf("item %q links to %s, no doc's page", a.Title, a.URL)
					continue
				}
				if a.Title != d.Title || a.Source != d.Outlet {
					t.Errorf("%s: title %q source %q, want %q and %q", d.ID, a.Title, a.Source, d.Title, d.Outlet)
				}
				if d.Undated != a.PublishedEstimated || !d.Undated && !a.Published.Equal(d.Published) {
					t.Errorf("%s: published %v (estimated %v), want %v (undated %v)", d.ID, a.Published, a.PublishedEstimated, d.Published, d.Undated)
				}
				paras := d.Paragraphs()
				full := strings.Contains(a.Text, paras[len(paras)-1])
				if full == d.Snippet {
					t.Errorf("%s: feed carries the whole text = %v, want %v", d.ID, full, !d.Snippet)
				}
			}
		})
	}
}

// TestHeldoutSitePages checks the article pages: the text an extractor
// reads, and no date at all on an undated doc's page.
func TestHeldoutSitePages(t *testing.T) {
	docs := loadHeldout(t)
	srv := httptest.NewServer(NewHeldoutSite(docs))
	t.Cleanup(srv.Close)
	for _, d := range docs {
		resp, body := get(t, srv, http.MethodGet, PagePath(d))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", d.ID, resp.StatusCode)
		}
		ex, err := feeds.ExtractArticle(body, srv.URL+PagePath(d))
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		paras := d.Paragraphs()
		if !strings.Contains(ex.Text, paras[len(paras)-1]) {
			t.Errorf("%s: extracted text lacks the last paragraph:\n%s", d.ID, ex.Text)
		}
		dated := strings.Contains(string(body), "published_time") || strings.Contains(string(body), "<time")
		if d.Undated && (dated || !ex.Published.IsZero()) {
			t.Errorf("%s: undated page shows a date (extracted %v)", d.ID, ex.Published)
		}
		if !d.Undated && !ex.Published.Equal(d.Published) {
			t.Errorf("%s: page date %v, want %v", d.ID, ex.Published, d.Published)
		}
	}
	if resp, _ := get(t, srv, http.MethodGet, "/nowhere/x"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", resp.StatusCode)
	}
	if resp, _ := get(t, srv, http.MethodPost, "/wire/rss.xml"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"KSDT 10 San Diego":           "ksdt-10-san-diego",
		"Working People's Digest":     "working-people-s-digest",
		"  National Union (NUHW)  ":   "national-union-nuhw",
		"Western Press Wire Releases": "western-press-wire-releases",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInSampleCorpus(t *testing.T) {
	c, err := InSampleCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Feeds) < 6 || len(c.Docs) < 48 {
		t.Errorf("in-sample corpus: %d feeds, %d docs", len(c.Feeds), len(c.Docs))
	}
}
