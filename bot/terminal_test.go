package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

var terminal = strike.Destination{Platform: "console", Channel: "terminal"}

// TestTerminalRouter: the terminal's user is never slowed down, help shows
// the commands as typed there, the terminal cannot be subscribed, and an
// announcement made there goes to the chat channels only.
func TestTerminalRouter(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	clk := newClock(time.Date(2025, 4, 20, 15, 0, 0, 0, time.UTC))
	r := bot.NewRouter(bot.RouterOptions{Campaign: campaign, Store: st, Desk: fakeDesk{strike.Status{Phase: "strike"}},
		Captains: []string{"console"}, Workspaces: []string{"console/"}, RateLimit: 1, Terminal: true, Now: clk.Now})
	ask := func(text string) bot.Reply {
		return r.Handle(ctx, bot.Request{Destination: terminal, User: "console", UserName: "console", Text: text, At: clk.Now()})
	}
	for i := range 50 {
		if rep := ask("status"); strings.Contains(strings.Join(rep.Lines, " "), "faster than I can keep up") {
			t.Fatalf("command %d was rate-limited in the terminal", i)
		}
	}
	help := ask("help")
	if strings.Contains(text(help), "/strike") || !strings.Contains(text(help), "status [post] — ") || !strings.Contains(help.Footer, "quit") {
		t.Errorf("terminal help:\n%s\nfooter %q", text(help), help.Footer)
	}
	if got := ask("help status").Title; got != "status [post]" {
		t.Errorf("help status title = %q", got)
	}
	if rep := ask("subscribe"); !strings.Contains(text(rep), "not a chat channel") {
		t.Errorf("subscribe in the terminal: %s", text(rep))
	}
	subs, _ := st.Subscriptions(ctx, "")
	if len(subs) != 0 {
		t.Fatalf("the terminal got subscribed: %+v", subs)
	}
	// A console subscription left from before, and a real channel.
	for _, d := range []strike.Destination{terminal, chanA} {
		if err := st.SaveSubscription(ctx, strike.Subscription{Destination: d, CampaignID: campaign.ID, Mode: strike.ModeCore, TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
	}
	if rep := ask("announce Picket at 7 tomorrow"); !strings.Contains(text(rep), "1 subscribed channel.") {
		t.Errorf("announce: %s", text(rep))
	}
	if ds, _ := st.Deliveries(ctx, terminal); len(ds) != 0 {
		t.Errorf("%d deliveries queued for the terminal", len(ds))
	}
	if ds, _ := st.Deliveries(ctx, chanA); len(ds) != 1 {
		t.Errorf("%d deliveries queued for the channel, want 1", len(ds))
	}
}
