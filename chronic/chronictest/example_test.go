package chronictest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
)

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
