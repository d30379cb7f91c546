package bot

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCommandBytes is the longest command text read; longer text is a usage
// error rather than being cut (a cut "announce" would post half a message).
const MaxCommandBytes = 3000

// ErrUsage marks a command the router could not understand; its text is
// safe to show the user.
var ErrUsage = errors.New("bot: usage")

// Command is a parsed chat command: its name and its arguments.
type Command struct {
	// Name is the command word, lower-cased ("status", "ask"); "help"
	// when the text was empty.
	Name string
	// Args are the words after the name, with white space collapsed.
	Args []string
	// Rest is the text after the name with inner white space kept as
	// single spaces, for commands that take free text (ask, announce).
	Rest string
}

// ParseCommand splits a command's text (what followed "/strike"). It drops
// a leading "/strike" or "strike" word, removes control and format
// characters (so "\u202e" cannot reorder what captains read in the audit
// log) and replaces invalid UTF-8. It fails with ErrUsage only for text
// longer than MaxCommandBytes.
func ParseCommand(text string) (Command, error) {
	if len(text) > MaxCommandBytes {
		return Command{}, fmt.Errorf("%w: the command is longer than %d characters", ErrUsage, MaxCommandBytes)
	}
	text = cleanText(text)
	words := strings.Fields(text)
	if len(words) > 0 && (strings.EqualFold(words[0], "/strike") || strings.EqualFold(words[0], "strike")) {
		words = words[1:]
	}
	if len(words) == 0 {
		return Command{Name: "help"}, nil
	}
	c := Command{Name: strings.ToLower(strings.TrimPrefix(words[0], "/")), Args: words[1:]}
	c.Rest = strings.Join(c.Args, " ")
	return c, nil
}

// cleanText makes user text safe to store and show: valid UTF-8, no NUL,
// control or bidirectional format characters (tabs and line breaks become
// spaces).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		case unicode.Is(unicode.Cf, r) && r != '\u200d': // keep ZWJ inside emoji
			return -1
		}
		return r
	}, s)
}
