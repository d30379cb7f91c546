package bot_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// openStore opens a fresh SQLite store in a temporary directory.
func openStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "bot.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// clock is a settable fake clock; Sleep advances it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	c.Add(d)
	return ctx.Err()
}

var (
	chanA   = strike.Destination{Platform: "slack", Workspace: "T1", Channel: "CA"}
	chanB   = strike.Destination{Platform: "slack", Workspace: "T1", Channel: "CB"}
	opsChan = strike.Destination{Platform: "slack", Workspace: "T1", Channel: "COPS"}
)

func utf8Valid(s string) bool { return utf8.ValidString(s) }
