package strike

import "time"

// FeedState is what strikebot remembers about one feed between polls: the
// HTTP validators for conditional GET, its health, and its schedule.
type FeedState struct {
	// URL identifies the feed (as configured, not after redirects).
	URL        string
	CampaignID string
	// Title is the feed's own title from its last successful parse.
	Title string
	// ETag and LastModified are the server's validators, kept verbatim.
	ETag         string
	LastModified string
	// BodyHash is a hash of the last body parsed, a third validator for
	// servers that send neither header.
	BodyHash string
	// Polls counts completed polls, successful or not. 0 means never polled:
	// its first successful poll stores the backlog without announcing it.
	Polls int
	// LastPoll, LastSuccess and LastError are zero when they never happened.
	LastPoll    time.Time
	LastSuccess time.Time
	LastError   time.Time
	// LastErrorText is the last error, safe to show (no secrets).
	LastErrorText string
	// Failures counts consecutive failed polls; 0 after a success.
	Failures int
	// NextPoll is when the feed is due again.
	NextPoll time.Time
	// LeaseUntil is when the lease of the process polling the feed runs
	// out (see Store.ClaimFeed); zero when no process holds one.
	LeaseUntil time.Time
	// FailingSince is when the feed's current spell of failures began:
	// the first failed poll after a success (or after the first poll);
	// zero while the feed works.
	FailingSince time.Time
	// Paused is when a captain paused the feed, and PausedBy who: a
	// paused feed is not fetched until resumed. Both are zero when it is
	// not paused. Store.PauseFeed sets them; SaveFeedState and SavePoll
	// keep them as they are.
	Paused   time.Time
	PausedBy string
	// Alerted is the FailingSince of the spell of failures the operations
	// channel was told about (see Store.SetFeedAlert), zero when none
	// was: the channel hears once that a feed is failing, and once that
	// it recovered. SaveFeedState and SavePoll keep it as it is.
	Alerted time.Time
}
