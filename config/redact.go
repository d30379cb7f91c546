package config

import (
	"net/url"
	"reflect"
	"strings"

	"github.com/strikebot/strikebot/strike"
)

// redacted replaces a secret's value wherever a configuration is shown.
const redacted = "[redacted]"

// urlMask replaces a password or secret query value inside a URL.
const urlMask = "xxxxx"

// Redacted returns a copy of c that is safe to print or log: every
// non-empty secret (a field tagged secret:"true") is "[redacted]", and in
// every URL or DSN (a field tagged secret:"url") a password, a lone user
// name (often a token) and the values of query parameters named like
// secrets (token, key, secret, password, sig, auth…) are "xxxxx". Other
// values are unchanged. The copy shares no memory with c.
func (c Config) Redacted() Config {
	out := deepCopy(c)
	redactValue(reflect.ValueOf(&out).Elem())
	return out
}

// redactValue redacts, in place, the tagged string fields reachable from
// the addressable value v.
func redactValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			redactValue(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			redactValue(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			if fv.Kind() == reflect.String {
				switch f.Tag.Get("secret") {
				case "true":
					fv.SetString(redactedIfSet(fv.String()))
				case "url":
					fv.SetString(redactURL(fv.String()))
				}
				continue
			}
			redactValue(fv)
		}
	}
}

func redactedIfSet(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}

// redactURL masks the credentials in a URL or DSN: the password, a user
// name standing alone, and the values of query parameters whose names
// suggest secrets (strike.RedactURL), or the secret settings of a
// PostgreSQL key=value connection string. A value that does not parse as
// a URL cannot be inspected and is replaced whole, unless it holds
// neither "@" nor "?" and so no credentials.
func redactURL(s string) string {
	if s == "" {
		return s
	}
	if isKeywordDSN(s) || (!strings.Contains(s, "://") && strings.Contains(s, "=") && !strings.HasPrefix(s, "sqlite:")) {
		return redactKeywordDSN(s)
	}
	if _, err := url.Parse(s); err != nil {
		if strings.ContainsAny(s, "@?") {
			return redacted
		}
		return s
	}
	return strike.RedactURL(s)
}

// deepCopy returns a copy of v that shares no slices, maps or pointers
// with it.
func deepCopy[T any](v T) T {
	var out T
	copyValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(&v).Elem())
	return out
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		dst.Set(src) // unexported fields too, shallowly
		for i := range src.NumField() {
			if src.Type().Field(i).IsExported() {
				copyValue(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			copyValue(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Array:
		for i := range src.Len() {
			copyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for k, e := range src.Seq2() {
			ne := reflect.New(e.Type()).Elem()
			copyValue(ne, e)
			m.SetMapIndex(k, ne)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		p := reflect.New(src.Elem().Type())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}
