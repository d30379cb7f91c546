package console

import (
	"io"
	"sync"
)

// eraseLine moves the cursor to the start of the line and clears it.
const eraseLine = "\r\x1b[K"

// Screen is a terminal on which a prompt waits for input while other
// output (logs, announcements) may arrive at any time. Everything is
// written under one lock; output that arrives while the prompt is shown
// first erases the prompt's line and then shows the prompt again below
// it, so a log line never runs into the prompt or into what the user is
// typing. (What the user had typed is still read when they press Enter; it
// is only no longer shown.) Use it only on a terminal: the erasing is an
// ANSI escape sequence. It is safe for concurrent use.
type Screen struct {
	out io.Writer // where the prompt is

	mu      sync.Mutex
	prompt  string
	shown   bool
	redrawn bool // the prompt was shown again since ShowPrompt
}

// NewScreen returns a Screen whose prompt is written to out.
func NewScreen(out io.Writer) *Screen { return &Screen{out: out} }

// Write writes p to the screen's own stream (as Wrap(out) does).
func (s *Screen) Write(p []byte) (int, error) { return s.write(s.out, p) }

// Wrap returns a writer to w (another stream on the same terminal, such
// as standard error for the logs) that keeps clear of the prompt.
func (s *Screen) Wrap(w io.Writer) io.Writer { return screenWriter{s, w} }

type screenWriter struct {
	s *Screen
	w io.Writer
}

func (sw screenWriter) Write(p []byte) (int, error) { return sw.s.write(sw.w, p) }

func (s *Screen) write(w io.Writer, p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.shown || len(p) == 0 {
		return w.Write(p)
	}
	if _, err := io.WriteString(s.out, eraseLine); err != nil {
		return 0, err
	}
	n, err := w.Write(p)
	if err != nil {
		return n, err
	}
	if p[len(p)-1] != '\n' {
		if _, err := io.WriteString(w, "\n"); err != nil {
			return n, err
		}
	}
	s.redrawn = true
	_, err = io.WriteString(s.out, s.prompt)
	return n, err
}

// ShowPrompt writes the prompt and remembers it is shown.
func (s *Screen) ShowPrompt(prompt string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prompt, s.shown, s.redrawn = prompt, true, false
	_, err := io.WriteString(s.out, prompt)
	return err
}

// PromptAnswered records that the user pressed Enter: the terminal moved
// to a new line, and the prompt is no longer shown. If output redrew the
// prompt meanwhile, the redraw may have come after the Enter, leaving a
// bare prompt on the new line: that line is cleared (when the redraw came
// before, the line is empty and clearing it changes nothing).
func (s *Screen) PromptAnswered() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shown && s.redrawn {
		_, _ = io.WriteString(s.out, eraseLine)
	}
	s.shown, s.redrawn = false, false
}
