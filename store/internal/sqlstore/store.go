// Package sqlstore is the database/sql code the SQLite and PostgreSQL
// backends share: the strike.Store queries (articles, stories and pins;
// subscriptions, the delivery outbox and the audit log), text hygiene and
// the migrator.
// The dialects differ only in what a Dialect describes; both use $N
// placeholders (modernc.org/sqlite binds $N by position).
package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// Dialect is what differs between the SQL backends.
type Dialect struct {
	// Name prefixes every error text, for example "sqlite".
	Name string
	// Time returns the value to bind for a non-zero time that is already in
	// UTC and truncated to microseconds. Zero times are bound as NULL.
	Time func(t time.Time) any
	// KnownKeysSQL selects the key column of the articles of campaign $1
	// whose key is in $2, the value ListArg makes of the keys.
	KnownKeysSQL string
	// ListArg returns the value to bind for a list (a []string or an
	// []int64) that In or KnownKeysSQL tests membership of.
	ListArg func(list any) (any, error)
	// In returns a condition that holds when expr is one of the list bound
	// to the placeholder param, a value ListArg made.
	In func(expr, param string) string
	// ArticlesOrder is the ORDER BY list for Articles: newest published
	// first, NULL published last, ties by id descending.
	ArticlesOrder string
	// Retryable reports whether a failed SavePoll or Enqueue transaction
	// may be run again as a whole (a deadlock or serialization failure).
	// May be nil.
	Retryable func(err error) bool
	// Lock, if set, takes a lock named key that excludes every other
	// holder on the database, in this process or another, and returns its
	// release; nil where one process uses the database (SQLite), whose
	// Store then locks within the process.
	Lock func(ctx context.Context, db *sql.DB, key string) (release func(), err error)
	// ClaimLock ends the subquery that picks the deliveries to claim, ""
	// where one writer at a time makes the claim safe (SQLite) or a
	// locking clause such as " FOR UPDATE SKIP LOCKED" (PostgreSQL), so
	// concurrent claimers pass over each other's rows instead of waiting.
	ClaimLock string
	// InsertRows, above 1, makes SavePoll insert up to that many articles
	// per statement (PostgreSQL: one round trip for many rows); SQLite,
	// in the process, inserts one row per prepared statement.
	InsertRows int
	// CopyArticles, if not nil, inserts a SavePoll batch's articles in
	// bulk on conn, inside the batch's transaction: rows are articleArgs'
	// values, in order, none of them sharing a key or a URL with another;
	// it returns each row's new ID. It fails, and SavePoll then inserts
	// them as InsertRows says, when a row's key or URL is stored already.
	CopyArticles func(ctx context.Context, conn *sql.Conn, rows [][]any) ([]int64, error)
	// BatchArticles bounds the articles of one SavePoll transaction (the
	// polls waiting are joined up to it; one poll alone may exceed it); 0
	// is maxBatchArticles. SQLite wants the pages a transaction dirties
	// to fit its writer's cache: past it, pages are spilled to the WAL
	// mid-transaction and written again at commit.
	BatchArticles int
	// Writers is how many SavePoll batches may be written at once, each
	// in its own transaction (0 or 1: one). More than one needs a
	// database whose writers do not exclude each other (PostgreSQL):
	// batches lock their rows in (campaign, key) order, and a deadlock
	// left is retried (Retryable).
	Writers int
	// KnownKeysOption, if not nil, is passed to the driver ahead of
	// KnownKeysSQL's arguments, and KnownKeysSQL is then not prepared
	// once for the Store (PostgreSQL: planned for its values each time,
	// see the postgres package).
	KnownKeysOption any
	// AnalyzeNewSQL, if not "", is run once by a Store whose SavePoll
	// calls have inserted analyzeAfterRows articles: it gathers the
	// articles table's statistics if it has none yet (PostgreSQL, whose
	// autovacuum does so only a minute or more after the table fills).
	AnalyzeNewSQL string
	// SetCoverageBulkSQL, if not "", sets the coverage of many articles
	// of one campaign in one statement (PostgreSQL: one round trip
	// instead of two per article), from five parallel lists: $1 article
	// IDs ([]int64), $2 story IDs (0 for none), $3 facts as JSON
	// ([]string), $4 signatures ([][]byte, nil for none), $5 sequence
	// numbers. SaveCoverage checks the articles and stories first; the
	// statement checks each story again, as the one-by-one UPDATE does.
	SetCoverageBulkSQL string
}

// maxAttempts bounds how often SavePoll runs a retryable transaction.
const maxAttempts = 3

const articleColumns = `id, campaign_id, feed, key, url, title, source, author, summary, text,
	published, published_estimated, first_seen, tier, score, reasons, story_id, facts`

const insertArticleSQL = `INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text,
	published, published_estimated, first_seen, tier, score, reasons, story_id, facts)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
ON CONFLICT DO NOTHING
RETURNING id`

const feedColumns = `url, campaign_id, title, etag, last_modified, body_hash, polls,
	last_poll, last_success, last_error, last_error_text, failures, next_poll, failing_since`

// feedReadColumns are feedColumns, the lease, and what captains and the
// operations alerts set (which saving a poll keeps).
const feedReadColumns = feedColumns + `, lease_until, paused, paused_by, alerted`

const upsertFeedSQL = `INSERT INTO feeds (` + feedColumns + `)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
ON CONFLICT (url) DO UPDATE SET
	campaign_id = excluded.campaign_id,
	title = excluded.title,
	etag = excluded.etag,
	last_modified = excluded.last_modified,
	body_hash = excluded.body_hash,
	polls = excluded.polls,
	last_poll = excluded.last_poll,
	last_success = excluded.last_success,
	last_error = excluded.last_error,
	last_error_text = excluded.last_error_text,
	failures = excluded.failures,
	next_poll = excluded.next_poll,
	failing_since = excluded.failing_since,
	lease_until = NULL`

// Store implements strike.Store over database/sql. Writes go to the write
// pool, reads to the read pool (which may be the same *sql.DB). It is safe
// for concurrent use. Close closes both pools.
type Store struct {
	d        Dialect
	w, r     *sql.DB
	locksMu  sync.Mutex
	locks    map[string]chan struct{} // LockCoverage without Dialect.Lock
	insert   *sql.Stmt
	upsert   *sql.Stmt
	claim    *sql.Stmt
	complete *sql.Stmt
	// The desk's per-article coverage writes.
	nextSeq     *sql.Stmt
	setCoverage *sql.Stmt
	// Per-poll statements: the poller's reads on r, its lease on w.
	feedState   *sql.Stmt
	knownKeys   *sql.Stmt
	claimFeed   *sql.Stmt
	releaseFeed *sql.Stmt
	polls       batcher // SavePoll calls waiting to be written together
	// Articles SavePoll inserted, until AnalyzeNewSQL has run.
	inserted atomic.Int64
	analyzed atomic.Bool
}

// New returns a Store over the migrated databases w (writes) and r (reads).
// It prepares the hot-path statements (see statements). The Store owns w and r from
// then on, also when New fails.
func New(ctx context.Context, d Dialect, w, r *sql.DB) (*Store, error) {
	s := &Store{d: d, w: w, r: r}
	for _, p := range s.statements() {
		if p.query == "" {
			continue // not prepared in this dialect
		}
		var err error
		if *p.stmt, err = p.on.PrepareContext(ctx, p.query); err != nil {
			s.Close()
			return nil, fmt.Errorf("%s: prepare %s: %w", d.Name, p.what, err)
		}
	}
	return s, nil
}

// statement is one of the Store's prepared statements: where it is kept,
// the pool it is prepared on, its SQL ("" when the dialect does not
// prepare it) and its name in errors.
type statement struct {
	stmt  **sql.Stmt
	on    *sql.DB
	query string
	what  string
}

// statements lists the hot-path statements New prepares: the poller's
// reads on r, every write on w.
func (s *Store) statements() []statement {
	knownKeys := s.d.KnownKeysSQL
	if s.d.KnownKeysOption != nil {
		knownKeys = "" // planned for its values each time (see Dialect)
	}
	return []statement{
		{&s.insert, s.w, insertArticleSQL, "insert"},
		{&s.upsert, s.w, upsertFeedSQL, "feed upsert"},
		{&s.claim, s.w, claimSQL + s.d.ClaimLock + ")\nRETURNING " + deliveryColumns, "claim"},
		{&s.complete, s.w, completeSQL, "complete"},
		{&s.nextSeq, s.w, nextSeqSQL, "next coverage sequence"},
		{&s.setCoverage, s.w, setCoverageSQL, "set coverage"},
		{&s.feedState, s.r, feedStateSQL, "feed state"},
		{&s.knownKeys, s.r, knownKeys, "known keys"},
		{&s.claimFeed, s.w, claimFeedSQL, "claim feed"},
		{&s.releaseFeed, s.w, releaseFeedSQL, "release feed"},
	}
}

// Close closes the prepared statements and both pools.
func (s *Store) Close() error {
	var errs []error
	for _, p := range s.statements() {
		if st := *p.stmt; st != nil {
			errs = append(errs, st.Close())
		}
	}
	errs = append(errs, s.w.Close())
	if s.r != s.w {
		errs = append(errs, s.r.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%s: close: %w", s.d.Name, err)
	}
	return nil
}

// Ping checks both pools.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.w.PingContext(ctx); err != nil {
		return fmt.Errorf("%s: ping: %w", s.d.Name, err)
	}
	if s.r != s.w {
		if err := s.r.PingContext(ctx); err != nil {
			return fmt.Errorf("%s: ping readers: %w", s.d.Name, err)
		}
	}
	return nil
}

func (s *Store) time(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return s.d.Time(t)
}

// KnownKeys implements strike.Store with one query. Keys are cleaned the
// way SavePoll cleans them, and reported under the caller's spelling.
func (s *Store) KnownKeys(ctx context.Context, campaignID string, keys []string) (map[string]bool, error) {
	known := make(map[string]bool)
	if len(keys) == 0 {
		return known, nil
	}
	orig := make(map[string][]string, len(keys)) // cleaned key → caller's keys
	clean := make([]string, 0, len(keys))
	for _, k := range keys {
		c := Clean(k)
		if _, ok := orig[c]; !ok {
			clean = append(clean, c)
		}
		orig[c] = append(orig[c], k)
	}
	arg, err := s.d.ListArg(clean)
	if err != nil {
		return nil, fmt.Errorf("%s: known keys: %w", s.d.Name, err)
	}
	var rows *sql.Rows
	if s.knownKeys != nil {
		rows, err = s.knownKeys.QueryContext(ctx, Clean(campaignID), arg)
	} else {
		rows, err = s.r.QueryContext(ctx, s.d.KnownKeysSQL, s.d.KnownKeysOption, Clean(campaignID), arg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: known keys: %w", s.d.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("%s: known keys: %w", s.d.Name, err)
		}
		for _, o := range orig[k] {
			known[o] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: known keys: %w", s.d.Name, err)
	}
	return known, nil
}

func (s *Store) articleArgs(a *strike.Article) ([]any, error) {
	reasons := a.Relevance.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	rj, err := json.Marshal(reasons)
	if err != nil {
		return nil, fmt.Errorf("article %q: encode reasons: %w", a.Key, err)
	}
	fj, err := json.Marshal(a.Facts)
	if err != nil {
		return nil, fmt.Errorf("article %q: encode facts: %w", a.Key, err)
	}
	var story any
	if a.StoryID != 0 {
		story = a.StoryID
	}
	return []any{a.CampaignID, a.Feed, a.Key, a.URL, a.Title, a.Source, a.Author, a.Summary, a.Text,
		s.time(a.Published), a.PublishedEstimated, s.time(a.FirstSeen), string(a.Relevance.Tier),
		a.Relevance.Score, string(rj), story, string(fj)}, nil
}

func (s *Store) feedArgs(f *strike.FeedState) []any {
	return []any{f.URL, f.CampaignID, f.Title, f.ETag, f.LastModified, f.BodyHash, int64(f.Polls),
		s.time(f.LastPoll), s.time(f.LastSuccess), s.time(f.LastError), f.LastErrorText,
		int64(f.Failures), s.time(f.NextPoll), s.time(f.FailingSince)}
}

// SaveFeedState implements strike.Store.
func (s *Store) SaveFeedState(ctx context.Context, state strike.FeedState) error {
	state = CleanFeedState(state)
	if _, err := s.upsert.ExecContext(ctx, s.feedArgs(&state)...); err != nil {
		return fmt.Errorf("%s: save feed state of %s: %w", s.d.Name, RedactURL(state.URL), err)
	}
	return nil
}

// FeedState implements strike.Store.
func (s *Store) FeedState(ctx context.Context, feedURL string) (strike.FeedState, error) {
	row := s.feedState.QueryRowContext(ctx, Clean(feedURL))
	f, err := scanFeed(row)
	if errors.Is(err, sql.ErrNoRows) {
		return strike.FeedState{}, fmt.Errorf("%s: feed state of %s: %w", s.d.Name, RedactURL(feedURL), strike.ErrNotFound)
	}
	if err != nil {
		return strike.FeedState{}, fmt.Errorf("%s: feed state of %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	return f, nil
}

var (
	feedStateSQL = `SELECT ` + feedReadColumns + ` FROM feeds WHERE url = $1`
	claimFeedSQL = `INSERT INTO feeds (` + feedColumns + `, lease_until)
VALUES ($1, $2, '', '', '', '', 0, NULL, NULL, NULL, '', 0, NULL, NULL, $4)
ON CONFLICT (url) DO UPDATE SET lease_until = excluded.lease_until
WHERE (feeds.next_poll IS NULL OR feeds.next_poll <= $3) AND (feeds.lease_until IS NULL OR feeds.lease_until <= $3)
RETURNING ` + feedReadColumns
	releaseFeedSQL = `UPDATE feeds SET lease_until = NULL WHERE url = $1`
)

// ClaimFeed implements strike.Store with one statement: an upsert whose
// update applies only to a due, unleased feed, so concurrent claimers (in
// this process or another) get the lease once.
func (s *Store) ClaimFeed(ctx context.Context, feedURL, campaignID string, now, leaseUntil time.Time) (strike.FeedState, bool, error) {
	feedURL, campaignID = Clean(feedURL), Clean(campaignID)
	if feedURL == "" {
		return strike.FeedState{}, false, fmt.Errorf("%s: claim feed: empty URL", s.d.Name)
	}
	n, l := s.time(cleanTime(now)), s.time(cleanTime(leaseUntil))
	row := s.claimFeed.QueryRowContext(ctx, feedURL, campaignID, n, l)
	f, err := scanFeed(row)
	if err == nil {
		return f, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return strike.FeedState{}, false, fmt.Errorf("%s: claim feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	f, err = s.FeedState(ctx, feedURL)
	if err != nil {
		return strike.FeedState{}, false, err
	}
	return f, false, nil
}

// ReleaseFeed implements strike.Store.
func (s *Store) ReleaseFeed(ctx context.Context, feedURL string) error {
	if _, err := s.releaseFeed.ExecContext(ctx, Clean(feedURL)); err != nil {
		return fmt.Errorf("%s: release feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	return nil
}

// FeedStates implements strike.Store. URLs are ordered bytewise on both
// backends (the PostgreSQL column uses the "C" collation).
func (s *Store) FeedStates(ctx context.Context) ([]strike.FeedState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedReadColumns+` FROM feeds ORDER BY url`)
	out, err := scanAll(rows, err, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("%s: feed states: %w", s.d.Name, err)
	}
	return out, nil
}

// Article implements strike.Store.
func (s *Store) Article(ctx context.Context, id int64) (strike.Article, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return strike.Article{}, fmt.Errorf("%s: article %d: %w", s.d.Name, id, strike.ErrNotFound)
	}
	if err != nil {
		return strike.Article{}, fmt.Errorf("%s: article %d: %w", s.d.Name, id, err)
	}
	return a, nil
}

// Articles implements strike.Store. The filter's conditions combine with
// AND; its strings are cleaned as stored strings are. A negative Limit is
// treated as 0.
func (s *Store) Articles(ctx context.Context, f strike.ArticleFilter) ([]strike.Article, error) {
	var w where
	// With IDs the primary key finds the rows; the campaign is checked on
	// them, so that no planner prefers the campaign's index and scans it.
	byID := len(f.IDs) > 0
	if f.CampaignID != "" && !byID {
		w.add(`campaign_id = ` + w.arg(Clean(f.CampaignID)))
	}
	if len(f.Tiers) > 0 {
		tiers := make([]string, len(f.Tiers))
		none := false
		for i, t := range f.Tiers {
			tiers[i] = Clean(string(t))
			none = none || tiers[i] == string(strike.TierNone)
		}
		arg, err := s.d.ListArg(tiers)
		if err != nil {
			return nil, fmt.Errorf("%s: articles: %w", s.d.Name, err)
		}
		w.add(s.d.In(`tier`, w.arg(arg)))
		if (f.Unassigned || f.Unprocessed) && !none {
			// Redundant, but literal: it lets the planner use the partial
			// indexes articles_unassigned and articles_unprocessed.
			w.add(`tier <> 'none'`)
		}
	}
	if f.StoryID != 0 {
		w.add(`story_id = ` + w.arg(f.StoryID))
	}
	if f.Unassigned {
		w.add(`story_id IS NULL`)
	}
	if f.Unprocessed {
		// Spelled as in the index articles_unprocessed, so it serves.
		w.add(`NOT processed`)
	}
	if !f.Since.IsZero() {
		w.add(`published >= ` + w.arg(s.time(cleanTime(f.Since))))
	}
	if f.URL != "" {
		// url <> '' is redundant, but lets the planner use the partial
		// unique index articles_campaign_url.
		w.add(`url = ` + w.arg(Clean(f.URL)) + ` AND url <> ''`)
	}
	if len(f.IDs) > 0 {
		arg, err := s.d.ListArg(f.IDs)
		if err != nil {
			return nil, fmt.Errorf("%s: articles: %w", s.d.Name, err)
		}
		w.add(s.d.In(`id`, w.arg(arg)))
	}
	q := `SELECT ` + articleColumns + ` FROM articles` + w.sql()
	if !byID {
		q += ` ORDER BY ` + s.d.ArticlesOrder
	}
	if f.Limit > 0 && !byID {
		q += ` LIMIT ` + w.arg(int64(f.Limit))
	}
	args := w.args
	rows, err := s.r.QueryContext(ctx, q, args...)
	out, err := scanAll(rows, err, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("%s: articles: %w", s.d.Name, err)
	}
	if byID {
		if f.CampaignID != "" {
			c := Clean(f.CampaignID)
			out = slices.DeleteFunc(out, func(a strike.Article) bool { return a.CampaignID != c })
		}
		// The few rows asked for are sorted here: newest published first,
		// the undated last, ties by ID descending.
		slices.SortFunc(out, func(a, b strike.Article) int {
			switch {
			case a.Published.IsZero() != b.Published.IsZero():
				if a.Published.IsZero() {
					return 1
				}
				return -1
			case !a.Published.Equal(b.Published):
				return b.Published.Compare(a.Published)
			}
			return cmp.Compare(b.ID, a.ID)
		})
		if f.Limit > 0 && len(out) > f.Limit {
			out = out[:f.Limit]
		}
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

// scanAll reads every row of a query with scan, closing rows. err is the
// query's own error, returned as it is, so a call reads
// rows, err := q(…); out, err := scanAll(rows, err, scanX).
func scanAll[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// where builds a WHERE clause of conditions joined by AND, with $N
// placeholders numbered in the order their arguments are added.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// sql returns " WHERE …", or "" when there is no condition.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func scanArticle(sc scanner) (strike.Article, error) {
	var (
		a                  strike.Article
		published, seen    nullTime
		tier, reasons, fct string
		story              sql.NullInt64
	)
	err := sc.Scan(&a.ID, &a.CampaignID, &a.Feed, &a.Key, &a.URL, &a.Title, &a.Source, &a.Author,
		&a.Summary, &a.Text, &published, &a.PublishedEstimated, &seen, &tier, &a.Relevance.Score,
		&reasons, &story, &fct)
	if err != nil {
		return strike.Article{}, err
	}
	a.Published, a.FirstSeen = published.t, seen.t
	a.Relevance.Tier = strike.Tier(tier)
	a.StoryID = story.Int64
	if err := json.Unmarshal([]byte(reasons), &a.Relevance.Reasons); err != nil {
		return strike.Article{}, fmt.Errorf("article %d: decode reasons: %w", a.ID, err)
	}
	if len(a.Relevance.Reasons) == 0 {
		a.Relevance.Reasons = nil
	}
	if err := json.Unmarshal([]byte(fct), &a.Facts); err != nil {
		return strike.Article{}, fmt.Errorf("article %d: decode facts: %w", a.ID, err)
	}
	return a, nil
}

func scanFeed(sc scanner) (strike.FeedState, error) {
	var (
		f                                          strike.FeedState
		polls, failures                            int64
		lastPoll, lastSuccess, lastError, nextPoll nullTime
		failing, leaseUntil, paused, alerted       nullTime
	)
	err := sc.Scan(&f.URL, &f.CampaignID, &f.Title, &f.ETag, &f.LastModified, &f.BodyHash, &polls,
		&lastPoll, &lastSuccess, &lastError, &f.LastErrorText, &failures, &nextPoll, &failing,
		&leaseUntil, &paused, &f.PausedBy, &alerted)
	if err != nil {
		return strike.FeedState{}, err
	}
	f.Polls, f.Failures = int(polls), int(failures)
	f.LastPoll, f.LastSuccess, f.LastError, f.NextPoll = lastPoll.t, lastSuccess.t, lastError.t, nextPoll.t
	f.FailingSince, f.LeaseUntil, f.Paused, f.Alerted = failing.t, leaseUntil.t, paused.t, alerted.t
	return f, nil
}

// nullTime scans a NULL (the zero time), an INTEGER of Unix microseconds
// (SQLite) or a timestamptz (PostgreSQL), always into UTC.
type nullTime struct{ t time.Time }

func (n *nullTime) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		n.t = time.Time{}
	case int64:
		n.t = time.UnixMicro(v).UTC()
	case time.Time:
		n.t = v.UTC()
	default:
		return fmt.Errorf("scan time: unsupported type %T", v)
	}
	return nil
}

// RedactURL returns u with any password or secret query value replaced,
// for error texts and logs (strike.RedactURL).
func RedactURL(u string) string { return strike.RedactURL(u) }
