package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// Captains' control on Discord, end to end: the real binary, the fake
// Discord (REST and gateway) and a news site of two outlets, so that each
// story has a post in the channel and an update in its thread.

const (
	e2eCaptainRole   = "1056789012345678901"
	e2eMentionRole   = "1066666666666666666"
	e2eDiscordMember = "1077777777777777777"
)

// discordControlSetup starts the fake Discord and the two-outlet site,
// and writes a configuration whose captains are e2eCaptainRole; the
// channel's subscription shows times in Los Angeles and mentions
// e2eMentionRole on phase changes.
func discordControlSetup(t *testing.T) (*discordfake.Server, string) {
	t.Helper()
	f := newDiscordFake(t)
	site := &replicaSite{now: time.Now().UTC(), hang: -1}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	cfgPath := e2eConfig(t, nil, func(c *config.Config) {
		withDiscord(f)(c)
		c.Bot.Captains = []string{e2eCaptainRole}
		c.CampaignSpecs[0].Feeds = []config.FeedSpec{{URL: srv.URL + "/feed/0", Name: "Outlet 0"}, {URL: srv.URL + "/feed/1", Name: "Outlet 1"}}
		db, err := sqlite.Open(context.Background(), strings.TrimPrefix(c.DB, "sqlite:"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.SaveSubscription(context.Background(), strike.Subscription{Destination: discordDest(f), CampaignID: c.CampaignSpecs[0].ID,
			Mode: strike.ModeCore, TimeZone: "America/Los_Angeles", Mention: e2eMentionRole, CreatedBy: "captain", CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	})
	return f, cfgPath
}

// discordCommand sends /strike over the gateway as a member with roles
// and returns the answer's text once it came (the first answer, or the
// edit of a deferred one).
func discordCommand(t *testing.T, f *discordfake.Server, logs func() string, roles []string, sub string, opts ...discordfake.Option) string {
	t.Helper()
	id, _, payload := f.NewInteraction(discordfake.Invocation{Channel: e2eDiscordChannel, User: e2eDiscordMember, UserName: "ana",
		Roles: roles, Subcommand: sub, Options: opts})
	if err := f.SendInteraction(payload); err != nil {
		t.Fatal(err)
	}
	var text string
	waitUntil(t, 20*time.Second, "the answer to /strike "+sub, func() bool {
		for _, r := range f.Responses(id) {
			if (r.Kind == "callback" && r.Type == discordfake.CallbackMessage) || r.Kind == "edit" || r.Kind == "followup" {
				m := discordfake.Message{Content: derefOr(r.Data.Content), Embeds: r.Data.Embeds}
				text = m.Text()
				return true
			}
		}
		return false
	}, logs)
	return text
}

func derefOr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestE2EDiscordRetractEditsEveryPostOnce: a captain retracts a story
// with /strike retract over the gateway; its post in the channel and its
// update in the story's thread are each edited once, in place, to the
// retraction; the other stories' posts are untouched; a second retract
// edits nothing more; a member without the captain role is refused; the
// audit log has who and why. Along the way: posts show times in the
// channel's time zone, and a phase change pings the channel's role and
// nothing else pings anyone.
func TestE2EDiscordRetractEditsEveryPostOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	f, cfgPath := discordControlSetup(t)
	bot := startBot(t, cfgPath)
	threaded := func() int { // messages in the stories' threads
		n := 0
		for id := range f.Threads() {
			n += len(f.Messages(id))
		}
		return n
	}
	waitUntil(t, 60*time.Second, "three stories with an update each", func() bool {
		return len(f.Messages(e2eDiscordChannel)) >= 3 && threaded() >= 3
	}, bot.err.String)
	waitUntil(t, 30*time.Second, "the gateway connected", func() bool { return f.Gateway().Connected == 1 }, bot.err.String)
	_, story := storyOf(t, cfgPath, "begin mediation")

	var storyMsg string
	for _, m := range f.Messages("") {
		if m.ChannelID == e2eDiscordChannel && strings.Contains(m.Text(), fmt.Sprintf("story #%d ·", story)) {
			storyMsg = m.ID
		}
		// Times in Los Angeles; the role pinged only by phase changes.
		if !regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d P[DS]T`).MatchString(m.Text()) {
			t.Errorf("post without a Los Angeles time: %q", m.Text())
		}
		phase := len(m.Embeds) == 1 && strings.HasPrefix(m.Embeds[0].Title, "Phase change")
		if phase != (len(m.Pinged) == 1 && m.Pinged[0] == e2eMentionRole) || len(m.Pinged) > 1 {
			t.Errorf("post %q pinged %v", m.Embeds[0].Title, m.Pinged)
		}
	}
	inThread := f.Messages(storyMsg)
	if storyMsg == "" || len(inThread) == 0 {
		t.Fatalf("the story's post %q and its thread %d: not found", storyMsg, len(inThread))
	}
	before := len(f.Messages(""))

	refused := discordCommand(t, f, bot.err.String, nil, "retract", discordfake.Option{Name: "story", Value: int(story)})
	if !strings.Contains(refused, "Only the strike captains") {
		t.Errorf("a member's retract: %s", refused)
	}
	got := discordCommand(t, f, bot.err.String, []string{e2eCaptainRole}, "retract",
		discordfake.Option{Name: "story", Value: int(story)}, discordfake.Option{Name: "reason", Value: "reported the wrong talks"})
	want := fmt.Sprintf("%d posts in 1 channel", 1+len(inThread))
	if !strings.Contains(got, "retracted") || !strings.Contains(got, want) {
		t.Fatalf("retract: %s, want %q\n%s", got, want, bot.err.String())
	}
	waitUntil(t, 30*time.Second, "every post of the story edited", func() bool { return len(f.Edits()) >= 1+len(inThread) }, bot.err.String)
	// Again, and time for a duplicate edit to show: still one per post.
	discordCommand(t, f, bot.err.String, []string{e2eCaptainRole}, "retract", discordfake.Option{Name: "story", Value: int(story)})
	time.Sleep(3 * time.Second)
	bot.stop(t)

	edits := f.Edits()
	if len(edits) != 1+len(inThread) {
		t.Fatalf("%d edits, want %d: %+v", len(edits), 1+len(inThread), edits)
	}
	edited := map[string]int{}
	for _, e := range edits {
		edited[e.ChannelID+"/"+e.MessageID]++
	}
	for _, m := range append(f.Messages(e2eDiscordChannel), inThread...) {
		key := m.ChannelID + "/" + m.ID
		ofStory := m.ID == storyMsg || m.ChannelID == storyMsg
		m = messageNow(f, m)
		switch {
		case ofStory && (edited[key] != 1 || m.Edited != 1):
			t.Errorf("post %s of the story edited %d times (%d recorded), want once", key, m.Edited, edited[key])
		case ofStory && (!strings.Contains(m.Text(), "Retracted by a captain.") || strings.Contains(m.Text(), "also reports") ||
			strings.Contains(m.Text(), "<@&") || len(m.Embeds) != 1 || m.Embeds[0].URL != "" || m.Content != ""):
			t.Errorf("post %s after the edit: %q", key, m.Text())
		case !ofStory && m.Edited != 0:
			t.Errorf("post %s of another story edited: %q", key, m.Text())
		}
	}
	if n := len(f.Messages("")); n != before {
		t.Errorf("%d messages after the retraction, want the %d of before: nothing new posted", n, before)
	}
	if d := messageNow(f, discordfake.Message{ID: storyMsg, ChannelID: e2eDiscordChannel}).Embeds[0].Description; !regexp.MustCompile(`^~~.*(mediation|Mediat).*~~\n`).MatchString(d) {
		t.Errorf("the story's headline is not struck out: %q", d)
	}
	out, err := exec.Command(binary(t), "audit", "--config", cfgPath).CombinedOutput()
	if err != nil || !regexp.MustCompile(`1077777777777777777\s+retract \d+ reported the wrong talks\s+ok: \d posts in 1 channel`).Match(out) ||
		!strings.Contains(string(out), "refused: not a captain") {
		t.Errorf("audit: %v\n%s", err, out)
	}
	if n := f.RateLimited(); n != 0 {
		t.Errorf("fake Discord answered %d requests with 429", n)
	}
}

// messageNow is m as the fake holds it now.
func messageNow(f *discordfake.Server, m discordfake.Message) discordfake.Message {
	for _, x := range f.Messages(m.ChannelID) {
		if x.ID == m.ID {
			return x
		}
	}
	return m
}
