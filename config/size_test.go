package config

import (
	"errors"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Size
	}{
		{"0", 0},
		{"65536", 64 * KiB},
		{"10MiB", 10 * MiB},
		{"10mib", 10 * MiB},
		{" 64 KiB ", 64 * KiB},
		{"1500B", 1500},
		{"10MB", 10_000_000},
		{"1kb", 1000},
		{"2GiB", 2 * GiB},
		{"3GB", 3_000_000_000},
	} {
		got, err := ParseSize(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "1.5MiB", "10 parsecs", "10M", "0x10", "99999999999999999999", "9000000000GiB"} {
		if got, err := ParseSize(in); !errors.Is(err, errSize) {
			t.Errorf("ParseSize(%q) = %d, %v; want errSize", in, got, err)
		}
	}
}

func TestSizeString(t *testing.T) {
	for _, tc := range []struct {
		in   Size
		want string
	}{
		{0, "0B"},
		{1, "1B"},
		{1500, "1500B"},
		{64 * KiB, "64KiB"},
		{10 * MiB, "10MiB"},
		{MiB + KiB, "1025KiB"},
		{3 * GiB, "3GiB"},
		{10_000_000, "10000000B"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("Size(%d).String() = %q, want %q", int64(tc.in), got, tc.want)
		}
		if back, err := ParseSize(tc.in.String()); err != nil || back != tc.in {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in.String(), back, err, tc.in)
		}
	}
}

func TestSizeYAML(t *testing.T) {
	var v struct {
		A Size `yaml:"a"`
		B Size `yaml:"b"`
	}
	if err := yaml.Unmarshal([]byte("a: 10MiB\nb: 4096\n"), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != 10*MiB || v.B != 4*KiB {
		t.Errorf("decoded %d, %d; want %d, %d", v.A, v.B, 10*MiB, 4*KiB)
	}
	out, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "a: 10MiB\nb: 4KiB\n"; got != want {
		t.Errorf("Marshal = %q, want %q", got, want)
	}
	if err := yaml.Unmarshal([]byte("a: [1]\n"), &v); err == nil {
		t.Error("decoding a list into a Size: no error")
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"0", "10MiB", "64 KiB", "1500B", "9223372036854775807", "8EiB", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("ParseSize(%q) = %d, negative", s, n)
		}
		back, err := ParseSize(n.String())
		if err != nil || back != n {
			t.Fatalf("ParseSize(%q) = %d, %v; want %d", n.String(), back, err, n)
		}
	})
}
