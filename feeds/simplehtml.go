package feeds

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// simpleHTMLToText is htmlToText for the HTML most feeds carry: text,
// common inline and block tags with plain attributes, and the usual
// entities. It scans s itself instead of running the x/net/html
// tokenizer, and gives the same text the tokenizer path would. ok is false
// when s holds anything else (comments, script or other raw-text
// elements, unusual tags or attributes, entities outside a small table, a
// stray '<'); the caller then uses tokenHTMLToText. s has no NUL bytes and
// is valid UTF-8.
func simpleHTMLToText(s string, limit int) (text string, ok bool) {
	var w textWriter
	// Feed HTML is mostly text: room for all of it, or for what limit
	// lets through (textUpTo writes at most a 4 KB piece past it), means
	// the builder is not grown and copied on the way.
	room := len(s)
	if limit >= 0 {
		room = min(room, limit+4<<10+4)
	}
	w.b.Grow(room)
	var run []byte // the current text token, entities decoded
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != '<' && s[j] != '&' {
			j++
		}
		run = append(run, s[i:j]...)
		i = j
		if i == len(s) {
			break
		}
		if s[i] == '&' {
			r, n := simpleEntity(s[i:])
			if n == 0 {
				return "", false
			}
			run = utf8.AppendRune(run, r)
			i += n
			continue
		}
		a, n := simpleTag(s[i:])
		if n == 0 {
			return "", false
		}
		if !w.textUpTo(run, limit) {
			return w.b.String(), true
		}
		run = run[:0]
		w.brk(breakAfter(a))
		i += n
	}
	w.textUpTo(run, limit)
	return w.b.String(), true
}

// simpleEntities are the named character references simpleEntity
// decodes, without the leading '&' and the trailing ';'.
var simpleEntities = map[string]rune{
	"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'', "nbsp": '\u00A0',
	"mdash": '—', "ndash": '–', "hellip": '…', "lsquo": '‘', "rsquo": '’',
	"ldquo": '“', "rdquo": '”', "laquo": '«', "raquo": '»', "middot": '·',
	"bull": '•', "copy": '©', "reg": '®', "trade": '™', "eacute": 'é',
}

// simpleEntity decodes the character reference at the start of s (s[0]
// is '&') as the tokenizer would, returning the rune and the bytes it
// takes; n is 0 when the reference is not one simpleEntity knows to decode
// exactly like the tokenizer. A '&' before anything but '#', a letter or a
// digit, or at the end, is itself.
func simpleEntity(s string) (r rune, n int) {
	if len(s) == 1 {
		return '&', 1
	}
	if c := s[1]; c != '#' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return '&', 1 // no name follows: the '&' is text
	}
	if s[1] == '#' {
		n, x, ok := charRefValue(s)
		// Leave the tokenizer the references it rewrites: NUL,
		// controls, the Windows-1252 range, surrogates, out of range.
		if !ok || x < 0x20 || 0x7F <= x && x <= 0x9F || 0xD800 <= x && x <= 0xDFFF || x > utf8.MaxRune {
			return 0, 0
		}
		return rune(x), n
	}
	end := strings.IndexByte(s[:min(len(s), 9)], ';') // names in the table are short
	if end < 2 {
		return 0, 0
	}
	name := s[1:end]
	for k := 0; k < len(name); k++ {
		if c := name[k]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return 0, 0
		}
	}
	if r, ok := simpleEntities[name]; ok {
		return r, end + 1
	}
	return 0, 0
}

// simpleTag reads the start or end tag at the start of s (s[0] is '<')
// and returns its element and length in bytes; n is 0 when it is not a
// tag of a simple element with plain attributes (see simpleElement), so
// that only the tokenizer knows how to read it.
func simpleTag(s string) (a atom.Atom, n int) {
	i := 1
	end := i < len(s) && s[i] == '/'
	if end {
		i++
	}
	i0 := i
	for i < len(s) && i-i0 <= 10 && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z' || i > i0 && '1' <= s[i] && s[i] <= '6') {
		i++
	}
	if i == i0 || i-i0 > 10 {
		return 0, 0
	}
	var lower [10]byte
	for k := i0; k < i; k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k-i0] = c
	}
	a = atom.Lookup(lower[:i-i0])
	if !simpleElement(a) {
		return 0, 0
	}
	for {
		sp := i
		for i < len(s) && isHTMLSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return 0, 0
		}
		switch {
		case s[i] == '>':
			return a, i + 1
		case !end && s[i] == '/' && i+1 < len(s) && s[i+1] == '>':
			return a, i + 2
		case end || i == sp:
			return 0, 0 // an end tag with more than a name, or no space before an attribute
		}
		if i = simpleAttr(s, i); i == 0 {
			return 0, 0
		}
	}
}

// simpleAttr reads the attribute at s[i:], a plain name with an optional
// quoted or plain value, and returns the index after it, or 0.
func simpleAttr(s string, i int) int {
	i0 := i
	for i < len(s) && (s[i] == '-' || s[i] == '_' || s[i] == ':' ||
		'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z' || '0' <= s[i] && s[i] <= '9') {
		i++
	}
	if i == i0 {
		return 0
	}
	j := i
	for j < len(s) && isHTMLSpace(s[j]) {
		j++
	}
	if j == len(s) || s[j] != '=' {
		return i // a name alone
	}
	j++
	for j < len(s) && isHTMLSpace(s[j]) {
		j++
	}
	if j == len(s) {
		return 0
	}
	if q := s[j]; q == '"' || q == '\'' {
		k := strings.IndexByte(s[j+1:], q)
		if k < 0 {
			return 0
		}
		return j + 1 + k + 1
	}
	k := j
	for k < len(s) && !isHTMLSpace(s[k]) && s[k] != '>' && s[k] != '"' && s[k] != '\'' && s[k] != '=' && s[k] != '<' && s[k] != '`' {
		k++
	}
	if k == j || k == len(s) || s[k] != '>' && !isHTMLSpace(s[k]) {
		return 0
	}
	return k
}

// isHTMLSpace reports whether c is white space to the HTML tokenizer.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// simpleElement reports whether the tags of a are read by the tokenizer
// like any others (no raw text, no skipped content) and are common in
// feed HTML.
func simpleElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Br, atom.B, atom.I, atom.U, atom.S, atom.Em, atom.Strong,
		atom.A, atom.Span, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Hr,
		atom.Small, atom.Sub, atom.Sup, atom.Code, atom.Cite, atom.Q, atom.Abbr, atom.Time,
		atom.Mark, atom.Figure, atom.Figcaption, atom.Img, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr,
		atom.Td, atom.Th, atom.Caption, atom.Pre, atom.Font, atom.Center, atom.Strike,
		atom.Del, atom.Ins, atom.Big, atom.Tt, atom.Kbd, atom.Var, atom.Samp, atom.Wbr,
		atom.Picture, atom.Source, atom.Aside, atom.Nav, atom.Main, atom.Address:
		return true
	}
	return false
}
