package indicators_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	st "github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

func ExampleSupervisionIndicators() {
	ctx := context.Background()
	g := supervision.New(memstore.New(), supervision.Options{Unattributed: true})
	_ = g.SaveUnit(ctx, st.Unit("U1", st.VillageA))
	_ = g.SaveUnit(ctx, st.Unit("U2", st.VillageA))
	_ = g.SaveInspection(ctx, st.Inspection("I1", "U1", "", gongwei.MustDate(2025, 4, 2)))

	tally := indicators.NewTally(0)
	if err := indicators.SupervisionIndicators(ctx, g.Store(), "", gongwei.Year(2025), tally); err != nil {
		fmt.Println(err)
	}
	r, _ := tally.Rate("sup.coverage", indicators.Unit(st.VillageA), gongwei.Year(2025))
	fmt.Println(r.Numerator, "/", r.Denominator)
	// Output:
	// 1 / 2
}
