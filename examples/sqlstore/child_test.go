package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// TestChildResidentKey: the unique key on the resident follows the record (a record
// moved to another health record frees the old one), records without a resident do
// not collide, and the duplicate's error does not repeat the resident (PostgreSQL's
// message of a unique violation would).
func TestChildResidentKey(t *testing.T) {
	engineStores(t, (*sqlstore.DB).Child, func(t *testing.T, ctx context.Context, s *sqlstore.ChildStore) {
		const resident healthrecord.ResidentID = "11010500110100042"
		put := func(c *child.Child, version, prev int64) error {
			c.Version = version
			return s.PutChild(ctx, c, prev)
		}
		a := childtest.Child(1)
		a.Resident = resident
		if err := put(a, 1, 0); err != nil {
			t.Fatal(err)
		}
		b := childtest.Child(2)
		b.Resident = resident
		err := put(b, 1, 0)
		if !errors.Is(err, gongwei.ErrDuplicate) || strings.Contains(err.Error(), string(resident)) {
			t.Errorf("second record of a resident: %v, want gongwei.ErrDuplicate without the resident", err)
		}
		a.Resident = "R9"
		if err := put(a, 2, 1); err != nil {
			t.Fatal(err)
		}
		if err := put(b, 1, 0); err != nil {
			t.Fatalf("the resident freed by an update is still taken: %v", err)
		}
		if got, err := s.ChildByResident(ctx, resident); err != nil || got.ID != b.ID {
			t.Errorf("ChildByResident = %v, %v; want %s", got, err, b.ID)
		}
		for i := 3; i <= 4; i++ {
			c := childtest.Child(i)
			c.Resident = ""
			if err := put(c, 1, 0); err != nil {
				t.Errorf("record %d without a resident: %v", i, err)
			}
		}
		if _, err := s.ChildByResident(ctx, ""); !errors.Is(err, gongwei.ErrNotFound) {
			t.Errorf("ChildByResident(\"\") = %v, want gongwei.ErrNotFound", err)
		}
	})
}

// Store child records and visits in an SQLite file, find a child by its health record
// and stream its visits of the first half-year.
func ExampleDB_Child() {
	ctx, db, done := openExample() // an SQLite file in a temporary directory
	if db == nil {
		return
	}
	defer done()

	s := db.Child()
	for i := 1; i <= 2; i++ {
		c := childtest.Child(i)
		c.Version = 1
		if err := s.PutChild(ctx, c, 0); err != nil {
			fmt.Println(err)
		}
		for _, v := range []*child.Visit{
			childtest.Visit(c, child.Kind6m, c.BirthDate.AddMonths(6)),
			childtest.Visit(c, child.Kind3m, c.BirthDate.AddMonths(3)),
			childtest.Visit(c, child.Kind8m, c.BirthDate.AddMonths(8)),
		} {
			v.Version = 1
			if err := s.PutVisit(ctx, v, 0); err != nil {
				fmt.Println(err)
			}
		}
	}
	c, err := s.ChildByResident(ctx, "R2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ID, c.BirthDate, c.BirthWeightG)
	h1 := gongwei.Period{Start: gongwei.MustDate(2024, time.January, 1), End: gongwei.MustDate(2024, time.July, 1)}
	for v, err := range s.Visits(ctx, child.VisitFilter{Child: c.ID, Period: h1}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(v.ID, v.Kind, v.Date)
	}
	// Output:
	// R2 2024-01-03 3200
	// R2-20240403-m3 m3 2024-04-03
}
