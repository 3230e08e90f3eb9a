package gongwei_test

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gongwei-lib/gongwei"
)

func problems(ve *gongwei.ValidationError) []string {
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field+" "+string(f.Code))
	}
	return out
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestClockToday: the day of recording is the Asia/Shanghai date of the clock's instant
// (UTC+8): 2025-12-31 16:30 UTC is already 2026-01-01 in China.
func TestClockToday(t *testing.T) {
	c := gongwei.Clock(func() time.Time { return time.Date(2025, 12, 31, 16, 30, 0, 0, time.UTC) })
	if got := c.Today(); got != gongwei.MustDate(2026, 1, 1) {
		t.Errorf("Today = %v, want 2026-01-01", got)
	}
	c = func() time.Time { return time.Date(2025, 12, 31, 15, 59, 0, 0, time.UTC) }
	if got := c.Today(); got != gongwei.MustDate(2025, 12, 31) {
		t.Errorf("Today = %v, want 2025-12-31", got)
	}
	if gongwei.Clock(nil).Today().IsZero() || gongwei.Today().Year() < 2024 {
		t.Error("the wall clock gives no day")
	}
}

// TestCheckDates: births from 1880 (gongwei.EarliestBirth) to the day of recording plus
// one day; events not before the birth, not after the death, not after the day of
// recording plus one day; planned dates up to 50 years ahead.
func TestCheckDates(t *testing.T) {
	today := gongwei.MustDate(2025, 12, 31)
	birth := gongwei.MustDate(1950, 3, 1)
	death := gongwei.MustDate(2025, 3, 1)
	for _, c := range []struct {
		name  string
		check func(*gongwei.ValidationError)
		want  []string
	}{
		{"birth 1880-01-01", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", gongwei.MustDate(1880, 1, 1), gongwei.Date{}, today)
		}, nil},
		{"birth 1879-12-31", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", gongwei.MustDate(1879, 12, 31), gongwei.Date{}, today)
		}, []string{"B too_early"}},
		{"birth on the next day", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", today.AddDays(1), gongwei.Date{}, today)
		}, nil},
		{"birth two days ahead", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", today.AddDays(2), gongwei.Date{}, today)
		}, []string{"B in_future"}},
		{"birth after the record", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", gongwei.MustDate(2025, 6, 2), gongwei.MustDate(2025, 6, 1), today)
		}, []string{"B order"}},
		{"birth 9999-12-31", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", gongwei.MustDate(9999, 12, 31), gongwei.Date{}, today)
		}, []string{"B in_future"}},
		{"zero adds nothing", func(ve *gongwei.ValidationError) {
			gongwei.CheckBirthDate(ve, "B", gongwei.Date{}, gongwei.Date{}, today)
			gongwei.CheckEventDate(ve, "E", gongwei.Date{}, birth, death, today)
			gongwei.CheckPlannedDate(ve, "P", gongwei.Date{}, today)
		}, nil},
		{"event on birth and death", func(ve *gongwei.ValidationError) {
			gongwei.CheckEventDate(ve, "E", birth, birth, death, today)
			gongwei.CheckEventDate(ve, "F", death, birth, death, today)
		}, nil},
		{"event around birth and death", func(ve *gongwei.ValidationError) {
			gongwei.CheckEventDate(ve, "E", birth.AddDays(-1), birth, death, today)
			gongwei.CheckEventDate(ve, "F", death.AddDays(1), birth, death, today)
		}, []string{"E before_birth", "F after_death"}},
		{"event year 1", func(ve *gongwei.ValidationError) {
			gongwei.CheckEventDate(ve, "E", gongwei.MustDate(1, 1, 1), birth, death, today)
		}, []string{"E too_early"}},
		{"event 2099", func(ve *gongwei.ValidationError) {
			gongwei.CheckEventDate(ve, "E", gongwei.MustDate(2099, 1, 1), gongwei.Date{}, gongwei.Date{}, today)
		}, []string{"E in_future"}},
		{"event 2099 without a day of recording", func(ve *gongwei.ValidationError) {
			gongwei.CheckEventDate(ve, "E", gongwei.MustDate(2099, 1, 1), gongwei.Date{}, gongwei.Date{}, gongwei.Date{})
		}, nil},
		{"event reported once", func(ve *gongwei.ValidationError) {
			ve.Add("E", gongwei.CodeInFuture)
			gongwei.CheckEventDate(ve, "E", gongwei.MustDate(2099, 1, 1), gongwei.Date{}, gongwei.Date{}, today)
		}, []string{"E in_future"}},
		{"planned 2075 and 2076", func(ve *gongwei.ValidationError) {
			gongwei.CheckPlannedDate(ve, "P", gongwei.MustDate(2075, 12, 31), today)
			gongwei.CheckPlannedDate(ve, "Q", gongwei.MustDate(2076, 1, 1), today)
			gongwei.CheckPlannedDate(ve, "R", gongwei.MustDate(1, 1, 1), today)
		}, []string{"Q in_future", "R too_early"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ve gongwei.ValidationError
			c.check(&ve)
			equal(t, problems(&ve), c.want)
		})
	}
}

// TestCheckText: invalid UTF-8, NUL, C0 and C1 controls and DEL are refused; line
// breaks and tabs only in notes; the limits of gongwei.TextLimits count characters, not
// bytes.
func TestCheckText(t *testing.T) {
	for _, c := range []struct {
		s    string
		k    gongwei.TextKind
		want []string
	}{
		{"", gongwei.TextName, nil},
		{"欧阳𠀀娜", gongwei.TextName, nil},
		{"买买提·艾力", gongwei.TextName, nil},
		{"王\x00", gongwei.TextName, []string{"F text_invalid"}},
		{"王\xff", gongwei.TextName, []string{"F text_invalid"}},
		{"王\x7f", gongwei.TextName, []string{"F text_invalid"}},
		{"王\u0085", gongwei.TextName, []string{"F text_invalid"}},
		{"第一行\n第二行\t完", gongwei.TextNote, nil},
		{"第一行\n第二行", gongwei.TextAddress, []string{"F text_invalid"}},
		{"王\x00", gongwei.TextNote, []string{"F text_invalid"}},
		{strings.Repeat("张", 64), gongwei.TextName, nil},
		{strings.Repeat("张", 65), gongwei.TextName, []string{"F too_long"}},
		{strings.Repeat("a", 4001), gongwei.TextNote, []string{"F too_long"}},
		{strings.Repeat("\x00", 300), gongwei.TextAddress, []string{"F text_invalid", "F too_long"}},
	} {
		var ve gongwei.ValidationError
		gongwei.CheckText(&ve, "F", c.s, c.k)
		equal(t, problems(&ve), c.want)
		if gongwei.TextValid(c.s, c.k) != (len(c.want) == 0) {
			t.Errorf("TextValid(%q) disagrees with CheckText", c.s)
		}
	}
	var ve gongwei.ValidationError
	gongwei.CheckText(&ve, "F", strings.Repeat("张", 65), gongwei.TextName)
	if got := ve.Fields[0].Message(gongwei.Languages[2]); got != "is longer than 64 characters" {
		t.Errorf("message %q", got)
	}
}

// TestIsBlank: a name of white space, zero-width and other invisible characters shows
// nothing; one visible character is enough.
func TestIsBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\u200b", "\u3000\u200c", "\ufeff", "\u2060\u200e", "\u3164", "\u0301", "\ufe0f", "\t\n"} {
		if !gongwei.IsBlank(s) {
			t.Errorf("IsBlank(%q) = false", s)
		}
	}
	for _, s := range []string{"王", "\u200b王", "a", "·", "\xff", "\ufffd"} {
		if gongwei.IsBlank(s) {
			t.Errorf("IsBlank(%q) = true", s)
		}
	}
	var ve gongwei.ValidationError
	gongwei.CheckName(&ve, "Name", "\u200b")
	gongwei.CheckName(&ve, "Other", "李\x00")
	equal(t, problems(&ve), []string{"Name required", "Other text_invalid"})
}

// TestCheckRangeRefusesNaN: NaN and the infinities are outside every range (a check
// written x < min || x > max lets NaN through).
func TestCheckRangeRefusesNaN(t *testing.T) {
	var ve gongwei.ValidationError
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.5, 301} {
		ve.CheckRange("X", x, 0, 300)
	}
	ve.CheckRange("Y", 0, 0, 300)
	ve.CheckRange("Y", 300, 0, 300)
	gongwei.CheckFinite(&ve, "Z", math.NaN())
	gongwei.CheckFinite(&ve, "Z", 1e308)
	equal(t, problems(&ve), []string{"X out_of_range", "X out_of_range", "X out_of_range", "X out_of_range", "X out_of_range", "Z not_finite"})
}

// FuzzCheckText: any input gets a verdict without a panic; valid UTF-8 without controls
// and within the limit is accepted; the verdict agrees with TextValid.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"", "王", "\x00", "\xff", "a\nb", "\u200b", strings.Repeat("z", 70)} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		kind := gongwei.TextKind(k % 5)
		var ve gongwei.ValidationError
		gongwei.CheckText(&ve, "F", s, kind)
		if (ve.Len() == 0) != gongwei.TextValid(s, kind) {
			t.Fatal("CheckText and TextValid disagree")
		}
		if !utf8.ValidString(s) && ve.Len() == 0 {
			t.Fatal("invalid UTF-8 accepted")
		}
		if strings.ContainsRune(s, 0) && ve.Len() == 0 {
			t.Fatal("NUL accepted")
		}
		_ = gongwei.IsBlank(s)
	})
}
