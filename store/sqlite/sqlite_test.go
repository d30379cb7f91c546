package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/store/storetest"
	"github.com/strikebot/strikebot/strike"
)

func open(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) strike.Store {
		return open(t, filepath.Join(t.TempDir(), "bot.db"))
	})
}

func TestContractMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) strike.Store {
		return open(t, sqlite.Memory)
	})
}

var start = time.Date(2024, 10, 14, 6, 0, 0, 0, time.UTC)

func article(key string) strike.Article {
	return strike.Article{
		CampaignID: "kaiser-2024",
		Feed:       "https://news.example.test/rss",
		Key:        key,
		URL:        "https://news.example.test/" + key,
		Title:      "NUHW strike " + key,
		Published:  start,
		FirstSeen:  start,
		Relevance:  strike.Relevance{Tier: strike.TierCore, Score: 5, Reasons: []string{"union in title"}},
	}
}

func feedState(polls int) strike.FeedState {
	return strike.FeedState{URL: "https://news.example.test/rss", CampaignID: "kaiser-2024", Polls: polls, LastPoll: start}
}

// raw opens the file without the store, as another process would.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := db.SavePoll(ctx, feedState(1), []strike.Article{article("a"), article("b")})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	var applied string
	r := raw(t, path)
	if err := r.QueryRowContext(ctx, `SELECT max(applied_at) FROM schema_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}

	db = open(t, path)
	got, err := db.Article(ctx, saved[1].ID)
	if err != nil {
		t.Fatalf("Article after reopen: %v", err)
	}
	if got.Key != "b" {
		t.Errorf("Article(%d).Key = %q, want %q", saved[1].ID, got.Key, "b")
	}
	if again, err := db.SavePoll(ctx, feedState(2), []strike.Article{article("a"), article("b")}); err != nil || len(again) != 0 {
		t.Errorf("SavePoll after reopen = %d new, %v; want 0, nil", len(again), err)
	}
	var n int
	var applied2 string
	if err := r.QueryRowContext(ctx, `SELECT count(*), max(applied_at) FROM schema_migrations`).Scan(&n, &applied2); err != nil {
		t.Fatal(err)
	}
	if want := migrationCount(t); n != want || applied2 != applied {
		t.Errorf("schema_migrations: %d rows, applied_at %q; want %d rows, unchanged %q", n, applied2, want, applied)
	}
	var mode string
	if err := r.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

// TestMigrateFromSchema1 opens a database an older build made (schema 1
// only, with data): Open migrates it to the current schema, keeping the
// articles and feed states, and the new methods work on the old rows.
func TestMigrateFromSchema1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	schema1, err := os.ReadFile(filepath.Join("migrations", "0001_init.sql"))
	if err != nil {
		t.Fatal(err)
	}
	old := raw(t, path)
	for _, q := range []string{
		`CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`,
		string(schema1),
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql')`,
		`INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts)
VALUES
	('kaiser-2024', 'https://news.example.test/rss', 'old-1', 'https://news.example.test/old-1', 'Strike begins', 'Ledger', '', '', 'About 2,400 workers walked out.',
	 1728914400000000, 0, 1728914460000000, 'core', 7.5, '["union in title"]', NULL, '{"workers":2400}'),
	('kaiser-2024', 'https://news.example.test/rss', 'old-2', 'https://news.example.test/old-2', 'Picket lines grow', 'Ledger', '', '', '',
	 1729000800000000, 0, 1729000860000000, 'related', 3, '[]', NULL, '{}')`,
		`INSERT INTO feeds (url, campaign_id, title, etag, last_modified, body_hash, polls, last_error_text, failures)
VALUES ('https://news.example.test/rss', 'kaiser-2024', 'Labor', '"e1"', '', '', 4, '', 0)`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("building a schema 1 database: %v", err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := open(t, path)
	arts, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: "kaiser-2024", Unassigned: true,
		Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(arts), []string{"old-2", "old-1"}; !slices.Equal(got, want) {
		t.Fatalf("unassigned articles after migration = %q, want %q", got, want)
	}
	if got := arts[1]; got.Facts.Workers != 2400 || got.Text != "About 2,400 workers walked out." || !got.Published.Equal(time.Date(2024, 10, 14, 14, 0, 0, 0, time.UTC)) {
		t.Errorf("old article after migration = %+v", got)
	}
	if st, err := db.FeedState(ctx, "https://news.example.test/rss"); err != nil || st.Polls != 4 || st.ETag != `"e1"` {
		t.Errorf("feed state after migration = %+v, %v", st, err)
	}

	id, err := db.SaveStory(ctx, strike.Story{CampaignID: "kaiser-2024", Title: "Strike begins", Tier: strike.TierCore})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetCoverage(ctx, arts[1].ID, id, arts[1].Facts, []byte{0xca, 0xfe}); err != nil {
		t.Fatal(err)
	}
	ms, err := db.StoryMembers(ctx, "kaiser-2024", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].ArticleID != arts[1].ID || !slices.Equal(ms[0].Signature, []byte{0xca, 0xfe}) {
		t.Errorf("StoryMembers after migration = %+v", ms)
	}
	if err := db.SetPin(ctx, strike.Pin{CampaignID: "kaiser-2024", Field: strike.FieldWorkers, Value: "2400"}); err != nil {
		t.Errorf("SetPin after migration: %v", err)
	}
	var n int
	if err := raw(t, path).QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := migrationCount(t); n != want {
		t.Errorf("schema_migrations has %d rows, want %d", n, want)
	}
}

func keys(as []strike.Article) []string {
	ks := make([]string, len(as))
	for i, a := range as {
		ks[i] = a.Key
	}
	return ks
}

func TestTwoOpensOnOneFile(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	a, b := open(t, path), open(t, path)
	if got, err := a.SavePoll(ctx, feedState(1), []strike.Article{article("a")}); err != nil || len(got) != 1 {
		t.Fatalf("first store: %d new, %v", len(got), err)
	}
	if got, err := b.SavePoll(ctx, feedState(2), []strike.Article{article("a"), article("b")}); err != nil || len(got) != 1 || got[0].Key != "b" {
		t.Fatalf("second store: %v, %v; want only b", got, err)
	}
	for name, db := range map[string]*sqlite.DB{"first": a, "second": b} {
		all, err := db.Articles(ctx, strike.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 {
			t.Errorf("%s store sees %d articles, want 2", name, len(all))
		}
		st, err := db.FeedState(ctx, feedState(0).URL)
		if err != nil || st.Polls != 2 {
			t.Errorf("%s store: Polls = %d, %v; want 2", name, st.Polls, err)
		}
	}
}

func TestSavePollWaitsForLock(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	db := open(t, path)

	other := raw(t, path)
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO feeds (url, campaign_id, title, etag, last_modified, body_hash, polls, last_error_text, failures)
		VALUES ('https://other.example.test/rss', 'kaiser-2024', '', '', '', '', 0, '', 0)`); err != nil {
		t.Fatal(err)
	}

	const hold = 300 * time.Millisecond
	type result struct {
		n   int
		err error
		at  time.Time
	}
	done := make(chan result, 1)
	began := time.Now()
	go func() {
		got, err := db.SavePoll(ctx, feedState(1), []strike.Article{article("a")})
		done <- result{len(got), err, time.Now()}
	}()
	select {
	case r := <-done:
		t.Fatalf("SavePoll returned while another connection held the write lock: %d, %v", r.n, r.err)
	case <-time.After(hold):
	}
	released := time.Now()
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || r.n != 1 {
		t.Fatalf("SavePoll after the lock was released: %d new, %v; want 1, nil", r.n, r.err)
	}
	if r.at.Before(released) {
		t.Errorf("SavePoll finished %v after start, before the lock was released", r.at.Sub(began))
	}
	if st, err := db.FeedState(ctx, "https://other.example.test/rss"); err != nil || st.CampaignID != "kaiser-2024" {
		t.Errorf("other connection's commit: %+v, %v", st, err)
	}
}

func TestSavePollBusyTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	db := open(t, path)
	conn, err := raw(t, path).Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	// A canceled context ends the wait early.
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	began := time.Now()
	if _, err := db.SavePoll(cctx, feedState(1), []strike.Article{article("a")}); err == nil {
		t.Fatal("SavePoll under a held lock with a 200 ms deadline succeeded")
	}
	if waited := time.Since(began); waited > 2*time.Second {
		t.Errorf("SavePoll waited %v past its 200 ms deadline", waited)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
	}{
		{"empty", ""},
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "bot.db")},
		{"directory", dir},
	}
	for _, tt := range tests {
		db, err := sqlite.Open(t.Context(), tt.path)
		if err == nil {
			db.Close()
			t.Errorf("%s: Open(%q) succeeded, want an error", tt.name, tt.path)
		}
	}
}

func TestSchemaTooNew(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	db := open(t, path)
	db.Close()
	if _, err := raw(t, path).ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (99, '0099_future.sql')`); err != nil {
		t.Fatal(err)
	}
	db2, err := sqlite.Open(ctx, path)
	if err == nil {
		db2.Close()
		t.Fatal("Open of a database migrated by a newer build succeeded")
	}
}

func TestPathWithURIChars(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%20d")
	path := filepath.Join(dir, "bot.db")
	if err := mkdir(dir); err != nil {
		t.Fatal(err)
	}
	db := open(t, path)
	if _, err := db.SavePoll(t.Context(), feedState(1), []strike.Article{article("a")}); err != nil {
		t.Fatal(err)
	}
	if !exists(path) {
		t.Errorf("database not created at %q", path)
	}
}

func TestQueriesUseIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	open(t, path)
	r := raw(t, path)
	// The queries as sqlstore writes them, with constants for parameters,
	// and the index each must use.
	for _, tt := range []struct{ q, index string }{
		{`SELECT id FROM articles WHERE campaign_id = 'x' ORDER BY published DESC, id DESC LIMIT 10`, "articles_campaign_published"},
		// Articles: unassigned core and related articles.
		{`SELECT id FROM articles WHERE campaign_id = 'x' AND tier IN (SELECT value FROM json_each('["core","related"]'))
			AND tier <> 'none' AND story_id IS NULL ORDER BY published DESC, id DESC LIMIT 10`, "articles_unassigned"},
		// Articles: unprocessed core and related articles (NewDesk's recovery).
		{`SELECT id FROM articles WHERE campaign_id = 'x' AND tier IN (SELECT value FROM json_each('["core","related"]'))
			AND tier <> 'none' AND NOT processed ORDER BY published DESC, id DESC`, "articles_unprocessed"},
		// MarkProcessed.
		{`UPDATE articles SET processed = TRUE WHERE id IN (SELECT value FROM json_each('[3,1,2]')) AND NOT processed`, "INTEGER PRIMARY KEY"},
		// Articles: a story's members.
		{`SELECT id, title FROM articles WHERE story_id = 3 ORDER BY published DESC, id DESC`, "articles_story"},
		// Articles: by IDs (the desk's recheck, its summaries' members).
		{`SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each('[3,1,2]')) AND NOT processed`, "INTEGER PRIMARY KEY"},
		// Articles: by URL.
		{`SELECT id, title FROM articles WHERE campaign_id = 'x' AND url = 'https://a.example/' AND url <> '' ORDER BY published DESC, id DESC`, "articles_campaign_url"},
		// Stories and their members.
		{`SELECT id, title FROM stories WHERE campaign_id = 'x' ORDER BY updated DESC NULLS LAST, id DESC LIMIT 20`, "stories_campaign_updated"},
		{`SELECT story_id, id, url, title, source, published FROM articles
			WHERE story_id IN (SELECT value FROM json_each('[3,1,2]')) ORDER BY story_id, published ASC NULLS FIRST, id ASC`, "articles_story"},
		// StoryMembers: by publication time.
		{`SELECT id, story_id, published, title, tier, signature FROM articles
			WHERE campaign_id = 'x' AND story_id IS NOT NULL AND published >= 5 AND published < 9 ORDER BY published ASC NULLS FIRST, id ASC`, "articles_members_published"},
		// CoverageChanges.
		{`SELECT id, story_id FROM articles WHERE campaign_id = 'x' AND coverage_seq > 5 ORDER BY coverage_seq LIMIT 100`, "articles_coverage_seq"},
		// StoryCoveredBy.
		{`SELECT 1 FROM articles WHERE story_id = 3 AND source = 'x' AND id <> 4 LIMIT 1`, "articles_story_source"},
		// MergeStories: the deliveries of merged stories.
		{`UPDATE deliveries SET story_id = 3 WHERE story_id IN (SELECT value FROM json_each('[4,5]'))`, "deliveries_story_id"},
		// Pins.
		{`SELECT field, value FROM pins WHERE campaign_id = 'x' ORDER BY field`, "PRIMARY KEY"},
		// ClaimDeliveries: only the open rows, in id order.
		{`SELECT id FROM deliveries WHERE state IN ('pending', 'sending')
			AND ((state = 'pending' AND next_attempt <= 5) OR (state = 'sending' AND lease_until <= 5)) ORDER BY id LIMIT 10`, "deliveries_claim"},
		{`UPDATE deliveries SET state = 'sending' WHERE id IN (SELECT id FROM deliveries WHERE state IN ('pending', 'sending')
			AND ((state = 'pending' AND next_attempt <= 5) OR (state = 'sending' AND lease_until <= 5)) ORDER BY id LIMIT 10)`, "deliveries_claim"},
		// ThreadOf.
		{`SELECT platform_id FROM deliveries WHERE platform = 's' AND workspace = 'T' AND channel = 'C' AND story_id = 3
			AND state = 'sent' AND platform_id <> '' ORDER BY id LIMIT 1`, "deliveries_story"},
		// LastSent.
		{`SELECT sent_at FROM deliveries WHERE platform = 's' AND workspace = 'T' AND channel = 'C' AND state = 'sent' AND sent_at IS NOT NULL
			ORDER BY sent_at DESC LIMIT 1`, "deliveries_sent"},
		// Complete, Retry, Fail.
		{`UPDATE deliveries SET state = 'sent' WHERE id = 3 AND state <> 'sent'`, "INTEGER PRIMARY KEY"},
		// Subscriptions of a campaign, audit.
		{`SELECT channel FROM subscriptions WHERE campaign_id = 'x' ORDER BY platform, workspace, channel, campaign_id`, "SCAN subscriptions"}, // WITHOUT ROWID: the primary key is the table
		{`SELECT id, command FROM audit ORDER BY id DESC LIMIT 20`, "SCAN audit"},
	} {
		q := tt.q
		rows, err := r.QueryContext(t.Context(), `EXPLAIN QUERY PLAN `+q)
		if err != nil {
			t.Fatal(err)
		}
		var plan string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan += detail + "; "
		}
		rows.Close()
		if contains(plan, "TEMP B-TREE") || !contains(plan, tt.index) {
			t.Errorf("plan for %q: %s; want a scan of %s without a sort", q, plan, tt.index)
		}
	}
}

func TestClosedStore(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(t.Context()); err == nil {
		t.Error("Ping after Close succeeded")
	}
	if _, err := db.Article(t.Context(), 1); err == nil || errors.Is(err, strike.ErrNotFound) {
		t.Errorf("Article after Close: err = %v, want a non-NotFound error", err)
	}
}

func BenchmarkSavePoll100(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "bot.db"))
	ctx := context.Background()
	batch := make([]strike.Article, 100)
	for i := range batch {
		batch[i] = article("")
		batch[i].Text = "About 2,400 mental health workers represented by NUHW began an open-ended strike."
	}
	round := 0
	for b.Loop() {
		for i := range batch {
			key := fmt.Sprintf("r%d-%d", round, i)
			batch[i].Key, batch[i].URL = key, "https://news.example.test/"+key
		}
		round++
		got, err := db.SavePoll(ctx, feedState(round), batch)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != len(batch) {
			b.Fatalf("%d new, want %d", len(got), len(batch))
		}
	}
}

// BenchmarkSavePoll100Known is the common case: a poll whose articles are
// all stored already.
func BenchmarkSavePoll100Known(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "bot.db"))
	ctx := context.Background()
	batch := make([]strike.Article, 100)
	for i := range batch {
		batch[i] = article(fmt.Sprintf("k%d", i))
	}
	if _, err := db.SavePoll(ctx, feedState(0), batch); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.SavePoll(ctx, feedState(1), batch); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStories20(b *testing.B) {
	storetest.BenchStories20(b, open(b, filepath.Join(b.TempDir(), "bot.db")))
}

func BenchmarkDeliveryBookkeeping(b *testing.B) {
	storetest.BenchDeliveryBookkeeping(b, open(b, filepath.Join(b.TempDir(), "bot.db")), nil)
}

// TestMigrateFromSchema2 opens a database a build of schema 2 made, with
// articles, a story and a pin: Open adds the chat tables and keeps the
// data, and the chat methods work.
func TestMigrateFromSchema2(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	old := raw(t, path)
	stmts := []string{`CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`}
	for _, name := range []string{"0001_init.sql", "0002_stories_pins.sql"} {
		b, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b))
	}
	stmts = append(stmts,
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql'), (2, '0002_stories_pins.sql')`,
		`INSERT INTO stories (id, campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES (7, 'kaiser-2024', 'Tentative agreement ends 196-day strike', 'NUHW and Kaiser reached a tentative agreement.', '[]', 'core',
	1745600000000000, 1745600000000000, '{"phase":"tentative_agreement"}')`,
		`INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts, signature)
VALUES ('kaiser-2024', 'https://news.example.test/rss', 'ta-1', 'https://news.example.test/ta-1', 'Tentative agreement reached', 'Ledger', '', '', '',
	1745600000000000, 0, 1745600060000000, 'core', 8, '[]', 7, '{}', x'cafe')`,
		`INSERT INTO pins (campaign_id, field, value, set_by, set_at) VALUES ('kaiser-2024', 'phase', 'tentative_agreement', 'U0CAPTAIN', 1745600000000000)`,
	)
	for _, q := range stmts {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("building a schema 2 database: %v", err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := open(t, path)
	st, err := db.Story(ctx, 7)
	if err != nil {
		t.Fatalf("Story after migration: %v", err)
	}
	if st.Title != "Tentative agreement ends 196-day strike" || st.Facts.Phase != strike.PhaseTentativeAgreement || len(st.Articles) != 1 {
		t.Errorf("story after migration = %+v", st)
	}
	if ms, err := db.StoryMembers(ctx, "kaiser-2024", time.Time{}, time.Time{}); err != nil || len(ms) != 1 || !slices.Equal(ms[0].Signature, []byte{0xca, 0xfe}) {
		t.Errorf("StoryMembers after migration = %+v, %v", ms, err)
	}
	if pins, err := db.Pins(ctx, "kaiser-2024"); err != nil || len(pins) != 1 || pins[0].Value != "tentative_agreement" {
		t.Errorf("Pins after migration = %+v, %v", pins, err)
	}

	d := strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: "C0GENERAL"}
	if err := db.SaveSubscription(ctx, strike.Subscription{Destination: d, CampaignID: "kaiser-2024", Mode: strike.ModeCore, TimeZone: "UTC"}); err != nil {
		t.Fatalf("SaveSubscription after migration: %v", err)
	}
	in, err := db.Enqueue(ctx, []strike.Delivery{{Destination: d, Key: "story:7", CampaignID: "kaiser-2024", StoryID: 7, Kind: "phase_change", Urgent: true}})
	if err != nil || len(in) != 1 {
		t.Fatalf("Enqueue after migration = %+v, %v", in, err)
	}
	if got, err := db.ClaimDeliveries(ctx, start, 10, time.Minute); err != nil || len(got) != 1 {
		t.Fatalf("ClaimDeliveries after migration = %+v, %v", got, err)
	}
	if err := db.CompleteDelivery(ctx, in[0].ID, "1745600100.000100", start); err != nil {
		t.Fatal(err)
	}
	if ts, err := db.ThreadOf(ctx, d, 7); err != nil || ts != "1745600100.000100" {
		t.Errorf("ThreadOf after migration = %q, %v", ts, err)
	}
	if _, err := db.AppendAudit(ctx, strike.AuditEntry{At: start, Destination: d, User: "U0CAPTAIN", Command: "subscribe core", Outcome: "ok"}); err != nil {
		t.Errorf("AppendAudit after migration: %v", err)
	}
	var n int
	if err := raw(t, path).QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := migrationCount(t); n != want {
		t.Errorf("schema_migrations has %d rows, want %d", n, want)
	}
}

// TestMigrateFromSchema3 opens a database a build of schema 3 made: the
// articles that already have a story come out processed, so an upgrade
// announces no history again, and those without one stay to be processed.
func TestMigrateFromSchema3(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	old := raw(t, path)
	stmts := []string{`CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`}
	for _, name := range []string{"0001_init.sql", "0002_stories_pins.sql", "0003_chat.sql"} {
		b, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b))
	}
	article := func(key, tier, story string, published int64) string {
		return fmt.Sprintf(`INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts)
VALUES ('kaiser-2024', 'https://news.example.test/rss', '%s', 'https://news.example.test/%s', 'Mediation begins', 'Ledger', '', '', '',
	%d, 0, %d, '%s', 8, '[]', %s, '{}')`, key, key, published, published, tier, story)
	}
	stmts = append(stmts,
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql'), (2, '0002_stories_pins.sql'), (3, '0003_chat.sql')`,
		`INSERT INTO stories (id, campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES (4, 'kaiser-2024', 'Mediation begins', '', '[]', 'core', 1741600000000000, 1741600000000000, '{}')`,
		article("announced", "core", "4", 1741600000000000),
		article("waiting", "related", "NULL", 1741700000000000),
		article("noise", "none", "NULL", 1741800000000000),
	)
	for _, q := range stmts {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("building a schema 3 database: %v", err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := open(t, path)
	got, err := db.Articles(ctx, strike.ArticleFilter{CampaignID: "kaiser-2024", Unprocessed: true})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, a := range got {
		keys = append(keys, a.Key)
	}
	if want := []string{"noise", "waiting"}; !slices.Equal(keys, want) {
		t.Errorf("unprocessed after migration = %q, want %q", keys, want)
	}
	if err := db.MarkProcessed(ctx, []int64{got[1].ID}); err != nil {
		t.Fatalf("MarkProcessed after migration: %v", err)
	}
	if got, err := db.Articles(ctx, strike.ArticleFilter{Unprocessed: true, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}}); err != nil || len(got) != 0 {
		t.Errorf("unprocessed relevant after marking = %d articles, %v; want none", len(got), err)
	}
	var n int
	if err := raw(t, path).QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := migrationCount(t); n != want {
		t.Errorf("schema_migrations has %d rows, want %d", n, want)
	}
}

// TestClaimsAcrossOpens claims from two stores on one file at once, as two
// processes would: each claim is one UPDATE that takes the write lock
// before it reads, so no delivery is handed out twice.
func TestClaimsAcrossOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	dbs := []*sqlite.DB{open(t, path), open(t, path)}
	// A channel each: a channel's posts are handed out one batch at a time.
	const n = 200
	ds := make([]strike.Delivery, n)
	for i := range ds {
		d := strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: fmt.Sprintf("C%04d", i)}
		ds[i] = strike.Delivery{Destination: d, Key: fmt.Sprintf("story:%d", i), Kind: "new_story"}
	}
	if in, err := dbs[0].Enqueue(t.Context(), ds); err != nil || len(in) != n {
		t.Fatalf("Enqueue = %d new, %v", len(in), err)
	}
	var (
		mu     sync.Mutex
		handed = map[int64]int{}
		wg     sync.WaitGroup
	)
	for w := range 6 {
		db := dbs[w%2]
		wg.Go(func() {
			for {
				got, err := db.ClaimDeliveries(t.Context(), start, 3, time.Hour)
				if err != nil {
					t.Errorf("ClaimDeliveries: %v", err)
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, d := range got {
					handed[d.ID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(handed) != n {
		t.Errorf("%d deliveries handed out, want %d", len(handed), n)
	}
	for id, k := range handed {
		if k != 1 {
			t.Errorf("delivery %d handed out %d times, want once", id, k)
		}
	}
}

// TestMigrateFromSchema6 opens a database a build of schema 6 made (the
// phase and stories' state lived in its memory): its story members count
// as changed once, its stories count their members, and its phase is the
// most advanced one its handled core articles report, so the upgrade
// announces no phase again.
func TestMigrateFromSchema6(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "bot.db")
	old := raw(t, path)
	stmts := append(migrationsTable(), migrationsUpTo(t, 0, 6)...)
	article := func(id int, phase, tier string, story string, processed int) string {
		return fmt.Sprintf(`INSERT INTO articles (id, campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts, processed)
VALUES (%d, 'kaiser-2024', 'f', 'k%d', 'https://news.example.test/%d', 't', 'Ledger', '', '', '',
	%d, 0, %d, '%s', 8, '[]', %s, '{"phase":"%s"}', %d)`, id, id, id, 1741600000000000+id, 1741600000000000+id, tier, story, phase, processed)
	}
	stmts = append(stmts,
		`INSERT INTO stories (id, campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES (4, 'kaiser-2024', 'Mediation begins', '', '[]', 'core', 1741600000000000, 1741600000000000, '{}')`,
		article(1, "strike", "core", "4", 1),
		article(2, "mediation", "core", "4", 1),
		article(3, "ratified", "related", "4", 1),         // another strike's
		article(5, "tentative_agreement", "core", "4", 0), // not announced yet
		article(6, "", "core", "NULL", 0),
	)
	for _, q := range stmts {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("building a schema 6 database: %v", err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db := open(t, path)
	st, err := db.CoverageState(ctx, "kaiser-2024")
	if err != nil {
		t.Fatal(err)
	}
	if want := (strike.CoverageState{Seq: 5, Phase: "mediation", PhaseArticle: 2}); st != want {
		t.Errorf("CoverageState after migration = %+v, want %+v", st, want)
	}
	s, err := db.Story(ctx, 4)
	if err != nil || s.Members != 4 {
		t.Errorf("story after migration: %d members, %v; want 4", s.Members, err)
	}
	changes, err := db.CoverageChanges(ctx, "kaiser-2024", 0, 0)
	if err != nil || len(changes) != 4 {
		t.Errorf("changes after migration = %d, %v; want the 4 members", len(changes), err)
	}
}

// TestMigrateFromSchema11 opens a database whose GUID keys are in the old
// form ("g:" and a hash): migration 12 gives them the feed's tag, a few rows
// a transaction, so that a re-polled item, the one without a link too, is
// known by its new key. A migration interrupted after its first
// transaction is finished by the next Open.
func TestMigrateFromSchema11(t *testing.T) {
	for _, interrupted := range []bool{false, true} {
		t.Run(fmt.Sprintf("interrupted=%v", interrupted), func(t *testing.T) {
			ctx := t.Context()
			sqlite.SetRekeyRows(t, 2)
			path := filepath.Join(t.TempDir(), "bot.db")
			old := raw(t, path)
			stmts := append(migrationsTable(), migrationsUpTo(t, 0, 11)...)
			legacy := storetest.LegacyArticles()
			for i, l := range legacy {
				stmts = append(stmts, fmt.Sprintf(`INSERT INTO articles (id, campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts, processed)
VALUES (%d, '%s', '%s', '%s', '%s', 'Kaiser strike', 'Ledger', '', '', '', 1741600000000000, 0, 1741600000000000, 'core', 8, '[]', NULL, '{}', 1)`,
					i+1, storetest.LegacyCampaign, l.Feed, l.Key, l.URL))
			}
			if interrupted {
				// Migration 12 ran, and the first transaction rewrote the
				// newest two keys.
				n := len(legacy)
				stmts = append(stmts, migrationsUpTo(t, 11, 12)...)
				stmts = append(stmts, fmt.Sprintf(`UPDATE rekey_guid SET next_id = %d`, n-2),
					fmt.Sprintf(`UPDATE articles SET key = '%s' WHERE id = %d`, legacy[n-1].Want, n),
					fmt.Sprintf(`UPDATE articles SET key = '%s' WHERE id = %d`, legacy[n-2].Want, n-1))
			}
			for _, q := range stmts {
				if _, err := old.ExecContext(ctx, q); err != nil {
					t.Fatalf("building a schema 11 database: %v", err)
				}
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}
			storetest.CheckMigratedKeys(t, open(t, path))
		})
	}
}

// migrationsTable returns the statement creating schema_migrations as the
// builds before the store's own migrator created it.
func migrationsTable() []string {
	return []string{`CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`}
}

// migrationsUpTo returns the statements of migrations from+1 to upTo,
// each followed by its row in schema_migrations, as a build of that
// schema left the database.
func migrationsUpTo(t *testing.T, from, upTo int) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(names) < upTo {
		t.Fatalf("migrations: %d found, %v", len(names), err)
	}
	var stmts []string
	for i := from; i < upTo; i++ {
		b, err := os.ReadFile(names[i])
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b), fmt.Sprintf(`INSERT INTO schema_migrations (version, name) VALUES (%d, '%s')`, i+1, filepath.Base(names[i])))
	}
	return stmts
}
