package healthrecord

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// checkupLabel renders the catalog label prefix.v, or the unknown-code text when !ok.
func checkupLabel(prefix string, v int, ok bool, tag language.Tag) string {
	p := gongwei.NewPrinter(tag)
	if !ok {
		return p.Sprintf(string(gongwei.CodeUnknownCode))
	}
	return p.Sprintf(codeKey(prefix, v))
}

// codeKey returns the catalog key of code v of a numbered code set: prefix.v. The
// catalog entries (messages_checkup.go) name their codes by these constants, so that
// each code is written once, in its constant.
func codeKey[T ~int](prefix string, v T) string { return prefix + "." + strconv.Itoa(int(v)) }

// Symptom is a symptom code of the checkup form (症状), nbphs-spec §1.5.
type Symptom int

// The 25 symptom codes of the checkup form (nbphs-spec §1.5). SymptomNone excludes
// every other code; SymptomOther takes a description (Checkup.SymptomOther).
const (
	SymptomNone             Symptom = 1  // 无症状
	SymptomHeadache         Symptom = 2  // 头痛
	SymptomDizziness        Symptom = 3  // 头晕
	SymptomPalpitations     Symptom = 4  // 心悸
	SymptomChestTightness   Symptom = 5  // 胸闷
	SymptomChestPain        Symptom = 6  // 胸痛
	SymptomChronicCough     Symptom = 7  // 慢性咳嗽
	SymptomSputum           Symptom = 8  // 咳痰
	SymptomDyspnoea         Symptom = 9  // 呼吸困难
	SymptomPolydipsia       Symptom = 10 // 多饮
	SymptomPolyuria         Symptom = 11 // 多尿
	SymptomWeightLoss       Symptom = 12 // 体重下降
	SymptomFatigue          Symptom = 13 // 乏力
	SymptomJointPain        Symptom = 14 // 关节肿痛
	SymptomBlurredVision    Symptom = 15 // 视力模糊
	SymptomNumbness         Symptom = 16 // 手脚麻木
	SymptomUrgency          Symptom = 17 // 尿急
	SymptomDysuria          Symptom = 18 // 尿痛
	SymptomConstipation     Symptom = 19 // 便秘
	SymptomDiarrhoea        Symptom = 20 // 腹泻
	SymptomNauseaVomiting   Symptom = 21 // 恶心呕吐
	SymptomDimVision        Symptom = 22 // 眼花
	SymptomTinnitus         Symptom = 23 // 耳鸣
	SymptomBreastDistension Symptom = 24 // 乳房胀痛
	SymptomOther            Symptom = 25 // 其他
)

// IsValid reports whether s is one of the 25 codes.
func (s Symptom) IsValid() bool { return s >= SymptomNone && s <= SymptomOther }

// Label returns the name of s in the language tag.
func (s Symptom) Label(tag language.Tag) string {
	return checkupLabel("checkup.symptom", int(s), s.IsValid(), tag)
}

// String returns the simplified Chinese name of s.
func (s Symptom) String() string { return s.Label(language.SimplifiedChinese) }

// HealthSelfAssessment is the elderly health-status self-assessment (老年人健康状态自我评估),
// nbphs-spec §1.5. The reference gives the ends of the scale, 1 满意 and 5 不满意; the
// labels of 2-4 (基本满意, 说不清楚, 不太满意) follow the printed form and are
// UNCONFIRMED in reference; implemented as given on the form.
type HealthSelfAssessment int

// Health self-assessment codes.
const (
	HealthSatisfied         HealthSelfAssessment = 1 // 满意
	HealthFairlySatisfied   HealthSelfAssessment = 2 // 基本满意 (UNCONFIRMED label)
	HealthUnsure            HealthSelfAssessment = 3 // 说不清楚 (UNCONFIRMED label)
	HealthNotQuiteSatisfied HealthSelfAssessment = 4 // 不太满意 (UNCONFIRMED label)
	HealthDissatisfied      HealthSelfAssessment = 5 // 不满意
)

// IsValid reports whether h is one of the five codes.
func (h HealthSelfAssessment) IsValid() bool { return h >= HealthSatisfied && h <= HealthDissatisfied }

// Label returns the name of h in the language tag.
func (h HealthSelfAssessment) Label(tag language.Tag) string {
	return checkupLabel("checkup.health_self", int(h), h.IsValid(), tag)
}

// String returns the simplified Chinese name of h.
func (h HealthSelfAssessment) String() string { return h.Label(language.SimplifiedChinese) }

// PosNeg is a negative/positive test or screen result.
type PosNeg int

// Test and screen results.
const (
	Negative PosNeg = 1 // 阴性 (粗筛阴性)
	Positive PosNeg = 2 // 阳性 (粗筛阳性)
)

// IsValid reports whether r is Negative or Positive.
func (r PosNeg) IsValid() bool { return r == Negative || r == Positive }

// Label returns the name of r in the language tag.
func (r PosNeg) Label(tag language.Tag) string {
	return checkupLabel("checkup.posneg", int(r), r.IsValid(), tag)
}

// String returns the simplified Chinese name of r.
func (r PosNeg) String() string { return r.Label(language.SimplifiedChinese) }

// ExerciseFrequency is the exercise frequency code (锻炼频率), nbphs-spec §1.5.
type ExerciseFrequency int

// Exercise frequency codes (nbphs-spec §1.5).
const (
	ExerciseDaily      ExerciseFrequency = 1 // 每天
	ExerciseWeekly     ExerciseFrequency = 2 // 每周一次以上
	ExerciseOccasional ExerciseFrequency = 3 // 偶尔
	ExerciseNone       ExerciseFrequency = 4 // 不锻炼
)

// IsValid reports whether f is one of the four codes.
func (f ExerciseFrequency) IsValid() bool { return f >= ExerciseDaily && f <= ExerciseNone }

// Label returns the name of f in the language tag.
func (f ExerciseFrequency) Label(tag language.Tag) string {
	return checkupLabel("checkup.exercise", int(f), f.IsValid(), tag)
}

// String returns the simplified Chinese name of f.
func (f ExerciseFrequency) String() string { return f.Label(language.SimplifiedChinese) }

// DietHabit is a diet habit code (饮食习惯), multi-select, nbphs-spec §1.5. The first
// three describe the overall balance and exclude one another.
type DietHabit int

// Diet habit codes (nbphs-spec §1.5).
const (
	DietBalanced   DietHabit = 1 // 荤素均衡
	DietMeat       DietHabit = 2 // 荤食为主
	DietVegetarian DietHabit = 3 // 素食为主
	DietSalt       DietHabit = 4 // 嗜盐
	DietOil        DietHabit = 5 // 嗜油
	DietSugar      DietHabit = 6 // 嗜糖
)

// IsValid reports whether d is one of the six codes.
func (d DietHabit) IsValid() bool { return d >= DietBalanced && d <= DietSugar }

// Label returns the name of d in the language tag.
func (d DietHabit) Label(tag language.Tag) string {
	return checkupLabel("checkup.diet", int(d), d.IsValid(), tag)
}

// String returns the simplified Chinese name of d.
func (d DietHabit) String() string { return d.Label(language.SimplifiedChinese) }

// SmokingStatus is the smoking status (吸烟状况), nbphs-spec §1.5.
type SmokingStatus int

// Smoking status codes (nbphs-spec §1.5: never / quit / current).
const (
	SmokingNever   SmokingStatus = 1 // 从不吸烟
	SmokingQuit    SmokingStatus = 2 // 已戒烟
	SmokingCurrent SmokingStatus = 3 // 吸烟
)

// IsValid reports whether s is one of the three codes.
func (s SmokingStatus) IsValid() bool { return s >= SmokingNever && s <= SmokingCurrent }

// Label returns the name of s in the language tag.
func (s SmokingStatus) Label(tag language.Tag) string {
	return checkupLabel("checkup.smoking", int(s), s.IsValid(), tag)
}

// String returns the simplified Chinese name of s.
func (s SmokingStatus) String() string { return s.Label(language.SimplifiedChinese) }

// DrinkingFrequency is the drinking frequency (饮酒频率), nbphs-spec §1.5: 偶尔 means fewer
// than 3 drinking days a week, 经常 3 or more.
type DrinkingFrequency int

// Drinking frequency codes (nbphs-spec §1.5).
const (
	DrinkingNever        DrinkingFrequency = 1 // 从不
	DrinkingOccasionally DrinkingFrequency = 2 // 偶尔
	DrinkingOften        DrinkingFrequency = 3 // 经常
	DrinkingDaily        DrinkingFrequency = 4 // 每天
)

// IsValid reports whether f is one of the four codes.
func (f DrinkingFrequency) IsValid() bool { return f >= DrinkingNever && f <= DrinkingDaily }

// Label returns the name of f in the language tag.
func (f DrinkingFrequency) Label(tag language.Tag) string {
	return checkupLabel("checkup.drinking", int(f), f.IsValid(), tag)
}

// String returns the simplified Chinese name of f.
func (f DrinkingFrequency) String() string { return f.Label(language.SimplifiedChinese) }

// AlcoholKind is a kind of drink (饮酒种类). The reference names the drinks of the
// liang conversion (baijiu, wine, yellow wine, beer, fruit wine) but not the form's code
// list; the codes follow the printed form (UNCONFIRMED in reference; implemented as given
// on the form).
type AlcoholKind int

// Kinds of drink.
const (
	AlcoholBaijiu AlcoholKind = 1 // 白酒
	AlcoholBeer   AlcoholKind = 2 // 啤酒
	AlcoholWine   AlcoholKind = 3 // 红酒
	AlcoholYellow AlcoholKind = 4 // 黄酒
	AlcoholOther  AlcoholKind = 5 // 其他
)

// IsValid reports whether k is one of the five codes.
func (k AlcoholKind) IsValid() bool { return k >= AlcoholBaijiu && k <= AlcoholOther }

// Label returns the name of k in the language tag.
func (k AlcoholKind) Label(tag language.Tag) string {
	return checkupLabel("checkup.alcohol", int(k), k.IsValid(), tag)
}

// String returns the simplified Chinese name of k.
func (k AlcoholKind) String() string { return k.Label(language.SimplifiedChinese) }

// OccupationalStatus tells whether the person was exposed to occupational hazards.
type OccupationalStatus int

// Occupational exposure status.
const (
	OccupationalNone    OccupationalStatus = 1 // 无
	OccupationalExposed OccupationalStatus = 2 // 有
)

// IsValid reports whether s is one of the two codes.
func (s OccupationalStatus) IsValid() bool { return s == OccupationalNone || s == OccupationalExposed }

// Label returns the name of s in the language tag.
func (s OccupationalStatus) Label(tag language.Tag) string {
	return checkupLabel("checkup.occupational", int(s), s.IsValid(), tag)
}

// String returns the simplified Chinese name of s.
func (s OccupationalStatus) String() string { return s.Label(language.SimplifiedChinese) }

// HazardKind is a kind of occupational hazard (毒物种类). The reference names only
// "occupational exposure"; the kinds follow the printed form (UNCONFIRMED in reference;
// implemented as given on the form).
type HazardKind int

// Kinds of occupational hazard.
const (
	HazardDust      HazardKind = 1 // 粉尘
	HazardRadiation HazardKind = 2 // 放射物质
	HazardPhysical  HazardKind = 3 // 物理因素
	HazardChemical  HazardKind = 4 // 化学物质
	HazardOther     HazardKind = 5 // 其他
)

// IsValid reports whether k is one of the five codes.
func (k HazardKind) IsValid() bool { return k >= HazardDust && k <= HazardOther }

// Label returns the name of k in the language tag.
func (k HazardKind) Label(tag language.Tag) string {
	return checkupLabel("checkup.hazard", int(k), k.IsValid(), tag)
}

// String returns the simplified Chinese name of k.
func (k HazardKind) String() string { return k.Label(language.SimplifiedChinese) }

// FindingResult is the result of an examination item.
type FindingResult int

// Examination results; 0 means not examined.
const (
	FindingNormal   FindingResult = 1 // 正常 / 未见异常
	FindingAbnormal FindingResult = 2 // 异常
)

// IsValid reports whether r is FindingNormal or FindingAbnormal.
func (r FindingResult) IsValid() bool { return r == FindingNormal || r == FindingAbnormal }

// Label returns the name of r in the language tag.
func (r FindingResult) Label(tag language.Tag) string {
	return checkupLabel("checkup.finding", int(r), r.IsValid(), tag)
}

// String returns the simplified Chinese name of r.
func (r FindingResult) String() string { return r.Label(language.SimplifiedChinese) }

// Dipstick is a semi-quantitative urine dipstick result.
type Dipstick int

// Dipstick results; 0 means not tested.
const (
	DipstickNegative Dipstick = 1 // −
	DipstickTrace    Dipstick = 2 // ±
	Dipstick1Plus    Dipstick = 3 // +
	Dipstick2Plus    Dipstick = 4 // ++
	Dipstick3Plus    Dipstick = 5 // +++
	Dipstick4Plus    Dipstick = 6 // ++++
)

// IsValid reports whether d is one of the six results.
func (d Dipstick) IsValid() bool { return d >= DipstickNegative && d <= Dipstick4Plus }

// Label returns the notation of d in the language tag.
func (d Dipstick) Label(tag language.Tag) string {
	return checkupLabel("checkup.dipstick", int(d), d.IsValid(), tag)
}

// String returns the simplified Chinese notation of d.
func (d Dipstick) String() string { return d.Label(language.SimplifiedChinese) }

// ProblemSystem is the system a current health problem belongs to. The reference names
// the section only; the systems follow the printed form (UNCONFIRMED in reference;
// implemented as given on the form).
type ProblemSystem int

// Systems of current health problems.
const (
	ProblemCerebrovascular ProblemSystem = 1 // 脑血管疾病
	ProblemKidney          ProblemSystem = 2 // 肾脏疾病
	ProblemHeart           ProblemSystem = 3 // 心脏疾病
	ProblemVascular        ProblemSystem = 4 // 血管疾病
	ProblemEye             ProblemSystem = 5 // 眼部疾病
	ProblemNervous         ProblemSystem = 6 // 神经系统疾病
	ProblemOther           ProblemSystem = 7 // 其他系统疾病
)

// IsValid reports whether s is one of the seven codes.
func (s ProblemSystem) IsValid() bool { return s >= ProblemCerebrovascular && s <= ProblemOther }

// Label returns the name of s in the language tag.
func (s ProblemSystem) Label(tag language.Tag) string {
	return checkupLabel("checkup.problem", int(s), s.IsValid(), tag)
}

// String returns the simplified Chinese name of s.
func (s ProblemSystem) String() string { return s.Label(language.SimplifiedChinese) }

// StayKind tells a hospitalisation from a home sickbed.
type StayKind int

// Kinds of stay (住院治疗情况).
const (
	StayHospital StayKind = 1 // 住院史
	StayHomeBed  StayKind = 2 // 家庭病床史
)

// IsValid reports whether k is one of the two codes.
func (k StayKind) IsValid() bool { return k == StayHospital || k == StayHomeBed }

// Label returns the name of k in the language tag.
func (k StayKind) Label(tag language.Tag) string {
	return checkupLabel("checkup.stay", int(k), k.IsValid(), tag)
}

// String returns the simplified Chinese name of k.
func (k StayKind) String() string { return k.Label(language.SimplifiedChinese) }

// Adherence is medication adherence (服药依从性), nbphs-spec §7.2: 1 规律 = as prescribed,
// 2 间断 = not as prescribed, 3 不服药 = prescribed but not taken.
type Adherence int

// Adherence codes (nbphs-spec §7.2).
const (
	AdherenceRegular      Adherence = 1 // 规律
	AdherenceIntermittent Adherence = 2 // 间断
	AdherenceNotTaking    Adherence = 3 // 不服药
)

// IsValid reports whether a is one of the three codes.
func (a Adherence) IsValid() bool { return a >= AdherenceRegular && a <= AdherenceNotTaking }

// Label returns the name of a in the language tag.
func (a Adherence) Label(tag language.Tag) string {
	return checkupLabel("checkup.adherence", int(a), a.IsValid(), tag)
}

// String returns the simplified Chinese name of a.
func (a Adherence) String() string { return a.Label(language.SimplifiedChinese) }

// EvaluationResult is the health evaluation result (健康评价).
type EvaluationResult int

// Health evaluation results.
const (
	EvaluationNormal   EvaluationResult = 1 // 体检无异常
	EvaluationAbnormal EvaluationResult = 2 // 有异常
)

// IsValid reports whether r is one of the two codes.
func (r EvaluationResult) IsValid() bool { return r == EvaluationNormal || r == EvaluationAbnormal }

// Label returns the name of r in the language tag.
func (r EvaluationResult) Label(tag language.Tag) string {
	return checkupLabel("checkup.evaluation", int(r), r.IsValid(), tag)
}

// String returns the simplified Chinese name of r.
func (r EvaluationResult) String() string { return r.Label(language.SimplifiedChinese) }

// GuidanceCode is a health guidance item (健康指导), multi-select. The reference names
// the section only; the items follow the printed form (UNCONFIRMED in reference;
// implemented as given on the form).
type GuidanceCode int

// Health guidance items.
const (
	GuidanceChronicProgramme GuidanceCode = 1 // 纳入慢性病患者健康管理
	GuidanceRecheck          GuidanceCode = 2 // 建议复查
	GuidanceReferral         GuidanceCode = 3 // 建议转诊
)

// IsValid reports whether g is one of the three codes.
func (g GuidanceCode) IsValid() bool { return g >= GuidanceChronicProgramme && g <= GuidanceReferral }

// Label returns the name of g in the language tag.
func (g GuidanceCode) Label(tag language.Tag) string {
	return checkupLabel("checkup.guidance", int(g), g.IsValid(), tag)
}

// String returns the simplified Chinese name of g.
func (g GuidanceCode) String() string { return g.Label(language.SimplifiedChinese) }

// RiskControl is a risk-factor control item (危险因素控制), multi-select. The items
// follow the printed form (UNCONFIRMED in reference; implemented as given on the form).
type RiskControl int

// Risk-factor control items.
const (
	RiskQuitSmoking  RiskControl = 1 // 戒烟
	RiskHealthyDrink RiskControl = 2 // 健康饮酒
	RiskDiet         RiskControl = 3 // 饮食
	RiskExercise     RiskControl = 4 // 锻炼
	RiskLoseWeight   RiskControl = 5 // 减体重 (目标体重)
	RiskVaccination  RiskControl = 6 // 建议接种疫苗
	RiskOther        RiskControl = 7 // 其他
)

// IsValid reports whether r is one of the seven codes.
func (r RiskControl) IsValid() bool { return r >= RiskQuitSmoking && r <= RiskOther }

// Label returns the name of r in the language tag.
func (r RiskControl) Label(tag language.Tag) string {
	return checkupLabel("checkup.risk", int(r), r.IsValid(), tag)
}

// String returns the simplified Chinese name of r.
func (r RiskControl) String() string { return r.Label(language.SimplifiedChinese) }
