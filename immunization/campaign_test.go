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
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

// campaignClinic registers four children of county 110105 and one of another county:
// R1 born 2021-03-10 with polio complete for its age, R2 born 2023-05-10 with no polio
// dose, R3 born 2024-08-01 (after the cohort), R4 born 2022-01-10 in 120105, R5 born
// 2022-02-01 with one IPV dose.
func campaignClinic(t *testing.T) (*immunization.Service, *immunization.CampaignService) {
	t.Helper()
	ctx := context.Background()
	svc := immunization.New(memstore.New(), immunization.Options{Now: func() time.Time { return time.Date(2024, 10, 1, 12, 0, 0, 0, cst) }})
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
