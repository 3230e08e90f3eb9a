package supervision_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlanAtTheEndsOfTheCalendar: the inspection plan and the yearly quota of a food
// unit (4 a year, one per quarter) are computed for the last year of the calendar and
// for years outside it without a panic. In 9999 the last quarter ends on 9999-12-31.
func TestPlanAtTheEndsOfTheCalendar(t *testing.T) {
	u := supervisiontest.Unit("U1", "110105001101")
	u.Registered = gongwei.MustDate(9999, 8, 1)
	var items []supervision.PlanItem
	require.NotPanics(t, func() { items = supervision.Plan([]*supervision.Unit{u}, nil, gongwei.MaxDate, nil) })
	require.Len(t, items, 1)
	// Registered in the third quarter: the third and fourth quarters' inspections are due,
	// both ended by 9999-12-31 and none done.
	assert.Equal(t, 2, items[0].Required)
	assert.Equal(t, supervision.StateOverdue, items[0].State)
	assert.Equal(t, "9999-09-30", items[0].NextDue.String())
	// Years outside the calendar are taken as its nearer end: in year 1 the unit,
	// registered in 9999, owes nothing; in 9999 it owes two inspections and has none.
	for year, want := range map[int]bool{0: true, -5: true, 1: true, 9999: false, 10000: false, 1 << 40: false} {
		var ok bool
		require.NotPanics(t, func() { ok = supervision.MeetsFrequency(u, nil, year, nil) })
		assert.Equal(t, want, ok, "year %d", year)
	}
}

// TestWorkingDaysAtTheEndOfTheCalendar: with an arrangement for 9999 (9999-12-31 made a
// holiday), counting working days forward past the last day fails with a typed error
// instead of looping on the saturated date, and counting up to the last day ends.
func TestWorkingDaysAtTheEndOfTheCalendar(t *testing.T) {
	last := gongwei.MaxDate // a Friday
	c, err := supervision.NewCalendar(supervision.YearArrangement{Year: 9999, Source: "test", Holidays: []gongwei.Date{last}})
	require.NoError(t, err)
	// 9999-12-29 (Wednesday): the next working day is the 30th; the second would be past the end.
	got, err := c.AddWorkingDays(gongwei.MustDate(9999, 12, 29), 1)
	require.NoError(t, err)
	assert.Equal(t, "9999-12-30", got.String())
	_, err = c.AddWorkingDays(gongwei.MustDate(9999, 12, 29), 2)
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
	n, err := c.WorkingDaysBetween(gongwei.MustDate(9999, 12, 27), last)
	require.NoError(t, err)
	assert.Equal(t, 3, n) // Tuesday 28th to Thursday 30th; Friday 31st is a holiday
	n, err = c.WorkingDaysBetween(last, last)
	require.NoError(t, err)
	assert.Equal(t, 0, n)
}
