package chronic_test

import (
	"context"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordVisitAtTheEndOfTheCalendar: a follow-up dated 9999-12-01 (a placeholder date
// in legacy data) never panics. By today's clock it is refused as after the day of
// recording, and nothing is stored. On a service whose day of recording is 9999-12-01
// it is saved: satisfactory control brings the next follow-up 3 months on (nbphs-spec
// §7.3), past the last representable day, so it saturates at 9999-12-31.
func TestRecordVisitAtTheEndOfTheCalendar(t *testing.T) {
	ctx := context.Background()
	last := gongwei.MustDate(9999, 12, 1)
	clock := gongwei.Clock(func() time.Time { return time.Date(9999, 12, 1, 9, 0, 0, 0, time.UTC) })
	r := recordtest.Resident(7000) // born 1969-03-01
	store := memstore.New()
	// No records registry: the timeline is not what is tested here.
	svc := chronic.NewService(store, nil).WithClock(clock)
	p := chronic.PatientFromResident(r, chronic.Hypertension, gongwei.MustDate(2024, 4, 1), gongwei.MustDate(2024, 4, 2))
	require.NoError(t, svc.Register(ctx, p))
	visit := func() *chronic.Visit {
		return &chronic.Visit{Patient: p.ID, Hypertension: &chronic.HypertensionFollowUp{
			Date: last, Mode: chronic.Clinic, Systolic: 128, Diastolic: 78}}
	}

	// Today's clock: refused, nothing stored.
	var err error
	require.NotPanics(t, func() { err = svc.WithClock(time.Now).RecordVisit(ctx, visit()) })
	var ve *gongwei.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Hypertension.Date", gongwei.CodeInFuture), "%v", err)
	n := 0
	for _, err := range store.Visits(ctx, chronic.VisitFilter{Patient: p.ID}) {
		require.NoError(t, err)
		n++
	}
	assert.Zero(t, n)

	// Recorded on 9999-12-01: saved, the next follow-up saturated.
	v := visit()
	require.NotPanics(t, func() { err = svc.RecordVisit(ctx, v) })
	require.NoError(t, err)
	assert.Equal(t, chronic.Satisfied, v.Assessment.Class)
	assert.Equal(t, gongwei.MaxDate, v.Assessment.NextDue)
	plan, err := svc.Plan(ctx, r.ID, gongwei.MaxDate)
	require.NoError(t, err)
	require.Len(t, plan.Items, 1)
	assert.Equal(t, gongwei.MaxDate, plan.Items[0].Date)
	assert.False(t, plan.Items[0].Overdue)
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
