package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// TestWALStaysBounded writes far more than the WAL may hold while
// readers keep reading, as during an ingest, with a checkpoint between
// polls as the background checkpointer makes them: the WAL starts over
// instead of growing with everything written, and nothing is lost.
func TestWALStaysBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	db := open(t, path)
	ctx := context.Background()
	text := strings.Repeat("Mental health workers at Kaiser Permanente kept the picket line. ", 100) // ~6.5 KB
	const polls, perPoll = 60, 20
	var maxWAL int64
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := db.KnownKeys(ctx, "kaiser-2024", []string{"p0-0"}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for p := range polls {
		batch := make([]strike.Article, perPoll)
		for i := range batch {
			key := fmt.Sprintf("p%d-%d", p, i)
			batch[i] = article(key)
			batch[i].Text = text
		}
		if _, err := db.SavePoll(ctx, feedState(p+1), batch); err != nil {
			t.Fatal(err)
		}
		// 64 frames: 256 KiB with 4 KiB pages; each poll writes ~140 KB.
		db.Checkpoint(64)
		fi, err := os.Stat(path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		maxWAL = max(maxWAL, fi.Size())
	}
	close(stop)
	readers.Wait()
	written := int64(polls * perPoll * len(text))
	if maxWAL > written/4 {
		t.Errorf("WAL grew to %d bytes for %d written: it does not start over", maxWAL, written)
	}
	got, err := db.KnownKeys(ctx, "kaiser-2024", []string{"p0-0", fmt.Sprintf("p%d-%d", polls-1, perPoll-1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("KnownKeys after restarts = %v, want both", got)
	}
	t.Logf("WAL at most %d bytes for %d bytes of text written", maxWAL, written)
}
