package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// TestComputeWithPlaceholderBirth: a vaccination registration stored with the birth
// 9999-12-31 (the "unknown" placeholder of many hospital systems, written straight to the
// store by a legacy import) neither panics the computation nor changes the 2024 figures:
// every date the child's schedule gives saturates at 9999-12-31, outside the period.
// Computed for the year 9999 it counts in no denominator either (its limits saturate at
// the period's excluded End).
func TestComputeWithPlaceholderBirth(t *testing.T) {
	ctx := context.Background()
	recs := recordPopulation(t)
	clean := immPopulation(t)
	want := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Records: recs, Immunization: clean}, "", y2024, want))

	legacy := immPopulation(t)
	for i, birth := range []gongwei.Date{gongwei.MaxDate, gongwei.MustDate(9999, 12, 1), gongwei.MinDate} {
		r := &immunization.Registration{
			Resident: healthrecord.ResidentID("legacy" + string(rune('0'+i))), Village: "110105001101",
			Child: immunization.Child{Birth: birth}, Certificate: birth,
		}
		require.NoError(t, legacy.PutRegistration(ctx, r, 0))
		require.NoError(t, legacy.PutVaccination(ctx, &immunization.Vaccination{
			ID: immunization.VaccinationID(r.Resident + "-1"), Resident: r.Resident,
			Dose: immunization.Dose{Vaccine: immunization.HepB, Date: birth},
		}, 0))
	}
	got := NewTally(0)
	require.NotPanics(t, func() {
		require.NoError(t, Compute(ctx, Sources{Records: recs, Immunization: legacy}, "", y2024, got))
	})
	assert.True(t, got.Equal(want), "the placeholder births change no 2024 figure")

	// The year 9999 itself: the child born 9999-12-01 got HepB on its birth day, within
	// the limit (birth + 1 day); the one born 9999-12-31 has its limit saturated at the
	// period's excluded End and counts nowhere, nor does any certificate, due a month
	// after birth. The child born 0001-01-01 counts in year 1 as any child does.
	u := MustParseUnit("110105001101")
	for _, tc := range []struct {
		p    gongwei.Period
		want map[Key]Counts
	}{
		{gongwei.Year(9999), map[Key]Counts{
			{codeImmCoverage.With("HepB1"), u, gongwei.Year(9999)}: {1, 1},
			{codeImmHepBBirth, u, gongwei.Year(9999)}:              {1, 1},
			{codeImmTimely, u, gongwei.Year(9999)}:                 {1, 1},
		}},
		{gongwei.Year(1), map[Key]Counts{
			{codeImmCertificate, u, gongwei.Year(1)}:            {1, 1},
			{codeImmCoverage.With("BCG"), u, gongwei.Year(1)}:   {0, 1},
			{codeImmCoverage.With("HepB1"), u, gongwei.Year(1)}: {1, 1},
			{codeImmHepBBirth, u, gongwei.Year(1)}:              {1, 1},
			{codeImmTimely, u, gongwei.Year(1)}:                 {1, 2},
		}},
	} {
		tally := NewTally(0)
		require.NotPanics(t, func() {
			require.NoError(t, ImmunizationIndicators(ctx, legacy, "", tc.p, tally))
		})
		gotCells := map[Key]Counts{}
		for k, c := range tally.All() {
			gotCells[k] = c
		}
		assert.Equal(t, tc.want, gotCells, "%s", tc.p)
	}
}

// TestExamplePlanAtTheEndsOfTheCalendar: the example plan of a year outside 1 to 9999 is
// that of the nearer end, its milestones on 30 June, 30 September and 10 December.
func TestExamplePlanAtTheEndsOfTheCalendar(t *testing.T) {
	u := MustParseUnit("110105001")
	for year, want := range map[int][]string{
		10000: {"9999-06-30", "9999-09-30", "9999-12-10"},
		0:     {"0001-06-30", "0001-09-30", "0001-12-10"},
		2025:  {"2025-06-30", "2025-09-30", "2025-12-10"},
	} {
		var p *Plan
		require.NotPanics(t, func() { p = ExamplePlan(year, u) })
		var got []string
		for _, m := range p.Milestones {
			got = append(got, m.By.String())
		}
		assert.Equal(t, want, got, "year %d", year)
	}
}
