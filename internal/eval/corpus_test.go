package eval

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

func loadHeldout(tb testing.TB) []demo.Doc {
	tb.Helper()
	docs, err := Heldout()
	if err != nil {
		tb.Fatalf("Heldout: %v", err)
	}
	return docs
}

// TestHeldoutLabels checks every held-out doc's labels for validity and
// consistency, as a careful labeler would before trusting them.
func TestHeldoutLabels(t *testing.T) {
	docs := loadHeldout(t)
	byID := make(map[string]demo.Doc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			if d.Outlet == "" || d.Title == "" || d.Published.IsZero() {
				t.Errorf("missing outlet, title or date")
			}
			// Parse keeps Published in UTC; the id carries the outlet's local
			// date, up to a day earlier in California.
			dated := strings.HasPrefix(d.ID, d.Published.Format(time.DateOnly)) ||
				strings.HasPrefix(d.ID, d.Published.AddDate(0, 0, -1).Format(time.DateOnly))
			if !d.Undated && !dated {
				t.Errorf("id %q does not start with its date %s", d.ID, d.Published.Format(time.DateOnly))
			}
			if d.Undated && len(d.ID) > 4 && d.ID[0] == '2' && d.ID[4] == '-' {
				t.Errorf("undated doc %q carries a date in its id (and so its URL)", d.ID)
			}
			if d.Undated && d.Feed != FeedSearch {
				t.Errorf("undated doc in feed %s; only news-search pages lack dates", d.Feed)
			}
			if d.Snippet != (d.Feed == FeedSearch) {
				t.Errorf("snippet = %v in feed %s; the search feed, and only it, carries snippets", d.Snippet, d.Feed)
			}
			if n := len(strings.Fields(d.Body)); n < 50 || n > 400 {
				t.Errorf("body has %d words, want 50 to 400", n)
			}
			if d.Tier != strike.TierNone && d.Story == "" && d.Tier != strike.TierCore {
				t.Errorf("tier %s with no story", d.Tier)
			}
			if d.Tier == strike.TierCore && strings.HasPrefix(d.Story, "kp-") ||
				d.Tier != strike.TierCore && strings.HasPrefix(d.Story, "socal-") {
				t.Errorf("tier %s with story %q: socal- stories are this campaign's, and only they", d.Tier, d.Story)
			}
			f := d.Facts
			if d.Tier != strike.TierNone && (f.Union == "" || f.Employer != "Kaiser Permanente") {
				t.Errorf("%s facts lack the union or the employer Kaiser Permanente: %+v", d.Tier, f)
			}
			if d.Tier == strike.TierCore && f.Union != "National Union of Healthcare Workers" {
				t.Errorf("core article with union %q", f.Union)
			}
			if f.Workers != 0 && !strings.Contains(d.Body, fmt.Sprintf("%d,%03d", f.Workers/1000, f.Workers%1000)) &&
				!strings.Contains(d.Body, fmt.Sprintf(" %d ", f.Workers)) {
				t.Errorf("facts.workers = %d, not in the body", f.Workers)
			}
			if f.DurationDays != 0 && !strings.Contains(d.Body, fmt.Sprint(f.DurationDays)) {
				t.Errorf("facts.duration_days = %d, not in the body", f.DurationDays)
			}
			if d.Tier == strike.TierCore && f.Started != "" && f.Started != "2024-10-21" {
				t.Errorf("core facts.started = %s, want 2024-10-21", f.Started)
			}
			if d.CopyOf == "" {
				return
			}
			orig, ok := byID[d.CopyOf]
			switch {
			case !ok:
				t.Errorf("copy_of %q is not in the corpus", d.CopyOf)
			case orig.CopyOf != "":
				t.Errorf("copy_of %q is itself a copy", d.CopyOf)
			case orig.Story != d.Story || orig.Tier != d.Tier:
				t.Errorf("copy has story %q tier %s, original %q tier %s", d.Story, d.Tier, orig.Story, orig.Tier)
			case orig.Outlet == d.Outlet:
				t.Errorf("copy from the original's own outlet %q", d.Outlet)
			case d.Published.Before(orig.Published):
				t.Errorf("copy published %v before the original %v", d.Published, orig.Published)
			case d.Body == orig.Body:
				t.Error("copy body is identical to the original; want the edits republishers make")
			case d.Published.Sub(orig.Published) > 48*time.Hour:
				t.Errorf("copy published %v after the original; republication is within two days", d.Published.Sub(orig.Published))
			}
		})
	}
}

// TestHeldoutComposition checks that the held-out corpus has the variety
// issue 7 asks for, and logs its composition.
func TestHeldoutComposition(t *testing.T) {
	docs := loadHeldout(t)
	c := Compose(docs)
	t.Logf("held-out corpus:\n%s", c)
	if c.Docs < 90 {
		t.Errorf("%d articles, want at least 90", c.Docs)
	}
	if core := c.ByTier[strike.TierCore]; core*10 < c.Docs*4 || core*10 > c.Docs*6 {
		t.Errorf("%d of %d articles are core, want about half", core, c.Docs)
	}
	if c.ByTier[strike.TierRelated] < 12 || c.ByTier[strike.TierNone] < 20 {
		t.Errorf("related %d, none %d: want at least 12 and 20", c.ByTier[strike.TierRelated], c.ByTier[strike.TierNone])
	}
	for _, f := range []string{FeedWire, FeedSearch, FeedUnion} {
		if span := c.FeedYears[f]; span[1]-span[0] < 3 {
			t.Errorf("feed %s spans %d-%d, want 2022-2025", f, span[0], span[1])
		}
	}
	if c.CopyPairs < 10 || c.Undated < 3 || c.Snippets < 30 {
		t.Errorf("copies %d, undated %d, snippets %d: want at least 10, 3 and 30", c.CopyPairs, c.Undated, c.Snippets)
	}
	// Every key event of the strike, reported independently by two or more
	// outlets.
	outlets := map[string]map[string]bool{}
	for _, d := range docs {
		if d.CopyOf != "" || d.Story == "" {
			continue
		}
		if outlets[d.Story] == nil {
			outlets[d.Story] = map[string]bool{}
		}
		outlets[d.Story][d.Outlet] = true
	}
	for _, s := range []string{
		"socal-strike-begins", "socal-legislators-letter", "socal-newsom-letter", "socal-rally-arrests",
		"socal-mediation", "socal-die-in", "socal-hunger-strike", "socal-tentative-agreement", "socal-ratified",
		"socal-return-to-work", "kp-hawaii-strike-2024", "kp-pharmacy-vote-2024", "kp-norcal-strike-2022",
		"kp-coalition-strike-2023", "kp-unac-strike-2025", "kp-dmhc-settlement-2023",
	} {
		if n := len(outlets[s]); n < 2 {
			t.Errorf("story %s: %d outlets wrote originals, want 2 or more", s, n)
		}
	}
	// The traps issue 7 names.
	for _, id := range []string{
		"2025-03-03-wire-talks-resume", "2025-02-06-wire-newsom-letter", "2025-02-08-search-rally-half-returned",
		"2024-10-21-wire-pharmacy-vote", "2022-01-25-union-socal-contract-ratified", "2024-10-18-search-kaiser-high-football",
		"2024-06-12-search-kaiser-aluminum-vote", "2024-10-21-search-hawaii-strike-khil", "2025-01-28-union-day-100",
	} {
		if !hasID(docs, id) {
			t.Errorf("trap %s is missing", id)
		}
	}
	// Phases advance with time among core articles that report one.
	rank := map[string]int{}
	for i, p := range demo.Phases() {
		rank[p] = i
	}
	high, highID := -1, ""
	for _, d := range docs {
		if d.Tier != strike.TierCore || d.Facts.Phase == "" || d.Undated {
			continue
		}
		r := rank[d.Facts.Phase]
		if r < high && d.Facts.Phase != "strike" {
			t.Errorf("%s: phase %s after %s reached %s", d.ID, d.Facts.Phase, highID, demo.Phases()[high])
		}
		if r > high {
			high, highID = r, d.ID
		}
	}
}

func hasID(docs []demo.Doc, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}

func TestHeldoutTruth(t *testing.T) {
	truth, err := HeldoutTruth()
	if err != nil {
		t.Fatal(err)
	}
	if len(truth.Questions) < 7 {
		t.Errorf("%d questions, want at least 7", len(truth.Questions))
	}
}

func TestInSampleTruth(t *testing.T) {
	truth, err := InSampleTruth()
	if err != nil {
		t.Fatal(err)
	}
	if len(truth.Questions) < 7 {
		t.Errorf("%d questions, want at least 7", len(truth.Questions))
	}
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	// The truth agrees with the demo's own labels.
	for _, d := range docs {
		if d.Tier == strike.TierCore && d.Facts.Started != "" && d.Facts.Started != truth.Started {
			t.Errorf("%s: facts.started = %s, truth says %s", d.ID, d.Facts.Started, truth.Started)
		}
		if d.Tier == strike.TierCore && d.Facts.Workers != 0 && d.Facts.Workers != truth.Workers {
			t.Errorf("%s: facts.workers = %d, truth says %d", d.ID, d.Facts.Workers, truth.Workers)
		}
	}
}
