package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

type fakeDesk struct{ st strike.Status }

func (d fakeDesk) Status(context.Context) (strike.Status, error) { return d.st, nil }
func (d fakeDesk) Ask(_ context.Context, q string) (coverage.Answer, error) {
	if strings.Contains(q, "vote") {
		return coverage.Answer{Text: "The vote ends on May 2. [1]", Found: true,
			Citations: []coverage.Citation{{URL: "https://example.org/vote", Title: "Vote set", Source: "Harbor Times"}}}, nil
	}
	return coverage.Answer{Text: coverage.NotFoundText}, nil
}

type explainer struct{}

func (explainer) Explain(a *strike.Article) string { return "core because " + a.Title }

var campaign = strike.Campaign{ID: "kp", Name: "Kaiser strike",
	Feeds: []strike.FeedSource{{URL: "https://example.org/feed", Name: "Example feed"}}}

type routerEnv struct {
	r     *bot.Router
	store interface {
		bot.RouterStore
		Audit(ctx context.Context, limit int) ([]strike.AuditEntry, error)
		Deliveries(ctx context.Context, d strike.Destination) ([]strike.Delivery, error)
		Pins(ctx context.Context, c string) ([]strike.Pin, error)
	}
	log   *bytes.Buffer
	clock *clock
}

func newRouter(t *testing.T) routerEnv {
	t.Helper()
	st := openStore(t)
	ctx := context.Background()
	story := strike.Story{CampaignID: "kp", Title: "Therapists walk out", Summary: "About 2,400 workers struck. More follows.",
		Tier: strike.TierCore, FirstSeen: time.Date(2024, 10, 21, 12, 0, 0, 0, time.UTC), Updated: time.Date(2024, 10, 21, 12, 0, 0, 0, time.UTC)}
	if _, err := st.SaveStory(ctx, story); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	r := bot.NewRouter(bot.RouterOptions{
		Campaign: campaign, Store: st, Scorer: explainer{},
		Desk: fakeDesk{strike.Status{Phase: "strike", Day: 5, Started: "2024-10-21", Workers: 2400, Union: "NUHW",
			Pinned:  map[strike.StatusField]strike.Pin{strike.FieldUnion: {SetBy: "ana"}},
			Sources: map[strike.StatusField][]strike.FieldSource{strike.FieldWorkers: {{Source: "Harbor Times", URL: "https://example.org/w"}}}}},
		Captains: []string{"UCAP", "SGROUP"}, Workspaces: []string{"slack/T1"}, RateLimit: 5,
		Now: clk.Now, Logger: slog.New(slog.NewTextHandler(&log, nil)),
	})
	return routerEnv{r: r, store: st, log: &log, clock: clk}
}

func req(user, text string, groups ...string) bot.Request {
	return bot.Request{Destination: chanA, User: user, Text: text, Groups: groups}
}

func text(rep bot.Reply) string {
	var b strings.Builder
	b.WriteString(rep.Title + "\n")
	for _, l := range rep.Lines {
		b.WriteString(l + "\n")
	}
	for _, f := range rep.Fields {
		b.WriteString(f.Name + "=" + f.Value + " (" + f.Note + ")\n")
	}
	for _, l := range rep.Links {
		b.WriteString(l.URL + "\n")
	}
	if rep.Footer != "" {
		b.WriteString(rep.Footer + "\n")
	}
	return b.String()
}

func TestRouterCommands(t *testing.T) {
	tests := []struct {
		name, user, text string
		groups           []string
		want             []string // substrings of the reply
		public           bool
		audit            string // outcome of the newest audit entry; "" for none
	}{
		{name: "help", user: "U1", text: "", want: []string{"/strike status", "/strike subscribe", "(captains)"}},
		{name: "help one", user: "U1", text: "help set", want: []string{"/strike set FIELD VALUE", "Captains only."}},
		{name: "help unknown", user: "U1", text: "help nope", want: []string{"Usage: help", "no command"}},
		{name: "unknown", user: "U1", text: "dance", want: []string{"I don't know the command \"dance\""}},
		{name: "status", user: "U1", text: "/strike status", want: []string{"Phase=strike", "Workers=2,400 (Harbor Times)", "Union=NUHW (pinned by ana)", "day 5"}},
		{name: "status bad", user: "U1", text: "status now", want: []string{"Usage: status [post]"}},
		{name: "status post refused", user: "U1", text: "status post", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "status post", user: "UCAP", text: "status post", want: []string{"Phase=strike"}, public: true, audit: "ok"},
		{name: "latest", user: "U1", text: "latest 3", want: []string{"Therapists walk out — About 2,400 workers struck."}},
		{name: "latest bad", user: "U1", text: "latest 11", want: []string{"Usage: latest [n]", "1 to 10"}},
		{name: "story", user: "U1", text: "story 1", want: []string{"#1 Therapists walk out"}},
		{name: "story missing", user: "U1", text: "story 99", want: []string{"There is no story #99."}},
		{name: "story bad", user: "U1", text: "story x", want: []string{"Usage: story ID"}},
		{name: "ask found", user: "U1", text: "ask when is the vote?", want: []string{"May 2", "https://example.org/vote"}},
		{name: "ask unknown", user: "U1", text: "ask what colour are the signs", want: []string{"I don't know yet"}},
		{name: "ask empty", user: "U1", text: "ask", want: []string{"Usage: ask QUESTION"}},
		{name: "why missing", user: "U1", text: "why 42", want: []string{"There is no article #42."}},
		{name: "why bad", user: "U1", text: "why ftp://x", want: []string{"Usage: why URL|ID"}},
		{name: "sources", user: "U1", text: "sources", want: []string{"Example feed=not polled yet"}},
		{name: "subscribe refused", user: "U1", text: "subscribe all", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "subscribe by group", user: "U2", groups: []string{"SGROUP"}, text: "subscribe all digest 08:00 quiet 22:00-07:00 tz America/Los_Angeles",
			want: []string{"Subscribed", "Quiet hours 22:00-07:00 America/Los_Angeles"}, public: true, audit: "ok"},
		{name: "subscribe bad tz", user: "UCAP", text: "subscribe tz Mars/Base", want: []string{"not a time zone"}, audit: "usage: \"Mars/Base\" is not a time zone such as America/Los_Angeles."},
		{name: "subscribe bad quiet", user: "UCAP", text: "subscribe quiet 25:00-07:00", want: []string{"are not HH:MM-HH:MM"}},
		{name: "set", user: "UCAP", text: "set phase mediation", want: []string{"phase is now \"mediation\""}, audit: "ok"},
		{name: "set bad value", user: "UCAP", text: "set workers many", want: []string{"Usage: set FIELD VALUE", "\"many\" is not a whole number; write the number of workers"}},
		{name: "set bad field", user: "UCAP", text: "set mood angry", want: []string{"not a status field"}},
		{name: "unset", user: "UCAP", text: "unset phase", want: []string{"phase follows the coverage again"}, audit: "ok"},
		{name: "unset not pinned", user: "UCAP", text: "unset offer", want: []string{"offer was not pinned"}},
		{name: "announce refused", user: "U1", text: "announce rally at noon", want: []string{bot.NotCaptainText}, audit: "refused: not a captain"},
		{name: "announce", user: "UCAP", text: "announce Rally at noon on Sunset Blvd", want: []string{"posted to 1 subscribed channel"}, audit: "enqueued"},
		{name: "feeds add not set up", user: "UCAP", text: "feeds add https://example.org/x", want: []string{bot.FeedsNotSetUpText}, audit: "refused: not set up"},
		{name: "unsubscribe", user: "UCAP", text: "unsubscribe", want: []string{"Unsubscribed"}, public: true, audit: "ok"},
		{name: "unsubscribe again", user: "UCAP", text: "unsubscribe", want: []string{"was not subscribed"}},
	}
	e := newRouter(t)
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.clock.Add(time.Minute) // keep clear of the rate limit
			rep := e.r.Handle(ctx, req(tt.user, tt.text, tt.groups...))
			got := text(rep)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("reply to %q:\n%s\nwant it to contain %q", tt.text, got, w)
				}
			}
			if rep.Public != tt.public {
				t.Errorf("Public = %v, want %v", rep.Public, tt.public)
			}
			if tt.audit != "" {
				es, err := e.store.Audit(ctx, 1)
				if err != nil || len(es) == 0 {
					t.Fatalf("Audit = %v, %v", es, err)
				}
				if es[0].Outcome != tt.audit || es[0].User != tt.user || es[0].Destination != chanA {
					t.Errorf("newest audit entry = %+v, want outcome %q by %s", es[0], tt.audit, tt.user)
				}
			}
		})
	}
	// The announcement is one urgent captain delivery keyed by its audit entry.
	ds, err := e.store.Deliveries(ctx, chanA)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Deliveries = %v, %v", ds, err)
	}
	if d := ds[0]; d.Kind != "captain" || !d.Urgent || !strings.HasPrefix(d.Key, "captain:") || !strings.Contains(string(d.Payload), "Sunset Blvd") {
		t.Errorf("announcement delivery = %+v", d)
	}
}

func TestRouterRefusesWorkspace(t *testing.T) {
	e := newRouter(t)
	r := req("UCAP", "status")
	r.Workspace = "T999"
	if got := e.r.Handle(context.Background(), r); !strings.Contains(text(got), bot.WorkspaceText) {
		t.Errorf("reply = %q", text(got))
	}
}

func TestRouterRateLimit(t *testing.T) {
	e := newRouter(t)
	ctx := context.Background()
	for i := range 5 {
		if got := text(e.r.Handle(ctx, req("U1", "help"))); strings.Contains(got, bot.SlowDownText) {
			t.Fatalf("command %d slowed down", i+1)
		}
	}
	if got := text(e.r.Handle(ctx, req("U1", "help"))); !strings.Contains(got, bot.SlowDownText) {
		t.Errorf("6th command in a minute: %q, want the slow-down reply", got)
	}
	if got := text(e.r.Handle(ctx, req("U2", "help"))); strings.Contains(got, bot.SlowDownText) {
		t.Errorf("another user was slowed down")
	}
	e.clock.Add(12 * time.Second) // one token back at 5 a minute
	if got := text(e.r.Handle(ctx, req("U1", "help"))); strings.Contains(got, bot.SlowDownText) {
		t.Errorf("still slowed down after 12s")
	}
}

// failingStore fails every read, to check what users and logs see.
type failingStore struct{ bot.RouterStore }

func (failingStore) Stories(context.Context, strike.StoryFilter) ([]strike.Story, error) {
	return nil, errSecretDB
}

var errSecretDB = &dbErr{}

type dbErr struct{}

func (*dbErr) Error() string { return "disk I/O error at /var/lib/secret.db" }

func TestRouterInternalError(t *testing.T) {
	var log bytes.Buffer
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: failingStore{}, Desk: fakeDesk{},
		Workspaces: []string{"slack/T1"}, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	got := text(r.Handle(context.Background(), req("U1", "latest")))
	if strings.TrimSpace(got) != bot.InternalErrorText {
		t.Errorf("reply = %q, want the generic line", got)
	}
	if !strings.Contains(log.String(), "disk I/O error") {
		t.Errorf("log lacks the error: %s", log.String())
	}
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"", "/strike status post", "ask when\u202e is the vote?", "set phase\x00 mediation", "\xff\xfe", "LATEST 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := bot.ParseCommand(s)
		if err != nil {
			if len(s) <= bot.MaxCommandBytes {
				t.Fatalf("ParseCommand(%q): %v", s, err)
			}
			return
		}
		if c.Name == "" || c.Name != strings.ToLower(c.Name) {
			t.Errorf("Name = %q", c.Name)
		}
		for _, a := range append(c.Args, c.Name, c.Rest) {
			if strings.ContainsFunc(a, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\u202e' }) {
				t.Errorf("%q keeps a control character", a)
			}
			if !utf8Valid(a) {
				t.Errorf("%q is not valid UTF-8", a)
			}
		}
	})
}

func TestCommandsListsHelpOrder(t *testing.T) {
	got := bot.Commands()
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
		if c.Usage == "" || c.Help == "" {
			t.Errorf("command %q has no usage or help", c.Name)
		}
	}
	want := "status latest story ask why sources subscribe unsubscribe set unset announce feeds retract verdict mute unmute campaign help"
	if strings.Join(names, " ") != want {
		t.Errorf("Commands() = %s, want %s", strings.Join(names, " "), want)
	}
	for _, c := range got {
		captain := slices.Contains([]string{"subscribe", "unsubscribe", "set", "unset", "announce", "feeds", "retract", "verdict", "mute", "unmute"}, c.Name)
		if c.Captain != captain {
			t.Errorf("command %q: Captain = %v, want %v", c.Name, c.Captain, captain)
		}
	}
}

// TestStatusReplyShowsConflicts: a value other outlets disagree with says
// so on the card, briefly, as the JSON status does.
func TestStatusReplyShowsConflicts(t *testing.T) {
	pub := time.Date(2025, 3, 3, 12, 0, 0, 0, time.UTC)
	st := strike.Status{
		Phase: strike.PhaseStrike, Started: "2024-10-21", Day: 134,
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldStarted: {{Value: "2024-10-21", Source: "Harbor Times", Published: pub}},
		},
		Conflicts: map[strike.StatusField][]strike.FieldSource{
			strike.FieldStarted: {
				{Value: "2025-03-10", Source: "Valley Courier", Published: pub},
				{Value: "2025-03-10", Source: "Metro Wire", Published: pub},
				{Value: "on or before 2024-11-06 by its count", Source: "Bay Ledger", Published: pub},
			},
		},
	}
	rep := bot.StatusReply(st, "Kaiser strike")
	var note string
	for _, f := range rep.Fields {
		if f.Name == "Day" {
			note = f.Note
		}
	}
	for _, want := range []string{"Harbor Times", "2025-03-10 (Valley Courier, Metro Wire)", "on or before 2024-11-06 by its count (Bay Ledger)"} {
		if !strings.Contains(note, want) {
			t.Errorf("Day note %q lacks %q", note, want)
		}
	}
}
