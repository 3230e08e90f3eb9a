package healthrecord

import (
	"github.com/gongwei-lib/gongwei"
)

// Validation codes of the checkup form.
const (
	// CodeCheckupExclusive: a code that excludes the others was chosen with them (无症状
	// with a symptom; two of 荤素均衡 / 荤食为主 / 素食为主).
	CodeCheckupExclusive gongwei.Code = "checkup.exclusive"
	// CodeCheckupSelfCareMismatch: the self-care self-assessment on the checkup is not the
	// band of the attached self-care assessment.
	CodeCheckupSelfCareMismatch gongwei.Code = "checkup.selfcare_mismatch"
	// CodeCheckupElderlyOnly: an item of the elderly service (65 and over) on a younger
	// resident's checkup.
	CodeCheckupElderlyOnly gongwei.Code = "checkup.elderly_only"
)

// Validate reports every problem of the checkup that can be found without the resident's
// birth date, as one *gongwei.ValidationError (nil when there is none):
//
//   - Resident and Date are required;
//   - every recorded number is within its plausibility range (CheckupRanges;
//     CodeOutOfRange with min and max); a blood pressure has both values or none
//     (CodeRequired on the missing one) and its diastolic is below its systolic
//     (CodeOrder);
//   - every code is in its code set (CodeUnknownCode), multi-select lists hold no
//     duplicates (CodeDuplicate), 无症状 and the diet balance codes are exclusive
//     (CodeCheckupExclusive);
//   - details are consistent with their answer: no smoking details for a never-smoker,
//     no drinking details for a never-drinker, no exercise details for "不锻炼", no
//     exposure details without exposure, no description without its "other" code, no
//     score without its screen (CodeNotAllowed / CodeRequired); start ages not after
//     quit ages (CodeOrder);
//   - stays and vaccinations are not after the checkup, stays end after they start;
//   - the health evaluation lists abnormalities only when abnormal;
//   - the attached Elderly and TCM assessments are valid (under "Elderly" and "TCM"),
//     the self-care self-assessment is the band of the attached self-care assessment
//     (CodeCheckupSelfCareMismatch), TCM item 9 matches the BMI (CodeTCMItem9).
//
// The items of the elderly service are accepted at any age here; ValidateFor also checks
// them against the resident's age. Plausibility: the date is neither before 1880 nor
// after the day of recording (gongwei.CheckEventDate with gongwei.Today), and no text holds
// invalid UTF-8 or control characters or exceeds its limit (gongwei.CheckText).
// Completeness is not validation: see Missing.
func (c *Checkup) Validate() error { return c.validate(gongwei.Date{}, gongwei.Today()) }

// ValidateFor is Validate with the resident's birth date, which adds the checks that
// need the resident's age: the checkup, stays and vaccinations are not before birth
// (CodeBeforeBirth); smoking and drinking ages are not above the age at the checkup
// (CodeOrder); and the items of the elderly service (the 65+ items of the general
// status, Elderly and TCM) appear only when the resident is ElderlyMinAge or older on the
// checkup date (CodeCheckupElderlyOnly). A zero birth gives the same result as Validate.
func (c *Checkup) ValidateFor(birth gongwei.Date) error { return c.validate(birth, gongwei.Today()) }

func (c *Checkup) validate(birth, today gongwei.Date) error {
	ve := gongwei.ValidationError{Record: "healthrecord.Checkup"}
	ve.Check(c.Resident != "", "Resident", gongwei.CodeRequired)
	ve.Check(!c.Date.IsZero(), "Date", gongwei.CodeRequired)
	withBirth := !birth.IsZero() && !c.Date.IsZero()
	if withBirth && c.Date.Before(birth) {
		ve.Add("Date", gongwei.CodeBeforeBirth)
	}
	gongwei.CheckEventDate(&ve, "Date", c.Date, birth, gongwei.Date{}, today)
	c.checkTexts(&ve)

	// Symptoms.
	checkCodes(&ve, "Symptoms", c.Symptoms)
	if hasCode(c.Symptoms, SymptomNone) && len(c.Symptoms) > 1 {
		ve.Add("Symptoms", CodeCheckupExclusive)
	}
	if c.SymptomOther != "" && !hasCode(c.Symptoms, SymptomOther) {
		ve.Add("SymptomOther", gongwei.CodeNotAllowed)
	}

	// Numbers.
	ms := c.measurements()
	checkRanges(&ve, &ms)
	c.General.validate(&ve)
	c.Lifestyle.validate(&ve)

	// Findings.
	for _, f := range c.findings() {
		f.finding.validate(&ve, f.field)
	}
	u := c.Tests.UrineRoutine
	for _, d := range []struct {
		field string
		v     Dipstick
	}{
		{"Tests.UrineRoutine.Protein", u.Protein},
		{"Tests.UrineRoutine.Glucose", u.Glucose},
		{"Tests.UrineRoutine.Ketone", u.Ketone},
		{"Tests.UrineRoutine.OccultBlood", u.OccultBlood},
	} {
		ve.Check(d.v == 0 || d.v.IsValid(), d.field, gongwei.CodeUnknownCode)
	}
	ve.Check(c.Tests.FaecalOccultBlood == 0 || c.Tests.FaecalOccultBlood.IsValid(), "Tests.FaecalOccultBlood", gongwei.CodeUnknownCode)
	ve.Check(c.Tests.HBsAg == 0 || c.Tests.HBsAg.IsValid(), "Tests.HBsAg", gongwei.CodeUnknownCode)

	// Lists.
	for i, p := range c.Problems {
		item{"Problems", i}.check(&ve, p.System.IsValid(), ".System", gongwei.CodeUnknownCode)
	}
	for i, s := range c.Stays {
		it := item{"Stays", i}
		it.check(&ve, s.Kind.IsValid(), ".Kind", gongwei.CodeUnknownCode)
		it.check(&ve, !s.Start.IsZero(), ".Start", gongwei.CodeRequired)
		checkEventDate(&ve, it, ".Start", s.Start, c.Date, birth)
		checkEventDate(&ve, it, ".End", s.End, c.Date, birth)
		it.check(&ve, s.Start.IsZero() || s.End.IsZero() || !s.End.Before(s.Start), ".End", gongwei.CodeOrder)
	}
	for i, m := range c.Medications {
		it := item{"Medications", i}
		it.check(&ve, m.Name != "", ".Name", gongwei.CodeRequired)
		it.check(&ve, m.Adherence == 0 || m.Adherence.IsValid(), ".Adherence", gongwei.CodeUnknownCode)
	}
	for i, v := range c.Vaccinations {
		it := item{"Vaccinations", i}
		it.check(&ve, v.Name != "", ".Name", gongwei.CodeRequired)
		it.check(&ve, !v.Date.IsZero(), ".Date", gongwei.CodeRequired)
		checkEventDate(&ve, it, ".Date", v.Date, c.Date, birth)
	}

	// Evaluation and guidance.
	e := c.Evaluation
	ve.Check(e.Result == 0 || e.Result.IsValid(), "Evaluation.Result", gongwei.CodeUnknownCode)
	if len(e.Abnormalities) > 0 && e.Result != EvaluationAbnormal {
		ve.Add("Evaluation.Abnormalities", gongwei.CodeNotAllowed)
	}
	g := c.Guidance
	checkCodes(&ve, "Guidance.Items", g.Items)
	checkCodes(&ve, "Guidance.RiskControl", g.RiskControl)
	ve.Check(g.TargetWeight == nil || hasCode(g.RiskControl, RiskLoseWeight), "Guidance.TargetWeight", gongwei.CodeNotAllowed)
	ve.Check(g.Vaccines == "" || hasCode(g.RiskControl, RiskVaccination), "Guidance.Vaccines", gongwei.CodeNotAllowed)
	ve.Check(g.Other == "" || hasCode(g.RiskControl, RiskOther), "Guidance.Other", gongwei.CodeNotAllowed)

	// Attached assessments.
	if c.Elderly != nil {
		ve.Merge("Elderly", c.Elderly.Validate())
		if b := c.Elderly.SelfCare.Band(); b != 0 && c.General.SelfCareSelfAssessment.IsValid() && b != c.General.SelfCareSelfAssessment {
			ve.Add("General.SelfCareSelfAssessment", CodeCheckupSelfCareMismatch)
		}
		if n := c.Elderly.NextService; !n.IsZero() && !c.Date.IsZero() && !n.After(c.Date) {
			ve.Add("Elderly.NextService", gongwei.CodeOrder)
		}
		gongwei.CheckPlannedDate(&ve, "Elderly.NextService", c.Elderly.NextService, today)
	}
	if c.TCM != nil {
		ve.Merge("TCM", c.TCM.Validate())
		if bmi, ok := c.BMI(); ok && c.TCM.Answers[8].IsValid() && c.TCM.Answers[8] != TCMItem9FromBMI(bmi) {
			ve.Add("TCM.Answers[8]", CodeTCMItem9)
		}
	}

	if withBirth {
		c.validateAge(&ve, birth.AgeYears(c.Date))
	}
	return ve.Err()
}

// checkEventDate checks a past event's date against the checkup date and the birth date.
func checkEventDate(ve *gongwei.ValidationError, it item, sub string, d, checkup, birth gongwei.Date) {
	if d.IsZero() {
		return
	}
	if d.Before(gongwei.EarliestBirth) {
		ve.Add(it.field(sub), gongwei.CodeTooEarly, gongwei.EarliestBirth.String())
	}
	it.check(ve, checkup.IsZero() || !d.After(checkup), sub, gongwei.CodeInFuture)
	it.check(ve, birth.IsZero() || !d.Before(birth), sub, gongwei.CodeBeforeBirth)
}

func (g *GeneralStatus) validate(ve *gongwei.ValidationError) {
	for _, bp := range []struct {
		field string
		v     BloodPressure
	}{{"General.BPLeft", g.BPLeft}, {"General.BPRight", g.BPRight}} {
		s, d := bp.v.Systolic, bp.v.Diastolic
		switch {
		case s == nil && d != nil:
			ve.Add(bp.field+".Systolic", gongwei.CodeRequired)
		case s != nil && d == nil:
			ve.Add(bp.field+".Diastolic", gongwei.CodeRequired)
		case s != nil && d != nil && *d >= *s:
			ve.Add(bp.field+".Diastolic", gongwei.CodeOrder)
		}
	}
	ve.Check(g.HealthSelfAssessment == 0 || g.HealthSelfAssessment.IsValid(), "General.HealthSelfAssessment", gongwei.CodeUnknownCode)
	ve.Check(g.SelfCareSelfAssessment == 0 || g.SelfCareSelfAssessment.IsValid(), "General.SelfCareSelfAssessment", gongwei.CodeUnknownCode)
	for _, s := range []struct {
		field string
		v     Screening
	}{{"General.Cognitive", g.Cognitive}, {"General.Mood", g.Mood}} {
		switch {
		case s.v.Result == 0 && s.v.Score != nil:
			ve.Add(s.field+".Result", gongwei.CodeRequired)
		case s.v.Result != 0 && !s.v.Result.IsValid():
			ve.Add(s.field+".Result", gongwei.CodeUnknownCode)
		}
	}
}

func (l *Lifestyle) validate(ve *gongwei.ValidationError) {
	x := l.Exercise
	ve.Check(x.Frequency == 0 || x.Frequency.IsValid(), "Lifestyle.Exercise.Frequency", gongwei.CodeUnknownCode)
	if x.Frequency == ExerciseNone || x.Frequency == 0 {
		ve.Check(x.MinutesPerSession == nil, "Lifestyle.Exercise.MinutesPerSession", gongwei.CodeNotAllowed)
		ve.Check(x.Years == nil, "Lifestyle.Exercise.Years", gongwei.CodeNotAllowed)
		ve.Check(x.Kind == "", "Lifestyle.Exercise.Kind", gongwei.CodeNotAllowed)
	}

	checkCodes(ve, "Lifestyle.Diet", l.Diet)
	n := 0
	for _, d := range []DietHabit{DietBalanced, DietMeat, DietVegetarian} {
		if hasCode(l.Diet, d) {
			n++
		}
	}
	ve.Check(n <= 1, "Lifestyle.Diet", CodeCheckupExclusive)

	s := l.Smoking
	ve.Check(s.Status == 0 || s.Status.IsValid(), "Lifestyle.Smoking.Status", gongwei.CodeUnknownCode)
	if s.Status == SmokingNever || s.Status == 0 {
		ve.Check(s.PerDay == nil, "Lifestyle.Smoking.PerDay", gongwei.CodeNotAllowed)
		ve.Check(s.StartAge == nil, "Lifestyle.Smoking.StartAge", gongwei.CodeNotAllowed)
	}
	ve.Check(s.QuitAge == nil || s.Status == SmokingQuit, "Lifestyle.Smoking.QuitAge", gongwei.CodeNotAllowed)
	if s.StartAge != nil && s.QuitAge != nil && *s.QuitAge < *s.StartAge {
		ve.Add("Lifestyle.Smoking.QuitAge", gongwei.CodeOrder)
	}

	d := l.Drinking
	ve.Check(d.Frequency == 0 || d.Frequency.IsValid(), "Lifestyle.Drinking.Frequency", gongwei.CodeUnknownCode)
	if d.Frequency == DrinkingNever || d.Frequency == 0 {
		ve.Check(d.DailyLiang == nil, "Lifestyle.Drinking.DailyLiang", gongwei.CodeNotAllowed)
		ve.Check(d.Quit == nil, "Lifestyle.Drinking.Quit", gongwei.CodeNotAllowed)
		ve.Check(d.StartAge == nil, "Lifestyle.Drinking.StartAge", gongwei.CodeNotAllowed)
		ve.Check(d.DrunkPastYear == nil, "Lifestyle.Drinking.DrunkPastYear", gongwei.CodeNotAllowed)
		ve.Check(len(d.Kinds) == 0, "Lifestyle.Drinking.Kinds", gongwei.CodeNotAllowed)
	}
	ve.Check(d.QuitAge == nil || (d.Quit != nil && *d.Quit), "Lifestyle.Drinking.QuitAge", gongwei.CodeNotAllowed)
	if d.StartAge != nil && d.QuitAge != nil && *d.QuitAge < *d.StartAge {
		ve.Add("Lifestyle.Drinking.QuitAge", gongwei.CodeOrder)
	}
	checkCodes(ve, "Lifestyle.Drinking.Kinds", d.Kinds)
	ve.Check(d.KindOther == "" || hasCode(d.Kinds, AlcoholOther), "Lifestyle.Drinking.KindOther", gongwei.CodeNotAllowed)

	o := l.Occupational
	ve.Check(o.Status == 0 || o.Status.IsValid(), "Lifestyle.Occupational.Status", gongwei.CodeUnknownCode)
	if o.Status != OccupationalExposed {
		ve.Check(o.Job == "", "Lifestyle.Occupational.Job", gongwei.CodeNotAllowed)
		ve.Check(o.Years == nil, "Lifestyle.Occupational.Years", gongwei.CodeNotAllowed)
		ve.Check(len(o.Factors) == 0, "Lifestyle.Occupational.Factors", gongwei.CodeNotAllowed)
	}
	for i, f := range o.Factors {
		it := item{"Lifestyle.Occupational.Factors", i}
		it.check(ve, f.Kind.IsValid(), ".Kind", gongwei.CodeUnknownCode)
		it.check(ve, f.Measures == "" || (f.Protected != nil && *f.Protected), ".Measures", gongwei.CodeNotAllowed)
	}
}

// validateAge applies the checks that need the resident's age in completed years at the
// checkup.
func (c *Checkup) validateAge(ve *gongwei.ValidationError, age int) {
	for _, a := range []struct {
		field string
		v     *int
	}{
		{"Lifestyle.Smoking.StartAge", c.Lifestyle.Smoking.StartAge},
		{"Lifestyle.Smoking.QuitAge", c.Lifestyle.Smoking.QuitAge},
		{"Lifestyle.Drinking.StartAge", c.Lifestyle.Drinking.StartAge},
		{"Lifestyle.Drinking.QuitAge", c.Lifestyle.Drinking.QuitAge},
	} {
		if a.v != nil && *a.v > age {
			ve.Add(a.field, gongwei.CodeOrder)
		}
	}
	if age >= ElderlyMinAge {
		return
	}
	for _, path := range c.elderlyItemsPresent() {
		ve.Add(path, CodeCheckupElderlyOnly)
	}
}

// elderlyItemsPresent lists the items of the elderly service that are filled in.
func (c *Checkup) elderlyItemsPresent() []string {
	var out []string
	g := c.General
	if g.HealthSelfAssessment != 0 {
		out = append(out, "General.HealthSelfAssessment")
	}
	if g.SelfCareSelfAssessment != 0 {
		out = append(out, "General.SelfCareSelfAssessment")
	}
	if g.Cognitive.Result != 0 || g.Cognitive.Score != nil {
		out = append(out, "General.Cognitive")
	}
	if g.Mood.Result != 0 || g.Mood.Score != nil {
		out = append(out, "General.Mood")
	}
	if c.Elderly != nil {
		out = append(out, "Elderly")
	}
	if c.TCM != nil {
		out = append(out, "TCM")
	}
	return out
}

func (f Finding) validate(ve *gongwei.ValidationError, field string) {
	switch {
	case f.Result == 0 && f.Note != "":
		ve.Add(field+".Result", gongwei.CodeRequired)
	case f.Result != 0 && !f.Result.IsValid():
		ve.Add(field+".Result", gongwei.CodeUnknownCode)
	}
}

type namedFinding struct {
	field   string
	finding Finding
	// required: the item belongs to a complete form for everyone.
	required bool
}

// numFindings is the number of findings on the form that findings lists.
const numFindings = 24

// findings lists every Finding of c with its path, in form order.
func (c *Checkup) findings() [numFindings]namedFinding {
	o, e, t := &c.Organs, &c.Exam, &c.Tests
	return [numFindings]namedFinding{
		{"Organs.Lips", o.Lips, true},
		{"Organs.Dentition", o.Dentition, true},
		{"Organs.Pharynx", o.Pharynx, true},
		{"Organs.Hearing", o.Hearing, true},
		{"Organs.Motor", o.Motor, true},
		{"Exam.Fundus", e.Fundus, false},
		{"Exam.Skin", e.Skin, true},
		{"Exam.Sclera", e.Sclera, true},
		{"Exam.LymphNodes", e.LymphNodes, true},
		{"Exam.Lungs", e.Lungs, true},
		{"Exam.HeartRhythm", e.HeartRhythm, true},
		{"Exam.HeartMurmur", e.HeartMurmur, true},
		{"Exam.Abdomen", e.Abdomen, true},
		{"Exam.LowerLimbOedema", e.LowerLimbOedema, true},
		{"Exam.DorsalisPedis", e.DorsalisPedis, true},
		{"Exam.DRE", e.DRE, false},
		{"Exam.Breast", e.Breast, false},
		{"Exam.Gynaecology", e.Gynaecology, false},
		{"Exam.Other", e.Other, false},
		{"Tests.ECG", t.ECG, false},
		{"Tests.ChestXRay", t.ChestXRay, false},
		{"Tests.AbdominalUltrasound", t.AbdominalUltrasound, false},
		{"Tests.OtherUltrasound", t.OtherUltrasound, false},
		{"Tests.CervicalSmear", t.CervicalSmear, false},
	}
}

// checkTexts checks every text of the form (gongwei.CheckText). The paths of list items
// are built only for a problem.
func (c *Checkup) checkTexts(ve *gongwei.ValidationError) {
	l, t := &c.Lifestyle, &c.Tests
	checkTextFields(ve, []textField{
		{"Physician", c.Physician, gongwei.TextName},
		{"SymptomOther", c.SymptomOther, gongwei.TextNote},
		{"Lifestyle.Exercise.Kind", l.Exercise.Kind, gongwei.TextShort},
		{"Lifestyle.Drinking.KindOther", l.Drinking.KindOther, gongwei.TextShort},
		{"Lifestyle.Occupational.Job", l.Occupational.Job, gongwei.TextShort},
		{"Tests.BloodRoutine.Other", t.BloodRoutine.Other, gongwei.TextNote},
		{"Tests.UrineRoutine.Other", t.UrineRoutine.Other, gongwei.TextNote},
		{"Tests.Other", t.Other, gongwei.TextNote},
		{"Guidance.Vaccines", c.Guidance.Vaccines, gongwei.TextShort},
		{"Guidance.Other", c.Guidance.Other, gongwei.TextNote},
	})
	for i, f := range l.Occupational.Factors {
		checkItemText(ve, "Lifestyle.Occupational.Factors", i, ".Substance", f.Substance, gongwei.TextShort)
		checkItemText(ve, "Lifestyle.Occupational.Factors", i, ".Measures", f.Measures, gongwei.TextNote)
	}
	for _, f := range c.findings() {
		if !gongwei.TextValid(f.finding.Note, gongwei.TextNote) {
			gongwei.CheckText(ve, f.field+".Note", f.finding.Note, gongwei.TextNote)
		}
	}
	for i, p := range c.Problems {
		checkItemText(ve, "Problems", i, ".Description", p.Description, gongwei.TextNote)
	}
	for i, s := range c.Stays {
		checkItemText(ve, "Stays", i, ".Reason", s.Reason, gongwei.TextNote)
		checkItemText(ve, "Stays", i, ".Institution", s.Institution, gongwei.TextName)
		checkItemText(ve, "Stays", i, ".CaseNumber", s.CaseNumber, gongwei.TextShort)
	}
	for i, m := range c.Medications {
		checkItemText(ve, "Medications", i, ".Name", m.Name, gongwei.TextShort)
		checkItemText(ve, "Medications", i, ".Usage", m.Usage, gongwei.TextShort)
		checkItemText(ve, "Medications", i, ".Dose", m.Dose, gongwei.TextShort)
		checkItemText(ve, "Medications", i, ".Duration", m.Duration, gongwei.TextShort)
	}
	for i, v := range c.Vaccinations {
		checkItemText(ve, "Vaccinations", i, ".Name", v.Name, gongwei.TextShort)
		checkItemText(ve, "Vaccinations", i, ".Institution", v.Institution, gongwei.TextName)
	}
	for i, a := range c.Evaluation.Abnormalities {
		checkItemText(ve, "Evaluation.Abnormalities", i, "", a, gongwei.TextNote)
	}
	if c.TCM != nil {
		gongwei.CheckText(ve, "TCM.GuidanceOther", c.TCM.GuidanceOther, gongwei.TextNote)
	}
}
