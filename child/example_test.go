package child_test

import (
	"context"
	"fmt"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/memstore"
)

// A z-score from the WHO Child Growth Standards: a boy weighing 2.0 kg at birth is below
// −3 SD, where WHO's restricted formula applies.
func ExampleZScore() {
	z, err := child.ZScore(child.WeightForAge, gongwei.Male, 0, 2.0)
	fmt.Printf("%.2f %v\n", child.RoundZ(z), err)
	z, _ = child.ZScore(child.LengthHeightForAge, gongwei.Female, 0, 45)
	fmt.Printf("%.2f\n", child.RoundZ(z))
	_, err = child.ZScore(child.WeightForAge, gongwei.Male, 1827, 18)
	fmt.Println(err)
	// Output:
	// -3.21 <nil>
	// -2.23
	// gongwei: invalid: child: age outside the WHO growth standard (0-1826 days)
}

// Weight-for-length with no age: the table follows the measuring position.
func ExampleWeightForLengthHeight() {
	z, _ := child.WeightForLengthHeight(gongwei.Male, 65.35, true, 7.0)
	fmt.Printf("%.2f\n", child.RoundZ(z))
	// Output:
	// -0.60
}

// A whole check: assess, classify and apply the 体弱儿 criteria.
func ExampleAssess() {
	// A boy of 1101 days measured standing: 85 cm, 12 kg.
	a, _ := child.Assess(gongwei.Male, 1101, child.Measurement{WeightKg: 12, LengthHeightCm: 85, Position: child.Standing})
	fmt.Printf("HAZ %.2f WAZ %.2f WHZ %.2f\n", child.RoundZ(a.LengthHeightForAge.Z), child.RoundZ(a.WeightForAge.Z), child.RoundZ(a.WeightForLengthHeight.Z))
	n := child.ClassifyNutrition(a, child.WHOCutoffs)
	fmt.Println("stunting:", n.Stunting, "underweight:", n.Underweight)
	g, _ := child.ClassifyAnaemia(child.AnaemiaWHO2011, 36, 95)
	fmt.Println("anaemia:", g)
	h := child.AssessHighRisk(child.HighRiskInput{Nutrition: n, HbGL: 95}, 36)
	fmt.Println(h.Reasons, "refer:", h.Refer, "follow up every", h.FollowUpMonths, "months")
	// Output:
	// HAZ -3.01 WAZ -1.50 WHZ 0.34
	// stunting: severe underweight: none
	// anaemia: moderate
	// [malnutrition] refer: true follow up every 3 months
}

// The schedule of a child on a date: what is due, overdue or missed.
func ExampleService_Schedule() {
	ctx := context.Background()
	sv := child.NewService(memstore.New(), nil)
	c := &child.Child{Resident: "R1", Village: "110105001101", Sex: gongwei.Female,
		BirthDate: gongwei.MustDate(2024, time.January, 15), DischargeDate: gongwei.MustDate(2024, time.January, 18)}
	if err := sv.SaveChild(ctx, c); err != nil {
		fmt.Println(err)
		return
	}
	_ = sv.SaveVisit(ctx, &child.Visit{Child: c.ID, Kind: child.KindNewborn, Date: gongwei.MustDate(2024, time.January, 22)})
	items, _ := sv.Schedule(ctx, c.ID, gongwei.MustDate(2024, time.February, 20))
	for _, it := range items[:6] {
		fmt.Println(it.Kind, it.Task, it.Window, it.Status)
	}
	// Output:
	// newborn visit [2024-01-18, 2024-01-26) done
	// newborn vision [2024-01-18, 2024-01-26) missed
	// full_month visit [2024-02-12, 2024-02-15) overdue
	// full_month vision [2024-02-12, 2024-02-15) overdue
	// m3 visit [2024-04-15, 2024-05-15) upcoming
	// m3 vision [2024-04-15, 2024-05-15) upcoming
}
