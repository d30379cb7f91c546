package demo

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/mmcdole/gofeed"
)

// serve starts site on a loopback httptest server.
func serve(t *testing.T, site *Site) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path from srv with the given request headers.
func get(t *testing.T, srv *httptest.Server, method, path string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	client := *srv.Client() // a copy: parallel callers share srv's
	client.Timeout = 10 * time.Second
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp, body
}

// feedItems returns the docs a feed should list once the first visible docs
// are out, newest first.
func feedItems(docs []Doc, visible int, slug string) []Doc {
	var out []Doc
	for _, d := range docs[:visible] {
		if d.Feed == slug {
			out = append(out, d)
		}
	}
	slices.Reverse(out) // Corpus order is oldest first; IDs break ties the same way.
	return out
}

func TestSiteFeeds(t *testing.T) {
	docs := loadCorpus(t)
	visible := len(docs) * 2 / 3
	site := NewSite(docs, visible)
	srv := serve(t, site)

	formats := map[string]int{}
	for _, f := range site.Feeds() {
		formats[f.Format]++
	}
	if formats[FormatRSS] < 1 || formats[FormatAtom] != 1 || formats[FormatJSON] != 1 {
		t.Errorf("feed formats = %v, want RSS feeds, one Atom and one JSON Feed", formats)
	}

	wantType := map[string]string{
		FormatRSS:  "application/rss+xml; charset=utf-8",
		FormatAtom: "application/atom+xml; charset=utf-8",
		FormatJSON: "application/feed+json; charset=utf-8",
	}
	wantFeedType := map[string]gofeed.FeedType{
		FormatRSS: gofeed.FeedTypeRSS, FormatAtom: gofeed.FeedTypeAtom, FormatJSON: gofeed.FeedTypeJSON,
	}
	parser := gofeed.NewParser()
	for _, f := range site.Feeds() {
		t.Run(f.Slug, func(t *testing.T) {
			resp, body := get(t, srv, http.MethodGet, f.Path, nil)
			if got, want := resp.StatusCode, http.StatusOK; got != want {
				t.Fatalf("status = %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Content-Type"), wantType[f.Format]; got != want {
				t.Errorf("Content-Type = %q, want %q", got, want)
			}
			if gofeed.DetectFeedType(bytes.NewReader(body)) != wantFeedType[f.Format] {
				t.Errorf("DetectFeedType = %v, want %v", gofeed.DetectFeedType(bytes.NewReader(body)), wantFeedType[f.Format])
			}
			feed, err := parser.Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("gofeed: %v\n%s", err, body)
			}
			if got, want := feed.Title, f.Name; got != want {
				t.Errorf("feed title = %q, want %q", got, want)
			}
			want := feedItems(docs, visible, f.Slug)
			if got := len(feed.Items); got != len(want) || got == 0 {
				t.Fatalf("items = %d, want %d (and more than none)", got, len(want))
			}
			for i, it := range feed.Items {
				checkItem(t, srv.URL, it, want[i])
			}
		})
	}
}

func checkItem(t *testing.T, base string, it *gofeed.Item, d Doc) {
	t.Helper()
	if got, want := it.Title, d.Title; got != want {
		t.Errorf("item title = %q, want %q", got, want)
	}
	if got, want := it.Link, base+"/articles/"+d.ID; got != want {
		t.Errorf("%s: link = %q, want %q", d.ID, got, want)
	}
	if got, want := it.GUID, "urn:strikebot-demo:article:"+d.ID; got != want {
		t.Errorf("%s: guid = %q, want %q", d.ID, got, want)
	}
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(d.Published) {
		t.Errorf("%s: published = %v, want %v", d.ID, it.PublishedParsed, d.Published)
	}
	if len(it.Authors) == 0 || it.Authors[0].Name != byline(d) {
		t.Errorf("%s: authors = %v, want %q", d.ID, it.Authors, byline(d))
	}
	text := html.UnescapeString(it.Description + it.Content)
	paras := d.Paragraphs()
	if !strings.Contains(text, d.FirstSentence()) {
		t.Errorf("%s: item lacks the first sentence %q", d.ID, d.FirstSentence())
	}
	last := paras[len(paras)-1]
	if d.Snippet && strings.Contains(text, last) {
		t.Errorf("%s: snippet item carries the full text", d.ID)
	}
	if !d.Snippet && !strings.Contains(text, last) {
		t.Errorf("%s: item lacks the last paragraph", d.ID)
	}
}

func TestSiteRelease(t *testing.T) {
	docs := loadCorpus(t)
	site := NewSite(docs, 0)
	srv := serve(t, site)
	parser := gofeed.NewParser()
	count := func(path string) int {
		t.Helper()
		_, body := get(t, srv, http.MethodGet, path, nil)
		feed, err := parser.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("gofeed %s: %v", path, err)
		}
		return len(feed.Items)
	}
	paths := map[string]string{}
	for _, f := range site.Feeds() {
		paths[f.Slug] = f.Path
		if n := count(f.Path); n != 0 {
			t.Errorf("%s before any release: %d items, want 0", f.Path, n)
		}
	}
	for i := range 3 {
		d, ok := site.Release()
		if !ok {
			t.Fatal("Release: false with docs left")
		}
		if d.ID != docs[i].ID {
			t.Errorf("Release #%d = %s, want %s", i, d.ID, docs[i].ID)
		}
		if got, want := count(paths[d.Feed]), len(feedItems(docs, i+1, d.Feed)); got != want {
			t.Errorf("after releasing %s: %d items, want %d", d.ID, got, want)
		}
		if resp, _ := get(t, srv, http.MethodGet, "/articles/"+d.ID, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("released article: status %d", resp.StatusCode)
		}
	}
	n := 3
	for {
		if _, ok := site.Release(); !ok {
			break
		}
		n++
	}
	if got, want := n, len(docs); got != want {
		t.Errorf("released %d docs, want %d", got, want)
	}
	if got, want := len(site.Published()), len(docs); got != want {
		t.Errorf("len(Published()) = %d, want %d", got, want)
	}
}

func TestSiteConditionalGET(t *testing.T) {
	docs := loadCorpus(t)
	for _, format := range []string{FormatRSS, FormatAtom, FormatJSON} {
		t.Run(format, func(t *testing.T) {
			site := NewSite(docs, len(docs)/2)
			srv := serve(t, site)
			var f FeedInfo
			for _, fi := range site.Feeds() {
				if fi.Format == format && len(feedItems(docs, len(docs)/2, fi.Slug)) > 0 {
					f = fi
				}
			}
			if f.Path == "" {
				t.Fatalf("no %s feed with items", format)
			}
			resp, _ := get(t, srv, http.MethodGet, f.Path, nil)
			etag, lastMod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			if etag == "" || lastMod == "" {
				t.Fatalf("ETag %q, Last-Modified %q: want both", etag, lastMod)
			}
			if got, want := lastMod, feedItems(docs, len(docs)/2, f.Slug)[0].Published.Format(http.TimeFormat); got != want {
				t.Errorf("Last-Modified = %q, want the newest item's date %q", got, want)
			}

			for _, tt := range []struct {
				name string
				hdr  map[string]string
				want int
			}{
				{"if-none-match", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
				{"weak and listed", map[string]string{"If-None-Match": `"zzz", W/` + etag}, http.StatusNotModified},
				{"star", map[string]string{"If-None-Match": "*"}, http.StatusNotModified},
				{"if-modified-since", map[string]string{"If-Modified-Since": lastMod}, http.StatusNotModified},
				{"both", map[string]string{"If-None-Match": etag, "If-Modified-Since": lastMod}, http.StatusNotModified},
				{"other etag", map[string]string{"If-None-Match": `"zzz"`}, http.StatusOK},
				{"other etag wins over date", map[string]string{"If-None-Match": `"zzz"`, "If-Modified-Since": lastMod}, http.StatusOK},
				{"older date", map[string]string{"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}, http.StatusOK},
				{"bad date", map[string]string{"If-Modified-Since": "yesterday"}, http.StatusOK},
			} {
				resp, body := get(t, srv, http.MethodGet, f.Path, tt.hdr)
				if got := resp.StatusCode; got != tt.want {
					t.Errorf("%s: status = %d, want %d", tt.name, got, tt.want)
				}
				if tt.want == http.StatusNotModified && (len(body) != 0 || resp.Header.Get("ETag") != etag) {
					t.Errorf("%s: 304 with %d body bytes and ETag %q", tt.name, len(body), resp.Header.Get("ETag"))
				}
			}

			// Release docs until one lands in this feed: the validators change.
			for {
				d, ok := site.Release()
				if !ok {
					t.Fatal("no further doc for the feed")
				}
				if d.Feed == f.Slug {
					break
				}
				if resp, _ := get(t, srv, http.MethodGet, f.Path, map[string]string{"If-None-Match": etag}); resp.StatusCode != http.StatusNotModified {
					t.Errorf("release of %s in another feed: status %d, want 304", d.ID, resp.StatusCode)
				}
			}
			resp, body := get(t, srv, http.MethodGet, f.Path, map[string]string{"If-None-Match": etag})
			if got, want := resp.StatusCode, http.StatusOK; got != want {
				t.Fatalf("old ETag after release: status %d, want %d", got, want)
			}
			if len(body) == 0 || resp.Header.Get("ETag") == etag || resp.Header.Get("ETag") == "" {
				t.Errorf("after release: ETag %q (was %q), %d body bytes", resp.Header.Get("ETag"), etag, len(body))
			}
			if resp, _ := get(t, srv, http.MethodGet, f.Path, map[string]string{"If-Modified-Since": lastMod}); resp.StatusCode != http.StatusOK {
				t.Errorf("old Last-Modified after release: status %d, want 200", resp.StatusCode)
			}
		})
	}
}

func TestSiteArticlePage(t *testing.T) {
	docs := loadCorpus(t)
	site := NewSite(docs, len(docs))
	srv := serve(t, site)
	parser := readability.NewParser()
	for _, d := range docs {
		resp, body := get(t, srv, http.MethodGet, "/articles/"+d.ID, nil)
		if got, want := resp.StatusCode, http.StatusOK; got != want {
			t.Fatalf("%s: status %d, want %d", d.ID, got, want)
		}
		if got, want := resp.Header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
			t.Errorf("%s: Content-Type %q, want %q", d.ID, got, want)
		}
		page := string(body)
		date := d.Published.Format(time.RFC3339)
		for _, want := range []string{
			"<article", "<h1>", `<time datetime="` + date + `"`,
			`<meta property="article:published_time" content="` + date + `"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", d.ID, want)
			}
		}
		text := html.UnescapeString(page)
		for _, p := range append(d.Paragraphs(), d.Title, byline(d)) {
			if !strings.Contains(text, p) {
				t.Errorf("%s: page lacks %q", d.ID, clip(p))
			}
		}

		u, _ := url.Parse(srv.URL + "/articles/" + d.ID)
		art, err := parser.Parse(bytes.NewReader(body), u)
		if err != nil {
			t.Fatalf("%s: readability: %v", d.ID, err)
		}
		var b strings.Builder
		if err := art.RenderText(&b); err != nil {
			t.Fatalf("%s: RenderText: %v", d.ID, err)
		}
		extracted := strings.Join(strings.Fields(b.String()), " ")
		for _, p := range d.Paragraphs() {
			if !strings.Contains(extracted, p) {
				t.Errorf("%s: readability text lacks %q", d.ID, clip(p))
			}
		}
		if strings.Contains(extracted, "newsletter") || strings.Contains(extracted, "fictional outlet") {
			t.Errorf("%s: readability kept the page's boilerplate", d.ID)
		}
		if got, err := art.PublishedTime(); err != nil || !got.Equal(d.Published) {
			t.Errorf("%s: readability PublishedTime = %v, %v; want %v", d.ID, got, err, d.Published)
		}
	}
}

func TestSiteRoutes(t *testing.T) {
	docs := loadCorpus(t)
	site := NewSite(docs, 5)
	srv := serve(t, site)
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/", http.StatusOK},
		{http.MethodHead, "/", http.StatusOK},
		{http.MethodGet, "/articles/" + docs[4].ID, http.StatusOK},
		{http.MethodGet, "/articles/" + docs[5].ID, http.StatusNotFound}, // not yet released
		{http.MethodGet, "/articles/", http.StatusNotFound},
		{http.MethodGet, "/articles/no-such-article", http.StatusNotFound},
		{http.MethodGet, "/feeds/all.xml", http.StatusNotFound},
		{http.MethodGet, "/feeds/", http.StatusNotFound},
		{http.MethodGet, "/index.html", http.StatusNotFound},
		{http.MethodGet, "/robots.txt", http.StatusNotFound},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodDelete, site.Feeds()[0].Path, http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		resp, _ := get(t, srv, tt.method, tt.path, nil)
		if got := resp.StatusCode; got != tt.want {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, got, tt.want)
		}
	}

	resp, body := get(t, srv, http.MethodHead, site.Feeds()[0].Path, nil)
	if resp.StatusCode != http.StatusOK || len(body) != 0 || resp.Header.Get("ETag") == "" {
		t.Errorf("HEAD feed: status %d, %d body bytes, ETag %q", resp.StatusCode, len(body), resp.Header.Get("ETag"))
	}

	_, body = get(t, srv, http.MethodGet, "/", nil)
	index := string(body)
	for _, f := range site.Feeds() {
		want := `<link rel="alternate" type="` + f.MIMEType() + `" title="` + html.EscapeString(f.Name) + `" href="` + f.Path + `">`
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	if !strings.Contains(html.UnescapeString(index), docs[4].Title) {
		t.Errorf("index does not list the latest headline %q", docs[4].Title)
	}
}

func TestSiteEscapesTitles(t *testing.T) {
	d := Doc{
		ID: "x", Outlet: `Bits & <Bytes>`, Feed: "coastline", Title: `Strike price < spot & "calls"`,
		Body: "Tom & Jerry <b>bold</b> said hi. More.", Published: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		Tier: "none",
	}
	for _, slug := range []string{"coastline", "newswire", "shopfloor"} {
		d.Feed = slug
		site := NewSite([]Doc{d}, 1)
		srv := serve(t, site)
		_, body := get(t, srv, http.MethodGet, site.Feeds()[0].Path, nil)
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: gofeed: %v\n%s", slug, err, body)
		}
		if got, want := feed.Title, d.Outlet; got != want {
			t.Errorf("%s: feed title %q, want %q", slug, got, want)
		}
		if got, want := feed.Items[0].Title, d.Title; got != want {
			t.Errorf("%s: item title %q, want %q", slug, got, want)
		}
		if got, want := feed.Items[0].Description+feed.Items[0].Content, "Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; said hi."; !strings.Contains(got, want) {
			t.Errorf("%s: item HTML %q, want it to contain %q", slug, got, want)
		}
		_, body = get(t, srv, http.MethodGet, "/articles/x", nil)
		if strings.Contains(string(body), "<b>bold</b>") || strings.Contains(string(body), "<Bytes>") {
			t.Errorf("%s: article page does not escape its text", slug)
		}
	}
}

func TestSiteConcurrent(t *testing.T) {
	docs := loadCorpus(t)
	site := NewSite(docs, 0)
	srv := serve(t, site)
	client := &http.Client{Transport: srv.Client().Transport, Timeout: 10 * time.Second}
	var wg sync.WaitGroup
	for _, f := range site.Feeds() {
		wg.Go(func() {
			for range 10 {
				resp, err := client.Get(srv.URL + f.Path)
				if err != nil {
					t.Errorf("GET %s: %v", f.Path, err)
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Errorf("GET %s: status %d, %v", f.Path, resp.StatusCode, err)
				}
			}
		})
	}
	wg.Go(func() {
		for {
			if _, ok := site.Release(); !ok {
				return
			}
		}
	})
	wg.Wait()
}

func BenchmarkFeedRSS(b *testing.B) {
	docs, err := Corpus()
	if err != nil {
		b.Fatal(err)
	}
	site := NewSite(docs, len(docs))
	req := httptest.NewRequest(http.MethodGet, "/feeds/coastline.xml", nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		site.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

func BenchmarkArticlePage(b *testing.B) {
	docs, err := Corpus()
	if err != nil {
		b.Fatal(err)
	}
	site := NewSite(docs, len(docs))
	req := httptest.NewRequest(http.MethodGet, "/articles/"+docs[len(docs)/2].ID, nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		site.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
