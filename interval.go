package gongwei

import "fmt"

// Interval is an age or a span of calendar time in months and days, the unit the
// national rules count in ("满8月龄", "every 3 months", "within 14 days"): a date plus an
// Interval is date.AddMonths(Months).AddDays(Days), months first with AddMonths'
// month-end clamping, so 8 months of a child born on 31 January 2024 end on 30
// September 2024 (immunization.md §2.4 item 3). The zero Interval is "none". The
// follow-up intervals of chronic-disease management (chronic.Interval) and the ages and
// intervals of the immunization schedule (immunization.Span) are this type.
type Interval struct {
	Months int
	Days   int
}

// IsZero reports whether i is the zero Interval ("none").
func (i Interval) IsZero() bool { return i.Months == 0 && i.Days == 0 }

// From returns d plus i. The zero Date stays zero.
func (i Interval) From(d Date) Date {
	if i.Months != 0 {
		d = d.AddMonths(i.Months)
	}
	if i.Days != 0 {
		d = d.AddDays(i.Days)
	}
	return d
}

// After returns the date the interval ends when it starts on d: d plus i, as From.
func (i Interval) After(d Date) Date { return i.From(d) }

// String writes i as "18m", "28d", "6y", "1m7d" or "0".
func (i Interval) String() string {
	switch {
	case i.IsZero():
		return "0"
	case i.Days == 0 && i.Months%12 == 0:
		return fmt.Sprintf("%dy", i.Months/12)
	case i.Days == 0:
		return fmt.Sprintf("%dm", i.Months)
	case i.Months == 0:
		return fmt.Sprintf("%dd", i.Days)
	}
	return fmt.Sprintf("%dm%dd", i.Months, i.Days)
}
