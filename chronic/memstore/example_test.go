package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
)

// A memstore behind a chronic.Service: the village doctor registers a hypertension
// patient aged 74 and records a follow-up at 152/84; the service classifies it on the
// way in (not at the target of 150/90 for 65 and over: seen again within 2 weeks).
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "D001", Institution: "110105001101", Within: "110105001101"})
	svc := chronic.New(memstore.New(), chronic.Options{})

	p := chronictest.Patient(1, chronic.Hypertension)
	if err := svc.Register(ctx, p); err != nil {
		fmt.Println(err)
		return
	}
	v := chronictest.Visit(p, gongwei.MustDate(2024, 3, 5))
	v.Hypertension.Systolic = 152
	if err := svc.RecordVisit(ctx, v); err != nil {
		fmt.Println(err)
		return
	}

	got, err := svc.Visit(ctx, v.ID)
	fmt.Println(got.Patient, got.Version, got.Assessment.Class, got.Assessment.NextDue, err)
	// Output: P1-hypertension 1 控制不满意 2024-03-19 <nil>
}
