package indicators

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/stretchr/testify/require"
)

// immPopulation builds the hand-worked population of TestImmunizationIndicators.
func immPopulation(t *testing.T) immunization.Store {
	t.Helper()
	s := immmem.New()
	svc := immunization.New(s, immunization.Options{Unattributed: true})
	ctx := context.Background()
	u1, u2 := healthrecord.Village("110105001101"), healthrecord.Village("110105001102")
	add := func(id string, v healthrecord.Village, birth, cert string, doses ...string) {
		r := &immunization.Registration{Resident: healthrecord.ResidentID(id), Village: v,
			Child: immunization.Child{Birth: gongwei.MustParseDate(birth)}}
		if cert != "" {
			r.Certificate = gongwei.MustParseDate(cert)
		}
		require.NoError(t, svc.Register(ctx, r))
		for i := 0; i < len(doses); i += 2 {
			vac, err := immunization.ParseVaccine(doses[i])
			require.NoError(t, err)
			require.NoError(t, svc.Vaccinate(ctx, &immunization.Vaccination{
				ID: immunization.VaccinationID(fmt.Sprintf("%s-%d", id, i)), Resident: r.Resident,
				Dose: immunization.Dose{Vaccine: vac, Date: gongwei.MustParseDate(doses[i+1])},
			}))
		}
	}
	add("A", u1, "2024-03-10", "2024-03-20", "HepB", "2024-03-10", "BCG", "2024-03-10", "HepB", "2024-04-10")
	add("B", u1, "2024-12-20", "", "HepB", "2024-12-21")
	add("C", u2, "2023-06-15", "2023-07-01", "HepB", "2023-06-15", "HepB", "2023-07-15", "HepB", "2024-07-01", "MMR", "2024-02-15")
	add("D", u2, "2024-11-05", "2024-12-10")
	return s
}

// TestImmunizationIndicators checks figures worked by hand (period 2024):
//
//	A (village 1) born 2024-03-10: certificate due 2024-04-10, issued 03-20 (1/1); HepB-1
//	  on the birth day (birth dose 1/1; HepB1 limit 2024-03-11: covered, timely); BCG at
//	  birth (limit 2024-06-10: covered, timely).
//	B (village 1) born 2024-12-20: certificate due 2025-01-20 (not counted); HepB-1 the
//	  day after (birth dose 0/1; HepB1 limit 2024-12-21: covered by year end, not timely).
//	C (village 2) born 2023-06-15: 12-month limits on 2024-06-15 (HepB3 given 2024-07-01:
//	  covered, late; MMR1 on 2024-02-15 at 8 months: covered, timely; Polio3, DTaP3, JE1
//	  none); 18-month limit 2024-12-15 (MPSVA2 none).
//	D (village 2) born 2024-11-05: certificate due 12-05, issued 12-10 within the year
//	  (1/1); no HepB (birth dose 0/1; HepB1 0/1 and not timely).
func TestImmunizationIndicators(t *testing.T) {
	s := immPopulation(t)
	p := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, ImmunizationIndicators(context.Background(), s, "110105001", p, tally))
	u1, u2 := MustParseUnit("110105001101"), MustParseUnit("110105001102")
	want := map[Key]Counts{
		{codeImmCertificate, u1, p}:             {1, 1},
		{codeImmHepBBirth, u1, p}:               {1, 2},
		{codeImmCoverage.With("HepB1"), u1, p}:  {2, 2},
		{codeImmCoverage.With("BCG"), u1, p}:    {1, 1},
		{codeImmTimely, u1, p}:                  {2, 3},
		{codeImmCertificate, u2, p}:             {1, 1},
		{codeImmHepBBirth, u2, p}:               {0, 1},
		{codeImmCoverage.With("HepB1"), u2, p}:  {0, 1},
		{codeImmCoverage.With("HepB3"), u2, p}:  {1, 1},
		{codeImmCoverage.With("Polio3"), u2, p}: {0, 1},
		{codeImmCoverage.With("DTaP3"), u2, p}:  {0, 1},
		{codeImmCoverage.With("MMR1"), u2, p}:   {1, 1},
		{codeImmCoverage.With("JE1"), u2, p}:    {0, 1},
		{codeImmCoverage.With("MPSVA2"), u2, p}: {0, 1},
		{codeImmTimely, u2, p}:                  {1, 7},
		// 五苗: C's first birthday 2024-06-15 is in 2024; BCG, polio and DTaP missing.
		{codeImmFive, u2, p}: {0, 1},
	}
	got := map[Key]Counts{}
	for k, c := range tally.All() {
		got[k] = c
	}
	require.Equal(t, want, got)

	// Rolled up to the township: HepB birth dose 1 of 3.
	r, ok := tally.RollUp(LevelTownship).Rate(codeImmHepBBirth, MustParseUnit("110105001"), p)
	require.True(t, ok)
	v, ok := r.Value(1)
	require.True(t, ok)
	require.Equal(t, "33.3", v.String())
}

func TestImmunizationIndicatorsErrors(t *testing.T) {
	require.ErrorIs(t, ImmunizationIndicators(context.Background(), immmem.New(), "", gongwei.Period{}, NewTally(0)), gongwei.ErrInvalid)
	s := immPopulation(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := ImmunizationIndicators(ctx, s, "", gongwei.Year(2024), NewTally(0))
	require.True(t, errors.Is(err, context.Canceled))
}

// TestFiveVaccines works imm.five_vaccines by hand (period 2024, village 110105001101):
// E, born 2023-03-01, has BCG and HepB at birth, HepB at 1 and 6 months, IPV at 2 and 3
// months and bOPV at 4 (polio 3), DTaP at 3, 4 and 5 months and MMR at 8 months: all five
// done by the first birthday 2024-03-01, which falls in 2024 (1/1). F, born 2023-05-10,
// has the same but no MMR (0/1). G, born 2024-02-01, reaches 12 months in 2025: not
// counted. So 1/2 = 50.0 %.
func TestFiveVaccines(t *testing.T) {
	s := immmem.New()
	svc := immunization.New(s, immunization.Options{Unattributed: true})
	ctx := context.Background()
	v := healthrecord.Village("110105001101")
	add := func(id, birth string, mmr bool) {
		b := gongwei.MustParseDate(birth)
		r := &immunization.Registration{Resident: healthrecord.ResidentID(id), Village: v, Child: immunization.Child{Birth: b}}
		require.NoError(t, svc.Register(ctx, r))
		doses := []struct {
			vac    immunization.Vaccine
			months int
		}{
			{immunization.HepB, 0}, {immunization.BCG, 0}, {immunization.HepB, 1}, {immunization.IPV, 2},
			{immunization.IPV, 3}, {immunization.DTaP, 3}, {immunization.BOPV, 4}, {immunization.DTaP, 4},
			{immunization.DTaP, 5}, {immunization.HepB, 6},
		}
		if mmr {
			doses = append(doses, struct {
				vac    immunization.Vaccine
				months int
			}{immunization.MMR, 8})
		}
		for i, d := range doses {
			require.NoError(t, svc.Vaccinate(ctx, &immunization.Vaccination{
				ID: immunization.VaccinationID(fmt.Sprintf("%s-%d", id, i)), Resident: r.Resident,
				Dose: immunization.Dose{Vaccine: d.vac, Date: b.AddMonths(d.months)},
			}))
		}
	}
	add("E", "2023-03-01", true)
	add("F", "2023-05-10", false)
	add("G", "2024-02-01", true)
	p := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, ImmunizationIndicators(ctx, s, "", p, tally))
	got, ok := tally.Get(Key{codeImmFive, MustParseUnit(string(v)), p})
	require.True(t, ok)
	require.Equal(t, Counts{1, 2}, got)
}
