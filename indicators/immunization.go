package indicators

import (
	"context"
	"slices"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// The indicator codes filled by [ImmunizationIndicators]. imm.coverage is a family
// qualified by milestone name (imm.coverage/HepB3, see immunization.Milestones).
const (
	codeImmCertificate Code = "imm.certificate"
	codeImmCoverage    Code = "imm.coverage"
	codeImmTimely      Code = "imm.timely"
	codeImmHepBBirth   Code = "imm.hepb_birth_timely"
	codeImmFive        Code = "imm.five_vaccines"
)

// fiveVaccines are the milestones of 五苗全程接种 (imm.five_vaccines): the primary series of
// the five vaccines of the original programme, BCG, HepB (3 doses), polio (3 doses),
// DTaP (3 doses) and measles (MMR dose 1), each due within the first year
// (immunization.Milestones). Which five vaccines the plans mean is UNCONFIRMED in
// reference (plan-targets.md names the target only); implemented as the conventional
// reading.
var fiveVaccines = []string{"BCG", "HepB3", "Polio3", "DTaP3", "MMR1"}

// The rows of imm.coverage are named by the milestone's name, which immunization
// registers in the catalog: 乙肝疫苗第3剂接种率.
func init() {
	qualifiers[codeImmCoverage] = qualifier{format: keyQualifiedImm, name: func(q string, tag language.Tag) (string, bool) {
		m, ok := immunization.MilestoneNamed(q)
		if !ok {
			return "", false
		}
		return m.Label(tag), true
	}}
}

// ImmunizationCodes lists the indicators [ImmunizationIndicators] fills (imm.coverage as
// its family code).
var ImmunizationCodes = []Code{codeImmCertificate, codeImmCoverage, codeImmTimely, codeImmHepBBirth, codeImmFive}

// ImmunizationIndicators streams the registrations of the villages under prefix once,
// reads each child's doses, evaluates them with the schedule for the child's cohort
// (immunization.Evaluate) and adds to sink, per village Unit and period p, the counts of:
//
//   - imm.certificate (建证率, nbphs-spec §3): denominator the registered children whose
//     certificate was due in p — the law asks for it within 1 month of birth (nbphs-spec
//     §3 [R71]), so the child's 1-month date falls in p; numerator those of them with a
//     certificate issued on or before p's last day. Reading 应建证人数 this way is our
//     definition (the spec gives the words only).
//   - imm.coverage/<milestone> (某种疫苗接种率, nbphs-spec §3; immunization.md §1.7), one
//     cell per row of immunization.Milestones: denominator the children whose limit
//     date for that dose (immunization.md §1.2) falls in p (应接种: they reached the age
//     by which the dose is due); numerator those of them with a valid dose fulfilling it
//     on or before p's last day.
//   - imm.timely (及时接种率; proposed formula, UNCONFIRMED in reference; implemented as
//     given): over every milestone, denominator the doses whose limit date falls in p,
//     numerator those given validly before the limit.
//   - imm.hepb_birth_timely (乙肝首针及时率; proposed formula, UNCONFIRMED in reference):
//     denominator the registered children born in p (registered births stand for live
//     births), numerator those given a valid HepB dose 1 on the day of birth (civil
//     dates cannot show 24 hours; the birth day is the day certainly within them).
//   - imm.five_vaccines (五苗全程接种率, plan-targets.md; formula UNCONFIRMED in reference,
//     implemented as the catalogue gives it): denominator the children whose latest
//     limit among the five milestones (fiveVaccines: BCG, HepB3, Polio3, DTaP3, MMR1 —
//     the first birthday) falls in p; numerator those of them with every one of the
//     five given validly on or before p's last day.
//
// Children of the store are the counted population; a registration without a valid
// birth date is skipped. The error is the first the store yields, or one wrapping
// gongwei.ErrInvalid when p is not valid, or ctx's error.
func ImmunizationIndicators(ctx context.Context, s immunization.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	var doses []immunization.Dose
	var evs []immunization.Evaluation
	for r, err := range s.Registrations(ctx, immunization.Filter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Child.Birth.IsZero() {
			continue
		}
		doses = doses[:0]
		for v, err := range s.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.Resident}) {
			if err != nil {
				return err
			}
			doses = append(doses, v.Dose)
		}
		addRegistration(r, doses, p, b, &evs)
	}
	return nil
}

// maxMilestones bounds immunization.Milestones, so that a child's limits and dates fit
// in arrays on the stack (a test checks it).
const maxMilestones = 32

// coverageCodes are the imm.coverage/<milestone> codes, one per immunization.Milestones
// entry, in its order.
var coverageCodes = func() []Code {
	out := make([]Code, len(immunization.Milestones))
	for i, m := range immunization.Milestones {
		out[i] = codeImmCoverage.With(m.Name)
	}
	return out
}()

// addRegistration adds one registered child's contributions (see
// ImmunizationIndicators) from the doses given to the child. The registration must have
// a birth date.
func addRegistration(r *immunization.Registration, doses []immunization.Dose, p gongwei.Period, sink Sink, evs *[]immunization.Evaluation) {
	last := p.Last()
	birth := r.Child.Birth
	*evs = immunization.EvaluateAppend((*evs)[:0], immunization.ScheduleFor(birth), r.Child, doses)
	unit := Unit(r.Village)
	var limits, givens [maxMilestones]gongwei.Date
	for i, m := range immunization.Milestones {
		limits[i], givens[i] = m.Limit(birth), m.Given(*evs)
	}

	if p.Contains(birth.AddMonths(1)) {
		ok := !r.Certificate.IsZero() && !r.Certificate.After(last)
		sink.Add(codeImmCertificate, unit, p, b2i(ok), 1)
	}
	var fiveLimit gongwei.Date
	fiveDone := true
	for i, m := range immunization.Milestones {
		limit, given := limits[i], givens[i]
		if slices.Contains(fiveVaccines, m.Name) {
			if limit.After(fiveLimit) {
				fiveLimit = limit
			}
			fiveDone = fiveDone && !given.IsZero() && !given.After(last)
		}
	}
	if p.Contains(fiveLimit) {
		sink.Add(codeImmFive, unit, p, b2i(fiveDone), 1)
	}
	for i, m := range immunization.Milestones {
		limit, given := limits[i], givens[i]
		if m.Name == "HepB1" && p.Contains(birth) {
			sink.Add(codeImmHepBBirth, unit, p, b2i(given == birth), 1)
		}
		if !p.Contains(limit) {
			continue
		}
		sink.Add(coverageCodes[i], unit, p, b2i(!given.IsZero() && !given.After(last)), 1)
		sink.Add(codeImmTimely, unit, p, b2i(!given.IsZero() && given.Before(limit)), 1)
	}
}
