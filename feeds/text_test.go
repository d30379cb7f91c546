package feeds

import (
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "  Strike   day\n\t12 ", "Strike day 12"},
		{"entities", "Kaiser &amp; NUHW &mdash; &quot;talks&quot; &#8220;soon&#8221; &#x2019;", "Kaiser & NUHW — \"talks\" “soon” ’"},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"escaped twice", "Kaiser&amp;#39;s clinicians&amp;nbsp;walked out", "Kaiser's clinicians walked out"},
		{"div and headings", "<h2>Head</h2><div>Body <b>bold</b> text</div>", "Head\n\nBody bold text"},
		{"br and list", "a<br>b<br/>c<ul><li>x</li><li>y</li></ul>z", "a\nb\nc\n\nx\ny\n\nz"},
		{"script style iframe noscript", "a<script>alert('x<p>')</script><style>p{}</style><iframe src=x>f</iframe><noscript>n</noscript>b", "ab"},
		{"nested svg", "a<svg><g><svg><text>t</text></svg></g></svg>b", "ab"},
		{"self-closing svg keeps text", "a<svg/>b", "ab"},
		{"inline keeps spaces", "<a href='x'>read</a> <em>more</em>", "read more"},
		{"no space invented", "hyph<b>en</b>ated", "hyphenated"},
		{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree"},
		{"comment", "a<!-- hidden <p> -->b", "ab"},
		{"nul and invalid utf8", "a\x00b\xffc", "abc"},
		{"nul in markup", "<p>a\x00b</p>", "ab"},
		{"control chars", "a\x01b\x1bc\x7fd", "abcd"},
		{"next line is a space", "a\u0085b", "a b"},
		{"replacement char", "a\uFFFDb &#xD800; c", "ab c"},
		{"nbsp collapses", "a&nbsp;&nbsp;b", "a b"},
		{"td adds space", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"only markup", "<p></p><br><div> </div>", ""},
		{"escaped markup stays text", "&lt;p&gt;", "<p>"},
		{"title dropped", "<html><head><title>Page</title></head><body><p>Hi</p></body></html>", "Hi"},
		{"crlf", "a\r\nb", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLToTextLimit(t *testing.T) {
	long := strings.Repeat("ünïcode ", 10000)
	for _, in := range []string{long, "<p>" + long + "</p>"} {
		got := htmlToText(in, 1000)
		if len(got) < 1000 || len(got) > 1000+4<<10 {
			t.Errorf("len(htmlToText(…, 1000)) = %d, want a little over 1000", len(got))
		}
		if strings.Contains(got, "\uFFFD") || !strings.HasPrefix(got, "ünïcode ünïcode") {
			t.Errorf("htmlToText cut a rune: %q…", got[:40])
		}
	}
	if got, want := htmlToText(long, -1), strings.TrimSpace(long); got != want {
		t.Errorf("htmlToText(…, -1) lost text: len %d, want %d", len(got), len(want))
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean", "Strike vote", "Strike vote"},
		{"trim", " \n x \t", "x"},
		{"keeps newlines and tabs", "a\n\tb", "a\n\tb"},
		{"nul", "a\x00b", "ab"},
		{"invalid utf8", "caf\xe9", "caf"},
		{"encoded surrogate", "a\xed\xa0\x80b", "ab"},
		{"controls", "a\rb\x07c\x7fd\u009fe", "abcde"},
		{"replacement char", "a\uFFFDb", "ab"},
		{"non-ascii kept", "Grève — 196 días", "Grève — 196 días"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"ééééé", 6, "é…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want || len(got) > max(tt.n, len(tt.in)) {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
