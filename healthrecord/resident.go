package healthrecord

import (
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
	Reason ClosureReason
	Date   gongwei.Date
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
	c.Tags = append([]Tag(nil), r.Tags...)
	c.Info = r.Info.clone()
	return &c
}
