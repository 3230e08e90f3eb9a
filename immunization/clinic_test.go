package immunization_test

// Tests of the clinic beyond the schedule: AEFI reports, the cold chain, floating
// children and campaigns.

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

var cst = time.FixedZone("CST", 8*3600)

// Deadlines (immunization.md §1.8; plan-services.md §4): urgent within 2 hours of
// discovery (death, severe disability, cluster, major social impact), routine 48 hours.
func TestAEFIDeadlines(t *testing.T) {
	found := time.Date(2024, 5, 11, 9, 0, 0, 0, cst)
	rules := immunization.DefaultAEFIRules
	for _, tc := range []struct {
		name     string
		r        immunization.AEFIReport
		urgent   bool
		deadline time.Time
	}{
		{"non-serious", immunization.AEFIReport{Severity: immunization.AEFINonSerious}, false, found.Add(48 * time.Hour)},
		{"serious", immunization.AEFIReport{Severity: immunization.AEFISerious}, false, found.Add(48 * time.Hour)},
		{"severe disability", immunization.AEFIReport{Severity: immunization.AEFISevereDisability}, true, found.Add(2 * time.Hour)},
		{"death", immunization.AEFIReport{Severity: immunization.AEFIDeath}, true, found.Add(2 * time.Hour)},
		{"cluster", immunization.AEFIReport{Severity: immunization.AEFINonSerious, Cluster: true}, true, found.Add(2 * time.Hour)},
		{"major impact", immunization.AEFIReport{Severity: immunization.AEFINonSerious, MajorImpact: true}, true, found.Add(2 * time.Hour)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			r.Found = found
			require.Equal(t, tc.urgent, r.Urgent(rules))
			require.True(t, tc.deadline.Equal(r.Deadline(rules)))
			r.Reported = tc.deadline
			require.True(t, r.Timely(rules), "at the deadline is in time")
			r.Reported = tc.deadline.Add(time.Second)
			require.False(t, r.Timely(rules))
			r.Reported = time.Time{}
			require.False(t, r.Overdue(rules, tc.deadline))
			require.True(t, r.Overdue(rules, tc.deadline.Add(time.Second)))
		})
	}
	// A province that reports every serious case within 2 hours.
	strict := rules
	strict.UrgentFrom = immunization.AEFISerious
	r := immunization.AEFIReport{Severity: immunization.AEFISerious, Found: found}
	require.True(t, r.Urgent(strict))
}

// Bad input: every problem at once, no personal data, nothing stored.
func TestAEFIReportBadInput(t *testing.T) {
	ctx := context.Background()
	svc := serviceOn(2024, 6, 1)
	require.NoError(t, svc.Register(ctx, reg("R1", "110105001101", "欧阳娜娜", "2024-01-10")))
	clinic := memstore.NewClinic()
	a := svc.AEFI(clinic)

	r := immunizationtest.AEFIReport(0, "")
	r.Resident = "R1"
	r.Vaccinated = gongwei.MustDate(2024, 1, 5)         // before birth
	r.Onset = gongwei.MustDate(2024, 1, 4)              // before the dose
	r.Found = time.Date(2024, 1, 3, 9, 0, 0, 0, cst)    // before the onset
	r.Reported = time.Date(2024, 1, 3, 8, 0, 0, 0, cst) // before found
	r.Severity = 0                                      // missing
	r.Classified = gongwei.Date{}                       // classified class without a day
	r.Symptom = "高热 13800138000"                        // free text is kept, never echoed
	err := a.Report(ctx, r)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, f := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Vaccinated", gongwei.CodeBeforeBirth},
		{"Onset", immunization.CodeOnsetBeforeDose},
		{"Found", gongwei.CodeOrder},
		{"Reported", gongwei.CodeOrder},
		{"Severity", gongwei.CodeRequired},
		{"Classified", gongwei.CodeRequired},
	} {
		require.True(t, ve.Has(f.field, f.code), "%s %s in %v", f.field, f.code, err)
	}
	require.NotContains(t, err.Error(), "欧阳娜娜")
	require.NotContains(t, err.Error(), "13800138000")
	n := 0
	for range clinic.AEFIs(ctx, immunization.AEFIFilter{}) {
		n++
	}
	require.Zero(t, n, "nothing stored")

	err = a.Report(ctx, &immunization.AEFIReport{ID: "A2", Resident: "nobody"})
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Resident", gongwei.CodeUnknownCode))
	require.True(t, ve.Has("Vaccine", gongwei.CodeRequired))
	require.True(t, ve.Has("Onset", gongwei.CodeRequired))
	require.True(t, ve.Has("Found", gongwei.CodeRequired))

	// A valid report is stored with the village of the registration, instants in UTC.
	ok := immunizationtest.AEFIReport(0, "")
	ok.Resident = "R1"
	ok.Found = time.Date(2024, 5, 11, 9, 0, 0, 0, cst)
	ok.Reported = time.Time{}
	require.NoError(t, a.Report(ctx, ok))
	got, err := clinic.AEFI(ctx, ok.ID)
	require.NoError(t, err)
	require.Equal(t, "110105001101", string(got.Village))
	require.Equal(t, time.UTC, got.Found.Location())
	require.Equal(t, int64(1), got.Version)

	// Overdue at 2024-05-13 09:00:01 (48 hours and a second after discovery).
	over, err := a.Overdue(ctx, "", immunization.DefaultAEFIRules, time.Date(2024, 5, 13, 9, 0, 1, 0, cst))
	require.NoError(t, err)
	require.Len(t, over, 1)
	over, err = a.Overdue(ctx, "", immunization.DefaultAEFIRules, time.Date(2024, 5, 13, 9, 0, 0, 0, cst))
	require.NoError(t, err)
	require.Empty(t, over)
}

// Clusters (immunization.md §1.8): ≥ 2 serious reports with the same symptom at one
// clinic within the host's window; a rise of non-serious reports among recipients of one
// vaccine at the host's count.
func TestAEFIClusters(t *testing.T) {
	mk := func(id, clinic, symptom string, v immunization.Vaccine, sev immunization.AEFISeverity, onset string) *immunization.AEFIReport {
		return &immunization.AEFIReport{ID: immunization.AEFIID(id), Clinic: clinic, Symptom: symptom, Vaccine: v, Severity: sev, Onset: gongwei.MustParseDate(onset)}
	}
	rs := []*immunization.AEFIReport{
		mk("a", "C1", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-01"),
		mk("b", "C1", "热性惊厥", immunization.MMR, immunization.AEFISerious, "2024-05-03"),
		mk("c", "C1", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-20"), // outside the window
		mk("d", "C2", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-02"), // another clinic
		mk("e", "C1", "发热", immunization.DTaP, immunization.AEFINonSerious, "2024-05-01"),
		mk("f", "C1", "红肿", immunization.DTaP, immunization.AEFINonSerious, "2024-05-04"),
		mk("g", "C1", "发热", immunization.DTaP, immunization.AEFINonSerious, "2024-05-07"),
		mk("h", "C1", "发热", immunization.MMR, immunization.AEFINonSerious, "2024-05-02"),
	}
	got, err := immunization.AEFIClusters(rs, immunization.ClusterRule{Window: 7, Rise: 3})
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.True(t, got[0].Serious)
	require.Equal(t, []immunization.AEFIID{"a", "b"}, got[0].Reports)
	require.Equal(t, "热性惊厥", got[0].Symptom)
	require.False(t, got[1].Serious)
	require.Equal(t, immunization.DTaP, got[1].Vaccine)
	require.Equal(t, []immunization.AEFIID{"e", "f", "g"}, got[1].Reports)
	require.Equal(t, gongwei.MustDate(2024, 5, 7), got[1].Last)

	got, err = immunization.AEFIClusters(rs, immunization.ClusterRule{Window: 2})
	require.NoError(t, err)
	require.Empty(t, got, "b is 2 days after a: outside a 2-day window; no rise looked for")
	_, err = immunization.AEFIClusters(rs, immunization.ClusterRule{})
	require.ErrorIs(t, err, gongwei.ErrInvalid)
}

func TestAEFIClassNames(t *testing.T) {
	for in, want := range map[string]immunization.AEFIClass{"异常反应": immunization.AEFIAbnormal, "異常反應": immunization.AEFIAbnormal, "偶合症": immunization.AEFICoincidental, "programme_error": immunization.AEFIProgrammeError} {
		c, err := immunization.ParseAEFIClass(in)
		require.NoError(t, err)
		require.Equal(t, want, c)
	}
	_, err := immunization.ParseAEFIClass("x")
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	s, err := immunization.ParseAEFISeverity("严重残疾")
	require.NoError(t, err)
	require.Equal(t, immunization.AEFISevereDisability, s)
	require.Equal(t, "psychogenic reaction", immunization.AEFIPsychogenic.Label(language.English))
	require.Equal(t, "死亡", immunization.AEFIDeath.Label(language.SimplifiedChinese))
}

func FuzzParseAEFI(f *testing.F) {
	for _, s := range []string{"异常反应", "serious", "", "死亡", "ｓｅｒｉｏｕｓ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := immunization.ParseAEFIClass(s); err == nil {
			if back, err := immunization.ParseAEFIClass(c.String()); err != nil || back != c {
				t.Fatalf("class %v does not round-trip", c)
			}
		} else if !errors.Is(err, gongwei.ErrInvalid) || (len(s) > 3 && contains(err.Error(), s)) {
			t.Fatalf("bad error %v", err)
		}
		if v, err := immunization.ParseAEFISeverity(s); err == nil {
			if back, err := immunization.ParseAEFISeverity(v.String()); err != nil || back != v {
				t.Fatalf("severity %v does not round-trip", v)
			}
		} else if !errors.Is(err, gongwei.ErrInvalid) || (len(s) > 3 && contains(err.Error(), s)) {
			t.Fatalf("bad error %v", err)
		}
	})
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// The fixture log: 4.5 °C twice a day for three days, 9.5 °C on the second afternoon:
// one excursion from 2024-05-11 16:30 to 2024-05-12 08:30 (16 hours), out of 2-8 °C.
func TestExcursions(t *testing.T) {
	l := immunizationtest.TemperatureLog(0, "C1")
	require.NoError(t, l.Validate())
	ex := l.Excursions()
	require.Len(t, ex, 1)
	require.True(t, ex[0].Start.Equal(time.Date(2024, 5, 11, 16, 30, 0, 0, cst)))
	require.True(t, ex[0].End.Equal(time.Date(2024, 5, 12, 8, 30, 0, 0, cst)))
	require.Equal(t, 16*time.Hour, ex[0].Duration())
	require.False(t, ex[0].Open)
	require.Equal(t, 9.5, ex[0].Max)

	// The bounds are compliant: 2 and 8 °C are in range, 1.9 and 8.1 are not.
	r := immunization.Refrigerated.Range()
	require.True(t, r.Contains(2) && r.Contains(8))
	require.False(t, r.Contains(1.9) || r.Contains(8.1))
	f := immunization.Frozen.Range()
	require.True(t, f.Contains(-20) && f.Contains(-35))
	require.False(t, f.Contains(-19.5))

	// A log that ends out of range has an open excursion up to its last reading; one
	// with no compliant reading between is one run.
	l.Readings[5].Celsius = 1.0
	ex = l.Excursions()
	require.Len(t, ex, 2)
	require.True(t, ex[1].Open)
	require.Zero(t, ex[1].Duration())
	require.Equal(t, 1.0, ex[1].Min)
	l.Readings[4].Celsius = 0.5
	ex = l.Excursions()
	require.Len(t, ex, 1)
	require.True(t, ex[0].Open)
	require.Equal(t, 24*time.Hour, ex[0].Duration())
	require.Equal(t, 0.5, ex[0].Min)
}

// Bad input: gaps and readings out of order are listed, every one, and nothing is
// stored.
func TestTemperatureLogBadInput(t *testing.T) {
	ctx := context.Background()
	svc := serviceOn(2024, 6, 1)
	clinic := memstore.NewClinic()
	cc := svc.ColdChain(clinic)

	l := immunizationtest.TemperatureLog(0, "C1")
	// Day 2 loses its afternoon reading (a gap), day 3's readings come out of order.
	l.Readings = append(l.Readings[:3], l.Readings[5], l.Readings[4])
	l.Readings = append(l.Readings, immunization.Reading{At: time.Date(2024, 5, 13, 17, 0, 0, 0, cst), Celsius: math.NaN()})
	err := cc.Log(ctx, l)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Readings[4].At", gongwei.CodeOrder), "%v", err)
	require.True(t, ve.Has("Readings[5].Celsius", gongwei.CodeNotFinite), "%v", err)
	n := 0
	for range clinic.TemperatureLogs(ctx, immunization.ColdChainFilter{}) {
		n++
	}
	require.Zero(t, n, "nothing stored")

	// In order, but day 2 has only its morning reading: a gap, found at day 3's first.
	l = immunizationtest.TemperatureLog(0, "C1")
	l.Readings = append(l.Readings[:3], l.Readings[4:]...)
	err = cc.Log(ctx, l)
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Readings[3].At", immunization.CodeReadingGap), "%v", err)
	require.Len(t, ve.Fields, 1)

	// A morning and an afternoon reading less than 6 hours apart are no pair.
	l = immunizationtest.TemperatureLog(0, "C1")
	l.Readings[1].At = time.Date(2024, 5, 10, 13, 0, 0, 0, cst) // 4.5 h after 08:30
	err = cc.Log(ctx, l)
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Readings[2].At", immunization.CodeReadingGap), "%v", err)

	// An automatic monitor with a 30-minute interval: a 45-minute hole is a gap.
	auto := &immunization.TemperatureLog{ID: "A1", Clinic: "C1", Device: "冷库", Compartment: immunization.Refrigerated, Interval: 30 * time.Minute}
	at := time.Date(2024, 5, 10, 8, 0, 0, 0, cst)
	for _, m := range []int{0, 30, 60, 105, 135} {
		auto.Readings = append(auto.Readings, immunization.Reading{At: at.Add(time.Duration(m) * time.Minute), Celsius: 5})
	}
	err = cc.Log(ctx, auto)
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Readings[3].At", immunization.CodeReadingGap))
	require.Len(t, ve.Fields, 1)

	// A valid log is stored with its instants in UTC.
	ok := immunizationtest.TemperatureLog(0, "C1")
	for i := range ok.Readings {
		ok.Readings[i].At = ok.Readings[i].At.In(cst)
	}
	require.NoError(t, cc.Log(ctx, ok))
	got, err := clinic.TemperatureLog(ctx, ok.ID)
	require.NoError(t, err)
	require.Equal(t, time.UTC, got.Readings[0].At.Location())
}

// The lots given at the clinic on the days of an excursion are listed for review; a
// dose of another clinic or another day is not.
func TestLotsToReview(t *testing.T) {
	ctx := context.Background()
	svc := serviceOn(2024, 6, 1)
	require.NoError(t, svc.Register(ctx, reg("R1", "110105001101", "甲", "2023-11-10")))
	require.NoError(t, svc.Register(ctx, reg("R2", "110105001101", "乙", "2023-11-12")))
	for _, v := range []immunization.Vaccination{
		{ID: "V1", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.DTaP, Date: gongwei.MustDate(2024, 5, 11)}, Lot: "L7", Clinic: "C1"},
		{ID: "V2", Resident: "R2", Dose: immunization.Dose{Vaccine: immunization.DTaP, Date: gongwei.MustDate(2024, 5, 12)}, Lot: "L7", Clinic: "C1"},
		{ID: "V3", Resident: "R2", Dose: immunization.Dose{Vaccine: immunization.MMR, Date: gongwei.MustDate(2024, 5, 12)}, Lot: "M1", Clinic: "C1"},
		{ID: "V4", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.MMR, Date: gongwei.MustDate(2024, 5, 12)}, Lot: "M2", Clinic: "C2"},
		{ID: "V5", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.HepB, Date: gongwei.MustDate(2024, 5, 13)}, Lot: "H1", Clinic: "C1"},
	} {
		require.NoError(t, svc.Vaccinate(ctx, &v))
	}
	clinic := memstore.NewClinic()
	cc := svc.ColdChain(clinic)
	require.NoError(t, cc.Log(ctx, immunizationtest.TemperatureLog(0, "C1")))
	exs, lots, err := cc.Review(ctx, "C1", "", gongwei.Year(2024))
	require.NoError(t, err)
	require.Len(t, exs, 1)
	require.Len(t, lots, 2)
	require.Equal(t, immunization.DTaP, lots[0].Vaccine)
	require.Equal(t, "L7", lots[0].Lot)
	require.Equal(t, []immunization.VaccinationID{"V1", "V2"}, lots[0].Doses)
	require.Equal(t, "M1", lots[1].Lot)
	require.Equal(t, []immunization.VaccinationID{"V3"}, lots[1].Doses)
}

func TestParseCelsius(t *testing.T) {
	for in, want := range map[string]float64{"4.5": 4.5, "-22℃": -22, "４．５°C": 4.5, " 8 C": 8, "−20": -20} {
		c, err := immunization.ParseCelsius(in)
		require.NoError(t, err, in)
		require.Equal(t, want, c, in)
	}
	for _, in := range []string{"", "℃", "NaN", "inf", "1e3", "0x10", "abc", "4.5.1"} {
		_, err := immunization.ParseCelsius(in)
		require.ErrorIs(t, err, gongwei.ErrInvalid, in)
	}
}

func FuzzParseCelsius(f *testing.F) {
	for _, s := range []string{"4.5", "-22℃", "４．５°C", "", "NaN", "1e309"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := immunization.ParseCelsius(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) || (len(s) > 2 && strings.Contains(err.Error(), s)) {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if math.IsNaN(c) || math.IsInf(c, 0) {
			t.Fatalf("%q parsed to %v", s, c)
		}
	})
}

// FuzzTemperatureLog: any readings validate without panic, and a log that validates
// has its excursions within its readings.
func FuzzTemperatureLog(f *testing.F) {
	f.Add(int64(0), 4.5, int64(3600), 9.5, int64(7200), 1.0)
	f.Fuzz(func(t *testing.T, t1 int64, c1 float64, t2 int64, c2 float64, t3 int64, c3 float64) {
		l := &immunization.TemperatureLog{ID: "X", Clinic: "C", Device: "D", Compartment: immunization.Refrigerated}
		base := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
		for _, r := range []struct {
			s int64
			c float64
		}{{t1, c1}, {t2, c2}, {t3, c3}} {
			l.Readings = append(l.Readings, immunization.Reading{At: base.Add(time.Duration(r.s%(1<<40)) * time.Second), Celsius: r.c})
		}
		_ = l.Validate()
		for _, e := range l.Excursions() {
			if e.End.Before(e.Start) && l.Validate() == nil {
				t.Fatalf("excursion ends before it starts")
			}
		}
	})
}

// The residence rule (nbphs-spec §3; plan-services.md §6): a child from elsewhere is
// managed as a resident after 3 months in the area, under 7 years.
func TestResidenceOn(t *testing.T) {
	birth := gongwei.MustDate(2022, 1, 15)
	arr := immunization.Movement{ID: "M1", Kind: immunization.Arrival, Date: gongwei.MustDate(2024, 1, 31)}
	dep := immunization.Movement{ID: "M2", Kind: immunization.Departure, Date: gongwei.MustDate(2024, 9, 1)}
	back := immunization.Movement{ID: "M3", Kind: immunization.Arrival, Date: gongwei.MustDate(2025, 2, 1)}
	rule := immunization.DefaultResidence
	for _, tc := range []struct {
		on    string
		moves []immunization.Movement
		want  immunization.Residence
		since string
	}{
		{"2024-05-01", nil, immunization.ResidenceLocal, "2022-01-15"},
		{"2024-01-30", []immunization.Movement{arr}, immunization.ResidenceLocal, "2022-01-15"},
		{"2024-04-29", []immunization.Movement{arr}, immunization.ResidenceArrived, ""},            // 3 months from 31 Jan: 30 April
		{"2024-04-30", []immunization.Movement{arr}, immunization.ResidenceResident, "2024-04-30"}, // month-end clamping
		{"2024-09-01", []immunization.Movement{dep, arr}, immunization.ResidenceDeparted, ""},
		{"2025-03-01", []immunization.Movement{arr, dep, back}, immunization.ResidenceArrived, ""},
		{"2025-05-01", []immunization.Movement{arr, dep, back}, immunization.ResidenceResident, "2025-05-01"},
		{"2029-01-15", []immunization.Movement{arr}, immunization.ResidenceArrived, ""}, // 7 years old
		{"2029-01-14", []immunization.Movement{arr}, immunization.ResidenceResident, "2024-04-30"},
	} {
		on := gongwei.MustParseDate(tc.on)
		got := immunization.ResidenceOn(birth, tc.moves, on, rule)
		require.Equal(t, tc.want, got, tc.on)
		since := immunization.ManagedSince(birth, tc.moves, on, rule)
		if tc.since == "" {
			require.True(t, since.IsZero(), tc.on)
		} else {
			require.Equal(t, gongwei.MustParseDate(tc.since), since, tc.on)
		}
		require.Equal(t, got == immunization.ResidenceLocal || got == immunization.ResidenceResident, got.Managed())
	}
}

// Movements are checked against the registration; a departed child leaves the due list,
// an arrived one is on it.
func TestFloatingService(t *testing.T) {
	ctx := context.Background()
	svc := serviceOn(2024, 6, 1)
	require.NoError(t, svc.Register(ctx, reg("R1", "110105001101", "甲", "2024-01-10")))
	require.NoError(t, svc.Register(ctx, reg("R2", "110105001101", "乙", "2024-01-12")))
	require.NoError(t, svc.Register(ctx, reg("R3", "110105001101", "丙", "2024-01-14")))
	clinic := memstore.NewClinic()
	f := svc.Floating(clinic, immunization.DefaultResidence)

	err := f.Move(ctx, &immunization.Movement{ID: "m0", Resident: "R1", Kind: immunization.Arrival, Date: gongwei.MustDate(2024, 1, 1)})
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Date", gongwei.CodeBeforeBirth))
	err = f.Move(ctx, &immunization.Movement{ID: "m9", Resident: "nobody"})
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Resident", gongwei.CodeUnknownCode))
	require.True(t, ve.Has("Kind", gongwei.CodeRequired))
	require.True(t, ve.Has("Date", gongwei.CodeRequired))
	n := 0
	for range clinic.Movements(ctx, immunization.MovementFilter{}) {
		n++
	}
	require.Zero(t, n, "nothing stored")

	require.NoError(t, f.Move(ctx, &immunization.Movement{ID: "m1", Resident: "R1", Kind: immunization.Departure, Date: gongwei.MustDate(2024, 3, 1)}))
	m2 := &immunization.Movement{ID: "m2", Resident: "R2", Kind: immunization.Arrival, Date: gongwei.MustDate(2024, 3, 1), Place: "510104"}
	require.NoError(t, f.Move(ctx, m2))
	require.Equal(t, healthrecord.Village("110105001101"), m2.Village)

	p := gongwei.Period{Start: gongwei.MustDate(2024, 4, 1), End: gongwei.MustDate(2024, 5, 1)}
	all, err := svc.DueList(ctx, "", p)
	require.NoError(t, err)
	require.Len(t, all, 3)
	due, err := f.DueList(ctx, "", p)
	require.NoError(t, err)
	require.Len(t, due, 2)
	// By pinyin name: 丙 (bing) before 乙 (yi).
	require.Equal(t, healthrecord.ResidentID("R3"), due[0].Registration.Resident)
	require.Equal(t, healthrecord.ResidentID("R2"), due[1].Registration.Resident)

	res, err := f.Residence(ctx, "R2", gongwei.MustDate(2024, 6, 1))
	require.NoError(t, err)
	require.Equal(t, immunization.ResidenceResident, res)
	list, err := f.Floating(ctx, "110105", gongwei.MustDate(2024, 4, 1))
	require.NoError(t, err)
	require.Len(t, list, 2)
	require.Equal(t, immunization.ResidenceDeparted, list[0].Residence)
	require.Equal(t, immunization.ResidenceArrived, list[1].Residence)
}

// campaignClinic registers four children of county 110105 and one of another county:
// R1 born 2021-03-10 with polio complete for its age, R2 born 2023-05-10 with no polio
// dose, R3 born 2024-08-01 (after the cohort), R4 born 2022-01-10 in 120105, R5 born
// 2022-02-01 with one IPV dose.
func campaignClinic(t *testing.T) (*immunization.Service, *immunization.CampaignService) {
	t.Helper()
	ctx := context.Background()
	svc := serviceOn(2024, 10, 1)
	for _, r := range []*immunization.Registration{
		reg("R1", "110105001101", "甲", "2021-03-10"),
		reg("R2", "110105001101", "乙", "2023-05-10"),
		reg("R3", "110105001102", "丙", "2024-08-01"),
		reg("R4", "120105001101", "丁", "2022-01-10"),
		reg("R5", "110105001102", "戊", "2022-02-01"),
	} {
		require.NoError(t, svc.Register(ctx, r))
	}
	for i, d := range []struct {
		id   string
		v    immunization.Vaccine
		date string
	}{
		{"R1", immunization.IPV, "2021-05-10"}, {"R1", immunization.IPV, "2021-06-10"}, {"R1", immunization.BOPV, "2021-07-10"},
		{"R5", immunization.IPV, "2022-04-01"},
	} {
		require.NoError(t, svc.Vaccinate(ctx, &immunization.Vaccination{ID: immunization.VaccinationID("D" + string(rune('0'+i))), Resident: healthrecord.ResidentID(d.id),
			Dose: immunization.Dose{Vaccine: d.v, Date: gongwei.MustParseDate(d.date)}}))
	}
	return svc, svc.Campaigns(memstore.NewClinic())
}

func TestCampaigns(t *testing.T) {
	ctx := context.Background()
	_, cs := campaignClinic(t)

	bad := &immunization.Campaign{ID: "x", Prefix: "11a", Period: gongwei.Period{Start: gongwei.MustDate(2024, 9, 10), End: gongwei.MustDate(2024, 9, 1)}}
	err := cs.Plan(ctx, bad)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, f := range []string{"Name", "Kind", "Vaccine", "BornFrom", "BornBefore"} {
		require.True(t, ve.Has(f, gongwei.CodeRequired), f)
	}
	require.True(t, ve.Has("Prefix", gongwei.CodeFormat))
	require.True(t, ve.Has("Period.End", gongwei.CodeOrder))

	sup := immunizationtest.Campaign(0) // bOPV, 110105, 2024-09-01..09-11, born 2020-09-01..2024-06-30
	require.NoError(t, cs.Plan(ctx, sup))
	catch := immunizationtest.Campaign(1)
	catch.ID, catch.Kind = "K-CU", immunization.CatchUp
	require.NoError(t, cs.Plan(ctx, catch))

	// Supplementary: every child of the cohort and area (R1, R2, R5); catch-up: those with
	// a polio dose pending on 2024-09-02 (R2 has none, R5 one; R1's next is at 4 years).
	ids := func(rs []*immunization.Registration) (out []healthrecord.ResidentID) {
		for _, r := range rs {
			out = append(out, r.Resident)
		}
		return out
	}
	got, err := cs.Targets(ctx, sup.ID)
	require.NoError(t, err)
	require.Equal(t, []healthrecord.ResidentID{"R1", "R2", "R5"}, ids(got)) // 甲 乙 in 101, then 戊 in 102
	got, err = cs.Targets(ctx, catch.ID)
	require.NoError(t, err)
	require.Equal(t, []healthrecord.ResidentID{"R2", "R5"}, ids(got))

	// A dose outside the campaign: wrong vaccine, day and child, all reported; nothing stored.
	err = cs.Vaccinate(ctx, sup.ID, &immunization.Vaccination{ID: "C1", Resident: "R4",
		Dose: immunization.Dose{Vaccine: immunization.IPV, Date: gongwei.MustDate(2024, 9, 20)}})
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Dose.Vaccine", immunization.CodeNotInCampaign))
	require.True(t, ve.Has("Dose.Date", immunization.CodeNotInCampaign))
	require.True(t, ve.Has("Resident", immunization.CodeNotInCampaign))

	v := &immunization.Vaccination{ID: "C2", Resident: "R2", Dose: immunization.Dose{Vaccine: immunization.BOPV, Date: gongwei.MustDate(2024, 9, 3)}}
	require.NoError(t, cs.Vaccinate(ctx, sup.ID, v))
	require.Equal(t, immunization.CampaignID("K0000"), v.Campaign)
	require.False(t, v.Dose.Outbreak)
	cov, err := cs.Coverage(ctx, sup.ID)
	require.NoError(t, err)
	require.Equal(t, 3, cov.Targets)
	require.Equal(t, 1, cov.Given)
	require.Equal(t, [2]int{2, 1}, cov.ByVillage["110105001101"])
	require.Equal(t, [2]int{1, 0}, cov.ByVillage["110105001102"])

	// An outbreak campaign's dose is recorded as an outbreak dose and counts toward no
	// series (immunization.md §1.3).
	ob := immunizationtest.Campaign(2)
	ob.ID, ob.Kind, ob.Vaccine = "K-OB", immunization.Outbreak, immunization.MV
	require.NoError(t, cs.Plan(ctx, ob))
	w := &immunization.Vaccination{ID: "C3", Resident: "R2", Dose: immunization.Dose{Vaccine: immunization.MV, Date: gongwei.MustDate(2024, 9, 4)}}
	require.NoError(t, cs.Vaccinate(ctx, ob.ID, w))
	require.True(t, w.Dose.Outbreak)
	ev := immunization.Evaluate(immunization.Schedule{}, immunization.Child{Birth: gongwei.MustDate(2023, 5, 10)}, []immunization.Dose{w.Dose})
	require.Equal(t, immunization.ReasonOutbreak, ev[0].Reason)
}

// serviceOn returns a service over a new memstore whose day of recording is y-m-d (noon
// in Asia/Shanghai) and whose writes need no actor.
func serviceOn(y int, m time.Month, d int) *immunization.Service {
	now := time.Date(y, m, d, 12, 0, 0, 0, cst)
	return immunization.New(memstore.New(), immunization.Options{Unattributed: true, Now: func() time.Time { return now }})
}
