// Package demo holds strikebot's labeled article corpus and a small news site
// that serves it, so that `strikebot demo` can run end to end with no network
// and no tokens, and so that tests can measure relevance, story grouping and
// fact extraction against articles whose truth is known.
//
// # The corpus
//
// Every article is a file in articles/, embedded in the binary: a header of
// "key: value" lines, a line "---", then the body, whose paragraphs are
// separated by blank lines. The header keys are
//
//	id          unique; the file is named id + ".txt"
//	outlet      the (fictional) outlet's name
//	feed        the slug of the demo feed that serves it
//	published   RFC 3339
//	title       plain text
//	author      optional byline
//	tier        core | related | none: the truth label for the Kaiser
//	            Permanente NUHW mental health strike in Southern California
//	story       story label shared by articles about the same event, or "-"
//	snippet     true: the feed carries only the first sentence
//	copy_of     id of the article this one is a syndicated copy of, or "-"
//	undated     optional; true: neither feed nor page carries a date
//	            (published then only orders the corpus)
//	facts.*     optional: phase, workers, union, employer, started,
//	            duration_days, offer, demands, events
//
// Facts are labeled only for what the article itself states, and only on
// core and related articles. Story labels begin with the article's category:
// "socal-" (this strike), "kp-labor-" (other Kaiser labor news), "kp-" (Kaiser
// news not about labor), "strike-" (other employers' strikes) and "trap-"
// (articles that share words with the campaign but not its subject).
//
// The text is the project's own, written from facts reported in the news; the
// outlets and the people quoted are invented.
package demo
