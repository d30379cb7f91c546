package bot

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// PlatformStatus is how a chat platform's connection is doing.
type PlatformStatus string

// The platform statuses.
const (
	// PlatformOff: not in use. Either not configured (Fault false: no
	// token), or stopped for good by an error no retry can fix (Fault true:
	// a token Slack refused or revoked); Reason says which.
	PlatformOff PlatformStatus = "off"
	// PlatformStarting: configured, not connected yet.
	PlatformStarting PlatformStatus = "starting"
	// PlatformConnected: connected and serving.
	PlatformConnected PlatformStatus = "connected"
	// PlatformRetrying: the connection failed or keeps failing and is
	// being retried, since Since.
	PlatformRetrying PlatformStatus = "retrying"
)

// PlatformState is one platform's status, since when, and why.
type PlatformState struct {
	Status PlatformStatus
	// Since is when the platform entered Status: for PlatformRetrying, the
	// start of the failing spell, however many attempts followed.
	Since time.Time
	// Reason says why, in one line an operator can act on (never a
	// secret): "no bot token (slack.bot_token)", "token_revoked: …".
	Reason string
	// Fault is true when the platform is off or retrying because of an
	// error, false when it is off by configuration or fine.
	Fault bool
}

// Platforms is the state of every chat platform of a running bot, by name
// ("slack", "discord"…): the chat runtime registers each platform as it
// starts (off, with why, when not configured), and each platform's edge
// reports its connection as it changes. /healthz and the log read it.
//
// The zero value is ready to use; a nil *Platforms ignores reports, so an
// edge may be run without one. It is safe for concurrent use.
type Platforms struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// OnChange, if set, is called (outside any lock, in the order of the
	// changes) each time a platform's Status (or Fault) changes, for
	// example to log it: a platform retrying over and over, for whatever
	// reasons, changes once. State always has the latest Reason.
	OnChange func(name string, old, new PlatformState)

	mu    sync.Mutex
	m     map[string]PlatformState
	calls sync.Mutex // serializes OnChange calls
	// stopped holds, per platform, the channel Stopped returns, closed
	// when the platform is stopped for good.
	stopped map[string]chan struct{}
}

// Stopped returns a channel closed once the platform is stopped for good
// (Stop): its edge stops at once, before it can try to reconnect with a
// token refused. A nil Platforms returns nil, a channel never ready.
func (p *Platforms) Stopped(name string) <-chan struct{} {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stoppedLocked(name)
}

// stoppedLocked returns the platform's Stopped channel, made on first
// use (closed if the platform is stopped already); p.mu is held.
func (p *Platforms) stoppedLocked(name string) chan struct{} {
	if p.stopped == nil {
		p.stopped = make(map[string]chan struct{})
	}
	c, ok := p.stopped[name]
	if !ok {
		c = make(chan struct{})
		p.stopped[name] = c
		if st, had := p.m[name]; had && st.Status == PlatformOff && st.Fault {
			close(c)
		}
	}
	return c
}

// Set records a platform's status and why. Since moves only when the
// status changes, so a platform retrying again keeps the start of its
// spell. A platform that is off with Fault stays off: Set cannot bring it
// back (it is stopped for good; a restart is needed).
func (p *Platforms) Set(name string, s PlatformStatus, reason string) {
	p.set(name, s, reason, s == PlatformRetrying)
}

// Stop marks a platform off for good because of an error no retry can fix
// (a token refused or revoked), with why.
func (p *Platforms) Stop(name, reason string) {
	p.set(name, PlatformOff, reason, true)
}

func (p *Platforms) set(name string, s PlatformStatus, reason string, fault bool) {
	if p == nil {
		return
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	reason = oneLine(reason)
	p.calls.Lock()
	defer p.calls.Unlock()
	p.mu.Lock()
	if p.m == nil {
		p.m = make(map[string]PlatformState)
	}
	old, had := p.m[name]
	if had && old.Status == PlatformOff && old.Fault {
		p.mu.Unlock()
		return
	}
	st := PlatformState{Status: s, Since: old.Since, Reason: reason, Fault: fault}
	if !had || old.Status != s {
		st.Since = now()
	}
	p.m[name] = st
	if c, ok := p.stopped[name]; ok && s == PlatformOff && fault {
		close(c) // (open until now: a platform stopped already returned above)
	}
	p.mu.Unlock()
	if p.OnChange != nil && (!had || old.Status != st.Status || old.Fault != st.Fault) {
		p.OnChange(name, old, st)
	}
}

// State returns a platform's state; false if it was never registered.
func (p *Platforms) State(name string) (PlatformState, bool) {
	if p == nil {
		return PlatformState{}, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st, ok := p.m[name]
	return st, ok
}

// NamedState is a platform's name and state.
type NamedState struct {
	Name string
	PlatformState
}

// All returns every registered platform's state, by name.
func (p *Platforms) All() []NamedState {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]NamedState, 0, len(p.m))
	for name, st := range p.m {
		out = append(out, NamedState{name, st})
	}
	slices.SortFunc(out, func(a, b NamedState) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Off reports whether a platform is registered and off (by configuration
// or for good), with its reason.
func (p *Platforms) Off(name string) (string, bool) {
	st, ok := p.State(name)
	return st.Reason, ok && st.Status == PlatformOff
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
