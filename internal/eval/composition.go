package eval

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// Composition counts what a corpus is made of.
type Composition struct {
	Docs    int
	ByTier  map[strike.Tier]int
	ByFeed  map[string]int
	ByYear  map[int]int
	Stories map[strike.Tier]int // distinct story labels per tier
	// Events counts the docs of each story labeled on core articles.
	Events     map[string]int
	CopyPairs  int
	Snippets   int
	Undated    int
	FeedYears  map[string][2]int // feed → first and last year published
	MultiStory int               // stories reported by two or more outlets in their own words
}

// Compose counts docs.
func Compose(docs []demo.Doc) Composition {
	c := Composition{
		Docs: len(docs), ByTier: map[strike.Tier]int{}, ByFeed: map[string]int{}, ByYear: map[int]int{},
		Stories: map[strike.Tier]int{}, Events: map[string]int{}, FeedYears: map[string][2]int{},
	}
	stories := map[strike.Tier]map[string]bool{}
	originals := map[string]map[string]bool{} // story → outlets of originals
	for _, d := range docs {
		c.ByTier[d.Tier]++
		c.ByFeed[d.Feed]++
		y := d.Published.Year()
		c.ByYear[y]++
		span, ok := c.FeedYears[d.Feed]
		if !ok {
			span = [2]int{y, y}
		}
		c.FeedYears[d.Feed] = [2]int{min(span[0], y), max(span[1], y)}
		if d.CopyOf != "" {
			c.CopyPairs++
		}
		if d.Snippet {
			c.Snippets++
		}
		if d.Undated {
			c.Undated++
		}
		if d.Story == "" {
			continue
		}
		if stories[d.Tier] == nil {
			stories[d.Tier] = map[string]bool{}
		}
		stories[d.Tier][d.Story] = true
		if d.Tier == strike.TierCore {
			c.Events[d.Story]++
		}
		if d.CopyOf == "" {
			if originals[d.Story] == nil {
				originals[d.Story] = map[string]bool{}
			}
			originals[d.Story][d.Outlet] = true
		}
	}
	for t, s := range stories {
		c.Stories[t] = len(s)
	}
	for _, o := range originals {
		if len(o) >= 2 {
			c.MultiStory++
		}
	}
	return c
}

// String describes the composition in a few lines.
func (c Composition) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles: %d core, %d related, %d none; %d snippet-only, %d undated, %d copy pairs\n",
		c.Docs, c.ByTier[strike.TierCore], c.ByTier[strike.TierRelated], c.ByTier[strike.TierNone],
		c.Snippets, c.Undated, c.CopyPairs)
	b.WriteString("feeds:")
	for _, f := range slices.Sorted(maps.Keys(c.ByFeed)) {
		span := c.FeedYears[f]
		fmt.Fprintf(&b, " %s %d (%d-%d)", f, c.ByFeed[f], span[0], span[1])
	}
	fmt.Fprintf(&b, "\nstories: %d core, %d related, %d none; %d reported by two or more outlets in their own words\n",
		c.Stories[strike.TierCore], c.Stories[strike.TierRelated], c.Stories[strike.TierNone], c.MultiStory)
	b.WriteString("core events:")
	for _, e := range slices.Sorted(maps.Keys(c.Events)) {
		fmt.Fprintf(&b, " %s %d,", e, c.Events[e])
	}
	return strings.TrimSuffix(b.String(), ",")
}
