package gongwei

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date in the proleptic Gregorian calendar: a year, month and day with no
// time of day and no time zone. Birth dates, visit dates and due dates are Dates.
//
// The zero Date is not a real date: it means "not recorded" (IsZero reports true, String
// returns ""). Dates are comparable with == and usable as map keys; they are ordered by
// [Date.Compare], [Date.Before] and [Date.After]. Years 1 to 9999 are representable.
type Date struct {
	// n is the day number counted from 0001-01-01 = 1, so that the zero value is invalid.
	n int32
}

const (
	minYear = 1
	maxYear = 9999
)

// errDate is the root of date parsing errors; it wraps ErrInvalid.
var errDate = fmt.Errorf("%w: date", ErrInvalid)

// daysFromCivil returns the day number of y-m-d counted from 1970-01-01 = 0
// (Howard Hinnant's days_from_civil algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// epochOffset converts between the 1970-based day count and Date.n.
var epochOffset = 1 - daysFromCivil(1, 1, 1)

// IsLeapYear reports whether year is a leap year in the Gregorian calendar.
func IsLeapYear(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// DaysIn returns the number of days in the given month of year.
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if IsLeapYear(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// NewDate returns the date year-month-day. It fails with an error wrapping [ErrInvalid]
// when the date does not exist (2023-02-29) or lies outside years 1 to 9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, fmt.Errorf("%w: year out of range", errDate)
	}
	if month < time.January || month > time.December {
		return Date{}, fmt.Errorf("%w: month out of range", errDate)
	}
	if day < 1 || day > DaysIn(year, month) {
		return Date{}, fmt.Errorf("%w: day out of range", errDate)
	}
	return Date{n: int32(daysFromCivil(year, int(month), day) + epochOffset)}, nil
}

// MustDate is like [NewDate] but panics on an impossible date. It is meant for constants
// in tests, examples and rule tables.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return MustDate(y, m, d)
}

// ParseDate parses a civil date written as YYYY-MM-DD (ISO 8601 / GB/T 7408 extended form)
// or as the 8 digits YYYYMMDD that the paper forms use. Full-width digits and surrounding
// spaces, as typed through Chinese input methods, are accepted. An impossible date such
// as 2023-02-29 is an error wrapping [ErrInvalid]; the error does not repeat the input.
func ParseDate(s string) (Date, error) {
	s = NormalizeCode(s)
	var ys, ms, ds string
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		ys, ms, ds = s[0:4], s[5:7], s[8:10]
	case len(s) == 8:
		ys, ms, ds = s[0:4], s[4:6], s[6:8]
	default:
		return Date{}, fmt.Errorf("%w: want YYYY-MM-DD", errDate)
	}
	y, ok1 := atoiDigits(ys)
	m, ok2 := atoiDigits(ms)
	d, ok3 := atoiDigits(ds)
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w: want YYYY-MM-DD", errDate)
	}
	return NewDate(y, time.Month(m), d)
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// atoiDigits parses a string of ASCII digits only (no sign, no spaces).
func atoiDigits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date ("not recorded").
func (d Date) IsZero() bool { return d.n == 0 }

// Date returns the year, month and day of d. For the zero Date it returns 0, 0, 0.
func (d Date) Date() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	y, m, dd := civilFromDays(int(d.n) - epochOffset)
	return y, time.Month(m), dd
}

// Year returns d's year.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns d's month.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns d's day of the month.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns the day of the week of d. The zero Date reports time.Sunday.
func (d Date) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	// 1970-01-01 was a Thursday.
	w := (int(d.n) - epochOffset + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	y, m, dd := d.Date()
	var b [10]byte
	b[0] = byte('0' + y/1000)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + int(m)/10)
	b[6] = byte('0' + int(m)%10)
	b[7] = '-'
	b[8] = byte('0' + dd/10)
	b[9] = byte('0' + dd%10)
	return string(b[:])
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if d is after e.
// The zero Date sorts before every real date.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// AddDays returns the date n days after d (before d when n is negative). The zero Date
// stays zero.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	return Date{n: d.n + int32(n)}
}

// AddMonths returns the date n calendar months after d (before d when n is negative). When
// the target month is shorter, the day is clamped to its last day, so that
// 2024-01-31 + 1 month = 2024-02-29 and 2023-01-31 + 1 month = 2023-02-28 (and not the
// first days of March that time.AddDate would give). The zero Date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.n == 0 {
		return d
	}
	y, m, dd := d.Date()
	total := y*12 + int(m) - 1 + n
	ny, nm := total/12, time.Month(total%12+1)
	if last := DaysIn(ny, nm); dd > last {
		dd = last
	}
	return MustDate(ny, nm, dd)
}

// AddYears returns the date n years after d with the same clamping as [Date.AddMonths]:
// 2024-02-29 + 1 year = 2025-02-28.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// DaysUntil returns the number of days from d to e: positive when e is after d. Both
// dates must be set.
func (d Date) DaysUntil(e Date) int { return int(e.n - d.n) }

// DaysSince returns the number of days from e to d: positive when d is after e.
func (d Date) DaysSince(e Date) int { return int(d.n - e.n) }

// AgeDays returns the age in days on date on of a person born on d: 0 on the day of birth.
func (d Date) AgeDays(on Date) int { return d.DaysUntil(on) }

// AgeMonths returns the age in completed months (足月龄) on date on of a person born on d:
// the largest n with d.AddMonths(n) on or before on. With the month-end clamping of
// AddMonths a child born on 31 January completes its first month on the last day of
// February. A date before birth gives a negative number.
func (d Date) AgeMonths(on Date) int {
	y1, m1, _ := d.Date()
	y2, m2, _ := on.Date()
	n := (y2-y1)*12 + int(m2) - int(m1)
	// d.AddMonths(n) falls in on's month; if it is later in that month, the last month
	// is not yet complete.
	if d.AddMonths(n).After(on) {
		n--
	}
	return n
}

// AgeYears returns the age in completed years (周岁) on date on of a person born on d:
// the largest n with d.AddYears(n) on or before on. A person born on 29 February
// completes a year on 28 February of a common year.
func (d Date) AgeYears(on Date) int {
	m := d.AgeMonths(on)
	if m < 0 {
		return -((-m + 11) / 12)
	}
	return m / 12
}

// MarshalText encodes d as YYYY-MM-DD; the zero Date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes YYYY-MM-DD (or YYYYMMDD); empty text decodes to the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON encodes d as a JSON string "YYYY-MM-DD", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(d.String())), nil
}

// UnmarshalJSON decodes a JSON string "YYYY-MM-DD", or null / "" as the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if s, ok := plainJSONString(b); ok {
		return d.UnmarshalText(s)
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%w: want a JSON string", errDate)
	}
	return d.UnmarshalText([]byte(s))
}

// plainJSONString returns the content of b when b is a JSON string of printable ASCII
// without escapes (as MarshalJSON writes a date), which decodes to exactly those bytes:
// decoding it needs no JSON decoder.
func plainJSONString(b []byte) ([]byte, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil, false
	}
	s := b[1 : len(b)-1]
	for _, c := range s {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return nil, false
		}
	}
	return s, true
}

// Value implements database/sql/driver.Valuer: the text YYYY-MM-DD, or NULL for the zero
// Date. Text keeps dates portable across SQLite and PostgreSQL (which casts it to date).
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan implements database/sql.Scanner. It accepts NULL, text or bytes in YYYY-MM-DD form
// (a longer timestamp text is cut to its date part) and time.Time (its civil date).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = DateOf(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return errors.Join(errDate, fmt.Errorf("cannot scan %T into Date", src))
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 && s[4] == '-' {
		s = s[:10]
	}
	return d.UnmarshalText([]byte(s))
}
