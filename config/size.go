package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Size is a number of bytes. In YAML and in the environment it is written
// either as a plain count of bytes ("65536") or as a whole number followed by
// a unit: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024).
// Units are matched without regard to case. It prints in the largest binary
// unit that divides it exactly, such as "10MiB", else as bytes ("1500B").
type Size int64

// Binary size units.
const (
	KiB Size = 1 << 10
	MiB Size = 1 << 20
	GiB Size = 1 << 30
)

// errSize is wrapped by every error Size parsing returns.
var errSize = errors.New("not a size: want a whole number of bytes, optionally followed by B, KB, MB, GB, KiB, MiB or GiB")

// sizeUnit returns the multiplier of a unit, lower-cased; "" is bytes.
func sizeUnit(unit string) (Size, bool) {
	switch unit {
	case "", "b":
		return 1, true
	case "kb":
		return 1000, true
	case "mb":
		return 1000 * 1000, true
	case "gb":
		return 1000 * 1000 * 1000, true
	case "kib":
		return KiB, true
	case "mib":
		return MiB, true
	case "gib":
		return GiB, true
	}
	return 0, false
}

// ParseSize parses a size such as "10MiB", "64 KiB" or "1048576".
func ParseSize(s string) (Size, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, errSize
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, errSize
	}
	unit, ok := sizeUnit(strings.ToLower(strings.TrimSpace(t[i:])))
	if !ok {
		return 0, errSize
	}
	if n > math.MaxInt64/int64(unit) {
		return 0, fmt.Errorf("%w (too large)", errSize)
	}
	return Size(n) * unit, nil
}

// String returns the size in the largest binary unit that divides it
// exactly ("10MiB", "64KiB"), else in bytes ("1500B").
func (s Size) String() string {
	switch {
	case s == 0:
		return "0B"
	case s%GiB == 0:
		return strconv.FormatInt(int64(s/GiB), 10) + "GiB"
	case s%MiB == 0:
		return strconv.FormatInt(int64(s/MiB), 10) + "MiB"
	case s%KiB == 0:
		return strconv.FormatInt(int64(s/KiB), 10) + "KiB"
	}
	return strconv.FormatInt(int64(s), 10) + "B"
}

// UnmarshalText parses text as ParseSize does. The environment overrides
// use it.
func (s *Size) UnmarshalText(text []byte) error {
	v, err := ParseSize(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText returns String's form.
func (s Size) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalYAML accepts a YAML scalar in ParseSize's forms.
func (s *Size) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: %w", n.Line, errSize)
	}
	v, err := ParseSize(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: value %q is %w", n.Line, n.Value, err)
	}
	*s = v
	return nil
}

// MarshalYAML writes the size as String does.
func (s Size) MarshalYAML() (any, error) { return s.String(), nil }
