package fetch

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

// TestIsPublic only classifies addresses; none of them is dialed.
func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		// IPv4 that is not public.
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"10.0.0.1", false},
		{"10.255.255.255", false},
		{"100.64.0.1", false},
		{"100.127.255.255", false},
		{"127.0.0.1", false},
		{"127.255.255.254", false},
		{"169.254.169.254", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.0.0.8", false},
		{"192.0.2.1", false},
		{"192.88.99.1", false},
		{"192.168.1.1", false},
		{"198.18.0.1", false},
		{"198.19.255.255", false},
		{"198.51.100.1", false},
		{"203.0.113.1", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
		// IPv4 that is public, including the neighbours of the ranges above.
		{"8.8.8.8", true},
		{"1.1.1.1", true},
		{"9.255.255.255", true},
		{"11.0.0.0", true},
		{"100.63.255.255", true},
		{"100.128.0.0", true},
		{"126.255.255.255", true},
		{"128.0.0.0", true},
		{"169.253.255.255", true},
		{"172.15.255.255", true},
		{"172.32.0.0", true},
		{"192.0.3.1", true},
		{"192.167.255.255", true},
		{"192.169.0.0", true},
		{"198.17.255.255", true},
		{"198.20.0.0", true},
		{"223.255.255.255", true},
		// IPv6 that is not public.
		{"::", false},
		{"::1", false},
		{"::127.0.0.1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:169.254.169.254", false},
		{"::ffff:0:7f00:1", false},
		{"64:ff9b::7f00:1", false},
		{"64:ff9b::a00:1", false},
		{"64:ff9b::a9fe:a9fe", false},
		{"64:ff9b:1::808:808", false},
		{"100::1", false},
		{"2001::1", false},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", false},
		{"2001:2::1", false},
		{"2001:db8::1", false},
		{"2002:7f00:1::1", false},
		{"2002:c0a8:101::1", false},
		{"3fff::1", false},
		{"fc00::1", false},
		{"fd00::1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fec0::1", false},
		{"ff02::1", false},
		// IPv6 that is public.
		{"2606:4700::1", true},
		{"2001:4860:4860::8888", true},
		{"2001:200::1", true},
		{"2a00:1450:4001::1", true},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::808:808", true},
		{"2002:808:808::1", true},
	}
	for _, tt := range tests {
		if got := IsPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("IsPublic(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
	if IsPublic(netip.Addr{}) {
		t.Errorf("IsPublic(zero Addr) = true, want false")
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		raw  string
		want string // the URL returned, when no error
		err  error
	}{
		{raw: "http://example.com/feed", want: "http://example.com/feed"},
		{raw: "HTTPS://news.example.org/rss?x=1", want: "https://news.example.org/rss?x=1"},
		{raw: "http://user:pw@example.com/", want: "http://user:pw@example.com/"},
		{raw: "http://example.com./", want: "http://example.com./"},
		{raw: "http://[::1]:8080/", want: "http://[::1]:8080/"},
		{raw: "http://[::ffff:127.0.0.1]/", want: "http://[::ffff:127.0.0.1]/"},
		{raw: "http://127.0.0.1:8080/", want: "http://127.0.0.1:8080/"},
		{raw: "http://2130706433:8080/x", want: "http://127.0.0.1:8080/x"},
		{raw: "http://0x7f.1/", want: "http://127.0.0.1/"},
		{raw: "http://127.1/", want: "http://127.0.0.1/"},
		{raw: "http://0177.0.0.1/", want: "http://127.0.0.1/"},
		{raw: "http://0x7F000001/", want: "http://127.0.0.1/"},
		{raw: "http://127.0.0.1./", want: "http://127.0.0.1/"},
		{raw: "http://4294967295/", want: "http://255.255.255.255/"},
		{raw: "http://0/", want: "http://0.0.0.0/"},
		{raw: "http://1.2.3.x/", want: "http://1.2.3.x/"},

		{raw: "file:///etc/passwd", err: ErrScheme},
		{raw: "ftp://example.com/feed.xml", err: ErrScheme},
		{raw: "gopher://example.com/", err: ErrScheme},
		{raw: "javascript:alert(1)", err: ErrScheme},
		{raw: "data:text/plain,hello", err: ErrScheme},
		{raw: "mailto:someone@example.com", err: ErrScheme},
		{raw: "http:///feed", err: ErrScheme},
		{raw: "http:example.com", err: ErrScheme},
		{raw: "//example.com/feed", err: ErrScheme},
		{raw: "example.com/feed", err: ErrScheme},
		{raw: "", err: ErrScheme},
		{raw: "http://:80/", err: ErrScheme},

		{raw: "http://example.com:0/", err: ErrInvalidURL},
		{raw: "http://example.com:99999/", err: ErrInvalidURL},
		{raw: "http://example.com:abc/", err: ErrInvalidURL},
		{raw: "http://1.2.3.4.5/", err: ErrInvalidURL},
		{raw: "http://256.1.1.1/", err: ErrInvalidURL},
		{raw: "http://4294967296/", err: ErrInvalidURL},
		{raw: "http://0x100000000/", err: ErrInvalidURL},
		{raw: "http://1..1/", err: ErrInvalidURL},
		{raw: "http://08/", err: ErrInvalidURL},
		{raw: "http://example.123/", err: ErrInvalidURL},
		{raw: "http://%zz/", err: ErrInvalidURL},
		{raw: "http://[::1/", err: ErrInvalidURL},
		{raw: "http://exa mple.com/", err: ErrInvalidURL},
		{raw: "http://example.com/\x00", err: ErrInvalidURL},
	}
	for _, tt := range tests {
		u, err := CheckURL(tt.raw)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("CheckURL(%q) error = %v, want %v", tt.raw, err, tt.err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "fetch: check ") {
				t.Errorf("CheckURL(%q) error = %q, want prefix %q", tt.raw, err, "fetch: check ")
			}
			continue
		}
		if err != nil {
			t.Errorf("CheckURL(%q) error = %v, want nil", tt.raw, err)
			continue
		}
		if got := u.String(); got != tt.want {
			t.Errorf("CheckURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestCheckURLHidesPassword(t *testing.T) {
	for _, raw := range []string{
		"ftp://user:s3cretpw@example.com/",
		"http://user:s3cretpw@example.com:0/",
		"http://user:s3cretpw@example.com:abc/",
		"http://user:s3cretpw@/feed",
		"http://user:s3cretpw@%zz/",
		"http://user:s3c/retpw@example.com/",
		"http://user:s3cretpw@[::1/",
		"http://user:s3cretpw@1.2.3.4.5/",
	} {
		_, err := CheckURL(raw)
		if err == nil {
			t.Errorf("CheckURL(%q) = nil error, want one", raw)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "s3cretpw") || strings.Contains(msg, "retpw") {
			t.Errorf("CheckURL(%q) error %q shows the password", raw, msg)
		}
	}
}

func TestParseIPv4Loose(t *testing.T) {
	tests := []struct {
		host        string
		want        string
		ok, numeric bool
	}{
		{"127.0.0.1", "127.0.0.1", true, true},
		{"2130706433", "127.0.0.1", true, true},
		{"0x7f.1", "127.0.0.1", true, true},
		{"0x7f.0.1", "127.0.0.1", true, true},
		{"127.1", "127.0.0.1", true, true},
		{"017700000001", "127.0.0.1", true, true},
		{"0x", "0.0.0.0", true, true},
		{"10.0x10000", "10.1.0.0", true, true},
		{"10.0x1000000", "", false, true},
		{"10.0xffffff", "10.255.255.255", true, true},
		{"1.2.3.256", "", false, true},
		{"09.1.1.1", "", false, true},
		{"a.1", "", false, true},
		{"example.com", "", false, false},
		{"1.2.3.x", "", false, false},
		{"0xg", "", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		a, ok, numeric := parseIPv4Loose(tt.host)
		got := ""
		if ok {
			got = a.String()
		}
		if got != tt.want || ok != tt.ok || numeric != tt.numeric {
			t.Errorf("parseIPv4Loose(%q) = %q, %v, %v; want %q, %v, %v", tt.host, got, ok, numeric, tt.want, tt.ok, tt.numeric)
		}
	}
}

func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{
		"http://example.com/feed", "https://[::1]:443/", "http://2130706433/", "http://0x7f.1/",
		"file:///etc/passwd", "javascript:alert(1)", "http://user:pw@host/", "http://%zz/",
		"http://1.2.3.4.5/", "http://[fe80::1%25eth0]/", "example.com:80", "",
	} {
		f.Add(s)
	}
	const secret = "Zq9SecretPw"
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := CheckURL(raw)
		if err != nil {
			if !errors.Is(err, ErrScheme) && !errors.Is(err, ErrInvalidURL) {
				t.Fatalf("CheckURL(%q) error %v is neither ErrScheme nor ErrInvalidURL", raw, err)
			}
		} else {
			if u.Scheme != "http" && u.Scheme != "https" {
				t.Fatalf("CheckURL(%q) scheme = %q", raw, u.Scheme)
			}
			if u.Hostname() == "" {
				t.Fatalf("CheckURL(%q) has no host", raw)
			}
			// Checking the result again must accept it unchanged.
			again, err := CheckURL(u.String())
			if err != nil {
				t.Fatalf("CheckURL(%q) = %q, which CheckURL refuses: %v", raw, u, err)
			}
			if again.Host != u.Host {
				t.Fatalf("CheckURL(%q) host %q, then %q", raw, u.Host, again.Host)
			}
		}
		if strings.Contains(raw, secret) {
			return
		}
		withCreds := "http://user:" + secret + "@" + raw
		if _, err := CheckURL(withCreds); err != nil && strings.Contains(err.Error(), secret) {
			t.Fatalf("CheckURL(%q) error %q shows the password", withCreds, err)
		}
	})
}
