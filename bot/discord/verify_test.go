package discord

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func newKey(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func TestVerify(t *testing.T) {
	pub, priv := newKey(t)
	_, otherPriv := newKey(t)
	now := time.Unix(1_750_000_000, 0)
	body := []byte(`{"type":1}`)
	good := Sign(now, body, priv)
	with := func(k, v string) http.Header {
		h := good.Clone()
		if v == "" {
			h.Del(k)
		} else {
			h.Set(k, v)
		}
		return h
	}
	sig := good.Get(HeaderSignature)
	flipped := []byte(sig)
	if flipped[0] == '0' {
		flipped[0] = '1'
	} else {
		flipped[0] = '0'
	}
	tests := []struct {
		name   string
		at     time.Time
		header http.Header
		body   []byte
		want   error
	}{
		{"valid", now, good, body, nil},
		{"valid at the window's edge", now.Add(MaxSkew), good, body, nil},
		{"stale", now.Add(MaxSkew + time.Second), good, body, ErrStaleTimestamp},
		{"from the future", now.Add(-MaxSkew - time.Second), good, body, ErrStaleTimestamp},
		{"wrong key", now, Sign(now, body, otherPriv), body, ErrSignatureMismatch},
		{"tampered body", now, good, []byte(`{"type":2}`), ErrSignatureMismatch},
		{"extra space", now, good, []byte(`{"type":1} `), ErrSignatureMismatch},
		{"flipped signature", now, with(HeaderSignature, string(flipped)), body, ErrSignatureMismatch},
		{"timestamp changed", now, with(HeaderTimestamp, strconv.FormatInt(now.Unix()-1, 10)), body, ErrSignatureMismatch},
		{"no signature", now, with(HeaderSignature, ""), body, ErrMissingSignature},
		{"no timestamp", now, with(HeaderTimestamp, ""), body, ErrMissingTimestamp},
		{"no headers", now, http.Header{}, body, ErrMissingSignature},
		{"timestamp not a number", now, with(HeaderTimestamp, "12a"), body, ErrBadTimestamp},
		{"timestamp negative", now, with(HeaderTimestamp, "-1"), body, ErrBadTimestamp},
		{"timestamp huge", now, with(HeaderTimestamp, strings.Repeat("9", 40)), body, ErrBadTimestamp},
		{"signature odd length", now, with(HeaderSignature, sig[:127]), body, ErrBadSignature},
		{"signature not hex", now, with(HeaderSignature, strings.Repeat("zz", 64)), body, ErrBadSignature},
		{"signature short", now, with(HeaderSignature, sig[:64]), body, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Verify(tt.at, tt.header, tt.body, pub); !errors.Is(err, tt.want) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _ := newKey(t)
	got, err := ParsePublicKey(hex.EncodeToString(pub))
	if err != nil || !got.Equal(pub) {
		t.Fatalf("ParsePublicKey = %x, %v", got, err)
	}
	for _, bad := range []string{"", "abc", strings.Repeat("ab", 31), strings.Repeat("zz", 32), strings.Repeat("ab", 33)} {
		if _, err := ParsePublicKey(bad); !errors.Is(err, ErrBadPublicKey) {
			t.Errorf("ParsePublicKey(%q): %v", bad, err)
		}
	}
}

func FuzzVerify(f *testing.F) {
	pub, priv := newKey(f)
	now := time.Unix(1_750_000_000, 0)
	body := []byte(`{"type":1}`)
	h := Sign(now, body, priv)
	f.Add(h.Get(HeaderSignature), h.Get(HeaderTimestamp), body)
	f.Add("", "", []byte{})
	f.Add(strings.Repeat("0", 128), "1750000000", []byte("x"))
	f.Fuzz(func(t *testing.T, sig, ts string, b []byte) {
		hh := http.Header{}
		hh.Set(HeaderSignature, sig)
		hh.Set(HeaderTimestamp, ts)
		err := Verify(now, hh, b, pub)
		if err == nil && (!strings.EqualFold(sig, h.Get(HeaderSignature)) || ts != h.Get(HeaderTimestamp) || string(b) != string(body)) {
			// Ed25519 signatures are not malleable in Go's verifier: only
			// the signed message with its signature passes.
			t.Fatalf("accepted a forged request: sig %q ts %q body %q", sig, ts, b)
		}
	})
}
