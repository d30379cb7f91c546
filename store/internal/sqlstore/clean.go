package sqlstore

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// Clean returns s with every NUL byte removed and every run of invalid UTF-8
// (lone surrogates included) replaced by U+FFFD. PostgreSQL text cannot hold
// NUL while SQLite can, so both backends clean every string before writing
// and then store exactly the same text.
func Clean(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "")
}

func cleanAll(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Clean(s)
	}
	return out
}

// CleanArticle returns a copy of a as it will be stored: strings cleaned,
// times in UTC truncated to microseconds, a NaN score made 0. The caller's
// slices and maps are not modified.
func CleanArticle(a strike.Article) strike.Article {
	a.CampaignID = Clean(a.CampaignID)
	a.Feed = Clean(a.Feed)
	a.Key = Clean(a.Key)
	a.URL = Clean(a.URL)
	a.Title = Clean(a.Title)
	a.Source = Clean(a.Source)
	a.Author = Clean(a.Author)
	a.Summary = Clean(a.Summary)
	a.Text = Clean(a.Text)
	a.Published = cleanTime(a.Published)
	a.FirstSeen = cleanTime(a.FirstSeen)
	a.Relevance.Tier = strike.Tier(Clean(string(a.Relevance.Tier)))
	if math.IsNaN(a.Relevance.Score) {
		// SQLite stores NaN as NULL; PostgreSQL keeps it. Neither is useful.
		a.Relevance.Score = 0
	}
	a.Relevance.Reasons = cleanAll(a.Relevance.Reasons)
	a.Facts = cleanFacts(a.Facts)
	return a
}

func cleanFacts(f strike.Facts) strike.Facts {
	f.Phase = Clean(f.Phase)
	f.Union = Clean(f.Union)
	f.Employer = Clean(f.Employer)
	f.Started = Clean(f.Started)
	f.Offer = Clean(f.Offer)
	f.Demands = cleanAll(f.Demands)
	if len(f.Events) > 0 {
		ev := make([]strike.Event, len(f.Events))
		for i, e := range f.Events {
			ev[i] = strike.Event{Date: Clean(e.Date), What: Clean(e.What)}
		}
		f.Events = ev
	} else {
		f.Events = nil
	}
	if len(f.Evidence) > 0 {
		m := make(map[string]string, len(f.Evidence))
		for k, v := range f.Evidence {
			m[Clean(k)] = Clean(v)
		}
		f.Evidence = m
	} else {
		f.Evidence = nil
	}
	return f
}

// CleanFeedState returns a copy of s as it will be stored.
func CleanFeedState(s strike.FeedState) strike.FeedState {
	s.URL = Clean(s.URL)
	s.CampaignID = Clean(s.CampaignID)
	s.Title = Clean(s.Title)
	s.ETag = Clean(s.ETag)
	s.LastModified = Clean(s.LastModified)
	s.BodyHash = Clean(s.BodyHash)
	s.LastErrorText = Clean(s.LastErrorText)
	s.LastPoll = cleanTime(s.LastPoll)
	s.LastSuccess = cleanTime(s.LastSuccess)
	s.LastError = cleanTime(s.LastError)
	s.NextPoll = cleanTime(s.NextPoll)
	s.FailingSince = cleanTime(s.FailingSince)
	s.Paused = cleanTime(s.Paused)
	s.PausedBy = Clean(s.PausedBy)
	s.Alerted = cleanTime(s.Alerted)
	return s
}

// cleanTime returns t in UTC truncated to microseconds, the precision both
// backends keep (PostgreSQL timestamptz has microseconds). The zero time
// stays zero.
func cleanTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}
