package bot

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short", "picket line", 20, "picket line"},
		{"exact", "abcde", 5, "abcde"},
		{"word boundary", "workers walk out across the region", 20, "workers walk out…"},
		{"no space", "abcdefghij", 5, "abcd…"},
		{"multibyte", "ñññññññññ", 4, "ñññ…"},
		{"zero", "x", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("workers walk out across the region", 10)
	f.Add("\u202eevil\u200d👩‍👩‍👧", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if !utf8.ValidString(s) || n > 10000 {
			t.Skip()
		}
		got := Truncate(s, n)
		if !utf8.ValidString(got) {
			t.Fatalf("Truncate(%q, %d) = %q: invalid UTF-8", s, n, got)
		}
		if n > 0 && utf8.RuneCountInString(got) > n {
			t.Fatalf("Truncate(%q, %d) = %q: %d runes", s, n, got, utf8.RuneCountInString(got))
		}
	})
}

func TestNewAnnouncement(t *testing.T) {
	pub := time.Date(2024, 10, 14, 16, 0, 0, 0, time.UTC)
	a := strike.Article{
		Title: "Kaiser therapists walk out", Source: "Pacific Ledger", URL: "https://example.org/a",
		Summary: "  Nearly 2,400   mental health workers\nwent on strike.  ", Published: pub,
		Relevance: strike.Relevance{Tier: strike.TierCore, Score: 9, Reasons: []string{"r1"}},
	}
	got := NewAnnouncement(a)
	if got.Lead != "Nearly 2,400 mental health workers went on strike." {
		t.Errorf("Lead = %q", got.Lead)
	}
	if got.Tier != strike.TierCore || got.Title != a.Title || !got.Published.Equal(pub) {
		t.Errorf("NewAnnouncement = %+v", got)
	}
	a.Summary = ""
	a.Text = strings.Repeat("word ", 200)
	if got := NewAnnouncement(a); utf8.RuneCountInString(got.Lead) > LeadRunes {
		t.Errorf("Lead has %d runes, want at most %d", utf8.RuneCountInString(got.Lead), LeadRunes)
	}
}
