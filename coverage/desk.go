package coverage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// DeskStore is what a Desk needs from storage; strike.Store satisfies it.
type DeskStore interface {
	ViewStore
	SetCoverage(ctx context.Context, articleID, storyID int64, facts strike.Facts, signature []byte) error
	CoverageState(ctx context.Context, campaignID string) (strike.CoverageState, error)
	SetPhase(ctx context.Context, campaignID, phase string, articleID int64) error
	LockCoverage(ctx context.Context, campaignID string) (release func(), err error)
	MergeStories(ctx context.Context, campaignID string, into int64, from []int64) error
	StoryCoveredBy(ctx context.Context, storyID int64, source string, except int64) (bool, error)
	SaveStory(ctx context.Context, s strike.Story) (int64, error)
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
	MarkProcessed(ctx context.Context, articleIDs []int64) error
}

// EventKind says what an article did to a story.
type EventKind string

// The kinds of story events, from most to least newsworthy.
const (
	// EventNewStory: the article opened a story.
	EventNewStory EventKind = "new_story"
	// EventPhaseChange: the article moved the campaign's strike to a new
	// phase (for example from strike to mediation), whether it opened a
	// story or joined one.
	EventPhaseChange EventKind = "phase_change"
	// EventNewOutlet: an outlet that had not covered the story did.
	EventNewOutlet EventKind = "new_outlet"
	// EventNewFacts: an outlet that had covered it added facts.
	EventNewFacts EventKind = "new_facts"
	// EventNothingNew: another copy with nothing new.
	EventNothingNew EventKind = "nothing_new"
)

// StoryEvent is what happened to a story when an article joined it.
type StoryEvent struct {
	Kind    EventKind
	Story   strike.Story   // the story after the change, without its Articles
	Article strike.Article // the article that joined, with its Facts
	// PrevPhase is the campaign's phase before the article (for EventPhaseChange).
	PrevPhase string
	// Merged are the stories the article showed to report the same event
	// as Story, and that were merged into it.
	Merged []int64
}

// DefaultMaxIndexed bounds how many members a desk keeps in its
// clustering index; beyond it the days farthest from the article at hand
// are dropped (and read again from the store when needed).
const DefaultMaxIndexed = 50_000

// Desk is a campaign's newsroom: it assigns each new relevant article to a
// story (opening one when the event is new, merging stories the article
// shows to be one event), extracts the article's facts, updates the
// story's title, summary and merged facts, and records the campaign's
// phase. Status and answers come from its View.
//
// The store is the desk's memory: stories, their state and the phase live
// there, and several desks (one per process, on replicas sharing a
// PostgreSQL database) take turns through Store.LockCoverage, each first
// catching up with what the others changed. So an article gets the same
// story whichever process handles it, and a phase change is announced
// once. The clustering index holds the members published near the
// articles at hand, read from the store by day as needed, so start-up
// reads nothing and memory stays bounded however long the history.
//
// Each relevant article is handled once, across restarts: its event is
// handed to DeskOptions.OnEvent and only then is the article marked
// processed in the store, so an article whose event was not handed on
// (the process stopped, or OnEvent failed) is handled again by the next
// NewDesk or Sweep.
//
// Create one with NewDesk; it is safe for concurrent use.
type Desk struct {
	store      DeskStore
	campaign   strike.Campaign
	summarizer Summarizer
	extractor  *Extractor
	ours       string // the campaign's union, as the extractor names it
	signer     *Signer
	clusterer  *Clusterer
	view       *View
	now        func() time.Time
	onEvent    func(ctx context.Context, ev StoryEvent) error
	maxIndexed int
	reach      time.Duration

	mu     sync.Mutex // serializes Process in this process; guards below
	seq    int64      // the last coverage change the clusterer holds
	phase  string     // the campaign's phase, as stored
	loaded map[int64]bool
}

// DeskOptions configure a Desk. The zero value is usable.
type DeskOptions struct {
	// Summarizer writes story summaries; Extractive{} when nil.
	Summarizer Summarizer
	// Cluster tunes story clustering; DefaultClusterOptions when zero.
	Cluster ClusterOptions
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// MaxIndexed bounds the clustering index; DefaultMaxIndexed when 0.
	MaxIndexed int
	// ViewRefresh is the View's Refresh (see ViewOptions).
	ViewRefresh time.Duration
	// Phraser is the View's Phraser (see ViewOptions): nil keeps answers
	// extractive.
	Phraser Phraser
	// OnEvent, when set, hands on each article's story event (typically:
	// enqueues its announcements in the outbox) before the article is
	// marked processed. If it returns an error the desk stops there: the
	// article stays unprocessed and the next NewDesk or Sweep emits its
	// event again. So does a crash after OnEvent returned and before the
	// mark was written: OnEvent must be idempotent per article (key what
	// it stores by ev.Article.ID). It is called with the campaign's
	// coverage lock held, one event at a time in the order the articles
	// are handled, and must not call the Desk's Process. When nil, an
	// article is marked processed as soon as its event is made.
	OnEvent func(ctx context.Context, ev StoryEvent) error
}

// NewDesk makes the campaign's desk over the store. It reads the
// campaign's coverage state, then handles, oldest first, every relevant
// article not yet marked processed (stored before a crash, or whose event
// OnEvent did not take), as Sweep does. Each event goes to OnEvent before
// its article is marked processed; NewDesk returns the events too. If
// OnEvent or the store fails, NewDesk returns the error and no Desk.
func NewDesk(ctx context.Context, c strike.Campaign, st DeskStore, o DeskOptions) (*Desk, []StoryEvent, error) {
	if o.Summarizer == nil {
		o.Summarizer = Extractive{}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxIndexed <= 0 {
		o.MaxIndexed = DefaultMaxIndexed
	}
	fo := FactsOptionsFromProfile(c.Relevance)
	d := &Desk{
		store:      st,
		campaign:   c,
		summarizer: o.Summarizer,
		extractor:  NewExtractor(fo),
		signer:     NewSigner(),
		clusterer:  NewClusterer(o.Cluster),
		view:       NewView(c, st, ViewOptions{Now: o.Now, Refresh: o.ViewRefresh, Phraser: o.Phraser}),
		now:        o.Now,
		onEvent:    o.OnEvent,
		maxIndexed: o.MaxIndexed,
		loaded:     make(map[int64]bool),
	}
	if len(fo.Unions) > 0 {
		d.ours = fo.Unions[0]
	}
	d.reach = d.clusterer.Options().Reach()
	events, err := d.Sweep(ctx, 0)
	if err != nil {
		return nil, nil, err
	}
	return d, events, nil
}

// View returns the desk's view: status and answers.
func (d *Desk) View() *View { return d.view }

// Status is the View's Status.
func (d *Desk) Status(ctx context.Context) (strike.Status, error) { return d.view.Status(ctx) }

// Ask is the View's Ask.
func (d *Desk) Ask(ctx context.Context, question string) (Answer, error) {
	return d.view.Ask(ctx, question)
}

// Sweep handles the campaign's relevant articles that are stored but not
// processed and were first seen at least olderThan ago (0: all of them):
// those of a process that stopped before handling them, or whose event
// OnEvent did not take. Replicas may sweep at once: each article is
// handled by one.
func (d *Desk) Sweep(ctx context.Context, olderThan time.Duration) ([]StoryEvent, error) {
	pending, err := d.store.Articles(ctx, strike.ArticleFilter{CampaignID: d.campaign.ID,
		Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}, Unprocessed: true})
	if err != nil {
		return nil, fmt.Errorf("coverage: load unprocessed articles of %s: %w", d.campaign.ID, err)
	}
	if olderThan > 0 {
		cut := d.now().Add(-olderThan)
		pending = slices.DeleteFunc(pending, func(a strike.Article) bool { return a.FirstSeen.After(cut) })
	}
	return d.process(ctx, pending, true)
}

// Process handles newly stored articles of the campaign, in order of
// publication. Articles of tier none and of other campaigns are skipped.
// For each relevant article it makes a story event, hands it to OnEvent,
// then marks the article processed in the store.
//
// An article without a story is assigned to one: the story of the
// articles it reports one event with (merging their stories when they
// are several), or a new one. An article that already has one (its
// handling was cut short after the assignment) is not clustered again:
// its event is rebuilt as best known.
//
// It returns the events handed on, in order. On an error (from the store
// or OnEvent) it stops and returns those events with the error; the
// article at hand and the rest stay unprocessed, and the next NewDesk or
// Sweep handles them. An event whose OnEvent succeeded but whose mark
// failed is returned, and handed on again later.
func (d *Desk) Process(ctx context.Context, articles []strike.Article) ([]StoryEvent, error) {
	return d.process(ctx, articles, false)
}

// prepared is an article with what is read from its text outside the lock.
type prepared struct {
	a    strike.Article
	fp   Fingerprint
	blob []byte
}

func (d *Desk) process(ctx context.Context, articles []strike.Article, recheck bool) ([]StoryEvent, error) {
	var todo []prepared
	for _, a := range articles {
		if !a.Relevance.Tier.Announceable() || a.CampaignID != d.campaign.ID {
			continue
		}
		todo = append(todo, prepared{a: a})
	}
	if len(todo) == 0 {
		return nil, nil
	}
	// Feeds list newest first; events make sense in the order things
	// happened.
	slices.SortStableFunc(todo, func(x, y prepared) int {
		if c := x.a.Published.Compare(y.a.Published); c != 0 {
			return c
		}
		return cmp.Compare(x.a.ID, y.a.ID)
	})
	// Reading the text is the costly part; it needs no lock.
	for i := range todo {
		p := &todo[i]
		if p.a.StoryID == 0 || p.a.Facts.Evidence == nil {
			p.a.Facts = d.extractor.Extract(&p.a)
		}
		p.fp = Fingerprint{Sig: d.signer.Sign(&p.a), Event: EventOf(&p.a, p.a.Facts, d.ours)}
		p.blob, _ = p.fp.MarshalBinary()
	}

	d.mu.Lock()
	defer d.mu.Unlock()
	release, err := d.store.LockCoverage(ctx, d.campaign.ID)
	if err != nil {
		return nil, fmt.Errorf("coverage: %w", err)
	}
	defer release()
	defer d.view.Invalidate()
	if err := d.catchUp(ctx); err != nil {
		return nil, err
	}
	if recheck {
		if todo, err = d.stillUnprocessed(ctx, todo); err != nil {
			return nil, err
		}
	}
	var events []StoryEvent
	for _, p := range todo {
		var ev StoryEvent
		var err error
		if p.a.StoryID != 0 {
			ev, err = d.resume(ctx, p)
		} else {
			ev, err = d.assign(ctx, p)
		}
		if err != nil {
			return events, err
		}
		if d.onEvent != nil {
			if err := d.onEvent(ctx, ev); err != nil {
				// The phase it carried is not recorded: its announcement
				// comes again with the article.
				return events, fmt.Errorf("coverage: hand on event of article %d: %w", p.a.ID, err)
			}
		}
		if ev.Kind == EventPhaseChange {
			if err := d.store.SetPhase(ctx, d.campaign.ID, ev.Article.Facts.Phase, ev.Article.ID); err != nil {
				return events, fmt.Errorf("coverage: record phase of %s: %w", d.campaign.ID, err)
			}
			d.phase = ev.Article.Facts.Phase
		}
		events = append(events, ev)
		if err := d.store.MarkProcessed(ctx, []int64{p.a.ID}); err != nil {
			return events, fmt.Errorf("coverage: mark article %d processed: %w", p.a.ID, err)
		}
	}
	return events, nil
}

// stillUnprocessed drops the articles another process handled meanwhile.
func (d *Desk) stillUnprocessed(ctx context.Context, todo []prepared) ([]prepared, error) {
	ids := make([]int64, len(todo))
	for i, p := range todo {
		ids[i] = p.a.ID
	}
	left, err := d.store.Articles(ctx, strike.ArticleFilter{CampaignID: d.campaign.ID, IDs: ids, Unprocessed: true})
	if err != nil {
		return nil, fmt.Errorf("coverage: recheck unprocessed articles: %w", err)
	}
	keep := make(map[int64]int64, len(left))
	for _, a := range left {
		keep[a.ID] = a.StoryID
	}
	out := todo[:0]
	for _, p := range todo {
		if story, ok := keep[p.a.ID]; ok {
			p.a.StoryID = story
			out = append(out, p)
		}
	}
	return out, nil
}

// catchUp applies the coverage changes other processes made since this
// desk last looked, and reads the stored phase. The lock is held.
func (d *Desk) catchUp(ctx context.Context) error {
	st, err := d.store.CoverageState(ctx, d.campaign.ID)
	if err != nil {
		return fmt.Errorf("coverage: state of %s: %w", d.campaign.ID, err)
	}
	d.phase = st.Phase
	for d.seq < st.Seq {
		changes, err := d.store.CoverageChanges(ctx, d.campaign.ID, d.seq, changesPage)
		if err != nil {
			return fmt.Errorf("coverage: changes of %s: %w", d.campaign.ID, err)
		}
		for _, m := range changes {
			d.seq = max(d.seq, m.Seq)
			if d.loaded[dayOfTime(m.Published)] {
				d.addMember(m)
			}
		}
		if len(changes) < changesPage {
			break
		}
	}
	d.seq = max(d.seq, st.Seq)
	return nil
}

// addMember puts a stored member into the clustering index.
func (d *Desk) addMember(m strike.StoryMember) {
	var fp Fingerprint
	if err := fp.UnmarshalBinary(m.Signature); err != nil {
		return // an article signed by no known version: it matches nothing
	}
	d.clusterer.Add(Member{ArticleID: m.ArticleID, StoryID: m.StoryID, Published: m.Published, Sig: fp.Sig,
		Title: m.Title, Tier: m.Tier, Event: fp.Event})
}

func dayOfTime(t time.Time) int64 { return t.Unix() / 86400 }

// ensureLoaded reads into the index the stored members published within
// the clustering reach of at, by whole days not read before. The lock is
// held.
func (d *Desk) ensureLoaded(ctx context.Context, at time.Time) error {
	first, last := dayOfTime(at.Add(-d.reach)), dayOfTime(at.Add(d.reach))
	for day := first; day <= last; day++ {
		if d.loaded[day] {
			continue
		}
		end := day
		for end+1 <= last && !d.loaded[end+1] {
			end++
		}
		ms, err := d.store.StoryMembers(ctx, d.campaign.ID, time.Unix(day*86400, 0), time.Unix((end+1)*86400, 0))
		if err != nil {
			return fmt.Errorf("coverage: members of %s near %s: %w", d.campaign.ID, at.Format(time.DateOnly), err)
		}
		for _, m := range ms {
			d.addMember(m)
		}
		for x := day; x <= end; x++ {
			d.loaded[x] = true
		}
		day = end
	}
	if d.clusterer.Len() > d.maxIndexed {
		// Keep the days nearest the article at hand.
		keepFrom, keepTo := first-(last-first), last+(last-first)
		d.clusterer.Retain(func(day int64) bool { return day >= keepFrom && day <= keepTo })
		for day := range d.loaded {
			if day < keepFrom || day > keepTo {
				delete(d.loaded, day)
			}
		}
	}
	return nil
}

// assign clusters a new article, records it and updates its story. The
// lock is held.
func (d *Desk) assign(ctx context.Context, p prepared) (StoryEvent, error) {
	a := p.a
	if err := d.ensureLoaded(ctx, a.Published); err != nil {
		return StoryEvent{}, err
	}
	m := Member{ArticleID: a.ID, Published: a.Published, Sig: p.fp.Sig, Title: a.Title, Tier: a.Relevance.Tier, Event: p.fp.Event}
	ids := d.clusterer.Match(&m)
	var (
		s      strike.Story
		state  storyState
		before strike.Facts
		fresh  = len(ids) == 0
		merged []int64
	)
	if fresh {
		s = strike.Story{CampaignID: a.CampaignID, Title: a.Title, Tier: a.Relevance.Tier, FirstSeen: a.Published, Updated: d.now()}
		id, err := d.store.SaveStory(ctx, s)
		if err != nil {
			return StoryEvent{}, fmt.Errorf("coverage: open story: %w", err)
		}
		s.ID = id
	} else {
		stories, err := d.store.Stories(ctx, strike.StoryFilter{IDs: ids, MaxArticles: -1})
		if err != nil {
			return StoryEvent{}, fmt.Errorf("coverage: load stories %v: %w", ids, err)
		}
		if len(stories) == 0 {
			return StoryEvent{}, fmt.Errorf("coverage: stories %v: %w", ids, strike.ErrNotFound)
		}
		// The oldest story survives; the others are merged into it.
		slices.SortFunc(stories, func(x, y strike.Story) int { return cmp.Compare(x.ID, y.ID) })
		s = stories[0]
		if state, err = d.stateOf(ctx, s); err != nil {
			return StoryEvent{}, err
		}
		before = s.Facts
		for _, o := range stories[1:] {
			ost, err := d.stateOf(ctx, o)
			if err != nil {
				return StoryEvent{}, err
			}
			state.absorb(&s, o, ost)
			merged = append(merged, o.ID)
		}
		if len(merged) > 0 {
			if err := d.store.MergeStories(ctx, d.campaign.ID, s.ID, merged); err != nil {
				return StoryEvent{}, fmt.Errorf("coverage: merge stories: %w", err)
			}
			for _, id := range merged {
				d.clusterer.Relabel(id, s.ID)
			}
		}
	}
	if err := d.store.SetCoverage(ctx, a.ID, s.ID, a.Facts, p.blob); err != nil {
		return StoryEvent{}, fmt.Errorf("coverage: record article %d: %w", a.ID, err)
	}
	a.StoryID = s.ID
	m.StoryID = s.ID
	d.clusterer.Add(m)

	coveredBefore := false
	if !fresh {
		var err error
		if coveredBefore, err = d.store.StoryCoveredBy(ctx, s.ID, a.Source, a.ID); err != nil {
			return StoryEvent{}, err
		}
	}
	ch := state.apply(&s, &a)
	s.Members++
	if err := d.saveStory(ctx, &s, state, ch, &a, fresh || len(merged) > 0); err != nil {
		return StoryEvent{}, err
	}
	ev := StoryEvent{Story: s, Article: a, PrevPhase: d.phase, Merged: merged}
	switch {
	case d.movesPhase(a):
		ev.Kind = EventPhaseChange
	case fresh:
		ev.Kind = EventNewStory
	case !coveredBefore:
		ev.Kind = EventNewOutlet
	case !factsEqual(before, s.Facts):
		ev.Kind = EventNewFacts
	default:
		ev.Kind = EventNothingNew
	}
	return ev, nil
}

// stateOf returns a story's state, rebuilding it from the members for a
// story stored by a build that kept none.
func (d *Desk) stateOf(ctx context.Context, s strike.Story) (storyState, error) {
	if s.Coverage != nil || s.Members == 0 {
		return decodeState(s.Coverage)
	}
	members, err := d.store.Articles(ctx, strike.ArticleFilter{StoryID: s.ID})
	if err != nil {
		return storyState{}, fmt.Errorf("coverage: load members of story %d: %w", s.ID, err)
	}
	var st storyState
	var facts strike.Facts
	for i := range members {
		rebuilt := strike.Story{Facts: facts}
		st.apply(&rebuilt, &members[i])
		facts = rebuilt.Facts
	}
	return st, nil
}

// saveStory chooses the story's headline and summary again when the
// members they come from changed, and saves the story. a is the article
// at hand, whose text is in memory.
func (d *Desk) saveStory(ctx context.Context, s *strike.Story, st storyState, ch stateChange, a *strike.Article, force bool) error {
	if ch.titles || force {
		titles := make([]string, 0, len(st.Titles))
		for _, r := range st.Titles {
			titles = append(titles, r.Title)
		}
		if t := StoryTitle(titles); t != "" {
			s.Title = t
		}
	}
	if ch.summary || force {
		members, err := d.summaryMembers(ctx, st, a)
		if err != nil {
			return err
		}
		if sum, err := d.summarizer.Summarize(ctx, *s, members); err == nil {
			s.Summary, s.SummarySources = sum.Text, sum.Sentences
			if sum.Headline != "" {
				s.Title = sum.Headline
			}
		}
	}
	s.Updated = d.now()
	s.Coverage = st.encode()
	if _, err := d.store.SaveStory(ctx, *s); err != nil {
		return fmt.Errorf("coverage: save story %d: %w", s.ID, err)
	}
	return nil
}

// summaryMembers returns the articles the summary is made from, with
// their text: a from memory, the others from the store.
func (d *Desk) summaryMembers(ctx context.Context, st storyState, a *strike.Article) ([]strike.Article, error) {
	var ids []int64
	for _, r := range st.Summary {
		if r.ID != a.ID {
			ids = append(ids, r.ID)
		}
	}
	var out []strike.Article
	if len(ids) > 0 {
		var err error
		if out, err = d.store.Articles(ctx, strike.ArticleFilter{IDs: ids}); err != nil {
			return nil, fmt.Errorf("coverage: load summary members: %w", err)
		}
	}
	if slices.ContainsFunc(st.Summary, func(r memberRef) bool { return r.ID == a.ID }) {
		out = append(out, *a)
	}
	return out, nil
}

// movesPhase reports whether a core article moves the campaign to a later
// phase than the one recorded. Phases never move back: a later recap of
// the strike's start does not undo a tentative agreement. The move is
// recorded (Store.SetPhase) once its event was handed on.
func (d *Desk) movesPhase(a strike.Article) bool {
	return a.Relevance.Tier == strike.TierCore && factsPhaseRank(a.Facts.Phase) > factsPhaseRank(d.phase)
}

// resume rebuilds the event of an article that was assigned to a story
// but not marked processed: the story is not clustered again, and the
// event is judged by the story's members published before the article.
func (d *Desk) resume(ctx context.Context, p prepared) (StoryEvent, error) {
	a := p.a
	if d.loaded[dayOfTime(a.Published)] {
		d.clusterer.Add(Member{ArticleID: a.ID, StoryID: a.StoryID, Published: a.Published, Sig: p.fp.Sig, Title: a.Title,
			Tier: a.Relevance.Tier, Event: p.fp.Event})
	}
	stories, err := d.store.Stories(ctx, strike.StoryFilter{IDs: []int64{a.StoryID}, MaxArticles: 1})
	if err != nil {
		return StoryEvent{}, fmt.Errorf("coverage: load story %d: %w", a.StoryID, err)
	}
	if len(stories) == 0 {
		return StoryEvent{}, fmt.Errorf("coverage: story %d: %w", a.StoryID, strike.ErrNotFound)
	}
	s := stories[0]
	state, err := d.stateOf(ctx, s)
	if err != nil {
		return StoryEvent{}, err
	}
	first := len(s.Articles) == 0 || s.Articles[0].ID == a.ID
	covered, err := d.store.StoryCoveredBy(ctx, s.ID, a.Source, a.ID)
	if err != nil {
		return StoryEvent{}, err
	}
	// The crash may have come before the story took the article in.
	if ch := state.apply(&s, &a); ch.titles || ch.summary || !bytesEqual(state.encode(), s.Coverage) {
		s.Members++
		if err := d.saveStory(ctx, &s, state, ch, &a, false); err != nil {
			return StoryEvent{}, err
		}
	}
	s.Articles = nil
	ev := StoryEvent{Story: s, Article: a, PrevPhase: d.phase}
	switch {
	case d.movesPhase(a):
		ev.Kind = EventPhaseChange
	case first:
		ev.Kind = EventNewStory
	case !covered:
		ev.Kind = EventNewOutlet
	default:
		ev.Kind = EventNothingNew
	}
	return ev, nil
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// CampaignStatus loads a campaign's core articles and pins and synthesizes
// its status as of now.
func CampaignStatus(ctx context.Context, st ViewStore, c strike.Campaign, now time.Time) (strike.Status, error) {
	return NewView(c, st, ViewOptions{Now: func() time.Time { return now }, Refresh: -1}).Status(ctx)
}

// cachedStatus is the last synthesis and what it was made from.
type cachedStatus struct {
	valid  bool
	key    statusKey
	status strike.Status
}

type statusKey struct {
	seq    int64  // the last coverage change seen
	core   int    // core articles known
	pins   string // the pins, as pinsDigest writes them
	minute int64  // Now, to the minute
}

// pinsDigest is a string that changes whenever any pin does.
func pinsDigest(pins []strike.Pin) string {
	var b strings.Builder
	for _, p := range pins {
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%d\x01", p.Field, p.Value, p.SetBy, p.SetAt.UnixNano())
	}
	return b.String()
}

func factsEqual(a, b strike.Facts) bool {
	return a.Phase == b.Phase && a.Workers == b.Workers && a.Union == b.Union && a.Employer == b.Employer &&
		a.Started == b.Started && a.DurationDays == b.DurationDays && a.Offer == b.Offer &&
		slices.Equal(a.Demands, b.Demands) && slices.Equal(a.Events, b.Events)
}
