package immunization

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// benchChild is a 2-year-old with a full routine history to 18 months (12 doses).
func benchChild() (Child, []Dose) {
	b := gongwei.MustDate(2023, 3, 15)
	m := func(n int) gongwei.Date { return b.AddMonths(n) }
	return Child{Birth: b}, []Dose{
		{Vaccine: HepB, Date: b}, {Vaccine: BCG, Date: b}, {Vaccine: HepB, Date: m(1)},
		{Vaccine: IPV, Date: m(2)}, {Vaccine: IPV, Date: m(3)}, {Vaccine: DTaP, Date: m(3)},
		{Vaccine: BOPV, Date: m(4)}, {Vaccine: DTaP, Date: m(4)}, {Vaccine: DTaP, Date: m(5)},
		{Vaccine: HepB, Date: m(6)}, {Vaccine: MPSVA, Date: m(6)}, {Vaccine: MMR, Date: m(8)},
		{Vaccine: JEL, Date: m(8)}, {Vaccine: MPSVA, Date: m(9)}, {Vaccine: DTaP, Date: m(18)},
		{Vaccine: MMR, Date: m(18)}, {Vaccine: HepAL, Date: m(18)},
	}
}

// BenchmarkForecast reports children forecast per second on one core (target
// ≥500,000/s) with a reused buffer.
func BenchmarkForecast(b *testing.B) {
	c, doses := benchChild()
	s := ScheduleFor(c.Birth)
	on := gongwei.MustDate(2025, 3, 20)
	buf := make([]Recommendation, 0, 16)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		buf = ForecastAppend(buf[:0], s, c, doses, on)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "children/s")
}
