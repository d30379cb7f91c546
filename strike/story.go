package strike

import "time"

// Story is one real-world event as covered by one or more outlets: wire
// copies, rewrites and follow-ups are members of the same story.
type Story struct {
	// ID is the store's identifier, 0 until stored.
	ID         int64
	CampaignID string
	// Title is the story's headline, chosen from its members' titles.
	Title string
	// Summary is a short summary of the story (at most 60 words), each
	// sentence traceable to an article through SummarySources.
	Summary        string
	SummarySources []SummarySentence
	// Tier is the highest tier of the story's articles.
	Tier Tier
	// FirstSeen is when the first member was published; Updated when the
	// last member was added or the story last changed.
	FirstSeen time.Time
	Updated   time.Time
	// Articles are the members, oldest first (all of them, or as many as
	// were asked for: see StoryFilter.MaxArticles).
	Articles []StoryArticle
	// Members is the number of member articles.
	Members int
	// Outlets are the first outlets to cover the story, in the order they
	// did, at most MaxStoryOutlets of them.
	Outlets []string
	// Facts are merged from the members' facts.
	Facts Facts
	// MergedInto is the story this one was merged into (it was found to
	// report the same event), 0 if none.
	MergedInto int64
	// Coverage is what the coverage desk keeps to update the story without
	// reading every member again; opaque to the store, kept byte for byte.
	Coverage []byte
	// Muted is true when a captain muted the story: nothing more is
	// posted about it but phase changes (Store.MuteStory).
	Muted bool
	// Retracted is when a captain retracted the story (its posts were
	// edited to say so), zero if never: nothing more is posted about it
	// (Store.RetractStory).
	Retracted time.Time
}

// MaxStoryOutlets bounds Story.Outlets.
const MaxStoryOutlets = 20

// Sources returns the distinct outlet names of the story: Outlets when
// set, else those of its Articles, in the order they first covered it.
func (s Story) Sources() []string {
	if len(s.Outlets) > 0 {
		return s.Outlets
	}
	seen := make(map[string]bool, len(s.Articles))
	var out []string
	for _, a := range s.Articles {
		if a.Source != "" && !seen[a.Source] {
			seen[a.Source] = true
			out = append(out, a.Source)
		}
	}
	return out
}

// StoryArticle is a member article as a story lists it.
type StoryArticle struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
}

// SummarySentence is one sentence of a story summary and the article it
// was taken from.
type SummarySentence struct {
	Text      string `json:"text"`
	ArticleID int64  `json:"article_id"`
}
