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

// Announce prints one announcement.
func (p *Printer) Announce(an bot.Announcement) error {
	var b strings.Builder
	label := "NEWS"
	if an.Tier == strike.TierRelated {
		label = "RELATED"
	}
	date := an.Published.UTC().Format("2006-01-02 15:04")
	if an.Estimated {
		date += " (first seen)"
	}
	fmt.Fprintf(&b, "▶ %s  %s\n", label, oneLine(an.Title))
	fmt.Fprintf(&b, "  %s · %s UTC\n", oneLine(an.Source), date)
	if an.Lead != "" {
		fmt.Fprintf(&b, "  %s\n", oneLine(an.Lead))
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
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := io.WriteString(p.W, b.String())
	return err
}

// Note prints one line of commentary (for example what the demo site just
// published), indented so it reads apart from announcements.
func (p *Printer) Note(format string, args ...any) error {
	line := "  · " + oneLine(fmt.Sprintf(format, args...)) + "\n"
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := io.WriteString(p.W, line)
	return err
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
