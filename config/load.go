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
	"slices"
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
//
// Every problem is reported at once: unknown keys and badly written
// values in the file, bad environment variables, and the settings
// Validate refuses, each with where it was set (the file's line, or the
// environment variable). A key that could not be read is left at its
// default for the rest of the checks, and Validate's complaints about it
// are dropped: they would repeat the first.
func load(data []byte, source string, lookupEnv func(string) (string, bool)) (Config, error) {
	c := Default()
	l := newLoader()
	var errs []error
	if len(data) > 0 {
		if err := l.decodeYAML(data, reflect.ValueOf(&c).Elem(), "", source, true); err != nil {
			if _, fatal := errors.AsType[*syntaxError](err); fatal {
				return Config{}, err
			}
			errs = append(errs, err)
		}
	}
	if lookupEnv != nil {
		if err := l.applyEnv(reflect.ValueOf(&c).Elem(), "", lookupEnv); err != nil {
			errs = append(errs, err)
		}
	}
	_, inFile := l.lines["memory_limit"]
	_, inEnv := l.env["memory_limit"]
	c.memoryLimitSet = inFile || inEnv
	if err := c.Validate(); err != nil {
		for _, e := range unjoin(err) {
			fe, ok := errors.AsType[*FieldError](e)
			if !ok {
				errs = append(errs, e)
				continue
			}
			if l.underBad(fe.Key) {
				continue
			}
			errs = append(errs, l.locate(fe, source))
		}
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return c, nil
}

// loader remembers, while a configuration is read, where each key was
// set and which keys could not be read.
type loader struct {
	lines map[string]int    // dotted key → line in the file
	env   map[string]string // dotted key → environment variable that set it
	bad   map[string]bool   // keys whose value could not be read
}

func newLoader() *loader {
	return &loader{lines: map[string]int{}, env: map[string]string{}, bad: map[string]bool{}}
}

// syntaxError is a file that is not YAML at all: nothing else can be
// checked.
type syntaxError struct{ err error }

func (e *syntaxError) Error() string { return e.err.Error() }
func (e *syntaxError) Unwrap() error { return e.err }

// unjoin returns the errors err joins, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}

// within reports whether key is prefix or lies under it
// ("poll.interval" is within "poll", "campaigns[0].id" within "campaigns").
func within(key, prefix string) bool {
	if !strings.HasPrefix(key, prefix) {
		return false
	}
	rest := key[len(prefix):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}

func (l *loader) underBad(key string) bool {
	for b := range l.bad {
		if within(key, b) {
			return true
		}
	}
	return false
}

// locate prefixes a setting's error with where the setting came from: the
// environment variable that set it (or a section holding it), else the
// file's line of the key (or of the nearest enclosing key written there).
// A default value gets no place.
func (l *loader) locate(fe *FieldError, source string) error {
	best := ""
	for k := range l.env {
		if within(fe.Key, k) && len(k) > len(best) {
			best = k
		}
	}
	if best != "" {
		return fmt.Errorf("config: %s: %w", l.env[best], fe)
	}
	line := 0
	for k, n := range l.lines {
		if within(fe.Key, k) && len(k) >= len(best) {
			best, line = k, n
		}
	}
	if line > 0 {
		return fmt.Errorf("config: %s line %d: %w", source, line, fe)
	}
	return fmt.Errorf("config: %w", fe)
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
// each with its line and dotted key (prefixed by keyPrefix). The rest of
// the document is still decoded, so that later checks see it; keys that
// could not be read are recorded in l.bad. A document that is not YAML
// is a *syntaxError. When file is true, the lines of the keys are
// recorded for locate.
func (l *loader) decodeYAML(data []byte, out reflect.Value, keyPrefix, source string, file bool) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			if keyPrefix == "" {
				return nil // an empty file changes nothing
			}
			l.bad[keyPrefix] = true
			return fmt.Errorf("config: %s: key %q: no YAML value", source, keyPrefix)
		}
		return &syntaxError{fmt.Errorf("config: %s: %w", source, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return &syntaxError{fmt.Errorf("config: %s: want one YAML document, found more", source)}
	}
	ch := checker{source: source, bad: l.bad}
	if file {
		ch.lines = l.lines
	}
	if len(doc.Content) > 0 {
		ch.check(doc.Content[0], out.Type(), keyPrefix, false)
	}
	if len(ch.errs) > 0 {
		// Decode what is left once the problems are taken out, without
		// the strict check (a key behind an alias is checked on the next
		// run, once these are fixed), so that the rest is validated too.
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		if enc.Encode(&doc) == nil && enc.Close() == nil {
			_ = yaml.Unmarshal(buf.Bytes(), out.Addr().Interface())
		}
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
// It takes out of the tree what it reports (an unknown key is removed, a
// bad value made null, which keeps the default), so that the rest can
// still be decoded.
type checker struct {
	source string
	errs   []error
	lines  map[string]int  // when not nil, key → line is recorded here
	bad    map[string]bool // keys reported are recorded here
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
	ch.bad[key] = true
	*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
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
		kept := n.Content[:0:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				kept = append(kept, k, v)
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
			if ch.lines != nil {
				ch.lines[joinKey(key, k.Value)] = k.Line
			}
			ch.check(v, f.Type, joinKey(key, k.Value), secret || f.Tag.Get("secret") == "true")
			kept = append(kept, k, v)
		}
		n.Content = kept
	case reflect.Slice, reflect.Array:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			ch.fail(n, key, "%s is not valid: want a list", describe(n, secret))
			return
		}
		for i, e := range n.Content {
			ekey := fmt.Sprintf("%s[%d]", key, i)
			if ch.lines != nil {
				ch.lines[ekey] = e.Line
			}
			ch.check(e, t.Elem(), ekey, secret)
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
			mkey := joinKey(key, n.Content[i].Value)
			if ch.lines != nil {
				ch.lines[mkey] = n.Content[i].Line
			}
			ch.check(n.Content[i+1], t.Elem(), mkey, secret)
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

// applyEnv is loader.applyEnv with a loader of its own.
func applyEnv(v reflect.Value, prefix string, lookup func(string) (string, bool)) error {
	return newLoader().applyEnv(v, prefix, lookup)
}

// applyEnv overrides the fields of the struct v (whose dotted key is
// prefix) from the environment, recursing into sections. It reports every
// bad variable at once.
func (l *loader) applyEnv(v reflect.Value, prefix string, lookup func(string) (string, bool)) error {
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
			l.bad[key] = true
			errs = append(errs, err)
			continue
		}
		if ok {
			l.env[key] = EnvName(key)
			if err := l.setFromEnv(fv, key, val, f.Tag.Get("secret") == "true"); err != nil {
				l.bad[key] = true
				errs = append(errs, err)
				continue
			}
		}
		if fv.Kind() == reflect.Struct && !isLeaf(fv.Type()) {
			if err := l.applyEnv(fv, key, lookup); err != nil {
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
func (l *loader) setFromEnv(fv reflect.Value, key, val string, secret bool) error {
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
		return l.decodeYAML([]byte(val), fv, key, name, false)
	}
	return nil
}

// TestEnvPrefix begins the names of environment variables reserved for
// strikebot's own test suite (STRIKEBOT_TEST_POSTGRES); CheckEnv leaves
// them alone.
const TestEnvPrefix = EnvPrefix + "TEST_"

// EnvNames returns, sorted, the name of every environment variable Load
// reads: one per key, sections included (STRIKEBOT_POLL holds the whole
// section as YAML, STRIKEBOT_POLL_INTERVAL one key), and
// STRIKEBOT_<KEY>_FILE for each secret.
func EnvNames() []string {
	var names []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for f := range fieldsOf(t) {
			key := joinKey(prefix, yamlName(f))
			names = append(names, EnvName(key))
			if f.Tag.Get("secret") != "" {
				names = append(names, EnvName(key)+FileSuffix)
			}
			if f.Type.Kind() == reflect.Struct && !isLeaf(f.Type) {
				walk(f.Type, key)
			}
		}
	}
	walk(reflect.TypeFor[Config](), "")
	slices.Sort(names)
	return names
}

// CheckEnv reports, all at once, the variables among names (as from
// os.Environ, with or without "=value") that begin with EnvPrefix but that
// Load does not read and that are not among extra (variables the caller
// reads itself, such as STRIKEBOT_CONFIG): a misspelt variable would
// otherwise be silently ignored. Each error names the closest known
// variable when it is a likely typo. Names beginning with TestEnvPrefix
// are not checked.
func CheckEnv(names []string, extra ...string) error {
	known := append(EnvNames(), extra...)
	var errs []error
	seen := map[string]bool{}
	for _, n := range names {
		n, _, _ = strings.Cut(n, "=")
		if !strings.HasPrefix(n, EnvPrefix) || strings.HasPrefix(n, TestEnvPrefix) || seen[n] || slices.Contains(known, n) {
			continue
		}
		seen[n] = true
		msg := fmt.Sprintf("config: environment variable %s is not a strikebot setting", n)
		if s := closestName(n, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		} else {
			msg += fmt.Sprintf(" (a key's variable is %s plus the key in capitals, dots as underscores: poll.interval is %s)", EnvPrefix, EnvName("poll.interval"))
		}
		errs = append(errs, errors.New(msg))
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// closestName returns the names in known closest to n when they are close
// enough to be a typo ("A", or "A or B" when several are as close), else
// "". Names holding every word of n (STRIKEBOT_SLACK_TOKEN →
// STRIKEBOT_SLACK_BOT_TOKEN) come first whatever their distance.
func closestName(n string, known []string) string {
	n = strings.ToUpper(n)
	words := strings.Split(strings.TrimPrefix(n, EnvPrefix), "_")
	hasWords := func(k string) bool {
		kw := strings.Split(strings.TrimPrefix(k, EnvPrefix), "_")
		for _, w := range words {
			if w != "" && !slices.Contains(kw, w) {
				return false
			}
		}
		return true
	}
	pick := func(cands []string, limit int) string {
		best, bestDist := []string(nil), limit
		for _, k := range cands {
			switch d := editDistance(n, k); {
			case d < bestDist:
				best, bestDist = []string{k}, d
			case d == bestDist && best != nil:
				best = append(best, k)
			}
		}
		if len(best) > 3 {
			best = best[:3]
		}
		return strings.Join(best, " or ")
	}
	var withWords []string
	for _, k := range known {
		if !strings.HasSuffix(k, FileSuffix) || strings.HasSuffix(n, FileSuffix) {
			if hasWords(k) {
				withWords = append(withWords, k)
			}
		}
	}
	if s := pick(withWords, 1<<30); s != "" {
		return s
	}
	return pick(known, max(3, len(n)/5)+1)
}
