package coverage

import (
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	// Published on Wednesday, 2025-03-12, in the afternoon.
	pub := time.Date(2025, 3, 12, 17, 30, 0, 0, time.UTC)
	tests := []struct {
		phrase string
		want   string // "" means not understood
	}{
		{"Monday", "2025-03-10"},
		{"Wednesday", "2025-03-12"},
		{"Thursday", "2025-03-06"},
		{"Sunday night", "2025-03-09"},
		{"Tuesday evening", "2025-03-11"},
		{"Monday's", "2025-03-10"},
		{"last Wednesday", "2025-03-05"},
		{"next Monday", "2025-03-17"},
		{"next Wednesday", "2025-03-19"},
		{"this Friday", "2025-03-14"},
		{"this morning", "2025-03-12"},
		// Day first, as British and wire styles write it.
		{"10 March", "2025-03-10"},
		{"21 October 2024", "2024-10-21"},
		{"on 21 October 2024", "2024-10-21"},
		{"Monday 10 March", "2025-03-10"},
		{"since 14 Oct.", "2024-10-14"},
		{"the 5th of May", "2025-05-05"},
		{"This afternoon", "2025-03-12"},
		{"March 10", "2025-03-10"},
		{"March 10th", "2025-03-10"},
		{"on March 10", "2025-03-10"},
		{"Oct. 14", "2024-10-14"},
		{"Sept. 30", "2024-09-30"},
		{"Aug. 1", "2025-08-01"},
		{"since Oct. 14", "2024-10-14"},
		{"since Aug. 1", "2024-08-01"},
		{"Monday, Oct. 14", "2024-10-14"},
		{"April 28, 2025", "2025-04-28"},
		{"Dec. 31 2023", "2023-12-31"},
		{"2025-04-28", "2025-04-28"},
		{"since October", "2024-10-01"},
		{"in October", "2024-10-01"},
		{"March", "2025-03-01"},
		{"in May", "2024-05-01"},
		{"until May", "2025-05-01"},
		{"October 2024", "2024-10-01"},
		{"today", "2025-03-12"},
		{"yesterday", "2025-03-11"},
		{"tomorrow", "2025-03-13"},
		{"last week", "2025-03-05"},
		{"next week", "2025-03-19"},
		{"a week from today", "2025-03-19"},
		{"three days ago", "2025-03-09"},
		{"two weeks from now", "2025-03-26"},
		{"next month", "2025-04-01"},
		{"last month", "2025-02-01"},
		{"February 30", ""},
		{"Oct. 32", ""},
		{"someday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			d, ok := ResolveDate(tt.phrase, pub)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("ResolveDate(%q, %s) = %q, want %q", tt.phrase, pub.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

// TestResolveDateZone: the day of publication is taken in the location of
// the time given, so a publication converted to the campaign's zone
// resolves "today" by that zone's calendar.
func TestResolveDateZone(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	// 17:35 -07:00 on Tuesday 6 May 2025: 00:35 UTC on Wednesday 7 May.
	evening := time.Date(2025, 5, 6, 17, 35, 0, 0, time.FixedZone("", -7*3600))
	// 00:30 UTC on Thursday 8 May 2025: 17:30 on Wednesday 7 May in LA.
	halfPast := time.Date(2025, 5, 8, 0, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		phrase    string
		published time.Time
		want      string
	}{
		{"today at 17:35 Pacific", "today", evening.In(la), "2025-05-06"},
		{"today at 17:35 Pacific, taken in UTC", "today", evening.UTC(), "2025-05-07"},
		{"tonight at 17:35 Pacific", "tonight", evening.In(la), "2025-05-06"},
		{"yesterday at 17:35 Pacific", "yesterday", evening.In(la), "2025-05-05"},
		{"today at 00:30 UTC in LA", "today", halfPast.In(la), "2025-05-07"},
		{"today at 00:30 UTC in UTC", "today", halfPast, "2025-05-08"},
		{"yesterday at 00:30 UTC in LA", "yesterday", halfPast.In(la), "2025-05-06"},
		{"a weekday that is the LA day", "Wednesday", halfPast.In(la), "2025-05-07"},
		{"the same weekday in UTC is a week back", "Thursday", halfPast.In(la), "2025-05-01"},
		{"Thursday in UTC is that day", "Thursday", halfPast, "2025-05-08"},
		{"last week in LA", "last week", halfPast.In(la), "2025-04-30"},
		{"two days ago in LA", "two days ago", halfPast.In(la), "2025-05-05"},
		{"a written date is the same anywhere", "May 7, 2025", halfPast.In(la), "2025-05-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ResolveDate(tt.phrase, tt.published)
			if !ok {
				t.Fatalf("ResolveDate(%q, %s) not understood", tt.phrase, tt.published.Format(time.RFC3339))
			}
			if got := d.Format(time.DateOnly); got != tt.want {
				t.Errorf("ResolveDate(%q, %s) = %s, want %s", tt.phrase, tt.published.Format(time.RFC3339), got, tt.want)
			}
			if d.Location() != time.UTC || d.Hour() != 0 {
				t.Errorf("ResolveDate(%q) = %v: not midnight UTC", tt.phrase, d)
			}
		})
	}
}

func TestResolveDateDirection(t *testing.T) {
	pub := time.Date(2025, 5, 14, 15, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		phrase string
		dir    dateDir
		want   string
	}{
		{"Oct. 14", dirPast, "2024-10-14"},
		{"Oct. 14", dirNearest, "2025-10-14"},
		{"Oct. 14", dirFuture, "2025-10-14"},
		{"May 13", dirFuture, "2026-05-13"},
		{"Monday", dirFuture, "2025-05-19"},
		{"Monday", dirPast, "2025-05-12"},
		{"Monday", dirNearest, "2025-05-12"},
	}
	for _, tt := range tests {
		d, _, ok := resolveDate(tt.phrase, pub, tt.dir)
		if got := d.Format(time.DateOnly); !ok || got != tt.want {
			t.Errorf("resolveDate(%q, %d) = %s, %v, want %s", tt.phrase, tt.dir, got, ok, tt.want)
		}
	}
}

// TestResolveDateWeekday: a weekday written with a date settles the year
// (the one near publication in which they agree), whatever the direction.
func TestResolveDateWeekday(t *testing.T) {
	tests := []struct {
		phrase string
		pub    string
		dir    dateDir
		want   string
	}{
		// A headline a week ahead of talks: 10 March 2025 is a Monday,
		// 10 March 2024 a Sunday.
		{"Monday, March 10", "2025-03-03", dirPast, "2025-03-10"},
		{"Monday, March 10", "2025-03-03", dirNearest, "2025-03-10"},
		{"on Monday, March 10", "2025-03-03", dirPast, "2025-03-10"},
		// Looking back over the turn of the year: 21 October 2024 is a
		// Monday, 21 October 2025 a Tuesday.
		{"Monday, Oct. 21", "2025-05-05", dirFuture, "2024-10-21"},
		{"since Monday, Oct. 21", "2025-05-05", dirNearest, "2024-10-21"},
		{"Sunday, May 4", "2025-05-05", dirFuture, "2025-05-04"},
		// A weekday that agrees with no nearby year: the direction decides.
		{"Wednesday, March 10", "2025-03-03", dirPast, "2024-03-10"},
		// A written year is kept even when the weekday disagrees.
		{"Monday, March 10, 2024", "2025-03-03", dirFuture, "2024-03-10"},
	}
	for _, tt := range tests {
		pub, err := time.Parse(time.DateOnly, tt.pub)
		if err != nil {
			t.Fatal(err)
		}
		d, _, ok := resolveDate(tt.phrase, pub.Add(15*time.Hour), tt.dir)
		if got := d.Format(time.DateOnly); !ok || got != tt.want {
			t.Errorf("resolveDate(%q, published %s, %d) = %s, %v, want %s", tt.phrase, tt.pub, tt.dir, got, ok, tt.want)
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The strike began Oct. 14 and ended April 28, 2025.", []string{"Oct. 14", "April 28, 2025"}},
		{"They will walk off the job on Monday, Oct. 14, after notice on Friday.", []string{"on Monday, Oct. 14", "Friday"}},
		{"Workers may strike in May.", []string{"in May"}},
		{"May 13 is the vote.", []string{"May 13"}},
		{"Marchers march in March.", []string{"in March"}},
		{"We've been out since October 14.", []string{"since October 14"}},
		{"Talks resume next week, a week from today.", []string{"next week", "a week from today"}},
		{"The strike began on 21 October 2024 and ended on 4 May.", []string{"on 21 October 2024", "on 4 May"}},
		{"About 2,400 workers walked out; 50 may follow.", nil},
		{"no dates here", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range findDates(tt.text) {
			if tt.text[m.Start:m.End] != m.Text {
				t.Fatalf("findDates(%q): offsets [%d,%d) do not give %q", tt.text, m.Start, m.End, m.Text)
			}
			got = append(got, m.Text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("findDates(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("findDates(%q) = %q, want %q", tt.text, got, tt.want)
				break
			}
		}
	}
}

func TestSmallNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"196", 196, true},
		{"2,400", 2400, true},
		{"four", 4, true},
		{"one hundred", 100, true},
		{"a hundred", 100, true},
		{"twenty-five", 25, true},
		{"one hundred and ninety-six", 196, true},
		{"two thousand four hundred", 2400, true},
		{"a", 0, false},
		{"many", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := smallNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("smallNumber(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzResolveDate(f *testing.F) {
	for _, s := range []string{"Monday", "Sunday night", "Oct. 14", "April 28, 2025", "since October", "next month",
		"three days ago", "2025-02-29", "February 29", "99999 days ago", "Dec. 31 9999", "last Friday"} {
		f.Add(s, int64(1741800000))
	}
	f.Fuzz(func(t *testing.T, phrase string, unix int64) {
		pub := time.Unix(unix%(1<<36), 0)
		d, ok := ResolveDate(phrase, pub)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("ResolveDate(%q) = %v, false: want the zero time", phrase, d)
			}
			return
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Location() != time.UTC {
			t.Fatalf("ResolveDate(%q) = %v: not a day at midnight UTC", phrase, d)
		}
		s := d.Format(time.DateOnly)
		if back, err := time.Parse(time.DateOnly, s); err != nil || !back.Equal(d) {
			t.Fatalf("ResolveDate(%q) = %v: %q does not parse back", phrase, d, s)
		}
		for _, m := range findDates(phrase) {
			if phrase[m.Start:m.End] != m.Text {
				t.Fatalf("findDates(%q): bad offsets", phrase)
			}
		}
	})
}
