package indicators

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/maternal"
)

const assessedVillage Unit = "410523001101"

// TestSMIManaged: 精神病综合管理率 as 在管 ÷ 在册 (plan-services.md §2.1). Four patients on
// the register in 2025: A reached in March, B only "not reached", C reached in 2024 only,
// D reached in December; E died in 2024 and is off the register. 2 of 4 = 50.0%.
func TestSMIManaged(t *testing.T) {
	p := gongwei.Year(2025)
	reg := gongwei.MustDate(2020, 1, 1)
	patient := func(closed chronic.Closure) *chronic.Patient {
		return &chronic.Patient{Condition: chronic.Mental, Village: "410523001101", Registered: reg, Closure: closed}
	}
	visit := func(d gongwei.Date, reached bool) *chronic.Visit {
		return &chronic.Visit{Mental: &chronic.MentalFollowUp{Date: d, Mode: chronic.Home, NotReached: !reached}}
	}
	cases := []struct {
		pt     *chronic.Patient
		visits []*chronic.Visit
	}{
		{patient(chronic.Closure{}), []*chronic.Visit{visit(gongwei.MustDate(2025, 3, 2), true)}},
		{patient(chronic.Closure{}), []*chronic.Visit{visit(gongwei.MustDate(2025, 6, 2), false)}},
		{patient(chronic.Closure{}), []*chronic.Visit{visit(gongwei.MustDate(2024, 11, 2), true)}},
		{patient(chronic.Closure{}), []*chronic.Visit{visit(gongwei.MustDate(2025, 12, 31), true)}},
		{patient(chronic.Closure{Reason: chronic.ClosedDeath, Date: gongwei.MustDate(2024, 5, 1)}), nil},
	}
	tally := NewTally(0)
	o := chronicDefaults(nil)
	for _, c := range cases {
		addPatient(c.pt, c.visits, p, &o, tally)
	}
	got, ok := tally.Get(Key{Code: codeSMIManaged, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{2, 4}, got)
	r, _ := tally.Rate(codeSMIManaged, assessedVillage, p)
	assert.Equal(t, "50", rateValue(t, r))
}

// TestTBReferral: 结核病人转诊率 over the patients the township found (plan-services.md
// §2.2). Notified in 2025: A found and referred, B found and not referred, C found by
// the hospital; D found and referred but notified in 2024. 1 of 2 = 50.0%.
func TestTBReferral(t *testing.T) {
	p := gongwei.Year(2025)
	tb := func(notified gongwei.Date, found bool, referred gongwei.Date) *chronic.Patient {
		return &chronic.Patient{Condition: chronic.Tuberculosis, Village: "410523001101", Registered: notified,
			//lint:ignore SA1019 the rule without a referral register
			TB: &chronic.TBCourse{Notified: notified, FoundLocally: found, Referred: referred}}
	}
	tally := NewTally(0)
	o := chronicDefaults(nil)
	for _, pt := range []*chronic.Patient{
		tb(gongwei.MustDate(2025, 4, 10), true, gongwei.MustDate(2025, 4, 1)),
		tb(gongwei.MustDate(2025, 7, 10), true, gongwei.Date{}),
		tb(gongwei.MustDate(2025, 8, 10), false, gongwei.Date{}),
		tb(gongwei.MustDate(2024, 12, 10), true, gongwei.MustDate(2024, 12, 1)),
	} {
		addPatient(pt, nil, p, &o, tally)
	}
	got, ok := tally.Get(Key{Code: codeTBReferral, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{1, 2}, got)
}

// TestPrenatalScreening: 产前筛查率 = women screened ÷ women delivered (产妇数,
// plan-services.md §2.3). Delivered in 2025: A screened (twins: still one woman), B not;
// C screened but delivers in 2026. 1 of 2.
func TestPrenatalScreening(t *testing.T) {
	p := gongwei.Year(2025)
	preg := func(delivered gongwei.Date, live int, screened bool) *maternal.Pregnancy {
		pr := &maternal.Pregnancy{Village: "410523001101", Delivery: &maternal.Delivery{Date: delivered, LiveBirths: live, Place: maternal.Hospital}}
		if screened {
			pr.Screening = &maternal.PrenatalScreening{Date: delivered.AddDays(-150)}
		}
		return pr
	}
	tally := NewTally(0)
	for _, pr := range []*maternal.Pregnancy{
		preg(gongwei.MustDate(2025, 3, 1), 2, true),
		preg(gongwei.MustDate(2025, 9, 1), 1, false),
		preg(gongwei.MustDate(2026, 1, 5), 1, true),
	} {
		addPregnancy(pr, p, tally)
	}
	got, ok := tally.Get(Key{Code: codeMaternalScreening, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{1, 2}, got)
}

// TestSchoolEntryIndicators: 查验率 and 全程接种率 of the school-entry checks
// (plan-services.md §2.4), through ImmunizationIndicators on a memory store. Entered in
// September 2025: A checked, complete; B checked, a dose missing; C not checked; D
// entered in 2024 and checked then. 查验率 2/3, 全程接种率 1/2.
func TestSchoolEntryIndicators(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := immmem.New()
	svc := immunization.New(s, immunization.Options{Unattributed: true})
	sep := gongwei.MustDate(2025, 9, 1)
	entries := [][]immunization.SchoolEntryCheck{
		{{Kind: immunization.EntrySchool, Entered: sep, Checked: sep.AddDays(3), Complete: true}},
		{{Kind: immunization.EntrySchool, Entered: sep, Checked: sep.AddDays(10)}},
		{{Kind: immunization.EntryNursery, Entered: sep}},
		{{Kind: immunization.EntryNursery, Entered: gongwei.MustDate(2024, 9, 1), Checked: gongwei.MustDate(2024, 9, 5), Complete: true}},
	}
	for i, e := range entries {
		r := &immunization.Registration{
			Resident: healthrecord.ResidentID(fmt.Sprintf("R%d", i)), Village: "410523001101",
			Child: immunization.Child{Birth: gongwei.MustDate(2019, 3, 1+i)}, SchoolEntries: e,
		}
		require.NoError(t, svc.Register(ctx, r))
	}
	tally := NewTally(0)
	require.NoError(t, ImmunizationIndicators(ctx, s, "410523", p, tally))
	check, ok := tally.Get(Key{Code: codeImmSchoolCheck, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{2, 3}, check)
	full, ok := tally.Get(Key{Code: codeImmFullSeries, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{1, 2}, full)
}
