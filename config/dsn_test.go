package config

import (
	"strings"
	"testing"
)

func TestParseKeywordDSN(t *testing.T) {
	for _, tc := range []struct {
		in   string
		keys []string
	}{
		{"host=db", []string{"host"}},
		{"  host = db  user=bot password='a b\\' c' dbname=s ", []string{"host", "user", "password", "dbname"}},
		{"sslmode=disable", []string{"sslmode"}},
	} {
		pairs, err := parseKeywordDSN(tc.in)
		if err != nil {
			t.Errorf("parseKeywordDSN(%q): %v", tc.in, err)
			continue
		}
		var keys []string
		for _, p := range pairs {
			keys = append(keys, p.key)
		}
		if strings.Join(keys, ",") != strings.Join(tc.keys, ",") {
			t.Errorf("parseKeywordDSN(%q) keys = %v, want %v", tc.in, keys, tc.keys)
		}
	}
	for _, bad := range []string{"", "   ", "strikebot.db", "host", "host=db dbname", "=x", "host='db", "host=d'b", "sqlite strikebot.db"} {
		if _, err := parseKeywordDSN(bad); err == nil {
			t.Errorf("parseKeywordDSN(%q) succeeded", bad)
		}
	}
}

func FuzzRedactKeywordDSN(f *testing.F) {
	for _, s := range []string{"host=db password=x", "password='a b'", "host=db password='x\\'y'", "a=b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const pw = "Pa55w0rdXYZ"
		for _, dsn := range []string{s + " password=" + pw, "password=" + pw + " " + s, "password='" + pw + "' " + s} {
			if got := redactURL(dsn); strings.Contains(got, pw) {
				t.Fatalf("redactURL(%q) = %q leaks the password", dsn, got)
			}
		}
	})
}
