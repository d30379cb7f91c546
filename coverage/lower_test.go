package coverage

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerSameLenRunes is lowerSameLen rune by rune, as it was written
// before its path for ASCII text.
func lowerSameLenRunes(s string) string {
	return strings.Map(func(r rune) rune {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			return r
		}
		return l
	}, s)
}

func FuzzLowerSameLen(f *testing.F) {
	for _, s := range []string{"", "Kaiser Permanente", "NUHW’s STRIKE", "İstanbul", "\u212a", "a\xffB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := lowerSameLen(s), lowerSameLenRunes(s)
		if got != want {
			t.Fatalf("lowerSameLen(%q) = %q, want %q", s, got, want)
		}
	})
}
