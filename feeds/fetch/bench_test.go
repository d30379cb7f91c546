package fetch

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkGet measures one poll of a feed on a loopback server over a
// pooled keep-alive connection: a 304 (the common case for a polite feed)
// and a 200 with a small body, plain and gzipped.
func BenchmarkGet(b *testing.B) {
	body := strings.Repeat(feedXML, 10) // about 1.6 KB
	gz := gzipped(b, []byte(body))
	srv := newServer(b, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Header.Get("If-None-Match") == `"v1"`:
			w.WriteHeader(http.StatusNotModified)
		case r.URL.Path == "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz)
		default:
			w.Header().Set("ETag", `"v1"`)
			io.WriteString(w, body)
		}
	})
	c := newClient(b, Options{AllowAddr: only(srv)})
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		req  Request
	}{
		{"304", Request{URL: srv.URL + "/feed", ETag: `"v1"`}},
		{"200", Request{URL: srv.URL + "/feed"}},
		{"200gzip", Request{URL: srv.URL + "/gzip"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Get(ctx, bc.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
