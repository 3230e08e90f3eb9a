package educationtest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	educationtest.TestStore(t, func(*testing.T) education.Store { return memstore.New() })
	educationtest.TestSurveyStore(t, func(*testing.T) education.SurveyStore { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a village station's lecture.
func ExampleLecture() {
	a := educationtest.Lecture("L1", "110105001101", gongwei.MustDate(2025, 3, 24))
	fmt.Println(a.ID, a.Institution, a.Kind, a.Date, a.Validate())
	// Output: L1 station lecture 2025-03-24 <nil>
}
