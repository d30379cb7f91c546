package discord

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"
)

// DefaultAPIURL is Discord's REST API at the version discordgo speaks
// (discordgo.EndpointAPI).
const DefaultAPIURL = "https://discord.com/api/v9/"

// Rate-limit defaults.
const (
	// GlobalRate is the most requests per second the bot makes, below
	// Discord's 50.
	GlobalRate = 45
	// InvalidLimit is the most invalid requests (401, 403, 429) the bot
	// makes in InvalidWindow before it stops calling Discord until the
	// window has passed: far below the 10,000 that get a bot banned.
	InvalidLimit  = 500
	InvalidWindow = 10 * time.Minute
	// resetMargin is added to every wait Discord's headers ask for: its
	// reset times are rounded, and clocks differ a little.
	resetMargin = 250 * time.Millisecond
)

// WaitError says a request was not sent because Discord's rate limits (as
// its headers told) or the bot's own guard say to wait.
type WaitError struct {
	Wait time.Duration
	// Scope is "route", "global" or "invalid" (the invalid-request
	// guard).
	Scope string
}

func (e *WaitError) Error() string {
	return fmt.Sprintf("discord: not sent: %s rate limit, retry after %s", e.Scope, e.Wait.Round(time.Millisecond))
}

// RESTOptions configure a REST client.
type RESTOptions struct {
	// Token is the bot token, without "Bot ". Required; never logged.
	Token string
	// APIURL is the REST base URL ending in "/"; DefaultAPIURL when
	// empty. Requests discordgo makes to DefaultAPIURL go there instead.
	APIURL string
	// Client is the base HTTP client; one with a 15 s timeout when nil.
	// Its Transport is wrapped, not changed.
	Client *http.Client
	// Now is the clock; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger
}

// REST is a discordgo session used for REST calls only, behind a
// transport that owns Discord's rate limits: it reads the X-RateLimit-*
// headers of every answer, keeps a bucket per route and major parameter
// (the channel), honours the global limit and 429s (retry_after in float
// seconds, by X-RateLimit-Scope), paces all requests below 50 per second,
// and stops calling Discord for a while when too many requests were
// invalid. A call it holds back fails at once with a *WaitError instead of
// sleeping; the headers are then removed so that discordgo's own limiter,
// which sleeps, never acts. discordgo's retry of 429s and 502s is off:
// the outbox decides when to try again.
//
// A REST is safe for concurrent use.
type REST struct {
	// Session is the discordgo session; its Client goes through the
	// transport.
	Session *discordgo.Session
	lim     *limiter
	log     *slog.Logger
}

// NewREST returns a REST client for one bot token.
func NewREST(o RESTOptions) (*REST, error) {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	target, err := url.Parse(o.APIURL)
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") || !strings.HasSuffix(target.Path, "/") {
		return nil, fmt.Errorf("discord: api url %q: want an http(s) URL ending in /", o.APIURL)
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 15 * time.Second}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	s, err := discordgo.New("Bot " + o.Token)
	if err != nil {
		return nil, fmt.Errorf("discord: session: %w", err)
	}
	lim := newLimiter(o.Now, o.Logger)
	base := o.Client.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c := *o.Client
	c.Transport = &transport{base: base, lim: lim, from: DefaultAPIURL, to: o.APIURL}
	s.Client = &c
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	s.LogLevel = discordgo.LogError
	return &REST{Session: s, lim: lim, log: o.Logger}, nil
}

// InvalidRequests counts the invalid answers (401, 403, 429) in the last
// InvalidWindow.
func (r *REST) InvalidRequests() int { return r.lim.invalidCount() }

// transport rewrites discordgo's URLs to the configured API URL and
// applies the limiter around each request.
type transport struct {
	base     http.RoundTripper
	lim      *limiter
	from, to string
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.to != t.from {
		if rest, ok := strings.CutPrefix(req.URL.String(), t.from); ok {
			u, err := url.Parse(t.to + rest)
			if err != nil {
				return nil, fmt.Errorf("discord: rewrite URL: %w", err)
			}
			req = req.Clone(req.Context())
			req.URL, req.Host = u, u.Host
		}
	}
	rt := routeOf(req.Method, req.URL.Path)
	if err := t.lim.admit(rt); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	t.lim.record(rt, resp)
	return resp, nil
}

// route is a request's rate-limit identity: its route template and its
// major parameter (a channel, guild or webhook ID).
type route struct {
	key, major string
	// exempt routes (interaction callbacks and webhooks of an interaction
	// token) are not counted against the global limit.
	exempt bool
}

// routeOf names a request's route: IDs after "channels", "guilds" and
// "webhooks" are major parameters and stay; other IDs and tokens become
// placeholders.
func routeOf(method, path string) route {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	// Drop the API prefix: "api", "v9".
	for len(parts) > 0 && (parts[0] == "api" || (len(parts[0]) > 1 && parts[0][0] == 'v' && isDigits(parts[0][1:]))) {
		parts = parts[1:]
	}
	r := route{}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p
		if i == 0 {
			continue
		}
		switch {
		case i == 1 && (parts[0] == "channels" || parts[0] == "guilds" || parts[0] == "webhooks"):
			r.major = p
		case parts[0] == "interactions" && i <= 2, parts[0] == "webhooks" && i == 2, isDigits(p):
			out[i] = "{id}" // IDs, and interaction and webhook tokens
		}
	}
	if len(parts) > 0 && (parts[0] == "interactions" || parts[0] == "webhooks") {
		r.exempt = true
	}
	r.key = method + " /" + strings.Join(out, "/")
	return r
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// limiter is what REST knows of Discord's limits.
type limiter struct {
	now func() time.Time
	log *slog.Logger

	mu          sync.Mutex
	bucketOf    map[string]string // route key → Discord's bucket hash
	resets      map[string]time.Time
	globalUntil time.Time
	pace        *rate.Limiter
	invalid     []time.Time
	guardUntil  time.Time
}

func newLimiter(now func() time.Time, log *slog.Logger) *limiter {
	return &limiter{now: now, log: log, bucketOf: make(map[string]string), resets: make(map[string]time.Time),
		pace: rate.NewLimiter(GlobalRate, GlobalRate)}
}

// bucketKey is where a route's state lives: its bucket hash once known,
// else the route itself, with its major parameter.
func (l *limiter) bucketKey(r route) string {
	if b := l.bucketOf[r.key]; b != "" {
		return b + "|" + r.major
	}
	return r.key + "|" + r.major
}

// admit returns a *WaitError when r may not be called now.
func (l *limiter) admit(r route) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Before(l.guardUntil) {
		return &WaitError{Wait: l.guardUntil.Sub(now), Scope: "invalid"}
	}
	if until := l.resets[l.bucketKey(r)]; now.Before(until) {
		return &WaitError{Wait: until.Sub(now), Scope: "route"}
	}
	if r.exempt {
		return nil
	}
	if now.Before(l.globalUntil) {
		return &WaitError{Wait: l.globalUntil.Sub(now), Scope: "global"}
	}
	res := l.pace.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return &WaitError{Wait: d, Scope: "global"}
	}
	return nil
}

// record reads an answer's rate-limit headers (and a 429's body), then
// removes the headers discordgo's limiter would act on.
func (l *limiter) record(r route, resp *http.Response) {
	h := resp.Header
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := h.Get("X-RateLimit-Bucket"); b != "" {
		l.bucketOf[r.key] = b
	}
	key := l.bucketKey(r)
	if rem := h.Get("X-RateLimit-Remaining"); rem != "" {
		if n, err := strconv.Atoi(rem); err == nil && n <= 0 {
			if after, ok := seconds(h.Get("X-RateLimit-Reset-After")); ok {
				l.resets[key] = now.Add(after + resetMargin)
			}
		} else if err == nil {
			delete(l.resets, key)
		}
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		scope := h.Get("X-RateLimit-Scope")
		wait := retryAfter(resp) + resetMargin
		if scope != "shared" {
			l.countInvalid(now)
		}
		if h.Get("X-RateLimit-Global") != "" || scope == "global" {
			l.globalUntil = now.Add(wait)
			l.log.Warn("discord: global rate limit: pausing every request", "for", wait.String())
		} else {
			l.resets[key] = now.Add(wait)
		}
	case http.StatusUnauthorized, http.StatusForbidden:
		l.countInvalid(now)
	}
	for _, k := range []string{"X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Global"} {
		h.Del(k)
	}
}

// countInvalid counts an invalid answer; past InvalidLimit in
// InvalidWindow it stops every request until the window has passed.
// Call with l.mu held.
func (l *limiter) countInvalid(now time.Time) {
	cut := now.Add(-InvalidWindow)
	i := 0
	for i < len(l.invalid) && l.invalid[i].Before(cut) {
		i++
	}
	l.invalid = append(l.invalid[i:], now)
	if len(l.invalid) >= InvalidLimit && !now.Before(l.guardUntil) {
		l.guardUntil = l.invalid[0].Add(InvalidWindow)
		l.log.Error("discord: too many refused requests; not calling Discord for a while so the bot is not banned",
			"invalid", len(l.invalid), "window", InvalidWindow.String(), "until", l.guardUntil.UTC().Format(time.RFC3339))
	}
}

func (l *limiter) invalidCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	cut := l.now().Add(-InvalidWindow)
	n := 0
	for _, t := range l.invalid {
		if !t.Before(cut) {
			n++
		}
	}
	return n
}

// seconds parses a float number of seconds.
func seconds(s string) (time.Duration, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
		return 0, false
	}
	return time.Duration(math.Min(x, 86400) * float64(time.Second)), true
}

// retryAfter is how long a 429 asks to wait: the body's retry_after
// (float seconds), else X-RateLimit-Reset-After, else Retry-After, else a
// second. The body is read and put back for discordgo.
func retryAfter(resp *http.Response) time.Duration {
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err == nil {
		var b struct {
			RetryAfter *float64 `json:"retry_after"`
		}
		if json.Unmarshal(body, &b) == nil && b.RetryAfter != nil {
			if d, ok := seconds(strconv.FormatFloat(*b.RetryAfter, 'f', -1, 64)); ok {
				return d
			}
		}
	}
	for _, k := range []string{"X-RateLimit-Reset-After", "Retry-After"} {
		if d, ok := seconds(resp.Header.Get(k)); ok {
			return d
		}
	}
	return time.Second
}

// restCode returns the HTTP status and Discord's JSON error code of err,
// or zeros.
func restCode(err error) (status, code int) {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		status = re.Response.StatusCode
		if re.Message != nil {
			code = re.Message.Code
		}
	}
	return status, code
}

// waitOf returns how long err asks to wait before trying again, and
// whether it is a rate limit at all.
func waitOf(err error) (time.Duration, bool) {
	var we *WaitError
	if errors.As(err, &we) {
		return we.Wait, true
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil {
		return max(rl.RetryAfter, 0), true
	}
	if s, _ := restCode(err); s == http.StatusTooManyRequests {
		return time.Second, true
	}
	return 0, false
}

// describe is a short, secret-free account of a REST error for logs and
// the ops channel: "403 Missing Permissions (50013)".
func describe(err error) string {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		s := strconv.Itoa(re.Response.StatusCode)
		if re.Message != nil && re.Message.Message != "" {
			s += " " + re.Message.Message
			if re.Message.Code != 0 {
				s += " (" + strconv.Itoa(re.Message.Code) + ")"
			}
		}
		return s
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error() // without the URL, which may hold an interaction token
	}
	return err.Error()
}
