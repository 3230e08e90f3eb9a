package chronic

import (
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// PatientID is the key of a patient record in a Store. It is opaque to the library;
// [Service] assigns the resident's ID, a hyphen and the condition by default.
type PatientID string

// Condition is the condition a patient is managed for. Its values are stable codes that
// stores may persist.
type Condition string

// The managed conditions, nbphs-spec §7–§10.
const (
	Hypertension Condition = "hypertension" // 高血压, nbphs-spec §7
	Diabetes     Condition = "diabetes"     // 2型糖尿病, nbphs-spec §8
	Mental       Condition = "mental"       // 严重精神障碍, nbphs-spec §9
	Tuberculosis Condition = "tuberculosis" // 肺结核, nbphs-spec §10
)

// Conditions lists the conditions in the order of the specification.
var Conditions = []Condition{Hypertension, Diabetes, Mental, Tuberculosis}

// IsValid reports whether c is one of the four conditions.
func (c Condition) IsValid() bool {
	switch c {
	case Hypertension, Diabetes, Mental, Tuberculosis:
		return true
	}
	return false
}

// Tag returns the key-population tag of the health record that goes with c.
func (c Condition) Tag() healthrecord.Tag {
	switch c {
	case Hypertension:
		return healthrecord.TagHypertension
	case Diabetes:
		return healthrecord.TagDiabetes
	case Mental:
		return healthrecord.TagSevereMental
	case Tuberculosis:
		return healthrecord.TagTuberculosis
	}
	return ""
}

// EventKind returns the timeline event kind of a follow-up of c.
func (c Condition) EventKind() healthrecord.EventKind {
	switch c {
	case Hypertension:
		return EventHypertensionFollowUp
	case Diabetes:
		return EventDiabetesFollowUp
	case Mental:
		return EventMentalFollowUp
	case Tuberculosis:
		return EventTBVisit
	}
	return ""
}

// ClosureReason is why a patient left management.
type ClosureReason int

// Reasons for ending management. TreatmentCompleted and TreatmentStopped are the
// treatment-end outcomes of TB case closure (结案评估, nbphs-spec §10.1: "record the stop
// date and reason"); the reason list is the library's (UNCONFIRMED in reference).
const (
	NotClosed          ClosureReason = iota
	ClosedDeath                      // 死亡
	ClosedMovedOut                   // 迁出
	ClosedLost                       // 失访
	TreatmentCompleted               // 完成治疗 (治愈或完成疗程), TB only
	TreatmentStopped                 // 停止治疗 for another reason (失败、转入耐多药、不良反应…), TB only
	ClosedOther                      // 其他
)

// IsValid reports whether r is a defined reason, NotClosed included.
func (r ClosureReason) IsValid() bool { return r >= NotClosed && r <= ClosedOther }

// Closure is the end of management: its date and reason.
type Closure struct {
	Reason ClosureReason
	Date   gongwei.Date
}

// Patient is one resident managed for one condition: the registration (纳入管理) of a
// diagnosed patient, linked to the resident's health record (nbphs-spec §7.1 item 2
// "confirmed essential HT enters management", §8, §9 Entry, §10.1). A resident with
// hypertension and diabetes has two Patient records.
type Patient struct {
	// ID is the store key; see PatientID.
	ID PatientID
	// Resident is the resident's health record.
	Resident healthrecord.ResidentID
	// Village is the resident's village (12-digit division code of the archive number),
	// so indicators group patients by unit without reading the record.
	Village healthrecord.Village
	// Condition is what the patient is managed for.
	Condition Condition
	// Sex and Birth are copied from the health record: the classification needs the age
	// (the ≥65 blood-pressure target, nbphs-spec §7.3).
	Sex   gongwei.Sex
	Birth gongwei.Date
	// Diagnosed is the date of the confirmed diagnosis.
	Diagnosed gongwei.Date
	// Registered is the date the patient entered management (纳入管理).
	Registered gongwei.Date
	// Comorbid records diabetes or chronic kidney disease in a hypertension patient, for
	// whom the specification allows "a somewhat lower target" without a figure
	// (nbphs-spec §7.3): informational, the target used is the general one.
	Comorbid bool
	// Mental holds the severe-mental-disorder registration; set exactly for Mental.
	Mental *MentalInfo
	// TB holds the TB treatment course; set exactly for Tuberculosis.
	TB *TBCourse
	// Closure ends management; zero while managed.
	Closure Closure
	// Version is the optimistic-concurrency version, managed by Service.
	Version int64
}

// ActiveOn reports whether p is under management on d: registered on or before d and not
// closed on or before d.
func (p *Patient) ActiveOn(d gongwei.Date) bool {
	if p.Registered.IsZero() || p.Registered.After(d) {
		return false
	}
	return p.Closure.Reason == NotClosed || p.Closure.Date.After(d)
}

// ManagedIn reports whether p was under management on at least one day of period q.
func (p *Patient) ManagedIn(q gongwei.Period) bool {
	if p.Registered.IsZero() || !p.Registered.Before(q.End) {
		return false
	}
	return p.Closure.Reason == NotClosed || !p.Closure.Date.Before(q.Start)
}

// Clone returns a deep copy of p.
func (p *Patient) Clone() *Patient {
	c := *p
	if p.Mental != nil {
		m := *p.Mental
		c.Mental = &m
	}
	if p.TB != nil {
		t := *p.TB
		c.TB = &t
	}
	return &c
}

// Normalize trims the free text of p and normalises its codes.
func (p *Patient) Normalize() {
	p.Village = healthrecord.Village(gongwei.NormalizeCode(string(p.Village)))
	p.Condition = Condition(strings.ToLower(gongwei.NormalizeCode(string(p.Condition))))
}

// Validate reports every problem of p at once as a *gongwei.ValidationError. Its dates
// are bounded by the day of recording by the wall clock (gongwei.Today); [Service]
// bounds them by its own.
func (p *Patient) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "chronic.Patient"
	p.validateOn(&ve, gongwei.Today())
	return ve.Err()
}

// death returns the date of death of a patient whose management ended by death.
func (p *Patient) death() gongwei.Date {
	if p.Closure.Reason == ClosedDeath {
		return p.Closure.Date
	}
	return gongwei.Date{}
}

// validateOn adds the problems of p to ve, with its dates bounded by the day of
// recording today: the birth not before gongwei.EarliestBirth nor after the
// registration, every other date neither before the birth nor after the death nor after
// today (gongwei.CheckBirthDate, gongwei.CheckEventDate).
func (p *Patient) validateOn(ve *gongwei.ValidationError, today gongwei.Date) {
	gongwei.CheckText(ve, "Resident", string(p.Resident), gongwei.TextShort)
	ve.Check(p.Resident != "", "Resident", gongwei.CodeRequired)
	switch {
	case p.Village == "":
		ve.Add("Village", gongwei.CodeRequired)
	case p.Village.Kind() == healthrecord.VillageInvalid:
		ve.Add("Village", gongwei.CodeFormat)
	}
	switch {
	case p.Condition == "":
		ve.Add("Condition", gongwei.CodeRequired)
	case !p.Condition.IsValid():
		ve.Add("Condition", gongwei.CodeUnknownCode)
	}
	ve.Check(p.Sex.IsValid(), "Sex", gongwei.CodeUnknownCode)
	ve.Check(!p.Birth.IsZero(), "Birth", gongwei.CodeRequired)
	ve.Check(!p.Diagnosed.IsZero(), "Diagnosed", gongwei.CodeRequired)
	ve.Check(!p.Registered.IsZero(), "Registered", gongwei.CodeRequired)
	if !p.Birth.IsZero() {
		ve.Check(p.Diagnosed.IsZero() || !p.Diagnosed.Before(p.Birth), "Diagnosed", gongwei.CodeBeforeBirth)
		ve.Check(p.Registered.IsZero() || !p.Registered.Before(p.Birth), "Registered", gongwei.CodeBeforeBirth)
	}
	ve.Check(p.Diagnosed.IsZero() || p.Registered.IsZero() || !p.Registered.Before(p.Diagnosed), "Registered", gongwei.CodeOrder)
	// Hypertension and diabetes management covers residents aged 35 and over
	// (nbphs-spec §7 Target, §8 Target).
	if min, ok := minAge(p.Condition); ok && !p.Birth.IsZero() && !p.Registered.IsZero() {
		ve.Check(p.Birth.AgeYears(p.Registered) >= min, "Registered", CodeUnderAge, min)
	}
	ve.Check(!p.Comorbid || p.Condition == Hypertension, "Comorbid", gongwei.CodeNotAllowed)
	checkPart(ve, "Mental", p.Condition == Mental, p.Mental != nil, func() error { return p.Mental.Validate() })
	checkPart(ve, "TB", p.Condition == Tuberculosis, p.TB != nil, func() error { return p.TB.validate(p) })
	p.validateClosure(ve)
	ve.Check(p.Version >= 0, "Version", gongwei.CodeNotAllowed)
	gongwei.CheckBirthDate(ve, "Birth", p.Birth, p.Registered, today)
	gongwei.CheckEventDate(ve, "Diagnosed", p.Diagnosed, p.Birth, p.death(), today)
	gongwei.CheckEventDate(ve, "Registered", p.Registered, p.Birth, p.death(), today)
	gongwei.CheckEventDate(ve, "Closure.Date", p.Closure.Date, p.Birth, gongwei.Date{}, today)
	if p.TB != nil {
		gongwei.CheckEventDate(ve, "TB.Notified", p.TB.Notified, p.Birth, p.death(), today)
		gongwei.CheckPlannedDate(ve, "TB.ContinuationFrom", p.TB.ContinuationFrom, today)
	}
}

func (p *Patient) validateClosure(ve *gongwei.ValidationError) {
	c := p.Closure
	if !c.Reason.IsValid() {
		ve.Add("Closure.Reason", gongwei.CodeUnknownCode)
		return
	}
	if c.Reason == NotClosed {
		ve.Check(c.Date.IsZero(), "Closure.Date", gongwei.CodeNotAllowed)
		return
	}
	if c.Date.IsZero() {
		ve.Add("Closure.Date", gongwei.CodeRequired)
	} else if !p.Registered.IsZero() && c.Date.Before(p.Registered) {
		ve.Add("Closure.Date", gongwei.CodeOrder)
	}
	if (c.Reason == TreatmentCompleted || c.Reason == TreatmentStopped) && p.Condition != Tuberculosis {
		ve.Add("Closure.Reason", gongwei.CodeNotAllowed)
	}
}

// minAge returns the minimum age of the service for c, if it has one.
func minAge(c Condition) (int, bool) {
	switch c {
	case Hypertension:
		return htRules.MinAge, true
	case Diabetes:
		return dmRules.MinAge, true
	}
	return 0, false
}

// checkPart checks the part of a record that only records of one condition have: it is
// required when the record is of that condition (wanted), not allowed otherwise, and
// validated (validate) when present.
func checkPart(ve *gongwei.ValidationError, field string, wanted, present bool, validate func() error) {
	switch {
	case wanted && !present:
		ve.Add(field, gongwei.CodeRequired)
	case !wanted && present:
		ve.Add(field, gongwei.CodeNotAllowed)
	case present:
		ve.Merge(field, validate())
	}
}
