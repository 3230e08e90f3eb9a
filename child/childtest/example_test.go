package childtest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	childtest.TestStore(t, func(*testing.T) child.Store { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a child and its 6-month check.
func ExampleVisit() {
	c := childtest.Child(1)
	v := childtest.Visit(c, child.Kind6m, gongwei.MustDate(2024, 7, 2))
	fmt.Println(c.ID, c.BirthDate, c.Validate())
	fmt.Println(v.ID, v.ValidateFor(c))
	// Output:
	// R1 2024-01-02 <nil>
	// R1-20240702-m6 <nil>
}
