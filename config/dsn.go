package config

import (
	"errors"
	"strings"

	"github.com/strikebot/strikebot/strike"
)

// dsnPair is one keyword=value setting of a PostgreSQL key=value
// connection string, with where its value lies in the string.
type dsnPair struct {
	key        string
	start, end int // the value's bytes, quotes included
}

var errKeywordDSN = errors.New("not a key=value connection string")

// parseKeywordDSN splits a PostgreSQL key=value connection string
// ("host=db user=bot password='a b' dbname=strikebot"), as libpq and pgx
// read it: keywords of letters, digits and underscores, optional spaces
// around "=", values bare up to the next space or single-quoted with
// backslash escapes. It fails on anything else, without saying where (the
// string may hold a password).
func parseKeywordDSN(s string) ([]dsnPair, error) {
	var out []dsnPair
	i := 0
	skip := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	for {
		skip()
		if i == len(s) {
			break
		}
		k := i
		for i < len(s) && (s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			i++
		}
		key := s[k:i]
		skip()
		if key == "" || i == len(s) || s[i] != '=' {
			return nil, errKeywordDSN
		}
		i++
		skip()
		start := i
		if i < len(s) && s[i] == '\'' {
			i++
			closed := false
			for i < len(s) {
				if s[i] == '\\' && i+1 < len(s) {
					i += 2
					continue
				}
				if s[i] == '\'' {
					i++
					closed = true
					break
				}
				i++
			}
			if !closed {
				return nil, errKeywordDSN
			}
		} else {
			for i < len(s) && !isSpace(s[i]) {
				if s[i] == '\'' {
					return nil, errKeywordDSN
				}
				i++
			}
		}
		out = append(out, dsnPair{key: key, start: start, end: i})
	}
	if len(out) == 0 {
		return nil, errKeywordDSN
	}
	return out, nil
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// isKeywordDSN reports whether s is written as a key=value connection
// string rather than a URL or "sqlite:PATH".
func isKeywordDSN(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(s, "sqlite:") {
		return false
	}
	_, err := parseKeywordDSN(s)
	return err == nil
}

// redactKeywordDSN masks the values of the secret settings (password,
// sslpassword…), and any value holding "=", of a key=value connection string, keeping the rest as
// written; one that does not parse is replaced whole when it may hold a
// password.
func redactKeywordDSN(s string) string {
	pairs, err := parseKeywordDSN(s)
	if err != nil {
		if strings.Contains(strings.ToLower(s), "pass") {
			return redacted
		}
		return s
	}
	var b strings.Builder
	last := 0
	for _, p := range pairs {
		// A value holding "=" is most likely a setting whose keyword
		// went missing ("host= password=…"): masked too.
		if strike.SecretParam(p.key) || strings.Contains(s[p.start:p.end], "=") {
			b.WriteString(s[last:p.start])
			b.WriteString(urlMask)
			last = p.end
		}
	}
	b.WriteString(s[last:])
	return b.String()
}
