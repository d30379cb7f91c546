package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"

	"github.com/strikebot/strikebot/strike"
)

func init() {
	// rekeyGUIDs builds keys with the feed's tag; SQLite has no SHA-256 of
	// its own. Registered once, for every connection of the driver.
	sqlite.MustRegisterDeterministicScalarFunction("strikebot_feed_tag", 1, feedTag)
}

// feedTag is strike.FeedKeyTag as an SQL function of one TEXT argument.
func feedTag(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	switch v := args[0].(type) {
	case string:
		return strike.FeedKeyTag(v), nil
	case []byte:
		return strike.FeedKeyTag(string(v)), nil
	default:
		return nil, fmt.Errorf("strikebot_feed_tag: want text, got %T", v)
	}
}

// rekeyRows is how many articles one transaction of rekeyGUIDs rewrites:
// about 10 MB of rows in the writer's memory.
var rekeyRows int64 = 2000

// rekeyGUIDs turns the GUID keys of the builds before migration 12 ("g:"
// and 32 hex digits of a hash of feed and GUID) into strike.GUIDKey's
// ("f:", the feed's tag, the first 24 of those digits), rekeyRows
// articles a transaction, newest first, recording in rekey_guid how far it
// got: an interrupted run is taken up by the next Open, and a finished one
// costs one read. Keys of other forms are left as they are.
func rekeyGUIDs(ctx context.Context, w *sql.DB) error {
	for {
		var next int64
		if err := w.QueryRowContext(ctx, `SELECT next_id FROM rekey_guid`).Scan(&next); err != nil {
			return fmt.Errorf("rekey articles: %w", err)
		}
		if next <= 0 {
			return nil
		}
		low := max(next-rekeyRows, 0)
		tx, err := w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("rekey articles: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET key = 'f:' || strikebot_feed_tag(feed) || substr(key, 3, 24)
	WHERE id > ? AND id <= ? AND substr(key, 1, 2) = 'g:' AND length(key) = 34`, low, next)
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE rekey_guid SET next_id = ?`, low)
		}
		if err == nil {
			err = tx.Commit()
		}
		if err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("rekey articles %d to %d (run again to finish): %w", low+1, next, err)
		}
	}
}
