package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// TestWomensHealthIndicators: checks in 2025 of A (45, normal), B (34: outside 35-64,
// cervical abnormal, referred) and C (64, breast abnormal, not referred): 2 in the
// target group, 1 of 2 positives referred. Reports with deadlines defect 7 days, maternal
// death 1 day (the host's; none for under-5 deaths): a defect reported on day 7, a
// maternal death on day 2, an under-5 death (no deadline, not counted): 1 of 2.
func TestWomensHealthIndicators(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := memstore.New()
	d := gongwei.MustDate(2025, 6, 1)
	v := womenshealthtest.Village
	a := womenshealthtest.Screening("A", v, d)
	b := womenshealthtest.Screening("B", v, d)
	b.Birth, b.Cervical, b.Referred = d.AddYears(-34), womenshealth.Abnormal, d.AddDays(5)
	c := womenshealthtest.Screening("C", v, d)
	c.Birth, c.Breast = d.AddYears(-65).AddDays(1), womenshealth.Abnormal
	for _, x := range []*womenshealth.Screening{a, b, c} {
		x.Version = 1
		require.NoError(t, s.PutScreening(ctx, x, 0))
	}
	defect := womenshealthtest.Report("R1", v, d)
	defect.Reported = d.AddDays(7)
	death := &womenshealth.Report{ID: "R2", Village: v, Kind: womenshealth.MaternalDeath, Birth: d.AddYears(-30), Event: d, Reported: d.AddDays(2)}
	child := &womenshealth.Report{ID: "R3", Village: v, Kind: womenshealth.Under5Death, Birth: d.AddYears(-1), Event: d, Reported: d}
	for _, r := range []*womenshealth.Report{defect, death, child} {
		r.Version = 1
		require.NoError(t, s.PutReport(ctx, r, 0))
	}
	deadlines := womenshealth.Deadlines{womenshealth.BirthDefect: 7, womenshealth.MaternalDeath: 1}
	tally := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{WomensHealth: s, WomensHealthDeadlines: deadlines}, "", p, tally))
	unit := Unit(v)
	for code, want := range map[Code]Counts{codeCancerScreened: {2, 0}, codeCancerReferral: {1, 2}, codeReportTimely: {1, 2}} {
		got, ok := tally.Get(Key{code, unit, p})
		require.True(t, ok, "%s", code)
		assert.Equal(t, want, got, "%s", code)
	}
	none := NewTally(0)
	require.NoError(t, WomensHealthIndicators(ctx, s, nil, "", p, none))
	assert.Equal(t, 2, none.Len(), "no deadlines, no timeliness cell")
}
