package maternal

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"golang.org/x/text/language"
)

// Colour is a level of the five-colour pregnancy risk grading (妊娠风险五色分级) of
// 《孕产妇妊娠风险评估与管理工作规范》 (2017), nbphs-spec §5.2: green, yellow, orange and
// red rank the severity; purple marks an infectious disease and may co-exist with any of
// them, so a [Grade] carries a Colour and a purple flag. The numbering orders severity
// and is persisted: append only.
type Colour int

// The severity colours of nbphs-spec §5.2, lowest first.
const (
	Green  Colour = iota + 1 // 绿色, low risk (低风险)
	Yellow                   // 黄色, general risk (一般风险)
	Orange                   // 橙色, higher risk (较高风险)
	Red                      // 红色, high risk (高风险)
	// Purple (紫色, infectious disease) is not a severity: it is Grade.Purple. The value
	// exists for labels and parsing only.
	Purple
)

var colourKeys = [...]string{"maternal.colour.green", "maternal.colour.yellow", "maternal.colour.orange", "maternal.colour.red", "maternal.colour.purple"}

// IsValid reports whether c is one of the five colours.
func (c Colour) IsValid() bool { return c >= Green && c <= Purple }

// Label returns the colour's name in language tag: 绿色, 綠色, green.
func (c Colour) Label(tag language.Tag) string {
	if !c.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(colourKeys[c-1])
}

// String returns the colour's English name.
func (c Colour) String() string { return c.Label(language.English) }

// Factor is a risk condition of the grading table ([Factors]), a stable code a store
// may persist.
type Factor string

// The conditions of nbphs-spec §5.2's table that a health worker records. Age and BMI
// are not recorded as factors: they are derived ([AgeFactor], [BMIFactor]).
const (
	// Yellow (一般风险).
	FactorAge35         Factor = "age_35"         // 年龄≥35岁 (derived)
	FactorAge18         Factor = "age_18"         // 年龄≤18岁 (derived)
	FactorBMIHigh       Factor = "bmi_high"       // BMI>25 (derived)
	FactorBMILow        Factor = "bmi_low"        // BMI<18.5 (derived)
	FactorScarredUterus Factor = "scarred_uterus" // 瘢痕子宫
	FactorMultiple      Factor = "multiple"       // 双胎/多胎妊娠
	FactorART           Factor = "art"            // 辅助生殖妊娠
	FactorMildAnaemia   Factor = "mild_anaemia"   // 轻度贫血
	FactorGDM           Factor = "gdm"            // 妊娠期糖尿病
	FactorMildCondition Factor = "mild_condition" // 病情轻且稳定的合并症/并发症
	// Orange (较高风险).
	FactorAge40            Factor = "age_40"            // 年龄≥40岁 (derived)
	FactorBMIObese         Factor = "bmi_28"            // BMI≥28 (derived)
	FactorSeriousCondition Factor = "serious_condition" // 较严重的合并症/并发症，对母婴安全有一定威胁
	// Red (高风险).
	FactorSevereCondition Factor = "severe_condition" // 严重合并症/并发症，继续妊娠可能危及孕妇生命
	// Purple (传染病).
	FactorHepatitis       Factor = "hepatitis"        // 病毒性肝炎
	FactorSyphilis        Factor = "syphilis"         // 梅毒
	FactorHIV             Factor = "hiv"              // HIV感染及艾滋病
	FactorTuberculosis    Factor = "tuberculosis"     // 结核病
	FactorSeverePneumonia Factor = "severe_pneumonia" // 重症感染性肺炎
	FactorSpecialViral    Factor = "special_viral"    // 特殊病毒感染
)

// FactorDef is a row of the grading table.
type FactorDef struct {
	// Factor is the condition's code.
	Factor Factor
	// Colour is the colour the condition grades a pregnancy at least to; Purple for the
	// infectious diseases.
	Colour Colour
	// Derived reports that the library computes the factor (age, BMI) rather than the
	// health worker recording it.
	Derived bool
}

// Factors is the grading table: each condition of nbphs-spec §5.2 with its colour, from
// 《孕产妇妊娠风险评估与管理工作规范》 (2017) [R25] [R26] [R27] [R75]. The reference lists
// the typical criteria only ("e.g."); the official 《孕产妇妊娠风险评估表》 itemises the
// diseases under each colour, which the reference does not give: the general rows
// (FactorMildCondition, FactorSeriousCondition, FactorSevereCondition) stand for them
// and the health worker chooses the row that fits.
var Factors = []FactorDef{
	{FactorAge35, Yellow, true},
	{FactorAge18, Yellow, true},
	{FactorBMIHigh, Yellow, true},
	{FactorBMILow, Yellow, true},
	{FactorScarredUterus, Yellow, false},
	{FactorMultiple, Yellow, false},
	{FactorART, Yellow, false},
	{FactorMildAnaemia, Yellow, false},
	{FactorGDM, Yellow, false},
	{FactorMildCondition, Yellow, false},
	{FactorAge40, Orange, true},
	{FactorBMIObese, Orange, true},
	{FactorSeriousCondition, Orange, false},
	{FactorSevereCondition, Red, false},
	{FactorHepatitis, Purple, false},
	{FactorSyphilis, Purple, false},
	{FactorHIV, Purple, false},
	{FactorTuberculosis, Purple, false},
	{FactorSeverePneumonia, Purple, false},
	{FactorSpecialViral, Purple, false},
}

// Lookup returns the table row of f.
func (f Factor) Lookup() (FactorDef, bool) {
	for _, d := range Factors {
		if d.Factor == f {
			return d, true
		}
	}
	return FactorDef{}, false
}

// IsValid reports whether f is a row of the table.
func (f Factor) IsValid() bool { _, ok := f.Lookup(); return ok }

// Label returns the condition's name in language tag.
func (f Factor) Label(tag language.Tag) string {
	if !f.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("maternal.factor." + string(f))
}

// Age limits of the grading (nbphs-spec §5.2): yellow at 35 or over or at 18 or under,
// orange at 40 or over, in completed years on the day of the assessment.
const (
	AgeYellowFrom = 35
	AgeYellowTo   = 18
	AgeOrangeFrom = 40
)

// BMI limits of the grading (nbphs-spec §5.2), on the BMI as written on the form
// (healthrecord.RoundBMI): yellow above 25 or below 18.5, orange at 28 or over.
const (
	BMIYellowAbove = 25.0
	BMIYellowBelow = 18.5
	BMIOrangeFrom  = 28.0
)

// AgeFactor returns the derived age factor of a woman born on birth, assessed on date
// on, and false when age gives none (19-34 years, or a date missing).
func AgeFactor(birth, on gongwei.Date) (Factor, bool) {
	if birth.IsZero() || on.IsZero() {
		return "", false
	}
	switch age := birth.AgeYears(on); {
	case age >= AgeOrangeFrom:
		return FactorAge40, true
	case age >= AgeYellowFrom:
		return FactorAge35, true
	case age <= AgeYellowTo:
		return FactorAge18, true
	}
	return "", false
}

// BMIFactor returns the derived BMI factor of a BMI (as written on the form), and false
// when it gives none (18.5 to 25 inclusive) or bmi is not positive.
func BMIFactor(bmi float64) (Factor, bool) {
	switch {
	case !(bmi > 0):
		return "", false
	case bmi >= BMIOrangeFrom:
		return FactorBMIObese, true
	case bmi > BMIYellowAbove:
		return FactorBMIHigh, true
	case bmi < BMIYellowBelow:
		return FactorBMILow, true
	}
	return "", false
}

// Grade is the result of a risk assessment: the severity colour and whether purple
// (infectious disease) applies too (nbphs-spec §5.2: "May co-exist with another colour";
// "model the colour as a set").
type Grade struct {
	Colour Colour
	Purple bool
}

// GradeOf grades a set of conditions: the highest colour of any condition wins, green
// when none is yellow or above; any infectious condition adds purple. Unknown factors
// are ignored (Validate reports them).
func GradeOf(factors []Factor) Grade {
	g := Grade{Colour: Green}
	for _, f := range factors {
		d, ok := f.Lookup()
		switch {
		case !ok:
		case d.Colour == Purple:
			g.Purple = true
		case d.Colour > g.Colour:
			g.Colour = d.Colour
		}
	}
	return g
}

// IsZero reports whether g is the zero Grade (no assessment).
func (g Grade) IsZero() bool { return g == Grade{} }

// HighRisk reports whether the grade makes the woman a high-risk pregnancy (高危孕产妇):
// any colour other than green, or purple. These are the women advised to receive care
// and deliver at secondary-level or higher facilities, under "发现一例、登记一例、报告一例、
// 管理一例、救治一例" (nbphs-spec §5.2 [R26]).
func (g Grade) HighRisk() bool { return g.Purple || g.Colour > Green }

// Max returns the higher of g and h colour by colour, purple if either is.
func (g Grade) Max(h Grade) Grade {
	return Grade{Colour: max(g.Colour, h.Colour), Purple: g.Purple || h.Purple}
}

// Colours returns the grade as a set of colours: its severity colour, then purple.
func (g Grade) Colours() []Colour {
	var out []Colour
	if g.Colour.IsValid() {
		out = append(out, g.Colour)
	}
	if g.Purple {
		out = append(out, Purple)
	}
	return out
}

// String returns the colours in English joined by "+": "orange+purple".
func (g Grade) String() string {
	s := ""
	for i, c := range g.Colours() {
		if i > 0 {
			s += "+"
		}
		s += c.String()
	}
	return s
}

// FacilityLevel is the lowest level of facility at which a woman should receive care and
// deliver.
type FacilityLevel int

// The facility levels of nbphs-spec §5.2.
const (
	AnyLevel       FacilityLevel = iota + 1 // routine care
	SecondaryLevel                          // 二级及以上医疗机构
	TertiaryLevel                           // 三级医疗机构
)

// Requirement is what a colour requires (nbphs-spec §5.2 "Management").
type Requirement struct {
	// Colour is the colour whose requirements these are.
	Colour Colour
	// Delivery is the lowest facility level for prenatal care and delivery.
	Delivery FacilityLevel
	// CaseManagement: 高危专案管理 (high-risk case management, 五个一例).
	CaseManagement bool
	// AssessContinuation: a tertiary facility assesses whether the pregnancy should
	// continue.
	AssessContinuation bool
	// ReferIfAbnormal: refer to a tertiary facility if abnormal.
	ReferIfAbnormal bool
	// Infection: manage by the communicable-disease rules, with prevention of
	// mother-to-child transmission for HIV, syphilis and hepatitis B.
	Infection bool
}

// Requirements is what each colour requires, nbphs-spec §5.2's table and its note that
// yellow, orange, red and purple women receive care and deliver at secondary-level or
// higher facilities [R25] [R26] [R27]. The PMTCT wording for purple is UNCONFIRMED in
// reference; implemented as given.
var Requirements = []Requirement{
	{Colour: Green, Delivery: AnyLevel},
	{Colour: Yellow, Delivery: SecondaryLevel, ReferIfAbnormal: true},
	{Colour: Orange, Delivery: SecondaryLevel, CaseManagement: true},
	{Colour: Red, Delivery: TertiaryLevel, CaseManagement: true, AssessContinuation: true},
	{Colour: Purple, Delivery: SecondaryLevel, Infection: true},
}

// RequirementOf returns the row of Requirements for colour c.
func RequirementOf(c Colour) (Requirement, bool) {
	for _, r := range Requirements {
		if r.Colour == c {
			return r, true
		}
	}
	return Requirement{}, false
}

// Requires combines what the grade's colours require: the highest facility level and
// every management flag of either colour.
func (g Grade) Requires() Requirement {
	var out Requirement
	for _, c := range g.Colours() {
		r, _ := RequirementOf(c)
		out.Delivery = max(out.Delivery, r.Delivery)
		out.CaseManagement = out.CaseManagement || r.CaseManagement
		out.AssessContinuation = out.AssessContinuation || r.AssessContinuation
		out.ReferIfAbnormal = out.ReferIfAbnormal || r.ReferIfAbnormal
		out.Infection = out.Infection || r.Infection
	}
	out.Colour = g.Colour
	return out
}

// Assess grades the conditions recorded at a contact on date on for a woman born on
// birth, adding the derived age factor on that date and the BMI factor of bmi (0 when
// unknown). It returns the grade and the complete factor list, recorded factors first.
func Assess(recorded []Factor, birth, on gongwei.Date, bmi float64) (Grade, []Factor) {
	all := slices.Clone(recorded)
	if f, ok := AgeFactor(birth, on); ok {
		all = append(all, f)
	}
	if f, ok := BMIFactor(bmi); ok {
		all = append(all, f)
	}
	return GradeOf(all), all
}

// validateFactors reports unknown, derived (age and BMI are computed, not recorded) and
// repeated factors under field.
func validateFactors(ve *gongwei.ValidationError, field string, fs []Factor) {
	seen := map[Factor]bool{}
	for i, f := range fs {
		path := field + "[" + itoa(i) + "]"
		d, ok := f.Lookup()
		switch {
		case !ok:
			ve.Add(path, gongwei.CodeUnknownCode)
		case d.Derived:
			ve.Add(path, gongwei.CodeNotAllowed)
		case seen[f]:
			ve.Add(path, gongwei.CodeDuplicate)
		}
		seen[f] = true
	}
}

// bmiOf returns the BMI as written on the form of weight (kg) and height (cm), or 0.
func bmiOf(weight, height float64) float64 {
	wr, _ := healthrecord.CheckupRange("weight")
	hr, _ := healthrecord.CheckupRange("height")
	if !wr.Contains(weight) || !hr.Contains(height) {
		return 0
	}
	return healthrecord.RoundBMI(healthrecord.BMI(weight, height))
}
