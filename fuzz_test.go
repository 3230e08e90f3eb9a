package gongwei_test

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongwei-lib/gongwei"
)

// dateSeeds are date texts at and beyond the edges of the calendar, in every form.
var dateSeeds = []string{
	"2024-02-29", "19491231", "２０２４－０１－３１", "２０２４０１３１", "2023-02-29", "", " ",
	"0001-01-01", "00010101", "9999-12-31", "99991231", "0000-12-31", "00001231", "10000-01-01",
	"100000101", "-0001-01-01", "+2024-02-29", "2-0-2-5-0-3-0-1", "20 25 03 01", "2025\n0301",
	" 2024-12-31\n", "\u30002024-12-31\u3000", "2024-12-31\x00", "2024-02-29T08:00:00Z",
	"2024-02-29 08:00:00+08", "2024-02-29garbage", "9999-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z",
	"2024-1-1", "2024/01/31", "infinity", "-infinity", "2024-02-29 BC", "2024-02-30",
}

// wantDateError fails unless err is a *gongwei.DateError wrapping gongwei.ErrInvalid
// whose text does not repeat the input.
func wantDateError(t *testing.T, err error, input string) {
	t.Helper()
	var de *gongwei.DateError
	if !errors.As(err, &de) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("error %v is not a *DateError wrapping ErrInvalid", err)
	}
	if in := strings.TrimSpace(input); len(in) >= 4 && strings.Contains(err.Error(), in) {
		t.Fatalf("error %q repeats the input", err)
	}
}

// acceptedDate matches what ParseDate's doc accepts once Normalize has folded full-width
// forms and trimmed the surrounding white space.
var acceptedDate = regexp.MustCompile(`^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{8})$`)

// FuzzParseDate checks that ParseDate accepts exactly what its doc says (YYYY-MM-DD or
// YYYYMMDD after folding and trimming), that a parsed date prints as YYYY-MM-DD and
// parses back to itself, and that every error is a *DateError wrapping ErrInvalid that
// does not repeat the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := gongwei.ParseDate(s)
		if err != nil {
			wantDateError(t, err, s)
			return
		}
		n := gongwei.Normalize(s)
		if !acceptedDate.MatchString(n) {
			t.Fatalf("accepted %q, which the doc does not allow", s)
		}
		if strings.ReplaceAll(d.String(), "-", "") != strings.ReplaceAll(n, "-", "") {
			t.Fatalf("%q read as %s", s, d)
		}
		again, err := gongwei.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("round trip of %s failed: %v", d, err)
		}
		y, m, dd := d.Date()
		if back, err := gongwei.NewDate(y, m, dd); err != nil || back != d {
			t.Fatalf("civil round trip failed: %v", err)
		}
	})
}

// FuzzDateUnmarshalText: text decodes exactly as ParseDate reads it (empty text is the
// zero Date), encodes back to text that decodes to the same Date, and a refusal is a
// *DateError that leaves the Date unchanged.
func FuzzDateUnmarshalText(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sentinel := gongwei.MustDate(1949, 10, 1)
		d := sentinel
		err := d.UnmarshalText(b)
		if err != nil {
			wantDateError(t, err, string(b))
			if d != sentinel {
				t.Fatalf("a refused decode changed the date to %s", d)
			}
			return
		}
		if want, perr := gongwei.ParseDate(string(b)); len(b) > 0 && (perr != nil || want != d) {
			t.Fatalf("UnmarshalText(%q) = %s, ParseDate gives %s, %v", b, d, want, perr)
		}
		text, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back gongwei.Date
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("round trip %s -> %q -> %s, %v", d, text, back, err)
		}
	})
}

// FuzzDateUnmarshalJSON: JSON decodes to a Date that encodes and decodes to itself;
// anything else is a *DateError that leaves the Date unchanged.
func FuzzDateUnmarshalJSON(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add([]byte(`"` + s + `"`))
	}
	for _, s := range []string{`null`, `""`, `20240229`, `"2024-02-29"x`, `{"a":1}`, `["2024-02-29"]`, `"\u0032024-02-29"`, `true`, `"9999-12-31`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sentinel := gongwei.MustDate(1949, 10, 1)
		d := sentinel
		err := d.UnmarshalJSON(b)
		if err != nil {
			wantDateError(t, err, string(b))
			if d != sentinel {
				t.Fatalf("a refused decode changed the date to %s", d)
			}
			return
		}
		js, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := strconv.Quote(d.String()); !d.IsZero() && string(js) != want {
			t.Fatalf("MarshalJSON of %s = %s, want %s", d, js, want)
		}
		var back gongwei.Date
		if err := back.UnmarshalJSON(js); err != nil || back != d {
			t.Fatalf("round trip %s -> %s -> %s, %v", d, js, back, err)
		}
	})
}

// FuzzDateScan: Scan of text, bytes or a time.Time gives a Date whose driver Value scans
// back to it; a time.Time scans exactly when its civil date lies in years 1 to 9999, to
// that date; every refusal is a *DateError that leaves the Date unchanged.
func FuzzDateScan(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(uint8(0), s, int64(0))
		f.Add(uint8(1), s, int64(0))
	}
	for _, y := range []int{0, 1, 2024, 9999, 10000, -1, 1 << 20} {
		f.Add(uint8(2), "", time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
		f.Add(uint8(2), "", time.Date(y, 12, 31, 23, 59, 59, 0, time.UTC).Unix())
	}
	f.Add(uint8(3), "", int64(0))
	f.Fuzz(func(t *testing.T, kind uint8, s string, unix int64) {
		sentinel := gongwei.MustDate(1949, 10, 1)
		d := sentinel
		var src any
		var tm time.Time
		switch kind % 4 {
		case 0:
			src = s
		case 1:
			src = []byte(s)
		case 2:
			tm = time.Unix(unix, 0).UTC()
			src = tm
		default:
			src = unix
		}
		err := d.Scan(src)
		if err != nil {
			wantDateError(t, err, s)
			if d != sentinel {
				t.Fatalf("a refused scan changed the date to %s", d)
			}
			if kind%4 == 2 {
				if y := tm.Year(); y >= 1 && y <= 9999 {
					t.Fatalf("refused a time of year %d", y)
				}
			}
			return
		}
		switch kind % 4 {
		case 2:
			y, m, dd := tm.Date()
			if gy, gm, gd := d.Date(); gy != y || gm != m || gd != dd {
				t.Fatalf("Scan(%v) = %s", tm, d)
			}
		case 3:
			t.Fatalf("scanned an int64")
		}
		v, err := d.Value()
		if err != nil {
			t.Fatal(err)
		}
		var back gongwei.Date
		if err := back.Scan(v); err != nil || back != d {
			t.Fatalf("round trip %s -> %v -> %s, %v", d, v, back, err)
		}
	})
}

const daysInCalendar = 3652059 // 0001-01-01 to 9999-12-31

// FuzzDateArithmetic: AddDays, AddMonths and AddYears never panic and stay in the
// calendar, saturating exactly when the true result lies outside it (as their checked
// variants report), print as text that parses back, and agree with the ages: the age in
// completed months on d.AddMonths(k) is k, and AddDays(k) then AddDays(-k) returns to d.
func FuzzDateArithmetic(f *testing.F) {
	for _, c := range [][2]int64{{0, 0}, {0, -1}, {daysInCalendar - 1, 1}, {daysInCalendar - 31, 1}, {738_000, 1 << 40},
		{738_000, -(1 << 40)}, {30, -1}, {738_000, 12}, {59, 12}, {1, 9999 * 12}, {daysInCalendar - 1, -(9999*12 - 1)}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, dayN, k int64) {
		if dayN < 0 {
			dayN = -dayN
		}
		d := gongwei.MinDate.AddDays(int(dayN % daysInCalendar))
		inRange := func(op string, r gongwei.Date) {
			t.Helper()
			if r.IsZero() || r.Before(gongwei.MinDate) || r.After(gongwei.MaxDate) {
				t.Fatalf("%s: %s outside the calendar", op, r)
			}
			if back, err := gongwei.ParseDate(r.String()); err != nil || back != r {
				t.Fatalf("%s: %s does not parse back: %v", op, r, err)
			}
		}
		n := int(k)
		// Days.
		r, err := d.AddDaysChecked(n)
		inRange("AddDays", r)
		if r != d.AddDays(n) {
			t.Fatalf("AddDays and AddDaysChecked differ")
		}
		trueDay := dayN%daysInCalendar + k // may be out of range; k is bounded by int64
		outside := k > daysInCalendar || k < -daysInCalendar || trueDay < 0 || trueDay >= daysInCalendar
		if outside != (err != nil) {
			t.Fatalf("%s + %d days: error %v", d, k, err)
		}
		if err != nil {
			wantDateError(t, err, "")
			if (k > 0) != (r == gongwei.MaxDate) || (k < 0) != (r == gongwei.MinDate) {
				t.Fatalf("%s + %d days saturated to %s", d, k, r)
			}
		} else {
			if d.DaysUntil(r) != n || r.AddDays(-n) != d {
				t.Fatalf("%s + %d days = %s", d, k, r)
			}
		}
		// Months.
		r, err = d.AddMonthsChecked(n)
		inRange("AddMonths", r)
		if r != d.AddMonths(n) {
			t.Fatalf("AddMonths and AddMonthsChecked differ")
		}
		y, m, dd := d.Date()
		month := int64(y)*12 + int64(m) - 1
		outside = k > 12*10000 || k < -12*10000 || month+k < 12 || month+k > 9999*12+11
		if outside != (err != nil) {
			t.Fatalf("%s + %d months: error %v", d, k, err)
		}
		if err != nil {
			wantDateError(t, err, "")
		} else {
			ry, rm, rd := r.Date()
			if int64(ry)*12+int64(rm)-1 != month+k || rd > dd || (rd < dd && rd != gongwei.DaysIn(ry, rm)) {
				t.Fatalf("%s + %d months = %s", d, k, r)
			}
			if got := d.AgeMonths(r); got != n {
				t.Fatalf("AgeMonths(%s, %s) = %d, want %d", d, r, got, n)
			}
		}
		// Years.
		r, err = d.AddYearsChecked(n)
		inRange("AddYears", r)
		if r != d.AddYears(n) {
			t.Fatalf("AddYears and AddYearsChecked differ")
		}
		if err == nil {
			if got := d.AgeYears(r); got != n {
				t.Fatalf("AgeYears(%s, %s) = %d, want %d", d, r, got, n)
			}
		} else {
			wantDateError(t, err, "")
		}
	})
}

// FuzzNormalizeCode: for valid UTF-8 the result holds no white space, no hyphen and no
// lower-case ASCII letter; it is what remains of Normalize(s) once those are removed
// (upper-cased), so every other character (a control character, a zero-width space)
// survives; text that is not valid UTF-8 is left as Normalize leaves it; and normalising
// again changes nothing.
func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"11010519491231002x", "110105 19491231 002X", "1101\n0519491231002X", "\n", "\r\n",
		"１１０１０５－１９４９", "a\x00b", "\u200b123", "12\u00a034", "12\u3000３４", "\xff\xfe", "ｘ", "-", " \t\v\f\r\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := gongwei.NormalizeCode(s)
		if again := gongwei.NormalizeCode(got); again != got {
			t.Fatalf("not idempotent: %q -> %q", got, again)
		}
		n := gongwei.Normalize(s)
		if !utf8.ValidString(n) {
			if got != n {
				t.Fatalf("NormalizeCode(%q) = %q changed text that is not UTF-8", s, got)
			}
			return
		}
		var want strings.Builder
		for _, r := range n {
			switch {
			case r == '-' || unicode.IsSpace(r):
			case 'a' <= r && r <= 'z':
				want.WriteRune(unicode.ToUpper(r))
			default:
				want.WriteRune(r)
			}
		}
		if got != want.String() {
			t.Fatalf("NormalizeCode(%q) = %q, want %q", s, got, want.String())
		}
		if strings.ContainsFunc(got, unicode.IsSpace) || strings.ContainsAny(got, "-abcdefghijklmnopqrstuvwxyz") {
			t.Fatalf("NormalizeCode(%q) = %q keeps a space, hyphen or lower-case letter", s, got)
		}
	})
}

// FuzzLegacyReader: any bytes decode as GB18030 to valid UTF-8 without an error, and
// any valid UTF-8 text without private-use code points encoded as GB18030 reads back
// unchanged. Private-use code points are left out of the round trip: golang.org/x/text's
// GB18030 encoder (v0.28 to v0.44) writes some of them, such as U+E0AC, as four-byte
// sequences that decode to another code point (83 38 A9 39 reads as U+F0C0), where
// GB18030 gives them two-byte user-defined codes.
func FuzzLegacyReader(f *testing.F) {
	f.Add([]byte("\ue0ac")) // private use: decoded, not round-tripped
	enc := simplifiedchinese.GB18030.NewEncoder()
	for _, s := range []string{"王桂兰,女,1951-04-12", "𠀀 emoji 😀", "\u00b7", "€", "\x80", "\xff", "\x81\x30", "\x81\x30\x81\x30",
		"\xa1\xa1", "\xfe\x39\xfe\x39", "\x84\x31\xa4\x39", "\x90\x30\x81\x30", "\xe3\x32\x9a\x35", ""} {
		f.Add([]byte(s))
	}
	if b, err := enc.Bytes([]byte("公卫 居民健康档案")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := io.ReadAll(gongwei.LegacyReader(bytes.NewReader(b)))
		if err != nil {
			t.Fatalf("decoding failed: %v", err)
		}
		if !utf8.Valid(out) {
			t.Fatalf("decoded %q is not valid UTF-8", out)
		}
		if !utf8.Valid(b) || bytes.ContainsFunc(b, privateUse) {
			return
		}
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
		if err != nil {
			t.Fatalf("valid UTF-8 %q does not encode as GB18030: %v", b, err)
		}
		back, err := io.ReadAll(gongwei.LegacyReader(bytes.NewReader(gb)))
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("round trip %q -> % x -> %q, %v", b, gb, back, err)
		}
	})
}

// privateUse reports whether r is a private-use code point (category Co).
func privateUse(r rune) bool { return unicode.Is(unicode.Co, r) }
