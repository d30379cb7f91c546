package config

import "github.com/strikebot/strikebot/strike"

// kaiserProfile is the shipped relevance profile of the Kaiser Permanente
// mental health workers' strike in Southern California (NUHW).
// Owned by the coverage work: tuned against the labeled corpus.
func kaiserProfile() strike.Profile {
	return strike.Profile{
		Employer:     []strike.Term{{Text: "Kaiser Permanente", Weight: 3}, {Text: "Kaiser", Weight: 2}},
		Union:        []strike.Term{{Text: "NUHW", Weight: 3}, {Text: "National Union of Healthcare Workers", Weight: 3}},
		Labor:        []strike.Term{{Text: "strike", Weight: 2}, {Text: "picket", Weight: 2}},
		Scope:        []strike.Term{{Text: "mental health", Weight: 2}, {Text: "Southern California", Weight: 1}},
		Exclude:      []strike.Term{{Text: "Kaiser Aluminum"}, {Text: "Kaiser Chiefs"}, {Text: "lightning strike"}},
		CoreScore:    8,
		RelatedScore: 4,
	}
}
