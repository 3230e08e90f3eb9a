package recordtest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// Fixtures build valid records for a host's own tests.
func ExampleContract() {
	r := recordtest.ResidentAt(1, "11010500110200007")
	k := recordtest.Contract(r, gongwei.MustDate(2024, 1, 1))
	fmt.Println(k.Resident, k.Period, k.Validate())
	e := recordtest.Event(r, healthrecord.EventCheckup, gongwei.MustDate(2024, 3, 1))
	fmt.Println(e.Kind, e.Date, e.Validate())
	// Output:
	// 11010500110200007 [2024-01-01, 2025-01-01) <nil>
	// checkup 2024-03-01 <nil>
}
