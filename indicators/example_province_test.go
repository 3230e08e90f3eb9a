package indicators_test

import (
	"encoding/json"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
)

// A province computes each county apart — one process per county database, on as many
// machines as it likes — and merges their tallies: each county sends its tally's JSON
// form, the province decodes and merges them, and rolls the merge up. The figures are
// those of one pass over every county's records.
func ExampleTally_MarshalJSON() {
	year := gongwei.Year(2025)

	// County 410523's process, on its database (here two villages' 建档率 cells).
	a := indicators.NewTally(0)
	a.Add("record.coverage", "410523001001", year, 812, 930)
	a.Add("record.coverage", "410523002001", year, 640, 700)
	// County 410526's process, on another.
	b := indicators.NewTally(0)
	b.Add("record.coverage", "410526001001", year, 455, 500)

	// Each sends its tally as JSON.
	sentA, _ := json.Marshal(a)
	sentB, _ := json.Marshal(b)
	fmt.Println(string(sentB))

	// The province decodes what it receives and merges it.
	var gotA, gotB indicators.Tally
	if err := json.Unmarshal(sentA, &gotA); err != nil {
		fmt.Println(err)
		return
	}
	if err := json.Unmarshal(sentB, &gotB); err != nil {
		fmt.Println(err)
		return
	}
	province := indicators.Merge(&gotA, &gotB).RollUp(indicators.LevelCity)
	fmt.Println(province.Equal(indicators.Merge(a, b).RollUp(indicators.LevelCity)))
	r, _ := province.Rate("record.coverage", "4105", year)
	fmt.Println(r.Numerator, r.Denominator, r)
	// Output:
	// {"format":"gongwei-tally/1","cells":[{"code":"record.coverage","unit":"410526001001","start":"2025-01-01","end":"2026-01-01","num":455,"den":500}]}
	// true
	// 1907 2130 89.5%
}
