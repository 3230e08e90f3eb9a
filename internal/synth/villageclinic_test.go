package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/villageclinic/memstore"
)

// TestVillageClinics: township 1 of the demo township has valid visits and sessions, the
// same on every call, and computes 督导完成率 and 规范培训合格率 for each of its 8 villages.
func TestVillageClinics(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	visits, trainings := c.VillageClinics(1)
	again, _ := c.VillageClinics(1)
	assert.Equal(t, visits, again, "deterministic")
	for _, v := range visits {
		require.NoError(t, v.Validate())
	}
	for _, tr := range trainings {
		require.NoError(t, tr.Validate())
	}
	assert.Len(t, trainings, trainingSessions)
	require.NoError(t, c.VillagePlan(1).Validate())

	s := memstore.New()
	require.NoError(t, c.LoadTownshipRecords(ctx, Stores{VillageClinics: s}, 1))
	tally := indicators.NewTally(0)
	require.NoError(t, indicators.VillageClinicIndicators(ctx, s, c.VillagePlan(1), c.Township(1), c.Period(), tally))
	key := rolledUp(t, c, tally, indicators.LevelTownship, c.Township(1))
	sup := key("village.supervision")
	assert.Equal(t, int64(8), sup.Den, "8 villages planned")
	assert.Less(t, sup.Num, sup.Den, "some visits missed")
	tp := key("village.training_pass")
	assert.Positive(t, tp.Num)
	assert.Less(t, tp.Num, tp.Den)
}
