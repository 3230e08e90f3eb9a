package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/referral"
	referralmem "github.com/gongwei-lib/gongwei/referral/memstore"
)

// TestReferrals: the 3,000-resident township's register holds valid slips, the 3 TB
// suspects referred (the chronic records' Referred, TestAssessedRecords) among them, and
// loaded with the chronic records gives 结核病人转诊率 3 of 4 from the register, as the
// deprecated field gave it.
func TestReferrals(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	kinds := map[referral.Kind]int{}
	for p := range c.People(0, c.Residents()) {
		for _, r := range c.Referrals(p) {
			require.NoError(t, r.Validate())
			kinds[r.Kind]++
		}
	}
	assert.Equal(t, 4, kinds[referral.TBSuspect], "TB suspects referred (3 notified in 2025, 1 before)")
	assert.Positive(t, kinds[referral.Hypertension])

	s := Stores{Records: recordmem.New(), Chronic: chronicmem.New(), Referrals: referralmem.New()}
	require.NoError(t, c.LoadAll(ctx, s))
	tally := indicators.NewTally(0)
	require.NoError(t, indicators.Compute(ctx, indicators.Sources{Chronic: s.Chronic, Referrals: s.Referrals}, "", c.Period(), tally))
	county := rolledUp(t, c, tally, indicators.LevelCounty, c.cfg.County)
	got := county("tb.referral")
	assert.Equal(t, indicators.Counts{Num: 3, Den: 4}, got, "结核病人转诊率 from the register")
	old := indicators.NewTally(0)
	require.NoError(t, indicators.Compute(ctx, indicators.Sources{Chronic: s.Chronic}, "", c.Period(), old))
	want, _ := old.RollUp(indicators.LevelCounty).Get(indicators.Key{Code: "tb.referral", Unit: indicators.Unit(c.cfg.County), Period: c.Period()})
	assert.Equal(t, want, got, "the register and the deprecated field agree")
	for _, code := range []indicators.Code{"referral.followup", "tb.suspect_attendance"} {
		n := county(code)
		assert.Positive(t, n.Den, "%s", code)
		assert.Less(t, n.Num, n.Den, "%s: some late or missed", code)
	}
}
