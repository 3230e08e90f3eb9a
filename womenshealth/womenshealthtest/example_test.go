package womenshealthtest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	womenshealthtest.TestStore(t, func(*testing.T) womenshealth.Store { return memstore.New() })
	womenshealthtest.TestPremaritalStore(t, func(*testing.T) womenshealth.PremaritalStore { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a screening of a woman aged 45.
func ExampleScreening() {
	s := womenshealthtest.Screening("S1", "110105001101", gongwei.MustDate(2024, 5, 6))
	fmt.Println(s.ID, s.Birth, "in target age", womenshealth.InTargetAge(s.Birth, s.Date), s.Validate())
	// Output: S1 1979-05-06 in target age true <nil>
}
