package slackfake

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

type wsConn struct {
	conn *websocket.Conn
	mu   sync.Mutex // serializes writes
}

func (c *wsConn) write(typ int, b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.conn.WriteMessage(typ, b)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("ticket") == "" {
		http.Error(w, "no ticket", http.StatusUnauthorized)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &wsConn{conn: conn}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = conn.Close()
		return
	}
	s.conns[c] = true
	s.opened++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		_ = conn.Close()
	}()
	hello := `{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0FAKE"},"debug_info":{"host":"fake","approximate_connection_time":3600}}`
	if c.write(websocket.TextMessage, []byte(hello)) != nil {
		return
	}
	s.mu.Lock()
	young := s.dieYoung
	s.mu.Unlock()
	if young {
		return // closed by the deferred cleanup
	}
	done := make(chan struct{})
	defer close(done)
	s.wg.Go(func() {
		t := time.NewTicker(s.opts.PingInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-s.stop:
				return
			case <-t.C:
				if c.write(websocket.PingMessage, []byte("ping")) != nil {
					return
				}
			}
		}
	})
	// Ping once at once: the client's dead-man timer wants a ping inside
	// its interval from the start.
	_ = c.write(websocket.PingMessage, []byte("ping"))
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var m struct {
			EnvelopeID string `json:"envelope_id"`
		}
		if json.Unmarshal(msg, &m) == nil && m.EnvelopeID != "" {
			s.mu.Lock()
			s.acks = append(s.acks, json.RawMessage(msg))
			if _, ok := s.ackedEnv[m.EnvelopeID]; !ok {
				s.ackedEnv[m.EnvelopeID] = time.Now()
			}
			s.mu.Unlock()
			select {
			case s.ackc <- struct{}{}:
			default:
			}
		}
	}
}

// SocketConnections counts the Socket Mode connections opened so far, and
// open says how many are open now.
func (s *Server) SocketConnections() (opened, open int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened, len(s.conns)
}

// SendEnvelope sends a Socket Mode envelope (marshalled to JSON unless it
// is already []byte or json.RawMessage) to every open connection. It
// fails when none is open.
func (s *Server) SendEnvelope(v any) error {
	var b []byte
	switch v := v.(type) {
	case []byte:
		b = v
	case json.RawMessage:
		b = v
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			return err
		}
	}
	var env struct {
		EnvelopeID string `json:"envelope_id"`
	}
	_ = json.Unmarshal(b, &env)
	s.mu.Lock()
	conns := make([]*wsConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	if _, ok := s.sentEnv[env.EnvelopeID]; env.EnvelopeID != "" && !ok {
		s.sentEnv[env.EnvelopeID] = time.Now()
	}
	s.mu.Unlock()
	if len(conns) == 0 {
		return errors.New("slackfake: no socket connection")
	}
	for _, c := range conns {
		if err := c.write(websocket.TextMessage, b); err != nil {
			return err
		}
	}
	return nil
}

// DropSockets closes every open Socket Mode connection, as a network
// failure would.
func (s *Server) DropSockets() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		_ = c.conn.Close()
	}
}

// Acks returns every envelope acknowledgement received, in order.
func (s *Server) Acks() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.acks...)
}

// WaitAcks waits until at least n acknowledgements have arrived or d has
// passed, and returns them.
func (s *Server) WaitAcks(n int, d time.Duration) []json.RawMessage {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		if acks := s.Acks(); len(acks) >= n {
			return acks
		}
		select {
		case <-s.ackc:
		case <-deadline.C:
			return s.Acks()
		}
	}
}

// AckWindow is how soon Slack wants an envelope acknowledged.
const AckWindow = 3 * time.Second

// AckDelays returns, for each envelope sent with SendEnvelope and
// acknowledged, how long its first acknowledgement took, by envelope ID;
// Slack wants each within AckWindow and treats a later one as a failure.
func (s *Server) AckDelays() map[string]time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]time.Duration, len(s.ackedEnv))
	for id, at := range s.ackedEnv {
		if sent, ok := s.sentEnv[id]; ok {
			out[id] = at.Sub(sent)
		}
	}
	return out
}
