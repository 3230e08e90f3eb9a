package supervision

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// ErrNoCalendar reports that a working-day computation reached a date in a year for which
// no holiday arrangement is known. The library does not guess (counting weekends only
// would silently give wrong deadlines in the weeks of the Spring Festival and the
// National Day): a host supplies the year's arrangement with [RegisterYear] once the
// State Council announces it. It wraps [gongwei.ErrNotFound].
var ErrNoCalendar = fmt.Errorf("supervision: no holiday arrangement for the year: %w", gongwei.ErrNotFound)

// NoCalendarError is the error of a working-day computation that reached a year without
// a holiday arrangement. It unwraps to [ErrNoCalendar] (and so to gongwei.ErrNotFound).
type NoCalendarError struct {
	// Year is the calendar year with no arrangement.
	Year int
}

// Error names the missing year.
func (e *NoCalendarError) Error() string {
	return fmt.Sprintf("supervision: no holiday arrangement for %d", e.Year)
}

// Unwrap returns [ErrNoCalendar].
func (e *NoCalendarError) Unwrap() error { return ErrNoCalendar }

// YearArrangement is one year's official holiday arrangement (节假日安排) as the General
// Office of the State Council announces it every autumn for the next year: the days off
// (放假, including weekdays taken off by 调休) and the make-up working days (调休上班,
// weekend days worked). Every other Saturday and Sunday is a day off and every other
// weekday a working day.
type YearArrangement struct {
	// Year is the calendar year the arrangement covers. Holidays and Workdays must lie in
	// it (a notice that starts the New Year holiday on 31 December of the year before
	// lists a weekend day, which needs no entry).
	Year int
	// Holidays are the days off that are not already Saturdays or Sundays, or all days
	// off: listing a weekend day off is harmless.
	Holidays []gongwei.Date
	// Workdays are the Saturdays and Sundays that are working days (调休上班).
	Workdays []gongwei.Date
	// Source names the notice: its title, number and date.
	Source string
}

// Validate checks that the year is plausible, that every date lies in it, and that no
// date is both a holiday and a make-up working day.
func (a YearArrangement) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.YearArrangement"
	ve.CheckRange("Year", float64(a.Year), 1949, 9999)
	ve.Check(a.Source != "", "Source", gongwei.CodeRequired)
	seen := map[gongwei.Date]bool{}
	for i, d := range a.Holidays {
		f := fmt.Sprintf("Holidays[%d]", i)
		ve.Check(!d.IsZero() && d.Year() == a.Year, f, gongwei.CodeOutOfRange, a.Year, a.Year)
		seen[d] = true
	}
	for i, d := range a.Workdays {
		f := fmt.Sprintf("Workdays[%d]", i)
		ve.Check(!d.IsZero() && d.Year() == a.Year, f, gongwei.CodeOutOfRange, a.Year, a.Year)
		wd := d.Weekday()
		ve.Check(wd == time.Saturday || wd == time.Sunday, f, CodeNotWeekend)
		ve.Check(!seen[d], f, gongwei.CodeDuplicate)
	}
	return ve.Err()
}

// dates turns "MM-DD" ranges of one year into dates; a helper for the tables below.
func dates(year int, spans ...[2]string) []gongwei.Date {
	var out []gongwei.Date
	for _, s := range spans {
		from := gongwei.MustParseDate(fmt.Sprintf("%d-%s", year, s[0]))
		to := from
		if s[1] != "" {
			to = gongwei.MustParseDate(fmt.Sprintf("%d-%s", year, s[1]))
		}
		for d := from; !d.After(to); d = d.AddDays(1) {
			out = append(out, d)
		}
	}
	return out
}

// day is a one-day span for dates.
func day(md string) [2]string { return [2]string{md, ""} }

// span is an inclusive span for dates.
func span(from, to string) [2]string { return [2]string{from, to} }

// Arrangements are the State Council's holiday arrangements shipped with the library,
// 2020 to 2026, each transcribed from the notice named in its Source (国务院办公厅关于
// XXXX年部分节假日安排的通知, as published by Xinhua and on gov.cn; the texts were checked
// against reposts of the notices in the project's search corpus). The reference files
// give none of these: nbphs-spec and plan-targets.md only require "working days"
// (plan-targets.md, 卫生监督协管: complaints answered within 5 working days, serious ones
// reported within 1).
//
// 2020 includes the extension of the Spring Festival holiday to 2 February (国务院办公厅
// 关于延长2020年春节假期的通知, 国办发明电〔2020〕1号, 26 January 2020), which cancelled
// the make-up working Saturday of 1 February. Hubei's longer provincial extension is not
// included: a province's own arrangement is a host's to register.
var Arrangements = []YearArrangement{
	{
		Year:   2020,
		Source: "国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019-11-21）；国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-26）",
		Holidays: dates(2020, day("01-01"), span("01-24", "02-02"), span("04-04", "04-06"),
			span("05-01", "05-05"), span("06-25", "06-27"), span("10-01", "10-08")),
		Workdays: dates(2020, day("01-19"), day("04-26"), day("05-09"), day("06-28"),
			day("09-27"), day("10-10")),
	},
	{
		Year:   2021,
		Source: "国务院办公厅关于2021年部分节假日安排的通知（2020-11-25）",
		Holidays: dates(2021, span("01-01", "01-03"), span("02-11", "02-17"), span("04-03", "04-05"),
			span("05-01", "05-05"), span("06-12", "06-14"), span("09-19", "09-21"), span("10-01", "10-07")),
		Workdays: dates(2021, day("02-07"), day("02-20"), day("04-25"), day("05-08"),
			day("09-18"), day("09-26"), day("10-09")),
	},
	{
		Year:   2022,
		Source: "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021-10-25）",
		Holidays: dates(2022, span("01-01", "01-03"), span("01-31", "02-06"), span("04-03", "04-05"),
			span("04-30", "05-04"), span("06-03", "06-05"), span("09-10", "09-12"), span("10-01", "10-07")),
		Workdays: dates(2022, day("01-29"), day("01-30"), day("04-02"), day("04-24"),
			day("05-07"), day("10-08"), day("10-09")),
	},
	{
		Year:   2023,
		Source: "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022-12-08）",
		// The New Year holiday began on Saturday 31 December 2022, a weekend day.
		Holidays: dates(2023, span("01-01", "01-02"), span("01-21", "01-27"), day("04-05"),
			span("04-29", "05-03"), span("06-22", "06-24"), span("09-29", "10-06")),
		Workdays: dates(2023, day("01-28"), day("01-29"), day("04-23"), day("05-06"),
			day("06-25"), day("10-07"), day("10-08")),
	},
	{
		Year:   2024,
		Source: "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）",
		// New Year's Eve of the lunar calendar (9 February) is only "encouraged" as a day
		// off, not a holiday: it is a working day here.
		Holidays: dates(2024, day("01-01"), span("02-10", "02-17"), span("04-04", "04-06"),
			span("05-01", "05-05"), day("06-10"), span("09-15", "09-17"), span("10-01", "10-07")),
		Workdays: dates(2024, day("02-04"), day("02-18"), day("04-07"), day("04-28"),
			day("05-11"), day("09-14"), day("09-29"), day("10-12")),
	},
	{
		Year:   2025,
		Source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）",
		Holidays: dates(2025, day("01-01"), span("01-28", "02-04"), span("04-04", "04-06"),
			span("05-01", "05-05"), span("05-31", "06-02"), span("10-01", "10-08")),
		Workdays: dates(2025, day("01-26"), day("02-08"), day("04-27"), day("09-28"), day("10-11")),
	},
	{
		Year:   2026,
		Source: "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）",
		Holidays: dates(2026, span("01-01", "01-03"), span("02-15", "02-23"), span("04-04", "04-06"),
			span("05-01", "05-05"), span("06-19", "06-21"), span("09-25", "09-27"), span("10-01", "10-07")),
		Workdays: dates(2026, day("01-04"), day("02-14"), day("02-28"), day("05-09"),
			day("09-20"), day("10-10")),
	},
}

// Calendar answers working-day questions from a set of yearly arrangements. The zero
// Calendar knows no year. A Calendar is safe for concurrent use; [DefaultCalendar] is
// the one the package-level functions use.
type Calendar struct {
	mu    sync.RWMutex
	years map[int]yearDays
}

type yearDays struct {
	off, on map[gongwei.Date]bool
	source  string
}

// NewCalendar returns a Calendar holding the given arrangements (none: an empty one).
func NewCalendar(years ...YearArrangement) (*Calendar, error) {
	c := &Calendar{}
	for _, y := range years {
		if err := c.Add(y); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Add adds or replaces the arrangement of y.Year, after validating it.
func (c *Calendar) Add(y YearArrangement) error {
	if err := y.Validate(); err != nil {
		return fmt.Errorf("supervision: calendar year: %w", err)
	}
	yd := yearDays{off: map[gongwei.Date]bool{}, on: map[gongwei.Date]bool{}, source: y.Source}
	for _, d := range y.Holidays {
		yd.off[d] = true
	}
	for _, d := range y.Workdays {
		yd.on[d] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.years == nil {
		c.years = map[int]yearDays{}
	}
	c.years[y.Year] = yd
	return nil
}

// Years lists the years the calendar knows, ascending.
func (c *Calendar) Years() []int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// Source returns the notice of year y's arrangement, and whether the year is known.
func (c *Calendar) Source(year int) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	yd, ok := c.years[year]
	return yd.source, ok
}

// IsWorkingDay reports whether d is a working day: a make-up working day, or a Monday to
// Friday that is not a holiday. It fails with a *NoCalendarError for a year the calendar
// does not know, and with an error wrapping gongwei.ErrInvalid for the zero Date.
func (c *Calendar) IsWorkingDay(d gongwei.Date) (bool, error) {
	if d.IsZero() {
		return false, errZeroDate
	}
	c.mu.RLock()
	yd, ok := c.years[d.Year()]
	c.mu.RUnlock()
	if !ok {
		return false, &NoCalendarError{Year: d.Year()}
	}
	if yd.on[d] {
		return true, nil
	}
	if yd.off[d] {
		return false, nil
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// AddWorkingDays returns the n-th working day after from: the day of receipt itself is
// not counted, as in Chinese administrative deadlines ("自收到之日起N个工作日内": with
// n = 5, a complaint received on a Friday before an ordinary weekend is due on the next
// Friday). n = 0 returns from itself. A negative n counts backwards (the n-th working day
// before from). It fails with a *NoCalendarError when the count reaches a year the
// calendar does not know.
func (c *Calendar) AddWorkingDays(from gongwei.Date, n int) (gongwei.Date, error) {
	if from.IsZero() {
		return gongwei.Date{}, errZeroDate
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	d := from
	for n > 0 {
		var err error
		if d, err = d.AddDaysChecked(step); err != nil {
			return gongwei.Date{}, err // past the end of the calendar
		}
		ok, err := c.IsWorkingDay(d)
		if err != nil {
			return gongwei.Date{}, err
		}
		if ok {
			n--
		}
	}
	return d, nil
}

// WorkingDaysBetween counts the working days after from up to and including to (0 when to
// is not after from): the number of working days an answer given on to took.
func (c *Calendar) WorkingDaysBetween(from, to gongwei.Date) (int, error) {
	if from.IsZero() || to.IsZero() {
		return 0, errZeroDate
	}
	n := 0
	for d := from; d.Before(to); {
		d = d.AddDays(1) // never saturates: d is before to
		ok, err := c.IsWorkingDay(d)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

var errZeroDate = fmt.Errorf("supervision: zero date: %w", gongwei.ErrInvalid)

var defaultCalendar = func() *Calendar {
	c, err := NewCalendar(Arrangements...)
	if err != nil {
		panic(err) // the shipped tables are tested
	}
	return c
}()

// DefaultCalendar returns the calendar of the package-level functions: the shipped
// [Arrangements] plus whatever a host added with [RegisterYear].
func DefaultCalendar() *Calendar { return defaultCalendar }

// RegisterYear adds (or replaces) a year's arrangement in the default calendar, for the
// years after those shipped (or a province's own arrangement).
func RegisterYear(y YearArrangement) error { return defaultCalendar.Add(y) }

// IsWorkingDay reports whether d is a working day under the State Council's holiday
// arrangements (see [Calendar.IsWorkingDay]; the default calendar). A year with no
// arrangement gives a *NoCalendarError wrapping [ErrNoCalendar].
func IsWorkingDay(d gongwei.Date) (bool, error) { return defaultCalendar.IsWorkingDay(d) }

// AddWorkingDays returns the n-th working day after from, the day of receipt itself not
// counted (see [Calendar.AddWorkingDays]; the default calendar). A year with no
// arrangement gives a *NoCalendarError wrapping [ErrNoCalendar].
func AddWorkingDays(from gongwei.Date, n int) (gongwei.Date, error) {
	return defaultCalendar.AddWorkingDays(from, n)
}

// isNoCalendar reports whether err is a missing-calendar error.
func isNoCalendar(err error) bool { return errors.Is(err, ErrNoCalendar) }
