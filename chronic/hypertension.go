package chronic

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// HypertensionFollowUp is one hypertension follow-up (高血压患者随访服务记录表, nbphs-spec
// §7.2): how it was made, the emergency check, blood pressure, weight and heart rate,
// lifestyle, medication and its findings. Zero numbers mean "not recorded".
type HypertensionFollowUp struct {
	// Date is the date of the follow-up.
	Date gongwei.Date
	// Mode is clinic, home or phone.
	Mode VisitMode
	// Signs are the urgent-referral symptoms found (nbphs-spec §7.2).
	Signs []Sign
	// Systolic and Diastolic are the blood pressure, mmHg.
	Systolic, Diastolic int
	// HeartRate is the heart rate, beats per minute.
	HeartRate int
	// Weight (kg) and Height (cm) give the BMI (nbphs-spec §7.2 item 3).
	Weight, Height float64
	// Cigarettes a day and Drinking (baijiu, liang a day), lifestyle (§7.2 item 4).
	Cigarettes int
	Drinking   float64
	// ExercisePerWeek (times) and ExerciseMinutes (per time).
	ExercisePerWeek, ExerciseMinutes int
	// Adherence is medication adherence (§7.2 item 5).
	Adherence Adherence
	// AdverseReaction reports a drug adverse reaction; AdverseReactionUncontrolled that
	// it is hard to control (不良反应难以控制, §7.3: refer).
	AdverseReaction, AdverseReactionUncontrolled bool
	// Complication reports a new or worsened complication (§7.3: refer).
	Complication bool
	// PregnantOrLactating: pregnant or lactating (with BP above normal: urgent referral,
	// §7.2).
	PregnantOrLactating bool
	// OtherEmergency: any other condition the institution cannot handle (§7.2).
	OtherEmergency bool
}

// Validate reports every problem of f at once as a *gongwei.ValidationError: a missing
// date or blood pressure, an unknown mode, sign or adherence code, or a number outside
// its plausible range (healthrecord.CheckupRange).
//
// The date may be neither before 1880 nor after the day of recording
// (gongwei.CheckEventDate with gongwei.Today).
func (f *HypertensionFollowUp) Validate() error { return f.validateOn(gongwei.Today()) }

func (f *HypertensionFollowUp) validateOn(today gongwei.Date) error {
	ve := followUpValidation("chronic.HypertensionFollowUp", f.Date, today)
	checkMode(&ve, f.Mode)
	checkSigns(&ve, f.Signs, hypertensionSigns)
	checkBP(&ve, f.Systolic, f.Diastolic, true)
	checkOptional(&ve, "HeartRate", "pulse", float64(f.HeartRate))
	checkOptional(&ve, "Weight", "weight", f.Weight)
	checkOptional(&ve, "Height", "height", f.Height)
	checkOptional(&ve, "Cigarettes", "cigarettes", float64(f.Cigarettes))
	checkOptional(&ve, "Drinking", "liang", f.Drinking)
	ve.Check(f.ExercisePerWeek >= 0 && f.ExercisePerWeek <= 50, "ExercisePerWeek", gongwei.CodeOutOfRange, 0, 50)
	checkOptional(&ve, "ExerciseMinutes", "exercise_minutes", float64(f.ExerciseMinutes))
	ve.Check(f.Adherence.IsValid(), "Adherence", gongwei.CodeUnknownCode)
	ve.Check(!f.AdverseReactionUncontrolled || f.AdverseReaction, "AdverseReactionUncontrolled", gongwei.CodeNotAllowed)
	return ve.Err()
}

// followUpValidation starts the validation of a follow-up of the record type record
// dated d: the date is required and checked by gongwei.CheckEventDate (not before
// gongwei.EarliestBirth, not after today and its recording tolerance).
func followUpValidation(record string, d, today gongwei.Date) gongwei.ValidationError {
	ve := gongwei.ValidationError{Record: record}
	ve.Check(!d.IsZero(), "Date", gongwei.CodeRequired)
	gongwei.CheckEventDate(&ve, "Date", d, gongwei.Date{}, gongwei.Date{}, today)
	return ve
}

func checkMode(ve *gongwei.ValidationError, m VisitMode) {
	switch {
	case m == 0:
		ve.Add("Mode", gongwei.CodeRequired)
	case !m.IsValid():
		ve.Add("Mode", gongwei.CodeUnknownCode)
	}
}

// checkBP checks a blood pressure by the rule of the checkup form
// (healthrecord.CheckBloodPressure): both or neither, in range, systolic above diastolic.
func checkBP(ve *gongwei.ValidationError, sbp, dbp int, required bool) {
	healthrecord.CheckBloodPressure(ve, "", sbp, dbp, required)
}

// checkOptional checks a number against its plausible range unless it is zero (not
// recorded).
func checkOptional(ve *gongwei.ValidationError, field, quantity string, x float64) {
	if x == 0 {
		return
	}
	r, ok := healthrecord.CheckupRange(quantity)
	if !ok {
		return
	}
	ve.CheckRange(field, x, r.Min, r.Max)
}

// HypertensionTarget returns the blood-pressure target of a patient aged age in
// completed years: <140/90 mmHg, and <150/90 from 65 (nbphs-spec §7.3; the ≥65 target is
// UNCONFIRMED in reference and implemented as given). A negative age (birth unknown)
// gets the general target.
func HypertensionTarget(age int) BPTarget {
	t := htRules.Targets[0]
	for _, x := range htRules.Targets {
		if age >= x.MinAge {
			t = x
		}
	}
	return t
}

// BPControlled reports whether a reading is at the target of a patient born on birth,
// on date on: both SBP and DBP below the target of the age (nbphs-spec §7.3, §7.5 "both
// must be met"). An unrecorded reading (zero) is not controlled.
func BPControlled(birth, on gongwei.Date, sbp, dbp int) bool {
	if sbp <= 0 || dbp <= 0 {
		return false
	}
	age := -1
	if !birth.IsZero() {
		age = birth.AgeYears(on)
	}
	t := HypertensionTarget(age)
	return sbp < t.SBP && dbp < t.DBP
}

// BPEmergency reports whether a reading requires urgent referral: SBP ≥180 and/or
// DBP ≥110 mmHg (nbphs-spec §7.2, §8.1).
func BPEmergency(sbp, dbp int) bool {
	return sbp >= htRules.EmergencySBP || dbp >= htRules.EmergencyDBP
}

// BPAboveNormal reports SBP ≥140 and/or DBP ≥90 mmHg (nbphs-spec §7.1 item 2).
func BPAboveNormal(sbp, dbp int) bool {
	return sbp >= htRules.AboveNormalSBP || dbp >= htRules.AboveNormalDBP
}

// ClassifyHypertension classifies the follow-up f of hypertension patient p, given the
// patient's earlier follow-ups (in any order; those dated on or after f.Date are
// ignored), by nbphs-spec §7.2–§7.3:
//
//  1. Emergency first: SBP ≥180 and/or DBP ≥110 mmHg, a symptom of the urgent-referral
//     list, pregnant or lactating with BP above normal (≥140 and/or ≥90), or another
//     condition the institution cannot handle → Emergency, urgent referral, the referral
//     followed up within 2 weeks.
//  2. Otherwise the class is Complication (new or worsened), else AdverseReaction, else
//     Unsatisfied (BP not below the target of the patient's age on f.Date, see
//     BPControlled), else Satisfied.
//  3. Referral: a new or worsened complication, an adverse reaction hard to control, or
//     BP not at target at f and at the immediately previous follow-up ("two in a row").
//  4. NextDue: 2 weeks after f when referred, unsatisfied or with an adverse reaction
//     (the recheck or the active referral follow-up); otherwise the next routine
//     follow-up 3 months after f (quarterly, so that at least 4 a year are met).
func ClassifyHypertension(p Patient, f HypertensionFollowUp, previous []HypertensionFollowUp) Assessment {
	var a Assessment
	if BPEmergency(f.Systolic, f.Diastolic) {
		a.add(FindingBPEmergency)
	}
	if slices.ContainsFunc(f.Signs, func(s Sign) bool { return slices.Contains(hypertensionSigns, s) }) {
		a.add(FindingEmergencySign)
	}
	if f.PregnantOrLactating && BPAboveNormal(f.Systolic, f.Diastolic) {
		a.add(FindingPregnancy)
	}
	if f.OtherEmergency {
		a.add(FindingOtherEmergency)
	}
	return classifyFollowUp(a, followUp{
		date:         f.Date,
		complication: f.Complication,
		adverse:      f.AdverseReaction,
		persists:     f.AdverseReactionUncontrolled,
		controlled:   BPControlled(p.Birth, f.Date, f.Systolic, f.Diastolic),
		prevUncontrolled: func() bool {
			i := latestBefore(len(previous), func(i int) gongwei.Date { return previous[i].Date }, f.Date)
			return i >= 0 && !BPControlled(p.Birth, previous[i].Date, previous[i].Systolic, previous[i].Diastolic)
		},
		routine: htRules.Routine, recheck: htRules.Recheck, referral: htRules.ReferralFollowUp,
	})
}
