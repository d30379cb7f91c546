package strike

// FAQ is one question and answer written by a campaign's captains, so that
// the bot answers supporters' common questions ("why are they striking?",
// "where is the picket line?") in the campaign's own words. When a question
// matches an entry well, its answer wins over anything found in the news.
type FAQ struct {
	// Question is the question as a supporter would ask it. The bot matches
	// questions against it word by word (in any of their forms), so write it
	// plainly: "When is the ratification vote?".
	Question string `yaml:"question" json:"question"`
	// Answer is the text shown, as written.
	Answer string `yaml:"answer" json:"answer"`
	// Keywords are optional extra words or phrases that, found in a
	// question, count as if they were in Question ("pension", "raise").
	Keywords []string `yaml:"keywords,omitempty" json:"keywords,omitempty"`
}
