package discord

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text hygiene shared by every renderer. Discord counts an embed's text in
// characters (Unicode code points) after trimming white space; count
// counts code points without trimming, which is never less, so a limit
// met here is met as Discord counts.

// ellipsis marks a cut.
const ellipsis = "…"

// maxCombining is the longest run of combining marks kept on one base
// character; longer runs ("Zalgo" text) are cut to it.
const maxCombining = 4

// count is the length of s as Discord counts embed and message text.
func count(s string) int { return utf8.RuneCountInString(s) }

// clean makes s safe to render: valid UTF-8, no control characters other
// than newline, no bidirectional overrides or isolates (which could make
// text read backwards), no zero-width joiner abuse beyond emoji, and no
// runs of more than maxCombining combining marks.
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

// escapeRunes returns, for each rune of s (already cleaned), the text that
// shows it literally in Discord markdown:
//
//   - the characters of inline markup (* _ ~ ` | \ and the brackets of
//     masked links) and < (mentions <@…>, <#…>, <@&…>, custom emoji,
//     timestamps, slash-command links) always get a backslash;
//   - at the start of a line, after optional spaces, the characters that
//     begin block markup get one: # (headings), - (lists and -# subtext),
//     > (quotes), + and a "." or ")" after digits (numbered lists);
//   - "@everyone" and "@here" get a zero-width space after the @, so they
//     do not even look like a mention (allowed_mentions already keeps them
//     from pinging anyone).
func escapeRunes(s string) []string {
	rs := []rune(s)
	out := make([]string, len(rs))
	lineStart := true
	for i, r := range rs {
		out[i] = string(r)
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '<':
			out[i] = `\` + string(r)
		case '#', '-', '>', '+':
			if lineStart {
				out[i] = `\` + string(r)
			}
		case '.', ')':
			if digitsFromLineStart(rs, i) {
				out[i] = `\` + string(r)
			}
		case '@':
			rest := string(rs[i+1 : min(len(rs), i+9)])
			if strings.HasPrefix(rest, "everyone") || strings.HasPrefix(rest, "here") {
				out[i] = "@\u200b"
			}
		}
		switch {
		case r == '\n':
			lineStart = true
		case r == ' ' && lineStart:
		default:
			lineStart = false
		}
	}
	return out
}

// digitsFromLineStart reports whether rs[:i] ends in a line start, optional
// spaces and one or more digits.
func digitsFromLineStart(rs []rune, i int) bool {
	j := i
	for j > 0 && rs[j-1] >= '0' && rs[j-1] <= '9' {
		j--
	}
	if j == i {
		return false
	}
	for j > 0 && rs[j-1] == ' ' {
		j--
	}
	return j == 0 || rs[j-1] == '\n'
}

// escape escapes s (already cleaned) for Discord markdown.
func escape(s string) string {
	if !strings.ContainsAny(s, "\\*_~`|[]<#->+.)@") {
		return s
	}
	return strings.Join(escapeRunes(s), "")
}

// fit cleans and escapes raw and cuts the result to at most limit
// characters, marking a cut with "…". It never splits a rune or an escape,
// avoids splitting a grapheme (combining marks, emoji joined with ZWJ,
// variation selectors and skin tones stay with their base) and cuts at a
// space when one is near.
func fit(raw string, limit int) string { return fitClean(clean(raw), limit) }

// fitLine is fit for a single line of text.
func fitLine(raw string, limit int) string { return fitClean(oneLine(raw), limit) }

// fitPlain cuts raw, cleaned but not escaped, to limit characters: for the
// parts of an embed Discord shows as plain text (the footer). "@everyone"
// and "@here" still get a zero-width space.
func fitPlain(raw string, limit int) string {
	s := unmention(oneLine(raw))
	if count(s) <= limit {
		return s
	}
	switch {
	case limit <= 0:
		return ""
	case limit == 1:
		return ellipsis
	}
	parts := make([]string, 0, limit)
	for _, r := range s {
		parts = append(parts, string(r))
	}
	return cutParts([]rune(s), parts, limit)
}

func fitClean(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	parts := escapeRunes(s)
	n := 0
	for _, p := range parts {
		n += count(p)
	}
	if n <= limit {
		return strings.Join(parts, "")
	}
	if limit < 2 {
		return ellipsis
	}
	return cutParts([]rune(s), parts, limit)
}

// cutParts keeps the longest prefix of parts (the rendering of each rune
// of rs) that fits limit-1 characters, backs off to a grapheme boundary and
// a near space, and adds the ellipsis.
func cutParts(rs []rune, parts []string, limit int) string {
	budget := limit - 1
	n, cut := 0, 0
	for cut < len(parts) {
		c := count(parts[cut])
		if n+c > budget {
			break
		}
		n += c
		cut++
	}
	for cut > 0 && cut < len(rs) && extends(rs[cut-1], rs[cut]) {
		cut--
	}
	if sp := lastSpace(rs[:cut]); sp > cut*2/3 {
		cut = sp
	}
	for cut > 0 && strings.ContainsRune(" \n,;:.", rs[cut-1]) {
		cut--
	}
	return strings.Join(parts[:cut], "") + ellipsis
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

// linkURL returns raw ready to go inside a masked link's parentheses: an
// absolute http or https URL without credentials, with the characters
// that would end or confuse the link percent-encoded. ok is false for
// anything else, which must not become a link.
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
	return urlEscaper.Replace(s), true
}

var urlEscaper = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D", `\`, "%5C")

// link renders a masked link [title](url) to raw, at most limit characters
// in all, its title escaped. A URL that is not a plain http(s) URL, or too
// long to fit, gives the title alone, unlinked.
func link(raw, title string, limit int) string {
	title = oneLine(title)
	u, ok := linkURL(raw)
	if ok && title == "" {
		title = "link"
	}
	if !ok || count(u)+4+min(count(title), 12) > limit {
		return fitClean(title, limit)
	}
	return "[" + fitClean(title, limit-4-count(u)) + "](" + u + ")"
}

// embedURL returns raw if it may be an embed's url (the title's link):
// http or https without credentials; "" otherwise.
func embedURL(raw string) string {
	if _, ok := linkURL(raw); !ok {
		return ""
	}
	return raw
}

// unmention puts a zero-width space after the @ of "@everyone" and
// "@here".
func unmention(s string) string {
	if !strings.Contains(s, "@everyone") && !strings.Contains(s, "@here") {
		return s
	}
	return mentionBreaker.Replace(s)
}

var mentionBreaker = strings.NewReplacer("@everyone", "@\u200beveryone", "@here", "@\u200bhere")
