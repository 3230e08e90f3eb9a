package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/memstore"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

// TestVillageClinicIndicators: 督导完成率 against a plan of 2 visits a year for villages
// 001, 002 and 003: 001 visited twice in 2025, 002 once in 2025 and once in 2024, 003
// never (each 1 of 1, 0 of 1, 0 of 1). 规范培训合格率: a 2025 session with D1 85 and D2 55
// against 60 (village 001: 1 of 2), and a second one where D3 (village 002) scores 60
// and D4 attends without assessment (1 of 1); a 2024 session is not counted.
func TestVillageClinicIndicators(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := memstore.New()
	put := func(v *villageclinic.Visit) { v.Version = 1; require.NoError(t, s.PutVisit(ctx, v, 0)) }
	v1, v2, v3 := villageclinictest.Village, villageclinictest.OtherVillage, healthrecord.Village("110101001003")
	put(villageclinictest.Visit("A", v1, gongwei.MustDate(2025, 3, 1)))
	put(villageclinictest.Visit("B", v1, gongwei.MustDate(2025, 9, 1)))
	put(villageclinictest.Visit("C", v2, gongwei.MustDate(2025, 3, 1)))
	put(villageclinictest.Visit("D", v2, gongwei.MustDate(2024, 12, 1)))
	tr := villageclinictest.Training("T1", villageclinictest.Township, gongwei.MustDate(2025, 4, 1))
	t2 := villageclinictest.Training("T2", villageclinictest.Township, gongwei.MustDate(2025, 6, 1))
	sixty := 60
	t2.Attendees = []villageclinic.Attendee{{Doctor: "D3", Village: v2, Attended: true, Score: &sixty}, {Doctor: "D4", Village: v2, Attended: true}}
	old := villageclinictest.Training("T0", villageclinictest.Township, gongwei.MustDate(2024, 4, 1))
	for _, x := range []*villageclinic.Training{tr, t2, old} {
		x.Version = 1
		require.NoError(t, s.PutTraining(ctx, x, 0))
	}
	plan := &villageclinic.Plan{Villages: []healthrecord.Village{v1, v2, v3}, VisitsPerVillage: 2}
	tally := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{VillageClinics: s, VillagePlan: plan}, villageclinictest.Township, p, tally))
	want := map[Key]Counts{
		{codeVillageSupervised, Unit(v1), p}: {1, 1},
		{codeVillageSupervised, Unit(v2), p}: {0, 1},
		{codeVillageSupervised, Unit(v3), p}: {0, 1},
		{codeVillageTraining, Unit(v1), p}:   {1, 2},
		{codeVillageTraining, Unit(v2), p}:   {1, 1},
	}
	assert.Equal(t, len(want), tally.Len())
	for k, c := range want {
		got, _ := tally.Get(k)
		assert.Equal(t, c, got, "%s %s", k.Code, k.Unit)
	}
	town := tally.RollUp(LevelTownship)
	got, _ := town.Get(Key{codeVillageSupervised, Unit(villageclinictest.Township), p})
	assert.Equal(t, Counts{1, 3}, got)

	// A village's own cells: the prefix selects its visits and its doctors.
	one := NewTally(0)
	require.NoError(t, VillageClinicIndicators(ctx, s, plan, string(v2), p, one))
	assert.Equal(t, 2, one.Len())
	assert.ErrorIs(t, VillageClinicIndicators(ctx, s, &villageclinic.Plan{}, "", p, one), gongwei.ErrInvalid)
}
