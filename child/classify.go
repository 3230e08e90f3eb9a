package child

import (
	"fmt"
	"math"

	"github.com/gongwei-lib/gongwei"
)

// Severity grades a form of malnutrition.
type Severity uint8

// The grades of the SD method (growth.md §1.10, §4.3).
const (
	// SeverityNone: not present.
	SeverityNone Severity = iota
	// Moderate: z below the low cut-off (−2) but not below the severe one (中度).
	Moderate
	// Severe: z below the severe cut-off (−3) (重度).
	Severe
)

// String returns "none", "moderate" or "severe".
func (s Severity) String() string {
	switch s {
	case Moderate:
		return "moderate"
	case Severe:
		return "severe"
	}
	return "none"
}

// Cutoffs are the z-score cut-offs of a nutritional classification. Every comparison is
// strict, as the sources give it (growth.md §1.10: "< −2", "> +2").
type Cutoffs struct {
	// Name identifies the set.
	Name string
	// Low and SevereLow: z < Low is moderate, z < SevereLow severe underweight
	// (weight-for-age), stunting (length/height-for-age) or wasting
	// (weight-for-length/height).
	Low, SevereLow float64
	// Overweight and Obese: weight-for-length/height (or BMI-for-age) z > Overweight is
	// overweight, z > Obese obese.
	Overweight, Obese float64
}

// WHOCutoffs are the WHO cut-offs for children under 5 (growth.md §1.10, WHO training
// course module C [S8] and nutrition landscape [S9]): underweight, stunting and wasting
// below −2 SD (severe below −3 SD); overweight above +2 SD, obesity above +3 SD on
// weight-for-length/height or BMI-for-age.
var WHOCutoffs = Cutoffs{Name: "WHO", Low: -2, SevereLow: -3, Overweight: 2, Obese: 3}

// ChinaCutoffs are the cut-offs of China's 2012 norm 《儿童营养性疾病管理技术规范》 and
// the NHC 2024 weight-management guidance (growth.md §4.2, §4.3 [S23][S24]): 低体重,
// 生长迟缓 and 消瘦 below M−2SD (重度 below M−3SD); 超重 above M+1SD and 肥胖 above M+2SD.
// The overweight/obesity cut-offs and their inclusivity are UNCONFIRMED in reference;
// implemented as given (strict).
var ChinaCutoffs = Cutoffs{Name: "China", Low: -2, SevereLow: -3, Overweight: 1, Obese: 2}

// Nutrition is the nutritional status of one assessment.
type Nutrition struct {
	// Underweight is low weight-for-age (低体重).
	Underweight Severity
	// Stunting is low length/height-for-age (生长迟缓).
	Stunting Severity
	// Wasting is low weight-for-length/height (消瘦); BMI-for-age is used when
	// weight-for-length/height could not be computed. Oedema counts as severe wasting
	// (WHO counts these children below −3 SD, growth.md §0 item 5).
	Wasting Severity
	// Overweight (超重) and Obese (肥胖) by weight-for-length/height, or BMI-for-age when
	// that could not be computed; at most one of them is true.
	Overweight, Obese bool
}

// Malnourished reports protein-energy malnutrition (蛋白质-能量营养不良): any of
// underweight, stunting or wasting (growth.md §4.3).
func (n Nutrition) Malnourished() bool {
	return n.Underweight != SeverityNone || n.Stunting != SeverityNone || n.Wasting != SeverityNone
}

// Worst returns the most severe grade of underweight, stunting and wasting.
func (n Nutrition) Worst() Severity {
	return max(n.Underweight, n.Stunting, n.Wasting)
}

// low grades a z-score against the low cut-offs.
func (c Cutoffs) low(s Score) Severity {
	switch {
	case !s.OK:
		return SeverityNone
	case s.Z < c.SevereLow:
		return Severe
	case s.Z < c.Low:
		return Moderate
	}
	return SeverityNone
}

// ClassifyNutrition classifies an assessment with the cut-offs c ([WHOCutoffs] or
// [ChinaCutoffs]) on the unrounded z-scores. Indicators that were not computed
// contribute nothing.
func ClassifyNutrition(a Assessment, c Cutoffs) Nutrition {
	n := Nutrition{
		Underweight: c.low(a.WeightForAge),
		Stunting:    c.low(a.LengthHeightForAge),
	}
	body := a.WeightForLengthHeight
	if !body.OK {
		body = a.BMIForAge
	}
	n.Wasting = c.low(body)
	if a.Oedema {
		n.Wasting = Severe
	}
	if body.OK {
		n.Obese = body.Z > c.Obese
		n.Overweight = !n.Obese && body.Z > c.Overweight
	}
	return n
}

// AnaemiaScheme is a haemoglobin grading scheme.
type AnaemiaScheme uint8

// The schemes (growth.md §5).
const (
	// AnaemiaWHO2011 is WHO/NMH/NHD/MNM/11.1 (growth.md §5 [S11][S12]).
	AnaemiaWHO2011 AnaemiaScheme = iota + 1
	// AnaemiaChina is Chinese paediatric practice: anaemia below 110 g/L from 6 months
	// to 6 years and below 120 g/L from 6 years [S15], graded 轻度 90 to below normal,
	// 中度 60–89, 重度 30–59, 极重度 below 30 [S16]. The 2012 norm's wording and grading
	// are UNCONFIRMED in reference; implemented as given.
	AnaemiaChina
)

// AnaemiaGrade is the result of a haemoglobin test.
type AnaemiaGrade uint8

// The grades.
const (
	// NotAnaemic: at or above the threshold.
	NotAnaemic AnaemiaGrade = iota
	// AnaemiaMild is 轻度.
	AnaemiaMild
	// AnaemiaModerate is 中度.
	AnaemiaModerate
	// AnaemiaSevere is 重度.
	AnaemiaSevere
	// AnaemiaVerySevere is 极重度 (Chinese grading only).
	AnaemiaVerySevere
)

// String returns "none", "mild", "moderate", "severe" or "very_severe".
func (g AnaemiaGrade) String() string {
	return [...]string{"none", "mild", "moderate", "severe", "very_severe"}[min(int(g), 4)]
}

// Anaemic reports any grade of anaemia.
func (g AnaemiaGrade) Anaemic() bool { return g != NotAnaemic }

// hbBand is one age band of a haemoglobin grading: Hb (g/L) below Below[i] is grade i+1
// (mild, moderate, severe, very severe); a zero bound ends the list.
type hbBand struct {
	fromMonths, toMonths int // completed months, toMonths excluded
	below                [4]float64
}

// anaemiaBands are the haemoglobin cut-offs of each scheme (growth.md §5).
var anaemiaBands = map[AnaemiaScheme][]hbBand{
	// WHO 2011: 6–59 months ≥110 none, 100–109 mild, 70–99 moderate, <70 severe;
	// 5–11 years ≥115, 110–114, 80–109, <80 [S11][S12].
	AnaemiaWHO2011: {
		{6, 60, [4]float64{110, 100, 70}},
		{60, 144, [4]float64{115, 110, 80}},
	},
	// China: <110 from 6 months to 6 years, <120 from 6 years [S15]; 轻度 ≥90, 中度
	// 60–89, 重度 30–59, 极重度 <30 [S16]. The source's "6–14 y" band is used to 14 years.
	AnaemiaChina: {
		{6, 72, [4]float64{110, 90, 60, 30}},
		{72, 168, [4]float64{120, 90, 60, 30}},
	},
}

// ErrAnaemiaAge reports an age with no haemoglobin cut-off (under 6 months, or past the
// scheme's last band). It wraps gongwei.ErrInvalid.
var ErrAnaemiaAge = fmt.Errorf("%w: child: no haemoglobin cut-off for the age", gongwei.ErrInvalid)

// ClassifyAnaemia grades a haemoglobin concentration (g/L, at sea level: no altitude
// adjustment) for a child of ageMonths completed months under scheme. Errors:
// [ErrAnaemiaAge], and [ErrMeasure] for a value that is not a positive finite number or
// an unknown scheme (both wrap gongwei.ErrInvalid).
func ClassifyAnaemia(scheme AnaemiaScheme, ageMonths int, hbGL float64) (AnaemiaGrade, error) {
	bands, ok := anaemiaBands[scheme]
	if !ok || !positive(hbGL) || math.IsNaN(hbGL) {
		return NotAnaemic, ErrMeasure
	}
	for _, b := range bands {
		if ageMonths < b.fromMonths || ageMonths >= b.toMonths {
			continue
		}
		g := NotAnaemic
		for i, lim := range b.below {
			if lim > 0 && hbGL < lim {
				g = AnaemiaGrade(i + 1)
			}
		}
		return g, nil
	}
	return NotAnaemic, ErrAnaemiaAge
}
