package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// FeedWatchStore is what a FeedWatch reads and writes; strike.Store
// satisfies it.
type FeedWatchStore interface {
	FeedStates(ctx context.Context) ([]strike.FeedState, error)
	SetFeedAlert(ctx context.Context, url string, spell time.Time) error
	Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error)
	Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error)
}

// DefaultFeedDownAfter is how long a feed fails before the operations
// channel is told.
const DefaultFeedDownAfter = 24 * time.Hour

// FeedWatch tells the operations channel when a feed has failed every
// poll for After or more, once per spell of failures, and again once
// when it works again. A paused feed is not reported. Without an
// operations channel it logs the same, once per spell.
//
// Each notice is keyed by the feed and the start of its spell, and the
// spell told about is stored with the feed (strike.FeedState.Alerted), so
// replicas and restarts never repeat one. Set Store; the rest have
// defaults. Run it once per process.
type FeedWatch struct {
	Store FeedWatchStore
	// Ops is the operations channel (config bot.ops_channel); zero: the
	// log only.
	Ops strike.Destination
	// After is how long a feed fails before it is reported;
	// DefaultFeedDownAfter when 0.
	After time.Duration
	// Names returns a feed's display name from the configuration, "" when
	// it has none; the feed's own title, else its host, is used then.
	Names func(url string) string
	// Tick is how often Run looks; one minute when 0.
	Tick time.Duration
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Logger receives the reports when there is no Ops, and errors;
	// slog.Default() when nil.
	Logger *slog.Logger
}

func (w *FeedWatch) now() time.Time {
	if w.Now == nil {
		return time.Now()
	}
	return w.Now()
}

func (w *FeedWatch) log() *slog.Logger {
	if w.Logger == nil {
		return slog.Default()
	}
	return w.Logger
}

// Run checks every Tick until ctx is done, then returns nil. Errors are
// logged and the check is tried again at the next tick.
func (w *FeedWatch) Run(ctx context.Context) error {
	t := time.NewTicker(orDefault(w.Tick, time.Minute))
	defer t.Stop()
	for {
		if err := w.Check(ctx); err != nil && ctx.Err() == nil {
			w.log().Error("bot: feed health check", "err", err.Error())
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Check looks at every feed once and sends the notices due.
func (w *FeedWatch) Check(ctx context.Context) error {
	states, err := w.Store.FeedStates(ctx)
	if err != nil {
		return fmt.Errorf("bot: feed states: %w", err)
	}
	now := w.now()
	after := orDefault(w.After, DefaultFeedDownAfter)
	var errs []error
	for _, f := range states {
		// A recovery first: the spell told about is over (the feed
		// works, or failed again since, in a new spell).
		if !f.Alerted.IsZero() && !f.Alerted.Equal(f.FailingSince) {
			errs = append(errs, w.tell(ctx, f, false, now))
			f.Alerted = time.Time{}
		}
		if f.FailingSince.IsZero() || !f.Paused.IsZero() || f.Alerted.Equal(f.FailingSince) || now.Sub(f.FailingSince) < after {
			continue
		}
		errs = append(errs, w.tell(ctx, f, true, now))
	}
	return errors.Join(errs...)
}

// tell sends one notice, failing or recovered, then records it.
func (w *FeedWatch) tell(ctx context.Context, f strike.FeedState, failing bool, now time.Time) error {
	name := ""
	if w.Names != nil {
		name = w.Names(f.URL)
	}
	if name == "" {
		name = f.Title
	}
	if name == "" {
		name = feedName(strike.FeedSource{URL: f.URL})
	}
	spell := f.FailingSince
	if !failing {
		spell = f.Alerted
	}
	if w.Ops == (strike.Destination{}) {
		if failing {
			w.log().Warn("feed failing for a day or more; fix or pause it", "feed", redactFeedURL(f.URL), "since", spell.UTC().Format(time.RFC3339),
				"failures", f.Failures, "last_error", f.LastErrorText)
		} else {
			w.log().Info("feed working again", "feed", redactFeedURL(f.URL), "was_failing_since", spell.UTC().Format(time.RFC3339))
		}
	} else if err := w.enqueue(ctx, f, name, failing, spell, now); err != nil {
		return err
	}
	next := f.FailingSince
	if !failing {
		next = time.Time{}
	}
	if err := w.Store.SetFeedAlert(ctx, f.URL, next); err != nil {
		return fmt.Errorf("bot: record the alert of feed %s: %w", redactFeedURL(f.URL), err)
	}
	return nil
}

func (w *FeedWatch) enqueue(ctx context.Context, f strike.FeedState, name string, failing bool, spell, now time.Time) error {
	tz := ""
	if subs, err := w.Store.Subscriptions(ctx, ""); err == nil {
		for _, s := range subs {
			if s.Destination == w.Ops {
				tz = s.TimeZone
				break
			}
		}
	}
	sum := sha256.Sum256([]byte(f.URL))
	key := fmt.Sprintf("feed:%s:%d", hex.EncodeToString(sum[:8]), spell.Unix())
	var rep Reply
	if failing {
		key += ":failing"
		rep = Reply{
			Title: "A feed has stopped working",
			Lines: []string{
				fmt.Sprintf("%s (%s) has failed every time it was read since %s, so its news is missing.", name, redactFeedURL(f.URL), LocalTime(spell, tz)),
				"Check the link in a browser. If the site moved its feed, add the new link with \"feeds add\"; if it is gone for now, \"feeds pause\" stops these tries.",
			},
			Footer: Truncate("Last error: "+f.LastErrorText, 300),
		}
	} else {
		key += ":recovered"
		rep = Reply{
			Title: "A feed works again",
			Lines: []string{fmt.Sprintf("%s (%s) was read again at %s, after failing since %s.", name, redactFeedURL(f.URL),
				LocalTime(orZero(f.LastSuccess, now), tz), LocalTime(spell, tz))},
		}
	}
	payload, err := json.Marshal(Post{Notice: &rep})
	if err != nil {
		return fmt.Errorf("bot: encode feed notice: %w", err)
	}
	_, err = w.Store.Enqueue(ctx, []strike.Delivery{{
		Destination: w.Ops, Key: key, CampaignID: f.CampaignID, Kind: string(KindOps), Urgent: true,
		Payload: payload, State: strike.DeliveryPending, NextAttempt: now, CreatedAt: now,
	}})
	if err != nil {
		return fmt.Errorf("bot: enqueue the notice of feed %s: %w", redactFeedURL(f.URL), err)
	}
	return nil
}

func orZero(t, def time.Time) time.Time {
	if t.IsZero() {
		return def
	}
	return t
}
