package childtest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
)

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
