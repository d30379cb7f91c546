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
// its pairs in two sorted arrays (twelve bytes a pair); what was filed
// since the last flush waits in a small map until flushAt pairs gather,
// and is then merged into its days' arrays. A flush costs the size of the
// days it touches, which happens once per flushAt pairs, so filing stays
// cheap however many members a day holds.
type keyIndex struct {
	days    map[uint32]*dayKeys
	recent  map[uint64][]int32 // dayKey(key, day) → slots, filed since the last flush
	pending []pendingKey       // what recent holds, in filing order
}

// dayKeys are the pairs of one day, sorted by key, then by slot (the
// order members were filed in).
type dayKeys struct {
	keys  []uint64
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
		d = &dayKeys{}
		x.days[day] = d
	}
	old, n := len(d.keys), len(d.keys)+len(add)
	if n > cap(d.keys) {
		// Room for a quarter more: a day that grows is copied a few
		// times, and holds little it does not use.
		c := n + n/4
		keys, slots := make([]uint64, old, c), make([]int32, old, c)
		copy(keys, d.keys)
		copy(slots, d.slots)
		d.keys, d.slots = keys, slots
	}
	d.keys, d.slots = d.keys[:n], d.slots[:n]
	// Merge from the back, in place. Slots only grow between rebuilds, so
	// a pending pair goes after a filed one with the same key.
	i, j := old-1, len(add)-1
	for k := n - 1; j >= 0; k-- {
		if i >= 0 && d.keys[i] > add[j].key {
			d.keys[k], d.slots[k] = d.keys[i], d.slots[i]
			i--
		} else {
			d.keys[k], d.slots[k] = add[j].key, add[j].slot
			j--
		}
	}
}

// each calls fn with the slots filed under k on day, in filing order,
// until fn returns false; each reports whether fn never did.
func (x *keyIndex) each(k uint64, day uint32, fn func(slot int32) bool) bool {
	if d := x.days[day]; d != nil {
		i, _ := slices.BinarySearch(d.keys, k)
		for ; i < len(d.keys) && d.keys[i] == k; i++ {
			if !fn(d.slots[i]) {
				return false
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
		n += len(d.keys)
	}
	return n
}
