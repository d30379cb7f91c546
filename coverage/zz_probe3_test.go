package coverage

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZKind(t *testing.T) {
	qs := os.Getenv("ZZQ")
	if qs == "" {
		t.Skip()
	}
	ix := NewIndex(nil, nil)
	for _, q := range strings.Split(qs, ";") {
		p := ix.parseQuestionSpelt(ix.unjoin(q), false)
		fmt.Printf("%q: kind=%v fact=%v also=%v content=%v words=%v\n", q, p.kind, p.fact, p.also, p.content, p.words)
	}
}
