package chronic_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/stretchr/testify/assert"
)

// TestScreenBloodPressure checks nbphs-spec §7.1: ≥140 and/or ≥90 suspected; 130–139
// and/or 85–89 high-normal.
func TestScreenBloodPressure(t *testing.T) {
	for _, c := range []struct {
		sbp, dbp int
		want     chronic.Screening
	}{
		{129, 84, chronic.ScreenNormal},
		{130, 84, chronic.ScreenHighNormal},
		{129, 85, chronic.ScreenHighNormal},
		{139, 89, chronic.ScreenHighNormal},
		{140, 89, chronic.ScreenSuspected},
		{139, 90, chronic.ScreenSuspected},
	} {
		assert.Equal(t, c.want, chronic.ScreenBloodPressure(c.sbp, c.dbp), "%d/%d", c.sbp, c.dbp)
	}
}

// TestConfirmHypertension: three readings above normal on different days (§7.1 item 2).
func TestConfirmHypertension(t *testing.T) {
	d := gongwei.MustDate(2024, 1, 8)
	high := func(day int) chronic.Reading {
		return chronic.Reading{Date: d.AddDays(day), Systolic: 142, Diastolic: 88}
	}
	assert.True(t, chronic.ConfirmHypertension([]chronic.Reading{high(0), high(7), high(14)}))
	assert.False(t, chronic.ConfirmHypertension([]chronic.Reading{high(0), high(0), high(14)}), "same day counts once")
	assert.False(t, chronic.ConfirmHypertension([]chronic.Reading{high(0), high(7), {Date: d.AddDays(14), Systolic: 139, Diastolic: 89}}))
}

// TestRiskFactors checks the six factors of §7.1 at their thresholds.
func TestRiskFactors(t *testing.T) {
	on := gongwei.MustDate(2024, 6, 1)
	young := gongwei.MustDate(1990, 6, 1)
	none := chronic.RiskProfile{Birth: young, Sex: gongwei.Male, Systolic: 129, Diastolic: 84, BMI: 23.9, Waist: 89, DrinkingML: 99}
	assert.Empty(t, chronic.HypertensionRiskFactors(none, on))
	all := chronic.RiskProfile{Birth: gongwei.MustDate(1969, 6, 1), Sex: gongwei.Female, Systolic: 130, Diastolic: 80, Waist: 85,
		FamilyHistory: true, HighSalt: true, DrinkingML: 100}
	assert.Equal(t, []chronic.RiskFactor{1, 2, 3, 4, 5, 6}, chronic.HypertensionRiskFactors(all, on))
	aged54 := chronic.RiskProfile{Birth: gongwei.MustDate(1969, 6, 2), Sex: gongwei.Female, Waist: 84.9}
	assert.Empty(t, chronic.HypertensionRiskFactors(aged54, on))
	man := chronic.RiskProfile{Birth: young, Sex: gongwei.Male, Waist: 90}
	assert.Equal(t, []chronic.RiskFactor{chronic.RiskOverweight}, chronic.HypertensionRiskFactors(man, on))

	assert.Equal(t, chronic.BMIBelowOverweight, chronic.ClassifyBMI(23.9))
	assert.Equal(t, chronic.BMIOverweight, chronic.ClassifyBMI(24))
	assert.Equal(t, chronic.BMIOverweight, chronic.ClassifyBMI(27.9))
	assert.Equal(t, chronic.BMIObese, chronic.ClassifyBMI(28))
}

// TestScreeningSchedule: 35+ yearly; high-risk every 6 months (§7.1); glucose yearly (§8).
func TestScreeningSchedule(t *testing.T) {
	on := gongwei.MustDate(2024, 6, 1)
	assert.True(t, chronic.ScreeningEligible(gongwei.MustDate(1989, 6, 1), on))
	assert.False(t, chronic.ScreeningEligible(gongwei.MustDate(1989, 6, 2), on))
	assert.Equal(t, gongwei.MustDate(2025, 6, 1), chronic.NextBPScreening(on, false))
	assert.Equal(t, gongwei.MustDate(2024, 12, 1), chronic.NextBPScreening(on, true))
	assert.Equal(t, gongwei.MustDate(2025, 6, 1), chronic.NextGlucoseScreening(on))
	assert.True(t, chronic.TBSuspect(14, false, false))
	assert.False(t, chronic.TBSuspect(13, false, false))
	assert.Equal(t, gongwei.MustDate(2024, 6, 8), chronic.TBReferralCheck(on))
}
