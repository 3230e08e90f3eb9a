package healthrecord

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// ResidentID is the key of a resident's health record in a Store. It is opaque to the
// library; the Registry assigns the archive number's 17 digits by default.
type ResidentID string

// Resident is one resident's health record (居民健康档案): the cover (封面) with the archive
// number, and the personal basic information form (个人基本信息表, 2017 edition)
// (nbphs-spec §1.2). Checkups, assessments and service events are separate records that
// refer to it by ID.
type Resident struct {
	// ID is the store key; see ResidentID.
	ID ResidentID
	// Archive is the 17-digit record number (健康档案编号).
	Archive ArchiveNumber
	// IDNumber is the citizen ID number, the identity key across records (nbphs-spec
	// §1.4). It may be zero for a child without one.
	IDNumber IDNumber
	// Name is stored exactly as given (data-standards §6.2): never rewritten.
	Name string
	// Sex by GB/T 2261.1.
	Sex gongwei.Sex
	// BirthDate is the date of birth.
	BirthDate gongwei.Date
	// Household is the family record (家庭档案) the resident belongs to, if any.
	Household HouseholdID
	// Created is the date the record was created (建档日期).
	Created gongwei.Date

	// Cover (封面) items besides the number, name and creation date. The list follows the
	// printed cover; it is not in the reference (UNCONFIRMED in reference).

	// Address is the current address (现住址).
	Address string
	// RegisteredAddress is the household-registration address (户籍地址).
	RegisteredAddress string
	// TownshipName and VillageName are the names of the township (乡镇/街道) and of the
	// village or residents' committee (村/居委会).
	TownshipName string
	VillageName  string
	// Institution is the record-creating institution (建档单位).
	Institution string
	// Creator is the person who created the record (建档人).
	Creator string
	// Doctor is the responsible doctor (责任医生).
	Doctor string
	// Electronic reports whether the record is held as an electronic health record
	// (电子健康档案), counted by the 电子建档率 indicator (nbphs-spec §1.6).
	Electronic bool
	// Tags are the key-population tags (重点人群) the services have attached.
	Tags []Tag
	// Info is the personal basic information form.
	Info BasicInfo
	// Closure records the end of the record's active life (death, move-out, loss to
	// follow-up), nbphs-spec §1.3; zero while the record is active.
	Closure Closure
	// Derived is the outcome of the rules the Registry derived when it saved the record,
	// with the edition of the rules that produced it (see ResidentOutcome and
	// RulesEdition). Read it through Outcome, which recomputes an outcome of another
	// edition; the zero value means "not derived".
	Derived ResidentOutcome
	// Version is the optimistic-concurrency version, managed by the Registry: 0 for a
	// record never stored, then 1, 2, ... on each successful put.
	Version int64
}

// HouseholdID is the key of a household record (家庭档案).
type HouseholdID string

// Tag is a key-population tag (重点人群标签) on a resident record or a family-doctor
// contract.
type Tag string

// Key-population tags: the priority groups of the record service (nbphs-spec §1.1) and
// the groups family-doctor contracts single out.
const (
	TagElderly      Tag = "elderly"       // 65岁及以上老年人
	TagHypertension Tag = "hypertension"  // 高血压患者
	TagDiabetes     Tag = "diabetes"      // 2型糖尿病患者
	TagSevereMental Tag = "severe_mental" // 严重精神障碍患者
	TagTuberculosis Tag = "tuberculosis"  // 肺结核患者
	TagPregnant     Tag = "pregnant"      // 孕产妇
	TagChild        Tag = "child"         // 0-6岁儿童
	TagDisabled     Tag = "disabled"      // 残疾人
	TagPoor         Tag = "poor"          // 贫困人口 (低保、特困)
)

// AllTags lists the tags in a fixed order.
var AllTags = []Tag{TagElderly, TagHypertension, TagDiabetes, TagSevereMental, TagTuberculosis, TagPregnant, TagChild, TagDisabled, TagPoor}

// HasTag reports whether r carries tag t.
func (r *Resident) HasTag(t Tag) bool {
	for _, x := range r.Tags {
		if x == t {
			return true
		}
	}
	return false
}

// ClosureReason is why a record stopped being active (nbphs-spec §1.3).
type ClosureReason int

// Reasons for closing a record.
const (
	NotClosed      ClosureReason = iota
	ClosedDeath                  // 死亡
	ClosedMovedOut               // 迁出
	ClosedLost                   // 失访
)

// Closure is the end of a record's active life.
type Closure struct {
	// Reason is death, moving out or loss to follow-up; NotClosed for an active record.
	Reason ClosureReason
	// Date is the day the record was closed (the day of death, of moving out ...).
	Date gongwei.Date
	// Cause is the cause of death, for ClosedDeath.
	Cause string
	// Destination is where the resident moved, for ClosedMovedOut.
	Destination string
}

// ActiveOn reports whether the record is active on date d: created on or before d and
// not closed (by death or moving out or loss) on or before d.
func (r *Resident) ActiveOn(d gongwei.Date) bool {
	if !r.Created.IsZero() && r.Created.After(d) {
		return false
	}
	return r.Closure.Reason == NotClosed || r.Closure.Date.After(d)
}

// Clone returns a deep copy of r: changing the copy never changes r. Stores use it so
// that a caller's later changes do not leak into stored records.
func (r *Resident) Clone() *Resident {
	c := *r
	c.Tags = slices.Clone(r.Tags)
	c.Info = r.Info.clone()
	return &c
}

// Validation codes of Resident.
const (
	// CodeIDBirthMismatch: the birth date differs from the one the ID number encodes.
	CodeIDBirthMismatch gongwei.Code = "resident.id_birth"
	// CodeIDSexMismatch: the sex differs from the one the ID number encodes.
	CodeIDSexMismatch gongwei.Code = "resident.id_sex"
)

// ChildFormAge is the age in completed years up to which children do not fill the
// personal basic information form: "children 0-6 do not fill this form"
// (data-standards §3.1; nbphs-spec §1.6); their basic data are on the newborn home-visit
// form.
const ChildFormAge = 6

// IsChildOn reports whether r is aged 0-6 (completed years) on date on, and so exempt
// from the personal basic information form. It is false when the birth date is unknown.
func (r *Resident) IsChildOn(on gongwei.Date) bool {
	if r.BirthDate.IsZero() || on.IsZero() || on.Before(r.BirthDate) {
		return false
	}
	return r.BirthDate.AgeYears(on) <= ChildFormAge
}

// FormDate is the date of the personal basic information form: the date it was last
// changed, or else the creation date.
func (r *Resident) FormDate() gongwei.Date {
	if !r.Info.Updated.IsZero() {
		return r.Info.Updated
	}
	return r.Created
}

// Validate checks the record and reports every problem at once as a
// *gongwei.ValidationError (errors.Is(err, gongwei.ErrInvalid) holds). Messages name
// fields and codes, never the values.
//
//   - Name, a valid Sex, BirthDate and Archive are required.
//   - With an ID number, BirthDate and Sex must match what it encodes
//     (CodeIDBirthMismatch, CodeIDSexMismatch; data-standards §1.2).
//   - Created is not before birth; Info.Updated is not before Created.
//   - Closure: a closed record has a date on or after Created, a death its cause and a
//     move-out its destination; an open one has none of these (nbphs-spec §1.3).
//   - Tags are known and listed once.
//   - Plausibility (gongwei.CheckBirthDate, CheckEventDate, CheckName, CheckText): the
//     birth not before gongwei.EarliestBirth nor after Created or the day of recording
//     (gongwei.Today, plus gongwei.RecordingToleranceDays); Created, Info.Updated and the
//     closure date neither before 1880 nor after the day of recording; a name that shows
//     nothing is missing; no text holds invalid UTF-8 or control characters or exceeds
//     the limit of its kind (gongwei.TextLimits).
//   - The personal basic information form is checked by [BasicInfo.ValidateFor] against
//     birth and the form date. Of a resident aged 7 or more on the form date it demands
//     Residence (常住类型), without which the record cannot be placed among the 常住居民
//     that every rate of the service counts; children aged 0-6, who do not fill the form
//     (data-standards §3.1), are not asked for it. The other items are demanded for
//     completeness only: see Missing.
func (r *Resident) Validate() error {
	ve := gongwei.ValidationError{Record: "healthrecord.Resident"}
	r.validateOn(&ve, gongwei.Today())
	return ve.Err()
}

// validateOn adds the problems of r to ve, bounding its dates by the day of recording
// today.
func (r *Resident) validateOn(ve *gongwei.ValidationError, today gongwei.Date) {
	gongwei.CheckName(ve, "Name", r.Name)
	ve.Check(r.Sex.IsValid(), "Sex", gongwei.CodeUnknownCode)
	ve.Check(!r.BirthDate.IsZero(), "BirthDate", gongwei.CodeRequired)
	ve.Check(!r.Archive.IsZero(), "Archive", gongwei.CodeRequired)
	if !r.IDNumber.IsZero() {
		if !r.BirthDate.IsZero() && r.BirthDate != r.IDNumber.BirthDate() {
			ve.Add("BirthDate", CodeIDBirthMismatch)
		}
		if r.Sex.IsValid() && r.Sex != r.IDNumber.Sex() {
			ve.Add("Sex", CodeIDSexMismatch)
		}
	}
	if !r.Created.IsZero() && !r.BirthDate.IsZero() && r.Created.Before(r.BirthDate) {
		ve.Add("Created", gongwei.CodeBeforeBirth)
	}
	if !r.Info.Updated.IsZero() && !r.Created.IsZero() && r.Info.Updated.Before(r.Created) {
		ve.Add("Info.Updated", gongwei.CodeOrder)
	}
	gongwei.CheckBirthDate(ve, "BirthDate", r.BirthDate, r.Created, today)
	gongwei.CheckEventDate(ve, "Created", r.Created, r.BirthDate, gongwei.Date{}, today)
	gongwei.CheckEventDate(ve, "Info.Updated", r.Info.Updated, gongwei.Date{}, gongwei.Date{}, today) // the form checks it against the birth
	checkTextFields(ve, []textField{
		{"Address", r.Address, gongwei.TextAddress},
		{"RegisteredAddress", r.RegisteredAddress, gongwei.TextAddress},
		{"TownshipName", r.TownshipName, gongwei.TextName},
		{"VillageName", r.VillageName, gongwei.TextName},
		{"Institution", r.Institution, gongwei.TextName},
		{"Creator", r.Creator, gongwei.TextName},
		{"Doctor", r.Doctor, gongwei.TextName},
		{"Closure.Cause", r.Closure.Cause, gongwei.TextNote},
		{"Closure.Destination", r.Closure.Destination, gongwei.TextAddress},
	})
	r.validateClosure(ve)
	gongwei.CheckEventDate(ve, "Closure.Date", r.Closure.Date, r.BirthDate, gongwei.Date{}, today)
	for i, t := range r.Tags {
		if !biContains(AllTags, t) {
			ve.Add(indexed("Tags", i, ""), gongwei.CodeUnknownCode)
			continue
		}
		if biContains(r.Tags[:i], t) {
			ve.Add(indexed("Tags", i, ""), gongwei.CodeDuplicate)
		}
	}
	formDate := r.FormDate()
	ve.Merge("Info", r.Info.ValidateFor(r.BirthDate, formDate))
	if !r.IsChildOn(formDate) && r.Info.Residence == "" {
		ve.Add("Info.Residence", gongwei.CodeRequired)
	}
}

func (r *Resident) validateClosure(ve *gongwei.ValidationError) {
	c := r.Closure
	switch c.Reason {
	case NotClosed:
		ve.Check(c.Date.IsZero(), "Closure.Date", gongwei.CodeNotAllowed)
		ve.Check(c.Cause == "", "Closure.Cause", gongwei.CodeNotAllowed)
		ve.Check(c.Destination == "", "Closure.Destination", gongwei.CodeNotAllowed)
		return
	case ClosedDeath, ClosedMovedOut, ClosedLost:
	default:
		ve.Add("Closure.Reason", gongwei.CodeUnknownCode)
		return
	}
	if c.Date.IsZero() {
		ve.Add("Closure.Date", gongwei.CodeRequired)
	} else {
		if !r.Created.IsZero() && c.Date.Before(r.Created) {
			ve.Add("Closure.Date", gongwei.CodeOrder)
		}
		if !r.BirthDate.IsZero() && c.Date.Before(r.BirthDate) {
			ve.Add("Closure.Date", gongwei.CodeBeforeBirth)
		}
	}
	hasCause, hasDest := !blank(c.Cause), !blank(c.Destination)
	switch c.Reason {
	case ClosedDeath:
		ve.Check(hasCause, "Closure.Cause", gongwei.CodeRequired)
		ve.Check(!hasDest, "Closure.Destination", gongwei.CodeNotAllowed)
	case ClosedMovedOut:
		ve.Check(hasDest, "Closure.Destination", gongwei.CodeRequired)
		ve.Check(!hasCause, "Closure.Cause", gongwei.CodeNotAllowed)
	case ClosedLost:
		ve.Check(!hasCause, "Closure.Cause", gongwei.CodeNotAllowed)
		ve.Check(!hasDest, "Closure.Destination", gongwei.CodeNotAllowed)
	}
}

// coverRequired lists the cover items a complete record (合格档案, nbphs-spec §1.6) must
// have, with the identity items of the basic information form's header. Which cover items
// are mandatory is not in the reference (UNCONFIRMED in reference): these are the number,
// the identity, the current address and the creation date.
var coverRequired = []struct {
	path   string
	filled func(*Resident) bool
}{
	{"Archive", func(r *Resident) bool { return !r.Archive.IsZero() }},
	{"Name", func(r *Resident) bool { return !blank(r.Name) }},
	{"Sex", func(r *Resident) bool { return r.Sex.IsValid() }},
	{"BirthDate", func(r *Resident) bool { return !r.BirthDate.IsZero() }},
	{"Address", func(r *Resident) bool { return !blank(r.Address) }},
	{"Created", func(r *Resident) bool { return !r.Created.IsZero() }},
}

// Missing lists the field paths ("Address", "Info.Family.Father") of the items the record
// lacks to count as created (建档) for the 健康档案建档率 on date on: a record counts when
// the cover and the personal basic information form are complete (nbphs-spec §1.6).
// Children aged 0-6 on date on need no basic information form (data-standards §3.1), so
// only the cover is asked of them. The ID number is not required: a child may have none.
func (r *Resident) Missing(on gongwei.Date) []string {
	var out []string
	for _, it := range coverRequired {
		if !it.filled(r) {
			out = append(out, it.path)
		}
	}
	if r.IsChildOn(on) {
		return out
	}
	for _, p := range r.Info.Missing() {
		out = append(out, "Info."+p)
	}
	return out
}

// Complete reports whether the record counts as created on date on: valid and with
// nothing Missing (nbphs-spec §1.6).
func (r *Resident) Complete(on gongwei.Date) bool {
	return len(r.Missing(on)) == 0 && r.Validate() == nil
}
