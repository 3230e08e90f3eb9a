package chronic_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newService(t *testing.T) (*chronic.Service, *healthrecord.Registry, *healthrecord.Resident) {
	t.Helper()
	ctx := context.Background()
	reg := healthrecord.New(hrmem.New(), healthrecord.Options{Unattributed: true})
	r := recordtest.Resident(7000) // born 1969-03-01
	require.NoError(t, reg.SaveResident(ctx, r))
	return chronic.NewService(memstore.New(), reg), reg, r
}

func TestServiceRegisterAndVisit(t *testing.T) {
	ctx := context.Background()
	svc, reg, r := newService(t)
	p := chronic.PatientFromResident(r, chronic.Hypertension, gongwei.MustDate(2024, 4, 1), gongwei.MustDate(2024, 4, 2))
	require.NoError(t, svc.Register(ctx, p))
	assert.Equal(t, int64(1), p.Version)
	assert.Equal(t, r.Archive.Village(), p.Village)

	// A second open registration for the same condition is a duplicate.
	q := chronic.PatientFromResident(r, chronic.Hypertension, gongwei.MustDate(2024, 4, 1), gongwei.MustDate(2024, 5, 2))
	err := svc.Register(ctx, q)
	assert.ErrorIs(t, err, gongwei.ErrDuplicate)

	// Two unsatisfactory follow-ups in a row: referral on the second.
	v1 := &chronic.Visit{Patient: p.ID, Hypertension: &chronic.HypertensionFollowUp{Date: gongwei.MustDate(2024, 5, 1), Mode: chronic.Clinic, Systolic: 152, Diastolic: 92}}
	require.NoError(t, svc.RecordVisit(ctx, v1))
	assert.Equal(t, chronic.Unsatisfied, v1.Assessment.Class)
	assert.False(t, v1.Assessment.Referral)
	v2 := &chronic.Visit{Patient: p.ID, Hypertension: &chronic.HypertensionFollowUp{Date: gongwei.MustDate(2024, 5, 15), Mode: chronic.Clinic, Systolic: 146, Diastolic: 88}}
	require.NoError(t, svc.RecordVisit(ctx, v2))
	assert.True(t, v2.Assessment.Referral)
	assert.Equal(t, gongwei.MustDate(2024, 5, 29), v2.Assessment.NextDue)

	// The follow-ups are on the resident's timeline.
	n := 0
	for e, err := range reg.Events(ctx, healthrecord.EventFilter{Resident: r.ID}) {
		require.NoError(t, err)
		if e.Kind == chronic.EventHypertensionFollowUp {
			n++
		}
	}
	assert.Equal(t, 2, n)

	// The plan: overdue on 2024-06-01 (due 2024-05-29, a referral follow-up).
	plan, err := svc.Plan(ctx, r.ID, gongwei.MustDate(2024, 6, 1))
	require.NoError(t, err)
	require.Len(t, plan.Items, 1)
	assert.True(t, plan.Overdue)
	assert.True(t, plan.Items[0].Referral)

	// A diabetes follow-up on a hypertension patient is refused.
	bad := &chronic.Visit{Patient: p.ID, Diabetes: &chronic.DiabetesFollowUp{Date: gongwei.MustDate(2024, 6, 1), Mode: chronic.Clinic, FastingGlucose: 6}}
	err = svc.RecordVisit(ctx, bad)
	var ve *gongwei.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("", chronic.CodeConditionMismatch))
	// Unknown patient.
	err = svc.RecordVisit(ctx, &chronic.Visit{Patient: "nobody", Hypertension: v1.Hypertension})
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Patient", chronic.CodeUnknownPatient))

	// Stale update.
	stale := *p
	p.Comorbid = true
	require.NoError(t, svc.SavePatient(ctx, p))
	stale.Comorbid = false
	assert.ErrorIs(t, svc.SavePatient(ctx, &stale), gongwei.ErrConflict)

	// Close: then not due any more.
	_, err = svc.Close(ctx, p.ID, chronic.Closure{Reason: chronic.ClosedMovedOut, Date: gongwei.MustDate(2024, 7, 1)})
	require.NoError(t, err)
	plan, err = svc.Plan(ctx, r.ID, gongwei.MustDate(2024, 8, 1))
	require.NoError(t, err)
	assert.Empty(t, plan.Items)
}

func TestRegisterUnknownResident(t *testing.T) {
	svc, _, _ := newService(t)
	p := chronictest.Patient(1, chronic.Diabetes)
	p.ID = ""
	err := svc.Register(context.Background(), p)
	var ve *gongwei.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Resident", healthrecord.CodeUnknownResident))
}

// TestValidateReportsAll: Validate lists every problem at once, including the 35+ rule
// (nbphs-spec §7 Target).
func TestValidateReportsAll(t *testing.T) {
	p := &chronic.Patient{Condition: chronic.Hypertension, Village: "123", Birth: gongwei.MustDate(1995, 1, 1),
		Diagnosed: gongwei.MustDate(2024, 2, 1), Registered: gongwei.MustDate(2024, 1, 1), Mental: &chronic.MentalInfo{}}
	err := p.Validate()
	var ve *gongwei.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, w := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Resident", gongwei.CodeRequired}, {"Village", gongwei.CodeFormat},
		{"Registered", gongwei.CodeOrder}, {"Registered", chronic.CodeUnderAge}, {"Mental", gongwei.CodeNotAllowed},
	} {
		assert.True(t, ve.Has(w.field, w.code), "%s %s in %v", w.field, w.code, err)
	}
	// 35 on the registration day is allowed; 34 is not.
	q := chronictest.Patient(1, chronic.Hypertension)
	q.Birth = q.Registered.AddYears(-35)
	assert.NoError(t, q.Validate())
	q.Birth = q.Birth.AddDays(1)
	assert.Error(t, q.Validate())

	f := &chronic.HypertensionFollowUp{Mode: 9, Signs: []chronic.Sign{chronic.SignKussmaul}, Systolic: 80, Diastolic: 90}
	err = f.Validate()
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Date", gongwei.CodeRequired))
	assert.True(t, ve.Has("Mode", gongwei.CodeUnknownCode))
	assert.True(t, ve.Has("Signs[0]", gongwei.CodeUnknownCode))
	assert.True(t, ve.Has("Diastolic", gongwei.CodeOrder))

	v := &chronic.Visit{Patient: "x", Hypertension: &chronic.HypertensionFollowUp{}, Diabetes: &chronic.DiabetesFollowUp{}}
	err = v.Validate()
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("", chronic.CodeConditionMismatch))
	assert.True(t, ve.Has("Diabetes.FastingGlucose", gongwei.CodeRequired))
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

// TestErrorsCarryNoPersonalData: the resident's name, ID number and phone never appear
// in an error.
func TestErrorsCarryNoPersonalData(t *testing.T) {
	ctx := context.Background()
	svc, _, r := newService(t)
	p := chronic.PatientFromResident(r, chronic.Hypertension, gongwei.MustDate(2024, 4, 1), gongwei.MustDate(2024, 4, 2))
	p.Birth = gongwei.MustDate(2000, 1, 1)
	p.Village = healthrecord.Village(r.IDNumber.String()[:12])
	err := svc.Register(ctx, p)
	require.Error(t, err)
	for _, secret := range []string{r.Name, r.IDNumber.String(), r.Info.Phone.String()} {
		if secret != "" {
			assert.NotContains(t, err.Error(), secret)
		}
	}
}
