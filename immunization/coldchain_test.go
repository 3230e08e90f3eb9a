package immunization_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

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
	svc := immunization.New(memstore.New(), immunization.Options{Now: func() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, cst) }})
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
	store := memstore.New()
	svc := immunization.New(store, immunization.Options{Now: func() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, cst) }})
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
