package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/strikebot/strikebot/store/postgres"
	"github.com/strikebot/strikebot/store/postgres/pgtest"
	"github.com/strikebot/strikebot/store/storetest"
	"github.com/strikebot/strikebot/strike"
)

// envDSN names the environment variable with the test server's DSN, for
// example postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const envDSN = "STRIKEBOT_TEST_POSTGRES"

// schemaDSN is pgtest.SchemaDSN: a schema of the test's own.
func schemaDSN(tb testing.TB) string { return pgtest.SchemaDSN(tb) }

func open(tb testing.TB, dsn string) *postgres.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("Open: %v", err)
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
		return open(t, schemaDSN(t))
	})
}

// TestContractTwoWriters runs the contract with two SavePoll batches
// written at once. PostgreSQL writes one at a time (two measured no
// faster), but the path exists and once lost track of new articles.
func TestContractTwoWriters(t *testing.T) {
	// Cleanup, not defer: the contract's subtests are parallel and run
	// after this function returns.
	t.Cleanup(postgres.SetWriters(2))
	storetest.Run(t, func(t *testing.T) strike.Store {
		return open(t, schemaDSN(t))
	})
}

var start = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

func article(key string) strike.Article {
	return strike.Article{
		CampaignID: "kaiser-2024",
		Feed:       "https://news.example.test/rss",
		Key:        key,
		URL:        "https://news.example.test/" + key,
		Title:      "Mediation begins in NUHW strike " + key,
		Published:  start,
		FirstSeen:  start,
	}
}

func feedState(polls int) strike.FeedState {
	return strike.FeedState{URL: "https://news.example.test/rss", CampaignID: "kaiser-2024", Polls: polls, LastPoll: start}
}

// TestReplicas opens several stores on one schema at once, as replicas
// starting together would: migrations run once, and overlapping batches
// inserted concurrently in opposite orders come back as new exactly once.
func TestReplicas(t *testing.T) {
	dsn := schemaDSN(t)
	const replicas = 4
	dbs := make([]*postgres.DB, replicas)
	var wg sync.WaitGroup
	errs := make(chan error, replicas)
	for i := range dbs {
		wg.Go(func() {
			db, err := postgres.Open(t.Context(), dsn)
			if err != nil {
				errs <- err
				return
			}
			dbs[i] = db
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent Open: %v", err)
	}
	for _, db := range dbs {
		t.Cleanup(func() { db.Close() })
	}

	var mu sync.Mutex
	seen := map[string]int{}
	for round := range 5 {
		for i, db := range dbs {
			wg.Go(func() {
				var batch []strike.Article
				for k := range 40 {
					batch = append(batch, article(fmt.Sprintf("r%d-%02d", round, (k*(i+1))%40)))
				}
				got, err := db.SavePoll(t.Context(), feedState(round), batch)
				if err != nil {
					t.Errorf("replica %d: SavePoll: %v", i, err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				for _, a := range got {
					seen[a.Key]++
				}
			})
		}
		wg.Wait()
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("article %q new %d times, want 1", k, n)
		}
	}
	if got, want := len(seen), 5*40; got != want {
		t.Errorf("%d articles new, want %d", got, want)
	}

	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	if err := admin.QueryRowContext(t.Context(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(ms); n != want {
		t.Errorf("schema_migrations has %d rows, want %d", n, want)
	}
}

func TestReopen(t *testing.T) {
	dsn := schemaDSN(t)
	db, err := postgres.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SavePoll(t.Context(), feedState(1), []strike.Article{article("a")}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = open(t, dsn)
	if got, err := db.KnownKeys(t.Context(), "kaiser-2024", []string{"a"}); err != nil || !got["a"] {
		t.Errorf("KnownKeys after reopen = %v, %v", got, err)
	}
}

func TestOpenErrorsHidePassword(t *testing.T) {
	const secret = "s3cr3t-pw"
	// Port 1 on loopback: nothing listens, the dial fails at once.
	for _, dsn := range []string{
		"postgres://bot:" + secret + "@127.0.0.1:1/strikebot?sslmode=disable&connect_timeout=2",
		"postgres://bot:" + secret + "@127.0.0.1:1/strikebot?sslmode=disable&connect_timeout=2&bogus_option=%zz",
		"host=127.0.0.1 port=1 user=bot password=" + secret + " dbname=strikebot sslmode=disable connect_timeout=2",
		"postgres://bot:" + secret + "@127.0.0.1:notaport/strikebot",
	} {
		db, err := postgres.Open(t.Context(), dsn)
		if err == nil {
			db.Close()
			t.Errorf("Open succeeded against a closed port")
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("Open error contains the password: %v", err)
		}
	}
}

func TestSchemaTooNew(t *testing.T) {
	dsn := schemaDSN(t)
	db := open(t, dsn)
	db.Close()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(t.Context(), `INSERT INTO schema_migrations (version, name) VALUES (99, '0099_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if db, err := postgres.Open(t.Context(), dsn); err == nil {
		db.Close()
		t.Fatal("Open of a database migrated by a newer build succeeded")
	}
}

func BenchmarkSavePoll100(b *testing.B) {
	db := open(b, schemaDSN(b))
	ctx := context.Background()
	batch := make([]strike.Article, 100)
	round := 0
	for b.Loop() {
		for i := range batch {
			batch[i] = article(fmt.Sprintf("r%d-%d", round, i))
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

// TestRecoversFromKilledConnections ends the store's server sessions, as a
// PostgreSQL restart would: calls may fail for a moment, then the pool
// reconnects without a reopen.
func TestRecoversFromKilledConnections(t *testing.T) {
	dsn := schemaDSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	app := u.Query().Get("search_path")
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	db := open(t, u.String())
	if _, err := db.SavePoll(t.Context(), feedState(1), []strike.Article{article("a")}); err != nil {
		t.Fatal(err)
	}

	admin, err := sql.Open("pgx", os.Getenv(envDSN))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var killed int
	if err := admin.QueryRowContext(t.Context(),
		`SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) k`, app).Scan(&killed); err != nil {
		t.Fatal(err)
	}
	if killed == 0 {
		t.Fatal("no session of the store found to end")
	}

	var got []strike.Article
	for attempt := range 3 {
		got, err = db.SavePoll(t.Context(), feedState(2), []strike.Article{article("a"), article("b")})
		if err == nil {
			break
		}
		t.Logf("attempt %d after the sessions ended: %v", attempt, err)
	}
	if err != nil {
		t.Fatalf("SavePoll still failing after reconnect attempts: %v", err)
	}
	if len(got) != 1 || got[0].Key != "b" {
		t.Errorf("SavePoll after reconnect: new %v, want only b", got)
	}
}

func BenchmarkStories20(b *testing.B) {
	storetest.BenchStories20(b, open(b, schemaDSN(b)))
}

func BenchmarkDeliveryBookkeeping(b *testing.B) {
	dsn := schemaDSN(b)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	storetest.BenchDeliveryBookkeeping(b, open(b, dsn), func() {
		if _, err := admin.Exec(`ANALYZE deliveries`); err != nil {
			b.Fatal(err)
		}
	})
}

// TestReplicasClaim has three replicas, each with several connections,
// drain one outbox at once: FOR UPDATE SKIP LOCKED hands every delivery
// to exactly one of them, and Enqueue of the same posts by every replica
// stores each once.
func TestReplicasClaim(t *testing.T) {
	dsn := schemaDSN(t)
	dbs := []*postgres.DB{open(t, dsn), open(t, dsn), open(t, dsn)}
	// A channel each: a channel's posts are handed out one batch at a time.
	const n = 150
	ds := make([]strike.Delivery, n)
	for i := range ds {
		d := strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: fmt.Sprintf("C%04d", i)}
		ds[i] = strike.Delivery{Destination: d, Key: fmt.Sprintf("story:%d", i), CampaignID: "kaiser-2024", StoryID: int64(i), Kind: "new_story"}
	}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		fresh  int
		handed = map[int64]int{}
	)
	for _, db := range dbs {
		wg.Go(func() {
			in, err := db.Enqueue(t.Context(), ds)
			if err != nil {
				t.Errorf("Enqueue: %v", err)
				return
			}
			mu.Lock()
			fresh += len(in)
			mu.Unlock()
		})
	}
	wg.Wait()
	if fresh != n {
		t.Fatalf("replicas enqueueing the same %d posts got %d new in all, want %d", n, fresh, n)
	}
	for w := range 9 {
		db := dbs[w%len(dbs)]
		wg.Go(func() {
			for {
				got, err := db.ClaimDeliveries(t.Context(), start, 4, time.Hour)
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
				for _, d := range got {
					if err := db.CompleteDelivery(t.Context(), d.ID, fmt.Sprint("ts-", d.ID), start); err != nil {
						t.Errorf("CompleteDelivery: %v", err)
						return
					}
				}
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

// TestMigrateFromSchema2 opens a schema a build of schema 2 made, with a
// story and a pin: Open adds the chat tables and keeps the data.
func TestMigrateFromSchema2(t *testing.T) {
	dsn := schemaDSN(t)
	old, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	stmts := []string{`CREATE TABLE schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`}
	for _, name := range []string{"0001_init.sql", "0002_stories_pins.sql"} {
		b, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b))
	}
	stmts = append(stmts,
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql'), (2, '0002_stories_pins.sql')`,
		`INSERT INTO stories (campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES ('kaiser-2024', 'Tentative agreement ends 196-day strike', '', '[]', 'core', now(), now(), '{}')`,
		`INSERT INTO pins (campaign_id, field, value, set_by) VALUES ('kaiser-2024', 'phase', 'tentative_agreement', 'U0CAPTAIN')`,
	)
	for _, q := range stmts {
		if _, err := old.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("building a schema 2 database: %v", err)
		}
	}
	db := open(t, dsn)
	if sts, err := db.Stories(t.Context(), strike.StoryFilter{CampaignID: "kaiser-2024"}); err != nil || len(sts) != 1 {
		t.Errorf("Stories after migration = %+v, %v", sts, err)
	}
	if pins, err := db.Pins(t.Context(), "kaiser-2024"); err != nil || len(pins) != 1 || pins[0].Value != "tentative_agreement" {
		t.Errorf("Pins after migration = %+v, %v", pins, err)
	}
	d := strike.Destination{Platform: "discord", Workspace: "880011", Channel: "990022"}
	in, err := db.Enqueue(t.Context(), []strike.Delivery{{Destination: d, Key: "story:1", StoryID: 1, Kind: "phase_change"}})
	if err != nil || len(in) != 1 {
		t.Fatalf("Enqueue after migration = %+v, %v", in, err)
	}
	if got, err := db.ClaimDeliveries(t.Context(), start, 1, time.Minute); err != nil || len(got) != 1 {
		t.Errorf("ClaimDeliveries after migration = %+v, %v", got, err)
	}
	ms, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := old.QueryRowContext(t.Context(), `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != len(ms) {
		t.Errorf("schema version after migration = %d, %v; want %d", v, err, len(ms))
	}
}

// TestMigrateFromSchema3 opens a schema a build of schema 3 made: the
// articles that already have a story come out processed, so an upgrade
// announces no history again, and those without one stay to be processed.
func TestMigrateFromSchema3(t *testing.T) {
	dsn := schemaDSN(t)
	old, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	stmts := []string{`CREATE TABLE schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`}
	for _, name := range []string{"0001_init.sql", "0002_stories_pins.sql", "0003_chat.sql"} {
		b, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b))
	}
	article := func(key, tier, story, published string) string {
		return fmt.Sprintf(`INSERT INTO articles (campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts)
VALUES ('kaiser-2024', 'https://news.example.test/rss', '%s', 'https://news.example.test/%s', 'Mediation begins', 'Ledger', '', '', '',
	'%s', false, '%s', '%s', 8, '[]', %s, '{}')`, key, key, published, published, tier, story)
	}
	stmts = append(stmts,
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql'), (2, '0002_stories_pins.sql'), (3, '0003_chat.sql')`,
		`INSERT INTO stories (campaign_id, title, summary, summary_sources, tier, first_seen, updated, facts)
VALUES ('kaiser-2024', 'Mediation begins', '', '[]', 'core', '2025-03-10T12:00:00Z', '2025-03-10T12:00:00Z', '{}')`,
		article("announced", "core", "(SELECT max(id) FROM stories)", "2025-03-10T12:00:00Z"),
		article("waiting", "related", "NULL", "2025-03-11T12:00:00Z"),
		article("noise", "none", "NULL", "2025-03-12T12:00:00Z"),
	)
	for _, q := range stmts {
		if _, err := old.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("building a schema 3 database: %v", err)
		}
	}
	db := open(t, dsn)
	got, err := db.Articles(t.Context(), strike.ArticleFilter{CampaignID: "kaiser-2024", Unprocessed: true})
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
	if err := db.MarkProcessed(t.Context(), []int64{got[1].ID}); err != nil {
		t.Fatalf("MarkProcessed after migration: %v", err)
	}
	if got, err := db.Articles(t.Context(), strike.ArticleFilter{Unprocessed: true, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}}); err != nil || len(got) != 0 {
		t.Errorf("unprocessed relevant after marking = %d articles, %v; want none", len(got), err)
	}
}

// TestOpenKeywordDSN opens the store with PostgreSQL's key=value form of
// the test DSN, which pgx (and so strikebot) accepts.
func TestOpenKeywordDSN(t *testing.T) {
	u, err := url.Parse(schemaDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	kv := []string{"host=" + u.Hostname(), "dbname=" + strings.TrimPrefix(u.Path, "/")}
	if p := u.Port(); p != "" {
		kv = append(kv, "port="+p)
	}
	if n := u.User.Username(); n != "" {
		kv = append(kv, "user="+n)
	}
	if pw, ok := u.User.Password(); ok {
		kv = append(kv, "password='"+strings.ReplaceAll(pw, "'", `\'`)+"'")
	}
	for k, v := range u.Query() {
		kv = append(kv, k+"="+v[0])
	}
	db := open(t, strings.Join(kv, " "))
	if err := db.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

// TestNewTableAnalyzed checks that a new articles table gets its
// statistics once SavePoll has stored a thousand articles, without
// waiting for autovacuum: until then the planner looked known keys up by
// reading every article of the campaign. With them, KnownKeys's plan
// uses the (campaign, key) index.
func TestNewTableAnalyzed(t *testing.T) {
	dsn := schemaDSN(t)
	db := open(t, dsn)
	ctx := context.Background()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	reltuples := func() float64 {
		t.Helper()
		var n float64
		if err := raw.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	save := func(from, to int) {
		t.Helper()
		var batch []strike.Article
		for i := from; i < to; i++ {
			batch = append(batch, article(fmt.Sprintf("k%05d", i)))
		}
		st := feedState(1)
		st.URL = fmt.Sprintf("https://news.example.test/rss%d", from)
		if _, err := db.SavePoll(ctx, st, batch); err != nil {
			t.Fatal(err)
		}
	}
	save(0, 900)
	if n := reltuples(); n >= 0 {
		t.Fatalf("after 900 articles: reltuples %v, want the table not analyzed yet (-1)", n)
	}
	save(900, 1100)
	if n := reltuples(); n < 1000 {
		t.Fatalf("after 1,100 articles: reltuples %v, want the table analyzed", n)
	}
	var plan strings.Builder
	rows, err := raw.QueryContext(ctx, `EXPLAIN SELECT key FROM articles WHERE campaign_id = 'kaiser-2024' AND key = ANY('{k00001,k00002}'::text[])`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	if !strings.Contains(plan.String(), "articles_campaign_id_key_key") {
		t.Errorf("known keys plan does not use the key index:\n%s", plan.String())
	}
}

// TestSavePollCopies checks that a poll's new articles go in with one
// bulk copy, and that a batch holding a stored article, which fails the
// copy, is inserted row by row: the stored one skipped, the new ones
// stored with IDs beyond every earlier one.
func TestSavePollCopies(t *testing.T) {
	copies, failed, restore := postgres.CountCopies()
	defer restore()
	db := open(t, schemaDSN(t))
	ctx := context.Background()

	first := []strike.Article{article("k1"), article("k2"), article("k3")}
	got, err := db.SavePoll(ctx, feedState(1), first)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || copies.Load() != 1 || failed.Load() != 0 {
		t.Fatalf("first poll: %d new, %d copies, %d failed; want 3 new in 1 copy", len(got), copies.Load(), failed.Load())
	}
	var last int64
	for _, a := range got {
		if a.ID <= last {
			t.Fatalf("IDs %d after %d: want increasing", a.ID, last)
		}
		last = a.ID
		stored, err := db.Article(ctx, a.ID)
		if err != nil || stored.Key != a.Key || stored.Text != a.Text {
			t.Fatalf("article %d: stored %q (err %v), want %q with its text", a.ID, stored.Key, err, a.Key)
		}
	}

	second := []strike.Article{article("k2"), article("k4"), article("k5")}
	got, err = db.SavePoll(ctx, feedState(2), second)
	if err != nil {
		t.Fatal(err)
	}
	if copies.Load() != 2 || failed.Load() != 1 {
		t.Errorf("second poll: %d copies, %d failed; want the copy tried and failed", copies.Load(), failed.Load())
	}
	if len(got) != 2 || got[0].Key != "k4" || got[1].Key != "k5" {
		t.Fatalf("second poll: new %v, want k4 and k5", got)
	}
	for _, a := range got {
		if a.ID <= last {
			t.Errorf("new article %s has ID %d, not beyond %d", a.Key, a.ID, last)
		}
	}
	all, err := db.Articles(ctx, strike.ArticleFilter{})
	if err != nil || len(all) != 5 {
		t.Fatalf("stored %d articles (err %v), want 5", len(all), err)
	}
}

// TestMigrateFromSchema14 opens a database whose GUID keys are in the old
// form ("g:" and a hash): migration 15 gives them the feed's tag, computed
// by PostgreSQL's sha256 as strike.FeedKeyTag computes it.
func TestMigrateFromSchema14(t *testing.T) {
	dsn := schemaDSN(t)
	old, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	stmts := migrationsUpTo(t, 14)
	for i, l := range storetest.LegacyArticles() {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO articles (id, campaign_id, feed, key, url, title, source, author, summary, text, published,
	published_estimated, first_seen, tier, score, reasons, story_id, facts, processed)
VALUES (%d, '%s', '%s', '%s', '%s', 'Kaiser strike', 'Ledger', '', '', '', '2025-03-10T12:00:00Z', false, '2025-03-10T12:00:00Z', 'core', 8, '[]', NULL, '{}', true)`,
			i+1, storetest.LegacyCampaign, l.Feed, l.Key, l.URL))
	}
	stmts = append(stmts, `SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`)
	for _, q := range stmts {
		if _, err := old.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("building a schema 14 database: %v\n%s", err, q)
		}
	}
	storetest.CheckMigratedKeys(t, open(t, dsn))
}

// migrationsUpTo returns the statements that build schema_migrations and
// migrations 1 to n, each recorded there, as a build of schema n left the
// database.
func migrationsUpTo(t *testing.T, n int) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(names) < n {
		t.Fatalf("migrations: %d found, %v", len(names), err)
	}
	stmts := []string{`CREATE TABLE schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`}
	for i, name := range names[:n] {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(b), fmt.Sprintf(`INSERT INTO schema_migrations (version, name) VALUES (%d, '%s')`, i+1, filepath.Base(name)))
	}
	return stmts
}
