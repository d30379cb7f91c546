package coverage_test

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// TestAskWhoMediatedByTheVerb: "who mediated?" is answered by the
// sentence that names the people who mediate ("Ana Ruiz … and Mayor Tom
// Becker will mediate"), not by a headline that names nobody.
func TestAskWhoMediatedByTheVerb(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d.Add(15 * time.Hour) }
	for _, text := range []string{
		"Ana Ruiz, a former state health secretary, and Mayor Tom Becker will mediate.",
		"Former state health secretary Ana Ruiz and Mayor Tom Becker will mediate.",
		"The mediators are Ana Ruiz, a former health secretary, and Mayor Tom Becker.",
	} {
		arts := []strike.Article{
			{ID: 1, Key: "a", URL: "https://n.example/a", Title: "Northvale therapists walk out", Source: "Valley Ledger", Published: day("2024-10-21"),
				Text: "About 1,200 therapists at Northvale Health went on strike Monday.", Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseStrike}},
			{ID: 2, Key: "b", URL: "https://n.example/b", Title: "Mediators join Northvale talks", Source: "Coast Times", Published: day("2025-04-10"),
				Text: "Talks resume next week. " + text, Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseMediation}},
		}
		ix := coverage.NewIndex(nil, func() time.Time { return day("2025-04-20") })
		for _, a := range arts {
			ix.Add(a)
		}
		st := strike.Status{Phase: strike.PhaseMediation, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health", Started: "2024-10-21"}
		for _, q := range []string{"Who mediated the talks?", "who are the mediators"} {
			if first := firstLine(ix.AskStatus(q, &st).Text); !strings.Contains(first, "Tom Becker") {
				t.Errorf("news saying %q: AskStatus(%q) first line = %q, want the mediators by name", text, q, first)
			}
		}
	}
}
