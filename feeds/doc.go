// Package feeds turns the bytes of news feeds into strike.Articles: it
// parses RSS, Atom and JSON Feed with gofeed, normalizes every item (plain
// text, canonical links, identity keys, trustworthy dates), and reads the
// full text of linked article pages. The Poller (poll.go) drives it on a
// schedule; fetching is in the sibling package feeds/fetch.
//
// # Encodings
//
// Parse decodes a body to UTF-8 before parsing, by these rules in order:
// a byte order mark (UTF-8, UTF-16) decides; bytes that are valid UTF-8 are
// UTF-8 whatever the XML declaration or Content-Type claims (a feed declared
// ISO-8859-1 whose bytes are UTF-8 is common, and the reverse practically
// never validates); otherwise the XML declaration's encoding, then the
// Content-Type charset (windows-1252, ISO-8859-x, KOI8-R, Shift_JIS, … as
// the WHATWG encoding labels name them); with no usable label a mostly-UTF-8
// body keeps its UTF-8 and loses the stray bytes, and anything else is read
// as windows-1252. The XML declaration is then rewritten to say UTF-8.
//
// # Hygiene
//
// No string Parse or ExtractArticle returns holds NUL, invalid UTF-8, lone
// surrogates, U+FFFD or control characters other than newline and tab:
// PostgreSQL rejects NUL in text, and the backends must store the same
// thing. Numeric character references to characters XML forbids ("&#0;")
// are dropped before parsing instead of failing the whole feed.
//
// # Cost
//
// Normalizing costs a fraction of gofeed's own parse (see
// BenchmarkParse100 and BenchmarkGofeedParse100). A feed with many more
// items than the limit is cut after twice the limit before gofeed sees it,
// so a flood of items costs no more than a normal feed; text fields are
// capped (MaxTitleBytes, MaxTextBytes) and HTML conversion stops at the cap.
// Parse still reads the whole body, so callers bound the body size.
package feeds
