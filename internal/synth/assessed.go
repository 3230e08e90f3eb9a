package synth

import (
	"math/rand/v2"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
)

// Demonstration shares (per mille) of the records the year-end assessment reads beyond
// the specification's list: prenatal screening, school-entry checks, TB referral.
const (
	prenatalScreened = 930 // pregnant women given serological prenatal screening
	entrantsChecked  = 970 // nursery and school entrants whose certificate is checked
	tbFoundLocally   = 700 // TB patients found by the township or village clinic (推介)
	tbReferred       = 900 // of those, referred to the designated facility with a slip
)

// Ages (completed years on 31 August) of the children entering a kindergarten (入托) and
// a primary school (入学) in September: the usual entry ages, a demonstration choice.
const (
	nurseryEntryAge = 3
	schoolEntryAge  = 6
)

// Pregnancy returns the pregnancy of person p in the year, or nil (see pregnancy), with
// its serological prenatal screening: most women are screened at 15-19 weeks when the
// pregnancy reaches them before it ends and before the year's last day.
func (c *County) Pregnancy(p *Person) *maternal.Pregnancy {
	preg := c.pregnancy(p)
	if preg == nil {
		return nil
	}
	r := c.rng(p.Index, drawAssessed)
	if !chance(r, prenatalScreened) {
		return preg
	}
	d := preg.Dating.LMP.AddDays(between(r, 105, 139))
	if d.Before(preg.Booked) {
		d = preg.Booked
	}
	if end := preg.EndDate(); d.After(c.period.Last()) || (!end.IsZero() && d.After(end)) {
		return preg
	}
	preg.Screening = &maternal.PrenatalScreening{Date: d, Positive: chance(r, 50)}
	return preg
}

// Immunization returns the vaccination record of person p, or nil (see immunization),
// with the child's entry into a kindergarten at 3 or a primary school at 6 on 1
// September of the year and the check of the certificate: most within the 30-day window
// (some at enrolment in the fortnight before), the rest not checked. The check's outcome
// is the library's (immunization.CheckSchoolEntry on the doses given by the check day).
func (c *County) Immunization(p *Person) *ImmunizationHistory {
	h := c.immunization(p)
	if h == nil {
		return nil
	}
	reg := h.Registration
	entered, err := gongwei.NewDate(c.period.Start.Year(), 9, 1)
	if err != nil || !c.period.Contains(entered) {
		return h
	}
	kind := immunization.EntryUnknown
	switch reg.Child.Birth.AgeYears(entered.AddDays(-1)) {
	case nurseryEntryAge:
		kind = immunization.EntryNursery
	case schoolEntryAge:
		kind = immunization.EntrySchool
	}
	res := p.Resident
	if kind == immunization.EntryUnknown || (res.Closure.Reason == healthrecord.ClosedDeath && res.Closure.Date.Before(entered)) {
		return h
	}
	r := c.rng(p.Index, drawAssessed)
	e := immunization.SchoolEntryCheck{Kind: kind, Entered: entered}
	if chance(r, entrantsChecked) {
		e.Checked = entered.AddDays(between(r, -14, 29))
		e.Complete = immunization.CheckSchoolEntry(immunization.ScheduleFor(reg.Child.Birth), reg.Child, dosesBy(h, e.Checked), e.Checked).Complete
	}
	reg.SchoolEntries = append(reg.SchoolEntries, e)
	return h
}

// dosesBy returns the doses of h given on or before d.
func dosesBy(h *ImmunizationHistory, d gongwei.Date) []immunization.Dose {
	var out []immunization.Dose
	for _, v := range h.Vaccinations {
		if !v.Dose.Date.After(d) {
			out = append(out, v.Dose)
		}
	}
	return out
}

// tbCase generates a TB patient (see tbCourse) and how the patient was found: most by
// the township or village clinic, which referred nearly all of them to the designated
// facility a few days to three weeks before the notice came back. Its draws come after
// every other chronic draw of the resident, so they change none of them.
func (c *County) tbCase(r *rand.Rand, res *healthrecord.Resident) (ChronicCase, bool) {
	cs, ok := c.tbCourse(r, res)
	if !ok {
		return cs, false
	}
	course := cs.Patient.TB
	course.FoundLocally = chance(r, tbFoundLocally)
	if course.FoundLocally && chance(r, tbReferred) {
		//lint:ignore SA1019 kept for hosts without a register; the register gets the same slip (Referrals)
		course.Referred = course.Notified.AddDays(-between(r, 3, 21))
	}
	return cs, true
}
