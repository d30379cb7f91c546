package coverage_test

import (
	"fmt"
	"slices"
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

// member makes a's clustering member, with its event features.
func member(id, story int64, a *strike.Article) coverage.Member {
	return coverage.Member{ArticleID: id, StoryID: story, Published: a.Published, Sig: coverage.Sign(a), Title: a.Title,
		Tier: a.Relevance.Tier, Event: coverage.EventOf(a, strike.Facts{}, "")}
}

// add records a as article id, a member of story.
func add(c *coverage.Clusterer, id, story int64, a *strike.Article) {
	c.Add(member(id, story, a))
}

// assign returns the first story a matches, as the Assign of older
// builds did.
func assign(c *coverage.Clusterer, a *strike.Article) (int64, bool) {
	m := member(1<<40, 0, a)
	ids := c.Match(&m)
	if len(ids) == 0 {
		return 0, false
	}
	return ids[0], true
}

func TestClustererMatch(t *testing.T) {
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
		{"wire copy a week later", article(talksTitle, talksText, day0.Add(6*24*time.Hour), core), 1, true},
		{"wire copy after the window", article(talksTitle, talksText, day0.Add(8*24*time.Hour), core), 0, false},
		{"wire copy published before", article(talksTitle, talksText, day0.Add(-2*24*time.Hour), core), 1, true},
		{"own report same day", article(talksOtherTitle, talksOtherText, day0.Add(3*time.Hour), core), 1, true},
		{"own report after the event's life", article(talksOtherTitle, talksOtherText, day0.Add(4*24*time.Hour), core), 0, false},
		{"next event of the strike", article(dealTitle, dealText, day0.Add(3*24*time.Hour), core), 0, false},
		{"unrelated", article(gardenTitle+" again", gardenText, day0, core), 0, false},
		{"none-tier copy of a strike story", article(talksTitle, talksText, day0, none), 0, false},
		{"strike article copying none-tier news", article(gardenTitle, gardenText, day0, core), 0, false},
		{"none-tier copy of none-tier news", article(gardenTitle, gardenText, day0, none), 2, true},
		{"copy of an old member", article(harborTitle, harborText, day0.Add(-20*24*time.Hour+time.Hour), core), 3, true},
		{"empty", article("", "", day0, core), 0, false},
	}
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	for i, a := range stored {
		add(c, int64(i+1), int64(i+1), a)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := assign(c, tt.a)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Match = %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestClustererSameHeadline(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{FollowGap: time.Hour})
	first := article(talksTitle, talksText, day0, strike.TierCore)
	add(c, 1, 1, first)
	// After the event's life, a report in other words joins only when it
	// shares the headline.
	later := day0.Add(5 * 24 * time.Hour)
	sameTitle := article(talksTitle, talksOtherText, later, strike.TierCore)
	if got, ok := assign(c, sameTitle); !ok || got != 1 {
		t.Errorf("same headline: Match = %d, %v; want 1, true", got, ok)
	}
	otherTitle := article(talksOtherTitle, talksOtherText, later, strike.TierCore)
	if got, ok := assign(c, otherTitle); ok {
		t.Errorf("other headline: Match = %d, %v; want a new story", got, ok)
	}
}

// Two events at one employer, published hours apart, sharing many words:
// a pharmacists' strike vote and the start of the therapists' strike.
const (
	pharmacistsTitle = "Kaiser pharmacists vote to authorize strike in Southern California"
	pharmacistsText  = `Pharmacists at Kaiser Permanente's Southern California hospitals and clinics voted by a wide margin to authorize a strike, their union said Monday, as contract talks over staffing and pay dragged on.

The pharmacists say understaffed pharmacies make patients wait for prescriptions. Kaiser said it was bargaining in good faith and hoped to avoid a strike.`
	therapistsTitle = "Kaiser therapists walk off the job across Southern California"
	therapistsText  = `Mental health therapists at Kaiser Permanente's Southern California hospitals and clinics went on strike Monday over staffing and pay, their union said, after contract talks broke down.

The therapists say understaffed clinics make patients wait weeks for appointments. Kaiser said it was bargaining in good faith and that patients would still be seen during the strike.`
)

func TestClustererEventsApart(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	add(c, 1, 1, article(therapistsTitle, therapistsText, day0, strike.TierCore))
	vote := article(pharmacistsTitle, pharmacistsText, day0.Add(3*time.Hour), strike.TierCore)
	if sig, other := coverage.Sign(vote), coverage.Sign(article(therapistsTitle, therapistsText, day0, strike.TierCore)); sig.WordJaccard(other) < 0.15 {
		t.Fatalf("the fixture's two texts share too few words (%.2f) to test this", sig.WordJaccard(other))
	}
	if got, ok := assign(c, vote); ok {
		t.Errorf("the pharmacists' vote joined story %d of the therapists' strike", got)
	}
}

func TestClustererMatchesSeveral(t *testing.T) {
	// Two stories that a late article shows to be one event: it matches
	// both, and the caller merges them.
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	add(c, 1, 4, article(talksTitle, talksText, day0, strike.TierCore))
	add(c, 2, 9, article(talksOtherTitle, talksOtherText, day0.Add(-3*24*time.Hour-time.Hour), strike.TierCore))
	bridge := member(3, 0, article("Harbor Point strike talks resume", talksOtherText, day0.Add(-time.Hour), strike.TierCore))
	if got, want := c.Match(&bridge), []int64{4, 9}; !slices.Equal(got, want) {
		t.Fatalf("Match = %v, want %v", got, want)
	}
	c.Relabel(9, 4)
	if got, want := c.Match(&bridge), []int64{4}; !slices.Equal(got, want) {
		t.Errorf("Match after Relabel = %v, want %v", got, want)
	}
}

func TestClustererAddIsIdempotent(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	a := article(talksTitle, talksText, day0, strike.TierCore)
	add(c, 1, 1, a)
	add(c, 1, 5, a) // the same article, moved to story 5
	if got, want := c.Len(), 1; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
	if got, ok := assign(c, article("copy", talksText, day0, strike.TierCore)); !ok || got != 5 {
		t.Errorf("Match = %d, %v; want 5, true", got, ok)
	}
	self := member(1, 5, a)
	if got := c.Match(&self); len(got) != 0 {
		t.Errorf("an article matched itself: %v", got)
	}
}

func TestClustererRetain(t *testing.T) {
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	for i := 0; i < 30; i++ {
		add(c, int64(i+1), int64(i+1), article(talksTitle, talksText, day0.Add(time.Duration(i)*24*time.Hour), strike.TierCore))
	}
	firstDay := day0.Unix() / 86400
	c.Retain(func(day int64) bool { return day >= firstDay+20 })
	if got, want := c.Len(), 10; got != want {
		t.Errorf("Len after Retain = %d, want %d", got, want)
	}
	if got, ok := assign(c, article("copy", talksText, day0.Add(2*24*time.Hour), strike.TierCore)); ok {
		t.Errorf("Match found dropped story %d", got)
	}
	if got, ok := assign(c, article("copy", talksText, day0.Add(25*24*time.Hour), strike.TierCore)); !ok || got < 21 {
		t.Errorf("Match = %d, %v; want a story kept, from 21 on", got, ok)
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
				id, ok := assign(c, a)
				if !ok {
					id = int64(g*1000 + i)
				}
				add(c, int64(g*1000+i), id, a)
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
	odd := coverage.NewClusterer(coverage.ClusterOptions{Bands: 100, Rows: 3}).Options()
	if odd.Bands*odd.Rows > coverage.WordHashes {
		t.Errorf("Bands·Rows = %d·%d, more than %d word hashes", odd.Bands, odd.Rows, coverage.WordHashes)
	}
	if r := got.Reach(); r < got.CopyWindow || r < 14*24*time.Hour {
		t.Errorf("Reach = %v, shorter than the copy window or a hunger strike's life", r)
	}
}

func TestClustererRows(t *testing.T) {
	// With bands of several rows the index finds copies still.
	c := coverage.NewClusterer(coverage.ClusterOptions{Bands: 16, Rows: 4})
	add(c, 1, 1, article(talksTitle, talksText, day0, strike.TierCore))
	if got, ok := assign(c, article("copy", talksText, day0.Add(time.Hour), strike.TierCore)); !ok || got != 1 {
		t.Errorf("Match = %d, %v; want 1, true", got, ok)
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

var _ = fmt.Sprint

// TestClustererNotReportNeverBridges: an opinion piece the day after a
// deal, sharing the deal's words and kind of event, joins no report of it
// and so does not tie the deal's story to the next day's; its copy still
// joins it, and so does a piece under the same headline.
func TestClustererNotReportNeverBridges(t *testing.T) {
	const (
		oped     = "Commentary: The Harbor Point deal is a start. Patients need more."
		opedText = `The tentative agreement between Harbor Point clinic and its striking nurses, reached on Thursday, is good news for patients who waited weeks for care.

But thirty new nursing positions will not fill themselves. The clinic and the Coastal Nurses Guild should turn the energy of this strike toward hiring, and publish how many patients each nurse cares for.`
		dealNews     = "Harbor Point clinic and nurses reach tentative agreement"
		dealNewsText = `Harbor Point clinic and the Coastal Nurses Guild reached a tentative agreement on Thursday to end the nurses' strike over staffing, the guild said.

The deal adds thirty nursing positions and limits how many patients each nurse cares for on day shifts. Members vote next week.`
	)
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	add(c, 1, 1, article(dealNews, dealNewsText, day0, strike.TierCore))
	if got, ok := assign(c, article(oped, opedText, day0.Add(20*time.Hour), strike.TierCore)); ok {
		t.Errorf("the commentary joined story %d; want a story of its own", got)
	}
	// The same commentary taken up by another site is its copy.
	add(c, 2, 2, article(oped, opedText, day0.Add(20*time.Hour), strike.TierCore))
	if got, ok := assign(c, article("Opinion: The deal is a start; patients need more", opedText, day0.Add(30*time.Hour), strike.TierCore)); !ok || got != 2 {
		t.Errorf("the commentary's copy = %d, %v; want story 2", got, ok)
	}
	// A news report under the commentary's headline still shares it.
	if got, ok := assign(c, article(oped, dealNewsText, day0.Add(21*time.Hour), strike.TierCore)); !ok {
		t.Errorf("a piece under the same headline = %d, %v; want a match", got, ok)
	}
	// Without the label the same piece is a follow-up of the deal.
	if _, ok := assign(c, article("The Harbor Point deal is a start. Patients need more.", opedText, day0.Add(20*time.Hour), strike.TierCore)); !ok {
		t.Errorf("the unlabelled piece joined no story; the test texts no longer share the deal's words")
	}
}

// Two pieces on a strike under way that report no event of their own: a
// weekly's portrait of one picket line and a patients' feature the next
// day. They share the strike's words, not an event.
const (
	portraitTitle = "On the Glendale picket line, clinicians bring their own folding chairs"
	portraitText  = `Kaiser mental health clinicians in Glendale have turned a strip of sidewalk into a second office, with folding chairs, a thermos of coffee and a sign-up sheet for shifts. The strike over staffing and pensions is in its first week.

Several of them said patients keep calling their personal phones to ask when therapy will resume.`
	patientsTitle = "Patients wait as Kaiser therapists stay out"
	patientsText  = `Kaiser patients in the San Fernando Valley say they have not heard when therapy will resume during the strike. One mother said her son's group program stopped without notice.

Kaiser said patients with urgent needs would still be seen by other clinicians.`
)

func TestClustererPlainFollowUp(t *testing.T) {
	a := article(portraitTitle, portraitText, day0, strike.TierCore)
	b := article(patientsTitle, patientsText, day0.Add(24*time.Hour), strike.TierCore)
	wj := coverage.Sign(a).WordJaccard(coverage.Sign(b))
	o := coverage.DefaultClusterOptions()
	if wj < o.TopicThreshold || wj >= o.PlainTopicThreshold {
		t.Fatalf("word Jaccard %.2f, want between TopicThreshold %.2f and PlainTopicThreshold %.2f", wj, o.TopicThreshold, o.PlainTopicThreshold)
	}
	c := coverage.NewClusterer(coverage.ClusterOptions{})
	add(c, 1, 1, a)
	if got, ok := assign(c, b); ok {
		t.Errorf("two pieces on a strike under way: Match = %d, want a new story", got)
	}
	// With the threshold of pieces that name an event, they would join.
	loose := coverage.NewClusterer(coverage.ClusterOptions{PlainTopicThreshold: o.TopicThreshold})
	add(loose, 1, 1, a)
	if got, ok := assign(loose, b); !ok || got != 1 {
		t.Errorf("at TopicThreshold: Match = %d, %v; want 1, true", got, ok)
	}
}
