package coverage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/strikebot/strikebot/strike"
)

// Explain describes the article's relevance in a few plain sentences for a
// picket captain: the tier and score, what counted for and against it, the
// look-alike phrases that were set aside, and what would change the tier.
// It applies the same rules as Score.
func (s *Scorer) Explain(a *strike.Article) string {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	r := s.analyze(a, sc)
	var b strings.Builder
	subject := "This article"
	if t := strings.Join(strings.Fields(a.Title), " "); t != "" {
		subject = fmt.Sprintf("%q", t)
	}
	switch r.tier {
	case strike.TierCore:
		fmt.Fprintf(&b, "%s is core (score %s): it is about the campaign's strike.", subject, num(r.score))
	case strike.TierRelated:
		fmt.Fprintf(&b, "%s is related (score %s): it is labor news about %s, but not about the campaign's strike.", subject, num(r.score), s.employer)
	default:
		fmt.Fprintf(&b, "%s is not relevant (tier none, score %s), so it is not announced.", subject, num(r.score))
	}

	// What counted for it.
	var found []string
	for g, label := range [...]string{"the employer", "the union", "labor terms", "the scope"} {
		if list := s.termList(r, group(g), 1); list != "" {
			found = append(found, label+" ("+list+")")
		}
	}
	if len(found) > 0 {
		fmt.Fprintf(&b, " It mentions %s.", joinAnd(found))
	} else {
		b.WriteString(" It mentions none of the profile's terms.")
	}
	// What counted against it.
	var against []string
	for g := range nWeighted {
		if list := s.termList(r, g, -1); list != "" {
			against = append(against, list)
		}
	}
	if len(against) > 0 {
		fmt.Fprintf(&b, " Counted against it: %s.", strings.Join(against, "; "))
	}
	// Look-alikes.
	var set []string
	for i, t := range s.terms {
		if t.group != exclude || !r.hits[i].found() {
			continue
		}
		item := fmt.Sprintf("%q", t.text)
		if len(t.shadows) > 0 {
			var why []string
			for _, g := range t.shadows {
				why = append(why, g.not())
			}
			item += " (" + strings.Join(why, ", ") + ")"
		}
		set = append(set, item)
	}
	if len(set) > 0 {
		fmt.Fprintf(&b, " Set aside as look-alikes: %s.", joinAnd(set))
	}
	for i, t := range s.terms {
		switch {
		case r.doubtful[i]:
			fmt.Fprintf(&b, " %q was not counted as %s: next to %q it may mean something else, and no other %s term backs it up.",
				t.text, groupLabel(t.group), s.shadowName(r, i), t.group.String())
		case r.noContext[i]:
			fmt.Fprintf(&b, " %q was not counted as %s: %s.", t.text, groupLabel(t.group), s.noContextPhrase())
		}
	}
	if r.notLabor >= 0 {
		fmt.Fprintf(&b, " Its labor terms were not counted: %s.", s.notLaborPhrase(r))
	}
	if r.tier == strike.TierRelated {
		if misses := s.scopeMisses(r); len(misses) > 0 {
			fmt.Fprintf(&b, " It is not the campaign's strike: %s.", strings.Join(misses, "; "))
		}
	}

	// What would change the tier.
	switch r.tier {
	case strike.TierCore:
		fmt.Fprintf(&b, " It would drop to related without the union or scope terms (%s), and to none without the employer or labor terms.",
			s.examples(union, scope))
	case strike.TierRelated:
		fmt.Fprintf(&b, " It would be core if it %s.", joinAnd(s.toCore(r)))
		b.WriteString(" It would drop to none without the employer or labor terms.")
	default:
		fmt.Fprintf(&b, " It would be related if it %s.", joinAnd(s.toRelated(r)))
	}
	return b.String()
}

// termList lists the counted terms of group g whose points have the given
// sign (1 or -1), strongest first: `Kaiser Permanente in the title, KP`.
func (s *Scorer) termList(r *result, g group, sign float64) string {
	idx := slices.DeleteFunc(s.found(r, g), func(i int) bool { return r.points[i]*sign <= 0 })
	slices.SortStableFunc(idx, func(a, b int) int { return cmpAbs(r.points[b], r.points[a]) })
	var parts []string
	for k, i := range idx {
		if k == maxReasonsPerGroup {
			parts = append(parts, fmt.Sprintf("and %d more", len(idx)-k))
			break
		}
		p := s.terms[i].text
		if r.hits[i].title > 0 {
			p += " in the title"
		}
		if sign < 0 {
			p = fmt.Sprintf("%s %s (%s)", g.String(), p, signed(r.points[i]))
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

// toRelated lists what a none article lacks to be related.
func (s *Scorer) toRelated(r *result) []string {
	var need []string
	switch e := r.group[employer]; {
	case e <= 0 && slices.Contains(r.noContext, true):
		var full []string
		for _, t := range s.terms {
			if t.group == employer && t.weight > 0 && len(t.stems) > 1 && len(full) < 2 {
				full = append(full, t.text)
			}
		}
		need = append(need, fmt.Sprintf("named the employer in full (%s) or with a context word (%s…)", strings.Join(full, ", "), s.contextWords))
	case e <= 0:
		need = append(need, fmt.Sprintf("named the employer (%s)", s.examples(employer)))
	case e < evidence:
		need = append(need, fmt.Sprintf("named the employer more than in passing (%s)", s.examples(employer)))
	case r.passing == employerPassing:
		need = append(need, "named the employer more than once, or in its headline or opening words")
	}
	switch {
	case r.passing == laborPassing:
		need = append(need, fmt.Sprintf("named labor more than once, in its headline or with a union (%s)", s.examples(labor)))
	case r.notLabor >= 0:
		need = append(need, fmt.Sprintf("named labor in its title or first sentence (%s)", s.examples(labor)))
	case r.group[labor] < evidence:
		need = append(need, fmt.Sprintf("were about labor (%s)", s.examples(labor)))
	}
	// Two pieces of evidence make 2×evidence points; say the threshold only
	// when it asks for more, or when it is all that is missing.
	if round1(r.group[employer]+r.group[labor]) < s.related && (len(need) == 0 || s.related > 2*evidence) {
		need = append(need, fmt.Sprintf("had at least %s employer and labor points", num(s.related)))
	}
	return need
}

// toCore lists what a related article lacks to be core.
func (s *Scorer) toCore(r *result) []string {
	var need []string
	u, sc := r.group[union], r.group[scope]
	if u < evidence && sc < evidence {
		need = append(need, fmt.Sprintf("named the campaign's union or scope (%s)", s.examples(union, scope)))
	}
	if s.unionElsewhere(r) {
		need = append(need, "did not point to another union")
	}
	if sc < 0 {
		need = append(need, "did not point to another place or unit")
	}
	need = append(need, s.scopeNeeds(r)...)
	if len(need) == 0 || r.score < s.core {
		need = append(need, fmt.Sprintf("scored at least %s", num(s.core)))
	}
	return need
}

// examples names a few of the heaviest positive terms of the groups: three
// of one group, two of each of several.
func (s *Scorer) examples(gs ...group) string {
	per := 3
	if len(gs) > 1 {
		per = 2
	}
	var names []string
	for _, g := range gs {
		var idx []int
		for i, t := range s.terms {
			if t.group == g && t.weight > 0 {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmpAbs(s.terms[b].weight, s.terms[a].weight) })
		for _, i := range idx[:min(per, len(idx))] {
			names = append(names, s.terms[i].text)
		}
	}
	return strings.Join(names, ", ")
}

func groupLabel(g group) string {
	switch g {
	case employer:
		return "the employer"
	case union:
		return "the union"
	case labor:
		return "a labor term"
	}
	return "a scope term"
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
