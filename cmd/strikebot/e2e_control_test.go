package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/slack"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// These tests drive captains' commands into the real binary through the
// fake Slack's signed slash commands, and watch what the fake receives.

const (
	e2eSecret  = "e2e-signing-secret"
	e2eCaptain = "U0CAPTAIN"
)

// controlSetup is e2eSetup with a second subscribed channel, a captain,
// and Slack's HTTP endpoint on a known address; it returns the address
// to send slash commands to.
func controlSetup(t *testing.T) (*slackfake.Server, string, string) {
	t.Helper()
	fake, cfgPath := e2eSetup(t)
	fake.AddChannel("C0PICKET2", true)
	listen := freeAddr(t)
	rewriteConfig(t, cfgPath, func(c *config.Config) {
		c.Slack.Listen = listen
		c.Bot.Captains = []string{e2eCaptain}
		dbPath := strings.TrimPrefix(c.DB, "sqlite:")
		db, err := sqlite.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.SaveSubscription(context.Background(), strike.Subscription{
			Destination: strike.Destination{Platform: "slack", Workspace: fake.TeamID(), Channel: "C0PICKET2"},
			CampaignID:  c.CampaignSpecs[0].ID, Mode: strike.ModeCore, TimeZone: "America/Los_Angeles", CreatedBy: e2eCaptain, CreatedAt: time.Now(),
		}); err != nil {
			t.Fatal(err)
		}
	})
	return fake, cfgPath, "http://" + listen
}

// slash sends a signed /strike command as user in channel and returns the
// answer: the immediate one, or the one that follows through the
// response_url when the immediate one only says it is working on it.
func slash(t *testing.T, fake *slackfake.Server, base, channel, user, text string) string {
	t.Helper()
	respond := fake.NewResponseURL()
	form := url.Values{"command": {"/strike"}, "text": {text}, "team_id": {fake.TeamID()}, "channel_id": {channel},
		"user_id": {user}, "user_name": {strings.ToLower(user)}, "response_url": {respond}, "trigger_id": {"1"}}
	body := form.Encode()
	var answer string
	deadline := time.Now().Add(20 * time.Second)
	for {
		req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(body))
		for k, v := range slack.Sign(time.Now(), []byte(body), e2eSecret) {
			req.Header[k] = v
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			answer = string(b)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("slash %q: %v", text, err)
		}
		time.Sleep(100 * time.Millisecond) // the bot is still starting
	}
	if !strings.Contains(answer, "Working on it") {
		return answer
	}
	for time.Now().Before(deadline) {
		if rs := fake.Responses(respond); len(rs) > 0 {
			b, _ := json.Marshal(rs[len(rs)-1].Body)
			return string(b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("slash %q: no answer through the response_url", text)
	return ""
}

// storyOf reads, from the bot's database, the story of the article whose
// title holds title.
func storyOf(t *testing.T, cfgPath, title string) (article, story int64) {
	t.Helper()
	cfg, err := config.Load(cfgPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), strings.TrimPrefix(cfg.DB, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as, err := db.Articles(context.Background(), strike.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if strings.Contains(a.Title, title) {
			return a.ID, a.StoryID
		}
	}
	t.Fatalf("no article %q stored", title)
	return 0, 0
}

// TestE2ERetractEditsEveryPostOnce: a captain retracts a story from
// chat; its post in each of the two channels is edited once, with
// chat.update, to the retraction line; the other posts are untouched;
// the audit log has who and why.
func TestE2ERetractEditsEveryPostOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath, base := controlSetup(t)
	bot := startBot(t, cfgPath)
	waitUntil(t, 60*time.Second, "three posts in each channel", func() bool { return len(fake.Posts()) >= 6 }, bot.err.String)
	_, story := storyOf(t, cfgPath, "begin mediation")

	// A supporter cannot.
	if got := slash(t, fake, base, "C0PICKET1", "U0SUPPORTER", fmt.Sprintf("retract %d", story)); !strings.Contains(got, "Only the strike captains") {
		t.Errorf("a supporter's retract: %s", got)
	}
	got := slash(t, fake, base, "C0PICKET1", e2eCaptain, fmt.Sprintf("retract %d reported the wrong talks", story))
	if !strings.Contains(got, "retracted") || !strings.Contains(got, "2 posts in 2 channels") {
		t.Fatalf("retract: %s\n%s", got, bot.err.String())
	}
	waitUntil(t, 30*time.Second, "both posts edited", func() bool { return len(fake.Edits()) >= 2 }, bot.err.String)
	// A second retract, and time for a duplicate to show: still one edit per post.
	slash(t, fake, base, "C0PICKET2", e2eCaptain, fmt.Sprintf("retract %d", story))
	time.Sleep(3 * time.Second)
	bot.stop(t)

	edits := fake.Edits()
	if len(edits) != 2 {
		t.Fatalf("%d edits, want 2: %+v", len(edits), edits)
	}
	seen := map[string]bool{}
	for _, e := range edits {
		if seen[e.Channel] || e.Text != "Retracted by a captain." {
			t.Errorf("edit %+v", e)
		}
		seen[e.Channel] = true
	}
	posts := fake.Posts()
	if len(posts) != 6 {
		t.Errorf("%d posts, want the 6 of before", len(posts))
	}
	retracted := 0
	for _, p := range posts {
		switch {
		case p.Text == "Retracted by a captain.":
			retracted++
			if !strings.Contains(string(p.Blocks), "~Kaiser and striking therapists begin mediation~") {
				t.Errorf("retracted post's blocks: %s", p.Blocks)
			}
		case strings.Contains(p.Text, "begin mediation"):
			t.Errorf("a post of the story is left as it was: %q", p.Text)
		}
	}
	if retracted != 2 {
		t.Errorf("%d retracted posts, want 2", retracted)
	}
	out, err := exec.Command(binary(t), "audit", "--config", cfgPath).CombinedOutput()
	if err != nil || !regexp.MustCompile(`U0CAPTAIN\s+retract \d+ reported the wrong talks\s+ok: 2 posts in 2 channels`).Match(out) {
		t.Errorf("audit: %v\n%s", err, out)
	}
}

// TestE2EVerdictSurvivesRestart: a captain rules a strike story not news
// (its posts are retracted) and an article the bot skipped strike news
// (it is posted); after a restart nothing is undone or posted again, and
// "why" still says a captain set it.
func TestE2EVerdictSurvivesRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath, base := controlSetup(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Notes</title><link>http://example.org/</link>
<item><guid>rally</guid><title>Therapists and patients gather downtown</title><link>http://example.org/rally</link><pubDate>%s</pubDate>
<description>Hundreds of therapists and their patients gathered downtown on Saturday to ask for shorter waits between appointments.</description></item>
</channel></rss>`, time.Now().Add(-2*time.Hour).UTC().Format(time.RFC1123Z))
	}))
	defer site.Close()
	rewriteConfig(t, cfgPath, func(c *config.Config) {
		c.CampaignSpecs[0].Feeds = append(c.CampaignSpecs[0].Feeds, config.FeedSpec{URL: site.URL + "/rss", Name: "Valley Notes"})
	})
	bot := startBot(t, cfgPath)
	waitUntil(t, 60*time.Second, "three posts in each channel", func() bool { return len(fake.Posts()) >= 6 }, bot.err.String)
	rally, rallyStory := storyOf(t, cfgPath, "gather downtown")
	if rallyStory != 0 {
		t.Fatalf("the rally was scored strike news on its own; the test needs an article the bot skips")
	}
	if got := slash(t, fake, base, "C0PICKET1", e2eCaptain, fmt.Sprintf("verdict %d strike", rally)); !strings.Contains(got, "Verdict recorded") {
		t.Fatalf("verdict strike: %s\n%s", got, bot.err.String())
	}
	waitUntil(t, 30*time.Second, "the rally posted in both channels", func() bool { return len(fake.Posts()) >= 8 }, bot.err.String)
	deal, _ := storyOf(t, cfgPath, "tentative agreement")
	if got := slash(t, fake, base, "C0PICKET1", e2eCaptain, fmt.Sprintf("verdict %d not", deal)); !strings.Contains(got, "not strike news") {
		t.Fatalf("verdict not: %s\n%s", got, bot.err.String())
	}
	waitUntil(t, 30*time.Second, "the agreement's posts retracted", func() bool { return len(fake.Edits()) >= 2 }, bot.err.String)
	// What the first run still had to deliver (a busy machine may leave
	// an edit in flight) is delivered before it stops, so that the count
	// after the restart is the restart's alone.
	quietFor(t, 3*time.Second, 30*time.Second, func() int { return len(fake.Posts()) + len(fake.Edits()) })
	bot.stop(t)
	posts, edits := len(fake.Posts()), len(fake.Edits())

	// Restarted, the bot keeps to both verdicts: nothing more is posted
	// or edited, and the story and its status say so.
	again := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "running again", func() bool { return strings.Contains(again.err.String(), "strikebot running") }, again.err.String)
	time.Sleep(4 * time.Second)
	if got := slash(t, fake, base, "C0PICKET1", "U0SUPPORTER", fmt.Sprintf("why %d", rally)); !strings.Contains(got, "Set by a captain: u0captain ruled it strike news") {
		t.Errorf("why after the restart: %s", got)
	}
	if got := slash(t, fake, base, "C0PICKET1", "U0SUPPORTER", fmt.Sprintf("why %d", deal)); !strings.Contains(got, "ruled it not strike news") {
		t.Errorf("why of the ruled-out article after the restart: %s", got)
	}
	status := slash(t, fake, base, "C0PICKET1", "U0SUPPORTER", "status")
	again.stop(t)
	if n, e := len(fake.Posts()), len(fake.Edits()); n != posts || e != edits {
		t.Errorf("after the restart %d posts and %d edits, want %d and %d", n, e, posts, edits)
		for _, ed := range fake.Edits()[min(edits, e):] {
			t.Logf("edit after the restart: %s %s at %s: %q", ed.Channel, ed.TS, ed.At.Format(time.RFC3339Nano), ed.Text)
		}
		for _, p := range fake.Posts()[min(posts, n):] {
			t.Logf("post after the restart: %q", p.Text)
		}
	}
	if strings.Contains(strings.ToLower(status), "tentative") {
		t.Errorf("the status still reports the ruled-out agreement: %s", status)
	}
}

// TestE2EPausedFeedIsNotFetched: a feed a captain paused is not fetched
// while the bot runs (its other feed is), and is fetched again soon after
// a captain resumes it.
func TestE2EPausedFeedIsNotFetched(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath, base := controlSetup(t)
	var hits atomic.Int64
	paused := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Paused Post</title><link>http://example.org/</link></channel></rss>`)
	}))
	defer paused.Close()
	feedURL := paused.URL + "/rss"
	rewriteConfig(t, cfgPath, func(c *config.Config) {
		c.CampaignSpecs[0].Feeds = append(c.CampaignSpecs[0].Feeds, config.FeedSpec{URL: feedURL, Name: "Paused Post"})
	})
	// Paused from the terminal before the bot starts.
	out, err := exec.Command(binary(t), "chat", "--config", cfgPath, "feeds pause "+feedURL).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Feed paused") {
		t.Fatalf("feeds pause: %v\n%s", err, out)
	}
	bot := startBot(t, cfgPath)
	waitUntil(t, 60*time.Second, "the other feed's posts", func() bool { return len(fake.Posts()) >= 6 }, bot.err.String)
	time.Sleep(12 * time.Second) // the paused feed is looked at again every 10 s
	if n := hits.Load(); n != 0 {
		t.Fatalf("the paused feed was fetched %d times", n)
	}
	if got := slash(t, fake, base, "C0PICKET1", "U0SUPPORTER", "sources"); !strings.Contains(got, "paused by console") {
		t.Errorf("sources while paused: %s", got)
	}
	if got := slash(t, fake, base, "C0PICKET1", e2eCaptain, "feeds resume "+feedURL); !strings.Contains(got, "Feed resumed") {
		t.Fatalf("feeds resume: %s", got)
	}
	waitUntil(t, 30*time.Second, "the resumed feed fetched", func() bool { return hits.Load() > 0 }, bot.err.String)
	bot.stop(t)
}

// TestE2EOpsAlertOncePerFailureSpell: a feed failing for longer than
// bot.feed_alert_after is told to the ops channel once, however often the
// bot looks and across a restart; once when it works again; and once more
// for a new spell of failures.
func TestE2EOpsAlertOncePerFailureSpell(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	fake, cfgPath, _ := controlSetup(t)
	fake.AddChannel("C0OPS", true)
	var failing atomic.Bool
	failing.Store(true)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky Ledger</title><link>http://example.org/</link></channel></rss>`)
	}))
	defer site.Close()
	rewriteConfig(t, cfgPath, func(c *config.Config) {
		c.CampaignSpecs[0].Feeds = []config.FeedSpec{{URL: site.URL + "/rss", Name: "Flaky Ledger"}}
		c.Bot.OpsChannel = "slack/" + fake.TeamID() + "/C0OPS"
		c.Bot.FeedAlertAfter = 2 * time.Second
	})
	ops := func(title string) int {
		n := 0
		for _, p := range fake.Posts() {
			if p.Channel == "C0OPS" && strings.Contains(p.Text, title) {
				n++
			}
		}
		return n
	}
	const down, up = "A feed has stopped working", "A feed works again"

	bot := startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the ops alert", func() bool { return ops(down) >= 1 }, bot.err.String)
	time.Sleep(3 * time.Second) // the watch looks every second
	bot.stop(t)
	again := startBot(t, cfgPath) // still failing: a restart tells nothing new
	waitUntil(t, 30*time.Second, "running again", func() bool { return strings.Contains(again.err.String(), "strikebot running") }, again.err.String)
	time.Sleep(3 * time.Second)
	again.stop(t)
	if n := ops(down); n != 1 {
		t.Fatalf("%d alerts for one spell of failures, want 1", n)
	}
	for _, p := range fake.Posts() {
		if p.Channel == "C0OPS" && !strings.Contains(p.Text, "Flaky Ledger") {
			t.Errorf("the alert does not name the feed: %q", p.Text)
		}
	}

	// The feed works again (read by "ingest"); the running bot says so once.
	failing.Store(false)
	ingest(t, cfgPath)
	bot = startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the recovery notice", func() bool { return ops(up) >= 1 }, bot.err.String)
	time.Sleep(3 * time.Second)
	bot.stop(t)

	// A new spell of failures: told once more.
	failing.Store(true)
	ingest(t, cfgPath)
	bot = startBot(t, cfgPath)
	waitUntil(t, 30*time.Second, "the second spell's alert", func() bool { return ops(down) >= 2 }, bot.err.String)
	time.Sleep(3 * time.Second)
	bot.stop(t)
	if d, u := ops(down), ops(up); d != 2 || u != 1 {
		t.Errorf("%d alerts and %d recoveries, want 2 and 1", d, u)
	}
}

// ingest polls the configuration's feeds once with the real binary.
func ingest(t *testing.T, cfgPath string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), "ingest", "--config", cfgPath)
	cmd.Env = append(os.Environ(), "STRIKEBOT_LOG_FORMAT=text")
	out, _ := cmd.CombinedOutput() // a failing feed is an exit 1, and expected here
	if !strings.Contains(string(out), "feeds read") {
		t.Fatalf("ingest: %s", out)
	}
}

// quietFor waits until count has not changed for quiet, at most limit.
func quietFor(t *testing.T, quiet, limit time.Duration, count func() int) {
	t.Helper()
	deadline := time.Now().Add(limit)
	last, since := count(), time.Now()
	for time.Since(since) < quiet {
		if time.Now().After(deadline) {
			t.Fatalf("deliveries still going on after %s", limit)
		}
		time.Sleep(100 * time.Millisecond)
		if n := count(); n != last {
			last, since = n, time.Now()
		}
	}
}
