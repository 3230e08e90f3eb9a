package chronic

import (
	"time"

	"github.com/gongwei-lib/gongwei"
)

// Supervision is who watches a TB patient take each dose (督导服药, nbphs-spec §10.1).
type Supervision int

// The supervision modes of nbphs-spec §10.1. Medical staff are preferred; a family
// supervisor must be trained.
const (
	SupervisionUnknown Supervision = 0
	ByStaff            Supervision = 1 // 医务人员督导: each dose under direct observation
	ByFamily           Supervision = 2 // 家庭成员督导: each dose under a family member's observation
)

// IsValid reports whether s is ByStaff or ByFamily.
func (s Supervision) IsValid() bool { return s == ByStaff || s == ByFamily }

// Phase is the treatment phase of a TB patient.
type Phase int

// The treatment phases of nbphs-spec §10.1: the intensive (强化期) or, for drug-resistant
// TB, injection (注射期) phase, and the continuation (继续期) or non-injection (非注射期)
// phase.
const (
	PhaseUnknown Phase = 0
	Intensive    Phase = 1
	Continuation Phase = 2
)

// TBCourse is the treatment course of a TB patient notified by the designated hospital
// (nbphs-spec §10.1).
type TBCourse struct {
	// Notified is the date the notice from the higher-level institution was received.
	Notified gongwei.Date
	// MDR marks multidrug-resistant TB (耐多药肺结核患者服药卡).
	MDR bool
	// Supervision is the supervision mode chosen at the first home visit.
	Supervision Supervision
	// ContinuationFrom is the first day of the continuation (non-injection) phase; zero
	// while the patient is in the intensive phase.
	ContinuationFrom gongwei.Date
	// DosesRequired and DosesTaken count, over the whole course, the doses prescribed and
	// those taken at the prescribed times (recorded at case closure, §10.1 结案评估).
	DosesRequired, DosesTaken int
	// FoundLocally reports that the township or village clinic found the patient (a
	// resident with suspect symptoms, 推介) rather than the designated hospital or another
	// institution: such patients are the denominator of the referral rate (结核病人转诊率,
	// see Referred).
	FoundLocally bool
	// Referred is the date the township or village clinic referred the patient, then a
	// suspect, to the designated TB facility (转诊单); zero when it did not. Only a
	// patient FoundLocally can have been referred, and the referral comes before the
	// notice of the confirmed diagnosis.
	//
	// Deprecated: record the referral in the referral register (package referral, a
	// TB-suspect referral of the resident), which every service shares and which
	// indicators read for 结核病人转诊率 when a host gives one; this field is read only
	// when there is no register.
	Referred gongwei.Date
}

func (c *TBCourse) validate(p *Patient) error {
	var ve gongwei.ValidationError
	ve.Record = "chronic.TBCourse"
	ve.Check(!c.Notified.IsZero(), "Notified", gongwei.CodeRequired)
	ve.Check(c.Notified.IsZero() || p.Registered.IsZero() || !p.Registered.Before(c.Notified), "Notified", gongwei.CodeOrder)
	ve.Check(c.Supervision == SupervisionUnknown || c.Supervision.IsValid(), "Supervision", gongwei.CodeUnknownCode)
	ve.Check(c.ContinuationFrom.IsZero() || c.Notified.IsZero() || c.ContinuationFrom.After(c.Notified), "ContinuationFrom", gongwei.CodeOrder)
	ve.Check(c.DosesRequired >= 0 && c.DosesRequired <= 2000, "DosesRequired", gongwei.CodeOutOfRange, 0, 2000)
	ve.Check(c.DosesTaken >= 0 && c.DosesTaken <= c.DosesRequired, "DosesTaken", gongwei.CodeOutOfRange, 0, c.DosesRequired)
	ve.Check(c.Referred.IsZero() || c.FoundLocally, "Referred", gongwei.CodeNotAllowed)
	ve.Check(c.Referred.IsZero() || c.Notified.IsZero() || !c.Referred.After(c.Notified), "Referred", gongwei.CodeOrder)
	return ve.Err()
}

// PhaseOn returns the treatment phase on d.
func (c *TBCourse) PhaseOn(d gongwei.Date) Phase {
	if !c.ContinuationFrom.IsZero() && !d.Before(c.ContinuationFrom) {
		return Continuation
	}
	return Intensive
}

// Regular reports 规则服药 over the whole course (see RegularMedication).
func (c *TBCourse) Regular() bool { return RegularMedication(c.DosesTaken, c.DosesRequired) }

// RegularMedication reports regular medication (规则服药): the doses taken at the
// prescribed times are at least 90% of the doses required over the whole course
// (nbphs-spec §10.2; the 90% threshold is UNCONFIRMED in reference, implemented as given).
// It computes in integers: taken × 100 ≥ required × 90. No required dose gives false.
func RegularMedication(taken, required int) bool {
	return required > 0 && taken >= 0 && taken*100 >= required*tbRule.RegularPercent
}

// FirstVisitDeadline returns when the first home visit (第一次入户随访) is due: 72 hours
// after the notice was received (nbphs-spec §10.1). Pass the time in the Asia/Shanghai
// zone; the result keeps notified's zone.
func FirstVisitDeadline(notified time.Time) time.Time {
	return notified.Add(time.Duration(tbRule.FirstVisitHours) * time.Hour)
}

// FirstVisitDue returns the last civil date of the first home visit for a notice
// received on notified: 72 hours, that is 3 days, later (nbphs-spec §10.1). Hosts that
// record the hour of the notice use FirstVisitDeadline.
func FirstVisitDue(notified gongwei.Date) gongwei.Date {
	return notified.AddDays(tbRule.FirstVisitHours / 24)
}

// TBFollowUpInterval returns the follow-up interval of a TB patient (nbphs-spec §10.1
// Follow-up assessment): at least monthly under medical-staff supervision; under family
// supervision every 10 days in the intensive (injection) phase and monthly in the
// continuation (non-injection) phase.
func TBFollowUpInterval(s Supervision, ph Phase) Interval {
	if s == ByFamily && ph != Continuation {
		return tbRule.FamilyIntensive
	}
	if s == ByFamily {
		return tbRule.FamilyContinuation
	}
	return tbRule.StaffSupervised
}

// TBVisit is one TB patient visit: the first home visit (肺结核患者第一次入户随访记录表) or
// a follow-up (肺结核患者随访服务记录表), nbphs-spec §10.1.
type TBVisit struct {
	// Date is the date of the visit.
	Date gongwei.Date
	// Mode is clinic, home or phone.
	Mode VisitMode
	// First marks the first home visit after the notice.
	First bool
	// NotReached: the patient was not seen.
	NotReached bool
	// Phase is the treatment phase on Date; PhaseUnknown takes it from the course.
	Phase Phase
	// Adherence is how the medicine was taken since the last visit.
	Adherence Adherence
	// MissedDays is the number of days of doses missed since the last visit.
	MissedDays int
	// AdverseReaction, Complication and Comorbidity: refer at once (§10.1).
	AdverseReaction, Complication, Comorbidity bool
	// OtherEmergency: an emergency found at the visit (§10.1 Each follow-up).
	OtherEmergency bool
}

// Validate reports every problem of v at once as a *gongwei.ValidationError. The date
// may be neither before 1880 nor after the day of recording (gongwei.CheckEventDate with
// gongwei.Today).
func (v *TBVisit) Validate() error { return v.validateOn(gongwei.Today()) }

func (v *TBVisit) validateOn(today gongwei.Date) error {
	ve := followUpValidation("chronic.TBVisit", v.Date, today)
	if v.NotReached {
		ve.Check(v.Mode == 0 || v.Mode.IsValid(), "Mode", gongwei.CodeUnknownCode)
	} else {
		checkMode(&ve, v.Mode)
	}
	ve.Check(v.Phase >= PhaseUnknown && v.Phase <= Continuation, "Phase", gongwei.CodeUnknownCode)
	ve.Check(v.Adherence.IsValid(), "Adherence", gongwei.CodeUnknownCode)
	ve.Check(v.MissedDays >= 0 && v.MissedDays <= 366, "MissedDays", gongwei.CodeOutOfRange, 0, 366)
	return ve.Err()
}

// ClassifyTBVisit classifies visit v of TB patient p, given the earlier visits, by
// nbphs-spec §10.1:
//
//   - NotReached: a first home visit not reached is reported to the higher-level
//     institution when it is the 2nd failure within the 72 hours after the notice
//     (Report); NextDue is the first-visit deadline while it has not passed.
//   - An emergency: urgent referral, follow-up within 2 weeks (Class Emergency).
//   - An adverse reaction, complication or comorbidity: refer at once and follow up
//     within 2 weeks (Class AdverseReaction or Complication).
//   - Not taking the medicine as prescribed (Intermittent, NotTaking): NotAdherent, find
//     the cause and reinforce education; missed doses for ≥7 days are reported to the
//     higher-level institution (Report; UNCONFIRMED in reference, implemented as given).
//   - Otherwise Adherent: continue supervision.
//
// NextDue, unless a referral sets 2 weeks: the follow-up interval of the supervision mode
// and phase (TBFollowUpInterval).
func ClassifyTBVisit(p Patient, v TBVisit, previous []TBVisit) Assessment {
	var a Assessment
	var course TBCourse
	if p.TB != nil {
		course = *p.TB
	}
	if v.NotReached {
		a.Class = NotReached
		a.add(FindingNotReached)
		if v.First && !course.Notified.IsZero() {
			deadline := FirstVisitDue(course.Notified)
			if !v.Date.After(deadline) {
				fails := 1
				for _, q := range previous {
					if q.First && q.NotReached && q.Date.Before(v.Date) && !q.Date.Before(course.Notified) {
						fails++
					}
				}
				a.Report = fails >= tbRule.FirstVisitFailures
				a.NextDue = deadline
			}
		}
		return a
	}
	if v.OtherEmergency {
		a.Class, a.Referral, a.Urgent = Emergency, true, true
		a.add(FindingOtherEmergency)
		a.NextDue = tbRule.ReferralFollowUp.After(v.Date)
		return a
	}
	switch {
	case v.Complication || v.Comorbidity:
		a.Class = Complication
	case v.AdverseReaction:
		a.Class = AdverseReaction
	case v.Adherence == Intermittent || v.Adherence == NotTaking:
		a.Class = NotAdherent
	default:
		a.Class = Adherent
	}
	if v.AdverseReaction || v.Complication || v.Comorbidity {
		a.add(FindingTBReferralReasons)
		a.Referral = true
	}
	if v.MissedDays >= tbRule.MissedDaysReport {
		a.add(FindingMissedDoses)
		a.Report = true
	}
	if a.Referral {
		a.NextDue = tbRule.ReferralFollowUp.After(v.Date)
		return a
	}
	ph := v.Phase
	if ph == PhaseUnknown {
		ph = course.PhaseOn(v.Date)
	}
	a.NextDue = TBFollowUpInterval(course.Supervision, ph).After(v.Date)
	return a
}
