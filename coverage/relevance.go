package coverage

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ErrInvalidProfile is returned, wrapped, by NewScorer for a relevance
// profile it cannot use. The wrapping error names the field and value.
var ErrInvalidProfile = errors.New("coverage: invalid relevance profile")

// Scoring constants. They are part of the documented rules (see the package
// documentation); a captain tunes the profile's weights, not these.
const (
	// titleFactor multiplies the weight of a term found in the title.
	titleFactor = 1.5
	// evidence is the number of points a group needs to count as evidence:
	// a weight-2 term once in the text, a weight-1.5 term in the title or
	// twice in the text, or two weaker terms.
	evidence = 2.0
	// maxReasonsPerGroup bounds the term reasons shown for one group.
	maxReasonsPerGroup = 4
)

// group is one list of a profile.
type group uint8

const (
	employer group = iota
	union
	labor
	scope
	// Word lists worth no points, matched like terms: the campaign's scope,
	// one group per dimension holding the campaign's names (weight +1) and
	// its siblings' (weight -1); the employer's context words; subjects
	// that are not labor news.
	campUnion
	campRegion
	campWork
	empContext
	notLabor
	exclude
	nGroups
)

// nWeighted is the number of groups whose terms are worth points (with
// exclude): employer, union, labor and scope.
const nWeighted = campUnion

// dims are the scope's dimensions, in the order of Scorer.ours.
var dims = [...]group{campUnion, campRegion, campWork}

// String returns the group's name as in the profile: "employer", ….
func (g group) String() string {
	switch g {
	case employer:
		return "employer"
	case union:
		return "union"
	case labor:
		return "labor"
	case scope:
		return "scope"
	case campUnion:
		return "union"
	case campRegion:
		return "region"
	case campWork:
		return "workforce"
	case empContext:
		return "employer_context"
	case notLabor:
		return "not_labor"
	}
	return "exclude"
}

// not says what an exclusion keeps a term of group g from meaning.
func (g group) not() string {
	switch g {
	case employer:
		return "not the employer"
	case union:
		return "not the union"
	case labor:
		return "not labor news"
	}
	return "not the scope"
}

// term is one compiled profile term.
type term struct {
	group  group
	text   string
	quoted string // text as a Go string literal, for reasons
	weight float64
	stems  []string
	// breaks[k] reports a sentence break before word k of the term itself
	// ("Yahoo! News"); the text may break only where the term does.
	breaks []bool
	// shadowedBy lists the exclusions whose words contain this term's.
	shadowedBy []int
	// shadows lists, for an exclusion, the groups of the terms it contains.
	shadows []group
}

// firsts are the terms starting with one stem, per group, longest first.
type firsts [nGroups][]int

// Scorer decides how relevant articles are to one campaign, following the
// rules in the package documentation. NewScorer compiles the profile once;
// the zero value is not usable. Score and Explain are safe for concurrent
// use. A Scorer remembers the stems of up to 65,536 distinct words it has
// read, so that scoring costs about one map lookup per word.
type Scorer struct {
	terms    []term
	first    map[string]*firsts
	core     float64
	related  float64
	employer string // the employer's display name: the first employer term
	// employerAt is the index of that term in terms, -1 when none.
	employerAt int
	// ours names each dimension of the scope in phrases: its first term.
	ours [len(dims)]string
	// contextWords are the first few employer context words, for reasons;
	// empty when the profile has none (every employer term then counts).
	contextWords string
	// start and end bound the campaign's period: end is the day after the
	// last; zero when open. period is how reasons show it.
	start, end time.Time
	period     string
	// tok splits without stemming; words maps each word to its stem and the
	// terms starting with that stem, in one lookup.
	tok   Tokenizer
	words *memo[*firsts]
	pool  sync.Pool // *scratch
}

// NewScorer compiles a relevance profile. It returns an error wrapping
// ErrInvalidProfile, naming every problem, when the profile has no employer
// or labor terms, has neither union nor scope terms, has a term without
// words, a zero or non-finite weight, a positive exclusion weight, the same
// phrase twice, or thresholds that are negative or out of order; or, in its
// word lists and campaign scope, a name without words or twice (on both
// sides of a dimension included), or period days that are not YYYY-MM-DD
// or out of order.
func NewScorer(p strike.Profile) (*Scorer, error) {
	s := &Scorer{
		first:   make(map[string]*firsts),
		core:    p.CoreScore,
		related: p.RelatedScore,
	}
	stemmer := NewTokenizer(TokenizerOptions{Stem: true})
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidProfile}, args...)...))
	}
	lists := [nGroups][]strike.Term{employer: p.Employer, union: p.Union, labor: p.Labor, scope: p.Scope, exclude: p.Exclude}
	seen := make(map[string]string) // joined stems → "group term"
	var positive [nGroups]int
	for g, list := range lists {
		if group(g) >= nWeighted && group(g) != exclude {
			continue // compiled below, from the profile's word lists
		}
		for _, t := range list {
			name := fmt.Sprintf("%s term %q", group(g).String(), t.Text)
			toks := stemmer.Tokens(t.Text)
			stems := make([]string, len(toks))
			breaks := make([]bool, len(toks))
			for k, tok := range toks {
				stems[k], breaks[k] = tok.Stem, tok.Break
			}
			switch {
			case len(stems) == 0:
				bad("%s has no words", name)
				continue
			case math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0):
				bad("%s: weight %v is not finite", name, t.Weight)
				continue
			case group(g) == exclude && t.Weight > 0:
				bad("%s: weight %v must be 0 or negative", name, t.Weight)
				continue
			case group(g) != exclude && t.Weight == 0:
				bad("%s: weight must not be 0", name)
				continue
			}
			key := strings.Join(stems, " ")
			if prev, ok := seen[key]; ok {
				bad("%s repeats %s", name, prev)
				continue
			}
			seen[key] = name
			if t.Weight > 0 {
				positive[g]++
			}
			text := strings.TrimSpace(t.Text)
			s.terms = append(s.terms, term{group: group(g), text: text, quoted: strconv.Quote(text), weight: t.Weight, stems: stems, breaks: breaks})
		}
	}
	s.compileWords(p, stemmer, bad)
	if positive[employer] == 0 {
		bad("no employer terms with a positive weight")
	}
	if positive[labor] == 0 {
		bad("no labor terms with a positive weight")
	}
	if positive[union]+positive[scope] == 0 {
		bad("no union or scope terms with a positive weight: nothing could be core")
	}
	switch {
	case math.IsNaN(p.RelatedScore) || math.IsInf(p.RelatedScore, 0) || p.RelatedScore < 0:
		bad("related_score %v must be 0 or more", p.RelatedScore)
	case math.IsNaN(p.CoreScore) || math.IsInf(p.CoreScore, 0) || p.CoreScore <= 0:
		bad("core_score %v must be more than 0", p.CoreScore)
	case p.CoreScore < p.RelatedScore:
		bad("core_score %v is below related_score %v", p.CoreScore, p.RelatedScore)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	s.employerAt = -1
	for i := range s.terms {
		t := &s.terms[i]
		if s.employer == "" && t.group == employer && t.weight > 0 {
			s.employer, s.employerAt = t.text, i
		}
		f := s.first[t.stems[0]]
		if f == nil {
			f = new(firsts)
			s.first[t.stems[0]] = f
		}
		f[t.group] = append(f[t.group], i)
		if t.group != exclude {
			continue
		}
		for j := range s.terms {
			o := &s.terms[j]
			if o.group < nWeighted && contains(t.stems, o.stems) {
				o.shadowedBy = append(o.shadowedBy, i)
				if !slices.Contains(t.shadows, o.group) {
					t.shadows = append(t.shadows, o.group)
				}
			}
		}
	}
	for _, f := range s.first {
		for g := range f {
			slices.SortStableFunc(f[g], func(a, b int) int { return len(s.terms[b].stems) - len(s.terms[a].stems) })
		}
	}
	for i := range s.terms {
		slices.Sort(s.terms[i].shadows)
	}
	s.pool.New = func() any { return new(scratch) }
	s.words = newMemo(0, func(stem string) *firsts { return s.first[stem] })
	return s, nil
}

// contains reports whether the words of small occur in big, in order and
// next to each other.
func contains(big, small []string) bool {
	for i := 0; i+len(small) <= len(big); i++ {
		if slices.Equal(big[i:i+len(small)], small) {
			return true
		}
	}
	return false
}

// scratch is the per-call working memory of Score, pooled.
type scratch struct {
	toks   []Token
	cands  []*firsts
	masked []bool
	hits   []hits
	saved  []hits // hits before the source was matched
	// titleFirst is, per scope dimension, the side (+1 the campaign's, -1
	// a sibling's) of the first of its terms in the title; 0 for none.
	titleFirst [len(dims)]int8
	// dates are those written in the title and the text's first sentence.
	dates []dateSpan
	// year is the article's year of publication, 0 when unknown.
	year int
	// result is the analysis, kept here to reuse its memory.
	result result
}

// clearN returns s resized to n zero values, reusing its memory.
func clearN[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// hits counts where a term was found: in the title, in the text, how
// many of the text's hits are in its first sentence (the lead), and how
// many in its first earlyTokens words.
type hits struct{ title, text, lead, early int }

// earlyTokens is how many words open a text: its first paragraph or two.
const earlyTokens = 60

func (h hits) found() bool { return h.title > 0 || h.text > 0 }

// result is the full analysis of one article.
type result struct {
	hits     []hits
	found    []int     // the terms with hits, in profile order
	points   []float64 // per term, 0 when not counted
	doubtful []bool    // per term: shadowed by a found exclusion and not counted
	// noContext marks the one-word employer terms not counted for want of
	// context (Profile.EmployerContext).
	noContext []bool
	// notLabor is the not_labor term that kept the labor terms from
	// counting, or -1.
	notLabor int
	group    [nGroups]float64
	score    float64
	tier     strike.Tier
	// scope is the verdict of the campaign's scope; it decides core only.
	scope scopeVerdict
	// publisher: the article's source is the campaign's union (its own
	// feed), which speaks for it (see matchPublisher).
	publisher bool
	// passing: labor news that names the employer once, after its opening
	// words (see employerInPassing), or employer news that names labor
	// once (see laborInPassing), so it is none.
	passing passingKind
}

// passingKind says what an article names only in passing.
type passingKind int8

const (
	notPassing      passingKind = iota
	employerPassing             // the employer, in labor news
	laborPassing                // labor, in the employer's news
)

// Score returns the article's relevance: its tier, its score and the
// reasons (the terms found, strongest first in each group, then the
// exclusions, then why the article is not in a higher tier). It reads the
// Title and the Text, or the Summary when the Text is blank. Its cost is
// linear in the length of the text.
func (s *Scorer) Score(a *strike.Article) strike.Relevance {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	r := s.analyze(a, sc)
	return strike.Relevance{Tier: r.tier, Score: r.score, Reasons: s.reasons(r)}
}

// analyze matches the article against the profile and applies the rules.
// The result lives in sc: it is valid until sc is used again.
func (s *Scorer) analyze(a *strike.Article, sc *scratch) *result {
	n := len(s.terms)
	sc.hits = slices.Grow(sc.hits[:0], n)[:n]
	clear(sc.hits)
	sc.titleFirst = [len(dims)]int8{}
	sc.dates = sc.dates[:0]
	sc.year = 0
	if !a.Published.IsZero() && !a.PublishedEstimated {
		sc.year = a.Published.Year()
	}
	text := a.Text
	if strings.TrimSpace(text) == "" {
		text = a.Summary
	}
	text = withoutDisclaimers(text)
	s.match(sc, a.Title, true)
	s.match(sc, text, false)
	publisher := s.matchPublisher(sc, a)

	r := &sc.result
	*r = result{
		publisher: publisher,
		hits:      sc.hits,
		found:     r.found[:0],
		points:    clearN(r.points, n),
		doubtful:  clearN(r.doubtful, n),
		noContext: clearN(r.noContext, n),
		notLabor:  -1,
	}
	for i := range r.hits {
		if r.hits[i].found() {
			r.found = append(r.found, i)
		}
	}
	// A term inside a found exclusion is doubtful; it counts only when a
	// sure term of its group was found too.
	var sure [nGroups]bool
	for _, i := range r.found {
		t := &s.terms[i]
		if t.group >= nWeighted {
			continue
		}
		for _, e := range t.shadowedBy {
			if r.hits[e].found() {
				r.doubtful[i] = true
				break
			}
		}
		if !r.doubtful[i] && t.weight > 0 {
			sure[t.group] = true
		}
	}
	for _, i := range r.found {
		if r.doubtful[i] && sure[s.terms[i].group] {
			r.doubtful[i] = false
		}
	}
	s.needContext(r)
	s.checkLabor(r)
	total := 0.0
	for _, i := range r.found {
		t := &s.terms[i]
		if r.doubtful[i] || r.noContext[i] || (t.group >= nWeighted && t.group != exclude) {
			continue
		}
		if t.group == labor && r.notLabor >= 0 {
			continue
		}
		p := points(t.weight, r.hits[i])
		r.points[i] = p
		r.group[t.group] += p
		total += p
	}
	r.score = round1(total)
	r.tier = strike.TierNone
	if s.isRelated(r) {
		r.tier = strike.TierRelated
		r.scope = s.judgeScope(a, sc, r)
		if s.isCore(r) && !r.scope.miss() {
			r.tier = strike.TierCore
		}
	}
	switch {
	case r.tier == strike.TierRelated && s.employerInPassing(r):
		r.tier, r.passing = strike.TierNone, employerPassing
	case r.tier != strike.TierNone && s.laborInPassing(r, a.Title, text):
		r.tier, r.passing = strike.TierNone, laborPassing
	}
	return r
}

// laborInPassing reports whether the article's only word of labor is one
// strike (or other labor term) in its body, with no union named, no word
// of striking in its headline (not even a hunger strike's) and not on the
// union's own feed: a story about the employer's new app or its year's
// results that recalls the strike in a line is not labor news. A short
// item ("Acme Health nurses picket.") is all labor news, whatever its
// length.
func (s *Scorer) laborInPassing(r *result, title, text string) bool {
	if r.publisher || r.group[union] > 0 || strikeWordRE.MatchString(title) || countWords(text, passingMinWords) < passingMinWords {
		return false
	}
	lab := 0
	for _, i := range r.found {
		if s.terms[i].group != labor || r.points[i] <= 0 {
			continue
		}
		h := r.hits[i]
		if h.title > 0 {
			return false
		}
		lab += h.text
	}
	return lab == 1
}

// employerInPassing reports whether the employer is named once, and not
// in the headline or the opening words: another employer's strike that
// mentions the campaign's in a line ("in Southern California, Kaiser
// Permanente's clinicians have been on strike since October") is not
// labor news about the employer.
func (s *Scorer) employerInPassing(r *result) bool {
	if s.employerUpFront(r) {
		return false
	}
	n, lab := 0, 0
	for _, i := range r.found {
		h := r.hits[i]
		switch {
		case s.terms[i].group == employer && r.points[i] > 0:
			n += h.title + h.text
		case s.terms[i].group == labor && r.points[i] > 0:
			lab += h.title + h.text
		}
	}
	// Once; or twice beside a single labor word ("Kaiser Permanente
	// members can call the line; many Kaiser therapists have been on
	// strike since October", in a wildfire's list of resources).
	return n == 1 || n == 2 && lab == 1
}

// passingMinWords is the fewest words of text in which one labor word is
// a mention in passing (see laborInPassing).
const passingMinWords = 40

// countWords counts the words of s, up to most.
func countWords(s string, most int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n >= most {
			break
		}
	}
	return n
}

// strikeWordRE finds a word of striking or picketing in a headline.
var strikeWordRE = regexp.MustCompile(`(?i)strik|walk(?:out|s out|ed out|ing out)|picket|union`)

// isRelated applies the related rule. It weighs the employer and labor
// points only: union and scope terms, negative ones included, say which
// strike it is, not whether it is labor news about the employer.
func (s *Scorer) isRelated(r *result) bool {
	e, l := r.group[employer], r.group[labor]
	if u := r.group[union]; l < evidence && u >= evidence && r.notLabor < 0 {
		// A union named as evidence is labor news by itself: "NUHW
		// members I spoke with" in a transcript that never says strike.
		l += u
	}
	return e >= evidence && l >= evidence && round1(e+l) >= s.related
}

// isCore assumes isRelated. When the campaign's union is evidence, the
// scope's weakest negative terms (weight -1 or above: a place that is
// also the state capital, a profession that also works beside the
// strikers) do not by themselves turn the article away: "a 14-hour
// session in a downtown Sacramento office", "our Sacramento
// correspondent" tell where a reporter or a meeting was, not another
// region's strike.
func (s *Scorer) isCore(r *result) bool {
	u, sc := r.group[union], r.group[scope]
	if u >= evidence && sc < 0 {
		// The campaign's union's own post on the employer that names
		// another place or workforce only past its lead names those who
		// stood with it ("Nurses and doctors have brought food", "our
		// Northern California units … sent donations").
		ownPost := r.publisher && s.employerUpFront(r) && !s.scopeElsewhereUpFront(r)
		sc = 0
		for _, i := range r.found {
			t := &s.terms[i]
			if t.group != scope || t.weight <= 0 && t.weight >= -1 || ownPost && t.weight < 0 {
				continue
			}
			sc += r.points[i]
		}
	}
	if u < evidence && !s.employerUpFront(r) {
		// Neither the campaign's union nor the employer in the headline
		// or the opening words: a strike elsewhere that names the
		// campaign's in passing ("the latest in a string of walkouts,
		// including the long strike at Kaiser").
		return false
	}
	return !s.unionElsewhere(r) && sc >= 0 && (u >= evidence || sc >= evidence) && r.score >= s.core
}

// unionElsewhere reports whether the union terms point to another union
// than the campaign's: their sum is negative, unless the campaign's own
// union is named, the scope points strongly to the campaign (twice the
// evidence) and the other unions outweigh it by no more than the
// evidence, none of them in the headline ("the 2,400 NUHW therapists in
// Southern California … unlike the coalition's three-day strike"). (A
// post of the campaign's union's own backing another union's strike
// points to that union; one that names another union only past its
// lead does not.)
func (s *Scorer) unionElsewhere(r *result) bool {
	u := r.group[union]
	if u >= 0 {
		return false
	}
	ours, upFront := false, false
	for _, i := range r.found {
		t := &s.terms[i]
		switch {
		case t.group != union:
		case t.weight < 0 && r.hits[i].title > 0:
			return true // another union in the headline: its strike
		case t.weight > 0:
			ours = true
		default:
			upFront = upFront || r.hits[i].lead > 0
		}
	}
	if r.publisher && ours && !upFront {
		return false // the campaign's union's own post, naming another union only past its lead ("Last week we walked the line with UNAC/UHCP's nurses")
	}
	return !(ours && r.group[scope] >= 2*evidence && u >= -evidence)
}

// scopeElsewhereUpFront reports whether a scope term that points away
// from the campaign (another place or workforce) is in the headline or
// the lead.
func (s *Scorer) scopeElsewhereUpFront(r *result) bool {
	for _, i := range r.found {
		if h := r.hits[i]; s.terms[i].group == scope && s.terms[i].weight < 0 && (h.title > 0 || h.lead > 0) {
			return true
		}
	}
	return false
}

// employerUpFront reports whether an employer term counted is in the
// headline or the text's first earlyTokens words.
func (s *Scorer) employerUpFront(r *result) bool {
	for _, i := range r.found {
		if h := r.hits[i]; s.terms[i].group == employer && r.points[i] > 0 && (h.title > 0 || h.early > 0) {
			return true
		}
	}
	return false
}

// match counts the profile's terms in one field (the title or the text).
func (s *Scorer) match(sc *scratch, field string, inTitle bool) {
	sc.toks = s.tok.AppendTokens(sc.toks[:0], field)
	toks := sc.toks
	n := len(toks)
	sc.cands = slices.Grow(sc.cands[:0], n)[:n]
	sc.masked = slices.Grow(sc.masked[:0], n)[:n]
	clear(sc.masked)
	s.words.fill(toks, sc.cands)
	lead := n // the first sentence: the whole title, the text's lead
	if !inTitle {
		lead = leadEnd(toks)
	}
	if s.period != "" {
		sc.dates = appendDates(sc.dates, toks[:lead])
	}
	if !slices.ContainsFunc(sc.cands, func(f *firsts) bool { return f != nil }) {
		return
	}
	count := func(ti, at int) {
		h := &sc.hits[ti]
		switch {
		case inTitle:
			h.title++
		case at < lead:
			h.lead++
			fallthrough
		default:
			h.text++
			if at < earlyTokens {
				h.early++
			}
		}
	}
	// Exclusions first: they mask their words from every other term.
	for i := 0; i < n; {
		if f := sc.cands[i]; f != nil {
			if ti, l := s.longest(sc, i, f[exclude]); l > 0 {
				count(ti, i)
				for k := i; k < i+l; k++ {
					sc.masked[k] = true
				}
				i += l
				continue
			}
		}
		i++
	}
	// Then each group on its own: leftmost longest, without overlaps.
	var next [exclude]int
	for i, f := range sc.cands {
		if f == nil || sc.masked[i] {
			continue
		}
		for g := range exclude {
			if i < next[g] || len(f[g]) == 0 {
				continue
			}
			if ti, l := s.longest(sc, i, f[g]); l > 0 {
				// (A match of the group that ended right here, past a slash.)
				joint := g == campUnion && i > 0 && next[g] == i && field[toks[i-1].End:toks[i].Start] == "/"
				next[g] = i + l
				if joint {
					continue // "UNAC/UHCP": one union's joint name, named once
				}
				if g == employer && disclaimed(toks, i) {
					continue // "no connection with Kaiser Permanente": not this employer's news
				}
				if !inTitle && (g == scope || g >= campUnion && g <= campWork) && s.terms[ti].weight < 0 && yearBefore(toks, i, sc.year) {
					continue // "In 2022 our colleagues in Northern California held out": history, not where this news is
				}
				if !inTitle && (g == scope || g == campRegion) && s.terms[ti].weight < 0 && peersAfter(toks, i+l) {
					continue // "the pay our Northern California colleagues have": a comparison, not where this news is
				}
				count(ti, i)
				if inTitle && g >= campUnion && g <= campWork && sc.titleFirst[g-campUnion] == 0 &&
					!(s.terms[ti].weight < 0 && (speakerBody(toks, i+l) || g == campWork && joinsStrikersAfter(toks, i+l))) {
					sc.titleFirst[g-campUnion] = int8(s.terms[ti].weight)
				} else if inTitle && g == campUnion && sc.titleFirst[0] > 0 && s.terms[ti].weight < 0 && joinedBefore(toks, i) {
					// "NUHW members join UNAC/UHCP picket lines": the
					// campaign's members on another union's lines, its strike.
					sc.titleFirst[0] = -1
				}
			}
		}
	}
}

// joinsStrikersAfter reports whether, a few words after the token at i
// and with no break between, a verb of joining has strikers for its
// object: "Nurses, pharmacy workers join striking Kaiser therapists" puts
// the joiners first, on the strikers' lines.
func joinsStrikersAfter(toks []Token, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		if toks[k].Break {
			return false
		}
		switch toks[k].Word {
		case "join", "joins", "joined":
			for m := k + 1; m < len(toks) && m < k+4 && !toks[m].Break; m++ {
				if w := toks[m].Word; w == "striking" || w == "strikers" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// peersAfter reports whether the token at i names peers that a region
// before it qualifies: "our Northern California colleagues" are the
// yardstick of a demand, not the place of the news.
func peersAfter(toks []Token, i int) bool {
	if i >= len(toks) || toks[i].Break {
		return false
	}
	switch toks[i].Word {
	case "colleagues", "counterparts", "peers", "coworkers", "co-workers":
		return true
	}
	return false
}

// joinedBefore reports whether a verb of joining others comes before
// the token at i, a few words back: "members join", "stand with",
// "marched with".
func joinedBefore(toks []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].Word {
		case "join", "joins", "joined", "joining":
			return true
		case "with":
			if k > 0 {
				switch toks[k-1].Word {
				case "stand", "stands", "stood", "standing", "march", "marches", "marched", "marching":
					return true
				}
			}
		}
	}
	return false
}

// speakerBody reports whether the token at i names a body that speaks
// for the workforce before it: "Nurses' council hails end of the
// strike" is the nurses' council speaking, not the nurses' strike.
func speakerBody(toks []Token, i int) bool {
	if i >= len(toks) || toks[i].Break {
		return false
	}
	switch toks[i].Word {
	case "council", "association", "federation", "caucus", "leaders", "leader", "group", "groups", "alliance":
		return true
	}
	return false
}

// withoutDisclaimers returns text without its sentences that say
// something is unrelated to the news ("The agreement comes as the same
// union's members at Kaiser are in their fifth week of an unrelated
// strike", "a dispute with no connection to Bridgeway"): their words tell
// what the article is not about, so none of them counts for it.
func withoutDisclaimers(text string) string {
	// (Every article is scored: the tails of the phrases, which no capital
	// changes, are looked for before anything is lower-cased.)
	if !strings.Contains(text, "nrelated") && !strings.Contains(text, "onnection") &&
		!strings.Contains(text, "ffiliated") && !strings.Contains(text, "elation") &&
		!strings.Contains(text, "othing to do with") && !strings.Contains(text, "onfused with") {
		return text
	}
	var b strings.Builder
	last := 0
	for _, se := range Sentences(text) {
		if disclaims(strings.ToLower(se.Text)) {
			b.WriteString(text[last:se.Start])
			last = se.End
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// disclaimers are the phrases of a sentence that says something is
// unrelated to the news (see withoutDisclaimers).
var disclaimers = []string{"unrelated", "no connection", "not affiliated", "no relation", "nothing to do with", "not to be confused with"}

// disclaims reports whether a lower-cased sentence holds one of
// disclaimers.
func disclaims(lower string) bool {
	return slices.ContainsFunc(disclaimers, func(d string) bool { return strings.Contains(lower, d) })
}

// yearBefore reports whether the sentence holding token i names a year
// before year: a sibling named there is history, not this article's news.
func yearBefore(toks []Token, i, year int) bool {
	if year == 0 {
		return false
	}
	from, to := i, i+1
	for from > 0 && !toks[from].Break {
		from--
	}
	for to < len(toks) && !toks[to].Break {
		to++
	}
	for _, t := range toks[from:to] {
		if w := t.Word; len(w) == 4 && (w[0] == '1' || w[0] == '2') {
			if y, err := strconv.Atoi(w); err == nil && y >= 1950 && y < year {
				return true
			}
		}
	}
	return false
}

// disclaimed reports whether the words before toks[i] say that what
// follows is no part of the story: "no connection with", "not affiliated
// with", "unrelated to".
func disclaimed(toks []Token, i int) bool {
	word := func(k int) string {
		if k < 0 {
			return ""
		}
		return toks[k].Word
	}
	switch word(i - 1) {
	case "with", "to", "of":
	default:
		return false
	}
	switch w := word(i - 2); w {
	case "unaffiliated", "unrelated", "independent", "unconnected":
		return true
	case "affiliated", "related", "connected", "connection", "relation", "affiliation", "ties", "tie", "link", "links":
		switch word(i - 3) {
		case "no", "not", "without", "never":
			return true
		}
	}
	return false
}

// matchPublisher counts the campaign's union as named once in the lead
// when the article's source is that union: a union's own post ("We won:
// tentative agreement reached with Kaiser") is about its members whether
// or not it names itself. Only the campaign's union terms count; it
// reports whether one did.
func (s *Scorer) matchPublisher(sc *scratch, a *strike.Article) bool {
	source := strings.TrimSpace(a.Source)
	if source == "" {
		return false
	}
	saved := append(sc.saved[:0], sc.hits...)
	sc.saved = saved
	titleFirst := sc.titleFirst
	s.match(sc, source, false)
	sc.titleFirst = titleFirst
	ours := false
	notice := 0 // whether the text tells of a dispute: 0 not yet read, 1 yes, -1 no
	for i := range sc.hits {
		t := &s.terms[i]
		if sc.hits[i] == saved[i] {
			continue
		}
		named := t.weight > 0 && (t.group == union || t.group == campUnion)
		ours = ours || named && t.group == campUnion
		if !named && t.weight > 0 && t.group == employer && len(t.stems) > 1 {
			// The employer's own notice ("Member alert: mental health
			// services during the labor action", from Kaiser Permanente
			// Southern California) speaks of "our departments": the
			// employer is named by who publishes it, once, in its lead;
			// when it tells of a dispute (not its job postings).
			if notice == 0 {
				notice = -1
				if employerNoticeRE.MatchString(strings.ToLower(a.Title + "\n" + a.Text)) {
					notice = 1
				}
			}
			named = notice == 1
		}
		if named {
			sc.hits[i] = hits{title: saved[i].title, text: saved[i].text + 1, lead: saved[i].lead + 1, early: saved[i].early + 1}
			continue
		}
		sc.hits[i] = saved[i]
	}
	if ours && s.employerAt >= 0 {
		s.publisherEmployer(sc, a)
	}
	return ours
}

// employerNoticeRE finds a dispute in an employer's own page: "strike",
// "labor action", "picket", "work stoppage".
var employerNoticeRE = regexp.MustCompile(`strike|walkout|walk-out|labou?r action|picket|stoppage`)

// publisherEmployer counts the campaign's employer as named once in the
// lead of the campaign's union's own post that names it by no full name
// but speaks of the campaign's workers or region, or gives the employer's
// short name in its headline or first sentence: a union writes to its
// members of "management" and "our clinics" ("Your bargaining team met
// management for ten hours"), its post about the campaign's therapists
// in Pasadena is about their employer, and so is its post that opens
// with "our members ratified our new contract with Kaiser". So is its
// post, dated in the campaign's period, that speaks of its own strike
// ("Strike Bulletin #31", "Our strike continues", "Strike fund: benefits
// continue") to members who need no employer named: the union's other
// disputes name their places or workers, which the scope then weighs.
func (s *Scorer) publisherEmployer(sc *scratch, a *strike.Article) {
	ownScope := false
	for i, h := range sc.hits {
		t := &s.terms[i]
		if !h.found() {
			continue
		}
		if t.group == employer && t.weight > 0 && len(t.stems) > 1 || t.group == exclude && s.shadowsEmployer(i) {
			return // named in full, or another organisation of the name
		}
		ownScope = ownScope || (t.group == campWork || t.group == campRegion) && t.weight > 0 ||
			t.group == employer && t.weight > 0 && (h.title > 0 || h.lead > 0)
	}
	if !ownScope && s.period != "" && !a.Published.IsZero() && !a.PublishedEstimated &&
		s.inPeriod(a.Published, a.Published.AddDate(0, 0, 1)) {
		ownScope = ownStrikeRE.MatchString(strings.ToLower(a.Title)) || ownStrikeRE.MatchString(strings.ToLower(a.Text))
	}
	if ownScope {
		h := &sc.hits[s.employerAt]
		h.text++
		h.lead++
		h.early++
	}
}

// ownStrikeRE finds a union speaking of its own strike: "our strike",
// "Strike Bulletin", "Strike Week 5", "strike fund", "strike pay".
var ownStrikeRE = regexp.MustCompile(`\bour (?:[\w-]+ )?(?:strike|walkout|picket lines?)\b|\bstrike (?:bulletin|week|update|fund|pay|benefits)\b`)

// shadowsEmployer reports whether exclusion e holds an employer term's
// words ("Kaiser Aluminum" holds "Kaiser"): another organisation of the
// employer's name, not a look-alike of labor news ("hunger strike").
func (s *Scorer) shadowsEmployer(e int) bool {
	for i := range s.terms {
		if t := &s.terms[i]; t.group == employer && slices.Contains(t.shadowedBy, e) {
			return true
		}
	}
	return false
}

// longest returns the first (longest) of the candidate terms whose words
// start at token i, unmasked and without a break inside, and its length.
func (s *Scorer) longest(sc *scratch, i int, cands []int) (ti, n int) {
	toks := sc.toks
outer:
	for _, c := range cands {
		stems := s.terms[c].stems
		if i+len(stems) > len(toks) {
			continue
		}
		for k, st := range stems {
			t := toks[i+k]
			if t.Stem != st || sc.masked[i+k] || k > 0 && t.Break && !s.terms[c].breaks[k] {
				continue outer
			}
			if t.Possessive && k < len(stems)-1 && s.terms[c].group == exclude {
				continue outer // "Kaiser's chief executive" is no "Kaiser Chiefs"
			}
		}
		return c, len(stems)
	}
	return -1, 0
}

// points is what a term's hits are worth: a title hit counts titleFactor
// times the weight; each hit in the text counts half the one before it (the
// first full, or half when the term was in the title too), so a term can
// never be worth more than titleFactor+1 times its weight.
func points(w float64, h hits) float64 {
	p, k := 0.0, 0
	if h.title > 0 {
		p, k = w*titleFactor, 1
	}
	if h.text > 0 {
		n := min(h.text, 52)
		// w·(½^k + … + ½^(k+n-1)) = w·2·½^k·(1-½^n)
		p += w * 2 * math.Ldexp(1, -k) * (1 - math.Ldexp(1, -n))
	}
	return p
}

func round1(x float64) float64 {
	r := math.Round(x*10) / 10
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// num formats a score for people: at most one decimal.
func num(x float64) string { return strconv.FormatFloat(round1(x), 'f', -1, 64) }

// signed formats points with their sign.
func signed(x float64) string {
	if round1(x) >= 0 {
		return "+" + num(x)
	}
	return num(x)
}

// appendWhere appends where a term was found: "in title", "3× in text", ….
func appendWhere(b []byte, h hits) []byte {
	if h.title > 0 {
		b = append(b, "in title"...)
		if h.title > 1 {
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(h.title), 10)
			b = append(b, "×"...)
		}
		if h.text > 0 {
			b = append(b, " and "...)
		}
	}
	switch {
	case h.text == 1 && h.title > 0:
		b = append(b, "text"...)
	case h.text == 1:
		b = append(b, "in text"...)
	case h.text > 1:
		b = strconv.AppendInt(b, int64(h.text), 10)
		b = append(b, "× in text"...)
	}
	return b
}

// appendTermReason appends `group "text" where (+points)`.
func appendTermReason(b []byte, t *term, h hits, p float64) []byte {
	b = append(b, t.group.String()...)
	b = append(b, ' ')
	b = append(b, t.quoted...)
	b = append(b, ' ')
	b = appendWhere(b, h)
	b = append(b, " ("...)
	b = append(b, signed(p)...)
	return append(b, ')')
}

// reasons lists the evidence for and against, strongest first, then why the
// article is not in a higher tier.
func (s *Scorer) reasons(r *result) []string {
	out := make([]string, 0, 12)
	buf := make([]byte, 0, 96)
	var idxBuf [32]int
	for g := range nWeighted {
		idx := s.appendFound(idxBuf[:0], r, g)
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmpAbs(r.points[b], r.points[a])
		})
		for k, i := range idx {
			if k == maxReasonsPerGroup {
				rest := 0.0
				for _, j := range idx[k:] {
					rest += r.points[j]
				}
				out = append(out, fmt.Sprintf("%s more %s %s (%s)", strconv.Itoa(len(idx)-k), g.String(), plural(len(idx)-k, "term", "terms"), signed(rest)))
				break
			}
			buf = appendTermReason(buf[:0], &s.terms[i], r.hits[i], r.points[i])
			out = append(out, string(buf))
		}
	}
	for _, i := range r.found {
		t := &s.terms[i]
		if t.group != exclude {
			continue
		}
		why := make([]string, 0, len(t.shadows))
		for _, g := range t.shadows {
			why = append(why, g.not())
		}
		line := fmt.Sprintf("excluded %q", t.text)
		if len(why) > 0 {
			line += " (" + strings.Join(why, ", ") + ")"
		}
		if t.weight != 0 {
			p := points(t.weight, r.hits[i])
			line += " (" + signed(p) + ")"
		}
		out = append(out, line)
	}
	for _, i := range r.found {
		t := &s.terms[i]
		switch {
		case r.doubtful[i]:
			out = append(out, fmt.Sprintf("%s %q %s not counted: may mean %q", t.group.String(), t.text, appendWhere(nil, r.hits[i]), s.shadowName(r, i)))
		case r.noContext[i]:
			out = append(out, fmt.Sprintf("%s %q %s not counted: %s", t.group.String(), t.text, appendWhere(nil, r.hits[i]), s.noContextPhrase()))
		}
	}
	if r.notLabor >= 0 {
		out = append(out, "labor terms not counted: "+s.notLaborPhrase(r)+": not labor news")
	}
	switch r.passing {
	case employerPassing:
		out = append(out, "the employer is named once, after the opening words: in passing, not labor news about it")
	case laborPassing:
		out = append(out, "labor is named once, in the text only, with no union: in passing, not labor news")
	}
	return append(out, s.shortfalls(r)...)
}

// found returns the counted terms of group g.
func (s *Scorer) found(r *result, g group) []int { return s.appendFound(nil, r, g) }

// appendFound appends the counted terms of group g to idx.
func (s *Scorer) appendFound(idx []int, r *result, g group) []int {
	if g == labor && r.notLabor >= 0 {
		return idx
	}
	for _, i := range r.found {
		if s.terms[i].group == g && !r.doubtful[i] && !r.noContext[i] {
			idx = append(idx, i)
		}
	}
	return idx
}

func cmpAbs(a, b float64) int {
	a, b = math.Abs(a), math.Abs(b)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// shadowName returns the text of the first found exclusion shadowing term i.
func (s *Scorer) shadowName(r *result, i int) string {
	for _, e := range s.terms[i].shadowedBy {
		if r.hits[e].found() {
			return s.terms[e].text
		}
	}
	return ""
}

// shortfalls says why the article is not in a higher tier; nothing for core.
func (s *Scorer) shortfalls(r *result) []string {
	var out []string
	emp, lab := r.group[employer], r.group[labor]
	switch {
	case emp <= 0:
		out = append(out, fmt.Sprintf("no employer terms: not about %s", s.employer))
	case emp < evidence:
		out = append(out, fmt.Sprintf("employer only in passing (%s < %s): not about %s", num(emp), num(evidence), s.employer))
	}
	switch {
	case r.notLabor >= 0:
		// Said by the line on the labor terms not counted.
	case lab <= 0:
		out = append(out, "no labor terms: not labor news")
	case lab < evidence:
		out = append(out, fmt.Sprintf("labor terms too weak (%s < %s): not labor news", num(lab), num(evidence)))
	}
	if emp >= evidence && lab >= evidence && round1(emp+lab) < s.related {
		out = append(out, fmt.Sprintf("employer and labor points %s below related %s", num(emp+lab), num(s.related)))
	}
	if r.tier != strike.TierRelated {
		return out
	}
	u, sc := r.group[union], r.group[scope]
	switch {
	case s.unionElsewhere(r):
		out = append(out, fmt.Sprintf("union terms point to another union (%s): not the campaign's strike", signed(u)))
	case sc < 0:
		out = append(out, fmt.Sprintf("scope terms point elsewhere (%s): not the campaign's strike", signed(sc)))
	case u == 0 && sc == 0:
		out = append(out, "no union or scope terms: not the campaign's strike")
	case u < evidence && sc < evidence:
		out = append(out, fmt.Sprintf("union and scope terms too weak (%s, %s < %s): not the campaign's strike", num(u), num(sc), num(evidence)))
	case r.score < s.core:
		out = append(out, fmt.Sprintf("score %s below core %s", num(r.score), num(s.core)))
	}
	if s.unionElsewhere(r) && sc < 0 {
		out = append(out, fmt.Sprintf("scope terms point elsewhere (%s): not the campaign's strike", signed(sc)))
	}
	for _, m := range s.scopeMisses(r) {
		out = append(out, m+": not the campaign's strike")
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
