package indicators_test

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/indicators"
	"golang.org/x/text/language"
)

func ExampleReport_WriteHTMLPage() {
	township := indicators.MustParseUnit("110101001")
	t := indicators.NewTally(0)
	t.Add("record.coverage", township, gongwei.Year(2024), 2593, 2850)
	plan := indicators.ExamplePlan(2024, township)
	plan.Name = "示例乡镇2024年工作计划"
	plan.Rows = plan.Rows[:1] // record.coverage ≥50%
	ev, err := indicators.Evaluate(plan, t, gongwei.MustParseDate("2024-12-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := indicators.NewReport(ev, language.SimplifiedChinese)

	// A child's growth chart, appended after the tables with the summary.
	var chart bytes.Buffer
	_ = child.GrowthChartSVG(&chart, child.WeightForAge, gongwei.Female, []child.ChartPoint{{AgeDays: 0, Measure: 3.2}, {AgeDays: 183, Measure: 7.3}})
	var page bytes.Buffer
	err = rep.WriteHTMLPage(&page,
		indicators.SummarySection(indicators.Summarize(ev, language.SimplifiedChinese), language.SimplifiedChinese),
		indicators.HTMLSection{ID: "growth", Heading: "儿童生长曲线", Body: template.HTML(chart.String())},
	)
	fmt.Println(err)
	row := regexp.MustCompile(`data-code="([^"]+)"[^>]* data-status="([^"]+)"[^>]* data-value="([^"]*)"`)
	for _, m := range row.FindAllStringSubmatch(page.String(), -1) {
		fmt.Println(m[1], m[2], m[3])
	}
	fmt.Println(regexp.MustCompile(`<section class="extra" id="[^"]+"`).FindAllString(page.String(), -1))
	// Output:
	// <nil>
	// record.coverage met 91
	// [<section class="extra" id="summary" <section class="extra" id="growth"]
}
