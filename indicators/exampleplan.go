package indicators

import (
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// ExamplePlan returns a township's work plan for year, with every target set for unit,
// assembled from the real local plans quoted in plan-targets.md. It is a LOCAL EXAMPLE,
// not national constants: plans differ (where two plans give different targets the Note
// says so), and a host replaces the value with its own plan.
//
// Milestones: 30% of the year's work by 30 June, 80% by 30 September and 100% by 10
// December (plan-targets.md "Milestones through the year": "early December (by the
// 10th)"). Estimated denominators: hypertension prevalence 18.8% and diabetes 9.7% of
// adults, adults taken as 85% of the population (peers.md, quoting a county scheme).
func ExamplePlan(year int, unit Unit) *Plan {
	// Days of the milestones, which exist in every month they are used with; years
	// outside 1 to 9999 are taken as the nearer end of the calendar.
	d := func(m time.Month, day int) gongwei.Date { return gongwei.Month(year, m).Start.AddDays(day - 1) }
	row := func(code Code, t Target, note string) PlanRow {
		return PlanRow{Code: code, Unit: unit, Target: t, Note: note}
	}
	const pt = "plan-targets.md"
	p := &Plan{
		Name:   "example township plan (plan-targets.md)",
		Period: gongwei.Year(year),
		Rows: []PlanRow{
			row("record.coverage", AtLeast("50"), pt+": 常住居民规范化建档率 ≥50% (a rural township's first year)"),
			row("record.electronic", AtLeast("90"), "nbphs-spec §1.6: example local target ≥90%"),
			row("record.usage", AtLeast("60"), "nbphs-spec §1.6: example local target ≥60%"),
			row("record.household", AtLeast("90"), pt+": 家庭健康档案建档率 ≥90%"),
			row("record.qualified", AtLeast("90"), pt+": 建档合格率 ≥90%"),
			row("edu.lectures", AtLeast("12"), pt+": ≥1 a month (another plan: ≥4 a year)"),
			row("edu.consultations", AtLeast("9"), pt+": ≥9 a year"),
			row("edu.board_updates", AtLeast("12"), pt+": ≥12 changes a year"),
			row("imm.five_vaccines", AtLeast("95"), pt+": 五苗全程接种率 ≥95%"),
			row("imm.hepb_birth_timely", AtLeast("90"), pt+": 乙肝首针及时率 ≥90%"),
			row("imm.school_entry_check", AtLeast("95"), pt+": 入托入学验证率 ≥95%"),
			row("child.u5_mortality", Below("7"), pt+": <7‰"),
			row("child.newborn_visit", AtLeast("90"), pt+": ≥90%"),
			row("child.under3_system_management", AtLeast("70"), pt+": ≥70% (others ≥80%, ≥90%, ≥99%)"),
			row("child.newborn_screening", AtLeast("96"), pt+": ≥96% (another plan: ≥95%)"),
			row("child.hearing_screening", AtLeast("85"), pt+": ≥85% (another plan: ≥95%)"),
			row("child.hb_test", AtLeast("70"), pt+": ≥70%"),
			row("maternal.mortality", Below("14"), pt+": <14/10万"),
			row("maternal.hospital_delivery", AtLeast("100"), pt+": 100% (one plan: ≥90%)"),
			row("maternal.high_risk_hospital_delivery", AtLeast("100"), pt+": 100%"),
			row("maternal.system_management", AtLeast("95"), pt+": ≥95% (others: ≥98%, ≥75%)"),
			row("maternal.postpartum_visit", AtLeast("100"), pt+": 100%"),
			row("maternal.prenatal_screening", AtLeast("95"), pt+": ≥95% (another plan: ≥80%)"),
			row("maternal.infection_testing", AtLeast("90"), pt+": ≥90%"),
			row("elderly.management", AtLeast("80"), pt+": 60岁以上老年人每年体检率 ≥80% (the plan counts 60+, the indicator 65+)"),
			row("ht.management", AtLeast("30"), "nbphs-spec §7.5: example old local target 30%"),
			row("ht.bp_control", AtLeast("60"), pt+": 血压控制率 ≥60%"),
			row("dm.glucose_control", AtLeast("60"), pt+": 血糖控制率 ≥60%"),
			row("smi.management", AtLeast("80"), pt+": 精神病综合管理率 ≥80%"),
			row("tb.referral", AtLeast("100"), pt+": 100%"),
			row("inf.report_timely", AtLeast("100"), pt+": 传染病登记报告及时、准确率 100%"),
			row("sup.coverage", AtLeast("100"), pt+": 协管覆盖率 100%"),
		},
		Milestones: []Milestone{
			{By: d(time.June, 30), Share: decimal.RequireFromString("0.3")},
			{By: d(time.September, 30), Share: decimal.RequireFromString("0.8")},
			{By: d(time.December, 10), Share: decimal.NewFromInt(1)},
		},
		Estimates: map[Code]Estimate{
			"ht.management": {Share: decimal.RequireFromString("0.85"), Prevalence: decimal.RequireFromString("0.188")},
			"dm.management": {Share: decimal.RequireFromString("0.85"), Prevalence: decimal.RequireFromString("0.097")},
		},
	}
	// 单苗接种率 ≥95% holds for each vaccine: one row per milestone of the five vaccines
	// (imm.coverage is tallied per milestone, imm.coverage/HepB3 ...).
	for _, m := range fiveVaccines {
		p.Rows = append(p.Rows, row(codeImmCoverage.With(m), AtLeast("95"), pt+": 单苗接种率 ≥95%"))
	}
	return p
}
