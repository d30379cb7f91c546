package coverage

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// FactsOptions configure NewExtractor. The zero value recognises no union
// or employer by name and uses DefaultDemands.
type FactsOptions struct {
	// Unions and Employers are the canonical names to recognise, such as
	// "National Union of Healthcare Workers" and "Kaiser Permanente".
	// A name is matched case-sensitively on word boundaries. Each name's
	// acronym ("NUHW", "KP") is recognised as that name too, and so is an
	// employer name's first word when it has four letters or more
	// ("Kaiser"). A recognised name joined by a slash to another
	// upper-case word ("UNAC/UHCP") is reported whole.
	Unions, Employers []string
	// Aliases maps further spellings to canonical names ("National Union
	// of Health Care Workers" to "National Union of Healthcare Workers").
	// The canonical names need not be listed in Unions or Employers again;
	// an alias whose canonical name is in neither list is ignored.
	Aliases map[string]string
	// Demands name the demands to recognise; nil means DefaultDemands.
	Demands []DemandRule
	// Exclude are look-alike phrases ("Kaiser Aluminum") whose words are
	// never a union's or employer's name; matched case-insensitively.
	Exclude []string
	// Location is the campaign's time zone (strike.Campaign.Location):
	// an article's "today" is the calendar day its publication time falls
	// on there. Nil means UTC.
	Location *time.Location
	// Since is the first day of the campaign's period (strike.Scope's
	// Start); zero means none. A sentence dating what it tells before it,
	// and a year or more before publication ("In October 2023, about
	// 75,000 … walked out", told in 2025), is about an earlier strike.
	Since time.Time
}

// DemandRule recognises one demand of a union. A sentence states the
// demand when it matches at least one pattern of every group in All.
// Patterns are regular expressions matched against the lower-cased
// sentence.
type DemandRule struct {
	// Name is the demand as Facts report it: a short normalised phrase.
	Name string
	// All are the groups of alternative patterns.
	All [][]string
}

// DefaultDemands are the demands of health care strikes that the
// extractor knows without configuration.
var DefaultDemands = []DemandRule{
	{Name: "restore pensions", All: [][]string{
		{`\bpensions?\b`},
		{`\brestor`, `\bbring back\b`, `\bbrought back\b`, `\blost\b`, `\bloss of\b`, `\btaken\b`, `\bshut out\b`, `\breinstat`},
	}},
	{Name: "pay parity with non-mental-health staff", All: [][]string{
		{`\bpay\b`, `\bpaid\b`, `\bearn`, `\bwages?\b`, `\bsalar`},
		{`\bparity\b`, `\bgap\b`, `\blags?\b`, `\bless than\b`, `\bin line with\b`, `\bmatch(es)?\b`, `\bcloser to\b`, `\bon par\b`, `\bequal\b`},
		{`\bother\b`, `\bnon-mental-health\b`},
	}},
	{Name: "more time for patient-care duties", All: [][]string{
		{`\btime\b`, `\bhours\b`},
		{`\bpatient[- ]care\b`, `\bduties\b`, `\btreatment plan`, `\bpaperwork\b`, `\bpatient messages\b`, `\btasks\b`, `\bbetween sessions\b`},
	}},
}

// Extractor reads strike facts from articles: the phase, the number of
// workers, the union and the employer, when the strike started and how long
// it has lasted, the employer's offer, the union's demands and dated events.
// Each fact found carries the sentence it came from in Facts.Evidence.
//
// The rules follow how news is written: a phase counts only when the
// article reports it as having happened ("went on strike Monday", "reached
// a tentative agreement"), a strike that "could" or "will" happen is only
// threatened, and the title and first paragraph, which say what the story
// is about, decide the phase before the rest of the text is read. Relative
// dates are resolved against the article's publication date.
//
// Make one with NewExtractor; the zero value recognises no names and no
// demands but finds the other facts. An Extractor is safe for concurrent
// use.
type Extractor struct {
	unions, employers []nameForm
	// acronyms holds the lower-cased acronyms ("unac") of the unions the
	// options name so, to know them spelled out; acronymPrefixes holds
	// every prefix of them.
	acronyms, acronymPrefixes map[string]bool
	// ours is the campaign's union, the first of FactsOptions.Unions.
	ours    string
	exclude []string // lower-cased
	since   time.Time
	demands []demandMatcher
	loc     *time.Location // nil: UTC
}

// nameForm is one spelling of a name and the canonical name it stands for.
type nameForm struct {
	form, canon string
}

type demandMatcher struct {
	name   string
	groups [][]*regexp.Regexp
	hints  [][]string // per group, per pattern: a literal it needs, or ""
}

// literalHint returns a literal that every match of the pattern holds: its
// leading run of plain characters after any \b, or "" when it has none
// of three bytes or more.
func literalHint(p string) string {
	p = strings.TrimPrefix(p, `\b`)
	i := 0
	for i < len(p) && !strings.ContainsRune(`\[](){}?*+|.^$`, rune(p[i])) {
		i++
	}
	lit := p[:i]
	if i < len(p) && strings.ContainsRune("?*{", rune(p[i])) && lit != "" {
		lit = lit[:len(lit)-1] // the last character is optional
	}
	if len(lit) < 3 {
		return ""
	}
	return lit
}

// NewExtractor returns an Extractor for the given names and demands. It
// panics if a demand pattern is not a valid regular expression.
func NewExtractor(o FactsOptions) *Extractor {
	x := &Extractor{
		unions:    nameForms(o.Unions, o.Aliases, false),
		ours:      first(o.Unions),
		employers: nameForms(o.Employers, o.Aliases, true),
		loc:       o.Location,
		since:     o.Since,
	}
	for _, e := range o.Exclude {
		if e = strings.TrimSpace(e); e != "" {
			x.exclude = append(x.exclude, lowerSameLen(e))
		}
	}
	for _, f := range x.unions {
		if isAcronym(f.form) && len(f.form) >= 3 && !strings.ContainsAny(f.form, "/-") {
			if x.acronyms == nil {
				x.acronyms = map[string]bool{}
			}
			x.acronyms[strings.ToLower(f.form)] = true
		}
	}
	if len(x.acronyms) > 0 {
		x.acronymPrefixes = map[string]bool{}
		for k := range x.acronyms {
			for n := 1; n <= len(k); n++ {
				x.acronymPrefixes[k[:n]] = true
			}
		}
	}
	rules := o.Demands
	if rules == nil {
		rules = DefaultDemands
	}
	for _, r := range rules {
		m := demandMatcher{name: r.Name}
		for _, g := range r.All {
			var res []*regexp.Regexp
			var hs []string
			for _, p := range g {
				res = append(res, regexp.MustCompile(p))
				hs = append(hs, literalHint(p))
			}
			m.groups = append(m.groups, res)
			m.hints = append(m.hints, hs)
		}
		x.demands = append(x.demands, m)
	}
	return x
}

// FactsOptionsFromProfile derives FactsOptions from a campaign's relevance
// profile. The union terms with a positive weight name the campaign's
// union: the first of several words is its canonical name and the others
// are its aliases. Each union term with a negative weight is another union,
// its own canonical name, and UnionAliases name further spellings of
// either. Employer terms are treated like the campaign's
// union terms. The profile's exclusions become Exclude, and the start of
// its campaign's period Since (a malformed one, which the Scorer reports,
// is left out).
func FactsOptionsFromProfile(p strike.Profile) FactsOptions {
	o := FactsOptions{Aliases: map[string]string{}}
	if t, err := time.Parse(time.DateOnly, strings.TrimSpace(p.Campaign.Start)); err == nil {
		o.Since = t
	}
	for _, t := range p.Exclude {
		o.Exclude = append(o.Exclude, t.Text)
	}
	group := func(terms []strike.Term) (canon string, aliases []string) {
		for _, t := range terms {
			if t.Weight <= 0 {
				continue
			}
			if canon == "" && strings.Contains(strings.TrimSpace(t.Text), " ") {
				canon = t.Text
			}
		}
		for _, t := range terms {
			if t.Weight > 0 && canon == "" {
				canon = t.Text
			}
			if t.Weight > 0 && t.Text != canon {
				aliases = append(aliases, t.Text)
			}
		}
		return canon, aliases
	}
	if c, al := group(p.Union); c != "" {
		o.Unions = append(o.Unions, c)
		for _, a := range al {
			o.Aliases[a] = c
		}
	}
	spelling := func(text string) bool {
		return slices.ContainsFunc(p.UnionAliases, func(a strike.UnionAlias) bool { return strings.TrimSpace(a.Spelling) == strings.TrimSpace(text) })
	}
	for _, t := range p.Union {
		if t.Weight < 0 && !spelling(t.Text) {
			o.Unions = append(o.Unions, t.Text)
		}
	}
	for _, a := range p.UnionAliases {
		name := a.Union
		if c, ok := o.Aliases[name]; ok {
			name = c // an alias of the campaign's union's canonical name
		}
		o.Aliases[strings.TrimSpace(a.Spelling)] = name
	}
	if c, al := group(p.Employer); c != "" {
		o.Employers = append(o.Employers, c)
		for _, a := range al {
			o.Aliases[a] = c
		}
	}
	return o
}

// nameForms lists the spellings of names, longest first.
func nameForms(names []string, aliases map[string]string, employer bool) []nameForm {
	seen := map[string]bool{}
	var out []nameForm
	add := func(form, canon string) {
		form = strings.TrimSpace(form)
		if form == "" || seen[form] {
			return
		}
		seen[form] = true
		out = append(out, nameForm{form: form, canon: canon})
	}
	canon := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		canon[n] = true
		add(n, n)
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		words := strings.Fields(n)
		if len(words) < 2 {
			continue
		}
		if a := acronym(words); len(a) >= 2 {
			add(a, n)
		}
		if employer && utf8.RuneCountInString(words[0]) >= 4 {
			add(words[0], n)
		}
	}
	keys := make([]string, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, a := range keys {
		if c := aliases[a]; canon[c] {
			add(a, c)
		}
	}
	slices.SortStableFunc(out, func(a, b nameForm) int { return cmp.Compare(len(b.form), len(a.form)) })
	return out
}

// acronym returns the initials of the capitalised words ("National Union
// of Healthcare Workers" gives "NUHW").
func acronym(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unionKeyOf returns a union's name as its initials, part by part around
// "/": "United Nurses Associations of California/Union of Health Care
// Professionals" and "UNAC/UHCP" both give "UNAC/UHCP".
func unionKeyOf(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		if w := strings.Fields(p); len(w) != 1 || !isAcronym(w[0]) {
			parts[i] = acronym(w)
		}
	}
	return strings.Join(parts, "/")
}

// factSentence is a sentence of an article: the title or one of the text's.
type factSentence struct {
	text  string // as written
	lower string // lower-cased, same byte offsets as text
	lead  bool   // in the title or the first paragraph
	title bool   // the title
	para  int    // the paragraph of the text it is in, from 1; 0 for the title
	// item is the index of the sentence that opens the numbered list item
	// it is in ("3. PORTS. Dockworkers …"), -1 outside a numbered list.
	item  int
	dates []dateMention
	// shout is set when the sentence is written all in capitals (a TV
	// script, a wire slug): its capitals tell no names apart.
	shout bool
	// early is set when the sentence dates what it tells before the
	// campaign's period and a year or more before publication.
	early bool
	// itStrike is set when the sentence opens with an "It" that is the
	// strike the sentence before it told ("… began the longest strike of
	// their careers. It ended in May."): its phase is read of the strike.
	itStrike bool
	// memo keeps what is read of the sentence more than once; nil reads
	// it each time.
	memo *sentenceMemo
}

// sentenceMemo is what phaseDetail read of a sentence.
type sentenceMemo struct {
	done        bool
	phase       string
	phaseIsBack bool
}

// phaseDetail is sentencePhaseDetail of the sentence, read once: the
// phase rules ask it of the same lead sentences several times.
func (s factSentence) phaseDetail() (string, bool) {
	text := s.lower
	if s.itStrike {
		text = "the strike" + text[len("it"):]
	}
	m := s.memo
	if m == nil {
		return sentencePhaseDetail(text)
	}
	if !m.done {
		m.phase, m.phaseIsBack = sentencePhaseDetail(text)
		m.done = true
	}
	return m.phase, m.phaseIsBack
}

// phase is sentencePhase of the sentence, read once.
func (s factSentence) phase() string {
	p, _ := s.phaseDetail()
	return p
}

// shouting reports whether s is written all in capitals: a dozen letters
// or more and none of them lower-case.
func shouting(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 12
}

// numberedItemRE finds the number that opens an item of a numbered list.
var numberedItemRE = regexp.MustCompile(`^(?:\d{1,2}[.)]|\(\d{1,2}\))\s`)

// leadSentences is how many sentences of the first paragraph count as
// the lead, for texts with no paragraph breaks.
const leadSentences = 3

// sentenceDates finds a sentence's dates; in a sentence in capitals
// ("BEGIN FIVE-DAY STRIKE TUESDAY"), as if each word were capitalised,
// the way dates are written.
func sentenceDates(text string) []dateMention {
	if !shouting(text) {
		return findDates(text)
	}
	b := []byte(lowerSameLen(text))
	for i := range b {
		if 'a' <= b[i] && b[i] <= 'z' && (i == 0 || !isASCIILetter(b[i-1]) && b[i-1] != '\'') {
			b[i] -= 'a' - 'A'
		}
	}
	// (A month alone is a verb as often: "STRIKERS MARCH TO CITY HALL",
	// "WE MAY STRIKE".)
	ds := findDates(string(b))
	return slices.DeleteFunc(ds, func(m dateMention) bool {
		return !strings.ContainsAny(m.Text, "0123456789") && !strings.Contains(m.Text, "day")
	})
}

func articleSentences(a *strike.Article) []factSentence {
	var out []factSentence
	if t := wireTagRE.ReplaceAllString(strings.TrimSpace(a.Title), ""); t != "" {
		out = append(out, factSentence{text: t, lower: factLower(t), lead: true, title: true, item: -1, dates: sentenceDates(t), shout: shouting(t), memo: new(sentenceMemo)})
	}
	// The lead is the first paragraph of the article's own words, past any
	// byline or date line the page put first.
	start := leadStart(a.Text)
	firstPara := len(a.Text)
	for i := start; i+1 < len(a.Text); i++ {
		if a.Text[i] == '\n' && sentBlankLine(a.Text, i) && strings.TrimSpace(a.Text[start:i]) != "" {
			firstPara = i
			break
		}
	}
	n, para, last, item := 0, 1, 0, -1
	updatePara := 0 // the paragraph of an update appended below the story
	tail := false   // past the opening of a release's boilerplate
	for _, s := range Sentences(a.Text) {
		newPara := strings.Contains(a.Text[last:s.Start], "\n") && sentBlankLineIn(a.Text[last:s.Start])
		if newPara && s.Start >= firstPara && releaseTailAt(a.Text[s.Start:]) {
			// "About NUHW", "Media Contact:", "###": what follows is the
			// release's boilerplate (the union's whole membership, the
			// health plan's members), not its news.
			tail = true
		}
		if tail {
			last = s.End
			continue
		}
		if newPara {
			para++
			if s.Start >= firstPara && updateLineRE.MatchString(s.Text) {
				// "UPDATE, 11:55 p.m.: The union and Kaiser said late
				// Sunday that they had reached a tentative agreement": the
				// newest news, read as a lead is.
				updatePara = para
			}
		}
		lead := s.Start >= start && s.Start < firstPara && n < leadSentences
		if lead {
			if n == 0 {
				// A wire copy's "LOS ANGELES (AP) — " is no part of what
				// the lead says: rules read from a sentence's start.
				s.Text = trimDateline(trimDateline(s.Text)) // a copy's, then the original's
			}
			n++
		}
		if para == updatePara {
			lead = true
			s.Text = updateLineRE.ReplaceAllString(s.Text, "")
		}
		if numberedItemRE.MatchString(s.Text) {
			item = len(out)
		}
		last = s.End
		if boilerplateSentence(s.Text) {
			continue // "The post … appeared first on …"
		}
		fs := factSentence{text: s.Text, lower: factLower(s.Text), lead: lead, para: para, item: item, dates: sentenceDates(s.Text),
			shout: shouting(s.Text), memo: new(sentenceMemo)}
		if k := len(out) - 1; !newPara && k >= 0 && !out[k].title && itEndedRE.MatchString(fs.text) {
			// "It ended in May." after a sentence that tells a strike
			// (and no session or talks it might be): the strike ended.
			// Not a strike in a prepositional phrase ("met Monday for the
			// first sit-down in weeks in the strike"): the "it" is the
			// sentence's subject or object.
			prev := out[k].lower
			fs.itStrike = hasAny(prev, "strike|walkout") && !strikeInPhraseRE.MatchString(prev) &&
				!hasAny(prev, "session|meeting|talks|mediat|hearing|vote|rally")
		}
		out = append(out, fs)
	}
	return out
}

// strikeInPhraseRE finds a strike told in a prepositional phrase.
var strikeInPhraseRE = regexp.MustCompile(`\b(?:in|during|of|amid|over|on|about|into|through|since|before|after) (?:the|a|an|their|its|this) (?:[\w'’-]+ ){0,3}?(?:strike|walkout)\b`)

// itEndedRE finds a sentence that opens by telling the end or the whole
// length of an "it": "It ended in May.", "It lasted 196 days".
var itEndedRE = regexp.MustCompile(`^It (?:ended|was over|is over|lasted (?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months))\b`)

// releaseTailRE finds the first line of a press release's boilerplate:
// "About NUHW", "About Kaiser Permanente: Kaiser Permanente is …",
// "Media Contact:", "SOURCE …", "###".
var releaseTailRE = regexp.MustCompile(`^(?:About (?:the )?[A-Z][\w&./'’ -]{1,60}?(?::|\s*\n)|Media [Cc]ontacts?:|Press [Cc]ontacts?:|Contact:|SOURCE [A-Z]|#{3}\s*$|Forward-[Ll]ooking [Ss]tatements)`)

// releaseTailAt reports whether the paragraph text opens a release's
// boilerplate (see releaseTailRE).
func releaseTailAt(text string) bool {
	if len(text) > 120 {
		text = text[:120]
	}
	return releaseTailRE.MatchString(text)
}

// updateLineRE finds the opening of an update appended to a story:
// "UPDATE, 11:55 p.m.: ", "Update: ", "UPDATED 7 p.m. Monday: ".
var updateLineRE = regexp.MustCompile(`^(?i:updated?(?:[\s,]+(?:\d{1,2}(?::\d\d)?(?:\s*[ap]\.?m\.?)?|[a-z]+day|on|at))*\s*:)\s*`)

// wireTagRE finds a wire service's tag before a headline: "UPDATE 2-",
// "BREAKING: ", "CORRECTED-".
var wireTagRE = regexp.MustCompile(`^(?i:update[d]?(?: \d+)?|corrected|refile|breaking(?: news)?|exclusive|wrapup(?: \d+)?|urgent)\s*[-:–—|]\s*`)

// sentBlankLineIn reports whether the space between two sentences holds a
// blank line.
func sentBlankLineIn(gap string) bool {
	for i := range len(gap) {
		if gap[i] == '\n' && sentBlankLine(gap, i) {
			return true
		}
	}
	return false
}

// lowerSameLen lower-cases s rune by rune where that keeps the byte
// length, so offsets in the result are offsets in s.
func lowerSameLen(s string) string {
	if asciiOnly(s) {
		return strings.ToLower(s) // the same, in one pass
	}
	return lowerSameLenRunes(s)
}

// factLower is lowerSameLen of a sentence the fact rules read, with the
// British and Irish press's "walk-out" written "walk out" (the same
// length), as the rules know it.
func factLower(s string) string {
	l := lowerSameLen(s)
	if strings.Contains(l, "walk-out") {
		l = strings.ReplaceAll(l, "walk-out", "walk out")
	}
	return l
}

// lowerSameLenRunes is lowerSameLen for any text, rune by rune.
func lowerSameLenRunes(s string) string {
	return strings.Map(func(r rune) rune {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			return r
		}
		return l
	}, s)
}

// Extract reads the facts stated in the article's title and text. Dates
// are resolved against a.Published and reported as YYYY-MM-DD. Evidence
// holds, for each fact found, the sentence it came from, keyed by the
// fact's JSON name. A nil article gives zero Facts.
func (x *Extractor) Extract(a *strike.Article) strike.Facts {
	var f strike.Facts
	if a == nil {
		return f
	}
	ss := articleSentences(a)
	if len(ss) == 0 {
		return f
	}
	pub := a.Published
	if pub.IsZero() {
		pub = a.FirstSeen
	}
	pub = inZone(pub, x.loc) // its days are the campaign's
	ev := map[string]string{}
	// An undated page's present is unknown (pub is when it was found): a
	// year it names is history only when it names a later one too ("In
	// 2024, some 2,400 … walked off the job", read in 2026, is the news).
	histPub, toCome := pub, true
	if a.PublishedEstimated {
		histPub, toCome = time.Time{}, false
		if y := latestYear(ss); y > 0 {
			histPub = time.Date(y, 12, 31, 0, 0, 0, 0, pub.Location())
		}
	} else {
		x.markEarly(ss, pub)
	}

	src, srcAt, srcOK := x.sourceUnion(a.Source, ss)
	named := func(i int) bool {
		return len(x.findNames(ss[i], x.employers)) > 0 || len(x.unionNames(ss[i])) > 0
	}
	if srcOK {
		named = nil // a union's own post is all about its dispute, named or not
	}
	phase, i := detectPhase(ss, histPub, toCome, named)
	if phase == "" {
		// A hunger strike is a strike's action: a report of one that tells
		// no phase of its own tells the strike going on ("eight
		// clinicians on the second day of a hunger strike").
		for j, s := range ss {
			if s.lead && strings.Contains(s.lower, "hunger strik") {
				phase, i = strike.PhaseStrike, j
				break
			}
		}
	}
	if phase != "" {
		f.Phase = phase
		ev["phase"] = ss[i].text
	}
	// The options' unions each sentence names, for the union and for
	// whose strikers its counts are.
	unionHits := make([][]nameHit, len(ss))
	for i := range ss {
		unionHits[i] = x.unionNames(ss[i])
	}
	u, ui, uok, strong := x.findUnion(ss, unionHits)
	switch {
	case uok && srcOK && u != src && !strong:
		// A union's own post thanks the unions that stood with it
		// ("SEIU-UHW members collected grocery cards"): unless the text
		// names another as the strikers', it is about the poster's own.
		f.Union = src
		ev["union"] = ss[srcAt].text
	case uok:
		f.Union = u
		ev["union"] = ss[ui].text
	case srcOK:
		f.Union = src
		ev["union"] = ss[srcAt].text
	}
	// A union's post on another union's strike: what it says in its own
	// voice ("our 196-day strike") is the poster's strike, not the news.
	if srcOK && f.Union != "" && f.Union != src && phase != "" && posterVoice(ss[i], unionHits[i], f.Union) {
		keep := make([]factSentence, 0, len(ss))
		for j, s := range ss {
			if !posterVoice(s, unionHits[j], f.Union) {
				keep = append(keep, s)
			}
		}
		phase, f.Phase = "", ""
		delete(ev, "phase")
		if p, k := detectPhase(keep, histPub, toCome, nil); p != "" {
			phase, f.Phase, ev["phase"] = p, p, keep[k].text
		}
	}
	// A count or a length told of another union's strikers is theirs:
	// "about 31,000 nurses and professionals with UNAC/UHCP struck for
	// five days" in a piece on the campaign's union's strike.
	own := x.ownSentences(ss, unionHits, f.Union)
	if n, i, ok := x.employerWorkers(own, histPub); ok {
		f.Workers = n
		ev["workers"] = own[i].text
	} else if (f.Phase == strike.PhaseEnded || f.Phase == strike.PhaseRatified || f.Phase == strike.PhaseTentativeAgreement) && !histPub.IsZero() {
		// A look back at a strike over tells its count in the past ("In
		// October 2024, some 2,400 clinicians walked out"): with no count
		// of the present, that one is the strike's, unless it is dated
		// before the campaign ("In October 2023, 75,000 …").
		then := slices.DeleteFunc(slices.Clone(own), func(s factSentence) bool { return s.early })
		if n, i, ok := x.employerWorkers(then, time.Time{}); ok {
			f.Workers = n
			ev["workers"] = then[i].text
		}
	}
	if f.Workers == 0 && !histPub.IsZero() {
		// A lead that tells an earlier strike ("When about 2,000 …
		// ended their strike in October 2022, …") may set the scene for
		// the campaign's; when nothing after it counts strikers, it is
		// the article's own news and its count is the article's.
		var lead []factSentence
		for _, s := range own {
			if s.lead && s.early {
				s.early = false
				lead = append(lead, s)
			}
		}
		if n, i, ok := x.employerWorkers(lead, histPub); ok {
			f.Workers = n
			ev["workers"] = lead[i].text
		}
	}
	// With no phase told, no one is on strike or called to it: "the
	// contract covering about 2,400 clinicians expired", "bargaining
	// opens for 2,400" count a unit, not strikers. A count whose own
	// sentence tells a walkout (an anniversary's "about 2,000 …
	// walked out") still is one.
	if f.Workers != 0 && f.Phase == "" && !tellsStrike(factLower(ev["workers"])) {
		f.Workers = 0
		delete(ev, "workers")
	}
	if e, i, ok := x.firstName(ss, x.employers); ok {
		f.Employer = e
		ev["employer"] = ss[i].text
	}
	earliest, latest, at := findAge(ss, pub, phase)
	if a.PublishedEstimated {
		// Undated: "five weeks into the strike" counts from a day unknown.
		earliest, latest, at = time.Time{}, time.Time{}, -1
	}
	if at >= 0 {
		if !earliest.IsZero() {
			f.StartedEarliest = earliest.Format(time.DateOnly)
			ev["started_earliest"] = ss[at].text
		}
		f.StartedLatest = latest.Format(time.DateOnly)
		ev["started_latest"] = ss[at].text
	}
	// Undated, only a date written with its year is known: "since Oct.
	// 21" on a page found in 2026 need not be 2026's.
	if d, i, ok := findStarted(ss, pub, phase, earliest, latest); ok && (!a.PublishedEstimated || yearRE.MatchString(ss[i].text)) {
		f.Started = d.Format(time.DateOnly)
		ev["started"] = ss[i].text
	}
	if n, i, ok := findDuration(own); ok {
		f.DurationDays = n
		ev["duration_days"] = own[i].text
	}
	if o, i, ok := findOffer(ss); ok {
		f.Offer = o
		ev["offer"] = ss[i].text
	}
	if ds, i := x.findDemands(ss); len(ds) > 0 {
		f.Demands = ds
		ev["demands"] = ss[i].text
	}
	if es, i := findEvents(ss, pub, phase); len(es) > 0 {
		f.Events = es
		ev["events"] = ss[i].text
	}
	if len(ev) > 0 {
		f.Evidence = ev
	}
	return f
}

// factsPhaseRank orders the phases; 0 is none.
func factsPhaseRank(p string) int {
	switch p {
	case strike.PhaseThreatened:
		return 1
	case strike.PhaseStrike:
		return 2
	case strike.PhaseMediation:
		return 3
	case strike.PhaseTentativeAgreement:
		return 4
	case strike.PhaseRatified:
		return 5
	case strike.PhaseEnded:
		return 6
	}
	return 0
}

// backToWork and endTheStrike are the hints of the signals of workers
// back at work and of something ending the strike.
const (
	backToWork   = "work|back"
	backToOffice = "back|return"
	backToWorkES = "regresaron|regresan|volvieron|vuelven"
	endTheStrike = "end|call"
	// backFrom is the hint of the signal of the strikers back from the
	// strike: "returned from a six-and-a-half-month strike".
	backFrom = "from"
	// backUnder is the hint of the signal of the strikers back under
	// their contract: all of them, whatever share a clause before names.
	backUnder = "back"
	// lengthStrike is the hint of the signal of a strike named with its
	// length: "a five-day walkout", "the months-long strike".
	lengthStrike = "-day|-week|-month|-long"
	// toldWhole is the hint of the signal of a strike told with its
	// whole length: no count before it makes it a part's.
	toldWhole = "strike|walk|stoppage&last|went on|ran"
	// headlineStrike is the hint of the signal of a headline's present:
	// "therapists strike over pay".
	headlineStrike = "strike&workers|therapists|clinicians|nurses|psychologists|counselors|counsellors|staff|employees|members|professionals|pharmacists|engineers|doctors|caregivers"
	// forWhole is the hint of the signal of a length told whole before
	// who stayed out: "For 196 days … they stayed off the job".
	forWhole = "for &stayed|struck|on strike|picket"
	// stayingOut is the hint of the signal of workers staying out: only
	// strikers can, so "right to stay out", "vowed to stay out" tell a
	// strike going on, not one to come.
	stayingOut = " out|goes on|go on|going on"
)

// backSignal reports whether a signal tells the workers back at work.
func backSignal(sig phaseSignal) bool {
	return sig.hints == backToWork || sig.hints == backToOffice || sig.hints == backToWorkES || sig.hints == backFrom
}

type phaseSignal struct {
	phase string
	// hints are "|"-separated strings the sentence holds one of if re can
	// match; "&" separates further such lists that must all hold.
	hints string
	re    *regexp.Regexp
}

// mayMatch reports whether the sentence holds what the hints ask: a
// cheap test before the regular expression.
func (p phaseSignal) mayMatch(s string) bool {
	hints := p.hints
	for {
		group, rest, more := strings.Cut(hints, "&")
		if !hasAny(s, group) {
			return false
		}
		if !more {
			return true
		}
		hints = rest
	}
}

const (
	reWords = `(?:[\w'’-]+ )` // one word and a space
	// (The British and Irish press's noun "walk-out" reaches the rules as
	// "walk out", see factLower; the signals' hints say "walk" for it.)
	reStrikeN = `(?:strike|walkout|work stoppage|walk out)`
)

// phaseSignals are the phrases that report a phase, matched on the
// lower-cased sentence.
var phaseSignals = []phaseSignal{
	// Threatened: notices, votes, threats.
	// A strike to come in headline words: "workers vote to strike", "a
	// strike looms", "therapists prepare to picket".
	{strike.PhaseThreatened, "vote|voting|loom|prepar", regexp.MustCompile(`\b(?:vote|votes|voted|voting) to (?:strike|walk out|go on strike)\b|\b` + reStrikeN + ` (?:looms|loomed|looming)\b|\b(?:prepare|prepares|prepared|preparing) to (?:strike|picket|walk out)\b`)},
	// "pharmacy workers weigh strike", "voting this week on whether to
	// authorize a strike": one considered, to come.
	{strike.PhaseThreatened, "weigh|whether", regexp.MustCompile(`\bweigh(?:s|ed|ing)? (?:an? |a possible |their own )?(?:strike|walkout)\b|\b(?:vote|votes|voted|voting)(?: [\w-]+){0,3}? on whether to (?:authorize |call |hold )?(?:an? )?(?:strike|walkout)\b`)},
	{strike.PhaseThreatened, "notice", regexp.MustCompile(`\bstrike notice\b|\bnotice (?:of|to) (?:an? |the )?(?:[\w-]+ ){0,2}?strike\b|\b\d+-day notice\b|\b(?:ten|10)[- ]days?['’]? notice\b`)},
	// "Kaiser therapists approve strike" (not "approve strike pay").
	{strike.PhaseThreatened, "approv&strike", regexp.MustCompile(`\bapprov(?:e|es|ed|ing) (?:an? |the )?(?:[\w-]+ ){0,2}?strike(?:[.,;:!]|$| (?:vote|against|at|over|on|if|in|by|for|to|that|which|starting|beginning|date)\b)`)},
	{strike.PhaseThreatened, "authori|strike vote", regexp.MustCompile(`\bauthori[sz](?:e|ed|es|ing) (?:an? |the )?` + reWords + `{0,2}?` + reStrikeN + `\b|\bstrike (?:authori[sz]ation|vote)\b`)},
	{strike.PhaseThreatened, "strike|walk&could|may|might|would|will|plan|threaten|set to|ready to|prepared to|poised to|vowed to", regexp.MustCompile(`\b(?:could|may|might|would|will|plans? to|planning to|threaten(?:s|ed)? to|set to|ready to|prepared to|poised to|vowed to) (?:go on )?(?:strike|walk out|walk off)\b`)},
	{strike.PhaseThreatened, "threat|possible|potential|looming|planned", regexp.MustCompile(`\bthreat(?:en(?:ed|s|ing)?)? (?:of )?(?:an? |the )?(?:[\w-]+ )?` + reStrikeN + `\b|\b(?:looming|planned|threatened) ` + reStrikeN + `\b`)},
	{strike.PhaseThreatened, "read|prepar|plan|organiz|schedul", regexp.MustCompile(`\b(?:ready|readies|readying|prepare|prepares|preparing|plan|plans|planning|organize|organizes|organizing|scheduled|schedules|scheduling) (?:an? |the |for an? |for the )?` + reWords + `{0,2}?` + reStrikeN + `\b`)},
	{strike.PhaseThreatened, "strike|walk|stoppage&possible|likely|looming|imminent|odds|set", regexp.MustCompile(`\bstrike (?:is|was|remains|looks) (?:likely|looming|imminent)\b|\bodds of an? ` + reStrikeN + `\b|\bsets?\b[^.;]{0,25}\b` + reStrikeN + `\b`)},
	// A strike called or announced ("has called an open-ended strike", "Workers
	// Announce Open-Ended Strike", "calls strike at Kaiser"; not "called off
	// the strike"), and a headline's infinitive with the day to come
	// ("Kaiser therapists to strike Oct. 21").
	{strike.PhaseThreatened, "announc|call&strike|walk|stoppage", regexp.MustCompile(`\b(?:announce|announces|announced|announcing|call|calls|called|calling) (?:an? |their |its )?(?:new |second |(?:open-ended|indefinite|rolling|sympathy|limited|[\w]+-day|[\w]+-hour) )?` + reStrikeN + `\b`)},
	{strike.PhaseThreatened, "to &strike|walk out", regexp.MustCompile(`\bto (?:go on )?(?:strike|walk out) (?:on |starting |beginning |from )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next|this|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)},
	// Strike.
	// Also told by its time ("in their third week on strike") or as the
	// strikers' state ("lost coverage while on strike").
	{strike.PhaseStrike, "on strike", regexp.MustCompile(`\b(?:went|go|goes|going|gone|are|were|is|was|been|be|remain|remained|remains|stay|stayed|still|while) on strike\b|\b(?:i|we|they|you|she|he)['’](?:m|re|s) (?:now |still )?on strike\b|\bon strike (?:since|for)\b|\b(?:day|week|month)s? on strike\b|\b[\w'’-]+s on strike\b|\b\d{1,3}(?:,\d{3})+ on strike\b`)},
	{strike.PhaseStrike, " on ", regexp.MustCompile(`\b(?:went|go|goes|going|gone|are|were|is|was|been|be|remain|remained|remains|stay|stayed|still) on (?:an? |the |their |its )(?:[\w-]+ ){0,2}?strike\b`)},
	{strike.PhaseStrike, "walk", regexp.MustCompile(`\b(?:walked|walk|walks|walking) (?:out|off (?:the )?job)\b`)},
	// A strike told by its count of days in a headline's present: "Kaiser
	// therapists strike for 100th day".
	{strike.PhaseStrike, "strik|walk&day|week|month", regexp.MustCompile(`\b(?:strike|strikes|striking|walk out|walks out) (?:for|on) (?:the |a |their )?(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd)) (?:straight |consecutive )?(?:day|week|month)\b`)},
	// Out and staying out, the strike going on: "NUHW members remain
	// out", "stayed out for a sixth week", "the strike goes on" (not "stay
	// out of the dispute").
	{strike.PhaseStrike, stayingOut, regexp.MustCompile(`\b(?:remain|remained|remains|stay|stayed|staying|stays) out(?:[.,;!]|$| [-–—|] | (?:on strike|for|since|until|through|indefinitely|another)\b)|` + reStrikeN + ` (?:goes|went|will go|is going) on\b`)},
	// Wire copy's "About 50 clinicians stopped working Monday".
	{strike.PhaseStrike, "stopped work", regexp.MustCompile(`\b(?:have |has |had )?stopped work(?:ing)?\b`)},
	// "The strike is officially on."
	{strike.PhaseStrike, "strike|walk|stoppage&on", regexp.MustCompile(reStrikeN + ` (?:is|was) (?:officially |now )?on(?:[.!,;]|$)`)},
	// Out and staying out: "have been off the job since Oct. 21", "have
	// now been out for two months"; and an explainer's question that
	// takes the strike as given: "Why are Kaiser's therapists on strike?"
	{strike.PhaseStrike, "off the job|been out", regexp.MustCompile(`\b(?:been|are|were|remain|remained|remains|stay|stayed|still) off the job\b|\bbeen out (?:for|since)\b`)},
	{strike.PhaseStrike, "why&on strike", regexp.MustCompile(`\bwhy (?:are|is|were|was) [^.?;]{1,60}? on strike\b`)},
	// A headline's present: "Kaiser mental health workers strike over
	// pay", "Thousands of therapists strike in Southern California" (not
	// "workers strike a deal").
	{strike.PhaseStrike, headlineStrike, regexp.MustCompile(`\b(?:workers|therapists|clinicians|nurses|psychologists|counselors|counsellors|staff|employees|members|professionals|pharmacists|engineers|doctors|caregivers) (?:again )?strike(?:[.,;!]|$| (?:over|for|at|in|across|against|to demand|demanding|as|after|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today)\b)`)},
	{strike.PhaseStrike, "struck", regexp.MustCompile(`\bstruck\b(?: (?:for|since|over|at|against|in|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|this morning)\b|[.,;]|$)`)},
	{strike.PhaseStrike, "strike|walk|stoppage&began|begin|begun|start|launch|join|stag|extend|continu", regexp.MustCompile(`\b(?:began|begin|begins|beginning|begun|started|start|starts|starting|launched|launch|launches|joined|join|joins|joining|staged|stage|extending|extended|extends|continued|continues|continue) (?:an? |the |their |its )?` + reWords + `{0,3}?` + reStrikeN + `\b`)},
	// "Picket lines go up at Kaiser clinics".
	// "Picket lines continue tomorrow at every site."
	{strike.PhaseStrike, "picket", regexp.MustCompile(`\bpicket(?:ing| lines?) (?:continue|continues|continued|go on|goes on|went on)\b|\bpicket lines? (?:go|goes|went|are going|were going) up\b|\b(?:put|puts|putting) up picket lines?\b`)},
	{strike.PhaseStrike, "strike|walk|stoppage&began|begin|begun|start|hit|reach|enter|continu|pass|near|open|last|stretch|drag|wear|wore|affect|cover|involv", regexp.MustCompile(reStrikeN + `s?,? (?:which |that )?(?:has |had )?(?:began|begins|begun|started|starts|hit|hits|reached|reaches|enters|entered|continues|continued|passes|passed|nears|neared|opens|opened|lasted|stretches|stretched|drags|dragged|wears on|wore on|affects|covers|involves)\b`)},
	// A strike with an aside between it and its verb ("The strike, by
	// psychologists represented by the union, began Oct. 21"; "the
	// walkout, now in its eighth week"), or told by its length ("a
	// seven-week strike", "the months-long strike"): one under way.
	{strike.PhaseStrike, "strike|walk|stoppage", regexp.MustCompile(reStrikeN + `s?, (?:[^,.;]|\d[,.]\d){2,100}, (?:which |that )?(?:has |had )?(?:began|begins|begun|started|starts|entered|enters|continues|continued|lasted|has lasted|drags on|dragged on|reached|reaches|passed|passes|marked|marks)\b|` + reStrikeN + `,? (?:is |was )?(?:now )?(?:in|into) (?:its|their) [\w-]+ (?:day|week|month)\b|` +
		// "a strike that has kept about 2,400 clinicians off the job".
		reStrikeN + ` (?:that|which) (?:has|have) (?:kept|left) [^.;]{1,60}? (?:off the job|out of work|on the picket lines?)\b`)},
	// A strike told by who struck before its verb ("the strike by the
	// National Union of Healthcare Workers (NUHW) that began today"), or
	// by its age ("the strike is now four months old").
	{strike.PhaseStrike, "strike|walk|stoppage&began|begun|started|old|day|week|month", regexp.MustCompile(reStrikeN + ` by [^.;]{2,100}? (?:that|which) (?:has |had )?(?:began|begun|started)\b|` + reStrikeN + ` (?:by|of) [^.;]{2,100}? (?:is|was) (?:now )?in (?:its|their) [\w-]+ (?:day|week|month)\b|` + reStrikeN + ` (?:called |led |organized )?by [^.;]{2,100}?, now in (?:its|their) [\w-]+ (?:day|week|month)\b|` + reStrikeN + ` (?:is|was|turned|turns|has turned) (?:now |already )?[\w-]+[- ](?:days?|weeks?|months?) old\b`)},
	// "the union has called roughly 2,400 … out on an open-ended strike".
	{strike.PhaseStrike, "call&out on", regexp.MustCompile(`\bcall(?:s|ed|ing)? (?:[^.;]{1,80}? )?out on (?:an? |the |their )?(?:[\w-]+ ){0,2}?` + reStrikeN + `\b`)},
	// "The strike by members of the union has now lasted nearly six
	// months", "the strike against Kaiser began in October", "the strike
	// by … in Southern California continues".
	{strike.PhaseStrike, "strike|walk|stoppage&began|started|last|contin|goes on|gone on|drags|stretch", regexp.MustCompile(reStrikeN + ` (?:called |led |organi[sz]ed )?(?:by|against|at) (?:[^.;,]|\d,\d){2,100}?,? (?:which |that )?(?:has (?:now )?lasted|has (?:now )?gone on|has (?:now )?stretched|continues|goes on|drags on|began|started)\b`)},
	{strike.PhaseStrike, lengthStrike, regexp.MustCompile(`\b(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)-(?:day|week|month)(?:-old|-long)? (?:[\w'’-]+ ){0,4}?` + reStrikeN + `\b|\b(?:days|weeks|months|year)-long (?:[\w'’-]+ ){0,4}?` + reStrikeN + `\b`)},
	// "The walkout by the island clinicians goes into its third day".
	{strike.PhaseStrike, "into&day|week|month", regexp.MustCompile(`\b` + reStrikeN + `\b[^.;]{0,60}?\b(?:goes|went|going|heads|headed|enters|entered|moves|moved|stretches|stretched|pushes|pushed) into (?:its|their|a) [\w-]+ (?:day|week|month)\b`)},
	// "UNAC/UHCP, the union leading the strike, said …".
	{strike.PhaseStrike, "lead|led", regexp.MustCompile(`\b(?:leading|leads) (?:the|a|its|their) (?:[\w-]+ ){0,2}?` + reStrikeN + `\b`)},
	// A headline's "… stay open as nurses strike".
	{strike.PhaseStrike, "as ", regexp.MustCompile(`\bas (?:[\w'’-]+ ){0,2}?(?:nurses|workers|therapists|clinicians|employees|staff|members|[\w-]+ers|[\w-]+ists) (?:strike|walk out|walk off the job)$`)},
	{strike.PhaseStrike, "strik", regexp.MustCompile(`(?:^|[^-\w])(?:striking|strikers?)\b`)},
	// Picketers as the strikers: "as picketers … began a third week",
	// "represents the picketing psychologists" (not informational ones,
	// who picket before a strike).
	{strike.PhaseStrike, "picket", regexp.MustCompile(`\bpicketers\b|\bpicketing (?:psychologists|therapists|clinicians|workers|nurses|members|employees|staff|counselors|social workers)\b|\b(?:been|are|were|remain|remained|stay|stayed) on picket lines?\b`)},
	// "while the clinicians are out", "Strike update, day 64".
	{strike.PhaseStrike, " out|day", regexp.MustCompile(`\bwhile (?:the |its |their |our )?(?:[\w'’-]+ ){0,2}?(?:clinicians|therapists|workers|members|nurses|psychologists|employees|staff|strikers) (?:are|remain|stay) out(?:[.,;]|$)|\b` + reStrikeN + ` (?:update|diary|journal|log|bulletin|report),? (?:day|week) \d+\b`)},
	{strike.PhaseStrike, "strike|walk|stoppage| out| on the picket| on a picket&day|week|month", regexp.MustCompile(`\b(?:days?|weeks?|months?) (?:into|of) (?:an? |the |their |its |this )?` + reWords + `{0,3}?` + reStrikeN + `\b|\b(?:days?|weeks?|months?) (?:out|on (?:the|a) picket lines?)\b`)},
	{strike.PhaseStrike, "picket|put|down", regexp.MustCompile(`\bpick(?:ed|s)? up (?:their )?picket signs\b|\bput(?:s|ting)? down (?:their )?(?:caseloads|tools)\b|\bhit(?:s|ting)? (?:the )?picket lines?\b`)},
	{strike.PhaseStrike, "picket|out since", regexp.MustCompile(`\bpicket lines? (?:formed|went up|ring|rings|ringed)\b|\bpickets? (?:formed|went up)\b|\b(?:join|joined|joins|joining) (?:the )?picket lines?\b|\bon the picket lines?\b|\bpicketed\b|\bout since\b`)},
	// A strike going on as the setting of the news: "met Monday in a
	// strike that …", "patients wait amid the strike".
	{strike.PhaseStrike, "strike|walk|stoppage&in |amid", regexp.MustCompile(`\b(?:in|amid|amidst) (?:an? |the |their |its |this )(?:[\w'’-]+ ){0,3}?` + reStrikeN + `\b`)},
	// A strike named by who is striking, as the setting of what is said:
	// "our facilities are open during the strike by some of our mental
	// health professionals" (a return "during the strike" is only some).
	{strike.PhaseStrike, "during&strike|walk|stoppage", regexp.MustCompile(`\bduring (?:the|this|their|its) (?:[\w'’-]+ ){0,3}?` + reStrikeN + ` by\b`)},
	// A statement on the strike: "issued the following statement
	// regarding the open-ended strike by approximately 2,000 …".
	{strike.PhaseStrike, "regarding|concerning&strike|walk|stoppage", regexp.MustCompile(`\b(?:regarding|concerning) (?:the|this|their|its|an|a) (?:open-ended |indefinite |ongoing |current )?` + reStrikeN + ` by\b`)},
	// Translated English: "some 2.400 workers … are in strike".
	{strike.PhaseStrike, "in strike", regexp.MustCompile(`\b(?:are|is|remain|remains|continue|continues) in (?:an? )?(?:open-ended |indefinite )?strike\b`)},
	// A strike told by its week ("the strike … finishes its first week")
	// or by its union ("our strike").
	{strike.PhaseStrike, "strike|walk|stoppage&its|their", regexp.MustCompile(reStrikeN + `\b[^.;]{0,100}?\b(?:finishes|finished|completes|completed|marks|marked|enters|entered|reaches|reached|passes|passed|nears|neared|ends|ended) (?:its|their) [\w-]+ (?:day|week|month)\b`)},
	{strike.PhaseStrike, "our", regexp.MustCompile(`\bour (?:[\w-]+ )?` + reStrikeN + `\b`)},
	// Community papers that write in Spanish: "en huelga" (on strike), "una
	// huelga de cinco días", "la huelga empezó", "acuerdo tentativo".
	{strike.PhaseStrike, "huelga", regexp.MustCompile(`\ben huelga\b|\bhuelga de (?:[\w]+ ){1,2}(?:días|semanas|meses)\b|\bhuelga (?:[^.;,]{1,120}? )?(?:empezó|comenzó|sigue|continúa|cumple|cumplió|llegó|llega|lleva|entra|entró)(?:[\s,.;]|$)|\b(?:empezó|comenzó|inició) la huelga\b|\b(?:comenzaron|iniciaron|empezaron|comienzan|inician|empiezan|realizan|mantienen|continúan)\b(?: [^.;,]{1,30}?)? una huelga\b`)},
	// A strike called for a day to come, in Spanish: "se irán a la huelga
	// el lunes si no logran un contrato", "entregó el aviso de huelga".
	{strike.PhaseThreatened, "huelga|paro", regexp.MustCompile(`\b(?:se )?(?:irán|iría|irían|podrían ir|amenazan con ir|amenazaron con ir) a (?:la )?huelga\b|\b(?:iniciarán|comenzarán|empezarán|realizarán|harán|estallarán) (?:una |la )?huelga\b|\bhuelga (?:comenzará|empezará|iniciará)\b|\baviso de huelga\b|\banunci(?:an|a|aron|ó) (?:una )?huelga\b|\bplane(?:an|a|aban) (?:iniciar|realizar|hacer) (?:una |la )?huelga\b|\b(?:votaron|votaran|votan) a favor de autorizar (?:el paro|la huelga|una huelga)\b|\bamenaza(?:n|ron)? con (?:una |la )?huelga\b`)},
	// "dejaron sus puestos" (walked off the job); back at work:
	// "regresaron el lunes a sus consultorios", "volvieron al trabajo".
	{strike.PhaseStrike, "dejaron sus|dejaron de|dejaron el", regexp.MustCompile(`\bdejaron (?:sus puestos|de trabajar|el trabajo)\b`)},
	{strike.PhaseEnded, backToWorkES, regexp.MustCompile(`\b(?:regresaron|regresan|volvieron|vuelven)\b(?: [^.;,]{1,30}?)? (?:a sus (?:consultorios|puestos|clínicas|empleos|trabajos)|al trabajo|a trabajar)\b`)},
	{strike.PhaseTentativeAgreement, "acuerdo", regexp.MustCompile(`\bacuerdo tentativo\b`)},
	// A strike ended, in Spanish: "terminó la huelga", "la huelga … llegó
	// a su fin"; an agreement beside it makes it the deal's (see agreeRE).
	{strike.PhaseEnded, "huelga", regexp.MustCompile(`\b(?:terminó|termina|concluyó|finalizó|acabó) la huelga\b|\bhuelga (?:[^.;,]{1,100}? )?(?:llegó a su fin|terminó|concluyó|finalizó)\b`)},
	// Mediation, in Spanish: "pláticas con la ayuda de dos mediadores",
	// "mediadores estatales entran al conflicto".
	{strike.PhaseMediation, "mediador", regexp.MustCompile(`\b(?:con la ayuda de|bajo la guía de|ante) (?:dos |los |las |un |una )?mediador(?:es|a|as)?\b|\bmediador(?:es|as)? (?:estatales )?(?:entran|entraron|intervienen|intervinieron|comenzaron|iniciaron|se reúnen)\b`)},
	// "ratificaron su nuevo contrato", "aprobaron el contrato".
	{strike.PhaseRatified, "ratific|aprob", regexp.MustCompile(`\bratific(?:aron|an|ó|ado|ada)\b|\baprob(?:aron|ó|ado)\b(?: [^.;,]{1,20}?)? (?:el|su|un) (?:nuevo )?(?:contrato|acuerdo)\b`)},
	// Mediation.
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\bmediat(?:ion|ed talks|ed negotiations|ed sessions?|ors?)s?(?: (?:between|with) (?:[^.;]|\b(?:dr|mr|ms|mrs|gov|sen|rep|sec)\.){1,80}?(?:, [^.;,]{1,120}?,)?)? (?:begins|began|begin|started|starts|got under way|gets under way|is under way|are under way|was under way|were under way|have been under way|has been under way|have been underway|has been underway|resumed|resume|opened|join|joins|joined|steps? into|stepped into|steps? in|stepped in|have been going on|has been going on|have continued|has continued|are continuing|is continuing|continue|continues|continued)\b|\b(?:days?|weeks?|months?) into (?:the |their )?(?:mediation|mediated (?:talks|negotiations|sessions))\b`)},
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:began|begin|begins|entered|enter|enters|opened|started|resumed|held|went into|go into|goes into|gone into|moved into) (?:enter |begin )?(?:(?:formal|state|federal|[a-z]+-(?:brokered|appointed|backed|led|run)) )?(?:mediation|mediated (?:talks|negotiations|sessions?))\b`)},
	// Mediation told by what the mediators do or by the state of the
	// talks: "began mediating Monday", "the two sides are now in
	// mediation".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:began|begin|begins|started|start|starts|continued|continue|continues|are|were|is|was|have been|has been) (?:now |still )?mediating\b|\b(?:while|as) mediation (?:goes|is going|went) on\b|\b(?:['’]re|are|is|were|was|remain|remains|remained|have been|has been|had been) (?:now |still )?in (?:mediation|mediated (?:talks|negotiations|sessions))\b|\bin mediation since\b|\b(?:have|has) (?:run|gone) through (?:an? |the |two )?(?:[\w-]+ ){0,2}?mediators?\b|\bwith (?:an? |the |two |both |three )(?:[\w-]+ ){0,2}?mediators? in the room\b|\b(?:days?|weeks?|months?|sessions?) (?:of mediation|with (?:the |two )?mediators?)\b`)},
	// "mediators Mark Ghaly and Darrell Steinberg continue closed-door
	// sessions", "mediation led by Dr. Mark Ghaly … continues", "mediated
	// talks led by … have been going since March".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\bmediators?(?: [\w.'’-]+){0,6}? (?:continue|continues|continued|hold|holds|held|resume|resumes|resumed|lead|leads|led|run|runs|ran) (?:their |the )?(?:[\w-]+ )?(?:sessions|talks|meetings|negotiations)\b|\bmediat(?:ion|ed talks|ed negotiations|ed sessions) led by (?:[^.;]|\b(?:dr|mr|ms|mrs|gov|sen|rep|sec)\.){1,80}? (?:continues|continue|continued|(?:have|has) been going(?: on)?|(?:is|are) (?:continuing|ongoing|under way|underway))\b`)},
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\bmediators? (?:are|were|is|was|have been|has been) (?:still |now )?(?:meeting|working|shuttling)\b|\b(?:continu\w* to |still )(?:meet|meeting|work|working|talk|talking) with (?:[\w'’-]+ ){0,6}?mediators?\b|\b(?:committed to|continuing|continues|continue) (?:the )?mediation process\b`)},
	{strike.PhaseMediation, "mediator", regexp.MustCompile(`\b(?:turn|turns|turned|brought in|bring in|brings in|called in) (?:to )?(?:an? )?(?:[\w-]+ )?mediator\b|\b(?:sit|sits|sat|sitting) down with (?:an? |the |two )?(?:[\w-]+ ){0,2}?mediators?\b|\bwith (?:an?|two) (?:[\w-]+ )?mediators? (?:working|going between)\b`)},
	// Mediation told by meeting the mediators, by who leads the talks, or
	// by mediators brought in: "met with a mediator Tuesday", "talks, led
	// by a state mediator, resumed", "a mediator has been brought in".
	{strike.PhaseMediation, "mediator", regexp.MustCompile(`\b(?:met|meet|meets|meeting) with (?:[\w'’-]+ ){0,4}?mediators?\b|\btalks (?:between [^.;,]{1,60}? )?with (?:an? |the )?(?:[\w-]+ ){0,2}?mediators?\b|\b(?:talks|negotiations|bargaining) (?:with [\w'’-]+ )?(?:through|via) (?:an? |the |two )?(?:[\w-]+ ){0,2}?mediators?\b|\bled (?:[\w.]+ ){0,4}?by (?:an? |the )?(?:[\w-]+ ){0,2}?mediators?\b|\bmediators? (?:has |have |had )?(?:been )?(?:brought in|called in|appointed)\b|\bmediators? (?:are |is )?(?:now )?(?:overseeing|oversee|oversees|leading|running|guiding)\b`)},
	// Mediation told with its day or its guides between the words:
	// "have been meeting since March 10 with mediators", "talks … guided
	// by two mediators", "goes back into mediation", "mediators … began
	// working with the two sides", "Mediated talks in progress",
	// "Mediation began: 10.03.2025".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\bmeeting since [^,.;]{1,30}? with (?:[\w'’-]+ ){0,4}?mediators?\b|\b(?:guided|overseen|steered|facilitated|brokered) by (?:an? |the |two )?(?:[\w-]+ ){0,2}?mediators?\b|\b(?:meeting|meets|meet|met|talks|bargaining|negotiating) (?:[\w'’-]+ ){0,3}?under the (?:guidance|eye|auspices) of (?:an? |the |two )?(?:[\w-]+ ){0,2}?mediators?\b|\bmediators (?:are|were) in\b(?: [-–—]|[.,;!]|$)|\b(?:go|goes|going|went) back (?:in|into|to) mediation\b|\bmediators?(?: [\w.'’-]+){0,5}? (?:began|begin|begins|started|start|starts) (?:working|meeting) with\b|\bmediators? (?:have |has )?kept (?:the )?talks going\b|\bmediated (?:talks|negotiations|sessions) (?:are )?(?:in progress|under way|underway|continu\w*)\b|\bmediated (?:talks|negotiations|sessions)(?: between [^.;]{1,80}?)? (?:went into|go into|goes into|entered|enter|enters|headed into|stretched into|moved into) (?:an? |the |their |its )?(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)|another|new) (?:day|week|round)\b|\bmediation (?:began|begins|started|starts|opened|resumed)\b|\bmediation, (?:which|that) (?:began|started|opened|resumed)\b|\b(?:day|days|hours|session) in mediation (?:today|tonight|yesterday|this week)\b|\b(?:now|currently|been|are|is) mediating (?:the|a|this)\b|\b(?:sat|sit|sits|sitting) down with (?:[\w'’-]+ ){0,3}?(?:and )?(?:the |two |a |state )?mediators?\b`)},
	// Mediation by its nominalizations and passives: "the start of
	// mediated talks", "the appointment of … as mediators", "two mediators
	// were brought into the strike".
	// "Mediation in the SoCal strike began today", "the mediation
	// process, which is continuing", "mediated sessions with … are
	// ongoing", "the mediators have both sides back in sessions", "in
	// front of mediators", "mediators Mark Ghaly and Darrell Steinberg
	// have been meeting".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\bmediation (?:in|of|for) [^.;,]{1,60}? (?:began|begins|started|starts|opened|resumed)\b|\bmediat(?:ion|ion process|ed (?:talks|negotiations|sessions))\b[^.;]{0,60}? (?:is|are) (?:still )?(?:continuing|ongoing|under way|underway)\b|\bmediat(?:ion|ion process),? which is (?:continuing|ongoing|under way)\b|\bmediators? (?:have|has|had|got|get|brought) (?:both sides|the (?:two )?sides|the parties|them) (?:back )?(?:in|into|to) (?:sessions?|talks|the room)\b|\bin front of (?:the |two |a )?mediators?\b|\bmediators?(?: [\w.'’-]+){1,6}? (?:have been|has been|are|were) (?:still |now )?(?:meeting|working|shuttling)\b`)},
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:start|beginning|opening) of (?:mediated (?:talks|negotiations|sessions)|mediation)\b|\bappointment of [^.;]{0,160}? as mediators?\b|\bmediators? (?:were|was|are|is|have been|has been) (?:brought|called) in(?:to)?\b`)},
	// Mediation taken up again: "resumed talks Monday with mediators",
	// "back at the table with mediators", "the strike is back in
	// mediation".
	// "Since Monday the two have been shuttling between negotiators",
	// "Mediated talks … wrapped up their first day": mediation under way.
	{strike.PhaseMediation, "shuttl|mediated", regexp.MustCompile(`\b(?:have been|has been|are|is|were|was|kept|keep|keeps) shuttling between (?:the )?(?:negotiators|bargaining teams|the two sides|two sides|sides|parties)\b|\bmediators? (?:shuttles|shuttled|shuttle) between\b|\bmediated (?:talks|negotiations|sessions)\b[^.;]{0,90}?\b(?:wrapped up|ended|closed|concluded|finished) (?:their|its|the) (?:first|second|third|fourth|fifth) (?:day|session|round)\b`)},
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?) (?:talks|negotiations|bargaining)(?: \w+day)? with (?:[\w'’-]+ ){0,2}?mediators?\b|\b(?:at|to) the (?:bargaining )?table with (?:[\w'’-]+ ){0,3}?mediators?\b|\b(?:is|are|was|were|now) back in (?:mediation|mediated (?:talks|negotiations))\b`)},
	// Tentative agreement: named so, or an agreement still to be approved.
	{strike.PhaseTentativeAgreement, "tentative|principle", regexp.MustCompile(`\btentative (?:agreement|deal|contract|accord|pact)\b|\b(?:agreement|deal|accord) in principle\b`)},
	{strike.PhaseTentativeAgreement, "approv|ratif", regexp.MustCompile(`\b(?:must|needs? to|has to|have to) (?:still |yet )?(?:be )?(?:approv|ratif)\w*|\b(?:needs|need|requires|require|awaits|await) (?:[\w'’]+ ){0,2}?(?:approval|ratification)\b|\bsubject to (?:a )?(?:ratification|approval|members['’]? (?:vote|approval))\b|\b(?:pending|awaits?|awaiting) (?:a )?(?:ratification|members['’]? approval)\b`)},
	{strike.PhaseTentativeAgreement, "agreement|deal|accord|pact", regexp.MustCompile(`\b(?:have|has) (?:an? )?(?:tentative )?(?:deal|agreement)\b|\b(?:reached|reach|reaches|reaching|struck|strike|announced|secured|clinched) (?:an? |the )?` + reWords + `{0,2}?(?:agreement|deal|accord|pact)\b|\b(?:deal|agreement|accord) (?:was |has been |is )?reached\b|\bwith a deal\b`)},
	// Ratified.
	{strike.PhaseRatified, "ratification", regexp.MustCompile(`\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|last week)['’]s ratification\b|\b(?:on|after|following|since|with) the ratification of (?:a|the|their|its) (?:new )?(?:[\w-]+ )?(?:contract|agreement)\b`)},
	{strike.PhaseRatified, "ratif|vote", regexp.MustCompile(`\bvoted (?:overwhelmingly |narrowly |unanimously )?(?:in favor of|to accept) (?:the |a |their |its )?(?:new |tentative )?(?:[\w-]+ )?(?:contract|agreement|deal|pact)\b|\b(?:voted|vote|votes) (?:overwhelmingly |narrowly |unanimously |by (?:a |an )?(?:wide |large |narrow |overwhelming |lopsided )?(?:margin|majority) (?:of [\w%.,-]+ (?:to [\w%.,-]+ )?)?|by [\d.]+ ?(?:%|percent) )?to (?:ratify|approve)\b|\bratif(?:y|ies|ied)\b`)},
	{strike.PhaseRatified, "approv|ok|ratif", regexp.MustCompile(`\b(?:approved|approve|approves|ok|oks|ok's|ok'd|okay|okays|okayed) (?:the |their |a |its )?(?:new )?(?:[\w-]+ )?(?:contract|agreement|deal|pact)\b|\b(?:contract|agreement|deal|pact) (?:was |were |has been |had been )(?:overwhelmingly |narrowly )?(?:approved|ratified)\b|\bapproved by (?:\d+%|\d+ percent|an? (?:wide |large |narrow |overwhelming )?(?:margin|majority))`)},
	// Ended.
	{strike.PhaseEnded, "strike|walk|stoppage&over|end", regexp.MustCompile(`\b` + reStrikeN + ` (?:is|was|has been|had been) over\b|\b` + reStrikeN + ` (?:came|has come|had come|comes) to an end\b|\b` + reStrikeN + ` (?:has |had )?(?:ended|ends)\b`)},
	// "The five-day strike by about 31,000 … nurses … ended over the
	// weekend": the strike's end past a long "by" phrase.
	{strike.PhaseEnded, "strike|walk|stoppage&end", regexp.MustCompile(reStrikeN + ` (?:by|of) (?:[^.;,]|\d,\d){2,120}? (?:ended|came to an end)\b`)},
	// "The strike, which began Oct. 4, ended Saturday", "the strike by
	// nurses, which began this morning, ended": past a "which" aside set
	// off by commas.
	{strike.PhaseEnded, "strike|walk|stoppage&end", regexp.MustCompile(reStrikeN + `(?: (?:by|of) (?:[^.;,]|\d,\d){2,120}?)?, (?:which|that) (?:[^,.;]|\d[,.]\d|\b(?:jan|feb|aug|sept?|oct|nov|dec)\.){2,100}, (?:has |had )?(?:ended|came to an end)\b`)},
	// A strike warned of or told as likely: "union warns of labor action",
	// "said a strike was now likely".
	{strike.PhaseThreatened, "warn|likely|imminent|certain", regexp.MustCompile(`\bwarn(?:s|ed|ing)? of (?:an? |possible |further )?(?:labou?r action|strike|walkout|work stoppage)\b|\b` + reStrikeN + ` (?:is|was) (?:now )?(?:likely|all but certain|imminent)\b`)},
	// "2,400 … clinicians … have held the line": a strike still held.
	{strike.PhaseStrike, "held the line", regexp.MustCompile(`\b(?:have|has) (?:now )?held the line\b`)},
	{strike.PhaseEnded, endTheStrike, regexp.MustCompile(`\b(?:ended|ending|end|ends|called off|calls off|call off) (?:the |their |a |its |an )?` + reWords + `{0,3}?` + reStrikeN + `\b|\b` + reStrikeN + ` (?:is |was |has been |had been )?called off\b`)},
	// "The strike has not ended", "the strike is not over": it goes on.
	{strike.PhaseStrike, "strike|walk|stoppage&not|n't|n’t", regexp.MustCompile(`\b` + reStrikeN + ` (?:has not|hasn['’]t|had not|hadn['’]t|is not|isn['’]t) (?:yet )?(?:ended|over)\b`)},
	// Back told by the place: "went back to their offices today",
	// "walked back into Kaiser's clinics", "returned to their jobs".
	// "Picket lines come down at Kaiser".
	{strike.PhaseEnded, "picket", regexp.MustCompile(`\bpicket lines? (?:come|came|comes|coming|have come|are coming) down\b`)},
	// A strike told as going on: "the ongoing strike by employees",
	// "the employees NUHW called out on strike", "still out on strike".
	{strike.PhaseStrike, "ongoing|continuing|out on strike", regexp.MustCompile(`\b(?:ongoing|continuing) (?:[\w'’-]+ ){0,3}?` + reStrikeN + `\b|\bout on strike\b`)},
	// "The … strike in Southern California is on day 94"; "the strike
	// they were trying to draw attention to, by …, continues".
	{strike.PhaseStrike, "strike|walk&day|contin|goes on|drags", regexp.MustCompile(reStrikeN + `\b[^.;]{0,80}? (?:is|was) (?:now )?(?:on|in) (?:its )?day \d+\b|` + reStrikeN + `\b[^.;]{0,140}?, (?:continues|goes on|drags on)\b`)},
	// "The therapists are back inside, seeing patients".
	{strike.PhaseEnded, backToOffice, regexp.MustCompile(`\b(?:are|were|is|was|now|all) back inside\b`)},
	// "kept roughly 2,400 clinicians on an open-ended strike since Oct. 21"
	{strike.PhaseStrike, "strike&since", regexp.MustCompile(`\bon (?:an? |their |its |the )?(?:open-ended |indefinite |ongoing |unfair labor practice )?strike since\b`)},
	// Back from the strike: "clinicians returned from a six-and-a-half-
	// month strike", "after returning from one of the longest mental
	// health strikes".
	// "They returned in May 2025 after 196 days", "They did not return
	// until May 12": back, after the strike's length or on a day.
	{strike.PhaseEnded, backToOffice, regexp.MustCompile(`\b(?:returned|came back|went back)(?: [^.;,]{1,30}?)? after (?:\d+|[\w-]+)[- ](?:days?|weeks?|months?)\b|\b(?:did not|didn['’]t) (?:return|come back|go back)(?: to work)? until\b`)},
	{strike.PhaseEnded, backFrom, regexp.MustCompile(`\b(?:returned|returning|came back|come back|coming back|are back|were back) from (?:a|an|the|their|its|one of the) (?:[\w-]+ ){0,4}?(?:strikes?|walkouts?)\b`)},
	// Back under the contract: "now that we're back under our new
	// contract", a headline's "Back in our clinics".
	{strike.PhaseEnded, backUnder, regexp.MustCompile(`\b(?:we['’]re|we are|they['’]re|they are|are|were|now) back under (?:our|their|the|a) (?:new )?contract\b|^back (?:in|at) (?:our|their) (?:clinics|offices|jobs)\b`)},
	// Mediators at work: "Two familiar figures began work Monday as
	// mediators in the strike".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:began|begun|begin|begins|started|starts) (?:work|working)(?: [\w]+){0,2} as (?:the )?mediators?\b`)},
	// Talks going on under mediators: "Talks between Kaiser and the
	// union continue under state mediators …".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:talks|negotiations|bargaining|sessions?)(?: between [^.;]{1,80}?)? (?:have |has )?(?:continue|continues|continued|are continuing|resumed|resume|resumes|go on|goes on|went on) (?:under|with|before) (?:the |two |state |a |an )?(?:[\w-]+ ){0,2}?mediators?\b`)},
	// "Talks … have been going on with the help of two mediators", "Talks
	// are now in the hands of two mediators".
	{strike.PhaseMediation, "mediat", regexp.MustCompile(`\b(?:going on|under ?way|continu\w*|meeting|talking|negotiating|bargaining) (?:[\w'’-]+ ){0,3}?with the (?:help|aid|assistance) of (?:an? |the |two |state )?(?:[\w-]+ ){0,2}?mediators?\b|\b(?:talks|negotiations|bargaining|the dispute) (?:are|is) (?:now )?in the hands of (?:an? |the |two |state )?(?:[\w-]+ ){0,2}?mediators?\b`)},
	// Mediation told as the British press tells it: "conciliators step
	// in", "have begun conciliation talks".
	{strike.PhaseMediation, "concilia", regexp.MustCompile(`\bconciliat(?:ors?|ion)\b[^.;]{0,40}?\b(?:step in|steps in|stepped in|began|begin|begins|have begun|has begun|started|are under way|is under way|continue|continues|continued)\b|\b(?:began|begun|begin|begins|started|opened) conciliation\b`)},
	// Working under it: "We are five months into our new contract."
	{strike.PhaseEnded, "into&new", regexp.MustCompile(`\b(?:days?|weeks?|months?|years?) into (?:our|their|the|its) new (?:contract|agreement)\b`)},
	// "no longer on strike", "no longer picketing".
	{strike.PhaseEnded, "no longer", regexp.MustCompile(`\bno longer (?:on strike|striking|out on strike|picketing|walking the picket lines?)\b`)},
	// "the union's leadership chose to strike", "has chosen to strike": a
	// choice made.
	{strike.PhaseStrike, "chose|decided|opted", regexp.MustCompile(`\b(?:chose|chosen|decided|opted) to (?:strike|walk out|go on strike|walk off the job)\b`)},
	// "the three-day strike called by the Coalition … ended on schedule".
	{strike.PhaseEnded, "ended&called|led|organized|staged|held|launched", regexp.MustCompile(`\b` + reStrikeN + `,? (?:called|led|organized|staged|held|launched) by [^,.;]{1,80}?,? (?:has |had )?ended\b`)},
	{strike.PhaseEnded, "behind", regexp.MustCompile(`\b` + reStrikeN + ` (?:is|was) (?:now |finally )?behind (?:us|them)\b`)},
	// "started a strike that would last 196 days", "a walkout that
	// lasted 28 weeks": told whole, so over ("has lasted" is not).
	// "The strike by roughly 2,400 clinicians lasted 196 days", "Their
	// strike, organised by the union, lasted 196 days": the simple past,
	// told whole too (not "has lasted", "had lasted").
	{strike.PhaseEnded, toldWhole, regexp.MustCompile(`\b` + reStrikeN + `,? (?:that|which) (?:lasted|would last|went on for|ran for) (?:nearly |almost |about |more than |some )?(?:\d+|[a-z]+(?:-[a-z]+)?) (?:days|weeks|months)\b|\b` + reStrikeN + `(?: by (?:[^.;,]|\d,\d){1,100}?|, (?:[^,.;]|\d[,.]\d){2,100},)? lasted (?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b`)},
	// "began on Oct. 21, 2024, and lasted 196 days", "stayed out for 196
	// days", "did not come back for 196 days", "the first day back after
	// a 196-day strike": a length in the past tense, told whole.
	{strike.PhaseEnded, "lasted|stayed out|come back|go back|day strike|week strike|month strike|day walk|week walk", regexp.MustCompile(`\b` + reStrikeN + `\b[^;]{0,80}?,? and lasted (?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b|\b(?:they|we|who|workers|clinicians|therapists|strikers|members) stayed out (?:for )?(?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b|\b(?:did not|didn['’]t) (?:come|go) back (?:to work )?for (?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b|\bafter (?:(?:an?|their|the) )?(?:\d+|[a-z]+(?:-[a-z]+)?)[- ](?:day|week|month)(?:-long)? (?:strike|walkout)\b`)},
	// "For 196 days, from October 2024 until a contract in May 2025, she
	// and about 2,400 colleagues … stayed off the job": a length told
	// whole in the past (not "have stayed").
	{strike.PhaseEnded, forWhole, regexp.MustCompile(`\bfor (?:nearly |almost |about |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b[^.;]{0,160}?\b(?:stayed (?:off the job|out)|were on strike|struck|walked the picket lines?)\b`)},
	{strike.PhaseEnded, backToOffice, regexp.MustCompile(`\b(?:went|go|goes|going|came|come|walked|walk|walking) back (?:in(?:to)?|to) (?:their |its |the |my |our |his |her )?(?:[\w'’-]+ ){0,4}?(?:offices?|clinics?|jobs?|desks?|posts?)\b|\b(?:returned|returning|return|returns) to (?:their |its )?(?:offices|clinics|jobs|desks|posts)\b|\b(?:returned|returning|return|returns) to (?:the |their |its )?(?:work ?sites?|workplaces?)\b|\b(?:return|returns|returned) after (?:an? |the |their |its )?(?:[\w-]+ ){0,2}?(?:strike|walkout)\b`)},
	{strike.PhaseEnded, backToWork, regexp.MustCompile(`\b(?:returned|return|returns|returning|went back|go back|going back|came back|come back) to work\b|\b(?:reported|reports|reporting) (?:back )?(?:for|to) work\b|\bfirst (?:full )?(?:day|morning|week|shift) back\b|\b(?:came|went|walked) back (?:\d+|a few|several|six|seven) (?:days|weeks|months) later\b|\bwalked back in(?: together)?(?:$|[.,;!])|\bback (?:at|to) work\b|\b(?:are|were|is|was|now|been|i['’]m|we['’]re) back (?:on the job|(?:at|in|inside|behind) (?:their |my |our )?(?:office )?(?:jobs?|desks?|clinics?|posts?|offices?|doors))\b|\bback with (?:their |our )?(?:patients|clients)\b|\b(?:therapists|clinicians|workers|strikers|nurses|staff|counselors|psychologists) back (?:at|in|on) (?:their |the )?(?:desks?|jobs?|clinics?|offices?|posts?)\b|\bback (?:to )?seeing (?:their |our )?(?:patients|clients)\b|\bback on the job after\b|\b(?:were|was|are|is) back on (?:their |the )?(?:regular |usual |normal )?shifts?\b|\b(?:have|has) been back (?:since|at work|on the job)\b|\bwelcom(?:e|es|ed|ing) (?:[\w'’-]+ ){1,5}?back (?:to|at|on)\b`)},
}

var (
	// hypoRE finds words that make what follows a possibility, a plan or
	// a wish rather than a fact.
	hypoRE = regexp.MustCompile(`\b(?:will|would|could|can|may|might|should|shall|must|if|unless|whether|si|tienen que|deberán|podrían|podría|plans?|planned|planning|set|setting up|sets up|scheduled|ready|prepared|poised|threaten(?:s|ed)?|possible|hopes?|hoped|expects?|expected|vowed|vows|going|efforts? to|attempts? to|in a bid to|trying to|seeking to)\b|['’]ll\b`)
	negRE  = regexp.MustCompile(`\b(?:not|no|never|without|non|nor)\b|n['’]t\b`)
	// partialRE finds words that make a return to work partial: some of
	// the strikers, a count, a share (see partialReturn).
	partialRE = regexp.MustCompile(`\b(?:some|few|number|numbers|several|dozens|hundreds|thousands|handful|half|majority|minority|most|many|more|percent|portion|share|fraction|third|thirds|quarter|\d[\d,.]*%?)(?:\b|%)`)
	// rejectRE finds words before an agreement that turn it down.
	rejectRE = regexp.MustCompile(`\b(?:reject\w*|voted down|vote down|votes down|turned down|turn down|voted against|vote against|spurned)\b`)
	// untilRE finds words before which a present-tense end is to come:
	// "until the strike ends".
	untilRE = regexp.MustCompile(`\b(?:until|till|when|whenever|once|if|unless|before|after)\b`)
	// otherStrikeRE finds a strike that is another, earlier one ("the 2022
	// strike", "an earlier strike") or no strike at all ("a hunger strike").
	otherStrikeRE = regexp.MustCompile(`\b(?:(?:(?:19|20)\d\d|earlier|previous|prior|past|similar|last year['’]s)\s+(?:[\w-]+\s+){0,2}?` + reStrikeN + `|hunger strik\w*)\b`)
	// returnClaimRE finds a return to work told as the employer's claim or
	// another outlet's: "…, health system says", "a headline that said".
	// returnClaimAfterRE finds the claimant after the return, ending the
	// sentence: "Kaiser therapists return to work, health system says".
	returnClaimAfterRE = regexp.MustCompile(`^[^.;,]{0,40}, (?:the |a )?(?:kaiser|health system|employer|company|management)(?: [\w'’]+){0,2} (?:says|claims|contends|insists)[.!]?(?:\s+[-–—|]\s+[^.]*)?\s*$`)
	returnClaimRE      = regexp.MustCompile(`\b(?:kaiser|health system|the employer|management|the company)(?: [\w'’]+){0,2} (?:says|claims|contends|insists)\b|\b(?:headlines?|reports?|claims?) (?:last week |this week )?that (?:said|says|claimed)\b`)
	// lastTimeRE finds a clause about the previous occasion: "the last
	// time … walked off the job".
	lastTimeRE = regexp.MustCompile(`\b(?:the|their|its) (?:last|previous|only other) time\b`)
	// otherDisputeRE finds words that put a phase in another dispute:
	// "walked off the job in a separate dispute".
	otherDisputeRE = regexp.MustCompile(`\b(?:separate|different|unrelated) (?:[\w-]+ )?(?:dispute|strike|walkout|union|contract|labor fight)s?\b|\banother (?:dispute|union)\b`)
	// returnToComeRE finds a return to work in the present tense followed
	// by the day it will happen: "return to work Monday", "go back to work
	// next week".
	returnToComeRE = regexp.MustCompile(`^(?:return|returns|go back|goes back|come back|comes back|back) (?:to work|(?:to|into) (?:their |the |its )?(?:[\w'’-]+ ){0,2}?(?:offices?|clinics?|jobs?|desks?|posts?)),? (?:on |this |next )?(?:(?:is |are )?(?:set|scheduled|planned|expected|slated) (?:for )?)?(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|week|month)\b|` +
		// In Spanish: "regresan al trabajo el lunes 12 de mayo".
		`^(?:regresan|vuelven) (?:al trabajo|a trabajar|a sus (?:consultorios|puestos|clínicas|empleos|trabajos)),? el (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b`)
	// hypoStrikeRE finds words inside a strike's phrase that make it one
	// to come: "amid a possible strike".
	hypoStrikeRE = regexp.MustCompile(`\b(?:possible|potential|looming|planned|threatened|proposed|likely|imminent|future|next)\b`)
	// noticeOfRE finds, before a strike's phrase, a notice or threat whose
	// object it is: "give notice of five-day strike".
	noticeOfRE = regexp.MustCompile(`\b(?:notice|warning|threat) (?:of|for) (?:an? |the )?$`)
	// asTheRE finds, before a strike's start told as a noun, the words
	// that name a day for it: "setting Oct. 21 as the start of an
	// open-ended strike", "as the first day of the strike".
	// whenBeganRE finds a time clause a strike's start is told in:
	// "when the strike began", "before their walkout started".
	whenBeganRE = regexp.MustCompile(`\b(?:when|before) (?:the|their|our|its|this) (?:[\w-]+ ){0,2}$`)
	asTheRE     = regexp.MustCompile(`\bas the (?:first |opening )?$`)
	startNounRE = regexp.MustCompile(`^(?:start|beginning|days?) of\b`)
	// strikeThingRE finds a word after a strike noun that makes it a
	// thing about a strike, not one: "strike notice", "strike vote".
	strikeThingRE = regexp.MustCompile(`^s? (?:notice|vote|votes|authorization|date|deadline|threat|fund|pay)\b`)
	agreeRE       = regexp.MustCompile(`\b(?:agreement|deal|accord|pact|acuerdo)\b`)
	// ratifyRE finds a ratification: ratified, or a contract approved.
	ratifyRE = regexp.MustCompile(`\bratif(?:y|ies|ied|ying)\b|\b(?:approved|approve|approves|ok|oks|ok's|ok'd|okay|okays|okayed) (?:the |their |a |its )?(?:new )?(?:[\w-]+ )?(?:contract|agreement|deal|pact)\b|\b(?:contract|agreement|deal|pact) (?:was |were |has been |had been )(?:overwhelmingly |narrowly )?approved\b`)
	// clauseRE marks where a clause begins.
	clauseRE = regexp.MustCompile(`[,;:—–(]|\b(?:but|while|after|before|as|because|though|although|when|who|which|that)\b`)
)

// hypothetical reports whether words make what follows them a
// possibility, a plan or a wish (hypoRE), "May" the month excepted: "ended
// the strike in May and returned to work" is no maybe.
func hypothetical(pre string) bool {
	if !hypoRE.MatchString(pre) {
		return false
	}
	for _, m := range hypoRE.FindAllStringIndex(pre, -1) {
		switch w := pre[m[0]:m[1]]; {
		case w == "may" && monthMay(pre, m[0], m[1]):
		case w == "set" && setDownRE.MatchString(pre[m[1]:]):
			// "set down our caseloads and picked up picket signs": a
			// thing put down, not a plan
		case strings.HasPrefix(w, "plan") && (possessiveRE.MatchString(pre[m[1]:]) || strings.HasSuffix(pre[:m[0]], "health ")):
			// "the health plan's unionized therapists": the insurer, not
			// an intention
		default:
			return true
		}
	}
	return false
}

// spatialEndRE is a word that makes the "end" after it a place:
// "the northern end of a strike that stretches to San Diego".
var spatialEndRE = regexp.MustCompile(`^(?:northern|southern|eastern|western|far|other|opposite|each|either)$`)

// gerundAfterRE is a preposition that makes "striking" after it an act
// spoken of: "before striking", "from striking", "against striking".
var gerundAfterRE = regexp.MustCompile(`^(?:before|from|against|without)$`)

// possessiveRE finds a possessive ending at the start of a text.
var possessiveRE = regexp.MustCompile(`^['’]s?\b`)

// setDownRE finds, after "set", what makes it put something down rather
// than plan: "set down", "set aside".
var setDownRE = regexp.MustCompile(`^ (?:down|aside)\b`)

// monthMay reports whether "may" at pre[i:j] is the month: after "in",
// "of", "since", "until", "by", "early", "late", "mid" or "last", or
// after ("on 8 May") or before a day's number.
func monthMay(pre string, i, j int) bool {
	switch w := lastWords(pre[:i], 1); strings.TrimSuffix(w, "-") {
	case "in", "of", "since", "until", "by", "early", "late", "mid", "last":
		return true
	default:
		if n := strings.TrimRight(w, "stndrh"); n != "" && len(n) <= 2 && strings.Trim(n, "0123456789") == "" {
			return true // day first: "ratified it on 8 May and"
		}
	}
	rest := strings.TrimLeft(pre[j:], " ")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// clauseBefore returns the words of the clause before offset i of s, at
// most n of them.
func clauseBefore(s string, i, n int) string {
	pre := maskDateCommas(s[:i])
	if locs := clauseRE.FindAllStringIndex(pre, -1); len(locs) > 0 {
		pre = pre[locs[len(locs)-1][1]:]
	}
	w := strings.Fields(pre)
	if len(w) > n {
		w = w[len(w)-n:]
	}
	return strings.Join(w, " ")
}

// datedCommaRE finds a date written with commas ("monday, oct. 21,",
// "oct. 21, 2024,") in a lower-cased sentence, its closing comma included.
var datedCommaRE = regexp.MustCompile(`\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?,`)

// maskDateCommas returns s with the commas that do not end a clause
// blanked: those of a date set off by commas as news style writes it ("will
// walk off the job monday, oct. 21, in an open-ended strike" is one
// clause, not three) and those of a number ("will send 2,400 clinicians out
// on strike").
func maskDateCommas(s string) string {
	var b []byte
	for j := strings.IndexByte(s, ','); j >= 0 && j+3 < len(s); {
		if j > 0 && asciiDigit(s[j-1]) && asciiDigit(s[j+1]) && asciiDigit(s[j+2]) && asciiDigit(s[j+3]) {
			if b == nil {
				b = []byte(s)
			}
			b[j] = '_' // "2_400": one word, as the number is
		}
		k := strings.IndexByte(s[j+1:], ',')
		if k < 0 {
			break
		}
		j += 1 + k
	}
	for _, l := range datedCommaRE.FindAllStringIndex(s, -1) {
		for j := l[0]; j < l[1]; j++ {
			if s[j] == ',' {
				if b == nil {
					b = []byte(s)
				}
				b[j] = ' '
			}
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// sentencePhase returns the most advanced phase the sentence reports.
func sentencePhase(s string) string {
	p, _ := sentencePhaseDetail(s)
	return p
}

// sentencePhaseDetail returns the most advanced phase the sentence
// reports and, when that is the end, whether it is told as workers back
// at work (rather than as a strike ended or called off).
func sentencePhaseDetail(s string) (best string, back bool) {
	var lp letterPairs
	lp.of(s)
	for k, sig := range phaseSignals {
		if !phaseSignalMay(k, s, &lp) {
			continue
		}
		for _, m := range sig.re.FindAllStringIndex(s, -1) {
			p := sig.phase
			pre := clauseBefore(s, m[0], 8)
			last := ""
			if w := strings.Fields(pre); len(w) > 0 {
				last = w[len(w)-1]
			}
			if m[0] > 0 && s[m[0]-1] == '-' || negRE.MatchString(lastWords(pre, 3)) || strings.HasSuffix(s[:m[0]], "non-") {
				continue
			}
			if p == strike.PhaseThreatened && strings.HasPrefix(s[m[0]:m[1]], "to ") && choseToRE.MatchString(s[max(0, m[0]-20):m[0]+3]) {
				p = strike.PhaseStrike // "chose to strike this morning": the strike, chosen
			}
			if p == strike.PhaseThreatened && strings.HasPrefix(s[m[0]:m[1]], "called ") && beginningTodayRE.MatchString(s) {
				p = strike.PhaseStrike // "Beginning today, the union has called a strike of …": the strike, on
			}
			if p == strike.PhaseThreatened && strings.HasPrefix(s[m[0]:m[1]], "call ") && choseToRE.MatchString(s[max(0, m[0]-20):m[0]]) &&
				!hypothetical(s[max(0, m[0]-60):m[0]]) {
				p = strike.PhaseStrike // "leaders have chosen to call a strike rather than …": the choice made
			}
			// "NUHW's leadership chose to strike this morning": a choice
			// made, the strike with it, not one to come.
			if last == "have" && counterfactualRE.MatchString(pre) {
				continue // "Would the union have walked out if it were their child?": what might have been
			}
			if (sig.hints == stayingOut || stayOnRE.MatchString(s[m[0]:m[1]])) && ifRE.MatchString(pre) {
				continue // "asked what would happen if the therapists were still on strike at Thanksgiving"
			}
			// "began mediation aimed at ending a strike", "in an effort to
			// end the strike": a purpose, not an end; the strike to end
			// goes on.
			purpose := p == strike.PhaseEnded && purposeRE.MatchString(s[max(0, m[0]-40):m[0]])
			if purpose {
				p = strike.PhaseStrike
			}
			chosen := purpose || p == strike.PhaseStrike && last == "to" && choseToRE.MatchString(pre) && !hypothetical(strings.TrimSuffix(pre, " to"))
			// "its members will stay on strike": a strike that goes on;
			// "you will see … the strike by …, which began Oct. 21": a
			// strike begun, whatever the modal before it governs.
			chosen = chosen || p == strike.PhaseStrike && (stayOnRE.MatchString(s[m[0]:m[1]]) || begunInRE.MatchString(s[m[0]:m[1]]))
			// "your therapist may be one of the 2,400 clinicians on
			// strike", "Kaiser may replace the clinicians on strike": the
			// modal is about the therapist or the employer; the strikers,
			// named as a group, are there.
			chosen = chosen || p == strike.PhaseStrike && strikersNamed(s[m[0]:m[1]], pre)
			if p == strike.PhaseStrike && sinceInsideRE.MatchString(s[m[0]:m[1]]) {
				continue // "staff added in the region since the strike": after it
			}
			if p == strike.PhaseThreatened && (last == "possible" || last == "potential") {
				continue // "a possible strike vote": no vote held, no notice given
			}
			if p == strike.PhaseStrike && last == "informational" {
				continue // "informational picketers": a picket before any strike
			}
			if p == strike.PhaseStrike && strings.TrimSpace(s[m[0]:m[1]]) == "striking" && gerundAfterRE.MatchString(lastWords(s[:m[0]], 1)) {
				continue // "notice before striking", "barred from striking": an act spoken of, not done
			}
			// "to striking therapists" is a preposition before an
			// adjective, not an infinitive.
			infinitive := last == "to" && !strings.HasPrefix(strings.TrimSpace(s[m[0]:m[1]]), "striking") && !strings.HasPrefix(strings.TrimSpace(s[m[0]:m[1]]), "striker")
			if !chosen && p != strike.PhaseThreatened && sig.hints != stayingOut && (hypothetical(pre) || infinitive || onCondition(s, m[0]) || supposeRE.MatchString(s)) && (p != strike.PhaseTentativeAgreement || !voteOnRE.MatchString(pre)) {
				if p != strike.PhaseStrike {
					continue
				}
				p = strike.PhaseThreatened
			}
			if p == strike.PhaseThreatened && noThreat(s, m[0], pre) {
				continue // "Nobody has called a strike", "Any strike would first need a vote", "10 days' notice before a strike"
			}
			if p == strike.PhaseRatified && strings.HasPrefix(s[m[0]:m[1]], "ratif") && presentPassiveRE.MatchString(s[max(0, m[0]-12):m[0]]) && !contractIsRE.MatchString(pre) {
				continue // "return to work after it is ratified": to come
			}
			if p == strike.PhaseStrike && strings.HasPrefix(s[m[1]:], " eve") {
				p = strike.PhaseThreatened // "paint picket signs on strike eve": the night before
			}
			if p == strike.PhaseStrike && strikeVoteRE.MatchString(s) && backgroundStrikeRE.MatchString(s[max(0, m[0]-70):m[0]]) {
				continue // "pharmacy workers to vote on strike as therapists' walkout enters fourth week": the vote is the news
			}
			if p == strike.PhaseEnded && toldThatRE.MatchString(s[max(0, m[0]-90):m[0]]) {
				continue // "members … who were told, by a friend or online, that the strike … ended": a rumor
			}
			if retractedRE.MatchString(s[:m[0]]) {
				continue // "Correction: An earlier version of this article said … had gone on strike"
			}
			if p == strike.PhaseEnded && strings.HasPrefix(sig.hints, "strike") && auxNegRE.MatchString(lastWords(pre, 6)) {
				// "why hasn't the Kaiser mental health strike ended?": it
				// goes on.
				p = strike.PhaseStrike
			}
			if p != strike.PhaseStrike && p != strike.PhaseThreatened && unlessBeforeRE.MatchString(s[max(0, m[0]-100):m[0]]) {
				continue // "plan to strike Monday unless their union, …, reaches a deal": may not happen
			}
			if p != strike.PhaseStrike && p != strike.PhaseThreatened && untilAheadRE.MatchString(pre) && !pastFirstWord(s[m[0]:m[1]]) {
				continue // "we stay out until we have a tentative agreement", "until members ratify": to come
			}
			if p != strike.PhaseStrike && p != strike.PhaseThreatened && (whenAheadRE.MatchString(pre) || openedByWhen(s, m[0])) && !pastWordRE.MatchString(s[m[0]:m[1]]) &&
				!pastVerbRE.MatchString(pre) {
				continue // "the strike ends when the two sides reach an agreement": how it will end
			}
			if genericRE.MatchString(pre) {
				continue // "strikes like this usually end with a tentative agreement": a rule, not news
			}
			if p == strike.PhaseEnded && letBackRE.MatchString(s[:m[0]]) {
				continue // "Kaiser, let my therapist get back to work": a plea, not a return
			}
			if p != strike.PhaseStrike && p != strike.PhaseThreatened && askedAfter(s[m[1]:]) {
				continue // "Are Kaiser's striking therapists going back to work?": asked, not told
			}
			if p == strike.PhaseStrike && strings.HasPrefix(s[m[0]:m[1]], "been on") && last == "had" {
				continue // "one of the clinicians who had been on strike": a strike told as over
			}
			if w := s[:m[0]]; p == strike.PhaseStrike && (strings.Contains(w, "ago") || strings.Contains(w, "since")) && countedBackRE.MatchString(w) {
				continue // "One year ago today, we walked out", "It is a year this week since about 2,400 … walked out": an anniversary, not news
			}

			if p != strike.PhaseStrike && p != strike.PhaseThreatened && wishVerbRE.MatchString(s[m[0]:m[1]]) && (wishRE.MatchString(pre) || wishRE.MatchString(clauseWindow(s, m[0], 90))) {
				continue // "urging Kaiser to return to the table and reach an agreement"
			}
			if otherStrike(s, m[0], m[1]) || otherStrikeRE.MatchString(pre) {
				continue
			}
			if strings.Contains(pre, " time") && lastTimeRE.MatchString(pre) {
				continue // "The last time Kaiser's clinicians walked off the job, in August 2022, …": an earlier strike
			}
			if p == strike.PhaseMediation && mediationNotOn(s, m[0], m[1]) {
				continue
			}
			if p == strike.PhaseMediation && urgedToRE.MatchString(s[max(0, m[0]-90):m[0]]) {
				continue // "urged Kaiser and the union to resume talks with the mediators": asked for
			}
			if rest := s[m[1]:min(len(s), m[1]+60)]; otherDisputeRE.MatchString(pre) || otherDisputeRE.MatchString(strings.SplitN(rest, ".", 2)[0]) ||
				otherDisputeRE.MatchString(s[max(0, m[0]-70):m[0]]) && asideUnionRE.MatchString(s[max(0, m[0]-70):m[0]]) {
				continue // "walked off the job in a separate dispute"
			}
			if p == strike.PhaseStrike && whenBeganRE.MatchString(s[max(0, m[0]-30):m[0]]) && hasAny(s[m[0]:m[1]], "began|begun|started|starts|begins") {
				continue // "was in graduate school when the strike began": a time, not news
			}
			if w := s[max(0, m[0]-90):m[0]]; (p != strike.PhaseEnded || !backSignal(sig)) && (strings.Contains(w, "year") && yearsAfterRE.MatchString(w) || monthsAfterRE.MatchString(s[:m[0]])) {
				// "a year after Kaiser's mental health workers began a
				// walkout", "a year after … a walkout that lasted 196
				// days": a time, not news; but "a year since I walked
				// back into my office" tells the end, a year old.
				continue
			}
			if p == strike.PhaseStrike && strings.HasSuffix(s[m[0]:m[1]], " out") && aheadRE.MatchString(pre) {
				continue // "a return appointment six weeks out": time ahead
			}
			if p == strike.PhaseEnded && strings.HasPrefix(s[m[0]:m[1]], "end ") && pleaAndRE.MatchString(s[max(0, m[0]-30):m[0]]) {
				continue // "bargain now and end the mental health strike": a plea
			}
			if p == strike.PhaseEnded && strings.HasPrefix(s[m[0]:m[1]], "end of") && spatialEndRE.MatchString(lastWords(pre, 1)) {
				continue // "the northern end of a strike that stretches to San Diego": a place
			}
			if p == strike.PhaseEnded && bareEndRE.MatchString(s[m[0]:m[1]]) {
				continue // "come back to the table and end this strike": a plea
			}
			if p == strike.PhaseStrike && sig.hints == lengthStrike && afterTheRE.MatchString(s[max(0, m[0]-12):m[0]]) {
				continue // "three months after a five-day walkout": an earlier strike
			}
			if p == strike.PhaseEnded && strings.HasPrefix(s[m[0]:m[1]], "after ") && spanBeforeRE.MatchString(s[max(0, m[0]-25):m[0]]) {
				continue // "three months after a five-day walkout failed": a time, not news
			}
			if p == strike.PhaseStrike {
				if k := asClauseRE.FindStringIndex(s[max(0, m[0]-90):m[0]]); k != nil {
					if head := s[:max(0, m[0]-90)+k[0]]; sentencePhase(head) != "" {
						continue // "pharmacists authorize a strike as mental health walkout continues": the other strike is the background
					}
				}
			}
			if p == strike.PhaseStrike && bracingForRE.MatchString(s[max(0, m[0]-50):m[0]]) {
				p = strike.PhaseThreatened // "Kaiser is bracing for a five-day strike": to come
			}
			if p == strike.PhaseStrike && startAheadRE.MatchString(s[m[1]:]) {
				p = strike.PhaseThreatened // "the five-day walkout would start Oct. 14"
			}
			if p == strike.PhaseStrike && strikeThingRE.MatchString(s[m[1]:]) {
				continue // "a 10-day strike notice", "the strike vote"
			}
			if p == strike.PhaseStrike && hypoStrikeRE.MatchString(s[m[0]:m[1]]) {
				continue // "amid a possible strike": threatened, if anything
			}
			if p == strike.PhaseStrike && noticeOfRE.MatchString(s[max(0, m[0]-30):m[0]]) {
				continue // "give notice of five-day strike": the notice tells it
			}
			if p == strike.PhaseStrike && startNounRE.MatchString(s[m[0]:m[1]]) && asTheRE.MatchString(s[max(0, m[0]-20):m[0]]) {
				p = strike.PhaseThreatened // "setting Oct. 21 as the start of an open-ended strike"
			}
			if (p == strike.PhaseTentativeAgreement || p == strike.PhaseRatified) && rejectRE.MatchString(lastWords(pre, 4)) {
				continue // "rejected the tentative agreement"
			}
			if sig.hints == headlineStrike && nounPhraseRE.MatchString(lastWords(s[:m[0]], 4)) {
				continue // "this week's Kaiser nurses strike in Southern California": the strike named, a noun
			}
			if p == strike.PhaseEnded && (sig.hints == toldWhole || sig.hints == forWhole) && perfectLastedRE.MatchString(s[m[0]:m[1]]) {
				continue // "the strike by the union has lasted 100 days": going on
			}
			if p == strike.PhaseEnded && sessionInRE.MatchString(s[max(0, m[0]-70):m[0]]) {
				// "Holiday bargaining session in Kaiser therapists' strike
				// ends without a deal": the session ended, in a strike
				// that goes on.
				p = strike.PhaseStrike
			}
			if p == strike.PhaseEnded {
				if match := s[m[0]:m[1]]; (strings.HasSuffix(match, " ends") || strings.HasSuffix(match, " ended")) && spanEndsRE.MatchString(s[m[1]:]) {
					continue // "mental health strike ends first week": a span of it is over, not the strike
				}
				if match := s[m[0]:m[1]]; (strings.HasSuffix(match, " ends") || strings.HasSuffix(match, " is over")) &&
					(untilRE.MatchString(lastWords(s[:m[0]], 4)) || endsOnRE.MatchString(s[m[1]:]) || endsWhenRE.MatchString(s[m[1]:]) && !endsAfterSpanRE.MatchString(s[m[1]:])) {
					continue // an end to come: "until the strike ends", "the strike ends Sunday morning"
				}
				switch {
				case backSignal(sig) && (quoteBefore(s[:m[0]]) ||
					returnClaimRE.MatchString(lastWords(s[:m[0]], 10)) || returnClaimAfterRE.MatchString(s[m[1]:])):
					continue // "Kaiser therapists return to work, health system says", a "return to work" in quotes: a claim
				case backSignal(sig) && nobodyRE.MatchString(lastWords(pre, 3)):
					continue // "Nobody goes back to work until the members say yes"
				case backSignal(sig) && strings.HasPrefix(s[m[1]:], ":") && strings.HasPrefix(s[m[0]:], "return"):
					continue // "Returning to work: all striking clinicians return …": a heading; what follows tells
				case backSignal(sig):
					// Back at work after an agreement is the end; a part of
					// the strikers back is none, and nor is a return told in
					// a headline's present tense with its day to come
					// ("return to work Monday").
					// ("About 31,000 nurses returned to work … after a
					// five-day strike": a count back after the strike is
					// all of it.)
					// ("one of about 2,400 … who struck for 196 days before
					// returning to work": a strike told in the past, all of
					// its strikers back; but "some of" them is a share.)
					w := lastWords(s[:m[0]], 3)
					struckBefore := strings.HasSuffix(w, "before") && struckBeforeRE.MatchString(clauseWindow(s, m[0], 80)) &&
						!someOfRE.MatchString(lastWords(s[:m[0]], 25))
					if partialReturn(lastWords(s[:m[0]], 25)) && !afterStrikeRE.MatchString(s[m[1]:]) && !struckBefore || returnToComeRE.MatchString(s[m[0]:]) {
						continue
					}
					if strings.HasSuffix(w, "see you") || strings.HasSuffix(w, "before") && !struckBefore {
						continue // "see you back at work Monday", "vote before returning": to come
					}
				case ratifyRE.MatchString(s):
					p = strike.PhaseRatified // "voted to ratify, ending the strike"
				case sig.hints == backUnder:
					// "A few reminders now that we're back under our new
					// contract": the few are not of the strikers.
				case (sig.hints == toldWhole || sig.hints == forWhole) && !agreeRE.MatchString(s):
					// "some 2,400 … started a strike that would last 196 days"
				case (agreeRE.MatchString(s) || strings.Contains(s, "tentative contract")) && !noDealRE.MatchString(s):
					p = strike.PhaseTentativeAgreement // "a deal ended the strike"
				case sig.hints == endTheStrike && !shareRE.MatchString(lastWords(s[:m[0]], 25)):
					// "When 2,400-plus … clinicians ended their 196-day
					// strike": those who end a strike are all of it, unless
					// told as a share.
				case partialReturn(lastWords(s[:m[0]], 25)):
					continue
				}
			}
			if factsPhaseRank(p) > factsPhaseRank(best) {
				best = p
				back = p == strike.PhaseEnded && backSignal(sig)
			} else if p == strike.PhaseEnded && backSignal(sig) {
				back = true
			}
		}
	}
	return best, back
}

// letBackRE finds a plea to let someone back, right before a return:
// "let my therapist get back to work", "let them go back".
var letBackRE = regexp.MustCompile(`\blet (?:[\w'’-]+ ){1,4}?(?:(?:get|go|come) )?$`)

// nobodyRE finds a return denied to all: "nobody goes back to work".
var nobodyRE = regexp.MustCompile(`\b(?:nobody|no one|no-one|none of (?:us|them|the \w+))\b`)

// struckBeforeRE finds a strike told in the past right before a
// "before" that a return follows: "struck for 196 days before returning
// to work" is a return done, unlike "vote before returning". someOfRE
// finds a share of a group: "some of the roughly 2,400".
var (
	someOfRE       = regexp.MustCompile(`\b(?:some|few|several|half|many|most|dozens|hundreds|a number|a group|a handful) of\b`)
	struckBeforeRE = regexp.MustCompile(`\b(?:struck|walked out|stayed out|were out|was out|were on strike|was on strike|picketed|held the line)\b[^.;:]*\bbefore\s*$`)
)

// afterTheStrikeRE finds a headline's time after the strike, past any
// kicker: "NEIGHBORS | Six weeks after the Kaiser strike, …", "Months
// after strike, …".
var afterTheStrikeRE = regexp.MustCompile(`^(?:[^|:]{1,30}[|:] *)?(?:[\w-]+ )?(?:days|weeks|months|a year|years) after (?:the |their |its )?(?:[\w'’-]+ ){0,3}?(?:strike|walkout)\b`)

// noticeRuleRE finds the law's or the process's requirement before a
// strike notice: "must give at least 10 days' notice", "would first need
// a vote of members and a 10-day notice".
var noticeRuleRE = regexp.MustCompile(`\b(?:must|needs? (?:a|to)|would (?:first )?need|requires?|has to|have to)\b`)

// noThreat reports whether a strike read as threatened at i is none: denied
// to all ("Nobody has called a strike", "Nobody … wants to walk out"), any
// strike at all ("Any strike would first need a vote"), the law's "notice
// before a strike", or the second of two things denied ("has not set a
// strike date or called a strike vote").
func noThreat(s string, i int, pre string) bool {
	if nobodyRE.MatchString(pre) || noticeRuleRE.MatchString(pre) || openQuestionRE.MatchString(pre) {
		return true
	}
	w := lastWords(s[:i], 2)
	if strings.HasSuffix(w, "any") || w == "before a" || w == "before any" {
		return true
	}
	j := strings.LastIndex(pre+" ", " or ")
	return j > 0 && negRE.MatchString(pre[:j])
}

// openQuestionRE finds, before a threat, that it is only asked about or
// left unsaid: "Asked whether clinicians were prepared to walk out",
// "The union did not say whether it would seek a strike vote".
var openQuestionRE = regexp.MustCompile(`\b(?:asked|ask|asks|asking|say|says|said|saying|sure|know|knows|unclear|wondered|wonder|wonders)\b(?:[\w'’-]+ ){0,2}?\s*\b(?:whether|if)\b[^.;:]*$`)

// toldThatRE finds, before an end, that someone was told or heard it:
// "were told, by a friend or online, that the strike".
var toldThatRE = regexp.MustCompile(`\b(?:told|heard|rumou?rs?|rumou?red)\b[^.;]{0,60}\bthat (?:the |their |its )?$`)

// strikeVoteRE finds a vote on striking, and backgroundStrikeRE, before
// a strike, words that make it the background of that vote: "Kaiser
// pharmacy workers to vote on strike as therapists' walkout enters fourth
// week", "voted to authorize a strike, … in the middle of a five-day
// walkout by the company's nurses".
var (
	strikeVoteRE       = regexp.MustCompile(`\bvot(?:e|es|ed|ing) (?:[\w'’-]+ ){0,3}?(?:to authorize|to authorise|on (?:a |whether )?(?:to )?(?:strike|walkout)|whether to strike)\b|\bauthoriz(?:e|es|ed|ing|ation of) a strike\b|\bweigh(?:s|ed|ing)? (?:a )?strike\b`)
	backgroundStrikeRE = regexp.MustCompile(`\b(?:as|while|amid|in the middle of|adding|join|joins|joining)\b[^.;]*$`)
)

// sessionInRE finds, right before a strike told ended, a meeting held in
// it, which is what ended: "bargaining session in Kaiser therapists'".
var sessionInRE = regexp.MustCompile(`\b(?:session|sessions|talks|meeting|round|hearing|negotiations|rally|vigil|march) (?:in|during) (?:the |a |their |its )?(?:[\w'’-]+ ){0,4}$`)

// nounPhraseRE finds a determiner or a possessive among the words before
// "nurses strike", which make it a noun ("the Kaiser nurses strike",
// "this week's … strike"), not a headline's verb.
var nounPhraseRE = regexp.MustCompile(`(?:^|\s)(?:the|a|an|this|that|their|its|his|her|our|your|[\w-]+['’]s?)(?:\s|$)`)

// asClauseRE finds, right before a strike, an "as" or a "while" that
// opens a clause of background: "… as mental health walkout continues",
// "… while some 2,400 of its mental health clinicians remain on strike".
var asClauseRE = regexp.MustCompile(`\bas (?:the |a |an |their |its )?(?:[\w'’-]+ ){0,4}$|\bas (?:its|their|[\w-]+['’]s) (?:[\w'’,-]+ ){1,10}$|\bwhile (?:[\w'’,-]+ ){1,7}$`)

// perfectLastedRE finds a length told in a perfect tense: "has lasted",
// "had now lasted", "have stayed off the job": a strike going on then,
// not told whole.
var perfectLastedRE = regexp.MustCompile(`\b(?:has|have|had)(?: now| already)? (?:lasted|stayed|been|struck|walked)\b`)

// mediationOffRE finds mediation told as over, refused or only asked
// for: "talks collapsed after two days of mediation", "stalled March 11",
// "voted to suspend mediation", "one failed round of mediation",
// "declined the governor's request that the two sides bring in a
// mediator".
var mediationOffRE = regexp.MustCompile(`\b(?:collaps(?:e|es|ed|ing)|br(?:oke|eak|eaks|oken|eaking) (?:off|down)|stall(?:s|ed|ing)?|suspend(?:s|ed|ing)?|on hold|paused?|paus(?:es|ing)|stepped back|step(?:s|ping)? back|fail(?:s|ed|ing)?|end(?:s|ed)? without|walk(?:s|ed)? (?:away|out of (?:the )?(?:talks|mediation|session))|declin(?:e|es|ed|ing)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|requests?|requested|propos(?:al|e|es|ed)|calls? for|called for)\b`)

// mediationAgainRE finds mediation taken up again, which a failure told
// beside it does not undo: "resumed talks with mediators a month after
// the first session collapsed".
var mediationAgainRE = regexp.MustCompile(`\b(?:resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?|back (?:at|to|in|into|with)|again|return(?:s|ed)? to)\b`)

// mediationAheadRE finds mediation still to begin, after the match:
// "agrees to mediation; talks to start March 10", "mediation that is
// set to begin next week".
var mediationAheadRE = regexp.MustCompile(`^[^.]{0,60}?\b(?:to|will|would|set to|scheduled to|expected to|due to) (?:start|begin|open|get under way)\b`)

// mediationNotOn says whether the mediation s reports at [i, j) is not
// going on: told as failed or refused in its clause, or still to begin.
func mediationNotOn(s string, i, j int) bool {
	lo, hi := i, j
	for lo > 0 && s[lo-1] != ';' {
		lo--
	}
	for hi < len(s) && s[hi] != ';' {
		hi++
	}
	clause := s[lo:hi]
	if strings.Contains(clause, "request") {
		// "mediators appointed at the governor's request": how they came,
		// not mediation only asked for.
		clause = atRequestRE.ReplaceAllString(clause, "")
	}
	if mediationOffRE.MatchString(clause) && !mediationTakenUpAgain(clause) {
		return true
	}
	return mediationAheadRE.MatchString(s[j:])
}

// atRequestRE finds a request told as how something came about: "at the
// governor's request", "at the request of the governor".
var atRequestRE = regexp.MustCompile(`\bat (?:the )?(?:[\w'’.-]+ ){0,3}?request\b(?: of [^,.;]{1,40})?`)

// mediationTakenUpAgain reports whether the clause tells mediation taken
// up again (see mediationAgainRE), not denied it: "broke down in March
// and have not resumed" is still off.
func mediationTakenUpAgain(clause string) bool {
	for _, m := range mediationAgainRE.FindAllStringIndex(clause, -1) {
		if !negRE.MatchString(lastWords(clause[:m[0]], 2)) {
			return true
		}
	}
	return false
}

// shareRE finds a count told as a share of the strikers: "60% of", "half
// of", "some of the".
var shareRE = regexp.MustCompile(`\b(?:\d+ ?%|\d+ percent|half|majority|minority|a third|a quarter|(?:some|many|most|few|hundreds|dozens|several) of)\b`)

// clauseWindow returns up to n bytes of s before i, from after the last
// comma, semicolon or colon: a wish may take more words than
// clauseBefore keeps ("urging the health system to return to bargaining
// and end a strike").
func clauseWindow(s string, i, n int) string {
	w := s[max(0, i-n):i]
	if j := strings.LastIndexAny(w, ",;:"); j >= 0 {
		w = w[j+1:]
	}
	return w
}

// wishRE finds someone urged or asked to do what follows: "urging Kaiser
// to return to the table and reach an agreement" reports no agreement,
// nor does "to demand that Kaiser settle a fair contract and end our
// strike" an end.
var wishRE = regexp.MustCompile(`\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|press(?:es|ed|ing)?|push(?:es|ed|ing)?|implor(?:e|es|ed|ing)|beg(?:s|ged|ging)?)\s+(?:[\w'’-]+\s+){0,5}?to\b|\b(?:focus(?:ed|es|ing)?|intent|centered) on\s*$|\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?) that\b`)

// presentPassiveRE finds "is", "are", "be" or "gets" right before a
// match: "after it is ratified" tells a ratification to come; news of one
// done says "was ratified".
// beginningTodayRE finds a strike told as starting on the day it is
// written: "Beginning today, …", "as of this morning".
var beginningTodayRE = regexp.MustCompile(`\b(?:beginning|starting|effective|as of) (?:today|this morning)\b`)

// counterfactualRE finds a modal before "have" and a participle: what
// might have been ("would the union have walked out").
var counterfactualRE = regexp.MustCompile(`\b(?:would|could|might|should)(?:n['’]t)?\b`)

// ifRE finds a condition before a strike's words.
var ifRE = regexp.MustCompile(`\b(?:if|whether)\b`)

// contractIsRE finds a contract that a main clause tells ratified: "The
// contract is ratified." (not "… once the contract is ratified").
var contractIsRE = regexp.MustCompile(`^(?:and |so )?(?:the |our |their |its |a |the new |our new )?(?:[\w-]+ )?(?:contract|agreement|deal|pact)(?: with [\w' ]{1,40}?)? (?:is|are)$`)

// noDealRE finds a strike ended with no agreement: "head back without a
// deal", "no contract yet".
var noDealRE = regexp.MustCompile(`\b(?:without|no) (?:a |an |any )?(?:new )?(?:deal|agreement|contract|accord|pact)\b`)

var presentPassiveRE = regexp.MustCompile(`\b(?:is|are|be|being|gets|get)\s+$`)

// retractedRE finds a correction's account of what an earlier version
// wrongly said: what follows it did not happen.
var retractedRE = regexp.MustCompile(`\bearlier (?:version|update|report|edition)(?: of (?:this|the) (?:article|story|report|post|item))?\b[^.;]*?\b(?:said|stated|reported|misstated|incorrectly)\b`)

// afterStrikeRE finds a return told as the strike's end: "… returned to
// work Sunday morning after a five-day strike", "were back at work
// Monday, six months and three weeks after they went on strike",
// "reported for work Monday …, ending their strike" (or "closing out a
// 196-day strike"), "returned to work …
// as the three-day strike called by a coalition of unions came to an
// end".
var afterStrikeRE = regexp.MustCompile(`^[^.;]{0,160}?\b(?:(?:after|ending|to end|that ended|which ended|closing out|capping|wrapping up|concluding) (?:a|an|the|their|its) (?:[\w-]+ ){0,3}?(?:strike|walkout|stoppage)\b|after (?:they|the (?:[\w-]+ ){0,2}?(?:workers|clinicians|therapists|nurses|strikers)) (?:went on strike|walked out|walked off the job)\b|as (?:a|an|the|their|its) (?:[\w-]+ ){0,3}?(?:strike|walkout|stoppage)\b[^.;]{0,60}?\b(?:ended|came to an end|was called off|wrapped up)\b|after (?:[\w-]+ ){1,2}(?:days|weeks|months) (?:on (?:the |a )?picket lines?|on strike|off the job)\b|under (?:a|the|their|its|our) (?:new |first |ratified )?(?:contract|agreement)\b)`)

// supposeRE finds a sentence that opens by supposing: all of it is
// hypothetical ("Suppose the 2,400 clinicians who work for Kaiser walk
// out.").
var supposeRE = regexp.MustCompile(`^["“'‘]?(?:suppose|supposing|imagine|picture this|what if)\b`)

// afterTheRE finds "after a" right before a strike named with its
// length, which makes it an earlier one.
var afterTheRE = regexp.MustCompile(`\bafter (?:an?|the|their|its) $`)

// spanBeforeRE finds a span of time right before "after a five-day
// strike", which makes the strike a time: "three months after".
var spanBeforeRE = regexp.MustCompile(`\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+) (?:days?|weeks?|months?|years?) $`)

// startAheadRE finds, right after a strike's phrase, its start still to
// come: "the five-day walkout would start Oct. 14", "a strike set to
// begin Monday".
// untilAheadRE finds, in the clause before a phase's words, an "until"
// or "unless" whose clause tells nothing as done: "we stay out until we
// have a tentative agreement", "until members ratify the agreement" (not
// "until members ratified it on May 8").
var untilAheadRE = regexp.MustCompile(`\b(?:until|till|unless)\b(?:\s+(?:we|they|members|the|a|an|our|their|its|workers|kaiser|both|sides|have|has|get|gets|is|are|there|can)\b)*\s*$`)

// whenAheadRE finds, in the clause before a phase's words, a "when" or
// "once" opening a clause in the present: "the strike ends when the two
// sides reach an agreement" tells how it will end (not "when the
// clinicians ratified it").
var whenAheadRE = regexp.MustCompile(`\b(?:once|whenever)(?:\s+[\w'’-]+){0,6}\s*$`)

// pastWordRE finds a verb in the past tense.
var pastWordRE = regexp.MustCompile(`\b(?:\w+ed|came|went|struck|won|began|begun|broke|got|voted|was|were)\b`)

// pastVerbRE finds a verb of ending or returning in the past tense: "when
// the strike … ended with their return to work" tells how it ended.
var pastVerbRE = regexp.MustCompile(`\b(?:ended|returned|went|came|finished|settled)\b`)

// openedByWhen reports whether the clause before offset i of s opens on
// "when" (which clauseBefore leaves out).
func openedByWhen(s string, i int) bool {
	locs := clauseRE.FindAllStringIndex(s[:i], -1)
	return len(locs) > 0 && s[locs[len(locs)-1][0]:locs[len(locs)-1][1]] == "when"
}

// genericRE finds words that make a clause a rule of how strikes go:
// "strikes usually end with a deal", "a strike typically ends when …".
var genericRE = regexp.MustCompile(`\b(?:usually|typically|generally|normally|traditionally|tend to|tends to)\b`)

// pastFirstWord reports whether a match opens on a verb in the past
// tense: "ratified …", "reached …".
func pastFirstWord(match string) bool {
	w, _, _ := strings.Cut(match, " ")
	return strings.HasSuffix(w, "ed") || w == "came" || w == "went" || w == "struck" || w == "won"
}

// askedAfter reports whether the sentence goes on to a question mark
// before any full stop: the words before it are asked, not told.
func askedAfter(rest string) bool {
	q := strings.IndexByte(rest, '?')
	if q < 0 {
		return false
	}
	dot := strings.IndexByte(rest, '.')
	return dot < 0 || q < dot
}

// begunInRE finds, inside a strike signal's match, that the strike
// began: "the strike by … workers, which began".
var begunInRE = regexp.MustCompile(`\bwhich (?:began|started)$`)

// stayOnRE finds a strike that goes on at the start of a strike signal's
// match: "stay on strike", "remain on strike".
// theGroupRE ends the words before "clinicians on strike" when they make
// it a definite group: "one of the nearly", "the", "its 2_400".
var theGroupRE = regexp.MustCompile(`\b(?:(?:one|some|many|most|all|several|each) of|among) (?:the|its|their|our|kaiser's)\b[^.;:]*$|(?:^|\s)(?:the|its|their|our|kaiser's)(?: \S+){0,2}$`)

// strikersNamed reports whether match, a strike signal, names the strikers
// ("clinicians on strike") and the words pre before it make them a definite
// group ("the"), whose strike is then given, not to come.
func strikersNamed(match, pre string) bool {
	noun, rest, ok := strings.Cut(match, " ")
	if !ok || rest != "on strike" || !strings.HasSuffix(noun, "s") {
		return false
	}
	switch noun {
	case "is", "was", "has", "goes", "does", "stays", "remains":
		return false
	}
	return theGroupRE.MatchString(pre)
}

var stayOnRE = regexp.MustCompile(`^(?:stay|remain|remains|still) on\b`)

var startAheadRE = regexp.MustCompile(`^,? (?:to|would|will|is to|are to|(?:is|are|was|were) (?:set|scheduled|expected|due) to|set to|scheduled to|due to|could|may|might) (?:start|begin|get under way|kick off|go ahead)\b|^[^.;]{0,80}?,? (?:starting|beginning) (?:first thing |early |late )?(?:tomorrow|tonight)\b`)

// asideUnionRE finds another union named in an aside set off by commas
// before a strike's phrase: "the clinicians, in a separate union, are in
// their fourth week on strike".
var asideUnionRE = regexp.MustCompile(`, (?:in|with|from|of|represented by) (?:a|an) (?:separate|different|another|other|rival) (?:union|dispute|bargaining unit),`)

// bracingForRE finds, before a strike's phrase, those bracing for it: a
// strike to come ("Kaiser is bracing for a five-day strike").
var bracingForRE = regexp.MustCompile(`\b(?:brac(?:e|es|ed|ing)|gear(?:s|ed|ing)? up) for (?:an? |the |its |their )?(?:[\w-]+ ){0,3}$`)

// unlessBeforeRE finds an "unless" earlier in the clause, however long
// the names set off by commas after it: "plan to strike Monday unless
// their union, the National Union of Healthcare Workers, reaches a deal".
var unlessBeforeRE = regexp.MustCompile(`\bunless\b[^.;]*$`)

// yearsAfterRE finds a strike used to tell a time a year or more later:
// "a year after Kaiser's mental health workers began a walkout"; or months
// later, when the sentence opens so ("Five months after the clinicians
// ended a 196-day strike, another group … is preparing to walk out").
var yearsAfterRE = regexp.MustCompile(`\b(?:a|one|two|three|\d+) (?:full )?years? (?:after|since|on from)\b[^,;.]{0,80}$`)

// monthsAfterRE is yearsAfterRE for a sentence that opens on months since
// a strike, up to the strike.
var monthsAfterRE = regexp.MustCompile(`^(?:[\w'’]+ )?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d+) months (?:after|since)\b[^,;.]{0,120}$`)

// sinceInsideRE finds a strike told as the setting ("in the region
// since the strike") through a word that puts the news after or before
// it.
var sinceInsideRE = regexp.MustCompile(`^(?:in|amid|amidst) .*\b(?:since|after|before|until)\b`)

// purposeRE finds a purpose right before an end: "aimed at ending a
// strike", "in a bid to end", "with the goal of ending".
var purposeRE = regexp.MustCompile(`\b(?:aim(?:ed|ing|s)? at|in (?:an? )?(?:effort|bid|attempt|hopes?|push) (?:at|of|to)|with (?:the |a )?(?:goal|aim|hope|purpose) of|designed to|meant to|intended to|seek(?:ing|s)? to|(?:try|tries|trying) to|hop(?:e|es|ing) to|pushing (?:for|to)|push(?:es|ed)? for|press(?:es|ed|ing)? for|call(?:s|ed|ing)? for|toward)\s+(?:(?:broker|negotiate|forge|find|secure|bring|put) )?(?:an? |the )?$|\b(?:broker|negotiate|forge) (?:an? )?$|` +
	// "ask NUHW to end this strike", "without an agreement to end the
	// strike", "had a chance to end this strike": an end asked for,
	// missed or passed up.
	`\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|implor(?:e|es|ed|ing)) (?:[\w'’-]+ ){1,6}?to\s+$|` +
	// "urged Kaiser … to return to the bargaining table and end a strike":
	// an end joined to another act asked for.
	`\bto (?:return|go back|come back|get back|sit down|meet|bargain|negotiate|compromise|settle) (?:[\w'’-]+ ){0,5}?and\s+$|` +
	`\b(?:(?:without|no|not|failed to reach|fail to reach|fails to reach) (?:an? |any )?(?:agreement|deal|accord)|chance|opportunity|offer|proposal|talks|session|negotiations|bargaining|pressure) to\s+$`)

// urgedToRE finds, before mediation's words, someone urged to take it
// up: "urged Kaiser and the union to resume talks with".
var urgedToRE = regexp.MustCompile(`\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|press(?:es|ed|ing)?|implor(?:e|es|ed|ing))\s+(?:[\w'’-]+\s+){0,6}?to\s+(?:[\w'’-]+\s+){0,3}$`)

// wishVerbRE finds a match that is an act ("reach an agreement", "settle
// the strike"), which a wish may ask for, not the thing itself ("the
// tentative agreement", which members may be asked to ratify).
var wishVerbRE = regexp.MustCompile(`^(?:reach|reaching|settle|settling|end|ending|agree|sign|strike|come to|hammer|call off|calling off|resolve|resolving)\b`)

// aheadRE finds the words of booking and waiting before "weeks out"
// (and "next": "the next circle is three weeks out"):
// time ahead, not time on strike.
var aheadRE = regexp.MustCompile(`\b(?:next|appointments?|booked|booking|scheduled|schedule|scheduling|wait|waits|waiting|visits?|slots?|calendar)\b`)

// choseToRE finds a choice made before "to strike": "chose to strike",
// "decided to walk out" (not "voted to strike", an authorization).
var choseToRE = regexp.MustCompile(`\b(?:chose|chosen|decided|opted|elected) to\s*$`)

// auxNegRE finds a negated auxiliary before an end: "hasn't the strike
// ended", "the strike has not ended".
var auxNegRE = regexp.MustCompile(`\b(?:hasn['’]t|has not|haven['’]t|have not|isn['’]t|is not|wasn['’]t|was not|didn['’]t|did not|won['’]t|will not|hadn['’]t|had not)\b`)

// countedBackRE finds a time counted back in the clause before a strike: "one
// year ago today", "two years ago".
var countedBackRE = regexp.MustCompile(`\b(?:a|one|two|three|four|five|\d+) years? (?:ago|(?:this week |this month |today )?since)\b`)

// statementRE finds a release that quotes a statement whole: "issued
// the following statement", "The following statement is attributed to".
var statementRE = regexp.MustCompile(`\b(?:(?:the )?following statement|statement (?:is )?attributed to|issued (?:a|the|this) statement)\b`)

// pleaAndRE finds an imperative's "now and" before a bare "end": "bargain
// now and end the strike".
var pleaAndRE = regexp.MustCompile(`\b(?:now|today|immediately|at once) and $`)

// bareEndRE finds an end asked for, not reported: "end this strike",
// "call off this walkout".
var bareEndRE = regexp.MustCompile(`^(?:end|call off) this `)

// quotedWhole reports whether a sentence is a quotation and nothing
// else: it opens with a quotation mark.
func quotedWhole(text string) bool {
	// (A closing mark first is an opening one typed wrong, as paired
	// quotes across a quotation's paragraphs come out.)
	return strings.HasPrefix(text, "\"") || strings.HasPrefix(text, "“") || strings.HasPrefix(text, "”")
}

// onCondition reports whether s opens with a condition ("unless …, ",
// "if …, ") that ends before offset i: what follows it may not happen.
func onCondition(s string, i int) bool {
	unless := strings.HasPrefix(s, "unless ")
	if !unless && !strings.HasPrefix(s, "if ") {
		return false
	}
	k := strings.IndexByte(s, ',')
	if k <= 0 || k >= i {
		return false
	}
	// "If you have an appointment, …" is no condition on the strike;
	// "if talks fail", "if no deal is reached", "if Kaiser does not" are.
	return unless || failingRE.MatchString(s[:k])
}

// failingRE finds a condition that fails: "if talks fail", "if no deal
// is reached", "if Kaiser doesn't move".
var failingRE = regexp.MustCompile(`\b(?:no|not|never|fail|fails|failed|collapse|collapses|break down|breaks down|refuse|refuses|rejects?)\b|n['’]t\b`)

// voteOnRE finds a vote on what follows it ("will vote next week on a
// tentative agreement"): the vote may be to come, the agreement is not.
var voteOnRE = regexp.MustCompile(`\bvot(?:e|es|ing)\b(?: [\w'’-]+){0,3}? on (?:a|an|the|their|its)$`)

// otherStrike reports whether the phrase s[i:j] is about another,
// earlier strike: its strike noun is "the 2022 strike" or "an earlier
// walkout".
func otherStrike(s string, i, j int) bool {
	from := max(0, i-30)
	for _, m := range otherStrikeRE.FindAllStringIndex(s[from:j], -1) {
		if from+m[1] > i {
			return true
		}
	}
	return false
}

// payWords follow a percentage that is pay, not a share of the strikers
// ("20% raises", "20 percent over four years").
var payWords = map[string]bool{"raise": true, "raises": true, "pay": true, "wage": true, "wages": true,
	"increase": true, "increases": true, "salary": true, "salaries": true, "hike": true, "hikes": true,
	"bump": true, "bumps": true, "over": true}

// partialReturn reports whether the words before a return to work say
// that only part of the strikers returned: "some", "half of", "more than
// 1,000 therapists", "60%". A number of days or a year is no share, and
// "most" or "many" counts only before "of" or a noun of people.
func partialReturn(pre string) bool {
	for _, m := range partialRE.FindAllStringIndex(pre, -1) {
		w := strings.TrimRight(pre[m[0]:m[1]], " ")
		next := ""
		if f := strings.Fields(pre[m[1]:]); len(f) > 0 {
			next = strings.Trim(f[0], ",.;:")
		}
		switch {
		case w == "more" && (next == "than" || next == "and" || next == "to" || lastWords(pre[:m[0]], 1) == "no"):
			continue // "more than 2,400 clinicians", "more and more", "no more horns": no share
		case w[0] >= '0' && w[0] <= '9' && (monthNames[strings.TrimSuffix(lastWords(pre[:m[0]], 1), ".")] || monthNames[strings.TrimSuffix(next, ".")]):
			continue // "on May 4, 2025", "on 8 May": a date, not a share
		case w[0] >= '0' && w[0] <= '9' && theWholeRE.MatchString(strings.TrimRight(pre[:m[0]], " ")):
			continue // "the 2,400 clinicians", "all 2,400 therapists": the whole unit
		case w[0] >= '0' && w[0] <= '9':
			if strings.HasSuffix(w, "%") || next == "percent" || next == "%" {
				// "20% raises", "20 percent pay increases": pay, not a share.
				after := next
				if next == "percent" || next == "%" {
					if f := strings.Fields(pre[m[1]:]); len(f) > 1 {
						after = strings.Trim(f[1], ",.;:")
					}
				}
				if payWords[after] {
					continue
				}
				return true
			}
			if next == "of" {
				return true
			}
			if next != "%" && struckRE.MatchString(pre[m[1]:]) && !relativeRE.MatchString(pre[m[1]:]) {
				// "About 2,400 members walked out in October and went back
				// in May": the count is of the strikers, all of them back
				// (not "60% of the clinicians who walked out").
				continue
			}
			if n, err := strconv.Atoi(strings.ReplaceAll(w, ",", "")); err == nil && n >= 1900 && n <= 2100 && !strings.Contains(w, ",") {
				continue // a year
			}
			// "a 196-day strike": a length, not a share.
			switch strings.TrimSuffix(strings.TrimPrefix(next, "-"), "s") {
			case "", "day", "week", "month", "year", "hour", "minute", "a.m", "p.m":
				continue
			}
			return true
		case w == "third" || w == "thirds" || w == "quarter" || w == "portion" || w == "share" || w == "fraction":
			// "a third of the strikers", "a growing share has since
			// returned"; not "the quarter included".
			switch next {
			case "of", "have", "has", "had", "are", "is", "were", "was", "returned", "went", "came", "now":
				return true
			}
		case w == "most" || w == "many":
			// "most of the strikers", "many therapists", or "many" as the
			// subject: "many have returned".
			switch next {
			case "of", "have", "had", "has", "are", "were", "returned", "went", "came", "now":
				return true
			}
			if peopleNouns[next] {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// endsOnRE finds the day after a present-tense end that puts it ahead:
// "the five-day strike ends Sunday morning", "ends at 7 a.m. on Oct. 19".
// endsWhenRE finds a condition after a present-tense end: "a strike
// ends when both sides decide …" says how strikes end, not that this
// one did.
// endsAfterSpanRE finds a length after "ends": "walkout ends after 196
// days" is a headline's present for an end reached, not one to come.
var endsAfterSpanRE = regexp.MustCompile(`^,? after (?:nearly |almost |about |more than |some )?(?:\d+|[a-z]+(?:-[a-z]+)?) (?:days|weeks|months)\b`)

var endsWhenRE = regexp.MustCompile(`^,? (?:only )?(?:when|if|once|after)\b`)

var endsOnRE = regexp.MustCompile(`^,? (?:on |at |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|\d{1,2}(?::\d\d)? ?[ap]\.?m\b)`)

// monthNames are the months' names and abbreviations, lower-cased.
var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true,
}

// struckRE finds words that say a counted group struck: what follows a
// count of all the strikers, not of some who returned.
var struckRE = regexp.MustCompile(`\b(?:walked out|walked off the job|went on strike|struck)\b`)

// relativeRE finds a relative clause: "the clinicians who walked out".
var relativeRE = regexp.MustCompile(`\b(?:who|that|which)\b`)

func lastWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[len(w)-n:]
	}
	return strings.Join(w, " ")
}

// detectPhase returns the most advanced phase reported in the lead (the
// title and first paragraph), or, when the lead reports none, in the first
// paragraph that reports one, with the index of the sentence that reports
// it; mediation reported going on anywhere raises a strike to mediation.
//
// A strike said to be over ("ended their walkout", "the strike is over")
// is in the phase of the contract the article reports, tentative or
// ratified, unless the article has the workers back at work: the
// strikers are only back once the contract is settled. When toCome is
// set (a dated article), a strike told in the present tense with its day
// ahead is one to come.
func detectPhase(ss []factSentence, pub time.Time, toCome bool, named func(i int) bool) (string, int) {
	best, at := "", -1
	for i, s := range ss {
		if !s.lead {
			continue
		}
		if p := s.phase(); factsPhaseRank(p) > factsPhaseRank(best) {
			best, at = p, i
		}
	}
	// Mediated talks told as over up front: the body's mediation is an
	// older state (a live page's earlier update), not the current one.
	offUpFront := mediationOffUpFront(ss)
	if best == "" || at >= 0 && ss[at].title && shortOpening(ss) {
		// The lead says nothing of the phase, or only its headline does
		// and its first paragraph is a greeting or a scene ("Good
		// morning.", "The news broke overnight."): the first paragraph
		// that tells a phase decides, with the headline, as the rest is
		// background (or, in a roundup, other disputes).
		// Of a roundup's items, the one that names the employer or the
		// union tells this dispute's phase ("Today in labor: … banquet
		// servers may vote … Kaiser nurses returned to work …"); with no
		// such item, the first that tells one.
		namedParas := map[int]bool{}
		for i, s := range ss {
			if named != nil && !s.lead && !namedParas[s.para] && named(i) {
				namedParas[s.para] = true
			}
		}
		// A statement's release quotes the statement whole: its quotes
		// are what it says, not a memory.
		statement := slices.ContainsFunc(ss, func(s factSentence) bool {
			return (s.lead || s.para <= 2) && strings.Contains(s.lower, "statement") && statementRE.MatchString(s.lower)
		})
		for _, needName := range []bool{len(namedParas) > 0, false} {
			para := -1
			for i, s := range ss {
				if s.lead || para >= 0 && s.para != para || needName && !namedParas[s.para] {
					continue
				}
				if offUpFront && s.phase() == strike.PhaseMediation {
					continue // "mediated session ends without a deal" up front: a live page's older update
				}
				if !pub.IsZero() && historical(s, pub) {
					continue // "won similar protections after a ten-week strike in 2022": background
				}
				if quotedWhole(s.text) && !statement {
					continue // "\"Then I remembered we went on strike for that block.\"": a memory
				}
				if question(s) && slices.ContainsFunc(ss, func(a factSentence) bool { return a.para == s.para && !question(a) && a.phase() != "" }) {
					continue // "Who is striking? About 2,400 … are set to walk out Oct. 21": the answer tells
				}
				p := s.phase()
				if p != "" && para < 0 {
					para = s.para
				}
				if factsPhaseRank(p) > factsPhaseRank(best) {
					best, at = p, i
				}
			}
			if para >= 0 || !needName {
				break
			}
		}
	}
	if best == strike.PhaseStrike && slices.ContainsFunc(ss, func(s factSentence) bool { return s.lead && endingRE.MatchString(s.lower) }) {
		// "The Kaiser strike is ending": the lead tells an end at hand,
		// the body the deal that brings it.
		for i, s := range ss {
			if !s.lead && s.phase() == strike.PhaseTentativeAgreement && (pub.IsZero() || !historical(s, pub)) {
				best, at = strike.PhaseTentativeAgreement, i
				break
			}
		}
	}
	if best == strike.PhaseStrike && len(ss) > 0 && ss[0].title && afterTheStrikeRE.MatchString(ss[0].lower) {
		// "Six weeks after the Kaiser strike, the corgis miss the picket
		// line": the headline tells the strike as over; the body says how.
		for i, s := range ss {
			if p := s.phase(); !s.title && (p == strike.PhaseEnded || p == strike.PhaseRatified) && (pub.IsZero() || !historical(s, pub)) {
				best, at = strike.PhaseEnded, i // (a ratification told after the strike is its end)
				break
			}
		}
	}
	if p, i := lookBackEnd(ss, pub, at); p != "" && factsPhaseRank(p) > factsPhaseRank(best) {
		best, at = p, i
	}
	// (A threat the lead tells is not made a strike by answers about
	// striking: "Unless management bargains, we walk out Monday. … Can I
	// be fired? No. Striking is protected activity.")
	threat := best == strike.PhaseThreatened
	if p, i := timelinePhase(ss); factsPhaseRank(p) > factsPhaseRank(best) && !(threat && p == strike.PhaseStrike) {
		best, at = p, i
	}
	if p, i := faqPhase(ss, pub); factsPhaseRank(p) > factsPhaseRank(best) && !(threat && p == strike.PhaseStrike) {
		best, at = p, i
	}
	if best == strike.PhaseStrike && toCome && !pub.IsZero() && strikeToCome(ss, pub) {
		// "Our strike begins at 7 a.m. on Monday, October 21", ten days
		// ahead: what its answers say of striking is to come too.
		best = strike.PhaseThreatened
	}
	if factsPhaseRank(best) < factsPhaseRank(strike.PhaseMediation) && !offUpFront {
		// A strike reported with its mediation going on in the background
		// ("two weeks into mediated talks, which are continuing") is in
		// mediation: the lead tells the day's event, the body the state of
		// the talks.
		// Not from another item of a numbered list: a roundup's items
		// are other disputes.
		for i, s := range ss {
			if !s.lead && strings.Contains(s.lower, "mediat") && (s.item < 0 || at >= 0 && s.item == ss[at].item) &&
				s.phase() == strike.PhaseMediation && (pub.IsZero() || !historical(s, pub)) {
				return strike.PhaseMediation, i
			}
		}
	}
	if best == strike.PhaseRatified && at >= 0 && !pub.IsZero() && toCome && allLongAgo(ss[at], pub) {
		// "Members ratified the contract in voting that ended May 8", told
		// in June: the strikers went back long since.
		return strike.PhaseEnded, at
	}
	if best == strike.PhaseTentativeAgreement && at >= 0 && !pub.IsZero() && toCome && allLongAgo(ss[at], pub) {
		// "… stayed out before a deal was reached in early May", told in
		// June: the body's return, dated, is the news ("returned to work
		// May 12").
		for i, s := range ss {
			if i != at && s.phase() == strike.PhaseEnded && !historical(s, pub) && datedPast(s, pub) {
				return strike.PhaseEnded, i
			}
		}
		if allOlderThan(ss[at], pub, 60) && dealDated(ss[at]) {
			// "… before ending with a tentative deal in early May", told
			// in December: the deal ended the strike long since.
			return strike.PhaseEnded, at
		}
	}
	if best != strike.PhaseEnded {
		return best, at
	}
	if at >= 0 && !pub.IsZero() && endedLongAgo(ss[at], pub) {
		// "When … clinicians ended their 196-day strike in May", six
		// months on: over, whatever the contract's sentences say.
		return best, at
	}
	contract, cat := "", -1
	for i, s := range ss {
		p, back := s.phaseDetail()
		if back {
			return best, at
		}
		if (p == strike.PhaseTentativeAgreement || p == strike.PhaseRatified) && factsPhaseRank(p) > factsPhaseRank(contract) {
			contract, cat = p, i
		}
	}
	if contract != "" {
		return contract, cat
	}
	return best, at
}

// question reports whether the sentence asks.
func question(s factSentence) bool { return strings.HasSuffix(strings.TrimSpace(s.text), "?") }

// mediationOffUpFront reports whether the headline or lead tells
// mediated talks as over ("mediated session ends without a deal", "a day
// after talks broke off"): the body's mediation is then an older state
// (a live page's earlier updates), not the current one.
func mediationOffUpFront(ss []factSentence) bool {
	for _, s := range ss {
		if !s.lead {
			continue
		}
		if (strings.Contains(s.lower, "mediat") || strings.Contains(s.lower, "talks")) && mediationOffRE.MatchString(s.lower) &&
			!mediationTakenUpAgain(s.lower) && s.phase() != strike.PhaseMediation {
			return true
		}
	}
	return false
}

// endingRE finds a strike's end told as at hand or asked about: "the
// strike is ending", "the walkout nears its end", "Strike over?".
var endingRE = regexp.MustCompile(`\b(?:strike|walkout|stoppage) (?:is|are) (?:ending|coming to an end|winding down)\b|\b(?:strike|walkout|stoppage) (?:nears|nearing) (?:its |an )?end\b|\b(?:strike|walkout|stoppage) (?:is |really )?(?:over|done)\?`)

// lookBackEnd returns, for a look back, the end it tells and the
// sentence telling it; "" for any other article. A look back opens on a
// strike dated, with its year, half a year or more before publication ("The first
// morning, Oct. 21, 2024, nobody on the picket line …", in 2026) and
// tells that strike's end further on ("It ended with a tentative
// agreement on May 4, 2025 …"): the end is what it reports as current,
// whatever its opening scene. An end dated before the opening's day is an
// earlier strike's.
func lookBackEnd(ss []factSentence, pub time.Time, at int) (string, int) {
	if at < 0 || !ss[at].lead || pub.IsZero() {
		return "", -1
	}
	opened := time.Time{}
	for _, m := range ss[at].dates {
		if !yearRE.MatchString(m.Text) {
			continue // "Oct. 21" may be a day to come
		}
		if d, _, ok := resolveDate(m.Text, pub, dirPast); ok && (opened.IsZero() || d.Before(opened)) {
			opened = d
		}
	}
	if opened.IsZero() || opened.After(dayOf(pub).AddDate(0, 0, -180)) {
		return "", -1
	}
	for i, s := range ss {
		if i == at || s.item >= 0 {
			continue
		}
		if s.phase() != strike.PhaseEnded {
			continue
		}
		earlier := slices.ContainsFunc(s.dates, func(m dateMention) bool {
			d, _, ok := resolveDate(m.Text, pub, dirPast)
			return ok && d.Before(opened)
		})
		if !earlier {
			return strike.PhaseEnded, i
		}
	}
	return "", -1
}

// endedLongAgo reports whether the sentence telling the end dates it a
// month or more before publication ("in May", written in November): the
// end is old news, not a deal of the day that ends a strike.
func endedLongAgo(s factSentence, pub time.Time) bool {
	for _, m := range s.dates {
		d, _, ok := resolveDate(m.Text, pub, dirPast)
		if ok && d.Before(dayOf(pub).AddDate(0, 0, -30)) {
			return true
		}
	}
	return false
}

// quoteBefore reports whether s ends with an opening quotation mark,
// straight or curly.
func quoteBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '"' || r == '“' || r == '\'' || r == '‘'
}

// datedPast reports whether the sentence dates something and every date
// it gives is on or before pub.
func datedPast(s factSentence, pub time.Time) bool {
	day := dayOf(pub)
	return everyDate(s, pub, func(d time.Time) bool { return !d.After(day) })
}

// dealDated reports whether a date follows the sentence's deal or
// agreement closely ("a tentative deal in early May", "a deal in October
// brokered by …"): the deal's date, not the date of something else the
// sentence tells ("picketed since October, … two days after their union
// reached a tentative agreement").
func dealDated(s factSentence) bool {
	for _, w := range []string{"deal", "agreement", "accord", "pact"} {
		i := strings.LastIndex(s.lower, w)
		if i < 0 {
			continue
		}
		for _, m := range s.dates {
			if m.Start > i && m.Start-(i+len(w)) <= 12 {
				return true
			}
		}
	}
	return false
}

// allLongAgo reports whether the sentence dates something and every date
// it gives is a month or more before publication: "Members ratified the
// contract in voting that ended May 8", told in June, not "ratified the
// contract Thursday, ending the strike that began Oct. 21".
func allLongAgo(s factSentence, pub time.Time) bool { return allOlderThan(s, pub, 30) }

// allOlderThan reports whether the sentence dates something and every
// date it gives is the given number of days or more before publication.
func allOlderThan(s factSentence, pub time.Time, days int) bool {
	cut := dayOf(pub).AddDate(0, 0, -days)
	return everyDate(s, pub, func(d time.Time) bool { return d.Before(cut) })
}

// everyDate reports whether the sentence dates something and every date
// it gives, resolved back from pub, satisfies ok.
func everyDate(s factSentence, pub time.Time, ok func(time.Time) bool) bool {
	n := 0
	for _, m := range s.dates {
		d, _, resolved := resolveDate(m.Text, pub, dirPast)
		if !resolved {
			continue
		}
		if !ok(d) {
			return false
		}
		n++
	}
	return n > 0
}

// latestYear returns the latest year the sentences name, 0 when none.
func latestYear(ss []factSentence) int {
	latest := 0
	for _, s := range ss {
		if !strings.ContainsAny(s.text, "12") {
			continue
		}
		for _, m := range yearRE.FindAllString(s.text, -1) {
			y, _ := strconv.Atoi(m)
			latest = max(latest, y)
		}
	}
	return latest
}

// startsRE finds a strike's start told in the present tense, as a
// schedule is: "our strike begins at 7 a.m. on Monday", "our members walk
// out on Monday, Oct. 21", "a five-day strike beginning October 14", or
// a strike with its day: "Kaiser nurses' strike Oct. 14".
var startsRE = regexp.MustCompile(`\b(?:strike|walkout|stoppage) (?:begins|starts|beginning|starting)\b|\b(?:strike|walkout|stoppage)s? (?:on |set for |slated for |planned for )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b(?:begin|begins|start|starts|launch|launches) (?:an? |their |its )?(?:[\w-]+ )?(?:strike|walkout)\b|\b(?:walk|walks) (?:out|off the job)\b|\b(?:walking) (?:out|off the job)\b|\b(?:go|goes|going) on strike\b|\b(?:stop|stops) work\b`)

// strikeToCome reports whether every sentence of the lead that tells a
// strike tells one that begins, in the present tense, on a day after
// pub: a union's notice, written before the strike.
func strikeToCome(ss []factSentence, pub time.Time) bool {
	found := false
	for _, s := range ss {
		if !s.lead || s.phase() != strike.PhaseStrike {
			continue
		}
		start := startsRE.FindStringIndex(s.lower)
		if start == nil {
			return false
		}
		// Every day it names is a later calendar day: "begin strike
		// Tuesday", on Monday; not "begin strike today, pickets through
		// Friday". Days before the start's words belong to another
		// clause when days follow them: "gave a 10-day strike notice
		// Friday, saying members will walk off the job Oct. 21".
		days := dayDates(s, pub, dirFuture)
		var after []dayDate
		for _, d := range days {
			if d.m.Start >= start[0] {
				after = append(after, d)
			}
		}
		if len(after) > 0 {
			days = after
		} else {
			// A day in a quoted kicker before a colon ("\"We'll be here
			// tomorrow\": clinicians walk out") is the kicker's, not the
			// walkout's.
			kept := days[:0:0]
			for _, d := range days {
				if !strings.ContainsAny(s.lower[d.m.Start:start[0]], ":\"“”") {
					kept = append(kept, d)
				}
			}
			days = kept
		}
		later := false
		for _, d := range days {
			if !d.d.After(dayOf(pub)) {
				later = false
				break
			}
			later = true
		}
		if !later {
			return false
		}
		found = true
	}
	return found
}

// shortOpening reports whether the text's first paragraph is short
// (fifteen words at most) and tells no phase: a newsletter's greeting or
// a scene that opens a story, not its news.
func shortOpening(ss []factSentence) bool {
	words := 0
	for _, s := range ss {
		if s.lead && !s.title {
			if s.phase() != "" {
				return false
			}
			words += len(strings.Fields(s.text))
		}
	}
	return words > 0 && words <= 15
}

// timelinePhase returns, for a timeline (three or more entries that open
// with their date: "May 12, 2025: Clinicians return to work."), the most
// advanced phase its entries report and the entry that reports it: its
// entries run in order, and the last state is the latest. It returns ""
// for any other text.
func timelinePhase(ss []factSentence) (string, int) {
	entries := 0
	for _, s := range ss {
		if timelineEntry(s) {
			entries++
		}
	}
	if entries < 3 {
		return "", -1
	}
	best, at := "", -1
	for i, s := range ss {
		if !timelineEntry(s) {
			continue
		}
		// An entry's phase is read past its date and source: the day's
		// "12" and the source's "Channel 9" are no count of workers back.
		p := s.phase()
		if _, rest, ok := strings.Cut(s.lower, ":"); ok && p == "" {
			p = sentencePhase(strings.Trim(rest, ` "“”`))
		}
		if factsPhaseRank(p) > factsPhaseRank(best) {
			best, at = p, i
		}
	}
	return best, at
}

// timelineEntry reports whether a sentence opens with its date and a
// colon or a dash: "Oct. 21, 2024: …", "March 10 — …", or, as a
// gallery's captions run, with a month alone: "May: Members hug before
// walking back in …".
func timelineEntry(s factSentence) bool {
	if len(s.dates) == 0 {
		return monthEntryRE.MatchString(s.text)
	}
	m := s.dates[0]
	rest := skipSourceNote(s.text[m.End:])
	if m.Start == 0 && !strings.HasPrefix(rest, ":") && entrySepRE.MatchString(rest) && weekdayLedRE.MatchString(s.text) {
		return false // "Friday, Feb. 7 — …": a week's roundup, newest first, not a timeline
	}
	return m.Start == 0 && entrySepRE.MatchString(rest) || monthEntryRE.MatchString(s.text)
}

// weekdayLedRE finds a weekday opening a sentence.
var weekdayLedRE = regexp.MustCompile(`(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`)

// entrySepRE finds what sets a timeline entry's date off from its news: a
// colon, or a dash ("March 10 — Mediation begins.").
var entrySepRE = regexp.MustCompile(`^(?::|[—–] |- )`)

// skipSourceNote returns rest past its leading spaces and a short note in
// parentheses, as a headline digest names its sources: "Oct. 21, 2024
// (Golden Coast Wire): …".
func skipSourceNote(rest string) string {
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, "(") {
		if j := strings.IndexByte(rest, ')'); j > 1 && j <= 60 {
			rest = strings.TrimLeft(rest[j+1:], " ")
		}
	}
	return rest
}

// monthEntryRE finds a month named alone, with its year or not (and a
// source in parentheses or not), before a colon at the start of a
// sentence.
var monthEntryRE = regexp.MustCompile(`^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?(?: \([^()]{1,60}\))?(?::| [—–] )`)

// faqPhase returns, for an explainer written as questions and answers
// (three or more paragraphs that open with a question: "Is it over?
// Yes. …"), the most advanced phase its answers report and the sentence
// that reports it: its answers tell the state of things as it was
// written, not only its first paragraph. It returns "" for any other
// text.
func faqPhase(ss []factSentence, pub time.Time) (string, int) {
	questions, para := 0, -1
	for _, s := range ss {
		if s.title || s.para == para {
			continue
		}
		para = s.para
		if question(s) {
			questions++
		}
	}
	if questions < 3 {
		return "", -1
	}
	best, at := "", -1
	for i, s := range ss {
		if s.title || question(s) {
			continue
		}
		if !pub.IsZero() && (historical(s, pub) || yearsBack(s, pub, 2)) {
			continue // "Has this happened before? Yes. … in August 2022 before reaching an agreement."
		}
		if p := s.phase(); factsPhaseRank(p) > factsPhaseRank(best) {
			best, at = p, i
		}
	}
	return best, at
}

// workersSpaceRE is workersRE for a count written with spaces between its
// thousands, as British, French and international style writes them
// ("2 400 clinicians"); it runs only on sentences that hold such a number
// (see spaceThousands).
var workersSpaceRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+)\s+((?:[\w'’-]+\s+){0,6}?)(` + strings.Join(peopleNounList, "|") + `)\b`)

// spaceThousands reports whether s holds a number written with a space
// (or a no-break space) between its thousands ("2 400").
func spaceThousands(s string) bool {
	return groupedThousands(s, " ") || groupedThousands(s, "\u00a0") || groupedThousands(s, "\u202f")
}

// workersDotRE is workersRE for a count written with dots between its
// thousands, as Spanish writes them ("2.400 profesionales"); it runs only
// on sentences that hold such a number (see dotThousands).
var workersDotRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:\.\d{3})+)\s+((?:[\w'’-]+\s+){0,6}?)(` + strings.Join(peopleNounList, "|") + `)\b`)

// dotThousands reports whether s holds a digit, a dot and three digits
// ("2.400").
func dotThousands(s string) bool { return groupedThousands(s, ".") }

// groupedThousands reports whether s holds a number whose thousands are
// set off by sep: a digit, sep, then three digits.
func groupedThousands(s, sep string) bool {
	for i := 1; i+len(sep)+2 < len(s); i++ {
		j := i + len(sep)
		if asciiDigit(s[i-1]) && strings.HasPrefix(s[i:], sep) && asciiDigit(s[j]) && asciiDigit(s[j+1]) && asciiDigit(s[j+2]) {
			return true
		}
	}
	return false
}

func asciiDigit(c byte) bool { return '0' <= c && c <= '9' }

// peopleNounList are the nouns a count of workers ends with.
var peopleNounList = []string{"workers", "employees", "clinicians", "therapists", "members", "professionals", "nurses",
	"psychologists", "strikers", "staff", "staffers", "counselors", "caregivers", "technicians", "pharmacists",
	"teachers", "educators", "doctors", "physicians", "residents", "clerks", "cashiers", "drivers", "cooks",
	"housekeepers", "janitors", "machinists", "mechanics", "operators", "engineers", "faculty", "firefighters",
	"officers", "actors", "writers", "miners", "dockworkers", "longshoremen", "pilots", "attendants", "baristas",
	"journalists", "librarians", "aides", "assistants",
	// A union's own voice: "2,400 of us walked out", "all 2,400 of you
	// who are holding out".
	"of us", "of you",
	// One striker's voice, or a count told again: "2,400 of my
	// colleagues", "about 2,400 of them walked out".
	"colleagues", "co-workers", "coworkers", "of them",
	// Community papers that write in Spanish.
	"trabajadores", "trabajadoras", "terapeutas", "enfermeras", "enfermeros", "empleados", "profesionales",
	"psicólogos", "miembros"}

var peopleNouns = func() map[string]bool {
	m := make(map[string]bool, len(peopleNounList))
	for _, n := range peopleNounList {
		m[n] = true
	}
	return m
}()

// workersRE finds a count of people: "nearly 2,400 mental health workers",
// "about 31,000 UNAC/UHCP members" (a joint union's name between).
var workersRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:,\d{3})+|\d{2,6})(?:-plus|-odd|\+)?\s+((?:[\w'’/-]+\s+){0,7}?)(` + strings.Join(peopleNounList, "|") + `)\b`)

const reNumberWord = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`

// workersWordsRE finds a count written in words: "two thousand
// therapists", "seventy-five thousand workers".
var workersWordsRE = regexp.MustCompile(`(^|[^\w-])((?:(?:a|` + reNumberWord + `)[ -]){1,2}(?:hundred|thousand)(?:[ -](?:and[ -])?(?:` + reNumberWord + `|hundred)){0,4})\s+((?:[\w'’-]+\s+){0,6}?)(` + strings.Join(peopleNounList, "|") + `)\b`)

// workersUnitRE finds a unit of so many members: "its 2,400-member
// Southern California unit", "a 2,400-clinician unit".
var workersUnitRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:,\d{3})+|\d{2,6})-(?:member|strong|clinician|therapist|worker|employee|person)\s+((?:[\w'’-]+\s+){0,4}?)(unit|bargaining unit|workforce|staff|team|group|union|local)\b`)

// ofUsCrowdRE finds a crowd after "N of us": "about 150 of us around
// them", "gathered", "showed up", or supporters' acts ("more than a
// thousand of you made calls"), not "2,400 of us are out".
var ofUsCrowdRE = regexp.MustCompile(`^\s+(?:around|beside|behind|gathered|came|showed up|turned out|packed|filled|crowded|stood around|cheered|watched|made|called|phoned|signed|wrote|sent|emailed|donated|gave|contributed)\b`)

// joinedByRE finds the company the strikers keep, before a count in the
// same clause: "nurses were joined by a group of clinicians …, some of
// the roughly 2,400 therapists who struck last year".
var joinedByRE = regexp.MustCompile(`\b(?:were|was|are|is|been) joined by\b[^.;]*$`)

// workersStrongRE finds the strikers counting themselves: "2,400 strong,
// we held the line", "and 2,400 strong we made sure Kaiser heard us".
var workersStrongRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:,\d{3})+|\d{3,6})()[ -](strong)(?:,|\s+(?:we|and|on|in|at|from|across|as|together)\b)`)

// workersSizeRE finds a strike told by its size: "the 2,400-clinician
// walkout", "a 300-worker strike".
var workersSizeRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:,\d{3})+|\d{2,6})-(?:person|people|worker|employee|clinician|therapist|nurse|teacher|member)\s+((?:[\w'’-]+\s+){0,2}?)(strike|walkout|work stoppage)\b`)

// workersListRE finds a count that opens an item of a "by the numbers"
// list: "2,400: The number of psychologists ... who walked out", "2,400 —
// therapists on strike" (not "Day 100: strikers march").
var workersListRE = regexp.MustCompile(`^(\s*(?:[•*·-]\s*|\d{1,2}[.)]\s+)?)(\d{1,3}(?:,\d{3})+|\d{2,6})\s*(?::|—|–)\s*(?:the (?:number|total) of\s+)?((?:[\w'’-]+\s+){0,3}?)(` + strings.Join(peopleNounList, "|") + `)\b`)

// workersScaledRE finds a count written with a scale: "about 2.4K
// clinicians", "roughly 2,4 thousand workers" (a decimal comma, as much
// of Europe writes it). It runs only on sentences that hold such a
// number (see scaledCountAt).
var workersScaledRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:[.,]\d{1,2})?\s?(?:k|thousand|mil))\s+((?:[\w'’-]+\s+){0,6}?)(` + strings.Join(peopleNounList, "|") + `|` + strikedVerbs + `)\b`)

// workersBareRE finds a count with no noun, told by what it did: "about
// 2,400 are on strike", "2.4K walked out". A bare count has three digits
// at least, so that "on Oct. 21 walked out" is no count. It runs only on
// sentences that say someone struck (see strikedVerbHint).
var workersBareRE = regexp.MustCompile(`(^|[^$\w.,])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[.,]\d{1,2})?\s?(?:k|thousand)|\d{3,6})\s+()(` + strikedVerbs + `)\b`)

// strikedVerbs are what a count of strikers did, with no noun between.
const strikedVerbs = `(?:are|were|went|remain|remained|stayed|have been|had been) (?:still |now |already )?on strike|(?:have |had )?walked out|are striking|were striking|struck`

// strikedVerbHint reports whether a lower-cased sentence may hold one of
// strikedVerbs: a prefilter for workersBareRE.
func strikedVerbHint(s string) bool {
	return strings.Contains(s, "on strike") || strings.Contains(s, "walked out") ||
		strings.Contains(s, "striking") || strings.Contains(s, "struck")
}

// scaledCountAt reports whether a lower-cased sentence holds a digit
// followed by "k" or "thousand" ("2.4k", "2,4 thousand"): a prefilter
// for workersScaledRE.
func scaledCountAt(s string) bool {
	for i := 1; i < len(s); i++ {
		if !asciiDigit(s[i-1]) {
			continue
		}
		j := i
		if s[j] == ' ' {
			j++
		}
		if j < len(s) && s[j] == 'k' && (j+1 == len(s) || !isASCIILetter(s[j+1])) {
			return true
		}
		if strings.HasPrefix(s[j:], "thousand") || strings.HasPrefix(s[j:], "mil ") {
			return true // ("75 mil trabajadores": Spanish writes thousands so)
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// scaledCount reads a count written with a scale ("2.4k", "2,4
// thousand", the Spanish "75 mil") and reports whether it was one.
func scaledCount(num string) (int, bool) {
	var rest string
	switch {
	case strings.HasSuffix(num, "thousand"):
		rest = strings.TrimSuffix(num, "thousand")
	case strings.HasSuffix(num, "k"):
		rest = strings.TrimSuffix(num, "k")
	case strings.HasSuffix(num, "mil"):
		rest = strings.TrimSuffix(num, "mil")
	default:
		return 0, false
	}
	rest = strings.ReplaceAll(strings.TrimSpace(rest), ",", ".")
	if rest == "" || !asciiDigit(rest[0]) {
		return 0, false
	}
	f, err := strconv.ParseFloat(rest, 64)
	if err != nil {
		return 0, false
	}
	return int(math.Round(f * 1000)), true
}

var notPeopleRE = regexp.MustCompile(`^(?:million|billion|percent|%|days?|weeks?|months?|years?|hours?|patients?|facilities|clinics|hospitals|sites|times|assembly|state assembly|senators?|legislators?|lawmakers?|council|board|clergy|faith|congregation|church|family|community|accounts?|stories|complaints?|letters?|signatures?|messages?|calls?|appointments?|reports?|cases?|e-?mails?|postcards?|petitions?|testimonials?)\b`)

var (
	// wholeRE finds words before a count that make it a whole of which
	// the strikers are a part: "the union, which represents 19,000".
	wholeRE = regexp.MustCompile(`\b(?:represents|representing|represent|membership|total)\b`)
	// strikingRE finds, between a count and its noun, that they are the
	// strikers: "the union representing about 2,400 striking mental
	// health workers" counts the strike, not a membership.
	strikingRE = regexp.MustCompile(`\b(?:striking|strikers?|walked-out)\b`)
	// partOfRE finds words before a count that make it a part: "including
	// 4,700".
	partOfRE = regexp.MustCompile(`\b(?:including|includes|among them|of whom|of them)\s*$`)
	// servesRE finds words before a count of the health plan's members.
	servesRE = regexp.MustCompile(`\b(?:serves|serving|served|covers|covering|insures|insuring|enrolls|enrolled|cares for|caring for)\b`)
	// strikeByBeforeRE finds "a strike by" right before a count: the
	// strikers, whatever the words after say they brought ("a strike by
	// about 2,400 clinicians that brought rallies").
	strikeByBeforeRE = regexp.MustCompile(`\b(?:strike|walkout|stoppage|walk out) by(?: about| roughly| some| nearly| almost| more than| over| approximately| an estimated)?$`)
	// doingRE finds what a part of the strikers did: rallied, came back,
	// spoke at a meeting ("About 40 workers, most wearing purple, spoke
	// during public comment").
	doingRE = regexp.MustCompile(`^(?:,[^,.;]{1,80},)?(?:\s*(?:[\w'’-]+\s+){0,3}?)(?:spoke|testified|packed|filled|rallied|rally|rallies|marched|gathered|attended|joined|were arrested|arrested|returned|returning|have returned|crossed|came back|went back|came home|went home|are back|were back|walk back|walked back|walking back)\b`)
	// theWholeRE and wholeBackRE find the strikers as a whole back at
	// work: "The roughly 2,400 clinicians came back Monday", "the 2,400
	// therapists returned to work" (not "some 200 … have returned", nor
	// "the 200 workers who returned").
	theWholeRE  = regexp.MustCompile(`(?:^|\b)(?:the|all)(?: (?:roughly|about|some|nearly|approximately|more than))?$`)
	wholeBackRE = regexp.MustCompile(`^ (?:returned|came back|went back|walked back)\b`)
	// otherUnionAfterRE finds, after a count's noun, that the workers are
	// another union's: "about 31,000 nurses and health professionals
	// represented by a different union".
	otherUnionAfterRE = regexp.MustCompile(`^[^.;]{0,60}?\b(?:represented by|members of|belonging to|in) (?:a |an )?(?:different|separate|another|other|rival) unions?\b`)
	// withOthersRE finds, after a count's noun, others counted with the
	// workers: a crowd ("200 members and supporters joined the vigil").
	withOthersRE = regexp.MustCompile(`^ and (?:their |other |community )?(?:supporters|allies|patients|families|friends|neighbors|neighbours)\b`)
	// wholeAfterRE finds, after a count, the larger whole it is a part of:
	// "About 180 ... work in the valley, out of roughly 2,400", "45 ...,
	// part of a walkout of some 2,400", "400 ... were among the more than
	// 75,000 on strike". Its number is the strike's count.
	wholeAfterRE = regexp.MustCompile(`\b(?:out of|part of an? [\w-]+(?: [\w-]+){0,3} (?:of|by)|among(?: the)?|one of(?: the)?)\s+(?:about |roughly |some |nearly |almost |more than |over |approximately |an estimated )?(\d{1,3}(?:,\d{3})+|\d{3,6})\b`)
	// localRE finds a count of the workers of one place, not the
	// strike's: "About 45 local therapists".
	localRE = regexp.MustCompile(`\blocal\b`)
)

// wholeAfter returns the larger count that rest (the words after a
// count of n) says n is a part of, if any, in the same clause.
func wholeAfter(rest string, n int) (int, bool) {
	if end := strings.IndexAny(rest, ";"); end >= 0 {
		rest = rest[:end]
	}
	if !hasAny(rest, "out of|part of|among|one of") {
		return 0, false
	}
	m := wholeAfterRE.FindStringSubmatch(rest)
	if m == nil {
		return 0, false
	}
	w, ok := smallNumber(m[1])
	if !ok || w <= n || w >= 1900 && w <= 2100 && !strings.Contains(m[1], ",") {
		return 0, false
	}
	return w, true
}

// presentClause cuts a sentence before a relative clause that tells the
// past of what it names ("…, belong to the union, which split from SEIU
// in 2009"): the year there does not make the sentence's count an
// earlier strike's.
func presentClause(s factSentence) factSentence {
	for _, rel := range []string{", which ", ", who ", ", whose "} {
		if i := strings.Index(s.lower, rel); i > 0 && strings.ContainsAny(s.lower[:i], "0123456789") {
			s.text, s.lower = s.text[:i], s.lower[:i]
		}
	}
	return s
}

// findWorkers returns the first count of the striking workers, reading
// the title first. A count that is the union's whole membership ("which
// represents 19,000") is taken only when no other is found, and none
// that is a part of it is; counts of the health plan's members, of a
// rally's crowd or of those who returned, and counts in a sentence about
// an earlier year's strike, are not the strikers'.
func findWorkers(ss []factSentence, pub time.Time) (int, int, bool) {
	n, at, ok := firstWorkers(ss, pub)
	if c, j, found := correctedCount(ss, at); found {
		return c, j, true
	}
	// "By the end, roughly 50 clinicians were still holding the line":
	// the strikers at the end of a strike that shrank are its count, as
	// the end is what the article tells.
	for j, s := range ss {
		if strings.Contains(s.lower, "the end") && strings.Contains(s.lower, "still") {
			if m := stillOutRE.FindStringSubmatch(s.lower); m != nil && atTheEndRE.MatchString(s.lower) {
				if n, ok := smallNumber(m[1]); ok && n >= 20 {
					return n, j, true
				}
			}
		}
	}
	if !ok || at < 0 {
		// "… gathered outside the medical center, part of about 2,400
		// across Southern California who are still off the job": the
		// whole, told without its noun.
		for j, s := range ss {
			if !strings.Contains(s.lower, "part of") && !strings.Contains(s.lower, "among") {
				continue
			}
			if m := partOfWholeRE.FindStringSubmatch(s.lower); m != nil {
				if w, ok := smallNumber(m[1]); ok && w >= maxLocalCount {
					return w, j, true
				}
			}
		}
		return n, at, ok
	}
	if n < 500 && localSpotRE.MatchString(ss[at].lower) && !wholeUnitCount(ss[at].lower, n) {
		// "About 60 strikers line Sierra Avenue": one picket line's
		// headcount, not the strike's. A larger count further on is the
		// strike's; with none, the article gives no count of it.
		for j := at + 1; j < len(ss); j++ {
			if m, k, ok := firstWorkers(ss[j:], pub); ok && m > n && !(m < 500 && localSpotRE.MatchString(ss[j+k].lower)) {
				return m, j + k, true
			} else if !ok {
				break
			} else {
				j += k
			}
		}
		return 0, -1, false
	}
	// "… roughly 60 therapists were marching on the avenue. They were
	// part of a walkout of about 2,400 …": one place's count, then the
	// strike's, in the next sentences.
	for j := at + 1; j < len(ss) && j <= at+3; j++ {
		if !strings.Contains(ss[j].lower, "part of") && !strings.Contains(ss[j].lower, "among") {
			continue
		}
		m := partOfStrikeRE.FindStringSubmatch(ss[j].lower)
		if m == nil {
			m = amongStrikersRE.FindStringSubmatch(ss[j].lower)
		}
		if m != nil {
			if w, ok := smallNumber(m[1]); ok && w > n && !(w >= 1900 && w <= 2100 && !strings.Contains(m[1], ",")) {
				return w, j, true
			}
		}
	}
	return n, at, ok
}

// leadTimeClauseRE finds a count inside a sentence's opening time
// clause, still open ("Two weeks after roughly"), and othersThenRE, after
// it, that those counted are the subject's peers: another group's step,
// told to date the news.
var (
	leadTimeClauseRE = regexp.MustCompile(`^(?:[\w-]+ ){0,3}(?:after|before)\b[^,;:]*$`)
	othersThenRE     = regexp.MustCompile(`^ of (?:their|our|its|the) (?:[\w-]+ )?(?:colleagues|co-workers|coworkers|counterparts|peers)\b`)
)

// surveyedRE finds words before a count of people asked, not striking:
// "We asked 512 members", "its own survey last week of about 400
// members".
var surveyedRE = regexp.MustCompile(`\b(?:asked|surveyed|polled|interviewed|questioned|heard from|(?:survey|poll)(?: [\w'’-]+){0,3} of(?: about| some| roughly| nearly| more than| over)?)\s*$`)

// bodyHasRE finds, before a count, a body that has so many members: "The
// Assembly has 80 members".
var bodyHasRE = regexp.MustCompile(`\b(?:assembly|senate|legislature|council|board|congress|house|caucus|committee|commission) (?:has|have|had|of)(?: about| some| only| just)?$`)

// aboutRE finds the word that makes a count round ("about 2,400"), and
// endingStrikeRE a strike ended by what the sentence tells.
var (
	aboutRE        = regexp.MustCompile(`^(?:about|roughly|some|approximately|around|nearly|almost)$`)
	endingStrikeRE = regexp.MustCompile(`\b(?:ending|ended|to end) (?:a|the|their|its) (?:[\w-]+ ){0,3}?(?:strike|walkout)\b`)
)

// votedRE finds, after a count's noun, that those counted voted: a
// ballot's tally, not the strikers.
var votedRE = regexp.MustCompile(`^[^.;]{0,60}?\b(?:(?:had|have|has) )?voted (?:in favou?r|for the|yes|no|against|to (?:ratify|approve|accept))\b|^[^.;]{0,60}?\b(?:had|have|has) voted (?:for|to (?:ratify|approve|accept|reject|end|return|call off|suspend|stay))\b|^ (?:voted|cast (?:their )?ballots)\b`)

// workersLabelRE finds the strikers' count in a fact box's line, named
// before a colon: "Total on strike: 2,400", "Strikers: about 2,400",
// "Members of our Southern California unit: 2,400" (not "Days on
// strike: 100").
var workersLabelRE = regexp.MustCompile(`(?:^|[|•;·]\s*|\s)(?:total (?:on strike|strikers|striking)|strikers|striking (?:workers|clinicians|members)|(?:workers|clinicians|members|people) (?:on strike|striking)|members of (?:our|the) [\w' ]{0,40}?(?:unit|union|bargaining unit))\s*:\s*(?:about |some |roughly |approximately |nearly |more than )?(\d{1,3}(?:,\d{3})+|\d{2,6})\b`)

// includingCountRE finds a part of a count that follows it: "…,
// including 4,700 mental health workers" (not "including clinicians at
// the Irvine medical center").
var includingCountRE = regexp.MustCompile(`\bincluding (?:about |some |roughly |nearly |more than |over |almost )?\d`)

// milCountRE finds a count the Spanish way, thousands in words: "unos 2
// mil 400 terapeutas".
var milCountRE = regexp.MustCompile(`\b(\d{1,3}) mil (\d{3})\s+(?:[\p{L}]+\s+){0,3}?(?:trabajadores|trabajadoras|terapeutas|enfermeras|enfermeros|empleados|profesionales|psicólogos|miembros|huelguistas)\b`)

// colleaguesStrikeRE finds the strikers counted as some strikers'
// colleagues: "have been on strike with nearly 2,400 of their
// colleagues", "walked out alongside 2,400 co-workers".
var colleaguesStrikeRE = regexp.MustCompile(`\b(?:on strike|striking|walked out|walked off the job|picketing|out) (?:[\w-]+ ){0,3}?(?:with|alongside|along with) (?:about |some |roughly |nearly |almost |more than |over |approximately |an estimated )?(\d{1,3}(?:,\d{3})+|\d{3,6}) (?:of )?(?:their|our|his|her|other) (?:[\w-]+ )?(?:colleagues|co-workers|coworkers)\b`)

// ofWhomStrikeRE finds strikers counted after their noun: "the
// clinicians, some 2,400 of whom were called out Oct. 21".
var ofWhomStrikeRE = regexp.MustCompile(`\b(?:clinicians|therapists|workers|members|employees|professionals|psychologists|nurses|staff)\b[^.;]{0,40}?,? (?:about |some |roughly |nearly |almost |more than |over |approximately |an estimated )?(\d{1,3}(?:,\d{3})+|\d{3,6}) of whom (?:were|are|have been|had been) (?:called out|on strike|out on strike|striking|off the job)\b`)

// localSpotRE finds the spot of one picket line: a street, a sidewalk, a
// corner or the doors of one building ("About 60 strikers line Sierra
// Avenue", "on the sidewalk outside the company's medical offices on
// Stockdale Highway", "About 80 on Broadway", "lay down on the
// pavement"), or one county
// of the region ("About 300 … in San Diego County went back to work").
var localSpotRE = regexp.MustCompile(`\b(?:avenue|ave\.|street|boulevard|blvd\.?|highway|broadway|sidewalk|pavement|street corner|the corner of|parking lot|driveway|this stretch)\b|\bin (?:[a-z.]+ ){1,2}county\b|` +
	// "outside Kaiser Permanente's Oxnard medical offices", "through the
	// doors of the Pasadena medical offices", "at Tuesday's Long Beach
	// City Council meeting": one building, one room.
	`\b(?:outside|through the doors of|in front of) (?:[\w'’.-]+ ){0,4}?(?:medical offices|medical office building|clinic|offices)\b|\bcity council (?:meeting|chambers)\b`)

// wholeUnitCount reports whether the sentence tells n as a whole unit
// ("The 57 Kaiser clinicians who walked off the job … are still on the
// sidewalk", "all 57"), not one place's headcount.
func wholeUnitCount(lower string, n int) bool {
	num := strconv.Itoa(n)
	return strings.Contains(lower, "the "+num+" ") || strings.Contains(lower, "all "+num+" ")
}

// bodyRE finds, after "members", the body they sit on: "30 members of
// the California Legislature" are lawmakers, not strikers.
var bodyRE = regexp.MustCompile(`^ of (?:the |a |its )?(?:[\w.-]+ ){0,2}?(?:legislature|assembly|senate|congress|council|board|caucus|delegation|commission|committee|house|club|society|congregation|parish|audience|class|chapter of students)\b`)

// localBetweenRE and localAfterRE find a count of one place's workers
// told by where they are: "About 85 Kern County clinicians", "about 70
// … staff Kaiser's offices in Bakersfield", "about 60 … from across the
// San Fernando Valley", "about 140 clinicians who work in Kaiser's
// Fontana and Ontario facilities". Only a count under maxLocalCount is
// one place's.
var (
	localBetweenRE = regexp.MustCompile(`\b(?:[a-z.'’-]+ ){1,2}county\b`)
	localAfterRE   = regexp.MustCompile(`^[^.;]{0,100}?\b(?:(?:offices?|clinics?|facilities|facility|medical (?:centers?|offices?)|hospitals?|locations?|sites?) in\b|from across (?:the )?(?:[a-z'’-]+ ){1,3}(?:valley|county|area|region|city|desert)\b|who work (?:in|at) (?:kaiser['’]s )?(?:[\w'’-]+ ){1,4}(?:facilities|clinics|offices|medical centers?|hospitals?)\b)`)
)

// maxLocalCount bounds a count of one place's workers.
const maxLocalCount = 500

// crowdVerbRE finds a verb between a count and a people noun: the count
// is of those who did it ("a hundred people joined our Kaiser Hawaii
// members"), not of the noun's people.
var crowdVerbRE = regexp.MustCompile(`\b(?:joined|join|rallied|marched|gathered|attended|packed|filled|cheered|stood with|showed up for)\b`)

// partOfStrikeRE finds the strike a count was part of: "part of a walkout
// of about 2,400".
// partOfWholeRE finds a group told as part of the strikers (or among
// them), counted without their noun: "part of about 2,400 across Southern
// California who are still off the job".
var partOfWholeRE = regexp.MustCompile(`\b(?:part of|among) (?:the |about |roughly |some |nearly |almost |more than |over |approximately )*(\d{1,3}(?:,\d{3})+|\d{3,6}) (?:across|in|throughout|around|statewide|regionwide)\b[^.;]{0,60}?\b(?:off the job|on strike|striking|strike|out|walked out|walked off)\b`)

var partOfStrikeRE = regexp.MustCompile(`\bpart of an? (?:[\w-]+ ){0,3}?(?:walkout|strike|stoppage) (?:of|by) (?:about |roughly |some |nearly |almost |more than |over |approximately |an estimated )?(\d{1,3}(?:,\d{3})+|\d{3,6})\b`)

// staffedRE finds, before a count, those an employer or a company took
// on: "has added more than 300", "hired about 200" (not strikers).
var staffedRE = regexp.MustCompile(`\b(?:added|adds|hired|hires|recruited|recruits|contracted|brought in|brings in|trained|employs)(?: about| some| more than| nearly| over| roughly| an additional| another)?$`)

// bodyWordRE finds a body of lawmakers or officials between a count and
// "colleagues": "40 of his Assembly colleagues".
var bodyWordRE = regexp.MustCompile(`\b(?:assembly|senate|legislative|legislature|council|board|congressional|house|caucus|commission|city)\b`)

// signedByRE finds signers before a count: "a letter signed by".
var signedByRE = regexp.MustCompile(`\b(?:signed|co-signed|cosigned) by(?: about| some| more than| nearly)?\s*$`)

// strikeEndedBeforeRE finds a strike told ended before a count of those
// back: "The five-day strike ended as scheduled on Sunday, and roughly
// 31,000 … were back" (all of them).
var strikeEndedBeforeRE = regexp.MustCompile(`\b(?:strike|walkout)\b[^.;]{0,60}?\b(?:ended|was over|came to an end|wrapped up)\b[^.;]{0,60}?\band (?:about |some |roughly |nearly |all |more than )*\d`)

// shareOfRE finds a share told of the count that follows: "about a third
// of the roughly", "more than half of the".
var shareOfRE = regexp.MustCompile(`\b(?:a (?:(?:large|small|vast|wide|big|clear|narrow|slim|sizable) )?(?:third|quarter|fifth|tenth|majority|minority|fraction|share|portion)|half|two-thirds|three-quarters|most|\d+%|\d+ percent) of (?:the|its|their)(?: about| some| roughly| nearly| almost| more than| approximately)?\s*$`)

// stillOutRE and atTheEndRE find the strikers left at a strike's end:
// "About 50 were still out at the end", "by the end, roughly 50
// clinicians were still holding the line".
var (
	stillOutRE = regexp.MustCompile(`\b(\d{1,3}(?:,\d{3})+|\d{2,6})(?: [\w-]+){0,3}? (?:were|was) still (?:out|on strike|holding the line|on the picket lines?|striking)\b`)
	atTheEndRE = regexp.MustCompile(`\b(?:at|by) the end\b`)
)

// makeThatRE finds a count corrected as it is told: "some 2,000 — make
// that about 2,400", "we said 57,000 workers. Make that about 75,000".
var makeThatRE = regexp.MustCompile(`\bmake that (?:about |some |roughly |nearly |almost |more than |approximately )?(\d{1,3}(?:,\d{3})+|\d{2,6})\b`)

// correctedCountRE finds, in a sentence with no count found, a number
// corrected by the next: "some 2,000 — make that about 2,400, according
// to the union — Kaiser mental health workers".
var correctedCountRE = regexp.MustCompile(`\d[\d,]*\s*[—–-]+[^.;]{0,40}?\bmake that\b[^.;]{0,80}?\b(?:workers|clinicians|therapists|nurses|employees|members|strikers|professionals|people)\b`)

// correctedCount returns the count that corrects the one found at at (in
// its sentence or the next), or, with none found, a count corrected
// where it is told.
func correctedCount(ss []factSentence, at int) (int, int, bool) {
	take := func(j int) (int, int, bool) {
		if m := makeThatRE.FindStringSubmatch(ss[j].lower); m != nil {
			if n, ok := smallNumber(m[1]); ok && n >= 20 {
				return n, j, true
			}
		}
		return 0, -1, false
	}
	if at >= 0 {
		for j := at; j < len(ss) && j <= at+1; j++ {
			if strings.Contains(ss[j].lower, "make that") {
				return take(j)
			}
		}
		return 0, -1, false
	}
	for j, s := range ss {
		if strings.Contains(s.lower, "make that") && correctedCountRE.MatchString(s.lower) {
			return take(j)
		}
	}
	return 0, -1, false
}

// amongStrikersRE finds the strike a few strikers are among: "They are
// among some 2,400 … workers … who remain on strike".
var amongStrikersRE = regexp.MustCompile(`\bamong (?:the |some |about |roughly |nearly |almost |more than |over |an estimated )*(\d{1,3}(?:,\d{3})+|\d{3,6})\b[^.;]{0,100}?\b(?:on strike|striking|strikers|walked out|walked off)\b`)

// firstWorkers is findWorkers without the look ahead for the whole.
func firstWorkers(ss []factSentence, pub time.Time) (int, int, bool) {
	whole, wholeAt := 0, -1
	for i, s := range ss {
		hasDigit := strings.ContainsAny(s.text, "0123456789")
		hasWords := strings.Contains(s.lower, "thousand") || strings.Contains(s.lower, "hundred")
		if !hasDigit && !hasWords {
			continue
		}
		if !pub.IsZero() && historical(presentClause(s), pub) {
			continue
		}
		if hasDigit && strings.IndexByte(s.lower, ':') >= 0 {
			// "Total on strike: 2,400", "Strikers: about 2,400 | Day:
			// 100": a fact box's line names the count before it.
			if m := workersLabelRE.FindStringSubmatch(s.lower); m != nil {
				if n, ok := smallNumber(m[1]); ok && n >= 20 {
					return n, i, true
				}
			}
		}
		if hasDigit && strings.Contains(s.lower, " mil ") {
			// "Unos 2 mil 400 terapeutas": Spanish writes 2,400 so.
			if m := milCountRE.FindStringSubmatch(s.lower); m != nil {
				th, _ := strconv.Atoi(m[1])
				rest, _ := strconv.Atoi(m[2])
				if n := th*1000 + rest; n >= 1000 {
					return n, i, true
				}
			}
		}
		if hasDigit && strings.Contains(s.lower, "among") {
			// "San Diego clinicians are among about 2,400 on strike":
			// the whole, its noun left out.
			if m := amongOnStrikeRE.FindStringSubmatch(s.lower); m != nil {
				if n, ok := smallNumber(m[1]); ok && n >= maxLocalCount {
					return n, i, true
				}
			}
		}
		if hasDigit && hasAny(s.lower, "colleague|co-worker|coworker") {
			// "on strike with nearly 2,400 of their colleagues": the
			// strikers, told from a few of them.
			if m := colleaguesStrikeRE.FindStringSubmatch(s.lower); m != nil {
				if n, ok := smallNumber(m[1]); ok && n >= maxLocalCount {
					return n, i, true
				}
			}
		}
		if hasDigit && strings.Contains(s.lower, " of whom ") {
			// "The clinicians, some 2,400 of whom were called out Oct.
			// 21": the strikers, their noun before the count.
			if m := ofWhomStrikeRE.FindStringSubmatch(s.lower); m != nil {
				if n, ok := smallNumber(m[1]); ok && n >= maxLocalCount {
					return n, i, true
				}
			}
		}
		var ms [][]int
		if hasDigit {
			ms = append(ms, workersRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			if strings.IndexByte(s.lower, '.') > 0 && dotThousands(s.lower) {
				ms = append(ms, workersDotRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if spaceThousands(s.lower) {
				ms = append(ms, workersSpaceRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if hasAny(s.lower, "-member|-strong|-clinician|-therapist|-worker|-employee|-person") {
				ms = append(ms, workersUnitRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if strings.Contains(s.lower, "strong") {
				ms = append(ms, workersStrongRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if strings.Contains(s.lower, "strike") || strings.Contains(s.lower, "walkout") || strings.Contains(s.lower, "stoppage") {
				ms = append(ms, workersSizeRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if strings.ContainsAny(s.lower, ":—–") {
				ms = append(ms, workersListRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			scaled := scaledCountAt(s.lower)
			if scaled {
				ms = append(ms, workersScaledRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
			if strikedVerbHint(s.lower) {
				ms = append(ms, workersBareRE.FindAllStringSubmatchIndex(s.lower, -1)...)
			}
		}
		if hasWords {
			ms = append(ms, workersWordsRE.FindAllStringSubmatchIndex(s.lower, -1)...)
		}
		slices.SortFunc(ms, func(a, b []int) int { return cmp.Compare(a[4], b[4]) })
		for _, m := range ms {
			num := s.lower[m[4]:m[5]]
			n, isScaled := scaledCount(num)
			dotted := !isScaled && strings.IndexByte(num, '.') > 0
			if dotted {
				num = strings.ReplaceAll(num, ".", "") // "2.400": Spanish writes thousands so
			}
			spaced := !isScaled && asciiDigit(num[0]) && strings.ContainsAny(num, " \u00a0\u202f")
			if spaced {
				num = strings.Map(func(r rune) rune { // "2 400": so do British and international styles
					if r == ' ' || r == '\u00a0' || r == '\u202f' {
						return -1
					}
					return r
				}, num)
				dotted = true // (not a year either)
			}
			between := s.lower[m[6]:m[7]]
			noun := s.lower[m[8]:m[9]]
			if !isScaled && (strings.HasPrefix(between, "mil ") || strings.HasPrefix(between, "thousand ")) {
				continue // "75 mil trabajadores", "75 thousand workers": the scaled count reads it
			}
			if notPeopleRE.MatchString(between) || strings.ContainsAny(between, "0123456789") || crowdVerbRE.MatchString(between) {
				continue // "a hundred people joined our … members": the crowd, not the members
			}
			ok := isScaled
			if !isScaled {
				n, ok = smallNumber(num)
			}
			if !ok || n < 20 {
				continue
			}
			if !isScaled && lastWords(s.lower[:m[4]], 1) == "local" {
				continue // "Local 39 engineers": a local union's number
			}
			if !isScaled && n <= 31 && dayOfMonthAt(s, m[4]) {
				continue // "Your Oct. 30 letter writer praised the striking therapists": a date
			}
			if !isScaled && !dotted && num[0] >= '0' && num[0] <= '9' && !strings.Contains(num, ",") && n >= 1900 && n <= 2100 {
				continue // a year ("2.000" is two thousand)
			}
			if noun == "union" || noun == "local" {
				continue // "the 19,000-member union": all its members
			}
			if (noun == "colleagues" || noun == "co-workers" || noun == "coworkers") && (bodyWordRE.MatchString(between) || signedByRE.MatchString(lastWords(s.lower[:m[4]], 6))) {
				continue // "signed by 40 of his Assembly colleagues": lawmakers
			}
			if noun == "members" && bodyRE.MatchString(s.lower[m[9]:]) {
				continue // "more than 30 members of the California Legislature": lawmakers
			}
			if (noun == "of us" || noun == "of you" || noun == "of them") && ofUsCrowdRE.MatchString(s.lower[m[9]:]) {
				continue // "with about 150 of us around them": a crowd, not the strikers
			}
			if joinedByRE.MatchString(s.lower[max(0, m[4]-200):m[4]]) {
				continue // "nurses were joined by …, some of the roughly 2,400 therapists who struck last year": their company
			}
			before := lastWords(s.lower[:m[4]], 6)
			after := s.lower[m[9]:]
			if staffedRE.MatchString(before) {
				continue // "has added more than 300 licensed therapists": hired, not striking
			}
			if noun == "residents" && strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(before, " more than"), " about"), "home to") {
				continue // "home to more than 480,000 residents": a district's people
			}
			if retractedRE.MatchString(s.lower[:m[4]]) {
				continue // "Correction: An earlier update said about 2,000 clinicians walked out"
			}
			if comparedRE.MatchString(lastWords(s.lower[:m[4]], 10)) {
				continue // "dwarfing the 10-week strike by about 2,000 … last year": another strike's, for scale
			}
			if surveyedRE.MatchString(before) {
				continue // "We asked 512 members": a survey's
			}
			if othersThenRE.MatchString(s.lower[m[5]:]) && leadTimeClauseRE.MatchString(s.lower[:m[4]]) {
				continue // "Two weeks after roughly 2,000 of their colleagues in Northern California put down their caseloads, …": others, earlier
			}
			if strings.Contains(s.lower[:m[4]], "not") && notAffectedRE.MatchString(s.lower[:m[4]]) {
				continue // "The deal does not cover the union's 57 Kaiser clinicians in Hawaii": left out of the news
			}
			if bodyHasRE.MatchString(before) {
				continue // "The Assembly has 80 members": lawmakers
			}
			wholeVote := aboutRE.MatchString(lastWords(before, 1)) && endingStrikeRE.MatchString(after)
			if votedRE.MatchString(after) && !shareOfRE.MatchString(before) && !wholeVote {
				// "more than 1,900 members … had voted in favor": a tally
				// (not "a majority of the roughly 2,400 …", nor "About 2,400
				// … have voted to ratify …, ending a strike": the whole).
				continue
			}
			if otherUnionAfterRE.MatchString(after) {
				continue // "31,000 nurses … represented by a different union": another dispute's
			}
			if shareOfRE.MatchString(before) && !strings.Contains(between, "of ") {
				return n, i, true // "a third of the roughly 2,400 strikers had returned": the whole, of which a share did
			}
			if partOfRE.MatchString(before) || withOthersRE.MatchString(after) || doingRE.MatchString(after) && !wholeUnitBack(before, after) && !afterStrikeRE.MatchString(after) && !strikeEndedBeforeRE.MatchString(s.lower[max(0, m[4]-160):m[5]]) &&
				!strikeByBeforeRE.MatchString(before) {
				continue
			}
			if between == "of the " || between == "of those " || localRE.MatchString(between) ||
				n < maxLocalCount && (localBetweenRE.MatchString(between) || localAfterRE.MatchString(after)) {
				// "About 90 of the strikers live in the city", "45 local
				// therapists": a share of the strikers, told of one place;
				// the whole may follow ("…, out of roughly 2,400").
				if w, ok := wholeAfter(s.lower[m[9]:], n); ok {
					return w, i, true
				}
				continue
			}
			if w, ok := wholeAfter(s.lower[m[9]:], n); ok {
				return w, i, true
			}
			if noun == "members" && (n >= 100_000 || servesRE.MatchString(lastWords(before, 3))) {
				continue // the health plan's members
			}
			if wholeRE.MatchString(clauseBefore(s.lower, m[4], 6)) && !strikingRE.MatchString(between) {
				// The union's whole membership: a fallback, unless a part of
				// it follows ("…, including 4,700 mental health workers").
				if wholeAt < 0 && !includingCountRE.MatchString(s.lower[m[9]:min(len(s.lower), m[9]+80)]) {
					whole, wholeAt = n, i
				}
				continue
			}
			return n, i, true
		}
	}
	return whole, wholeAt, wholeAt >= 0
}

// comparedRE finds, before a count, another strike it is set beside:
// "dwarfing the 10-week strike by about 2,000".
var comparedRE = regexp.MustCompile(`\b(?:dwarf(?:s|ed|ing)?|eclips(?:e|es|ed|ing)|(?:larger|bigger|longer|smaller|shorter) than)\b`)

// amongOnStrikeRE finds a group among a count on strike with no noun:
// "among about 2,400 on strike across Southern California".
var amongOnStrikeRE = regexp.MustCompile(`\bamong (?:about |some |roughly |nearly |more than |the )?(\d{1,3}(?:,\d{3})+) (?:on strike|striking|who (?:went|are|have been|were) on strike)\b`)

// dayOfMonthAt reports whether the number at i in s follows a month's
// name ("Oct. 30", "November 25") or comes before one ("30 October"): a
// day of the month, not a count. "may" counts only as written "May".
func dayOfMonthAt(s factSentence, i int) bool {
	w := strings.TrimSuffix(lastWords(s.lower[:i], 1), ".")
	if !monthNames[w] {
		// Day first: "Your 30 October letter writer".
		j := i
		for j < len(s.lower) && s.lower[j] >= '0' && s.lower[j] <= '9' {
			j++
		}
		next := strings.Fields(s.lower[j:])
		if j == i || len(next) == 0 {
			return false
		}
		n := strings.Trim(next[0], ".,;:")
		if n == "may" {
			return monthMayAt(s, j+strings.Index(s.lower[j:], "may"))
		}
		return monthNames[n] || n == "of" && len(next) > 1 && monthNames[strings.Trim(next[1], ".,;:")]
	}
	if w == "may" {
		return monthMayAt(s, strings.LastIndex(s.lower[:i], "may"))
	}
	return true
}

// monthMayAt reports whether the "may" at k in s is written "May".
func monthMayAt(s factSentence, k int) bool { return k >= 0 && k < len(s.text) && s.text[k] == 'M' }

// wholeUnitBack reports whether the words around a count tell the whole
// unit coming back ("the roughly 2,400 ... came back"), not some of them.
func wholeUnitBack(before, after string) bool {
	return theWholeRE.MatchString(before) && wholeBackRE.MatchString(after)
}

// employerWorkers is findWorkers for an article that may tell other
// disputes too: when the first count's paragraph names neither the
// employer nor a union the options know, and a paragraph that names one
// gives a count, that count is the workers' ("Boeing. Some 33,000
// machinists … Kaiser Permanente. Nearly 2,400 clinicians …", as a
// national roundup runs).
func (x *Extractor) employerWorkers(ss []factSentence, pub time.Time) (int, int, bool) {
	n, i, ok := findWorkers(ss, pub)
	if !ok || len(x.employers) == 0 {
		return n, i, ok
	}
	// Whether each paragraph names the employer or a known union, found
	// once a paragraph: the names are looked for sentence by sentence.
	namedPara := map[int]bool{}
	named := func(para int) bool {
		if v, ok := namedPara[para]; ok {
			return v
		}
		v := false
		for _, s := range ss {
			if s.para == para && !s.title && (len(x.findNames(s, x.employers)) > 0 || len(x.unionNames(s)) > 0) {
				v = true
				break
			}
		}
		namedPara[para] = v
		return v
	}
	if ss[i].title || named(ss[i].para) || theStrikeRE.MatchString(ss[i].lower) {
		// (A sentence that opens on "The strike by roughly 2,400 …" is
		// about the article's strike, named or not.)
		return n, i, ok
	}
	var rest []factSentence
	var index []int
	for k, s := range ss {
		if k > i && !s.title && s.para != ss[i].para && named(s.para) {
			rest = append(rest, s)
			index = append(index, k)
		}
	}
	if m, j, found := findWorkers(rest, pub); found {
		return m, index[j], true
	}
	return n, i, ok
}

// ExtractCampaign is Extract for an article the relevance rules hold to be
// about the campaign's strike: when what Extract reads is another union's
// (a digest whose first item is a sibling strike, a look back that names
// one), the facts come from the paragraphs that name no other union, and
// the union is the campaign's. It returns Extract's facts when those
// paragraphs tell nothing of another union either.
func (x *Extractor) ExtractCampaign(a *strike.Article) strike.Facts {
	f := x.Extract(a)
	if a == nil || f.Union == "" || x.ours == "" || f.Union == x.ours {
		return f
	}
	names := func(text string) (ours, others bool) {
		fs := factSentence{text: text, lower: lowerSameLen(text)}
		for _, h := range x.unionNames(fs) {
			if h.canon == x.ours {
				ours = true
			} else {
				others = true
			}
		}
		return ours, others
	}
	var kept []string
	dropped := false
	for _, para := range splitParagraphs(a.Text) {
		if o, others := names(para); others && !o {
			dropped = true
			continue
		}
		kept = append(kept, para)
	}
	if !dropped || len(kept) == 0 {
		return f
	}
	b := *a
	b.Text = strings.Join(kept, "\n\n")
	if _, others := names(a.Title); others {
		b.Title = ""
	}
	g := x.Extract(&b)
	if g.Union != "" && g.Union != x.ours {
		return f
	}
	g.Union = x.ours
	return g
}

// splitParagraphs splits text at its blank lines (see sentBlankLine).
func splitParagraphs(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && sentBlankLine(text, i) {
			if p := strings.TrimSpace(text[start:i]); p != "" {
				out = append(out, p)
			}
			start = i + 1
		}
	}
	if p := strings.TrimSpace(text[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

// first returns the first of names, or "".
func first(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// ownSentences returns, for an article about the campaign's union's
// strike, the sentences of ss that name no union or name it (hits[i] are
// the unions ss[i] names): a sentence naming only other unions tells of
// their strikers. For any other article, all of them (its union may be
// one a sentence names in passing).
func (x *Extractor) ownSentences(ss []factSentence, hits [][]nameHit, union string) []factSentence {
	if union == "" || union != x.ours {
		return ss
	}
	out := make([]factSentence, 0, len(ss))
	for i, s := range ss {
		if len(hits[i]) == 0 || slices.ContainsFunc(hits[i], func(h nameHit) bool { return h.canon == union }) {
			out = append(out, s)
		}
	}
	return out
}

// firstPersonRE finds a sentence in a poster's own voice.
var firstPersonRE = regexp.MustCompile(`\b(?:our|we|us|we're|we've|ours)\b`)

// posterVoice says whether s, of a union's own post, speaks of the poster
// in the first person without naming union, the strikers' (hits are the
// unions s names).
func posterVoice(s factSentence, hits []nameHit, union string) bool {
	return firstPersonRE.MatchString(s.lower) && !slices.ContainsFunc(hits, func(h nameHit) bool { return h.canon == union })
}

// theStrikeRE finds a sentence that opens on the article's strike:
// "The strike by roughly 2,400 clinicians lasted 196 days".
var theStrikeRE = regexp.MustCompile(`^(?:the|their|our|this) (?:[\w-]+ ){0,3}?(?:strike|walkout) (?:by|of)\b`)

// nameHit is a name found in a sentence.
type nameHit struct {
	canon      string
	at         int
	end        int  // where the name ends in the sentence
	contextual bool // after "strike by", "represented by", "members of", …
}

var unionContextRE = regexp.MustCompile(`(?i)(?:strikes?|walkouts?|action|led|called|represented|organized|members|unions|union|workers|clinicians) (?:by|of|in|from)(?: the)?(?: unions in the| unions of the)? ?$`)

// umbrellaCtxRE finds the words before an umbrella of unions whose wider
// action the union's strike is part of: "part of a wider walkout by
// unions in the". ("The five-day strike by unions in the Alliance" is
// the umbrella's own.)
var umbrellaCtxRE = regexp.MustCompile(`(?i)\bpart of (?:an? |the )?(?:wider |larger |broader |bigger )?(?:strikes?|walkouts?|action) by unions (?:in|of) the ?$`)

// unionAliasCtxRE finds a name given as another's short form right after
// the union is named in context: "led by the United Nurses Associations
// of California, known as UNAC".
var unionAliasCtxRE = regexp.MustCompile(`(?i)\b(?:led|represented|organized|called) by\b[^.;]{0,120}(?:known as|\()\s*$`)

// unionNames returns the unions named in the sentence, in order: the
// union forms found (findNames), and the unions known by an acronym
// spelled out, wherever they stand ("The United Nurses Associations of
// California/Union of Health Care Professionals said …" names UNAC/UHCP,
// as written).
func (x *Extractor) unionNames(fs factSentence) []nameHit {
	hits := x.findNames(fs, x.unions)
	if len(x.acronyms) == 0 || fs.shout || !strings.Contains(fs.text, " ") {
		return hits // (in a sentence all in capitals every word looks like a name's)
	}
	s := fs.text
	found := false
	for _, m := range spelledAcronyms(s, x.acronyms, x.acronymPrefixes) {
		at, end := m[0], m[1]
		if slices.ContainsFunc(hits, func(h nameHit) bool { return h.at < end && at < h.end }) {
			continue
		}
		if end < len(s) && s[end] == '/' {
			// A joint name: "…/Union of Health Care Professionals" (to
			// an "and" after it: "… Professionals and Kaiser").
			if k := spelledNameRE.FindStringIndex(s[end+1:]); k != nil && k[0] == 0 {
				joint := s[end+1 : end+1+k[1]]
				if i := strings.Index(joint, " and "); i > 0 {
					joint = joint[:i]
				}
				end += 1 + len(joint)
			}
		}
		// Named as written: the acronym's other mentions are tallied
		// apart, as a name the options do not know would be.
		canon := s[at:end]
		pre := s[max(0, at-160):at]
		ctx := unionContextRE.MatchString(pre) && !umbrellaCtxRE.MatchString(pre) || unionAliasCtxRE.MatchString(pre)
		hits = append(hits, nameHit{canon: canon, at: at, end: end, contextual: ctx})
		found = true
	}
	if found {
		slices.SortFunc(hits, func(a, b nameHit) int { return cmp.Compare(a.at, b.at) })
	}
	return hits
}

// spelledAcronyms returns where s spells out a known acronym: the
// longest run of capitalized words from each word on, joined by the
// little words of names ("of", "and", "for", "the", "&"), whose initials
// are one of acronyms ("the United Nurses Associations of California and
// Kaiser" spells "unac" to "California"). prefixes holds every prefix of
// them, so that a run stops as soon as it can spell none.
func spelledAcronyms(s string, acronyms, prefixes map[string]bool) [][2]int {
	var out [][2]int
	var init []byte
	for i := 0; i < len(s); {
		if !upperAt(s, i) || i > 0 && nameByte(s[i-1]) {
			i++
			continue
		}
		at, end := i, wordEnd(s, i)
		if s[at:end] == "The" {
			// "The United Food and Commercial Workers": no part of it.
			k := skipSpaces(s, end)
			if !upperAt(s, k) {
				i = end
				continue
			}
			at, end = k, wordEnd(s, k)
		}
		first := end
		init = append(init[:0], s[at]+'a'-'A')
		best := -1
		for prefixes[string(init)] {
			if acronyms[string(init)] {
				best = end
			}
			k := skipSpaces(s, end)
			for k < len(s) {
				w := s[k:wordEnd(s, k)]
				if w != "of" && w != "and" && w != "for" && w != "the" && w != "&" {
					break
				}
				k = skipSpaces(s, k+len(w))
			}
			if !upperAt(s, k) {
				break
			}
			end = wordEnd(s, k)
			init = append(init, s[k]+'a'-'A')
		}
		if best > 0 {
			out = append(out, [2]int{at, best})
			i = best
		} else {
			i = first
		}
	}
	return out
}

// upperAt reports whether s has an ASCII capital letter at i.
func upperAt(s string, i int) bool { return i < len(s) && s[i] >= 'A' && s[i] <= 'Z' }

// nameByte reports whether c can be part of a word of a name: a letter, a
// digit, an apostrophe, a hyphen, an ampersand ("AT&T"), or a byte of a
// character beyond ASCII.
func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c == '&' || c >= 0x80
}

// wordEnd returns where the word of a name that starts at i ends.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) && nameByte(s[j]) {
		j++
	}
	return max(j, i+1)
}

// skipSpaces returns the first index at or after i that is no space.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// spelledNameRE finds a run of capitalized words, joined by the little
// words of names: "United Food and Commercial Workers".
var spelledNameRE = regexp.MustCompile(`[A-Z][A-Za-z'’-]+(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][A-Za-z'’-]+)+`)

// findNames returns the names of forms found in the sentence, in order,
// outside the excluded phrases.
func (x *Extractor) findNames(fs factSentence, forms []nameForm) []nameHit {
	s := fs.text
	var hits []nameHit
	taken := make([]bool, len(s)+1)
	for _, e := range x.exclude {
		from := 0
		for {
			j := strings.Index(fs.lower[from:], e)
			if j < 0 {
				break
			}
			j += from
			from = j + len(e)
			if wordEdge(s, j, j+len(e)) {
				for k := j; k < j+len(e); k++ {
					taken[k] = true
				}
			}
		}
	}
	// A sentence in capitals is read in lower case: "THE NATIONAL UNION
	// OF HEALTHCARE WORKERS SAYS" names the union as "the National Union
	// of Healthcare Workers says" does.
	hay := s
	if fs.shout {
		hay = fs.lower
	}
	for _, f := range forms {
		form := f.form
		if fs.shout {
			form = lowerSameLen(form)
		}
		from := 0
		for {
			j := strings.Index(hay[from:], form)
			if j < 0 {
				break
			}
			j += from
			end := j + len(form)
			from = end
			if !wordEdge(s, j, end) || taken[j] || taken[end-1] {
				continue
			}
			canon := f.canon
			// "UNAC/UHCP": a joint name reported whole.
			if canon == f.form && end < len(s) && s[end] == '/' {
				k := end + 1
				for k < len(s) && (s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
					k++
				}
				if k > end+1 && wordEdge(s, j, k) {
					canon = s[j:k]
					end = k
				}
			}
			for k := j; k < end; k++ {
				taken[k] = true
			}
			pre := s[max(0, j-160):j]
			// "part of a wider walkout by unions in the Alliance of Health
			// Care Unions": the umbrella of the striking union is named,
			// not the union.
			ctx := unionContextRE.MatchString(pre) && !umbrellaCtxRE.MatchString(pre) || unionAliasCtxRE.MatchString(pre)
			hits = append(hits, nameHit{canon: canon, at: j, end: end, contextual: ctx})
		}
	}
	slices.SortFunc(hits, func(a, b nameHit) int { return cmp.Compare(a.at, b.at) })
	return hits
}

// wordEdge reports whether s[i:j] is not part of a longer word.
func wordEdge(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var (
	// unionAfterRE finds words right after a union's name that make it
	// the strikers' union: "NUHW's therapists", "NUHW members",
	// "NUHW-represented", "NUHW has called a strike".
	unionAfterRE = regexp.MustCompile(`^(?:['’]s)?[\s-]*(?:represented\b|members\b|therapists\b|clinicians\b|workers\b|strikers\b|nurses\b|employees\b|(?:has |have )?(?:called|launched|began|begun|started)\b[^.;,]{0,30}\b(?:strike|walkout)|(?:is|are|went|remain|remains) on strike\b|(?:walked|walks) out\b)`)
	// unionAsideRE finds what a union named beside the strikers' does:
	// supports them, or is named for comparison.
	unionAsideRE = regexp.MustCompile(`\b(?:(?:marched|rallied|picketed|stood|walked) (?:alongside|with) (?:the )?striking\b|sent (?:[\w'’-]+ ){0,2}to (?:our|the|their) picket|also joined|joined (?:the |them on the )?picket|in solidarity|in support|to support|supporting|supported|backed|stood with|honou?red (?:the )?picket|(?:came|come|comes|coming) to (?:picket|march|rally|stand) with (?:us|them)|join(?:ed|s|ing)? us\b|(?:picket|picketed|picketing|marched|rallied|stood|stand|standing) with us\b)|(?:\bnot|n['’]t) (?:involved|part of|affected|participating|on strike|striking|taking part|included|covered)\b|\b(?:(?:are|is|were|was|remain|remained|kept|keep|keeps) (?:still )?working|(?:report|reports|reported|reporting) to work|crossed|crossing|cross) (?:during|through|the picket|despite)\b`)
	// unionJoinedRE finds words before a union's name that make it the
	// strikers' company, not theirs: "joined by members of".
	unionJoinedRE = regexp.MustCompile(`\b(?:joined by|supported by|backed by|alongside|along with|together with|as well as|solidarity from|rally led by|rally organized by|march led by)\b`)
	// notAffectedRE finds, before a union, that the news leaves its
	// workers out: "It does not affect Kaiser's mental health clinicians
	// represented by …" (not "The results do not cover October, when …
	// represented by …": what is left out is a month).
	notAffectedRE = regexp.MustCompile(`\b(?:does|do|did|will|would) not (?:affect|cover|include|apply to)\b[^.;,]*$`)
	unlikeRE      = regexp.MustCompile(`(?i)\b(?:unlike|like|as did|other unions?(?: such as| including)?)\s+(?:the\s+)?$`)
)

// findUnion returns the union the article is about. Each union named
// scores by how it is named: as the one striking or representing the
// workers ("a strike by …", "represented by …", "members of …" count most;
// "NUHW's therapists", "NUHW has called a strike" less), in the headline,
// and how often; a union named as joining the picket lines in solidarity,
// as not involved, or for comparison ("unlike …"), scores against. Unions
// the options do not name count where a union's name is expected (see
// otherUnions). The best wins; of equals, the first named. The sentence
// returned is the union's best; strong reports that a hit of it names it
// as the strikers' union ("a strike by …", "represented by …").
func (x *Extractor) findUnion(ss []factSentence, known [][]nameHit) (canon string, at int, ok, strong bool) {
	type tally struct {
		canon       string
		score, best int // best: the score of its best hit
		first, at   int // first hit's order; the best hit's sentence
	}
	var ts []tally
	// otherBefore: a union other than canon was named before.
	otherBefore := func(canon string) bool {
		return slices.ContainsFunc(ts, func(t tally) bool { return t.canon != canon })
	}
	// The headline's workforce: a union named as representing another
	// workforce ("Kaiser's nurses …, represented by UNAC/UHCP, are in
	// talks of their own" under "Kaiser mental health workers ratify") is
	// named, not as the article's strikers'.
	headForce := uint8(0)
	for _, s := range ss {
		if s.title {
			headForce = workforceOf(plainWords(s.lower))
			break
		}
	}
	otherForce := func(s factSentence, h nameHit) bool {
		if headForce == 0 || headForce == workforceMixed {
			return false
		}
		f := workforceOf(plainWords(lastWords(s.lower[:h.at], 8)))
		return f != 0 && f != workforceMixed && f != headForce
	}
	order := 0
	for i, s := range ss {
		hits := append(slices.Clip(known[i]), x.otherUnions(s, known[i])...)
		for _, h := range hits {
			w := 1
			switch {
			case h.contextual && otherForce(s, h):
				// another workforce's union: named, no more
			case h.contextual && !(otherBefore(h.canon) && hasAny(s.lower, " for | ended ") && pastWholeStrikeRE.MatchString(s.lower)):
				w += 4 // "a strike by …", "represented by …"
				// (Not in a strike told whole in the past after another
				// union was named, "members of NUHW, struck for 196 days
				// before ratifying": an earlier dispute's union, named
				// beside the article's.)
			case unionAfterRE.MatchString(s.lower[h.end:]):
				w += 2 // "NUHW's therapists"
			}
			if joinsOther(hits, h, s.lower) {
				w = -1 // "NUHW members join UNAC/UHCP picket lines": supporters of the other's strike
			}
			if w < 5 && (onStrikeAfterF.MatchString(s.lower[h.end:]) || s.lead && !s.title && leadStrikersF.MatchString(s.lower[h.end:]) || !s.title && nowStrikersF.MatchString(s.lower[h.end:])) {
				w = 5 // "the 31,000 nurses of UNAC/UHCP who are on a five-day strike": the strikers'
			}
			if s.title {
				w++ // the headline
			}
			rest := s.lower[h.end:]
			if k := strings.IndexAny(rest, ".;"); k >= 0 {
				rest = rest[:k]
			}
			if unionAsideF.MatchString(rest) || unlikeF.MatchString(s.text[:h.at]) || unionJoinedF.MatchString(lastWords(s.lower[:h.at], 6)) ||
				strings.Contains(rest, "dispute") && otherDisputeRE.MatchString(rest) {
				w = -1 // a supporter, or named for comparison ("the strike by UNAC/UHCP …, a separate dispute")
			}
			if strings.Contains(s.lower[:h.at], "not") && notAffectedRE.MatchString(s.lower[:h.at]) {
				w = 0 // "It does not affect Kaiser's mental health clinicians represented by …": named, not the news's
			}
			if inAppositive(s.lower, hits, h) {
				w = 0 // "the Coalition …, an alliance of locals led by SEIU-UHW": the other's part
			}
			if unionsInF.MatchString(lastWords(s.lower[:h.at], 4)) && !workersPartOfF.MatchString(lastWords(s.lower[:h.at], 6)) {
				w = 0 // "the largest union in the Alliance of Health Care Unions": the group it is part of
			}
			k := slices.IndexFunc(ts, func(t tally) bool { return t.canon == h.canon })
			if k < 0 {
				ts = append(ts, tally{canon: h.canon, best: w, first: order, at: i})
				k = len(ts) - 1
			} else if w > ts[k].best {
				ts[k].best, ts[k].at = w, i
			}
			ts[k].score += w
			order++
		}
	}
	if len(ts) == 0 {
		return "", -1, false, false
	}
	best := ts[0]
	for _, t := range ts[1:] {
		// Of equals, one named as the strikers' ("of UNAC/UHCP are on
		// day three of a five-day strike") beats one only named often.
		if t.score > best.score || t.score == best.score && t.best >= 5 && best.best < 5 {
			best = t
		}
	}
	if best.score <= 0 {
		return "", -1, false, false // only supporters, or unions named to compare
	}
	// Strong: named as the strikers' ("a strike by …", "represented by …"),
	// under this name or another of the same union's ("UNAC/UHCP" and its
	// name spelled out are tallied apart).
	strong = slices.ContainsFunc(ts, func(t tally) bool { return t.best >= 5 && unionKeyOf(t.canon) == unionKeyOf(best.canon) })
	return best.canon, best.at, true, strong
}

// spanEndsRE finds, after "strike ends", a span of it that ends: "ends
// first week", "ended its 10th day".
var spanEndsRE = regexp.MustCompile(`^ (?:its |their |a |the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) (?:day|week|month)\b`)

// pastWholeStrikeRE finds a strike told whole in the past tense, with
// its length: "struck for 196 days", "were on strike for 196 days",
// "ended a 196-day strike".
var pastWholeStrikeRE = regexp.MustCompile(`\b(?:struck|(?:were|was) on strike|stayed out|walked out) for (?:about |nearly |almost |more than |some )?` + reNumWords + ` (?:days|weeks|months)\b|\bended (?:an?|their|its) (?:\d+|[a-z]+(?:-[a-z]+)?)-(?:day|week|month) (?:strike|walkout)\b`)

// joinOtherF finds, after a union's name, its members joining or
// standing with others, whose union is named after: "NUHW members join
// UNAC/UHCP picket lines", "members of SEIU marched with …".
var joinOtherF = regexp.MustCompile(`^[^.;]{0,120}?\b(?:join|joins|joined|joining|stood with|stand with|stands with|standing with|marched with|march with|marching with)\b`)

// joinsOther reports whether the sentence tells h's members joining or
// standing with others whose union it names next: a join verb after h,
// with no other union before it and one after it.
func joinsOther(hits []nameHit, h nameHit, lower string) bool {
	m := joinOtherF.FindStringIndex(lower[h.end:])
	if m == nil {
		return false
	}
	join := h.end + m[1]
	after := false
	for _, o := range hits {
		if o.canon == h.canon || o.at < h.end {
			continue
		}
		if o.at < join {
			return false
		}
		after = true
	}
	return after
}

// onStrikeAfterF finds, right after a union's name, that its members
// are the ones on strike: "… of UNAC/UHCP who are on a five-day strike".
var onStrikeAfterF = regexp.MustCompile(`^,? (?:who|which) (?:are|were|is|was|have been|has been) (?:now |still )?(?:on|out on) (?:an? |their |its )?(?:[\w-]+ ){0,2}?strike\b`)

// leadStrikersF finds, right after a union's name, a strike verb whose
// subject holds the name, its workforce between: "31,000 UNAC/UHCP nurses
// and health professionals walked out", "nurses in UNAC/UHCP are on
// strike". Read in the lead only: further on, it is as often a strike
// recalled ("NUHW members walked out last year").
var leadStrikersF = regexp.MustCompile(strikersAfterName + `(?:(?:are|were|is|went|remain|remains) (?:now |still )?on strike|(?:walked|walk|walks) (?:out|off the job)|struck)\b`)

// strikersAfterName is what may stand between a union's name and its
// members' strike verb: a possessive, a dash, their workforce.
const strikersAfterName = `^(?:['’]s)?[\s\-–—]*(?:(?:members|nurses|and|health|care|professionals|therapists|clinicians|workers|employees|staff|pharmacists)\b,? ?){0,6}`

// nowStrikersF is leadStrikersF in the present, read anywhere: a strike
// told as going on is the news, not one recalled: "nurses and health
// professionals of UNAC/UHCP are on day three of a five-day strike".
var nowStrikersF = regexp.MustCompile(strikersAfterName + `(?:are|is|remain|remains) (?:now |still )?(?:on strike|(?:out )?on (?:day|week) [\w-]+ of (?:an? |their |the |its )?(?:[\w-]+ ){0,2}?strike)\b`)

// unionsInF finds, right before a union's name, words that make it a
// group other unions belong to: "other unions in the Alliance of …",
// "the largest union in the …", "is part of the …". (A strike "by
// unions in the Coalition …" is the coalition's.)
// workersPartOfF finds workers told as part of what follows: "The
// workers are part of the Coalition of Kaiser Permanente Unions" names
// their union, as "members of" does.
var workersPartOfF = regexp.MustCompile(`\b(?:workers|employees|clinicians|therapists|nurses|strikers|staff|professionals|they) (?:are|were) (?:all )?part of(?: the)?$`)

var unionsInF = regexp.MustCompile(`\b(?:union|(?:other|all|several|some|many|most) unions) (?:in|within|inside)(?: the)?$|\b(?:is|are) (?:a )?part of(?: the)?$`)

// inAppositive reports whether the hit h is named inside an aside that
// describes another union named just before it in the sentence: "The
// Coalition of Kaiser Permanente Unions, an alliance of locals led by
// SEIU-UHW, says …", "belong to NUHW, which split from SEIU in 2009".
// Such a union is the other's part or past, not the strikers'.
func inAppositive(lower string, hits []nameHit, h nameHit) bool {
	for _, p := range hits {
		if p.end > h.at || p.canon == h.canon || h.at-p.end > 100 {
			continue
		}
		between := lower[p.end:h.at]
		if strings.HasPrefix(between, ", ") && !strings.ContainsAny(between[2:], ",;.()") {
			return true
		}
	}
	return false
}

// sourceUnion returns the union that publishes the article, when its
// source is a union the options name: a union's own post ("Tonight our
// bargaining team reached a tentative agreement") is about that union
// when its text names none. The sentence returned is the first that
// speaks as the union ("we", "our"), else the first of the text.
func (x *Extractor) sourceUnion(source string, ss []factSentence) (string, int, bool) {
	source = strings.TrimSpace(source)
	if source == "" || len(ss) == 0 {
		return "", -1, false
	}
	hits := x.unionNames(factSentence{text: source, lower: lowerSameLen(source)})
	if len(hits) == 0 {
		return "", -1, false
	}
	at := -1
	for i, s := range ss {
		if s.title {
			continue
		}
		if at < 0 {
			at = i
		}
		for _, w := range clauseWords(s.lower) {
			if w == "we" || w == "our" || w == "us" || w == "we're" || w == "we’re" {
				return hits[0].canon, i, true
			}
		}
	}
	if at < 0 {
		at = 0
	}
	return hits[0].canon, at, true
}

// unionSlots are the words before which a union's name is expected:
// "represented by", "members of", "a strike by", "nurses with"; strong
// marks those after which an acronym alone is a union's name.
var unionSlots = map[string]struct{ strong bool }{
	"represented by": {true}, "members of": {true}, "member of": {true}, "strike by": {true},
	"strikes by": {true}, "walkout by": {true}, "walkouts by": {true}, "organized by": {true},
	"led by": {true}, "called by": {true}, "belonging to": {true}, "part of": {},
	"workers with": {}, "nurses with": {}, "employees with": {}, "members with": {}, "staff with": {},
	"clinicians with": {}, "therapists with": {}, "pharmacists with": {}, "doctors with": {},
	"teachers with": {}, "technicians with": {},
}

// unionSlotsIn returns where union names may begin in lower: after each
// slot phrase (and a "the"), with whether the slot is strong.
func unionSlotsIn(lower string) (at []int, strong []bool) {
	for _, link := range [...]string{" by ", " of ", " with ", " to "} {
		for from := 0; ; {
			k := strings.Index(lower[from:], link)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			w0 := strings.LastIndexByte(lower[:k], ' ') + 1
			slot, ok := unionSlots[lower[w0:k]+link[:len(link)-1]]
			if !ok {
				continue
			}
			i := k + len(link)
			if strings.HasPrefix(lower[i:], "the ") {
				i += len("the ")
			}
			at = append(at, i)
			strong = append(strong, slot.strong)
		}
	}
	return at, strong
}

// unionHeads are the words one of which a union's name holds.
// govBodyRE finds a body of government in a name read off capitals ("the
// Pasadena City Council and the Los Angeles County Board of
// Supervisors"): no union, whatever its head word.
var govBodyRE = regexp.MustCompile(`\b(?:City Council|Town Council|County|Board of|Supervisors|Assembly|Senate|Legislature|Commission|Congress|Caucus|Department|Agency)\b`)

// supportersRE finds a supporters' group in a name read off capitals
// ("the Interfaith Coalition for Worker Justice", "Parents Alliance"):
// no union, whatever its head word.
var supportersRE = regexp.MustCompile(`\b(?:Interfaith|Clergy|Faith|Churches|Church|Congregations?|Ministers?|Ministries|Patients?|Parents|Students)\b`)

var unionHeads = map[string]bool{
	"Union": true, "Unions": true, "Association": true, "Associations": true, "Federation": true, "Guild": true,
	"Council": true, "Brotherhood": true, "Teamsters": true, "Workers": true, "Employees": true, "Alliance": true,
	"Coalition": true, "Organization": true, "Committee": true, "Professionals": true, "Local": true,
}

// otherUnions returns the unions not among the options that the sentence
// names where a union's name is expected ("represented by the Oregon
// Nurses Association", "a strike by Teamsters Local 2010", "represented
// by OPEIU Local 30"), outside the names already found (known) and the
// excluded phrases. A name must hold a word such as Union, Association,
// Guild or Local and have two words or more, or, after "represented by",
// "members of" or "a strike by", begin with an acronym.
func (x *Extractor) otherUnions(fs factSentence, known []nameHit) []nameHit {
	if fs.shout {
		return nil // every word looks like a name, or an acronym
	}
	ats, strong := unionSlotsIn(fs.lower)
	var out []nameHit
	for n, at := range ats {
		if slices.ContainsFunc(known, func(h nameHit) bool { return h.at <= at && at < h.end }) {
			continue
		}
		name, end := unionNameAt(fs.text, at)
		if first, rest, ok := strings.Cut(name, " "); ok && strings.HasSuffix(first, "-based") {
			// "the Emeryville-based National Union of …": where it is
			// based is no part of its name.
			name, at = rest, at+len(first)+1
		}
		if name == "" || slices.ContainsFunc(known, func(h nameHit) bool { return h.at < end && at < h.end }) {
			continue // (a known union's name inside it is that union)
		}
		if cut, ok := cutName(name, fs.text[end:]); ok {
			// A snippet ends inside the name: it is the known union whose
			// name begins so, or none.
			if canon := x.unionStarting(cut); canon != "" {
				out = append(out, nameHit{canon: canon, at: at, end: end, contextual: true})
			}
			continue
		}
		name = trimUnionName(name)
		words := strings.Fields(name)
		head := slices.ContainsFunc(words, func(w string) bool { return unionHeads[w] })
		if !(head && len(words) >= 2) && !(strong[n] && isAcronym(words[0])) {
			continue
		}
		if x.excluded(fs.lower[at:end]) || strings.Contains(name, "Federation of Labor") || strings.Contains(name, "Labor Council") || govBodyRE.MatchString(name) || supportersRE.MatchString(name) {
			continue // a labor council speaks for many unions; a faith or patients' group for none
		}
		out = append(out, nameHit{canon: name, at: at, end: end, contextual: true})
	}
	return append(out, x.unionsNamedAside(fs, append(known, out...))...)
}

// cutName reports whether a name found before rest was cut short by a
// snippet's end ("National Union of Healthcare…", "… Healthcare..."), and
// returns what is left of it.
func cutName(name, rest string) (string, bool) {
	// The words that join a name's parts may be all that is left of the
	// next: "National Union of…".
	rest = strings.TrimLeft(rest, " ")
	for {
		w, after, _ := strings.Cut(rest, " ")
		if bare := strings.TrimRight(w, ".\u2026"); !nameJoiners[bare] || bare == w && after == "" {
			break
		}
		if t := strings.TrimLeft(w, "abcdefghijklmnopqrstuvwxyz&"); t != "" {
			rest = t // "of…": the ellipsis is what is left
			break
		}
		rest = strings.TrimLeft(after, " ")
	}
	for _, e := range []string{"\u2026", "..."} {
		if c, ok := strings.CutSuffix(name, e); ok {
			return strings.TrimSpace(c), true
		}
		if strings.HasPrefix(rest, e) {
			return name, true
		}
	}
	return "", false
}

// nameJoiners join the parts of an organization's name.
var nameJoiners = map[string]bool{"of": true, "for": true, "and": true, "the": true, "&": true}

// unionStarting returns the known union whose name, or a form of it,
// begins with the words of cut (two at least), when exactly one does.
func (x *Extractor) unionStarting(cut string) string {
	if len(strings.Fields(cut)) < 2 {
		return ""
	}
	found := ""
	for _, f := range x.unions {
		if strings.HasPrefix(f.form+" ", cut+" ") && f.form != cut {
			if found != "" && found != f.canon {
				return ""
			}
			found = f.canon
		}
	}
	return found
}

// Words after a name that make it the union of the workers it represents
// ("The Guild for Professional Pharmacists, which represents pharmacists
// at Kaiser's hospitals") when workers follow; and those that make a name
// holding a union's own word (Union, Guild, Local) a union speaking ("The
// Guild for Professional Pharmacists announced").
var (
	representsAfter = []string{", which represents ", ", which represent ", ", which bargains for ", ", representing ",
		", the union representing ", ", the union that represents ", ", the union for "}
	speaksAfter  = []string{" said", " says", " announced", " announces", " called", " calls", " voted", " urged", " urges"}
	strongHeads  = map[string]bool{"Union": true, "Unions": true, "Guild": true, "Teamsters": true, "Brotherhood": true, "Local": true}
	speakPrefilt = []string{"Union", "Guild", "Teamsters", "Brotherhood", "Local"}
	// unionApposRE finds, before a name, the words that set it beside
	// "their union" as its name: "their union, the Oregon Nurses
	// Association, said".
	unionApposRE = regexp.MustCompile(`\b(?:their|its|the workers['’]|the strikers['’]) union,? (?:the )?$`)
)

// unionsNamedAside returns the unions not among the options that the
// sentence names as representing workers or as speaking (see
// representsAfter), outside the names already found and the excluded
// phrases.
func (x *Extractor) unionsNamedAside(fs factSentence, known []nameHit) []nameHit {
	represents := strings.Contains(fs.lower, ", which represent") || strings.Contains(fs.lower, ", which bargains") ||
		strings.Contains(fs.lower, ", representing ") || strings.Contains(fs.lower, ", the union ")
	if !represents && !slices.ContainsFunc(speakPrefilt, func(h string) bool { return strings.Contains(fs.text, h) }) {
		return nil
	}
	var out []nameHit
	s := fs.text
	for i := 0; i < len(s); i++ {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsUpper(r) || i > 0 && s[i-1] != ' ' && s[i-1] != '(' && s[i-1] != '"' {
			continue
		}
		if slices.ContainsFunc(known, func(h nameHit) bool { return h.at <= i && i < h.end }) {
			continue
		}
		name, end := unionNameAt(s, i)
		next := end
		if name == "" {
			continue
		}
		if slices.ContainsFunc(known, func(h nameHit) bool { return h.at < end && i < h.end }) {
			i = end // "Kaiser and the National Union of Healthcare Workers": a known name inside
			continue
		}
		i = end
		name = trimUnionName(strings.TrimPrefix(name, "The "))
		words := strings.Fields(name)
		if len(words) < 2 || !slices.ContainsFunc(words, func(w string) bool { return unionHeads[w] }) ||
			x.excluded(lowerSameLen(name)) || strings.Contains(name, "Federation of Labor") || strings.Contains(name, "Labor Council") || govBodyRE.MatchString(name) {
			continue
		}
		rest := fs.lower[next:]
		hit := nameHit{canon: name, at: next - len(name), end: next}
		switch {
		case slices.ContainsFunc(representsAfter, func(p string) bool { return strings.HasPrefix(rest, p) }):
			w := strings.Fields(rest)
			if slices.ContainsFunc(w[:min(len(w), 9)], func(w string) bool { return peopleNouns[strings.Trim(w, ",.;:")] }) {
				hit.contextual = true
				out = append(out, hit)
			}
		case unionApposRE.MatchString(fs.lower[:hit.at]):
			// "their union, the Guild for Professional Pharmacists, said"
			hit.contextual = true
			out = append(out, hit)
		case slices.ContainsFunc(words, func(w string) bool {
			// "California/Union": a joint name's halves are words too.
			return strongHeads[w] || slices.ContainsFunc(strings.Split(w, "/"), func(h string) bool { return strongHeads[h] })
		}) && slices.ContainsFunc(speaksAfter, func(p string) bool { return strings.HasPrefix(rest, p) }):
			out = append(out, hit)
		}
	}
	return out
}

// trimUnionName drops from a union's name read off capitals what is no
// part of it: who speaks for it ("Leaders of the United Nurses
// Associations …") and the word for its locals ("United Food and
// Commercial Workers Locals 324 and 770").
func trimUnionName(name string) string {
	if before, after, ok := strings.Cut(name, " of the "); ok && !slices.ContainsFunc(strings.Fields(before), func(w string) bool { return unionHeads[w] }) {
		name = after
	}
	return strings.TrimSuffix(name, " Locals")
}

// unionNameAt reads a proper name starting at s[i:]: capitalized words,
// with "of", "for", "and", "&" or "the" between them and a number after
// "Local". It returns the name and where it ends.
func unionNameAt(s string, i int) (string, int) {
	last := i
	prevLocal := false
	for j := i; j < len(s); {
		k := j
		for k < len(s) && !strings.ContainsRune(" ,;.():", rune(s[k])) {
			k++
		}
		w := s[j:k]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "":
			return strings.TrimSpace(s[i:last]), last
		case unicode.IsUpper(r):
			last, prevLocal = k, w == "Local"
		case prevLocal && r >= '0' && r <= '9':
			last, prevLocal = k, false
		case j > i && (w == "of" || w == "for" || w == "and" || w == "&" || w == "the"):
			prevLocal = false
		default:
			return strings.TrimSpace(s[i:last]), last
		}
		if k >= len(s) || s[k] != ' ' {
			break
		}
		j = k + 1
	}
	return strings.TrimSpace(s[i:last]), last
}

// isAcronym reports whether w is an acronym: two or more capitals, maybe
// with digits, hyphens or a slash ("SEIU-UHW", "UNAC/UHCP").
func isAcronym(w string) bool {
	caps := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			caps++
		case r >= '0' && r <= '9', r == '-', r == '/':
		default:
			return false
		}
	}
	return caps >= 2
}

// excluded reports whether a lower-cased phrase holds one of the options'
// excluded look-alikes.
func (x *Extractor) excluded(lower string) bool {
	for _, e := range x.exclude {
		if strings.Contains(lower, e) {
			return true
		}
	}
	return false
}

// firstName returns the first name of forms found.
func (x *Extractor) firstName(ss []factSentence, forms []nameForm) (string, int, bool) {
	for i, s := range ss {
		if h := x.findNames(s, forms); len(h) > 0 {
			return h[0].canon, i, true
		}
	}
	return "", -1, false
}

var (
	// startRE finds words that say when a strike began or begins.
	startRE = regexp.MustCompile(`\b(?:began|begin|begins|beginning|begun|started|start|starts|starting|since|went on strike|go on strike|going on strike|walked out|walked off the job|walk off the job|walk out|set to strike|first|put down (?:their )?(?:caseloads|tools)|pick up picket signs|hit the picket lines?)\b`)
	// strikeCtxRE says a sentence is about the strike itself.
	strikeCtxRE = regexp.MustCompile(`\b(?:strikes?|walkout|walked|walk off|walk out|picket\w*|struck|out since|on strike)\b|\bon the (?:[\w-]+ ){0,3}line\b`)
	// blockRE finds words between a start word and a date that show the
	// date belongs to something else.
	blockRE = regexp.MustCompile(`\b(?:mediat\w*|talks|session|sessions|bargaining|agreement|deal|contract|vote|voting|said|says|after|before|expired|notice|meeting|rally|announced)\b|[,;]`)
	// saidRE finds a date that says when something was said.
	saidRE = regexp.MustCompile(`(?i)\b(?:said|says|announced|told|reported|confirmed|added|statement)\s+(?:on\s+)?$`)
	// futureRE makes incomplete dates in a sentence resolve forward.
	futureRE = regexp.MustCompile(`\b(?:will|would|set to|scheduled|plans?|planned|expected|next|upcoming|is to|are to)\b|['’]ll\b`)
)

// The words futureRE and startRE cannot match without, for hasAny: a
// plain test before the expression, since Go's matcher finds no literal
// prefix in an alternation of words.
const (
	futureHints = "will|would|set to|scheduled|plan|expected|next|upcoming|is to|are to|'ll|’ll"
	startHints  = "beg|start|since|on strike|walk|set to strike|first|put down|pick up picket|hit the picket"
)

// speaksOfFuture reports whether a lower-cased sentence speaks of what is to
// come (futureRE).
func speaksOfFuture(lower string) bool {
	return hasAny(lower, futureHints) && futureRE.MatchString(lower)
}

// dayDate is a resolved date phrase of a sentence.
type dayDate struct {
	m dateMention
	d time.Time
}

// dayDates returns the sentence's date phrases that name a single day,
// resolved in direction dir, leaving out those that say when something
// was said ("the union said Friday").
func dayDates(s factSentence, pub time.Time, dir dateDir) []dayDate {
	var out []dayDate
	for _, m := range s.dates {
		if saidRE.MatchString(s.text[max(0, m.Start-40):m.Start]) {
			continue
		}
		d, day, ok := resolveDate(m.Text, pub, dir)
		if !ok || !day {
			continue
		}
		out = append(out, dayDate{m: m, d: d})
	}
	return out
}

// startVerbs are the start words that say nothing of what starts: their
// subject or object does ("talks begin", "began a hunger strike").
var startVerbs = map[string]bool{
	"began": true, "begin": true, "begins": true, "beginning": true, "begun": true,
	"started": true, "start": true, "starts": true, "starting": true,
	"launch": true, "launches": true, "launched": true,
}

// otherEventWords name things other than the strike that begin, start or
// resume on a date.
var otherEventWords = map[string]bool{
	"talks": true, "negotiations": true, "negotiating": true, "bargaining": true, "session": true, "sessions": true,
	"mediation": true, "mediator": true, "mediators": true, "meeting": true, "meetings": true, "hearing": true,
	"hearings": true, "vote": true, "voting": true, "ballot": true, "ballots": true, "balloting": true,
	"ratification": true, "rally": true, "rallies": true, "march": true, "vigil": true, "protest": true,
	"fast": true, "classes": true, "school": true, "contract": true, "agreement": true, "deal": true,
	"trial": true, "program": true, "process": true, "services": true, "coverage": true, "enrollment": true,
	"review": true, "investigation": true, "season": true, "campaign": true,
}

// strikeWords name the strike itself.
var strikeWords = map[string]bool{
	"strike": true, "strikes": true, "walkout": true, "walkouts": true, "stoppage": true, "striking": true,
	"picketing": true, "pickets": true,
}

// eventKind says what a word of a sentence names: +1 the strike, -1
// another event, 0 neither. words are the clause's words, k the index.
func eventKind(words []string, k int) int {
	w := words[k]
	if strikeWords[w] {
		if k > 0 && words[k-1] == "hunger" {
			return -1
		}
		if k+1 < len(words) && (words[k+1] == "vote" || words[k+1] == "votes") {
			return -1
		}
		return 1
	}
	if otherEventWords[w] {
		return -1
	}
	return 0
}

// clauseWords splits s into lower-case words, keeping hyphens and
// apostrophes inside words.
func clauseWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})
}

// startsOtherEvent reports whether the start word lower[i:j] is about
// something other than the strike: its object ("began a hunger strike",
// "start talks") or else its subject in the same clause ("Sessions could
// begin", "the talks, which began") names another event.
func startsOtherEvent(lower string, i, j int) bool {
	if !startVerbs[lower[i:j]] {
		return false // "since", "walked out", "went on strike": the strike's own words
	}
	// The object: the next few words of the clause.
	after := lower[j:]
	if m := clauseRE.FindStringIndex(after); m != nil {
		after = after[:m[0]]
	}
	if k := strings.IndexByte(after, '.'); k >= 0 {
		after = after[:k]
	}
	aw := clauseWords(after)
	aw = aw[:min(len(aw), 4)]
	for k := range aw {
		if kind := eventKind(aw, k); kind != 0 {
			return kind < 0
		}
	}
	// The subject: the nearest event word before it in its clause, or,
	// for "which began", before the relative word.
	pre := lower[:i]
	if locs := clauseRE.FindAllStringIndex(pre, -1); len(locs) > 0 {
		last := locs[len(locs)-1]
		rest := strings.TrimSpace(pre[last[1]:])
		switch pre[last[0]:last[1]] {
		case "which", "that", "who":
			if rest == "" || !strings.Contains(rest, " ") {
				pre = strings.TrimRight(pre[:last[0]], " ,")
				if locs := clauseRE.FindAllStringIndex(pre, -1); len(locs) > 0 {
					pre = pre[locs[len(locs)-1][1]:]
				}
				break
			}
			pre = rest
		default:
			pre = rest
		}
	}
	// The subject's head comes before what qualifies it: "mediated talks
	// between Kaiser and the National Union of Healthcare Workers began".
	for _, prep := range []string{" between ", " with "} {
		if k := strings.LastIndex(pre, prep); k >= 0 {
			pre = pre[:k]
		}
	}
	bw := clauseWords(pre)
	bw = bw[max(0, len(bw)-8):]
	for k := len(bw) - 1; k >= 0; k-- {
		if kind := eventKind(bw, k); kind != 0 {
			return kind < 0
		}
	}
	return false
}

// startDate returns the date a sentence gives for a strike's start: a day
// shortly after a start word ("began Oct. 14", "since Oct. 14", "walked
// off the job on Monday") or just before it ("Monday's walkout"), and
// where the date phrase begins in the sentence.
//
// ahead says the strike is yet to come (the article's phase is
// threatened): its start is a date to come, "an open-ended walkout
// beginning Oct. 21".
func startDate(s factSentence, pub time.Time, ahead bool) (time.Time, int, bool) {
	if !aboutStrike(s.lower) {
		return time.Time{}, -1, false
	}
	var starts [][]int
	if hasAny(s.lower, startHints) {
		starts = startRE.FindAllStringIndex(s.lower, -1)
	}
	if len(starts) == 0 {
		return time.Time{}, -1, false
	}
	dir := dirPast
	if speaksOfFuture(s.lower) || ahead {
		dir = dirFuture
	}
	dates := dayDates(s, pub, dir)
	best, bestAt, bestGap := time.Time{}, -1, 1<<30
	// A date that opens the sentence ("A week from today, 2,400 members
	// are to put down their caseloads") dates its main verb.
	if len(dates) > 0 {
		pre := strings.TrimSpace(s.lower[:dates[0].m.Start])
		if (pre == "" || pre == "on") && strings.HasPrefix(s.lower[dates[0].m.End:], ",") {
			best, bestAt, bestGap = dates[0].d, dates[0].m.Start, 6
		}
	}
	for _, st := range starts {
		if startsOtherEvent(s.lower, st[0], st[1]) {
			continue
		}
		for _, dd := range dates {
			var gap string
			limit := 8
			switch {
			case dd.m.Start <= st[0] && st[1] <= dd.m.End:
				gap = "" // "since Oct. 14"
			case dd.m.Start >= st[1]:
				gap = s.lower[st[1]:dd.m.Start]
			case dd.m.End <= st[0]:
				gap = s.lower[dd.m.End:st[0]]
				limit = 3
				if strings.ContainsAny(gap, ",;") {
					continue
				}
			default:
				continue
			}
			if s.lower[st[0]:st[1]] == "since" {
				limit = 0 // "since October stopped eating Monday": since is October's
			}
			n := len(strings.Fields(gap))
			if n > limit || blockRE.MatchString(gap) {
				continue
			}
			if n < bestGap {
				best, bestAt, bestGap = dd.d, dd.m.Start, n
			}
		}
	}
	return best, bestAt, bestGap < 1<<30
}

// aboutStrike reports whether a sentence speaks of the strike: a hunger
// strike alone is not one.
func aboutStrike(lower string) bool {
	if !strings.Contains(lower, "strik") && !strings.Contains(lower, "struck") && !strings.Contains(lower, "walk") &&
		!strings.Contains(lower, "picket") && !strings.Contains(lower, "out since") && !strings.Contains(lower, " line") {
		return false // none of strikeCtxRE's words
	}
	if strings.Contains(lower, "hunger strik") {
		lower = strings.ReplaceAll(lower, "hunger strik", "hunger fast")
	}
	return strikeCtxRE.MatchString(lower)
}

// titleStartRE finds a headline that reports a strike beginning.
var titleStartRE = regexp.MustCompile(`\b(?:begins?|starts?|walk out|walks out|go on strike|goes on strike|launch(?:es)?)\b`)

// findStarted returns the day the strike started (or, when only
// threatened, is to start). A strike the article reports under way
// cannot start after the article was published, nor outside the span its
// own counts of the strike's length give (from earliest, which may be
// zero, to latest; both zero when it counts nothing).
func findStarted(ss []factSentence, pub time.Time, phase string, earliest, latest time.Time) (time.Time, int, bool) {
	underway := factsPhaseRank(phase) >= factsPhaseRank(strike.PhaseStrike)
	if underway && (latest.IsZero() || latest.After(dayOf(pub))) {
		latest = dayOf(pub).AddDate(0, 0, 1)
	}
	fits := func(d time.Time) bool {
		return (latest.IsZero() || !d.After(latest)) && (earliest.IsZero() || !d.Before(earliest))
	}
	for i, s := range ss {
		if d, _, ok := startDate(s, pub, phase == strike.PhaseThreatened); ok && fits(d) {
			return d, i, true
		}
	}
	// "San Diego therapists join picket lines as strike begins": the
	// headline reports the start, the first paragraph gives the day.
	if underway && len(ss) > 0 && strikeCtxRE.MatchString(ss[0].lower) {
		if m := titleStartRE.FindStringIndex(ss[0].lower); m != nil && !startsOtherEvent(ss[0].lower, m[0], m[1]) {
			inLead := false
			for i, s := range ss[1:] {
				if !s.lead {
					if inLead {
						break
					}
					continue // a byline or time stamp before the lead
				}
				inLead = true
				if dd := dayDates(s, pub, dirPast); len(dd) > 0 && fits(dd[0].d) {
					return dd[0].d, i + 1, true
				}
			}
		}
	}
	return time.Time{}, -1, false
}

const reNumWords = `(?:\d{1,4}|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)[ -]){0,4}(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred))`

// The strike's age: counts of its length that bound the day it began.

const (
	reOrdinal = `(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)`
	reQual    = `(?:nearly|almost|close to|just under|about|around|roughly|some|approximately|more than|over|at least|just over|upwards of)`
	// reStrikeNP is a noun phrase that ends with the strike.
	reStrikeNP = `(?:(?:the|their|its|our|an?|this|that)\s+)?(?:[\w'’-]+\s+){0,3}?(?:` + reStrikeN + `|picket lines?)`
)

// ageKind says how a count of the strike's length bounds its start.
type ageKind int

const (
	ageOrdinal ageKind = iota // "its fifth month": the count is running
	ageElapsed                // "four months into the strike": so long so far
	ageTotal                  // "a 196-day strike": at least so long by now, once over
)

type ageRule struct {
	// hints are "|"-separated strings one of which a sentence must hold
	// for re to match; "#" stands for an ordinal ("fifth", "100th").
	hints string
	re    *regexp.Regexp // groups: qualifier (may be absent), number, unit
	kind  ageKind
}

var ageRules = []ageRule{
	{"#", regexp.MustCompile(`\b` + reStrikeN + `(?:s|['’]s)?\b[^.;,]{0,40}?\b(?:(?:its|their|the)\s+)?()(` + reOrdinal + `)\s+(day|week|month)\b`), ageOrdinal},
	{"#", regexp.MustCompile(`\b` + reStrikeN + `['’]s\s+()(` + reOrdinal + `)\s+(day|week|month)\b`), ageOrdinal},
	{"#", regexp.MustCompile(`\b()(` + reOrdinal + `)\s+(day|week|month)\s+(?:of|on)\s+` + reStrikeNP + `\b`), ageOrdinal},
	{"day ", regexp.MustCompile(`\b()(day)\s+(\d{1,3})\s+of\s+` + reStrikeNP + `\b`), ageOrdinal},
	{" into | on strike| on the picket", regexp.MustCompile(`\b(?:(` + reQual + `)\s+)?(` + reNumWords + `)\s+(days?|weeks?|months?)\s+(?:into\s+` + reStrikeNP + `|(?:out\s+)?on\s+(?:strike|the\s+picket\s+lines?))\b`), ageElapsed},
	{"on strike ", regexp.MustCompile(`\bon strike (?:for\s+)?(?:(` + reQual + `)\s+)?(` + reNumWords + `)\s+(days?|weeks?|months?)\b`), ageElapsed},
	{"mark|hit|reach|pass|near|enter", regexp.MustCompile(`\b` + reStrikeN + `\b[^.;,]{0,30}?\b(?:marks|marked|hits|hit|reaches|reached|passes|passed|nears|neared|enters|entered)\s+(?:(` + reQual + `)\s+)?(` + reNumWords + `)\s+(days|weeks|months)\b`), ageElapsed},
	{"lasted", regexp.MustCompile(`\b(?:has|have)\s+(?:now\s+)?lasted\s+(?:for\s+)?(?:(` + reQual + `)\s+)?(` + reNumWords + `)\s+(days|weeks|months)\b`), ageElapsed},
	{"-day|-week|-month", regexp.MustCompile(`\b(?:(` + reQual + `)\s+)?(` + reNumWords + `)-(day|week|month)\s+(?:[\w'’-]+\s+){0,2}?` + reStrikeN + `\b(?: notice)?`), ageTotal},
	{"after |lasted |lasting |ending |ended ", regexp.MustCompile(`\b(?:after|lasted|lasting|ending|ended)\s+(?:(` + reQual + `)\s+)?(` + reNumWords + `)\s+(days|weeks|months)\b`), ageTotal},
}

// hasAny reports whether s holds one of the "|"-separated hints.
func hasAny(s, hints string) bool {
	for {
		h, rest, more := strings.Cut(hints, "|")
		if strings.Contains(s, h) {
			return true
		}
		if !more {
			return false
		}
		hints = rest
	}
}

// hasOrdinal reports whether s holds an ordinal: "fifth", "100th".
func hasOrdinal(s string) bool {
	for _, w := range clauseWords(s) {
		if _, ok := ordinals[w]; ok {
			return true
		}
		if len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
			switch w[len(w)-2:] {
			case "st", "nd", "rd", "th":
				return true
			}
		}
	}
	return false
}

// ordinals are the ordinal words up to twentieth.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}

func ordinalNumber(s string) (int, bool) {
	if n, ok := ordinals[s]; ok {
		return n, true
	}
	s = strings.TrimRight(s, "stndrh")
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// yearRE finds a year; monthBeforeRE says it is part of a date.
var (
	yearRE        = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	monthBeforeRE = regexp.MustCompile(`(?:` + reMonth + `)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+$`)
	historyRE     = regexp.MustCompile(`\b(?:previous|earlier|prior|last year['’]s|past)\s+(?:[\w-]+\s+){0,2}?` + reStrikeN)
)

// yearsAgoRE finds a time two years or more before publication: what
// happened then is another strike's (a year ago may be this one's).
var yearsAgoRE = regexp.MustCompile(`\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|\d\d) years ago\b`)

// historyHints are the words historyRE cannot match without.
const historyHints = "previous|earlier|prior|last year|past"

// markEarly sets early on the sentences that date what they tell before
// the campaign's period began and a year or more before pub: a date with
// its year ("In October 2023", "On Oct. 4, 2023"), not a span up to now
// ("since April 2023"), in a sentence that dates nothing in the period.
func (x *Extractor) markEarly(ss []factSentence, pub time.Time) {
	if x.since.IsZero() {
		return
	}
	yearAgo := pub.AddDate(-1, 0, 0)
	for i := range ss {
		early, period := false, false
		for _, m := range ss[i].dates {
			d, _, ok := resolveDate(m.Text, pub, dirNearest)
			switch {
			case !ok:
			case !d.Before(x.since):
				period = true // it tells the campaign's time too
			case yearRE.MatchString(m.Text) && !d.After(yearAgo) && !sinceDate(ss[i].lower, m):
				early = true
			}
		}
		ss[i].early = early && !period
	}
}

// sinceDate reports whether the date opens a span up to now ("since April
// 2023").
func sinceDate(lower string, m dateMention) bool {
	return strings.HasPrefix(lower[m.Start:], "since") || strings.HasSuffix(lower[:m.Start], "since ")
}

// historical reports whether the sentence is about another, earlier
// strike: it names a year (not as part of a date) before publication's,
// a date before the campaign's period (early), "two years ago" or "an
// earlier strike".
func historical(s factSentence, pub time.Time) bool {
	if s.early {
		return true
	}
	if hasAny(s.lower, historyHints) && historyRE.MatchString(s.lower) {
		return true
	}
	if strings.Contains(s.lower, "years ago") && yearsAgoRE.MatchString(s.lower) {
		return true // "Two years ago, about 2,000 … went on strike for ten weeks."
	}
	if !strings.ContainsAny(s.lower, "12") {
		return false
	}
	for _, m := range yearRE.FindAllStringIndex(s.text, -1) {
		y, _ := strconv.Atoi(s.text[m[0]:m[1]])
		if y >= pub.Year() || monthBeforeRE.MatchString(s.text[max(0, m[0]-20):m[0]]) {
			continue
		}
		if strings.HasSuffix(s.lower[:m[0]], "since ") || sinceTheRE.MatchString(s.lower[max(0, m[0]-12):m[0]]) {
			continue // "the largest walkout at the health system since 2023" (or "since its 2023 coalition walkout"): a span up to now
		}
		if lifeEventRE.MatchString(s.lower[max(0, m[0]-50):m[0]]) {
			continue // "before shifting to the US in 2013": a life's date, not the strike's
		}
		return true
	}
	return false
}

// sinceTheRE finds "since" and a determiner right before a year: "since
// its 2023 coalition walkout".
var sinceTheRE = regexp.MustCompile(`\bsince (?:its|the|their|a|an|that) $`)

// lifeEventRE finds, shortly before a year, an event of someone's life: a
// profile's "born", "moved to the US", "graduated".
var lifeEventRE = regexp.MustCompile(`\b(?:born|moved|moving|shifted|shifting|emigrated|immigrated|graduated|graduating|trained|studied|qualified|arrived)\b[^,;.]*$`)

// yearsBack reports whether the sentence names a year at least n before
// publication's, as part of a date or not ("beginning in August 2022",
// written in 2024). An explainer's answer so dated tells an earlier
// strike; an article's own sentences may date the strike it is about
// so, which historical leaves to them.
func yearsBack(s factSentence, pub time.Time, n int) bool {
	for _, m := range yearRE.FindAllStringIndex(s.text, -1) {
		if y, _ := strconv.Atoi(s.text[m[0]:m[1]]); y <= pub.Year()-n {
			return true
		}
	}
	return false
}

// back returns the day n units before pub, moved by days.
func back(pub time.Time, n int, unit string, days int) time.Time {
	switch unit[0] {
	case 'w':
		return pub.AddDate(0, 0, -7*n+days)
	case 'm':
		return pub.AddDate(0, -n, days)
	}
	return pub.AddDate(0, 0, -n+days)
}

// ageSpan returns the days the strike may have begun on, given one count
// of its length published on pub; a zero earliest is unbounded.
func ageSpan(kind ageKind, qual string, n int, unit string, pub time.Time) (earliest, latest time.Time) {
	unit = strings.TrimSuffix(unit, "s")
	slack := 3 // days, for weeks and months
	if unit == "day" {
		slack = 1
	}
	switch kind {
	case ageOrdinal:
		// Day n began n-1 days after the first; week n, 7(n-1) days.
		if unit == "day" {
			return back(pub, n, unit, 0), back(pub, n-2, unit, 0)
		}
		return back(pub, n, unit, -slack), back(pub, n-1, unit, slack)
	case ageTotal:
		lo := n - 1
		if qual == "nearly" || qual == "almost" || qual == "close to" || qual == "just under" {
			lo = n - 2
		}
		return time.Time{}, back(pub, max(lo, 0), unit, 0)
	}
	lo, hi, days := n, n, slack // elapsed units, and slack in days
	half := map[string]int{"day": 0, "week": 3, "month": 15}[unit]
	switch qual {
	case "nearly", "almost", "close to", "just under":
		lo = n - 1
	case "more than", "over", "at least", "just over", "upwards of":
		hi = n + 1
	case "about", "around", "roughly", "some", "approximately":
		lo, hi = n-1, n+1
	default:
		days += half
	}
	if unit == "day" {
		if lo == hi {
			lo, hi = n-1, n+1
		} else {
			// "nearly 100 days": a tenth either way.
			lo, hi = n-max(1, (n-lo)*n/10), n+max(1, (hi-n)*n/10)
		}
		days = 0
	}
	return back(pub, hi, unit, -days), back(pub, max(lo, 0), unit, days)
}

// findAge returns the days the strike began between by the article's own
// counts of its length: the span all its counts agree on (the first
// count's when they do not), with the sentence of the first. A strike's
// total length counts only once the article reports it over (phase): "a
// three-day strike" to come says nothing of when it began.
func findAge(ss []factSentence, pub time.Time, phase string) (earliest, latest time.Time, at int) {
	pub = dayOf(pub)
	over := factsPhaseRank(phase) >= factsPhaseRank(strike.PhaseTentativeAgreement)
	at = -1
	for i, s := range ss {
		if !mayCountAge(s.lower) || historical(s, pub) {
			continue
		}
		ordinal := -1 // unknown
		for _, r := range ageRules {
			if r.kind == ageTotal && !over {
				continue
			}
			if r.hints == "#" {
				if ordinal < 0 {
					ordinal = 0
					if hasOrdinal(s.lower) {
						ordinal = 1
					}
				}
				if ordinal == 0 {
					continue
				}
			} else if !hasAny(s.lower, r.hints) {
				continue
			}
			for _, m := range r.re.FindAllStringSubmatchIndex(s.lower, -1) {
				if ageOfOther(s.lower, m[0], m[1]) || strings.HasSuffix(s.lower[m[0]:m[1]], " notice") {
					continue
				}
				qual, num, unit := submatch(s.lower, m, 1), submatch(s.lower, m, 2), submatch(s.lower, m, 3)
				if unit != "" && unit[0] >= '0' && unit[0] <= '9' {
					num, unit = unit, num // "day 100"
				}
				var n int
				var ok bool
				if r.kind == ageOrdinal {
					n, ok = ordinalNumber(num)
				} else {
					n, ok = numberWords(num)
				}
				if !ok || n <= 0 || n > 1000 {
					continue
				}
				lo, hi := ageSpan(r.kind, qual, n, unit, pub)
				if at < 0 {
					earliest, latest, at = lo, hi, i
					continue
				}
				// Narrow to what every count allows, unless they disagree.
				nlo, nhi := earliest, latest
				if lo.After(nlo) {
					nlo = lo
				}
				if hi.Before(nhi) {
					nhi = hi
				}
				if !nhi.Before(nlo) {
					earliest, latest = nlo, nhi
				}
			}
		}
	}
	return earliest, latest, at
}

// mayCountAge reports whether a sentence may count the strike's length:
// it has the word day, week or month (not "Monday" or "today") and speaks
// of the strike.
func mayCountAge(lower string) bool {
	unit := false
	for _, u := range [...]string{"day", "week", "month"} {
		for from := 0; !unit; {
			k := strings.Index(lower[from:], u)
			if k < 0 {
				break
			}
			k += from
			from = k + len(u)
			if k == 0 || !unicode.IsLetter(rune(lower[k-1])) {
				unit = true
			}
		}
	}
	return unit && aboutStrike(lower)
}

// ageOfOther reports whether a count matched at lower[i:j] is of
// something other than the strike: a hunger strike, or talks that are
// named inside the match ("the strike goes on as mediation enters its
// fifth day").
func ageOfOther(lower string, i, j int) bool {
	m := lower[i:j]
	if strings.Contains(m, "hunger") || strings.HasSuffix(strings.TrimSpace(lower[max(0, i-8):i]), "hunger") {
		return true
	}
	words := clauseWords(m)
	for k := range words {
		if otherEventWords[words[k]] {
			return true
		}
	}
	return false
}

// submatch returns submatch k of m in s, or "".
func submatch(s string, m []int, k int) string {
	if 2*k+1 >= len(m) || m[2*k] < 0 {
		return ""
	}
	return s[m[2*k]:m[2*k+1]]
}

// durationRule is a pattern of a strike's length in days, tried only on
// sentences holding one of its hints ("|"-separated).
type durationRule struct {
	hints string
	re    *regexp.Regexp
}

var durationREs = []durationRule{
	{"-day ", regexp.MustCompile(`\b(\d{1,4})-day ` + reStrikeN + `\b(?: notice)?`)},
	{"after |lasted |lasting |struck for |strike for |out for |ran for |running for ", regexp.MustCompile(`\b(?:after|lasted|lasting|struck for|strike for|on strike for|out for|ran for|running for|walked out for) (?:more than |nearly |about |almost )?(` + reNumWords + `) days\b`)},
	{" days into | days of ", regexp.MustCompile(`\b(` + reNumWords + `) days (?:into|of) (?:an? |the |their |its )?` + reWords + `{0,3}?` + reStrikeN + `\b`)},
	{"th day|st day|nd day|rd day", regexp.MustCompile(`\b(\d{1,4})(?:st|nd|rd|th) day\b`)},
	{"reach|hit|pass|mark|near|enter", regexp.MustCompile(`\b(?:reaches|reached|hits|hit|passes|passed|marks|marked|nears|neared|enters|entered) (\d{1,4}) days\b`)},
}

// findDuration returns how many days the strike has lasted, from "a
// 196-day strike", "after 196 days", "100 days into the strike", "its
// 100th day". Weeks and months are not converted: "10 weeks" is too
// rough to count in days. A strike only grows older, so of several
// counts the largest is its latest: a timeline that passes "The strike
// reaches 100 days" on its way to "a deal is reached after 196 days"
// tells a 196-day strike. Counts in a sentence about another strike
// ("the 2022 strike", "a hunger strike") are not this one's.
func findDuration(ss []factSentence) (int, int, bool) {
	best, at := 0, -1
	for i, s := range ss {
		// Every count has a digit, or is spelled out before " days".
		if !strings.Contains(s.lower, "day") || !strings.ContainsAny(s.lower, "0123456789") && !strings.Contains(s.lower, " days") {
			continue
		}
		// A deal "reached after 196 days" ends the strike it does not
		// name; "after 30 days of talks" counts the talks.
		deal := false
		if !aboutStrike(s.lower) {
			if !strings.Contains(s.lower, "after ") || !agreeRE.MatchString(s.lower) {
				continue
			}
			deal = true
		}
		for _, r := range durationREs {
			if !hasAny(s.lower, r.hints) {
				continue
			}
			for _, m := range r.re.FindAllStringSubmatchIndex(s.lower, -1) {
				n, ok := numberWords(s.lower[m[2]:m[3]])
				if !ok || n <= best || n >= 3000 || strings.HasSuffix(s.lower[m[0]:m[1]], " notice") {
					continue
				}
				if deal && (!strings.HasPrefix(s.lower[m[0]:], "after ") || strings.HasPrefix(s.lower[m[1]:], " of ")) {
					continue
				}
				if otherStrike(s.lower, m[0], m[1]) || otherStrikeRE.MatchString(clauseBefore(s.lower, m[0], 8)) {
					continue
				}
				best, at = n, i
			}
		}
	}
	return best, at, at >= 0
}

// numberWords reads a number that may be preceded by other words: the
// longest tail of s that is a number.
func numberWords(s string) (int, bool) {
	w := strings.Fields(s)
	for i := range w {
		if n, ok := smallNumber(strings.Join(w[i:], " ")); ok {
			return n, true
		}
	}
	return 0, false
}

var (
	offerRE    = regexp.MustCompile(`\b(\d{1,2}(?:\.\d+)?)\s?(?:%|percent)\s+(?:(?:pay |wage |general |total )?(?:raises?|increases?|hikes?)\s+)?(?:(?:spread|phased in|spread out)\s+)?over\s+(` + reNumWords + `|\d{1,2})\s+years?\b`)
	offerCueRE = regexp.MustCompile(`\b(?:offer\w*|propos\w*|counter\w*|on the table|agreement|deal|contract|includes?)\b`)
)

// findOffer returns the employer's offer as "18% over four years", from a
// sentence about an offer or agreement when there is one.
func findOffer(ss []factSentence) (string, int, bool) {
	first, at := "", -1
	for i, s := range ss {
		m := offerF.FindStringSubmatch(s.lower)
		if m == nil {
			continue
		}
		unit := "years"
		if n, ok := numberWords(m[2]); ok && n == 1 {
			unit = "year"
		}
		o := fmt.Sprintf("%s%% over %s %s", m[1], m[2], unit)
		if offerCueRE.MatchString(s.lower) {
			return o, i, true
		}
		if first == "" {
			first, at = o, i
		}
	}
	return first, at, first != ""
}

// findDemands returns the demands stated, in the order first stated, with
// the index of the first sentence stating one.
func (x *Extractor) findDemands(ss []factSentence) ([]string, int) {
	var out []string
	at := -1
	for i, s := range ss {
		for _, d := range x.demands {
			if slices.Contains(out, d.name) || !d.matches(s.lower) {
				continue
			}
			out = append(out, d.name)
			if at < 0 {
				at = i
			}
		}
	}
	return out, at
}

func (d demandMatcher) matches(s string) bool {
	if len(d.groups) == 0 {
		return false
	}
	for gi, g := range d.groups {
		ok := false
		for pi, re := range g {
			if h := d.hints[gi][pi]; h != "" && !strings.Contains(s, h) {
				continue
			}
			if re.MatchString(s) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// eventSlack is how long before publication an event may lie and still be
// reported: news of Monday's mediation is often published on Tuesday.
const eventSlack = 2 * 24 * time.Hour

var (
	voteRE      = regexp.MustCompile(`\b(?:vot\w*|ballot\w*|ratif\w*)\b`)
	authorizeRE = regexp.MustCompile(`\bauthori[sz]`)
	mediationRE = regexp.MustCompile(`\bmediat\w*`)
	rallyRE     = regexp.MustCompile(`\b(?:rall(?:y|ies)|march|vigil|protest)\b`)
	endRE       = regexp.MustCompile(`\b(?:end|ends|ending)\b`)
)

// voteHints and rallyHints are the words voteRE and rallyRE cannot match
// without.
const (
	voteHints  = "vot|ballot|ratif"
	rallyHints = "rall|march|vigil|protest"
)

// findEvents returns the dated events on or after (about) the publication
// date: strike begins or ends, mediation begins, a ratification or strike
// authorization vote, a rally. Each is "what" happens on the day. A strike
// the article reports under way (phase) has no beginning to come.
func findEvents(ss []factSentence, pub time.Time, phase string) ([]strike.Event, int) {
	underway := factsPhaseRank(phase) >= factsPhaseRank(strike.PhaseStrike)
	var out []strike.Event
	at := -1
	from := dayOf(pub).Add(-eventSlack)
	for i, s := range ss {
		if len(s.dates) == 0 {
			continue // no date, no event (and no need to read the tense)
		}
		future := speaksOfFuture(s.lower)
		dir := dirNearest
		if future {
			dir = dirFuture
		}
		dates := dayDates(s, pub, dir)
		if len(dates) == 0 {
			continue
		}
		start, startAt, _ := startDate(s, pub, phase == strike.PhaseThreatened)
		// Keywords are looked for with the dates blanked out, so that
		// "March 10" is no march.
		words := []byte(s.lower)
		for _, dd := range dates {
			for k := dd.m.Start; k < dd.m.End; k++ {
				words[k] = ' '
			}
		}
		w := string(words)
		// What the sentence's words report, whichever of its dates.
		vote := hasAny(w, voteHints) && voteRE.MatchString(w)
		authorize := vote && strings.Contains(w, "authori") && authorizeRE.MatchString(w)
		mediation := !vote && strings.Contains(w, "mediat") && mediationRE.MatchString(w)
		rally := !vote && !mediation && hasAny(w, rallyHints) && rallyRE.MatchString(w)
		ends := future && strings.Contains(w, "end") && strikeCtxRE.MatchString(w) && endRE.MatchString(w)
		for _, dd := range dates {
			if dd.d.Before(from) {
				continue
			}
			what := ""
			switch {
			case dd.m.Start == startAt && !(future && dd.d.Equal(start)):
				// The strike's start date ("a strike that began Oct. 21"),
				// not the vote's or the rally's.
			case authorize:
				what = "strike authorization vote"
			case vote:
				what = "ratification vote"
			case mediation:
				what = "mediation begins"
			case rally:
				what = "rally"
			case future && dd.d.Equal(start) && !underway:
				what = "strike begins"
			case ends:
				what = "strike ends"
			}
			if what == "" {
				continue
			}
			e := strike.Event{Date: dd.d.Format(time.DateOnly), What: what}
			if !slices.Contains(out, e) {
				out = append(out, e)
				if at < 0 {
					at = i
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b strike.Event) int { return cmp.Compare(a.Date, b.Date) })
	return out, at
}

// MergeFacts merges the facts of a story's articles: newer's non-zero
// fields win over older's, demands and events are the union of both
// (newer's first; events by date), and each field's evidence comes from
// the article that gave the field (for demands and events, newer's when it
// has some, else older's). Neither argument is modified.
func MergeFacts(newer, older strike.Facts) strike.Facts {
	f := strike.Facts{}
	ev := map[string]string{}
	take := func(key string, fromNewer bool) {
		src := older.Evidence
		if fromNewer {
			src = newer.Evidence
		}
		if s, ok := src[key]; ok {
			ev[key] = s
		}
	}
	pickS := func(n, o string, key string) string {
		if n != "" {
			take(key, true)
			return n
		}
		if o != "" {
			take(key, false)
		}
		return o
	}
	pickI := func(n, o int, key string) int {
		if n != 0 {
			take(key, true)
			return n
		}
		if o != 0 {
			take(key, false)
		}
		return o
	}
	f.Phase = pickS(newer.Phase, older.Phase, "phase")
	f.Workers = pickI(newer.Workers, older.Workers, "workers")
	f.Union = pickS(newer.Union, older.Union, "union")
	f.Employer = pickS(newer.Employer, older.Employer, "employer")
	f.Started = pickS(newer.Started, older.Started, "started")
	f.DurationDays = pickI(newer.DurationDays, older.DurationDays, "duration_days")
	f.StartedEarliest = pickS(newer.StartedEarliest, older.StartedEarliest, "started_earliest")
	f.StartedLatest = pickS(newer.StartedLatest, older.StartedLatest, "started_latest")
	f.Offer = pickS(newer.Offer, older.Offer, "offer")
	for _, d := range slices.Concat(newer.Demands, older.Demands) {
		if !slices.Contains(f.Demands, d) {
			f.Demands = append(f.Demands, d)
		}
	}
	takeList := func(key string, n, o int) {
		if _, ok := newer.Evidence[key]; ok && n > 0 {
			take(key, true)
		} else if o > 0 {
			take(key, false)
		}
	}
	takeList("demands", len(newer.Demands), len(older.Demands))
	for _, e := range slices.Concat(newer.Events, older.Events) {
		if !slices.Contains(f.Events, e) {
			f.Events = append(f.Events, e)
		}
	}
	slices.SortStableFunc(f.Events, func(a, b strike.Event) int { return cmp.Compare(a.Date, b.Date) })
	takeList("events", len(newer.Events), len(older.Events))
	if len(ev) > 0 {
		f.Evidence = ev
	}
	return f
}

// tellsStrike reports whether a lowercased sentence names a strike or
// a walkout, in any of the words the corpora use for one.
func tellsStrike(l string) bool {
	for _, w := range []string{"strik", "walk", "picket", "huelga", "stir"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
