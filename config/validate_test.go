package config

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// fieldErrors returns the FieldErrors joined in err, as text.
func fieldErrors(tb testing.TB, err error) []string {
	tb.Helper()
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []string
	for _, e := range errs {
		var fe *FieldError
		if !errors.As(e, &fe) {
			tb.Fatalf("%v is not a *FieldError", e)
		}
		out = append(out, fe.Error())
	}
	return out
}

// acme is a small valid second campaign.
func acme() CampaignSpec {
	return CampaignSpec{
		ID:        "acme",
		Name:      "Acme strike",
		Feeds:     []FeedSpec{{URL: "https://example.org/acme.xml"}},
		Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 2}}, CoreScore: 3, RelatedScore: 1},
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   []string // every FieldError, in order; nil means valid
	}{
		{"default", func(*Config) {}, nil},

		// db
		{"db sqlite", func(c *Config) { c.DB = "sqlite:/var/lib/strikebot/strikebot.db" }, nil},
		{"db postgres", func(c *Config) { c.DB = "postgres://bot:pw@127.0.0.1:5432/strikebot?sslmode=disable" }, nil},
		{"db postgresql", func(c *Config) { c.DB = "postgresql:///strikebot?host=/run/postgresql" }, nil},
		{"db sqlite without path", func(c *Config) { c.DB = "sqlite:" }, []string{
			`key "db": value "sqlite:" has no file path: allowed "sqlite:PATH", "postgres://user:password@host:port/dbname" or "host=… user=… password=… dbname=…"`,
		}},
		{"db unknown", func(c *Config) { c.DB = "mysql://root:hunter2@db/x" }, []string{
			`key "db": value "mysql://root:xxxxx@db/x" names no known database: allowed "sqlite:PATH", "postgres://user:password@host:port/dbname" or "host=… user=… password=… dbname=…"`,
		}},
		{"db key=value is accepted", func(c *Config) { c.DB = "host=db.internal user=bot password='hunter 2' dbname=strikebot" }, nil},
		{"db broken key=value hides password", func(c *Config) { c.DB = "host=db password=hunter2 dbname" }, []string{
			`key "db": value "[redacted]" names no known database: allowed "sqlite:PATH", "postgres://user:password@host:port/dbname" or "host=… user=… password=… dbname=…"`,
		}},
		{"db bad postgres URL hides password", func(c *Config) { c.DB = "postgres://bot:hunter2@db:port/x" }, []string{
			`key "db": value "[redacted]" is not a valid URL: allowed "sqlite:PATH", "postgres://user:password@host:port/dbname" or "host=… user=… password=… dbname=…"`,
		}},

		// listen
		{"listen empty disables", func(c *Config) { c.Listen = "" }, nil},
		{"listen all interfaces", func(c *Config) { c.Listen = ":9090" }, nil},
		{"listen IPv6", func(c *Config) { c.Listen = "[::1]:0" }, nil},
		{"listen no port", func(c *Config) { c.Listen = "localhost" }, []string{
			`key "listen": value "localhost" is not host:port: allowed host:port such as "127.0.0.1:9090" or ":9090", or empty to disable`,
		}},
		{"listen bad port", func(c *Config) { c.Listen = "127.0.0.1:99999" }, []string{
			`key "listen": value "127.0.0.1:99999" has an invalid port: allowed host:port such as "127.0.0.1:9090" or ":9090", or empty to disable`,
		}},

		// log
		{"log level", func(c *Config) { c.Log.Level = "verbose" }, []string{
			`key "log.level": value "verbose" is unknown: allowed debug, info, warn, error`,
		}},
		{"log format", func(c *Config) { c.Log.Format = "xml" }, []string{
			`key "log.format": value "xml" is unknown: allowed auto, json, text`,
		}},

		// poll
		{"poll interval short", func(c *Config) { c.Poll.Interval = 5 * time.Second }, []string{
			`key "poll.interval": value "5s" is too short: allowed 1m to 24h`,
		}},
		{"poll interval long", func(c *Config) { c.Poll.Interval = 25 * time.Hour; c.Poll.MaxBackoff = 25 * time.Hour }, []string{
			`key "poll.interval": value "25h" is too long: allowed 1m to 24h`,
		}},
		{"poll interval bounds", func(c *Config) { c.Poll.Interval = time.Minute }, nil},
		{"poll jitter negative", func(c *Config) { c.Poll.Jitter = -0.1 }, []string{
			`key "poll.jitter": value "-0.1" is too small: allowed 0 to 0.5`,
		}},
		{"poll jitter large", func(c *Config) { c.Poll.Jitter = 0.6 }, []string{
			`key "poll.jitter": value "0.6" is too large: allowed 0 to 0.5`,
		}},
		{"poll jitter NaN", func(c *Config) { c.Poll.Jitter = math.NaN() }, []string{
			`key "poll.jitter": value "NaN" is too small: allowed 0 to 0.5`,
		}},
		{"poll timeout short", func(c *Config) { c.Poll.Timeout = 500 * time.Millisecond }, []string{
			`key "poll.timeout": value "500ms" is too short: allowed 1s to 5m`,
		}},
		{"poll timeout long", func(c *Config) { c.Poll.Timeout = 6 * time.Minute }, []string{
			`key "poll.timeout": value "6m" is too long: allowed 1s to 5m`,
		}},
		{"memory_limit small", func(c *Config) { c.MemoryLimit = 8 * MiB }, []string{
			`key "memory_limit": value "8MiB" is too small: allowed 16MiB to 64GiB`,
		}},
		{"memory_limit large", func(c *Config) { c.MemoryLimit = 65 * GiB }, []string{
			`key "memory_limit": value "65GiB" is too large: allowed 16MiB to 64GiB`,
		}},
		{"poll max_body small", func(c *Config) { c.Poll.MaxBody = 1000 }, []string{
			`key "poll.max_body": value "1000B" is too small: allowed 64KiB to 100MiB`,
		}},
		{"poll max_body large", func(c *Config) { c.Poll.MaxBody = GiB }, []string{
			`key "poll.max_body": value "1GiB" is too large: allowed 64KiB to 100MiB`,
		}},
		{"poll max_items", func(c *Config) { c.Poll.MaxItems = 0 }, []string{
			`key "poll.max_items": value "0" is too small: allowed 1 to 10000`,
		}},
		{"poll max_items large", func(c *Config) { c.Poll.MaxItems = 10001 }, []string{
			`key "poll.max_items": value "10001" is too large: allowed 1 to 10000`,
		}},
		{"poll max_redirects", func(c *Config) { c.Poll.MaxRedirects = 11 }, []string{
			`key "poll.max_redirects": value "11" is too large: allowed 0 to 10`,
		}},
		{"poll max_redirects zero", func(c *Config) { c.Poll.MaxRedirects = 0 }, nil},
		{"poll concurrency", func(c *Config) { c.Poll.Concurrency = 0 }, []string{
			`key "poll.concurrency": value "0" is too small: allowed 1 to 256`,
		}},
		{"poll concurrency large", func(c *Config) { c.Poll.Concurrency = 257 }, []string{
			`key "poll.concurrency": value "257" is too large: allowed 1 to 256`,
		}},
		{"poll max_backoff below interval", func(c *Config) { c.Poll.MaxBackoff = 10 * time.Minute }, []string{
			`key "poll.max_backoff": value "10m" is too short: allowed poll.interval (15m) to 168h`,
		}},
		{"poll max_backoff long", func(c *Config) { c.Poll.MaxBackoff = 200 * time.Hour }, []string{
			`key "poll.max_backoff": value "200h" is too long: allowed poll.interval (15m) to 168h`,
		}},
		{"poll announce_window zero", func(c *Config) { c.Poll.AnnounceWindow = 0 }, nil},
		{"poll announce_window negative", func(c *Config) { c.Poll.AnnounceWindow = -time.Hour }, []string{
			`key "poll.announce_window": value "-1h" is too short: allowed 0 (announce the whole backlog) to 8760h`,
		}},
		{"poll announce_window long", func(c *Config) { c.Poll.AnnounceWindow = 9000 * time.Hour }, []string{
			`key "poll.announce_window": value "9000h" is too long: allowed 0 (announce the whole backlog) to 8760h`,
		}},
		{"poll snippet_words", func(c *Config) { c.Poll.SnippetWords = -1 }, []string{
			`key "poll.snippet_words": value "-1" is too small: allowed 0 to 5000`,
		}},
		{"poll user_agent control", func(c *Config) { c.Poll.UserAgent = "bot\r\nX-Evil: 1" }, []string{
			`key "poll.user_agent": value "bot\r\nX-Evil: 1" contains a control character: allowed text of at most 256 bytes without control characters`,
		}},
		{"poll user_agent long", func(c *Config) { c.Poll.UserAgent = strings.Repeat("a", 257) }, []string{
			`key "poll.user_agent": value "` + strings.Repeat("a", 40) + `…" is too long: allowed text of at most 256 bytes without control characters`,
		}},

		// summarizer
		{"summarizer enabled", func(c *Config) {
			c.Summarizer = Summarizer{URL: "http://127.0.0.1:8080/v1", Model: "llama", APIKey: "sk-1", Timeout: 10 * time.Second}
		}, nil},
		{"summarizer without model", func(c *Config) { c.Summarizer.URL = "https://llm.example.org/v1" }, []string{
			`key "summarizer.model": value "" is empty while summarizer.url is set: allowed the name of a model the server offers`,
		}},
		{"summarizer bad URL", func(c *Config) { c.Summarizer.URL = "ftp://u:pw@llm.example.org/"; c.Summarizer.Model = "m" }, []string{
			`key "summarizer.url": value "ftp://u:xxxxx@llm.example.org/" is not an http or https URL: allowed an http or https URL with a host`,
		}},
		{"summarizer api_key control hidden", func(c *Config) { c.Summarizer.APIKey = "sk-1\n" }, []string{
			`key "summarizer.api_key": value "[redacted]" contains a control character: allowed text of at most 4096 bytes without control characters`,
		}},
		{"summarizer timeout", func(c *Config) { c.Summarizer.Timeout = 0 }, []string{
			`key "summarizer.timeout": value "0s" is too short: allowed 1s to 5m`,
		}},

		// campaigns
		{"no campaigns", func(c *Config) { c.CampaignSpecs = nil }, []string{
			`key "campaigns": value "[]" is empty: allowed one or more campaigns`,
		}},
		{"two campaigns", func(c *Config) { c.CampaignSpecs = append(c.CampaignSpecs, acme()) }, nil},
		{"campaign id not a slug", func(c *Config) { c.CampaignSpecs[0].ID = "Kaiser_2024" }, []string{
			`key "campaigns[0].id": value "Kaiser_2024" is not a slug: allowed lowercase letters, digits and single inner hyphens, such as kaiser-nuhw-socal`,
		}},
		{"campaign id empty", func(c *Config) { c.CampaignSpecs[0].ID = "" }, []string{
			`key "campaigns[0].id": value "" is not a slug: allowed lowercase letters, digits and single inner hyphens, such as kaiser-nuhw-socal`,
		}},
		{"campaign id hyphen at end", func(c *Config) { c.CampaignSpecs[0].ID = "kaiser-" }, []string{
			`key "campaigns[0].id": value "kaiser-" is not a slug: allowed lowercase letters, digits and single inner hyphens, such as kaiser-nuhw-socal`,
		}},
		{"campaign id long", func(c *Config) { c.CampaignSpecs[0].ID = strings.Repeat("k", 65) }, []string{
			`key "campaigns[0].id": value "` + strings.Repeat("k", 40) + `…" is too long: allowed at most 64 characters`,
		}},
		{"campaign id duplicate", func(c *Config) {
			a := acme()
			a.ID = "kaiser-nuhw-socal"
			c.CampaignSpecs = append(c.CampaignSpecs, a)
		}, []string{
			`key "campaigns[1].id": value "kaiser-nuhw-socal" is already the id of campaigns[0]: allowed an id unique among campaigns`,
		}},
		{"campaign name empty", func(c *Config) { c.CampaignSpecs[0].Name = " " }, []string{
			`key "campaigns[0].name": value " " is empty: allowed the campaign's display name`,
		}},
		{"campaign time zone empty is UTC", func(c *Config) { c.CampaignSpecs[0].TimeZone = "" }, nil},
		{"campaign time zone UTC", func(c *Config) { c.CampaignSpecs[0].TimeZone = "UTC" }, nil},
		{"campaign time zone other", func(c *Config) {
			c.CampaignSpecs = append(c.CampaignSpecs, acme())
			c.CampaignSpecs[1].TimeZone = "Europe/Berlin"
		}, nil},
		{"campaign time zone unknown", func(c *Config) { c.CampaignSpecs[0].TimeZone = "Pacific Time" }, []string{
			`key "campaigns[0].timezone": value "Pacific Time" is not a time zone: allowed an IANA time zone name such as America/Los_Angeles or Europe/Berlin, or empty for UTC`,
		}},
		{"campaign time zone abbreviation", func(c *Config) { c.CampaignSpecs[0].TimeZone = "PST" }, []string{
			`key "campaigns[0].timezone": value "PST" is not a time zone: allowed an IANA time zone name such as America/Los_Angeles or Europe/Berlin, or empty for UTC`,
		}},
		{"campaign time zone of the machine", func(c *Config) { c.CampaignSpecs[0].TimeZone = "Local" }, []string{
			`key "campaigns[0].timezone": value "Local" is not a time zone: allowed an IANA time zone name such as America/Los_Angeles or Europe/Berlin, or empty for UTC`,
		}},
		{"campaign no feeds", func(c *Config) { c.CampaignSpecs[0].Feeds = nil }, []string{
			`key "campaigns[0].feeds": value "[]" is empty: allowed one or more feeds`,
		}},
		{"feed URL not http", func(c *Config) { c.CampaignSpecs[0].Feeds[1].URL = "file:///etc/passwd" }, []string{
			`key "campaigns[0].feeds[1].url": value "file:///etc/passwd" is not an http or https URL: allowed an http or https URL with a host`,
		}},
		{"feed URL relative", func(c *Config) { c.CampaignSpecs[0].Feeds[1].URL = "nuhw.org/feed/" }, []string{
			`key "campaigns[0].feeds[1].url": value "nuhw.org/feed/" is not an http or https URL: allowed an http or https URL with a host`,
		}},
		{"feed URL no host", func(c *Config) { c.CampaignSpecs[0].Feeds[1].URL = "https:///feed/" }, []string{
			`key "campaigns[0].feeds[1].url": value "https:///feed/" has no host: allowed an http or https URL with a host`,
		}},
		{"feed URL unparsable hides credentials", func(c *Config) { c.CampaignSpecs[0].Feeds[1].URL = "https://u:hunter2@h/%zz" }, []string{
			`key "campaigns[0].feeds[1].url": value "[redacted]" is not a valid URL: allowed an http or https URL with a host`,
		}},
		{"feed URL with credentials", func(c *Config) { c.CampaignSpecs[0].Feeds[1].URL = "https://u:hunter2@example.org/private.xml" }, nil},
		{"feed URL duplicate within a campaign", func(c *Config) {
			c.CampaignSpecs[0].Feeds = append(c.CampaignSpecs[0].Feeds, FeedSpec{URL: "https://NUHW.org/feed/#x"})
		}, []string{
			`key "campaigns[0].feeds[2].url": value "https://NUHW.org/feed/#x" is already the feed campaigns[0].feeds[1].url: allowed each feed URL once across all campaigns`,
		}},
		{"feed URL duplicate across campaigns hides credentials", func(c *Config) {
			a := acme()
			a.Feeds = []FeedSpec{{URL: "https://u:hunter2@nuhw.org/feed/"}}
			c.CampaignSpecs = append(c.CampaignSpecs, a)
		}, []string{
			`key "campaigns[1].feeds[0].url": value "https://u:xxxxx@nuhw.org/feed/" is already the feed campaigns[0].feeds[1].url: allowed each feed URL once across all campaigns`,
		}},
		{"profile no employer", func(c *Config) { c.CampaignSpecs[0].Relevance.Employer = nil }, []string{
			`key "campaigns[0].relevance.employer": value "[]" is empty: allowed at least one employer term`,
		}},
		{"profile empty term", func(c *Config) { c.CampaignSpecs[0].Relevance.Labor[1].Text = "" }, []string{
			`key "campaigns[0].relevance.labor[1].text": value "" is empty: allowed a word or phrase`,
		}},
		{"profile weight not finite", func(c *Config) {
			c.CampaignSpecs[0].Relevance.Scope[0].Weight = math.Inf(1)
			c.CampaignSpecs[0].Relevance.Exclude[2].Weight = math.NaN()
		}, []string{
			`key "campaigns[0].relevance.scope[0].weight": value "+Inf" is not finite: allowed a finite number`,
			`key "campaigns[0].relevance.exclude[2].weight": value "NaN" is not finite: allowed a finite number`,
		}},
		{"profile negative weight allowed", func(c *Config) {
			c.CampaignSpecs[0].Relevance.Scope = append(c.CampaignSpecs[0].Relevance.Scope, strike.Term{Text: "Hawaii", Weight: -2})
		}, nil},
		{"profile core not above related", func(c *Config) { c.CampaignSpecs[0].Relevance.CoreScore = 4 }, []string{
			`key "campaigns[0].relevance.core_score": value "4" is not above related_score (4): allowed a finite number greater than related_score`,
		}},
		{"profile related zero", func(c *Config) { c.CampaignSpecs[0].Relevance.RelatedScore = 0 }, []string{
			`key "campaigns[0].relevance.related_score": value "0" is too small: allowed a finite number greater than 0`,
		}},
		{"profile scores not finite", func(c *Config) {
			c.CampaignSpecs[0].Relevance.RelatedScore = math.NaN()
			c.CampaignSpecs[0].Relevance.CoreScore = math.Inf(1)
		}, []string{
			`key "campaigns[0].relevance.related_score": value "NaN" is not finite: allowed a finite number greater than 0`,
			`key "campaigns[0].relevance.core_score": value "+Inf" is not finite: allowed a finite number greater than related_score`,
		}},

		{"profile scope and word lists", func(c *Config) {
			r := &c.CampaignSpecs[0].Relevance
			r.EmployerContext = []string{"hospital", " ", "HOSPITAL"}
			r.NotLabor = []string{"fined", strings.Repeat("x", 201)}
			r.Campaign.Unions = []string{"NUHW", ""}
			r.Campaign.OtherRegions = []string{"Hawaii", "southern  california"}
			r.Campaign.Workforce = []string{"therapists", "line\nbreak"}
			r.Campaign.Start = "2024-13-01"
		}, []string{
			`key "campaigns[0].relevance.employer_context[1]": value " " is empty: allowed a word or phrase showing the employer is meant, such as hospital`,
			`key "campaigns[0].relevance.employer_context[2]": value "HOSPITAL" repeats campaigns[0].relevance.employer_context[0]: allowed each word or phrase once`,
			`key "campaigns[0].relevance.not_labor[1]": value "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is too long: allowed text of at most 200 bytes without control characters`,
			`key "campaigns[0].relevance.campaign.unions[1]": value "" is empty: allowed a name of the union on strike, such as NUHW`,
			`key "campaigns[0].relevance.campaign.other_regions[1]": value "southern  california" is also in campaigns[0].relevance.campaign.regions: allowed a name in only one of regions and other_regions`,
			`key "campaigns[0].relevance.campaign.workforce[1]": value "line\nbreak" contains a control character: allowed text of at most 200 bytes without control characters`,
			`key "campaigns[0].relevance.campaign.start": value "2024-13-01" is not a date: allowed a day written YYYY-MM-DD, such as 2024-07-01, or empty for a period with no start`,
		}},
		{"profile union aliases", func(c *Config) {
			c.CampaignSpecs[0].Relevance.UnionAliases = []strike.UnionAlias{
				{Spelling: "Coalición de Sindicatos de Kaiser Permanente", Union: "Coalition of Kaiser Permanente Unions"}, // a union term: fine
				{Spelling: "Sindicato de Enfermeras", Union: "United Nurses"},                                              // no union term
				{Spelling: " ", Union: "UNAC"},
			}
		}, []string{
			`key "campaigns[0].relevance.union_aliases[1].union": value "United Nurses" is not the text of a union term: allowed the text of one of campaigns[0].relevance.union's terms, written the same way`,
			`key "campaigns[0].relevance.union_aliases[2].spelling": value " " is empty: allowed another spelling of a union's name`,
		}},
		{"profile period backwards", func(c *Config) {
			c.CampaignSpecs[0].Relevance.Campaign.Start = "2025-07-01"
			c.CampaignSpecs[0].Relevance.Campaign.End = "2025-06-30"
		}, []string{
			`key "campaigns[0].relevance.campaign.end": value "2025-06-30" is before campaigns[0].relevance.campaign.start (2025-07-01): allowed a day on or after the start`,
		}},
		{"profile open period and no scope", func(c *Config) {
			c.CampaignSpecs[0].Relevance.Campaign = strike.Scope{Start: "2024-07-01"}
			c.CampaignSpecs[0].Relevance.EmployerContext = nil
		}, nil},

		// all at once
		{"every problem reported", func(c *Config) {
			c.Log.Level = "loud"
			c.Poll.Interval = 5 * time.Second
			c.Poll.Concurrency = 0
			c.CampaignSpecs[0].ID = "Bad ID"
		}, []string{
			`key "log.level": value "loud" is unknown: allowed debug, info, warn, error`,
			`key "poll.interval": value "5s" is too short: allowed 1m to 24h`,
			`key "poll.concurrency": value "0" is too small: allowed 1 to 256`,
			`key "campaigns[0].id": value "Bad ID" is not a slug: allowed lowercase letters, digits and single inner hyphens, such as kaiser-nuhw-socal`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			tc.change(&c)
			got := fieldErrors(t, c.Validate())
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate() errors:\n got %q\nwant %q", got, tc.want)
			}
			for _, e := range got {
				if strings.Contains(e, "hunter2") || strings.Contains(e, "sk-1") {
					t.Errorf("error shows a secret: %s", e)
				}
			}
		})
	}
}

func TestValidateZeroConfig(t *testing.T) {
	got := fieldErrors(t, Config{}.Validate())
	if len(got) < 10 {
		t.Errorf("Config{}.Validate() reported %d problems, want many:\n%s", len(got), strings.Join(got, "\n"))
	}
}

func TestWarnings(t *testing.T) {
	c := Default()
	if w := c.Warnings(); len(w) != 0 {
		t.Errorf("Default().Warnings() = %q, want none (Slack is off)", w)
	}
	c.Slack.BotToken, c.Slack.AppToken = "xoxb-1", "xapp-1"
	w := c.Warnings()
	if len(w) != 2 || !strings.HasPrefix(w[0], "slack.workspaces is empty") || !strings.HasPrefix(w[1], "bot.captains is empty") {
		t.Errorf("Warnings() = %q", w)
	}
	c.Slack.Workspaces, c.Bot.Captains = []string{"T0123ABCD"}, []string{"U0123ABCD"}
	if w := c.Warnings(); len(w) != 0 {
		t.Errorf("Warnings() = %q, want none", w)
	}
}
