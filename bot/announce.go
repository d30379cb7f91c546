package bot

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// Kind says what an announcement reports.
type Kind string

// The kinds of announcement.
const (
	// KindNewStory is a story seen for the first time.
	KindNewStory Kind = "new_story"
	// KindPhaseChange is a story that moved the strike to a new phase.
	KindPhaseChange Kind = "phase_change"
	// KindUpdate is another outlet, or new facts, on a known story: posted
	// as an update of the story, never as a new one.
	KindUpdate Kind = "update"
)

// Announcement is one piece of news to post about a story.
type Announcement struct {
	Kind    Kind
	StoryID int64
	Tier    strike.Tier
	// Title is the story's headline; Summary its short summary.
	Title   string
	Summary string
	// Phase and PrevPhase are set for KindPhaseChange.
	Phase, PrevPhase string
	// Source, URL, ArticleTitle and Published are the article that caused
	// the announcement.
	Source       string
	URL          string
	ArticleTitle string
	Published    time.Time
	// Estimated is true when Published is the first-seen time because the
	// feed gave no usable date.
	Estimated bool
	// Sources are every outlet that has covered the story.
	Sources []string
	Reasons []string
	// TimeZone is the IANA zone of the subscription the post is for:
	// platforms show times in it (LocalTime); "" for UTC.
	TimeZone string `json:"tz,omitempty"`
	// Mention is the user group or role the subscription wants mentioned
	// on a phase change (strike.Subscription.Mention); set on phase
	// changes only.
	Mention string `json:"mention,omitempty"`
}

// LocalTime formats t for a post in the IANA zone tz ("2025-05-01 09:30
// PDT"), in UTC when tz is empty or unknown.
func LocalTime(t time.Time, tz string) string {
	loc := time.UTC
	if tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			loc = l
		}
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// LeadRunes is the longest Summary an Announcement carries.
const LeadRunes = 400

// FromEvent turns a story event into an announcement; ok is false for
// events that are not worth announcing (a copy with nothing new).
func FromEvent(ev coverage.StoryEvent) (an Announcement, ok bool) {
	a, s := ev.Article, ev.Story
	an = Announcement{
		StoryID:      s.ID,
		Tier:         s.Tier,
		Title:        s.Title,
		Summary:      Truncate(strings.Join(strings.Fields(s.Summary), " "), LeadRunes),
		Source:       a.Source,
		URL:          a.URL,
		ArticleTitle: a.Title,
		Published:    a.Published,
		Estimated:    a.PublishedEstimated,
		Sources:      s.Sources(),
		Reasons:      a.Relevance.Reasons,
	}
	if an.Summary == "" {
		text := a.Summary
		if text == "" {
			text = a.Text
		}
		an.Summary = Truncate(strings.Join(strings.Fields(text), " "), LeadRunes)
	}
	switch ev.Kind {
	case coverage.EventNewStory:
		an.Kind = KindNewStory
	case coverage.EventPhaseChange:
		an.Kind, an.Phase, an.PrevPhase = KindPhaseChange, a.Facts.Phase, ev.PrevPhase
	case coverage.EventNewOutlet, coverage.EventNewFacts:
		an.Kind = KindUpdate
	default:
		return Announcement{}, false
	}
	return an, true
}

// Truncate shortens s to at most n runes, cutting at a word boundary when
// one is near and marking the cut with "…". It never splits a rune.
func Truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	cut := runes[:n-1]
	if i := lastSpace(cut); i > len(cut)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(string(cut), " ,;:.") + "…"
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == ' ' {
			return i
		}
	}
	return -1
}
