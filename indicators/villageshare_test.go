package indicators

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// TestVillageShareIndicators: resident 1 (born 1950) has in 2025 two hypertension
// follow-ups by the village clinic and a checkup by the township centre, a follow-up of
// 2024 and a consultation (not a task); resident 2 a TB visit by the centre and a
// vaccination by an institution the directory does not know. Under the example
// division: village.share 2 of 4 (the village clinic's two follow-ups of the four
// services by a known level); village.division counts hypertension (Village: 2 of 2),
// the checkup (Township: 1 of 1) and the TB visit (Village, given by the centre: 0 of 1):
// 3 of 4.
func TestVillageShareIndicators(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := recordmem.New()
	r1, r2 := recordtest.Resident(1), recordtest.Resident(2)
	for _, r := range []*healthrecord.Resident{r1, r2} {
		r.Version = 1
		require.NoError(t, s.PutResident(ctx, r, 0))
	}
	village := string(r1.Archive.Village())
	clinic := healthrecord.Provider{Institution: village, Staff: "V1"}
	centre := healthrecord.Provider{Institution: village[:9] + "000", Staff: "T1"}
	ev := func(r *healthrecord.Resident, k healthrecord.EventKind, d gongwei.Date, by healthrecord.Provider, ref string) {
		require.NoError(t, s.AppendEvent(ctx, healthrecord.ServiceEvent{Resident: r.ID, Kind: k, Date: d, Provider: by, Ref: ref}))
	}
	ev(r1, "hypertension_follow_up", gongwei.MustDate(2025, 2, 1), clinic, "f1")
	ev(r1, "hypertension_follow_up", gongwei.MustDate(2025, 5, 1), clinic, "f2")
	ev(r1, healthrecord.EventCheckup, gongwei.MustDate(2025, 6, 1), centre, "c1")
	ev(r1, "hypertension_follow_up", gongwei.MustDate(2024, 11, 1), clinic, "f0")
	ev(r1, healthrecord.EventConsultation, gongwei.MustDate(2025, 7, 1), clinic, "k1")
	ev(r2, "tb_visit", gongwei.MustDate(2025, 3, 1), centre, "t1")
	ev(r2, "vaccination", gongwei.MustDate(2025, 3, 2), healthrecord.Provider{Institution: "H-9"}, "v1")

	tally := NewTally(8)
	require.NoError(t, VillageShareIndicators(ctx, s, villageclinic.ExampleDivision(), "", p, tally))
	u := Unit(village)
	share, _ := tally.Get(Key{Code: codeVillageShare, Unit: u, Period: p})
	div, _ := tally.Get(Key{Code: codeVillageDivision, Unit: u, Period: p})
	assert.Equal(t, [2]int64{2, 4}, [2]int64{share.Num, share.Den})
	assert.Equal(t, [2]int64{3, 4}, [2]int64{div.Num, div.Den})

	// The host's directory names the unknown institution a village clinic: 3 of 5.
	d := villageclinic.ExampleDivision()
	d.Institutions = map[string]villageclinic.Level{"H-9": villageclinic.Village}
	tally = NewTally(8)
	require.NoError(t, Compute(ctx, Sources{Records: s, VillageDivision: d}, "", p, tally))
	share, _ = tally.Get(Key{Code: codeVillageShare, Unit: u, Period: p})
	assert.Equal(t, [2]int64{3, 5}, [2]int64{share.Num, share.Den})

	for _, code := range VillageShareCodes {
		got, ok := National().Lookup(code)
		require.True(t, ok, code)
		assert.True(t, got.Implemented)
	}
	assert.Equal(t, "村医承担基本公共卫生服务比例", mustLookup(t, codeVillageShare).Name.ZhHans)

	err := VillageShareIndicators(ctx, s, &villageclinic.Division{}, "", p, tally)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid), "an empty division: %v", err)
	assert.True(t, errors.Is(VillageShareIndicators(ctx, s, nil, "", p, tally), gongwei.ErrInvalid))
	assert.True(t, errors.Is(VillageShareIndicators(ctx, s, d, "", gongwei.Period{}, tally), gongwei.ErrInvalid))
}
