package chronic_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordVisitAtTheEndOfTheCalendar: a follow-up dated 9999-12-01 (a placeholder date
// in legacy data) never panics. Its next follow-up, 3 months on for a satisfactory
// control (nbphs-spec §7.3), lies past the last representable day and saturates at
// 9999-12-31; if validation refuses the date instead, the refusal is a typed error.
func TestRecordVisitAtTheEndOfTheCalendar(t *testing.T) {
	ctx := context.Background()
	svc, _, r := newService(t)
	p := chronic.PatientFromResident(r, chronic.Hypertension, gongwei.MustDate(2024, 4, 1), gongwei.MustDate(2024, 4, 2))
	require.NoError(t, svc.Register(ctx, p))
	v := &chronic.Visit{Patient: p.ID, Hypertension: &chronic.HypertensionFollowUp{
		Date: gongwei.MustDate(9999, 12, 1), Mode: chronic.Clinic, Systolic: 128, Diastolic: 78}}
	var err error
	require.NotPanics(t, func() { err = svc.RecordVisit(ctx, v) })
	if err == nil {
		assert.Equal(t, chronic.Satisfied, v.Assessment.Class)
		assert.Equal(t, gongwei.MaxDate, v.Assessment.NextDue)
		return
	}
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve), "typed error: %v", err)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

// TestClassifyAtTheEndOfTheCalendar: the classification alone, which no validation
// guards, saturates the next due date at 9999-12-31.
func TestClassifyAtTheEndOfTheCalendar(t *testing.T) {
	p := chronic.Patient{Birth: gongwei.MustDate(1969, 3, 1)}
	var a chronic.Assessment
	require.NotPanics(t, func() {
		a = chronic.ClassifyHypertension(p, chronic.HypertensionFollowUp{Date: gongwei.MustDate(9999, 12, 1), Systolic: 128, Diastolic: 78}, nil)
	})
	assert.Equal(t, chronic.Satisfied, a.Class)
	assert.Equal(t, gongwei.MaxDate, a.NextDue)
	// Two unsatisfactory visits in a row at the very end: referral, due in 2 weeks.
	prev := chronic.HypertensionFollowUp{Date: gongwei.MustDate(9999, 12, 1), Systolic: 152, Diastolic: 92}
	require.NotPanics(t, func() {
		a = chronic.ClassifyHypertension(p, chronic.HypertensionFollowUp{Date: gongwei.MustDate(9999, 12, 30), Systolic: 150, Diastolic: 95}, []chronic.HypertensionFollowUp{prev})
	})
	assert.Equal(t, chronic.Unsatisfied, a.Class)
	assert.Equal(t, gongwei.MaxDate, a.NextDue)
}
