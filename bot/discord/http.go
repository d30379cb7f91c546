package discord

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Path is where Discord posts interactions in http mode.
const Path = "/discord/interactions"

// Recommended timeouts for the http.Server in front of an Edge (see
// NewServer): they close slow-loris connections while leaving room for
// the 3-second answer.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 10 * time.Second
	IdleTimeout       = 60 * time.Second
)

// NewServer returns an http.Server for h on addr with the recommended
// timeouts.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout, MaxHeaderBytes: 16 << 10}
}

// ServeHTTP serves the interactions endpoint, POST /discord/interactions.
// The raw body, capped at MaxBody (413 beyond), is verified against the
// application's public key before anything else is read: a missing,
// forged or stale signature gets 401 and a fixed body (Discord sends such
// requests on purpose when the endpoint URL is saved, and removes a URL
// that accepts them). A PING gets PONG; a command is answered in the
// HTTP response, within Discord's 3 seconds (deferred when slower); a
// replayed interaction gets 409 and is not processed again.
func (e *Edge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != Path {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.ContentLength > e.o.MaxBody {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, e.o.MaxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := Verify(e.o.Now(), r.Header, body, e.o.PublicKey); err != nil {
		e.o.Logger.Warn("discord: refused unverified interaction", "err", err.Error())
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	if i.AppID != "" && i.AppID != e.o.ApplicationID {
		e.o.Logger.Warn("discord: interaction for another application", "application", i.AppID)
		http.Error(w, "wrong application", http.StatusBadRequest)
		return
	}
	acked := make(chan struct{})
	defer close(acked)
	resp := e.answer(&i, acked)
	if resp == nil {
		http.Error(w, "interaction already handled", http.StatusConflict)
		return
	}
	b, err := responseJSON(resp)
	if err != nil {
		e.o.Logger.Error("discord: answer not encoded", "interaction", i.ID, "err", err.Error())
		b = []byte(`{"type":4,"data":{"content":"` + failedText + `","flags":64,"allowed_mentions":{"parse":[]}}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// responseJSON encodes an interaction response. An autocomplete answer
// always carries its choices, empty or not (discordgo's type drops an
// empty list, which Discord refuses).
func responseJSON(resp *discordgo.InteractionResponse) ([]byte, error) {
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		choices := []*discordgo.ApplicationCommandOptionChoice{}
		if resp.Data != nil && resp.Data.Choices != nil {
			choices = resp.Data.Choices
		}
		return json.Marshal(map[string]any{"type": resp.Type, "data": map[string]any{"choices": choices}})
	}
	return json.Marshal(resp)
}
