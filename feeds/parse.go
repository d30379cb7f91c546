package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"

	"github.com/strikebot/strikebot/strike"
)

// DefaultMaxItems is the number of items Parse keeps when
// ParseOptions.MaxItems is not positive.
const DefaultMaxItems = 100

// Size limits of the text fields of a parsed article, in bytes. Longer text
// is cut at a word boundary and ends with "…".
const (
	MaxTitleBytes = 1 << 10
	MaxTextBytes  = 256 << 10
	maxNameBytes  = 256
)

// futureSlack is how far ahead of the first-seen time a published date may
// lie before it is treated as wrong.
const futureSlack = 10 * time.Minute

// Sentinel errors of Parse.
var (
	// ErrNotAFeed means the body is not RSS, Atom or JSON Feed, for example
	// an HTML page. Parse returns it wrapped in a *NotAFeedError.
	ErrNotAFeed = errors.New("feeds: not a feed")
	// ErrEmptyBody means the body was empty or only white space.
	ErrEmptyBody = errors.New("feeds: empty body")
)

// NotAFeedError is returned by Parse when the body is not a feed. It
// matches ErrNotAFeed with errors.Is.
type NotAFeedError struct {
	// HTML says whether the body was an HTML page.
	HTML bool
	// FeedLinks are the absolute URLs of the feeds an HTML page advertises
	// with <link rel="alternate"> (RSS, Atom or JSON Feed), in page order,
	// without duplicates. Empty when there are none.
	FeedLinks []string
}

// Error says what was found, and which feed to try when the page names one.
func (e *NotAFeedError) Error() string {
	switch {
	case !e.HTML:
		return ErrNotAFeed.Error()
	case len(e.FeedLinks) == 0:
		return ErrNotAFeed.Error() + " (HTML page)"
	default:
		return ErrNotAFeed.Error() + " (HTML page); try " + e.FeedLinks[0]
	}
}

// Is reports whether target is ErrNotAFeed.
func (e *NotAFeedError) Is(target error) bool { return target == ErrNotAFeed }

// ParseOptions says where a feed body came from and how to normalize it.
// The zero value parses, but leaves Feed, CampaignID and the first-seen
// times empty and cannot resolve relative links.
type ParseOptions struct {
	// FeedURL is the configured URL of the feed. Relative links are
	// resolved against it, and it scopes GUIDs, which are unique only
	// within one feed.
	FeedURL string
	// CampaignID is copied to every article.
	CampaignID string
	// Source is the configured display name of the feed, may be "". See
	// Parse for how an article's Source is chosen.
	Source string
	// Now is the first-seen time of every article, and the published time
	// of an article whose date is missing or in the future.
	Now time.Time
	// MaxItems is how many articles to keep, the first ones in document
	// order. Zero or less means DefaultMaxItems.
	MaxItems int
	// ContentType is the HTTP Content-Type header the body came with, for
	// its charset and to recognise HTML pages. May be "".
	ContentType string
}

// Parsed is a parsed and normalized feed.
type Parsed struct {
	// Title is the feed's title, plain text.
	Title string
	// Link is the canonical URL of the site the feed belongs to, may be "".
	Link string
	// Items are the feed's articles in document order, at most MaxItems,
	// with distinct Keys. Key, URL, Title, Source, Author, Summary, Text,
	// Published, PublishedEstimated, FirstSeen, Feed and CampaignID are set.
	Items []strike.Article
}

// newParser returns the gofeed parser Parse uses. The parser keeps the
// original RSS or Atom feed, which holds the item <source> elements the
// universal items lack, and skips the scan for images in item HTML, which
// costs a quarter of the parse time and finds nothing we use.
func newParser() *gofeed.Parser {
	p := gofeed.NewParser()
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	p.KeepOriginalFeed = true
	return p
}

// Parse parses an RSS (0.9x, 1.0/RDF, 2.0), Atom or JSON Feed document and
// returns its items as articles.
//
// The body is decoded to UTF-8 first (see the package documentation for the
// rules). An HTML page, or anything else that is not a feed, yields a
// *NotAFeedError; an empty body ErrEmptyBody; a feed too broken for the
// lenient parser an error starting "feeds: parse:".
//
// For each item, in document order:
//
//   - Title, Summary and Text are plain text made by HTMLToText; Text is the
//     longer of the item's content and its summary, and Summary is empty
//     when it would repeat Text. Every string is free of
//     NUL, invalid UTF-8 and control characters, and text fields are capped
//     (MaxTitleBytes, MaxTextBytes).
//   - URL is the item's link (or its GUID when that is a URL) made
//     canonical by CanonicalURL. Relative links are resolved against the
//     feed's site link, or FeedURL when the feed has none (the site link
//     itself is resolved against FeedURL).
//   - Source is the item's own <source> (an RSS <source> element, as Google
//     News uses for the outlet, or an Atom <source> title), else
//     ParseOptions.Source, else the feed's title, else the host of the link.
//     A title ending in " - " and that source (Google News style) loses the
//     suffix.
//   - Author is the item's authors' names, else its Dublin Core creators.
//   - Published is the published date, else the updated date, in UTC. When
//     neither is known, or the date lies more than ten minutes after Now,
//     Published is Now and PublishedEstimated is true.
//   - Key is strike.GUIDKey(FeedURL, GUID) ("f:", a tag of the feed, and a
//     hash of FeedURL and the GUID) when the item has a GUID, else "u:" and
//     a hash of URL, else "h:" and a hash of the normalized title and text. An item whose Key repeats an earlier one is
//     dropped, and so is an item with neither title, text nor link.
//
// Parse is safe for concurrent use. It does not bound its own running time:
// callers that parse untrusted feeds should cap the body size.
func Parse(body []byte, o ParseOptions) (*Parsed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, ErrEmptyBody
	}
	body = dropBadCharRefs(toUTF8(body, o.ContentType))
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, ErrEmptyBody
	}
	peek := body
	if len(peek) > 4096 {
		peek = peek[:4096]
	}
	typ := gofeed.DetectFeedType(bytes.NewReader(peek))
	if typ == gofeed.FeedTypeUnknown {
		return nil, notAFeed(body, o)
	}
	limit := o.MaxItems
	if limit <= 0 {
		limit = DefaultMaxItems
	}
	if typ != gofeed.FeedTypeJSON {
		body = capItems(body, limit)
	}
	feed, err := newParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feeds: parse: %w", err)
	}
	return normalize(feed, o), nil
}

// notAFeed describes a body that is not a feed.
func notAFeed(body []byte, o ParseOptions) error {
	mediaType, _, _ := strings.Cut(o.ContentType, ";")
	mediaType = strings.TrimSpace(strings.ToLower(mediaType))
	if !looksLikeHTML(body) && mediaType != "text/html" && mediaType != "application/xhtml+xml" {
		return &NotAFeedError{}
	}
	return &NotAFeedError{HTML: true, FeedLinks: discoverFeeds(body, o.FeedURL)}
}

// normalize turns gofeed's universal feed into a Parsed.
func normalize(feed *gofeed.Feed, o ParseOptions) *Parsed {
	limit := o.MaxItems
	if limit <= 0 {
		limit = DefaultMaxItems
	}
	out := &Parsed{
		Title: truncate(oneLine(HTMLToText(feed.Title)), MaxTitleBytes),
		Link:  CanonicalURL(feed.Link, o.FeedURL),
	}
	// Relative item links are resolved against the site's link when the
	// feed gives one (a feed served from another host, such as a feed
	// proxy, still links relative to its site), else against FeedURL.
	base := o.FeedURL
	if out.Link != "" {
		base = out.Link
	}
	n := min(limit, len(feed.Items))
	out.Items = make([]strike.Article, 0, n)
	seen := make(map[string]bool, n)
	sources := itemSources(feed)
	for i, it := range feed.Items {
		if len(out.Items) == limit {
			break
		}
		if it == nil {
			continue
		}
		var src string
		if i < len(sources) {
			src = sources[i]
		}
		a, ok := article(it, src, out.Title, base, o)
		if !ok || seen[a.Key] {
			continue
		}
		seen[a.Key] = true
		out.Items = append(out.Items, a)
	}
	return out
}

// itemSources returns the outlet names that the original RSS or Atom items
// carry in <source>, indexed like feed.Items, or nil.
func itemSources(feed *gofeed.Feed) []string {
	var out []string
	switch f := feed.OriginalFeed().(type) {
	case *rss.Feed:
		if len(f.Items) != len(feed.Items) {
			return nil
		}
		for i, it := range f.Items {
			if it != nil && it.Source != nil && it.Source.Title != "" {
				if out == nil {
					out = make([]string, len(f.Items))
				}
				out[i] = it.Source.Title
			}
		}
	case *atom.Feed:
		if len(f.Entries) != len(feed.Items) {
			return nil
		}
		for i, e := range f.Entries {
			if e != nil && e.Source != nil && e.Source.Title != "" {
				if out == nil {
					out = make([]string, len(f.Entries))
				}
				out[i] = e.Source.Title
			}
		}
	}
	return out
}

// article normalizes one item; ok is false when the item carries nothing
// worth keeping.
func article(it *gofeed.Item, itemSource, feedTitle, base string, o ParseOptions) (a strike.Article, ok bool) {
	a.CampaignID = o.CampaignID
	a.Feed = o.FeedURL
	a.FirstSeen = o.Now

	guid := CleanText(it.GUID)
	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	a.URL = CanonicalURL(link, base)
	if a.URL == "" && guid != "" && (strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://")) {
		a.URL = CanonicalURL(guid, "")
	}

	a.Source = firstNonEmpty(
		oneLine(HTMLToText(itemSource)),
		oneLine(CleanText(o.Source)),
		feedTitle,
		hostName(a.URL),
	)
	a.Source = truncate(a.Source, maxNameBytes)

	title := oneLine(htmlToText(it.Title, MaxTitleBytes))
	title = stripSourceSuffix(title, a.Source)
	a.Title = truncate(title, MaxTitleBytes)

	a.Summary = htmlToText(it.Description, MaxTextBytes)
	text := a.Summary
	if it.Content != "" {
		if c := htmlToText(it.Content, MaxTextBytes); len(c) > len(text) {
			text = c
		}
	}
	a.Summary = truncate(a.Summary, MaxTextBytes)
	a.Text = truncate(text, MaxTextBytes)
	if a.Summary == a.Text {
		a.Summary = "" // the description is the whole text: keep (and store) it once
	}
	a.Author = truncate(author(it), maxNameBytes)

	if a.Title == "" && a.Text == "" && a.URL == "" {
		return a, false
	}

	switch {
	case it.PublishedParsed != nil && !it.PublishedParsed.IsZero():
		a.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil && !it.UpdatedParsed.IsZero():
		a.Published = it.UpdatedParsed.UTC()
	}
	if a.Published.IsZero() || a.Published.After(o.Now.Add(futureSlack)) {
		a.Published = o.Now
		a.PublishedEstimated = true
	}

	switch {
	case guid != "":
		a.Key = strike.GUIDKey(o.FeedURL, guid)
	case a.URL != "":
		a.Key = "u:" + hash(a.URL)
	default:
		a.Key = "h:" + hash(strings.ToLower(oneLine(a.Title)), strings.ToLower(oneLine(a.Text)))
	}
	return a, true
}

// author returns the names of the item's authors, else its Dublin Core
// creators, joined by ", ".
func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		if n := oneLine(HTMLToText(p.Name)); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := oneLine(HTMLToText(c)); n != "" {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, ", ")
}

// stripSourceSuffix removes a trailing " - source" (or with an en or em
// dash, or a bar) from title when something is left before it.
func stripSourceSuffix(title, source string) string {
	if source == "" || len(title) <= len(source) {
		return title
	}
	head, tail := title[:len(title)-len(source)], title[len(title)-len(source):]
	if !strings.EqualFold(tail, source) {
		return title
	}
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		if rest, ok := strings.CutSuffix(head, sep); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

// hostName returns the host of the absolute URL s without "www.", or "".
func hostName(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// hash returns the hex form of the first 16 bytes of the SHA-256 of the
// parts joined by NUL bytes.
func hash(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
