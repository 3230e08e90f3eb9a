package indicators

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	matVillage1 = MustParseUnit("110105001101")
	matVillage2 = MustParseUnit("110105001102")
)

// maternalPopulation builds the hand-worked population of TestMaternalIndicators. Every
// pregnancy starts from maternaltest.Pregnancy: booked and first examined at 10+0, visits
// 2-5, the three tests negative at 10+0, a vaginal hospital delivery of one live infant
// at LMP + 280, discharged 3 days later, home visit 5 days after discharge, 42-day check.
//
// Village 110105001101:
//
//	A LMP 2024-01-01, delivered 2024-10-07: the fixture as is.
//	B LMP 2024-02-01, delivered 2024-11-07: twins (2 live births) by a first caesarean;
//	  booked and first examined late at 14+0; twins recorded at the 3rd visit (yellow);
//	  tested for HIV at 14+0, syphilis at 30+0, never for HBsAg.
//	C LMP 2024-03-01, delivered 2024-12-06 at home (no discharge); red at the first exam
//	  (severe condition); visits 2 and 3 only (3 contacts); home visit on day 30.
//	D LMP 2023-03-01, delivered 2023-12-06; died 2024-01-10 (day 35 after delivery).
//
// Village 110105001102:
//
//	E LMP 2024-01-15, delivered 2024-10-21: one stillbirth, no live birth.
//	F LMP 2024-06-01: still pregnant at the end of 2024.
//	G LMP 2023-11-01: miscarriage on 2024-02-01.
func maternalPopulation(t *testing.T) maternal.Store {
	t.Helper()
	s := memstore.New()
	mk := func(n int, u Unit, lmp gongwei.Date) *maternal.Pregnancy {
		return maternaltest.Pregnancy(maternaltest.Woman(n, healthrecordVillage(u)), lmp)
	}
	a := mk(1, matVillage1, d(2024, 1, 1))

	b := mk(2, matVillage1, d(2024, 2, 1))
	late := b.Dating.LMP.AddDays(98)
	b.Booked, b.FirstExam.Date = late, late
	b.Visits[1].Factors = []maternal.Factor{maternal.FactorMultiple}
	b.Tests = []maternal.InfectionTest{
		{Infection: maternal.HIV, Date: late, Result: maternal.Negative},
		{Infection: maternal.Syphilis, Date: b.Dating.LMP.AddDays(210), Result: maternal.Negative},
	}
	b.Delivery.Mode, b.Delivery.FirstCaesarean, b.Delivery.LiveBirths = maternal.Caesarean, true, 2

	c := mk(3, matVillage1, d(2024, 3, 1))
	c.FirstExam.Factors = []maternal.Factor{maternal.FactorSevereCondition}
	c.Visits = c.Visits[:2]
	c.Delivery.Place, c.Delivery.Institution, c.Delivery.Discharged = maternal.Home, "", gongwei.Date{}
	c.Postpartum[0].Date = c.Delivery.Date.AddDays(30)

	dd := mk(4, matVillage1, d(2023, 3, 1))
	dd.Postpartum = dd.Postpartum[:1]
	dd.Death = &maternal.Death{Date: d(2024, 1, 10)}

	e := mk(5, matVillage2, d(2024, 1, 15))
	e.Delivery.LiveBirths, e.Delivery.Stillbirths = 0, 1

	f := maternaltest.Booked(maternaltest.Woman(6, healthrecordVillage(matVillage2)), d(2024, 6, 1))

	g := maternaltest.Booked(maternaltest.Woman(7, healthrecordVillage(matVillage2)), d(2023, 11, 1))
	g.Ended = &maternal.Ending{Date: d(2024, 2, 1), Reason: maternal.Miscarriage}

	for _, p := range []*maternal.Pregnancy{a, b, c, dd, e, f, g} {
		require.NoError(t, p.Validate(), p.ID)
		p.Version = 1
		require.NoError(t, s.PutPregnancy(context.Background(), p, 0))
	}
	require.Equal(t, d(2024, 10, 7), a.Delivery.Date)
	require.Equal(t, d(2023, 12, 6), dd.Delivery.Date)
	return s
}

// TestMaternalIndicators checks every figure of the hand-worked population (see
// maternalPopulation) for 2024.
func TestMaternalIndicators(t *testing.T) {
	s := maternalPopulation(t)
	p := gongwei.Year(2024)
	tally := NewTally(0)
	require.NoError(t, MaternalIndicators(context.Background(), s, "", p, tally))

	hiv, syp, hbs := maternal.HIV.Code(), maternal.Syphilis.Code(), maternal.HBV.Code()
	want := map[Key]Counts{
		// Village 1: live births A 1 + B 2 + C 1 = 4 (D delivered in 2023).
		{codeMaternalEarlyBooking, matVillage1, p}:           {2, 4}, // A, C (B at 14+0)
		{codeMaternalPostpartumVisit, matVillage1, p}:        {2, 4}, // A, B (C on day 30)
		{codeMaternalHealthManagement, matVillage1, p}:       {2, 4}, // A, B (C 3 contacts)
		{codeMaternalSystem, matVillage1, p}:                 {1, 4}, // A only
		{codeMaternalHospital, matVillage1, p}:               {3, 4}, // A 1 + B 2 live births
		{codeMaternalCaesarean, matVillage1, p}:              {2, 4}, // B's twins
		{codeMaternalHighRiskHospital, matVillage1, p}:       {1, 2}, // B yellow in hospital, C red at home
		{codeMaternalMortality, matVillage1, p}:              {1, 4}, // D died 2024-01-10
		{codeMaternalTesting, matVillage1, p}:                {2, 3}, // A, C (B no HBsAg)
		{codeMaternalTesting.With(hiv), matVillage1, p}:      {3, 3},
		{codeMaternalTesting.With(syp), matVillage1, p}:      {3, 3},
		{codeMaternalTesting.With(hbs), matVillage1, p}:      {2, 3},
		{codeMaternalTestingEarly, matVillage1, p}:           {2, 3}, // A, C
		{codeMaternalTestingEarly.With(hiv), matVillage1, p}: {3, 3}, // B at 14+0
		{codeMaternalTestingEarly.With(syp), matVillage1, p}: {2, 3}, // B at 30+0 is late
		{codeMaternalTestingEarly.With(hbs), matVillage1, p}: {2, 3},
		// Village 2: E's stillbirth gives no live birth; she is still a woman delivered
		// (产妇), counted in the women numerators and the testing rates. F and G add
		// nothing.
		{codeMaternalEarlyBooking, matVillage2, p}:           {1, 0},
		{codeMaternalPostpartumVisit, matVillage2, p}:        {1, 0},
		{codeMaternalHealthManagement, matVillage2, p}:       {1, 0},
		{codeMaternalSystem, matVillage2, p}:                 {1, 0},
		{codeMaternalHospital, matVillage2, p}:               {0, 0},
		{codeMaternalCaesarean, matVillage2, p}:              {0, 0},
		{codeMaternalMortality, matVillage2, p}:              {0, 0},
		{codeMaternalTesting, matVillage2, p}:                {1, 1},
		{codeMaternalTesting.With(hiv), matVillage2, p}:      {1, 1},
		{codeMaternalTesting.With(syp), matVillage2, p}:      {1, 1},
		{codeMaternalTesting.With(hbs), matVillage2, p}:      {1, 1},
		{codeMaternalTestingEarly, matVillage2, p}:           {1, 1},
		{codeMaternalTestingEarly.With(hiv), matVillage2, p}: {1, 1},
		{codeMaternalTestingEarly.With(syp), matVillage2, p}: {1, 1},
		{codeMaternalTestingEarly.With(hbs), matVillage2, p}: {1, 1},
		// No woman of the fixture was screened: 产前筛查率 0 of the women delivered.
		{codeMaternalScreening, matVillage1, p}: {0, 3},
		{codeMaternalScreening, matVillage2, p}: {0, 1},
		// Nor given a pre-pregnancy check, folic acid or the subsidy (all are rural; A
		// and B delivered in hospital, C at home; E in hospital); none tested positive,
		// so no intervention cell.
		{codePrePregnancyCheck, matVillage1, p}: {0, 3},
		{codePrePregnancyCheck, matVillage2, p}: {0, 1},
		{codeFolicAcid, matVillage1, p}:         {0, 3},
		{codeFolicAcid, matVillage2, p}:         {0, 1},
		{codeDeliverySubsidy, matVillage1, p}:   {0, 2},
		{codeDeliverySubsidy, matVillage2, p}:   {0, 1},
	}
	wantCells(t, tally, want)
	assert.Equal(t, len(want), tally.Len(), "no other cells")

	// Maternal mortality in village 1: 1 death in 4 live births = 25,000 per 100,000.
	r, ok := tally.Rate(codeMaternalMortality, matVillage1, p)
	require.True(t, ok)
	assert.Equal(t, "25000", rateValue(t, r))

	// Township roll-up: live births 4 + 0; early booking 2 + 1 = 3 of 4 → 75.0 %.
	town := tally.RollUp(LevelTownship)
	c, _ := town.Get(Key{codeMaternalEarlyBooking, MustParseUnit("110105001"), p})
	assert.Equal(t, Counts{3, 4}, c)
	r, _ = town.Rate(codeMaternalEarlyBooking, MustParseUnit("110105001"), p)
	assert.Equal(t, "75", rateValue(t, r))
}

// TestMaternalIndicatorsPeriodPlacement: a pregnancy counts in the year of its delivery
// (BasisBirth), its death in the year of the death (BasisReport).
func TestMaternalIndicatorsPeriodPlacement(t *testing.T) {
	s := maternalPopulation(t)
	p := gongwei.Year(2023)
	tally := NewTally(0)
	require.NoError(t, MaternalIndicators(context.Background(), s, "110105001101", p, tally))
	// D delivered 2023-12-06: 1 live birth, no death in 2023.
	c, ok := tally.Get(Key{codeMaternalMortality, matVillage1, p})
	require.True(t, ok)
	assert.Equal(t, Counts{0, 1}, c)
	c, _ = tally.Get(Key{codeMaternalEarlyBooking, matVillage1, p})
	assert.Equal(t, Counts{1, 1}, c)
	// The prefix excludes village 2.
	for k := range tally.All() {
		assert.Equal(t, matVillage1, k.Unit)
	}
}

// healthrecordVillage converts a village unit to the health record's village code.
func healthrecordVillage(u Unit) healthrecord.Village { return healthrecord.Village(u) }

// rateValue returns the value of r to 1 place as text.
func rateValue(t *testing.T, r Rate) string {
	t.Helper()
	v, ok := r.Value(1)
	require.True(t, ok)
	return v.String()
}

type failingMaternalStore struct{ maternal.Store }

var errMaternalBroken = errors.New("broken")

func (failingMaternalStore) Pregnancies(context.Context, maternal.Filter) iter.Seq2[*maternal.Pregnancy, error] {
	return func(yield func(*maternal.Pregnancy, error) bool) { yield(nil, errMaternalBroken) }
}

func TestMaternalIndicatorsErrors(t *testing.T) {
	err := MaternalIndicators(context.Background(), failingMaternalStore{}, "", gongwei.Year(2024), NewTally(0))
	assert.ErrorIs(t, err, errMaternalBroken)
	err = MaternalIndicators(context.Background(), memstore.New(), "", gongwei.Period{}, NewTally(0))
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
	for _, c := range MaternalCodes {
		ind, ok := Lookup(c)
		require.True(t, ok, c)
		assert.True(t, ind.Implemented, c)
		assert.Equal(t, ServiceMaternal, ind.Service)
	}
}
