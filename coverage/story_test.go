package coverage_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

var day0 = time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC)

// More texts written for these tests: three reports of one event by
// different outlets, each in its own words, and a later event of the same
// strike.
const (
	talksTitle = "Harbor clinic and nurses return to bargaining table"
	talksText  = `Managers of the Harbor Point clinic and the Coastal Nurses Guild met for six hours on Monday, the first bargaining session since nurses began their strike over staffing.

Neither side reported progress on hiring. The guild wants forty more nurses on the clinic's payroll and a cap on patients per nurse; the clinic says it cannot find enough applicants.`

	talksOtherTitle = "No breakthrough as Harbor Point strike talks resume"
	talksOtherText  = `The first talks in weeks between striking Harbor Point nurses and clinic management ended late Monday without an agreement, guild spokesperson Dana Ferreira said.

Ferreira said the clinic had not moved on the guild's call for forty new nursing jobs and limits on how many patients each nurse must care for. A clinic statement said recruiting was the problem, not money.`

	dealTitle = "Harbor Point nurses approve contract, ending strike"
	dealText  = `Striking nurses at Harbor Point clinic voted to accept a new contract on Thursday, ending a walkout that began last month over staffing.

The agreement adds thirty nursing positions, limits patients per nurse on day shifts and raises pay 11% over three years, the Coastal Nurses Guild said. Nurses return to work on Monday.`
)

func article(title, text string, published time.Time, tier strike.Tier) *strike.Article {
	return &strike.Article{Title: title, Text: text, Published: published, Relevance: strike.Relevance{Tier: tier}}
}

// add signs a, records it as a member of story, and returns its signature.
func add(c *coverage.Clusterer, id, story int64, a *strike.Article) {
	c.Add(coverage.Member{ArticleID: id, StoryID: story, Published: a.Published, Sig: coverage.Sign(a), Title: a.Title, Tier: a.Relevance.Tier})
}

func TestClustererAssign(t *testing.T) {
	core, related, none := strike.TierCore, strike.TierRelated, strike.TierNone
	stored := []*strike.Article{
		article(talksTitle, talksText, day0, core),                         // story 1
		article(gardenTitle, gardenText, day0.Add(-time.Hour), none),       // story 2
		article(harborTitle, harborText, day0.Add(-20*24*time.Hour), core), // story 3, old
	}
	tests := []struct {
		name   string
		a      *strike.Article
		want   int64
		wantOK bool
	}{
		{"wire copy next day", article("Nurses, clinic talk again", talksText, day0.Add(24*time.Hour), core), 1, true},
		{"wire copy as related", article("Nurses, clinic talk again", talksText, day0.Add(24*time.Hour), related), 1, true},
		{"wire copy after the window", article(talksTitle, talksText, day0.Add(5*24*time.Hour), core), 0, false},
		{"wire copy published before", article(talksTitle, talksText, day0.Add(-2*24*time.Hour), core), 1, true},
		{"own report same day", article(talksOtherTitle, talksOtherText, day0.Add(3*time.Hour), core), 1, true},
		{"own report after the follow-up gap", article(talksOtherTitle, talksOtherText, day0.Add(3*24*time.Hour), core), 0, false},
		{"next event of the strike", article(dealTitle, dealText, day0.Add(3*24*time.Hour), core), 0, false},
		{"unrelated", article(gardenTitle+" again", gardenText, day0, core), 0, false},
		{"none-tier copy of a strike story", article(talksTitle, talksText, day0, none), 0, false},
		{"strike article copying none-tier news", article(gardenTitle, gardenText, day0, core), 0, false},
		{"none-tier copy of none-tier news", article(gardenTitle, gardenText, day0, none), 2, true},
		{"copy of a member beyond retention", article(harborTitle, harborText, day0.Add(-20*24*time.Hour), core), 0, false},
		{"empty", article("", "", day0, core), 0, false},
	}
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	for i, a := range stored {
		add(c, int64(i+1), int64(i+1), a)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := c.Assign(tt.a, coverage.Sign(tt.a))
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Assign = %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestClustererSameHeadline(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{FollowGap: time.Hour})
	first := article(talksTitle, talksText, day0, strike.TierCore)
	add(c, 1, 1, first)
	// Outside the follow-up gap, a report in other words joins only when
	// it shares the headline.
	later := day0.Add(3 * 24 * time.Hour)
	sameTitle := article(talksTitle, talksOtherText, later, strike.TierCore)
	if got, ok := c.Assign(sameTitle, coverage.Sign(sameTitle)); !ok || got != 1 {
		t.Errorf("same headline: Assign = %d, %v; want 1, true", got, ok)
	}
	otherTitle := article(talksOtherTitle, talksOtherText, later, strike.TierCore)
	if got, ok := c.Assign(otherTitle, coverage.Sign(otherTitle)); ok {
		t.Errorf("other headline: Assign = %d, %v; want a new story", got, ok)
	}
}

func TestClustererFollowUpsStopAtWindow(t *testing.T) {
	// Daily reports in slightly different words chain into one story only
	// until Window after its first member; then a new story opens.
	c := coverage.NewClusterer(coverage.ClusterOptions{Window: 48 * time.Hour, FollowGap: 30 * time.Hour, TopicThreshold: 0.01})
	texts := []string{talksText, talksOtherText, harborText, dealText}
	var stories []int64
	next := int64(0)
	for i := 0; i < 4; i++ {
		a := article(fmt.Sprintf("Day %d", i+1), texts[i], day0.Add(time.Duration(i)*24*time.Hour), strike.TierCore)
		id, ok := c.Assign(a, coverage.Sign(a))
		if !ok {
			next++
			id = next
		}
		add(c, int64(i+1), id, a)
		stories = append(stories, id)
	}
	want := []int64{1, 1, 1, 2}
	if fmt.Sprint(stories) != fmt.Sprint(want) {
		t.Errorf("stories = %v, want %v", stories, want)
	}
}

func TestClustererLoad(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	a := article(talksTitle, talksText, day0, strike.TierCore)
	old := article(harborTitle, harborText, day0.Add(-30*24*time.Hour), strike.TierCore)
	c.Load([]coverage.Member{
		{ArticleID: 9, StoryID: 7, Published: a.Published, Sig: coverage.Sign(a), Title: a.Title, Tier: strike.TierCore},
		{ArticleID: 8, StoryID: 6, Published: old.Published, Sig: coverage.Sign(old), Title: old.Title, Tier: strike.TierCore},
	})
	if got, want := c.Len(), 1; got != want {
		t.Errorf("Len after Load = %d, want %d (the old member is beyond retention)", got, want)
	}
	copy := article("Copy", talksText, day0.Add(time.Hour), strike.TierCore)
	if got, ok := c.Assign(copy, coverage.Sign(copy)); !ok || got != 7 {
		t.Errorf("Assign after Load = %d, %v; want 7, true", got, ok)
	}
	c.Load(nil)
	if got, ok := c.Assign(copy, coverage.Sign(copy)); ok {
		t.Errorf("Assign after Load(nil) = %d, %v; want a new story", got, ok)
	}
}

func TestClustererForgetsOldMembers(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{Retain: 10 * 24 * time.Hour})
	if got, want := c.Options().Retain, 10*24*time.Hour; got != want {
		t.Fatalf("Options().Retain = %v, want %v", got, want)
	}
	// 3,000 articles, one an hour over 125 days: compaction must keep the
	// index near the last 10 days (240 members) and copies must still be
	// found.
	signs := []coverage.Signature{sign(talksTitle, talksText), sign(dealTitle, dealText), sign(gardenTitle, gardenText)}
	for i := 0; i < 3000; i++ {
		c.Add(coverage.Member{ArticleID: int64(i), StoryID: int64(i), Published: day0.Add(time.Duration(i) * time.Hour), Sig: signs[i%3], Tier: strike.TierCore})
	}
	if got, max := c.Len(), 3*240+1024; got > max {
		t.Errorf("Len = %d, want at most %d", got, max)
	}
	a := article(dealTitle, dealText, day0.Add(3000*time.Hour), strike.TierCore)
	if got, ok := c.Assign(a, coverage.Sign(a)); !ok || got%3 != 1 {
		t.Errorf("Assign = %d, %v; want a story of the deal copies", got, ok)
	}
}

func TestClustererConcurrent(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	texts := [][2]string{{talksTitle, talksText}, {dealTitle, dealText}, {gardenTitle, gardenText}, {harborTitle, harborText}}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i := 0; i < 50; i++ {
				tx := texts[(g+i)%len(texts)]
				a := article(tx[0], tx[1], day0.Add(time.Duration(i)*time.Minute), strike.TierCore)
				sig := coverage.Sign(a)
				id, ok := c.Assign(a, sig)
				if !ok {
					id = int64(g*1000 + i)
				}
				c.Add(coverage.Member{ArticleID: int64(g*1000 + i), StoryID: id, Published: a.Published, Sig: sig, Title: a.Title, Tier: strike.TierCore})
			}
		})
	}
	wg.Wait()
	if got, want := c.Len(), 200; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
}

func TestClusterOptionsDefaults(t *testing.T) {
	got := coverage.NewClusterer(coverage.ClusterOptions{}).Options()
	if want := coverage.DefaultClusterOptions(); got != want {
		t.Errorf("zero options = %+v, want %+v", got, want)
	}
	odd := coverage.NewClusterer(coverage.ClusterOptions{Bands: 100, Rows: 3, Retain: time.Hour}).Options()
	if odd.Bands*odd.Rows > coverage.WordHashes {
		t.Errorf("Bands·Rows = %d·%d, more than %d word hashes", odd.Bands, odd.Rows, coverage.WordHashes)
	}
	if odd.Retain < odd.Window+odd.FollowGap {
		t.Errorf("Retain = %v, less than Window+FollowGap", odd.Retain)
	}
}

func TestClustererRows(t *testing.T) {
	// With bands of several rows the index finds copies still.
	c := coverage.NewClusterer(coverage.ClusterOptions{Bands: 16, Rows: 4})
	add(c, 1, 1, article(talksTitle, talksText, day0, strike.TierCore))
	a := article("copy", talksText, day0.Add(time.Hour), strike.TierCore)
	if got, ok := c.Assign(a, coverage.Sign(a)); !ok || got != 1 {
		t.Errorf("Assign = %d, %v; want 1, true", got, ok)
	}
}

func TestStoryTitle(t *testing.T) {
	tests := []struct {
		name   string
		titles []string
		want   string
	}{
		{"none", nil, ""},
		{"only empty", []string{"", ""}, ""},
		{"one", []string{"A"}, "A"},
		{"two keeps the first", []string{"Nurses strike at Harbor Point", "Walkout begins"}, "Nurses strike at Harbor Point"},
		{"skips empty first", []string{"", "Walkout begins"}, "Walkout begins"},
		{"most representative", []string{
			"Walkout begins",
			"Harbor Point nurses strike over staffing",
			"Nurses at Harbor Point go on strike",
			"Harbor Point strike: what patients should know",
		}, "Harbor Point nurses strike over staffing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := coverage.StoryTitle(tt.titles); got != tt.want {
				t.Errorf("StoryTitle(%q) = %q, want %q", tt.titles, got, tt.want)
			}
		})
	}
}
