package gongwei_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireDateError asserts that err is a *gongwei.DateError wrapping gongwei.ErrInvalid.
func requireDateError(t *testing.T, err error) *gongwei.DateError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	var de *gongwei.DateError
	require.ErrorAs(t, err, &de)
	return de
}

// TestDateEndsOfRange: arithmetic saturates at 0001-01-01 and 9999-12-31, the checked
// variants report it, and every result prints as text that parses back.
func TestDateEndsOfRange(t *testing.T) {
	d := gongwei.MustParseDate
	assert.Equal(t, "0001-01-01", gongwei.MinDate.String())
	assert.Equal(t, "9999-12-31", gongwei.MaxDate.String())
	tests := []struct {
		name  string
		got   gongwei.Date
		want  string
		check func() (gongwei.Date, error)
		fails bool
	}{
		{"AddMonths past 9999", d("9999-12-01").AddMonths(1), "9999-12-31", func() (gongwei.Date, error) { return d("9999-12-01").AddMonthsChecked(1) }, true},
		{"AddMonths to the last month", d("9999-11-30").AddMonths(1), "9999-12-30", func() (gongwei.Date, error) { return d("9999-11-30").AddMonthsChecked(1) }, false},
		{"AddMonths before year 1", d("0001-01-31").AddMonths(-1), "0001-01-01", func() (gongwei.Date, error) { return d("0001-01-31").AddMonthsChecked(-1) }, true},
		{"AddMonths by MaxInt", d("2024-01-31").AddMonths(math.MaxInt), "9999-12-31", func() (gongwei.Date, error) { return d("2024-01-31").AddMonthsChecked(math.MaxInt) }, true},
		{"AddMonths by MinInt", d("2024-01-31").AddMonths(math.MinInt), "0001-01-01", func() (gongwei.Date, error) { return d("2024-01-31").AddMonthsChecked(math.MinInt) }, true},
		{"AddYears past 9999", d("9990-02-28").AddYears(10), "9999-12-31", func() (gongwei.Date, error) { return d("9990-02-28").AddYearsChecked(10) }, true},
		{"AddYears by MaxInt", d("2024-02-29").AddYears(math.MaxInt), "9999-12-31", func() (gongwei.Date, error) { return d("2024-02-29").AddYearsChecked(math.MaxInt) }, true},
		{"AddYears to 9999", d("2024-02-29").AddYears(7975), "9999-02-28", func() (gongwei.Date, error) { return d("2024-02-29").AddYearsChecked(7975) }, false},
		{"AddDays past 9999", d("9999-12-31").AddDays(1), "9999-12-31", func() (gongwei.Date, error) { return d("9999-12-31").AddDaysChecked(1) }, true},
		{"AddDays far out", d("2024-01-01").AddDays(10_000_000), "9999-12-31", func() (gongwei.Date, error) { return d("2024-01-01").AddDaysChecked(10_000_000) }, true},
		{"AddDays by MaxInt", d("2024-01-01").AddDays(math.MaxInt), "9999-12-31", func() (gongwei.Date, error) { return d("2024-01-01").AddDaysChecked(math.MaxInt) }, true},
		{"AddDays by MinInt", d("2024-01-01").AddDays(math.MinInt), "0001-01-01", func() (gongwei.Date, error) { return d("2024-01-01").AddDaysChecked(math.MinInt) }, true},
		{"AddDays before year 1", d("0001-01-05").AddDays(-5), "0001-01-01", func() (gongwei.Date, error) { return d("0001-01-05").AddDaysChecked(-5) }, true},
		{"AddDays to the first day", d("0001-01-05").AddDays(-4), "0001-01-01", func() (gongwei.Date, error) { return d("0001-01-05").AddDaysChecked(-4) }, false},
		{"AddDays across the range", gongwei.MinDate.AddDays(3652058), "9999-12-31", func() (gongwei.Date, error) { return gongwei.MinDate.AddDaysChecked(3652058) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got.String())
			back, err := gongwei.ParseDate(tc.got.String())
			require.NoError(t, err)
			assert.Equal(t, tc.got, back)
			c, err := tc.check()
			assert.Equal(t, tc.got, c, "the checked variant returns the saturated date")
			if tc.fails {
				de := requireDateError(t, err)
				assert.Equal(t, "add", de.Op)
			} else {
				require.NoError(t, err)
			}
		})
	}
	// The zero Date stays zero, without error.
	for _, f := range []func() (gongwei.Date, error){
		func() (gongwei.Date, error) { return gongwei.Date{}.AddDaysChecked(math.MaxInt) },
		func() (gongwei.Date, error) { return gongwei.Date{}.AddMonthsChecked(math.MinInt) },
		func() (gongwei.Date, error) { return gongwei.Date{}.AddYearsChecked(1) },
	} {
		z, err := f()
		require.NoError(t, err)
		assert.True(t, z.IsZero())
	}
	assert.True(t, gongwei.Date{}.AddMonths(12).IsZero())
}

// TestDateZeroAges: ages and day counts with a zero date are 0, not a panic.
func TestDateZeroAges(t *testing.T) {
	b := gongwei.MustParseDate("2020-05-01")
	var zero gongwei.Date
	for name, got := range map[string]int{
		"AgeYears of a zero date":     b.AgeYears(zero),
		"AgeYears of a zero birth":    zero.AgeYears(b),
		"AgeMonths of a zero date":    b.AgeMonths(zero),
		"AgeMonths of a zero birth":   zero.AgeMonths(b),
		"AgeDays of a zero date":      b.AgeDays(zero),
		"DaysUntil a zero date":       b.DaysUntil(zero),
		"DaysUntil from a zero date":  zero.DaysUntil(b),
		"DaysSince a zero date":       b.DaysSince(zero),
		"DaysUntil between two zeros": zero.DaysUntil(zero),
	} {
		assert.Equal(t, 0, got, name)
	}
	// Across the whole range: 9998 completed years, 119987 completed months.
	assert.Equal(t, 9998, gongwei.MinDate.AgeYears(gongwei.MaxDate))
	assert.Equal(t, 119987, gongwei.MinDate.AgeMonths(gongwei.MaxDate))
	assert.Equal(t, -9999, gongwei.MaxDate.AgeYears(gongwei.MinDate))
	assert.Equal(t, 3652058, gongwei.MinDate.DaysUntil(gongwei.MaxDate))
	// Born on the last day: 0 on it.
	assert.Equal(t, 0, gongwei.MaxDate.AgeMonths(gongwei.MaxDate))
}

// TestDateOfOutOfRange: DateOf saturates; DateOfTime and Scan refuse with a DateError.
func TestDateOfOutOfRange(t *testing.T) {
	y10000 := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	y0 := time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, gongwei.MaxDate, gongwei.DateOf(y10000))
	assert.Equal(t, gongwei.MinDate, gongwei.DateOf(y0))
	assert.Equal(t, "9999-12-31", gongwei.DateOf(time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)).String())
	for _, tm := range []time.Time{y10000, y0, time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		_, err := gongwei.DateOfTime(tm)
		de := requireDateError(t, err)
		assert.Equal(t, "convert", de.Op)
	}
	// Scan of a year-0 or year-10000 time (a driver may hand one over) fails and leaves
	// the date as it was.
	for _, tm := range []time.Time{y0, y10000, time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		got := gongwei.MustParseDate("2024-02-29")
		de := requireDateError(t, got.Scan(tm))
		assert.Equal(t, "scan", de.Op)
		assert.Equal(t, "2024-02-29", got.String())
	}
	var got gongwei.Date
	require.NoError(t, got.Scan(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, gongwei.MinDate, got)
}

// TestDateDecodingRefusesWhatItCannotRepresent: text, JSON and SQL decoding refuse years
// outside 1..9999 and malformed text with a DateError.
func TestDateDecodingRefusesWhatItCannotRepresent(t *testing.T) {
	for _, s := range []string{"0000-12-31", "10000-01-01", "-0001-01-01", "99991231x", "2024-02-29x", "+2024-02-29", "infinity"} {
		var d gongwei.Date
		requireDateError(t, d.UnmarshalText([]byte(s)))
		requireDateError(t, d.UnmarshalJSON([]byte(`"`+s+`"`)))
		requireDateError(t, d.Scan(s))
		requireDateError(t, d.Scan([]byte(s)))
		assert.True(t, d.IsZero(), s)
	}
	var d gongwei.Date
	de := requireDateError(t, d.UnmarshalJSON([]byte(`20240229`)))
	assert.Equal(t, "decode", de.Op)
	// Timestamps keep their date; a text that only starts like one is refused.
	for _, s := range []string{"2024-02-29T08:00:00Z", "2024-02-29 08:00:00+08", "2024-02-29 00:00:00.123456-07:30"} {
		require.NoError(t, d.Scan(s), s)
		assert.Equal(t, "2024-02-29", d.String())
	}
	for _, s := range []string{"2024-02-29garbage", "2024-02-29 BC", "2024-02-29T08:00:00 王"} {
		requireDateError(t, d.Scan(s))
	}
	// Another type: a typed error, naming the type, not the value.
	de = requireDateError(t, d.Scan(int64(20240229)))
	assert.NotContains(t, de.Error(), "20240229")
}

// TestParseDateStrict: only YYYY-MM-DD or YYYYMMDD, full-width forms and surrounding
// white space; no separators, spaces or hyphens inside the 8-digit form.
func TestParseDateStrict(t *testing.T) {
	for _, s := range []string{"2-0-2-5-0-3-0-1", "20 25 03 01", "2025 03 01", "2025-0301", "202503-01",
		"2025\n0301", "2025-03-\n01", "20250301-", "-20250301", "2025/03/01", "2025.03.01", "2025-03-01\x00",
		"\x002025-03-01", "2025\u200b0301", "２０２５ ０３ ０１", "+2025-03-01"} {
		_, err := gongwei.ParseDate(s)
		de := requireDateError(t, err)
		assert.Equal(t, "parse", de.Op)
		assert.False(t, strings.Contains(err.Error(), s), "the error does not repeat the input")
	}
	for s, want := range map[string]string{
		"20250301":               "2025-03-01",
		"\t2025-03-01\n":         "2025-03-01",
		"\u30002025-03-01\u3000": "2025-03-01",
		"２０２５０３０１":               "2025-03-01",
		"２０２５－０３－０１":             "2025-03-01",
		"0001-01-01":             "0001-01-01",
		"99991231":               "9999-12-31",
	} {
		got, err := gongwei.ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got.String())
	}
}

// TestPeriodsAtTheEnds: periods of years 1 and 9999 are built without a panic; the End of
// year 9999 saturates at its last day.
func TestPeriodsAtTheEnds(t *testing.T) {
	p := gongwei.Year(9999)
	assert.Equal(t, "[9999-01-01, 9999-12-31)", p.String())
	assert.True(t, p.IsValid())
	assert.Equal(t, "[9999-12-01, 9999-12-31)", gongwei.Month(9999, time.December).String())
	assert.Equal(t, "[9999-10-01, 9999-12-31)", gongwei.Quarter(9999, 4).String())
	assert.Equal(t, "[0001-01-01, 0002-01-01)", gongwei.Year(0).String())
	assert.Equal(t, "[9999-01-01, 9999-12-31)", gongwei.Year(12000).String())
	assert.Equal(t, "[2024-12-01, 2025-01-01)", gongwei.Month(2024, 13).String())
	assert.Equal(t, "[9999-12-30, 9999-12-31)", gongwei.Days(gongwei.MustParseDate("9999-12-30"), 5).String())
}

// TestNormalizeCodeWhiteSpace: every Unicode white space is removed wherever it stands,
// and control and format characters are kept, whatever else the code holds.
func TestNormalizeCodeWhiteSpace(t *testing.T) {
	const code = "11010519491231002x"
	const want = "11010519491231002X"
	spaces := []string{" ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2028", "\u3000", "\r\n"}
	for _, sp := range spaces {
		for i := 0; i <= len(code); i++ {
			for _, c := range []string{code, strings.ToUpper(code)} {
				in := c[:i] + sp + c[i:]
				assert.Equal(t, want, gongwei.NormalizeCode(in), "%q", in)
			}
		}
	}
	// Control and format characters are kept, so a parser refuses the code.
	for _, ctl := range []string{"\x00", "\x1b", "\x7f", "\u200b", "\ufeff"} {
		for i := 0; i <= len(want); i++ {
			in := want[:i] + ctl + want[i:]
			assert.Equal(t, in, gongwei.NormalizeCode(in), "%q", in)
		}
	}
	// Text that is not UTF-8 is left alone (trimmed only), so that it is refused; removing
	// the spaces would join the broken sequences into "９".
	assert.Equal(t, "1-2 \xff3", gongwei.NormalizeCode(" 1-2 \xff3"))
	assert.Equal(t, "\xef\xbc \x99", gongwei.NormalizeCode("\xef\xbc \x99"))
	assert.Equal(t, "ABC", gongwei.NormalizeCode(" a-b\nc "))
}

func TestDateErrorText(t *testing.T) {
	_, err := gongwei.ParseDate("2023-02-29")
	assert.Equal(t, "gongwei: invalid: date: parse: day out of range", err.Error())
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}
