package coverage_test

import (
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// TestAskWhoMediatedByTheVerb: "who mediated?" is answered by the
// sentence that names the people who mediate ("Ana Ruiz … and Mayor Tom
// Becker will mediate"), not by a headline that names nobody.
func TestAskWhoMediatedByTheVerb(t *testing.T) {
	for _, text := range []string{
		"Ana Ruiz, a former state health secretary, and Mayor Tom Becker will mediate.",
		"Former state health secretary Ana Ruiz and Mayor Tom Becker will mediate.",
		"The mediators are Ana Ruiz, a former health secretary, and Mayor Tom Becker.",
	} {
		ix := fixtureIndex(t, "2025-04-20", nil,
			fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
				"About 1,200 therapists at Northvale Health went on strike Monday.", strike.TierCore, strike.PhaseStrike),
			fixtureArticle(t, 2, "2025-04-10", "Coast Times", "Mediators join Northvale talks",
				"Talks resume next week. "+text, strike.TierCore, strike.PhaseMediation))
		st := strike.Status{Phase: strike.PhaseMediation, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health", Started: "2024-10-21"}
		for _, q := range []string{"Who mediated the talks?", "who are the mediators", "who brokered the deal", "who helped broker the agreement"} {
			if first := firstLine(ix.AskStatus(q, &st).Text); !strings.Contains(first, "Tom Becker") {
				t.Errorf("news saying %q: AskStatus(%q) first line = %q, want the mediators by name", text, q, first)
			}
		}
	}
}
