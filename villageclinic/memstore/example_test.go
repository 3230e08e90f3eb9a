package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/memstore"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

// A memstore behind a villageclinic.Service: the township centre records a training
// session of its village doctors and reads the township's sessions back, with who
// passed.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "T01", Institution: "110105001000", Within: "110105001"})
	svc := villageclinic.New(memstore.New(), villageclinic.Options{})

	if err := svc.SaveTraining(ctx, villageclinictest.Training("T1", "110105001", gongwei.MustDate(2024, 4, 10))); err != nil {
		fmt.Println(err)
		return
	}
	for t, err := range svc.Store().Trainings(ctx, villageclinic.Filter{Prefix: "110105001"}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(t.ID, t.Version, t.Date, t.Topic)
		for _, a := range t.Attendees {
			fmt.Println(a.Doctor, *a.Score, "passed", t.Passed(a))
		}
	}
	// Output:
	// T1 1 2024-04-10 高血压患者健康管理规范
	// D1 85 passed true
	// D2 55 passed false
}
