package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/strikebot/strikebot/bot/slack"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/store/postgres"
	"github.com/strikebot/strikebot/store/postgres/pgtest"
	"github.com/strikebot/strikebot/strike"
)

// replicaEvents are three events of the strike, each reported by three
// outlets in their own words: outlet i's reports make feed i.
var replicaEvents = []struct {
	ago    time.Duration
	titles [3]string
	texts  [3]string
}{
	{40 * 24 * time.Hour,
		[3]string{"Kaiser mental health workers go on strike across Southern California",
			"Thousands of Kaiser therapists walk off the job in Southern California",
			"Kaiser clinicians begin open-ended strike from San Diego to Bakersfield"},
		[3]string{"About 2,400 Kaiser Permanente mental health workers, members of the National Union of Healthcare Workers, went on strike on Monday across Southern California over staffing and pay.",
			"Therapists, psychologists and social workers at Kaiser Permanente walked off the job Monday in Southern California, their union, NUHW, said, demanding more time for patients.",
			"Mental health clinicians represented by the National Union of Healthcare Workers began an open-ended strike at Kaiser Permanente clinics in Southern California on Monday."}},
	{20 * 24 * time.Hour,
		[3]string{"Kaiser and striking therapists begin mediation",
			"Mediator joins talks in Kaiser mental health strike",
			"Mediation opens between Kaiser and NUHW as strike goes on"},
		[3]string{"Kaiser Permanente and the National Union of Healthcare Workers began mediation on Monday in the strike by mental health workers across Southern California.",
			"A state mediator joined talks on Monday between Kaiser Permanente and the union of its striking Southern California mental health workers, NUHW said.",
			"Kaiser Permanente and NUHW opened mediation on Monday, weeks into the strike by about 2,400 mental health clinicians in Southern California."}},
	{24 * time.Hour,
		[3]string{"Kaiser mental health workers reach tentative agreement to end strike",
			"Tentative deal ends Kaiser therapists' strike in Southern California",
			"NUHW and Kaiser reach tentative agreement after long strike"},
		[3]string{"Kaiser Permanente and the National Union of Healthcare Workers reached a tentative agreement on Monday to end the strike by about 2,400 mental health workers in Southern California.",
			"Striking Kaiser therapists in Southern California have a tentative deal with Kaiser Permanente, their union said Monday; members will vote on ratification.",
			"The National Union of Healthcare Workers and Kaiser Permanente reached a tentative agreement Monday after a months-long strike by mental health clinicians in Southern California."}},
}

// replicaSite serves feed i at /feed/i and counts its fetches. The first
// fetch of a feed in hang waits until released (or the client gives up).
type replicaSite struct {
	now     time.Time
	fetches [3]atomic.Int64
	hang    int
	hung    chan struct{} // closed when the hanging fetch arrives
	release chan struct{}
}

func (s *replicaSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var i int
	if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d", &i); err != nil || i < 0 || i > 2 {
		http.NotFound(w, r)
		return
	}
	if s.fetches[i].Add(1) == 1 && i == s.hang {
		close(s.hung)
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet %d</title><link>http://example.org/%d</link>`, i, i)
	for k, ev := range replicaEvents {
		fmt.Fprintf(&b, `<item><guid>o%d-e%d</guid><title>%s</title><link>http://example.org/%d/%d</link><pubDate>%s</pubDate><description>%s</description></item>`,
			i, k, ev.titles[i], i, k, s.now.Add(-ev.ago+time.Duration(i)*time.Hour).Format(time.RFC1123Z), ev.texts[i])
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, b.String())
}

// TestE2EThreeReplicas runs three `run` processes on one PostgreSQL
// database with the fake Slack and a news site of three outlets, each
// reporting the same three events in its own words. Replica 0 polls
// outlet 0 and is killed while fetching it; replica 1 polls outlets 0 and
// 1, replica 2 outlets 0 and 2, so each event's reports reach different
// replicas. Each channel gets one top-level post per event and the other
// outlets as replies in its thread; outlet 0, whose lease the killed
// replica held, is taken over once the lease runs out; no feed is fetched
// twice by the living; and a phase change one replica records shows in
// another's /strike status within 5 seconds.
func TestE2EThreeReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dsn := pgtest.SchemaDSN(t)
	ctx := context.Background()
	fake, err := slackfake.New(slackfake.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	channels := []string{"C0PICKET1", "C0PICKET2"}
	for _, ch := range channels {
		fake.AddChannel(ch, true)
	}
	site := &replicaSite{now: time.Now().UTC(), hang: 0, hung: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(site)
	defer srv.Close()
	defer close(site.release)

	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	base := config.Default()
	campaign := base.CampaignSpecs[0].ID
	for _, ch := range channels {
		if err := db.SaveSubscription(ctx, strike.Subscription{
			Destination: strike.Destination{Platform: "slack", Workspace: fake.TeamID(), Channel: ch},
			CampaignID:  campaign, Mode: strike.ModeCore, TimeZone: "UTC", CreatedBy: "U0CAPTAIN", CreatedAt: time.Now(),
		}); err != nil {
			t.Fatal(err)
		}
	}

	const secret = "replica-signing-secret"
	dir := t.TempDir()
	config := func(i int, outlets ...int) (path, listen string) {
		cfg := config.Default()
		cfg.DB = dsn
		cfg.Listen = ""
		cfg.AllowPrivateNetworks = true
		cfg.Poll.FullText = false
		cfg.Poll.AnnounceWindow = 0
		cfg.Poll.Timeout = 2 * time.Second // a feed's lease: 30 s
		cfg.CampaignSpecs[0].Feeds = nil
		for _, o := range outlets {
			cfg.CampaignSpecs[0].Feeds = append(cfg.CampaignSpecs[0].Feeds, configFeed(srv.URL, o))
		}
		listen = freeAddr(t)
		cfg.Slack.BotToken = fake.BotToken()
		cfg.Slack.Mode = "http"
		cfg.Slack.SigningSecret = secret
		cfg.Slack.Listen = listen
		cfg.Slack.Workspaces = []string{fake.TeamID()}
		cfg.Slack.APIURL = fake.APIURL()
		cfg.Bot.DeliveryLease = 2 * time.Second
		cfg.Bot.RetryMax = 2 * time.Second
		text, err := cfg.YAML()
		if err != nil {
			t.Fatal(err)
		}
		path = filepath.Join(dir, fmt.Sprintf("replica-%d.yaml", i))
		if err := os.WriteFile(path, text, 0o600); err != nil {
			t.Fatal(err)
		}
		return path, listen
	}
	cfg0, _ := config(0, 0)
	cfg1, _ := config(1, 0, 1)
	cfg2, listen2 := config(2, 0, 2)

	// Replica 0 leases outlet 0 and dies while fetching it.
	r0 := startBot(t, cfg0)
	select {
	case <-site.hung:
	case <-time.After(30 * time.Second):
		t.Fatalf("replica 0 never fetched outlet 0\n%s", r0.err.String())
	}
	r0.cmd.Process.Signal(syscall.SIGKILL)
	<-r0.done
	r0.done <- nil
	killed := time.Now()

	r1 := startBot(t, cfg1)
	r2 := startBot(t, cfg2)
	logs := func() string { return r1.err.String() + "\n--- replica 2 ---\n" + r2.err.String() }

	// A phase change one replica records shows in the other's status
	// within 5 s.
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	waitUntil(t, 60*time.Second, "the tentative agreement recorded", func() bool {
		var phase string
		raw.QueryRowContext(ctx, `SELECT phase FROM coverage_state WHERE campaign_id = $1`, campaign).Scan(&phase)
		return phase == strike.PhaseTentativeAgreement
	}, logs)
	recorded := time.Now()
	waitUntil(t, 10*time.Second, "replica 2's status shows the agreement", func() bool {
		return strings.Contains(strings.ToLower(slashStatus(t, "http://"+listen2, secret, fake.TeamID())), "tentative")
	}, logs)
	if lag := time.Since(recorded); lag > 5*time.Second {
		t.Errorf("replica 2's status showed the agreement %v after it was recorded, want within 5s", lag)
	}

	// Every outlet's reports posted: 3 top-level posts and 6 replies per
	// channel, outlet 0's after its lease ran out.
	want := len(channels) * 9
	waitUntil(t, 90*time.Second, "every report posted", func() bool { return len(fake.Posts()) >= want }, logs)
	time.Sleep(3 * time.Second) // a duplicate would show within a delivery lease or two
	r1.stop(t)
	r2.stop(t)

	if since := time.Since(killed); since < 30*time.Second {
		t.Errorf("all posts out %v after replica 0 died, before its lease on outlet 0 ran out", since)
	}
	posts := fake.Posts()
	if len(posts) != want {
		t.Errorf("%d posts, want %d", len(posts), want)
	}
	for _, ch := range channels {
		top, replies := 0, 0
		for _, p := range posts {
			if p.Channel != ch {
				continue
			}
			if p.ThreadTS == "" {
				top++
			} else {
				replies++
			}
		}
		if top != 3 || replies != 6 {
			var lines []string
			for _, p := range posts {
				if p.Channel == ch {
					lines = append(lines, fmt.Sprintf("thread %q: %s", p.ThreadTS, p.Text))
				}
			}
			t.Errorf("channel %s: %d top-level posts and %d replies, want 3 and 6:\n%s", ch, top, replies, strings.Join(lines, "\n"))
		}
	}
	// Each outlet fetched once by the living replicas (outlet 0 also
	// once by the replica that died on it).
	for i, want := range []int64{2, 1, 1} {
		if got := site.fetches[i].Load(); got != want {
			t.Errorf("outlet %d fetched %d times, want %d", i, got, want)
		}
	}
	if n := fake.RateLimited(); n != 0 {
		t.Errorf("fake Slack answered %d requests with 429", n)
	}
}

func configFeed(base string, outlet int) config.FeedSpec {
	return config.FeedSpec{URL: fmt.Sprintf("%s/feed/%d", base, outlet), Name: fmt.Sprintf("Outlet %d", outlet)}
}

// slashStatus sends a signed /strike status to a replica and returns the
// answer's body.
func slashStatus(t *testing.T, base, secret, team string) string {
	t.Helper()
	form := url.Values{"command": {"/strike"}, "text": {"status"}, "team_id": {team}, "channel_id": {"C0PICKET1"},
		"user_id": {"U0SUPPORTER"}, "user_name": {"supporter"}, "response_url": {base + "/unused"}, "trigger_id": {"1"}}
	body := form.Encode()
	req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(body))
	for k, v := range slack.Sign(time.Now(), []byte(body), secret) {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
