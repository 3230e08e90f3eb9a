package supervisiontest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// Fixtures give a host's own tests valid records: a unit and an inspection of it
// whose rectification was followed up.
func ExampleInspection() {
	u := supervisiontest.Unit("U1", "110105001101")
	in := supervisiontest.Inspection("I1", u.ID, u.Village, gongwei.MustDate(2024, 3, 1))
	fmt.Println(u.ID, u.Kind, u.Validate())
	fmt.Println(in.ID, in.Opinion.Deadline, in.Validate())
	// Output:
	// U1 food <nil>
	// I1 2024-03-16 <nil>
}
