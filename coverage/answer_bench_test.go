package coverage_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// ansBenchIndex builds, once, an index of 10,000 synthetic articles of
// about 30 sentences each: corpus sentences drawn at random, each with a
// few synthetic words mixed in so that the vocabulary grows as a real
// archive's does.
var ansBenchIndex = sync.OnceValues(func() (*coverage.Index, error) {
	docs, err := demo.Corpus()
	if err != nil {
		return nil, err
	}
	var pool []string
	for _, d := range docs {
		if d.Tier == strike.TierNone {
			continue
		}
		for _, s := range coverage.Sentences(d.Body) {
			pool = append(pool, s.Text)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	syllables := []string{"ka", "lo", "mi", "ren", "tu", "vos", "sel", "dar", "pin", "qua", "bex", "nor"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		return b.String()
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	ix := coverage.NewIndex(nil, func() time.Time { return start.Add(600 * 24 * time.Hour) })
	var b strings.Builder
	for i := range 10000 {
		b.Reset()
		for range 30 {
			words := strings.Fields(pool[rng.IntN(len(pool))])
			for range 3 {
				at := rng.IntN(len(words) + 1)
				words = slices.Insert(words, at, word())
			}
			b.WriteString(strings.Join(words, " "))
			b.WriteString(" ")
		}
		tier := strike.TierCore
		if i%4 == 0 {
			tier = strike.TierRelated
		}
		ix.Add(strike.Article{
			ID:        int64(i + 1),
			URL:       fmt.Sprintf("https://news.example/%d", i+1),
			Title:     fmt.Sprintf("Strike report %d %s", i+1, word()),
			Source:    "Bench Outlet",
			Text:      b.String(),
			Published: start.Add(time.Duration(i) * time.Hour),
			Relevance: strike.Relevance{Tier: tier},
		})
	}
	return ix, nil
})

var ansBenchQuestions = []string{
	"Why are they striking?",
	"What did Kaiser offer?",
	"When is the vote?",
	"How many workers are on strike?",
	"When did the strike start?",
	"What is the weather in Paris?",
	"What do the therapists want from Kaiser Permanente in Southern California?",
	"how long did the strike last",
	"Is the strike over?",
	"What raise did the workers win?",
	"What's happening?",
}

// ansBenchStatus is a status as the View hands it to AskStatus, its
// sources among the benchmark's articles.
var ansBenchStatus = func() strike.Status {
	srcs := func(ids ...int64) []strike.FieldSource {
		var out []strike.FieldSource
		for _, id := range ids {
			out = append(out, strike.FieldSource{ArticleID: id, URL: fmt.Sprintf("https://news.example/%d", id), Source: "Bench Outlet",
				Sentence: "Roughly 2,400 workers went on strike Monday, Oct. 21."})
		}
		return out
	}
	return strike.Status{
		Phase: strike.PhaseMediation, Workers: 2400, Union: "National Union of Healthcare Workers", Employer: "Kaiser Permanente",
		Started: "2024-10-21", Day: 146, Offer: "18% over four years", Demands: []string{"pensions", "pay parity"},
		Sources: map[strike.StatusField][]strike.FieldSource{
			strike.FieldPhase: srcs(9001, 9002), strike.FieldWorkers: srcs(9003, 9004), strike.FieldStarted: srcs(9005, 9006),
			strike.FieldUnion: srcs(9007), strike.FieldEmployer: srcs(9008), strike.FieldOffer: srcs(9009), strike.FieldDemands: srcs(9010),
		},
	}
}()

// BenchmarkAsk10k asks questions of 10,000 stored articles, with a status
// as the View does. Besides the mean (ns/op) it reports the median time
// of one AskStatus (median-ns/op).
func BenchmarkAsk10k(b *testing.B) {
	ix, err := ansBenchIndex()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(ix.Len()), "sentences")
	var times []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		ix.AskStatus(ansBenchQuestions[i%len(ansBenchQuestions)], &ansBenchStatus)
		times = append(times, time.Since(t0))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/op")
}

// BenchmarkIndexAdd adds one corpus article to an index.
func BenchmarkIndexAdd(b *testing.B) {
	docs, err := demo.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	ix := coverage.NewIndex(nil, nil)
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		a := ansArticle(int64(i+1), d)
		a.Relevance.Tier = strike.TierCore
		ix.Add(a)
		i++
	}
}
