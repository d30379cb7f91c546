package feeds

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// trackingParam reports whether the query parameter named key (compared
// case-insensitively) only tells the linked site where a click came from.
//
// The list covers campaign tags (utm_*, and the WT.*, at_*, oly_* families
// of a few analytics vendors), click identifiers (fbclid, gclid, dclid,
// gbraid, wbraid, msclkid, yclid, twclid, igshid), mailing-list tags (mc_cid,
// mc_eid, mkt_tok, vero_id), and portal tags (ocid, cmpid, smid, smtyp, _ga,
// _gl, ref_src, ref_url).
//
// A bare "ref" is kept: some sites use it to select content, and treating
// two different pages as one article would lose one of them, while keeping
// a tag costs at most a duplicate that story clustering folds together.
func trackingParam(key string) bool {
	k := strings.ToLower(key)
	switch {
	case strings.HasPrefix(k, "utm_"), strings.HasPrefix(k, "wt."),
		strings.HasPrefix(k, "at_"), strings.HasPrefix(k, "oly_"):
		return true
	}
	switch k {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
		"twclid", "igshid", "mc_cid", "mc_eid", "mkt_tok", "vero_id", "ocid",
		"cmpid", "smid", "smtyp", "_ga", "_gl", "ref_src", "ref_url",
		"__twitter_impression":
		return true
	}
	return false
}

// CanonicalURL returns the canonical form of the link raw, resolved
// against base when raw is relative, or "" when the result is not an
// absolute http or https URL.
//
// The canonical form has a lower-case scheme and host, no user information,
// no default port (:80 for http, :443 for https), no fragment, no dot
// segments, "/" for an empty path, and a query without tracking parameters
// (see the list below) whose remaining parameters are sorted by name
// (parameters of the same name keep their order; their encoding is kept).
// Links through known redirectors are replaced by their target: Google's
// "/url?url=…" and "/url?q=…" (Google Alerts), news.google.com's
// "/news/url?url=…", and Facebook's "l.php?u=…". On news.google.com the
// "oc" parameter of article links is dropped as well.
//
// Tracking parameters: utm_* and the WT.*, at_*, oly_* families; fbclid,
// gclid, dclid, gbraid, wbraid, msclkid, yclid, twclid, igshid; mc_cid,
// mc_eid, mkt_tok, vero_id; ocid, cmpid, smid, smtyp, _ga, _gl, ref_src,
// ref_url, __twitter_impression. A bare "ref" is kept, because some sites
// select content with it.
//
// CanonicalURL is idempotent: CanonicalURL(CanonicalURL(x, b), "") equals
// CanonicalURL(x, b).
func CanonicalURL(raw, base string) string {
	return canonicalURL(raw, base, 3)
}

func canonicalURL(raw, base string, hops int) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == "" {
			return ""
		}
		b, err := url.Parse(strings.TrimSpace(base))
		if err != nil || !b.IsAbs() {
			return ""
		}
		u = b.ResolveReference(u)
	} else {
		u = u.ResolveReference(u) // removes dot segments
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" || !utf8.ValidString(host) {
		return ""
	}
	port := u.Port()
	if u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443" {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.ForceQuery = false
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	if hops > 0 {
		if target := redirectTarget(u); target != "" {
			if t := canonicalURL(target, "", hops-1); t != "" {
				return t
			}
		}
	}
	u.RawQuery = cleanQuery(u.RawQuery, u.Hostname() == "news.google.com")
	s := u.String()
	if !utf8.ValidString(s) {
		return ""
	}
	return s
}

// redirectTarget returns the destination of a link through a known
// redirector, or "".
func redirectTarget(u *url.URL) string {
	var keys []string
	host := u.Hostname()
	switch {
	case (host == "google.com" || strings.HasPrefix(host, "www.google.") || host == "news.google.com") &&
		(u.Path == "/url" || u.Path == "/news/url"):
		keys = []string{"url", "q"}
	case (host == "l.facebook.com" || host == "lm.facebook.com") && u.Path == "/l.php":
		keys = []string{"u"}
	default:
		return ""
	}
	q, _ := url.ParseQuery(u.RawQuery) // keeps what parses
	for _, k := range keys {
		if v := q.Get(k); strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			return v
		}
	}
	return ""
}

// cleanQuery drops empty and tracking parameters from the raw query q and
// sorts the rest by name, keeping the order of equal names and each
// parameter's encoding.
func cleanQuery(q string, googleNews bool) string {
	if q == "" {
		return ""
	}
	type param struct{ key, raw string }
	var params []param
	for part := range strings.SplitSeq(q, "&") {
		if part == "" {
			continue
		}
		rawKey, _, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			key = rawKey
		}
		if key == "" || trackingParam(key) || googleNews && key == "oc" {
			continue
		}
		params = append(params, param{key, part})
	}
	slices.SortStableFunc(params, func(a, b param) int { return strings.Compare(a.key, b.key) })
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.raw)
	}
	return b.String()
}

// resolveLink returns raw resolved against base as an absolute http or
// https URL, otherwise unchanged, or "".
func resolveLink(raw, base string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return ""
	}
	if !u.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		u = b.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}
