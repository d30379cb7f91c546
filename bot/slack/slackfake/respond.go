package slackfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Response URLs live 30 minutes and take at most 5 messages.
const (
	ResponseURLUses = 5
	ResponseURLLife = 30 * time.Minute
)

// NewResponseURL returns a fresh response_url, as Slack sends with a
// slash command, that records what is posted to it.
func (s *Server) NewResponseURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	id := fmt.Sprintf("r%d-%d", s.seq, s.opts.Now().UnixNano())
	s.responses[id] = []Response{}
	return "http://" + s.addr + "/respond/" + id
}

// Responses returns what was posted to a response_url, in order.
func (s *Server) Responses(responseURL string) []Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, rs := range s.responses {
		if "http://"+s.addr+"/respond/"+id == responseURL {
			return append([]Response(nil), rs...)
		}
	}
	return nil
}

func (s *Server) respond(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	var m map[string]any
	if r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &m) != nil {
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}
	// As Slack checks: the flags are booleans, and a message that deletes
	// nothing has text or blocks.
	for _, flag := range []string{"replace_original", "delete_original"} {
		if v, ok := m[flag]; ok {
			if _, isBool := v.(bool); !isBool {
				http.Error(w, "invalid_payload", http.StatusBadRequest)
				return
			}
		}
	}
	if del, _ := m["delete_original"].(bool); !del {
		text, _ := m["text"].(string)
		blocks, _ := m["blocks"].([]any)
		if text == "" && len(blocks) == 0 {
			http.Error(w, "no_text", http.StatusBadRequest)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mode != Up {
		http.Error(w, "service unavailable", http.StatusServiceUnavailable)
		return
	}
	rs, ok := s.responses[id]
	if !ok {
		http.Error(w, "no_service", http.StatusNotFound)
		return
	}
	if len(rs) >= ResponseURLUses {
		http.Error(w, "used_url", http.StatusNotFound)
		return
	}
	s.responses[id] = append(rs, Response{Body: m, At: s.opts.Now()})
	w.Header().Set("Content-Type", "text/html")
	_, _ = io.WriteString(w, "ok")
}
