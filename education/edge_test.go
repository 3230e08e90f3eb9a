package education_test

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei/education"
	"github.com/stretchr/testify/assert"
)

// TestHealthDayAtTheEndsOfTheCalendar: health days of years outside 1 to 9999 are those
// of the nearer end; an impossible fixed day is the zero Date, not a panic.
func TestHealthDayAtTheEndsOfTheCalendar(t *testing.T) {
	tb, ok := education.LookupHealthDay("tb")
	assert.True(t, ok)
	assert.Equal(t, "9999-03-24", tb.On(10000).String())
	assert.Equal(t, "0001-03-24", tb.On(0).String())
	asthma, _ := education.LookupHealthDay("asthma")
	assert.Equal(t, "9999-05-04", asthma.On(9999).String()) // the first Tuesday of May 9999
	leap := education.HealthDay{Code: "leap", Month: time.February, Day: 29}
	assert.Equal(t, "2024-02-29", leap.On(2024).String())
	assert.True(t, leap.On(2025).IsZero())
}

// TestHealthDayInvalidWeekday: a weekday outside Sunday to Saturday gives the zero Date.
func TestHealthDayInvalidWeekday(t *testing.T) {
	h := education.HealthDay{Code: "x", Month: time.May, Weekday: 7, Nth: 1}
	assert.True(t, h.On(2025).IsZero())
	h.Weekday = -1
	assert.True(t, h.On(2025).IsZero())
}
