package coverage

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKeyIndexListsInFilingOrder files random pairs, flushing at random
// points, and checks that every (key, day) lists exactly the slots filed
// under it, in the order they were filed, as a plain map would.
func TestKeyIndexListsInFilingOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	x := newKeyIndex()
	type kd struct {
		k   uint64
		day uint32
	}
	want := make(map[kd][]int32)
	for slot := range int32(3 * flushAt) {
		// Each slot is filed under a few keys, some shared, some not.
		for range 1 + r.IntN(4) {
			k, day := uint64(r.IntN(50)), uint32(r.IntN(5))
			switch r.IntN(6) {
			case 0, 1:
				k = r.Uint64() // a key nobody else has
			case 2:
				k |= uint64(r.IntN(4)) << 32 // another band's
			case 3:
				k |= 1 << 62 // an event key
			}
			x.file(k, day, slot)
			want[kd{k, day}] = append(want[kd{k, day}], slot)
		}
		if r.IntN(500) == 0 {
			x.flush()
		}
	}
	check := func(stage string) {
		t.Helper()
		n := 0
		for key, slots := range want {
			var got []int32
			x.each(key.k, key.day, func(slot int32) bool { got = append(got, slot); return true })
			if !slices.Equal(got, slots) {
				t.Fatalf("%s: key %d day %d: got %v, want %v", stage, key.k, key.day, got, slots)
			}
			n += len(slots)
		}
		if x.pairs() != n {
			t.Fatalf("%s: %d pairs filed, want %d", stage, x.pairs(), n)
		}
	}
	check("before the last flush")
	x.flush()
	check("after it")

	// A key never filed lists nothing; each stops when told to.
	if !x.each(1<<60, 2, func(int32) bool { t.Fatal("listed a key never filed"); return false }) {
		t.Fatal("each of an unknown key reported a stop")
	}
	calls := 0
	if x.each(7, 1, func(int32) bool { calls++; return false }) || calls != 1 {
		t.Fatalf("each went on after a stop: %d calls", calls)
	}
	x.reset()
	if x.pairs() != 0 {
		t.Fatalf("%d pairs after reset", x.pairs())
	}
}
