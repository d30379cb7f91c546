package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
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

// ackTimeout bounds the sending of one acknowledgement.
const ackTimeout = 5 * time.Second

// Reasons reported to SocketOptions.Platforms while Socket Mode retries.
const (
	reasonLost       = "the Socket Mode connection closed; reconnecting"
	reasonDyingYoung = "Socket Mode connections keep closing right after they open; reconnecting with backoff"
)

// SocketOptions configure RunSocketMode. Teams is required; the rest
// default like HandlerOptions.
type SocketOptions struct {
	// Teams are the workspace IDs served; commands from others are refused.
	Teams []string
	// Seen is as HandlerOptions.Seen, for event IDs and envelope IDs:
	// Slack may deliver an envelope again to another replica's connection.
	Seen    func(ctx context.Context, key string) (bool, error)
	Groups  GroupLookup
	Command string // default "/strike"
	Now     func() time.Time
	// Client posts late answers to response_url; default 10 s timeout.
	Client                  *http.Client
	InlineWait, WorkTimeout time.Duration
	// OnEvent, if set, receives each Events API event once, from a
	// goroutine RunSocketMode owns, counted among the Workers.
	OnEvent func(ctx context.Context, team string, ev slackevents.EventsAPIEvent)
	// YoungConnection, MinBackoff and MaxBackoff pace reconnections (with
	// a client from NewSocketClient): a connection opened less than
	// YoungConnection after the previous one waits a jittered backoff
	// growing from MinBackoff to MaxBackoff; failures to connect are
	// retried within the same bounds. Defaults DefaultYoungConnection,
	// DefaultMinBackoff, DefaultMaxBackoff.
	YoungConnection, MinBackoff, MaxBackoff time.Duration
	// Workers bounds the commands and events handled at once; default 16.
	// Envelopes beyond are acknowledged at once all the same, and wait
	// their turn.
	Workers int
	// MaxPending bounds the envelopes being handled or waiting at once;
	// default 512. Past it, an envelope is left unacknowledged, for Slack
	// to send again later.
	MaxPending int
	// Platforms, if set, is kept told of the connection's state under
	// Platform ("slack"): connected, retrying (since when, why).
	Platforms *bot.Platforms
	Logger    *slog.Logger
}

// RunSocketMode serves slash commands and events over Socket Mode until
// ctx is done, then waits for the work it started and returns nil. It
// returns a *TokenError at once if Slack refuses the app token (wrong,
// revoked, without connections:write); other failures are retried with
// capped, jittered backoff around client.RunContext, and connections that
// keep closing right after they open are paced the same way (for a client
// from NewSocketClient).
//
// The loop reading the socket never waits: each envelope is handed to a
// goroutine of its own (at most MaxPending), and at most Workers commands
// or events are routed at once. A slash command is acknowledged within
// InlineWait of its arrival whatever the load: with its reply when the
// router answers in time (or, if that would reach 20 KB, with a short
// note and the reply through chat.postMessage or chat.postEphemeral),
// otherwise with "Working on it…", which the reply then replaces through
// response_url. Every envelope is acknowledged; a redelivered one (the
// same envelope or event ID) is processed once.
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
	if o.YoungConnection <= 0 {
		o.YoungConnection = DefaultYoungConnection
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultMinBackoff
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(o.MinBackoff, DefaultMaxBackoff)
	}
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.MaxPending <= 0 {
		o.MaxPending = 512
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	base, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &socket{
		o:       o,
		client:  client,
		seen:    newSeenSet(time.Hour, 100_000),
		slots:   make(chan struct{}, o.Workers),
		pending: make(chan struct{}, o.MaxPending),
		fatal:   make(chan error, 1),
		run: &runner{router: router, groups: o.Groups, log: o.Logger,
			inlineWait: o.InlineWait, workTimeout: o.WorkTimeout, base: base},
	}
	s.pacer = newPacer(o.YoungConnection, o.MinBackoff, o.MaxBackoff, func(attempt int) {
		if attempt > 0 {
			o.Platforms.Set(Platform, bot.PlatformRetrying, reasonDyingYoung)
			o.Logger.Debug("slack: "+reasonDyingYoung, "backoff_from", o.MinBackoff.String(), "backoff_to", o.MaxBackoff.String())
		}
	})
	var conn sync.WaitGroup
	connErr := make(chan error, 1)
	conn.Go(func() { connErr <- s.connect(base) })
	// On the way out: stop the work, wait for the envelopes' goroutines
	// (which may start the runner's), then the runner's, then the connection.
	defer conn.Wait()
	defer s.run.wg.Wait()
	defer s.wg.Wait()
	defer cancel()
	stable := time.NewTimer(time.Hour)
	stable.Stop()
	defer stable.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-connErr:
			if ctx.Err() != nil {
				return nil
			}
			return err
		case err := <-s.fatal:
			return err
		case <-stable.C:
			// The connection opened during a spell of short-lived ones has
			// lived long enough: the spell is over.
			if s.up {
				o.Platforms.Set(Platform, bot.PlatformConnected, "")
			}
		case evt := <-client.Events:
			s.handle(base, evt, stable)
		}
	}
}

type socket struct {
	o       SocketOptions
	client  *socketmode.Client
	run     *runner
	seen    *seenSet
	pacer   *pacer
	slots   chan struct{} // one per command or event being routed
	pending chan struct{} // one per envelope being handled
	fatal   chan error
	wg      sync.WaitGroup
	up      bool // a connection is open (read loop only)
	// overloaded is set while envelopes are being dropped, so the log
	// says it once per spell.
	overloaded bool
}

// connect runs the client's connection, reconnecting with backoff, until
// ctx is done or Slack refuses the app token.
func (s *socket) connect(ctx context.Context) error {
	attempt := 0
	for {
		started := time.Now()
		err := s.client.RunContext(context.WithValue(ctx, pacerKey{}, s.pacer))
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if te := tokenRefused(AppTokenKey, err); te != nil {
			return te
		}
		if sc, ok := errors.AsType[slack.StatusCodeError](err); ok && sc.Code == http.StatusNotFound {
			return &TokenError{Key: AppTokenKey, Code: "invalid_auth"}
		}
		if time.Since(started) > s.o.MaxBackoff {
			attempt = 0 // it ran a good while: start over
		}
		wait := backoff(attempt, s.o.MinBackoff, s.o.MaxBackoff)
		attempt++
		s.o.Platforms.Set(Platform, bot.PlatformRetrying, "Socket Mode connection failed: "+errText(err))
		s.o.Logger.Debug("slack: socket mode connection failed; reconnecting", "err", errText(err), "in", wait.String())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

func errText(err error) string {
	if err == nil {
		return "closed"
	}
	return err.Error()
}

// spawn runs f in a goroutine of its own, unless MaxPending envelopes are
// in hand already; it never blocks.
func (s *socket) spawn(f func()) bool {
	select {
	case s.pending <- struct{}{}:
	default:
		if !s.overloaded {
			s.overloaded = true
			s.o.Logger.Warn("slack: too many envelopes at once; leaving some unacknowledged for Slack to send again", "max_pending", s.o.MaxPending)
		}
		return false
	}
	s.overloaded = false
	s.wg.Go(func() {
		defer func() { <-s.pending }()
		defer func() {
			if p := recover(); p != nil {
				s.o.Logger.Error("slack: envelope handling panicked", "panic", p, "stack", string(debug.Stack()))
			}
		}()
		f()
	})
	return true
}

// slot waits for a worker slot until ctx is done; false if none came.
func (s *socket) slot(ctx context.Context) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *socket) release() { <-s.slots }

// handle dispatches one event of the client; it never blocks.
func (s *socket) handle(ctx context.Context, evt socketmode.Event, stable *time.Timer) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		envelopeID := evt.Request.EnvelopeID
		received := s.o.Now()
		key := "envelope:" + envelopeID
		if !s.seen.add(key, received) {
			s.spawn(func() { s.ack(ctx, envelopeID, nil) })
			return
		}
		if !s.spawn(func() { s.command(ctx, envelopeID, cmd, received) }) {
			s.seen.forget(key)
		}
	case socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		req := *evt.Request
		ev, _ := evt.Data.(slackevents.EventsAPIEvent)
		s.spawn(func() { s.event(ctx, req, ev) })
	case socketmode.EventTypeConnecting:
		if s.up {
			s.up = false
			stable.Stop()
			reason := reasonLost
			if s.pacer.inSpell() {
				reason = reasonDyingYoung
			}
			s.o.Platforms.Set(Platform, bot.PlatformRetrying, reason)
		}
	case socketmode.EventTypeConnectionError:
		ce, _ := evt.Data.(*slack.ConnectionErrorEvent)
		var err error
		if ce != nil {
			err = ce.ErrorObj
		}
		if te := tokenRefused(AppTokenKey, err); te != nil {
			select {
			case s.fatal <- te:
			default:
			}
			return
		}
		s.o.Platforms.Set(Platform, bot.PlatformRetrying, "cannot open a Socket Mode connection: "+errText(err))
	case socketmode.EventTypeConnected:
		s.up = true
		if s.pacer.inSpell() {
			stable.Reset(s.o.YoungConnection) // connected for real once it lasts
			return
		}
		s.o.Platforms.Set(Platform, bot.PlatformConnected, "")
	default:
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			id := evt.Request.EnvelopeID
			s.spawn(func() { s.ack(ctx, id, nil) }) // interactive and others: acknowledged only
		}
	}
}

func (s *socket) ack(ctx context.Context, envelopeID string, payload any) {
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := s.client.AckCtx(ctx, envelopeID, payload); err != nil {
		s.o.Logger.Warn("slack: ack failed", "envelope", envelopeID, "err", err)
	}
}

// event acknowledges an Events API envelope and hands the event, once per
// event ID and only from a served workspace, to OnEvent.
func (s *socket) event(ctx context.Context, req socketmode.Request, ev slackevents.EventsAPIEvent) {
	s.ack(ctx, req.EnvelopeID, nil)
	var ids struct {
		EventID string `json:"event_id"`
	}
	_ = json.Unmarshal(req.Payload, &ids)
	key := "envelope:" + req.EnvelopeID
	if ids.EventID != "" {
		key = "event:" + ids.EventID
	}
	if !s.seen.add(key, s.o.Now()) || s.o.OnEvent == nil || !slices.Contains(s.o.Teams, ev.TeamID) ||
		!seenFirst(ctx, s.o.Seen, "slack:"+key, s.o.Logger) {
		return
	}
	wctx, cancel := context.WithTimeout(ctx, s.o.WorkTimeout)
	defer cancel()
	if !s.slot(wctx) {
		s.o.Logger.Warn("slack: event dropped: every worker stayed busy", "event_id", ids.EventID)
		return
	}
	defer s.release()
	s.o.OnEvent(wctx, ev.TeamID, ev)
}

// command answers one slash command, acknowledging it within InlineWait
// of when it was received.
func (s *socket) command(ctx context.Context, envelopeID string, cmd slack.SlashCommand, received time.Time) {
	if !seenFirst(ctx, s.o.Seen, "slack:envelope:"+envelopeID, s.o.Logger) {
		s.ack(ctx, envelopeID, nil) // another replica's connection got it too
		return
	}
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
		At:          received,
	}
	late := func(ctx context.Context, rep bot.Reply) {
		if err := respondLate(ctx, s.o.Client, cmd.ResponseURL, rep); err != nil {
			s.o.Logger.Warn("slack: response_url failed; posting through the Web API", "err", err)
			s.postLarge(ctx, cmd, rep)
		}
	}
	deadline := received.Add(s.o.InlineWait)
	inline, cancel := context.WithDeadline(ctx, deadline)
	got := s.slot(inline)
	cancel()
	if !got {
		// Every worker is busy: acknowledge now, answer when one is free.
		s.ack(ctx, envelopeID, ephemeral(workingText))
		wctx, cancel := context.WithTimeout(ctx, s.o.WorkTimeout)
		defer cancel()
		if !s.slot(wctx) {
			s.o.Logger.Warn("slack: command dropped: every worker stayed busy", "workspace", cmd.TeamID, "channel", cmd.ChannelID)
			late(ctx, bot.Reply{Lines: []string{busyText}})
			return
		}
		defer s.release()
		late(wctx, s.run.route(wctx, req))
		return
	}
	rep, ok := s.run.runWithin(req, time.Until(deadline), func(ctx context.Context, rep bot.Reply) {
		s.release()
		late(ctx, rep)
	})
	if !ok {
		s.ack(ctx, envelopeID, ephemeral(workingText))
		return
	}
	s.release()
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
	if te := tokenRefused(BotTokenKey, err); te != nil {
		err = stopFor(s.o.Platforms, te)
	}
	if err != nil {
		s.o.Logger.Error("slack: reply lost", "workspace", cmd.TeamID, "channel", cmd.ChannelID, "err", err)
	}
}

// respondLate answers a command through its response_url once the
// acknowledgement said "Working on it…": the reply replaces that note,
// or, for a reply meant for the whole channel (the note was seen by the
// asker alone), is posted in the channel and the note deleted.
func respondLate(ctx context.Context, client *http.Client, responseURL string, rep bot.Reply) error {
	resp := responseFor(rep)
	if !rep.Public {
		resp.ReplaceOriginal = true
		return postResponse(ctx, client, responseURL, resp)
	}
	if err := postResponse(ctx, client, responseURL, resp); err != nil {
		return err
	}
	// The reply is out; a note left behind if this fails is harmless.
	_ = postResponse(ctx, client, responseURL, commandResponse{DeleteOriginal: true})
	return nil
}
