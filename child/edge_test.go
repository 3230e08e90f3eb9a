package child_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScheduleBornAtTheEndOfTheCalendar: the schedule of a child stored with the birth
// 9999-12-01 (legacy data written straight to the store) never panics. The newborn visit
// keeps its 8-day window; every later window, which would open in year 10000, saturates
// at 9999-12-31 as an empty window, and every date printed parses back.
func TestScheduleBornAtTheEndOfTheCalendar(t *testing.T) {
	ctx := context.Background()
	ms := memstore.New()
	c := childtest.Child(1)
	c.BirthDate = gongwei.MustDate(9999, 12, 1)
	c.DischargeDate, c.DeathDate = gongwei.Date{}, gongwei.Date{}
	require.NoError(t, ms.PutChild(ctx, c, 0))
	sv := child.NewService(ms, nil)

	var items []child.Item
	var err error
	on := gongwei.MustDate(9999, 12, 5)
	require.NotPanics(t, func() { items, err = sv.Schedule(ctx, c.ID, on) })
	require.NoError(t, err)

	// As many planned services as for a child born in 2024 who lives to 7.
	normal := childtest.Child(1)
	normal.DeathDate = gongwei.Date{}
	require.Len(t, items, len(child.Plan(normal)))
	for _, it := range items {
		switch it.Kind {
		case child.KindNewborn:
			// Within a week of birth; missed from day 28.
			assert.Equal(t, "[9999-12-01, 9999-12-09)", it.Window.String())
			assert.Equal(t, "9999-12-29", it.MissedFrom.String())
			assert.Equal(t, child.Due, it.Status, "%v %v", it.Kind, it.Task)
			continue
		case child.KindFullMonth:
			// Days 28-30 after birth: 9999-12-29 to 9999-12-31 (End saturated).
			assert.Equal(t, "[9999-12-29, 9999-12-31)", it.Window.String())
		default:
			assert.Equal(t, gongwei.MaxDate, it.Window.Start, "%v %v", it.Kind, it.Task)
			assert.Equal(t, gongwei.MaxDate, it.Window.End)
		}
		assert.Equal(t, gongwei.MaxDate, it.MissedFrom)
		assert.Equal(t, child.Upcoming, it.Status, "%v %v", it.Kind, it.Task)
		for _, d := range []gongwei.Date{it.Window.Start, it.Window.End, it.MissedFrom} {
			back, err := gongwei.ParseDate(d.String())
			require.NoError(t, err)
			assert.Equal(t, d, back)
		}
	}
	// On the last day, the newborn visit is missed (day 28, 9999-12-29, has passed).
	require.NotPanics(t, func() { items, err = sv.Schedule(ctx, c.ID, gongwei.MaxDate) })
	require.NoError(t, err)
	assert.Equal(t, child.KindNewborn, items[0].Kind)
	assert.Equal(t, child.Missed, items[0].Status)
}
