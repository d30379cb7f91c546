package coverage

import "testing"

// FuzzLowerSameLen checks the path for ASCII text against the rune by
// rune one that any text takes.
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
