package feeds

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns body as UTF-8 for the XML and JSON parsers, following these
// rules, first match wins:
//
//  1. A byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); so do the
//     unmistakable first bytes of BOM-less UTF-16 XML ("<\x00?\x00").
//  2. Bytes that are valid UTF-8 are UTF-8, whatever the XML declaration or
//     the Content-Type says. Text in a single-byte encoding that contains
//     non-ASCII characters is practically never valid UTF-8, while
//     "declared ISO-8859-1, actually UTF-8" is a common server mistake;
//     decoding such a body as Latin-1 would turn "é" into "Ã©".
//  3. Otherwise the encoding named by the XML declaration, then the charset
//     of the Content-Type, is used; a label naming UTF-8 (which the bytes
//     just disproved) or an unknown label is skipped.
//  4. With no usable label, a body that is mostly UTF-8 (more valid
//     multi-byte sequences than invalid bytes) keeps its UTF-8 and loses the
//     invalid bytes; anything else is decoded as windows-1252, the usual
//     encoding of unlabelled Western text and a superset of ISO-8859-1's
//     printable range.
//
// When the result carries an XML declaration naming another encoding, the
// declaration is rewritten to say UTF-8, so that the XML decoder does not
// decode the text a second time. body itself is never modified; the result
// may share its memory.
func toUTF8(body []byte, contentType string) []byte {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		body = body[3:]
	case bytes.HasPrefix(body, []byte("\xFF\xFE")), bytes.HasPrefix(body, []byte("<\x00?\x00")):
		return fixDeclaration(decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), body))
	case bytes.HasPrefix(body, []byte("\xFE\xFF")), bytes.HasPrefix(body, []byte("\x00<\x00?")):
		return fixDeclaration(decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), body))
	}
	if utf8.Valid(body) {
		return fixDeclaration(body)
	}
	for _, label := range []string{declaredEncoding(body), contentTypeCharset(contentType)} {
		if label == "" {
			continue
		}
		enc, name := charset.Lookup(label)
		if enc == nil || name == "utf-8" {
			continue
		}
		return fixDeclaration(decodeWith(enc, body))
	}
	if mostlyUTF8(body) {
		return fixDeclaration(bytes.ToValidUTF8(body, nil))
	}
	return fixDeclaration(decodeWith(charmap.Windows1252, body))
}

// decodeWith decodes b with enc. Decoders in x/text replace what they cannot
// decode, so an error here only means a broken decoder; then the invalid
// bytes are dropped instead.
func decodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return bytes.ToValidUTF8(b, nil)
	}
	return bytes.ToValidUTF8(out, nil)
}

// mostlyUTF8 reports whether b has more valid multi-byte UTF-8 sequences
// than bytes that are not part of one.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		b = b[size:]
	}
	return valid > invalid
}

// contentTypeCharset returns the charset parameter of an HTTP Content-Type
// value, or "".
func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// xmlDeclaration returns the bounds of an XML declaration ("<?xml … ?>") at
// the start of b, after optional whitespace, or ok == false.
func xmlDeclaration(b []byte) (start, end int, ok bool) {
	start = len(b) - len(bytes.TrimLeft(b, " \t\r\n"))
	if !bytes.HasPrefix(b[start:], []byte("<?xml")) {
		return 0, 0, false
	}
	rest := b[start:]
	if len(rest) > 512 {
		rest = rest[:512]
	}
	i := bytes.Index(rest, []byte("?>"))
	if i < 0 {
		return 0, 0, false
	}
	return start, start + i + 2, true
}

// declaredEncoding returns the encoding named by the XML declaration at the
// start of b, or "".
func declaredEncoding(b []byte) string {
	start, end, ok := xmlDeclaration(b)
	if !ok {
		return ""
	}
	decl := string(b[start:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := strings.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return strings.TrimSpace(rest[1 : 1+j])
}

// fixDeclaration replaces an XML declaration that names an encoding other
// than UTF-8 by a plain one, since b is UTF-8 by now.
func fixDeclaration(b []byte) []byte {
	label := declaredEncoding(b)
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return b
	}
	start, end, _ := xmlDeclaration(b)
	const plain = `<?xml version="1.0" encoding="UTF-8"?>`
	out := make([]byte, 0, len(b)-(end-start)+len(plain))
	out = append(out, b[:start]...)
	out = append(out, plain...)
	return append(out, b[end:]...)
}

// dropBadCharRefs removes numeric character references to code points that
// XML forbids (such as "&#0;", "&#x1;" or "&#xD800;"), which would
// otherwise make the XML decoder reject the whole feed over one character.
// JSON bodies and bodies without such references are returned as they are.
func dropBadCharRefs(b []byte) []byte {
	i := bytes.Index(b, []byte("&#"))
	if i < 0 {
		return b
	}
	var out []byte // nil until the first bad reference
	last := 0      // b[last:] is not yet copied to out
	for i >= 0 {
		n, r, ok := charRef(b[i:])
		if ok && !xmlChar(r) {
			if out == nil {
				out = make([]byte, 0, len(b))
			}
			out = append(out, b[last:i]...)
			last = i + n
		}
		next := bytes.Index(b[i+2:], []byte("&#"))
		if next < 0 {
			break
		}
		i += 2 + next
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// charRef parses the numeric character reference at the start of b
// ("&#65;" or "&#x41;") and returns its length and code point.
func charRef(b []byte) (n int, r rune, ok bool) {
	n, v, ok := charRefValue(b)
	return n, rune(v), ok
}

// charRefValue parses the numeric character reference at the start of s
// ("&#65;" or "&#x41;", up to nine digits) and returns its length and
// value, which may be beyond any code point.
func charRefValue[T string | []byte](s T) (n, v int, ok bool) {
	i, base := 2, 10
	if len(s) > 2 && (s[2] == 'x' || s[2] == 'X') {
		i, base = 3, 16
	}
	start := i
	for ; i < len(s) && i-start < 9; i++ {
		d := digitVal(s[i])
		if d < 0 || d >= base {
			break
		}
		v = v*base + d
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return 0, 0, false
	}
	return i + 1, v, true
}

func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// xmlChar reports whether r is a character XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
