package indicators

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/stretchr/testify/require"
)

// childPopulation builds the hand-worked population of TestChildIndicators (period
// 2024, asOf 2024-12-31) in a memstore.
//
// Village 110105001101 (A):
//
//	C1 girl born 2024-03-01, discharged 03-03; 甲低+PKU and hearing screened.
//	   Newborn visit 03-06 (day 5); 3-month check 06-01 (day 92: 6.0 kg, z 0.19;
//	   60.0 cm lying, z 0.07 — not malnourished); 6-month check 09-05 with Hb 105 g/L
//	   (6 months: WHO 2011 mild anaemia, 100–109) and TCM guidance. 满月 and 8-month
//	   checks missed.
//	C2 boy born 2024-12-20, discharged 12-22; hearing passed, no disease screen; newborn
//	   visit 2025-01-05 (day 16, after the period: counts for the 2024 birth).
//	C3 girl born 2024-05-10, died 2024-05-20 (day 10): a neonatal, infant and under-5 death.
//	C4 boy born 2022-01-15, died 2024-08-01 (2 years): an under-5 death only.
//
// Village 110105001102 (B):
//
//	C5 boy born 2021-06-10. 36-month check 2024-06-15 (day 1101): height 85 cm standing,
//	   M 96.1964, S 0.03862 → z −3.01 (severe stunting); Hb 95 g/L (WHO moderate); TCM
//	   guidance. The 30-month check (window last day 2024-01-08) was missed.
//	C6 girl born 2024-09-05, discharged 09-07; screened; newborn visit 09-10, 满月 visit
//	   10-04 (day 29): every visit due in 2024 done.
func childPopulation(t *testing.T) child.Store {
	t.Helper()
	ctx := context.Background()
	s := childmem.New()
	put := func(c *child.Child) {
		c.Resident = healthrecord.ResidentID("R-" + string(c.ID))
		c.Version = 1
		require.NoError(t, c.Validate())
		require.NoError(t, s.PutChild(ctx, c, 0))
	}
	visit := func(c child.ChildID, k child.VisitKind, on gongwei.Date, f func(v *child.Visit)) {
		v := &child.Visit{ID: child.VisitID(string(c) + "-" + string(k)), Child: c, Kind: k, Date: on, Version: 1}
		if f != nil {
			f(v)
		}
		require.NoError(t, v.Validate())
		require.NoError(t, s.PutVisit(ctx, v, 0))
	}
	screened := child.Screening{Hypothyroidism: child.ScreenNormal, PKU: child.ScreenNormal, Hearing: child.HearingPass}
	const A, B = "110105001101", "110105001102"

	put(&child.Child{ID: "C1", Village: A, Sex: gongwei.Female, BirthDate: d(2024, 3, 1), DischargeDate: d(2024, 3, 3), Screening: screened})
	visit("C1", child.KindNewborn, d(2024, 3, 6), nil)
	visit("C1", child.Kind3m, d(2024, 6, 1), func(v *child.Visit) {
		v.Measurement = child.Measurement{WeightKg: 6, LengthHeightCm: 60, Position: child.Recumbent}
	})
	visit("C1", child.Kind6m, d(2024, 9, 5), func(v *child.Visit) { v.HbGL = 105; v.TCMGuidance = true })

	put(&child.Child{ID: "C2", Village: A, Sex: gongwei.Male, BirthDate: d(2024, 12, 20), DischargeDate: d(2024, 12, 22),
		Screening: child.Screening{Hearing: child.HearingPass, Hypothyroidism: child.ScreenNotDone, PKU: child.ScreenNotDone}})
	visit("C2", child.KindNewborn, d(2025, 1, 5), nil)

	put(&child.Child{ID: "C3", Village: A, Sex: gongwei.Female, BirthDate: d(2024, 5, 10), DeathDate: d(2024, 5, 20)})
	put(&child.Child{ID: "C4", Village: A, Sex: gongwei.Male, BirthDate: d(2022, 1, 15), DeathDate: d(2024, 8, 1)})

	put(&child.Child{ID: "C5", Village: B, Sex: gongwei.Male, BirthDate: d(2021, 6, 10)})
	visit("C5", child.Kind36m, d(2024, 6, 15), func(v *child.Visit) {
		v.Measurement = child.Measurement{WeightKg: 12, LengthHeightCm: 85, Position: child.Standing}
		v.HbGL = 95
		v.TCMGuidance = true
	})

	put(&child.Child{ID: "C6", Village: B, Sex: gongwei.Female, BirthDate: d(2024, 9, 5), DischargeDate: d(2024, 9, 7), Screening: screened})
	visit("C6", child.KindNewborn, d(2024, 9, 10), nil)
	visit("C6", child.KindFullMonth, d(2024, 10, 4), nil)
	return s
}

func TestChildIndicators(t *testing.T) {
	s := childPopulation(t)
	tally := NewTally(0)
	p := gongwei.Year(2024)
	require.NoError(t, ChildIndicators(context.Background(), s, "", p, tally))
	a, b := MustParseUnit("110105001101"), MustParseUnit("110105001102")
	want := []struct {
		code     Code
		unit     Unit
		num, den int64
	}{
		// Births: A = C1, C2, C3; B = C6.
		{codeChildNewbornVisit, a, 2, 3}, // C1 day 5, C2 day 16 (in 2025); C3 none
		{codeChildNewbornVisit, b, 1, 1},
		{codeChildScreening, a, 1, 3}, // C1 only
		{codeChildScreening, b, 1, 1},
		{codeChildHearing, a, 2, 3}, // C1, C2
		{codeChildHearing, b, 1, 1},
		{codeChildNeonatalDeaths, a, 1, 3}, // C3 at day 10
		{codeChildInfantDeaths, a, 1, 3},   // C3
		{codeChildU5Deaths, a, 2, 3},       // C3 and C4 (age 2); C4 born 2022 counts in the numerator only
		{codeChildU5Deaths, b, 0, 1},
		// 0–6 alive on 2024-12-31: A = C1, C2; B = C5, C6.
		{codeChildManagement, a, 1, 2}, // C1 (C2's only visit is in 2025)
		{codeChildManagement, b, 2, 2},
		{codeChildHb, a, 1, 2}, // C1 at 6 months
		{codeChildHb, b, 1, 2}, // C5
		{codeChildGrowth, a, 1, 2},
		{codeChildGrowth, b, 1, 2},
		{codeChildMalnutrition, a, 0, 1}, // C1 normal
		{codeChildMalnutrition, b, 1, 1}, // C5 stunted (z −3.01)
		{codeChildAnaemia, a, 1, 1},      // C1 105 g/L
		{codeChildAnaemia, b, 1, 1},      // C5 95 g/L
		// Visits whose window closed in 2024: C1 newborn, 满月, 3, 6, 8 months (满月 and 8
		// missed); C2 newborn (window to 12-29, visited in 2025); C5 30 and 36 months (30
		// missed); C6 newborn and 满月 (both done).
		{codeChildSystem, a, 0, 2},
		{codeChildSystem, b, 1, 2},
		{codeChildUnder3System, a, 0, 2},
		{codeChildUnder3System, b, 1, 2},
		// TCM due in 2024: C1 at 6 months (done); C5 at 30 (missed) and 36 months.
		{codeTCMChild, a, 1, 1},
		{codeTCMChild, b, 0, 1},
	}
	for _, w := range want {
		got, ok := tally.Get(Key{Code: w.code, Unit: w.unit, Period: p})
		require.Truef(t, ok, "%s %s missing", w.code, w.unit)
		require.Equalf(t, Counts{Num: w.num, Den: w.den}, got, "%s %s", w.code, w.unit)
	}
	// No cell for B's neonatal deaths? B has a birth, so the cell exists with 0.
	got, ok := tally.Get(Key{Code: codeChildNeonatalDeaths, Unit: b, Period: p})
	require.True(t, ok)
	require.Equal(t, Counts{Num: 0, Den: 1}, got)

	// The rates: u5 mortality in A is 2/3 = 666.7‰.
	ind, _ := Lookup(codeChildU5Deaths)
	require.Equal(t, "666.7‰", ind.Rate(Counts{Num: 2, Den: 3}).String())

	// Prefix: only village B.
	tb := NewTally(0)
	require.NoError(t, ChildIndicators(context.Background(), s, "110105001102", p, tb))
	for k := range tb.All() {
		require.Equal(t, b, k.Unit)
	}
}

func TestChildCodesCatalogued(t *testing.T) {
	for _, c := range ChildCodes {
		ind, ok := Lookup(c)
		require.Truef(t, ok && ind.Implemented, "%s", c)
	}
}

// failingChildStore fails the Visits stream.
type failingChildStore struct{ child.Store }

func (failingChildStore) Visits(context.Context, child.VisitFilter) iter.Seq2[*child.Visit, error] {
	return func(yield func(*child.Visit, error) bool) { yield(nil, errStoreDown) }
}

func TestChildIndicatorsErrors(t *testing.T) {
	s := childPopulation(t)
	err := ChildIndicators(context.Background(), s, "", gongwei.Period{}, NewTally(0))
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = ChildIndicators(ctx, s, "", gongwei.Year(2024), NewTally(0))
	require.True(t, errors.Is(err, context.Canceled), "%v", err)
	err = ChildIndicators(context.Background(), failingChildStore{s}, "", gongwei.Year(2024), NewTally(0))
	require.ErrorIs(t, err, errStoreDown)
}
