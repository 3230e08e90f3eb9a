package gongwei_test

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-02-29", "2024-02-29", true}, // leap day
		{"2023-02-29", "", false},          // no leap day in 2023
		{"1900-02-29", "", false},          // century not divisible by 400
		{"2000-02-29", "2000-02-29", true}, // century divisible by 400
		{"19491231", "1949-12-31", true},   // the 8-digit form of the paper forms
		{"２０２４－０１－３１", "2024-01-31", true}, // full-width, as typed through an IME
		{" 2024-12-31 ", "2024-12-31", true},
		{"2024-13-01", "", false},
		{"2024-00-10", "", false},
		{"2024-04-31", "", false},
		{"0000-01-01", "", false},
		{"2024-1-1", "", false},
		{"", "", false},
		{"abcd-ef-gh", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := gongwei.ParseDate(tc.in)
			if !tc.ok {
				require.Error(t, err)
				assert.True(t, errors.Is(err, gongwei.ErrInvalid))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.String())
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := gongwei.MustParseDate
	tests := []struct {
		name string
		got  gongwei.Date
		want string
	}{
		{"month end clamps into leap February", d("2024-01-31").AddMonths(1), "2024-02-29"},
		{"month end clamps into common February", d("2023-01-31").AddMonths(1), "2023-02-28"},
		{"31 October + 1 month is 30 November", d("2024-10-31").AddMonths(1), "2024-11-30"},
		{"year end crosses", d("2024-12-15").AddMonths(1), "2025-01-15"},
		{"negative months cross the year", d("2024-01-31").AddMonths(-2), "2023-11-30"},
		{"leap day + 1 year", d("2024-02-29").AddYears(1), "2025-02-28"},
		{"leap day + 4 years", d("2024-02-29").AddYears(4), "2028-02-29"},
		{"days across year end", d("2024-12-31").AddDays(1), "2025-01-01"},
		{"days across leap day", d("2024-02-28").AddDays(2), "2024-03-01"},
		{"negative days", d("2025-03-01").AddDays(-1), "2025-02-28"},
		{"28 days after birth", d("2024-01-01").AddDays(28), "2024-01-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.got.String()) })
	}
}

func TestDateDaysBetween(t *testing.T) {
	d := gongwei.MustParseDate
	assert.Equal(t, 366, d("2024-01-01").DaysUntil(d("2025-01-01")))
	assert.Equal(t, 365, d("2025-01-01").DaysUntil(d("2026-01-01")))
	assert.Equal(t, -1, d("2024-03-01").DaysUntil(d("2024-02-29")))
	assert.Equal(t, 1, d("2024-03-01").DaysSince(d("2024-02-29")))
	// 1970-01-01 to 2000-01-01 is 10957 days.
	assert.Equal(t, 10957, d("1970-01-01").DaysUntil(d("2000-01-01")))
	// Far ends of the range.
	assert.Equal(t, "0001-01-01", d("0001-01-02").AddDays(-1).String())
	assert.Equal(t, "9999-12-31", d("9999-12-30").AddDays(1).String())
}

func TestDateAges(t *testing.T) {
	d := gongwei.MustParseDate
	tests := []struct {
		birth, on           string
		years, months, days int
	}{
		{"2024-01-31", "2024-02-28", 0, 0, 28},
		{"2024-01-31", "2024-02-29", 0, 1, 29}, // clamped month end completes the month
		{"2023-01-31", "2023-02-28", 0, 1, 28},
		{"2024-01-15", "2024-02-14", 0, 0, 30},
		{"2024-01-15", "2024-02-15", 0, 1, 31},
		{"2020-02-29", "2021-02-27", 0, 11, 364},
		{"2020-02-29", "2021-02-28", 1, 12, 365}, // 29 February birthday falls on 28 February
		{"1959-06-30", "2024-06-29", 64, 779, 23741},
		{"1959-06-30", "2024-06-30", 65, 780, 23742},
		{"2024-12-31", "2025-01-01", 0, 0, 1},
		{"2024-05-05", "2024-05-05", 0, 0, 0},
		{"2024-05-05", "2024-05-04", -1, -1, -1},
	}
	for _, tc := range tests {
		t.Run(tc.birth+"@"+tc.on, func(t *testing.T) {
			b, on := d(tc.birth), d(tc.on)
			assert.Equal(t, tc.years, b.AgeYears(on), "years")
			assert.Equal(t, tc.months, b.AgeMonths(on), "months")
			assert.Equal(t, tc.days, b.AgeDays(on), "days")
		})
	}
}

func TestDateFields(t *testing.T) {
	x := gongwei.MustDate(2024, time.February, 29)
	y, m, dd := x.Date()
	assert.Equal(t, []int{2024, 2, 29}, []int{y, int(m), dd})
	assert.Equal(t, time.Thursday, x.Weekday())
	assert.Equal(t, time.Thursday, gongwei.MustParseDate("1970-01-01").Weekday())
	assert.Equal(t, time.Monday, gongwei.MustParseDate("2026-11-23").Weekday())
	assert.True(t, gongwei.Date{}.IsZero())
	assert.Equal(t, "", gongwei.Date{}.String())
	assert.True(t, gongwei.Date{}.Before(x))
	assert.Equal(t, 0, x.Compare(gongwei.MustParseDate("2024-02-29")))
	assert.Equal(t, x, gongwei.DateOf(time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC)))
	_, err := gongwei.NewDate(2023, time.February, 29)
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
}

func TestDateJSONAndSQL(t *testing.T) {
	type rec struct {
		Birth gongwei.Date  `json:"birth"`
		Death gongwei.Date  `json:"death"`
		Next  *gongwei.Date `json:"next,omitempty"`
	}
	in := rec{Birth: gongwei.MustParseDate("2024-02-29")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"birth":"2024-02-29","death":null}`, string(b))
	var out rec
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	require.Error(t, json.Unmarshal([]byte(`{"birth":"2023-02-29"}`), &out))
	require.Error(t, json.Unmarshal([]byte(`{"birth":20230228}`), &out))

	v, err := in.Birth.Value()
	require.NoError(t, err)
	assert.Equal(t, driver.Value("2024-02-29"), v)
	v, err = gongwei.Date{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)

	for _, src := range []any{"2024-02-29", []byte("2024-02-29"), "2024-02-29T00:00:00Z", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)} {
		var got gongwei.Date
		require.NoError(t, got.Scan(src))
		assert.Equal(t, in.Birth, got)
	}
	var got gongwei.Date
	require.NoError(t, got.Scan(nil))
	assert.True(t, got.IsZero())
	assert.ErrorIs(t, got.Scan(42), gongwei.ErrInvalid)
}

// TestDateCivilEveryDay walks every representable day, 0001-01-01 to 9999-12-31, and
// checks the day-number conversions both ways against the standard library's calendar:
// the date's fields and weekday, and the date made again from them.
func TestDateCivilEveryDay(t *testing.T) {
	tm := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	d := gongwei.MinDate
	for n := 0; ; n++ {
		y, m, dd := d.Date()
		if y != tm.Year() || m != tm.Month() || dd != tm.Day() || d.Weekday() != tm.Weekday() {
			t.Fatalf("day %v: got %d-%d-%d %v", tm, y, m, dd, d.Weekday())
		}
		if again, err := gongwei.NewDate(tm.Year(), tm.Month(), tm.Day()); err != nil || again != d {
			t.Fatalf("NewDate(%v) = %v, %v; want %v", tm, again, err, d)
		}
		if d == gongwei.MaxDate {
			if tm.Year() != 9999 || n != 3652058 {
				t.Fatalf("ended on %v after %d days", tm, n)
			}
			return
		}
		d, tm = d.AddDays(1), tm.AddDate(0, 0, 1)
	}
}
