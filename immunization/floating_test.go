package immunization_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

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
	store := memstore.New()
	svc := immunization.New(store, immunization.Options{Now: func() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, cst) }})
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
