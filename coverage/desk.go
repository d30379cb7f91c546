package coverage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// DeskStore is what a Desk needs from storage; strike.Store satisfies it.
type DeskStore interface {
	SetCoverage(ctx context.Context, articleID, storyID int64, facts strike.Facts, signature []byte) error
	StoryMembers(ctx context.Context, campaignID string, since time.Time) ([]strike.StoryMember, error)
	SaveStory(ctx context.Context, s strike.Story) (int64, error)
	Story(ctx context.Context, id int64) (strike.Story, error)
	Articles(ctx context.Context, f strike.ArticleFilter) ([]strike.Article, error)
	Pins(ctx context.Context, campaignID string) ([]strike.Pin, error)
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
	Story   strike.Story   // the story after the change
	Article strike.Article // the article that joined, with its Facts
	// PrevPhase is the campaign's phase before the article (for EventPhaseChange).
	PrevPhase string
}

// Desk is a campaign's newsroom: it assigns each new relevant article to a
// story (opening one when the event is new), extracts the article's facts,
// refreshes the story's title, summary and merged facts, indexes the text
// for questions, and synthesizes the campaign's status.
//
// Each relevant article is handled once, across restarts: its event is
// handed to DeskOptions.OnEvent and only then is the article marked
// processed in the store, so an article whose event was not handed on
// (the process stopped, or OnEvent failed) is handled again by the next
// NewDesk.
//
// Create one with NewDesk; it is safe for concurrent use (articles are
// processed one at a time, so that two copies of a story arriving at once
// cannot open two stories).
type Desk struct {
	store      DeskStore
	campaign   strike.Campaign
	summarizer Summarizer
	extractor  *Extractor
	signer     *Signer
	clusterer  *Clusterer
	index      *Index
	now        func() time.Time
	onEvent    func(ctx context.Context, ev StoryEvent) error

	mu    sync.Mutex // serializes Process; guards phase
	phase string     // the most advanced phase the campaign's core coverage has reported

	// view guards core and the status cache. It is held only briefly, so a
	// status is never kept waiting by articles being processed.
	view   sync.Mutex
	cached cachedStatus
	// core are the campaign's core articles without their text: what
	// Status synthesizes from, kept here so a status costs no article reads.
	core []strike.Article
}

// DeskOptions configure a Desk. The zero value is usable.
type DeskOptions struct {
	// Summarizer writes story summaries; Extractive{} when nil.
	Summarizer Summarizer
	// Cluster tunes story clustering; DefaultClusterOptions when zero.
	Cluster ClusterOptions
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// OnEvent, when set, hands on each article's story event (typically:
	// enqueues its announcements in the outbox) before the article is
	// marked processed. If it returns an error the desk stops there: the
	// article stays unprocessed and the next NewDesk emits its event again.
	// So does a crash after OnEvent returned and before the mark was
	// written: OnEvent must be idempotent per article (key what it stores
	// by ev.Article.ID). It is called with the desk's lock held, one event
	// at a time in the order the articles are handled, and must not call
	// the Desk's Process. When nil, an article is marked processed as soon
	// as its event is made, and what the caller does with Process's events
	// is not covered by the mark.
	OnEvent func(ctx context.Context, ev StoryEvent) error
}

// NewDesk loads what the campaign's desk needs from the store: the recent
// story members for clustering and the relevant articles' text for
// answers. It then handles, oldest first, every relevant article not yet
// marked processed (stored before a crash, or whose event OnEvent did not
// take): one without a story is processed as Process would; one that
// already has a story (the crash came after it was assigned) is not
// clustered again, its story is refreshed and its event rebuilt (see
// Process). Each event goes to OnEvent before its article is marked
// processed; NewDesk returns the events too. If OnEvent or the store
// fails, NewDesk returns the error and no Desk.
func NewDesk(ctx context.Context, c strike.Campaign, st DeskStore, o DeskOptions) (*Desk, []StoryEvent, error) {
	if o.Summarizer == nil {
		o.Summarizer = Extractive{}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	d := &Desk{
		store:      st,
		campaign:   c,
		summarizer: o.Summarizer,
		extractor:  NewExtractor(FactsOptionsFromProfile(c.Relevance)),
		signer:     NewSigner(),
		clusterer:  NewClusterer(o.Cluster),
		index:      NewIndex(c.FAQ, o.Now),
		now:        o.Now,
		onEvent:    o.OnEvent,
	}
	since := o.Now().Add(-d.clusterer.Options().Retain)
	stored, err := st.StoryMembers(ctx, c.ID, since)
	if err != nil {
		return nil, nil, fmt.Errorf("coverage: load story members of %s: %w", c.ID, err)
	}
	members := make([]Member, 0, len(stored))
	for _, m := range stored {
		var sig Signature
		if err := sig.UnmarshalBinary(m.Signature); err != nil {
			continue // re-signed below if it ever matters; a bad row must not stop the bot
		}
		members = append(members, Member{ArticleID: m.ArticleID, StoryID: m.StoryID, Published: m.Published, Sig: sig, Title: m.Title, Tier: m.Tier})
	}
	d.clusterer.Load(members)

	relevant := []strike.Tier{strike.TierCore, strike.TierRelated}
	// The unprocessed ones first: an article stored after both reads is
	// left to Process, not mistaken for one already handled.
	pending, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Tiers: relevant, Unprocessed: true})
	if err != nil {
		return nil, nil, fmt.Errorf("coverage: load unprocessed articles of %s: %w", c.ID, err)
	}
	isPending := make(map[int64]bool, len(pending))
	for _, a := range pending {
		isPending[a.ID] = true
	}
	articles, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Tiers: relevant})
	if err != nil {
		return nil, nil, fmt.Errorf("coverage: load articles of %s: %w", c.ID, err)
	}
	// The handled articles set the phase the pending ones are measured
	// against; only then are the pending ones handled.
	for _, a := range articles {
		if isPending[a.ID] || a.StoryID == 0 {
			continue
		}
		d.index.Add(a)
		d.noteCore(a)
	}
	// Oldest first, as they would have arrived.
	slices.Reverse(pending)
	events, err := d.Process(ctx, pending)
	if err != nil {
		return nil, nil, err
	}
	return d, events, nil
}

// Process handles newly stored articles of the campaign, in order of
// publication. Articles of tier none and of other campaigns are skipped.
// For each relevant article it makes a story event, hands it to OnEvent,
// then marks the article processed in the store.
//
// An article without a story is assigned to one (opening it when the
// event is new). An article that already has one (its handling was cut
// short after the assignment) is not clustered again: its story is
// refreshed and the event is rebuilt as best known: EventPhaseChange if
// it moves the phase on, EventNewStory if it is the story's earliest
// member, else EventNewOutlet, EventNewFacts or EventNothingNew compared
// with the members published before it.
//
// It returns the events handed on, in order. On an error (from the store
// or OnEvent) it stops and returns those events with the error; the
// article at hand and the rest stay unprocessed, and the next NewDesk
// handles them. An event whose OnEvent succeeded but whose mark failed is
// returned, and handed on again by the next NewDesk.
func (d *Desk) Process(ctx context.Context, articles []strike.Article) ([]StoryEvent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	// Feeds list newest first; events make sense in the order things happened.
	articles = slices.Clone(articles)
	slices.SortStableFunc(articles, func(a, b strike.Article) int { return a.Published.Compare(b.Published) })
	var events []StoryEvent
	for _, a := range articles {
		if !a.Relevance.Tier.Announceable() || a.CampaignID != d.campaign.ID {
			continue
		}
		phase := d.phase
		var (
			ev  StoryEvent
			err error
		)
		if a.StoryID != 0 {
			ev, err = d.resume(ctx, a)
		} else {
			ev, err = d.process(ctx, a)
		}
		if err != nil {
			return events, err
		}
		if d.onEvent != nil {
			if err := d.onEvent(ctx, ev); err != nil {
				// The event was not handed on, so a phase change it
				// carried has not been announced: the next article of
				// that phase, or the next NewDesk, announces it.
				d.phase = phase
				return events, fmt.Errorf("coverage: hand on event of article %d: %w", a.ID, err)
			}
		}
		events = append(events, ev)
		if err := d.store.MarkProcessed(ctx, []int64{a.ID}); err != nil {
			return events, fmt.Errorf("coverage: mark article %d processed: %w", a.ID, err)
		}
	}
	return events, nil
}

func (d *Desk) process(ctx context.Context, a strike.Article) (StoryEvent, error) {
	a.Facts = d.extractor.Extract(&a)
	sig := d.signer.Sign(&a)
	sigBytes, _ := sig.MarshalBinary()

	var before strike.Story
	storyID, found := d.clusterer.Assign(&a, sig)
	if found {
		s, err := d.store.Story(ctx, storyID)
		switch {
		case err == nil:
			before = s
		case errors.Is(err, strike.ErrNotFound):
			found = false // the index knew a story the store lost: open a new one
		default:
			return StoryEvent{}, fmt.Errorf("coverage: load story %d: %w", storyID, err)
		}
	}
	if !found {
		id, err := d.store.SaveStory(ctx, strike.Story{
			CampaignID: a.CampaignID, Title: a.Title, Tier: a.Relevance.Tier,
			FirstSeen: a.Published, Updated: d.now(), Facts: a.Facts,
		})
		if err != nil {
			return StoryEvent{}, fmt.Errorf("coverage: open story: %w", err)
		}
		storyID = id
	}
	if err := d.store.SetCoverage(ctx, a.ID, storyID, a.Facts, sigBytes); err != nil {
		return StoryEvent{}, fmt.Errorf("coverage: record article %d: %w", a.ID, err)
	}
	a.StoryID = storyID
	d.clusterer.Add(Member{ArticleID: a.ID, StoryID: storyID, Published: a.Published, Sig: sig, Title: a.Title, Tier: a.Relevance.Tier})
	d.index.Add(a)
	if a.Relevance.Tier == strike.TierCore {
		d.addCore(a)
	}

	after, _, err := d.refresh(ctx, storyID)
	if err != nil {
		return StoryEvent{}, err
	}
	prev := d.phase
	ev := StoryEvent{Story: after, Article: a, PrevPhase: prev}
	switch {
	case d.notePhase(a):
		ev.Kind = EventPhaseChange
	case !found:
		ev.Kind = EventNewStory
	case !slices.Contains(before.Sources(), a.Source):
		ev.Kind = EventNewOutlet
	case !factsEqual(before.Facts, after.Facts):
		ev.Kind = EventNewFacts
	default:
		ev.Kind = EventNothingNew
	}
	return ev, nil
}

// resume rebuilds the event of an article that was assigned to a story but
// not marked processed: the story is refreshed, not re-clustered (the
// clusterer loaded the article with the story members), and the event is
// judged against the members published before the article.
func (d *Desk) resume(ctx context.Context, a strike.Article) (StoryEvent, error) {
	d.index.Add(a)
	if a.Relevance.Tier == strike.TierCore {
		d.addCore(a)
	}
	after, members, err := d.refresh(ctx, a.StoryID)
	if err != nil {
		return StoryEvent{}, err
	}
	// after.Articles is oldest first: those before a came before it.
	at := slices.IndexFunc(after.Articles, func(m strike.StoryArticle) bool { return m.ID == a.ID })
	var earlier []strike.StoryArticle
	if at > 0 {
		earlier = after.Articles[:at]
	}
	isEarlier := make(map[int64]bool, len(earlier))
	for _, m := range earlier {
		isEarlier[m.ID] = true
	}
	// members is newest first, the order MergeFacts takes them in.
	var before, with strike.Facts
	for _, m := range members {
		switch {
		case m.ID == a.ID:
			with = MergeFacts(with, m.Facts)
		case isEarlier[m.ID]:
			before = MergeFacts(before, m.Facts)
			with = MergeFacts(with, m.Facts)
		}
	}
	ev := StoryEvent{Story: after, Article: a, PrevPhase: d.phase}
	switch {
	case d.notePhase(a):
		ev.Kind = EventPhaseChange
	case len(earlier) == 0:
		ev.Kind = EventNewStory
	case !slices.Contains(strike.Story{Articles: earlier}.Sources(), a.Source):
		ev.Kind = EventNewOutlet
	case !factsEqual(before, with):
		ev.Kind = EventNewFacts
	default:
		ev.Kind = EventNothingNew
	}
	return ev, nil
}

// noteCore remembers a processed core article for Status and its phase.
func (d *Desk) noteCore(a strike.Article) {
	if a.Relevance.Tier == strike.TierCore {
		d.addCore(a)
		d.notePhase(a)
	}
}

// withoutText drops what Status never reads.
func withoutText(a strike.Article) strike.Article {
	a.Text, a.Summary = "", ""
	a.Relevance.Reasons = nil
	return a
}

// notePhase records the phase a core article reports and says whether it
// moved the campaign on (strike begins, mediation, tentative agreement,
// ratified, ended). Phases never move back: a later recap of the strike's
// start does not undo a tentative agreement.
func (d *Desk) notePhase(a strike.Article) bool {
	if a.Relevance.Tier != strike.TierCore || a.Facts.Phase == "" {
		return false
	}
	if factsPhaseRank(a.Facts.Phase) <= factsPhaseRank(d.phase) {
		return false
	}
	d.phase = a.Facts.Phase
	return true
}

// refresh recomputes a story from its members: headline, summary, merged
// facts, tier and times, and saves it. It returns the story and its
// members, newest first.
func (d *Desk) refresh(ctx context.Context, storyID int64) (strike.Story, []strike.Article, error) {
	members, err := d.store.Articles(ctx, strike.ArticleFilter{StoryID: storyID})
	if err != nil {
		return strike.Story{}, nil, fmt.Errorf("coverage: load members of story %d: %w", storyID, err)
	}
	s, err := d.store.Story(ctx, storyID)
	if err != nil {
		return strike.Story{}, nil, fmt.Errorf("coverage: load story %d: %w", storyID, err)
	}
	// Members come newest first; facts merge newest first, titles oldest first.
	var facts strike.Facts
	titles := make([]string, len(members))
	s.Tier = strike.TierRelated
	for i, m := range members {
		facts = MergeFacts(facts, m.Facts)
		titles[len(members)-1-i] = m.Title
		if m.Relevance.Tier == strike.TierCore {
			s.Tier = strike.TierCore
		}
		if s.FirstSeen.IsZero() || m.Published.Before(s.FirstSeen) {
			s.FirstSeen = m.Published
		}
	}
	s.Facts = facts
	s.Title = StoryTitle(titles)
	s.Updated = d.now()
	sum, err := d.summarizer.Summarize(ctx, s, members)
	if err == nil {
		s.Summary, s.SummarySources = sum.Text, sum.Sentences
		if sum.Headline != "" {
			s.Title = sum.Headline
		}
	}
	if _, err := d.store.SaveStory(ctx, s); err != nil {
		return strike.Story{}, nil, fmt.Errorf("coverage: save story %d: %w", storyID, err)
	}
	return s, members, nil
}

// Ask answers a supporter's question from the campaign's coverage and FAQ.
func (d *Desk) Ask(question string) Answer { return d.index.Ask(question) }

// Status synthesizes the campaign's status as of now from its core
// articles' facts (kept in memory) and the captains' pins (read from the
// store, so a pin set by another replica counts at once). A synthesis is
// reused while no article arrived, no pin changed and the minute is the
// same. The result shares its maps and slices with that cache: callers
// must not modify it.
func (d *Desk) Status(ctx context.Context) (strike.Status, error) {
	pins, err := d.store.Pins(ctx, d.campaign.ID)
	if err != nil {
		return strike.Status{}, fmt.Errorf("coverage: load pins of %s: %w", d.campaign.ID, err)
	}
	now := d.now()
	d.view.Lock()
	core := d.core[:len(d.core):len(d.core)] // appends after this never touch what we read
	key := statusKey{core: len(core), pins: pinsDigest(pins), minute: now.Truncate(time.Minute).Unix()}
	if d.cached.valid && d.cached.key == key {
		st := d.cached.status
		d.view.Unlock()
		return st, nil
	}
	d.view.Unlock()
	st := Synthesize(StatusInput{Campaign: d.campaign, Articles: core, Pins: pins, Now: now})
	d.view.Lock()
	d.cached = cachedStatus{valid: true, key: key, status: st}
	d.view.Unlock()
	return st, nil
}

// addCore remembers a processed core article for Status.
func (d *Desk) addCore(a strike.Article) {
	d.view.Lock()
	d.core = append(d.core, withoutText(a))
	d.view.Unlock()
}

// cachedStatus is the last synthesis and what it was made from.
type cachedStatus struct {
	valid  bool
	key    statusKey
	status strike.Status
}

type statusKey struct {
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

// CampaignStatus loads a campaign's core articles and pins and synthesizes
// its status as of now.
func CampaignStatus(ctx context.Context, st DeskStore, c strike.Campaign, now time.Time) (strike.Status, error) {
	articles, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: c.ID, Tiers: []strike.Tier{strike.TierCore}})
	if err != nil {
		return strike.Status{}, fmt.Errorf("coverage: load articles of %s: %w", c.ID, err)
	}
	pins, err := st.Pins(ctx, c.ID)
	if err != nil {
		return strike.Status{}, fmt.Errorf("coverage: load pins of %s: %w", c.ID, err)
	}
	return Synthesize(StatusInput{Campaign: c, Articles: articles, Pins: pins, Now: now}), nil
}

func factsEqual(a, b strike.Facts) bool {
	return a.Phase == b.Phase && a.Workers == b.Workers && a.Union == b.Union && a.Employer == b.Employer &&
		a.Started == b.Started && a.DurationDays == b.DurationDays && a.Offer == b.Offer &&
		slices.Equal(a.Demands, b.Demands) && slices.Equal(a.Events, b.Events)
}
