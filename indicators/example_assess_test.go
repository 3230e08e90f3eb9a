package indicators_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
)

// A township's year-end assessment: two rows of the health-record area and one of
// co-management, scored with equal area weights; then the money of 3,256 residents at
// 2025's standard.
func ExampleAssessAreas() {
	const u indicators.Unit = "410523001"
	y := gongwei.Year(2025)
	plan := &indicators.Plan{Period: y, Rows: []indicators.PlanRow{
		{Code: "record.coverage", Unit: u, Target: indicators.AtLeast("90")},
		{Code: "record.electronic", Unit: u, Target: indicators.AtLeast("90")},
		{Code: "sup.coverage", Unit: u, Target: indicators.AtLeast("100")},
	}}
	t := indicators.NewTally(0)
	t.Add("record.coverage", u, y, 80, 100)
	t.Add("record.electronic", u, y, 95, 100)
	t.Add("sup.coverage", u, y, 18, 20)
	ev, _ := indicators.Evaluate(plan, t, y.Last())
	a, _ := indicators.AssessAreas(ev, indicators.ExampleAreaScheme())
	for _, area := range a.Areas {
		fmt.Println(area.Service, area.Score.StringFixed(2))
	}
	fmt.Println("total", a.Score.StringFixed(2))

	rule, _ := indicators.ExampleFundingRule(2025)
	sup, _ := a.Area(indicators.ServiceSupervision)
	f, _ := indicators.Fund(rule, 3256, a.Score, sup.Score)
	fmt.Println(f.Total.StringFixed(2), f.SupervisionPaid.StringFixed(2), f.ServicesPaid.StringFixed(2), f.Paid.StringFixed(2))
	f, _ = indicators.Fund(rule, 3256, decimal.RequireFromString("61.48"), decimal.NewFromInt(70))
	fmt.Println(f.Coefficient, f.Tier, f.Paid.StringFixed(2))
	// Output:
	// records 94.44
	// supervision 90.00
	// total 92.22
	// 322344.00 4070.00 318274.00 322344.00
	// 0.6148 0.7 198523.86
}
