package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/strike"
)

// registerAttempts is how many times registration is tried at start
// before the edge gives up until the next start.
const registerAttempts = 6

// emptyHash is the hash of no commands: what a scope holds after its
// commands were removed.
var emptyHash = hashOf([]*discordgo.ApplicationCommand{})

// stateKey names the stored hash of what is registered in a scope
// ("global" or a guild ID) of the application.
func (e *Edge) stateKey(scope string) string {
	if scope != "global" {
		scope = "guild:" + scope
	}
	return "discord:commands:" + e.o.ApplicationID + ":" + scope
}

// registerLoop registers the command definition, retrying failures that
// may pass (Discord down, rate limited) with backoff.
func (e *Edge) registerLoop(ctx context.Context) {
	for attempt := range registerAttempts {
		changed, err := e.Register(ctx)
		switch {
		case err == nil && changed:
			e.health.commands("registered", "")
			e.o.Logger.Info("discord: /strike registered", "where", e.o.Commands)
			return
		case err == nil:
			e.health.commands("unchanged", "")
			return
		case ctx.Err() != nil:
			return
		}
		e.health.commands("failed", "commands: "+err.Error())
		status, _ := restCode(err)
		if status == http.StatusUnauthorized || status == http.StatusForbidden {
			e.o.Logger.Error("discord: /strike not registered; the bot's own commands still work where registered before",
				"err", err.Error(), "hint", "invite the bot with the applications.commands scope (README, Discord), and check discord.application_id")
			return
		}
		wait := backoff(attempt, 2*time.Second, time.Minute)
		if w, ok := waitOf(err); ok {
			wait = max(wait, w)
		}
		e.o.Logger.Warn("discord: /strike not registered yet; trying again", "err", err.Error(), "in", wait.String())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// Register overwrites /strike in one request per scope whose stored hash
// differs from the definition's: globally, or in each of Guilds, as
// Commands says. The other scope is emptied if the edge registered there
// before (switching from guild to global, or back, leaves no duplicate
// command behind). It reports whether anything was sent.
func (e *Edge) Register(ctx context.Context) (bool, error) {
	def := Definition()
	hash := hashOf(def)
	want := map[string]string{} // scope → hash wanted
	if e.o.Commands == "global" {
		want["global"] = hash
		for _, g := range e.o.Guilds {
			want[g] = emptyHash
		}
	} else {
		want["global"] = emptyHash
		for _, g := range e.o.Guilds {
			want[g] = hash
		}
	}
	changed := false
	for _, scope := range append([]string{"global"}, e.o.Guilds...) {
		key := e.stateKey(scope)
		have, err := e.o.Store.PlatformState(ctx, key)
		switch {
		case errors.Is(err, strike.ErrNotFound):
			if want[scope] == emptyHash {
				continue // never registered there: nothing to remove
			}
		case err != nil:
			return changed, fmt.Errorf("read the registered hash: %w", err)
		case have == want[scope]:
			continue
		}
		cmds := def
		if want[scope] == emptyHash {
			cmds = []*discordgo.ApplicationCommand{}
		}
		guild := scope
		if scope == "global" {
			guild = ""
		}
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err = e.o.REST.Session.ApplicationCommandBulkOverwrite(e.o.ApplicationID, guild, cmds, discordgo.WithContext(rctx))
		cancel()
		if err != nil {
			return changed, fmt.Errorf("overwrite the commands (%s): %w", scope, err)
		}
		changed = true
		if err := e.o.Store.SetPlatformState(ctx, key, want[scope], e.o.Now()); err != nil {
			return changed, fmt.Errorf("store the registered hash: %w", err)
		}
	}
	return changed, nil
}
