package bot

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/coverage"
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

func TestFromEvent(t *testing.T) {
	pub := time.Date(2024, 10, 21, 16, 0, 0, 0, time.UTC)
	art := strike.Article{
		ID: 7, Title: "Kaiser therapists walk out", Source: "Pacific Ledger", URL: "https://example.org/a",
		Summary: "  Nearly 2,400   mental health workers\nwent on strike.  ", Published: pub,
		Relevance: strike.Relevance{Tier: strike.TierCore, Score: 9, Reasons: []string{"r1"}},
		Facts:     strike.Facts{Phase: "mediation"},
	}
	story := strike.Story{ID: 3, Title: "Mental health workers strike", Tier: strike.TierCore,
		Summary: "About 2,400 workers struck.", Facts: strike.Facts{Phase: "mediation"},
		Articles: []strike.StoryArticle{{ID: 7, Source: "Pacific Ledger"}, {ID: 8, Source: "Harbor Times"}}}
	tests := []struct {
		kind   coverage.EventKind
		want   Kind
		wantOK bool
	}{
		{coverage.EventNewStory, KindNewStory, true},
		{coverage.EventPhaseChange, KindPhaseChange, true},
		{coverage.EventNewOutlet, KindUpdate, true},
		{coverage.EventNewFacts, KindUpdate, true},
		{coverage.EventNothingNew, "", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			an, ok := FromEvent(coverage.StoryEvent{Kind: tt.kind, Story: story, Article: art, PrevPhase: "strike"})
			if ok != tt.wantOK || an.Kind != tt.want {
				t.Fatalf("FromEvent(%s) = %q, %v; want %q, %v", tt.kind, an.Kind, ok, tt.want, tt.wantOK)
			}
			if !ok {
				return
			}
			if an.Title != story.Title || an.Summary != story.Summary || an.URL != art.URL || an.StoryID != 3 {
				t.Errorf("FromEvent = %+v", an)
			}
			if got := strings.Join(an.Sources, ","); got != "Pacific Ledger,Harbor Times" {
				t.Errorf("Sources = %q", got)
			}
			if tt.kind == coverage.EventPhaseChange && (an.Phase != "mediation" || an.PrevPhase != "strike") {
				t.Errorf("phases = %q from %q", an.Phase, an.PrevPhase)
			}
		})
	}
	// Without a story summary, the article's own text leads.
	story.Summary = ""
	an, _ := FromEvent(coverage.StoryEvent{Kind: coverage.EventNewStory, Story: story, Article: art})
	if an.Summary != "Nearly 2,400 mental health workers went on strike." {
		t.Errorf("Summary = %q", an.Summary)
	}
	art.Summary, art.Text = "", strings.Repeat("word ", 200)
	an, _ = FromEvent(coverage.StoryEvent{Kind: coverage.EventNewStory, Story: story, Article: art})
	if n := utf8.RuneCountInString(an.Summary); n > LeadRunes {
		t.Errorf("Summary has %d runes, want at most %d", n, LeadRunes)
	}
}
