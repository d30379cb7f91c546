package eval

import (
	"strings"
	"testing"
)

func TestParseTruth(t *testing.T) {
	text := "# comment\nphase: ended\nworkers: 2400\nunion: National Union of Healthcare Workers\n" +
		"started: 2024-10-21\nended: 2025-05-04|2025-05-05\nduration_days: 196\n\n" +
		"q: Who mediates?\na: Ghaly & Steinberg | the governor\n" +
		"q: Is it over?\na: ended\nnot: not ended\n"
	got, err := ParseTruth([]byte(text))
	if err != nil {
		t.Fatalf("ParseTruth: %v", err)
	}
	if got.Phase != "ended" || got.Workers != 2400 || got.Started != "2024-10-21" || got.DurationDays != 196 ||
		len(got.Ended) != 2 || len(got.Questions) != 2 {
		t.Fatalf("ParseTruth = %+v", got)
	}
	q := got.Questions[0]
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"Dr. Mark Ghaly and Darrell Steinberg mediate the talks [1].", true},
		{"The mediators are   GHALY and steinberg.", true},
		{"Mark Ghaly mediates.", false},
		{"The Governor mediates.", true},
	} {
		if got := q.Matches(tt.sentence); got != tt.want {
			t.Errorf("Matches(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
	over := got.Questions[1]
	if !over.Matches("The strike ended on 5 May 2025.") || over.Matches("The strike has not ended.") {
		t.Error("Not phrases are not honored")
	}
}

func TestParseTruthErrors(t *testing.T) {
	const status = "phase: ended\nworkers: 2400\nunion: U\nstarted: 2024-10-21\nduration_days: 196\n"
	for _, tt := range []struct{ name, text, want string }{
		{"no colon", status + "just words\n", "key: value"},
		{"unknown key", status + "mood: calm\n", "unknown key"},
		{"repeated key", status + "phase: strike\n", "repeats"},
		{"answer first", status + "a: yes\n", "before any"},
		{"question without answer", status + "q: Why?\n", "no \"a:\""},
		{"bad date", strings.Replace(status, "2024-10-21", "Oct 21", 1), "YYYY-MM-DD"},
		{"bad workers", strings.Replace(status, "2400", "many", 1), "workers"},
		{"empty alternative", status + "q: Why?\na: x||y\n", "empty alternative"},
		{"no status", "q: Why?\na: x\n", "want phase"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTruth([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseTruth error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
