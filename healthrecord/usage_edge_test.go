package healthrecord_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDynamicallyUsedAtTheEndsOfTheCalendar: the usage window as of the first days of
// year 1 starts on 0001-01-01 (it cannot reach back a year) and as of 9999-12-31 ends on
// that day; the Registry's query over a store with such legacy events never panics.
func TestDynamicallyUsedAtTheEndsOfTheCalendar(t *testing.T) {
	ctx := context.Background()
	asOf := d(1, 1, 5)
	assert.Equal(t, "[0001-01-01, 0001-01-06)", healthrecord.DynamicUseWindow(asOf).String())
	assert.Equal(t, "[9999-01-01, 9999-12-31)", healthrecord.DynamicUseWindow(gongwei.MaxDate).String())
	assert.Equal(t, "[0001-01-01, 0001-01-02)", healthrecord.DynamicUseWindow(gongwei.MinDate).String())

	s := memstore.New()
	// Written straight to the store: legacy data that no service validated.
	for _, e := range []healthrecord.ServiceEvent{
		{Resident: "first", Kind: healthrecord.EventCheckup, Date: d(1, 1, 1), Ref: "c1"},
		{Resident: "later", Kind: healthrecord.EventCheckup, Date: d(1, 1, 6), Ref: "c2"},
		{Resident: "last", Kind: healthrecord.EventCheckup, Date: gongwei.MaxDate, Ref: "c3"},
	} {
		require.NoError(t, s.AppendEvent(ctx, e))
	}
	reg := healthrecord.NewRegistry(s, nil)
	for _, c := range []struct {
		id   healthrecord.ResidentID
		asOf gongwei.Date
		want bool
	}{
		{"first", asOf, true},            // 0001-01-01 lies in the window as of 0001-01-05
		{"later", asOf, false},           // after the date of evaluation
		{"first", d(2, 1, 1), false},     // window [0001-01-02, 0002-01-02)
		{"first", d(1, 12, 31), true},    // window [0001-01-01, 0002-01-01)
		{"last", gongwei.MaxDate, false}, // the window's End saturates at 9999-12-31, excluded
		{"last", d(9999, 12, 30), false}, // after the date of evaluation
	} {
		var got bool
		var err error
		require.NotPanics(t, func() { got, err = reg.DynamicallyUsed(ctx, c.id, c.asOf) })
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "%s as of %s", c.id, c.asOf)
	}
}
