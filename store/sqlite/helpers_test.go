package sqlite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// migrationCount returns how many migrations the package embeds.
func migrationCount(t *testing.T) int {
	t.Helper()
	ms, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(ms) == 0 {
		t.Fatalf("no migrations found: %v", err)
	}
	return len(ms)
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o755) }

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
