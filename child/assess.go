package child

import (
	"github.com/gongwei-lib/gongwei"
)

// Measurement is what a child health check measures. A zero value means "not measured".
type Measurement struct {
	// WeightKg is the weight in kg.
	WeightKg float64
	// LengthHeightCm is the length (lying) or height (standing) in cm, as measured.
	LengthHeightCm float64
	// Position is how LengthHeightCm was measured.
	Position Position
	// HeadCm is the head circumference in cm.
	HeadCm float64
	// Oedema is bilateral pitting oedema: WHO computes no weight-based z-score then
	// (growth.md §0 item 5).
	Oedema bool
}

// Score is one z-score of an [Assessment].
type Score struct {
	// Z is the unrounded z-score; meaningful only when OK.
	Z float64
	// OK reports that the z-score was computed (the measurements it needs were given
	// and are inside the standard's range).
	OK bool
	// Implausible is WHO's flag of a biologically implausible value ([Implausible]).
	Implausible bool
}

// Assessment is the growth assessment of one measurement with the WHO Child Growth
// Standards (growth.md §1.11).
type Assessment struct {
	// AgeDays is the age in days.
	AgeDays int
	// LengthHeightCm is the length/height after the 0.7 cm rule ([AdjustLengthHeight]);
	// 0 when not measured.
	LengthHeightCm float64
	// BMI is weight / (adjusted length/height)², 0 when not computable.
	BMI float64
	// StandingUnder9Months is WHO's flag for a height measured standing before 9 months
	// ([StandingTooYoung]).
	StandingUnder9Months bool
	// Oedema is copied from the measurement.
	Oedema bool

	WeightForAge            Score // weight-for-age
	LengthHeightForAge      Score // length/height-for-age
	WeightForLengthHeight   Score // weight-for-length (< 731 d) or weight-for-height (≥ 731 d)
	BMIForAge               Score // BMI-for-age
	HeadCircumferenceForAge Score // head circumference-for-age
}

// Assess computes every z-score a measurement allows, as WHO anthro does for one
// observation (growth.md §1.11): the 0.7 cm rule on length/height, the weight-for-length
// table under 731 days and the weight-for-height table from 731 days (on the adjusted
// length/height), BMI from the adjusted length/height, and no weight-based z-score when
// there is oedema. A missing measurement or a length/height outside the
// weight-for-length/height table leaves that score not OK; it is not an error.
//
// Errors: [ErrSex] and [ErrAge] (wrapping gongwei.ErrInvalid).
func Assess(sex gongwei.Sex, ageDays int, m Measurement) (Assessment, error) {
	a := Assessment{AgeDays: ageDays, Oedema: m.Oedema}
	if _, err := ageRow(WeightForAge, sex, ageDays); err != nil {
		return a, err
	}
	score := func(ind Indicator, y float64) Score {
		if !positive(y) {
			return Score{}
		}
		z, err := ZScore(ind, sex, ageDays, y)
		if err != nil {
			return Score{}
		}
		return Score{Z: z, OK: true, Implausible: Implausible(ind, z)}
	}
	weight := m.WeightKg
	if m.Oedema {
		weight = 0
	}
	a.WeightForAge = score(WeightForAge, weight)
	a.HeadCircumferenceForAge = score(HeadCircumferenceForAge, m.HeadCm)
	if positive(m.LengthHeightCm) {
		a.StandingUnder9Months = StandingTooYoung(ageDays, m.Position)
		lh := AdjustLengthHeight(ageDays, m.LengthHeightCm, m.Position)
		a.LengthHeightCm = lh
		a.LengthHeightForAge = score(LengthHeightForAge, lh)
		a.BMI = BMI(m.WeightKg, lh)
		a.BMIForAge = score(BMIForAge, BMI(weight, lh))
		if positive(weight) {
			if z, err := WeightForLengthHeight(sex, lh, ageDays < LengthHeightSwitchDays, weight); err == nil {
				a.WeightForLengthHeight = Score{Z: z, OK: true, Implausible: Implausible(WeightForLengthOrHeight, z)}
			}
		}
	}
	return a, nil
}
