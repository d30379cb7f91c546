package coverage

import (
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// TestFactKind checks that the kinds of factual question are recognised
// in the many ways supporters ask them, and that look-alikes are not.
func TestFactKind(t *testing.T) {
	tok := NewTokenizer(TokenizerOptions{})
	for _, tc := range []struct {
		question string
		want     FactKind
	}{
		{"When did the strike start?", FactStarted},
		{"when did it start", FactStarted},
		{"What date did the strike begin?", FactStarted},
		{"When did they walk out?", FactStarted},
		{"When did the workers go on strike?", FactStarted},
		{"Since when have they been on strike?", FactStarted},
		{"what day did the walkout begin", FactStarted},
		{"When was the first day of the strike?", FactStarted},
		{"How long ago did the strike start?", FactStarted},
		{"Why did the strike start?", FactDemands},
		// A "when" that opens a clause after the question's word asks no day.
		{"What raise did Kaiser offer when the strike started?", FactOffer},
		{"How many workers were out when talks began?", FactWorkers},
		{"what date do i put for day one?", FactStarted},
		{"on what date did the nuhw walkout get under way?", FactStarted},
		{"is the nuhw strike over, and if so since when?", FactOver},
		{"which day did we vote to ratify the contract that ended the strike?", FactNone},
		{"the socal strike was only ten weeks like norcal's, right?", FactDuration},
		{"what kinds of clinicians were part of the strike?", FactStrikers},
		{"What day were the strikers due back at their clinics?", FactNone},
		{"what day of the strike is it?", FactDuration},
		{"How many clinicians fasted outside Kaiser's Pasadena headquarters?", FactNone},

		{"Is the strike over?", FactOver},
		{"is it over yet", FactOver},
		{"Has the strike ended?", FactOver},
		{"When did the strike end?", FactOver},
		{"Are they still on strike?", FactOver},
		{"Is the strike still going on?", FactOver},
		{"Are the workers back at work?", FactOver},
		{"How big was the raise?", FactWon},
		{"How large a pay increase is it?", FactWon},
		// When they went back is a day the articles tell, not the end.
		{"When did they go back to work?", FactNone},
		{"When were the therapists back at their clinics?", FactNone},
		{"Have the strikers returned to work?", FactOver},
		{"Is there a strike?", FactOver},
		{"Are they on strike?", FactOver},
		{"Was the strike called off?", FactOver},

		// Another event of the strike is no question about the strike's
		// status.
		{"How long did the hunger strike last?", FactNone},
		{"When did the hunger strike begin?", FactNone},
		{"How many clinicians went on hunger strike?", FactNone},
		{"How many people joined the fast?", FactNone},
		// Who did something other than strike or represent the workers.
		{"Who mediated between Kaiser and the union?", FactNone},
		{"Who are the mediators in the union's talks?", FactNone},
		{"Who negotiated for the union?", FactNone},
		// How big a raise they won.
		{"How big a pay increase did the clinicians win?", FactWon},
		{"How much of a raise did the workers get?", FactWon},
		{"How large a raise did the union win?", FactWon},
		{"When was the die-in?", FactNone},
		{"How long did the strike last?", FactDuration},
		{"how long was the strike", FactDuration},
		{"How long has the strike been going on?", FactDuration},
		{"How many days did the strike last?", FactDuration},
		{"How many weeks have they been out?", FactDuration},
		{"What day of the strike is it?", FactDuration},

		{"How many workers are on strike?", FactWorkers},
		{"How many people are striking?", FactWorkers},
		{"how many strikers are there", FactWorkers},
		{"How many clinicians walked out?", FactWorkers},
		{"What is the number of strikers?", FactWorkers},
		{"How big is the strike?", FactWorkers},

		{"Who is on strike?", FactStrikers},
		{"who's striking", FactStrikers},
		{"What kind of workers are on strike?", FactStrikers},

		{"Which union is it?", FactUnion},
		{"What does the union want?", FactDemands},
		{"What does Kaiser want from the union?", FactDemands},
		{"What union represents the workers?", FactUnion},
		{"Who represents the strikers?", FactUnion},

		{"Who is the employer?", FactEmployer},
		{"Who are they striking against?", FactEmployer},
		{"Which company is it?", FactEmployer},

		{"What did Kaiser offer?", FactOffer},
		{"What's Kaiser's latest offer?", FactOffer},
		{"What is on the table?", FactOffer},
		{"How much did Kaiser offer?", FactOffer},

		{"What raise did the workers win?", FactWon},
		{"What did the workers win?", FactWon},
		{"What's in the deal?", FactWon},
		{"What are the terms of the agreement?", FactWon},
		{"How much of a raise did they get?", FactWon},
		{"Did they get a raise?", FactWon},
		{"What does the new contract include?", FactWon},
		{"what pay increase is in the contract", FactWon},

		{"What are they demanding?", FactDemands},
		{"What do they want?", FactDemands},
		{"Why are they striking?", FactDemands},
		{"What are the issues?", FactDemands},
		{"What are they fighting for?", FactDemands},

		{"When is the vote?", FactNext},
		{"when's the ratification vote", FactNext},
		{"What's next?", FactNext},
		{"When is the next bargaining session?", FactNext},
		{"Is there an upcoming rally?", FactNext},

		{"What's happening?", FactPhase},
		{"What is going on?", FactPhase},
		{"What's the latest on the strike?", FactPhase},
		{"Any news?", FactPhase},
		{"What is the status of the strike?", FactPhase},

		{"Where is the nearest picket line?", FactWhere},
		// The size, length and outcome asked by their nouns.
		{"What was the size of the strike?", FactWorkers},
		{"What was the length of the strike?", FactDuration},
		{"What was the duration of the walkout?", FactDuration},
		{"What was the size of the raise?", FactWon},
		{"Was the strike a success for the workers?", FactWon},
		{"Was the walkout successful?", FactWon},
		{"How did the strike end?", FactOver},
		{"Where did the strike take place?", FactWhere},
		{"How can I help?", FactNone},
		{"What is the weather in Paris?", FactNone},
		{"?!", FactNone},
	} {
		var words []string
		for _, tk := range ansRewrite(tc.question, tok.Tokens(tc.question), true) {
			words = append(words, tk.Word)
		}
		if got := factKind(words); got != tc.want {
			t.Errorf("factKind(%q) = %q, want %q", tc.question, got, tc.want)
		}
	}
}

// TestAnsOfferSentence: a sentence about the offer is no answer to what
// was won, but a sentence about the deal that compares it with the offer
// is.
func TestAnsOfferSentence(t *testing.T) {
	for _, tc := range []struct {
		text  string
		offer bool
	}{
		{"Kaiser offered raises of 18% over four years.", true},
		{"Kaiser's offer of 18% was rejected, and the deal came later.", true},
		{"The proposal on the table would raise pay 18%.", true},
		{"The deal raises wages 20% over four years, above the 18% Kaiser offered before the strike.", false},
		{"The agreement raises pay 21.5%, more than Kaiser's last offer.", false},
		{"The contract gives raises of 20% over four years.", false},
	} {
		if got := ansOfferSentence(tc.text); got != tc.offer {
			t.Errorf("ansOfferSentence(%q) = %v, want %v", tc.text, got, tc.offer)
		}
	}
}

// TestAnsNamesPerson: two capitalised words name a person unless they
// belong to an organisation's or a place's name.
func TestAnsNamesPerson(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Mediators Mark Ghaly and Darrell Steinberg helped.", true},
		{"Talks with Gov. Gavin Newsom went on.", true},
		{"Talks between Kaiser and the National Union of Healthcare Workers went on.", false},
		{"The mediators met in Southern California on Monday.", false},
		{"Kaiser Permanente and the union met with mediators.", false},
		{"Talks between Kaiser and the National Union of Healthcare Workers, led by Sal Rosselli, went on.", true},
	} {
		if got := ansNamesPerson(tc.text); got != tc.want {
			t.Errorf("ansNamesPerson(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestFactKindAsTyped checks that shorthand, slips of the keyboard and
// Spanish questions are read as the English questions they are.
func TestFactKindAsTyped(t *testing.T) {
	tok := NewTokenizer(TokenizerOptions{Stem: true})
	for _, tc := range []struct {
		question string
		want     FactKind
	}{
		{"whats the raise", FactWon},
		{"whats going on with the strike", FactPhase},
		{"r they still on strike", FactOver},
		{"wen did the strike start", FactStarted},
		{"how many ppl are on strike", FactWorkers},
		{"¿cuándo empezó la huelga?", FactStarted},
		{"cuantos trabajadores estan en huelga", FactWorkers},
		{"¿terminó la huelga?", FactOver},
		{"sigue la huelga", FactOver},
		{"cual es el sindicato", FactUnion},
		{"¿cuánto duró la huelga?", FactDuration},
		{"¿por qué estaban en huelga?", FactDemands},
		{"is there a strike rn", FactOver},
		{"what date did the therapists strike", FactStarted},
		{"when did they strike a deal", FactOver},
		{"total days on strike", FactDuration},
		{"what was the strike about", FactDemands},
		{"when was the deal reached", FactOver},
		{"when was the contract ratified", FactNone},
		{"What date did members approve the new Kaiser contract?", FactNone},
		{"when did members vote yes on the deal", FactNone},
		{"who helped settle the strike", FactNone},
		// A wait is no length of the strike, getting involved no win.
		{"how long were kaiser patients waiting for therapy appts", FactNone},
		{"did any politicians get involved in the kaiser strike", FactNone},
		// Two words, a wrong union, a raise supposed with a percent sign,
		// a return supposed in a month, a count three words before its
		// noun.
		{"days out?", FactDuration},
		{"the kaiser therapists' strike was run by unac, wasn't it", FactUnion},
		{"so in the end kaiser only gave the therapists 18 percent?", FactWon},
		{"did they go back to work in march", FactNone},
		{"so the kaiser mental health people didn't actually win anything from all that, right?", FactWon},
		// Phone shorthand: a headcount, a span's two ends, a length by its
		// noun; a day of the month is no count supposed.
		{"strikers headcount 4 the flyer?", FactWorkers},
		{"strike start -> end dates?", FactDuration},
		{"strike length in weeks / months?", FactDuration},
		{"didnt the strike start oct 11 when they gave notice", FactStarted},
		{"como se llama la union de los mental health workers?", FactUnion},
		{"final raise percent over the 4 yrs?", FactWon},
		{"was it really 31,000 kaiser mental health people on strike", FactWorkers},
		{"help", FactHelp},
		{"what can I ask you?", FactHelp},
		{"what can you tell me about the vote", FactNone},
		// Negated questions ask what the plain ones ask.
		{"didn't they settle?", FactOver},
		{"the strike isn't over yet, is it", FactOver},
		// Whether there was a strike at some time: its span answers.
		{"was there a strike in October?", FactDuration},
		{"was there a strike last spring", FactDuration},
		{"which cities had pickets", FactWhere},
		{"what towns did they picket in", FactWhere},
		// Strike pay is what the union's fund pays, not the raise.
		{"what about strike pay", FactNone},
		{"how much is strike pay", FactNone},
		// One word, or the strike and nothing else: where things stand.
		{"tell me about the kaiser strike", FactPhase},
		{"strike?", FactPhase},
		{"over?", FactOver},
		{"done?", FactOver},
		{"workers?", FactStrikers},
		{"tell me about the hunger strike", FactNone},
		// Who leads or speaks for someone is no question of the union's
		// name.
		{"who leads the union", FactNone},
		{"who heads the union", FactNone},
		{"who spoke for kaiser", FactNone},
		// Set beside the offer, the raise won.
		{"was the final raise bigger than what kaiser offered", FactWon},
		{"how much more than kaiser's first offer did they get", FactWon},
		{"did kaiser raise its offer", FactOffer},
		// Words typed without their vowels, regions by their chat names,
		// "hicieron huelga".
		{"hw many ppl striking", FactWorkers},
		{"how lng did the strike last", FactDuration},
		{"did they go bck to wrk", FactOver},
		{"how many wks was the strike", FactDuration},
		{"how long was the norcal strike", FactDuration},
		{"¿cuántos terapeutas hicieron huelga?", FactWorkers},
		// Joining the pickets asks where they are; donating does not.
		{"how do i join a picket line", FactWhere},
		{"where can i join the strikers", FactWhere},
		{"where can i donate to the strikers", FactNone},
		{"where do i send money for the strike fund", FactNone},
		// A strike supposed to have failed: what was won.
		{"why did the strike fail", FactWon},
		{"did the union lose the strike", FactWon},
		// The contract's term is no length of the strike.
		{"how long does the new contract run", FactNone},
		{"how long is the agreement", FactNone},
		{"how long did the strike last", FactDuration},
		// Whether the deal gave something: its terms.
		{"did the deal do anything about caseloads", FactWon},
		{"do newer hires get a pension now", FactWon},
		{"does the contract cover therapists' time", FactWon},
		{"did the members ratify the contract", FactNone},
		{"do they get strike pay", FactNone},
		{"did the deal end the strike", FactOver},
		{"do they want a new contract", FactDemands},
		// Slips, British spellings and "tl;dr".
		{"when did the kaiser stike end", FactOver},
		{"labour dispute at kaiser which union organised the strike", FactUnion},
		{"tl;dr on the kaiser strike", FactPhase},
		{"tldr", FactPhase},
		{"give me a recap of the strike", FactPhase},
		// A day asked by its weekday; "what day did we …" asks of an
		// event, not which day of the strike it is.
		{"what weekday did the walkout start on", FactStarted},
		{"what weekday did everyone go back to work", FactNone},
		{"im a picket captain in san diego what day did we ratify", FactNone},
		{"what day is it", FactDuration},
		{"What day did the Kaiser clinicians hit the picket lines?", FactStarted},
		{"when did they take to the picket lines", FactStarted},
		{"what day of the strike are we on", FactDuration},
		// A length or a count supposed in a yes/no question: the status's
		// corrects it.
		{"did the strike last 100 days", FactDuration},
		{"has the strike gone on for 6 months", FactDuration},
		{"were 5000 workers on strike", FactWorkers},
		{"did 10,000 therapists walk out", FactWorkers},
		// Wrong premises of length and of being still on, a count in
		// words or "involved", the length compared, the raise "ended up
		// with", "how come", a part of the region.
		{"why did the strike last a year", FactDuration},
		{"were only 500 therapists involved", FactWorkers},
		{"were around three thousand kaiser clinicians out", FactWorkers},
		{"did it last about two hundred days", FactDuration},
		{"was it longer than the norcal one", FactDuration},
		{"did they end up with twenty percent or eighteen", FactWon},
		{"how come they only got a 10% raise", FactWon},
		{"which part of california was the strike in", FactWhere},
		// "Which day" asks when, not who.
		{"which day were kaiser's striking therapists back seeing patients", FactNone},
		// Going back without a deal is a question of how it ended.
		{"did they have to go back without a contract", FactOver},
		// Batch 11 and the tenth and eleventh corpora: "so cal", "put up
		// picket lines", "called … out on strike" (no end), "what night",
		// "TA", the news of a day, hunger strikers.
		{"on which day did the kaiser therapists down in so cal first put up picket lines", FactStarted},
		{"which labor union called the kaiser psychologists and counselors out on strike", FactUnion},
		{"did they call off the strike", FactOver},
		{"what night did kaiser and the therapists' union shake hands on a tentative deal", FactOver},
		{"TA date?", FactOver},
		{"first day kaiser socal clinicians were seeing patients again after the walkout", FactNone},
		{"what happened on may 8", FactNone},
		{"what happened in may", FactPhase},
		{"who went on hunger strike", FactNone},
	} {
		var words []string
		for _, tk := range ansRewrite(tc.question, tok.Tokens(tc.question), true) {
			words = append(words, tk.Word)
		}
		if got := factKind(words); got != tc.want {
			t.Errorf("factKind(%q) = %q (words %q), want %q", tc.question, got, words, tc.want)
		}
	}
}

// TestAnsOtherYear checks that a question naming a year the strike did
// not span asks of other news, and that one naming a year it spanned, or
// none, does not.
func TestAnsOtherYear(t *testing.T) {
	now := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	ended := &strike.Status{Started: "2024-10-21", Ended: "2025-05-05"}
	ongoing := &strike.Status{Started: "2024-10-21", AsOf: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		question string
		st       *strike.Status
		want     bool
	}{
		{"how many workers struck in northern california in 2022", ended, true},
		{"what happened in 2023", ended, true},
		{"will they strike again in 2026", ended, true},
		{"when did the strike start in 2024", ended, false},
		{"what happened in may 2025", ended, false},
		{"how many workers are on strike", ended, false},
		{"was there a strike in 2025", ongoing, false},
		{"was there a strike in 2023", ongoing, true},
		{"how many struck in 2022", &strike.Status{}, false},
	} {
		words := strings.Fields(tc.question)
		if got := ansOtherYear(words, tc.st, now); got != tc.want {
			t.Errorf("ansOtherYear(%q) = %v, want %v", tc.question, got, tc.want)
		}
	}
}

// TestWrongTrade checks that a question supposing another profession on
// strike is told from one naming the campaign's own.
func TestWrongTrade(t *testing.T) {
	ix := NewIndex(nil, nil)
	if got := ix.wrongTrade(strings.Fields("why did the nurses strike")); got != "" {
		t.Errorf("without a workforce, wrongTrade = %q, want none", got)
	}
	ix.SetWorkforce([]string{"Mental health", "therapists", "Psychiatric nurses"}, []string{"pharmacists", "respiratory therapists"})
	for _, tc := range []struct {
		question, want string
	}{
		{"why did the nurses strike", "nurses"},
		{"how many doctors went on strike", "doctors"},
		{"when did the nurse strike start", "nurses"},
		{"are the pharmacists on strike", "pharmacists"},
		{"how many psychiatric nurses went on strike", ""},
		{"how many therapists went on strike", ""},
		{"how many workers are on strike", ""},
		{"why did they strike", ""},
	} {
		if got := ix.wrongTrade(strings.Fields(tc.question)); got != tc.want {
			t.Errorf("wrongTrade(%q) = %q, want %q", tc.question, got, tc.want)
		}
	}
}

// TestAnsNamesPlace checks that a capitalised word after a word of place
// is a place, but not a month, a weekday or a count in capitals.
func TestAnsNamesPlace(t *testing.T) {
	tok := NewTokenizer(TokenizerOptions{})
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Clinicians picketed in Ontario on Monday.", true},
		{"PICKET LINES ACROSS THE INLAND EMPIRE.", true},
		{"The strike began in October.", false},
		{"Talks resume on Monday at noon.", false},
		{"THE WALKOUT STARTED AT SEVEN THIS MORNING.", false},
		{"The union said the deal was fair.", false},
		// A record's measure is no place: "in U.S. history".
		{"The longest mental health strike in U.S. history: 196 days.", false},
		{"The longest strike in California history began in Pasadena.", true},
	} {
		if got, _ := ansNamesPlace(tc.text, tok.Tokens(tc.text)); got != tc.want {
			t.Errorf("ansNamesPlace(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestParseQuestionChatSigns: "#" is a number, "first day … again" asks
// when the workers returned.
func TestParseQuestionChatSigns(t *testing.T) {
	ix := NewIndex(nil, nil)
	if q := ix.parseQuestion("# of days out?"); q.fact != FactDuration {
		t.Errorf("%q: kind %q (words %q), want %q", "# of days out?", q.fact, q.words, FactDuration)
	}
	for _, text := range []string{"first day kaiser socal clinicians were seeing patients again after the walkout",
		"return-to-work date for the #kaiserstrike clinicians", "they went back on may 5 right"} {
		q := ix.parseQuestion(text)
		if q.kind != ansKindWhen || !q.asksReturn() {
			t.Errorf("%q: kind %v, asks return %v; want when, true", text, q.kind, q.asksReturn())
		}
	}
}

// TestAnsDropChat: the words of chat around a question are not searched
// for; a last "right" asks to be agreed with.
func TestAnsDropChat(t *testing.T) {
	ix := NewIndex(nil, nil)
	for q, want := range map[string]string{
		"wait so did the pension thing get fixed or nah": "so did the pension get fixed or",
		"they went back on may 5 right":                  "they went back on may 5",
		"is the right to strike protected":               "is the right to strike protected",
		"what happened on march 10th":                    "what happened on march 10",
		"where did the pickets go up in the IE":          "where did the pickets go up in the inland empire",
		"la huelga de hambre cuantos dias duro":          "hunger strike how many days lasted",
		"cuanto les ofrecio kaiser":                      "how much offered kaiser",
	} {
		if got := strings.Join(ix.parseQuestion(q).words, " "); got != want {
			t.Errorf("%q: words %q, want %q", q, got, want)
		}
	}
}

// TestComparedStrikeIsNoOtherNews: "was this one longer than the 2022
// strike up north?" asks of the campaign's strike, compared.
func TestComparedStrikeIsNoOtherNews(t *testing.T) {
	ix := NewIndex(nil, func() time.Time { return time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC) })
	st := &strike.Status{Started: "2024-10-21", Ended: "2025-05-05", Phase: strike.PhaseEnded}
	q := ix.parseQuestion("was this one longer than the 2022 strike up north or nah")
	if away := ix.pointsAway(&q, st); away || q.fact != FactDuration {
		t.Errorf("kind %q, points away %v; want duration, of this strike", q.fact, away)
	}
	q = ix.parseQuestion("how long was the 2022 strike")
	if !ix.pointsAway(&q, st) {
		t.Error("how long was the 2022 strike: want other news")
	}
}

// TestStrikeNamedByItsOwn: a strike named by its strikers' profession or
// its demands is the campaign's, whatever else the question names far
// from it or in a comparison; another union named at it is other news.
func TestStrikeNamedByItsOwn(t *testing.T) {
	ix := NewIndex(nil, func() time.Time { return time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC) })
	ix.SetWorkforce([]string{"therapists", "psychologists"}, nil)
	ix.SetScopeNames([]string{"Southern California"}, []string{"NUHW"}, []string{"Northern California"},
		[]string{"Coalition of Kaiser Permanente Unions", "California Nurses Association"})
	st := &strike.Status{Started: "2024-10-21", Ended: "2025-05-05", Phase: strike.PhaseEnded, Employer: "Kaiser Permanente",
		Demands: []string{"restore pensions", "lower caseloads"}}
	for q, want := range map[string]bool{
		"wasn't the kaiser pension strike something like 75,000 people":                                                  true,
		"didn't the therapists' strike over pay parity and pensions start on oct 4 like the coalition one":               true,
		"i'm a nursing student doing a presentation on the kaiser therapists' strike over caseloads. when did it begin?": true,
		"how many struck in the coalition strike":                                                                        false,
	} {
		pq := ix.parseQuestion(q)
		if got := ix.namesOwnStrike(&pq, st); got != want {
			t.Errorf("namesOwnStrike(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAnsStampOnly: a page's time stamp is no sentence to answer with.
func TestAnsStampOnly(t *testing.T) {
	tok := NewTokenizer(TokenizerOptions{})
	for text, want := range map[string]bool{
		"Oct. 25, 2022 7:00 PM UTC":                      true,
		"Updated 4:15 PM PT, October 21, 2024":           true,
		"By Priya Natarajan · Oct. 25, 2022 8:30 PM UTC": true,
		"Members ratified the contract on May 8.":        false,
		"The strike began on Monday, Oct. 21, 2024.":     false,
	} {
		if got := ansStampOnly(tok.Tokens(text)); got != want {
			t.Errorf("ansStampOnly(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestAnsFocus: a message's greetings, thanks and afterthoughts are not
// its question; a sentence before it that names the dispute's things may
// carry its subject, and a clause that tells a question is kept whole.
func TestAnsFocus(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"when did the strike start", "when did the strike start"},
		{"hi all, thanks for the great turnout yesterday! quick one before i print the banner: what's the union's full name? want to spell it right. see you at 7",
			"what's the union's full name?"},
		{"morning team 👋 thank u all for showing up every single day. how long did the hunger strike last again? someone asked me on the line",
			"how long did the hunger strike last again?"},
		{"UNAC's strike was only 5 days. how long was ours?", "UNAC's strike was only 5 days. how long was ours?"},
		{"thanks! when did it start", "when did it start"},
		{"my dad keeps asking what we won on wages in the end, what's the number again? ok thanks!!",
			"my dad keeps asking what we won on wages in the end, what's the number again?"},
		{"the kaiser strikers' hunger strike, how many days did it go", "the kaiser strikers' hunger strike, how many days did it go"},
		{"is this the longest strike in U.S. history?", "is this the longest strike in U.S. history?"},
	} {
		if got := ansFocus(tt.in); got != tt.want {
			t.Errorf("ansFocus(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAnsPastStage: with no tense, a ratification vote or mediation is
// a stage a strike passed once it is over; "next" and "will" ask ahead.
func TestAnsPastStage(t *testing.T) {
	for q, want := range map[string]bool{
		"ratification vote when":      true,
		"when was mediation":          true,
		"when is the next vote":       false,
		"when will they vote":         false,
		"when did the strike start":   false,
		"tentative agreement vote???": true,
	} {
		if got := ansPastStage(strings.Fields(strings.Trim(q, "?"))); got != want {
			t.Errorf("ansPastStage(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAnsOnlyCount: a sentence whose only figure is the strikers' count
// does not answer how many did something else.
func TestAnsOnlyCount(t *testing.T) {
	for text, want := range map[string]bool{
		"The hunger strike is a new tactic in a strike by some 2,400 psychologists.": true,
		"A five-day hunger strike by eight clinicians began in April.":               false,
		"Eight of the 2,400 strikers began a hunger strike.":                         false,
		"About 60 of the 2,400 strikers lay down outside the office.":                false,
		"The hunger strike began Monday.":                                            false,
	} {
		if got := ansOnlyCount(text, 2400); got != want {
			t.Errorf("ansOnlyCount(%q) = %v, want %v", text, got, want)
		}
	}
	for q, want := range map[string]bool{
		"what raise did kaiser offer when the strike started": true,
		"what was kaiser's opening offer":                     true,
		"what's kaiser's latest offer":                        false,
	} {
		if got := ansAsksFirstOffer(strings.Fields(q)); got != want {
			t.Errorf("ansAsksFirstOffer(%q) = %v, want %v", q, got, want)
		}
	}
}
