package console

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

func TestPrinterAnnounce(t *testing.T) {
	var b strings.Builder
	p := &Printer{W: &b, Reasons: true}
	err := p.Announce(bot.Announcement{
		Kind:      bot.KindNewStory,
		StoryID:   4,
		Tier:      strike.TierCore,
		Title:     "Therapists walk out\x1b[2J\nFAKE LINE",
		Source:    "Pacific Ledger",
		URL:       "https://example.org/a",
		Published: time.Date(2024, 10, 21, 16, 0, 0, 0, time.UTC),
		Summary:   "Nearly 2,400 workers.",
		Reasons:   []string{"employer in title", "union named"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	want := "▶ NEWS  Therapists walk out[2J FAKE LINE\n" +
		"  story #4 · Pacific Ledger · 2024-10-21 16:00 UTC\n" +
		"  Nearly 2,400 workers.\n" +
		"  https://example.org/a\n" +
		"  why: employer in title; union named\n\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestPrinterCapsReasons(t *testing.T) {
	var b strings.Builder
	p := &Printer{W: &b, Reasons: true}
	p.Announce(bot.Announcement{Title: "t", Reasons: []string{"a", "b", "c", "d", "e", "f"}})
	if got, want := b.String(), "  why: a; b; c; d; 2 more\n"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}

func TestPrinterUpdateAndPhase(t *testing.T) {
	var b strings.Builder
	p := &Printer{W: &b}
	pub := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	p.Announce(bot.Announcement{Kind: bot.KindUpdate, StoryID: 9, Title: "Mediation begins", Source: "Harbor Times",
		ArticleTitle: "Talks resume with a mediator", URL: "https://example.org/m", Published: pub})
	p.Announce(bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 9, Title: "Mediation begins", Phase: "mediation",
		PrevPhase: "strike", Source: "Harbor Times", Published: pub})
	got := b.String()
	for _, want := range []string{
		"  ↳ story #9 \"Mediation begins\": Harbor Times also reports (2025-03-10 09:00 UTC): Talks resume with a mediator\n    https://example.org/m\n",
		"▶ PHASE  mediation (was strike): Mediation begins\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestPrinterLocalTimeAndRetract(t *testing.T) {
	var b strings.Builder
	p := &Printer{W: &b}
	if err := p.Announce(bot.Announcement{Kind: bot.KindNewStory, StoryID: 4, Title: "Rally", Source: "Pacific Ledger",
		Published: time.Date(2024, 10, 21, 16, 0, 0, 0, time.UTC), TimeZone: "America/Los_Angeles"}); err != nil {
		t.Fatal(err)
	}
	if err := p.Retract(4, "Rally\nat noon", "not about this strike"); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"2024-10-21 09:00 PDT", "✕ RETRACTED  story #4 \"Rally at noon\" by a captain: not about this strike\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
