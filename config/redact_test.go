package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestRedacted(t *testing.T) {
	c := Default()
	c.DB = "postgres://bot:hunter2@db.internal:5432/strikebot?sslmode=require"
	c.Summarizer.URL = "https://llm.example.org/v1"
	c.Summarizer.Model = "small"
	c.Summarizer.APIKey = "sk-live-123"
	c.CampaignSpecs[0].Feeds[1].URL = "https://reader:feedpass@nuhw.org/feed/"
	orig := deepCopy(c)

	r := c.Redacted()
	if got, want := r.DB, "postgres://bot:xxxxx@db.internal:5432/strikebot?sslmode=require"; got != want {
		t.Errorf("DB = %q, want %q", got, want)
	}
	if got, want := r.Summarizer.APIKey, "[redacted]"; got != want {
		t.Errorf("Summarizer.APIKey = %q, want %q", got, want)
	}
	if got, want := r.CampaignSpecs[0].Feeds[1].URL, "https://reader:xxxxx@nuhw.org/feed/"; got != want {
		t.Errorf("feed URL = %q, want %q", got, want)
	}
	// Everything else is left alone.
	want := deepCopy(c)
	want.DB, want.Summarizer.APIKey, want.CampaignSpecs[0].Feeds[1].URL = r.DB, r.Summarizer.APIKey, r.CampaignSpecs[0].Feeds[1].URL
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Redacted changed more than secrets:\n got %+v\nwant %+v", r, want)
	}
	if !reflect.DeepEqual(c, orig) {
		t.Errorf("Redacted changed its receiver")
	}

	out, err := r.YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"hunter2", "sk-live-123", "feedpass"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("Redacted().YAML() shows %q:\n%s", secret, out)
		}
	}
}

func TestRedactedLeavesUnsetSecretsEmpty(t *testing.T) {
	r := Default().Redacted()
	if !reflect.DeepEqual(r, Default()) {
		t.Errorf("Default().Redacted() = %+v, want Default() unchanged", r)
	}
}

func TestRedactedSharesNoMemory(t *testing.T) {
	c := Default()
	r := c.Redacted()
	r.CampaignSpecs[0].Feeds[0].URL = "changed"
	r.CampaignSpecs[0].Relevance.Employer[0].Weight = 99
	if c.CampaignSpecs[0].Feeds[0].URL == "changed" || c.CampaignSpecs[0].Relevance.Employer[0].Weight == 99 {
		t.Error("changing the redacted copy changed the original")
	}
}

func TestRedactURL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"", ""},
		{"sqlite:strikebot.db", "sqlite:strikebot.db"},
		{"sqlite:/data/s.db?_pragma=busy_timeout(5000)", "sqlite:/data/s.db?_pragma=busy_timeout(5000)"},
		{"https://nuhw.org/feed/", "https://nuhw.org/feed/"},
		{"https://news.google.com/rss/search?q=%22Kaiser%22+strike&hl=en-US", "https://news.google.com/rss/search?q=%22Kaiser%22+strike&hl=en-US"},
		{"postgres://bot:hunter2@db:5432/s", "postgres://bot:xxxxx@db:5432/s"},
		{"https://ghp_token123@example.org/feed", "https://xxxxx@example.org/feed"},
		{"postgres://bot@db/s?password=hunter2&sslmode=disable", "postgres://xxxxx@db/s?password=xxxxx&sslmode=disable"},
		{"https://example.org/feed?api_key=abc&page=2", "https://example.org/feed?api_key=xxxxx&page=2"},
		{"https://example.org/feed?Token=abc", "https://example.org/feed?Token=xxxxx"},
		{"https://example.org/f?x=%zz", "https://example.org/f?xxxxx"},
		{"https://u:p@h/%zz", "[redacted]"},
		{"not a url at all", "not a url at all"},
		{"https://example.org/feed?page=2&token=abc", "https://example.org/feed?page=2&token=xxxxx"},
		{"host=db user=bot password=hunter2 dbname=s", "host=db user=bot password=xxxxx dbname=s"},
		{"host=db password = 'hunter 2\\' x' sslpassword=k dbname=s", "host=db password = xxxxx sslpassword=xxxxx dbname=s"},
		{"host=db password='unterminated", "[redacted]"},
	} {
		if got := redactURL(tc.in); got != tc.want {
			t.Errorf("redactURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
