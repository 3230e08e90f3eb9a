package education

import (
	"time"

	"github.com/gongwei-lib/gongwei"
)

// HealthDay is one day of the national health-day calendar (卫生健康宣传日) used to plan
// consultation events and campaigns.
type HealthDay struct {
	Code string // a stable identifier of the day
	Name string // Chinese name
	// Month and Day give a fixed date; when Weekday is set instead, the day is the Nth
	// (Nth ≥ 1) such weekday of Month.
	Month   time.Month
	Day     int
	Weekday time.Weekday
	Nth     int
}

// On returns the day's date in year. A year outside 1 to 9999 is taken as the nearer end
// of the calendar; a fixed day that does not exist in year (a 29 February) and a
// Weekday outside Sunday to Saturday give the zero Date.
func (h HealthDay) On(year int) gongwei.Date {
	d := gongwei.Month(year, h.Month).Start
	if h.Nth == 0 {
		on, err := gongwei.NewDate(d.Year(), d.Month(), h.Day)
		if err != nil {
			return gongwei.Date{}
		}
		return on
	}
	if h.Weekday < time.Sunday || h.Weekday > time.Saturday {
		return gongwei.Date{}
	}
	for d.Weekday() != h.Weekday {
		d = d.AddDays(1)
	}
	return d.AddDays(7 * (h.Nth - 1))
}

// HealthDays is the health-day calendar that work plans schedule campaigns on
// (plan-targets.md, Health education: 世界防治结核病日 3.24, 全国儿童预防接种宣传日 4.25,
// 世界哮喘日 (early May), 世界无烟日 5.31, 全国爱眼日 6.6, 防治碘缺乏病日, 全国高血压日,
// 世界精神卫生日, 世界糖尿病日, 世界艾滋病日). The reference gives the dates of the first
// five only; the others (碘缺乏病日 5.15, 高血压日 10.8, 精神卫生日 10.10, 糖尿病日 11.14,
// 艾滋病日 12.1, and 哮喘日 on the first Tuesday of May) were checked against published
// health-day calendars: UNCONFIRMED in reference.
var HealthDays = []HealthDay{
	{Code: "tb", Name: "世界防治结核病日", Month: time.March, Day: 24},
	{Code: "vaccination", Name: "全国儿童预防接种宣传日", Month: time.April, Day: 25},
	{Code: "asthma", Name: "世界哮喘日", Month: time.May, Weekday: time.Tuesday, Nth: 1},
	{Code: "iodine", Name: "防治碘缺乏病日", Month: time.May, Day: 15},
	{Code: "no_tobacco", Name: "世界无烟日", Month: time.May, Day: 31},
	{Code: "eye", Name: "全国爱眼日", Month: time.June, Day: 6},
	{Code: "hypertension", Name: "全国高血压日", Month: time.October, Day: 8},
	{Code: "mental_health", Name: "世界精神卫生日", Month: time.October, Day: 10},
	{Code: "diabetes", Name: "世界糖尿病日", Month: time.November, Day: 14},
	{Code: "aids", Name: "世界艾滋病日", Month: time.December, Day: 1},
}

// LookupHealthDay returns the health day with the given code.
func LookupHealthDay(code string) (HealthDay, bool) {
	for _, h := range HealthDays {
		if h.Code == code {
			return h, true
		}
	}
	return HealthDay{}, false
}

// Dated is a health day on its date.
type Dated struct {
	HealthDay
	Date gongwei.Date
}

// Calendar returns the health days falling in p (any valid period), by date.
func Calendar(p gongwei.Period) []Dated {
	var out []Dated
	for y := p.Start.Year(); y <= p.Last().Year(); y++ {
		for _, h := range HealthDays {
			if d := h.On(y); p.Contains(d) {
				out = append(out, Dated{h, d})
			}
		}
	}
	sortDated(out)
	return out
}

func sortDated(xs []Dated) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j].Date.Before(xs[j-1].Date); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
