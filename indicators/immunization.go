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

// fiveVaccines are the milestones of 五苗全程接种 (imm.five_vaccines), as immunization
// names them (immunization.FiveVaccineMilestones).
var fiveVaccines = immunization.FiveVaccineMilestones()

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
var ImmunizationCodes = []Code{codeImmCertificate, codeImmCoverage, codeImmTimely, codeImmHepBBirth, codeImmFive, codeImmSchoolCheck, codeImmFullSeries}

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
	return immunizationIndicators(ctx, s, prefix, p, sink, false)
}

// immunizationIndicators is ImmunizationIndicators, adding imm.card beside
// imm.certificate when card is set (as [Compute] does; see immScratch.card).
func immunizationIndicators(ctx context.Context, s immunization.Store, prefix string, p gongwei.Period, sink Sink, card bool) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	var doses []immunization.Dose
	sc := immScratch{card: card}
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
		addRegistration(r, doses, p, b, &sc)
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

// isFiveVaccine marks the rows of immunization.Milestones named in fiveVaccines.
var isFiveVaccine = func() (out [maxMilestones]bool) {
	for i, m := range immunization.Milestones {
		out[i] = slices.Contains(fiveVaccines, m.Name)
	}
	return out
}()

// hepB1Row is the row of HepB dose 1 in immunization.Milestones.
var hepB1Row = slices.IndexFunc(immunization.Milestones, func(m immunization.Milestone) bool { return m.Name == immunization.HepBBirthDoseMilestone })

// fulfils lists, for a vaccine v and a series dose d, the rows of
// immunization.Milestones the dose fulfils (immunization.Milestone.Doses), at
// fulfils[int(v)*fulfilsDoses+d].
var fulfils = func() [][]int {
	var out [][]int
	for i, m := range immunization.Milestones {
		for _, vd := range m.Doses {
			k := int(vd.Vaccine)*fulfilsDoses + vd.Dose
			if k >= len(out) {
				out = append(out, make([][]int, k+1-len(out))...)
			}
			out[k] = append(out[k], i)
		}
	}
	return out
}()

// fulfilsDoses bounds the series dose numbers of immunization.Milestones (a test checks
// it).
const fulfilsDoses = 8

// milestonesGiven sets given[i] to immunization.Milestones[i].Given(evs), in one pass
// over evs: the date of the first valid dose fulfilling each milestone by what it counts
// as (immunization.Evaluation.Counts, so combination products count), or zero.
func milestonesGiven(evs []immunization.Evaluation, given *[maxMilestones]gongwei.Date) {
	for _, e := range evs {
		for as, dose := range e.Counts {
			if dose < 0 || dose >= fulfilsDoses {
				continue
			}
			k := int(as)*fulfilsDoses + dose
			if k >= len(fulfils) {
				continue
			}
			for _, i := range fulfils[k] {
				if given[i].IsZero() || e.Dose.Date.Before(given[i]) {
					given[i] = e.Dose.Date
				}
			}
		}
	}
}

// immScratch is what addRegistration reuses from one child to the next: the buffer
// the doses are evaluated in and the milestone limits of the birth dates seen (children
// come village by village, born on a few thousand days, so most lookups hit).
type immScratch struct {
	evs    []immunization.Evaluation
	limits map[gongwei.Date]*[maxMilestones]gongwei.Date
	// lastBirth and lastLimits are the last lookup of limits: counted and
	// addRegistration ask for the same child's one after the other.
	lastBirth  gongwei.Date
	lastLimits *[maxMilestones]gongwei.Date
	// card adds imm.card (预防接种建卡率) beside imm.certificate, by the rule of
	// [ImmunizationCardIndicators]: [Compute] and [ComputeSubjects] set it, so the
	// registrations they read give the card's row too; [ImmunizationIndicators] keeps
	// the cells it has always filled.
	card bool
}

// milestoneLimits returns immunization.Milestones[i].Limit(birth) for every row i.
func (sc *immScratch) milestoneLimits(birth gongwei.Date) *[maxMilestones]gongwei.Date {
	if sc.lastLimits != nil && sc.lastBirth == birth {
		return sc.lastLimits
	}
	if l, ok := sc.limits[birth]; ok {
		sc.lastBirth, sc.lastLimits = birth, l
		return l
	}
	if sc.limits == nil || len(sc.limits) >= 1<<14 {
		sc.limits = make(map[gongwei.Date]*[maxMilestones]gongwei.Date)
	}
	l := new([maxMilestones]gongwei.Date)
	for i, m := range immunization.Milestones {
		l[i] = m.Limit(birth)
	}
	sc.limits[birth] = l
	sc.lastBirth, sc.lastLimits = birth, l
	return l
}

// counted reports whether any cell of addRegistration counts a child born on birth in
// p: every cell needs the birth, the first month's end or a milestone's limit in p (the
// five vaccines' latest limit being one of the limits). A child not counted needs
// neither its doses read nor evaluated.
func (sc *immScratch) counted(birth gongwei.Date, p gongwei.Period) bool {
	return p.Contains(birth) || p.Contains(birth.AddMonths(1)) ||
		slices.ContainsFunc(sc.milestoneLimits(birth)[:len(immunization.Milestones)], p.Contains)
}

// addRegistration adds one registered child's contributions (see
// ImmunizationIndicators) from the doses given to the child. The registration must have
// a birth date.
func addRegistration(r *immunization.Registration, doses []immunization.Dose, p gongwei.Period, sink Sink, sc *immScratch) {
	addSchoolEntries(r, p, sink)
	if !sc.counted(r.Child.Birth, p) {
		return
	}
	last := p.Last()
	birth := r.Child.Birth
	limits := sc.milestoneLimits(birth)
	sc.evs = immunization.EvaluateAppend(sc.evs[:0], immunization.ScheduleFor(birth), r.Child, doses)
	unit := Unit(r.Village)
	var givens [maxMilestones]gongwei.Date
	milestonesGiven(sc.evs, &givens)

	if p.Contains(birth.AddMonths(1)) {
		ok := !r.Certificate.IsZero() && !r.Certificate.After(last)
		sink.Add(codeImmCertificate, unit, p, b2i(ok), 1)
		if sc.card {
			sink.Add(codeImmCard, unit, p, b2i(!r.Card.IsZero() && !r.Card.After(last)), 1)
		}
	}
	var fiveLimit gongwei.Date
	fiveDone := true
	for i := range immunization.Milestones {
		limit, given := limits[i], givens[i]
		if isFiveVaccine[i] {
			if limit.After(fiveLimit) {
				fiveLimit = limit
			}
			fiveDone = fiveDone && !given.IsZero() && !given.After(last)
		}
	}
	if p.Contains(fiveLimit) {
		sink.Add(codeImmFive, unit, p, b2i(fiveDone), 1)
	}
	for i := range immunization.Milestones {
		limit, given := limits[i], givens[i]
		if i == hepB1Row && p.Contains(birth) {
			sink.Add(codeImmHepBBirth, unit, p, b2i(given == birth), 1)
		}
		if !p.Contains(limit) {
			continue
		}
		sink.Add(coverageCodes[i], unit, p, b2i(!given.IsZero() && !given.After(last)), 1)
		sink.Add(codeImmTimely, unit, p, b2i(!given.IsZero() && given.Before(limit)), 1)
	}
}
