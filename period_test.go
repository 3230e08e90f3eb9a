package gongwei_test

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
)

func TestPeriods(t *testing.T) {
	d := gongwei.MustParseDate
	tests := []struct {
		name       string
		p          gongwei.Period
		start, end string
		days       int
	}{
		{"leap year", gongwei.Year(2024), "2024-01-01", "2025-01-01", 366},
		{"common year", gongwei.Year(2025), "2025-01-01", "2026-01-01", 365},
		{"Q1 of a leap year", gongwei.Quarter(2024, 1), "2024-01-01", "2024-04-01", 91},
		{"Q4 crosses the year end", gongwei.Quarter(2024, 4), "2024-10-01", "2025-01-01", 92},
		{"February of a leap year", gongwei.Month(2024, time.February), "2024-02-01", "2024-03-01", 29},
		{"December", gongwei.Month(2023, time.December), "2023-12-01", "2024-01-01", 31},
		{"days", gongwei.Days(d("2024-12-30"), 3), "2024-12-30", "2025-01-02", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.start, tc.p.Start.String())
			assert.Equal(t, tc.end, tc.p.End.String())
			assert.Equal(t, tc.days, tc.p.Len())
			assert.True(t, tc.p.IsValid())
			assert.True(t, tc.p.Contains(tc.p.Start), "start is included")
			assert.False(t, tc.p.Contains(tc.p.End), "end is excluded")
			assert.True(t, tc.p.Contains(tc.p.Last()))
		})
	}
	// Consecutive quarters share no day and cover the year.
	total := 0
	for q := 1; q <= 4; q++ {
		total += gongwei.Quarter(2024, q).Len()
		if q < 4 {
			assert.False(t, gongwei.Quarter(2024, q).Overlaps(gongwei.Quarter(2024, q+1)))
			assert.Equal(t, gongwei.Quarter(2024, q).End, gongwei.Quarter(2024, q+1).Start)
		}
	}
	assert.Equal(t, 366, total)
	assert.False(t, gongwei.Year(2024).Contains(gongwei.Date{}))
	assert.Panics(t, func() { gongwei.Quarter(2024, 5) })
	assert.Equal(t, "[2024-01-01, 2025-01-01)", gongwei.Year(2024).String())
}

func TestPeriodAdmits(t *testing.T) {
	d := gongwei.MustParseDate
	q1 := gongwei.Quarter(2024, 1)
	tests := []struct {
		name string
		p    gongwei.Period
		d    gongwei.Date
		want bool
	}{
		{"start is admitted", q1, d("2024-01-01"), true},
		{"last day is admitted", q1, d("2024-03-31"), true},
		{"end is not", q1, d("2024-04-01"), false},
		{"before the start is not", q1, d("2023-12-31"), false},
		{"open start admits the past", gongwei.Period{End: d("2024-04-01")}, d("1950-01-01"), true},
		{"open start still stops at the end", gongwei.Period{End: d("2024-04-01")}, d("2024-04-01"), false},
		{"open end admits the future", gongwei.Period{Start: d("2024-01-01")}, d("2099-12-31"), true},
		{"open end still starts at the start", gongwei.Period{Start: d("2024-01-01")}, d("2023-12-31"), false},
		{"zero period admits every date", gongwei.Period{}, d("2024-02-29"), true},
		{"zero period admits the zero date", gongwei.Period{}, gongwei.Date{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.p.Admits(tc.d))
		})
	}
}
