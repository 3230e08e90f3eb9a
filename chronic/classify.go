package chronic

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// Class is the classification of one follow-up (此次随访分类). Values 1 to 4 are the codes
// of the hypertension and diabetes follow-up forms (1 控制满意, 2 控制不满意, 3 不良反应,
// 4 并发症; nbphs-spec §7.3, codes UNCONFIRMED in reference); the others are the
// library's and stable.
type Class int

// The classes. Emergency precedes the control classes (nbphs-spec §7.3 "emergency checks
// run before classification"); the mental-disorder classes are those of nbphs-spec §9.2;
// the TB classes are the outcomes of §10.1 "Classified handling".
const (
	// NoClass is the zero Class: not classified.
	NoClass Class = 0
	// Satisfied is 控制满意: at target, no adverse reaction, no new or worsened complication.
	Satisfied Class = 1
	// Unsatisfied is 控制不满意: not at target.
	Unsatisfied Class = 2
	// AdverseReaction is 药物不良反应.
	AdverseReaction Class = 3
	// Complication is 并发症: a new or worsened complication.
	Complication Class = 4
	// Emergency is a visit that found an urgent-referral condition (紧急转诊).
	Emergency Class = 5

	// Unstable is 病情不稳定 (nbphs-spec §9.2).
	Unstable Class = 11
	// BasicallyStable is 病情基本稳定 (nbphs-spec §9.2).
	BasicallyStable Class = 12
	// Stable is 病情稳定 (nbphs-spec §9.2).
	Stable Class = 13
	// NotReached is 未访到: the patient could not be seen (nbphs-spec §9.2; also a failed
	// TB home visit, §10.1).
	NotReached Class = 14

	// Adherent: a TB patient taking the medicine as prescribed, no adverse reaction
	// (nbphs-spec §10.1).
	Adherent Class = 21
	// NotAdherent: a TB patient not taking the medicine as prescribed (nbphs-spec §10.1).
	NotAdherent Class = 22
)

var classKeys = map[Class]string{
	Satisfied: "chronic.class.satisfied", Unsatisfied: "chronic.class.unsatisfied",
	AdverseReaction: "chronic.class.adverse_reaction", Complication: "chronic.class.complication",
	Emergency: "chronic.class.emergency", Unstable: "chronic.class.unstable",
	BasicallyStable: "chronic.class.basically_stable", Stable: "chronic.class.stable",
	NotReached: "chronic.class.not_reached", Adherent: "chronic.class.adherent",
	NotAdherent: "chronic.class.not_adherent",
}

// IsValid reports whether c is a defined class other than NoClass.
func (c Class) IsValid() bool { _, ok := classKeys[c]; return ok }

// Label returns the name of c in the language tag.
func (c Class) Label(tag language.Tag) string {
	k, ok := classKeys[c]
	if !ok {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(k)
}

// String returns the simplified Chinese name of c.
func (c Class) String() string { return c.Label(language.SimplifiedChinese) }

// Finding is a reason behind an assessment, a stable code whose text is in the catalog
// under "chronic.finding.<code>".
type Finding string

// The findings.
const (
	FindingBPEmergency       Finding = "bp_emergency"        // SBP ≥180 and/or DBP ≥110 (§7.2, §8.1)
	FindingGlucoseHigh       Finding = "glucose_high"        // glucose ≥16.7 mmol/L (§8.1)
	FindingGlucoseLow        Finding = "glucose_low"         // glucose ≤3.9 mmol/L (§8.1)
	FindingTachycardia       Finding = "tachycardia"         // heart rate >100 /min (§8.1)
	FindingFever             Finding = "fever"               // temperature >39 °C (§8.1)
	FindingEmergencySign     Finding = "emergency_sign"      // a listed symptom or sign (§7.2, §8.1)
	FindingPregnancy         Finding = "pregnancy"           // pregnant or lactating with BP above normal (§7.2)
	FindingOtherEmergency    Finding = "other_emergency"     // a condition the institution cannot handle
	FindingNotAtTarget       Finding = "not_at_target"       // BP or glucose not at target
	FindingTwoUnsatisfied    Finding = "two_unsatisfied"     // unsatisfactory twice in a row
	FindingAdverseReaction   Finding = "adverse_reaction"    // an adverse drug reaction
	FindingReactionPersists  Finding = "reaction_persists"   // adverse reaction hard to control / not improved
	FindingComplication      Finding = "complication"        // new or worsened complication
	FindingRisk              Finding = "risk"                // risk level (§9.1)
	FindingSymptoms          Finding = "symptoms"            // psychiatric symptoms
	FindingInsight           Finding = "insight"             // insight
	FindingSocialFunction    Finding = "social_function"     // social function poor
	FindingSomatic           Finding = "somatic"             // serious somatic disease
	FindingMissedDoses       Finding = "missed_doses"        // TB: missed doses ≥1 week
	FindingNotReached        Finding = "not_reached"         // the patient was not seen
	FindingStillNotStable    Finding = "still_not_stable"    // basically stable twice in a row
	FindingTBReferralReasons Finding = "tb_referral_reasons" // TB: adverse reaction, complication or comorbidity
)

var findings = []Finding{
	FindingBPEmergency, FindingGlucoseHigh, FindingGlucoseLow, FindingTachycardia, FindingFever,
	FindingEmergencySign, FindingPregnancy, FindingOtherEmergency, FindingNotAtTarget,
	FindingTwoUnsatisfied, FindingAdverseReaction, FindingReactionPersists, FindingComplication,
	FindingRisk, FindingSymptoms, FindingInsight, FindingSocialFunction, FindingSomatic,
	FindingMissedDoses, FindingNotReached, FindingStillNotStable, FindingTBReferralReasons,
}

// Label returns the description of f in the language tag.
func (f Finding) Label(tag language.Tag) string {
	if !slices.Contains(findings, f) {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("chronic.finding." + string(f))
}

// Assessment is the outcome of classifying one follow-up: the class recorded on the
// form, whether to refer, and the date by which the next follow-up is due.
type Assessment struct {
	// Class is the classification (此次随访分类).
	Class Class
	// Referral reports that the patient is to be referred to a higher-level or specialist
	// institution.
	Referral bool
	// Urgent reports an urgent referral (紧急转诊) after first aid: an emergency condition
	// (nbphs-spec §7.2, §8.1) or an unstable mental-disorder patient (§9.2).
	Urgent bool
	// Report reports that the higher-level institution (TB, nbphs-spec §10.1) or, if
	// necessary, the police (severe mental disorder, §9.2) is to be informed.
	Report bool
	// NextDue is the date by which the next follow-up is due: the active follow-up of a
	// referral, the 2-week recheck, or the next routine follow-up.
	NextDue gongwei.Date
	// Findings are the reasons, in the order checked.
	Findings []Finding
}

func (a *Assessment) add(f Finding) { a.Findings = append(a.Findings, f) }

// Has reports whether f is among the findings of a.
func (a Assessment) Has(f Finding) bool { return slices.Contains(a.Findings, f) }

// VisitMode is how a follow-up was made (随访方式: 1 门诊, 2 家庭, 3 电话).
type VisitMode int

// The follow-up modes of the hypertension and diabetes follow-up forms.
const (
	Clinic VisitMode = 1 // 门诊
	Home   VisitMode = 2 // 家庭
	Phone  VisitMode = 3 // 电话
)

// IsValid reports whether m is one of the three modes.
func (m VisitMode) IsValid() bool { return m >= Clinic && m <= Phone }

// FaceToFace reports whether m is a face-to-face follow-up (clinic or home), the kind
// counted by "at least 4 face-to-face follow-ups a year" (nbphs-spec §7.2, §8).
func (m VisitMode) FaceToFace() bool { return m == Clinic || m == Home }

// Adherence is medication adherence (服药依从性), nbphs-spec §7.2 item 5: 1 规律, 2 间断,
// 3 不服药.
type Adherence int

// The adherence codes.
const (
	AdherenceUnknown Adherence = 0
	Regular          Adherence = 1 // 规律: as prescribed
	Intermittent     Adherence = 2 // 间断: not as prescribed
	NotTaking        Adherence = 3 // 不服药: prescribed but not used
)

// IsValid reports whether a is a code of the form or unknown (0).
func (a Adherence) IsValid() bool { return a >= AdherenceUnknown && a <= NotTaking }

// Sign is a symptom or sign of the urgent-referral lists (nbphs-spec §7.2, §8.1). Its
// values are stable codes.
type Sign string

// The signs of the urgent-referral lists.
const (
	SignConsciousness   Sign = "consciousness"     // 意识改变 (HT, DM: also behaviour)
	SignHeadache        Sign = "headache"          // 剧烈头痛或头晕 (HT)
	SignVomiting        Sign = "vomiting"          // 恶心呕吐 (HT; DM with poor appetite)
	SignBlurredVision   Sign = "blurred_vision"    // 视力模糊 (HT)
	SignEyePain         Sign = "eye_pain"          // 眼痛 (HT)
	SignPalpitations    Sign = "palpitations"      // 心悸 (HT; DM with sweating)
	SignChestTightness  Sign = "chest_tightness"   // 胸闷 (HT)
	SignOrthopnoea      Sign = "orthopnoea"        // 喘憋不能平卧 (HT)
	SignAcetoneBreath   Sign = "acetone_breath"    // 呼气有烂苹果丙酮味 (DM)
	SignPolyuria        Sign = "polyuria"          // 多饮、多尿 (DM)
	SignAbdominalPain   Sign = "abdominal_pain"    // 腹痛 (DM)
	SignKussmaul        Sign = "kussmaul"          // 深大呼吸 (DM)
	SignFlushedSkin     Sign = "flushed_skin"      // 皮肤潮红 (DM)
	SignVisionLoss      Sign = "vision_loss"       // 视力骤降 (DM)
	SignPregnancyHighBG Sign = "pregnancy_glucose" // 妊娠期及哺乳期血糖高于正常 (DM)
)

// hypertensionSigns are the symptoms of the hypertension urgent-referral list
// (nbphs-spec §7.2): altered consciousness; severe headache or dizziness; nausea or
// vomiting; blurred vision; eye pain; palpitations; chest tightness; breathlessness that
// prevents lying flat.
var hypertensionSigns = []Sign{
	SignConsciousness, SignHeadache, SignVomiting, SignBlurredVision, SignEyePain,
	SignPalpitations, SignChestTightness, SignOrthopnoea,
}

// diabetesSigns are the symptoms and sudden abnormalities of the diabetes urgent-referral
// list (nbphs-spec §8.1): altered consciousness or behaviour; acetone breath; palpitations
// and sweating; poor appetite, nausea, vomiting; polydipsia and polyuria; abdominal pain;
// Kussmaul breathing; flushed skin; sudden vision loss; pregnant or lactating with glucose
// above normal (judged by the clinician: the specification gives no figure).
var diabetesSigns = []Sign{
	SignConsciousness, SignAcetoneBreath, SignPalpitations, SignVomiting, SignPolyuria,
	SignAbdominalPain, SignKussmaul, SignFlushedSkin, SignVisionLoss, SignPregnancyHighBG,
}

// HypertensionSigns returns the signs of the hypertension urgent-referral list.
func HypertensionSigns() []Sign { return slices.Clone(hypertensionSigns) }

// DiabetesSigns returns the signs of the diabetes urgent-referral list.
func DiabetesSigns() []Sign { return slices.Clone(diabetesSigns) }

// checkSigns adds a problem for each sign not in allowed and each repeat.
func checkSigns(ve *gongwei.ValidationError, signs, allowed []Sign) {
	for i, s := range signs {
		field := "Signs[" + strconv.Itoa(i) + "]"
		switch {
		case !slices.Contains(allowed, s):
			ve.Add(field, gongwei.CodeUnknownCode)
		case slices.Index(signs, s) < i:
			ve.Add(field, gongwei.CodeDuplicate)
		}
	}
}

// latestBefore returns the index of the latest element of dates strictly before d, or -1.
func latestBefore(n int, date func(int) gongwei.Date, d gongwei.Date) int {
	best := -1
	for i := 0; i < n; i++ {
		x := date(i)
		if x.IsZero() || !x.Before(d) {
			continue
		}
		if best < 0 || x.After(date(best)) {
			best = i
		}
	}
	return best
}

// followUp is a hypertension or diabetes follow-up as the classification the two
// conditions share (classifyFollowUp) reads it, each fact given by the condition's own
// rules.
type followUp struct {
	date gongwei.Date
	// complication: a new or worsened complication; adverse: an adverse drug reaction;
	// persists: the reaction is hard to control or not improved.
	complication, adverse, persists bool
	// controlled: at the condition's target at this follow-up.
	controlled bool
	// prevUncontrolled reports whether the immediately previous follow-up was not at
	// target ("twice in a row"); it is called only when this one is not.
	prevUncontrolled func() bool
	// routine, recheck and referral are the condition's next-visit intervals.
	routine, recheck, referral Interval
}

// classifyFollowUp is the skeleton of hypertension and diabetes classification
// (nbphs-spec §7.2–§7.3, §8.1–§8.2), given a holding the emergency findings the
// condition's rules found:
//
//  1. Any emergency finding → Emergency, urgent referral, the referral followed up
//     after the referral interval.
//  2. Otherwise the class is Complication, else AdverseReaction, else Unsatisfied (not
//     at target), else Satisfied.
//  3. Referral: a complication; an adverse reaction that persists; not at target at f
//     and at the previous follow-up.
//  4. NextDue: the referral interval when referred, the routine one when satisfied, the
//     recheck one otherwise.
func classifyFollowUp(a Assessment, f followUp) Assessment {
	if len(a.Findings) > 0 {
		a.Class, a.Referral, a.Urgent = Emergency, true, true
		a.NextDue = f.referral.After(f.date)
		return a
	}
	switch {
	case f.complication:
		a.Class = Complication
	case f.adverse:
		a.Class = AdverseReaction
	case !f.controlled:
		a.Class = Unsatisfied
	default:
		a.Class = Satisfied
	}
	if !f.controlled {
		a.add(FindingNotAtTarget)
		if f.prevUncontrolled() {
			a.add(FindingTwoUnsatisfied)
			a.Referral = true
		}
	}
	if f.adverse {
		a.add(FindingAdverseReaction)
		if f.persists {
			a.add(FindingReactionPersists)
			a.Referral = true
		}
	}
	if f.complication {
		a.add(FindingComplication)
		a.Referral = true
	}
	switch {
	case a.Referral:
		a.NextDue = f.referral.After(f.date)
	case a.Class == Satisfied:
		a.NextDue = f.routine.After(f.date)
	default:
		a.NextDue = f.recheck.After(f.date)
	}
	return a
}
