package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

type deskStub struct{}

func (deskStub) Status(context.Context) (strike.Status, error) {
	return strike.Status{Name: "Kaiser strike", Phase: strike.PhaseStrike, Workers: 2400}, nil
}
func (deskStub) Ask(context.Context, string) (coverage.Answer, error) {
	return coverage.Answer{Text: "Not known yet."}, nil
}

// TestCaptainsCheckedAndAudited runs the real router behind the edge:
// a member without a captain role (even a server admin) is refused and
// the attempt audited; a member with a captain role subscribes the
// channel, publicly, and that is audited too.
func TestCaptainsCheckedAndAudited(t *testing.T) {
	s := newEdge(t, "http", nil)
	campaign := strike.Campaign{ID: "kaiser", Name: "Kaiser strike"}
	s.edge.o.Router = bot.NewRouter(bot.RouterOptions{Campaign: campaign, Desk: deskStub{}, Store: s.store,
		Captains: []string{captainRole}, Workspaces: []string{"discord/" + s.fake.GuildID()}, Logger: quiet()})

	admin := discordfake.Invocation{Channel: testChannel, User: "1011111111111111111", UserName: "server-admin", Subcommand: "subscribe",
		Options: []discordfake.Option{{Name: "mode", Value: "all"}}}
	_, _, p := s.fake.NewInteraction(admin)
	_, body := serve(s, signed(p, time.Now(), s))
	if got := embedText(body); !strings.Contains(got, "Only the strike captains") || !strings.Contains(got, `"flags":64`) {
		t.Errorf("non-captain: %s", got)
	}

	captain := admin
	captain.User, captain.UserName, captain.Roles = "1022222222222222222", "ana", []string{"1000000000000000001", captainRole}
	captain.Options = append(captain.Options, discordfake.Option{Name: "tz", Value: "America/Los Angeles"})
	_, _, p = s.fake.NewInteraction(captain)
	_, body = serve(s, signed(p, time.Now(), s))
	if got := embedText(body); !strings.Contains(got, "Subscribed") || strings.Contains(got, `"flags":64`) {
		t.Errorf("captain: %s", got)
	}
	subs, err := s.store.Subscriptions(context.Background(), "kaiser")
	if err != nil || len(subs) != 1 {
		t.Fatalf("subscriptions %+v, %v", subs, err)
	}
	want := strike.Destination{Platform: "discord", Workspace: s.fake.GuildID(), Channel: testChannel}
	if subs[0].Destination != want || subs[0].Mode != strike.ModeAll || subs[0].TimeZone != "America/Los_Angeles" || subs[0].CreatedBy != captain.User {
		t.Errorf("subscription %+v", subs[0])
	}
	audit, err := s.store.Audit(context.Background(), 0)
	if err != nil || len(audit) != 2 {
		t.Fatalf("audit %+v, %v", audit, err)
	}
	if a := audit[1]; a.User != admin.User || a.Outcome != "refused: not a captain" || a.Destination != want {
		t.Errorf("refusal audited as %+v", a)
	}
	if a := audit[0]; a.User != captain.User || a.Outcome != "ok" || !strings.HasPrefix(a.Command, "subscribe all") {
		t.Errorf("subscription audited as %+v", a)
	}
}

// TestSubscribeMentionRole: the role option of /strike subscribe stores
// the role a phase change mentions; picking @everyone (whose ID is the
// server's) is refused in a plain sentence.
func TestSubscribeMentionRole(t *testing.T) {
	s := newEdge(t, "http", nil)
	s.edge.o.Router = bot.NewRouter(bot.RouterOptions{Campaign: strike.Campaign{ID: "kaiser", Name: "Kaiser strike"}, Desk: deskStub{}, Store: s.store,
		Captains: []string{captainRole}, Workspaces: []string{"discord/" + s.fake.GuildID()}, Logger: quiet()})
	const role = "1066666666666666666"
	subscribe := func(value discordfake.Role) string {
		t.Helper()
		inv := statusInvocation(s.fake)
		inv.Subcommand, inv.Options = "subscribe", []discordfake.Option{{Name: "mention", Value: value}}
		_, _, p := s.fake.NewInteraction(inv)
		_, body := serve(s, signed(p, time.Now(), s))
		return embedText(body)
	}
	if got := subscribe(role); !strings.Contains(got, "A phase change mentions the role chosen") {
		t.Errorf("subscribe mention: %s", got)
	}
	if got := subscribe(discordfake.Role(s.fake.GuildID())); !strings.Contains(got, "everyone can't be mentioned") || strings.Contains(got, "bot:") {
		t.Errorf("subscribe mention @everyone: %s", got)
	}
	subs, err := s.store.Subscriptions(context.Background(), "kaiser")
	if err != nil || len(subs) != 1 || subs[0].Mention != role {
		t.Errorf("subscriptions %+v, %v; want the role kept", subs, err)
	}
}
