package coverage

// Factual questions: which field of a campaign's status a question asks
// about, whatever its words. Supporters ask the same few things in many
// ways ("when did the strike start?", "when did they walk out?", "what
// date did it begin?"); each kind below is recognised by the words that
// carry its meaning, not by whole sentences.

import "slices"

// FactKind names the status fact a question asks for; "" when the
// question asks for none of them.
type FactKind string

// The kinds of factual question.
const (
	FactNone     FactKind = ""
	FactStarted  FactKind = "started"  // when did the strike start?
	FactOver     FactKind = "over"     // is the strike over? when did it end?
	FactDuration FactKind = "duration" // how long did it last? what day is it?
	FactWorkers  FactKind = "workers"  // how many workers are on strike?
	FactStrikers FactKind = "strikers" // who is on strike?
	FactUnion    FactKind = "union"    // which union?
	FactEmployer FactKind = "employer" // who are they striking against?
	FactOffer    FactKind = "offer"    // what did the employer offer?
	FactWon      FactKind = "won"      // what raise did they win? what is in the deal?
	FactDemands  FactKind = "demands"  // what do they want? why are they striking?
	FactNext     FactKind = "next"     // when is the vote? what's next?
	FactPhase    FactKind = "phase"    // what's happening?
	FactHelp     FactKind = "help"     // what can I ask you?
	FactWhere    FactKind = "where"    // where are the pickets?
)

// ansWordSet is a set of lower-cased words.
type ansWordSet map[string]bool

func ansSet(words ...string) ansWordSet {
	s := make(ansWordSet, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}

// The words that mark each kind of question (lower-cased, as written).
var (
	kwStart = ansSet("start", "starts", "started", "starting", "begin", "begins", "began", "begun", "beginning",
		"launch", "launched", "commence", "commenced", "kick", "kicked")
	kwEnd = ansSet("over", "end", "ends", "ended", "ending", "finish", "finished", "done", "settle", "settled", "resolved",
		"concluded")
	kwReturn = ansSet("back", "return", "returned", "returning")
	kwStill  = ansSet("still", "ongoing", "continuing", "continue", "continues")
	kwStrike = ansSet("strike", "strikes", "striking", "struck", "strikers", "striker", "walkout", "walkouts",
		"picket", "picketing", "pickets")
	kwPeople = ansSet("workers", "worker", "people", "strikers", "members", "clinicians", "therapists", "employees",
		"staff", "nurses", "psychologists", "counselors", "union", "they", "them", "folks", "persons")
	kwLastVerb = ansSet("last", "lasted", "lasting", "go", "gone", "going", "went", "run", "ran", "been", "take", "took", "stretch", "stretched")
	kwPeriod   = ansSet("day", "days", "week", "weeks", "month", "months", "year", "years")
	kwWin      = ansSet("win", "won", "wins", "winning", "gain", "gained", "gains", "get", "got", "gotten", "gave", "given", "secure",
		"secured", "achieve", "achieved", "obtain", "obtained", "earn", "earned")
	kwDeal = ansSet("deal", "agreement", "contract", "settlement", "terms", "tentative")
	// kwAccord names the agreement that ends a strike ("when was the deal
	// reached?"), not the contract it becomes.
	kwAccord = ansSet("deal", "agreement", "tentative", "settlement", "accord")
	kwWhatt  = ansSet("what", "which", "terms", "details", "include", "includes", "included", "provide", "provides",
		"give", "gives", "say", "says", "contain", "contains", "cover", "covers", "mean")
	kwOffer  = ansSet("offer", "offers", "offered", "offering", "proposal", "proposals", "propose", "proposed", "proposing", "table")
	kwPay    = ansSet("raise", "raises", "pay", "wage", "wages", "salary", "salaries", "increase", "money")
	kwDemand = ansSet("demand", "demands", "demanding", "want", "wants", "wanted", "seek", "seeking", "seek",
		"fighting", "issue", "issues", "reason", "reasons", "asking", "goals", "grievances", "why")
	kwEvent = ansSet("vote", "votes", "voting", "ballot", "ratification", "ratify", "session", "sessions",
		"rally", "rallies", "meeting", "hearing", "talks", "bargaining", "mediation", "march", "protest", "deadline",
		"hunger", "fast", "fasting", "fasted", "vigil", "arrests", "letter", "letters")
	// kwDone are events of kwEvent that the status never schedules: a
	// hunger strike is neither the strike's start, its length nor what
	// comes next.
	kwDone = ansSet("hunger", "fast", "fasting", "fasted", "vigil", "arrests", "letter", "letters")
	// kwActs are what people other than the strikers and their union do
	// in a dispute: "who mediated?" asks for them, not for the union.
	kwActs = ansSet("mediated", "mediate", "mediates", "mediating", "mediator", "mediators", "negotiated",
		"negotiate", "negotiates", "negotiator", "negotiators", "brokered", "broker", "brokers", "arrested",
		"settle", "settled", "resolve", "resolved", "helped")
	// kwLeads are what a person does for an organisation: "who leads
	// the union?", "who spoke for Kaiser?" ask for a person, not for
	// the union's or the employer's name.
	kwLeads = ansSet("lead", "leads", "led", "leading", "head", "heads", "headed", "run", "runs", "directs",
		"chairs", "speak", "speaks", "spoke", "speaking", "spokesperson", "spokesman", "spokeswoman")
	kwNext  = ansSet("next", "upcoming", "coming", "planned", "scheduled", "soon", "future")
	kwUnion = ansSet("union", "unions", "represents", "represent", "represented", "representing", "organizing", "organized")
	kwBoss  = ansSet("employer", "employers", "company", "companies", "management", "boss", "bosses", "against", "employs", "employ", "hospital", "hospitals")
	// kwHelp are the words of a question about the bot itself: "what
	// can I ask you?", "what do you answer?".
	kwHelp = ansSet("ask", "answer", "answers", "do", "know", "tell", "questions", "question", "help", "commands")
	// kwReach are the verbs of reaching a deal: every strike's news has
	// them, so they never point to other news.
	kwReach = ansSet("reach", "reached", "reaching", "struck", "agreed", "sign", "signed", "announced")
	// kwPlace are the nouns of a question that asks where by naming
	// the kind of place: "which cities had pickets?".
	kwPlace = ansSet("city", "cities", "town", "towns", "place", "places", "location", "locations", "site", "sites",
		"county", "counties", "area", "areas", "neighborhood", "neighborhoods", "region", "regions", "part", "parts")
	// kwStrikeMoney follow "strike" in the names of what a union pays its
	// strikers: strike pay is the fund's, not a raise.
	kwStrikeMoney = ansSet("pay", "fund", "funds", "benefit", "benefits", "stipend", "stipends")
	// kwGive are the verbs of helping the strikers with money or goods:
	// "where can I donate?" asks for a fund, not for the pickets' places.
	kwGive = ansSet("donate", "donating", "donation", "donations", "give", "send", "contribute", "contributions",
		"fund", "funds", "fundraiser", "gofundme", "money", "buy", "volunteer")
	// kwFail are the words of a strike that failed: a question that
	// supposes it ("why did the strike fail?") is answered with what was
	// won, which corrects it when it did not.
	kwSuccess = ansSet("success", "successful", "succeed", "succeeded", "worth", "worthwhile", "victory")
	kwFail    = ansSet("fail", "fails", "failed", "failing", "failure", "lose", "lost", "losing", "defeat", "defeated")
	// kwYesNo open a yes/no question about a present or past act: "did
	// the deal do anything about caseloads?", "do newer hires get a
	// pension now?".
	kwYesNo  = ansSet("did", "do", "does", "will", "can", "could")
	kwStatus = ansSet("happening", "happen", "happened", "status", "latest", "update", "updates", "news", "situation",
		"stand", "standing", "state", "progress", "new", "status", "summary", "summarize", "recap", "rundown", "overview", "gist")
)

// ansWeekdayNames are the days of the week, as a question writes them.
var ansWeekdayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// factKind returns the kind of factual question words (lower-cased, in
// order, shorthand and word pairs written out by ansRewrite: "called
// off" is "ended") ask, or FactNone.
func factKind(words []string) FactKind {
	if i := slices.Index(words, "under"); i >= 0 && i+1 < len(words) && words[i+1] == "way" || slices.Contains(words, "underway") {
		// "When did the walkout get under way?": it began.
		words = ansUnderWay(words)
	}
	has := func(s ansWordSet) bool {
		for _, w := range words {
			if s[w] {
				return true
			}
		}
		return false
	}
	hasW := func(ws ...string) bool {
		for _, w := range words {
			for _, x := range ws {
				if w == x {
					return true
				}
			}
		}
		return false
	}
	// seq reports whether a appears right before one of bs.
	seq := func(a string, bs ...string) bool {
		for i := 0; i+1 < len(words); i++ {
			if words[i] == a {
				for _, b := range bs {
					if words[i+1] == b {
						return true
					}
				}
			}
		}
		return false
	}
	// "What was the size of the strike?", "the length of the walkout":
	// a count and a span asked by their nouns.
	sizeOf := seq("size", "of") && has(kwStrike) && !has(kwPay)
	lengthOf := (seq("length", "of") || seq("duration", "of") || hasW("length", "duration")) && has(kwStrike)
	howMany := seq("how", "many", "much") || seq("number", "of") || seq("how", "big", "large") || sizeOf ||
		// "strikers headcount 4 the flyer?"
		hasW("headcount", "headcounts") && (has(kwStrike) || has(kwPeople))
	howLong := seq("how", "long") && !hasW("ago") || lengthOf
	// "How long were patients waiting?" asks how long a wait was, which
	// the news tells, not how long the strike lasted.
	waitQ := hasW("wait", "waits", "waiting", "waited", "waitlist", "waitlists")
	// "Did any politicians get involved?": getting involved is no win.
	involved := hasW("involved", "involve", "involvement")
	// "What raise did Kaiser offer when the strike started?": a "when"
	// that opens a clause after the question's own word asks no day.
	whenAsked := hasW("when") && !ansWhenClause(words)
	when := whenAsked || hasW("date", "weekday") || seq("what", "day", "time", "month", "night", "evening", "morning", "weekend") ||
		seq("which", "day", "date", "night", "evening", "morning", "weekend") || seq("since", "when") ||
		// "What Monday were they back?"
		seq("what", ansWeekdayNames...) || seq("which", ansWeekdayNames...)
	goOnStrike := false
	for i := 0; i+2 < len(words); i++ {
		switch words[i] {
		case "go", "went", "going", "gone":
			goOnStrike = goOnStrike || words[i+1] == "on" && kwStrike[words[i+2]]
		}
	}
	walkOut := seq("walk", "out", "off") || seq("walked", "out", "off") || seq("walking", "out", "off")
	// "What day did they hit the picket lines?", "took to the picket
	// lines": walking out in other words.
	for i := 0; i+2 < len(words); i++ {
		switch words[i] {
		case "hit", "hitting", "took", "take", "taking":
			walkOut = walkOut || (words[i+1] == "the" || words[i+1] == "to") && (words[i+2] == "picket" || words[i+2] == "the" && i+3 < len(words) && words[i+3] == "picket")
		case "put", "puts", "putting", "set", "sets", "setting":
			// "first put up picket lines"
			walkOut = walkOut || words[i+1] == "up" && (words[i+2] == "picket" || words[i+2] == "pickets")
		}
	}
	// "What date did the therapists strike?": the strike is the verb the
	// question ends on, after "did" ("when did they strike a deal?" does
	// not end on it).
	didStrike := false
	if n := len(words); n > 2 && (words[n-1] == "strike" || words[n-1] == "picket") {
		for _, w := range words[:n-1] {
			didStrike = didStrike || w == "did"
		}
	}
	// "When was the deal reached?": the day of the agreement that ended
	// the strike, not of a vote on it.
	dealDay := when && has(kwAccord) &&
		!has(kwEvent) && !hasW("ratified", "ratify", "approved", "approve", "expire", "expired", "expires", "signed")

	// "Which cities had pickets?": where, by the kind of place.
	placeQ := false
	for i := 0; i+1 < len(words); i++ {
		placeQ = placeQ || (words[i] == "which" || words[i] == "what") && kwPlace[words[i+1]]
	}
	strikeMoney := false
	for i := 0; i+1 < len(words); i++ {
		strikeMoney = strikeMoney || kwStrike[words[i]] && kwStrikeMoney[words[i+1]]
	}
	// "Did the strike last 100 days?", "were 5000 workers on strike?": a
	// yes/no question that supposes a length or a count, which the
	// status's corrects or confirms.
	supposes := func(nouns ansWordSet) bool {
		if len(words) == 0 || !ansSupposeOpeners[words[0]] {
			return false
		}
		for i := 0; i < len(words); i++ {
			if !ansNumeral(words[i]) && !ansNumberWords[words[i]] {
				continue
			}
			if _, month := ansMonths[words[max(0, i-1)]]; i > 0 && month {
				continue // "oct 11 when they gave notice": a day, not a count
			}
			// "500 therapists", "three thousand kaiser clinicians", "two
			// hundred days", "31,000 kaiser mental health people": the
			// number's words, then at most three more before the noun.
			j := i + 1
			for j < len(words) && (ansNumeral(words[j]) || ansNumberWords[words[j]]) {
				j++
			}
			for k := j; k < len(words) && k <= j+3; k++ {
				if nouns[words[k]] {
					return true
				}
			}
			i = j
		}
		return false
	}
	one := ""
	if len(words) == 1 {
		one = words[0]
	}

	// "What happened on May 8?": the news of a day, which the articles
	// tell, not the status.
	happenedOn := false
	for i := 0; i+2 < len(words); i++ {
		happenedOn = happenedOn || (words[i] == "happened" || words[i] == "happen" || words[i] == "down") &&
			words[i+1] == "on" && (isMonth(words[i+2]) || ansNumeral(words[i+2]))
	}

	switch {
	case happenedOn:
		return FactNone
	// One word: "over?", "strike?", "workers?".
	case kwEnd[one] && one != "called":
		return FactOver
	case kwStrike[one]:
		return FactPhase
	case kwPeople[one] && one != "union" && one != "they" && one != "them":
		return FactStrikers
	// Strike pay, a strike fund: what the union pays, not what was won.
	case strikeMoney:
		return FactNone
	// The bot itself: "help", "what can I ask you?", "what do you know?".
	case len(words) <= 2 && hasW("help", "commands", "ayuda") && !has(kwStrike),
		hasW("what", "which") && hasW("you") && has(kwHelp) && (hasW("can", "could", "do") || seq("should", "i")) && botOnly(words):
		return FactHelp
	// Where the pickets are: the places, or none once it is over. ("Where
	// can I donate to the strikers?" asks for a fund the news may name,
	// not for the pickets; "how do I join a picket line?" for the
	// pickets.)
	case (hasW("where") || placeQ || hasW("join", "joining")) && (has(kwStrike) || hasW("rally", "rallies", "protest", "protests", "march")) &&
		!has(kwDemand) && !has(kwStart) && !has(kwEnd) && !has(kwGive):
		return FactWhere
	// A strike supposed to have failed: what was won answers it.
	case has(kwFail) && (has(kwStrike) || has(kwPeople)) && !has(kwStart) && !has(kwEvent) && !howMany:
		return FactWon
	// "How long does the new contract run?": the contract's term, which
	// the news gives, not the strike's length; nor is a wait.
	case howLong && has(kwDeal) && !has(kwStrike), howLong && waitQ:
		return FactNone
	// "Did the deal do anything about caseloads?", "do newer hires get a
	// pension now?": whether the deal gave something, which its terms
	// answer.
	case len(words) > 0 && kwYesNo[words[0]] && (has(kwDeal) || has(kwWin) && !involved) &&
		!has(kwStart) && !has(kwEvent) && !has(kwEnd) && !has(kwReturn) && !when && !has(kwOffer) && !has(kwStrikeMoney) && !has(kwDemand):
		return FactWon
	// Who did something else than strike or represent the strikers.
	case hasW("who", "whom") && (has(kwActs) || has(kwLeads)):
		return FactNone
	// The raise set beside the offer: "was the raise bigger than what
	// Kaiser offered?".
	case has(kwOffer) && hasW("than", "compared", "versus", "vs") && (has(kwWin) || has(kwPay) || has(kwDeal) || hasW("final")):
		return FactWon
	// The employer's offer, before anything about winning: "what did
	// Kaiser offer", "what's on the table".
	case has(kwOffer) && !has(kwWin) && !hasW("accept", "accepted", "reject", "rejected") && !whenAsked:
		return FactOffer
	// What the workers won: a raise, the deal's terms.
	case has(kwWin) && (has(kwPay) || has(kwDeal) || hasW("what", "which", "percent") || howMany) && !has(kwStart) && !hasW("how", "when") ||
		has(kwWin) && seq("how", "much") ||
		has(kwWin) && has(kwPay) && howMany ||
		has(kwDeal) && has(kwWhatt) && !when && !has(kwEvent) && !has(kwEnd) && !hasW("who", "reach", "reached") ||
		has(kwPay) && has(kwDeal),
		// "Did they win?", "have they won?".
		has(kwWin) && !involved && len(words) > 0 && (words[0] == "did" || words[0] == "have" || words[0] == "has") && !has(kwStart) && !has(kwEvent),
		// "they didn't actually win anything, right?"
		has(kwWin) && !involved && hasW("anything", "something", "nothing") && !has(kwStart) && !has(kwEvent),
		// "Was the strike a success?": what was won answers it.
		has(kwSuccess) && (has(kwStrike) || has(kwPeople)) && !has(kwStart) && !has(kwEvent),
		// "How big was the raise?" asks for the raise, not a count.
		seq("how", "big", "large", "much") && has(kwPay),
		// "What's the raise?", "what percent raise", "raise?": the raise
		// there is, not one asked for or offered.
		has(kwPay) && (hasW("what", "which") || len(words) <= 2) && !has(kwDemand) && !has(kwOffer) && !when && !has(kwStart),
		// "final raise % over the 4 yrs?"
		has(kwPay) && hasW("percent", "final") && !has(kwDemand) && !has(kwOffer) && !when && !has(kwStart):
		return FactWon
	// "Was there a strike in October?": whether the strike's span holds a
	// time, which the span answers.
	case len(words) > 0 && (words[0] == "was" || words[0] == "were") && hasW("there") && has(kwStrike) && !has(kwEvent) && !has(kwDemand):
		return FactDuration
	// How long: "how long did it last", "how many days", "what day of the
	// strike is it", "days out?"; and its span, "start -> end dates?".
	case howLong && !has(kwEvent),
		has(kwStart) && hasW("end", "ended", "ending", "finish", "finished") && (when || hasW("dates")) && !has(kwEvent),
		len(words) <= 2 && has(kwPeriod) && (len(words) == 1 || hasW("out", "total") || has(kwStrike)),
		supposes(kwPeriod) && (has(kwStrike) || hasW("it", "they")) && has(kwLastVerb) && !has(kwDone) && !has(kwEvent),
		// "Why did the strike last a year?", "was it longer than the
		// northern one?": the length, which corrects or compares.
		hasW("why") && hasW("last", "lasted") && has(kwPeriod) && (has(kwStrike) || hasW("it")) && !has(kwDone),
		hasW("longer", "shorter") && hasW("than") && (has(kwStrike) || hasW("it")) && !has(kwDone) && !has(kwEvent),
		// "the strike was only ten weeks, right?": a length supposed.
		hasW("was", "were", "lasted") && hasW("only", "just") && has(kwPeriod) && has(kwStrike) && !has(kwDone) && !has(kwEvent),
		(howMany || hasW("total")) && has(kwPeriod) && !has(kwDone),
		seq("what", "day") && (hasW("is", "are", "it", "we") || has(kwStrike)) && !has(kwStart) && !hasW("did", "due", "back") && !has(kwEvent) && !has(kwReturn),
		seq("day", "count"):
		return FactDuration
	// How many workers.
	// (A count of hunger strikers is no count of the strikers.)
	case (howMany && !hasW("percent", "hours", "hour", "dollars", "money", "patients", "members") || howMany && has(kwPeople) && !hasW("percent", "hours", "patients")) && !has(kwDone),
		supposes(kwPeople) && (has(kwStrike) || walkOut || goOnStrike || hasW("involved", "out", "participated", "part")) && !has(kwDone):
		return FactWorkers
	// Still on?
	case has(kwStill) && (has(kwStrike) || hasW("on", "out")) && !hasW("why", "who", "where"):
		return FactOver
	// When it started.
	case when && didStrike && !has(kwEnd) && !has(kwReturn) && !has(kwEvent) && !has(kwDone),
		dealDay && !has(kwStart):
		if dealDay {
			return FactOver
		}
		return FactStarted
	// "Is it over, and if so since when?": since it ended.
	case seq("since", "when") && hasW("over", "ended", "end"):
		return FactOver
	// "Which day did we vote to ratify the contract that ended the
	// strike?": the vote's day; the end is the contract's clause.
	case (seq("that", "ended", "end", "ends") || seq("which", "ended", "end", "ends")) && ansNamesVote(words):
		return FactNone
	case (has(kwStart) || walkOut || goOnStrike || seq("first", "day") || seq("day", "one", "1") ||
		seq("since", "when") && has(kwStrike)) &&
		!has(kwEvent) && !hasW("talks", "return", "back", "again", "why", "who", "where") && (!hasW("how") || seq("long", "ago")):
		return FactStarted
	// Whether it is over, when it ended.
	case has(kwEnd) && (has(kwStrike) || hasW("it", "they")) && !hasW("offer"),
		// ("They went back in March, right?" supposes the return's day,
		// which the articles give.)
		has(kwReturn) && (hasW("work", "job", "jobs", "clinics") || has(kwStrike) || hasW("without") && has(kwDeal)) && !has(kwStart) && !when && !ansNamesDay(words),
		hasW("is", "are") && hasW("there", "they", "workers", "we") && has(kwStrike) && onlyStrikeWords(words):
		return FactOver
	// What comes next: "when is the vote", "what's next".
	// ("When did members vote?", "when was the rally?" ask of one past,
	// found in the articles.)
	case (has(kwNext) && !has(kwStrike) || has(kwNext) && has(kwEvent) ||
		has(kwEvent) && (when && !hasW("did", "was", "were") || hasW("will"))) && !has(kwDone):
		return FactNext
	// "The strike was run by UNAC, wasn't it?": who called it out is
	// its union, which corrects a wrong one.
	case (seq("run", "by") || seq("led", "by") || seq("called", "by") || seq("organized", "by") || seq("organised", "by")) && has(kwStrike):
		return FactUnion
	// Who: the union, the employer, the strikers.
	// ("What does the union want?" asks for the demands, not the name.)
	case has(kwUnion) && (hasW("which", "what", "who", "whose", "name") || seq("by", "whom")) && !has(kwDemand):
		return FactUnion
	case has(kwBoss) && (hasW("which", "what", "who", "whom", "name")) && !has(kwDemand) || seq("against", "who", "whom", "which", "what"):
		return FactEmployer
	case hasW("who", "which", "whom") && (has(kwStrike) || walkOut) && !when && !has(kwDone) || seq("what", "kind", "kinds", "type", "types", "sort", "sorts", "workers", "jobs", "professions"):
		return FactStrikers
	// Why, and what they want; "what was the strike about?".
	case has(kwDemand),
		hasW("what") && words[len(words)-1] == "about" && (has(kwStrike) || hasW("it")):
		return FactDemands
	// (A when-question asks for a day, not for the news: "what date did
	// members approve the new contract?".)
	case has(kwStatus) && !hasW("who", "why", "where") && !when,
		seq("going", "on") && hasW("what", "what's"):
		return FactPhase
	// "Tell me about the Kaiser strike": the strike, by its name at most,
	// and nothing else asked of it.
	case seq("tell", "me") && has(kwStrike) && !has(kwEvent) && aboutOnly(words):
		return FactPhase
	}
	return FactNone
}

// isMonth reports whether w is a month's name or short form.
func isMonth(w string) bool {
	_, ok := ansMonths[w]
	return ok
}

// ansNumberWords are the words of numbers written out: "three
// thousand", "two hundred".
var ansNumberWords = ansSet("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
	"thousand", "dozen", "dozens", "hundreds", "thousands")

// ansSupposeOpeners open a yes/no question that may suppose a number.
var ansSupposeOpeners = ansSet("did", "was", "were", "has", "have", "is", "are")

// ansNumeral reports whether w is written in digits ("100", "5000",
// "10,000"), a year aside.
func ansNumeral(w string) bool {
	if w == "" || ansYear(w) {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' {
			return false
		}
	}
	return true
}

// aboutOnly reports whether words, but for the words of asking to be
// told about something, the strike's and one more (its employer's or
// campaign's name), name nothing: "tell me about the Kaiser strike".
func aboutOnly(words []string) bool {
	other := 0
	for _, w := range words {
		switch {
		case kwStrike[w]:
		case w == "tell", w == "me", w == "us", w == "about", w == "the", w == "a", w == "more", w == "please",
			w == "can", w == "could", w == "you", w == "this", w == "that", w == "on":
		default:
			other++
		}
	}
	return other <= 1
}

// botOnly reports whether words ask about nothing but the bot: no word
// of a strike's news ("what can you tell me about the vote?" asks about
// the vote).
func botOnly(words []string) bool {
	for _, w := range words {
		switch {
		case kwHelp[w]:
		case w == "what", w == "which", w == "can", w == "could", w == "i", w == "you", w == "me", w == "we",
			w == "should", w == "kind", w == "kinds", w == "sort", w == "of", w == "things", w == "stuff",
			w == "about", w == "help", w == "with", w == "here", w == "bot", w == "strikebot", w == "to", w == "is", w == "are":
		default:
			return false
		}
	}
	return true
}

// asksStillOn reports whether a question of kind FactOver asks whether
// the strike is still on ("are they still on strike?", "is there a
// strike?"), which a strike that ended answers with no, rather than
// whether it is over ("is the strike over?", "are they back at work?").
func asksStillOn(words []string) bool {
	for _, w := range words {
		if kwEnd[w] || kwReturn[w] {
			return false
		}
	}
	return true
}

// ansUnderWay returns words with "under way" (or "underway") and a
// "get" or "got" before it put as "began".
func ansUnderWay(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "underway":
			w = "began"
		case w == "under" && i+1 < len(words) && words[i+1] == "way":
			w = "began"
			i++
		case (w == "get" || w == "got" || w == "gets" || w == "getting") && i+1 < len(words) && (words[i+1] == "underway" || words[i+1] == "under"):
			continue
		}
		out = append(out, w)
	}
	return out
}

// ansWhenClause reports whether every "when" of words opens a clause
// after the question's own word rather than asking: "what raise did
// Kaiser offer when the strike started?", "how many were out when talks
// began?" (not "what happened, when did they go back?").
func ansWhenClause(words []string) bool {
	asked := false // a question word came first
	found := false
	for i, w := range words {
		switch w {
		case "what", "which", "how", "who", "whom", "where", "why":
			asked = true
		case "when":
			if !asked || i+1 < len(words) && ansAuxiliary[words[i+1]] {
				return false
			}
			found = true
		}
	}
	return found
}

// ansAuxiliary are the verbs a question opens on after its question
// word: "when did", "when is".
var ansAuxiliary = ansSet("did", "do", "does", "is", "are", "was", "were", "will", "has", "have", "had", "can", "could", "would", "should")

// asksWhen reports whether words ask for a day: "when", "what day",
// "which date".
func asksWhen(words []string) bool {
	for i, w := range words {
		switch w {
		case "when", "date", "weekday":
			return true
		case "what", "which":
			if i+1 < len(words) && (words[i+1] == "day" || words[i+1] == "date") {
				return true
			}
		}
	}
	return false
}

// asksWeekday reports whether words ask for a day of the week: "what
// weekday", "which day of the week".
func asksWeekday(words []string) bool {
	for i, w := range words {
		if w == "weekday" || w == "day" && i+3 < len(words) && words[i+1] == "of" && words[i+2] == "the" && words[i+3] == "week" {
			return true
		}
	}
	return false
}

// onlyStrikeWords reports whether words say nothing but that someone is
// on strike: "is there a strike?", "are they striking?", not "is there a
// strike fund?" or "why are they striking?".
func onlyStrikeWords(words []string) bool {
	for _, w := range words {
		switch {
		case kwStrike[w], kwPeople[w], kwStill[w]:
		case w == "is", w == "are", w == "there", w == "a", w == "an", w == "the", w == "on", w == "we",
			w == "now", w == "currently", w == "right", w == "today", w == "yet", w == "it", w == "kaiser":
		default:
			return false
		}
	}
	return true
}

// ansTimeWords place a question in time as a supporter recalls it ("my
// therapist was on strike last fall"): every strike's news has them.
var ansTimeWords = ansSet("fall", "autumn", "spring", "summer", "winter", "ago", "earlier", "recently", "season")

// ansGeneric are the stems of the words questions use for every strike
// (kinds of question, labor words): they never tell that a question is
// about other news.
var ansGeneric = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []ansWordSet{kwStart, kwEnd, kwReturn, kwStill, kwStrike, kwPeople, kwLastVerb, kwPeriod, kwWin,
		kwDeal, kwWhatt, kwOffer, kwPay, kwDemand, kwEvent, kwNext, kwUnion, kwBoss, kwStatus, kwHelp, kwReach, ansTimeWords,
		ansNumberWords} {
		for w := range set {
			m[stemWord(w)] = true
		}
	}
	for _, g := range ansSynonyms {
		for _, w := range g.words {
			m[stemWord(w)] = true
		}
		for _, w := range g.synonyms {
			m[stemWord(w)] = true
		}
	}
	return m
}()
