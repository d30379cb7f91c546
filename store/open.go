// Package store opens the configured strike.Store backend from a DSN.
//
// Allowed DSNs:
//
//	sqlite:PATH                      an SQLite file (created if missing), e.g. sqlite:/var/lib/strikebot/bot.db
//	sqlite::memory:                  a private in-memory SQLite database (tests, demos)
//	postgres://USER:PASS@HOST/DB?…   PostgreSQL (also postgresql://)
//	host=HOST user=USER password=PASS dbname=DB …
//	                                 PostgreSQL's key=value form
//
// A bare path is not accepted, so a typo in a PostgreSQL URL can never
// silently create an SQLite file named after it.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/strikebot/strikebot/store/postgres"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// ErrDSN means a DSN has a form Open does not accept.
var ErrDSN = errors.New("store: unsupported DSN (want sqlite:PATH, sqlite::memory:, postgres://…, postgresql://… or host=… dbname=…)")

// Open opens the store the dsn names and applies pending migrations. The
// caller closes the returned store. Error texts name the DSN with any
// password redacted.
func Open(ctx context.Context, dsn string) (strike.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" {
			return nil, fmt.Errorf("store: open %q: empty path: %w", dsn, ErrDSN)
		}
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("store: open %q: %w", dsn, err)
		}
		return db, nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"), keywordDSN.MatchString(dsn):
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open %q: %w", Redact(dsn), err)
		}
		return db, nil
	default:
		return nil, fmt.Errorf("store: open %q: %w", Redact(dsn), ErrDSN)
	}
}

// keywordDSN matches the start of a PostgreSQL key=value connection
// string ("host=db user=bot …"); pgx parses and checks the rest.
var keywordDSN = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_]*\s*=`)

// passwordParam matches password settings in URL queries and key=value
// connection strings (password, sslpassword, …), quoted or not.
var passwordParam = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)`)

// userinfo matches the "user:password@" part of a URL-like string.
var userinfo = regexp.MustCompile(`(//[^/@:]*:)[^/]*@`)

// Redact returns dsn fit for logs and error texts: any password, in the
// URL's user info or in a password parameter, is replaced by "xxxxx".
// SQLite DSNs carry no secret and are returned unchanged.
func Redact(dsn string) string {
	if strings.HasPrefix(dsn, "sqlite:") {
		return dsn
	}
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && u.Opaque == "" {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		// The query is masked by pattern too: url.Values drops pairs it
		// cannot unescape, and those may hold the password.
		return passwordParam.ReplaceAllString(u.String(), "${1}xxxxx")
	}
	// Not a parsable URL: mask by pattern, without echoing what was masked.
	s := userinfo.ReplaceAllString(dsn, "${1}xxxxx@")
	return passwordParam.ReplaceAllString(s, "${1}xxxxx")
}

// LockRun takes the lock a long-running bot holds on its database, so that
// a second `run` on the same SQLite file refuses to start instead of
// doubling every poll and post (see sqlite.LockRun); the error then wraps
// sqlite.ErrLocked and says what to do. PostgreSQL needs no such lock:
// replicas share it safely. The returned function releases the lock.
func LockRun(dsn string) (unlock func() error, err error) {
	path, ok := strings.CutPrefix(dsn, "sqlite:")
	if !ok || path == "" {
		return func() error { return nil }, nil
	}
	unlock, err = sqlite.LockRun(path)
	if errors.Is(err, sqlite.ErrLocked) {
		return nil, fmt.Errorf("store: %w; SQLite serves one running bot: stop the other one first, or use PostgreSQL (db: postgres://…) to run replicas", err)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return unlock, nil
}
