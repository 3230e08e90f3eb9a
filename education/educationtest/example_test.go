package educationtest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education/educationtest"
)

// Fixtures give a host's own tests valid records: a village station's lecture.
func ExampleLecture() {
	a := educationtest.Lecture("L1", "110105001101", gongwei.MustDate(2025, 3, 24))
	fmt.Println(a.ID, a.Institution, a.Kind, a.Date, a.Validate())
	// Output: L1 station lecture 2025-03-24 <nil>
}
