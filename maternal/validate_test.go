package maternal_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) gongwei.Date { return gongwei.MustParseDate(s) }

func fields(t *testing.T, err error) map[string]gongwei.Code {
	t.Helper()
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	out := map[string]gongwei.Code{}
	for _, f := range ve.Fields {
		out[f.Field] = f.Code
	}
	return out
}

// TestValidateReportsEveryProblem: one pregnancy with many impossible values yields
// every problem at once, with the field and code of each.
func TestValidateReportsEveryProblem(t *testing.T) {
	w := maternaltest.Woman(1, maternaltest.FixtureVillage)
	p := maternaltest.Pregnancy(w, day("2024-01-01"))
	p.Booked = day("2024-10-08")                                           // after the delivery on 2024-10-07
	p.Visits[3].Date = day("2024-11-20")                                   // after delivery (also 46+2)
	p.Visits[0].Number = 7                                                 // not 2-5
	p.Visits[1].Factors = []maternal.Factor{"bogus", maternal.FactorAge35} // unknown; derived
	p.Tests[0].Infection = 9
	p.Delivery.FirstCaesarean = true // with a vaginal delivery
	p.Postpartum[0].Date = day("2024-10-01")
	p.Death = &maternal.Death{Date: day("2024-11-30")} // day 54 after delivery
	got := fields(t, p.Validate())
	for f, c := range map[string]gongwei.Code{
		"Booked":                  maternal.CodeBookedAfterDelivery,
		"Visits[3].Date":          maternal.CodeAfterEnd,
		"Visits[0].Number":        gongwei.CodeOutOfRange,
		"Visits[1].Factors[0]":    gongwei.CodeUnknownCode,
		"Visits[1].Factors[1]":    gongwei.CodeNotAllowed,
		"Tests[0].Infection":      gongwei.CodeUnknownCode,
		"Delivery.FirstCaesarean": gongwei.CodeNotAllowed,
		"Postpartum[0].Date":      gongwei.CodeOrder,
		"Death.Date":              maternal.CodeDeathWindow,
	} {
		assert.Equal(t, c, got[f], f)
	}
}

// TestGestationBeyond45Weeks at the boundary: 45+0 is accepted, 45+1 is not.
func TestGestationBeyond45Weeks(t *testing.T) {
	w := maternaltest.Woman(1, maternaltest.FixtureVillage)
	p := maternaltest.Booked(w, day("2024-01-01"))
	p.Visits = []maternal.PrenatalVisit{{Contact: maternal.Contact{Date: day("2024-01-01").AddDays(315)}}}
	assert.NoError(t, p.Validate())
	p.Visits[0].Date = p.Visits[0].Date.AddDays(1)
	assert.Equal(t, maternal.CodeGestationTooLong, fields(t, p.Validate())["Visits[0].Date"])
	p = maternaltest.Booked(w, day("2024-01-01"))
	p.Dating = maternal.Dating{Scan: day("2024-03-01"), ScanAge: maternal.Weeks(46, 0)}
	assert.Equal(t, maternal.CodeGestationTooLong, fields(t, p.Validate())["Dating.ScanAge"])
}

func TestValidateRequired(t *testing.T) {
	got := fields(t, (&maternal.Pregnancy{}).Validate())
	for _, f := range []string{"Resident", "Village", "Dating.LMP", "Booked"} {
		assert.Equal(t, gongwei.CodeRequired, got[f], f)
	}
	p := maternaltest.Pregnancy(maternaltest.Woman(1, maternaltest.FixtureVillage), day("2024-01-01"))
	p.Delivery.LiveBirths = 0
	assert.Equal(t, gongwei.CodeRequired, fields(t, p.Validate())["Delivery.LiveBirths"])
	p = maternaltest.Booked(maternaltest.Woman(1, maternaltest.FixtureVillage), day("2024-01-01"))
	p.Postpartum = []maternal.PostpartumVisit{{Contact: maternal.Contact{Date: day("2024-10-10")}, Kind: maternal.PostpartumHomeVisit}}
	assert.Equal(t, maternal.CodeNoDelivery, fields(t, p.Validate())["Postpartum[0].Date"])
}

// TestNoPersonalDataInErrors: errors name fields and codes, never the woman's ID,
// archive number, name or recorded free text.
func TestNoPersonalDataInErrors(t *testing.T) {
	w := maternaltest.Woman(3, maternaltest.FixtureVillage)
	w.Sex = gongwei.Male
	p := maternaltest.Pregnancy(w, day("2024-01-01"))
	p.FirstExam.PastHistory = "张三丰病史13800138000"
	p.Death = &maternal.Death{Date: day("2025-06-01"), Cause: "李四死因"}
	p.Booked = day("2025-01-01")
	err := p.ValidateFor(w)
	require.Error(t, err)
	msg := err.Error()
	for _, s := range []string{string(w.ID), w.IDNumber.String(), w.Name, "张三丰", "13800138000", "李四", w.Archive.String()} {
		assert.NotContains(t, msg, s)
	}
	assert.Equal(t, maternal.CodeNotFemale, fields(t, err)["Resident"])
}

func newRegistry(t *testing.T) (*maternal.Registry, *healthrecord.Registry, *memstore.Store) {
	t.Helper()
	hr := healthrecord.New(hrmem.New(), healthrecord.Options{Unattributed: true})
	s := memstore.New()
	return maternal.NewRegistry(s, hr, nil), hr, s
}

func saveWoman(t *testing.T, hr *healthrecord.Registry, n int) *healthrecord.Resident {
	t.Helper()
	w := maternaltest.Woman(n, maternaltest.FixtureVillage)
	w.Version = 0
	require.NoError(t, hr.SaveResident(context.Background(), w))
	return w
}

func TestRegistrySave(t *testing.T) {
	ctx := context.Background()
	g, hr, _ := newRegistry(t)
	w := saveWoman(t, hr, 1)
	p := maternaltest.Booked(w, day("2024-01-01"))
	p.ID, p.Village, p.MotherBirth = "", "", gongwei.Date{}
	p.FirstExam.Provider.Institution = "１１０１０５００１０００" // full width
	require.NoError(t, g.Save(ctx, p))
	assert.Equal(t, maternal.PregnancyID(string(w.ID)+"-20240311"), p.ID)
	assert.Equal(t, w.Archive.Village(), p.Village)
	assert.Equal(t, w.BirthDate, p.MotherBirth)
	assert.Equal(t, int64(1), p.Version)
	assert.Equal(t, "110105001000", p.FirstExam.Provider.Institution)

	// Visits, delivery and postpartum contacts through Update; each lands on the timeline.
	full := maternaltest.Pregnancy(w, day("2024-01-01"))
	for _, v := range full.Visits {
		_, err := g.AddVisit(ctx, p.ID, v)
		require.NoError(t, err)
	}
	_, err := g.RecordDelivery(ctx, p.ID, *full.Delivery)
	require.NoError(t, err)
	for _, v := range full.Postpartum {
		_, err = g.AddPostpartum(ctx, p.ID, v)
		require.NoError(t, err)
	}
	got, err := g.Pregnancy(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(8), got.Version)
	kinds := map[healthrecord.EventKind]int{}
	for e, err := range hr.Events(ctx, healthrecord.EventFilter{Resident: w.ID}) {
		require.NoError(t, err)
		kinds[e.Kind]++
	}
	assert.Equal(t, 5, kinds[maternal.EventPrenatalVisit])
	assert.Equal(t, 1, kinds[maternal.EventPostpartumVisit])
	assert.Equal(t, 1, kinds[maternal.EventPostpartumCheckup])

	// A stale version conflicts.
	stale := got.Clone()
	stale.Version = 3
	assert.ErrorIs(t, g.Save(ctx, stale), gongwei.ErrConflict)
}

func TestRegistryRejects(t *testing.T) {
	ctx := context.Background()
	g, hr, _ := newRegistry(t)
	w := saveWoman(t, hr, 1)
	require.NoError(t, g.Save(ctx, maternaltest.Booked(w, day("2024-01-01"))))

	// A second pregnancy overlapping the ongoing one.
	second := maternaltest.Booked(w, day("2024-03-01"))
	assert.Equal(t, maternal.CodeOverlap, fields(t, g.Save(ctx, second))["Dating.LMP"])

	// A male record (ID number with an odd sequence code).
	man := maternaltest.Woman(2, maternaltest.FixtureVillage)
	man.Sex = gongwei.Male
	man.IDNumber = healthrecord.IDNumber{}
	man.Version = 0
	require.NoError(t, hr.SaveResident(ctx, man))
	assert.Equal(t, maternal.CodeNotFemale, fields(t, g.Save(ctx, maternaltest.Booked(man, day("2024-01-01"))))["Resident"])

	// An unknown resident.
	ghost := maternaltest.Woman(9, maternaltest.FixtureVillage)
	assert.Equal(t, healthrecord.CodeUnknownResident, fields(t, g.Save(ctx, maternaltest.Booked(ghost, day("2024-01-01"))))["Resident"])

	// An LMP before the woman's birth.
	early := maternaltest.Booked(saveWoman(t, hr, 3), w.BirthDate.AddDays(-10))
	got := fields(t, g.Save(ctx, early))
	assert.Equal(t, gongwei.CodeBeforeBirth, got["Dating.LMP"])
}

func TestWorklist(t *testing.T) {
	ctx := context.Background()
	g, hr, _ := newRegistry(t)
	w1, w2 := saveWoman(t, hr, 1), saveWoman(t, hr, 2)
	require.NoError(t, g.Save(ctx, maternaltest.Booked(w1, day("2024-01-01"))))
	require.NoError(t, g.Save(ctx, maternaltest.Booked(w2, day("2024-02-01"))))
	// On 2024-05-01: w1 is at 17+2 (visit 2 due); w2 at 12+6 (first exam done, visit 2
	// upcoming): one reminder.
	list, err := g.Worklist(ctx, "110105001", day("2024-05-01"))
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, w1.ID, list[0].Resident)
	assert.Equal(t, maternal.Prenatal2, list[0].Item.Kind)
	assert.Equal(t, maternal.Due, list[0].Item.Status)
	assert.True(t, strings.HasPrefix(string(list[0].Village), "110105001"))
}
