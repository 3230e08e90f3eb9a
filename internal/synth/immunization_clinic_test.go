package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/immunization"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
)

// TestLoadAEFIs: the demo township's AEFI reports number the national rate per dose
// given in the year (32.52 per 100,000, rounded, at least one), each on a real dose of a
// registered child with its village, valid and classified or pending; loading again
// adds none; and Compute counts them through Sources.ImmunizationClinic. Each clinic
// has its year's refrigerator log.
func TestLoadAEFIs(t *testing.T) {
	ctx := context.Background()
	c := demoTownship(t)
	s := memStores()
	clinic := immunizationmem.NewClinic()
	s.ImmunizationClinic = clinic
	require.NoError(t, c.LoadAll(ctx, s))

	doses := 0
	for r, err := range s.Immunization.Registrations(ctx, immunization.Filter{Prefix: c.Township(1)}) {
		require.NoError(t, err)
		for _, err := range s.Immunization.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.Resident, Period: c.Period()}) {
			require.NoError(t, err)
			doses++
		}
	}
	require.Positive(t, doses)
	want := max(1, (doses*3252+5_000_000)/10_000_000)
	var reports []*immunization.AEFIReport
	for r, err := range clinic.AEFIs(ctx, immunization.AEFIFilter{Prefix: c.Township(1)}) {
		require.NoError(t, err)
		reports = append(reports, r)
	}
	require.Len(t, reports, want)
	for _, r := range reports {
		require.NoError(t, r.Validate())
		reg, err := s.Immunization.Registration(ctx, r.Resident)
		require.NoError(t, err)
		assert.Equal(t, reg.Village, r.Village)
		v, err := s.Immunization.Vaccination(ctx, r.Vaccination)
		require.NoError(t, err)
		assert.Equal(t, v.Dose.Date, r.Vaccinated)
		assert.False(t, r.Onset.Before(r.Vaccinated))
		assert.Equal(t, r.Class == immunization.AEFIPending, r.Classified.IsZero())
	}

	require.NoError(t, c.LoadAEFIs(ctx, s, 1))
	again := 0
	for _, err := range clinic.AEFIs(ctx, immunization.AEFIFilter{}) {
		require.NoError(t, err)
		again++
	}
	assert.Equal(t, want, again, "loading again adds none")

	tally := indicators.NewTally(0)
	require.NoError(t, indicators.Compute(ctx, indicators.Sources{ImmunizationClinic: &indicators.ImmunizationClinic{AEFIs: clinic}}, c.Township(1), c.Period(), tally))
	assert.Equal(t, int64(want), rolledUp(t, c, tally, indicators.LevelTownship, c.Township(1))("imm.aefi_timely").Den)

	// The clinic's refrigerator log: two readings a day for the 365 days of 2025, valid
	// (no gap), with no excursion.
	logs := 0
	for l, err := range clinic.TemperatureLogs(ctx, immunization.ColdChainFilter{}) {
		require.NoError(t, err)
		require.NoError(t, l.Validate())
		assert.Len(t, l.Readings, 2*365)
		assert.Empty(t, l.Excursions())
		logs++
	}
	assert.Positive(t, logs)
	require.NoError(t, c.LoadColdChain(ctx, s, 1), "loading again leaves the logs as they are")

	// Floating children: some arrivals and departures, each of a registered child of
	// the township born before the year, dated in the year.
	kinds := map[immunization.MoveKind]int{}
	for m, err := range clinic.Movements(ctx, immunization.MovementFilter{}) {
		require.NoError(t, err)
		reg, err := s.Immunization.Registration(ctx, m.Resident)
		require.NoError(t, err)
		assert.True(t, reg.Child.Birth.Before(c.Period().Start))
		assert.True(t, c.Period().Contains(m.Date))
		kinds[m.Kind]++
	}
	assert.Positive(t, kinds[immunization.Arrival])
	assert.Positive(t, kinds[immunization.Departure])
	require.NoError(t, c.LoadFloating(ctx, s, 1), "loading again leaves the movements as they are")
}
