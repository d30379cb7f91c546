package coverage_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// ansDay is the first day of the test articles; ansNow is when questions
// are asked.
var (
	ansDay = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	ansNow = func() time.Time { return ansDay.Add(60 * 24 * time.Hour) }
)

// ansArt returns a core article published days after ansDay.
func ansArt(id int64, days int, title, text string) strike.Article {
	return strike.Article{
		ID:        id,
		Key:       fmt.Sprint("k", id),
		URL:       fmt.Sprintf("https://news.example/%d", id),
		Title:     title,
		Source:    fmt.Sprint("Outlet ", id),
		Text:      text,
		Published: ansDay.Add(time.Duration(days) * 24 * time.Hour),
		Relevance: strike.Relevance{Tier: strike.TierCore},
	}
}

func TestAskEmpty(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	for _, q := range []string{"", "   ", "why are they striking?", "the of and"} {
		if a := ix.Ask(q); a.Found || a.FromFAQ || a.Text != coverage.NotFoundText || a.Citations != nil {
			t.Errorf("Ask(%q) on an empty index = %+v, want not found", q, a)
		}
	}
}

func TestAddSkipsNoneAndRepeats(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	a := ansArt(1, 0, "Clinic workers strike", "Workers walked out over pensions. Talks resume Friday.")
	none := ansArt(2, 0, "Lightning strike hits barn", "A storm passed over the valley. Nobody was hurt.")
	none.Relevance.Tier = strike.TierNone
	unclassified := ansArt(3, 0, "Bake sale raises funds", "The school sold pies and cakes.")
	unclassified.Relevance.Tier = ""
	ix.Add(a)
	ix.Add(none)
	ix.Add(unclassified)
	if got, want := ix.Len(), 3; got != want {
		t.Fatalf("Len() = %d, want %d (title and two sentences of the core article)", got, want)
	}
	ix.Add(a) // same ID
	again := a
	again.ID = 0
	ix.Add(again) // same key... but with no ID: a different identity
	if got, want := ix.Len(), 6; got != want {
		t.Errorf("Len() after re-adding = %d, want %d", got, want)
	}
	ix.Add(again)
	if got, want := ix.Len(), 6; got != want {
		t.Errorf("Len() after adding the same key twice = %d, want %d", got, want)
	}
	if a := ix.Ask("was anyone hurt by the lightning?"); a.Found {
		t.Errorf("Ask found %+v in an article of tier none", a)
	}
}

func TestAskPrefersNewerOnTies(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Union update", "Members will vote on the contract on May 20."))
	ix.Add(ansArt(2, 10, "Union update", "Members will vote on the contract on May 27."))
	a := ix.Ask("When will members vote?")
	if !a.Found || len(a.Citations) == 0 {
		t.Fatalf("Ask = %+v, want found", a)
	}
	if got, want := a.Citations[0].ArticleID, int64(2); got != want {
		t.Errorf("first citation is article %d, want the newer %d:\n%s", got, want, a.Text)
	}
}

func TestAskPrefersCoreOverRelated(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	rel := ansArt(1, 10, "Other strike", "Nurses will vote on the contract on May 20.")
	rel.Relevance.Tier = strike.TierRelated
	ix.Add(rel)
	ix.Add(ansArt(2, 0, "Our strike", "Therapists will vote on the contract on May 27."))
	a := ix.Ask("When is the contract vote?")
	if !a.Found || a.Citations[0].ArticleID != 2 {
		t.Errorf("Ask = %+v, want the core article first", a)
	}
}

func TestAskQuestionKinds(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike news", strings.Join([]string{
		"The strike by the clinic workers continues.",
		"The strike began on Oct. 21 at every clinic.",
		"About 2,400 workers joined the strike at the clinics.",
		"The workers strike because the clinic cut their pensions.",
	}, " ")))
	for _, tc := range []struct{ question, want string }{
		{"When did the strike begin?", "Oct. 21"},
		{"How many workers are on strike?", "2,400"},
		{"Why are the workers on strike?", "because"},
	} {
		a := ix.Ask(tc.question)
		if !a.Found || !strings.Contains(a.Citations[0].Sentence, tc.want) {
			t.Errorf("Ask(%q) =\n%s\nwant first a sentence with %q", tc.question, a.Text, tc.want)
		}
	}
}

func TestAskDedupesAndSpreadsArticles(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	wire := "Kaiser offered an 18% raise over four years, the company said."
	for id := int64(1); id <= 3; id++ {
		ix.Add(ansArt(id, int(id), "Wire story", wire+" Picket lines stayed up."))
	}
	ix.Add(ansArt(4, 0, "Analysis", "Kaiser offered raises that the union called too small. Kaiser offered more time for patients too."))
	a := ix.Ask("What did Kaiser offer?")
	if !a.Found {
		t.Fatalf("Ask = %+v, want found", a)
	}
	var wires int
	arts := make(map[int64]bool)
	for _, c := range a.Citations {
		if c.Sentence == wire {
			wires++
		}
		arts[c.ArticleID] = true
	}
	if wires != 1 {
		t.Errorf("the wire sentence is cited %d times, want once:\n%s", wires, a.Text)
	}
	if len(arts) != len(a.Citations) {
		t.Errorf("citations come from %d articles for %d sentences, want all different:\n%s", len(arts), len(a.Citations), a.Text)
	}
	if len(a.Citations) < 2 {
		t.Errorf("got %d citations, want the wire and the analysis:\n%s", len(a.Citations), a.Text)
	}
}

func TestAskTextNumbersCitations(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike vote", "Members  will\nvote on May 8."))
	ix.Add(ansArt(2, 1, "Second story", "The vote closes May 8 at noon."))
	a := ix.Ask("when is the vote")
	lines := strings.Split(a.Text, "\n")
	if len(lines) != len(a.Citations) {
		t.Fatalf("Text has %d lines for %d citations:\n%s", len(lines), len(a.Citations), a.Text)
	}
	for i, c := range a.Citations {
		if want := fmt.Sprintf("%s [%d]", c.Sentence, i+1); lines[i] != want {
			t.Errorf("line %d = %q, want %q", i, lines[i], want)
		}
		if strings.ContainsAny(c.Sentence, "\n") || strings.Contains(c.Sentence, "  ") {
			t.Errorf("sentence %q keeps its line break or double space", c.Sentence)
		}
	}
}

func TestAskFAQ(t *testing.T) {
	faq := []strike.FAQ{
		{Question: "Why are they striking?", Answer: "For fair pay, pensions and time for patients."},
		{Question: "How can I help?", Answer: "Join a picket line or give to the strike fund.", Keywords: []string{"donate", "strike fund"}},
		{Question: "Who is on strike?", Answer: "About 2,400 clinicians."},
		{Question: "", Answer: "ignored"},
		{Question: "Ignored?", Answer: " "},
	}
	ix := coverage.NewIndex(faq, ansNow)
	ix.Add(ansArt(1, 0, "Strike begins", "Workers went on strike Monday over pay. The strike began Oct. 21."))
	for _, tc := range []struct {
		question string
		want     string // the FAQ answer, or "" for none
	}{
		{"why are they striking?", faq[0].Answer},
		{"Why is everyone striking", faq[0].Answer},
		{"how can I help", faq[1].Answer},
		{"Where do I donate?", faq[1].Answer},
		{"is there a strike fund?", faq[1].Answer},
		{"who's on strike?", faq[2].Answer},
		{"When did the strike start?", ""}, // a "when" question: not "who is on strike"
		{"ignored", ""},
	} {
		a := ix.Ask(tc.question)
		if tc.want == "" {
			if a.FromFAQ {
				t.Errorf("Ask(%q) = FAQ %q, want no FAQ answer", tc.question, a.Text)
			}
			continue
		}
		if !a.FromFAQ || !a.Found || a.Text != tc.want {
			t.Errorf("Ask(%q) = %+v, want FAQ answer %q", tc.question, a, tc.want)
		}
	}
}

func TestAskLongQuestion(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike vote", "Members will vote on May 8."))
	q := strings.Repeat("when is the vote ", 10000)
	done := make(chan coverage.Answer, 1)
	go func() { done <- ix.Ask(q) }()
	select {
	case a := <-done:
		if !a.Found {
			t.Errorf("Ask(long question) = %+v, want found from its first 500 bytes", a)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ask(long question) took over 10s")
	}
}

func TestIndexConcurrent(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 50 {
				id := int64(w*1000 + i + 1)
				ix.Add(ansArt(id, i, "Strike day", fmt.Sprintf("On day %d of the strike, %d workers picketed the clinic.", i, 100+i)))
				if a := ix.Ask("how many workers picketed?"); !a.Found {
					t.Errorf("Ask after Add = %+v, want found", a)
					return
				}
			}
		})
	}
	wg.Wait()
	if got, want := ix.Len(), 4*50*2; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
}

func TestAskTrimsDateline(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike", "LOS ANGELES (Western Newswire) - About 2,400 therapists walked out Monday."))
	ix.Add(ansArt(2, 0, "Strike", "In Los Angeles (and beyond) - 300 more therapists walked out Tuesday."))
	a := ix.Ask("how many therapists walked out?")
	var got []string
	for _, c := range a.Citations {
		got = append(got, c.Sentence)
	}
	want := []string{
		"About 2,400 therapists walked out Monday.",
		"In Los Angeles (and beyond) - 300 more therapists walked out Tuesday.",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

// TestAskTrimsListMarks: a sentence taken from a numbered list, a bulleted
// one, a live blog's timestamped entry or a "by the numbers" item is
// quoted without its marker; a "by the numbers" figure is kept, after its
// noun or at the end.
func TestAskTrimsListMarks(t *testing.T) {
	for _, tt := range []struct {
		text, question, want string
	}{
		{"1. Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"3) Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"(2) Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"#4 Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"• \"Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "\"Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"- Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began Monday with Mark Ghaly and Darrell Steinberg as mediators."},
		{"9:10 a.m. — Mediation began with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began with Mark Ghaly and Darrell Steinberg as mediators."},
		{"11:45 PM - Mediation began with Mark Ghaly and Darrell Steinberg as mediators.",
			"who were the mediators?", "Mediation began with Mark Ghaly and Darrell Steinberg as mediators."},
		{"2: Mediators, Mark Ghaly and Darrell Steinberg, who brokered the deal",
			"who were the mediators?", "2 mediators, Mark Ghaly and Darrell Steinberg, who brokered the deal"},
		{"8: Clinicians who held a five-day hunger strike outside the offices",
			"how many clinicians held a hunger strike?", "8 clinicians who held a five-day hunger strike outside the offices"},
		{"2,400: The number of therapists who held a strike outside the offices.",
			"how many therapists held a strike?", "The number of therapists who held a strike outside the offices: 2,400."},
		// Not markers: a year, a count that is the sentence's subject.
		{"2024 was the year mediation began with Mark Ghaly and Darrell Steinberg.",
			"who were the mediators?", "2024 was the year mediation began with Mark Ghaly and Darrell Steinberg."},
		{"2 mediators, Mark Ghaly and Darrell Steinberg, brokered the deal.",
			"who were the mediators?", "2 mediators, Mark Ghaly and Darrell Steinberg, brokered the deal."},
	} {
		ix := coverage.NewIndex(nil, ansNow)
		ix.Add(ansArt(1, 0, "Kaiser talks", tt.text))
		a := ix.Ask(tt.question)
		if len(a.Citations) == 0 || a.Citations[0].Sentence != tt.want {
			t.Errorf("%q: answer %q, citations %+v; want the sentence %q", tt.text, a.Text, a.Citations, tt.want)
		}
	}
}

// TestAskFindsAnswersByTheirQuestion: in an FAQ or a Q&A list, the
// sentence after a question answers it and is found by the question's
// words; a question in another paragraph lends none.
func TestAskFindsAnswersByTheirQuestion(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike FAQ", "Quick answers.\n\n4. Who mediated? Former health secretary Mark Ghaly and former mayor Darrell Steinberg.\n\n5. Who paid? Nobody knows.\n\nKaiser clinics stayed open."))
	ix.Add(ansArt(2, 1, "Governor weighs in", "The governor asked Kaiser and the union to settle soon."))
	a := ix.Ask("Who mediated?")
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Sentence, "Ghaly") {
		t.Errorf("answer =\n%s\nwant first the sentence that answers \"Who mediated?\"", a.Text)
	}
	a = ix.Ask("Who paid for the clinics?")
	for _, c := range a.Citations {
		if strings.Contains(c.Sentence, "stayed open") && !strings.Contains(c.Sentence, "clinics") {
			t.Errorf("a question lent its words across a paragraph:\n%s", a.Text)
		}
	}
}

// TestAskWonFindsTheRaiseByItsSynonym: "how big a pay increase did they
// win" finds the deal's "raises wages 20%" (words the question's "pay"
// stands for), not a sentence on pensions that shares "clinicians"; an
// item's heading ("1. Pay.") is no answer.
func TestAskWonFindsTheRaiseByItsSynonym(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	a := ansArt(1, 0, "Kaiser and union reach tentative deal", "Four things to know:\n\n1. Pay. The deal raises wages 20% over four years, above the 18% Kaiser offered.\n\n2. Pensions. Clinicians hired after 2015 will get a new retirement plan.")
	a.Facts.Phase = strike.PhaseTentativeAgreement
	ix.Add(a)
	got := ix.Ask("How big a pay increase did the clinicians win?")
	if len(got.Citations) == 0 || !strings.Contains(got.Citations[0].Sentence, "20%") {
		t.Errorf("answer =\n%s\nwant first the deal's 20%%", got.Text)
	}
	for _, c := range got.Citations {
		if c.Sentence == "Pay." || c.Sentence == "1. Pay." {
			t.Errorf("an item's heading cited:\n%s", got.Text)
		}
	}
}

// TestAskCountSpelledOut: a count written in words ("Eight clinicians")
// answers "how many", and a light verb of the question ("went") finds
// nothing by itself.
func TestAskCountSpelledOut(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Clinicians fast", "Eight clinicians who have been on strike since October began a hunger strike outside the offices."))
	ix.Add(ansArt(2, 5, "Contract approved", "Members ratified it on May 8, and clinicians went back to work on May 12."))
	a := ix.Ask("How many clinicians went on hunger strike?")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the eight hunger strikers", a.Text)
	}
}

// TestAskDatesAWeekday: a "when" answer that names the day only by its
// weekday gives the date it was, from the article's publication.
func TestAskDatesAWeekday(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	a := ansArt(1, 0, "Contract ratified", "Members voted Thursday night to ratify the contract by a wide margin.")
	a.Published = time.Date(2025, 5, 9, 4, 30, 0, 0, time.UTC) // a Friday
	ix.Add(a)
	got := ix.Ask("When did members vote to ratify the contract?")
	want := "Members voted Thursday night [8 May 2025] to ratify the contract by a wide margin."
	if len(got.Citations) == 0 || got.Citations[0].Sentence != want {
		t.Errorf("answer =\n%s\nwant the sentence %q", got.Text, want)
	}
	// Not for other questions.
	got = ix.Ask("How did members vote on the contract?")
	if len(got.Citations) > 0 && strings.Contains(got.Citations[0].Sentence, "[") {
		t.Errorf("answer to a how question dated:\n%s", got.Text)
	}
	// Nor on a page that carried no date: its Published is when it was
	// fetched, and its Thursday is no Thursday near that.
	ix = coverage.NewIndex(nil, ansNow)
	a.Published, a.PublishedEstimated = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC), true
	ix.Add(a)
	got = ix.Ask("When did members vote to ratify the contract?")
	if len(got.Citations) == 0 || strings.Contains(got.Citations[0].Sentence, "[") {
		t.Errorf("undated page: answer =\n%s\nwant the sentence undated", got.Text)
	}
	// Beside a dated report of the day, the undated page's weekday is the
	// lesser answer.
	b := ansArt(2, 0, "Members ratify", "Members ratified the contract on Thursday.")
	b.Published = time.Date(2025, 5, 9, 16, 0, 0, 0, time.UTC)
	ix.Add(b)
	got = ix.Ask("When did members vote to ratify the contract?")
	if want := "Members ratified the contract on Thursday [8 May 2025]."; len(got.Citations) == 0 || got.Citations[0].Sentence != want {
		t.Errorf("undated page beside a dated one: answer =\n%s\nwant first %q", got.Text, want)
	}
}

// TestAskDatesToday: a transcript's or a live story's "today" is dated
// in an answer to when, as a weekday is.
func TestAskDatesToday(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	a := ansArt(1, 0, "Back at work", "Kaiser's mental health clinicians went back to their offices today for the first time since October.")
	a.Published = time.Date(2025, 5, 12, 19, 0, 0, 0, time.UTC) // a Monday
	ix.Add(a)
	got := ix.Ask("When were the clinicians back in their offices?")
	want := "Kaiser's mental health clinicians went back to their offices today [12 May 2025] for the first time since October."
	if len(got.Citations) == 0 || got.Citations[0].Sentence != want {
		t.Errorf("answer =\n%s\nwant the sentence %q", got.Text, want)
	}
	// Published at 01:00 UTC, which is the evening before in California:
	// "today" is left undated rather than given the wrong day.
	ix = coverage.NewIndex(nil, ansNow)
	a.Published = time.Date(2025, 5, 13, 1, 0, 0, 0, time.UTC)
	ix.Add(a)
	got = ix.Ask("When were the clinicians back in their offices?")
	if len(got.Citations) == 0 || strings.Contains(got.Citations[0].Sentence, "[") {
		t.Errorf("answer =\n%s\nwant the sentence undated", got.Text)
	}
}

// TestAskWhoNamesTheAgents: "who mediated?" is answered by the sentence
// that names the mediators, not by one that only mentions mediators.
func TestAskWhoNamesTheAgents(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Deal reached", "Mediators Mark Ghaly and Darrell Steinberg helped broker the deal after weeks of talks."))
	ix.Add(ansArt(2, 3, "Talks go on", "Talks with the mediators continued on Monday."))
	a := ix.Ask("Who mediated the talks?")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the sentence that names the mediators", a.Text)
	}
}

// TestAskWhoNamesTheAgentsAskedByNoun: "who were the mediators?" asks
// for the agents by name as "who mediated?" does, over a newer, shorter
// sentence about mediation that names someone else; and the agents by
// name answer even when they share few of the question's other words.
func TestAskWhoNamesTheAgentsAskedByNoun(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 30, "Mediation", "Mediators Mark Ghaly and Darrell Steinberg began sessions."))
	ix.Add(ansArt(2, 0, "Governor", "Gov. Gavin Newsom urges mediation."))
	ix.Add(ansArt(3, 0, "Talks", "Neither side would talk about what is on the table in the dispute."))
	for _, q := range []string{"Who were the mediators?", "Who were the mediators in the Kaiser dispute?"} {
		a := ix.Ask(q)
		if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
			t.Errorf("Ask(%q) =\n%s\nwant first the sentence that names the mediators", q, a.Text)
		}
	}
}

// TestAskBackToSeeingPatients: clinicians back to seeing (treating)
// patients are back at work, so the sentence that dates the return
// answers, not a quote that shares only "see" and "patients".
func TestAskBackToSeeingPatients(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Deal reached", "\"I cried,\" one therapist said. \"I'm ready to see my patients.\" Patients waited weeks for care during the strike."))
	ix.Add(ansArt(2, 2, "Contract ratified", "Members approved the contract. Clinicians are scheduled to return to their offices on May 12."))
	ix.Add(ansArt(3, 3, "Patients", "Patients said they waited too long for therapy appointments."))
	for _, q := range []string{"When did the clinicians go back to seeing patients?", "When were the clinicians back to treating patients?"} {
		a := ix.Ask(q)
		if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Sentence, "May 12") {
			t.Errorf("Ask(%q) =\n%s\nwant first the return on May 12", q, a.Text)
		}
	}
}

// TestAskWhenTheyReturned: "when did they return to their clinics?" is
// answered by a sentence that tells them back at work, not by one that
// shares the question's other words ("clinical", a month) without the
// return, nor by a return that may come.
func TestAskWhenTheyReturned(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Back in their offices", "On Monday morning, the therapists walked back into the Kaiser medical offices together."))
	ix.Add(ansArt(2, 20, "Trainees wait", "When therapists at Kaiser walked out in October, clinical students lost their Kaiser clinic placements."))
	ix.Add(ansArt(3, 1, "Students", "Students whose clinical placements at Kaiser clinics were suspended may be able to return to them this month."))
	a := ix.Ask("when did the kaiser therapists return to their clinics")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the therapists back in their offices", a.Text)
	}
}

// TestAskWhoOrganisationIsNoName: an organisation's name ("the National
// Union of Healthcare Workers") names no person, so a sentence that
// mentions mediators and the union does not pass for one that names the
// mediators, however newer and closer in words it is.
func TestAskWhoOrganisationIsNoName(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 40, "Deal reached", "Mediators Mark Ghaly and Darrell Steinberg helped end the strike."))
	ix.Add(ansArt(2, 0, "Die-in", "The protest came two weeks into mediated talks between Kaiser and the National Union of Healthcare Workers, which continue with the help of two state-appointed mediators to settle the strike."))
	a := ix.Ask("who helped settle the strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the sentence that names the mediators", a.Text)
	}
}

// TestAskWhoSpokeFor: "who spoke for Kaiser?" asks for its spokesperson
// or its statement, not for a sentence with the verb "spoke".
func TestAskWhoSpokeFor(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 5, "Kaiser responds", "A Kaiser spokesperson said the company had bargained in good faith."))
	ix.Add(ansArt(2, 0, "On the line", "Members I spoke with at Kaiser expect the vote to pass."))
	a := ix.Ask("who spoke for kaiser")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the spokesperson's sentence", a.Text)
	}
}

// TestAskPercentSign: "20%" says "percent", so "what percent raise?" is
// answered by the sentence with the figure, not by a newer one that
// shares only "raise".
func TestAskPercentSign(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 5, "Deal reached", "The deal includes raises of roughly 20% over four years."))
	ix.Add(ansArt(2, 0, "Union speaks", "Union leaders said the raise in the deal was the main issue for them."))
	a := ix.Ask("what percent raise")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the sentence with 20%%", a.Text)
	}
}

// TestAskWhereNamesAPlace: "where is the strike?" is answered by a
// sentence that names a place, not by a shorter one that only says
// "strike" more often.
func TestAskWhereNamesAPlace(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strikes", "The county strike is separate from the long walkout by the therapists, though some picketers wore buttons backing the strikers."))
	ix.Add(ansArt(2, 3, "Walkout", "About 2,400 therapists went on strike at clinics in Riverside and Fontana."))
	a := ix.Ask("where is the strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence that names the places", a.Text)
	}
}

// TestAskWhereAnEventWasHeld: "where did they hold their hunger strike?"
// is answered by the sentence that names the site ("outside … Medical
// Center on Sunset Boulevard"), not by one on the hunger strikers that
// names only the region the strike covers.
func TestAskWhereAnEventWasHeld(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Fast", "The hunger strikers are among about 2,400 clinicians on strike across Southern California, the union said."))
	ix.Add(ansArt(2, 3, "Fast begins", "Eight clinicians began a five-day hunger strike outside Kaiser's Los Angeles Medical Center on Sunset Boulevard."))
	a := ix.Ask("where was the hunger strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence that names the site", a.Text)
	}
}

// TestAskHowLongWantsASpan: "how long was the hunger strike?" is answered
// by a sentence that gives a span ("a five-day hunger strike"), not by
// one whose only number is a day's count ("Day 1 of our hunger strike").
func TestAskHowLongWantsASpan(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Posts", "\"Day 1 of our hunger strike.\" the clinicians posted."))
	ix.Add(ansArt(2, 10, "Fast ends", "Eight clinicians ended a five-day hunger strike outside the regional offices."))
	a := ix.Ask("how long was the hunger strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the five-day hunger strike", a.Text)
	}
}

// TestAskRaiseWantsAPercentage: a raise is stated as a percentage, so
// "what's the pay raise in the deal?" is answered by the sentence that
// gives one, not by a list's item whose figure lost its sign.
func TestAskRaiseWantsAPercentage(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	ix.Add(strike.Article{ID: 9, Key: "numbers", URL: "https://news.example/numbers", Title: "The deal in numbers", Source: "Coast Times",
		Text:      "The deal in numbers.\n\n16: the percent pay raise in the deal.\n\n132: days on strike.",
		Published: arts[5].Published.Add(24 * time.Hour), Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseTentativeAgreement}})
	if a := ix.AskStatus("whats the pay raise in the deal", &st); !strings.Contains(firstLine(a.Text), "16%") {
		t.Errorf("first line %q, want the sentence with 16%%", firstLine(a.Text))
	}
}

// TestAskWhatHappensTo: "what happens to patients?" asks about patients;
// "happens" says nothing of the answer.
func TestAskWhatHappensTo(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Next steps", "Here is what happens during the strike: sign up for a picket shift by Friday."))
	ix.Add(ansArt(2, 10, "Patients", "Patients are being referred to contracted providers during the strike."))
	a := ix.Ask("what happens to patients during the strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence about patients", a.Text)
	}
}

// TestAskCancelledAppointments: news says appointments were rescheduled,
// postponed or affected, which answers whether they are cancelled.
func TestAskCancelledAppointments(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Patients", "Kaiser says appointments are being rescheduled or sent to contracted providers."))
	ix.Add(ansArt(2, 0, "Rally", "The union held a rally outside the clinic on Monday."))
	a := ix.Ask("are appointments cancelled?")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant the rescheduled appointments", a.Text)
	}
}

// TestAskWhoFindsTheAgentsByTheirNoun: "who helped settle the strike?"
// asks for the mediators, found by that noun even in a sentence that
// shares none of the question's words.
func TestAskWhoFindsTheAgentsByTheirNoun(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 20, "Thanks", "We are grateful to Mark Ghaly and Darrell Steinberg for their work as mediators."))
	ix.Add(ansArt(2, 0, "Help", "Patients who need help during the strike can call the crisis line."))
	a := ix.Ask("who helped settle the strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant first the mediators by name", a.Text)
	}
}

// TestAskVoteMargin: "did the vote pass by a lot?" asks for the margin,
// a share of the votes; "pass" is the vote's, not a sentence where time
// passes.
func TestAskVoteMargin(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Column", "Kaiser should settle before another month passes."))
	ix.Add(ansArt(2, 1, "Vote", "Members cast ballots over three days to ratify the contract."))
	ix.Add(ansArt(3, 2, "Ratified", "Members voted 94% in favor of the contract."))
	if a := ix.Ask("did the vote pass by a lot"); len(a.Citations) == 0 || a.Citations[0].ArticleID != 3 {
		t.Errorf("answer =\n%s\nwant first the share of the votes", a.Text)
	}
	if a := ix.Ask("did the vote pass"); len(a.Citations) == 0 || a.Citations[0].ArticleID == 1 {
		t.Errorf("answer =\n%s\nwant first a sentence on the vote", a.Text)
	}
}

// TestAskPoliticians: politicians in the news are "Gov.", lawmakers,
// legislators; "get involved" is no word a sentence must share.
func TestAskPoliticians(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Deal", "The deal gave the strikers a 20% raise."))
	ix.Add(ansArt(2, 1, "Letter", "Gov. Newsom urged Kaiser to accept mediation in the strike."))
	a := ix.Ask("did any politicians get involved in the kaiser strike")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the governor's letter", a.Text)
	}
}

// TestAskRespellsOnlyWhenNothingAnswers: a question whose words no
// sentence holds is asked again with them read as the near words some
// sentence does; one answered as typed is not respelt.
func TestAskRespellsOnlyWhenNothingAnswers(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Vote", "Union members voted Thursday to ratify the contract."))
	ix.Add(ansArt(2, 1, "Column", "The broken promises of the health plan."))
	if a := ix.Ask("wich day did the memebers ratify it"); len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("misspelt: answer =\n%s\nwant the vote", a.Text)
	}
	if a := ix.Ask("who brokered it"); a.Found {
		t.Errorf("\"brokered\" read as \"broken\": answer =\n%s", a.Text)
	}
}

// TestAskOneWordAgents: "mediators?" asks who they were.
func TestAskOneWordAgents(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Talks", "Neither mediator spoke to reporters after the session."))
	ix.Add(ansArt(2, 3, "Deal", "The deal came after talks led by mediators Ana Ruiz and Tom Becker."))
	if a := ix.Ask("mediators?"); len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the mediators by name", a.Text)
	}
}

// TestAskOwnStrikersBesideOtherNews: a question that names the
// campaign's place and profession asks of this strike, whatever other
// news it names beside them; the status answers.
func TestAskOwnStrikersBesideOtherNews(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	ix.SetWorkforce([]string{"therapists"}, []string{"nurses"})
	ix.SetScopeNames([]string{"Northvale Valley"}, nil, []string{"Lakeside"}, nil)
	ix.Add(strike.Article{ID: 20, Key: "lakeside", URL: "https://news.example/lakeside", Title: "Lakeside nurses strike", Source: "Lake Post",
		Text:      "About 9,000 nurses at Lakeside Health walked out for three days in Lakeside.",
		Published: arts[4].Published, Relevance: strike.Relevance{Tier: strike.TierRelated}})
	st := overStatus(arts)
	for q, want := range map[string]string{
		"the lakeside nurses were out three days - how many days did the northvale valley therapists strike last": "132 days",
		"was it really 9,000 therapists on strike in northvale valley":                                            "1,200",
		"lakeside got a deal after three days. what raise did northvale end up with":                              "16%",
	} {
		if a := ix.AskStatus(q, &st); !strings.Contains(firstLine(a.Text), want) {
			t.Errorf("%q: first line %q, want %s", q, firstLine(a.Text), want)
		}
	}
	// Another region's strike by name is other news, however often the
	// campaign's own news names the region.
	if a := ix.AskStatus("how long was the lakeside strike", &st); strings.Contains(firstLine(a.Text), "132") {
		t.Errorf("the lakeside strike: first line %q, the campaign's length", firstLine(a.Text))
	}
}

// TestAskVoteDayNotTheReturnsDay: "what day was the vote?" is answered
// by the sentence whose weekday is the vote's, not by one whose weekday
// dates the return it tells beside the vote ("went back to work Monday,
// four days after ratifying").
func TestAskVoteDayNotTheReturnsDay(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 2, "Back at work", "About 2,400 clinicians went back to work Monday, four days after the vote that ratified the contract."))
	ix.Add(ansArt(2, 6, "Members approve", "Members voted Thursday to ratify the contract."))
	a := ix.Ask("the contract was ratified, but on what day was the vote held?")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the vote's day", a.Text)
	}
}

// TestAskWhoAndTheRaise: "who mediated the deal and how big was the
// raise?" is answered first by a sentence that names the mediators and
// gives the raise, over one that names them alone.
func TestAskWhoAndTheRaise(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Deal", "The tentative agreement was reached May 4 after talks led by mediators Ana Ruiz and Tom Becker."))
	ix.Add(ansArt(2, 1, "Terms", "The deal, reached after eight weeks of talks led by mediators Ana Ruiz and Tom Becker, would raise pay by more than 20% over four years."))
	a := ix.Ask("who mediated the TA and how big was the raise in the end")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence with both", a.Text)
	}
}

// TestAskHeadlineQuestionIsNoAnswer: a headline that asks a question and
// then says something ("Who are the strike mediators? Two Sacramento
// insiders") does not answer with its question.
func TestAskHeadlineQuestionIsNoAnswer(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 30, "Who are the Kaiser strike mediators? Two Sacramento insiders with long résumés",
		"The two men bring different kinds of experience to the dispute."))
	ix.Add(ansArt(2, 0, "Talks", "Mediators Mark Ghaly and Darrell Steinberg have been meeting with both sides since March 10."))
	a := ix.Ask("Who were the mediators in the Kaiser mental health strike?")
	if strings.Contains(a.Text, "Who are") || len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence that names the mediators, never the headline's question", a.Text)
	}
}

// TestAskWhenClauseIsLight: the words of a clause that dates what is
// asked ("when they gave notice of the strike") need not be in the
// sentence that answers.
func TestAskWhenClauseIsLight(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 0, "Strike notice", "Kaiser has offered raises of about 18% over four years, and its managers repeat that number."))
	ix.Add(ansArt(2, 3, "Picket lines", "Clinicians picketed outside the Los Angeles Medical Center on Monday."))
	a := ix.Ask("What raise had Kaiser offered the clinicians when they gave notice of the strike?")
	if !a.Found || len(a.Citations) == 0 || a.Citations[0].ArticleID != 1 {
		t.Errorf("answer =\n%s\nwant the sentence that tells the offer", a.Text)
	}
}

// TestAskHungerStrikeIsAskedOf: asked where the hunger strike was held, a
// sentence of the strike alone, with a place, is no answer.
func TestAskHungerStrikeIsAskedOf(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	ix.Add(ansArt(1, 30, "Hawaii", "Our 57 Kaiser mental health clinicians in Hawaii are still on strike, and they are not going anywhere."))
	ix.Add(ansArt(2, 0, "Fast", "Eight therapists sat outside the regional offices in Pasadena on the second day of their hunger strike."))
	a := ix.Ask("Where were the Kaiser clinicians on hunger strike?")
	if len(a.Citations) == 0 || a.Citations[0].ArticleID != 2 {
		t.Errorf("answer =\n%s\nwant first the sentence of the hunger strike", a.Text)
	}
}
