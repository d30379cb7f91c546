package feeds

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxFeedLinks bounds how many advertised feeds discoverFeeds returns.
const maxFeedLinks = 10

// looksLikeHTML reports whether body starts like an HTML page: a doctype
// naming html, or an html, head or body element, possibly after an XML
// declaration, comments and white space.
func looksLikeHTML(body []byte) bool {
	b := body
	if len(b) > 1024 {
		b = b[:1024]
	}
	b = bytes.ToLower(b)
	for {
		b = bytes.TrimLeft(b, " \t\r\n\ufeff")
		switch {
		case bytes.HasPrefix(b, []byte("<?xml")), bytes.HasPrefix(b, []byte("<!--")):
			end := []byte("?>")
			if b[1] == '!' {
				end = []byte("-->")
			}
			i := bytes.Index(b, end)
			if i < 0 {
				return false
			}
			b = b[i+len(end):]
			continue
		case bytes.HasPrefix(b, []byte("<!doctype")):
			return bytes.HasPrefix(bytes.TrimLeft(b[len("<!doctype"):], " \t\r\n"), []byte("html"))
		}
		for _, tag := range []string{"<html", "<head", "<body"} {
			if bytes.HasPrefix(b, []byte(tag)) && len(b) > len(tag) && strings.IndexByte(" \t\r\n/>", b[len(tag)]) >= 0 {
				return true
			}
		}
		return false
	}
}

// discoverFeeds returns the absolute URLs of the feeds that the HTML page
// advertises with <link rel="alternate" type="application/rss+xml"> (or
// atom+xml, feed+json), resolved against the page's <base href> or else
// pageURL, without duplicates, at most maxFeedLinks.
func discoverFeeds(page []byte, pageURL string) []string {
	if len(page) > 1<<20 {
		page = page[:1<<20]
	}
	base := pageURL
	var hrefs []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if !hasAttr || a != atom.Link && a != atom.Base {
			continue
		}
		var rel, typ, href string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "rel":
				rel = strings.ToLower(string(v))
			case "type":
				typ = strings.ToLower(strings.TrimSpace(string(v)))
			case "href":
				href = string(v)
			}
			if !more {
				break
			}
		}
		if a == atom.Base {
			if b := resolveLink(href, pageURL); b != "" {
				base = b
			}
			continue
		}
		if !isFeedType(typ) || !hasToken(rel, "alternate") || hasToken(rel, "stylesheet") {
			continue
		}
		hrefs = append(hrefs, href)
	}
	var out []string
	for _, h := range hrefs {
		link := CleanText(resolveLink(h, base))
		if link == "" || containsString(out, link) {
			continue
		}
		out = append(out, link)
		if len(out) == maxFeedLinks {
			break
		}
	}
	return out
}

func isFeedType(t string) bool {
	t, _, _ = strings.Cut(t, ";")
	switch strings.TrimSpace(t) {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return true
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == tok {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
