package main

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// TestStatusCardShowsConflicts: the text card shows every field's
// conflicting reports, as --json does, the end date's too.
func TestStatusCardShowsConflicts(t *testing.T) {
	pub := time.Date(2025, 5, 7, 12, 0, 0, 0, time.UTC)
	st := strike.Status{
		Name: "Kaiser strike", Phase: strike.PhaseTentativeAgreement, Started: "2024-10-21",
		Ended: "2025-05-05", DurationDays: 196,
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldStarted: {{Value: "2024-10-21", Source: "Harbor Times", Published: pub}},
			strike.FieldEnded:   {{Value: "196 days", Source: "Harbor Times", Published: pub}},
		},
		Conflicts: map[strike.StatusField][]strike.FieldSource{
			strike.FieldStarted: {
				{Value: "2025-03-10", Source: "Valley Courier", Published: pub},
				{Value: "2025-03-10", Source: "Metro Wire", Published: pub},
				{Value: "between 2024-09-30 and 2024-11-06 by its count", Source: "Bay Ledger", Published: pub},
			},
			strike.FieldEnded: {{Value: "190 days", Source: "Metro Wire", Published: pub}},
		},
	}
	card := statusCard(st)
	for _, want := range []string{
		"196 days (2024-10-21 to 2025-05-05)  [Harbor Times]",
		"also reported: 190 days (Metro Wire)",
		"also reported: 2025-03-10 (Valley Courier, Metro Wire); between 2024-09-30 and 2024-11-06 by its count (Bay Ledger)",
	} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q:\n%s", want, card)
		}
	}
}
