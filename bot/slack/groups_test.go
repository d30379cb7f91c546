package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/slack/slackfake"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

// Fake workspace members: two captains through the group S0CAPT, one
// supporter in another group, one in none.
const (
	captainsGroup = "S0CAPT"
	stewardsGroup = "S0STEW"
)

func newGroupFake(t *testing.T, clock *fakeClock) *slackfake.Server {
	t.Helper()
	fs := newFake(t, clock)
	fs.AddUserGroup(captainsGroup, "picket-captains", "U0ROSA", "U0MIGUEL")
	fs.AddUserGroup(stewardsGroup, "stewards", "U0MIGUEL", "U0LENA")
	return fs
}

func newResolver(t *testing.T, fs *slackfake.Server, clock *fakeClock, mod func(*GroupResolverOptions)) (*GroupResolver, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	o := GroupResolverOptions{Token: fs.BotToken(), APIURL: fs.APIURL(), Client: &http.Client{Timeout: 5 * time.Second},
		Wait: 5 * time.Second, Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if clock != nil {
		o.Now = clock.Now
	}
	if mod != nil {
		mod(&o)
	}
	r := NewGroupResolver(o)
	t.Cleanup(func() { _ = r.Close() })
	return r, logs
}

func groupsOf(t *testing.T, r *GroupResolver, team, user string) []string {
	t.Helper()
	got, err := r.UserGroups(context.Background(), team, user)
	if err != nil {
		t.Fatalf("UserGroups(%s, %s): %v", team, user, err)
	}
	return got
}

func TestGroupResolverUserGroups(t *testing.T) {
	fs := newGroupFake(t, nil)
	r, _ := newResolver(t, fs, nil, nil)
	tests := []struct {
		user string
		want []string
	}{
		{"U0ROSA", []string{captainsGroup}},
		{"U0MIGUEL", []string{captainsGroup, stewardsGroup}},
		{"U0LENA", []string{stewardsGroup}},
		{"U0NOBODY", nil},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			if got := groupsOf(t, r, fs.TeamID(), tt.user); !slices.Equal(got, tt.want) {
				t.Errorf("groups = %v, want %v", got, tt.want)
			}
		})
	}
	if got, want := fs.Requests("usergroups.list"), 1; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

func TestGroupResolverBadToken(t *testing.T) {
	fs := newGroupFake(t, nil)
	r, logs := newResolver(t, fs, nil, func(o *GroupResolverOptions) { o.Token = "xoxb-not-the-right-one" })
	got, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA")
	if !errors.Is(err, ErrNoGroups) || got != nil {
		t.Fatalf("UserGroups = %v, %v; want no groups and ErrNoGroups", got, err)
	}
	if !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("error %q does not name Slack's answer", err)
	}
	for _, s := range []string{err.Error(), logs.String()} {
		if strings.Contains(s, "xoxb-") {
			t.Errorf("token leaked: %s", s)
		}
	}
}

// stubDesk is the least Desk the router needs: captain commands do not
// read it.
type stubDesk struct{}

func (stubDesk) Status(context.Context) (strike.Status, error)        { return strike.Status{}, nil }
func (stubDesk) Ask(context.Context, string) (coverage.Answer, error) { return coverage.Answer{}, nil }

// TestCaptainByGroup runs a captain command over HTTP through the real
// router: a member of the captains' user group may pin a field, anyone
// else is refused, and the audit log says so.
func TestCaptainByGroup(t *testing.T) {
	fs := newGroupFake(t, nil)
	res, _ := newResolver(t, fs, nil, nil)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "captains.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	router := bot.NewRouter(bot.RouterOptions{
		Campaign:   strike.Campaign{ID: "kp-mh-2024", Name: "Kaiser Permanente mental health strike"},
		Desk:       stubDesk{},
		Store:      db,
		Captains:   []string{captainsGroup, "U0DIRECT"},
		Workspaces: []string{"slack/" + fs.TeamID()},
		Now:        func() time.Time { return published },
		Logger:     slog.New(slog.DiscardHandler),
	})
	h := newHandler(t, router, func(o *HandlerOptions) {
		o.Teams = []string{fs.TeamID()}
		o.Groups = res
	})
	tests := []struct {
		user, text string
		want       string // in the answer
	}{
		{"U0ROSA", "set workers 2400", "Pinned"},
		{"U0LENA", "set workers 1", bot.NotCaptainText},
		{"U0NOBODY", "unset workers", bot.NotCaptainText},
		{"U0DIRECT", "set union NUHW", "Pinned"},
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			body := []byte(url.Values{"team_id": {fs.TeamID()}, "channel_id": {"C1"}, "user_id": {tt.user},
				"command": {"/strike"}, "text": {tt.text}, "response_url": {"https://hooks.example/x"}}.Encode())
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signedRequest("/slack/commands", body, published, testSecret))
			var resp struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("answer %s: %v", w.Body, err)
			}
			if !strings.Contains(w.Body.String(), tt.want) {
				t.Errorf("answer = %s, want it to contain %q", w.Body, tt.want)
			}
		})
	}
	pins, err := db.Pins(ctx, "kp-mh-2024")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pins {
		got = append(got, string(p.Field)+"="+p.Value)
	}
	slices.Sort(got)
	if want := []string{"union=NUHW", "workers=2400"}; !slices.Equal(got, want) {
		t.Errorf("pins = %v, want %v", got, want)
	}
	audit, err := db.Audit(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]string{}
	for _, e := range audit {
		outcomes[e.User] = e.Outcome
	}
	for user, want := range map[string]string{"U0ROSA": "ok", "U0LENA": "refused: not a captain", "U0NOBODY": "refused: not a captain", "U0DIRECT": "ok"} {
		if got := outcomes[user]; got != want {
			t.Errorf("audit outcome of %s = %q, want %q", user, got, want)
		}
	}
	if got, want := fs.Requests("usergroups.list"), 1; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

func TestGroupResolverTTL(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newGroupFake(t, clock)
	r, _ := newResolver(t, fs, clock, func(o *GroupResolverOptions) { o.TTL = 5 * time.Minute })
	team := fs.TeamID()

	groupsOf(t, r, team, "U0ROSA")
	// Rosa hands over to Ana: Slack knows at once, the bot within a TTL.
	fs.AddUserGroup(captainsGroup, "picket-captains", "U0ANA", "U0MIGUEL")
	steps := []struct {
		advance time.Duration
		user    string
		want    []string
		calls   int
	}{
		{0, "U0ROSA", []string{captainsGroup}, 1},
		{4*time.Minute + 59*time.Second, "U0ANA", nil, 1},
		{time.Second, "U0ANA", []string{captainsGroup}, 2},
		{0, "U0ROSA", nil, 2},
		{4 * time.Minute, "U0MIGUEL", []string{captainsGroup, stewardsGroup}, 2},
	}
	for i, s := range steps {
		clock.Add(s.advance)
		if got := groupsOf(t, r, team, s.user); !slices.Equal(got, s.want) {
			t.Errorf("step %d: groups of %s = %v, want %v", i, s.user, got, s.want)
		}
		if got := fs.Requests("usergroups.list"); got != s.calls {
			t.Errorf("step %d: usergroups.list calls = %d, want %d", i, got, s.calls)
		}
	}
	// Each workspace has its own list.
	groupsOf(t, r, "E0ORG", "U0ROSA")
	if got, want := fs.Requests("usergroups.list"), 3; got != want {
		t.Errorf("after a second workspace: usergroups.list calls = %d, want %d", got, want)
	}
}

func TestGroupResolverSharesOneRefresh(t *testing.T) {
	fs := newGroupFake(t, nil)
	r, _ := newResolver(t, fs, nil, nil)
	fs.HoldUserGroups()
	const callers = 32
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for i := range callers {
		wg.Go(func() {
			user := "U0ROSA"
			if i%2 == 1 {
				user = "U0LENA"
			}
			got, err := r.UserGroups(context.Background(), fs.TeamID(), user)
			switch {
			case err != nil:
				errs <- err
			case len(got) != 1:
				errs <- errors.New(user + ": groups " + strings.Join(got, ","))
			}
		})
	}
	waitFor(t, "usergroups.list called", func() bool { return fs.Requests("usergroups.list") == 1 })
	fs.ReleaseUserGroups()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got, want := fs.Requests("usergroups.list"), 1; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

func TestGroupResolverKeepsOldAnswer(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newGroupFake(t, clock)
	r, logs := newResolver(t, fs, clock, func(o *GroupResolverOptions) {
		o.TTL = 5 * time.Minute
		o.Retry = 30 * time.Second
		o.MaxStale = time.Hour
	})
	team := fs.TeamID()
	groupsOf(t, r, team, "U0ROSA")

	if err := fs.SetMode(slackfake.Unavailable); err != nil {
		t.Fatal(err)
	}
	clock.Add(6 * time.Minute)
	if got, want := groupsOf(t, r, team, "U0ROSA"), []string{captainsGroup}; !slices.Equal(got, want) {
		t.Errorf("during an outage: groups = %v, want the previous %v", got, want)
	}
	if !strings.Contains(logs.String(), "keeping the previous list") {
		t.Errorf("no warning logged:\n%s", logs)
	}
	// No new attempt before Retry has passed, one after.
	clock.Add(29 * time.Second)
	groupsOf(t, r, team, "U0ROSA")
	if got, want := fs.Requests("usergroups.list"), 2; got != want {
		t.Errorf("within Retry: usergroups.list calls = %d, want %d", got, want)
	}
	clock.Add(time.Second)
	groupsOf(t, r, team, "U0ROSA")
	if got, want := fs.Requests("usergroups.list"), 3; got != want {
		t.Errorf("after Retry: usergroups.list calls = %d, want %d", got, want)
	}

	// An hour after the last good list, it is no longer trusted.
	clock.Add(time.Hour)
	got, err := r.UserGroups(context.Background(), team, "U0ROSA")
	if !errors.Is(err, ErrNoGroups) || got != nil {
		t.Errorf("after MaxStale: UserGroups = %v, %v; want no groups and ErrNoGroups", got, err)
	}
	if !strings.Contains(logs.String(), "captains are recognised by user ID only") {
		t.Errorf("no warning logged:\n%s", logs)
	}

	// Slack back: a fresh list at the next attempt.
	if err := fs.SetMode(slackfake.Up); err != nil {
		t.Fatal(err)
	}
	clock.Add(30 * time.Second)
	if got, want := groupsOf(t, r, team, "U0ROSA"), []string{captainsGroup}; !slices.Equal(got, want) {
		t.Errorf("after the outage: groups = %v, want %v", got, want)
	}
	if strings.Contains(logs.String(), fs.BotToken()) {
		t.Errorf("token in the log:\n%s", logs)
	}
}

func TestGroupResolverMissingScope(t *testing.T) {
	clock := &fakeClock{t: published}
	fs := newGroupFake(t, clock)
	fs.SetUserGroupsAllowed(false)
	r, logs := newResolver(t, fs, clock, func(o *GroupResolverOptions) { o.TTL = 5 * time.Minute })
	got, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA")
	if !errors.Is(err, ErrNoGroups) || got != nil {
		t.Fatalf("UserGroups = %v, %v; want no groups and ErrNoGroups", got, err)
	}
	if !strings.Contains(err.Error(), "missing_scope") || !strings.Contains(logs.String(), "missing_scope") {
		t.Errorf("error %q or log do not name missing_scope:\n%s", err, logs)
	}
	// Slack said no: the next attempt waits a whole TTL, not Retry.
	fs.SetUserGroupsAllowed(true)
	clock.Add(time.Minute)
	if _, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA"); !errors.Is(err, ErrNoGroups) {
		t.Errorf("a minute later: err = %v, want ErrNoGroups", err)
	}
	clock.Add(4 * time.Minute)
	if got, want := groupsOf(t, r, fs.TeamID(), "U0ROSA"), []string{captainsGroup}; !slices.Equal(got, want) {
		t.Errorf("a TTL later: groups = %v, want %v", got, want)
	}
	if got, want := fs.Requests("usergroups.list"), 2; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

func TestGroupResolverTimeout(t *testing.T) {
	fs := newGroupFake(t, nil)
	r, _ := newResolver(t, fs, nil, func(o *GroupResolverOptions) { o.Wait = 50 * time.Millisecond })
	fs.HoldUserGroups()
	start := time.Now()
	got, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA")
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("UserGroups took %v with a 50 ms wait", elapsed)
	}
	if !errors.Is(err, ErrNoGroups) || got != nil {
		t.Fatalf("UserGroups = %v, %v; want no groups and ErrNoGroups", got, err)
	}
	// The caller's context ends the wait too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := r.UserGroups(ctx, fs.TeamID(), "U0ROSA"); !errors.Is(err, ErrNoGroups) || got != nil {
		t.Errorf("cancelled: UserGroups = %v, %v; want no groups and ErrNoGroups", got, err)
	}
	// The refresh went on in the background: once Slack answers, the
	// next command has the groups without another call.
	fs.ReleaseUserGroups()
	waitFor(t, "groups known", func() bool {
		got, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA")
		return err == nil && slices.Equal(got, []string{captainsGroup})
	})
	if got, want := fs.Requests("usergroups.list"), 1; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

// TestGroupsSlowSlackCommandInline: with usergroups.list hanging, a
// command is still answered inline, with no groups.
func TestGroupsSlowSlackCommandInline(t *testing.T) {
	fs := newGroupFake(t, nil)
	res, _ := newResolver(t, fs, nil, func(o *GroupResolverOptions) { o.Wait = DefaultGroupWait })
	fs.HoldUserGroups()
	t.Cleanup(fs.ReleaseUserGroups)
	rec := &recorder{reply: bot.Reply{Title: "Status"}}
	h := newHandler(t, rec, func(o *HandlerOptions) {
		o.Teams = []string{fs.TeamID()}
		o.Groups = res
	})
	body := []byte(url.Values{"team_id": {fs.TeamID()}, "channel_id": {"C1"}, "user_id": {"U0ROSA"},
		"command": {"/strike"}, "text": {"status"}, "response_url": {"https://hooks.example/x"}}.Encode())
	start := time.Now()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("/slack/commands", body, published, testSecret))
	if elapsed := time.Since(start); elapsed > 1500*time.Millisecond {
		t.Errorf("answered after %v", elapsed)
	}
	if strings.Contains(w.Body.String(), workingText) || rec.count() != 1 {
		t.Fatalf("answer = %s, router calls %d; want the inline reply", w.Body, rec.count())
	}
	if g := rec.reqs[0].Groups; g != nil {
		t.Errorf("groups = %v, want none", g)
	}
}

func TestGroupResolverClose(t *testing.T) {
	fs := newGroupFake(t, nil)
	r, _ := newResolver(t, fs, nil, func(o *GroupResolverOptions) { o.Wait = 20 * time.Millisecond })
	fs.HoldUserGroups()
	t.Cleanup(fs.ReleaseUserGroups)
	if _, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA"); !errors.Is(err, ErrNoGroups) {
		t.Fatalf("err = %v, want ErrNoGroups", err)
	}
	start := time.Now()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Close took %v", elapsed)
	}
	if _, err := r.UserGroups(context.Background(), fs.TeamID(), "U0ROSA"); !errors.Is(err, ErrNoGroups) {
		t.Errorf("after Close: err = %v, want ErrNoGroups", err)
	}
	if got, want := fs.Requests("usergroups.list"), 1; got != want {
		t.Errorf("usergroups.list calls = %d, want %d", got, want)
	}
}

// BenchmarkGroupResolverCached is the cost a command pays once the
// workspace's groups are known.
func BenchmarkGroupResolverCached(b *testing.B) {
	fs, err := slackfake.New(slackfake.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer fs.Close()
	for i := range 200 {
		users := make([]string, 50)
		for j := range users {
			users[j] = fmt.Sprintf("U%04d", (i*7+j)%2000)
		}
		fs.AddUserGroup(fmt.Sprintf("S%03d", i), fmt.Sprintf("group-%d", i), users...)
	}
	r := NewGroupResolver(GroupResolverOptions{Token: fs.BotToken(), APIURL: fs.APIURL(), Logger: slog.New(slog.DiscardHandler)})
	defer r.Close()
	ctx := context.Background()
	if _, err := r.UserGroups(ctx, fs.TeamID(), "U0001"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.UserGroups(ctx, fs.TeamID(), "U0700"); err != nil {
			b.Fatal(err)
		}
	}
}
