package womenshealth

import (
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ID is the key of a record in a Store, opaque to the library.
type ID string

// TargetMinAge and TargetMaxAge bound the 两癌 check's target group in completed years:
// women aged 35-64 (plan-services.md §8, NHC 2022 screening schemes).
const (
	TargetMinAge = 35
	TargetMaxAge = 64
)

// InTargetAge reports whether a woman born on birth is in the target group on d.
func InTargetAge(birth, d gongwei.Date) bool {
	if birth.IsZero() || d.IsZero() || birth.After(d) {
		return false
	}
	a := birth.AgeYears(d)
	return a >= TargetMinAge && a <= TargetMaxAge
}

// Result is the result of one part of the check. Its values are stable.
type Result int

// The results.
const (
	NotDone  Result = 0
	Normal   Result = 1 // 未见异常
	Abnormal Result = 2 // 异常或可疑: goes on to colposcopy / mammography (plan-services.md §8)
)

// Screening is one woman's 两癌 check.
type Screening struct {
	// ID identifies the check in its store; Resident is the woman's health record.
	ID       ID
	Resident healthrecord.ResidentID
	// Village is the 12-digit village code of the woman's record.
	Village healthrecord.Village
	// Birth is the woman's birth date.
	Birth gongwei.Date
	// Date is the day of the check.
	Date gongwei.Date
	// Cervical and Breast are the results of the cervical and the breast screens.
	Cervical, Breast Result
	// Referred is the day an abnormal result was referred for diagnosis; zero when
	// none was.
	Referred gongwei.Date
	// Version is the stored version (0 for a check never stored).
	Version int64
}

// Clone returns a copy of s.
func (s *Screening) Clone() *Screening { c := *s; return &c }

// Positive reports whether either screen was abnormal.
func (s *Screening) Positive() bool { return s.Cervical == Abnormal || s.Breast == Abnormal }

// Validate reports every problem of s at once as a *gongwei.ValidationError; dates out
// of order (a check before the birth, a referral before the check) are errors.
func (s *Screening) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "womenshealth.Screening"
	ve.Check(strings.TrimSpace(string(s.ID)) != "", "ID", gongwei.CodeRequired)
	ve.Check(s.Resident != "", "Resident", gongwei.CodeRequired)
	checkVillage(&ve, s.Village)
	ve.Check(!s.Birth.IsZero(), "Birth", gongwei.CodeRequired)
	ve.Check(!s.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(s.Date.IsZero() || s.Birth.IsZero() || !s.Date.Before(s.Birth), "Date", gongwei.CodeBeforeBirth)
	ve.Check(s.Cervical >= NotDone && s.Cervical <= Abnormal, "Cervical", gongwei.CodeUnknownCode)
	ve.Check(s.Breast >= NotDone && s.Breast <= Abnormal, "Breast", gongwei.CodeUnknownCode)
	ve.Check(s.Cervical != NotDone || s.Breast != NotDone, "Cervical", gongwei.CodeRequired)
	ve.Check(s.Referred.IsZero() || s.Positive(), "Referred", gongwei.CodeNotAllowed)
	ve.Check(s.Referred.IsZero() || s.Date.IsZero() || !s.Referred.Before(s.Date), "Referred", gongwei.CodeOrder)
	return ve.Err()
}

// ReportKind is what a surveillance report reports. Its values are stable.
type ReportKind string

// The reports of the national MCH surveillance (三网合一, plan-services.md §8).
const (
	MaternalDeath ReportKind = "maternal_death" // 孕产妇死亡: in pregnancy or within 42 days of its end
	Under5Death   ReportKind = "under5_death"   // 5岁以下儿童死亡
	BirthDefect   ReportKind = "birth_defect"   // 出生缺陷
)

// ReportKinds lists the kinds.
var ReportKinds = []ReportKind{MaternalDeath, Under5Death, BirthDefect}

// Report is one maternal death, under-5 death or birth-defect report.
type Report struct {
	// ID identifies the report in its store.
	ID ID
	// Village is the 12-digit village code of the person's residence.
	Village healthrecord.Village
	// Kind is a maternal death, an under-5 death or a birth defect.
	Kind ReportKind
	// Birth is the person's birth date (the child's, for an under-5 death or a defect).
	Birth gongwei.Date
	// Event is the day of the death, or of the birth or diagnosis of the defect.
	Event gongwei.Date
	// Reported is the day the report was made.
	Reported gongwei.Date
	// Version is the stored version (0 for a report never stored).
	Version int64
}

// Clone returns a copy of r.
func (r *Report) Clone() *Report { c := *r; return &c }

// Validate reports every problem of r at once as a *gongwei.ValidationError; a death
// before the birth and a report before the event are errors, and an under-5 death of a
// child aged 5 or more is out of range.
func (r *Report) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "womenshealth.Report"
	ve.Check(strings.TrimSpace(string(r.ID)) != "", "ID", gongwei.CodeRequired)
	checkVillage(&ve, r.Village)
	switch r.Kind {
	case MaternalDeath, Under5Death, BirthDefect:
	case "":
		ve.Add("Kind", gongwei.CodeRequired)
	default:
		ve.Add("Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!r.Birth.IsZero(), "Birth", gongwei.CodeRequired)
	ve.Check(!r.Event.IsZero(), "Event", gongwei.CodeRequired)
	ve.Check(!r.Reported.IsZero(), "Reported", gongwei.CodeRequired)
	ve.Check(r.Event.IsZero() || r.Birth.IsZero() || !r.Event.Before(r.Birth), "Event", gongwei.CodeBeforeBirth)
	ve.Check(r.Reported.IsZero() || r.Event.IsZero() || !r.Reported.Before(r.Event), "Reported", gongwei.CodeOrder)
	ve.Check(r.Kind != Under5Death || r.Event.IsZero() || r.Birth.IsZero() || r.Event.Before(r.Birth) || r.Birth.AgeYears(r.Event) < 5,
		"Event", gongwei.CodeOutOfRange, 0, 5)
	return ve.Err()
}

// Deadlines are the days after the event within which each kind of report is due: the
// host's data, since no national deadline was found (plan-services.md §8). A kind absent
// has no deadline, and its reports are not counted for timeliness.
type Deadlines map[ReportKind]int

// Timely reports whether r was made within its kind's deadline in d; ok is false when
// d has no deadline for the kind.
func (d Deadlines) Timely(r *Report) (timely, ok bool) {
	days, ok := d[r.Kind]
	if !ok {
		return false, false
	}
	return !r.Reported.After(r.Event.AddDays(days)), true
}

func checkVillage(ve *gongwei.ValidationError, v healthrecord.Village) {
	if v == "" {
		ve.Add("Village", gongwei.CodeRequired)
		return
	}
	p, err := healthrecord.ParseVillage(string(v))
	ve.Check(err == nil && p == v, "Village", gongwei.CodeFormat)
}
