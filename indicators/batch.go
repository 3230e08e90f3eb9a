package indicators

import (
	"unsafe"

	"github.com/gongwei-lib/gongwei"
)

// batch is a Sink that adds into small per-unit arrays and hands the sums to its
// destination sink once, on flush. A computation adds a dozen cells per resident and
// its residents come village by village, so almost every Add lands in the unit of the
// previous one, on the indicator the same code path added next time: batch finds that
// slot by comparing two strings instead of hashing a three-part key into a map, which
// is what makes a tally of a million residents cost well under a second (BENCHMARKS.md).
//
// The destination receives exactly the cells and sums it would have received from the
// same Adds made directly, including cells to which only zeros were added.
type batch struct {
	dst    Sink
	blocks map[blockKey]*unitBlock
	order  []*unitBlock
	last   *unitBlock
	// lastUnit is the unit of the last Add, as passed (last's unit is equal to it).
	lastUnit Unit
}

// sameString reports whether a and b are the same bytes in memory, which makes them
// equal without comparing them.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

type blockKey struct {
	unit   Unit
	period gongwei.Period
}

// unitBlock holds the cells of one unit and period, in the order their codes were first
// added; next is where the following Add is expected to land: succ[prev], the cell that
// followed the last one added (prev) the last time it was added.
type unitBlock struct {
	unit   Unit
	period gongwei.Period
	codes  []Code
	counts []Counts
	succ   []int32
	prev   int
	next   int
}

// newBatch returns a batch in front of dst. When dst is already a batch it is returned
// as is, so nested computations batch once.
func newBatch(dst Sink) *batch {
	if b, ok := dst.(*batch); ok {
		return b
	}
	return &batch{dst: dst}
}

// Add implements Sink.
func (b *batch) Add(code Code, unit Unit, period gongwei.Period, num, den int64) {
	// A computation passes the same unit string for every cell of a record: compare
	// its address before its bytes.
	blk := b.last
	if blk == nil || blk.period != period || !sameString(string(b.lastUnit), string(unit)) && blk.unit != unit {
		blk = b.block(unit, period)
		b.last = blk
	}
	b.lastUnit = unit
	i := blk.next
	if i >= len(blk.codes) || !sameString(string(blk.codes[i]), string(code)) && blk.codes[i] != code {
		i = blk.slot(code, i)
	}
	blk.counts[i].Num += num
	blk.counts[i].Den += den
	// Learn which cell follows this one: the computations add their cells in the
	// same few orders (one per kind of record), so the cell added after a given one
	// is most often the one added after it last time.
	if blk.prev >= 0 {
		blk.succ[blk.prev] = int32(i)
	}
	blk.prev = i
	blk.next = int(blk.succ[i])
}

// block finds or creates the block of (unit, period).
func (b *batch) block(unit Unit, period gongwei.Period) *unitBlock {
	k := blockKey{unit, period}
	if blk, ok := b.blocks[k]; ok {
		return blk
	}
	if b.blocks == nil {
		b.blocks = make(map[blockKey]*unitBlock)
	}
	blk := &unitBlock{unit: unit, period: period, prev: -1}
	b.blocks[k] = blk
	b.order = append(b.order, blk)
	return blk
}

// slot finds or creates code's slot in blk, searching from the expected slot from on:
// an Add that skipped a conditional code lands a few slots further.
func (blk *unitBlock) slot(code Code, from int) int {
	// The codes added are the computations' constants: look for the same string first
	// (the same bytes in memory), then for an equal one.
	from = min(from, len(blk.codes))
	for i, c := range blk.codes[from:] {
		if sameString(string(c), string(code)) {
			return from + i
		}
	}
	for i, c := range blk.codes[:from] {
		if sameString(string(c), string(code)) {
			return i
		}
	}
	for i, c := range blk.codes {
		if c == code {
			return i
		}
	}
	blk.codes = append(blk.codes, code)
	blk.counts = append(blk.counts, Counts{})
	blk.succ = append(blk.succ, int32(len(blk.codes)))
	return len(blk.codes) - 1
}

// flush adds every cell held to the destination and empties the batch.
func (b *batch) flush() {
	for _, blk := range b.order {
		for i, code := range blk.codes {
			c := blk.counts[i]
			b.dst.Add(code, blk.unit, blk.period, c.Num, c.Den)
		}
	}
	clear(b.blocks)
	b.order = b.order[:0]
	b.last, b.lastUnit = nil, ""
}
