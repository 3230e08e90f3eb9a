package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
)

// TestMaternalSpanFollowsUpdates: the span columns are rewritten with the pregnancy: an
// ongoing pregnancy is under care in every later period until its delivery is
// recorded, then only until the 42nd day after it. A failed put's error repeats
// neither the woman's health record nor her ID number.
func TestMaternalSpanFollowsUpdates(t *testing.T) {
	engineStores(t, (*sqlstore.DB).Maternal, func(t *testing.T, ctx context.Context, s *sqlstore.MaternalStore) {
		w := maternaltest.Woman(1, maternaltest.FixtureVillage)
		lmp := gongwei.MustDate(2023, 1, 1)
		p := maternaltest.Booked(w, lmp)
		p.Version = 1
		if err := s.PutPregnancy(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
		count := func(f maternal.Filter) int {
			t.Helper()
			got, err := storetest.Collect(s.Pregnancies(ctx, f))
			if err != nil {
				t.Fatal(err)
			}
			return len(got)
		}
		y2024 := maternal.Filter{Period: gongwei.Year(2024)}
		if n := count(y2024); n != 1 {
			t.Errorf("ongoing pregnancy under care in 2024: %d, want 1", n)
		}
		// Delivered on LMP + 280 days = 2023-10-08; under care to 2023-11-19 included.
		delivered := maternaltest.Pregnancy(w, lmp)
		delivered.Version = 2
		if err := s.PutPregnancy(ctx, delivered, 1); err != nil {
			t.Fatal(err)
		}
		if n := count(y2024); n != 0 {
			t.Errorf("pregnancy delivered in 2023 under care in 2024: %d, want 0", n)
		}
		if n := count(maternal.Filter{Period: gongwei.Days(gongwei.MustDate(2023, 11, 19), 1)}); n != 1 {
			t.Errorf("under care on day 42 after delivery: %d, want 1", n)
		}
		if n := count(maternal.Filter{Period: gongwei.Days(gongwei.MustDate(2023, 11, 20), 1)}); n != 0 {
			t.Errorf("under care on day 43 after delivery: %d, want 0", n)
		}
		err := s.PutPregnancy(ctx, delivered, 1)
		if !errors.Is(err, gongwei.ErrConflict) {
			t.Fatalf("stale put: %v, want gongwei.ErrConflict", err)
		}
		for _, personal := range []string{string(w.ID), w.IDNumber.String(), string(delivered.ID)} {
			if strings.Contains(err.Error(), personal) {
				t.Errorf("error %q repeats a personal value", err)
			}
		}
	})
}

// Store pregnancies in an SQLite file and stream those under care in a year: a
// pregnancy is under care from its last menstrual period to the 42nd day after its
// end, or for good while it goes on.
func ExampleDB_Maternal() {
	ctx, db, done := openExample() // an SQLite file in a temporary directory
	if db == nil {
		return
	}
	defer done()

	s := db.Maternal()
	v := maternaltest.FixtureVillage
	for _, p := range []*maternal.Pregnancy{
		maternaltest.Pregnancy(maternaltest.Woman(1, v), gongwei.MustDate(2022, 6, 1)), // delivered 2023-03-08
		maternaltest.Pregnancy(maternaltest.Woman(2, v), gongwei.MustDate(2023, 5, 1)), // delivered 2024-02-05
		maternaltest.Booked(maternaltest.Woman(3, v), gongwei.MustDate(2024, 9, 1)),    // ongoing
	} {
		p.Version = 1
		if err := s.PutPregnancy(ctx, p, 0); err != nil {
			fmt.Println(err)
		}
	}
	for p, err := range s.Pregnancies(ctx, maternal.Filter{Prefix: "110105001", Period: gongwei.Year(2024)}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(p.Dating.LMP, p.DueDate(), p.Delivery != nil)
	}
	// Output:
	// 2023-05-01 2024-02-05 true
	// 2024-09-01 2025-06-08 false
}
