package eval

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/strikebot/strikebot/demo"
)

// HeldoutSite serves the held-out corpus on one host as the three feeds a
// new user would configure, each carrying its whole history at once:
//
//   - /wire/rss.xml: RSS 2.0 from Western Press Wire, full text in
//     content:encoded, the press releases it distributes marked by an item
//     <source>;
//   - /search/rss.xml: a news-search RSS in Google News style, titles
//     "Headline - Outlet", a <source> per item and only the first sentence
//     of each article; undated items carry no pubDate;
//   - /union/atom.xml: the union's Atom feed, full text in <content>.
//
// Every article has an HTML page at /<outlet>/<id>, with the site furniture
// of a news page around it; an undated doc's page shows no date anywhere.
// A HeldoutSite is safe for concurrent use: it never changes after
// NewHeldoutSite.
type HeldoutSite struct {
	docs  []demo.Doc
	paths map[string]demo.Doc // page path → doc
	page  *template.Template
}

// NewHeldoutSite returns a site serving docs.
func NewHeldoutSite(docs []demo.Doc) *HeldoutSite {
	s := &HeldoutSite{
		docs:  slices.Clone(docs),
		paths: make(map[string]demo.Doc, len(docs)),
		page:  template.Must(template.New("page").Parse(pageHTML)),
	}
	// Newest first, as feeds list items.
	slices.SortStableFunc(s.docs, func(a, b demo.Doc) int {
		return cmp.Or(b.Published.Compare(a.Published), strings.Compare(b.ID, a.ID))
	})
	for _, d := range s.docs {
		s.paths[PagePath(d)] = d
	}
	return s
}

// HeldoutFeedPaths are the paths of the site's three feeds.
func HeldoutFeedPaths() []string {
	return []string{"/wire/rss.xml", "/search/rss.xml", "/union/atom.xml"}
}

// PagePath is the path of d's page on a HeldoutSite.
func PagePath(d demo.Doc) string { return "/" + slug(d.Outlet) + "/" + d.ID }

// slug makes an outlet's name a path segment: "KSDT 10 San Diego" is
// "ksdt-10-san-diego".
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// ServeHTTP serves the feeds and the article pages; anything else is 404.
func (s *HeldoutSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := "http://" + r.Host
	var body []byte
	var err error
	switch r.URL.Path {
	case "/wire/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		body, err = s.wireRSS(base)
	case "/search/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		body, err = s.searchRSS(base)
	case "/union/atom.xml":
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		body, err = s.unionAtom(base)
	default:
		d, ok := s.paths[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		var b bytes.Buffer
		err = s.page.Execute(&b, newPageData(d, base))
		body = b.Bytes()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	if err != nil {
		http.Error(w, "could not render", http.StatusInternalServerError)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body) // an error means the client went away
}

func (s *HeldoutSite) feedDocs(feed string) []demo.Doc {
	var out []demo.Doc
	for _, d := range s.docs {
		if d.Feed == feed {
			out = append(out, d)
		}
	}
	return out
}

// paragraphsHTML renders paragraphs as HTML.
func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		_ = xml.EscapeText(&b, []byte(p)) // a strings.Builder never fails
		b.WriteString("</p>")
	}
	return b.String()
}

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Content string     `xml:"xmlns:content,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string     `xml:"title"`
	Link        string     `xml:"link"`
	GUID        rssGUID    `xml:"guid"`
	PubDate     string     `xml:"pubDate,omitempty"`
	Creator     string     `xml:"dc:creator,omitempty"`
	Description string     `xml:"description"`
	Content     *cdata     `xml:"content:encoded,omitempty"`
	Source      *rssSource `xml:"source,omitempty"`
}

type cdata struct {
	Value string `xml:",cdata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssSource struct {
	URL   string `xml:"url,attr"`
	Value string `xml:",chardata"`
}

func rfc1123(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

func (s *HeldoutSite) wireRSS(base string) ([]byte, error) {
	const name = "Western Press Wire"
	feed := rss{Version: "2.0", DC: "http://purl.org/dc/elements/1.1/", Content: "http://purl.org/rss/1.0/modules/content/",
		Channel: rssChannel{Title: name, Link: base + "/" + slug(name) + "/", Description: "Top stories from " + name, Language: "en-us"}}
	for _, d := range s.feedDocs(FeedWire) {
		it := rssItem{
			Title: d.Title, Link: base + PagePath(d), GUID: rssGUID{"false", "wpw-" + d.ID},
			PubDate: rfc1123(d.Published), Creator: d.Author,
			Description: paragraphsHTML(d.Paragraphs()[:1]),
			Content:     &cdata{paragraphsHTML(d.Paragraphs())},
		}
		if d.Outlet != name {
			it.Source = &rssSource{URL: base + "/" + slug(d.Outlet) + "/", Value: d.Outlet}
		}
		feed.Channel.Items = append(feed.Channel.Items, it)
	}
	return marshal(feed)
}

func (s *HeldoutSite) searchRSS(base string) ([]byte, error) {
	feed := rss{Version: "2.0", DC: "http://purl.org/dc/elements/1.1/", Content: "http://purl.org/rss/1.0/modules/content/",
		Channel: rssChannel{Title: `"Kaiser" strike - News search`, Link: base + "/search/", Description: "Search results", Language: "en-US"}}
	for _, d := range s.feedDocs(FeedSearch) {
		it := rssItem{
			Title: d.Title + " - " + d.Outlet, Link: base + PagePath(d),
			GUID:        rssGUID{"false", "search-" + slug(d.Outlet) + "-" + d.ID},
			Description: paragraphsHTML([]string{d.FirstSentence()}),
			Source:      &rssSource{URL: base + "/" + slug(d.Outlet) + "/", Value: d.Outlet},
		}
		if !d.Undated {
			it.PubDate = rfc1123(d.Published)
		}
		feed.Channel.Items = append(feed.Channel.Items, it)
	}
	return marshal(feed)
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
	Author    struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Summary atomText `xml:"summary"`
	Content atomText `xml:"content"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

func (s *HeldoutSite) unionAtom(base string) ([]byte, error) {
	docs := s.feedDocs(FeedUnion)
	feed := atomFeed{Title: "National Union of Healthcare Workers", ID: "tag:nuhw.example,2022:news",
		Links: []atomLink{{Href: base + "/union/atom.xml", Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/national-union-of-healthcare-workers/", Rel: "alternate", Type: "text/html"}}}
	if len(docs) > 0 {
		feed.Updated = docs[0].Published.UTC().Format(time.RFC3339)
	}
	for _, d := range docs {
		e := atomEntry{Title: d.Title, ID: "tag:nuhw.example,2022:" + d.ID,
			Links:     []atomLink{{Href: base + PagePath(d), Rel: "alternate", Type: "text/html"}},
			Published: d.Published.UTC().Format(time.RFC3339), Updated: d.Published.UTC().Format(time.RFC3339),
			Summary: atomText{"html", paragraphsHTML([]string{d.FirstSentence()})},
			Content: atomText{"html", paragraphsHTML(d.Paragraphs())}}
		e.Author.Name = d.Author
		feed.Entries = append(feed.Entries, e)
	}
	return marshal(feed)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("eval: render feed: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type pageData struct {
	demo.Doc
	URL, Section, Date, HumanDate string
	Paragraphs                    []string
}

func newPageData(d demo.Doc, base string) pageData {
	p := pageData{Doc: d, URL: base + PagePath(d), Section: "/" + slug(d.Outlet) + "/", Paragraphs: d.Paragraphs()}
	if !d.Undated {
		p.Date = d.Published.UTC().Format(time.RFC3339)
		p.HumanDate = d.Published.UTC().Format("Jan. 2, 2006 3:04 PM UTC")
	}
	return p
}

// pageHTML is a news page: navigation, the article, a "most read" box and
// a footer, as readers and extractors meet them.
const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}} | {{.Outlet}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="{{.Title}}">
<meta property="og:site_name" content="{{.Outlet}}">
<meta property="og:url" content="{{.URL}}">
{{if .Date}}<meta property="article:published_time" content="{{.Date}}">
{{end}}{{if .Author}}<meta name="author" content="{{.Author}}">
{{end}}<link rel="canonical" href="{{.URL}}">
</head>
<body>
<header class="masthead"><a class="brand" href="{{.Section}}">{{.Outlet}}</a>
<nav><ul><li><a href="{{.Section}}">News</a></li><li><a href="{{.Section}}local">Local</a></li><li><a href="{{.Section}}weather">Weather</a></li><li><a href="{{.Section}}subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<article>
<h1>{{.Title}}</h1>
<div class="meta">{{if .Author}}By <span class="byline">{{.Author}}</span>{{end}}{{if .Date}} &middot; <time datetime="{{.Date}}">{{.HumanDate}}</time>{{end}}</div>
<div class="article-body">
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}</div>
</article>
<aside class="most-read"><h2>Most read</h2><ul>
<li><a href="{{.Section}}traffic">Freeway closures planned this weekend</a></li>
<li><a href="{{.Section}}food">Ten taco spots worth the drive</a></li>
<li><a href="{{.Section}}weather">Heat advisory extended through Thursday</a></li>
</ul></aside>
</main>
<footer><p>&copy; {{.Outlet}}. All rights reserved.</p><p><a href="{{.Section}}privacy">Privacy</a> &middot; <a href="{{.Section}}terms">Terms</a></p></footer>
</body>
</html>
`
