package coverage

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// The first sentence of an answer to a factual question states the
// campaign's status facts (see Synthesize): the value of the field asked
// for, cited by the articles it came from. Its parts are built here.

const (
	// ansLeadCites bounds the sources cited for one part of the status
	// sentence.
	ansLeadCites = 3
	// ansMaxSupport bounds the news sentences after a status sentence.
	ansMaxSupport = 2
	// ansMaxRestate bounds the news sentences that repeat the status
	// sentence's value: the value is stated at most twice in all.
	ansMaxRestate = 1
)

// ansLead is the status sentence of an answer: clauses joined by "; ".
type ansLead struct {
	parts []ansLeadPart
	// dates and numbers are the values the sentence states: a news
	// sentence that states one of them repeats it.
	dates   map[string]bool // YYYY-MM-DD
	numbers map[string]bool // digits, no commas
	// strictDates: a news sentence giving another day is about another
	// event and is left out; strictNumbers the same for numbers.
	strictDates, strictNumbers bool
	// wantsTerms: the status knows of an agreement but not its terms,
	// which the agreement's articles may give.
	wantsTerms bool
	// mustRepeat: only a news sentence that repeats a value (date, number
	// or name) may follow, as its source's own words; at most one does.
	mustRepeat bool
	// newest: the sentences that follow are the leads of the newest
	// articles, which tell where things stand.
	newest bool
	// alone: nothing follows; the sources' sentences would only repeat
	// a name.
	alone bool
	// tail ends the sentence after the sources of its clauses, citing
	// nothing itself: the questions "help" offers.
	tail string
	// yes: the sentence answers "did they win?" with yes and how it
	// ended; what was won follows from the news.
	yes bool
}

// ansLeadPart is a clause and its sources.
type ansLeadPart struct {
	text    string
	sources []ansSrc
}

// ansSrc is a source of a status value: an article or a captains' pin.
type ansSrc struct {
	src   strike.FieldSource
	field strike.StatusField
	pin   bool
}

// statusLead returns the status sentence answering q, or nil when the
// status does not answer it.
func statusLead(q *ansQuestion, st *strike.Status) *ansLead {
	l := &ansLead{dates: map[string]bool{}, numbers: map[string]bool{}}
	rank := statusPhaseRank(statusPhase(st.Phase))
	over := statusOver(st)
	threatened := rank == statusPhaseRank(strike.PhaseThreatened)
	ongoing := !over && rank > statusPhaseRank(strike.PhaseThreatened)
	started, ended := ansDay(st.Started), ansDay(st.Ended)
	if asksWeekday(q.words) {
		// "What weekday did it start?": "Monday 21 October 2024".
		started, ended = ansWeekday(st.Started), ansWeekday(st.Ended)
	}
	employer := st.Employer
	if employer == "" {
		employer = "the employer"
	}
	sources := func(n int, fields ...strike.StatusField) []ansSrc {
		var out []ansSrc
		for k, f := range fields {
			limit := n
			if k > 0 {
				limit = len(out) + 1 // secondary fields add one source
			}
			if p, ok := st.Pinned[f]; ok && !ansHasPin(out, f) && len(out) < limit {
				out = append(out, ansSrc{src: strike.FieldSource{Value: p.Value, Source: PinSource}, field: f, pin: true})
			}
			for _, s := range st.Sources[f] {
				if len(out) >= limit {
					break
				}
				if s.ArticleID != 0 && ansHasArticle(out, s.ArticleID) {
					continue
				}
				out = append(out, ansSrc{src: s, field: f})
			}
		}
		return out
	}
	add := func(text string, srcs []ansSrc) {
		if len(srcs) > 0 {
			l.parts = append(l.parts, ansLeadPart{text: text, sources: srcs})
		}
	}
	days := func(n int) string {
		if n == 1 {
			return "1 day"
		}
		return strconv.Itoa(n) + " days"
	}
	next := func() {
		if ev := st.NextEvent; ev != nil && ansDay(ev.Date) != "" && strings.TrimSpace(ev.What) != "" {
			add("next: "+strings.TrimSpace(ev.What)+" on "+ansDay(ev.Date), sources(1, strike.FieldNextEvent))
			l.dates[ev.Date] = true
		}
	}
	// overText says how the strike ended, for "is it over" and "what's
	// happening".
	overText := func(lead string) string {
		var b strings.Builder
		b.WriteString(lead)
		if ended != "" {
			b.WriteString(" on " + ended)
		}
		if st.DurationDays > 0 {
			b.WriteString(" after " + days(st.DurationDays))
		}
		switch statusPhase(st.Phase) {
		case strike.PhaseTentativeAgreement:
			b.WriteString(", with a tentative agreement")
		case strike.PhaseRatified:
			b.WriteString(", and members have ratified the new contract")
		}
		return b.String()
	}
	onText := func(lead string) string {
		s := lead
		if statusPhase(st.Phase) == strike.PhaseMediation {
			s += ", with talks in mediation"
		}
		if st.Day > 0 && started != "" {
			s += ", in its " + ansOrdinal(st.Day) + " day since " + started
		}
		return s
	}
	l.dates[st.Started] = started != ""
	l.dates[st.Ended] = ended != ""
	delete(l.dates, "")

	switch q.fact {
	case FactStarted:
		if started == "" {
			return nil
		}
		text := "The strike began on " + started
		if threatened {
			text = "The strike is set to begin on " + started
		}
		l.dates = map[string]bool{st.Started: true}
		l.strictDates, l.mustRepeat = true, true
		add(text, sources(ansLeadCites, strike.FieldStarted))
		l.conflict(st, strike.FieldStarted)

	case FactOver:
		l.newest = true
		switch {
		case over:
			// "Is it over?" is answered yes, "Are they still on strike?" no.
			yes := "Yes: "
			if q.stillOn {
				yes = "No: "
			}
			lead := yes + "the strike ended"
			if ended == "" {
				lead = yes + "the strike is over"
			}
			if ended != "" && asksWhen(q.words) {
				// "When did it end?" asks for no yes or no.
				lead = "The strike ended"
			}
			// ("Did they go back without a contract?" is answered by how
			// it ended, with no yes to mislead.)
			how := len(q.words) > 0 && q.words[0] == "how" || slices.Contains(q.words, "without")
			if how {
				// "How did the strike end?": with what, not whether.
				lead = "The strike ended"
			}
			text := overText(lead)
			if how && statusPhase(st.Phase) == strike.PhaseEnded {
				// (overText tells a tentative agreement and a ratified
				// contract not yet followed by the return.)
				text += ", with a contract the members ratified"
			}
			add(text, sources(2, strike.FieldPhase, strike.FieldEnded))
			if st.DurationDays > 0 {
				l.numbers[strconv.Itoa(st.DurationDays)] = true
			}
			if statusPhase(st.Phase) == strike.PhaseTentativeAgreement {
				next()
			}
		case ongoing:
			no := "No: "
			if q.stillOn {
				no = "Yes: "
			}
			if q.namesDeal() {
				no = "There is no agreement yet: "
			}
			add(onText(no+"the strike is still on"), sources(2, strike.FieldPhase, strike.FieldStarted))
		case threatened:
			text := "No strike has begun yet: the workers have voted or threatened to strike"
			if started != "" {
				text = "The strike has not begun yet: it is set to start on " + started
			}
			add(text, sources(2, strike.FieldPhase, strike.FieldStarted))
		}

	case FactDuration:
		switch {
		case over && st.DurationDays > 0:
			text := "The strike lasted " + days(st.DurationDays)
			if started != "" && ended != "" {
				text += ", from " + started + " to " + ended
			}
			l.numbers[strconv.Itoa(st.DurationDays)] = true
			l.strictNumbers, l.mustRepeat = true, true
			add(text, sources(2, strike.FieldEnded, strike.FieldStarted))
		case ongoing && st.Day > 0 && started != "":
			add("The strike is in its "+ansOrdinal(st.Day)+" day: it began on "+started, sources(2, strike.FieldStarted, strike.FieldPhase))
			l.dates = map[string]bool{st.Started: true}
			l.strictDates, l.mustRepeat = true, true
		}

	case FactWorkers:
		if st.Workers <= 0 {
			return nil
		}
		srcs := sources(ansLeadCites, strike.FieldWorkers)
		n := ansCount(st.Workers) + " workers"
		if ansApproximate(srcs) {
			n = "About " + n
		}
		verb := " are on strike"
		switch {
		case over:
			verb = " went on strike"
		case threatened:
			verb = " are set to strike"
		}
		l.numbers[strconv.Itoa(st.Workers)] = true
		l.strictNumbers, l.mustRepeat = true, true
		add(n+verb, srcs)
		l.conflict(st, strike.FieldWorkers)

	case FactStrikers:
		var fields []strike.StatusField
		text := "Workers"
		if st.Workers > 0 {
			text = ansCount(st.Workers) + " workers"
			fields = append(fields, strike.FieldWorkers)
			l.numbers[strconv.Itoa(st.Workers)] = true
		}
		if st.Employer != "" {
			text += " at " + st.Employer
			fields = append(fields, strike.FieldEmployer)
		}
		if st.Union != "" {
			text += ", represented by " + ansThe(st.Union) + ","
			fields = append(fields, strike.FieldUnion)
		}
		l.alone = true
		if len(fields) == 0 {
			return nil
		}
		switch {
		case over:
			text += " went on strike"
		case threatened:
			text += " are set to strike"
		default:
			text += " are on strike"
		}
		add(text, sources(1, fields...))

	case FactUnion:
		if st.Union == "" {
			return nil
		}
		add("The workers are represented by "+ansThe(st.Union), sources(ansLeadCites, strike.FieldUnion))
		l.alone = true

	case FactEmployer:
		if st.Employer == "" {
			return nil
		}
		text := "The workers are striking against " + st.Employer
		switch {
		case over:
			text = "The strike was against " + st.Employer
		case threatened:
			text = "The workers have threatened to strike against " + st.Employer
		}
		add(text, sources(ansLeadCites, strike.FieldEmployer))
		l.alone = true

	case FactOffer:
		if st.Offer == "" {
			return nil
		}
		for _, w := range NewTokenizer(TokenizerOptions{}).Words(st.Offer) {
			if isDigit(rune(w[0])) {
				l.numbers[strings.ReplaceAll(w, ",", "")] = true
			}
		}
		l.mustRepeat = len(l.numbers) > 0
		if over {
			add("Before the agreement, "+ansPossessive(employer)+" last reported offer was "+st.Offer, sources(ansLeadCites, strike.FieldOffer))
		} else {
			add(ansCapitalize(ansPossessive(employer))+" latest reported offer is "+st.Offer, sources(ansLeadCites, strike.FieldOffer))
		}

	case FactWon:
		switch {
		case over && q.yesNo:
			// As below, a strike ended past its agreement ended with a
			// contract the members ratified.
			yes := "Yes: the strike ended"
			for _, w := range q.words {
				if kwFail[w] {
					// "Did the strike fail?" is not answered yes: how it
					// ended answers it.
					yes = "The strike ended"
					break
				}
			}
			text := overText(yes)
			if ph := statusPhase(st.Phase); ph == strike.PhaseEnded {
				text += ", and members ratified a new contract"
			}
			add(text, sources(2, strike.FieldPhase, strike.FieldEnded))
			l.wantsTerms, l.newest, l.yes = true, true, true
		case over:
			text := "A tentative agreement ended the strike"
			if statusPhase(st.Phase) == strike.PhaseRatified || statusPhase(st.Phase) == strike.PhaseEnded {
				text = "Members ratified a new contract after the strike"
			}
			if ended != "" && !strings.HasSuffix(text, "after the strike") {
				text += " on " + ended
			}
			add(text+"; the coverage so far does not give its terms", sources(2, strike.FieldPhase, strike.FieldEnded))
			l.wantsTerms, l.newest = true, true
		case ongoing || threatened:
			add("There is no agreement yet: the strike is still on", sources(1, strike.FieldPhase))
			if threatened {
				l.parts[len(l.parts)-1].text = "There is no agreement yet"
			}
			if st.Offer != "" {
				add(ansPossessive(employer)+" latest reported offer is "+st.Offer, sources(2, strike.FieldOffer))
			}
		}

	case FactDemands:
		if len(st.Demands) == 0 {
			return nil
		}
		verb := "The union's demands: "
		if over {
			verb = "The union's demands were: "
		}
		add(verb+ansList(st.Demands), sources(ansLeadCites, strike.FieldDemands))

	case FactNext:
		if over && statusPhase(st.Phase) != strike.PhaseTentativeAgreement && !q.past() {
			// Talks, votes and rallies are behind: the strike is over.
			add(overText("Nothing more is scheduled: the strike ended"), sources(2, strike.FieldPhase, strike.FieldEnded))
			l.alone = true
			break
		}
		ev := st.NextEvent
		if ev == nil || ansDay(ev.Date) == "" || strings.TrimSpace(ev.What) == "" || q.past() || !q.namesEvent(ev.What) {
			return nil
		}
		l.dates = map[string]bool{ev.Date: true}
		l.strictDates, l.mustRepeat = true, true
		add(ansCapitalize(ansThe(strings.TrimSpace(ev.What)))+" is set for "+ansDay(ev.Date), sources(ansLeadCites, strike.FieldNextEvent))

	case FactHelp:
		// Where things stand, then what a supporter can ask now: the
		// questions that have answers at this point of the strike.
		l.alone = true
		switch {
		case over:
			add(overText("The strike ended"), sources(2, strike.FieldPhase, strike.FieldEnded))
			l.tail = "ask me when it began, how many went on strike, how long it lasted, what the contract won, who mediated or why they struck"
		case ongoing:
			add(onText("The strike is on"), sources(2, strike.FieldPhase, strike.FieldStarted))
			l.tail = "ask me when it began, how many are on strike, what the union wants, what " + employer + " has offered, whether it is over or what comes next"
		case threatened:
			text := "No strike has begun yet"
			if started != "" {
				text = "The strike is set to begin on " + started
			}
			add(text, sources(2, strike.FieldPhase, strike.FieldStarted))
			l.tail = "ask me when it starts, how many would strike, what the union wants, what " + employer + " has offered or what comes next"
		}

	case FactWhere:
		// "Where are the pickets?" once the strike is over: nowhere.
		// Where they were, and where they are while it is on, the news
		// tells (sentences naming places).
		if !over || q.past() || !q.namesPickets() {
			return nil
		}
		add(overText("There are no picket lines now: the strike ended"), sources(2, strike.FieldPhase, strike.FieldEnded))
		l.alone = true

	case FactPhase:
		l.newest = true
		switch {
		case over:
			add(overText("The strike is over: it ended"), sources(2, strike.FieldPhase, strike.FieldEnded))
			if statusPhase(st.Phase) == strike.PhaseTentativeAgreement {
				next()
			}
		case ongoing:
			add(onText("The strike is on"), sources(2, strike.FieldPhase, strike.FieldStarted))
		case threatened:
			text := "The workers have voted or threatened to strike"
			if started != "" {
				text += "; the strike is set to begin on " + started
			}
			add(text, sources(2, strike.FieldPhase, strike.FieldStarted))
			next()
		}
	}
	if len(l.parts) == 0 {
		return nil
	}
	return l
}

// join adds to l the status clauses of q's later clauses (q.also), each
// a fact of its own: "About 2,400 workers went on strike [1]; the
// workers are represented by …". The answer is then the status sentence
// alone: news that follows one fact would not follow the others.
func (l *ansLead) join(q *ansQuestion, st *strike.Status) {
	joined := false
	for _, k := range q.also {
		if k == FactWon || k == FactHelp {
			continue
		}
		o := *q
		o.fact, o.also = k, nil
		m := statusLead(&o, st)
		if m == nil || m.newest && k != FactOver || m.wantsTerms || m.tail != "" {
			continue
		}
		for _, p := range m.parts {
			p.text = ansLowerFirst(p.text)
			l.parts = append(l.parts, p)
		}
		joined = true
	}
	if joined {
		l.alone, l.newest = true, false
	}
}

// noYes drops the "Yes: " that opens the sentence, when it does.
func (l *ansLead) noYes() {
	if len(l.parts) > 0 {
		if rest, ok := strings.CutPrefix(l.parts[0].text, "Yes: "); ok {
			l.parts[0].text = ansCapitalize(rest)
		}
	}
}

// ansLowerFirst lower-cases a clause's first word when it is a common
// word that opens a status clause ("The", "About", "Yes"), not a name.
func ansLowerFirst(s string) string {
	first, rest, _ := strings.Cut(s, " ")
	switch strings.TrimSuffix(first, ":") {
	case "The", "About", "Yes", "No", "Members", "There", "Before", "A", "Nothing", "Workers":
		return strings.ToLower(first[:1]) + first[1:] + " " + rest
	}
	return s
}

// conflict adds a clause naming the best-backed other value of field,
// when the status lists one: "one report gives 14 October 2024".
func (l *ansLead) conflict(st *strike.Status, field strike.StatusField) {
	for _, c := range st.Conflicts[field] {
		v := strings.TrimSpace(c.Value)
		switch field {
		case strike.FieldStarted:
			if v = ansDay(v); v == ansDay(st.Started) {
				continue
			}
		case strike.FieldWorkers:
			n, ok := statusCount(v)
			if !ok || n == st.Workers {
				continue
			}
			v = ansCount(n)
		}
		if v == "" || c.ArticleID == 0 {
			continue
		}
		l.parts = append(l.parts, ansLeadPart{text: "one report gives " + v, sources: []ansSrc{{src: c, field: field}}})
		return
	}
}

// check reports whether a news sentence published at pub may follow the
// status sentence (it gives no other day or number where those are
// strict) and whether it repeats a value of the status sentence.
func (l *ansLead) check(text string, pub time.Time, toks []Token) (ok, repeats bool) {
	if len(l.dates) > 0 || l.strictDates {
		for _, m := range findDates(text) {
			d, day, ok := resolveDate(m.Text, pub, dirNearest)
			if !ok || !day {
				continue
			}
			if l.dates[d.Format(time.DateOnly)] {
				repeats = true
			} else if l.strictDates {
				return false, false
			}
		}
	}
	if len(l.numbers) > 0 || l.strictNumbers {
		other := false
		for _, t := range toks {
			w := t.Word
			if w == "" || !isDigit(rune(w[0])) || ansYear(w) {
				continue
			}
			w = strings.ReplaceAll(w, ",", "")
			if l.numbers[w] {
				repeats = true
			} else {
				other = true
			}
		}
		if other && l.strictNumbers && !repeats {
			return false, false
		}
	}
	return true, repeats
}

// namesDeal reports whether the question names an agreement ("when was
// the deal reached?").
func (q *ansQuestion) namesDeal() bool {
	return slices.ContainsFunc(q.words, func(w string) bool { return kwAccord[w] })
}

// past reports whether the question asks about the past ("when was the
// vote?").
func (q *ansQuestion) past() bool {
	for _, w := range q.words {
		switch w {
		case "was", "were", "did", "had", "happened", "held":
			return true
		}
	}
	return false
}

// namesPickets reports whether the question asks where the pickets,
// rallies or marches are, rather than where the strike is.
func (q *ansQuestion) namesPickets() bool {
	for _, w := range q.words {
		switch w {
		case "picket", "pickets", "picketing", "line", "lines", "rally", "rallies", "march", "marches", "protest", "protests":
			return true
		}
	}
	return false
}

// namesEvent reports whether an event described as what answers q: q
// names no kind of event ("what's next?"), or shares a word (or a
// synonym) with what.
func (q *ansQuestion) namesEvent(what string) bool {
	named := false
	for _, w := range q.words {
		if kwEvent[w] {
			named = true
			break
		}
	}
	if !named {
		return true
	}
	tok := NewTokenizer(TokenizerOptions{Stem: true})
	stems := tok.Words(what)
	for _, t := range q.terms {
		if t.group != ansCueGroup && ansHas(stems, t.stem) && t.stem != "next" && t.stem != "strike" {
			return true
		}
	}
	return false
}

func ansHasPin(srcs []ansSrc, f strike.StatusField) bool {
	for _, s := range srcs {
		if s.pin && s.field == f {
			return true
		}
	}
	return false
}

func ansHasArticle(srcs []ansSrc, id int64) bool {
	for _, s := range srcs {
		if s.src.ArticleID == id {
			return true
		}
	}
	return false
}

// ansApproximate reports whether a source calls its number approximate.
func ansApproximate(srcs []ansSrc) bool {
	for _, s := range srcs {
		l := strings.ToLower(s.src.Sentence)
		for _, w := range []string{"about ", "roughly ", "nearly ", "approximately ", "around ", "some ", "more than ", "almost ", "estimated "} {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}

// statusOver reports whether the status tells the strike over: an
// agreement or later, or an end date.
func statusOver(st *strike.Status) bool {
	return statusPhaseRank(statusPhase(st.Phase)) >= statusPhaseRank(strike.PhaseTentativeAgreement) || st.Ended != ""
}

// ansDay writes a YYYY-MM-DD date as "21 October 2024"; "" if invalid.
func ansDay(v string) string {
	d, ok := statusDay(v)
	if !ok {
		return ""
	}
	return d.Format("2 January 2006")
}

// ansWeekday is ansDay with the day of the week first: "Monday 21
// October 2024".
func ansWeekday(v string) string {
	d, ok := statusDay(v)
	if !ok {
		return ""
	}
	return d.Format("Monday 2 January 2006")
}

// ansCount writes n with thousands separators: 2400 is "2,400".
func ansCount(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// ansOrdinal writes n as "1st", "2nd", "196th".
func ansOrdinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return ansCount(n) + suffix
}

// ansList joins items as "a, b and c".
func ansList(items []string) string {
	var clean []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			clean = append(clean, it)
		}
	}
	switch len(clean) {
	case 0:
		return ""
	case 1:
		return clean[0]
	}
	return strings.Join(clean[:len(clean)-1], ", ") + " and " + clean[len(clean)-1]
}

// ansThe puts "the" before a name that needs it: "the National Union of
// Healthcare Workers", "the ratification vote", but "NUHW" and "Kaiser
// Permanente" as they are.
func ansThe(name string) string {
	name = strings.TrimSpace(name)
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "the ") || statusAcronym(name) != "" {
		return name
	}
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsLower(r) {
		return "the " + name
	}
	// Names of organisations of the form "X Union of …", "Union of …",
	// "… Association", "… Federation" take "the".
	for _, w := range []string{"union", "association", "federation", "alliance", "coalition", "council", "guild", "brotherhood", "league", "committee", "confederation"} {
		if strings.Contains(" "+lower+" ", " "+w+" ") {
			return "the " + name
		}
	}
	return name
}

// ansPossessive writes the possessive of a name: "Kaiser Permanente's".
func ansPossessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// ansCapitalize capitalizes the first letter of s.
func ansCapitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
