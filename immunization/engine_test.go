package immunization

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestForecastAllocations(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	doses := []Dose{{Vaccine: HepB, Date: b}, {Vaccine: BCG, Date: b}, {Vaccine: HepB, Date: b.AddMonths(1)}, {Vaccine: MMR, Date: b.AddMonths(8)}}
	s := ScheduleFor(b)
	buf := make([]Recommendation, 0, 16)
	n := testing.AllocsPerRun(100, func() {
		buf = ForecastAppend(buf[:0], s, Child{Birth: b}, doses, b.AddMonths(9))
	})
	require.Zero(t, n, "ForecastAppend allocates")
}

// HBsAg rules (immunization.md §1.4 HepB): notes on dose 1.
func TestHepBNotes(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	pos := Forecast(Schedule{}, Child{Birth: b, MotherHBsAg: HBsAgPositive}, nil, b)[0]
	require.True(t, pos.Notes.Has(NoteWithin12Hours|NoteHBIG))
	unk := Forecast(Schedule{}, Child{Birth: b}, nil, b)[0]
	require.True(t, unk.Notes.Has(NoteWithin12Hours))
	require.False(t, unk.Notes.Has(NoteHBIG))
	neg := Forecast(Schedule{}, Child{Birth: b, MotherHBsAg: HBsAgNegative}, nil, b)[0]
	require.Zero(t, neg.Notes)
	bcg := Forecast(Schedule{}, Child{Birth: b}, nil, b.AddMonths(3))[1]
	require.True(t, bcg.Notes.Has(NoteSkinTest))
}

// Timeliness (immunization.md §1.2): HepB-1 within 24 h on civil dates is the birth day;
// MMR-1 before the 12-month birthday.
func TestTimely(t *testing.T) {
	b := gongwei.MustDate(2023, 3, 15)
	ev := Evaluate(Schedule{}, Child{Birth: b}, []Dose{
		{Vaccine: HepB, Date: b.AddDays(1)},
		{Vaccine: MMR, Date: gongwei.MustDate(2024, 3, 14)},
		{Vaccine: MMR, Date: gongwei.MustDate(2025, 3, 15)},
	})
	require.True(t, ev[0].Valid())
	require.False(t, ev[0].Timely())
	require.Equal(t, gongwei.MustDate(2023, 3, 16), ev[0].CompleteBefore)
	require.True(t, ev[1].Timely())
	require.Equal(t, gongwei.MustDate(2025, 3, 15), ev[2].CompleteBefore)
	require.False(t, ev[2].Timely(), "MMR-2 on the 24-month birthday is late")
}

func TestScheduleSelection(t *testing.T) {
	require.Equal(t, "NIP-2021", ScheduleFor(gongwei.MustDate(2020, 1, 1)).On(gongwei.MustDate(2024, 12, 31)).Name)
	require.Equal(t, "NIP-2025", ScheduleFor(gongwei.MustDate(2020, 1, 1)).On(gongwei.MustDate(2025, 1, 1)).Name)
	require.Len(t, ScheduleFor(gongwei.MustDate(2025, 6, 1)).Editions(), 1)
	require.Len(t, ScheduleFor(gongwei.MustDate(2010, 6, 1)).Editions(), 2)
	require.Equal(t, "NIP-2021", NewSchedule(NIP2021).On(gongwei.MustDate(2030, 1, 1)).Name)
	// The 2025 edition changes only the DTP tables.
	require.Equal(t, NIP2021.MMR, NIP2025.MMR)
	require.Equal(t, Months(2), NIP2025.DTP[0].Age)
	require.Equal(t, Months(3), NIP2021.DTP[0].Age)
}

func TestNoBirthNoForecast(t *testing.T) {
	require.Empty(t, Forecast(Schedule{}, Child{}, nil, gongwei.MustDate(2024, 1, 1)))
}

func TestSchoolEntry(t *testing.T) {
	b := gongwei.MustDate(2018, 5, 10)
	on := gongwei.MustDate(2024, 9, 1)
	res := CheckSchoolEntry(Schedule{}, Child{Birth: b}, nil, on)
	require.False(t, res.Complete)
	require.Equal(t, gongwei.MustDate(2024, 9, 30), res.Deadline)
	require.Equal(t, gongwei.MustDate(2024, 12, 31), res.RecheckBefore)
	// Age 6y3m with nothing: HepB, polio, DT (catch-up), MMR (catch-up: born before 2019-10), JE-L, MPSV-AC, HepA-L pending;
	// BCG past 4 years and MPSV-A past 24 months are not indicated.
	var got []string
	for _, r := range res.CatchUp {
		got = append(got, r.Vaccine.String()+"/"+r.Status.String())
	}
	require.Equal(t, []string{"HepB/overdue", "IPV/overdue", "DT/catch_up", "MMR/catch_up", "JE-L/overdue", "MPSV-AC/catch_up", "HepA-L/overdue"}, got)
}

func TestParseVaccine(t *testing.T) {
	for in, want := range map[string]Vaccine{"HepB": HepB, "bopv": BOPV, "BOPV": BOPV, "0311": BOPV, "JE-L": JEL, "je l": JEL, "ＭＰＳＶ－ＡＣ": MPSVAC, "1903": HepAI, "hepa-i": HepAI} {
		v, err := ParseVaccine(in)
		require.NoError(t, err, in)
		require.Equal(t, want, v, in)
	}
	_, err := ParseVaccine("13800138000")
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	require.NotContains(t, err.Error(), "13800138000")
	require.Equal(t, "乙肝疫苗", HepB.Label(language.SimplifiedChinese))
	require.Equal(t, "overdue", StatusOverdue.Label(language.English))
	require.Equal(t, "逾期未種", StatusOverdue.Label(language.TraditionalChinese))
}

func FuzzParseVaccine(f *testing.F) {
	for _, s := range []string{"HepB", "bOPV", "0311", "JE-L", "", "ＭＭＲ", "x", "5001", "DTaP-IPV/Hib", "7777", "１６０２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVaccine(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			if len(s) > 3 && strings.Contains(err.Error(), s) {
				t.Fatalf("error repeats input")
			}
			return
		}
		// Round trip through the identifier.
		b, _ := v.MarshalText()
		var w Vaccine
		if err := w.UnmarshalText(b); err != nil || w != v {
			t.Fatalf("round trip %v -> %q -> %v, %v", v, b, w, err)
		}
	})
}

// FuzzForecast checks that arbitrary histories never panic and that statuses are sane.
func FuzzForecast(f *testing.F) {
	f.Add(int32(0), []byte{1, 10, 7, 200})
	f.Fuzz(func(t *testing.T, birthOff int32, hist []byte) {
		b := gongwei.MustDate(2010, 1, 1).AddDays(int(birthOff % 6000))
		var doses []Dose
		for i := 0; i+1 < len(hist) && len(doses) < 40; i += 2 {
			doses = append(doses, Dose{Vaccine: Vaccine(hist[i] % 20), Date: b.AddDays(int(hist[i+1]) * 9)})
		}
		on := b.AddDays(int(birthOff&0x7ff) + 1)
		c := Child{Birth: b, HIV: HIVStatus(birthOff & 3), BirthWeight: int(birthOff & 0xfff)}
		recs := Forecast(Schedule{}, c, doses, on)
		if len(recs) != int(numSeries) {
			t.Fatalf("%d recommendations", len(recs))
		}
		for _, r := range recs {
			if r.Status == 0 || r.Status >= numStatuses {
				t.Fatalf("bad status %d", r.Status)
			}
			if r.Status == StatusDue && on.Before(r.Earliest) {
				t.Fatalf("due before earliest")
			}
		}
		_ = Evaluate(Schedule{}, c, doses)
	})
}
