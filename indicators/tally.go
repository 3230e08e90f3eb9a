package indicators

import (
	"cmp"
	"iter"
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// Key identifies one cell of a tally: an indicator, an organisational unit and a period.
// It is a small comparable struct (two strings and two civil dates), cheap as a map key.
type Key struct {
	Code   Code
	Unit   Unit
	Period gongwei.Period
}

func compareKeys(a, b Key) int {
	if c := cmp.Compare(a.Code, b.Code); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Unit, b.Unit); c != 0 {
		return c
	}
	if c := a.Period.Start.Compare(b.Period.Start); c != 0 {
		return c
	}
	return a.Period.End.Compare(b.Period.End)
}

// Counts are a numerator and a denominator: the people or events counted and those counted
// against. They are integers so that they add exactly.
type Counts struct {
	Num int64
	Den int64
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts { return Counts{c.Num + d.Num, c.Den + d.Den} }

// Sink receives counts. A domain package's computation writes into a Sink (it need not
// know whether it is filling a *Tally, a shard of one, or a host's own aggregate store):
// for each record it adds the record's contribution to the numerator and the denominator
// of each indicator, in the unit and period the indicator's Basis places the record.
//
// A person counted by a rate contributes at most 1 to the denominator and at most 1 to the
// numerator per period; counts contribute the number of events.
type Sink interface {
	Add(code Code, unit Unit, period gongwei.Period, num, den int64)
}

// Tally holds counts keyed by indicator, unit and period. Tallies merge: Merge is
// associative and commutative (it adds integers), so computing shard by shard or village by
// village and merging gives exactly the figures of a single pass over every record.
//
// The zero Tally is empty and ready to use. A Tally is not safe for concurrent use: fill one
// per goroutine and merge them (see [Merge]).
type Tally struct {
	m map[Key]Counts
}

var _ Sink = (*Tally)(nil)

// NewTally returns an empty tally with room for n cells.
func NewTally(n int) *Tally { return &Tally{m: make(map[Key]Counts, n)} }

// Add adds num to the numerator and den to the denominator of the cell (code, unit,
// period). For a count indicator pass den 0. Adding zero to both still creates the cell,
// which then reports "data, value 0" rather than "no data". Negative counts are accepted
// (a host may net a correction into a tally) and merge like any other.
func (t *Tally) Add(code Code, unit Unit, period gongwei.Period, num, den int64) {
	t.AddCounts(Key{code, unit, period}, Counts{num, den})
}

// AddCounts adds c to the cell k.
func (t *Tally) AddCounts(k Key, c Counts) {
	if t.m == nil {
		t.m = make(map[Key]Counts)
	}
	t.m[k] = t.m[k].Add(c)
}

// Get returns the counts of cell k and whether the cell exists.
func (t *Tally) Get(k Key) (Counts, bool) {
	c, ok := t.m[k]
	return c, ok
}

// Rate returns the rate of cell (code, unit, period) on the scale of code's definition in
// the national catalogue, and false when the cell is absent or the code unknown. Use
// Get and Indicator.Rate for a host catalogue.
func (t *Tally) Rate(code Code, unit Unit, period gongwei.Period) (Rate, bool) {
	ind, ok := Lookup(code)
	if !ok {
		return Rate{}, false
	}
	c, ok := t.Get(Key{code, unit, period})
	if !ok {
		return Rate{Scale: ind.Scale}, false
	}
	return ind.Rate(c), true
}

// Len returns the number of cells.
func (t *Tally) Len() int { return len(t.m) }

// Merge adds every cell of u into t. Merging is associative and commutative.
func (t *Tally) Merge(u *Tally) {
	if u == nil {
		return
	}
	if t.m == nil {
		t.m = make(map[Key]Counts, len(u.m))
	}
	for k, c := range u.m {
		t.m[k] = t.m[k].Add(c)
	}
}

// Merge returns a new tally holding the sum of ts (shards filled in parallel).
func Merge(ts ...*Tally) *Tally {
	n := 0
	for _, t := range ts {
		if t != nil {
			n = max(n, len(t.m))
		}
	}
	out := NewTally(n)
	for _, t := range ts {
		out.Merge(t)
	}
	return out
}

// Clone returns a copy of t.
func (t *Tally) Clone() *Tally { return Merge(t) }

// Equal reports whether t and u hold the same cells with the same counts.
func (t *Tally) Equal(u *Tally) bool {
	if t.Len() != u.Len() {
		return false
	}
	for k, c := range t.m {
		if d, ok := u.m[k]; !ok || d != c {
			return false
		}
	}
	return true
}

// RollUp returns a new tally in which each cell's unit is replaced by its ancestor at
// level l, and the counts of cells that meet there are added. Cells already at or above l
// (and cells of the zero unit) are kept as they are. Rolling up in steps gives the same
// result as rolling up at once: t.RollUp(LevelTownship).RollUp(LevelCounty) equals
// t.RollUp(LevelCounty).
//
// Rolling up adds counts, which is right for counted denominators and for estimated ones
// when each unit's estimate is rounded where it is made (see [Estimate]).
func (t *Tally) RollUp(l Level) *Tally {
	out := NewTally(len(t.m))
	for k, c := range t.m {
		if a, ok := k.Unit.Ancestor(l); ok {
			k.Unit = a
		}
		out.AddCounts(k, c)
	}
	return out
}

// Keys returns the tally's keys sorted by code, unit and period.
func (t *Tally) Keys() []Key {
	keys := make([]Key, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	return keys
}

// All yields the cells in key order.
func (t *Tally) All() iter.Seq2[Key, Counts] {
	return func(yield func(Key, Counts) bool) {
		for _, k := range t.Keys() {
			if !yield(k, t.m[k]) {
				return
			}
		}
	}
}

// Fill streams records once into sink: fn adds each record's contributions (for every
// indicator the record counts towards). It stops at the first error the iterator yields,
// following the library's iterator convention (the error is yielded once, then the
// iterator stops), and returns it. To compute in parallel, give each shard its own *Tally
// and [Merge] them.
func Fill[T any](sink Sink, records iter.Seq2[T, error], fn func(Sink, T)) error {
	for rec, err := range records {
		if err != nil {
			return err
		}
		fn(sink, rec)
	}
	return nil
}
