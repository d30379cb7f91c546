package coverage

import (
	"cmp"
	"slices"
)

// keyIndex files the Clusterer's members under their keys (word bands and
// kinds of event), by day of publication, and lists the members filed
// under a key on a day in the order they were filed.
//
// Most keys are held by one member only, so a map entry and a slice per
// (key, day) cost about three kilobytes a member. Instead each day keeps
// its pairs in sorted arrays: the keys' low halves and the slots, eight
// bytes a pair, with the few distinct high halves (a band's number, a
// kind of event key) kept once each beside them. What was filed since the
// last flush waits in a small map until flushAt pairs gather, and is then
// merged into its days' arrays. A flush costs the size of the days it
// touches, which happens once per flushAt pairs, so filing stays cheap
// however many members a day holds.
type keyIndex struct {
	days    map[uint32]*dayKeys
	recent  map[uint64][]int32 // dayKey(key, day) → slots, filed since the last flush
	pending []pendingKey       // what recent holds, in filing order
}

// dayKeys are the pairs of one day, sorted by key, then by slot (the
// order members were filed in). A key is split in halves: the pairs whose
// keys have the high half hi[g] are lo[start[g]:start[g+1]] with their
// slots beside them.
type dayKeys struct {
	hi    []uint32 // distinct high halves, ascending
	start []int32  // len(hi)+1 offsets into lo and slots
	lo    []uint32
	slots []int32
}

type pendingKey struct {
	key  uint64
	slot int32
	day  uint32
}

// flushAt is how many pairs wait in keyIndex.recent: about sixty members.
const flushAt = 4096

func newKeyIndex() keyIndex {
	return keyIndex{days: make(map[uint32]*dayKeys), recent: make(map[uint64][]int32)}
}

// file files slot under key k on day.
func (x *keyIndex) file(k uint64, day uint32, slot int32) {
	dk := dayKey(k, day)
	x.recent[dk] = append(x.recent[dk], slot)
	x.pending = append(x.pending, pendingKey{key: k, slot: slot, day: day})
	if len(x.pending) >= flushAt {
		x.flush()
	}
}

// flush merges the pending pairs into their days' sorted arrays.
func (x *keyIndex) flush() {
	if len(x.pending) == 0 {
		return
	}
	p := x.pending
	slices.SortFunc(p, func(a, b pendingKey) int {
		if c := cmp.Compare(a.day, b.day); c != 0 {
			return c
		}
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.slot, b.slot)
	})
	for len(p) > 0 {
		n := 1
		for n < len(p) && p[n].day == p[0].day {
			n++
		}
		x.mergeDay(p[0].day, p[:n])
		p = p[n:]
	}
	x.pending = x.pending[:0]
	clear(x.recent)
}

// mergeDay merges the sorted pairs add into day's arrays.
func (x *keyIndex) mergeDay(day uint32, add []pendingKey) {
	d := x.days[day]
	if d == nil {
		d = &dayKeys{start: []int32{0}}
		x.days[day] = d
	}
	// The groups after the merge, and where each begins.
	hi := make([]uint32, 0, len(d.hi)+4)
	start := make([]int32, 1, len(d.hi)+5)
	for g, j := 0, 0; g < len(d.hi) || j < len(add); {
		var h uint32
		switch {
		case j == len(add):
			h = d.hi[g]
		case g == len(d.hi):
			h = uint32(add[j].key >> 32)
		default:
			h = min(d.hi[g], uint32(add[j].key>>32))
		}
		n := int32(0)
		if g < len(d.hi) && d.hi[g] == h {
			n += d.start[g+1] - d.start[g]
			g++
		}
		for ; j < len(add) && uint32(add[j].key>>32) == h; j++ {
			n++
		}
		hi = append(hi, h)
		start = append(start, start[len(start)-1]+n)
	}

	old, n := len(d.lo), len(d.lo)+len(add)
	if n > cap(d.lo) {
		// Room for a quarter more: a day that grows is copied a few
		// times, and holds little it does not use.
		c := n + n/4
		lo, slots := make([]uint32, old, c), make([]int32, old, c)
		copy(lo, d.lo)
		copy(slots, d.slots)
		d.lo, d.slots = lo, slots
	}
	d.lo, d.slots = d.lo[:n], d.slots[:n]
	// Merge from the back, in place. Slots only grow between rebuilds, so
	// a pending pair goes after a filed one with the same key.
	i, g, j := old-1, len(d.hi)-1, len(add)-1
	for k := n - 1; j >= 0; k-- {
		for g >= 0 && int(d.start[g]) > i {
			g--
		}
		if i >= 0 && uint64(d.hi[g])<<32|uint64(d.lo[i]) > add[j].key {
			d.lo[k], d.slots[k] = d.lo[i], d.slots[i]
			i--
		} else {
			d.lo[k], d.slots[k] = uint32(add[j].key), add[j].slot
			j--
		}
	}
	d.hi, d.start = hi, start
}

// each calls fn with the slots filed under k on day, in filing order,
// until fn returns false; each reports whether fn never did.
func (x *keyIndex) each(k uint64, day uint32, fn func(slot int32) bool) bool {
	if d := x.days[day]; d != nil {
		if g, ok := slices.BinarySearch(d.hi, uint32(k>>32)); ok {
			from, to := int(d.start[g]), int(d.start[g+1])
			lo := uint32(k)
			i, _ := slices.BinarySearch(d.lo[from:to], lo)
			for i += from; i < to && d.lo[i] == lo; i++ {
				if !fn(d.slots[i]) {
					return false
				}
			}
		}
	}
	for _, slot := range x.recent[dayKey(k, day)] {
		if !fn(slot) {
			return false
		}
	}
	return true
}

// reset empties the index.
func (x *keyIndex) reset() {
	clear(x.days)
	clear(x.recent)
	x.pending = x.pending[:0]
}

// pairs returns how many (key, slot) pairs are filed.
func (x *keyIndex) pairs() int {
	n := len(x.pending)
	for _, d := range x.days {
		n += len(d.lo)
	}
	return n
}
