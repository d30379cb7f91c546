package discord

import (
	"sync"
	"time"
)

// seenSet remembers interaction IDs for a while in this process, in front
// of the store's claims (which replicas share). It is safe for concurrent
// use.
type seenSet struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]time.Time // ID → when first seen
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	return &seenSet{ttl: ttl, max: max, m: make(map[string]time.Time)}
}

// add records id at now and reports whether it is new.
func (s *seenSet) add(id string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if at, ok := s.m[id]; ok && now.Sub(at) < s.ttl {
		return false
	}
	if len(s.m) >= s.max {
		for k, at := range s.m {
			if now.Sub(at) >= s.ttl {
				delete(s.m, k)
			}
		}
		for k := range s.m {
			if len(s.m) < s.max {
				break
			}
			delete(s.m, k) // still full: forget an arbitrary one (the store still knows it)
		}
	}
	s.m[id] = now
	return true
}
