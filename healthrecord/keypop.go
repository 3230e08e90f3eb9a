package healthrecord

import "github.com/gongwei-lib/gongwei"

// ElderlyMinAgePlan60 is the elderly age some local plans count from (60岁以上老年人:
// plan-targets.md, "60岁以上老人…建档率 / 健康体检率" and "60岁以上老年人每年体检率"),
// instead of the specification's ElderlyMinAge. It is a plan's choice, never the
// national rule: pass it where an option takes an elderly age.
const ElderlyMinAgePlan60 = 60

// ChildMaxAge is the oldest age in completed years of the children served by 0～6岁儿童
// 健康管理 (nbphs-spec §4: children aged 0-6 years resident in the area).
const ChildMaxAge = 6

// IsAgedOn reports whether a person born on birth is minAge or more in completed years
// on date on: IsElderlyOn with the elderly age a plan sets (ElderlyMinAge, or
// ElderlyMinAgePlan60). A zero date gives false.
func IsAgedOn(birth, on gongwei.Date, minAge int) bool {
	if birth.IsZero() || on.IsZero() {
		return false
	}
	return birth.AgeYears(on) >= minAge
}

// ManagedFrom is Checkup.ElderlyManaged with the elderly age minAge: the resident is
// minAge or older on the checkup date, and the checkup is valid and complete.
func (c *Checkup) ManagedFrom(birth gongwei.Date, minAge int) bool {
	return IsAgedOn(birth, c.Date, minAge) && c.ValidateFor(birth) == nil && c.Complete(birth)
}

// TCMManagedFrom is Checkup.TCMManaged with the elderly age minAge.
func (c *Checkup) TCMManagedFrom(birth gongwei.Date, minAge int) bool {
	return IsAgedOn(birth, c.Date, minAge) && c.TCM != nil && c.TCM.Complete()
}

// KeyGroup is one of the key populations (重点人群) of family-doctor contracting. Its
// values are stable.
type KeyGroup string

// The key populations of the 2016 national guidance on family-doctor contracting (关于推进
// 家庭医生签约服务的指导意见: the elderly, pregnant and postpartum women, children, people
// with disabilities, and patients with hypertension, diabetes, TB or severe mental
// disorders; plan-services.md §2.5).
const (
	KeyElderly      KeyGroup = "elderly"       // 老年人 (ElderlyMinAge, or the plan's age)
	KeyPregnant     KeyGroup = "pregnant"      // 孕产妇 (TagPregnant)
	KeyChild        KeyGroup = "child"         // 0～6岁儿童 (ChildMaxAge)
	KeyDisabled     KeyGroup = "disabled"      // 残疾人 (TagDisabled)
	KeyHypertension KeyGroup = "hypertension"  // 高血压患者 (TagHypertension)
	KeyDiabetes     KeyGroup = "diabetes"      // 2型糖尿病患者 (TagDiabetes)
	KeyTuberculosis KeyGroup = "tuberculosis"  // 肺结核患者 (TagTuberculosis)
	KeySevereMental KeyGroup = "severe_mental" // 严重精神障碍患者 (TagSevereMental)
)

// KeyGroups lists the key populations in the guidance's order.
var KeyGroups = []KeyGroup{KeyElderly, KeyPregnant, KeyChild, KeyDisabled, KeyHypertension, KeyDiabetes, KeyTuberculosis, KeySevereMental}

// keyGroupTags are the key populations read from the tags the services attach.
var keyGroupTags = map[KeyGroup]Tag{
	KeyPregnant: TagPregnant, KeyDisabled: TagDisabled, KeyHypertension: TagHypertension,
	KeyDiabetes: TagDiabetes, KeyTuberculosis: TagTuberculosis, KeySevereMental: TagSevereMental,
}

// In reports whether r belongs to key population g on date on, with elderlyMinAge the
// elderly age (0 means ElderlyMinAge): by age for the elderly and children 0-6, by the
// tag the services attach for the others.
func (g KeyGroup) In(r *Resident, on gongwei.Date, elderlyMinAge int) bool {
	switch g {
	case KeyElderly:
		if elderlyMinAge <= 0 {
			elderlyMinAge = ElderlyMinAge
		}
		return IsAgedOn(r.BirthDate, on, elderlyMinAge)
	case KeyChild:
		return !r.BirthDate.IsZero() && !r.BirthDate.After(on) && r.BirthDate.AgeYears(on) <= ChildMaxAge
	}
	t, ok := keyGroupTags[g]
	return ok && r.HasTag(t)
}

// InKeyPopulation reports whether r belongs to any key population on date on (see
// KeyGroup.In).
func (r *Resident) InKeyPopulation(on gongwei.Date, elderlyMinAge int) bool {
	for _, g := range KeyGroups {
		if g.In(r, on, elderlyMinAge) {
			return true
		}
	}
	return false
}
