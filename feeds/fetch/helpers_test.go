package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// hitServer is a loopback test server that counts the requests it receives.
type hitServer struct {
	*httptest.Server
	hits atomic.Int64
}

func newServer(tb testing.TB, h http.HandlerFunc) *hitServer {
	tb.Helper()
	s := &hitServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

// addrPort is the server's listening address, 127.0.0.1:port.
func (s *hitServer) addrPort() netip.AddrPort {
	return netip.MustParseAddrPort(s.Listener.Addr().String())
}

// port is the server's port as text.
func (s *hitServer) port() string {
	return s.URL[strings.LastIndex(s.URL, ":")+1:]
}

// only allows exactly the given servers' addresses.
func only(servers ...*hitServer) func(netip.AddrPort) bool {
	return func(ap netip.AddrPort) bool {
		for _, s := range servers {
			if ap == s.addrPort() {
				return true
			}
		}
		return false
	}
}

// fakeResolver answers from a table, one answer per call in turn (the last
// answer repeats), and fails the test on any name it does not know, so no
// test ever asks real DNS.
type fakeResolver struct {
	tb      testing.TB
	mu      sync.Mutex
	answers map[string][][]netip.Addr
	calls   map[string]int
}

func newResolver(tb testing.TB) *fakeResolver {
	return &fakeResolver{tb: tb, answers: map[string][][]netip.Addr{}, calls: map[string]int{}}
}

// answer adds the answers host gets, in order.
func (r *fakeResolver) answer(host string, answers ...string) *fakeResolver {
	for _, a := range answers {
		var addrs []netip.Addr
		for _, f := range strings.Fields(a) {
			addrs = append(addrs, netip.MustParseAddr(f))
		}
		r.answers[host] = append(r.answers[host], addrs)
	}
	return r
}

func (r *fakeResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls[host]++
	seq, ok := r.answers[host]
	if !ok {
		r.tb.Errorf("unexpected DNS lookup of %q", host)
		return nil, errors.New("test: no such host")
	}
	return seq[min(r.calls[host], len(seq))-1], nil
}

func (r *fakeResolver) count(host string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[host]
}

// newClient is New with a resolver that refuses unknown names, closing idle
// connections when the test ends.
func newClient(tb testing.TB, o Options) *Client {
	tb.Helper()
	if o.Resolver == nil {
		o.Resolver = newResolver(tb)
	}
	c := New(o)
	tb.Cleanup(c.CloseIdleConnections)
	return c
}
