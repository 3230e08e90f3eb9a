package maternal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

// TestGradeEachColour: one condition of each colour of nbphs-spec §5.2 grades to it.
func TestGradeEachColour(t *testing.T) {
	for _, c := range []struct {
		f    Factor
		want Grade
	}{
		{FactorScarredUterus, Grade{Yellow, false}},
		{FactorMultiple, Grade{Yellow, false}},
		{FactorART, Grade{Yellow, false}},
		{FactorMildAnaemia, Grade{Yellow, false}},
		{FactorGDM, Grade{Yellow, false}},
		{FactorMildCondition, Grade{Yellow, false}},
		{FactorSeriousCondition, Grade{Orange, false}},
		{FactorSevereCondition, Grade{Red, false}},
		{FactorHIV, Grade{Green, true}},
		{FactorSyphilis, Grade{Green, true}},
		{FactorHepatitis, Grade{Green, true}},
		{FactorTuberculosis, Grade{Green, true}},
		{FactorSeverePneumonia, Grade{Green, true}},
		{FactorSpecialViral, Grade{Green, true}},
	} {
		assert.Equal(t, c.want, GradeOf([]Factor{c.f}), string(c.f))
	}
	assert.Equal(t, Grade{Colour: Green}, GradeOf(nil))
	assert.False(t, GradeOf(nil).HighRisk())
}

// TestGradeCombinations: the highest colour wins; purple co-exists with any colour.
func TestGradeCombinations(t *testing.T) {
	for _, c := range []struct {
		fs   []Factor
		want Grade
		s    string
	}{
		{[]Factor{FactorGDM, FactorSeriousCondition}, Grade{Orange, false}, "orange"},
		{[]Factor{FactorSevereCondition, FactorGDM, FactorSeriousCondition}, Grade{Red, false}, "red"},
		{[]Factor{FactorGDM, FactorHIV}, Grade{Yellow, true}, "yellow+purple"},
		{[]Factor{FactorSyphilis, FactorSevereCondition}, Grade{Red, true}, "red+purple"},
		{[]Factor{FactorAge40, FactorBMIHigh}, Grade{Orange, false}, "orange"},
		{[]Factor{"no_such", FactorGDM}, Grade{Yellow, false}, "yellow"},
	} {
		g := GradeOf(c.fs)
		assert.Equal(t, c.want, g, "%v", c.fs)
		assert.Equal(t, c.s, g.String())
		assert.True(t, g.HighRisk())
	}
	assert.True(t, Grade{Green, true}.HighRisk(), "purple alone is high-risk")
	assert.Equal(t, Grade{Orange, true}, Grade{Orange, false}.Max(Grade{Yellow, true}))
}

// TestAgeFactor at the boundary birthdays (nbphs-spec §5.2: ≥35 or ≤18 yellow, ≥40
// orange), age in completed years on the assessment date.
func TestAgeFactor(t *testing.T) {
	birth := d(1990, 6, 15)
	for _, c := range []struct {
		on   string
		want Factor
	}{
		{"2009-06-14", FactorAge18}, // 18
		{"2009-06-15", ""},          // 19
		{"2025-06-14", ""},          // 34
		{"2025-06-15", FactorAge35}, // 35
		{"2030-06-14", FactorAge35}, // 39
		{"2030-06-15", FactorAge40}, // 40
	} {
		f, ok := AgeFactor(birth, mustParse(c.on))
		assert.Equal(t, c.want, f, c.on)
		assert.Equal(t, c.want != "", ok)
	}
}

// TestBMIFactor at the boundaries (nbphs-spec §5.2: >25 or <18.5 yellow, ≥28 orange).
func TestBMIFactor(t *testing.T) {
	for _, c := range []struct {
		bmi  float64
		want Factor
	}{
		{18.4, FactorBMILow}, {18.5, ""}, {25.0, ""}, {25.1, FactorBMIHigh}, {27.9, FactorBMIHigh},
		{28.0, FactorBMIObese}, {0, ""},
	} {
		f, _ := BMIFactor(c.bmi)
		assert.Equal(t, c.want, f, "%v", c.bmi)
	}
	// 160 cm, 64 kg: 25.0 as written: not yellow; 64.1 kg: 25.04 → 25.0; 64.3 kg: 25.1.
	assert.Equal(t, 25.0, bmiOf(64, 160))
	assert.Equal(t, 25.1, bmiOf(64.3, 160))
	assert.Equal(t, 0.0, bmiOf(0, 160))
}

// TestRequirements: what each colour requires (nbphs-spec §5.2 "Management").
func TestRequirements(t *testing.T) {
	r := Grade{Green, false}.Requires()
	assert.Equal(t, AnyLevel, r.Delivery)
	assert.False(t, r.CaseManagement)
	r = Grade{Yellow, false}.Requires()
	assert.Equal(t, SecondaryLevel, r.Delivery)
	assert.True(t, r.ReferIfAbnormal)
	assert.False(t, r.CaseManagement)
	r = Grade{Orange, false}.Requires()
	assert.Equal(t, SecondaryLevel, r.Delivery)
	assert.True(t, r.CaseManagement)
	r = Grade{Red, false}.Requires()
	assert.Equal(t, TertiaryLevel, r.Delivery)
	assert.True(t, r.CaseManagement && r.AssessContinuation)
	r = Grade{Green, true}.Requires()
	assert.Equal(t, SecondaryLevel, r.Delivery, "purple: secondary level or above")
	assert.True(t, r.Infection)
	r = Grade{Red, true}.Requires()
	assert.Equal(t, Red, r.Colour)
	assert.True(t, r.Infection && r.CaseManagement)
	assert.Equal(t, TertiaryLevel, r.Delivery)
}

// TestReGrading: each contact is graded anew; Grade(on) is the latest, HighestGrade the
// highest (nbphs-spec §5.2: dynamic grading).
func TestReGrading(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	p.MotherBirth = d(1990, 6, 15) // 33 at booking, 34 at delivery: no age factor
	p.FirstExam = &FirstExam{Contact: Contact{Date: lmp.AddDays(70)}, Height: 160, Weight: 55}
	p.Visits = []PrenatalVisit{
		{Contact: Contact{Date: lmp.AddDays(120), Factors: []Factor{FactorGDM}}, Number: 2},
		{Contact: Contact{Date: lmp.AddDays(150), Factors: []Factor{FactorSeriousCondition}}, Number: 3},
		{Contact: Contact{Date: lmp.AddDays(200)}, Number: 4},
	}
	as := p.Assessments()
	assert.Len(t, as, 4)
	g, ok := p.Grade(lmp.AddDays(100))
	assert.True(t, ok)
	assert.Equal(t, Grade{Colour: Green}, g)
	g, _ = p.Grade(lmp.AddDays(160))
	assert.Equal(t, Grade{Colour: Orange}, g)
	g, _ = p.Grade(lmp.AddDays(210))
	assert.Equal(t, Grade{Colour: Green}, g, "re-graded green at the 4th visit")
	assert.Equal(t, Grade{Colour: Orange}, p.HighestGrade())
	assert.True(t, p.HighRisk())
	_, ok = p.Grade(lmp)
	assert.False(t, ok)

	// The BMI of the first exam (160 cm, 72 kg: 28.1) makes every contact orange.
	p.FirstExam.Weight = 72
	g, _ = p.Grade(lmp.AddDays(210))
	assert.Equal(t, Grade{Colour: Orange}, g)
}

func TestLabels(t *testing.T) {
	assert.Equal(t, "橙色", Orange.Label(language.SimplifiedChinese))
	assert.Equal(t, "紫色", Purple.Label(language.TraditionalChinese))
	assert.Equal(t, "orange", Orange.String())
	assert.Equal(t, "妊娠期糖尿病", FactorGDM.Label(language.SimplifiedChinese))
	assert.Equal(t, "overdue", Overdue.String())
	assert.Equal(t, "产后42天健康检查", Check42.Label(language.SimplifiedChinese))
	assert.Equal(t, "乙肝", HBV.Label(language.SimplifiedChinese))
	assert.Equal(t, "facility licensed for midwifery", SiteMidwifery.Label(language.English))
	for _, f := range Factors {
		assert.NotEqual(t, "maternal.factor."+string(f.Factor), f.Factor.Label(language.English))
	}
}
