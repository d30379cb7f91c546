package sqlstore

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// ErrBadLease means ClaimDeliveries was asked for a lease that is not
// positive, which would hand the rows out again at once.
var ErrBadLease = errors.New("lease must be positive")

const subscriptionColumns = `platform, workspace, channel, campaign_id, mode, digest_at, time_zone,
	quiet_start, quiet_end, created_by, created_at, broken, mention`

const deliveryColumns = `id, platform, workspace, channel, key, campaign_id, story_id, kind, urgent,
	payload, state, attempts, next_attempt, last_error, platform_id, created_at, sent_at`

const insertDeliverySQL = `INSERT INTO deliveries (platform, workspace, channel, key, campaign_id, story_id, kind,
	urgent, payload, state, attempts, next_attempt, last_error, platform_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, $10, '', '', $11)
ON CONFLICT DO NOTHING
RETURNING id`

// claimSQL is completed by the dialect's ClaimLock and a closing
// parenthesis. A row whose lease ran out is handed out again with the
// dead try counted. The literal state IN (…) is the predicate of the
// partial index deliveries_claim, repeated so both planners use it: the
// subquery then walks the open rows in id order and never the sent ones.
//
// Posts to one destination go out in order: a row is not handed out while
// an earlier row of its destination is being retried (attempts > 0) or is
// out with a live lease. Rows merely scheduled later (quiet hours, parked
// for a digest) do not hold the others back. The two conditions on e are
// "attempts > 0 OR (sending with a live lease)" spelled so that the first
// is the predicate of the partial index deliveries_blocking.
const claimSQL = `UPDATE deliveries SET state = 'sending', lease_until = $2,
	attempts = attempts + CASE WHEN state = 'sending' THEN 1 ELSE 0 END,
	last_error = CASE WHEN state = 'sending' THEN 'lease expired' ELSE last_error END
WHERE id IN (SELECT id FROM deliveries d
	WHERE state IN ('pending', 'sending')
		AND ((state = 'pending' AND next_attempt <= $1) OR (state = 'sending' AND lease_until <= $1))
		AND NOT EXISTS (SELECT 1 FROM deliveries e
			WHERE e.platform = d.platform AND e.workspace = d.workspace AND e.channel = d.channel
				AND e.id < d.id AND e.state IN ('pending', 'sending')
				AND (e.attempts > 0 OR e.state = 'sending')
				AND (e.attempts > 0 OR e.lease_until > $1))
	ORDER BY id LIMIT $3`

const completeSQL = `UPDATE deliveries SET state = 'sent', platform_id = $2, sent_at = $3, lease_until = NULL
WHERE id = $1 AND state <> 'sent'`

// CleanSubscription returns a copy of sub as SaveSubscription stores it:
// strings cleaned, CreatedAt in UTC truncated to microseconds.
func CleanSubscription(sub strike.Subscription) strike.Subscription {
	sub.Destination = cleanDestination(sub.Destination)
	sub.CampaignID = Clean(sub.CampaignID)
	sub.Mode = Clean(sub.Mode)
	sub.DigestAt = Clean(sub.DigestAt)
	sub.TimeZone = Clean(sub.TimeZone)
	sub.QuietStart = Clean(sub.QuietStart)
	sub.QuietEnd = Clean(sub.QuietEnd)
	sub.CreatedBy = Clean(sub.CreatedBy)
	sub.CreatedAt = cleanTime(sub.CreatedAt)
	sub.Broken = Clean(sub.Broken)
	sub.Mention = Clean(sub.Mention)
	return sub
}

func cleanDestination(d strike.Destination) strike.Destination {
	return strike.Destination{Platform: Clean(d.Platform), Workspace: Clean(d.Workspace), Channel: Clean(d.Channel)}
}

// CleanDelivery returns a copy of d as Enqueue stores it: strings cleaned,
// times in UTC truncated to microseconds, the payload copied byte for byte
// (nil when empty), and the outbox bookkeeping of a new post: State
// pending, no attempts, error, platform ID or sent time.
func CleanDelivery(d strike.Delivery) strike.Delivery {
	d.Destination = cleanDestination(d.Destination)
	d.Key = Clean(d.Key)
	d.CampaignID = Clean(d.CampaignID)
	d.Kind = Clean(d.Kind)
	if len(d.Payload) > 0 {
		d.Payload = bytes.Clone(d.Payload)
	} else {
		d.Payload = nil
	}
	d.State = strike.DeliveryPending
	d.Attempts = 0
	d.NextAttempt = cleanTime(d.NextAttempt)
	d.LastError = ""
	d.PlatformID = ""
	d.CreatedAt = cleanTime(d.CreatedAt)
	d.SentAt = time.Time{}
	return d
}

// CleanAuditEntry returns a copy of e as AppendAudit stores it.
func CleanAuditEntry(e strike.AuditEntry) strike.AuditEntry {
	e.At = cleanTime(e.At)
	e.Destination = cleanDestination(e.Destination)
	e.User = Clean(e.User)
	e.Command = Clean(e.Command)
	e.Outcome = Clean(e.Outcome)
	return e
}

// SaveSubscription implements strike.Store. A subscription without
// Platform, Channel or CampaignID, or whose Mode is not strike.ModeCore or
// strike.ModeAll, is rejected.
func (s *Store) SaveSubscription(ctx context.Context, sub strike.Subscription) error {
	sub = CleanSubscription(sub)
	_, err := s.w.ExecContext(ctx, `INSERT INTO subscriptions (`+subscriptionColumns+`)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (platform, workspace, channel, campaign_id) DO UPDATE SET
	mention = excluded.mention,
	mode = excluded.mode,
	digest_at = excluded.digest_at,
	time_zone = excluded.time_zone,
	quiet_start = excluded.quiet_start,
	quiet_end = excluded.quiet_end,
	created_by = excluded.created_by,
	created_at = excluded.created_at,
	broken = excluded.broken`,
		sub.Platform, sub.Workspace, sub.Channel, sub.CampaignID, sub.Mode, sub.DigestAt, sub.TimeZone,
		sub.QuietStart, sub.QuietEnd, sub.CreatedBy, s.time(sub.CreatedAt), sub.Broken, sub.Mention)
	if err != nil {
		return fmt.Errorf("%s: save subscription of %s to %q: %w", s.d.Name, sub.Destination, sub.CampaignID, err)
	}
	return nil
}

// DeleteSubscription implements strike.Store.
func (s *Store) DeleteSubscription(ctx context.Context, d strike.Destination, campaignID string) error {
	d = cleanDestination(d)
	res, err := s.w.ExecContext(ctx, `DELETE FROM subscriptions
WHERE platform = $1 AND workspace = $2 AND channel = $3 AND campaign_id = $4`,
		d.Platform, d.Workspace, d.Channel, Clean(campaignID))
	if err != nil {
		return fmt.Errorf("%s: delete subscription of %s to %q: %w", s.d.Name, d, campaignID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: delete subscription of %s to %q: %w", s.d.Name, d, campaignID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: delete subscription of %s to %q: %w", s.d.Name, d, campaignID, strike.ErrNotFound)
	}
	return nil
}

// Subscriptions implements strike.Store. They are ordered bytewise by
// platform, workspace, channel, then campaign, on both backends.
func (s *Store) Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error) {
	var w where
	if campaignID != "" {
		w.add(`campaign_id = ` + w.arg(Clean(campaignID)))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions`+w.sql()+
		` ORDER BY platform, workspace, channel, campaign_id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("%s: subscriptions of %q: %w", s.d.Name, campaignID, err)
	}
	defer rows.Close()
	var out []strike.Subscription
	for rows.Next() {
		var (
			sub     strike.Subscription
			created nullTime
		)
		err := rows.Scan(&sub.Platform, &sub.Workspace, &sub.Channel, &sub.CampaignID, &sub.Mode, &sub.DigestAt,
			&sub.TimeZone, &sub.QuietStart, &sub.QuietEnd, &sub.CreatedBy, &created, &sub.Broken, &sub.Mention)
		if err != nil {
			return nil, fmt.Errorf("%s: subscriptions of %q: %w", s.d.Name, campaignID, err)
		}
		sub.CreatedAt = created.t
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: subscriptions of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

// Enqueue implements strike.Store in one transaction. The deliveries are
// inserted in the order given, so their IDs, and the order claims hand them
// out in, follow it. Concurrent writers of overlapping batches may
// deadlock on PostgreSQL; a transaction the dialect calls retryable is run
// again, at most maxAttempts times, and finds the other's rows stored. A
// delivery without Platform, Channel, Key or Kind fails the whole batch.
// The returned deliveries are as CleanDelivery describes, with IDs set; a
// zero NextAttempt means due at once.
func (s *Store) Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error) {
	if len(ds) == 0 {
		return nil, nil
	}
	clean := make([]strike.Delivery, len(ds))
	for i, d := range ds {
		clean[i] = CleanDelivery(d)
	}
	ids := make([]int64, len(clean))
	var err error
	for attempt := 1; ; attempt++ {
		err = s.enqueue(ctx, clean, ids)
		if err == nil || attempt == maxAttempts || s.d.Retryable == nil || !s.d.Retryable(err) || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: enqueue: %w", s.d.Name, err)
	}
	var fresh []strike.Delivery
	for i, id := range ids {
		if id != 0 {
			d := clean[i]
			d.ID = id
			fresh = append(fresh, d)
		}
	}
	return fresh, nil
}

func (s *Store) enqueue(ctx context.Context, ds []strike.Delivery, ids []int64) (err error) {
	clear(ids)
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			clear(ids)
		}
	}()
	ins, err := tx.PrepareContext(ctx, insertDeliverySQL)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer ins.Close()
	for i := range ds {
		d := &ds[i]
		payload := d.Payload
		if payload == nil {
			payload = []byte{} // NOT NULL: no payload is an empty one
		}
		err := ins.QueryRowContext(ctx, d.Platform, d.Workspace, d.Channel, d.Key, d.CampaignID, d.StoryID, d.Kind,
			d.Urgent, payload, s.d.Time(d.NextAttempt), s.time(d.CreatedAt)).Scan(&ids[i])
		if errors.Is(err, sql.ErrNoRows) {
			continue // already in the outbox
		}
		if err != nil {
			return fmt.Errorf("insert %s %q: %w", d.Destination, d.Key, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// ClaimDeliveries implements strike.Store with one UPDATE statement. The
// claimed rows come back as sending, oldest (lowest ID) first. Claiming
// does not count an attempt, except that a row whose lease ran out counts
// the try that died with it and gets LastError "lease expired". now is
// truncated to microseconds. A limit of 0 or less claims nothing; a lease
// of 0 or less is an error wrapping ErrBadLease.
func (s *Store) ClaimDeliveries(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]strike.Delivery, error) {
	if limit <= 0 {
		return nil, nil
	}
	if lease <= 0 {
		return nil, fmt.Errorf("%s: claim deliveries: lease %s: %w", s.d.Name, lease, ErrBadLease)
	}
	now = cleanTime(now)
	until := cleanTime(now.Add(lease))
	rows, err := s.claim.QueryContext(ctx, s.d.Time(now), s.d.Time(until), int64(limit))
	out, err := scanAll(rows, err, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("%s: claim deliveries: %w", s.d.Name, err)
	}
	// RETURNING promises no order.
	slices.SortFunc(out, func(a, b strike.Delivery) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// CompleteDelivery implements strike.Store. It does not count an attempt.
// A delivery already sent keeps its first platform ID and time (a worker
// whose lease ran out finishing late changes nothing); a pending or
// failed one (the same late worker, after another's retry or failure) is
// marked sent, since the post did go out.
func (s *Store) CompleteDelivery(ctx context.Context, id int64, platformID string, at time.Time) error {
	res, err := s.complete.ExecContext(ctx, id, Clean(platformID), s.time(cleanTime(at)))
	if err != nil {
		return fmt.Errorf("%s: complete delivery %d: %w", s.d.Name, id, err)
	}
	return s.changedOrExists(ctx, res, "complete", id)
}

// RetryDelivery implements strike.Store: the attempt is counted, errText
// (cleaned) recorded and the lease dropped. A zero next means due at once.
// Only a pending or sending delivery changes: one already sent or failed
// (settled by another worker after this one's lease ran out) is left as it
// is, without error.
func (s *Store) RetryDelivery(ctx context.Context, id int64, next time.Time, errText string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE deliveries SET state = 'pending', next_attempt = $2, last_error = $3,
	attempts = attempts + 1, lease_until = NULL
WHERE id = $1 AND state IN ('pending', 'sending')`, id, s.d.Time(cleanTime(next)), Clean(errText))
	if err != nil {
		return fmt.Errorf("%s: retry delivery %d: %w", s.d.Name, id, err)
	}
	return s.changedOrExists(ctx, res, "retry", id)
}

// FailDelivery implements strike.Store: errText (cleaned) is recorded and
// the lease dropped; it does not count an attempt. Only a pending or
// sending delivery changes: one already sent or failed is left as it is,
// without error.
func (s *Store) FailDelivery(ctx context.Context, id int64, errText string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE deliveries SET state = 'failed', last_error = $2, lease_until = NULL
WHERE id = $1 AND state IN ('pending', 'sending')`, id, Clean(errText))
	if err != nil {
		return fmt.Errorf("%s: fail delivery %d: %w", s.d.Name, id, err)
	}
	return s.changedOrExists(ctx, res, "fail", id)
}

// changedOrExists returns nil when res changed a row or the delivery id
// exists (it was in a state the change leaves alone), and an error
// wrapping strike.ErrNotFound when there is no such delivery.
func (s *Store) changedOrExists(ctx context.Context, res sql.Result, op string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %s delivery %d: %w", s.d.Name, op, id, err)
	}
	if n > 0 {
		return nil
	}
	var one int
	err = s.r.QueryRowContext(ctx, `SELECT 1 FROM deliveries WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %s delivery %d: %w", s.d.Name, op, id, strike.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("%s: %s delivery %d: %w", s.d.Name, op, id, err)
	}
	return nil
}

// ThreadOf implements strike.Store: the platform ID of the lowest-ID sent
// delivery about the story at the destination that has one (a post whose
// platform gave no ID cannot be replied under). Story 0 has no thread.
func (s *Store) ThreadOf(ctx context.Context, d strike.Destination, storyID int64) (string, error) {
	if storyID == 0 {
		return "", fmt.Errorf("%s: thread of story 0 at %s: %w", s.d.Name, d, strike.ErrNotFound)
	}
	d = cleanDestination(d)
	var id string
	err := s.r.QueryRowContext(ctx, `SELECT platform_id FROM deliveries
WHERE platform = $1 AND workspace = $2 AND channel = $3 AND story_id = $4 AND state = 'sent' AND platform_id <> ''
ORDER BY id LIMIT 1`, d.Platform, d.Workspace, d.Channel, storyID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%s: thread of story %d at %s: %w", s.d.Name, storyID, d, strike.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("%s: thread of story %d at %s: %w", s.d.Name, storyID, d, err)
	}
	return id, nil
}

// LastSent implements strike.Store.
func (s *Store) LastSent(ctx context.Context, d strike.Destination) (time.Time, error) {
	d = cleanDestination(d)
	var at nullTime
	err := s.r.QueryRowContext(ctx, `SELECT sent_at FROM deliveries
WHERE platform = $1 AND workspace = $2 AND channel = $3 AND state = 'sent' AND sent_at IS NOT NULL
ORDER BY sent_at DESC LIMIT 1`, d.Platform, d.Workspace, d.Channel).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: last post to %s: %w", s.d.Name, d, err)
	}
	return at.t, nil
}

// Deliveries implements strike.Store.
func (s *Store) Deliveries(ctx context.Context, d strike.Destination) ([]strike.Delivery, error) {
	var w where
	if d != (strike.Destination{}) {
		d = cleanDestination(d)
		w.add(`platform = ` + w.arg(d.Platform))
		w.add(`workspace = ` + w.arg(d.Workspace))
		w.add(`channel = ` + w.arg(d.Channel))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries`+w.sql()+` ORDER BY id`, w.args...)
	out, err := scanAll(rows, err, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("%s: deliveries of %s: %w", s.d.Name, d, err)
	}
	return out, nil
}

// Delivery implements strike.Store.
func (s *Store) Delivery(ctx context.Context, id int64) (strike.Delivery, error) {
	d, err := scanDelivery(s.r.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return strike.Delivery{}, fmt.Errorf("%s: delivery %d: %w", s.d.Name, id, strike.ErrNotFound)
	}
	if err != nil {
		return strike.Delivery{}, fmt.Errorf("%s: delivery %d: %w", s.d.Name, id, err)
	}
	return d, nil
}

// StoryDeliveries implements strike.Store, by the index on story_id.
func (s *Store) StoryDeliveries(ctx context.Context, id int64) ([]strike.Delivery, error) {
	if id == 0 {
		return nil, nil // posts about no story are no story's
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE story_id = $1 ORDER BY id`, id)
	out, err := scanAll(rows, err, scanDelivery)
	if err != nil {
		return nil, fmt.Errorf("%s: deliveries of story %d: %w", s.d.Name, id, err)
	}
	return out, nil
}

// OutboxStats implements strike.Store. It reads only the open rows, which
// the claim index holds.
func (s *Store) OutboxStats(ctx context.Context) ([]strike.OutboxStat, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT platform, COUNT(*), MIN(created_at) FROM deliveries
		WHERE state IN ('pending', 'sending') GROUP BY platform ORDER BY platform`)
	out, err := scanAll(rows, err, func(sc scanner) (strike.OutboxStat, error) {
		var (
			o      strike.OutboxStat
			n      int64
			oldest nullTime
		)
		if err := sc.Scan(&o.Platform, &n, &oldest); err != nil {
			return o, err
		}
		o.Pending, o.Oldest = int(n), oldest.t
		return o, nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: outbox stats: %w", s.d.Name, err)
	}
	return out, nil
}

func scanDelivery(sc scanner) (strike.Delivery, error) {
	var (
		d                     strike.Delivery
		state                 string
		attempts              int64
		next, created, sentAt nullTime
	)
	err := sc.Scan(&d.ID, &d.Platform, &d.Workspace, &d.Channel, &d.Key, &d.CampaignID, &d.StoryID, &d.Kind,
		&d.Urgent, &d.Payload, &state, &attempts, &next, &d.LastError, &d.PlatformID, &created, &sentAt)
	if err != nil {
		return strike.Delivery{}, err
	}
	if len(d.Payload) == 0 {
		d.Payload = nil
	}
	d.State = strike.DeliveryState(state)
	d.Attempts = int(attempts)
	d.NextAttempt, d.CreatedAt, d.SentAt = next.t, created.t, sentAt.t
	return d, nil
}

// AppendAudit implements strike.Store. The returned entry is as stored:
// strings cleaned, At in UTC truncated to microseconds.
func (s *Store) AppendAudit(ctx context.Context, e strike.AuditEntry) (strike.AuditEntry, error) {
	e = CleanAuditEntry(e)
	err := s.w.QueryRowContext(ctx, `INSERT INTO audit (at, platform, workspace, channel, user_id, command, outcome)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		s.time(e.At), e.Platform, e.Workspace, e.Channel, e.User, e.Command, e.Outcome).Scan(&e.ID)
	if err != nil {
		return strike.AuditEntry{}, fmt.Errorf("%s: append audit: %w", s.d.Name, err)
	}
	return e, nil
}

// Audit implements strike.Store. Newest means last appended: entries come
// in descending ID order, whatever their At. A negative limit is treated
// as 0.
func (s *Store) Audit(ctx context.Context, limit int) ([]strike.AuditEntry, error) {
	q := `SELECT id, at, platform, workspace, channel, user_id, command, outcome FROM audit ORDER BY id DESC`
	var args []any
	if limit > 0 {
		q += ` LIMIT $1`
		args = append(args, int64(limit))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: audit: %w", s.d.Name, err)
	}
	defer rows.Close()
	var out []strike.AuditEntry
	for rows.Next() {
		var (
			e  strike.AuditEntry
			at nullTime
		)
		if err := rows.Scan(&e.ID, &at, &e.Platform, &e.Workspace, &e.Channel, &e.User, &e.Command, &e.Outcome); err != nil {
			return nil, fmt.Errorf("%s: audit: %w", s.d.Name, err)
		}
		e.At = at.t
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: audit: %w", s.d.Name, err)
	}
	return out, nil
}
