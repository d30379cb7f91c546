package config

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// EnvPrefix begins the name of every environment variable Load reads.
const EnvPrefix = "STRIKEBOT_"

// FileSuffix ends the name of the environment variable that names a file
// holding a secret key's value (STRIKEBOT_SUMMARIZER_API_KEY_FILE).
const FileSuffix = "_FILE"

// Load returns the configuration: Default, overridden by the YAML file at
// path, then by the environment variables lookupEnv reports, then validated
// with Validate.
//
// An empty path reads no file; a path that names no file is an error. The
// file is decoded strictly: an unknown key is an error naming its line and
// dotted key. A nil lookupEnv reads no environment; callers pass
// os.LookupEnv, tests a map. Every error names the key at fault and, for
// secrets, never the value.
func Load(path string, lookupEnv func(string) (string, bool)) (Config, error) {
	var data []byte
	if path != "" {
		var err error
		data, err = os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return Config{}, fmt.Errorf("config: config file %s does not exist: %w", path, err)
		}
		if err != nil {
			return Config{}, fmt.Errorf("config: read config file: %w", err)
		}
	}
	return load(data, path, lookupEnv)
}

// load is Load after the file is read; source names data in errors.
func load(data []byte, source string, lookupEnv func(string) (string, bool)) (Config, error) {
	c := Default()
	if len(data) > 0 {
		if err := decodeYAML(data, reflect.ValueOf(&c).Elem(), "", source); err != nil {
			return Config{}, err
		}
	}
	if lookupEnv != nil {
		if err := applyEnv(reflect.ValueOf(&c).Elem(), "", lookupEnv); err != nil {
			return Config{}, err
		}
	}
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("config: invalid configuration:\n%w", err)
	}
	return c, nil
}

// YAML returns c as a YAML document in the form Load reads: every key, with
// durations as "15m", "6h" or "1h30m" and sizes as "10MiB". It prints secrets as they are:
// to show a configuration, print c.Redacted().YAML().
func (c Config) YAML() ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(c); err != nil {
		return nil, fmt.Errorf("config: encode YAML: %w", err)
	}
	shortenDurations(&doc, reflect.TypeFor[Config]())
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("config: encode YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("config: encode YAML: %w", err)
	}
	return buf.Bytes(), nil
}

// shortenDurations rewrites, in the node tree n encoded from a value of
// type t, every duration from time.Duration's "15m0s" to "15m".
func shortenDurations(n *yaml.Node, t reflect.Type) {
	switch {
	case n.Kind == yaml.DocumentNode:
		for _, c := range n.Content {
			shortenDurations(c, t)
		}
	case t == durationType:
		if d, err := time.ParseDuration(n.Value); err == nil {
			n.Value = shortDuration(d)
		}
	case isLeaf(t):
	case t.Kind() == reflect.Pointer:
		shortenDurations(n, t.Elem())
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if f, ok := fieldByYAMLName(t, n.Content[i].Value); ok {
				shortenDurations(n.Content[i+1], f.Type)
			}
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			shortenDurations(c, t.Elem())
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			shortenDurations(n.Content[i+1], t.Elem())
		}
	}
}

// decodeYAML decodes one YAML document from data onto out (keeping values
// of keys the document leaves out). Keys are checked first against out's
// type so that every unknown key and every badly typed value is reported,
// each with its line and dotted key (prefixed by keyPrefix).
func decodeYAML(data []byte, out reflect.Value, keyPrefix, source string) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			if keyPrefix == "" {
				return nil // an empty file changes nothing
			}
			return fmt.Errorf("config: %s: key %q: no YAML value", source, keyPrefix)
		}
		return fmt.Errorf("config: %s: %w", source, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return fmt.Errorf("config: %s: want one YAML document, found more", source)
	}
	ch := checker{source: source}
	if len(doc.Content) > 0 {
		ch.check(doc.Content[0], out.Type(), keyPrefix, false)
	}
	if len(ch.errs) > 0 {
		return errors.Join(ch.errs...)
	}

	// The check found nothing; decode for real, still strictly (keys reached
	// through aliases and merges were not checked).
	dec = yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out.Addr().Interface()); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			errs := make([]error, 0, len(te.Errors))
			for _, e := range te.Errors {
				errs = append(errs, fmt.Errorf("config: %s %s", source, e))
			}
			return errors.Join(errs...)
		}
		return fmt.Errorf("config: %s: %w", source, err)
	}
	return nil
}

// checker walks a YAML node tree beside the Go type it will decode into.
type checker struct {
	source string
	errs   []error
}

var (
	durationType    = reflect.TypeFor[time.Duration]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// isLeaf reports whether values of t are written as one scalar.
func isLeaf(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(yamlUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer, reflect.Interface:
		return false
	}
	return true
}

func (ch *checker) fail(n *yaml.Node, key, format string, args ...any) {
	ch.errs = append(ch.errs, fmt.Errorf("config: %s line %d: key %q: %s", ch.source, n.Line, key, fmt.Sprintf(format, args...)))
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func (ch *checker) check(n *yaml.Node, t reflect.Type, key string, secret bool) {
	if n.Kind == yaml.AliasNode {
		return // left to the strict decoder; never expand aliases here
	}
	if isLeaf(t) {
		if isNull(n) {
			return // null leaves the value as it was
		}
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			ch.fail(n, key, "%s is not valid: want %s", describe(n, secret), want(t))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		ch.check(n, t.Elem(), key, secret)
	case reflect.Struct:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.MappingNode {
			ch.fail(n, key, "%s is not valid: want a mapping of keys", describe(n, secret))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				continue // a merge: left to the strict decoder
			}
			f, ok := fieldByYAMLName(t, k.Value)
			if !ok {
				msg := fmt.Sprintf("config: %s line %d: unknown key %q", ch.source, k.Line, joinKey(key, k.Value))
				if s := suggest(t, k.Value); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", joinKey(key, s))
				}
				ch.errs = append(ch.errs, errors.New(msg))
				continue
			}
			ch.check(v, f.Type, joinKey(key, k.Value), secret || f.Tag.Get("secret") == "true")
		}
	case reflect.Slice, reflect.Array:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			ch.fail(n, key, "%s is not valid: want a list", describe(n, secret))
			return
		}
		for i, e := range n.Content {
			ch.check(e, t.Elem(), fmt.Sprintf("%s[%d]", key, i), secret)
		}
	case reflect.Map:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.MappingNode {
			ch.fail(n, key, "%s is not valid: want a mapping", describe(n, secret))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			ch.check(n.Content[i+1], t.Elem(), joinKey(key, n.Content[i].Value), secret)
		}
	}
}

// describe names a node's value for an error message, hiding secrets.
func describe(n *yaml.Node, secret bool) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if secret {
		return `value "[redacted]"`
	}
	return fmt.Sprintf("value %q", n.Value)
}

// want describes what a leaf type accepts.
func want(t reflect.Type) string {
	switch {
	case t == durationType:
		return `a duration with a unit, such as "0s", "90s", "15m" or "6h"`
	case t == reflect.TypeFor[Size]():
		return `a size, such as "65536", "64KiB" or "10MiB"`
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	}
	return "a " + t.String()
}

func joinKey(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// yamlName returns the YAML key of a struct field, or "" when the field is
// not decoded.
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name) // yaml/v3's rule for untagged fields
	}
	return name
}

func fieldByYAMLName(t reflect.Type, name string) (reflect.StructField, bool) {
	for f := range fieldsOf(t) {
		if yamlName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// fieldsOf yields t's fields that YAML decodes.
func fieldsOf(t reflect.Type) func(func(reflect.StructField) bool) {
	return func(yield func(reflect.StructField) bool) {
		for i := range t.NumField() {
			f := t.Field(i)
			if yamlName(f) == "" {
				continue
			}
			if !yield(f) {
				return
			}
		}
	}
}

// suggest returns the key of t closest to name when it is close enough to
// be a likely typo, else "".
func suggest(t reflect.Type, name string) string {
	best, bestDist := "", 3
	for f := range fieldsOf(t) {
		if d := editDistance(strings.ToLower(name), yamlName(f)); d < bestDist {
			best, bestDist = yamlName(f), d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30 // not a typo of any key; spare the work
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// EnvName returns the environment variable that overrides a dotted key:
// EnvName("poll.interval") is "STRIKEBOT_POLL_INTERVAL".
func EnvName(key string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// applyEnv overrides the fields of the struct v (whose dotted key is
// prefix) from the environment, recursing into sections. It reports every
// bad variable at once.
func applyEnv(v reflect.Value, prefix string, lookup func(string) (string, bool)) error {
	var errs []error
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		key := joinKey(prefix, name)
		fv := v.Field(i)
		val, ok, err := lookupValue(key, f.Tag.Get("secret") != "", lookup)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ok {
			if err := setFromEnv(fv, key, val, f.Tag.Get("secret") == "true"); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		if fv.Kind() == reflect.Struct && !isLeaf(fv.Type()) {
			if err := applyEnv(fv, key, lookup); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// lookupValue returns the environment's value for key: its variable, or for
// a secret key the contents of the file its _FILE variable names (one
// trailing newline removed). Setting both is an error.
func lookupValue(key string, secret bool, lookup func(string) (string, bool)) (string, bool, error) {
	name := EnvName(key)
	val, ok := lookup(name)
	if !secret {
		return val, ok, nil
	}
	path, fileOK := lookup(name + FileSuffix)
	if !fileOK {
		return val, ok, nil
	}
	if ok {
		return "", false, fmt.Errorf("config: %s and %s%s are both set: set one", name, name, FileSuffix)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false, fmt.Errorf("config: %s%s: read secret file: %w", name, FileSuffix, err)
	}
	s := string(data)
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, true, nil
}

// setFromEnv sets fv from an environment variable's text: a scalar parsed
// as its type, anything else decoded as YAML (or JSON) text.
func setFromEnv(fv reflect.Value, key, val string, secret bool) error {
	name := EnvName(key)
	shown := strconv.Quote(val)
	if secret {
		shown = `"[redacted]"`
	}
	bad := func() error {
		return fmt.Errorf("config: %s: key %q: value %s is not valid: want %s", name, key, shown, want(fv.Type()))
	}
	t := fv.Type()
	if t == durationType {
		d, err := time.ParseDuration(strings.TrimSpace(val))
		if err != nil {
			return bad()
		}
		fv.SetInt(int64(d))
		return nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if err := fv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(val)); err != nil {
			return bad()
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		fv.SetString(val)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(val))
		if err != nil {
			return bad()
		}
		fv.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(val), 10, t.Bits())
		if err != nil {
			return bad()
		}
		fv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(strings.TrimSpace(val), 10, t.Bits())
		if err != nil {
			return bad()
		}
		fv.SetUint(n)
	case reflect.Float32, reflect.Float64:
		x, err := strconv.ParseFloat(strings.TrimSpace(val), t.Bits())
		if err != nil {
			return bad()
		}
		fv.SetFloat(x)
	default:
		return decodeYAML([]byte(val), fv, key, name)
	}
	return nil
}
