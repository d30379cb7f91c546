package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/strikebot/strikebot/strike"
)

const storyColumns = `id, campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts`

// storiesOrder is most recently updated first, a story never updated last,
// ties by id descending. SQLite's default NULL placement is the same, so
// its index serves the order without a sort.
const storiesOrder = `updated DESC NULLS LAST, id DESC`

// membersOrder is oldest published first, an undated article first (as the
// zero time sorts in Go), ties by id.
const membersOrder = `published ASC NULLS FIRST, id ASC`

// SetCoverage implements strike.Store. The story, when not 0, must be a
// story of the article's campaign: otherwise, as when the article does not
// exist, nothing changes and the error wraps strike.ErrNotFound. An empty
// signature is stored as none (nil).
func (s *Store) SetCoverage(ctx context.Context, articleID, storyID int64, facts strike.Facts, signature []byte) error {
	fj, err := json.Marshal(cleanFacts(facts))
	if err != nil {
		return fmt.Errorf("%s: set coverage of article %d: encode facts: %w", s.d.Name, articleID, err)
	}
	var story, sig any
	if storyID != 0 {
		story = storyID
	}
	if len(signature) > 0 {
		sig = signature
	}
	res, err := s.w.ExecContext(ctx, `UPDATE articles SET story_id = $2, facts = $3, signature = $4
WHERE id = $1 AND (CAST($2 AS BIGINT) IS NULL OR EXISTS (
	SELECT 1 FROM stories WHERE stories.id = $2 AND stories.campaign_id = articles.campaign_id))`,
		articleID, story, string(fj), sig)
	if err != nil {
		return fmt.Errorf("%s: set coverage of article %d: %w", s.d.Name, articleID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: set coverage of article %d: %w", s.d.Name, articleID, err)
	}
	if n == 0 {
		if storyID != 0 {
			return fmt.Errorf("%s: set coverage of article %d: article, or story %d of its campaign: %w", s.d.Name, articleID, storyID, strike.ErrNotFound)
		}
		return fmt.Errorf("%s: set coverage of article %d: %w", s.d.Name, articleID, strike.ErrNotFound)
	}
	return nil
}

// MarkProcessed implements strike.Store with one statement.
func (s *Store) MarkProcessed(ctx context.Context, articleIDs []int64) error {
	if len(articleIDs) == 0 {
		return nil
	}
	arg, err := s.d.ListArg(articleIDs)
	if err != nil {
		return fmt.Errorf("%s: mark %d articles processed: %w", s.d.Name, len(articleIDs), err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET processed = TRUE
WHERE `+s.d.In(`id`, `$1`)+` AND NOT processed`, arg); err != nil {
		return fmt.Errorf("%s: mark %d articles processed: %w", s.d.Name, len(articleIDs), err)
	}
	return nil
}

// StoryMembers implements strike.Store. since is truncated to
// microseconds, as stored times are. Articles without a published time are
// listed, first, only when since is zero.
func (s *Store) StoryMembers(ctx context.Context, campaignID string, since time.Time) ([]strike.StoryMember, error) {
	var w where
	w.add(`campaign_id = ` + w.arg(Clean(campaignID)))
	w.add(`story_id IS NOT NULL`)
	if !since.IsZero() {
		w.add(`published >= ` + w.arg(s.time(cleanTime(since))))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, story_id, published, title, tier, signature FROM articles`+
		w.sql()+` ORDER BY `+membersOrder, w.args...)
	if err != nil {
		return nil, fmt.Errorf("%s: story members of %q: %w", s.d.Name, campaignID, err)
	}
	defer rows.Close()
	var out []strike.StoryMember
	for rows.Next() {
		var (
			m         strike.StoryMember
			published nullTime
			tier      string
		)
		if err := rows.Scan(&m.ArticleID, &m.StoryID, &published, &m.Title, &tier, &m.Signature); err != nil {
			return nil, fmt.Errorf("%s: story members of %q: %w", s.d.Name, campaignID, err)
		}
		m.Published, m.Tier = published.t, strike.Tier(tier)
		if len(m.Signature) == 0 {
			m.Signature = nil
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: story members of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

// CleanStory returns a copy of st as SaveStory stores it: strings cleaned,
// times in UTC truncated to microseconds, empty slices and maps nil. The
// caller's slices and maps are not modified. Articles are left as they are.
func CleanStory(st strike.Story) strike.Story {
	st.CampaignID = Clean(st.CampaignID)
	st.Title = Clean(st.Title)
	st.Summary = Clean(st.Summary)
	if len(st.SummarySources) > 0 {
		ss := make([]strike.SummarySentence, len(st.SummarySources))
		for i, x := range st.SummarySources {
			ss[i] = strike.SummarySentence{Text: Clean(x.Text), ArticleID: x.ArticleID}
		}
		st.SummarySources = ss
	} else {
		st.SummarySources = nil
	}
	st.Tier = strike.Tier(Clean(string(st.Tier)))
	st.FirstSeen = cleanTime(st.FirstSeen)
	st.Updated = cleanTime(st.Updated)
	st.Facts = cleanFacts(st.Facts)
	return st
}

// SaveStory implements strike.Store. An update changes the fields the
// contract names and never the story's campaign.
func (s *Store) SaveStory(ctx context.Context, st strike.Story) (int64, error) {
	st = CleanStory(st)
	sources := st.SummarySources
	if sources == nil {
		sources = []strike.SummarySentence{}
	}
	sj, err := json.Marshal(sources)
	if err != nil {
		return 0, fmt.Errorf("%s: save story %d: encode summary sources: %w", s.d.Name, st.ID, err)
	}
	fj, err := json.Marshal(st.Facts)
	if err != nil {
		return 0, fmt.Errorf("%s: save story %d: encode facts: %w", s.d.Name, st.ID, err)
	}
	if st.ID == 0 {
		var id int64
		err := s.w.QueryRowContext(ctx, `INSERT INTO stories (campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			st.CampaignID, st.Title, st.Summary, string(sj), string(st.Tier), s.time(st.FirstSeen), s.time(st.Updated), string(fj)).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("%s: insert story: %w", s.d.Name, err)
		}
		return id, nil
	}
	res, err := s.w.ExecContext(ctx, `UPDATE stories SET title = $2, summary = $3, summary_sources = $4, tier = $5,
	first_seen = $6, updated = $7, facts = $8
WHERE id = $1`,
		st.ID, st.Title, st.Summary, string(sj), string(st.Tier), s.time(st.FirstSeen), s.time(st.Updated), string(fj))
	if err != nil {
		return 0, fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, err)
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, strike.ErrNotFound)
	}
	return st.ID, nil
}

// Story implements strike.Store with two queries: the story, then its
// members. They are not one snapshot: a member added in between may show.
func (s *Store) Story(ctx context.Context, id int64) (strike.Story, error) {
	st, err := scanStory(s.r.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, strike.ErrNotFound)
	}
	if err != nil {
		return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, err)
	}
	members, err := s.members(ctx, []int64{id})
	if err != nil {
		return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, err)
	}
	st.Articles = members[id]
	return st, nil
}

// Stories implements strike.Store with two queries however many stories
// there are: the stories, then the members of all of them. A negative
// Limit is treated as 0.
func (s *Store) Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error) {
	var w where
	if f.CampaignID != "" {
		w.add(`campaign_id = ` + w.arg(Clean(f.CampaignID)))
	}
	if len(f.Tiers) > 0 {
		tiers := make([]string, len(f.Tiers))
		for i, t := range f.Tiers {
			tiers[i] = Clean(string(t))
		}
		arg, err := s.d.ListArg(tiers)
		if err != nil {
			return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
		}
		w.add(s.d.In(`tier`, w.arg(arg)))
	}
	q := `SELECT ` + storyColumns + ` FROM stories` + w.sql() + ` ORDER BY ` + storiesOrder
	if f.Limit > 0 {
		q += ` LIMIT ` + w.arg(int64(f.Limit))
	}
	rows, err := s.r.QueryContext(ctx, q, w.args...)
	out, err := scanAll(rows, err, scanStory) // closes rows, freeing the connection for the next query
	if err != nil {
		return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	for i, st := range out {
		ids[i] = st.ID
	}
	members, err := s.members(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
	}
	for i := range out {
		out[i].Articles = members[out[i].ID]
	}
	return out, nil
}

// members returns the member articles of the stories ids, by story, each
// oldest first, in one query.
func (s *Store) members(ctx context.Context, ids []int64) (map[int64][]strike.StoryArticle, error) {
	arg, err := s.d.ListArg(ids)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT story_id, id, url, title, source, published FROM articles
WHERE `+s.d.In(`story_id`, `$1`)+` ORDER BY story_id, `+membersOrder, arg)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	defer rows.Close()
	out := make(map[int64][]strike.StoryArticle, len(ids))
	for rows.Next() {
		var (
			story     int64
			a         strike.StoryArticle
			published nullTime
		)
		if err := rows.Scan(&story, &a.ID, &a.URL, &a.Title, &a.Source, &published); err != nil {
			return nil, fmt.Errorf("members: %w", err)
		}
		a.Published = published.t
		out[story] = append(out[story], a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	return out, nil
}

func scanStory(sc scanner) (strike.Story, error) {
	var (
		st                   strike.Story
		firstSeen, updated   nullTime
		tier, sources, facts string
	)
	err := sc.Scan(&st.ID, &st.CampaignID, &st.Title, &st.Summary, &sources, &tier, &firstSeen, &updated, &facts)
	if err != nil {
		return strike.Story{}, err
	}
	st.Tier = strike.Tier(tier)
	st.FirstSeen, st.Updated = firstSeen.t, updated.t
	if err := json.Unmarshal([]byte(sources), &st.SummarySources); err != nil {
		return strike.Story{}, fmt.Errorf("story %d: decode summary sources: %w", st.ID, err)
	}
	if len(st.SummarySources) == 0 {
		st.SummarySources = nil
	}
	if err := json.Unmarshal([]byte(facts), &st.Facts); err != nil {
		return strike.Story{}, fmt.Errorf("story %d: decode facts: %w", st.ID, err)
	}
	return st, nil
}
