package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// Defaults of the reconnection pacing.
const (
	// DefaultYoungConnection: a Socket Mode connection closed sooner than
	// this after it opened died young; several in a row make a spell that
	// is paced.
	DefaultYoungConnection = 30 * time.Second
	// DefaultMinBackoff and DefaultMaxBackoff bound the wait before
	// opening a connection again during such a spell, or after a failure.
	DefaultMinBackoff = time.Second
	DefaultMaxBackoff = 2 * time.Minute
	// DefaultRequestTimeout bounds one Web API request of the Socket Mode
	// client (the pacing wait is not counted).
	DefaultRequestTimeout = 15 * time.Second
)

// backoff is the capped, jittered wait before attempt n (from 0): between
// half and all of lo·2ⁿ, at most hi.
func backoff(n int, lo, hi time.Duration) time.Duration {
	d := lo
	for i := 0; i < n && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	return d/2 + rand.N(d/2+1)
}

// pacer spaces the openings of Socket Mode connections. slack-go's client
// opens a new connection at once whenever one closes; when connections
// keep dying right after opening (a proxy that cuts them, Slack refusing
// the app), that is a tight loop of apps.connections.open. The pacer makes
// each opening that follows a successful one by less than young wait a
// jittered, growing backoff, and starts over once a connection lived.
// Failed openings are left to slack-go, which backs off itself.
type pacer struct {
	young, lo, hi time.Duration
	now           func() time.Time
	sleep         func(ctx context.Context, d time.Duration) error
	// onSpell is called when a spell of young deaths starts (attempt 1)
	// and when it ends (attempt 0), outside the lock.
	onSpell func(attempt int)

	mu       sync.Mutex
	lastOpen time.Time // when the last successful opening was made
	opened   bool      // the last opening succeeded
	attempt  int
}

func newPacer(young, lo, hi time.Duration, onSpell func(int)) *pacer {
	return &pacer{young: young, lo: lo, hi: hi, now: time.Now, onSpell: onSpell, sleep: func(ctx context.Context, d time.Duration) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			return nil
		}
	}}
}

// wait waits before an opening as the pacing requires, or until ctx is
// done.
func (p *pacer) wait(ctx context.Context) error {
	p.mu.Lock()
	now := p.now()
	var d time.Duration
	was := p.attempt
	switch {
	case !p.opened:
		// The last opening failed (or this is the first): slack-go backs
		// off between failures.
	case now.Sub(p.lastOpen) < p.young:
		d = backoff(p.attempt, p.lo, p.hi)
		p.attempt++
	default:
		p.attempt = 0
	}
	p.opened = false
	attempt := p.attempt
	p.mu.Unlock()
	if p.onSpell != nil && (was == 0) != (attempt == 0) {
		p.onSpell(attempt)
	}
	if d > 0 {
		return p.sleep(ctx, d)
	}
	return nil
}

// succeeded records that an opening succeeded just now.
func (p *pacer) succeeded() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastOpen, p.opened = p.now(), true
}

// inSpell reports whether connections are dying young.
func (p *pacer) inSpell() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.attempt > 0
}

type pacerKey struct{}

// pacedTransport applies, to the request that opens a Socket Mode
// connection, the pacing of the pacer its context carries (RunSocketMode
// puts it there), and bounds every request by timeout, the wait aside.
type pacedTransport struct {
	next    http.RoundTripper
	timeout time.Duration
}

func (t pacedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	p, paced := req.Context().Value(pacerKey{}).(*pacer)
	paced = paced && strings.HasSuffix(req.URL.Path, "/apps.connections.open")
	if paced {
		if err := p.wait(req.Context()); err != nil {
			if req.Body != nil {
				req.Body.Close()
			}
			return nil, err
		}
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	if paced && resp.StatusCode == http.StatusOK {
		// Read the small answer to learn whether Slack opened a connection.
		body, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		cancel()
		if rerr != nil {
			return nil, rerr
		}
		var ok struct {
			OK bool `json:"ok"`
		}
		if json.Unmarshal(body, &ok) == nil && ok.OK {
			p.succeeded()
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelBody releases a request's timeout once its body is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// SocketClientOptions configure NewSocketClient.
type SocketClientOptions struct {
	BotToken, AppToken string
	// APIURL defaults to DefaultAPIURL.
	APIURL string
	// Transport defaults to http.DefaultTransport.
	Transport http.RoundTripper
	// RequestTimeout bounds each Web API request; default
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
}

// NewSocketClient returns a Socket Mode client whose openings of
// connections RunSocketMode paces (see SocketOptions.YoungConnection).
// A client made otherwise works too, unpaced.
func NewSocketClient(o SocketClientOptions) *socketmode.Client {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	hc := &http.Client{Transport: pacedTransport{next: o.Transport, timeout: o.RequestTimeout}}
	api := slack.New(o.BotToken, slack.OptionAppLevelToken(o.AppToken), slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(hc))
	return socketmode.New(api)
}
