package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// These tests run the real binary against a fake Slack and a fake news
// site on 127.0.0.1, and kill it the hard way.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds strikebot once for the package's tests.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "strikebot-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "strikebot")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// threeStoriesFeed is three events of the strike weeks apart: three
// stories, each a phase change, so three posts to every subscribed channel.
func threeStoriesFeed(now time.Time) string {
	item := func(guid, title, desc string, ago time.Duration) string {
		return fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>http://example.org/%s</link><pubDate>%s</pubDate><description>%s</description></item>`,
			guid, title, guid, now.Add(-ago).Format(time.RFC1123Z), desc)
	}
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbor Test Times</title><link>http://example.org/</link>` +
		item("deal", "Kaiser mental health workers reach tentative agreement to end strike",
			"Kaiser Permanente and the National Union of Healthcare Workers reached a tentative agreement on Monday to end the strike by about 2,400 mental health workers in Southern California, the union said. Members will vote on ratification next month.", 24*time.Hour) +
		item("mediation", "Kaiser and striking therapists begin mediation",
			"Kaiser Permanente and the National Union of Healthcare Workers began mediation on Monday in the strike by mental health workers across Southern California, as picket lines continued outside clinics.", 20*24*time.Hour) +
		item("strike", "Kaiser mental health workers go on strike across Southern California",
			"About 2,400 Kaiser Permanente mental health workers, members of the National Union of Healthcare Workers, went on strike on Monday, picketing outside clinics from San Diego to Bakersfield over staffing and pay.", 40*24*time.Hour) +
		`</channel></rss>`
}

// e2eSetup starts the fake Slack and news site, subscribes a channel, and
// writes the bot's configuration. It returns the config path.
func e2eSetup(t *testing.T) (*slackfake.Server, string) {
	t.Helper()
	fake, err := slackfake.New(slackfake.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(fake.Close)
	fake.AddChannel("C0PICKET1", true)

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
	sub := strike.Subscription{
		Destination: strike.Destination{Platform: "slack", Workspace: fake.TeamID(), Channel: "C0PICKET1"},
		CampaignID:  cfg.CampaignSpecs[0].ID, Mode: strike.ModeCore, TimeZone: "UTC",
		CreatedBy: "U0CAPTAIN", CreatedAt: time.Now(),
	}
	if err := db.SaveSubscription(context.Background(), sub); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cfg.DB = "sqlite:" + dbPath
	cfg.Listen = ""
	cfg.AllowPrivateNetworks = true
	cfg.Poll.FullText = false
	cfg.Poll.AnnounceWindow = 0 // announce the feed's whole backlog
	cfg.CampaignSpecs[0].Feeds = []config.FeedSpec{{URL: site.URL + "/rss", Name: "Harbor Test Times"}}
	cfg.Slack.BotToken = fake.BotToken()
	cfg.Slack.Mode = "http"
	cfg.Slack.SigningSecret = "e2e-signing-secret"
	cfg.Slack.Listen = "127.0.0.1:0"
	cfg.Slack.Workspaces = []string{fake.TeamID()}
	cfg.Slack.APIURL = fake.APIURL()
	cfg.Bot.DeliveryLease = 2 * time.Second
	cfg.Bot.RetryMax = 2 * time.Second
	text, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "strikebot.yaml")
	if err := os.WriteFile(path, text, 0o600); err != nil {
		t.Fatal(err)
	}
	return fake, path
}

// bot is a running strikebot process.
type botProcess struct {
	cmd      *exec.Cmd
	out, err *syncBuffer
	done     chan error
}

func startBot(t *testing.T, cfgPath string) *botProcess {
	t.Helper()
	p := &botProcess{cmd: exec.Command(binary(t), "run", "--config", cfgPath), out: &syncBuffer{}, err: &syncBuffer{}, done: make(chan error, 1)}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.err
	p.cmd.Env = append(os.Environ(), "STRIKEBOT_LOG_FORMAT=text")
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// stop ends the process with SIGTERM and expects a clean exit.
func (p *botProcess) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		p.done <- err // for the cleanup
		if err != nil {
			t.Errorf("bot exited with %v after SIGTERM\nstderr:\n%s", err, p.err.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("bot did not stop within 15s of SIGTERM\nstderr:\n%s", p.err.String())
	}
}

func waitUntil(t *testing.T, d time.Duration, what string, cond func() bool, logs func() string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s\nbot log:\n%s", what, d, logs())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// postTitles returns the story headline each post leads with, in order.
func postTitles(fake *slackfake.Server) []string {
	var out []string
	for _, p := range fake.Posts() {
		out = append(out, p.Text)
	}
	return out
}

// assertEachStoryOnce checks the channel got exactly one post per story.
func assertEachStoryOnce(t *testing.T, fake *slackfake.Server, logs string) {
	t.Helper()
	posts := postTitles(fake)
	if len(posts) != 3 {
		t.Fatalf("channel got %d posts, want 3:\n%s\nbot log:\n%s", len(posts), strings.Join(posts, "\n"), logs)
	}
	for _, want := range []string{"go on strike", "begin mediation", "tentative agreement"} {
		n := 0
		for _, p := range posts {
			if strings.Contains(p, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d posts mention %q, want 1:\n%s", n, want, strings.Join(posts, "\n"))
		}
	}
	if n := fake.RateLimited(); n != 0 {
		t.Errorf("fake Slack answered %d requests with 429", n)
	}
}

func TestE2EKilledMidDeliveryLosesNothingDuplicatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath := e2eSetup(t)

	// The first post reaches Slack, but its answer never reaches the bot:
	// the process is killed while it waits.
	fake.Hold()
	first := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "first post sent", func() bool { return len(fake.Posts()) == 1 }, first.err.String)
	first.cmd.Process.Signal(syscall.SIGKILL)
	<-first.done
	first.done <- nil
	fake.Release()

	second := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "all three stories posted", func() bool { return len(fake.Posts()) >= 3 }, second.err.String)
	time.Sleep(3 * time.Second) // a duplicate would show up within a lease or two
	second.stop(t)
	assertEachStoryOnce(t, fake, first.err.String()+"\n--- restart ---\n"+second.err.String())
}

func TestE2ESlackDownForAWhile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath := e2eSetup(t)
	if err := fake.SetMode(slackfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the bot tried to post", func() bool {
		return fake.Requests("chat.postMessage")+fake.Requests("conversations.history") >= 3
	}, bot.err.String)
	time.Sleep(3 * time.Second) // Slack stays down across several retries
	if n := len(fake.Posts()); n != 0 {
		t.Fatalf("%d posts recorded while Slack was down", n)
	}
	if err := fake.SetMode(slackfake.Up); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 30*time.Second, "all three stories posted after Slack came back", func() bool { return len(fake.Posts()) >= 3 }, bot.err.String)
	time.Sleep(2 * time.Second)
	bot.stop(t)
	assertEachStoryOnce(t, fake, bot.err.String())

	// And in the order things happened.
	posts := postTitles(fake)
	if !strings.Contains(posts[0], "go on strike") || !strings.Contains(posts[2], "tentative agreement") {
		t.Errorf("posts out of order:\n%s", strings.Join(posts, "\n"))
	}
}

func TestE2ESecondRunOnOneSQLiteFileRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, cfgPath := e2eSetup(t)
	first := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the first bot running", func() bool { return strings.Contains(first.err.String(), "strikebot running") }, first.err.String)

	second := exec.Command(binary(t), "run", "--config", cfgPath)
	second.Env = append(os.Environ(), "STRIKEBOT_LOG_FORMAT=text")
	out, err := second.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != exitFailure {
		t.Fatalf("second run: err %v, want exit %d\n%s", err, exitFailure, out)
	}
	pid := fmt.Sprint(first.cmd.Process.Pid)
	for _, want := range []string{"in use by another running bot (process " + pid + ")", "SQLite serves one running bot", "PostgreSQL"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("second run's message lacks %q:\n%s", want, out)
		}
	}
	// Reading commands still work while the bot runs.
	if out, err := exec.Command(binary(t), "audit", "--config", cfgPath).CombinedOutput(); err != nil {
		t.Errorf("audit while the bot runs: %v\n%s", err, out)
	}
	// Killed the hard way, the first leaves no stale lock behind.
	first.cmd.Process.Signal(syscall.SIGKILL)
	<-first.done
	first.done <- nil
	third := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "a new bot running after a kill", func() bool { return strings.Contains(third.err.String(), "strikebot running") }, third.err.String)
	third.stop(t)
}
