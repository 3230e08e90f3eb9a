package synth

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
)

// drawPregnancyProjects is the purpose of the stream of the women's health projects
// recorded on a pregnancy, apart from every other.
const drawPregnancyProjects uint64 = 316

// Demonstration shares (per mille) of the projects recorded on a pregnancy (none is a
// rule).
const (
	prePregnancyChecked = 600 // women given the free pre-pregnancy check before conceiving
	folicBefore         = 550 // women who took folic acid before conception
	folicFirstOnly      = 350 // of the rest, women who took it in the first 3 months only
	pmtctIntervened     = 850 // positive infections whose mother and infants were given the intervention
	subsidyPaid         = 950 // eligible women paid the hospital-delivery subsidy
)

// pregnancyProjects fills the projects' fields of preg of person p on a stream of its
// own: the pre-pregnancy check 4-6 months before the LMP (plan-services.md §8), folic
// acid, the intervention for each positive infection (the mother treated within two
// weeks of the first positive test, the infants at birth), and the subsidy paid within
// a month of an eligible delivery, each only when dated by the year's last day.
func (c *County) pregnancyProjects(p *Person, preg *maternal.Pregnancy) {
	r := c.rng(p.Index, drawPregnancyProjects)
	last := c.period.Last()
	lmp := preg.Dating.LMPDate()
	if chance(r, prePregnancyChecked) {
		preg.PrePregnancyCheck = lmp.AddDays(-between(r, 120, 180))
	}
	switch x := r.IntN(1000); {
	case x < folicBefore:
		preg.FolicAcid = &maternal.FolicAcid{Before: true, FirstTrimester: chance(r, 800)}
	case x < folicBefore+(1000-folicBefore)*folicFirstOnly/1000:
		preg.FolicAcid = &maternal.FolicAcid{FirstTrimester: true}
	default:
		preg.FolicAcid = &maternal.FolicAcid{}
	}
	var born gongwei.Date
	if preg.Delivery != nil {
		born = preg.Delivery.Date
	}
	for _, st := range preg.Testing() {
		if !st.Positive || !chance(r, pmtctIntervened) {
			continue
		}
		x := maternal.Intervention{Infection: st.Infection, Mother: st.First.AddDays(between(r, 0, 14))}
		if x.Mother.After(last) {
			continue
		}
		if !born.IsZero() && preg.Delivery.LiveBirths > 0 {
			x.Infant = born
		}
		preg.Interventions = append(preg.Interventions, x)
	}
	if preg.SubsidyEligible() && chance(r, subsidyPaid) {
		if paid := born.AddDays(between(r, 1, 30)); !paid.After(last) {
			preg.SubsidyPaid = paid
		}
	}
}
