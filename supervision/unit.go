package supervision

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// UnitKind is the kind of a supervised unit (被监督单位). The kinds follow the five items of
// nbphs-spec §13 (food, drinking water — rural centralised, urban secondary and school
// supply —, schools, illegal practice and blood collection, family planning) and the unit
// registries that work plans keep (plan-targets.md, 卫生监督协管: public places, medical
// institutions, occupational-hazard employers, family banquets).
type UnitKind string

// The unit kinds. The string values are stable codes.
const (
	KindFood            UnitKind = "food"             // 食品生产经营单位
	KindBanquet         UnitKind = "banquet"          // 农村家庭宴席 (information collected, plan-targets.md)
	KindPublicPlace     UnitKind = "public_place"     // 公共场所
	KindWaterCentral    UnitKind = "water_central"    // 农村集中式供水 (nbphs-spec §13 item 2)
	KindWaterSecondary  UnitKind = "water_secondary"  // 城市二次供水 (nbphs-spec §13 item 2)
	KindWaterSchool     UnitKind = "water_school"     // 学校供水 (nbphs-spec §13 item 2)
	KindSchool          UnitKind = "school"           // 学校 (nbphs-spec §13 item 3)
	KindMedical         UnitKind = "medical"          // 医疗机构 (plan-targets.md)
	KindOccupational    UnitKind = "occupational"     // 职业病危害因素用人单位 (plan-targets.md)
	KindFamilyPlanning  UnitKind = "family_planning"  // 计划生育技术服务机构 (nbphs-spec §13 item 5)
	KindIllegalPractice UnitKind = "illegal_practice" // 非法行医线索 (nbphs-spec §13 item 4)
	KindIllegalBlood    UnitKind = "illegal_blood"    // 非法采供血线索 (nbphs-spec §13 item 4)
)

// UnitKinds lists every kind, in the order of nbphs-spec §13 and plan-targets.md.
var UnitKinds = []UnitKind{
	KindFood, KindBanquet, KindPublicPlace, KindWaterCentral, KindWaterSecondary, KindWaterSchool,
	KindSchool, KindMedical, KindOccupational, KindFamilyPlanning, KindIllegalPractice, KindIllegalBlood,
}

// IsValid reports whether k is one of [UnitKinds].
func (k UnitKind) IsValid() bool { return slices.Contains(UnitKinds, k) }

// IsWater reports whether k is a drinking-water supply kind.
func (k UnitKind) IsWater() bool {
	return k == KindWaterCentral || k == KindWaterSecondary || k == KindWaterSchool
}

// ParseUnitKind reads a kind code, normalising full-width input and case.
func ParseUnitKind(s string) (UnitKind, error) {
	k := UnitKind(strings.ToLower(gongwei.NormalizeCode(s)))
	if !k.IsValid() {
		return "", fmt.Errorf("supervision: unit kind: %w", gongwei.ErrInvalid)
	}
	return k, nil
}

// UnitID identifies a supervised unit; the host assigns it.
type UnitID string

// Unit is the file of one supervised unit (一户一档, plan-targets.md 卫生监督协管).
type Unit struct {
	// ID identifies the unit's file in its store; Kind is what it is (a food business, a
	// public place, a water supply, a school, a medical institution ...).
	ID   UnitID
	Kind UnitKind
	// Name is the unit's registered name. Address is where it operates.
	Name    string
	Address string
	// Village is the 12-digit division code of the village or residents' committee where
	// the unit is (healthrecord.Village): indicators group by it.
	Village healthrecord.Village
	// Responsible is the name of the responsible person (法定代表人/负责人): personal
	// data, never put in an error.
	Responsible string
	// Registered is the date the unit entered the registry; Closed the date it left it
	// (closed down, moved away), zero while open.
	Registered gongwei.Date
	Closed     gongwei.Date
	// Licences are the unit's permits (食品经营许可证, 卫生许可证, 取水许可 ...).
	Licences []Licence
	// Practitioners are the staff who need a health certificate.
	Practitioners []Practitioner
	// Trainings are the unit's staff training sessions.
	Trainings []Training
	// Version is the optimistic-locking version (0 for a new unit).
	Version int64
}

// ActiveOn reports whether the unit is in the registry on d: registered on or before d
// and not closed on or before d.
func (u *Unit) ActiveOn(d gongwei.Date) bool {
	return !u.Registered.IsZero() && !u.Registered.After(d) && (u.Closed.IsZero() || d.Before(u.Closed))
}

// Licence is one permit held by a unit.
type Licence struct {
	// Kind names the permit (食品经营许可证 ...). Number is its number.
	Kind   string
	Number string
	// Issued and Expires bound its validity; Expires is the last valid day (zero: no
	// expiry).
	Issued  gongwei.Date
	Expires gongwei.Date
}

// ValidOn reports whether the licence is valid on d.
func (l Licence) ValidOn(d gongwei.Date) bool {
	return !l.Issued.After(d) && (l.Expires.IsZero() || !l.Expires.Before(d))
}

// Condition is one of the five conditions that bar a practitioner from work in direct
// contact with food, drinking water or customers until cured (五病, 从业人员“五病”调离,
// plan-targets.md: 五病人员调离率 100%). The reference names the rule, not the five: the
// list is that of the regulations on public places and food and water staff (痢疾、伤寒、
// 病毒性肝炎等消化道传染病, 活动性肺结核, 化脓性或者渗出性皮肤病), checked against
// reposts of the regulation; UNCONFIRMED in reference.
type Condition string

// The five disqualifying conditions.
const (
	ConditionDysentery Condition = "dysentery"       // 痢疾
	ConditionTyphoid   Condition = "typhoid"         // 伤寒
	ConditionHepatitis Condition = "viral_hepatitis" // 病毒性肝炎 (甲型、戊型)
	ConditionTB        Condition = "active_tb"       // 活动性肺结核
	ConditionSkin      Condition = "skin_disease"    // 化脓性或者渗出性皮肤病
)

// FiveConditions lists the five disqualifying conditions (五病).
var FiveConditions = []Condition{ConditionDysentery, ConditionTyphoid, ConditionHepatitis, ConditionTB, ConditionSkin}

// Practitioner is one member of a unit's staff who needs a health certificate.
type Practitioner struct {
	// Name is personal data, never put in an error.
	Name string
	// Certificate is the latest health certificate (健康证明).
	Certificate HealthCertificate
	// Conditions lists the disqualifying conditions found at the latest examination
	// (empty: none).
	Conditions []Condition
	// Removed is the date the practitioner was moved off work in direct contact (调离),
	// zero if not.
	Removed gongwei.Date
	// TrainingHours is the practitioner's training hours in the current year.
	TrainingHours float64
}

// Disqualified reports whether the practitioner has one of the five conditions.
func (p Practitioner) Disqualified() bool { return len(p.Conditions) > 0 }

// Cleared reports whether a disqualified practitioner has been removed (调离) on or
// before d; a practitioner with no condition is cleared.
func (p Practitioner) Cleared(d gongwei.Date) bool {
	return !p.Disqualified() || (!p.Removed.IsZero() && !p.Removed.After(d))
}

// HealthCertificate is a practitioner's health certificate (从业人员健康证明).
type HealthCertificate struct {
	Number  string       // the certificate's number
	Issued  gongwei.Date // the day of issue
	Expires gongwei.Date // last valid day
}

// ValidOn reports whether the certificate is valid on d.
func (c HealthCertificate) ValidOn(d gongwei.Date) bool {
	return !c.Issued.IsZero() && !c.Issued.After(d) && !c.Expires.IsZero() && !c.Expires.Before(d)
}

// Training is one training session of a unit's staff or of an assistant.
type Training struct {
	Date  gongwei.Date // the day of the session
	Topic string       // what was taught
	Hours float64      // the session's length in hours
	// Attendees is the number of people trained.
	Attendees int
}

// Validate reports every problem of the unit at once.
func (u *Unit) Validate() error { return u.validateOn(gongwei.Today()) }

func (u *Unit) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.Unit"
	u.plausible(&ve, today)
	ve.Check(u.ID != "", "ID", gongwei.CodeRequired)
	if u.Kind == "" {
		ve.Add("Kind", gongwei.CodeRequired)
	} else {
		ve.Check(u.Kind.IsValid(), "Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(strings.TrimSpace(u.Name) != "", "Name", gongwei.CodeRequired)
	checkVillage(&ve, u.Village)
	ve.Check(!u.Registered.IsZero(), "Registered", gongwei.CodeRequired)
	ve.Check(u.Closed.IsZero() || u.Registered.IsZero() || u.Registered.Before(u.Closed), "Closed", gongwei.CodeOrder)
	for i, l := range u.Licences {
		f := fmt.Sprintf("Licences[%d]", i)
		ve.Check(strings.TrimSpace(l.Kind) != "", f+".Kind", gongwei.CodeRequired)
		ve.Check(strings.TrimSpace(l.Number) != "", f+".Number", gongwei.CodeRequired)
		ve.Check(!l.Issued.IsZero(), f+".Issued", gongwei.CodeRequired)
		ve.Check(l.Expires.IsZero() || !l.Expires.Before(l.Issued), f+".Expires", gongwei.CodeOrder)
	}
	for i, p := range u.Practitioners {
		f := fmt.Sprintf("Practitioners[%d]", i)
		ve.Check(strings.TrimSpace(p.Name) != "", f+".Name", gongwei.CodeRequired)
		c := p.Certificate
		if !c.Issued.IsZero() || !c.Expires.IsZero() {
			ve.Check(!c.Issued.IsZero(), f+".Certificate.Issued", gongwei.CodeRequired)
			ve.Check(!c.Expires.IsZero(), f+".Certificate.Expires", gongwei.CodeRequired)
			ve.Check(c.Issued.IsZero() || c.Expires.IsZero() || c.Issued.Before(c.Expires), f+".Certificate.Expires", gongwei.CodeOrder)
		}
		for j, k := range p.Conditions {
			g := fmt.Sprintf("%s.Conditions[%d]", f, j)
			ve.Check(slices.Contains(FiveConditions, k), g, gongwei.CodeUnknownCode)
			ve.Check(!slices.Contains(p.Conditions[:j], k), g, gongwei.CodeDuplicate)
		}
		ve.Check(p.Removed.IsZero() || p.Disqualified(), f+".Removed", gongwei.CodeNotAllowed)
		ve.CheckRange(f+".TrainingHours", p.TrainingHours, 0, 2000)
	}
	for i, t := range u.Trainings {
		ve.Merge(fmt.Sprintf("Trainings[%d]", i), t.Validate())
	}
	return ve.Err()
}

// Validate checks a training record.
func (t Training) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.Training"
	ve.Check(!t.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(t.Topic) != "", "Topic", gongwei.CodeRequired)
	ve.CheckRange("Hours", t.Hours, 0.5, 24)
	ve.CheckRange("Attendees", float64(t.Attendees), 0, 100000)
	return ve.Err()
}

// CertificateStatus sums up a unit's practitioners on a date: how many need a
// certificate, how many hold a valid one, and the five-conditions removal figures
// (从业人员体检率, 五病人员调离率, plan-targets.md: both 100%).
type CertificateStatus struct {
	Practitioners int // staff who need a certificate
	Certified     int // of them, with a certificate valid on the date
	Disqualified  int // with one of the five conditions
	Removed       int // of them, removed (调离) on or before the date
}

// Certificates returns the unit's CertificateStatus on d.
func (u *Unit) Certificates(d gongwei.Date) CertificateStatus {
	var s CertificateStatus
	for _, p := range u.Practitioners {
		s.Practitioners++
		if p.Certificate.ValidOn(d) {
			s.Certified++
		}
		if p.Disqualified() {
			s.Disqualified++
			if p.Cleared(d) {
				s.Removed++
			}
		}
	}
	return s
}

// ExpiringCertificates returns the indexes of the practitioners whose certificate is
// missing, expired on d, or expires within the next days days (to renew in time).
func (u *Unit) ExpiringCertificates(d gongwei.Date, days int) []int {
	var out []int
	limit := d.AddDays(days)
	for i, p := range u.Practitioners {
		c := p.Certificate
		if c.Expires.IsZero() || c.Expires.Before(limit) || !c.ValidOn(d) {
			out = append(out, i)
		}
	}
	return out
}
