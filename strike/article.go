package strike

import "time"

// Tier says how an article relates to a campaign's strike.
type Tier string

// The relevance tiers, from most to least relevant.
const (
	// TierCore is an article about the campaign's own strike.
	TierCore Tier = "core"
	// TierRelated is other labor news about the same employer.
	TierRelated Tier = "related"
	// TierNone is everything else.
	TierNone Tier = "none"
)

// Announceable reports whether articles of this tier are posted to chat.
func (t Tier) Announceable() bool { return t == TierCore || t == TierRelated }

// Relevance is the verdict of a campaign's relevance profile on one article.
// Reasons are short plain-English phrases a picket captain can read, such as
// `employer "Kaiser Permanente" in title (+3)`.
type Relevance struct {
	Tier    Tier     `json:"tier"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// Article is one news item read from a feed, normalized and classified.
//
// The zero value is not a valid article; feeds builds them and the Store
// assigns ID when it first stores one.
type Article struct {
	// ID is the store's identifier, 0 until stored.
	ID int64
	// CampaignID is the campaign whose feed brought the article.
	CampaignID string
	// Feed is the URL of the feed the article was read from.
	Feed string
	// Key is the article's identity within its campaign: derived from the
	// feed's GUID (see GUIDKey), else the canonical link, else a hash of
	// title and text. Two items with the same Key are the same article.
	Key string
	// URL is the canonical link, with tracking parameters removed. May be empty.
	URL string
	// Title is plain text.
	Title string
	// Source is the outlet's name (for example "Los Angeles Times").
	Source string
	// Author is the byline, plain text, may be empty.
	Author string
	// Summary is the feed's own description of the item, as plain text,
	// when it differs from Text; empty when the description is the text.
	Summary string
	// Text is the fullest plain text known: the linked page's article text when
	// it was fetched, else the feed's content or summary.
	Text string
	// Published is when the outlet published the item. When the feed gives no
	// date or a date in the future, it is the first-seen time and
	// PublishedEstimated is true.
	Published          time.Time
	PublishedEstimated bool
	// FirstSeen is when strikebot first read the item.
	FirstSeen time.Time
	// Relevance is the campaign profile's verdict.
	Relevance Relevance
	// StoryID is the story the article belongs to, 0 if none yet.
	StoryID int64
	// Facts are what was extracted from the article's text.
	Facts Facts
}

// Facts are the strike facts extracted from one article (or merged for a
// story). A zero field means "not found". Each found fact may carry the
// sentence it came from in Evidence, keyed by the field's JSON name.
type Facts struct {
	Phase        string            `json:"phase,omitempty"`
	Workers      int               `json:"workers,omitempty"`
	Union        string            `json:"union,omitempty"`
	Employer     string            `json:"employer,omitempty"`
	Started      string            `json:"started,omitempty"` // YYYY-MM-DD
	DurationDays int               `json:"duration_days,omitempty"`
	Offer        string            `json:"offer,omitempty"`
	Demands      []string          `json:"demands,omitempty"`
	Events       []Event           `json:"events,omitempty"`
	Evidence     map[string]string `json:"evidence,omitempty"`
	// StartedEarliest and StartedLatest bound the day the strike began,
	// both included, as the article's own count of its length implies
	// from its publication date ("day 100", "enters its fifth month",
	// "after 196 days"): YYYY-MM-DD, either may be empty. They let a
	// start date be checked against the article and others.
	StartedEarliest string `json:"started_earliest,omitempty"`
	StartedLatest   string `json:"started_latest,omitempty"`
}

// Event is an upcoming or past dated event mentioned in coverage.
type Event struct {
	Date string `json:"date"` // YYYY-MM-DD
	What string `json:"what"`
}

// Verdict is a captain's ruling on one article's relevance, which wins
// over the relevance profile's: the article is treated as of Tier from
// then on, across restarts. A copy of an article ruled TierNone inherits
// the ruling (CopyOf names that article), so wire copies of a story a
// captain rejected are not posted either.
type Verdict struct {
	// ID is the store's identifier, increasing with each verdict saved.
	ID         int64
	CampaignID string
	ArticleID  int64
	// Tier is the article's tier by the ruling.
	Tier Tier
	// Was is the tier the article had before.
	Was Tier
	// By is the captain who ruled, as the platform names them; At is when.
	By string
	At time.Time
	// CopyOf is the article whose ruling this copy inherits; 0 for a
	// captain's own ruling.
	CopyOf int64
	// Signature is the article's clustering fingerprint, opaque to the
	// store and kept byte for byte, so coverage recognizes copies of it;
	// nil if none.
	Signature []byte
}
