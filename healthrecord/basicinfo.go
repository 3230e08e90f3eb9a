package healthrecord

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// BasicInfo is the personal basic information form (个人基本信息表, 2017 edition; nbphs-spec
// §1.2, code lists of data-standards §3.1). Name, sex, birth date and ID number are on
// [Resident]; this is the rest of the form. Every coded item holds the form's code as a
// string type whose zero value "" means "not filled"; an answer of "none" (无) is a code
// of its own, so "not filled" and "none" are told apart.
//
// Children aged 0-6 do not fill this form (data-standards §3.1): see
// [Resident.Validate] and [Resident.Missing].
type BasicInfo struct {
	// Phone is the resident's own contact number (本人电话).
	Phone Phone
	// WorkUnit is the full name of the work unit (工作单位); the last unit for retirees.
	WorkUnit string
	// ContactName is a close relative or friend to contact (联系人姓名), stored as given.
	ContactName string
	// ContactPhone is the contact person's number (联系人电话).
	ContactPhone Phone
	// Residence is 常住类型: registered (户籍) or not.
	Residence ResidenceType
	// LivingSince is the date a non-registered resident started living in the area; with
	// Residence it decides 常住居民 (see PermanentOn). Zero when not recorded.
	LivingSince gongwei.Date
	// Ethnicity is the GB 3304 code (民族); the form box is Ethnicity.FormCode().
	Ethnicity Ethnicity
	// ABO and Rh are the blood groups (血型).
	ABO ABOBloodType
	Rh  RhBloodType
	// Education is 文化程度.
	Education Education
	// Occupation is 职业.
	Occupation Occupation
	// Marital is 婚姻状况.
	Marital MaritalStatus
	// Payments are the 医疗费用支付方式 (multi-select); PaymentOther names 其他.
	Payments     []PaymentMethod
	PaymentOther string
	// DrugAllergies are the 药物过敏史 answers (multi-select, 无 alone);
	// DrugAllergyOther names the drug of 其他.
	DrugAllergies    []DrugAllergy
	DrugAllergyOther string
	// Exposures are the 暴露史 answers (multi-select, 无 alone).
	Exposures []Exposure
	// Illnesses are the past illnesses (既往史·疾病), each with its diagnosis date; a
	// single entry DiseaseNone records 无.
	Illnesses []PastIllness
	// Operations (手术), Injuries (外伤) and Transfusions (输血) of the past history.
	Operations   ProcedureHistory
	Injuries     ProcedureHistory
	Transfusions ProcedureHistory
	// Family is the family history (家族史).
	Family FamilyHistory
	// Hereditary is the hereditary disease history (遗传病史).
	Hereditary HereditaryHistory
	// Disabilities are the 残疾情况 answers (multi-select, 无残疾 alone);
	// DisabilityOther names 其他残疾.
	Disabilities    []Disability
	DisabilityOther string
	// Living is the living environment (生活环境).
	Living LivingEnvironment
	// Updated is the date of the last change to the form (the form is edited in place
	// with the change date, data-standards §3.1); zero while unchanged since creation.
	Updated gongwei.Date
}

// PastIllness is one line of 既往史·疾病: a disease and its diagnosis date (确诊时间).
// Forms record year and month; a date with day 1 stands for the month.
type PastIllness struct {
	// Disease is the form's disease code (DiseaseNone: no past illness).
	Disease Disease
	// Diagnosed is the diagnosis date; required for every disease but DiseaseNone.
	Diagnosed gongwei.Date
	// Detail is the site of a malignant tumour, the name of an occupational disease or
	// the name of another disease (see Disease.NeedsDetail).
	Detail string
}

// ProcedureHistory is an item of the past history answered 1 无 / 2 有 with the events:
// operations (name and date), injuries (name and date), transfusions (reason and date).
type ProcedureHistory struct {
	Flag   HistoryFlag
	Events []HistoryEvent
}

// HistoryEvent is one operation, injury or transfusion.
type HistoryEvent struct {
	// Name is the operation's or injury's name, or the transfusion's reason.
	Name string
	// Date is the day of the operation, injury or transfusion.
	Date gongwei.Date
}

// FamilyHistory is 家族史: one multi-select list per relative (data-standards §3.1).
type FamilyHistory struct {
	Father   []FamilyDisease // 父亲
	Mother   []FamilyDisease // 母亲
	Siblings []FamilyDisease // 兄弟姐妹
	Children []FamilyDisease // 子女
	// Other names the disease of FamilyOther wherever it is ticked.
	Other string
}

// HereditaryHistory is 遗传病史: 1 无 / 2 有 with the disease's name.
type HereditaryHistory struct {
	Flag    HistoryFlag
	Disease string
}

// LivingEnvironment is 生活环境 (data-standards §3.1).
type LivingEnvironment struct {
	Kitchen   KitchenVentilation // 厨房排风设施
	Fuel      Fuel               // 燃料类型
	Water     DrinkingWater      // 饮水
	Toilet    Toilet             // 厕所
	Livestock LivestockPen       // 禽畜栏
}

// PermanentOn decides 常住居民 on date on (nbphs-spec §0): registered residents always,
// non-registered ones once they have lived in the area PermanentResidenceMonths
// completed months since LivingSince. A non-registered resident without LivingSince is
// not counted.
func (b *BasicInfo) PermanentOn(on gongwei.Date) bool {
	months := -1
	if !b.LivingSince.IsZero() && !b.LivingSince.After(on) {
		months = b.LivingSince.AgeMonths(on)
	}
	return IsPermanentResident(b.Residence, months)
}

// basicInfoRequired lists the items of the form that must be filled for the record to be
// complete (合格档案, nbphs-spec §1.6): every item the form codes in boxes, where "none"
// is itself a code. Free-text items (work unit, phones, contact person) are not
// required: the form lets an unemployed resident or one without a phone leave them, and
// which boxes are mandatory is not stated in the reference.
var basicInfoRequired = []struct {
	path   string
	filled func(*BasicInfo) bool
}{
	{"Residence", func(b *BasicInfo) bool { return b.Residence != "" }},
	{"Ethnicity", func(b *BasicInfo) bool { return b.Ethnicity != "" }},
	{"ABO", func(b *BasicInfo) bool { return b.ABO != "" }},
	{"Rh", func(b *BasicInfo) bool { return b.Rh != "" }},
	{"Education", func(b *BasicInfo) bool { return b.Education != "" }},
	{"Occupation", func(b *BasicInfo) bool { return b.Occupation != "" }},
	{"Marital", func(b *BasicInfo) bool { return b.Marital != "" }},
	{"Payments", func(b *BasicInfo) bool { return len(b.Payments) > 0 }},
	{"DrugAllergies", func(b *BasicInfo) bool { return len(b.DrugAllergies) > 0 }},
	{"Exposures", func(b *BasicInfo) bool { return len(b.Exposures) > 0 }},
	{"Illnesses", func(b *BasicInfo) bool { return len(b.Illnesses) > 0 }},
	{"Operations.Flag", func(b *BasicInfo) bool { return b.Operations.Flag != "" }},
	{"Injuries.Flag", func(b *BasicInfo) bool { return b.Injuries.Flag != "" }},
	{"Transfusions.Flag", func(b *BasicInfo) bool { return b.Transfusions.Flag != "" }},
	{"Family.Father", func(b *BasicInfo) bool { return len(b.Family.Father) > 0 }},
	{"Family.Mother", func(b *BasicInfo) bool { return len(b.Family.Mother) > 0 }},
	{"Family.Siblings", func(b *BasicInfo) bool { return len(b.Family.Siblings) > 0 }},
	{"Family.Children", func(b *BasicInfo) bool { return len(b.Family.Children) > 0 }},
	{"Hereditary.Flag", func(b *BasicInfo) bool { return b.Hereditary.Flag != "" }},
	{"Disabilities", func(b *BasicInfo) bool { return len(b.Disabilities) > 0 }},
	{"Living.Kitchen", func(b *BasicInfo) bool { return b.Living.Kitchen != "" }},
	{"Living.Fuel", func(b *BasicInfo) bool { return b.Living.Fuel != "" }},
	{"Living.Water", func(b *BasicInfo) bool { return b.Living.Water != "" }},
	{"Living.Toilet", func(b *BasicInfo) bool { return b.Living.Toilet != "" }},
	{"Living.Livestock", func(b *BasicInfo) bool { return b.Living.Livestock != "" }},
}

// Missing returns the field paths (relative to BasicInfo, e.g. "Family.Father") of the
// required items of the form that are not filled, in form order; nil when the form is
// complete. It does not check that filled items are valid: see ValidateFor.
func (b *BasicInfo) Missing() []string {
	var out []string
	for _, it := range basicInfoRequired {
		if !it.filled(b) {
			out = append(out, it.path)
		}
	}
	return out
}

// IsEmpty reports whether nothing at all is filled in, as for a child aged 0-6.
func (b *BasicInfo) IsEmpty() bool {
	return len(b.Missing()) == len(basicInfoRequired) && b.Phone.IsZero() && b.ContactPhone.IsZero() &&
		b.WorkUnit == "" && b.ContactName == "" && b.LivingSince.IsZero() && b.PaymentOther == "" &&
		b.DrugAllergyOther == "" && b.DisabilityOther == "" && b.Hereditary.Disease == "" &&
		b.Family.Other == "" && len(b.Operations.Events) == 0 && len(b.Injuries.Events) == 0 &&
		len(b.Transfusions.Events) == 0 && b.Updated.IsZero()
}

// ValidateFor checks what is filled in on the form of a resident born on birth, the form
// being dated formDate (zero dates skip the date checks). It reports every problem at
// once with paths relative to BasicInfo:
//
//   - every code must be in its table (CodeUnknownCode);
//   - in a multi-select answer a code may appear once (CodeDuplicate) and "none" (无)
//     cannot be combined with another code (CodeNotAllowed);
//   - 其他 needs its name (CodeRequired) and a name without 其他 is CodeNotAllowed, for
//     payments, drug allergies, disabilities, family history and the details of past
//     illnesses (tumour site, occupational disease, other);
//   - each past illness but 无 needs its diagnosis date; an operation, injury or
//     transfusion history answered 有 needs at least one event with a name and a date, one
//     answered 无 has none; a hereditary disease answered 有 needs its name;
//   - dates (diagnosis, events, LivingSince) are not before birth (CodeBeforeBirth) and not
//     after the form date (CodeInFuture);
//   - phones are well formed;
//   - dates are not before gongwei.EarliestBirth (CodeTooEarly) and, with a zero form
//     date, not after the day of recording (gongwei.Today plus
//     gongwei.RecordingToleranceDays); no text holds invalid UTF-8 or control characters
//     or exceeds the limit of its kind (gongwei.CheckText).
//
// It does not demand that items be filled: see Missing.
func (b *BasicInfo) ValidateFor(birth, formDate gongwei.Date) error {
	ve := gongwei.ValidationError{Record: "healthrecord.BasicInfo"}
	latest := formDate
	if latest.IsZero() {
		latest = gongwei.Today().AddDays(gongwei.RecordingToleranceDays)
	}
	beforeBirth := func(d gongwei.Date) bool { return !birth.IsZero() && !d.IsZero() && d.Before(birth) }
	inFuture := func(d gongwei.Date) bool { return !d.IsZero() && d.After(latest) }
	tooEarly := func(d gongwei.Date) bool { return !d.IsZero() && d.Before(gongwei.EarliestBirth) }
	// checkDate checks a date of the form; the field path (item i of list, then
	// suffix; i < 0 for a plain field) is built only when there is a problem.
	checkDate := func(list string, i int, suffix string, d gongwei.Date) {
		before, future, early := beforeBirth(d), inFuture(d), tooEarly(d)
		if !before && !future && !early {
			return
		}
		field := list
		if i >= 0 {
			field = indexed(list, i, suffix)
		}
		if early {
			ve.Add(field, gongwei.CodeTooEarly, gongwei.EarliestBirth.String())
		}
		if before {
			ve.Add(field, gongwei.CodeBeforeBirth)
		}
		if future {
			ve.Add(field, gongwei.CodeInFuture)
		}
	}
	checkPhone(&ve, "Phone", b.Phone)
	checkPhone(&ve, "ContactPhone", b.ContactPhone)
	code := func(field string, filled, valid bool) {
		if filled && !valid {
			ve.Add(field, gongwei.CodeUnknownCode)
		}
	}
	code("Residence", b.Residence != "", b.Residence.IsValid())
	checkDate("LivingSince", -1, "", b.LivingSince)
	code("Ethnicity", b.Ethnicity != "", b.Ethnicity.IsValid())
	code("ABO", b.ABO != "", b.ABO.IsValid())
	code("Rh", b.Rh != "", b.Rh.IsValid())
	code("Education", b.Education != "", b.Education.IsValid())
	code("Occupation", b.Occupation != "", b.Occupation.IsValid())
	code("Marital", b.Marital != "", b.Marital.IsValid())

	biCheckMulti(&ve, "Payments", b.Payments, "", PaymentMethod.IsValid)
	checkOtherName(&ve, "PaymentOther", biContains(b.Payments, PaymentOther), b.PaymentOther)
	biCheckMulti(&ve, "DrugAllergies", b.DrugAllergies, AllergyNone, DrugAllergy.IsValid)
	checkOtherName(&ve, "DrugAllergyOther", biContains(b.DrugAllergies, AllergyOther), b.DrugAllergyOther)
	biCheckMulti(&ve, "Exposures", b.Exposures, ExposureNone, Exposure.IsValid)

	var buf [8]Disease
	diseases := buf[:0]
	for _, x := range b.Illnesses {
		diseases = append(diseases, x.Disease)
	}
	biCheckMulti(&ve, "Illnesses", diseases, DiseaseNone, Disease.IsValid)
	for i, x := range b.Illnesses {
		if x.Disease == DiseaseNone {
			if !x.Diagnosed.IsZero() {
				ve.Add(indexed("Illnesses", i, ".Diagnosed"), gongwei.CodeNotAllowed)
			}
			if !blank(x.Detail) {
				ve.Add(indexed("Illnesses", i, ".Detail"), gongwei.CodeNotAllowed)
			}
			continue
		}
		if x.Diagnosed.IsZero() {
			ve.Add(indexed("Illnesses", i, ".Diagnosed"), gongwei.CodeRequired)
		}
		checkDate("Illnesses", i, ".Diagnosed", x.Diagnosed)
		if x.Disease.IsValid() {
			if ticked, has := x.Disease.NeedsDetail(), !blank(x.Detail); ticked != has {
				checkOtherName(&ve, indexed("Illnesses", i, ".Detail"), ticked, x.Detail)
			}
		}
	}

	checkProcedures := func(field string, h ProcedureHistory) {
		switch h.Flag {
		case "", HistoryNone:
			if len(h.Events) != 0 {
				ve.Add(field+".Events", gongwei.CodeNotAllowed)
			}
		case HistoryPresent:
			if len(h.Events) == 0 {
				ve.Add(field+".Events", gongwei.CodeRequired)
			}
		default:
			ve.Add(field+".Flag", gongwei.CodeUnknownCode)
		}
		for i, e := range h.Events {
			if blank(e.Name) {
				ve.Add(indexed(field+".Events", i, ".Name"), gongwei.CodeRequired)
			}
			if e.Date.IsZero() {
				ve.Add(indexed(field+".Events", i, ".Date"), gongwei.CodeRequired)
			} else if beforeBirth(e.Date) || inFuture(e.Date) || tooEarly(e.Date) {
				checkDate(field+".Events", i, ".Date", e.Date)
			}
		}
	}
	checkProcedures("Operations", b.Operations)
	checkProcedures("Injuries", b.Injuries)
	checkProcedures("Transfusions", b.Transfusions)

	anyFamilyOther := false
	for _, rel := range []struct {
		field string
		list  []FamilyDisease
	}{
		{"Family.Father", b.Family.Father},
		{"Family.Mother", b.Family.Mother},
		{"Family.Siblings", b.Family.Siblings},
		{"Family.Children", b.Family.Children},
	} {
		biCheckMulti(&ve, rel.field, rel.list, FamilyNone, FamilyDisease.IsValid)
		anyFamilyOther = anyFamilyOther || biContains(rel.list, FamilyOther)
	}
	checkOtherName(&ve, "Family.Other", anyFamilyOther, b.Family.Other)

	switch b.Hereditary.Flag {
	case "", HistoryNone:
		ve.Check(blank(b.Hereditary.Disease), "Hereditary.Disease", gongwei.CodeNotAllowed)
	case HistoryPresent:
		ve.Check(!blank(b.Hereditary.Disease), "Hereditary.Disease", gongwei.CodeRequired)
	default:
		ve.Add("Hereditary.Flag", gongwei.CodeUnknownCode)
	}

	biCheckMulti(&ve, "Disabilities", b.Disabilities, DisabilityNone, Disability.IsValid)
	checkOtherName(&ve, "DisabilityOther", biContains(b.Disabilities, DisabilityOther), b.DisabilityOther)

	code("Living.Kitchen", b.Living.Kitchen != "", b.Living.Kitchen.IsValid())
	code("Living.Fuel", b.Living.Fuel != "", b.Living.Fuel.IsValid())
	code("Living.Water", b.Living.Water != "", b.Living.Water.IsValid())
	code("Living.Toilet", b.Living.Toilet != "", b.Living.Toilet.IsValid())
	code("Living.Livestock", b.Living.Livestock != "", b.Living.Livestock.IsValid())

	if !b.Updated.IsZero() && !birth.IsZero() && b.Updated.Before(birth) {
		ve.Add("Updated", gongwei.CodeBeforeBirth)
	}
	b.checkTexts(&ve)
	return ve.Err()
}

// checkOtherName: a ticked 其他 needs its name; a name without the tick is not allowed.
func checkOtherName(ve *gongwei.ValidationError, field string, ticked bool, name string) {
	has := !blank(name)
	switch {
	case ticked && !has:
		ve.Add(field, gongwei.CodeRequired)
	case !ticked && has:
		ve.Add(field, gongwei.CodeNotAllowed)
	}
}

// checkPhone reports a Phone that is set but not in canonical form (one built by hand
// rather than by ParsePhone or UnmarshalText).
func checkPhone(ve *gongwei.ValidationError, field string, p Phone) {
	if p.IsZero() {
		return
	}
	q, err := ParsePhone(p.s)
	if err != nil {
		ve.Add(field, PhoneErrorCode(err))
		return
	}
	ve.Check(q == p, field, gongwei.CodeFormat)
}

func (b BasicInfo) clone() BasicInfo {
	c := b
	c.Payments = slices.Clone(b.Payments)
	c.DrugAllergies = slices.Clone(b.DrugAllergies)
	c.Exposures = slices.Clone(b.Exposures)
	c.Illnesses = slices.Clone(b.Illnesses)
	c.Operations.Events = slices.Clone(b.Operations.Events)
	c.Injuries.Events = slices.Clone(b.Injuries.Events)
	c.Transfusions.Events = slices.Clone(b.Transfusions.Events)
	c.Family.Father = slices.Clone(b.Family.Father)
	c.Family.Mother = slices.Clone(b.Family.Mother)
	c.Family.Siblings = slices.Clone(b.Family.Siblings)
	c.Family.Children = slices.Clone(b.Family.Children)
	c.Disabilities = slices.Clone(b.Disabilities)
	return c
}

// checkTexts checks every text of the form (gongwei.CheckText); the paths of list items
// are built only for a problem.
func (b *BasicInfo) checkTexts(ve *gongwei.ValidationError) {
	checkTextFields(ve, []textField{
		{"WorkUnit", b.WorkUnit, gongwei.TextName},
		{"ContactName", b.ContactName, gongwei.TextName},
		{"PaymentOther", b.PaymentOther, gongwei.TextShort},
		{"DrugAllergyOther", b.DrugAllergyOther, gongwei.TextShort},
		{"DisabilityOther", b.DisabilityOther, gongwei.TextShort},
		{"Family.Other", b.Family.Other, gongwei.TextShort},
		{"Hereditary.Disease", b.Hereditary.Disease, gongwei.TextShort},
	})
	for i, x := range b.Illnesses {
		checkItemText(ve, "Illnesses", i, ".Detail", x.Detail, gongwei.TextShort)
	}
	for _, h := range [...]struct {
		field string
		h     *ProcedureHistory
	}{{"Operations.Events", &b.Operations}, {"Injuries.Events", &b.Injuries}, {"Transfusions.Events", &b.Transfusions}} {
		for i, e := range h.h.Events {
			checkItemText(ve, h.field, i, ".Name", e.Name, gongwei.TextShort)
		}
	}
}
