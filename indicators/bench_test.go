package indicators

import (
	"strconv"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// BenchmarkTallyAdd measures one contribution to an existing cell, the per-record cost of
// a computation (1,000 villages × 5 indicators).
func BenchmarkTallyAdd(b *testing.B) {
	units := make([]Unit, 1000)
	for i := range units {
		units[i] = Unit("110101" + strconv.Itoa(100+i/100) + strconv.Itoa(100+i%100))
	}
	codes := []Code{"record.coverage", "record.electronic", "elderly.management", "ht.bp_control", "dm.glucose_control"}
	year := gongwei.Year(2024)
	t := NewTally(len(units) * len(codes))
	i := 0
	for b.Loop() {
		t.Add(codes[i%len(codes)], units[i%len(units)], year, 1, 1)
		i++
	}
}

// BenchmarkMerge merges two shards of 5,000 cells each.
func BenchmarkMerge(b *testing.B) {
	year := gongwei.Year(2024)
	shard := func(n int) *Tally {
		t := NewTally(n)
		for i := range n {
			t.Add("record.coverage", Unit("110101"+strconv.Itoa(100+i/100)+strconv.Itoa(100+i%100)), year, 1, 2)
		}
		return t
	}
	x, y := shard(5000), shard(5000)
	for b.Loop() {
		_ = Merge(x, y)
	}
}
