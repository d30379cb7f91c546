package coverage_test

import (
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// TestScoreAnotherUnionInPassing: with the shipped profile, a report of
// the campaign's strike that names another Kaiser union once, in its
// text, stays the campaign's when its scope is plainly the campaign's;
// the same union in the headline makes it that union's.
func TestScoreAnotherUnionInPassing(t *testing.T) {
	s, err := coverage.NewScorer(config.Default().Campaigns()[0].Relevance)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2025, 1, 29, 18, 0, 0, 0, time.UTC)
	text := "The strike by about 2,400 Kaiser Permanente mental health workers in Southern California reached its 100th day on Wednesday. " +
		"The therapists, represented by the National Union of Healthcare Workers, walked out in Los Angeles, San Diego and Riverside in October. " +
		"Their strike is far longer than the three-day walkout UNAC joined in 2023."
	tests := []struct {
		title string
		want  strike.Tier
	}{
		{"Kaiser therapists' strike reaches 100 days", strike.TierCore},
		{"UNAC marks 100 days of the Kaiser therapists' strike", strike.TierRelated},
	}
	for _, tt := range tests {
		a := &strike.Article{Title: tt.title, Text: text, Published: pub}
		if got := s.Score(a); got.Tier != tt.want {
			t.Errorf("%q: tier %s, want %s; reasons:\n%v", tt.title, got.Tier, tt.want, got.Reasons)
		}
	}
}
