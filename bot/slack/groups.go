package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Defaults of a GroupResolver.
const (
	// DefaultGroupTTL is how long a workspace's user groups are used
	// before usergroups.list is called again.
	DefaultGroupTTL = 5 * time.Minute
	// DefaultGroupWait is how long UserGroups waits for a refresh: well
	// inside the 2 s a command has before its acknowledgement goes out.
	DefaultGroupWait = time.Second
	// DefaultGroupRefreshTimeout bounds one usergroups.list call. A call
	// that outlives the callers' wait goes on in the background, so that
	// the next command finds the answer.
	DefaultGroupRefreshTimeout = 10 * time.Second
	// DefaultGroupRetry is the least time between a failed refresh and
	// the next attempt.
	DefaultGroupRetry = 30 * time.Second
	// DefaultGroupMaxStale is how long after it was fetched a workspace's
	// last good answer is still used while refreshes fail.
	DefaultGroupMaxStale = time.Hour
)

// ErrNoGroups is returned, wrapped with its cause, by
// GroupResolver.UserGroups when no answer for the workspace is known: the
// first usergroups.list call failed or did not finish in time.
var ErrNoGroups = errors.New("slack: no user groups known")

// errWaited is the cause when a refresh did not finish within the wait.
var errWaited = errors.New("usergroups.list still running")

// errClosed is the cause when the resolver was closed.
var errClosed = errors.New("resolver closed")

// GroupResolverOptions configure a GroupResolver.
type GroupResolverOptions struct {
	// Token is the bot token (xoxb-…), which needs the usergroups:read
	// scope. Required. It is never logged nor put in an error.
	Token string
	// APIURL defaults to DefaultAPIURL; tests point it at a fake. It
	// must end in "/".
	APIURL string
	// Client defaults to a client with a 10 s timeout.
	Client *http.Client
	// TTL defaults to DefaultGroupTTL.
	TTL time.Duration
	// Wait is the longest UserGroups waits for a refresh; default
	// DefaultGroupWait.
	Wait time.Duration
	// RefreshTimeout defaults to DefaultGroupRefreshTimeout.
	RefreshTimeout time.Duration
	// Retry is the least wait after a failed refresh; default
	// DefaultGroupRetry. After a 429 the wait is at least its
	// Retry-After; after an error answer from Slack (missing_scope,
	// plan_upgrade_required, invalid_auth…) it is TTL.
	Retry time.Duration
	// MaxStale defaults to DefaultGroupMaxStale; it is at least TTL.
	MaxStale time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger receives failed refreshes; slog.Default() when nil.
	Logger *slog.Logger
}

// GroupResolver finds a user's Slack user groups, so that captains may be
// named by user-group ID ("S…"). It implements GroupLookup: pass it as
// HandlerOptions.Groups or SocketOptions.Groups.
//
// It lists each workspace's user groups with their members
// (usergroups.list, include_users) at most once per TTL and answers from
// that list. Callers that find the list expired share one refresh; each
// waits for it at most Wait, then answers from the previous list. When a
// refresh fails, the previous list is kept, for up to MaxStale after it
// was fetched, and a warning is logged; with no usable list UserGroups
// returns no groups and an error wrapping ErrNoGroups, and captains are
// recognised by user ID only.
//
// A GroupResolver is safe for concurrent use. Close stops a refresh in
// progress and waits for it.
type GroupResolver struct {
	api *slack.Client
	o   GroupResolverOptions

	base   context.Context // cancelled by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	teams  map[string]*teamGroups
	closed bool
}

var _ GroupLookup = (*GroupResolver)(nil)

// teamGroups is what is known of one workspace; guarded by
// GroupResolver.mu.
type teamGroups struct {
	byUser  map[string][]string // user → group IDs; nil until a refresh succeeded
	fetched time.Time           // when byUser was fetched
	err     error               // the last refresh's error, nil after a success
	retryAt time.Time           // no refresh before this, after a failure
	// running is closed when the refresh in progress ends; nil when none
	// runs.
	running chan struct{}
}

// NewGroupResolver returns a GroupResolver. Call Close when done with it.
func NewGroupResolver(o GroupResolverOptions) *GroupResolver {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.TTL <= 0 {
		o.TTL = DefaultGroupTTL
	}
	if o.Wait <= 0 {
		o.Wait = DefaultGroupWait
	}
	if o.RefreshTimeout <= 0 {
		o.RefreshTimeout = DefaultGroupRefreshTimeout
	}
	if o.Retry <= 0 {
		o.Retry = DefaultGroupRetry
	}
	if o.MaxStale <= 0 {
		o.MaxStale = DefaultGroupMaxStale
	}
	o.MaxStale = max(o.MaxStale, o.TTL)
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	base, cancel := context.WithCancel(context.Background())
	return &GroupResolver{
		api:    slack.New(o.Token, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.Client)),
		o:      o,
		base:   base,
		cancel: cancel,
		teams:  make(map[string]*teamGroups),
	}
}

// UserGroups returns the IDs of the user groups of workspace team that
// user belongs to, sorted, or none. It returns within Wait or when ctx is
// done, whichever comes first. On an error wrapping ErrNoGroups it returns
// no groups.
func (r *GroupResolver) UserGroups(ctx context.Context, team, user string) ([]string, error) {
	r.mu.Lock()
	t := r.teams[team]
	if t == nil {
		t = &teamGroups{}
		r.teams[team] = t
	}
	now := r.o.Now()
	if t.byUser != nil && now.Sub(t.fetched) < r.o.TTL {
		g := slices.Clone(t.byUser[user])
		r.mu.Unlock()
		return g, nil
	}
	if t.running == nil && !r.closed && !now.Before(t.retryAt) {
		t.running = make(chan struct{})
		done := t.running
		r.wg.Go(func() { r.refresh(team, t, done) })
	}
	running := t.running
	r.mu.Unlock()

	waited := false
	if running != nil {
		timer := time.NewTimer(r.o.Wait)
		select {
		case <-running:
		case <-timer.C:
			waited = true
		case <-ctx.Done():
			waited = true
		}
		timer.Stop()
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	if t.byUser != nil && r.o.Now().Sub(t.fetched) < r.o.MaxStale {
		return slices.Clone(t.byUser[user]), nil
	}
	cause := t.err
	switch {
	case waited && t.running != nil:
		cause = errWaited
	case r.closed:
		cause = errClosed
	case cause == nil:
		cause = errWaited
	}
	return nil, fmt.Errorf("%w for workspace %s: %w", ErrNoGroups, team, cause)
}

// refresh lists team's user groups into t and closes done.
func (r *GroupResolver) refresh(team string, t *teamGroups, done chan struct{}) {
	ctx, cancel := context.WithTimeout(r.base, r.o.RefreshTimeout)
	groups, err := r.api.GetUserGroupsContext(ctx,
		slack.GetUserGroupsOptionIncludeUsers(true),
		// Ignored with a workspace token; needed with an org-wide one.
		slack.GetUserGroupsOptionTeamID(team))
	cancel()
	now := r.o.Now()

	r.mu.Lock()
	defer r.mu.Unlock()
	defer close(done)
	t.running = nil
	if err == nil {
		if t.err != nil {
			r.o.Logger.Info("slack: user groups known again", "workspace", team, "groups", len(groups))
		}
		t.byUser, t.fetched, t.err, t.retryAt = indexGroups(groups), now, nil, time.Time{}
		return
	}
	t.err = fmt.Errorf("usergroups.list: %w", err)
	wait := r.o.Retry
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		wait = max(wait, rl.RetryAfter)
	} else if _, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		wait = max(wait, r.o.TTL) // Slack said no: asking again soon will not help
	}
	t.retryAt = now.Add(wait)
	if r.closed {
		return
	}
	if t.byUser != nil && now.Sub(t.fetched) < r.o.MaxStale {
		r.o.Logger.Warn("slack: user groups refresh failed; keeping the previous list",
			"workspace", team, "fetched", t.fetched, "retry_in", wait, "err", t.err)
		return
	}
	r.o.Logger.Warn("slack: user groups unknown; captains are recognised by user ID only",
		"workspace", team, "retry_in", wait, "err", t.err)
}

// indexGroups maps each member to the sorted IDs of its groups.
func indexGroups(groups []slack.UserGroup) map[string][]string {
	m := make(map[string][]string)
	for _, g := range groups {
		if g.ID == "" || g.DateDelete != 0 {
			continue // disabled groups name no captains
		}
		for _, u := range g.Users {
			if !slices.Contains(m[u], g.ID) {
				m[u] = append(m[u], g.ID)
			}
		}
	}
	for _, ids := range m {
		slices.Sort(ids)
	}
	return m
}

// Close cancels a refresh in progress and waits for it. UserGroups still
// answers afterwards from what is known, without calling Slack.
func (r *GroupResolver) Close() error {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.cancel()
	r.wg.Wait()
	return nil
}
