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
func Year(y int) Period {
	return Period{Start: MustDate(y, time.January, 1), End: MustDate(y+1, time.January, 1)}
}

// Quarter returns quarter q (1 to 4) of year y. It panics if q is outside 1 to 4.
func Quarter(y, q int) Period {
	if q < 1 || q > 4 {
		panic(fmt.Sprintf("gongwei: quarter %d out of range 1-4", q))
	}
	start := MustDate(y, time.Month(3*(q-1)+1), 1)
	return Period{Start: start, End: start.AddMonths(3)}
}

// Month returns month m of year y.
func Month(y int, m time.Month) Period {
	start := MustDate(y, m, 1)
	return Period{Start: start, End: start.AddMonths(1)}
}

// Days returns the half-open period of n days starting on start.
func Days(start Date, n int) Period { return Period{Start: start, End: start.AddDays(n)} }

// Contains reports whether d lies in p: Start <= d < End. The zero Date is in no period.
func (p Period) Contains(d Date) bool {
	return !d.IsZero() && !d.Before(p.Start) && d.Before(p.End)
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
