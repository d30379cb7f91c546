package fetch

import (
	"net/http"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"120", 120 * time.Second, true},
		{" 120 ", 120 * time.Second, true},
		{"0", 0, true},
		{"31536000", MaxRetryAfter, true},
		{"86400", 24 * time.Hour, true},
		{"86401", MaxRetryAfter, true},
		{"99999999999999999999999999", MaxRetryAfter, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{now.Add(400 * 24 * time.Hour).Format(http.TimeFormat), MaxRetryAfter, true},
		{"Tuesday, 01-Apr-25 12:05:00 GMT", 5 * time.Minute, true}, // RFC 850
		{"Tue Apr  1 12:00:30 2025", 30 * time.Second, true},       // asctime
		{"-5", 0, false},
		{"+5", 0, false},
		{"1.5", 0, false},
		{"abc", 0, false},
		{"", 0, false},
		{"   ", 0, false},
		{"2025-04-01T12:05:00Z", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
	for _, s := range []string{"120", "31536000", "-5", "abc", "", now.Format(http.TimeFormat), "Tue Apr  1 12:00:30 2025", "007"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if !ok && d != 0 {
			t.Fatalf("ParseRetryAfter(%q) = %v, false; want 0 when not ok", v, d)
		}
		if d < 0 || d > MaxRetryAfter {
			t.Fatalf("ParseRetryAfter(%q) = %v; want within [0, %v]", v, d, MaxRetryAfter)
		}
		if d%time.Second != 0 {
			t.Fatalf("ParseRetryAfter(%q) = %v; want whole seconds", v, d)
		}
	})
}

func TestStatusErrorText(t *testing.T) {
	tests := []struct {
		err  StatusError
		want string
	}{
		{StatusError{Code: 404}, "HTTP 404 Not Found"},
		{StatusError{Code: 503, RetryAfter: 2 * time.Minute}, "HTTP 503 Service Unavailable (retry after 2m0s)"},
		{StatusError{Code: 599}, "HTTP 599"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
