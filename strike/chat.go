package strike

import "time"

// Destination is a chat channel the bot posts to.
type Destination struct {
	// Platform is "slack", "discord" or "console".
	Platform string `json:"platform"`
	// Workspace is the Slack team ID or Discord guild ID ("" for console).
	Workspace string `json:"workspace"`
	// Channel is the platform's channel ID.
	Channel string `json:"channel"`
}

// String names the destination for logs, as platform/workspace/channel.
func (d Destination) String() string { return d.Platform + "/" + d.Workspace + "/" + d.Channel }

// Subscription modes.
const (
	// ModeCore posts core stories at once; related ones go to the digest.
	ModeCore = "core"
	// ModeAll posts core and related stories at once.
	ModeAll = "all"
)

// Subscription is a channel following a campaign, set up by a captain.
// A destination has at most one subscription per campaign.
type Subscription struct {
	Destination
	CampaignID string
	Mode       string // ModeCore or ModeAll; stores reject anything else
	// DigestAt is the local time of the daily digest, "HH:MM"; "" for none.
	DigestAt string
	// TimeZone is the IANA zone DigestAt and the quiet hours are in.
	TimeZone string
	// QuietStart and QuietEnd ("HH:MM", local) hold non-urgent posts; both
	// "" for no quiet hours. The span may cross midnight.
	QuietStart, QuietEnd string
	// Mention is the user group (Slack "S…" ID) or role (Discord ID) to
	// mention in posts of phase changes, and in no other post; "" for
	// none.
	Mention   string
	CreatedBy string
	CreatedAt time.Time
	// Broken is why posting here stopped for good (for example
	// "channel_not_found"), "" while the subscription works.
	Broken string
}

// DeliveryState is where a post is in the outbox.
type DeliveryState string

// The delivery states: pending → sending → sent, or failed for good.
const (
	DeliveryPending DeliveryState = "pending"
	DeliverySending DeliveryState = "sending"
	DeliverySent    DeliveryState = "sent"
	DeliveryFailed  DeliveryState = "failed"
)

// Delivery is one post in the durable outbox. Its Key is unique per
// destination, so enqueueing the same post twice stores it once.
type Delivery struct {
	ID int64
	Destination
	// Key identifies the post within its destination, for example
	// "article:123" (an announcement caused by article 123),
	// "digest:2025-05-01" or "captain:17".
	Key        string
	CampaignID string
	// StoryID is the story the post is about, 0 for none; an update of a
	// story is posted in the thread of the story's first post there.
	StoryID int64
	// Kind is what the post is: new_story, phase_change, update, digest,
	// captain, ops, or retract (an edit of an earlier post, not a post).
	Kind string
	// Urgent posts ignore quiet hours (phase changes, captains' posts).
	Urgent bool
	// Payload is the platform-neutral content (JSON), rendered by the
	// platform at delivery time.
	Payload []byte
	State   DeliveryState
	// Attempts counts the tries that did not get through: each
	// Store.RetryDelivery adds one, and so does a lease that ran out (the
	// worker died mid-try; ClaimDeliveries counts it when it hands the row
	// out again). Claiming, completing and failing add none, so a claimed
	// delivery carries the number of earlier failed tries.
	Attempts int
	// NextAttempt is when a pending delivery may be tried; the zero time
	// means at once.
	NextAttempt time.Time
	LastError   string
	// PlatformID is the posted message's ID (Slack ts), once sent.
	PlatformID string
	CreatedAt  time.Time
	SentAt     time.Time
}

// OutboxStat is how much of one platform's posting waits in the outbox.
type OutboxStat struct {
	Platform string
	// Pending counts the posts not sent yet: waiting their turn, being
	// retried or being sent.
	Pending int
	// Oldest is when the oldest of them was queued (its CreatedAt).
	Oldest time.Time
}

// AuditEntry records one captain action (or a refused attempt).
type AuditEntry struct {
	ID int64
	At time.Time
	Destination
	User    string
	Command string // for example "set phase mediation"
	Outcome string // "ok", "refused: not a captain", …
}
