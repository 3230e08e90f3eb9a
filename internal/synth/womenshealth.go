package synth

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// Purposes of the women's health streams, apart from every other: one per resident
// (the 两癌 check), one per township (the surveillance reports).
const (
	drawWomenScreening uint64 = 313
	drawWomenReports   uint64 = 314
)

// Demonstration shares and counts of the women's health projects (none is a rule).
const (
	womenScreenedInYear = 330 // women 35-64 checked in the year (about one in three: a 3-year cycle)
	womenPositive       = 60  // checks with an abnormal screen
	womenReferred       = 900 // of those, referred for diagnosis
	reportsPerTownship  = 6   // death and defect reports in the year
	reportsTimely       = 800 // reports made within the example deadlines
)

// ExampleDeadlines are the report deadlines of the example township: the local rule of
// 24 hours for a maternal death (plan-services.md §8, a local rule, UNCONFIRMED as
// national), and, for the other two, 7 days, an example value with no source. A host
// sets its own.
var ExampleDeadlines = womenshealth.Deadlines{womenshealth.MaternalDeath: 1, womenshealth.Under5Death: 7, womenshealth.BirthDefect: 7}

// WomensScreening returns the 两癌 check of person p in the year, or nil: about a third
// of the women in the target group, on a stream of their own.
func (c *County) WomensScreening(p *Person) *womenshealth.Screening {
	res := p.Resident
	if res.Sex != gongwei.Female {
		return nil
	}
	r := c.rng(p.Index, drawWomenScreening)
	y := c.period
	d := y.Start.AddDays(between(r, 60, 300))
	if !womenshealth.InTargetAge(res.BirthDate, d) || !chance(r, womenScreenedInYear) ||
		d.Before(res.Created) || (!res.Closure.Date.IsZero() && !d.Before(res.Closure.Date)) {
		return nil
	}
	s := &womenshealth.Screening{ID: womenshealth.ID(string(res.ID) + "-LA"), Resident: res.ID, Village: res.Archive.Village(),
		Birth: res.BirthDate, Date: d, Cervical: womenshealth.Normal, Breast: womenshealth.Normal}
	if chance(r, womenPositive) {
		if chance(r, 500) {
			s.Cervical = womenshealth.Abnormal
		} else {
			s.Breast = womenshealth.Abnormal
		}
		if chance(r, womenReferred) {
			s.Referred = d.AddDays(between(r, 3, 20))
		}
	}
	return s
}

// WomensReports returns township t's (1-based) maternal death, under-5 death and
// birth-defect reports of the year, most within ExampleDeadlines, on a stream of their
// own.
func (c *County) WomensReports(t int) []*womenshealth.Report {
	r := c.rng(t, drawWomenReports)
	villages := c.townshipVillages(t)
	y := c.period
	var out []*womenshealth.Report
	for k := range reportsPerTownship {
		kind := womenshealth.ReportKinds[1+k%2] // under-5 deaths and birth defects; maternal deaths are rare
		event := y.Start.AddDays(between(r, 0, 330))
		birth := event
		if kind == womenshealth.Under5Death {
			birth = event.AddDays(-between(r, 1, 4*365))
		}
		late := ExampleDeadlines[kind]
		if !chance(r, reportsTimely) {
			late += between(r, 1, 10)
		}
		out = append(out, &womenshealth.Report{ID: womenshealth.ID(c.Township(t) + "-MR" + strconv.Itoa(k+1)),
			Village: villages[r.IntN(len(villages))], Kind: kind, Birth: birth, Event: event,
			Reported: event.AddDays(between(r, 0, late))})
	}
	return out
}
