package child

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ChildID identifies a child's management record. The default is the child's
// healthrecord.ResidentID: one record per child.
type ChildID string

// VisitID identifies a visit record.
type VisitID string

// ScreenResult is the result of a newborn disease screen (新生儿疾病筛查).
type ScreenResult uint8

// Newborn disease screening results, as on the newborn home visit form (nbphs-spec §4.4
// [R72]). The zero value means "not recorded".
const (
	ScreenNotRecorded ScreenResult = iota // 未记录
	ScreenNormal                          // 筛查未见异常
	ScreenAbnormal                        // 筛查阳性/异常
	ScreenNotDone                         // 未筛查
	ScreenUnknown                         // 不详
)

// Screened reports whether a screen was done (normal or abnormal).
func (r ScreenResult) Screened() bool { return r == ScreenNormal || r == ScreenAbnormal }

// HearingResult is the result of the newborn hearing screen.
type HearingResult uint8

// Newborn hearing screening results of the newborn form: 通过/未通过/未筛查/不详
// (nbphs-spec §4.4 [R72]). The zero value means "not recorded".
const (
	HearingNotRecorded HearingResult = iota // 未记录
	HearingPass                             // 通过
	HearingRefer                            // 未通过
	HearingNotScreened                      // 未筛查
	HearingUnknown                          // 不详
)

// Screened reports whether the hearing screen was done (pass or refer).
func (r HearingResult) Screened() bool { return r == HearingPass || r == HearingRefer }

// Screening is the newborn screening of a child: the metabolic diseases the newborn form
// lists (甲低, PKU, others) and hearing (nbphs-spec §4.4 [R72]).
type Screening struct {
	// Hypothyroidism is congenital hypothyroidism (先天性甲状腺功能减低症, 甲低).
	Hypothyroidism ScreenResult
	// PKU is phenylketonuria (苯丙酮尿症).
	PKU ScreenResult
	// Other covers the other diseases a province screens for.
	Other ScreenResult
	// Hearing is the newborn hearing screen.
	Hearing HearingResult
}

// DiseaseScreened reports whether the child was screened for the listed diseases
// (甲低 and PKU both done).
func (s Screening) DiseaseScreened() bool { return s.Hypothyroidism.Screened() && s.PKU.Screened() }

// MaternalFlags are facts carried from the mother's pregnancy record that change the
// child's care: the infections screened in pregnancy for the prevention of
// mother-to-child transmission (the mother's HBsAg-positive status calls for hepatitis B
// immunoglobulin at birth).
type MaternalFlags struct {
	HBsAgPositive    bool // 乙肝表面抗原阳性
	SyphilisPositive bool // 梅毒感染
	HIVPositive      bool // 艾滋病感染
}

// Child is a child's management record (0～6岁儿童健康管理), linked to the child's health
// record and, where known, the mother's.
type Child struct {
	// ID identifies the record; the default is Resident.
	ID ChildID
	// Resident is the child's health record.
	Resident healthrecord.ResidentID
	// Village is the 12-digit village code of the child's record (see
	// healthrecord.Village): indicators group by it.
	Village healthrecord.Village
	// Mother is the mother's health record, when known.
	Mother healthrecord.ResidentID
	// Sex is male or female (the growth standards are by sex).
	Sex gongwei.Sex
	// BirthDate is the date of birth.
	BirthDate gongwei.Date
	// DischargeDate is the date mother and child left hospital; zero for a birth at home
	// (the newborn visit window then starts at birth).
	DischargeDate gongwei.Date
	// GestationWeeks and GestationDays are the gestational age at birth (e.g. 38+2);
	// 0 weeks = unknown.
	GestationWeeks, GestationDays int
	// BirthWeightG is the birth weight in grams; 0 = unknown.
	BirthWeightG int
	// BirthLengthCm is the birth length in cm; 0 = unknown.
	BirthLengthCm float64
	// Multiple marks twins and other multiple births.
	Multiple bool
	// Defects lists birth defects found (free text or codes); empty when none.
	Defects []string
	// Screening is the newborn screening.
	Screening Screening
	// Maternal holds the flags carried from the mother's record.
	Maternal MaternalFlags
	// DeathDate is the date of death; zero while alive.
	DeathDate gongwei.Date
	// Version is the optimistic-locking version (see Store).
	Version int64
}

// Clone returns a deep copy of c.
func (c *Child) Clone() *Child {
	d := *c
	d.Defects = slices.Clone(c.Defects)
	return &d
}

// Normalize cleans text typed through Chinese input methods (full-width characters,
// spaces) in place.
func (c *Child) Normalize() {
	c.ID = ChildID(gongwei.Normalize(string(c.ID)))
	c.Resident = healthrecord.ResidentID(gongwei.Normalize(string(c.Resident)))
	c.Mother = healthrecord.ResidentID(gongwei.Normalize(string(c.Mother)))
	c.Village = healthrecord.Village(gongwei.NormalizeCode(string(c.Village)))
	for i, d := range c.Defects {
		c.Defects[i] = gongwei.Normalize(d)
	}
}

// Plausibility ranges of the birth details (a data-entry check, not a clinical rule).
// The birth weight's is healthrecord.BirthWeightRange, shared with the immunization
// registration.
const (
	minGestationWeeks, maxGestationWeeks = 20, 45
	minBirthLengthCm, maxBirthLengthCm   = 20.0, 70.0
)

// Validate reports every problem of c at once as a *gongwei.ValidationError.
//
// Plausibility: the birth is not before 1880 nor after the day of recording
// (gongwei.CheckBirthDate with gongwei.Today), the discharge and the death neither before
// 1880 nor after the day of recording (gongwei.CheckEventDate); the defects and keys hold
// no invalid text (gongwei.CheckText).
func (c *Child) Validate() error { return c.validateOn(gongwei.Today()) }

func (c *Child) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "child.Child"
	gongwei.CheckBirthDate(&ve, "BirthDate", c.BirthDate, gongwei.Date{}, today)
	gongwei.CheckEventDate(&ve, "DischargeDate", c.DischargeDate, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckEventDate(&ve, "DeathDate", c.DeathDate, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckText(&ve, "Resident", string(c.Resident), gongwei.TextShort)
	gongwei.CheckText(&ve, "Mother", string(c.Mother), gongwei.TextShort)
	for i, d := range c.Defects {
		if !gongwei.TextValid(d, gongwei.TextShort) {
			gongwei.CheckText(&ve, "Defects["+strconv.Itoa(i)+"]", d, gongwei.TextShort)
		}
	}
	ve.Check(c.Resident != "", "Resident", gongwei.CodeRequired)
	if c.Village == "" {
		ve.Add("Village", gongwei.CodeRequired)
	} else if _, err := healthrecord.ParseVillage(string(c.Village)); err != nil {
		ve.Add("Village", gongwei.CodeFormat)
	}
	ve.Check(c.Mother == "" || c.Mother != c.Resident, "Mother", gongwei.CodeNotAllowed)
	if _, ok := sexIndex(c.Sex); !ok {
		ve.Add("Sex", CodeSex)
	}
	ve.Check(!c.BirthDate.IsZero(), "BirthDate", gongwei.CodeRequired)
	if !c.DischargeDate.IsZero() && c.DischargeDate.Before(c.BirthDate) {
		ve.Add("DischargeDate", gongwei.CodeBeforeBirth)
	}
	if !c.DeathDate.IsZero() && c.DeathDate.Before(c.BirthDate) {
		ve.Add("DeathDate", gongwei.CodeBeforeBirth)
	}
	if c.GestationWeeks != 0 {
		ve.CheckRange("GestationWeeks", float64(c.GestationWeeks), minGestationWeeks, maxGestationWeeks)
	}
	ve.CheckRange("GestationDays", float64(c.GestationDays), 0, 6)
	if c.BirthWeightG != 0 {
		ve.CheckRange("BirthWeightG", float64(c.BirthWeightG), healthrecord.BirthWeightRange.Min, healthrecord.BirthWeightRange.Max)
	}
	if c.BirthLengthCm != 0 {
		ve.CheckRange("BirthLengthCm", c.BirthLengthCm, minBirthLengthCm, maxBirthLengthCm)
	}
	for i, d := range c.Defects {
		ve.Check(!gongwei.IsBlank(d), "Defects["+strconv.Itoa(i)+"]", gongwei.CodeRequired)
	}
	ve.Check(c.Screening.Hypothyroidism <= ScreenUnknown, "Screening.Hypothyroidism", gongwei.CodeUnknownCode)
	ve.Check(c.Screening.PKU <= ScreenUnknown, "Screening.PKU", gongwei.CodeUnknownCode)
	ve.Check(c.Screening.Other <= ScreenUnknown, "Screening.Other", gongwei.CodeUnknownCode)
	ve.Check(c.Screening.Hearing <= HearingUnknown, "Screening.Hearing", gongwei.CodeUnknownCode)
	ve.Check(c.Version >= 0, "Version", gongwei.CodeNotAllowed)
	return ve.Err()
}

// Preterm reports a birth before 37 completed weeks (growth.md §6); false when unknown.
func (c *Child) Preterm() bool { return c.GestationWeeks > 0 && c.GestationWeeks < PretermWeeks }

// LowBirthWeight reports a birth weight under 2500 g (growth.md §6); false when unknown.
func (c *Child) LowBirthWeight() bool { return c.BirthWeightG > 0 && c.BirthWeightG < LowBirthWeightG }

// AliveOn reports whether the child is born on or before d and has not died on or
// before d.
func (c *Child) AliveOn(d gongwei.Date) bool {
	return !c.BirthDate.After(d) && (c.DeathDate.IsZero() || d.Before(c.DeathDate))
}

// AgeDays returns the age in days on d (0 on the day of birth).
func (c *Child) AgeDays(d gongwei.Date) int { return c.BirthDate.AgeDays(d) }

// CheckResult is the result of a screening check done at a visit (hearing, vision).
type CheckResult uint8

// The results; the zero value means "not done".
const (
	CheckNotDone  CheckResult = iota // 未做
	CheckNormal                      // 通过/未见异常
	CheckAbnormal                    // 未通过/异常
)

// Done reports whether the check was done.
func (r CheckResult) Done() bool { return r == CheckNormal || r == CheckAbnormal }

// Visit is one contact of the child health management: the newborn home visit, the
// 满月 visit or a child health check (新生儿家庭访视记录表, 1～8月龄/12～30月龄/3～6岁儿童
// 健康检查记录表, nbphs-spec §4.4).
type Visit struct {
	// ID identifies the visit; the default is the child's ID, the kind and the date.
	ID VisitID
	// Child is whose visit it is.
	Child ChildID
	// Kind is the scheduled contact the visit is recorded as ([KindExtra] for any other).
	Kind VisitKind
	// Date is the date of the visit.
	Date gongwei.Date
	// Provider is who made the visit.
	Provider healthrecord.Provider
	// Measurement holds weight, length/height and head circumference.
	Measurement Measurement
	// HbGL is the haemoglobin in g/L when tested at the visit; 0 = not tested.
	HbGL float64
	// Hearing is the hearing screen (behavioural audiometry, 行为测听) done at the visit.
	Hearing CheckResult
	// Vision is the eye and vision check done at the visit.
	Vision CheckResult
	// Teeth and Caries are the counts of erupted and decayed teeth (出牙数, 龋齿数),
	// when examined.
	Teeth, Caries int
	// TCMGuidance marks the TCM health guidance given to the parents (nbphs-spec §11.2).
	TCMGuidance bool
	// ActiveRickets, ChronicDisease and RecurrentInfections are findings the 体弱儿
	// criteria use.
	ActiveRickets, ChronicDisease, RecurrentInfections bool
	// Referred marks a referral made at the visit.
	Referred bool
	// Version is the optimistic-locking version (see Store).
	Version int64
}

// Clone returns a copy of v.
func (v *Visit) Clone() *Visit { d := *v; return &d }

// Normalize cleans typed text in place (IDs keep their case and hyphens).
func (v *Visit) Normalize() {
	v.ID = VisitID(gongwei.Normalize(string(v.ID)))
	v.Child = ChildID(gongwei.Normalize(string(v.Child)))
	v.Provider.Institution = gongwei.NormalizeCode(v.Provider.Institution)
	v.Provider.Staff = healthrecord.StaffID(gongwei.Normalize(string(v.Provider.Staff)))
}

// Plausibility ranges of visit measurements (data-entry checks). Weight and length have
// ranges of their own because a newborn lies below the adult checkup form's minimums;
// haemoglobin is the same measurement as on the checkup form and uses its range
// (healthrecord.CheckupRange("haemoglobin")).
const (
	maxWeightKg            = 60.0
	minLengthCm, maxLenCm  = 30.0, 150.0
	minHeadCm, maxHeadCm   = 20.0, 60.0
	maxTeeth               = 32
	childServiceEndYears   = 7 // 0～6岁: the service ends at the 7th birthday (nbphs-spec §4)
	neonatalPeriodDays     = 28
	newbornVisitWithinDays = 7 // 出院后1周内 (nbphs-spec §4.1)
)

// Validate reports every problem of v at once as a *gongwei.ValidationError.
//
// Plausibility: the date is neither before 1880 nor after the day of recording
// (gongwei.CheckEventDate with gongwei.Today); every measurement is finite and in range.
func (v *Visit) Validate() error { return v.validateOn(gongwei.Today()) }

func (v *Visit) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "child.Visit"
	ve.Check(v.Child != "", "Child", gongwei.CodeRequired)
	gongwei.CheckEventDate(&ve, "Date", v.Date, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckText(&ve, "Child", string(v.Child), gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Institution", v.Provider.Institution, gongwei.TextShort)
	gongwei.CheckText(&ve, "Provider.Staff", string(v.Provider.Staff), gongwei.TextShort)
	switch {
	case v.Kind == "":
		ve.Add("Kind", gongwei.CodeRequired)
	case !v.Kind.IsValid():
		ve.Add("Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!v.Date.IsZero(), "Date", gongwei.CodeRequired)
	m := v.Measurement
	if m.WeightKg != 0 {
		ve.CheckRange("Measurement.WeightKg", m.WeightKg, 0.3, maxWeightKg)
	}
	if m.LengthHeightCm != 0 {
		ve.CheckRange("Measurement.LengthHeightCm", m.LengthHeightCm, minLengthCm, maxLenCm)
	}
	ve.Check(m.Position <= Standing, "Measurement.Position", gongwei.CodeUnknownCode)
	if m.HeadCm != 0 {
		ve.CheckRange("Measurement.HeadCm", m.HeadCm, minHeadCm, maxHeadCm)
	}
	if v.HbGL != 0 {
		r, _ := healthrecord.CheckupRange("haemoglobin")
		ve.CheckRange("HbGL", v.HbGL, r.Min, r.Max)
	}
	ve.Check(v.Hearing <= CheckAbnormal, "Hearing", gongwei.CodeUnknownCode)
	ve.Check(v.Vision <= CheckAbnormal, "Vision", gongwei.CodeUnknownCode)
	ve.CheckRange("Teeth", float64(v.Teeth), 0, maxTeeth)
	ve.CheckRange("Caries", float64(v.Caries), 0, float64(max(v.Teeth, 0)))
	ve.Check(v.Version >= 0, "Version", gongwei.CodeNotAllowed)
	return ve.Err()
}

// ValidateFor adds the checks that need the child: the visit is not before birth and
// the child is alive on it.
func (v *Visit) ValidateFor(c *Child) error { return v.validateFor(c, gongwei.Today()) }

func (v *Visit) validateFor(c *Child, today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "child.Visit"
	ve.Merge("", v.validateOn(today))
	if !v.Date.IsZero() && v.Date.Before(c.BirthDate) {
		ve.Add("Date", gongwei.CodeBeforeBirth)
	}
	if !v.Date.IsZero() && !c.DeathDate.IsZero() && !v.Date.Before(c.DeathDate) {
		ve.Add("Date", CodeAfterDeath)
	}
	return ve.Err()
}

// Assess assesses the visit's measurement for child c (see the package function Assess).
func (v *Visit) Assess(c *Child) (Assessment, error) {
	return Assess(c.Sex, c.AgeDays(v.Date), v.Measurement)
}
