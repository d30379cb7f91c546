package bot

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// Announcement is one piece of news to post: a new relevant article.
type Announcement struct {
	Tier      strike.Tier
	Title     string
	Source    string
	URL       string
	Published time.Time
	// Estimated is true when Published is the first-seen time because the
	// feed gave no usable date.
	Estimated bool
	// Lead is the start of the article's text, at most LeadRunes runes.
	Lead    string
	Reasons []string
}

// LeadRunes is the longest Lead an Announcement carries.
const LeadRunes = 280

// NewAnnouncement builds the announcement of a stored article.
func NewAnnouncement(a strike.Article) Announcement {
	text := a.Summary
	if text == "" {
		text = a.Text
	}
	return Announcement{
		Tier:      a.Relevance.Tier,
		Title:     a.Title,
		Source:    a.Source,
		URL:       a.URL,
		Published: a.Published,
		Estimated: a.PublishedEstimated,
		Lead:      Truncate(strings.Join(strings.Fields(text), " "), LeadRunes),
		Reasons:   a.Relevance.Reasons,
	}
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
