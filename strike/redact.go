package strike

import (
	"net/url"
	"strings"
)

// URLMask replaces a credential inside a URL shown by RedactURL.
const URLMask = "xxxxx"

// RedactURL returns raw fit for logs, errors, command output and chat:
// in a URL, a password, a user name standing alone (often a token), and
// the values of query parameters whose names suggest secrets (see
// SecretParam) are replaced by URLMask; the rest is kept as written, in
// order. A query that does not parse is masked whole. A string that does
// not parse as a URL is returned as "(unparsable URL)", since it cannot be
// inspected, unless it holds neither "@" nor "?" and so no credentials.
func RedactURL(raw string) string {
	if raw == "" {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		if strings.ContainsAny(raw, "@?") {
			return "(unparsable URL)"
		}
		return raw
	}
	changed := false
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), URLMask)
		} else {
			u.User = url.User(URLMask)
		}
		changed = true
	}
	if u.RawQuery != "" {
		if q, ok := redactQuery(u.RawQuery); ok {
			if q != u.RawQuery {
				u.RawQuery, changed = q, true
			}
		} else {
			u.RawQuery, changed = URLMask, true
		}
	}
	if !changed {
		return raw
	}
	return u.String()
}

// redactQuery masks the values of secret parameters in a raw query,
// keeping its order and encoding; ok is false when it does not parse.
func redactQuery(raw string) (string, bool) {
	if _, err := url.ParseQuery(raw); err != nil {
		return "", false
	}
	pairs := strings.Split(raw, "&")
	for i, p := range pairs {
		k, _, hasValue := strings.Cut(p, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			return "", false
		}
		if hasValue && SecretParam(name) {
			pairs[i] = k + "=" + URLMask
		}
	}
	return strings.Join(pairs, "&"), true
}

// SecretParam reports whether a URL query parameter's name suggests a
// secret: it contains token, key, secret, pass, pwd, sig, auth, credential
// or session, in any case (api_key, access_token, X-Amz-Signature, sig…).
// Some harmless names match too ("monkey"); masking them costs nothing.
func SecretParam(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"token", "key", "secret", "pass", "pwd", "sig", "auth", "credential", "session"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// RedactURLsIn returns text with RedactURL applied to every word that
// looks like a link holding credentials (it has "://" and an "@" or a
// "?"), as chat wraps links: "<https://…>" or "<https://…|label>". Other
// words are kept.
func RedactURLsIn(text string) string {
	if !strings.Contains(text, "://") || !strings.ContainsAny(text, "@?") {
		return text
	}
	words := strings.Split(text, " ")
	for i, w := range words {
		inner := strings.TrimSuffix(strings.TrimPrefix(w, "<"), ">")
		inner, label, hasLabel := strings.Cut(inner, "|")
		if !strings.Contains(inner, "://") || !strings.ContainsAny(inner, "@?") {
			continue
		}
		r := RedactURL(inner)
		if r == inner {
			continue
		}
		if hasLabel {
			r += "|" + label
		}
		if strings.HasPrefix(w, "<") {
			r = "<" + r
		}
		if strings.HasSuffix(w, ">") {
			r += ">"
		}
		words[i] = r
	}
	return strings.Join(words, " ")
}
