package discord

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/strike"
)

// TestDefinitionCoversTheRouter: every router command is a subcommand
// (feeds as a group), captain commands say so, and nothing else exists.
func TestDefinitionCoversTheRouter(t *testing.T) {
	byName := make(map[string]bool)
	for _, s := range subcommands {
		name := s.name
		if s.group != "" {
			name = s.group
		}
		byName[name] = true
		if len([]rune(s.desc)) > 100 || s.desc == "" {
			t.Errorf("%s %s: description of %d characters", s.group, s.name, len([]rune(s.desc)))
		}
		for _, o := range s.opts {
			if len([]rune(o.desc)) > 100 || o.desc == "" {
				t.Errorf("%s %s %s: description of %d characters", s.group, s.name, o.name, len([]rune(o.desc)))
			}
		}
	}
	for _, c := range bot.Commands() {
		if !byName[c.Name] {
			t.Errorf("router command %q has no Discord subcommand", c.Name)
		}
		delete(byName, c.Name)
		for _, s := range subcommands {
			if (s.name == c.Name || s.group == c.Name) && s.captain != c.Captain {
				t.Errorf("%s: captain %v on Discord, %v in the router", c.Name, s.captain, c.Captain)
			}
			if (s.name == c.Name || s.group == c.Name) && c.Captain && !strings.HasPrefix(s.desc, "Captains") {
				t.Errorf("%s: the description does not say it is for captains", c.Name)
			}
		}
	}
	for name := range byName {
		t.Errorf("subcommand %q runs no router command", name)
	}
}

// TestDefinitionOptions: the captains' newer options are there, typed,
// with suggestions where they help.
func TestDefinitionOptions(t *testing.T) {
	find := func(group, name, opt string) *discordgo.ApplicationCommandOption {
		t.Helper()
		for _, top := range Definition()[0].Options {
			subs := []*discordgo.ApplicationCommandOption{top}
			if top.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
				if top.Name != group {
					continue
				}
				subs = top.Options
			} else if group != "" {
				continue
			}
			for _, s := range subs {
				if s.Name != name {
					continue
				}
				for _, o := range s.Options {
					if o.Name == opt {
						return o
					}
				}
			}
		}
		t.Errorf("/strike %s %s has no option %s", group, name, opt)
		return &discordgo.ApplicationCommandOption{}
	}
	for _, tc := range []struct {
		group, name, opt string
		typ              discordgo.ApplicationCommandOptionType
		required, auto   bool
	}{
		{"", "retract", "story", discordgo.ApplicationCommandOptionInteger, true, true},
		{"", "retract", "reason", discordgo.ApplicationCommandOptionString, false, false},
		{"", "verdict", "article", discordgo.ApplicationCommandOptionString, true, false},
		{"", "verdict", "verdict", discordgo.ApplicationCommandOptionString, true, false},
		{"", "mute", "story", discordgo.ApplicationCommandOptionInteger, true, true},
		{"", "unmute", "story", discordgo.ApplicationCommandOptionInteger, true, true},
		{"", "campaign", "id", discordgo.ApplicationCommandOptionString, false, true},
		{"", "campaign", "command", discordgo.ApplicationCommandOptionString, false, false},
		{"", "subscribe", "tz", discordgo.ApplicationCommandOptionString, false, true},
		{"", "subscribe", "mention", discordgo.ApplicationCommandOptionRole, false, false},
		{"", "subscribe", "mention-off", discordgo.ApplicationCommandOptionBoolean, false, false},
		{"feeds", "add", "confirm", discordgo.ApplicationCommandOptionBoolean, false, false},
		{"feeds", "pause", "url", discordgo.ApplicationCommandOptionString, true, true},
		{"feeds", "resume", "url", discordgo.ApplicationCommandOptionString, true, true},
	} {
		o := find(tc.group, tc.name, tc.opt)
		if o.Type != tc.typ || o.Required != tc.required || o.Autocomplete != tc.auto {
			t.Errorf("%s %s %s: type %d required %v autocomplete %v; want %d %v %v", tc.group, tc.name, tc.opt,
				o.Type, o.Required, o.Autocomplete, tc.typ, tc.required, tc.auto)
		}
	}
	verdicts := find("", "verdict", "verdict").Choices
	if len(verdicts) != 3 || verdicts[0].Value != "strike" || verdicts[1].Value != "related" || verdicts[2].Value != "not" {
		t.Errorf("verdict choices %+v", verdicts)
	}
	if n := len(find("", "help", "command").Choices); n != len(bot.Commands()) {
		t.Errorf("help offers %d commands, the router has %d", n, len(bot.Commands()))
	}
}

// TestDefinitionAcceptedByDiscord registers the definition with the fake,
// which checks names, descriptions, nesting and option order as Discord
// does, and checks the hash is stable.
func TestDefinitionAcceptedByDiscord(t *testing.T) {
	f := newFake(t, discordfake.Options{})
	r := newREST(t, f, quiet())
	if _, err := r.Session.ApplicationCommandBulkOverwrite(f.ApplicationID(), "", Definition()); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	if h1, h2 := DefinitionHash(), DefinitionHash(); h1 != h2 || len(h1) != 64 {
		t.Error("the hash is not stable")
	}
	b, err := DefinitionJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(b, &back); err != nil || len(back) != 1 || back[0]["name"] != "strike" {
		t.Fatalf("DefinitionJSON: %v %s", err, b)
	}
	if ctx, _ := json.Marshal(back[0]["contexts"]); string(ctx) != "[0]" {
		t.Errorf("contexts = %s, want servers only", ctx)
	}
	one, _ := json.Marshal(Definition()[0])
	if n := discordfake.CommandSize(one); n > discordfake.MaxCommandSize*9/10 {
		t.Errorf("the definition is %d characters of Discord's %d: little room left", n, discordfake.MaxCommandSize)
	}
}

func opt(name string, typ discordgo.ApplicationCommandOptionType, v any) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: typ, Value: v}
}

func sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) discordgo.ApplicationCommandInteractionData {
	return discordgo.ApplicationCommandInteractionData{Name: "strike", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}}}
}

func TestReadInvocation(t *testing.T) {
	const (
		str  = discordgo.ApplicationCommandOptionString
		num  = discordgo.ApplicationCommandOptionInteger
		flag = discordgo.ApplicationCommandOptionBoolean
		role = discordgo.ApplicationCommandOptionRole
	)
	feeds := func(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) discordgo.ApplicationCommandInteractionData {
		return discordgo.ApplicationCommandInteractionData{Name: "strike", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "feeds", Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}}}}}
	}
	tests := []struct {
		name   string
		data   discordgo.ApplicationCommandInteractionData
		want   string
		public bool
	}{
		{"status", sub("status"), "status", false},
		{"status post", sub("status", opt("post", flag, true)), "status post", true},
		{"status not posted", sub("status", opt("post", flag, false)), "status", false},
		{"latest 3", sub("latest", opt("count", num, float64(3))), "latest 3", false},
		{"story", sub("story", opt("id", num, float64(12))), "story 12", false},
		{"ask", sub("ask", opt("question", str, "  when is the vote?  ")), "ask when is the vote?", false},
		{"why", sub("why", opt("article", str, "https://e.example/a b")), "why https://e.example/a_b", false},
		{"sources", sub("sources"), "sources", false},
		{"subscribe with everything", sub("subscribe", opt("tz", str, "America/Los Angeles"), opt("mode", str, "all"),
			opt("digest", str, "08:00"), opt("quiet", str, "22:00-07:00")), "subscribe all digest 08:00 quiet 22:00-07:00 tz America/Los_Angeles", true},
		{"subscribe injection stays one word", sub("subscribe", opt("digest", str, "08:00 all")), "subscribe digest 08:00_all", true},
		{"unsubscribe", sub("unsubscribe"), "unsubscribe", true},
		{"set", sub("set", opt("field", str, "phase"), opt("value", str, "tentative agreement")), "set phase tentative agreement", false},
		{"unset", sub("unset", opt("field", str, "offer")), "unset offer", false},
		{"announce", sub("announce", opt("text", str, "Picket at 7am.")), "announce Picket at 7am.", false},
		{"feeds list", feeds("list"), "feeds", false},
		{"feeds add", feeds("add", opt("url", str, "https://n.example/rss"), opt("name", str, "Harbor Times")), "feeds add https://n.example/rss Harbor Times", false},
		{"feeds remove", feeds("remove", opt("url", str, "https://n.example/rss")), "feeds remove https://n.example/rss", false},
		{"feeds add confirmed", feeds("add", opt("url", str, "https://n.example/rss"), opt("name", str, "Harbor Times"), opt("confirm", flag, true)),
			"feeds add https://n.example/rss Harbor Times confirm", false},
		{"feeds add not confirmed", feeds("add", opt("url", str, "https://n.example/rss"), opt("confirm", flag, false)), "feeds add https://n.example/rss", false},
		{"feeds pause", feeds("pause", opt("url", str, "https://n.example/rss")), "feeds pause https://n.example/rss", false},
		{"feeds resume", feeds("resume", opt("url", str, "https://n.example/rss")), "feeds resume https://n.example/rss", false},
		{"subscribe mention", sub("subscribe", opt("mention", role, "1066666666666666666")), "subscribe mention 1066666666666666666", true},
		{"subscribe mention off", sub("subscribe", opt("mention-off", flag, true)), "subscribe mention off", true},
		{"retract", sub("retract", opt("story", num, float64(12)), opt("reason", str, "wrong strike")), "retract 12 wrong strike", false},
		{"retract without a reason", sub("retract", opt("story", num, float64(12))), "retract 12", false},
		{"verdict", sub("verdict", opt("article", str, "https://e.example/a"), opt("verdict", str, "not")), "verdict https://e.example/a not", false},
		{"mute", sub("mute", opt("story", num, float64(7))), "mute 7", false},
		{"unmute", sub("unmute", opt("story", num, float64(7))), "unmute 7", false},
		{"campaign list", sub("campaign"), "campaign", false},
		{"campaign command", sub("campaign", opt("id", str, "kaiser"), opt("command", str, "latest 3")), "campaign kaiser latest 3", false},
		{"campaign status post", sub("campaign", opt("id", str, "kaiser"), opt("command", str, "status post")), "campaign kaiser status post", true},
		{"campaign subscribe", sub("campaign", opt("id", str, "kaiser"), opt("command", str, "subscribe all")), "campaign kaiser subscribe all", true},
		{"help", sub("help", opt("command", str, "set")), "help set", false},
		{"help retract", sub("help", opt("command", str, "retract")), "help retract", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := readInvocation(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if inv.text != tt.want || inv.publicAnswer() != tt.public {
				t.Errorf("text %q public %v, want %q %v", inv.text, inv.publicAnswer(), tt.want, tt.public)
			}
			if _, err := bot.ParseCommand(inv.text); err != nil {
				t.Errorf("the router cannot parse %q: %v", inv.text, err)
			}
		})
	}
	for name, data := range map[string]discordgo.ApplicationCommandInteractionData{
		"other command":     {Name: "vote"},
		"unknown sub":       sub("dance"),
		"no sub":            {Name: "strike"},
		"wrong value type":  sub("status", opt("post", flag, "yes")),
		"group as a sub":    sub("feeds"),
		"string for number": sub("latest", opt("count", num, true)),
	} {
		if _, err := readInvocation(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestAutocomplete asks the edge for suggestions as Discord does while
// someone types.
func TestAutocomplete(t *testing.T) {
	s := newEdge(t, "http", nil)
	ctx := context.Background()
	for _, title := range []string{"Therapists strike at Kaiser", "Mediation begins", "Tentative agreement reached"} {
		if _, err := s.store.SaveStory(ctx, strike.Story{CampaignID: "kaiser", Title: title, Tier: strike.TierCore, FirstSeen: time.Now(), Updated: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.store.AddFeed(ctx, "kaiser", strike.FeedSource{URL: "https://n.example/rss", Name: "Harbor Times"}, "U1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.store.AddFeed(ctx, "kaiser", strike.FeedSource{URL: "https://user:pw@n.example/private"}, "U1", time.Now()); err != nil {
		t.Fatal(err)
	}
	ask := func(subcmd string, focused string, opts ...discordfake.Option) []string {
		t.Helper()
		inv := statusInvocation(s.fake)
		inv.Subcommand, inv.Options, inv.Focused = subcmd, opts, focused
		_, _, p := s.fake.NewInteraction(inv)
		w, body := serve(s, signed(p, time.Now(), s))
		if w.Code != 200 || body["type"] != float64(8) {
			t.Fatalf("autocomplete: %d %s", w.Code, w.Body)
		}
		var names []string
		for _, c := range body["data"].(map[string]any)["choices"].([]any) {
			names = append(names, c.(map[string]any)["name"].(string))
		}
		return names
	}
	if got := ask("story", "id", discordfake.Option{Name: "id", Value: "media"}); len(got) != 1 || !strings.Contains(got[0], "Mediation begins") {
		t.Errorf("stories for %q: %q", "media", got)
	}
	if got := ask("story", "id", discordfake.Option{Name: "id", Value: ""}); len(got) != 3 {
		t.Errorf("stories for nothing typed: %q", got)
	}
	if got := ask("subscribe", "tz", discordfake.Option{Name: "tz", Value: "los"}); len(got) == 0 || got[0] != "America/Los Angeles" {
		t.Errorf("zones for %q: %q", "los", got)
	}
	if got := ask("subscribe", "tz", discordfake.Option{Name: "tz", Value: "Asia/Kathmandu"}); len(got) != 1 || got[0] != "Asia/Kathmandu" {
		t.Errorf("zones for a zone not listed: %q", got)
	}
	if got := ask("set", "value", discordfake.Option{Name: "field", Value: "phase"}, discordfake.Option{Name: "value", Value: "tent"}); len(got) != 1 || got[0] != "tentative agreement" {
		t.Errorf("phases for %q: %q", "tent", got)
	}
	if got := ask("set", "value", discordfake.Option{Name: "field", Value: "offer"}, discordfake.Option{Name: "value", Value: "x"}); len(got) != 0 {
		t.Errorf("suggestions for an offer: %q", got)
	}
	if got := ask("feeds remove", "url", discordfake.Option{Name: "url", Value: ""}); len(got) != 1 || got[0] != "Harbor Times" {
		t.Errorf("feeds (the one with credentials never shown): %q", got)
	}
	if n := len(s.router.requests()); n != 0 {
		t.Errorf("autocomplete ran %d commands", n)
	}
}

// TestAutocompleteCaptainsTools: retract suggests only stories not
// retracted yet; feeds pause suggests configured feeds and those added
// from chat, never one with a secret in it; campaign id the campaigns; in
// a channel subscribed to another campaign, its stories.
func TestAutocompleteCaptainsTools(t *testing.T) {
	campaigns := []strike.Campaign{
		{ID: "kaiser", Name: "Kaiser strike", Feeds: []strike.FeedSource{{URL: "https://cfg.example/rss", Name: "Configured Times"},
			{URL: "https://cfg.example/private?token=s3cret"}}},
		{ID: "ucla", Name: "UCLA strike"},
	}
	s := newEdge(t, "http", func(o *Options) { o.Campaigns = campaigns })
	ctx := context.Background()
	var ids []int64
	for _, st := range []strike.Story{
		{CampaignID: "kaiser", Title: "Therapists strike at Kaiser"},
		{CampaignID: "kaiser", Title: "Wrong strike reported"},
		{CampaignID: "ucla", Title: "UCLA workers walk out"},
	} {
		st.Tier, st.FirstSeen, st.Updated = strike.TierCore, time.Now(), time.Now()
		id, err := s.store.SaveStory(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := s.store.RetractStory(ctx, ids[1], time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.store.AddFeed(ctx, "kaiser", strike.FeedSource{URL: "https://n.example/rss", Name: "Harbor Times"}, "U1", time.Now()); err != nil {
		t.Fatal(err)
	}
	ask := func(channel, subcmd, focused string, opts ...discordfake.Option) []string {
		t.Helper()
		inv := statusInvocation(s.fake)
		inv.Channel, inv.Subcommand, inv.Options, inv.Focused = channel, subcmd, opts, focused
		_, _, p := s.fake.NewInteraction(inv)
		w, body := serve(s, signed(p, time.Now(), s))
		if w.Code != 200 || body["type"] != float64(8) {
			t.Fatalf("autocomplete: %d %s", w.Code, w.Body)
		}
		var names []string
		for _, c := range body["data"].(map[string]any)["choices"].([]any) {
			names = append(names, c.(map[string]any)["name"].(string))
		}
		return names
	}
	if got := ask(testChannel, "retract", "story", discordfake.Option{Name: "story", Value: ""}); len(got) != 1 || !strings.Contains(got[0], "Therapists strike") {
		t.Errorf("stories to retract: %q", got)
	}
	if got := ask(testChannel, "mute", "story", discordfake.Option{Name: "story", Value: ""}); len(got) != 2 {
		t.Errorf("stories to mute: %q", got)
	}
	if got := ask(testChannel, "feeds pause", "url", discordfake.Option{Name: "url", Value: ""}); len(got) != 2 || got[0] != "Configured Times" || got[1] != "Harbor Times" {
		t.Errorf("feeds to pause: %q", got)
	}
	if got := ask(testChannel, "feeds remove", "url", discordfake.Option{Name: "url", Value: ""}); len(got) != 1 || got[0] != "Harbor Times" {
		t.Errorf("feeds to remove (added from chat only): %q", got)
	}
	if got := ask(testChannel, "campaign", "id", discordfake.Option{Name: "id", Value: "uc"}); len(got) != 1 || got[0] != "ucla — UCLA strike" {
		t.Errorf("campaigns for %q: %q", "uc", got)
	}
	const uclaChannel = "1045678901234567891"
	if err := s.store.SaveSubscription(ctx, strike.Subscription{Destination: strike.Destination{Platform: "discord", Workspace: s.fake.GuildID(), Channel: uclaChannel},
		CampaignID: "ucla", Mode: strike.ModeCore, TimeZone: "UTC", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if got := ask(uclaChannel, "retract", "story", discordfake.Option{Name: "story", Value: ""}); len(got) != 1 || !strings.Contains(got[0], "UCLA") {
		t.Errorf("stories to retract in the UCLA channel: %q", got)
	}
}

func TestInviteURL(t *testing.T) {
	const want = "https://discord.com/oauth2/authorize?client_id=1023456789012345678&scope=bot+applications.commands&permissions=309237730304"
	if got := InviteURL("1023456789012345678"); got != want {
		t.Errorf("InviteURL = %s\nwant %s", got, want)
	}
}
