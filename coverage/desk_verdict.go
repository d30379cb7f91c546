package coverage

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ErrInvalidTier is returned, wrapped, by Desk.Override for a tier that is
// none of strike's three.
var ErrInvalidTier = errors.New("coverage: invalid tier")

// TierWords says a tier as a captain would: "strike news", "related
// news", "not strike news".
func TierWords(t strike.Tier) string {
	switch t {
	case strike.TierCore:
		return "strike news"
	case strike.TierRelated:
		return "related news"
	}
	return "not strike news"
}

// rulingReason is the relevance reason of an article a captain ruled on.
func rulingReason(t strike.Tier, by string) string {
	if by == "" {
		return "set by a captain: " + TierWords(t)
	}
	return "set by a captain (" + by + "): " + TierWords(t)
}

// copyReason is the relevance reason of a copy of an article a captain
// ruled not strike news.
func copyReason(of int64) string {
	return fmt.Sprintf("a copy of article #%d, which a captain ruled not strike news", of)
}

// Ruling is what a captain's verdict changed (see Desk.Override).
type Ruling struct {
	// Verdict is the verdict as stored.
	Verdict strike.Verdict
	// Article is the article as it was before the verdict.
	Article strike.Article
	// Copies are the articles found to copy it, which follow a verdict of
	// TierNone.
	Copies []int64
	// Events are the story events the verdict caused, already handed to
	// DeskOptions.OnEvent: an article ruled strike news joins or opens a
	// story; a story that becomes core is announced anew; an article ruled
	// out, and each of its copies, is withdrawn from its story.
	Events []StoryEvent
}

// rulings are the captains' verdicts in force on a campaign's articles,
// as the desk last read them.
type rulings struct {
	last      int64 // the highest verdict ID read
	byArticle map[int64]strike.Verdict
	// rejected are the articles ruled not strike news whose fingerprint is
	// known: a new article that copies one follows its verdict.
	rejected []rejected
	// published remembers the rejected articles' publication times.
	published map[int64]time.Time
}

type rejected struct {
	v   strike.Verdict
	at  time.Time
	sig Signature
}

// load reads the verdicts in force when any was saved since the last read.
func (r *rulings) load(ctx context.Context, st DeskStore, campaignID string) error {
	vs, err := st.Verdicts(ctx, campaignID)
	if err != nil {
		return fmt.Errorf("coverage: verdicts of %s: %w", campaignID, err)
	}
	last := int64(0)
	for _, v := range vs {
		last = max(last, v.ID)
	}
	if r.byArticle != nil && last == r.last && len(vs) == len(r.byArticle) {
		return nil
	}
	if r.published == nil {
		r.published = make(map[int64]time.Time)
	}
	var unknown []int64
	for _, v := range vs {
		if _, ok := r.published[v.ArticleID]; !ok && v.Tier == strike.TierNone && v.Signature != nil {
			unknown = append(unknown, v.ArticleID)
		}
	}
	for len(unknown) > 0 {
		n := min(len(unknown), changesPage)
		as, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: campaignID, IDs: unknown[:n]})
		if err != nil {
			return fmt.Errorf("coverage: articles ruled out of %s: %w", campaignID, err)
		}
		for _, a := range as {
			r.published[a.ID] = a.Published
		}
		unknown = unknown[n:]
	}
	r.byArticle = make(map[int64]strike.Verdict, len(vs))
	r.rejected = r.rejected[:0]
	for _, v := range vs {
		r.byArticle[v.ArticleID] = v
		if v.Tier != strike.TierNone || v.Signature == nil {
			continue
		}
		var fp Fingerprint
		if fp.UnmarshalBinary(v.Signature) != nil {
			continue
		}
		r.rejected = append(r.rejected, rejected{v: v, at: r.published[v.ArticleID], sig: fp.Sig})
	}
	r.last = last
	return nil
}

// add records a verdict just saved, with its article's publication and
// signature.
func (r *rulings) add(v strike.Verdict, at time.Time, sig Signature) {
	if r.byArticle == nil {
		r.byArticle = make(map[int64]strike.Verdict)
		r.published = make(map[int64]time.Time)
	}
	r.byArticle[v.ArticleID] = v
	r.published[v.ArticleID] = at
	r.rejected = slices.DeleteFunc(r.rejected, func(x rejected) bool { return x.v.ArticleID == v.ArticleID })
	if v.Tier == strike.TierNone && v.Signature != nil {
		r.rejected = append(r.rejected, rejected{v: v, at: at, sig: sig})
	}
	r.last = max(r.last, v.ID)
}

// own returns the ID of the captain's own verdict on the article, 0 if
// it has none.
func (r *rulings) own(articleID int64) int64 {
	if v, ok := r.byArticle[articleID]; ok && v.CopyOf == 0 {
		return v.ID
	}
	return 0
}

// followRuling checks whether a new article copies an article a captain
// ruled not strike news; if so it records that the article follows that
// verdict (it becomes tier none, with no story) and reports true. An
// article with a captain's own verdict is left to it. The lock is held.
func (d *Desk) followRuling(ctx context.Context, p *prepared) (bool, error) {
	if d.rulings.own(p.a.ID) != 0 || len(d.rulings.rejected) == 0 {
		return false, nil
	}
	o := d.clusterer.Options()
	for _, r := range d.rulings.rejected {
		if r.v.ArticleID == p.a.ID {
			continue
		}
		if !r.at.IsZero() && !p.a.Published.IsZero() && absDuration(p.a.Published.Sub(r.at)) > o.CopyWindow {
			continue
		}
		if p.fp.Sig.Jaccard(r.sig) < o.Threshold {
			continue
		}
		root := r.v.CopyOf
		if root == 0 {
			root = r.v.ArticleID
		}
		v, err := d.store.SaveVerdict(ctx, strike.Verdict{CampaignID: d.campaign.ID, ArticleID: p.a.ID, Tier: strike.TierNone,
			By: r.v.By, At: d.now(), CopyOf: root, Signature: p.blob}, []string{copyReason(root)})
		if err != nil {
			return false, fmt.Errorf("coverage: article %d copies article %d, ruled out: %w", p.a.ID, root, err)
		}
		d.rulings.add(v, p.a.Published, p.fp.Sig)
		return true, nil
	}
	return false, nil
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// Override records a captain's verdict on an article of the campaign
// (tier: core, related or none) and makes the coverage follow it, under
// the campaign's coverage lock, so that every replica sees the same
// stories:
//
//   - an article ruled strike or related news that had no story (it was
//     of tier none) is handled as a new article: it joins or opens a story;
//   - one that had a story stays in it, and the story's tier, headline and
//     summary are made again; a story that becomes core is announced anew;
//   - one ruled not strike news leaves its story, and so do the articles
//     that copy it (they follow the verdict); the story is made again from
//     the members left, and each article's posts are to be retracted (the
//     whole story's when none is left). New copies of it arriving later
//     follow the verdict too.
//
// The verdict is stored (Store.SaveVerdict) and the events it causes are
// handed to DeskOptions.OnEvent before Override returns. by names the
// captain. The error wraps strike.ErrNotFound when the campaign has no
// such article, and ErrInvalidTier for a tier that is none of the three.
func (d *Desk) Override(ctx context.Context, articleID int64, tier strike.Tier, by string) (Ruling, error) {
	switch tier {
	case strike.TierCore, strike.TierRelated, strike.TierNone:
	default:
		return Ruling{}, fmt.Errorf("coverage: verdict %q: %w", tier, ErrInvalidTier)
	}
	a, err := d.store.Article(ctx, articleID)
	if err == nil && a.CampaignID != d.campaign.ID {
		err = strike.ErrNotFound
	}
	if err != nil {
		return Ruling{}, fmt.Errorf("coverage: verdict on article %d: %w", articleID, err)
	}
	p := prepared{a: a}
	d.prepare(&p) // its text, outside the lock

	d.mu.Lock()
	defer d.mu.Unlock()
	release, err := d.store.LockCoverage(ctx, d.campaign.ID)
	if err != nil {
		return Ruling{}, fmt.Errorf("coverage: %w", err)
	}
	defer release()
	defer d.view.Invalidate()
	if err := d.catchUp(ctx); err != nil {
		return Ruling{}, err
	}
	// Another process may have handled it meanwhile: its story is the
	// store's.
	now, err := d.store.Article(ctx, articleID)
	if err != nil {
		return Ruling{}, fmt.Errorf("coverage: verdict on article %d: %w", articleID, err)
	}
	p.a.StoryID, p.a.Relevance = now.StoryID, now.Relevance
	res := Ruling{Article: now}
	v, err := d.store.SaveVerdict(ctx, strike.Verdict{CampaignID: d.campaign.ID, ArticleID: articleID, Tier: tier, By: by,
		At: d.now(), Signature: p.blob}, []string{rulingReason(tier, by)})
	if err != nil {
		return Ruling{}, fmt.Errorf("coverage: verdict on article %d: %w", articleID, err)
	}
	res.Verdict = v
	d.rulings.add(v, p.a.Published, p.fp.Sig)
	p.a.Relevance.Tier = tier
	p.a.Relevance.Reasons = []string{rulingReason(tier, by)}

	var events []StoryEvent
	switch {
	case tier == strike.TierNone:
		events, res.Copies, err = d.withdraw(ctx, &p, v)
	case p.a.StoryID == 0:
		// SaveVerdict marked it unprocessed: it is handled as new, its
		// event handed on and the article marked processed.
		res.Events, err = d.handle(ctx, []prepared{p})
		return res, err
	default:
		events, err = d.retier(ctx, &p, v)
	}
	defer func() {
		if st, err := d.store.CoverageState(ctx, d.campaign.ID); err == nil {
			d.seq = st.Seq
		}
	}()
	if err != nil {
		d.stories = nil // what is in memory may not be what was saved
		return res, err
	}
	for _, ev := range events {
		if d.onEvent != nil {
			if err := d.onEvent(ctx, ev); err != nil {
				return res, fmt.Errorf("coverage: hand on event of article %d: %w", ev.Article.ID, err)
			}
		}
		res.Events = append(res.Events, ev)
	}
	return res, nil
}

// withdraw takes the article ruled out (already detached by its verdict)
// and its copies out of their stories, makes those stories again and
// returns an EventWithdrawn for each article that had a story. The lock
// is held.
func (d *Desk) withdraw(ctx context.Context, p *prepared, v strike.Verdict) ([]StoryEvent, []int64, error) {
	if err := d.ensureLoaded(ctx, p.a.Published); err != nil {
		return nil, nil, err
	}
	left := map[int64]int64{} // article → the story it left
	if p.a.StoryID != 0 {
		left[p.a.ID] = p.a.StoryID
	}
	copies := d.clusterer.Copies(&Member{ArticleID: p.a.ID, Published: p.a.Published, Sig: p.fp.Sig})
	d.clusterer.Remove(p.a.ID)
	var copied []int64
	for _, c := range copies {
		if own, ok := d.rulings.byArticle[c.ArticleID]; ok && own.CopyOf == 0 && own.Tier.Announceable() {
			continue // a captain ruled that one strike news: it stays
		}
		blob, _ := Fingerprint{Sig: c.Sig, Event: c.Event}.MarshalBinary()
		cv, err := d.store.SaveVerdict(ctx, strike.Verdict{CampaignID: d.campaign.ID, ArticleID: c.ArticleID, Tier: strike.TierNone,
			By: v.By, At: v.At, CopyOf: p.a.ID, Signature: blob}, []string{copyReason(p.a.ID)})
		if err != nil {
			return nil, nil, fmt.Errorf("coverage: copy %d of article %d: %w", c.ArticleID, p.a.ID, err)
		}
		d.rulings.add(cv, c.Published, c.Sig)
		d.clusterer.Remove(c.ArticleID)
		copied = append(copied, c.ArticleID)
		if c.StoryID != 0 {
			left[c.ArticleID] = c.StoryID
		}
	}
	if len(left) == 0 {
		return nil, copied, d.rollBackPhase(ctx, []int64{p.a.ID})
	}
	// The withdrawn articles as they are now (of tier none, without story).
	ids := slices.Sorted(maps.Keys(left))
	arts, err := d.store.Articles(ctx, strike.ArticleFilter{CampaignID: d.campaign.ID, IDs: ids})
	if err != nil {
		return nil, nil, fmt.Errorf("coverage: load withdrawn articles: %w", err)
	}
	slices.SortFunc(arts, func(x, y strike.Article) int { return cmp.Compare(x.ID, y.ID) })
	b := &batch{works: make(map[int64]*storyWork), articles: make(map[int64]*strike.Article)}
	var stories []int64
	for _, id := range ids {
		if !slices.Contains(stories, left[id]) {
			stories = append(stories, left[id])
		}
	}
	for _, s := range stories {
		if _, err := d.rebuild(ctx, b, s); err != nil {
			return nil, nil, err
		}
	}
	if err := d.flush(ctx, b); err != nil {
		return nil, nil, err
	}
	var events []StoryEvent
	for _, a := range arts {
		w := b.works[left[a.ID]]
		if w == nil {
			continue
		}
		events = append(events, StoryEvent{Kind: EventWithdrawn, Story: w.s, Article: a, PrevPhase: d.phase, Verdict: v.ID})
	}
	return events, copied, d.rollBackPhase(ctx, ids)
}

// rebuild makes a story's state again from its members in the store (a
// member left or changed tier), into the batch; its headline and summary
// are chosen again at flush. A story with no member left keeps its
// headline and becomes of tier none, so that it is listed no more. The
// lock is held.
func (d *Desk) rebuild(ctx context.Context, b *batch, storyID int64) (*storyWork, error) {
	works, err := d.work(ctx, b, []int64{storyID})
	if err != nil {
		return nil, err
	}
	if len(works) == 0 {
		return nil, fmt.Errorf("coverage: story %d: %w", storyID, strike.ErrNotFound)
	}
	w := works[0]
	members, err := d.store.Articles(ctx, strike.ArticleFilter{StoryID: w.s.ID})
	if err != nil {
		return nil, fmt.Errorf("coverage: load members of story %d: %w", w.s.ID, err)
	}
	slices.SortFunc(members, func(x, y strike.Article) int { return stampOf(&x).compare(stampOf(&y)) })
	s := strike.Story{ID: w.s.ID, CampaignID: w.s.CampaignID, Title: w.s.Title, Summary: w.s.Summary,
		SummarySources: w.s.SummarySources, Updated: w.s.Updated}
	var st storyState
	for i := range members {
		m := &members[i]
		b.articles[m.ID] = m
		st.apply(&s, m)
		s.Members++
	}
	if s.Members == 0 {
		s.Tier, s.Summary, s.SummarySources = strike.TierNone, "", nil
	}
	w.s, w.state, w.force, w.ch = s, st, s.Members > 0, stateChange{}
	return w, nil
}

// retier makes the story of an article ruled strike or related news
// again, and returns an EventNewStory when the story became core. The
// lock is held.
func (d *Desk) retier(ctx context.Context, p *prepared, v strike.Verdict) ([]StoryEvent, error) {
	b := &batch{works: make(map[int64]*storyWork), articles: make(map[int64]*strike.Article)}
	works, err := d.work(ctx, b, []int64{p.a.StoryID})
	if err != nil {
		return nil, err
	}
	if len(works) == 0 {
		return nil, fmt.Errorf("coverage: story %d: %w", p.a.StoryID, strike.ErrNotFound)
	}
	was := works[0].s.Tier
	w, err := d.rebuild(ctx, b, p.a.StoryID)
	if err != nil {
		return nil, err
	}
	// The article's change takes a Seq, so other processes re-file it
	// with its new tier.
	b.coverage = append(b.coverage, strike.ArticleCoverage{ArticleID: p.a.ID, StoryID: w.s.ID, Facts: p.a.Facts, Signature: p.blob})
	if d.isLoaded(dayOfTime(p.a.Published)) {
		d.clusterer.Add(Member{ArticleID: p.a.ID, StoryID: w.s.ID, Published: p.a.Published, Sig: p.fp.Sig, Title: p.a.Title,
			Tier: v.Tier, Event: p.fp.Event, Estimated: p.a.PublishedEstimated})
	}
	if err := d.flush(ctx, b); err != nil {
		return nil, err
	}
	if was == strike.TierCore || w.s.Tier != strike.TierCore {
		return nil, nil
	}
	return []StoryEvent{{Kind: EventNewStory, Story: w.s, Article: p.a, PrevPhase: d.phase, Verdict: v.ID}}, nil
}

// rollBackPhase moves the campaign's phase back when the article that
// moved it there was ruled out: to the most advanced phase its core
// members still report. The lock is held.
func (d *Desk) rollBackPhase(ctx context.Context, out []int64) error {
	st, err := d.store.CoverageState(ctx, d.campaign.ID)
	if err != nil {
		return fmt.Errorf("coverage: state of %s: %w", d.campaign.ID, err)
	}
	if st.Phase == "" || !slices.Contains(out, st.PhaseArticle) {
		return nil
	}
	ms, err := d.store.StoryMembers(ctx, d.campaign.ID, time.Time{}, time.Time{})
	if err != nil {
		return fmt.Errorf("coverage: members of %s: %w", d.campaign.ID, err)
	}
	phase, by := "", int64(0)
	for _, m := range ms {
		if m.Tier == strike.TierCore && factsPhaseRank(m.Facts.Phase) > factsPhaseRank(phase) {
			phase, by = m.Facts.Phase, m.ArticleID
		}
	}
	if err := d.store.SetPhase(ctx, d.campaign.ID, phase, by); err != nil {
		return fmt.Errorf("coverage: move the phase of %s back: %w", d.campaign.ID, err)
	}
	d.phase = phase
	return nil
}
