package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// The indicator codes filled by [ChronicIndicators].
const (
	codeHTManaged    Code = "ht.management"
	codeHTStandard   Code = "ht.standard_management"
	codeHTControl    Code = "ht.bp_control"
	codeDMManaged    Code = "dm.management"
	codeDMStandard   Code = "dm.standard_management"
	codeDMControl    Code = "dm.glucose_control"
	codeSMIStandard  Code = "smi.standard_management"
	codeTBManaged    Code = "tb.management"
	codeTBRegularMed Code = "tb.regular_medication"
)

// ChronicCodes lists the indicators [ChronicIndicators] fills, in catalogue order.
var ChronicCodes = []Code{
	codeHTManaged, codeHTStandard, codeHTControl, codeDMManaged, codeDMStandard, codeDMControl,
	codeSMIStandard, codeSMIManaged, codeTBManaged, codeTBRegularMed, codeTBReferral,
}

// ChronicOptions configures [ChronicIndicators]. A nil *ChronicOptions gives the
// defaults.
type ChronicOptions struct {
	// MinFollowUps is the number of face-to-face follow-ups in the period that makes a
	// patient "managed per protocol" (规范管理). Zero means chronic.MinFollowUps, the
	// specification's "at least 4 face-to-face follow-ups a year" (nbphs-spec §7.2, §8,
	// §9); the operational definition of 规范管理 is UNCONFIRMED in reference (§7.5) and
	// configurable here.
	MinFollowUps int
	// Population is the population of each unit to which Estimates apply (its 常住人口;
	// the Estimate's Share takes the adult part). A unit absent gets no estimated
	// denominator.
	Population map[Unit]int64
	// Estimates are the parameters of the estimated denominators of ht.management and
	// dm.management (see Plan.Estimates); without one, the indicator gets its numerator
	// only and the host adds the denominator (Tally.Add(code, unit, period, 0, n)).
	Estimates map[Code]Estimate
	// TBReferrals, when not nil, is the referral register's record of TB suspects sent
	// to the designated facility: the date of each resident's first TB-suspect
	// referral (referral.TBSuspect). It is then the source of tb.referral's numerator,
	// in place of the deprecated chronic.TBCourse.Referred. [Compute] fills it from
	// Sources.Referrals; [TBReferrals] builds it from a referral.Store.
	TBReferrals map[healthrecord.ResidentID]gongwei.Date
}

// ChronicIndicators streams the chronic-disease patients of the jurisdiction prefix
// (village-code digits, see chronic.PatientFilter.Prefix) once, reads each one's visits
// in period p, and adds to sink the counts of [ChronicCodes]. Each patient is counted
// under its village (Unit(Patient.Village)), in the period p.
//
// The rules (period placement in brackets):
//
//   - 已管理 (managed in the period, the denominator of the hypertension, diabetes and
//     mental-disorder rates and the numerator of ht.management and dm.management):
//     under management on at least one day of p (chronic.Patient.ManagedIn: registered
//     before p ends, not closed before it starts). [BasisService: the period of
//     management]
//   - ht.management, dm.management (管理率, nbphs-spec §7.5, §8.3): numerator the
//     managed patients; denominator the estimate population × share × prevalence of each
//     unit in opts.Population ([Estimate.Patients]; UNCONFIRMED in reference,
//     implemented as given).
//   - ht.standard_management, dm.standard_management, smi.standard_management (规范管理率,
//     nbphs-spec §7.5, §8.3, §9.4): numerator the managed patients with at least
//     MinFollowUps face-to-face follow-ups dated in p (chronic.Visit.FaceToFace: clinic
//     or home; a reached mental-disorder follow-up). [BasisService: visit dates]
//   - ht.bp_control (管理人群血压控制率, §7.5): numerator the managed patients whose latest
//     follow-up dated in p has BP at the target of the patient's age on that date
//     (chronic.BPControlled: <140/90, ≥65 <150/90); a patient with no follow-up in p is
//     not controlled. [BasisLatest, the rule of [Latest]: latest date, then greatest ID]
//   - dm.glucose_control (管理人群血糖控制率, §8.3): likewise, fasting glucose <7.0 mmol/L
//     (chronic.GlucoseControlled). [BasisLatest]
//   - tb.management (肺结核患者管理率, §10.2): denominator the TB patients whose notice
//     was received in p; numerator those of them reached at a visit (any visit not
//     NotReached, on any date: 已管理 read as "visited", UNCONFIRMED in reference).
//     [BasisReport: the notice date]
//   - tb.regular_medication (肺结核患者规则服药率, §10.2): denominator the TB patients
//     whose treatment ended as completed (Closure TreatmentCompleted) on a date in p;
//     numerator those of them with regular medication over the course
//     (chronic.TBCourse.Regular: ≥90% of doses, UNCONFIRMED). [BasisCompletion]
//
// A patient contributes at most 1 to each numerator and denominator. Every candidate
// creates its cells, with 0 where it is not counted.
//
// The error is the first one the store yields, one wrapping gongwei.ErrInvalid when p is
// not valid or an estimate is out of range, or ctx's error.
func ChronicIndicators(ctx context.Context, s chronic.Store, prefix string, p gongwei.Period, opts *ChronicOptions, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	o := chronicDefaults(opts)
	b := newBatch(sink)
	defer b.flush()
	var visits []*chronic.Visit
	for pt, err := range s.Patients(ctx, chronic.PatientFilter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		visits = visits[:0]
		if f, ok := visitsRead(pt, p); ok {
			for v, err := range s.Visits(ctx, f) {
				if err != nil {
					return err
				}
				visits = append(visits, v)
			}
		}
		addPatient(pt, visits, p, &o, b)
	}
	return addEstimates(&o, prefix, p, b)
}

// chronicDefaults returns opts (nil for none) with its defaults filled in.
func chronicDefaults(opts *ChronicOptions) ChronicOptions {
	var o ChronicOptions
	if opts != nil {
		o = *opts
	}
	if o.MinFollowUps <= 0 {
		o.MinFollowUps = chronic.MinFollowUps
	}
	return o
}

// addEstimates adds the estimated denominators of ht.management and dm.management for
// every unit of o.Population under prefix.
func addEstimates(o *ChronicOptions, prefix string, p gongwei.Period, sink Sink) error {
	for _, code := range []Code{codeHTManaged, codeDMManaged} {
		e, ok := o.Estimates[code]
		if !ok {
			continue
		}
		for u, pop := range o.Population {
			if prefix != "" && !hasPrefix(string(u), prefix) {
				continue
			}
			n, err := e.Patients(pop)
			if err != nil {
				return err
			}
			sink.Add(code, u, p, 0, n)
		}
	}
	return nil
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// visitsRead returns the filter of the visits addPatient reads for pt, and false when it
// reads none: the visits dated in p of a patient managed in p, every visit of a TB
// patient notified in p.
func visitsRead(pt *chronic.Patient, p gongwei.Period) (chronic.VisitFilter, bool) {
	if pt.Condition == chronic.Tuberculosis {
		return chronic.VisitFilter{Patient: pt.ID}, pt.TB != nil && p.Contains(pt.TB.Notified)
	}
	return chronic.VisitFilter{Patient: pt.ID, Period: p}, pt.ManagedIn(p)
}

// addPatient adds one patient's contributions (see ChronicIndicators) from its visits.
// Visits the rules do not read (see visitsRead) are ignored, so a Subject may carry
// every visit of the patient.
func addPatient(pt *chronic.Patient, visits []*chronic.Visit, p gongwei.Period, o *ChronicOptions, sink Sink) {
	unit := Unit(pt.Village)
	if pt.Condition == chronic.Tuberculosis {
		addTBPatient(pt, visits, p, o, unit, sink)
		return
	}
	if !pt.ManagedIn(p) {
		return
	}
	faceToFace := 0
	// The latest follow-up in p, by the rule of Latest (one patient: no map needed).
	var last Observation[*chronic.Visit]
	for _, v := range visits {
		if !p.Contains(v.Date()) {
			continue
		}
		if v.FaceToFace() {
			faceToFace++
		}
		if o := (Observation[*chronic.Visit]{Date: v.Date(), RecordID: string(v.ID), Value: v}); last.Value == nil || o.after(last) {
			last = o
		}
	}
	latest := last.Value
	standard := b2i(faceToFace >= o.MinFollowUps)
	switch pt.Condition {
	case chronic.Hypertension:
		controlled := latest != nil && latest.Hypertension != nil &&
			chronic.BPControlled(pt.Birth, latest.Date(), latest.Hypertension.Systolic, latest.Hypertension.Diastolic)
		sink.Add(codeHTManaged, unit, p, 1, 0)
		sink.Add(codeHTStandard, unit, p, standard, 1)
		sink.Add(codeHTControl, unit, p, b2i(controlled), 1)
	case chronic.Diabetes:
		controlled := latest != nil && latest.Diabetes != nil && chronic.GlucoseControlled(latest.Diabetes.FastingGlucose)
		sink.Add(codeDMManaged, unit, p, 1, 0)
		sink.Add(codeDMStandard, unit, p, standard, 1)
		sink.Add(codeDMControl, unit, p, b2i(controlled), 1)
	case chronic.Mental:
		sink.Add(codeSMIStandard, unit, p, standard, 1)
		addSMIManaged(pt, visits, p, unit, sink)
	}
}

// addTBPatient adds a TB patient's contributions to tb.management and
// tb.regular_medication.
func addTBPatient(pt *chronic.Patient, visits []*chronic.Visit, p gongwei.Period, o *ChronicOptions, unit Unit, sink Sink) {
	if pt.TB == nil {
		return
	}
	addTBReferral(pt, o.TBReferrals, p, unit, sink)
	if p.Contains(pt.TB.Notified) {
		reached := false
		for _, v := range visits {
			if v.TB != nil && !v.TB.NotReached {
				reached = true
				break
			}
		}
		sink.Add(codeTBManaged, unit, p, b2i(reached), 1)
	}
	if pt.Closure.Reason == chronic.TreatmentCompleted && p.Contains(pt.Closure.Date) {
		sink.Add(codeTBRegularMed, unit, p, b2i(pt.TB.Regular()), 1)
	}
}
