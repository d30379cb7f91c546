package coverage

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZPhase(t *testing.T) {
	qs := os.Getenv("ZZS")
	if qs == "" {
		t.Skip()
	}
	for _, s := range strings.Split(qs, "|") {
		l := lowerSameLen(s)
		fmt.Printf("%q -> %q\n", s, sentencePhase(l))
		for k, sig := range phaseSignals {
			for _, m := range sig.re.FindAllStringIndex(l, -1) {
				fmt.Printf("   sig %d %s: %q\n", k, sig.phase, l[m[0]:m[1]])
			}
		}
	}
}
