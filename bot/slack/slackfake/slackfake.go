// Package slackfake is a fake Slack Web API and Socket Mode endpoint for
// tests, served on 127.0.0.1. Unlike a mock that accepts anything, it
// checks what Slack checks and answers with Slack's error shapes:
//
//   - the token (form field "token" or "Authorization: Bearer"), else
//     not_authed or invalid_auth;
//   - the form encoding of Web API calls;
//   - that the channel exists, is not archived and has the bot as a
//     member (channel_not_found, is_archived, not_in_channel);
//   - that blocks are valid JSON within Block Kit's limits (invalid_blocks,
//     msg_blocks_too_long) and text within 40,000 characters
//     (msg_too_long), and that a message has text or blocks (no_text);
//   - about one message per second per channel: a faster post gets HTTP
//     429 with Retry-After and is counted;
//   - that message metadata is a JSON object with an event_type and an
//     event_payload object (invalid_metadata_format);
//   - that apps.connections.open gets an app-level token ("xapp-…") and
//     other methods do not (not_allowed_token_type), and, once
//     RevokeTokens is called, token_revoked for every call;
//   - that response_url messages carry text or blocks unless they delete
//     the original, with boolean replace_original and delete_original;
//   - how long each Socket Mode envelope waited for its acknowledgement
//     (AckDelays; Slack wants one within AckWindow);
//   - that conversations.history and conversations.replies are allowed the
//     history scopes (missing_scope when SetHistoryAllowed(false)), and
//     that usergroups.list is allowed usergroups:read (missing_scope when
//     SetUserGroupsAllowed(false)).
//
// chat.update replaces a message the bot posted in that channel
// (message_not_found for any other ts), with the same checks of text and
// blocks as a post; Edits lists them.
//
// It records every accepted post with its metadata and serves them back
// from conversations.history and conversations.replies, can be switched
// down (503, or connection refused) for outage tests, can hold the answer
// to a post that it did record (Hold), serves response_url endpoints with
// their 5-use limit, lists the user groups made with AddUserGroup from
// usergroups.list (HoldUserGroups makes it slow), and a Socket Mode
// WebSocket that test code drives with SendEnvelope, whose connections
// can be made to close right after they open (SetDieYoung). CallTimes
// says when each Web API method was called.
package slackfake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options configure a Server. The zero value is usable: tokens
// "xoxb-fake" and "xapp-fake", team "T0FAKE", the real clock, one post per
// second per channel.
type Options struct {
	BotToken string
	AppToken string
	TeamID   string
	// Now is the clock used for pacing and message timestamps.
	Now func() time.Time
	// Interval is the least time between two posts to one channel;
	// Tolerance forgives that much jitter. Defaults 1 s and 20 ms.
	Interval, Tolerance time.Duration
	// RetryAfter is the Retry-After of a 429, in whole seconds; default 1.
	RetryAfter int
	// PingInterval is how often Socket Mode connections are pinged;
	// default 5 s.
	PingInterval time.Duration
	// NoHistoryScope makes conversations.history and conversations.replies
	// answer missing_scope, as for an app installed without
	// channels:history and groups:history. SetHistoryAllowed changes it
	// later.
	NoHistoryScope bool
}

// Mode is whether the fake is reachable.
type Mode int

// The modes.
const (
	// Up serves requests.
	Up Mode = iota
	// Unavailable answers every Web API call with 503.
	Unavailable
	// Refused closes the listener: connections are refused.
	Refused
)

// Post is one message the fake accepted.
type Post struct {
	Method   string // chat.postMessage or chat.postEphemeral
	Channel  string
	User     string // for chat.postEphemeral
	Text     string
	Blocks   json.RawMessage // nil when none were sent
	ThreadTS string
	TS       string
	// UnfurlLinks and UnfurlMedia are the flags as sent ("" when absent).
	UnfurlLinks, UnfurlMedia string
	// Metadata is the message metadata as sent ({"event_type": …,
	// "event_payload": {…}}), nil when none was.
	Metadata json.RawMessage
	At       time.Time
}

// Edit is one chat.update the fake accepted.
type Edit struct {
	Channel, TS string
	Text        string
	Blocks      json.RawMessage // nil when none were sent (the old ones stay)
	At          time.Time
}

// Response is one message posted to a response_url.
type Response struct {
	Body map[string]any
	At   time.Time
}

type channel struct {
	member, archived bool
	last             time.Time
	posted           bool
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	opts Options
	addr string
	srv  *http.Server

	mu        sync.Mutex
	ln        net.Listener
	mode      Mode
	channels  map[string]*channel
	posts     []Post
	edits     []Edit
	limited   int
	requests  map[string]int
	seq       int
	responses map[string][]Response
	conns     map[*wsConn]bool
	opened    int
	acks      []json.RawMessage
	ackc      chan struct{}
	failNext  []string
	closed    bool
	noHistory bool
	// hold, when not nil, is closed by Release: held posts wait on it.
	hold chan struct{}
	held int
	// ug is the workspace's user groups (usergroups.go).
	ug userGroupState
	// revoked makes every token answer token_revoked (RevokeTokens).
	revoked bool
	// dieYoung closes Socket Mode connections right after hello.
	dieYoung bool
	// calls are the times of each Web API call, by method.
	calls map[string][]time.Time
	// sentEnv and ackedEnv time envelopes out and acknowledgements in.
	sentEnv, ackedEnv map[string]time.Time

	wg   sync.WaitGroup
	stop chan struct{}
}

// New starts a fake on 127.0.0.1. Close it when done.
func New(o Options) (*Server, error) {
	if o.BotToken == "" {
		o.BotToken = "xoxb-fake"
	}
	if o.AppToken == "" {
		o.AppToken = "xapp-fake"
	}
	if o.TeamID == "" {
		o.TeamID = "T0FAKE"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Interval == 0 {
		o.Interval = time.Second
	}
	if o.Tolerance == 0 {
		o.Tolerance = 20 * time.Millisecond
	}
	if o.RetryAfter == 0 {
		o.RetryAfter = 1
	}
	if o.PingInterval == 0 {
		o.PingInterval = 5 * time.Second
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("slackfake: listen: %w", err)
	}
	s := &Server{
		opts:      o,
		addr:      ln.Addr().String(),
		ln:        ln,
		channels:  make(map[string]*channel),
		requests:  make(map[string]int),
		responses: make(map[string][]Response),
		conns:     make(map[*wsConn]bool),
		calls:     make(map[string][]time.Time),
		sentEnv:   make(map[string]time.Time),
		ackedEnv:  make(map[string]time.Time),
		ackc:      make(chan struct{}, 1),
		stop:      make(chan struct{}),
		noHistory: o.NoHistoryScope,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.api)
	mux.HandleFunc("POST /respond/{id}", s.respond)
	mux.HandleFunc("GET /socket", s.socket)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	s.serve(ln)
	return s, nil
}

func (s *Server) serve(ln net.Listener) {
	s.wg.Go(func() { _ = s.srv.Serve(ln) })
}

// APIURL is the Web API base URL, with the trailing slash slack-go's
// OptionAPIURL wants.
func (s *Server) APIURL() string { return "http://" + s.addr + "/api/" }

// BotToken and AppToken are the tokens the fake accepts.
func (s *Server) BotToken() string { return s.opts.BotToken }

// AppToken is the app-level token apps.connections.open accepts.
func (s *Server) AppToken() string { return s.opts.AppToken }

// TeamID is the fake workspace's ID.
func (s *Server) TeamID() string { return s.opts.TeamID }

// AddChannel creates a channel; member says whether the bot is in it.
func (s *Server) AddChannel(id string, member bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[id] = &channel{member: member}
}

// Archive archives a channel.
func (s *Server) Archive(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[id]; c != nil {
		c.archived = true
	}
}

// RemoveChannel deletes a channel.
func (s *Server) RemoveChannel(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.channels, id)
}

// Posts returns every accepted post, in order.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Edits returns every accepted chat.update, in order.
func (s *Server) Edits() []Edit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Edit(nil), s.edits...)
}

// FailNext makes the next chat.postMessage calls, one per code, fail
// with those Slack error codes (for example "invalid_blocks").
func (s *Server) FailNext(codes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = append(s.failNext, codes...)
}

// RateLimited counts the 429s the fake has answered.
func (s *Server) RateLimited() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limited
}

// Requests counts the calls of a Web API method, accepted or not, also
// while the fake is Unavailable (not while Refused: nothing connects).
func (s *Server) Requests(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[method]
}

// CallTimes returns when each call of a Web API method arrived, in order.
func (s *Server) CallTimes(method string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.calls[method]...)
}

// RevokeTokens revokes both tokens, as uninstalling the app does: every
// later Web API call answers token_revoked, and open Socket Mode
// connections are closed.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revoked = true
	for c := range s.conns {
		_ = c.conn.Close()
	}
}

// SetDieYoung makes Socket Mode connections close right after their hello
// (true), as a proxy that cuts them would, or live (false).
func (s *Server) SetDieYoung(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dieYoung = on
}

// SetMode switches the fake up or down. From Refused back to Up it listens
// again on the same address.
func (s *Server) SetMode(m Mode) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("slackfake: closed")
	}
	was := s.mode
	s.mode = m
	switch {
	case m == Refused && was != Refused:
		return s.ln.Close()
	case m != Refused && was == Refused:
		ln, err := net.Listen("tcp", s.addr)
		if err != nil {
			return fmt.Errorf("slackfake: listen again: %w", err)
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
	for c := range s.conns {
		_ = c.conn.Close()
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	_ = s.srv.Close()
	s.wg.Wait()
}

// writeJSON answers like Slack: HTTP 200 with a JSON body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func slackErr(w http.ResponseWriter, code string, details ...string) {
	body := map[string]any{"ok": false, "error": code}
	if len(details) > 0 {
		body["errors"] = details
		msgs := make([]string, len(details))
		for i, d := range details {
			msgs[i] = "[ERROR] " + d
		}
		body["response_metadata"] = map[string]any{"messages": msgs}
	}
	writeJSON(w, http.StatusOK, body)
}

// params reads a Web API call's arguments and token: form encoded (what
// slack-go sends for most methods) or JSON with a Bearer token.
func params(r *http.Request) (url.Values, string, error) {
	bearer, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, "", err
	}
	switch ct {
	case "application/x-www-form-urlencoded":
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, "", err
		}
		if t := v.Get("token"); t != "" {
			return v, t, nil
		}
		return v, bearer, nil
	case "application/json":
		if bearer == "" {
			return nil, "", errors.New("JSON without a bearer token")
		}
		v := url.Values{}
		if len(strings.TrimSpace(string(body))) == 0 {
			return v, bearer, nil
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			return nil, "", err
		}
		for k, x := range m {
			switch x := x.(type) {
			case string:
				v.Set(k, x)
			case bool, float64:
				v.Set(k, fmt.Sprint(x))
			default:
				b, _ := json.Marshal(x)
				v.Set(k, string(b))
			}
		}
		return v, bearer, nil
	case "":
		if len(body) == 0 {
			return url.Values{}, bearer, nil
		}
	}
	return nil, "", fmt.Errorf("unsupported content type %q", ct)
}

func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	s.mu.Lock()
	mode := s.mode
	s.requests[method]++ // counted up or down: tests see the bot trying
	s.calls[method] = append(s.calls[method], time.Now())
	revoked := s.revoked
	s.mu.Unlock()
	if mode != Up {
		http.Error(w, "service unavailable", http.StatusServiceUnavailable)
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	v, token, err := params(r)
	if err != nil {
		slackErr(w, "invalid_form_data")
		return
	}
	want := s.opts.BotToken
	if method == "apps.connections.open" {
		want = s.opts.AppToken
	}
	switch {
	case token == "":
		slackErr(w, "not_authed")
		return
	case token != want:
		slackErr(w, "invalid_auth")
		return
	case revoked:
		slackErr(w, "token_revoked")
		return
	case method == "apps.connections.open" && !strings.HasPrefix(token, "xapp-"):
		slackErr(w, "not_allowed_token_type")
		return
	case method != "apps.connections.open" && strings.HasPrefix(token, "xapp-"):
		slackErr(w, "not_allowed_token_type")
		return
	}
	switch method {
	case "auth.test":
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "url": "https://fake.slack.invalid/", "team": "Fake", "user": "strikebot", "team_id": s.opts.TeamID, "user_id": "U0BOT", "bot_id": "B0BOT"})
	case "chat.postMessage", "chat.postEphemeral":
		s.post(w, r, method, v)
	case "chat.update":
		s.update(w, v)
	case "conversations.history", "conversations.replies":
		s.history(w, method, v)
	case "usergroups.list":
		s.userGroups(w, r, v)
	case "apps.connections.open":
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "url": "ws://" + s.addr + "/socket?ticket=fake"})
	default:
		slackErr(w, "unknown_method")
	}
}

func (s *Server) post(w http.ResponseWriter, r *http.Request, method string, v url.Values) {
	ch := v.Get("channel")
	text := v.Get("text")
	blocks := v.Get("blocks")
	if method == "chat.postMessage" {
		s.mu.Lock()
		var code string
		if len(s.failNext) > 0 {
			code, s.failNext = s.failNext[0], s.failNext[1:]
		}
		s.mu.Unlock()
		if code != "" {
			slackErr(w, code)
			return
		}
	}
	if method == "chat.postEphemeral" && v.Get("user") == "" {
		slackErr(w, "user_not_found")
		return
	}
	if code := checkText(text, blocks); code != "" {
		slackErr(w, code)
		return
	}
	var meta json.RawMessage
	if m := v.Get("metadata"); m != "" && method == "chat.postMessage" {
		if !validMetadata(m) {
			slackErr(w, "invalid_metadata_format")
			return
		}
		meta = json.RawMessage(m)
	}
	raw, ok := checkedBlocks(w, blocks)
	if !ok {
		return
	}
	s.mu.Lock()
	c := s.channels[ch]
	switch {
	case c == nil:
		s.mu.Unlock()
		slackErr(w, "channel_not_found")
		return
	case c.archived:
		s.mu.Unlock()
		slackErr(w, "is_archived")
		return
	case !c.member:
		s.mu.Unlock()
		slackErr(w, "not_in_channel")
		return
	}
	now := s.opts.Now()
	if method == "chat.postMessage" {
		if c.posted && now.Sub(c.last) < s.opts.Interval-s.opts.Tolerance {
			s.limited++
			s.mu.Unlock()
			w.Header().Set("Retry-After", fmt.Sprint(s.opts.RetryAfter))
			writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "ratelimited"})
			return
		}
		c.posted, c.last = true, now
	}
	s.seq++
	ts := fmt.Sprintf("%d.%06d", now.Unix(), s.seq)
	s.posts = append(s.posts, Post{Method: method, Channel: ch, User: v.Get("user"), Text: text, Blocks: raw,
		ThreadTS: v.Get("thread_ts"), TS: ts, UnfurlLinks: v.Get("unfurl_links"), UnfurlMedia: v.Get("unfurl_media"),
		Metadata: meta, At: now})
	var hold chan struct{}
	if method == "chat.postMessage" && s.hold != nil {
		hold = s.hold
		s.held++
	}
	s.mu.Unlock()
	if method == "chat.postEphemeral" {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "message_ts": ts})
		return
	}
	if hold != nil {
		// The message exists; its answer waits for Release. If the fake
		// closes or the client gives up first, the connection is dropped
		// without an answer, like a process killed mid-request.
		select {
		case <-hold:
		case <-s.stop:
			panic(http.ErrAbortHandler)
		case <-r.Context().Done():
			panic(http.ErrAbortHandler)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "channel": ch, "ts": ts,
		"message": map[string]any{"type": "message", "text": text, "ts": ts, "bot_id": "B0BOT"}})
}

// update is chat.update: it replaces the text (and the blocks, when given)
// of a message chat.postMessage posted in the channel, as Slack does; a
// ts the channel has no message of is message_not_found.
func (s *Server) update(w http.ResponseWriter, v url.Values) {
	ch, ts, text, blocks := v.Get("channel"), v.Get("ts"), v.Get("text"), v.Get("blocks")
	if code := checkText(text, blocks); code != "" {
		slackErr(w, code)
		return
	}
	raw, ok := checkedBlocks(w, blocks)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[ch]
	switch {
	case c == nil:
		slackErr(w, "channel_not_found")
		return
	case c.archived:
		slackErr(w, "is_archived")
		return
	}
	i := slices.IndexFunc(s.posts, func(p Post) bool { return p.Method == "chat.postMessage" && p.Channel == ch && p.TS == ts })
	if ts == "" || i < 0 {
		slackErr(w, "message_not_found")
		return
	}
	s.posts[i].Text = text
	if raw != nil {
		s.posts[i].Blocks = raw
	}
	s.edits = append(s.edits, Edit{Channel: ch, TS: ts, Text: text, Blocks: raw, At: s.opts.Now()})
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "channel": ch, "ts": ts, "text": text,
		"message": map[string]any{"type": "message", "text": text, "ts": ts, "bot_id": "B0BOT"}})
}

// checkText is Slack's error code for a message's text and blocks as
// sent, or "": it needs one or the other, and text within MaxText.
func checkText(text, blocks string) string {
	switch {
	case strings.TrimSpace(text) == "" && (blocks == "" || blocks == "[]"):
		return "no_text"
	case len([]rune(text)) > MaxText:
		return "msg_too_long"
	}
	return ""
}

// checkedBlocks returns the blocks as sent (nil for none) when Block Kit
// takes them; else it answers with Slack's error and reports false.
func checkedBlocks(w http.ResponseWriter, blocks string) (json.RawMessage, bool) {
	if blocks == "" {
		return nil, true
	}
	raw := json.RawMessage(blocks)
	if code, detail := CheckBlocks(raw); code != "" {
		slackErr(w, code, detail)
		return nil, false
	}
	return raw, true
}
