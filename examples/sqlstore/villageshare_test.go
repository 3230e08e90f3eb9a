package sqlstore_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// TestVillageShareScanEqualsStores: the village doctors' share of the services and the
// services at their assigned level (indicators.VillageShareIndicators) read from the
// one-pass scan equal those read resident by resident through healthrecord.Store, on
// SQLite and on PostgreSQL; the synthetic county's village clinics deliver some of the
// services and the centre the others.
func TestVillageShareScanEqualsStores(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		db := open(t, dsns())
		county, err := synth.New(synth.Config{Seed: 5, County: "410523", Townships: 1, VillagesPerTownship: 3, Residents: 300, Year: 2025})
		require.NoError(t, err)
		require.NoError(t, county.LoadTownship(ctx, countyStores(db), 1))
		d, p := villageclinic.ExampleDivision(), county.Period()
		scan, plain := indicators.NewTally(0), indicators.NewTally(0)
		require.NoError(t, indicators.VillageShareIndicators(ctx, db.HealthRecord(), d, "410523001", p, scan))
		require.NoError(t, indicators.VillageShareIndicators(ctx, plainRecords{db.HealthRecord()}, d, "410523001", p, plain))
		var share indicators.Counts
		n := 0
		for k, c := range scan.All() {
			got, ok := plain.Get(k)
			assert.True(t, ok, "%v", k)
			assert.Equal(t, c, got, "%v", k)
			if k.Code == "village.share" {
				share = share.Add(c)
			}
			n++
		}
		assert.Equal(t, plain.Len(), n)
		assert.Greater(t, share.Num, int64(0), "village clinics deliver services")
		assert.Less(t, share.Num, share.Den, "the centre delivers services")
	})
}
