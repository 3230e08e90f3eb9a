package indicators

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
)

// TestAEFIIndicators: four reports of village 110105001101 found in 2024 and one in
// 2025 (hand-worked, immunization.DefaultAEFIRules):
//   - 0: non-serious, reported 6 h after discovery, classified: handled, timely;
//   - 1: non-serious, reported 6 h after, not classified yet: timely only;
//   - 2: a death found at 09:00, reported at 11:30 (2 h limit): neither;
//   - 3: non-serious, never reported: neither;
//   - 4: found in 2025: not counted in 2024.
//
// imm.aefi_handled = 1/4, imm.aefi_timely = 2/4.
func TestAEFIIndicators(t *testing.T) {
	ctx := context.Background()
	s := immmem.NewClinic()
	put := func(r *immunization.AEFIReport) {
		r.Version = 1
		require.NoError(t, s.PutAEFI(ctx, r, 0))
	}
	const v = "110105001101"
	put(immunizationtest.AEFIReport(0, v))
	r1 := immunizationtest.AEFIReport(1, v)
	r1.Class, r1.Classified = immunization.AEFIPending, gongwei.Date{}
	put(r1)
	r2 := immunizationtest.AEFIReport(2, v)
	r2.Severity = immunization.AEFIDeath
	r2.Reported = r2.Found.Add(150 * time.Minute)
	put(r2)
	r3 := immunizationtest.AEFIReport(3, v)
	r3.Reported = time.Time{}
	put(r3)
	r4 := immunizationtest.AEFIReport(400, v) // 2025-06-14
	put(r4)

	y := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, AEFIIndicators(ctx, s, "110105", immunization.DefaultAEFIRules, y, tally))
	got, ok := tally.Get(Key{Code: codeImmAEFIHandled, Unit: v, Period: y})
	require.True(t, ok)
	require.Equal(t, Counts{Num: 1, Den: 4}, got)
	got, _ = tally.Get(Key{Code: codeImmAEFITimely, Unit: v, Period: y})
	require.Equal(t, Counts{Num: 2, Den: 4}, got)
	require.Equal(t, 2, tally.Len())

	require.ErrorIs(t, AEFIIndicators(ctx, s, "", immunization.DefaultAEFIRules, gongwei.Period{}, tally), gongwei.ErrInvalid)
	c, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, AEFIIndicators(c, s, "", immunization.DefaultAEFIRules, y, NewTally(0)), context.Canceled)
}

// TestImmunizationCardIndicators: imm.card over the population of
// TestImmunizationIndicators, with cards: A (born 2024-03-10, card 2024-03-20) and D
// (born 2024-11-05, card 2025-01-03, after the year) have their 1-month date in 2024; B
// (born 2024-12-20: 1 month on 2025-01-20) and C (2023) do not. imm.card =
// 1/1 in 110105001101, 0/1 in 110105001102.
func TestImmunizationCardIndicators(t *testing.T) {
	ctx := context.Background()
	s := immPopulationWithCards(t)
	y := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, ImmunizationCardIndicators(ctx, s, "", y, tally))
	got, _ := tally.Get(Key{Code: codeImmCard, Unit: "110105001101", Period: y})
	require.Equal(t, Counts{Num: 1, Den: 1}, got)
	got, _ = tally.Get(Key{Code: codeImmCard, Unit: "110105001102", Period: y})
	require.Equal(t, Counts{Num: 0, Den: 1}, got)
	require.Equal(t, 2, tally.Len())
}

// TestManagedImmunizationIndicators: the population of TestImmunizationIndicators with
// C (village 110105001102, born 2023-06-15) departed on 2024-10-01 and B (born
// 2024-12-20) arrived on 2024-12-25 (less than 3 months before the year's end): neither
// is counted in 2024. A and D are local and counted as ImmunizationIndicators counts
// them; so the managed tally equals the full one without B's and C's cells.
func TestManagedImmunizationIndicators(t *testing.T) {
	ctx := context.Background()
	s := immPopulation(t)
	moves := immmem.NewClinic()
	for _, m := range []immunization.Movement{
		{ID: "m1", Resident: "C", Village: "110105001102", Kind: immunization.Departure, Date: gongwei.MustDate(2024, 10, 1)},
		{ID: "m2", Resident: "B", Village: "110105001101", Kind: immunization.Arrival, Date: gongwei.MustDate(2024, 12, 25)},
	} {
		m.Version = 1
		require.NoError(t, moves.PutMovement(ctx, &m, 0))
	}
	y := gongwei.Year(2024)
	managed := NewTally(0)
	require.NoError(t, ManagedImmunizationIndicators(ctx, s, moves, "", immunization.DefaultResidence, y, managed))

	// The same figures from the children counted alone: A and D.
	only := immmem.New()
	for _, id := range []string{"A", "D"} {
		r, err := s.Registration(ctx, healthrecord.ResidentID(id))
		require.NoError(t, err)
		v := r.Version
		r.Version = 1
		require.NoError(t, only.PutRegistration(ctx, r, 0))
		r.Version = v
		for x, err := range s.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.Resident}) {
			require.NoError(t, err)
			require.NoError(t, only.PutVaccination(ctx, x, 0))
		}
	}
	want := NewTally(0)
	require.NoError(t, ImmunizationIndicators(ctx, only, "", y, want))
	require.NoError(t, ImmunizationCardIndicators(ctx, only, "", y, want))
	require.True(t, want.Equal(managed), "managed %v\nwant %v", managed.Keys(), want.Keys())
	// Hand-worked: A's HepB1 on the day of birth in 110105001101; C is gone from 110105001102.
	got, _ := managed.Get(Key{Code: codeImmHepBBirth, Unit: "110105001101", Period: y})
	require.Equal(t, Counts{Num: 1, Den: 1}, got)
	_, ok := managed.Get(Key{Code: coverageCodes[2], Unit: "110105001102", Period: y})
	require.False(t, ok, "C's HepB3 cell is not counted")

	// B counted from 3 months after arrival: in 2025 its card falls due on 2025-03-25.
	y25 := gongwei.Year(2025)
	t25 := NewTally(0)
	require.NoError(t, ManagedImmunizationIndicators(ctx, s, moves, "110105001101", immunization.DefaultResidence, y25, t25))
	got, _ = t25.Get(Key{Code: codeImmCard, Unit: "110105001101", Period: y25})
	require.Equal(t, Counts{Num: 0, Den: 1}, got)
}

// TestCampaignIndicators: a supplementary bOPV campaign of county 110105 (2024-09-01 to
// 09-11, born 2020-09-01 to 2024-06-30) over the population of
// TestImmunizationIndicators: targets A (born 2024-03-10, village 101) and C (born
// 2023-06-15, village 102); B and D are born after the cohort. A is given a campaign dose,
// C a routine bOPV dose the same day: imm.campaign/K0000 = 1/1 in 101, 0/1 in 102.
func TestCampaignIndicators(t *testing.T) {
	ctx := context.Background()
	s := immPopulation(t)
	clinic := immmem.NewClinic()
	_, svc := planCampaign(t, s, clinic)
	require.NoError(t, svc.Vaccinate(ctx, &immunization.Vaccination{ID: "K2", Resident: "C",
		Dose: immunization.Dose{Vaccine: immunization.BOPV, Date: gongwei.MustDate(2024, 9, 2)}}))

	y := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, CampaignIndicators(ctx, s, clinic, y, tally))
	code := codeImmCampaign.With("K0000")
	got, _ := tally.Get(Key{Code: code, Unit: "110105001101", Period: y})
	require.Equal(t, Counts{Num: 1, Den: 1}, got)
	got, _ = tally.Get(Key{Code: code, Unit: "110105001102", Period: y})
	require.Equal(t, Counts{Num: 0, Den: 1}, got)
	require.Equal(t, 2, tally.Len())
	ind, ok := Lookup(code)
	require.True(t, ok)
	require.Equal(t, "查漏补种、强化免疫活动接种率", ind.Name.ZhHans)

	empty := NewTally(0)
	require.NoError(t, CampaignIndicators(ctx, s, clinic, gongwei.Year(2025), empty))
	require.Zero(t, empty.Len())
}

// TestComputeImmunizationClinic: Compute with Sources.ImmunizationClinic over the
// population of TestImmunizationIndicators, with the cards of
// TestImmunizationCardIndicators, gives, beside the schedule's cells and 建卡率
// (TestImmunizationCardIndicators: 1/1 in 110105001101, 0/1 in 110105001102), the AEFI
// rows of two reports of 110105001101 (one handled and timely, one never reported:
// 1/2 each) and the campaign of TestCampaignIndicators (1/1 in 101, 0/1 in 102). A
// prefix keeps only its villages' rows; without the clinic store no AEFI or campaign
// row appears.
func TestComputeImmunizationClinic(t *testing.T) {
	ctx := context.Background()
	s := immPopulationWithCards(t)
	clinic := immmem.NewClinic()
	c, _ := planCampaign(t, s, clinic)
	const v1, v2 = "110105001101", "110105001102"
	for i, reported := range []bool{true, false} {
		r := immunizationtest.AEFIReport(i, v1)
		if !reported {
			r.Reported = time.Time{}
		}
		r.Version = 1
		require.NoError(t, clinic.PutAEFI(ctx, r, 0))
	}

	y := gongwei.Year(2024)
	campaign := codeImmCampaign.With(string(c.ID))
	tests := []struct {
		name   string
		src    Sources
		prefix string
		want   map[Key]Counts
		absent []Key
	}{
		{
			name: "clinic store", src: Sources{Immunization: s, ImmunizationClinic: &ImmunizationClinic{AEFIs: clinic, Campaigns: clinic}},
			want: map[Key]Counts{
				{codeImmCard, v1, y}: {1, 1}, {codeImmCard, v2, y}: {0, 1},
				{codeImmAEFIHandled, v1, y}: {1, 2}, {codeImmAEFITimely, v1, y}: {1, 2},
				{campaign, v1, y}: {1, 1}, {campaign, v2, y}: {0, 1},
			},
		},
		{
			name: "prefix of one village", src: Sources{Immunization: s, ImmunizationClinic: &ImmunizationClinic{AEFIs: clinic, Campaigns: clinic}},
			prefix: v2,
			want:   map[Key]Counts{{codeImmCard, v2, y}: {0, 1}, {campaign, v2, y}: {0, 1}},
			absent: []Key{{codeImmCard, v1, y}, {codeImmAEFIHandled, v1, y}, {campaign, v1, y}},
		},
		{
			name: "no clinic store", src: Sources{Immunization: s},
			want:   map[Key]Counts{{codeImmCard, v1, y}: {1, 1}},
			absent: []Key{{codeImmAEFIHandled, v1, y}, {codeImmAEFITimely, v1, y}, {campaign, v1, y}, {campaign, v2, y}},
		},
		{
			name: "AEFI alone", src: Sources{ImmunizationClinic: &ImmunizationClinic{AEFIs: clinic, Campaigns: clinic}},
			want:   map[Key]Counts{{codeImmAEFIHandled, v1, y}: {1, 2}},
			absent: []Key{{codeImmCard, v1, y}, {campaign, v1, y}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := NewTally(0)
			require.NoError(t, Compute(ctx, tc.src, tc.prefix, y, got))
			for k, w := range tc.want {
				c, ok := got.Get(k)
				require.True(t, ok, "%v", k)
				require.Equal(t, w, c, "%v", k)
			}
			for _, k := range tc.absent {
				_, ok := got.Get(k)
				require.False(t, ok, "%v", k)
			}
		})
	}

	// A province's own rules are used when set: a 1-hour routine deadline makes the
	// report sent 6 hours after discovery late.
	strict := immunization.DefaultAEFIRules
	strict.Routine = time.Hour
	got := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{ImmunizationClinic: &ImmunizationClinic{AEFIs: clinic, AEFIRules: strict}}, "", y, got))
	cnt, _ := got.Get(Key{codeImmAEFITimely, v1, y})
	require.Equal(t, Counts{0, 2}, cnt)
}

// immPopulationWithCards is immPopulation with the vaccination cards of
// TestImmunizationCardIndicators: A on 2024-03-20, B on 2024-12-21, D on 2025-01-03.
func immPopulationWithCards(t *testing.T) immunization.Store {
	ctx := context.Background()
	s := immPopulation(t)
	for id, card := range map[string]string{"A": "2024-03-20", "D": "2025-01-03", "B": "2024-12-21"} {
		r, err := s.Registration(ctx, healthrecord.ResidentID(id))
		require.NoError(t, err)
		r.Card = gongwei.MustParseDate(card)
		prev := r.Version
		r.Version++
		require.NoError(t, s.PutRegistration(ctx, r, prev))
	}
	return s
}

// planCampaign plans campaign K0000 (immunizationtest.Campaign(0)) in clinic over the
// registrations of s and gives A a dose of it on 2024-09-02; it returns the campaign and
// the service, for more doses.
func planCampaign(t *testing.T, s immunization.Store, clinic *immmem.Clinic) (*immunization.Campaign, *immunization.Service) {
	t.Helper()
	ctx := context.Background()
	svc := immunization.New(s, immunization.Options{Unattributed: true, Now: func() time.Time { return time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC) }})
	cs := svc.Campaigns(clinic)
	c := immunizationtest.Campaign(0)
	require.NoError(t, cs.Plan(ctx, c))
	require.NoError(t, cs.Vaccinate(ctx, c.ID, &immunization.Vaccination{ID: "K1", Resident: "A",
		Dose: immunization.Dose{Vaccine: immunization.BOPV, Date: gongwei.MustDate(2024, 9, 2)}}))
	return c, svc
}
