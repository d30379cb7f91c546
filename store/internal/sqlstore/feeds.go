package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// errEmptyFeed rejects a chat feed without campaign or URL.
var errEmptyFeed = errors.New("campaign ID and URL are required")

// AddFeed implements strike.Store. Strings are cleaned as everywhere else;
// at is kept in UTC truncated to microseconds.
func (s *Store) AddFeed(ctx context.Context, campaignID string, f strike.FeedSource, by string, at time.Time) error {
	campaignID, u := Clean(campaignID), Clean(f.URL)
	if campaignID == "" || u == "" {
		return fmt.Errorf("%s: add feed %s to %q: %w", s.d.Name, RedactURL(u), campaignID, errEmptyFeed)
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO chat_feeds (campaign_id, url, name, added_by, added_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (campaign_id, url) DO NOTHING`,
		campaignID, u, Clean(f.Name), Clean(by), s.time(cleanTime(at)))
	if err != nil {
		return fmt.Errorf("%s: add feed %s to %q: %w", s.d.Name, RedactURL(u), campaignID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: add feed %s to %q: %w", s.d.Name, RedactURL(u), campaignID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: add feed %s to %q: %w", s.d.Name, RedactURL(u), campaignID, strike.ErrExists)
	}
	return nil
}

// RemoveFeed implements strike.Store.
func (s *Store) RemoveFeed(ctx context.Context, campaignID, feedURL string) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM chat_feeds WHERE campaign_id = $1 AND url = $2`,
		Clean(campaignID), Clean(feedURL))
	if err != nil {
		return fmt.Errorf("%s: remove feed %s of %q: %w", s.d.Name, RedactURL(feedURL), campaignID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: remove feed %s of %q: %w", s.d.Name, RedactURL(feedURL), campaignID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: remove feed %s of %q: %w", s.d.Name, RedactURL(feedURL), campaignID, strike.ErrNotFound)
	}
	return nil
}

// Feeds implements strike.Store. A feed added at the zero time sorts
// first on both backends.
func (s *Store) Feeds(ctx context.Context, campaignID string) ([]strike.FeedSource, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT url, name, added_by, added_at FROM chat_feeds
WHERE campaign_id = $1 ORDER BY added_at IS NOT NULL, added_at, url`, Clean(campaignID))
	if err != nil {
		return nil, fmt.Errorf("%s: feeds of %q: %w", s.d.Name, campaignID, err)
	}
	defer rows.Close()
	var out []strike.FeedSource
	for rows.Next() {
		var (
			f  strike.FeedSource
			at nullTime
		)
		if err := rows.Scan(&f.URL, &f.Name, &f.AddedBy, &at); err != nil {
			return nil, fmt.Errorf("%s: feeds of %q: %w", s.d.Name, campaignID, err)
		}
		f.AddedAt = at.t
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: feeds of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

// PauseFeed implements strike.Store with one upsert: a feed never polled
// gets a state with nothing but the pause (due at once when resumed).
func (s *Store) PauseFeed(ctx context.Context, feedURL, campaignID, by string, at time.Time) error {
	feedURL, campaignID = Clean(feedURL), Clean(campaignID)
	if feedURL == "" {
		return fmt.Errorf("%s: pause feed: %w", s.d.Name, errEmptyFeed)
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO feeds (`+feedColumns+`, paused, paused_by)
VALUES ($1, $2, '', '', '', '', 0, NULL, NULL, NULL, '', 0, NULL, NULL, $3, $4)
ON CONFLICT (url) DO UPDATE SET paused = excluded.paused, paused_by = excluded.paused_by
WHERE feeds.paused IS NULL`, feedURL, campaignID, s.time(cleanTime(at)), Clean(by))
	if err != nil {
		return fmt.Errorf("%s: pause feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	return nil
}

// ResumeFeed implements strike.Store.
func (s *Store) ResumeFeed(ctx context.Context, feedURL string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE feeds SET paused = NULL, paused_by = '' WHERE url = $1 AND paused IS NOT NULL`, Clean(feedURL))
	if err != nil {
		return fmt.Errorf("%s: resume feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = strike.ErrNotFound
		}
		return fmt.Errorf("%s: resume feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	return nil
}

// SetFeedAlert implements strike.Store.
func (s *Store) SetFeedAlert(ctx context.Context, feedURL string, spell time.Time) error {
	res, err := s.w.ExecContext(ctx, `UPDATE feeds SET alerted = $2 WHERE url = $1`, Clean(feedURL), s.time(cleanTime(spell)))
	if err != nil {
		return fmt.Errorf("%s: set alert of feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = strike.ErrNotFound
		}
		return fmt.Errorf("%s: set alert of feed %s: %w", s.d.Name, RedactURL(feedURL), err)
	}
	return nil
}
