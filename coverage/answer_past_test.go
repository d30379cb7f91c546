package coverage_test

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
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

// TestAskWhenPrefersTheDay: asked when, a sentence that gives the day
// ("mediation began March 10") answers before a timeline's month alone
// ("March 2025: Mediators begin sessions").
func TestAskWhenPrefersTheDay(t *testing.T) {
	ix := fixtureIndex(t, "2025-06-01", nil,
		fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
			"About 1,200 therapists at Northvale Health went on strike Monday.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2025-05-20", "Coast Times", "How the Northvale strike unfolded",
			"October 2024: Therapists walk out. March 2025: Mediators begin sessions with both sides. May 2025: A deal ends the strike.", strike.TierCore, strike.PhaseEnded),
		fixtureArticle(t, 3, "2025-03-12", "Valley Ledger", "Talks resume with help",
			"Mediation began March 10 in the valley, with a former judge presiding over the sessions.", strike.TierCore, strike.PhaseMediation))
	for _, q := range []string{"when did mediation start", "When did the mediation start?"} {
		if first := firstLine(ix.Ask(q).Text); !strings.Contains(first, "March 10") {
			t.Errorf("Ask(%q) first line = %q, want the day, March 10", q, first)
		}
	}
}

// TestAskOtherNewsByItsName: asked about other news by its name ("the
// northern california strike"), a sentence that names none of it, with
// its title, does not answer, however well it dates this campaign's
// strike.
func TestAskOtherNewsByItsName(t *testing.T) {
	ix := fixtureIndex(t, "2025-06-01", nil,
		fixtureArticle(t, 1, "2024-10-22", "Valley Ledger", "Therapists walk out in Southern California",
			"The California strike started on October 21, 2024, when the strike began at every clinic. About 2,400 therapists are out.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 3, "2024-11-22", "Valley Ledger", "A month on the line in Southern California",
			"Pickets went on in Southern California clinics, a month after the strike began.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2024-10-28", "Explainers", "Before this walkout, there was the north",
			"What happened? In August 2022, about 2,000 clinicians in Northern California began an open-ended strike over staffing.", strike.TierRelated, strike.PhaseEnded))
	if first := firstLine(ix.Ask("when did the northern california strike start").Text); !strings.Contains(first, "August 2022") {
		t.Errorf("first line = %q, want the northern strike's August 2022", first)
	}
}

// TestAskOwnRegionNeverPointsAway: the campaign's own region is its own
// word, however often other news of the region names it ("how many
// struck in the valley region" asks of this strike, answered from the
// status), once the index is told the campaign's places.
func TestAskOwnRegionNeverPointsAway(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	for id := int64(20); id < 30; id++ {
		a := ansArt(id, 5, "Valley Region nurses strike Northvale", "Nurses in the Valley Region walked out at Northvale Health hospitals in the Valley Region.")
		a.Relevance.Tier = strike.TierRelated
		ix.Add(a)
	}
	st := overStatus(arts)
	const q = "how many therapists struck in the valley region"
	if a := ix.AskStatus(q, &st); a.FromStatus {
		t.Fatalf("without the campaign's places, AskStatus(%q) is answered from the status; the test shows nothing", q)
	}
	ix.SetScopeNames([]string{"Valley Region"}, nil, []string{"Lakeside", "Oregon"}, nil)
	if a := ix.AskStatus(q, &st); !a.FromStatus || !strings.Contains(firstLine(a.Text), "1,200") {
		t.Errorf("AskStatus(%q) =\n%s\nwant the status's count", q, a.Text)
	}
}

// TestAskReturnInOtherWords: asked when they went back to their jobs, a
// sentence that tells them back at work in other words ("reported for
// work Monday …, ending their strike") answers, not one that says they
// would return once a deal is ratified.
func TestAskReturnInOtherWords(t *testing.T) {
	ix := fixtureIndex(t, "2025-06-01", nil,
		fixtureArticle(t, 1, "2025-03-03", "Valley Ledger", "Deal reached in Northvale strike",
			"Members will vote on the deal this week, and strikers would return to work after it is ratified, the union said.", strike.TierCore, strike.PhaseTentativeAgreement),
		fixtureArticle(t, 2, "2025-03-10", "Coast Times", "Strike over, therapists back in clinics",
			"About 1,200 therapists reported for work Monday at Northvale clinics across the valley, ending their strike.", strike.TierCore, strike.PhaseEnded))
	if first := firstLine(ix.Ask("what date did the northvale strikers go back to their jobs").Text); !strings.Contains(first, "reported for work") {
		t.Errorf("first line = %q, want the therapists reported for work", first)
	}
}

// TestAskRunTogetherAndNames: a hashtag's words run together
// ("#northvalestrike") are read apart when the news has both, and "names
// of the mediators" asks who they are.
func TestAskRunTogetherAndNames(t *testing.T) {
	ix := fixtureIndex(t, "2025-06-01", nil,
		fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
			"About 1,200 therapists at Northvale Health went on strike Monday.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2025-03-10", "Coast Times", "Mediators join Northvale talks",
			"Talks resume next week. Former judge Ana Ruiz and Mayor Tom Becker will mediate.", strike.TierCore, strike.PhaseMediation),
		fixtureArticle(t, 3, "2025-05-12", "Valley Ledger", "Back in the clinics",
			"The therapists returned to work on Monday, May 12, after members ratified the contract.", strike.TierCore, strike.PhaseEnded))
	if first := firstLine(ix.Ask("names of the mediators pls").Text); !strings.Contains(first, "Tom Becker") {
		t.Errorf("names of the mediators: first line = %q, want them by name", first)
	}
	if first := firstLine(ix.Ask("when did the #northvalestrike therapists go back to work").Text); !strings.Contains(first, "May 12") {
		t.Errorf("a hashtag: first line = %q, want the return on May 12", first)
	}
}

// TestAskWonFigureFirst: "did they end up with 16 percent or 10?" is
// answered by the raise won, not by a yes that the strike ended.
func TestAskWonFigureFirst(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	if first := firstLine(ix.AskStatus("did they end up with sixteen percent or ten", &st).Text); !strings.Contains(first, "16%") {
		t.Errorf("first line = %q, want the raise won, 16%%", first)
	}
}

// TestAskReturnPrefersADay: "when did they go back to their offices?" is
// answered by the sentence that says they were back at work Monday (in
// words the question does not use), not by the headline that only says
// they are back.
func TestAskReturnPrefersADay(t *testing.T) {
	ix := coverage.NewIndex(nil, func() time.Time { return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC) })
	ix.Add(strike.Article{ID: 1, Key: "back", Title: "Kaiser clinicians back at work as 196-day strike ends", Source: "Wire",
		Text: "LOS ANGELES (Wire) — About 2,400 Kaiser Permanente mental health workers in Southern California were back at work Monday, six months and three weeks after they went on strike.\n\n" +
			"The clinicians, members of the National Union of Healthcare Workers, ratified a four-year contract Thursday.",
		Published: time.Date(2025, 5, 12, 18, 50, 0, 0, time.UTC), Relevance: strike.Relevance{Tier: strike.TierCore}})
	ix.Add(strike.Article{ID: 2, Key: "copy", Title: "Kaiser Therapists Back at Work After 196-Day Strike - Bulletin", Source: "Bulletin",
		Text: "Kaiser therapists are back at work.", Published: time.Date(2025, 5, 13, 5, 0, 0, 0, time.UTC),
		Relevance: strike.Relevance{Tier: strike.TierCore}})
	a := ix.Ask("when did the striking kaiser clinicians go back to their offices")
	first, _, _ := strings.Cut(a.Text, "\n")
	if !strings.Contains(first, "12 May") && !strings.Contains(first, "May 12") {
		t.Errorf("answer %q, want the day they were back (12 May 2025) first", a.Text)
	}
}

// TestAskReturnPrefersTheDay: asked when the strikers went back, a
// sentence that tells them back on their day ("returned to their clinics
// on May 12") answers before one that dates the end by its month alone
// ("back at work after their strike ended in May").
func TestAskReturnPrefersTheDay(t *testing.T) {
	ix := fixtureIndex(t, "2025-09-01", nil,
		fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
			"About 1,200 therapists at Northvale Health went on strike Monday.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2025-05-13", "Coast Times", "Northvale therapists back in their clinics",
			"The therapists returned to work on May 12, a week after the deal.", strike.TierCore, strike.PhaseEnded),
		fixtureArticle(t, 3, "2025-08-30", "Valley Ledger", "Counseling service update",
			"Latest: Northvale's striking therapists are back in their offices after their strike ended in May.", strike.TierCore, strike.PhaseEnded))
	if first := firstLine(ix.Ask("when did the striking therapists go back to their offices").Text); !strings.Contains(first, "May 12") {
		t.Errorf("first line = %q, want the day they returned", first)
	}
}
