package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/strikebot/strikebot/strike"
)

const storyColumns = `id, campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts, members, outlets, merged_into, coverage, muted, retracted`

// storiesOrder is most recently updated first, a story never updated last,
// ties by id descending. SQLite's default NULL placement is the same, so
// its index serves the order without a sort.
const storiesOrder = `updated DESC NULLS LAST, id DESC`

// membersOrder is oldest published first, an undated article first (as the
// zero time sorts in Go), ties by id.
const membersOrder = `published ASC NULLS FIRST, id ASC`

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
	if len(st.Outlets) > 0 {
		os := make([]string, 0, min(len(st.Outlets), strike.MaxStoryOutlets))
		for _, o := range st.Outlets[:min(len(st.Outlets), strike.MaxStoryOutlets)] {
			os = append(os, Clean(o))
		}
		st.Outlets = os
	} else {
		st.Outlets = nil
	}
	if len(st.Coverage) == 0 {
		st.Coverage = nil
	}
	if st.Members < 0 {
		st.Members = 0
	}
	return st
}

// SaveStory implements strike.Store. An update changes the fields the
// contract names and never the story's campaign.
func (s *Store) SaveStory(ctx context.Context, st strike.Story) (int64, error) {
	if st.ID != 0 {
		if err := s.updateStory(ctx, s.w, st); err != nil {
			return 0, err
		}
		return st.ID, nil
	}
	v, err := storyValues(CleanStory(st))
	if err != nil {
		return 0, fmt.Errorf("%s: insert story: %w", s.d.Name, err)
	}
	var id int64
	err = s.w.QueryRowContext(ctx, `INSERT INTO stories (campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts, members, outlets, coverage)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		v.campaign, v.title, v.summary, v.sources, v.tier, s.time(v.firstSeen), s.time(v.updated), v.facts, v.members, v.outlets, v.coverage).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("%s: insert story: %w", s.d.Name, err)
	}
	return id, nil
}

// execer is a *sql.DB or a *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// updateStory updates an existing story; ErrNotFound when there is none.
func (s *Store) updateStory(ctx context.Context, db execer, st strike.Story) error {
	v, err := storyValues(CleanStory(st))
	if err != nil {
		return fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, err)
	}
	res, err := db.ExecContext(ctx, `UPDATE stories SET title = $2, summary = $3, summary_sources = $4, tier = $5,
	first_seen = $6, updated = $7, facts = $8, members = $9, outlets = $10, coverage = $11
WHERE id = $1`,
		st.ID, v.title, v.summary, v.sources, v.tier, s.time(v.firstSeen), s.time(v.updated), v.facts, v.members, v.outlets, v.coverage)
	if err != nil {
		return fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: update story %d: %w", s.d.Name, st.ID, strike.ErrNotFound)
	}
	return nil
}

// storyRowValues are a story's column values, encoded.
type storyRowValues struct {
	campaign, title, summary, sources, tier, facts, outlets string
	firstSeen, updated                                      time.Time
	members                                                 int64
	coverage                                                any
}

func storyValues(st strike.Story) (storyRowValues, error) {
	sources := st.SummarySources
	if sources == nil {
		sources = []strike.SummarySentence{}
	}
	sj, err := json.Marshal(sources)
	if err != nil {
		return storyRowValues{}, fmt.Errorf("encode summary sources: %w", err)
	}
	fj, err := json.Marshal(st.Facts)
	if err != nil {
		return storyRowValues{}, fmt.Errorf("encode facts: %w", err)
	}
	outlets := st.Outlets
	if outlets == nil {
		outlets = []string{}
	}
	oj, err := json.Marshal(outlets)
	if err != nil {
		return storyRowValues{}, fmt.Errorf("encode outlets: %w", err)
	}
	v := storyRowValues{campaign: st.CampaignID, title: st.Title, summary: st.Summary, sources: string(sj), tier: string(st.Tier),
		facts: string(fj), outlets: string(oj), firstSeen: st.FirstSeen, updated: st.Updated, members: int64(st.Members)}
	if st.Coverage != nil {
		v.coverage = st.Coverage
	}
	return v, nil
}

// maxMergeHops bounds how many merges Story follows from one ID.
const maxMergeHops = 64

// Story implements strike.Store with two queries (more when id was merged:
// one per merge followed): the story, then its members. They are not one
// snapshot: a member added in between may show.
func (s *Store) Story(ctx context.Context, id int64) (strike.Story, error) {
	st, err := s.storyRow(ctx, id)
	if err != nil {
		return strike.Story{}, err
	}
	members, err := s.members(ctx, []int64{st.ID}, 0)
	if err != nil {
		return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, err)
	}
	st.Articles = members[st.ID]
	return st, nil
}

// storyRow returns the row of story id, following merges.
func (s *Store) storyRow(ctx context.Context, id int64) (strike.Story, error) {
	at := id
	for range maxMergeHops {
		st, err := scanStory(s.r.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, at))
		if errors.Is(err, sql.ErrNoRows) {
			return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, strike.ErrNotFound)
		}
		if err != nil {
			return strike.Story{}, fmt.Errorf("%s: story %d: %w", s.d.Name, id, err)
		}
		if st.MergedInto == 0 {
			return st, nil
		}
		at = st.MergedInto
	}
	return strike.Story{}, fmt.Errorf("%s: story %d: merged more than %d times: %w", s.d.Name, id, maxMergeHops, strike.ErrNotFound)
}

// Stories implements strike.Store with two queries however many stories
// there are: the stories, then the members of all of them. A negative
// Limit is treated as 0.
func (s *Store) Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error) {
	var w where
	w.add(`merged_into IS NULL`)
	if len(f.IDs) > 0 {
		ids, err := s.survivors(ctx, f.IDs)
		if err != nil {
			return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
		}
		arg, err := s.d.ListArg(ids)
		if err != nil {
			return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
		}
		w.add(s.d.In(`id`, w.arg(arg)))
	}
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
	if len(out) == 0 || f.MaxArticles < 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	for i, st := range out {
		ids[i] = st.ID
	}
	members, err := s.members(ctx, ids, f.MaxArticles)
	if err != nil {
		return nil, fmt.Errorf("%s: stories: %w", s.d.Name, err)
	}
	for i := range out {
		out[i].Articles = members[out[i].ID]
	}
	return out, nil
}

// survivors returns ids with each merged story replaced by the story it
// was merged into, duplicates dropped.
func (s *Store) survivors(ctx context.Context, ids []int64) ([]int64, error) {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		var into sql.NullInt64
		at := id
		for range maxMergeHops {
			err := s.r.QueryRowContext(ctx, `SELECT merged_into FROM stories WHERE id = $1`, at).Scan(&into)
			if errors.Is(err, sql.ErrNoRows) || err == nil && !into.Valid {
				break
			}
			if err != nil {
				return nil, err
			}
			at = into.Int64
		}
		if !slices.Contains(out, at) {
			out = append(out, at)
		}
	}
	return out, nil
}

// members returns the member articles of the stories ids, by story, each
// oldest first, at most limit per story (0: all), in one query.
func (s *Store) members(ctx context.Context, ids []int64, limit int) (map[int64][]strike.StoryArticle, error) {
	arg, err := s.d.ListArg(ids)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	q := `SELECT story_id, id, url, title, source, published FROM articles
WHERE ` + s.d.In(`story_id`, `$1`) + ` ORDER BY story_id, ` + membersOrder
	args := []any{arg}
	if limit > 0 {
		q = `SELECT story_id, id, url, title, source, published FROM (
	SELECT story_id, id, url, title, source, published,
		row_number() OVER (PARTITION BY story_id ORDER BY ` + membersOrder + `) AS n
	FROM articles WHERE ` + s.d.In(`story_id`, `$1`) + `) m
WHERE n <= $2 ORDER BY story_id, ` + membersOrder
		args = append(args, int64(limit))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
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
		st                            strike.Story
		firstSeen, updated            nullTime
		tier, sources, facts, outlets string
		members                       int64
		mergedInto                    sql.NullInt64
		retracted                     nullTime
	)
	err := sc.Scan(&st.ID, &st.CampaignID, &st.Title, &st.Summary, &sources, &tier, &firstSeen, &updated, &facts,
		&members, &outlets, &mergedInto, &st.Coverage, &st.Muted, &retracted)
	if err != nil {
		return strike.Story{}, err
	}
	st.Retracted = retracted.t
	st.Members, st.MergedInto = int(members), mergedInto.Int64
	if len(st.Coverage) == 0 {
		st.Coverage = nil
	}
	if err := json.Unmarshal([]byte(outlets), &st.Outlets); err != nil {
		return strike.Story{}, fmt.Errorf("story %d: decode outlets: %w", st.ID, err)
	}
	if len(st.Outlets) == 0 {
		st.Outlets = nil
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

// MuteStory implements strike.Store.
func (s *Store) MuteStory(ctx context.Context, id int64, muted bool) error {
	st, err := s.storyRow(ctx, id)
	if err != nil {
		return err
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE stories SET muted = $2 WHERE id = $1`, st.ID, muted); err != nil {
		return fmt.Errorf("%s: mute story %d: %w", s.d.Name, id, err)
	}
	return nil
}

// RetractStory implements strike.Store.
func (s *Store) RetractStory(ctx context.Context, id int64, at time.Time) error {
	st, err := s.storyRow(ctx, id)
	if err != nil {
		return err
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE stories SET retracted = $2 WHERE id = $1 AND retracted IS NULL`,
		st.ID, s.time(cleanTime(at))); err != nil {
		return fmt.Errorf("%s: retract story %d: %w", s.d.Name, id, err)
	}
	return nil
}
