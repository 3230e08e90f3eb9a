package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	matmem "github.com/gongwei-lib/gongwei/maternal/memstore"
)

// TestPregnancyProjects: the demo township's pregnancies carry the projects' fields,
// every one valid, and the four rates computed from them have data with some women
// counted and some not (the shares are demonstration values below 100%).
func TestPregnancyProjects(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	for p := range c.People(0, c.Residents()) {
		if preg := c.Pregnancy(p); preg != nil {
			require.NoError(t, preg.Validate(), preg.ID)
		}
	}
	s := Stores{Records: recordmem.New(), Maternal: matmem.New()}
	require.NoError(t, c.LoadAll(ctx, s))
	tally := indicators.NewTally(0)
	require.NoError(t, indicators.MaternalIndicators(ctx, s.Maternal, "", c.Period(), tally))
	county := rolledUp(t, c, tally, indicators.LevelCounty, c.cfg.County)
	for _, code := range []indicators.Code{"maternal.prepregnancy_check", "maternal.folic_acid", "maternal.delivery_subsidy"} {
		v := county(code)
		assert.True(t, v.Num > 0 && v.Num < v.Den, "%s: %v", code, v)
	}
}
