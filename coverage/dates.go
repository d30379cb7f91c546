package coverage

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates in news text are mostly relative to the publication date: "went on
// strike Monday", "since October", "talks resume next week". The helpers
// here find such phrases in a sentence and resolve them to calendar days.

// dateDir says which way an incomplete date ("Monday", "Oct. 14",
// "October") is resolved from the publication date.
type dateDir int

const (
	dirNearest dateDir = iota // the candidate nearest the publication date
	dirPast                   // the latest candidate on or before it
	dirFuture                 // the earliest candidate on or after it
)

const (
	reWeekday   = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	reMonthFull = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`
	reMonth     = `(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`
	reSmallNum  = `(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`
)

var (
	// dateRE finds date phrases; its alternatives are tried in order, so a
	// weekday followed by a month and day is one phrase.
	dateRE = regexp.MustCompile(
		`(?:` + capAlt("since", "on", "until", "by", "from") + `\s+)?(?:` + reWeekday + `,?\s+)?\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + reMonth + `(?:,?\s+\d{4}\b)?` +
			`|(?:` + capAlt("since", "on", "until", "by", "from") + `\s+)?(?:` + reWeekday + `,\s+)?` + reMonth + `\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?` +
			`|\b\d{4}-\d{2}-\d{2}\b` +
			`|(?:` + capAlt("since", "in", "until", "by", "through", "before", "after", "early", "late", "mid-", "mid") + `\s*)?\b` + reMonthFull + `\b(?:\s+\d{4}\b)?` +
			`|(?:` + capAlt("next", "last", "this") + `\s+)?\b` + reWeekday + `\b(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?` +
			`|\b(?:` + capAlt("today", "tonight", "yesterday", "tomorrow") + `|` + capAlt("this", "last", "next") + `\s+(?:week|month|year)|` + capAlt("this") + `\s+(?:morning|afternoon|evening)|[Aa]\s+week\s+(?:from\s+today|ago)|` +
			`(?:\d{1,3}|` + capAlt("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve") + `)\s+(?:days?|weeks?)\s+(?:ago|from\s+(?:today|now)))\b`)

	// dayMonthRE is the day-first form ("21 October 2024", "Monday 21
	// October", "the 5th of May"), which resolveDate reads as monthDayRE's.
	dayMonthRE = regexp.MustCompile(`^(?:((?i:since|on|until|by|from))\s+)?(?:(` + reWeekday + `),?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + reMonth + `)(?:,?\s+(\d{4}))?$`)
	monthDayRE = regexp.MustCompile(`^(?:((?i:since|on|until|by|from))\s+)?(?:(` + reWeekday + `),\s+)?(` + reMonth + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	isoRE      = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	monthRE    = regexp.MustCompile(`^(?:(?i:since|in|until|by|through|before|after|early|late|mid-|mid)\s*)?(` + reMonthFull + `)(?:\s+(\d{4}))?$`)
	weekdayRE  = regexp.MustCompile(`^(?:((?i:next|last|this))\s+)?(` + reWeekday + `)(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?$`)
	agoRE      = regexp.MustCompile(`(?i)^(` + reSmallNum + `)\s+(days?|weeks?)\s+(ago|from\s+(?:today|now))$`)
)

// capAlt returns a regular expression matching any of words, written in
// lower case or with a capital first letter. It is cheaper than (?i).
func capAlt(words ...string) string {
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = "[" + strings.ToUpper(w[:1]) + w[:1] + "]" + regexp.QuoteMeta(w[1:])
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// dateMention is a date phrase found in a text.
type dateMention struct {
	Start, End int    // byte offsets in the text
	Text       string // the phrase as written
}

// namesDay reports whether one of the date phrases of s names a day ("May
// 12", "12 May", "Monday", "today"), not a month or a year alone. Which
// day it is does not matter here, so a fixed publication date resolves it
// (in a leap year, so that "Feb. 29" is a day too).
func namesDay(s string) bool {
	for _, m := range findDates(s) {
		if _, day, ok := resolveDate(m.Text, namesDayRef, dirNearest); ok && day {
			return true
		}
	}
	return false
}

// namesDayRef is the publication date namesDay resolves phrases against.
var namesDayRef = time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

// findDates returns the date phrases of s in order.
func findDates(s string) []dateMention {
	if !mayHaveDate(s) {
		return nil
	}
	// Rather than running dateRE over the whole text, try it anchored at
	// the words that can begin or carry a date phrase (and at the word
	// before them, which may be "since" or "next").
	var out []dateMention
	prevStart, prevEnd := -1, -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !dateWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !dateWordRune(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		next := j
		if dateAnchor(w) {
			starts := []int{i}
			if prevStart >= 0 && dateLeads[strings.ToLower(s[prevStart:prevEnd])] {
				starts = []int{prevStart, i}
			}
			for _, st := range starts {
				if m := dateAtRE.FindStringIndex(s[st:windowEnd(s, st)]); m != nil && st+m[1] >= j {
					text := s[st : st+m[1]]
					if text == "May" {
						break // "May" alone is a verb more often than a month.
					}
					out = append(out, dateMention{Start: st, End: st + m[1], Text: text})
					next = st + m[1]
					break
				}
			}
		}
		prevStart, prevEnd = i, j
		if next > j {
			prevStart, prevEnd = -1, -1
		}
		i = next
	}
	return out
}

// dateAtRE is dateRE anchored at the start.
var dateAtRE = regexp.MustCompile(`^(?:` + dateRE.String() + `)`)

// windowEnd returns where to stop looking for a date phrase that starts
// at i: about 80 bytes on, at the end of a word.
func windowEnd(s string, i int) int {
	e := min(len(s), i+80)
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !dateWordRune(r) {
			break
		}
		e += n
	}
	return e
}

func dateWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// dateLeads are the words that may begin a date phrase before its anchor.
var dateLeads = map[string]bool{
	"since": true, "on": true, "until": true, "by": true, "from": true, "in": true, "through": true,
	"before": true, "after": true, "early": true, "late": true, "mid": true, "next": true, "last": true, "this": true,
}

// dateAnchors are the words, as written, that a date phrase holds.
var dateAnchors = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true,
}

// dateAnchorWords are the lower-cased words that may begin a relative date.
var dateAnchorWords = map[string]bool{
	"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "this": true, "last": true,
	"next": true, "a": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
}

func dateAnchor(w string) bool {
	if c := w[0]; c >= '0' && c <= '9' {
		return true
	}
	return dateAnchors[w] || dateAnchorWords[strings.ToLower(w)]
}

// dateHints are strings one of which every date phrase contains, in lower
// case.
var dateHints = []string{"day", "tomorrow", "tonight", "week", "month", "year",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// mayHaveDate reports whether s may hold a date phrase: a cheap test
// before the regular expression.
func mayHaveDate(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	l := strings.ToLower(s)
	for _, h := range dateHints {
		if strings.Contains(l, h) {
			return true
		}
	}
	return false
}

// ResolveDate resolves a date phrase against an article's publication date
// and reports whether it understood the phrase. It knows explicit dates
// ("April 28, 2025", "Oct. 14", "March 10th", "2025-03-10"), months ("since
// October", "in March": the month's first day), weekdays ("Monday", "Sunday
// night", "last Friday", "next Tuesday"), and relative words ("today",
// "yesterday", "last week", "next month", "three days ago", "a week from
// today"). A weekday alone is the latest such day on or before publication,
// as news reports what happened; a month alone is the latest such month
// that has begun; a month and day without a year is the one nearest the
// publication date, unless a weekday is written with it ("Monday, March
// 10"): then it is the nearest such date that falls on that weekday. The
// result is a calendar day at midnight UTC. The day of publication is
// taken in published's own location: pass published.In(loc) to resolve
// "today" or "yesterday" by the calendar of the zone loc.
func ResolveDate(phrase string, published time.Time) (time.Time, bool) {
	phrase = strings.TrimSpace(phrase)
	dir := dirNearest
	if l := strings.ToLower(phrase); strings.HasPrefix(l, "since ") || strings.HasPrefix(l, "last ") {
		dir = dirPast
	}
	d, _, ok := resolveDate(phrase, published, dir)
	return d, ok
}

// resolveDate resolves phrase as ResolveDate does, resolving incomplete
// dates in direction dir (weekdays without a direction go to the past). It
// also reports whether the result is a whole day rather than a month.
func resolveDate(phrase string, published time.Time, dir dateDir) (d time.Time, day bool, ok bool) {
	pub := dayOf(published)
	if m := isoRE.FindStringSubmatch(phrase); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		dd, _ := strconv.Atoi(m[3])
		t, ok := makeDate(y, time.Month(mo), dd)
		return t, true, ok
	}
	if m := dayMonthRE.FindStringSubmatch(phrase); m != nil {
		phrase = m[4] + " " + m[3]
		if m[2] != "" {
			phrase = m[2] + ", " + phrase
		}
		if m[1] != "" {
			phrase = m[1] + " " + phrase
		}
		if m[5] != "" {
			phrase += ", " + m[5]
		}
	}
	if m := monthDayRE.FindStringSubmatch(phrase); m != nil {
		mo, ok := monthByName(m[3])
		if !ok {
			return time.Time{}, false, false
		}
		dd, _ := strconv.Atoi(m[4])
		if m[5] != "" {
			y, _ := strconv.Atoi(m[5])
			t, ok := makeDate(y, mo, dd)
			return t, true, ok
		}
		switch strings.ToLower(m[1]) {
		case "since":
			dir = dirPast
		case "until", "by":
			dir = dirFuture
		}
		var cands []time.Time
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			if t, ok := makeDate(y, mo, dd); ok {
				cands = append(cands, t)
			}
		}
		// "Monday, March 10": the weekday names the year, the one near
		// publication in which they agree.
		if wd, ok := weekdayByName(m[2]); ok {
			agree := cands[:0:0]
			for _, c := range cands {
				if c.Weekday() == wd {
					agree = append(agree, c)
				}
			}
			if len(agree) > 0 {
				t, ok := pick(agree, pub, dirNearest)
				return t, true, ok
			}
		}
		t, ok := pick(cands, pub, dir)
		return t, true, ok
	}
	if m := monthRE.FindStringSubmatch(phrase); m != nil {
		mo, _ := monthByName(m[1])
		if m[2] != "" {
			y, _ := strconv.Atoi(m[2])
			t, ok := makeDate(y, mo, 1)
			return t, false, ok
		}
		lower := strings.ToLower(phrase)
		switch {
		case strings.HasPrefix(lower, "since"), strings.HasPrefix(lower, "after"):
			dir = dirPast
		case strings.HasPrefix(lower, "until"), strings.HasPrefix(lower, "by"):
			if dir == dirNearest {
				dir = dirFuture
			}
		}
		if dir == dirNearest {
			dir = dirPast // a month alone: the latest that has begun
		}
		var cands []time.Time
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			t, _ := makeDate(y, mo, 1)
			cands = append(cands, t)
		}
		if dir == dirFuture {
			// A month that has begun is still "upcoming" until it ends.
			t, ok := pick(cands, pub.AddDate(0, -1, 1), dirFuture)
			return t, false, ok
		}
		t, ok := pick(cands, pub, dirPast)
		return t, false, ok
	}
	if m := weekdayRE.FindStringSubmatch(phrase); m != nil {
		wd, _ := weekdayByName(m[2])
		mod := strings.ToLower(m[1])
		diff := int(wd - pub.Weekday())
		switch {
		case mod == "next" || (mod == "" && dir == dirFuture):
			if diff < 0 || (diff == 0 && mod == "next") {
				diff += 7
			}
		case mod == "last":
			if diff >= 0 {
				diff -= 7
			}
		case mod == "this" && dir != dirPast:
			if diff < 0 {
				diff += 7
			}
		default:
			if diff > 0 {
				diff -= 7
			}
		}
		return pub.AddDate(0, 0, diff), true, true
	}
	lower := strings.ToLower(strings.Join(strings.Fields(phrase), " "))
	switch lower {
	case "today", "tonight", "this week", "this morning", "this afternoon", "this evening":
		return pub, lower != "this week", true
	case "yesterday":
		return pub.AddDate(0, 0, -1), true, true
	case "tomorrow":
		return pub.AddDate(0, 0, 1), true, true
	case "last week", "a week ago":
		return pub.AddDate(0, 0, -7), lower == "a week ago", true
	case "next week", "a week from today":
		return pub.AddDate(0, 0, 7), lower == "a week from today", true
	case "this month":
		return time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC), false, true
	case "last month":
		return time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC), false, true
	case "next month":
		return time.Date(pub.Year(), pub.Month()+1, 1, 0, 0, 0, 0, time.UTC), false, true
	case "this year":
		return time.Date(pub.Year(), 1, 1, 0, 0, 0, 0, time.UTC), false, true
	case "last year":
		return time.Date(pub.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC), false, true
	case "next year":
		return time.Date(pub.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC), false, true
	}
	if m := agoRE.FindStringSubmatch(lower); m != nil {
		n, ok := smallNumber(m[1])
		if !ok || n > 1000 {
			return time.Time{}, false, false
		}
		if strings.HasPrefix(m[2], "week") {
			n *= 7
		}
		if m[3] == "ago" {
			n = -n
		}
		return pub.AddDate(0, 0, n), true, true
	}
	return time.Time{}, false, false
}

// dayOf returns t's calendar day, taken in t's own location, at midnight
// UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// inZone returns t in loc, the zone whose calendar dates an article's
// relative dates, or in UTC when loc is nil.
func inZone(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t.UTC()
	}
	return t.In(loc)
}

// makeDate returns the day, reporting false for days that do not exist
// ("February 30") and years outside 1900–2200.
func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// pick chooses among candidate days (in increasing order) the one dir
// asks for relative to pub.
func pick(cands []time.Time, pub time.Time, dir dateDir) (time.Time, bool) {
	if len(cands) == 0 {
		return time.Time{}, false
	}
	switch dir {
	case dirPast:
		for i := len(cands) - 1; i >= 0; i-- {
			if !cands[i].After(pub) {
				return cands[i], true
			}
		}
		return cands[0], true
	case dirFuture:
		for _, c := range cands {
			if !c.Before(pub) {
				return c, true
			}
		}
		return cands[len(cands)-1], true
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if absDur(c.Sub(pub)) < absDur(best.Sub(pub)) {
			best = c
		}
	}
	return best, true
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// monthByName understands full month names and their usual abbreviations,
// with or without a period.
func monthByName(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	if s == "sept" {
		return time.September, true
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) == 3 && strings.HasPrefix(name, s)) {
			return m, true
		}
	}
	return 0, false
}

func weekdayByName(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(s, d.String()) {
			return d, true
		}
	}
	return 0, false
}

// smallNumbers are the number words news spells out.
var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// smallNumber reads a number written in digits ("196", "2,400") or in
// words ("four", "one hundred", "a hundred", "twenty-five").
func smallNumber(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		return n, err == nil && n >= 0
	}
	total, cur, any := 0, 0, false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "a", "an", "and":
			if w != "and" {
				cur = max(cur, 1)
			}
			continue
		case "hundred":
			cur = max(cur, 1) * 100
		case "thousand":
			total += max(cur, 1) * 1000
			cur = 0
		default:
			n, ok := smallNumbers[w]
			if !ok {
				return 0, false
			}
			cur += n
		}
		any = true
	}
	if !any {
		return 0, false
	}
	return total + cur, true
}
