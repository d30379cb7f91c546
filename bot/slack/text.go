package slack

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text hygiene shared by every renderer. Lengths are counted in UTF-16
// code units (slen), which is never less than the rune count, so a limit
// met here is met however Slack counts.

// ellipsis marks a cut.
const ellipsis = "…"

// maxCombining is the longest run of combining marks kept on one base
// character; longer runs ("Zalgo" text) are cut to it.
const maxCombining = 4

// clean makes s safe to render: valid UTF-8, no control characters other
// than newline, no bidirectional overrides or isolates (which could make
// text read backwards), and no runs of more than maxCombining combining
// marks.
func clean(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	marks := 0
	for _, r := range s {
		switch {
		case r == '\n':
		case r == '\t' || r == '\r':
			r = ' '
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF':
			continue
		}
		if unicode.In(r, unicode.Mn, unicode.Me) {
			marks++
			if marks > maxCombining {
				continue
			}
		} else {
			marks = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate control.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u061C'
}

// oneLine cleans s and folds all its whitespace into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// escape escapes the three characters Slack's formatting gives meaning to,
// so text can never become a mention (<!channel>, <@U…>) or a link, and
// neutralises mrkdwn's markers (* _ ~ `), which Slack gives no way to
// escape, by their look-alikes (∗ ˍ ∼ ˋ): a feed title can never turn
// bold, italic, struck out or code, nor swallow the formatting the
// renderer puts around it. Every replacement is one UTF-16 code unit, as
// the character it replaces.
func escape(s string) string {
	if !strings.ContainsAny(s, "&<>*_~`") {
		return s
	}
	return escaper.Replace(s)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;",
	"*", "\u2217", "_", "\u02cd", "~", "\u223c", "`", "\u02cb")

// slen is the length of s in UTF-16 code units.
func slen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// runeLen is r's length in UTF-16 code units.
func runeLen(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// fit cleans and escapes raw and cuts the result to at most limit UTF-16
// code units, marking a cut with "…". It never splits a rune or an
// escape, avoids splitting a grapheme (combining marks, emoji joined with
// ZWJ, variation selectors and skin tones stay with their base) and cuts
// at a space when one is near.
func fit(raw string, limit int) string {
	return fitClean(clean(raw), limit)
}

// fitLine is fit for a single line of text.
func fitLine(raw string, limit int) string {
	return fitClean(oneLine(raw), limit)
}

func fitClean(s string, limit int) string { return fitEscaped(s, limit, escape) }

// plainLine is fitLine for plain_text objects (headers), which Slack shows
// without mrkdwn: only & < > are escaped there.
func plainLine(raw string, limit int) string {
	return fitEscaped(oneLine(raw), limit, escapePlain)
}

// escapePlain escapes & < > only.
func escapePlain(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	return plainEscaper.Replace(s)
}

var plainEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// fitEscaped is fitClean with the escaping esc, which must turn each rune
// into escapedLen(r) UTF-16 code units at most.
func fitEscaped(s string, limit int, escape func(string) string) string {
	if limit <= 0 {
		return ""
	}
	esc := escape(s)
	if slen(esc) <= limit {
		return esc
	}
	if limit < 2 {
		return ellipsis
	}
	budget := limit - 1 // room for the ellipsis
	runes := []rune(s)
	n, cut := 0, 0
	for cut < len(runes) {
		c := escapedLen(runes[cut])
		if n+c > budget {
			break
		}
		n += c
		cut++
	}
	for cut > 0 && cut < len(runes) && extends(runes[cut-1], runes[cut]) {
		cut--
	}
	if sp := lastSpace(runes[:cut]); sp > cut*2/3 {
		cut = sp
	}
	out := strings.TrimRight(string(runes[:cut]), " \n,;:.")
	return escape(out) + ellipsis
}

// escapedLen is r's length after escape, in UTF-16 code units.
func escapedLen(r rune) int {
	switch r {
	case '&':
		return 5
	case '<', '>':
		return 4
	}
	return runeLen(r)
}

// extends reports whether next belongs to the same grapheme as prev, so a
// cut between them would split what a reader sees as one character.
func extends(prev, next rune) bool {
	switch {
	case prev == '\u200D' || next == '\u200D':
		return true
	case next >= '\uFE00' && next <= '\uFE0F':
		return true
	case next >= 0x1F3FB && next <= 0x1F3FF:
		return true
	case next >= 0xE0020 && next <= 0xE007F: // emoji tag sequences
		return true
	case unicode.In(next, unicode.Mn, unicode.Me):
		return true
	}
	return false
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == ' ' || r[i] == '\n' {
			return i
		}
	}
	return -1
}

// maxURL is the longest URL made into a link; longer ones are not linked.
const maxURL = 1000

// linkURL returns u ready to go inside <…|…>: an absolute http or https
// URL with the characters that would end or confuse the link encoded.
// ok is false for anything else, which must not become a link.
func linkURL(raw string) (string, bool) {
	if raw == "" || len(raw) > maxURL || !utf8.ValidString(raw) {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	s := u.String()
	for _, r := range s {
		if r < 0x21 || r == 0x7F || r > 0x7E {
			return "", false
		}
	}
	s = urlEscaper.Replace(s)
	return s, true
}

var urlEscaper = strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C")

// link renders a link to raw titled title (at most limit UTF-16 code
// units in all): <url|title>, both parts escaped. A URL that is not a
// plain http(s) URL, or too long to fit, gives the title alone, unlinked.
func link(raw, title string, limit int) string {
	title = strings.ReplaceAll(oneLine(title), "|", "¦")
	u, ok := linkURL(raw)
	if ok && title == "" {
		title = "link"
	}
	if !ok || slen(u)+3+min(slen(title), 12) > limit {
		return fitClean(title, limit)
	}
	return "<" + u + "|" + fitClean(title, limit-3-slen(u)) + ">"
}
