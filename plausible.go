package gongwei

import (
	"math"
	"time"
	"unicode"
	"unicode/utf8"
)

// Plausibility of record values: the one place that says which dates, texts and numbers
// a record may hold at all, whatever the service. These are plausibility limits, not
// clinical rules: a value outside them is a data-entry or conversion error (a placeholder
// date such as 9999-12-31 from a legacy system, a NUL byte from a broken export, a NaN
// from a failed computation). The domain packages call the Check functions below from
// their Validate methods and services, so that every record type refuses the same things
// with the same codes.

// Codes of the plausibility checks (see also CodeInFuture and CodeBeforeBirth).
const (
	// CodeTooEarly: a date before the earliest plausible date of its kind; args: that
	// date.
	CodeTooEarly Code = "too_early"
	// CodeAfterDeath: a date after the person's death.
	CodeAfterDeath Code = "after_death"
	// CodeNotFinite: a number that is not a number (NaN) or is infinite.
	CodeNotFinite Code = "not_finite"
	// CodeTextInvalid: text that is not valid UTF-8 or holds a NUL or another control
	// character.
	CodeTextInvalid Code = "text_invalid"
	// CodeTooLong: text longer than the limit of its kind; args: the limit in characters.
	CodeTooLong Code = "too_long"
)

func init() {
	RegisterMessages(
		Message{Key: string(CodeTooEarly), ZhHans: "日期早于%v，不合理", ZhHant: "日期早於%v，不合理", En: "is before %v, which is not plausible"},
		Message{Key: string(CodeAfterDeath), ZhHans: "日期晚于死亡日期", ZhHant: "日期晚於死亡日期", En: "is after the date of death"},
		Message{Key: string(CodeNotFinite), ZhHans: "不是有效数值", ZhHant: "不是有效數值", En: "is not a finite number"},
		Message{Key: string(CodeTextInvalid), ZhHans: "含有无效编码或控制字符", ZhHant: "含有無效編碼或控制字元", En: "holds invalid encoding or control characters"},
		Message{Key: string(CodeTooLong), ZhHans: "文字过长（最多%v个字符）", ZhHant: "文字過長（最多%v個字元）", En: "is longer than %v characters"},
	)
}

// EarliestBirth is the earliest plausible date of birth, 1880-01-01: a physical
// plausibility limit (no resident alive when the national service began in 2009 was born
// before it) that still admits the historic birth years ID numbers carry
// (data-standards §1.4 test vector 440524188001010014, §7 item 1: "accept birth years well
// before 1900"). Every other date of a person's records is at or after the birth, so it
// is also the earliest plausible date of any service.
var EarliestBirth = MustDate(1880, time.January, 1)

// RecordingToleranceDays is how many days a date may lie after the day of recording
// (the host's clock, see [Clock]) and still be plausible: one day, for a form keyed in
// just after midnight on a clock set to another zone, or a host whose clock is slightly
// behind. It is a plausibility allowance, not a rule of the service. Planned dates (a
// next visit, a due date, an expiry) are not dates of recording and are not bounded by
// it.
const RecordingToleranceDays = 1

// Clock gives the current time, from which the day of recording is taken. Services take
// one as an option so that a host (or a test) can fix the day; a nil Clock is time.Now.
type Clock func() time.Time

// shanghai is the zone of the day of recording: Asia/Shanghai from the host's time zone
// database, or UTC+8 (China has kept UTC+8 without daylight saving time since 1991) when
// the database is missing.
var shanghai = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}()

// Today returns the day of recording: the civil date, in the Asia/Shanghai zone, of the
// time c gives (time.Now for a nil Clock).
func (c Clock) Today() Date {
	now := time.Now
	if c != nil {
		now = c
	}
	y, m, d := now().In(shanghai).Date()
	if dt, err := NewDate(y, m, d); err == nil {
		return dt
	}
	return Date{}
}

// Today returns the day of recording by the host's wall clock: time.Now's civil date in
// Asia/Shanghai. The Validate methods of the record types bound dates by it; the
// services bound them by their own Clock option.
func Today() Date { return Clock(nil).Today() }

// latestRecorded returns the last plausible date for a day of recording today: today
// plus RecordingToleranceDays. A zero today gives the zero Date (no bound).
func latestRecorded(today Date) Date {
	if today.IsZero() {
		return Date{}
	}
	return today.AddDays(RecordingToleranceDays)
}

// addOnce adds the problem unless field already has one with code: a service that runs
// a record's Validate and then its own bounds reports each problem once.
func addOnce(ve *ValidationError, field string, code Code, args ...any) {
	if !ve.Has(field, code) {
		ve.Add(field, code, args...)
	}
}

// CheckBirthDate checks a date of birth, when given: not before EarliestBirth
// (CodeTooEarly), not after the record's own date recorded when that is given
// (CodeOrder), and not after the day of recording today plus RecordingToleranceDays
// (CodeInFuture). A zero birth adds nothing: whether it is required is the record's rule.
// A problem already listed for the field with the same code is not added again.
func CheckBirthDate(ve *ValidationError, field string, birth, recorded, today Date) {
	if birth.IsZero() {
		return
	}
	if birth.Before(EarliestBirth) {
		addOnce(ve, field, CodeTooEarly, EarliestBirth.String())
		return
	}
	if !recorded.IsZero() && birth.After(recorded) {
		addOnce(ve, field, CodeOrder)
	}
	if l := latestRecorded(today); !l.IsZero() && birth.After(l) {
		addOnce(ve, field, CodeInFuture)
	}
}

// CheckEventDate checks the date of something that happened to a person (a service, a
// diagnosis, a death), when given: not before EarliestBirth (CodeTooEarly), not before
// the person's birth when it is known (CodeBeforeBirth), not after the person's death
// when there is one (CodeAfterDeath), and not after the day of recording today plus
// RecordingToleranceDays (CodeInFuture). Pass a zero birth, death or today to skip that
// bound. A zero d adds nothing; a problem already listed for the field with the same
// code is not added again.
func CheckEventDate(ve *ValidationError, field string, d, birth, death, today Date) {
	if d.IsZero() {
		return
	}
	if d.Before(EarliestBirth) {
		addOnce(ve, field, CodeTooEarly, EarliestBirth.String())
		return
	}
	if !birth.IsZero() && d.Before(birth) {
		addOnce(ve, field, CodeBeforeBirth)
	}
	if !death.IsZero() && d.After(death) {
		addOnce(ve, field, CodeAfterDeath)
	}
	if l := latestRecorded(today); !l.IsZero() && d.After(l) {
		addOnce(ve, field, CodeInFuture)
	}
}

// PlannedHorizonYears bounds a date that may lie in the future because it is planned (a
// licence's or certificate's expiry, a due date): at most this many years after the day
// of recording. A physical plausibility limit that refuses the placeholder dates of
// legacy systems (9999-12-31, 2999-01-01) while admitting any real plan or expiry.
const PlannedHorizonYears = 50

// CheckPlannedDate checks a date that is not bounded by the day of recording (a planned
// date, an expiry), when given: not before EarliestBirth (CodeTooEarly) nor more than
// PlannedHorizonYears after the day of recording today (CodeInFuture). A zero today skips
// the second bound.
func CheckPlannedDate(ve *ValidationError, field string, d, today Date) {
	if d.IsZero() {
		return
	}
	switch {
	case d.Before(EarliestBirth):
		ve.Add(field, CodeTooEarly, EarliestBirth.String())
	case !today.IsZero() && today.Year()+PlannedHorizonYears < d.Year():
		ve.Add(field, CodeInFuture)
	}
}

// TextKind is the kind of a text field, which sets its length limit and whether it may
// hold line breaks.
type TextKind int

// The kinds of text.
const (
	// TextName: the name of a person, a unit or an institution.
	TextName TextKind = iota
	// TextShort: a code, a number, a label, a product or a short answer.
	TextShort
	// TextAddress: an address or a place.
	TextAddress
	// TextNote: free text (a note, a description, a cause); the only kind that may hold
	// line breaks and tabs.
	TextNote
)

// TextLimits are the length limits of each kind of text, in characters (Unicode code
// points). They are plausibility limits of the library's own, documented as such, not
// limits of the national forms (which give none): generous enough for any real value
// (a Uyghur or Tibetan name transliterated with its separators, a full rural address
// down to the house number, a page of notes) while refusing a megabyte pasted by
// mistake.
var TextLimits = [...]int{
	TextName:    64,
	TextShort:   128,
	TextAddress: 256,
	TextNote:    4000,
}

// CheckText checks a text field of kind k: valid UTF-8, no NUL and no other control
// character (line feed, carriage return and tab are allowed in TextNote only) —
// CodeTextInvalid — and not longer than TextLimits[k] (CodeTooLong with the limit). An
// empty text adds nothing.
func CheckText(ve *ValidationError, field string, s string, k TextKind) {
	ok, long, limit := textProblems(s, k)
	if !ok {
		ve.Add(field, CodeTextInvalid)
	}
	if long {
		ve.Add(field, CodeTooLong, limit)
	}
}

// TextValid reports whether CheckText would find nothing wrong with s as text of kind k.
// Validators use it to build a field path only when there is a problem.
func TextValid(s string, k TextKind) bool {
	ok, long, _ := textProblems(s, k)
	return ok && !long
}

// textProblems reports whether s is valid text of kind k, whether it is too long, and
// the limit of k.
func textProblems(s string, k TextKind) (ok, long bool, limit int) {
	limit = TextLimits[TextNote]
	if int(k) >= 0 && int(k) < len(TextLimits) {
		limit = TextLimits[k]
	}
	if s == "" {
		return true, false, limit
	}
	// A scan of the bytes: in UTF-8 a byte below 0x80 is always an ASCII character, and
	// the C1 controls U+0080–U+009F are the pairs 0xC2 0x80–0x9F.
	ok = utf8.ValidString(s)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			if k != TextNote || (c != '\n' && c != '\r' && c != '\t') {
				ok = false
			}
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			ok = false
		}
	}
	long = len(s) > limit && utf8.RuneCountInString(s) > limit
	return ok, long, limit
}

// CheckRawText is CheckText for a value as it was given, before a normalisation that may
// hide a problem (NormalizeCode rewrites invalid UTF-8): it adds the problems that are not
// already listed for field.
func CheckRawText(ve *ValidationError, field string, raw string, k TextKind) {
	ok, long, limit := textProblems(raw, k)
	if !ok && !ve.Has(field, CodeTextInvalid) {
		ve.Add(field, CodeTextInvalid)
	}
	if long && !ve.Has(field, CodeTooLong) {
		ve.Add(field, CodeTooLong, limit)
	}
}

// CheckName checks a name: CheckText of kind TextName, and CodeRequired when the name
// is blank (see IsBlank). It is for the names a record requires.
func CheckName(ve *ValidationError, field string, s string) {
	if IsBlank(s) {
		ve.Add(field, CodeRequired)
		return
	}
	CheckText(ve, field, s, TextName)
}

// IsBlank reports whether s shows nothing: it is empty or made only of white space and
// invisible characters — format characters (zero-width space and joiners, the byte-order
// mark, directional marks: Unicode category Cf), other default-ignorable code points
// (e.g. the Hangul filler), variation selectors, combining marks without a base, and
// control characters. A name that is blank is missing.
func IsBlank(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r > ' ' && r != 0x7f {
				return false
			}
			continue
		}
		if r == utf8.RuneError || !invisible(r) {
			return false
		}
	}
	return true
}

func invisible(r rune) bool {
	if (r >= 0x4e00 && r <= 0x9fff) || (r >= 0x3400 && r <= 0x4dbf) || (r >= 0x20000 && r <= 0x3ffff) {
		return false // the Han ideographs of nearly every name, without a table search
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cf, unicode.Cc, unicode.Mn, unicode.Me,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// CheckFinite adds CodeNotFinite for field when x is NaN or infinite. Measurements with a
// plausible range use [ValidationError.CheckRange], which refuses these too.
func CheckFinite(ve *ValidationError, field string, x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		ve.Add(field, CodeNotFinite)
	}
}
