package console

import (
	"context"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

type desk struct{}

func (desk) Status(context.Context) (strike.Status, error) {
	return strike.Status{Phase: "strike", Workers: 2400}, nil
}
func (desk) Ask(context.Context, string) (coverage.Answer, error) {
	return coverage.Answer{Text: coverage.NotFoundText}, nil
}

func TestChat(t *testing.T) {
	r := bot.NewRouter(bot.RouterOptions{Campaign: strike.Campaign{ID: "kp", Name: "Kaiser"}, Desk: desk{}, Workspaces: []string{"console/"}})
	var out strings.Builder
	if err := Chat(context.Background(), r, strings.NewReader("/strike status\nask anything\nquit\nstatus\n"), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"strike> == Status: Kaiser ==", "  Phase:   strike", "  Workers: 2,400", "I don't know yet"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "Status: Kaiser") != 1 {
		t.Errorf("ran past quit:\n%s", got)
	}
}

func TestRenderReplyStripsControl(t *testing.T) {
	got := RenderReply(bot.Reply{Title: "a\x1b[2Jb", Links: []bot.Link{{Title: "t\nx", URL: "https://example.org", Source: "S", Date: "2025-01-02"}}})
	want := "== a[2Jb ==\n  [1] t x (S, 2025-01-02) https://example.org\n\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
