package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	edumem "github.com/gongwei-lib/gongwei/education/memstore"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
)

// TestWomensHealth: the demo township's 两癌 checks (women 35-64 only, valid) and
// surveillance reports (valid), loaded and computed: the three rows have data, some
// screens abnormal and some reports late.
func TestWomensHealth(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	n := 0
	for p := range c.People(0, c.Residents()) {
		if s := c.WomensScreening(p); s != nil {
			require.NoError(t, s.Validate())
			assert.True(t, womenshealth.InTargetAge(s.Birth, s.Date))
			n++
		}
	}
	assert.Positive(t, n)
	for _, r := range c.WomensReports(1) {
		require.NoError(t, r.Validate())
	}
	s := Stores{Records: recordmem.New(), WomensHealth: memstore.New()}
	require.NoError(t, c.LoadAll(ctx, s))
	tally := indicators.NewTally(0)
	require.NoError(t, indicators.WomensHealthIndicators(ctx, s.WomensHealth, ExampleDeadlines, "", c.Period(), tally))
	get := rolledUp(t, c, tally, indicators.LevelCounty, c.cfg.County)
	assert.Equal(t, int64(n), get("wh.cancer_screening").Num)
	assert.Positive(t, get("wh.cancer_referral").Den)
	timely := get("wh.report_timely")
	assert.Equal(t, int64(reportsPerTownship), timely.Den)
	married := 0
	for p := range c.People(0, c.Residents()) {
		if m := c.Premarital(p); m != nil {
			require.NoError(t, m.Validate())
			married++
		}
	}
	premarital := get("wh.premarital_check")
	assert.Equal(t, int64(married), premarital.Den)
	assert.True(t, premarital.Num > 0 && premarital.Num < premarital.Den, "%v", premarital)
}

// TestSurveyResponses: about 1% of the demo township's residents aged 15-69 answer the
// survey, every response valid, and the sample's 健康素养水平 is computed from them.
func TestSurveyResponses(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	n := 0
	for p := range c.People(0, c.Residents()) {
		if r := c.SurveyResponse(p); r != nil {
			require.NoError(t, r.Validate())
			n++
		}
	}
	assert.InDelta(t, 25, n, 15, "about 1% of 3,000 residents, most of them 15-69")
	s := Stores{Records: recordmem.New(), Survey: edumem.New()}
	require.NoError(t, c.LoadAll(ctx, s))
	tally := indicators.NewTally(0)
	require.NoError(t, indicators.LiteracyIndicators(ctx, s.Survey, "", c.Period(), tally))
	assert.Equal(t, int64(n), rolledUp(t, c, tally, indicators.LevelCounty, c.cfg.County)("edu.literacy").Den)
}
