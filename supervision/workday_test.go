package supervision

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
)

var d = gongwei.MustParseDate

// TestAddWorkingDaysHolidays crosses the Spring Festival and the National Day of every
// shipped year, with their make-up working weekends, as each year's 国务院办公厅关于XXXX年部分
// 节假日安排的通知 gives them (see Arrangements).
func TestAddWorkingDaysHolidays(t *testing.T) {
	for _, tc := range []struct {
		name string
		from string
		n    int
		want string
	}{
		// 2020: 春节 1.24–1.30, extended to 2.2 (国办发明电〔2020〕1号); 1.19 (Sun) worked, 2.1 no
		// longer worked. 国庆 10.1–10.8; 9.27 (Sun) and 10.10 (Sat) worked.
		{"2020 make-up Sunday before Spring Festival", "2020-01-17", 1, "2020-01-19"},
		{"2020 Spring Festival with extension", "2020-01-23", 1, "2020-02-03"},
		{"2020 make-up Sunday before National Day", "2020-09-25", 1, "2020-09-27"},
		{"2020 National Day", "2020-09-30", 1, "2020-10-09"},
		{"2020 National Day make-up Saturday", "2020-09-30", 2, "2020-10-10"},
		// 2021: 春节 2.11–2.17, 2.7 (Sun) and 2.20 (Sat) worked; 国庆 10.1–10.7, 9.26 and 10.9 worked.
		{"2021 make-up Sunday", "2021-02-05", 1, "2021-02-07"},
		{"2021 Spring Festival", "2021-02-10", 1, "2021-02-18"},
		{"2021 Spring Festival make-up Saturday", "2021-02-10", 3, "2021-02-20"},
		{"2021 National Day", "2021-09-30", 1, "2021-10-08"},
		{"2021 National Day make-up Saturday", "2021-09-30", 2, "2021-10-09"},
		// 2022: 春节 1.31–2.6, 1.29 and 1.30 worked; 国庆 10.1–10.7, 10.8 and 10.9 worked.
		{"2022 make-up weekend", "2022-01-28", 2, "2022-01-30"},
		{"2022 Spring Festival", "2022-01-28", 3, "2022-02-07"},
		{"2022 National Day", "2022-09-30", 1, "2022-10-08"},
		{"2022 National Day, after the make-up weekend", "2022-09-30", 3, "2022-10-10"},
		// 2023: 春节 1.21–1.27, 1.28 and 1.29 worked; 中秋国庆 9.29–10.6, 10.7 and 10.8 worked.
		{"2023 Spring Festival", "2023-01-20", 1, "2023-01-28"},
		{"2023 National Day", "2023-09-28", 1, "2023-10-07"},
		{"2023 National Day, five working days", "2023-09-28", 5, "2023-10-11"},
		// 2024: 春节 2.10–2.17, 2.4 and 2.18 (Sundays) worked, 除夕 2.9 a working day;
		// 国庆 10.1–10.7, 9.29 (Sun) and 10.12 (Sat) worked.
		{"2024 make-up Sunday", "2024-02-02", 1, "2024-02-04"},
		{"2024 New Year's Eve is worked", "2024-02-08", 1, "2024-02-09"},
		{"2024 Spring Festival", "2024-02-08", 2, "2024-02-18"},
		{"2024 National Day", "2024-09-30", 1, "2024-10-08"},
		{"2024 National Day, five working days", "2024-09-30", 5, "2024-10-12"},
		// 2025: 春节 1.28–2.4, 1.26 (Sun) and 2.8 (Sat) worked; 国庆中秋 10.1–10.8, 9.28 and 10.11 worked.
		{"2025 make-up Sunday", "2025-01-24", 1, "2025-01-26"},
		{"2025 Spring Festival", "2025-01-27", 1, "2025-02-05"},
		{"2025 Spring Festival make-up Saturday", "2025-01-27", 4, "2025-02-08"},
		{"2025 National Day", "2025-09-30", 1, "2025-10-09"},
		{"2025 National Day make-up Saturday", "2025-09-30", 3, "2025-10-11"},
		// 2026: 春节 2.15–2.23, 2.14 and 2.28 (Saturdays) worked; 国庆 10.1–10.7, 9.20 and 10.10 worked.
		{"2026 make-up Saturday", "2026-02-13", 1, "2026-02-14"},
		{"2026 Spring Festival", "2026-02-13", 2, "2026-02-24"},
		{"2026 National Day", "2026-09-30", 1, "2026-10-08"},
		{"2026 National Day make-up Saturday", "2026-09-30", 3, "2026-10-10"},
		// Ordinary weeks: the day of receipt is not counted.
		{"ordinary Friday, 5 working days", "2025-03-07", 5, "2025-03-14"},
		{"zero days", "2025-03-08", 0, "2025-03-08"},
		{"backwards", "2025-02-05", -1, "2025-01-27"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AddWorkingDays(d(tc.from), tc.n)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.String())
			ok, err := IsWorkingDay(got)
			require.NoError(t, err)
			assert.True(t, ok || tc.n == 0)
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	for _, tc := range []struct {
		date string
		want bool
	}{
		{"2025-01-26", true},  // make-up Sunday
		{"2025-01-28", false}, // 除夕, a holiday from 2025
		{"2024-02-09", true},  // 除夕 2024: only "encouraged" off
		{"2025-03-08", false}, // ordinary Saturday
		{"2025-03-10", true},  // ordinary Monday
		{"2023-04-05", false}, // 清明 2023, one day
		{"2020-02-01", false}, // make-up Saturday cancelled by the 2020 extension
		{"2026-01-04", true},  // make-up Sunday after New Year 2026
	} {
		got, err := IsWorkingDay(d(tc.date))
		require.NoError(t, err, tc.date)
		assert.Equal(t, tc.want, got, tc.date)
	}
}

func TestNoCalendar(t *testing.T) {
	_, err := IsWorkingDay(d("2019-12-31"))
	var nc *NoCalendarError
	require.True(t, errors.As(err, &nc))
	assert.Equal(t, 2019, nc.Year)
	assert.True(t, errors.Is(err, ErrNoCalendar))
	assert.True(t, errors.Is(err, gongwei.ErrNotFound))

	_, err = AddWorkingDays(d("2026-12-31"), 1)
	require.True(t, errors.As(err, &nc), "counting into 2027 must fail, not guess")
	assert.Equal(t, 2027, nc.Year)

	_, err = AddWorkingDays(gongwei.Date{}, 1)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

func TestCalendarHostYear(t *testing.T) {
	c, err := NewCalendar()
	require.NoError(t, err)
	_, err = c.AddWorkingDays(d("2030-01-02"), 1)
	require.True(t, isNoCalendar(err))
	// A made-up arrangement for the test only: 2030-01-03 off, Saturday 2030-01-05 worked.
	require.NoError(t, c.Add(YearArrangement{Year: 2030, Source: "test",
		Holidays: []gongwei.Date{d("2030-01-03")}, Workdays: []gongwei.Date{d("2030-01-05")}}))
	got, err := c.AddWorkingDays(d("2030-01-02"), 2)
	require.NoError(t, err)
	assert.Equal(t, "2030-01-05", got.String())
	assert.Equal(t, []int{2030}, c.Years())
	n, err := c.WorkingDaysBetween(d("2030-01-02"), d("2030-01-05"))
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	bad := YearArrangement{Year: 2031, Source: "test", Workdays: []gongwei.Date{d("2031-01-06"), d("2030-01-04")}}
	err = c.Add(bad)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("Workdays[0]", CodeNotWeekend), "2031-01-06 is a Monday")
	assert.True(t, ve.Has("Workdays[1]", gongwei.CodeOutOfRange), "wrong year")
}

func TestShippedYears(t *testing.T) {
	assert.Equal(t, []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, DefaultCalendar().Years())
	for _, a := range Arrangements {
		require.NoError(t, a.Validate(), a.Year)
		src, ok := DefaultCalendar().Source(a.Year)
		assert.True(t, ok)
		assert.Contains(t, src, "部分节假日安排的通知")
	}
	// Days off per year that fall on weekdays, counted by hand from the notices.
	weekdaysOff := map[int]int{}
	for _, a := range Arrangements {
		for _, h := range a.Holidays {
			if wd := h.Weekday(); wd != 0 && wd != 6 {
				weekdaysOff[a.Year]++
			}
		}
	}
	// 2025: 1.1; 1.28–1.31, 2.3–2.4; 4.4; 5.1–5.2, 5.5; 6.2; 10.1–10.3, 10.6–10.8 = 1+6+1+3+1+6 = 18.
	assert.Equal(t, 18, weekdaysOff[2025])
	// 2024: 1.1; 2.12–2.16; 4.4–4.5; 5.1–5.3; 6.10; 9.16–9.17; 10.1–10.4, 10.7 = 1+5+2+3+1+2+5 = 19.
	assert.Equal(t, 19, weekdaysOff[2024])
}
