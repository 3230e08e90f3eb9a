package memstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

// TestPregnanciesSortWithoutAllocating streams 256 pregnancies stored out of order and
// checks that the stream allocates little more than the copies it yields: sorting them
// (about 2,000 comparisons) must not allocate per comparison, as it did when the order
// was a literal inlined with New into the calling package.
func TestPregnanciesSortWithoutAllocating(t *testing.T) {
	const n = 256
	ctx := context.Background()
	s := memstore.New()
	for i := range n {
		p := &maternal.Pregnancy{
			ID:      maternal.PregnancyID(fmt.Sprintf("p%03d", (i*37)%n)),
			Village: healthrecord.Village(fmt.Sprintf("110101001%03d", (i*101)%7)),
		}
		if err := s.PutPregnancy(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
	}
	var prev *maternal.Pregnancy
	got := 0
	for p, err := range s.Pregnancies(ctx, maternal.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && (p.Village < prev.Village || p.Village == prev.Village && p.ID < prev.ID) {
			t.Fatalf("%s of %s after %s of %s", p.ID, p.Village, prev.ID, prev.Village)
		}
		prev, got = p, got+1
	}
	if got != n {
		t.Fatalf("streamed %d pregnancies, want %d", got, n)
	}
	// The copies the stream yields, measured on their own.
	clones := testing.AllocsPerRun(10, func() { _ = prev.Clone() }) * n
	allocs := testing.AllocsPerRun(10, func() {
		for _, err := range s.Pregnancies(ctx, maternal.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
		}
	})
	// The copies, the selection's growth and the iterator's closures.
	if limit := clones + 32; allocs > limit {
		t.Errorf("streaming %d pregnancies: %.0f allocations, want at most %.0f", n, allocs, limit)
	}
}
