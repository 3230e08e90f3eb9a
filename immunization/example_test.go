package immunization_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// A child born on 31 January 2024 had HepB and BCG at birth, HepB-2 on 29 February (one
// calendar month, clamped to the month's end) and IPV-1 on 31 March. On 30 April:
func ExampleForecast() {
	birth := gongwei.MustDate(2024, 1, 31)
	doses := []immunization.Dose{
		{Vaccine: immunization.HepB, Date: birth},
		{Vaccine: immunization.BCG, Date: birth},
		{Vaccine: immunization.HepB, Date: gongwei.MustDate(2024, 2, 29)},
		{Vaccine: immunization.IPV, Date: gongwei.MustDate(2024, 3, 31)},
	}
	c := immunization.Child{Birth: birth, MotherHBsAg: immunization.HBsAgNegative}
	for _, r := range immunization.Forecast(immunization.ScheduleFor(birth), c, doses, gongwei.MustDate(2024, 4, 30)) {
		fmt.Printf("%-7s %d  %s  %-10s  %s\n", r.Vaccine, r.Dose, r.Recommended, r.CompleteBefore, r.Status)
	}
	// Output:
	// HepB    3  2024-07-31  2025-01-31  not_due
	// BCG     1                complete
	// IPV     2  2024-04-30  2025-01-31  due
	// DTaP    1  2024-04-30  2025-01-31  due
	// MMR     1  2024-09-30  2025-01-31  not_due
	// JE-L    1  2024-09-30  2025-01-31  not_due
	// MPSV-A  1  2024-07-31  2025-07-31  not_due
	// MPSV-AC 1  2027-01-31  2028-01-31  not_due
	// HepA-L  1  2025-07-31  2026-01-31  not_due
}

// A 28-day live-vaccine conflict and a dose too early.
func ExampleEvaluate() {
	birth := gongwei.MustDate(2023, 3, 15)
	doses := []immunization.Dose{
		{Vaccine: immunization.MMR, Date: gongwei.MustDate(2023, 11, 15)},
		{Vaccine: immunization.JEL, Date: gongwei.MustDate(2023, 11, 20)},
		{Vaccine: immunization.HepB, Date: birth},
		{Vaccine: immunization.HepB, Date: gongwei.MustDate(2023, 4, 10)},
	}
	for _, e := range immunization.Evaluate(immunization.ScheduleFor(birth), immunization.Child{Birth: birth}, doses) {
		fmt.Println(e.Dose.Vaccine, e.Dose.Date, e.Reason)
	}
	// Output:
	// MMR 2023-11-15 valid
	// JE-L 2023-11-20 live_interval
	// HepB 2023-03-15 valid
	// HepB 2023-04-10 too_early
}

// A child given DTaP-IPV/Hib (五联疫苗, code 5001) at 2, 3 and 4 months: the doses count
// as IPV doses 1-3 of the polio series (immunization.md §1.4 Polio), so the next polio
// dose is bOPV at 4 years, and the non-programme product is listed on its own.
func ExampleNonProgramme() {
	birth := gongwei.MustDate(2023, 3, 15)
	penta, _ := immunization.ParseVaccine("5001")
	var doses []immunization.Dose
	for _, m := range []int{2, 3, 4} {
		doses = append(doses, immunization.Dose{Vaccine: penta, Date: birth.AddMonths(m)})
	}
	c := immunization.Child{Birth: birth}
	for _, e := range immunization.NonProgramme(immunization.Schedule{}, c, doses) {
		fmt.Println(e.Dose.Date, e.Dose.Vaccine, "counts as", e.As, e.SeriesDose)
	}
	polio := immunization.Forecast(immunization.Schedule{}, c, doses, birth.AddMonths(5))[2]
	fmt.Println("next polio dose:", polio.Vaccine, polio.Dose, polio.Recommended, polio.Status)
	// Output:
	// 2023-05-15 DTaP-IPV/Hib counts as IPV 1
	// 2023-06-15 DTaP-IPV/Hib counts as IPV 2
	// 2023-07-15 DTaP-IPV/Hib counts as IPV 3
	// next polio dose: bOPV 4 2027-03-15 not_due
}
