package slackfake

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Hold makes the fake keep the answers of the chat.postMessage calls that
// follow: each post is accepted and recorded (Posts and
// conversations.history show it), then the call waits without an answer
// until Release or Close. It simulates a message that went out while the
// bot never read Slack's answer (the process died, the connection broke).
// A client that gives up first sees its connection dropped.
func (s *Server) Hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold == nil {
		s.hold = make(chan struct{})
	}
}

// Release answers every held post (if its client still waits) and stops
// holding new ones.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
}

// Held counts the posts whose answer was held, released or not.
func (s *Server) Held() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held
}

// SetHistoryAllowed says whether conversations.history and
// conversations.replies work (true, the default unless
// Options.NoHistoryScope) or answer missing_scope, as for an app installed
// without channels:history and groups:history.
func (s *Server) SetHistoryAllowed(ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noHistory = !ok
}

// validMetadata reports whether m is message metadata as Slack takes it:
// a JSON object with a non-empty event_type and an event_payload object.
func validMetadata(m string) bool {
	var meta struct {
		EventType    string          `json:"event_type"`
		EventPayload json.RawMessage `json:"event_payload"`
	}
	if err := json.Unmarshal([]byte(m), &meta); err != nil || meta.EventType == "" {
		return false
	}
	var payload map[string]any
	return json.Unmarshal(meta.EventPayload, &payload) == nil && payload != nil
}

// ts is a Slack message timestamp, "seconds.micros", made comparable.
type ts struct{ sec, frac int64 }

// parseTS parses a Slack timestamp; "" is the zero ts.
func parseTS(s string) (ts, bool) {
	if s == "" {
		return ts{}, true
	}
	a, b, _ := strings.Cut(s, ".")
	sec, err := strconv.ParseInt(a, 10, 64)
	if err != nil || sec < 0 {
		return ts{}, false
	}
	var frac int64
	if b != "" {
		if len(b) > 6 {
			return ts{}, false
		}
		b += strings.Repeat("0", 6-len(b))
		if frac, err = strconv.ParseInt(b, 10, 64); err != nil || frac < 0 {
			return ts{}, false
		}
	}
	return ts{sec, frac}, true
}

func (t ts) cmp(u ts) int {
	if c := cmp.Compare(t.sec, u.sec); c != 0 {
		return c
	}
	return cmp.Compare(t.frac, u.frac)
}

const cursorPrefix = "next_ts:"

// history serves conversations.history (top-level messages, newest first)
// and conversations.replies (a thread's parent then its replies, oldest
// first), with oldest, latest, inclusive, limit and cursor as Slack reads
// them. Metadata is returned only with include_all_metadata.
func (s *Server) history(w http.ResponseWriter, method string, v url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.noHistory {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "missing_scope",
			"needed": "channels:history,groups:history", "provided": "commands,chat:write"})
		return
	}
	ch := v.Get("channel")
	c := s.channels[ch]
	switch {
	case c == nil:
		slackErr(w, "channel_not_found")
		return
	case !c.member:
		slackErr(w, "not_in_channel")
		return
	}
	oldest, ok1 := parseTS(v.Get("oldest"))
	latest, ok2 := parseTS(v.Get("latest"))
	if !ok1 {
		slackErr(w, "invalid_ts_oldest")
		return
	}
	if !ok2 {
		slackErr(w, "invalid_ts_latest")
		return
	}
	inclusive := v.Get("inclusive") == "1" || v.Get("inclusive") == "true"
	limit := 100
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			slackErr(w, "invalid_limit")
			return
		}
		limit = min(n, 999)
	}
	replies := method == "conversations.replies"
	parent := v.Get("ts")
	if replies && parent == "" {
		slackErr(w, "invalid_arguments")
		return
	}
	withMeta := v.Get("include_all_metadata") == "1" || v.Get("include_all_metadata") == "true"

	// Cursor: the boundary ts of the next page, exclusive.
	var after *ts
	if cur := v.Get("cursor"); cur != "" {
		b, err := base64.StdEncoding.DecodeString(cur)
		rest, found := strings.CutPrefix(string(b), cursorPrefix)
		t, ok := parseTS(rest)
		if err != nil || !found || !ok {
			slackErr(w, "invalid_cursor")
			return
		}
		after = &t
	}

	var msgs []Post
	found := false
	for _, p := range s.posts {
		if p.Method != "chat.postMessage" || p.Channel != ch {
			continue
		}
		if replies {
			if p.TS == parent {
				found = true
			} else if p.ThreadTS != parent {
				continue
			}
		} else if p.ThreadTS != "" {
			continue // thread replies are not in the channel's history
		}
		t, _ := parseTS(p.TS)
		if c := t.cmp(oldest); c < 0 || (c == 0 && !inclusive) {
			continue
		}
		if latest != (ts{}) {
			if c := t.cmp(latest); c > 0 || (c == 0 && !inclusive) {
				continue
			}
		}
		msgs = append(msgs, p)
	}
	if replies && !found {
		slackErr(w, "thread_not_found")
		return
	}
	// s.posts is in posting order, which is ts order.
	if !replies {
		slices.Reverse(msgs)
	}
	if after != nil {
		i := slices.IndexFunc(msgs, func(p Post) bool {
			t, _ := parseTS(p.TS)
			if replies {
				return t.cmp(*after) > 0
			}
			return t.cmp(*after) < 0
		})
		if i < 0 {
			i = len(msgs)
		}
		msgs = msgs[i:]
	}
	more := len(msgs) > limit
	if more {
		msgs = msgs[:limit]
	}
	out := make([]map[string]any, 0, len(msgs))
	for _, p := range msgs {
		m := map[string]any{"type": "message", "bot_id": "B0BOT", "user": "U0BOT", "text": p.Text, "ts": p.TS}
		if p.ThreadTS != "" {
			m["thread_ts"] = p.ThreadTS
		}
		if p.Blocks != nil {
			m["blocks"] = p.Blocks
		}
		if withMeta && p.Metadata != nil {
			m["metadata"] = p.Metadata
		}
		out = append(out, m)
	}
	next := ""
	if more {
		next = base64.StdEncoding.EncodeToString([]byte(cursorPrefix + msgs[len(msgs)-1].TS))
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "messages": out, "has_more": more,
		"response_metadata": map[string]any{"next_cursor": next}})
}
