package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCompute: Compute over the hand-worked record and immunization populations gives
// exactly the cells of the computations run one by one (the registrations give 建卡率
// too), and skips the nil stores.
func TestCompute(t *testing.T) {
	ctx := context.Background()
	recs, imm := recordPopulation(t), immPopulation(t)
	want := NewTally(0)
	require.NoError(t, RecordIndicators(ctx, recs, "", y2024, want))
	require.NoError(t, ImmunizationIndicators(ctx, imm, "", y2024, want))
	require.NoError(t, ImmunizationCardIndicators(ctx, imm, "", y2024, want))
	got := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Records: recs, Immunization: imm}, "", y2024, got))
	require.True(t, got.Equal(want))
	// 建档率 of village 1 as TestRecordIndicators works it: 3/4.
	c, _ := got.Get(Key{codeRecordCoverage, recVillage1, y2024})
	require.Equal(t, Counts{3, 4}, c)
}
