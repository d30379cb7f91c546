package coverage

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/strikebot/strikebot/strike"
)

// EventClass is the kind of real-world event an article reports: what
// tells two outlets' reports of one event apart from reports of the next
// event of the same strike, which share as many words.
type EventClass uint8

// The event classes. The strong ones (Notice to Ends) name a discrete
// event; the weak ones (Milestone, Ongoing) describe a strike under way.
const (
	ClassUnknown EventClass = iota
	// ClassNotice: a strike is threatened (a notice, an authorization vote,
	// a date set).
	ClassNotice
	// ClassBegins: a strike begins.
	ClassBegins
	// ClassRally: a rally, march, protest, die-in or arrests at one.
	ClassRally
	// ClassHunger: a hunger strike.
	ClassHunger
	// ClassLetter: officials (legislators, a governor) write or call on
	// the parties.
	ClassLetter
	// ClassTalks: a bargaining session; talks resume, stall or break off.
	ClassTalks
	// ClassMediation: mediation begins or a mediator joins.
	ClassMediation
	// ClassAgreement: a tentative agreement is reached.
	ClassAgreement
	// ClassRatified: members ratify (or vote on) a contract.
	ClassRatified
	// ClassEnds: the strike ends; workers go back.
	ClassEnds
	// ClassMilestone: a strike reaches a day, week or month count.
	ClassMilestone
	// ClassOngoing: a strike under way, with no event of its own.
	ClassOngoing
	numClasses
)

var classNames = [numClasses]string{"", "notice", "begins", "rally", "hunger strike", "letter", "talks",
	"mediation", "agreement", "ratification", "ends", "milestone", "ongoing"}

// String returns the class's name as reasons show it ("agreement").
func (c EventClass) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return "unknown"
}

// strong reports whether c names a discrete event.
func (c EventClass) strong() bool { return c >= ClassNotice && c <= ClassEnds }

// Class groups: two articles whose strong classes share no group report
// different events. Talks and mediation are one group (a mediated session
// is a session); the end of a strike belongs with the agreement or the
// ratification that ended it.
const (
	groupNotice uint16 = 1 << iota
	groupBegins
	groupRally
	groupHunger
	groupLetter
	groupTalks
	groupDeal
	groupRatify
)

func (c EventClass) groups() uint16 {
	switch c {
	case ClassNotice:
		return groupNotice
	case ClassBegins:
		return groupBegins
	case ClassRally:
		return groupRally
	case ClassHunger:
		return groupHunger
	case ClassLetter:
		return groupLetter
	case ClassTalks, ClassMediation:
		return groupTalks
	case ClassAgreement:
		return groupDeal
	case ClassRatified:
		return groupRatify
	case ClassEnds:
		return groupDeal | groupRatify
	}
	return 0
}

// lifetime is how far apart in publication two reports of one event of
// class c may be: most events are covered within a few days, a hunger
// strike for as long as it lasts.
func (c EventClass) lifetime() time.Duration {
	const day = 24 * time.Hour
	switch c {
	case ClassHunger:
		return 14 * day
	case ClassNotice, ClassLetter:
		return 5 * day
	case ClassAgreement, ClassRatified, ClassEnds:
		return 4 * day
	case ClassBegins, ClassTalks, ClassMediation, ClassMilestone:
		return 3 * day
	case ClassRally:
		return 2 * day
	}
	return 0
}

// Workforce and region values of EventFeatures. Zero is unknown.
const (
	workforceMentalHealth uint8 = iota + 1
	workforceNurses
	workforcePharmacists
	workforceDoctors
	workforceSteel
	workforceTeachers
	workforceHotel
	workforcePorts
	workforceMixed // several trades named together: a coalition's strike
)

// EventFeatures are what marks the event an article reports: its class
// (from the headline, else the lead sentence), the other strong classes
// the headline and lead name, and the union, workforce and region they
// are about. Two articles whose features disagree (different unions,
// workforces, regions, or kinds of event) report different events however
// many words they share. The zero value knows nothing and disagrees with
// nothing.
type EventFeatures struct {
	// Class is the first strong class of the headline, else of the lead;
	// a weak class when there is none.
	Class EventClass
	// Classes has bit c set for each strong class c found.
	Classes uint16
	// Union says whose union the headline or lead names: unionOurs (the
	// campaign's), unionOther, or 0 when none.
	Union uint8
	// Workforce and Region say who and where, 0 when not said.
	Workforce, Region uint8
	// Contract is the state of the contract the article reports the
	// strike in (its facts' phase): contractTentative, contractRatified,
	// contractEnded, or 0 when the strike is not at that stage or the
	// article says nothing of it.
	Contract uint8
	// Days is the strike's age in days that the headline or lead marks
	// ("marks 100 days on strike", "day 100", "cumple 100 días"), 0 when
	// none: reports of one milestone name the same count, whatever else
	// they tell of the day (a march, a post).
	Days uint16
	// Span is the length in days of a short strike of a set length that
	// the headline or lead names ("a five-day strike", "the 3-day
	// walkout"), 0 when none or longer than two weeks. The start of such a
	// strike and the return after it, days later, report one event.
	Span uint8
	// Turn, for talks or mediation, says which way the headline (else the
	// lead) turns them: turnOpens ("mediation begins", "mediators step
	// in") or turnBreaks ("talks break off"), 0 when neither. The opening
	// of talks and their collapse days later are two events.
	Turn uint8
	// NotReport is set when the headline announces a piece that reports
	// no event of its own (see notReportTitle): an opinion piece, a
	// letter, an explainer or timeline, a roundup of others' coverage. It
	// joins a story only as a copy or by its headline, and so never ties
	// two stories together.
	NotReport bool
}

// notReportPrefixes open the headline of a piece that reports no event:
// the desk's labels for opinion and letters, and explainers.
var notReportPrefixes = []string{"opinion:", "opinion |", "commentary:", "op-ed:", "oped:", "editorial:",
	"column:", "guest column", "letter:", "letters:", "letter to the editor", "letters to the editor",
	"viewpoint:", "my turn:", "explainer:", "faq:", "q&a:", "what to know", "what you need to know",
	"everything you need to know",
	// A first-person essay ("I'm a Kaiser therapist. …", "I went back to
	// my office …") and a podcast's show notes ("Episode 212: …").
	"i ", "i'm ", "i’m ", "i've ", "i’ve ", "episode "}

// notReportMarks, found anywhere in a headline, mark the same kinds of
// piece: "…: what to know", "… timeline: …", "an explainer", "what
// outlets are reporting".
var notReportMarks = []string{"what to know", "need to know", " faq", " q&a", " timeline", "an explainer",
	"your questions", "questions, answered", "questions answered",
	"| opinion", "what outlets are reporting", "what others are reporting", "news roundup", "media roundup",
	"coverage roundup", "press review",
	// FAQ pages and plain-language explainers.
	"frequently asked questions", "common questions", "in plain english",
	// A company's results, which may mention a strike among their costs.
	"first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "first quarter", "second quarter",
	"third quarter", "fourth quarter", "quarterly results", "earnings"}

// notReportTitle reports whether a lower-cased headline announces a piece
// that reports no event of its own.
func notReportTitle(title string) bool {
	title = strings.TrimSpace(title)
	for _, p := range notReportPrefixes {
		if strings.HasPrefix(title, p) {
			return true
		}
	}
	for _, m := range notReportMarks {
		if strings.Contains(title, m) {
			return true
		}
	}
	return false
}

// Contract values of EventFeatures.
const (
	contractTentative uint8 = iota + 1
	contractRatified
	contractEnded
)

// contractOf returns the Contract value of a phase.
// spanRE finds a strike of a set length: "five-day strike", "3-day
// walkout".
var spanRE = regexp.MustCompile(`\b([a-z]+|\d{1,2})[- ]day (?:strike|walkout|work stoppage)\b`)

// maxSpan is the longest strike of a set length that EventFeatures.Span
// keeps.
const maxSpan = 14

// spanOf returns the length in days of the first short strike of a set
// length s names, 0 when none.
func spanOf(s string) uint8 {
	if !strings.Contains(s, "day") {
		return 0
	}
	for _, m := range spanRE.FindAllStringSubmatch(s, -1) {
		if n, ok := smallNumber(m[1]); ok && n >= 1 && n <= maxSpan {
			return uint8(n)
		}
	}
	return 0
}

// Turns of talks, for EventFeatures.Turn.
const (
	turnOpens uint8 = iota + 1
	turnBreaks
)

// turnRE finds talks opening or breaking off; the first match tells.
var turnRE = regexp.MustCompile(`\b(?:(begin|begins|began|start|starts|started|open|opens|opened|(?:get|gets|got) under way|(?:sit|sits|sat) down|(?:step|steps|stepped) in|join|joins|joined|resume|resumes|resumed|first session)|(break|breaks|broke|broken) (?:off|down)|(collapse|collapses|collapsed|stall|stalls|stalled|fail|fails|failed|(?:end|ends|ended) without))\b`)

// turnOf returns how s turns talks, 0 when it does not say.
func turnOf(s string) uint8 {
	m := turnRE.FindStringSubmatchIndex(s)
	switch {
	case m == nil:
		return 0
	case m[2] >= 0:
		return turnOpens
	}
	return turnBreaks
}

func contractOf(phase string) uint8 {
	switch phase {
	case strike.PhaseTentativeAgreement:
		return contractTentative
	case strike.PhaseRatified:
		return contractRatified
	case strike.PhaseEnded:
		return contractEnded
	}
	return 0
}

// has reports whether class c was found.
func (f EventFeatures) has(c EventClass) bool { return f.Classes&(1<<c) != 0 }

func (f EventFeatures) groups() uint16 {
	var g uint16
	for c := ClassNotice; c <= ClassEnds; c++ {
		if f.has(c) {
			g |= c.groups()
		}
	}
	return g
}

// Conflicts reports whether f and o report different events: both name
// a union, a workforce or a region and they differ, both report the
// strike's contract in different states (the deal, its ratification, the
// return to work are three events days apart, which a commentary between
// them must not join), or both name strong classes that share no group.
func (f EventFeatures) Conflicts(o EventFeatures) bool {
	if f.otherParty(o) {
		return true
	}
	if f.Contract != 0 && o.Contract != 0 && f.Contract != o.Contract {
		return true
	}
	if f.Turn != 0 && o.Turn != 0 && f.Turn != o.Turn {
		return true
	}
	gf, go_ := f.groups(), o.groups()
	return gf != 0 && go_ != 0 && gf&go_ == 0
}

// otherParty reports whether f and o are about different strikers: both
// name a union, a workforce or a region and they differ.
func (f EventFeatures) otherParty(o EventFeatures) bool {
	if f.Union != 0 && o.Union != 0 && f.Union != o.Union {
		return true
	}
	if f.Workforce != 0 && o.Workforce != 0 && f.Workforce != o.Workforce &&
		f.Workforce != workforceMixed && o.Workforce != workforceMixed {
		return true
	}
	return f.Region != 0 && o.Region != 0 && f.Region != o.Region
}

// SameShortStrike reports whether f and o are reports of one short
// strike of a set length: both name it with the same length, neither is
// about other strikers or a contract. The caller checks that they were
// published within the strike's length and a few days.
func (f EventFeatures) SameShortStrike(o EventFeatures) bool {
	contract := func(e EventFeatures) bool { return e.Class == ClassAgreement || e.Class == ClassRatified }
	return f.Span != 0 && f.Span == o.Span && !f.NotReport && !o.NotReport &&
		!contract(f) && !contract(o) && !f.otherParty(o)
}

// spanReach is how far apart reports of one short strike of span days
// may be published: its start to a few days after its end.
func spanReach(span uint8) time.Duration { return time.Duration(span+3) * 24 * time.Hour }

// SameEvent reports whether f and o name one event by its class, and the
// class: f's class found in o or o's in f, neither conflicting. The caller
// checks how far apart they were published (EventClass lifetime).
func (f EventFeatures) SameEvent(o EventFeatures) (EventClass, bool) {
	if f.Conflicts(o) {
		return ClassUnknown, false
	}
	switch {
	case f.Class.strong() && o.has(f.Class):
		return f.Class, true
	case o.Class.strong() && f.has(o.Class):
		return o.Class, true
	case f.Class == ClassMilestone && o.Class == ClassMilestone:
		return ClassMilestone, true
	case f.Days != 0 && f.Days == o.Days:
		return ClassMilestone, true // "100 days on strike" in both
	}
	return ClassUnknown, false
}

// classPattern recognises one class in lower-cased text.
type classPattern struct {
	class EventClass
	hints []string // the text holds one if re can match
	re    *regexp.Regexp
}

var classPatterns = []classPattern{
	{ClassHunger, []string{"hunger", "fast", "hambre"}, regexp.MustCompile(`\bhunger[- ]strik\w*|\b(?:fast|fasting|fasted)\b|\bhuelga de hambre\b`)},
	{ClassLetter, []string{"letter", "lawmaker", "legislat", "senator", "governor", "newsom", "assembly", "official", "urge"},
		regexp.MustCompile(`\bletters?\b|\b(?:lawmakers|legislators|legislative leaders|legislature|senators|assembly ?members|governor|gov\.|newsom|officials|mayors?|council)\b[^.;]{0,40}\b(?:urge[sd]?|urging|press(?:es|ed)?|call(?:s|ed)? on|calls? for|wr(?:ite|ites|ote)|tell|tells|told|demand(?:s|ed)?)\b`)},
	{ClassRatified, []string{"ratif", "approve"}, regexp.MustCompile(`\bratif\w*|\bvot(?:e|es|ed|ing) (?:overwhelmingly |narrowly )?to approve\b|\bapprov(?:e|es|ed) (?:the |a |their |new )*(?:[\w-]+ )?(?:contract|deal|agreement|pact)\b|\b(?:contract|deal|agreement|pact) (?:was |were |has been )?(?:overwhelmingly |narrowly )?approved\b|\bapproved by (?:\d+%|\d+ percent|an? (?:wide |large |narrow |overwhelming )?(?:margin|majority))`)},
	{ClassAgreement, []string{"agreement", "deal", "accord", "pact"}, regexp.MustCompile(`\btentative (?:agreement|deal|contract|accord|pact)\b|\b(?:reach|reaches|reached|strike|strikes|struck|clinch\w*|seal\w*|announce\w*) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:agreement|deal|accord|pact)\b|\b(?:deal|agreement|accord|pact) (?:is |was |has been )?(?:reached|struck)\b|\bdeal (?:to end|ends|ending)\b|\bagreement (?:to end|ends|ending)\b|\bweigh (?:a |the )?(?:deal|agreement)\b`)},
	// The region's Spanish-language press: "acuerdo tentativo".
	{ClassAgreement, []string{"acuerdo"}, regexp.MustCompile(`\bacuerdo tentativo\b`)},
	// (Not "ending the strike": what a deal or a vote does, which would
	// join the deal's reports with the ratification's.)
	{ClassEnds, []string{"back", "return", "end", "called off", "over"}, regexp.MustCompile(`\b(?:back (?:to|at) work|back on the job|back with (?:their |our )?patients|back (?:to )?seeing (?:their |our )?patients|return(?:s|ed|ing)? after (?:the |a |an |their |its )?(?:[\w-]+ ){0,2}?(?:strike|walkout)|return(?:s|ed|ing)? to (?:work|the job|their patients|patients|(?:their |the )?(?:[\w-]+ ){0,2}?(?:offices|clinics|desks|jobs))|go(?:es|ing)? back|went back|walk(?:s|ed|ing)? back (?:in|into|to)|strike (?:is |was )?over|(?:strike|walkout) (?:ends|ended)|end(?:s|ed)? (?:the |their |its |a )?(?:[\w-]+ ){0,2}?(?:strike|walkout)|call(?:s|ed)? off)\b`)},
	// "regresan a sus consultorios", "volvieron al trabajo".
	{ClassEnds, []string{"regresa", "volvie", "vuelven"}, regexp.MustCompile(`\b(?:regresaron|regresan|volvieron|vuelven)\b(?: [^.;,]{1,30}?)? (?:a sus (?:consultorios|puestos|clínicas|empleos|trabajos)|al trabajo)\b`)},
	{ClassMediation, []string{"mediat"}, regexp.MustCompile(`\bmediat\w*`)},
	{ClassTalks, []string{"talk", "bargain", "negotiat", "session", "table"}, regexp.MustCompile(`\btalks\b|\bbargaining (?:session|table|talks)\b|\bnegotiat\w*|\bsessions?\b|\b(?:back|return\w*) to the (?:bargaining )?table\b`)},
	{ClassRally, []string{"rall", "march", "protest", "vigil", "die-in", "sit-in", "arrest", "demonstrat"}, regexp.MustCompile(`\brall(?:y|ies|ied|ying)\b|\bmarch(?:es|ed|ing)?\b|\bprotest\w*|\bvigil\w*|\bdie-in\b|\bsit-in\b|\barrest\w*|\bdemonstrat\w*`)},
	{ClassNotice, []string{"notice", "authori", "vote", "threat", "set", "ready", "plan", "could", "may", "might", "would", "will", "poised", "prepar", "loom"}, regexp.MustCompile(`\bstrike notice\b|\bnotice (?:of|to) (?:a |the )?strike\b|\b\d+-day (?:strike )?notice\b|\bauthori[sz]\w* (?:an? |the )?(?:[\w-]+ ){0,2}?(?:strike|walkout)\b|\bstrike (?:authori[sz]ation|vote)\b|\bvot(?:e|es|ed|ing) (?:overwhelmingly )?to (?:authorize (?:a )?)?strike\b|\bthreat\w* (?:to |of )?(?:an? )?(?:[\w-]+ )?(?:strike|walk out|walkout)\b|\b(?:set|sets|ready|readies|plan|plans|planning|prepare|prepares|preparing|poised) (?:to strike|for (?:an? )?(?:[\w-]+ ){0,2}?(?:strike|walkout)|(?:an? )?(?:[\w-]+ ){0,2}?(?:strike|walkout))\b|\bset (?:a |an )?(?:[\w.]+ ){0,3}?(?:strike|walkout)\b|\b(?:could|may|might|would|will) (?:go on )?strike\b|\blooming (?:strike|walkout)\b`)},
	{ClassBegins, []string{"begin", "start", "launch", "walk", "strike", "picket", "out", "down"}, regexp.MustCompile(`\b(?:strike|walkout|stoppage) (?:begins|began|starts|started|is under way|gets under way|kicks off)\b|\b(?:begin|begins|began|start|starts|started|launch|launches|launched|open|opens|opened|kick off|kicks off|kicked off|stage|stages|staged) (?:an? |the |their |its )?(?:[\w-]+ ){0,3}?(?:strike|walkout|work stoppage)\b|\b(?:walk|walks|walked|walking) (?:out|off the job)\b|\b(?:go|goes|went|going) on strike\b|\b(?:are|is) on strike (?:today|this morning|tonight)\b|\b(?:join|joins|joined|form|formed|hit|hits) (?:the )?picket lines?\b|\bpicket lines? (?:go|goes|went) up\b|\bcall(?:s|ed)? (?:a |the )?(?:[\w-]+ ){0,2}?(?:strike|walkout)(?: [\w'’-]+){0,6}? (?:beginning|starting) (?:today|this morning)\b|\bput(?:s|ting)? down (?:their )?(?:caseloads|tools)\b|\bpick(?:ed|s)? up (?:their )?picket signs\b`)},
	// "anuncian huelga para el 21 de octubre", "aviso de huelga", "se
	// irán a la huelga".
	{ClassNotice, []string{"huelga"}, regexp.MustCompile(`\b(?:anuncian|anunciaron|anuncia|convocan|convocaron) (?:una |la )?huelga\b|\baviso de huelga\b|\b(?:irán|irían|podrían ir) a la huelga\b|\bamenaza(?:n|ron)? con (?:una |la )?huelga\b`)},
	// A strike's first day is its start: "on the first day of a five-day
	// strike", "en el primer día de una huelga".
	{ClassBegins, []string{"first day", "primer día"}, regexp.MustCompile(`\b(?:first day|primer día) (?:of|de) (?:an? |the |their |its |una |la |su )?(?:[\w-]+ ){0,2}?(?:strike|walkout|huelga)\b`)},
	// "inician huelga", "se declararon en huelga".
	{ClassBegins, []string{"huelga"}, regexp.MustCompile(`\b(?:inician|iniciaron|comienzan|comenzaron|empiezan|empezaron)(?: [^.;,]{1,30}?)? (?:una |la |su )?huelga\b|\bse declara(?:n|ron) en huelga\b`)},
	{ClassMilestone, []string{"day", "week", "month"}, regexp.MustCompile(`\b\d{1,3}(?:st|nd|rd|th)? day\b|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|one hundred)[- ](?:days?|weeks?|months?)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:day|week|month)\b|\bday \d{1,3}\b`)},
	{ClassMilestone, []string{"día"}, regexp.MustCompile(`\b(?:\d{1,3}|cien|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) días\b|\b(?:primer|segundo|tercer|cuarto|quinto) día\b`)},
}

// hungerRE finds a hunger strike named in a match of another class.
var hungerRE = regexp.MustCompile(`\bhunger[- ]strike|\bhuelga de hambre\b`)

// afterContractRE finds a contract told as what came before: "days after
// ratifying a new contract".
var afterContractRE = regexp.MustCompile(`\bafter (?:ratifying|approving|voting to (?:ratify|approve)|reaching|members (?:ratified|approved))\b`)

// adjectiveRatifiedRE finds "ratified" as a contract's state: "a
// ratified contract", "the newly ratified agreement".
var adjectiveRatifiedRE = regexp.MustCompile(`\b(?:a|the|their|our|its|newly) ratified (?:[\w-]+ )?(?:contract|agreement|deal|pact)\b`)

// ongoingRE finds a strike under way, for articles of no other class.
var ongoingRE = regexp.MustCompile(`\bstrik(?:e|es|ing|ers?)\b|\bwalkout\b|\bpicket\w*`)

// Region and workforce words, looked for in the headline, the dateline and
// the lead sentence, as phrases of whole words.
var (
	regionPhrases = newPhraseSet(map[uint8][]string{
		1: {"southern california", "socal", "sur de california", "los angeles", "san diego", "orange county", "inland empire", "riverside",
			"san bernardino", "bakersfield", "kern county", "pasadena", "fontana", "ventura", "irvine", "anaheim",
			"woodland hills", "harbor city", "panorama city"},
		2: {"northern california", "norcal", "norte de california", "bay area", "san francisco", "oakland", "san jose", "fresno",
			"santa rosa", "roseville", "santa clara"},
		3: {"hawaii", "honolulu", "oahu", "maui"},
		4: {"oregon", "portland", "washington state", "seattle"},
		5: {"colorado", "denver"},
		6: {"georgia", "atlanta"},
		7: {"mid atlantic", "maryland", "virginia"},
	})
	workforcePhrases = newPhraseSet(map[uint8][]string{
		workforceMentalHealth: {"mental health", "behavioral health", "therapist", "therapists", "psychologist", "psychologists",
			"social worker", "social workers", "clinician", "clinicians", "counselor", "counselors", "psychiatric",
			"psychiatric nurse", "psychiatric nurses", "salud mental", "terapeutas", "psicólogos", "trabajadores sociales"},
		workforceNurses:      {"nurse", "nurses", "enfermeras", "enfermeros"},
		workforcePharmacists: {"pharmacist", "pharmacists", "pharmacy"},
		workforceDoctors:     {"doctor", "doctors", "physician", "physicians", "residents"},
		workforceSteel:       {"steelworker", "steelworkers", "aluminum", "smelter", "mill workers"},
		workforceTeachers:    {"teacher", "teachers", "educator", "educators", "school workers"},
		workforceHotel:       {"hotel worker", "hotel workers", "housekeepers"},
		workforcePorts:       {"dockworker", "dockworkers", "longshore", "longshoremen", "port", "ports"},
	})
)

// phraseSet finds phrases of whole words, each standing for a value.
type phraseSet map[string][]phrase // first word → phrases, longest first

type phrase struct {
	words []string
	value uint8
}

func newPhraseSet(m map[uint8][]string) phraseSet {
	ps := make(phraseSet)
	for v, list := range m {
		for _, p := range list {
			w := strings.Fields(p)
			ps[w[0]] = append(ps[w[0]], phrase{words: w, value: v})
		}
	}
	for k := range ps {
		slices.SortStableFunc(ps[k], func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return ps
}

// find calls fn with the value of each phrase found in words, in order;
// fn returns false to stop.
func (ps phraseSet) find(words []string, fn func(v uint8) bool) {
	for i := 0; i < len(words); i++ {
		for _, p := range ps[words[i]] {
			if i+len(p.words) <= len(words) && slices.Equal(words[i:i+len(p.words)], p.words) {
				if !fn(p.value) {
					return
				}
				i += len(p.words) - 1
				break
			}
		}
	}
}

// plainWords splits lower-cased text into words of letters and digits;
// apostrophes inside words are dropped ("hawai'i" is "hawaii").
func plainWords(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		case r == '\'' || r == '’' || r == 'ʻ':
		default:
			flush()
		}
	}
	flush()
	return out
}

// Union values of EventFeatures.
const (
	unionOurs uint8 = iota + 1
	unionOther
)

// leadChars bounds how much of an article's text is read for its lead.
const leadChars = 700

// EventOf returns the event features of an article whose facts were
// extracted (facts gives the union it is about; ours is the canonical name
// of the campaign's union, as the Extractor reports it). It reads the
// headline and the lead sentence of the text (or of the feed's summary),
// with the dateline, past any byline or date line a page put first.
func EventOf(a *strike.Article, facts strike.Facts, ours string) EventFeatures {
	title := lowerSameLen(a.Title)
	text := a.Text
	if strings.TrimSpace(text) == "" {
		text = a.Summary
	}
	text = text[leadStart(text):] // past a byline or date line
	if len(text) > leadChars {
		cut := leadChars
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	lead, where := "", ""
	if ss := Sentences(text); len(ss) > 0 {
		lead = lowerSameLen(ss[0].Text)
		where = lead
		// A show's number or a greeting names no place ("Episode 212.",
		// "Our notice is in."): the next sentence tells where, and who.
		if len(ss) > 1 && len(plainWords(ss[0].Text)) < 5 {
			where += " " + lowerSameLen(ss[1].Text)
		}
	}
	var f EventFeatures
	f.Class, f.Classes = classesOf(title)
	// Workers back at work "days after ratifying" are the return, not the
	// ratification, when the title tells the return and the lead puts the
	// contract before it.
	returnAfterContract := f.Class == ClassEnds && f.Classes&(1<<ClassAgreement|1<<ClassRatified) == 0 &&
		strings.Contains(lead, "after ") && afterContractRE.MatchString(lead)
	lc, lcs := classesOf(lead)
	if !f.Class.strong() && (lc.strong() || f.Class == ClassUnknown) {
		f.Class = lc
	}
	f.Classes |= lcs
	// Workers reported back at work (the facts' phase) are the return
	// whatever contract the lead names before it: "walked back into our
	// clinics … and a contract we ratified last week".
	if facts.Phase == strike.PhaseEnded && f.has(ClassEnds) {
		returnAfterContract = true
		f.Class = ClassEnds
	}
	// An agreement or a ratification that ends a strike is that event.
	if (f.has(ClassAgreement) || f.has(ClassRatified)) && !returnAfterContract {
		f.Classes &^= 1 << ClassEnds
		if f.Class == ClassEnds {
			f.Class = ClassAgreement
			if f.has(ClassRatified) && !f.has(ClassAgreement) {
				f.Class = ClassRatified
			}
		}
	}
	// An end whose article reports the contract (still to be voted on, or
	// ratified) is that contract's event: "therapists end their walkout;
	// now comes the vote" the day after the deal.
	if f.Class == ClassEnds {
		switch facts.Phase {
		case strike.PhaseTentativeAgreement:
			f.Class = ClassAgreement
		case strike.PhaseRatified:
			f.Class = ClassRatified
		}
		if f.Class != ClassEnds {
			f.Classes = f.Classes&^(1<<ClassEnds) | 1<<f.Class
		}
	}
	if f.Class == ClassUnknown && ongoingRE.MatchString(title+" "+lead) {
		f.Class = ClassOngoing
	}
	f.Contract = contractOf(facts.Phase)
	if f.Class == ClassTalks || f.Class == ClassMediation {
		if f.Turn = turnOf(title); f.Turn == 0 {
			f.Turn = turnOf(lead)
		}
	}
	headLead := title + " \n " + lead
	f.Days = milestoneDays(headLead)
	f.Span = spanOf(headLead)
	f.NotReport = notReportTitle(title)
	words := plainWords(title + " \n " + where)
	f.Region = firstRegion(words)
	f.Workforce = workforceOf(words)
	if facts.Union != "" {
		if ev := facts.Evidence["union"]; ev == "" || strings.Contains(a.Title, ev) || strings.Contains(text, ev) {
			f.Union = unionOther
			if facts.Union == ours {
				f.Union = unionOurs
			}
		}
	}
	return f
}

// classesOf returns the first strong class found in s (else the first
// weak one) and the set of strong classes found.
func classesOf(s string) (EventClass, uint16) {
	if s == "" {
		return ClassUnknown, 0
	}
	var set uint16
	first, firstAt := ClassUnknown, len(s)+1
	weak, weakAt := ClassUnknown, len(s)+1
	for _, p := range classPatterns {
		if !slices.ContainsFunc(p.hints, func(h string) bool { return strings.Contains(s, h) }) {
			continue
		}
		loc := p.re.FindStringIndex(s)
		if loc != nil && loc[0] > 0 && s[loc[0]-1] == '-' {
			// "an open-ended strike": a word's tail, not an end
			loc = nil
			for _, l := range p.re.FindAllStringIndex(s, -1) {
				if l[0] == 0 || s[l[0]-1] != '-' {
					loc = l
					break
				}
			}
		}
		if loc == nil {
			continue
		}
		class := p.class
		if negated(s, loc[0]) {
			continue
		}
		if (class == ClassBegins || class == ClassEnds) && hungerRE.MatchString(s[loc[0]:loc[1]]) {
			continue // "begin a hunger strike", "end 5-day hunger strike": the hunger strike's own days
		}
		if class == ClassBegins && hypoRE.MatchString(lastWords(s[:loc[0]], 3)) {
			class = ClassNotice // "will walk off the job Oct. 21"
		}
		if class == ClassRatified && adjectiveRatifiedRE.MatchString(s[max(0, loc[0]-12):min(len(s), loc[1]+12)]) {
			continue // "with a ratified contract in hand": the contract's state, not the vote
		}
		if class == ClassBegins && strings.Contains(lastWords(s[:loc[0]], 3), " ago") {
			class = ClassMilestone // "One hundred days ago we walked out": the count, not the start
		}
		if class == ClassEnds && hypoRE.MatchString(lastWords(s[:loc[0]], 3)) {
			continue // "will return to work once the vote is counted"
		}
		if !class.strong() {
			if loc[0] < weakAt {
				weak, weakAt = class, loc[0]
			}
			continue
		}
		set |= 1 << class
		if loc[0] < firstAt {
			first, firstAt = class, loc[0]
		}
	}
	if first == ClassUnknown {
		return weak, set
	}
	return first, set
}

// milestoneDaysRE finds a strike's age in days: "100 days", "100th day",
// "day 100", "one hundred days", "fifty days", "cien días"; not a length ("a 196-day
// strike", "within 30 days").
var milestoneDaysRE = regexp.MustCompile(`(?:^|[^\w-])(?:(\d{1,3}|one hundred|cien|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?) (?:days|días)\b|(\d{1,3})(?:st|nd|rd|th) day\b|day (\d{1,3})\b)`)

// milestoneDays returns the strike's age in days that the lower-cased s
// marks, or 0.
func milestoneDays(s string) uint16 {
	if !strings.Contains(s, "day") && !strings.Contains(s, "días") {
		return 0
	}
	for _, m := range milestoneDaysRE.FindAllStringSubmatchIndex(s, -1) {
		if m[2] >= 0 && (lastWords(s[:m[2]], 1) == "within" || lastWords(s[:m[2]], 1) == "in" || lastWords(s[:m[2]], 1) == "for") {
			continue // "within 30 days", "in 30 days", "for 30 days"
		}
		for k := 2; k+1 < len(m); k += 2 {
			if m[k] < 0 {
				continue
			}
			switch w := s[m[k]:m[k+1]]; w {
			case "one hundred", "cien":
				return 100
			default:
				n, ok := smallNumber(w) // "50", "fifty", "forty-two"
				if ok && n > 1 {
					return uint16(n)
				}
			}
		}
	}
	return 0
}

// negated reports whether the words just before offset i deny what
// follows ("no deal", "without a contract").
func negated(s string, i int) bool {
	return negRE.MatchString(lastWords(s[:i], 2))
}

// firstRegion returns the region of the first place named in words, or
// 0 when they name places in three regions or more: a strike across
// states ("workers in California, Oregon, Colorado and Virginia walked
// off the job", under an Oakland dateline) is no one region's, and its
// Los Angeles photos are of the same event.
func firstRegion(words []string) uint8 {
	var first uint8
	var seen [8]bool
	n := 0
	regionPhrases.find(words, func(v uint8) bool {
		if first == 0 {
			first = v
		}
		if int(v) < len(seen) && !seen[v] {
			seen[v] = true
			n++
		}
		return n < 3
	})
	if n >= 3 {
		return 0
	}
	return first
}

// workforceOf returns the workforce words name, workforceMixed when they
// name several (a coalition of trades), 0 when none. Psychiatric nurses
// are mental health workers.
func workforceOf(words []string) uint8 {
	found := uint8(0)
	workforcePhrases.find(words, func(v uint8) bool {
		if found != 0 && found != v {
			found = workforceMixed
			return false
		}
		found = v
		return true
	})
	return found
}
