package slack

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// seenFirst asks seen (when set) whether key is new to every process. An
// error counts as new and is logged: handling an event twice beats losing
// it.
func seenFirst(ctx context.Context, seen func(context.Context, string) (bool, error), key string, log *slog.Logger) bool {
	if seen == nil {
		return true
	}
	first, err := seen(ctx, key)
	if err != nil {
		log.Warn("slack: could not check whether another process took this event; handling it", "key", key, "err", err.Error())
		return true
	}
	return first
}

// seenSet remembers keys (Events API event IDs, Socket Mode envelope IDs)
// for a while, so a retried delivery is processed once. It lives in one
// process, in front of the store's record (the Seen options), which
// replicas share. It is safe for concurrent use.
type seenSet struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]time.Time // key → when first seen
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	return &seenSet{ttl: ttl, max: max, m: make(map[string]time.Time)}
}

// add records key at now and reports whether it is new.
func (s *seenSet) add(key string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if at, ok := s.m[key]; ok && now.Sub(at) < s.ttl {
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
			delete(s.m, k) // still full: forget an arbitrary one
		}
	}
	s.m[key] = now
	return true
}

// forget removes key, so that the next add of it is new again.
func (s *seenSet) forget(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
}
