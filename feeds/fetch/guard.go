package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/strikebot/strikebot/strike"
)

// Resolver looks up the addresses of a host. *net.Resolver implements it;
// tests inject their own to simulate hostnames that resolve to loopback or
// change their answer between lookups (DNS rebinding).
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// IsPublic reports whether a is a globally reachable unicast address that a
// feed may be fetched from. IPv4-mapped IPv6 addresses are judged as the IPv4
// address they carry, and zones are ignored.
//
// Not public are: the invalid Addr; IPv4 0/8 (including 0.0.0.0), 10/8,
// 100.64/10 (carrier-grade NAT), 127/8, 169.254/16, 172.16/12, 192.0.0/24,
// 192.0.2/24, 192.88.99/24, 192.168/16, 198.18/15, 198.51.100/24,
// 203.0.113/24, 224/4 (multicast) and 240/4 (reserved, broadcast); every IPv6
// address outside 2000::/3 (unspecified, loopback, unique local fc00::/7,
// link-local fe80::/10, multicast, discard, IPv4-compatible and translated
// forms) except NAT64 64:ff9b::/96, which is judged by the IPv4 address it
// embeds; inside 2000::/3, 2001::/23 (IETF protocol assignments, including
// Teredo and benchmarking), 2001:db8::/32 and 3fff::/20 (documentation), and
// 6to4 2002::/16 addresses whose embedded IPv4 address is not public.
func IsPublic(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	a = a.WithZone("").Unmap()
	if a.Is4() {
		return public4(a.As4())
	}
	return public6(a.As16())
}

func public4(b [4]byte) bool {
	switch {
	case b[0] == 0, // "this network", including 0.0.0.0
		b[0] == 10,                               // private
		b[0] == 127,                              // loopback
		b[0] >= 224,                              // multicast 224/4, reserved 240/4, broadcast
		b[0] == 100 && b[1]&0xc0 == 64,           // shared address space (CGNAT) 100.64/10
		b[0] == 169 && b[1] == 254,               // link-local, cloud metadata
		b[0] == 172 && b[1]&0xf0 == 16,           // private 172.16/12
		b[0] == 192 && b[1] == 168,               // private
		b[0] == 192 && b[1] == 0 && b[2] == 0,    // IETF protocol assignments
		b[0] == 192 && b[1] == 0 && b[2] == 2,    // TEST-NET-1
		b[0] == 192 && b[1] == 88 && b[2] == 99,  // 6to4 relay anycast
		b[0] == 198 && b[1]&0xfe == 18,           // benchmarking 198.18/15
		b[0] == 198 && b[1] == 51 && b[2] == 100, // TEST-NET-2
		b[0] == 203 && b[1] == 0 && b[2] == 113:  // TEST-NET-3
		return false
	}
	return true
}

func public6(b [16]byte) bool {
	switch {
	case b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b &&
		b[4]|b[5]|b[6]|b[7]|b[8]|b[9]|b[10]|b[11] == 0: // NAT64 64:ff9b::/96
		return public4([4]byte(b[12:16]))
	case b[0]&0xe0 != 0x20: // outside global unicast 2000::/3
		return false
	case b[0] == 0x20 && b[1] == 0x01 && b[2]&0xfe == 0: // 2001::/23, Teredo among them
		return false
	case b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8: // 2001:db8::/32
		return false
	case b[0] == 0x3f && b[1] == 0xff && b[2]&0xf0 == 0: // 3fff::/20
		return false
	case b[0] == 0x20 && b[1] == 0x02: // 6to4 2002::/16
		return public4([4]byte(b[2:6]))
	}
	return true
}

// CheckURL parses raw and checks that it can be fetched: the scheme must be
// http or https and the host non-empty ([ErrScheme]), the port, if any, in
// 1–65535, and a numeric host a valid IPv4 address ([ErrInvalidURL]). Hosts
// written as obfuscated IPv4 numbers (2130706433, 0x7f.1, 127.1) are rewritten
// to dotted-quad form in the returned URL. CheckURL does not resolve the host
// or judge its addresses: that happens when [Client.Get] dials. Errors name
// the URL with its password redacted.
func CheckURL(raw string) (*url.URL, error) {
	u, shown, err := parseURL(raw)
	if err != nil {
		return nil, fmt.Errorf("fetch: check %s: %w", shown, err)
	}
	return u, nil
}

// parseURL parses and checks raw, returning the URL, the form of raw that may
// be shown (password redacted) and the cause of any failure.
func parseURL(raw string) (*url.URL, string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		shown := strconv.Quote(redactRaw(raw))
		var ue *url.Error
		if strings.Contains(raw, "@") || !errors.As(err, &ue) {
			// The parser's message may quote parts of the userinfo.
			return nil, shown, ErrInvalidURL
		}
		return nil, shown, fmt.Errorf("%w: %w", ErrInvalidURL, ue.Err)
	}
	shown := strike.RedactURL(u.String())
	if err := checkTarget(u); err != nil {
		return nil, shown, err
	}
	return u, shown, nil
}

// checkTarget checks a parsed URL's scheme, host and port, rewriting an
// obfuscated IPv4 host to dotted-quad form.
func checkTarget(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w (got scheme %q)", ErrScheme, u.Scheme)
	}
	host := u.Hostname()
	if u.Opaque != "" || host == "" {
		return fmt.Errorf("%w (no host)", ErrScheme)
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.ParseUint(port, 10, 16)
		if err != nil || n == 0 {
			return fmt.Errorf("%w: bad port %q", ErrInvalidURL, port)
		}
	}
	if strings.Contains(host, ":") {
		if _, err := netip.ParseAddr(host); err != nil {
			return fmt.Errorf("%w: bad IPv6 host %q", ErrInvalidURL, host)
		}
		return nil
	}
	a, ok, numeric := parseIPv4Loose(host)
	switch {
	case !numeric:
		return nil
	case !ok:
		return fmt.Errorf("%w: numeric host %q is not an IPv4 address", ErrInvalidURL, host)
	}
	if canon := a.String(); canon != host {
		u.Host = canon
		if port != "" {
			u.Host = net.JoinHostPort(canon, port)
		}
	}
	return nil
}

// redactRaw hides whatever might be userinfo in a URL that did not parse.
func redactRaw(raw string) string {
	start := 0
	if i := strings.Index(raw, "://"); i >= 0 {
		start = i + 3
	}
	if at := strings.LastIndex(raw, "@"); at >= start {
		return raw[:start] + "xxxxx" + raw[at:]
	}
	return raw
}

// parseIPv4Loose parses host the way browsers and inet_aton do: one to four
// dot-separated numbers, each decimal, octal (leading 0) or hexadecimal
// (0x), the last filling the remaining bytes, so that 2130706433, 0x7f.1 and
// 127.1 all mean 127.0.0.1. numeric reports whether the host's last label is
// a number, in which case it is meant as an address and ok says whether it
// is a valid one.
func parseIPv4Loose(host string) (a netip.Addr, ok, numeric bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	if !isNumberLabel(parts[len(parts)-1]) {
		return netip.Addr{}, false, false
	}
	if len(parts) > 4 {
		return netip.Addr{}, false, true
	}
	var v uint64
	for i, p := range parts {
		n, good := parseIPv4Number(p)
		if !good {
			return netip.Addr{}, false, true
		}
		if i < len(parts)-1 {
			if n > 255 {
				return netip.Addr{}, false, true
			}
			v |= n << (8 * (3 - i))
			continue
		}
		if n >= 1<<(8*(5-len(parts))) {
			return netip.Addr{}, false, true
		}
		v |= n
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true, true
}

// isNumberLabel reports whether s is all decimal digits, or 0x followed by
// hexadecimal digits.
func isNumberLabel(s string) bool {
	if s == "" {
		return false
	}
	if isDigits(s) {
		return true
	}
	if len(s) < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return false
	}
	for i := 2; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// parseIPv4Number parses one part of a loose IPv4 address, refusing values
// of 2³² and more.
func parseIPv4Number(s string) (uint64, bool) {
	base := uint64(10)
	switch {
	case s == "":
		return 0, false
	case len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, s = 16, s[2:]
	case len(s) >= 2 && s[0] == '0':
		base, s = 8, s[1:]
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'a' && c <= 'f':
			d = uint64(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		if d >= base {
			return 0, false
		}
		n = n*base + d
		if n >= 1<<32 {
			return 0, false
		}
	}
	return n, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isLocalhost reports whether host is localhost or a name under it, which
// always means the machine itself (RFC 6761) and is never sent to DNS.
func isLocalhost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// resolve turns the host of one connection into addresses, consulting the
// resolver at most once.
func (c *Client) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	if a, ok, numeric := parseIPv4Loose(host); numeric {
		if !ok {
			return nil, fmt.Errorf("%w: numeric host %q is not an IPv4 address", ErrInvalidURL, host)
		}
		return []netip.Addr{a}, nil
	}
	if isLocalhost(host) {
		return []netip.Addr{netip.AddrFrom4([4]byte{127, 0, 0, 1}), netip.IPv6Loopback()}, nil
	}
	addrs, err := c.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("resolve %s: no addresses", host)
	}
	return addrs, nil
}

// allowed reports whether the policy lets the client connect to ap.
func (c *Client) allowed(ap netip.AddrPort) bool {
	return c.allowPrivate || IsPublic(ap.Addr()) || (c.allowAddr != nil && c.allowAddr(ap))
}

// dialContext is the transport's only way out: it resolves the host once,
// refuses the connection unless every address is allowed, and dials the
// checked addresses themselves, so no second lookup can change the answer.
func (c *Client) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	port, err := strconv.ParseUint(portText, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("%w: bad port %q", ErrInvalidURL, portText)
	}
	ctx, cancel := context.WithTimeout(ctx, c.dialTimeout)
	defer cancel()
	addrs, err := c.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	aps := make([]netip.AddrPort, 0, len(addrs))
	for _, a := range addrs {
		ap := netip.AddrPortFrom(a.Unmap(), uint16(port))
		if !c.allowed(ap) {
			return nil, blocked(host, ap.Addr())
		}
		aps = append(aps, ap)
	}
	var first error
	for _, ap := range aps {
		conn, err := c.dialAddr(ctx, network, ap)
		if err == nil {
			return conn, nil
		}
		if first == nil {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, first
}

// blocked explains a refused address and how to allow it.
func blocked(host string, a netip.Addr) error {
	what := a.String()
	if h := strings.Trim(host, "[]"); h != what {
		what = host + " resolves to " + what + ", which"
	}
	return fmt.Errorf("%w: %s is not a public address "+
		"(set allow_private_networks: true, Options.AllowPrivate, to fetch from private networks)",
		ErrBlocked, what)
}
