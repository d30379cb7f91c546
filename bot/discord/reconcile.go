package discord

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/strike"
)

// The reconciliation lookup reads at most lookupPages pages of
// lookupLimit messages per channel, back to a minute before the delivery
// was created.
const (
	lookupPages  = 2
	lookupLimit  = 100
	lookupMargin = time.Minute
)

// mayBePosted reports whether an earlier try of d may have reached
// Discord: it failed (Attempts > 0; its error may have come after the
// message went out) or its worker died holding it (the store's LastError
// then mentions the lease).
func mayBePosted(d strike.Delivery) bool {
	return d.Attempts > 0 || strings.Contains(strings.ToLower(d.LastError), "lease")
}

// reconcile looks for d among the recent messages of its story's thread
// (when thread is not "") and of its channel, and returns the ID of the
// message that carries its reference, or "" when none was found and d
// must be posted (for a message in the thread, "THREAD/MESSAGE", as Post
// returns it). When Discord could not answer (down, rate limited), it
// returns that error, classified like a post's, so the delivery is tried
// again later: nothing is posted blindly and nothing is lost. When the bot
// may not read the history (403: the Read Message History permission is
// missing), it logs a warning and returns "": the post goes out with its
// nonce, and a duplicate is possible only if the first try is older than
// Discord's nonce window.
func (p *Poster) reconcile(ctx context.Context, d strike.Delivery, thread string) (string, error) {
	attrs := []any{"delivery", d.ID, "destination", d.Destination.String(), "key", d.Key, "attempts", d.Attempts}
	botID, err := p.botUserID(ctx)
	if err != nil {
		return "", p.classify(d.Channel, "post to", err)
	}
	complete := true
	channels := []string{d.Channel}
	if thread != "" {
		channels = []string{thread, d.Channel} // the thread first: updates go there
	}
	for _, ch := range channels {
		id, done, err := p.lookup(ctx, ch, d, botID)
		if err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			status, _ := restCode(err)
			switch {
			case ch == thread && (status == http.StatusNotFound || status == http.StatusForbidden):
				continue // no thread (yet), or none we may read: look in the channel
			case status == http.StatusForbidden:
				p.log.Warn("discord: cannot read the channel's history to check whether a delivery was already posted; posting it again with its nonce, a duplicate is possible",
					append(attrs, "err", describe(err), "hint", "give the bot the Read Message History permission")...)
				return "", nil
			}
			return "", p.classify(d.Channel, "post to", err)
		}
		if id != "" {
			p.log.Info("discord: delivery reconciled: already posted, not posting again", append(attrs, "message", id)...)
			return messageRef(d.Channel, ch, id), nil
		}
		complete = complete && done
	}
	if !complete {
		p.log.Warn("discord: delivery not among the recent messages looked at; posting it again with its nonce, a duplicate is possible", attrs...)
	} else {
		p.log.Debug("discord: delivery not posted before; posting", attrs...)
	}
	return "", nil
}

// lookup pages back through a channel's messages, newest first, until
// before d was created. complete says whether every message since then
// was looked at.
func (p *Poster) lookup(ctx context.Context, channel string, d strike.Delivery, botID string) (id string, complete bool, err error) {
	oldest := d.CreatedAt.Add(-lookupMargin)
	before := ""
	for range lookupPages {
		msgs, err := p.rest.Session.ChannelMessages(channel, lookupLimit, before, "", "", discordgo.WithContext(ctx))
		if err != nil {
			return "", false, err
		}
		for _, m := range msgs {
			if isDelivery(m, d, botID) {
				return m.ID, true, nil
			}
		}
		if len(msgs) < lookupLimit {
			return "", true, nil
		}
		last := msgs[len(msgs)-1]
		if !d.CreatedAt.IsZero() && last.Timestamp.Before(oldest) {
			return "", true, nil
		}
		before = last.ID
	}
	return "", false, nil
}

// isDelivery reports whether m is the bot's post of d: written by the bot
// and ending its footer (or, for the plain version, its text) with d's
// reference.
func isDelivery(m *discordgo.Message, d strike.Delivery, botID string) bool {
	if m == nil || m.Author == nil || !m.Author.Bot || (botID != "" && m.Author.ID != botID) {
		return false
	}
	for _, e := range m.Embeds {
		if e != nil && e.Footer != nil && HasRef(e.Footer.Text, d.Key) {
			return true
		}
	}
	return HasRef(strings.TrimSpace(m.Content), d.Key)
}

// botUserID returns the bot's own user ID (asked once).
func (p *Poster) botUserID(ctx context.Context) (string, error) {
	p.mu.Lock()
	id := p.botID
	p.mu.Unlock()
	if id != "" {
		return id, nil
	}
	u, err := p.rest.Session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("discord: who am I: %w", err)
	}
	if u == nil || u.ID == "" {
		return "", fmt.Errorf("discord: who am I: empty answer")
	}
	p.mu.Lock()
	p.botID = u.ID
	p.mu.Unlock()
	return u.ID, nil
}
