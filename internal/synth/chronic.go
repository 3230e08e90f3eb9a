package synth

import (
	"math/rand/v2"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ChronicCase is one resident's management of one condition: the registration and the
// follow-ups to record, in date order. Load them through chronic.Service: Register the
// patient, RecordVisit each visit (the library classifies it and computes its next due
// date; Assessment is left zero here), then Close it when Closure is set.
type ChronicCase struct {
	Patient *chronic.Patient // the registration
	Visits  []*chronic.Visit // the follow-ups, recorded in this order
	// Closure ends management after the visits (death, loss to follow-up, end of TB
	// treatment); zero while the patient stays under management.
	Closure chronic.Closure
}

// Registered-patient shares (per mille of the residents of each age, by age on the year's
// last day): made-up demonstration figures in the range of a rural county's registers,
// not national prevalences. Hypertension and diabetes patients are 35 and over (the age
// of the service, nbphs-spec §7, §8).
var chronicShares = []struct{ minAge, hypertension, diabetes int }{
	{35, 70, 25}, {45, 160, 55}, {55, 260, 95}, {65, 340, 120},
}

// Demonstration shares (per mille) of the chronic-disease year.
const (
	mentalShare      = 6   // residents 18+ registered with a severe mental disorder
	tbShare          = 2   // residents 15+ notified with TB in the 18 months to the year's end
	newPatients      = 120 // patients registered during the year (the rest before it)
	lostPatients     = 20  // hypertension and diabetes patients lost or moved out in the year
	diligentPatients = 720 // followed up every quarter
	partialPatients  = 180 // each quarter missed with 40 %; the rest miss each with 80 %
	phoneFollowUps   = 60  // follow-ups by phone (not face to face)
	controlledHT     = 620 // hypertension patients who are mostly at target
	controlledDM     = 550 // diabetes patients who are mostly at target
	emergencyVisits  = 15  // follow-ups finding an urgent-referral condition
	recheckVisits    = 650 // unsatisfied follow-ups rechecked about 2 weeks later
	tbLost           = 50  // TB patients never reached, closed as lost
	tbStopped        = 40  // TB patients whose treatment stopped early
	tbRegular        = 850 // TB patients with ≥90 % of doses taken
)

// tbCourseDays is the length of the generated TB treatment courses (6 months: 2 intensive,
// 4 continuation) and tbDoses their daily doses.
const (
	tbCourseMonths = 6
	tbDoses        = 180
)

// chronicRaw is Chronic before the patterns of Config.Inject are applied.
func (c *County) chronicRaw(p *Person) []ChronicCase {
	res := p.Resident
	r := c.rng(p.Index, drawChronic)
	last := c.period.Last()
	age := res.BirthDate.AgeYears(last)
	var out []ChronicCase
	var ht, dm int
	for _, s := range chronicShares {
		if age >= s.minAge {
			ht, dm = s.hypertension, s.diabetes
		}
	}
	// Draw every condition in a fixed order, so that one condition's draws never shift
	// another's.
	hasHT, hasDM := chance(r, ht), chance(r, dm)
	hasSMI := age >= 18 && chance(r, mentalShare)
	// A second TB draw on a stream of its own (drawTB) adds patients without changing
	// any draw of r, so that a township of a few thousand residents has some (the
	// demonstration rate is well above China's notification rate).
	hasTB := age >= 15 && (chance(r, tbShare) || chance(c.rng(p.Index, drawTB), tbShare))
	if hasHT {
		if cs, ok := c.htCase(r, res, hasDM); ok {
			out = append(out, cs)
		}
	}
	if hasDM {
		if cs, ok := c.dmCase(r, res); ok {
			out = append(out, cs)
		}
	}
	if hasSMI {
		if cs, ok := c.mentalCase(r, res); ok {
			out = append(out, cs)
		}
	}
	if hasTB {
		if cs, ok := c.tbCase(r, res); ok {
			out = append(out, cs)
		}
	}
	return out
}

// register returns the patient of res for condition cond registered on a date: some in
// the year, the rest from the later of minAge and 2009 to the year's start. ok is false
// when the resident died before it.
func (c *County) register(r *rand.Rand, res *healthrecord.Resident, cond chronic.Condition, minAge int) (*chronic.Patient, bool) {
	y := c.period
	first := laterOf(res.BirthDate.AddYears(minAge), gongwei.MustDate(2009, 1, 1))
	var reg gongwei.Date
	if chance(r, newPatients) || !first.Before(y.Start) {
		reg = dayIn(r, laterOf(first, y.Start), y.Last())
	} else {
		reg = dayIn(r, first, y.Start.AddDays(-1))
	}
	if res.Closure.Reason == healthrecord.ClosedDeath && !reg.Before(res.Closure.Date) {
		return nil, false
	}
	diag := laterOf(reg.AddDays(-r.IntN(21)), res.BirthDate)
	pt := chronic.PatientFromResident(res, cond, diag, reg)
	pt.ID = chronic.PatientID(string(res.ID) + "-" + string(cond) + "-" + digits8(reg))
	return pt, true
}

// window returns the days of the year on which patient pt can be followed up, up to the
// day before closure (zero: open), and whether there are any.
func (c *County) window(pt *chronic.Patient, closure gongwei.Date) (from, to gongwei.Date, ok bool) {
	from, to = laterOf(pt.Registered, c.period.Start), c.period.Last()
	if !closure.IsZero() {
		to = earlierOf(to, closure.AddDays(-1))
	}
	return from, to, !to.Before(from)
}

// closure returns how management of pt ends in the year: at the resident's death, or
// (lostShare per mille) lost or moved out on a day of the year after registration.
func (c *County) closure(r *rand.Rand, res *healthrecord.Resident, pt *chronic.Patient, lostShare int) chronic.Closure {
	lost := chance(r, lostShare)
	if res.Closure.Reason == healthrecord.ClosedDeath {
		return chronic.Closure{Reason: chronic.ClosedDeath, Date: res.Closure.Date}
	}
	if lost {
		from := laterOf(pt.Registered.AddDays(1), c.period.Start)
		if !from.After(c.period.Last()) {
			reason := chronic.ClosedLost
			if r.IntN(2) == 0 {
				reason = chronic.ClosedMovedOut
			}
			return chronic.Closure{Reason: reason, Date: dayIn(r, from, c.period.Last())}
		}
	}
	return chronic.Closure{}
}

// quarterly returns the follow-up dates in [from, to]: one on a random day of each quarter
// the patient attends (every quarter for a diligent patient; fewer otherwise).
func (c *County) quarterly(r *rand.Rand, from, to gongwei.Date) []gongwei.Date {
	miss := 0
	switch x := r.IntN(1000); {
	case x < diligentPatients:
	case x < diligentPatients+partialPatients:
		miss = 400
	default:
		miss = 800
	}
	var out []gongwei.Date
	for q := 0; q < 4; q++ {
		qs := c.period.Start.AddMonths(3 * q)
		qe := qs.AddMonths(3).AddDays(-1)
		skip := chance(r, miss)
		a, b := laterOf(qs, from), earlierOf(qe, to)
		if skip || b.Before(a) {
			continue
		}
		out = append(out, dayIn(r, a, b))
	}
	return out
}

// followUp is one generated follow-up: its date and what was found.
type followUp[T any] struct {
	date  gongwei.Date
	found T
}

// withRechecks draws what each date finds and adds, after each finding that unsatisfied
// reports, a recheck 14 to 21 days later (recheckVisits per mille) within to, with its
// own finding. It returns the follow-ups by date, one a day.
func withRechecks[T any](r *rand.Rand, dates []gongwei.Date, to gongwei.Date, draw func(gongwei.Date) T, unsatisfied func(gongwei.Date, T) bool) []followUp[T] {
	out := make([]followUp[T], 0, len(dates)+2)
	for _, d := range dates {
		out = append(out, followUp[T]{d, draw(d)})
	}
	for k, n := 0, len(out); k < n; k++ {
		if unsatisfied(out[k].date, out[k].found) && chance(r, recheckVisits) {
			if d := out[k].date.AddDays(between(r, 14, 21)); !d.After(to) {
				out = append(out, followUp[T]{d, draw(d)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b followUp[T]) int { return a.date.Compare(b.date) })
	return slices.CompactFunc(out, func(a, b followUp[T]) bool { return a.date == b.date })
}

// mode draws how a hypertension or diabetes follow-up is made.
func mode(r *rand.Rand) chronic.VisitMode {
	switch x := r.IntN(1000); {
	case x < phoneFollowUps:
		return chronic.Phone
	case x < 600:
		return chronic.Clinic
	default:
		return chronic.Home
	}
}

// adherence draws medication adherence: mostly regular.
func adherence(r *rand.Rand) chronic.Adherence {
	switch x := r.IntN(100); {
	case x < 76:
		return chronic.Regular
	case x < 95:
		return chronic.Intermittent
	default:
		return chronic.NotTaking
	}
}

// build returns the body measures of a resident: height (cm) by sex, weight for a BMI of
// 19 to 30.
func build(r *rand.Rand, sex gongwei.Sex) (height, weight float64) {
	height = float64(between(r, 148, 166))
	if sex == gongwei.Male {
		height = float64(between(r, 158, 178))
	}
	bmi := tenths(r, 19, 30)
	weight = float64(int(bmi*height*height/1000+0.5)) / 10
	return height, weight
}

// htCase generates a hypertension patient and the year's follow-ups. Readings: patients
// mostly at target (controlledHT) read below their age's target 85 % of the time, the
// others 25 %; emergencyVisits per mille read SBP ≥180.
func (c *County) htCase(r *rand.Rand, res *healthrecord.Resident, comorbid bool) (ChronicCase, bool) {
	pt, ok := c.register(r, res, chronic.Hypertension, 35)
	if !ok {
		return ChronicCase{}, false
	}
	pt.Comorbid = comorbid
	cs := ChronicCase{Patient: pt, Closure: c.closure(r, res, pt, lostPatients)}
	from, to, ok := c.window(pt, cs.Closure.Date)
	if !ok {
		return cs, true
	}
	good := chance(r, controlledHT)
	height, weight := build(r, res.Sex)
	smoker := res.Sex == gongwei.Male && r.IntN(100) < 35
	type reading struct{ sbp, dbp int }
	readAt := func(d gongwei.Date) reading {
		target := chronic.HypertensionTarget(res.BirthDate.AgeYears(d))
		switch {
		case chance(r, emergencyVisits):
			return reading{between(r, 180, 205), between(r, 96, 118)}
		case (good && r.IntN(100) < 85) || (!good && r.IntN(100) < 25):
			return reading{between(r, 112, target.SBP-2), between(r, 64, target.DBP-2)}
		default:
			return reading{between(r, target.SBP, 176), between(r, 78, 104)}
		}
	}
	fus := withRechecks(r, c.quarterly(r, from, to), to, readAt, func(d gongwei.Date, x reading) bool {
		return !chronic.BPControlled(res.BirthDate, d, x.sbp, x.dbp)
	})
	for _, fu := range fus {
		d, rd := fu.date, fu.found
		f := &chronic.HypertensionFollowUp{
			Date: d, Mode: mode(r), Systolic: rd.sbp, Diastolic: rd.dbp, HeartRate: between(r, 58, 96),
			Weight: weight + tenths(r, -1.5, 1.5), Height: height, Drinking: float64(r.IntN(3)),
			ExercisePerWeek: r.IntN(8), Adherence: adherence(r),
		}
		if f.ExercisePerWeek > 0 {
			f.ExerciseMinutes = between(r, 20, 60)
		}
		if smoker {
			f.Cigarettes = between(r, 3, 20)
		}
		if chance(r, 20) {
			f.AdverseReaction = true
			f.AdverseReactionUncontrolled = r.IntN(4) == 0
		}
		f.Complication = chance(r, 12)
		cs.Visits = append(cs.Visits, &chronic.Visit{
			ID: chronic.VisitID(string(pt.ID) + "-" + digits8(d)), Patient: pt.ID, Resident: res.ID,
			Provider: clinic(pt.Village), Hypertension: f,
		})
	}
	return cs, true
}

// dmCase generates a type 2 diabetes patient and the year's follow-ups. Fasting glucose:
// patients mostly at target (controlledDM) read below 7.0 mmol/L 85 % of the time, the
// others 25 %; emergencyVisits per mille read ≥16.7 or ≤3.9.
func (c *County) dmCase(r *rand.Rand, res *healthrecord.Resident) (ChronicCase, bool) {
	pt, ok := c.register(r, res, chronic.Diabetes, 35)
	if !ok {
		return ChronicCase{}, false
	}
	cs := ChronicCase{Patient: pt, Closure: c.closure(r, res, pt, lostPatients)}
	from, to, ok := c.window(pt, cs.Closure.Date)
	if !ok {
		return cs, true
	}
	good := chance(r, controlledDM)
	height, weight := build(r, res.Sex)
	insulin := r.IntN(100) < 18
	glucose := func() float64 {
		switch {
		case chance(r, emergencyVisits):
			if r.IntN(4) == 0 {
				return tenths(r, 3.0, 3.8)
			}
			return tenths(r, 16.8, 22)
		case (good && r.IntN(100) < 85) || (!good && r.IntN(100) < 25):
			return tenths(r, 4.6, 6.9)
		default:
			return tenths(r, 7.0, 13.5)
		}
	}
	fus := withRechecks(r, c.quarterly(r, from, to), to, func(gongwei.Date) float64 { return glucose() },
		func(_ gongwei.Date, x float64) bool { return !chronic.GlucoseControlled(x) })
	for _, fu := range fus {
		d := fu.date
		f := &chronic.DiabetesFollowUp{
			Date: d, Mode: mode(r), FastingGlucose: fu.found, HeartRate: between(r, 60, 96),
			Temperature: tenths(r, 36.2, 37.2), Weight: weight + tenths(r, -1.5, 1.5), Height: height,
			StapleFood: between(r, 200, 400), Adherence: adherence(r), Insulin: insulin,
			DorsalisPedisAbsent: chance(r, 30), Hypoglycaemia: chance(r, 20),
		}
		if r.IntN(100) < 60 {
			f.Systolic, f.Diastolic = between(r, 112, 156), between(r, 66, 94)
		}
		if chance(r, 20) {
			f.AdverseReaction = true
		}
		f.Complication = chance(r, 15)
		cs.Visits = append(cs.Visits, &chronic.Visit{
			ID: chronic.VisitID(string(pt.ID) + "-" + digits8(d)), Patient: pt.ID, Resident: res.ID,
			Provider: clinic(pt.Village), Diabetes: f,
		})
	}
	return cs, true
}

// mentalDiagnoses weights the six diagnoses (per mille): mostly schizophrenia.
var mentalDiagnoses = []int{620, 40, 30, 160, 70, 80}

// mentalCase generates a severe-mental-disorder patient and the year's follow-ups:
// quarterly (fewer for some), a few not reached, most stable, some basically stable or
// unstable (rechecked about 2 weeks later).
func (c *County) mentalCase(r *rand.Rand, res *healthrecord.Resident) (ChronicCase, bool) {
	pt, ok := c.register(r, res, chronic.Mental, 18)
	if !ok {
		return ChronicCase{}, false
	}
	pt.Mental = &chronic.MentalInfo{Diagnosis: chronic.MentalDiagnosis(1 + pick(r.IntN(1000), mentalDiagnoses)), Consent: r.IntN(100) < 85}
	cs := ChronicCase{Patient: pt, Closure: c.closure(r, res, pt, 10)}
	from, to, ok := c.window(pt, cs.Closure.Date)
	if !ok {
		return cs, true
	}
	// 0 stable, 1 basically stable, 2 unstable, 3 not reached.
	draw := func(gongwei.Date) int {
		switch x := r.IntN(1000); {
		case x < 60:
			return 3
		case x < 140:
			return 2
		case x < 340:
			return 1
		default:
			return 0
		}
	}
	fus := withRechecks(r, c.quarterly(r, from, to), to, draw, func(_ gongwei.Date, s int) bool { return s == 1 || s == 2 })
	for _, fu := range fus {
		d := fu.date
		f := &chronic.MentalFollowUp{Date: d}
		switch fu.found {
		case 3:
			f.NotReached = true
		case 2:
			f.Mode, f.Risk, f.Symptoms, f.Insight = chronic.Home, chronic.RiskLevel(between(r, 3, 4)), chronic.LevelMarked, chronic.LevelMarked
			f.SocialFunction, f.AdverseReaction, f.Somatic = chronic.LevelMarked, chronic.LevelNone, chronic.LevelNone
		case 1:
			f.Mode, f.Risk, f.Symptoms, f.Insight = chronic.Home, chronic.RiskLevel(r.IntN(3)), chronic.LevelSome, chronic.LevelSome
			f.SocialFunction, f.AdverseReaction, f.Somatic = chronic.LevelSome, chronic.LevelNone, chronic.LevelNone
		default:
			f.Mode, f.Symptoms, f.Insight = chronic.Clinic, chronic.LevelNone, chronic.LevelNone
			f.SocialFunction, f.AdverseReaction, f.Somatic = chronic.Level(1+r.IntN(2)), chronic.LevelNone, chronic.LevelNone
			if r.IntN(3) == 0 {
				f.Mode = chronic.Home
			}
		}
		cs.Visits = append(cs.Visits, &chronic.Visit{
			ID: chronic.VisitID(string(pt.ID) + "-" + digits8(d)), Patient: pt.ID, Resident: res.ID,
			Provider: clinic(pt.Village), Mental: f,
		})
	}
	return cs, true
}

// tbCourse generates a TB patient notified in the six months before the year or during it,
// with the first home visit within the 72 hours (a few not reached, some never: closed as
// lost), then follow-ups every 10 days in the intensive phase under family supervision
// and monthly otherwise, up to the year's end or the end of treatment: 6 months,
// completed (with regular medication for most) or stopped early.
func (c *County) tbCourse(r *rand.Rand, res *healthrecord.Resident) (ChronicCase, bool) {
	y := c.period
	notified := dayIn(r, y.Start.AddMonths(-tbCourseMonths), y.Last())
	if notified.Before(res.BirthDate.AddYears(15)) || (res.Closure.Reason == healthrecord.ClosedDeath && !notified.AddDays(3).Before(res.Closure.Date)) {
		return ChronicCase{}, false
	}
	reg := notified.AddDays(r.IntN(2))
	pt := chronic.PatientFromResident(res, chronic.Tuberculosis, notified, reg)
	pt.ID = chronic.PatientID(string(res.ID) + "-" + string(chronic.Tuberculosis) + "-" + digits8(reg))
	course := &chronic.TBCourse{Notified: notified, MDR: chance(r, 30), Supervision: chronic.ByStaff,
		ContinuationFrom: notified.AddMonths(2), DosesRequired: tbDoses}
	if r.IntN(100) < 60 {
		course.Supervision = chronic.ByFamily
	}
	pt.TB = course
	cs := ChronicCase{Patient: pt}
	lost, stopped, regular := chance(r, tbLost), chance(r, tbStopped), chance(r, tbRegular)
	end := notified.AddMonths(tbCourseMonths)
	switch {
	case lost:
		cs.Closure = chronic.Closure{Reason: chronic.ClosedLost, Date: reg.AddDays(between(r, 10, 30))}
	case stopped:
		cs.Closure = chronic.Closure{Reason: chronic.TreatmentStopped, Date: reg.AddDays(between(r, 20, 150))}
	default:
		cs.Closure = chronic.Closure{Reason: chronic.TreatmentCompleted, Date: end}
	}
	if res.Closure.Reason == healthrecord.ClosedDeath && res.Closure.Date.Before(cs.Closure.Date) {
		cs.Closure = chronic.Closure{Reason: chronic.ClosedDeath, Date: res.Closure.Date}
	}
	last := earlierOf(y.Last(), cs.Closure.Date.AddDays(-1))
	if cs.Closure.Date.After(y.Last()) {
		cs.Closure = chronic.Closure{} // still under treatment at the year's end
		last = y.Last()
	}
	if cs.Closure.Reason == chronic.TreatmentCompleted || cs.Closure.Reason == chronic.TreatmentStopped {
		course.DosesTaken = between(r, 120, 161)
		if regular {
			course.DosesTaken = between(r, 162, tbDoses)
		}
		if cs.Closure.Reason == chronic.TreatmentStopped {
			course.DosesTaken = course.DosesTaken * reg.DaysUntil(cs.Closure.Date) / (tbDoses + 2)
		}
	}
	visit := func(d gongwei.Date, first bool) *chronic.TBVisit {
		v := &chronic.TBVisit{Date: d, Mode: chronic.Home, First: first, Phase: course.PhaseOn(d), Adherence: chronic.Regular}
		switch x := r.IntN(100); {
		case lost:
			v.NotReached, v.Mode, v.Phase = true, 0, chronic.PhaseUnknown
		case x < 8:
			v.Adherence, v.MissedDays = chronic.Intermittent, between(r, 1, 10)
		case x < 10:
			v.Adherence, v.MissedDays = chronic.NotTaking, between(r, 7, 14)
		}
		if !first && !lost && r.IntN(3) == 0 {
			v.Mode = chronic.Clinic
		}
		v.AdverseReaction = !lost && chance(r, 25)
		return v
	}
	var visits []*chronic.TBVisit
	first := reg.AddDays(r.IntN(2))
	if first.After(last) {
		first = reg
	}
	if !first.After(last) {
		v := visit(first, true)
		if !lost && chance(r, 60) {
			v.NotReached, v.Mode, v.Phase, v.Adherence, v.MissedDays, v.AdverseReaction = true, 0, chronic.PhaseUnknown, chronic.Regular, 0, false
			visits = append(visits, v)
			if d := first.AddDays(1); !d.After(last) {
				visits = append(visits, visit(d, true))
			}
		} else {
			visits = append(visits, v)
		}
		for d := first; ; {
			d = chronic.TBFollowUpInterval(course.Supervision, course.PhaseOn(d)).After(d).AddDays(-r.IntN(3))
			if d.After(last) || lost {
				break
			}
			visits = append(visits, visit(d, false))
		}
	}
	for _, v := range visits {
		cs.Visits = append(cs.Visits, &chronic.Visit{
			ID: chronic.VisitID(string(pt.ID) + "-" + digits8(v.Date)), Patient: pt.ID, Resident: res.ID,
			Provider: clinic(pt.Village), TB: v,
		})
	}
	return cs, true
}
