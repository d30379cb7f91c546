package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// Recommended timeouts for the http.Server in front of a Handler (see
// NewServer): they close slow-loris connections while leaving room for a
// command's 3-second answer.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 10 * time.Second
	IdleTimeout       = 60 * time.Second
)

// DefaultMaxBody is the largest request body a Handler reads; anything
// bigger is refused with 413 before it is hashed. Slack's own requests
// stay well below it: Events API callbacks with long messages, files and
// blocks reach tens of kilobytes.
const DefaultMaxBody = 1 << 20

// HandlerOptions configure a Handler.
type HandlerOptions struct {
	// SigningSecret verifies every request. Required.
	SigningSecret string
	// Teams are the workspace (team) IDs served; requests from any other
	// are refused. Required.
	Teams []string
	// Router answers commands. Required.
	Router Router
	// Groups, if set, finds a user's user groups before routing.
	Groups GroupLookup
	// Command is the slash command served; default "/strike".
	Command string
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Client posts late answers to response_url; default a client with
	// a 10 s timeout.
	Client *http.Client
	// InlineWait and WorkTimeout default to DefaultInlineWait and
	// DefaultWorkTimeout.
	InlineWait, WorkTimeout time.Duration
	// MaxBody defaults to DefaultMaxBody.
	MaxBody int64
	// OnEvent, if set, receives each Events API callback once (retries of
	// the same event ID within an hour are dropped). It runs after the
	// request was acknowledged, from a goroutine the Handler owns.
	OnEvent func(ctx context.Context, team string, ev slackevents.EventsAPIEvent)
	// Seen, if set, says whether a key (an event ID) is new to every
	// process, not just this one (Store.ClaimInbound): replicas behind one URL
	// then handle a retried event once. An error counts as new: an event
	// handled twice beats one lost.
	Seen func(ctx context.Context, key string) (bool, error)
	// Logger defaults to discarding.
	Logger *slog.Logger
}

// Handler serves Slack's HTTP endpoints:
//
//	POST /slack/commands      slash commands
//	POST /slack/interactions  interactive components (acknowledged)
//	POST /slack/events        the Events API, url_verification included
//
// Each request's raw body, capped at MaxBody, is verified with the
// signing secret before anything is parsed; a request that fails gets 401
// and a fixed body. A command is routed with a deadline of InlineWait: a
// reply ready by then is the HTTP answer, otherwise the answer is
// "Working on it…" and the reply follows through the command's
// response_url. Event retries are recognized by event ID in memory, so
// several replicas behind one URL may each process an event once; they
// need the store to deduplicate between them.
//
// A Handler is safe for concurrent use. Shutdown stops its background work.
type Handler struct {
	o      HandlerOptions
	run    *runner
	cancel context.CancelFunc
	seen   *seenSet
}

// NewHandler returns a Handler. Call Shutdown when done with it.
func NewHandler(o HandlerOptions) *Handler {
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
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	base, cancel := context.WithCancel(context.Background())
	return &Handler{
		o:      o,
		cancel: cancel,
		seen:   newSeenSet(time.Hour, 100_000),
		run: &runner{router: o.Router, groups: o.Groups, log: o.Logger,
			inlineWait: o.InlineWait, workTimeout: o.WorkTimeout, base: base},
	}
}

// NewServer returns an http.Server for h on addr with the recommended
// timeouts.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout, MaxHeaderBytes: 16 << 10}
}

// Shutdown waits for commands still running and answers still being
// posted, until ctx is done; then it cancels them and waits for them to
// return. Stop the http.Server serving h first: no request may arrive
// once Shutdown has begun.
func (h *Handler) Shutdown(ctx context.Context) error {
	return h.run.stop(ctx, h.cancel)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var serve func(http.ResponseWriter, *http.Request, []byte)
	switch r.URL.Path {
	case "/slack/commands":
		serve = h.command
	case "/slack/interactions":
		serve = h.interaction
	case "/slack/events":
		serve = h.event
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.ContentLength > h.o.MaxBody {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.o.MaxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := Verify(h.o.Now(), r.Header, body, h.o.SigningSecret); err != nil {
		h.o.Logger.Warn("slack: refused unverified request", "path", r.URL.Path, "err", err)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	serve(w, r, body)
}

func (h *Handler) allowed(team string) bool { return team != "" && slices.Contains(h.o.Teams, team) }

func writeResponse(w http.ResponseWriter, resp commandResponse) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(marshal(resp))
}

func (h *Handler) command(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	team := form.Get("team_id")
	if !h.allowed(team) {
		h.o.Logger.Warn("slack: command from a workspace not configured", "workspace", team)
		writeResponse(w, ephemeral("strikebot is not set up for this workspace."))
		return
	}
	if cmd := form.Get("command"); cmd != h.o.Command {
		writeResponse(w, ephemeral("Unknown command "+cmd+": try "+h.o.Command+" help."))
		return
	}
	req := bot.Request{
		Destination: strike.Destination{Platform: "slack", Workspace: team, Channel: form.Get("channel_id")},
		User:        form.Get("user_id"),
		UserName:    form.Get("user_name"),
		Text:        form.Get("text"),
		At:          h.o.Now(),
	}
	responseURL := form.Get("response_url")
	rep, ok := h.run.run(req, func(ctx context.Context, rep bot.Reply) {
		if err := respondLate(ctx, h.o.Client, responseURL, rep); err != nil {
			h.o.Logger.Error("slack: late answer lost", "workspace", team, "channel", req.Channel, "err", err)
		}
	})
	if !ok {
		writeResponse(w, ephemeral(workingText))
		return
	}
	writeResponse(w, responseFor(rep))
}

// postResponse posts resp to a command's response_url. Errors never
// contain the URL, which lets anyone holding it post for 30 minutes.
func postResponse(ctx context.Context, client *http.Client, responseURL string, resp commandResponse) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("slack: response_url: not an http(s) URL")
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(marshal(resp)))
	if err != nil {
		return errors.New("slack: response_url: bad request")
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err // drop the URL
		}
		return fmt.Errorf("slack: post to response_url at %s: %w", u.Host, err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 4<<10))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("slack: post to response_url at %s: status %d", u.Host, res.StatusCode)
	}
	return nil
}

func (h *Handler) interaction(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	var p struct {
		Team struct {
			ID string `json:"id"`
		} `json:"team"`
	}
	if err := json.Unmarshal([]byte(form.Get("payload")), &p); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if !h.allowed(p.Team.ID) {
		h.o.Logger.Warn("slack: interaction from a workspace not configured", "workspace", p.Team.ID)
	}
	// strikebot sends no interactive components yet: acknowledge only.
	w.WriteHeader(http.StatusOK)
}

func (h *Handler) event(w http.ResponseWriter, r *http.Request, body []byte) {
	var env struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
		TeamID    string `json:"team_id"`
		EventID   string `json:"event_id"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	switch env.Type {
	case slackevents.URLVerification:
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, env.Challenge)
		return
	case slackevents.CallbackEvent:
	default:
		w.WriteHeader(http.StatusOK)
		return
	}
	if !h.allowed(env.TeamID) {
		h.o.Logger.Warn("slack: event from a workspace not configured", "workspace", env.TeamID)
		w.WriteHeader(http.StatusOK) // acknowledged so Slack stops retrying, not processed
		return
	}
	if env.EventID != "" && (!h.seen.add(env.EventID, h.o.Now()) || !seenFirst(r.Context(), h.o.Seen, "slack:event:"+env.EventID, h.o.Logger)) {
		h.o.Logger.Info("slack: duplicate event dropped", "event_id", env.EventID,
			"retry", r.Header.Get("X-Slack-Retry-Num"), "reason", r.Header.Get("X-Slack-Retry-Reason"))
		w.WriteHeader(http.StatusOK)
		return
	}
	w.WriteHeader(http.StatusOK)
	if h.o.OnEvent == nil {
		return
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		h.o.Logger.Warn("slack: event not understood", "event_id", env.EventID, "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(h.run.base, h.o.WorkTimeout)
	h.run.wg.Go(func() {
		defer cancel()
		h.o.OnEvent(ctx, env.TeamID, ev)
	})
}
