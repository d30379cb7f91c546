package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"

	"github.com/strikebot/strikebot/strike"
)

// DefaultSnippetWords is the word count below which NeedsFullText treats an
// item's text as a snippet when it is given no positive minimum.
const DefaultSnippetWords = 80

// ErrNoArticle means a page held no readable article text.
var ErrNoArticle = errors.New("feeds: no article text in page")

// Extracted is the article read from a web page.
type Extracted struct {
	// Title is the page's headline without a trailing site name.
	Title string
	// Text is the article's plain text, paragraphs separated by blank lines.
	Text string
	// Published is the page's own publication time (from its metadata), or
	// the zero time when it gives none.
	Published time.Time
}

// NeedsFullText reports whether a carries only a snippet, fewer than
// minWords words of text, and has a link where the full article may be
// read. A minWords of zero or less means DefaultSnippetWords.
func NeedsFullText(a strike.Article, minWords int) bool {
	if minWords <= 0 {
		minWords = DefaultSnippetWords
	}
	return a.URL != "" && countWords(a.Text, minWords) < minWords
}

// countWords counts the words of s, stopping at limit.
func countWords(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if n++; n >= limit {
				return n
			}
		}
	}
	return n
}

// ExtractArticle reads the main article of the HTML page fetched from
// pageURL, with Mozilla's Readability algorithm (go-readability v2).
//
// The page is decoded by its byte order mark, then as UTF-8 if it is valid
// UTF-8, else by its <meta charset>, else as windows-1252. The title loses a
// trailing " | Site", " - Site" or " — Site" when Site is the page's site
// name or its host name, and any trailing " | Something" of at most four
// words. Text is cleaned as by CleanText with blank lines collapsed. The
// error is ErrNoArticle, wrapped, when the page has no article text.
func ExtractArticle(page []byte, pageURL string) (Extracted, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return Extracted{}, fmt.Errorf("feeds: extract: bad page URL: %w", err)
	}
	if !bytes.HasPrefix(page, []byte("\xEF\xBB\xBF")) && !utf8.Valid(page) {
		enc, _, _ := charset.DetermineEncoding(page, "")
		if out, err := enc.NewDecoder().Bytes(page); err == nil {
			page = out
		}
	}
	art, err := readability.FromReader(bytes.NewReader(page), u)
	if err != nil {
		return Extracted{}, fmt.Errorf("feeds: extract %s: %w", strike.RedactURL(u.String()), err)
	}
	var buf strings.Builder
	if art.Node == nil || art.RenderText(&buf) != nil {
		return Extracted{}, fmt.Errorf("feeds: extract %s: %w", strike.RedactURL(u.String()), ErrNoArticle)
	}
	// (A page that shows its reader "Kaiser&#39;s", copied from a feed
	// that escaped it twice, means "Kaiser's".)
	text := unescapeTwice(paragraphs(buf.String()))
	if text == "" {
		return Extracted{}, fmt.Errorf("feeds: extract %s: %w", strike.RedactURL(u.String()), ErrNoArticle)
	}
	ex := Extracted{
		Title: truncate(stripSiteSuffix(oneLine(CleanText(art.Title())), CleanText(art.SiteName()), u.Hostname()), MaxTitleBytes),
		Text:  truncate(text, MaxTextBytes),
	}
	if t, err := art.PublishedTime(); err == nil {
		ex.Published = t.UTC()
	}
	return ex, nil
}

// paragraphs cleans rendered article text: lines are trimmed and their
// inner white space collapsed, and runs of blank lines become one.
func paragraphs(s string) string {
	s = CleanText(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.Lines(s) {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

// stripSiteSuffix removes a site name appended to a page title.
func stripSiteSuffix(title, siteName, host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if head == "" || tail == "" {
			continue
		}
		switch {
		case siteName != "" && strings.EqualFold(tail, siteName),
			host != "" && sameName(tail, host),
			sep == " | " && len(strings.Fields(tail)) <= 4:
			return head
		}
	}
	return title
}

// sameName reports whether the site name s looks like host: "LA Times" and
// "latimes.com", or "Example News" and "news.example.org", share their
// letters.
func sameName(s, host string) bool {
	letters := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	name := letters(s)
	if name == "" {
		return false
	}
	labels := strings.Split(host, ".")
	if len(labels) > 1 {
		labels = labels[:len(labels)-1] // drop the top-level domain
	}
	for _, l := range labels {
		if letters(l) == name {
			return true
		}
	}
	return letters(strings.Join(labels, "")) == name
}
