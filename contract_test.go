package gongwei_test

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/supervision"
)

// TestContractSurface calls every name of the issues' contract surfaces exactly as the
// external acceptance checks do, with a figure from the references for each, so that a
// change of name or signature fails here first.
func TestContractSurface(t *testing.T) {
	d := gongwei.MustParseDate

	// indicators: 2593 / 2850 = 91.0 % (half-up); zero denominator is no data.
	v, ok := indicators.Rate{Numerator: 2593, Denominator: 2850, Scale: indicators.Percent}.Value(1)
	require.True(t, ok)
	assert.Equal(t, "91", v.String())
	_, ok = indicators.Rate{Numerator: 1, Denominator: 0, Scale: indicators.PerMille}.Value(1)
	assert.False(t, ok)
	v, _ = indicators.Rate{Numerator: 1, Denominator: 5000, Scale: indicators.Per100k}.Value(1)
	assert.Equal(t, "20", v.String())
	// plan-targets.md: ≥80 full, 60-80 70 %, <60 50 %.
	assert.True(t, indicators.FundingTier(decimal.NewFromInt(80)).Equal(decimal.NewFromInt(1)))
	assert.True(t, indicators.FundingTier(decimal.RequireFromString("79.9")).Equal(decimal.RequireFromString("0.7")))
	assert.True(t, indicators.FundingTier(decimal.NewFromInt(59)).Equal(decimal.RequireFromString("0.5")))

	// chronic: <140/90 is 控制满意 for a 50-year-old (nbphs-spec §7.3); 140/90 is not.
	p := chronic.Patient{Birth: d("1975-05-01")}
	a := chronic.ClassifyHypertension(p, chronic.HypertensionFollowUp{Date: d("2025-05-10"), Systolic: 130, Diastolic: 80}, nil)
	assert.Equal(t, chronic.Satisfied, a.Class)
	assert.False(t, a.Referral)
	assert.False(t, a.NextDue.IsZero())
	a = chronic.ClassifyHypertension(p, chronic.HypertensionFollowUp{Date: d("2025-05-10"), Systolic: 140, Diastolic: 90}, nil)
	assert.Equal(t, chronic.Unsatisfied, a.Class)
	// Fasting glucose <7.0 mmol/L is 控制满意 (nbphs-spec §8.2).
	a = chronic.ClassifyDiabetes(p, chronic.DiabetesFollowUp{Date: d("2025-05-10"), FastingGlucose: 6.5, Systolic: 128, Diastolic: 78}, nil)
	assert.Equal(t, chronic.Satisfied, a.Class)

	// maternal: LMP 2024-01-01 → EDD 2024-10-07 (+280 days); GA on 2024-03-05 (64 days, 2024 a leap year) is 9+1.
	assert.Equal(t, d("2024-10-07"), maternal.DueDate(d("2024-01-01")))
	w, dd := maternal.GestationalAge(d("2024-01-01"), d("2024-03-05"))
	assert.Equal(t, [2]int{9, 1}, [2]int{w, dd})

	// child: WHO boys' weight-for-age at birth, M = 3.3464 kg → z = 0.
	z, err := child.ZScore(child.WeightForAge, gongwei.Male, 0, 3.3464)
	require.NoError(t, err)
	assert.InDelta(t, 0, z, 1e-4)
	for _, ind := range []child.Indicator{child.LengthHeightForAge, child.BMIForAge, child.HeadCircumferenceForAge} {
		_, err := child.ZScore(ind, gongwei.Female, 1827, 50)
		assert.Error(t, err, "past day 1826")
	}
	z, err = child.WeightForLengthHeight(gongwei.Female, 80, true, 10.2)
	require.NoError(t, err)
	assert.False(t, math.IsNaN(z))

	// immunization: a newborn is due HepB dose 1 on the day of birth.
	birth := d("2025-01-01")
	recs := immunization.Forecast(immunization.ScheduleFor(birth), immunization.Child{Birth: birth}, []immunization.Dose{}, birth)
	found := false
	for _, r := range recs {
		if r.Vaccine == immunization.HepB && r.Dose == 1 {
			found = true
			assert.Equal(t, birth, r.Recommended)
			assert.False(t, r.CompleteBefore.IsZero())
			_ = r.Earliest
			_ = r.Status
		}
	}
	assert.True(t, found)
	for _, v := range []immunization.Vaccine{immunization.HepB, immunization.BCG, immunization.IPV, immunization.BOPV,
		immunization.DTaP, immunization.DT, immunization.MMR, immunization.JEL, immunization.JEI, immunization.MPSVA,
		immunization.MPSVAC, immunization.HepAL, immunization.HepAI} {
		_ = immunization.Dose{Vaccine: v, Date: birth}
	}

	// supervision: 2025 National Day holiday 1-8 October, make-up working days 28
	// September and 11 October (国办发明电〔2024〕12号): the 5th working day after 30 September
	// is 14 October.
	got, err := supervision.AddWorkingDays(d("2025-09-30"), 5)
	require.NoError(t, err)
	assert.Equal(t, d("2025-10-14"), got)
	work, err := supervision.IsWorkingDay(d("2025-10-11"))
	require.NoError(t, err)
	assert.True(t, work)
}
