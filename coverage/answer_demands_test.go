package coverage_test

import (
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// TestAskDemandsInOtherWords: why they strike and what they want are
// answered by the sentence that gives the reasons, however it words them
// ("At issue are …", "The union is demanding …"), even when it never says
// "strike" or "want": not by a sentence that only shares the question's
// word for the strike.
func TestAskDemandsInOtherWords(t *testing.T) {
	for _, tc := range []struct{ question, reasons, want string }{
		{"Why are they striking?", "At issue are caseloads, wait times for patients and a pension for newer hires.", "caseloads"},
		{"why did the therapists walk out", "At issue are caseloads, wait times for patients and a pension for newer hires.", "caseloads"},
		{"What do they want?", "The union is demanding more time for patient care and pay parity with other clinicians.", "patient care"},
		{"what are they fighting for", "The union is demanding more time for patient care and pay parity with other clinicians.", "patient care"},
	} {
		ix := fixtureIndex(t, "2024-11-01", nil,
			fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
				"About 1,200 therapists at Northvale Health went on strike Monday. Pickets went up at six clinics.", strike.TierCore, strike.PhaseStrike),
			fixtureArticle(t, 2, "2024-10-23", "Coast Times", "Inside the Northvale dispute",
				"Talks broke down in September. "+tc.reasons+" Northvale says its offer is fair.", strike.TierCore, strike.PhaseStrike))
		st := strike.Status{Phase: strike.PhaseStrike, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health", Started: "2024-10-21"}
		a := ix.AskStatus(tc.question, &st)
		if first := firstLine(a.Text); !strings.Contains(first, tc.want) || !strings.Contains(first, "[1]") {
			t.Errorf("AskStatus(%q) first line = %q, want the reasons (%q), cited", tc.question, first, tc.want)
		}
	}
}
