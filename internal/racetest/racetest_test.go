package racetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCIRunsEverySkippedTest: a test that skips itself under -race is run
// by no one unless .ci/run names it in its run without -race.
func TestCIRunsEverySkippedTest(t *testing.T) {
	root := filepath.Join("..", "..")
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	skipper := regexp.MustCompile(`func (Test\w+)\(t \*testing\.T\) \{\n\tracetest\.SkipLong\(t\)`)
	found := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range skipper.FindAllSubmatch(b, -1) {
			found++
			if !regexp.MustCompile(`[(|]` + string(m[1]) + `[|)]`).Match(ci) {
				t.Errorf("%s: %s skips under -race but .ci/run does not run it without -race", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Error("found no test calling racetest.SkipLong; the pattern above is out of date")
	}
	t.Logf("%d tests skip under -race, all run by .ci/run without it", found)
}
