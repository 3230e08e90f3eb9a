package maternaltest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
)

// Fixtures give a host's own tests valid records: a woman of the village and her
// pregnancy, booked at 10 weeks and followed to the 42-day check.
func ExamplePregnancy() {
	w := maternaltest.Woman(1, maternaltest.FixtureVillage)
	p := maternaltest.Pregnancy(w, gongwei.MustDate(2024, 1, 1))
	fmt.Println(w.Sex, p.ID, p.Validate())
	fmt.Println("booked", p.Booked, "due", p.DueDate(), "prenatal services", p.PrenatalCount())
	// Output:
	// 女 11010500110100001-20240311 <nil>
	// booked 2024-03-11 due 2024-10-07 prenatal services 5
}
