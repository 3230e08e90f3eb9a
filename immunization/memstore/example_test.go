package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

// A memstore behind an immunization.Service: the vaccination clinic registers a child
// born 2023-03-16, records the first two hepatitis B doses, reads the history back
// and forecasts the third dose, due at 6 months.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "G1", Institution: "110105001000", Within: "110105001"})
	svc := immunization.New(memstore.New(), immunization.Options{})

	r := immunizationtest.Registration(1, "110105001101")
	if err := svc.Register(ctx, r); err != nil {
		fmt.Println(err)
		return
	}
	for i := range 2 {
		if err := svc.Vaccinate(ctx, immunizationtest.Vaccination(r, i)); err != nil {
			fmt.Println(err)
			return
		}
	}

	history, err := svc.History(ctx, r.Resident)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range history {
		fmt.Println(d.Vaccine, d.Number, d.Date)
	}
	recs, err := svc.Forecast(ctx, r.Resident, gongwei.MustDate(2023, 5, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range recs {
		if x.Vaccine == immunization.HepB {
			fmt.Println("next", x.Vaccine, x.Dose, x.Recommended, x.Status)
		}
	}
	// Output:
	// HepB 1 2023-03-16
	// HepB 2 2023-04-16
	// next HepB 3 2023-09-16 not_due
}
