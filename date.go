package gongwei

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
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

// The smallest and largest day numbers (Date.n) of the representable range.
var (
	minDayNumber = int64(1)
	maxDayNumber = int64(daysFromCivil(maxYear, 12, 31) + epochOffset)
)

// minDate and maxDate are the ends the arithmetic saturates at; the exported copies
// below are for callers (reassigning those changes nothing here).
var (
	minDate = Date{n: int32(minDayNumber)}
	maxDate = Date{n: int32(maxDayNumber)}
)

// MinDate is 0001-01-01, the first representable date.
var MinDate = minDate

// MaxDate is 9999-12-31, the last representable date.
var MaxDate = maxDate

// DateError reports a date that cannot be parsed, decoded, converted or represented: an
// impossible date (2023-02-29), malformed text, or a result outside years 1 to 9999. It
// unwraps to [ErrInvalid], so errors.Is(err, gongwei.ErrInvalid) holds. It never holds
// the input text.
type DateError struct {
	// Op is what was done: "parse", "decode", "scan", "convert", "add" or "new".
	Op string
	// Reason says what is wrong, in stable English words such as "year out of range".
	Reason string
}

// Error returns "gongwei: invalid: date: Op: Reason".
func (e *DateError) Error() string {
	return ErrInvalid.Error() + ": date: " + e.Op + ": " + e.Reason
}

// Unwrap returns [ErrInvalid].
func (e *DateError) Unwrap() error { return ErrInvalid }

// Reasons of a DateError.
const (
	reasonYear      = "year out of range"
	reasonMonth     = "month out of range"
	reasonDay       = "day out of range"
	reasonFormat    = "want YYYY-MM-DD"
	reasonRange     = "result outside 0001-01-01 to 9999-12-31"
	reasonJSON      = "want a JSON string"
	reasonTimestamp = "malformed time of day"
)

func dateError(op, reason string) error { return &DateError{Op: op, Reason: reason} }

// The day-number conversions below count from 1970-01-01 = 0 on the computational
// calendar of Neri and Schneider ("Euclidean affine functions and their application to
// calendar algorithms", Software: Practice and Experience 53(4), 2023): years start on
// 1 March, so that February's length only matters at a year's end, and each step is an
// unsigned multiplication and shift. They are exact for years 1 to 9999, the range of
// every caller (TestDateCivilEveryDay checks each day against the time package).

// marchZero is the 1970-based day number of 0000-03-01, where the computational calendar
// starts.
const marchZero = 719468

// daysFromCivil returns the day number of y-m-d counted from 1970-01-01 = 0, for years 1
// to 9999.
func daysFromCivil(y, m, d int) int {
	yy, mm := uint32(y), uint32(m)
	if mm <= 2 { // January and February end the computational year before
		yy--
		mm += 12
	}
	c := yy / 100
	n := 1461*yy/4 - c + c/4 + (979*mm-2919)/32 + uint32(d) - 1
	return int(n) - marchZero
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	n1 := 4*uint32(z+marchZero) + 3
	c := n1 / 146097              // centuries since 0000-03-01
	n2 := 4*(n1%146097/4) + 3     // the day of the century, scaled
	p := 2939745 * uint64(n2)     // the year of the century in the high half,
	ny := uint32(p) / 2939745 / 4 // the day of that year from the low half
	yy := 100*c + uint32(p>>32)
	n3 := 2141*ny + 197913
	mm, dd := n3>>16, (n3&0xffff)/2141
	if ny >= 306 { // January or February: the next civil year
		yy++
		mm -= 12
	}
	return int(yy), int(mm), int(dd) + 1
}

// epochOffset converts between the 1970-based day count and Date.n: 0001-01-01 is day
// -719162 of the one and day 1 of the other.
const epochOffset = 719163

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
//
// The error is a *[DateError].
func NewDate(year int, month time.Month, day int) (Date, error) {
	return newDate("new", year, month, day)
}

func newDate(op string, year int, month time.Month, day int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, dateError(op, reasonYear)
	}
	if month < time.January || month > time.December {
		return Date{}, dateError(op, reasonMonth)
	}
	if day < 1 || day > DaysIn(year, month) {
		return Date{}, dateError(op, reasonDay)
	}
	return Date{n: int32(daysFromCivil(year, int(month), day) + epochOffset)}, nil
}

// MustDate is like [NewDate] but panics on an impossible date. It is meant for constants
// in tests, examples and rule tables; the library never calls it on a computed value.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location. A time before year 1 gives
// [MinDate] (0001-01-01) and a time after year 9999 gives [MaxDate] (9999-12-31): the
// result saturates at the ends of the representable range. Use [DateOfTime] to learn
// that t was out of range.
func DateOf(t time.Time) Date {
	d, err := DateOfTime(t)
	if err != nil {
		if t.Year() < minYear {
			return minDate
		}
		return maxDate
	}
	return d
}

// DateOfTime returns the civil date of t in t's own location, or a *[DateError] wrapping
// [ErrInvalid] when that date lies outside years 1 to 9999.
func DateOfTime(t time.Time) (Date, error) {
	y, m, d := t.Date()
	return newDate("convert", y, m, d)
}

// ParseDate parses a civil date written as YYYY-MM-DD (ISO 8601 / GB/T 7408 extended form)
// or as the 8 digits YYYYMMDD that the paper forms use, and nothing else: no other
// separators, no spaces or hyphens inside the 8-digit form, no sign. Full-width digits and
// hyphens (typed through Chinese input methods; they are folded to ASCII by [Normalize])
// and white space before or after the date are accepted. The year is 0001 to 9999. An
// impossible date such as 2023-02-29 or malformed text is a *[DateError] wrapping
// [ErrInvalid]; the error does not repeat the input.
func ParseDate(s string) (Date, error) {
	return parseDate("parse", s)
}

func parseDate(op, s string) (Date, error) {
	s = Normalize(s)
	var ys, ms, ds string
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		ys, ms, ds = s[0:4], s[5:7], s[8:10]
	case len(s) == 8:
		ys, ms, ds = s[0:4], s[4:6], s[6:8]
	default:
		return Date{}, dateError(op, reasonFormat)
	}
	y, ok1 := atoiDigits(ys)
	m, ok2 := atoiDigits(ms)
	d, ok3 := atoiDigits(ds)
	if !ok1 || !ok2 || !ok3 {
		return Date{}, dateError(op, reasonFormat)
	}
	return newDate(op, y, time.Month(m), d)
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
	var b [10]byte
	return string(d.appendISO(b[:0]))
}

// appendISO appends d (not the zero Date) as YYYY-MM-DD to b.
func (d Date) appendISO(b []byte) []byte {
	y, m, dd := d.Date()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
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
// stays zero. The result saturates at the ends of the representable range: a result
// before 0001-01-01 is [MinDate] and one after 9999-12-31 is [MaxDate]. Use
// [Date.AddDaysChecked] to learn that it did.
func (d Date) AddDays(n int) Date {
	r, _ := d.AddDaysChecked(n)
	return r
}

// AddDaysChecked is like [Date.AddDays] but also returns a *[DateError] wrapping
// [ErrInvalid] when the result lies outside years 1 to 9999; the Date returned with the
// error is the saturated one. The zero Date stays zero, without error.
func (d Date) AddDaysChecked(n int) (Date, error) {
	if d.n == 0 {
		return d, nil
	}
	// n is clamped first so that the sum cannot overflow.
	v := int64(d.n) + clampSpan(n, maxDayNumber)
	if r, err := saturate(v, minDayNumber, maxDayNumber); err != nil {
		return r, err
	}
	return Date{n: int32(v)}, nil
}

// clampSpan returns n limited to [-span, span], so that adding it to a count of days
// or months in range cannot overflow.
func clampSpan(n int, span int64) int64 {
	return max(-span, min(int64(n), span))
}

// saturate returns, when v lies outside [lo, hi], the saturated Date ([MinDate] below,
// [MaxDate] above) with the range error of an add; a nil error when v is in range.
func saturate(v, lo, hi int64) (Date, error) {
	switch {
	case v < lo:
		return minDate, dateError("add", reasonRange)
	case v > hi:
		return maxDate, dateError("add", reasonRange)
	}
	return Date{}, nil
}

// AddMonths returns the date n calendar months after d (before d when n is negative). When
// the target month is shorter, the day is clamped to its last day, so that
// 2024-01-31 + 1 month = 2024-02-29 and 2023-01-31 + 1 month = 2023-02-28 (and not the
// first days of March that time.AddDate would give). The zero Date stays zero. The
// result saturates at the ends of the representable range: a month before January of
// year 1 gives [MinDate] and one after December 9999 gives [MaxDate]. Use
// [Date.AddMonthsChecked] to learn that it did.
func (d Date) AddMonths(n int) Date {
	r, _ := d.AddMonthsChecked(n)
	return r
}

// AddMonthsChecked is like [Date.AddMonths] but also returns a *[DateError] wrapping
// [ErrInvalid] when the target month lies outside years 1 to 9999; the Date returned
// with the error is the saturated one. The zero Date stays zero, without error.
func (d Date) AddMonthsChecked(n int) (Date, error) {
	if d.n == 0 {
		return d, nil
	}
	y, m, dd := d.Date()
	total := int64(y)*12 + int64(m) - 1 + clampSpan(n, int64(maxYear+1)*12)
	if r, err := saturate(total, minYear*12, maxYear*12+11); err != nil {
		return r, err
	}
	ny, nm := int(total/12), time.Month(total%12+1)
	if last := DaysIn(ny, nm); dd > last {
		dd = last
	}
	return Date{n: int32(daysFromCivil(ny, int(nm), dd) + epochOffset)}, nil
}

// AddYears returns the date n years after d with the same clamping as [Date.AddMonths]:
// 2024-02-29 + 1 year = 2025-02-28. It saturates as AddMonths does.
func (d Date) AddYears(n int) Date {
	r, _ := d.AddYearsChecked(n)
	return r
}

// AddYearsChecked is like [Date.AddYears] but also returns a *[DateError] wrapping
// [ErrInvalid] when the result lies outside years 1 to 9999 (see
// [Date.AddMonthsChecked]).
func (d Date) AddYearsChecked(n int) (Date, error) {
	const limit = maxYear + 1
	switch {
	case n > limit:
		n = limit
	case n < -limit:
		n = -limit
	}
	return d.AddMonthsChecked(12 * n)
}

// DaysUntil returns the number of days from d to e: positive when e is after d. When
// either date is zero ("not recorded") it returns 0.
func (d Date) DaysUntil(e Date) int {
	if d.n == 0 || e.n == 0 {
		return 0
	}
	return int(e.n - d.n)
}

// DaysSince returns the number of days from e to d: positive when d is after e. When
// either date is zero it returns 0.
func (d Date) DaysSince(e Date) int { return e.DaysUntil(d) }

// AgeDays returns the age in days on date on of a person born on d: 0 on the day of birth.
// When either date is zero it returns 0.
func (d Date) AgeDays(on Date) int { return d.DaysUntil(on) }

// AgeMonths returns the age in completed months (足月龄) on date on of a person born on d:
// the largest n with d.AddMonths(n) on or before on. With the month-end clamping of
// AddMonths a child born on 31 January completes its first month on the last day of
// February. A date before birth gives a negative number. When either date is zero it
// returns 0.
func (d Date) AgeMonths(on Date) int {
	if d.n == 0 || on.n == 0 {
		return 0
	}
	y1, m1, _ := d.Date()
	y2, m2, _ := on.Date()
	n := (y2-y1)*12 + int(m2) - int(m1)
	// d.AddMonths(n) falls in on's month, which is representable, so it never
	// saturates; if it is later in that month, the last month is not yet complete.
	if d.AddMonths(n).After(on) {
		n--
	}
	return n
}

// AgeYears returns the age in completed years (周岁) on date on of a person born on d:
// the largest n with d.AddYears(n) on or before on. A person born on 29 February
// completes a year on 28 February of a common year. When either date is zero it
// returns 0.
func (d Date) AgeYears(on Date) int {
	m := d.AgeMonths(on)
	if m < 0 {
		return -((-m + 11) / 12)
	}
	return m / 12
}

// MarshalText encodes d as YYYY-MM-DD; the zero Date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes what [ParseDate] accepts; empty text decodes to the zero Date.
// Anything else, including a date outside years 1 to 9999, is a *[DateError] wrapping
// [ErrInvalid], and d is left unchanged.
func (d *Date) UnmarshalText(b []byte) error {
	return d.decodeText("decode", string(b))
}

func (d *Date) decodeText(op, s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := parseDate(op, s)
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
	// The ISO text needs no escaping: quote it in one allocation.
	b := make([]byte, 0, 12)
	return append(d.appendISO(append(b, '"')), '"'), nil
}

// UnmarshalJSON decodes a JSON string holding what [ParseDate] accepts, or null / "" as
// the zero Date. Anything else (a number, a date outside years 1 to 9999) is a
// *[DateError] wrapping [ErrInvalid], and d is left unchanged.
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
		return dateError("decode", reasonJSON)
	}
	return d.decodeText("decode", s)
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

// Scan implements database/sql.Scanner. It accepts NULL (the zero Date), text or bytes
// that [ParseDate] accepts (empty text is the zero Date), a timestamp text whose first 10
// characters are YYYY-MM-DD followed by 'T' or a space and a time of day (digits and
// ":.+-Z " only), of which the date part is kept, and a time.Time (its civil date in its
// own location). A date outside years 1 to 9999 (a driver may hand over a time.Time of
// year 0 or 10000) and any other value is a *[DateError] wrapping [ErrInvalid], and d is
// left unchanged.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		r, err := DateOfTime(v)
		if err != nil {
			return dateError("scan", reasonYear)
		}
		*d = r
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return dateError("scan", "cannot scan "+fmt.Sprintf("%T", src)+" into Date")
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 && s[4] == '-' && (s[10] == 'T' || s[10] == ' ') {
		for i := 11; i < len(s); i++ {
			c := s[i]
			if !('0' <= c && c <= '9') && !strings.ContainsRune(":.+-Z ", rune(c)) {
				return dateError("scan", reasonTimestamp)
			}
		}
		s = s[:10]
	}
	return d.decodeText("scan", s)
}
