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
	// Location is the campaign's time zone, where its people live: the
	// calendar day of a publication time is taken in it when an
	// article's "today", "yesterday" or "on Monday" is given a date. Nil
	// means UTC.
	Location *time.Location
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
	// EmployerContext are words that show a one-word employer name means
	// this employer ("hospital" and "patients" for "Kaiser"): when the list
	// is not empty, a one-word employer term counts only in an article
	// that has one of these words or a longer employer term. Empty: every
	// employer term counts wherever it is found.
	EmployerContext []string `yaml:"employer_context" json:"employer_context"`
	// NotLabor are subjects that are not labor news even when a strike is
	// mentioned further down ("fined", "settlement"): when one is in the
	// title or the first sentence and no labor term is, the article's
	// labor terms do not count.
	NotLabor []string `yaml:"not_labor" json:"not_labor"`
	// UnionAliases maps another spelling of a union's name (a translation,
	// a former name) to the name its facts report, which must be the text
	// of one of the union terms: "Coalición de Sindicatos de Kaiser
	// Permanente" to "Coalition of Kaiser Permanente Unions". A union term
	// not listed here is reported as written. Empty: none.
	UnionAliases []UnionAlias `yaml:"union_aliases" json:"union_aliases"`
	// Campaign says which strike is the campaign's: its union, region,
	// workforce and period. The zero value checks nothing.
	Campaign Scope `yaml:"campaign" json:"campaign"`
}

// Scope is the campaign's own strike in words a captain can check: who
// strikes (Unions, Workforce), where (Regions) and when (Start, End), and
// the same employer's look-alike siblings (another union, another region,
// another workforce). An article about a sibling is related, never core.
// Names are words or phrases, matched like profile terms; lists may repeat
// the union and scope terms, whose weights count for the score while the
// scope decides which strike it is. Empty lists and dates check nothing.
type Scope struct {
	// Unions are the names of the union on strike; OtherUnions those of
	// other unions at the employer.
	Unions      []string `yaml:"unions" json:"unions"`
	OtherUnions []string `yaml:"other_unions" json:"other_unions"`
	// Regions are the campaign's region and its towns; OtherRegions the
	// employer's other regions and their towns.
	Regions      []string `yaml:"regions" json:"regions"`
	OtherRegions []string `yaml:"other_regions" json:"other_regions"`
	// Workforce are the professions on strike; OtherWorkforce the
	// employer's other professions.
	Workforce      []string `yaml:"workforce" json:"workforce"`
	OtherWorkforce []string `yaml:"other_workforce" json:"other_workforce"`
	// Start and End bound the campaign's period, both days included, as
	// YYYY-MM-DD; empty leaves that side open. An article is in the period
	// when it was published in it or its title or first sentence dates
	// what it reports in it.
	Start string `yaml:"start" json:"start"`
	End   string `yaml:"end" json:"end"`
}

// UnionAlias is another spelling of a union's name and the union term's
// text it stands for.
type UnionAlias struct {
	Spelling string `yaml:"spelling" json:"spelling"`
	Union    string `yaml:"union" json:"union"`
}

// Term is a word or phrase with its weight. A negative weight counts against.
type Term struct {
	Text   string  `yaml:"text" json:"text"`
	Weight float64 `yaml:"weight" json:"weight"`
}
