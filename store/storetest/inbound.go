package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// inboundTests are the contract tests of inbound claims and platform state.
var inboundTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"ClaimInboundOnce", testClaimInboundOnce},
	{"ClaimInboundConcurrent", testClaimInboundConcurrent},
	{"ForgetInbound", testForgetInbound},
	{"PlatformState", testPlatformState},
}

func claimInbound(t *testing.T, s strike.Store, key string, at time.Time) bool {
	t.Helper()
	ok, err := s.ClaimInbound(t.Context(), key, at)
	if err != nil {
		t.Fatalf("ClaimInbound(%q): %v", key, err)
	}
	return ok
}

func testClaimInboundOnce(t *testing.T, s strike.Store) {
	if !claimInbound(t, s, "discord:interaction:1", base) {
		t.Fatal("first claim of a key = false, want true")
	}
	if claimInbound(t, s, "discord:interaction:1", base.Add(time.Minute)) {
		t.Error("second claim of a key = true, want false")
	}
	if !claimInbound(t, s, "discord:interaction:2", base) {
		t.Error("first claim of another key = false, want true")
	}
	// Keys are cleaned like every string: the NUL-free key is the same key.
	if claimInbound(t, s, "discord:interaction:\x001", base) {
		t.Error("claim of a key differing only by NUL = true, want false")
	}
	if _, err := s.ClaimInbound(t.Context(), "", base); err == nil {
		t.Error("ClaimInbound of an empty key: no error")
	}
}

func testClaimInboundConcurrent(t *testing.T, s strike.Store) {
	const workers = 8
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins int
		errs []error
	)
	for range workers {
		wg.Go(func() {
			ok, err := s.ClaimInbound(t.Context(), "discord:interaction:race", base)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			if ok {
				wins++
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("concurrent claims failed: %v", errors.Join(errs...))
	}
	if wins != 1 {
		t.Errorf("%d of %d concurrent claims of one key won, want 1", wins, workers)
	}
}

func testForgetInbound(t *testing.T, s strike.Store) {
	claimInbound(t, s, "old", base)
	claimInbound(t, s, "zero", time.Time{})
	claimInbound(t, s, "new", base.Add(2*time.Hour))
	n, err := s.ForgetInbound(t.Context(), base.Add(time.Hour))
	if err != nil {
		t.Fatalf("ForgetInbound: %v", err)
	}
	if n != 2 {
		t.Errorf("ForgetInbound dropped %d claims, want 2 (the old one and the zero-time one)", n)
	}
	if !claimInbound(t, s, "old", base.Add(3*time.Hour)) {
		t.Error("a forgotten key cannot be claimed again")
	}
	if claimInbound(t, s, "new", base.Add(3*time.Hour)) {
		t.Error("a key claimed after the cut was forgotten")
	}
}

func testPlatformState(t *testing.T, s strike.Store) {
	if _, err := s.PlatformState(t.Context(), "discord:commands:global"); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("PlatformState of an unknown key: err %v, want ErrNotFound", err)
	}
	set := func(key, value string, at time.Time) {
		t.Helper()
		if err := s.SetPlatformState(t.Context(), key, value, at); err != nil {
			t.Fatalf("SetPlatformState(%q): %v", key, err)
		}
	}
	get := func(key string) string {
		t.Helper()
		v, err := s.PlatformState(t.Context(), key)
		if err != nil {
			t.Fatalf("PlatformState(%q): %v", key, err)
		}
		return v
	}
	set("discord:commands:global", "hash-1", base)
	set("discord:commands:guild:42", "", base)
	set("discord:commands:global", "hash-2\x00", base.Add(time.Hour))
	if got := get("discord:commands:global"); got != "hash-2" {
		t.Errorf("PlatformState after replace = %q, want %q", got, "hash-2")
	}
	if got := get("discord:commands:guild:42"); got != "" {
		t.Errorf("PlatformState of an empty value = %q, want empty", got)
	}
	if err := s.SetPlatformState(t.Context(), "", "x", base); err == nil {
		t.Error("SetPlatformState of an empty key: no error")
	}
}
