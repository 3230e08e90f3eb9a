package gongwei

import (
	"fmt"
	"time"
)

// Period is a half-open range of civil dates [Start, End): Start is included, End is not.
// Indicator periods (a year, a quarter, a month) are Periods, so consecutive periods
// never overlap and a date belongs to exactly one of them.
type Period struct {
	Start Date // first day included
	End   Date // first day no longer included
}

// Year returns the calendar year y as a Period: [y-01-01, (y+1)-01-01).
//
// Periods saturate at the ends of the representable range, as Date arithmetic does: a
// year before 1 is taken as year 1 and a year after 9999 as year 9999, and since
// 10000-01-01 cannot be represented the End of Year(9999) is [MaxDate], 9999-12-31,
// which that period therefore does not contain. The same holds for [Quarter] and
// [Month] at the end of year 9999.
func Year(y int) Period {
	start := firstOfMonth(y, time.January)
	return Period{Start: start, End: start.AddYears(1)}
}

// firstOfMonth returns the first day of month m of year y, with y clamped to 1..9999 and
// m to January..December.
func firstOfMonth(y int, m time.Month) Date {
	y = max(minYear, min(maxYear, y))
	m = max(time.January, min(time.December, m))
	return Date{n: int32(daysFromCivil(y, int(m), 1) + epochOffset)}
}

// Quarter returns quarter q (1 to 4) of year y. It panics if q is outside 1 to 4: q is
// meant to be a constant or a loop variable, never input. Years saturate as in [Year].
func Quarter(y, q int) Period {
	if q < 1 || q > 4 {
		panic(fmt.Sprintf("gongwei: quarter %d out of range 1-4", q))
	}
	start := firstOfMonth(y, time.Month(3*(q-1)+1))
	return Period{Start: start, End: start.AddMonths(3)}
}

// Month returns month m of year y. A month outside January to December is taken as the
// nearer of the two; years saturate as in [Year].
func Month(y int, m time.Month) Period {
	start := firstOfMonth(y, m)
	return Period{Start: start, End: start.AddMonths(1)}
}

// Days returns the half-open period of n days starting on start. The End saturates as
// [Date.AddDays] does.
func Days(start Date, n int) Period { return Period{Start: start, End: start.AddDays(n)} }

// Contains reports whether d lies in p: Start <= d < End. The zero Date is in no period.
func (p Period) Contains(d Date) bool {
	return !d.IsZero() && !d.Before(p.Start) && d.Before(p.End)
}

// Admits reports whether d lies in p as the stores' filters select by a period: Start <=
// d < End, a zero bound leaving that end open (so the zero Period admits every date).
func (p Period) Admits(d Date) bool {
	return (p.Start.IsZero() || !d.Before(p.Start)) && (p.End.IsZero() || d.Before(p.End))
}

// Len returns the number of days in p.
func (p Period) Len() int { return p.Start.DaysUntil(p.End) }

// IsValid reports whether both bounds are set and Start is before End.
func (p Period) IsValid() bool {
	return !p.Start.IsZero() && !p.End.IsZero() && p.Start.Before(p.End)
}

// Last returns the last day included in p (End - 1 day).
func (p Period) Last() Date { return p.End.AddDays(-1) }

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	return p.Start.Before(q.End) && q.Start.Before(p.End)
}

// String returns p as "[Start, End)".
func (p Period) String() string { return "[" + p.Start.String() + ", " + p.End.String() + ")" }
