// Package postgres is strikebot's PostgreSQL storage backend, for running
// several replicas against one database. It uses github.com/jackc/pgx/v5
// through database/sql, sharing its queries with the SQLite backend.
//
// Replicas may insert the same articles at the same time: each article is
// inserted with ON CONFLICT DO NOTHING against the unique constraints, so
// exactly one replica sees it as new. Migrations run at Open under a
// transaction-scoped advisory lock, so replicas starting together migrate
// once.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/strikebot/strikebot/store/internal/sqlstore"
	"github.com/strikebot/strikebot/strike"
)

// DefaultConnectTimeout bounds establishing one connection when the DSN sets
// no connect_timeout.
const DefaultConnectTimeout = 10 * time.Second

// DefaultStatementTimeout is the server-side statement_timeout set when the
// DSN sets none, so no statement runs unbounded even under a context
// without deadline.
const DefaultStatementTimeout = 30 * time.Second

// MaxConns is the most connections a DB opens.
const MaxConns = 10

//go:embed migrations/*.sql
var migrationFiles embed.FS

var dialect = sqlstore.Dialect{
	Name:         "postgres",
	Time:         func(t time.Time) any { return t },
	KnownKeysSQL: `SELECT key FROM articles WHERE campaign_id = $1 AND key = ANY($2)`,
	ListArg:      func(list any) (any, error) { return list, nil },
	In:           func(expr, param string) string { return expr + ` = ANY(` + param + `)` },
	// PostgreSQL sorts NULL first in DESC order unless told.
	ArticlesOrder: `published DESC NULLS LAST, id DESC`,
	// A whole SavePoll transaction may run again when it deadlocked with
	// another replica's (40P01), failed to serialize (40001), lost its
	// session to a server restart or pg_terminate_backend (57P01, nothing
	// committed), or failed before anything reached the server.
	Retryable: func(err error) bool {
		var pe *pgconn.PgError
		if errors.As(err, &pe) {
			return pe.Code == "40P01" || pe.Code == "40001" || pe.Code == "57P01"
		}
		return pgconn.SafeToRetry(err)
	},
	// Replicas claiming at once each lock their own rows and skip the
	// rows another holds.
	ClaimLock: ` FOR UPDATE SKIP LOCKED`,
	Lock:      advisoryLock,
	// A poll's articles go in a few statements, not a round trip each:
	// 32 rows bind 544 values. Larger statements cost the client more:
	// pgx builds each in a buffer it grows from a few hundred bytes by
	// copying, and drops after, so a 256-row statement (about 1 MB of
	// article text) was copied over and over; on a first ingest of 1,000
	// feeds the insert's client side went from about 1.8 to 1.1 s of CPU,
	// and its peak memory from 77 to 66 MB, with the server's time the
	// same.
	InsertRows: 32,
	// A batch's articles go in with COPY, when none is stored already:
	// pgx then encodes them into one buffer it reuses, where INSERT's
	// parameters are built in buffers grown by copying and dropped after
	// each statement (about 1.6 GB of a first ingest's 3.6 GB allocated).
	CopyArticles: copyArticles,
	// One batch of polls is written at a time. Two at once (so the
	// server and the client would overlap) measured no faster on a first
	// ingest of 1,000 feeds on two cores: 13.4 s against 12.6 s median,
	// three interleaved rounds, the server's CPU the same.
	Writers: 1,
	// KnownKeys runs as an unnamed statement, planned for its values each
	// time. As a named prepared statement (database/sql's or pgx's cache)
	// it soon gets a generic plan, made while the articles table is new
	// and empty, before autovacuum has analyzed it: that plan reads every
	// article of the campaign through a campaign-only index and filters
	// the keys, and it stays cached for the connection's life. On a first
	// ingest of 1,000 feeds that made the server spend seconds in
	// KnownKeys on some runs (45 ms a call) and not on others.
	KnownKeysOption: pgx.QueryExecModeExec,
	SetCoverageBulkSQL: `UPDATE articles SET story_id = NULLIF(v.story, 0), facts = v.facts, signature = v.sig, coverage_seq = v.seq
FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bytea[], $5::bigint[]) AS v(id, story, facts, sig, seq)
WHERE articles.id = v.id AND (v.story = 0 OR EXISTS (
	SELECT 1 FROM stories WHERE stories.id = v.story AND stories.campaign_id = articles.campaign_id))`,
	// A new articles table gets its statistics after its first thousand
	// articles rather than at autovacuum's next round.
	AnalyzeNewSQL: `DO $$
BEGIN
	IF (SELECT reltuples < 0 FROM pg_class WHERE oid = 'articles'::regclass) THEN
		ANALYZE articles;
	END IF;
END
$$`,
}

// advisoryLock takes the session advisory lock named key on a connection
// of its own, held until release (or until the connection dies with the
// process: PostgreSQL then frees it). Keys are hashed into the second
// number of the two-number form, whose first is strikebot's own.
func advisoryLock(ctx context.Context, db *sql.DB, key string) (func(), error) {
	h := fnv.New32a()
	h.Write([]byte(key))
	k := int32(h.Sum32())
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, $2)`, lockClass, k); err != nil {
		conn.Close()
		return nil, err
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1, $2)`, lockClass, k); err != nil {
				// The lock dies with the session: make sure it does.
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
			conn.Close()
		})
	}, nil
}

// lockClass is the first number of strikebot's advisory locks: "Sb".
const lockClass int32 = 0x5362

var migrator = sqlstore.Migrator{
	// An arbitrary constant shared by every strikebot: "strikebt" in ASCII.
	LockSQL: `SELECT pg_advisory_xact_lock(8319395793566774388)`,
	TableSQL: `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`,
}

// DB is a strike.Store in a PostgreSQL database. It is safe for concurrent
// use, and several processes may use the same database. Close releases it.
type DB struct {
	// Store implements strike.Store with the SQL both backends share.
	*sqlstore.Store
}

var _ strike.Store = (*DB)(nil)

// Open connects to the database dsn names (a postgres:// URL or a
// key=value connection string, as pgx accepts) and applies any pending
// migrations. The tables go to the first schema of the connection's
// search_path, which the DSN may set (search_path=name). Unless the DSN says
// otherwise, DefaultConnectTimeout and DefaultStatementTimeout apply. The
// context bounds connecting and migrating only. Errors never contain the
// password.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's parse errors already redact the password.
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if _, ok := cfg.RuntimeParams["statement_timeout"]; !ok {
		cfg.RuntimeParams["statement_timeout"] = fmt.Sprint(DefaultStatementTimeout.Milliseconds())
	}
	ms, err := sqlstore.Migrations(mustSub(migrationFiles, "migrations"))
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	name := fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(MaxConns)
	db.SetMaxIdleConns(MaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	if _, err := migrator.Migrate(ctx, db, ms); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	s, err := sqlstore.New(ctx, dialect, db, db)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	return &DB{Store: s}, nil
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant embedded above
	}
	return sub
}

// articleColumns are the columns CopyArticles fills: the ID, then
// articleArgs' values.
var articleColumns = []string{"id", "campaign_id", "feed", "key", "url", "title", "source", "author", "summary", "text",
	"published", "published_estimated", "first_seen", "tier", "score", "reasons", "story_id", "facts"}

// copyArticles is the Dialect's CopyArticles: it takes the rows' IDs from
// the table's sequence, then copies the rows in with them.
func copyArticles(ctx context.Context, conn *sql.Conn, rows [][]any) ([]int64, error) {
	ids := make([]int64, 0, len(rows))
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("postgres: copy: connection is %T, not pgx's", dc)
		}
		pc := c.Conn()
		res, err := pc.Query(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1)`, len(rows))
		if err != nil {
			return err
		}
		for res.Next() {
			var id int64
			if err := res.Scan(&id); err != nil {
				res.Close()
				return err
			}
			ids = append(ids, id)
		}
		if err := res.Err(); err != nil {
			return err
		}
		if len(ids) != len(rows) {
			return fmt.Errorf("postgres: copy: %d IDs for %d articles", len(ids), len(rows))
		}
		row := make([]any, len(articleColumns))
		_, err = pc.CopyFrom(ctx, pgx.Identifier{"articles"}, articleColumns, pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
			row[0] = ids[i]
			copy(row[1:], rows[i])
			return row, nil
		}))
		return err
	})
	return ids, err
}
