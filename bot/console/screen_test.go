package console

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// TestScreenKeepsLogsOffThePrompt: a log line arriving while the prompt
// waits erases the prompt's line, is written whole on its own line, and the
// prompt comes back after it; without a prompt, output passes unchanged.
func TestScreenKeepsLogsOffThePrompt(t *testing.T) {
	var out, errOut strings.Builder
	s := NewScreen(&out)
	logs := s.Wrap(&errOut)
	fmt.Fprint(logs, "before\n")
	s.ShowPrompt(Prompt)
	fmt.Fprint(logs, "level=WARN msg=\"feed failed\"\n")
	fmt.Fprint(s, "▶ NEWS  Strike begins") // no newline: one is added
	s.PromptAnswered()
	fmt.Fprint(s, "reply\n")
	if got, want := errOut.String(), "before\nlevel=WARN msg=\"feed failed\"\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
	// The answer clears the redrawn prompt's line, in case the redraw
	// came after the user's Enter.
	want := Prompt + eraseLine + Prompt + eraseLine + "▶ NEWS  Strike begins\n" + Prompt + eraseLine + "reply\n"
	if got := out.String(); got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

// lockedBuilder is a strings.Builder safe for concurrent writes.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestChatOnScreen: logs written while the prompt loop runs never share a
// line with the prompt.
func TestChatOnScreen(t *testing.T) {
	r := bot.NewRouter(bot.RouterOptions{Campaign: strike.Campaign{ID: "kp", Name: "Kaiser"}, Desk: desk{}, Workspaces: []string{"console/"}, Terminal: true})
	var term lockedBuilder // stdout and stderr on one terminal
	s := NewScreen(&term)
	logs := s.Wrap(&term)
	in, feed := io.Pipe()
	// A terminal echoes what the user types, Enter included, so the
	// cursor is on a new line when the line is read.
	echo := io.TeeReader(in, &term)
	done := make(chan error, 1)
	go func() { done <- Chat(context.Background(), r, echo, s) }()
	for i := range 20 {
		fmt.Fprintf(logs, "time=x level=INFO msg=\"poll %d\"\n", i)
		if i == 10 {
			fmt.Fprintln(feed, "status")
		}
	}
	fmt.Fprintln(feed, "quit")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.ReplaceAll(term.String(), eraseLine, "\n"), "\n") {
		if strings.HasPrefix(line, Prompt) && strings.Contains(line, "level=") {
			t.Errorf("a log line shares the prompt's line: %q", line)
		}
	}
}
