package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"time"
	_ "time/tzdata" // subscriptions name IANA zones; images may lack /usr/share/zoneinfo

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// Kinds of outbox delivery besides the announcement kinds (strike.Delivery.Kind).
const (
	// KindDigest is several stories in one post.
	KindDigest Kind = "digest"
	// KindCaptain is a captains' announcement.
	KindCaptain Kind = "captain"
	// KindOps is an operations alert to bot.ops_channel.
	KindOps Kind = "ops"
	// KindRetract is an edit of an earlier post to say a captain retracted
	// it (its payload's Retraction names the delivery); posted through the
	// platform's Editor.
	KindRetract Kind = "retract"
	// KindHeldDigest is a related story parked for the channel's daily
	// digest; KindHeldFlood one parked by the flood guard for the hour's
	// flood digest. Parked rows are never posted themselves: the digest
	// that includes them completes them (with an empty platform ID).
	KindHeldDigest Kind = "held_digest"
	KindHeldFlood  Kind = "held_flood"
)

// Parked is the NextAttempt of a held delivery: far enough that no claim
// ever reaches it, near enough for every backend's time column.
var Parked = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)

// AnnouncerStore is what the announcer reads and writes; strike.Store
// satisfies it.
type AnnouncerStore interface {
	Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error)
	Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error)
	Deliveries(ctx context.Context, d strike.Destination) ([]strike.Delivery, error)
	CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
	RetractStory(ctx context.Context, id int64, at time.Time) error
	RetractStore
}

// Announcer turns story events into outbox deliveries, one per subscribed
// channel, and sends the digests. The rules, per subscription:
//
//   - a phase change is posted at once, urgent (it ignores quiet hours and
//     the flood guard);
//   - a new core story (or a related one in a channel subscribed to "all")
//     is posted at once, unless the channel already got FloodThreshold
//     stories in the last hour: then it is parked (KindHeldFlood) and the
//     hour's parked stories go out as one digest when the hour ends
//     ("digest:flood:YYYY-MM-DDTHH", UTC);
//   - a new related story in a "core" channel is parked (KindHeldDigest)
//     for the daily digest at DigestAt in the channel's time zone
//     ("digest:YYYY-MM-DD", local date); without DigestAt it is skipped;
//   - a new outlet or new facts on a story is an update (StoryID set, posted
//     in the story's thread), parked like the story when the story is
//     parked, and skipped when the channel never got the story;
//   - quiet hours hold non-urgent posts with NextAttempt at the end of the
//     quiet span; digests falling in quiet hours wait the same way;
//   - a story a captain retracted gets nothing more, a muted one nothing
//     but phase changes;
//   - an event that follows a captain's verdict (StoryEvent.Verdict) is
//     keyed "article:ID:verdict:V", so that an article ruled strike news
//     is posted even where its earlier post was retracted, but a channel
//     that already has the story gets no second top-level post of it;
//   - an article withdrawn by a verdict has its posts retracted (the
//     whole story's when it has no member left): see retractPosts.
//
// Each post carries its subscription's time zone, and a phase change the
// subscription's mention.
//
// Holding is durable: parked rows are outbox rows, so a restart loses
// nothing; every key is deterministic ("article:ID", "digest:…"), so
// processing an event twice enqueues nothing new.
//
// The zero value is not usable: set Store. It is safe for concurrent use
// as far as its Store is.
type Announcer struct {
	Store AnnouncerStore
	// FloodThreshold is the most stories per channel per hour posted one
	// by one; 5 when 0.
	FloodThreshold int
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Tick is how often Run checks for digests due; 1 minute when 0.
	Tick time.Duration
	// Logger receives errors; slog.Default() when nil.
	Logger *slog.Logger
}

func (a *Announcer) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

func (a *Announcer) logger() *slog.Logger {
	if a.Logger == nil {
		return slog.Default()
	}
	return a.Logger
}

// Announce enqueues the deliveries an event causes and returns those that
// were new.
func (a *Announcer) Announce(ctx context.Context, ev coverage.StoryEvent) ([]strike.Delivery, error) {
	if ev.Kind == coverage.EventWithdrawn {
		return nil, a.withdraw(ctx, ev)
	}
	an, ok := FromEvent(ev)
	if !ok {
		return nil, nil
	}
	if ev.Story.ID != 0 {
		// What captains decided about the story, as stored now.
		ss, err := a.Store.Stories(ctx, strike.StoryFilter{IDs: []int64{ev.Story.ID}, MaxArticles: -1})
		if err != nil {
			return nil, fmt.Errorf("bot: announce: story %d: %w", ev.Story.ID, err)
		}
		if len(ss) == 1 && (!ss[0].Retracted.IsZero() || ss[0].Muted && an.Kind != KindPhaseChange) {
			return nil, nil
		}
	}
	subs, err := a.Store.Subscriptions(ctx, ev.Story.CampaignID)
	if err != nil {
		return nil, fmt.Errorf("bot: announce: subscriptions: %w", err)
	}
	key := "article:" + strconv.FormatInt(ev.Article.ID, 10)
	if ev.Verdict != 0 {
		key += ":verdict:" + strconv.FormatInt(ev.Verdict, 10)
	}
	now := a.now()
	var ds []strike.Delivery
	for _, s := range subs {
		if s.Broken != "" {
			continue
		}
		d, ok, err := a.plan(ctx, s, an, now, ev.Verdict != 0)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		mine := an
		mine.TimeZone = s.TimeZone
		if an.Kind == KindPhaseChange {
			mine.Mention = s.Mention
		}
		payload, err := json.Marshal(Post{Announcement: &mine})
		if err != nil {
			return nil, fmt.Errorf("bot: announce: encode: %w", err)
		}
		d.Destination, d.CampaignID, d.Payload = s.Destination, ev.Story.CampaignID, payload
		d.Key = key
		d.StoryID, d.State, d.CreatedAt = an.StoryID, strike.DeliveryPending, now
		ds = append(ds, d)
	}
	if len(ds) == 0 {
		return nil, nil
	}
	added, err := a.Store.Enqueue(ctx, ds)
	if err != nil {
		return nil, fmt.Errorf("bot: announce story %d: enqueue: %w", an.StoryID, err)
	}
	return added, nil
}

// plan decides what one subscription gets: the delivery's Kind, Urgent
// and NextAttempt, or ok false for nothing. again is set for an event
// that follows a captain's verdict: a channel that has the story already
// gets no second top-level post of it.
func (a *Announcer) plan(ctx context.Context, s strike.Subscription, an Announcement, now time.Time, again bool) (d strike.Delivery, ok bool, err error) {
	d.NextAttempt = now
	if an.Kind == KindPhaseChange && !again {
		d.Kind, d.Urgent = string(KindPhaseChange), true
		return d, true, nil
	}
	past, err := a.Store.Deliveries(ctx, s.Destination)
	if err != nil {
		return d, false, fmt.Errorf("bot: announce: deliveries of %s: %w", s.Destination, err)
	}
	if again && an.Kind != KindUpdate {
		for _, p := range past {
			if p.StoryID != an.StoryID || p.State == strike.DeliveryFailed {
				continue
			}
			switch Kind(p.Kind) {
			case KindNewStory, KindPhaseChange:
				return d, false, nil // the channel has the story
			case KindHeldDigest, KindHeldFlood:
				if p.State == strike.DeliveryPending && an.Tier == strike.TierCore {
					// Parked as related news, it is strike news now: posted
					// at once below rather than in the digest too.
					if err := a.Store.FailDelivery(ctx, p.ID, "posted at once after a captain's verdict"); err != nil {
						return d, false, fmt.Errorf("bot: announce: unpark delivery %d: %w", p.ID, err)
					}
				}
			}
		}
	}
	if an.Kind == KindPhaseChange {
		d.Kind, d.Urgent = string(KindPhaseChange), true
		return d, true, nil
	}
	loc := subLocation(s)
	if an.Kind == KindUpdate {
		kind := ""
		for _, p := range past {
			if p.StoryID == an.StoryID && p.StoryID != 0 && p.Kind != string(KindUpdate) {
				kind = p.Kind
				break
			}
		}
		switch Kind(kind) {
		case "":
			return d, false, nil // the channel never got the story
		case KindHeldDigest, KindHeldFlood:
			d.Kind, d.NextAttempt = kind, Parked
		default:
			d.Kind, d.NextAttempt = string(KindUpdate), quietEnd(s, loc, now)
		}
		return d, true, nil
	}
	if an.Tier != strike.TierCore && s.Mode != strike.ModeAll {
		if s.DigestAt == "" {
			return d, false, nil
		}
		d.Kind, d.NextAttempt = string(KindHeldDigest), Parked
		return d, true, nil
	}
	threshold := a.FloodThreshold
	if threshold <= 0 {
		threshold = 5
	}
	recent := 0
	for _, p := range past {
		if (p.Kind == string(KindNewStory) || p.Kind == string(KindPhaseChange)) && now.Sub(p.CreatedAt) < time.Hour {
			recent++
		}
	}
	if recent >= threshold {
		d.Kind, d.NextAttempt = string(KindHeldFlood), Parked
		return d, true, nil
	}
	d.Kind, d.NextAttempt = string(KindNewStory), quietEnd(s, loc, now)
	return d, true, nil
}

// withdraw retracts the posts of an article a captain's verdict took out
// of its story, and the whole story's when no member is left.
func (a *Announcer) withdraw(ctx context.Context, ev coverage.StoryEvent) error {
	ds, err := a.Store.StoryDeliveries(ctx, ev.Story.ID)
	if err != nil {
		return fmt.Errorf("bot: withdraw article %d: deliveries of story %d: %w", ev.Article.ID, ev.Story.ID, err)
	}
	r := retraction{title: ev.Article.Title, why: "not about this strike", now: a.now()}
	if ev.Story.Members == 0 {
		if err := a.Store.RetractStory(ctx, ev.Story.ID, r.now); err != nil {
			return fmt.Errorf("bot: withdraw story %d: %w", ev.Story.ID, err)
		}
		r.title = ev.Story.Title
	} else {
		ds = slices.DeleteFunc(ds, func(d strike.Delivery) bool { return !causedBy(d, ev.Article.ID) })
	}
	n, channels, err := retractPosts(ctx, a.Store, ds, r)
	if err != nil {
		return err
	}
	if n > 0 {
		a.logger().Info("bot: posts retracted after a captain's verdict", "article", ev.Article.ID, "story", ev.Story.ID,
			"posts", n, "channels", channels)
	}
	return nil
}

// subLocation is the subscription's time zone, UTC when unknown.
func subLocation(s strike.Subscription) *time.Location {
	if s.TimeZone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// quietEnd returns now, or the end of the quiet span now falls in.
func quietEnd(s strike.Subscription, loc *time.Location, now time.Time) time.Time {
	start, ok1 := clockMinutes(s.QuietStart)
	end, ok2 := clockMinutes(s.QuietEnd)
	if !ok1 || !ok2 || start == end {
		return now
	}
	local := now.In(loc)
	m := local.Hour()*60 + local.Minute()
	var quiet bool
	if start < end {
		quiet = m >= start && m < end
	} else { // across midnight
		quiet = m >= start || m < end
	}
	if !quiet {
		return now
	}
	y, mo, day := local.Date()
	t := time.Date(y, mo, day, end/60, end%60, 0, 0, loc)
	if !t.After(local) {
		t = time.Date(y, mo, day+1, end/60, end%60, 0, 0, loc)
	}
	return t
}

// Run sends digests as they fall due, every Tick, until ctx is done; it
// returns nil then. Errors are logged and retried at the next tick.
func (a *Announcer) Run(ctx context.Context) error {
	tick := a.Tick
	if tick <= 0 {
		tick = time.Minute
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if err := a.Digests(ctx); err != nil && ctx.Err() == nil {
			a.logger().Error("bot: digests", "err", err.Error())
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Digests enqueues every digest due now: for each subscription, its daily
// digest once DigestAt has passed today (local), and a flood digest for
// each past hour with parked stories. It completes the parked rows a
// digest includes. Running it again, or after a crash half-way, enqueues
// nothing twice and completes only rows that a stored digest includes.
func (a *Announcer) Digests(ctx context.Context) error {
	subs, err := a.Store.Subscriptions(ctx, "")
	if err != nil {
		return fmt.Errorf("bot: digests: subscriptions: %w", err)
	}
	now := a.now()
	var errs []error
	for _, s := range subs {
		if s.Broken != "" {
			continue
		}
		if err := a.digestsOf(ctx, s, now); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (a *Announcer) digestsOf(ctx context.Context, s strike.Subscription, now time.Time) error {
	all, err := a.Store.Deliveries(ctx, s.Destination)
	if err != nil {
		return fmt.Errorf("bot: digests: deliveries of %s: %w", s.Destination, err)
	}
	byKey := make(map[string]strike.Delivery)
	var daily []strike.Delivery
	flood := make(map[string][]strike.Delivery) // UTC hour → parked rows
	for _, d := range all {
		if d.CampaignID != s.CampaignID {
			continue
		}
		byKey[d.Key] = d
		if d.State != strike.DeliveryPending {
			continue
		}
		switch Kind(d.Kind) {
		case KindHeldDigest:
			daily = append(daily, d)
		case KindHeldFlood:
			h := d.CreatedAt.UTC().Format("2006-01-02T15")
			flood[h] = append(flood[h], d)
		}
	}
	loc := subLocation(s)
	var errs []error
	if at, ok := clockMinutes(s.DigestAt); ok && len(daily) > 0 {
		local := now.In(loc)
		y, mo, day := local.Date()
		due := time.Date(y, mo, day, at/60, at%60, 0, 0, loc)
		if !now.Before(due) {
			key := "digest:" + local.Format("2006-01-02")
			title := "Daily digest, " + local.Format("Monday 2 January")
			errs = append(errs, a.sendDigest(ctx, s, loc, now, key, title, daily, byKey))
		}
	}
	thisHour := now.UTC().Format("2006-01-02T15")
	hours := make([]string, 0, len(flood))
	for h := range flood {
		hours = append(hours, h)
	}
	slices.Sort(hours)
	for _, h := range hours {
		if h >= thisHour {
			continue
		}
		errs = append(errs, a.sendDigest(ctx, s, loc, now, "digest:flood:"+h, "More strike news from the last hour", flood[h], byKey))
	}
	return errors.Join(errs...)
}

// sendDigest enqueues one digest of the parked rows (unless a digest of
// that key is stored already) and completes the rows it includes.
func (a *Announcer) sendDigest(ctx context.Context, s strike.Subscription, loc *time.Location, now time.Time, key, title string, held []strike.Delivery, byKey map[string]strike.Delivery) error {
	var included []int64
	if old, ok := byKey[key]; ok {
		var p Post
		if err := json.Unmarshal(old.Payload, &p); err != nil || p.Digest == nil {
			return fmt.Errorf("bot: digest %s of %s: stored payload unreadable", key, s.Destination)
		}
		included = p.Digest.Held
	} else {
		dg := Digest{Title: title}
		seen := make(map[int64]bool)
		for _, d := range held {
			included = append(included, d.ID)
			var p Post
			if err := json.Unmarshal(d.Payload, &p); err != nil || p.Announcement == nil {
				continue
			}
			if p.Announcement.StoryID != 0 && seen[p.Announcement.StoryID] {
				continue // an update of a story already in the digest
			}
			seen[p.Announcement.StoryID] = true
			dg.Items = append(dg.Items, *p.Announcement)
		}
		dg.Held = included
		payload, err := json.Marshal(Post{Digest: &dg})
		if err != nil {
			return fmt.Errorf("bot: digest %s: encode: %w", key, err)
		}
		_, err = a.Store.Enqueue(ctx, []strike.Delivery{{
			Destination: s.Destination, Key: key, CampaignID: s.CampaignID, Kind: string(KindDigest),
			Payload: payload, State: strike.DeliveryPending, NextAttempt: quietEnd(s, loc, now), CreatedAt: now,
		}})
		if err != nil {
			return fmt.Errorf("bot: digest %s of %s: enqueue: %w", key, s.Destination, err)
		}
	}
	pending := make(map[int64]bool, len(held))
	for _, d := range held {
		pending[d.ID] = true
	}
	for _, id := range included {
		if !pending[id] {
			continue
		}
		if err := a.Store.CompleteDelivery(ctx, id, "", now); err != nil {
			return fmt.Errorf("bot: digest %s: complete parked delivery %d: %w", key, id, err)
		}
	}
	return nil
}
