package demo

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

func loadCorpus(tb testing.TB) []Doc {
	tb.Helper()
	docs, err := Corpus()
	if err != nil {
		tb.Fatalf("Corpus: %v", err)
	}
	return docs
}

func TestCorpusShape(t *testing.T) {
	docs := loadCorpus(t)
	if got, want := len(docs), 48; got < want {
		t.Fatalf("len(Corpus()) = %d, want at least %d", got, want)
	}
	byID := make(map[string]Doc, len(docs))
	for i, d := range docs {
		if _, dup := byID[d.ID]; dup {
			t.Errorf("id %q repeats", d.ID)
		}
		byID[d.ID] = d
		if i > 0 {
			prev := docs[i-1]
			if d.Published.Before(prev.Published) || d.Published.Equal(prev.Published) && d.ID < prev.ID {
				t.Errorf("Corpus order: %s before %s", prev.ID, d.ID)
			}
		}
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) { checkDoc(t, d, byID) })
	}
}

// checkDoc checks one doc's labels for validity and consistency.
func checkDoc(t *testing.T, d Doc, byID map[string]Doc) {
	t.Helper()
	if d.Outlet == "" || d.Feed == "" || d.Title == "" || d.Published.IsZero() {
		t.Errorf("missing outlet, feed, title or date: %+v", d)
	}
	if !strings.HasPrefix(d.ID, d.Published.Format(time.DateOnly)) {
		t.Errorf("id %q does not start with its date %s", d.ID, d.Published.Format(time.DateOnly))
	}
	if n := len(strings.Fields(d.Body)); n < 120 || n > 400 {
		t.Errorf("body has %d words, want 120 to 400", n)
	}
	if d.FirstSentence() == "" || len(d.FirstSentence()) > 400 {
		t.Errorf("FirstSentence() = %q", d.FirstSentence())
	}
	wantPrefix := map[strike.Tier][]string{
		strike.TierCore:    {"socal-"},
		strike.TierRelated: {"kp-labor-"},
		strike.TierNone:    {"kp-", "strike-", "trap-", ""},
	}[d.Tier]
	if !slices.ContainsFunc(wantPrefix, func(p string) bool { return strings.HasPrefix(d.Story, p) }) ||
		d.Tier == strike.TierNone && strings.HasPrefix(d.Story, "kp-labor-") {
		t.Errorf("tier %s with story %q, want a story starting with one of %q", d.Tier, d.Story, wantPrefix)
	}
	if d.Story == "" && d.Tier != strike.TierNone {
		t.Errorf("tier %s with no story", d.Tier)
	}
	if d.Tier == strike.TierNone && !isZeroFacts(d.Facts) {
		t.Errorf("tier none carries facts %+v", d.Facts)
	}
	if d.Snippet && d.Tier != strike.TierCore {
		t.Errorf("snippet on a %s article; snippets are for core articles", d.Tier)
	}
	f := d.Facts
	if d.Tier == strike.TierCore {
		if f.Phase == "" || f.Employer != "Kaiser Permanente" || f.Union != "National Union of Healthcare Workers" {
			t.Errorf("core facts lack phase, employer or union: %+v", f)
		}
		if f.Started != "" && f.Started != strikeStarted {
			t.Errorf("facts.started = %q, want %s", f.Started, strikeStarted)
		}
		if f.DurationDays != 0 && f.DurationDays != strikeDays && f.DurationDays != 100 {
			t.Errorf("facts.duration_days = %d, want 100 or %d", f.DurationDays, strikeDays)
		}
	}
	for _, e := range f.Events {
		if !mentionsDay(t, d, e.Date) {
			t.Errorf("event %v: the body never names the day", e)
		}
	}
	if f.Workers != 0 && !strings.Contains(d.Body, fmt.Sprintf("%d,%03d", f.Workers/1000, f.Workers%1000)) {
		t.Errorf("facts.workers = %d, not in the body", f.Workers)
	}
	if f.DurationDays != 0 && !strings.Contains(d.Body, fmt.Sprint(f.DurationDays)) &&
		!strings.Contains(strings.ToLower(d.Body), "one hundred days") {
		t.Errorf("facts.duration_days = %d, not in the body", f.DurationDays)
	}
	if f.Offer != "" && !strings.Contains(d.Body, strings.Fields(f.Offer)[0]) {
		t.Errorf("facts.offer = %q, not in the body", f.Offer)
	}
	if d.CopyOf != "" {
		orig, ok := byID[d.CopyOf]
		switch {
		case !ok:
			t.Errorf("copy_of %q is not in the corpus", d.CopyOf)
		case orig.CopyOf != "":
			t.Errorf("copy_of %q is itself a copy", d.CopyOf)
		case orig.Story != d.Story || orig.Tier != d.Tier:
			t.Errorf("copy has story %q tier %s, original %q tier %s", d.Story, d.Tier, orig.Story, orig.Tier)
		case orig.Feed == d.Feed || orig.Outlet == d.Outlet:
			t.Errorf("copy is in the original's own feed %q", d.Feed)
		case d.Published.Before(orig.Published):
			t.Errorf("copy published %v before the original %v", d.Published, orig.Published)
		case d.Title == orig.Title:
			t.Errorf("copy keeps the original headline %q", d.Title)
		case d.Body == orig.Body:
			t.Error("copy body is identical to the original; want small edits")
		}
	}
}

// mentionsDay reports whether d's body names the day date as news writes
// it: "March 10", "Oct. 21", or the weekday when the day is the day of
// publication.
func mentionsDay(t *testing.T, d Doc, date string) bool {
	t.Helper()
	day, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatalf("bad event date %q", date)
	}
	ap := map[time.Month]string{time.January: "Jan.", time.February: "Feb.", time.August: "Aug.",
		time.September: "Sept.", time.October: "Oct.", time.November: "Nov.", time.December: "Dec."}[day.Month()]
	if ap == "" {
		ap = day.Month().String()
	}
	forms := []string{day.Format("January 2"), fmt.Sprintf("%s %d", ap, day.Day())}
	if day.Format(time.DateOnly) == d.Published.Format(time.DateOnly) {
		forms = append(forms, day.Weekday().String())
	}
	return slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(d.Body, f) })
}

func TestCorpusCoverage(t *testing.T) {
	docs := loadCorpus(t)
	count := map[string]int{}
	outlets := map[string]map[string]bool{} // core story → original outlets
	feeds := map[string]bool{}
	for _, d := range docs {
		feeds[d.Feed] = true
		if d.CopyOf != "" {
			count["copy"]++
		}
		if d.Snippet {
			count["snippet"]++
		}
		switch {
		case d.Tier == strike.TierCore:
			count["core"]++
			if d.CopyOf == "" {
				if outlets[d.Story] == nil {
					outlets[d.Story] = map[string]bool{}
				}
				outlets[d.Story][d.Outlet] = true
			}
		case d.Tier == strike.TierRelated:
			count["related"]++
		case strings.HasPrefix(d.Story, "kp-"):
			count["kaiser-other"]++
		case strings.HasPrefix(d.Story, "strike-"):
			count["other-strike"]++
		default:
			count["trap"]++
		}
	}
	for _, c := range []struct {
		name string
		min  int
	}{
		{"core", 20}, {"copy", 5}, {"related", 8}, {"kaiser-other", 6}, {"other-strike", 5}, {"trap", 6}, {"snippet", 6},
	} {
		if got := count[c.name]; got < c.min {
			t.Errorf("%s articles = %d, want at least %d", c.name, got, c.min)
		}
	}
	if got, want := len(feeds), 6; got < want {
		t.Errorf("feeds = %d, want at least %d", got, want)
	}

	// Every key moment of the strike, covered by 2 to 4 outlets.
	moments := []string{
		"socal-contract-expires", "socal-strike-threat", "socal-strike-begins", "socal-picket-rally",
		"socal-talks-stall", "socal-mediation-begins", "socal-tentative-agreement", "socal-ratified",
		"socal-return-to-work",
	}
	for _, story := range moments {
		if n := len(outlets[story]); n < 2 || n > 4 {
			t.Errorf("story %s: %d outlets wrote originals, want 2 to 4", story, n)
		}
	}
	for story, o := range outlets {
		if len(o) < 2 {
			t.Errorf("core story %s has a single outlet", story)
		}
	}

	// Phases advance with time: no core article goes back to an earlier one
	// than the latest before it, except copies published the same day.
	rank := map[string]int{}
	for i, p := range Phases() {
		rank[p] = i
	}
	high, highID := -1, ""
	for _, d := range docs {
		if d.Tier != strike.TierCore {
			continue
		}
		r := rank[d.Facts.Phase]
		if r < high {
			t.Errorf("%s: phase %s after %s reached %s", d.ID, d.Facts.Phase, highID, Phases()[high])
		}
		if r > high {
			high, highID = r, d.ID
		}
	}
}

func TestParseErrors(t *testing.T) {
	const header = "id: x\noutlet: O\nfeed: f\npublished: 2024-10-21T16:00:00Z\ntitle: T\n" +
		"tier: core\nstory: s\nsnippet: false\ncopy_of: -\n"
	tests := []struct {
		name string
		file string
		text string
		line int    // 0: no line in the message
		want string // a fragment of the message
	}{
		{"no separator", "x.txt", header, 9, `no line "---"`},
		{"no separator, no newline", "x.txt", "id: x", 1, `no line "---"`},
		{"unknown key", "x.txt", "id: x\nmood: sunny\n---\nb\n", 2, `mood: unknown key`},
		{"no colon", "x.txt", "id: x\njust words\n---\nb\n", 2, `has no "key: value"`},
		{"duplicate key", "x.txt", "id: x\nid: x\n---\nb\n", 2, `"id" repeats line 1`},
		{"empty value", "x.txt", "id: x\noutlet:\n---\nb\n", 2, `no value`},
		{"blank header line", "x.txt", "id: x\n\noutlet: O\n---\nb\n", 2, `blank line`},
		{"bad tier", "x.txt", strings.Replace(header, "tier: core", "tier: maybe", 1) + "---\nb\n", 6, `unknown tier "maybe"`},
		{"bad date", "x.txt", strings.Replace(header, "2024-10-21T16:00:00Z", "21 Oct 2024", 1) + "---\nb\n", 4, `published`},
		{"bad undated", "x.txt", header + "undated: someday\n---\nb\n", 10, `undated`},
		{"bad snippet", "x.txt", strings.Replace(header, "snippet: false", "snippet: perhaps", 1) + "---\nb\n", 8, `snippet`},
		{"bad id", "x.txt", "id: X Y\n---\nb\n", 1, `lower-case`},
		{"bad phase", "x.txt", header + "facts.phase: striking\n---\nb\n", 10, `unknown phase "striking"`},
		{"bad workers", "x.txt", header + "facts.workers: 2,400\n---\nb\n", 10, `positive whole number`},
		{"negative duration", "x.txt", header + "facts.duration_days: -3\n---\nb\n", 10, `positive whole number`},
		{"bad started", "x.txt", header + "facts.started: Oct 21\n---\nb\n", 10, `YYYY-MM-DD`},
		{"bad event date", "x.txt", header + "facts.events: 2025-03-10 mediation; March 13 vote\n---\nb\n", 10, `"March 13 vote"`},
		{"event without what", "x.txt", header + "facts.events: 2025-03-10\n---\nb\n", 10, `says nothing after the date`},
		{"empty demand", "x.txt", header + "facts.demands: pay;;pensions\n---\nb\n", 10, `empty entry`},
		{"missing key", "x.txt", "id: x\n---\nb\n", 2, `lacks "outlet"`},
		{"name mismatch", "y.txt", header + "---\nb\n", 1, `does not match the file name`},
		{"copy of itself", "x.txt", strings.Replace(header, "copy_of: -", "copy_of: x", 1) + "---\nb\n", 9, `copy of itself`},
		{"empty body", "x.txt", header + "---\n\n  \n", 11, `empty body`},
		{"facts on tier none", "x.txt", strings.Replace(header, "tier: core", "tier: none", 1) + "facts.workers: 3\n---\nb\n", 11, `tier none carries facts`},
		{"not utf-8", "x.txt", "id: \xff\n---\nb\n", 0, `UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.text))
			if err == nil {
				t.Fatal("Parse: got no error")
			}
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("errors.Is(%v, ErrMalformed) = false", err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if got, want := pe.Line, tt.line; got != want {
				t.Errorf("line = %d, want %d (%v)", got, want, err)
			}
			prefix := fmt.Sprintf("demo: %s:%d: ", tt.file, tt.line)
			if tt.line == 0 {
				prefix = fmt.Sprintf("demo: %s: ", tt.file)
			}
			if got := err.Error(); !strings.HasPrefix(got, prefix) || !strings.Contains(got, tt.want) {
				t.Errorf("error = %q, want prefix %q and %q", got, prefix, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	text := "id: 2025-05-05-deal\r\noutlet: Coastline Courier\r\nfeed: coastline\r\n" +
		"published: 2025-05-05T11:00:00-07:00\r\ntitle: Deal & vote\r\nauthor: A. Writer\r\ntier: core\r\n" +
		"story: socal-tentative-agreement\r\nsnippet: true\r\ncopy_of: -\r\nfacts.phase: tentative_agreement\r\n" +
		"facts.workers: 2400\r\nfacts.duration_days: 196\r\nfacts.demands: restore pensions ; pay parity\r\n" +
		"facts.events: 2025-05-08 ratification vote; 2025-03-10 mediation begins\r\n---\r\n\r\n" +
		"First line\r\ncontinues here. Second sentence.\r\n\r\n\r\nSecond paragraph.\r\n"
	got, err := Parse("2025-05-05-deal.txt", []byte(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := Doc{
		ID: "2025-05-05-deal", Outlet: "Coastline Courier", Feed: "coastline", Title: "Deal & vote",
		Author: "A. Writer", Body: "First line continues here. Second sentence.\n\nSecond paragraph.",
		Published: time.Date(2025, 5, 5, 18, 0, 0, 0, time.UTC), Tier: strike.TierCore,
		Story: "socal-tentative-agreement", Snippet: true,
		Facts: strike.Facts{
			Phase: "tentative_agreement", Workers: 2400, DurationDays: 196,
			Demands: []string{"restore pensions", "pay parity"},
			Events: []strike.Event{
				{Date: "2025-05-08", What: "ratification vote"},
				{Date: "2025-03-10", What: "mediation begins"},
			},
		},
	}
	if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
		t.Errorf("Parse:\n got %#v\nwant %#v", got, want)
	}
	if got, want := got.FirstSentence(), "First line continues here."; got != want {
		t.Errorf("FirstSentence() = %q, want %q", got, want)
	}
	if got, want := len(got.Paragraphs()), 2; got != want {
		t.Errorf("len(Paragraphs()) = %d, want %d", got, want)
	}
}

func TestParseUndated(t *testing.T) {
	const header = "id: x\noutlet: O\nfeed: f\npublished: 2024-10-14T16:00:00Z\ntitle: T\n" +
		"tier: none\nstory: -\nsnippet: true\ncopy_of: -\n"
	tests := []struct {
		name, extra string
		want        bool
	}{
		{"absent", "", false},
		{"true", "undated: true\n", true},
		{"false", "undated: false\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("x.txt", []byte(header+tt.extra+"---\nBody.\n"))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.Undated != tt.want {
				t.Errorf("Undated = %v, want %v", d.Undated, tt.want)
			}
			if want := time.Date(2024, 10, 14, 16, 0, 0, 0, time.UTC); !d.Published.Equal(want) {
				t.Errorf("Published = %v, want %v (kept for ordering)", d.Published, want)
			}
		})
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One. Two.", "One."},
		{"Gov. Gavin Newsom urged talks. Kaiser agreed.", "Gov. Gavin Newsom urged talks."},
		{"The strike began Oct. 21 in Southern California. More.", "The strike began Oct. 21 in Southern California."},
		{"Prices rose 3.5 percent. Then fell.", "Prices rose 3.5 percent."},
		{`"We are done," she said. Then left.`, `"We are done," she said.`},
		{`He asked, "Why now?" Nobody knew.`, `He asked, "Why now?"`},
		{"PORTLAND, Ore. (Wire) - Nurses struck. More.", "PORTLAND, Ore. (Wire) - Nurses struck."},
		{"Jane Q. Public voted. Done.", "Jane Q. Public voted."},
		{"No full stop at all", "No full stop at all"},
	}
	for _, tt := range tests {
		if got := (Doc{Body: tt.in}).FirstSentence(); got != tt.want {
			t.Errorf("FirstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	docs, err := Corpus()
	if err != nil {
		f.Fatal(err)
	}
	for _, d := range docs[:5] {
		data, err := articleFiles.ReadFile("articles/" + d.ID + ".txt")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(d.ID+".txt", data)
	}
	f.Add("x.txt", []byte("id: x\n---\n"))
	f.Add("x.txt", []byte("facts.events: 2025-01-01 a;b\n---\nb"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := Parse(name, data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v is not a *ParseError wrapping ErrMalformed", err)
			}
			if !strings.HasPrefix(err.Error(), "demo: "+name) {
				t.Fatalf("error %q does not name the file %q", err, name)
			}
			return
		}
		if name != d.ID+".txt" || d.Body == "" || d.Published.IsZero() {
			t.Fatalf("accepted doc %+v from %q", d, name)
		}
		switch d.Tier {
		case strike.TierCore, strike.TierRelated, strike.TierNone:
		default:
			t.Fatalf("accepted tier %q", d.Tier)
		}
		if d.Facts.Phase != "" && !slices.Contains(Phases(), d.Facts.Phase) {
			t.Fatalf("accepted phase %q", d.Facts.Phase)
		}
		for _, e := range d.Facts.Events {
			if _, err := time.Parse(time.DateOnly, e.Date); err != nil || e.What == "" {
				t.Fatalf("accepted event %+v", e)
			}
		}
	})
}

func BenchmarkCorpus(b *testing.B) {
	for b.Loop() {
		if _, err := Corpus(); err != nil {
			b.Fatal(err)
		}
	}
}

// The strike's public timeline, which the corpus must tell: a union member
// notices a wrong date at once.
const (
	strikeStarted = "2024-10-21" // Monday: the open-ended strike begins (day 1)
	strikeDays    = 196          // to the tentative agreement, as news reports counted
)

// TestCorpusTimeline checks the core articles' labels against the strike's
// public timeline: each phase is reported only from the day it began (in
// Southern California's time), day counts only once reached, and dated
// events on their real dates.
func TestCorpusTimeline(t *testing.T) {
	pacific := time.FixedZone("PDT", -7*60*60) // both October 2024 and May 2025 fall in daylight time
	date := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, pacific)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var (
		started   = date(strikeStarted)
		mediation = date("2025-03-10") // mediation begins, a Monday
		day100    = started.AddDate(0, 0, 99)
		agreement = date("2025-05-04") // tentative agreement, Sunday night
		ratified  = date("2025-05-08") // members ratify, Thursday
	)
	if got := day100.Format(time.DateOnly); got != "2025-01-28" {
		t.Fatalf("day 100 = %s, want 2025-01-28", got)
	}
	if got := int(agreement.Sub(started).Hours()/24) + 1; got != strikeDays {
		t.Fatalf("the agreement came on day %d, want %d", got, strikeDays)
	}
	// Each phase's window: reported from (inclusive) until (exclusive; zero: open).
	window := map[string][2]time.Time{
		"threatened":          {{}, started},
		"strike":              {started, agreement},
		"mediation":           {mediation, agreement},
		"tentative_agreement": {agreement, ratified},
		"ratified":            {ratified, {}},
		"ended":               {ratified, {}},
	}
	events := map[string]string{
		"strike begins":     strikeStarted,
		"mediation begins":  "2025-03-10",
		"ratification vote": "2025-05-08",
	}
	inside := func(at time.Time, w [2]time.Time) bool {
		return !at.Before(w[0]) && (w[1].IsZero() || at.Before(w[1]))
	}
	seen := map[string]bool{}
	for _, d := range loadCorpus(t) {
		if d.Tier != strike.TierCore {
			continue
		}
		f := d.Facts
		seen[f.Phase] = true
		if w := window[f.Phase]; !inside(d.Published, w) {
			t.Errorf("%s: phase %s reported %s, outside %s to %s", d.ID, f.Phase,
				d.Published.In(pacific).Format(time.DateTime), w[0].Format(time.DateOnly), w[1].Format(time.DateOnly))
		}
		switch f.DurationDays {
		case 0:
		case 100:
			if !inside(d.Published, [2]time.Time{day100, agreement}) {
				t.Errorf("%s: 100 days reported %s, want from 2025-01-28 until the agreement", d.ID, d.Published.In(pacific).Format(time.DateOnly))
			}
		case strikeDays:
			if d.Published.Before(agreement) {
				t.Errorf("%s: %d days reported %s, before the agreement", d.ID, strikeDays, d.Published.In(pacific).Format(time.DateOnly))
			}
		}
		for _, e := range f.Events {
			want, ok := events[e.What]
			if !ok {
				t.Errorf("%s: event %q is not in the timeline of this test; add its real date", d.ID, e.What)
			} else if e.Date != want {
				t.Errorf("%s: event %q on %s, want %s", d.ID, e.What, e.Date, want)
			}
		}
	}
	for _, p := range Phases() {
		if !seen[p] {
			t.Errorf("no core article reports phase %s", p)
		}
	}
}
