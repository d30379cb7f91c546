package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/strike"
)

// Pacer is implemented by Posters that know their platform's pace: the
// most posts per second to one destination. Without it a Poster gets one
// post per second per destination (Slack's pace for chat.postMessage).
type Pacer interface {
	Pace() rate.Limit
}

// DelivererStore is what the deliverer reads and writes; strike.Store
// satisfies it.
type DelivererStore interface {
	ClaimDeliveries(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]strike.Delivery, error)
	CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error
	RetryDelivery(ctx context.Context, id int64, next time.Time, errText string) error
	FailDelivery(ctx context.Context, id int64, errText string) error
	ThreadOf(ctx context.Context, d strike.Destination, storyID int64) (string, error)
	LastSent(ctx context.Context, d strike.Destination) (time.Time, error)
	Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error)
	SaveSubscription(ctx context.Context, s strike.Subscription) error
	Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error)
	Delivery(ctx context.Context, id int64) (strike.Delivery, error)
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
}

// Deliverer drains the outbox: it claims due deliveries, paces each
// destination, posts through the platform's Poster and records the
// outcome. A post about a story a captain retracted (or an update of a
// muted one) is failed unsent. A retraction (KindRetract) edits the post
// it names through the platform's Editor; on a platform without one it
// is logged and dropped. A rate limit pauses that destination only; a permanent error
// fails the delivery, marks the channel's subscriptions broken and tells
// the captains in OpsChannel; any other error is retried with capped,
// jittered exponential backoff. A delivery whose worker died (crash) is
// claimed again when its lease runs out: delivery is at least once, and
// at most once as long as the process lives through Post.
//
// Set Store and Posters; the rest have defaults. Run it once per process
// (several replicas may each run one: claims never overlap).
type Deliverer struct {
	Store DelivererStore
	// Posters post by platform ("slack", "console"…).
	Posters map[string]Poster
	// OpsChannel receives a notice for each destination that broke; zero:
	// the log only.
	OpsChannel strike.Destination
	// Lease is how long a claimed delivery is reserved; 2 minutes when 0.
	Lease time.Duration
	// Batch is the most deliveries claimed at once; 20 when 0.
	Batch int
	// Idle is the wait after finding nothing due; 1 second when 0.
	Idle time.Duration
	// RetryBase is the first retry's wait, doubled per attempt up to
	// RetryMax (30 minutes when 0); 5 seconds when 0.
	RetryBase, RetryMax time.Duration
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Sleep waits d or until ctx is done; a timer when nil.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter returns a random duration in [0, d); rand.N when nil.
	Jitter func(d time.Duration) time.Duration
	// Logger receives delivery errors; slog.Default() when nil.
	Logger *slog.Logger
	// Platforms, if set, says which platforms are off: their deliveries
	// wait (tried again every minute, or RetryMax if shorter) without a
	// call to the platform.
	Platforms *Platforms
	// Observe, if set, is told the outcome of each delivery attempt, for
	// metrics: OutcomeSent, OutcomeRetry, OutcomeRateLimited,
	// OutcomeFailed or OutcomePlatformOff.
	Observe func(platform, outcome string)

	mu     sync.Mutex
	limits map[strike.Destination]*rate.Limiter
	paused map[strike.Destination]time.Time
	broken map[strike.Destination]brokenAt
}

// Delivery outcomes reported to Deliverer.Observe.
const (
	OutcomeSent        = "sent"
	OutcomeRetry       = "retry"        // failed, to be tried again
	OutcomeRateLimited = "rate_limited" // the platform said to wait (HTTP 429)
	OutcomeFailed      = "failed"       // failed for good
	OutcomePlatformOff = "platform_off" // not tried: the platform is off
)

// platformOffWait is how often the deliveries of a platform that is off
// are looked at again.
const platformOffWait = time.Minute

func (dl *Deliverer) observe(platform, outcome string) {
	if dl.Observe != nil {
		dl.Observe(platform, outcome)
	}
}

// brokenAt is why and when a destination broke: deliveries created before
// then are failed unsent; later ones (a captain subscribed again) are tried.
type brokenAt struct {
	why string
	at  time.Time
}

func (dl *Deliverer) now() time.Time {
	if dl.Now == nil {
		return time.Now()
	}
	return dl.Now()
}

func (dl *Deliverer) sleep(ctx context.Context, d time.Duration) error {
	if dl.Sleep != nil {
		return dl.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (dl *Deliverer) log() *slog.Logger {
	if dl.Logger == nil {
		return slog.Default()
	}
	return dl.Logger
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Run delivers until ctx is done, then returns nil. Store errors are
// logged and retried after Idle.
func (dl *Deliverer) Run(ctx context.Context) error {
	for {
		n, err := dl.Step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			dl.log().Error("bot: delivery", "err", err.Error())
		}
		if n == 0 || err != nil {
			if dl.sleep(ctx, orDefault(dl.Idle, time.Second)) != nil {
				return nil
			}
		}
	}
}

// Step claims one batch of due deliveries and delivers it, each
// destination's in order and the destinations concurrently; it returns
// how many it claimed. It returns when the batch is done.
func (dl *Deliverer) Step(ctx context.Context) (int, error) {
	lease := orDefault(dl.Lease, 2*time.Minute)
	ds, err := dl.Store.ClaimDeliveries(ctx, dl.now(), orDefault(dl.Batch, 20), lease)
	if err != nil {
		return 0, fmt.Errorf("bot: claim deliveries: %w", err)
	}
	groups := make(map[strike.Destination][]strike.Delivery)
	var order []strike.Destination
	for _, d := range ds {
		if _, ok := groups[d.Destination]; !ok {
			order = append(order, d.Destination)
		}
		groups[d.Destination] = append(groups[d.Destination], d)
	}
	var wg sync.WaitGroup
	for _, dest := range order {
		wg.Go(func() {
			deadline := dl.now().Add(lease / 2)
			group := groups[dest]
			for i, d := range group {
				if ctx.Err() != nil {
					return // the rows' leases run out; they are claimed again
				}
				// Posts to one channel go out in order: when one must wait,
				// the later ones wait behind it.
				if next := dl.deliver(ctx, d, deadline); !next.IsZero() {
					for _, later := range group[i+1:] {
						dl.retry(ctx, later, next, "waiting for an earlier post to this channel")
					}
					return
				}
			}
		})
	}
	wg.Wait()
	return len(ds), nil
}

func (dl *Deliverer) limiter(d strike.Destination, p Poster) *rate.Limiter {
	dl.mu.Lock()
	defer dl.mu.Unlock()
	if dl.limits == nil {
		dl.limits = make(map[strike.Destination]*rate.Limiter)
		dl.paused = make(map[strike.Destination]time.Time)
		dl.broken = make(map[strike.Destination]brokenAt)
	}
	l := dl.limits[d]
	if l == nil {
		pace := rate.Limit(1)
		if pc, ok := p.(Pacer); ok && pc.Pace() > 0 {
			pace = pc.Pace()
		}
		l = rate.NewLimiter(pace, 1)
		dl.limits[d] = l
	}
	return l
}

// deliver handles one claimed delivery; it records every outcome in the
// store and logs what it cannot record. It returns when the delivery is to
// be tried again, zero when it was sent, failed for good, or interrupted.
func (dl *Deliverer) deliver(ctx context.Context, d strike.Delivery, deadline time.Time) time.Time {
	if why, off := dl.Platforms.Off(d.Platform); off {
		// The whole platform is down for good (or not configured in this
		// process): the post waits for it, and so do the channel's later ones.
		next := dl.now().Add(min(platformOffWait, orDefault(dl.RetryMax, 30*time.Minute)))
		dl.retry(ctx, d, next, d.Platform+" is off: "+why)
		dl.observe(d.Platform, OutcomePlatformOff)
		return next
	}
	poster := dl.Posters[d.Platform]
	if poster == nil {
		dl.fail(ctx, d, "no poster for platform "+strconv.Quote(d.Platform))
		dl.observe(d.Platform, OutcomeFailed)
		return time.Time{}
	}
	lim := dl.limiter(d.Destination, poster)
	dl.mu.Lock()
	until, br := dl.paused[d.Destination], dl.broken[d.Destination]
	dl.mu.Unlock()
	now := dl.now()
	if br.why != "" && !d.CreatedAt.After(br.at) {
		dl.fail(ctx, d, "destination broken: "+br.why)
		dl.observe(d.Platform, OutcomeFailed)
		return time.Time{}
	}
	if now.Before(until) {
		dl.retry(ctx, d, until, "destination paused by a rate limit")
		return until
	}
	r := lim.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	// Other processes on the store (replicas) post to the destination
	// too: its last post, whoever sent it, sets the pace as well.
	last, err := dl.Store.LastSent(ctx, d.Destination)
	if err != nil {
		r.CancelAt(now)
		next := now.Add(dl.backoff(d.Attempts))
		dl.retry(ctx, d, next, "pace lookup: "+err.Error())
		return next
	}
	if gap := time.Duration(float64(time.Second) / float64(lim.Limit())); !last.IsZero() {
		wait = max(wait, last.Add(gap).Sub(now))
	}
	if wait > 0 {
		if now.Add(wait).After(deadline) {
			r.CancelAt(now)
			dl.retry(ctx, d, now.Add(wait), "paced")
			return now.Add(wait)
		}
		if dl.sleep(ctx, wait) != nil {
			return time.Time{}
		}
	}
	var post Post
	if err := json.Unmarshal(d.Payload, &post); err != nil {
		dl.fail(ctx, d, "payload is not a post: "+err.Error())
		dl.observe(d.Platform, OutcomeFailed)
		return time.Time{}
	}
	if Kind(d.Kind) == KindRetract {
		return dl.edit(ctx, d, post, poster)
	}
	if quiet, err := dl.silenced(ctx, d); err != nil {
		next := dl.now().Add(dl.backoff(d.Attempts))
		dl.retry(ctx, d, next, "story lookup: "+err.Error())
		return next
	} else if quiet != "" {
		dl.log().Info("bot: post dropped", "delivery", d.ID, "destination", d.Destination.String(), "story", d.StoryID, "why", quiet)
		if err := dl.Store.FailDelivery(ctx, d.ID, quiet); err != nil {
			dl.log().Error("bot: delivery failure not recorded", "delivery", d.ID, "err", err.Error())
		}
		return time.Time{}
	}
	thread := ""
	if d.StoryID != 0 && d.Kind == string(KindUpdate) {
		t, err := dl.Store.ThreadOf(ctx, d.Destination, d.StoryID)
		switch {
		case err == nil:
			thread = t
		case errors.Is(err, strike.ErrNotFound):
			// The story's post is not sent (yet): post the update on its own.
		default:
			next := dl.now().Add(dl.backoff(d.Attempts))
			dl.retry(ctx, d, next, "thread lookup: "+err.Error())
			return next
		}
	}
	id, err := poster.Post(ctx, d, post, thread)
	return dl.settle(ctx, d, id, err, func() { dl.permanent(ctx, d, err) })
}

// settle records how a try of d (a post, or an edit) went: sent with the
// platform's message ID, or to be tried again as the error says, or, for
// a permanent error, what permanent does. It returns when to try again,
// zero when d is done (or the process is stopping).
func (dl *Deliverer) settle(ctx context.Context, d strike.Delivery, platformID string, err error, permanent func()) time.Time {
	var rl *RateLimitError
	switch {
	case err == nil:
		dl.observe(d.Platform, OutcomeSent)
		if err := dl.Store.CompleteDelivery(ctx, d.ID, platformID, dl.now()); err != nil {
			dl.log().Error("bot: delivery posted but not recorded; it may be posted again", "delivery", d.ID, "destination", d.Destination.String(), "err", err.Error())
		}
	case ctx.Err() != nil:
		// Shutting down: the lease runs out and the row is claimed again.
	case errors.As(err, &rl):
		dl.observe(d.Platform, OutcomeRateLimited)
		next := dl.now().Add(max(rl.RetryAfter, time.Second))
		dl.mu.Lock()
		dl.paused[d.Destination] = next
		dl.mu.Unlock()
		dl.retry(ctx, d, next, err.Error())
		return next
	case errors.Is(err, ErrPlatformOff):
		dl.observe(d.Platform, OutcomePlatformOff)
		next := dl.now().Add(min(platformOffWait, orDefault(dl.RetryMax, 30*time.Minute)))
		dl.retry(ctx, d, next, err.Error())
		return next
	case errors.Is(err, ErrPermanent):
		dl.observe(d.Platform, OutcomeFailed)
		permanent()
	default:
		dl.observe(d.Platform, OutcomeRetry)
		next := dl.now().Add(dl.backoff(d.Attempts))
		dl.retry(ctx, d, next, err.Error())
		return next
	}
	return time.Time{}
}

// silenced says why a post about a story must not go out: the story was
// retracted, or it is an update of a muted story; "" when it may.
func (dl *Deliverer) silenced(ctx context.Context, d strike.Delivery) (string, error) {
	if d.StoryID == 0 {
		return "", nil
	}
	switch Kind(d.Kind) {
	case KindNewStory, KindPhaseChange, KindUpdate:
	default:
		return "", nil
	}
	ss, err := dl.Store.Stories(ctx, strike.StoryFilter{IDs: []int64{d.StoryID}, MaxArticles: -1})
	if err != nil || len(ss) == 0 {
		return "", err
	}
	switch {
	case !ss[0].Retracted.IsZero():
		return retractedUnsent, nil
	case ss[0].Muted && Kind(d.Kind) == KindUpdate:
		return "the story was muted by a captain", nil
	}
	return "", nil
}

// edit delivers a retraction: the post it names, once out, is edited to
// the retraction line. A post that never went out needs none. It returns
// when to try again, zero when done.
func (dl *Deliverer) edit(ctx context.Context, d strike.Delivery, post Post, poster Poster) time.Time {
	if post.Retraction == nil {
		dl.fail(ctx, d, "retraction without its post")
		dl.observe(d.Platform, OutcomeFailed)
		return time.Time{}
	}
	target, err := dl.Store.Delivery(ctx, post.Retraction.Delivery)
	switch {
	case errors.Is(err, strike.ErrNotFound):
		dl.fail(ctx, d, "the retracted post is not in the outbox")
		return time.Time{}
	case err != nil:
		next := dl.now().Add(dl.backoff(d.Attempts))
		dl.retry(ctx, d, next, "post lookup: "+err.Error())
		return next
	}
	switch {
	case target.State == strike.DeliverySending:
		// Its worker died holding it: it comes back first.
		next := dl.now().Add(5 * time.Second)
		dl.retry(ctx, d, next, "waiting for the retracted post to settle")
		return next
	case target.State == strike.DeliveryPending:
		if err := dl.Store.FailDelivery(ctx, target.ID, retractedUnsent); err != nil {
			next := dl.now().Add(dl.backoff(d.Attempts))
			dl.retry(ctx, d, next, "cancel the retracted post: "+err.Error())
			return next
		}
		fallthrough
	case target.State != strike.DeliverySent || target.PlatformID == "":
		dl.complete(ctx, d, "") // never out: nothing to edit
		return time.Time{}
	}
	ed, ok := poster.(Editor)
	if !ok {
		dl.log().Warn("bot: this platform cannot edit its posts, so a retracted post stays as it was there",
			"platform", d.Platform, "destination", d.Destination.String(), "delivery", target.ID)
		dl.fail(ctx, d, d.Platform+" cannot edit posts")
		dl.observe(d.Platform, OutcomeFailed)
		return time.Time{}
	}
	err = ed.Edit(ctx, target, post, target.PlatformID)
	// The post is gone or can no longer be edited: nothing more to do
	// about it, and its channel is not broken for that.
	return dl.settle(ctx, d, target.PlatformID, err, func() { dl.fail(ctx, d, err.Error()) })
}

func (dl *Deliverer) complete(ctx context.Context, d strike.Delivery, platformID string) {
	if err := dl.Store.CompleteDelivery(ctx, d.ID, platformID, dl.now()); err != nil {
		dl.log().Error("bot: delivery done but not recorded; it may be tried again", "delivery", d.ID, "destination", d.Destination.String(), "err", err.Error())
	}
}

// backoff is the wait before the attempt after attempts failures: base ×
// 2^attempts capped at RetryMax, of which a random half is jitter.
func (dl *Deliverer) backoff(attempts int) time.Duration {
	base, ceiling := orDefault(dl.RetryBase, 5*time.Second), orDefault(dl.RetryMax, 30*time.Minute)
	d := base
	for i := 0; i < attempts && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	half := d / 2
	if half <= 0 {
		return d
	}
	j := dl.Jitter
	if j == nil {
		j = func(d time.Duration) time.Duration { return rand.N(d) }
	}
	return half + j(half)
}

func errText(s string) string { return Truncate(s, 500) }

func (dl *Deliverer) retry(ctx context.Context, d strike.Delivery, next time.Time, why string) {
	if err := dl.Store.RetryDelivery(ctx, d.ID, next, errText(why)); err != nil {
		dl.log().Error("bot: delivery retry not recorded", "delivery", d.ID, "err", err.Error())
	}
}

func (dl *Deliverer) fail(ctx context.Context, d strike.Delivery, why string) {
	dl.log().Error("bot: delivery failed for good", "delivery", d.ID, "destination", d.Destination.String(), "kind", d.Kind, "err", why)
	if err := dl.Store.FailDelivery(ctx, d.ID, errText(why)); err != nil {
		dl.log().Error("bot: delivery failure not recorded", "delivery", d.ID, "err", err.Error())
	}
}

// permanent fails the delivery, marks the destination broken (here and in
// its subscriptions) and, the first time, tells the ops channel.
func (dl *Deliverer) permanent(ctx context.Context, d strike.Delivery, cause error) {
	why := strings.TrimPrefix(cause.Error(), ErrPermanent.Error()+": ")
	dl.mu.Lock()
	dl.broken[d.Destination] = brokenAt{why, dl.now()}
	dl.mu.Unlock()
	dl.fail(ctx, d, cause.Error())

	subs, err := dl.Store.Subscriptions(ctx, "")
	if err != nil {
		dl.log().Error("bot: subscriptions not marked broken", "destination", d.Destination.String(), "err", err.Error())
		return
	}
	newly := false
	for _, s := range subs {
		if s.Destination != d.Destination || s.Broken != "" {
			continue
		}
		s.Broken = errText(why)
		if err := dl.Store.SaveSubscription(ctx, s); err != nil {
			dl.log().Error("bot: subscription not marked broken", "destination", d.Destination.String(), "err", err.Error())
			continue
		}
		newly = true
	}
	if !newly || dl.OpsChannel == (strike.Destination{}) || dl.OpsChannel == d.Destination {
		return
	}
	plain := "the platform refuses them for good"
	var pe interface {
		error
		Plainer
	}
	if errors.As(cause, &pe) && pe.Plain() != "" {
		plain = pe.Plain()
	}
	payload, _ := json.Marshal(Post{Notice: &Reply{
		Title: "Posting stopped in a channel",
		Lines: []string{
			fmt.Sprintf("Posts to %s stopped: %s.", d.Destination, plain),
			"Its subscription is marked broken and nothing more is sent there. Fix the channel (invite the bot, or restore the token), then run \"subscribe\" in it again.",
		},
	}})
	now := dl.now()
	_, err = dl.Store.Enqueue(ctx, []strike.Delivery{{
		Destination: dl.OpsChannel, Key: "ops:" + strconv.FormatInt(d.ID, 10), CampaignID: d.CampaignID,
		Kind: string(KindOps), Urgent: true, Payload: payload, State: strike.DeliveryPending,
		NextAttempt: now, CreatedAt: now,
	}})
	if err != nil {
		dl.log().Error("bot: ops notice not enqueued", "destination", d.Destination.String(), "err", err.Error())
	}
}

// ParseDestination parses "platform/workspace/channel" (the form of
// strike.Destination.String and config bot.ops_channel); "" is the zero
// destination.
func ParseDestination(s string) (strike.Destination, error) {
	if s == "" {
		return strike.Destination{}, nil
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 || parts[0] == "" || parts[2] == "" {
		return strike.Destination{}, fmt.Errorf("bot: destination %q: want platform/workspace/channel", s)
	}
	return strike.Destination{Platform: parts[0], Workspace: parts[1], Channel: parts[2]}, nil
}
