package discordfake

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Privileged gateway intents an unverified application may not ask for:
// GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
const privilegedIntents = 1<<1 | 1<<8 | 1<<15

// Gateway close codes the fake uses.
const (
	CloseAuthenticationFailed = 4004
	CloseDisallowedIntents    = 4014
)

type gwEvent struct {
	seq  int64
	typ  string
	data json.RawMessage
}

type gwSession struct {
	id     string
	seq    int64
	events []gwEvent
	conn   *gwConn
}

type gwConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	session *gwSession
}

func (c *gwConn) send(v any) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

// gatewayState is guarded by Server.mu.
type gatewayState struct {
	conns       map[*gwConn]bool
	sessions    map[string]*gwSession
	last        *gwSession
	identifies  int
	resumes     int
	connections int
	intents     []int
	zombie      bool
	nextSession int
}

func (g *gatewayState) init() {
	g.conns = make(map[*gwConn]bool)
	g.sessions = make(map[string]*gwSession)
}

// dropAll closes every connection abruptly. Call with Server.mu held.
func (g *gatewayState) dropAll() {
	for c := range g.conns {
		_ = c.ws.NetConn().Close()
	}
}

type gwPayload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

func (s *Server) gatewayURL(w http.ResponseWriter, route string) {
	body := map[string]any{"url": "ws://" + s.addr + "/gateway"}
	if route == "gateway_bot" {
		body["shards"] = 1
		body["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1}
	}
	writeJSON(w, http.StatusOK, body)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gateway serves one WebSocket connection of the gateway.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	mode, closed := s.mode, s.closed
	s.mu.Unlock()
	if mode != Up || closed {
		http.Error(w, "gateway unavailable", http.StatusServiceUnavailable)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.gw.conns[c] = true
	s.gw.connections++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.gw.conns, c)
		if c.session != nil && c.session.conn == c {
			c.session.conn = nil
		}
		s.mu.Unlock()
		_ = ws.Close()
	}()
	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": s.o.HeartbeatInterval.Milliseconds()})
	if c.send(gwPayload{Op: 10, D: hello}) != nil {
		return
	}
	for {
		_ = ws.SetReadDeadline(time.Now().Add(2*s.o.HeartbeatInterval + 10*time.Second))
		var p gwPayload
		if err := ws.ReadJSON(&p); err != nil {
			return
		}
		switch p.Op {
		case 1:
			s.mu.Lock()
			zombie := s.gw.zombie
			s.mu.Unlock()
			if !zombie {
				_ = c.send(gwPayload{Op: 11})
			}
		case 2:
			if !s.identify(c, p.D) {
				return
			}
		case 6:
			if !s.resume(c, p.D) {
				return
			}
		}
	}
}

func (s *Server) closeWith(c *gwConn, code int, text string) {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
}

func (s *Server) tokenOK(t string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return t == "Bot "+s.token || t == s.token
}

// identify answers an IDENTIFY: READY and a GUILD_CREATE per guild, or a
// close with 4004 (bad token) or 4014 (privileged intents).
func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	var id struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
	}
	_ = json.Unmarshal(d, &id)
	s.mu.Lock()
	s.gw.identifies++
	s.gw.intents = append(s.gw.intents, id.Intents)
	s.mu.Unlock()
	if !s.tokenOK(id.Token) {
		s.closeWith(c, CloseAuthenticationFailed, "Authentication failed.")
		return false
	}
	if id.Intents&privilegedIntents != 0 {
		s.closeWith(c, CloseDisallowedIntents, "Disallowed intent(s).")
		return false
	}
	s.mu.Lock()
	s.gw.nextSession++
	sess := &gwSession{id: "fakesession" + itoa(int64(s.gw.nextSession)), conn: c}
	s.gw.sessions[sess.id] = sess
	s.gw.last = sess
	c.session = sess
	var guilds []map[string]any
	for g := range s.guilds {
		guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
	}
	s.mu.Unlock()
	ready, _ := json.Marshal(map[string]any{
		"v": 9, "user": s.botUser(), "session_id": sess.id, "resume_gateway_url": "ws://" + s.addr + "/gateway",
		"guilds": guilds, "application": map[string]any{"id": s.o.ApplicationID, "flags": 0}, "shard": []int{0, 1},
	})
	if s.dispatchTo(sess, "READY", ready) != nil {
		return false
	}
	for _, g := range guilds {
		gc, _ := json.Marshal(map[string]any{"id": g["id"], "name": "Picket HQ " + g["id"].(string), "unavailable": false,
			"channels": []any{}, "roles": []any{}, "members": []any{}})
		if s.dispatchTo(sess, "GUILD_CREATE", gc) != nil {
			return false
		}
	}
	return true
}

// resume answers a RESUME: the events after the client's sequence, then
// RESUMED; or INVALID_SESSION (d false) for an unknown session.
func (s *Server) resume(c *gwConn, d json.RawMessage) bool {
	var rs struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(d, &rs)
	s.mu.Lock()
	s.gw.resumes++
	sess := s.gw.sessions[rs.SessionID]
	s.mu.Unlock()
	if !s.tokenOK(rs.Token) {
		s.closeWith(c, CloseAuthenticationFailed, "Authentication failed.")
		return false
	}
	if sess == nil {
		return c.send(gwPayload{Op: 9, D: json.RawMessage("false")}) == nil
	}
	s.mu.Lock()
	if old := sess.conn; old != nil && old != c {
		_ = old.ws.NetConn().Close()
	}
	sess.conn = c
	c.session = sess
	var replay []gwEvent
	for _, e := range sess.events {
		if e.seq > rs.Seq {
			replay = append(replay, e)
		}
	}
	s.mu.Unlock()
	for _, e := range replay {
		seq := e.seq
		if c.send(gwPayload{Op: 0, T: e.typ, S: &seq, D: e.data}) != nil {
			return false
		}
	}
	return s.dispatchTo(sess, "RESUMED", json.RawMessage("{}")) == nil
}

// dispatchTo records an event in a session and sends it if the session
// is connected.
func (s *Server) dispatchTo(sess *gwSession, typ string, data json.RawMessage) error {
	s.mu.Lock()
	sess.seq++
	seq := sess.seq
	sess.events = append(sess.events, gwEvent{seq, typ, data})
	c := sess.conn
	s.mu.Unlock()
	if c == nil {
		return nil // replayed on RESUME
	}
	if err := c.send(gwPayload{Op: 0, T: typ, S: &seq, D: data}); err != nil {
		// The connection died under us: the event waits for RESUME.
		s.mu.Lock()
		if sess.conn == c {
			sess.conn = nil
		}
		s.mu.Unlock()
		_ = c.ws.NetConn().Close()
		return err
	}
	return nil
}

// ErrNoSession means no client has identified with the gateway yet.
var ErrNoSession = errors.New("discordfake: no gateway session")

// SendInteraction dispatches INTERACTION_CREATE with payload (from
// NewInteraction) in the latest session. If its client is disconnected
// the event waits for the client's RESUME.
func (s *Server) SendInteraction(payload []byte) error {
	s.mu.Lock()
	sess := s.gw.last
	s.mu.Unlock()
	if sess == nil {
		return ErrNoSession
	}
	_ = s.dispatchTo(sess, "INTERACTION_CREATE", payload) // on a dead connection: replayed when the client resumes
	return nil
}

// DropGateway closes every gateway connection without a close frame, as a
// network failure would: clients reconnect and RESUME.
func (s *Server) DropGateway() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.dropAll()
}

// SetZombie stops (or resumes) acknowledging heartbeats.
func (s *Server) SetZombie(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.zombie = on
}

// GatewayStats are counts of the gateway's traffic.
type GatewayStats struct {
	Connections, Identifies, Resumes int
	// Connected is the number of sessions with a live connection.
	Connected int
	// Intents are the intents of each IDENTIFY.
	Intents []int
}

// Gateway returns the gateway's counts.
func (s *Server) Gateway() GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := GatewayStats{Connections: s.gw.connections, Identifies: s.gw.identifies, Resumes: s.gw.resumes,
		Intents: append([]int(nil), s.gw.intents...)}
	for _, sess := range s.gw.sessions {
		if sess.conn != nil {
			st.Connected++
		}
	}
	return st
}
