// Package config builds strikebot's one typed configuration: defaults from a
// single literal (Default), overridden by a YAML file, then by STRIKEBOT_*
// environment variables, then validated once (Load).
//
// Every key has a dotted name, from the YAML nesting (for example
// "poll.interval"), and an environment variable: STRIKEBOT_ followed by the
// name upper-cased with dots turned into underscores
// (STRIKEBOT_POLL_INTERVAL). Scalars in the environment are written as in
// YAML ("15m", "10MiB", "true"); lists and sections are written as YAML or
// JSON text (STRIKEBOT_CAMPAIGNS='[{id: …}]'). A key marked secret may
// instead be read from a file named by STRIKEBOT_<KEY>_FILE.
//
// A Config is plain data: main loads it once and hands its values down.
// Nothing in this package keeps global state.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// Config is strikebot's whole configuration. Default returns the shipped
// values; Load returns them overridden by a file and the environment and
// validated. The zero Config is not valid.
//
// Fields tagged secret:"true" hold secrets: Redacted hides them and they can
// be read from STRIKEBOT_<KEY>_FILE. Fields tagged secret:"url" are URLs or
// DSNs that may carry credentials: Redacted hides the credentials only.
type Config struct {
	// DB is the store: "sqlite:PATH" (a file, created if missing) or a
	// PostgreSQL URL "postgres://user:password@host:5432/db?sslmode=…".
	// Key "db", default "sqlite:strikebot.db".
	DB string `yaml:"db" secret:"url"`

	// Listen is the host:port of the /healthz and /metrics server; empty
	// disables it. Key "listen", default "127.0.0.1:9090".
	Listen string `yaml:"listen"`

	// Log configures logging. Key "log".
	Log Log `yaml:"log"`

	// MemoryLimit is a soft limit on the memory Go's runtime holds (its
	// heap, stacks and bookkeeping; not the SQLite engine's page cache):
	// near it, garbage is collected sooner, so a long backfill or a large
	// store does not grow the process. It is soft: a process that needs
	// more live memory still gets it, collecting more often. 0 leaves
	// Go's default (no limit); the GOMEMLIMIT variable, when set, wins.
	// Key "memory_limit", default 40MiB (PostgresMemoryLimit when db is
	// PostgreSQL and the key is not set: see ProcessMemoryLimit), allowed
	// 0 or 16MiB to 64GiB.
	MemoryLimit Size `yaml:"memory_limit"`
	// memoryLimitSet records that memory_limit was set in the file or
	// the environment, not left at its default.
	memoryLimitSet bool

	// AllowPrivateNetworks lets feeds and linked pages resolve to loopback,
	// private and link-local addresses. Off, such requests are refused
	// (SSRF guard). Key "allow_private_networks", default false.
	AllowPrivateNetworks bool `yaml:"allow_private_networks"`

	// Poll configures feed polling and page fetching. Key "poll".
	Poll Poll `yaml:"poll"`

	// Summarizer configures the optional OpenAI-compatible summarizer.
	// Key "summarizer"; disabled while its URL is empty.
	Summarizer Summarizer `yaml:"summarizer"`

	// Slack connects the bot to Slack. Key "slack"; disabled while its
	// bot_token is empty.
	Slack Slack `yaml:"slack"`

	// Discord connects the bot to Discord. Key "discord"; disabled while
	// its bot_token is empty.
	Discord Discord `yaml:"discord"`

	// Bot configures the chat bot on every platform: captains, the
	// operations channel, command and announcement limits. Key "bot".
	Bot Bot `yaml:"bot"`

	// CampaignSpecs are the strikes followed, as configured; Campaigns
	// returns them as domain values. Key "campaigns", default one campaign:
	// the Kaiser Permanente mental health workers' strike (NUHW).
	CampaignSpecs []CampaignSpec `yaml:"campaigns"`
}

// Log configures the process's slog logger.
type Log struct {
	// Level is the least severe level logged: "debug", "info", "warn" or
	// "error". Key "log.level", default "info".
	Level string `yaml:"level"`

	// Format is "json", "text", or "auto": text when standard error is a
	// terminal, JSON otherwise. Key "log.format", default "auto".
	Format string `yaml:"format"`
}

// SlogLevel returns Level as a slog.Level; an unknown level is slog.LevelInfo.
func (l Log) SlogLevel() slog.Level {
	switch l.Level {
	case "debug":
		return slog.LevelDebug
	case "warn":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	return slog.LevelInfo
}

// Poll configures how feeds are polled and linked pages fetched.
type Poll struct {
	// Interval is the time between two polls of one feed.
	// Key "poll.interval", default 15m, allowed 1m to 24h.
	Interval time.Duration `yaml:"interval"`

	// Jitter spreads polls: each wait is Interval changed by a random
	// fraction up to ±Jitter. The feeds of one site take turns (k feeds,
	// 1/k of the interval apart); for them the spread is within a feed's
	// share. Key "poll.jitter", default 0.1, allowed 0 to 0.5.
	Jitter float64 `yaml:"jitter"`

	// Timeout bounds one whole HTTP request, body included.
	// Key "poll.timeout", default 30s, allowed 1s to 5m.
	Timeout time.Duration `yaml:"timeout"`

	// MaxBody is the most bytes read from one response; a longer feed or
	// page is an error. Key "poll.max_body", default 10MiB, allowed 64KiB
	// to 100MiB.
	MaxBody Size `yaml:"max_body"`

	// MaxItems is the most items read from one feed document, newest first.
	// Key "poll.max_items", default 100, allowed 1 to 10000.
	MaxItems int `yaml:"max_items"`

	// MaxRedirects is the most HTTP redirects followed per request.
	// Key "poll.max_redirects", default 5, allowed 0 to 10.
	MaxRedirects int `yaml:"max_redirects"`

	// Concurrency is the most feeds and pages fetched at once.
	// Key "poll.concurrency", default 8, allowed 1 to 256.
	Concurrency int `yaml:"concurrency"`

	// MaxBackoff caps the wait before polling again a feed whose polls keep
	// failing (the wait grows with each consecutive failure).
	// Key "poll.max_backoff", default 6h, allowed poll.interval to 168h.
	MaxBackoff time.Duration `yaml:"max_backoff"`

	// AnnounceWindow limits what a feed's first poll announces: only items
	// published within this window before the poll are posted to chat;
	// older items are stored silently. 0 means no limit: the whole backlog
	// is announced. Key "poll.announce_window", default 24h, allowed 0 to
	// 8760h.
	AnnounceWindow time.Duration `yaml:"announce_window"`

	// FullText fetches an item's linked page when the feed gives only a
	// snippet (see SnippetWords), to read the article's own text: the
	// snippets that show a sign of the news, and every one of a news
	// search's feed (see feeds.SearchFeed).
	// Key "poll.full_text", default true.
	FullText bool `yaml:"full_text"`

	// SnippetWords is the word count below which an item's text counts as a
	// snippet; 0 means no item is a snippet. Key "poll.snippet_words",
	// default 80, allowed 0 to 5000.
	SnippetWords int `yaml:"snippet_words"`

	// UserAgent is sent with every request; empty means the built-in one,
	// which names strikebot and its version. Key "poll.user_agent",
	// default empty, at most 256 printable characters.
	UserAgent string `yaml:"user_agent"`
}

// Summarizer configures an optional OpenAI-compatible chat-completions
// server used to summarize stories. With URL empty it is disabled and the
// built-in extractive summaries are used.
type Summarizer struct {
	// URL is the server's base URL, up to and including "/v1" (for example
	// "http://127.0.0.1:8080/v1"); empty disables the summarizer.
	// Key "summarizer.url", default empty, allowed http or https URLs.
	URL string `yaml:"url" secret:"url"`

	// Model is the model name sent with each request; required when URL is
	// set. Key "summarizer.model", default empty.
	Model string `yaml:"model"`

	// APIKey is sent as "Authorization: Bearer …"; empty sends none.
	// Key "summarizer.api_key" (secret; also STRIKEBOT_SUMMARIZER_API_KEY_FILE),
	// default empty.
	APIKey string `yaml:"api_key" secret:"true"`

	// Timeout bounds one summarizer request.
	// Key "summarizer.timeout", default 10s, allowed 1s to 5m.
	Timeout time.Duration `yaml:"timeout"`
}

// Slack configures the Slack platform. It is enabled when BotToken is set.
type Slack struct {
	// BotToken is the bot user's OAuth token ("xoxb-…"), used for every Web
	// API call; empty disables Slack. Key "slack.bot_token" (secret; also
	// STRIKEBOT_SLACK_BOT_TOKEN_FILE), default empty.
	BotToken string `yaml:"bot_token" secret:"true"`

	// AppToken is the app-level token ("xapp-…", scope connections:write)
	// that opens the Socket Mode connection; required in socket mode.
	// Key "slack.app_token" (secret), default empty.
	AppToken string `yaml:"app_token" secret:"true"`

	// SigningSecret verifies the requests Slack sends in HTTP mode;
	// required in http mode. Key "slack.signing_secret" (secret), default
	// empty.
	SigningSecret string `yaml:"signing_secret" secret:"true"`

	// Mode is how Slack reaches the bot: "socket" (Socket Mode, no public
	// URL needed) or "http" (Slack posts to Listen, behind HTTPS).
	// Key "slack.mode", default "socket".
	Mode string `yaml:"mode"`

	// Listen is the host:port the HTTP-mode endpoints (/slack/commands,
	// /slack/interactions, /slack/events) listen on; used in http mode only.
	// Key "slack.listen", default ":8080".
	Listen string `yaml:"listen"`

	// Workspaces are the Slack team IDs ("T…") the bot answers and posts
	// in. Empty refuses every Slack request. Key "slack.workspaces",
	// default empty.
	Workspaces []string `yaml:"workspaces"`

	// APIURL is the base URL of Slack's Web API, ending in "/"; tests point
	// it at a fake. Key "slack.api_url", default "https://slack.com/api/".
	APIURL string `yaml:"api_url"`
}

// Enabled reports whether Slack is configured (BotToken is set).
func (s Slack) Enabled() bool { return s.BotToken != "" }

// Discord configures the Discord platform. It is enabled when BotToken is
// set.
type Discord struct {
	// BotToken is the bot's token from the developer portal (without the
	// "Bot " prefix), used for every REST call and the gateway; empty
	// disables Discord. Key "discord.bot_token" (secret; also
	// STRIKEBOT_DISCORD_BOT_TOKEN_FILE), default empty.
	BotToken string `yaml:"bot_token" secret:"true"`

	// ApplicationID is the application's ID (a snowflake, digits only);
	// required when Discord is on: slash commands are registered under it.
	// Key "discord.application_id", default empty.
	ApplicationID string `yaml:"application_id"`

	// PublicKey is the application's public key (64 hex digits), which
	// verifies the interactions Discord posts in http mode; required in
	// http mode. Key "discord.public_key", default empty.
	PublicKey string `yaml:"public_key"`

	// Mode is how Discord reaches the bot: "gateway" (an outgoing
	// WebSocket, no public URL needed) or "http" (Discord posts
	// interactions to /discord/interactions on Listen, behind HTTPS).
	// Key "discord.mode", default "gateway".
	Mode string `yaml:"mode"`

	// Listen is the host:port of the http-mode endpoint
	// /discord/interactions; used in http mode only. The same address as
	// slack.listen serves both platforms on one port. Key
	// "discord.listen", default ":8080".
	Listen string `yaml:"listen"`

	// Guilds are the server (guild) IDs the bot answers and posts in;
	// commands from any other server are refused. At least one is needed
	// when Discord is on. Key "discord.guilds", default empty.
	Guilds []string `yaml:"guilds"`

	// Commands is where the /strike command is registered: "global" (every
	// server the bot is in) or "guild" (each of Guilds, which updates at
	// once: handy while testing). Registration happens at start only when
	// the command's definition changed. Key "discord.commands", default
	// "global".
	Commands string `yaml:"commands"`

	// APIURL is the base URL of Discord's REST API, ending in "/"; tests
	// point it at a fake. Key "discord.api_url", default
	// "https://discord.com/api/v9/".
	APIURL string `yaml:"api_url"`
}

// Enabled reports whether Discord is configured (BotToken is set).
func (d Discord) Enabled() bool { return d.BotToken != "" }

// Bot configures the platform-neutral chat bot.
type Bot struct {
	// Captains are the user IDs (Slack "U…", Discord user IDs) and group or
	// role IDs (Slack user groups "S…", Discord role IDs) allowed to run
	// captain commands (subscribe, set, announce…). Empty: nobody is a
	// captain. Key "bot.captains", default empty.
	Captains []string `yaml:"captains"`

	// OpsChannel is where permanent delivery errors are reported, as a
	// destination "slack/TEAM/CHANNEL" or "discord/GUILD/CHANNEL"; empty
	// reports them in the log only. Key "bot.ops_channel", default empty.
	OpsChannel string `yaml:"ops_channel"`

	// RateLimit is how many commands one user may run per minute before
	// the bot asks them to slow down. Key "bot.rate_limit", default 10,
	// allowed 1 to 600.
	RateLimit int `yaml:"rate_limit"`

	// FloodThreshold is how many stories one channel may receive in an
	// hour before further stories are held and sent as one digest.
	// Key "bot.flood_threshold", default 5, allowed 1 to 1000.
	FloodThreshold int `yaml:"flood_threshold"`

	// RetryMax caps the wait between two attempts of a failing post (the
	// wait doubles with each attempt, with jitter, up to this).
	// Key "bot.retry_max", default 30m, allowed 1s to 24h.
	RetryMax time.Duration `yaml:"retry_max"`

	// DeliveryLease is how long a post being sent stays reserved for the
	// process sending it. If that process dies mid-send, the post is sent
	// again once the lease runs out (after checking the channel for a copy that
	// did go out). Key "bot.delivery_lease", default 2m, allowed 1s to 1h.
	DeliveryLease time.Duration `yaml:"delivery_lease"`

	// FeedAlertAfter is how long a feed fails every poll before the ops
	// channel (or, without one, the log) is told, once per spell of
	// failures, and again when it works. Key "bot.feed_alert_after",
	// default 24h, allowed 1s to 720h.
	FeedAlertAfter time.Duration `yaml:"feed_alert_after"`
}

// CampaignSpec is one followed strike as written in the configuration;
// Config.Campaigns converts it to a strike.Campaign.
type CampaignSpec struct {
	// ID is a short stable slug of lowercase letters, digits and hyphens,
	// unique among campaigns. Stored articles are keyed by it.
	// Key "campaigns[i].id".
	ID string `yaml:"id"`

	// Name is the campaign's display name. Key "campaigns[i].name".
	Name string `yaml:"name"`

	// TimeZone is where the campaign's people live, as an IANA time zone
	// name such as "America/Los_Angeles": an article's "today",
	// "yesterday" or "on Monday" is dated by the calendar day its
	// publication time falls on there. Empty means UTC.
	// Key "campaigns[i].timezone", default for the Kaiser campaign
	// "America/Los_Angeles".
	TimeZone string `yaml:"timezone"`

	// Feeds are the campaign's news feeds, at least one.
	// Key "campaigns[i].feeds".
	Feeds []FeedSpec `yaml:"feeds"`

	// Relevance says what the campaign's strike news looks like: at least
	// one employer term, finite weights, core_score > related_score > 0.
	// Key "campaigns[i].relevance".
	Relevance strike.Profile `yaml:"relevance"`

	// FAQ are the captains' answers to supporters' common questions, each a
	// question, an answer and optional keywords. A supporter's question that
	// matches an entry well gets its answer, cited as the campaign FAQ,
	// instead of sentences from the news. At most 200 entries; a question of
	// at most 300 bytes, an answer of at most 2000 (line breaks allowed),
	// at most 20 keywords of at most 100 bytes each; no two questions alike.
	// Key "campaigns[i].faq", default for the Kaiser campaign: two entries.
	FAQ []strike.FAQ `yaml:"faq"`
}

// FeedSpec is one configured feed.
type FeedSpec struct {
	// URL is the feed's http or https address, unique across campaigns.
	// It may carry credentials (https://user:password@host/…); they are
	// redacted wherever the URL is shown. Key "campaigns[i].feeds[j].url".
	URL string `yaml:"url" secret:"url"`

	// Name is an optional display name; empty uses the feed's own title.
	// Key "campaigns[i].feeds[j].name".
	Name string `yaml:"name"`
}

// Default returns the shipped configuration. Every default lives in this
// one literal.
func Default() Config {
	return Config{
		DB:                   "sqlite:strikebot.db",
		Listen:               "127.0.0.1:9090",
		Log:                  Log{Level: "info", Format: "auto"},
		MemoryLimit:          defaultMemoryLimit,
		AllowPrivateNetworks: false,
		Poll: Poll{
			Interval:       15 * time.Minute,
			Jitter:         0.1,
			Timeout:        30 * time.Second,
			MaxBody:        10 * MiB,
			MaxItems:       100,
			MaxRedirects:   5,
			Concurrency:    8,
			MaxBackoff:     6 * time.Hour,
			AnnounceWindow: 24 * time.Hour,
			FullText:       true,
			SnippetWords:   80,
			UserAgent:      "",
		},
		Summarizer: Summarizer{
			URL:     "",
			Model:   "",
			APIKey:  "",
			Timeout: 10 * time.Second,
		},
		Slack: Slack{
			BotToken:      "",
			AppToken:      "",
			SigningSecret: "",
			Mode:          "socket",
			Listen:        ":8080",
			Workspaces:    []string{},
			APIURL:        "https://slack.com/api/",
		},
		Discord: Discord{
			BotToken:      "",
			ApplicationID: "",
			PublicKey:     "",
			Mode:          "gateway",
			Listen:        ":8080",
			Guilds:        []string{},
			Commands:      "global",
			APIURL:        "https://discord.com/api/v9/",
		},
		Bot: Bot{
			Captains:       []string{},
			OpsChannel:     "",
			RateLimit:      10,
			FloodThreshold: 5,
			RetryMax:       30 * time.Minute,
			DeliveryLease:  2 * time.Minute,
			FeedAlertAfter: 24 * time.Hour,
		},
		CampaignSpecs: []CampaignSpec{{
			ID:       "kaiser-nuhw-socal",
			Name:     "Kaiser Permanente mental health strike (NUHW, Southern California)",
			TimeZone: "America/Los_Angeles",
			Feeds: []FeedSpec{
				{
					URL:  "https://news.google.com/rss/search?q=%22Kaiser%22+%22mental+health%22+strike+NUHW&hl=en-US&gl=US&ceid=US:en",
					Name: "Google News: Kaiser mental health strike",
				},
				{
					URL:  "https://nuhw.org/feed/",
					Name: "NUHW news",
				},
			},
			Relevance: kaiserProfile(),
			FAQ:       kaiserFAQ(),
		}},
	}
}

// Campaigns returns the configured campaigns as domain values, in
// configuration order. The result shares no memory with c. A time zone
// that does not load (Validate reports it) is left nil: UTC.
func (c Config) Campaigns() []strike.Campaign {
	out := make([]strike.Campaign, 0, len(c.CampaignSpecs))
	for _, s := range c.CampaignSpecs {
		feeds := make([]strike.FeedSource, 0, len(s.Feeds))
		for _, f := range s.Feeds {
			feeds = append(feeds, strike.FeedSource{URL: f.URL, Name: f.Name})
		}
		loc, _ := loadZone(s.TimeZone)
		out = append(out, strike.Campaign{
			ID:        s.ID,
			Name:      s.Name,
			Feeds:     feeds,
			Relevance: deepCopy(s.Relevance),
			FAQ:       deepCopy(s.FAQ),
			Location:  loc,
		})
	}
	return out
}

// loadZone loads a campaign's time zone by its IANA name. Empty gives
// nil (UTC); so does an error. "Local", the zone of whatever machine the
// bot runs on, is not a campaign's zone.
func loadZone(name string) (*time.Location, error) {
	switch name {
	case "":
		return nil, nil
	case "Local":
		return nil, errors.New("config: the machine's local zone is not a campaign's")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("config: time zone %q: %w", name, err)
	}
	return loc, nil
}

// kaiserFAQ returns the default campaign's FAQ: answers that stay true for
// the whole campaign, so that they never contradict the news.
func kaiserFAQ() []strike.FAQ {
	return []strike.FAQ{
		{
			Question: "Who is on strike?",
			Answer: "About 2,400 mental health workers at Kaiser Permanente in Southern California: " +
				"psychologists, therapists, clinical social workers, psychiatric nurses and addiction " +
				"medicine counselors, represented by the National Union of Healthcare Workers (NUHW).",
			Keywords: []string{"which workers", "strikers"},
		},
		{
			Question: "Where can I read the union's own updates?",
			Answer:   "NUHW posts its news at https://nuhw.org/ and the bot follows that feed too.",
			Keywords: []string{"union website", "nuhw.org"},
		},
	}
}

// defaultMemoryLimit is memory_limit's default with SQLite.
const defaultMemoryLimit = 40 * MiB

// PostgresMemoryLimit is memory_limit's default when the database is
// PostgreSQL. SQLite's page cache lives in the process beside Go's memory
// (so 40 MiB of Go memory made a first ingest of 50,000 items peak at
// 75 MB); PostgreSQL's lives in the server, and with it the same ingest
// peaked at 58 MB and spent part of its time collecting garbage and
// returning memory at the limit. At 64 MiB it peaked at 77 MB and ran
// 0.4 to 2.6 s faster in three interleaved rounds.
const PostgresMemoryLimit = 64 * MiB

// ProcessMemoryLimit returns the memory limit the process takes:
// memory_limit as set, else its default for the database, larger for
// PostgreSQL (PostgresMemoryLimit) than for SQLite.
func (c Config) ProcessMemoryLimit() Size {
	if c.memoryLimitSet || c.MemoryLimit != defaultMemoryLimit || c.DB == "" || strings.HasPrefix(c.DB, "sqlite:") {
		return c.MemoryLimit
	}
	return PostgresMemoryLimit
}
