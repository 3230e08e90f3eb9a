package chronic_test

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/stretchr/testify/assert"
)

var (
	fuDate = gongwei.MustDate(2024, 5, 10)
	// adult is 54 on fuDate; elderly is 68; turns65 has their 65th birthday on fuDate.
	adult   = chronic.Patient{Condition: chronic.Hypertension, Birth: gongwei.MustDate(1970, 1, 1)}
	elderly = chronic.Patient{Condition: chronic.Hypertension, Birth: gongwei.MustDate(1955, 6, 1)}
	turns65 = chronic.Patient{Condition: chronic.Hypertension, Birth: gongwei.MustDate(1959, 5, 10)}
)

// TestClassifyHypertension checks every threshold of nbphs-spec §7.2–§7.3 at and on both
// sides: emergency SBP ≥180 / DBP ≥110, target <140/90 (≥65: <150/90), the pregnancy
// condition (BP above normal = ≥140 and/or ≥90, §7.1), and the next-visit dates (2 weeks;
// routine quarterly).
func TestClassifyHypertension(t *testing.T) {
	in2w := fuDate.AddDays(14)
	in3m := gongwei.MustDate(2024, 8, 10)
	cases := []struct {
		name     string
		p        chronic.Patient
		f        chronic.HypertensionFollowUp
		class    chronic.Class
		referral bool
		due      gongwei.Date
	}{
		{"139/89 at target", adult, chronic.HypertensionFollowUp{Systolic: 139, Diastolic: 89}, chronic.Satisfied, false, in3m},
		{"140/89 SBP at limit", adult, chronic.HypertensionFollowUp{Systolic: 140, Diastolic: 89}, chronic.Unsatisfied, false, in2w},
		{"139/90 DBP at limit", adult, chronic.HypertensionFollowUp{Systolic: 139, Diastolic: 90}, chronic.Unsatisfied, false, in2w},
		{"65+: 149/89 at target", elderly, chronic.HypertensionFollowUp{Systolic: 149, Diastolic: 89}, chronic.Satisfied, false, in3m},
		{"65+: 150/89", elderly, chronic.HypertensionFollowUp{Systolic: 150, Diastolic: 89}, chronic.Unsatisfied, false, in2w},
		{"65+: 149/90", elderly, chronic.HypertensionFollowUp{Systolic: 149, Diastolic: 90}, chronic.Unsatisfied, false, in2w},
		{"65th birthday: 145/80 at the ≥65 target", turns65, chronic.HypertensionFollowUp{Systolic: 145, Diastolic: 80}, chronic.Satisfied, false, in3m},
		{"179/109 below emergency", adult, chronic.HypertensionFollowUp{Systolic: 179, Diastolic: 109}, chronic.Unsatisfied, false, in2w},
		{"180/100 SBP emergency", adult, chronic.HypertensionFollowUp{Systolic: 180, Diastolic: 100}, chronic.Emergency, true, in2w},
		{"150/110 DBP emergency", adult, chronic.HypertensionFollowUp{Systolic: 150, Diastolic: 110}, chronic.Emergency, true, in2w},
		{"headache", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 80, Signs: []chronic.Sign{chronic.SignHeadache}}, chronic.Emergency, true, in2w},
		{"pregnant 139/89 normal", adult, chronic.HypertensionFollowUp{Systolic: 139, Diastolic: 89, PregnantOrLactating: true}, chronic.Satisfied, false, in3m},
		{"pregnant 140/80 above normal", adult, chronic.HypertensionFollowUp{Systolic: 140, Diastolic: 80, PregnantOrLactating: true}, chronic.Emergency, true, in2w},
		{"pregnant 130/90 above normal", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 90, PregnantOrLactating: true}, chronic.Emergency, true, in2w},
		{"other emergency", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 80, OtherEmergency: true}, chronic.Emergency, true, in2w},
		{"adverse reaction", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 80, AdverseReaction: true}, chronic.AdverseReaction, false, in2w},
		{"adverse reaction hard to control", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 80, AdverseReaction: true, AdverseReactionUncontrolled: true}, chronic.AdverseReaction, true, in2w},
		{"complication", adult, chronic.HypertensionFollowUp{Systolic: 130, Diastolic: 80, Complication: true}, chronic.Complication, true, in2w},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.f.Date = fuDate
			a := chronic.ClassifyHypertension(c.p, c.f, nil)
			assert.Equal(t, c.class, a.Class)
			assert.Equal(t, c.referral, a.Referral)
			assert.Equal(t, c.class == chronic.Emergency, a.Urgent)
			assert.Equal(t, c.due, a.NextDue)
		})
	}
}

// TestHypertensionTwoInARow: unsatisfactory at this and the immediately previous
// follow-up → referral, active follow-up within 2 weeks (nbphs-spec §7.3).
func TestHypertensionTwoInARow(t *testing.T) {
	cur := chronic.HypertensionFollowUp{Date: fuDate, Systolic: 145, Diastolic: 85}
	unsat := chronic.HypertensionFollowUp{Date: fuDate.AddDays(-14), Systolic: 150, Diastolic: 85}
	sat := chronic.HypertensionFollowUp{Date: fuDate.AddDays(-90), Systolic: 130, Diastolic: 80}
	later := chronic.HypertensionFollowUp{Date: fuDate.AddDays(1), Systolic: 150, Diastolic: 95}

	a := chronic.ClassifyHypertension(adult, cur, []chronic.HypertensionFollowUp{sat, unsat})
	assert.Equal(t, chronic.Unsatisfied, a.Class)
	assert.True(t, a.Referral)
	assert.True(t, a.Has(chronic.FindingTwoUnsatisfied))
	assert.Equal(t, fuDate.AddDays(14), a.NextDue)

	// The previous one was at target: first unsatisfactory, no referral.
	a = chronic.ClassifyHypertension(adult, cur, []chronic.HypertensionFollowUp{unsat, {Date: fuDate.AddDays(-7), Systolic: 139, Diastolic: 89}})
	assert.False(t, a.Referral)
	// Follow-ups dated on or after the current one are not "previous".
	a = chronic.ClassifyHypertension(adult, cur, []chronic.HypertensionFollowUp{later, sat})
	assert.False(t, a.Referral)
	// For a 65+ patient, 145/85 earlier was at target (<150/90).
	a = chronic.ClassifyHypertension(elderly, chronic.HypertensionFollowUp{Date: fuDate, Systolic: 150, Diastolic: 85},
		[]chronic.HypertensionFollowUp{{Date: fuDate.AddDays(-14), Systolic: 145, Diastolic: 85}})
	assert.False(t, a.Referral)
}

// TestClassifyDiabetes checks nbphs-spec §8.1–§8.2 at and on both sides of every
// threshold: glucose ≥16.7 and ≤3.9 mmol/L, SBP ≥180 / DBP ≥110, heart rate >100,
// temperature >39 °C, target FBG <7.0.
func TestClassifyDiabetes(t *testing.T) {
	p := chronic.Patient{Condition: chronic.Diabetes, Birth: gongwei.MustDate(1960, 3, 1)}
	in2w := fuDate.AddDays(14)
	in3m := gongwei.MustDate(2024, 8, 10)
	cases := []struct {
		name     string
		f        chronic.DiabetesFollowUp
		class    chronic.Class
		referral bool
		due      gongwei.Date
	}{
		{"6.9 at target", chronic.DiabetesFollowUp{FastingGlucose: 6.9}, chronic.Satisfied, false, in3m},
		{"7.0 not at target", chronic.DiabetesFollowUp{FastingGlucose: 7.0}, chronic.Unsatisfied, false, in2w},
		{"16.6 not an emergency", chronic.DiabetesFollowUp{FastingGlucose: 16.6}, chronic.Unsatisfied, false, in2w},
		{"16.7 emergency", chronic.DiabetesFollowUp{FastingGlucose: 16.7}, chronic.Emergency, true, in2w},
		{"4.0 not an emergency", chronic.DiabetesFollowUp{FastingGlucose: 4.0}, chronic.Satisfied, false, in3m},
		{"3.9 emergency", chronic.DiabetesFollowUp{FastingGlucose: 3.9}, chronic.Emergency, true, in2w},
		{"BP 179/109", chronic.DiabetesFollowUp{FastingGlucose: 6, Systolic: 179, Diastolic: 109}, chronic.Satisfied, false, in3m},
		{"BP 180/90", chronic.DiabetesFollowUp{FastingGlucose: 6, Systolic: 180, Diastolic: 90}, chronic.Emergency, true, in2w},
		{"BP 150/110", chronic.DiabetesFollowUp{FastingGlucose: 6, Systolic: 150, Diastolic: 110}, chronic.Emergency, true, in2w},
		{"heart rate 100", chronic.DiabetesFollowUp{FastingGlucose: 6, HeartRate: 100}, chronic.Satisfied, false, in3m},
		{"heart rate 101", chronic.DiabetesFollowUp{FastingGlucose: 6, HeartRate: 101}, chronic.Emergency, true, in2w},
		{"temperature 39.0", chronic.DiabetesFollowUp{FastingGlucose: 6, Temperature: 39.0}, chronic.Satisfied, false, in3m},
		{"temperature 39.1", chronic.DiabetesFollowUp{FastingGlucose: 6, Temperature: 39.1}, chronic.Emergency, true, in2w},
		{"Kussmaul breathing", chronic.DiabetesFollowUp{FastingGlucose: 6, Signs: []chronic.Sign{chronic.SignKussmaul}}, chronic.Emergency, true, in2w},
		{"hypertension-only sign ignored", chronic.DiabetesFollowUp{FastingGlucose: 6, Signs: []chronic.Sign{chronic.SignEyePain}}, chronic.Satisfied, false, in3m},
		{"adverse reaction", chronic.DiabetesFollowUp{FastingGlucose: 6, AdverseReaction: true}, chronic.AdverseReaction, false, in2w},
		{"complication", chronic.DiabetesFollowUp{FastingGlucose: 6, Complication: true}, chronic.Complication, true, in2w},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.f.Date = fuDate
			a := chronic.ClassifyDiabetes(p, c.f, nil)
			assert.Equal(t, c.class, a.Class)
			assert.Equal(t, c.referral, a.Referral)
			assert.Equal(t, c.due, a.NextDue)
		})
	}
}

// TestDiabetesTwoInARow: FBG ≥7.0 twice in a row, or an adverse reaction at two visits in
// a row → referral (nbphs-spec §8.2).
func TestDiabetesTwoInARow(t *testing.T) {
	p := chronic.Patient{Condition: chronic.Diabetes, Birth: gongwei.MustDate(1960, 3, 1)}
	prev := []chronic.DiabetesFollowUp{{Date: fuDate.AddDays(-14), FastingGlucose: 7.0}}
	a := chronic.ClassifyDiabetes(p, chronic.DiabetesFollowUp{Date: fuDate, FastingGlucose: 7.2}, prev)
	assert.True(t, a.Referral)
	assert.True(t, a.Has(chronic.FindingTwoUnsatisfied))
	prev[0].FastingGlucose = 6.9
	a = chronic.ClassifyDiabetes(p, chronic.DiabetesFollowUp{Date: fuDate, FastingGlucose: 7.2}, prev)
	assert.False(t, a.Referral)

	prev[0].AdverseReaction = true
	a = chronic.ClassifyDiabetes(p, chronic.DiabetesFollowUp{Date: fuDate, FastingGlucose: 6, AdverseReaction: true}, prev)
	assert.Equal(t, chronic.AdverseReaction, a.Class)
	assert.True(t, a.Referral)
	assert.True(t, a.Has(chronic.FindingReactionPersists))
}

// TestClassifyMental checks nbphs-spec §9.2: risk 3–5 or a marked item → unstable (2
// weeks, refer); risk 1–2 or a partial item → basically stable (2 weeks; 1 month when
// still not stable); all clear → stable (3 months).
func TestClassifyMental(t *testing.T) {
	p := chronic.Patient{Condition: chronic.Mental}
	clear := chronic.MentalFollowUp{Date: fuDate, Mode: chronic.Home, Symptoms: chronic.LevelNone, Insight: chronic.LevelNone,
		SocialFunction: chronic.LevelSome, AdverseReaction: chronic.LevelSome, Somatic: chronic.LevelNone}
	with := func(change func(*chronic.MentalFollowUp)) chronic.MentalFollowUp { f := clear; change(&f); return f }
	cases := []struct {
		name     string
		f        chronic.MentalFollowUp
		class    chronic.Class
		referral bool
		due      gongwei.Date
	}{
		{"risk 0, all clear", clear, chronic.Stable, false, gongwei.MustDate(2024, 8, 10)},
		{"risk 1", with(func(f *chronic.MentalFollowUp) { f.Risk = 1 }), chronic.BasicallyStable, false, fuDate.AddDays(14)},
		{"risk 2", with(func(f *chronic.MentalFollowUp) { f.Risk = 2 }), chronic.BasicallyStable, false, fuDate.AddDays(14)},
		{"risk 3", with(func(f *chronic.MentalFollowUp) { f.Risk = 3 }), chronic.Unstable, true, fuDate.AddDays(14)},
		{"risk 5", with(func(f *chronic.MentalFollowUp) { f.Risk = 5 }), chronic.Unstable, true, fuDate.AddDays(14)},
		{"symptoms present", with(func(f *chronic.MentalFollowUp) { f.Symptoms = chronic.LevelSome }), chronic.BasicallyStable, false, fuDate.AddDays(14)},
		{"marked symptoms", with(func(f *chronic.MentalFollowUp) { f.Symptoms = chronic.LevelMarked }), chronic.Unstable, true, fuDate.AddDays(14)},
		{"no insight", with(func(f *chronic.MentalFollowUp) { f.Insight = chronic.LevelMarked }), chronic.Unstable, true, fuDate.AddDays(14)},
		{"poor social function", with(func(f *chronic.MentalFollowUp) { f.SocialFunction = chronic.LevelMarked }), chronic.BasicallyStable, false, fuDate.AddDays(14)},
		{"serious adverse reaction", with(func(f *chronic.MentalFollowUp) { f.AdverseReaction = chronic.LevelMarked }), chronic.Unstable, true, fuDate.AddDays(14)},
		{"serious somatic disease", with(func(f *chronic.MentalFollowUp) { f.Somatic = chronic.LevelMarked }), chronic.Unstable, true, fuDate.AddDays(14)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := chronic.ClassifyMental(p, c.f, nil)
			assert.Equal(t, c.class, a.Class)
			assert.Equal(t, c.referral, a.Referral)
			assert.Equal(t, c.due, a.NextDue)
		})
	}
	// Basically stable at the 2-week check too: 1 month.
	prev := with(func(f *chronic.MentalFollowUp) { f.Risk = 1; f.Date = fuDate.AddDays(-14) })
	a := chronic.ClassifyMental(p, with(func(f *chronic.MentalFollowUp) { f.Risk = 2 }), []chronic.MentalFollowUp{prev})
	assert.Equal(t, gongwei.MustDate(2024, 6, 10), a.NextDue)
	assert.True(t, a.Has(chronic.FindingStillNotStable))
	// Not reached.
	a = chronic.ClassifyMental(p, chronic.MentalFollowUp{Date: fuDate, NotReached: true}, nil)
	assert.Equal(t, chronic.NotReached, a.Class)
	assert.True(t, a.NextDue.IsZero())
}

// TestTB checks nbphs-spec §10.1–§10.2: the 72-hour first visit, follow-up intervals by
// supervision and phase, missed doses ≥1 week reported, 规则服药 ≥90%.
func TestTB(t *testing.T) {
	notified := gongwei.MustDate(2024, 3, 1)
	assert.Equal(t, gongwei.MustDate(2024, 3, 4), chronic.FirstVisitDue(notified))
	sh := time.FixedZone("CST", 8*3600)
	assert.Equal(t, time.Date(2024, 3, 4, 9, 30, 0, 0, sh), chronic.FirstVisitDeadline(time.Date(2024, 3, 1, 9, 30, 0, 0, sh)))

	assert.True(t, chronic.RegularMedication(90, 100))
	assert.False(t, chronic.RegularMedication(89, 100))
	assert.True(t, chronic.RegularMedication(162, 180)) // exactly 90%
	assert.False(t, chronic.RegularMedication(161, 180))
	assert.False(t, chronic.RegularMedication(0, 0))

	course := &chronic.TBCourse{Notified: notified, Supervision: chronic.ByFamily, ContinuationFrom: gongwei.MustDate(2024, 5, 1)}
	p := chronic.Patient{Condition: chronic.Tuberculosis, TB: course}
	v := chronic.TBVisit{Date: gongwei.MustDate(2024, 4, 1), Mode: chronic.Home, Adherence: chronic.Regular}
	a := chronic.ClassifyTBVisit(p, v, nil)
	assert.Equal(t, chronic.Adherent, a.Class)
	assert.Equal(t, gongwei.MustDate(2024, 4, 11), a.NextDue, "family supervision, intensive phase: every 10 days")
	v.Date = gongwei.MustDate(2024, 5, 1)
	assert.Equal(t, gongwei.MustDate(2024, 6, 1), chronic.ClassifyTBVisit(p, v, nil).NextDue, "continuation: monthly")
	course.Supervision = chronic.ByStaff
	v.Date = gongwei.MustDate(2024, 4, 1)
	assert.Equal(t, gongwei.MustDate(2024, 5, 1), chronic.ClassifyTBVisit(p, v, nil).NextDue, "staff: at least monthly")

	v.Adherence, v.MissedDays = chronic.Intermittent, 6
	a = chronic.ClassifyTBVisit(p, v, nil)
	assert.Equal(t, chronic.NotAdherent, a.Class)
	assert.False(t, a.Report)
	v.MissedDays = 7
	assert.True(t, chronic.ClassifyTBVisit(p, v, nil).Report)

	v = chronic.TBVisit{Date: v.Date, Mode: chronic.Clinic, Adherence: chronic.Regular, AdverseReaction: true}
	a = chronic.ClassifyTBVisit(p, v, nil)
	assert.True(t, a.Referral)
	assert.Equal(t, v.Date.AddDays(14), a.NextDue)

	// Two failed first visits within 72 hours are reported.
	f1 := chronic.TBVisit{Date: notified.AddDays(1), First: true, NotReached: true}
	f2 := chronic.TBVisit{Date: notified.AddDays(3), First: true, NotReached: true}
	assert.False(t, chronic.ClassifyTBVisit(p, f1, nil).Report)
	a = chronic.ClassifyTBVisit(p, f2, []chronic.TBVisit{f1})
	assert.True(t, a.Report)
	assert.Equal(t, notified.AddDays(3), a.NextDue)
}
