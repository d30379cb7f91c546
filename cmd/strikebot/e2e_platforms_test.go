package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/config"
)

// freeAddr returns a loopback address nothing listens on (just now).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// rewriteConfig loads the e2e configuration at path, changes it, and
// writes it back.
func rewriteConfig(t *testing.T, path string, change func(*config.Config)) {
	t.Helper()
	cfg, err := config.Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	change(&cfg)
	text, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, text, 0o600); err != nil {
		t.Fatal(err)
	}
}

// socketMode switches the e2e configuration to Socket Mode, with /healthz on
// a free port, and returns the /healthz URL.
func socketMode(t *testing.T, fake *slackfake.Server, path string) string {
	t.Helper()
	addr := freeAddr(t)
	rewriteConfig(t, path, func(c *config.Config) {
		c.Slack.Mode = "socket"
		c.Slack.AppToken = fake.AppToken()
		c.Slack.SigningSecret = ""
		c.Listen = addr
	})
	return "http://" + addr + "/healthz"
}

// getHealth reads /healthz; ok is false while nothing answers.
func getHealth(url string) (health, bool) {
	resp, err := http.Get(url)
	if err != nil {
		return health{}, false
	}
	defer resp.Body.Close()
	var h health
	if json.NewDecoder(resp.Body).Decode(&h) != nil {
		return health{}, false
	}
	return h, true
}

// TestE2EHealthzShowsSlackRetryingWhileDown: Slack is down when the bot
// starts; the bot runs anyway, /healthz says Slack is retrying (since
// when, why) and the bot degraded, and once Slack is back it connects and
// posts everything.
func TestE2EHealthzShowsSlackRetryingWhileDown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath := e2eSetup(t)
	healthz := socketMode(t, fake, cfgPath)
	if err := fake.SetMode(slackfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	bot := startBot(t, cfgPath)
	var h health
	waitUntil(t, 30*time.Second, "healthz saying Slack retries", func() bool {
		var ok bool
		h, ok = getHealth(healthz)
		return ok && h.Platforms["slack"].State == "retrying"
	}, bot.err.String)
	if h.Status != "degraded" || h.Platforms["slack"].Since.IsZero() || h.Platforms["slack"].Reason == "" {
		t.Errorf("healthz while Slack is down: %+v", h)
	}
	waitUntil(t, 30*time.Second, "the outbox filling", func() bool { h, _ = getHealth(healthz); return h.Outbox.Pending == 3 }, bot.err.String)
	// The healthcheck command sees it too: answering, but degraded.
	out, err := exec.Command(binary(t), "healthcheck", "--url", healthz, "--strict").CombinedOutput()
	if err == nil || !strings.Contains(string(out), `"degraded"`) {
		t.Errorf("healthcheck --strict while Slack is down: %v\n%s", err, out)
	}
	if err := fake.SetMode(slackfake.Up); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 60*time.Second, "Slack connected and the posts out", func() bool {
		h, _ = getHealth(healthz)
		return h.Platforms["slack"].State == "connected" && len(fake.Posts()) >= 3 && h.Outbox.Pending == 0
	}, bot.err.String)
	if out, err := exec.Command(binary(t), "healthcheck", "--config", cfgPath, "--strict").CombinedOutput(); err != nil {
		t.Errorf("healthcheck once Slack is back: %v\n%s", err, out)
	}
	bot.stop(t)
	logs := bot.err.String()
	if strings.Count(logs, "slack: retrying") > 2 {
		t.Errorf("the outage is logged %d times, want once or twice:\n%s", strings.Count(logs, "slack: retrying"), logs)
	}
	for _, want := range []string{"slack: on", "slack: connected"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// TestE2ERefusedTokenAtStart: a token Slack refuses is a configuration
// error naming the key and what to do: exit 2, before anything is polled.
func TestE2ERefusedTokenAtStart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	for _, tc := range []struct {
		name, key, hint string
		change          func(*config.Config)
		revoke          bool
	}{
		{"bot token", "slack.bot_token", "OAuth & Permissions", func(c *config.Config) { c.Slack.BotToken = "xoxb-wrong" }, false},
		{"app token", "slack.app_token", "App-Level Tokens", func(c *config.Config) { c.Slack.AppToken = "xapp-wrong" }, false},
		{"revoked", "slack.bot_token", "reinstall the app", func(*config.Config) {}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake, cfgPath := e2eSetup(t)
			socketMode(t, fake, cfgPath)
			rewriteConfig(t, cfgPath, tc.change)
			if tc.revoke {
				fake.RevokeTokens()
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, binary(t), "run", "--config", cfgPath)
			cmd.Env = append(os.Environ(), "STRIKEBOT_LOG_FORMAT=text")
			out, err := cmd.CombinedOutput()
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != exitUsage {
				t.Fatalf("run: %v, want exit %d\n%s", err, exitUsage, out)
			}
			if !strings.Contains(string(out), "Slack refused "+tc.key) || !strings.Contains(string(out), tc.hint) {
				t.Errorf("output does not name %s and what to do:\n%s", tc.key, out)
			}
			if strings.Contains(string(out), "xoxb-wrong") || strings.Contains(string(out), "xapp-wrong") {
				t.Errorf("output shows the token:\n%s", out)
			}
			if strings.Contains(string(out), "strikebot running") || strings.Contains(string(out), "▶") {
				t.Errorf("the bot started anyway:\n%s", out)
			}
		})
	}
}

// TestE2ETokenRevokedWhileRunning: the app is uninstalled while the bot
// runs. Slack stops (the log and /healthz say so, and why), the rest goes
// on: the process keeps running and polling.
func TestE2ETokenRevokedWhileRunning(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath := e2eSetup(t)
	healthz := socketMode(t, fake, cfgPath)
	site := testFeedServer(t)
	rewriteConfig(t, cfgPath, func(c *config.Config) {
		c.CampaignSpecs[0].Feeds = append(c.CampaignSpecs[0].Feeds, config.FeedSpec{URL: site.URL + "/rss", Name: "Second Feed"})
	})
	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "connected and the first posts out", func() bool {
		h, ok := getHealth(healthz)
		return ok && h.Platforms["slack"].State == "connected" && len(fake.Posts()) >= 3
	}, bot.err.String)
	fake.RevokeTokens()
	var h health
	waitUntil(t, 30*time.Second, "healthz saying Slack is off", func() bool {
		h, _ = getHealth(healthz)
		return h.Platforms["slack"].State == "off"
	}, bot.err.String)
	if !strings.Contains(h.Platforms["slack"].Reason, "token_revoked") || h.Status != "degraded" {
		t.Errorf("healthz after the revocation: %+v", h)
	}
	opens := fake.Requests("apps.connections.open")
	time.Sleep(3 * time.Second)
	if n := fake.Requests("apps.connections.open") - opens; n > 0 {
		t.Errorf("%d more connection attempts after Slack was turned off", n)
	}
	select {
	case err := <-bot.done:
		t.Fatalf("the bot exited (%v) when Slack stopped\n%s", err, bot.err.String())
	default:
	}
	// The feeds were polled and the rest still serves: the terminal's
	// chat, on the same database, shows them.
	out, err := exec.Command(binary(t), "chat", "--config", cfgPath, "sources").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Second Feed") || strings.Contains(string(out), "not polled yet") {
		t.Errorf("chat sources while Slack is off: %v\n%s", err, out)
	}
	logs := bot.err.String()
	if !strings.Contains(logs, "slack: off; the rest of the bot goes on") || !strings.Contains(logs, "token_revoked") {
		t.Errorf("the log does not say Slack stopped and why:\n%s", logs)
	}
	bot.stop(t)
}

// TestE2EStartupLinePerPlatform: without a token, the log says Slack is
// off and how to turn it on.
func TestE2EStartupLinePerPlatform(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := e2eSetup(t)
	rewriteConfig(t, cfgPath, func(c *config.Config) { c.Slack = config.Default().Slack })
	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "running", func() bool { return strings.Contains(bot.err.String(), "strikebot running") }, bot.err.String)
	bot.stop(t)
	logs := bot.err.String()
	if n := strings.Count(logs, "slack: off"); n != 1 || !strings.Contains(logs, "set slack.bot_token") {
		t.Errorf("%d start-up lines for Slack:\n%s", n, logs)
	}
}
