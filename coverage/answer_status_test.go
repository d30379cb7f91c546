package coverage_test

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// statusFixture is a small campaign, written for these tests: a strike at
// Northvale Health by the Allied Clinicians Union, a mediation date, an
// agreement reported by a wire story and two copies of it, and another
// region's strike (related).
func statusFixture(t *testing.T, faq []strike.FAQ) (*coverage.Index, map[int64]strike.Article) {
	t.Helper()
	wire := "The Allied Clinicians Union and Northvale Health reached a tentative agreement Sunday, ending a strike that lasted 132 days. " +
		"The agreement raises pay 16% over four years and restores pensions for newer hires. " +
		"Northvale had offered 10% over three years before the strike."
	arts := []strike.Article{
		fixtureArticle(t, 1, "2024-10-21", "Valley Ledger", "Northvale therapists walk out",
			"About 1,200 therapists at Northvale Health went on strike Monday at clinics across the valley. "+
				"The strike began Oct. 21 after months of talks. Northvale offered 10% over three years.", strike.TierCore, strike.PhaseStrike),
		fixtureArticle(t, 2, "2025-01-10", "Valley Ledger", "Mediation set in Northvale strike",
			"Mediation between the union and Northvale will begin Jan. 20, the union said. The strike continues at every clinic.", strike.TierCore, strike.PhaseMediation),
		fixtureArticle(t, 3, "2025-03-02", "Wire Service", "Northvale strike ends with deal", "NORTHVALE (Wire Service) - "+wire, strike.TierCore, strike.PhaseTentativeAgreement),
		fixtureArticle(t, 4, "2025-03-02", "Metro Daily", "Northvale strike ends with deal", wire, strike.TierCore, strike.PhaseTentativeAgreement),
		fixtureArticle(t, 5, "2025-03-03", "Coast Times", "Deal ends Northvale therapists' strike", wire, strike.TierCore, strike.PhaseTentativeAgreement),
		fixtureArticle(t, 6, "2024-10-25", "Oregon Post", "Lakeside nurses strike in Oregon",
			"Nurses at Lakeside Hospital in Oregon began their strike on Oct. 3. About 900 Oregon nurses are on strike.", strike.TierRelated, strike.PhaseStrike),
	}
	ix := fixtureIndex(t, "2025-03-10", faq, arts...)
	byID := make(map[int64]strike.Article)
	for _, a := range arts {
		byID[a.ID] = a
	}
	return ix, byID
}

// fixtureDay is 15:00 UTC on day s (YYYY-MM-DD).
func fixtureDay(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(15 * time.Hour)
}

// fixtureArticle is an article of the fixtures, published on date and
// already scored and read (its tier and phase).
func fixtureArticle(t testing.TB, id int64, date, source, title, text string, tier strike.Tier, phase string) strike.Article {
	t.Helper()
	return strike.Article{
		ID: id, Key: title + source, URL: "https://news.example/" + string(rune('a'+id)), Title: title, Source: source,
		Text: text, Published: fixtureDay(t, date), Relevance: strike.Relevance{Tier: tier}, Facts: strike.Facts{Phase: phase},
	}
}

// fixtureIndex is an index of arts, asked on day now.
func fixtureIndex(t testing.TB, now string, faq []strike.FAQ, arts ...strike.Article) *coverage.Index {
	t.Helper()
	at := fixtureDay(t, now)
	ix := coverage.NewIndex(faq, func() time.Time { return at })
	for _, a := range arts {
		ix.Add(a)
	}
	return ix
}

// src is a status source from article a.
func src(a strike.Article, value, sentence string) strike.FieldSource {
	return strike.FieldSource{Value: value, ArticleID: a.ID, URL: a.URL, Source: a.Source, Published: a.Published, Sentence: sentence}
}

// overStatus is the fixture's status after the agreement.
func overStatus(arts map[int64]strike.Article) strike.Status {
	return strike.Status{
		Phase: strike.PhaseTentativeAgreement, Workers: 1200, Union: "Allied Clinicians Union", Employer: "Northvale Health",
		Started: "2024-10-21", Ended: "2025-03-02", DurationDays: 132, Offer: "10% over three years",
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldPhase:    {src(arts[3], "tentative_agreement", "reached a tentative agreement")},
			strike.FieldWorkers:  {src(arts[1], "1200", "About 1,200 therapists at Northvale Health went on strike Monday.")},
			strike.FieldUnion:    {src(arts[3], "Allied Clinicians Union", "")},
			strike.FieldEmployer: {src(arts[1], "Northvale Health", "")},
			strike.FieldStarted:  {src(arts[1], "2024-10-21", "The strike began Oct. 21 after months of talks.")},
			strike.FieldEnded:    {src(arts[3], "132 days", "ending a strike that lasted 132 days")},
			strike.FieldOffer:    {src(arts[1], "10% over three years", "Northvale offered 10% over three years.")},
		},
	}
}

func firstLine(s string) string { f, _, _ := strings.Cut(s, "\n"); return f }

// TestAskStatusFirstSentence: factual questions are answered first from
// the status, in one plain sentence with the value and its sources, not
// with another region's strike, a mediation date or an FAQ entry about
// something else.
func TestAskStatusFirstSentence(t *testing.T) {
	faq := []strike.FAQ{{Question: "Who is on strike?", Answer: "Therapists at Northvale Health.", Keywords: []string{"strikers"}}}
	ix, arts := statusFixture(t, faq)
	st := overStatus(arts)
	for _, tc := range []struct {
		question string
		want     string // the first line
	}{
		{"When did the strike start?", "The strike began on 21 October 2024 [1]."},
		{"when did they walk out", "The strike began on 21 October 2024 [1]."},
		{"How many workers are on strike?", "About 1,200 workers went on strike [1]."},
		{"how many strikers are there", "About 1,200 workers went on strike [1]."},
		{"How long did the strike last?", "The strike lasted 132 days, from 21 October 2024 to 2 March 2025 [1][2]."},
		{"Is the strike over?", "Yes: the strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		// Asked whether it is still on, the answer is no.
		{"Are the workers still on strike?", "No: the strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		{"Is the strike still going on?", "No: the strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		// Asked when, the answer is a day, not a yes.
		{"When did the strike end?", "The strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		{"When was the deal to end the walkout struck?", "The strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		// Asked how, and asked by the nouns of size and length.
		{"How did the strike end?", "The strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		{"What was the size of the strike?", "About 1,200 workers went on strike [1]."},
		{"What was the length of the strike?", "The strike lasted 132 days, from 21 October 2024 to 2 March 2025 [1][2]."},
		{"Which union is it?", "The workers are represented by the Allied Clinicians Union [1]."},
		{"Who are they striking against?", "The strike was against Northvale Health [1]."},
		{"What did Northvale offer?", "Before the agreement, Northvale Health's last reported offer was 10% over three years [1]."},
		// The FAQ answers, and the status's sources back what it states.
		{"Who is on strike?", "Therapists at Northvale Health. [2]"},
		// A weekday asked for is given; a length or count supposed is
		// corrected; going back without a deal is answered by how it
		// ended, with no yes.
		{"what weekday did the walkout start on", "The strike began on Monday 21 October 2024 [1]."},
		{"did the strike last 100 days", "The strike lasted 132 days, from 21 October 2024 to 2 March 2025 [1][2]."},
		{"were 5000 workers on strike", "About 1,200 workers went on strike [1]."},
		{"were around three thousand workers out", "About 1,200 workers went on strike [1]."},
		// "Why is it still going?", once it ended, is answered by the end.
		{"why is the strike still going", "No: the strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
		{"how long did the strike last and what raise did they get", "The strike lasted 132 days, from 21 October 2024 to 2 March 2025 [1][2]; the agreement raises pay 16% over four years [3]."},
		{"did they have to go back without a contract", "The strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]."},
	} {
		a := ix.AskStatus(tc.question, &st)
		if got := firstLine(a.Text); got != tc.want {
			t.Errorf("AskStatus(%q) first line = %q, want %q\n(whole answer:\n%s)", tc.question, got, tc.want, a.Text)
		}
		for _, c := range a.Citations {
			if c.ArticleID == 6 {
				t.Errorf("AskStatus(%q) cites the other region's strike:\n%s", tc.question, a.Text)
			}
			if strings.Contains(c.Sentence, "Jan. 20") {
				t.Errorf("AskStatus(%q) cites the mediation date:\n%s", tc.question, a.Text)
			}
		}
		if !a.FromFAQ && !a.FromStatus {
			t.Errorf("AskStatus(%q): FromStatus false, want the status sentence", tc.question)
		}
	}
}

// TestAskFAQCitesTheNews: an FAQ entry that answers a factual question
// carries the sources of the status values it states (the count, the
// union, the employer), after its first sentence; a value it does not
// state is not cited, and without a status it stands alone.
func TestAskFAQCitesTheNews(t *testing.T) {
	faq := []strike.FAQ{{
		Question: "Who is on strike?",
		Answer:   "About 1,200 therapists at Northvale Health, members of the Allied Clinicians Union. They picket daily.",
		Keywords: []string{"strikers"},
	}}
	ix, arts := statusFixture(t, faq)
	st := overStatus(arts)
	a := ix.AskStatus("who is on strike", &st)
	want := "About 1,200 therapists at Northvale Health, members of the Allied Clinicians Union. [2][3] They picket daily."
	if !a.FromFAQ || a.Text != want {
		t.Fatalf("AskStatus = %q (FAQ %v), want %q", a.Text, a.FromFAQ, want)
	}
	if len(a.Citations) != 3 || a.Citations[0].Source != coverage.FAQSource || a.Citations[1].ArticleID != 1 || a.Citations[2].ArticleID != 3 {
		t.Errorf("citations = %+v, want the FAQ entry, then articles 1 and 3", a.Citations)
	}
	// A count the status does not hold is not backed by its sources.
	st.Workers = 900
	if a := ix.AskStatus("who is on strike", &st); len(a.Citations) != 3 || a.Citations[1].ArticleID != 1 || a.Citations[2].ArticleID != 3 {
		t.Errorf("with another count, citations = %+v, want the employer's and the union's sources only", a.Citations)
	}
	if a := ix.Ask("who is on strike"); a.Text != faq[0].Answer || len(a.Citations) != 1 {
		t.Errorf("Ask without a status = %q, %d citations, want the FAQ entry alone", a.Text, len(a.Citations))
	}
}

// TestAskStatusFollowers: after the status sentence come at most two
// sentences of the news from other articles, which neither give another
// date for a date nor repeat the value more than once more.
func TestAskStatusFollowers(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	a := ix.AskStatus("When did the strike start?", &st)
	lines := strings.Split(a.Text, "\n")
	if len(lines) > 2 {
		t.Errorf("answer has %d lines, want the status sentence and at most one repeat of the date:\n%s", len(lines), a.Text)
	}
	seen := make(map[int64]bool)
	for _, c := range a.Citations {
		if c.ArticleID != 0 && seen[c.ArticleID] {
			t.Errorf("article %d cited twice:\n%s", c.ArticleID, a.Text)
		}
		seen[c.ArticleID] = true
	}
	if a.Citations[0].Field != strike.FieldStarted || a.Citations[0].Title != "Northvale therapists walk out" {
		t.Errorf("first citation = %+v, want the start date's source with its title", a.Citations[0])
	}
}

// TestAskWhatWasWon: "what raise did they win" is answered from the
// agreement's articles, never with the employer's offer; before any
// agreement the status says so and labels the offer.
func TestAskWhatWasWon(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	for _, q := range []string{"What raise did the workers win?", "What's in the deal?", "what did they get"} {
		a := ix.AskStatus(q, &st)
		first := firstLine(a.Text)
		if !strings.Contains(first, "16%") || strings.Contains(a.Text, "10%") {
			t.Errorf("AskStatus(%q) =\n%s\nwant first the agreement's 16%%, never the 10%% offer", q, a.Text)
		}
		if a.Kind != coverage.FactWon {
			t.Errorf("AskStatus(%q).Kind = %q, want %q", q, a.Kind, coverage.FactWon)
		}
		// Three wire copies of one sentence: cited once.
		if n := strings.Count(a.Text, "16%"); n != 1 {
			t.Errorf("AskStatus(%q) states the raise %d times, want once:\n%s", q, n, a.Text)
		}
	}

	during := overStatus(arts)
	during.Phase, during.Ended, during.DurationDays = strike.PhaseStrike, "", 0
	a := ix.AskStatus("What raise did the workers win?", &during)
	if want := "There is no agreement yet: the strike is still on [1]; Northvale Health's latest reported offer is 10% over three years [2]."; firstLine(a.Text) != want {
		t.Errorf("during the strike, first line = %q, want %q", firstLine(a.Text), want)
	}
}

// TestAskOtherStrikesOnlyWhenAsked: related news answers only questions
// that name it.
func TestAskOtherStrikesOnlyWhenAsked(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	a := ix.AskStatus("When did the Oregon strike start?", &st)
	if !a.Found || a.FromStatus || a.Citations[0].ArticleID != 6 {
		t.Errorf("AskStatus about Oregon =\n%s\nwant the Oregon article first, not the status", a.Text)
	}
	a = ix.Ask("When did the strike begin?") // no status: the news alone
	for _, c := range a.Citations {
		if c.ArticleID == 6 {
			t.Errorf("Ask without naming Oregon cites it:\n%s", a.Text)
		}
	}
}

// TestAskStatusFallsBack: a question the status cannot answer goes to
// the news.
func TestAskStatusFallsBack(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	st.Started = ""
	delete(st.Sources, strike.FieldStarted)
	a := ix.AskStatus("When did the strike start?", &st)
	if a.FromStatus || !a.Found || !strings.Contains(firstLine(a.Text), "Oct. 21") {
		t.Errorf("without a start date in the status, answer =\n%s\nwant the news's sentence with Oct. 21", a.Text)
	}
}

// TestAskStatusPinAndConflict: a pinned value cites the captains; a
// conflicting report is shown.
func TestAskStatusPinAndConflict(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	st.Started = "2024-10-22"
	st.Conflicts = map[strike.StatusField][]strike.FieldSource{strike.FieldStarted: st.Sources[strike.FieldStarted]}
	delete(st.Sources, strike.FieldStarted)
	st.Pinned = map[strike.StatusField]strike.Pin{strike.FieldStarted: {Field: strike.FieldStarted, Value: "2024-10-22", SetBy: "U1"}}
	a := ix.AskStatus("When did the strike start?", &st)
	if want := "The strike began on 22 October 2024 [1]; one report gives 21 October 2024 [2]."; firstLine(a.Text) != want {
		t.Errorf("first line = %q, want %q", firstLine(a.Text), want)
	}
	if a.Citations[0].Source != coverage.PinSource || a.Citations[0].ArticleID != 0 {
		t.Errorf("first citation = %+v, want the captains' pin", a.Citations[0])
	}
	// A conflict that gives the same day (another report's words for
	// it, stored apart) is no conflict.
	st = overStatus(arts)
	same := st.Sources[strike.FieldStarted][0]
	same.Value = "2024-10-21"
	st.Conflicts = map[strike.StatusField][]strike.FieldSource{strike.FieldStarted: {same}}
	if a := ix.AskStatus("When did the strike start?", &st); strings.Contains(a.Text, "one report gives") {
		t.Errorf("a conflict of the same day is shown: %q", firstLine(a.Text))
	}
}

// TestAskOwnNamesNeverPointAway: the campaign's own employer and union
// are the campaign's words, however much other news of the employer
// mentions them.
func TestAskOwnNamesNeverPointAway(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	for id := int64(20); id < 32; id++ {
		a := ansArt(id, 5, "Northvale Health opens a clinic", "Northvale Health opened a new clinic in the valley this week.")
		a.Relevance.Tier = strike.TierRelated
		ix.Add(a)
	}
	st := overStatus(arts)
	a := ix.AskStatus("When did the Northvale strike start?", &st)
	if !a.FromStatus || !strings.HasPrefix(a.Text, "The strike began on 21 October 2024") {
		t.Errorf("AskStatus =\n%s\nwant the status's start date", a.Text)
	}
}

// TestAskWhatWasWonWithoutPhase: when the agreement's articles carry no
// phase in their facts, the sentences about the deal published since the
// strike ended answer, still never the offer.
func TestAskWhatWasWonWithoutPhase(t *testing.T) {
	ix := coverage.NewIndex(nil, ansNow)
	offer := ansArt(1, 0, "Strike goes on", "The clinic workers strike continues. The clinic offered raises of 9% over three years.")
	deal := ansArt(2, 40, "Clinic workers approve contract",
		"Clinic workers approved a contract on Tuesday. The new contract gives raises of 14% over four years and keeps pensions. "+
			"The clinic had put 9% on the table before.")
	ix.Add(offer)
	ix.Add(deal)
	st := strike.Status{Phase: strike.PhaseRatified, Started: "2025-03-01", Ended: ansDay.Add(39 * 24 * time.Hour).Format(time.DateOnly),
		Sources: map[strike.StatusField][]strike.FieldSource{strike.FieldPhase: {src(deal, "ratified", "")}}}
	a := ix.AskStatus("What raise did the workers win?", &st)
	if first := firstLine(a.Text); !strings.Contains(first, "14%") || strings.Contains(a.Text, "9%") {
		t.Errorf("AskStatus =\n%s\nwant first the contract's 14%%, never the 9%% offer", a.Text)
	}
}

// TestAskStillOnWhileOn: asked whether a strike under way is still on, the
// answer is yes; asked whether it is over, no.
func TestAskStillOnWhileOn(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := strike.Status{Phase: strike.PhaseStrike, Workers: 1200, Started: "2024-10-21", Day: 30,
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldPhase:   {src(arts[1], "strike", "went on strike Monday")},
			strike.FieldStarted: {src(arts[1], "2024-10-21", "The strike began Oct. 21 after months of talks.")},
		}}
	for q, want := range map[string]string{
		"Are the workers still on strike?": "Yes: the strike is still on",
		"Is the strike over?":              "No: the strike is still on",
	} {
		if got := firstLine(ix.AskStatus(q, &st).Text); !strings.HasPrefix(got, want) {
			t.Errorf("AskStatus(%q) = %q, want it to start %q", q, got, want)
		}
	}
}

// TestAskHelpFollowsThePhase: "what can I ask you?" says where the strike
// stands, with its sources, and offers the questions that have answers at
// that point: how long it lasted once it is over, what comes next while
// it is on.
func TestAskHelpFollowsThePhase(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	over := overStatus(arts)
	on := strike.Status{Phase: strike.PhaseStrike, Workers: 1200, Started: "2024-10-21", Day: 30, Employer: "Northvale Health",
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldPhase:   {src(arts[1], "strike", "went on strike Monday")},
			strike.FieldStarted: {src(arts[1], "2024-10-21", "The strike began Oct. 21 after months of talks.")},
		}}
	for _, tc := range []struct {
		q         string
		st        *strike.Status
		want, not string
	}{
		{"help", &over, "The strike ended on 2 March 2025 after 132 days", "what comes next"},
		{"what can I ask you?", &over, "how long it lasted", "is on"},
		{"What can you answer", &on, "The strike is on, in its 30th day since 21 October 2024", "how long it lasted"},
		{"help", &on, "what comes next", "ended"},
	} {
		a := ix.AskStatus(tc.q, tc.st)
		got := firstLine(a.Text)
		if a.Kind != coverage.FactHelp || !a.FromStatus || !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) || !strings.Contains(got, "[1]") {
			t.Errorf("AskStatus(%q) = %q (kind %q), want the status with %q and without %q, cited", tc.q, got, a.Kind, tc.want, tc.not)
		}
	}
}

// TestAskYesNoAndAfterTheEnd: "did they win?" is answered yes with how the
// strike ended, then what was won; once the contract is ratified, "when do
// talks resume?" hears that the strike is over; "what is ACU?" names the
// union.
func TestAskYesNoAndAfterTheEnd(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	over := overStatus(arts)
	ratified := overStatus(arts)
	ratified.Phase = strike.PhaseRatified
	for _, tc := range []struct {
		q          string
		st         *strike.Status
		want, then string
	}{
		{"did they win?", &over, "Yes: the strike ended on 2 March 2025 after 132 days, with a tentative agreement [1]", "16%"},
		{"when do talks resume", &ratified, "Nothing more is scheduled: the strike ended on 2 March 2025 after 132 days, and members have ratified the new contract [1]", ""},
		{"what is ACU?", &over, "The workers are represented by the Allied Clinicians Union [1]", ""},
	} {
		a := ix.AskStatus(tc.q, tc.st)
		first, rest, _ := strings.Cut(a.Text, "\n")
		if !strings.HasPrefix(first, tc.want) || !strings.Contains(rest, tc.then) {
			t.Errorf("AskStatus(%q) =\n%s\nwant it to start %q, then say %q", tc.q, a.Text, tc.want, tc.then)
		}
	}
}

// TestAskWhereAfterTheStrike: once the strike is over, "where are the
// pickets?" is answered that there are none; "which towns had pickets?"
// and "where is the strike?" ask where it was, which the news tells.
func TestAskWhereAfterTheStrike(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	ix.Add(strike.Article{ID: 7, Key: "pickets", URL: "https://news.example/pickets", Title: "Pickets spread", Source: "Valley Ledger",
		Text:      "Therapists picketed outside clinics in Riverside and Fontana on the strike's second day.",
		Published: arts[1].Published.Add(24 * time.Hour), Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseStrike}})
	st := overStatus(arts)
	if a := ix.AskStatus("where are the pickets", &st); !strings.HasPrefix(a.Text, "There are no picket lines now") {
		t.Errorf("where are the pickets = %q, want none now", firstLine(a.Text))
	}
	for _, q := range []string{"which cities had pickets", "where is the strike", "what towns did they picket in"} {
		if a := ix.AskStatus(q, &st); len(a.Citations) == 0 || !strings.Contains(firstLine(a.Text), "Riverside") {
			t.Errorf("%s = %q, want the towns the news names", q, a.Text)
		}
	}
}

// TestAskOfferFromTheNewsHasAFigure: without an offer in the status, the
// news answers "what did Northvale offer?" with the sentence that gives
// the offer's figure, not a newer one that only says it is fair.
func TestAskOfferFromTheNewsHasAFigure(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	ix.Add(strike.Article{ID: 8, Key: "fair", URL: "https://news.example/fair", Title: "Northvale responds", Source: "Metro Daily",
		Text:      "Northvale says its offer is fair and that patients are being referred to other providers.",
		Published: arts[3].Published.Add(48 * time.Hour), Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: strike.Facts{Phase: strike.PhaseTentativeAgreement}})
	st := overStatus(arts)
	st.Offer = ""
	delete(st.Sources, strike.FieldOffer)
	for _, q := range []string{"what did northvale offer", "didn't northvale offer 10%"} {
		if a := ix.AskStatus(q, &st); !strings.Contains(firstLine(a.Text), "10%") {
			t.Errorf("%s = %q, want the offer's figure first", q, a.Text)
		}
	}
}

// TestAskDidTheyWinATerm: "did they get their pensions back?" names a
// term of the deal, which the deal's sentence on it answers first;
// "did they win?" names none and is answered yes, with how it ended.
func TestAskDidTheyWinATerm(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	if a := ix.AskStatus("did they get their pensions back", &st); !strings.Contains(firstLine(a.Text), "pensions") {
		t.Errorf("pensions: first line %q, want the deal's sentence on pensions", firstLine(a.Text))
	}
	// A term by another of its names: a retirement plan is a pension.
	if a := ix.AskStatus("did they get a retirement plan", &st); !strings.Contains(firstLine(a.Text), "pensions") {
		t.Errorf("retirement: first line %q, want the deal's sentence on pensions", firstLine(a.Text))
	}
	if a := ix.AskStatus("did they win?", &st); !strings.HasPrefix(a.Text, "Yes: the strike ended") {
		t.Errorf("did they win: first line %q, want yes and how it ended", firstLine(a.Text))
	}
	// Neither a strike said to have failed nor a term no sentence of the
	// deal names is answered yes: how it ended answers.
	for _, q := range []string{"did the strike fail?", "did the deal do anything about caseloads"} {
		if a := ix.AskStatus(q, &st); !strings.HasPrefix(a.Text, "The strike ended") {
			t.Errorf("%s: first line %q, want how it ended, and no yes", q, firstLine(a.Text))
		}
	}
}

// TestAskCompound: a question that asks two facts joined by "and" gets
// both in its first sentence, each with its sources.
func TestAskCompound(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	for _, tc := range []struct{ question, want string }{
		{"how many workers struck and what union are they in", "About 1,200 workers went on strike [1]; the workers are represented by the Allied Clinicians Union [2]."},
		{"when did it start and how long did it last?", "The strike began on 21 October 2024 [1]; the strike lasted 132 days, from 21 October 2024 to 2 March 2025 [2][1]."},
		// A later clause that names nothing of its own asks of the first.
		{"i want to know if they ended up getting a raise and how much it was", "The agreement raises pay 16% over four years and restores pensions for newer hires. [1]"},
	} {
		if a := ix.AskStatus(tc.question, &st); firstLine(a.Text) != tc.want {
			t.Errorf("AskStatus(%q) first line = %q, want %q", tc.question, firstLine(a.Text), tc.want)
		}
	}
}

// TestAskCompareWithTheOffer: "how much more than the offer did they
// get?" sets the agreement's raise beside the employer's last offer in
// one sentence, each with its source.
func TestAskCompareWithTheOffer(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	for _, q := range []string{"how much more than northvale's first offer did they get", "was the final raise bigger than what northvale offered"} {
		a := ix.AskStatus(q, &st)
		first := firstLine(a.Text)
		if !strings.Contains(first, "16%") || !strings.Contains(first, "10%") || strings.Count(first, "[") < 2 {
			t.Errorf("AskStatus(%q) first line = %q, want the 16%% raise beside the 10%% offer, both cited", q, first)
		}
	}
}

// TestAskYearOfOtherNews: a question naming a year the strike did not
// span asks of the news of that year, whose "Monday" is in it; a length
// of time ("a ten-week strike") is no count of strikers.
func TestAskYearOfOtherNews(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	at := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(15 * time.Hour)
	}
	for _, a := range []strike.Article{
		{ID: 7, Key: "k7", URL: "https://news.example/h", Source: "Hill Courier", Title: "Hillside therapists walk out",
			Text:      "About 700 Northvale therapists in Hillside went on strike Monday over staffing.",
			Published: at("2022-08-15"), Relevance: strike.Relevance{Tier: strike.TierRelated}},
		{ID: 8, Key: "k8", URL: "https://news.example/i", Source: "Hill Courier", Title: "Hillside strike ends",
			Text:      "Northvale therapists in Hillside struck for ten weeks before a deal ended the strike.",
			Published: at("2022-10-25"), Relevance: strike.Relevance{Tier: strike.TierRelated}},
	} {
		ix.Add(a)
	}
	st := overStatus(arts)
	for _, tc := range []struct {
		question, want string
	}{
		{"how many northvale therapists went on strike in 2022", "700"},
		{"how many therapists went on strike in hillside in 2022", "700"},
		{"how many therapists are on strike", "1,200"},
	} {
		a := ix.AskStatus(tc.question, &st)
		if !strings.Contains(firstLine(a.Text), tc.want) {
			t.Errorf("AskStatus(%q) first line = %q, want it to state %s", tc.question, firstLine(a.Text), tc.want)
		}
	}
}

// TestAskWhenOfAnEvent: a when-question naming an event is answered by a
// sentence naming it, with its day, not by the strike's start it shares
// a verb with; a weekday the publication dates is as good as a date.
func TestAskWhenOfAnEvent(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	for _, tc := range []struct {
		question, want string
	}{
		{"when did mediation start", "Jan. 20"},
		{"when did the mediator get involved", "Jan. 20"},
		{"When did the strike start?", "21 October 2024"},
	} {
		a := ix.AskStatus(tc.question, &st)
		if !strings.Contains(firstLine(a.Text), tc.want) {
			t.Errorf("AskStatus(%q) first line = %q, want it to state %s", tc.question, firstLine(a.Text), tc.want)
		}
	}

	ix.Add(strike.Article{ID: 9, Key: "k9", URL: "https://news.example/j", Source: "Valley Ledger", Title: "Vote set",
		Text:      "Members voted Thursday to ratify the contract, the union said. The ratification vote decides the deal.",
		Published: time.Date(2025, 3, 7, 18, 0, 0, 0, time.UTC), Relevance: strike.Relevance{Tier: strike.TierCore}})
	a := ix.AskStatus("what day was the ratification vote", &st)
	if want := "Thursday [6 March 2025]"; !strings.Contains(firstLine(a.Text), want) {
		t.Errorf("ratification vote: first line = %q, want it to state %s", firstLine(a.Text), want)
	}

	// A sentence on the event naming no day is no answer to "when",
	// however many of the question's words it shares.
	ix2, _ := statusFixture(t, nil)
	for id, text := range map[int64]string{12: "Vote on the contract.", 13: "Members ratified it Thursday."} {
		ix2.Add(strike.Article{ID: id, Key: text, URL: "https://news.example/" + text, Source: "Valley Ledger", Title: "Vote",
			Text: text, Published: time.Date(2025, 3, 7, 18, 0, 0, 0, time.UTC), Relevance: strike.Relevance{Tier: strike.TierCore}})
	}
	a = ix2.AskStatus("when did they vote on the contract", &st)
	if want := "Thursday [6 March 2025]"; !strings.Contains(firstLine(a.Text), want) {
		t.Errorf("vote on the contract: first line = %q, want it to state %s", firstLine(a.Text), want)
	}
}

// TestAskOtherNewsByTitleAndWords: a sentence of other news is found by
// the words of its title that point to it ("Hillcrest"), a profession by
// another ("clinicians" for "psychologists"), "struck" as "strike"; a
// party's position is what it said.
func TestAskOtherNewsByTitleAndWords(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	pub := time.Date(2025, 2, 3, 18, 0, 0, 0, time.UTC)
	for _, a := range []strike.Article{
		{ID: 10, Key: "k10", URL: "https://news.example/k", Source: "Hill Courier", Title: "Therapists strike in Hillcrest",
			Text:      "About 300 psychologists and counselors stopped working Monday in an open-ended strike over staffing. Talks have not been scheduled.",
			Published: pub, Relevance: strike.Relevance{Tier: strike.TierRelated}},
		{ID: 11, Key: "k11", URL: "https://news.example/l", Source: "Valley Ledger", Title: "Northvale answers union",
			Text:      "Northvale said in a statement that its offer was fair and that clinics stay open.",
			Published: pub, Relevance: strike.Relevance{Tier: strike.TierCore}},
	} {
		ix.Add(a)
	}
	st := overStatus(arts)
	for _, tc := range []struct {
		question, want string
	}{
		{"how many clinicians struck in hillcrest", "300"},
		{"whats northvales position", "Northvale said"},
	} {
		a := ix.AskStatus(tc.question, &st)
		if !strings.Contains(firstLine(a.Text), tc.want) {
			t.Errorf("AskStatus(%q) first line = %q, want it to state %s\n%s", tc.question, firstLine(a.Text), tc.want, a.Text)
		}
	}
}

// TestAskWrongTrade: a question supposing another profession on strike
// is answered with who struck, then what it asks.
func TestAskWrongTrade(t *testing.T) {
	ix, arts := statusFixture(t, nil)
	st := overStatus(arts)
	ix.SetWorkforce([]string{"therapists", "counselors", "psychiatric nurses"}, []string{"nurses"})
	for _, tc := range []struct {
		question, want string
	}{
		{"how many doctors went on strike", "The strikers are therapists, counselors and psychiatric nurses, not doctors; about 1,200 workers went on strike [1]."},
		{"how many nurses went on strike", "The strikers are therapists, counselors and psychiatric nurses, not nurses other than psychiatric nurses; about 1,200 workers went on strike [1]."},
		{"how many therapists went on strike", "About 1,200 workers went on strike [1]."},
	} {
		if got := firstLine(ix.AskStatus(tc.question, &st).Text); got != tc.want {
			t.Errorf("AskStatus(%q) first line = %q, want %q", tc.question, got, tc.want)
		}
	}
}
