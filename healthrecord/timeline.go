package healthrecord

import (
	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// EventKind names a service recorded on a resident's service timeline. Its values are
// stable codes that stores may persist.
type EventKind string

// The services a timeline records: the parts of a health record beyond the cover and
// the personal basic information form (nbphs-spec §1.2 items 2-4: the health checkup,
// the priority-group management records and other encounters), one kind per service
// record the specification's services produce.
const (
	// EventBasicInfo is the creation or update of the cover and the personal basic
	// information form (封面、个人基本信息表). It is on the timeline for completeness but
	// is not a use of the record (nbphs-spec §1.3; see DynamicallyUsed).
	EventBasicInfo EventKind = "basic_info"
	// EventCheckup is a health checkup (健康体检表), nbphs-spec §1.5.
	EventCheckup EventKind = "checkup"
	// EventHypertensionFollowUp is a hypertension follow-up (高血压患者随访).
	EventHypertensionFollowUp EventKind = "hypertension_follow_up"
	// EventDiabetesFollowUp is a type-2 diabetes follow-up (2型糖尿病患者随访).
	EventDiabetesFollowUp EventKind = "diabetes_follow_up"
	// EventMentalFollowUp is a severe mental disorder follow-up (严重精神障碍患者随访).
	EventMentalFollowUp EventKind = "mental_follow_up"
	// EventTBVisit is a tuberculosis patient visit (肺结核患者随访).
	EventTBVisit EventKind = "tb_visit"
	// EventPrenatalVisit is a prenatal visit (产前随访服务).
	EventPrenatalVisit EventKind = "prenatal_visit"
	// EventPostpartumVisit is a postpartum home visit (产后访视).
	EventPostpartumVisit EventKind = "postpartum_visit"
	// EventPostpartumCheckup is the 42-day postpartum checkup (产后42天健康检查).
	EventPostpartumCheckup EventKind = "postpartum_checkup"
	// EventNewbornVisit is the newborn home visit (新生儿家庭访视).
	EventNewbornVisit EventKind = "newborn_visit"
	// EventChildCheckup is a scheduled child health checkup (儿童健康检查).
	EventChildCheckup EventKind = "child_checkup"
	// EventVaccination is a vaccination (预防接种).
	EventVaccination EventKind = "vaccination"
	// EventTCM is a traditional Chinese medicine health management service (中医药健康管理).
	EventTCM EventKind = "tcm"
	// EventElderlyAssessment is an elderly self-care ability assessment
	// (老年人生活自理能力评估).
	EventElderlyAssessment EventKind = "elderly_assessment"
	// EventConsultation is an encounter (接诊记录), nbphs-spec §1.2 item 4.
	EventConsultation EventKind = "consultation"
	// EventJointConsultation is a joint consultation (会诊记录), nbphs-spec §1.2 item 4.
	EventJointConsultation EventKind = "joint_consultation"
	// EventReferral is a referral (双向转诊).
	EventReferral EventKind = "referral"
)

// eventKinds lists every kind in a fixed order with its message key.
var eventKinds = []EventKind{
	EventBasicInfo, EventCheckup, EventHypertensionFollowUp, EventDiabetesFollowUp,
	EventMentalFollowUp, EventTBVisit, EventPrenatalVisit, EventPostpartumVisit,
	EventPostpartumCheckup, EventNewbornVisit, EventChildCheckup, EventVaccination, EventTCM,
	EventElderlyAssessment, EventConsultation, EventJointConsultation, EventReferral,
}

// EventKinds returns every event kind, in a fixed order.
func EventKinds() []EventKind { return append([]EventKind(nil), eventKinds...) }

// IsValid reports whether k is one of the kinds defined here.
func (k EventKind) IsValid() bool {
	for _, x := range eventKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Label returns the name of the service in the language tag.
func (k EventKind) Label(tag language.Tag) string {
	if !k.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("timeline.kind." + string(k))
}

// String returns the code of k.
func (k EventKind) String() string { return string(k) }

// StaffID identifies a health worker (a doctor, a nurse, a public health physician) in
// the host's staff register.
type StaffID string

// Provider is who delivered a service: the institution (its organisation code) and,
// when known, the health worker.
type Provider struct {
	// Institution is the code of the institution (乡镇卫生院, 社区卫生服务中心, 村卫生室).
	Institution string
	// Staff is the health worker who delivered the service.
	Staff StaffID
}

// ServiceEvent is one entry of a resident's service timeline: a service delivered on a
// date, pointing to the record that holds its detail. The timeline is how the record
// "is retrieved and updated with the new encounter" (nbphs-spec §1.3) and what the usage
// indicator counts (nbphs-spec §1.6; see DynamicallyUsed). Service packages append events
// through [Registry.RecordService].
type ServiceEvent struct {
	// Resident is whose record the service belongs to.
	Resident ResidentID
	// Kind is the service.
	Kind EventKind
	// Date is the date the service was delivered.
	Date gongwei.Date
	// Provider is who delivered it.
	Provider Provider
	// Ref is the ID of the source record (a CheckupID, a follow-up's ID), unique per
	// resident and kind; empty when there is no separate record.
	Ref string
}

// Validate reports every problem of e at once as a *gongwei.ValidationError: a missing
// resident or date, or a kind not defined here; a date before 1880 or after the day of
// recording (gongwei.CheckEventDate with gongwei.Today); invalid text in the provider or
// reference.
func (e ServiceEvent) Validate() error { return e.validateOn(gongwei.Today()) }

// validateOn is Validate with today as the day of recording (a Registry passes its own
// clock's day).
func (e ServiceEvent) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "healthrecord.ServiceEvent"
	gongwei.CheckEventDate(&ve, "Date", e.Date, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckText(&ve, "Resident", string(e.Resident), gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Institution", e.Provider.Institution, gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Staff", string(e.Provider.Staff), gongwei.TextShort)
	gongwei.CheckText(&ve, "Ref", e.Ref, gongwei.TextShort)
	ve.Check(e.Resident != "", "Resident", gongwei.CodeRequired)
	switch {
	case e.Kind == "":
		ve.Add("Kind", gongwei.CodeRequired)
	case !e.Kind.IsValid():
		ve.Add("Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!e.Date.IsZero(), "Date", gongwei.CodeRequired)
	return ve.Err()
}
