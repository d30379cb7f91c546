package coverage

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/strikebot/strikebot/strike"
)

// ErrInvalidPin is returned, wrapped, by CheckPin for a pin whose value
// cannot be used for its field. The wrapping error names the field and
// says what is wanted.
var ErrInvalidPin = errors.New("coverage: invalid pin")

// Status synthesis constants (see Synthesize).
const (
	// statusWindow is how far back from a field's newest report other
	// reports still count, for steady fields: workers, union, employer,
	// start date, duration.
	statusWindow = 30 * 24 * time.Hour
	// statusDemandsWindow is the same for the demands, which last as long
	// as the dispute: a late report naming one demand does not drop the
	// others.
	statusDemandsWindow = 365 * 24 * time.Hour
	// statusRecentWindow is the same for fields that move: the offer and
	// the dates of coming events.
	statusRecentWindow = 7 * 24 * time.Hour
	// statusMaxSources bounds the sources and the conflicts listed per
	// field: one article per outlet, newest first.
	statusMaxSources = 5
	// statusRegressOutlets is how many outlets must report an earlier
	// phase after the current one began for the phase to go back (an
	// agreement voted down, talks broken off).
	statusRegressOutlets = 2
)

// StatusInput is what Synthesize reads.
type StatusInput struct {
	// Campaign names the campaign; only its ID and Name are used.
	Campaign strike.Campaign
	// Articles are the campaign's core articles with their Facts, in any
	// order. Facts.Evidence, when set, gives each source's sentence.
	// Articles of another campaign or tier (when those are set), and
	// articles published after Now, are left out.
	Articles []strike.Article
	// Pins are the captains' corrections. Pins set after Now are left out;
	// of several pins of one field the newest wins.
	Pins []strike.Pin
	// Now is the time the status is synthesized as of. It decides the day
	// count and which events are still to come. The zero Now means as of
	// the newest article or pin.
	Now time.Time
}

// Synthesize returns a campaign's status as of in.Now, synthesized from its
// articles' facts and overridden by its pins. It is a pure function of its
// input and safe for concurrent use. The rules:
//
//  1. Reports. Every article published by Now gives its word on the fields
//     its Facts fill. Equal values are grouped after normalizing case,
//     spacing, punctuation and numbers ("2,400" is 2400; "18 percent" is
//     "18%"), and an acronym joins the name it abbreviates ("NUHW" and
//     "National Union of Healthcare Workers").
//  2. Phase. Phases follow their order (threatened, strike, mediation,
//     tentative agreement, ratified, ended): a report of a later phase
//     moves the campaign on, even from one outlet, except that a strike
//     under way ends with no agreement reported only when two outlets say
//     so (one clause is too easily a partial return). An earlier phase comes
//     back only as strike or mediation, only before ratification, and only
//     when two outlets report it after the current phase began. Other
//     phases reported after the current one began are conflicts.
//  3. Other fields. Only reports within 30 days of the field's newest
//     report count (7 days for the offer and event dates, which move; a
//     year for the demands, which last as long as the dispute). The
//     value backed by the most distinct outlets wins; a tie goes to the
//     value reported most recently. The other values of that window are
//     conflicts. Demands are a list: every demand of the window is kept,
//     the best backed first. A start date is also checked against the
//     articles' counts of the strike's length (Facts.StartedEarliest and
//     StartedLatest): one outside its own article's count is dropped, one
//     that more outlets' counts exclude than report it is out, and the
//     outlets whose counts allow a date back it too; when every date of
//     the window is out, older reports are tried. The counts that exclude
//     the start chosen are conflicts.
//  4. Next event. Each kind of event ("ratification vote") gets its date
//     by rule 3; the next event is the earliest dated on or after Now's
//     date.
//  5. Days. While the phase is strike or mediation, Day counts the days
//     since Started, the first day being day 1. Once the phase is
//     tentative agreement or later (or an end date is pinned) the strike
//     is over: Ended is the pinned end date, else the start the articles
//     give plus the best backed duration reported since the strike was
//     over, else the date it was first reported over (a pinned start never
//     moves it); DurationDays is the number of days from Started to Ended,
//     as news reports count them (Oct. 21 to May 5 is 196 days).
//  6. Pins win. A valid pin (see CheckPin) replaces its field's value and
//     is listed in Pinned; an empty value clears the field. Sources that
//     disagree with the pin are moved to Conflicts. Invalid pins are
//     ignored.
//  7. AsOf is the publication time of the newest article used, or the
//     time of the newest pin used when that is later.
//
// Now's date (rules 4 and 5) and the date an article's publication
// time falls on (rule 5) are those of the campaign's time zone,
// in.Campaign.Location; a nil Location takes them as the times are
// given.
//
// Sources and Conflicts list at most five articles per field, one per
// outlet, newest first.
func Synthesize(in StatusInput) strike.Status {
	st := strike.Status{
		Campaign:  in.Campaign.ID,
		Name:      in.Campaign.Name,
		Sources:   make(map[strike.StatusField][]strike.FieldSource),
		Conflicts: make(map[strike.StatusField][]strike.FieldSource),
	}
	if in.Now.IsZero() {
		for _, a := range in.Articles {
			in.Now = statusLater(in.Now, a.Published)
		}
		for _, p := range in.Pins {
			in.Now = statusLater(in.Now, p.SetAt)
		}
	}
	s := newStatusSynth(in)
	// Days are the campaign's: Now and a publication time fall on the
	// date they have in its zone.
	local := func(t time.Time) time.Time {
		if in.Campaign.Location == nil {
			return t
		}
		return t.In(in.Campaign.Location)
	}
	today := local(in.Now).Format(time.DateOnly)
	if len(s.arts) > 0 {
		st.AsOf = s.arts[0].Published
	}

	phase := s.phase()
	if phase.value != "" {
		st.Phase = phase.value
		st.Sources[strike.FieldPhase] = phase.sources
		st.Conflicts[strike.FieldPhase] = phase.conflicts
	}
	s.collect(phase.overSince)

	if g, others := s.workers.best(); g != nil {
		st.Workers, _ = strconv.Atoi(g.key)
		st.Sources[strike.FieldWorkers] = g.srcs
		st.Conflicts[strike.FieldWorkers] = others
	}
	s.union.mergeAcronyms()
	if g, others := s.union.best(); g != nil {
		// The campaign's union does not change: when the recent reports
		// are split, the one most reports name over the whole campaign
		// wins a tie (a look back that names a sibling strike's union
		// does not make it the campaign's).
		if !s.ofOwnUnion(g.value) {
			for _, h := range s.union.groups {
				if h != g && s.ofOwnUnion(h.value) && h.outlets.n() >= g.outlets.n() {
					g, others = h, s.union.othersThan(h)
					break
				}
			}
		}
		st.Union = g.value
		st.Sources[strike.FieldUnion] = g.srcs
		st.Conflicts[strike.FieldUnion] = others
	}
	s.employer.mergeAcronyms()
	if g, others := s.employer.best(); g != nil {
		st.Employer = g.value
		st.Sources[strike.FieldEmployer] = g.srcs
		st.Conflicts[strike.FieldEmployer] = others
	}
	if g, others := s.startedBest(); g != nil {
		st.Started = g.key
		st.Sources[strike.FieldStarted] = g.srcs
		st.Conflicts[strike.FieldStarted] = others
	} else {
		st.Conflicts[strike.FieldStarted] = others
	}
	if g, others := s.offer.best(); g != nil {
		st.Offer = g.value
		st.Sources[strike.FieldOffer] = g.srcs
		st.Conflicts[strike.FieldOffer] = others
	}
	if len(s.demands.groups) > 0 {
		groups := slices.Clone(s.demands.groups)
		slices.SortStableFunc(groups, (*statusGroup).compare)
		for _, g := range groups {
			st.Demands = append(st.Demands, g.value)
		}
		st.Sources[strike.FieldDemands] = s.demandSrcs
	}
	if ev, srcs, others := s.nextEvent(today); ev != nil {
		st.NextEvent = ev
		st.Sources[strike.FieldNextEvent] = srcs
		st.Conflicts[strike.FieldNextEvent] = others
	}

	// The start the articles give, for the end date: a pinned start must
	// not move it (the end is what the articles report, not pin + length).
	srcStarted := st.Started

	// Pins, before the day count, which depends on phase and dates.
	endedPin := ""
	for _, p := range statusLatestPins(in) {
		if p.SetAt.After(st.AsOf) {
			st.AsOf = p.SetAt
		}
		if st.Pinned == nil {
			st.Pinned = make(map[strike.StatusField]strike.Pin)
		}
		st.Pinned[p.Field] = p
		agrees := statusApplyPin(&st, p)
		if p.Field == strike.FieldEnded {
			endedPin = strings.TrimSpace(p.Value)
			continue
		}
		if !agrees {
			st.Conflicts[p.Field] = append(st.Sources[p.Field], st.Conflicts[p.Field]...)
			delete(st.Sources, p.Field)
		}
	}

	// Days.
	over := endedPin != "" || statusPhaseRank(st.Phase) >= statusPhaseRank(strike.PhaseTentativeAgreement)
	started, hasStart := statusDay(st.Started)
	switch {
	case over:
		var ended time.Time
		hasEnd := false
		srcStart, hasSrcStart := statusDay(srcStarted)
		if endedPin != "" {
			ended, hasEnd = statusDay(endedPin)
		} else if g, others := s.duration.best(); g != nil && hasSrcStart {
			n, _ := strconv.Atoi(g.key)
			ended, hasEnd = srcStart.AddDate(0, 0, n), true
			st.Sources[strike.FieldEnded] = g.srcs
			st.Conflicts[strike.FieldEnded] = others
		} else if !phase.overSince.IsZero() {
			ended, hasEnd = statusDay(local(phase.overSince).Format(time.DateOnly))
			st.Sources[strike.FieldEnded] = phase.overSources
		}
		if hasEnd {
			st.Ended = ended.Format(time.DateOnly)
			if hasStart && !ended.Before(started) {
				st.DurationDays = statusDaysBetween(started, ended)
			}
		}
	case hasStart && (st.Phase == strike.PhaseStrike || st.Phase == strike.PhaseMediation):
		if now, ok := statusDay(today); ok && !now.Before(started) {
			st.Day = statusDaysBetween(started, now) + 1
		}
	}

	for f, v := range st.Sources {
		if len(v) == 0 {
			delete(st.Sources, f)
		}
	}
	for f, v := range st.Conflicts {
		if len(v) == 0 {
			delete(st.Conflicts, f)
		}
	}
	if len(st.Conflicts) == 0 {
		st.Conflicts = nil
	}
	return st
}

// CheckPin reports whether p's value can be pinned to its field, so that
// a command can refuse a bad pin before storing it. An empty value is
// valid for every field and means "unknown". The values wanted:
//
//	phase       one of threatened, strike, mediation, tentative_agreement
//	            (or "tentative agreement"), ratified, ended
//	workers     a whole number, commas allowed ("2,400")
//	started     a date YYYY-MM-DD
//	ended       a date YYYY-MM-DD
//	demands     demands separated by ";"
//	next_event  "YYYY-MM-DD what"
//	union, employer, offer: any text
func CheckPin(p strike.Pin) error {
	v := strings.TrimSpace(p.Value)
	if v == "" {
		if !slices.Contains(strike.StatusFields(), p.Field) {
			return fmt.Errorf("coverage: pin %q: unknown field: %w", p.Field, ErrInvalidPin)
		}
		return nil
	}
	switch p.Field {
	case strike.FieldPhase:
		if statusPhase(v) == "" {
			return fmt.Errorf("coverage: pin phase %q: want one of threatened, strike, mediation, tentative_agreement, ratified, ended: %w", v, ErrInvalidPin)
		}
	case strike.FieldWorkers:
		if _, ok := statusCount(v); !ok {
			return fmt.Errorf("coverage: pin workers %q: want a whole number: %w", v, ErrInvalidPin)
		}
	case strike.FieldStarted, strike.FieldEnded:
		if _, ok := statusDay(v); !ok {
			return fmt.Errorf("coverage: pin %s %q: want a date YYYY-MM-DD: %w", p.Field, v, ErrInvalidPin)
		}
	case strike.FieldNextEvent:
		date, what, _ := strings.Cut(v, " ")
		if _, ok := statusDay(date); !ok || strings.TrimSpace(what) == "" {
			return fmt.Errorf("coverage: pin next_event %q: want \"YYYY-MM-DD what\": %w", v, ErrInvalidPin)
		}
	case strike.FieldUnion, strike.FieldEmployer, strike.FieldOffer, strike.FieldDemands:
	default:
		return fmt.Errorf("coverage: pin %q: unknown field: %w", p.Field, ErrInvalidPin)
	}
	return nil
}

// statusLatestPins returns the newest valid pin of each field set by in.Now, in
// the order of strike.StatusFields.
func statusLatestPins(in StatusInput) []strike.Pin {
	var latest [16]*strike.Pin
	fields := strike.StatusFields()
	for i := range in.Pins {
		p := &in.Pins[i]
		if p.SetAt.After(in.Now) || (p.CampaignID != "" && in.Campaign.ID != "" && p.CampaignID != in.Campaign.ID) {
			continue
		}
		if CheckPin(*p) != nil {
			continue
		}
		k := slices.Index(fields, p.Field)
		if k < 0 || k >= len(latest) {
			continue
		}
		if latest[k] == nil || !p.SetAt.Before(latest[k].SetAt) {
			latest[k] = p
		}
	}
	var out []strike.Pin
	for _, p := range latest {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// statusApplyPin sets p's field of st and reports whether the value agrees with
// what coverage said.
func statusApplyPin(st *strike.Status, p strike.Pin) bool {
	v := strings.TrimSpace(p.Value)
	switch p.Field {
	case strike.FieldPhase:
		old := st.Phase
		st.Phase = statusPhase(v)
		return old == st.Phase
	case strike.FieldWorkers:
		old := st.Workers
		st.Workers, _ = statusCount(v)
		return old == st.Workers
	case strike.FieldUnion:
		old := st.Union
		st.Union = v
		return statusNorm(old) == statusNorm(v)
	case strike.FieldEmployer:
		old := st.Employer
		st.Employer = v
		return statusNorm(old) == statusNorm(v)
	case strike.FieldStarted:
		old := st.Started
		st.Started = v
		return old == v
	case strike.FieldOffer:
		old := st.Offer
		st.Offer = v
		return statusNorm(old) == statusNorm(v)
	case strike.FieldDemands:
		old := st.Demands
		st.Demands = nil
		for d := range strings.SplitSeq(v, ";") {
			if d = strings.TrimSpace(d); d != "" {
				st.Demands = append(st.Demands, d)
			}
		}
		return slices.EqualFunc(old, st.Demands, func(a, b string) bool { return statusNorm(a) == statusNorm(b) })
	case strike.FieldNextEvent:
		old := st.NextEvent
		st.NextEvent = nil
		if v != "" {
			date, what, _ := strings.Cut(v, " ")
			st.NextEvent = &strike.Event{Date: date, What: strings.TrimSpace(what)}
		}
		if old == nil || st.NextEvent == nil {
			return old == st.NextEvent
		}
		return old.Date == st.NextEvent.Date && statusNorm(old.What) == statusNorm(st.NextEvent.What)
	}
	return true // ended: handled by the caller
}

// statusSynth holds one synthesis's working state.
type statusSynth struct {
	in   StatusInput
	arts []*strike.Article // usable articles, newest first
	// outlet[i] identifies arts[i]'s outlet, -1 until outletAt looks.
	outlet  []int32
	outlets map[string]int32

	norm  map[string]string // statusNorm memo
	dates map[string]bool   // normDate memo

	lastInt  int
	lastItoa string

	lastSource string // outletOf's last outlet name and its number
	lastOutlet int32

	workers, union, employer, started, offer, duration, demands statusField
	demandSrcs                                                  []strike.FieldSource
	demandOutlets                                               statusOutlets
	events                                                      map[string]*statusField // normalized what → dates
	eventOrder                                                  []string

	// spans are the articles' counts of the strike's length, as the span
	// of days it began in; selfConflict are start dates outside their own
	// article's span.
	spans        []statusSpan
	selfConflict []int // indexes in arts
	// lateWorkers and lateDuration are the articles, newest first, that
	// count the strikers or the strike's days more than statusWindow after
	// the strike was reported over: look backs, which count only when
	// nothing reported nearer the strike does (a year on, "the nurses'
	// five-day strike last week" is another strike's length).
	lateWorkers, lateDuration []int

	// ownUnion is the union most reports name over the whole campaign;
	// ownUnionOf remembers which names are it (ofOwnUnion).
	ownUnion   string
	ownUnionOf map[string]bool
}

// statusSpan is one article's span of start days (Facts.StartedEarliest
// to StartedLatest; an empty bound is open).
type statusSpan struct {
	earliest, latest string
	art              int // index in arts
}

// excludes reports whether the day (YYYY-MM-DD) is outside the span.
func (sp statusSpan) excludes(day string) bool {
	return sp.earliest != "" && day < sp.earliest || sp.latest != "" && day > sp.latest
}

// value is the span as a source's value.
func (sp statusSpan) value() string {
	switch {
	case sp.earliest == "":
		return "on or before " + sp.latest + " by its count"
	case sp.latest == "":
		return "on or after " + sp.earliest + " by its count"
	}
	return "between " + sp.earliest + " and " + sp.latest + " by its count"
}

func newStatusSynth(in StatusInput) *statusSynth {
	s := &statusSynth{
		in:      in,
		outlets: make(map[string]int32),
		norm:    make(map[string]string),
		dates:   make(map[string]bool),
		events:  make(map[string]*statusField),
	}
	s.workers.init(strike.FieldWorkers, "workers", statusWindow)
	s.union.init(strike.FieldUnion, "union", statusWindow)
	s.employer.init(strike.FieldEmployer, "employer", statusWindow)
	s.started.init(strike.FieldStarted, "started", statusWindow)
	s.offer.init(strike.FieldOffer, "offer", statusRecentWindow)
	s.duration.init(strike.FieldEnded, "duration_days", statusWindow)
	s.demands.init(strike.FieldDemands, "demands", statusDemandsWindow)

	s.arts = make([]*strike.Article, 0, len(in.Articles))
	for i := range in.Articles {
		a := &in.Articles[i]
		if a.Published.After(in.Now) {
			continue
		}
		if t := a.Relevance.Tier; t != "" && t != strike.TierCore {
			continue
		}
		if a.CampaignID != "" && in.Campaign.ID != "" && a.CampaignID != in.Campaign.ID {
			continue
		}
		s.arts = append(s.arts, a)
	}
	// Newest first; the store already gives that order, and a feed often
	// the reverse, so sort only when needed.
	newer := func(a, b *strike.Article) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		if a.URL != b.URL {
			// Ties do not depend on the order articles were stored in.
			return strings.Compare(b.URL, a.URL)
		}
		return statusCmpID(b.ID, a.ID)
	}
	if !slices.IsSortedFunc(s.arts, newer) {
		slices.Reverse(s.arts)
		if !slices.IsSortedFunc(s.arts, newer) {
			slices.SortStableFunc(s.arts, newer)
		}
	}
	s.outlet = make([]int32, len(s.arts))
	for i := range s.outlet {
		s.outlet[i] = -1
	}
	return s
}

// outletAt returns the outlet of arts[i].
func (s *statusSynth) outletAt(i int) int32 {
	if s.outlet[i] < 0 {
		s.outlet[i] = s.outletOf(s.arts[i])
	}
	return s.outlet[i]
}

// statusLater returns the later of a and b.
func statusLater(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func statusCmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// outletOf returns a small number identifying a's outlet: its source name
// regardless of case, else its feed, else the article itself.
func (s *statusSynth) outletOf(a *strike.Article) int32 {
	name := a.Source
	if name == "" {
		name = a.Feed
	}
	if name == "" {
		name = "\x00" + strconv.FormatInt(a.ID, 10) + "\x00" + a.Key
	}
	if name == s.lastSource {
		return s.lastOutlet
	}
	id, ok := s.outlets[name]
	if !ok {
		lower := strings.ToLower(strings.TrimSpace(name))
		if id, ok = s.outlets[lower]; !ok {
			id = int32(len(s.outlets))
			s.outlets[lower] = id
		}
		s.outlets[name] = id
	}
	s.lastSource, s.lastOutlet = name, id
	return id
}

// statusNorm returns the memoized statusNorm of v.
func (s *statusSynth) statusNorm(v string) string {
	if k, ok := s.norm[v]; ok {
		return k
	}
	k := statusNorm(v)
	s.norm[v] = k
	return k
}

// statusPhaseResult is what the phase rule decides.
type statusPhaseResult struct {
	value     string
	sources   []strike.FieldSource
	conflicts []strike.FieldSource
	// overSince is when the strike was first reported over (tentative
	// agreement or later) in the current run of over phases; zero if the
	// phase is not over.
	overSince   time.Time
	overSources []strike.FieldSource
}

// phase runs the phase rule over the articles, oldest first.
func (s *statusSynth) phase() statusPhaseResult {
	cur, curRank := "", -1
	entered := -1 // index in arts of the article that moved to cur
	overAt := -1  // index of the article that moved the strike over
	var pending [8][]int32
	var pendingFirst [8]int
	for i := len(s.arts) - 1; i >= 0; i-- {
		p := statusPhase(s.arts[i].Facts.Phase)
		if p == "" {
			continue
		}
		r := statusPhaseRank(p)
		switch {
		case r > curRank:
			at := i
			if p == strike.PhaseEnded && (cur == strike.PhaseStrike || cur == strike.PhaseMediation) {
				// A strike under way ends with no agreement reported only
				// when two outlets say so.
				o := s.outletAt(i)
				if len(pending[r]) == 0 {
					pendingFirst[r] = i
				}
				if !slices.Contains(pending[r], o) {
					pending[r] = append(pending[r], o)
				}
				if len(pending[r]) < statusRegressOutlets {
					continue
				}
				at = pendingFirst[r]
			}
			if curRank < statusPhaseRank(strike.PhaseTentativeAgreement) && r >= statusPhaseRank(strike.PhaseTentativeAgreement) {
				overAt = at
			}
			cur, curRank, entered = p, r, at
			pending = [8][]int32{}
		case r < curRank && curRank < statusPhaseRank(strike.PhaseRatified) &&
			(p == strike.PhaseStrike || p == strike.PhaseMediation):
			o := s.outletAt(i)
			if len(pending[r]) == 0 {
				pendingFirst[r] = i
			}
			if !slices.Contains(pending[r], o) {
				pending[r] = append(pending[r], o)
			}
			if len(pending[r]) >= statusRegressOutlets {
				if r < statusPhaseRank(strike.PhaseTentativeAgreement) {
					overAt = -1
				}
				cur, curRank, entered = p, r, pendingFirst[r]
				pending = [8][]int32{}
			}
		}
	}
	var res statusPhaseResult
	if entered < 0 {
		return res
	}
	res.value = cur
	var srcOutlets, conflictOutlets statusOutlets
	for i := 0; i <= entered; i++ {
		a := s.arts[i]
		p := statusPhase(a.Facts.Phase)
		if p == "" {
			continue
		}
		if p == cur {
			res.sources = statusAddSource(res.sources, &srcOutlets, s.outletAt(i), a, a.Facts.Phase, "phase")
		} else {
			res.conflicts = statusAddSource(res.conflicts, &conflictOutlets, s.outletAt(i), a, a.Facts.Phase, "phase")
		}
	}
	if overAt >= 0 {
		a := s.arts[overAt]
		res.overSince = a.Published
		res.overSources = []strike.FieldSource{statusSource(a, a.Facts.Phase, "phase")}
	}
	return res
}

// collect runs over the articles newest first and gathers every field but
// the phase. Durations count only from overSince on. A field's report is
// looked at only while it is within the field's window, so the cost grows
// with the recent articles, not with all of them.
//
// A page with no date of its own is dated when it was fetched, which says
// nothing of when its figures held: such pages are read after every dated
// report, and count for a field only when no dated report gives it.
//
// A count reported with another union than the one most reports name over
// the whole campaign (a sibling strike's news taken for the campaign's) is
// not the campaign's count.
func (s *statusSynth) collect(overSince time.Time) {
	var undated []int
	raw := map[string]int{} // each union's name as written → its reports
	for i, a := range s.arts {
		if u := a.Facts.Union; u != "" {
			raw[u]++
		}
		if a.PublishedEstimated {
			undated = append(undated, i)
		}
	}
	reports := make(map[string]int, len(raw)) // normalized name → reports
	names := make(map[string]string, len(raw))
	for u, n := range raw {
		k := s.statusNorm(u)
		reports[k] += n
		if v, ok := names[k]; !ok || u < v {
			names[k] = u
		}
	}
	s.ownUnion = statusMostReported(reports, names)
	s.ownUnionOf = make(map[string]bool, len(raw))
	for i, a := range s.arts {
		if !a.PublishedEstimated {
			s.collectOne(i, overSince)
		}
	}
	for _, i := range undated {
		s.collectOne(i, overSince)
	}
	// When only look backs count the strikers or the days, the newest of
	// them decide.
	s.addLate(&s.workers, s.lateWorkers, func(f *strike.Facts) int { return f.Workers }, "")
	s.addLate(&s.duration, s.lateDuration, func(f *strike.Facts) int { return f.DurationDays }, " days")
}

// addLate adds to f, when no earlier report gave it any, the late reports
// of the articles at late (newest first): the count n reads, written with
// unit.
func (s *statusSynth) addLate(f *statusField, late []int, n func(*strike.Facts) int, unit string) {
	if len(f.groups) > 0 {
		return
	}
	for _, i := range late {
		if a := s.arts[i]; f.inWindow(a) {
			k := s.itoa(n(&a.Facts))
			f.add(k, k+unit, a, s.outletAt(i))
		}
	}
}

// lateReport reports whether a was published more than statusWindow after
// the strike was first reported over (overSince; never when it is zero).
func (s *statusSynth) lateReport(a *strike.Article, overSince time.Time) bool {
	return !overSince.IsZero() && a.Published.After(overSince.Add(statusWindow))
}

// statusMostReported returns the union of the most reports (keys are
// normalized names, names one raw name of each), an acronym counting
// for the name it abbreviates ("NUHW" for "National Union of Healthcare
// Workers"); "" for none. Ties go to the smaller key, so that the result
// does not depend on map order.
func statusMostReported(reports map[string]int, names map[string]string) string {
	total := make(map[string]int, len(reports))
	for k, n := range reports {
		into := k
		if acr := statusAcronym(names[k]); acr != "" {
			for h := range reports {
				if h != k && statusAcronym(names[h]) == "" && statusInitials(names[h]) == acr {
					into = h
					break
				}
			}
		}
		total[into] += n
	}
	best := ""
	for k, n := range total {
		if best == "" || n > total[best] || n == total[best] && k < best {
			best = k
		}
	}
	if best == "" {
		return ""
	}
	return names[best]
}

// ofOwnUnion reports whether a report naming union (or none) is of the
// campaign's union as collect found it: the same name, or its acronym.
func (s *statusSynth) ofOwnUnion(union string) bool {
	own := s.ownUnion
	if union == "" || own == "" || union == own {
		return true
	}
	if v, ok := s.ownUnionOf[union]; ok {
		return v
	}
	v := s.statusNorm(union) == s.statusNorm(own)
	if acr := statusAcronym(union); !v && acr != "" {
		v = statusInitials(own) == acr
	}
	if acr := statusAcronym(own); !v && acr != "" {
		v = statusInitials(union) == acr
	}
	s.ownUnionOf[union] = v
	return v
}

// collectOne gathers the fields of s.arts[i] for collect.
func (s *statusSynth) collectOne(i int, overSince time.Time) {
	a := s.arts[i]
	f := &a.Facts
	if f.Workers > 0 && s.ofOwnUnion(f.Union) {
		if s.lateReport(a, overSince) {
			s.lateWorkers = append(s.lateWorkers, i)
		} else if s.workers.inWindow(a) {
			k := s.itoa(f.Workers)
			s.workers.add(k, k, a, s.outletAt(i))
		}
	}
	if f.Union != "" && s.union.inWindow(a) {
		s.union.addText(f.Union, s.statusNorm, a, s.outletAt(i))
	}
	if f.Employer != "" && s.employer.inWindow(a) {
		s.employer.addText(f.Employer, s.statusNorm, a, s.outletAt(i))
	}
	var span statusSpan
	if f.StartedEarliest != "" || f.StartedLatest != "" {
		span = statusSpan{earliest: s.normDate(f.StartedEarliest), latest: s.normDate(f.StartedLatest), art: i}
		if span.earliest != "" || span.latest != "" {
			s.spans = append(s.spans, span)
		}
	}
	if f.Started != "" && s.started.inWindow(a) {
		if k := s.normDate(f.Started); k != "" {
			if span.excludes(k) {
				s.selfConflict = append(s.selfConflict, i)
			} else {
				s.started.add(k, f.Started, a, s.outletAt(i))
			}
		}
	}
	// An offer is what the employer put forward before a deal: an
	// article reporting the agreement or later gives the deal's
	// terms, which its reader may take for an offer.
	if f.Offer != "" && s.offer.inWindow(a) && statusPhaseRank(statusPhase(f.Phase)) < statusPhaseRank(strike.PhaseTentativeAgreement) {
		s.offer.addText(f.Offer, s.statusNorm, a, s.outletAt(i))
	}
	if f.DurationDays > 0 && !a.Published.Before(overSince) {
		if s.lateReport(a, overSince) {
			s.lateDuration = append(s.lateDuration, i)
		} else if s.duration.inWindow(a) {
			k := s.itoa(f.DurationDays)
			s.duration.add(k, k+" days", a, s.outletAt(i))
		}
	}
	if len(f.Demands) > 0 && s.demands.inWindow(a) {
		added := false
		for _, d := range f.Demands {
			if d = strings.TrimSpace(d); d != "" {
				s.demands.addText(d, s.statusNorm, a, s.outletAt(i))
				added = true
			}
		}
		if added {
			s.demandSrcs = statusAddSource(s.demandSrcs, &s.demandOutlets, s.outletAt(i), a, strings.Join(f.Demands, "; "), "demands")
		}
	}
	for _, ev := range f.Events {
		if s.normDate(ev.Date) == "" || strings.TrimSpace(ev.What) == "" {
			continue
		}
		what := s.statusNorm(ev.What)
		ef := s.events[what]
		if ef == nil {
			ef = &statusField{}
			ef.init(strike.FieldNextEvent, "events", statusRecentWindow)
			s.events[what] = ef
			s.eventOrder = append(s.eventOrder, what)
		}
		if ef.inWindow(a) {
			ef.add(ev.Date, strings.TrimSpace(ev.What), a, s.outletAt(i))
		}
	}
}

// startedBest applies the start-date rule: of the dates reported in the
// window, those that more outlets' counts of the strike's length exclude
// than report them are out; the best backed of the rest wins, counting the
// outlets that report it and those whose counts allow it. When none is
// left, older reports are tried the same way. The conflicts are the other
// dates, the dates that contradict their own article's count, and the
// counts that exclude the winner.
func (s *statusSynth) startedBest() (*statusGroup, []strike.FieldSource) {
	win := s.pickStarted(s.started.groups)
	groups := s.started.groups
	if win == nil && (len(s.started.groups) > 0 || len(s.selfConflict) > 0) {
		// Every date of the window is against the counts: look further back.
		var all statusField
		all.init(strike.FieldStarted, "started", 1<<62)
		for i, a := range s.arts {
			k := s.normDate(a.Facts.Started)
			if k == "" || slices.Contains(s.selfConflict, i) || s.ownSpanExcludes(i, k) {
				continue
			}
			all.add(k, a.Facts.Started, a, s.outletAt(i))
		}
		if w := s.pickStarted(all.groups); w != nil {
			win = w
			groups = append(slices.Clone(groups), w)
		}
	}
	var others []strike.FieldSource
	var otherOutlets statusOutlets
	add := func(src strike.FieldSource, outlet int32) {
		if !otherOutlets.add(outlet) {
			return
		}
		others = append(others, src)
	}
	// (The wider look back may pick a day a group of the window holds too:
	// that is no other report.)
	same := func(key string) bool { return win != nil && key == win.key }
	for _, g := range groups {
		if g == win || same(g.key) {
			continue
		}
		for k, src := range g.srcs {
			add(src, g.outlets.ids[k])
		}
	}
	for _, i := range s.selfConflict {
		a := s.arts[i]
		if same(s.normDate(a.Facts.Started)) {
			continue
		}
		add(statusSource(a, a.Facts.Started, "started"), s.outletAt(i))
	}
	if win != nil {
		for _, sp := range s.spans {
			if sp.excludes(win.key) {
				a := s.arts[sp.art]
				src := statusSource(a, sp.value(), "started_latest")
				if src.Sentence == "" {
					src.Sentence = a.Facts.Evidence["started_earliest"]
				}
				add(src, s.outletAt(sp.art))
			}
		}
	}
	slices.SortStableFunc(others, func(a, b strike.FieldSource) int { return b.Published.Compare(a.Published) })
	if len(others) > statusMaxSources {
		others = others[:statusMaxSources]
	}
	return win, others
}

// ownSpanExcludes reports whether arts[i]'s own count excludes day.
func (s *statusSynth) ownSpanExcludes(i int, day string) bool {
	f := &s.arts[i].Facts
	return statusSpan{earliest: s.normDate(f.StartedEarliest), latest: s.normDate(f.StartedLatest)}.excludes(day)
}

// pickStarted returns the best of the candidate start dates that the
// counts of the strike's length do not rule out, or nil.
func (s *statusSynth) pickStarted(groups []*statusGroup) *statusGroup {
	var (
		win        *statusGroup
		winSupport int
	)
	for _, g := range groups {
		var against, allow statusOutlets
		for _, sp := range s.spans {
			o := s.outletAt(sp.art)
			if sp.excludes(g.key) {
				against.add(o)
			} else if !slices.Contains(g.outlets.ids, o) {
				allow.add(o)
			}
		}
		if against.n() > g.outlets.n() {
			continue // several outlets' counts beat fewer outlets' clauses
		}
		support := g.outlets.n() + allow.n()
		if win == nil || support > winSupport || support == winSupport && g.compare(win) < 0 {
			win, winSupport = g, support
		}
	}
	return win
}

// itoa is strconv.Itoa remembering the last number, which repeats.
func (s *statusSynth) itoa(n int) string {
	if n != s.lastInt || s.lastItoa == "" {
		s.lastInt, s.lastItoa = n, strconv.Itoa(n)
	}
	return s.lastItoa
}

// normDate returns date if it is a valid YYYY-MM-DD date, else "".
func (s *statusSynth) normDate(date string) string {
	ok, seen := s.dates[date]
	if !seen {
		_, ok = statusDay(date)
		s.dates[date] = ok
	}
	if ok {
		return date
	}
	return ""
}

// nextEvent applies the next-event rule.
func (s *statusSynth) nextEvent(today string) (*strike.Event, []strike.FieldSource, []strike.FieldSource) {
	var (
		best   *statusGroup
		others []strike.FieldSource
	)
	for _, what := range s.eventOrder {
		g, conflicts := s.events[what].best()
		if g == nil || g.key < today {
			continue
		}
		if best == nil || g.key < best.key || g.key == best.key && g.outlets.n() > best.outlets.n() {
			best, others = g, conflicts
		}
	}
	if best == nil {
		return nil, nil, nil
	}
	return &strike.Event{Date: best.key, What: best.value}, best.srcs, others
}

// statusField gathers the reports of one field, newest first.
type statusField struct {
	field    strike.StatusField
	evidence string // the key of Facts.Evidence
	window   time.Duration
	limit    time.Time // reports before it do not count; zero before the first
	started  bool
	dated    bool // a report of a page with a date of its own was recorded
	groups   []*statusGroup
	byKey    map[string]*statusGroup
	byRaw    map[string]*statusGroup // raw text → its group (addText)
	// lastRaw and lastGroup remember addText's last text.
	lastRaw   string
	lastGroup *statusGroup
}

// statusGroup is the reports of one value of a field.
type statusGroup struct {
	key, value string
	newest     time.Time // of the newest report
	order      int       // order of the first (newest) report among groups
	outlets    statusOutlets
	srcs       []strike.FieldSource
}

func (f *statusField) init(field strike.StatusField, evidence string, window time.Duration) {
	f.field, f.evidence, f.window = field, evidence, window
}

// inWindow reports whether a report by a, taken newest first, still counts.
func (f *statusField) inWindow(a *strike.Article) bool {
	if a.PublishedEstimated && f.dated {
		return false
	}
	return !f.started || !a.Published.Before(f.limit)
}

// add records a's report of the value with normalized key and raw text.
// Reports must come newest first.
func (f *statusField) add(key, raw string, a *strike.Article, outlet int32) {
	if !f.inWindow(a) {
		return
	}
	f.record(f.group(key, raw, a), raw, a, outlet)
}

// addText is add for a raw text whose key is keyOf(raw); it remembers the
// group of each raw text, so that repeated texts cost one lookup.
func (f *statusField) addText(raw string, keyOf func(string) string, a *strike.Article, outlet int32) {
	if !f.inWindow(a) {
		return
	}
	g := f.lastGroup
	if g == nil || raw != f.lastRaw {
		g = f.byRaw[raw]
		if g == nil {
			g = f.group(keyOf(raw), raw, a)
			if f.byRaw == nil {
				f.byRaw = make(map[string]*statusGroup)
			}
			f.byRaw[raw] = g
		}
		f.lastRaw, f.lastGroup = raw, g
	}
	f.record(g, raw, a, outlet)
}

// group returns the group of key, made with a's report of raw if new.
func (f *statusField) group(key, raw string, a *strike.Article) *statusGroup {
	g := f.byKey[key]
	if g == nil {
		if f.byKey == nil {
			f.byKey = make(map[string]*statusGroup)
		}
		g = &statusGroup{key: key, value: raw, newest: a.Published, order: len(f.groups)}
		f.byKey[key] = g
		f.groups = append(f.groups, g)
	}
	return g
}

// record adds a's report to g.
func (f *statusField) record(g *statusGroup, raw string, a *strike.Article, outlet int32) {
	if !f.started {
		f.started = true
		f.limit = a.Published.Add(-f.window)
	}
	f.dated = f.dated || !a.PublishedEstimated
	g.srcs = statusAddSource(g.srcs, &g.outlets, outlet, a, raw, f.evidence)
}

// compare orders groups best first: more outlets, then newer, then first
// seen.
func (g *statusGroup) compare(h *statusGroup) int {
	if c := h.outlets.n() - g.outlets.n(); c != 0 {
		return c
	}
	if c := h.newest.Compare(g.newest); c != 0 {
		return c
	}
	return g.order - h.order
}

// best returns the winning group and the sources of the others, or nil.
func (f *statusField) best() (*statusGroup, []strike.FieldSource) {
	if len(f.groups) == 0 {
		return nil, nil
	}
	win := f.groups[0]
	for _, g := range f.groups[1:] {
		if g.compare(win) < 0 {
			win = g
		}
	}
	return win, f.othersThan(win)
}

// othersThan returns the sources of the groups other than win, newest
// first, at most statusMaxSources of them.
func (f *statusField) othersThan(win *statusGroup) []strike.FieldSource {
	var others []strike.FieldSource
	for _, g := range f.groups {
		if g != win {
			others = append(others, g.srcs...)
		}
	}
	slices.SortStableFunc(others, func(a, b strike.FieldSource) int { return b.Published.Compare(a.Published) })
	if len(others) > statusMaxSources {
		others = others[:statusMaxSources]
	}
	return others
}

// mergeAcronyms folds a group whose value is an acronym ("NUHW") into the
// group of the name it abbreviates.
func (f *statusField) mergeAcronyms() {
	if len(f.groups) < 2 {
		return
	}
	kept := f.groups[:0:0]
	for _, g := range f.groups {
		acr := statusAcronym(g.value)
		var into *statusGroup
		if acr != "" {
			for _, h := range f.groups {
				if h != g && statusAcronym(h.value) == "" && statusInitials(h.value) == acr {
					into = h
					break
				}
			}
		}
		if into == nil {
			kept = append(kept, g)
			continue
		}
		for k, o := range g.outlets.ids {
			if into.outlets.add(o) && k < len(g.srcs) {
				into.srcs = append(into.srcs, g.srcs[k])
			}
		}
		slices.SortStableFunc(into.srcs, func(a, b strike.FieldSource) int { return b.Published.Compare(a.Published) })
		into.srcs = into.srcs[:min(len(into.srcs), statusMaxSources)]
		if g.newest.After(into.newest) {
			into.newest = g.newest
		}
		delete(f.byKey, g.key)
	}
	f.groups = kept
}

// statusAcronym returns v if it is an acronym: two to eight capital letters.
func statusAcronym(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 2 || len(v) > 8 {
		return ""
	}
	for _, c := range []byte(v) {
		if c < 'A' || c > 'Z' {
			return ""
		}
	}
	return v
}

// statusInitials returns the capitalized first letters of v's words, skipping
// short connecting words.
func statusInitials(v string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(v) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "&", "in", "at":
			continue
		}
		r := []rune(w)[0]
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// statusAddSource appends a's report to srcs unless its outlet is already in
// outlets (one source per outlet) or srcs is full; it records the outlet
// either way.
func statusAddSource(srcs []strike.FieldSource, outlets *statusOutlets, outlet int32, a *strike.Article, value, evidence string) []strike.FieldSource {
	if !outlets.add(outlet) || len(srcs) >= statusMaxSources {
		return srcs
	}
	if srcs == nil {
		srcs = make([]strike.FieldSource, 0, statusMaxSources)
	}
	return append(srcs, statusSource(a, value, evidence))
}

// statusOutlets is a set of outlet numbers, in the order added.
type statusOutlets struct {
	ids  []int32
	bits []uint64
}

// add adds o and reports whether it was new.
func (s *statusOutlets) add(o int32) bool {
	w, b := int(o)/64, uint64(1)<<(o%64)
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits))...)
	}
	if s.bits[w]&b != 0 {
		return false
	}
	s.bits[w] |= b
	s.ids = append(s.ids, o)
	return true
}

// n returns the number of outlets in the set.
func (s *statusOutlets) n() int { return len(s.ids) }

func statusSource(a *strike.Article, value, evidence string) strike.FieldSource {
	return strike.FieldSource{
		Value:     value,
		ArticleID: a.ID,
		URL:       a.URL,
		Source:    a.Source,
		Published: a.Published,
		Sentence:  a.Facts.Evidence[evidence],
	}
}

// statusPhaseRank returns the position of phase p in the usual order, or -1.
func statusPhaseRank(p string) int {
	switch p {
	case strike.PhaseThreatened:
		return 0
	case strike.PhaseStrike:
		return 1
	case strike.PhaseMediation:
		return 2
	case strike.PhaseTentativeAgreement:
		return 3
	case strike.PhaseRatified:
		return 4
	case strike.PhaseEnded:
		return 5
	}
	return -1
}

// statusPhase returns the phase constant p names ("Tentative agreement" is
// tentative_agreement), or "".
func statusPhase(p string) string {
	if statusPhaseRank(p) >= 0 {
		return p // the common case: already a constant
	}
	p = strings.ToLower(strings.TrimSpace(p))
	p = strings.NewReplacer(" ", "_", "-", "_").Replace(p)
	if statusPhaseRank(p) >= 0 {
		return p
	}
	return ""
}

// statusNorm returns the form of a text value that equal values share:
// lower-cased words of letters, digits and "%", single spaces, commas
// inside numbers dropped, "percent" written "%", a leading "the" dropped.
func statusNorm(v string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(v)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		case (r == ',' || r == '.') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			if r == '.' {
				cur = append(cur, r)
			}
		case r == '%':
			flush()
			words = append(words, "%")
		default:
			flush()
		}
	}
	flush()
	out := words[:0]
	for i, w := range words {
		if i == 0 && w == "the" && len(words) > 1 {
			continue
		}
		if w == "cent" && len(out) > 0 && out[len(out)-1] == "per" {
			out[len(out)-1] = "%"
			continue
		}
		if w == "percent" || w == "pct" {
			w = "%"
		}
		if w == "%" && len(out) > 0 && statusIsNumber(out[len(out)-1]) {
			out[len(out)-1] += "%"
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func statusIsNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// statusCount parses a whole number written with or without commas.
func statusCount(v string) (int, bool) {
	v = strings.ReplaceAll(strings.TrimSpace(v), ",", "")
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// statusDay parses a YYYY-MM-DD date as midnight UTC.
func statusDay(v string) (time.Time, bool) {
	if len(v) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, v)
	return t, err == nil
}

// statusDaysBetween returns the whole days from a to b, both midnight UTC.
func statusDaysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours()/24 + 0.5)
}
