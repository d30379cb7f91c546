package bot

import (
	"net/url"
	"strings"
	"testing"
)

func FuzzFeedURL(f *testing.F) {
	for _, s := range []string{"https://example.org/rss", "<https://Example.org/rss|example.org/rss>", "HTTP://EXAMPLE.ORG/a#b",
		"https://u:p@example.org/", "ftp://example.org/", "example.org/rss", "https://[::1]:8080/feed", "<>", "http://%zz/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := feedURL(s)
		if err != nil {
			return
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("feedURL(%q) = %q, which does not parse: %v", s, got, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil || u.Fragment != "" {
			t.Errorf("feedURL(%q) = %q", s, got)
		}
		if again, err := feedURL(got); err != nil || again != got {
			t.Errorf("feedURL(%q) = %q, %v; want it unchanged", got, again, err)
		}
	})
}

func TestRedactWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"feeds add https://example.org/rss", "feeds add https://example.org/rss"},
		{"feeds add https://ana:hunter2@example.org/rss Bay", "feeds add https://xxxxx@example.org/rss Bay"},
		{"feeds add <https://tok3n@example.org/rss|example.org/rss>", "feeds add https://xxxxx@example.org/rss"},
		{"announce write to ana@example.org", "announce write to ana@example.org"},
		{"feeds add https://medium.com/@union/feed", "feeds add https://medium.com/@union/feed"},
	}
	for _, tt := range tests {
		if got := redactWords(tt.in); got != tt.want {
			t.Errorf("redactWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Contains(redactWords(tt.in), "hunter2") {
			t.Errorf("password kept in %q", tt.in)
		}
	}
}
