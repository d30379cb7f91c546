package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// SavePoll calls that arrive while another is being written wait and are
// written together, in one transaction: the pages a poll's rows share
// with the next poll's (the table's last pages, the indexes' inner pages,
// the feeds table) are then written once, and a commit's fixed cost is
// paid once. Polling 1,000 feeds into SQLite, that is most of what saving
// costs; on PostgreSQL it is one disk-synced commit for several polls.
//
// No goroutine is started: a caller that finds fewer batches being
// written than the dialect allows at once (Dialect.Writers) writes the
// ones waiting, and goes on while more arrive. A batch that fails is
// written again one poll per transaction, so one poll's bad row, or one
// caller's cancelled context, fails that poll only.

// Batches stop growing at these sizes.
const (
	maxBatchPolls    = 32
	maxBatchArticles = 4000
)

// While polls arrive together, a writer with fewer than lingerBelow
// waiting waits linger for more.
const (
	lingerBelow = 8
	linger      = 3 * time.Millisecond
)

// pollReq is one SavePoll call, cleaned and ordered.
type pollReq struct {
	ctx      context.Context
	state    strike.FeedState
	articles []strike.Article
	ids      []int64 // filled by the writer: ID of each new article, else 0
	err      error
	done     chan struct{}
}

// batcher queues SavePoll calls for the writer.
type batcher struct {
	mu      sync.Mutex
	queue   []*pollReq
	writers int  // callers writing batches
	busy    bool // the last batch had company: polls arrive together
}

// SavePoll implements strike.Store. The articles are inserted in
// (campaign, key) order, so concurrent writers of overlapping batches take
// their row locks in the same order; a transaction the dialect calls
// retryable (a deadlock) is run again, at most maxAttempts times. The
// returned articles are as stored: cleaned, with UTC microsecond times.
func (s *Store) SavePoll(ctx context.Context, state strike.FeedState, articles []strike.Article) ([]strike.Article, error) {
	req := &pollReq{ctx: ctx, state: CleanFeedState(state), articles: make([]strike.Article, len(articles)),
		ids: make([]int64, len(articles)), done: make(chan struct{})}
	for i, a := range articles {
		req.articles[i] = CleanArticle(a)
	}

	b := &s.polls
	b.mu.Lock()
	b.queue = append(b.queue, req)
	if b.writers >= max(s.d.Writers, 1) {
		b.mu.Unlock()
		// The writer answers every request it takes, promptly: waiting
		// for it, not for ctx, keeps a caller from giving up on rows
		// that are being stored.
		<-req.done
	} else {
		b.writers++
		batchArticles := cmp.Or(s.d.BatchArticles, maxBatchArticles)
		for len(b.queue) > 0 {
			if b.busy && len(b.queue) < lingerBelow {
				// Polls are arriving together (a backlog, a first run):
				// let the ones finishing meanwhile join, a few
				// milliseconds against a poll's hundreds. A poll on its
				// own is written at once.
				b.mu.Unlock()
				time.Sleep(linger)
				b.mu.Lock()
			}
			n, rows := 0, 0
			for n < len(b.queue) && n < maxBatchPolls && (n == 0 || rows+len(b.queue[n].articles) <= batchArticles) {
				rows += len(b.queue[n].articles)
				n++
			}
			batch := slices.Clone(b.queue[:n])
			b.queue = slices.Delete(b.queue, 0, n)
			b.mu.Unlock()
			s.writePolls(batch)
			s.analyzeNew(batch)
			b.mu.Lock()
			b.busy = n > 1 || len(b.queue) > 0
		}
		b.writers--
		b.mu.Unlock()
		// With more than one writer, another may have taken this
		// request and still be writing it.
		<-req.done
	}

	if req.err != nil {
		return nil, fmt.Errorf("%s: save poll of %s: %w", s.d.Name, RedactURL(state.URL), req.err)
	}
	// The new articles are compacted in place: req.articles is this
	// call's own copy, and a poll's worth of articles is not copied again.
	fresh := req.articles[:0]
	for i, id := range req.ids {
		if id != 0 {
			a := req.articles[i]
			a.ID = id
			fresh = append(fresh, a)
		}
	}
	clear(req.articles[len(fresh):]) // the old ones' texts go now
	if len(fresh) == 0 {
		return nil, nil
	}
	return fresh, nil
}

// writePolls writes the batch and answers each request in it.
func (s *Store) writePolls(batch []*pollReq) {
	defer func() {
		for _, r := range batch {
			close(r.done)
		}
	}()
	live := batch[:0:0]
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		live = append(live, r)
	}
	if len(live) == 0 {
		return
	}
	if len(live) > 1 {
		// The batch runs on its first caller's context, without its
		// cancellation: a caller going away must not fail the others.
		ctx := context.WithoutCancel(live[0].ctx)
		if err := s.savePolls(ctx, live); err == nil {
			return
		}
	}
	for _, r := range live {
		r.err = s.savePolls(r.ctx, []*pollReq{r})
	}
}

// analyzeAfterRows is how many articles SavePoll inserts before
// Dialect.AnalyzeNewSQL runs.
const analyzeAfterRows = 1000

// analyzeTimeout bounds AnalyzeNewSQL's run.
const analyzeTimeout = 30 * time.Second

// analyzeNew counts the batch's new articles and, once analyzeAfterRows
// are in, runs Dialect.AnalyzeNewSQL once. Without statistics on a new
// table, PostgreSQL's planner takes a campaign to be a few rows: it
// looked up a poll's known keys by reading every article of the campaign
// through the campaign's date index (the unique key index left aside),
// 868,000 index entries over a first ingest of 1,000 feeds, until
// autovacuum analyzed the table a minute later.
func (s *Store) analyzeNew(batch []*pollReq) {
	if s.d.AnalyzeNewSQL == "" || s.analyzed.Load() {
		return
	}
	n := 0
	for _, r := range batch {
		for _, id := range r.ids {
			if id != 0 {
				n++
			}
		}
	}
	if s.inserted.Add(int64(n)) < analyzeAfterRows || !s.analyzed.CompareAndSwap(false, true) {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(batch[0].ctx), analyzeTimeout)
	defer cancel()
	// Statistics only speed queries up; autovacuum gathers them later
	// if this fails.
	_, _ = s.w.ExecContext(ctx, s.d.AnalyzeNewSQL)
}

// savePolls stores the polls in one transaction, run again while the
// dialect calls its error retryable.
func (s *Store) savePolls(ctx context.Context, polls []*pollReq) error {
	// Every row in (campaign, key) order, whichever poll it is from, and
	// the feeds in URL order: concurrent writers lock in the same order.
	type row struct{ poll, i int }
	var rows []row
	for p, r := range polls {
		for i := range r.articles {
			rows = append(rows, row{p, i})
		}
	}
	slices.SortStableFunc(rows, func(x, y row) int {
		a, b := &polls[x.poll].articles[x.i], &polls[y.poll].articles[y.i]
		return cmp.Or(cmp.Compare(a.CampaignID, b.CampaignID), cmp.Compare(a.Key, b.Key))
	})
	feeds := make([]int, len(polls))
	for i := range feeds {
		feeds[i] = i
	}
	slices.SortStableFunc(feeds, func(x, y int) int { return cmp.Compare(polls[x].state.URL, polls[y].state.URL) })

	var err error
	for attempt := 1; ; attempt++ {
		err = s.savePollsTx(ctx, polls, func(yield func(p, i int) bool) {
			for _, r := range rows {
				if !yield(r.poll, r.i) {
					return
				}
			}
		}, feeds)
		if err == nil || attempt == maxAttempts || s.d.Retryable == nil || !s.d.Retryable(err) || ctx.Err() != nil {
			return err
		}
	}
}

func (s *Store) savePollsTx(ctx context.Context, polls []*pollReq, rows func(yield func(p, i int) bool), feeds []int) (err error) {
	for _, r := range polls {
		clear(r.ids)
	}
	var conn *sql.Conn
	if s.d.CopyArticles != nil {
		// The bulk copy needs the transaction's own connection.
		if conn, err = s.w.Conn(ctx); err != nil {
			return fmt.Errorf("connect: %w", err)
		}
		defer func() { _ = conn.Close() }() // returns it to the pool; a broken one is dropped
	}
	var tx *sql.Tx
	if conn != nil {
		tx, err = conn.BeginTx(ctx, nil)
	} else {
		tx, err = s.w.BeginTx(ctx, nil)
	}
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			for _, r := range polls {
				clear(r.ids)
			}
		}
	}()
	copied := false
	if conn != nil {
		if copied, err = s.copyRows(ctx, conn, tx, polls, rows); err != nil {
			return err
		}
	}
	switch {
	case copied:
	case s.d.InsertRows > 1:
		if err := s.insertRows(ctx, tx, polls, rows); err != nil {
			return err
		}
	default:
		ins := tx.StmtContext(ctx, s.insert)
		for p, i := range rows {
			a := &polls[p].articles[i]
			args, err := s.articleArgs(a)
			if err != nil {
				return err
			}
			err = ins.QueryRowContext(ctx, args...).Scan(&polls[p].ids[i])
			if errors.Is(err, sql.ErrNoRows) {
				continue // already stored: not new
			}
			if err != nil {
				return fmt.Errorf("insert article %q of %s: %w", a.Key, RedactURL(polls[p].state.URL), err)
			}
		}
	}
	up := tx.StmtContext(ctx, s.upsert)
	for _, p := range feeds {
		if _, err := up.ExecContext(ctx, s.feedArgs(&polls[p].state)...); err != nil {
			return fmt.Errorf("save feed state of %s: %w", RedactURL(polls[p].state.URL), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// copyRows inserts the rows with Dialect.CopyArticles, reporting false
// (and nothing inserted) when the copy failed and the rows must be
// inserted one way or another that skips stored ones. A row sharing a key
// or a URL with an earlier row of the batch is not new, as with
// insertRows; a row the table already holds fails the copy.
func (s *Store) copyRows(ctx context.Context, conn *sql.Conn, tx *sql.Tx, polls []*pollReq, rows func(yield func(p, i int) bool)) (bool, error) {
	type ref struct{ p, i int }
	var refs []ref
	var args [][]any
	keys := make(map[[2]string]bool)
	urls := make(map[[2]string]bool)
	for p, i := range rows {
		a := &polls[p].articles[i]
		k, u := [2]string{a.CampaignID, a.Key}, [2]string{a.CampaignID, a.URL}
		if keys[k] || (a.URL != "" && urls[u]) {
			continue
		}
		keys[k] = true
		if a.URL != "" {
			urls[u] = true
		}
		row, err := s.articleArgs(a)
		if err != nil {
			return false, err
		}
		refs = append(refs, ref{p, i})
		args = append(args, row)
	}
	if len(args) == 0 {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, `SAVEPOINT copy_articles`); err != nil {
		return false, fmt.Errorf("savepoint: %w", err)
	}
	ids, err := s.d.CopyArticles(ctx, conn, args)
	if err == nil && len(ids) != len(args) {
		err = fmt.Errorf("copy returned %d IDs for %d articles", len(ids), len(args))
	}
	if err != nil {
		if ctx.Err() != nil {
			return false, fmt.Errorf("copy %d articles: %w", len(args), err)
		}
		// A stored key or URL, most likely (another replica's poll of
		// the same feed): the rows go in one by one, skipping those.
		if _, err := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT copy_articles`); err != nil {
			return false, fmt.Errorf("roll back a failed copy: %w", err)
		}
		return false, nil
	}
	for n, r := range refs {
		polls[r.p].ids[r.i] = ids[n]
	}
	return true, nil
}

// insertRows inserts the rows, in order, several per statement: chunks of
// a power of two rows, at most Dialect.InsertRows, so that a few
// statement texts serve every batch. A row the table already holds (by
// key or URL), or that an earlier row of the batch took, is not new.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, polls []*pollReq, rows func(yield func(p, i int) bool)) error {
	type ref struct{ p, i int }
	var all []ref
	for p, i := range rows {
		all = append(all, ref{p, i})
	}
	for len(all) > 0 {
		n := 1
		for n*2 <= len(all) && n*2 <= s.d.InsertRows {
			n *= 2
		}
		chunk := all[:n]
		all = all[n:]
		args := make([]any, 0, n*insertColumns)
		// Which rows of the chunk carry each key: the first not yet
		// given an ID gets the one returned.
		byKey := make(map[[2]string][]ref, n)
		for _, r := range chunk {
			a := &polls[r.p].articles[r.i]
			row, err := s.articleArgs(a)
			if err != nil {
				return err
			}
			args = append(args, row...)
			k := [2]string{a.CampaignID, a.Key}
			byKey[k] = append(byKey[k], r)
		}
		res, err := tx.QueryContext(ctx, insertRowsSQL(n), args...)
		if err != nil {
			return fmt.Errorf("insert %d articles: %w", n, err)
		}
		for res.Next() {
			var id int64
			var k [2]string
			if err := res.Scan(&id, &k[0], &k[1]); err != nil {
				res.Close()
				return fmt.Errorf("insert %d articles: %w", n, err)
			}
			if refs := byKey[k]; len(refs) > 0 {
				polls[refs[0].p].ids[refs[0].i] = id
				byKey[k] = refs[1:]
			}
		}
		if err := res.Err(); err != nil {
			return fmt.Errorf("insert %d articles: %w", n, err)
		}
		if err := res.Close(); err != nil {
			return fmt.Errorf("insert %d articles: %w", n, err)
		}
	}
	return nil
}

// insertColumns is how many values articleArgs binds for a row.
const insertColumns = 17

var insertRowsTexts sync.Map // rows → statement text

// insertRowsSQL returns the statement inserting n articles.
func insertRowsSQL(n int) string {
	if q, ok := insertRowsTexts.Load(n); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text,
	published, published_estimated, first_seen, tier, score, reasons, story_id, facts) VALUES `)
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range insertColumns {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", r*insertColumns+c+1)
		}
		b.WriteByte(')')
	}
	b.WriteString(` ON CONFLICT DO NOTHING RETURNING id, campaign_id, key`)
	q, _ := insertRowsTexts.LoadOrStore(n, b.String())
	return q.(string)
}
