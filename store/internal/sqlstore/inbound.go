package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// errEmptyKey rejects an inbound claim or platform state without a key.
var errEmptyKey = errors.New("key is required")

// ClaimInbound implements strike.Store with one INSERT: of two replicas
// claiming a key at once, exactly one inserts the row.
func (s *Store) ClaimInbound(ctx context.Context, key string, at time.Time) (bool, error) {
	key = Clean(key)
	if key == "" {
		return false, fmt.Errorf("%s: claim inbound: %w", s.d.Name, errEmptyKey)
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO inbound_claims (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		key, s.time(cleanTime(at)))
	if err != nil {
		return false, fmt.Errorf("%s: claim inbound %q: %w", s.d.Name, key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("%s: claim inbound %q: %w", s.d.Name, key, err)
	}
	return n == 1, nil
}

// ForgetInbound implements strike.Store. A claim made at the zero time is
// older than any before.
func (s *Store) ForgetInbound(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM inbound_claims WHERE at IS NULL OR at < $1`, s.d.Time(cleanTime(before)))
	if err != nil {
		return 0, fmt.Errorf("%s: forget inbound claims: %w", s.d.Name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("%s: forget inbound claims: %w", s.d.Name, err)
	}
	return n, nil
}

// PlatformState implements strike.Store.
func (s *Store) PlatformState(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM platform_state WHERE key = $1`, Clean(key)).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%s: platform state %q: %w", s.d.Name, key, strike.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("%s: platform state %q: %w", s.d.Name, key, err)
	}
	return v, nil
}

// SetPlatformState implements strike.Store.
func (s *Store) SetPlatformState(ctx context.Context, key, value string, at time.Time) error {
	key = Clean(key)
	if key == "" {
		return fmt.Errorf("%s: set platform state: %w", s.d.Name, errEmptyKey)
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO platform_state (key, value, updated_at) VALUES ($1, $2, $3)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, Clean(value), s.time(cleanTime(at)))
	if err != nil {
		return fmt.Errorf("%s: set platform state %q: %w", s.d.Name, key, err)
	}
	return nil
}
