package slack

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

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ourLink matches a link the renderer builds: <http(s)://…|title>, or
// the mention of a user group a channel asked for: <!subteam^ID>.
var ourLink = regexp.MustCompile(`<https?://[^|<> ]+\|[^<>|]*>|<!subteam\^[A-Za-z0-9]+>`)

// checkMessage asserts m is within Slack's limits and safe: valid UTF-8,
// no '<' or '>' except in links we built.
func checkMessage(t testing.TB, m Message) {
	t.Helper()
	raw, err := json.Marshal(m.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Blocks) > 0 {
		if code, detail := slackfake.CheckBlocks(raw); code != "" {
			t.Fatalf("blocks refused: %s: %s", code, detail)
		}
	}
	if slen(m.Text) > MaxFallbackText || m.Text == "" {
		t.Fatalf("fallback text is %d long", slen(m.Text))
	}
	var texts []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "text" {
					texts = append(texts, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var generic any
	_ = json.Unmarshal(raw, &generic)
	walk(generic)
	texts = append(texts, m.Text)
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
		rest := ourLink.ReplaceAllString(s, "")
		if strings.ContainsAny(rest, "<>") {
			t.Fatalf("unescaped markup in %q", s)
		}
	}
}

func golden(t *testing.T, name string, m Message) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"text": m.Text, "blocks": m.Blocks}); err != nil {
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

var published = time.Date(2025, 5, 5, 16, 5, 0, 0, time.UTC)

func statusReply() bot.Reply {
	return bot.Reply{
		Title: "Kaiser mental health strike — status",
		Fields: []bot.Field{
			{Name: "Phase", Value: "tentative agreement", Note: "pinned by @ana on 2025-05-06"},
			{Name: "Day", Value: "196 (ended 2025-05-05)"},
			{Name: "Workers", Value: "about 2,400", Note: "LA Times, KQED"},
			{Name: "Union", Value: "NUHW"},
			{Name: "Employer", Value: "Kaiser Permanente"},
			{Name: "Started", Value: "2024-10-21"},
			{Name: "Demands", Value: "staffing & caseloads; pensions; wages <fair>"},
			{Name: "Next", Value: "2025-05-08 ratification vote results"},
		},
		Links: []bot.Link{
			{Title: "Kaiser, union reach tentative deal to end mental health strike", URL: "https://example.com/news/kaiser-deal?id=1&ref=rss", Source: "Example Times", Date: "2025-05-05"},
			{Title: "Therapists | vote", URL: "https://example.org/a>b", Source: "Example Radio", Date: "2025-05-06"},
		},
		Footer: "as of 2025-05-06 18:00 UTC · /strike status post to share",
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
	tests := []struct {
		name string
		m    Message
	}{
		{"status", RenderReply(statusReply())},
		{"hostile", RenderReply(bot.Reply{
			Title: "<!channel> ALERT <@U123> @everyone",
			Lines: []string{
				"Ping <!here> and <!subteam^S123> & <#C123|general>",
				"Click <https://evil.example|totally safe> or https://bare.example/x",
				"RTL: \u202Etxt.exe\u202C done, isolate \u2067x\u2069",
				"Family: 👨\u200d👩\u200d👧\u200d👦 thumbs 👍🏽 flag 🏳️\u200d🌈",
				"Zalgo: Z\u0351\u0352\u0357\u0358\u0359\u035a\u035b\u035c\u035d\u035e\u035f\u0360a\u0361l\u0362go",
				"control \x00\x07 chars and invalid \xff utf8",
			},
			Links:  []bot.Link{{Title: "<!channel>|x>", URL: "javascript:alert(1)"}, {Title: "ok", URL: "https://example.com/?q=<x>|y"}},
			Footer: "<!everyone>",
		})},
		{"huge_text", RenderReply(bot.Reply{Title: strings.Repeat("T", 400), Lines: []string{huge, huge}, Links: manyLinks[:2]})},
		{"many_lines", RenderReply(bot.Reply{Title: "Latest", Lines: func() []string {
			var ls []string
			for i := range 60 {
				ls = append(ls, fmt.Sprintf("#%d %s", i+1, strings.Repeat("news ", 100)))
			}
			return ls
		}(), Links: manyLinks})},
		{"new_story", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 12, Tier: "core",
			Title: "Kaiser mental health workers reach tentative agreement", Summary: "After 196 days, NUHW and Kaiser reached a tentative agreement <b>& a vote</b> is next.",
			Source: "Example Times", URL: "https://example.com/ta", ArticleTitle: "Tentative deal ends strike", Published: published}})},
		{"phase_change", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 7, Tier: "core",
			Phase: "mediation", PrevPhase: "strike", Title: "Kaiser and NUHW enter mediation", Summary: "Talks move to mediation from March 10.",
			Source: "Example Radio", URL: "https://example.org/mediation", Published: published, Estimated: true}})},
		{"update", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 12, Source: "Another <Paper>",
			URL: "https://example.net/more", ArticleTitle: "Therapists back at work", Published: published}})},
		{"digest_60", RenderPost(bot.Post{Digest: &bot.Digest{Title: "Daily digest — 2025-03-11", Items: manyItems}})},
		{"notice", RenderPost(bot.Post{Notice: &bot.Reply{Public: true, Title: "Captains: picket at 7am", Lines: []string{"Meet at the main entrance. Bring water & signs."}}})},
		{"retraction", RenderPost(bot.Post{Retraction: &bot.Retraction{Delivery: 9, Title: "Mill workers ~walk out~ at <Kaiser>", Why: "not about this strike"}})},
		{"phase_change_local", RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 7, Tier: "core",
			Phase: "tentative_agreement", PrevPhase: "mediation", Title: "Kaiser and NUHW reach a tentative agreement", Summary: "Members vote next week.",
			Source: "Example Radio", URL: "https://example.org/ta", Published: published, TimeZone: "America/Los_Angeles", Mention: "S0CAPTAINS"}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMessage(t, tt.m)
			golden(t, tt.name, tt.m)
		})
	}
}

func TestRenderHostileNeverPings(t *testing.T) {
	m := RenderReply(bot.Reply{Title: "<!channel>", Lines: []string{"<!here> <@U1> <!subteam^S1>"}, Footer: "<!everyone>"})
	b, _ := json.Marshal(m)
	for _, bad := range []string{"<!", "<@", "\\u003c!", "\\u003c@"} {
		if strings.Contains(string(b), bad) {
			t.Errorf("rendered %s contains %q", b, bad)
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
		{"a & b", 5, "a…"},
		{"a & b", 9, "a &amp; b"},
		{"one two three four", 12, "one two thr…"},
		{"one two three four", 15, "one two three…"},
		{"👍🏽👍🏽", 3, "…"},
		{"👍🏽👍🏽", 5, "👍🏽…"},
		{"e\u0301e\u0301e\u0301", 4, "e\u0301…"},
		{"x", 0, ""},
	}
	for _, tt := range tests {
		got := fit(tt.in, tt.limit)
		if got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
		if slen(got) > tt.limit {
			t.Errorf("fit(%q, %d) is %d long", tt.in, tt.limit, slen(got))
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add("title", "line", "https://example.com/a", "link", 3)
	f.Add("<!channel>", "<@U1>&<>", "https://x.example/|>", "<t|x>", 60)
	f.Add("\u202E", "👨\u200d👩\u200d👧", "javascript:x", "", 1)
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
		checkMessage(t, RenderPost(bot.Post{Digest: &bot.Digest{Title: title, Items: items}}))
		for _, k := range []bot.Kind{bot.KindNewStory, bot.KindPhaseChange, bot.KindUpdate} {
			checkMessage(t, RenderPost(bot.Post{Announcement: &bot.Announcement{Kind: k, Title: title, Summary: line, URL: url, ArticleTitle: linkTitle, Source: title, Phase: line}}))
		}
	})
}

// TestFormattingNeutralised: mrkdwn markers in feed text (* _ ~ `) never
// format anything; Slack has no escape for them, so they become
// look-alikes. Plain-text headers keep them as they are.
func TestFormattingNeutralised(t *testing.T) {
	const raw = "*Bold* _it_ ~gone~ `code` snake_case"
	const safe = "∗Bold∗ ˍitˍ ∼gone∼ ˋcodeˋ snakeˍcase"
	an := bot.Announcement{Title: raw, ArticleTitle: raw, Summary: raw, Source: raw, URL: "https://example.org/a_b~c", StoryID: 3}
	var msgs []Message
	for _, k := range []bot.Kind{bot.KindNewStory, bot.KindPhaseChange, bot.KindUpdate} {
		a := an
		a.Kind, a.Phase, a.PrevPhase = k, "tentative_agreement", "strike"
		msgs = append(msgs, RenderPost(bot.Post{Announcement: &a}))
	}
	msgs = append(msgs, RenderPost(bot.Post{Digest: &bot.Digest{Title: "Digest", Items: []bot.Announcement{an}}}),
		RenderReply(bot.Reply{Title: "t", Lines: []string{raw}, Fields: []bot.Field{{Name: raw, Value: raw, Note: raw}},
			Links: []bot.Link{{Title: raw, URL: "https://example.org/x", Source: raw}}, Footer: raw}))
	for i, m := range msgs {
		checkMessage(t, m)
		raw, _ := json.Marshal(m.Blocks)
		var blocks []struct {
			Type string `json:"type"`
			Text *struct {
				Type, Text string
			} `json:"text"`
		}
		json.Unmarshal(raw, &blocks)
		for _, b := range blocks {
			if b.Text == nil {
				continue
			}
			if b.Text.Type == "mrkdwn" && strings.Contains(b.Text.Text, "Bold*") {
				t.Errorf("message %d: mrkdwn keeps a marker: %q", i, b.Text.Text)
			}
			if b.Type == "header" && strings.Contains(b.Text.Text, "Bold") && !strings.Contains(b.Text.Text, "*Bold*") {
				t.Errorf("message %d: header changed: %q", i, b.Text.Text)
			}
		}
		if !strings.Contains(string(raw), safe) && !strings.Contains(string(raw), "∗Bold∗") {
			t.Errorf("message %d: no neutralised text in %s", i, raw)
		}
		if strings.Contains(m.Text, "*Bold*") || strings.Contains(m.Text, "`code`") {
			t.Errorf("message %d: fallback keeps markers: %q", i, m.Text)
		}
		// Links keep their URL as it is.
		if i == 0 && !strings.Contains(string(raw), "https://example.org/a_b~c|") {
			t.Errorf("link URL changed: %s", raw)
		}
	}
}

// TestRenderMentionOnlyOnPhaseChange: a post mentions the channel's user
// group only when it is a phase change, and never anything that is not a
// group's ID.
func TestRenderMentionOnlyOnPhaseChange(t *testing.T) {
	for _, tt := range []struct {
		an   bot.Announcement
		want bool
	}{
		{bot.Announcement{Kind: bot.KindPhaseChange, Phase: "strike", Title: "Strike begins", Mention: "S0CAPTAINS"}, true},
		{bot.Announcement{Kind: bot.KindNewStory, Title: "Rally", Mention: "S0CAPTAINS"}, false},
		{bot.Announcement{Kind: bot.KindUpdate, Title: "Rally", Mention: "S0CAPTAINS"}, false},
		{bot.Announcement{Kind: bot.KindPhaseChange, Phase: "strike", Title: "Strike begins", Mention: "S0|<!channel>"}, false},
	} {
		m := RenderPost(bot.Post{Announcement: &tt.an})
		b, _ := json.Marshal(m.Blocks)
		got := strings.Contains(m.Text, "<!subteam^S0CAPTAINS>") && strings.Contains(string(b), "\\u003c!subteam^S0CAPTAINS\\u003e")
		if got != tt.want || strings.Contains(m.Text+string(b), "channel>") {
			t.Errorf("%s with mention %q: text %q blocks %s", tt.an.Kind, tt.an.Mention, m.Text, b)
		}
	}
}
