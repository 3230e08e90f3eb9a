package storetest_test

import (
	"context"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/maternal"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
)

// sortCase is a memstore stream checked by TestMemstoresSortWithoutAllocating.
type sortCase[R any] struct {
	// put stores the i-th record of n, in an order other than the stream's.
	put func(ctx context.Context, i, n int) error
	// stream streams every record.
	stream func(ctx context.Context) iter.Seq2[*R, error]
	// before reports whether x is out of the stream's order after prev.
	before func(x, prev *R) bool
	// limit is the number of allocations the stream of n records may make, given the
	// last record streamed: the copies it yields, the selection's growth and the
	// iterator's closures.
	limit func(n int, last *R) float64
}

// checkSortWithoutAllocating streams 256 records stored out of order and checks that
// the stream is in order and allocates little more than the copies it yields: sorting
// them (about 2,000 comparisons) must not allocate per comparison, as it did when the
// order was a literal inlined with New into the calling package.
func checkSortWithoutAllocating[R any](t *testing.T, c sortCase[R]) {
	const n = 256
	ctx := context.Background()
	for i := range n {
		if err := c.put(ctx, i, n); err != nil {
			t.Fatal(err)
		}
	}
	var prev *R
	got := 0
	for x, err := range c.stream(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && c.before(x, prev) {
			t.Fatalf("%+v after %+v", x, prev)
		}
		prev, got = x, got+1
	}
	if got != n {
		t.Fatalf("streamed %d records, want %d", got, n)
	}
	limit := c.limit(n, prev)
	allocs := testing.AllocsPerRun(10, func() {
		for _, err := range c.stream(ctx) {
			if err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs > limit {
		t.Errorf("streaming %d records: %.0f allocations, want at most %.0f", n, allocs, limit)
	}
}

// TestMemstoresSortWithoutAllocating runs checkSortWithoutAllocating on the streams of
// the memstores whose order compares more than an ID.
func TestMemstoresSortWithoutAllocating(t *testing.T) {
	t.Run("education activities", func(t *testing.T) {
		s := educationmem.New()
		checkSortWithoutAllocating(t, sortCase[education.Activity]{
			put: func(ctx context.Context, i, n int) error {
				return s.PutActivity(ctx, &education.Activity{
					ID:   education.ID(fmt.Sprintf("a%03d", (i*37)%n)),
					Date: gongwei.MustDate(2024, time.January, 1).AddDays((i * 101) % 300),
				}, 0)
			},
			stream: func(ctx context.Context) iter.Seq2[*education.Activity, error] {
				return s.Activities(ctx, education.Filter{})
			},
			before: func(a, prev *education.Activity) bool {
				return a.Date.Before(prev.Date) || a.Date == prev.Date && a.ID < prev.ID
			},
			// One copy per activity, the selection's growth and the iterator's closures.
			limit: func(n int, _ *education.Activity) float64 { return float64(n + 32) },
		})
	})
	t.Run("maternal pregnancies", func(t *testing.T) {
		s := maternalmem.New()
		checkSortWithoutAllocating(t, sortCase[maternal.Pregnancy]{
			put: func(ctx context.Context, i, n int) error {
				return s.PutPregnancy(ctx, &maternal.Pregnancy{
					ID:      maternal.PregnancyID(fmt.Sprintf("p%03d", (i*37)%n)),
					Village: healthrecord.Village(fmt.Sprintf("110101001%03d", (i*101)%7)),
				}, 0)
			},
			stream: func(ctx context.Context) iter.Seq2[*maternal.Pregnancy, error] {
				return s.Pregnancies(ctx, maternal.Filter{})
			},
			before: func(p, prev *maternal.Pregnancy) bool {
				return p.Village < prev.Village || p.Village == prev.Village && p.ID < prev.ID
			},
			// The copies the stream yields, measured on their own, the selection's growth
			// and the iterator's closures.
			limit: func(n int, last *maternal.Pregnancy) float64 {
				return testing.AllocsPerRun(10, func() { _ = last.Clone() })*float64(n) + 32
			},
		})
	})
}
