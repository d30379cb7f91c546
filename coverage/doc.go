// Package coverage turns stored articles into coverage of a strike: it
// scores relevance (Scorer), groups articles about one event into stories
// (Signer, Clusterer), extracts facts with their evidence (Extractor),
// summarizes stories (Extractive, or LLM with an extractive fallback),
// synthesizes a campaign's status (Synthesize) and answers questions
// (Index). A Desk runs them for one campaign over a store it declares
// (DeskStore). It imports only package strike of strikebot's and knows no
// SQL or chat; its only HTTP is the optional LLM summarizer's.
//
// # Relevance
//
// A Scorer reads an article's title and text against a campaign's
// strike.Profile and gives it a tier: core (about the campaign's strike),
// related (other labor news about the same employer: another union's strike
// there, a strike in another region) or none (everything else, including
// the employer's news that is not about labor and strikes at other
// employers). The rules are meant to be read and tuned by a picket captain:
//
//  1. Words. Title and text are split into lower-cased words and each word is
//     reduced to its English stem, so the term "strike" also finds "strikes"
//     and "striking", and "therapist" finds "therapists". Terms are matched
//     as whole words or phrases, never across a sentence end or a blank
//     line (unless the term has one at the same place). Stems differ for
//     some forms ("ratify" and "ratification"): list both when both matter.
//  2. Exclusions first. Every exclude phrase found masks its words before any
//     other term is looked for, so "Kaiser Aluminum" does not count as the
//     employer "Kaiser" and "lightning strike" not as the labor term
//     "strike". A term whose words lie inside a found exclusion is doubtful
//     for the rest of the article: after "Kaiser Aluminum", a bare "Kaiser"
//     counts only if another employer term ("Kaiser Permanente") was found
//     too. An exclusion's weight (0 or negative) is added to the score.
//  3. Groups. Employer, union, labor and scope terms are matched each group
//     on its own, leftmost and longest first without overlaps inside a group
//     ("picket line" counts once, not also as "picket"), so one phrase may
//     feed two groups ("Coalition of Kaiser Permanente Unions" can be an
//     other-union term and the employer).
//  4. Points. A term found in the title is worth 1.5 times its weight. Each
//     hit in the text is worth half the one before it (the first full, or
//     half when the term was in the title), so repetition helps a little and
//     a term is never worth more than 2.5 times its weight. A negative
//     weight counts against: other unions, other regions. A group's points
//     are the sum of its terms'; the score is the sum of all, rounded to one
//     decimal.
//  5. Evidence. A group is evidence when its points reach 2.
//  6. Tiers. Related needs employer evidence, labor evidence, and employer
//     and labor points together of at least RelatedScore (union and scope
//     terms say which strike it is, not whether it is labor news about the
//     employer). Core needs all that, plus union or scope evidence, neither
//     union nor scope points below zero (the article is not about another
//     union or another place), a score of at least CoreScore, and the
//     campaign's scope (rule 9). Everything else is none.
//  7. Employer context. When the profile lists EmployerContext words, a
//     one-word employer term ("Kaiser", "KP") counts only in an article
//     that also has a context word, a longer employer term or the
//     campaign's own union or workforce: other employers share the name.
//  8. Not labor news. When the title or the text's first sentence holds a
//     NotLabor term (a regulator's fine, a settlement) and no labor term,
//     the labor terms further down count for nothing.
//  9. Scope. Profile.Campaign names the campaign's unions, regions and
//     workforce, the same employer's other ones (its siblings), and its
//     period. For each of union, region and workforce, the title decides
//     when it names one: the first name it gives, the campaign's or a
//     sibling's; without one, the article is about a sibling when its text
//     names the siblings more often than the campaign, a name in the first
//     sentence counting twice. Labor news about the employer is core only
//     when no dimension is a sibling's and it is in the period: published
//     in it, or dated in it by a date with a year in its title or first
//     sentence (an undated article by those dates alone; with none, it is
//     not held back). Scope names are worth no points.
//
// Score returns the tier with reasons such as
//
//	employer "Kaiser Permanente" in title (+4.5)
//	excluded "Kaiser Aluminum" (not the employer)
//	no labor terms: not labor news
//	the title names another region ("Hawaii"), not the campaign's (Southern California): not the campaign's strike
//
// and Explain says the same in sentences, in the same words, with what
// would change the tier.
//
// # Stories, facts, summaries, status, answers
//
// Each is documented where it is defined: Clusterer (when an article joins
// a story: a copy, the same headline, or a follow-up within hours),
// Extractor.Extract (phase, workers, union, employer, dates, offer,
// demands, events), Extractive (2–3 sentences, at most 60 words, each cited),
// Synthesize (which report wins a status field, conflicts, pins) and
// Index.Ask (BM25 over sentences, recency, the FAQ first).
//
// # Captains' verdicts
//
// A captain may overrule the Scorer on one article (Desk.Override): ruled
// strike or related news, the article joins or opens a story as a new one
// would; ruled not strike news, it leaves its story with every article
// that copies it, the story is made again from the members left, and
// copies arriving later follow the verdict. Verdicts are stored, so they
// hold across restarts and replicas.
package coverage
