package discordfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Interaction types and callback types, as numbers on the wire.
const (
	TypePing         = 1
	TypeCommand      = 2
	TypeAutocomplete = 4

	CallbackPong         = 1
	CallbackMessage      = 4
	CallbackDeferred     = 5
	CallbackAutocomplete = 8

	// FlagEphemeral marks a response only its user sees.
	FlagEphemeral = 64
)

// Option is one option of an invocation: its name and value (string,
// int, bool, or Role).
type Option struct {
	Name  string
	Value any
}

// Role is the value of a role option (type 8): the role's ID. The
// interaction carries the role in its resolved data too, as Discord's
// do.
type Role string

// Invocation is a use of the application's /strike command.
type Invocation struct {
	// Guild is the server; the fake's guild when empty. Channel is where
	// the command was typed.
	Guild, Channel string
	// User is the member's user ID; UserName their name.
	User, UserName string
	// Roles are the member's role IDs.
	Roles []string
	// Subcommand is the subcommand, with its group first if it has one
	// ("status", "feeds add").
	Subcommand string
	// Options are the subcommand's options, in order.
	Options []Option
	// Focused names the option being typed: the invocation is an
	// autocomplete request (type 4), and that option's value is the text
	// typed so far.
	Focused string
	// DM makes it a command sent in a direct message (no guild, no member).
	DM bool
}

// Response is what the bot answered an interaction with.
type Response struct {
	// Kind is "callback", "edit" or "delete" (of the original response),
	// or "followup".
	Kind string
	// Type is the callback type (for Kind "callback").
	Type int
	// Data is the callback's data, or the edit's or follow-up's body.
	Data MessagePayload
	// Choices are an autocomplete callback's choices.
	Choices []Choice
	Raw     json.RawMessage
	At      time.Time
}

// Choice is an autocomplete choice.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

type interaction struct {
	id, token string
	created   time.Time
	acked     bool
	viaHTTP   bool
	responses []Response
}

// NewInteraction makes an interaction for inv, registered so that the
// fake accepts its callback (within InteractionDeadline), its edits and
// follow-ups. It returns the payload Discord would deliver, over the
// gateway or to an interactions endpoint.
func (s *Server) NewInteraction(inv Invocation) (id, token string, payload []byte) {
	s.mu.Lock()
	now := s.o.Now()
	id = s.snowflake(now)
	token = "aW50ZXJhY3Rpb246" + id + "fake"
	s.inter[id] = &interaction{id: id, token: token, created: now}
	s.mu.Unlock()

	typ := TypeCommand
	if inv.Focused != "" {
		typ = TypeAutocomplete
	}
	var opts []map[string]any
	resolved := map[string]any{}
	for _, o := range inv.Options {
		m := map[string]any{"name": o.Name, "value": o.Value}
		switch v := o.Value.(type) {
		case Role:
			m["type"] = 8
			m["value"] = string(v)
			roles, _ := resolved["roles"].(map[string]any)
			if roles == nil {
				roles = map[string]any{}
				resolved["roles"] = roles
			}
			roles[string(v)] = map[string]any{"id": string(v), "name": "role" + string(v), "mentionable": true, "managed": false}
		case string:
			m["type"] = 3
		case int:
			m["type"] = 4
			m["value"] = v
		case int64:
			m["type"] = 4
		case float64:
			m["type"] = 10
		case bool:
			m["type"] = 5
		}
		if o.Name == inv.Focused {
			m["focused"] = true
		}
		opts = append(opts, m)
	}
	sub := strings.Fields(inv.Subcommand)
	var options []map[string]any
	switch len(sub) {
	case 1:
		options = []map[string]any{{"name": sub[0], "type": 1, "options": orEmpty(opts)}}
	case 2:
		options = []map[string]any{{"name": sub[0], "type": 2, "options": []map[string]any{{"name": sub[1], "type": 1, "options": orEmpty(opts)}}}}
	}
	guild := inv.Guild
	if guild == "" {
		guild = DefaultGuildID
	}
	name := inv.UserName
	if name == "" {
		name = "member" + inv.User
	}
	user := map[string]any{"id": inv.User, "username": name, "global_name": name, "discriminator": "0"}
	p := map[string]any{
		"id": id, "application_id": s.o.ApplicationID, "type": typ, "token": token, "version": 1,
		"channel_id": inv.Channel, "locale": "en-US", "app_permissions": "277025508352",
		"data": map[string]any{"id": "1090000000000000001", "name": "strike", "type": 1, "options": options},
	}
	if len(resolved) > 0 {
		p["data"].(map[string]any)["resolved"] = resolved
	}
	if inv.DM {
		p["user"] = user
		p["context"] = 1
	} else {
		roles := inv.Roles
		if roles == nil {
			roles = []string{}
		}
		p["guild_id"] = guild
		p["guild_locale"] = "en-US"
		p["context"] = 0
		p["member"] = map[string]any{"user": user, "roles": roles, "nick": nil, "permissions": "2248473465835073",
			"joined_at": now.UTC().Format(time.RFC3339)}
	}
	payload, _ = json.Marshal(p)
	return id, token, payload
}

func orEmpty(m []map[string]any) []map[string]any {
	if m == nil {
		return []map[string]any{}
	}
	return m
}

// Ping returns a PING interaction's payload, as Discord sends when the
// endpoint URL is saved.
func (s *Server) Ping() []byte {
	s.mu.Lock()
	id := s.snowflake(s.o.Now())
	s.mu.Unlock()
	b, _ := json.Marshal(map[string]any{"id": id, "application_id": s.o.ApplicationID, "type": TypePing, "token": "cGluZw", "version": 1})
	return b
}

// AnsweredOverHTTP records that an interaction was answered in the body
// of the endpoint's HTTP response (interactions endpoint mode), so that
// edits and follow-ups are accepted; deferred says the answer was type 5.
func (s *Server) AnsweredOverHTTP(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in := s.inter[id]; in != nil {
		in.acked, in.viaHTTP = true, true
	}
}

// Responses returns what the bot answered an interaction with, in order.
func (s *Server) Responses(id string) []Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in := s.inter[id]; in != nil {
		return append([]Response(nil), in.responses...)
	}
	return nil
}

// lookup finds a registered interaction by ID or token. Call with s.mu
// held.
func (s *Server) lookup(id, token string) *interaction {
	if id != "" {
		in := s.inter[id]
		if in == nil || in.token != token {
			return nil
		}
		return in
	}
	for _, in := range s.inter {
		if in.token == token {
			return in
		}
	}
	return nil
}

func (s *Server) callback(w http.ResponseWriter, id, token string, body []byte) {
	var p struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	resp := Response{Kind: "callback", Type: p.Type, Raw: body}
	switch p.Type {
	case CallbackMessage, CallbackDeferred:
		if len(p.Data) > 0 && string(p.Data) != "null" {
			if err := json.Unmarshal(p.Data, &resp.Data); err != nil {
				s.formError(w, invalid("data", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"))
				return
			}
		}
		if p.Type == CallbackMessage {
			if e := CheckMessage(resp.Data, CheckOptions{NoMentions: !s.o.AllowMentions, RequireContent: true}); e != nil {
				e.Path = "data." + e.Path
				s.formError(w, e)
				return
			}
		}
	case CallbackAutocomplete:
		var d struct {
			Choices *[]Choice `json:"choices"`
		}
		if err := json.Unmarshal(p.Data, &d); err != nil {
			s.formError(w, invalid("data", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"))
			return
		}
		if d.Choices == nil {
			s.formError(w, invalid("data.choices", "BASE_TYPE_REQUIRED", "This field is required"))
			return
		}
		if len(*d.Choices) > 25 {
			s.formError(w, tooLong("data.choices", 25))
			return
		}
		for i, c := range *d.Choices {
			if n := length(c.Name); n < 1 || n > 100 {
				s.formError(w, invalid(fmt.Sprintf("data.choices.%d.name", i), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
				return
			}
			if v, ok := c.Value.(string); ok && length(v) > 100 {
				s.formError(w, tooLong(fmt.Sprintf("data.choices.%d.value", i), 100))
				return
			}
		}
		resp.Choices = *d.Choices
	default:
		s.formError(w, invalid("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}."))
		return
	}
	s.mu.Lock()
	in := s.lookup(id, token)
	now := s.o.Now()
	switch {
	case in == nil || now.Sub(in.created) > s.o.InteractionDeadline:
		s.mu.Unlock()
		s.apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	case in.acked:
		s.mu.Unlock()
		s.apiError(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
		return
	}
	in.acked = true
	resp.At = now
	in.responses = append(in.responses, resp)
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// webhook finds the interaction whose token a webhook route names, and
// checks it may still be edited. Call without s.mu held; on success it
// returns with s.mu held.
func (s *Server) webhook(w http.ResponseWriter, app, token string) *interaction {
	s.mu.Lock()
	in := s.lookup("", token)
	if app != s.o.ApplicationID || in == nil || s.o.Now().Sub(in.created) > s.o.EditWindow {
		s.mu.Unlock()
		s.apiError(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return nil
	}
	if !in.acked {
		s.mu.Unlock()
		s.apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		return nil
	}
	return in
}

func (s *Server) editOriginal(w http.ResponseWriter, app, token string, body []byte) {
	var p MessagePayload
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	if e := CheckMessage(p, CheckOptions{NoMentions: !s.o.AllowMentions}); e != nil {
		s.formError(w, e)
		return
	}
	in := s.webhook(w, app, token)
	if in == nil {
		return
	}
	now := s.o.Now()
	in.responses = append(in.responses, Response{Kind: "edit", Data: p, Raw: body, At: now})
	m := &Message{ID: in.id, Embeds: p.Embeds, At: now}
	if p.Content != nil {
		m.Content = *p.Content
	}
	out := s.messageJSON(m)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) deleteOriginal(w http.ResponseWriter, app, token string) {
	in := s.webhook(w, app, token)
	if in == nil {
		return
	}
	in.responses = append(in.responses, Response{Kind: "delete", At: s.o.Now()})
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) followup(w http.ResponseWriter, app, token string, body []byte) {
	var p MessagePayload
	if err := json.Unmarshal(body, &p); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not JSON."))
		return
	}
	if e := CheckMessage(p, CheckOptions{NoMentions: !s.o.AllowMentions, RequireContent: true}); e != nil {
		s.formError(w, e)
		return
	}
	in := s.webhook(w, app, token)
	if in == nil {
		return
	}
	now := s.o.Now()
	in.responses = append(in.responses, Response{Kind: "followup", Data: p, Raw: body, At: now})
	m := &Message{ID: s.snowflake(now), Embeds: p.Embeds, At: now}
	if p.Content != nil {
		m.Content = *p.Content
	}
	out := s.messageJSON(m)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// itoa is strconv.Itoa for int64 values in payloads.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
