// Package sqlite is strikebot's default storage backend: a strike.Store in
// one SQLite file, through the pure-Go driver modernc.org/sqlite (no cgo).
//
// # Durability
//
// The database runs in WAL mode with synchronous=NORMAL: a committed
// transaction survives a crash of the application (or of the container), but
// a power loss or kernel crash may roll back the last few commits. The store
// stays consistent either way: a poll's feed state rolls back with its
// articles, so the next poll fetches the feed afresh and stores again
// whatever it still lists.
//
// # Connections
//
// A DB has two pools on the same file. Writes go through one writer
// connection (SetMaxOpenConns(1)), so goroutines of this process queue in
// database/sql instead of competing for SQLite's write lock and failing with
// SQLITE_BUSY; transactions begin IMMEDIATE, so a transaction never has to
// upgrade a read lock. Reads use a separate pool of several read-only
// connections: in WAL mode readers neither block the writer nor each other,
// so chat commands are not queued behind a SavePoll. Other processes on the
// same file are waited for up to busy_timeout (5 s).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/strikebot/strikebot/store/internal/sqlstore"
	"github.com/strikebot/strikebot/strike"
)

// Memory is the path Open accepts for a private in-memory database, which
// lives as long as the DB. It is meant for tests and demos.
const Memory = ":memory:"

// BusyTimeout is how long a connection waits for another process's write
// lock before failing with SQLITE_BUSY.
const BusyTimeout = 5 * time.Second

//go:embed migrations/*.sql
var migrationFiles embed.FS

var dialect = sqlstore.Dialect{
	Name: "sqlite",
	Time: func(t time.Time) any { return t.UnixMicro() },
	// json_each keeps it one statement with one parameter however many
	// keys there are; the UNIQUE (campaign_id, key) index serves the lookup.
	KnownKeysSQL: `SELECT key FROM articles WHERE campaign_id = $1 AND key IN (SELECT value FROM json_each($2))`,
	ListArg: func(list any) (any, error) {
		b, err := json.Marshal(list)
		return string(b), err
	},
	In: func(expr, param string) string { return expr + ` IN (SELECT value FROM json_each(` + param + `))` },
	// NULLs sort first in SQLite, so DESC puts them last as in PostgreSQL.
	ArticlesOrder: `published DESC, id DESC`,
	// No locking clause: a claim is one UPDATE statement, which takes
	// the database's write lock before it reads, so claimers (in this
	// process or another) run one after the other.
	ClaimLock: "",
	// An article dirties a table page (feed texts run 2 to 3 KB) and a
	// leaf of each of its three indexes, which past about 50,000
	// articles are mostly different leaves: 200 articles are about 800
	// of the writer cache's 1,024 pages. Larger batches spilled pages
	// mid-transaction and wrote them again at commit; with 200, a first
	// ingest of 3,000 feeds × 50 ran in 21.6–22.8 s against 22.2–25.4 s,
	// and 1,000 feeds as before.
	BatchArticles: 200,
}

var migrator = sqlstore.Migrator{
	TableSQL: `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`,
}

// DB is a strike.Store in an SQLite database. It is safe for concurrent use
// by multiple goroutines, and several processes may open the same file.
// Close releases it.
type DB struct {
	// Store implements strike.Store with the SQL both backends share.
	*sqlstore.Store
	ckpt      *checkpointer // nil for Memory
	closeOnce sync.Once
}

var _ strike.Store = (*DB)(nil)

// Open opens (creating if needed) the SQLite database at path and applies any
// pending migrations in one transaction. path is a file path, relative paths
// being relative to the working directory, or Memory. The context bounds
// opening and migrating only.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: empty path")
	}
	ms, err := sqlstore.Migrations(mustSub(migrationFiles, "migrations"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	var name string
	if path == Memory {
		name = "file::memory:"
	} else {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		// A file: URI, so '?' and '#' in the path are escaped, not parsed.
		name = "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
	}
	params := fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=journal_size_limit(%d)",
		BusyTimeout.Milliseconds(), walRestartFrames*4096)

	// The writer never checkpoints the WAL itself: a connection of its
	// own does it in the background (see checkpointer), so a commit never
	// waits for pages to be copied into the database file. Its page cache
	// (4 MiB) holds the inner pages of the articles table and its indexes
	// that every insert walks, and its temporary b-trees (sorts, the
	// IN lists of KnownKeys) stay in memory; the readers, several of
	// them, keep small caches (512 KiB each).
	w, err := sql.Open("sqlite", name+params+"&_pragma=cache_size(-4096)&_pragma=temp_store(MEMORY)&_pragma=wal_autocheckpoint(0)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if _, err := migrator.Migrate(ctx, w, ms); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := rekeyGUIDs(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}

	r := w // an in-memory database exists only on its one connection
	if path != Memory {
		r, err = sql.Open("sqlite", name+params+"&_pragma=cache_size(-512)&_pragma=query_only(1)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		if err := r.PingContext(ctx); err != nil {
			w.Close()
			r.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
	}
	s, err := sqlstore.New(ctx, dialect, w, r)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db := &DB{Store: s}
	if path != Memory {
		c, err := sql.Open("sqlite", name+params+"&_pragma=cache_size(-512)")
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		c.SetMaxOpenConns(1)
		db.ckpt = newCheckpointer(c, CheckpointEvery, walRestartFrames)
	}
	return db, nil
}

// Close stops the background checkpoints, closes the database and
// checkpoints the whole WAL on the last connection. Closing again does
// nothing more.
func (db *DB) Close() error {
	if db.ckpt == nil {
		return db.Store.Close()
	}
	var err error
	db.closeOnce.Do(func() {
		db.ckpt.halt()
		err = errors.Join(db.Store.Close(), db.ckpt.close())
	})
	return err
}

// CheckpointEvery is how often the background checkpointer copies the
// WAL's committed pages into the database file.
const CheckpointEvery = time.Second

// walRestartFrames is the WAL's length, in frames (pages), beyond which
// the checkpointer makes the next commit start the WAL over: about
// 64 MiB with SQLite's 4 KiB pages.
const walRestartFrames = 16384

// checkpointer runs a PASSIVE checkpoint every CheckpointEvery on a
// connection of its own: it never blocks the writer or the readers, so
// commits stay short and the copying uses the machine's other core.
//
// A passive checkpoint alone lets the WAL grow without end while commits
// and reads keep coming (a first ingest wrote a 570 MB WAL beside a
// 225 MB database): the WAL starts over only when a commit finds every
// frame copied and no reader in it, which busy reading and writing never
// allow. So once the WAL is restartAt frames long, the checkpointer runs
// a RESTART checkpoint: it holds commits back while it copies what the
// passive ones left (little: they copied the rest) and waits for the
// reads in progress (the busy timeout), and the next commit then
// rewrites the WAL from its start; journal_size_limit truncates the file
// to walRestartFrames pages. That is one short wait for the writer per
// 64 MiB written. Its goroutine stops at halt.
type checkpointer struct {
	db        *sql.DB
	every     time.Duration
	restartAt int
	stop      chan struct{}
	done      chan struct{}
}

func newCheckpointer(db *sql.DB, every time.Duration, restartAt int) *checkpointer {
	c := &checkpointer{db: db, every: every, restartAt: restartAt, stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	t := time.NewTicker(c.every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		c.checkpoint(c.restartAt)
	}
}

// checkpoint runs one passive checkpoint, and a restarting one when the
// WAL is restartAt frames or longer. A checkpoint that fails (the database
// busy) is tried again at the next tick; the pages wait in the WAL
// meanwhile.
func (c *checkpointer) checkpoint(restartAt int) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var busy, frames, copied int
	err := c.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &frames, &copied)
	if err != nil || busy != 0 || frames < restartAt {
		return
	}
	_, _ = c.db.ExecContext(ctx, `PRAGMA wal_checkpoint(RESTART)`)
}

// halt stops the goroutine.
func (c *checkpointer) halt() {
	close(c.stop)
	<-c.done
}

// close truncates the WAL, the other connections being closed, and
// closes the last one.
func (c *checkpointer) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := c.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return errors.Join(err, c.db.Close())
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant embedded above
	}
	return sub
}
