package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// Defaults applied by [New] to zero fields of [Options].
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBody      = 10 << 20 // 10 MiB
	DefaultMaxRedirects = 5

	// DefaultAccept is sent when a Request has no Accept: feed types first,
	// then anything.
	DefaultAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

	// PageAccept suits fetching an article's web page.
	PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8"
)

// Options configure a [Client]. The zero value is a usable configuration:
// every zero field takes the default documented on it.
type Options struct {
	// UserAgent is sent with every request. Empty means
	// "strikebot/<version> (+https://github.com/strikebot/strikebot)", the
	// version taken from the binary's build information.
	UserAgent string

	// Timeout bounds a whole request: resolving, connecting, TLS, every
	// redirect hop and reading the body. Zero means DefaultTimeout.
	Timeout time.Duration

	// MaxBody caps the body after decompression. A longer body is an
	// ErrTooLarge error, not a truncated body. Zero means DefaultMaxBody.
	MaxBody int64

	// MaxRedirects is the most redirects one request follows. Zero means
	// DefaultMaxRedirects; a negative value follows none.
	MaxRedirects int

	// AllowPrivate lifts the SSRF guard: any address may be dialed. Use it
	// only for feeds on the local network, tests and demos.
	AllowPrivate bool

	// AllowAddr, if set, is consulted for each non-public address when
	// AllowPrivate is false; returning true allows that address and port.
	// Tests use it to allow exactly one loopback server.
	AllowAddr func(netip.AddrPort) bool

	// Resolver looks up host names. Nil means net.DefaultResolver.
	// "localhost" and names under it are never looked up: they are loopback.
	Resolver Resolver

	// TLSConfig is cloned for HTTPS connections. Nil means the system roots
	// and TLS 1.2 or later.
	TLSConfig *tls.Config

	// Now tells the time, for Retry-After dates. Nil means time.Now.
	Now func() time.Time
}

// Client fetches feeds and pages. It holds one http.Transport, so
// connections are pooled across calls. A Client is safe for concurrent use
// and should be reused. Create it with [New]; the zero Client is not usable.
type Client struct {
	hc           *http.Client
	transport    *http.Transport
	userAgent    string
	timeout      time.Duration
	dialTimeout  time.Duration
	maxBody      int64
	maxRedirects int
	allowPrivate bool
	allowAddr    func(netip.AddrPort) bool
	resolver     Resolver
	now          func() time.Time
	// dialAddr connects to one checked address. Tests replace it to see
	// what would be dialed without reaching beyond loopback.
	dialAddr func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error)
}

// New returns a Client configured by o.
func New(o Options) *Client {
	c := &Client{
		userAgent:    o.UserAgent,
		timeout:      o.Timeout,
		maxBody:      o.MaxBody,
		maxRedirects: o.MaxRedirects,
		allowPrivate: o.AllowPrivate,
		allowAddr:    o.AllowAddr,
		resolver:     o.Resolver,
		now:          o.Now,
	}
	if c.userAgent == "" {
		c.userAgent = defaultUserAgent()
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	c.dialTimeout = min(c.timeout, 10*time.Second)
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBody
	}
	switch {
	case c.maxRedirects == 0:
		c.maxRedirects = DefaultMaxRedirects
	case c.maxRedirects < 0:
		c.maxRedirects = 0
	}
	if c.resolver == nil {
		c.resolver = net.DefaultResolver
	}
	if c.now == nil {
		c.now = time.Now
	}
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	c.dialAddr = func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
		return d.DialContext(ctx, network, ap.String())
	}
	tlsConf := &tls.Config{MinVersion: tls.VersionTLS12}
	if o.TLSConfig != nil {
		tlsConf = o.TLSConfig.Clone()
	}
	c.transport = &http.Transport{
		Proxy:                  nil, // a proxy would dial for us, past the guard
		DialContext:            c.dialContext,
		TLSClientConfig:        tlsConf,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    c.dialTimeout,
		ResponseHeaderTimeout:  c.timeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           256,
		MaxIdleConnsPerHost:    32,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 256 << 10,
		DisableCompression:     true, // we ask for gzip and decode it under our cap
	}
	// No http.Client.Timeout: the per-request context in Get covers the body.
	c.hc = &http.Client{Transport: c.transport, CheckRedirect: c.checkRedirect}
	return c
}

func defaultUserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "strikebot/" + v + " (+https://github.com/strikebot/strikebot)"
}

// CloseIdleConnections closes pooled connections that are not in use. The
// Client stays usable.
func (c *Client) CloseIdleConnections() { c.transport.CloseIdleConnections() }

// Request is one GET.
type Request struct {
	// URL is the absolute http or https URL to fetch. A user:password in it
	// is sent as Basic authentication, only to the same scheme, host and port.
	URL string
	// ETag and LastModified are the validators from the previous response,
	// sent verbatim as If-None-Match and If-Modified-Since when not empty.
	ETag         string
	LastModified string
	// Accept is the Accept header; empty means DefaultAccept.
	Accept string
}

// Response is the outcome of a successful GET: a 2xx or a 304.
type Response struct {
	StatusCode int
	// NotModified is true for a 304: Body is empty and the feed has not changed.
	NotModified bool
	// Body is the decoded (gzip or deflate) body, at most MaxBody bytes.
	Body []byte
	// ContentType is the Content-Type header, verbatim.
	ContentType string
	// ETag and LastModified are the validators to send next time, verbatim.
	// For a 304 that carries none, they are the request's own.
	ETag         string
	LastModified string
	// FinalURL is the URL that answered, after redirects. It keeps the
	// request's credentials only if it has the request URL's origin, so
	// callers must redact it before showing it.
	FinalURL string
	// Permanent is FinalURL when the request was redirected and every hop
	// was a 301 or 308, else empty: a hint that the feed has moved.
	Permanent string
}

// hopKey keys the per-request redirect state in the request's context.
type hopKey struct{}

// hops is what checkRedirect learns about one request's redirect chain.
type hops struct {
	origin    *url.URL // the requested URL, without userinfo
	auth      string   // Authorization header for the origin, or ""
	count     int      // redirects followed
	permanent bool     // every redirect so far was 301 or 308
}

// Get fetches r.URL. It returns a Response for 2xx and 304 statuses; any
// other status is a *StatusError. Errors have the form
// "fetch: GET <url with password redacted>: <cause>".
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, shown, err := parseURL(r.URL)
	if err == nil {
		var resp *Response
		resp, err = c.get(ctx, u, r)
		if err == nil {
			return resp, nil
		}
	}
	return nil, fmt.Errorf("fetch: GET %s: %w", shown, err)
}

func (c *Client) get(parent context.Context, u *url.URL, r Request) (*Response, error) {
	target := *u
	target.User = nil
	h := &hops{origin: &target, permanent: true}
	if u.User != nil {
		pw, _ := u.User.Password()
		h.auth = "Basic " + base64.StdEncoding.EncodeToString([]byte(u.User.Username()+":"+pw))
	}
	ctx, cancel := context.WithTimeoutCause(parent, c.timeout, ErrTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(context.WithValue(ctx, hopKey{}, h), http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	accept := r.Accept
	if accept == "" {
		accept = DefaultAccept
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	if h.auth != "" {
		req.Header.Set("Authorization", h.auth)
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.cause(parent, ctx, err)
	}
	defer resp.Body.Close()

	final := *resp.Request.URL
	if u.User != nil && sameOrigin(&final, &target) {
		final.User = u.User
	}
	out := &Response{
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		FinalURL:     final.String(),
	}
	if h.count > 0 && h.permanent {
		out.Permanent = out.FinalURL
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		drain(resp.Body)
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		out.Body, err = c.readBody(resp)
		if err != nil {
			return nil, c.cause(parent, ctx, err)
		}
		return out, nil
	}
	drain(resp.Body)
	se := &StatusError{Code: resp.StatusCode}
	if se.Code == http.StatusTooManyRequests || se.Code == http.StatusServiceUnavailable {
		if d, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), c.now()); ok {
			se.RetryAfter = d
		}
	}
	return nil, se
}

// cause turns an error from the transport or the body into the cause Get
// reports: without net/http's URL wrapper (it may name the user), and as
// ErrTimeout when the request's own deadline fired.
func (c *Client) cause(parent, ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if perr := parent.Err(); perr != nil {
		return perr
	}
	if ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrTimeout) {
		return fmt.Errorf("%w after %s", ErrTimeout, c.timeout)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	if err == ErrTooLarge { // bare, from capReader or readCapped
		return fmt.Errorf("%w (limit %d bytes after decoding)", ErrTooLarge, c.maxBody)
	}
	return err
}

// checkRedirect vets each redirect hop before it is sent: scheme and host,
// the hop count, loops, and which credentials the hop may carry.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	req.URL.User = nil // credentials in a Location are never used
	if err := checkTarget(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", strike.RedactURL(req.URL.String()), err)
	}
	if len(via) > c.maxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, c.maxRedirects)
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return fmt.Errorf("%w: loop back to %s", ErrTooManyRedirects, strike.RedactURL(req.URL.String()))
		}
	}
	req.Header.Del("Referer") // the previous URL may carry tokens in its query
	req.Header.Del("Authorization")
	h, _ := req.Context().Value(hopKey{}).(*hops)
	if h == nil {
		return nil
	}
	h.count = len(via)
	if code := req.Response.StatusCode; code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
		h.permanent = false
	}
	if h.auth != "" && sameOrigin(req.URL, h.origin) {
		req.Header.Set("Authorization", h.auth)
	}
	return nil
}

// sameOrigin reports whether a and b have the same scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return a.Scheme == b.Scheme && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}

// drain reads a little of a body we do not want so the connection can be
// reused.
func drain(body io.Reader) { _, _ = io.CopyN(io.Discard, body, 4<<10) }

// readBody reads and decodes a 2xx body, never holding more than MaxBody
// decoded bytes.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	identity := enc == "" || enc == "identity"
	if identity && resp.ContentLength > c.maxBody {
		return nil, fmt.Errorf("%w: Content-Length %d is over the limit of %d bytes", ErrTooLarge, resp.ContentLength, c.maxBody)
	}
	// Compressed bytes are capped too: a body that large is refused anyway.
	var r io.Reader = &capReader{r: resp.Body, left: c.maxBody}
	hint := int64(-1)
	switch enc {
	case "", "identity":
		hint = resp.ContentLength
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if errors.Is(err, io.EOF) {
			return []byte{}, nil // an empty body labelled gzip
		}
		if err != nil {
			return nil, decodeErr(err)
		}
		defer zr.Close()
		r = &capReader{r: zr, left: c.maxBody}
	case "deflate":
		zr, err := newDeflateReader(r)
		if errors.Is(err, io.EOF) {
			return []byte{}, nil
		}
		if err != nil {
			return nil, decodeErr(err)
		}
		defer zr.Close()
		r = &capReader{r: zr, left: c.maxBody}
	default:
		return nil, fmt.Errorf("%w: unsupported Content-Encoding %q", ErrEncoding, enc)
	}
	body, err := readCapped(r, c.maxBody, hint)
	if err != nil {
		return nil, decodeErr(err)
	}
	return body, nil
}

// newDeflateReader decodes "deflate", which should be zlib-wrapped (RFC 9110)
// but is raw DEFLATE from some servers.
func newDeflateReader(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReaderSize(r, 512)
	hdr, err := br.Peek(2)
	if len(hdr) < 2 {
		if err == nil || errors.Is(err, io.EOF) {
			err = io.EOF
		}
		return nil, err
	}
	if hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// decodeErr marks corrupt compressed data as ErrEncoding and leaves other
// errors (the cap, the network) alone.
func decodeErr(err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.As(err, &corrupt),
		errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, zlib.ErrHeader), errors.Is(err, zlib.ErrChecksum), errors.Is(err, zlib.ErrDictionary):
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	return err
}

// capReader passes at most left bytes through and then fails with
// ErrTooLarge if the underlying reader has more.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// readCapped reads r to EOF into a buffer that grows by doubling up to max
// bytes, starting at hint+1 when the size is known.
func readCapped(r io.Reader, max, hint int64) ([]byte, error) {
	size := int64(16 << 10)
	if hint >= 0 {
		size = hint + 1
	}
	size = min(size, max)
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if int64(cap(buf)) >= max {
				var one [1]byte
				n, err := r.Read(one[:])
				switch {
				case n > 0:
					return nil, ErrTooLarge
				case errors.Is(err, io.EOF):
					return buf, nil
				case err != nil:
					return nil, err
				}
				continue
			}
			grown := make([]byte, len(buf), min(2*int64(cap(buf))+1, max))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
