package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// ErrSchemaTooNew means the database holds a migration this build does not
// know: it was migrated by a newer strikebot.
var ErrSchemaTooNew = errors.New("database schema is newer than this build")

// Migration is one embedded schema change.
type Migration struct {
	Version int    // from the file name's numeric prefix, 1, 2, 3…
	Name    string // the file name
	SQL     string
}

// Migrations reads the *.sql files at the root of fsys, named
// NNNN_description.sql, and returns them by version. Versions must run
// 1, 2, 3… without gaps or repeats: migrations are append-only.
func Migrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, name := range names {
		prefix, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %q: name must be NNNN_description.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %q: version %d, want %d (no gaps or repeats)", m.Name, m.Version, i+1)
		}
	}
	return ms, nil
}

// Migrator applies migrations for one dialect.
type Migrator struct {
	// LockSQL, if set, runs first in the migration transaction to keep
	// concurrent migrators (other replicas) out until it commits.
	LockSQL string
	// TableSQL creates schema_migrations(version, name, applied_at) if it
	// does not exist.
	TableSQL string
}

// Migrate applies, in one transaction, every migration in ms that db has not
// recorded in schema_migrations, and records each. Either all pending
// migrations are applied or none is. It returns the versions it applied, and
// ErrSchemaTooNew if db records a version ms does not have.
func (m Migrator) Migrate(ctx context.Context, db *sql.DB, ms []Migration) (applied []int, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("migrate: begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			applied = nil
		}
	}()
	if m.LockSQL != "" {
		if _, err := tx.ExecContext(ctx, m.LockSQL); err != nil {
			return nil, fmt.Errorf("migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, m.TableSQL); err != nil {
		return nil, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return nil, fmt.Errorf("migrate: read version: %w", err)
	}
	if current > len(ms) {
		return nil, fmt.Errorf("migrate: database at version %d, this build knows %d: %w", current, len(ms), ErrSchemaTooNew)
	}
	for _, mig := range ms[current:] {
		if _, err := tx.ExecContext(ctx, mig.SQL); err != nil {
			return nil, fmt.Errorf("migrate: %s: %w", mig.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, int64(mig.Version), mig.Name); err != nil {
			return nil, fmt.Errorf("migrate: record %s: %w", mig.Name, err)
		}
		applied = append(applied, mig.Version)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("migrate: commit: %w", err)
	}
	return applied, nil
}
