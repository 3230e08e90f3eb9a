package womenshealthtest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// Fixtures give a host's own tests valid records: a screening of a woman aged 45.
func ExampleScreening() {
	s := womenshealthtest.Screening("S1", "110105001101", gongwei.MustDate(2024, 5, 6))
	fmt.Println(s.ID, s.Birth, "in target age", womenshealth.InTargetAge(s.Birth, s.Date), s.Validate())
	// Output: S1 1979-05-06 in target age true <nil>
}
