package coverage_test

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// TestAskDemandsInOtherWords: why they strike and what they want are
// answered by the sentence that gives the reasons, however it words them
// ("At issue are …", "The union is demanding …"), even when it never says
// "strike" or "want": not by a sentence that only shares the question's
// word for the strike.
func TestAskDemandsInOtherWords(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d.Add(15 * time.Hour) }
	for _, tc := range []struct{ question, reasons, want string }{
		{"Why are they striking?", "At issue are caseloads, wait times for patients and a pension for newer hires.", "caseloads"},
		{"why did the therapists walk out", "At issue are caseloads, wait times for patients and a pension for newer hires.", "caseloads"},
		{"What do they want?", "The union is demanding more time for patient care and pay parity with other clinicians.", "patient care"},
		{"what are they fighting for", "The union is demanding more time for patient care and pay parity with other clinicians.", "patient care"},
	} {
		arts := []strike.Article{
			{ID: 1, Key: "a", URL: "https://n.example/a", Title: "Northvale therapists walk out", Source: "Valley Ledger", Published: day("2024-10-21"),
				Text:      "About 1,200 therapists at Northvale Health went on strike Monday. Pickets went up at six clinics.",
				Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseStrike}},
			{ID: 2, Key: "b", URL: "https://n.example/b", Title: "Inside the Northvale dispute", Source: "Coast Times", Published: day("2024-10-23"),
				Text:      "Talks broke down in September. " + tc.reasons + " Northvale says its offer is fair.",
				Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseStrike}},
		}
		ix := coverage.NewIndex(nil, func() time.Time { return day("2024-11-01") })
		for _, a := range arts {
			ix.Add(a)
		}
		st := strike.Status{Phase: strike.PhaseStrike, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health", Started: "2024-10-21"}
		a := ix.AskStatus(tc.question, &st)
		if first := firstLine(a.Text); !strings.Contains(first, tc.want) || !strings.Contains(first, "[1]") {
			t.Errorf("AskStatus(%q) first line = %q, want the reasons (%q), cited", tc.question, first, tc.want)
		}
	}
}
