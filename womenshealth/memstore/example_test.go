package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// A memstore behind a womenshealth.Service: the township centre records a woman's
// cervical and breast cancer screening and a birth-defect report, and reads them back;
// the report is judged against a deadline the host sets (7 days here).
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "F01", Institution: "110105001000", Within: "110105001"})
	svc := womenshealth.New(memstore.New(), womenshealth.Options{})

	d := gongwei.MustDate(2024, 5, 6)
	if err := svc.SaveScreening(ctx, womenshealthtest.Screening("S1", "110105001101", d)); err != nil {
		fmt.Println(err)
		return
	}
	if err := svc.SaveReport(ctx, womenshealthtest.Report("B1", "110105001101", d)); err != nil {
		fmt.Println(err)
		return
	}

	s, err := svc.Store().Screening(ctx, "S1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.ID, s.Version, s.Date, "in target age", womenshealth.InTargetAge(s.Birth, s.Date))
	r, err := svc.Store().Report(ctx, "B1")
	if err != nil {
		fmt.Println(err)
		return
	}
	timely, ok := womenshealth.Deadlines{womenshealth.BirthDefect: 7}.Timely(r)
	fmt.Println(r.ID, r.Kind, "reported", r.Reported, "timely", timely, ok)
	// Output:
	// S1 1 2024-05-06 in target age true
	// B1 birth_defect reported 2024-05-09 timely true true
}
