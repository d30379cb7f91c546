package coverage_test

import (
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

func TestEventOf(t *testing.T) {
	tests := []struct {
		title, lead string
		want        coverage.EventClass
	}{
		{"Kaiser therapists walk off the job across Southern California", "", coverage.ClassBegins},
		{"Kaiser pharmacists vote to authorize strike", "", coverage.ClassNotice},
		{"Mental health workers set Oct. 21 strike", "", coverage.ClassNotice},
		// "open-ended" is no end; a strike planned with no article is a notice.
		{"Kaiser mental health workers in Southern California plan open-ended strike", "", coverage.ClassNotice},
		{"Kaiser's labor bill faces a test", "Bond analysts say Kaiser is about to find out what an open-ended strike by a specialized workforce costs.", coverage.ClassOngoing},
		{"Therapists begin open-ended strike", "", coverage.ClassBegins},
		// A return to a named place and
		// the employer's word that the strike it regrets begins today.
		{"Hugs, balloons as Kaiser therapists return to San Diego clinics", "", coverage.ClassEnds},
		{"Kaiser statement on the strike", "We are disappointed that the union has chosen to call a strike of our mental health professionals beginning today.", coverage.ClassBegins},
		{"Therapists will walk off the job Monday", "", coverage.ClassNotice},
		{"Southern California Kaiser mental health clinicians will strike October 21", "", coverage.ClassNotice},
		{"Therapists rally outside Kaiser as strike begins", "", coverage.ClassRally},
		{"Tentative agreement ends Kaiser therapists' strike", "", coverage.ClassAgreement},
		{"Strike ends as therapists ratify contract", "", coverage.ClassRatified},
		{"Kaiser mental health contract runs out with no deal on the table", "", coverage.ClassUnknown},
		{"Hunger strikers enter fifth day outside Kaiser offices", "", coverage.ClassHunger},
		{"Lawmakers urge Kaiser to settle with striking therapists", "", coverage.ClassLetter},
		{"Mediator joins Kaiser talks", "", coverage.ClassMediation},
		{"Kaiser strike talks break off after Presidents Day session", "", coverage.ClassTalks},
		{"Kaiser strike reaches 100 days", "", coverage.ClassMilestone},
		{"What the strike means for patients", "", coverage.ClassOngoing},
		{"Kaiser opens a new wing", "Kaiser opened a new wing on Monday.", coverage.ClassUnknown},
		{"Therapists back at work", "Strikers returned to work on Monday after the union called off its strike.", coverage.ClassEnds},
		{"A long week", "Kaiser therapists went on strike Monday across Southern California.", coverage.ClassBegins},
		// Strikers putting down caseloads and picking up picket signs begin it.
		{"We're on strike for our patients", "This morning, Kaiser clinicians put down their caseloads and picked up picket signs across Southern California.", coverage.ClassBegins},
		// An approval of a pact is a ratification; a return to come is no end.
		{"San Diego therapists head back Monday", "Kaiser therapists will return to their posts Monday after members approved the pact that ended their long strike.", coverage.ClassRatified},
		// Back at work days after ratifying is the return; ratifying and
		// ending the strike at once is the ratification.
		{"Kaiser therapists return to work after strike", "The therapists returned to their offices Monday morning, days after ratifying a new contract.", coverage.ClassEnds},
		{"Therapists return to their clinics", "Kaiser's clinicians returned to their offices on Monday.", coverage.ClassEnds},
		{"Strike over", "Members voted to ratify the contract, ending the strike and sending therapists back to work.", coverage.ClassRatified},
		// The region's Spanish-language press.
		{"Terapeutas de Kaiser inician huelga indefinida en el sur de California", "", coverage.ClassBegins},
		{"Ocho terapeutas cumplen tres días en huelga de hambre", "", coverage.ClassHunger},
		{"Acuerdo tentativo pone fin a la huelga de terapeutas", "", coverage.ClassAgreement},
		{"Terapeutas de Kaiser regresan a sus consultorios tras la huelga", "", coverage.ClassEnds},
		{"Cien días de huelga: terapeutas siguen sin contrato", "", coverage.ClassMilestone},
		{"Terapeutas de Kaiser anuncian huelga para el 21 de octubre", "", coverage.ClassNotice},
		{"Huelga de terapeutas de Kaiser", "Unos 2.000 trabajadores de Kaiser comenzaron el lunes una huelga indefinida.", coverage.ClassBegins},
		// A strike reported on the day it is on: its first.
		{"KAISER NURSES STRIKE - 6AM LIVE", "[ANCHOR] THOUSANDS OF KAISER NURSES ARE ON STRIKE THIS MORNING.", coverage.ClassBegins},
		{"Kaiser strike drags on", "The therapists remain on strike today.", coverage.ClassOngoing},
		{"Enfermeras de Kaiser en huelga", "Enfermeras de Kaiser marcharon el martes, en el primer día de una huelga de cinco días.", coverage.ClassBegins},
		{"Nurses picket Kaiser", "Nurses picketed on the first day of a five-day strike.", coverage.ClassBegins},
		// A start counted back from today is the count; a contract's state
		// is not its ratification.
		{"100 days. Still here.", "One hundred days ago we walked out of Kaiser's clinics in Southern California.", coverage.ClassMilestone},
		{"Back inside", "Today our members walked back into Kaiser's clinics together, with a ratified contract in hand.", coverage.ClassEnds},
		{"Contract approved by 94% of voters", "", coverage.ClassRatified},
		{"Therapists expect to be back soon", "The strikers will return to work once the vote is counted.", coverage.ClassOngoing},
		// The page's byline and date line are not the lead.
		{"Inside the Kaiser deal", "By Owen Mattis · May. 6, 2025 3:10 PM UTC\n\nThe two sides reached a tentative agreement on Sunday.", coverage.ClassAgreement},
		{"Governor steps into Kaiser strike. Will it matter?", "· Feb. 7, 2025 6:10 PM UTC\n\nGov. Gavin Newsom has written to both sides to urge mediation.", coverage.ClassLetter},
		// Back at work, back with our patients, a return after the strike.
		{"After 196 days, the therapists are back at work", "", coverage.ClassEnds},
		{"Back with our patients", "Our members are back with our patients today.", coverage.ClassEnds},
		{"Fontana therapists back seeing patients", "", coverage.ClassEnds},
		{"Glad to be back: Kaiser therapists return after strike", "", coverage.ClassEnds},
		{"Legislative leaders press Kaiser to settle", "", coverage.ClassLetter},
		// A hunger strike's start and end are the hunger strike's.
		{"Striking Kaiser clinicians begin hunger strike in Pasadena", "", coverage.ClassHunger},
		{"8 clinicians end 5-day hunger strike: 'Our fast is over. Our strike is not.'", "", coverage.ClassHunger},
	}
	for _, tt := range tests {
		a := &strike.Article{Title: tt.title, Text: tt.lead}
		if got := coverage.EventOf(a, strike.Facts{}, "").Class; got != tt.want {
			t.Errorf("EventOf(%q, %q).Class = %v, want %v", tt.title, tt.lead, got, tt.want)
		}
	}
}

// TestEventOfEndIsItsContract: an end of the strike whose article reports
// the contract still to be voted on is the agreement's event; one whose
// article reports it ratified, the ratification's; else the end's own.
func TestEventOfEndIsItsContract(t *testing.T) {
	a := &strike.Article{Title: "Kaiser therapists end their walkout. Now comes the vote.",
		Text: "Kaiser's mental health workers ended their walkout this week."}
	for phase, want := range map[string]coverage.EventClass{
		strike.PhaseTentativeAgreement: coverage.ClassAgreement,
		strike.PhaseRatified:           coverage.ClassRatified,
		strike.PhaseEnded:              coverage.ClassEnds,
		"":                             coverage.ClassEnds,
	} {
		got := coverage.EventOf(a, strike.Facts{Phase: phase}, "")
		if got.Class != want {
			t.Errorf("phase %q: class %v, want %v", phase, got.Class, want)
		}
		deal := coverage.EventOf(&strike.Article{Title: "Tentative agreement reached at Kaiser"}, strike.Facts{}, "")
		if _, same := got.SameEvent(deal); same != (want == coverage.ClassAgreement) {
			t.Errorf("phase %q: same event as the agreement = %v", phase, same)
		}
	}
}

// TestEventOfReturnAfterRatifying: workers reported back (phase ended)
// are the return, whatever contract the lead names before it.
func TestEventOfReturnAfterRatifying(t *testing.T) {
	a := &strike.Article{Title: "Welcome back: our first day after 196 days",
		Text: "Today our members walked back into our clinics together, after 196 days on strike and a contract we ratified last week."}
	if got := coverage.EventOf(a, strike.Facts{Phase: strike.PhaseEnded}, "").Class; got != coverage.ClassEnds {
		t.Errorf("class %v, want ends", got)
	}
	if got := coverage.EventOf(a, strike.Facts{Phase: strike.PhaseRatified}, "").Class; got != coverage.ClassRatified {
		t.Errorf("with phase ratified: class %v, want ratification", got)
	}
}

// TestEventSameShortStrike: the start of a strike of a set length and
// the return after it report one strike; other strikers, another length
// or a contract do not.
func TestEventSameShortStrike(t *testing.T) {
	ev := func(title, union string) coverage.EventFeatures {
		return coverage.EventOf(&strike.Article{Title: title}, strike.Facts{Union: union}, "NUHW")
	}
	begins := ev("31,000 Kaiser nurses and professionals begin five-day strike", "UNAC/UHCP")
	if begins.Span != 5 {
		t.Fatalf("span %d, want 5", begins.Span)
	}
	tests := []struct {
		other coverage.EventFeatures
		same  bool
	}{
		{ev("Kaiser nurses back at work after five-day strike; no contract yet", "UNAC/UHCP"), true},
		{ev("Kaiser nurses return after 5-day strike", ""), true},
		{ev("Kaiser nurses back at work after three-day strike", "UNAC/UHCP"), false},
		{ev("Kaiser therapists back at work after five-day strike", "NUHW"), false},
		{ev("Kaiser nurses ratify contract after five-day strike", "UNAC/UHCP"), false},
		{ev("Kaiser therapists back at work after 196-day strike", ""), false},
	}
	for i, tt := range tests {
		if got := begins.SameShortStrike(tt.other); got != tt.same {
			t.Errorf("case %d: SameShortStrike = %v, want %v (%+v)", i, got, tt.same, tt.other)
		}
	}
}

// phased returns the event features of a headline whose article reports
// the phase.
func phased(title, phase string) coverage.EventFeatures {
	return coverage.EventOf(&strike.Article{Title: title}, strike.Facts{Phase: phase}, "NUHW")
}

func TestEventConflicts(t *testing.T) {
	ev := func(title string, union string) coverage.EventFeatures {
		facts := strike.Facts{Union: union}
		return coverage.EventOf(&strike.Article{Title: title}, facts, "NUHW")
	}
	tests := []struct {
		a, b     coverage.EventFeatures
		conflict bool
	}{
		{ev("Kaiser pharmacists vote to authorize strike", ""), ev("Kaiser therapists walk off the job", ""), true},
		{ev("Tentative agreement reached in Kaiser strike", ""), ev("Kaiser therapists ratify contract", ""), true},
		{ev("Tentative agreement ends Kaiser strike", ""), ev("Therapists head back to work", ""), false},
		{ev("Hawaii Kaiser therapists strike", ""), ev("Southern California Kaiser therapists strike", ""), true},
		{ev("Kaiser therapists strike", "NUHW"), ev("Kaiser nurses strike", "UNAC/UHCP"), true},
		{ev("Kaiser strike talks resume", ""), ev("Mediator joins Kaiser talks", ""), false},
		{ev("Kaiser strike drags on", ""), ev("Kaiser therapists ratify contract", ""), false},
		// Reports of the contract in different states are different events,
		// whatever their headlines' classes: the deal, the vote, the return.
		{phased("What the deal means for patients", strike.PhaseTentativeAgreement), phased("What the vote means for patients", strike.PhaseRatified), true},
		{phased("Therapists head back", strike.PhaseRatified), phased("Therapists are back", strike.PhaseEnded), true},
		{phased("What the deal means for patients", strike.PhaseTentativeAgreement), ev("Tentative agreement reached in Kaiser strike", ""), false},
		{phased("A die-in at Kaiser", strike.PhaseStrike), phased("A die-in at Kaiser", strike.PhaseMediation), false},
		// Talks opening and talks breaking off days later are two events;
		// the headline's first turn tells.
		{ev("Mediators step in as Kaiser talks open", ""), ev("Kaiser mediation breaks off after two days", ""), true},
		{ev("Mediation begins in Kaiser strike", ""), ev("Kaiser talks break off a day after mediation began", ""), true},
		{ev("Mediation begins in Kaiser strike", ""), ev("Mediators join Kaiser talks", ""), false},
		{ev("Kaiser talks collapse", ""), ev("Kaiser mediation stalls", ""), false},
	}
	for i, tt := range tests {
		if got := tt.a.Conflicts(tt.b); got != tt.conflict {
			t.Errorf("case %d: Conflicts = %v, want %v (%+v vs %+v)", i, got, tt.conflict, tt.a, tt.b)
		}
		if got := tt.b.Conflicts(tt.a); got != tt.conflict {
			t.Errorf("case %d reversed: Conflicts = %v, want %v", i, got, tt.conflict)
		}
	}
}

func TestFingerprintRoundTrip(t *testing.T) {
	a := &strike.Article{Title: "Hawaii Kaiser nurses rally as talks resume", Text: "Nurses marched in Honolulu on Monday.", Published: time.Now()}
	f := coverage.Fingerprint{Sig: coverage.Sign(a), Event: coverage.EventOf(a, strike.Facts{Union: "X", Phase: strike.PhaseRatified}, "Y")}
	f.Event.NotReport = true
	f.Event.Days = 100
	f.Event.Turn = 2
	f.Event.Span = 5
	if f.Event.Contract == 0 || f.Event.Workforce == 0 || f.Event.Class == coverage.ClassUnknown {
		t.Fatalf("event %+v: want a class, a contract and a workforce to round-trip", f.Event)
	}
	b, err := f.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var g coverage.Fingerprint
	if err := g.UnmarshalBinary(b); err != nil || g != f {
		t.Fatalf("round trip = %+v, %v; want %+v", g.Event, err, f.Event)
	}
	// A version 3 fingerprint reads without the short strike's length.
	v3 := append([]byte{3}, b[1:len(b)-1]...)
	if err := g.UnmarshalBinary(v3); err != nil || g.Event.Span != 0 || g.Event.Days != f.Event.Days || g.Event.Turn != f.Event.Turn {
		t.Errorf("version 3 = %+v, %v", g.Event, err)
	}
	// A version 2 fingerprint reads without the days.
	v2 := append([]byte{2}, b[1:len(b)-3]...)
	if err := g.UnmarshalBinary(v2); err != nil || g.Sig != f.Sig || g.Event.Days != 0 || g.Event.Class != f.Event.Class {
		t.Errorf("version 2 = %+v, %v", g.Event, err)
	}
	// A version 1 signature reads as a fingerprint with no event.
	old, _ := f.Sig.MarshalBinary()
	if err := g.UnmarshalBinary(old); err != nil || g.Sig != f.Sig || g.Event != (coverage.EventFeatures{}) {
		t.Errorf("version 1 = %+v, %v", g.Event, err)
	}
	for _, bad := range [][]byte{nil, {2}, b[:len(b)-1], append([]byte{9}, b[1:]...)} {
		if err := g.UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%d bytes) = nil error", len(bad))
		}
	}
}

func BenchmarkEventOf(b *testing.B) {
	docs, err := demo.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		coverage.EventOf(&strike.Article{Title: d.Title, Text: d.Body}, strike.Facts{}, "")
		i++
	}
}

func FuzzFingerprint(f *testing.F) {
	fp := coverage.Fingerprint{Event: coverage.EventFeatures{Class: coverage.ClassRally, Classes: 8, Union: 1, Region: 3, Workforce: 2}}
	b, _ := fp.MarshalBinary()
	f.Add(b)
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var g coverage.Fingerprint
		if err := g.UnmarshalBinary(data); err != nil {
			return
		}
		again, _ := g.MarshalBinary()
		var h coverage.Fingerprint
		if err := h.UnmarshalBinary(again); err != nil || h != g {
			t.Fatalf("re-encoding %x gave %+v, %v", data, h, err)
		}
	})
}

// TestEventOfNotReport: a headline that announces an opinion piece, a
// letter, an explainer, a timeline or a roundup of others' coverage marks
// a piece that reports no event of its own; a news headline does not.
func TestEventOfNotReport(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Opinion: Striking therapists deserve a fair deal", true},
		{"Commentary: The Kaiser deal is only a beginning", true},
		{"Op-ed: Why I walked the picket line", true},
		{"Letters: Readers weigh in on the walkout", true},
		{"Editorial: Settle the strike", true},
		{"What to know about the therapists' walkout", true},
		{"Kaiser strike: what to know as it enters week three", true},
		{"Kaiser mental health strike - your questions, answered", true},
		{"Therapist strike timeline: from walkout to deal", true},
		{"Kaiser therapist strike FAQ: pay, pensions and patients", true},
		{"Why are the clinicians striking? An explainer", true},
		{"Kaiser strike: what outlets are reporting", true},
		{"Kaiser therapists walk off the job across Southern California", false},
		{"Tentative agreement ends Kaiser therapists' strike", false},
		{"Lawmakers urge Kaiser to settle with striking therapists", false},
		{"Kaiser strike reaches 100 days", false},
		{"Opinions differ as Kaiser strike drags on", false},
		// First-person essays, podcast notes, FAQ pages, results.
		{"I'm a Kaiser therapist. This is my ninth day on a picket line.", true},
		{"I went back to my Kaiser office after six months on strike", true},
		{"Episode 212: Why Kaiser's therapists walked out", true},
		{"Frequently asked questions: mental health care during the strike", true},
		{"Returning to your clinician: common questions", true},
		{"The Kaiser therapist contract, in plain English", true},
		{"Kaiser posts third-quarter operating gain as investment income climbs", true},
		{"Kaiser's first-quarter margin narrows as labor costs rise", true},
		{"Immigrant therapists join Kaiser picket lines", false},
	}
	for _, tt := range tests {
		got := coverage.EventOf(&strike.Article{Title: tt.title}, strike.Facts{}, "").NotReport
		if got != tt.want {
			t.Errorf("EventOf(%q).NotReport = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// TestEventOfDays checks that reports of one milestone, whatever else they
// tell of the day, are one event by its count of days; and that a length
// or a deadline is no count.
func TestEventOfDays(t *testing.T) {
	pub := time.Date(2025, 1, 28, 12, 0, 0, 0, time.UTC)
	march := &strike.Article{Title: "Kaiser therapists mark 100 days on strike with march in Los Angeles", Published: pub}
	post := &strike.Article{Title: "100 days. Still here.", Text: "One hundred days ago we walked out of Kaiser's clinics.", Published: pub}
	spanish := &strike.Article{Title: "Huelga de terapeutas de Kaiser cumple 100 días sin acuerdo", Published: pub}
	for _, a := range []*strike.Article{march, post, spanish} {
		if got := coverage.EventOf(a, strike.Facts{}, "").Days; got != 100 {
			t.Errorf("%q: days %d, want 100", a.Title, got)
		}
	}
	if cl, ok := coverage.EventOf(march, strike.Facts{}, "").SameEvent(coverage.EventOf(spanish, strike.Facts{}, "")); !ok || cl != coverage.ClassMilestone {
		t.Errorf("march and Spanish brief: SameEvent = %v, %v; want milestone", cl, ok)
	}
	// The count written in words.
	for _, title := range []string{"Fifty days on the line, and counting", "Day 50: the strike drags on"} {
		if got := coverage.EventOf(&strike.Article{Title: title, Published: pub}, strike.Facts{}, "").Days; got != 50 {
			t.Errorf("%q: days %d, want 50", title, got)
		}
	}
	for _, title := range []string{"Deal ends 196-day strike", "Kaiser must answer within 30 days", "Kaiser must answer within thirty days", "Kaiser opens a clinic"} {
		if got := coverage.EventOf(&strike.Article{Title: title, Published: pub}, strike.Facts{}, "").Days; got != 0 {
			t.Errorf("%q: days %d, want 0", title, got)
		}
	}
}

// TestEventOfRegionAcrossStates checks that a strike told across three
// regions or more names no one region, so its local photos are not
// another event; and that one region named stays that region.
func TestEventOfRegionAcrossStates(t *testing.T) {
	pub := time.Date(2023, 10, 4, 12, 0, 0, 0, time.UTC)
	multi := &strike.Article{Title: "Kaiser health care workers begin strike", Published: pub,
		Text: "OAKLAND, Calif. -- Workers in California, Oregon, Colorado and Virginia walked off the job today."}
	if got := coverage.EventOf(multi, strike.Facts{}, "").Region; got != 0 {
		t.Errorf("across states: region %d, want 0", got)
	}
	one := &strike.Article{Title: "Kaiser workers picket in Harbor City", Published: pub, Text: "Workers walked off the job today."}
	if got := coverage.EventOf(one, strike.Facts{}, "").Region; got == 0 {
		t.Errorf("one region: region 0, want Southern California's")
	}
	// A show's number names no place: the sentence after it does; so does
	// the region's Spanish-language press.
	show := &strike.Article{Title: "Episode 212: Why Kaiser's therapists walked out", Published: pub,
		Text: "Episode 212. This week we're outside a Kaiser clinic in Pasadena, where therapists are on strike."}
	spanish := &strike.Article{Title: "Huelga de terapeutas de Kaiser", Published: pub,
		Text: "Los trabajadores de salud mental de Kaiser en el sur de California siguen en huelga."}
	for _, a := range []*strike.Article{show, spanish} {
		if got, want := coverage.EventOf(a, strike.Facts{}, "").Region, coverage.EventOf(one, strike.Facts{}, "").Region; got != want {
			t.Errorf("%q: region %d, want %d", a.Title, got, want)
		}
	}
}
