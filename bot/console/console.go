// Package console is strikebot's terminal platform: it prints announcements
// for the demo and for running without chat tokens.
package console

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// Printer writes announcements to W, one block each. It is safe for
// concurrent use: blocks never interleave.
type Printer struct {
	W io.Writer
	// Reasons adds the relevance reasons under each announcement.
	Reasons bool

	mu sync.Mutex
}

// maxReasons is how many relevance reasons an announcement shows.
const maxReasons = 4

// Announce prints one announcement: a new story or a phase change as a
// block, an update of a known story as an indented follow-up line.
func (p *Printer) Announce(an bot.Announcement) error {
	var b strings.Builder
	date := bot.LocalTime(an.Published, an.TimeZone) // UTC unless a channel's post
	if an.Estimated {
		date += " (first seen)"
	}
	switch an.Kind {
	case bot.KindUpdate:
		fmt.Fprintf(&b, "  ↳ story #%d %q: %s also reports (%s): %s\n", an.StoryID, oneLine(an.Title), oneLine(an.Source), date, oneLine(an.ArticleTitle))
		if an.URL != "" {
			fmt.Fprintf(&b, "    %s\n", an.URL)
		}
		b.WriteString("\n")
		return p.write(b.String())
	case bot.KindPhaseChange:
		fmt.Fprintf(&b, "▶ PHASE  %s (was %s): %s\n", phaseName(an.Phase), phaseName(an.PrevPhase), oneLine(an.Title))
	default:
		label := "NEWS"
		if an.Tier == strike.TierRelated {
			label = "RELATED"
		}
		fmt.Fprintf(&b, "▶ %s  %s\n", label, oneLine(an.Title))
	}
	fmt.Fprintf(&b, "  story #%d · %s · %s\n", an.StoryID, oneLine(an.Source), date)
	if an.Summary != "" {
		fmt.Fprintf(&b, "  %s\n", oneLine(an.Summary))
	}
	if an.URL != "" {
		fmt.Fprintf(&b, "  %s\n", an.URL)
	}
	if p.Reasons && len(an.Reasons) > 0 {
		reasons := an.Reasons
		if len(reasons) > maxReasons {
			reasons = append(reasons[:maxReasons:maxReasons], fmt.Sprintf("%d more", len(an.Reasons)-maxReasons))
		}
		fmt.Fprintf(&b, "  why: %s\n", oneLine(strings.Join(reasons, "; ")))
	}
	b.WriteString("\n")
	return p.write(b.String())
}

// Retract prints that posts were retracted: the terminal cannot edit
// what it printed, so it says so in a line. storyID is the story; title
// what the posts were about; why may be empty.
func (p *Printer) Retract(storyID int64, title, why string) error {
	line := fmt.Sprintf("✕ RETRACTED  story #%d %q by a captain", storyID, oneLine(title))
	if why != "" {
		line += ": " + oneLine(why)
	}
	return p.write(line + "\n\n")
}

func (p *Printer) write(s string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := io.WriteString(p.W, s)
	return err
}

// phaseName is a phase as people say it.
func phaseName(phase string) string {
	if phase == "" {
		return "unknown"
	}
	return strings.ReplaceAll(phase, "_", " ")
}

// Note prints one line of commentary (for example what the demo site just
// published), indented so it reads apart from announcements.
func (p *Printer) Note(format string, args ...any) error {
	return p.write("  · " + oneLine(fmt.Sprintf(format, args...)) + "\n")
}

// oneLine removes line breaks and terminal control characters from text
// that came from a feed, so it cannot move the cursor or fake output lines.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}
