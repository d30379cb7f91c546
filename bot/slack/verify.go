package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The headers Slack signs requests with.
const (
	HeaderTimestamp = "X-Slack-Request-Timestamp"
	HeaderSignature = "X-Slack-Signature"
)

// MaxSkew is how far a request's timestamp may be from now, in the past or
// in the future, for Verify to accept it.
const MaxSkew = 5 * time.Minute

// Errors returned by Verify. None of them, nor any error this package
// returns, ever contains a computed signature.
var (
	// ErrNoSecret means no signing secret is configured.
	ErrNoSecret = errors.New("slack: no signing secret configured")
	// ErrMissingTimestamp means the timestamp header is absent or empty.
	ErrMissingTimestamp = errors.New("slack: missing " + HeaderTimestamp)
	// ErrMissingSignature means the signature header is absent or empty.
	ErrMissingSignature = errors.New("slack: missing " + HeaderSignature)
	// ErrBadTimestamp means the timestamp is not a number of Unix seconds.
	ErrBadTimestamp = errors.New("slack: malformed request timestamp")
	// ErrStaleTimestamp means the timestamp is more than MaxSkew away from
	// now, either way: a replay, or a badly wrong clock.
	ErrStaleTimestamp = errors.New("slack: request timestamp outside the 5-minute window")
	// ErrBadSignature means the signature header is not "v0=" followed by
	// 64 hex digits.
	ErrBadSignature = errors.New("slack: malformed request signature")
	// ErrSignatureMismatch means the signature does not match the body.
	ErrSignatureMismatch = errors.New("slack: request signature does not match")
)

// Verify reports whether body, with its header, was signed by Slack with
// secret at a time within MaxSkew of now. It implements Slack's v0 scheme:
// X-Slack-Signature is "v0=" and the hex HMAC-SHA256, keyed with the
// signing secret, of "v0:" + X-Slack-Request-Timestamp + ":" + body. body
// must be the raw bytes as received, before any form or JSON parsing. The
// signature is compared in constant time. The error is one of the
// package's sentinel errors; it never contains the expected signature.
func Verify(now time.Time, header http.Header, body []byte, secret string) error {
	if secret == "" {
		return ErrNoSecret
	}
	ts := header.Get(HeaderTimestamp)
	if ts == "" {
		return ErrMissingTimestamp
	}
	sig := header.Get(HeaderSignature)
	if sig == "" {
		return ErrMissingSignature
	}
	if len(ts) > 12 {
		return ErrBadTimestamp
	}
	for i := 0; i < len(ts); i++ {
		if ts[i] < '0' || ts[i] > '9' {
			return ErrBadTimestamp
		}
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrBadTimestamp
	}
	if d := now.Sub(time.Unix(secs, 0)); d > MaxSkew || d < -MaxSkew {
		return ErrStaleTimestamp
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok || len(hexSig) != 2*sha256.Size {
		return ErrBadSignature
	}
	got := make([]byte, sha256.Size)
	if _, err := hex.Decode(got, []byte(hexSig)); err != nil {
		return ErrBadSignature
	}
	if !hmac.Equal(got, sign(secret, ts, body)) {
		return ErrSignatureMismatch
	}
	return nil
}

// sign returns the raw v0 HMAC of body at timestamp ts.
func sign(secret, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:"))
	m.Write([]byte(ts))
	m.Write([]byte(":"))
	m.Write(body)
	return m.Sum(nil)
}

// Sign returns the headers Slack would send with body at time at, signed
// with secret. It is for tests, load tests and tools that play Slack.
func Sign(at time.Time, body []byte, secret string) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	h := make(http.Header, 2)
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, "v0="+hex.EncodeToString(sign(secret, ts, body)))
	return h
}
