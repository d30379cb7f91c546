package feeds

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, path := range fixtures(f) {
		body, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body, "")
	}
	f.Add(SampleFeed(3), "application/rss+xml; charset=utf-8")
	f.Add([]byte(`<rss><channel><item><title>a</title></item><item><title>a</title></item></channel></rss>`), "text/xml; charset=koi8-r")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","title":"\u0000x"}]}`), "application/feed+json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		o := ParseOptions{
			FeedURL:     "https://feeds.example.org/fuzz.xml",
			CampaignID:  "c",
			Now:         testNow,
			MaxItems:    5,
			ContentType: contentType,
		}
		p, err := Parse(body, o)
		if err != nil {
			if !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), "\x00") {
				t.Errorf("error text %q is not clean", err)
			}
			return
		}
		checkParsed(t, p, o)
	})
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range []string{
		"<p>One &amp; two</p><p>three</p>", "a<br>b", "<script>x</script>y", "<svg><svg></svg>z",
		"\x00\xff<p>\u0085</p>", "&#xD800;&#0;&#x110000;", "<ul><li>a<li>b</ul>", "plain  text ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HTMLToText(s)
		checkString(t, "HTMLToText", got)
		if got != strings.TrimSpace(got) {
			t.Errorf("HTMLToText(%q) = %q, has surrounding space", s, got)
		}
		if strings.Contains(got, "\n\n\n") || strings.Contains(got, "  ") || strings.Contains(got, "\uFFFD") {
			t.Errorf("HTMLToText(%q) = %q, not collapsed", s, got)
		}
		if c := CleanText(got); c != got {
			t.Errorf("CleanText(HTMLToText(%q)) = %q, changed %q", s, c, got)
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://Example.com:443/a/../b?utm_source=x&b=2&a=1#frag", "/relative?x=1", "//host.example/p",
		"https://www.google.com/url?url=https://a.example/%3Fq%3D1", "http://[::1]:80/", "javascript:x",
		"https://news.google.com/rss/articles/X?oc=5", "http://a.example/%zz", "https://u:p@h.example./",
	} {
		f.Add(s, "https://base.example/dir/feed.xml")
	}
	f.Fuzz(func(t *testing.T, raw, base string) {
		got := CanonicalURL(raw, base)
		if got == "" {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("CanonicalURL(%q, %q) = %q, not UTF-8", raw, base, got)
		}
		u, err := url.Parse(got)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Fragment != "" || u.User != nil {
			t.Fatalf("CanonicalURL(%q, %q) = %q, not a canonical http(s) URL", raw, base, got)
		}
		if again := CanonicalURL(got, ""); again != got {
			t.Fatalf("CanonicalURL(%q, %q) = %q, but CanonicalURL of that = %q", raw, base, got, again)
		}
	})
}

func FuzzSimpleHTMLToText(f *testing.F) {
	for _, s := range []string{
		"<p>One &amp; two</p><p>three</p>", "a<br>b", "<br/>x<BR />y", "<a href=\"x>y\" class=c>read</a> <em>more</em>",
		"Q & A &mdash; &#8220;x&#x201D; &nbsp;&nbsp;y", "<p>a\r\nb</p>", "<ul><li>a<li>b</ul>", "plain  text ",
		"<div><h2>Head</h2>Body <b>bold</b>\u00a0text</div>", "&#128;&#0;&#x110000;&ampx;", "<img src=x/>z",
		"a <b>b</b>c", "é <i>ü</i> ñ", "<td>a</td><td>b</td>", "<p>ünï code ünï code ünï code</p>",
	} {
		f.Add(s, -1)
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < -1 {
			limit = -1
		}
		s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "") // as htmlToText does first
		got, ok := simpleHTMLToText(s, limit)
		if !ok {
			return
		}
		if want := tokenHTMLToText(s, limit); got != want {
			t.Errorf("simpleHTMLToText(%q, %d) = %q, tokenizer path %q", s, limit, got, want)
		}
	})
}
