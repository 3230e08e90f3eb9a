// Package chronictest is the conformance suite of chronic.Store (TestStore: one subtest
// per clause of the contract, like testing/fstest) and fixtures that build valid
// patients and visits for hosts' own tests.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		chronictest.TestStore(t, func(t *testing.T) chronic.Store { return mystore.Open(t) })
//	}
package chronictest

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Registered is the registration date of every fixture patient.
var Registered = gongwei.MustDate(2024, 1, 15)

// Patient returns a valid patient number i (i >= 1) managed for condition c, with
// every field filled: resident "R<i>", village 110105001101 (i odd) or 110105001102 (i
// even), born 1950-01-01 plus i days, diagnosed on 2024-01-08 and registered on
// 2024-01-15. A mental-disorder patient has schizophrenia; a TB patient was notified on
// the registration date, family-supervised, 180 doses required of which 170 taken.
func Patient(i int, c chronic.Condition) *chronic.Patient {
	village := healthrecord.Village("110105001101")
	if i%2 == 0 {
		village = "110105001102"
	}
	p := &chronic.Patient{
		ID:         chronic.PatientID(fmt.Sprintf("P%d-%s", i, c)),
		Resident:   healthrecord.ResidentID(fmt.Sprintf("R%d", i)),
		Village:    village,
		Condition:  c,
		Sex:        gongwei.Sex(1 + i%2),
		Birth:      gongwei.MustDate(1950, 1, 1).AddDays(i),
		Diagnosed:  gongwei.MustDate(2024, 1, 8),
		Registered: Registered,
	}
	switch c {
	case chronic.Hypertension:
		p.Comorbid = i%3 == 0
	case chronic.Mental:
		p.Mental = &chronic.MentalInfo{Diagnosis: chronic.Schizophrenia, Consent: true}
	case chronic.Tuberculosis:
		p.TB = &chronic.TBCourse{Notified: Registered, MDR: i%2 == 0, Supervision: chronic.ByFamily,
			ContinuationFrom: Registered.AddMonths(2), DosesRequired: 180, DosesTaken: 170}
	}
	return p
}

// Visit returns a valid visit of patient p on date d with every field of its follow-up
// filled (an at-target reading, regular medication) and an Assessment set, ID
// "<patient>-<date>".
func Visit(p *chronic.Patient, d gongwei.Date) *chronic.Visit {
	v := &chronic.Visit{
		ID:       chronic.VisitID(string(p.ID) + "-" + d.String()),
		Patient:  p.ID,
		Resident: p.Resident,
		Provider: healthrecord.Provider{Institution: "110105001000", Staff: "D001"},
	}
	switch p.Condition {
	case chronic.Hypertension:
		v.Hypertension = &chronic.HypertensionFollowUp{Date: d, Mode: chronic.Clinic, Signs: nil, Systolic: 132, Diastolic: 84,
			HeartRate: 72, Weight: 68.5, Height: 168, Cigarettes: 5, Drinking: 1, ExercisePerWeek: 3, ExerciseMinutes: 30,
			Adherence: chronic.Regular}
	case chronic.Diabetes:
		v.Diabetes = &chronic.DiabetesFollowUp{Date: d, Mode: chronic.Home, FastingGlucose: 6.4, Systolic: 128, Diastolic: 80,
			HeartRate: 76, Temperature: 36.6, Weight: 70, Height: 170, StapleFood: 300, Cigarettes: 0, Drinking: 0,
			Adherence: chronic.Regular, Insulin: true, Hypoglycaemia: false}
	case chronic.Mental:
		v.Mental = &chronic.MentalFollowUp{Date: d, Mode: chronic.Home, Risk: 0, Symptoms: chronic.LevelNone, Insight: chronic.LevelNone,
			SocialFunction: chronic.LevelSome, AdverseReaction: chronic.LevelNone, Somatic: chronic.LevelNone}
	case chronic.Tuberculosis:
		v.TB = &chronic.TBVisit{Date: d, Mode: chronic.Home, Phase: chronic.Intensive, Adherence: chronic.Regular, MissedDays: 1}
	}
	v.Assessment = chronic.Classify(*p, v, nil)
	return v
}
