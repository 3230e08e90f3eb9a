package healthrecord_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"golang.org/x/text/language"
)

var checkupDay = gongwei.MustDate(2024, 6, 1)

// elderlyResident is 74 on checkupDay; youngResident is 33.
func elderlyResident() *healthrecord.Resident { return recordtest.Resident(1) }
func youngResident() *healthrecord.Resident   { return recordtest.Resident(15000) }

func validationError(t *testing.T, err error) *gongwei.ValidationError {
	t.Helper()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *gongwei.ValidationError, got %v", err)
	}
	if !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("error does not wrap ErrInvalid")
	}
	return ve
}

func TestCheckupFixtureValid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		r       *healthrecord.Resident
		elderly bool
	}{
		{"elderly", elderlyResident(), true},
		{"young", youngResident(), false},
		{"child", recordtest.Resident(19999), false}, // born 2004-10-03: 19 on checkupDay
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustEqual(t, tc.elderly, healthrecord.IsElderlyOn(tc.r.BirthDate, checkupDay))
			c := recordtest.Checkup(tc.r, checkupDay)
			mustNoErr(t, c.Validate())
			mustNoErr(t, c.ValidateFor(tc.r.BirthDate))
			mustEqual(t, 0, len(c.Missing(tc.r.BirthDate)), "missing %v", c.Missing(tc.r.BirthDate))
			mustEqual(t, tc.elderly, c.Elderly != nil)
			mustEqual(t, tc.elderly, c.TCM != nil)
			mustEqual(t, tc.elderly, c.ElderlyManaged(tc.r.BirthDate), "ElderlyManaged")
			mustEqual(t, tc.elderly, c.TCMManaged(tc.r.BirthDate), "TCMManaged")
			mustEqual(t, healthrecord.CheckupID(string(tc.r.ID)+"-2024-06-01"), c.ID)
		})
	}
}

// zeroLeaves lists the paths of zero values in v (structs are walked, pointers followed,
// slices must be non-empty and their elements are walked).
func zeroLeaves(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*out = append(*out, path)
			return
		}
		zeroLeaves(v.Elem(), path, out)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(gongwei.Date{}) {
			if v.Interface().(gongwei.Date).IsZero() {
				*out = append(*out, path)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			zeroLeaves(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Slice:
		if v.Len() == 0 {
			*out = append(*out, path)
		}
		for i := 0; i < v.Len(); i++ {
			zeroLeaves(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			zeroLeaves(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Bool:
		// false is a value.
	default:
		if v.IsZero() {
			*out = append(*out, path)
		}
	}
}

// TestCheckupFixtureFillsEveryField: the elderly fixture leaves no field empty, so a store
// round trip of it checks them all.
func TestCheckupFixtureFillsEveryField(t *testing.T) {
	c := recordtest.Checkup(elderlyResident(), checkupDay)
	c.Version = 1 // managed by the store
	var zero []string
	zeroLeaves(reflect.ValueOf(c), "Checkup", &zero)
	mustEqual(t, 0, len(zero), "empty fields: %v", zero)
}

// aliased lists the pointers and slices b shares with a.
func aliased(a, b reflect.Value, path string, out *[]string) {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return
		}
		if a.Pointer() == b.Pointer() {
			*out = append(*out, path)
		}
		aliased(a.Elem(), b.Elem(), path, out)
	case reflect.Slice:
		if a.Len() > 0 && b.Len() > 0 && a.Pointer() == b.Pointer() {
			*out = append(*out, path)
		}
		for i := 0; i < min(a.Len(), b.Len()); i++ {
			aliased(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if a.Type().Field(i).IsExported() {
				aliased(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, out)
			}
		}
	}
}

func TestCheckupClone(t *testing.T) {
	c := recordtest.Checkup(elderlyResident(), checkupDay)
	x := c.Clone()
	mustTrue(t, reflect.DeepEqual(c, x), "clone differs")
	var shared []string
	aliased(reflect.ValueOf(c), reflect.ValueOf(x), "Checkup", &shared)
	mustEqual(t, 0, len(shared), "shared: %v", shared)
	*x.General.Pulse = 99
	x.TCM.Answers[0] = 5
	x.Elderly.Guidance[0] = 6
	*x.Lifestyle.Occupational.Factors[0].Protected = false
	mustEqual(t, 72, *c.General.Pulse)
	mustEqual(t, healthrecord.AnswerNever, c.TCM.Answers[0])
	mustEqual(t, healthrecord.ElderlyGuidanceLifestyle, c.Elderly.Guidance[0])
	mustTrue(t, *c.Lifestyle.Occupational.Factors[0].Protected)
}

// TestCheckupRanges checks the plausibility limits at their edges: inside is valid,
// just outside is CodeOutOfRange with min and max as the message arguments.
func TestCheckupRanges(t *testing.T) {
	n := healthrecord.Measured[int]
	f := healthrecord.Measured[float64]
	for _, tc := range []struct {
		field    string
		quantity string
		set      func(c *healthrecord.Checkup, x float64)
	}{
		{"General.Temperature", "temperature", func(c *healthrecord.Checkup, x float64) { c.General.Temperature = f(x) }},
		{"General.Pulse", "pulse", func(c *healthrecord.Checkup, x float64) { c.General.Pulse = n(int(x)) }},
		{"General.Respiration", "respiration", func(c *healthrecord.Checkup, x float64) { c.General.Respiration = n(int(x)) }},
		{"General.Height", "height", func(c *healthrecord.Checkup, x float64) { c.General.Height = f(x) }},
		{"General.Weight", "weight", func(c *healthrecord.Checkup, x float64) { c.General.Weight = f(x) }},
		{"General.Waist", "waist", func(c *healthrecord.Checkup, x float64) { c.General.Waist = f(x) }},
		{"Organs.VisionLeft", "vision", func(c *healthrecord.Checkup, x float64) { c.Organs.VisionLeft = f(x) }},
		{"Exam.HeartRate", "pulse", func(c *healthrecord.Checkup, x float64) { c.Exam.HeartRate = n(int(x)) }},
		{"Tests.FastingGlucose", "glucose", func(c *healthrecord.Checkup, x float64) { c.Tests.FastingGlucose = f(x) }},
		{"Tests.Lipids.HDL", "hdl", func(c *healthrecord.Checkup, x float64) { c.Tests.Lipids.HDL = f(x) }},
		{"Tests.Kidney.Creatinine", "creatinine", func(c *healthrecord.Checkup, x float64) { c.Tests.Kidney.Creatinine = f(x) }},
		{"General.Cognitive.Score", "mmse", func(c *healthrecord.Checkup, x float64) { c.General.Cognitive.Score = n(int(x)) }},
	} {
		t.Run(tc.field, func(t *testing.T) {
			r, ok := healthrecord.CheckupRange(tc.quantity)
			mustTrue(t, ok)
			step := 1.0
			if r.Max-r.Min < 10 {
				step = 0.01
			}
			for _, x := range []float64{r.Min, r.Max} {
				c := recordtest.Checkup(elderlyResident(), checkupDay)
				tc.set(c, x)
				if err := c.Validate(); err != nil {
					ve := validationError(t, err)
					mustFalse(t, ve.Has(tc.field, gongwei.CodeOutOfRange), "%v at the limit", x)
				}
			}
			for _, x := range []float64{r.Min - step, r.Max + step} {
				c := recordtest.Checkup(elderlyResident(), checkupDay)
				tc.set(c, x)
				ve := validationError(t, c.Validate())
				mustTrue(t, ve.Has(tc.field, gongwei.CodeOutOfRange), "%v out of range: %v", x, ve)
				for _, fe := range ve.Fields {
					if fe.Field == tc.field {
						mustEqual(t, []any{r.Min, r.Max}, fe.Args)
					}
				}
			}
		})
	}
	// Plausibility limits named in the task brief: systolic 40-300, diastolic 20-200,
	// temperature 30-45 °C, height 30-250 cm.
	for q, lim := range map[string][2]float64{"systolic": {40, 300}, "diastolic": {20, 200}, "temperature": {30, 45}, "height": {30, 250}} {
		r, _ := healthrecord.CheckupRange(q)
		mustEqual(t, lim, [2]float64{r.Min, r.Max}, q)
	}
	c := recordtest.Checkup(elderlyResident(), checkupDay)
	c.General.Weight = f(math.NaN())
	mustTrue(t, validationError(t, c.Validate()).Has("General.Weight", gongwei.CodeOutOfRange), "NaN")
}

func TestCheckupValidateRules(t *testing.T) {
	n := healthrecord.Measured[int]
	f := healthrecord.Measured[float64]
	yes := healthrecord.Measured(true)
	for _, tc := range []struct {
		name   string
		change func(c *healthrecord.Checkup)
		field  string
		code   gongwei.Code
	}{
		{"resident required", func(c *healthrecord.Checkup) { c.Resident = "" }, "Resident", gongwei.CodeRequired},
		{"date required", func(c *healthrecord.Checkup) { c.Date = gongwei.Date{} }, "Date", gongwei.CodeRequired},
		{"no symptoms is exclusive", func(c *healthrecord.Checkup) { c.Symptoms = append(c.Symptoms, healthrecord.SymptomNone) }, "Symptoms", healthrecord.CodeCheckupExclusive},
		{"symptom 26 unknown", func(c *healthrecord.Checkup) { c.Symptoms = []healthrecord.Symptom{26} }, "Symptoms[0]", gongwei.CodeUnknownCode},
		{"symptom twice", func(c *healthrecord.Checkup) { c.Symptoms = []healthrecord.Symptom{2, 2} }, "Symptoms[1]", gongwei.CodeDuplicate},
		{"other text without 25", func(c *healthrecord.Checkup) { c.Symptoms = []healthrecord.Symptom{healthrecord.SymptomNone} }, "SymptomOther", gongwei.CodeNotAllowed},
		{"systolic without diastolic", func(c *healthrecord.Checkup) { c.General.BPLeft.Diastolic = nil }, "General.BPLeft.Diastolic", gongwei.CodeRequired},
		{"diastolic without systolic", func(c *healthrecord.Checkup) { c.General.BPRight.Systolic = nil }, "General.BPRight.Systolic", gongwei.CodeRequired},
		{"diastolic not below systolic", func(c *healthrecord.Checkup) {
			c.General.BPLeft = healthrecord.BloodPressure{Systolic: n(90), Diastolic: n(90)}
		}, "General.BPLeft.Diastolic", gongwei.CodeOrder},
		{"self-assessment 6", func(c *healthrecord.Checkup) { c.General.HealthSelfAssessment = 6 }, "General.HealthSelfAssessment", gongwei.CodeUnknownCode},
		{"score without screen", func(c *healthrecord.Checkup) { c.General.Mood.Result = 0 }, "General.Mood.Result", gongwei.CodeRequired},
		{"self-care band mismatch", func(c *healthrecord.Checkup) { c.General.SelfCareSelfAssessment = healthrecord.SelfCareMild }, "General.SelfCareSelfAssessment", healthrecord.CodeCheckupSelfCareMismatch},
		{"no exercise with minutes", func(c *healthrecord.Checkup) { c.Lifestyle.Exercise.Frequency = healthrecord.ExerciseNone }, "Lifestyle.Exercise.MinutesPerSession", gongwei.CodeNotAllowed},
		{"balanced and meat diet", func(c *healthrecord.Checkup) { c.Lifestyle.Diet = append(c.Lifestyle.Diet, healthrecord.DietMeat) }, "Lifestyle.Diet", healthrecord.CodeCheckupExclusive},
		{"never smoker with cigarettes", func(c *healthrecord.Checkup) { c.Lifestyle.Smoking.Status = healthrecord.SmokingNever }, "Lifestyle.Smoking.PerDay", gongwei.CodeNotAllowed},
		{"current smoker with quit age", func(c *healthrecord.Checkup) { c.Lifestyle.Smoking.Status = healthrecord.SmokingCurrent }, "Lifestyle.Smoking.QuitAge", gongwei.CodeNotAllowed},
		{"quit before start", func(c *healthrecord.Checkup) { c.Lifestyle.Smoking.QuitAge = n(10) }, "Lifestyle.Smoking.QuitAge", gongwei.CodeOrder},
		{"never drinker with kinds", func(c *healthrecord.Checkup) { c.Lifestyle.Drinking.Frequency = healthrecord.DrinkingNever }, "Lifestyle.Drinking.Kinds", gongwei.CodeNotAllowed},
		{"drinking quit age without quit", func(c *healthrecord.Checkup) { c.Lifestyle.Drinking.Quit = healthrecord.Measured(false) }, "Lifestyle.Drinking.QuitAge", gongwei.CodeNotAllowed},
		{"alcohol other text without code", func(c *healthrecord.Checkup) {
			c.Lifestyle.Drinking.Kinds = []healthrecord.AlcoholKind{healthrecord.AlcoholBeer}
		}, "Lifestyle.Drinking.KindOther", gongwei.CodeNotAllowed},
		{"job without exposure", func(c *healthrecord.Checkup) { c.Lifestyle.Occupational.Status = healthrecord.OccupationalNone }, "Lifestyle.Occupational.Job", gongwei.CodeNotAllowed},
		{"hazard kind 9", func(c *healthrecord.Checkup) { c.Lifestyle.Occupational.Factors[0].Kind = 9 }, "Lifestyle.Occupational.Factors[0].Kind", gongwei.CodeUnknownCode},
		{"finding result 3", func(c *healthrecord.Checkup) { c.Exam.Skin.Result = 3 }, "Exam.Skin.Result", gongwei.CodeUnknownCode},
		{"note without result", func(c *healthrecord.Checkup) { c.Exam.Skin.Result = 0 }, "Exam.Skin.Result", gongwei.CodeRequired},
		{"dipstick 7", func(c *healthrecord.Checkup) { c.Tests.UrineRoutine.Ketone = 7 }, "Tests.UrineRoutine.Ketone", gongwei.CodeUnknownCode},
		{"HBsAg 3", func(c *healthrecord.Checkup) { c.Tests.HBsAg = 3 }, "Tests.HBsAg", gongwei.CodeUnknownCode},
		{"problem system 0", func(c *healthrecord.Checkup) { c.Problems[0].System = 0 }, "Problems[0].System", gongwei.CodeUnknownCode},
		{"stay after checkup", func(c *healthrecord.Checkup) { c.Stays[0].End = checkupDay.AddDays(1) }, "Stays[0].End", gongwei.CodeInFuture},
		{"stay ends before start", func(c *healthrecord.Checkup) { c.Stays[0].End = c.Stays[0].Start.AddDays(-1) }, "Stays[0].End", gongwei.CodeOrder},
		{"medication without name", func(c *healthrecord.Checkup) { c.Medications[0].Name = "" }, "Medications[0].Name", gongwei.CodeRequired},
		{"adherence 4", func(c *healthrecord.Checkup) { c.Medications[0].Adherence = 4 }, "Medications[0].Adherence", gongwei.CodeUnknownCode},
		{"vaccination after checkup", func(c *healthrecord.Checkup) { c.Vaccinations[0].Date = checkupDay.AddDays(3) }, "Vaccinations[0].Date", gongwei.CodeInFuture},
		{"abnormalities on a normal evaluation", func(c *healthrecord.Checkup) { c.Evaluation.Result = healthrecord.EvaluationNormal }, "Evaluation.Abnormalities", gongwei.CodeNotAllowed},
		{"target weight without lose-weight", func(c *healthrecord.Checkup) {
			c.Guidance.RiskControl = []healthrecord.RiskControl{healthrecord.RiskVaccination, healthrecord.RiskOther}
		}, "Guidance.TargetWeight", gongwei.CodeNotAllowed},
		{"guidance twice", func(c *healthrecord.Checkup) { c.Guidance.Items = []healthrecord.GuidanceCode{2, 2} }, "Guidance.Items[1]", gongwei.CodeDuplicate},
		{"self-care level that does not exist", func(c *healthrecord.Checkup) { c.Elderly.SelfCare.Eating = healthrecord.LevelMild }, "Elderly.SelfCare.Eating", healthrecord.CodeSelfCareNoLevel},
		{"next service not after checkup", func(c *healthrecord.Checkup) { c.Elderly.NextService = checkupDay }, "Elderly.NextService", gongwei.CodeOrder},
		{"TCM blank item", func(c *healthrecord.Checkup) { c.TCM.Answers[20] = 0 }, "TCM.Answers[20]", gongwei.CodeRequired},
		{"TCM item 9 against BMI", func(c *healthrecord.Checkup) { c.TCM.Answers[8] = 3 }, "TCM.Answers[8]", healthrecord.CodeTCMItem9},
		{"TCM item 9 against BMI 28", func(c *healthrecord.Checkup) { c.General.Weight = f(76.3) }, "TCM.Answers[8]", healthrecord.CodeTCMItem9},
		{"drinking quit true keeps quit age", func(c *healthrecord.Checkup) { c.Lifestyle.Drinking.Quit = yes; c.Lifestyle.Drinking.QuitAge = n(5) }, "Lifestyle.Drinking.QuitAge", gongwei.CodeOrder},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := recordtest.Checkup(elderlyResident(), checkupDay)
			tc.change(c)
			ve := validationError(t, c.Validate())
			mustTrue(t, ve.Has(tc.field, tc.code), "want %s %s, got %v", tc.field, tc.code, ve)
		})
	}
}

// TestCheckupValidateReportsAll: one call reports every problem.
func TestCheckupValidateReportsAll(t *testing.T) {
	c := recordtest.Checkup(elderlyResident(), checkupDay)
	c.Resident = ""
	c.General.Temperature = healthrecord.Measured(50.0)
	c.General.BPLeft.Diastolic = nil
	c.Symptoms = append(c.Symptoms, healthrecord.SymptomNone)
	c.TCM.Answers[0] = 0
	ve := validationError(t, c.Validate())
	for _, w := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Resident", gongwei.CodeRequired},
		{"General.Temperature", gongwei.CodeOutOfRange},
		{"General.BPLeft.Diastolic", gongwei.CodeRequired},
		{"Symptoms", healthrecord.CodeCheckupExclusive},
		{"TCM.Answers[0]", gongwei.CodeRequired},
	} {
		mustTrue(t, ve.Has(w.field, w.code), "%s %s in %v", w.field, w.code, ve)
	}
	mustEqual(t, 5, ve.Len(), "%v", ve)
}

func TestCheckupValidateFor(t *testing.T) {
	old, young := elderlyResident(), youngResident()

	// The elderly fixture moved to a resident under 65: every elderly item is refused.
	c := recordtest.Checkup(old, checkupDay)
	c.Resident = young.ID
	mustNoErr(t, c.Validate())
	ve := validationError(t, c.ValidateFor(young.BirthDate))
	for _, f := range []string{"General.HealthSelfAssessment", "General.SelfCareSelfAssessment", "General.Cognitive", "General.Mood", "Elderly", "TCM"} {
		mustTrue(t, ve.Has(f, healthrecord.CodeCheckupElderlyOnly), "%s in %v", f, ve)
	}

	// Age boundary: the day before the 65th birthday the items are refused, on it they are
	// allowed (ElderlyMinAge, nbphs-spec §6: 65 and over).
	birth := gongwei.MustDate(1959, 6, 1)
	mustFalse(t, healthrecord.IsElderlyOn(birth, gongwei.MustDate(2024, 5, 31)))
	mustTrue(t, healthrecord.IsElderlyOn(birth, gongwei.MustDate(2024, 6, 1)))
	c = recordtest.Checkup(old, gongwei.MustDate(2024, 6, 1))
	mustNoErr(t, c.ValidateFor(birth))
	c.Date = gongwei.MustDate(2024, 5, 31)
	ve = validationError(t, c.ValidateFor(birth))
	mustTrue(t, ve.Has("TCM", healthrecord.CodeCheckupElderlyOnly))

	// Ages above the age at the checkup; dates before birth.
	c = recordtest.Checkup(young, checkupDay)
	c.Lifestyle.Smoking.QuitAge = healthrecord.Measured(40)
	c.Vaccinations[0].Date = young.BirthDate.AddDays(-1)
	ve = validationError(t, c.ValidateFor(young.BirthDate))
	mustTrue(t, ve.Has("Lifestyle.Smoking.QuitAge", gongwei.CodeOrder), "%v", ve)
	mustTrue(t, ve.Has("Vaccinations[0].Date", gongwei.CodeBeforeBirth), "%v", ve)
	c = recordtest.Checkup(young, checkupDay)
	ve = validationError(t, c.ValidateFor(checkupDay.AddDays(1)))
	mustTrue(t, ve.Has("Date", gongwei.CodeBeforeBirth))
}

func TestCheckupMissing(t *testing.T) {
	old := elderlyResident()
	empty := &healthrecord.Checkup{Resident: old.ID, Date: checkupDay}
	young := empty.Missing(gongwei.Date{})
	elderly := empty.Missing(old.BirthDate)
	has := func(list []string, p string) bool {
		for _, x := range list {
			if x == p {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"Physician", "Symptoms", "General.Temperature", "General.BPLeft.Systolic", "General.BPRight.Diastolic", "General.Waist", "Lifestyle.Exercise.Frequency", "Lifestyle.Diet", "Lifestyle.Smoking.Status", "Lifestyle.Drinking.Frequency", "Lifestyle.Occupational.Status", "Organs.Lips", "Organs.VisionLeft", "Organs.Motor", "Exam.Skin", "Exam.HeartRate", "Exam.DorsalisPedis", "Evaluation.Result", "Guidance"} {
		mustTrue(t, has(young, p), "%s missing for everyone", p)
		mustTrue(t, has(elderly, p), "%s missing for 65+", p)
	}
	// nbphs-spec §6 auxiliary tests and the 65+ items of §1.5: required for 65+ only.
	for _, p := range []string{"General.HealthSelfAssessment", "General.SelfCareSelfAssessment", "General.Cognitive.Result", "General.Mood.Result", "Tests.BloodRoutine.Haemoglobin", "Tests.BloodRoutine.WBC", "Tests.BloodRoutine.Platelets", "Tests.UrineRoutine.Protein", "Tests.UrineRoutine.Glucose", "Tests.UrineRoutine.Ketone", "Tests.UrineRoutine.OccultBlood", "Tests.Liver.AST", "Tests.Liver.ALT", "Tests.Liver.TotalBilirubin", "Tests.Kidney.Creatinine", "Tests.Kidney.Urea", "Tests.FastingGlucose", "Tests.Lipids.TC", "Tests.Lipids.TG", "Tests.Lipids.LDL", "Tests.Lipids.HDL", "Tests.ECG", "Tests.AbdominalUltrasound"} {
		mustFalse(t, has(young, p), "%s not required under 65", p)
		mustTrue(t, has(elderly, p), "%s required for 65+", p)
	}
	// Starred items are never required.
	for _, p := range []string{"Exam.Fundus", "Exam.DRE", "Exam.Breast", "Exam.Gynaecology", "Tests.HbA1c", "Tests.HBsAg", "Tests.ChestXRay", "Tests.CervicalSmear"} {
		mustFalse(t, has(elderly, p), "%s is starred", p)
	}

	// Details an answer calls for.
	c := recordtest.Checkup(old, checkupDay)
	c.General.Cognitive.Score = nil
	c.Lifestyle.Smoking = healthrecord.Smoking{Status: healthrecord.SmokingCurrent}
	c.Exam.Skin = healthrecord.Finding{Result: healthrecord.FindingAbnormal}
	c.Medications[0].Adherence = 0
	c.Guidance = healthrecord.HealthGuidance{}
	mustEqual(t, []string{
		"General.Cognitive.Score",
		"Lifestyle.Smoking.PerDay",
		"Lifestyle.Smoking.StartAge",
		"Exam.Skin.Note",
		"Medications[0].Adherence",
		"Guidance",
	}, c.Missing(old.BirthDate))
	mustFalse(t, c.ElderlyManaged(old.BirthDate))
	mustTrue(t, c.TCMManaged(old.BirthDate), "the TCM record is complete on its own")

	// An elderly checkup without the ECG is not an elderly management service.
	c = recordtest.Checkup(old, checkupDay)
	c.Tests.ECG = healthrecord.Finding{}
	mustEqual(t, []string{"Tests.ECG"}, c.Missing(old.BirthDate))
	mustFalse(t, c.ElderlyManaged(old.BirthDate))
	mustTrue(t, c.Complete(gongwei.Date{}), "complete for a resident under 65")

	// A TCM record with equal top scores counts only once a TCM physician records the main type.
	c = recordtest.Checkup(old, checkupDay)
	for _, item := range []int{16, 28, 32} {
		c.TCM.Answers[item-1] = healthrecord.AnswerOften // 痰湿 = 1 + 4×3 = 13
	}
	for _, item := range []int{2, 3, 4, 14} {
		c.TCM.Answers[item-1] = 3 // 气虚 = 12
	}
	c.TCM.Answers[14-1] = 4 // 气虚 = 13: tie with 痰湿
	c.TCM.Main = 0
	mustFalse(t, c.TCMManaged(old.BirthDate))
	c.TCM.Main = healthrecord.PhlegmDamp
	mustTrue(t, c.TCMManaged(old.BirthDate))
	mustFalse(t, c.TCMManaged(youngResident().BirthDate))
}

// TestCheckupErrorsHoldNoPersonalData: error text never repeats names, numbers or free
// text from the record.
func TestCheckupErrorsHoldNoPersonalData(t *testing.T) {
	r := elderlyResident()
	c := recordtest.Checkup(r, checkupDay)
	secret := "张三丰13800138000"
	c.Physician = secret
	c.SymptomOther = secret
	c.Symptoms = []healthrecord.Symptom{healthrecord.SymptomNone}
	c.Lifestyle.Occupational.Status = healthrecord.OccupationalNone
	c.Lifestyle.Occupational.Job = secret
	c.Stays[0].CaseNumber = secret
	c.Stays[0].End = checkupDay.AddDays(30)
	c.Medications[0].Name = secret
	c.Medications[0].Adherence = 9
	c.General.Temperature = healthrecord.Measured(47.123)
	err := c.ValidateFor(r.BirthDate)
	mustTrue(t, err != nil)
	for _, lang := range gongwei.Languages {
		text := err.Error() + strings.Join(validationError(t, err).Messages(lang), ";")
		for _, bad := range []string{secret, r.IDNumber.String(), r.Name, "47.123", r.BirthDate.String()} {
			mustFalse(t, bad != "" && strings.Contains(text, bad), "error text contains %q", bad)
		}
	}
}

type labeler interface{ Label(language.Tag) string }

// TestCheckupMessages: every code of every code set and every validation code renders in
// all three languages (an unregistered key would render as itself).
func TestCheckupMessages(t *testing.T) {
	sets := map[string][]labeler{}
	add := func(name string, n int, mk func(i int) labeler) {
		for i := 1; i <= n; i++ {
			sets[name] = append(sets[name], mk(i))
		}
	}
	add("symptom", 25, func(i int) labeler { return healthrecord.Symptom(i) })
	add("health_self", 5, func(i int) labeler { return healthrecord.HealthSelfAssessment(i) })
	add("posneg", 2, func(i int) labeler { return healthrecord.PosNeg(i) })
	add("exercise", 4, func(i int) labeler { return healthrecord.ExerciseFrequency(i) })
	add("diet", 6, func(i int) labeler { return healthrecord.DietHabit(i) })
	add("smoking", 3, func(i int) labeler { return healthrecord.SmokingStatus(i) })
	add("drinking", 4, func(i int) labeler { return healthrecord.DrinkingFrequency(i) })
	add("alcohol", 5, func(i int) labeler { return healthrecord.AlcoholKind(i) })
	add("occupational", 2, func(i int) labeler { return healthrecord.OccupationalStatus(i) })
	add("hazard", 5, func(i int) labeler { return healthrecord.HazardKind(i) })
	add("finding", 2, func(i int) labeler { return healthrecord.FindingResult(i) })
	add("dipstick", 6, func(i int) labeler { return healthrecord.Dipstick(i) })
	add("problem", 7, func(i int) labeler { return healthrecord.ProblemSystem(i) })
	add("stay", 2, func(i int) labeler { return healthrecord.StayKind(i) })
	add("adherence", 3, func(i int) labeler { return healthrecord.Adherence(i) })
	add("evaluation", 2, func(i int) labeler { return healthrecord.EvaluationResult(i) })
	add("guidance", 3, func(i int) labeler { return healthrecord.GuidanceCode(i) })
	add("risk", 7, func(i int) labeler { return healthrecord.RiskControl(i) })
	add("selfcare.domain", 5, func(i int) labeler { return healthrecord.SelfCareDomain(i) })
	add("selfcare.level", 4, func(i int) labeler { return healthrecord.SelfCareLevel(i) })
	add("selfcare.band", 4, func(i int) labeler { return healthrecord.SelfCareBand(i) })
	add("elderly.guidance", 6, func(i int) labeler { return healthrecord.ElderlyGuidance(i) })
	add("tcm.constitution", 9, func(i int) labeler { return healthrecord.Constitution(i) })
	add("tcm.verdict", 4, func(i int) labeler { return healthrecord.TCMVerdict(i) })
	add("tcm.answer", 5, func(i int) labeler { return healthrecord.TCMAnswer(i) })
	add("tcm.guidance", 6, func(i int) labeler { return healthrecord.TCMGuidance(i) })

	unknown := map[language.Tag]string{}
	for _, lang := range gongwei.Languages {
		unknown[lang] = healthrecord.Symptom(0).Label(lang)
	}
	for name, ls := range sets {
		for _, lang := range gongwei.Languages {
			seen := map[string]bool{}
			for i, l := range ls {
				s := l.Label(lang)
				mustFalse(t, s == "" || s == unknown[lang] || strings.Contains(s, "."), "%s %d in %v: %q", name, i+1, lang, s)
				mustFalse(t, seen[s] && name != "dipstick", "%s %d in %v: %q twice", name, i+1, lang, s)
				seen[s] = true
			}
			// One past the end is unknown.
			past := reflect.New(reflect.TypeOf(ls[0])).Elem()
			past.SetInt(int64(len(ls) + 1))
			mustEqual(t, unknown[lang], past.Interface().(labeler).Label(lang), "%s %d", name, len(ls)+1)
		}
	}
	for _, lang := range gongwei.Languages {
		for i := 1; i <= healthrecord.TCMItemCount; i++ {
			s := healthrecord.TCMItemLabel(i, lang)
			mustFalse(t, s == unknown[lang] || strings.HasPrefix(s, "tcm."), "tcm item %d", i)
		}
		mustEqual(t, unknown[lang], healthrecord.TCMItemLabel(34, lang))
		for _, code := range []gongwei.Code{healthrecord.CodeCheckupExclusive, healthrecord.CodeCheckupSelfCareMismatch, healthrecord.CodeCheckupElderlyOnly, healthrecord.CodeSelfCareNoLevel, healthrecord.CodeTCMMain, healthrecord.CodeTCMItem9} {
			s := gongwei.FieldError{Field: "x", Code: code}.Message(lang)
			mustFalse(t, s == string(code), "code %s not registered in %v", code, lang)
		}
	}
	mustEqual(t, "头晕", healthrecord.SymptomDizziness.String())
	mustEqual(t, "qi deficiency", healthrecord.QiDeficiency.Label(language.English))
	mustEqual(t, "氣虛質", healthrecord.QiDeficiency.Label(language.TraditionalChinese))
}

func ExampleBMI() {
	b := healthrecord.BMI(62, 165) // 62 kg, 165 cm
	fmt.Printf("%.4f → %v\n", b, healthrecord.RoundBMI(b))
	fmt.Println(healthrecord.RoundBMI(23.45)) // half up
	// Output:
	// 22.7732 → 22.8
	// 23.5
}

func ExampleCheckup_Validate() {
	c := &healthrecord.Checkup{
		Resident: "R1",
		Date:     gongwei.MustDate(2024, 6, 1),
		Symptoms: []healthrecord.Symptom{healthrecord.SymptomNone, healthrecord.SymptomHeadache},
		General: healthrecord.GeneralStatus{
			Temperature: healthrecord.Measured(53.0),
			BPLeft:      healthrecord.BloodPressure{Systolic: healthrecord.Measured(135)},
		},
	}
	var ve *gongwei.ValidationError
	if errors.As(c.Validate(), &ve) {
		for _, m := range ve.Messages(language.English) {
			fmt.Println(m)
		}
	}
	// Output:
	// Symptoms: excludes the other options chosen with it
	// General.Temperature: is outside the plausible range 30-45
	// General.BPLeft.Diastolic: is required
}

func ExampleCheckup_Missing() {
	old := recordtest.Resident(1) // 74 on 2024-06-01
	c := recordtest.Checkup(old, gongwei.MustDate(2024, 6, 1))
	c.Tests.Lipids.LDL = nil
	c.Tests.AbdominalUltrasound = healthrecord.Finding{}
	fmt.Println(c.Missing(old.BirthDate))
	fmt.Println(c.ElderlyManaged(old.BirthDate), c.TCMManaged(old.BirthDate))
	// Output:
	// [Tests.AbdominalUltrasound Tests.Lipids.LDL]
	// false true
}
