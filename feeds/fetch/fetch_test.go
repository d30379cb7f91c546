package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const feedXML = `<?xml version="1.0"?><rss version="2.0"><channel><title>Picket line news</title>` +
	`<item><title>NUHW mental health workers strike at Kaiser</title></item></channel></rss>`

func TestGetConditional(t *testing.T) {
	const etag, lastMod = `W/"strike-day-1"`, "Mon, 14 Oct 2024 07:00:00 GMT"
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("method = %q, want GET", r.Method)
		}
		if got, want := r.Header.Get("Accept-Encoding"), "gzip"; got != want {
			t.Errorf("Accept-Encoding = %q, want %q", got, want)
		}
		inm, ims := r.Header.Values("If-None-Match"), r.Header.Values("If-Modified-Since")
		switch r.URL.Path {
		case "/first":
			if len(inm) != 0 || len(ims) != 0 {
				t.Errorf("first request sent validators %q, %q; want none", inm, ims)
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, feedXML)
		case "/again", "/again-new-etag":
			if len(inm) != 1 || inm[0] != etag {
				t.Errorf("If-None-Match = %q, want [%q]", inm, etag)
			}
			if len(ims) != 1 || ims[0] != lastMod {
				t.Errorf("If-Modified-Since = %q, want [%q]", ims, lastMod)
			}
			if r.URL.Path == "/again-new-etag" {
				w.Header().Set("ETag", `"v2"`)
			}
			w.WriteHeader(http.StatusNotModified)
		}
	})
	c := newClient(t, Options{AllowAddr: only(srv)})
	ctx := context.Background()

	first, err := c.Get(ctx, Request{URL: srv.URL + "/first"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(first.Body), feedXML; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
	if first.StatusCode != 200 || first.NotModified {
		t.Errorf("StatusCode, NotModified = %d, %v; want 200, false", first.StatusCode, first.NotModified)
	}
	if first.ETag != etag || first.LastModified != lastMod {
		t.Errorf("validators = %q, %q; want %q, %q", first.ETag, first.LastModified, etag, lastMod)
	}
	if got, want := first.ContentType, "application/rss+xml; charset=utf-8"; got != want {
		t.Errorf("ContentType = %q, want %q", got, want)
	}
	if got, want := first.FinalURL, srv.URL+"/first"; got != want {
		t.Errorf("FinalURL = %q, want %q", got, want)
	}

	again, err := c.Get(ctx, Request{URL: srv.URL + "/again", ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || again.StatusCode != 304 || len(again.Body) != 0 {
		t.Errorf("NotModified, StatusCode, len(Body) = %v, %d, %d; want true, 304, 0", again.NotModified, again.StatusCode, len(again.Body))
	}
	if again.ETag != etag || again.LastModified != lastMod {
		t.Errorf("validators after 304 = %q, %q; want unchanged %q, %q", again.ETag, again.LastModified, etag, lastMod)
	}

	newer, err := c.Get(ctx, Request{URL: srv.URL + "/again-new-etag", ETag: etag, LastModified: lastMod})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := newer.ETag, `"v2"`; got != want {
		t.Errorf("ETag from 304 = %q, want the server's %q", got, want)
	}
}

func TestGetRequestHeaders(t *testing.T) {
	var mu sync.Mutex
	var got http.Header
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = r.Header.Clone()
		mu.Unlock()
	})
	tests := []struct {
		name       string
		opts       Options
		req        Request
		wantUA     string // prefix
		wantAccept string
	}{
		{"defaults", Options{}, Request{}, "strikebot/", DefaultAccept},
		{"custom", Options{UserAgent: "strikebot/1.2.3 (+https://github.com/strikebot/strikebot)"}, Request{Accept: PageAccept},
			"strikebot/1.2.3 (+https://github.com/strikebot/strikebot)", PageAccept},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.AllowAddr = only(srv)
			c := newClient(t, tt.opts)
			tt.req.URL = srv.URL + "/feed"
			if _, err := c.Get(context.Background(), tt.req); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if ua := got.Get("User-Agent"); !strings.HasPrefix(ua, tt.wantUA) || !strings.HasSuffix(ua, "(+https://github.com/strikebot/strikebot)") {
				t.Errorf("User-Agent = %q, want prefix %q and the project URL", ua, tt.wantUA)
			}
			if a := got.Get("Accept"); a != tt.wantAccept {
				t.Errorf("Accept = %q, want %q", a, tt.wantAccept)
			}
			for _, h := range []string{"Authorization", "Referer", "If-None-Match", "If-Modified-Since"} {
				if v, ok := got[h]; ok {
					t.Errorf("%s = %q, want absent", h, v)
				}
			}
		})
	}
}

func gzipped(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGetDecodes(t *testing.T) {
	body := []byte(strings.Repeat(feedXML, 20))
	var zl, raw bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write(body)
	zw.Close()
	fw, _ := flate.NewWriter(&raw, flate.DefaultCompression)
	fw.Write(body)
	fw.Close()
	twoMembers := append(gzipped(t, body[:100]), gzipped(t, body[100:])...)
	corrupt := gzipped(t, body)
	corrupt[len(corrupt)-5] ^= 0xff // break the CRC

	tests := []struct {
		name     string
		encoding string
		sent     []byte
		want     []byte
		err      error
	}{
		{"identity", "", body, body, nil},
		{"gzip", "gzip", gzipped(t, body), body, nil},
		{"x-gzip", "x-gzip", gzipped(t, body), body, nil},
		{"gzip upper case", "GZIP", gzipped(t, body), body, nil},
		{"gzip two members", "gzip", twoMembers, body, nil},
		{"gzip empty body", "gzip", nil, []byte{}, nil},
		{"deflate zlib", "deflate", zl.Bytes(), body, nil},
		{"deflate raw", "deflate", raw.Bytes(), body, nil},
		{"gzip corrupt", "gzip", corrupt, nil, ErrEncoding},
		{"gzip not gzip", "gzip", body, nil, ErrEncoding},
		{"brotli", "br", body, nil, ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Write(tt.sent)
			})
			c := newClient(t, Options{AllowAddr: only(srv)})
			resp, err := c.Get(context.Background(), Request{URL: srv.URL})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if !bytes.Equal(resp.Body, tt.want) {
				t.Errorf("Body = %d bytes %.40q…, want %d bytes", len(resp.Body), resp.Body, len(tt.want))
			}
		})
	}
}

func TestGetBodyCapBoundary(t *testing.T) {
	const max = 1000
	tests := []struct {
		name string
		n    int
		gzip bool
		err  error
	}{
		{"plain at cap", max, false, nil},
		{"plain over cap", max + 1, false, ErrTooLarge},
		{"gzip at cap", max, true, nil},
		{"gzip over cap", max + 1, true, ErrTooLarge},
		{"empty", 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bytes.Repeat([]byte("k"), tt.n)
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.gzip {
					w.Header().Set("Content-Encoding", "gzip")
					w.Write(gzipped(t, body))
					return
				}
				w.Write(body)
			})
			c := newClient(t, Options{AllowAddr: only(srv), MaxBody: max})
			resp, err := c.Get(context.Background(), Request{URL: srv.URL})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if err == nil && len(resp.Body) != tt.n {
				t.Errorf("len(Body) = %d, want %d", len(resp.Body), tt.n)
			}
		})
	}
}

// bombParts returns a gzip header with 1 MiB of compressed zeros, and a
// unit that adds another MiB of zeros each time it is repeated: a stream of
// any decoded size from a few kilobytes.
func bombParts(tb testing.TB) (prefix, unit []byte) {
	tb.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	zw.Write(zeros)
	zw.Flush()
	prefix = bytes.Clone(buf.Bytes())
	buf.Reset()
	zw.Write(zeros)
	zw.Flush()
	unit = bytes.Clone(buf.Bytes())
	return prefix, unit
}

// allocated returns the bytes allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestGetGzipBomb(t *testing.T) {
	prefix, unit := bombParts(t)
	const units = 4096 // 4 GiB decoded
	t.Logf("bomb: %d bytes of gzip per MiB decoded; %d MiB would be %d KB on the wire", len(unit), units, (len(prefix)+units*len(unit))>>10)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		if _, err := w.Write(prefix); err != nil {
			return
		}
		for range units {
			if _, err := w.Write(unit); err != nil {
				return // the client hung up
			}
		}
	})
	c := newClient(t, Options{AllowAddr: only(srv)}) // default MaxBody, 10 MiB
	var err error
	alloc := allocated(func() {
		_, err = c.Get(context.Background(), Request{URL: srv.URL})
	})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error = %v, want ErrTooLarge", err)
	}
	t.Logf("error: %v; allocated %.1f MB", err, float64(alloc)/1e6)
	if alloc > 48<<20 {
		t.Errorf("allocated %d bytes reading a gzip bomb, want under 48 MiB", alloc)
	}
}

func TestGetLargeBody(t *testing.T) {
	const size = 50 << 20
	chunk := bytes.Repeat([]byte("<item>strike</item>\n"), 3277) // about 64 KiB
	tests := []struct {
		name          string
		contentLength bool
	}{
		{"streamed", false},
		{"declared length", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.contentLength {
					w.Header().Set("Content-Length", strconv.Itoa(size))
				}
				for sent := 0; sent < size; sent += len(chunk) {
					if _, err := w.Write(chunk[:min(len(chunk), size-sent)]); err != nil {
						return
					}
				}
			})
			c := newClient(t, Options{AllowAddr: only(srv)})
			var err error
			alloc := allocated(func() {
				_, err = c.Get(context.Background(), Request{URL: srv.URL})
			})
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error = %v, want ErrTooLarge", err)
			}
			if alloc > 48<<20 {
				t.Errorf("allocated %d bytes, want under 48 MiB", alloc)
			}
		})
	}
}

func TestGetSlowServer(t *testing.T) {
	const timeout = 300 * time.Millisecond
	tests := []struct {
		name    string
		handler func(stop <-chan struct{}) http.HandlerFunc
	}{
		{"headers never finish", func(stop <-chan struct{}) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				conn, rw, err := http.NewResponseController(w).Hijack()
				if err != nil {
					t.Error(err)
					return
				}
				defer conn.Close()
				rw.WriteString("HTTP/1.1 200 OK\r\nX-Slow: ")
				rw.Flush()
				for range 200 {
					select {
					case <-stop:
						return
					case <-time.After(20 * time.Millisecond):
					}
					if _, err := conn.Write([]byte("a")); err != nil {
						return
					}
				}
			}
		}},
		{"body trickles", func(stop <-chan struct{}) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				rc := http.NewResponseController(w)
				w.Header().Set("Content-Type", "application/rss+xml")
				w.WriteHeader(http.StatusOK)
				rc.Flush()
				for range 200 {
					select {
					case <-stop:
						return
					case <-r.Context().Done():
						return
					case <-time.After(20 * time.Millisecond):
					}
					if _, err := w.Write([]byte("<")); err != nil {
						return
					}
					rc.Flush()
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stop := make(chan struct{})
			srv := newServer(t, tt.handler(stop))
			t.Cleanup(func() { close(stop) }) // runs before srv.Close
			c := newClient(t, Options{AllowAddr: only(srv), Timeout: timeout})
			start := time.Now()
			_, err := c.Get(context.Background(), Request{URL: srv.URL})
			elapsed := time.Since(start)
			if !errors.Is(err, ErrTimeout) {
				t.Fatalf("error = %v, want ErrTimeout", err)
			}
			if elapsed < timeout-50*time.Millisecond || elapsed > timeout+time.Second {
				t.Errorf("failed after %v, want about %v", elapsed, timeout)
			}
		})
	}
}

func TestGetCanceled(t *testing.T) {
	stop := make(chan struct{})
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	})
	t.Cleanup(func() { close(stop) })
	c := newClient(t, Options{AllowAddr: only(srv), Timeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Get(ctx, Request{URL: srv.URL})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeout) {
		t.Errorf("error = %v, want the caller's context.DeadlineExceeded, not ErrTimeout", err)
	}
}

// redirector serves /hop/N as a redirect to the next path in chain, or 200
// at the end.
func redirector(t *testing.T, codes []int, next func(i int) string) *hitServer {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &i); err != nil {
			t.Errorf("unexpected path %q", r.URL.Path)
			return
		}
		if i >= len(codes) {
			io.WriteString(w, feedXML)
			return
		}
		http.Redirect(w, r, next(i), codes[i])
	})
}

func TestGetRedirectPermanence(t *testing.T) {
	tests := []struct {
		name      string
		codes     []int
		permanent bool
	}{
		{"no redirect", nil, false},
		{"301", []int{301}, true},
		{"308", []int{308}, true},
		{"301 then 308", []int{301, 308}, true},
		{"302", []int{302}, false},
		{"307", []int{307}, false},
		{"303", []int{303}, false},
		{"301 then 302", []int{301, 302}, false},
		{"307 then 301", []int{307, 301}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := redirector(t, tt.codes, func(i int) string { return fmt.Sprintf("/hop/%d", i+1) })
			c := newClient(t, Options{AllowAddr: only(srv)})
			resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/hop/0"})
			if err != nil {
				t.Fatal(err)
			}
			final := fmt.Sprintf("%s/hop/%d", srv.URL, len(tt.codes))
			if resp.FinalURL != final {
				t.Errorf("FinalURL = %q, want %q", resp.FinalURL, final)
			}
			want := ""
			if tt.permanent {
				want = final
			}
			if resp.Permanent != want {
				t.Errorf("Permanent = %q, want %q", resp.Permanent, want)
			}
			if got, want := srv.hits.Load(), int64(len(tt.codes)+1); got != want {
				t.Errorf("server hits = %d, want %d", got, want)
			}
		})
	}
}

func TestGetRedirectLimits(t *testing.T) {
	twenty := make([]int, 20)
	for i := range twenty {
		twenty[i] = http.StatusFound
	}
	tests := []struct {
		name     string
		codes    []int
		next     func(i int) string
		max      int
		err      error
		wantHits int64
	}{
		{"loop A to B to A", []int{302, 302, 302}, func(i int) string { return fmt.Sprintf("/hop/%d", (i+1)%2) }, 0, ErrTooManyRedirects, 2},
		{"self loop", []int{301}, func(int) string { return "/hop/0" }, 0, ErrTooManyRedirects, 1},
		{"20-hop chain", twenty, func(i int) string { return fmt.Sprintf("/hop/%d", i+1) }, 0, ErrTooManyRedirects, 6},
		{"5 hops is fine", twenty[:5], func(i int) string { return fmt.Sprintf("/hop/%d", i+1) }, 0, nil, 6},
		{"limit 2", twenty[:3], func(i int) string { return fmt.Sprintf("/hop/%d", i+1) }, 2, ErrTooManyRedirects, 3},
		{"no redirects", twenty[:1], func(i int) string { return fmt.Sprintf("/hop/%d", i+1) }, -1, ErrTooManyRedirects, 1},
		{"to ftp", []int{302}, func(int) string { return "ftp://example.com/feed" }, 0, ErrScheme, 1},
		{"to file", []int{301}, func(int) string { return "file:///etc/passwd" }, 0, ErrScheme, 1},
		{"to javascript", []int{302}, func(int) string { return "javascript:alert(1)" }, 0, ErrScheme, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := redirector(t, tt.codes, tt.next)
			c := newClient(t, Options{AllowAddr: only(srv), MaxRedirects: tt.max})
			_, err := c.Get(context.Background(), Request{URL: srv.URL + "/hop/0"})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if got := srv.hits.Load(); got != tt.wantHits {
				t.Errorf("server hits = %d, want %d", got, tt.wantHits)
			}
		})
	}
}

func TestGetStatusErrors(t *testing.T) {
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC) // mediation began
	tests := []struct {
		code       int
		retryAfter string
		want       time.Duration
	}{
		{429, "120", 120 * time.Second},
		{503, "120", 120 * time.Second},
		{429, now.Add(10 * time.Minute).Format(http.TimeFormat), 10 * time.Minute},
		{503, "31536000", MaxRetryAfter},
		{429, "-5", 0},
		{503, "abc", 0},
		{429, "", 0},
		{500, "120", 0}, // Retry-After counts only for 429 and 503
		{404, "", 0},
		{410, "", 0},
		{300, "", 0}, // a 3xx without Location is not followed
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %q", tt.code, tt.retryAfter), func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.code)
				io.WriteString(w, "come back later")
			})
			c := newClient(t, Options{AllowAddr: only(srv), Now: func() time.Time { return now }})
			resp, err := c.Get(context.Background(), Request{URL: srv.URL})
			if resp != nil {
				t.Errorf("Response = %+v, want nil", resp)
			}
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want a *StatusError", err)
			}
			if se.Code != tt.code || se.RetryAfter != tt.want {
				t.Errorf("StatusError = %+v, want Code %d, RetryAfter %v", *se, tt.code, tt.want)
			}
			if want := "fetch: GET " + srv.URL + ": HTTP "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error = %q, want prefix %q", err, want)
			}
		})
	}
}

// TestGetRefusesLoopback tries loopback in its many spellings with the
// default policy: every request must be refused before it connects.
func TestGetRefusesLoopback(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
	c := newClient(t, Options{}) // default policy; DNS lookups fail the test
	p := srv.port()
	for _, host := range []string{
		"127.0.0.1", "localhost", "LOCALHOST.", "feeds.localhost", "[::1]", "2130706433", "0x7f.1", "127.1",
		"0177.0.0.1", "[::ffff:127.0.0.1]", "0.0.0.0", "0", "[::]", "[0:0:0:0:0:ffff:7f00:1]",
	} {
		raw := "http://" + host + ":" + p + "/feed"
		_, err := c.Get(context.Background(), Request{URL: raw})
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("Get(%s) error = %v, want ErrBlocked", raw, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "allow_private_networks") {
			t.Errorf("Get(%s) error = %q, want it to say how to allow private networks", raw, msg)
		}
	}
	if got := srv.hits.Load(); got != 0 {
		t.Errorf("server hits = %d, want 0", got)
	}
}

func TestGetHostnameResolvingToLoopback(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, feedXML) })
	url := "http://news.example.com:" + srv.port() + "/feed"
	tests := []struct {
		name    string
		answers []string
		opts    Options
		err     error
		hits    int64
	}{
		{"loopback", []string{"127.0.0.1"}, Options{}, ErrBlocked, 0},
		{"public and loopback", []string{"8.8.8.8 127.0.0.1"}, Options{}, ErrBlocked, 0},
		{"mapped loopback", []string{"::ffff:127.0.0.1"}, Options{}, ErrBlocked, 0},
		{"private", []string{"10.1.2.3"}, Options{}, ErrBlocked, 0},
		{"allowed private", []string{"127.0.0.1"}, Options{AllowPrivate: true}, nil, 1},
		{"allowed address", []string{"127.0.0.1"}, Options{AllowAddr: only(srv)}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.hits.Store(0)
			res := newResolver(t).answer("news.example.com", tt.answers...)
			tt.opts.Resolver = res
			c := newClient(t, tt.opts)
			c.dialAddr = loopbackOnly(t, c.dialAddr)
			_, err := c.Get(context.Background(), Request{URL: url})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if got := srv.hits.Load(); got != tt.hits {
				t.Errorf("server hits = %d, want %d", got, tt.hits)
			}
			if got := res.count("news.example.com"); got != 1 {
				t.Errorf("lookups = %d, want 1", got)
			}
		})
	}
}

// loopbackOnly wraps a dialer so that a test can never connect beyond
// loopback: any other address is a test failure and is not dialed.
func loopbackOnly(t *testing.T, dial func(context.Context, string, netip.AddrPort) (net.Conn, error)) func(context.Context, string, netip.AddrPort) (net.Conn, error) {
	return func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
		if !ap.Addr().IsLoopback() {
			t.Errorf("dial %s: a test must not leave loopback", ap)
			return nil, errors.New("test: refusing to dial beyond loopback")
		}
		return dial(ctx, network, ap)
	}
}

// TestGetDNSRebinding checks that each connection resolves its host once and
// dials exactly what it checked: the first answer is public, every later one
// loopback, as a rebinding attacker would arrange it.
func TestGetDNSRebinding(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, feedXML) })
	res := newResolver(t).answer("rebind.example.com", "93.184.215.14", "127.0.0.1")
	c := newClient(t, Options{Resolver: res})
	var mu sync.Mutex
	var dialed []netip.AddrPort
	c.dialAddr = func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, ap)
		mu.Unlock()
		return nil, errors.New("test: not dialing beyond loopback")
	}
	url := "http://rebind.example.com:" + srv.port() + "/feed"

	// First request: the checked public answer is what would be dialed.
	if _, err := c.Get(context.Background(), Request{URL: url}); err == nil || errors.Is(err, ErrBlocked) {
		t.Fatalf("first Get error = %v, want the test dialer's refusal", err)
	}
	// Second request: the answer is now loopback and is refused before dialing.
	if _, err := c.Get(context.Background(), Request{URL: url}); !errors.Is(err, ErrBlocked) {
		t.Fatalf("second Get error = %v, want ErrBlocked", err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := netip.MustParseAddrPort("93.184.215.14:" + srv.port())
	if len(dialed) != 1 || dialed[0] != want {
		t.Errorf("dialed %v, want only [%v]", dialed, want)
	}
	if got := res.count("rebind.example.com"); got != 2 {
		t.Errorf("lookups = %d, want 2 (one per connection)", got)
	}
	if got := srv.hits.Load(); got != 0 {
		t.Errorf("server hits = %d, want 0", got)
	}
}

func TestGetRedirectToOtherLoopbackServer(t *testing.T) {
	second := newServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, feedXML) })
	tests := []struct {
		name     string
		location string
	}{
		{"plain", second.URL + "/feed"},
		{"obfuscated", "http://0x7f.1:" + second.port() + "/feed"},
		{"localhost", "http://localhost:" + second.port() + "/feed"},
		{"mapped v6", "http://[::ffff:127.0.0.1]:" + second.port() + "/feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tt.location, http.StatusMovedPermanently)
			})
			c := newClient(t, Options{AllowAddr: only(first)})
			_, err := c.Get(context.Background(), Request{URL: first.URL + "/feed"})
			if !errors.Is(err, ErrBlocked) {
				t.Fatalf("error = %v, want ErrBlocked", err)
			}
			if got := first.hits.Load(); got != 1 {
				t.Errorf("first server hits = %d, want 1", got)
			}
			if got := second.hits.Load(); got != 0 {
				t.Errorf("second server hits = %d, want 0", got)
			}
		})
	}
}

func TestGetCredentials(t *testing.T) {
	type seen struct{ auth, referer string }
	var mu sync.Mutex
	got := map[string]seen{}
	record := func(name string, r *http.Request) {
		mu.Lock()
		got[name] = seen{r.Header.Get("Authorization"), r.Header.Get("Referer")}
		mu.Unlock()
	}
	other := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		record("other", r)
		io.WriteString(w, feedXML)
	})
	home := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		record(r.URL.Path, r)
		switch r.URL.Path {
		case "/start":
			http.Redirect(w, r, "/moved?token=abc", http.StatusMovedPermanently)
		case "/moved":
			http.Redirect(w, r, other.URL+"/feed", http.StatusFound)
		case "/stay":
			http.Redirect(w, r, "/final", http.StatusPermanentRedirect)
		default:
			io.WriteString(w, feedXML)
		}
	})
	c := newClient(t, Options{AllowAddr: only(home, other)})
	withCreds := "http://reader:s3cret@" + strings.TrimPrefix(home.URL, "http://")

	resp, err := c.Get(context.Background(), Request{URL: withCreds + "/start"})
	if err != nil {
		t.Fatal(err)
	}
	wantAuth := "Basic cmVhZGVyOnMzY3JldA==" // reader:s3cret
	mu.Lock()
	if g := got["/start"].auth; g != wantAuth {
		t.Errorf("first hop Authorization = %q, want %q", g, wantAuth)
	}
	if g := got["/moved"].auth; g != wantAuth {
		t.Errorf("same-origin hop Authorization = %q, want %q", g, wantAuth)
	}
	if g := got["other"]; g.auth != "" || g.referer != "" {
		t.Errorf("other host got Authorization %q, Referer %q; want neither", g.auth, g.referer)
	}
	mu.Unlock()
	if want := other.URL + "/feed"; resp.FinalURL != want || resp.Permanent != "" {
		t.Errorf("FinalURL, Permanent = %q, %q; want %q, \"\"", resp.FinalURL, resp.Permanent, want)
	}

	// A same-origin permanent move keeps the credentials in FinalURL.
	resp, err = c.Get(context.Background(), Request{URL: withCreds + "/stay"})
	if err != nil {
		t.Fatal(err)
	}
	if want := withCreds + "/final"; resp.FinalURL != want || resp.Permanent != want {
		t.Errorf("FinalURL, Permanent = %q, %q; want %q for both", resp.FinalURL, resp.Permanent, want)
	}
}

func TestErrorsHideCredentials(t *testing.T) {
	stop := make(chan struct{})
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/500":
			w.WriteHeader(500)
		case "/loop":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case "/loop2":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/slow":
			select {
			case <-stop:
			case <-r.Context().Done():
			}
		case "/big":
			w.Write(make([]byte, 2000))
		case "/ftp":
			http.Redirect(w, r, "ftp://user:s3cret@example.com/", http.StatusFound)
		}
	})
	t.Cleanup(func() { close(stop) })
	hostPort := strings.TrimPrefix(srv.URL, "http://")
	allowed := newClient(t, Options{AllowAddr: only(srv), Timeout: 200 * time.Millisecond, MaxBody: 1000})
	strict := newClient(t, Options{})
	open := newClient(t, Options{AllowPrivate: true, Timeout: 2 * time.Second})
	tests := []struct {
		name string
		c    *Client
		url  string
	}{
		{"blocked", strict, "http://reader:s3cret@" + hostPort + "/"},
		{"status", allowed, "http://reader:s3cret@" + hostPort + "/500"},
		{"loop", allowed, "http://reader:s3cret@" + hostPort + "/loop"},
		{"timeout", allowed, "http://reader:s3cret@" + hostPort + "/slow"},
		{"too large", allowed, "http://reader:s3cret@" + hostPort + "/big"},
		{"bad redirect", allowed, "http://reader:s3cret@" + hostPort + "/ftp"},
		{"scheme", allowed, "ftp://reader:s3cret@" + hostPort + "/"},
		{"bad port", allowed, "http://reader:s3cret@127.0.0.1:0/"},
		{"unparseable", allowed, "http://reader:s3cret@%zz/"},
		{"refused connection", open, "http://reader:s3cret@127.0.0.1:1/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.Get(context.Background(), Request{URL: tt.url})
			if err == nil {
				t.Fatal("error = nil, want one")
			}
			msg := err.Error()
			if strings.Contains(msg, "s3cret") {
				t.Errorf("error %q shows the password", msg)
			}
			if !strings.HasPrefix(msg, "fetch: GET ") {
				t.Errorf("error %q, want prefix %q", msg, "fetch: GET ")
			}
			t.Logf("%s", msg)
		})
	}
}

func TestGetRefusesSchemes(t *testing.T) {
	c := newClient(t, Options{})
	for _, raw := range []string{
		"file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://example.com/", "javascript:alert(1)", "", "http:///x",
	} {
		if _, err := c.Get(context.Background(), Request{URL: raw}); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%q) error = %v, want ErrScheme", raw, err)
		}
	}
}

func TestGetTLSAndHTTP2(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "HTTP/%d", r.ProtoMajor)
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	ap := netip.MustParseAddrPort(srv.Listener.Addr().String())
	c := newClient(t, Options{
		AllowAddr: func(a netip.AddrPort) bool { return a == ap },
		TLSConfig: &tls.Config{RootCAs: pool},
	})
	resp, err := c.Get(context.Background(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(resp.Body), "HTTP/2"; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
}

func TestGetConcurrent(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"same"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, []byte(feedXML)))
	})
	c := newClient(t, Options{AllowAddr: only(srv)})
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			etag := ""
			if i%2 == 0 {
				etag = `"same"`
			}
			resp, err := c.Get(context.Background(), Request{URL: srv.URL, ETag: etag})
			if err != nil {
				t.Error(err)
				return
			}
			if resp.NotModified != (etag != "") {
				t.Errorf("NotModified = %v with ETag %q", resp.NotModified, etag)
			}
		})
	}
	wg.Wait()
	if got := srv.hits.Load(); got != 32 {
		t.Errorf("server hits = %d, want 32", got)
	}
}
