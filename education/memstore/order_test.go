package memstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

// TestActivitiesSortWithoutAllocating streams 256 activities stored out of order and
// checks that the stream allocates little more than the copies it yields: sorting them
// (about 2,000 comparisons) must not allocate per comparison, as it did when the order
// was a literal inlined with New into the calling package.
func TestActivitiesSortWithoutAllocating(t *testing.T) {
	const n = 256
	ctx := context.Background()
	s := memstore.New()
	for i := range n {
		a := &education.Activity{
			ID:   education.ID(fmt.Sprintf("a%03d", (i*37)%n)),
			Date: gongwei.MustDate(2024, time.January, 1).AddDays((i * 101) % 300),
		}
		if err := s.PutActivity(ctx, a, 0); err != nil {
			t.Fatal(err)
		}
	}
	var prev *education.Activity
	got := 0
	for a, err := range s.Activities(ctx, education.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && (a.Date.Before(prev.Date) || a.Date == prev.Date && a.ID < prev.ID) {
			t.Fatalf("%s on %v after %s on %v", a.ID, a.Date, prev.ID, prev.Date)
		}
		prev, got = a, got+1
	}
	if got != n {
		t.Fatalf("streamed %d activities, want %d", got, n)
	}
	allocs := testing.AllocsPerRun(10, func() {
		for _, err := range s.Activities(ctx, education.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
		}
	})
	// One copy per activity, the selection's growth and the iterator's closures.
	if limit := float64(n + 32); allocs > limit {
		t.Errorf("streaming %d activities: %.0f allocations, want at most %.0f", n, allocs, limit)
	}
}
