package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

// A memstore behind a maternal.Registry, which reads the woman's health record from
// its own memstore: the village doctor books a pregnancy, adds the second prenatal
// visit, and reads the pregnancy back.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "D001", Institution: "110105001101", Within: "110105001101"})
	records := healthrecord.New(hrmem.New(), healthrecord.Options{})
	w := maternaltest.Woman(1, "110105001101")
	w.Version = 0
	if err := records.SaveResident(ctx, w); err != nil {
		fmt.Println(err)
		return
	}
	reg := maternal.New(memstore.New(), maternal.Options{Records: records})

	p := maternaltest.Booked(w, gongwei.MustDate(2024, 1, 1)) // booked at 10+0
	if err := reg.Save(ctx, p); err != nil {
		fmt.Println(err)
		return
	}
	v := maternal.PrenatalVisit{
		Contact: maternal.Contact{Date: gongwei.MustDate(2024, 4, 29), Provider: maternaltest.Provider},
		Number:  2, Weight: 58, Systolic: 115, Diastolic: 75, FundalHeight: 15, FetalHeartRate: 140,
	}
	if _, err := reg.AddVisit(ctx, p.ID, v); err != nil {
		fmt.Println(err)
		return
	}

	got, err := reg.Pregnancy(ctx, p.ID)
	fmt.Println("version", got.Version, "prenatal services", got.PrenatalCount(), "due", got.DueDate(), err)
	// Output: version 2 prenatal services 2 due 2024-10-07 <nil>
}
