package config

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// FieldError is one invalid setting, as Validate reports it.
type FieldError struct {
	// Key is the setting's dotted key, such as "poll.interval" or
	// "campaigns[0].feeds[1].url".
	Key string
	// Value is the value as shown: secrets are "[redacted]" and
	// credentials in URLs are masked.
	Value string
	// Problem says what is wrong, such as "is too short".
	Problem string
	// Allowed says what would be accepted, such as "1m to 24h".
	Allowed string
}

// Error returns, for example,
// `key "poll.interval": value "5s" is too short: allowed 1m to 24h`.
func (e *FieldError) Error() string {
	return fmt.Sprintf("key %q: value %q %s: allowed %s", e.Key, e.Value, e.Problem, e.Allowed)
}

// Validate checks every setting and every rule between settings, and
// reports all problems at once: the result joins (errors.Join) one
// *FieldError per problem, or is nil.
func (c Config) Validate() error {
	var v validator
	v.db("db", c.DB)
	v.listen("listen", c.Listen)
	v.oneOf("log.level", c.Log.Level, "debug", "info", "warn", "error")
	v.oneOf("log.format", c.Log.Format, "auto", "json", "text")
	if c.MemoryLimit != 0 {
		v.size("memory_limit", c.MemoryLimit, 16*MiB, 64*GiB)
	}

	p := c.Poll
	v.duration("poll.interval", p.Interval, time.Minute, 24*time.Hour, "")
	v.float("poll.jitter", p.Jitter, 0, 0.5)
	v.duration("poll.timeout", p.Timeout, time.Second, 5*time.Minute, "")
	v.size("poll.max_body", p.MaxBody, 64*KiB, 100*MiB)
	v.integer("poll.max_items", p.MaxItems, 1, 10000)
	v.integer("poll.max_redirects", p.MaxRedirects, 0, 10)
	v.integer("poll.concurrency", p.Concurrency, 1, 256)
	v.duration("poll.max_backoff", p.MaxBackoff, max(p.Interval, time.Minute), 168*time.Hour,
		fmt.Sprintf("poll.interval (%s) to 168h", shortDuration(p.Interval)))
	v.duration("poll.announce_window", p.AnnounceWindow, 0, 8760*time.Hour,
		"0 (announce the whole backlog) to 8760h")
	v.integer("poll.snippet_words", p.SnippetWords, 0, 5000)
	v.text("poll.user_agent", p.UserAgent, p.UserAgent, 256)

	s := c.Summarizer
	if s.URL != "" {
		v.httpURL("summarizer.url", s.URL)
		if strings.TrimSpace(s.Model) == "" {
			v.add("summarizer.model", s.Model, "is empty while summarizer.url is set", "the name of a model the server offers")
		}
	}
	v.text("summarizer.model", s.Model, s.Model, 256)
	v.text("summarizer.api_key", s.APIKey, redactedIfSet(s.APIKey), 4096)
	v.duration("summarizer.timeout", s.Timeout, time.Second, 5*time.Minute, "")

	v.slack(c.Slack)
	v.discord(c.Discord)
	v.bot(c.Bot)

	v.campaigns(c.CampaignSpecs)
	return errors.Join(v.errs...)
}

// validator collects FieldErrors.
type validator struct {
	errs []error
}

func (v *validator) add(key, value, problem, allowed string) {
	v.errs = append(v.errs, &FieldError{Key: key, Value: value, Problem: problem, Allowed: allowed})
}

func (v *validator) oneOf(key, value string, allowed ...string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	v.add(key, value, "is unknown", strings.Join(allowed, ", "))
}

// duration checks lo <= d <= hi; allowed, when not empty, replaces the
// default description of the range.
func (v *validator) duration(key string, d, lo, hi time.Duration, allowed string) {
	if allowed == "" {
		allowed = shortDuration(lo) + " to " + shortDuration(hi)
	}
	switch {
	case d < lo:
		v.add(key, shortDuration(d), "is too short", allowed)
	case d > hi:
		v.add(key, shortDuration(d), "is too long", allowed)
	}
}

func (v *validator) float(key string, x, lo, hi float64) {
	if !(x >= lo && x <= hi) { // also catches NaN
		v.add(key, formatFloat(x), outOfRange(x < lo || math.IsNaN(x)), formatFloat(lo)+" to "+formatFloat(hi))
	}
}

func (v *validator) integer(key string, n, lo, hi int) {
	if n < lo || n > hi {
		v.add(key, strconv.Itoa(n), outOfRange(n < lo), strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
}

func (v *validator) size(key string, s, lo, hi Size) {
	if s < lo || s > hi {
		v.add(key, s.String(), outOfRange(s < lo), lo.String()+" to "+hi.String())
	}
}

func outOfRange(low bool) string {
	if low {
		return "is too small"
	}
	return "is too large"
}

// text checks that s is printable (no control characters, which could
// split an HTTP header) and at most limit bytes; shown is how s appears in
// the error.
func (v *validator) text(key, s, shown string, limit int) {
	allowed := fmt.Sprintf("text of at most %d bytes without control characters", limit)
	if len(s) > limit {
		v.add(key, truncate(shown, 40), "is too long", allowed)
		return
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		v.add(key, shown, "contains a control character", allowed)
	}
}

func (v *validator) db(key, dsn string) {
	const allowed = `"sqlite:PATH", "postgres://user:password@host:port/dbname" or "host=… user=… password=… dbname=…"`
	switch {
	case isKeywordDSN(dsn):
		// PostgreSQL's key=value form; pgx checks the settings when it connects.
	case strings.HasPrefix(dsn, "sqlite:"):
		if strings.TrimSpace(strings.TrimPrefix(dsn, "sqlite:")) == "" {
			v.add(key, dsn, "has no file path", allowed)
		}
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil { // the error would repeat the password
			v.add(key, redactURL(dsn), "is not a valid URL", allowed)
		}
	default:
		v.add(key, redactURL(dsn), "names no known database", allowed)
	}
}

func (v *validator) listen(key, addr string) {
	if addr == "" {
		return
	}
	const allowed = `host:port such as "127.0.0.1:9090" or ":9090", or empty to disable`
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		v.add(key, addr, "is not host:port", allowed)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		v.add(key, addr, "has an invalid port", allowed)
	}
}

// httpURL checks an absolute http or https URL with a host and returns it
// parsed, or nil.
func (v *validator) httpURL(key, raw string) *url.URL {
	const allowed = "an http or https URL with a host"
	u, err := url.Parse(raw)
	switch {
	case err != nil: // the error would repeat any password
		v.add(key, redactURL(raw), "is not a valid URL", allowed)
		return nil
	case u.Scheme != "http" && u.Scheme != "https":
		v.add(key, redactURL(raw), "is not an http or https URL", allowed)
		return nil
	case u.Hostname() == "":
		v.add(key, redactURL(raw), "has no host", allowed)
		return nil
	}
	return u
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (v *validator) campaigns(specs []CampaignSpec) {
	if len(specs) == 0 {
		v.add("campaigns", "[]", "is empty", "one or more campaigns")
		return
	}
	ids := make(map[string]string)   // id → key of its first use
	feeds := make(map[string]string) // normalized feed URL → key of its first use
	for i, s := range specs {
		key := fmt.Sprintf("campaigns[%d]", i)
		switch {
		case len(s.ID) > 64:
			v.add(key+".id", truncate(s.ID, 40), "is too long", "at most 64 characters")
		case !slugRE.MatchString(s.ID):
			v.add(key+".id", s.ID, "is not a slug", "lowercase letters, digits and single inner hyphens, such as kaiser-nuhw-socal")
		case ids[s.ID] != "":
			v.add(key+".id", s.ID, "is already the id of "+ids[s.ID], "an id unique among campaigns")
		default:
			ids[s.ID] = key
		}
		if strings.TrimSpace(s.Name) == "" {
			v.add(key+".name", s.Name, "is empty", "the campaign's display name")
		}
		v.text(key+".name", s.Name, s.Name, 200)
		if _, err := loadZone(s.TimeZone); err != nil {
			v.add(key+".timezone", truncate(s.TimeZone, 40), "is not a time zone",
				"an IANA time zone name such as America/Los_Angeles or Europe/Berlin, or empty for UTC")
		}
		if len(s.Feeds) == 0 {
			v.add(key+".feeds", "[]", "is empty", "one or more feeds")
		}
		for j, f := range s.Feeds {
			fkey := fmt.Sprintf("%s.feeds[%d]", key, j)
			if u := v.httpURL(fkey+".url", f.URL); u != nil {
				n := normalizeFeedURL(u)
				if first, dup := feeds[n]; dup {
					v.add(fkey+".url", redactURL(f.URL), "is already the feed "+first, "each feed URL once across all campaigns")
				} else {
					feeds[n] = fkey + ".url"
				}
			}
			v.text(fkey+".name", f.Name, f.Name, 200)
		}
		v.profile(key+".relevance", s.Relevance)
		v.faq(key+".faq", s.FAQ)
	}
}

// Limits of a campaign's FAQ.
const (
	maxFAQEntries  = 200
	maxFAQQuestion = 300
	maxFAQAnswer   = 2000
	maxFAQKeywords = 20
	maxFAQKeyword  = 100
)

func (v *validator) faq(key string, entries []strike.FAQ) {
	if len(entries) > maxFAQEntries {
		v.add(key, fmt.Sprintf("%d entries", len(entries)), "has too many entries", fmt.Sprintf("at most %d entries", maxFAQEntries))
		return
	}
	questions := make(map[string]string) // normalized question → key of its first use
	for i, e := range entries {
		ekey := fmt.Sprintf("%s[%d]", key, i)
		if strings.TrimSpace(e.Question) == "" {
			v.add(ekey+".question", e.Question, "is empty", "the question as a supporter would ask it")
		} else {
			n := strings.Join(strings.Fields(strings.ToLower(strings.TrimRight(e.Question, "?!. "))), " ")
			if first, dup := questions[n]; dup {
				v.add(ekey+".question", truncate(e.Question, 40), "is already the question of "+first, "each question once per campaign")
			} else {
				questions[n] = ekey
			}
		}
		v.text(ekey+".question", e.Question, e.Question, maxFAQQuestion)
		if strings.TrimSpace(e.Answer) == "" {
			v.add(ekey+".answer", e.Answer, "is empty", "the answer shown to supporters")
		}
		v.multiline(ekey+".answer", e.Answer, maxFAQAnswer)
		if len(e.Keywords) > maxFAQKeywords {
			v.add(ekey+".keywords", fmt.Sprintf("%d keywords", len(e.Keywords)), "has too many keywords", fmt.Sprintf("at most %d keywords", maxFAQKeywords))
		}
		for j, k := range e.Keywords {
			kkey := fmt.Sprintf("%s.keywords[%d]", ekey, j)
			if strings.TrimSpace(k) == "" {
				v.add(kkey, k, "is empty", "a word or phrase")
			}
			v.text(kkey, k, k, maxFAQKeyword)
		}
	}
}

// multiline is text for several lines: line breaks and tabs are allowed,
// other control characters are not.
func (v *validator) multiline(key, s string, limit int) {
	allowed := fmt.Sprintf("text of at most %d bytes without control characters other than line breaks and tabs", limit)
	if len(s) > limit {
		v.add(key, truncate(s, 40), "is too long", allowed)
		return
	}
	if strings.ContainsFunc(s, func(r rune) bool { return (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7f }) {
		v.add(key, truncate(s, 40), "contains a control character", allowed)
	}
}

// normalizeFeedURL returns the form in which two feed URLs are compared:
// without credentials or fragment, host lower-cased.
func normalizeFeedURL(u *url.URL) string {
	n := *u
	n.User = nil
	n.Fragment = ""
	n.RawFragment = ""
	n.Host = strings.ToLower(n.Host)
	return n.String()
}

func (v *validator) profile(key string, p strike.Profile) {
	if len(p.Employer) == 0 {
		v.add(key+".employer", "[]", "is empty", "at least one employer term")
	}
	for _, g := range []struct {
		name  string
		terms []strike.Term
	}{
		{"employer", p.Employer}, {"union", p.Union}, {"labor", p.Labor},
		{"scope", p.Scope}, {"exclude", p.Exclude},
	} {
		for i, t := range g.terms {
			tkey := fmt.Sprintf("%s.%s[%d]", key, g.name, i)
			if strings.TrimSpace(t.Text) == "" {
				v.add(tkey+".text", t.Text, "is empty", "a word or phrase")
			}
			if math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
				v.add(tkey+".weight", formatFloat(t.Weight), "is not finite", "a finite number")
			}
		}
	}
	unionTerms := make(map[string]bool, len(p.Union))
	for _, t := range p.Union {
		unionTerms[t.Text] = true
	}
	for i, a := range p.UnionAliases {
		akey := fmt.Sprintf("%s.union_aliases[%d]", key, i)
		if strings.TrimSpace(a.Spelling) == "" {
			v.add(akey+".spelling", a.Spelling, "is empty", "another spelling of a union's name")
		}
		if !unionTerms[a.Union] {
			v.add(akey+".union", a.Union, "is not the text of a union term", "the text of one of "+key+".union's terms, written the same way")
		}
	}
	v.words(key+".employer_context", p.EmployerContext, "a word or phrase showing the employer is meant, such as hospital")
	v.words(key+".not_labor", p.NotLabor, "a word or phrase of news that is not labor news, such as fined")
	v.scope(key+".campaign", p.Campaign)
	related, core := p.RelatedScore, p.CoreScore
	switch {
	case math.IsNaN(related) || math.IsInf(related, 0):
		v.add(key+".related_score", formatFloat(related), "is not finite", "a finite number greater than 0")
	case related <= 0:
		v.add(key+".related_score", formatFloat(related), "is too small", "a finite number greater than 0")
	}
	switch {
	case math.IsNaN(core) || math.IsInf(core, 0):
		v.add(key+".core_score", formatFloat(core), "is not finite", "a finite number greater than related_score")
	case !(core > related):
		v.add(key+".core_score", formatFloat(core), "is not above related_score ("+formatFloat(related)+")",
			"a finite number greater than related_score")
	}
}

// maxWord bounds a word or phrase of a profile's word lists, in bytes.
const maxWord = 200

// words checks a list of words or phrases: none empty, none too long, none
// twice (compared without regard to case and spacing).
func (v *validator) words(key string, list []string, allowed string) {
	seen := make(map[string]int)
	for i, w := range list {
		wkey := fmt.Sprintf("%s[%d]", key, i)
		norm := strings.ToLower(strings.Join(strings.Fields(w), " "))
		if norm == "" {
			v.add(wkey, w, "is empty", allowed)
			continue
		}
		v.text(wkey, w, w, maxWord)
		if j, dup := seen[norm]; dup {
			v.add(wkey, w, fmt.Sprintf("repeats %s[%d]", key, j), "each word or phrase once")
			continue
		}
		seen[norm] = i
	}
}

// scope checks a campaign's scope: its lists, a name on only one side of
// each dimension, and its period.
func (v *validator) scope(key string, s strike.Scope) {
	for _, d := range []struct {
		ours, others         string
		oursList, othersList []string
		oursWhat, othersWhat string
	}{
		{"unions", "other_unions", s.Unions, s.OtherUnions, "a name of the union on strike, such as NUHW", "a name of another union at the employer"},
		{"regions", "other_regions", s.Regions, s.OtherRegions, "a place of the strike, such as Southern California", "a place of the employer's other regions"},
		{"workforce", "other_workforce", s.Workforce, s.OtherWorkforce, "a profession on strike, such as therapists", "another profession at the employer"},
	} {
		v.words(key+"."+d.ours, d.oursList, d.oursWhat)
		v.words(key+"."+d.others, d.othersList, d.othersWhat)
		ours := make(map[string]bool)
		for _, w := range d.oursList {
			ours[strings.ToLower(strings.Join(strings.Fields(w), " "))] = true
		}
		for i, w := range d.othersList {
			if n := strings.ToLower(strings.Join(strings.Fields(w), " ")); n != "" && ours[n] {
				v.add(fmt.Sprintf("%s.%s[%d]", key, d.others, i), w, "is also in "+key+"."+d.ours,
					fmt.Sprintf("a name in only one of %s and %s", d.ours, d.others))
			}
		}
	}
	day := func(k, val, open string) (time.Time, bool) {
		if strings.TrimSpace(val) == "" {
			return time.Time{}, false
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(val))
		if err != nil {
			v.add(k, truncate(val, 40), "is not a date", "a day written YYYY-MM-DD, such as 2024-07-01, or empty for "+open)
			return time.Time{}, false
		}
		return t, true
	}
	start, okStart := day(key+".start", s.Start, "a period with no start")
	end, okEnd := day(key+".end", s.End, "a period with no end")
	if okStart && okEnd && end.Before(start) {
		v.add(key+".end", s.End, "is before "+key+".start ("+s.Start+")", "a day on or after the start")
	}
}

func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// truncate shortens s to at most n bytes, on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// shortDuration formats d without zero trailing units: "15m", "24h",
// "1h30m", "90ms".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Token prefixes of Slack's bot and app-level tokens.
const (
	slackBotPrefix = "xoxb-"
	slackAppPrefix = "xapp-"
)

var (
	slackTeamRE = regexp.MustCompile(`^[TE][A-Z0-9]{2,30}$`)
	chatIDRE    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
)

// slack checks the Slack section. Tokens are checked by prefix only and
// never shown: a wrong token appears as "[redacted]".
func (v *validator) slack(s Slack) {
	v.oneOf("slack.mode", s.Mode, "socket", "http")
	v.text("slack.bot_token", s.BotToken, redactedIfSet(s.BotToken), 512)
	v.text("slack.app_token", s.AppToken, redactedIfSet(s.AppToken), 512)
	v.text("slack.signing_secret", s.SigningSecret, redactedIfSet(s.SigningSecret), 512)
	if s.BotToken != "" && !strings.HasPrefix(s.BotToken, slackBotPrefix) {
		v.add("slack.bot_token", redacted, "is not a bot token", `a bot token beginning with "xoxb-"`)
	}
	if s.AppToken != "" && !strings.HasPrefix(s.AppToken, slackAppPrefix) {
		v.add("slack.app_token", redacted, "is not an app-level token", `an app-level token beginning with "xapp-"`)
	}
	if s.Enabled() {
		switch s.Mode {
		case "socket":
			if s.AppToken == "" {
				v.add("slack.app_token", "", "is empty while slack.mode is socket", `an app-level token beginning with "xapp-"`)
			}
		case "http":
			if s.SigningSecret == "" {
				v.add("slack.signing_secret", "", "is empty while slack.mode is http", "the app's signing secret")
			}
			if s.Listen == "" {
				v.add("slack.listen", "", "is empty while slack.mode is http", `host:port such as ":8080"`)
			}
		}
	}
	if s.Listen != "" {
		v.listen("slack.listen", s.Listen)
	}
	for i, id := range s.Workspaces {
		if !slackTeamRE.MatchString(id) {
			v.add(fmt.Sprintf("slack.workspaces[%d]", i), truncate(id, 40), "is not a Slack team ID", `a team ID such as "T0123ABCD"`)
		}
	}
	if u := v.httpURL("slack.api_url", s.APIURL); u != nil && !strings.HasSuffix(u.Path, "/") {
		v.add("slack.api_url", redactURL(s.APIURL), "does not end in /", `an http or https URL ending in "/", such as "https://slack.com/api/"`)
	}
}

// bot checks the bot section.
func (v *validator) bot(b Bot) {
	for i, id := range b.Captains {
		if !chatIDRE.MatchString(id) {
			v.add(fmt.Sprintf("bot.captains[%d]", i), truncate(id, 40), "is not a user, group or role ID",
				`an ID of letters, digits, "_" or "-", such as "U0123ABCD" or "S0456EFGH"`)
		}
	}
	if b.OpsChannel != "" {
		parts := strings.Split(b.OpsChannel, "/")
		ok := len(parts) == 3 && ((parts[0] == "slack" && slackTeamRE.MatchString(parts[1]) && chatIDRE.MatchString(parts[2])) ||
			(parts[0] == "discord" && snowflakeRE.MatchString(parts[1]) && snowflakeRE.MatchString(parts[2])))
		if !ok {
			v.add("bot.ops_channel", truncate(b.OpsChannel, 60), "is not a destination",
				`"slack/TEAM/CHANNEL" such as "slack/T0123ABCD/C0456EFGH", "discord/GUILD/CHANNEL" such as "discord/1034567890123456789/1045678901234567890", or empty`)
		}
	}
	v.integer("bot.rate_limit", b.RateLimit, 1, 600)
	v.integer("bot.flood_threshold", b.FloodThreshold, 1, 1000)
	v.duration("bot.retry_max", b.RetryMax, time.Second, 24*time.Hour, "")
	v.duration("bot.delivery_lease", b.DeliveryLease, time.Second, time.Hour, "")
	v.duration("bot.feed_alert_after", b.FeedAlertAfter, time.Second, 720*time.Hour, "")
}

// Warnings returns settings that are valid but probably not what was
// meant, one sentence each, saying what to do: Slack turned on (a bot
// token is set) with no workspace, so every Slack request is refused; or
// with no captain, so nobody can subscribe a channel or run the other
// captains' commands.
func (c Config) Warnings() []string {
	var out []string
	if c.Slack.Enabled() {
		if len(c.Slack.Workspaces) == 0 {
			out = append(out, `slack.workspaces is empty: Slack is on (slack.bot_token is set) but every request from Slack is refused; add your workspace's team ID ("T…", shown by "strikebot run" at start and in your Slack workspace's URL settings)`)
		}
		if len(c.Bot.Captains) == 0 {
			out = append(out, `bot.captains is empty: nobody can subscribe a channel or run the other captains' commands; add the captains' Slack user IDs ("U…") or a user group's ID ("S…")`)
		}
	}
	return out
}

var (
	// snowflakeRE matches a Discord ID: a snowflake written in decimal.
	snowflakeRE = regexp.MustCompile(`^[0-9]{15,21}$`)
	// discordTokenRE matches the shape of a Discord bot token: three
	// base64url parts joined by dots.
	discordTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,}$`)
	publicKeyRE    = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)
)

// discord checks the Discord section. The token is checked for its shape
// only and never shown.
func (v *validator) discord(d Discord) {
	v.oneOf("discord.mode", d.Mode, "gateway", "http")
	v.oneOf("discord.commands", d.Commands, "global", "guild")
	v.text("discord.bot_token", d.BotToken, redactedIfSet(d.BotToken), 512)
	switch {
	case d.BotToken == "":
	case strings.HasPrefix(d.BotToken, "Bot ") || strings.HasPrefix(d.BotToken, "Bearer "):
		v.add("discord.bot_token", redacted, "begins with a prefix", `the token alone, without "Bot "`)
	case !discordTokenRE.MatchString(d.BotToken):
		v.add("discord.bot_token", redacted, "is not a bot token", "the bot's token from the Developer Portal (Bot → Reset Token): three parts joined by dots")
	}
	if d.ApplicationID != "" && !snowflakeRE.MatchString(d.ApplicationID) {
		v.add("discord.application_id", truncate(d.ApplicationID, 40), "is not an application ID", `the digits of "Application ID" in the Developer Portal's General Information`)
	}
	if d.PublicKey != "" && !publicKeyRE.MatchString(d.PublicKey) {
		v.add("discord.public_key", truncate(d.PublicKey, 70), "is not a public key", `the 64 hex digits of "Public Key" in the Developer Portal's General Information`)
	}
	if d.Enabled() {
		if d.ApplicationID == "" {
			v.add("discord.application_id", "", "is empty while discord.bot_token is set", `the digits of "Application ID" in the Developer Portal's General Information`)
		}
		if len(d.Guilds) == 0 {
			v.add("discord.guilds", "[]", "is empty while discord.bot_token is set", "the IDs of the servers the bot serves (Developer Mode → right-click the server → Copy Server ID)")
		}
		if d.Mode == "http" {
			if d.PublicKey == "" {
				v.add("discord.public_key", "", "is empty while discord.mode is http", `the 64 hex digits of "Public Key" in the Developer Portal's General Information`)
			}
			if d.Listen == "" {
				v.add("discord.listen", "", "is empty while discord.mode is http", `host:port such as ":8080"`)
			}
		}
	}
	if d.Listen != "" {
		v.listen("discord.listen", d.Listen)
	}
	for i, id := range d.Guilds {
		if !snowflakeRE.MatchString(id) {
			v.add(fmt.Sprintf("discord.guilds[%d]", i), truncate(id, 40), "is not a Discord server ID", `a server (guild) ID of digits such as "1034567890123456789"`)
		}
	}
	if u := v.httpURL("discord.api_url", d.APIURL); u != nil && !strings.HasSuffix(u.Path, "/") {
		v.add("discord.api_url", redactURL(d.APIURL), "does not end in /", `an http or https URL ending in "/", such as "https://discord.com/api/v9/"`)
	}
}
