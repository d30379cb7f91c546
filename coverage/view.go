package coverage

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ViewStore is what a View reads; strike.Store satisfies it.
type ViewStore interface {
	CoverageChanges(ctx context.Context, campaignID string, seq int64, limit int) ([]strike.StoryMember, error)
	StoryMembers(ctx context.Context, campaignID string, from, to time.Time) ([]strike.StoryMember, error)
	Articles(ctx context.Context, f strike.ArticleFilter) ([]strike.Article, error)
	Pins(ctx context.Context, campaignID string) ([]strike.Pin, error)
}

// DefaultViewRefresh is how long a View trusts what it read before it
// looks for changes again.
const DefaultViewRefresh = time.Second

// changesPage is how many coverage changes a catch-up reads at a time.
const changesPage = 1000

// View is a campaign's coverage as the store holds it, whichever process
// wrote it: the status synthesized from the core articles' facts and the
// captains' pins, and answers to questions. It reads lazily (nothing
// until the first Status or Ask) and then keeps up with the changes any
// process makes (Store.CoverageChanges), looking again at most every
// Refresh, so every replica answers from every replica's articles within
// seconds. Pins are read on every Status.
//
// Create one with NewView; it is safe for concurrent use.
type View struct {
	store    ViewStore
	campaign strike.Campaign
	now      func() time.Time
	refresh  time.Duration
	phraser  Phraser

	mu      sync.Mutex
	seq     int64     // the last change applied
	checked time.Time // when the store was last asked for changes
	// core are the campaign's core articles without their text, by ID:
	// what Status synthesizes from; nil until the first Status.
	core     map[int64]int
	coreList []strike.Article
	// index answers questions; nil until the first Ask.
	index  *Index
	cached cachedStatus
}

// ViewOptions configure NewView. The zero value is usable.
type ViewOptions struct {
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Refresh is how long what was read is trusted; DefaultViewRefresh
	// when 0, never re-read when negative.
	Refresh time.Duration
	// Phraser, when set, phrases answers from their cited sentences
	// (LLM does); nil keeps the extractive answers.
	Phraser Phraser
}

// NewView returns the view of campaign c over st. It reads nothing yet.
func NewView(c strike.Campaign, st ViewStore, o ViewOptions) *View {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Refresh == 0 {
		o.Refresh = DefaultViewRefresh
	}
	return &View{store: st, campaign: c, now: o.Now, refresh: o.Refresh, phraser: o.Phraser}
}

// Invalidate makes the next Status or Ask look for changes at once: the
// desk calls it when it changed the coverage.
func (v *View) Invalidate() {
	v.mu.Lock()
	v.checked = time.Time{}
	v.mu.Unlock()
}

// catchUp applies the changes made since the last look, if it is time to
// look. v.mu is held.
func (v *View) catchUp(ctx context.Context) error {
	now := v.now()
	if v.refresh < 0 && !v.checked.IsZero() || v.refresh > 0 && now.Sub(v.checked) < v.refresh && !v.checked.IsZero() {
		return nil
	}
	var fresh []int64 // core articles to index
	for {
		changes, err := v.store.CoverageChanges(ctx, v.campaign.ID, v.seq, changesPage)
		if err != nil {
			return fmt.Errorf("coverage: changes of %s: %w", v.campaign.ID, err)
		}
		for _, m := range changes {
			v.seq = max(v.seq, m.Seq)
			if m.StoryID == 0 || !m.Tier.Announceable() {
				// A captain ruled it out: it counts no more, and the
				// index is built again without it when next asked.
				v.dropCore(m.ArticleID)
				v.index = nil
				continue
			}
			if v.index != nil {
				fresh = append(fresh, m.ArticleID)
			}
			if m.Tier != strike.TierCore {
				v.dropCore(m.ArticleID) // ruled related
				continue
			}
			if v.core != nil {
				a := memberArticle(v.campaign.ID, m)
				if i, ok := v.core[m.ArticleID]; ok {
					v.coreList[i] = a
				} else {
					v.core[m.ArticleID] = len(v.coreList)
					v.coreList = append(v.coreList, a)
				}
			}
		}
		if len(changes) < changesPage {
			break
		}
	}
	if len(fresh) > 0 && v.index != nil {
		if err := v.indexArticles(ctx, fresh); err != nil {
			return err
		}
	}
	v.checked = now
	return nil
}

// dropCore removes an article from the core articles, if it is one.
// v.mu is held.
func (v *View) dropCore(id int64) {
	i, ok := v.core[id]
	if !ok {
		return
	}
	// A fresh slice: Status may still read the old one outside the lock.
	list := slices.Clone(v.coreList)
	last := len(list) - 1
	if i != last {
		list[i] = list[last]
		v.core[list[i].ID] = i
	}
	v.coreList = list[:last]
	delete(v.core, id)
}

// indexArticles adds the articles ids (with their text) to the index.
func (v *View) indexArticles(ctx context.Context, ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), changesPage)
		as, err := v.store.Articles(ctx, strike.ArticleFilter{CampaignID: v.campaign.ID, IDs: ids[:n]})
		if err != nil {
			return fmt.Errorf("coverage: articles of %s to index: %w", v.campaign.ID, err)
		}
		for _, a := range as {
			if a.StoryID != 0 {
				v.index.Add(a)
			}
		}
		ids = ids[n:]
	}
	return nil
}

// memberArticle is the article a member stands for, without its text.
func memberArticle(campaignID string, m strike.StoryMember) strike.Article {
	return strike.Article{
		ID: m.ArticleID, CampaignID: campaignID, Feed: m.Feed, URL: m.URL, Title: m.Title, Source: m.Source,
		Published: m.Published, PublishedEstimated: m.PublishedEstimated, Relevance: strike.Relevance{Tier: m.Tier},
		StoryID: m.StoryID, Facts: m.Facts,
	}
}

// loadCore reads every core member once. v.mu is held.
func (v *View) loadCore(ctx context.Context) error {
	if v.core != nil {
		return nil
	}
	ms, err := v.store.StoryMembers(ctx, v.campaign.ID, time.Time{}, time.Time{})
	if err != nil {
		return fmt.Errorf("coverage: core articles of %s: %w", v.campaign.ID, err)
	}
	v.core = make(map[int64]int)
	v.coreList = v.coreList[:0]
	for _, m := range ms {
		v.seq = max(v.seq, m.Seq)
		if m.Tier != strike.TierCore {
			continue
		}
		v.core[m.ArticleID] = len(v.coreList)
		v.coreList = append(v.coreList, memberArticle(v.campaign.ID, m))
	}
	return nil
}

// loadIndex builds the index from every core and related member once.
// v.mu is held.
func (v *View) loadIndex(ctx context.Context) error {
	if v.index != nil {
		return nil
	}
	if err := v.loadCore(ctx); err != nil {
		return err
	}
	ix := NewIndex(v.campaign.FAQ, v.now)
	ix.SetWorkforce(v.campaign.Relevance.Campaign.Workforce, v.campaign.Relevance.Campaign.OtherWorkforce)
	ix.SetLocation(v.campaign.Location)
	scope := v.campaign.Relevance.Campaign
	ix.SetScopeNames(scope.Regions, scope.Unions, scope.OtherRegions, scope.OtherUnions)
	as, err := v.store.Articles(ctx, strike.ArticleFilter{CampaignID: v.campaign.ID, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		return fmt.Errorf("coverage: articles of %s to index: %w", v.campaign.ID, err)
	}
	for _, a := range as {
		if a.StoryID != 0 {
			ix.Add(a)
		}
	}
	v.index = ix
	return nil
}

// Status synthesizes the campaign's status as of now from its core
// articles' facts and the captains' pins (read from the store each time,
// so a pin set by another replica counts at once). A synthesis is reused
// while no article changed, no pin changed and the minute is the same.
// The result shares its maps and slices with that cache: callers must not
// modify it.
func (v *View) Status(ctx context.Context) (strike.Status, error) {
	pins, err := v.store.Pins(ctx, v.campaign.ID)
	if err != nil {
		return strike.Status{}, fmt.Errorf("coverage: load pins of %s: %w", v.campaign.ID, err)
	}
	now := v.now()
	v.mu.Lock()
	if err := v.loadCore(ctx); err != nil {
		v.mu.Unlock()
		return strike.Status{}, err
	}
	if err := v.catchUp(ctx); err != nil {
		v.mu.Unlock()
		return strike.Status{}, err
	}
	key := statusKey{seq: v.seq, core: len(v.coreList), pins: pinsDigest(pins), minute: now.Truncate(time.Minute).Unix()}
	if v.cached.valid && v.cached.key == key {
		st := v.cached.status
		v.mu.Unlock()
		return st, nil
	}
	core := v.coreList[:len(v.coreList):len(v.coreList)] // appends after this never touch what we read
	v.mu.Unlock()
	st := Synthesize(StatusInput{Campaign: v.campaign, Articles: core, Pins: pins, Now: now})
	v.mu.Lock()
	v.cached = cachedStatus{valid: true, key: key, status: st}
	v.mu.Unlock()
	return st, nil
}

// Ask answers a supporter's question from the campaign's FAQ, status and
// coverage (see Index.AskStatus). With a Phraser set, the model may
// phrase the answer from the same cited sentences; on any failure of the
// model the extractive answer is returned, with the reason in
// Answer.Fallback.
func (v *View) Ask(ctx context.Context, question string) (Answer, error) {
	st, err := v.Status(ctx)
	if err != nil {
		return Answer{}, err
	}
	v.mu.Lock()
	if err := v.loadIndex(ctx); err != nil {
		v.mu.Unlock()
		return Answer{}, err
	}
	if err := v.catchUp(ctx); err != nil {
		v.mu.Unlock()
		return Answer{}, err
	}
	ix := v.index
	v.mu.Unlock()
	a := ix.AskStatus(question, &st)
	if v.phraser != nil && a.Found && !a.FromFAQ {
		a = v.phraser.Phrase(ctx, question, a)
	}
	return a, nil
}
