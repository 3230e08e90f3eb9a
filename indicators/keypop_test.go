package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// TestKeyPopulationAndElderlyAge: 重点人群签约率 and 建档率 (plan-services.md §2.5), and the
// elderly rows counted from 60 (plan-targets.md) instead of 65. recordPopulation (its
// fixtures are all tagged hypertension patients) plus G (village 1, born 1962-06-01: 62,
// no tag) with a complete checkup on 2024-06-15 and a contract from 2024-03-01, and H
// (village 2, born 1980-06-01: 44, a hypertension patient) without a contract.
//
// From 65: key members village 1 A, B, C, F (A's contract expired 2024-06-01; B's record
// is incomplete): contract 0/4, record 3/4; village 2 E (contract in force) and H: 1/2,
// 2/2. From 60, G joins: 1/5 and 4/5; 老年人健康管理率 A and G of A, B, F, G: 2/4 (from 65: A
// of A, B, F: 1/3); 体检完整率 A and G of the examined A, F, G: 2/3; 中医药 A only (the
// fixture's checkup carries a TCM record from 65): 1/4.
func TestKeyPopulationAndElderlyAge(t *testing.T) {
	ctx := context.Background()
	s := recordPopulation(t)
	g := residentBorn(t, d(1962, 6, 1), recVillage1, 5)
	h := residentBorn(t, d(1980, 6, 1), recVillage2, 3)
	g.Tags = nil // the fixtures are hypertension patients: G is in no key population by a tag
	for _, r := range []*healthrecord.Resident{g, h} {
		require.NoError(t, s.PutResident(ctx, r, 0))
	}
	cg := recordtest.Checkup(g, d(2024, 6, 15))
	require.False(t, cg.ElderlyManaged(g.BirthDate), "62: not elderly by the specification")
	require.True(t, cg.ManagedFrom(g.BirthDate, healthrecord.ElderlyMinAgePlan60))
	require.Nil(t, cg.TCM)
	require.NoError(t, s.PutCheckup(ctx, cg, 0))
	require.NoError(t, s.PutContract(ctx, recordtest.Contract(g, d(2024, 3, 1)), 0))

	get := func(tally *Tally, code Code, u Unit) Counts {
		t.Helper()
		c, ok := tally.Get(Key{Code: code, Unit: u, Period: y2024})
		require.True(t, ok, "%s %s", code, u)
		return c
	}
	spec := NewTally(0)
	require.NoError(t, RecordIndicatorsWith(ctx, s, "", y2024, &RecordOptions{}, spec))
	assert.Equal(t, Counts{0, 4}, get(spec, codeKeyContract, recVillage1))
	assert.Equal(t, Counts{3, 4}, get(spec, codeKeyCoverage, recVillage1))
	assert.Equal(t, Counts{1, 2}, get(spec, codeKeyContract, recVillage2))
	assert.Equal(t, Counts{2, 2}, get(spec, codeKeyCoverage, recVillage2))
	assert.Equal(t, Counts{1, 3}, get(spec, codeElderlyManaged, recVillage1))

	plain := NewTally(0)
	require.NoError(t, RecordIndicators(ctx, s, "", y2024, plain))
	_, ok := plain.Get(Key{Code: codeKeyContract, Unit: recVillage1, Period: y2024})
	assert.False(t, ok, "RecordIndicators keeps its rows")
	for k, c := range plain.All() {
		assert.Equal(t, c, get(spec, k.Code, k.Unit), "%s: the options change no row of RecordIndicators", k.Code)
	}

	plan := &Plan{Period: y2024, ElderlyMinAge: healthrecord.ElderlyMinAgePlan60}
	sixty := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Records: s, RecordOptions: plan.RecordOptions()}, "", y2024, sixty))
	assert.Equal(t, Counts{1, 5}, get(sixty, codeKeyContract, recVillage1))
	assert.Equal(t, Counts{4, 5}, get(sixty, codeKeyCoverage, recVillage1))
	assert.Equal(t, Counts{2, 4}, get(sixty, codeElderlyManaged, recVillage1))
	assert.Equal(t, Counts{2, 3}, get(sixty, codeElderlyComplete, recVillage1))
	assert.Equal(t, Counts{1, 4}, get(sixty, codeTCMElderly, recVillage1), "G's checkup has no TCM record (the fixture fills it from 65)")

	plan.ElderlyMinAge = 61
	assert.Error(t, plan.Validate())
}
