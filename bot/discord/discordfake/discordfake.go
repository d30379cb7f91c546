// Package discordfake is a fake Discord (REST API and gateway) for tests,
// served on 127.0.0.1. Unlike a mock that accepts anything, it checks what
// Discord checks and answers with Discord's status codes, JSON error
// shapes and rate-limit headers:
//
//   - the bot token ("Authorization: Bot …", else 401 {"message":
//     "401: Unauthorized", "code": 0}) and a DiscordBot User-Agent;
//   - that a channel exists (404, code 10003 Unknown Channel) and that the
//     bot may see it (403, 50001 Missing Access), send to it (403, 50013
//     Missing Permissions), read its history, create threads and reply;
//   - message bodies against Discord's limits (content 2,000; 10 embeds;
//     title 256, description 4,096, 25 fields of 256/1,024, footer 2,048,
//     6,000 in all, counted in code points after trimming; nonce of at
//     most 25 characters; allowed_mentions' parse types, and a type in
//     parse not also listed by ID): 400 with code 50035 and Discord's
//     nested "errors" object; and strikebot's own rule that
//     allowed_mentions is {"parse": []} on every message, except that a
//     new message may list in roles the one role its content mentions
//     (never the server's @everyone role, whose ID is the server's);
//   - edits of a message (PATCH /channels/{id}/messages/{id}): the
//     message exists in that channel (404, 10008 Unknown Message), the bot
//     wrote it (403, 50005), its thread is not archived (400, 50083),
//     the body as for a new message (a part left out is kept; the result
//     may not be empty), with their own bucket per channel;
//   - a nonce sent with enforce_nonce: the same nonce in the same channel
//     within NonceWindow returns the first message instead of a new one;
//   - per-route buckets (create message: BucketLimit per BucketWindow per
//     channel) and a global limit per second, with X-RateLimit-Limit,
//     -Remaining, -Reset, -Reset-After and -Bucket on every answer; a 429
//     has {"message", "retry_after" (float seconds), "global"},
//     Retry-After, X-RateLimit-Scope and, for the global limit,
//     X-RateLimit-Global;
//   - interaction callbacks within 3 seconds of the interaction (else 404,
//     10062 Unknown interaction), once (400, 40060), and edits of the
//     original response within 15 minutes;
//   - slash-command definitions (names, descriptions, option nesting,
//     choices, 8,000 characters in all), registered with bulk overwrites,
//     which it counts.
//
// It stores the messages it accepts, applies edits to them and records
// each edit (Edits), serves them back from the channel history, knows
// which roles each message pinged, can be switched down (503, or connection refused), can hold the
// answer to a message it did store (Hold), can answer the next requests
// with scripted errors or 429s, and counts invalid requests (401, 403,
// 429) as Discord does for its 10,000-in-10-minutes ban.
//
// The gateway (gateway.go) speaks the JSON WebSocket protocol: HELLO,
// IDENTIFY, READY, heartbeats, RESUME with replay, and dispatches of
// INTERACTION_CREATE that test code sends.
package discordfake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults of Options.
const (
	DefaultToken         = "MTAyMzQ1Njc4OTAxMjM0NTY3OA.Gfake0.fakefakefakefakefakefakefakefake00"
	DefaultApplicationID = "1023456789012345678"
	DefaultGuildID       = "1034567890123456789"
)

// discordEpoch is the first millisecond of 2015, snowflakes' epoch.
const discordEpoch = 1420070400000

// Options configure a Server. The zero value is usable.
type Options struct {
	// Token is the bot token accepted (without "Bot "); DefaultToken when
	// empty.
	Token string
	// ApplicationID is the application (and bot user) ID;
	// DefaultApplicationID when empty.
	ApplicationID string
	// Now is the clock of message timestamps, buckets and deadlines.
	Now func() time.Time
	// BucketLimit messages per BucketWindow may be created in one
	// channel; defaults 5 per 5 s.
	BucketLimit  int
	BucketWindow time.Duration
	// GlobalLimit is the most requests per second; default 50.
	GlobalLimit int
	// NonceWindow is how long a nonce sent with enforce_nonce is
	// remembered; default 5 minutes.
	NonceWindow time.Duration
	// InteractionDeadline is the time to answer an interaction (default
	// 3 s); EditWindow the time to edit its response (default 15 min).
	InteractionDeadline, EditWindow time.Duration
	// HeartbeatInterval is sent in HELLO; default 41.25 s.
	HeartbeatInterval time.Duration
	// AllowMentions turns off the check that every message sends
	// allowed_mentions {"parse": []}.
	AllowMentions bool
}

// Mode is whether the fake is reachable.
type Mode int

// The modes.
const (
	// Up serves requests.
	Up Mode = iota
	// Unavailable answers every REST call (and gateway connection) with
	// 503.
	Unavailable
	// Refused closes the listener: connections are refused.
	Refused
)

// Channel says what a channel is and what the bot may do in it.
type Channel struct {
	// Guild is the channel's server; the fake's guild when empty.
	Guild string
	// Kind is "text" (default), "announcement", "forum" (no thread from
	// a message) or "thread".
	Kind string
	// NoView, NoSend, NoHistory, NoThreads, NoSendInThreads take the bot's
	// permissions away: View Channel, Send Messages, Read Message
	// History, Create Public Threads, Send Messages in Threads.
	NoView, NoSend, NoHistory, NoThreads, NoSendInThreads bool
}

// Message is one message the fake stored.
type Message struct {
	ID, ChannelID, GuildID string
	// ParentID is the channel of a thread's message; "" otherwise.
	ParentID string
	// AuthorID is who wrote it: the application's ID for the bot's
	// messages.
	AuthorID string
	Content  string
	Embeds   []Embed
	Nonce    string
	// Reference is the message replied to, "" for none.
	Reference string
	// AllowedMentions is allowed_mentions as sent (last edited).
	AllowedMentions json.RawMessage
	// Pinged are the roles the message notified when it was sent.
	Pinged []string
	At     time.Time
	// Edited counts its edits; EditedAt is the last one's time.
	Edited   int
	EditedAt time.Time
}

// Edit is one edit of a message the fake accepted.
type Edit struct {
	ChannelID, MessageID string
	// Body is the edit's body as sent.
	Body MessagePayload
	Raw  json.RawMessage
	At   time.Time
}

// Text is the message's content and every embed text joined, for tests
// that look for words.
func (m Message) Text() string {
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// Limit is a scripted 429 (RateLimitNext).
type Limit struct {
	// Scope is "user", "global" or "shared".
	Scope string
	// RetryAfter is in seconds.
	RetryAfter float64
}

type channel struct {
	Channel
	id, parent string
	msgs       []*Message
	// create-message and edit-message buckets: fixed windows.
	winStart, editStart time.Time
	winCount, editCount int
	// archived is set for a thread by ArchiveThread.
	archived bool
}

type nonceEntry struct {
	msg *Message
	at  time.Time
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	o    Options
	addr string
	srv  *http.Server

	mu       sync.Mutex
	ln       net.Listener
	mode     Mode
	closed   bool
	token    string
	guilds   map[string]bool
	channels map[string]*channel
	all      []*Message
	nonces   map[string]nonceEntry
	seq      int64
	lastMS   int64
	requests map[string]int
	invalid  int
	limited  int
	globalAt time.Time
	globalN  int
	failNext []failure
	limits   []Limit
	// the same for edits
	editFails  []failure
	editLimits []Limit
	edits      []Edit
	hold       chan struct{}
	held       int
	// interactions (interactions.go), commands (commands.go), gateway
	// (gateway.go).
	inter    map[string]*interaction
	commands map[string][]json.RawMessage
	puts     map[string]int
	gw       gatewayState

	wg   sync.WaitGroup
	stop chan struct{}
}

type failure struct {
	status, code int
	message      string
}

// New starts a fake on 127.0.0.1 with one guild (DefaultGuildID). Close
// it when done.
func New(o Options) (*Server, error) {
	if o.Token == "" {
		o.Token = DefaultToken
	}
	if o.ApplicationID == "" {
		o.ApplicationID = DefaultApplicationID
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.BucketLimit == 0 {
		o.BucketLimit = 5
	}
	if o.BucketWindow == 0 {
		o.BucketWindow = 5 * time.Second
	}
	if o.GlobalLimit == 0 {
		o.GlobalLimit = 50
	}
	if o.NonceWindow == 0 {
		o.NonceWindow = 5 * time.Minute
	}
	if o.InteractionDeadline == 0 {
		o.InteractionDeadline = 3 * time.Second
	}
	if o.EditWindow == 0 {
		o.EditWindow = 15 * time.Minute
	}
	if o.HeartbeatInterval == 0 {
		o.HeartbeatInterval = 41250 * time.Millisecond
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("discordfake: listen: %w", err)
	}
	s := &Server{
		o:        o,
		addr:     ln.Addr().String(),
		ln:       ln,
		token:    o.Token,
		guilds:   map[string]bool{DefaultGuildID: true},
		channels: make(map[string]*channel),
		nonces:   make(map[string]nonceEntry),
		requests: make(map[string]int),
		inter:    make(map[string]*interaction),
		commands: make(map[string][]json.RawMessage),
		puts:     make(map[string]int),
		stop:     make(chan struct{}),
	}
	s.gw.init()
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v9/", s.api)
	mux.HandleFunc("GET /gateway", s.gateway)
	mux.HandleFunc("GET /gateway/", s.gateway) // discordgo adds a slash before the query
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	s.serve(ln)
	return s, nil
}

func (s *Server) serve(ln net.Listener) {
	s.wg.Go(func() { _ = s.srv.Serve(ln) })
}

// URL is the REST base URL, as discord.api_url wants it:
// "http://127.0.0.1:PORT/api/v9/".
func (s *Server) URL() string { return "http://" + s.addr + "/api/v9/" }

// Token is the bot token the fake accepts.
func (s *Server) Token() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

// SetToken changes the accepted token, as resetting it in the Developer
// Portal does: the old one gets 401 from then on.
func (s *Server) SetToken(t string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = t
}

// ApplicationID is the application's ID, also the bot user's.
func (s *Server) ApplicationID() string { return s.o.ApplicationID }

// GuildID is the fake's guild.
func (s *Server) GuildID() string { return DefaultGuildID }

// AddGuild adds another guild the bot is in.
func (s *Server) AddGuild(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.guilds[id] = true
}

// AddChannel creates (or replaces the settings of) a channel.
func (s *Server) AddChannel(id string, c Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.Guild == "" {
		c.Guild = DefaultGuildID
	}
	if c.Kind == "" {
		c.Kind = "text"
	}
	if old := s.channels[id]; old != nil {
		old.Channel = c
		return
	}
	s.channels[id] = &channel{Channel: c, id: id}
}

// RemoveChannel deletes a channel (its threads stay reachable by ID).
func (s *Server) RemoveChannel(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.channels, id)
}

// Messages returns the messages of a channel (a thread's ID gives the
// thread's), oldest first; "" gives every message in order of creation.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.all {
		if channelID == "" || m.ChannelID == channelID {
			out = append(out, *m)
		}
	}
	return out
}

// Requests counts the calls of a route, accepted or not (also while the
// fake is Unavailable): "create_message", "edit_message", "get_messages",
// "create_thread", "edit_channel", "users_me", "gateway", "callback", "edit_original",
// "delete_original", "followup", "put_commands".
func (s *Server) Requests(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[route]
}

// Invalid counts the answers Discord counts toward its invalid-request
// ban: 401, 403, and 429 other than the "shared" scope.
func (s *Server) Invalid() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.invalid
}

// RateLimited counts the 429s answered.
func (s *Server) RateLimited() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limited
}

// FailNext makes the next create-message calls, one per entry, fail with
// HTTP status and a JSON error code (for example 403, 50013; or 502, 0,
// after storing the message: see FailAfterStore).
func (s *Server) FailNext(status, code int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = append(s.failNext, failure{status, code, message})
}

// FailNextEdit makes the next edit-message calls, one per entry, fail
// with HTTP status and a JSON error code; a 5xx comes after the edit was
// made.
func (s *Server) FailNextEdit(status, code int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.editFails = append(s.editFails, failure{status, code, message})
}

// RateLimitNextEdit makes the next edit-message calls, one per entry,
// answer 429 with that scope and retry_after.
func (s *Server) RateLimitNextEdit(l ...Limit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.editLimits = append(s.editLimits, l...)
}

// Edits returns every edit the fake accepted, in order.
func (s *Server) Edits() []Edit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Edit(nil), s.edits...)
}

// AddUserMessage stores a message a member (author, a user ID) wrote in a
// channel or thread, which the bot may read but not edit. It returns its
// ID.
func (s *Server) AddUserMessage(channelID, author, content string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	m := &Message{ID: s.snowflake(now), ChannelID: channelID, AuthorID: author, Content: content, At: now}
	if c := s.channels[channelID]; c != nil {
		m.GuildID, m.ParentID = c.Guild, c.parent
		c.msgs = append(c.msgs, m)
	}
	s.all = append(s.all, m)
	return m.ID
}

// ArchiveThread archives a thread, as Discord does after its
// auto-archive duration without messages: its messages cannot be edited
// until it is unarchived (by a new message, or by setting archived to
// false).
func (s *Server) ArchiveThread(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[id]; c != nil && c.Kind == "thread" {
		c.archived = true
	}
}

// RateLimitNext makes the next create-message calls, one per entry,
// answer 429 with that scope and retry_after.
func (s *Server) RateLimitNext(l ...Limit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, l...)
}

// Hold makes create-message store each message but not answer until
// Release: the caller never learns its message went out.
func (s *Server) Hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold == nil {
		s.hold = make(chan struct{})
	}
}

// Release answers the held requests and stops holding.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
}

// Held counts the answers held so far.
func (s *Server) Held() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held
}

// SetMode switches the fake up or down. From Refused back to Up it listens
// again on the same address.
func (s *Server) SetMode(m Mode) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("discordfake: closed")
	}
	was := s.mode
	s.mode = m
	switch {
	case m == Refused && was != Refused:
		s.gw.dropAll()
		return s.ln.Close()
	case m != Refused && was == Refused:
		ln, err := net.Listen("tcp", s.addr)
		if err != nil {
			return fmt.Errorf("discordfake: listen again: %w", err)
		}
		s.ln = ln
		s.serve(ln)
	}
	return nil
}

// Close stops the fake and closes every connection.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	close(s.stop)
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
	s.gw.dropAll()
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	_ = s.srv.Close()
	s.wg.Wait()
}

// snowflake returns a new ID for now. Call with s.mu held.
func (s *Server) snowflake(now time.Time) string {
	ms := now.UnixMilli() - discordEpoch
	if ms <= s.lastMS {
		ms = s.lastMS
	}
	if ms != s.lastMS {
		s.seq = 0
	}
	s.lastMS = ms
	s.seq++
	return strconv.FormatInt(ms<<22|(s.seq&0xFFF), 10)
}

// SnowflakeAt returns the smallest snowflake of the millisecond t, as
// Discord's "before" and "after" parameters take them.
func SnowflakeAt(t time.Time) string {
	ms := max(t.UnixMilli()-discordEpoch, 0)
	return strconv.FormatInt(ms<<22, 10)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// apiError answers with Discord's error shape and counts invalid ones.
// Call without s.mu held.
func (s *Server) apiError(w http.ResponseWriter, status, code int, message string) {
	if status == http.StatusUnauthorized || status == http.StatusForbidden {
		s.mu.Lock()
		s.invalid++
		s.mu.Unlock()
	}
	writeJSON(w, status, map[string]any{"message": message, "code": code})
}

func (s *Server) formError(w http.ResponseWriter, e *FormError) {
	writeJSON(w, http.StatusBadRequest, e.Body())
}

// rateLimited answers 429. Call without s.mu held.
func (s *Server) rateLimited(w http.ResponseWriter, l Limit, bucket string) {
	s.mu.Lock()
	s.limited++
	if l.Scope != "shared" {
		s.invalid++
	}
	s.mu.Unlock()
	global := l.Scope == "global"
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(l.RetryAfter))))
	h.Set("X-RateLimit-Scope", l.Scope)
	if global {
		h.Set("X-RateLimit-Global", "true")
	} else if bucket != "" {
		h.Set("X-RateLimit-Bucket", bucket)
		h.Set("X-RateLimit-Limit", strconv.Itoa(s.o.BucketLimit))
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset-After", formatSeconds(l.RetryAfter))
	}
	body := map[string]any{"message": "You are being rate limited.", "retry_after": math.Round(l.RetryAfter*1000) / 1000, "global": global}
	if l.Scope == "shared" {
		body["code"] = 0
	}
	writeJSON(w, http.StatusTooManyRequests, body)
}

func formatSeconds(x float64) string { return strconv.FormatFloat(math.Round(x*1000)/1000, 'f', 3, 64) }

// api routes the REST API.
func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	parts := strings.Split(strings.Trim(path, "/"), "/")
	route, authed := routeOf(r.Method, parts)
	s.mu.Lock()
	mode := s.mode
	s.requests[route]++
	s.mu.Unlock()
	if mode != Up {
		http.Error(w, "upstream connect error", http.StatusServiceUnavailable)
		return
	}
	if route == "" {
		s.apiError(w, http.StatusNotFound, 0, "404: Not Found")
		return
	}
	if authed {
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "DiscordBot ") {
			s.apiError(w, http.StatusBadRequest, 0, "A valid User-Agent is required")
			return
		}
		s.mu.Lock()
		ok := r.Header.Get("Authorization") == "Bot "+s.token
		s.mu.Unlock()
		if !ok {
			s.apiError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		if l, limited := s.global(); limited {
			s.rateLimited(w, l, "")
			return
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		s.apiError(w, http.StatusBadRequest, 0, "400: Bad Request")
		return
	}
	switch route {
	case "gateway", "gateway_bot":
		s.gatewayURL(w, route)
	case "users_me":
		writeJSON(w, http.StatusOK, s.botUser())
	case "create_message":
		s.createMessage(w, parts[1], body)
	case "edit_message":
		s.editMessage(w, parts[1], parts[3], body)
	case "edit_channel":
		s.editChannel(w, parts[1], body)
	case "get_messages":
		s.getMessages(w, r, parts[1])
	case "create_thread":
		s.createThread(w, parts[1], parts[3], body)
	case "callback":
		s.callback(w, parts[1], parts[2], body)
	case "edit_original":
		s.editOriginal(w, parts[1], parts[2], body)
	case "delete_original":
		s.deleteOriginal(w, parts[1], parts[2])
	case "followup":
		s.followup(w, parts[1], parts[2], body)
	case "put_commands":
		guild := ""
		if len(parts) == 5 {
			guild = parts[3]
		}
		s.putCommands(w, parts[1], guild, body)
	}
}

// routeOf names a request's route and says whether it needs the bot token.
func routeOf(method string, p []string) (route string, authed bool) {
	switch {
	case method == http.MethodGet && len(p) == 1 && p[0] == "gateway":
		return "gateway", false
	case method == http.MethodGet && len(p) == 2 && p[0] == "gateway" && p[1] == "bot":
		return "gateway_bot", true
	case method == http.MethodGet && len(p) == 2 && p[0] == "users" && p[1] == "@me":
		return "users_me", true
	case len(p) == 3 && p[0] == "channels" && p[2] == "messages":
		switch method {
		case http.MethodPost:
			return "create_message", true
		case http.MethodGet:
			return "get_messages", true
		}
	case method == http.MethodPatch && len(p) == 4 && p[0] == "channels" && p[2] == "messages":
		return "edit_message", true
	case method == http.MethodPatch && len(p) == 2 && p[0] == "channels":
		return "edit_channel", true
	case method == http.MethodPost && len(p) == 5 && p[0] == "channels" && p[2] == "messages" && p[4] == "threads":
		return "create_thread", true
	case method == http.MethodPost && len(p) == 4 && p[0] == "interactions" && p[3] == "callback":
		return "callback", false
	case method == http.MethodPatch && len(p) == 5 && p[0] == "webhooks" && p[3] == "messages" && p[4] == "@original":
		return "edit_original", false
	case method == http.MethodDelete && len(p) == 5 && p[0] == "webhooks" && p[3] == "messages" && p[4] == "@original":
		return "delete_original", false
	case method == http.MethodPost && len(p) == 3 && p[0] == "webhooks":
		return "followup", false
	case method == http.MethodPut && p[0] == "applications" && ((len(p) == 3 && p[2] == "commands") || (len(p) == 5 && p[2] == "guilds" && p[4] == "commands")):
		return "put_commands", true
	}
	return "", false
}

// global applies the global limit (and a scripted global 429).
func (s *Server) global() (Limit, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	if len(s.limits) > 0 && s.limits[0].Scope == "global" {
		l := s.limits[0]
		s.limits = s.limits[1:]
		return l, true
	}
	if now.Sub(s.globalAt) >= time.Second {
		s.globalAt, s.globalN = now, 0
	}
	s.globalN++
	if s.globalN > s.o.GlobalLimit {
		return Limit{Scope: "global", RetryAfter: time.Second.Seconds() - now.Sub(s.globalAt).Seconds()}, true
	}
	return Limit{}, false
}

func (s *Server) botUser() map[string]any {
	return map[string]any{"id": s.o.ApplicationID, "username": "strikebot", "discriminator": "0", "bot": true}
}

// messageJSON is a stored message as Discord returns it. Call with s.mu
// held.
func (s *Server) messageJSON(m *Message) map[string]any {
	embeds := m.Embeds
	if embeds == nil {
		embeds = []Embed{}
	}
	author := s.botUser()
	if m.AuthorID != "" && m.AuthorID != s.o.ApplicationID {
		author = map[string]any{"id": m.AuthorID, "username": "member" + m.AuthorID, "discriminator": "0"}
	}
	roles := []string{}
	roles = append(roles, RoleMentionsIn(m.Content)...)
	out := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "guild_id": m.GuildID, "content": m.Content,
		"timestamp": m.At.UTC().Format(time.RFC3339Nano), "author": author, "embeds": embeds,
		"type": 0, "tts": false, "mention_everyone": false, "mentions": []any{}, "mention_roles": roles,
		"attachments": []any{}, "pinned": false,
	}
	if m.Edited > 0 {
		out["edited_timestamp"] = m.EditedAt.UTC().Format(time.RFC3339Nano)
	}
	if m.Nonce != "" {
		out["nonce"] = m.Nonce
	}
	if m.Reference != "" {
		out["type"] = 19
		out["message_reference"] = map[string]any{"message_id": m.Reference, "channel_id": m.ChannelID}
	}
	return out
}

// access checks the bot may use a channel; it returns the answer to give
// when not. Call with s.mu held.
func (s *Server) access(id string, send bool) (*channel, int, int, string) {
	c := s.channels[id]
	if c == nil || !s.guilds[c.Guild] {
		return nil, http.StatusNotFound, 10003, "Unknown Channel"
	}
	perms := c.Channel
	if c.Kind == "thread" {
		if p := s.channels[c.parent]; p != nil {
			perms = p.Channel
		}
	}
	if perms.NoView {
		return nil, http.StatusForbidden, 50001, "Missing Access"
	}
	if send && ((c.Kind != "thread" && perms.NoSend) || (c.Kind == "thread" && perms.NoSendInThreads)) {
		return nil, http.StatusForbidden, 50013, "Missing Permissions"
	}
	return c, 0, 0, ""
}

func (s *Server) createMessage(w http.ResponseWriter, channelID string, body []byte) {
	var p MessagePayload
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	if e := CheckMessage(p, CheckOptions{NoMentions: !s.o.AllowMentions, RoleMentions: true, RequireContent: true}); e != nil {
		s.formError(w, e)
		return
	}
	s.mu.Lock()
	if len(s.limits) > 0 {
		l := s.limits[0]
		s.limits = s.limits[1:]
		s.mu.Unlock()
		s.rateLimited(w, l, "fake-create-message")
		return
	}
	var fail *failure
	if len(s.failNext) > 0 {
		fail = &s.failNext[0]
		s.failNext = s.failNext[1:]
	}
	if fail != nil && fail.status < 500 {
		s.mu.Unlock()
		s.apiError(w, fail.status, fail.code, fail.message)
		return
	}
	c, status, code, msg := s.access(channelID, true)
	if c == nil {
		s.mu.Unlock()
		s.apiError(w, status, code, msg)
		return
	}
	if !s.o.AllowMentions && slices.Contains(pinged(p.AllowedMentions, content(p)), c.Guild) {
		s.mu.Unlock()
		s.formError(w, invalid("allowed_mentions.roles", "STRIKEBOT_MENTIONS_ALLOWED", "strikebot rule: never the @everyone role"))
		return
	}
	now := s.o.Now()
	if now.Sub(c.winStart) >= s.o.BucketWindow {
		c.winStart, c.winCount = now, 0
	}
	resetAfter := (s.o.BucketWindow - now.Sub(c.winStart)).Seconds()
	if c.winCount >= s.o.BucketLimit {
		s.mu.Unlock()
		s.rateLimited(w, Limit{Scope: "user", RetryAfter: resetAfter}, "fake-create-message")
		return
	}
	nonce, _ := p.Nonce.(string)
	if p.EnforceNonce && nonce != "" {
		if e, ok := s.nonces[channelID+"/"+nonce]; ok && now.Sub(e.at) < s.o.NonceWindow {
			out := s.messageJSON(e.msg)
			s.mu.Unlock()
			writeJSON(w, http.StatusOK, out)
			return
		}
	}
	if p.Reference != nil {
		if c.NoHistory {
			s.mu.Unlock()
			s.apiError(w, http.StatusBadRequest, 160002, "Cannot reply without permission to read message history")
			return
		}
		if !s.hasMessage(c, p.Reference.MessageID) && (p.Reference.FailIfNotExists == nil || *p.Reference.FailIfNotExists) {
			s.mu.Unlock()
			s.formError(w, invalid("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message"))
			return
		}
	}
	c.winCount++
	c.archived = false // a new message unarchives its thread
	m := &Message{ID: s.snowflake(now), ChannelID: channelID, GuildID: c.Guild, ParentID: c.parent, AuthorID: s.o.ApplicationID,
		Embeds: p.Embeds, Nonce: nonce, At: now, Content: content(p), Pinged: pinged(p.AllowedMentions, content(p))}
	if p.AllowedMentions != nil {
		m.AllowedMentions = *p.AllowedMentions
	}
	if p.Reference != nil {
		m.Reference = p.Reference.MessageID
	}
	c.msgs = append(c.msgs, m)
	s.all = append(s.all, m)
	if p.EnforceNonce && nonce != "" {
		s.nonces[channelID+"/"+nonce] = nonceEntry{m, now}
	}
	out := s.messageJSON(m)
	hold := s.hold
	if hold != nil {
		s.held++
	}
	remaining := s.o.BucketLimit - c.winCount
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-s.stop:
		}
	}
	if fail != nil { // a 5xx after the message went out
		s.apiError(w, fail.status, fail.code, fail.message)
		return
	}
	h := w.Header()
	h.Set("X-RateLimit-Bucket", "fake-create-message")
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.o.BucketLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset-After", formatSeconds(resetAfter))
	h.Set("X-RateLimit-Reset", formatSeconds(float64(now.UnixMilli())/1000+resetAfter))
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) hasMessage(c *channel, id string) bool {
	for _, m := range c.msgs {
		if m.ID == id {
			return true
		}
	}
	return false
}

func (s *Server) getMessages(w http.ResponseWriter, r *http.Request, channelID string) {
	q := r.URL.Query()
	limit := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			s.formError(w, invalid("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100."))
			return
		}
		limit = n
	}
	before, after := q.Get("before"), q.Get("after")
	s.mu.Lock()
	c, status, code, msg := s.access(channelID, false)
	if c == nil {
		s.mu.Unlock()
		s.apiError(w, status, code, msg)
		return
	}
	if c.NoHistory || (c.Kind == "thread" && s.channels[c.parent] != nil && s.channels[c.parent].NoHistory) {
		s.mu.Unlock()
		s.apiError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var out []map[string]any
	for i := len(c.msgs) - 1; i >= 0 && len(out) < limit; i-- {
		m := c.msgs[i]
		if before != "" && !idLess(m.ID, before) {
			continue
		}
		if after != "" && !idLess(after, m.ID) {
			continue
		}
		out = append(out, s.messageJSON(m))
	}
	s.mu.Unlock()
	if out == nil {
		out = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, out)
}

// idLess compares snowflakes.
func idLess(a, b string) bool {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return x < y
}

func (s *Server) createThread(w http.ResponseWriter, channelID, messageID string, body []byte) {
	var p struct {
		Name                string `json:"name"`
		AutoArchiveDuration int    `json:"auto_archive_duration"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	if n := length(p.Name); n < 1 || n > 100 {
		s.formError(w, invalid("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
		return
	}
	switch p.AutoArchiveDuration {
	case 0, 60, 1440, 4320, 10080:
	default:
		s.formError(w, invalid("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}."))
		return
	}
	s.mu.Lock()
	c, status, code, msg := s.access(channelID, false)
	if c == nil {
		s.mu.Unlock()
		s.apiError(w, status, code, msg)
		return
	}
	switch {
	case c.Kind == "forum" || c.Kind == "thread":
		s.mu.Unlock()
		s.apiError(w, http.StatusBadRequest, 50024, "Cannot execute action on this channel type")
		return
	case c.NoThreads:
		s.mu.Unlock()
		s.apiError(w, http.StatusForbidden, 50013, "Missing Permissions")
		return
	case !s.hasMessage(c, messageID):
		s.mu.Unlock()
		s.apiError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	case s.channels[messageID] != nil:
		s.mu.Unlock()
		s.apiError(w, http.StatusBadRequest, 160004, "A thread has already been created for this message")
		return
	}
	s.channels[messageID] = &channel{Channel: Channel{Guild: c.Guild, Kind: "thread"}, id: messageID, parent: channelID}
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"id": messageID, "guild_id": c.Guild, "parent_id": channelID,
		"type": 11, "name": p.Name, "thread_metadata": map[string]any{"archived": false, "auto_archive_duration": p.AutoArchiveDuration}})
}

// Threads returns the IDs of the threads created, with their channels.
func (s *Server) Threads() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string)
	for id, c := range s.channels {
		if c.Kind == "thread" {
			out[id] = c.parent
		}
	}
	return out
}

func content(p MessagePayload) string {
	if p.Content == nil {
		return ""
	}
	return *p.Content
}

// editMessage edits a message the bot wrote, as Discord's PATCH
// /channels/{channel}/messages/{message} does: content, embeds and
// allowed_mentions given replace the message's; those left out stay.
func (s *Server) editMessage(w http.ResponseWriter, channelID, messageID string, body []byte) {
	var p MessagePayload
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &p) != nil || json.Unmarshal(body, &fields) != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	if e := CheckMessage(p, CheckOptions{NoMentions: !s.o.AllowMentions}); e != nil {
		s.formError(w, e)
		return
	}
	s.mu.Lock()
	if len(s.editLimits) > 0 {
		l := s.editLimits[0]
		s.editLimits = s.editLimits[1:]
		s.mu.Unlock()
		s.rateLimited(w, l, "fake-edit-message")
		return
	}
	var fail *failure
	if len(s.editFails) > 0 {
		fail = &s.editFails[0]
		s.editFails = s.editFails[1:]
	}
	if fail != nil && fail.status < 500 {
		s.mu.Unlock()
		s.apiError(w, fail.status, fail.code, fail.message)
		return
	}
	c, status, code, msg := s.access(channelID, false)
	if c == nil {
		s.mu.Unlock()
		s.apiError(w, status, code, msg)
		return
	}
	var m *Message
	for _, x := range c.msgs {
		if x.ID == messageID {
			m = x
		}
	}
	switch {
	case m == nil:
		s.mu.Unlock()
		s.apiError(w, http.StatusNotFound, 10008, "Unknown Message")
		return
	case m.AuthorID != s.o.ApplicationID:
		s.mu.Unlock()
		s.apiError(w, http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
		return
	case c.archived:
		s.mu.Unlock()
		s.apiError(w, http.StatusBadRequest, 50083, "Thread is archived")
		return
	}
	now := s.o.Now()
	if now.Sub(c.editStart) >= s.o.BucketWindow {
		c.editStart, c.editCount = now, 0
	}
	resetAfter := (s.o.BucketWindow - now.Sub(c.editStart)).Seconds()
	if c.editCount >= s.o.BucketLimit {
		s.mu.Unlock()
		s.rateLimited(w, Limit{Scope: "user", RetryAfter: resetAfter}, "fake-edit-message")
		return
	}
	after := *m
	if _, ok := fields["content"]; ok {
		after.Content = content(p)
	}
	if _, ok := fields["embeds"]; ok {
		after.Embeds = p.Embeds
	}
	if length(after.Content) == 0 && len(after.Embeds) == 0 {
		s.mu.Unlock()
		s.formError(w, &FormError{Code: 50006, Message: "Cannot send an empty message"})
		return
	}
	c.editCount++
	m.Content, m.Embeds = after.Content, after.Embeds
	if p.AllowedMentions != nil {
		m.AllowedMentions = *p.AllowedMentions
	}
	m.Edited++
	m.EditedAt = now
	s.edits = append(s.edits, Edit{ChannelID: channelID, MessageID: messageID, Body: p, Raw: body, At: now})
	out := s.messageJSON(m)
	remaining := s.o.BucketLimit - c.editCount
	s.mu.Unlock()
	if fail != nil { // a 5xx after the edit was made
		s.apiError(w, fail.status, fail.code, fail.message)
		return
	}
	h := w.Header()
	h.Set("X-RateLimit-Bucket", "fake-edit-message")
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.o.BucketLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset-After", formatSeconds(resetAfter))
	h.Set("X-RateLimit-Reset", formatSeconds(float64(now.UnixMilli())/1000+resetAfter))
	writeJSON(w, http.StatusOK, out)
}

// editChannel modifies a channel; the fake supports what strikebot
// does with it: unarchiving a thread ({"archived": false}), which needs
// Send Messages in Threads.
func (s *Server) editChannel(w http.ResponseWriter, channelID string, body []byte) {
	var p struct {
		Archived *bool `json:"archived"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	s.mu.Lock()
	c, status, code, msg := s.access(channelID, false)
	if c == nil {
		s.mu.Unlock()
		s.apiError(w, status, code, msg)
		return
	}
	if c.Kind != "thread" || p.Archived == nil || *p.Archived {
		s.mu.Unlock()
		s.apiError(w, http.StatusForbidden, 50013, "Missing Permissions")
		return
	}
	if pc := s.channels[c.parent]; pc != nil && pc.NoSendInThreads {
		s.mu.Unlock()
		s.apiError(w, http.StatusForbidden, 50013, "Missing Permissions")
		return
	}
	c.archived = false
	out := map[string]any{"id": channelID, "guild_id": c.Guild, "parent_id": c.parent, "type": 11,
		"thread_metadata": map[string]any{"archived": false, "auto_archive_duration": 10080}}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}
