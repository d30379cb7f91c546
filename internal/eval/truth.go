package eval

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Truth is what a corpus supports at its end: the campaign's status and the
// answers to a supporter's questions.
type Truth struct {
	Phase   string
	Workers int
	Union   string
	Started string // YYYY-MM-DD
	// Ended holds the acceptable end dates (YYYY-MM-DD); DurationDays the
	// strike's length. A status gets the "ended" field right when it
	// reports one of Ended or, reporting no end date, DurationDays.
	Ended        []string
	DurationDays int
	Questions    []Question
}

// Question is a supporter's question and what the first sentence of a good
// answer states.
type Question struct {
	Text string
	// Want holds alternatives; an answer matches when it contains every
	// part of at least one alternative, ignoring case and runs of space.
	Want [][]string
	// Not holds phrases that make an answer wrong even when it matches
	// Want, such as "not over" for "Is the strike over?".
	Not []string
}

// Matches reports whether sentence states the expected answer.
func (q Question) Matches(sentence string) bool {
	s := fold(sentence)
	for _, n := range q.Not {
		if strings.Contains(s, fold(n)) {
			return false
		}
	}
	for _, alt := range q.Want {
		all := true
		for _, part := range alt {
			if !strings.Contains(s, fold(part)) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// fold lower-cases s, turns typographic apostrophes plain and collapses
// runs of space.
func fold(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// ParseTruth parses a truth file: "key: value" lines for the status
// (phase, workers, union, started, ended, duration_days), then questions,
// each a line "q: QUESTION" followed by a line "a: ANSWER" and optionally
// "not: PHRASE|PHRASE". An answer lists alternatives separated by "|"; an
// alternative that must state several things joins them with "&". Blank
// lines and lines starting with "#" are ignored.
func ParseTruth(data []byte) (Truth, error) {
	var t Truth
	var q *Question
	seen := map[string]bool{}
	for i, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || value == "" {
			return Truth{}, fmt.Errorf("line %d: want \"key: value\", got %q", n, line)
		}
		if key != "q" && key != "a" && key != "not" {
			if seen[key] {
				return Truth{}, fmt.Errorf("line %d: key %q repeats", n, key)
			}
			seen[key] = true
		}
		var err error
		switch key {
		case "phase":
			t.Phase = value
		case "workers":
			t.Workers, err = strconv.Atoi(value)
		case "union":
			t.Union = value
		case "started":
			err = checkDates(value)
			t.Started = value
		case "ended":
			t.Ended = strings.Split(value, "|")
			for _, e := range t.Ended {
				if err == nil {
					err = checkDates(e)
				}
			}
		case "duration_days":
			t.DurationDays, err = strconv.Atoi(value)
		case "q":
			t.Questions = append(t.Questions, Question{Text: value})
			q = &t.Questions[len(t.Questions)-1]
		case "a", "not":
			if q == nil {
				return Truth{}, fmt.Errorf("line %d: %q before any \"q:\"", n, key)
			}
			for alt := range strings.SplitSeq(value, "|") {
				alt = strings.TrimSpace(alt)
				if alt == "" {
					return Truth{}, fmt.Errorf("line %d: empty alternative", n)
				}
				if key == "not" {
					q.Not = append(q.Not, alt)
					continue
				}
				var parts []string
				for p := range strings.SplitSeq(alt, "&") {
					parts = append(parts, strings.TrimSpace(p))
				}
				q.Want = append(q.Want, parts)
			}
		default:
			return Truth{}, fmt.Errorf("line %d: unknown key %q", n, key)
		}
		if err != nil {
			return Truth{}, fmt.Errorf("line %d: %s: %w", n, key, err)
		}
	}
	for _, q := range t.Questions {
		if len(q.Want) == 0 {
			return Truth{}, fmt.Errorf("question %q has no \"a:\" line", q.Text)
		}
	}
	if t.Phase == "" || t.Workers == 0 || t.Union == "" || t.Started == "" || len(t.Ended) == 0 && t.DurationDays == 0 {
		return Truth{}, errors.New("want phase, workers, union, started and ended or duration_days")
	}
	return t, nil
}

func checkDates(s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("want a date YYYY-MM-DD, not %q", s)
	}
	return nil
}
