package chronic

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// VisitID is the key of a visit in a Store; [Service] assigns the patient's ID, a hyphen
// and the date's 8 digits by default (one follow-up per patient and day).
type VisitID string

// Visit is one follow-up of one patient as stored: exactly one of Hypertension,
// Diabetes, Mental or TB is set, matching the patient's condition. The Assessment is
// filled by [Service.RecordVisit] from the classification rules.
type Visit struct {
	// ID is the store key.
	ID VisitID
	// Patient is the managed patient.
	Patient PatientID
	// Resident is the patient's resident (copied by Service), for the timeline.
	Resident healthrecord.ResidentID
	// Provider is who made the follow-up.
	Provider healthrecord.Provider
	// Hypertension, Diabetes, Mental and TB are the follow-up form of each condition;
	// exactly one is set.
	Hypertension *HypertensionFollowUp
	Diabetes     *DiabetesFollowUp
	Mental       *MentalFollowUp
	TB           *TBVisit
	// Assessment is the classification, referral and next due date.
	Assessment Assessment
	// Version is the optimistic-concurrency version, managed by Service.
	Version int64
}

// Condition returns the condition of the follow-up set, or "" when none or several are.
func (v *Visit) Condition() Condition {
	var c Condition
	n := 0
	if v.Hypertension != nil {
		c, n = Hypertension, n+1
	}
	if v.Diabetes != nil {
		c, n = Diabetes, n+1
	}
	if v.Mental != nil {
		c, n = Mental, n+1
	}
	if v.TB != nil {
		c, n = Tuberculosis, n+1
	}
	if n != 1 {
		return ""
	}
	return c
}

// Date returns the date of the follow-up, or the zero Date when none is set.
func (v *Visit) Date() gongwei.Date {
	switch {
	case v.Hypertension != nil:
		return v.Hypertension.Date
	case v.Diabetes != nil:
		return v.Diabetes.Date
	case v.Mental != nil:
		return v.Mental.Date
	case v.TB != nil:
		return v.TB.Date
	}
	return gongwei.Date{}
}

// FaceToFace reports whether the patient was seen face to face (clinic or home) —
// the follow-ups counted by 规范管理 (nbphs-spec §7.2, §8). A mental-disorder or TB
// follow-up counts when the patient was reached.
func (v *Visit) FaceToFace() bool {
	switch {
	case v.Hypertension != nil:
		return v.Hypertension.Mode.FaceToFace()
	case v.Diabetes != nil:
		return v.Diabetes.Mode.FaceToFace()
	case v.Mental != nil:
		return !v.Mental.NotReached
	case v.TB != nil:
		return !v.TB.NotReached
	}
	return false
}

// Clone returns a deep copy of v.
func (v *Visit) Clone() *Visit {
	c := *v
	if v.Hypertension != nil {
		h := *v.Hypertension
		h.Signs = append([]Sign(nil), h.Signs...)
		c.Hypertension = &h
	}
	if v.Diabetes != nil {
		d := *v.Diabetes
		d.Signs = append([]Sign(nil), d.Signs...)
		c.Diabetes = &d
	}
	if v.Mental != nil {
		m := *v.Mental
		c.Mental = &m
	}
	if v.TB != nil {
		t := *v.TB
		c.TB = &t
	}
	c.Assessment.Findings = append([]Finding(nil), v.Assessment.Findings...)
	return &c
}

// Validate reports every problem of v at once as a *gongwei.ValidationError: the
// patient, exactly one follow-up, and that follow-up's own problems (prefixed by its
// field name).
func (v *Visit) Validate() error { return v.validateOn(gongwei.Today()) }

func (v *Visit) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "chronic.Visit"
	ve.Check(v.Patient != "", "Patient", gongwei.CodeRequired)
	if v.Condition() == "" {
		ve.Add("", CodeConditionMismatch)
	}
	if v.Hypertension != nil {
		ve.Merge("Hypertension", v.Hypertension.validateOn(today))
	}
	if v.Diabetes != nil {
		ve.Merge("Diabetes", v.Diabetes.validateOn(today))
	}
	if v.Mental != nil {
		ve.Merge("Mental", v.Mental.validateOn(today))
	}
	if v.TB != nil {
		ve.Merge("TB", v.TB.validateOn(today))
	}
	gongwei.CheckText(&ve, "Patient", string(v.Patient), gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Institution", v.Provider.Institution, gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Staff", string(v.Provider.Staff), gongwei.TextShort)
	ve.Check(v.Version >= 0, "Version", gongwei.CodeNotAllowed)
	return ve.Err()
}

// Classify classifies v for patient p given the patient's earlier visits, dispatching
// to ClassifyHypertension, ClassifyDiabetes, ClassifyMental or ClassifyTBVisit. Earlier
// visits of other conditions are ignored.
func Classify(p Patient, v *Visit, previous []*Visit) Assessment {
	switch {
	case v.Hypertension != nil:
		return ClassifyHypertension(p, *v.Hypertension, parts(previous, func(q *Visit) *HypertensionFollowUp { return q.Hypertension }))
	case v.Diabetes != nil:
		return ClassifyDiabetes(p, *v.Diabetes, parts(previous, func(q *Visit) *DiabetesFollowUp { return q.Diabetes }))
	case v.Mental != nil:
		return ClassifyMental(p, *v.Mental, parts(previous, func(q *Visit) *MentalFollowUp { return q.Mental }))
	case v.TB != nil:
		return ClassifyTBVisit(p, *v.TB, parts(previous, func(q *Visit) *TBVisit { return q.TB }))
	}
	return Assessment{}
}

// parts returns the parts that part picks from the visits having one, in order; nil
// for none.
func parts[T any](visits []*Visit, part func(*Visit) *T) []T {
	var out []T
	for _, q := range visits {
		if x := part(q); x != nil {
			out = append(out, *x)
		}
	}
	return out
}
