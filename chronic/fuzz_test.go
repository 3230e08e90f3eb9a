package chronic_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
)

// FuzzClassify feeds arbitrary readings to Validate and the classifiers: no panic, a
// class always set, and NextDue never before the follow-up.
func FuzzClassify(f *testing.F) {
	f.Add(140, 90, 7.0, 100, 39.0, 3, 1, 20000)
	f.Add(0, 0, 0.0, 0, 0.0, 0, 0, 0)
	f.Add(-5, 400, -1.0, 1000, 50.0, 9, 5, 1)
	f.Fuzz(func(t *testing.T, sbp, dbp int, fbg float64, hr int, temp float64, risk, level int, days int) {
		if days < 0 {
			days = -days
		}
		day := gongwei.MustDate(2000, 1, 1).AddDays(days % 20000)
		p := chronic.Patient{Birth: gongwei.MustDate(1950, 1, 1)}
		h := chronic.HypertensionFollowUp{Date: day, Systolic: sbp, Diastolic: dbp, HeartRate: hr}
		_ = h.Validate()
		a := chronic.ClassifyHypertension(p, h, []chronic.HypertensionFollowUp{{Date: day.AddDays(-1), Systolic: dbp, Diastolic: sbp}})
		check(t, a, day)
		dm := chronic.DiabetesFollowUp{Date: day, FastingGlucose: fbg, Systolic: sbp, Diastolic: dbp, HeartRate: hr, Temperature: temp}
		_ = dm.Validate()
		check(t, chronic.ClassifyDiabetes(p, dm, []chronic.DiabetesFollowUp{dm}), day)
		m := chronic.MentalFollowUp{Date: day, Risk: chronic.RiskLevel(risk), Symptoms: chronic.Level(level), Insight: chronic.Level(level)}
		_ = m.Validate()
		check(t, chronic.ClassifyMental(p, m, []chronic.MentalFollowUp{m}), day)
		tb := chronic.TBVisit{Date: day, MissedDays: hr, Adherence: chronic.Adherence(level)}
		_ = tb.Validate()
		check(t, chronic.ClassifyTBVisit(p, tb, nil), day)
		_ = chronic.RegularMedication(sbp, dbp)
	})
}

func check(t *testing.T, a chronic.Assessment, day gongwei.Date) {
	t.Helper()
	if !a.Class.IsValid() {
		t.Fatalf("no class: %+v", a)
	}
	if !a.NextDue.IsZero() && !a.NextDue.After(day) {
		t.Fatalf("next due %v not after %v", a.NextDue, day)
	}
}
