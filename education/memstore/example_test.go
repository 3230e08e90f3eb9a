package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

// A memstore behind an education.Service: a village station records a lecture in
// January and one in March; on 31 March the service reads them back and checks them
// against the village's yearly minimum of 6 lectures, pro rata.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "D001", Institution: "110105001101", Within: "110105001101"})
	svc := education.New(memstore.New(), education.Options{})

	for i, d := range []gongwei.Date{gongwei.MustDate(2025, 1, 20), gongwei.MustDate(2025, 3, 24)} {
		a := educationtest.Lecture(education.ID(fmt.Sprint("L", i+1)), "110105001101", d)
		if err := svc.Save(ctx, a); err != nil {
			fmt.Println(err)
			return
		}
	}

	r, err := svc.Check(ctx, "110105001101", education.Station, gongwei.MustDate(2025, 3, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range r.Results {
		if x.Item == education.ItemLectures {
			fmt.Printf("lectures: %d done, %d required by now, %d a year, met %v\n", x.Done, x.Required, x.PerYear, x.Met)
		}
	}
	// Output: lectures: 2 done, 1 required by now, 6 a year, met true
}
