package coverage_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// day returns midnight UTC of a YYYY-MM-DD date plus hours.
func day(tb testing.TB, date string, hours int) time.Time {
	tb.Helper()
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		tb.Fatal(err)
	}
	return t.Add(time.Duration(hours) * time.Hour)
}

// rep is a small hand-made core article: one outlet's report of facts.
func rep(tb testing.TB, id int64, outlet, date string, f strike.Facts) strike.Article {
	tb.Helper()
	return strike.Article{
		ID:         id,
		CampaignID: "kp",
		URL:        fmt.Sprintf("https://news.test/%d", id),
		Title:      fmt.Sprintf("report %d", id),
		Source:     outlet,
		Published:  day(tb, date, 12),
		Relevance:  strike.Relevance{Tier: strike.TierCore},
		Facts:      f,
	}
}

// undated marks a as a page whose date is only when it was fetched.
func undated(a strike.Article) strike.Article {
	a.PublishedEstimated = true
	return a
}

func sourceIDs(srcs []strike.FieldSource) []int64 {
	var ids []int64
	for _, s := range srcs {
		ids = append(ids, s.ArticleID)
	}
	return ids
}

func synth(tb testing.TB, now string, pins []strike.Pin, arts ...strike.Article) strike.Status {
	tb.Helper()
	return coverage.Synthesize(coverage.StatusInput{
		Campaign: strike.Campaign{ID: "kp", Name: "Kaiser"},
		Articles: arts,
		Pins:     pins,
		Now:      day(tb, now, 23),
	})
}

func TestSynthesizeEmpty(t *testing.T) {
	st := synth(t, "2025-01-01", nil)
	if st.Campaign != "kp" || st.Name != "Kaiser" {
		t.Errorf("campaign = %q %q, want kp Kaiser", st.Campaign, st.Name)
	}
	if st.Phase != "" || st.Workers != 0 || st.Day != 0 || st.NextEvent != nil || !st.AsOf.IsZero() {
		t.Errorf("empty input gave %+v, want a zero status", st)
	}
	if len(st.Sources) != 0 || len(st.Conflicts) != 0 || len(st.Pinned) != 0 {
		t.Errorf("empty input gave sources %v conflicts %v pinned %v", st.Sources, st.Conflicts, st.Pinned)
	}
}

func TestSynthesizePhase(t *testing.T) {
	strikeF := strike.Facts{Phase: strike.PhaseStrike}
	ta := strike.Facts{Phase: strike.PhaseTentativeAgreement}
	tests := []struct {
		name          string
		arts          []strike.Article
		want          string
		wantSources   []int64
		wantConflicts []int64
	}{
		{
			name: "a later phase moves on, even from one outlet",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-21", strikeF),
				rep(t, 2, "B", "2024-10-22", strikeF),
				rep(t, 3, "C", "2024-10-23", strikeF),
				rep(t, 4, "D", "2025-05-05", ta),
			},
			want:        strike.PhaseTentativeAgreement,
			wantSources: []int64{4},
		},
		{
			name: "order counts, not the last report: ratified after tentative agreement",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", ta),
				rep(t, 2, "B", "2025-05-09", strike.Facts{Phase: strike.PhaseRatified}),
				rep(t, 3, "C", "2025-05-09", strike.Facts{Phase: strike.PhaseThreatened}),
			},
			want:          strike.PhaseRatified,
			wantSources:   []int64{2},
			wantConflicts: []int64{3},
		},
		{
			name: "one outlet cannot take the phase back",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", ta),
				rep(t, 2, "B", "2025-05-06", ta),
				rep(t, 3, "C", "2025-05-07", strikeF),
				rep(t, 4, "C", "2025-05-08", strikeF),
			},
			want:          strike.PhaseTentativeAgreement,
			wantSources:   []int64{2, 1},
			wantConflicts: []int64{4},
		},
		{
			name: "two outlets take it back: the agreement was voted down",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", ta),
				rep(t, 2, "B", "2025-05-10", strikeF),
				rep(t, 3, "C", "2025-05-11", strikeF),
			},
			want:        strike.PhaseStrike,
			wantSources: []int64{3, 2},
		},
		{
			name: "ratified is final",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-09", strike.Facts{Phase: strike.PhaseRatified}),
				rep(t, 2, "B", "2025-05-20", strikeF),
				rep(t, 3, "C", "2025-05-21", strikeF),
			},
			want:          strike.PhaseRatified,
			wantSources:   []int64{1},
			wantConflicts: []int64{3, 2},
		},
		{
			name: "one outlet's end without an agreement does not end a strike",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-02-05", strikeF),
				rep(t, 2, "B", "2025-02-06", strikeF),
				rep(t, 3, "C", "2025-02-07", strike.Facts{Phase: strike.PhaseEnded}),
			},
			want:          strike.PhaseStrike,
			wantSources:   []int64{2, 1},
			wantConflicts: []int64{3},
		},
		{
			name: "two outlets end it",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-02-05", strikeF),
				rep(t, 2, "B", "2025-02-07", strike.Facts{Phase: strike.PhaseEnded}),
				rep(t, 3, "C", "2025-02-08", strike.Facts{Phase: strike.PhaseEnded}),
			},
			want:        strike.PhaseEnded,
			wantSources: []int64{3, 2},
		},
		{
			name: "after an agreement one outlet's end will do",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", ta),
				rep(t, 2, "B", "2025-05-20", strike.Facts{Phase: strike.PhaseEnded}),
			},
			want:        strike.PhaseEnded,
			wantSources: []int64{2},
		},
		{
			name: "phase names are normalized, unknown ones ignored",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", strike.Facts{Phase: "Tentative agreement"}),
				rep(t, 2, "B", "2025-05-06", strike.Facts{Phase: "lockout"}),
			},
			want:        strike.PhaseTentativeAgreement,
			wantSources: []int64{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, "2025-06-30", nil, tt.arts...)
			if got := st.Phase; got != tt.want {
				t.Errorf("Phase = %q, want %q", got, tt.want)
			}
			if got := sourceIDs(st.Sources[strike.FieldPhase]); !slices.Equal(got, tt.wantSources) {
				t.Errorf("phase sources = %v, want %v", got, tt.wantSources)
			}
			if got := sourceIDs(st.Conflicts[strike.FieldPhase]); !slices.Equal(got, tt.wantConflicts) {
				t.Errorf("phase conflicts = %v, want %v", got, tt.wantConflicts)
			}
		})
	}
}

func TestSynthesizeFields(t *testing.T) {
	tests := []struct {
		name          string
		arts          []strike.Article
		get           func(strike.Status) any
		field         strike.StatusField
		want          any
		wantSources   []int64
		wantConflicts []int64
	}{
		{
			name: "more outlets win",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Workers: 2000}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Workers: 2000}),
				rep(t, 3, "C", "2024-10-03", strike.Facts{Workers: 2400}),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2000, wantSources: []int64{2, 1}, wantConflicts: []int64{3},
		},
		{
			name: "one outlet repeating itself is one outlet",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Workers: 2000}),
				rep(t, 2, "a", "2024-10-02", strike.Facts{Workers: 2000}),
				rep(t, 3, "C", "2024-10-03", strike.Facts{Workers: 2400}),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2400, wantSources: []int64{3}, wantConflicts: []int64{2},
		},
		{
			name: "a tie goes to the newer figure",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Workers: 2000}),
				rep(t, 2, "B", "2024-10-03", strike.Facts{Workers: 2400}),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2400, wantSources: []int64{2}, wantConflicts: []int64{1},
		},
		{
			// An undated page is dated when it was fetched: it says
			// nothing of when its figure was true, and must not make
			// the window its own.
			name: "undated pages neither win nor conflict beside dated reports",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-03", strike.Facts{Workers: 2400}),
				undated(rep(t, 2, "B", "2024-12-30", strike.Facts{Workers: 31000})),
				undated(rep(t, 3, "C", "2024-12-30", strike.Facts{Workers: 31000})),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2400, wantSources: []int64{1},
		},
		{
			name: "undated pages count when nothing dated gives the field",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-03", strike.Facts{Union: "NUHW"}),
				undated(rep(t, 2, "B", "2024-12-30", strike.Facts{Workers: 2000})),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2000, wantSources: []int64{2},
		},
		{
			name: "a count told with another union than the campaign's is not its count",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-02", strike.Facts{Workers: 2400, Union: "National Union of Healthcare Workers"}),
				rep(t, 2, "B", "2024-10-03", strike.Facts{Workers: 2400, Union: "NUHW"}),
				rep(t, 3, "C", "2024-12-20", strike.Facts{Workers: 31000, Union: "UNAC/UHCP"}),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2400, wantSources: []int64{2, 1},
		},
		{
			name: "reports older than the window neither win nor conflict",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-08-01", strike.Facts{Workers: 2000}),
				rep(t, 2, "B", "2024-08-02", strike.Facts{Workers: 2000}),
				rep(t, 3, "C", "2024-10-03", strike.Facts{Workers: 2400}),
			},
			get: func(s strike.Status) any { return s.Workers }, field: strike.FieldWorkers,
			want: 2400, wantSources: []int64{3},
		},
		{
			name: "an acronym joins its name",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Union: "NUHW"}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Union: "National Union of Healthcare Workers"}),
				rep(t, 3, "C", "2024-10-03", strike.Facts{Union: "NUHW"}),
				rep(t, 4, "D", "2024-10-04", strike.Facts{Union: "California Nurses Association"}),
				rep(t, 5, "E", "2024-10-05", strike.Facts{Union: "California Nurses Association"}),
			},
			get: func(s strike.Status) any { return s.Union }, field: strike.FieldUnion,
			want: "National Union of Healthcare Workers", wantSources: []int64{3, 2, 1}, wantConflicts: []int64{5, 4},
		},
		{
			name: "numbers and case are normalized",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Offer: "18 percent over four years"}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Offer: "18% over Four Years"}),
				rep(t, 3, "C", "2024-10-03", strike.Facts{Offer: "21% over four years"}),
			},
			get: func(s strike.Status) any { return s.Offer }, field: strike.FieldOffer,
			want: "18% over Four Years", wantSources: []int64{2, 1}, wantConflicts: []int64{3},
		},
		{
			name: "the offer window is a week: a new offer replaces an old one",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Offer: "18% over four years"}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Offer: "18% over four years"}),
				rep(t, 3, "C", "2024-11-03", strike.Facts{Offer: "21% over four years"}),
			},
			get: func(s strike.Status) any { return s.Offer }, field: strike.FieldOffer,
			want: "21% over four years", wantSources: []int64{3},
		},
		{
			name: "invalid start dates are ignored",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Started: "2024-10-21"}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Started: "Oct. 21"}),
			},
			get: func(s strike.Status) any { return s.Started }, field: strike.FieldStarted,
			want: "2024-10-21", wantSources: []int64{1},
		},
		{
			name: "demands: all of the window, best backed first",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-01", strike.Facts{Demands: []string{"restore pensions", "pay parity"}}),
				rep(t, 2, "B", "2024-10-02", strike.Facts{Demands: []string{"more time for patients", "Pay parity"}}),
			},
			get: func(s strike.Status) any { return s.Demands }, field: strike.FieldDemands,
			want: []string{"Pay parity", "more time for patients", "restore pensions"}, wantSources: []int64{2, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, "2025-01-01", nil, tt.arts...)
			if got := tt.get(st); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%s = %v, want %v", tt.field, got, tt.want)
			}
			if got := sourceIDs(st.Sources[tt.field]); !slices.Equal(got, tt.wantSources) {
				t.Errorf("%s sources = %v, want %v", tt.field, got, tt.wantSources)
			}
			if got := sourceIDs(st.Conflicts[tt.field]); !slices.Equal(got, tt.wantConflicts) {
				t.Errorf("%s conflicts = %v, want %v", tt.field, got, tt.wantConflicts)
			}
		})
	}
}

func TestSynthesizeDays(t *testing.T) {
	started := "2024-10-21"
	tests := []struct {
		name         string
		now          string
		arts         []strike.Article
		pins         []strike.Pin
		wantDay      int
		wantDuration int
		wantEnded    string
	}{
		{
			name:    "the first day is day 1",
			now:     "2024-10-21",
			arts:    []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started})},
			wantDay: 1,
		},
		{
			name:    "day count while on strike",
			now:     "2024-11-01",
			arts:    []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started})},
			wantDay: 12,
		},
		{
			name: "mediation counts days too",
			now:  "2025-03-15",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started}),
				rep(t, 2, "B", "2025-03-10", strike.Facts{Phase: "mediation"}),
			},
			wantDay: 146,
		},
		{
			name: "no day count before the strike",
			now:  "2024-10-15",
			arts: []strike.Article{rep(t, 1, "A", "2024-10-11", strike.Facts{Phase: "threatened", Started: started})},
		},
		{
			name: "over: the duration reported since",
			now:  "2025-05-07",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-01-28", strike.Facts{Phase: "strike", Started: started, DurationDays: 100}),
				rep(t, 2, "B", "2025-01-29", strike.Facts{Phase: "strike", DurationDays: 100}),
				rep(t, 3, "C", "2025-05-05", strike.Facts{Phase: "tentative_agreement", DurationDays: 196}),
			},
			wantDuration: 196, wantEnded: "2025-05-05",
		},
		{
			name: "over without a duration: the day it was first reported over",
			now:  "2025-05-07",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started}),
				rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: "tentative_agreement"}),
				rep(t, 3, "C", "2025-05-06", strike.Facts{Phase: "tentative_agreement"}),
			},
			wantDuration: 196, wantEnded: "2025-05-05",
		},
		{
			name: "a pinned end date wins",
			now:  "2025-05-07",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started}),
				rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: "tentative_agreement", DurationDays: 190}),
			},
			pins:         []strike.Pin{{Field: strike.FieldEnded, Value: "2025-05-05", SetBy: "dana", SetAt: day(t, "2025-05-06", 0)}},
			wantDuration: 196, wantEnded: "2025-05-05",
		},
		{
			name: "a pinned start does not move the end the articles report",
			now:  "2025-05-07",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-22", strike.Facts{Phase: "strike", Started: started}),
				rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: "tentative_agreement", DurationDays: 196}),
				rep(t, 3, "C", "2025-05-06", strike.Facts{Phase: "tentative_agreement", DurationDays: 196}),
			},
			pins:         []strike.Pin{{Field: strike.FieldStarted, Value: "2024-10-14", SetBy: "dana", SetAt: day(t, "2025-05-06", 0)}},
			wantDuration: 203, wantEnded: "2025-05-05",
		},
		{
			name: "a pinned start and a reported length, but no reported start: the end is the day first reported",
			now:  "2025-05-07",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-22", strike.Facts{Phase: "strike"}),
				rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: "tentative_agreement", DurationDays: 196}),
				rep(t, 3, "C", "2025-05-06", strike.Facts{Phase: "tentative_agreement"}),
			},
			pins:         []strike.Pin{{Field: strike.FieldStarted, Value: "2024-10-14", SetBy: "dana", SetAt: day(t, "2025-05-06", 0)}},
			wantDuration: 203, wantEnded: "2025-05-05",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, tt.now, tt.pins, tt.arts...)
			if st.Day != tt.wantDay || st.DurationDays != tt.wantDuration || st.Ended != tt.wantEnded {
				t.Errorf("Day, DurationDays, Ended = %d, %d, %q; want %d, %d, %q",
					st.Day, st.DurationDays, st.Ended, tt.wantDay, tt.wantDuration, tt.wantEnded)
			}
		})
	}
}

// TestSynthesizeZone: the day a strike was first reported over, and
// today's date that the day count and the next event go by, are the
// campaign's zone's; without one they are as given (UTC for stored times).
func TestSynthesizeZone(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	started := "2024-10-21"
	// 02:00 UTC on 6 May 2025 is 19:00 on 5 May in Los Angeles.
	over := rep(t, 2, "B", "2025-05-06", strike.Facts{Phase: "tentative_agreement"})
	over.Published = day(t, "2025-05-06", 2)
	vote := rep(t, 3, "C", "2025-05-06", strike.Facts{Events: []strike.Event{{Date: "2025-05-13", What: "ratification vote"}}})
	tests := []struct {
		name      string
		loc       *time.Location
		now       time.Time
		arts      []strike.Article
		wantEnded string
		wantDay   int
		wantNext  bool
	}{
		{"over in a Pacific evening", la, day(t, "2025-05-07", 0), []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started}), over}, "2025-05-05", 0, false},
		{"over, no zone", nil, day(t, "2025-05-07", 0), []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started}), over}, "2025-05-06", 0, false},
		// 03:00 UTC on 14 May is still 13 May, the vote's day, in LA.
		{"an event today in LA", la, day(t, "2025-05-14", 3), []strike.Article{vote}, "", 0, true},
		{"the same event past in UTC", nil, day(t, "2025-05-14", 3), []strike.Article{vote}, "", 0, false},
		// 03:00 UTC on 22 Oct. 2024 is the strike's first day in LA.
		{"day 1 in a Pacific evening", la, day(t, "2024-10-22", 3), []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started})}, "", 1, false},
		{"day 2 in UTC", nil, day(t, "2024-10-22", 3), []strike.Article{rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: started})}, "", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := coverage.Synthesize(coverage.StatusInput{
				Campaign: strike.Campaign{ID: "kp", Name: "Kaiser", Location: tt.loc},
				Articles: tt.arts,
				Now:      tt.now,
			})
			if st.Ended != tt.wantEnded || st.Day != tt.wantDay || (st.NextEvent != nil) != tt.wantNext {
				t.Errorf("Ended, Day, NextEvent = %q, %d, %v; want %q, %d, next event %v", st.Ended, st.Day, st.NextEvent, tt.wantEnded, tt.wantDay, tt.wantNext)
			}
		})
	}
}

func TestSynthesizeNextEvent(t *testing.T) {
	vote := func(date string) strike.Facts {
		return strike.Facts{Events: []strike.Event{{Date: date, What: "ratification vote"}}}
	}
	tests := []struct {
		name          string
		now           string
		arts          []strike.Article
		want          *strike.Event
		wantConflicts []int64
	}{
		{
			name: "the earliest event to come",
			now:  "2025-05-06",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-03-10", strike.Facts{Events: []strike.Event{{Date: "2025-03-10", What: "mediation begins"}}}),
				rep(t, 2, "B", "2025-05-05", strike.Facts{Events: []strike.Event{{Date: "2025-06-01", What: "rally"}, {Date: "2025-05-08", What: "ratification vote"}}}),
			},
			want: &strike.Event{Date: "2025-05-08", What: "ratification vote"},
		},
		{
			name: "an event today is still to come",
			now:  "2025-05-08",
			arts: []strike.Article{rep(t, 1, "A", "2025-05-05", vote("2025-05-08"))},
			want: &strike.Event{Date: "2025-05-08", What: "ratification vote"},
		},
		{
			name: "nothing to come",
			now:  "2025-05-09",
			arts: []strike.Article{rep(t, 1, "A", "2025-05-05", vote("2025-05-08"))},
		},
		{
			name: "the better-backed date of an event wins; the other is a conflict",
			now:  "2025-05-06",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-05-05", vote("2025-05-08")),
				rep(t, 2, "B", "2025-05-05", vote("2025-05-08")),
				rep(t, 3, "C", "2025-05-06", vote("2025-05-13")),
			},
			want:          &strike.Event{Date: "2025-05-08", What: "ratification vote"},
			wantConflicts: []int64{3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, tt.now, nil, tt.arts...)
			if fmt.Sprint(st.NextEvent) != fmt.Sprint(tt.want) {
				t.Errorf("NextEvent = %v, want %v", st.NextEvent, tt.want)
			}
			if got := sourceIDs(st.Conflicts[strike.FieldNextEvent]); !slices.Equal(got, tt.wantConflicts) {
				t.Errorf("next_event conflicts = %v, want %v", got, tt.wantConflicts)
			}
		})
	}
}

func TestSynthesizeZeroNow(t *testing.T) {
	st := coverage.Synthesize(coverage.StatusInput{Articles: []strike.Article{
		rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Started: "2024-10-21"}),
		rep(t, 2, "B", "2024-10-27", strike.Facts{Phase: "strike"}),
	}})
	if st.Phase != strike.PhaseStrike || st.Day != 7 {
		t.Errorf("Phase, Day = %q, %d; want strike, 7 (as of the newest article)", st.Phase, st.Day)
	}
}

func TestSynthesizeFilters(t *testing.T) {
	other := rep(t, 2, "B", "2024-10-02", strike.Facts{Workers: 75000})
	other.Relevance.Tier = strike.TierRelated
	elsewhere := rep(t, 3, "C", "2024-10-02", strike.Facts{Workers: 48000})
	elsewhere.CampaignID = "providence"
	future := rep(t, 4, "D", "2024-12-02", strike.Facts{Workers: 3000})
	st := synth(t, "2024-10-10", nil, rep(t, 1, "A", "2024-10-01", strike.Facts{Workers: 2400}), other, elsewhere, future)
	if st.Workers != 2400 || len(st.Conflicts) != 0 {
		t.Errorf("Workers = %d, conflicts %v; want 2400 from the core article of the campaign alone", st.Workers, st.Conflicts)
	}
	if want := day(t, "2024-10-01", 12); !st.AsOf.Equal(want) {
		t.Errorf("AsOf = %v, want %v", st.AsOf, want)
	}
}

func TestSynthesizePins(t *testing.T) {
	arts := []strike.Article{
		rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: "strike", Workers: 2400, Started: "2024-10-21", Union: "NUHW"}),
		rep(t, 2, "B", "2024-10-22", strike.Facts{Phase: "strike", Workers: 2400}),
	}
	at := day(t, "2024-10-27", 9)
	tests := []struct {
		name          string
		pins          []strike.Pin
		check         func(strike.Status) string
		wantPinned    []strike.StatusField
		wantSources   map[strike.StatusField][]int64
		wantConflicts map[strike.StatusField][]int64
	}{
		{
			name: "a pin overrides and the coverage becomes a conflict",
			pins: []strike.Pin{{Field: strike.FieldWorkers, Value: "2,600", SetBy: "dana", SetAt: at}},
			check: func(s strike.Status) string {
				if s.Workers != 2600 {
					return fmt.Sprintf("Workers = %d, want 2600", s.Workers)
				}
				if !s.AsOf.Equal(at) {
					return fmt.Sprintf("AsOf = %v, want the pin's time %v", s.AsOf, at)
				}
				if p := s.Pinned[strike.FieldWorkers]; p.SetBy != "dana" || !p.SetAt.Equal(at) {
					return fmt.Sprintf("Pinned = %+v, want dana at %v", p, at)
				}
				return ""
			},
			wantPinned:    []strike.StatusField{strike.FieldWorkers},
			wantSources:   map[strike.StatusField][]int64{strike.FieldWorkers: nil},
			wantConflicts: map[strike.StatusField][]int64{strike.FieldWorkers: {2, 1}},
		},
		{
			name:        "a pin that agrees keeps its sources",
			pins:        []strike.Pin{{Field: strike.FieldUnion, Value: "nuhw", SetBy: "dana", SetAt: at}},
			check:       func(s strike.Status) string { return want(s.Union, "nuhw") },
			wantPinned:  []strike.StatusField{strike.FieldUnion},
			wantSources: map[strike.StatusField][]int64{strike.FieldUnion: {1}},
		},
		{
			name: "the newest pin of a field wins; pins after Now and invalid pins are ignored",
			pins: []strike.Pin{
				{Field: strike.FieldPhase, Value: "mediation", SetBy: "ann", SetAt: at.Add(-time.Hour)},
				{Field: strike.FieldPhase, Value: "Tentative agreement", SetBy: "bo", SetAt: at},
				{Field: strike.FieldPhase, Value: "ended", SetBy: "cy", SetAt: day(t, "2025-01-01", 0)},
				{Field: strike.FieldWorkers, Value: "many", SetBy: "cy", SetAt: at},
			},
			check: func(s strike.Status) string {
				if s.Phase != strike.PhaseTentativeAgreement || s.Pinned[strike.FieldPhase].SetBy != "bo" {
					return fmt.Sprintf("Phase = %q by %q, want tentative_agreement by bo", s.Phase, s.Pinned[strike.FieldPhase].SetBy)
				}
				return want(fmt.Sprint(s.Workers, s.Day), "2400 0")
			},
			wantPinned:    []strike.StatusField{strike.FieldPhase},
			wantSources:   map[strike.StatusField][]int64{strike.FieldWorkers: {2, 1}},
			wantConflicts: map[strike.StatusField][]int64{strike.FieldPhase: {2, 1}},
		},
		{
			name:          "an empty pin clears the field",
			pins:          []strike.Pin{{Field: strike.FieldStarted, Value: "", SetBy: "dana", SetAt: at}},
			check:         func(s strike.Status) string { return want(fmt.Sprintf("%s|%d", s.Started, s.Day), "|0") },
			wantPinned:    []strike.StatusField{strike.FieldStarted},
			wantConflicts: map[strike.StatusField][]int64{strike.FieldStarted: {1}},
		},
		{
			name: "pinned dates drive the day count and the next event",
			pins: []strike.Pin{
				{Field: strike.FieldStarted, Value: "2024-10-20", SetBy: "dana", SetAt: at},
				{Field: strike.FieldNextEvent, Value: "2024-11-09 march downtown", SetBy: "dana", SetAt: at},
			},
			check: func(s strike.Status) string {
				return want(fmt.Sprint(s.Day, s.NextEvent), "19 &{2024-11-09 march downtown}")
			},
			wantPinned: []strike.StatusField{strike.FieldStarted, strike.FieldNextEvent},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, "2024-11-07", tt.pins, arts...)
			if msg := tt.check(st); msg != "" {
				t.Error(msg)
			}
			var pinned []strike.StatusField
			for _, f := range strike.StatusFields() {
				if _, ok := st.Pinned[f]; ok {
					pinned = append(pinned, f)
				}
			}
			if !slices.Equal(pinned, tt.wantPinned) {
				t.Errorf("pinned fields = %v, want %v", pinned, tt.wantPinned)
			}
			for f, ids := range tt.wantSources {
				if got := sourceIDs(st.Sources[f]); !slices.Equal(got, ids) {
					t.Errorf("%s sources = %v, want %v", f, got, ids)
				}
			}
			for f, ids := range tt.wantConflicts {
				if got := sourceIDs(st.Conflicts[f]); !slices.Equal(got, ids) {
					t.Errorf("%s conflicts = %v, want %v", f, got, ids)
				}
			}
		})
	}
}

// want returns "" when got equals w, else a message.
func want(got, w string) string {
	if got == w {
		return ""
	}
	return fmt.Sprintf("got %q, want %q", got, w)
}

func TestSynthesizeSourcesBounded(t *testing.T) {
	var arts []strike.Article
	for i := range 40 {
		arts = append(arts, rep(t, int64(i+1), fmt.Sprintf("outlet %d", i%12), "2024-10-20", strike.Facts{Workers: 2400 + i%2}))
	}
	st := synth(t, "2024-10-31", nil, arts...)
	if st.Workers != 2400 && st.Workers != 2401 {
		t.Fatalf("Workers = %d", st.Workers)
	}
	if n := len(st.Sources[strike.FieldWorkers]); n != 5 {
		t.Errorf("%d sources, want 5 at most", n)
	}
	if n := len(st.Conflicts[strike.FieldWorkers]); n != 5 {
		t.Errorf("%d conflicts, want 5 at most", n)
	}
}

func TestCheckPin(t *testing.T) {
	tests := []struct {
		field strike.StatusField
		value string
		ok    bool
	}{
		{strike.FieldPhase, "strike", true},
		{strike.FieldPhase, "tentative agreement", true},
		{strike.FieldPhase, "lockout", false},
		{strike.FieldWorkers, "2,400", true},
		{strike.FieldWorkers, "about 2400", false},
		{strike.FieldStarted, "2024-10-21", true},
		{strike.FieldEnded, "May 5", false},
		{strike.FieldNextEvent, "2025-05-08 ratification vote", true},
		{strike.FieldNextEvent, "2025-05-08", false},
		{strike.FieldOffer, "18% over four years", true},
		{strike.FieldDemands, "pensions; parity", true},
		{strike.FieldUnion, "", true},
		{"mood", "grim", false},
		{"mood", "", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.field)+"="+tt.value, func(t *testing.T) {
			err := coverage.CheckPin(strike.Pin{Field: tt.field, Value: tt.value})
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPin = %v, want ok %v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, coverage.ErrInvalidPin) {
				t.Errorf("error %v does not wrap ErrInvalidPin", err)
			}
		})
	}
}

// syntheticArticles returns n core articles over span from 20 outlets,
// with facts varying the way coverage does, newest first.
func syntheticArticles(n int, span time.Duration) []strike.Article {
	phases := []string{"threatened", "strike", "strike", "strike", "mediation", "tentative_agreement"}
	start := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]strike.Article, n)
	for i := range arts {
		pub := start.Add(time.Duration(i) * (span / time.Duration(n)))
		f := strike.Facts{
			Phase:    phases[i*len(phases)/n],
			Union:    []string{"National Union of Healthcare Workers", "NUHW"}[i%2],
			Employer: "Kaiser Permanente",
			Evidence: map[string]string{"phase": "The strike goes on."},
		}
		if i%3 == 0 {
			f.Workers = 2400 - i%7
			f.Started = "2024-10-21"
		}
		if i%5 == 0 {
			f.Offer = fmt.Sprintf("%d%% over four years", 18+i%2)
			f.Demands = []string{"restore pensions", "pay parity", fmt.Sprintf("demand %d", i%4)}
		}
		if i%11 == 0 {
			f.Events = []strike.Event{{Date: pub.AddDate(0, 0, 10+i%9).Format(time.DateOnly), What: fmt.Sprintf("rally %d", i%5)}}
		}
		if i%13 == 0 && pub.After(time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)) {
			// "Day N of the strike": a count that allows the start date.
			f.StartedEarliest, f.StartedLatest = "2024-10-14", "2024-10-28"
		}
		arts[i] = strike.Article{
			ID: int64(i + 1), CampaignID: "kp", Source: fmt.Sprintf("Outlet %d", i%20),
			URL: fmt.Sprintf("https://news.test/%d", i), Published: pub,
			Relevance: strike.Relevance{Tier: strike.TierCore}, Facts: f,
		}
	}
	// The store's order: newest first.
	slices.Reverse(arts)
	return arts
}

// BenchmarkSynthesize runs the status synthesis over n articles spread over
// a year (the usual case: most are older than the fields' windows) and over
// n articles of one month (the worst case: every report counts).
func BenchmarkSynthesize(b *testing.B) {
	year, month := 365*24*time.Hour, 30*24*time.Hour
	for _, bc := range []struct {
		name string
		n    int
		span time.Duration
	}{{"100/year", 100, year}, {"10000/year", 10_000, year}, {"10000/month", 10_000, month}} {
		in := coverage.StatusInput{
			Campaign: strike.Campaign{ID: "kp"},
			Articles: syntheticArticles(bc.n, bc.span),
			Now:      time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				coverage.Synthesize(in)
			}
		})
	}
}

// TestSynthesizeStartedAgainstCounts: a start date is checked against the
// counts of the strike's length that articles give ("day 100", "its fifth
// month", as Facts.StartedEarliest and StartedLatest): several outlets'
// counts beat one clause, the conflict is shown, and the consistent value
// is picked, older or not.
func TestSynthesizeStartedAgainstCounts(t *testing.T) {
	span := func(from, to string) strike.Facts {
		return strike.Facts{Phase: "strike", StartedEarliest: from, StartedLatest: to}
	}
	tests := []struct {
		name          string
		now           string
		arts          []strike.Article
		want          string
		wantSources   []int64
		wantConflicts []int64
	}{
		{
			name: "a date against its own article's count is dropped; the older consistent one stands",
			now:  "2025-03-04",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-22", strike.Facts{Phase: "strike", Started: "2024-10-21"}),
				rep(t, 2, "B", "2025-03-03", strike.Facts{Phase: "strike", Started: "2025-03-10", StartedEarliest: "2024-09-30", StartedLatest: "2024-11-06"}),
			},
			want: "2024-10-21", wantSources: []int64{1}, wantConflicts: []int64{2},
		},
		{
			name: "two outlets' day counts beat one outlet's newer clause",
			now:  "2025-02-02",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-01-15", strike.Facts{Phase: "strike", Started: "2024-10-21"}),
				rep(t, 2, "B", "2025-01-28", span("2024-10-20", "2024-10-22")),
				rep(t, 3, "C", "2025-01-29", span("2024-10-20", "2024-10-22")),
				rep(t, 4, "D", "2025-02-01", strike.Facts{Phase: "strike", Started: "2025-01-27"}),
			},
			want: "2024-10-21", wantSources: []int64{1}, wantConflicts: []int64{4},
		},
		{
			name: "one clause against one count: kept, the count shown as a conflict",
			now:  "2025-02-02",
			arts: []strike.Article{
				rep(t, 1, "A", "2025-01-28", span("2024-10-20", "2024-10-22")),
				rep(t, 2, "B", "2025-02-01", strike.Facts{Phase: "strike", Started: "2025-01-27"}),
			},
			want: "2025-01-27", wantSources: []int64{2}, wantConflicts: []int64{1},
		},
		{
			name: "counts that agree add no conflict",
			now:  "2025-02-02",
			arts: []strike.Article{
				rep(t, 1, "A", "2024-10-22", strike.Facts{Phase: "strike", Started: "2024-10-21"}),
				rep(t, 2, "B", "2025-01-28", span("2024-10-20", "2024-10-22")),
				rep(t, 3, "C", "2025-02-01", strike.Facts{Phase: "strike", StartedLatest: "2024-10-25"}),
			},
			want: "2024-10-21", wantSources: []int64{1},
		},
		{
			name: "counts alone give no start date",
			now:  "2025-02-02",
			arts: []strike.Article{rep(t, 1, "A", "2025-01-28", span("2024-10-20", "2024-10-22"))},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := synth(t, tt.now, nil, tt.arts...)
			if st.Started != tt.want {
				t.Errorf("Started = %q, want %q", st.Started, tt.want)
			}
			if got := sourceIDs(st.Sources[strike.FieldStarted]); !slices.Equal(got, tt.wantSources) {
				t.Errorf("started sources = %v, want %v", got, tt.wantSources)
			}
			if got := sourceIDs(st.Conflicts[strike.FieldStarted]); !slices.Equal(got, tt.wantConflicts) {
				t.Errorf("started conflicts = %v, want %v", got, tt.wantConflicts)
			}
			for _, c := range st.Conflicts[strike.FieldStarted] {
				if c.Value == "" {
					t.Errorf("conflict %+v has no value to show", c)
				}
			}
		})
	}
}

// TestSynthesizeUnionTieGoesToTheCampaigns: the campaign's union does not
// change. A look back a year on that names a sibling strike's union,
// newest, ties the one report of the campaign's union in the window, and
// loses to it: most reports over the campaign name it.
func TestSynthesizeUnionTieGoesToTheCampaigns(t *testing.T) {
	st := synth(t, "2026-01-01", nil,
		rep(t, 1, "A", "2024-10-21", strike.Facts{Union: "National Union of Healthcare Workers"}),
		rep(t, 2, "B", "2025-01-28", strike.Facts{Union: "National Union of Healthcare Workers"}),
		rep(t, 3, "C", "2025-05-05", strike.Facts{Union: "NUHW"}),
		rep(t, 4, "D", "2025-10-20", strike.Facts{Union: "National Union of Healthcare Workers"}),
		rep(t, 5, "E", "2025-10-21", strike.Facts{Union: "UNAC/UHCP"}))
	if st.Union != "National Union of Healthcare Workers" {
		t.Errorf("union = %q, want the campaign's", st.Union)
	}
	if got := sourceIDs(st.Sources[strike.FieldUnion]); !slices.Equal(got, []int64{4}) {
		t.Errorf("union sources = %v, want [4]", got)
	}
	if got := sourceIDs(st.Conflicts[strike.FieldUnion]); !slices.Equal(got, []int64{5}) {
		t.Errorf("union conflicts = %v, want [5]", got)
	}
}

// TestSynthesizeWorkersNotFromALookBack: months after the strike ended, a
// look back's loose count ("about 2,000") does not outvote the count the
// reports gave while it was on; with only look backs, the newest counts.
func TestSynthesizeWorkersNotFromALookBack(t *testing.T) {
	nuhw := "National Union of Healthcare Workers"
	st := synth(t, "2025-09-01", nil,
		rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: strike.PhaseStrike, Workers: 2400, Union: nuhw}),
		rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: strike.PhaseTentativeAgreement, Workers: 2400, Union: nuhw}),
		rep(t, 3, "C", "2025-05-12", strike.Facts{Phase: strike.PhaseEnded, Union: nuhw}),
		rep(t, 4, "D", "2025-08-20", strike.Facts{Phase: strike.PhaseEnded, Workers: 2000, Union: nuhw}))
	if st.Workers != 2400 {
		t.Errorf("workers = %d, want 2400 (sources %v)", st.Workers, sourceIDs(st.Sources[strike.FieldWorkers]))
	}
	only := synth(t, "2025-09-01", nil,
		rep(t, 3, "C", "2025-05-05", strike.Facts{Phase: strike.PhaseTentativeAgreement, Union: nuhw}),
		rep(t, 4, "D", "2025-08-20", strike.Facts{Phase: strike.PhaseEnded, Workers: 2000, Union: nuhw}))
	if only.Workers != 2000 {
		t.Errorf("with only a look back, workers = %d, want 2000", only.Workers)
	}
}

// TestSynthesizeDurationNotFromALookBack: a year after the strike ended,
// an anniversary piece whose length is another strike's ("five days last
// week") does not replace the length reported when it ended.
func TestSynthesizeDurationNotFromALookBack(t *testing.T) {
	nuhw := "National Union of Healthcare Workers"
	st := synth(t, "2025-10-25", nil,
		rep(t, 1, "A", "2024-10-21", strike.Facts{Phase: strike.PhaseStrike, Union: nuhw, Started: "2024-10-21"}),
		rep(t, 2, "B", "2025-05-05", strike.Facts{Phase: strike.PhaseTentativeAgreement, Union: nuhw, DurationDays: 196}),
		rep(t, 3, "C", "2025-05-12", strike.Facts{Phase: strike.PhaseEnded, Union: nuhw, DurationDays: 196}),
		rep(t, 4, "D", "2025-10-20", strike.Facts{Phase: strike.PhaseEnded, Union: nuhw, DurationDays: 5}))
	if st.DurationDays != 196 {
		t.Errorf("duration = %d days (ended %q), want 196", st.DurationDays, st.Ended)
	}
}
