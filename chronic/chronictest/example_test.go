package chronictest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	chronictest.TestStore(t, func(*testing.T) chronic.Store { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a hypertension patient and a
// follow-up at 132/84, classified as the service would classify it.
func ExampleVisit() {
	p := chronictest.Patient(1, chronic.Hypertension)
	v := chronictest.Visit(p, gongwei.MustDate(2024, 3, 5))
	fmt.Println(p.ID, p.Village, p.Validate())
	fmt.Println(v.ID, v.Assessment.Class, v.Assessment.NextDue)
	// Output:
	// P1-hypertension 110105001101 <nil>
	// P1-hypertension-2024-03-05 控制满意 2024-06-05
}
