package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/strikebot/strikebot/strike"
)

// MetadataEventType is the event_type of the message metadata the Poster
// puts on every message. Its event_payload holds "key" (the delivery's
// Key, unique in its channel) and "delivery" (the delivery's ID).
const MetadataEventType = "strikebot_post"

// The reconciliation lookup reads at most lookupPages pages of
// lookupLimit messages per conversation, from a minute before the
// delivery was created.
const (
	lookupPages  = 2
	lookupLimit  = 100
	lookupMargin = time.Minute
)

// deliveryMetadata is the message metadata that names d.
func deliveryMetadata(d strike.Delivery) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: MetadataEventType, EventPayload: map[string]any{"key": d.Key, "delivery": d.ID}}
}

// mayBePosted reports whether an earlier try of d may have reached Slack:
// it failed (Attempts > 0; its error may have come after the message went
// out) or its worker died holding it (the store's LastError then
// mentions the lease; it counts that try in Attempts too).
func mayBePosted(d strike.Delivery) bool {
	return d.Attempts > 0 || strings.Contains(strings.ToLower(d.LastError), "lease")
}

// isDelivery reports whether m carries d's metadata.
func isDelivery(m slack.Message, d strike.Delivery) bool {
	if m.Metadata.EventType != MetadataEventType {
		return false
	}
	key, ok := m.Metadata.EventPayload["key"].(string)
	return ok && key == d.Key
}

// slackTS formats t as a Slack timestamp ("seconds.micros"); the zero
// time is "" (no bound).
func slackTS(t time.Time) string {
	if t.IsZero() || t.Unix() < 0 {
		return ""
	}
	return fmt.Sprintf("%d.%06d", t.Unix(), t.Nanosecond()/1000)
}

// reconcile looks for d in its channel (in thread's replies first when
// thread is not "") and returns the ts of the message that carries its
// metadata, or "" when none was found and d must be posted. When Slack
// could not answer (down, rate limited, network), it returns that error,
// classified like a post's, so the delivery is tried again later: nothing
// is posted blindly and nothing is lost. When Slack refuses the lookup
// itself (for example missing_scope), it logs a warning and returns "":
// the post goes out, and a duplicate is possible.
func (p *Poster) reconcile(ctx context.Context, d strike.Delivery, thread string) (string, error) {
	attrs := []any{"delivery", d.ID, "destination", d.Destination.String(), "key", d.Key, "attempts", d.Attempts}
	ts, complete, err := p.lookup(ctx, d, thread)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		se, refused := errors.AsType[slack.SlackErrorResponse](err)
		if !refused {
			return "", p.classify(d.Channel, err)
		}
		attrs = append(attrs, "err", err.Error())
		if se.Err == "missing_scope" {
			attrs = append(attrs, "hint", "grant the Slack app the channels:history and groups:history scopes")
		}
		p.log.Warn("slack: could not check whether a delivery was already posted; posting it again, a duplicate is possible", attrs...)
		return "", nil
	}
	switch {
	case ts != "":
		p.log.Info("slack: delivery reconciled: already posted, not posting again", append(attrs, "ts", ts)...)
	case !complete:
		p.log.Warn("slack: delivery not among the recent messages looked at; posting it again, a duplicate is possible", attrs...)
	default:
		p.log.Debug("slack: delivery not posted before; posting", attrs...)
	}
	return ts, nil
}

// lookup searches thread's replies (when thread is not "") and then the
// channel's history for d. complete says whether every message since d
// was created was looked at.
func (p *Poster) lookup(ctx context.Context, d strike.Delivery, thread string) (ts string, complete bool, err error) {
	oldest := slackTS(d.CreatedAt.Add(-lookupMargin))
	complete = true
	if thread != "" {
		// An update goes in its story's thread, where the channel's
		// history does not show it.
		cursor := ""
		for page := 0; ; page++ {
			msgs, more, next, err := p.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
				ChannelID: d.Channel, Timestamp: thread, Oldest: oldest, Limit: lookupLimit, Cursor: cursor, IncludeAllMetadata: true,
			})
			if err != nil {
				return "", false, fmt.Errorf("slack: look up delivery %d in thread %s of %s: %w", d.ID, thread, d.Channel, err)
			}
			for _, m := range msgs {
				if isDelivery(m, d) {
					return m.Timestamp, true, nil
				}
			}
			if !more || next == "" {
				break
			}
			if page+1 == lookupPages {
				complete = false
				break
			}
			cursor = next
		}
	}
	// Also the channel itself: an earlier try may have posted before the
	// story's thread existed.
	cursor := ""
	for page := 0; ; page++ {
		res, err := p.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: d.Channel, Oldest: oldest, Limit: lookupLimit, Cursor: cursor, IncludeAllMetadata: true,
		})
		if err != nil {
			return "", false, fmt.Errorf("slack: look up delivery %d in %s: %w", d.ID, d.Channel, err)
		}
		for _, m := range res.Messages {
			if isDelivery(m, d) {
				return m.Timestamp, true, nil
			}
		}
		if !res.HasMore || res.ResponseMetaData.NextCursor == "" {
			return "", complete, nil
		}
		if page+1 == lookupPages {
			return "", false, nil
		}
		cursor = res.ResponseMetaData.NextCursor
	}
}
