package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	_ "modernc.org/sqlite"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Kaiser strike", "Kaiser strike"},
		{"a\x00b", "ab"},
		{"\x00\x00", ""},
		{"x\xffy", "x\uFFFDy"},
		{"x\xff\xfe\xfdy", "x\uFFFDy"},
		{"lone surrogate \xed\xa0\x80!", "lone surrogate \uFFFD!"},
		{"\xff\x00\xff", "\uFFFD\uFFFD"},
		{"Señora Ñ 労働", "Señora Ñ 労働"},
		{"ok \uFFFD", "ok \uFFFD"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a\x00b", "\xed\xa0\x80", "\xff", "NUHW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !utf8.ValidString(got) || strings.IndexByte(got, 0) >= 0 {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8 or NUL left", s, got)
		}
		if again := Clean(got); again != got {
			t.Fatalf("Clean not idempotent: %q → %q → %q", s, got, again)
		}
		if utf8.ValidString(s) && !strings.Contains(s, "\x00") && got != s {
			t.Fatalf("Clean changed clean text %q to %q", s, got)
		}
	})
}

func FuzzMigrationNames(f *testing.F) {
	for _, s := range []string{"0001_init.sql", "1_x.sql", "0000_zero.sql", "x_1.sql", "0002.sql", "-1_neg.sql"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !fsValidName(name) {
			return
		}
		ms, err := Migrations(fstest.MapFS{name: {Data: []byte("SELECT 1;")}})
		if err != nil {
			return
		}
		for i, m := range ms {
			if m.Version != i+1 {
				t.Fatalf("Migrations(%q) version %d at %d", name, m.Version, i)
			}
		}
	})
}

func fsValidName(name string) bool {
	return name != "" && !strings.ContainsAny(name, "/\\\x00") && name != "." && name != ".." && utf8.ValidString(name)
}

func TestMigrationsNames(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		wantErr bool
	}{
		{"ordered", []string{"0002_b.sql", "0001_a.sql", "0003_c.sql"}, false},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, true},
		{"repeat", []string{"0001_a.sql", "1_again.sql"}, true},
		{"zero", []string{"0000_a.sql"}, true},
		{"no number", []string{"init.sql"}, true},
		{"no underscore", []string{"0001.sql"}, true},
		{"none", nil, false},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"README": {Data: []byte("not a migration")}}
		for _, f := range tt.files {
			fsys[f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}
		ms, err := Migrations(fsys)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, want error %v", tt.name, err, tt.wantErr)
		}
		if err == nil && len(ms) != len(tt.files) {
			t.Errorf("%s: %d migrations, want %d", tt.name, len(ms), len(tt.files))
		}
	}
}

func openSQLite(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db")+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

var testMigrator = Migrator{TableSQL: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)`}

func migs(t *testing.T, files map[string]string) []Migration {
	t.Helper()
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	ms, err := Migrations(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func tables(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return strings.Join(names, ",")
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	db := openSQLite(t)
	one := map[string]string{"0001_a.sql": "CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);"}
	applied, err := testMigrator.Migrate(ctx, db, migs(t, one))
	if err != nil || len(applied) != 1 {
		t.Fatalf("first Migrate = %v, %v; want [1], nil", applied, err)
	}
	if got, want := tables(t, db), "a,b,schema_migrations"; got != want {
		t.Errorf("tables = %q, want %q", got, want)
	}
	// Again: nothing to do (re-running CREATE TABLE a would fail).
	if applied, err := testMigrator.Migrate(ctx, db, migs(t, one)); err != nil || len(applied) != 0 {
		t.Fatalf("second Migrate = %v, %v; want [], nil", applied, err)
	}

	// A failing migration after a good one: neither is applied.
	bad := map[string]string{
		"0001_a.sql":   one["0001_a.sql"],
		"0002_c.sql":   "CREATE TABLE c (z INTEGER);",
		"0003_bad.sql": "CREATE TABLE d (z INTEGER); THIS IS NOT SQL;",
	}
	if applied, err := testMigrator.Migrate(ctx, db, migs(t, bad)); err == nil {
		t.Fatalf("Migrate with a broken migration applied %v", applied)
	} else if !strings.Contains(err.Error(), "0003_bad.sql") {
		t.Errorf("error does not name the migration: %v", err)
	}
	if got, want := tables(t, db), "a,b,schema_migrations"; got != want {
		t.Errorf("after failed Migrate tables = %q, want %q", got, want)
	}
	var version int
	if err := db.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil || version != 1 {
		t.Errorf("version = %d, %v; want 1", version, err)
	}

	// Fixed: both pending migrations apply, in order.
	bad["0003_bad.sql"] = "CREATE TABLE d (z INTEGER);"
	if applied, err := testMigrator.Migrate(ctx, db, migs(t, bad)); err != nil || len(applied) != 2 || applied[0] != 2 {
		t.Fatalf("Migrate = %v, %v; want [2 3], nil", applied, err)
	}
	// A build that knows fewer migrations refuses the database.
	if _, err := testMigrator.Migrate(ctx, db, migs(t, one)); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("older build: err = %v, want ErrSchemaTooNew", err)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example.test/rss", "https://news.example.test/rss"},
		{"https://user:secret@news.example.test/rss", "https://user:xxxxx@news.example.test/rss"},
		{"https://user:se%zzcret@news.example.test/rss", "(unparsable URL)"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
