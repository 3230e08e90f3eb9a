package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
)

// The indicator codes filled by [ChildIndicators].
const (
	codeChildNewbornVisit        Code = "child.newborn_visit"
	codeChildManagement          Code = "child.health_management"
	codeChildSystem              Code = "child.system_management"
	codeChildUnder3System        Code = "child.under3_system_management"
	codeChildHb                  Code = "child.hb_test"
	codeChildGrowth              Code = "child.growth_monitoring"
	codeChildMalnutrition        Code = "child.malnutrition"
	codeChildAnaemia             Code = "child.anaemia"
	codeChildScreening           Code = "child.newborn_screening"
	codeChildHearing             Code = "child.hearing_screening"
	codeChildNeonatalDeaths      Code = "child.neonatal_mortality"
	codeChildInfantDeaths        Code = "child.infant_mortality"
	codeChildU5Deaths            Code = "child.u5_mortality"
	codeTCMChild                 Code = "tcm.child"
	childServiceYears                 = 7    // 0～6岁: under 7 years (nbphs-spec §4)
	under3Years                       = 3    // 3岁以下
	neonatalDays                      = 28   // 新生儿期
	under5Days                        = 1826 // WHO standard's last day, for prevalence under 5
	childIndicatorsAnaemiaScheme      = child.AnaemiaWHO2011
)

// ChildCodes lists the indicators [ChildIndicators] fills, in catalogue order.
var ChildCodes = []Code{
	codeChildNewbornVisit, codeChildManagement, codeChildSystem, codeChildUnder3System,
	codeChildU5Deaths, codeChildScreening, codeChildHearing, codeChildHb,
	codeChildGrowth, codeChildMalnutrition, codeChildAnaemia, codeChildNeonatalDeaths,
	codeChildInfantDeaths, codeTCMChild,
}

// ChildIndicators streams the child records of the jurisdiction prefix (village-code
// digits, see child.ChildFilter.Prefix) born before the end of period p once, reads each
// one's visits, and adds to sink the counts of the child health and child TCM indicators
// ([ChildCodes]) for p. Each child counts under its village ([Unit] of child.Child.Village).
// asOf is p.Last(). The rules and the placement of each record in the period:
//
//   - Live births (活产数, BasisBirth): the children born in p. They are the denominator
//     of child.newborn_visit, child.newborn_screening, child.hearing_screening and of the
//     three mortality rates.
//   - child.newborn_visit (新生儿访视率, nbphs-spec §4.5): numerator the births of p with a
//     newborn home visit (child.KindNewborn) in the neonatal period (day 0–27), counted in
//     the period of the birth even when the visit falls after it ends.
//   - child.newborn_screening / child.hearing_screening: numerator the births of p
//     screened for 甲低 and PKU (child.Screening.DiseaseScreened) / for hearing
//     (child.HearingResult.Screened). Formulas UNCONFIRMED in reference (plan targets
//     only); implemented as the catalogue gives them.
//   - 0～6岁儿童 (the denominator of child.health_management, child.hb_test and
//     child.growth_monitoring): the children alive on asOf and under 7 completed years
//     on it.
//   - child.health_management (儿童健康管理率, nbphs-spec §4.5): numerator those with at
//     least one visit dated in p (BasisService).
//   - child.hb_test: numerator those with a haemoglobin recorded at a visit dated in p.
//   - child.growth_monitoring (儿童生长发育监测率, plan-targets.md ≥98%): numerator those
//     with weight and length/height measured at a visit dated in p. Formula UNCONFIRMED
//     in reference; implemented as the catalogue gives it.
//   - child.system_management (儿童系统管理率, nbphs-spec §4.5 [R17]) and
//     child.under3_system_management (3岁以下, "4-2-1"/"4:2:2" frequency [R73]): the
//     required frequency is read from the schedule (child.Plan). Denominator the children
//     alive on asOf with at least one scheduled visit (for under-3s: up to the 36-month
//     check) whose window closed in p; numerator those of them who had every such visit
//     (done in its window or late, child.Schedule on asOf). Reading the frequency off the
//     national schedule is UNCONFIRMED in reference; implemented as given.
//   - tcm.child (0～36个月儿童中医药健康管理服务率, nbphs-spec §11.3): the same rule for
//     the TCM guidance at 6–36 months (nbphs-spec §11.2).
//   - child.malnutrition (营养不良患病率): denominator the children under 5 (day 0–1826)
//     measured in p, using their last measurement in p; numerator those underweight,
//     stunted or wasted on it by the WHO cut-offs (child.WHOCutoffs, growth.md §1.10).
//   - child.anaemia (贫血患病率): denominator the children with a haemoglobin test in p at
//     6 months or older, using the last test; numerator those anaemic on it by WHO 2011
//     (growth.md §5).
//   - child.neonatal_mortality, child.infant_mortality, child.u5_mortality (‰ of live
//     births, BasisReport): numerator the deaths dated in p at an age under 28 days /
//     under 1 year / under 5 years, whatever the year of birth; denominator the live
//     births of p (WS/T 598.5 statistical formula, UNCONFIRMED in reference).
//
// A child contributes at most 1 to each numerator and denominator. The error is the
// first one the store yields, one wrapping gongwei.ErrInvalid for an invalid period, or
// ctx's error.
func ChildIndicators(ctx context.Context, s child.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	var visits []*child.Visit
	var sc childScratch
	for c, err := range s.Children(ctx, child.ChildFilter{Prefix: prefix, BornBefore: p.End}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		visits = visits[:0]
		for v, err := range s.Visits(ctx, child.VisitFilter{Child: c.ID}) {
			if err != nil {
				return err
			}
			visits = append(visits, v)
		}
		addChild(c, visits, p, b, &sc)
	}
	return nil
}

// childScratch is what addChild reuses from one child to the next: the buffer the
// schedule is built in and the scheduler keeping the plans of the birth dates seen.
type childScratch struct {
	items []child.Item
	sched child.Scheduler
}

// addChild adds one child's contributions (see ChildIndicators).
func addChild(c *child.Child, visits []*child.Visit, p gongwei.Period, sink Sink, sc *childScratch) {
	unit := Unit(c.Village)
	asOf := p.Last()

	if p.Contains(c.BirthDate) {
		newborn := false
		for _, v := range visits {
			newborn = newborn || (v.Kind == child.KindNewborn && c.AgeDays(v.Date) < neonatalDays)
		}
		// The newborn visit may fall after p (BasisBirth): every visit is read.
		sink.Add(codeChildNewbornVisit, unit, p, b2i(newborn), 1)
		sink.Add(codeChildScreening, unit, p, b2i(c.Screening.DiseaseScreened()), 1)
		sink.Add(codeChildHearing, unit, p, b2i(c.Screening.Hearing.Screened()), 1)
		for _, code := range []Code{codeChildNeonatalDeaths, codeChildInfantDeaths, codeChildU5Deaths} {
			sink.Add(code, unit, p, 0, 1)
		}
	}
	if p.Contains(c.DeathDate) {
		age := c.AgeDays(c.DeathDate)
		sink.Add(codeChildNeonatalDeaths, unit, p, b2i(age < neonatalDays), 0)
		sink.Add(codeChildInfantDeaths, unit, p, b2i(c.BirthDate.AgeYears(c.DeathDate) < 1), 0)
		sink.Add(codeChildU5Deaths, unit, p, b2i(c.BirthDate.AgeYears(c.DeathDate) < 5), 0)
	}
	if !c.AliveOn(asOf) {
		return
	}

	if c.BirthDate.AgeYears(asOf) < childServiceYears {
		seen, hb, growth := false, false, false
		for _, v := range visits {
			if !p.Contains(v.Date) {
				continue
			}
			seen = true
			hb = hb || v.HbGL > 0
			growth = growth || (v.Measurement.WeightKg > 0 && v.Measurement.LengthHeightCm > 0)
		}
		sink.Add(codeChildManagement, unit, p, b2i(seen), 1)
		sink.Add(codeChildHb, unit, p, b2i(hb), 1)
		sink.Add(codeChildGrowth, unit, p, b2i(growth), 1)
	}

	// Prevalence: the last measurement and the last Hb test in p.
	var lastMeasured, lastHb *child.Visit
	for _, v := range visits {
		if !p.Contains(v.Date) {
			continue
		}
		if v.Measurement.WeightKg > 0 || v.Measurement.LengthHeightCm > 0 || v.Measurement.Oedema {
			lastMeasured = v
		}
		if v.HbGL > 0 && c.BirthDate.AgeMonths(v.Date) >= 6 {
			lastHb = v
		}
	}
	if lastMeasured != nil && c.AgeDays(lastMeasured.Date) <= under5Days {
		if a, err := lastMeasured.Assess(c); err == nil {
			n := child.ClassifyNutrition(a, child.WHOCutoffs)
			sink.Add(codeChildMalnutrition, unit, p, b2i(n.Malnourished()), 1)
		}
	}
	if lastHb != nil {
		if g, err := child.ClassifyAnaemia(childIndicatorsAnaemiaScheme, c.BirthDate.AgeMonths(lastHb.Date), lastHb.HbGL); err == nil {
			sink.Add(codeChildAnaemia, unit, p, b2i(g.Anaemic()), 1)
		}
	}

	// Systematic management and TCM: the scheduled items whose window closed in p.
	var dueAll, doneAll, dueU3, doneU3, dueTCM, doneTCM int
	// Only the contacts and the TCM guidance are read: their items are those of the
	// whole schedule (child.Scheduler.AppendTasks).
	sc.items = sc.sched.AppendTasks(sc.items[:0], c, visits, asOf, child.TaskVisit, child.TaskTCM)
	for _, it := range sc.items {
		if !p.Contains(it.Window.Last()) {
			continue
		}
		under3 := it.Kind != child.Kind4y && it.Kind != child.Kind5y && it.Kind != child.Kind6y
		done := it.Status == child.Done || it.Status == child.DoneLate
		switch it.Task {
		case child.TaskVisit:
			dueAll++
			doneAll += int(b2i(done))
			if under3 {
				dueU3++
				doneU3 += int(b2i(done))
			}
		case child.TaskTCM:
			dueTCM++
			doneTCM += int(b2i(done))
		}
	}
	if dueAll > 0 {
		sink.Add(codeChildSystem, unit, p, b2i(doneAll == dueAll), 1)
	}
	if dueU3 > 0 {
		sink.Add(codeChildUnder3System, unit, p, b2i(doneU3 == dueU3), 1)
	}
	if dueTCM > 0 {
		sink.Add(codeTCMChild, unit, p, b2i(doneTCM == dueTCM), 1)
	}
}
