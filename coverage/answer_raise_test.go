package coverage_test

import (
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// TestAskRaiseInOtherWords: what was won is found however the deal's
// article words the raise, a decimal percentage at a sentence's end
// included ("raises pay 21.5%."), and the employer's offer in the next
// sentence is not glued to it.
func TestAskRaiseInOtherWords(t *testing.T) {
	for _, raise := range []string{
		"The contract includes wage increases totaling 21.5% over four years.",
		"Clinicians will see their pay rise by 21.5 percent over the life of the deal.",
		"Under the agreement, salaries go up 21.5% across four years.",
		"The four-year pact gives therapists raises of 21.5%.",
		"Workers secured a 21.5% pay hike.",
		"The deal boosts wages 21.5% by 2028.",
		"It includes raises worth 21.5% over four years, the union said.",
		"Pay will climb 21.5% over four years under the tentative contract.",
		"Therapists will get a 21.5% raise spread over four years.",
		"The agreement calls for 21.5% in raises.",
		"The settlement lifts pay by 21.5%.",
		"Under the accord, wages rise 21.5%.",
		"Members approved a pact with 21.5% raises.",
		"The union won a 21.5% increase in wages.",
		"Psychologists get 21.5% more over four years.",
		"The new contract raises pay 21.5%.",
	} {
		ix := fixtureIndex(t, "2025-03-10", nil,
			fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
				"About 1,200 therapists at Northvale Health went on strike Monday. Northvale offered 10% over three years. The union wants higher pay and more staff.",
				strike.TierCore, strike.PhaseStrike),
			fixtureArticle(t, 2, "2025-03-02", "Metro Daily", "Northvale strike ends with deal",
				"The Allied Clinicians Union and Northvale Health reached a tentative agreement Sunday, ending a strike that lasted 132 days. "+raise+" Northvale had offered 10% over three years before the strike. Members will vote next week.",
				strike.TierCore, strike.PhaseTentativeAgreement))
		st := strike.Status{Phase: strike.PhaseTentativeAgreement, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health",
			Started: "2024-10-21", Ended: "2025-03-02", DurationDays: 132, Offer: "10% over three years"}
		for _, q := range []string{"What raise did the workers win?", "how much of a raise did they get"} {
			a := ix.AskStatus(q, &st)
			if first := firstLine(a.Text); first != raise+" [1]" {
				t.Errorf("deal saying %q: AskStatus(%q) first line = %q, want that sentence, cited", raise, q, first)
			}
		}
	}
}

// TestAskWonNotTheUndisclosedTerms: "what did they get?" is answered by
// the sentence that tells the terms, not by one saying the employer did
// not release them.
func TestAskWonNotTheUndisclosedTerms(t *testing.T) {
	ix := fixtureIndex(t, "2025-03-10", nil,
		fixtureArticle(t, 1, "2025-03-02", "Metro Daily", "Northvale strike ends with deal",
			"The Allied Clinicians Union and Northvale Health reached a tentative agreement Sunday, ending the strike. Northvale confirmed the contract that ended the walkout but did not release its terms to the strikers.",
			strike.TierCore, strike.PhaseTentativeAgreement),
		fixtureArticle(t, 2, "2025-03-03", "Valley Ledger", "What the Northvale contract gives therapists",
			"The contract restores a retirement plan for newer clinicians, raises pay and sets aside time for paperwork between sessions.",
			strike.TierCore, strike.PhaseTentativeAgreement))
	for _, q := range []string{"What did the strikers get in the contract that ended the walkout?", "What is in the agreement?"} {
		a := ix.Ask(q)
		if first := firstLine(a.Text); !strings.Contains(first, "retirement plan") {
			t.Errorf("Ask(%q) first line = %q, want the terms", q, first)
		}
	}
}

// TestAskNotTheHeadingInCapitals: a document's heading in capitals names
// it; the sentence that tells what happened answers.
func TestAskNotTheHeadingInCapitals(t *testing.T) {
	ix := fixtureIndex(t, "2024-11-20", nil,
		fixtureArticle(t, 1, "2024-10-29", "City Clerk", "Action minutes, regular meeting of the city council",
			"RESOLUTION OF THE NORTHVALE CITY COUNCIL BACKING THE STRIKERS OF NORTHVALE HEALTH.",
			strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2024-10-29", "Valley Ledger", "Council backs striking clinicians",
			"The Northvale City Council voted 8-0 Monday night to adopt a resolution supporting the striking clinicians.",
			strike.TierCore, strike.PhaseStrike))
	q := "How did the Northvale City Council vote on its resolution backing the strikers?"
	if first := firstLine(ix.Ask(q).Text); !strings.Contains(first, "8-0") {
		t.Errorf("Ask(%q) first line = %q, want the vote", q, first)
	}
}
