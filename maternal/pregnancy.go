package maternal

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// PregnancyID is the key of a pregnancy in a Store. It is opaque to the library; the
// Registry assigns the resident's ID, a hyphen and the 8 digits of the booking date by
// default.
type PregnancyID string

// Pregnancy is one pregnancy of a woman with a health record, from booking (早孕建册, the
// 《母子健康手册》) to the 42-day postpartum check (nbphs-spec §5): the dating, the first
// prenatal examination and the follow-up visits with the risk conditions found at each,
// the three-infection tests, the delivery and its outcome, the postpartum contacts, and
// how the pregnancy ended if not by delivery. One record per pregnancy, as the handbook is.
type Pregnancy struct {
	// ID is the store key; see PregnancyID.
	ID PregnancyID
	// Resident is the woman's health record.
	Resident healthrecord.ResidentID
	// Village is the 12-digit village of the woman's record (the first 12 digits of its
	// archive number), so indicators group by unit without reading the record. The
	// Registry copies it from the record.
	Village healthrecord.Village
	// MotherBirth is the woman's date of birth, copied from the record by the Registry:
	// it gives the age factors of the risk grading.
	MotherBirth gongwei.Date
	// Dating is the LMP and/or dating scan.
	Dating Dating
	// Booked is the booking date (建册日期): the handbook is issued.
	Booked gongwei.Date
	// Rural marks a rural woman (农村孕产妇), for the hospital-delivery subsidy.
	Rural bool
	// FirstExam is the first prenatal examination; nil until given.
	FirstExam *FirstExam
	// Visits are the prenatal follow-up visits (第2～5次产前随访 and additional ones).
	Visits []PrenatalVisit
	// Tests are the HIV, syphilis and HBsAg tests of pregnancy.
	Tests []InfectionTest
	// Screening is the serological prenatal screening (产前筛查); nil when not screened.
	Screening *PrenatalScreening
	// Delivery is the delivery and its outcome; nil until delivered.
	Delivery *Delivery
	// Postpartum are the postpartum home visits and the 42-day check.
	Postpartum []PostpartumVisit
	// Ended records a pregnancy that ended without delivery, or a woman who left the
	// programme; nil otherwise.
	Ended *Ending
	// Death records the woman's death in pregnancy or within 42 days of its end (a
	// maternal death, 孕产妇死亡); nil otherwise.
	Death *Death
	// PrePregnancyCheck is the day of the free pre-pregnancy check (孕前优生健康检查)
	// before this pregnancy; zero when none was recorded (see projects.go).
	PrePregnancyCheck gongwei.Date
	// FolicAcid is the folic-acid supplementation around conception; nil when not
	// recorded.
	FolicAcid *FolicAcid
	// Interventions are the interventions for the infections the mother tested
	// positive for, at most one per infection.
	Interventions []Intervention
	// SubsidyPaid is the day the rural hospital-delivery subsidy (住院分娩补助) was
	// paid; zero when not paid.
	SubsidyPaid gongwei.Date
	// Version is the optimistic-concurrency version, managed by the Registry.
	Version int64
}

// Contact is what every contact records: its date, who gave it, the risk conditions
// found (re-graded at each contact, nbphs-spec §5.2) and whether the woman was referred
// (followed up within 2 weeks, nbphs-spec §0 "Recurring rule").
type Contact struct {
	// Date is the day of the contact.
	Date gongwei.Date
	// Provider is the institution and health worker who made it.
	Provider healthrecord.Provider
	// Factors are the risk conditions recorded at this contact (age and BMI are derived,
	// not recorded). An empty list grades green.
	Factors []Factor
	// Referred reports a referral at this contact.
	Referred bool
}

// Lab is a laboratory test of the first prenatal examination.
type Lab string

// The laboratory tests of the first prenatal examination (nbphs-spec §5.1).
const (
	LabBloodRoutine   Lab = "blood_routine"   // 血常规
	LabUrineRoutine   Lab = "urine_routine"   // 尿常规
	LabBloodGroup     Lab = "blood_group"     // 血型
	LabLiverFunction  Lab = "liver_function"  // 肝功能
	LabKidneyFunction Lab = "kidney_function" // 肾功能
	LabHBsAg          Lab = "hbsag"           // 乙型肝炎
	LabGlucose        Lab = "glucose"         // 血糖
	LabVaginal        Lab = "vaginal"         // 阴道分泌物
	LabSyphilis       Lab = "syphilis"        // 梅毒血清学试验
	LabHIV            Lab = "hiv"             // HIV抗体检测
)

// LabDef is a row of [FirstExamLabs].
type LabDef struct {
	// Lab is the test.
	Lab Lab
	// Required: done at every first examination; otherwise "where feasible" (有条件).
	Required bool
}

// FirstExamLabs is the laboratory content of the first prenatal examination: blood
// routine, urine routine, blood group, liver function, kidney function and hepatitis B
// for every woman; where feasible blood glucose, vaginal discharge, syphilis serology
// and HIV (nbphs-spec §5.1 [R21] [R20]).
var FirstExamLabs = []LabDef{
	{LabBloodRoutine, true}, {LabUrineRoutine, true}, {LabBloodGroup, true},
	{LabLiverFunction, true}, {LabKidneyFunction, true}, {LabHBsAg, true},
	{LabGlucose, false}, {LabVaginal, false}, {LabSyphilis, false}, {LabHIV, false},
}

// IsValid reports whether l is a row of FirstExamLabs.
func (l Lab) IsValid() bool {
	return slices.ContainsFunc(FirstExamLabs, func(d LabDef) bool { return d.Lab == l })
}

// FirstExam is the first prenatal examination (第1次产前检查服务记录表, nbphs-spec §5.1):
// history, general and gynaecological examination and laboratory tests.
type FirstExam struct {
	Contact
	// Gravidity and Parity are 孕次 (this pregnancy included) and 产次.
	Gravidity, Parity int
	// PastHistory, FamilyHistory and PersonalHistory are the histories (既往史, 家族史,
	// 个人史) as recorded.
	PastHistory, FamilyHistory, PersonalHistory string
	// Height (cm) and Weight (kg); 0 when not recorded. They give the BMI factor of the
	// risk grading at every contact of the pregnancy.
	Height, Weight float64
	// Systolic and Diastolic blood pressure (mmHg); 0 when not recorded.
	Systolic, Diastolic int
	// Gynaecological examination done (妇科检查).
	Gynaecological bool
	// Labs are the laboratory tests done (results of HIV, syphilis and HBsAg go in
	// Pregnancy.Tests).
	Labs []Lab
}

// MissingLabs returns the required laboratory tests of FirstExamLabs not done.
func (e *FirstExam) MissingLabs() []Lab {
	var out []Lab
	for _, d := range FirstExamLabs {
		if d.Required && !slices.Contains(e.Labs, d.Lab) {
			out = append(out, d.Lab)
		}
	}
	return out
}

// BMI returns the BMI as written on the form, or 0 when height or weight is missing.
func (e *FirstExam) BMI() float64 {
	if e == nil {
		return 0
	}
	return bmiOf(e.Weight, e.Height)
}

// PrenatalVisit is a prenatal follow-up visit (第2～5次产前随访服务记录表, nbphs-spec §5.1).
type PrenatalVisit struct {
	Contact
	// Number is 2-5 for the scheduled visits, 0 for an additional visit (high-risk women
	// get extra visits as advised, nbphs-spec §5.1).
	Number int
	// Weight (kg), Systolic and Diastolic (mmHg), FundalHeight (宫底高度, cm) and
	// FetalHeartRate (胎心率, /min); 0 when not recorded.
	Weight              float64
	Systolic, Diastolic int
	FundalHeight        float64
	FetalHeartRate      int
}

// Place is where a delivery took place.
type Place int

// The places of delivery, as the 住院分娩率 of the work plans counts them
// (plan-targets.md, maternal health).
const (
	Hospital   Place = iota + 1 // 住院分娩 (in a medical institution)
	Home                        // 家中
	EnRoute                     // 途中
	OtherPlace                  // 其他
)

// Mode is the mode of delivery.
type Mode int

// The modes of delivery.
const (
	Vaginal   Mode = iota + 1 // 阴道分娩
	Caesarean                 // 剖宫产
)

// Delivery is the delivery and its outcome.
type Delivery struct {
	// Date is the day of the delivery.
	Date gongwei.Date
	// Place is a hospital, home, en route or other.
	Place Place
	// Institution is the code of the delivery institution, for a hospital delivery.
	Institution string
	// Mode is vaginal or caesarean.
	Mode Mode
	// FirstCaesarean marks a woman's first caesarean (首次剖宫产); only with Caesarean.
	FirstCaesarean bool
	// LiveBirths and Stillbirths are the infants born alive and dead (活产数, 死胎死产数).
	LiveBirths, Stillbirths int
	// Discharged is the discharge date; zero for a birth without admission.
	Discharged gongwei.Date
}

// PostpartumKind is the kind of a postpartum contact.
type PostpartumKind int

// The postpartum contacts (nbphs-spec §5.1).
const (
	PostpartumHomeVisit PostpartumKind = iota + 1 // 产后访视
	PostpartumCheck42                             // 产后42天健康检查
)

// Recovery is the outcome of the 42-day check (nbphs-spec §5.1 [R74]).
type Recovery int

// The outcomes on the 42-day form.
const (
	Recovered    Recovery = 1 // 已恢复
	NotRecovered Recovery = 2 // 未恢复
)

// PostpartumVisit is a postpartum home visit (产后访视记录表) or the 42-day check
// (产后42天健康检查记录表), nbphs-spec §5.1.
type PostpartumVisit struct {
	Contact
	// Kind is the postpartum home visit or the 42-day check.
	Kind PostpartumKind
	// Systolic and Diastolic blood pressure (mmHg); 0 when not recorded.
	Systolic, Diastolic int
	// Recovery is the 42-day outcome; zero for a home visit.
	Recovery Recovery
	// Closed: the case is closed (结案) at the 42-day check; otherwise referred.
	Closed bool
}

// EndReason is why a pregnancy left the programme without a delivery.
type EndReason int

// The reasons.
const (
	Miscarriage EndReason = iota + 1 // 流产 (spontaneous or induced, 引产)
	MovedOut                         // 迁出
	Lost                             // 失访
)

// Ending records how a pregnancy left the programme without a delivery.
type Ending struct {
	Date   gongwei.Date
	Reason EndReason
}

// Death is a maternal death.
type Death struct {
	// Date is the day of death.
	Date gongwei.Date
	// Cause is the cause of death as recorded.
	Cause string
}

// EndDate returns the day the pregnancy ended: the delivery date, else the date it left
// the programme, else the date of death; zero while it goes on.
func (p *Pregnancy) EndDate() gongwei.Date {
	switch {
	case p.Delivery != nil && !p.Delivery.Date.IsZero():
		return p.Delivery.Date
	case p.Ended != nil && !p.Ended.Date.IsZero():
		return p.Ended.Date
	case p.Death != nil:
		return p.Death.Date
	}
	return gongwei.Date{}
}

// Span returns the period the pregnancy is under care: from its LMP to 42 days after it
// ends (nbphs-spec §5.2), both included; End is zero while it goes on.
func (p *Pregnancy) Span() gongwei.Period {
	s := gongwei.Period{Start: p.Dating.LMPDate()}
	if end := p.EndDate(); !end.IsZero() {
		s.End = end.AddDays(PuerperiumDays + 1)
	}
	return s
}

// Age returns the gestational age on date on.
func (p *Pregnancy) Age(on gongwei.Date) Gestation { return p.Dating.Age(on) }

// DueDate returns the expected date of delivery.
func (p *Pregnancy) DueDate() gongwei.Date { return p.Dating.DueDate() }

// EarlyBooked reports early booking (早孕建册): booked and given the first prenatal check
// before 13 weeks (by 12+6), nbphs-spec §5.1, §5.4.
func (p *Pregnancy) EarlyBooked() bool {
	limit := Weeks(EarlyBookingWeeks, 0)
	lmp := p.Dating.LMPDate()
	return !lmp.IsZero() && !p.Booked.IsZero() && p.FirstExam != nil && !p.FirstExam.Date.IsZero() &&
		Of(lmp, p.Booked) < limit && Of(lmp, p.FirstExam.Date) < limit
}

// PrenatalCount returns the number of prenatal contacts (first exam, scheduled and
// additional visits) dated before the pregnancy ended.
func (p *Pregnancy) PrenatalCount() int {
	end := p.EndDate()
	n := 0
	ok := func(d gongwei.Date) bool { return !d.IsZero() && (end.IsZero() || !d.After(end)) }
	if p.FirstExam != nil && ok(p.FirstExam.Date) {
		n++
	}
	for _, v := range p.Visits {
		if ok(v.Date) {
			n++
		}
	}
	return n
}

// VisitedAfterDelivery reports a postpartum home visit within 28 days of discharge
// (出院后28天内, nbphs-spec §5.4): the numerator of the postpartum visit rate.
func (p *Pregnancy) VisitedAfterDelivery() bool {
	base := p.HomeVisitBase()
	if base.IsZero() {
		return false
	}
	for _, v := range p.Postpartum {
		if v.Kind == PostpartumHomeVisit && !v.Date.Before(p.Delivery.Date) && base.DaysUntil(v.Date) <= HomeVisitCountDays {
			return true
		}
	}
	return false
}

// SubsidyEligible reports eligibility for the hospital-delivery subsidy (住院分娩补助): a
// rural woman who delivered in hospital (plan-targets.md: 农村孕产妇住院分娩补助率).
// Further local conditions are UNCONFIRMED in reference; implemented as given.
func (p *Pregnancy) SubsidyEligible() bool {
	return p.Rural && p.Delivery != nil && p.Delivery.Place == Hospital
}

// Assessment is the risk grade given at one contact.
type Assessment struct {
	Date    gongwei.Date // the day of the contact
	Kind    string       // "first_exam", "prenatal", "postpartum"
	Grade   Grade        // the colour graded at the contact, and whether purple applies
	Factors []Factor     // recorded and derived
}

// Assessments re-grades the pregnancy at each contact, in date order (nbphs-spec §5.2:
// grading is dynamic from pregnancy to 42 days postpartum). Each contact is graded on
// its recorded conditions, the age factor on its date and the BMI of the first exam.
func (p *Pregnancy) Assessments() []Assessment {
	bmi := p.FirstExam.BMI()
	var out []Assessment
	add := func(kind string, c Contact) {
		if c.Date.IsZero() {
			return
		}
		g, fs := Assess(c.Factors, p.MotherBirth, c.Date, bmi)
		out = append(out, Assessment{Date: c.Date, Kind: kind, Grade: g, Factors: fs})
	}
	if p.FirstExam != nil {
		add("first_exam", p.FirstExam.Contact)
	}
	for _, v := range p.Visits {
		add("prenatal", v.Contact)
	}
	for _, v := range p.Postpartum {
		add("postpartum", v.Contact)
	}
	slices.SortStableFunc(out, func(a, b Assessment) int { return a.Date.Compare(b.Date) })
	return out
}

// Grade returns the grade of the latest assessment on or before date on, and false when
// there is none.
func (p *Pregnancy) Grade(on gongwei.Date) (Grade, bool) {
	var g Grade
	found := false
	for _, a := range p.Assessments() {
		if a.Date.After(on) {
			break
		}
		g, found = a.Grade, true
	}
	return g, found
}

// HighestGrade returns the highest grade of any assessment of the pregnancy, colour by
// colour (the zero Grade when none).
func (p *Pregnancy) HighestGrade() Grade {
	var g Grade
	for _, a := range p.Assessments() {
		g = g.Max(a.Grade)
	}
	return g
}

// HighRisk reports whether any assessment graded the pregnancy high-risk (see
// Grade.HighRisk).
func (p *Pregnancy) HighRisk() bool { return p.HighestGrade().HighRisk() }

// clonePtr returns a copy of *x, nil for nil.
func clonePtr[T any](x *T) *T {
	if x == nil {
		return nil
	}
	c := *x
	return &c
}

// Clone returns a deep copy of p.
func (p *Pregnancy) Clone() *Pregnancy {
	c := *p
	if p.FirstExam != nil {
		e := *p.FirstExam
		e.Factors = slices.Clone(e.Factors)
		e.Labs = slices.Clone(e.Labs)
		c.FirstExam = &e
	}
	c.Visits = slices.Clone(p.Visits)
	for i := range c.Visits {
		c.Visits[i].Factors = slices.Clone(c.Visits[i].Factors)
	}
	c.Tests = slices.Clone(p.Tests)
	c.Screening = clonePtr(p.Screening)
	c.Delivery = clonePtr(p.Delivery)
	c.FolicAcid = clonePtr(p.FolicAcid)
	c.Interventions = slices.Clone(p.Interventions)
	c.Postpartum = slices.Clone(p.Postpartum)
	for i := range c.Postpartum {
		c.Postpartum[i].Factors = slices.Clone(c.Postpartum[i].Factors)
	}
	c.Ended = clonePtr(p.Ended)
	c.Death = clonePtr(p.Death)
	return &c
}

func itoa(i int) string { return strconv.Itoa(i) }
