package coverage_test

import (
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// TestAskPastEventNotItsAnnouncement: asked whether an event happened
// ("was there a vote on the deal?"), the sentence that reports it done
// answers, not the earlier one that announced it ("the deal goes to a
// vote that closes Thursday", "will be held this week").
func TestAskPastEventNotItsAnnouncement(t *testing.T) {
	for _, announced := range []string{
		"The deal, which members must still approve, goes to a ratification vote that closes Thursday.",
		"The union says the ratification vote on the deal will be held this week.",
		"The agreement is subject to a ratification vote by union members.",
	} {
		ix := fixtureIndex(t, "2025-03-20", nil,
			fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
				"About 1,200 therapists at Northvale Health went on strike Monday.", strike.TierCore, strike.PhaseStrike),
			fixtureArticle(t, 2, "2025-03-02", "Coast Times", "Deal reached in Northvale strike",
				"Northvale and the union reached a tentative deal Sunday. "+announced, strike.TierCore, strike.PhaseTentativeAgreement),
			fixtureArticle(t, 3, "2025-03-07", "Valley Ledger", "Northvale therapists approve contract",
				"Members voted Thursday to ratify the new contract, the union said.", strike.TierCore, strike.PhaseRatified))
		for _, q := range []string{"was there a vote on the deal", "did members vote on the deal"} {
			if first := firstLine(ix.Ask(q).Text); !strings.Contains(first, "voted Thursday") {
				t.Errorf("with %q: Ask(%q) first line = %q, want the vote reported done", announced, q, first)
			}
		}
	}
}
