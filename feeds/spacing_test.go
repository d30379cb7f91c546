package feeds

import (
	"math"
	"testing"
	"time"
)

// TestPlacesSpaceAHostsFeeds checks that a host's feeds take turns 1/k of
// the interval apart, whatever the order of the list, and that another
// host's feeds get places of their own.
func TestPlacesSpaceAHostsFeeds(t *testing.T) {
	list := map[string]Feed{}
	for _, u := range []string{
		"https://news.example/d.xml", "https://news.example/a.xml", "https://www.news.example/c.xml",
		"https://news.example/b.xml", "https://union.example/feed",
	} {
		list[u] = Feed{URL: u}
	}
	got := places(list)
	if got["https://union.example/feed"].width != 1 {
		t.Errorf("a host's only feed has width %v, want the whole interval", got["https://union.example/feed"].width)
	}
	var starts []float64
	for _, u := range []string{"https://news.example/a.xml", "https://news.example/b.xml", "https://news.example/d.xml", "https://www.news.example/c.xml"} {
		p := got[u]
		if p.width != 0.25 || p.start < 0 || p.start >= 1 {
			t.Fatalf("place of %s = %+v, want width 0.25 and a start in [0,1)", u, p)
		}
		starts = append(starts, p.start)
	}
	for i := range starts {
		for j := range i {
			gap := math.Abs(starts[i] - starts[j])
			gap = math.Min(gap, 1-gap)
			if gap < 0.25-1e-9 {
				t.Errorf("feeds %d and %d of one host are %.3f of the interval apart, want 0.25 or more", j, i, gap)
			}
		}
	}
	again := places(list)
	for u, p := range got {
		if again[u] != p {
			t.Errorf("place of %s moved from %+v to %+v on the same list", u, p, again[u])
		}
	}
}

// TestSlotKeepsTheFeedsPlace checks the next poll after a success: within
// half an interval of one interval later, at the feed's place (every
// replica computes the same), and with jitter inside the feed's share.
func TestSlotKeepsTheFeedsPlace(t *testing.T) {
	const iv = 15 * time.Minute
	at := place{start: 0.6, width: 0.25}
	for _, jitter := range []float64{0, 0.5} {
		p := &Poller{Interval: iv, Jitter: jitter}
		for i := range 200 {
			now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7919 * time.Millisecond)
			next := p.slot(now, at)
			if d := next.Sub(now); d < iv/2-iv/16 || d > iv+iv/2+iv/16 {
				t.Fatalf("jitter %v: next poll %v after the last, want about one interval", jitter, d)
			}
			off := time.Duration(next.UnixNano() % int64(iv))
			want := time.Duration(at.start * float64(iv))
			miss := off - want
			if miss > iv/2 {
				miss -= iv
			}
			if miss < -iv/2 {
				miss += iv
			}
			limit := time.Duration(jitter*at.width/2*float64(iv)) + time.Millisecond
			if miss < -limit || miss > limit {
				t.Fatalf("jitter %v: next poll %v from the feed's place, want within %v", jitter, miss, limit)
			}
		}
	}
}
