//go:build unix

package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLockRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	unlock, err := LockRun(path)
	if err != nil {
		t.Fatal(err)
	}
	// A second lock (another open file, as another process would have)
	// is refused and names the holder.
	_, err = LockRun(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("second LockRun = %v, want ErrLocked naming this process", err)
	}
	// The database itself still opens: readers and one-off commands share it.
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, err = LockRun(path)
	if err != nil {
		t.Fatalf("LockRun after unlock: %v", err)
	}
	unlock()
	if _, err := LockRun(Memory); err != nil {
		t.Errorf("LockRun(Memory) = %v", err)
	}
	if _, err := LockRun(filepath.Join(t.TempDir(), "missing", "bot.db")); err == nil || errors.Is(err, ErrLocked) {
		t.Errorf("LockRun in a missing directory = %v, want an error other than ErrLocked", err)
	}
}
