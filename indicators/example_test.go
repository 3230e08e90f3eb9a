package indicators_test

import (
	"fmt"
	"os"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func ExampleRate_Value() {
	// 2360 electronic records among 2593 residents: 2360 × 100 ÷ 2593 = 91.014…%.
	r := indicators.Rate{Numerator: 2360, Denominator: 2593, Scale: indicators.Percent}
	v, ok := r.Value(1)
	fmt.Println(v.StringFixed(1), ok, r)

	// Half-up: 1 ÷ 16 = 6.25% → 6.3%.
	fmt.Println(indicators.Rate{Numerator: 1, Denominator: 16, Scale: indicators.Percent})

	// 1 maternal death in 8000 live births.
	mm := indicators.Rate{Numerator: 1, Denominator: 8000, Scale: indicators.Per100k}
	fmt.Println(mm, "|", mm.Format(1, language.English))

	// No live births: no data, never 0%.
	_, ok = indicators.Rate{Numerator: 0, Denominator: 0, Scale: indicators.PerMille}.Value(1)
	fmt.Println(ok)
	// Output:
	// 91.0 true 91.0%
	// 6.3%
	// 12.5/10万 | 12.5 per 100,000
	// false
}

func ExampleFundingTier() {
	for _, s := range []string{"85", "80", "79.5", "60", "59.9"} {
		fmt.Println(s, indicators.FundingTier(decimal.RequireFromString(s)))
	}
	// Output:
	// 85 1
	// 80 1
	// 79.5 0.7
	// 60 0.7
	// 59.9 0.5
}

func ExampleAllocate() {
	// 100.00 yuan over three townships of equal population: the odd fen goes to the
	// first (largest remainder, ties to the first listed), and the shares sum to 100.00.
	shares, _ := indicators.Allocate(decimal.RequireFromString("100.00"), []int64{8000, 8000, 8000})
	for _, s := range shares {
		fmt.Println(s.StringFixed(2))
	}

	// A year's budget: 30 yuan × 24,000 people, 1.25 yuan of it for 卫生监督协管; an
	// assessment score of 75 earns 70%.
	b := indicators.ExampleBudget(24000)
	fmt.Println(b.Total().StringFixed(2), b.SupervisionTotal().StringFixed(2),
		indicators.Payable(b.Total(), decimal.RequireFromString("75")).StringFixed(2))
	// Output:
	// 33.34
	// 33.33
	// 33.33
	// 720000.00 30000.00 504000.00
}

func ExampleEvaluate() {
	township := indicators.MustParseUnit("110101001")
	year := gongwei.Year(2024)

	// Village tallies, filled independently, then merged and rolled up to the township.
	a, b := indicators.NewTally(0), indicators.NewTally(0)
	a.Add("record.coverage", "110101001101", year, 1200, 1300)
	a.Add("record.electronic", "110101001101", year, 1100, 1300)
	b.Add("record.coverage", "110101001102", year, 1393, 1550)
	b.Add("record.electronic", "110101001102", year, 1260, 1550)
	b.Add("edu.lectures", "110101001", year, 10, 0)
	t := indicators.Merge(a, b).RollUp(indicators.LevelTownship)

	plan := indicators.ExamplePlan(2024, township)
	plan.Name = "示例乡镇2024年工作计划"
	plan.Rows = plan.Rows[:2] // record.coverage ≥50%, record.electronic ≥90%
	plan.Rows = append(plan.Rows, indicators.PlanRow{Code: "edu.lectures", Unit: township, Target: indicators.AtLeast("12")})

	ev, err := indicators.Evaluate(plan, t, gongwei.MustParseDate("2024-10-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range ev.Results {
		fmt.Println(r.Row.Code, r.Actual, r.Row.Target, r.Status, r.Progress)
	}
	_ = indicators.NewReport(ev, language.SimplifiedChinese).WriteText(os.Stdout)
	for _, s := range indicators.Summarize(ev, language.SimplifiedChinese) {
		fmt.Println(s.Text)
	}
	// Output:
	// record.coverage 91.0% ≥50 met on_track
	// record.electronic 82.8% ≥90 not_met on_track
	// edu.lectures 10 ≥12 not_met on_track
	// 示例乡镇2024年工作计划 (2024-10-31)
	// 指标                单位       分子  分母   实际  目标  状态    应完成  进度
	// 【居民健康档案管理】
	// 健康档案建档率      110101001  2593  2850  91.0%  ≥50%  达标       80%  182.0% 按进度
	// 电子健康档案建档率  110101001  2360  2850  82.8%  ≥90%  未达标     80%  92.0% 按进度
	// 【健康教育】
	// 健康知识讲座次数    110101001    10           10  ≥12   未达标     80%  83.3% 按进度
	// 截至10月底，共建立居民健康档案2593人，健康档案建档率91.0%（目标≥50%，达标），其中电子档案2360人，电子健康档案建档率82.8%（目标≥90%，未达标）。
	// 截至10月底，共举办健康知识讲座10次（目标≥12，未达标）。
}
