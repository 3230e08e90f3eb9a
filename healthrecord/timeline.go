package healthrecord

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// EventKind names a service recorded on a resident's service timeline. Its values are
// stable codes that stores may persist.
type EventKind string

// The services of the health record itself that a timeline records: the parts of a
// health record beyond the cover and the personal basic information form that this
// package keeps (nbphs-spec §1.2 items 2-4: the health checkup, the elderly and TCM
// services, and other encounters). The services of the other packages (follow-ups,
// prenatal and child visits, vaccinations) own their kinds and register them with
// RegisterEventKinds.
const (
	// EventBasicInfo is the creation or update of the cover and the personal basic
	// information form (封面、个人基本信息表). It is on the timeline for completeness but
	// is not a use of the record (nbphs-spec §1.3; see DynamicallyUsed).
	EventBasicInfo EventKind = "basic_info"
	// EventCheckup is a health checkup (健康体检表), nbphs-spec §1.5.
	EventCheckup EventKind = "checkup"
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

// The kinds of the other services, named here before those services registered their
// own. Each is valid, and labelled, once its service's package is linked into the
// program (its init registers it with RegisterEventKinds).
const (
	// EventHypertensionFollowUp is a hypertension follow-up (高血压患者随访).
	//
	// Deprecated: the chronic package owns this kind: use chronic.EventHypertensionFollowUp.
	EventHypertensionFollowUp EventKind = "hypertension_follow_up"
	// EventDiabetesFollowUp is a type-2 diabetes follow-up (2型糖尿病患者随访).
	//
	// Deprecated: the chronic package owns this kind: use chronic.EventDiabetesFollowUp.
	EventDiabetesFollowUp EventKind = "diabetes_follow_up"
	// EventMentalFollowUp is a severe mental disorder follow-up (严重精神障碍患者随访).
	//
	// Deprecated: the chronic package owns this kind: use chronic.EventMentalFollowUp.
	EventMentalFollowUp EventKind = "mental_follow_up"
	// EventTBVisit is a tuberculosis patient visit (肺结核患者随访).
	//
	// Deprecated: the chronic package owns this kind: use chronic.EventTBVisit.
	EventTBVisit EventKind = "tb_visit"
	// EventPrenatalVisit is a prenatal visit (产前随访服务).
	//
	// Deprecated: the maternal package owns this kind: use maternal.EventPrenatalVisit.
	EventPrenatalVisit EventKind = "prenatal_visit"
	// EventPostpartumVisit is a postpartum home visit (产后访视).
	//
	// Deprecated: the maternal package owns this kind: use maternal.EventPostpartumVisit.
	EventPostpartumVisit EventKind = "postpartum_visit"
	// EventPostpartumCheckup is the 42-day postpartum checkup (产后42天健康检查).
	//
	// Deprecated: the maternal package owns this kind: use maternal.EventPostpartumCheckup.
	EventPostpartumCheckup EventKind = "postpartum_checkup"
	// EventNewbornVisit is the newborn home visit (新生儿家庭访视).
	//
	// Deprecated: the child package owns this kind: use child.EventNewbornVisit.
	EventNewbornVisit EventKind = "newborn_visit"
	// EventChildCheckup is a scheduled child health checkup (儿童健康检查).
	//
	// Deprecated: the child package owns this kind: use child.EventChildCheckup.
	EventChildCheckup EventKind = "child_checkup"
	// EventVaccination is a vaccination (预防接种).
	//
	// Deprecated: the immunization package owns this kind: use immunization.EventVaccination.
	EventVaccination EventKind = "vaccination"
)

// kindSet is the set of registered kinds, in registration order. It is never changed
// once published: a registration publishes a new one, so that IsValid, called for every
// event a computation reads, takes no lock.
type kindSet struct {
	order []EventKind
	known map[EventKind]bool
}

var (
	kindsMu sync.Mutex // serialises registrations
	kinds   atomic.Pointer[kindSet]
)

// The kinds of this package, registered first (their labels are in messages_store.go).
func init() {
	own := []EventKind{EventBasicInfo, EventCheckup, EventTCM, EventElderlyAssessment,
		EventConsultation, EventJointConsultation, EventReferral}
	ks := &kindSet{order: own, known: map[EventKind]bool{}}
	for _, k := range own {
		ks.known[k] = true
	}
	kinds.Store(ks)
}

// EventKindLabel is an event kind with its label in each catalog language, as
// RegisterEventKinds takes it.
type EventKindLabel struct {
	Kind               EventKind
	ZhHans, ZhHant, En string
}

// RegisterEventKinds adds kinds to those a service timeline records, with their labels
// in simplified Chinese, traditional Chinese and English (the catalog key
// "timeline.kind.<kind>"). The package of the service that produces events of a kind
// calls it from an init function, so that a program linking the service accepts and
// labels its events (chronic registers the follow-ups, immunization the vaccinations);
// a host may register the kinds of services of its own the same way. It registers all
// or none: it fails with an error wrapping gongwei.ErrInvalid when a kind or a label is
// empty, and gongwei.ErrDuplicate when a kind is registered already or given twice.
func RegisterEventKinds(ks ...EventKindLabel) error {
	kindsMu.Lock()
	defer kindsMu.Unlock()
	old := kinds.Load()
	next := &kindSet{order: slices.Clip(old.order), known: maps.Clone(old.known)}
	ms := make([]gongwei.Message, 0, len(ks))
	for _, k := range ks {
		if k.Kind == "" || k.ZhHans == "" || k.ZhHant == "" || k.En == "" {
			return fmt.Errorf("healthrecord: register event kinds: a kind and its three labels are required: %w", gongwei.ErrInvalid)
		}
		if next.known[k.Kind] {
			return fmt.Errorf("healthrecord: register event kind %s: %w", k.Kind, gongwei.ErrDuplicate)
		}
		next.known[k.Kind] = true
		next.order = append(next.order, k.Kind)
		ms = append(ms, gongwei.Message{Key: "timeline.kind." + string(k.Kind), ZhHans: k.ZhHans, ZhHant: k.ZhHant, En: k.En})
	}
	gongwei.RegisterMessages(ms...)
	kinds.Store(next)
	return nil
}

// EventKinds returns every registered event kind: this package's in a fixed order,
// then those the linked service packages (and the host) registered, in the order of
// registration.
func EventKinds() []EventKind { return slices.Clone(kinds.Load().order) }

// IsValid reports whether k is a registered kind (see RegisterEventKinds).
func (k EventKind) IsValid() bool { return kinds.Load().known[k] }

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
// resident or date, or a kind not registered (RegisterEventKinds); a date before 1880 or after the day of
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
