package maternal_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
	"golang.org/x/text/language"
)

func ExampleGestationalAge() {
	lmp := gongwei.MustDate(2024, 1, 1)
	w, d := maternal.GestationalAge(lmp, gongwei.MustDate(2024, 3, 31))
	fmt.Printf("%d+%d, due %s\n", w, d, maternal.DueDate(lmp))
	// Output: 12+6, due 2024-10-07
}

func ExampleGradeOf() {
	g := maternal.GradeOf([]maternal.Factor{maternal.FactorGDM, maternal.FactorSeriousCondition, maternal.FactorSyphilis})
	r := g.Requires()
	fmt.Println(g, r.Delivery == maternal.SecondaryLevel, r.CaseManagement, r.Infection)
	// Output: orange+purple true true true
}

// Example_pregnancy books a pregnancy, records visits and a delivery through the
// Registry, and reads the schedule and the child's flags.
func Example_pregnancy() {
	// Every write names its actor: a village doctor acting within the village.
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "D0101", Institution: "110105001101", Within: "110105001101"})
	records := healthrecord.New(hrmem.New(), healthrecord.Options{})
	w := maternaltest.Woman(1, "110105001101")
	w.Version = 0
	if err := records.SaveResident(ctx, w); err != nil {
		fmt.Println(err)
		return
	}
	reg := maternal.NewRegistry(memstore.New(), records, nil)

	p := maternaltest.Booked(w, gongwei.MustDate(2024, 1, 1)) // booked at 10+0
	p.Tests = p.Tests[:2]                                     // no HBsAg result yet
	if err := reg.Save(ctx, p); err != nil {
		fmt.Println(err)
		return
	}
	on := gongwei.MustDate(2024, 5, 1)
	fmt.Println("on", on, "at", p.Age(on))
	for _, it := range p.Schedule(on)[:3] {
		fmt.Println(it.Kind.Label(language.SimplifiedChinese), it.Status)
	}
	fmt.Printf("child flags: %+v\n", p.ChildFlags())
	// Output:
	// on 2024-05-01 at 17+2
	// 第1次产前检查 done
	// 第2次产前随访 due
	// 第3次产前随访 upcoming
	// child flags: {HBsAgPositive:false HBsAgUnknown:true HIVExposed:false SyphilisExposed:false}
}
