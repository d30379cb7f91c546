package coverage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/internal/racetest"
	"github.com/strikebot/strikebot/strike"
)

func testExtractor() *Extractor {
	return NewExtractor(FactsOptions{
		Unions:    []string{"National Union of Healthcare Workers", "UNAC", "Coalition of Kaiser Permanente Unions"},
		Employers: []string{"Kaiser Permanente"},
		Aliases:   map[string]string{"National Union of Health Care Workers": "National Union of Healthcare Workers"},
		Exclude:   []string{"Kaiser Aluminum"},
	})
}

// wed is a Wednesday afternoon publication date.
var wed = time.Date(2025, 3, 12, 17, 0, 0, 0, time.UTC)

func TestSentencePhase(t *testing.T) {
	tests := []struct {
		sentence string
		want     string
	}{
		{"Hotel cooks went on strike Monday.", strike.PhaseStrike},
		// A return after a strike told in the past is done, whatever
		// "before" says; a vote before returning is still to come.
		{"She was one of about 2,400 clinicians who struck for 196 days before returning to work in May.", strike.PhaseEnded},
		{"Members will vote before returning to work.", ""},
		{"Nobody goes back to work until the members say yes.", ""},
		{"The five-day strike by about 31,000 Kaiser nurses and health professionals in Southern California ended over the weekend.", strike.PhaseEnded},
		{"Members are back on their regular shifts this morning.", strike.PhaseEnded},
		// No threat: denied to all, any strike at all, the law's notice,
		// the second of two things denied.
		{"Nobody has called a strike.", ""},
		{"Nobody on this team wants to walk out on our patients.", ""},
		{"Any strike would first need a vote of members and a 10-day notice to Kaiser.", ""},
		{"Under California law, health care workers must give at least 10 days' notice before a strike.", ""},
		{"The union has not set a strike date or called a strike vote.", ""},
		{"The union gave Kaiser a 10-day notice on Friday.", strike.PhaseThreatened},
		{"Kaiser SoCal BH contract lapses at midnight; union warns of labor action", strike.PhaseThreatened},
		{"Leaders of the mental health union said a strike was now likely.", strike.PhaseThreatened},
		{"Members who were told, by a friend or online, that the strike by the clinicians ended before the holidays called us.", ""},
		{"Through the holidays, 2,400 Kaiser mental health clinicians in Southern California have held the line.", strike.PhaseStrike},
		{"They came back 196 days later, in May, with a contract their union calls a victory.", strike.PhaseEnded},
		{"It is a year this week since about 2,400 mental health clinicians walked out on Kaiser Permanente in Southern California on 21 October 2024.", ""},
		{"San Diego clinicians are among about 2,400 on strike across Southern California.", strike.PhaseStrike},
		{"Returning to work: All striking clinicians return to work on Monday, May 12.", strike.PhaseStrike},
		// A vote on striking is the news, another group's strike its
		// background.
		{"Kaiser pharmacy workers to vote on strike as therapists' walkout enters fourth week", ""},
		{"About 3,000 pharmacy workers have voted to authorize a strike, their locals said Wednesday, in the middle of a five-day walkout by the company's nurses.", strike.PhaseThreatened},
		{"Pharmacy workers voted to authorize a strike, adding a third union to the list of Kaiser employees who have walked out or threatened to.", strike.PhaseThreatened},
		{"Kaiser issued the following statement regarding the open-ended strike by approximately 2,000 mental health professionals, which begins today:", strike.PhaseStrike},
		{"Since the past Monday, some 2.400 workers of mental health of Kaiser Permanente are in strike.", strike.PhaseStrike},
		// Mediation told past a long aside, or as sitting down with the
		// mediators.
		{"Mediated talks between Kaiser and the union, led by former state Health and Human Services Secretary Mark Ghaly and former Sacramento Mayor Darrell Steinberg, have been under way since March 10 but have not produced an agreement.", strike.PhaseMediation},
		{"Yesterday our bargaining team sat down with Kaiser and two mediators, Mark Ghaly and Darrell Steinberg.", strike.PhaseMediation},
		{"Three weeks after returning from one of the longest mental health strikes in the country, the clinicians describe a work life that is part reunion.", strike.PhaseEnded},
		{"'We'd rather be with our patients': Kaiser therapists paint picket signs on strike eve", strike.PhaseThreatened},
		{"They will take only water for five days, camped outside the medical center, to demand that Kaiser settle a fair contract and end our strike.", strike.PhaseStrike},
		{"Nurses were joined by some of the roughly 2,400 therapists who struck Kaiser for 196 days before returning to work in May.", ""},
		{"We walked out together, and on May 12, 2025, we walked back in together.", strike.PhaseEnded},
		// A date set off by commas in news style does not cut the clause:
		// the "will" still governs the strike after it.
		{"About 2,400 clinicians will walk off the job Monday, Oct. 21, in an open-ended strike.", strike.PhaseThreatened},
		{"The clinicians walked off the job Monday, Oct. 21, in an open-ended strike.", strike.PhaseStrike},
		// Nor does a number's comma.
		{"The union will send 2,400 clinicians out on strike Monday.", strike.PhaseThreatened},
		// Strikers named as a definite group are on strike, whatever the
		// modal before them is about.
		{"If you see a Kaiser therapist, yours may be one of the nearly 2,400 clinicians on strike across Southern California.", strike.PhaseStrike},
		{"Kaiser may replace the clinicians on strike.", strike.PhaseStrike},
		{"The union said its members would be on strike Monday.", strike.PhaseThreatened},
		// "to striking …" is a preposition; "the next … weeks out" is time
		// ahead; a first person back in the office, or who stayed out a
		// number of days, is back.
		{"Bakersfield patient to striking therapist: 'I'm still here'", strike.PhaseStrike},
		{"The next circle is three weeks out.", ""},
		{"I've been back in my office for three months.", strike.PhaseEnded},
		{"We stayed out for 196 days.", strike.PhaseEnded},
		// A place's end; an insurer's "plan"; a "when" clause in the past;
		// striking spoken of after "before" or "from"; a strike in a
		// "while" clause of background; mediators at work.
		{"Two dozen therapists picketed in Bakersfield on Monday, the northern end of a strike that stretches to San Diego.", strike.PhaseStrike},
		{"Regulators are tracking whether members can still get appointments while the health plan's unionized therapists are on strike.", strike.PhaseStrike},
		{"When the 196-day strike by the clinicians ended with their return to work on May 12, two charges were still pending.", strike.PhaseEnded},
		{"Federal law requires a union to warn a hospital 10 days before striking.", ""},
		{"About 3,000 pharmacists have voted to authorize a strike, adding a second front while some 2,400 of its clinicians remain on strike.", strike.PhaseThreatened},
		{"The two men now mediating the Kaiser strike bring different kinds of experience.", strike.PhaseMediation},
		{"Their mediation, which began Monday, has no statutory basis.", strike.PhaseMediation},
		{"Kaiser wants mediation, which begins only if both sides agree.", ""},
		{"Starting today, our bargaining team is meeting with Kaiser under the guidance of two mediators.", strike.PhaseMediation},
		{"State mediators are in.", strike.PhaseMediation},
		// Mediation with an adjective, under way for a while, in a
		// striker's contraction, in a status line, run through two
		// mediators, with mediators in the room; a mediator's title's
		// period does not cut the clause.
		{"Kaiser and the union began state-brokered mediation Monday.", strike.PhaseMediation},
		// A deal "unless" reached before the strike day, however long the
		// union's name between; a fast "to press for" the strike's end; an
		// employer "focused on reaching an agreement"; a strike braced
		// for, or starting tomorrow.
		{"Ochoa and her colleagues plan to strike Monday, Oct. 21, unless their union, the National Union of Healthcare Workers, reaches a deal with Kaiser before then.", strike.PhaseThreatened},
		{"Eight Kaiser clinicians stop eating to press for end of strike", strike.PhaseStrike},
		{"Kaiser said it remains focused on reaching an agreement.", ""},
		{"Tonight, Kaiser Permanente is bracing for a five-day strike by its nurses and health professionals.", strike.PhaseThreatened},
		{"Kaiser nurses are on a five-day strike by their union, starting first thing tomorrow morning.", strike.PhaseThreatened},
		{"Clinicians who went on strike Monday are bracing for a long fight.", strike.PhaseStrike},
		// Another union's strike set off by commas; pharmacy workers who
		// weigh a strike while another goes on.
		{"(Kaiser's Southern California mental health clinicians, in a separate union, are in their fourth week on strike.)", ""},
		{"Kaiser pharmacy workers weigh strike as therapists' walkout drags on", strike.PhaseThreatened},
		{"About 3,000 pharmacy workers are voting this week on whether to authorize a strike, their union said, as Kaiser's mental health clinicians enter their fourth week on the picket line.", strike.PhaseThreatened},
		// Talks that "have continued" with mediators.
		{"Negotiators for Kaiser and the union met yesterday, with no mediator in the room.", ""},
		{"Talks have continued with two mediators, former California Health and Human Services Secretary Mark Ghaly and former Sacramento Mayor Darrell Steinberg, who began working with the two sides in March.", strike.PhaseMediation},
		// A strike "is going on", as one "goes on".
		{"The Kaiser strike is going on six months now.", strike.PhaseStrike},
		{"Mediated sessions have been under way since Monday.", strike.PhaseMediation},
		{"We're in mediation now, with Mark Ghaly and Darrell Steinberg.", strike.PhaseMediation},
		{"Status: On strike; in mediation since March 10, 2025", strike.PhaseMediation},
		{"Since March, talks between the union and Kaiser have run through two mediators.", strike.PhaseMediation},
		{"Today our bargaining team sat down with Kaiser for the first time with two mediators in the room.", strike.PhaseMediation},
		{"Mediated sessions with former state health secretary Dr. Mark Ghaly resumed last week and continued Monday.", strike.PhaseMediation},
		{"A neutral mediator can help Kaiser's negotiators see what our members have been telling them.", ""},
		{"Mediation under two state-appointed figures began on 10 March 2025 before breaking down within days.", ""},
		// Mediated talks a day further; mediators who stepped back; a
		// long "as its …" clause of background.
		{"Mediated talks between Kaiser and its clinicians went into a third day Wednesday.", strike.PhaseMediation},
		{"Mark Ghaly and Darrell Steinberg, who began mediating the dispute March 10, have stepped back for now.", ""},
		{"About 3,000 pharmacy workers have voted to authorize a strike, adding to pressure on the health system as its mental health clinicians in the region marked 100 days on the picket line.", strike.PhaseThreatened},
		// English from elsewhere: the noun "walk-out", conciliators, a
		// return to the work site; an end told with its length after it.
		{"'It's over': Californian therapists' marathon walk-out ends after 196 days", strike.PhaseEnded},
		{"Conciliators step in as walk-out by 2,400 Kaiser staff nears five months", strike.PhaseMediation},
		{"Two former officials have begun conciliation talks between Kaiser and the union.", strike.PhaseMediation},
		{"The union has asked for conciliation.", ""},
		{"The workers returned to the work site today, after the strike of 196 days.", strike.PhaseEnded},
		{"Kaiser strike ends after six months", strike.PhaseEnded},
		// A striker's own "I'm on strike"; a day in mediation; talks on
		// hold.
		{"I've been a Kaiser nurse for 23 years. This week I'm on strike.", strike.PhaseStrike},
		{"They say they're on strike for their patients.", strike.PhaseStrike},
		{"Our team spent another long day in mediation today with the two mediators.", strike.PhaseMediation},
		{"Mediated talks with the two mediators, on hold since late March, did not resume during the week.", ""},
		// "to strikers" is a preposition too; months since a strike
		// ended open a sentence about something else.
		{"In 2022 she sent pizza to strikers up north.", strike.PhaseStrike},
		{"Five months after the clinicians ended a 196-day strike, another group of Kaiser workers is preparing to walk out.", strike.PhaseThreatened},
		{"The strike ended two months after it began.", strike.PhaseEnded},
		// Spanish: an end with its deal, a hunger strike's end, mediators,
		// a return "a trabajar", a vote to come.
		{"La huelga de los trabajadores de salud mental llegó a su fin, tras un acuerdo alcanzado la noche del domingo.", strike.PhaseTentativeAgreement},
		{"Terminó la huelga en Kaiser.", strike.PhaseEnded},
		{"La huelga de hambre terminó el viernes.", ""},
		{"Kaiser y el sindicato iniciaron este lunes pláticas con la ayuda de dos mediadores.", strike.PhaseMediation},
		{"Mediadores estatales entran al conflicto entre Kaiser y sus terapeutas en huelga", strike.PhaseMediation},
		{"Hace una semana, los trabajadores regresaron a trabajar después de una huelga que duró casi siete meses.", strike.PhaseEnded},
		{"Los miembros tienen que votar el acuerdo esta semana, y solo si lo ratifican volverán a sus consultorios.", ""},
		// A return claimed by the employer or reported by others, or put
		// in quotes, is no end; mediators who began work are mediation.
		{"Kaiser therapists return to work, health system says", ""},
		{"You may have seen a headline last week that said Kaiser therapists had returned to work.", ""},
		{"Kaiser's \"return to work\" numbers don't add up", ""},
		{"Clinicians ratified a new contract and have returned to work, and Kaiser says it is reconnecting patients.", strike.PhaseEnded},
		{"Two familiar Sacramento figures began work Monday as mediators in the long-running strike.", strike.PhaseMediation},
		// The last time is an earlier strike.
		{"The last time Kaiser's clinicians walked off the job, in August 2022, the picket signs stayed up for ten weeks.", ""},
		// Talks going on under mediators.
		{"Talks between Kaiser and the union continue under state mediators, who were brought in in March, but have yet to produce a deal.", strike.PhaseMediation},
		{"The union wants talks to continue with mediators.", ""},
		// Working under the new contract.
		{"We are five months into our new contract.", strike.PhaseEnded},
		// An "until" of what is to come; a question; a strike begun under a
		// modal that governs something else.
		{"We stay out until we have a tentative agreement that members can vote on.", strike.PhaseStrike},
		{"We remain on strike until members ratify the agreement.", strike.PhaseStrike},
		{"They stayed out until members ratified the contract on May 8.", strike.PhaseRatified},
		{"Are Kaiser's striking therapists going back to work? What we know", strike.PhaseStrike},
		{"Here are the terms you will see in coverage of the strike by Kaiser mental health workers, which began Oct. 21, 2024, and is still going on.", strike.PhaseStrike},
		{"No more horns on Sierra: Fontana's Kaiser therapists back at their desks", strike.PhaseEnded},
		{"Their therapist, one of the clinicians who had been on strike with the union, was waiting with cookies.", ""},
		{"Kaiser therapists are back seeing patients in Fontana.", strike.PhaseEnded},
		{"Word spread that mediated talks between Kaiser and the union were under way.", strike.PhaseMediation},
		{"We are disappointed that NUHW leaders have chosen to call a strike rather than continue working with us.", strike.PhaseStrike},
		// A strike that goes on under "will"; a walkout set "to begin"; a
		// return after a short strike; mediators at work in other words.
		{"The union says its members will stay on strike.", strike.PhaseStrike},
		{"The union delivered a 10-day strike notice Friday, setting a five-day walkout to begin Oct. 14.", strike.PhaseThreatened},
		{"Kaiser nurses return after five-day strike; no contract yet", strike.PhaseEnded},
		{"Since Monday the two have been shuttling between negotiators for Kaiser and the union.", strike.PhaseMediation},
		// A length told whole in the past, a headline's end "after
		// five-day strike", and an anniversary's "one year on from".
		{"For 196 days, from October 2024 until a contract in May 2025, she and 2,400 colleagues stayed off the job.", strike.PhaseEnded},
		{"For 100 days now, they have stayed off the job.", strike.PhaseStrike},
		{"Advisory: hospitals back to normal staffing after five-day strike", strike.PhaseEnded},
		{"One year on from the day Kaiser counselors walked out: what changed for them?", ""},
		// A plea with words between its verb and "to"; more of the
		// strikers back is a share; a session that ended in a strike.
		{"Legislators urged Kaiser Permanente on Thursday to return to the table and end a strike by its counselors, now in its eighth week.", strike.PhaseStrike},
		{"More counselors return to work as the clinics stay open", ""},
		{"More than 2,400 counselors returned to work on Monday after the strike.", strike.PhaseEnded},
		{"Holiday bargaining session in counselors' strike ends without a deal", strike.PhaseStrike},
		// Things set down are no plan; mediation that has not resumed is
		// still off.
		{"At 7 this morning, 2,400 counselors set down their caseloads and picked up picket signs.", strike.PhaseStrike},
		{"Talks with the mediators broke down in March and have not resumed.", ""},
		{"Talks with the mediators collapsed in March but resumed this week.", strike.PhaseMediation},
		// An institution's notices: a strike "is now in" its month, one
		// that "has kept" its strikers off the job under a plea, one
		// "scheduled", mediators appointed "at the governor's request".
		{"The strike is now in its fifth month, and no settlement has been announced.", strike.PhaseStrike},
		{"Legislators urged both sides to settle a strike that has kept about 2,400 counselors off the job since Oct. 21.", strike.PhaseStrike},
		{"The union has scheduled a strike to begin Monday, Oct. 21.", strike.PhaseThreatened},
		{"The two sides are now meeting with two mediators appointed at the governor's request.", strike.PhaseMediation},
		{"Kaiser declined the governor's request for mediation.", ""},
		// A headline's present tense is the strike; the same words after
		// a determiner name it; a deal struck is no strike.
		{"Thousands of Kaiser therapists strike in Southern California", strike.PhaseStrike},
		{"Kaiser mental health workers strike, demand pensions", strike.PhaseStrike},
		{"What to know about this week's Kaiser nurses strike in Southern California", ""},
		{"Kaiser nurses strike: what to know", ""},
		{"Workers strike a deal with Kaiser", strike.PhaseTentativeAgreement},
		// Headline forms: a strike called off in the passive, picket lines
		// going up, a strike continued, a strike approved (not its pay).
		{"Strike called off at Kaiser", strike.PhaseEnded},
		{"Picket lines go up at Kaiser clinics", strike.PhaseStrike},
		{"Kaiser mental health workers reject contract offer, continue strike", strike.PhaseStrike},
		{"Kaiser therapists approve strike", strike.PhaseThreatened},
		{"Members will approve strike pay for those on the line.", ""},
		{"The strike is in its fifth month, as a federal mediator shuttles between the company and the union.", strike.PhaseMediation},
		{"Mediated talks between Kaiser and its striking workers wrapped up their first day without an announcement.", strike.PhaseMediation},
		// How strikes end in general, or what follows a step to come: an
		// explainer's rule, not news. A step told done in the past tense
		// after "when" is news.
		{"The strike ends when the union and Kaiser reach an agreement, or when the union calls it off.", ""},
		{"Once the two sides reach a tentative agreement, members vote on it.", ""},
		{"A strike typically ends when workers ratify a new contract.", ""},
		{"Strikes like this usually end with a tentative agreement.", ""},
		{"When the clinicians ratified the contract on May 8, they celebrated outside the hall.", strike.PhaseRatified},
		{"Once the union and Kaiser reached a tentative agreement, pickets came down.", strike.PhaseTentativeAgreement},
		// A return still to come: set for a day, bid farewell till then,
		// or after a vote not yet held; an end only brokered.
		{"Kaiser mental health workers ratify contract; return to work set for Monday", strike.PhaseRatified},
		{"Ratified. Watch the vote count, and see you back at work Monday.", strike.PhaseRatified},
		{"Members will vote on the deal before returning to work.", ""},
		{"Two veteran state political figures are trying to broker an end to a strike now in its 141st day.", strike.PhaseStrike},
		{"Mediators were hired to negotiate an end to the strike.", strike.PhaseStrike},
		// An agreement that ends a strike whose length is told whole is
		// still an agreement until members ratify it.
		{"Kaiser Permanente and the union reached a tentative agreement late Sunday, ending a strike that lasted 196 days.", strike.PhaseTentativeAgreement},
		// A strike told by its day; one whose verb comes after a long
		// aside; strikers back inside.
		{"The Kaiser Permanente behavioral health strike in Southern California is on day 94, with no talks scheduled.", strike.PhaseStrike},
		{"The strike they were trying to draw attention to, by nearly 2,400 clinicians in the union, continues.", strike.PhaseStrike},
		{"The therapists are back inside, seeing patients, and the corner is just a corner again.", strike.PhaseEnded},
		// A strike to be ended is one going on; one "called by" the union
		// and in its fourth week; a strike "begun"; mediators "now"
		// mediating.
		{"Kaiser met with the union in an effort to end the strike by some of our mental health professionals.", strike.PhaseStrike},
		{"Members continue to receive care during the strike called by the union, now in its fourth week.", strike.PhaseStrike},
		// A strike someone asks, fails or means to end, or that the union
		// declined to end, goes on; so does one whose strikers were
		// "called out", whose picket lines "continue" or that "turned" a
		// month old.
		{"We again ask NUHW to end this strike while we continue to bargain.", strike.PhaseStrike},
		{"The session ended without an agreement to end the strike by roughly 2,400 mental health clinicians.", strike.PhaseStrike},
		{"Tell your legislators that Kaiser had a chance to end this strike today and chose not to.", strike.PhaseStrike},
		{"Beginning today, the union has called roughly 2,400 mental health professionals out on an open-ended strike.", strike.PhaseStrike},
		{"Picket lines continue tomorrow at every site.", strike.PhaseStrike},
		{"The mental health clinicians' strike turned four months old this week.", strike.PhaseStrike},
		// An end urged after another act ("to return to the table and end
		// a strike"); picketers, picket lines and clinicians "out" as the
		// setting; a strike's update by its day.
		{"A group of California state legislators urged Kaiser Permanente in letters this week to return to the bargaining table and end a strike by its mental health workers in Southern California, now in its eighth week.", strike.PhaseStrike},
		{"Kaiser told members that appointments continue, as picketers from its mental health clinics began a third week outside medical offices.", strike.PhaseStrike},
		{"The union, which represents the picketing psychologists, therapists and social workers, disputed that picture.", strike.PhaseStrike},
		{"Lawmakers urged Kaiser to resolve its dispute with mental health workers who have been on picket lines since October.", strike.PhaseStrike},
		{"It also asked how Kaiser was meeting state access rules while the clinicians are out.", strike.PhaseStrike},
		{"Strike update, day 64: a holiday message from the bargaining team", strike.PhaseStrike},
		{"Informational picketers gathered outside the medical center before the vote.", ""},
		// Mediators continuing their sessions; mediation led by named
		// mediators continuing; mediated talks "going since March".
		{"The fast comes as state-appointed mediators Mark Ghaly and Darrell Steinberg continue sessions between the two sides.", strike.PhaseMediation},
		{"The complaints come as mediators Mark Ghaly and Darrell Steinberg continue closed-door sessions between Kaiser and the union, which began March 10.", strike.PhaseMediation},
		{"The hunger strike comes as mediation led by Dr. Mark Ghaly and Darrell Steinberg continues.", strike.PhaseMediation},
		{"Mediated talks led by Mark Ghaly and Darrell Steinberg have been going since March without producing a deal.", strike.PhaseMediation},
		// A strike over for a while, a return told after its length or
		// "not until" a day, and "since the strike" are the end, not a
		// strike going on.
		{"At Kaiser's clinics in the Inland Empire, the strike has been over for two months.", strike.PhaseEnded},
		{"They returned in May 2025 after 196 days, under a four-year contract.", strike.PhaseEnded},
		{"They did not return until May 12, after 196 days, two months of mediation and a hunger strike on Sunset Boulevard.", strike.PhaseEnded},
		{"Kaiser said it had added mental health staff in the region since the strike.", ""},
		{"We will not return until Kaiser agrees to a fair contract.", ""},
		// Spanish: a strike announced or planned for a day, a contract
		// approved ("un nuevo contrato"), a return set for a day.
		{"Profesionales de salud mental de Kaiser anuncian huelga a partir del 21 de octubre", strike.PhaseThreatened},
		{"Unos 2.400 psicólogos de Kaiser Permanente planean iniciar una huelga indefinida el lunes 21 de octubre.", strike.PhaseThreatened},
		{"Los 2.400 profesionales de salud mental aprobaron el jueves 8 de mayo un nuevo contrato de cuatro años.", strike.PhaseRatified},
		{"Terapeutas de Kaiser ratifican contrato; regresan al trabajo el lunes 12 de mayo", strike.PhaseRatified},
		// But a deal to end it is the deal, and a call to end a strike not
		// yet begun is no strike.
		{"Kaiser and the union reached an agreement to end the strike late Sunday.", strike.PhaseTentativeAgreement},
		{"The union will call members out on strike if talks fail.", strike.PhaseThreatened},
		{"Today, some unions in the coalition have begun a strike at many of our facilities.", strike.PhaseStrike},
		{"Two former officials are now mediating the Kaiser Permanente mental health strike in Southern California.", strike.PhaseMediation},
		// A strike told only as what might have been, or asked about
		// under "if": no phase.
		{"Would the union have walked out if it were their child?", ""},
		{"Back in November I asked what would happen if the Kaiser therapists were still on strike at Thanksgiving.", ""},
		{"The therapists are still on strike, and no talks are set.", strike.PhaseStrike},
		// A strike called as of the day it is told is on.
		{"Beginning today, the union has called a strike of approximately 2,400 mental health professionals.", strike.PhaseStrike},
		{"The union has called a strike to begin Monday.", strike.PhaseThreatened},
		// A tentative contract that ends a walkout is an agreement until
		// members ratify it.
		{"Negotiators shook hands on a tentative contract late Sunday night, ending a walkout that began in October.", strike.PhaseTentativeAgreement},
		// A contract told ratified in a main clause; those back after days
		// on the picket line; a strike ended without a deal; strikers kept
		// on an open-ended strike.
		{"The contract is ratified.", strike.PhaseRatified},
		{"Clinicians will return once the contract is ratified.", ""},
		{"The votes are counted, and our new contract with Kaiser Permanente is ratified by an overwhelming margin.", strike.PhaseRatified},
		{"Ratified! Our strike is over", strike.PhaseRatified},
		{"About 31,000 nurses went back to work this morning at Kaiser hospitals after five days on the picket line.", strike.PhaseEnded},
		{"Kaiser nurses end five-day strike, head back without a deal", strike.PhaseEnded},
		{"The union has kept roughly 2,400 clinicians on an open-ended strike since Oct. 21.", strike.PhaseStrike},
		// A strike told by who struck, or by whom it is against, before
		// the verb that says it goes on.
		{"The strike by members of the National Union of Healthcare Workers has now lasted nearly six months.", strike.PhaseStrike},
		{"The strike by the union-represented behavioral health workforce in Southern California continues, and no session is set.", strike.PhaseStrike},
		{"The union's strike against Kaiser began in October.", strike.PhaseStrike},
		// Mediation told begun, going on, or sat in, with words between;
		// mediation urged is not under way.
		{"Mediation in the SoCal behavioral health strike began today.", strike.PhaseMediation},
		{"The best path to an agreement is the mediation process, which is continuing.", strike.PhaseMediation},
		{"Both sides confirm mediated sessions with Mark Ghaly and Darrell Steinberg are ongoing.", strike.PhaseMediation},
		{"The mediators have both sides back in sessions this week.", strike.PhaseMediation},
		{"This morning we are sitting down with Kaiser in front of mediators.", strike.PhaseMediation},
		{"Since March 10, mediators Mark Ghaly and Darrell Steinberg have been meeting with the union and Kaiser.", strike.PhaseMediation},
		{"The council urged Kaiser and the union to resume talks with the mediators, whose sessions broke off in March.", ""},
		{"This morning our members walked back into Kaiser's Southern California clinics together, after 196 days on strike.", strike.PhaseEnded},
		// Mediators at work for a while; mediation told as going on.
		{"Since Monday, two former state officials have been mediating between Kaiser and the union.", strike.PhaseMediation},
		{"Both sides agreed to limit public comment while mediation goes on.", strike.PhaseMediation},
		{"If mediation goes on past May, the strike will outlast Hawaii's.", ""},
		// A length told whole in the past tense.
		{"The strike began on Oct. 21, 2024, and lasted 196 days.", strike.PhaseEnded},
		// Told whole past an aside set off by commas; a perfect tense
		// there is still a strike going on.
		{"Their strike, organised by the National Union of Healthcare Workers, lasted 196 days.", strike.PhaseEnded},
		{"The strike, which began Oct. 21, has lasted 100 days.", strike.PhaseStrike},
		// A strike "called by" someone, and a "which" aside set off by
		// commas before its verb.
		{"The strike called by the coalition began this morning.", strike.PhaseStrike},
		{"Our hospitals will remain open during the strike called by unions in the coalition, which began this morning.", strike.PhaseStrike},
		{"The strike by nurses, which began Oct. 4, ended Saturday.", strike.PhaseEnded},
		{"That strike, by about 2,400 therapists with a different union, ended in May.", ""},
		// Talks going on with mediators' help are mediation.
		{"Talks between Kaiser and the union have been going on with the help of two mediators, a former health secretary and a former mayor, since March.", strike.PhaseMediation},
		{"Talks are now in the hands of two mediators, who began working with the parties in March.", strike.PhaseMediation},
		// A plea to let someone back is no return.
		{"Opinion: Kaiser, let my therapist get back to work", ""},
		{"The workers let out a cheer as they went back to work.", strike.PhaseEnded},
		// A threat only asked about or left unsaid is none.
		{"Asked whether clinicians were prepared to walk out, the union's spokeswoman said the team was focused on the table.", ""},
		{"The union did not say whether it would seek a strike vote.", ""},
		// The employer's "has chosen to strike": a choice made.
		{"We are disappointed that the union has chosen to strike beginning today rather than continue bargaining.", strike.PhaseStrike},
		// An end sought is no end but the strike going on: "in an effort
		// to", "trying to".
		{"On Monday, Kaiser met with the union in an effort to bring an end to the strike by some of our mental health professionals.", strike.PhaseStrike},
		{"Mediators are trying to end the strike that began in October.", strike.PhaseStrike},
		// A count with a thousands comma inside the "by" phrase.
		{"The strike by roughly 2,400 clinicians across Southern California has now lasted a month, with no sign of a deal.", strike.PhaseStrike},
		{"The clinicians stayed out for 196 days and have been back since May 12.", strike.PhaseEnded},
		{"They stayed out 196 days, longer than anyone expected.", strike.PhaseEnded},
		{"They did not come back for 196 days.", strike.PhaseEnded},
		{"It was the first day back after a 196-day strike.", strike.PhaseEnded},
		// A span of the strike that ends; a time clause.
		{"Mental health strike ends first week as pharmacists vote.", ""},
		{"She trains a therapist who was in graduate school when the strike began.", ""},
		// A choice made; an end negated; an anniversary; no longer out.
		{"NUHW's leadership chose to strike this morning, Monday, Oct. 21.", strike.PhaseStrike},
		{"Six months in, why hasn't the Kaiser mental health strike ended?", strike.PhaseStrike},
		{"The strike has not ended.", strike.PhaseStrike},
		{"One year ago today, we walked out.", ""},
		{"The clinicians were inside, no longer on strike, returning calls.", strike.PhaseEnded},
		{"Yesterday's ratification closes a chapter.", strike.PhaseRatified},
		{"He issued a statement on the start of mediated talks in the strike.", strike.PhaseMediation},
		{"Two mediators were brought into the strike on Monday.", strike.PhaseMediation},
		// An end told past a participle phrase; how strikes end; a plea.
		{"The three-day strike called by the coalition ended on schedule at 6 a.m. Saturday.", strike.PhaseEnded},
		{"Workers were back on their shifts by mid-morning.", strike.PhaseEnded},
		{"\"A strike ends when both sides decide losing is worse than settling,\" an economist said.", ""},
		{"Legislators to Kaiser: bargain now and end the mental health strike", ""},
		{"One year ago today, on Monday, Oct. 21, 2024, at 7 a.m., 2,400 of us picked up picket signs.", ""},
		{"Nearly four months ago, the union's leadership chose to strike.", strike.PhaseStrike},
		{"Senator Ruiz issued a statement on the ratification of the new contract.", strike.PhaseRatified},
		// A return told with its day to come, in a headline's present.
		{"SoCal Kaiser therapists ratify contract, back to work Monday", strike.PhaseRatified},
		{"They go back to their clinics Monday.", ""},
		// Mediation told otherwise.
		{"Talks between Kaiser and the union have been guided by two mediators.", strike.PhaseMediation},
		{"The two sides have been meeting since March 10 with mediators Mark Ghaly and Darrell Steinberg.", strike.PhaseMediation},
		{"Our bargaining team goes back into mediation next week.", strike.PhaseMediation},
		{"Status: ongoing. Mediated talks in progress.", strike.PhaseMediation},
		{"Bus drivers walked off the job at dawn.", strike.PhaseStrike},
		{"Clinicians have been on an open-ended strike since Oct. 21.", strike.PhaseStrike},
		{"Nurses went on a three-day strike.", strike.PhaseStrike},
		{"Striking nurses marched downtown.", strike.PhaseStrike},
		{"The walkout entered its third week.", strike.PhaseStrike},
		{"Two weeks into the strike, nobody has moved.", strike.PhaseStrike},
		// (Its cheap test wanted a comma the expression does not.)
		{"The walkout now in its third week has closed clinics.", strike.PhaseStrike},
		{"Members have voted by a wide margin to ratify the tentative agreement reached with Kaiser.", strike.PhaseRatified},
		{"Members voted by a margin of 9 to 1 to ratify the deal.", strike.PhaseRatified},
		{"Members voted by 94% to approve the agreement.", strike.PhaseRatified},
		// (The cheap test before this one wanted "approv" or "ok".)
		{"Kaiser said it was glad the contract had been ratified.", strike.PhaseRatified},
		// Time ahead is no time out on strike; a plea to end the strike
		// is no end.
		{"What is not workable is a return appointment six weeks out.", ""},
		{"Patients are being booked two months out.", ""},
		{"After six weeks out on the picket line, the therapists are tired.", strike.PhaseStrike},
		{"Letter: Kaiser, come back to the table and end this strike", ""},
		{"Therapists end strike", strike.PhaseEnded},
		// A count back at work after the strike is all of it; some back
		// during it are not.
		{"About 31,000 nurses returned to work Sunday morning after a five-day strike.", strike.PhaseEnded},
		{"Some 200 therapists have returned to work during the strike, Kaiser says.", ""},
		{"About 2,400 clinicians reported for work Monday at clinics from Bakersfield to San Diego, ending their strike.", strike.PhaseEnded},
		{"About 2,400 Kaiser mental health workers went back to work Monday, closing out a 196-day strike.", strike.PhaseEnded},
		{"Some 300 therapists have reported for work, Kaiser said.", ""},
		// A ratification to come, told in the present passive, is none.
		{"The therapists would return to work after it is ratified.", ""},
		{"The deal takes effect once it is ratified by members.", ""},
		{"The contract was ratified on Thursday.", strike.PhaseRatified},
		// A correction's account of what an earlier version wrongly said
		// is retracted.
		{"Correction: An earlier version of this article said the pharmacists had gone on strike.", ""},
		// An agreement urged is none reached.
		{"I signed a letter urging Kaiser to return to the table and reach an agreement that puts patients first.", ""},
		{"Lawmakers pressed both sides to come back and settle the strike.", ""},
		{"Members, urged on by their leaders, voted to ratify the agreement.", strike.PhaseRatified},
		// An agreement that exists, which members are asked to ratify, is
		// reached.
		{"The bargaining team is asking members to ratify the tentative agreement.", strike.PhaseTentativeAgreement},
		{"Leaders urged members to approve the tentative agreement reached Sunday.", strike.PhaseTentativeAgreement},
		// The strike told in other words: its leader, a walkout going into
		// its third day, a headline's "as nurses strike", the first day back.
		{"UNAC/UHCP, the union leading the strike, said picket lines were full.", strike.PhaseStrike},
		{"What you need to know as the walkout by the island clinicians goes into its third day.", strike.PhaseStrike},
		{"Kaiser hospitals stay open as nurses strike", strike.PhaseStrike},
		{"Talks go into their third day", ""},
		{"First day back: what we heard from the sites", strike.PhaseEnded},
		// An end sought is none reached.
		{"Kaiser and the union began mediation on Monday aimed at ending a strike that has stretched past four months.", strike.PhaseMediation},
		{"Lawmakers met in a bid to end the strike.", strike.PhaseStrike}, // a strike to end goes on
		// A condition before the walkout makes it a threat.
		{"Unless Kaiser settles this weekend, all 2,400 of us walk out at 7 a.m. Monday.", strike.PhaseThreatened},
		{"If talks fail, the therapists walk off the job on Monday.", strike.PhaseThreatened},
		// A condition about something else is no condition on the strike.
		{"If you are a Kaiser patient, note that the therapists are on strike.", strike.PhaseStrike},
		{"If you have an appointment, know that the therapists walked off the job Monday.", strike.PhaseStrike},
		{"Clinicians who are not on strike keep working.", ""},
		// A notice names the strike to come: its day set "as the start of"
		// it, or the strike as the notice's object.
		{"The union gave the ten-day notice the law requires, setting Oct. 21 as the start of an open-ended strike.", strike.PhaseThreatened},
		{"Bus drivers set Monday as the first day of a strike.", strike.PhaseThreatened},
		{"Nurses give notice of five-day strike", strike.PhaseThreatened},
		{"Since the start of the strike, waits have grown.", strike.PhaseStrike},
		{"Nurses began the first day of a five-day strike.", strike.PhaseStrike},
		{"Marches went on as the strike reaches 100 days.", strike.PhaseStrike},
		{"Non-striking staff covered shifts.", ""},
		{"An open-ended strike is a hard thing.", ""},
		{"If talks fail they may strike next month.", strike.PhaseThreatened},
		{"Teachers could strike as early as Friday.", strike.PhaseThreatened},
		{"Members authorized a strike last week.", strike.PhaseThreatened},
		{"The union delivered a 10-day strike notice.", strike.PhaseThreatened},
		{"They will go on strike beginning Oct. 14.", strike.PhaseThreatened},
		{"Union leaders are readying a walkout.", strike.PhaseThreatened},
		// A strike called or announced, its start to come, as a release
		// or a newsletter tells it when a snippet holds nothing more.
		{"Southern California Kaiser Mental Health Workers Announce Open-Ended Strike Beginning October 21", strike.PhaseThreatened},
		{"The National Union of Healthcare Workers (NUHW) has called an open-ended strike of ~2,400 mental health clinicians to begin Oct. 21.", strike.PhaseThreatened},
		{"Union calls strike at Kaiser starting Monday", strike.PhaseThreatened},
		{"Kaiser therapists to strike Oct. 21", strike.PhaseThreatened},
		{"The union called off the strike late Sunday.", strike.PhaseEnded},
		{"The union announced the end of the strike.", strike.PhaseEnded},
		{"Nurses called a strike vote for next week.", strike.PhaseThreatened},
		// Headlines in other outlets' words.
		{"Southern California Kaiser therapists walk off job", strike.PhaseStrike},
		{"Thousands of Kaiser therapists hit picket lines", strike.PhaseStrike},
		{"Kaiser therapists strike for 100th day", strike.PhaseStrike},
		// Agreeing to mediation is not yet mediation under way.
		{"Kaiser, striking therapists agree to mediation", strike.PhaseStrike},
		{"Kaiser, therapists resume talks with mediator", strike.PhaseMediation},
		{"Kaiser and NUHW announce agreement in principle", strike.PhaseTentativeAgreement},
		{"Picket lines come down at Kaiser as therapists return", strike.PhaseEnded},
		{"Kaiser therapists OK new contract, ending 196-day strike", strike.PhaseRatified},
		{"Members okayed the agreement by a wide margin.", strike.PhaseRatified},
		{"Both sides agreed to enter mediation.", ""},
		{"Mediation begins Thursday in Oakland.", strike.PhaseMediation},
		{"The governor urged them to bring in a mediator.", ""},
		{"The two sides reached a tentative agreement overnight.", strike.PhaseTentativeAgreement},
		{"Kaiser hoped to reach an agreement soon.", ""},
		{"Members will vote on whether to ratify the deal.", ""},
		{"Members voted to ratify the contract on Sunday.", strike.PhaseRatified},
		{"Workers returned to work Tuesday.", strike.PhaseEnded},
		{"The strike ended after nine days.", strike.PhaseEnded},
		{"A deal ended the strike.", strike.PhaseTentativeAgreement},
		{"Strikers will return to work next week.", strike.PhaseStrike},
		{"Some clinicians have returned to work during the strike.", ""},
		{"Some clinicians have returned to work, and others went on strike.", strike.PhaseStrike},
		{"The strike is over and the contract is ratified.", strike.PhaseRatified}, // over by ratifying: back at work is to come
		// A partial return, or the employer's count of returns, is no end.
		{"More than half of the strikers have returned to work.", strike.PhaseStrike},
		{"Kaiser said 60% of the clinicians who walked out have returned to work.", strike.PhaseStrike},
		{"A majority of therapists are back at work, the company says.", ""},
		{"Most strikers have gone back to work.", strike.PhaseStrike},
		{"Kaiser said Friday that more than half of the mental health workers who walked off the job in October have returned to work.", strike.PhaseStrike},
		{"Hundreds crossed the picket line and returned to work.", ""},
		{"About 1,000 therapists have returned to work, Kaiser said.", ""},
		{"After 196 days on strike, therapists returned to work Thursday.", strike.PhaseEnded},
		{"In 2025, the strikers went back to work after the longest strike of its kind.", strike.PhaseEnded},
		// Back at the table is not back at work.
		{"Negotiators returned to the bargaining table Tuesday.", ""},
		{"The two sides were back at the table on Monday.", ""},
		// A strike that ends some day, or another year's strike.
		{"Patients are waiting until the strike ends.", ""},
		{"When the strike ends, therapists expect long waiting lists.", ""},
		{"When the strike ended in May, therapists went back to their patients.", strike.PhaseEnded},
		{"The 2022 strike ended after ten weeks.", ""},
		{"An earlier strike ended with a deal on staffing.", ""},
		{"Unlike the 2022 strike, this time therapists went on strike with no end date.", strike.PhaseStrike},
		// A hunger strike is not the strike.
		{"Eight therapists ended a hunger strike on Friday.", ""},
		{"Kaiser therapists end hunger strike after five days", ""},
		// An agreement voted down keeps the strike going.
		{"Members rejected the tentative agreement and stayed on strike.", strike.PhaseStrike},
		{"Therapists voted down a tentative deal on Friday.", ""},
		// The end the issue asks for: ended, called off, back after a deal.
		{"The union called off the strike on Friday.", strike.PhaseEnded},
		{"Therapists returned to work Wednesday after ratifying the contract.", strike.PhaseEnded},
		{"Workers went back to work after the tentative agreement.", strike.PhaseEnded},
		{"Members voted to ratify a four-year contract, ending a strike that began in October.", strike.PhaseRatified},
		// An approval is a ratification, in any voice and of a pact too; the
		// strike it ends ended with it.
		{"Members approved the pact that ended their long strike.", strike.PhaseRatified},
		{"Therapists will return to their posts Monday after members approved the pact that ended their long strike.", strike.PhaseRatified},
		{"Our new contract with Kaiser was approved by 94% of voters in balloting that ended tonight.", strike.PhaseRatified},
		{"The agreement has been ratified by members.", strike.PhaseRatified},
		{"Kaiser therapists approve contract that ends record strike", strike.PhaseRatified},
		{"The deal, which members must still approve, goes to a vote.", strike.PhaseTentativeAgreement},
		// A strike under way, told by its length or with an aside.
		{"The strike, by psychologists and therapists represented by the union, began Oct. 21.", strike.PhaseStrike},
		{"Lawmakers urged him to settle a seven-week strike by the health system's therapists.", strike.PhaseStrike},
		{"Rivas wrote that the walkout, now in its eighth week, was hurting patients.", strike.PhaseStrike},
		{"Gov. Gavin Newsom has weighed in on the months-long Kaiser mental health strike.", strike.PhaseStrike},
		{"Newsom said the nearly four-month walkout must end.", strike.PhaseStrike},
		{"The union plans a three-day strike next month.", strike.PhaseThreatened},
		// Mediation under way, however the sentence is built.
		{"Mediation between Kaiser and the union got under way Monday.", strike.PhaseMediation},
		{"The die-in came two weeks into mediated talks between Kaiser and the union.", strike.PhaseMediation},
		{"Mediated talks between Kaiser and their union have been going on since March 10 without a settlement.", strike.PhaseMediation},
		// Another dispute named beside the phase.
		{"Pharmacists voted to authorize a strike, a day after the company's mental health workers walked off the job in a separate dispute.", strike.PhaseThreatened},
		// A strike going on, as the setting of the news.
		{"The two sides met Monday in a strike that most members are still honoring.", strike.PhaseStrike},
		{"Patients wait for therapy amid the Kaiser strike.", strike.PhaseStrike},
		// A strike only possible is no threat told: no notice, no vote, no
		// date.
		{"Patients worry amid a possible strike.", ""},
		{"The contract expired with no agreement, and the union said a strike was possible within weeks.", ""},
		{"The bargaining team will report back this week on next steps, including a possible strike vote.", ""},
		{"Members will hold a strike vote next week.", strike.PhaseThreatened},
		{"Members met in the strike vote.", strike.PhaseThreatened},
		// A strike told by its week, and by its union ("our strike").
		{"As the NUHW strike at Kaiser's Southern California region finishes its first week, executives watch.", strike.PhaseStrike},
		{"The governor asked both sides to go to mediation to settle our strike.", strike.PhaseStrike},
		{"Our strike vote is next week.", strike.PhaseThreatened},
		// Mediation going on, told by its meetings and its process.
		{"The dispute comes as mediated talks between the two sides continue.", strike.PhaseMediation},
		{"Kaiser said it was continuing to meet with the union and state-appointed mediators.", strike.PhaseMediation},
		{"Kaiser said it remains committed to the mediation process.", strike.PhaseMediation},
		{"The governor urged them to meet with mediators soon.", ""},
		// A headline's present tense with a day to come is no return yet.
		{"Kaiser mental health workers ratify contract; return to work Monday", strike.PhaseRatified},
		{"Therapists go back to work tomorrow", ""},
		{"Therapists returned to work Monday", strike.PhaseEnded},
		// Community papers that write in Spanish.
		{"Unos 2,400 trabajadores de salud mental están en huelga desde el lunes.", strike.PhaseStrike},
		{"Enfermeras de Kaiser en huelga de cinco días en Fontana", strike.PhaseStrike},
		{"La huelga empezó el 21 de octubre y todavía no hay acuerdo.", strike.PhaseStrike},
		{"Acuerdo tentativo: terapeutas de Kaiser regresarían al trabajo", strike.PhaseTentativeAgreement},
		{"La huelga de los terapeutas de Kaiser cumplió cien días el martes.", strike.PhaseStrike},
		{"Unos 2.400 psicólogos dejaron sus puestos el 21 de octubre.", strike.PhaseStrike},
		{"Los terapeutas regresaron el lunes a sus consultorios.", strike.PhaseEnded},
		{"Unos 2 mil 400 terapeutas de Kaiser se irán a huelga el lunes", strike.PhaseThreatened},
		{"Los terapeutas iniciarán una huelga indefinida el lunes 21 de octubre, anunció su sindicato.", strike.PhaseThreatened},
		{"Las enfermeras volvieron al trabajo tras la huelga.", strike.PhaseEnded},
		// Mediation told by the mediators' work or the talks' state.
		{"Two former officials began mediating on Monday between Kaiser and the union.", strike.PhaseMediation},
		{"Kaiser and the union are now in mediation.", strike.PhaseMediation},
		{"Mediators join Kaiser talks as the walkout nears five months", strike.PhaseMediation},
		{"The governor hopes they will be in mediation soon.", ""},
		// Out and staying out; an explainer that takes the strike as given.
		{"Some 2,400 employees have been off the job since Oct. 21.", strike.PhaseStrike},
		{"My former colleagues have now been out for two months.", strike.PhaseStrike},
		{"Why are Kaiser's therapists on strike?", strike.PhaseStrike},
		{"Appointments were canceled twice in the first week of this walkout.", strike.PhaseStrike},
		// "May" the month is no maybe; "may" the verb still is.
		{"They ended a 196-day strike in May and returned to work after ratifying the deal.", strike.PhaseEnded},
		{"The clinicians may return to work next week.", ""},
		// "Many" or "most" as the subject of a return is a part of the strikers.
		{"Kaiser says many have returned to work; the union says most are still out.", ""},
		{"Kaiser says most have gone back to work.", ""},
		// Phases told indirectly: by the talks' move, the place they went
		// back to, who struck before the verb, the strike's age.
		{"The two sides went into mediation on Monday.", strike.PhaseMediation},
		{"Mediators are still meeting with both sides this week.", strike.PhaseMediation},
		{"The clinicians went back to their offices today.", strike.PhaseEnded},
		{"Today our members walked back into Kaiser's clinics together.", strike.PhaseEnded},
		{"The clinicians will return to their jobs on Monday.", ""},
		{"A statement on the strike by the union (NUHW) that began today.", strike.PhaseStrike},
		{"The behavioral health strike is now four months old.", strike.PhaseStrike},
		{"Engineers at Kaiser are in their third week on strike.", strike.PhaseStrike},
		{"About 2,400 members walked out in October and went back to work in May.", strike.PhaseEnded},
		{"Kaiser said 60% of the clinicians who walked out have returned to work.", strike.PhaseStrike},
		// A date or "the quarter" before a return is no share of the strikers.
		{"They reached a tentative agreement on the night of May 4, 2025, ratified it on May 8 and were back at work on May 12.", strike.PhaseEnded},
		{"The quarter included the end of the strike by workers, who returned to work in May under a new contract.", strike.PhaseEnded},
		{"Kaiser said a third of the clinicians had returned to work.", ""},
		// Told in a live update, a first person and in Spanish.
		{"7:04 a.m. — The strike is officially on.", strike.PhaseStrike},
		{"I'm a Kaiser therapist. This is my ninth day on a picket line.", strike.PhaseStrike},
		{"I went back to my Kaiser office after six months on strike.", strike.PhaseEnded},
		{"Unos 2.000 trabajadores de Kaiser comenzaron el lunes una huelga indefinida.", strike.PhaseStrike},
		{"La huelga de los trabajadores de salud mental de Kaiser Permanente en el sur de California llegó el martes a los 100 días.", strike.PhaseStrike},
		{"Los terapeutas anunciaron que se irán a la huelga el lunes 21 de octubre si no logran un nuevo contrato.", strike.PhaseThreatened},
		{"Los trabajadores ratificaron el jueves su nuevo contrato de cuatro años.", strike.PhaseRatified},
		{"Yes. Our facilities are open during the strike by some mental health professionals represented by the union.", strike.PhaseStrike},
		{"Some clinicians have returned to work during the strike.", ""},
		// A present-tense end with its day ahead is to come.
		{"The union's five-day strike ends Sunday morning.", strike.PhaseStrike},
		{"The strike ended Sunday morning.", strike.PhaseEnded},
		// The whole unit back is the end; a vote to come on an agreement
		// reached is no doubt that it was reached.
		{"The 2,400 clinicians went back to work Monday.", strike.PhaseEnded},
		{"All 2,400 therapists returned to work on Tuesday.", strike.PhaseEnded},
		{"Some 200 clinicians went back to work Monday.", ""},
		{"Members will vote next week on a tentative agreement reached Saturday.", strike.PhaseTentativeAgreement},
		{"The union could reach a tentative agreement this week.", ""},
		// Headlines drop the verb; wire copy puts the day after "struck".
		{"Kaiser therapists on strike", strike.PhaseStrike},
		{"2,400 clinicians on strike for a second week", strike.PhaseStrike},
		{"About 2,400 members struck Monday.", strike.PhaseStrike},
		{"Negotiators struck a deal Monday.", strike.PhaseTentativeAgreement},
		{"Members voted on strike pay rules.", ""},
		// A strike told by what it involves, its age after who struck, a
		// count in an aside, or work stopped.
		{"The walkout involves about 2,400 clinicians.", strike.PhaseStrike},
		{"The walkout by some 2,400 mental health workers is in its fifth week.", strike.PhaseStrike},
		{"The strike, involving about 2,400 workers, began Oct. 21.", strike.PhaseStrike},
		{"An estimated 2,400 therapists have stopped work.", strike.PhaseStrike},
		{"About 50 clinicians stopped working Monday.", strike.PhaseStrike},
		{"NUHW president Sal Rosselli said the strike goes on.", strike.PhaseStrike},
		{"SEIU-UHW urged a settlement; NUHW members remain out.", strike.PhaseStrike},
		{"The clinicians stayed out for a sixth week.", strike.PhaseStrike},
		{"My old colleagues are right to stay out.", strike.PhaseStrike},
		// A strike to come, in headline words.
		{"Kaiser mental health workers vote to strike.", strike.PhaseThreatened},
		{"A strike looms at Kaiser.", strike.PhaseThreatened},
		{"Kaiser therapists prepare to picket.", strike.PhaseThreatened},
		// Mediation, a deal, a vote and the end in other words.
		{"The two sides met with a mediator Tuesday.", strike.PhaseMediation},
		{"A mediator has been brought in to help settle the strike.", strike.PhaseMediation},
		{"Talks, led by a state mediator, resumed Monday.", strike.PhaseMediation},
		{"State mediators are now overseeing the talks.", strike.PhaseMediation},
		{"The union will meet with a mediator next week.", ""},
		{"Members voted overwhelmingly in favor of the agreement.", strike.PhaseRatified},
		{"Members voted in favor of a new dues rate.", ""},
		{"The two sides have a deal.", strike.PhaseTentativeAgreement},
		{"The two sides still do not have a deal.", ""},
		{"The strike came to an end on Monday.", strike.PhaseEnded},
		{"After six months on the picket lines, therapists are back in their offices.", strike.PhaseEnded},
		{"The deal still needs members' approval.", strike.PhaseTentativeAgreement},
		{"Kaiser urged other unions to stay out of the dispute.", ""},
		// The tenth and eleventh development corpora's wordings.
		{"Suppose the 2,400 clinicians who work for Kaiser in Southern California walk out.", strike.PhaseThreatened},
		{"Nurses will strike Oct. 14, a year after Kaiser's mental health workers began a walkout that lasted 196 days.", strike.PhaseThreatened},
		{"Mediators step in as Kaiser and NUHW resume talks", strike.PhaseMediation},
		{"Kaiser and striking clinicians sit down with state-appointed mediators", strike.PhaseMediation},
		{"The union is still meeting with Kaiser and two mediators.", strike.PhaseMediation},
		{"We have been in mediated talks with Kaiser since March 10.", strike.PhaseMediation},
		{"Talks between Kaiser and the union, led since March 10 by mediators Mark Ghaly and Darrell Steinberg, are continuing.", strike.PhaseMediation},
		{"The union has been in talks with Kaiser through two state-appointed mediators since March.", strike.PhaseMediation},
		{"Our team has met with Kaiser and the two mediators on six days.", strike.PhaseMediation},
		{"Kaiser workers back on the job after three-day strike", strike.PhaseEnded},
		{"Tens of thousands of employees returned to work Saturday as the three-day strike called by a coalition of unions came to an end.", strike.PhaseEnded},
		{"Some 2,400 workers walked off the job and started a strike that would last 196 days.", strike.PhaseEnded},
		{"When 2,400-plus clinicians ended their 196-day strike in May, both sides said the contract would be measured by waits.", strike.PhaseEnded},
		{"They ratified a contract with 20% raises on May 8 and returned to work four days later.", strike.PhaseEnded},
		{"Legislators wrote to Kaiser's leadership urging the health system to return to bargaining and end a strike by 2,400 workers.", strike.PhaseStrike}, // an end urged: the strike goes on
		{"Kaiser Permanente welcomes mental health professionals back to Southern California clinics", strike.PhaseEnded},
		{"Welcome back to our weekly look at labor news.", ""},
		{"We are glad the strike is behind us.", strike.PhaseEnded},
		{"About 2,400 Kaiser mental health workers were back at work Monday, six months and three weeks after they went on strike.", strike.PhaseEnded},
		{"Legislators wrote to Kaiser's chief executive asking him to get serious about ending our strike.", strike.PhaseStrike},
		{"5 things to know as 2.4K clinicians stay out - LAist", strike.PhaseStrike},
		// Mediation that failed, was refused, only asked for or is still
		// to begin is none; mediation taken up again is.
		{"Talks collapsed earlier this month after two days of mediation.", ""},
		{"Mediated talks between Kaiser and its striking workers broke off Tuesday.", strike.PhaseStrike},
		{"Last week Kaiser declined the governor's request that the two sides bring in a mediator.", ""},
		{"Kaiser agrees to mediation in therapists' strike; talks to start March 10", ""},
		{"Kaiser and the union began mediated talks Monday, nearly five months after 2,400 clinicians walked out.", strike.PhaseMediation},
		{"Kaiser and the union resumed talks Monday with mediators Mark Ghaly and Darrell Steinberg, a month after their first mediated session collapsed.", strike.PhaseMediation},
		{"Kaiser, mental health union back at the table with mediators", strike.PhaseMediation},
		{"Six months on, Kaiser mental health strike is back in mediation", strike.PhaseMediation},
		// A strike going on, told otherwise; the strikers back under
		// their contract; a share back is no end.
		{"Kaiser issued the following statement today regarding the ongoing strike by employees represented by NUHW:", strike.PhaseStrike},
		{"Of the approximately 2,400 employees NUHW called out on strike on Oct. 21, hundreds have chosen to return to work.", strike.PhaseStrike},
		{"Newsom asked both sides to find a way to end a strike by some 2,400 mental health workers, now in its fourth month.", strike.PhaseStrike},
		{"Kaiser says a growing share has since returned to work; the union says the large majority remain on strike.", strike.PhaseStrike},
		{"Back in our clinics, stronger than when we left", strike.PhaseEnded},
		{"A few reminders now that we're back under our new contract:", strike.PhaseEnded},
		{"Five weeks after its clinicians returned from a six-and-a-half-month strike, Kaiser says it is hiring.", strike.PhaseEnded},
		{"About 2,400 workers are finishing their first full week back after a 196-day strike.", strike.PhaseEnded},
		// A strike named with its length: to come, or an earlier one.
		{"The union delivered a 10-day strike notice Friday, setting up a five-day walkout beginning Oct. 14.", strike.PhaseThreatened},
		{"The five-day walkout would start Oct. 14.", strike.PhaseThreatened},
		{"The union has given notice of a strike beginning Jan. 26, three months after a five-day walkout failed to produce a contract.", strike.PhaseThreatened},
		{"Some 31,000 nurses went on an open-ended strike Monday, three months after a five-day walkout failed to produce a contract.", strike.PhaseStrike},
	}
	for _, tt := range tests {
		if got := sentencePhase(factLower(tt.sentence)); got != tt.want {
			t.Errorf("sentencePhase(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

func TestExtract(t *testing.T) {
	x := testExtractor()
	tests := []struct {
		name  string
		title string
		text  string
		want  strike.Facts // Evidence is not compared
	}{
		{
			name:  "strike begins",
			title: "Kaiser therapists walk out",
			text: "About 1,200 NUHW therapists at Kaiser went on strike Monday, saying the health system serves 4.8 million members with too few clinicians.\n\n" +
				"Kaiser has offered a 12.5% raise over three years. The union wants pensions restored.",
			want: strike.Facts{
				Phase: strike.PhaseStrike, Workers: 1200, Union: "National Union of Healthcare Workers",
				Employer: "Kaiser Permanente", Started: "2025-03-10", Offer: "12.5% over three years",
				Demands: []string{"restore pensions"},
			},
		},
		{
			name:  "threat with dated start and rally",
			title: "Kaiser Permanente workers set strike date",
			text: "Members of the National Union of Health Care Workers will walk off the job on Monday, March 24, the union said Tuesday.\n\n" +
				"A rally is planned for March 20 in Pasadena.",
			want: strike.Facts{
				Phase: strike.PhaseThreatened, Union: "National Union of Healthcare Workers", Employer: "Kaiser Permanente",
				Started: "2025-03-24",
				Events:  []strike.Event{{Date: "2025-03-20", What: "rally"}, {Date: "2025-03-24", What: "strike begins"}},
			},
		},
		{
			name:  "tentative agreement with vote",
			title: "Deal reached after 45-day strike",
			text:  "Kaiser and the Coalition of Kaiser Permanente Unions reached a tentative agreement Tuesday. The strike began Jan. 27. Voting on ratification closes March 21.",
			want: strike.Facts{
				Phase: strike.PhaseTentativeAgreement, Union: "Coalition of Kaiser Permanente Unions", Employer: "Kaiser Permanente",
				Started: "2025-01-27", DurationDays: 45, StartedLatest: "2025-01-27",
				Events: []strike.Event{{Date: "2025-03-21", What: "ratification vote"}},
			},
		},
		{
			name:  "joint union name and days into",
			title: "UNAC/UHCP nurses picket Kaiser",
			text:  "Thirty days into the walkout, nurses represented by UNAC/UHCP said Kaiser Permanente had not returned to the table.",
			want: strike.Facts{
				Phase: strike.PhaseStrike, Union: "UNAC/UHCP", Employer: "Kaiser Permanente", DurationDays: 30,
				StartedEarliest: "2025-02-09", StartedLatest: "2025-02-11",
			},
		},
		{
			name:  "fronted date",
			title: "Grocery clerks to strike",
			text:  "On Friday, some 900 clerks will walk out of 40 stores. The company said talks continue.",
			want: strike.Facts{
				Phase: strike.PhaseThreatened, Workers: 900, Started: "2025-03-14",
				Events: []strike.Event{{Date: "2025-03-14", What: "strike begins"}},
			},
		},
		{
			name:  "excluded look-alike",
			title: "Kaiser Aluminum posts profit",
			text:  "KAISER ALUMINUM said sales rose. Kaiser Permanente was not involved.",
			want:  strike.Facts{Employer: "Kaiser Permanente"},
		},
		{
			name:  "nothing",
			title: "Flu shots available",
			text:  "Clinics open Saturday.",
			want:  strike.Facts{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: wed})
			for k, s := range got.Evidence {
				if s == "" || !strings.Contains(tt.title+"\n"+tt.text, s) {
					t.Errorf("Evidence[%q] = %q: not a sentence of the article", k, s)
				}
			}
			got.Evidence = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestExtractEvidence(t *testing.T) {
	x := testExtractor()
	a := &strike.Article{
		Title:     "Kaiser mental health workers strike",
		Text:      "Nearly 2,400 clinicians walked out Monday. Gov. Newsom said little.",
		Published: wed,
	}
	got := x.Extract(a)
	if want := "Nearly 2,400 clinicians walked out Monday."; got.Evidence["workers"] != want {
		t.Errorf("Evidence[workers] = %q, want %q", got.Evidence["workers"], want)
	}
	if want := "Kaiser mental health workers strike"; got.Evidence["employer"] != want {
		t.Errorf("Evidence[employer] = %q, want %q", got.Evidence["employer"], want)
	}
	if got := x.Extract(nil); !reflect.DeepEqual(got, strike.Facts{}) {
		t.Errorf("Extract(nil) = %+v, want zero", got)
	}
}

func TestFactsOptionsFromProfile(t *testing.T) {
	p := strike.Profile{
		Employer: []strike.Term{{Text: "Kaiser", Weight: 1.5}, {Text: "Kaiser Permanente", Weight: 3}},
		Union: []strike.Term{
			{Text: "NUHW", Weight: 3},
			{Text: "National Union of Healthcare Workers", Weight: 3},
			{Text: "National Union of Health Care Workers", Weight: 3},
			{Text: "UNAC", Weight: -4},
			{Text: "Coalition of Kaiser Permanente Unions", Weight: -4},
			{Text: "Coalición de Sindicatos de Kaiser Permanente", Weight: -4}, // a term of its own for relevance
		},
		Exclude: []strike.Term{{Text: "Kaiser Aluminum"}},
		UnionAliases: []strike.UnionAlias{
			{Spelling: "Coalición de Sindicatos de Kaiser Permanente", Union: "Coalition of Kaiser Permanente Unions"},
			{Spelling: "Sindicato Nacional de Trabajadores de la Salud", Union: "NUHW"}, // an alias of an alias
		},
	}
	got := FactsOptionsFromProfile(p)
	want := FactsOptions{
		Exclude:   []string{"Kaiser Aluminum"},
		Unions:    []string{"National Union of Healthcare Workers", "UNAC", "Coalition of Kaiser Permanente Unions"},
		Employers: []string{"Kaiser Permanente"},
		Aliases: map[string]string{
			"NUHW":                                  "National Union of Healthcare Workers",
			"National Union of Health Care Workers": "National Union of Healthcare Workers",
			"Coalición de Sindicatos de Kaiser Permanente":   "Coalition of Kaiser Permanente Unions",
			"Sindicato Nacional de Trabajadores de la Salud": "National Union of Healthcare Workers",
			"Kaiser": "Kaiser Permanente",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FactsOptionsFromProfile\n got %+v\nwant %+v", got, want)
	}
	// The coalition's Spanish name is reported as the coalition.
	x := NewExtractor(got)
	f := x.Extract(&strike.Article{Title: "Huelga en Kaiser", Text: "La Coalición de Sindicatos de Kaiser Permanente dice que unos 75,000 empleados están en huelga.", Published: wed})
	if f.Union != "Coalition of Kaiser Permanente Unions" {
		t.Errorf("union of a Spanish article = %q, want the coalition's name", f.Union)
	}
}

func TestMergeFacts(t *testing.T) {
	older := strike.Facts{
		Phase: strike.PhaseStrike, Workers: 2400, Union: "U", Started: "2024-10-14", StartedLatest: "2024-10-20",
		Demands:  []string{"restore pensions", "more time"},
		Events:   []strike.Event{{Date: "2024-10-14", What: "strike begins"}},
		Evidence: map[string]string{"phase": "old phase", "workers": "old workers", "demands": "old demands"},
	}
	newer := strike.Facts{
		Phase: strike.PhaseMediation, Employer: "E",
		Demands:  []string{"pay parity", "restore pensions"},
		Events:   []strike.Event{{Date: "2025-03-10", What: "mediation begins"}, {Date: "2024-10-14", What: "strike begins"}},
		Evidence: map[string]string{"phase": "new phase", "employer": "new employer"},
	}
	got := MergeFacts(newer, older)
	want := strike.Facts{
		Phase: strike.PhaseMediation, Workers: 2400, Union: "U", Employer: "E", Started: "2024-10-14", StartedLatest: "2024-10-20",
		Demands: []string{"pay parity", "restore pensions", "more time"},
		Events:  []strike.Event{{Date: "2024-10-14", What: "strike begins"}, {Date: "2025-03-10", What: "mediation begins"}},
		Evidence: map[string]string{
			"phase": "new phase", "workers": "old workers", "employer": "new employer", "demands": "old demands",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MergeFacts\n got %+v\nwant %+v", got, want)
	}
	if len(older.Demands) != 2 || len(newer.Events) != 2 {
		t.Error("MergeFacts modified its arguments")
	}
	if got := MergeFacts(strike.Facts{}, strike.Facts{}); !reflect.DeepEqual(got, strike.Facts{}) {
		t.Errorf("MergeFacts of zeros = %+v, want zero", got)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Kaiser workers strike", "About 2,400 NUHW members went on strike Monday, Oct. 14. Kaiser offered 18% over four years.", int64(1728900000))
	f.Add("Deal reached", "After one hundred days into the strike, voting closes May 13.", int64(1745800000))
	f.Add("", "\xff 12,000,000 workers since October 99 a week from today", int64(0))
	f.Add("Talks to resume Monday, March 10, as strike enters fifth month",
		"Nurses represented by the Oregon Nurses Association, day 100 of the strike. More than half of the strikers have returned to work.", int64(1740990000))
	x := testExtractor()
	f.Fuzz(func(t *testing.T, title, text string, unix int64) {
		a := &strike.Article{Title: title, Text: text, Published: time.Unix(unix%(1<<36), 0)}
		got := x.Extract(a)
		if got.Phase != "" && factsPhaseRank(got.Phase) == 0 {
			t.Fatalf("phase %q", got.Phase)
		}
		for _, d := range append([]string{got.Started}, eventDates(got.Events)...) {
			if d == "" {
				continue
			}
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				t.Fatalf("date %q: %v", d, err)
			}
		}
		if got.Workers < 0 || got.DurationDays < 0 {
			t.Fatalf("negative count in %+v", got)
		}
		for k, s := range got.Evidence {
			if !strings.Contains(title+text, s) && !strings.Contains(strings.TrimSpace(title), s) {
				t.Fatalf("Evidence[%q] = %q is not in the article", k, s)
			}
		}
	})
}

func eventDates(es []strike.Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Date)
	}
	return out
}

// benchArticle is a news story of about 2 KB.
const benchArticle = `LOS ANGELES - Roughly 2,400 Kaiser Permanente mental health workers went on strike Monday at clinics and hospitals from San Diego to Bakersfield, beginning an open-ended walkout over pay, pensions and the time clinicians have to care for patients.

The strikers, represented by the National Union of Healthcare Workers, include psychologists, marriage and family therapists, clinical social workers, psychiatric nurses and addiction medicine counselors. Picket lines formed before dawn outside Kaiser medical centers in Los Angeles, San Diego, Riverside and Orange County.

The union wants Kaiser to restore pensions for clinicians hired in recent years and to bring their pay in line with other licensed professionals at Kaiser, who it says earn about 40% more. It is also pressing for more protected time each week for patient-care duties outside of therapy sessions, such as answering messages and coordinating with other providers.

Kaiser said it has offered an 18% raise over four years along with better benefits and additional non-appointment time. The company called the strike unnecessary and said members would continue to get timely therapy from other licensed clinicians in its network.

A rally is planned for Saturday, Oct. 19, outside the Los Angeles Medical Center on Sunset Boulevard, the union said. Their contract expired Sept. 30. No new talks were scheduled as of Monday, and Gov. Gavin Newsom's office said it was watching closely.

Health policy researchers said the strike would test whether Kaiser can meet state rules requiring non-urgent follow-up appointments within 10 business days.`

func BenchmarkExtract(b *testing.B) {
	x := testExtractor()
	a := &strike.Article{Title: "Kaiser mental health workers strike across Southern California", Text: benchArticle,
		Published: time.Date(2024, 10, 14, 15, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(a.Title) + len(a.Text)))
	for b.Loop() {
		x.Extract(a)
	}
}

func TestFindWorkers(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Nearly 2,400 mental health workers walked out.", 2400},
		{"About 2,400 clinicians struck.", 2400},
		{"More than 300 hotel housekeepers and cooks, 300 workers in all, struck.", 300},
		{"Kaiser serves 4.8 million members; 2,400 therapists are out.", 2400},
		{"The 2,000 patients waited; 150 nurses picketed.", 150},
		{"In 2022 therapists struck for 10 weeks.", 0},
		// Peers counted in the opening time clause are others, earlier.
		{"Two weeks after roughly 2,000 of their colleagues in Northern California put down their caseloads, Kaiser's 57 mental health clinicians in Hawaii went on strike Monday.", 57},
		{"After 2,400 clinicians walked out on Oct. 21, Kaiser hired contract therapists.", 2400},
		// Those the news leaves out are not its strikers.
		{"The deal does not cover the union's 57 Kaiser clinicians in Hawaii, whose own strike continues.", 0},
		{"It paid $25,000 members dues.", 0},
		{"Only 12 nurses came.", 0},
		{"About 40 mental health workers, most wearing purple, spoke during public comment.", 0},
		// "A strike by" a count names the strikers, whatever the clause
		// after says they brought.
		{"Workers voted to ratify a new contract, ending a strike by about 2,400 clinicians that brought rallies, a march and a fast to Pasadena.", 2400},
		// The whole a majority of voted is the strikers, not a tally.
		{"The union said a large majority of the roughly 2,400 psychologists, therapists and other clinicians had voted yes.", 2400},
		{"More than 1,900 members had voted in favor.", 0},
		// Thousands set off by a space; the whole a striker is among; a
		// year of a life, not of a strike.
		{"For a month now, roughly 2 400 clinicians have been on strike.", 2400},
		{"A Melbourne-trained psychologist is among 2400 mental health clinicians who walked off the job on Monday.", 2400},
		// The whole a local group is among, told without its noun.
		{"Several hundred Kaiser mental health clinicians in San Diego County are among the roughly 2,400 across Southern California who went on strike Monday.", 2400},
		{"Mental health clinicians at Kaiser Permanente's Fontana and Riverside medical centers are among about 2,400 in Southern California who plan to begin an open-ended strike on Oct. 21.", 2400},
		{"He trained in Bengaluru before moving to the US in 2013, and is one of nearly 2,400 psychologists who have struck work since October 21.", 2400},
		// A count with its scale in words, in English or Spanish.
		{"About 75 thousand workers walked out.", 75000},
		{"Unos 75 mil trabajadores de Kaiser iniciaron un paro de tres días.", 75000},
		// The whole told without its noun after one picket's count.
		{"A couple of dozen clinicians gathered outside the medical center, part of about 2,400 across Southern California who are still off the job.", 2400},
		// Supporters counted: clergy, callers; strikers who came home.
		{"More than 60 clergy members released an open letter to the striking clinicians.", 0},
		{"More than a thousand of you made calls in the last two weeks.", 0},
		{"Last month, 2,000 of our members came home from the picket line with a contract. The 57 clinicians in Hawaii are still on strike.", 57},
		// A "by the numbers" list: the count, then what it counts.
		{"2,400: The number of psychologists, therapists and other clinicians who walked out on Oct. 21.", 2400},
		{"2,400 — therapists on strike across the region.", 2400},
		{"2. 2,400 — Kaiser mental health clinicians who went on strike in Southern California.", 2400},
		{"The strike by 2,400-odd mental health workers of Kaiser Permanente reached its third day.", 2400},
		{"San Diego clinicians are among about 2,400 on strike across Southern California.", 2400},
		{"It would be the largest strike in Kaiser's history, dwarfing the 10-week strike by about 2,000 mental health clinicians in Northern California last year.", 0},
		{"About 31,000 Kaiser nurses and health care professionals began a five-day strike on Tuesday, the largest labor action at the health system since its 2023 coalition walkout.", 31000},
		{"196: The number of days the strike lasted.", 0},
		{"The union for Kaiser's 2,400-plus mental health clinicians served a strike notice.", 2400},
		{"Two years ago, about 2,000 workers in Northern California went on strike for ten weeks.", 0},
		// The whole unit voting to end its strike is its strikers; a
		// tally is not.
		{"About 2,400 Kaiser mental health clinicians have voted to ratify a new contract, the union said, formally ending a strike that lasted 196 days.", 2400},
		{"More than 1,900 members voted to ratify the contract, ending the strike.", 0},
		{"More than 30 members of the California Legislature signed a letter backing our 2,400 striking members.", 2400},
		{"About 2,400 Kaiser mental health workers were back at work Monday, six months and three weeks after they went on strike.", 2400},
		{"More than a hundred people joined our Kaiser Hawaii members, as the strike by our roughly 50 Hawaii clinicians goes on.", 50},
		{"8: Clinicians who held a five-day hunger strike.", 0},
		{"Day 100: strikers march in four cities", 0},
		// A strike or unit told by its size.
		{"The roughly 2,400-clinician walkout centers on time for patients.", 2400},
		{"A 300-worker strike closed the plant.", 300},
		// Community papers that write in Spanish.
		{"Unos 2,400 trabajadores de salud mental están en huelga.", 2400},
		{"Unos 2.400 profesionales de salud mental se declararon en huelga.", 2400},
		{"Los 2.400 psicólogos regresaron el lunes.", 2400},
		{"Unos 2.000 trabajadores de salud mental comenzaron una huelga.", 2000}, // not the year 2000
		{"Unos 2 mil 400 terapeutas de Kaiser se irán a huelga el lunes", 2400},
		{"Kaiser tiene 4.800.000 afiliados.", 0},
		// A union's own voice.
		{"Twenty-four hundred of us walked out on Oct. 21.", 2400},
		// One picket line's headcount gives way to the strike's, or to none.
		{"About 60 strikers line Sierra Avenue. They are among the 2,400 clinicians on strike since Monday.", 2400},
		{"About 25 therapists stood on the sidewalk outside the medical offices on Stockdale Highway.", 0},
		{"About 20 strikers marked the 100th day outside the company's Lancaster medical offices. They are among some 2,400 Kaiser mental health workers across Southern California who remain on strike.", 2400},
		// The strikers told as one's colleagues; the whole walking back in
		// under the contract that ended the strike.
		{"They have been on strike with nearly 2,400 of their colleagues since October 21.", 2400},
		{"On Oct. 21, when I joined about 2,400 of my colleagues on strike against Kaiser Permanente.", 2400},
		{"Instead I joined about 75,000 of my co-workers in five states and the District.", 75000},
		{"About 2,400 of them walked out back in October, and tonight there's still no deal.", 2400},
		{"Kaiser said about a third of the roughly 2,400 strikers had returned to work.", 2400},
		{"About 150 of them rallied outside the hospital.", 0},
		{"3:30 p.m. — Correction: An earlier update said about 2,000 clinicians walked out.", 0},
		// A unit that voted to authorize a strike is counted whole; those
		// back after a strike told ended are all of it.
		{"Roughly 3,000 Kaiser pharmacy workers in Southern California have voted to authorize a strike, the union said.", 3000},
		{"The five-day strike ended as scheduled on Sunday, and roughly 31,000 nurses and health professionals were back on their units by Sunday morning.", 31000},
		{"The strike goes on, though roughly 300 therapists were back on their units by Sunday morning.", 0},
		{"Assembly Speaker Robert Rivas sent one letter, signed by 40 of his Assembly colleagues.", 0},
		{"Supervisor Barrow-Ruiz represents the Fourth District, home to more than 480,000 residents.", 0},
		// A strike that shrank: the strikers left at its end are its count.
		{"When they walked out in August there were 57 of them. By the end, roughly 50 clinicians were still holding the line.", 50},
		{"About 50 were still out at the end.", 50},
		{"About 2,400 clinicians walked out. About 200 were still out in the Fontana office by noon.", 2400},
		{"Nimbus has added more than 300 licensed therapists in California since September.", 0},
		{"Kaiser has hired about 200 outside therapists to fill in.", 0},
		{"This morning, 2,400 Kaiser mental health professionals across Southern California walked back into their clinics under a contract they won with 196 days on the picket line.", 2400},
		{"About 200 clinicians walked back into their clinics this week, crossing the picket line.", 0},
		// A fact box's line; a survey's count; a multiple.
		{"Days on strike since Monday, October 21: 100 Members of our Southern California unit: 2,400", 2400},
		{"Strikers: about 2,400 | Day: 100 | Began: 10/21/24", 2400},
		{"We asked 512 members how long they waited.", 0},
		{"Los Angeles County alone has 20 times as many striking clinicians as Hawaii.", 0},
		// The union's whole, with its places named after it.
		{"The union representing about 2,400 striking clinicians, including those at the Irvine medical center, reached a deal.", 2400},
		{"Kaiser and the union for about 2,400 of its striking Southern California mental health workers reached a deal.", 2400},
		// The whole back at work after the strike.
		{"About 2,400 clinicians went back to work Monday, four days after ratifying the contract that ended their 196-day strike.", 2400},
		{"All 2,400 of us can say we won.", 2400},
		{"Thank you to all 2,400 of you who are holding out for our patients.", 2400},
		{"The lines held, and 2,400 strong we made sure Kaiser heard us.", 2400},
		// A count back at work that ends the strike is all of it.
		{"About 2,400 mental health workers returned to their jobs Monday, ending a 196-day strike.", 2400},
		// "Of us" counts the strikers when all of them, or the striking,
		// is told; a crowd of us is none.
		{"Our eight hunger strikers broke their fast with about 150 of us around them.", 0},
		{"Some 2,400 of us are on strike today.", 2400},
		// Some of a group the count names (not the strikers) joined.
		{"Nurses were joined by clinicians from the union, some of the roughly 2,400 therapists who struck last year.", 0},
		{"She is one of the more than 2,000 mental health workers who have been on strike since Oct. 21.", 2000},
		{"2,400 strong, we are not going anywhere.", 2400},
		{"A 19,000-strong union backs them.", 0},
		// A count written with a scale, or with no noun but a verb.
		{"Clinicians marched at more than 100 sites; about 2.4K are on strike.", 2400},
		{"Some 2.4k therapists walked out.", 2400},
		{"Roughly 2,4 thousand mental health workers are on strike.", 2400},
		{"About 2.4 thousand clinicians struck.", 2400},
		{"Two thousand four hundred therapists walked out.", 2400},
		{"About 2,400 walked out on Monday.", 2400},
		{"As of Dec. 1, roughly 2,400 were still on strike.", 2400},
		{"About 2,400 are now on strike.", 2400},
		// A local's number is its name.
		{"Local 39 engineers honored the line.", 0},
		{"Members of SEIU Local 121 joined 2,400 striking therapists.", 2400},
		// A day of the month is no count.
		{"Your Oct. 30 letter writer praised the striking therapists.", 0},
		{"Since November 25 therapists have picketed daily.", 0},
		{"On Oct. 21, 2,400 therapists went on strike.", 2400},
		{"The union said 2400 are on strike.", 2400},
		{"Workers who on Oct. 21 walked out returned.", 0},
		{"The 5k run raised $2.4k for strikers.", 0},
		{"In 2024 struck workers marched.", 0},
		// A share of the strikers, or one place's, is not the strike's
		// count; the whole it belongs to, when the clause gives it, is.
		{"About 90 of the strikers live in the city, the union said.", 0},
		{"About 180 of the strikers work in the valley, out of roughly 2,400 across the region.", 2400},
		{"About 45 therapists from two clinics take turns on the line, part of a walkout of some 2,400 mental health workers.", 2400},
		{"About 400 workers at the Fontana hospital were among the more than 75,000 employees on strike.", 75000},
		{"About 45 local therapists are still picketing outside the offices.", 0},
		{"Some 300 nurses, one of 12 groups on strike, walked out.", 300},
		{"About 2,400 of its mental health workers are on strike.", 2400},
		// The strikers as a whole back at work are the strikers; a part
		// back is not.
		{"The roughly 2,400 clinicians came back to caseloads that grew during the strike.", 2400},
		{"The 2,400 therapists returned to work Monday.", 2400},
		{"Some 200 therapists have returned, Kaiser says.", 0},
		{"The 200 workers who returned were thanked.", 0},
		// A joint union's name between the count and its noun.
		{"Nurses joined about 31,000 UNAC/UHCP members on strike.", 31000},
		// A crowd counted with its supporters.
		{"Nearly two hundred members and supporters joined the vigil.", 0},
		{"Nearly 200 nurses and their supporters rallied downtown.", 0},
		// A year in a clause about what a union did once is not an
		// earlier strike's.
		{"The strikers, about 2,400 psychologists and therapists, belong to the union, which split from SEIU in 2009.", 2400},
	}
	for _, tt := range tests {
		s := factSentence{text: tt.text, lower: lowerSameLen(tt.text)}
		got, _, _ := findWorkers([]factSentence{s}, time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC))
		if got != tt.want {
			t.Errorf("findWorkers(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	// One place's count, then, a sentence on, the strike it is part of.
	var ss []factSentence
	for _, text := range []string{"By 7 a.m. Monday roughly 60 therapists were marching along the avenue.", "Passing drivers honked.",
		"They were part of a walkout of about 2,400 mental health workers across the region."} {
		ss = append(ss, factSentence{text: text, lower: lowerSameLen(text)})
	}
	if got, at, _ := findWorkers(ss, time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)); got != 2400 || at != 2 {
		t.Errorf("a place's count, then the strike's: findWorkers = %d (sentence %d), want 2400 (sentence 2)", got, at)
	}
}

// TestExtractStarted: a date gives the strike's start only when its
// clause is about the strike beginning, not about talks, sessions or a
// hunger strike, and a strike already under way does not start later.
func TestExtractStarted(t *testing.T) {
	x := testExtractor()
	tests := []struct {
		name        string
		pub         string
		title, text string
		want        string
	}{
		{
			name:  "talks resume, strike in its fifth month",
			pub:   "2025-03-03",
			title: "Talks to resume Monday, March 10, as the strike enters its fifth month",
			text:  "Negotiators for Kaiser and the union have not met since February.",
		},
		{
			name:  "mediation starts",
			pub:   "2025-03-03",
			title: "Mediation to start Monday, March 10, as Kaiser strike drags on",
			text:  "Both sides accepted the governor's choice of mediators.",
		},
		{
			name: "sessions could begin",
			pub:  "2025-02-27",
			text: "Sessions could begin March 10, more than four months after the clinicians walked out.",
		},
		{
			name: "bargaining sessions start",
			pub:  "2025-03-03",
			text: "Bargaining sessions will start Monday, the first since the strike began.",
		},
		{
			name: "a hunger strike is another event",
			pub:  "2025-04-16",
			text: "Eight therapists who have been on strike for months began a hunger strike on April 14 outside Kaiser's offices.",
		},
		{
			name:  "a headline about mediation starting",
			pub:   "2025-03-11",
			title: "Mediation starts as Kaiser strike nears five months",
			text:  "Talks opened Monday in Oakland with two mediators.",
		},
		{
			name: "picketing starts again in a strike under way",
			pub:  "2025-03-03",
			text: "Therapists on strike since the fall will picket again starting Monday, March 10, at the San Diego office.",
		},
		{
			name: "the strike, which began",
			pub:  "2025-03-03",
			text: "The strike, which began Oct. 21, has entered its fifth month.",
			want: "2024-10-21",
		},
		{
			name: "on strike since a weekday and date",
			pub:  "2025-03-03",
			text: "Clinicians have been on strike since Monday, Oct. 21.",
			want: "2024-10-21",
		},
		{
			name: "began an open-ended strike",
			pub:  "2024-10-22",
			text: "Kaiser therapists began an open-ended strike Monday.",
			want: "2024-10-21",
		},
		{
			name: "a strike to come",
			pub:  "2024-10-11",
			text: "Therapists will begin their strike Monday, Oct. 21, the union said.",
			want: "2024-10-21",
		},
		{
			name: "a date that disagrees with the article's own day count",
			pub:  "2025-01-29",
			text: "The strike that began in the fall reached its 100th day on Jan. 28.",
		},
		{
			name: "the same, with a word of the future",
			pub:  "2025-01-29",
			text: "The strike that began in the fall reached its 100th day on Jan. 28 with no talks scheduled.",
		},
		{
			name:  "the headline reports the start, the lead the day",
			pub:   "2024-10-21",
			title: "San Diego therapists join picket lines as strike begins",
			text:  "Picket lines formed Monday outside Kaiser's Zion medical center.",
			want:  "2024-10-21",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, err := time.Parse(time.DateOnly, tt.pub)
			if err != nil {
				t.Fatal(err)
			}
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: pub.Add(15 * time.Hour)})
			if got.Started != tt.want {
				t.Errorf("Started = %q (from %q), want %q", got.Started, got.Evidence["started"], tt.want)
			}
			for _, e := range got.Events {
				if e.What == "strike begins" && e.Date != tt.want {
					t.Errorf("event %+v (from %q), want none but the start", e, got.Evidence["events"])
				}
			}
		})
	}
}

// TestExtractStartedZone: the start an article dates by "today",
// "yesterday" or a weekday is the day of the campaign's zone its
// publication falls on; without a zone, UTC's.
func TestExtractStartedZone(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	opts := func(loc *time.Location) FactsOptions {
		return FactsOptions{Unions: []string{"National Union of Healthcare Workers"}, Employers: []string{"Kaiser Permanente"}, Location: loc}
	}
	inLA, inUTC := NewExtractor(opts(la)), NewExtractor(opts(nil))
	// 17:35 -07:00 on Monday 21 Oct. 2024, 00:35 UTC on Tuesday 22 Oct.
	evening := time.Date(2024, 10, 21, 17, 35, 0, 0, time.FixedZone("", -7*3600))
	// 00:30 UTC on Tuesday 22 Oct. 2024, 17:30 on Monday 21 Oct. in LA.
	halfPast := time.Date(2024, 10, 22, 0, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		text      string
		published time.Time
		x         *Extractor
		want      string
	}{
		{"today at 17:35 Pacific", "Kaiser therapists went on strike today across Southern California.", evening, inLA, "2024-10-21"},
		{"today at 17:35 Pacific, no zone", "Kaiser therapists went on strike today across Southern California.", evening, inUTC, "2024-10-22"},
		{"today at 00:30 UTC", "Kaiser therapists went on strike today across Southern California.", halfPast, inLA, "2024-10-21"},
		{"yesterday at 00:30 UTC", "Kaiser therapists went on strike yesterday across Southern California.", halfPast.Add(24 * time.Hour), inLA, "2024-10-21"},
		{"yesterday at 00:30 UTC, no zone", "Kaiser therapists went on strike yesterday across Southern California.", halfPast.Add(24 * time.Hour), inUTC, "2024-10-22"},
		{"a weekday at 00:30 UTC", "Kaiser therapists began an open-ended strike Monday.", halfPast.Add(24 * time.Hour), inLA, "2024-10-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.x.Extract(&strike.Article{Text: tt.text, Published: tt.published.UTC()})
			if got.Started != tt.want {
				t.Errorf("Started = %q (from %q), want %q", got.Started, got.Evidence["started"], tt.want)
			}
		})
	}
}

// TestExtractStartedSpan: the article's own count of the strike's length
// bounds the day it began.
func TestExtractStartedSpan(t *testing.T) {
	x := testExtractor()
	tests := []struct {
		name           string
		pub            string
		title, text    string
		earliest, last string
	}{
		{name: "enters its fifth month", pub: "2025-03-03", title: "Talks to resume Monday, March 10, as the strike enters its fifth month",
			earliest: "2024-09-30", last: "2024-11-06"},
		{name: "enters fifth month, headline style", pub: "2025-03-03", title: "Talks to resume as strike enters fifth month",
			earliest: "2024-09-30", last: "2024-11-06"},
		{name: "day N of the strike", pub: "2025-01-28", text: "Tuesday marks day 100 of the strike.",
			earliest: "2024-10-20", last: "2024-10-22"},
		{name: "the strike's 100th day", pub: "2025-01-28", text: "The strike reached its 100th day Tuesday.",
			earliest: "2024-10-20", last: "2024-10-22"},
		{name: "N days into the strike", pub: "2025-01-29", text: "One hundred days into the strike, neither side has budged.",
			earliest: "2024-10-20", last: "2024-10-22"},
		{name: "nearly N months on strike", pub: "2025-02-07", text: "After nearly four months on strike, therapists say they are ready for mediation.",
			earliest: "2024-10-04", last: "2024-11-10"},
		{name: "in its third week", pub: "2024-11-06", text: "The walkout is in its third week.",
			earliest: "2024-10-13", last: "2024-10-26"},
		{name: "a finished strike's length bounds only the latest start", pub: "2025-05-05",
			text: "Kaiser and the union reached a deal to end the 196-day strike.", last: "2024-10-22"},
		{name: "a hunger strike's days are its own", pub: "2025-04-18", text: "The hunger strike entered its fifth day outside Kaiser's offices."},
		{name: "another year's strike", pub: "2024-10-21", text: "In 2022, Northern California therapists struck for 10 weeks and won more staffing."},
		{name: "another year's strike, as an adjective", pub: "2024-10-21", text: "The 10-week 2022 walkout in Northern California won more staffing."},
		{name: "days of something else", pub: "2025-03-14", text: "The fifth day of mediation ended without a deal, and the strike goes on."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, err := time.Parse(time.DateOnly, tt.pub)
			if err != nil {
				t.Fatal(err)
			}
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: pub.Add(15 * time.Hour)})
			if got.StartedEarliest != tt.earliest || got.StartedLatest != tt.last {
				t.Errorf("started between %q and %q, want %q and %q", got.StartedEarliest, got.StartedLatest, tt.earliest, tt.last)
			}
		})
	}
}

// TestExtractWorkers: how outlets count the striking workers, and the
// counts that are not theirs: patients, the health plan's members, the
// union's whole membership, a part of the unit, another year's strike.
func TestExtractWorkers(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2024, 10, 22, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		title, text string
		want        int
	}{
		{name: "nearly", text: "Nearly 2,400 mental health professionals walked off the job at Kaiser.", want: 2400},
		// Strikers counted after their noun.
		{name: "of whom", text: "A few hundred striking Kaiser mental health workers and supporters filled the sidewalk outside Kaiser's Los Angeles Medical Center on Tuesday.\n\nThe clinicians, some 2,400 of whom were called out Oct. 21, carried a banner.", want: 2400},
		// A year after "since" ends a span up to now, not a look back.
		// "The 57 … who walked off the job" on the sidewalk is the whole
		// unit, not one picket's headcount.
		{name: "the whole unit on the sidewalk", text: "The 57 Kaiser mental health clinicians who walked off the job in Hawaii this summer are still on the sidewalk.", want: 57},
		{name: "one picket on the sidewalk", text: "About 60 strikers lined the sidewalk outside Kaiser's clinic.", want: 0},
		{name: "one picket outside one building", text: "She and about 20 colleagues from the union have been walking outside Kaiser Permanente's Oxnard medical offices since Monday.", want: 0},
		{name: "one council meeting", text: "Nearly 30 Kaiser Permanente mental health clinicians, a month into their strike, used the public comment period at Tuesday's Long Beach City Council meeting to ask the city to back them.", want: 0},
		{name: "the largest since a year", text: "Nearly 2,400 mental health professionals walked off the job at Kaiser, the largest walkout there since 2023.", want: 2400},
		// A count corrected on the air: "make that" gives the right one.
		{name: "corrected in the sentence", text: "That was the scene this morning, when some 2,000 — make that about 2,400, according to the union — Kaiser mental health workers began an open-ended strike.", want: 2400},
		{name: "corrected in the next sentence", text: "Quick fix to our noon update on the walkout: we said 57,000 workers are on strike. Make that about 75,000 nationwide, according to the coalition.", want: 75000},
		{name: "a producer between", text: "It's Day 18 of the strike by some 2,000 — my producer is waving at me — make that 2,400 Kaiser mental health clinicians.", want: 2400},
		{name: "make that happen", text: "About 2,400 clinicians are on strike. Kaiser can make that happen.", want: 2400},
		// A headline's headcount of one town's picket, then the strike's.
		{name: "one town's picket in the headline", title: "Day 100 in Lancaster: about 20 strikers, a sheet cake and no deal",
			text: "About 20 strikers marked the 100th day of the strike outside Kaiser's Lancaster medical offices. They are among some 2,400 Kaiser mental health workers across Southern California who remain on strike.", want: 2400},
		// Counts that are not the strikers: a ballot's tally, lawmakers,
		// a survey's sample, one county's returners, one die-in.
		{name: "a tally", text: "With voting set to close at midnight, more than 1,900 members of the union had voted in favor, the union said.", want: 0},
		{name: "lawmakers", text: "The letters were sent to Kaiser with 40 Assembly members signing and 20 senators signing.", want: 0},
		{name: "a survey", text: "The union released its own survey last week of about 400 members.", want: 0},
		{name: "one county back", text: "About 300 Kaiser mental health workers in San Diego County went back to work this morning, days after a contract ended a strike of more than six months.", want: 0},
		{name: "one county back, its union between commas", text: "About 250 county clinicians, members of the National Union of Healthcare Workers, returned after the union's members ratified a new contract last week.", want: 0},
		{name: "accounts from members", text: "The network said it has collected more than 300 accounts from Kaiser members since the strike began. About 2,400 mental health workers have been on strike.", want: 2400},
		{name: "another union's strikers", text: "Pharmacists voted to authorize a strike. The vote came as about 31,000 nurses and health professionals represented by a different union were in the middle of a five-day strike against Kaiser.", want: 0},
		{name: "one county's", text: "About 85 Kern County clinicians, including therapists and psychiatric nurses, have been out since Monday.", want: 0},
		{name: "one city's offices", text: "About 70 psychologists and therapists staff Kaiser's behavioral health offices in Bakersfield, according to the union.", want: 0},
		{name: "one valley's", text: "About 60 striking mental health clinicians from across the San Fernando Valley gathered outside the medical center.", want: 0},
		{name: "two cities' facilities", text: "About 140 clinicians who work in Kaiser's Fontana and Ontario facilities returned Monday.", want: 0},
		{name: "a club's members", text: "Three striking therapists answered questions from about 50 members of the campus Psychology Club.", want: 0},
		{name: "one county's, then the whole", text: "About 85 Kern County clinicians are among the 2,400 on strike.", want: 2400},
		{name: "the union representing so many striking", text: "Kaiser and the union representing about 2,400 striking mental health workers sat down with mediators. In 2022 a 10-week strike by about 2,000 therapists in Northern California ended.", want: 2400},
		{name: "one die-in", text: "About 60 striking Kaiser mental health workers lay down on the pavement outside the company's San Diego office. The union's 2,400 members have been on strike since October.", want: 2400},
		{name: "a vote to come", text: "All 2,400 of us stay out until there is an agreement our members have voted on.", want: 2400},
		{name: "a body's seats", text: "Sixty-two legislators signed letters on the strike by 2,400 workers. The Assembly has 80 members and the Senate 40.", want: 2400},
		{name: "a tally, told plainly", text: "The strike goes on. More than 1,900 members of the union voted in favor and a few dozen against. The unit has about 2,400 workers.", want: 2400},
		// With no strike told, a unit's size is its membership, not
		// strikers: a contract that lapses, bargaining that opens.
		{name: "a contract's coverage, no strike", text: "The contract covering about 2,400 Kaiser mental health clinicians in Southern California expired at midnight Monday.", want: 0},
		{name: "a union's membership, no strike", text: "The National Union of Healthcare Workers, which represents about 2,400 psychologists and therapists in the region, said bargaining has stalled.", want: 0},
		// Unless the count's own sentence tells a strike: an anniversary
		// tells no phase of the news, but whose walkout it recalls.
		{name: "the count tells the strike", text: "A year ago today, about 2,000 Kaiser therapists in Northern California walked out of their clinics.", want: 2000},
		{name: "a unit of so many clinicians", text: "Kaiser reached a tentative agreement with NUHW covering a 2,400-clinician unit that has been out since October.", want: 2400},
		{name: "the strike by so many, then another's at the employer", title: "The strike that changed mental health care",
			text: "The strike by roughly 2,400 mental health clinicians in Southern California lasted 196 days.\n\nWhen 31,000 nurses struck Kaiser Permanente in October 2025, their leaders borrowed its language.", want: 2400},
		{name: "some, with a list", text: "Some 2,400 psychologists, therapists and social workers are on strike.", want: 2400},
		{name: "more than", title: "More than 2,000 unionized clinicians strike Kaiser", want: 2000},
		{name: "in words", text: "Two thousand Kaiser therapists plan to walk out Monday.", want: 2000},
		{name: "tens of thousands in words", text: "Seventy-five thousand health care workers walked out at Kaiser.", want: 75000},
		{name: "a long description", text: "About 2,400 Kaiser Permanente Southern California mental health workers are on strike.", want: 2400},
		{name: "a unit of so many members", text: "The strike by the union's 2,400-member Southern California unit goes on.", want: 2400},
		{name: "members of the union", text: "Roughly 2,400 members of the National Union of Healthcare Workers went on strike.", want: 2400},
		{
			name: "the union's whole membership, then the strikers",
			text: "The union, which represents 19,000 health care workers in California and Hawaii, said 2,400 of its members are on strike.",
			want: 2400,
		},
		{
			name: "the union's whole membership and a part of it",
			text: "NUHW, which represents 19,000 health care workers, including 4,700 mental health workers, called the strike.",
		},
		{name: "a union of so many members", text: "The 19,000-member union called the strike on Monday."},
		{name: "the health plan's members", text: "Kaiser serves 900,000 members in the region, and its clinics stayed open."},
		{name: "patients", text: "Some 20,000 patients have had therapy appointments canceled since the strike began."},
		{name: "a rally's crowd", text: "More than 500 NUHW members rallied outside the Los Angeles Medical Center."},
		{name: "the employer's count of returns", text: "Kaiser says 1,200 therapists have returned to work since the strike began."},
		{name: "another year's strike", text: "In 2022, some 2,000 Northern California therapists struck for 10 weeks."},
		{
			name:  "the first count that is the strikers' wins",
			title: "Kaiser therapists strike",
			text:  "More than 500 strikers rallied in Los Angeles. In all, about 2,400 workers are on strike across the region.",
			want:  2400,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: pub})
			if got.Workers != tt.want {
				t.Errorf("Workers = %d (from %q), want %d", got.Workers, got.Evidence["workers"], tt.want)
			}
		})
	}
}

// TestExtractUnion: the union whose workers strike, however outlets name
// it, and not another union named first (a supporter, a comparison).
func TestExtractUnion(t *testing.T) {
	x := NewExtractor(FactsOptions{
		Unions:    []string{"National Union of Healthcare Workers", "United Nurses Associations of California", "California Nurses Association", "SEIU"},
		Employers: []string{"Kaiser Permanente"},
	})
	const nuhw, unac = "National Union of Healthcare Workers", "United Nurses Associations of California"
	tests := []struct {
		name        string
		title, text string
		want        string
	}{
		{name: "members of", text: "Members of the National Union of Healthcare Workers went on strike Monday.", want: nuhw},
		{
			name:  "another workforce's union, represented by",
			title: "Kaiser mental health workers ratify contract",
			text:  "Kaiser mental health workers voted to approve a new contract, the National Union of Healthcare Workers said Thursday. Kaiser's nurses in Southern California, represented by the United Nurses Associations of California, are in talks of their own.",
			want:  nuhw,
		},
		{
			name: "an earlier strike's union, told whole after the article's",
			text: "Nurses walked out Tuesday. The United Nurses Associations of California says Kaiser's offer falls short. The company's mental health clinicians, members of the National Union of Healthcare Workers, struck for 196 days before ratifying a contract in May.",
			want: unac,
		},
		{name: "supporters marched with the strikers", text: "Registered nurses represented by the United Nurses Associations of California and staff from SEIU marched with striking Kaiser mental health clinicians on Saturday.", want: ""},
		{name: "a union sent members to the lines", title: "Thank you, allies", text: "The National Union of Healthcare Workers thanks everyone. The California Nurses Association sent members to our picket lines and wrote to Kaiser's board.", want: nuhw},
		{name: "a union based somewhere", text: "About 2,400 therapists walked off the job Monday.\n\nThe workers are represented by the Emeryville-based National Union of Healthcare Workers, whose contract with Kaiser expired Sept. 30.", want: nuhw},
		{name: "represented by the acronym", text: "The therapists, represented by NUHW, walked out.", want: nuhw},
		{name: "acronym with the", text: "The NUHW said the strike would go on.", want: nuhw},
		{name: "acronym as an adjective", text: "About 2,400 NUHW members are on strike.", want: nuhw},
		{name: "acronym-represented", text: "Kaiser said half of the NUHW-represented employees had returned.", want: nuhw},
		{name: "workers with", text: "Nurses with UNAC walked off the job at Kaiser hospitals.", want: unac},
		{name: "a script in capitals", text: "THE THERAPISTS ARE MEMBERS OF THE NATIONAL UNION OF HEALTHCARE WORKERS AND ARE TRYING TO WIN A CONTRACT.", want: nuhw},
		{name: "a script in capitals, the union speaking", text: "[VO] THE NATIONAL UNION OF HEALTHCARE WORKERS SAYS NO BARGAINING SESSION IS SCHEDULED.", want: nuhw},
		{
			name: "a supporting union named first",
			text: "Nurses from the California Nurses Association joined the picket line in solidarity. NUHW's therapists have been on strike since October.",
			want: nuhw,
		},
		{
			name: "members of a supporting union",
			text: "Members of the California Nurses Association also joined the picket lines. The strike by the National Union of Healthcare Workers is in its fourth week.",
			want: nuhw,
		},
		{
			name: "a union that bargains separately and is not covered",
			text: "Kaiser and SEIU reached a tentative agreement Friday. Its clinicians, represented by the National Union of Healthcare Workers, bargain separately and are not covered.",
			want: "SEIU",
		},
		{
			name: "the strikers' union, bargaining separately, is still theirs",
			text: "About 50 Kaiser clinicians in Hawaii went on strike. They belong to the National Union of Healthcare Workers, but they bargain separately.",
			want: nuhw,
		},
		{
			name: "a union named for comparison",
			text: "Unlike SEIU, which settled with Kaiser last year, the National Union of Healthcare Workers has called an open-ended strike.",
			want: nuhw,
		},
		{
			name:  "the headline's union",
			title: "UNAC nurses set a strike date at Kaiser",
			text:  "The nurses would join NUHW's therapists, who have been on strike since October. UNAC said the walkout would last five days.",
			want:  unac,
		},
		{name: "the union, unnamed", title: "Kaiser therapists strike", text: "The union says Kaiser must restore pensions."},
		{
			name: "members of a union not involved",
			text: "The National Union of Healthcare Workers gave Kaiser a 10-day strike notice. Members of SEIU, Kaiser's largest union, are not involved.",
			want: nuhw,
		},
		// Unions the options do not name, named where a union is expected.
		{
			name: "an unnamed-in-options union, represented by",
			text: "About 5,000 nurses represented by the Oregon Nurses Association returned to work. NUHW's strike at Kaiser continues.",
			want: "Oregon Nurses Association",
		},
		{name: "a guild", text: "Pharmacists represented by the Guild for Professional Pharmacists voted to authorize a strike.", want: "Guild for Professional Pharmacists"},
		{name: "a local", text: "The strike by Teamsters Local 2010 entered its second week.", want: "Teamsters Local 2010"},
		{name: "a union's acronym, represented by", text: "The 600 technicians, represented by OPEIU Local 30, walked out Monday.", want: "OPEIU Local 30"},
		{name: "members of Congress are no union", text: "Members of Congress urged Kaiser to settle with the National Union of Healthcare Workers.", want: nuhw},
		{name: "workers in a place are no union", text: "Workers in Southern California walked out on Monday."},
		{name: "members of the public are no union", text: "Members of the Los Angeles County Board of Supervisors joined the picket line."},
		{
			name: "supporters named in context",
			text: "The strikers were joined by members of the California Faculty Association. The National Union of Healthcare Workers said its members would stay out.",
			want: nuhw,
		},
		// A union the options do not name, named as representing workers or
		// as speaking.
		{
			name: "an appositive that represents workers",
			text: "The Guild for Professional Pharmacists, which represents pharmacists at Kaiser's hospitals, said members are frustrated.",
			want: "Guild for Professional Pharmacists",
		},
		{name: "a guild that speaks", text: "The Guild for Professional Pharmacists announced the result of the vote this week.", want: "Guild for Professional Pharmacists"},
		{name: "an association of employers is no union", text: "The California Hospital Association, which represents hospitals, opposed the bill."},
		{name: "a city council is no union", text: "The San Diego City Council voted to back the strikers on Tuesday."},
		{
			name: "a labor council leads a rally",
			text: "A rally led by the Los Angeles County Federation of Labor drew hundreds. NUHW members have been on strike since October.",
			want: nuhw,
		},
		// A union named in an aside about another is its part or its past.
		{
			name: "a coalition led by a union",
			text: "The California Nurses Association, an alliance of locals led by SEIU, says Kaiser has not addressed understaffing.",
			want: "California Nurses Association",
		},
		{
			name: "a union's past in an aside",
			text: "The strikers belong to NUHW, which split from SEIU in 2009.",
			want: nuhw,
		},
		// A union whose members keep working is not the strikers'.
		{
			name:  "members still working",
			title: "Why SEIU members are still working during the therapists' strike",
			text:  "SEIU has told its members to report to work during the strike. The strikers belong to the National Union of Healthcare Workers.",
			want:  nuhw,
		},
		{
			name: "the strikers are part of a union the options do not name",
			text: "About 75,000 Kaiser Permanente workers are on strike today in five states. The workers are part of the Coalition of Kaiser Permanente Unions.",
			want: "Coalition of Kaiser Permanente Unions",
		},
		{
			name: "their union, named beside it",
			text: "Kaiser pharmacists voted to authorize a strike, their union, the Guild for Professional Pharmacists, said Monday.",
			want: "Guild for Professional Pharmacists",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: wed})
			if got.Union != tt.want {
				t.Errorf("Union = %q (from %q), want %q", got.Union, got.Evidence["union"], tt.want)
			}
		})
	}
}

// TestExtractUnionFromSource: a union's own post, written as "we" and
// "our union", is about the union that publishes it; the text decides when
// it names a union as the one striking.
// TestUnionSpelledOut: a union the options know by its acronym is known
// spelled out too, wherever it stands, and named as written.
func TestUnionSpelledOut(t *testing.T) {
	x := NewExtractor(FactsOptions{
		Unions:    []string{"National Union of Healthcare Workers", "UNAC", "UFCW"},
		Aliases:   map[string]string{"NUHW": "National Union of Healthcare Workers"},
		Employers: []string{"Kaiser Permanente"},
	})
	tests := []struct{ name, title, text, want string }{
		{
			name:  "a joint name spelled out, an earlier strike's union in the background",
			title: "Kaiser nurses plan five-day strike",
			text:  "About 31,000 nurses and health professionals at Kaiser will strike Oct. 14, their union said Monday.\n\nThe United Nurses Associations of California/Union of Health Care Professionals said it had notified Kaiser of the walkout.\n\nLast year, about 2,400 Kaiser mental health workers represented by the National Union of Healthcare Workers went on strike for 196 days before ratifying a contract.",
			want:  "United Nurses Associations of California/Union of Health Care Professionals",
		},
		{
			name: "a name spelled out as the subject",
			text: "About 31,000 Kaiser nurses returned to work over the weekend after a five-day strike. The United Nurses Associations of California/Union of Health Care Professionals and Kaiser have not scheduled new bargaining dates.",
			want: "United Nurses Associations of California/Union of Health Care Professionals",
		},
		{
			name: "capitalized words whose initials are no known acronym",
			text: "Pharmacy workers voted to authorize a strike. Kaiser Permanente Southern California said talks would resume.",
			want: "",
		},
		{
			name: "another known acronym spelled out",
			text: "Kaiser pharmacy workers voted to authorize a strike. The United Food and Commercial Workers said talks would resume.",
			want: "United Food and Commercial Workers",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: wed})
			if got.Union != tt.want {
				t.Errorf("Union = %q (from %q), want %q", got.Union, got.Evidence["union"], tt.want)
			}
		})
	}
}

func TestExtractUnionFromSource(t *testing.T) {
	x := testExtractor()
	const nuhw = "National Union of Healthcare Workers"
	for _, tt := range []struct {
		source, text, want string
	}{
		{nuhw, "Tonight our bargaining team reached a tentative agreement with Kaiser Permanente.", nuhw},
		{"NUHW", "We are five months into this strike. We will stay out until Kaiser agrees.", nuhw},
		{nuhw, "Nurses represented by UNAC are on strike this week, and our members are proud to stand with them.", "UNAC"},
		{"Western Press Wire", "Therapists walked out on Monday, their union said.", ""},
		{"Kaiser Permanente Southern California", "We are disappointed that clinicians have chosen to strike.", ""},
		// Unions that come to picket with the union are its supporters.
		{nuhw, "Our lines were twice their usual size when members of UNAC/UHCP and SEIU came to picket with us. We are five weeks into this strike.", nuhw},
	} {
		got := x.Extract(&strike.Article{Title: "News", Text: tt.text, Source: tt.source, Published: wed})
		if got.Union != tt.want {
			t.Errorf("source %q, %q: union %q, want %q", tt.source, tt.text, got.Union, tt.want)
		}
		if got.Union != "" && got.Evidence["union"] == "" {
			t.Errorf("source %q: no evidence for the union", tt.source)
		}
	}
}

// TestExtractHungerStrikeAndStartDate: a hunger strike's days are not the
// strike's, and the strike's start date is not the date of a vote named
// in the same sentence.
func TestExtractHungerStrikeAndStartDate(t *testing.T) {
	x := testExtractor()
	t.Run("hunger strike", func(t *testing.T) {
		got := x.Extract(&strike.Article{
			Title:     "Kaiser therapists end hunger strike after five days",
			Text:      "Eight clinicians who have been on strike since October ended their fast outside Kaiser's offices on Friday.",
			Published: time.Date(2025, 4, 18, 20, 0, 0, 0, time.UTC),
		})
		if got.Phase == strike.PhaseEnded || got.DurationDays != 0 || got.StartedLatest != "" {
			t.Errorf("phase %q, %d days, started by %q: the hunger strike's, not the strike's", got.Phase, got.DurationDays, got.StartedLatest)
		}
	})
	t.Run("on strike since a month, fasting since a day", func(t *testing.T) {
		got := x.Extract(&strike.Article{
			Title:     "Striking Kaiser clinicians begin hunger strike in Pasadena",
			Text:      "Eight Kaiser clinicians who have been on strike since October stopped eating Monday, beginning a hunger strike outside the company's offices.",
			Published: time.Date(2025, 4, 14, 20, 0, 0, 0, time.UTC),
		})
		if got.Started != "" {
			t.Errorf("Started %q, want none: Monday is the hunger strike's", got.Started)
		}
	})
	t.Run("talks between the parties began", func(t *testing.T) {
		got := x.Extract(&strike.Article{
			Title:     "Mediation opens in Kaiser strike",
			Text:      "Mediated talks between Kaiser Permanente and the National Union of Healthcare Workers began Monday, nearly five months after about 2,400 clinicians walked off the job.",
			Published: time.Date(2025, 3, 10, 21, 0, 0, 0, time.UTC),
		})
		if got.Started != "" {
			t.Errorf("Started %q, want none: Monday is the talks'", got.Started)
		}
	})
	t.Run("a notice's start is to come", func(t *testing.T) {
		got := x.Extract(&strike.Article{
			Title:     "Union gives Kaiser notice of open-ended strike",
			Text:      "The union has delivered a 10-day strike notice, setting up an open-ended walkout beginning Oct. 21.",
			Published: time.Date(2024, 10, 14, 20, 0, 0, 0, time.UTC),
		})
		if got.Started != "2024-10-21" {
			t.Errorf("Started %q, want 2024-10-21, a week after the notice", got.Started)
		}
	})
	t.Run("a start date beside a vote", func(t *testing.T) {
		got := x.Extract(&strike.Article{
			Title:     "Kaiser mental health workers ratify contract",
			Text:      "Members of the National Union of Healthcare Workers voted to ratify a four-year contract, ending a strike that began Oct. 21.",
			Published: time.Date(2025, 5, 9, 14, 0, 0, 0, time.UTC),
		})
		if got.Started != "2024-10-21" || len(got.Events) != 0 {
			t.Errorf("Started %q, events %+v; want 2024-10-21 and no event", got.Started, got.Events)
		}
	})
}

// TestExtractLeadAfterFurniture: a byline or date line that a page leaves
// at the top of the text is not the lead; the first paragraph of the
// article's own words is.
func TestExtractLeadAfterFurniture(t *testing.T) {
	x := testExtractor()
	for _, furniture := range []string{"", "By Ana Ruiz · May. 6, 2025 3:10 PM UTC\n\n", "· May 6, 2025\n\nBy Ana Ruiz | Staff writer\n\n"} {
		got := x.Extract(&strike.Article{
			Title: "Therapists picket Kaiser",
			Text: furniture + "Striking therapists picketed outside Kaiser on Monday.\n\n" +
				"A passing nurse said the strike at her own hospital ended in March and she returned to work.",
			Published: wed,
		})
		if got.Phase != strike.PhaseStrike {
			t.Errorf("after %q: phase %q (from %q), want %q", furniture, got.Phase, got.Evidence["phase"], strike.PhaseStrike)
		}
	}
}

// TestExtractLeadAfterEditorsNote: an editor's note about the story
// opens the page but is not its lead; the paragraph after it is.
func TestExtractLeadAfterEditorsNote(t *testing.T) {
	x := testExtractor()
	got := x.Extract(&strike.Article{
		Title: "Valley Kaiser strikers weigh deal ahead of vote",
		Text: "Editor's note: An earlier version of this story said union members had ratified the agreement with Kaiser. They have not; voting ends Thursday.\n\n" +
			"PALM DESERT, Calif. — A day after their union reached a tentative agreement with Kaiser Permanente, a handful of clinicians read the summary line by line.\n\n" +
			"Picketing has stopped, but the strike formally continues until members approve the deal.",
		Published: wed,
	})
	if got.Phase != strike.PhaseTentativeAgreement {
		t.Errorf("phase %q (from %q), want %q", got.Phase, got.Evidence["phase"], strike.PhaseTentativeAgreement)
	}
}

// TestExtractEndWithPendingContract: a strike said to be over is in the
// phase of the contract the article reports, tentative or ratified, until
// the workers are back at work; an end with no contract is the end.
func TestExtractEndWithPendingContract(t *testing.T) {
	x := testExtractor()
	for _, tt := range []struct {
		title, text, want string
	}{
		{"Kaiser therapists end their walkout. Now comes the vote.",
			"The picket lines came down after union leaders announced a tentative agreement late Sunday. The deal goes to a ratification vote Thursday.",
			strike.PhaseTentativeAgreement},
		{"The longest mental health strike is over. What did it win?",
			"After 196 days, the strike is over.\n\nOn paper, the tentative agreement gives therapists more. Members are voting on it this week.",
			strike.PhaseTentativeAgreement},
		{"The strike is over",
			"Members ratified the contract Thursday.\n\nThe strike ended after 196 days.",
			strike.PhaseRatified},
		{"The strike is over",
			"Members ratified the contract Thursday, and therapists returned to work on Monday.",
			strike.PhaseEnded},
		{"Union calls off strike",
			"The union called off the strike on Friday without a contract.",
			strike.PhaseEnded},
	} {
		got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: wed})
		if got.Phase != tt.want {
			t.Errorf("%q: phase %q (from %q), want %q", tt.title, got.Phase, got.Evidence["phase"], tt.want)
		}
	}
}

// TestExtractPhaseBeyondTheLead: the body raises the lead's strike to
// mediation when it reports mediated talks going on; when the lead says
// nothing of the phase, the first paragraph that does decides, not a
// roundup's last item about another dispute.
func TestExtractPhaseBeyondTheLead(t *testing.T) {
	x := testExtractor()
	for _, tt := range []struct {
		title, text, want string
	}{
		{"Therapists stage die-in at Kaiser offices",
			"Dozens of striking therapists lay down outside Kaiser offices on Tuesday.\n\nThe die-in came two weeks into mediated talks, which are continuing.",
			strike.PhaseMediation},
		{"Therapists rally at Kaiser",
			"Striking therapists rallied outside Kaiser on Tuesday.\n\nNurses at another hospital began mediation in 2023.",
			strike.PhaseStrike},
		{"This week in labor",
			"Welcome back to our weekly look at labor news.\n\n1. KAISER. Police arrested people at a rally for the strikers.\n\n3. PORTS. Dockworkers reached a deal on automation rules.",
			strike.PhaseStrike},
		// Another item's mediation is another dispute's.
		{"4 health care strikes to watch",
			"Labor actions keep coming.\n\n1. Kaiser. About 2,400 clinicians have been on strike since Oct. 21.\n\n2. Providence. Nurses struck in January. Talks with a federal mediator continue.",
			strike.PhaseStrike},
		// A headline that tells the strike as over: the body says how.
		{"NEIGHBORS | Six weeks after the Kaiser strike, the corgis miss the picket line",
			"Every morning, a man walked his two corgis past the Kaiser picket line. The strikers knew the dogs by name.\n\nThe picket line is gone now. The 196-day strike by Kaiser's Southern California mental health clinicians ended in May with a contract.",
			strike.PhaseEnded},
		{"Months after strike, Kaiser therapists say new contract isn't showing up in their schedules",
			"\"It lands in them almost every week,\" said a social worker who spent the strike on the picket line.\n\nThe strike by about 2,400 clinicians began in October 2024 and ended in May after the contract was ratified.",
			strike.PhaseEnded},
		// A question's answer tells the phase; with none, what the
		// question takes for granted does.
		{"Kaiser therapist strike: what patients need to know",
			"If you get care through Kaiser, here is what we know.\n\nWho is on strike? About 2,400 Kaiser employees represented by the National Union of Healthcare Workers: psychologists, therapists and social workers.",
			strike.PhaseStrike},
		{"Kaiser mental health strike: what patients should know",
			"If you get care through Kaiser, here is what we know.\n\nWho is striking? About 2,400 clinicians represented by the National Union of Healthcare Workers are set to walk out Oct. 21 unless a deal is reached.",
			strike.PhaseThreatened},
	} {
		got := x.Extract(&strike.Article{Title: tt.title, Text: tt.text, Published: wed})
		if got.Phase != tt.want {
			t.Errorf("%q: phase %q (from %q), want %q", tt.title, got.Phase, got.Evidence["phase"], tt.want)
		}
	}
}

// TestPhaseHintsNeverHideAMatch checks the cheap test before each phase
// signal's expression on every sentence of the project's corpora (the
// demo's and the development one): wherever the expression matches, the
// hints hold.
func TestPhaseHintsNeverHideAMatch(t *testing.T) {
	racetest.SkipLong(t)
	var files []string
	for _, glob := range []string{"../demo/articles/*.txt", "../internal/eval/testdata/dev*/*.txt"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Fatalf("found %d corpus files, want the demo's and the development corpus", len(files))
	}
	sentences, matched := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range Sentences(string(b)) {
			lower := strings.ToLower(s.Text)
			sentences++
			for i, sig := range phaseSignals {
				if !sig.re.MatchString(lower) {
					continue
				}
				matched++
				if !sig.mayMatch(lower) {
					t.Errorf("%s: signal %d (%s, hints %q) matches %q but its hints say it cannot", filepath.Base(f), i, sig.phase, sig.hints, lower)
				}
			}
		}
	}
	t.Logf("%d sentences, %d signal matches", sentences, matched)
}

// TestExtractUndatedGivesNoYearlessStart: a page with no date of its own
// (its publication estimated when it was found) cannot tell which year
// "since Oct. 21" is, nor what "five weeks into the strike" counts from;
// a date with its year it can.
func TestExtractUndatedGivesNoYearlessStart(t *testing.T) {
	x := testExtractor()
	found := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text, want string
	}{
		{"About 2,400 clinicians have been on strike since Oct. 21. We are five weeks into this strike.", ""},
		{"About 2,400 clinicians went on strike on Oct. 21, 2024.", "2024-10-21"},
	} {
		got := x.Extract(&strike.Article{Title: "Strikes to watch", Text: tt.text, Published: found, PublishedEstimated: true})
		if got.Started != tt.want || tt.want == "" && (got.StartedEarliest != "" || got.StartedLatest != "") {
			t.Errorf("%q: started %q (%q to %q), want %q", tt.text, got.Started, got.StartedEarliest, got.StartedLatest, tt.want)
		}
	}
}

// TestExtractUndatedExplainerOfAnEarlierStrike: an undated explainer of
// the 2022 strike that names 2024 too dates its own strike "in August
// 2022"; those sentences are its news, not history.
func TestExtractUndatedExplainerOfAnEarlierStrike(t *testing.T) {
	x := testExtractor()
	got := x.Extract(&strike.Article{Title: "The 2022 strike in the north, explained", PublishedEstimated: true,
		Published: time.Date(2024, 10, 28, 12, 0, 0, 0, time.UTC),
		Text: "Before the south's walkout, there was the north.\n\n" +
			"In August 2022, about 2,000 clinicians in Northern California began an open-ended strike.\n\n" +
			"Two years later, in October 2024, their colleagues in the south walked out too."})
	if !strings.Contains(got.Evidence["phase"], "2022") {
		t.Errorf("phase %q from %q: the explainer's own dated sentences were taken for history", got.Phase, got.Evidence["phase"])
	}
}

// TestExtractUndatedYearsAreNoHistory: a page with no date, found long
// after, that tells the strike by its year ("In 2024, some 2,400 …") tells
// it, not an earlier one; on it a year is history only when it names a
// later one.
func TestExtractUndatedYearsAreNoHistory(t *testing.T) {
	x := testExtractor()
	found := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text    string
		workers int
		phase   string
	}{
		{"In 2024, some 2,400 mental health workers represented by NUHW walked off the job at Kaiser. They are still on strike.", 2400, strike.PhaseStrike},
		{"In 2022, about 2,000 clinicians struck for ten weeks in Northern California. In 2024, some 2,400 clinicians walked out in Southern California.", 2400, strike.PhaseStrike},
	} {
		got := x.Extract(&strike.Article{Title: "Explainer: the Kaiser strike", Text: tt.text, Published: found, PublishedEstimated: true, FirstSeen: found})
		if got.Workers != tt.workers || got.Phase != tt.phase {
			t.Errorf("%q: workers %d, phase %q; want %d, %q", tt.text, got.Workers, got.Phase, tt.workers, tt.phase)
		}
	}
}

// TestFindDurationLatest: a strike only grows older, so of the counts an
// article gives the largest is the strike's latest; another strike's
// count is not this one's.
func TestFindDurationLatest(t *testing.T) {
	tests := []struct {
		name string
		text []string
		want int
	}{
		{"one count", []string{"The strike reached 100 days on Tuesday."}, 100},
		{"a timeline passes an age on its way to the end", []string{
			"Jan. 28, 2025: The strike reaches 100 days.",
			"May 4, 2025: A tentative agreement is reached after 196 days.",
		}, 196},
		{"the length first, an age after", []string{
			"The 196-day strike is over.",
			"On its 100th day, strikers marched downtown.",
		}, 196},
		{"a hunger strike's days are not the strike's", []string{
			"Therapists on strike for 30 days began a 10-day hunger strike.",
		}, 30},
		{"a deal after days of talks counts the talks", []string{
			"A deal was reached after 30 days of talks.",
		}, 0},
		{"an earlier strike's length is not this one's", []string{
			"The walkout has lasted 40 days; the 2022 strike lasted 70 days.",
		}, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []factSentence
			for _, s := range tt.text {
				ss = append(ss, factSentence{text: s, lower: lowerSameLen(s)})
			}
			if got, _, _ := findDuration(ss); got != tt.want {
				t.Errorf("findDuration = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestAnsDateWeekday: a weekday alone is the latest such day, as news
// reports what happened, unless the words before it put it ahead: a plan,
// or a scheduled act told in the present tense.
func TestAnsDateWeekday(t *testing.T) {
	thu := time.Date(2025, 5, 8, 22, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct{ text, want string }{
		{"Members voted Monday to ratify.", "Members voted Monday [5 May 2025] to ratify."},
		{"The clinicians go back to work on Monday.", "The clinicians go back to work on Monday [12 May 2025]."},
		{"They will return Monday.", "They will return Monday [12 May 2025]."},
		{"They could be back as early as next Monday.", "They could be back as early as next Monday [12 May 2025]."},
		{"Talks resumed last Monday.", "Talks resumed last Monday [5 May 2025]."},
		{"The clinicians went back on Monday.", "The clinicians went back on Monday [5 May 2025]."},
		// "A year ago today" is the same day, a year before.
		{"A year ago today, the clinicians walked out.", "A year ago today [8 May 2024], the clinicians walked out."},
		{"Two years ago today they struck.", "Two years ago today [8 May 2023] they struck."},
		{"Today they voted.", "Today [8 May 2025] they voted."},
		// A return told with no verb, as a headline or a sign-off does.
		{"Therapists ratify contract, back to work Monday", "Therapists ratify contract, back to work Monday [12 May 2025]"},
		{"Ratified. See you Monday.", "Ratified. See you Monday [12 May 2025]."},
		{"They were back to work Monday.", "They were back to work Monday [5 May 2025]."},
		// "This morning" is the day it was written.
		{"Clinicians in San Diego are back at work this morning.", "Clinicians in San Diego are back at work this morning [8 May 2025]."},
	} {
		if got := ansDateWeekday(tc.text, thu, nil); got != tc.want {
			t.Errorf("ansDateWeekday(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAnsDateWeekdayZone: with the campaign's time zone, a sentence's
// "today", "yesterday" or weekday is dated by the day its publication
// falls on there; without one, "today" in a UTC morning is left as
// written, since on the American west coast it is still the day before.
func TestAnsDateWeekdayZone(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	// 17:35 Pacific on Tuesday 6 May 2025 is 00:35 UTC on Wednesday 7 May.
	evening := time.Date(2025, 5, 6, 17, 35, 0, 0, la).UTC()
	for _, tc := range []struct {
		name      string
		text      string
		published time.Time
		loc       *time.Location
		want      string
	}{
		{"today in a Pacific evening", "Clinicians picketed today.", evening, la,
			"Clinicians picketed today [6 May 2025]."},
		{"tonight in a Pacific evening", "The vote closes tonight.", evening, la,
			"The vote closes tonight [6 May 2025]."},
		{"yesterday in a Pacific evening", "Talks broke off yesterday.", evening, la,
			"Talks broke off yesterday [5 May 2025]."},
		{"a weekday from a Pacific Tuesday", "Members voted Monday to ratify.", evening, la,
			"Members voted Monday [5 May 2025] to ratify."},
		{"today at 00:30 UTC is the Pacific day before", "Today they voted.", time.Date(2025, 5, 8, 0, 30, 0, 0, time.UTC), la,
			"Today [7 May 2025] they voted."},
		{"today in a Pacific morning", "Today they voted.", time.Date(2025, 5, 8, 16, 0, 0, 0, time.UTC), la,
			"Today [8 May 2025] they voted."},
		{"no zone: today in a UTC morning is left", "Clinicians picketed today.", evening, nil,
			"Clinicians picketed today."},
		{"no zone: a weekday by the UTC day", "Members voted Monday to ratify.", evening, nil,
			"Members voted Monday [5 May 2025] to ratify."},
		{"no zone: today in a UTC afternoon", "Today they voted.", time.Date(2025, 5, 8, 16, 0, 0, 0, time.UTC), nil,
			"Today [8 May 2025] they voted."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ansDateWeekday(tc.text, tc.published, tc.loc); got != tc.want {
				t.Errorf("ansDateWeekday(%q, %s, %v) = %q, want %q", tc.text, tc.published.Format(time.RFC3339), tc.loc, got, tc.want)
			}
		})
	}
}

// TestPhaseToComeOrOther: a strike announced for a later day, a vote
// members "must" still hold, and "a similar strike" of another year.
func TestPhaseToComeOrOther(t *testing.T) {
	x := NewExtractor(FactsOptions{Employers: []string{"Kaiser Permanente"}})
	for _, tc := range []struct {
		name, title, text, want string
		pub                     time.Time
	}{
		{"a strike on a later day",
			"Kaiser nurses' strike Oct. 14: what patients should know",
			"About 31,000 nurses and other health professionals at Kaiser Permanente have announced a five-day strike beginning October 14.",
			strike.PhaseThreatened, time.Date(2025, 10, 9, 17, 0, 0, 0, time.UTC)},
		{"a vote members must still hold",
			"Kaiser mental health strike deal: what we know so far",
			"Kaiser Permanente and the union reached a tentative agreement Sunday night. Members must vote to ratify the agreement, and the voting ends Thursday.",
			strike.PhaseTentativeAgreement, time.Date(2025, 5, 6, 17, 0, 0, 0, time.UTC)},
		{"a similar strike of another year",
			"Kaiser therapy patients: what to know if the strike goes ahead",
			"Clinicians could walk out as soon as next week. A similar strike by Kaiser Permanente therapists in Northern California in 2022 lasted 10 weeks.",
			strike.PhaseThreatened, time.Date(2024, 10, 8, 17, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tc.title, Text: tc.text, Published: tc.pub})
			if got.Phase != tc.want {
				t.Errorf("phase = %q, want %q (evidence %q)", got.Phase, tc.want, got.Evidence["phase"])
			}
		})
	}
}

// TestMediationOffUpFront: mediated talks told as ended in the headline
// or lead are not made current again by an older update further down (a
// live page, newest first).
func TestMediationOffUpFront(t *testing.T) {
	x := NewExtractor(FactsOptions{})
	pub := time.Date(2025, 3, 12, 20, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, title, text, want string }{
		{"ended up front, begun in an older update",
			"Kaiser strike talks: mediated session ends without a deal",
			"Updated Wednesday. Newest updates appear first.\n\nWEDNESDAY, 12:30 p.m. — A day after talks broke off, there is still no date for the two sides to meet again. The clinicians remain on strike.\n\nTUESDAY, 10:15 a.m. — The sides are back with the mediators for a second day.\n\nMONDAY, 4:00 p.m. — Mediation began Monday, nearly five months into the strike.",
			strike.PhaseStrike},
		{"a strike's news up front, the talks under way below",
			"Kaiser clinicians rally in Riverside",
			"Hundreds of striking clinicians rallied in Riverside on Wednesday.\n\nMediated talks are continuing this week.",
			strike.PhaseMediation},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tc.title, Text: tc.text, Published: pub})
			if got.Phase != tc.want {
				t.Errorf("phase = %q, want %q (evidence %q)", got.Phase, tc.want, got.Evidence["phase"])
			}
		})
	}
}

// TestExtractTimeline: a timeline's entries run in order, so its phase
// is the most advanced its entries report, not its first entry's.
func TestExtractTimeline(t *testing.T) {
	x := NewExtractor(FactsOptions{Employers: []string{"Kaiser Permanente"}})
	pub := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"a timeline to the end",
			"This timeline covers the strike.\n\nOct. 21, 2024: About 2,400 clinicians walk out.\n\nMay 4, 2025: A tentative agreement is reached.\n\nMay 8, 2025: Members ratify the contract.\n\nMay 12, 2025: Clinicians return to work.",
			strike.PhaseEnded},
		{"a timeline to the deal",
			"This timeline covers the strike.\n\nOct. 21, 2024: Clinicians walk out.\n\nJan. 28, 2025: The strike reaches 100 days.\n\nMay 4, 2025: A tentative agreement is reached.",
			strike.PhaseTentativeAgreement},
		{"a timeline whose dates are set off by dashes",
			"Here's how it unfolded.\n\nOct. 21 — The strike begins.\n\nDecember — Legislators send Kaiser a letter.\n\nMarch 10 — Mediation begins. The talks break off within days.\n\nMay 4 — A tentative agreement is reached.\n\nMay 8 — Members ratify the contract. They are scheduled to return to work Monday, May 12.",
			strike.PhaseRatified},
		{"a week's roundup, newest first, is no timeline",
			"The week in labor.\n\nFriday, Feb. 7 — Housekeepers at a resort voted to ratify their first contract.\n\nThursday, Feb. 6 — Teachers declared an impasse.\n\nMonday, Feb. 3 — The strike by Kaiser Permanente mental health workers entered its 16th week.",
			strike.PhaseStrike},
		{"two dated lines are no timeline",
			"Clinicians walk out.\n\nOct. 21, 2024: Clinicians walk out.\n\nMay 4, 2025: A tentative agreement is reached.",
			strike.PhaseStrike},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: "Strike timeline", Text: tc.text, Published: pub})
			if got.Phase != tc.want {
				t.Errorf("phase = %q, want %q (evidence %q)", got.Phase, tc.want, got.Evidence["phase"])
			}
		})
	}
}

// TestPhaseOfAnswersAndCaptions checks that an explainer in questions and
// answers, and a gallery whose captions open with their month, are in the
// most advanced phase their answers or captions report, not their first
// paragraph's.
func TestPhaseOfAnswersAndCaptions(t *testing.T) {
	x := NewExtractor(FactsOptions{})
	pub := time.Date(2025, 5, 20, 12, 0, 0, 0, time.UTC)
	tests := []struct{ name, text, want string }{
		{"faq", "Who went on strike? Therapists at the hospital.\n\nWhen did it start? In October.\n\n" +
			"Is it over? Yes. Members ratified the contract, and the clinicians returned to work on May 12.", strike.PhaseEnded},
		{"captions", "October: Workers form their first picket line on the morning the strike began.\n\n" +
			"February: A demonstrator is arrested at a rally for the strikers.\n\n" +
			"May: Members hug before walking back in after the strike ended.", strike.PhaseEnded},
		{"two questions are no faq", "Who went on strike? Therapists.\n\nWhy? Pay.\n\n" +
			"Kaiser said the two sides reached a tentative agreement on some issues.", strike.PhaseStrike},
		// An answer about an earlier strike is history: "Has this
		// happened before? … struck in 2022 before reaching an agreement."
		{"faq with history", "The strike went into its second day.\n\nWho is on strike? Therapists.\n\nWhy are they striking? Pay.\n\n" +
			"Has this happened before? Yes. About 2,000 therapists in the north struck for ten weeks beginning in August 2023 before reaching an agreement.", strike.PhaseStrike},
		// A greeting before the news: the headline's phase is not the last
		// word.
		{"greeting", "Good morning.\n\nThe union and the company reached a tentative agreement this week.", strike.PhaseTentativeAgreement},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: "Strikers wait as the strike heads for a vote", Text: tt.text, Published: pub})
			if got.Phase != tt.want {
				t.Errorf("phase %q (from %q), want %q", got.Phase, got.Evidence["phase"], tt.want)
			}
		})
	}
}

// TestWorkersOfTheEmployerInARoundup checks that a roundup's count of
// another dispute's workers, in a paragraph that names neither the
// employer nor the union, gives way to the count in the employer's
// paragraph.
func TestWorkersOfTheEmployerInARoundup(t *testing.T) {
	x := testExtractor()
	text := "Three disputes to watch.\n\nBoeing. Some 33,000 machinists have been on strike since September.\n\n" +
		"Kaiser Permanente. Nearly 2,400 mental health clinicians walked out on Monday."
	got := x.Extract(&strike.Article{Title: "A fall of long strikes", Text: text, Published: wed})
	if got.Workers != 2400 {
		t.Errorf("workers %d (from %q), want 2400", got.Workers, got.Evidence["workers"])
	}
	// A count in a paragraph of its own, with no other, stays.
	got = x.Extract(&strike.Article{Title: "Therapists strike", Text: "About 2,400 therapists walked out on Monday.\n\nKaiser Permanente said its clinics were open.", Published: wed})
	if got.Workers != 2400 {
		t.Errorf("workers %d, want 2400", got.Workers)
	}
}

// TestUnionOwnPostThanksOthers: a union's own post that thanks other
// unions for their support is about the poster's strike, unless it names
// another as the strikers'.
func TestUnionOwnPostThanksOthers(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "SEIU", "UNAC/UHCP"}})
	text := "Thank you to everyone who stood with us. UNAC/UHCP nurses marched with us at medical centers. " +
		"SEIU-UHW members collected grocery cards for strikers' families."
	got := x.Extract(&strike.Article{Title: "Thank you, allies", Text: text, Source: "National Union of Healthcare Workers", Published: wed})
	if got.Union != "National Union of Healthcare Workers" {
		t.Errorf("own post: union %q (from %q), want the poster's", got.Union, got.Evidence["union"])
	}
	got = x.Extract(&strike.Article{Title: "Nurses strike", Text: "The strike by SEIU-UHW members began Monday.", Source: "National Union of Healthcare Workers", Published: wed})
	if got.Union != "SEIU" {
		t.Errorf("another union named as the strikers': union %q, want SEIU", got.Union)
	}
	// The poster's members joining another union's strike.
	got = x.Extract(&strike.Article{Title: "NUHW members join UNAC/UHCP picket lines", Source: "National Union of Healthcare Workers", Published: wed,
		Text: "Dozens of NUHW members used lunch breaks to join the 31,000 nurses of UNAC/UHCP who are on a five-day strike against Kaiser. Our members are not on strike."})
	if got.Union != "UNAC/UHCP" {
		t.Errorf("own members joining another's strike: union %q (from %q), want UNAC/UHCP", got.Union, got.Evidence["union"])
	}
	// A post whose opening tells another union's members walking out: the
	// strike is theirs, and so is the count; further on, the poster's own
	// members walking out long ago are a memory.
	for _, lead := range []string{
		"This morning some 31,000 UNAC/UHCP nurses and health professionals walked out at Kaiser, and our members will be with them.",
		"This week about 31,000 nurses and health professionals in UNAC/UHCP are on strike at Kaiser. Come to their lines.",
	} {
		got = x.Extract(&strike.Article{Title: "Show up for the nurses this week", Source: "National Union of Healthcare Workers", Published: wed,
			Text: lead + "\n\nOur own clinicians know what it takes: NUHW members walked out for 196 days."})
		if got.Union != "UNAC/UHCP" || got.Workers != 31000 {
			t.Errorf("%q: union %q, workers %d (from %q, %q), want UNAC/UHCP, 31000", lead, got.Union, got.Workers, got.Evidence["union"], got.Evidence["workers"])
		}
	}
	got = x.Extract(&strike.Article{Title: "Six months under our new contract", Source: "National Union of Healthcare Workers", Published: wed,
		Text: "Six months ago we ratified our contract, and caseloads are easing.\n\nLast month 31,000 UNAC/UHCP nurses walked out for five days, and we joined them."})
	if got.Union != "National Union of Healthcare Workers" {
		t.Errorf("another union's strike recalled further on: union %q (from %q), want the poster's", got.Union, got.Evidence["union"])
	}
}

// TestPhaseOfAnotherUnionsStrikeInOwnPost: a union's post on another
// union's strike tells that strike's phase; what its "our" sentences say
// of the poster's own strike, long over, is background.
func TestPhaseOfAnotherUnionsStrikeInOwnPost(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC/UHCP"}})
	got := x.Extract(&strike.Article{Title: "We stand with UNAC/UHCP", Source: "National Union of Healthcare Workers", Published: wed,
		Text: "Our Southern California contract, ratified in May after our 196-day strike, remains in effect. This week about 31,000 nurses represented by UNAC/UHCP are on strike at Kaiser."})
	if got.Union != "UNAC/UHCP" || got.Phase != strike.PhaseStrike {
		t.Errorf("solidarity post: union %q, phase %q (from %q), want UNAC/UHCP on strike", got.Union, got.Phase, got.Evidence["phase"])
	}
	// The poster's own strike: its "our" sentences are the news.
	got = x.Extract(&strike.Article{Title: "Ratified", Source: "National Union of Healthcare Workers", Published: wed,
		Text: "Our contract was ratified today, ending our 196-day strike. UNAC/UHCP nurses marched with us."})
	if got.Phase != strike.PhaseRatified {
		t.Errorf("own post: phase %q (from %q), want ratified", got.Phase, got.Evidence["phase"])
	}
}

// TestUnionOfAnotherUnionsStrikeNamedTwoWays: a union's post on
// another union's strike, whose strikers it names past the lead, in the
// present, or under both its acronym and its spelled-out name, is about
// them, though the poster's members are named as often.
func TestUnionOfAnotherUnionsStrikeNamedTwoWays(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC"}})
	for _, text := range []string{
		"This time last year, we were counting down the days to our own strike. This week, NUHW members have spent their days off on someone else's picket line.\n\n" +
			"The 31,000 nurses and health professionals of UNAC/UHCP are on day three of a five-day strike against Kaiser, and NUHW members have turned out at nearly every site.\n\n" +
			"Contribute to the UNAC/UHCP strike fund.",
		"This morning, 31,000 of our colleagues in UNAC/UHCP — the United Nurses Associations of California/Union of Health Care Professionals — walked off the job at Kaiser.\n\n" +
			"NUHW members are joining them on the line wherever we can. Last year, UNAC/UHCP nurses brought us water during our strike.",
	} {
		got := x.Extract(&strike.Article{Title: "We stand with the nurses", Source: "National Union of Healthcare Workers", Published: wed, Text: text})
		if unionKeyOf(got.Union) != "UNAC/UHCP" || got.Phase != strike.PhaseStrike {
			t.Errorf("%.60q…: union %q (from %q), phase %q, want UNAC/UHCP on strike", text, got.Union, got.Evidence["union"], got.Phase)
		}
	}
}

// TestUnionOfASeparateDispute: a union whose strike is told as "a
// separate dispute" is named for comparison, not as the article's.
func TestUnionOfASeparateDispute(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC/UHCP"}})
	got := x.Extract(&strike.Article{Title: "One year after the walkout", Published: wed,
		Text: "A year ago, NUHW therapists walked out. Last week's strike by UNAC/UHCP nurses and health professionals at Kaiser, a separate dispute, drew on some of the same arguments."})
	if got.Union != "National Union of Healthcare Workers" {
		t.Errorf("union %q (from %q), want the National Union of Healthcare Workers", got.Union, got.Evidence["union"])
	}
}

// TestUnionNotAGovernmentBody: a council or a board read off capitals is
// no union.
func TestUnionNotAGovernmentBody(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers"}})
	got := x.Extract(&strike.Article{Title: "Hunger strike begins", Source: "National Union of Healthcare Workers", Published: wed,
		Text: "Eight of our members began a hunger strike today. Several officials plan to visit, including members of the Pasadena City Council and the Los Angeles County Board of Supervisors."})
	if got.Union != "National Union of Healthcare Workers" {
		t.Errorf("union %q (from %q), want the poster's", got.Union, got.Evidence["union"])
	}
}

// TestUnionNotASupportersGroup: a faith group's name read off the
// capitals ("Interfaith Coalition for Worker Justice") is no union.
func TestUnionNotASupportersGroup(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers"}, Employers: []string{"Kaiser Permanente"}})
	got := x.Extract(&strike.Article{Title: "Faith leaders urge Kaiser to settle", Published: wed,
		Text: "Sixty clergy members released an open letter calling on Kaiser Permanente to settle with its striking mental health clinicians. The letter was organized by the Interfaith Coalition for Worker Justice."})
	if got.Union != "" {
		t.Errorf("union %q (from %q), want none", got.Union, got.Evidence["union"])
	}
}

// TestUnionNameAfterTheEmployer: a known union named after "Kaiser and
// the" is that union, not a name read off the capitals from "Kaiser".
func TestUnionNameAfterTheEmployer(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC/UHCP"}, Employers: []string{"Kaiser Permanente"}})
	got := x.Extract(&strike.Article{Title: "Mediation begins", Published: wed,
		Text: "Two mediators are working with negotiators for Kaiser and the National Union of Healthcare Workers, which represents about 2,400 psychologists, therapists and other clinicians in the region."})
	if got.Union != "National Union of Healthcare Workers" {
		t.Errorf("union %q, want the National Union of Healthcare Workers", got.Union)
	}
}

// TestUnionJointNameAndUmbrella checks that a joint union name speaking
// ("… California/Union of Health Care Professionals says") is the union,
// and that the umbrella its unions belong to ("a walkout by unions in the
// Alliance of Health Care Unions") does not outweigh the union named.
func TestUnionJointNameAndUmbrella(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC", "Alliance of Health Care Unions"}})
	for _, tt := range []struct{ text, want string }{
		{"The United Nurses Associations of California/Union of Health Care Professionals says its members want raises.",
			"United Nurses Associations of California/Union of Health Care Professionals"},
		{"Nurses began a five-day strike this morning, UNAC/UHCP announced. The strike is part of a wider walkout by unions in the Alliance of Health Care Unions.",
			"UNAC/UHCP"},
		{"About 31,000 nurses began a five-day strike. The strikers belong to UNAC/UHCP, the largest union in the Alliance of Health Care Unions.",
			"UNAC/UHCP"},
		{"About 31,000 nurses went on strike Monday. Their union, UNAC/UHCP, says staffing is the issue. Not all unions in the Alliance of Health Care Unions are joining the strike.",
			"UNAC/UHCP"},
		{"About 31,000 nurses ended a five-day strike. Leaders of the United Nurses Associations of California/Union of Health Care Professionals said the walkout had built momentum.",
			"United Nurses Associations of California/Union of Health Care Professionals"},
		{"The vote covers about 3,000 pharmacy workers represented by United Food and Commercial Workers Locals 324 and 770.",
			"United Food and Commercial Workers"},
	} {
		if got := x.Extract(&strike.Article{Title: "Nurses strike", Text: tt.text, Published: wed}); got.Union != tt.want {
			t.Errorf("%q: union %q, want %q", tt.text, got.Union, tt.want)
		}
	}
}

// TestPhaseOfANoticeAndOfBackground checks that a union's notice telling
// its strike's start in the present tense, days ahead, is a threat, not a
// strike; and that a strike dated to an earlier year, told after a lead
// with no phase, is background.
func TestPhaseOfANoticeAndOfBackground(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2024, 10, 11, 1, 10, 0, 0, time.UTC)
	got := x.Extract(&strike.Article{Title: "Notice delivered",
		Text: "Today our team handed management the ten-day notice. Our open-ended strike begins at 7 a.m. on Monday, October 21.", Published: pub})
	if got.Phase != strike.PhaseThreatened {
		t.Errorf("notice: phase %q (from %q), want threatened", got.Phase, got.Evidence["phase"])
	}
	got = x.Extract(&strike.Article{Title: "Ten days to go",
		Text: "Our notice is in. Unless management bargains, our members walk out on Monday, Oct. 21.\n\nWill I get paid? Not by Kaiser.\n\nCan I be fired? No. Striking is protected activity.\n\nWhat do I bring? Water.", Published: pub})
	if got.Phase != strike.PhaseThreatened {
		t.Errorf("steward's notice: phase %q (from %q), want threatened", got.Phase, got.Evidence["phase"])
	}
	// A wire notice: the notice's day is Friday, publication's; the
	// strike's day is later.
	got = x.Extract(&strike.Article{Title: "Kaiser clinicians set Oct. 21 strike",
		Text: "The union for about 2,400 Kaiser mental health workers gave a 10-day strike notice Friday, saying its members will walk off the job Oct. 21 and stay out until they have a contract.", Published: pub.Add(18 * time.Hour)})
	if got.Phase != strike.PhaseThreatened {
		t.Errorf("wire notice: phase %q (from %q), want threatened", got.Phase, got.Evidence["phase"])
	}
	// Six months on, an end told with its month is old news: ended,
	// whatever the contract's sentences say.
	got = x.Extract(&strike.Article{Title: "Six months after the strike, are waits shorter?",
		Text: "When 2,400 Kaiser clinicians ended their 196-day strike in May, both sides said the contract would be measured by waits.\n\nWhat is known: the contract, ratified May 8, gives each clinician more protected time.", Published: time.Date(2025, 11, 12, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseEnded {
		t.Errorf("six months on: phase %q (from %q), want ended", got.Phase, got.Evidence["phase"])
	}
	// An advisory the day before: the headline's "begin … strike
	// Tuesday" is tomorrow's.
	mon := time.Date(2025, 10, 13, 19, 0, 0, 0, time.UTC)
	got = x.Extract(&strike.Article{Title: "MEDIA ADVISORY: Kaiser nurses begin five-day strike Tuesday",
		Text: "WHAT: Nurses represented by the union will begin a five-day strike at Kaiser facilities.\n\nWHEN: The strike begins Tuesday morning, Oct. 14.", Published: mon})
	if got.Phase != strike.PhaseThreatened {
		t.Errorf("advisory: phase %q (from %q), want threatened", got.Phase, got.Evidence["phase"])
	}
	got = x.Extract(&strike.Article{Title: "MEDIA ADVISORY: KAISER NURSES BEGIN FIVE-DAY STRIKE TUESDAY",
		Text: "Nurses represented by the union will begin a five-day strike at Kaiser facilities.", Published: mon})
	if got.Phase != strike.PhaseThreatened || got.Started != "2025-10-14" {
		t.Errorf("advisory in capitals: phase %q (from %q), started %q, want threatened from 2025-10-14", got.Phase, got.Evidence["phase"], got.Started)
	}
	got = x.Extract(&strike.Article{Title: "Kaiser nurses begin five-day strike today, with pickets through Friday",
		Text: "Nurses begin a five-day strike at Kaiser facilities today, with pickets planned through Friday.", Published: mon})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("today, through Friday: phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
	got = x.Extract(&strike.Article{Title: "Kaiser nurses begin five-day strike",
		Text: "Nurses began a five-day strike at Kaiser facilities on Tuesday.", Published: mon.AddDate(0, 0, 1)})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("the day itself: phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
	// "Walking out on Monday", written the Thursday before: to come; on
	// the Monday itself: the strike.
	thu := time.Date(2024, 10, 17, 16, 0, 0, 0, time.UTC)
	got = x.Extract(&strike.Article{Title: "Member voices: Why I'm walking out on Monday",
		Text: "I have been a therapist for eleven years.", Published: thu})
	if got.Phase != strike.PhaseThreatened {
		t.Errorf("walking out on Monday, written Thursday: phase %q (from %q), want threatened", got.Phase, got.Evidence["phase"])
	}
	got = x.Extract(&strike.Article{Title: "Why we are walking out today",
		Text: "I have been a therapist for eleven years.", Published: thu.AddDate(0, 0, 4)})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("walking out today: phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
	// An update appended below the story is its newest news; a
	// paragraph that only opens on the word is not one.
	sun := time.Date(2025, 5, 4, 22, 10, 0, 0, time.UTC)
	for _, tt := range []struct{ last, want string }{
		{"UPDATE, 11:55 p.m.: The union and Kaiser said late Sunday that they had reached a tentative agreement to end the strike.", strike.PhaseTentativeAgreement},
		{"UPDATED 11 p.m. Sunday: The union and Kaiser reached a tentative agreement.", strike.PhaseTentativeAgreement},
		{"Updated guidance from Kaiser: patients whose visits were canceled can call the appointment line; a tentative agreement would restore them.", strike.PhaseStrike},
	} {
		got = x.Extract(&strike.Article{Title: "Striking Kaiser therapists rally in Long Beach as talks continue",
			Text: "Hundreds of striking therapists marched in Long Beach on Sunday.\n\nThe strike, which began in October, is in its 28th week.\n\n" + tt.last, Published: sun})
		if got.Phase != tt.want {
			t.Errorf("%q: phase %q (from %q), want %s", tt.last, got.Phase, got.Evidence["phase"], tt.want)
		}
	}
	// A feature's quote of striking, before the paragraph that tells the
	// strike ended, is a memory, not the news.
	got = x.Extract(&strike.Article{Title: "After 196 days on the line, a therapist relearns her calendar",
		Text: "On a Tuesday in June, she opened her calendar and found a blank block.\n\n\"Then I remembered we went on strike for that block.\"\n\n" +
			"The block is one of the gains in the contract that ended the 196-day strike by the clinicians.", Published: time.Date(2025, 6, 22, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseEnded {
		t.Errorf("feature: phase %q (from %q), want ended", got.Phase, got.Evidence["phase"])
	}
	// A roundup whose lead tells no phase: the item that names the
	// employer tells the phase, not the first item.
	roundup := NewExtractor(FactsOptions{Employers: []string{"Kaiser Permanente"}, Unions: []string{"UNAC/UHCP"}})
	got = roundup.Extract(&strike.Article{Title: "Today in labor: Monday, Oct. 20",
		Text: "Five things from the world of work to start your week.\n\n" +
			"Banquet servers at a convention hotel say they will vote this week on whether to authorize a strike.\n\n" +
			"About 31,000 Kaiser Permanente nurses returned to work Sunday morning after a five-day strike, their union, UNAC/UHCP, said.\n\n" +
			"Stagehands at a theater ratified a three-year contract.", Published: time.Date(2025, 10, 20, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseEnded {
		t.Errorf("roundup: phase %q (from %q), want ended", got.Phase, got.Evidence["phase"])
	}
	// A union's own dispatch is about its strike in every item, whether
	// or not the item names the employer.
	got = roundup.Extract(&strike.Article{Title: "Picket dispatch, week four", Source: "UNAC/UHCP",
		Text: "Four weeks on the line.\n\nOn the line: Our members picketed at every medical center.\n\n" +
			"Strike pay: If you picketed and did not get paid, call your captain, not Kaiser Permanente.", Published: time.Date(2024, 11, 12, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("dispatch: phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
	got = x.Extract(&strike.Article{Title: "Talks open",
		Text: "Kaiser and the union opened contract talks this week.\n\nThe northern unit won similar protections after a ten-week strike in 2022.", Published: pub})
	if got.Phase != "" {
		t.Errorf("background: phase %q (from %q), want none", got.Phase, got.Evidence["phase"])
	}
}

// TestExtractWireDateline: a wire copy's dateline before the lead ("LOS
// ANGELES (AP) — ", "LOS ANGELES, Oct. 14 (Reuters) - ", a release's
// "/PRNewswire/ --"), or a byline or time stamp a page puts first, leaves
// the facts as they are without it. The lead's "A week from today" lost
// its start date, a reaction piece's quoted "TENTATIVE AGREEMENT." read as
// the strike, and a byline hid the lead's "on Monday" from a headline's
// "as strike begins".
func TestExtractWireDateline(t *testing.T) {
	x := testExtractor()
	cases := []struct {
		name, title, text string
		published         time.Time
	}{
		{"notice", "NUHW clinicians ready an open-ended walkout at Kaiser",
			"A week from today, some 2,400 members of the National Union of Healthcare Workers are scheduled to put down their caseloads and pick up picket signs at Kaiser Permanente clinics across Southern California. This strike has no end date.\n\nKaiser has offered an 18% raise over four years.",
			time.Date(2024, 10, 14, 12, 0, 0, 0, time.UTC)},
		{"reactions", "'WE WON': How strikers and patients reacted online to the Kaiser deal",
			"The news broke overnight, and by Monday morning the posts were everywhere.\n\n\"TENTATIVE AGREEMENT. After 196 days on the line, we have a deal that protects our patients. Vote details coming to members today.\" — @NUHWunion\n\nThe National Union of Healthcare Workers says members will vote this week.",
			time.Date(2025, 5, 5, 21, 0, 0, 0, time.UTC)},
		{"this morning", "Kaiser Nurses and Health Professionals Launch Five-Day Strike",
			"Registered nurses and other health care professionals at Kaiser Permanente facilities throughout Southern California began a five-day strike this morning, UNAC/UHCP announced.",
			time.Date(2025, 10, 14, 12, 30, 0, 0, time.UTC)},
		{"begins", "San Diego Kaiser therapists join picket lines as strike begins",
			"Dozens of Kaiser Permanente therapists marched outside the Zion medical center in San Diego on Monday morning, part of a strike by mental health workers across Southern California.\n\nMany carried signs about caseloads.",
			time.Date(2024, 10, 21, 20, 0, 0, 0, time.UTC)},
	}
	datelines := []string{"By Maria Lopez | Associated Press\n\n", "By Maria Lopez\n\n", "Updated 4:15 PM PT, October 21, 2024\n\n", "LOS ANGELES (AP) — ", "LOS ANGELES (Western Newswire) - ", "LOS ANGELES — ", "LOS ANGELES, Oct. 14 (Reuters) - ",
		"PASADENA, Calif. – ", "LOS ANGELES, Oct. 14, 2024 /PRNewswire/ -- ", "SAN DIEGO (KPBS) -- "}
	for _, c := range cases {
		want := x.Extract(&strike.Article{Title: c.title, Text: c.text, Published: c.published})
		if want.Phase == "" || c.name != "reactions" && want.Started == "" {
			t.Fatalf("%s: phase %q, started %q without a dateline", c.name, want.Phase, want.Started)
		}
		for _, d := range datelines {
			got := x.Extract(&strike.Article{Title: c.title, Text: d + c.text, Published: c.published})
			if got.Phase != want.Phase || got.Started != want.Started || got.Workers != want.Workers || got.Union != want.Union {
				t.Errorf("%s after %q: phase %q, started %q, workers %d, union %q; without it %q, %q, %d, %q", c.name, d,
					got.Phase, got.Started, got.Workers, got.Union, want.Phase, want.Started, want.Workers, want.Union)
			}
		}
	}
}

// TestExtractTruncatedUnion: a snippet cut inside the union's name ("…
// by the National Union of Healthcare…") names the union its first words
// begin, when one known union's do; a cut name that begins none is no
// union at all.
func TestExtractTruncatedUnion(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2024, 10, 21, 20, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, want string }{
		{"About 2,400 Kaiser Permanente therapists walked off the job Monday in a strike called by the National Union of Healthcare\u2026", "National Union of Healthcare Workers"},
		{"About 2,400 Kaiser Permanente therapists walked off the job Monday in a strike called by the National Union\u2026", "National Union of Healthcare Workers"},
		{"About 2,400 Kaiser Permanente therapists walked off the job Monday in a strike called by the National Union of Healthcare...", "National Union of Healthcare Workers"},
		{"The clinicians, members of the National Union of\u2026", "National Union of Healthcare Workers"},
		{"The clinicians, members of the National Union of the\u2026", "National Union of Healthcare Workers"},
		{"Hotel cooks walked off the job Monday in a strike called by the Culinary Workers Union Local\u2026", ""},
	} {
		got := x.Extract(&strike.Article{Title: "Workers walk out", Text: c.text, Published: pub})
		if got.Union != c.want {
			t.Errorf("%q: union %q, want %q", c.text, got.Union, c.want)
		}
	}
}

// TestPhaseOfAStatementsQuotes: a release that quotes a statement whole
// says what the statement says; a quote alone elsewhere is a memory.
func TestPhaseOfAStatementsQuotes(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2025, 2, 12, 18, 0, 0, 0, time.UTC)
	got := x.Extract(&strike.Article{Title: "Kaiser Permanente statement: our offer remains on the table",
		Text:      "PASADENA, Calif., Feb. 12, 2025 /CareNewswire/ -- The following statement is attributed to Kaiser Permanente:\n\n\"We have continued to care for our members.\"\n\n\"Nearly four months ago, the union's leadership chose to strike.\"",
		Published: pub})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("statement: phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
}

// TestExtractOtherUnionsStrikers: in a piece on the campaign's union's
// strike, a count and a length told of another union's strikers are
// theirs; in a piece on that other union's strike, they are the
// article's.
func TestExtractOtherUnionsStrikers(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2026, 10, 21, 15, 0, 0, 0, time.UTC)
	ours := &strike.Article{Title: "Two years on: the Kaiser strike's numbers", Published: pub,
		Text: "Two years ago today, Kaiser mental health clinicians represented by the National Union of Healthcare Workers began the strike that would last 196 days.\n\nSince then, about 31,000 nurses and professionals with UNAC/UHCP struck Kaiser for five days in October 2025."}
	f := x.Extract(ours)
	if f.Union != "National Union of Healthcare Workers" || f.Workers == 31000 || f.DurationDays == 5 {
		t.Errorf("the campaign's union's strike: union %q, workers %d, days %d; want the union, not the other union's 31,000 or five days", f.Union, f.Workers, f.DurationDays)
	}
	theirs := &strike.Article{Title: "Kaiser nurses end five-day strike", Published: pub,
		Text: "About 31,000 nurses and professionals with UNAC/UHCP went back to work Sunday after striking Kaiser for five days."}
	if f := x.Extract(theirs); f.Workers != 31000 {
		t.Errorf("the other union's strike: workers %d, want 31000", f.Workers)
	}
}

// TestWorkersOfALookBack: a look back at a strike that is over tells its
// count in the past; with no count of the present, that one is the
// strike's. A strike still on keeps the past count for history.
func TestWorkersOfALookBack(t *testing.T) {
	x := testExtractor()
	got := x.Extract(&strike.Article{Title: "Two years after the walkout",
		Text:      "Two years ago today, on Oct. 21, 2024, some 2,400 Kaiser mental health clinicians in Southern California went on strike. The end of the strike came 196 days later, with a tentative agreement on May 4, 2025, ratification on May 8 and a return to work on May 12.",
		Published: time.Date(2026, 10, 21, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseEnded || got.Workers != 2400 {
		t.Errorf("look back: phase %q, workers %d (from %q), want ended, 2400", got.Phase, got.Workers, got.Evidence["workers"])
	}
	// The day of the deal, the count told with the strike's start a
	// year before.
	got = x.Extract(&strike.Article{Title: "Termina la huelga de terapeutas de Kaiser tras 196 días",
		Text:      "La huelga terminó la noche del domingo 4 de mayo, cuando el sindicato y la empresa alcanzaron un acuerdo tentativo después de 196 días.\n\nLos 2.400 psicólogos, terapeutas y trabajadores sociales salieron en huelga el 21 de octubre de 2024.",
		Published: time.Date(2025, 5, 5, 15, 0, 0, 0, time.UTC)})
	if got.Phase != strike.PhaseTentativeAgreement || got.Workers != 2400 {
		t.Errorf("the deal: phase %q, workers %d (from %q), want tentative_agreement, 2400", got.Phase, got.Workers, got.Evidence["workers"])
	}
}

// TestExtractCampaign: an article about the campaign whose first item is
// another union's strike takes its facts from the paragraphs about the
// campaign's; one that names only the campaign's union is as Extract reads
// it.
func TestExtractCampaign(t *testing.T) {
	x := NewExtractor(FactsOptions{Unions: []string{"National Union of Healthcare Workers", "UNAC/UHCP"}})
	a := &strike.Article{Title: "The Monday rundown", Published: wed,
		Text: "Nurses. About 31,000 nurses represented by UNAC/UHCP voted to authorize a strike.\n\n" +
			"Therapists. Legislators urged Kaiser to settle with the 2,400 mental health clinicians of the National Union of Healthcare Workers who have been on strike since Oct. 21."}
	if got := x.Extract(a); got.Union != "UNAC/UHCP" {
		t.Fatalf("Extract: union %q, want the first item's (the case this test is about)", got.Union)
	}
	got := x.ExtractCampaign(a)
	if got.Union != "National Union of Healthcare Workers" || got.Workers != 2400 || got.Phase != strike.PhaseStrike {
		t.Errorf("ExtractCampaign: union %q, workers %d, phase %q, want the campaign's: NUHW, 2400, strike", got.Union, got.Workers, got.Phase)
	}
	b := &strike.Article{Title: "Therapists strike", Published: wed, Text: "About 2,400 NUHW clinicians walked out on Monday."}
	if got, want := x.ExtractCampaign(b), x.Extract(b); got.Union != want.Union || got.Workers != want.Workers || got.Phase != want.Phase {
		t.Errorf("ExtractCampaign = %+v, want Extract's %+v", got, want)
	}
}

// TestReleaseBoilerplateIsNoNews: a release's "About" block tells the
// union's whole membership, not the strikers.
func TestReleaseBoilerplateIsNoNews(t *testing.T) {
	x := testExtractor()
	text := "The National Union of Healthcare Workers reached a tentative agreement with Kaiser Permanente late Sunday.\n\n" +
		"Members will vote on the agreement this week.\n\n" +
		"About NUHW\nThe National Union of Healthcare Workers is a member-led union. It represents about 18,000 healthcare workers in California and Hawaii.\n\n" +
		"Media Contact:\nJane Roe, (510) 555-0100\n\n###"
	got := x.Extract(&strike.Article{Title: "NUHW reaches tentative agreement with Kaiser", Text: text, Published: wed})
	if got.Workers != 0 || got.Phase != strike.PhaseTentativeAgreement {
		t.Errorf("workers %d (from %q), phase %q, want none and tentative_agreement", got.Workers, got.Evidence["workers"], got.Phase)
	}
	got = x.Extract(&strike.Article{Title: "Strike", Text: "Workers walked out.\n\nAbout 2,400 clinicians are on strike.", Published: wed})
	if got.Workers != 2400 {
		t.Errorf("a paragraph opening on a count: workers %d, want 2400", got.Workers)
	}
}

// TestPhaseOfAHungerStrike: a hunger strike reported with no phase of its
// own tells the strike going on.
func TestPhaseOfAHungerStrike(t *testing.T) {
	x := testExtractor()
	got := x.Extract(&strike.Article{Title: "Psychiatric nurses urge Kaiser to meet hunger strikers", Published: wed,
		Text: "The council today urged Kaiser Permanente leaders to meet with the eight mental health clinicians who are on the second day of a hunger strike in Pasadena."})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("phase %q (from %q), want strike", got.Phase, got.Evidence["phase"])
	}
}

// TestPhaseOfARetrospective: a look back, published long after the
// strike, reports it over however it opens: a length told whole in the
// simple past, a pronoun that stands for the strike, a return to the
// office a year old, a headline digest whose entries name their sources,
// and an opening scene dated with its year followed by the end.
func TestPhaseOfARetrospective(t *testing.T) {
	x := testExtractor()
	anniversary := time.Date(2025, 10, 21, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, title, text string
		pub               time.Time
		undated           bool
		want              string
	}{
		{"a length in the simple past", "A year on, therapists look back",
			"The strike by about 2,400 counselors in Southern California lasted 196 days and ended in May with a new contract.\n\nMany say caseloads are lighter now.",
			anniversary, false, strike.PhaseEnded},
		{"an it that is the strike", "The strike in figures",
			"Numbers tell part of it.\n\nA year ago Kaiser's counselors began the longest strike of their working lives. It ended in May.\n\n2,400: counselors who walked out on Oct. 21, 2024.",
			anniversary, false, strike.PhaseEnded},
		{"back in the office a year", "What a picket line taught me",
			"It has been nearly a year since I walked back into my Kaiser office, and I still look for the picket tent. We went on strike in October 2024.",
			time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), true, strike.PhaseEnded},
		{"a digest with its sources", "One year since the strike began: the headlines",
			"A year ago today Kaiser's counselors walked off the job. The headlines since:\n\nOct. 21, 2024 (Coast Wire): \"Counselors walk out at Kaiser.\"\n\nMay 4, 2025 (Coast Wire): \"Deal ends strike.\"\n\nMay 8, 2025 (Valley Record): \"Members ratify.\"\n\nMay 12, 2025 (Channel 9): \"Counselors back at work.\"",
			anniversary, false, strike.PhaseEnded},
		{"an opening scene, then the end", "How a strike changed the talk about therapy",
			"The first morning, Oct. 21, 2024, nobody on the picket line expected to be there at Christmas.\n\nThe strike outlasted a governor's letter. It ended with a tentative agreement on May 4, 2025, and a return to work on May 12.",
			time.Date(2026, 10, 19, 8, 0, 0, 0, time.UTC), true, strike.PhaseEnded},
		{"a ratification told a month and more later", "Five lessons from the 196-day strike",
			"The strike by about 2,400 clinicians began on 21 October 2024. Members ratified the contract in voting that ended on 8 May 2025.\n\nWhat follows is our reading of it.",
			time.Date(2025, 6, 18, 9, 0, 0, 0, time.UTC), false, strike.PhaseEnded},
		{"a ratification of the day", "The therapists' vote",
			"Members ratified the contract Thursday, ending the strike that began Oct. 21.",
			time.Date(2025, 5, 9, 9, 0, 0, 0, time.UTC), false, strike.PhaseRatified},
		{"an end at hand, the deal in the body", "Ask the doctor: The Kaiser strike is ending. Do I go back to my old therapist?",
			"Dear doctor: My Kaiser therapist went on strike in October. Do I have to go back?\n\nDear reader: The deal announced Monday between Kaiser and the National Union of Healthcare Workers still has to be approved by the clinicians.",
			time.Date(2025, 5, 6, 9, 0, 0, 0, time.UTC), false, strike.PhaseTentativeAgreement},
		{"back behind their doors, the contract approved before", "Hugs and balloons at the clinics",
			"The clinicians were back behind their office doors Monday.\n\nMembers approved the new contract last week.",
			time.Date(2025, 5, 12, 18, 0, 0, 0, time.UTC), false, strike.PhaseEnded},
		{"an end asked about, the deal in the body", "Strike over? Valley therapists say the deal is \"what we stayed out for\"",
			"A social worker who has captained the picket line since October heard about the deal from a group text late Sunday.\n\n\"I've got people I haven't seen in months,\" he said.\n\nKaiser and the union announced Monday that they had reached a tentative agreement over the weekend.",
			time.Date(2025, 5, 5, 18, 0, 0, 0, time.UTC), false, strike.PhaseTentativeAgreement},
		// Not a look back: the length is going on; the "it" is a meeting;
		// the strike that lasted is in a time phrase of another's notice;
		// the opening's day has no year and is to come.
		{"a length going on", "Day 100",
			"The strike by NUHW counselors has lasted 100 days.",
			time.Date(2025, 1, 28, 9, 0, 0, 0, time.UTC), false, strike.PhaseStrike},
		{"an it that is a meeting", "Holiday session ends without deal",
			"Negotiators met Monday for the first sit-down in weeks in the strike by the counselors. It ended without an agreement.",
			time.Date(2025, 2, 18, 9, 0, 0, 0, time.UTC), false, strike.PhaseStrike},
		{"another strike's length in a time phrase", "Nurses set five-day strike",
			"About 31,000 nurses will strike for five days starting Oct. 14, a year after Kaiser's counselors began a walkout that lasted 196 days.",
			time.Date(2025, 10, 4, 9, 0, 0, 0, time.UTC), false, strike.PhaseThreatened},
		{"an opening's day without its year", "Where things stand",
			"Counselors who walked out on Oct. 21 are still on strike.\n\nThat strike ended in 10 weeks, they recall.",
			time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC), false, strike.PhaseStrike},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tc.title, Text: tc.text, Published: tc.pub, PublishedEstimated: tc.undated})
			if got.Phase != tc.want {
				t.Errorf("phase = %q, want %q (evidence %q)", got.Phase, tc.want, got.Evidence["phase"])
			}
		})
	}
}

// TestPhaseOfAStrikeInTheBackground: a strike in an "as" clause of
// background does not outrank the phase of the main clause.
func TestPhaseOfAStrikeInTheBackground(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2024, 10, 16, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, title, text string
		want              string
	}{
		{"a vote beside a strike in the background", "Pharmacists authorize a strike as counselors' walkout continues",
			"Pharmacists at Kaiser voted this week to authorize a strike.", strike.PhaseThreatened},
		{"an as clause with no main phase", "Counselors rally as strike continues",
			"Counselors rallied downtown.", strike.PhaseStrike},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(&strike.Article{Title: tc.title, Text: tc.text, Published: pub})
			if got.Phase != tc.want {
				t.Errorf("phase = %q, want %q (evidence %q)", got.Phase, tc.want, got.Evidence["phase"])
			}
		})
	}
}

// TestPhaseInOtherPressStyles: the British and Irish press's
// "walk-out", a strike that "reached 100 days" past an aside, and a
// strike "of" its strikers "now in its fifth month" are strikes going on.
func TestPhaseInOtherPressStyles(t *testing.T) {
	x := testExtractor()
	pub := time.Date(2025, 1, 29, 9, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Some 2,400 counsellors at Kaiser began an indefinite walk-out.",
		"Her strike, by about 2,400 counsellors in Southern California, reached 100 days this week.",
		"The strike of about 2,400 counsellors, many of them psychologists, is now in its fifth month.",
	} {
		got := x.Extract(&strike.Article{Title: "From California", Text: text, Published: pub})
		if got.Phase != strike.PhaseStrike {
			t.Errorf("%q: phase %q, want strike", text, got.Phase)
		}
	}
}

// TestPhaseOfAQuotedKicker: a day in a headline's quoted kicker ("We'll be
// here tomorrow": …) is not the day a strike told in the present begins.
func TestPhaseOfAQuotedKicker(t *testing.T) {
	x := testExtractor()
	monday := time.Date(2024, 10, 21, 20, 0, 0, 0, time.UTC)
	got := x.Extract(&strike.Article{Title: "\"We'll be here tomorrow\": Kaiser mental health clinicians walk out across Southern California",
		Text: "\"We'll be here tomorrow,\" a therapist shouted into a megaphone at 7 a.m. Monday.\n\nAbout 2,400 Kaiser mental health clinicians went on strike Monday, the National Union of Healthcare Workers said.", Published: monday})
	if got.Phase != strike.PhaseStrike {
		t.Errorf("phase = %q (evidence %q), want strike", got.Phase, got.Evidence["phase"])
	}
}

// TestExtractBeforeTheCampaign: a date a year or more before publication
// and before the campaign's period began tells an earlier strike, even
// written as a date ("In October 2023"); one inside the period, however
// far back, is the campaign's own ("In October 2024", told in 2026).
func TestExtractBeforeTheCampaign(t *testing.T) {
	opts := FactsOptions{
		Unions:    []string{"National Union of Healthcare Workers", "Coalition of Kaiser Permanente Unions"},
		Employers: []string{"Kaiser Permanente"},
		Since:     time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC),
	}
	ta := time.Date(2025, 5, 5, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		opts    FactsOptions
		pub     time.Time
		text    string
		workers int
		phase   string
	}{
		{"an earlier strike's month and year", opts, ta,
			"Kaiser mental health clinicians reached a tentative agreement late Sunday with Kaiser Permanente. NUHW said members would vote this week.\n\nIn October 2023, about 75,000 Kaiser workers in the Coalition of Kaiser Permanente Unions walked out for three days.",
			0, strike.PhaseTentativeAgreement},
		{"an earlier strike's full date", opts, ta,
			"Kaiser mental health clinicians reached a tentative agreement late Sunday with Kaiser Permanente.\n\nOn Oct. 4, 2023, some 75,000 Kaiser workers began a three-day strike.",
			0, strike.PhaseTentativeAgreement},
		{"a look-back inside the period", opts, time.Date(2026, 10, 21, 15, 0, 0, 0, time.UTC),
			"One year on: the Kaiser strike remembered.\n\nIn October 2024, some 2,400 Kaiser mental health clinicians represented by NUHW walked out. The strike ended in May 2025.",
			2400, strike.PhaseEnded},
		{"since an earlier date is up to now", opts, time.Date(2025, 2, 3, 15, 0, 0, 0, time.UTC),
			"About 2,400 Kaiser mental health workers represented by NUHW, bargaining since April 2023, are on strike.",
			2400, strike.PhaseStrike},
		{"a date in the period beside it", opts, time.Date(2025, 2, 3, 15, 0, 0, 0, time.UTC),
			"About 2,400 Kaiser mental health workers represented by NUHW have been on strike since October, after bargaining that began in April 2023.",
			2400, strike.PhaseStrike},
		{"the lead's own news, however old", opts, time.Date(2025, 1, 21, 16, 0, 0, 0, time.UTC),
			"When about 2,000 Kaiser Permanente mental health clinicians in Northern California ended their 10-week strike in October 2022, they went back to work under a new contract.\n\nThe same union's clinicians in the south have been on strike since October.",
			2000, strike.PhaseEnded},
		{"without a period, a date is no history", FactsOptions{
			Unions: opts.Unions, Employers: opts.Employers}, ta,
			"Kaiser mental health clinicians reached a tentative agreement late Sunday with Kaiser Permanente.\n\nIn October 2023, about 75,000 Kaiser workers walked out for three days.",
			75000, strike.PhaseTentativeAgreement},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewExtractor(tt.opts).Extract(&strike.Article{Title: "Kaiser news", Text: tt.text, Published: tt.pub})
			if got.Workers != tt.workers || got.Phase != tt.phase {
				t.Errorf("workers %d, phase %q; want %d, %q", got.Workers, got.Phase, tt.workers, tt.phase)
			}
		})
	}
}

// TestExtractOldDealThenReturn: a deal the lead tells as a month old is
// not the news when the body tells the return after it.
func TestExtractOldDealThenReturn(t *testing.T) {
	text := "It was 196: the number of days about 2,400 clinicians stayed out before a deal was reached in early May.\n\nThe clinicians, members of the National Union of Healthcare Workers, returned to work May 12 under a contract whose terms are only partly public."
	for _, tt := range []struct {
		pub  time.Time
		want string
	}{
		{time.Date(2025, 6, 17, 16, 0, 0, 0, time.UTC), strike.PhaseEnded},
		{time.Date(2025, 5, 6, 16, 0, 0, 0, time.UTC), strike.PhaseTentativeAgreement},
	} {
		got := testExtractor().Extract(&strike.Article{Title: "What the therapist strike taught health systems", Text: text, Published: tt.pub})
		if got.Phase != tt.want {
			t.Errorf("published %s: phase %q (from %q), want %q", tt.pub.Format(time.DateOnly), got.Phase, got.Evidence["phase"], tt.want)
		}
	}
}

// TestExtractOldDealIsTheEnd: a deal told months later, with no return
// told beside it, ended the strike long since; the date of something else
// in the sentence is not the deal's.
func TestExtractOldDealIsTheEnd(t *testing.T) {
	yearEnd := "The strike by about 2,400 Kaiser Permanente mental health workers, which began the previous October, stretched through a five-day hunger strike before ending with a tentative deal in early May."
	other := "Nine strikers who have kept a picket line outside the Palm Desert offices since October gathered, two days after their union reached a tentative agreement with Kaiser."
	for _, tt := range []struct {
		text string
		pub  time.Time
		want string
	}{
		{yearEnd, time.Date(2025, 12, 29, 16, 0, 0, 0, time.UTC), strike.PhaseEnded},
		{yearEnd, time.Date(2025, 5, 20, 16, 0, 0, 0, time.UTC), strike.PhaseTentativeAgreement},
		{other, time.Date(2025, 12, 29, 16, 0, 0, 0, time.UTC), strike.PhaseTentativeAgreement},
	} {
		got := testExtractor().Extract(&strike.Article{Title: "Kaiser strike", Text: tt.text, Published: tt.pub})
		if got.Phase != tt.want {
			t.Errorf("%q published %s: phase %q (from %q), want %q", tt.text, tt.pub.Format(time.DateOnly), got.Phase, got.Evidence["phase"], tt.want)
		}
	}
}

// TestUnionTheNewsLeavesOut: a union named as one the news does not
// affect is not the article's.
func TestUnionTheNewsLeavesOut(t *testing.T) {
	got := testExtractor().Extract(&strike.Article{
		Title: "Kaiser, coalition unions reach tentative deal with 21% raises over four years",
		Text: "Kaiser Permanente and the Coalition of Kaiser Permanente Unions reached a tentative four-year agreement early Friday, a week after coalition members staged a three-day strike.\n\n" +
			"It does not affect Kaiser's mental health clinicians represented by the National Union of Healthcare Workers, whose Northern California contract was settled after a 10-week strike last year.",
		Published: time.Date(2023, 10, 13, 16, 0, 0, 0, time.UTC),
	})
	if want := "Coalition of Kaiser Permanente Unions"; got.Union != want {
		t.Errorf("union %q (from %q), want %q", got.Union, got.Evidence["union"], want)
	}
	got = testExtractor().Extract(&strike.Article{
		Title:     "Kaiser posts third-quarter gain",
		Text:      "The results do not cover October, when about 2,400 mental health workers represented by the National Union of Healthcare Workers began a strike in Southern California that is still under way.",
		Published: time.Date(2024, 11, 8, 16, 0, 0, 0, time.UTC),
	})
	if want := "National Union of Healthcare Workers"; got.Union != want {
		t.Errorf("union %q (from %q), want %q", got.Union, got.Evidence["union"], want)
	}
}
