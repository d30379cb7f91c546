package bot

import (
	"sync"
	"testing"
	"time"
)

func TestPlatforms(t *testing.T) {
	clock := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	var (
		mu      sync.Mutex
		changes []string
	)
	p := &Platforms{
		Now: func() time.Time { return clock },
		OnChange: func(name string, old, new PlatformState) {
			mu.Lock()
			defer mu.Unlock()
			changes = append(changes, name+":"+string(new.Status)+":"+new.Reason)
		},
	}
	p.Set("slack", PlatformStarting, "")
	clock = clock.Add(time.Second)
	p.Set("slack", PlatformRetrying, "connection refused")
	spell := clock
	for range 5 { // the same failure again and again: one change
		clock = clock.Add(time.Second)
		p.Set("slack", PlatformRetrying, "connection   refused")
	}
	st, _ := p.State("slack")
	if st.Status != PlatformRetrying || !st.Since.Equal(spell) || !st.Fault {
		t.Errorf("retrying state = %+v, want since %v", st, spell)
	}
	p.Set("slack", PlatformConnected, "")
	p.Set("discord", PlatformOff, "no token")
	if r, off := p.Off("discord"); !off || r != "no token" {
		t.Errorf("Off(discord) = %q, %v", r, off)
	}
	p.Stop("slack", "token_revoked")
	p.Set("slack", PlatformConnected, "") // too late: stopped for good
	if st, _ := p.State("slack"); st.Status != PlatformOff || !st.Fault || st.Reason != "token_revoked" {
		t.Errorf("after Stop: %+v", st)
	}
	all := p.All()
	if len(all) != 2 || all[0].Name != "discord" || all[1].Name != "slack" {
		t.Errorf("All() = %+v", all)
	}
	p.Set("discord", PlatformOff, "still no token") // same status: not a change
	want := []string{"slack:starting:", "slack:retrying:connection refused", "slack:connected:", "discord:off:no token", "slack:off:token_revoked"}
	if len(changes) != len(want) {
		t.Fatalf("changes = %q, want %q", changes, want)
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %q, want %q", i, changes[i], want[i])
		}
	}
	var nilP *Platforms
	nilP.Set("slack", PlatformConnected, "") // no panic
	if _, ok := nilP.State("slack"); ok {
		t.Error("nil Platforms has a state")
	}
}

// TestPlatformsStopped: Stopped's channel closes when the platform is
// stopped for good, at once, whether asked for before or after; a
// platform merely off (not configured) or retrying leaves it open.
func TestPlatformsStopped(t *testing.T) {
	var p Platforms
	before := p.Stopped("slack")
	p.Set("slack", PlatformOff, "no token")
	p.Set("slack", PlatformRetrying, "timeout")
	select {
	case <-before:
		t.Fatal("closed for a platform that is not stopped")
	default:
	}
	p.Stop("slack", "token_revoked")
	select {
	case <-before:
	default:
		t.Fatal("not closed when the platform was stopped")
	}
	select {
	case <-p.Stopped("slack"):
	default:
		t.Fatal("asked for after the stop: not closed")
	}
	var none *Platforms
	if none.Stopped("slack") != nil {
		t.Error("a nil Platforms should give a nil channel (never ready)")
	}
}
