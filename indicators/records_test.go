package indicators

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/stretchr/testify/require"
)

var (
	recVillage1  = MustParseUnit("110105001101")
	recVillage2  = MustParseUnit("110105001102")
	recTownship  = MustParseUnit("110105001")
	recFixtureD0 = gongwei.MustDate(1950, 1, 1) // recordtest.Resident(i) is born on this day + i days
)

// residentBorn returns a valid, complete fixture resident born on birth, with archive
// number village+serial.
func residentBorn(t *testing.T, birth gongwei.Date, village Unit, serial int) *healthrecord.Resident {
	t.Helper()
	i := recFixtureD0.DaysUntil(birth)
	r := recordtest.ResidentAt(i, fmt.Sprintf("%s%05d", village, serial))
	require.Equal(t, birth, r.BirthDate)
	return r
}

func d(y int, m time.Month, day int) gongwei.Date { return gongwei.MustDate(y, m, day) }

// recordPopulation builds the hand-worked population of TestRecordIndicators in a
// memstore. Period 2024, asOf 2024-12-31; every fixture record is created 2024-03-01
// and is a permanent resident (registered, or non-registered living there since 18).
//
// Village 110105001101:
//
//	A born 1954-06-01 (70 on 2024-12-31): complete checkup with TCM on 2024-06-15
//	  (checkup event then); contract signed 2023-06-01, expired 2024-06-01.
//	B born 1958-06-01 (66): no checkup; record incomplete (no toilet answer); only a
//	  basic-information event, which is not a use of the record.
//	C born 1984-06-01 (40): record not electronic; a follow-up event on 2024-12-31.
//	F born 1956-06-01 (68): checkup on 2024-07-01 without the ECG and without TCM.
//
// Village 110105001102:
//
//	D born 1952-06-01 (72): died 2024-10-01, so in no denominator.
//	E born 1974-06-01 (50): contract signed 2024-05-01 (in force to 2025-05-01);
//	  a follow-up on 2023-11-01, outside the 12-month usage window.
//
// Households: A heads a family record with B as a member (village 1); D headed one
// (village 2) but died; E names a household the store does not hold.
func recordPopulation(t *testing.T) healthrecord.Store {
	t.Helper()
	ctx := context.Background()
	s := memstore.New()
	a := residentBorn(t, d(1954, 6, 1), recVillage1, 1)
	b := residentBorn(t, d(1958, 6, 1), recVillage1, 2)
	b.Info.Living.Toilet = ""
	c := residentBorn(t, d(1984, 6, 1), recVillage1, 3)
	c.Electronic = false
	f := residentBorn(t, d(1956, 6, 1), recVillage1, 4)
	dd := residentBorn(t, d(1952, 6, 1), recVillage2, 1)
	dd.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: d(2024, 10, 1), Cause: "心肌梗死"}
	e := residentBorn(t, d(1974, 6, 1), recVillage2, 2)

	ha := recordtest.Household(1, a)
	ha.Members = append(ha.Members, healthrecord.HouseholdMember{Resident: b.ID, Relation: healthrecord.RelationSpouse})
	a.Household, b.Household = ha.ID, ha.ID
	hd := recordtest.Household(2, dd)
	dd.Household = hd.ID
	e.Household = "missing"
	require.NoError(t, s.PutHousehold(ctx, ha, 0))
	require.NoError(t, s.PutHousehold(ctx, hd, 0))

	asOf := d(2024, 12, 31)
	require.True(t, a.Complete(asOf))
	require.False(t, b.Complete(asOf))
	for _, r := range []*healthrecord.Resident{a, b, c, f, dd, e} {
		require.NoError(t, s.PutResident(ctx, r, 0))
	}

	ca := recordtest.Checkup(a, d(2024, 6, 15))
	require.True(t, ca.ElderlyManaged(a.BirthDate))
	require.True(t, ca.TCMManaged(a.BirthDate))
	cf := recordtest.Checkup(f, d(2024, 7, 1))
	cf.Tests.ECG = healthrecord.Finding{}
	cf.TCM = nil
	cf.Derived = healthrecord.CheckupOutcome{} // changed since the fixture derived it: recomputed when read
	require.False(t, cf.ElderlyManaged(f.BirthDate))
	require.False(t, cf.TCMManaged(f.BirthDate))
	cd := recordtest.Checkup(dd, d(2024, 5, 1)) // D was managed, but died before year end
	for _, ch := range []*healthrecord.Checkup{ca, cf, cd} {
		require.NoError(t, s.PutCheckup(ctx, ch, 0))
	}

	require.NoError(t, s.PutContract(ctx, recordtest.Contract(a, d(2023, 6, 1)), 0))
	require.NoError(t, s.PutContract(ctx, recordtest.Contract(e, d(2024, 5, 1)), 0))

	for _, ev := range []healthrecord.ServiceEvent{
		recordtest.Event(a, healthrecord.EventCheckup, d(2024, 6, 15)),
		recordtest.Event(b, healthrecord.EventBasicInfo, d(2024, 3, 1)),
		recordtest.Event(c, chronic.EventHypertensionFollowUp, d(2024, 12, 31)),
		recordtest.Event(e, chronic.EventHypertensionFollowUp, d(2023, 11, 1)),
		recordtest.Event(dd, healthrecord.EventCheckup, d(2024, 5, 1)),
	} {
		require.NoError(t, s.AppendEvent(ctx, ev))
	}
	return s
}

func TestRecordIndicators(t *testing.T) {
	s := recordPopulation(t)
	tally := NewTally(0)
	require.NoError(t, RecordIndicators(context.Background(), s, "110105001", y2024, tally))

	// Worked by hand from recordPopulation (rules in the RecordIndicators doc,
	// nbphs-spec §1.6, §6.2, §11.3). Active on 2024-12-31: A, B, C, F (village 1) and E
	// (village 2); D died 2024-10-01.
	want := map[Key]Counts{
		// 建档率: complete records / permanent residents. Village 1: A, C, F complete, B
		// not → 3/4. Village 2: E → 1/1.
		{codeRecordCoverage, recVillage1, y2024}: {3, 4},
		{codeRecordCoverage, recVillage2, y2024}: {1, 1},
		// 电子建档率: electronic / permanent. Village 1: all but C → 3/4. Village 2: 1/1.
		{codeRecordElectronic, recVillage1, y2024}: {3, 4},
		{codeRecordElectronic, recVillage2, y2024}: {1, 1},
		// 档案合格率: complete / active records: as coverage here, 3/4 and 1/1.
		{codeRecordQualified, recVillage1, y2024}: {3, 4},
		{codeRecordQualified, recVillage2, y2024}: {1, 1},
		// 使用率: A (checkup 2024-06-15) and C (follow-up 2024-12-31) used; B's
		// basic-information event is no use; F none → 2/4. E's follow-up 2023-11-01 is
		// before the window [2024-01-01, 2025-01-01) → 0/1.
		{codeRecordUsage, recVillage1, y2024}: {2, 4},
		{codeRecordUsage, recVillage2, y2024}: {0, 1},
		// 签约率: A's contract ended 2024-06-01 → 0/4; E's is in force → 1/1.
		{codeRecordContract, recVillage1, y2024}: {0, 4},
		{codeRecordContract, recVillage2, y2024}: {1, 1},
		// 家庭建档率: A heads a family record → 1 (B is a member, not a second
		// household); D's household is not counted (D is closed); E's is not stored → 0.
		// The denominator (常住户数) is the census's: 0 until ApplyPopulation.
		{codeRecordHousehold, recVillage1, y2024}: {1, 0},
		{codeRecordHousehold, recVillage2, y2024}: {0, 0},
		// 65+ on 2024-12-31: A (70), B (66), F (68) → 3; village 2 has none (D closed,
		// E 50), so no elderly cells there.
		// 老年人健康管理率: A only → 1/3.
		{codeElderlyManaged, recVillage1, y2024}: {1, 3},
		// 老年人中医药健康管理率: A only (F's checkup has no TCM record) → 1/3.
		{codeTCMElderly, recVillage1, y2024}: {1, 3},
		// 体检完整率: examined A and F → 2; complete A → 1/2.
		{codeElderlyComplete, recVillage1, y2024}: {1, 2},
	}
	require.Equal(t, len(want), tally.Len())
	wantCells(t, tally, want)

	// Rolled up to the township: 4/5, 4/5, 4/5, 2/5, 1/5, 1/3, 1/3, 1/2.
	town := tally.RollUp(LevelTownship)
	wantTown := map[Code]Counts{
		codeRecordCoverage: {4, 5}, codeRecordElectronic: {4, 5}, codeRecordQualified: {4, 5},
		codeRecordUsage: {2, 5}, codeRecordContract: {1, 5}, codeRecordHousehold: {1, 0},
		codeElderlyManaged: {1, 3}, codeTCMElderly: {1, 3}, codeElderlyComplete: {1, 2},
	}
	require.Equal(t, len(wantTown), town.Len())
	for code, c := range wantTown {
		got, _ := town.Get(Key{code, recTownship, y2024})
		require.Equalf(t, c, got, "%s", code)
	}
	r, ok := town.Rate(codeRecordCoverage, recTownship, y2024)
	require.True(t, ok)
	v, ok := r.Value(1)
	require.True(t, ok)
	require.Equal(t, "80", v.String()) // 4/5 = 80 %

	// Village by village, merged, gives the same tally as one pass.
	v1, v2 := NewTally(0), NewTally(0)
	require.NoError(t, RecordIndicators(context.Background(), s, string(recVillage1), y2024, v1))
	require.NoError(t, RecordIndicators(context.Background(), s, string(recVillage2), y2024, v2))
	require.True(t, Merge(v1, v2).Equal(tally))
	require.True(t, Merge(v1, v2).RollUp(LevelTownship).Equal(town))
}

func TestRecordIndicatorsPeriodPlacement(t *testing.T) {
	s := recordPopulation(t)
	// In 2023 no fixture record exists yet (created 2024-03-01): no cells at all.
	tally := NewTally(0)
	require.NoError(t, RecordIndicators(context.Background(), s, "", gongwei.Year(2023), tally))
	require.Equal(t, 0, tally.Len())

	// In Q3 2024 (asOf 2024-09-30) D is alive: village 2 has D (72, checkup 2024-05-01
	// is outside Q3) and E. A's contract ended 2024-06-01, E's is in force.
	q3 := gongwei.Quarter(2024, 3)
	tally = NewTally(0)
	require.NoError(t, RecordIndicators(context.Background(), s, "", q3, tally))
	got, _ := tally.Get(Key{codeRecordCoverage, recVillage2, q3})
	require.Equal(t, Counts{2, 2}, got)
	got, _ = tally.Get(Key{codeElderlyManaged, recVillage2, q3})
	require.Equal(t, Counts{0, 1}, got)
	got, _ = tally.Get(Key{codeRecordContract, recVillage2, q3})
	require.Equal(t, Counts{1, 2}, got)
}

func TestRecordIndicatorsErrors(t *testing.T) {
	s := recordPopulation(t)
	err := RecordIndicators(context.Background(), s, "", gongwei.Period{}, NewTally(0))
	require.ErrorIs(t, err, gongwei.ErrInvalid)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = RecordIndicators(ctx, s, "", y2024, NewTally(0))
	require.True(t, errors.Is(err, context.Canceled), "%v", err)
}

func TestRecordCodesCatalogued(t *testing.T) {
	for _, c := range RecordCodes {
		_, ok := Lookup(c)
		require.Truef(t, ok, "%s not in the catalogue", c)
	}
}

// failingStore fails every Checkups stream with an error that names no person.
type failingStore struct{ healthrecord.Store }

var errStoreDown = errors.New("store down")

func (failingStore) Checkups(context.Context, healthrecord.CheckupFilter) iter.Seq2[*healthrecord.Checkup, error] {
	return func(yield func(*healthrecord.Checkup, error) bool) { yield(nil, errStoreDown) }
}

func TestRecordIndicatorsStoreError(t *testing.T) {
	s := failingStore{recordPopulation(t)}
	err := RecordIndicators(context.Background(), s, "", y2024, NewTally(0))
	require.ErrorIs(t, err, errStoreDown)
	// No personal data in the error: no archive number, name or ID number.
	require.NotContains(t, err.Error(), "110105001")
	require.NotContains(t, err.Error(), "居民")
}

// ExampleRecordIndicators fills a tally for one village: a 70-year-old resident with a
// complete checkup in 2024, counted in the 老年人健康管理率 (nbphs-spec §6.2).
func ExampleRecordIndicators() {
	ctx := context.Background()
	s := memstore.New()
	r := recordtest.ResidentAt(recFixtureD0.DaysUntil(gongwei.MustDate(1954, 6, 1)), "11010500110100001")
	_ = s.PutResident(ctx, r, 0)
	_ = s.PutCheckup(ctx, recordtest.Checkup(r, gongwei.MustDate(2024, 6, 15)), 0)

	t := NewTally(0)
	if err := RecordIndicators(ctx, s, "110105001101", gongwei.Year(2024), t); err != nil {
		fmt.Println(err)
		return
	}
	for k, c := range t.All() {
		fmt.Println(k.Code, k.Unit, c.Num, c.Den)
	}
	// Output:
	// elderly.checkup_complete 110105001101 1 1
	// elderly.management 110105001101 1 1
	// record.contract 110105001101 0 1
	// record.coverage 110105001101 1 1
	// record.electronic 110105001101 1 1
	// record.household 110105001101 0 0
	// record.qualified 110105001101 1 1
	// record.usage 110105001101 0 1
	// tcm.elderly 110105001101 1 1
}

func TestApplyPopulation(t *testing.T) {
	s := recordPopulation(t)
	tally := NewTally(0)
	require.NoError(t, RecordIndicators(context.Background(), s, "", y2024, tally))
	// Census: village 1 has 40 residents in 12 households; village 2 reports residents
	// only (households 0 leaves that denominator as counted); village 3 has no records.
	village3 := MustParseUnit("110105001103")
	require.NoError(t, tally.ApplyPopulation(y2024,
		Population{Unit: recVillage1, Residents: 40, Households: 12},
		Population{Unit: recVillage2, Residents: 25},
		Population{Unit: village3, Residents: 10, Households: 4},
	))
	want := map[Key]Counts{
		// Numerators as counted (TestRecordIndicators), denominators the census's.
		{codeRecordCoverage, recVillage1, y2024}:   {3, 40},
		{codeRecordElectronic, recVillage1, y2024}: {3, 40},
		{codeRecordContract, recVillage1, y2024}:   {0, 40},
		{codeRecordHousehold, recVillage1, y2024}:  {1, 12},
		{codeRecordCoverage, recVillage2, y2024}:   {1, 25},
		{codeRecordContract, recVillage2, y2024}:   {1, 25},
		{codeRecordHousehold, recVillage2, y2024}:  {0, 0},
		{codeRecordCoverage, village3, y2024}:      {0, 10},
		{codeRecordHousehold, village3, y2024}:     {0, 4},
		// Record-held denominators are untouched: 档案合格率 divides by records held.
		{codeRecordQualified, recVillage1, y2024}: {3, 4},
	}
	wantCells(t, tally, want)
	// 建档率 of the township: (3+1+0)/(40+25+10) = 4/75 = 5.3 %.
	r, ok := tally.RollUp(LevelTownship).Rate(codeRecordCoverage, recTownship, y2024)
	require.True(t, ok)
	v, _ := r.Value(1)
	require.Equal(t, "5.3", v.String())
	// 家庭建档率 of village 1: 1/12 = 8.3 %.
	r, _ = tally.Rate(codeRecordHousehold, recVillage1, y2024)
	v, _ = r.Value(1)
	require.Equal(t, "8.3", v.String())
}

func TestApplyPopulationRejects(t *testing.T) {
	for name, pops := range map[string][]Population{
		"negative residents":  {{Unit: recVillage1, Residents: -1}},
		"negative households": {{Unit: recVillage1, Households: -1}},
		"malformed unit":      {{Unit: "1101", Residents: 1}, {Unit: "11010500110", Residents: 1}},
		"repeated unit":       {{Unit: recVillage1, Residents: 1}, {Unit: recVillage1, Residents: 2}},
		"unnormalised unit":   {{Unit: "１１０１０５", Residents: 1}},
	} {
		t.Run(name, func(t *testing.T) {
			tally := NewTally(0)
			tally.Add(codeRecordCoverage, recVillage1, y2024, 3, 4)
			err := tally.ApplyPopulation(y2024, pops...)
			require.ErrorIs(t, err, gongwei.ErrInvalid)
			got, _ := tally.Get(Key{codeRecordCoverage, recVillage1, y2024})
			require.Equal(t, Counts{3, 4}, got, "nothing changed")
		})
	}
	require.ErrorIs(t, NewTally(0).ApplyPopulation(gongwei.Period{}), gongwei.ErrInvalid)
}

// TestElderlyCutoff: comparing a birth date with the cutoff of a date answers exactly
// what healthrecord.IsElderlyOn answers, for every birth day from 66 to 64 years
// before, on dates around 29 February in leap and common years, the ends of months and
// of the year; a zero birth is never elderly.
func TestElderlyCutoff(t *testing.T) {
	var ons []gongwei.Date
	for _, y := range []int{2023, 2024, 2025, 2028} {
		for _, md := range [][2]int{{1, 1}, {2, 27}, {2, 28}, {2, 29}, {3, 1}, {3, 31}, {6, 30}, {12, 31}} {
			if md[1] > gongwei.DaysIn(y, time.Month(md[0])) {
				continue
			}
			ons = append(ons, gongwei.MustDate(y, time.Month(md[0]), md[1]))
		}
	}
	elderly, compared := 0, 0
	for _, on := range ons {
		e := elderlyCutoffOn(on)
		if !e.ok {
			t.Fatalf("on %v: no cutoff found", on)
		}
		for b := on.AddYears(-66); !b.After(on.AddYears(-64)); b = b.AddDays(1) {
			want := healthrecord.IsElderlyOn(b, on)
			if got := e.isElderly(b); got != want {
				t.Fatalf("on %v, born %v: elderly %v, want %v", on, b, got, want)
			}
			elderly += int(b2i(want))
			compared++
		}
		if e.isElderly(gongwei.Date{}) {
			t.Fatalf("on %v: a zero birth is elderly", on)
		}
	}
	if elderly == 0 || elderly == compared {
		t.Fatalf("%d elderly of %d compared", elderly, compared)
	}
}
