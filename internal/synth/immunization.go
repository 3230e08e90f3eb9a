package synth

import (
	"math/rand/v2"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// Demonstration shares (per mille) of the vaccination year.
const (
	certificateInMonth = 920 // certificate issued within 1 month of birth
	certificateLate    = 60  // at 1-4 months; the rest none yet
	birthDoseOnDay     = 960 // birth doses (HepB 1, BCG) on the day of birth
	laggardChildren    = 60  // children brought late to every appointment
	doseMissed         = 10  // a due dose never given (the series stops there)
	neverBrought       = 10  // children never brought after the birth doses
	promptVisit        = 850 // of the others, brought within 2 weeks of the recommended day
)

// maxClinicDays bounds the vaccination clinic days simulated per child (a 6-year-old has
// about 15 with co-administration; the bound only stops a runaway loop).
const maxClinicDays = 60

// ImmunizationHistory is a child's registration and the doses given up to the year's
// last day.
type ImmunizationHistory struct {
	Registration *immunization.Registration
	Vaccinations []*immunization.Vaccination
}

// immunization returns the vaccination record of person p (without the school entries
// added by Immunization), or nil when p is not a child
// under 8 on the year's last day (the children of 0-6 and those who turned 7 in the
// year, whose 7-year doses fall due in it). The certificate is mostly issued within a month of
// birth (some later, a few not yet). The doses follow the child's schedule
// (immunization.ScheduleFor, immunization.Forecast): on each clinic day every pending
// dose is given, the next clinic day being the earliest recommended day of the next dose
// plus a delay — the birth doses on the day of birth for most, within two weeks for most
// later doses, weeks to months for some and for every dose of a few laggard children —;
// now and then a due dose is never given, which stops its series, and a few children
// are never brought back after the birth doses. Doses are dated up
// to the year's last day (and before any death).
func (c *County) immunization(p *Person) *ImmunizationHistory {
	res := p.Resident
	if res.BirthDate.After(c.period.Last()) || res.BirthDate.AgeYears(c.period.Last()) >= 8 {
		return nil
	}
	b := c.birth(p)
	r := c.rng(p.Index, drawImmunize)
	last := c.period.Last()
	upTo := last
	if res.Closure.Reason == healthrecord.ClosedDeath {
		upTo = res.Closure.Date.AddDays(-1)
	}
	birth := res.BirthDate
	v := res.Archive.Village()
	reg := &immunization.Registration{
		Resident: res.ID, Village: v, Name: res.Name,
		Child: immunization.Child{Birth: birth, MotherHBsAg: b.MotherHBsAg, BirthWeight: b.WeightG},
	}
	var cert gongwei.Date
	switch x := r.IntN(1000); {
	case x < certificateInMonth:
		cert = birth.AddDays(between(r, 0, 30))
	case x < certificateInMonth+certificateLate:
		cert = birth.AddDays(between(r, 31, 120))
	}
	if !cert.IsZero() && !cert.After(upTo) {
		reg.Certificate, reg.Card = cert, cert
	}
	h := &ImmunizationHistory{Registration: reg}

	sched := immunization.ScheduleFor(birth)
	ic := reg.Child
	laggard, gone := chance(r, laggardChildren), chance(r, neverBrought)
	var doses []immunization.Dose
	recs := make([]immunization.Recommendation, 0, 12)
	var skip uint32 // series (by forecast position) whose next dose was never given
	day := birth
	clinic, giver := string(v[:9])+"000", "T"+string(v[6:9])
	for step := 0; step < maxClinicDays && !day.After(upTo); step++ {
		// The next clinic day: the earliest recommended day of a dose still to come.
		recs = immunization.ForecastAppend(recs[:0], sched, ic, doses, day)
		var next gongwei.Date
		for k, rc := range recs {
			if skip&(1<<k) != 0 {
				continue
			}
			switch rc.Status {
			case immunization.StatusNotDue, immunization.StatusDue, immunization.StatusOverdue, immunization.StatusCatchUp:
				d := laterOf(rc.Recommended, day)
				if next.IsZero() || d.Before(next) {
					next = d
				}
			}
		}
		if next.IsZero() {
			break
		}
		visit := next.AddDays(delay(r, next == birth, laggard))
		if visit.After(upTo) || (gone && visit.After(birth.AddDays(3))) {
			break
		}
		recs = immunization.ForecastAppend(recs[:0], sched, ic, doses, visit)
		for k, rc := range recs {
			if skip&(1<<k) != 0 || !rc.Status.IsPending() || rc.Earliest.After(visit) {
				continue
			}
			if chance(r, doseMissed) {
				skip |= 1 << k
				continue
			}
			doses = append(doses, immunization.Dose{Vaccine: rc.Vaccine, Date: visit, Number: rc.Dose})
		}
		day = visit.AddDays(1)
	}
	for _, d := range doses {
		h.Vaccinations = append(h.Vaccinations, &immunization.Vaccination{
			ID:       immunization.VaccinationID(string(res.ID) + "V" + digits8(d.Date) + pad3(int(d.Vaccine))),
			Resident: res.ID, Village: v, Dose: d,
			Manufacturer: "国药中生", Lot: "L" + digits8(d.Date)[:6], Site: "上臂", Route: "肌内注射",
			Clinic: clinic, Giver: giver,
		})
	}
	return h
}

// delay draws the days from the recommended day to the clinic day: the birth doses on
// the day of birth for most (else 1-3 days); later doses within 2 weeks for most, else
// 15-90 days; every dose of a laggard 20-150 days.
func delay(r *rand.Rand, birthDose, laggard bool) int {
	switch {
	case birthDose:
		if chance(r, birthDoseOnDay) {
			return 0
		}
		return between(r, 1, 3)
	case laggard:
		return between(r, 20, 150)
	case chance(r, promptVisit):
		return between(r, 0, 14)
	default:
		return between(r, 15, 90)
	}
}
