package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/discord"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// The chat issue's end-to-end tests, for Discord: the real binary against
// a fake Discord (REST and gateway) and a fake news site on 127.0.0.1.

const e2eDiscordChannel = "1045678901234567890"

// e2eConfig writes a configuration for the fake news site and stores the
// subscriptions; change adjusts the configuration. It returns the path.
func e2eConfig(t *testing.T, subs []strike.Destination, change func(*config.Config)) string {
	t.Helper()
	body := threeStoriesFeed(time.Now().UTC())
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(site.Close)

	dir := t.TempDir()
	dbPath := filepath.Join(dir, "bot.db")
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	for _, d := range subs {
		sub := strike.Subscription{Destination: d, CampaignID: cfg.CampaignSpecs[0].ID, Mode: strike.ModeCore, TimeZone: "UTC",
			CreatedBy: "captain", CreatedAt: time.Now()}
		if err := db.SaveSubscription(context.Background(), sub); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	cfg.DB = "sqlite:" + dbPath
	cfg.Listen = ""
	cfg.AllowPrivateNetworks = true
	cfg.Poll.FullText = false
	cfg.Poll.AnnounceWindow = 0
	cfg.CampaignSpecs[0].Feeds = []config.FeedSpec{{URL: site.URL + "/rss", Name: "Harbor Test Times"}}
	cfg.Bot.DeliveryLease = 2 * time.Second
	cfg.Bot.RetryMax = 2 * time.Second
	change(&cfg)
	text, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "strikebot.yaml")
	if err := os.WriteFile(path, text, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func newDiscordFake(t *testing.T) *discordfake.Server {
	t.Helper()
	f, err := discordfake.New(discordfake.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.Close)
	f.AddChannel(e2eDiscordChannel, discordfake.Channel{})
	return f
}

func withDiscord(f *discordfake.Server) func(*config.Config) {
	return func(c *config.Config) {
		c.Discord.BotToken = f.Token()
		c.Discord.ApplicationID = f.ApplicationID()
		c.Discord.Guilds = []string{f.GuildID()}
		c.Discord.APIURL = f.URL()
	}
}

func discordDest(f *discordfake.Server) strike.Destination {
	return strike.Destination{Platform: "discord", Workspace: f.GuildID(), Channel: e2eDiscordChannel}
}

// assertDiscordStoriesOnce checks the channel got exactly one message per
// story, none with a mention allowed, in the order things happened.
func assertDiscordStoriesOnce(t *testing.T, f *discordfake.Server, logs string) {
	t.Helper()
	msgs := f.Messages(e2eDiscordChannel)
	var texts []string
	for _, m := range msgs {
		texts = append(texts, m.Text())
	}
	if len(msgs) != 3 {
		t.Fatalf("channel got %d messages, want 3:\n%s\nbot log:\n%s", len(msgs), strings.Join(texts, "\n---\n"), logs)
	}
	for _, want := range []string{"go on strike", "begin mediation", "tentative agreement"} {
		n := 0
		for _, s := range texts {
			if strings.Contains(s, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d messages mention %q, want 1", n, want)
		}
	}
	if !strings.Contains(texts[0], "go on strike") || !strings.Contains(texts[2], "tentative agreement") {
		t.Errorf("messages out of order:\n%s", strings.Join(texts, "\n---\n"))
	}
	for _, m := range msgs {
		if string(m.AllowedMentions) != `{"parse":[],"replied_user":false}` {
			t.Errorf("allowed_mentions %s", m.AllowedMentions)
		}
	}
	if n := f.RateLimited(); n != 0 {
		t.Errorf("fake Discord answered %d requests with 429", n)
	}
}

func TestE2EDiscordKilledMidDeliveryLosesNothingDuplicatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	f := newDiscordFake(t)
	cfgPath := e2eConfig(t, []strike.Destination{discordDest(f)}, withDiscord(f))

	// The first message reaches Discord, but its answer never reaches the
	// bot: the process is killed while it waits.
	f.Hold()
	first := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "first message sent", func() bool { return len(f.Messages(e2eDiscordChannel)) == 1 }, first.err.String)
	first.cmd.Process.Signal(syscall.SIGKILL)
	<-first.done
	first.done <- nil
	f.Release()

	second := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "all three stories posted", func() bool { return len(f.Messages(e2eDiscordChannel)) >= 3 }, second.err.String)
	time.Sleep(3 * time.Second) // a duplicate would show up within a lease or two
	second.stop(t)
	logs := first.err.String() + "\n--- restart ---\n" + second.err.String()
	assertDiscordStoriesOnce(t, f, logs)
	if !strings.Contains(second.err.String(), "delivery reconciled") {
		t.Errorf("the restarted bot did not find the held message by its reference:\n%s", second.err.String())
	}
	if strings.Contains(logs, f.Token()) {
		t.Error("the bot token reached the log")
	}
}

func TestE2EDiscordDownForAWhile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	f := newDiscordFake(t)
	cfgPath := e2eConfig(t, []strike.Destination{discordDest(f)}, withDiscord(f))
	if err := f.SetMode(discordfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the bot tried to post", func() bool {
		// A failed post, then lookups before posting again (who am I, the
		// channel's messages): the bot keeps trying.
		return f.Requests("create_message")+f.Requests("users_me")+f.Requests("get_messages") >= 3
	}, bot.err.String)
	time.Sleep(3 * time.Second) // Discord stays down across several retries
	if n := len(f.Messages("")); n != 0 {
		t.Fatalf("%d messages recorded while Discord was down", n)
	}
	if err := f.SetMode(discordfake.Up); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 30*time.Second, "all three stories posted after Discord came back", func() bool { return len(f.Messages(e2eDiscordChannel)) >= 3 }, bot.err.String)
	waitUntil(t, 30*time.Second, "the gateway connected", func() bool { return f.Gateway().Connected == 1 }, bot.err.String)
	time.Sleep(2 * time.Second)
	bot.stop(t)
	assertDiscordStoriesOnce(t, f, bot.err.String())
}

// TestE2ESlackAndDiscordFromOneLedger: the same stories, subscribed on a
// Slack channel and a Discord channel, go out once to each, and the bot
// answers /strike on Discord over the gateway while it runs.
func TestE2ESlackAndDiscordFromOneLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	f := newDiscordFake(t)
	sl, err := slackfake.New(slackfake.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sl.Close)
	sl.AddChannel("C0PICKET1", true)
	slackDest := strike.Destination{Platform: "slack", Workspace: sl.TeamID(), Channel: "C0PICKET1"}
	cfgPath := e2eConfig(t, []strike.Destination{discordDest(f), slackDest}, func(c *config.Config) {
		withDiscord(f)(c)
		c.Slack.BotToken = sl.BotToken()
		c.Slack.Mode = "http"
		c.Slack.SigningSecret = "e2e-signing-secret"
		c.Slack.Listen = "127.0.0.1:0"
		c.Slack.Workspaces = []string{sl.TeamID()}
		c.Slack.APIURL = sl.APIURL()
	})
	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "three posts on each platform", func() bool {
		return len(f.Messages(e2eDiscordChannel)) >= 3 && len(sl.Posts()) >= 3
	}, bot.err.String)

	// A command over the gateway while the bot runs.
	waitUntil(t, 30*time.Second, "the gateway connected", func() bool { return f.Gateway().Connected == 1 }, bot.err.String)
	id, _, payload := f.NewInteraction(discordfake.Invocation{Channel: e2eDiscordChannel, User: "1077777777777777777", Subcommand: "latest",
		Options: []discordfake.Option{{Name: "count", Value: 3}}})
	if err := f.SendInteraction(payload); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 10*time.Second, "the command answered", func() bool { return len(f.Responses(id)) >= 1 }, bot.err.String)
	if r := f.Responses(id)[0]; r.Kind != "callback" || r.Type != discordfake.CallbackMessage || len(r.Data.Embeds) != 1 ||
		!strings.Contains(r.Data.Embeds[0].Description, "tentative agreement") {
		t.Errorf("answer to /strike latest: %+v", r)
	}
	if n := f.Overwrites(""); n != 1 {
		t.Errorf("%d global command overwrites, want 1", n)
	}
	time.Sleep(3 * time.Second)
	bot.stop(t)
	assertDiscordStoriesOnce(t, f, bot.err.String())
	assertEachStoryOnce(t, sl, bot.err.String())

	// A restart registers nothing: the definition did not change.
	again := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the gateway connected again", func() bool { return f.Gateway().Identifies >= 2 }, again.err.String)
	time.Sleep(time.Second)
	again.stop(t)
	if n := f.Overwrites(""); n != 1 {
		t.Errorf("%d global command overwrites after a restart, want still 1", n)
	}
}

// TestE2EDiscordInteractionsEndpoint runs the binary in http mode, with
// Slack's HTTP endpoints on the same port: Discord's signed PING and
// command are answered, a forged one is refused, and Slack's endpoint
// answers on the same server.
func TestE2EDiscordInteractionsEndpoint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	f := newDiscordFake(t)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	cfgPath := e2eConfig(t, nil, func(c *config.Config) {
		withDiscord(f)(c)
		c.Discord.Mode, c.Discord.Listen, c.Discord.PublicKey = "http", addr, hex.EncodeToString(pub)
		c.Slack.BotToken, c.Slack.Mode, c.Slack.SigningSecret, c.Slack.Listen = "xoxb-e2e", "http", "e2e-secret", addr
		c.Slack.Workspaces, c.Slack.APIURL = []string{"T0E2E"}, "http://127.0.0.1:9/api/"
	})
	bot := startBot(t, cfgPath)
	post := func(path string, body []byte, h http.Header) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+path, bytes.NewReader(body))
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	ping := f.Ping()
	waitUntil(t, 30*time.Second, "the endpoint up", func() bool {
		code, _ := post(discord.Path, ping, discord.Sign(time.Now(), ping, priv))
		return code == http.StatusOK
	}, bot.err.String)
	if code, body := post(discord.Path, ping, discord.Sign(time.Now(), ping, priv)); code != 200 || !strings.Contains(body, `"type":1`) {
		t.Errorf("PING: %d %s", code, body)
	}
	_, _, cmd := f.NewInteraction(discordfake.Invocation{Channel: e2eDiscordChannel, User: "1077777777777777777", Subcommand: "help"})
	if code, body := post(discord.Path, cmd, discord.Sign(time.Now(), cmd, priv)); code != 200 || !strings.Contains(body, `"type":4`) || !strings.Contains(body, "subscribe") {
		t.Errorf("/strike help: %d %s", code, body)
	}
	_, otherPriv, _ := ed25519.GenerateKey(rand.Reader)
	if code, _ := post(discord.Path, cmd, discord.Sign(time.Now(), cmd, otherPriv)); code != http.StatusUnauthorized {
		t.Errorf("forged: %d, want 401", code)
	}
	if code, _ := post(discord.Path, cmd, discord.Sign(time.Now().Add(-time.Hour), cmd, priv)); code != http.StatusUnauthorized {
		t.Errorf("stale: %d, want 401", code)
	}
	if code, _ := post("/slack/commands", []byte("text=status"), nil); code != http.StatusUnauthorized {
		t.Errorf("Slack on the same port, unsigned: %d, want 401", code)
	}
	bot.stop(t)
}
