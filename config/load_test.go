package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// env returns a lookup function over m, standing in for os.LookupEnv.
func env(m map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := m[name]
		return v, ok
	}
}

// writeFile writes data to a new file in a test directory and returns its path.
func writeFile(tb testing.TB, name, data string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestLoadNoFileNoEnv(t *testing.T) {
	got, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, Default()) {
		t.Errorf("Load(\"\", nil) = %+v, want Default()", got)
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path, nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load(missing) error = %v, want fs.ErrNotExist", err)
	}
	if got, want := err.Error(), "config file "+path+" does not exist"; !strings.Contains(got, want) {
		t.Errorf("error = %q, want it to contain %q", got, want)
	}
}

func TestLoadFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		want func(*Config)
	}{
		{"empty file", "", func(*Config) {}},
		{"comments only", "# nothing\n", func(*Config) {}},
		{"scalars", "db: sqlite:/var/lib/strikebot/s.db\nlisten: \"\"\nallow_private_networks: true\n", func(c *Config) {
			c.DB = "sqlite:/var/lib/strikebot/s.db"
			c.Listen = ""
			c.AllowPrivateNetworks = true
		}},
		{"section keeps unnamed keys", "poll:\n  interval: 5m\n  max_body: 64KiB\n", func(c *Config) {
			c.Poll.Interval = 5 * time.Minute
			c.Poll.MaxBody = 64 * KiB
		}},
		{"size in bytes", "poll: {max_body: 1000000}\n", func(c *Config) { c.Poll.MaxBody = 1000000 }},
		{"null keeps default", "poll:\n  interval:\nlog:\n", func(*Config) {}},
		{"campaigns replace the default list", `
campaigns:
  - id: acme-2026
    name: Acme warehouse strike
    feeds:
      - url: https://example.org/acme.xml
    relevance:
      employer: [{text: Acme, weight: 3}]
      core_score: 5
      related_score: 2
`, func(c *Config) {
			c.CampaignSpecs = []CampaignSpec{{
				ID:        "acme-2026",
				Name:      "Acme warehouse strike",
				Feeds:     []FeedSpec{{URL: "https://example.org/acme.xml"}},
				Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 3}}, CoreScore: 5, RelatedScore: 2},
			}}
		}},
		{"anchors and merges", `
poll: {interval: &i 20m, max_backoff: *i}
log: {<<: {level: debug}}
`, func(c *Config) {
			c.Log.Level = "debug"
			c.Poll.Interval = 20 * time.Minute
			c.Poll.MaxBackoff = 20 * time.Minute
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Load(writeFile(t, "strikebot.yaml", tc.yaml), nil)
			if err != nil {
				t.Fatal(err)
			}
			want := Default()
			tc.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		want []string // each must appear in the error text
	}{
		{"unknown key", "poll:\n  intervl: 5m\n", []string{
			`strikebot.yaml line 2: unknown key "poll.intervl" (did you mean "poll.interval"?)`,
		}},
		{"unknown top-level key", "dbb: sqlite:x\nzzzzzzzz: 1\n", []string{
			`line 1: unknown key "dbb" (did you mean "db"?)`,
			`line 2: unknown key "zzzzzzzz"`,
		}},
		{"unknown key in a list element", "campaigns:\n  - id: a\n    feds: []\n", []string{
			`line 3: unknown key "campaigns[0].feds" (did you mean "campaigns[0].feeds"?)`,
		}},
		{"unknown key in a profile", "campaigns:\n  - relevance: {employers: []}\n", []string{
			`unknown key "campaigns[0].relevance.employers" (did you mean "campaigns[0].relevance.employer"?)`,
		}},
		{"unknown key behind a merge", "base: &b {level: info}\nlog:\n  <<: *b\n", []string{
			`unknown key "base"`,
		}},
		{"bad values", "poll:\n  max_items: many\n  interval: 15\n  max_body: 10 parsecs\n  full_text: maybe\nlog: [a]\n", []string{
			`line 2: key "poll.max_items": value "many" is not valid: want a whole number`,
			`line 3: key "poll.interval": value "15" is not valid: want a duration with a unit`,
			`line 4: key "poll.max_body": value "10 parsecs" is not valid: want a size`,
			`line 5: key "poll.full_text": value "maybe" is not valid: want true or false`,
			`line 6: key "log": a list is not valid: want a mapping of keys`,
		}},
		{"secret value never shown", "summarizer:\n  api_key: [sk-live-123]\n", []string{
			`key "summarizer.api_key": a list is not valid`,
		}},
		{"syntax error", "poll: [\n", []string{"strikebot.yaml: yaml: line"}},
		{"two documents", "db: sqlite:a\n---\ndb: sqlite:b\n", []string{"want one YAML document"}},
		{"valid YAML, invalid setting", "poll: {interval: 5s}\n", []string{
			`key "poll.interval": value "5s" is too short: allowed 1m to 24h`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(writeFile(t, "strikebot.yaml", tc.yaml), nil)
			if err == nil {
				t.Fatal("Load: no error")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error:\n%v\nwant it to contain %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "sk-live-123") {
				t.Errorf("error shows a secret: %v", err)
			}
		})
	}
}

func TestEnvOverrides(t *testing.T) {
	secretFile := writeFile(t, "api_key", "sk-from-file\n")
	dbFile := writeFile(t, "db", "postgres://bot:pw@127.0.0.1:5432/strikebot\r\n")
	for _, tc := range []struct {
		name string
		file string // YAML file contents; "" reads no file
		env  map[string]string
		want func(*Config)
	}{
		{"scalar string", "", map[string]string{"STRIKEBOT_DB": "sqlite:/tmp/x.db"}, func(c *Config) {
			c.DB = "sqlite:/tmp/x.db"
		}},
		{"empty string disables", "", map[string]string{"STRIKEBOT_LISTEN": ""}, func(c *Config) {
			c.Listen = ""
		}},
		{"bool", "", map[string]string{"STRIKEBOT_ALLOW_PRIVATE_NETWORKS": "true", "STRIKEBOT_POLL_FULL_TEXT": "0"}, func(c *Config) {
			c.AllowPrivateNetworks = true
			c.Poll.FullText = false
		}},
		{"nested duration, size, int, float", "", map[string]string{
			"STRIKEBOT_POLL_INTERVAL":        "5m",
			"STRIKEBOT_POLL_MAX_BODY":        "2MiB",
			"STRIKEBOT_POLL_MAX_ITEMS":       "50",
			"STRIKEBOT_POLL_JITTER":          "0.25",
			"STRIKEBOT_POLL_ANNOUNCE_WINDOW": "0",
			"STRIKEBOT_LOG_LEVEL":            "debug",
		}, func(c *Config) {
			c.Poll.Interval = 5 * time.Minute
			c.Poll.MaxBody = 2 * MiB
			c.Poll.MaxItems = 50
			c.Poll.Jitter = 0.25
			c.Poll.AnnounceWindow = 0
			c.Log.Level = "debug"
		}},
		{"environment wins over file", "poll: {interval: 30m, timeout: 20s}\n", map[string]string{"STRIKEBOT_POLL_INTERVAL": "45m"}, func(c *Config) {
			c.Poll.Interval = 45 * time.Minute
			c.Poll.Timeout = 20 * time.Second
		}},
		{"section as YAML, then its key", "", map[string]string{
			"STRIKEBOT_POLL":          "{interval: 30m, concurrency: 2}",
			"STRIKEBOT_POLL_INTERVAL": "40m",
		}, func(c *Config) {
			c.Poll.Interval = 40 * time.Minute
			c.Poll.Concurrency = 2
		}},
		{"list as JSON", "", map[string]string{
			"STRIKEBOT_CAMPAIGNS": `[{"id":"acme","name":"Acme strike","feeds":[{"url":"https://example.org/feed"}],` +
				`"relevance":{"employer":[{"text":"Acme","weight":2}],"core_score":3,"related_score":1}}]`,
		}, func(c *Config) {
			c.CampaignSpecs = []CampaignSpec{{
				ID: "acme", Name: "Acme strike",
				Feeds:     []FeedSpec{{URL: "https://example.org/feed"}},
				Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 2}}, CoreScore: 3, RelatedScore: 1},
			}}
		}},
		{"list as YAML", "", map[string]string{
			"STRIKEBOT_CAMPAIGNS": "- id: acme\n  name: Acme strike\n  feeds: [{url: 'https://example.org/feed', name: Acme}]\n" +
				"  relevance: {employer: [{text: Acme, weight: 2}], core_score: 3, related_score: 1}\n",
		}, func(c *Config) {
			c.CampaignSpecs = []CampaignSpec{{
				ID: "acme", Name: "Acme strike",
				Feeds:     []FeedSpec{{URL: "https://example.org/feed", Name: "Acme"}},
				Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 2}}, CoreScore: 3, RelatedScore: 1},
			}}
		}},
		{"secret from variable", "", map[string]string{"STRIKEBOT_SUMMARIZER_API_KEY": "sk-env"}, func(c *Config) {
			c.Summarizer.APIKey = "sk-env"
		}},
		{"secret from file, newline trimmed", "", map[string]string{"STRIKEBOT_SUMMARIZER_API_KEY_FILE": secretFile}, func(c *Config) {
			c.Summarizer.APIKey = "sk-from-file"
		}},
		{"DSN from file, CRLF trimmed", "", map[string]string{"STRIKEBOT_DB_FILE": dbFile}, func(c *Config) {
			c.DB = "postgres://bot:pw@127.0.0.1:5432/strikebot"
		}},
		{"unrelated variables ignored", "", map[string]string{"STRIKEBOT_NO_SUCH_KEY": "x", "HOME": "/root"}, func(*Config) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := ""
			if tc.file != "" {
				path = writeFile(t, "strikebot.yaml", tc.file)
			}
			got, err := Load(path, env(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			want := Default()
			tc.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestEnvErrors(t *testing.T) {
	secretFile := writeFile(t, "api_key", "sk-from-file\n")
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"bad duration", map[string]string{"STRIKEBOT_POLL_INTERVAL": "soon"}, []string{
			`STRIKEBOT_POLL_INTERVAL: key "poll.interval": value "soon" is not valid: want a duration`,
		}},
		{"every bad variable at once", map[string]string{
			"STRIKEBOT_POLL_MAX_ITEMS": "lots",
			"STRIKEBOT_POLL_MAX_BODY":  "huge",
			"STRIKEBOT_POLL_JITTER":    "a bit",
			"STRIKEBOT_POLL_FULL_TEXT": "yes please",
		}, []string{
			`STRIKEBOT_POLL_MAX_ITEMS: key "poll.max_items": value "lots" is not valid: want a whole number`,
			`STRIKEBOT_POLL_MAX_BODY: key "poll.max_body": value "huge" is not valid: want a size`,
			`STRIKEBOT_POLL_JITTER: key "poll.jitter": value "a bit" is not valid: want a number`,
			`STRIKEBOT_POLL_FULL_TEXT: key "poll.full_text": value "yes please" is not valid: want true or false`,
		}},
		{"empty number", map[string]string{"STRIKEBOT_POLL_CONCURRENCY": ""}, []string{
			`key "poll.concurrency": value "" is not valid`,
		}},
		{"unknown key in list", map[string]string{"STRIKEBOT_CAMPAIGNS": "[{idd: x}]"}, []string{
			`STRIKEBOT_CAMPAIGNS line 1: unknown key "campaigns[0].idd" (did you mean "campaigns[0].id"?)`,
		}},
		{"empty list text", map[string]string{"STRIKEBOT_CAMPAIGNS": ""}, []string{
			`STRIKEBOT_CAMPAIGNS: key "campaigns": no YAML value`,
		}},
		{"secret set twice", map[string]string{
			"STRIKEBOT_SUMMARIZER_API_KEY":      "sk-live-123",
			"STRIKEBOT_SUMMARIZER_API_KEY_FILE": secretFile,
		}, []string{"STRIKEBOT_SUMMARIZER_API_KEY and STRIKEBOT_SUMMARIZER_API_KEY_FILE are both set"}},
		{"secret file missing", map[string]string{
			"STRIKEBOT_SUMMARIZER_API_KEY_FILE": "/nonexistent/strikebot/key",
		}, []string{"STRIKEBOT_SUMMARIZER_API_KEY_FILE: read secret file: open /nonexistent/strikebot/key"}},
		{"_FILE only for secrets", map[string]string{"STRIKEBOT_LISTEN_FILE": secretFile, "STRIKEBOT_POLL_INTERVAL": "1s"}, []string{
			`key "poll.interval": value "1s" is too short`,
		}},
		{"invalid after override, secret hidden", map[string]string{
			"STRIKEBOT_SUMMARIZER_API_KEY": "sk-live-123\nX-Injected: 1",
		}, []string{
			`key "summarizer.api_key": value "[redacted]" contains a control character`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("", env(tc.env))
			if err == nil {
				t.Fatal("Load: no error")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error:\n%v\nwant it to contain %q", err, want)
				}
			}
			for _, secret := range []string{"sk-live-123", "sk-from-file"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error shows a secret: %v", err)
				}
			}
		})
	}
}

// secretsOnly is a test-only configuration: it shows that the environment
// and redaction mechanisms work from the struct tags alone.
type secretsOnly struct {
	Chat struct {
		Token   string `yaml:"token" secret:"true"`
		Webhook string `yaml:"webhook" secret:"url"`
		Channel string `yaml:"channel"`
	} `yaml:"chat"`
	Retries int `yaml:"retries"`
}

func TestGenericSecretTags(t *testing.T) {
	tokenFile := writeFile(t, "token", "xoxb-from-file\n")
	var s secretsOnly
	err := applyEnv(reflect.ValueOf(&s).Elem(), "", env(map[string]string{
		"STRIKEBOT_CHAT_TOKEN_FILE": tokenFile,
		"STRIKEBOT_CHAT_WEBHOOK":    "https://hooks.example.org/services/T0/B0?token=abc123",
		"STRIKEBOT_CHAT_CHANNEL":    "#strike",
		"STRIKEBOT_RETRIES":         "3",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Chat.Token, "xoxb-from-file"; got != want {
		t.Errorf("Token = %q, want %q", got, want)
	}
	if got, want := s.Retries, 3; got != want {
		t.Errorf("Retries = %d, want %d", got, want)
	}
	r := deepCopy(s)
	redactValue(reflect.ValueOf(&r).Elem())
	if got, want := r.Chat.Token, "[redacted]"; got != want {
		t.Errorf("redacted Token = %q, want %q", got, want)
	}
	if got, want := r.Chat.Webhook, "https://hooks.example.org/services/T0/B0?token=xxxxx"; got != want {
		t.Errorf("redacted Webhook = %q, want %q", got, want)
	}
	if got, want := r.Chat.Channel, "#strike"; got != want {
		t.Errorf("redacted Channel = %q, want %q", got, want)
	}
	if got, want := s.Chat.Token, "xoxb-from-file"; got != want {
		t.Errorf("after redacting a copy, Token = %q, want %q", got, want)
	}

	err = applyEnv(reflect.ValueOf(&s).Elem(), "", env(map[string]string{
		"STRIKEBOT_CHAT_TOKEN":      "xoxb-live",
		"STRIKEBOT_CHAT_TOKEN_FILE": tokenFile,
		"STRIKEBOT_RETRIES":         "x",
	}))
	for _, want := range []string{"STRIKEBOT_CHAT_TOKEN and STRIKEBOT_CHAT_TOKEN_FILE are both set", `key "retries"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error = %v, want it to contain %q", err, want)
		}
	}
}

// FuzzLoad feeds arbitrary YAML to the file path of Load: it must never
// panic, and whatever it accepts must be valid and survive a round trip.
func FuzzLoad(f *testing.F) {
	// Small seeds: the fuzzer minimizes what it finds byte by byte, which
	// takes minutes on an input the size of the example file.
	f.Add([]byte("db: sqlite:s.db\nlisten: ':0'\nlog: {level: debug, format: json}\npoll: {interval: 1h, max_backoff: 2h, announce_window: 0s}\n"))
	f.Add([]byte(""))
	f.Add([]byte("poll: {interval: 5m, max_body: 1MiB, jitter: .nan}\n"))
	f.Add([]byte("a: &a [*a, *a]\nlog: *a\n"))
	f.Add([]byte("campaigns: [{id: x, feeds: [{url: 'http://u:p@h/'}], relevance: {employer: [{text: k, weight: 1}], core_score: 2, related_score: 1}}]\n"))
	f.Add([]byte("summarizer:\n  <<: {url: 'http://127.0.0.1/v1'}\n  model: m\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := load(data, "fuzz.yaml", nil)
		if err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("load accepted an invalid config: %v", err)
		}
		out, err := c.YAML()
		if err != nil {
			t.Fatalf("YAML: %v", err)
		}
		again, err := load(out, "again.yaml", nil)
		if err != nil {
			t.Fatalf("reloading YAML(): %v\n%s", err, out)
		}
		// Compared as YAML: a list left out decodes as nil, printed as []
		// it decodes as empty, and the two mean the same.
		out2, err := again.YAML()
		if err != nil {
			t.Fatalf("YAML: %v", err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("round trip changed the config:\n%s\nbecame\n%s", out, out2)
		}
		_ = c.Redacted()
	})
}

func BenchmarkLoadExample(b *testing.B) {
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		b.Fatal(err)
	}
	lookup := env(map[string]string{"STRIKEBOT_POLL_INTERVAL": "5m"})
	for b.Loop() {
		if _, err := load(data, "example", lookup); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadInvalidIsFieldError(t *testing.T) {
	_, err := Load("", env(map[string]string{"STRIKEBOT_POLL_INTERVAL": "5s"}))
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Load error %v: no *FieldError in it", err)
	}
	if got, want := *fe, (FieldError{Key: "poll.interval", Value: "5s", Problem: "is too short", Allowed: "1m to 24h"}); got != want {
		t.Errorf("FieldError = %+v, want %+v", got, want)
	}
}

func TestLoadReportsEveryProblemWithItsPlace(t *testing.T) {
	yaml := `poll:
  interval: 5s
  intervl: 5m
  concurrency: many
  max_items: 0
bot:
  captains: [U0123ABCD, "no way"]
campaigns:
  - id: Bad Id
    name: x
    feeds:
      - url: ftp://example.org/feed
    relevance:
      employer: [{text: Acme, weight: 3}]
      core_score: 5
      related_score: 2
`
	path := writeFile(t, "strikebot.yaml", yaml)
	_, err := Load(path, env(map[string]string{"STRIKEBOT_POLL_JITTER": "0.9", "STRIKEBOT_LOG_LEVEL": "loud"}))
	if err == nil {
		t.Fatal("Load: no error")
	}
	got := err.Error()
	for _, want := range []string{
		path + ` line 2: key "poll.interval": value "5s" is too short: allowed 1m to 24h`,
		path + ` line 3: unknown key "poll.intervl" (did you mean "poll.interval"?)`,
		path + ` line 4: key "poll.concurrency": value "many" is not valid: want a whole number`,
		path + ` line 5: key "poll.max_items": value "0" is too small: allowed 1 to 10000`,
		path + ` line 7: key "bot.captains[1]": value "no way" is not a user, group or role ID`,
		path + ` line 9: key "campaigns[0].id": value "Bad Id" is not a slug`,
		path + ` line 12: key "campaigns[0].feeds[0].url": value "ftp://example.org/feed" is not an http or https URL`,
		`config: STRIKEBOT_POLL_JITTER: key "poll.jitter": value "0.9" is too large: allowed 0 to 0.5`,
		`config: STRIKEBOT_LOG_LEVEL: key "log.level": value "loud" is unknown`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("error lacks %q:\n%s", want, got)
		}
	}
	// A value that could not be read is reported once, not again by the
	// range checks (concurrency stays at its default for those).
	if n := strings.Count(got, "poll.concurrency"); n != 1 {
		t.Errorf("poll.concurrency reported %d times:\n%s", n, got)
	}
	if n := len(strings.Split(got, "\n")); n != 9 {
		t.Errorf("%d lines, want 9 (one per problem):\n%s", n, got)
	}
}

func TestCheckEnv(t *testing.T) {
	names := EnvNames()
	for _, want := range []string{"STRIKEBOT_DB", "STRIKEBOT_POLL", "STRIKEBOT_POLL_INTERVAL", "STRIKEBOT_SLACK_BOT_TOKEN", "STRIKEBOT_SLACK_BOT_TOKEN_FILE", "STRIKEBOT_BOT_CAPTAINS", "STRIKEBOT_CAMPAIGNS"} {
		if !slices.Contains(names, want) {
			t.Errorf("EnvNames() lacks %s", want)
		}
	}
	if slices.Contains(names, "STRIKEBOT_POLL_INTERVAL_FILE") {
		t.Error("EnvNames() has a _FILE variable for a key that is not secret")
	}
	if err := CheckEnv([]string{"PATH=/bin", "HOME", "STRIKEBOT_DB=sqlite:x", "STRIKEBOT_CONFIG=/etc/s.yaml", "STRIKEBOT_TEST_POSTGRES=x"}, "STRIKEBOT_CONFIG"); err != nil {
		t.Errorf("CheckEnv(known names) = %v", err)
	}
	err := CheckEnv([]string{"STRIKEBOT_POLL_INTERVALL=5m", "STRIKEBOT_SLACK_TOKEN=xoxb-secret", "STRIKEBOT_CONFG=x", "STRIKEBOT_WHATEVER_THIS_IS=1"}, "STRIKEBOT_CONFIG")
	if err == nil {
		t.Fatal("CheckEnv(typos) = nil")
	}
	for _, want := range []string{
		"environment variable STRIKEBOT_POLL_INTERVALL is not a strikebot setting (did you mean STRIKEBOT_POLL_INTERVAL?)",
		"STRIKEBOT_SLACK_TOKEN is not a strikebot setting (did you mean STRIKEBOT_SLACK_APP_TOKEN or STRIKEBOT_SLACK_BOT_TOKEN?)",
		"STRIKEBOT_CONFG is not a strikebot setting (did you mean STRIKEBOT_CONFIG?)",
		"STRIKEBOT_WHATEVER_THIS_IS is not a strikebot setting (a key's variable is STRIKEBOT_ plus",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "xoxb-secret") {
		t.Errorf("error shows a value: %v", err)
	}
}
