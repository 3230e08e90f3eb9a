package child

import (
	"errors"
	"math"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

func ok(z float64) Score { return Score{Z: z, OK: true} }

// TestClassifyNutritionBoundaries: the strict cut-offs of growth.md §1.10 (WHO) and §4.2
// (China), at every boundary.
func TestClassifyNutritionBoundaries(t *testing.T) {
	low := []struct {
		z    float64
		want Severity
	}{{-1.99, SeverityNone}, {-2, SeverityNone}, {-2.0001, Moderate}, {-3, Moderate}, {-3.0001, Severe}, {-6, Severe}}
	for _, c := range low {
		a := Assessment{WeightForAge: ok(c.z), LengthHeightForAge: ok(c.z), WeightForLengthHeight: ok(c.z)}
		n := ClassifyNutrition(a, WHOCutoffs)
		if n.Underweight != c.want || n.Stunting != c.want || n.Wasting != c.want {
			t.Errorf("z %v: %+v, want %v", c.z, n, c.want)
		}
		if n.Malnourished() != (c.want != SeverityNone) || n.Worst() != c.want {
			t.Errorf("z %v: Malnourished %v Worst %v", c.z, n.Malnourished(), n.Worst())
		}
	}
	high := []struct {
		c               Cutoffs
		z               float64
		overweight, obe bool
	}{
		{WHOCutoffs, 2, false, false}, {WHOCutoffs, 2.0001, true, false}, {WHOCutoffs, 3, true, false}, {WHOCutoffs, 3.0001, false, true},
		{ChinaCutoffs, 1, false, false}, {ChinaCutoffs, 1.0001, true, false}, {ChinaCutoffs, 2, true, false}, {ChinaCutoffs, 2.0001, false, true},
	}
	for _, c := range high {
		n := ClassifyNutrition(Assessment{WeightForLengthHeight: ok(c.z)}, c.c)
		if n.Overweight != c.overweight || n.Obese != c.obe {
			t.Errorf("%s z %v: overweight %v obese %v", c.c.Name, c.z, n.Overweight, n.Obese)
		}
	}
	// BMI-for-age stands in when weight-for-length/height is missing.
	n := ClassifyNutrition(Assessment{BMIForAge: ok(-2.5)}, WHOCutoffs)
	if n.Wasting != Moderate {
		t.Errorf("BMI fallback: %v", n.Wasting)
	}
	// Not computed: nothing.
	if n := ClassifyNutrition(Assessment{}, WHOCutoffs); n != (Nutrition{}) {
		t.Errorf("empty: %+v", n)
	}
	// Oedema is severe wasting.
	if n := ClassifyNutrition(Assessment{Oedema: true}, WHOCutoffs); n.Wasting != Severe {
		t.Errorf("oedema: %v", n.Wasting)
	}
}

func TestAssess(t *testing.T) {
	// Boys, day 0, median weight (M 3.3464) and median length (M 49.8842), lying.
	a, err := Assess(gongwei.Male, 0, Measurement{WeightKg: 3.3464, LengthHeightCm: 49.8842, Position: Recumbent, HeadCm: 34.4618})
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]Score{"wfa": a.WeightForAge, "lhfa": a.LengthHeightForAge, "hcfa": a.HeadCircumferenceForAge} {
		if !s.OK || math.Abs(s.Z) > 1e-9 {
			t.Errorf("%s: %+v, want 0", name, s)
		}
	}
	if !a.WeightForLengthHeight.OK || !a.BMIForAge.OK {
		t.Errorf("wfl/bmi not computed: %+v", a)
	}
	// Day 800, measured lying 90 cm: height 89.3 cm is used for lhfa, wfh and BMI.
	a, _ = Assess(gongwei.Female, 800, Measurement{WeightKg: 12, LengthHeightCm: 90, Position: Recumbent})
	if math.Abs(a.LengthHeightCm-89.3) > 1e-9 {
		t.Errorf("adjusted %v", a.LengthHeightCm)
	}
	zh, _ := WeightForLengthHeight(gongwei.Female, 89.3, false, 12)
	zl, _ := ZScore(LengthHeightForAge, gongwei.Female, 800, 89.3)
	zb, _ := ZScore(BMIForAge, gongwei.Female, 800, BMI(12, 90-0.7))
	if a.WeightForLengthHeight.Z != zh || a.LengthHeightForAge.Z != zl || a.BMIForAge.Z != zb {
		t.Errorf("day 800: %+v; want wfh %v lhfa %v bfa %v", a, zh, zl, zb)
	}
	// Day 700 measured standing 80 cm: 80.7 cm in the weight-for-length table.
	a, _ = Assess(gongwei.Male, 700, Measurement{WeightKg: 10, LengthHeightCm: 80, Position: Standing})
	zw, _ := WeightForLengthHeight(gongwei.Male, 80.7, true, 10)
	if a.WeightForLengthHeight.Z != zw {
		t.Errorf("day 700: %v, want %v", a.WeightForLengthHeight.Z, zw)
	}
	// Oedema: no weight-based z-score.
	a, _ = Assess(gongwei.Male, 400, Measurement{WeightKg: 9, LengthHeightCm: 75, Oedema: true})
	if a.WeightForAge.OK || a.WeightForLengthHeight.OK || a.BMIForAge.OK || !a.LengthHeightForAge.OK {
		t.Errorf("oedema: %+v", a)
	}
	// Length outside the weight-for-length table: not OK, no error.
	a, err = Assess(gongwei.Male, 0, Measurement{WeightKg: 1.2, LengthHeightCm: 40})
	if err != nil || a.WeightForLengthHeight.OK {
		t.Errorf("short baby: %+v %v", a, err)
	}
	if _, err := Assess(gongwei.Male, 1827, Measurement{WeightKg: 18}); !errors.Is(err, ErrAge) {
		t.Errorf("age: %v", err)
	}
	if _, err := Assess(0, 10, Measurement{WeightKg: 3}); !errors.Is(err, ErrSex) {
		t.Errorf("sex: %v", err)
	}
}

// TestClassifyAnaemia: growth.md §5 bands at every boundary.
func TestClassifyAnaemia(t *testing.T) {
	cases := []struct {
		scheme AnaemiaScheme
		months int
		hb     float64
		want   AnaemiaGrade
	}{
		// WHO 2011, 6–59 months: ≥110 none, 100–109 mild, 70–99 moderate, <70 severe.
		{AnaemiaWHO2011, 6, 110, NotAnaemic}, {AnaemiaWHO2011, 6, 109.9, AnaemiaMild}, {AnaemiaWHO2011, 59, 100, AnaemiaMild},
		{AnaemiaWHO2011, 59, 99.9, AnaemiaModerate}, {AnaemiaWHO2011, 30, 70, AnaemiaModerate}, {AnaemiaWHO2011, 30, 69.9, AnaemiaSevere},
		// WHO 2011, 5–11 years: ≥115, 110–114, 80–109, <80.
		{AnaemiaWHO2011, 60, 115, NotAnaemic}, {AnaemiaWHO2011, 60, 114.9, AnaemiaMild}, {AnaemiaWHO2011, 71, 110, AnaemiaMild},
		{AnaemiaWHO2011, 71, 109.9, AnaemiaModerate}, {AnaemiaWHO2011, 80, 80, AnaemiaModerate}, {AnaemiaWHO2011, 80, 79.9, AnaemiaSevere},
		// China: <110 at 6 months–6 years, <120 from 6 years; 90 / 60 / 30.
		{AnaemiaChina, 6, 110, NotAnaemic}, {AnaemiaChina, 71, 109.9, AnaemiaMild}, {AnaemiaChina, 72, 119.9, AnaemiaMild},
		{AnaemiaChina, 72, 120, NotAnaemic}, {AnaemiaChina, 30, 90, AnaemiaMild}, {AnaemiaChina, 30, 89.9, AnaemiaModerate},
		{AnaemiaChina, 30, 60, AnaemiaModerate}, {AnaemiaChina, 30, 59.9, AnaemiaSevere}, {AnaemiaChina, 30, 30, AnaemiaSevere},
		{AnaemiaChina, 30, 29.9, AnaemiaVerySevere},
	}
	for _, c := range cases {
		got, err := ClassifyAnaemia(c.scheme, c.months, c.hb)
		if err != nil || got != c.want {
			t.Errorf("scheme %d %d mo Hb %v: %v %v, want %v", c.scheme, c.months, c.hb, got, err, c.want)
		}
	}
	for _, m := range []int{-1, 0, 5} {
		if _, err := ClassifyAnaemia(AnaemiaWHO2011, m, 100); !errors.Is(err, ErrAnaemiaAge) {
			t.Errorf("%d months: %v", m, err)
		}
	}
	for _, hb := range []float64{0, -5, math.NaN(), math.Inf(1)} {
		if _, err := ClassifyAnaemia(AnaemiaChina, 12, hb); !errors.Is(err, ErrMeasure) {
			t.Errorf("Hb %v: %v", hb, err)
		}
	}
	if _, err := ClassifyAnaemia(0, 12, 100); !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("scheme 0: %v", err)
	}
	if AnaemiaMild.String() != "mild" || !AnaemiaSevere.Anaemic() || NotAnaemic.Anaemic() {
		t.Error("grade helpers")
	}
}

// TestAssessHighRisk: the 体弱儿 criteria and follow-up interval of growth.md §6 and §4.3.
func TestAssessHighRisk(t *testing.T) {
	cases := []struct {
		name     string
		in       HighRiskInput
		months   int
		reasons  []HighRiskReason
		refer    bool
		interval int
	}{
		{"term normal", HighRiskInput{GestationWeeks: 37, BirthWeightG: 2500, HbGL: 90}, 6, nil, false, 0},
		{"36 weeks", HighRiskInput{GestationWeeks: 36, BirthWeightG: 3000}, 2, []HighRiskReason{ReasonPreterm}, false, 1},
		{"2499 g", HighRiskInput{GestationWeeks: 39, BirthWeightG: 2499}, 35, []HighRiskReason{ReasonLowBirthWeight}, false, 1},
		{"Hb 89.9 at 3 y", HighRiskInput{HbGL: 89.9}, 36, []HighRiskReason{ReasonAnaemia}, false, 3},
		{"moderate stunting", HighRiskInput{Nutrition: Nutrition{Stunting: Moderate}}, 20, []HighRiskReason{ReasonMalnutrition}, false, 1},
		{"severe wasting", HighRiskInput{Nutrition: Nutrition{Wasting: Severe}}, 40, []HighRiskReason{ReasonMalnutrition}, true, 3},
		{"obese, rickets, CHD, infections", HighRiskInput{Nutrition: Nutrition{Obese: true}, ActiveRickets: true, ChronicDisease: true, RecurrentInfections: true}, 10,
			[]HighRiskReason{ReasonRickets, ReasonChronicDisease, ReasonObesity, ReasonRecurrentInfection}, false, 1},
		{"overweight is not", HighRiskInput{Nutrition: Nutrition{Overweight: true}}, 10, nil, false, 0},
	}
	for _, c := range cases {
		h := AssessHighRisk(c.in, c.months)
		if len(h.Reasons) != len(c.reasons) || h.Refer != c.refer || h.FollowUpMonths != c.interval {
			t.Errorf("%s: %+v", c.name, h)
			continue
		}
		for _, r := range c.reasons {
			if !h.Has(r) {
				t.Errorf("%s: missing %s", c.name, r)
			}
		}
		if h.Is() != (len(c.reasons) > 0) {
			t.Errorf("%s: Is %v", c.name, h.Is())
		}
	}
}

func TestNextCaseStep(t *testing.T) {
	N, M, S := SeverityNone, Moderate, Severe
	cases := []struct {
		grades []Severity
		want   CaseStep
	}{
		{nil, Continue},
		{[]Severity{M}, Continue},
		{[]Severity{S}, ReferNow},
		{[]Severity{M, M}, Continue},
		{[]Severity{M, M, M}, ReferNow},
		{[]Severity{N, N}, Continue},
		{[]Severity{M, N, N, N}, CloseCase},
		{[]Severity{N, N, M}, Continue},
		{[]Severity{M, N, M, M}, Continue},
		{[]Severity{N, N, N, S}, ReferNow},
	}
	for _, c := range cases {
		if got := NextCaseStep(c.grades); got != c.want {
			t.Errorf("%v: %v, want %v", c.grades, got, c.want)
		}
	}
}
