package strike

import "time"

// Campaign is one strike being followed: its identity, feeds and relevance
// profile. Campaigns come from the configuration.
type Campaign struct {
	ID        string
	Name      string
	Feeds     []FeedSource
	Relevance Profile
	// FAQ are the captains' answers to supporters' common questions; they
	// win over answers found in the news when a question matches them.
	FAQ []FAQ
}

// FeedSource is a feed of a campaign: configured, or added by a captain
// from chat (see Store.AddFeed).
type FeedSource struct {
	URL  string
	Name string // optional display name; the feed's own title is used when empty
	// AddedBy and AddedAt say which captain added the feed from chat, and
	// when; both are zero for a configured feed.
	AddedBy string
	AddedAt time.Time
}

// Profile says what a campaign's strike news looks like. Terms are matched
// case-insensitively on word boundaries in an article's title and text; a
// term in the title counts more than one in the text. Each term carries a
// weight; the sum decides the tier together with the rules in the coverage
// package. Exclusions are phrases that must not count (for example "Kaiser
// Aluminum" for the employer "Kaiser", or "lightning strike" for "strike").
type Profile struct {
	Employer []Term `yaml:"employer" json:"employer"`
	Union    []Term `yaml:"union" json:"union"`
	Labor    []Term `yaml:"labor" json:"labor"`
	Scope    []Term `yaml:"scope" json:"scope"`
	Exclude  []Term `yaml:"exclude" json:"exclude"`
	// CoreScore and RelatedScore are the minimum scores for those tiers.
	CoreScore    float64 `yaml:"core_score" json:"core_score"`
	RelatedScore float64 `yaml:"related_score" json:"related_score"`
}

// Term is a word or phrase with its weight. A negative weight counts against.
type Term struct {
	Text   string  `yaml:"text" json:"text"`
	Weight float64 `yaml:"weight" json:"weight"`
}
