package coverage

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
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
	SaveCoverage(ctx context.Context, cs []strike.ArticleCoverage, stories []strike.Story) error
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
	MarkProcessed(ctx context.Context, articleIDs []int64) error
	SaveVerdict(ctx context.Context, v strike.Verdict, reasons []string) (strike.Verdict, error)
	Verdicts(ctx context.Context, campaignID string) ([]strike.Verdict, error)
	Article(ctx context.Context, id int64) (strike.Article, error)
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
	// EventWithdrawn: a captain ruled the article (or the article it
	// copies) not strike news, and it left Story; its posts are to be
	// retracted, and the whole story's when no member is left
	// (Story.Members is 0).
	EventWithdrawn EventKind = "withdrawn"
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
	// Verdict is the captain's verdict on Article that the event follows
	// (strike.Verdict.ID), 0 when coverage alone made it: an article a
	// captain ruled strike news is announced anew, even if its earlier
	// posts were retracted.
	Verdict int64
}

// DefaultMaxIndexed bounds how many members a desk keeps in its
// clustering index (about two kilobytes each); beyond it the days used
// least recently are dropped, and read again from the store when an
// article needs them. So memory stays flat however long the history,
// while the few months a backlog or live news touch stay in memory.
const DefaultMaxIndexed = 20_000

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
	retainAt   int // the index's size that makes ensureLoaded drop days
	reach      time.Duration

	qmu      sync.Mutex // guards queue and handling
	queue    []*deskReq // Process calls waiting to be handled together
	handling bool       // a Process call is handling the queue

	mu      sync.Mutex             // serializes Process in this process; guards below
	seq     int64                  // the last coverage change the clusterer holds
	phase   string                 // the campaign's phase, as stored
	loaded  map[int64]int64        // days in the index → when last used (uses)
	uses    int64                  // ensureLoaded calls so far
	stories map[int64]*cachedStory // as last saved, while no other process changed any
	rulings rulings                // captains' verdicts in force, as last read
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
	fo.Location = c.Location
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
		retainAt:   o.MaxIndexed,
		loaded:     make(map[int64]int64),
	}
	if len(fo.Unions) > 0 {
		d.ours = fo.Unions[0]
	}
	d.reach = d.clusterer.Options().Reach()
	// Nothing is in the index yet: what was changed before now is read
	// from the store with the days it falls on, not replayed.
	state, err := st.CoverageState(ctx, c.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("coverage: state of %s: %w", c.ID, err)
	}
	d.seq, d.phase = state.Seq, state.Phase
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
	return d.process(ctx, pending)
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
	return d.process(ctx, articles)
}

// prepared is an article with what is read from its text outside the lock.
type prepared struct {
	a    strike.Article
	fp   Fingerprint
	blob []byte
}

// batch is what one pass over articles (under the coverage lock) changes:
// the stories it touched, in memory until flush saves them with the
// articles' coverage in one transaction.
type batch struct {
	works    map[int64]*storyWork
	order    []int64 // story IDs in the order first touched
	coverage []strike.ArticleCoverage
	articles map[int64]*strike.Article // the batch's articles, with their text
	events   []batchEvent
}

// storyWork is a story being updated.
type storyWork struct {
	s     strike.Story
	state storyState
	ch    stateChange
	force bool            // choose headline and summary again
	added map[string]bool // outlets of the batch's articles
}

// batchEvent is an event whose Story is filled in once the batch is
// saved.
type batchEvent struct {
	ev    StoryEvent
	story int64
}

// cachedStory is a story as last saved, with its state.
type cachedStory struct {
	s     strike.Story
	state storyState
}

// maxCachedStories bounds the desk's cache of stories.
const maxCachedStories = 500

func (d *Desk) process(ctx context.Context, articles []strike.Article) ([]StoryEvent, error) {
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
		d.prepare(&todo[i])
	}
	return d.queued(ctx, todo)
}

// deskReq is one Process call waiting for the lock, its articles read.
type deskReq struct {
	ctx    context.Context
	todo   []prepared
	events []StoryEvent
	err    error
	done   chan struct{}
}

// maxQueuedCalls bounds how many Process calls are handled together.
const maxQueuedCalls = 64

// queued hands todo to the desk. Calls that arrive while another is
// being handled wait and are handled together, by the first of them, in
// one pass under the lock: one catch-up, one transaction for the
// stories, one mark; each call gets the events of its own articles. No
// goroutine is started.
func (d *Desk) queued(ctx context.Context, todo []prepared) ([]StoryEvent, error) {
	req := &deskReq{ctx: ctx, todo: todo, done: make(chan struct{})}
	d.qmu.Lock()
	d.queue = append(d.queue, req)
	if d.handling {
		d.qmu.Unlock()
		<-req.done // the handler answers every call it takes
		return req.events, req.err
	}
	d.handling = true
	for len(d.queue) > 0 {
		n := min(len(d.queue), maxQueuedCalls)
		calls := slices.Clone(d.queue[:n])
		d.queue = slices.Delete(d.queue, 0, n)
		d.qmu.Unlock()
		d.handleCalls(calls)
		d.qmu.Lock()
	}
	d.handling = false
	d.qmu.Unlock()
	return req.events, req.err
}

// handleCalls handles the calls' articles in one pass and answers each.
func (d *Desk) handleCalls(calls []*deskReq) {
	defer func() {
		for _, c := range calls {
			close(c.done)
		}
	}()
	var live []*deskReq
	var todo []prepared
	for _, c := range calls {
		if err := c.ctx.Err(); err != nil {
			c.err = err // its articles stay unprocessed, for a sweep
			continue
		}
		live = append(live, c)
		todo = append(todo, c.todo...)
	}
	if len(live) == 0 {
		return
	}
	ctx := live[0].ctx
	if len(live) > 1 {
		// One call going away must not fail the others.
		ctx = context.WithoutCancel(ctx)
		slices.SortStableFunc(todo, func(x, y prepared) int {
			if c := x.a.Published.Compare(y.a.Published); c != 0 {
				return c
			}
			return cmp.Compare(x.a.ID, y.a.ID)
		})
	}
	events, err := d.handleLocked(ctx, todo)
	owner := make(map[int64]*deskReq, len(todo))
	for _, c := range live {
		for i := range c.todo {
			owner[c.todo[i].a.ID] = c
		}
	}
	for _, ev := range events {
		if c := owner[ev.Article.ID]; c != nil {
			c.events = append(c.events, ev)
		}
	}
	for _, c := range live {
		c.err = err
	}
}

// handleLocked takes the locks, catches up and handles todo.
func (d *Desk) handleLocked(ctx context.Context, todo []prepared) ([]StoryEvent, error) {
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
	// Another desk (a replica's sweep, or this process's at start) may
	// have handled some of them meanwhile.
	if todo, err = d.stillUnprocessed(ctx, todo); err != nil {
		return nil, err
	}
	return d.handle(ctx, todo)
}

// prepare reads what is needed of the articles' text, outside the lock.
func (d *Desk) prepare(p *prepared) {
	if p.a.StoryID == 0 || p.a.Facts.Evidence == nil {
		if p.a.Relevance.Tier == strike.TierCore {
			// About the campaign: its facts are the campaign's strike's.
			p.a.Facts = d.extractor.ExtractCampaign(&p.a)
		} else {
			p.a.Facts = d.extractor.Extract(&p.a)
		}
		if p.a.Relevance.Tier == strike.TierCore && d.ours != "" {
			// About the campaign: its union is the campaign's, whether the
			// article names none ("the union for 2,400 striking workers",
			// an op-ed) or names another union's strike beside it (an
			// anniversary piece that recalls the nurses' walkout of the
			// week before). The relevance verdict already read which
			// union's workers the article is about.
			p.a.Facts.Union = d.ours
		}
	}
	p.fp = Fingerprint{Sig: d.signer.Sign(&p.a), Event: EventOf(&p.a, p.a.Facts, d.ours)}
	p.blob, _ = p.fp.MarshalBinary()
}

// handle assigns the unprocessed articles todo (in order) to stories,
// saves the stories, hands their events on and marks the articles
// processed. The lock is held and the desk caught up.
func (d *Desk) handle(ctx context.Context, todo []prepared) ([]StoryEvent, error) {
	b := &batch{works: make(map[int64]*storyWork), articles: make(map[int64]*strike.Article, len(todo))}
	phase := d.phase // as the batch's events will have moved it
	var copies []int64
	for i := range todo {
		p := &todo[i]
		if p.a.StoryID == 0 {
			copied, err := d.followRuling(ctx, p)
			if err != nil {
				d.stories = nil
				return nil, err
			}
			if copied {
				copies = append(copies, p.a.ID)
				continue
			}
		}
		b.articles[p.a.ID] = &p.a
		var err error
		if p.a.StoryID != 0 {
			err = d.resume(ctx, b, p, &phase)
		} else {
			err = d.assign(ctx, b, p, &phase)
		}
		if err != nil {
			d.stories = nil // what is in memory may not be what was saved
			return nil, err
		}
	}
	if err := d.flush(ctx, b); err != nil {
		d.stories = nil
		return nil, err
	}
	for i := range b.events {
		b.events[i].ev.Verdict = d.rulings.own(b.events[i].ev.Article.ID)
	}

	var events []StoryEvent
	done := copies
	defer func() {
		// Our own changes are not news to this desk; the next catch-up
		// starts after them.
		if st, err := d.store.CoverageState(ctx, d.campaign.ID); err == nil {
			d.seq = st.Seq
		}
	}()
	mark := func() error {
		if err := d.store.MarkProcessed(ctx, done); err != nil {
			return fmt.Errorf("coverage: mark %d articles processed: %w", len(done), err)
		}
		return nil
	}
	for _, be := range b.events {
		ev := be.ev
		if d.onEvent != nil {
			if err := d.onEvent(ctx, ev); err != nil {
				// The phase it carried is not recorded: its announcement
				// comes again with the article.
				err = fmt.Errorf("coverage: hand on event of article %d: %w", ev.Article.ID, err)
				return events, errors.Join(err, mark())
			}
		}
		if ev.Kind == EventPhaseChange {
			if err := d.store.SetPhase(ctx, d.campaign.ID, ev.Article.Facts.Phase, ev.Article.ID); err != nil {
				err = fmt.Errorf("coverage: record phase of %s: %w", d.campaign.ID, err)
				return events, errors.Join(err, mark())
			}
			d.phase = ev.Article.Facts.Phase
		}
		events = append(events, ev)
		done = append(done, ev.Article.ID)
	}
	return events, mark()
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
	if d.seq < st.Seq {
		d.stories = nil // another process changed stories
	}
	for d.seq < st.Seq {
		changes, err := d.store.CoverageChanges(ctx, d.campaign.ID, d.seq, changesPage)
		if err != nil {
			return fmt.Errorf("coverage: changes of %s: %w", d.campaign.ID, err)
		}
		for _, m := range changes {
			d.seq = max(d.seq, m.Seq)
			switch {
			case m.StoryID == 0: // it left its story (a captain's verdict)
				d.clusterer.Remove(m.ArticleID)
			case d.isLoaded(dayOfTime(m.Published)):
				d.addMember(m)
			}
		}
		if len(changes) < changesPage {
			break
		}
	}
	d.seq = max(d.seq, st.Seq)
	return d.rulings.load(ctx, d.store, d.campaign.ID)
}

// addMember puts a stored member into the clustering index.
func (d *Desk) addMember(m strike.StoryMember) {
	var fp Fingerprint
	if err := fp.UnmarshalBinary(m.Signature); err != nil {
		return // an article signed by no known version: it matches nothing
	}
	d.clusterer.Add(Member{ArticleID: m.ArticleID, StoryID: m.StoryID, Published: m.Published, Sig: fp.Sig,
		Title: m.Title, Tier: m.Tier, Event: fp.Event, Estimated: m.PublishedEstimated})
}

func dayOfTime(t time.Time) int64 { return t.Unix() / 86400 }

// ensureLoaded reads into the index the stored members published within
// the clustering reach of at, by whole days not read before, and drops
// the days used least recently when the index outgrows maxIndexed. The
// lock is held.
func (d *Desk) ensureLoaded(ctx context.Context, at time.Time) error {
	first, last := dayOfTime(at.Add(-d.reach)), dayOfTime(at.Add(d.reach))
	d.uses++
	for day := first; day <= last; day++ {
		if _, ok := d.loaded[day]; ok {
			d.loaded[day] = d.uses
			continue
		}
		end := day
		for end+1 <= last && !d.isLoaded(end+1) {
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
			d.loaded[x] = d.uses
		}
		day = end
	}
	if d.clusterer.Len() > d.retainAt {
		d.dropDays(first, last)
	}
	return nil
}

// isLoaded reports whether the day's stored members are in the index.
func (d *Desk) isLoaded(day int64) bool {
	_, ok := d.loaded[day]
	return ok
}

// dropDays shrinks the index to three quarters of maxIndexed by dropping
// the days used least recently, never those from first to last (the
// reach of the article at hand). If those alone hold more, the index
// keeps them, and drops again only once it has grown by a quarter of
// maxIndexed, so that a dense month costs one rebuild per quarter, not
// one per article.
func (d *Desk) dropDays(first, last int64) {
	perDay := d.clusterer.DayCounts()
	days := make([]int64, 0, len(d.loaded))
	n := 0
	for day := range d.loaded {
		if day >= first && day <= last {
			n += perDay[day]
			continue
		}
		days = append(days, day)
	}
	// Most recently used first; among days used together, nearest the
	// article at hand first.
	dist := func(day int64) int64 {
		if day < first {
			return first - day
		}
		return day - last
	}
	slices.SortFunc(days, func(a, b int64) int {
		if c := cmp.Compare(d.loaded[b], d.loaded[a]); c != 0 {
			return c
		}
		return cmp.Compare(dist(a), dist(b))
	})
	keep := make(map[int64]bool, len(days))
	for _, day := range days {
		if n+perDay[day] > d.maxIndexed*3/4 {
			break
		}
		n += perDay[day]
		keep[day] = true
	}
	d.clusterer.Retain(func(day int64) bool { return (day >= first && day <= last) || keep[day] })
	for _, day := range days {
		if !keep[day] {
			delete(d.loaded, day)
		}
	}
	d.retainAt = max(d.maxIndexed, d.clusterer.Len()+d.maxIndexed/4)
}

// work returns the story being updated in the batch, loading it (from the
// desk's cache, else the store) the first time.
func (d *Desk) work(ctx context.Context, b *batch, ids []int64) ([]*storyWork, error) {
	var out []*storyWork
	var missing []int64
	for _, id := range ids {
		if w := b.works[id]; w != nil {
			out = append(out, w)
		} else if c := d.stories[id]; c != nil {
			w := &storyWork{s: c.s, state: c.state}
			w.state.FactsAt = maps.Clone(c.state.FactsAt)
			w.state.Titles, w.state.Summary, w.state.Outlets = slices.Clone(c.state.Titles), slices.Clone(c.state.Summary), slices.Clone(c.state.Outlets)
			w.s.Facts = cloneFacts(c.s.Facts)
			w.s.Outlets = slices.Clone(c.s.Outlets)
			b.add(w)
			out = append(out, w)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		stories, err := d.store.Stories(ctx, strike.StoryFilter{IDs: missing, MaxArticles: -1})
		if err != nil {
			return nil, fmt.Errorf("coverage: load stories %v: %w", missing, err)
		}
		for _, s := range stories {
			if w := b.works[s.ID]; w != nil { // a merged ID led to a story at hand
				out = append(out, w)
				continue
			}
			st, err := d.stateOf(ctx, s)
			if err != nil {
				return nil, err
			}
			w := &storyWork{s: s, state: st}
			b.add(w)
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(x, y *storyWork) int { return cmp.Compare(x.s.ID, y.s.ID) })
	return slices.CompactFunc(out, func(x, y *storyWork) bool { return x == y }), nil
}

func (b *batch) add(w *storyWork) {
	b.works[w.s.ID] = w
	b.order = append(b.order, w.s.ID)
}

func cloneFacts(f strike.Facts) strike.Facts {
	f.Demands = slices.Clone(f.Demands)
	f.Events = slices.Clone(f.Events)
	f.Evidence = maps.Clone(f.Evidence)
	return f
}

// assign clusters a new article and updates its story in the batch. The
// lock is held.
func (d *Desk) assign(ctx context.Context, b *batch, p *prepared, phase *string) error {
	a := &p.a
	if err := d.ensureLoaded(ctx, a.Published); err != nil {
		return err
	}
	m := Member{ArticleID: a.ID, Published: a.Published, Sig: p.fp.Sig, Title: a.Title, Tier: a.Relevance.Tier, Event: p.fp.Event,
		Estimated: a.PublishedEstimated}
	ids := d.clusterer.Match(&m)
	var (
		w      *storyWork
		merged []int64
		fresh  = len(ids) == 0
	)
	if fresh {
		s := strike.Story{CampaignID: a.CampaignID, Title: a.Title, Tier: a.Relevance.Tier, FirstSeen: a.Published, Updated: d.now()}
		id, err := d.store.SaveStory(ctx, s)
		if err != nil {
			return fmt.Errorf("coverage: open story: %w", err)
		}
		s.ID = id
		w = &storyWork{s: s, force: true}
		b.add(w)
	} else {
		works, err := d.work(ctx, b, ids)
		if err != nil {
			return err
		}
		if len(works) == 0 {
			return fmt.Errorf("coverage: stories %v: %w", ids, strike.ErrNotFound)
		}
		// The oldest story survives; the others are merged into it.
		w = works[0]
		for _, o := range works[1:] {
			ch := w.state.absorb(&w.s, o.s, o.state)
			w.ch.titles, w.ch.summary = w.ch.titles || ch.titles, w.ch.summary || ch.summary
			for k := range o.added {
				w.outlet(k)
			}
			merged = append(merged, o.s.ID)
			delete(b.works, o.s.ID)
			delete(d.stories, o.s.ID)
		}
		if len(merged) > 0 {
			w.force = true
			if err := d.store.MergeStories(ctx, d.campaign.ID, w.s.ID, merged); err != nil {
				return fmt.Errorf("coverage: merge stories: %w", err)
			}
			for _, id := range merged {
				d.clusterer.Relabel(id, w.s.ID)
				for i := range b.events {
					if b.events[i].story == id {
						b.events[i].story = w.s.ID
					}
				}
				// The batch's articles not saved yet follow their story.
				for i := range b.coverage {
					if b.coverage[i].StoryID == id {
						b.coverage[i].StoryID = w.s.ID
					}
				}
			}
		}
	}
	b.coverage = append(b.coverage, strike.ArticleCoverage{ArticleID: a.ID, StoryID: w.s.ID, Facts: a.Facts, Signature: p.blob})
	a.StoryID = w.s.ID
	m.StoryID = w.s.ID
	d.clusterer.Add(m)

	covered := false
	if !fresh {
		var err error
		if covered, err = d.coveredBy(ctx, w, a); err != nil {
			return err
		}
	}
	before := w.s.Facts
	w.apply(a)
	ev := StoryEvent{Article: *a, PrevPhase: *phase, Merged: merged}
	switch {
	case d.movesPhase(*a, *phase):
		ev.Kind = EventPhaseChange
		*phase = a.Facts.Phase
	case fresh:
		ev.Kind = EventNewStory
	case !covered:
		ev.Kind = EventNewOutlet
	case !factsEqual(before, w.s.Facts):
		ev.Kind = EventNewFacts
	default:
		ev.Kind = EventNothingNew
	}
	b.events = append(b.events, batchEvent{ev: ev, story: w.s.ID})
	return nil
}

// apply adds article a to the story.
func (w *storyWork) apply(a *strike.Article) {
	ch := w.state.apply(&w.s, a)
	w.ch.titles, w.ch.summary = w.ch.titles || ch.titles, w.ch.summary || ch.summary
	w.s.Members++
	w.outlet(a.Source)
}

func (w *storyWork) outlet(name string) {
	if w.added == nil {
		w.added = make(map[string]bool)
	}
	w.added[name] = true
}

// coveredBy reports whether another article of the story comes from a's
// outlet: one of the batch, one the story lists, or one in the store.
func (d *Desk) coveredBy(ctx context.Context, w *storyWork, a *strike.Article) (bool, error) {
	if w.added[a.Source] || slices.ContainsFunc(w.state.Outlets, func(r memberRef) bool { return r.Outlet == a.Source && r.ID != a.ID }) {
		return true, nil
	}
	ok, err := d.store.StoryCoveredBy(ctx, w.s.ID, a.Source, a.ID)
	if err != nil {
		return false, fmt.Errorf("coverage: outlets of story %d: %w", w.s.ID, err)
	}
	return ok, nil
}

// flush chooses the headline and summary of the stories whose members
// for them changed, and saves the batch's coverage and stories in one
// transaction. The events then carry their stories as saved.
func (d *Desk) flush(ctx context.Context, b *batch) error {
	var stories []strike.Story
	for _, id := range b.order {
		w := b.works[id]
		if w == nil {
			continue // merged into another
		}
		if w.ch.titles || w.force {
			titles := make([]string, 0, len(w.state.Titles))
			for _, r := range w.state.Titles {
				titles = append(titles, r.Title)
			}
			if t := StoryTitle(titles); t != "" {
				w.s.Title = t
			}
		}
		if w.ch.summary || w.force {
			members, err := d.summaryMembers(ctx, b, w.state)
			if err != nil {
				return err
			}
			if sum, err := d.summarizer.Summarize(ctx, w.s, members); err == nil {
				w.s.Summary, w.s.SummarySources = sum.Text, sum.Sentences
				if sum.Headline != "" {
					w.s.Title = sum.Headline
				}
			}
		}
		w.s.Updated = d.now()
		w.s.Coverage = w.state.encode()
		w.s.Articles = nil
		stories = append(stories, w.s)
	}
	if err := d.store.SaveCoverage(ctx, b.coverage, stories); err != nil {
		return fmt.Errorf("coverage: save: %w", err)
	}
	if d.stories == nil {
		d.stories = make(map[int64]*cachedStory)
	}
	if len(d.stories)+len(b.works) > maxCachedStories {
		clear(d.stories)
	}
	for id, w := range b.works {
		d.stories[id] = &cachedStory{s: w.s, state: w.state}
	}
	for i := range b.events {
		if w := b.works[b.events[i].story]; w != nil {
			b.events[i].ev.Story = w.s
		}
	}
	return nil
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

// summaryMembers returns the articles a story's summary is made from,
// with their text: the batch's from memory, the others from the store.
func (d *Desk) summaryMembers(ctx context.Context, b *batch, st storyState) ([]strike.Article, error) {
	var ids []int64
	var out []strike.Article
	for _, r := range st.Summary {
		if a := b.articles[r.ID]; a != nil {
			out = append(out, *a)
		} else {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) > 0 {
		more, err := d.store.Articles(ctx, strike.ArticleFilter{IDs: ids})
		if err != nil {
			return nil, fmt.Errorf("coverage: load summary members: %w", err)
		}
		out = append(out, more...)
	}
	return out, nil
}

// movesPhase reports whether a core article moves the campaign to a later
// phase than phase. Phases never move back: a later recap of the strike's
// start does not undo a tentative agreement. The move is recorded
// (Store.SetPhase) once its event was handed on.
func (d *Desk) movesPhase(a strike.Article, phase string) bool {
	return a.Relevance.Tier == strike.TierCore && factsPhaseRank(a.Facts.Phase) > factsPhaseRank(phase)
}

// resume rebuilds the event of an article that was assigned to a story
// but not marked processed: the story is not clustered again, and the
// event is judged by the story's members published before the article.
func (d *Desk) resume(ctx context.Context, b *batch, p *prepared, phase *string) error {
	a := &p.a
	if d.isLoaded(dayOfTime(a.Published)) {
		d.clusterer.Add(Member{ArticleID: a.ID, StoryID: a.StoryID, Published: a.Published, Sig: p.fp.Sig, Title: a.Title,
			Tier: a.Relevance.Tier, Event: p.fp.Event, Estimated: a.PublishedEstimated})
	}
	works, err := d.work(ctx, b, []int64{a.StoryID})
	if err != nil {
		return err
	}
	if len(works) == 0 {
		return fmt.Errorf("coverage: story %d: %w", a.StoryID, strike.ErrNotFound)
	}
	w := works[0]
	a.StoryID = w.s.ID
	firsts, err := d.store.Stories(ctx, strike.StoryFilter{IDs: []int64{w.s.ID}, MaxArticles: 1})
	if err != nil {
		return fmt.Errorf("coverage: load story %d: %w", w.s.ID, err)
	}
	first := len(firsts) == 0 || len(firsts[0].Articles) == 0 || firsts[0].Articles[0].ID == a.ID
	covered, err := d.coveredBy(ctx, w, a)
	if err != nil {
		return err
	}
	// The crash may have come before the story took the article in: the
	// state then changes (it holds each member at most once).
	if before := w.state.encode(); true {
		w.state.apply(&w.s, a)
		if !bytesEqual(before, w.state.encode()) {
			w.s.Members++
			w.force = true
		}
	}
	w.outlet(a.Source)
	ev := StoryEvent{Article: *a, PrevPhase: *phase}
	switch {
	case d.movesPhase(*a, *phase):
		ev.Kind = EventPhaseChange
		*phase = a.Facts.Phase
	case first:
		ev.Kind = EventNewStory
	case !covered:
		ev.Kind = EventNewOutlet
	default:
		ev.Kind = EventNothingNew
	}
	b.events = append(b.events, batchEvent{ev: ev, story: w.s.ID})
	return nil
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
