package healthrecord

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// CheckupID is the key of a health checkup record.
type CheckupID string

// Checkup is one health checkup form (健康体检表), nbphs-spec §1.5. The same form serves the
// first record creation and the annual checks of the elderly (nbphs-spec §6) and of
// chronic-disease patients.
//
// Measurements are pointers: nil means "not measured", which differs from a measured 0.
// Coded items use 0 for "not recorded". Validate (or ValidateFor, which also knows the
// resident's age) checks what is filled in; Missing lists what a complete form still
// lacks.
//
// The elderly self-care assessment form (老年人生活自理能力评估表) and the elderly TCM
// constitution record (老年人中医药健康管理服务记录表) are separate paper forms; they are
// attached here (Elderly, TCM) so that a store keeps them with the checkup they were
// done with.
type Checkup struct {
	// ID is the store key.
	ID CheckupID
	// Resident is the record the checkup belongs to.
	Resident ResidentID
	// Date is the date of the checkup (体检日期).
	Date gongwei.Date
	// Physician is the responsible doctor (责任医生) who signed the form.
	Physician string

	// Symptoms are the checked symptom codes (症状), multi-select; SymptomNone excludes
	// every other code.
	Symptoms []Symptom
	// SymptomOther describes the symptom when SymptomOther (25 其他) is checked.
	SymptomOther string

	// General is the general status (一般状况) section.
	General GeneralStatus
	// Lifestyle is the lifestyle (生活方式) section.
	Lifestyle Lifestyle
	// Organs is the organ function (脏器功能) section.
	Organs OrganFunction
	// Exam is the physical examination (查体) section.
	Exam PhysicalExam
	// Tests is the auxiliary tests (辅助检查) section.
	Tests AuxiliaryTests

	// Problems are the current main health problems (现存主要健康问题).
	Problems []HealthProblem
	// Stays are the hospitalisations and home sickbeds (住院治疗情况).
	Stays []HospitalStay
	// Medications are the main medicines taken (主要用药情况), with adherence.
	Medications []Medication
	// Vaccinations are the non-programme vaccinations (非免疫规划预防接种史).
	Vaccinations []NonNIPVaccination

	// Evaluation is the health evaluation (健康评价) of this checkup.
	Evaluation HealthEvaluation
	// Guidance is the health guidance and risk-factor control (健康指导/危险因素控制).
	Guidance HealthGuidance

	// Elderly holds the assessments of the elderly health management service
	// (nbphs-spec §6) done with this checkup, for residents aged 65 and over; nil if none.
	Elderly *ElderlyAssessment
	// TCM holds the elderly TCM constitution identification (nbphs-spec §11.1) done with
	// this checkup, for residents aged 65 and over; nil if none.
	TCM *TCMAssessment

	// Derived is the outcome of the rules the Registry derived when it saved the form,
	// for the resident's birth date, with the edition of the rules that produced it (see
	// CheckupOutcome and RulesEdition). Read it through Outcome, which recomputes an
	// outcome of another edition or birth date; the zero value means "not derived".
	Derived CheckupOutcome

	// Version is the optimistic-concurrency version, managed by the store wrapper.
	Version int64
}

// GeneralStatus is the general status section (一般状况) of the checkup form.
type GeneralStatus struct {
	// Temperature is the body temperature in °C.
	Temperature *float64
	// Pulse is the pulse rate in beats per minute.
	Pulse *int
	// Respiration is the respiratory rate in breaths per minute.
	Respiration *int
	// BPLeft is the blood pressure on the left arm.
	BPLeft BloodPressure
	// BPRight is the blood pressure on the right arm.
	BPRight BloodPressure
	// Height in cm.
	Height *float64
	// Weight in kg.
	Weight *float64
	// Waist circumference in cm.
	Waist *float64

	// HealthSelfAssessment is the elderly health-status self-assessment (老年人健康状态自我
	// 评估), 65+ only.
	HealthSelfAssessment HealthSelfAssessment
	// SelfCareSelfAssessment is the elderly self-care self-assessment (老年人生活自理能力
	// 自我评估), one of the bands of the self-care assessment form, 65+ only.
	SelfCareSelfAssessment SelfCareBand
	// Cognitive is the elderly cognitive screen (老年人认知功能) with the MMSE total
	// (简易智力状态检查) when positive, 65+ only.
	Cognitive Screening
	// Mood is the elderly mood screen (老年人情感状态) with the geriatric depression scale
	// total (老年抑郁评分) when positive, 65+ only.
	Mood Screening
}

// BloodPressure is one arm's reading in mmHg. Systolic and diastolic are recorded
// together or not at all.
type BloodPressure struct {
	Systolic  *int
	Diastolic *int
}

// Recorded reports whether both values of the reading are present.
func (b BloodPressure) Recorded() bool { return b.Systolic != nil && b.Diastolic != nil }

// Screening is a rough screen (粗筛) and, when it is positive, the total of the follow-up
// scale.
type Screening struct {
	// Result is the screen result; 0 when not done.
	Result PosNeg
	// Score is the total of the follow-up scale (MMSE for the cognitive screen, the
	// geriatric depression scale for the mood screen).
	Score *int
}

// Lifestyle is the lifestyle section (生活方式) of the checkup form.
type Lifestyle struct {
	Exercise     Exercise
	Diet         []DietHabit
	Smoking      Smoking
	Drinking     Drinking
	Occupational OccupationalExposure
}

// Exercise is physical exercise (体育锻炼).
type Exercise struct {
	// Frequency is 锻炼频率: daily, more than once a week, occasionally or never.
	Frequency ExerciseFrequency
	// MinutesPerSession is the duration of one session (每次锻炼时间), minutes.
	MinutesPerSession *int
	// Years is how long the habit has been kept (坚持锻炼时间), years.
	Years *float64
	// Kind describes the kind of exercise (锻炼方式).
	Kind string
}

// Smoking is the smoking history (吸烟情况).
type Smoking struct {
	// Status is 吸烟状况: never, quit or smoking.
	Status SmokingStatus
	// PerDay is the average number of cigarettes a day (日吸烟量).
	PerDay *int
	// StartAge is the age smoking started (开始吸烟年龄), years.
	StartAge *int
	// QuitAge is the age smoking stopped (戒烟年龄), years; for SmokingQuit only.
	QuitAge *int
}

// Drinking is the drinking history (饮酒情况).
type Drinking struct {
	// Frequency is 饮酒频率: never, occasionally, often or daily.
	Frequency DrinkingFrequency
	// DailyLiang is the average daily amount (日饮酒量) in liang (两) of baijiu
	// equivalent: 1 liang baijiu = 4 liang wine = half a jin of yellow wine = 1 bottle of
	// beer = 4 liang fruit wine (nbphs-spec §1.5).
	DailyLiang *float64
	// Quit reports whether the person has stopped drinking (是否戒酒).
	Quit *bool
	// QuitAge is the age drinking stopped (戒酒年龄); only when Quit.
	QuitAge *int
	// StartAge is the age drinking started (开始饮酒年龄).
	StartAge *int
	// DrunkPastYear reports whether the person was drunk in the past year (近一年内是否曾
	// 醉酒).
	DrunkPastYear *bool
	// Kinds are the kinds of drink (饮酒种类), multi-select.
	Kinds []AlcoholKind
	// KindOther describes AlcoholOther.
	KindOther string
}

// OccupationalExposure is the occupational hazard exposure history (职业病危害因素接触史).
type OccupationalExposure struct {
	// Status is 无 or 有 (exposed).
	Status OccupationalStatus
	// Job is the type of work (工种).
	Job string
	// Years is the time in that work (从业时间), years.
	Years *float64
	// Factors are the hazards the person was exposed to.
	Factors []HazardFactor
}

// HazardFactor is one occupational hazard (毒物种类) and the protection used.
type HazardFactor struct {
	// Kind is the hazard's class: dust, radioactive substance, physical or chemical
	// factor, or other.
	Kind HazardKind
	// Substance names the hazard (e.g. the kind of dust).
	Substance string
	// Protected reports whether protective measures were used (防护措施).
	Protected *bool
	// Measures describes the protection.
	Measures string
}

// OrganFunction is the organ function section (脏器功能). The reference lists the items
// but not their code lists (UNCONFIRMED in reference), so each is a normal/abnormal
// Finding with a description.
type OrganFunction struct {
	// Lips (口唇), Dentition (齿列) and Pharynx (咽部) make up the oral examination.
	Lips      Finding
	Dentition Finding
	Pharynx   Finding
	// VisionLeft and VisionRight are the visual acuity in decimal notation (小数记录).
	VisionLeft  *float64
	VisionRight *float64
	// CorrectedLeft and CorrectedRight are the corrected visual acuity (矫正视力), if
	// measured.
	CorrectedLeft  *float64
	CorrectedRight *float64
	// Hearing (听力): normal = hears the examiner.
	Hearing Finding
	// Motor is the motor function (运动功能): normal = completes the movements
	// unaided.
	Motor Finding
}

// PhysicalExam is the physical examination section (查体). The item list is UNCONFIRMED
// in reference; each item is a normal/abnormal Finding with a description, except the
// heart rate. Fundus, DRE, Breast and Gynaecology are starred items (not free for the
// general population, nbphs-spec §1.5) and never required.
type PhysicalExam struct {
	Fundus     Finding // 眼底*
	Skin       Finding // 皮肤
	Sclera     Finding // 巩膜
	LymphNodes Finding // 淋巴结
	Lungs      Finding // 肺
	// HeartRate is the heart rate (心率) in beats per minute.
	HeartRate       *int
	HeartRhythm     Finding // 心律: normal = regular
	HeartMurmur     Finding // 杂音: normal = none
	Abdomen         Finding // 腹部
	LowerLimbOedema Finding // 下肢水肿: normal = none
	DorsalisPedis   Finding // 足背动脉搏动: normal = palpable, symmetric
	DRE             Finding // 肛门指诊*
	Breast          Finding // 乳腺*
	Gynaecology     Finding // 妇科*
	Other           Finding // 其他
}

// AuxiliaryTests is the auxiliary tests section (辅助检查).
type AuxiliaryTests struct {
	BloodRoutine BloodRoutine // 血常规
	UrineRoutine UrineRoutine // 尿常规
	// FastingGlucose (空腹血糖) in mmol/L.
	FastingGlucose *float64
	// ECG (心电图).
	ECG Finding
	// UrineMicroalbumin (尿微量白蛋白) in mg/dL.
	UrineMicroalbumin *float64
	// FaecalOccultBlood (大便潜血).
	FaecalOccultBlood PosNeg
	// HbA1c (糖化血红蛋白) in %.
	HbA1c *float64
	// HBsAg (乙型肝炎表面抗原).
	HBsAg  PosNeg
	Liver  LiverFunction  // 肝功能
	Kidney KidneyFunction // 肾功能
	Lipids Lipids         // 血脂
	// ChestXRay (胸部X线片).
	ChestXRay Finding
	// AbdominalUltrasound (腹部B超: liver, gallbladder, pancreas, spleen).
	AbdominalUltrasound Finding
	// OtherUltrasound (其他B超).
	OtherUltrasound Finding
	// CervicalSmear (宫颈涂片).
	CervicalSmear Finding
	// Other lists other tests and results.
	Other string
}

// BloodRoutine is the blood routine (血常规).
type BloodRoutine struct {
	// Haemoglobin in g/L.
	Haemoglobin *float64
	// WBC is the white cell count in 10⁹/L.
	WBC *float64
	// Platelets in 10⁹/L.
	Platelets *float64
	// Other results.
	Other string
}

// UrineRoutine is the urine routine (尿常规), dipstick results.
type UrineRoutine struct {
	Protein     Dipstick // 尿蛋白
	Glucose     Dipstick // 尿糖
	Ketone      Dipstick // 尿酮体
	OccultBlood Dipstick // 尿潜血
	Other       string   // other urine results
}

// LiverFunction is the liver function panel (肝功能).
type LiverFunction struct {
	// ALT (血清谷丙转氨酶) in U/L.
	ALT *float64
	// AST (血清谷草转氨酶) in U/L.
	AST *float64
	// Albumin (白蛋白) in g/L.
	Albumin *float64
	// TotalBilirubin (总胆红素) in µmol/L.
	TotalBilirubin *float64
}

// KidneyFunction is the kidney function panel (肾功能).
type KidneyFunction struct {
	// Creatinine (血清肌酐) in µmol/L.
	Creatinine *float64
	// Urea (血尿素) in mmol/L.
	Urea *float64
}

// Lipids is the lipid panel (血脂), mmol/L.
type Lipids struct {
	TC  *float64 // 总胆固醇
	TG  *float64 // 甘油三酯
	LDL *float64 // 血清低密度脂蛋白胆固醇
	HDL *float64 // 血清高密度脂蛋白胆固醇
}

// Finding is the result of an examination item recorded as normal or abnormal, with a
// description. The zero Finding means "not examined".
type Finding struct {
	// Result is normal or abnormal; zero when not examined.
	Result FindingResult
	// Note describes the abnormality (or adds detail to a normal result).
	Note string
}

// Examined reports whether the item has a result.
func (f Finding) Examined() bool { return f.Result != 0 }

// HealthProblem is one current main health problem (现存主要健康问题).
type HealthProblem struct {
	// System is the form's group of the problem: cerebrovascular, kidney, heart,
	// vascular, eye, nervous system or other.
	System ProblemSystem
	// Description names the disease.
	Description string
}

// HospitalStay is one hospitalisation (住院史) or home sickbed (家庭病床史).
type HospitalStay struct {
	// Kind is a hospitalisation or a home sickbed.
	Kind StayKind
	// Start is the admission date (入院/建床日期); End the discharge date (出院/撤床日期),
	// zero while the stay goes on.
	Start gongwei.Date
	End   gongwei.Date
	// Reason for the stay (原因).
	Reason string
	// Institution is the medical institution's name (医疗机构名称).
	Institution string
	// CaseNumber is the medical record number (病案号).
	CaseNumber string
}

// Medication is one main medicine (主要用药情况).
type Medication struct {
	Name     string // 药物名称
	Usage    string // 用法
	Dose     string // 用量
	Duration string // 用药时间
	// Adherence is the medication adherence (服药依从性).
	Adherence Adherence
}

// NonNIPVaccination is one vaccination outside the national immunization programme
// (非免疫规划预防接种史).
type NonNIPVaccination struct {
	Name        string
	Date        gongwei.Date
	Institution string
}

// HealthEvaluation is the health evaluation (健康评价), based on this checkup and not on
// past history (nbphs-spec §1.5).
type HealthEvaluation struct {
	// Result is 体检无异常 or 有异常.
	Result EvaluationResult
	// Abnormalities lists the abnormal findings (异常1, 异常2, ...) when Result is
	// EvaluationAbnormal.
	Abnormalities []string
}

// HealthGuidance is the health guidance (健康指导) and risk-factor control (危险因素控制).
type HealthGuidance struct {
	// Items are the guidance given: chronic disease management, recheck, referral.
	Items []GuidanceCode
	// RiskControl are the risk factors to control (quit smoking, drink healthily, diet,
	// exercise, lose weight, vaccination, other).
	RiskControl []RiskControl
	// TargetWeight is the weight goal in kg, for RiskLoseWeight.
	TargetWeight *float64
	// Vaccines names the vaccines advised, for RiskVaccination.
	Vaccines string
	// Other describes RiskOther.
	Other string
}

// Given reports whether any guidance or risk-factor control was recorded.
func (g HealthGuidance) Given() bool { return len(g.Items) > 0 || len(g.RiskControl) > 0 }

// Measured returns a pointer to v, for filling the optional measurements of a Checkup:
// c.General.Pulse = healthrecord.Measured(72).
func Measured[T any](v T) *T { return &v }

func dupPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Clone returns a deep copy of c: changing the copy never changes c.
func (c *Checkup) Clone() *Checkup {
	x := *c
	x.Symptoms = slices.Clone(c.Symptoms)

	g := &x.General
	g.Temperature = dupPtr(c.General.Temperature)
	g.Pulse = dupPtr(c.General.Pulse)
	g.Respiration = dupPtr(c.General.Respiration)
	g.BPLeft = c.General.BPLeft.clone()
	g.BPRight = c.General.BPRight.clone()
	g.Height = dupPtr(c.General.Height)
	g.Weight = dupPtr(c.General.Weight)
	g.Waist = dupPtr(c.General.Waist)
	g.Cognitive.Score = dupPtr(c.General.Cognitive.Score)
	g.Mood.Score = dupPtr(c.General.Mood.Score)

	l := &x.Lifestyle
	l.Exercise.MinutesPerSession = dupPtr(c.Lifestyle.Exercise.MinutesPerSession)
	l.Exercise.Years = dupPtr(c.Lifestyle.Exercise.Years)
	l.Diet = slices.Clone(c.Lifestyle.Diet)
	l.Smoking.PerDay = dupPtr(c.Lifestyle.Smoking.PerDay)
	l.Smoking.StartAge = dupPtr(c.Lifestyle.Smoking.StartAge)
	l.Smoking.QuitAge = dupPtr(c.Lifestyle.Smoking.QuitAge)
	d := &l.Drinking
	d.DailyLiang = dupPtr(c.Lifestyle.Drinking.DailyLiang)
	d.Quit = dupPtr(c.Lifestyle.Drinking.Quit)
	d.QuitAge = dupPtr(c.Lifestyle.Drinking.QuitAge)
	d.StartAge = dupPtr(c.Lifestyle.Drinking.StartAge)
	d.DrunkPastYear = dupPtr(c.Lifestyle.Drinking.DrunkPastYear)
	d.Kinds = slices.Clone(c.Lifestyle.Drinking.Kinds)
	l.Occupational.Years = dupPtr(c.Lifestyle.Occupational.Years)
	if c.Lifestyle.Occupational.Factors != nil {
		l.Occupational.Factors = make([]HazardFactor, len(c.Lifestyle.Occupational.Factors))
		for i, f := range c.Lifestyle.Occupational.Factors {
			f.Protected = dupPtr(f.Protected)
			l.Occupational.Factors[i] = f
		}
	}

	o := &x.Organs
	o.VisionLeft = dupPtr(c.Organs.VisionLeft)
	o.VisionRight = dupPtr(c.Organs.VisionRight)
	o.CorrectedLeft = dupPtr(c.Organs.CorrectedLeft)
	o.CorrectedRight = dupPtr(c.Organs.CorrectedRight)

	x.Exam.HeartRate = dupPtr(c.Exam.HeartRate)

	t := &x.Tests
	t.BloodRoutine.Haemoglobin = dupPtr(c.Tests.BloodRoutine.Haemoglobin)
	t.BloodRoutine.WBC = dupPtr(c.Tests.BloodRoutine.WBC)
	t.BloodRoutine.Platelets = dupPtr(c.Tests.BloodRoutine.Platelets)
	t.FastingGlucose = dupPtr(c.Tests.FastingGlucose)
	t.UrineMicroalbumin = dupPtr(c.Tests.UrineMicroalbumin)
	t.HbA1c = dupPtr(c.Tests.HbA1c)
	t.Liver.ALT = dupPtr(c.Tests.Liver.ALT)
	t.Liver.AST = dupPtr(c.Tests.Liver.AST)
	t.Liver.Albumin = dupPtr(c.Tests.Liver.Albumin)
	t.Liver.TotalBilirubin = dupPtr(c.Tests.Liver.TotalBilirubin)
	t.Kidney.Creatinine = dupPtr(c.Tests.Kidney.Creatinine)
	t.Kidney.Urea = dupPtr(c.Tests.Kidney.Urea)
	t.Lipids.TC = dupPtr(c.Tests.Lipids.TC)
	t.Lipids.TG = dupPtr(c.Tests.Lipids.TG)
	t.Lipids.LDL = dupPtr(c.Tests.Lipids.LDL)
	t.Lipids.HDL = dupPtr(c.Tests.Lipids.HDL)

	x.Problems = slices.Clone(c.Problems)
	x.Stays = slices.Clone(c.Stays)
	x.Medications = slices.Clone(c.Medications)
	x.Vaccinations = slices.Clone(c.Vaccinations)
	x.Evaluation.Abnormalities = slices.Clone(c.Evaluation.Abnormalities)
	x.Guidance.Items = slices.Clone(c.Guidance.Items)
	x.Guidance.RiskControl = slices.Clone(c.Guidance.RiskControl)
	x.Guidance.TargetWeight = dupPtr(c.Guidance.TargetWeight)

	if c.Elderly != nil {
		x.Elderly = c.Elderly.Clone()
	}
	if c.TCM != nil {
		x.TCM = c.TCM.Clone()
	}
	return &x
}

func (b BloodPressure) clone() BloodPressure {
	return BloodPressure{Systolic: dupPtr(b.Systolic), Diastolic: dupPtr(b.Diastolic)}
}
