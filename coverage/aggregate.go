package coverage

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/strikebot/strikebot/strike"
)

// Bounds of what a story keeps to be updated one article at a time.
const (
	// maxTitles is how many of the earliest members' titles the story's
	// headline is chosen from.
	maxTitles = 8
	// maxSummaryMembers is how many members (the earliest of as many
	// outlets) a summary is made from.
	maxSummaryMembers = 6
	// maxDemands and maxEvents bound the lists of a story's facts.
	maxDemands = 12
	maxEvents  = 20
)

// storyState is what a story keeps (strike.Story.Coverage) so that a new
// member updates it without reading the others: each part depends only on
// the set of members, not on the order they came in, and is bounded in
// size, so a story's thousandth article costs what its tenth did.
type storyState struct {
	// FactsAt says, for each field of the story's Facts (by JSON name),
	// which member gave its value: the newest to report the field.
	FactsAt map[string]stamp `json:"facts_at,omitempty"`
	// Titles are the earliest members (with their titles), oldest first,
	// at most maxTitles: the headline is chosen from them.
	Titles []memberRef `json:"titles,omitempty"`
	// Summary are the earliest member of each outlet, oldest first, at
	// most maxSummaryMembers: the summary is made from them.
	Summary []memberRef `json:"summary,omitempty"`
	// Outlets are the earliest member of each outlet, oldest first, at
	// most strike.MaxStoryOutlets: Story.Outlets.
	Outlets []memberRef `json:"outlets,omitempty"`
}

// stamp orders members: by publication, then by ID.
type stamp struct {
	At int64 `json:"at"` // publication, Unix nanoseconds
	ID int64 `json:"id"`
}

func (s stamp) compare(o stamp) int {
	if c := cmp.Compare(s.At, o.At); c != 0 {
		return c
	}
	return cmp.Compare(s.ID, o.ID)
}

// memberRef is a member as the state lists it.
type memberRef struct {
	stamp
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
}

func stampOf(a *strike.Article) stamp {
	at := a.Published
	if at.IsZero() {
		at = a.FirstSeen
	}
	return stamp{At: at.UnixNano(), ID: a.ID}
}

// outletOf names a's outlet: its source, else its feed.
func outletOf(a *strike.Article) string {
	if a.Source != "" {
		return a.Source
	}
	return a.Feed
}

func decodeState(b []byte) (storyState, error) {
	var st storyState
	if len(b) == 0 {
		return st, nil
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return storyState{}, fmt.Errorf("coverage: decode story state: %w", err)
	}
	return st, nil
}

func (st storyState) encode() []byte {
	b, _ := json.Marshal(st) // plain data: cannot fail
	return b
}

// stateChange says which parts of a story an article changed.
type stateChange struct {
	titles, summary bool
}

// apply adds member a (with its Facts) to story s and its state.
func (st *storyState) apply(s *strike.Story, a *strike.Article) stateChange {
	var ch stateChange
	at := stampOf(a)
	st.mergeFacts(&s.Facts, a.Facts, func(string) stamp { return at })
	ref := memberRef{stamp: at, Outlet: outletOf(a), Title: a.Title}
	st.Titles, ch.titles = insertRef(st.Titles, memberRef{stamp: at, Title: a.Title}, maxTitles, false)
	st.Summary, ch.summary = insertRef(st.Summary, memberRef{stamp: at, Outlet: ref.Outlet}, maxSummaryMembers, true)
	st.Outlets, _ = insertRef(st.Outlets, memberRef{stamp: at, Outlet: ref.Outlet}, strike.MaxStoryOutlets, true)
	s.Outlets = outletNames(st.Outlets)
	if s.FirstSeen.IsZero() || a.Published.Before(s.FirstSeen) {
		s.FirstSeen = a.Published
	}
	if a.Relevance.Tier == strike.TierCore {
		s.Tier = strike.TierCore
	} else if s.Tier == "" {
		s.Tier = a.Relevance.Tier
	}
	return ch
}

// absorb adds story o (with its state ost) to story s and its state, as
// if each of o's members had been applied.
func (st *storyState) absorb(s *strike.Story, o strike.Story, ost storyState) stateChange {
	var ch stateChange
	st.mergeFacts(&s.Facts, o.Facts, func(field string) stamp { return ost.FactsAt[field] })
	for _, r := range ost.Titles {
		var c bool
		st.Titles, c = insertRef(st.Titles, r, maxTitles, false)
		ch.titles = ch.titles || c
	}
	for _, r := range ost.Summary {
		var c bool
		st.Summary, c = insertRef(st.Summary, r, maxSummaryMembers, true)
		ch.summary = ch.summary || c
	}
	for _, r := range ost.Outlets {
		st.Outlets, _ = insertRef(st.Outlets, r, strike.MaxStoryOutlets, true)
	}
	s.Outlets = outletNames(st.Outlets)
	if !o.FirstSeen.IsZero() && (s.FirstSeen.IsZero() || o.FirstSeen.Before(s.FirstSeen)) {
		s.FirstSeen = o.FirstSeen
	}
	if o.Tier == strike.TierCore {
		s.Tier = strike.TierCore
	}
	s.Members += o.Members
	return ch
}

// insertRef inserts r into refs (oldest first), keeping at most limit of
// the oldest; with byOutlet, one per outlet, the oldest. It reports
// whether refs changed.
func insertRef(refs []memberRef, r memberRef, limit int, byOutlet bool) ([]memberRef, bool) {
	if slices.ContainsFunc(refs, func(x memberRef) bool { return x.ID == r.ID }) {
		return refs, false
	}
	if byOutlet {
		if i := slices.IndexFunc(refs, func(x memberRef) bool { return x.Outlet == r.Outlet }); i >= 0 {
			if refs[i].compare(r.stamp) <= 0 {
				return refs, false
			}
			refs = slices.Delete(refs, i, i+1)
		}
	}
	i, _ := slices.BinarySearchFunc(refs, r, func(x, y memberRef) int { return x.compare(y.stamp) })
	if i >= limit {
		return refs, false
	}
	refs = slices.Insert(refs, i, r)
	if len(refs) > limit {
		refs = refs[:limit]
	}
	return refs, true
}

func outletNames(refs []memberRef) []string {
	var out []string
	for _, r := range refs {
		if r.Outlet != "" {
			out = append(out, r.Outlet)
		}
	}
	return out
}

// mergeFacts merges a member's (or a merged story's) facts f into the
// story's facts: each field takes the value of the newest report of it
// (stampOf gives the report's stamp per field), demands and events are
// the union of both, bounded.
func (st *storyState) mergeFacts(into *strike.Facts, f strike.Facts, stampOf func(field string) stamp) {
	if st.FactsAt == nil {
		st.FactsAt = make(map[string]stamp)
	}
	take := func(field string, has bool, set func()) {
		if !has {
			return
		}
		at := stampOf(field)
		if prev, ok := st.FactsAt[field]; ok && prev.compare(at) >= 0 {
			return
		}
		st.FactsAt[field] = at
		set()
		if ev, ok := f.Evidence[field]; ok {
			if into.Evidence == nil {
				into.Evidence = make(map[string]string)
			}
			into.Evidence[field] = ev
		} else {
			delete(into.Evidence, field)
		}
	}
	take("phase", f.Phase != "", func() { into.Phase = f.Phase })
	take("workers", f.Workers != 0, func() { into.Workers = f.Workers })
	take("union", f.Union != "", func() { into.Union = f.Union })
	take("employer", f.Employer != "", func() { into.Employer = f.Employer })
	take("started", f.Started != "", func() { into.Started = f.Started })
	take("duration_days", f.DurationDays != 0, func() { into.DurationDays = f.DurationDays })
	take("offer", f.Offer != "", func() { into.Offer = f.Offer })
	take("demands", len(f.Demands) > 0, func() {})
	take("events", len(f.Events) > 0, func() {})
	for _, d := range f.Demands {
		if !slices.Contains(into.Demands, d) && len(into.Demands) < maxDemands {
			into.Demands = append(into.Demands, d)
		}
	}
	for _, e := range f.Events {
		if !slices.Contains(into.Events, e) {
			into.Events = append(into.Events, e)
		}
	}
	slices.SortStableFunc(into.Events, func(a, b strike.Event) int {
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.What, b.What)
	})
	if len(into.Events) > maxEvents {
		into.Events = into.Events[len(into.Events)-maxEvents:]
	}
}
