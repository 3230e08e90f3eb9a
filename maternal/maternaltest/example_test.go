package maternaltest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	maternaltest.TestStore(t, func(*testing.T) maternal.Store { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a woman of the village and her
// pregnancy, booked at 10 weeks and followed to the 42-day check.
func ExamplePregnancy() {
	w := maternaltest.Woman(1, maternaltest.FixtureVillage)
	p := maternaltest.Pregnancy(w, gongwei.MustDate(2024, 1, 1))
	fmt.Println(w.Sex, p.ID, p.Validate())
	fmt.Println("booked", p.Booked, "due", p.DueDate(), "prenatal services", p.PrenatalCount())
	// Output:
	// 女 11010500110100001-20240311 <nil>
	// booked 2024-03-11 due 2024-10-07 prenatal services 5
}
