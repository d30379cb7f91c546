package slack

import (
	"context"
	"encoding/json"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/strikebot/strikebot/bot"
)

// Router answers chat commands; *bot.Router is one. Handle must honour
// ctx and is called from several goroutines at once.
type Router interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

// GroupLookup finds the Slack user groups a user belongs to, so that
// captains may be named by user-group ID: Slack does not send a user's
// groups with a command. It is optional; without one, captains are
// matched by user ID only. *GroupResolver is one: it calls
// usergroups.list (scope usergroups:read) and caches the answer. On an
// error the groups returned, if any, are still used.
type GroupLookup interface {
	UserGroups(ctx context.Context, team, user string) ([]string, error)
}

// Defaults shared by HTTP and Socket Mode.
const (
	// DefaultInlineWait is how long a command may run before the
	// acknowledgement goes out without it: Slack wants one within 3 s.
	DefaultInlineWait = 2 * time.Second
	// DefaultWorkTimeout bounds a slow command, answered later through
	// response_url (valid 30 minutes).
	DefaultWorkTimeout = 2 * time.Minute
	// groupTimeout bounds a GroupLookup call made before routing.
	groupTimeout = 500 * time.Millisecond
	// workingText is the acknowledgement of a command still running.
	workingText = "Working on it…"
	// failedText is what a user sees when the bot itself failed.
	failedText = "Sorry, something went wrong on our side. Please try again later."
	// busyText is what a user sees when a command waited too long for its turn.
	busyText = "Sorry, too many requests at once: please try again in a minute."
)

// commandResponse is the JSON of a slash command's answer, inline or
// through response_url.
type commandResponse struct {
	ResponseType string        `json:"response_type,omitempty"`
	Text         string        `json:"text,omitempty"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
	// ReplaceOriginal, through response_url, replaces the message the
	// command was first answered with ("Working on it…").
	ReplaceOriginal bool `json:"replace_original,omitempty"`
	// DeleteOriginal, through response_url, deletes it.
	DeleteOriginal bool `json:"delete_original,omitempty"`
}

func responseFor(rep bot.Reply) commandResponse {
	m := RenderReply(rep)
	typ := slack.ResponseTypeEphemeral
	if rep.Public {
		typ = slack.ResponseTypeInChannel
	}
	return commandResponse{ResponseType: typ, Text: m.Text, Blocks: m.Blocks}
}

func ephemeral(text string) commandResponse {
	return commandResponse{ResponseType: slack.ResponseTypeEphemeral, Text: escape(text)}
}

// runner runs commands for both ways in: it owns the goroutines it starts.
type runner struct {
	router      Router
	groups      GroupLookup
	log         *slog.Logger
	inlineWait  time.Duration
	workTimeout time.Duration

	base context.Context // cancelled to stop slow work
	wg   sync.WaitGroup
}

// run routes req. When the router answers within inlineWait, run returns
// the reply and true. Otherwise it returns false at once and later hands
// the reply to slow, from a goroutine the runner owns.
func (r *runner) run(req bot.Request, slow func(ctx context.Context, rep bot.Reply)) (bot.Reply, bool) {
	return r.runWithin(req, r.inlineWait, slow)
}

// runWithin is run with a wait of its own.
func (r *runner) runWithin(req bot.Request, wait time.Duration, slow func(ctx context.Context, rep bot.Reply)) (bot.Reply, bool) {
	ctx, cancel := context.WithTimeout(r.base, r.workTimeout)
	res := make(chan bot.Reply, 1)
	r.wg.Go(func() { res <- r.route(ctx, req) })
	t := time.NewTimer(max(wait, 0))
	defer t.Stop()
	select {
	case rep := <-res:
		cancel()
		return rep, true
	case <-t.C:
	}
	r.wg.Go(func() {
		defer cancel()
		slow(ctx, <-res)
	})
	return bot.Reply{}, false
}

// route calls the router, adding the user's groups, and turns a panic
// into a short apology (the log has the rest).
func (r *runner) route(ctx context.Context, req bot.Request) (rep bot.Reply) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("slack: command panicked", "panic", p, "stack", string(debug.Stack()), "workspace", req.Workspace, "channel", req.Channel)
			rep = bot.Reply{Lines: []string{failedText}}
		}
	}()
	if r.groups != nil {
		gctx, cancel := context.WithTimeout(ctx, groupTimeout)
		groups, err := r.groups.UserGroups(gctx, req.Workspace, req.User)
		cancel()
		if err != nil {
			r.log.Warn("slack: user groups unavailable", "workspace", req.Workspace, "user", req.User, "err", err)
		}
		req.Groups = groups
	}
	return r.router.Handle(ctx, req)
}

// stop cancels slow work once ctx is done or all work has finished, and
// waits for every goroutine.
func (r *runner) stop(ctx context.Context, cancel context.CancelFunc) error {
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
		cancel()
		return nil
	case <-ctx.Done():
		cancel()
		<-done
		return ctx.Err()
	}
}

// marshal is json.Marshal for payloads that cannot fail to encode.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(`{"response_type":"ephemeral","text":"` + failedText + `"}`)
	}
	return b
}
