package strike

import (
	"context"
	"errors"
)

// Sentinel errors shared by every backend.
var (
	// ErrNotFound means the requested record does not exist.
	ErrNotFound = errors.New("strike: not found")
)

// ArticleFilter selects articles. The zero value selects every article,
// newest first.
type ArticleFilter struct {
	CampaignID string // empty: any campaign
	Limit      int    // 0: no limit
}

// Store is the contract every storage backend (SQLite, PostgreSQL) fulfils.
// Implementations are safe for concurrent use.
type Store interface {
	// KnownKeys returns which of keys are already stored for the campaign.
	// It is a cheap pre-filter; SavePoll is the authority on what is new.
	KnownKeys(ctx context.Context, campaignID string, keys []string) (map[string]bool, error)

	// SavePoll records one poll of a feed atomically: the articles are
	// inserted idempotently (an article whose Key, or whose non-empty URL,
	// is already stored for the campaign is skipped) and the feed's state
	// is saved in the same transaction. It returns only the articles that
	// were new, with their IDs set, in the order given.
	SavePoll(ctx context.Context, state FeedState, articles []Article) ([]Article, error)

	// SaveFeedState saves a feed's state alone (a failed or not-modified poll).
	SaveFeedState(ctx context.Context, state FeedState) error

	// FeedState returns the stored state of a feed, or ErrNotFound.
	FeedState(ctx context.Context, url string) (FeedState, error)

	// FeedStates returns every stored feed state, ordered by URL.
	FeedStates(ctx context.Context) ([]FeedState, error)

	// Article returns one article by ID, or ErrNotFound.
	Article(ctx context.Context, id int64) (Article, error)

	// Articles returns the articles the filter selects, newest published first
	// (ties broken by ID descending).
	Articles(ctx context.Context, f ArticleFilter) ([]Article, error)

	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error

	// Close releases the store's resources.
	Close() error
}
