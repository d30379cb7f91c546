package demo

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

//go:embed articles/*.txt
var articleFiles embed.FS

// ErrMalformed is wrapped by every error Parse and Corpus return for a file
// that does not follow the corpus format.
var ErrMalformed = errors.New("demo: malformed article")

// ParseError reports where a corpus file breaks the format. It wraps
// ErrMalformed.
type ParseError struct {
	File string // the file's name, for example "2024-10-21-strike-begins-ledger.txt"
	Line int    // 1-based line number; 0 when the problem is the file as a whole
	Msg  string
}

// Error returns "demo: FILE:LINE: MSG".
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("demo: %s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("demo: %s:%d: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns ErrMalformed.
func (e *ParseError) Unwrap() error { return ErrMalformed }

// Doc is one labeled article of the corpus. Tier, Story, CopyOf and Facts are
// the truth a careful human reader assigned; the rest is what an outlet
// published.
type Doc struct {
	// ID is unique in the corpus and names the file (ID + ".txt"). Outlet is
	// the publishing outlet's name; Feed the slug of the demo feed serving
	// the doc. Title is plain text. Body is plain text, paragraphs separated
	// by one blank line.
	ID, Outlet, Feed, Title, Body string
	// Author is the byline; empty when the outlet printed none.
	Author    string
	Published time.Time
	Tier      strike.Tier
	// Story labels the real-world event; articles about the same event share
	// it. Empty when the header says "-".
	Story string
	// Snippet reports that the feed carries only the first sentence of the
	// body; the full text is only on the article page.
	Snippet bool
	// CopyOf is the ID of the article this one is a syndicated copy of, or
	// empty.
	CopyOf string
	// Undated reports that neither the feed entry nor the article page
	// carries a date, as on some pages a news-search feed links to.
	// Published is then the labeler's best knowledge of when the article
	// appeared, for ordering the corpus; a site serving the doc must not
	// show it.
	Undated bool
	// Facts are the strike facts the article states. Evidence is never set.
	Facts strike.Facts
}

// Paragraphs returns the body's paragraphs.
func (d Doc) Paragraphs() []string {
	if d.Body == "" {
		return nil
	}
	return strings.Split(d.Body, "\n\n")
}

// FirstSentence returns the first sentence of the body: the text of the first
// paragraph up to and including the first full stop, question or exclamation
// mark that ends a sentence. Common abbreviations ("Gov.", "Dr.", "U.S.")
// and decimals do not end one.
func (d Doc) FirstSentence() string {
	p, _, _ := strings.Cut(d.Body, "\n\n")
	return firstSentence(p)
}

// isAbbreviation reports whether word, lower-cased and ending in ".", is an
// abbreviation that does not end a sentence.
func isAbbreviation(word string) bool {
	switch word {
	case "gov.", "sen.", "rep.", "dr.", "mr.", "mrs.", "ms.", "st.", "jan.", "feb.", "aug.", "sept.",
		"oct.", "nov.", "dec.", "inc.", "corp.", "co.", "no.", "vs.", "u.s.", "calif.", "ore.", "tenn.",
		"wash.", "ariz.", "nev.", "a.m.", "p.m.":
		return true
	}
	return false
}

func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := i + 1
		// A closing quote or parenthesis belongs to the sentence.
		for end < len(p) && strings.ContainsRune(`"')`, rune(p[end])) {
			end++
		}
		if strings.HasPrefix(p[end:], "\u201d") {
			end += len("\u201d")
		}
		if end < len(p) && p[end] != ' ' {
			continue // "3.5", "U.S.-based"
		}
		if c == '.' {
			start := strings.LastIndexByte(p[:i], ' ') + 1
			word := strings.ToLower(p[start : i+1])
			if isAbbreviation(word) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(word); len(word) == 2 && unicode.IsLetter(r) {
				continue // an initial, as in "Jane Q. Public"
			}
		}
		return p[:end]
	}
	return p
}

// Corpus parses every embedded article and returns them sorted by Published,
// then ID. It fails on the first malformed file, naming the file and line,
// and when IDs repeat or a copy_of names no article of the corpus.
func Corpus() ([]Doc, error) {
	names, err := fs.Glob(articleFiles, "articles/*.txt")
	if err != nil {
		return nil, fmt.Errorf("demo: list articles: %w", err)
	}
	docs := make([]Doc, 0, len(names))
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		data, err := articleFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("demo: read %s: %w", name, err)
		}
		d, err := Parse(path.Base(name), data)
		if err != nil {
			return nil, err
		}
		if seen[d.ID] {
			return nil, &ParseError{File: path.Base(name), Msg: fmt.Sprintf("duplicate id %q", d.ID)}
		}
		seen[d.ID] = true
		docs = append(docs, d)
	}
	for _, d := range docs {
		if d.CopyOf != "" && !seen[d.CopyOf] {
			return nil, &ParseError{File: d.ID + ".txt", Msg: fmt.Sprintf("copy_of %q names no article", d.CopyOf)}
		}
	}
	slices.SortFunc(docs, func(a, b Doc) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return docs, nil
}

// Phases returns the values facts.phase may take, in the order a strike goes
// through them.
func Phases() []string {
	return []string{"threatened", "strike", "mediation", "tentative_agreement", "ratified", "ended"}
}

// Parse parses one corpus file. name is the file's base name; it must be the
// article's id followed by ".txt", and it is used in error messages. Every
// error is a *ParseError.
func Parse(name string, data []byte) (Doc, error) {
	var d Doc
	fail := func(line int, format string, args ...any) (Doc, error) {
		return Doc{}, &ParseError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if !utf8.Valid(data) {
		return fail(0, "not valid UTF-8")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	required := []string{"id", "outlet", "feed", "published", "title", "tier", "story", "snippet", "copy_of"}
	got := make(map[string]int) // key → line
	sep := -1
	for i, line := range lines {
		n := i + 1
		if line == "---" {
			sep = i
			break
		}
		if strings.TrimSpace(line) == "" {
			if i == len(lines)-1 {
				break // the file's final newline
			}
			return fail(n, "blank line in header (the header ends with a line \"---\")")
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return fail(n, "header line %q has no \"key: value\"", clip(line))
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if prev, dup := got[key]; dup {
			return fail(n, "key %q repeats line %d", key, prev)
		}
		got[key] = n
		if value == "" {
			return fail(n, "key %q has no value", key)
		}
		if err := d.set(key, value); err != nil {
			return fail(n, "%s: %s", key, err)
		}
	}
	if sep < 0 {
		last := len(lines)
		if lines[last-1] == "" && last > 1 {
			last--
		}
		return fail(last, "no line \"---\" ends the header")
	}
	for _, k := range required {
		if _, ok := got[k]; !ok {
			return fail(sep+1, "header lacks %q", k)
		}
	}
	if want := d.ID + ".txt"; name != want {
		return fail(got["id"], "id %q does not match the file name (want %q)", d.ID, want)
	}
	if d.CopyOf == d.ID {
		return fail(got["copy_of"], "article is a copy of itself")
	}
	if d.Tier == strike.TierNone && !isZeroFacts(d.Facts) {
		return fail(sep+1, "an article of tier none carries facts")
	}
	d.Body = normalizeBody(lines[sep+1:])
	if d.Body == "" {
		return fail(sep+2, "empty body")
	}
	return d, nil
}

func (d *Doc) set(key, value string) error {
	var err error
	switch key {
	case "id":
		if !validID(value) {
			return errors.New("want lower-case letters, digits and dashes")
		}
		d.ID = value
	case "outlet":
		d.Outlet = value
	case "feed":
		if !validID(value) {
			return errors.New("want lower-case letters, digits and dashes")
		}
		d.Feed = value
	case "published":
		d.Published, err = time.Parse(time.RFC3339, value)
		d.Published = d.Published.UTC()
	case "title":
		d.Title = value
	case "author":
		d.Author = value
	case "tier":
		d.Tier = strike.Tier(value)
		if d.Tier != strike.TierCore && d.Tier != strike.TierRelated && d.Tier != strike.TierNone {
			return fmt.Errorf("unknown tier %q", value)
		}
	case "story":
		if value != "-" && !validID(value) {
			return errors.New("want \"-\" or lower-case letters, digits and dashes")
		}
		d.Story = dash(value)
	case "snippet":
		d.Snippet, err = strconv.ParseBool(value)
	case "undated":
		d.Undated, err = strconv.ParseBool(value)
	case "copy_of":
		if value != "-" && !validID(value) {
			return errors.New("want \"-\" or an article id")
		}
		d.CopyOf = dash(value)
	case "facts.phase":
		if !slices.Contains(Phases(), value) {
			return fmt.Errorf("unknown phase %q (want one of %s)", value, strings.Join(Phases(), ", "))
		}
		d.Facts.Phase = value
	case "facts.workers":
		d.Facts.Workers, err = positive(value)
	case "facts.union":
		d.Facts.Union = value
	case "facts.employer":
		d.Facts.Employer = value
	case "facts.started":
		err = checkDate(value)
		d.Facts.Started = value
	case "facts.duration_days":
		d.Facts.DurationDays, err = positive(value)
	case "facts.offer":
		d.Facts.Offer = value
	case "facts.demands":
		d.Facts.Demands, err = splitList(value)
	case "facts.events":
		d.Facts.Events, err = parseEvents(value)
	default:
		return errors.New("unknown key")
	}
	return err
}

// validID reports whether s is made of lower-case ASCII letters, digits and
// inner dashes.
func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func positive(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive whole number, not %q", s)
	}
	return n, nil
}

func checkDate(s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("want a date YYYY-MM-DD, not %q", s)
	}
	return nil
}

func splitList(s string) ([]string, error) {
	var out []string
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			return nil, errors.New("empty entry between \";\"")
		}
		out = append(out, part)
	}
	return out, nil
}

func parseEvents(s string) ([]strike.Event, error) {
	parts, err := splitList(s)
	if err != nil {
		return nil, err
	}
	events := make([]strike.Event, 0, len(parts))
	for _, p := range parts {
		date, what, _ := strings.Cut(p, " ")
		if err := checkDate(date); err != nil {
			return nil, fmt.Errorf("event %q: %w", clip(p), err)
		}
		what = strings.TrimSpace(what)
		if what == "" {
			return nil, fmt.Errorf("event %q says nothing after the date: want \"YYYY-MM-DD what\"", clip(p))
		}
		events = append(events, strike.Event{Date: date, What: what})
	}
	return events, nil
}

func isZeroFacts(f strike.Facts) bool {
	return f.Phase == "" && f.Workers == 0 && f.Union == "" && f.Employer == "" && f.Started == "" &&
		f.DurationDays == 0 && f.Offer == "" && f.Demands == nil && f.Events == nil
}

// normalizeBody joins each paragraph's lines with spaces and the paragraphs
// with one blank line, trimming surrounding space.
func normalizeBody(lines []string) string {
	var paras []string
	var cur bytes.Buffer
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, cur.String())
			cur.Reset()
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
