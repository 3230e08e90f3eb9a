package immunization

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// Every code of the national table (immunization.md §1.6) parses, with its Chinese
// name; the HepB and BCG codes are those of Chinese IIS software (plan-services.md §7).
func TestNationalCodes(t *testing.T) {
	for _, tc := range []struct {
		code string
		v    Vaccine
		zh   string
	}{
		{"0304", OPV, "脊灰减毒活疫苗"},
		{"0306", IPV, "脊灰灭活疫苗"},
		{"0311", BOPV, "二价脊灰减毒活疫苗"},
		{"0401", DTwP, "百白破疫苗（全细胞）"},
		{"0402", DTaP, "百白破疫苗"},
		{"0601", DT, "白破疫苗"},
		{"0602", Td, "白破疫苗（成人及青少年用）"},
		{"0901", MV, "麻疹疫苗"},
		{"1201", MMR, "麻腮风疫苗"},
		{"1301", MM, "麻腮疫苗"},
		{"1401", MR, "麻风疫苗"},
		{"1601", MPSVA, "A群流脑多糖疫苗"},
		{"1602", MenACConj, "A群C群流脑结合疫苗"},
		{"1701", MPSVAC, "A群C群流脑多糖疫苗"},
		{"1801", JEL, "乙脑减毒活疫苗"},
		{"1802", JEI, "乙脑灭活疫苗"},
		{"1901", HepAL, "甲肝减毒活疫苗"},
		{"1902", HepALFD, "冻干甲肝减毒活疫苗"},
		{"1903", HepAI, "甲肝灭活疫苗"},
		{"3901", IG, "免疫球蛋白"},
		{"4501", TBPPD, "结核菌素纯蛋白衍生物"},
		{"4502", BCGPPD, "卡介菌纯蛋白衍生物"},
		{"5001", DTaPIPVHib, "百白破-脊灰灭活-b型流感嗜血杆菌联合疫苗"},
		{"5501", HPV2, "二价人乳头瘤病毒疫苗"},
		{"5502", HPV4, "四价人乳头瘤病毒疫苗"},
		{"5503", HPV9, "九价人乳头瘤病毒疫苗"},
		{"9999", Other, "其他疫苗"},
		{"0101", BCG, "卡介苗"},
		{"0201", HepB, "乙肝疫苗"},
		{"0203", HepB, "乙肝疫苗"},
		{"2201", Var, "水痘减毒活疫苗"},
		{"2302", Hib, "b型流感嗜血杆菌结合疫苗"},
		{"2402", Rota5, "口服五价重配轮状病毒减毒活疫苗"},
		{"2805", Rabies, "人用狂犬病疫苗"},
		{"5402", EV71, "肠道病毒71型灭活疫苗"},
	} {
		v, err := ParseVaccine(tc.code)
		require.NoError(t, err, tc.code)
		require.Equal(t, tc.v, v, tc.code)
		require.Equal(t, tc.zh, v.Label(language.SimplifiedChinese), tc.code)
		require.Contains(t, v.Codes(), tc.code)
		// The identifier round-trips.
		w, err := ParseVaccine(v.String())
		require.NoError(t, err)
		require.Equal(t, v, w)
	}
	require.Equal(t, "5001", DTaPIPVHib.Code())
	require.True(t, DTaPIPVHib.IsNonProgramme())
	require.True(t, HepALFD.IsProgramme())
	require.False(t, TBPPD.IsVaccine())
	require.True(t, Var.IsInjectableLive())
	require.False(t, Rota.IsInjectableLive())
	require.True(t, Rota.IsLive())
}

// Identifiers and codes are one key each: no two products share one.
func TestVaccineKeysUnique(t *testing.T) {
	n := 0
	for v := HepB; v < numVaccines; v++ {
		require.NotEmpty(t, vaccines[v].id, "vaccine %d", v)
		require.NotEmpty(t, vaccines[v].zh, v.String())
		require.NotEmpty(t, vaccines[v].zht, v.String())
		require.NotEmpty(t, vaccines[v].en, v.String())
		n += 1 + len(v.Codes())
	}
	require.Len(t, vaccineKeys, n)
	require.Less(t, int(numVaccines), 64, "vset holds the vaccines in a uint64")
}

// An unknown code is a typed error naming the code (the bad input); other text
// is not repeated.
func TestUnknownVaccineError(t *testing.T) {
	_, err := ParseVaccine("７７７７")
	var ue *UnknownVaccineError
	require.ErrorAs(t, err, &ue)
	require.Equal(t, "7777", ue.Code)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	require.NotContains(t, err.Error(), "7777")
	_, err = ParseVaccine("张三 13800138000")
	require.ErrorAs(t, err, &ue)
	require.Empty(t, ue.Code)
	require.NotContains(t, err.Error(), "13800138000")
}

// The child: four DTaP-IPV/Hib doses at 2, 3, 4 and 18 months. By default the
// first three count as IPV doses 1-3 (immunization.md §1.4 Polio) and the 18-month one
// is below the polio dose-4 age of 4 years, so bOPV dose 4 is not due before 4 years and
// never overdue before 5: the child is not on a due list. A province that sets the
// label's ages and counts the DTaP component gets a complete polio series ("4
// IPV-containing doses need no bOPV") and DTaP 1-4.
func TestPentavalentChild(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	c := Child{Birth: b}
	var doses []Dose
	for _, m := range []int{2, 3, 4, 18} {
		doses = append(doses, Dose{Vaccine: DTaPIPVHib, Date: b.AddMonths(m)})
	}
	on := b.AddMonths(30)
	polio := Forecast(Schedule{}, c, doses, on)[sPolio]
	require.Equal(t, StatusNotDue, polio.Status)
	require.Equal(t, BOPV, polio.Vaccine)
	require.Equal(t, 4, polio.Dose)
	require.Equal(t, gongwei.MustDate(2027, 3, 15), polio.Earliest)

	ev := Evaluate(Schedule{}, c, doses)
	require.Equal(t, IPV, ev[2].As)
	require.Equal(t, 3, ev[2].SeriesDose)
	require.True(t, ev[2].Notes.Has(NoteNonProgramme|NoteCounted))
	require.Equal(t, ReasonTooEarly, ev[3].Reason)
	require.Zero(t, ev[0].Also, "one series by default")

	label := []Span{Months(2), Months(3), Months(4), Months(18)}
	ed := NIP2021.WithCounts(
		Count{Product: DTaPIPVHib, As: IPV, Ages: label},
		Count{Product: DTaPIPVHib, As: DTaP, Ages: label},
	)
	s := NewSchedule(ed)
	recs := Forecast(s, c, doses, on)
	require.Equal(t, StatusComplete, recs[sPolio].Status)
	require.Equal(t, IPV, recs[sPolio].Vaccine)
	require.Equal(t, 4, recs[sPolio].Dose)
	require.Equal(t, DT, recs[sDTP].Vaccine, "the 2021 school-age dose")
	require.Equal(t, 5, recs[sDTP].Dose, "DTaP 1-4 counted; the school-age dose is next")
	require.Equal(t, StatusNotDue, recs[sDTP].Status)

	ev = Evaluate(s, c, doses)
	for i, e := range ev {
		require.True(t, e.Valid(), "dose %d: %s", i, e.Reason)
		require.Equal(t, IPV, e.As)
		require.Equal(t, [maxParts - 1]SeriesCount{{As: DTaP, Reason: Valid, SeriesDose: i + 1, CompleteBefore: e.Also[0].CompleteBefore}}, e.Also)
	}
	// DTaP-4 at 18 months is timely (before 24 months) and fulfils the DTaP4 milestone.
	require.Equal(t, gongwei.MustDate(2025, 3, 15), ev[3].Also[0].CompleteBefore)
	m, _ := MilestoneNamed("DTaP4")
	require.Equal(t, b.AddMonths(18), m.Given(ev))
	m, _ = MilestoneNamed("Polio3")
	require.Equal(t, b.AddMonths(4), m.Given(ev))
	// The amended row replaces the default one: still one polio count per dose.
	require.Zero(t, ev[0].Also[1])
}

// NonProgramme lists the non-programme doses in date order with their verdicts; the
// varicella dose 10 days after MMR breaks the 28-day rule (immunization.md §1.3).
func TestNonProgrammeList(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	doses := []Dose{
		{Vaccine: Var, Date: gongwei.MustDate(2023, 11, 25)},
		{Vaccine: MMR, Date: gongwei.MustDate(2023, 11, 15)},
		{Vaccine: Hib, Date: gongwei.MustDate(2023, 5, 15)},
		{Vaccine: MenACConj, Date: gongwei.MustDate(2023, 9, 15)},
		{Vaccine: IPV, Date: gongwei.MustDate(2023, 5, 15)},
	}
	got := NonProgramme(Schedule{}, Child{Birth: b}, doses)
	require.Len(t, got, 3)
	require.Equal(t, Hib, got[0].Dose.Vaccine)
	require.Equal(t, ReasonNotProgramme, got[0].Reason)
	require.Equal(t, MenACConj, got[1].Dose.Vaccine)
	require.Equal(t, Valid, got[1].Reason)
	require.Equal(t, MPSVA, got[1].As)
	require.Equal(t, Var, got[2].Dose.Vaccine)
	require.Equal(t, ReasonLiveInterval, got[2].Reason)
	for _, e := range got {
		require.True(t, e.Notes.Has(NoteNonProgramme))
	}
	// Forecast has one row per programme series, whatever else was given.
	require.Len(t, Forecast(Schedule{}, Child{Birth: b}, doses, b.AddMonths(9)), int(numSeries))
}

// One source of timeliness (immunization.md §1.2): every milestone's limit is the
// edition's complete-before limit of that dose, and the CompleteBefore that Evaluate
// gives a dose fulfilling a milestone is the milestone's limit date.
func TestOneTimelinessSource(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	want := map[string]Span{
		"HepB1": Days(1), "BCG": Months(3), "HepB3": Months(12), "Polio3": Months(12),
		"DTaP3": Months(12), "MMR1": Months(12), "JE1": Months(12), "MPSVA2": Months(18),
		"MMR2": Months(24), "HepA1": Months(24), "DTaP4": Months(24), "JE2": Years(3),
		"MPSVAC1": Years(4), "Polio4": Years(5), "DT": Years(7), "MPSVAC2": Years(7),
	}
	require.Len(t, Milestones, len(want))
	for _, m := range Milestones {
		require.Equal(t, want[m.Name], m.Before, m.Name)
	}
	at := func(v Vaccine, months int) Dose { return Dose{Vaccine: v, Date: b.AddMonths(months)} }
	doses := []Dose{
		at(HepB, 0), at(BCG, 0), at(HepB, 1), at(IPV, 2), at(IPV, 3), at(DTaP, 3), at(BOPV, 4),
		at(DTaP, 4), at(DTaP, 5), at(HepB, 6), at(MPSVA, 6), at(MMR, 8), at(JEL, 8), at(MPSVA, 9),
		at(DTaP, 18), at(MMR, 18), at(HepAL, 18), at(JEL, 24), at(MPSVAC, 36), at(BOPV, 48),
		at(DTaP, 72), at(MPSVAC, 72),
	}
	evs := Evaluate(Schedule{}, Child{Birth: b}, doses)
	for _, m := range Milestones {
		given := m.Given(evs)
		require.False(t, given.IsZero(), m.Name)
		found := false
		for _, e := range evs {
			for as, dose := range e.Counts {
				for _, vd := range m.Doses {
					if as == vd.Vaccine && dose == vd.Dose && e.Dose.Date == given {
						found = true
						require.Equal(t, m.Limit(b), e.CompleteBefore, m.Name)
						require.True(t, e.Timely(), m.Name)
					}
				}
			}
		}
		require.True(t, found, m.Name)
	}
	// The forecast's limit is the same date.
	r := Forecast(Schedule{}, Child{Birth: b}, nil, b)[sBCG]
	m, _ := MilestoneNamed("BCG")
	require.Equal(t, m.Limit(b), r.CompleteBefore)
}

// A BCG given at two years is valid (skin-test catch-up) but not timely.
func TestBCGAtTwoYearsNotTimely(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	ev := Evaluate(Schedule{}, Child{Birth: b}, []Dose{{Vaccine: BCG, Date: b.AddMonths(24)}})[0]
	require.True(t, ev.Valid())
	require.False(t, ev.Timely())
	require.Equal(t, gongwei.MustDate(2023, 6, 15), ev.CompleteBefore)
	require.False(t, errors.Is(nil, gongwei.ErrInvalid))
}

// An Evaluation stays comparable (hosts compare and key by it).
func TestEvaluationComparable(t *testing.T) {
	a := Evaluate(Schedule{}, Child{Birth: gongwei.MustDate(2023, 3, 15)}, []Dose{{Vaccine: DTaPIPVHib, Date: gongwei.MustDate(2023, 5, 15)}})
	b := Evaluate(Schedule{}, Child{Birth: gongwei.MustDate(2023, 3, 15)}, []Dose{{Vaccine: DTaPIPVHib, Date: gongwei.MustDate(2023, 5, 15)}})
	require.True(t, a[0] == b[0])
}
