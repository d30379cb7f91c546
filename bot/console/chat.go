package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// Prompt is what Chat prints before reading each line.
const Prompt = "strike> "

// User is who the terminal's user is to the router: captain commands work
// when the configuration names "console" among the captains.
const User = "console"

// Destination is the terminal as a chat destination.
var Destination = strike.Destination{Platform: "console", Channel: "terminal"}

// Chat runs a prompt loop: it reads lines from in ("/strike status" or
// just "status"), hands each to r and writes the reply to out as text. It
// returns nil at the end of in or on "quit"/"exit", and ctx's error when
// ctx is done (checked between lines; a blocked read of in is not
// interrupted, so callers close in to stop at once). When out is a
// *Screen, output written through it meanwhile keeps clear of the prompt.
func Chat(ctx context.Context, r *bot.Router, in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 4096), bot.MaxCommandBytes*2)
	screen, _ := out.(*Screen)
	for {
		var err error
		if screen != nil {
			err = screen.ShowPrompt(Prompt)
		} else {
			_, err = io.WriteString(out, Prompt)
		}
		if err != nil {
			return fmt.Errorf("console: write prompt: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		scanned := sc.Scan()
		if screen != nil {
			screen.PromptAnswered()
		}
		if !scanned {
			if err := sc.Err(); err != nil {
				return fmt.Errorf("console: read: %w", err)
			}
			_, err := io.WriteString(out, "\n")
			return err
		}
		line := strings.TrimSpace(sc.Text())
		switch strings.ToLower(line) {
		case "":
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		reply := r.Handle(ctx, bot.Request{Destination: Destination, User: User, UserName: User, Text: line, At: time.Now()})
		if _, err := io.WriteString(out, RenderReply(reply)); err != nil {
			return fmt.Errorf("console: write reply: %w", err)
		}
	}
}

// RenderReply writes a reply as terminal text: title, paragraphs, fields as
// "Name: value (note)", numbered links and the footer, with every
// control character removed.
func RenderReply(rep bot.Reply) string {
	var b strings.Builder
	if rep.Public {
		b.WriteString("[posted to the channel]\n")
	}
	if rep.Title != "" {
		fmt.Fprintf(&b, "== %s ==\n", oneLine(rep.Title))
	}
	for _, l := range rep.Lines {
		fmt.Fprintf(&b, "%s\n", oneLine(l))
	}
	width := 0
	for _, f := range rep.Fields {
		width = max(width, len([]rune(oneLine(f.Name))))
	}
	for _, f := range rep.Fields {
		name := oneLine(f.Name)
		fmt.Fprintf(&b, "  %s:%s %s", name, strings.Repeat(" ", width-len([]rune(name))), oneLine(f.Value))
		if f.Note != "" {
			fmt.Fprintf(&b, "  (%s)", oneLine(f.Note))
		}
		b.WriteString("\n")
	}
	for i, l := range rep.Links {
		fmt.Fprintf(&b, "  [%d] %s", i+1, oneLine(l.Title))
		var meta []string
		if l.Source != "" && l.Source != l.Title {
			meta = append(meta, oneLine(l.Source))
		}
		if l.Date != "" {
			meta = append(meta, oneLine(l.Date))
		}
		if len(meta) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(meta, ", "))
		}
		if l.URL != "" {
			fmt.Fprintf(&b, " %s", oneLine(l.URL))
		}
		b.WriteString("\n")
	}
	if rep.Footer != "" {
		fmt.Fprintf(&b, "  %s\n", oneLine(rep.Footer))
	}
	b.WriteString("\n")
	return b.String()
}

// Poster prints outbox deliveries to W, the console platform of the
// Deliverer. It is safe for concurrent use.
type Poster struct {
	W io.Writer

	mu sync.Mutex
	n  int
}

// Platform returns "console".
func (p *Poster) Platform() string { return "console" }

// Post prints one post and returns a message ID "console-N".
func (p *Poster) Post(_ context.Context, d strike.Delivery, post bot.Post, thread string) (string, error) {
	var b strings.Builder
	if thread != "" {
		fmt.Fprintf(&b, "(in thread %s)\n", oneLine(thread))
	}
	pr := &Printer{W: &b}
	switch {
	case post.Announcement != nil:
		_ = pr.Announce(*post.Announcement) // b is a strings.Builder: writes never fail
	case post.Digest != nil:
		fmt.Fprintf(&b, "▶ DIGEST  %s\n", oneLine(post.Digest.Title))
		for _, it := range post.Digest.Items {
			fmt.Fprintf(&b, "  • #%d %s (%s) %s\n", it.StoryID, oneLine(it.Title), oneLine(it.Source), oneLine(it.URL))
		}
		b.WriteString("\n")
	case post.Notice != nil:
		b.WriteString(RenderReply(*post.Notice))
	default:
		return "", fmt.Errorf("console: delivery %d: %w: empty post", d.ID, bot.ErrPermanent)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := io.WriteString(p.W, b.String()); err != nil {
		return "", fmt.Errorf("console: write post: %w", err)
	}
	p.n++
	return fmt.Sprintf("console-%d", p.n), nil
}

// Pace returns rate.Inf: a terminal needs no pacing.
func (p *Poster) Pace() rate.Limit { return rate.Inf }
