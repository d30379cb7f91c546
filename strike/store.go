package strike

import (
	"context"
	"errors"
	"time"
)

// Sentinel errors shared by every backend.
var (
	// ErrNotFound means the requested record does not exist.
	ErrNotFound = errors.New("strike: not found")
	// ErrExists means the record to add is already there.
	ErrExists = errors.New("strike: already exists")
)

// ArticleFilter selects articles. The zero value selects every article,
// newest first.
type ArticleFilter struct {
	CampaignID string // empty: any campaign
	Limit      int    // 0: no limit
	// Tiers keeps only articles of these tiers; empty: any tier.
	Tiers []Tier
	// StoryID keeps only the members of this story; 0: any.
	StoryID int64
	// Unassigned keeps only articles with no story yet.
	Unassigned bool
	// Unprocessed keeps only articles not yet marked processed (see
	// Store.MarkProcessed), with or without a story. Articles of tier none
	// are never processed; combine with Tiers to leave them out.
	Unprocessed bool
	// Since keeps only articles published at or after it (undated ones
	// excluded); zero: any time.
	Since time.Time
	// URL keeps only the article with this canonical URL; empty: any.
	URL string
	// IDs keeps only the articles with these IDs; empty: any.
	IDs []int64
}

// StoryFilter selects stories. The zero value selects every story that
// was not merged into another, most recently updated first, with all its
// articles.
type StoryFilter struct {
	CampaignID string // empty: any campaign
	Tiers      []Tier // empty: any tier
	Limit      int    // 0: no limit
	// IDs keeps only these stories (a merged one as the story it was
	// merged into); empty: any.
	IDs []int64
	// MaxArticles bounds the articles listed per story, oldest first: 0
	// lists them all, a negative value none (Story.Members still counts
	// them).
	MaxArticles int
}

// StoryMember is what coverage remembers of an article that belongs to a
// story: enough to cluster new articles against it and to synthesize the
// campaign's status, nothing of its text.
type StoryMember struct {
	ArticleID int64
	StoryID   int64
	Published time.Time
	// PublishedEstimated is the article's: Published is only when the
	// page was first seen.
	PublishedEstimated bool
	Title              string
	Tier               Tier
	Source             string
	URL                string
	Feed               string
	Facts              Facts
	Signature          []byte // the clustering fingerprint, opaque to the store; nil if none
	// Seq is the campaign's coverage sequence number (CoverageState.Seq)
	// of the last change of the article's story: its assignment, or the
	// merge that moved it.
	Seq int64
}

// ArticleCoverage is what coverage found in one stored article: its
// story (0: none), facts and clustering signature (see Store.SetCoverage).
type ArticleCoverage struct {
	ArticleID int64
	StoryID   int64
	Facts     Facts
	Signature []byte
}

// CoverageState is what a campaign's coverage has reached, shared by
// every process on the store.
type CoverageState struct {
	// Seq counts the campaign's coverage changes: each SetCoverage and
	// each article moved by MergeStories takes the next number. 0 before
	// the first.
	Seq int64
	// Phase is the most advanced phase announced, "" before any.
	Phase string
	// PhaseArticle is the article that moved the campaign to Phase.
	PhaseArticle int64
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

	// SaveFeedState saves a feed's state alone (a failed or not-modified
	// poll). Paused, PausedBy and Alerted are kept as stored (see
	// PauseFeed, SetFeedAlert), as SavePoll keeps them.
	SaveFeedState(ctx context.Context, state FeedState) error

	// ClaimFeed leases the feed to the caller until leaseUntil when the feed
	// is due (its NextPoll is at or before now, or it was never polled)
	// and no other process holds an unexpired lease, and returns its
	// state (a state with only URL and CampaignID for a feed never seen)
	// and true. Otherwise it returns the stored state, whose NextPoll and
	// LeaseUntil say when to look again, and false. Of processes claiming
	// at once, one gets the lease. Saving the feed's state (SavePoll,
	// SaveFeedState) or ReleaseFeed ends the lease.
	ClaimFeed(ctx context.Context, url, campaignID string, now, leaseUntil time.Time) (FeedState, bool, error)

	// ReleaseFeed ends the lease of a feed whose poll was given up (the
	// process is stopping), so another process may poll it at once.
	ReleaseFeed(ctx context.Context, url string) error

	// FeedState returns the stored state of a feed, or ErrNotFound.
	FeedState(ctx context.Context, url string) (FeedState, error)

	// FeedStates returns every stored feed state, ordered by URL.
	FeedStates(ctx context.Context) ([]FeedState, error)

	// Article returns one article by ID, or ErrNotFound.
	Article(ctx context.Context, id int64) (Article, error)

	// Articles returns the articles the filter selects, newest published first
	// (ties broken by ID descending).
	Articles(ctx context.Context, f ArticleFilter) ([]Article, error)

	// SetCoverage records what coverage found in a stored article: its story
	// (0: none), facts and clustering signature (kept byte for byte; empty
	// is stored as nil), and gives it the campaign's next coverage Seq. The
	// story must be one of the article's campaign. ErrNotFound, and nothing
	// changed, if there is no such article or story.
	SetCoverage(ctx context.Context, articleID, storyID int64, facts Facts, signature []byte) error

	// MarkProcessed records that coverage has fully handled the articles:
	// each one's story event was handed on (its announcements enqueued),
	// so a restart must not handle it again. Stored articles start
	// unprocessed; SetCoverage does not change the mark. It is idempotent:
	// IDs already marked, and IDs of no article, are passed over, and an
	// empty list does nothing. All are marked or, on error, none.
	MarkProcessed(ctx context.Context, articleIDs []int64) error

	// StoryMembers returns the members of the campaign's stories published
	// in [from, to) (a zero to: no end; a zero from: undated ones too,
	// first), oldest first (ties by article ID), for the clustering index.
	StoryMembers(ctx context.Context, campaignID string, from, to time.Time) ([]StoryMember, error)

	// SaveCoverage records, in one transaction, the coverage of several
	// articles (each as SetCoverage would, in order, each taking the next
	// Seq) and updates the stories (each as SaveStory would update an
	// existing one). All are saved or, on error, none; ErrNotFound when an
	// article, or a story of its campaign, does not exist.
	SaveCoverage(ctx context.Context, cs []ArticleCoverage, stories []Story) error

	// CoverageChanges returns the members whose story changed after seq
	// (CoverageState.Seq), in Seq order, at most limit (0: all): what
	// other processes did since this one last looked. An article that
	// left its story (SetCoverage with story 0, or a verdict of TierNone)
	// is listed with StoryID 0.
	CoverageChanges(ctx context.Context, campaignID string, seq int64, limit int) ([]StoryMember, error)

	// CoverageState returns the campaign's coverage state; the zero state
	// for a campaign with none yet.
	CoverageState(ctx context.Context, campaignID string) (CoverageState, error)

	// SetPhase records that the campaign moved to phase because of the
	// article. The caller decides whether it is a move forward, holding
	// LockCoverage.
	SetPhase(ctx context.Context, campaignID, phase string, articleID int64) error

	// LockCoverage waits until no other holder (in this process or
	// another on the same database) holds the campaign's coverage lock,
	// takes it and returns the function that releases it. Coverage changes
	// made while holding it (SetCoverage, SaveStory, MergeStories, SetPhase)
	// are never seen out of order by CoverageChanges. It fails when ctx
	// ends first.
	LockCoverage(ctx context.Context, campaignID string) (release func(), err error)

	// MergeStories merges the stories from into the story into, of the
	// same campaign: their articles move to it (each taking a new Seq),
	// their deliveries count as the story's (a thread continues where it
	// began), and each merged story records into as MergedInto, so that
	// Story of its ID gives into. Saving into's merged summary is the
	// caller's. ErrNotFound if into or one of from is not a story of the
	// campaign.
	MergeStories(ctx context.Context, campaignID string, into int64, from []int64) error

	// StoryCoveredBy reports whether an article of the story other than
	// except comes from the outlet source (compared exactly).
	StoryCoveredBy(ctx context.Context, storyID int64, source string, except int64) (bool, error)

	// SaveStory inserts a story (ID 0: the new ID is returned) or updates
	// one: title, summary and its sources, tier, first seen, updated,
	// facts, Members, Outlets and Coverage. The story's Articles are not
	// saved here: membership is set with SetCoverage. An update never
	// changes the story's CampaignID or MergedInto. ErrNotFound when
	// updating a story that does not exist.
	SaveStory(ctx context.Context, s Story) (int64, error)

	// Story returns one story with its Articles (oldest first), or
	// ErrNotFound. A story merged into another is returned as that one
	// (whose ID differs from id).
	Story(ctx context.Context, id int64) (Story, error)

	// Stories returns the stories the filter selects, with their Articles,
	// most recently updated first (ties by ID descending; never updated
	// last). Stories merged into another are left out.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)

	// MuteStory mutes (muted true) or unmutes a story (a merged one: the
	// story it was merged into). ErrNotFound if there is no such story.
	// Merging a muted or retracted story into another mutes that one.
	MuteStory(ctx context.Context, id int64, muted bool) error

	// RetractStory records that a captain retracted the story (a merged
	// one: the story it was merged into) at at; a story retracted before
	// keeps its first time. ErrNotFound if there is no such story.
	RetractStory(ctx context.Context, id int64, at time.Time) error

	// StoryDeliveries returns the deliveries about the story (StoryID id,
	// which a merge moves to the surviving story), every destination's,
	// in ID order.
	StoryDeliveries(ctx context.Context, id int64) ([]Delivery, error)

	// SaveVerdict records a verdict on an article, which replaces the
	// article's earlier one: the article's tier becomes v.Tier (its score
	// is kept, its reasons become reasons). When v.Tier is TierNone the
	// article also leaves its story, taking the campaign's next coverage
	// Seq as SetCoverage with story 0 would; when it is announceable and
	// the article has no story, the article is marked unprocessed, so that
	// coverage handles it (again after a crash). v.Was is set from the
	// stored tier. It returns v as stored, with ID (greater than every
	// earlier verdict's) set. ErrNotFound, and nothing changed, if there
	// is no article v.ArticleID of campaign v.CampaignID.
	SaveVerdict(ctx context.Context, v Verdict, reasons []string) (Verdict, error)

	// Verdicts returns the campaign's verdicts in force, the latest of
	// each article, in ID order.
	Verdicts(ctx context.Context, campaignID string) ([]Verdict, error)

	// SetPin stores a captain's pin, replacing the campaign's pin of the same field.
	SetPin(ctx context.Context, p Pin) error

	// DeletePin removes a pin; ErrNotFound if the field was not pinned.
	DeletePin(ctx context.Context, campaignID string, field StatusField) error

	// Pins returns the campaign's pins, ordered by field (bytewise).
	Pins(ctx context.Context, campaignID string) ([]Pin, error)

	// SaveSubscription creates or replaces the subscription of its
	// destination to its campaign.
	SaveSubscription(ctx context.Context, s Subscription) error

	// DeleteSubscription removes one; ErrNotFound if there was none.
	DeleteSubscription(ctx context.Context, d Destination, campaignID string) error

	// Subscriptions returns the campaign's subscriptions (every campaign's
	// when campaignID is ""), ordered by destination (platform, workspace,
	// channel, bytewise), then campaign.
	Subscriptions(ctx context.Context, campaignID string) ([]Subscription, error)

	// Enqueue adds posts to the outbox idempotently, in one transaction: a
	// delivery whose (destination, Key) is already there (or earlier in ds)
	// is skipped. It returns the deliveries that were new, in the order
	// given, with IDs set (increasing in that order, which is the order
	// ClaimDeliveries hands them out in), State pending and no attempts;
	// their Payload is stored byte for byte.
	Enqueue(ctx context.Context, ds []Delivery) ([]Delivery, error)

	// ClaimDeliveries hands out up to limit deliveries due at now: pending
	// ones whose NextAttempt has come, and sending ones whose lease ran out
	// (their worker died). Claimed rows become sending with a lease of
	// lease; two replicas never claim the same row while its lease runs.
	// Oldest (lowest ID) first. Claiming counts no attempt, except for a
	// row whose lease ran out (see Delivery.Attempts). A lease must be
	// positive and longer than a worker may take to post.
	ClaimDeliveries(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]Delivery, error)

	// CompleteDelivery marks a delivery sent with the platform's message ID.
	// A delivery already sent keeps its first ID and time. ErrNotFound if
	// there is no such delivery.
	CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error

	// RetryDelivery puts a pending or sending delivery back to pending, due
	// at next, counting the attempt and recording the error. A delivery
	// already sent or failed (by another worker after this one's lease ran
	// out) is left alone. ErrNotFound if there is no such delivery.
	RetryDelivery(ctx context.Context, id int64, next time.Time, errText string) error

	// FailDelivery marks a pending or sending delivery failed for good,
	// recording the error; one already sent or failed is left alone.
	// ErrNotFound if there is no such delivery.
	FailDelivery(ctx context.Context, id int64, errText string) error

	// ThreadOf returns the platform message ID of the first (lowest-ID)
	// sent delivery about the story at the destination that has one, or
	// ErrNotFound (always for story 0).
	ThreadOf(ctx context.Context, d Destination, storyID int64) (string, error)

	// LastSent returns when the latest post sent to the destination went
	// out (its SentAt), the zero time if none did: processes sharing the
	// store pace a destination by it.
	LastSent(ctx context.Context, d Destination) (time.Time, error)

	// Delivery returns one delivery by ID, or ErrNotFound.
	Delivery(ctx context.Context, id int64) (Delivery, error)

	// Deliveries returns a destination's deliveries (every destination's
	// when d is zero) in ID order; for health reports and tests.
	Deliveries(ctx context.Context, d Destination) ([]Delivery, error)

	// OutboxStats returns, per platform (ordered by name), how many posts
	// are still to send (pending or being sent) and when the oldest of them
	// was queued; platforms with none are left out. For health reports.
	OutboxStats(ctx context.Context) ([]OutboxStat, error)

	// AppendAudit records a captain action and returns it with ID set.
	AppendAudit(ctx context.Context, e AuditEntry) (AuditEntry, error)

	// Audit returns the newest (last appended) audit entries first, at
	// most limit (0: all).
	Audit(ctx context.Context, limit int) ([]AuditEntry, error)

	// AddFeed records a feed a captain added to the campaign from chat,
	// with who added it and when (f.AddedBy and f.AddedAt are ignored).
	// The URL is stored as given: callers normalize it. ErrExists, and
	// nothing changed, if the campaign already has a feed of that URL.
	// An empty campaignID or URL is rejected.
	AddFeed(ctx context.Context, campaignID string, f FeedSource, by string, at time.Time) error

	// RemoveFeed removes a feed added with AddFeed; ErrNotFound if the
	// campaign has no added feed of that URL. The feed's state and
	// articles are kept.
	RemoveFeed(ctx context.Context, campaignID, url string) error

	// PauseFeed pauses a feed (by its URL as polled) for the campaign:
	// its state records by and at (Paused, PausedBy), creating a state
	// for a feed never polled. A feed paused before keeps its first time
	// and captain. ResumeFeed clears them; ErrNotFound if the feed was not
	// paused.
	PauseFeed(ctx context.Context, url, campaignID, by string, at time.Time) error
	ResumeFeed(ctx context.Context, url string) error

	// SetFeedAlert records the spell of failures (its FailingSince) the
	// operations channel was told about, zero when it was told the feed
	// recovered (FeedState.Alerted). ErrNotFound if the feed has no state.
	SetFeedAlert(ctx context.Context, url string, spell time.Time) error

	// Feeds returns the feeds added to the campaign with AddFeed (not the
	// configured ones), with AddedBy and AddedAt set, oldest added first
	// (ties by URL, bytewise).
	Feeds(ctx context.Context, campaignID string) ([]FeedSource, error)

	// ClaimInbound records that an inbound request a chat platform sent
	// (key names it, for example "discord:interaction:1234") is being
	// handled, at at. It reports true the first time a key is claimed and
	// false ever after, until ForgetInbound drops it: replicas that share
	// the store handle a request that reached several of them (or was
	// replayed) once. An empty key is rejected.
	ClaimInbound(ctx context.Context, key string, at time.Time) (bool, error)

	// ForgetInbound drops the claims made before before and returns how
	// many it dropped.
	ForgetInbound(ctx context.Context, before time.Time) (int64, error)

	// PlatformState returns a small value a chat platform's edge keeps
	// between runs (for example the hash of the commands it registered),
	// or ErrNotFound.
	PlatformState(ctx context.Context, key string) (string, error)

	// SetPlatformState stores value under key, replacing any value there,
	// stamped at. An empty key is rejected.
	SetPlatformState(ctx context.Context, key, value string, at time.Time) error

	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error

	// Close releases the store's resources.
	Close() error
}
