package sqlite_test

import (
	"os"
	"strings"
)

func mkdir(dir string) error { return os.MkdirAll(dir, 0o755) }

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
