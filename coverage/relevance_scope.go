package coverage

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// The campaign's scope (strike.Scope) and the profile's word lists
// (EmployerContext, NotLabor) are matched like terms, in the same pass, but
// are worth no points: they decide which employer is meant, whether an
// article is labor news at all, and whether labor news about the employer
// is the campaign's strike or one of its siblings.

// compileWords adds the profile's word lists to s.terms, reporting
// problems with bad, and reads the campaign's period.
func (s *Scorer) compileWords(p strike.Profile, stemmer *Tokenizer, bad func(string, ...any)) {
	c := p.Campaign
	lists := []struct {
		g    group
		key  string
		list []string
		side float64
	}{
		{campUnion, "campaign.unions", c.Unions, 1},
		{campUnion, "campaign.other_unions", c.OtherUnions, -1},
		{campRegion, "campaign.regions", c.Regions, 1},
		{campRegion, "campaign.other_regions", c.OtherRegions, -1},
		{campWork, "campaign.workforce", c.Workforce, 1},
		{campWork, "campaign.other_workforce", c.OtherWorkforce, -1},
		{empContext, "employer_context", p.EmployerContext, 1},
		{notLabor, "not_labor", p.NotLabor, 1},
	}
	seen := make(map[group]map[string]string)
	for _, l := range lists {
		if seen[l.g] == nil {
			seen[l.g] = make(map[string]string)
		}
		for _, text := range l.list {
			name := fmt.Sprintf("%s term %q", l.key, text)
			toks := stemmer.Tokens(text)
			if len(toks) == 0 {
				bad("%s has no words", name)
				continue
			}
			stems := make([]string, len(toks))
			breaks := make([]bool, len(toks))
			for k, tok := range toks {
				stems[k], breaks[k] = tok.Stem, tok.Break
			}
			key := strings.Join(stems, " ")
			if prev, ok := seen[l.g][key]; ok {
				bad("%s repeats %s", name, prev)
				continue
			}
			seen[l.g][key] = name
			text = strings.TrimSpace(text)
			s.terms = append(s.terms, term{group: l.g, text: text, quoted: strconv.Quote(text), weight: l.side, stems: stems, breaks: breaks})
			if l.side > 0 && l.g >= campUnion && l.g <= campWork && s.ours[l.g-campUnion] == "" {
				s.ours[l.g-campUnion] = text
			}
		}
	}
	var ctx []string
	for _, w := range p.EmployerContext[:min(3, len(p.EmployerContext))] {
		ctx = append(ctx, strings.TrimSpace(w))
	}
	s.contextWords = strings.Join(ctx, ", ")

	day := func(key, v string) time.Time {
		if strings.TrimSpace(v) == "" {
			return time.Time{}
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
		if err != nil {
			bad("%s %q is not a date: write it as YYYY-MM-DD", key, v)
		}
		return t
	}
	s.start = day("campaign.start", c.Start)
	if s.end = day("campaign.end", c.End); !s.end.IsZero() {
		s.end = s.end.AddDate(0, 0, 1)
	}
	switch {
	case !s.start.IsZero() && !s.end.IsZero() && !s.start.Before(s.end):
		bad("campaign.end %q is before campaign.start %q", c.End, c.Start)
	case !s.start.IsZero() && !s.end.IsZero():
		s.period = fmt.Sprintf("%s to %s", s.start.Format(time.DateOnly), s.end.AddDate(0, 0, -1).Format(time.DateOnly))
	case !s.start.IsZero():
		s.period = "from " + s.start.Format(time.DateOnly)
	case !s.end.IsZero():
		s.period = "until " + s.end.AddDate(0, 0, -1).Format(time.DateOnly)
	}
}

// needContext marks the one-word employer terms that count for nothing
// because the article has neither a context word (the employer context,
// or the campaign's own union or workforce) nor a longer employer term:
// "Kaiser" alone may be a steel mill or a high school.
func (s *Scorer) needContext(r *result) {
	if s.contextWords == "" {
		return
	}
	for _, i := range r.found {
		t := &s.terms[i]
		context := t.group == empContext || (t.group == campUnion || t.group == campWork) && t.weight > 0
		if !r.doubtful[i] && (context || t.group == employer && len(t.stems) > 1 && t.weight > 0) {
			return
		}
	}
	for _, i := range r.found {
		if t := &s.terms[i]; t.group == employer && len(t.stems) == 1 && !r.doubtful[i] {
			r.noContext[i] = true
		}
	}
}

// checkLabor sets r.notLabor when the title or first sentence is about a
// not_labor subject and names no labor term, nor the campaign's union:
// the labor terms further down are background, not what the article
// reports.
func (s *Scorer) checkLabor(r *result) {
	first := -1
	for _, i := range r.found {
		t, h := &s.terms[i], r.hits[i]
		if h.title == 0 && h.lead == 0 {
			continue
		}
		switch {
		case t.group == labor && t.weight > 0 && !r.doubtful[i]:
			return
		case t.group == union && t.weight > 0 && !r.doubtful[i]:
			// "Neither Kaiser nor the union has released the settlement's
			// terms": the campaign's union, named up front, bargained it.
			return
		case t.group == notLabor && first < 0:
			first = i
		}
	}
	r.notLabor = first
}

// noContextPhrase says why a one-word employer term was not counted.
func (s *Scorer) noContextPhrase() string {
	return fmt.Sprintf("no other employer term and no context word (%s…) in the article", s.contextWords)
}

// notLaborPhrase says why the labor terms were not counted.
func (s *Scorer) notLaborPhrase(r *result) string {
	return fmt.Sprintf("the title and first sentence are about %s and name no labor term", s.terms[r.notLabor].quoted)
}

// scopeVerdict is what the campaign's scope says of labor news about the
// employer.
type scopeVerdict struct {
	// sibling is, per dimension, whether the article is about a sibling
	// (another union, region or workforce).
	sibling [len(dims)]bool
	// byTitle: the title decided (it names the sibling first); else the
	// text named the sibling more than the campaign.
	byTitle [len(dims)]bool
	// oursInTitle: the title names the campaign's too, after the sibling.
	oursInTitle [len(dims)]bool
	// outside: the article is outside the campaign's period, by its
	// publication date (published) or, undated, by the date its title or
	// first sentence gives (date).
	outside   bool
	published time.Time
	date      dateSpan
}

// miss reports whether the scope keeps the article from being core.
func (v *scopeVerdict) miss() bool {
	return v.outside || v.sibling != [len(dims)]bool{}
}

// judgeScope applies the campaign's scope to labor news about the
// employer. For each dimension: the title decides when it names the
// dimension, by the first name it gives; else the text, where a name in
// the first sentence counts twice, is about a sibling when it names the
// siblings more than the campaign. The campaign's union's own post is
// about its union, workforce and region whatever others it names in its
// text (those who joined its picket lines or sent support), unless its
// title names another first.
func (s *Scorer) judgeScope(a *strike.Article, sc *scratch, r *result) scopeVerdict {
	var v scopeVerdict
	// A title that names only the campaign's side says whose strike it
	// is: the text must then name another side more than twice as often
	// to outweigh it ("A year after the walkout: the Kaiser mental health
	// strike by the numbers", with UNAC/UHCP's strike in one line).
	titleOurs, titleTheirs := false, false
	for d := range dims {
		titleOurs = titleOurs || sc.titleFirst[d] > 0
		titleTheirs = titleTheirs || sc.titleFirst[d] < 0
	}
	outweigh := 1
	if titleOurs && !titleTheirs {
		outweigh = 2
	}
	for d, g := range dims {
		if first := sc.titleFirst[d]; first != 0 {
			if first < 0 {
				v.sibling[d], v.byTitle[d] = true, true
				for _, i := range r.found {
					if t := &s.terms[i]; t.group == g && t.weight > 0 && r.hits[i].title > 0 {
						v.oursInTitle[d] = true
					}
				}
			}
			continue
		}
		if r.publisher {
			// The union's own post speaks for its members, and the
			// unions, trades and places its text names are its allies
			// ("nurses have walked our lines", "members from Northern
			// California drove down"); only its title says otherwise.
			continue
		}
		ours, theirs := 0, 0
		for _, i := range r.found {
			t := &s.terms[i]
			if t.group != g {
				continue
			}
			n := r.hits[i].text + r.hits[i].lead
			if t.weight > 0 {
				ours += n
			} else {
				theirs += n
			}
		}
		v.sibling[d] = theirs > outweigh*ours
	}
	if s.period == "" {
		return v
	}
	dated := !a.Published.IsZero() && !a.PublishedEstimated
	if dated && s.inPeriod(a.Published, a.Published.AddDate(0, 0, 1)) {
		return v
	}
	for _, d := range sc.dates {
		if from, to := d.bounds(); s.inPeriod(from, to) {
			return v
		}
	}
	switch {
	case dated:
		v.outside, v.published = true, a.Published
	case len(sc.dates) > 0:
		v.outside, v.date = true, sc.dates[0]
	}
	return v
}

// inPeriod reports whether [from, to) meets the campaign's period.
func (s *Scorer) inPeriod(from, to time.Time) bool {
	return (s.start.IsZero() || to.After(s.start)) && (s.end.IsZero() || from.Before(s.end))
}

// scopeMisses says why the scope keeps a related article from being core,
// in the words of both Score's reasons and Explain.
func (s *Scorer) scopeMisses(r *result) []string {
	v := &r.scope
	var out []string
	for d, g := range dims {
		if !v.sibling[d] {
			continue
		}
		var names []string
		for _, i := range r.found {
			t := &s.terms[i]
			if t.group != g || t.weight > 0 || v.byTitle[d] && r.hits[i].title == 0 {
				continue
			}
			if len(names) == 3 {
				names = append(names, "…")
				break
			}
			names = append(names, t.quoted)
		}
		list := strings.Join(names, ", ")
		switch {
		case v.byTitle[d] && v.oursInTitle[d]:
			out = append(out, fmt.Sprintf("the title names another %s (%s) before the campaign's (%s)", g, list, s.ours[d]))
		case v.byTitle[d]:
			out = append(out, fmt.Sprintf("the title names another %s (%s), not the campaign's (%s)", g, list, orNone(s.ours[d])))
		default:
			out = append(out, fmt.Sprintf("the text names another %s (%s) more than the campaign's (%s)", g, list, orNone(s.ours[d])))
		}
	}
	switch {
	case v.outside && !v.published.IsZero():
		out = append(out, fmt.Sprintf("published %s, outside the campaign's period (%s)", v.published.UTC().Format(time.DateOnly), s.period))
	case v.outside:
		out = append(out, fmt.Sprintf("undated, and its title or first sentence dates it to %s, outside the campaign's period (%s)", v.date, s.period))
	}
	return out
}

// scopeNeeds lists what a related article lacks, by the scope, to be core.
func (s *Scorer) scopeNeeds(r *result) []string {
	var need []string
	for d, g := range dims {
		if r.scope.sibling[d] {
			need = append(need, fmt.Sprintf("were about the campaign's %s (%s)", g, orNone(s.ours[d])))
		}
	}
	if r.scope.outside {
		need = append(need, fmt.Sprintf("fell in the campaign's period (%s)", s.period))
	}
	return need
}

func orNone(s string) string {
	if s == "" {
		return "none named"
	}
	return s
}

// leadEnd returns the index of the first token after the text's first
// sentence: at the first break after six words or more, skipping the
// periods of abbreviations such as "Oct." and "Gov.".
func leadEnd(toks []Token) int {
	end := sentenceEnd(toks)
	if len(toks) > 0 && toks[0].Word == "by" && end <= 16 && end < len(toks) {
		// A page's byline ("By Priya Raman · May 6, 2025 5:30 PM UTC")
		// is no sentence of the article: its lead is the one after.
		return end + sentenceEnd(toks[end:])
	}
	return end
}

// sentenceEnd returns where the first sentence of toks, six words at
// least, ends.
func sentenceEnd(toks []Token) int {
	for k := 6; k < len(toks); k++ {
		if toks[k].Break && !abbreviation(toks[k-1].Word) {
			return k
		}
	}
	return len(toks)
}

// abbreviation reports whether word is often written with a period that
// does not end the sentence.
func abbreviation(word string) bool {
	if monthOf(word) > 0 && len(word) <= 4 {
		return true
	}
	switch word {
	case "gov", "sen", "rep", "dr", "mr", "mrs", "ms", "st", "gen", "lt", "col", "jr", "sr", "no", "vs", "calif", "ave", "blvd":
		return true
	}
	return false
}

// dateSpan is a date written in an article: a year, a month of a year, or
// a day.
type dateSpan struct{ year, month, day int }

// bounds returns the days the date covers, as [from, to).
func (d dateSpan) bounds() (from, to time.Time) {
	switch {
	case d.day > 0:
		from = time.Date(d.year, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 0, 1)
	case d.month > 0:
		from = time.Date(d.year, time.Month(d.month), 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 1, 0)
	}
	from = time.Date(d.year, 1, 1, 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(1, 0, 0)
}

// String writes the date as people do: "2022", "January 2022", "20 January 2022".
func (d dateSpan) String() string {
	from, _ := d.bounds()
	switch {
	case d.day > 0:
		return from.Format("2 January 2006")
	case d.month > 0:
		return from.Format("January 2006")
	}
	return strconv.Itoa(d.year)
}

// appendDates appends the dates that toks write with a year: "2022",
// "January 2022", "Oct. 21, 2024". A date after "through", "until", "by"
// or "to" is a deadline or a term ("a contract through 2028"), and one
// after "before", "after" or "since" a bound ("workers hired before
// 2012", "the first strike since 1999"), not when the reported news
// happened: they are left out.
func appendDates(dst []dateSpan, toks []Token) []dateSpan {
	for k, t := range toks {
		y := yearOf(t.Word)
		if y == 0 {
			continue
		}
		d := dateSpan{year: y}
		j := k - 1
		if j >= 1 && dayOfMonth(toks[j].Word) > 0 && monthOf(toks[j-1].Word) > 0 {
			d.month, d.day = monthOf(toks[j-1].Word), dayOfMonth(toks[j].Word)
			j -= 2
		} else if j >= 0 && monthOf(toks[j].Word) > 0 {
			d.month = monthOf(toks[j].Word)
			j--
		}
		if j >= 0 {
			switch toks[j].Word {
			case "through", "thru", "until", "till", "by", "to", "before", "after", "since":
				continue
			}
		}
		if slices.ContainsFunc(toks[max(0, k-12):k], func(t Token) bool {
			return t.Word == "than" || t.Word == "including" || t.Word == "unlike"
		}) {
			continue // "longer than any walkout …, including the … strike of 2022": another strike's year
		}
		dst = append(dst, d)
	}
	return dst
}

// yearOf returns the year a word writes (1900 to 2099), or 0.
func yearOf(w string) int {
	if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") || w[2] < '0' || w[2] > '9' || w[3] < '0' || w[3] > '9' {
		return 0
	}
	return int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0')
}

// dayOfMonth returns the day of the month a word writes ("21", "21st"), or 0.
func dayOfMonth(w string) int {
	w = strings.TrimRight(w, "stndrh")
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0
		}
		n = n*10 + int(w[i]-'0')
	}
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

// monthOf returns the month a lower-cased word names ("october", "oct",
// "sept"), or 0.
func monthOf(w string) int {
	if len(w) < 3 {
		return 0
	}
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}
