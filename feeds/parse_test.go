package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func mustParse(tb testing.TB, body []byte, o ParseOptions) *Parsed {
	tb.Helper()
	p, err := Parse(body, o)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	checkParsed(tb, p, o)
	return p
}

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestParseEncodings(t *testing.T) {
	tests := []struct {
		file, contentType string
		wantTitle         string
		wantItemTitle     string
	}{
		{"enc_windows1252.xml", "", "Café Gazette", "Strikers’ “last, best” offer — rejected"},
		{"enc_windows1252.xml", "text/xml; charset=utf-8", "Café Gazette", "Strikers’ “last, best” offer — rejected"},
		{"enc_latin1_declared_utf8_body.xml", "text/xml; charset=iso-8859-1", "Zürich Zeitung", "Grève des thérapeutes: «on continue»"},
		{"enc_koi8r.xml", "", "Новости труда", "Забастовка психологов продолжается"},
		{"enc_koi8r.xml", "application/rss+xml; charset=windows-1251", "Новости труда", "Забастовка психологов продолжается"},
		{"enc_contenttype_latin1.xml", "application/rss+xml; charset=ISO-8859-1", "Gazeta Señal", "Huelga en la clínica: año nuevo, misma lucha"},
		{"enc_unlabelled_1252.xml", "", "Naïve Notes", "Déjà vu at the picket line"},
		{"enc_utf16le_bom.xml", "", "Wide Wire", "Über-long strike: 196 days"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.contentType, func(t *testing.T) {
			o := goldenOptions("")
			o.ContentType = tt.contentType
			p := mustParse(t, readFixture(t, tt.file), o)
			if got, want := p.Title, tt.wantTitle; got != want {
				t.Errorf("Title = %q, want %q", got, want)
			}
			if len(p.Items) != 1 {
				t.Fatalf("len(Items) = %d, want 1", len(p.Items))
			}
			if got, want := p.Items[0].Title, tt.wantItemTitle; got != want {
				t.Errorf("Items[0].Title = %q, want %q", got, want)
			}
		})
	}
}

func TestParseUTF16BigEndianWithoutBOM(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-16BE"?><rss version="2.0"><channel><title>Grüße</title><item><title>Ä</title><link>https://x.example/1</link></item></channel></rss>`
	var body []byte
	for _, r := range src {
		body = append(body, byte(r>>8), byte(r))
	}
	p := mustParse(t, body, goldenOptions(""))
	if got, want := p.Title, "Grüße"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

func TestParseMostlyUTF8WithStrayByte(t *testing.T) {
	body := []byte("<rss version=\"2.0\"><channel><title>Caf\xc3\xa9 \xe9 ni\xc3\xb1o</title><item><title>x</title><link>https://x.example/1</link></item></channel></rss>")
	p := mustParse(t, body, goldenOptions(""))
	if got, want := p.Title, "Café niño"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

func TestParseGoogleNews(t *testing.T) {
	p := mustParse(t, readFixture(t, "googlenews.xml"), goldenOptions("googlenews.xml"))
	tests := []struct{ title, source, url string }{
		{"Kaiser therapists mark 100 days on strike", "Desert Sun Gazette", "https://news.google.com/rss/articles/CBMiTmh0dHBzOi8vZGVzZXJ0LmV4YW1wbGUvMTAwLWRheXM"},
		{"Mental health workers rally in Los Angeles", "The Example Times", "https://news.google.com/rss/articles/CBMiQWh0dHBzOi8vdGltZXMuZXhhbXBsZS9yYWxseQ?hl=en-US"},
		{"Strike - what comes next", "Next Example", "https://news.google.com/rss/articles/CBMiNWh0dHBzOi8vbmV3cy5leGFtcGxlL25leHQ"},
	}
	if len(p.Items) != len(tests) {
		t.Fatalf("len(Items) = %d, want %d", len(p.Items), len(tests))
	}
	for i, tt := range tests {
		a := p.Items[i]
		if a.Title != tt.title || a.Source != tt.source || a.URL != tt.url {
			t.Errorf("Items[%d] = %q, %q, %q; want %q, %q, %q", i, a.Title, a.Source, a.URL, tt.title, tt.source, tt.url)
		}
	}
}

func TestParseSourceFallback(t *testing.T) {
	feed := func(title string) []byte {
		return []byte(`<rss version="2.0"><channel><title>` + title + `</title>
<item><title>Rally - Desk</title><link>https://www.outlet.example/a</link></item></channel></rss>`)
	}
	tests := []struct {
		name, feedTitle, optSource, want, wantTitle string
	}{
		{"configured name", "Feed Title", "Desk", "Desk", "Rally"},
		{"feed title", "Feed Title", "", "Feed Title", "Rally - Desk"},
		{"link host", "", "", "outlet.example", "Rally - Desk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := goldenOptions("")
			o.Source = tt.optSource
			p := mustParse(t, feed(tt.feedTitle), o)
			if got := p.Items[0].Source; got != tt.want {
				t.Errorf("Source = %q, want %q", got, tt.want)
			}
			if got := p.Items[0].Title; got != tt.wantTitle {
				t.Errorf("Title = %q, want %q", got, tt.wantTitle)
			}
		})
	}
}

func TestParseDates(t *testing.T) {
	now := testNow
	tests := []struct {
		name          string
		item          string
		want          time.Time
		wantEstimated bool
	}{
		{"pubDate", "<pubDate>Mon, 14 Oct 2024 08:30:00 -0700</pubDate>", time.Date(2024, 10, 14, 15, 30, 0, 0, time.UTC), false},
		{"missing", "", now, true},
		{"garbage", "<pubDate>yesterday-ish</pubDate>", now, true},
		{"far future", "<pubDate>Fri, 01 Jan 2100 10:00:00 GMT</pubDate>", now, true},
		{"5 minutes ahead is clock skew", "<pubDate>" + now.Add(5*time.Minute).Format(time.RFC1123Z) + "</pubDate>", now.Add(5 * time.Minute), false},
		{"11 minutes ahead", "<pubDate>" + now.Add(11*time.Minute).Format(time.RFC1123Z) + "</pubDate>", now, true},
		{"dc:date only", `<dc:date>2025-03-10T09:00:00Z</dc:date>`, time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><title>x</title><link>https://x.example/1</link>` + tt.item + `</item></channel></rss>`
			o := goldenOptions("")
			o.Now = now
			a := mustParse(t, []byte(body), o).Items[0]
			if !a.Published.Equal(tt.want) || a.PublishedEstimated != tt.wantEstimated {
				t.Errorf("Published, PublishedEstimated = %v, %v; want %v, %v", a.Published, a.PublishedEstimated, tt.want, tt.wantEstimated)
			}
			if !a.FirstSeen.Equal(now) {
				t.Errorf("FirstSeen = %v, want %v", a.FirstSeen, now)
			}
		})
	}
}

func TestParseKeys(t *testing.T) {
	body := []byte(`<rss version="2.0"><channel><title>T</title>
<item><title>a</title><guid>same-guid</guid><link>https://x.example/a</link></item>
<item><title>b</title><link>https://x.example/b?utm_source=1</link></item>
<item><title>c</title><description>no link</description></item>
<item><title>d</title><guid>https://x.example/d</guid></item>
</channel></rss>`)
	o1 := goldenOptions("one.xml")
	o2 := goldenOptions("two.xml")
	p1 := mustParse(t, body, o1)
	again := mustParse(t, body, o1)
	p2 := mustParse(t, body, o2)
	for i, prefix := range []string{"f:", "u:", "h:", "f:"} {
		k := p1.Items[i].Key
		if !strings.HasPrefix(k, prefix) || len(k) != len(prefix)+32 {
			t.Errorf("Items[%d].Key = %q, want %s and 32 hex digits", i, k, prefix)
		}
		if again.Items[i].Key != k {
			t.Errorf("Items[%d].Key not deterministic: %q then %q", i, k, again.Items[i].Key)
		}
	}
	if p1.Items[0].Key == p2.Items[0].Key {
		t.Error("the same GUID in two feeds gave the same key")
	}
	// A feed's GUID keys share the feed's tag, so they sort together in
	// the store's key index.
	if a, d := p1.Items[0].Key, p1.Items[3].Key; a[:10] != d[:10] || a[:10] == p2.Items[0].Key[:10] {
		t.Errorf("GUID keys %q and %q of one feed (and %q of another) do not share exactly their feed's tag", a, d, p2.Items[0].Key)
	}
	if p1.Items[1].Key != p2.Items[1].Key {
		t.Error("the same link in two feeds gave different keys")
	}
	if got, want := p1.Items[3].URL, "https://x.example/d"; got != want {
		t.Errorf("URL from permalink GUID = %q, want %q", got, want)
	}
}

func TestParseDuplicatesAndCap(t *testing.T) {
	o := goldenOptions("duplicates.xml")
	o.MaxItems = 0
	p := mustParse(t, readFixture(t, "duplicates.xml"), o)
	var titles []string
	for _, a := range p.Items {
		titles = append(titles, a.Title)
	}
	want := []string{"First with GUID g1", "No GUID, link 2", "Only a title"}
	if fmt.Sprint(titles) != fmt.Sprint(want) {
		t.Errorf("titles = %q, want %q", titles, want)
	}
}

func TestParseNotAFeed(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		wantHTML                bool
		wantLinks               []string
		wantErr                 string
	}{
		{
			name:        "html page with links",
			body:        string(readFixture(t, "notafeed.html")),
			contentType: "text/html",
			wantHTML:    true,
			wantLinks:   []string{"https://courier.example.com/labor/rss.xml", "https://courier.example.com/atom.xml", "https://courier.example.com/feed.json"},
			wantErr:     "feeds: not a feed (HTML page); try https://courier.example.com/labor/rss.xml",
		},
		{
			name:     "html sniffed without content type, relative to page URL",
			body:     `<!-- hi --><HTML><head><link rel="Alternate feed" type="application/atom+xml" href="/a.xml"></head></HTML>`,
			wantHTML: true,
			wantLinks: []string{
				"https://feeds.example.org/a.xml",
			},
			wantErr: "feeds: not a feed (HTML page); try https://feeds.example.org/a.xml",
		},
		{
			name:     "xhtml",
			body:     `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body>hi</body></html>`,
			wantHTML: true,
			wantErr:  "feeds: not a feed (HTML page)",
		},
		{
			name:        "captive portal text/html without doctype",
			body:        `<p>Please log in to the hotel network.</p>`,
			contentType: "text/html; charset=utf-8",
			wantHTML:    true,
			wantErr:     "feeds: not a feed (HTML page)",
		},
		{
			name:    "other xml",
			body:    `<?xml version="1.0"?><sitemap><url>x</url></sitemap>`,
			wantErr: "feeds: not a feed",
		},
		{
			name:    "plain text",
			body:    "hello",
			wantErr: "feeds: not a feed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := goldenOptions("")
			o.FeedURL = "https://feeds.example.org/labor/"
			o.ContentType = tt.contentType
			_, err := Parse([]byte(tt.body), o)
			if !errors.Is(err, ErrNotAFeed) {
				t.Fatalf("err = %v, want ErrNotAFeed", err)
			}
			var nf *NotAFeedError
			if !errors.As(err, &nf) {
				t.Fatalf("err = %T, want *NotAFeedError", err)
			}
			if nf.HTML != tt.wantHTML || fmt.Sprint(nf.FeedLinks) != fmt.Sprint(tt.wantLinks) {
				t.Errorf("HTML, FeedLinks = %v, %q; want %v, %q", nf.HTML, nf.FeedLinks, tt.wantHTML, tt.wantLinks)
			}
			if got := err.Error(); got != tt.wantErr {
				t.Errorf("Error() = %q, want %q", got, tt.wantErr)
			}
		})
	}
}

func TestParseFeedServedAsHTML(t *testing.T) {
	o := goldenOptions("rss2.xml")
	o.ContentType = "text/html; charset=utf-8"
	if p := mustParse(t, readFixture(t, "rss2.xml"), o); len(p.Items) != 4 {
		t.Errorf("len(Items) = %d, want 4", len(p.Items))
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, body string
		wantIs     error
		wantPrefix string
	}{
		{"empty", "", ErrEmptyBody, "feeds: empty body"},
		{"white space", " \n\t ", ErrEmptyBody, "feeds: empty body"},
		{"bom only", "\xEF\xBB\xBF", ErrEmptyBody, "feeds: empty body"},
		{"truncated", string(readFixture(t, "truncated.xml")), nil, "feeds: parse: "},
		{"bad json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, nil, "feeds: parse: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.body), goldenOptions(""))
			if err == nil {
				t.Fatalf("Parse = %+v, want error", p)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("err = %v, want %v", err, tt.wantIs)
			}
			if !strings.HasPrefix(err.Error(), tt.wantPrefix) {
				t.Errorf("err = %q, want prefix %q", err, tt.wantPrefix)
			}
		})
	}
}

func TestParseWindows1252FromBytes(t *testing.T) {
	src := `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>“Smart” – dash</title><item><title>x</title><link>https://x.example/1</link></item></channel></rss>`
	body, err := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := mustParse(t, body, goldenOptions(""))
	if got, want := p.Title, "“Smart” – dash"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

// pathological returns bodies that must parse in bounded time and memory.
func TestParsePathological(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	t.Run("100000 items", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(`<rss version="2.0"><channel><title>Flood</title>`)
		for i := range 100000 {
			fmt.Fprintf(&b, "<item><title>n%d</title><guid>%d</guid></item>", i, i)
		}
		b.WriteString("</channel></rss>")
		start := time.Now()
		p := mustParse(t, b.Bytes(), goldenOptions(""))
		if len(p.Items) != DefaultMaxItems {
			t.Errorf("len(Items) = %d, want %d", len(p.Items), DefaultMaxItems)
		}
		if p.Items[0].Title != "n0" || p.Items[99].Title != "n99" {
			t.Errorf("kept %q … %q, want the first items in document order", p.Items[0].Title, p.Items[99].Title)
		}
		t.Logf("%d bytes in %v", b.Len(), time.Since(start))
	})
	t.Run("10000-deep nesting", func(t *testing.T) {
		const depth = 10000
		var b bytes.Buffer
		b.WriteString(`<rss version="2.0"><channel><title>Deep</title><item><title>deep</title><link>https://x.example/1</link><description>`)
		b.WriteString(strings.Repeat("&lt;div&gt;", depth) + "core" + strings.Repeat("&lt;/div&gt;", depth))
		b.WriteString(`</description><x:wrap xmlns:x="urn:x">`)
		b.WriteString(strings.Repeat("<x:n>", depth) + "in" + strings.Repeat("</x:n>", depth))
		b.WriteString("</x:wrap><junk>" + strings.Repeat("<j>", depth) + strings.Repeat("</j>", depth) + "</junk></item></channel></rss>")
		start := time.Now()
		p := mustParse(t, b.Bytes(), goldenOptions(""))
		if len(p.Items) != 1 || p.Items[0].Text != "core" {
			t.Errorf("items = %+v, want one with text \"core\"", p.Items)
		}
		t.Logf("%d bytes in %v", b.Len(), time.Since(start))
	})
	t.Run("5 MB text node", func(t *testing.T) {
		word := "picket "
		text := strings.Repeat(word, 5<<20/len(word))
		body := []byte(`<rss version="2.0"><channel><title>Big</title><item><title>big</title><link>https://x.example/1</link><description>` + text + `</description></item></channel></rss>`)
		start := time.Now()
		p := mustParse(t, body, goldenOptions(""))
		a := p.Items[0]
		if len(a.Text) > MaxTextBytes || !strings.HasSuffix(a.Text, "…") || !strings.HasPrefix(a.Text, "picket picket") {
			t.Errorf("len(Text) = %d, suffix %q; want at most %d ending in …", len(a.Text), a.Text[len(a.Text)-10:], MaxTextBytes)
		}
		t.Logf("%d bytes in %v", len(body), time.Since(start))
	})
	t.Run("many CDATA fragments in an extension", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(`<rss version="2.0" xmlns:x="urn:x"><channel><title>Frag</title><item><title>f</title><link>https://x.example/1</link><x:note>`)
		for range 5000 {
			b.WriteString("<![CDATA[ab]]>")
		}
		b.WriteString("</x:note></item></channel></rss>")
		mustParse(t, b.Bytes(), goldenOptions(""))
	})
}

func TestSampleFeed(t *testing.T) {
	body := SampleFeed(100)
	if n := len(body); n < 150<<10 || n > 200<<10 {
		t.Errorf("len(SampleFeed(100)) = %d, want 150–200 KB", n)
	}
	if !bytes.Equal(body, SampleFeed(100)) {
		t.Error("SampleFeed is not deterministic")
	}
	p := mustParse(t, body, benchOptions())
	if len(p.Items) != 100 {
		t.Fatalf("len(Items) = %d, want 100", len(p.Items))
	}
	a := p.Items[0]
	if strings.Contains(a.URL, "utm_") || a.Author == "" || strings.Contains(a.Text, "<") || !strings.Contains(a.Text, "\n\n") {
		t.Errorf("Items[0] = %+v, want clean URL, an author and paragraphs of plain text", a)
	}
}
