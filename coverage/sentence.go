package coverage

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text, as Sentences returns it.
type Sentence struct {
	// Text is the sentence as written, without the white space around it:
	// Text == text[Start:End]. Line breaks inside it are kept.
	Text string
	// Start and End are the byte offsets of the sentence in the text.
	Start, End int
}

// Sentences splits text into sentences, in order, never overlapping.
//
// A sentence ends at a blank line (a paragraph break), or at one of . ! ?
// or an ellipsis "…" followed, after any closing quotes or brackets, by
// white space or the end of the text, unless the next word starts with a
// lower-case letter (`"Who pays?" she asked.` is one sentence). A period
// does not end a sentence after a one-letter word or a dotted abbreviation
// ("J. Smith", "U.S.", "a.m."), after a title that goes before a name
// ("Gov.", "Dr.", "Sen.", "St."), or after another known abbreviation
// ("Oct.", "Calif.", "Inc.") unless the next word starts with a capital
// letter or a quote: "Oct. 14" and "Kaiser Foundation Health Plan Inc.
// said" stay whole. Periods between digits ("1.5") never end a sentence.
// A line that opens an item of a list or a live blog (a bullet, an item's
// number, a "by the numbers" figure, an entry's time: see sentItemRE)
// starts a sentence, and an item's number ("1. Pay.") ends none; in a
// list whose line breaks were lost, each next item's number ("… four
// years 2. A new pension") starts one.
// A text with no words gives no sentences.
func Sentences(text string) []Sentence {
	var out []Sentence
	start := -1 // byte offset of the current sentence's first non-space rune
	item := 0   // the number of the list's last item, 0 outside a list
	emit := func(end int) {
		if start < 0 {
			return
		}
		s := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		if s != "" {
			out = append(out, Sentence{Text: s, Start: start, End: start + len(s)})
		}
		start = -1
	}
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' && start >= 0 && (sentBlankLine(text, i) || sentItemAt(text, i+1)) {
				emit(i)
			}
			i += size
			continue
		}
		if start < 0 {
			start = i
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		if r == '.' && i-start <= 2 && sentItemAt(text, start) {
			item, _ = strconv.Atoi(text[start:i])
			i += size // the number of a list's item: "1. Pay."
			continue
		}
		if r == '.' {
			// A list run into a paragraph: "We won: 1. Raises 2. A pension".
			// The first item's number follows a colon; each next one opens
			// a sentence. (A day of the month, "May 2.", follows no item 1.)
			k := i
			for k > start && text[k-1] >= '0' && text[k-1] <= '9' {
				k--
			}
			if n, err := strconv.Atoi(text[k:i]); err == nil && i-k <= 2 && k > start && text[k-1] == ' ' && sentItemAt(text, k) {
				before := strings.TrimRight(text[start:k], " ")
				switch {
				case n == 1 && strings.HasSuffix(before, ":"):
					item = 1
					i += size
					continue
				case item > 0 && n == item+1:
					emit(k)
					start, item = k, n
					i += size
					continue
				}
			}
		}
		// A run of terminators ("?!", "...").
		termStart := i
		j := i
		for j < len(text) {
			q, n := utf8.DecodeRuneInString(text[j:])
			if q != '.' && q != '!' && q != '?' && q != '…' {
				break
			}
			j += n
		}
		run := text[termStart:j]
		// Closing quotes and brackets belong to the sentence.
		quoted := false
		for j < len(text) {
			q, n := utf8.DecodeRuneInString(text[j:])
			if !sentCloser(q) {
				break
			}
			if q != ')' && q != ']' {
				quoted = true
			}
			j += n
		}
		if j < len(text) {
			q, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(q) {
				// "1.5", "U.S.", "e.g.,": not an end.
				i = j
				continue
			}
		}
		if sentenceEndsAt(text, start, termStart, run, j, quoted) {
			emit(j)
		}
		i = j
	}
	emit(len(text))
	return out
}

// sentItemRE finds what opens an item of a list or a live blog at the
// start of a line: a bullet, an item's number ("1.", "2)", "(3)"), a
// "by the numbers" figure ("2,400:") or an
// entry's time ("7:10 a.m. —"), then a capital letter, a digit or a quote.
var sentItemRE = regexp.MustCompile(`^[ \t]*(?:[-•*·]|\d{1,3}(?:,\d{3})*%?:|\d{1,2}[.)]|\(\d{1,2}\)|\d{1,2}:\d\d\s*(?:[ap]\.m\.|[AaPp][Mm])?\s*[-–—:])[ \t]+["“'‘]?[\p{Lu}\d]`)

// sentItemAt reports whether the line that starts at offset i of text
// opens an item of a list (see sentItemRE).
func sentItemAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	return sentItemRE.MatchString(text[i:min(len(text), i+40)])
}

// sentBlankLine reports whether the newline at i is followed, after spaces
// and tabs, by another newline.
func sentBlankLine(text string, i int) bool {
	for k := i + 1; k < len(text); k++ {
		switch text[k] {
		case ' ', '\t', '\r', '\f', '\v':
			continue
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
}

func sentCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', ')', ']':
		return true
	}
	return false
}

func sentOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '«', '(', '[':
		return true
	}
	return false
}

// sentNextWord returns the first rune of the next word after j (skipping white
// space), and whether an opening quote or bracket comes first.
func sentNextWord(text string, j int) (r rune, opened bool, ok bool) {
	for j < len(text) {
		q, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsSpace(q):
		case sentOpener(q):
			opened = true
		default:
			return q, opened, true
		}
		j += n
	}
	return 0, opened, false
}

// sentenceEndsAt decides whether the terminator run text[term:term+len(run)]
// (followed by closers up to after) ends the sentence that began at start.
func sentenceEndsAt(text string, start, term int, run string, after int, quoted bool) bool {
	next, opened, ok := sentNextWord(text, after)
	if !ok {
		return true
	}
	if unicode.IsLower(next) {
		return false
	}
	if run != "." || quoted {
		return true
	}
	// A single period: look at the word before it.
	w := text[start:term]
	if k := lastWordStart(w); k >= 0 {
		_, n := utf8.DecodeRuneInString(w[k:])
		w = w[k+n:]
	}
	if w == "" {
		return true
	}
	if strings.Contains(w, ".") {
		// "U.S", "a.m", "p.m": a dotted abbreviation; but "21.5%", "$1.5",
		// "2.4" are numbers, which end a sentence as any word does.
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsDigit(r) || r == '$'
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			return false // an initial
		}
	}
	lw := strings.ToLower(w)
	if sentTitleAbbrev[lw] {
		return false
	}
	if sentNumAbbrev[lw] {
		return !unicode.IsDigit(next)
	}
	if sentOtherAbbrev[lw] {
		return unicode.IsUpper(next) || opened
	}
	return true
}

// lastWordStart returns the offset of the rune before the last word of
// w: a space, an opening quote or bracket, a dash. An apostrophe between
// letters ("isn't") is inside the word.
func lastWordStart(w string) int {
	for k := len(w); k > 0; {
		r, n := utf8.DecodeLastRuneInString(w[:k])
		k -= n
		if unicode.IsSpace(r) || r == '(' || r == '—' || r == '-' {
			return k
		}
		if sentOpener(r) {
			if r == '\'' && k > 0 && k+n < len(w) {
				if p, _ := utf8.DecodeLastRuneInString(w[:k]); unicode.IsLetter(p) {
					continue // "isn't"
				}
			}
			return k
		}
	}
	return -1
}

// sentTitleAbbrev are abbreviations that go before a name or number and so
// never end a sentence.
var sentTitleAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "sens": true, "st": true, "gen": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "prof": true, "rev": true,
	"hon": true, "supt": true, "atty": true, "mt": true, "ft": true,
	"asm": true, "msgr": true, "pres": true, "insp": true,
}

// sentNumAbbrev are abbreviations that go before a number ("No. 5") and
// are words otherwise ("said no.").
var sentNumAbbrev = map[string]bool{
	"no": true, "nos": true, "vol": true, "pp": true, "fig": true, "art": true, "sec": true,
}

// sentOtherAbbrev are abbreviations that end a sentence only when a capital
// letter follows.
var sentOtherAbbrev = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
	"inc": true, "co": true, "corp": true, "ltd": true, "llc": true, "jr": true,
	"sr": true, "bros": true, "dept": true, "univ": true, "assn": true,
	"ave": true, "blvd": true, "rd": true, "hwy": true,
	"calif": true, "ala": true, "ariz": true, "ark": true, "colo": true,
	"conn": true, "del": true, "fla": true, "ga": true, "ill": true, "ind": true,
	"kan": true, "kans": true, "ky": true, "la": true, "md": true, "mass": true,
	"mich": true, "minn": true, "miss": true, "mo": true, "mont": true,
	"neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
	"etc": true, "vs": true, "approx": true, "est": true, "min": true,
	"max": true, "avg": true, "e.g": true, "i.e": true,
}

// furnitureParagraphs is how many paragraphs at the top of a text
// leadStart may pass over.
const furnitureParagraphs = 3

// leadStart returns the offset in text at which the article's own words
// begin: past the page furniture that text taken from a news page often
// starts with, such as a byline ("By Ana Ruiz | Staff writer"), a date
// line ("· Feb. 7, 2025 6:10 PM UTC") or a photo caption, each a paragraph
// of its own. A paragraph is furniture when it is short and is no
// sentence (it does not end as one), or when it opens as a byline,
// caption or time stamp does. It returns 0 when the text has no
// paragraph of its own words after the furniture.
func leadStart(text string) int {
	at := 0
	for range furnitureParagraphs {
		for at < len(text) && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t' || text[at] == '\r') {
			at++
		}
		end := len(text)
		for i := at; i+1 < len(text); i++ {
			if text[i] == '\n' && sentBlankLine(text, i) {
				end = i
				break
			}
		}
		// A wire copy's dateline may open a search result's title line.
		if end == len(text) || !isFurniture(trimDateline(strings.TrimSpace(text[at:end]))) {
			break
		}
		at = end
	}
	for at < len(text) && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t' || text[at] == '\r') {
		at++
	}
	if at >= len(text) {
		return 0
	}
	return at
}

// Openers of the paragraphs of a page that are no part of its article:
// captions, credits and an editor's note or correction about the story
// itself (strong: whatever follows), bylines and time stamps (weak: only
// in a short paragraph or one that is no sentence, as "By Monday, 2,400
// workers were out." is the lead).
var (
	strongFurniture = []string{"photo:", "[photo", "photo by", "image:", "[image", "caption:", "·", "|",
		"editor's note:", "editor’s note:", "editors' note:", "correction:", "clarification:"}
	weakFurniture = []string{"by ", "updated ", "published ", "posted ", "listen", "watch", "—"}
)

// boilerplateRE finds a sentence a feed or page adds to every article,
// which tells nothing of it: a blog feed's "The post … appeared first on
// …", "Continue reading", a newsletter or subscription prompt, an
// advertisement's label, a box of related or most-read links.
var boilerplateRE = regexp.MustCompile(`(?i)^(?:the post .{3,300}? appeared first on .{2,100}|continue reading\b.*|read (?:more|the full (?:story|article))\b.{0,40}|(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,80}|advertisement|story continues below.{0,30}|(?:related|most read|more coverage|recommended|trending|read next|see also)\s*:.*)$`)

// boilerplateSentence reports whether s is a feed's or page's
// boilerplate (see boilerplateRE).
func boilerplateSentence(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) < 500 && boilerplateRE.MatchString(s)
}

// isFurniture reports whether a paragraph is page furniture: see leadStart.
func isFurniture(p string) bool {
	words := len(strings.Fields(p))
	if words == 0 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	sentence := strings.ContainsRune(".!?…\"”’)", last)
	lower := strings.ToLower(p)
	for _, o := range strongFurniture {
		if strings.HasPrefix(lower, o) && words <= 40 {
			return true
		}
	}
	for _, o := range weakFurniture {
		if strings.HasPrefix(lower, o) && (words <= 8 || words <= 20 && !sentence) {
			return true
		}
	}
	return words <= 14 && !sentence
}

// trimDateline removes a leading dateline from a sentence: an upper-case
// place, optionally a date and an outlet in parentheses or between
// slashes, and a dash ("LOS ANGELES (Western Newswire) - ", "OAKLAND,
// Calif. — ", "LOS ANGELES, Oct. 14, 2024 /PRNewswire/ -- "), or what is
// left of one when the place ended the sentence before ("(Western
// Newswire) - ").
func trimDateline(s string) string {
	if strings.HasPrefix(s, "(") {
		// The place went with the sentence before: "PORTLAND, Ore."
		if i := strings.Index(s, ") "); i > 0 && i < 40 {
			s = "X " + s
			if t := trimDateline(s); t != s {
				return t
			}
			return s[2:]
		}
	}
	for _, dash := range []string{" - ", " — ", " – ", " -- "} {
		i := strings.Index(s, dash)
		if i <= 0 || i > 60 {
			continue
		}
		head := s[:i]
		if p := strings.IndexByte(head, '('); p >= 0 {
			if !strings.HasSuffix(head, ")") {
				continue
			}
			head = strings.TrimSpace(head[:p])
		} else if p := strings.IndexByte(head, '/'); p >= 0 {
			if !strings.HasSuffix(head, "/") {
				continue
			}
			head = strings.TrimSpace(head[:p])
		}
		place, _, _ := strings.Cut(head, ",")
		upper := place != ""
		for _, r := range place {
			if unicode.IsLower(r) {
				upper = false
				break
			}
		}
		if upper {
			rest := strings.TrimLeftFunc(s[i+len(dash):], unicode.IsSpace)
			if rest != "" {
				// A wire's dateline before a release's own ("LOS
				// ANGELES (Wire) — PASADENA, Calif., Oct. 21, 2024
				// /CareNewswire/ -- "): both go.
				return trimDateline(rest)
			}
		}
	}
	return s
}
