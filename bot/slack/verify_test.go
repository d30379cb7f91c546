package slack

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// Slack's published example of a signed request.
const (
	vectorSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	vectorTS     = 1531420618
	vectorBody   = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	vectorSig    = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func vectorHeader() http.Header {
	h := http.Header{}
	h.Set(HeaderTimestamp, strconv.Itoa(vectorTS))
	h.Set(HeaderSignature, vectorSig)
	return h
}

func TestVerifySlackVector(t *testing.T) {
	at := time.Unix(vectorTS, 0)
	tests := []struct {
		name string
		now  time.Time
		want error
	}{
		{"same second", at, nil},
		{"299 s later", at.Add(299 * time.Second), nil},
		{"300 s later", at.Add(300 * time.Second), nil},
		{"301 s later", at.Add(301 * time.Second), ErrStaleTimestamp},
		{"299 s earlier", at.Add(-299 * time.Second), nil},
		{"301 s earlier", at.Add(-301 * time.Second), ErrStaleTimestamp},
		{"a day later", at.Add(24 * time.Hour), ErrStaleTimestamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Verify(tt.now, vectorHeader(), []byte(vectorBody), vectorSecret)
			if !errors.Is(got, tt.want) {
				t.Errorf("Verify() = %v, want %v", got, tt.want)
			}
		})
	}
	if got := Sign(at, []byte(vectorBody), vectorSecret).Get(HeaderSignature); got != vectorSig {
		t.Errorf("Sign() = %s, want %s", got, vectorSig)
	}
}

func TestVerifyRefuses(t *testing.T) {
	now := time.Unix(vectorTS, 0)
	body := []byte(vectorBody)
	hexSig := strings.TrimPrefix(vectorSig, "v0=")
	tests := []struct {
		name     string
		ts, sig  string
		body     []byte
		secret   string
		want     error
		noHeader bool
	}{
		{name: "no secret", ts: "1531420618", sig: vectorSig, secret: "", want: ErrNoSecret},
		{name: "no timestamp", sig: vectorSig, want: ErrMissingTimestamp},
		{name: "no signature", ts: "1531420618", want: ErrMissingSignature},
		{name: "non-numeric timestamp", ts: "15314206x8", sig: vectorSig, want: ErrBadTimestamp},
		{name: "negative timestamp", ts: "-1531420618", sig: vectorSig, want: ErrBadTimestamp},
		{name: "huge timestamp", ts: "99999999999999999999", sig: vectorSig, want: ErrBadTimestamp},
		{name: "v1 prefix", ts: "1531420618", sig: "v1=" + hexSig, want: ErrBadSignature},
		{name: "no prefix", ts: "1531420618", sig: hexSig, want: ErrBadSignature},
		{name: "odd-length hex", ts: "1531420618", sig: vectorSig[:len(vectorSig)-1], want: ErrBadSignature},
		{name: "short hex", ts: "1531420618", sig: "v0=abcd", want: ErrBadSignature},
		{name: "not hex", ts: "1531420618", sig: "v0=" + strings.Repeat("zz", 32), want: ErrBadSignature},
		{name: "wrong secret", ts: "1531420618", sig: vectorSig, secret: "another-secret", want: ErrSignatureMismatch},
		{name: "body altered", ts: "1531420618", sig: vectorSig, body: append(bytes.Clone(body), ' '), want: ErrSignatureMismatch},
		{name: "timestamp altered", ts: "1531420619", sig: vectorSig, want: ErrSignatureMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.ts != "" {
				h.Set(HeaderTimestamp, tt.ts)
			}
			if tt.sig != "" {
				h.Set(HeaderSignature, tt.sig)
			}
			b := body
			if tt.body != nil {
				b = tt.body
			}
			secret := vectorSecret
			if tt.secret != "" || tt.want == ErrNoSecret {
				secret = tt.secret
			}
			got := Verify(now, h, b, secret)
			if !errors.Is(got, tt.want) {
				t.Fatalf("Verify() = %v, want %v", got, tt.want)
			}
			assertNoSignature(t, got.Error(), secret, tt.ts, b)
		})
	}
}

// assertNoSignature fails if text holds the signature Verify computed.
func assertNoSignature(t *testing.T, text, secret, ts string, body []byte) {
	t.Helper()
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	if sig := hex.EncodeToString(m.Sum(nil)); strings.Contains(strings.ToLower(text), sig) {
		t.Errorf("%q contains the computed signature", text)
	}
}

// TestVerifyAgreesWithSlackGo cross-checks Verify with slack-go's own
// verifier on fresh requests (slack-go reads the wall clock).
func TestVerifyAgreesWithSlackGo(t *testing.T) {
	bodies := []string{"", "a=b", vectorBody, `{"type":"event_callback","event_id":"Ev1"}`}
	for _, b := range bodies {
		for _, secret := range []string{vectorSecret, "other"} {
			now := time.Now()
			h := Sign(now, []byte(b), vectorSecret)
			ours := Verify(now, h, []byte(b), secret)
			sv, err := slack.NewSecretsVerifier(h, secret)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := sv.Write([]byte(b)); err != nil {
				t.Fatal(err)
			}
			theirs := sv.Ensure()
			if (ours == nil) != (theirs == nil) {
				t.Errorf("body %q secret %q: Verify() = %v, slack-go = %v", b, secret, ours, theirs)
			}
		}
	}
}

func FuzzVerify(f *testing.F) {
	f.Add("1531420618", vectorSig, []byte(vectorBody), int64(0))
	f.Add("1531420618", "v0=", []byte(""), int64(301))
	f.Add("abc", "v1=00", []byte("x"), int64(-5))
	f.Add("", "", []byte(nil), int64(0))
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte, skew int64) {
		now := time.Unix(vectorTS+skew%1000, 0)
		h := http.Header{}
		h.Set(HeaderTimestamp, ts)
		h.Set(HeaderSignature, sig)
		err := Verify(now, h, body, vectorSecret)
		if err == nil {
			m := hmac.New(sha256.New, []byte(vectorSecret))
			m.Write([]byte("v0:" + ts + ":"))
			m.Write(body)
			if !strings.EqualFold(sig, "v0="+hex.EncodeToString(m.Sum(nil))) {
				t.Fatalf("accepted a wrong signature %q", sig)
			}
			return
		}
		assertNoSignature(t, err.Error(), vectorSecret, ts, body)
	})
}
