package healthrecord

import "github.com/gongwei-lib/gongwei"

// Missing lists the field paths a complete checkup form still lacks, in form order; an
// empty list means the form is filled in completely (体检表填写完整, the condition of the
// record-quality and elderly-management indicators, nbphs-spec §1.6 and §6.2). birth is
// the resident's birth date: when the resident is ElderlyMinAge or older on the checkup
// date, the elderly items and the auxiliary tests of the elderly service are required
// too. A zero birth treats the resident as younger than 65.
//
// Required of every form: Physician; Symptoms (and SymptomOther when 其他 is checked);
// temperature, pulse, respiration, both arms' blood pressure, height, weight, waist; the
// lifestyle answers with the details each answer calls for (exercise minutes and years
// unless 不锻炼; cigarettes a day and start age for a smoker, start and quit ages for a
// former smoker; amount, quit, start age, drunk in the past year and kinds unless a
// never-drinker; job, years and hazards when exposed); the oral examination, both eyes'
// vision, hearing and motor function; skin, sclera, lymph nodes, lungs, heart rate,
// rhythm and murmur, abdomen, lower-limb oedema and dorsalis pedis pulse; the health
// evaluation (with its abnormalities when abnormal) and some health guidance
// ("Guidance"). Starred items (fundus, DRE, breast, gynaecology, and for people under 65
// the auxiliary tests) are not free for the general population (nbphs-spec §1.5) and
// are never required; an abnormal finding that is recorded needs its description
// (".Note"); a medication that is listed needs its usage, dose and adherence.
//
// Required for 65 and over (nbphs-spec §1.5 and §6): the health and self-care
// self-assessments, the cognitive and mood screens (with the scale total when positive),
// and the auxiliary tests of the elderly service: blood routine (haemoglobin, white
// cells, platelets), urine routine (protein, glucose, ketones, occult blood), liver
// function (ALT, AST, total bilirubin), kidney function (creatinine, urea), fasting
// glucose, lipids (TC, TG, LDL-C, HDL-C), ECG and abdominal B-ultrasound.
//
// Missing does not validate: run Validate or ValidateFor for wrong values.
func (c *Checkup) Missing(birth gongwei.Date) []string {
	var m missing
	c.missing(&m, birth)
	return m.paths
}

// missing collects into m the items Missing reports.
func (c *Checkup) missing(m *missing, birth gongwei.Date) {
	m.need(c.Physician != "", "Physician")
	m.need(len(c.Symptoms) > 0, "Symptoms")
	m.need(!hasCode(c.Symptoms, SymptomOther) || c.SymptomOther != "", "SymptomOther")

	g := &c.General
	m.need(g.Temperature != nil, "General.Temperature")
	m.need(g.Pulse != nil, "General.Pulse")
	m.need(g.Respiration != nil, "General.Respiration")
	m.need(g.BPLeft.Systolic != nil, "General.BPLeft.Systolic")
	m.need(g.BPLeft.Diastolic != nil, "General.BPLeft.Diastolic")
	m.need(g.BPRight.Systolic != nil, "General.BPRight.Systolic")
	m.need(g.BPRight.Diastolic != nil, "General.BPRight.Diastolic")
	m.need(g.Height != nil, "General.Height")
	m.need(g.Weight != nil, "General.Weight")
	m.need(g.Waist != nil, "General.Waist")
	elderly := IsElderlyOn(birth, c.Date)
	if elderly {
		m.need(g.HealthSelfAssessment != 0, "General.HealthSelfAssessment")
		m.need(g.SelfCareSelfAssessment != 0, "General.SelfCareSelfAssessment")
		m.need(g.Cognitive.Result != 0, "General.Cognitive.Result")
		m.need(g.Cognitive.Result != Positive || g.Cognitive.Score != nil, "General.Cognitive.Score")
		m.need(g.Mood.Result != 0, "General.Mood.Result")
		m.need(g.Mood.Result != Positive || g.Mood.Score != nil, "General.Mood.Score")
	}

	l := &c.Lifestyle
	m.need(l.Exercise.Frequency != 0, "Lifestyle.Exercise.Frequency")
	if f := l.Exercise.Frequency; f != 0 && f != ExerciseNone {
		m.need(l.Exercise.MinutesPerSession != nil, "Lifestyle.Exercise.MinutesPerSession")
		m.need(l.Exercise.Years != nil, "Lifestyle.Exercise.Years")
	}
	m.need(len(l.Diet) > 0, "Lifestyle.Diet")
	s := &l.Smoking
	m.need(s.Status != 0, "Lifestyle.Smoking.Status")
	switch s.Status {
	case SmokingCurrent:
		m.need(s.PerDay != nil, "Lifestyle.Smoking.PerDay")
		m.need(s.StartAge != nil, "Lifestyle.Smoking.StartAge")
	case SmokingQuit:
		m.need(s.StartAge != nil, "Lifestyle.Smoking.StartAge")
		m.need(s.QuitAge != nil, "Lifestyle.Smoking.QuitAge")
	}
	d := &l.Drinking
	m.need(d.Frequency != 0, "Lifestyle.Drinking.Frequency")
	if d.Frequency != 0 && d.Frequency != DrinkingNever {
		m.need(d.DailyLiang != nil, "Lifestyle.Drinking.DailyLiang")
		m.need(d.Quit != nil, "Lifestyle.Drinking.Quit")
		m.need(d.Quit == nil || !*d.Quit || d.QuitAge != nil, "Lifestyle.Drinking.QuitAge")
		m.need(d.StartAge != nil, "Lifestyle.Drinking.StartAge")
		m.need(d.DrunkPastYear != nil, "Lifestyle.Drinking.DrunkPastYear")
		m.need(len(d.Kinds) > 0, "Lifestyle.Drinking.Kinds")
		m.need(!hasCode(d.Kinds, AlcoholOther) || d.KindOther != "", "Lifestyle.Drinking.KindOther")
	}
	o := &l.Occupational
	m.need(o.Status != 0, "Lifestyle.Occupational.Status")
	if o.Status == OccupationalExposed {
		m.need(o.Job != "", "Lifestyle.Occupational.Job")
		m.need(o.Years != nil, "Lifestyle.Occupational.Years")
		m.need(len(o.Factors) > 0, "Lifestyle.Occupational.Factors")
		for i, f := range o.Factors {
			m.needAt(f.Protected != nil, "Lifestyle.Occupational.Factors", i, ".Protected")
		}
	}

	m.need(c.Organs.VisionLeft != nil, "Organs.VisionLeft")
	m.need(c.Organs.VisionRight != nil, "Organs.VisionRight")
	m.need(c.Exam.HeartRate != nil, "Exam.HeartRate")
	for _, f := range c.findings() {
		elderlyItem := f.field == "Tests.ECG" || f.field == "Tests.AbdominalUltrasound"
		m.need(f.finding.Examined() || !(f.required || elderly && elderlyItem), f.field)
		if f.finding.Result == FindingAbnormal && f.finding.Note == "" {
			m.need(false, f.field+".Note")
		}
	}

	if elderly {
		t := &c.Tests
		m.need(t.BloodRoutine.Haemoglobin != nil, "Tests.BloodRoutine.Haemoglobin")
		m.need(t.BloodRoutine.WBC != nil, "Tests.BloodRoutine.WBC")
		m.need(t.BloodRoutine.Platelets != nil, "Tests.BloodRoutine.Platelets")
		m.need(t.UrineRoutine.Protein != 0, "Tests.UrineRoutine.Protein")
		m.need(t.UrineRoutine.Glucose != 0, "Tests.UrineRoutine.Glucose")
		m.need(t.UrineRoutine.Ketone != 0, "Tests.UrineRoutine.Ketone")
		m.need(t.UrineRoutine.OccultBlood != 0, "Tests.UrineRoutine.OccultBlood")
		m.need(t.FastingGlucose != nil, "Tests.FastingGlucose")
		m.need(t.Liver.ALT != nil, "Tests.Liver.ALT")
		m.need(t.Liver.AST != nil, "Tests.Liver.AST")
		m.need(t.Liver.TotalBilirubin != nil, "Tests.Liver.TotalBilirubin")
		m.need(t.Kidney.Creatinine != nil, "Tests.Kidney.Creatinine")
		m.need(t.Kidney.Urea != nil, "Tests.Kidney.Urea")
		m.need(t.Lipids.TC != nil, "Tests.Lipids.TC")
		m.need(t.Lipids.TG != nil, "Tests.Lipids.TG")
		m.need(t.Lipids.LDL != nil, "Tests.Lipids.LDL")
		m.need(t.Lipids.HDL != nil, "Tests.Lipids.HDL")
	}

	for i, med := range c.Medications {
		m.needAt(med.Usage != "", "Medications", i, ".Usage")
		m.needAt(med.Dose != "", "Medications", i, ".Dose")
		m.needAt(med.Adherence != 0, "Medications", i, ".Adherence")
	}

	m.need(c.Evaluation.Result != 0, "Evaluation.Result")
	m.need(c.Evaluation.Result != EvaluationAbnormal || len(c.Evaluation.Abnormalities) > 0, "Evaluation.Abnormalities")
	m.need(c.Guidance.Given(), "Guidance")
	m.need(!hasCode(c.Guidance.RiskControl, RiskLoseWeight) || c.Guidance.TargetWeight != nil, "Guidance.TargetWeight")
	m.need(!hasCode(c.Guidance.RiskControl, RiskOther) || c.Guidance.Other != "", "Guidance.Other")
}

// missing collects the paths of the items not filled in; one that only counts them
// (countOnly) builds no path, so that deciding completeness allocates nothing.
type missing struct {
	paths     []string
	countOnly bool
	n         int
}

func (m *missing) need(ok bool, path string) {
	if !ok {
		m.n++
		if !m.countOnly {
			m.paths = append(m.paths, path)
		}
	}
}

// needAt is need for item i of list, followed by suffix.
func (m *missing) needAt(ok bool, list string, i int, suffix string) {
	if !ok {
		m.n++
		if !m.countOnly {
			m.paths = append(m.paths, indexPath(list, i)+suffix)
		}
	}
}

// Complete reports whether the form is filled in completely for a resident born on
// birth: Missing(birth) is empty.
func (c *Checkup) Complete(birth gongwei.Date) bool {
	m := missing{countOnly: true}
	c.missing(&m, birth)
	return m.n == 0
}

// ElderlyManaged reports whether the checkup counts as an elderly health management
// service (老年人健康管理, nbphs-spec §6.2) for a resident born on birth: the resident is
// ElderlyMinAge or older on the checkup date, the checkup is valid for that resident
// (ValidateFor), the form is filled in completely (Missing, which includes the elderly
// items and auxiliary tests) and health guidance was given. This follows the reference's
// wording "has a health record, received the health examination and health guidance,
// and the 健康体检表 is filled in completely" (UNCONFIRMED in reference; implemented as
// given). Having a health record is the caller's side: the checkup belongs to a
// resident record.
//
// 老年人健康管理率 = residents aged 65+ with such a checkup in the year ÷ residents aged 65+
// in the catchment area (nbphs-spec §6.2).
func (c *Checkup) ElderlyManaged(birth gongwei.Date) bool {
	return IsElderlyOn(birth, c.Date) && c.ValidateFor(birth) == nil && c.Complete(birth)
}

// TCMManaged reports whether the checkup carries an elderly TCM health management
// service (老年人中医药健康管理, nbphs-spec §11.3) for a resident born on birth: the
// resident is ElderlyMinAge or older on the checkup date and the attached TCM record is
// complete (TCMAssessment.Complete: all 33 items answered, a main constitution
// determined, guidance given). This follows the reference's wording "has a record,
// received constitution identification and guidance, and the form is complete"
// (UNCONFIRMED in reference; implemented as given).
//
// 老年人中医药健康管理率 = residents aged 65+ with such a service in the year ÷ residents aged
// 65+ in the catchment area (nbphs-spec §11.3).
func (c *Checkup) TCMManaged(birth gongwei.Date) bool {
	return IsElderlyOn(birth, c.Date) && c.TCM != nil && c.TCM.Complete()
}
