package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// maxAck is the largest acknowledgement payload sent over the socket:
// Slack silently drops responses of 20 KB or more.
const maxAck = 19 << 10

// SocketOptions configure RunSocketMode. Teams is required; the rest
// default like HandlerOptions.
type SocketOptions struct {
	// Teams are the workspace IDs served; commands from others are refused.
	Teams   []string
	Groups  GroupLookup
	Command string // default "/strike"
	Now     func() time.Time
	// Client posts late answers to response_url; default 10 s timeout.
	Client                  *http.Client
	InlineWait, WorkTimeout time.Duration
	// OnEvent, if set, receives each Events API event once.
	OnEvent func(ctx context.Context, team string, ev slackevents.EventsAPIEvent)
	// MinBackoff and MaxBackoff bound the wait between reconnection
	// attempts when the connection fails; defaults 1 s and 2 min.
	MinBackoff, MaxBackoff time.Duration
	// Workers bounds the commands handled at once; default 16.
	Workers int
	Logger  *slog.Logger
}

// RunSocketMode serves slash commands and events over Socket Mode until
// ctx is done, then waits for the commands it started and returns nil. It
// returns an error at once if Slack refuses the app token or the
// connection for good (invalid_auth, token_revoked, …); other failures
// are retried with capped, jittered backoff around client.RunContext.
//
// A slash command is routed with a deadline of InlineWait; a reply ready
// by then is sent as the envelope's acknowledgement (or, if that would
// reach 20 KB, a short acknowledgement and the reply through
// chat.postMessage or chat.postEphemeral); otherwise "Working on it…" is
// acknowledged and the reply follows through response_url. Every envelope
// is acknowledged; a redelivered one (the same envelope or event ID) is
// processed once.
//
// RunSocketMode is the only reader of client.Events; run it once per
// client.
func RunSocketMode(ctx context.Context, client *socketmode.Client, router Router, o SocketOptions) error {
	if o.Command == "" {
		o.Command = "/strike"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.InlineWait <= 0 {
		o.InlineWait = DefaultInlineWait
	}
	if o.WorkTimeout <= 0 {
		o.WorkTimeout = DefaultWorkTimeout
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(o.MinBackoff, 2*time.Minute)
	}
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	base, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &socket{
		o:      o,
		client: client,
		seen:   newSeenSet(time.Hour, 100_000),
		sem:    make(chan struct{}, o.Workers),
		run: &runner{router: router, groups: o.Groups, log: o.Logger,
			inlineWait: o.InlineWait, workTimeout: o.WorkTimeout, base: base},
	}
	var conn sync.WaitGroup
	connErr := make(chan error, 1)
	conn.Go(func() { connErr <- s.connect(base) })
	defer conn.Wait()
	defer s.run.wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-connErr:
			if ctx.Err() != nil {
				return nil
			}
			return err
		case evt := <-client.Events:
			s.handle(base, evt)
		}
	}
}

type socket struct {
	o      SocketOptions
	client *socketmode.Client
	run    *runner
	seen   *seenSet
	sem    chan struct{}
}

// fatalAuth are the errors no reconnection can fix.
var fatalAuth = []string{"invalid_auth", "account_inactive", "not_authed", "token_revoked", "token_expired"}

// connect runs the client's connection, reconnecting with backoff, until
// ctx is done or the connection fails for good.
func (s *socket) connect(ctx context.Context) error {
	attempt := 0
	for {
		started := time.Now()
		err := s.client.RunContext(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok && slices.Contains(fatalAuth, se.Err) {
			return errors.New("slack: socket mode: " + se.Err)
		}
		if sc, ok := errors.AsType[slack.StatusCodeError](err); ok && (sc.Code == http.StatusNotFound || sc.Code == http.StatusUnauthorized) {
			return errors.New("slack: socket mode: refused: " + sc.Status)
		}
		if time.Since(started) > s.o.MaxBackoff {
			attempt = 0 // it ran a good while: start over
		}
		wait := backoff(attempt, s.o.MinBackoff, s.o.MaxBackoff)
		attempt++
		s.o.Logger.Warn("slack: socket mode connection lost; reconnecting", "err", err, "in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// backoff is the capped, jittered wait before reconnection attempt n
// (from 0): between half and all of min·2ⁿ, at most max.
func backoff(n int, lo, hi time.Duration) time.Duration {
	d := lo
	for i := 0; i < n && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	return d/2 + rand.N(d/2+1)
}

func (s *socket) handle(ctx context.Context, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		req := *evt.Request
		if !s.seen.add("envelope:"+req.EnvelopeID, s.o.Now()) {
			s.ack(ctx, req.EnvelopeID, nil)
			return
		}
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		s.run.wg.Go(func() {
			defer func() { <-s.sem }()
			s.command(ctx, req.EnvelopeID, cmd)
		})
	case socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		s.ack(ctx, evt.Request.EnvelopeID, nil)
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		var ids struct {
			EventID string `json:"event_id"`
		}
		_ = json.Unmarshal(evt.Request.Payload, &ids)
		key := "envelope:" + evt.Request.EnvelopeID
		if ids.EventID != "" {
			key = "event:" + ids.EventID
		}
		if !s.seen.add(key, s.o.Now()) || s.o.OnEvent == nil || !slices.Contains(s.o.Teams, ev.TeamID) {
			return
		}
		wctx, cancel := context.WithTimeout(ctx, s.o.WorkTimeout)
		s.run.wg.Go(func() {
			defer cancel()
			s.o.OnEvent(wctx, ev.TeamID, ev)
		})
	case socketmode.EventTypeConnectionError:
		s.o.Logger.Warn("slack: socket mode connection failed", "err", evt.Data)
	case socketmode.EventTypeConnected:
		s.o.Logger.Info("slack: socket mode connected")
	default:
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			s.ack(ctx, evt.Request.EnvelopeID, nil) // interactive and others: acknowledged only
		}
	}
}

func (s *socket) ack(ctx context.Context, envelopeID string, payload any) {
	if err := s.client.AckCtx(ctx, envelopeID, payload); err != nil {
		s.o.Logger.Warn("slack: ack failed", "envelope", envelopeID, "err", err)
	}
}

func (s *socket) command(ctx context.Context, envelopeID string, cmd slack.SlashCommand) {
	if !slices.Contains(s.o.Teams, cmd.TeamID) {
		s.o.Logger.Warn("slack: command from a workspace not configured", "workspace", cmd.TeamID)
		s.ack(ctx, envelopeID, ephemeral("strikebot is not set up for this workspace."))
		return
	}
	if cmd.Command != s.o.Command {
		s.ack(ctx, envelopeID, ephemeral("Unknown command "+cmd.Command+": try "+s.o.Command+" help."))
		return
	}
	req := bot.Request{
		Destination: strike.Destination{Platform: "slack", Workspace: cmd.TeamID, Channel: cmd.ChannelID},
		User:        cmd.UserID,
		UserName:    cmd.UserName,
		Text:        cmd.Text,
		At:          s.o.Now(),
	}
	rep, ok := s.run.run(req, func(ctx context.Context, rep bot.Reply) {
		if err := postResponse(ctx, s.o.Client, cmd.ResponseURL, responseFor(rep)); err != nil {
			s.o.Logger.Warn("slack: response_url failed; posting ephemerally", "err", err)
			s.postLarge(ctx, cmd, rep)
		}
	})
	if !ok {
		s.ack(ctx, envelopeID, ephemeral(workingText))
		return
	}
	resp := responseFor(rep)
	if len(marshal(resp)) < maxAck {
		s.ack(ctx, envelopeID, resp)
		return
	}
	s.ack(ctx, envelopeID, ephemeral("The answer is long: it follows in a moment."))
	s.postLarge(ctx, cmd, rep)
}

// postLarge posts a reply through the Web API: in the channel when it is
// public, to the asker alone otherwise.
func (s *socket) postLarge(ctx context.Context, cmd slack.SlashCommand, rep bot.Reply) {
	m := RenderReply(rep)
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl()}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var err error
	if rep.Public {
		_, _, err = s.client.PostMessageContext(ctx, cmd.ChannelID, opts...)
	} else {
		_, err = s.client.PostEphemeralContext(ctx, cmd.ChannelID, cmd.UserID, opts...)
	}
	if err != nil {
		s.o.Logger.Error("slack: reply lost", "workspace", cmd.TeamID, "channel", cmd.ChannelID, "err", err)
	}
}
