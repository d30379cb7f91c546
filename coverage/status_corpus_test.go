package coverage_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// labeledCore returns the corpus's core articles carrying their labeled
// facts, so that the status tests do not depend on the fact extractor.
func labeledCore(tb testing.TB) []strike.Article {
	tb.Helper()
	docs, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	var arts []strike.Article
	for i, d := range docs {
		if d.Tier != strike.TierCore {
			continue
		}
		arts = append(arts, strike.Article{
			ID:         int64(i + 1),
			CampaignID: "kaiser-socal",
			Key:        d.ID,
			URL:        "http://127.0.0.1/demo/" + d.ID,
			Title:      d.Title,
			Source:     d.Outlet,
			Text:       d.Body,
			Published:  d.Published,
			Relevance:  strike.Relevance{Tier: strike.TierCore},
			Facts:      d.Facts,
		})
	}
	return arts
}

func TestSynthesizeCorpus(t *testing.T) {
	arts := labeledCore(t)
	demands := "[more time for patient-care duties pay parity with non-mental-health staff restore pensions]"
	tests := []struct {
		asOf string
		// want is the status in brief: phase, day, duration, ended,
		// workers, started, next event.
		want        string
		wantDemands string
	}{
		{"2024-10-15", "threatened day 0 duration 0 ended  workers 2400 started 2024-10-21 next &{2024-10-21 strike begins}", demands},
		{"2024-11-01", "strike day 12 duration 0 ended  workers 2400 started 2024-10-21 next <nil>", demands},
		{"2025-03-15", "mediation day 146 duration 0 ended  workers 2400 started 2024-10-21 next <nil>", demands},
		{"2025-05-07", "tentative_agreement day 0 duration 196 ended 2025-05-05 workers 2400 started 2024-10-21 next &{2025-05-08 ratification vote}", demands},
		{"2025-05-10", "ratified day 0 duration 196 ended 2025-05-05 workers 2400 started 2024-10-21 next <nil>", demands},
		{"2025-06-01", "ended day 0 duration 196 ended 2025-05-05 workers 2400 started 2024-10-21 next <nil>", demands},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			now := day(t, tt.asOf, 12)
			st := coverage.Synthesize(coverage.StatusInput{
				Campaign: strike.Campaign{ID: "kaiser-socal", Name: "Kaiser mental health strike"},
				Articles: arts,
				Now:      now,
			})
			got := fmt.Sprintf("%s day %d duration %d ended %s workers %d started %s next %v",
				st.Phase, st.Day, st.DurationDays, st.Ended, st.Workers, st.Started, st.NextEvent)
			if got != tt.want {
				t.Errorf("status as of %s:\n got %s\nwant %s", tt.asOf, got, tt.want)
			}
			if got := fmt.Sprint(slices.Sorted(slices.Values(st.Demands))); got != tt.wantDemands {
				t.Errorf("Demands (sorted) = %s, want %s", got, tt.wantDemands)
			}
			if st.Union != "National Union of Healthcare Workers" || st.Employer != "Kaiser Permanente" {
				t.Errorf("Union, Employer = %q, %q", st.Union, st.Employer)
			}
			if st.AsOf.After(now) || now.Sub(st.AsOf) > 20*24*time.Hour {
				t.Errorf("AsOf = %v, want the newest article before %v", st.AsOf, now)
			}
			byID := make(map[int64]strike.Article)
			for _, a := range arts {
				byID[a.ID] = a
			}
			for f, srcs := range st.Sources {
				if len(srcs) == 0 {
					t.Errorf("field %s has an empty source list", f)
				}
				for _, s := range srcs {
					a, ok := byID[s.ArticleID]
					if !ok || a.Published.After(now) || a.Source != s.Source {
						t.Errorf("field %s cites %+v, not an article published by %v", f, s, now)
					}
				}
			}
			for _, f := range []strike.StatusField{strike.FieldPhase, strike.FieldWorkers, strike.FieldUnion, strike.FieldEmployer, strike.FieldStarted} {
				if len(st.Sources[f]) == 0 {
					t.Errorf("no sources for %s", f)
				}
			}
			if len(st.Conflicts) != 0 {
				t.Errorf("conflicts on the consistent labeled corpus: %v", st.Conflicts)
			}
		})
	}
}

func BenchmarkSynthesizeCorpus(b *testing.B) {
	in := coverage.StatusInput{
		Campaign: strike.Campaign{ID: "kaiser-socal"},
		Articles: labeledCore(b),
		Now:      time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC),
	}
	b.ReportAllocs()
	for b.Loop() {
		coverage.Synthesize(in)
	}
}

// TestSynthesizeCorpusExtracted runs the status over the facts the
// extractor reads from the corpus, not the labels: the path a new user's
// coverage takes. The strike's public facts must come out as the labels
// give them.
func TestSynthesizeCorpusExtracted(t *testing.T) {
	arts := labeledCore(t)
	x := corpusExtractor(t)
	for i := range arts {
		arts[i].Facts = x.Extract(&arts[i])
	}
	type brief struct {
		phase, ended, started, next string
		day, duration, workers      int
	}
	tests := []struct {
		asOf string
		want brief
	}{
		{"2024-10-15", brief{phase: "threatened", started: "2024-10-21", workers: 2400, next: "2024-10-21 strike begins"}},
		{"2024-11-01", brief{phase: "strike", day: 12, started: "2024-10-21", workers: 2400}},
		{"2025-03-15", brief{phase: "mediation", day: 146, started: "2024-10-21", workers: 2400}},
		{"2025-05-07", brief{phase: "tentative_agreement", duration: 196, ended: "2025-05-05", started: "2024-10-21", workers: 2400, next: "2025-05-08 ratification vote"}},
		{"2025-05-10", brief{phase: "ratified", duration: 196, ended: "2025-05-05", started: "2024-10-21", workers: 2400}},
		{"2025-06-01", brief{phase: "ended", duration: 196, ended: "2025-05-05", started: "2024-10-21", workers: 2400}},
	}
	right, all := 0, 0
	for _, tt := range tests {
		st := coverage.Synthesize(coverage.StatusInput{
			Campaign: strike.Campaign{ID: "kaiser-socal", Name: "Kaiser mental health strike"},
			Articles: arts,
			Now:      day(t, tt.asOf, 12),
		})
		next := ""
		if st.NextEvent != nil {
			next = st.NextEvent.Date + " " + st.NextEvent.What
		}
		got := brief{st.Phase, st.Ended, st.Started, next, st.Day, st.DurationDays, st.Workers}
		for _, c := range []struct {
			name      string
			got, want any
		}{
			{"phase", got.phase, tt.want.phase}, {"ended", got.ended, tt.want.ended}, {"started", got.started, tt.want.started},
			{"next", got.next, tt.want.next}, {"day", got.day, tt.want.day}, {"duration", got.duration, tt.want.duration},
			{"workers", got.workers, tt.want.workers},
			{"union", st.Union, "National Union of Healthcare Workers"}, {"employer", st.Employer, "Kaiser Permanente"},
		} {
			all++
			if c.got == c.want {
				right++
			} else {
				t.Errorf("as of %s: %s = %v, want %v", tt.asOf, c.name, c.got, c.want)
			}
		}
		for _, f := range []strike.StatusField{strike.FieldPhase, strike.FieldStarted, strike.FieldEnded, strike.FieldWorkers, strike.FieldUnion} {
			if len(st.Conflicts[f]) > 0 {
				t.Errorf("as of %s: %s conflicts on the consistent corpus: %+v", tt.asOf, f, st.Conflicts[f])
			}
		}
	}
	t.Logf("status fields right on extracted facts: %d/%d", right, all)
}
