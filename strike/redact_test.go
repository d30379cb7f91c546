package strike

import (
	"net/url"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"https://nuhw.org/feed/", "https://nuhw.org/feed/"},
		{"https://news.google.com/rss/search?q=%22Kaiser%22+strike&hl=en-US", "https://news.google.com/rss/search?q=%22Kaiser%22+strike&hl=en-US"},
		{"https://reader:feedpass@example.org/feed", "https://reader:xxxxx@example.org/feed"},
		{"https://ghp_token123@example.org/feed", "https://xxxxx@example.org/feed"},
		{"https://example.org/feed?token=abc", "https://example.org/feed?token=xxxxx"},
		{"https://example.org/feed?page=2&api_key=abc&x=1", "https://example.org/feed?page=2&api_key=xxxxx&x=1"},
		{"https://example.org/feed?key=abc", "https://example.org/feed?key=xxxxx"},
		{"https://example.org/feed?sig=abc&se=2030", "https://example.org/feed?sig=xxxxx&se=2030"},
		{"https://s3.example.org/f.xml?X-Amz-Signature=abc&X-Amz-Credential=def", "https://s3.example.org/f.xml?X-Amz-Signature=xxxxx&X-Amz-Credential=xxxxx"},
		{"https://example.org/feed?Access_Token=abc#frag", "https://example.org/feed?Access_Token=xxxxx#frag"},
		{"https://example.org/feed?password", "https://example.org/feed?password"}, // no value, nothing to hide
		{"https://example.org/f?x=%zz", "https://example.org/f?xxxxx"},
		{"https://u:p@h/%zz", "(unparsable URL)"},
		{"not a url at all", "not a url at all"},
	} {
		if got := RedactURL(tc.in); got != tc.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRedactURLsIn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"feeds add https://example.org/feed", "feeds add https://example.org/feed"},
		{"feeds add <https://example.org/feed?token=s3cret> Name", "feeds add <https://example.org/feed?token=xxxxx> Name"},
		{"feeds add <https://u:s3cret@example.org/f|label>", "feeds add <https://u:xxxxx@example.org/f|label>"},
		{"ask what? really", "ask what? really"},
	} {
		if got := RedactURLsIn(tc.in); got != tc.want {
			t.Errorf("RedactURLsIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzRedactURL(f *testing.F) {
	for _, s := range []string{"https://u:p@h/?token=abcdefgh&b=c", "https://example.org/?sig=abcdefghij", "http://[::1", "a?b@c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := RedactURL(s)
		u, err := url.Parse(s)
		if err != nil {
			return
		}
		// A password or a secret query value that occurs once in the input
		// never survives.
		var secrets []string
		if p, ok := u.User.Password(); ok {
			secrets = append(secrets, p)
		}
		if q, err := url.ParseQuery(u.RawQuery); err == nil {
			for name, vals := range q {
				if SecretParam(name) {
					secrets = append(secrets, vals...)
				}
			}
		}
		for _, v := range secrets {
			if len(v) >= 8 && strings.Count(s, v) == 1 && !strings.Contains(URLMask, v) && strings.Contains(got, v) {
				t.Errorf("RedactURL(%q) = %q keeps the secret %q", s, got, v)
			}
		}
	})
}
