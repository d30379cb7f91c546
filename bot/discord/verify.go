package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// The headers Discord signs interactions with.
const (
	HeaderSignature = "X-Signature-Ed25519"
	HeaderTimestamp = "X-Signature-Timestamp"
)

// MaxSkew is how far an interaction's timestamp may be from now, in the
// past or in the future, for Verify to accept it. Discord does not ask for
// this check; it bounds how long a captured request can be replayed.
const MaxSkew = 5 * time.Minute

// Errors returned by Verify and ParsePublicKey.
var (
	// ErrMissingSignature means the signature header is absent or empty.
	ErrMissingSignature = errors.New("discord: missing " + HeaderSignature)
	// ErrMissingTimestamp means the timestamp header is absent or empty.
	ErrMissingTimestamp = errors.New("discord: missing " + HeaderTimestamp)
	// ErrBadTimestamp means the timestamp is not a number of Unix seconds.
	ErrBadTimestamp = errors.New("discord: malformed signature timestamp")
	// ErrStaleTimestamp means the timestamp is more than MaxSkew away from
	// now, either way: a replay, or a badly wrong clock.
	ErrStaleTimestamp = errors.New("discord: signature timestamp outside the 5-minute window")
	// ErrBadSignature means the signature is not 128 hex digits.
	ErrBadSignature = errors.New("discord: malformed signature")
	// ErrSignatureMismatch means the signature does not match the body.
	ErrSignatureMismatch = errors.New("discord: signature does not match")
	// ErrBadPublicKey means a public key is not 64 hex digits.
	ErrBadPublicKey = errors.New("discord: public key is not 64 hex digits")
)

// ParsePublicKey parses the application's public key as the Developer
// Portal shows it (hex).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, ErrBadPublicKey
	}
	return ed25519.PublicKey(b), nil
}

// Verify reports whether body, with its header, was signed by Discord with
// the private half of key at a time within MaxSkew of now: the Ed25519
// signature in X-Signature-Ed25519 (hex) must sign X-Signature-Timestamp
// followed by the raw body. body must be the bytes as received, before any
// JSON parsing. The error is one of the package's sentinel errors.
func Verify(now time.Time, header http.Header, body []byte, key ed25519.PublicKey) error {
	sig := header.Get(HeaderSignature)
	if sig == "" {
		return ErrMissingSignature
	}
	ts := header.Get(HeaderTimestamp)
	if ts == "" {
		return ErrMissingTimestamp
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
	if len(sig) != 2*ed25519.SignatureSize {
		return ErrBadSignature
	}
	raw := make([]byte, ed25519.SignatureSize)
	if _, err := hex.Decode(raw, []byte(sig)); err != nil {
		return ErrBadSignature
	}
	if len(key) != ed25519.PublicKeySize {
		return ErrBadPublicKey
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(key, msg, raw) {
		return ErrSignatureMismatch
	}
	return nil
}

// Sign returns the headers Discord would send with body at time at,
// signed with priv. It is for tests, load tests and tools that play
// Discord.
func Sign(at time.Time, body []byte, priv ed25519.PrivateKey) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	msg := append([]byte(ts), body...)
	h := make(http.Header, 2)
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, hex.EncodeToString(ed25519.Sign(priv, msg)))
	return h
}

// keyError wraps ErrBadPublicKey with the setting's name for the
// operator.
func keyError(err error) error { return fmt.Errorf("discord.public_key: %w", err) }
