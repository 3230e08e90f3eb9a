package immunizationtest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
)

// Fixtures give a host's own tests valid records: a child's registration and its
// hepatitis B doses at birth, 1 and 6 months.
func ExampleVaccination() {
	r := immunizationtest.Registration(1, "110105001101")
	fmt.Println(r.Resident, r.Child.Birth, r.Validate())
	for i := range 3 {
		v := immunizationtest.Vaccination(r, i)
		fmt.Println(v.ID, v.Dose.Vaccine, v.Dose.Number, v.Dose.Date, v.Validate())
	}
	// Output:
	// R00001 2023-03-16 <nil>
	// R00001-V0 HepB 1 2023-03-16 <nil>
	// R00001-V1 HepB 2 2023-04-16 <nil>
	// R00001-V2 HepB 3 2023-09-16 <nil>
}
