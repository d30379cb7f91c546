package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// nextSeqSQL takes the next coverage sequence number of the campaign of
// article $1, creating the campaign's state row at the first.
const nextSeqSQL = `INSERT INTO coverage_state (campaign_id, seq, phase, phase_article)
SELECT campaign_id, 1, '', 0 FROM articles WHERE id = $1
ON CONFLICT (campaign_id) DO UPDATE SET seq = coverage_state.seq + 1
RETURNING seq`

// setCoverageSQL records article $1's story, facts, signature and
// coverage sequence number; a story that is not one of the article's
// campaign changes nothing.
const setCoverageSQL = `UPDATE articles SET story_id = $2, facts = $3, signature = $4, coverage_seq = $5
WHERE id = $1 AND (CAST($2 AS BIGINT) IS NULL OR EXISTS (
	SELECT 1 FROM stories WHERE stories.id = $2 AND stories.campaign_id = articles.campaign_id))`

// SetCoverage implements strike.Store in one transaction. The story, when
// not 0, must be a story of the article's campaign: otherwise, as when the
// article does not exist, nothing changes and the error wraps
// strike.ErrNotFound. An empty signature is stored as none (nil).
func (s *Store) SetCoverage(ctx context.Context, articleID, storyID int64, facts strike.Facts, signature []byte) error {
	return s.SaveCoverage(ctx, []strike.ArticleCoverage{{ArticleID: articleID, StoryID: storyID, Facts: facts, Signature: signature}}, nil)
}

// SaveCoverage implements strike.Store in one transaction.
func (s *Store) SaveCoverage(ctx context.Context, cs []strike.ArticleCoverage, stories []strike.Story) error {
	if len(cs) == 0 && len(stories) == 0 {
		return nil
	}
	rows := make([]bulkCoverage, len(cs))
	for i, c := range cs {
		fj, err := json.Marshal(cleanFacts(c.Facts))
		if err != nil {
			return fmt.Errorf("%s: set coverage of article %d: encode facts: %w", s.d.Name, c.ArticleID, err)
		}
		rows[i] = bulkCoverage{c: c, facts: string(fj)}
	}
	var failed strike.ArticleCoverage
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		bulk, err := s.coverageInBulk(ctx, tx, rows)
		if err != nil {
			return err
		}
		if !bulk {
			if err := s.coverageOneByOne(ctx, tx, rows, &failed); err != nil {
				return err
			}
		}
		failed = strike.ArticleCoverage{}
		for _, st := range stories {
			if err := s.updateStory(ctx, tx, st); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case err == nil:
		return nil
	case errors.Is(err, strike.ErrNotFound) && failed.ArticleID != 0 && failed.StoryID != 0:
		return fmt.Errorf("%s: set coverage of article %d: article, or story %d of its campaign: %w", s.d.Name, failed.ArticleID, failed.StoryID, strike.ErrNotFound)
	case failed.ArticleID != 0:
		return fmt.Errorf("%s: set coverage of article %d: %w", s.d.Name, failed.ArticleID, err)
	}
	return fmt.Errorf("%s: save coverage: %w", s.d.Name, err)
}

// bulkCoverage is one article's coverage as SaveCoverage binds it.
type bulkCoverage struct {
	c     strike.ArticleCoverage
	facts string // JSON
}

// coverageInBulk saves the articles' coverage with a few statements,
// whatever their number, when the dialect has SetCoverageBulkSQL and the
// batch is the usual one: several distinct articles, all stored, of one
// campaign, each with no story or a story of that campaign. It reports
// false, having changed nothing, for any other batch, which SaveCoverage
// then saves article by article (and so reports the exact one at fault).
// The articles take the campaign's next sequence numbers in order, as
// one by one.
func (s *Store) coverageInBulk(ctx context.Context, tx *sql.Tx, rows []bulkCoverage) (bool, error) {
	if s.d.SetCoverageBulkSQL == "" || len(rows) < 2 {
		return false, nil
	}
	ids := make([]int64, len(rows))
	seen := make(map[int64]bool, len(rows))
	var stories []int64
	for i, r := range rows {
		if seen[r.c.ArticleID] {
			return false, nil
		}
		seen[r.c.ArticleID] = true
		ids[i] = r.c.ArticleID
		if r.c.StoryID != 0 {
			stories = append(stories, r.c.StoryID)
		}
	}
	idArg, err := s.d.ListArg(ids)
	if err != nil {
		return false, err
	}
	var low, high sql.NullString
	var n int
	err = tx.QueryRowContext(ctx, `SELECT MIN(campaign_id), MAX(campaign_id), COUNT(*) FROM articles WHERE `+s.d.In(`id`, `$1`), idArg).Scan(&low, &high, &n)
	if err != nil {
		return false, err
	}
	if n != len(rows) || !low.Valid || low.String != high.String {
		return false, nil
	}
	campaign := low.String
	if len(stories) > 0 {
		slices.Sort(stories)
		stories = slices.Compact(stories)
		storyArg, err := s.d.ListArg(stories)
		if err != nil {
			return false, err
		}
		var found int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE campaign_id = $1 AND `+s.d.In(`id`, `$2`), campaign, storyArg).Scan(&found); err != nil {
			return false, err
		}
		if found != len(stories) {
			return false, nil
		}
	}
	var last int64
	err = tx.QueryRowContext(ctx, `INSERT INTO coverage_state (campaign_id, seq, phase, phase_article) VALUES ($1, $2, '', 0)
ON CONFLICT (campaign_id) DO UPDATE SET seq = coverage_state.seq + excluded.seq
RETURNING seq`, campaign, int64(len(rows))).Scan(&last)
	if err != nil {
		return false, err
	}
	storyIDs, seqs, facts := make([]int64, len(rows)), make([]int64, len(rows)), make([]string, len(rows))
	sigs := make([][]byte, len(rows))
	for i, r := range rows {
		storyIDs[i], seqs[i], facts[i] = r.c.StoryID, last-int64(len(rows)-1-i), r.facts
		if len(r.c.Signature) > 0 {
			sigs[i] = r.c.Signature
		}
	}
	res, err := tx.ExecContext(ctx, s.d.SetCoverageBulkSQL, ids, storyIDs, facts, sigs, seqs)
	if err != nil {
		return false, err
	}
	if got, err := res.RowsAffected(); err != nil || got != int64(len(rows)) {
		if err == nil {
			// A story went away since it was checked: nothing is saved.
			err = fmt.Errorf("set coverage of %d articles: %d rows changed: %w", len(rows), got, strike.ErrNotFound)
		}
		return false, err
	}
	return true, nil
}

// coverageOneByOne saves the articles' coverage one statement pair per
// article; *failed is the article at hand when it fails.
func (s *Store) coverageOneByOne(ctx context.Context, tx *sql.Tx, rows []bulkCoverage, failed *strike.ArticleCoverage) error {
	next, set := tx.StmtContext(ctx, s.nextSeq), tx.StmtContext(ctx, s.setCoverage)
	for _, r := range rows {
		*failed = r.c
		var story, sig any
		if r.c.StoryID != 0 {
			story = r.c.StoryID
		}
		if len(r.c.Signature) > 0 {
			sig = r.c.Signature
		}
		var seq int64
		err := next.QueryRowContext(ctx, r.c.ArticleID).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return strike.ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := set.ExecContext(ctx, r.c.ArticleID, story, r.facts, sig, seq)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = strike.ErrNotFound
			}
			return err
		}
	}
	return nil
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

const memberColumns = `id, story_id, published, published_estimated, title, tier, source, url, feed, facts, signature, coverage_seq`

func scanMember(sc scanner) (strike.StoryMember, error) {
	var (
		m          strike.StoryMember
		published  nullTime
		tier       string
		facts      string
		seq, story sql.NullInt64
	)
	if err := sc.Scan(&m.ArticleID, &story, &published, &m.PublishedEstimated, &m.Title, &tier, &m.Source, &m.URL, &m.Feed, &facts, &m.Signature, &seq); err != nil {
		return m, err
	}
	m.StoryID, m.Published, m.Tier, m.Seq = story.Int64, published.t, strike.Tier(tier), seq.Int64
	if len(m.Signature) == 0 {
		m.Signature = nil
	}
	if err := json.Unmarshal([]byte(facts), &m.Facts); err != nil {
		return m, fmt.Errorf("article %d: decode facts: %w", m.ArticleID, err)
	}
	return m, nil
}

// StoryMembers implements strike.Store. from and to are truncated to
// microseconds, as stored times are.
func (s *Store) StoryMembers(ctx context.Context, campaignID string, from, to time.Time) ([]strike.StoryMember, error) {
	var w where
	w.add(`campaign_id = ` + w.arg(Clean(campaignID)))
	w.add(`story_id IS NOT NULL`)
	if !from.IsZero() {
		w.add(`published >= ` + w.arg(s.time(cleanTime(from))))
	}
	switch {
	case !to.IsZero() && from.IsZero():
		w.add(`(published < ` + w.arg(s.time(cleanTime(to))) + ` OR published IS NULL)`)
	case !to.IsZero():
		w.add(`published < ` + w.arg(s.time(cleanTime(to))))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+memberColumns+` FROM articles`+w.sql()+` ORDER BY `+membersOrder, w.args...)
	out, err := scanAll(rows, err, scanMember)
	if err != nil {
		return nil, fmt.Errorf("%s: story members of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

// CoverageChanges implements strike.Store.
func (s *Store) CoverageChanges(ctx context.Context, campaignID string, seq int64, limit int) ([]strike.StoryMember, error) {
	q := `SELECT ` + memberColumns + ` FROM articles WHERE campaign_id = $1 AND coverage_seq > $2 ORDER BY coverage_seq`
	args := []any{Clean(campaignID), seq}
	if limit > 0 {
		q += ` LIMIT $3`
		args = append(args, int64(limit))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	out, err := scanAll(rows, err, scanMember)
	if err != nil {
		return nil, fmt.Errorf("%s: coverage changes of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

// CoverageState implements strike.Store.
func (s *Store) CoverageState(ctx context.Context, campaignID string) (strike.CoverageState, error) {
	var st strike.CoverageState
	err := s.r.QueryRowContext(ctx, `SELECT seq, phase, phase_article FROM coverage_state WHERE campaign_id = $1`,
		Clean(campaignID)).Scan(&st.Seq, &st.Phase, &st.PhaseArticle)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("%s: coverage state of %q: %w", s.d.Name, campaignID, err)
	}
	return st, nil
}

// SetPhase implements strike.Store.
func (s *Store) SetPhase(ctx context.Context, campaignID, phase string, articleID int64) error {
	campaignID = Clean(campaignID)
	if campaignID == "" {
		return fmt.Errorf("%s: set phase: empty campaign", s.d.Name)
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO coverage_state (campaign_id, seq, phase, phase_article) VALUES ($1, 0, $2, $3)
ON CONFLICT (campaign_id) DO UPDATE SET phase = excluded.phase, phase_article = excluded.phase_article`,
		campaignID, Clean(phase), articleID)
	if err != nil {
		return fmt.Errorf("%s: set phase of %q: %w", s.d.Name, campaignID, err)
	}
	return nil
}

// LockCoverage implements strike.Store: with the Dialect's Lock across
// processes, else within this process (SQLite serves one process).
func (s *Store) LockCoverage(ctx context.Context, campaignID string) (func(), error) {
	if s.d.Lock != nil {
		release, err := s.d.Lock(ctx, s.w, "coverage:"+campaignID)
		if err != nil {
			return nil, fmt.Errorf("%s: lock coverage of %q: %w", s.d.Name, campaignID, err)
		}
		return release, nil
	}
	s.locksMu.Lock()
	if s.locks == nil {
		s.locks = make(map[string]chan struct{})
	}
	ch := s.locks[campaignID]
	if ch == nil {
		ch = make(chan struct{}, 1)
		s.locks[campaignID] = ch
	}
	s.locksMu.Unlock()
	select {
	case ch <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-ch }) }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: lock coverage of %q: %w", s.d.Name, campaignID, ctx.Err())
	}
}

// MergeStories implements strike.Store in one transaction.
func (s *Store) MergeStories(ctx context.Context, campaignID string, into int64, from []int64) error {
	if len(from) == 0 {
		return nil
	}
	campaignID = Clean(campaignID)
	ids := append([]int64{into}, from...)
	arg, err := s.d.ListArg(ids)
	if err != nil {
		return fmt.Errorf("%s: merge stories into %d: %w", s.d.Name, into, err)
	}
	fromArg, err := s.d.ListArg(from)
	if err != nil {
		return fmt.Errorf("%s: merge stories into %d: %w", s.d.Name, into, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE campaign_id = $1 AND merged_into IS NULL AND `+s.d.In(`id`, `$2`),
			campaignID, arg).Scan(&n); err != nil {
			return err
		}
		if n != int64(len(ids)) {
			return strike.ErrNotFound
		}
		// The moved articles take sequence numbers after the current one,
		// in ID order.
		var seq int64
		if err := tx.QueryRowContext(ctx, `SELECT seq FROM coverage_state WHERE campaign_id = $1`, campaignID).Scan(&seq); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM articles WHERE `+s.d.In(`story_id`, `$1`)+` ORDER BY id`, fromArg)
		moved, err := scanAll(rows, err, func(sc scanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		})
		if err != nil {
			return err
		}
		for _, id := range moved {
			seq++
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $2, coverage_seq = $3 WHERE id = $1`, id, into, seq); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO coverage_state (campaign_id, seq, phase, phase_article) VALUES ($1, $2, '', 0)
ON CONFLICT (campaign_id) DO UPDATE SET seq = excluded.seq`, campaignID, seq); err != nil {
			return err
		}
		// A muted or retracted story stays quiet in the story it joins.
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET muted = TRUE WHERE id = $2 AND EXISTS (
	SELECT 1 FROM stories f WHERE `+s.d.In(`f.id`, `$1`)+` AND (f.muted OR f.retracted IS NOT NULL))`, fromArg, into); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET merged_into = $2, members = 0 WHERE `+s.d.In(`id`, `$1`), fromArg, into); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE deliveries SET story_id = $2 WHERE `+s.d.In(`story_id`, `$1`), fromArg, into)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: merge stories %v into %d: %w", s.d.Name, from, into, err)
	}
	return nil
}

// StoryCoveredBy implements strike.Store.
func (s *Store) StoryCoveredBy(ctx context.Context, storyID int64, source string, except int64) (bool, error) {
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE story_id = $1 AND source = $2 AND id <> $3 LIMIT 1`,
		storyID, Clean(source), except).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("%s: story %d covered by %q: %w", s.d.Name, storyID, source, err)
	}
	return true, nil
}
