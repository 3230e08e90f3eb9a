package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/indicators"
)

// TestSubjectsEqualStores computes every per-resident indicator of the county twice: from
// the memory stores the county was loaded into through the domain services (Compute
// without the township-level stores), and from the generating iterator of subjects
// (ComputeSubjects). The two tallies must hold the same cells with the same counts: the
// subjects carry what the services store, and the computations apply the same rules.
func TestSubjectsEqualStores(t *testing.T) {
	c, s := loadedCounty(t)
	ctx, p := context.Background(), c.Period()
	pop := map[indicators.Unit]int64{}
	for _, v := range c.Census() {
		pop[indicators.Unit(v.Village)] = v.Residents
	}
	opts := &indicators.ChronicOptions{Population: pop, Estimates: indicators.ExamplePlan(c.Config().Year, "").Estimates}

	fromStores := indicators.NewTally(0)
	src := indicators.Sources{Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal, Child: s.Child,
		Immunization: s.Immunization, ChronicOptions: opts}
	require.NoError(t, indicators.Compute(ctx, src, "", p, fromStores))

	fromSubjects := indicators.NewTally(0)
	require.NoError(t, indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, c.Residents()), p, opts, fromSubjects))

	require.Greater(t, fromStores.Len(), 1000)
	for k, want := range fromStores.All() {
		got, ok := fromSubjects.Get(k)
		if assert.True(t, ok, "%v missing from subjects", k) {
			assert.Equal(t, want, got, "%v", k)
		}
	}
	assert.Equal(t, fromStores.Len(), fromSubjects.Len())
	assert.True(t, fromStores.Equal(fromSubjects))

	// Shards of the generating iterator merge to the same figures.
	var shards []*indicators.Tally
	for t0 := 1; t0 <= c.Config().Townships; t0++ {
		from, to := c.TownshipRange(t0)
		shard := indicators.NewTally(0)
		require.NoError(t, indicators.ComputeSubjects(ctx, c.Subjects(ctx, from, to), p, nil, shard))
		shards = append(shards, shard)
	}
	merged := indicators.Merge(shards...)
	noEstimates := indicators.NewTally(0)
	require.NoError(t, indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, c.Residents()), p, nil, noEstimates))
	assert.True(t, merged.Equal(noEstimates))
}
