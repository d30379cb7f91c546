package demo

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// The formats a demo feed is served in.
const (
	FormatRSS  = "rss"  // RSS 2.0, application/rss+xml
	FormatAtom = "atom" // Atom 1.0, application/atom+xml
	FormatJSON = "json" // JSON Feed 1.1, application/feed+json
)

// FeedInfo describes one feed of a Site.
type FeedInfo struct {
	Slug   string // the docs' Feed value, for example "coastline"
	Name   string // the outlet's name, the feed's title
	Path   string // the feed's path on the site, for example "/feeds/coastline.xml"
	Format string // FormatRSS, FormatAtom or FormatJSON
}

// feedFormat says which format a feed slug is served in: most feeds are RSS,
// the wire service's is Atom and the labor weekly's is a JSON Feed, so that a
// demo run reads all three.
func feedFormat(slug string) string {
	switch slug {
	case "newswire":
		return FormatAtom
	case "shopfloor":
		return FormatJSON
	}
	return FormatRSS
}

// Site is a small news site serving docs: one feed per Feed slug, an HTML
// page per published article at /articles/<id>, and an index page at / that
// lists the feeds. Docs are published in the order given; Release publishes
// the next one, as a newsroom would.
//
// Feeds answer conditional GETs: each response carries an ETag and, when the
// feed has items, a Last-Modified (its newest item's date); a request whose
// If-None-Match matches, or else whose If-Modified-Since is not before
// Last-Modified, gets 304 Not Modified.
//
// Links in feeds are absolute, built from the request's Host, so a Site works
// behind any loopback address httptest or the demo command gives it.
//
// A Site is an http.Handler and is safe for concurrent use.
type Site struct {
	docs  []Doc
	feeds []FeedInfo
	page  *template.Template
	index *template.Template
	// links are the <link rel="alternate"> tags for every feed, written by
	// hand so media types keep their literal "+" for naive feed discovery.
	links template.HTML

	mu      sync.Mutex
	visible int // docs[:visible] are published
}

// NewSite returns a site serving docs, of which the first visible (clamped
// to 0…len(docs)) are published. Docs should be in Corpus order, oldest
// first, so that releases move each feed forward in time. The site keeps its
// own copy of the slice.
func NewSite(docs []Doc, visible int) *Site {
	s := &Site{
		docs:    slices.Clone(docs),
		visible: min(max(visible, 0), len(docs)),
		page:    template.Must(template.New("article").Parse(articleHTML)),
		index:   template.Must(template.New("index").Parse(indexHTML)),
	}
	seen := make(map[string]bool)
	for _, d := range s.docs {
		if seen[d.Feed] {
			continue
		}
		seen[d.Feed] = true
		f := FeedInfo{Slug: d.Feed, Name: d.Outlet, Format: feedFormat(d.Feed)}
		f.Path = "/feeds/" + d.Feed + ".xml"
		if f.Format == FormatJSON {
			f.Path = "/feeds/" + d.Feed + ".json"
		}
		s.feeds = append(s.feeds, f)
	}
	slices.SortFunc(s.feeds, func(a, b FeedInfo) int { return strings.Compare(a.Slug, b.Slug) })
	var links strings.Builder
	for _, f := range s.feeds {
		fmt.Fprintf(&links, "<link rel=\"alternate\" type=\"%s\" title=\"%s\" href=\"%s\">\n",
			html.EscapeString(f.MIMEType()), html.EscapeString(f.Name), html.EscapeString(f.Path))
	}
	s.links = template.HTML(links.String()) // every part escaped above
	return s
}

// Release publishes the next unpublished doc and returns it. It reports false
// when every doc is already out.
func (s *Site) Release() (Doc, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.visible >= len(s.docs) {
		return Doc{}, false
	}
	s.visible++
	return s.docs[s.visible-1], true
}

// Published returns the docs published so far, in the order given to NewSite.
func (s *Site) Published() []Doc {
	return slices.Clone(s.published())
}

func (s *Site) published() []Doc {
	s.mu.Lock()
	n := s.visible
	s.mu.Unlock()
	// docs is never written after NewSite, so the prefix is safe to share.
	return s.docs[:n]
}

// Feeds returns every feed of the site, sorted by slug, including feeds
// whose docs are not yet published.
func (s *Site) Feeds() []FeedInfo { return slices.Clone(s.feeds) }

// ServeHTTP serves the index at "/", feeds under "/feeds/" and published
// articles under "/articles/". Anything else is 404; methods other than GET
// and HEAD are 405.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/":
		s.serveIndex(w, r)
	case strings.HasPrefix(p, "/feeds/"):
		for _, f := range s.feeds {
			if f.Path == p {
				s.serveFeed(w, r, f)
				return
			}
		}
		http.NotFound(w, r)
	case strings.HasPrefix(p, "/articles/"):
		id := strings.TrimPrefix(p, "/articles/")
		for _, d := range s.published() {
			if d.ID == id {
				s.serveArticle(w, r, d)
				return
			}
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// baseURL is the site's own origin as the client addressed it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = "localhost"
	}
	return scheme + "://" + host
}

func articlePath(id string) string { return "/articles/" + id }

// guid is an item's stable identity, the same in every format.
func guid(id string) string { return "urn:strikebot-demo:article:" + id }

// bodyHTML renders paragraphs as HTML. Only &, < and > are escaped: quotes
// need no escaping in a text node, and leaving them keeps feed HTML readable.
func bodyHTML(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		for _, r := range p {
			switch r {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			default:
				b.WriteRune(r)
			}
		}
		b.WriteString("</p>")
	}
	return b.String()
}

// itemHTML is what a feed carries for d: the first sentence for a snippet
// doc, else the whole body.
func itemHTML(d Doc) string {
	if d.Snippet {
		return bodyHTML([]string{d.FirstSentence()})
	}
	return bodyHTML(d.Paragraphs())
}

func byline(d Doc) string {
	if d.Author != "" {
		return d.Author
	}
	return d.Outlet + " staff"
}

func (s *Site) serveFeed(w http.ResponseWriter, r *http.Request, f FeedInfo) {
	var items []Doc
	for _, d := range s.published() {
		if d.Feed == f.Slug {
			items = append(items, d)
		}
	}
	// Newest first.
	slices.SortStableFunc(items, func(a, b Doc) int {
		return cmp.Or(b.Published.Compare(a.Published), strings.Compare(b.ID, a.ID))
	})

	h := sha256.New()
	h.Write([]byte(f.Slug))
	var lastMod time.Time
	for _, d := range items {
		h.Write([]byte{0})
		h.Write([]byte(d.ID))
		if d.Published.After(lastMod) {
			lastMod = d.Published
		}
	}
	etag := `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`
	w.Header().Set("ETag", etag)
	if !lastMod.IsZero() {
		w.Header().Set("Last-Modified", lastMod.UTC().Format(http.TimeFormat))
	}
	w.Header().Set("Cache-Control", "no-cache")
	if notModified(r, etag, lastMod) {
		w.WriteHeader(http.StatusNotModified)
		return
	}

	base := baseURL(r)
	var body []byte
	var err error
	switch f.Format {
	case FormatAtom:
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		body, err = atomBody(base, f, items, lastMod)
	case FormatJSON:
		w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
		body, err = jsonBody(base, f, items)
	default:
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		body, err = rssBody(base, f, items, lastMod)
	}
	if err != nil {
		// Only a programming error can get here: every value is a string.
		http.Error(w, "feed could not be rendered", http.StatusInternalServerError)
		return
	}
	write(w, r, body)
}

// notModified applies RFC 9110's rules: If-None-Match, when present, decides
// alone; else If-Modified-Since is compared with lastMod at one-second
// precision.
func notModified(r *http.Request, etag string, lastMod time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for tag := range strings.SplitSeq(inm, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || lastMod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	return !lastMod.Truncate(time.Second).After(t)
}

func write(w http.ResponseWriter, r *http.Request, body []byte) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body) // an error means the client went away; nothing to do
}

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Self          rssSelf   `xml:"atom:link"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Creator     string  `xml:"dc:creator"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

func rssBody(base string, f FeedInfo, items []Doc, lastMod time.Time) ([]byte, error) {
	feed := rssFeed{
		Version: "2.0",
		DC:      "http://purl.org/dc/elements/1.1/",
		Atom:    "http://www.w3.org/2005/Atom",
		Channel: rssChannel{
			Title:       f.Name,
			Link:        base + "/",
			Description: "Latest news from " + f.Name,
			Self:        rssSelf{Href: base + f.Path, Rel: "self", Type: "application/rss+xml"},
			Language:    "en-us",
		},
	}
	if !lastMod.IsZero() {
		feed.Channel.LastBuildDate = lastMod.UTC().Format(time.RFC1123Z)
	}
	for _, d := range items {
		feed.Channel.Items = append(feed.Channel.Items, rssItem{
			Title:       d.Title,
			Link:        base + articlePath(d.ID),
			GUID:        rssGUID{IsPermaLink: "false", Value: guid(d.ID)},
			PubDate:     d.Published.UTC().Format(time.RFC1123Z),
			Creator:     byline(d),
			Description: itemHTML(d),
		})
	}
	return marshalXML(feed)
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Links     []atomLink `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Author    atomPerson `xml:"author"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

func atomBody(base string, f FeedInfo, items []Doc, lastMod time.Time) ([]byte, error) {
	if lastMod.IsZero() {
		lastMod = time.Unix(0, 0)
	}
	feed := atomFeed{
		Title:   f.Name,
		ID:      "urn:strikebot-demo:feed:" + f.Slug,
		Updated: lastMod.UTC().Format(time.RFC3339),
		Links: []atomLink{
			{Href: base + f.Path, Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/", Rel: "alternate", Type: "text/html"},
		},
	}
	for _, d := range items {
		e := atomEntry{
			Title:     d.Title,
			ID:        guid(d.ID),
			Links:     []atomLink{{Href: base + articlePath(d.ID), Rel: "alternate", Type: "text/html"}},
			Published: d.Published.UTC().Format(time.RFC3339),
			Updated:   d.Published.UTC().Format(time.RFC3339),
			Author:    atomPerson{Name: byline(d)},
			Summary:   &atomText{Type: "html", Value: bodyHTML([]string{d.FirstSentence()})},
		}
		if !d.Snippet {
			e.Content = &atomText{Type: "html", Value: itemHTML(d)}
		}
		feed.Entries = append(feed.Entries, e)
	}
	return marshalXML(feed)
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

func jsonBody(base string, f FeedInfo, items []Doc) ([]byte, error) {
	feed := jsonFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       f.Name,
		HomePageURL: base + "/",
		FeedURL:     base + f.Path,
		Language:    "en-US",
		Items:       []jsonItem{},
	}
	for _, d := range items {
		it := jsonItem{
			ID:            guid(d.ID),
			URL:           base + articlePath(d.ID),
			Title:         d.Title,
			ContentHTML:   itemHTML(d),
			DatePublished: d.Published.UTC().Format(time.RFC3339),
			Authors:       []jsonAuthor{{Name: byline(d)}},
		}
		if !d.Snippet {
			it.Summary = d.FirstSentence()
		}
		feed.Items = append(feed.Items, it)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // content_html is meant to hold "<p>"
	enc.SetIndent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// pageData is what the article template shows.
type pageData struct {
	Doc
	URL        string
	Byline     string
	Lead       string
	Date       string // RFC 3339
	HumanDate  string
	Paragraphs []string
	Links      template.HTML
}

func (s *Site) serveArticle(w http.ResponseWriter, r *http.Request, d Doc) {
	data := pageData{
		Doc:        d,
		URL:        baseURL(r) + articlePath(d.ID),
		Byline:     byline(d),
		Lead:       d.FirstSentence(),
		Date:       d.Published.UTC().Format(time.RFC3339),
		HumanDate:  d.Published.UTC().Format("January 2, 2006, 15:04 UTC"),
		Paragraphs: d.Paragraphs(),
		Links:      s.links,
	}
	s.render(w, r, s.page, data)
}

// indexData is what the index template shows.
type indexData struct {
	Feeds  []FeedInfo
	Links  template.HTML
	Latest []Doc
}

func (s *Site) serveIndex(w http.ResponseWriter, r *http.Request) {
	pub := s.published()
	latest := make([]Doc, 0, 10)
	for i := len(pub) - 1; i >= 0 && len(latest) < 10; i-- {
		latest = append(latest, pub[i])
	}
	s.render(w, r, s.index, indexData{Feeds: s.feeds, Links: s.links, Latest: latest})
}

func (s *Site) render(w http.ResponseWriter, r *http.Request, t *template.Template, data any) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		http.Error(w, "page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	write(w, r, b.Bytes())
}

// MIMEType returns the media type of the feed's format, for example
// "application/rss+xml".
func (f FeedInfo) MIMEType() string {
	switch f.Format {
	case FormatAtom:
		return "application/atom+xml"
	case FormatJSON:
		return "application/feed+json"
	}
	return "application/rss+xml"
}

const articleHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} | {{.Outlet}}</title>
<meta name="description" content="{{.Lead}}">
<meta name="author" content="{{.Byline}}">
<meta property="og:type" content="article">
<meta property="og:title" content="{{.Title}}">
<meta property="og:site_name" content="{{.Outlet}}">
<meta property="og:url" content="{{.URL}}">
<meta property="article:published_time" content="{{.Date}}">
<link rel="canonical" href="{{.URL}}">
{{.Links}}</head>
<body>
<header class="site-header">
<a class="logo" href="/">{{.Outlet}}</a>
<nav class="site-nav"><ul>
<li><a href="/">Home</a></li>
<li><a href="/#latest">Latest</a></li>
<li><a href="/#feeds">Feeds</a></li>
</ul></nav>
<form class="search" action="/" method="get"><input type="search" name="q" placeholder="Search"></form>
</header>
<main>
<article class="story">
<h1>{{.Title}}</h1>
<p class="byline">By <span class="author">{{.Byline}}</span> &middot; <time datetime="{{.Date}}">{{.HumanDate}}</time></p>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}</article>
<aside class="newsletter">
<h2>Get the morning briefing</h2>
<p>Sign up for our newsletter. (This is a demo site; nothing is sent.)</p>
</aside>
</main>
<footer class="site-footer">
<p>&copy; {{.Outlet}}. A fictional outlet on strikebot's demo news site.</p>
<p><a href="/">Home</a> &middot; <a href="/#feeds">Feeds</a></p>
</footer>
</body>
</html>
`

const indexHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>strikebot demo news</title>
{{.Links}}</head>
<body>
<header><h1>strikebot demo news</h1>
<p>Fictional outlets serving a labeled corpus on this machine only.</p></header>
<main>
<section id="feeds">
<h2>Feeds</h2>
<ul>
{{range .Feeds}}<li><a href="{{.Path}}">{{.Name}}</a> ({{.Format}})</li>
{{end}}</ul>
</section>
<section id="latest">
<h2>Latest</h2>
<ul>
{{range .Latest}}<li><a href="/articles/{{.ID}}">{{.Title}}</a> &mdash; {{.Outlet}}</li>
{{else}}<li>Nothing published yet.</li>
{{end}}</ul>
</section>
</main>
</body>
</html>
`
