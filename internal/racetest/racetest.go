// Package racetest tells tests whether the race detector is on, so that
// long single-goroutine checks over whole corpora can leave the -race run
// to the concurrent tests. .ci/run runs the tests it skips without -race.
package racetest

import "testing"

// SkipLong skips tb when the race detector is on. Use it only for a test
// that starts no goroutines of its own and reads whole corpora: the race
// detector finds nothing there and slows text matching several times
// over. Every such test must be named in .ci/run's run without -race.
func SkipLong(tb testing.TB) {
	tb.Helper()
	if Enabled {
		tb.Skip("a long single-goroutine corpus check: .ci/run runs it without -race")
	}
}
