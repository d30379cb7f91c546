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
		Tier:      strike.TierCore,
		Title:     "Therapists walk out\x1b[2J\nFAKE LINE",
		Source:    "Pacific Ledger",
		URL:       "https://example.org/a",
		Published: time.Date(2024, 10, 14, 16, 0, 0, 0, time.UTC),
		Lead:      "Nearly 2,400 workers.",
		Reasons:   []string{"employer in title", "union named"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	want := "▶ NEWS  Therapists walk out[2J FAKE LINE\n" +
		"  Pacific Ledger · 2024-10-14 16:00 UTC\n" +
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
