package immunization_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/stretchr/testify/require"
)

type timeline struct{ events []healthrecord.ServiceEvent }

func (t *timeline) RecordService(_ context.Context, e healthrecord.ServiceEvent) error {
	t.events = append(t.events, e)
	return nil
}

func reg(id, village, name, birth string) *immunization.Registration {
	return &immunization.Registration{Resident: healthrecord.ResidentID(id), Village: healthrecord.Village(village), Name: name,
		Child: immunization.Child{Birth: gongwei.MustParseDate(birth), MotherHBsAg: immunization.HBsAgNegative}}
}

func TestServiceVaccinateAndTimeline(t *testing.T) {
	ctx := context.Background()
	tl := &timeline{}
	svc := immunization.NewService(memstore.New(), tl)
	r := reg("R1", "１１０１０５００１１０１", "张三", "2023-03-15") // full-width digits are normalised
	require.NoError(t, svc.Register(ctx, r))
	require.Equal(t, int64(1), r.Version)
	require.Equal(t, healthrecord.Village("110105001101"), r.Village)

	v := &immunization.Vaccination{ID: "v1", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.HepB, Date: r.Child.Birth}, Clinic: "C1", Giver: "G1"}
	require.NoError(t, svc.Vaccinate(ctx, v))
	require.Equal(t, healthrecord.Village("110105001101"), v.Village, "village copied from the registration")
	require.Len(t, tl.events, 1)
	require.Equal(t, immunization.EventVaccination, tl.events[0].Kind)
	require.Equal(t, "V1", tl.events[0].Ref)

	// Stale version.
	stale := *r
	stale.Version = 0
	require.ErrorIs(t, svc.Register(ctx, &stale), gongwei.ErrConflict)

	// Unknown child, dose before birth, missing vaccine: all reported at once.
	err := svc.Vaccinate(ctx, &immunization.Vaccination{ID: "v2", Resident: "nobody"})
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Resident", gongwei.CodeUnknownCode))
	require.True(t, ve.Has("Dose.Vaccine", gongwei.CodeRequired))
	require.True(t, ve.Has("Dose.Date", gongwei.CodeRequired))
	err = svc.Vaccinate(ctx, &immunization.Vaccination{ID: "v3", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.BCG, Date: gongwei.MustParseDate("2023-03-01")}})
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	require.True(t, errors.As(err, &ve) && ve.Has("Dose.Date", gongwei.CodeBeforeBirth))

	recs, err := svc.Forecast(ctx, "R1", gongwei.MustParseDate("2023-04-15"))
	require.NoError(t, err)
	require.Equal(t, immunization.StatusDue, recs[0].Status)
	require.Equal(t, 2, recs[0].Dose)
}

// Errors never repeat a personal value.
func TestValidationNoPII(t *testing.T) {
	const name = "欧阳娜娜"
	r := &immunization.Registration{Resident: "R1", Village: "11010500110X", Name: name}
	r.Certificate = gongwei.MustParseDate("2020-01-01")
	r.Child.Birth = gongwei.MustParseDate("2021-01-01")
	err := r.Validate()
	require.Error(t, err)
	require.NotContains(t, err.Error(), name)
	require.NotContains(t, err.Error(), "11010500110X")
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Village", immunization.CodeVillage))
	require.True(t, ve.Has("Certificate", gongwei.CodeBeforeBirth))
}

// The due list (应种未种) sorts by village, then by name in pinyin order.
func TestDueList(t *testing.T) {
	ctx := context.Background()
	svc := immunization.NewService(memstore.New(), nil)
	// 赵 zhao, 安 an, 李 li in village 102; 王 wang in village 101. All born 2023-03-15.
	for _, r := range []*immunization.Registration{
		reg("R1", "110105001102", "赵六", "2023-03-15"),
		reg("R2", "110105001102", "安七", "2023-03-15"),
		reg("R3", "110105001102", "李四", "2023-03-15"),
		reg("R4", "110105001101", "王五", "2023-03-15"),
		reg("R5", "110105001101", "钱八", "2024-01-01"),
	} {
		require.NoError(t, svc.Register(ctx, r))
	}
	// R5 is up to date on 2024-01-10: HepB-2 is due only on 2024-02-01.
	for i, v := range []immunization.Vaccine{immunization.HepB, immunization.BCG} {
		require.NoError(t, svc.Vaccinate(ctx, &immunization.Vaccination{ID: immunization.VaccinationID("x" + string(rune('0'+i))), Resident: "R5", Dose: immunization.Dose{Vaccine: v, Date: gongwei.MustParseDate("2024-01-01")}}))
	}
	list, err := svc.DueList(ctx, "110105001", gongwei.Days(gongwei.MustParseDate("2024-01-10"), 7))
	require.NoError(t, err)
	var names []string
	for _, e := range list {
		names = append(names, e.Registration.Name)
	}
	require.Equal(t, []string{"王五", "安七", "李四", "赵六"}, names)
	// A 10-month-old with nothing: HepB-1 is overdue.
	require.Equal(t, immunization.HepB, list[0].Needs[0].Vaccine)
	require.Equal(t, immunization.StatusOverdue, list[0].Needs[0].Status)

	// Within the range R5's HepB-2 comes due.
	list, err = svc.DueList(ctx, "110105001101", gongwei.Days(gongwei.MustParseDate("2024-01-30"), 7))
	require.NoError(t, err)
	require.Len(t, list, 2)
	require.Equal(t, "钱八", list[0].Registration.Name)
	require.Equal(t, immunization.StatusNotDue, list[0].Needs[0].Status)
	require.Equal(t, gongwei.MustParseDate("2024-02-01"), list[0].Needs[0].Earliest)

	_, err = svc.DueList(ctx, "", gongwei.Period{})
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	require.False(t, strings.Contains(err.Error(), "R1"))
}
