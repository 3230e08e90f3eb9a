package chronic

import (
	"github.com/gongwei-lib/gongwei"
)

// MentalDiagnosis is one of the six severe mental disorders managed (nbphs-spec §9
// Target). The numbering is the library's and stable.
type MentalDiagnosis int

// The six diagnoses of nbphs-spec §9.
const (
	Schizophrenia           MentalDiagnosis = 1 // 精神分裂症
	SchizoaffectiveDisorder MentalDiagnosis = 2 // 分裂情感性障碍
	ParanoidPsychosis       MentalDiagnosis = 3 // 偏执性精神病
	BipolarDisorder         MentalDiagnosis = 4 // 双相（情感）障碍
	EpilepticPsychosis      MentalDiagnosis = 5 // 癫痫所致精神障碍
	RetardationPsychosis    MentalDiagnosis = 6 // 精神发育迟滞伴发精神障碍
)

// IsValid reports whether d is one of the six diagnoses.
func (d MentalDiagnosis) IsValid() bool { return d >= Schizophrenia && d <= RetardationPsychosis }

// MentalInfo is the registration of a severe-mental-disorder patient: a confirmed
// diagnosis of one of the six disorders, living at home (nbphs-spec §9 Target, Entry;
// 严重精神障碍患者个人信息补充表).
type MentalInfo struct {
	// Diagnosis is the confirmed diagnosis.
	Diagnosis MentalDiagnosis
	// Consent reports the patient's or guardian's consent to the yearly checkup
	// (nbphs-spec §9.3).
	Consent bool
}

// Validate reports the problems of m.
func (m *MentalInfo) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "chronic.MentalInfo"
	switch {
	case m.Diagnosis == 0:
		ve.Add("Diagnosis", gongwei.CodeRequired)
	case !m.Diagnosis.IsValid():
		ve.Add("Diagnosis", gongwei.CodeUnknownCode)
	}
	return ve.Err()
}

// RiskLevel is the risk (危险性) level 0–5 of nbphs-spec §9.1:
//
//	0 none of the behaviours of levels 1–5
//	1 verbal threats, shouting; no smashing
//	2 smashing confined to the home, against property, stopped by persuasion
//	3 obvious smashing regardless of place, against property, not stopped by persuasion
//	4 persistent smashing against property or people, not stopped; self-harm, suicide
//	5 any violence against people with a weapon, or arson, explosion
type RiskLevel int

// IsValid reports whether r is 0 to 5.
func (r RiskLevel) IsValid() bool { return r >= 0 && r <= 5 }

// Level is a three-step rating used by the mental-disorder follow-up.
type Level int

// The ratings. Their meaning depends on the item: for symptoms, None = largely gone,
// Some = present, Marked = marked; for insight, None = restored (no deficit), Some =
// partial, Marked = none; for social function, None = good, Some = fair, Marked = poor;
// for adverse reactions and somatic disease, None = none or stable, Some = present but not
// serious, Marked = serious.
const (
	LevelUnknown Level = 0
	LevelNone    Level = 1
	LevelSome    Level = 2
	LevelMarked  Level = 3
)

// IsValid reports whether l is a rating (not LevelUnknown).
func (l Level) IsValid() bool { return l >= LevelNone && l <= LevelMarked }

// MentalFollowUp is one severe-mental-disorder follow-up (严重精神障碍患者随访服务记录表,
// nbphs-spec §9 Follow-up, §9.2): risk, mental state, insight, social function, adverse
// reactions and somatic illness.
type MentalFollowUp struct {
	// Date is the date of the follow-up.
	Date gongwei.Date
	// Mode is clinic, home or phone.
	Mode VisitMode
	// NotReached: the patient could not be seen in this follow-up period (未访到); the
	// ratings are then not recorded.
	NotReached bool
	// Risk is the risk level 0–5 (§9.1).
	Risk RiskLevel
	// Symptoms: None = largely gone, Some = present, Marked = marked.
	Symptoms Level
	// Insight: None = restored, Some = partial, Marked = no insight.
	Insight Level
	// SocialFunction: None = good, Some = fair, Marked = poor.
	SocialFunction Level
	// AdverseReaction: None, Some (not serious), Marked (serious).
	AdverseReaction Level
	// Somatic is somatic disease: None = none or stable, Some = present, Marked = serious.
	Somatic Level
}

// Validate reports every problem of f at once as a *gongwei.ValidationError. The date
// may be neither before 1880 nor after the day of recording (gongwei.CheckEventDate with
// gongwei.Today).
func (f *MentalFollowUp) Validate() error { return f.validateOn(gongwei.Today()) }

func (f *MentalFollowUp) validateOn(today gongwei.Date) error {
	ve := followUpValidation("chronic.MentalFollowUp", f.Date, today)
	if f.NotReached {
		ve.Check(f.Mode == 0 || f.Mode.IsValid(), "Mode", gongwei.CodeUnknownCode)
		ve.Check(f.Risk == 0 && f.Symptoms == 0 && f.Insight == 0 && f.SocialFunction == 0 &&
			f.AdverseReaction == 0 && f.Somatic == 0, "NotReached", gongwei.CodeNotAllowed)
		return ve.Err()
	}
	checkMode(&ve, f.Mode)
	ve.Check(f.Risk.IsValid(), "Risk", gongwei.CodeOutOfRange, 0, 5)
	for _, x := range []struct {
		field string
		l     Level
	}{
		{"Symptoms", f.Symptoms}, {"Insight", f.Insight}, {"SocialFunction", f.SocialFunction},
		{"AdverseReaction", f.AdverseReaction}, {"Somatic", f.Somatic},
	} {
		switch {
		case x.l == LevelUnknown:
			ve.Add(x.field, gongwei.CodeRequired)
		case !x.l.IsValid():
			ve.Add(x.field, gongwei.CodeUnknownCode)
		}
	}
	return ve.Err()
}

// mentalClass returns the class of a reached follow-up and its findings, by nbphs-spec
// §9.2:
//
//   - Unstable: risk 3–5, or marked symptoms, or no insight, or a serious adverse
//     reaction, or serious somatic disease;
//   - BasicallyStable: risk 1–2, or at least one of symptoms, insight or social function
//     not good (symptoms present, insight partial, social function poor);
//   - Stable: risk 0, symptoms largely gone, insight restored, social function fair or
//     good, no serious adverse reaction, somatic disease stable.
func mentalClass(f *MentalFollowUp) (Class, []Finding) {
	for _, c := range mentalCriteria {
		var fs []Finding
		if f.Risk >= c.minRisk {
			fs = append(fs, FindingRisk)
		}
		for _, x := range c.levels {
			if f.levelOf(x.finding) == x.level {
				fs = append(fs, x.finding)
			}
		}
		if len(fs) > 0 {
			return c.class, fs
		}
	}
	return Stable, nil
}

// mentalCriteria are the criteria of the classes of nbphs-spec §9.2 (see mentalClass),
// the less stable class first: a follow-up is of the first class one of whose criteria
// it meets (a risk level of at least minRisk, or one of the levels), with the findings
// of every criterion of that class it meets, in this order.
var mentalCriteria = [...]struct {
	class   Class
	minRisk RiskLevel
	levels  []levelFinding
}{
	{Unstable, smiRules.UnstableRisk, []levelFinding{{FindingSymptoms, LevelMarked}, {FindingInsight, LevelMarked}, {FindingAdverseReaction, LevelMarked}, {FindingSomatic, LevelMarked}}},
	{BasicallyStable, 1, []levelFinding{{FindingSymptoms, LevelSome}, {FindingInsight, LevelSome}, {FindingSocialFunction, LevelMarked}}},
}

// levelFinding is a criterion of mentalCriteria: the finding, met at the level.
type levelFinding struct {
	finding Finding
	level   Level
}

// levelOf returns the level of f the finding x is about (LevelUnknown for a finding
// that is not a level).
func (f *MentalFollowUp) levelOf(x Finding) Level {
	switch x {
	case FindingSymptoms:
		return f.Symptoms
	case FindingInsight:
		return f.Insight
	case FindingSocialFunction:
		return f.SocialFunction
	case FindingAdverseReaction:
		return f.AdverseReaction
	case FindingSomatic:
		return f.Somatic
	}
	return LevelUnknown
}

// ClassifyMental classifies the follow-up f of severe-mental-disorder patient p, given
// the earlier follow-ups (in any order; those on or after f.Date are ignored), by
// nbphs-spec §9.2 (see the classes of mentalClass):
//
//   - NotReached (未访到): no class of the patient's state; NextDue is left zero, so what
//     was due stays due (see NextVisit).
//   - Unstable: treat symptoms, then refer at once (urgent referral); learn the treatment
//     status within 2 weeks (NextDue 2 weeks).
//   - BasicallyStable: follow up at 2 weeks; when the immediately previous reached
//     follow-up was basically stable too (still not stable at the 2-week check), ask a
//     psychiatrist and follow up at 1 month (UNCONFIRMED in reference; implemented as
//     given).
//   - Stable: continue the plan, follow up at 3 months.
func ClassifyMental(p Patient, f MentalFollowUp, previous []MentalFollowUp) Assessment {
	var a Assessment
	if f.NotReached {
		a.Class = NotReached
		a.add(FindingNotReached)
		return a
	}
	a.Class, a.Findings = mentalClass(&f)
	switch a.Class {
	case Unstable:
		a.Referral, a.Urgent = true, true
		a.NextDue = smiRules.Unstable.After(f.Date)
	case BasicallyStable:
		a.NextDue = smiRules.BasicallyStable.After(f.Date)
		reached := func(i int) gongwei.Date {
			if previous[i].NotReached {
				return gongwei.Date{}
			}
			return previous[i].Date
		}
		if i := latestBefore(len(previous), reached, f.Date); i >= 0 {
			if c, _ := mentalClass(&previous[i]); c == BasicallyStable {
				a.add(FindingStillNotStable)
				a.NextDue = smiRules.StillBasicallyStable.After(f.Date)
			}
		}
	default:
		a.NextDue = smiRules.Stable.After(f.Date)
	}
	return a
}
