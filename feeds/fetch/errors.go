package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Errors reported by [Client.Get] and [CheckURL], always wrapped in an error
// that names the redacted URL; test for them with errors.Is.
var (
	// ErrBlocked means the host resolved to an address that is not public
	// (loopback, private, link-local, …) and the client's policy does not
	// allow it. The wrapping error names the address and how to allow
	// private networks.
	ErrBlocked = errors.New("fetch: address not allowed")

	// ErrScheme means the URL is not http or https, or has no host.
	ErrScheme = errors.New("fetch: only http and https URLs with a host are allowed")

	// ErrInvalidURL means the URL could not be parsed, or its host is
	// ambiguous (a numeric host that is not a valid IPv4 address).
	ErrInvalidURL = errors.New("fetch: invalid URL")

	// ErrTooLarge means the response body, after decompression, is larger
	// than the client's MaxBody.
	ErrTooLarge = errors.New("fetch: response body too large")

	// ErrTooManyRedirects means the redirect chain was longer than
	// MaxRedirects or came back to a URL it had already visited.
	ErrTooManyRedirects = errors.New("fetch: too many redirects")

	// ErrTimeout means the whole request, body included, did not finish
	// within the client's Timeout.
	ErrTimeout = errors.New("fetch: timed out")

	// ErrEncoding means the server used a Content-Encoding the client
	// cannot decode, or sent a corrupt compressed body.
	ErrEncoding = errors.New("fetch: bad content encoding")
)

// MaxRetryAfter is the longest delay [ParseRetryAfter] reports; longer
// delays are clamped to it.
const MaxRetryAfter = 24 * time.Hour

// StatusError reports a response whose status was neither 2xx nor 304.
//
// RetryAfter is the server's Retry-After delay for 429 and 503 responses,
// clamped to [MaxRetryAfter]; it is 0 when the header was absent or
// unusable, and for every other status.
type StatusError struct {
	Code       int
	RetryAfter time.Duration
}

// Error returns text such as "HTTP 503 Service Unavailable (retry after 2m0s)".
func (e *StatusError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d", e.Code)
	if t := http.StatusText(e.Code); t != "" {
		b.WriteString(" " + t)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	return b.String()
}

// ParseRetryAfter interprets the value of a Retry-After header received at
// now. The value is either a whole number of seconds or an HTTP-date. It
// reports false for an empty, negative or malformed value. A date in the past
// yields 0 and true; delays longer than [MaxRetryAfter] are clamped to it.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		// Count seconds without overflowing: anything past the clamp is the clamp.
		const maxSecs = int64(MaxRetryAfter / time.Second)
		var secs int64
		for i := 0; i < len(v); i++ {
			secs = secs*10 + int64(v[i]-'0')
			if secs > maxSecs {
				return MaxRetryAfter, true
			}
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	switch {
	case d < 0:
		return 0, true
	case d > MaxRetryAfter:
		return MaxRetryAfter, true
	}
	return d, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
