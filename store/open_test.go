package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/store"
	"github.com/strikebot/strikebot/strike"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		dsn, want string
	}{
		{"sqlite:/var/lib/strikebot/bot.db", "sqlite:/var/lib/strikebot/bot.db"},
		{"sqlite::memory:", "sqlite::memory:"},
		{"postgres://bot:hunter2@db.internal:5432/strikebot?sslmode=require", "postgres://bot:xxxxx@db.internal:5432/strikebot?sslmode=require"},
		{"postgresql://bot@db.internal/strikebot", "postgresql://bot@db.internal/strikebot"},
		{"postgres://db.internal/strikebot?user=bot&password=hunter2", "postgres://db.internal/strikebot?user=bot&password=xxxxx"},
		{"postgres://bot:hunter2@db.internal/strikebot?sslpassword=keypass", "postgres://bot:xxxxx@db.internal/strikebot?sslpassword=xxxxx"},
		{"postgres://bot:p%zz@db.internal/strikebot", "postgres://bot:xxxxx@db.internal/strikebot"},
		{"host=db.internal user=bot password=hunter2 dbname=strikebot", "host=db.internal user=bot password=xxxxx dbname=strikebot"},
		{"host=db.internal password='hunter 2' dbname=x", "host=db.internal password=xxxxx dbname=x"},
		{"postgress//bot:hunter2@db.internal/x", "postgress//bot:xxxxx@db.internal/x"},
		{"postgres://bot:hun@ter2@db.internal:1/x%zz", "postgres://bot:xxxxx@db.internal:1/x%zz"},
	}
	for _, tt := range tests {
		got := store.Redact(tt.dsn)
		if got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
		if strings.Contains(got, "hunter") || strings.Contains(got, "keypass") {
			t.Errorf("Redact(%q) leaks the password: %q", tt.dsn, got)
		}
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"postgres://u:pw@h/db", "host=h password=pw", "postgres://u:p%zz@h", "sqlite:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		got := store.Redact(dsn)
		if strings.HasPrefix(dsn, "sqlite:") {
			if got != dsn {
				t.Fatalf("Redact changed an SQLite DSN: %q → %q", dsn, got)
			}
			return
		}
		const pw = "Pa55w0rdXYZ"
		for _, leaky := range []string{"postgres://u:" + pw + "@h/db", "postgres://h/db?password=" + pw, "host=h password=" + pw} {
			if strings.Contains(store.Redact(leaky+dsn), pw) {
				t.Fatalf("Redact(%q) leaks the password", leaky+dsn)
			}
		}
	})
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{"sqlite:" + filepath.Join(dir, "bot.db"), "sqlite::memory:"} {
		s, err := store.Open(t.Context(), dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if err := s.Ping(t.Context()); err != nil {
			t.Errorf("Ping: %v", err)
		}
		if _, err := s.FeedState(t.Context(), "https://x.example.test/rss"); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("FeedState: err = %v, want ErrNotFound", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bot.db")); err != nil {
		t.Errorf("sqlite file not created: %v", err)
	}
}

func TestOpenRejects(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, dsn string
		isDSN     bool // wants ErrDSN
	}{
		{"bare path", filepath.Join(dir, "bot.db"), true},
		{"empty", "", true},
		{"empty sqlite path", "sqlite:", true},
		{"unknown scheme", "mysql://bot:hunter2@127.0.0.1/x", true},
		{"typo in scheme", "postgress://bot:hunter2@127.0.0.1/x", true},
		{"key=value, nothing listening", "host=127.0.0.1 port=1 password=hunter2 dbname=x sslmode=disable connect_timeout=2", false},
		{"not key=value", "=127.0.0.1 password=hunter2", true},
		{"sqlite in missing dir", "sqlite:" + filepath.Join(dir, "missing", "bot.db"), false},
		{"postgres, nothing listening", "postgres://bot:hunter2@127.0.0.1:1/x?sslmode=disable&connect_timeout=2", false},
	}
	for _, tt := range tests {
		s, err := store.Open(t.Context(), tt.dsn)
		if err == nil {
			s.Close()
			t.Errorf("%s: Open(%q) succeeded", tt.name, tt.dsn)
			continue
		}
		if got := errors.Is(err, store.ErrDSN); got != tt.isDSN {
			t.Errorf("%s: errors.Is(err, ErrDSN) = %v, want %v (err: %v)", tt.name, got, tt.isDSN, err)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error leaks the password: %v", tt.name, err)
		}
		if tt.isDSN && !strings.Contains(err.Error(), "sqlite:PATH") {
			t.Errorf("%s: error does not say what is allowed: %v", tt.name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bot.db")); !os.IsNotExist(err) {
		t.Errorf("a bare path created a file: %v", err)
	}
}
