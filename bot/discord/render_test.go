package discord

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ourLink matches a masked link the renderer builds: [title](http…), the
// title escaped.
var ourLink = regexp.MustCompile(`\[(?:\\.|[^\]\\])*\]\(https?://[^()\s<>\[\]]+\)`)

// checkMessage asserts m is within Discord's limits, as the fake checks
// them, and safe: valid UTF-8, no markup but ours.
func checkMessage(t testing.TB, m Message) {
	t.Helper()
	mentions := map[string]any{"parse": []string{}}
	if len(m.Roles) > 0 {
		mentions["roles"] = m.Roles
	}
	raw, err := json.Marshal(map[string]any{"content": m.Lead, "embeds": []*discordgo.MessageEmbed{m.Embed}, "allowed_mentions": mentions})
	if err != nil {
		t.Fatal(err)
	}
	var p discordfake.MessagePayload
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	if e := discordfake.CheckMessage(p, discordfake.CheckOptions{NoMentions: true, RoleMentions: true, RequireContent: true}); e != nil {
		t.Fatalf("embed refused: %v", e)
	}
	content := m.Content
	p = discordfake.MessagePayload{Content: &content, AllowedMentions: p.AllowedMentions}
	if e := discordfake.CheckMessage(p, discordfake.CheckOptions{NoMentions: true, RoleMentions: true, RequireContent: true}); e != nil {
		t.Fatalf("plain content refused: %v", e)
	}
	if len(m.Roles) > 1 || (len(m.Roles) == 1 && (!strings.HasPrefix(m.Lead, RoleMention(m.Roles[0])+" ") || !strings.HasPrefix(m.Content, RoleMention(m.Roles[0])+"\n"))) {
		t.Fatalf("roles %v: want one, mentioned at the start of the lead %q and of the content %q", m.Roles, m.Lead, m.Content)
	}
	if len(m.Roles) == 0 && m.Lead != "" {
		t.Fatalf("a lead %q without a role", m.Lead)
	}
	// Counted without trimming too: the renderer's own count.
	if n := embedTotalUntrimmed(m.Embed); n > MaxEmbedTotal {
		t.Fatalf("embed is %d characters untrimmed", n)
	}
	// Past the one role mention our own, no markup.
	texts := []string{m.Embed.Title, m.Embed.Description, m.Content, m.Lead}
	if len(m.Roles) == 1 {
		texts[2] = strings.TrimPrefix(m.Content, RoleMention(m.Roles[0]))
		texts[3] = strings.TrimPrefix(m.Lead, RoleMention(m.Roles[0]))
	}
	for _, f := range m.Embed.Fields {
		texts = append(texts, f.Name, f.Value)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
		if why := unsafeMarkup(s); why != "" {
			t.Fatalf("%s in %q", why, s)
		}
	}
	if m.Embed.Footer != nil && strings.ContainsAny(m.Embed.Footer.Text, "\n\u202e") {
		t.Fatalf("footer not one clean line: %q", m.Embed.Footer.Text)
	}
}

func embedTotalUntrimmed(e *discordgo.MessageEmbed) int {
	n := count(e.Title) + count(e.Description)
	for _, f := range e.Fields {
		n += count(f.Name) + count(f.Value)
	}
	if e.Footer != nil {
		n += count(e.Footer.Text)
	}
	return n
}

// unsafeMarkup says what markup s holds that the renderer should have
// escaped, "" if none: after our own links and the plain-text URLs we put
// in <…> are removed, an unescaped "<", "](", "||", a backtick, an
// "@everyone" or "@here", or a line starting with an unescaped "#", ">"
// or "-".
func unsafeMarkup(s string) string {
	s = ourLink.ReplaceAllString(s, "")
	s = regexp.MustCompile(`(?m)^<https?://[^<>\s]+>$`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`(?m)^-# `).ReplaceAllString(s, "")
	unescaped := func(i int) bool {
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		return n%2 == 0
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '`', '[':
			if unescaped(i) {
				return fmt.Sprintf("unescaped %q", s[i])
			}
		case '|':
			if unescaped(i) {
				return "unescaped |"
			}
		}
	}
	if strings.Contains(s, "@everyone") || strings.Contains(s, "@here") {
		return "a mention of everyone"
	}
	for _, line := range strings.Split(s, "\n") {
		l := strings.TrimLeft(line, " ")
		if l != "" && strings.ContainsRune("#>-", rune(l[0])) {
			return "block markup at a line start"
		}
	}
	return ""
}

func golden(t *testing.T, name string, m Message) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	out := map[string]any{"embed": m.Embed, "content": m.Content}
	if m.Lead != "" || len(m.Roles) > 0 {
		out["lead"], out["roles"] = m.Lead, m.Roles
	}
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}

var published = time.Date(2025, 4, 28, 16, 5, 0, 0, time.UTC)

func statusReply() bot.Reply {
	return bot.Reply{
		Title: "Kaiser mental health strike — status",
		Fields: []bot.Field{
			{Name: "Phase", Value: "tentative agreement", Note: "pinned by @ana on 2025-04-29"},
			{Name: "Day", Value: "196 (ended 2025-04-27)"},
			{Name: "Workers", Value: "about 2,400", Note: "LA Times, KQED"},
			{Name: "Union", Value: "NUHW"},
			{Name: "Employer", Value: "Kaiser Permanente"},
			{Name: "Started", Value: "2024-10-14"},
			{Name: "Demands", Value: "staffing & caseloads; pensions; wages <fair>"},
			{Name: "Next", Value: "2025-05-05 ratification vote results"},
		},
		Links: []bot.Link{
			{Title: "Kaiser, union reach tentative deal to end mental health strike", URL: "https://example.com/news/kaiser-deal?id=1&ref=rss", Source: "Example Times", Date: "2025-04-28"},
			{Title: "Therapists | vote [live]", URL: "https://example.org/a(b)", Source: "Example Radio", Date: "2025-04-29"},
		},
		Footer: "as of 2025-04-29 18:00 UTC · /strike status post to share",
	}
}

func TestRenderGolden(t *testing.T) {
	huge := strings.Repeat("The strike went on. ", 2250) // 45,000 characters
	var manyLinks []bot.Link
	var manyItems []bot.Announcement
	for i := range 60 {
		manyLinks = append(manyLinks, bot.Link{Title: fmt.Sprintf("Story %d", i+1), URL: fmt.Sprintf("https://example.com/s/%d", i+1), Source: "Outlet", Date: "2025-03-10"})
		manyItems = append(manyItems, bot.Announcement{Kind: bot.KindNewStory, StoryID: int64(i + 1), Title: fmt.Sprintf("Mediation day %d for Kaiser therapists", i+1),
			Summary: strings.Repeat("Mediators met both sides again. ", 20), Source: "Outlet", URL: fmt.Sprintf("https://example.com/d/%d", i+1), Published: published})
	}
	var manyFields []bot.Field
	for i := range 40 {
		manyFields = append(manyFields, bot.Field{Name: fmt.Sprintf("Feed %d", i+1), Value: strings.Repeat("failing: timeout ", 30), Note: "last success 2025-03-10 08:00 UTC"})
	}
	tests := []struct {
		name string
		m    Message
	}{
		{"status", RenderReply(statusReply())},
		{"hostile", RenderReply(bot.Reply{
			Title: "@everyone ALERT <@123456789012345678> **bold** `code`",
			Lines: []string{
				"Ping @here and <@&987654321098765432> and <#123456789012345678> <t:1700000000:R> </strike:1>",
				"Click [totally safe](https://evil.example) or https://bare.example/x ||spoiler|| ~~gone~~ __under__",
				"# Heading smuggled in\n> quoted\n-# subtext\n- list\n1. numbered\n  ## indented heading",
				"RTL: \u202Etxt.exe\u202C done, isolate \u2067x\u2069",
				"Family: 👨\u200d👩\u200d👧\u200d👦 thumbs 👍🏽 flag 🏳️\u200d🌈",
				"Zalgo: Z\u0351\u0352\u0357\u0358\u0359\u035a\u035b\u035c\u035d\u035e\u035f\u0360a\u0361l\u0362go",
				"control \x00\x07 chars and invalid \xff utf8 and a backslash \\ at the end\\",
			},
			Fields: []bot.Field{{Name: "# <@1> name", Value: "> value ||x||", Note: "*note* @everyone"}},
			Links:  []bot.Link{{Title: "[x](https://evil.example)", URL: "javascript:alert(1)"}, {Title: "ok ]( ", URL: "https://example.com/?q=<x>|y) z"}},
			Footer: "@everyone <@1> **footer**",
		})},
		{"huge_text", RenderReply(bot.Reply{Title: strings.Repeat("T", 400), Lines: []string{huge, huge}, Links: manyLinks[:2]})},
		{"many_lines", RenderReply(bot.Reply{Title: "Latest", Lines: func() []string {
			var ls []string
			for i := range 60 {
				ls = append(ls, fmt.Sprintf("#%d %s", i+1, strings.Repeat("news ", 100)))
			}
			return ls
		}(), Links: manyLinks})},
		{"many_fields", RenderReply(bot.Reply{Title: "Sources", Fields: manyFields})},
		{"new_story", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 12, Tier: "core",
			Title: "Kaiser mental health workers reach tentative agreement", Summary: "After 196 days, NUHW and Kaiser reached a tentative agreement <b>& a vote</b> is next.",
			Source: "Example Times", URL: "https://example.com/ta", ArticleTitle: "Tentative deal ends strike", Published: published}}, "article:41")},
		{"phase_change", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 7, Tier: "core",
			Phase: "mediation", PrevPhase: "strike", Title: "Kaiser and NUHW enter mediation", Summary: "Talks move to mediation from March 10.",
			Source: "Example Radio", URL: "https://example.org/mediation", Published: published, Estimated: true}}, "article:7")},
		{"update", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 12, Source: "Another <Paper>",
			URL: "https://example.net/more", ArticleTitle: "Therapists back at work", Published: published}}, "article:42")},
		{"related", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 13, Tier: "related",
			Title: "Nurses elsewhere watch the Kaiser talks", Source: "Example Weekly", URL: "https://example.com/nurses", Published: published}}, "article:43")},
		{"digest_60", RenderPost(bot.Post{Digest: &bot.Digest{Title: "Daily digest — 2025-03-11", Items: manyItems}}, "digest:2025-03-11")},
		{"notice", RenderPost(bot.Post{Notice: &bot.Reply{Public: true, Title: "Captains' announcement", Lines: []string{"Picket at 7am: meet at the main entrance. Bring water & signs."}, Footer: "— Ana"}}, "captain:3")},
		// The channel's time zone, and the role it chose, on a phase change.
		{"phase_change_local", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 7, Tier: "core",
			Phase: "tentative_agreement", PrevPhase: "mediation", Title: "Kaiser and NUHW reach a *tentative* agreement", Summary: "Members vote next week.",
			Source: "Example Radio", URL: "https://example.org/ta", Published: published, TimeZone: "America/Los_Angeles",
			Mention: "1066666666666666666"}}, "article:8")},
		{"new_story_local", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 12, Tier: "core",
			Title: "Picket lines at dawn", Source: "Example Times", URL: "https://example.com/dawn", Published: published, TimeZone: "Asia/Kolkata"}}, "article:44")},
		{"retraction", RenderPost(bot.Post{Retraction: &bot.Retraction{Delivery: 41, Title: "Kaiser *strike* ends — @everyone", Why: "not news about this strike"}}, "article:41")},
		{"retraction_untitled", RenderPost(bot.Post{Retraction: &bot.Retraction{Delivery: 41}}, "article:41")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMessage(t, tt.m)
			golden(t, tt.name, tt.m)
		})
	}
}

func TestRenderPostCarriesItsReference(t *testing.T) {
	for _, p := range []bot.Post{
		{Announcement: &bot.Announcement{Kind: bot.KindNewStory, Title: strings.Repeat("long ", 300), Summary: strings.Repeat("x ", 3000), Source: strings.Repeat("s", 500)}},
		{Announcement: &bot.Announcement{Kind: bot.KindUpdate}},
		{Digest: &bot.Digest{}},
		{Notice: &bot.Reply{Footer: strings.Repeat("f", 5000)}},
		{},
	} {
		m := RenderPost(p, "article:99")
		if m.Embed.Footer == nil || !HasRef(m.Embed.Footer.Text, "article:99") {
			t.Errorf("footer of %+v lacks the reference: %+v", p, m.Embed.Footer)
		}
		if !HasRef(m.Content, "article:99") {
			t.Errorf("plain version lacks the reference: %q", m.Content)
		}
		if HasRef(m.Embed.Footer.Text, "article:9") {
			t.Errorf("reference article:9 matches the footer of article:99")
		}
		checkMessage(t, m)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a*b_c~d`e|f", `a\*b\_c\~d` + "\\`" + `e\|f`},
		{"[x](https://e.example)", `\[x\](https://e.example)`},
		{"<@123> <#1> <t:1:R>", `\<@123> \<#1> \<t:1:R>`},
		{"@everyone and @here, not me@example.org", "@\u200beveryone and @\u200bhere, not me@example.org"},
		{"# h\n## h2\n  ### h3", "\\# h\n\\## h2\n  \\### h3"},
		{"> q\n-# s\n- l\n+ p", "\\> q\n\\-# s\n\\- l\n\\+ p"},
		{"1. one\n22) two\nnot 3. mid", "1\\. one\n22\\) two\nnot 3. mid"},
		{"a - b > c # d", "a - b > c # d"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"a*b", 3, "a…"},
		{"a*b", 4, `a\*b`},
		{"one two three four", 12, "one two thr…"},
		{"one two three four", 15, "one two three…"},
		{"👍🏽👍🏽", 2, "…"},
		{"👍🏽👍🏽", 3, "👍🏽…"},
		{"e\u0301e\u0301e\u0301", 4, "e\u0301…"},
		{"x", 0, ""},
	}
	for _, tt := range tests {
		got := fit(tt.in, tt.limit)
		if got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
		if count(got) > tt.limit {
			t.Errorf("fit(%q, %d) is %d long", tt.in, tt.limit, count(got))
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add("title", "line", "https://example.com/a", "link", 3)
	f.Add("@everyone", "<@1>*_~`|", "https://x.example/)(", "[t](u)", 60)
	f.Add("\u202E# h", "👨\u200d👩\u200d👧\n> q", "javascript:x", "", 1)
	f.Fuzz(func(t *testing.T, title, line, url, linkTitle string, n int) {
		n = max(0, n%70)
		r := bot.Reply{Title: title, Footer: line}
		var items []bot.Announcement
		for i := range n {
			r.Lines = append(r.Lines, strings.Repeat(line, i%5+1))
			r.Fields = append(r.Fields, bot.Field{Name: title, Value: line, Note: linkTitle})
			r.Links = append(r.Links, bot.Link{Title: linkTitle, URL: url, Source: title})
			items = append(items, bot.Announcement{Title: title, Summary: line, URL: url, Source: linkTitle})
		}
		checkMessage(t, RenderReply(r))
		checkMessage(t, RenderPost(bot.Post{Digest: &bot.Digest{Title: title, Items: items}}, "digest:x"))
		for _, k := range []bot.Kind{bot.KindNewStory, bot.KindPhaseChange, bot.KindUpdate} {
			checkMessage(t, RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: k, Title: title, Summary: line, URL: url, ArticleTitle: linkTitle, Source: title, Phase: line}}, "article:1"))
			// A mention (a role ID, or anything) and a time zone (or anything).
			for _, mention := range []string{"1066666666666666666", linkTitle} {
				m := RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: k, Title: title, Summary: line, URL: url, Source: title, Phase: line,
					Mention: mention, TimeZone: linkTitle, Published: time.Unix(int64(n)*86400*97, 0)}}, "article:1")
				checkMessage(t, m)
				if len(m.Roles) > 0 && (k != bot.KindPhaseChange || m.Roles[0] != mention) {
					t.Fatalf("kind %s mentions %v", k, m.Roles)
				}
			}
		}
		checkMessage(t, RenderPost(bot.Post{Retraction: &bot.Retraction{Delivery: 1, Title: title, Why: line}}, "article:1"))
	})
}
