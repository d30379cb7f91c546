package coverage

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A litFilter is a cheap test that a string must pass for a regular
// expression to match in it: the literal strings the pattern cannot match
// without, worked out from the pattern itself, so that it stays right
// when the pattern changes. Most sentences hold none of a rule's words;
// testing for them with strings.Contains costs a small part of running
// the expression over the sentence. A filter never rejects a string the
// expression matches; it may pass one it does not.
type litFilter struct {
	op   litOp
	s    string       // litString: the literal
	fold bool         // litString: matched ignoring ASCII case
	subs []*litFilter // litAll, litAny
	// pairs are s's letter pairs (see letterPairs), for litString.
	pairs []uint16
}

type litOp uint8

const (
	litTrue   litOp = iota // passes everything
	litString              // holds s
	litAll                 // passes every sub
	litAny                 // passes one of subs
)

var litPass = &litFilter{op: litTrue}

// maxLitSet bounds the sets of strings a part of a pattern is known to
// match exactly (an alternation of words, a word with an optional
// ending); larger ones are tested by their parts.
const maxLitSet = 24

// newLitFilter returns the filter of re: one that passes everything when
// the pattern cannot be read (it always can, having compiled).
func newLitFilter(re *regexp.Regexp) *litFilter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return litPass
	}
	return litCond(litAnalyze(t))
}

// may reports whether s passes the filter: false means the expression
// cannot match in s.
func (f *litFilter) may(s string) bool { return f.mayIn(s, nil) }

// mayIn is may with, when not nil, the letter pairs of s, which rule out
// most literals before strings.Contains.
func (f *litFilter) mayIn(s string, lp *letterPairs) bool {
	switch f.op {
	case litString:
		if f.fold {
			return containsFoldASCII(s, f.s)
		}
		return (lp == nil || lp.hasAll(f.pairs)) && strings.Contains(s, f.s)
	case litAll:
		for _, g := range f.subs {
			if !g.mayIn(s, lp) {
				return false
			}
		}
		return true
	case litAny:
		for _, g := range f.subs {
			if g.mayIn(s, lp) {
				return true
			}
		}
		return false
	}
	return true
}

// letterPairs is the set of the pairs of adjacent bytes of a string, each
// byte as its lower-case ASCII letter or as 'not a letter': a string that
// holds another holds all of its pairs. Testing a few bits of it rules out
// a literal more cheaply than looking for it.
type letterPairs [(27*27 + 63) / 64]uint64

func letterClass(c byte) uint16 {
	if 'a' <= c && c <= 'z' {
		return uint16(c-'a') + 1
	}
	return 0
}

// of sets p to the pairs of s.
func (p *letterPairs) of(s string) {
	*p = letterPairs{}
	for i := 0; i+1 < len(s); i++ {
		k := pairAt(s, i)
		p[k/64] |= 1 << (k % 64)
	}
}

// pairAt is the index of the pair of s's bytes i and i+1.
func pairAt(s string, i int) uint16 { return letterClass(s[i])*27 + letterClass(s[i+1]) }

// pairsOf returns the pairs of s, as indexes into a letterPairs.
func pairsOf(s string) []uint16 {
	var ks []uint16
	for i := 0; i+1 < len(s); i++ {
		if k := pairAt(s, i); !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

func (p *letterPairs) hasAll(ks []uint16) bool {
	for _, k := range ks {
		if p[k/64]&(1<<(k%64)) == 0 {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s holds lit (lower-case ASCII) in any
// ASCII case. A string with other than ASCII in it passes: case folding
// could match it by a letter such as 'K' (Kelvin) or 'ſ'.
func containsFoldASCII(s, lit string) bool {
	if !asciiOnly(s) {
		return true
	}
	for i := 0; i+len(lit) <= len(s); i++ {
		if asciiLower(s[i]) == lit[0] && strings.EqualFold(s[i:i+len(lit)], lit) {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// litInfo is what a part of a pattern is known to match: exactly one of
// the strings of set (exact), or only strings that pass cond.
type litInfo struct {
	exact bool
	set   []string
	cond  *litFilter
}

func litAnalyze(t *syntax.Regexp) litInfo {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: true, set: []string{""}}
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase == 0 {
			return litInfo{exact: true, set: []string{string(t.Rune)}}
		}
		s := string(t.Rune)
		for i := range len(s) {
			if s[i] >= utf8.RuneSelf {
				return litInfo{cond: litPass}
			}
		}
		return litInfo{cond: &litFilter{op: litString, s: strings.ToLower(s), fold: true}}
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(t.Rune); i += 2 {
			n += int(t.Rune[i+1]-t.Rune[i]) + 1
			if n > 4 {
				return litInfo{cond: litPass}
			}
		}
		var set []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
		}
		if len(set) == 0 {
			return litInfo{cond: litPass}
		}
		return litInfo{exact: true, set: set}
	case syntax.OpCapture:
		return litAnalyze(t.Sub[0])
	case syntax.OpQuest:
		if in := litAnalyze(t.Sub[0]); in.exact && len(in.set) < maxLitSet {
			return litInfo{exact: true, set: append(in.set, "")}
		}
		return litInfo{cond: litPass}
	case syntax.OpPlus:
		return litInfo{cond: litCond(litAnalyze(t.Sub[0]))}
	case syntax.OpRepeat:
		if t.Min == 0 {
			return litInfo{cond: litPass}
		}
		return litInfo{cond: litCond(litAnalyze(t.Sub[0]))}
	case syntax.OpConcat:
		var conds []*litFilter
		cur := []string{""}
		for _, sub := range t.Sub {
			in := litAnalyze(sub)
			if in.exact && len(cur)*len(in.set) <= maxLitSet {
				next := make([]string, 0, len(cur)*len(in.set))
				for _, a := range cur {
					for _, b := range in.set {
						next = append(next, a+b)
					}
				}
				cur = next
				continue
			}
			conds = append(conds, litCond(litInfo{exact: true, set: cur}))
			if in.exact {
				cur = in.set
			} else {
				conds = append(conds, in.cond)
				cur = []string{""}
			}
		}
		if conds == nil {
			return litInfo{exact: true, set: cur}
		}
		conds = append(conds, litCond(litInfo{exact: true, set: cur}))
		return litInfo{cond: litJoin(litAll, conds)}
	case syntax.OpAlternate:
		var set []string
		exact := true
		for _, sub := range t.Sub {
			in := litAnalyze(sub)
			if !in.exact || len(set)+len(in.set) > maxLitSet {
				exact = false
				break
			}
			set = append(set, in.set...)
		}
		if exact {
			return litInfo{exact: true, set: set}
		}
		conds := make([]*litFilter, len(t.Sub))
		for i, sub := range t.Sub {
			conds[i] = litCond(litAnalyze(sub))
		}
		return litInfo{cond: litJoin(litAny, conds)}
	}
	return litInfo{cond: litPass}
}

// litCond turns what is known into a filter.
func litCond(in litInfo) *litFilter {
	if !in.exact {
		return in.cond
	}
	set := slices.Clone(in.set)
	// A string that holds a shorter one of the set is implied by it.
	slices.SortFunc(set, func(a, b string) int { return len(a) - len(b) })
	var keep []*litFilter
	for i, s := range set {
		if s == "" {
			return litPass
		}
		if slices.ContainsFunc(set[:i], func(t string) bool { return strings.Contains(s, t) }) {
			continue
		}
		keep = append(keep, &litFilter{op: litString, s: s, pairs: pairsOf(s)})
	}
	return litJoin(litAny, keep)
}

// litJoin joins filters as all or any of them, dropping what cannot
// change the outcome.
func litJoin(op litOp, fs []*litFilter) *litFilter {
	var subs []*litFilter
	for _, f := range fs {
		switch {
		case f.op == litTrue:
			if op == litAny {
				return litPass
			}
		case f.op == op:
			subs = append(subs, f.subs...)
		default:
			subs = append(subs, f)
		}
	}
	switch len(subs) {
	case 0:
		if op == litAny {
			return &litFilter{op: litAny} // nothing can match
		}
		return litPass
	case 1:
		return subs[0]
	}
	if op == litAll {
		// The longest literals first: they fail most often.
		slices.SortStableFunc(subs, func(a, b *litFilter) int { return litWeight(b) - litWeight(a) })
	}
	return &litFilter{op: op, subs: subs}
}

func litWeight(f *litFilter) int {
	if f.op == litString {
		return len(f.s)
	}
	return 0
}

// filteredRE is a regular expression tested with its litFilter first.
type filteredRE struct {
	*regexp.Regexp
	f *litFilter
}

func filtered(re *regexp.Regexp) filteredRE {
	return filteredRE{re, newLitFilter(re)}
}

// MatchString is re.MatchString.
func (r filteredRE) MatchString(s string) bool {
	return r.f.may(s) && r.Regexp.MatchString(s)
}

// FindAllStringIndex is re.FindAllStringIndex.
func (r filteredRE) FindAllStringIndex(s string, n int) [][]int {
	if !r.f.may(s) {
		return nil
	}
	return r.Regexp.FindAllStringIndex(s, n)
}

// phaseSignalFilters are the filters of phaseSignals' expressions, in
// their order.
var phaseSignalFilters = func() []*litFilter {
	fs := make([]*litFilter, len(phaseSignals))
	for i, sig := range phaseSignals {
		fs[i] = newLitFilter(sig.re)
	}
	return fs
}()

// hintWord is one of a phase signal's hints with its letter pairs.
type hintWord struct {
	s     string
	pairs []uint16
}

// phaseSignalHints are phaseSignals' hints, in their order: for each,
// the "&"-separated lists, each of its "|"-separated strings.
var phaseSignalHints = func() [][][]hintWord {
	hs := make([][][]hintWord, len(phaseSignals))
	for i, sig := range phaseSignals {
		for _, group := range strings.Split(sig.hints, "&") {
			var ws []hintWord
			for _, h := range strings.Split(group, "|") {
				ws = append(ws, hintWord{h, pairsOf(h)})
			}
			hs[i] = append(hs[i], ws)
		}
	}
	return hs
}()

// phaseSignalMay reports what phaseSignals[k].mayMatch(s) does, and
// whether s passes the filter of its expression, using lp, the letter
// pairs of s.
func phaseSignalMay(k int, s string, lp *letterPairs) bool {
	for _, group := range phaseSignalHints[k] {
		found := false
		for _, w := range group {
			if lp.hasAll(w.pairs) && strings.Contains(s, w.s) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return phaseSignalFilters[k].mayIn(s, lp)
}

// FindStringSubmatch is re.FindStringSubmatch.
func (r filteredRE) FindStringSubmatch(s string) []string {
	if !r.f.may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// offerF is offerRE, which findOffer tries on every sentence.
var offerF = filtered(offerRE)

// The expressions findUnion tries on every name of a union it finds.
var (
	unionAsideF  = filtered(unionAsideRE)
	unlikeF      = filtered(unlikeRE)
	unionJoinedF = filtered(unionJoinedRE)
)
