package config

import (
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/strikebot/strikebot/strike"
)

// exampleFile is the shipped example configuration, at the module root.
const exampleFile = "../strikebot.example.yaml"

var updateExample = flag.Bool("update-example", false,
	"rewrite the relevance profile in strikebot.example.yaml from kaiserProfile()")

func TestDefaultIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v, want nil", err)
	}
}

func TestDefaultKaiserCampaign(t *testing.T) {
	got := Default().Campaigns()
	if len(got) != 1 {
		t.Fatalf("len(Default().Campaigns()) = %d, want 1", len(got))
	}
	c := got[0]
	if got, want := c.ID, "kaiser-nuhw-socal"; got != want {
		t.Errorf("ID = %q, want %q", got, want)
	}
	if got, want := c.Name, "Kaiser Permanente mental health strike (NUHW, Southern California)"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	wantFeeds := []string{
		"https://news.google.com/rss/search?q=%22Kaiser%22+%22mental+health%22+strike+NUHW&hl=en-US&gl=US&ceid=US:en",
		"https://nuhw.org/feed/",
	}
	var gotFeeds []string
	for _, f := range c.Feeds {
		gotFeeds = append(gotFeeds, f.URL)
	}
	if !reflect.DeepEqual(gotFeeds, wantFeeds) {
		t.Errorf("feed URLs = %q, want %q", gotFeeds, wantFeeds)
	}
	if got, want := c.Relevance, kaiserProfile(); !reflect.DeepEqual(got, want) {
		t.Errorf("Relevance = %+v, want kaiserProfile() %+v", got, want)
	}
}

func TestCampaignsSharesNoMemory(t *testing.T) {
	c := Default()
	got := c.Campaigns()
	got[0].Feeds[0].URL = "https://changed.example/"
	got[0].Relevance.Employer[0].Text = "changed"
	if c.CampaignSpecs[0].Feeds[0].URL == "https://changed.example/" {
		t.Error("changing a returned feed changed the Config")
	}
	if c.CampaignSpecs[0].Relevance.Employer[0].Text == "changed" {
		t.Error("changing a returned profile changed the Config")
	}
}

func TestCampaignsConverts(t *testing.T) {
	c := Default()
	c.CampaignSpecs = append(c.CampaignSpecs, CampaignSpec{
		ID:        "other",
		Name:      "Other strike",
		Feeds:     []FeedSpec{{URL: "https://example.org/feed", Name: ""}},
		Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 1}}, CoreScore: 2, RelatedScore: 1},
	})
	got := c.Campaigns()
	want := strike.Campaign{
		ID:        "other",
		Name:      "Other strike",
		Feeds:     []strike.FeedSource{{URL: "https://example.org/feed"}},
		Relevance: strike.Profile{Employer: []strike.Term{{Text: "Acme", Weight: 1}}, CoreScore: 2, RelatedScore: 1},
	}
	if len(got) != 2 || !reflect.DeepEqual(got[1], want) {
		t.Fatalf("Campaigns()[1] = %+v, want %+v", got, want)
	}
}

// TestCampaignsTimeZone: a campaign's time zone reaches the domain value
// as a location; none is UTC (nil).
func TestCampaignsTimeZone(t *testing.T) {
	c := Default()
	c.CampaignSpecs = append(c.CampaignSpecs, acme())
	got := c.Campaigns()
	if loc := got[0].Location; loc == nil || loc.String() != "America/Los_Angeles" {
		t.Errorf("default campaign's Location = %v, want America/Los_Angeles", loc)
	}
	if loc := got[1].Location; loc != nil {
		t.Errorf("campaign without a time zone: Location = %v, want nil (UTC)", loc)
	}
	// 17:35 in Los Angeles on 6 May 2025 is 00:35 UTC on 7 May.
	at := time.Date(2025, 5, 7, 0, 35, 0, 0, time.UTC).In(got[0].Location)
	if d := at.Format(time.DateTime); d != "2025-05-06 17:35:00" {
		t.Errorf("00:35 UTC in the campaign's zone = %s, want 2025-05-06 17:35:00", d)
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Config
	}{
		{"default", Default()},
		{"changed", func() Config {
			c := Default()
			c.DB = "postgres://bot:s3cret@db.internal:5432/strikebot?sslmode=require"
			c.Listen = ""
			c.Poll.Interval = 90 * time.Minute
			c.Poll.MaxBackoff = 90 * time.Minute
			c.Poll.AnnounceWindow = 0
			c.Poll.MaxBody = 1500 * 1000
			c.Poll.FullText = false
			c.Poll.Jitter = 0
			c.Poll.UserAgent = "strikebot-test/1 (+https://example.org/bot)"
			c.Summarizer = Summarizer{URL: "http://127.0.0.1:8080/v1", Model: "m", APIKey: "k: not yaml", Timeout: 1500 * time.Millisecond}
			return c
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.c.YAML()
			if err != nil {
				t.Fatal(err)
			}
			got, err := load(data, "round trip", nil)
			if err != nil {
				t.Fatalf("load(YAML()) error: %v\n%s", err, data)
			}
			// The YAML sets memory_limit, so it is no longer the default.
			tc.c.memoryLimitSet = true
			if !reflect.DeepEqual(got, tc.c) {
				t.Errorf("load(YAML()) = %+v\nwant %+v\nYAML:\n%s", got, tc.c, data)
			}
		})
	}
}

func TestYAMLPrintsShortDurationsAndSizes(t *testing.T) {
	data, err := Default().YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"interval: 15m\n", "max_backoff: 6h\n", "timeout: 30s\n", "max_body: 10MiB\n", "announce_window: 24h\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("YAML() lacks %q:\n%s", want, data)
		}
	}
}

func TestShortDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{15 * time.Minute, "15m"},
		{6 * time.Hour, "6h"},
		{90 * time.Minute, "1h30m"},
		{90 * time.Second, "1m30s"},
		{1500 * time.Millisecond, "1.5s"},
		{time.Hour + time.Second, "1h0m1s"},
	} {
		if got := shortDuration(tc.d); got != tc.want {
			t.Errorf("shortDuration(%v) = %q, want %q", tc.d, got, tc.want)
		}
		if d, err := time.ParseDuration(shortDuration(tc.d)); err != nil || d != tc.d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", shortDuration(tc.d), d, err, tc.d)
		}
	}
}

// TestExampleFile checks the shipped example: it loads, validates, holds
// exactly the defaults, and mentions every key.
func TestExampleFile(t *testing.T) {
	got, err := Load(exampleFile, nil)
	if err != nil {
		t.Fatalf("Load(%s): %v", exampleFile, err)
	}
	want := Default()
	if len(got.CampaignSpecs) != 1 {
		t.Fatalf("%s has %d campaigns, want 1 (the Kaiser campaign)", exampleFile, len(got.CampaignSpecs))
	}
	if !reflect.DeepEqual(got.CampaignSpecs[0].Relevance, kaiserProfile()) {
		if *updateExample {
			rewriteExampleProfile(t, kaiserProfile())
			t.Logf("rewrote campaigns[0].relevance in %s from kaiserProfile(); review the diff", exampleFile)
		} else {
			t.Errorf("the relevance profile in strikebot.example.yaml differs from kaiserProfile() in config/kaiser.go.\n"+
				"If you changed kaiserProfile(), update the example file to match: run\n"+
				"\tgo test ./config -run TestExampleFile -update-example\n"+
				"which rewrites its relevance section (keeping the comments), or replace the lines under "+
				"\"relevance:\" by hand with these:\n%s", profileYAML(t, kaiserProfile()))
		}
	}
	got.CampaignSpecs[0].Relevance = want.CampaignSpecs[0].Relevance
	want.memoryLimitSet = true // the example file sets memory_limit
	if !reflect.DeepEqual(got, want) {
		// Only the profile is rewritten by -update-example: every other
		// default is written by hand, with its comment.
		t.Errorf("strikebot.example.yaml does not hold the defaults: update it to match Default() in config/config.go.\n got %+v\nwant %+v", got, want)
	}

	// Every key appears in the example, including each profile field.
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	present := make(map[string]bool)
	collectKeys(doc.Content[0], "", present)
	for _, key := range allKeys(reflect.TypeFor[Config](), "") {
		if !present[key] {
			t.Errorf("strikebot.example.yaml lacks key %q: add it with a comment saying what it does, its default and allowed values", key)
		}
	}
}

// profileYAML returns p as YAML indented to sit under "relevance:" in the
// example file.
func profileYAML(tb testing.TB, p strike.Profile) string {
	tb.Helper()
	var buf strings.Builder
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		tb.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for i, l := range lines {
		lines[i] = "      " + l
	}
	return strings.Join(lines, "")
}

// rewriteExampleProfile replaces the relevance section that ends the
// example file with p, keeping the comment lines above each of its keys.
func rewriteExampleProfile(tb testing.TB, p strike.Profile) {
	tb.Helper()
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		tb.Fatal(err)
	}
	const marker = "\n    relevance:\n"
	head, old, ok := strings.Cut(string(data), marker)
	if !ok {
		tb.Fatalf("%s: no line %q", exampleFile, strings.TrimSpace(marker))
	}
	// isKey reports whether line is a mapping key of the profile (such as
	// "      employer:" or "        regions:"), not a list item.
	isKey := func(line string) bool {
		trimmed := strings.TrimSpace(line)
		return strings.HasPrefix(line, "      ") && trimmed != "" && !strings.HasPrefix(trimmed, "-") &&
			!strings.HasPrefix(trimmed, "#") && strings.Contains(line, ":")
	}
	comments := make(map[string]string) // "      employer:" → the comment lines above it
	var pending strings.Builder
	for _, line := range strings.SplitAfter(old, "\n") {
		switch trimmed := strings.TrimSpace(line); {
		case strings.HasPrefix(trimmed, "#"):
			pending.WriteString(line)
		case isKey(line):
			k, _, _ := strings.Cut(line, ":")
			if pending.Len() > 0 {
				comments[k] = pending.String()
			}
			pending.Reset()
		default:
			pending.Reset()
		}
	}
	var out strings.Builder
	out.WriteString(head + marker)
	for _, line := range strings.SplitAfter(profileYAML(tb, p), "\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && isKey(line) {
			out.WriteString(comments[k])
		}
		out.WriteString(line)
	}
	out.WriteString("\n")
	if err := os.WriteFile(exampleFile, []byte(out.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// collectKeys records the dotted keys of a YAML mapping tree; list elements
// are recorded as "[]".
func collectKeys(n *yaml.Node, prefix string, into map[string]bool) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := joinKey(prefix, n.Content[i].Value)
			into[key] = true
			collectKeys(n.Content[i+1], key, into)
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			collectKeys(e, prefix+"[]", into)
		}
	}
}

// allKeys lists the dotted keys of t, list elements written "[]".
func allKeys(t reflect.Type, prefix string) []string {
	var keys []string
	for f := range fieldsOf(t) {
		key := joinKey(prefix, yamlName(f))
		keys = append(keys, key)
		ft := f.Type
		if ft.Kind() == reflect.Slice && !isLeaf(ft.Elem()) {
			keys = append(keys, allKeys(ft.Elem(), key+"[]")...)
		} else if ft.Kind() == reflect.Struct && !isLeaf(ft) {
			keys = append(keys, allKeys(ft, key)...)
		}
	}
	return keys
}

// TestEnvNamesAreUnique guards the key → variable mapping: two keys must
// never share a variable (or a secret's _FILE variable).
func TestEnvNamesAreUnique(t *testing.T) {
	seen := make(map[string]string)
	var walk func(t reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for f := range fieldsOf(typ) {
			key := joinKey(prefix, yamlName(f))
			names := []string{EnvName(key)}
			if f.Tag.Get("secret") != "" {
				names = append(names, EnvName(key)+FileSuffix)
			}
			for _, n := range names {
				if other, dup := seen[n]; dup {
					t.Errorf("keys %q and %q both map to %s", other, key, n)
				}
				seen[n] = key
			}
			if f.Type.Kind() == reflect.Struct && !isLeaf(f.Type) {
				walk(f.Type, key)
			}
		}
	}
	walk(reflect.TypeFor[Config](), "")
	for _, want := range []string{"STRIKEBOT_POLL_INTERVAL", "STRIKEBOT_CAMPAIGNS", "STRIKEBOT_SUMMARIZER_API_KEY_FILE", "STRIKEBOT_DB_FILE", "STRIKEBOT_ALLOW_PRIVATE_NETWORKS"} {
		if seen[want] == "" {
			t.Errorf("no key maps to %s", want)
		}
	}
}

// TestSecretTagsOnStringsOnly guards Redacted, which handles only string
// fields: a secret tag anywhere else would be silently ignored.
func TestSecretTagsOnStringsOnly(t *testing.T) {
	var walk func(t reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for f := range fieldsOf(typ) {
			key := joinKey(prefix, yamlName(f))
			if s := f.Tag.Get("secret"); s != "" {
				if f.Type.Kind() != reflect.String {
					t.Errorf("key %q: secret tag on a %s, want on a string", key, f.Type)
				}
				if s != "true" && s != "url" {
					t.Errorf("key %q: secret:%q, want \"true\" or \"url\"", key, s)
				}
			}
			ft := f.Type
			if ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Map {
				t.Errorf("key %q: a map; Redacted does not look inside maps", key)
			}
			if ft.Kind() == reflect.Struct && !isLeaf(ft) {
				walk(ft, key)
			}
		}
	}
	walk(reflect.TypeFor[Config](), "")
}

func TestSlogLevel(t *testing.T) {
	for _, level := range []string{"debug", "info", "warn", "error"} {
		if got, want := (Log{Level: level}).SlogLevel().String(), strings.ToUpper(level); got != want {
			t.Errorf("SlogLevel(%q) = %s, want %s", level, got, want)
		}
	}
}
