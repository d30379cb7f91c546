package feeds

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, raw, base, want string }{
		{"already canonical", "https://example.com/a?b=1", "", "https://example.com/a?b=1"},
		{"case and default port", "HTTPS://News.Example.COM:443/Path", "", "https://news.example.com/Path"},
		{"http default port", "http://example.com:80", "", "http://example.com/"},
		{"other port kept", "http://example.com:8080/x", "", "http://example.com:8080/x"},
		{"fragment dropped", "https://example.com/a#comments", "", "https://example.com/a"},
		{"tracking dropped and sorted", "https://example.com/a?utm_source=rss&z=1&UTM_Medium=x&fbclid=1&gclid=2&a=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&_ga=7&ref_src=8", "", "https://example.com/a?a=2&z=1"},
		{"ref kept", "https://example.com/a?ref=rss", "", "https://example.com/a?ref=rss"},
		{"only tracking", "https://example.com/a?utm_source=x", "", "https://example.com/a"},
		{"same names keep order", "https://example.com/?b=2&a=9&b=1", "", "https://example.com/?a=9&b=2&b=1"},
		{"encoding kept", "https://example.com/?q=a%20b&p=%2F", "", "https://example.com/?p=%2F&q=a%20b"},
		{"empty params dropped", "https://example.com/?&&a=1&", "", "https://example.com/?a=1"},
		{"dot segments", "https://example.com/a/./b/../c", "", "https://example.com/a/c"},
		{"relative", "../story/1?utm_campaign=x", "https://example.com/news/feed/rss.xml", "https://example.com/news/story/1"},
		{"root relative", "/story/2", "https://example.com/news/", "https://example.com/story/2"},
		{"scheme relative", "//cdn.example.net/x", "https://example.com/", "https://cdn.example.net/x"},
		{"relative without base", "/story", "", ""},
		{"userinfo dropped", "https://user:secret@example.com/a", "", "https://example.com/a"},
		{"not http", "ftp://example.com/a", "", ""},
		{"javascript", "javascript:alert(1)", "https://example.com/", ""},
		{"mailto", "mailto:desk@example.com", "", ""},
		{"empty", "  ", "https://example.com/", ""},
		{"garbage", "http://[::1", "", ""},
		{"trailing dot host", "https://example.com./a", "", "https://example.com/a"},
		{"ipv6", "http://[2001:DB8::1]:80/a", "", "http://[2001:db8::1]/a"},
		{"google alerts redirect", "https://www.google.com/url?rct=j&sa=t&url=https://metro.example.com/a%3Futm_source%3Dx%26id%3D7&ct=ga", "", "https://metro.example.com/a?id=7"},
		{"google q redirect", "https://www.google.co.uk/url?q=http://example.org/b&sa=U", "", "http://example.org/b"},
		{"facebook redirect", "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fc%3Ffbclid%3D1&h=x", "", "https://example.org/c"},
		{"redirect to non-http kept", "https://www.google.com/url?url=javascript:x", "", "https://www.google.com/url?url=javascript:x"},
		{"google news oc dropped", "https://news.google.com/rss/articles/CBMi?oc=5&hl=en-US", "", "https://news.google.com/rss/articles/CBMi?hl=en-US"},
		{"oc kept elsewhere", "https://example.com/?oc=5", "", "https://example.com/?oc=5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CanonicalURL(tt.raw, tt.base)
			if got != tt.want {
				t.Errorf("CanonicalURL(%q, %q) = %q, want %q", tt.raw, tt.base, got, tt.want)
			}
			if again := CanonicalURL(got, ""); again != got {
				t.Errorf("CanonicalURL(%q) = %q, not idempotent", got, again)
			}
		})
	}
}
