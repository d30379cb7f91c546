package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CleanText returns s without what must never be stored: NUL bytes, invalid
// UTF-8, and control characters other than newline and tab (carriage returns
// are dropped, so CRLF line ends become LF). The replacement character
// U+FFFD, which only marks text lost before, is dropped as well. Leading and trailing white space
// is trimmed. Lone surrogates cannot occur in the result, since Go encodes
// them only as invalid UTF-8.
func CleanText(s string) string {
	if isClean(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if keepRune(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return strings.TrimSpace(b.String())
}

// isClean reports whether CleanText has nothing to remove from s other
// than surrounding white space.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return utf8.ValidString(s[i:]) && !hasC1(s[i:]) && !strings.Contains(s[i:], "\uFFFD")
		}
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
			return false
		}
	}
	return true
}

// hasC1 reports whether s holds a C1 control character (U+0080–U+009F).
func hasC1(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xC2 && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
			return true
		}
	}
	return false
}

// keepRune reports whether the rune r, decoded from size bytes, may stay in
// clean text.
func keepRune(r rune, size int) bool {
	if r == utf8.RuneError {
		return false // invalid UTF-8, or text already lost before us
	}
	if r == '\n' || r == '\t' {
		return true
	}
	return !unicode.IsControl(r)
}

// skipped reports whether the content of element a is not text a reader
// sees.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Iframe, atom.Noscript, atom.Template,
		atom.Svg, atom.Math, atom.Title, atom.Object, atom.Noembed,
		atom.Noframes, atom.Select:
		return true
	}
	return false
}

// Break strengths, from none to a paragraph break.
const (
	breakNone = iota
	breakSpace
	breakLine
	breakParagraph
)

// breakAfter says what an element's start or end tag does to the text
// flow: line elements end a line, block elements a paragraph.
func breakAfter(a atom.Atom) int {
	switch a {
	case atom.Br, atom.Li, atom.Tr, atom.Dt, atom.Dd, atom.Option:
		return breakLine
	case atom.Td, atom.Th:
		return breakSpace
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Pre, atom.Table,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Figure,
		atom.Figcaption, atom.Hr, atom.Address, atom.Aside, atom.Nav, atom.Main,
		atom.Form, atom.Fieldset, atom.Details, atom.Summary, atom.Caption,
		atom.Body, atom.Html, atom.Head:
		return breakParagraph
	}
	return breakNone
}

// HTMLToText returns the text a reader sees in the HTML fragment or page s.
// The content of script, style, iframe, noscript, template, svg and title
// elements is dropped; block elements (p, div, headings, lists, tables, …)
// become paragraph breaks ("\n\n"), br and list items line breaks; entities
// are decoded; runs of white space collapse to one space, also inside pre;
// NUL, invalid UTF-8, U+FFFD and control characters are removed as by
// CleanText.
// Plain text without markup passes through with only those changes.
func HTMLToText(s string) string {
	return htmlToText(s, -1)
}

// htmlToText is HTMLToText that stops once the text is longer than limit
// bytes, unless limit is negative.
func htmlToText(s string, limit int) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s, limit)
	}
	if !isClean(s) {
		s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "")
	}
	t, ok := simpleHTMLToText(s, limit)
	if !ok {
		t = tokenHTMLToText(s, limit)
	}
	return unescapeTwice(t)
}

// unescapeTwice decodes the entities left in text decoded once: a feed
// that escapes its already escaped snippets ("Kaiser&amp;#39;s") shows its
// readers "Kaiser&#39;s", and a reader of it sees "Kaiser's".
func unescapeTwice(t string) string {
	i := strings.IndexByte(t, '&')
	if i < 0 || !strings.Contains(t[i:], ";") {
		return t
	}
	u := html.UnescapeString(t)
	if u == t {
		return t
	}
	return CleanText(strings.ReplaceAll(u, "\u00a0", " "))
}

// tokenHTMLToText is htmlToText for any HTML, through the x/net/html
// tokenizer; s has no NUL bytes and is valid UTF-8.
func tokenHTMLToText(s string, limit int) string {
	var w textWriter
	w.b.Grow(len(s) / 2)
	z := html.NewTokenizer(strings.NewReader(s))
	var skip atom.Atom // the element whose content is being skipped
	depth := 0         // nesting of skip inside itself
	for {
		switch z.Next() {
		case html.ErrorToken:
			return w.b.String()
		case html.TextToken:
			if skip == 0 && !w.textUpTo(z.Text(), limit) {
				return w.b.String()
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip {
					depth++
				}
				continue
			}
			if skipped(a) {
				skip, depth = a, 1
				continue
			}
			w.brk(breakAfter(a))
		case html.SelfClosingTagToken:
			if skip == 0 {
				name, _ := z.TagName()
				w.brk(breakAfter(atom.Lookup(name)))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip {
					if depth--; depth == 0 {
						skip = 0
					}
				}
				continue
			}
			w.brk(breakAfter(a))
		}
	}
}

// collapse is htmlToText for text without markup or entities.
func collapse(s string, limit int) string {
	var w textWriter
	if limit < 0 {
		w.b.Grow(len(s))
	} else {
		w.b.Grow(min(len(s), limit+64))
	}
	w.textUpTo([]byte(s), limit)
	return w.b.String()
}

// textWriter accumulates clean text, holding back white space and breaks
// until the next visible character so that none lead or trail.
type textWriter struct {
	b       strings.Builder
	pending int
}

func (w *textWriter) brk(k int) {
	if k > w.pending {
		w.pending = k
	}
}

// textUpTo writes t in pieces until the text is longer than limit bytes,
// unless limit is negative; it reports whether there is room for more.
func (w *textWriter) textUpTo(t []byte, limit int) bool {
	if limit < 0 {
		w.text(t)
		return true
	}
	const chunk = 4 << 10
	for len(t) > 0 {
		n := min(len(t), chunk)
		for n < len(t) && n > 0 && !utf8.RuneStart(t[n]) {
			n-- // keep runes whole
		}
		if n == 0 {
			n = min(len(t), chunk)
		}
		w.text(t[:n])
		t = t[n:]
		if w.b.Len() > limit {
			return false
		}
	}
	return true
}

func (w *textWriter) text(t []byte) {
	for i := 0; i < len(t); {
		c := t[i]
		if c > ' ' && c < 0x7F {
			// A run of visible characters with single spaces between
			// them, the common case, goes in one write.
			j := visibleRun(t, i+1)
			w.flush()
			w.b.Write(t[i:j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				w.brk(breakSpace)
			case c < 0x20 || c == 0x7F:
			default:
				w.flush()
				w.b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		switch {
		case r == utf8.RuneError:
		case unicode.IsSpace(r):
			w.brk(breakSpace)
		case unicode.IsControl(r):
		default:
			j := visibleRun(t, i+size)
			w.flush()
			w.b.Write(t[i:j])
			i = j
			continue
		}
		i += size
	}
}

// visibleRun returns the end of the run of text starting at t[i] that
// text may copy as it is: visible characters (no white space, controls,
// U+FFFD or invalid UTF-8), and single ASCII spaces between two of them.
func visibleRun(t []byte, i int) int {
	for i < len(t) {
		c := t[i]
		switch {
		case c > ' ' && c < 0x7F:
			i++
		case c == ' ':
			if i+1 < len(t) && t[i+1] > ' ' && t[i+1] < 0x7F {
				i += 2
				continue
			}
			return i
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

func (w *textWriter) flush() {
	if w.b.Len() > 0 {
		switch w.pending {
		case breakSpace:
			w.b.WriteByte(' ')
		case breakLine:
			w.b.WriteByte('\n')
		case breakParagraph:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = breakNone
}

// oneLine returns s with every run of white space, line breaks included,
// collapsed to one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n bytes on a rune boundary, preferring a word
// boundary in the last tenth (or last 20 bytes), and marks the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexAny(s[:cut], " \n"); sp > 0 && sp > cut-max(cut/10, 20) {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " \n") + "…"
}
