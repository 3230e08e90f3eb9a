package referral

import (
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ID is the key of a referral in a Store, opaque to the library.
type ID string

// Kind is the service a referral belongs to. Its values are stable codes that stores may
// persist.
type Kind string

// The kinds of referral, each a referral rule of the specification.
const (
	Hypertension Kind = "hypertension" // 高血压: urgent referral or unsatisfactory control (nbphs-spec §7)
	Diabetes     Kind = "diabetes"     // 2型糖尿病: urgent referral or unsatisfactory control (§8)
	Mental       Kind = "mental"       // 严重精神障碍: an unstable patient (§9)
	TBSuspect    Kind = "tb_suspect"   // 肺结核可疑者: suspect symptoms, sent to the designated facility (§10)
	TBPatient    Kind = "tb_patient"   // 肺结核患者: adverse reaction, complication or comorbidity (§10)
	Maternal     Kind = "maternal"     // 孕产妇: risk factors, abnormal findings or danger signs (§5)
	Child        Kind = "child"        // 0～6岁儿童: abnormal findings referred for care (§4)
	Other        Kind = "other"        // any other service (基本医疗 included)
)

// Kinds lists the kinds in the order of the specification's services.
var Kinds = []Kind{Child, Maternal, Hypertension, Diabetes, Mental, TBSuspect, TBPatient, Other}

// IsValid reports whether k is one of [Kinds].
func (k Kind) IsValid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// FollowUpWindow returns the days after the referral within which its outcome is
// actively followed up: 7 for a TB suspect (phone follow-up within 1 week to check
// attendance, nbphs-spec §10 [R40] [R82]), 14 for every other referral (2周内主动随访转诊
// 情况, nbphs-spec §0 "Recurring rule" [R31] [R35] [R38] [R40] [R20]).
func FollowUpWindow(k Kind) int {
	if k == TBSuspect {
		return tbSuspectWindowDays
	}
	return followUpWindowDays
}

const (
	followUpWindowDays  = 14 // nbphs-spec §0 "Recurring rule"
	tbSuspectWindowDays = 7  // nbphs-spec §10 "Screening and referral"
)

// Outcome is what the active follow-up learnt. The list is the library's (the
// specification names the follow-up, not its answers). Its values are stable.
type Outcome int

// The outcomes of a follow-up.
const (
	OutcomeUnknown  Outcome = 0
	Attended        Outcome = 1 // 已到位: seen at the receiving institution
	NotAttended     Outcome = 2 // 未到位: reached, but did not go
	Unreachable     Outcome = 3 // 未联系上: the follow-up did not reach the person
	ReturnedManaged Outcome = 4 // 已回转: seen and referred back to primary care (下转)
)

// IsValid reports whether o is one of the outcomes (not OutcomeUnknown).
func (o Outcome) IsValid() bool { return o >= Attended && o <= ReturnedManaged }

// Referral is one referral slip (双向转诊单, upward) with the follow-up of its outcome.
type Referral struct {
	// ID is the key in the Store.
	ID ID
	// Resident is the resident referred.
	Resident healthrecord.ResidentID
	// Village is the 12-digit village code of the resident's record: the unit the
	// referral is counted under.
	Village healthrecord.Village
	// Kind is the service the referral belongs to.
	Kind Kind
	// Urgent marks an urgent referral (紧急转诊).
	Urgent bool
	// Referred is the date of the referral slip.
	Referred gongwei.Date
	// To names the receiving institution (an institution, never a person).
	To string
	// Reason is the reason written on the slip (initial impression, main history).
	Reason string
	// FollowedUp is the date of the active follow-up of the outcome; zero until it
	// is made. It is not before Referred.
	FollowedUp gongwei.Date
	// Outcome is what the follow-up learnt: set exactly when FollowedUp is.
	Outcome Outcome
	// Version is the stored version (0 for a referral never stored).
	Version int64
}

// Clone returns a copy of r.
func (r *Referral) Clone() *Referral {
	c := *r
	return &c
}

// Due returns the last day of the follow-up of r: Referred plus [FollowUpWindow] days.
// It is zero when Referred is.
func (r *Referral) Due() gongwei.Date {
	if r.Referred.IsZero() {
		return gongwei.Date{}
	}
	return r.Referred.AddDays(FollowUpWindow(r.Kind))
}

// OnTime reports whether the follow-up was made by the due day.
func (r *Referral) OnTime() bool {
	return !r.FollowedUp.IsZero() && !r.FollowedUp.After(r.Due())
}

// Validate reports every problem of r at once as a *gongwei.ValidationError: missing
// identity, village, kind, date or receiving institution; an unknown kind or outcome; a
// follow-up before the referral; an outcome without a follow-up date or the reverse.
func (r *Referral) Validate() error { return r.validateOn(gongwei.Date{}) }

// validateOn is Validate with the day of recording: no date may lie more than
// gongwei.RecordingToleranceDays after today (a zero today skips the check).
func (r *Referral) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "referral.Referral"
	ve.Check(strings.TrimSpace(string(r.ID)) != "", "ID", gongwei.CodeRequired)
	ve.Check(r.Resident != "", "Resident", gongwei.CodeRequired)
	if r.Village == "" {
		ve.Add("Village", gongwei.CodeRequired)
	} else if v, err := healthrecord.ParseVillage(string(r.Village)); err != nil || v != r.Village {
		ve.Add("Village", gongwei.CodeFormat)
	}
	if r.Kind == "" {
		ve.Add("Kind", gongwei.CodeRequired)
	} else {
		ve.Check(r.Kind.IsValid(), "Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!r.Referred.IsZero(), "Referred", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(r.To) != "", "To", gongwei.CodeRequired)
	ve.Check(r.FollowedUp.IsZero() || r.Referred.IsZero() || !r.FollowedUp.Before(r.Referred), "FollowedUp", gongwei.CodeOrder)
	ve.Check(r.Outcome == OutcomeUnknown || r.Outcome.IsValid(), "Outcome", gongwei.CodeUnknownCode)
	ve.Check(r.Outcome == OutcomeUnknown || !r.FollowedUp.IsZero(), "Outcome", gongwei.CodeNotAllowed)
	ve.Check(r.FollowedUp.IsZero() || r.Outcome != OutcomeUnknown, "Outcome", gongwei.CodeRequired)
	if !today.IsZero() {
		last := today.AddDays(gongwei.RecordingToleranceDays)
		ve.Check(r.Referred.IsZero() || !r.Referred.After(last), "Referred", gongwei.CodeInFuture)
		ve.Check(r.FollowedUp.IsZero() || !r.FollowedUp.After(last), "FollowedUp", gongwei.CodeInFuture)
	}
	return ve.Err()
}
