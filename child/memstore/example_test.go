package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
)

// A memstore behind a child.Service: the village doctor registers a child and records
// the 6-month check, to which the service gives an ID; the visit read back is
// assessed against the WHO growth standards.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "S1", Institution: "110105001101", Within: "110105001101"})
	svc := child.New(memstore.New(), child.Options{})

	c := childtest.Child(1) // a girl born 2024-01-02
	c.DeathDate = gongwei.Date{}
	if err := svc.SaveChild(ctx, c); err != nil {
		fmt.Println(err)
		return
	}
	v := childtest.Visit(c, child.Kind6m, gongwei.MustDate(2024, 7, 2))
	v.ID = ""                    // assigned on save
	v.Measurement.Oedema = false // with oedema no weight z-score is computed
	if err := svc.SaveVisit(ctx, v); err != nil {
		fmt.Println(err)
		return
	}

	visits, err := svc.VisitsOf(ctx, c.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range visits {
		a, err := v.Assess(c)
		fmt.Printf("%s version %d: %d days, weight-for-age z %.2f %v\n", v.ID, v.Version, a.AgeDays, a.WeightForAge.Z, err)
	}
	// Output: R1-20240702-m6 version 1: 182 days, weight-for-age z 0.86 <nil>
}
