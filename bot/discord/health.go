package discord

import (
	"slices"
	"sync"
	"time"
)

// Edge states, as Health reports them.
const (
	StateStarting     = "starting"
	StateConnecting   = "connecting"
	StateConnected    = "connected"
	StateReconnecting = "reconnecting"
	StateServing      = "serving" // http mode: waiting for Discord's requests
	StateFailed       = "failed"
	StateStopped      = "stopped"
)

// Health is the Discord edge's state for /healthz and the startup log.
type Health struct {
	// Mode is "gateway" or "http".
	Mode string `json:"mode"`
	// State is one of the State constants; Since when it began.
	State string    `json:"state"`
	Since time.Time `json:"since"`
	// LastError is the latest connection or registration problem, for
	// the operator ("" when none).
	LastError string `json:"last_error,omitempty"`
	// Commands is the registration of /strike: "pending", "registered",
	// "unchanged" (the stored hash matched) or "failed".
	Commands string `json:"commands"`
	// Guilds are the servers the gateway said the bot is in.
	Guilds []string `json:"guilds,omitempty"`
	// Interactions counts the commands answered since start.
	Interactions uint64 `json:"interactions"`
	// InvalidRequests counts Discord's 401, 403 and 429 answers in the
	// last 10 minutes (Discord bans a bot for a while at 10,000).
	InvalidRequests int `json:"invalid_requests_10m"`
}

// OK reports whether the edge can answer: connected (gateway) or serving
// (http), whatever the registration did.
func (h Health) OK() bool { return h.State == StateConnected || h.State == StateServing }

type healthState struct {
	now func() time.Time

	mu sync.Mutex
	h  Health
}

func newHealthState(mode string, now func() time.Time) *healthState {
	return &healthState{now: now, h: Health{Mode: mode, State: StateStarting, Since: now(), Commands: "pending"}}
}

func (s *healthState) set(state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h.State != state {
		s.h.State, s.h.Since = state, s.now()
	}
}

func (s *healthState) fail(state, err string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h.LastError = err
	if state != "" && s.h.State != state {
		s.h.State, s.h.Since = state, s.now()
	}
}

func (s *healthState) commands(c, err string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h.Commands = c
	if err != "" {
		s.h.LastError = err
	}
}

func (s *healthState) guilds(g []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h.Guilds = slices.Clone(g)
}

func (s *healthState) get() Health {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.h
	h.Guilds = slices.Clone(h.Guilds)
	return h
}

// Health returns the edge's state.
func (e *Edge) Health() Health {
	h := e.health.get()
	h.Interactions = e.Interactions()
	h.InvalidRequests = e.o.REST.InvalidRequests()
	return h
}
