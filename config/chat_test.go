package config

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestValidateChat(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   []string
	}{
		{"socket mode", func(c *Config) {
			c.Slack.BotToken, c.Slack.AppToken = "xoxb-1-2-abc", "xapp-1-A-2-def"
			c.Slack.Workspaces = []string{"T0123ABCD"}
		}, nil},
		{"http mode", func(c *Config) {
			c.Slack.BotToken, c.Slack.SigningSecret, c.Slack.Mode = "xoxb-1", "s3cret", "http"
		}, nil},
		{"wrong token prefixes", func(c *Config) {
			c.Slack.BotToken, c.Slack.AppToken = "xoxp-user-token", "xoxb-not-app"
		}, []string{
			`key "slack.bot_token": value "[redacted]" is not a bot token: allowed a bot token beginning with "xoxb-"`,
			`key "slack.app_token": value "[redacted]" is not an app-level token: allowed an app-level token beginning with "xapp-"`,
		}},
		{"socket without app token", func(c *Config) { c.Slack.BotToken = "xoxb-1" }, []string{
			`key "slack.app_token": value "" is empty while slack.mode is socket: allowed an app-level token beginning with "xapp-"`,
		}},
		{"http without secret", func(c *Config) { c.Slack.BotToken, c.Slack.Mode = "xoxb-1", "http" }, []string{
			`key "slack.signing_secret": value "" is empty while slack.mode is http: allowed the app's signing secret`,
		}},
		{"bad mode", func(c *Config) { c.Slack.Mode = "webhook" }, []string{
			`key "slack.mode": value "webhook" is unknown: allowed socket, http`,
		}},
		{"bad workspace", func(c *Config) { c.Slack.Workspaces = []string{"acme"} }, []string{
			`key "slack.workspaces[0]": value "acme" is not a Slack team ID: allowed a team ID such as "T0123ABCD"`,
		}},
		{"api url without slash", func(c *Config) { c.Slack.APIURL = "http://127.0.0.1:9/api" }, []string{
			`key "slack.api_url": value "http://127.0.0.1:9/api" does not end in /: allowed an http or https URL ending in "/", such as "https://slack.com/api/"`,
		}},
		{"captains and ops", func(c *Config) {
			c.Bot.Captains = []string{"U0123", "S0456"}
			c.Bot.OpsChannel = "slack/T0123ABCD/C0456EFGH"
		}, nil},
		{"bad captain", func(c *Config) { c.Bot.Captains = []string{"<@U1>"} }, []string{
			`key "bot.captains[0]": value "<@U1>" is not a user, group or role ID: allowed an ID of letters, digits, "_" or "-", such as "U0123ABCD" or "S0456EFGH"`,
		}},
		{"bad ops channel", func(c *Config) { c.Bot.OpsChannel = "#ops" }, []string{
			`key "bot.ops_channel": value "#ops" is not a destination: allowed "slack/TEAM/CHANNEL" such as "slack/T0123ABCD/C0456EFGH", "discord/GUILD/CHANNEL" such as "discord/1034567890123456789/1045678901234567890", or empty`,
		}},
		{"discord ops channel", func(c *Config) { c.Bot.OpsChannel = "discord/1034567890123456789/1045678901234567890" }, nil},
		{"discord ops channel with a name", func(c *Config) { c.Bot.OpsChannel = "discord/1034567890123456789/ops" }, []string{
			`key "bot.ops_channel": value "discord/1034567890123456789/ops" is not a destination: allowed "slack/TEAM/CHANNEL" such as "slack/T0123ABCD/C0456EFGH", "discord/GUILD/CHANNEL" such as "discord/1034567890123456789/1045678901234567890", or empty`,
		}},
		{"discord gateway", func(c *Config) {
			c.Discord.BotToken = discordToken
			c.Discord.ApplicationID = "1023456789012345678"
			c.Discord.Guilds = []string{"1034567890123456789"}
			c.Bot.Captains = []string{"1056789012345678901"}
		}, nil},
		{"discord http", func(c *Config) {
			c.Discord.BotToken, c.Discord.Mode, c.Discord.Commands = discordToken, "http", "guild"
			c.Discord.ApplicationID, c.Discord.PublicKey = "1023456789012345678", strings.Repeat("ab", 32)
			c.Discord.Guilds = []string{"1034567890123456789"}
		}, nil},
		{"discord http without key, id and guilds", func(c *Config) {
			c.Discord.BotToken, c.Discord.Mode, c.Discord.Listen = discordToken, "http", ""
		}, []string{
			`key "discord.application_id": value "" is empty while discord.bot_token is set: allowed the digits of "Application ID" in the Developer Portal's General Information`,
			`key "discord.guilds": value "[]" is empty while discord.bot_token is set: allowed the IDs of the servers the bot serves (Developer Mode → right-click the server → Copy Server ID)`,
			`key "discord.public_key": value "" is empty while discord.mode is http: allowed the 64 hex digits of "Public Key" in the Developer Portal's General Information`,
			`key "discord.listen": value "" is empty while discord.mode is http: allowed host:port such as ":8080"`,
		}},
		{"discord bad values", func(c *Config) {
			c.Discord.Mode, c.Discord.Commands = "websocket", "everywhere"
			c.Discord.ApplicationID, c.Discord.PublicKey = "my-app", "not-hex"
			c.Discord.Guilds = []string{"Picket HQ"}
			c.Discord.APIURL = "ftp://discord.example/api"
		}, []string{
			`key "discord.mode": value "websocket" is unknown: allowed gateway, http`,
			`key "discord.commands": value "everywhere" is unknown: allowed global, guild`,
			`key "discord.application_id": value "my-app" is not an application ID: allowed the digits of "Application ID" in the Developer Portal's General Information`,
			`key "discord.public_key": value "not-hex" is not a public key: allowed the 64 hex digits of "Public Key" in the Developer Portal's General Information`,
			`key "discord.guilds[0]": value "Picket HQ" is not a Discord server ID: allowed a server (guild) ID of digits such as "1034567890123456789"`,
			`key "discord.api_url": value "ftp://discord.example/api" is not an http or https URL: allowed an http or https URL with a host`,
		}},
		{"discord token with prefix", func(c *Config) {
			c.Discord.BotToken = "Bot " + discordToken
			c.Discord.ApplicationID, c.Discord.Guilds = "1023456789012345678", []string{"1034567890123456789"}
		}, []string{
			`key "discord.bot_token": value "[redacted]" begins with a prefix: allowed the token alone, without "Bot "`,
		}},
		{"discord token of another shape", func(c *Config) {
			c.Discord.BotToken = "xoxb-1-2-abc"
			c.Discord.ApplicationID, c.Discord.Guilds = "1023456789012345678", []string{"1034567890123456789"}
		}, []string{
			`key "discord.bot_token": value "[redacted]" is not a bot token: allowed the bot's token from the Developer Portal (Bot → Reset Token): three parts joined by dots`,
		}},
		{"limits", func(c *Config) {
			c.Bot.RateLimit, c.Bot.FloodThreshold, c.Bot.RetryMax = 0, 5000, 48*time.Hour
		}, []string{
			`key "bot.rate_limit": value "0" is too small: allowed 1 to 600`,
			`key "bot.flood_threshold": value "5000" is too large: allowed 1 to 1000`,
			`key "bot.retry_max": value "48h" is too long: allowed 1s to 24h`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			tc.change(&c)
			got := fieldErrors(t, c.Validate())
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// discordToken has the shape of a Discord bot token; it is not one.
const discordToken = "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GfakeA.fakefakefakefakefakefakefakefakefake00"

// TestDiscordTokenNeverShown checks that no error, redacted view or
// environment error shows Discord's token.
func TestDiscordTokenNeverShown(t *testing.T) {
	c := Default()
	c.Discord.BotToken = "Bot SECRETVALUE.abcd.SECRETVALUESECRETVALUE"
	var text strings.Builder
	if err := c.Validate(); err != nil {
		text.WriteString(err.Error())
	}
	y, err := c.Redacted().YAML()
	if err != nil {
		t.Fatal(err)
	}
	text.Write(y)
	if strings.Contains(text.String(), "SECRETVALUE") {
		t.Errorf("a secret is shown:\n%s", text.String())
	}
	dir := t.TempDir()
	path := dir + "/token"
	if err := os.WriteFile(path, []byte(discordToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"STRIKEBOT_DISCORD_BOT_TOKEN_FILE": path,
		"STRIKEBOT_DISCORD_APPLICATION_ID": "1023456789012345678",
		"STRIKEBOT_DISCORD_GUILDS":         "[1034567890123456789]",
	}
	got, err := load(nil, "test", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatalf("load from the environment: %v", err)
	}
	if got.Discord.BotToken != discordToken || !got.Discord.Enabled() || got.Discord.Guilds[0] != "1034567890123456789" {
		t.Errorf("Discord from the environment = %+v", got.Discord)
	}
}

// TestSlackTokensNeverShown checks that no error or redacted view shows a token.
func TestSlackTokensNeverShown(t *testing.T) {
	const bot, app, secret = "xoxp-SECRETVALUE1", "xapp-SECRETVALUE2", "SECRETVALUE3"
	c := Default()
	c.Slack.BotToken, c.Slack.AppToken, c.Slack.SigningSecret = bot, app, secret
	var text strings.Builder
	if err := c.Validate(); err != nil {
		text.WriteString(err.Error())
	}
	y, err := c.Redacted().YAML()
	if err != nil {
		t.Fatal(err)
	}
	text.Write(y)
	if strings.Contains(text.String(), "SECRETVALUE") {
		t.Errorf("a secret is shown:\n%s", text.String())
	}
	env := map[string]string{"STRIKEBOT_SLACK_BOT_TOKEN": "nope-SECRETVALUE4"}
	_, err = load(nil, "test", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err == nil || strings.Contains(err.Error(), "SECRETVALUE") {
		t.Errorf("load with a bad token: %v", err)
	}
}
