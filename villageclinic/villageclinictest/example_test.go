package villageclinictest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

// Fixtures give a host's own tests valid records: a training session of the
// township's village doctors.
func ExampleTraining() {
	tr := villageclinictest.Training("T1", "110105001", gongwei.MustDate(2024, 4, 10))
	fmt.Println(tr.ID, tr.Township, len(tr.Attendees), tr.Validate())
	for _, a := range tr.Attendees {
		fmt.Println(a.Doctor, a.Village, "passed", tr.Passed(a))
	}
	// Output:
	// T1 110105001 2 <nil>
	// D1 110105001001 passed true
	// D2 110105001001 passed false
}
