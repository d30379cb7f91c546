package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// RetractStore is what retracting posts reads and writes; strike.Store
// satisfies it.
type RetractStore interface {
	StoryDeliveries(ctx context.Context, id int64) ([]strike.Delivery, error)
	Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error)
	FailDelivery(ctx context.Context, id int64, errText string) error
}

// Why a retracted post that was not out yet never goes out.
const retractedUnsent = "retracted by a captain before it was posted"

// retraction is what the posts of a story are retracted with.
type retraction struct {
	title, why string
	now        time.Time
}

// retractPosts makes sure none of the deliveries ds is seen as it was: a
// post not out yet is failed (it will not go out), and each post that is
// or may be out gets an edit (a KindRetract delivery keyed
// "retract:<id>", idempotent) to the retraction line. Posts parked for a
// digest and already included in one, and deliveries failed for good,
// are left alone. It returns how many posts are edited, and in how many
// channels.
func retractPosts(ctx context.Context, st RetractStore, ds []strike.Delivery, r retraction) (edits, channels int, err error) {
	var out []strike.Delivery
	seen := make(map[strike.Destination]bool)
	for _, d := range ds {
		if d.State == strike.DeliveryFailed || Kind(d.Kind) == KindRetract {
			continue
		}
		parked := Kind(d.Kind) == KindHeldDigest || Kind(d.Kind) == KindHeldFlood
		if parked && d.State == strike.DeliverySent {
			continue // in a digest already, with other stories
		}
		if d.State == strike.DeliveryPending {
			// A worker may claim it meanwhile: then it goes out, and
			// the edit below, queued after it in its channel, edits it.
			if err := st.FailDelivery(ctx, d.ID, retractedUnsent); err != nil {
				return 0, 0, fmt.Errorf("bot: retract delivery %d: %w", d.ID, err)
			}
			if parked {
				continue // never claimed: it cannot be out
			}
		}
		payload, err := json.Marshal(Post{Retraction: &Retraction{Delivery: d.ID, Title: r.title, Why: r.why}})
		if err != nil {
			return 0, 0, fmt.Errorf("bot: encode retraction: %w", err)
		}
		out = append(out, strike.Delivery{
			Destination: d.Destination, Key: "retract:" + strconv.FormatInt(d.ID, 10), CampaignID: d.CampaignID,
			Kind: string(KindRetract), Urgent: true, Payload: payload, State: strike.DeliveryPending,
			NextAttempt: r.now, CreatedAt: r.now,
		})
	}
	if len(out) == 0 {
		return 0, 0, nil
	}
	// Queued before (the same retraction again) they are stored once.
	if _, err := st.Enqueue(ctx, out); err != nil {
		return 0, 0, fmt.Errorf("bot: enqueue retractions: %w", err)
	}
	for _, d := range out {
		seen[d.Destination] = true
	}
	return len(out), len(seen), nil
}

// causedBy reports whether delivery d was caused by the article: its key
// is "article:ID", or "article:ID:…" for a re-announcement.
func causedBy(d strike.Delivery, articleID int64) bool {
	k := "article:" + strconv.FormatInt(articleID, 10)
	return d.Key == k || strings.HasPrefix(d.Key, k+":")
}
