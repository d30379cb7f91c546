package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// chatTests are the contract tests of subscriptions, the delivery outbox
// and the audit log.
var chatTests = []struct {
	name string
	fn   func(t *testing.T, s strike.Store)
}{
	{"LastSent", testLastSent},
	{"Subscriptions", testSubscriptions},
	{"SubscriptionRejects", testSubscriptionRejects},
	{"EnqueueIdempotent", testEnqueueIdempotent},
	{"EnqueueAtomic", testEnqueueAtomic},
	{"DeliveryRoundTrip", testDeliveryRoundTrip},
	{"ClaimDueOnly", testClaimDueOnly},
	{"ClaimOrderAndLimit", testClaimOrderAndLimit},
	{"ClaimArguments", testClaimArguments},
	{"LeaseExpiry", testLeaseExpiry},
	{"ClaimKeepsChannelOrder", testClaimKeepsChannelOrder},
	{"DeliveryTransitions", testDeliveryTransitions},
	{"LateWorker", testLateWorker},
	{"DeliveryNotFound", testDeliveryNotFound},
	{"ConcurrentClaims", testConcurrentClaims},
	{"ThreadOf", testThreadOf},
	{"DeliveriesByDestination", testDeliveriesByDestination},
	{"OutboxStats", testOutboxStats},
	{"Audit", testAudit},
	{"ChatTextHygiene", testChatTextHygiene},
}

var (
	slackGeneral = strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: "C0GENERAL"}
	slackPicket  = strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: "C0PICKET"}
	discordNews  = strike.Destination{Platform: "discord", Workspace: "880011", Channel: "990022"}
	console      = strike.Destination{Platform: "console", Channel: "stdout"}
)

// own is a destination of its own for post n, for tests of claiming that
// are not about the order of one channel's posts.
func own(n int) strike.Destination {
	return strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: fmt.Sprintf("C%04d", n)}
}

// now is when the tests' outbox runs: mediation had begun.
var now = time.Date(2025, 3, 10, 17, 0, 0, 987654321, time.UTC)

// delivery returns a valid new-story post to d about story n, due at now.
func delivery(d strike.Destination, n int) strike.Delivery {
	return strike.Delivery{
		Destination: d,
		Key:         fmt.Sprintf("story:%d", n),
		CampaignID:  campaign,
		StoryID:     int64(n),
		Kind:        "new_story",
		Payload:     fmt.Appendf(nil, `{"announcement":{"story":%d}}`, n),
		NextAttempt: now,
		CreatedAt:   now.Add(-time.Minute),
	}
}

func storedDelivery(d strike.Delivery) strike.Delivery {
	d.NextAttempt = storedTime(d.NextAttempt)
	d.CreatedAt = storedTime(d.CreatedAt)
	d.SentAt = storedTime(d.SentAt)
	return d
}

// diffDelivery describes how got differs from want, or returns "".
func diffDelivery(got, want strike.Delivery) string {
	var d []string
	for _, p := range []struct {
		name      string
		got, want time.Time
	}{
		{"NextAttempt", got.NextAttempt, want.NextAttempt},
		{"CreatedAt", got.CreatedAt, want.CreatedAt},
		{"SentAt", got.SentAt, want.SentAt},
	} {
		if !sameTime(p.got, p.want) {
			d = append(d, fmt.Sprintf("%s = %v, want %v", p.name, p.got, p.want))
		}
	}
	got.NextAttempt, got.CreatedAt, got.SentAt = time.Time{}, time.Time{}, time.Time{}
	want.NextAttempt, want.CreatedAt, want.SentAt = time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		d = append(d, fmt.Sprintf("got  %+v\nwant %+v", got, want))
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

func enqueue(t *testing.T, s strike.Store, ds ...strike.Delivery) []strike.Delivery {
	t.Helper()
	got, err := s.Enqueue(t.Context(), ds)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	return got
}

func claim(t *testing.T, s strike.Store, at time.Time, limit int, lease time.Duration) []strike.Delivery {
	t.Helper()
	got, err := s.ClaimDeliveries(t.Context(), at, limit, lease)
	if err != nil {
		t.Fatalf("ClaimDeliveries(%v, %d, %s): %v", at, limit, lease, err)
	}
	return got
}

// deliveryByID returns the stored delivery id.
func deliveryByID(t *testing.T, s strike.Store, id int64) strike.Delivery {
	t.Helper()
	all, err := s.Deliveries(t.Context(), strike.Destination{})
	if err != nil {
		t.Fatalf("Deliveries: %v", err)
	}
	for _, d := range all {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("delivery %d not stored", id)
	return strike.Delivery{}
}

func ids(ds []strike.Delivery) []int64 {
	out := make([]int64, len(ds))
	for i, d := range ds {
		out[i] = d.ID
	}
	return out
}

func deliveryKeys(ds []strike.Delivery) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Key
	}
	return out
}

func testSubscriptions(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if got, err := s.Subscriptions(ctx, ""); err != nil || len(got) != 0 {
		t.Fatalf("Subscriptions of an empty store = %+v, %v; want none", got, err)
	}
	at := time.Date(2024, 10, 14, 8, 30, 0, 555555555, time.FixedZone("PDT", -7*3600))
	subs := []strike.Subscription{
		{Destination: slackPicket, CampaignID: campaign, Mode: strike.ModeAll, DigestAt: "18:00", TimeZone: "America/Los_Angeles",
			QuietStart: "22:00", QuietEnd: "07:00", CreatedBy: "U0CAPTAIN", CreatedAt: at},
		{Destination: discordNews, CampaignID: campaign, Mode: strike.ModeCore, TimeZone: "UTC", CreatedBy: "4242", CreatedAt: at},
		{Destination: slackGeneral, CampaignID: campaign, Mode: strike.ModeCore, DigestAt: "08:30", TimeZone: "America/Los_Angeles", CreatedBy: "U0CAPTAIN"},
		{Destination: slackGeneral, CampaignID: "another-strike", Mode: strike.ModeAll, TimeZone: "UTC", CreatedBy: "U0OTHER", CreatedAt: at},
		{Destination: console, CampaignID: campaign, Mode: strike.ModeAll, TimeZone: "Local"},
	}
	for _, sub := range subs {
		if err := s.SaveSubscription(ctx, sub); err != nil {
			t.Fatalf("SaveSubscription(%+v): %v", sub, err)
		}
	}
	stored := func(sub strike.Subscription) strike.Subscription {
		sub.CreatedAt = storedTime(sub.CreatedAt)
		return sub
	}
	check := func(name, campaignID string, want ...strike.Subscription) {
		t.Helper()
		got, err := s.Subscriptions(ctx, campaignID)
		if err != nil {
			t.Fatalf("%s: Subscriptions(%q): %v", name, campaignID, err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: Subscriptions(%q) = %+v\nwant %+v", name, campaignID, got, want)
			return
		}
		for i := range got {
			g, w := got[i], stored(want[i])
			if !sameTime(g.CreatedAt, w.CreatedAt) {
				t.Errorf("%s: subscription %d CreatedAt = %v, want %v", name, i, g.CreatedAt, w.CreatedAt)
			}
			g.CreatedAt, w.CreatedAt = time.Time{}, time.Time{}
			if g != w {
				t.Errorf("%s: subscription %d = %+v\nwant %+v", name, i, g, w)
			}
		}
	}
	// By platform, workspace, channel (bytewise), then campaign.
	check("all", "", subs[4], subs[1], subs[3], subs[2], subs[0])
	check("campaign", campaign, subs[4], subs[1], subs[2], subs[0])
	check("other campaign", "another-strike", subs[3])
	check("unknown campaign", "nobody")

	// Saving again replaces, and may mark the subscription broken.
	repl := subs[0]
	repl.Mode, repl.DigestAt, repl.QuietStart, repl.QuietEnd = strike.ModeCore, "", "", ""
	repl.Broken = "channel_not_found"
	if err := s.SaveSubscription(ctx, repl); err != nil {
		t.Fatal(err)
	}
	check("after replace", campaign, subs[4], subs[1], subs[2], repl)

	if err := s.DeleteSubscription(ctx, slackGeneral, campaign); err != nil {
		t.Fatalf("DeleteSubscription: %v", err)
	}
	check("after delete", campaign, subs[4], subs[1], repl)
	check("other campaign after delete", "another-strike", subs[3])
	for _, tt := range []struct {
		name     string
		d        strike.Destination
		campaign string
	}{
		{"deleted twice", slackGeneral, campaign},
		{"never subscribed", strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: "C0NONE"}, campaign},
		{"other workspace", strike.Destination{Platform: "slack", Workspace: "T0OTHER", Channel: "C0PICKET"}, campaign},
		{"other platform", strike.Destination{Platform: "discord", Workspace: "T0NUHW", Channel: "C0PICKET"}, campaign},
		{"pattern", strike.Destination{Platform: "%", Workspace: "%", Channel: "%"}, "%"},
	} {
		if err := s.DeleteSubscription(ctx, tt.d, tt.campaign); !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("%s: DeleteSubscription(%v, %q): err = %v, want ErrNotFound", tt.name, tt.d, tt.campaign, err)
		}
	}
	check("after failed deletes", "", subs[4], subs[1], subs[3], repl)
}

func testSubscriptionRejects(t *testing.T, s strike.Store) {
	ctx := t.Context()
	valid := strike.Subscription{Destination: slackGeneral, CampaignID: campaign, Mode: strike.ModeCore, TimeZone: "UTC"}
	for _, tt := range []struct {
		name   string
		change func(*strike.Subscription)
	}{
		{"no platform", func(s *strike.Subscription) { s.Platform = "" }},
		{"no channel", func(s *strike.Subscription) { s.Channel = "" }},
		{"no campaign", func(s *strike.Subscription) { s.CampaignID = "" }},
		{"only a NUL campaign", func(s *strike.Subscription) { s.CampaignID = "\x00" }},
		{"no mode", func(s *strike.Subscription) { s.Mode = "" }},
		{"unknown mode", func(s *strike.Subscription) { s.Mode = "everything" }},
	} {
		sub := valid
		tt.change(&sub)
		if err := s.SaveSubscription(ctx, sub); err == nil {
			t.Errorf("%s: SaveSubscription(%+v) succeeded, want an error", tt.name, sub)
		}
	}
	if got, err := s.Subscriptions(ctx, ""); err != nil || len(got) != 0 {
		t.Errorf("Subscriptions after rejected saves = %+v, %v; want none", got, err)
	}
}

func testEnqueueIdempotent(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if got, err := s.Enqueue(ctx, nil); err != nil || len(got) != 0 {
		t.Fatalf("Enqueue(nil) = %+v, %v; want nothing", got, err)
	}
	a, b, c := delivery(slackGeneral, 1), delivery(slackGeneral, 2), delivery(slackGeneral, 3)
	dupB := b
	dupB.Payload = []byte(`{"a":"second spelling of the same post"}`)
	first := enqueue(t, s, b, a, dupB)
	if got, want := deliveryKeys(first), []string{b.Key, a.Key}; !slices.Equal(got, want) {
		t.Fatalf("first Enqueue returned %q, want %q (in the order given, a key repeated in the batch once)", got, want)
	}
	for _, d := range first {
		if d.ID == 0 || d.State != strike.DeliveryPending || d.Attempts != 0 {
			t.Errorf("new delivery %q: ID %d, State %q, Attempts %d; want an ID, pending, 0", d.Key, d.ID, d.State, d.Attempts)
		}
	}
	if first[0].ID >= first[1].ID {
		t.Errorf("new deliveries got IDs %v, want them increasing in the order given (claims go by ID)", ids(first))
	}
	if string(first[0].Payload) != string(b.Payload) {
		t.Errorf("the first of two deliveries with one key kept payload %q, want %q", first[0].Payload, b.Payload)
	}

	// The same posts again, with one new and one for another destination
	// under a key already used here.
	elsewhere := delivery(slackPicket, 1)
	second := enqueue(t, s, a, b, c, elsewhere)
	if got, want := deliveryKeys(second), []string{c.Key, elsewhere.Key}; !slices.Equal(got, want) {
		t.Fatalf("second Enqueue returned %q, want only %q", got, want)
	}
	if second[1].Destination != slackPicket {
		t.Errorf("second Enqueue's last delivery is for %v, want %v", second[1].Destination, slackPicket)
	}
	if again := enqueue(t, s, a, b, c, elsewhere); len(again) != 0 {
		t.Errorf("third Enqueue of the same posts returned %q, want none", deliveryKeys(again))
	}
	all, err := s.Deliveries(ctx, strike.Destination{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(all), append(ids(first), ids(second)...); len(got) != 4 || !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("stored deliveries %v, want %v in ID order", got, want)
	}
}

func testEnqueueAtomic(t *testing.T, s strike.Store) {
	ctx := t.Context()
	for _, tt := range []struct {
		name   string
		change func(*strike.Delivery)
	}{
		{"no platform", func(d *strike.Delivery) { d.Platform = "" }},
		{"no channel", func(d *strike.Delivery) { d.Channel = "" }},
		{"no key", func(d *strike.Delivery) { d.Key = "" }},
		{"only a NUL key", func(d *strike.Delivery) { d.Key = "\x00" }},
		{"no kind", func(d *strike.Delivery) { d.Kind = "" }},
	} {
		bad := delivery(slackGeneral, 99)
		tt.change(&bad)
		got, err := s.Enqueue(ctx, []strike.Delivery{delivery(slackGeneral, 1), bad, delivery(slackGeneral, 2)})
		if err == nil {
			t.Errorf("%s: Enqueue succeeded with %d new, want an error", tt.name, len(got))
		}
	}
	if all, err := s.Deliveries(ctx, strike.Destination{}); err != nil || len(all) != 0 {
		t.Errorf("Deliveries after failed batches = %q, %v; want none (a batch is all or nothing)", deliveryKeys(all), err)
	}
	if got := enqueue(t, s, delivery(slackGeneral, 1), delivery(slackGeneral, 2)); len(got) != 2 {
		t.Errorf("Enqueue after failed batches returned %d new, want 2", len(got))
	}
}

func testDeliveryRoundTrip(t *testing.T, s strike.Store) {
	full := delivery(slackGeneral, 7)
	full.Kind = "phase_change"
	full.Urgent = true
	full.Payload = []byte("{\"x\":1}\x00\xff\xfe binary \xed\xa0\x80 kept")
	full.NextAttempt = time.Date(2025, 3, 10, 10, 0, 0, 999, time.FixedZone("PDT", -7*3600))
	full.CreatedAt = time.Date(2025, 3, 10, 9, 59, 0, 123456789, time.FixedZone("PDT", -7*3600))
	// Bookkeeping fields are the store's: Enqueue ignores them.
	full.ID, full.State, full.Attempts, full.LastError, full.PlatformID, full.SentAt = 555, strike.DeliverySent, 9, "old", "1.2", now

	bare := strike.Delivery{Destination: console, Key: "ops:1", Kind: "ops"}
	payload := slices.Clone(full.Payload)
	got := enqueue(t, s, full, bare)
	if len(got) != 2 {
		t.Fatalf("Enqueue returned %d new, want 2", len(got))
	}
	wantFull := storedDelivery(full)
	wantFull.ID, wantFull.State, wantFull.Attempts, wantFull.LastError, wantFull.PlatformID, wantFull.SentAt =
		got[0].ID, strike.DeliveryPending, 0, "", "", time.Time{}
	wantBare := bare
	wantBare.ID, wantBare.State = got[1].ID, strike.DeliveryPending
	for i, want := range []strike.Delivery{wantFull, wantBare} {
		if d := diffDelivery(got[i], want); d != "" {
			t.Errorf("Enqueue returned delivery %d: %s", i, d)
		}
		if d := diffDelivery(deliveryByID(t, s, want.ID), want); d != "" {
			t.Errorf("stored delivery %d: %s", i, d)
		}
	}
	full.Payload[0] = 'X' // the store kept its own copy
	if stored := deliveryByID(t, s, wantFull.ID); !slices.Equal(stored.Payload, payload) || !slices.Equal(got[0].Payload, payload) {
		t.Errorf("payload = %q (returned %q), want %q byte for byte", stored.Payload, got[0].Payload, payload)
	}
	if got := deliveryByID(t, s, wantBare.ID); got.Payload != nil || !got.NextAttempt.IsZero() || !got.CreatedAt.IsZero() {
		t.Errorf("bare delivery: Payload %q, NextAttempt %v, CreatedAt %v; want nil and zero times", got.Payload, got.NextAttempt, got.CreatedAt)
	}
}

func testClaimDueOnly(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if got := claim(t, s, now, 10, time.Minute); len(got) != 0 {
		t.Fatalf("claim from an empty outbox = %v, want none", ids(got))
	}
	past, due, future, zero := delivery(own(1), 1), delivery(own(2), 2), delivery(own(3), 3), delivery(own(4), 4)
	past.NextAttempt = now.Add(-time.Hour)
	future.NextAttempt = now.Add(time.Microsecond)
	zero.NextAttempt = time.Time{}
	in := enqueue(t, s, past, due, future, zero)

	got := claim(t, s, now, 10, time.Minute)
	if want := []int64{in[0].ID, in[1].ID, in[3].ID}; !slices.Equal(ids(got), want) {
		t.Fatalf("claimed %v (%q), want %v: the past, the due-now and the at-once posts", ids(got), deliveryKeys(got), want)
	}
	for i, d := range got {
		want := in[[]int{0, 1, 3}[i]]
		want.State = strike.DeliverySending
		if diff := diffDelivery(d, want); diff != "" {
			t.Errorf("claimed delivery %d: %s", i, diff)
		}
		if diff := diffDelivery(deliveryByID(t, s, d.ID), want); diff != "" {
			t.Errorf("stored claimed delivery %d: %s", i, diff)
		}
	}
	if again := claim(t, s, now.Add(time.Microsecond), 10, time.Minute); !slices.Equal(ids(again), []int64{in[2].ID}) {
		t.Errorf("second claim = %v, want only the future post %d (the others are leased)", ids(again), in[2].ID)
	}
	if again := claim(t, s, now.Add(59*time.Second), 10, time.Minute); len(again) != 0 {
		t.Errorf("claim within the leases = %v, want none", ids(again))
	}
	all, err := s.Deliveries(ctx, strike.Destination{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if d.State != strike.DeliverySending {
			t.Errorf("delivery %d is %q after claims, want sending", d.ID, d.State)
		}
	}
}

func testClaimOrderAndLimit(t *testing.T, s strike.Store) {
	var ds []strike.Delivery
	for n := range 7 {
		d := delivery(own(n), n)
		// Due times run against ID order: claims still go by ID.
		d.NextAttempt = now.Add(-time.Duration(n) * time.Minute)
		ds = append(ds, d)
	}
	in := enqueue(t, s, ds...)
	want := ids(in)
	slices.Sort(want)
	var got []int64
	for _, n := range []int{3, 3, 3} {
		c := claim(t, s, now, n, time.Hour)
		if len(c) > n {
			t.Fatalf("claim with limit %d handed out %d", n, len(c))
		}
		got = append(got, ids(c)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("claims handed out %v, want %v (oldest first, each once)", got, want)
	}
}

func testClaimArguments(t *testing.T, s strike.Store) {
	ctx := t.Context()
	enqueue(t, s, delivery(slackGeneral, 1))
	for _, limit := range []int{0, -1} {
		if got, err := s.ClaimDeliveries(ctx, now, limit, time.Minute); err != nil || len(got) != 0 {
			t.Errorf("ClaimDeliveries with limit %d = %v, %v; want none, nil", limit, ids(got), err)
		}
	}
	for _, lease := range []time.Duration{0, -time.Second} {
		if got, err := s.ClaimDeliveries(ctx, now, 10, lease); err == nil {
			t.Errorf("ClaimDeliveries with lease %s = %v, nil; want an error", lease, ids(got))
		}
	}
	if got := claim(t, s, now, 10, time.Minute); len(got) != 1 {
		t.Errorf("claim after refused claims = %v, want the delivery", ids(got))
	}
}

func testLeaseExpiry(t *testing.T, s strike.Store) {
	in := enqueue(t, s, delivery(own(1), 1), delivery(own(2), 2))
	const lease = 2 * time.Minute
	first := claim(t, s, now, 1, lease)
	if !slices.Equal(ids(first), []int64{in[0].ID}) || first[0].Attempts != 0 {
		t.Fatalf("first claim = %+v, want delivery %d with no attempts", first, in[0].ID)
	}
	// The worker holding it dies. Within the lease nobody else gets it.
	if got := claim(t, s, now.Add(lease-time.Microsecond), 1, time.Hour); !slices.Equal(ids(got), []int64{in[1].ID}) {
		t.Errorf("claim within the lease = %v, want only %d", ids(got), in[1].ID)
	}
	// Once the lease ran out, it is handed out again, the dead try counted.
	later := now.Add(lease)
	got := claim(t, s, later, 10, lease)
	if !slices.Equal(ids(got), []int64{in[0].ID}) {
		t.Fatalf("claim after the lease = %v, want %d", ids(got), in[0].ID)
	}
	if d := got[0]; d.State != strike.DeliverySending || d.Attempts != 1 || d.LastError != "lease expired" {
		t.Errorf("reclaimed delivery: State %q, Attempts %d, LastError %q; want sending, 1, \"lease expired\"", d.State, d.Attempts, d.LastError)
	}
	// The new lease runs from the reclaim.
	if again := claim(t, s, later.Add(lease-time.Microsecond), 10, lease); len(again) != 0 {
		t.Errorf("claim within the new lease = %v, want none", ids(again))
	}
	if err := s.CompleteDelivery(t.Context(), in[0].ID, "1741626000.000100", later.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if again := claim(t, s, later.Add(time.Hour), 10, lease); !slices.Equal(ids(again), []int64{in[1].ID}) {
		t.Errorf("claim long after = %v, want only %d (the sent one never again)", ids(again), in[1].ID)
	}
}

func testDeliveryTransitions(t *testing.T, s strike.Store) {
	ctx := t.Context()
	in := enqueue(t, s, delivery(slackGeneral, 1), delivery(slackGeneral, 2))
	a, b := in[0].ID, in[1].ID
	claim(t, s, now, 10, time.Hour)

	// a: fails twice, then goes through.
	next := now.Add(30 * time.Second)
	if err := s.RetryDelivery(ctx, a, next, "slack: 503 service unavailable"); err != nil {
		t.Fatalf("RetryDelivery: %v", err)
	}
	got := deliveryByID(t, s, a)
	if got.State != strike.DeliveryPending || got.Attempts != 1 || got.LastError != "slack: 503 service unavailable" || !sameTime(got.NextAttempt, storedTime(next)) {
		t.Errorf("after a retry: State %q, Attempts %d, LastError %q, NextAttempt %v; want pending, 1, the error, %v",
			got.State, got.Attempts, got.LastError, got.NextAttempt, storedTime(next))
	}
	if c := claim(t, s, next.Add(-time.Microsecond), 10, time.Minute); len(c) != 0 {
		t.Errorf("claim before the retry is due = %v, want none", ids(c))
	}
	if c := claim(t, s, next, 10, time.Minute); !slices.Equal(ids(c), []int64{a}) || c[0].Attempts != 1 {
		t.Fatalf("claim when the retry is due = %+v, want %d with 1 attempt", c, a)
	}
	next2 := next.Add(time.Minute)
	if err := s.RetryDelivery(ctx, a, next2, "rate limited"); err != nil {
		t.Fatal(err)
	}
	if c := claim(t, s, next2, 10, time.Minute); !slices.Equal(ids(c), []int64{a}) || c[0].Attempts != 2 {
		t.Fatalf("claim of the second retry = %+v, want %d with 2 attempts", c, a)
	}
	sentAt := next2.Add(1500 * time.Millisecond)
	if err := s.CompleteDelivery(ctx, a, "1741626090.000200", sentAt); err != nil {
		t.Fatalf("CompleteDelivery: %v", err)
	}
	got = deliveryByID(t, s, a)
	if got.State != strike.DeliverySent || got.PlatformID != "1741626090.000200" || !sameTime(got.SentAt, storedTime(sentAt)) || got.Attempts != 2 {
		t.Errorf("after complete: State %q, PlatformID %q, SentAt %v, Attempts %d; want sent, the ts, %v, 2",
			got.State, got.PlatformID, got.SentAt, got.Attempts, storedTime(sentAt))
	}

	// b: fails for good.
	if err := s.FailDelivery(ctx, b, "slack: channel_not_found"); err != nil {
		t.Fatalf("FailDelivery: %v", err)
	}
	got = deliveryByID(t, s, b)
	if got.State != strike.DeliveryFailed || got.LastError != "slack: channel_not_found" || got.Attempts != 0 {
		t.Errorf("after fail: State %q, LastError %q, Attempts %d; want failed, the error, 0", got.State, got.LastError, got.Attempts)
	}
	if c := claim(t, s, now.Add(24*time.Hour), 10, time.Minute); len(c) != 0 {
		t.Errorf("claim after sent and failed = %v, want none ever", ids(c))
	}

	// A pending delivery may be failed (its channel broke) without a claim.
	c := enqueue(t, s, delivery(slackGeneral, 3))[0]
	if err := s.FailDelivery(ctx, c.ID, "subscription broken"); err != nil {
		t.Fatal(err)
	}
	if got := deliveryByID(t, s, c.ID); got.State != strike.DeliveryFailed {
		t.Errorf("pending delivery after fail is %q, want failed", got.State)
	}
}

// testLateWorker is a worker whose lease ran out while it was posting:
// another worker has settled the delivery, and the late one's report must
// not undo that (and put a sent post back in the queue).
func testLateWorker(t *testing.T, s strike.Store) {
	ctx := t.Context()
	in := enqueue(t, s, delivery(slackGeneral, 1), delivery(slackGeneral, 2), delivery(slackGeneral, 3))
	a, b, c := in[0].ID, in[1].ID, in[2].ID
	claim(t, s, now, 10, time.Minute)
	claim(t, s, now.Add(time.Minute), 10, time.Minute) // the first worker's leases ran out

	// a: the second worker sent it; the first one's retry, failure or
	// completion changes nothing.
	if err := s.CompleteDelivery(ctx, a, "111.000001", now.Add(61*time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := s.RetryDelivery(ctx, a, now, "late: timeout"); err != nil {
		t.Errorf("late RetryDelivery of a sent delivery: %v, want nil", err)
	}
	if err := s.FailDelivery(ctx, a, "late: gave up"); err != nil {
		t.Errorf("late FailDelivery of a sent delivery: %v, want nil", err)
	}
	if err := s.CompleteDelivery(ctx, a, "222.000002", now.Add(90*time.Second)); err != nil {
		t.Errorf("late CompleteDelivery of a sent delivery: %v, want nil", err)
	}
	got := deliveryByID(t, s, a)
	if got.State != strike.DeliverySent || got.PlatformID != "111.000001" || !sameTime(got.SentAt, now.Add(61*time.Second).Truncate(time.Microsecond)) || got.Attempts != 1 {
		t.Errorf("sent delivery after late reports: %+v; want sent as first completed, with the dead try counted", got)
	}

	// b: the second worker failed it for good; a late retry keeps it failed.
	if err := s.FailDelivery(ctx, b, "slack: not_in_channel"); err != nil {
		t.Fatal(err)
	}
	if err := s.RetryDelivery(ctx, b, now, "late"); err != nil {
		t.Fatal(err)
	}
	if got := deliveryByID(t, s, b); got.State != strike.DeliveryFailed || got.LastError != "slack: not_in_channel" {
		t.Errorf("failed delivery after a late retry: State %q, LastError %q; want failed, the first error", got.State, got.LastError)
	}

	// c: the second worker put it back to pending; the late worker did
	// post it, so its completion counts and nobody posts it again.
	if err := s.RetryDelivery(ctx, c, now.Add(2*time.Minute), "503"); err != nil {
		t.Fatal(err)
	}
	if err := s.CompleteDelivery(ctx, c, "333.000003", now.Add(62*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := deliveryByID(t, s, c); got.State != strike.DeliverySent || got.PlatformID != "333.000003" {
		t.Errorf("retried delivery after a late completion: State %q, PlatformID %q; want sent, the late ts", got.State, got.PlatformID)
	}
	if c := claim(t, s, now.Add(time.Hour), 10, time.Minute); len(c) != 0 {
		t.Errorf("claim after every delivery settled = %v, want none", ids(c))
	}
}

func testDeliveryNotFound(t *testing.T, s strike.Store) {
	ctx := t.Context()
	in := enqueue(t, s, delivery(slackGeneral, 1))
	missing := in[0].ID + 1000
	for name, err := range map[string]error{
		"CompleteDelivery": s.CompleteDelivery(ctx, missing, "1.1", now),
		"RetryDelivery":    s.RetryDelivery(ctx, missing, now, "x"),
		"FailDelivery":     s.FailDelivery(ctx, missing, "x"),
	} {
		if !errors.Is(err, strike.ErrNotFound) {
			t.Errorf("%s of a missing delivery: err = %v, want ErrNotFound", name, err)
		}
	}
	if got := deliveryByID(t, s, in[0].ID); got.State != strike.DeliveryPending {
		t.Errorf("the existing delivery is %q, want untouched pending", got.State)
	}
}

// testConcurrentClaims has several workers claim and complete a full
// outbox at once (on PostgreSQL, over several connections): every
// delivery is handed out exactly once.
func testConcurrentClaims(t *testing.T, s strike.Store) {
	const n, workers, limit = 120, 8, 5
	var ds []strike.Delivery
	for i := range n {
		ds = append(ds, delivery([]strike.Destination{slackGeneral, slackPicket, discordNews}[i%3], i))
	}
	in := enqueue(t, s, ds...)
	var (
		mu     sync.Mutex
		handed = map[int64]int{}
		wg     sync.WaitGroup
		start  = make(chan struct{})
	)
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			<-start
			for {
				got, err := s.ClaimDeliveries(t.Context(), now, limit, time.Hour)
				if err != nil {
					errs <- fmt.Errorf("worker %d: claim: %w", w, err)
					return
				}
				if len(got) == 0 {
					return
				}
				if !slices.IsSortedFunc(got, func(a, b strike.Delivery) int { return int(a.ID - b.ID) }) {
					errs <- fmt.Errorf("worker %d: claim not in ID order: %v", w, ids(got))
				}
				mu.Lock()
				for _, d := range got {
					handed[d.ID]++
				}
				mu.Unlock()
				for _, d := range got {
					if err := s.CompleteDelivery(t.Context(), d.ID, fmt.Sprintf("ts-%d", d.ID), now); err != nil {
						errs <- fmt.Errorf("worker %d: complete %d: %w", w, d.ID, err)
						return
					}
				}
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, d := range in {
		if got := handed[d.ID]; got != 1 {
			t.Errorf("delivery %d handed out %d times, want once", d.ID, got)
		}
	}
	all, err := s.Deliveries(t.Context(), strike.Destination{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if d.State != strike.DeliverySent || d.PlatformID != fmt.Sprintf("ts-%d", d.ID) {
			t.Errorf("delivery %d: State %q, PlatformID %q; want sent by its one claimer", d.ID, d.State, d.PlatformID)
		}
	}
}

func testThreadOf(t *testing.T, s strike.Store) {
	ctx := t.Context()
	threadOf := func(d strike.Destination, story int64) (string, error) { return s.ThreadOf(ctx, d, story) }
	if id, err := threadOf(slackGeneral, 5); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("ThreadOf in an empty store = %q, %v; want ErrNotFound", id, err)
	}
	post := func(d strike.Destination, key string, story int64) strike.Delivery {
		x := delivery(d, 0)
		x.Key, x.StoryID = key, story
		return x
	}
	in := enqueue(t, s,
		post(slackGeneral, "story:5", 5),    // 0: the story's first post
		post(slackGeneral, "update:5:1", 5), // 1: an update, sent first
		post(slackGeneral, "story:6", 6),    // 2: never sent
		post(slackPicket, "story:5", 5),     // 3: another channel, sent with no ID
		post(slackPicket, "update:5:1", 5),  // 4
		post(console, "digest:1", 0),        // 5: about no story
	)
	if id, err := threadOf(slackGeneral, 5); !errors.Is(err, strike.ErrNotFound) {
		t.Errorf("ThreadOf before anything was sent = %q, %v; want ErrNotFound", id, err)
	}
	claim(t, s, now, 10, time.Minute)
	complete := func(i int, platformID string) {
		t.Helper()
		if err := s.CompleteDelivery(ctx, in[i].ID, platformID, now); err != nil {
			t.Fatal(err)
		}
	}
	complete(1, "1741626000.000002")
	if id, err := threadOf(slackGeneral, 5); err != nil || id != "1741626000.000002" {
		t.Errorf("ThreadOf with only the update sent = %q, %v; want the update's ts", id, err)
	}
	complete(0, "1741626000.000001")
	complete(3, "")
	complete(4, "1741626000.000004")
	complete(5, "console-1")
	for _, tt := range []struct {
		name  string
		d     strike.Destination
		story int64
		want  string
	}{
		{"lowest ID sent wins", slackGeneral, 5, "1741626000.000001"},
		{"a post without ID is skipped", slackPicket, 5, "1741626000.000004"},
		{"never sent", slackGeneral, 6, ""},
		{"story 0 has no thread", console, 0, ""},
		{"unknown story", slackGeneral, 99, ""},
		{"other workspace", strike.Destination{Platform: "slack", Workspace: "T0OTHER", Channel: "C0GENERAL"}, 5, ""},
		{"other platform", strike.Destination{Platform: "discord", Workspace: "T0NUHW", Channel: "C0GENERAL"}, 5, ""},
	} {
		id, err := threadOf(tt.d, tt.story)
		if tt.want == "" {
			if !errors.Is(err, strike.ErrNotFound) {
				t.Errorf("%s: ThreadOf(%v, %d) = %q, %v; want ErrNotFound", tt.name, tt.d, tt.story, id, err)
			}
			continue
		}
		if err != nil || id != tt.want {
			t.Errorf("%s: ThreadOf(%v, %d) = %q, %v; want %q", tt.name, tt.d, tt.story, id, err, tt.want)
		}
	}
}

func testDeliveriesByDestination(t *testing.T, s strike.Store) {
	ctx := t.Context()
	in := enqueue(t, s, delivery(slackGeneral, 1), delivery(slackPicket, 1), delivery(slackGeneral, 2),
		delivery(discordNews, 1), delivery(console, 1))
	for _, tt := range []struct {
		name string
		d    strike.Destination
		want []int64
	}{
		{"all", strike.Destination{}, ids(in)},
		{"one channel", slackGeneral, []int64{in[0].ID, in[2].ID}},
		{"console (no workspace)", console, []int64{in[4].ID}},
		{"workspace alone is no destination", strike.Destination{Platform: "slack", Workspace: "T0NUHW"}, nil},
		{"unknown", strike.Destination{Platform: "slack", Workspace: "T0NUHW", Channel: "C0NONE"}, nil},
	} {
		got, err := s.Deliveries(ctx, tt.d)
		if err != nil {
			t.Fatalf("%s: Deliveries: %v", tt.name, err)
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("%s: Deliveries(%v) = %v, want %v", tt.name, tt.d, ids(got), tt.want)
		}
	}
}

func testAudit(t *testing.T, s strike.Store) {
	ctx := t.Context()
	if got, err := s.Audit(ctx, 0); err != nil || len(got) != 0 {
		t.Fatalf("Audit of an empty store = %+v, %v; want none", got, err)
	}
	at := time.Date(2025, 4, 28, 9, 0, 0, 123456789, time.FixedZone("PDT", -7*3600))
	entries := []strike.AuditEntry{
		{At: at, Destination: slackGeneral, User: "U0CAPTAIN", Command: "subscribe core digest 08:30", Outcome: "ok"},
		{At: at.Add(time.Minute), Destination: slackGeneral, User: "U0RANDOM", Command: "set phase ended", Outcome: "refused: not a captain"},
		// Appended later with an earlier clock reading: order is by appending.
		{At: at.Add(-time.Hour), Destination: discordNews, User: "4242", Command: "set phase tentative_agreement", Outcome: "ok"},
		{Destination: console, Command: "announce Ratification vote results tonight", Outcome: "ok"},
	}
	var appended []strike.AuditEntry
	for _, e := range entries {
		got, err := s.AppendAudit(ctx, e)
		if err != nil {
			t.Fatalf("AppendAudit(%+v): %v", e, err)
		}
		want := e
		want.ID, want.At = got.ID, storedTime(e.At)
		if got.ID == 0 || !sameTime(got.At, want.At) || got.Destination != want.Destination || got.User != want.User ||
			got.Command != want.Command || got.Outcome != want.Outcome {
			t.Errorf("AppendAudit returned %+v, want %+v with an ID", got, want)
		}
		if len(appended) > 0 && got.ID <= appended[len(appended)-1].ID {
			t.Errorf("AppendAudit ID %d after %d, want increasing", got.ID, appended[len(appended)-1].ID)
		}
		appended = append(appended, got)
	}
	newestFirst := slices.Clone(appended)
	slices.Reverse(newestFirst)
	for _, tt := range []struct {
		limit int
		want  []strike.AuditEntry
	}{
		{0, newestFirst},
		{-1, newestFirst},
		{2, newestFirst[:2]},
		{10, newestFirst},
	} {
		got, err := s.Audit(ctx, tt.limit)
		if err != nil {
			t.Fatalf("Audit(%d): %v", tt.limit, err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("Audit(%d) returned %d entries, want %d", tt.limit, len(got), len(tt.want))
			continue
		}
		for i := range got {
			g, w := got[i], tt.want[i]
			if !sameTime(g.At, w.At) {
				t.Errorf("Audit(%d)[%d].At = %v, want %v", tt.limit, i, g.At, w.At)
			}
			g.At, w.At = time.Time{}, time.Time{}
			if g != w {
				t.Errorf("Audit(%d)[%d] = %+v, want %+v", tt.limit, i, g, w)
			}
		}
	}
}

func testChatTextHygiene(t *testing.T, s strike.Store) {
	ctx := t.Context()
	const (
		dirty = "set offer \x00 5%\xff\xfe raise \xed\xa0\x80'; DROP TABLE deliveries;--"
		clean = "set offer  5%\uFFFD raise \uFFFD'; DROP TABLE deliveries;--"
	)
	dirtyDest := strike.Destination{Platform: "slack\x00", Workspace: "T0NUHW\xff", Channel: "C0GENERAL"}
	cleanDest := strike.Destination{Platform: "slack", Workspace: "T0NUHW\uFFFD", Channel: "C0GENERAL"}

	sub := strike.Subscription{Destination: dirtyDest, CampaignID: campaign + "\x00", Mode: "core\x00", DigestAt: dirty,
		TimeZone: dirty, QuietStart: dirty, QuietEnd: dirty, CreatedBy: dirty, Broken: dirty}
	if err := s.SaveSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	subs, err := s.Subscriptions(ctx, campaign+"\x00")
	if err != nil {
		t.Fatal(err)
	}
	wantSub := strike.Subscription{Destination: cleanDest, CampaignID: campaign, Mode: strike.ModeCore, DigestAt: clean,
		TimeZone: clean, QuietStart: clean, QuietEnd: clean, CreatedBy: clean, Broken: clean}
	if len(subs) != 1 || subs[0] != wantSub {
		t.Errorf("Subscriptions = %+v, want [%+v]", subs, wantSub)
	}

	d := strike.Delivery{Destination: dirtyDest, Key: "captain:\x001", CampaignID: campaign + "\xff", Kind: "captain\x00",
		Payload: []byte(dirty), NextAttempt: now}
	in := enqueue(t, s, d)
	if len(in) != 1 {
		t.Fatalf("Enqueue returned %d new, want 1", len(in))
	}
	wantD := strike.Delivery{ID: in[0].ID, Destination: cleanDest, Key: "captain:1", CampaignID: campaign + "\uFFFD",
		Kind: "captain", Payload: []byte(dirty), State: strike.DeliveryPending, NextAttempt: storedTime(now)}
	if diff := diffDelivery(in[0], wantD); diff != "" {
		t.Errorf("Enqueue returned: %s", diff)
	}
	if again := enqueue(t, s, d); len(again) != 0 {
		t.Errorf("Enqueue of the dirty delivery again returned %d new, want 0", len(again))
	}
	got, err := s.Deliveries(ctx, dirtyDest)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("Deliveries by the dirty destination = %d, want 1", len(got))
	}
	if diff := diffDelivery(got[0], wantD); diff != "" {
		t.Errorf("stored: %s", diff)
	}
	claim(t, s, now, 1, time.Minute)
	if err := s.RetryDelivery(ctx, in[0].ID, now, dirty); err != nil {
		t.Fatal(err)
	}
	claim(t, s, now, 1, time.Minute)
	if err := s.CompleteDelivery(ctx, in[0].ID, "ts\x00\xff", now); err != nil {
		t.Fatal(err)
	}
	story := strike.Delivery{Destination: dirtyDest, Key: "story:1", Kind: "new_story", StoryID: 1}
	sid := enqueue(t, s, story)[0].ID
	claim(t, s, now, 1, time.Minute)
	if err := s.CompleteDelivery(ctx, sid, "ts\x00\xff", now); err != nil {
		t.Fatal(err)
	}
	if id, err := s.ThreadOf(ctx, dirtyDest, 1); err != nil || id != "ts\uFFFD" {
		t.Errorf("ThreadOf by the dirty destination = %q, %v; want %q", id, err, "ts\uFFFD")
	}
	if got := deliveryByID(t, s, in[0].ID); got.LastError != clean || got.PlatformID != "ts\uFFFD" {
		t.Errorf("LastError %q, PlatformID %q; want %q, %q", got.LastError, got.PlatformID, clean, "ts\uFFFD")
	}
	if err := s.DeleteSubscription(ctx, dirtyDest, campaign+"\x00"); err != nil {
		t.Errorf("DeleteSubscription by dirty spellings: %v", err)
	}

	e, err := s.AppendAudit(ctx, strike.AuditEntry{Destination: dirtyDest, User: dirty, Command: dirty, Outcome: dirty})
	if err != nil {
		t.Fatal(err)
	}
	want := strike.AuditEntry{ID: e.ID, Destination: cleanDest, User: clean, Command: clean, Outcome: clean}
	if e != want {
		t.Errorf("AppendAudit returned %+v, want %+v", e, want)
	}
	if got, err := s.Audit(ctx, 1); err != nil || len(got) != 1 || got[0] != want {
		t.Errorf("Audit = %+v, %v; want [%+v]", got, err, want)
	}
}

// testClaimKeepsChannelOrder: a channel's posts go out in order. While one
// is out (live lease) or being retried, the later ones of its channel are
// not handed out; other channels are not held up; posts merely scheduled
// later (quiet hours, parked) hold nothing back.
func testClaimKeepsChannelOrder(t *testing.T, s strike.Store) {
	ctx := t.Context()
	parked := delivery(slackGeneral, 1)
	parked.NextAttempt = now.Add(24 * time.Hour)
	in := enqueue(t, s, parked, delivery(slackGeneral, 2), delivery(slackGeneral, 3), delivery(slackPicket, 4))
	first := claim(t, s, now, 1, time.Minute)
	if !slices.Equal(ids(first), []int64{in[1].ID}) {
		t.Fatalf("first claim = %v, want %d (the parked post holds nothing back)", ids(first), in[1].ID)
	}
	if got := claim(t, s, now, 10, time.Hour); !slices.Equal(ids(got), []int64{in[3].ID}) {
		t.Errorf("claim while #%d is out = %v, want only the other channel's %d", in[1].ID, ids(got), in[3].ID)
	}
	// It fails and is retried later: the channel's next post still waits.
	if err := s.RetryDelivery(ctx, in[1].ID, now.Add(time.Minute), "503"); err != nil {
		t.Fatal(err)
	}
	if got := claim(t, s, now.Add(time.Second), 10, time.Minute); len(got) != 0 {
		t.Errorf("claim while #%d waits for its retry = %v, want none", in[1].ID, ids(got))
	}
	// Its turn comes: it goes alone, and the next once it is sent.
	got := claim(t, s, now.Add(time.Minute), 10, time.Minute)
	if !slices.Equal(ids(got), []int64{in[1].ID}) {
		t.Fatalf("claim at the retry = %v, want only %d", ids(got), in[1].ID)
	}
	if err := s.CompleteDelivery(ctx, in[1].ID, "1741626000.000100", now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := claim(t, s, now.Add(time.Minute), 10, time.Minute); !slices.Equal(ids(got), []int64{in[2].ID}) {
		t.Errorf("claim after #%d was sent = %v, want %d", in[1].ID, ids(got), in[2].ID)
	}
}

func testLastSent(t *testing.T, s strike.Store) {
	ctx := t.Context()
	d := strike.Destination{Platform: "slack", Workspace: "T1", Channel: "C1"}
	if at, err := s.LastSent(ctx, d); err != nil || !at.IsZero() {
		t.Fatalf("LastSent of a new destination = %v, %v; want zero", at, err)
	}
	ds, err := s.Enqueue(ctx, []strike.Delivery{
		{Destination: d, Key: "a", CampaignID: campaign, Kind: "new_story", Payload: []byte("{}")},
		{Destination: d, Key: "b", CampaignID: campaign, Kind: "new_story", Payload: []byte("{}")},
		{Destination: strike.Destination{Platform: "slack", Workspace: "T1", Channel: "C2"}, Key: "c", CampaignID: campaign, Kind: "new_story", Payload: []byte("{}")},
	})
	if err != nil {
		t.Fatal(err)
	}
	at := base.Add(time.Hour)
	for i, id := range []int64{ds[1].ID, ds[0].ID, ds[2].ID} {
		if err := s.CompleteDelivery(ctx, id, "ts", at.Add(time.Duration([]int{5, 3, 9}[i])*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := s.LastSent(ctx, d); err != nil || !sameTime(got, storedTime(at.Add(5*time.Second))) {
		t.Errorf("LastSent = %v, %v; want %v (the latest of the channel, not the other's)", got, err, at.Add(5*time.Second))
	}
}

func testOutboxStats(t *testing.T, s strike.Store) {
	ctx := t.Context()
	got, err := s.OutboxStats(ctx)
	if err != nil || len(got) != 0 {
		t.Fatalf("OutboxStats of an empty outbox = %v, %v; want none", got, err)
	}
	older := delivery(slackPicket, 1)
	older.CreatedAt = now.Add(-time.Hour)
	in := enqueue(t, s, delivery(slackGeneral, 1), older, delivery(slackGeneral, 2), delivery(discordNews, 1), delivery(console, 1))
	// One sent and one failed leave the counts; one being sent stays in.
	claimed := claim(t, s, now, 3, time.Minute)
	if len(claimed) != 3 {
		t.Fatalf("claimed %d, want 3", len(claimed))
	}
	if err := s.CompleteDelivery(ctx, in[0].ID, "1.0", now); err != nil {
		t.Fatal(err)
	}
	if err := s.FailDelivery(ctx, in[4].ID, "no poster"); err != nil {
		t.Fatal(err)
	}
	got, err = s.OutboxStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Platform != "discord" || got[0].Pending != 1 || got[1].Platform != "slack" || got[1].Pending != 2 {
		t.Fatalf("OutboxStats = %+v, want discord 1, slack 2", got)
	}
	if !sameTime(got[1].Oldest, storedTime(older.CreatedAt)) || !sameTime(got[0].Oldest, storedTime(in[3].CreatedAt)) {
		t.Errorf("oldest = %v and %v, want %v and %v", got[0].Oldest, got[1].Oldest, in[3].CreatedAt, older.CreatedAt)
	}
}
