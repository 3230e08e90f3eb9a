package chronic

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// DiabetesFollowUp is one type 2 diabetes follow-up (2型糖尿病患者随访服务记录表,
// nbphs-spec §8.1): the emergency check (glucose, BP, heart rate, temperature, symptoms),
// fasting glucose, weight, dorsalis pedis pulse, lifestyle and medication. Zero numbers
// mean "not recorded".
type DiabetesFollowUp struct {
	// Date is the date of the follow-up.
	Date gongwei.Date
	// Mode is clinic, home or phone.
	Mode VisitMode
	// Signs are the urgent-referral symptoms found (nbphs-spec §8.1).
	Signs []Sign
	// FastingGlucose is the fasting blood glucose, mmol/L.
	FastingGlucose float64
	// Systolic and Diastolic are the blood pressure, mmHg.
	Systolic, Diastolic int
	// HeartRate is the heart rate, beats per minute.
	HeartRate int
	// Temperature is the body temperature, °C.
	Temperature float64
	// Weight (kg) and Height (cm) give the BMI.
	Weight, Height float64
	// DorsalisPedisAbsent reports a weakened or absent dorsalis pedis pulse (§8.1).
	DorsalisPedisAbsent bool
	// StapleFood is the staple-food intake, grams a day (主食, §8.1).
	StapleFood int
	// Cigarettes a day and Drinking (baijiu, liang a day).
	Cigarettes int
	Drinking   float64
	// Adherence is medication adherence.
	Adherence Adherence
	// Insulin reports insulin treatment.
	Insulin bool
	// Hypoglycaemia reports hypoglycaemia reactions since the last visit (§8.1).
	Hypoglycaemia bool
	// AdverseReaction reports a drug adverse reaction; AdverseReactionUncontrolled that
	// the doctor judges it not improved (§8.2: refer).
	AdverseReaction, AdverseReactionUncontrolled bool
	// Complication reports a new or worsened complication (§8.2: refer).
	Complication bool
	// OtherEmergency: another sudden abnormality or a condition the institution cannot
	// handle (§8.1).
	OtherEmergency bool
}

// Validate reports every problem of f at once as a *gongwei.ValidationError. Fasting
// glucose is required (the classification rests on it, nbphs-spec §8.2); blood pressure
// is optional. Every number must be finite and within its plausible range (NaN and the
// infinities are refused); the date may be neither before 1880 nor after the day of
// recording (gongwei.CheckEventDate with gongwei.Today).
func (f *DiabetesFollowUp) Validate() error { return f.validateOn(gongwei.Today()) }

func (f *DiabetesFollowUp) validateOn(today gongwei.Date) error {
	ve := followUpValidation("chronic.DiabetesFollowUp", f.Date, today)
	checkMode(&ve, f.Mode)
	checkSigns(&ve, f.Signs, diabetesSigns)
	if f.FastingGlucose == 0 {
		ve.Add("FastingGlucose", gongwei.CodeRequired)
	} else {
		r, _ := healthrecord.CheckupRange("glucose")
		ve.CheckRange("FastingGlucose", f.FastingGlucose, r.Min, r.Max)
	}
	checkBP(&ve, f.Systolic, f.Diastolic, false)
	checkOptional(&ve, "HeartRate", "pulse", float64(f.HeartRate))
	checkOptional(&ve, "Temperature", "temperature", f.Temperature)
	checkOptional(&ve, "Weight", "weight", f.Weight)
	checkOptional(&ve, "Height", "height", f.Height)
	ve.Check(f.StapleFood >= 0 && f.StapleFood <= 5000, "StapleFood", gongwei.CodeOutOfRange, 0, 5000)
	checkOptional(&ve, "Cigarettes", "cigarettes", float64(f.Cigarettes))
	checkOptional(&ve, "Drinking", "liang", f.Drinking)
	ve.Check(f.Adherence.IsValid(), "Adherence", gongwei.CodeUnknownCode)
	ve.Check(!f.AdverseReactionUncontrolled || f.AdverseReaction, "AdverseReactionUncontrolled", gongwei.CodeNotAllowed)
	return ve.Err()
}

// GlucoseControlled reports fasting glucose at target: <7.0 mmol/L (nbphs-spec §8.2,
// §8.3). An unrecorded value (zero or less) is not controlled.
func GlucoseControlled(fbg float64) bool { return fbg > 0 && fbg < dmRules.TargetFBG }

// GlucoseEmergency reports glucose requiring urgent referral: ≥16.7 or ≤3.9 mmol/L
// (nbphs-spec §8.1). An unrecorded value (zero or less) is not an emergency.
func GlucoseEmergency(bg float64) (high, low bool) {
	if bg <= 0 {
		return false, false
	}
	return bg >= dmRules.EmergencyHighGlucose, bg <= dmRules.EmergencyLowGlucose
}

// ClassifyDiabetes classifies the follow-up f of diabetes patient p, given the patient's
// earlier follow-ups (in any order; those dated on or after f.Date are ignored), by
// nbphs-spec §8.1–§8.2:
//
//  1. Emergency first: glucose ≥16.7 or ≤3.9 mmol/L; SBP ≥180 and/or DBP ≥110 mmHg;
//     heart rate >100 /min; temperature >39 °C; a symptom of the list; another condition
//     the institution cannot handle → Emergency, urgent referral, the referral followed up
//     within 2 weeks.
//  2. Otherwise the class is Complication (new or worsened), else AdverseReaction, else
//     Unsatisfied (fasting glucose ≥7.0 mmol/L), else Satisfied (<7.0).
//  3. Referral: a new or worsened complication; an adverse reaction at f and at the
//     immediately previous follow-up ("not improved after two visits"), or judged not
//     improved; glucose not at target at f and at the previous follow-up ("twice in a
//     row").
//  4. NextDue: 2 weeks after f when referred, unsatisfied or with an adverse reaction;
//     otherwise the next routine follow-up 3 months after f (4 a year).
func ClassifyDiabetes(p Patient, f DiabetesFollowUp, previous []DiabetesFollowUp) Assessment {
	var a Assessment
	high, low := GlucoseEmergency(f.FastingGlucose)
	if high {
		a.add(FindingGlucoseHigh)
	}
	if low {
		a.add(FindingGlucoseLow)
	}
	if BPEmergency(f.Systolic, f.Diastolic) {
		a.add(FindingBPEmergency)
	}
	if f.HeartRate > dmRules.EmergencyHeartRate {
		a.add(FindingTachycardia)
	}
	if f.Temperature > dmRules.EmergencyTemperature {
		a.add(FindingFever)
	}
	if slices.ContainsFunc(f.Signs, func(s Sign) bool { return slices.Contains(diabetesSigns, s) }) {
		a.add(FindingEmergencySign)
	}
	if f.OtherEmergency {
		a.add(FindingOtherEmergency)
	}
	if len(a.Findings) > 0 {
		return classifyFollowUp(a, followUp{date: f.Date, referral: dmRules.ReferralFollowUp})
	}
	var prev *DiabetesFollowUp
	if i := latestBefore(len(previous), func(i int) gongwei.Date { return previous[i].Date }, f.Date); i >= 0 {
		prev = &previous[i]
	}
	return classifyFollowUp(a, followUp{
		date:             f.Date,
		complication:     f.Complication,
		adverse:          f.AdverseReaction,
		persists:         f.AdverseReactionUncontrolled || (prev != nil && prev.AdverseReaction),
		controlled:       GlucoseControlled(f.FastingGlucose),
		prevUncontrolled: func() bool { return prev != nil && !GlucoseControlled(prev.FastingGlucose) },
		routine:          dmRules.Routine, recheck: dmRules.Recheck, referral: dmRules.ReferralFollowUp,
	})
}
