package maternal

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(y, m, day int) gongwei.Date { return gongwei.MustDate(y, monthOf(m), day) }

// TestGestationalAge checks the weeks+days split at the boundary days of the schedule
// (nbphs-spec §5.1): 12+6 is still "before 13 weeks", 13+0 is not.
func TestGestationalAge(t *testing.T) {
	lmp := d(2024, 1, 1)
	for _, c := range []struct {
		on          gongwei.Date
		weeks, days int
	}{
		{lmp, 0, 0},
		{d(2024, 1, 7), 0, 6},
		{d(2024, 1, 8), 1, 0},
		{lmp.AddDays(90), 12, 6}, // 2024-03-31: last day of early booking
		{lmp.AddDays(91), 13, 0}, // 2024-04-01
		{lmp.AddDays(196), 28, 0},
		{lmp.AddDays(280), 40, 0},
		{lmp.AddDays(315), 45, 0},
		{lmp.AddDays(-1), 0, -1},
		{lmp.AddDays(-8), -1, -1},
	} {
		w, dd := GestationalAge(lmp, c.on)
		assert.Equal(t, [2]int{c.weeks, c.days}, [2]int{w, dd}, "on %s", c.on)
	}
	w, dd := GestationalAge(gongwei.Date{}, lmp)
	assert.Equal(t, [2]int{0, 0}, [2]int{w, dd})
}

// TestDueDate: EDD = LMP + 280 days exactly (the exact rule), which differs from
// the month −3, day +7 shortcut: LMP 2024-05-31 gives 2025-03-07 (shortcut: 2025-03-07
// too), LMP 2023-12-31 gives 2024-10-06 (shortcut 2024-10-07, as 2024 is a leap year).
func TestDueDate(t *testing.T) {
	for _, c := range []struct{ lmp, edd gongwei.Date }{
		{d(2024, 1, 1), d(2024, 10, 7)},
		{d(2023, 12, 31), d(2024, 10, 6)},
		{d(2024, 5, 31), d(2025, 3, 7)},
		{d(2023, 3, 1), d(2023, 12, 6)},
		{d(2024, 3, 1), d(2024, 12, 6)},
	} {
		assert.Equal(t, c.edd, DueDate(c.lmp), "LMP %s", c.lmp)
		w, dd := GestationalAge(c.lmp, DueDate(c.lmp))
		assert.Equal(t, [2]int{40, 0}, [2]int{w, dd})
	}
	assert.True(t, DueDate(gongwei.Date{}).IsZero())
}

func TestDatingByScan(t *testing.T) {
	// A scan on 2024-03-01 measuring 9+2 dates the LMP to 65 days earlier, 2023-12-27.
	dt := Dating{LMP: d(2024, 1, 1), Scan: d(2024, 3, 1), ScanAge: Weeks(9, 2)}
	assert.Equal(t, d(2023, 12, 27), dt.LMPDate())
	assert.Equal(t, d(2023, 12, 27).AddDays(280), dt.DueDate())
	assert.Equal(t, Weeks(9, 2), dt.Age(d(2024, 3, 1)))
	dt.Scan = gongwei.Date{}
	assert.Equal(t, d(2024, 1, 1), dt.LMPDate())
}

func TestGestationPlausible(t *testing.T) {
	assert.True(t, Weeks(45, 0).Plausible())
	assert.False(t, Weeks(45, 1).Plausible(), "beyond 45 weeks")
	assert.True(t, Weeks(0, 0).Plausible())
	assert.False(t, Gestation(-1).Plausible())
}

func TestParseGestation(t *testing.T) {
	for in, want := range map[string]Gestation{
		"12+3": Weeks(12, 3), "12周3天": Weeks(12, 3), "12周+3天": Weeks(12, 3), "12w3d": Weeks(12, 3),
		"12W": Weeks(12, 0), "12周": Weeks(12, 0), "12": Weeks(12, 0), "１２＋３": Weeks(12, 3), " 40+0 ": Weeks(40, 0),
		"45+0": Weeks(45, 0), "0+6": Weeks(0, 6),
	} {
		got, err := ParseGestation(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "+3", "12+7", "45+1", "46", "12+3x", "1234", "abc", "12++3", "12+"} {
		_, err := ParseGestation(in)
		assert.ErrorIs(t, err, gongwei.ErrInvalid, in)
	}
	assert.Equal(t, "12+3", Weeks(12, 3).String())
	assert.Equal(t, "-1+2", Gestation(-9).String())
}

// gestationForm is the grammar of ParseGestation's doc once normalised: weeks, then
// nothing, "w", or "+", "w" or "w+" followed by days and an optional "d".
var gestationForm = regexp.MustCompile(`^[0-9]{1,3}(?:w|(?:\+|w|w\+)[0-9]{1,3}d?)?$`)

// FuzzParseGestation checks that ParseGestation accepts only the forms of its doc,
// gives a plausible age that prints and parses back to itself, and fails with an error
// wrapping ErrInvalid that does not repeat the input.
func FuzzParseGestation(f *testing.F) {
	for _, s := range []string{"12+3", "12周3天", "40", "45+0", "45+1", "１２＋３", "", "99999", "-3", "1-2", "12+-3",
		"12 + 3", "12\n+3", "12周 +3天", "12W3D", "0+0", "+3", "12w+3d", "12+3\x00", "１２周３日", "012+03"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGestation(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			if strings.Contains(err.Error(), s) && len(s) > 3 {
				t.Fatalf("error repeats the input: %v", err)
			}
			return
		}
		if !g.Plausible() {
			t.Fatalf("parsed an implausible age %v", g)
		}
		// Only the forms of the doc: folded, lower-cased, white space removed, 周 as w and
		// 天 or 日 as d.
		form := strings.NewReplacer("周", "w", "天", "d", "日", "d").Replace(
			strings.ToLower(strings.Join(strings.FieldsFunc(gongwei.Normalize(s), unicode.IsSpace), "")))
		if !gestationForm.MatchString(form) {
			t.Fatalf("accepted %q (%q), which the doc does not allow", s, form)
		}
		back, err := ParseGestation(g.String())
		if err != nil || back != g {
			t.Fatalf("round trip %q -> %v -> %v, %v", s, g, back, err)
		}
	})
}

func FuzzGestationalAge(f *testing.F) {
	f.Add(int32(0), int32(0))
	f.Add(int32(100), int32(380))
	f.Fuzz(func(t *testing.T, a, b int32) {
		lmp := d(2000, 1, 1).AddDays(int(a % 100000))
		on := lmp.AddDays(int(b % 100000))
		w, dd := GestationalAge(lmp, on)
		if 7*w+dd != lmp.DaysUntil(on) {
			t.Fatalf("%d weeks %d days != %d days", w, dd, lmp.DaysUntil(on))
		}
		if w, dd := GestationalAge(lmp, DueDate(lmp)); w != 40 || dd != 0 {
			t.Fatalf("GA at EDD = %d+%d", w, dd)
		}
	})
}

// TestParseGestationStrict: no sign, no hyphen; white space anywhere is ignored.
func TestParseGestationStrict(t *testing.T) {
	for _, in := range []string{"-3", "-3+0", "1-2", "12+-3", "12-3", "－３", "12+3\x00", "12\u200b+3"} {
		_, err := ParseGestation(in)
		assert.ErrorIs(t, err, gongwei.ErrInvalid, "%q", in)
	}
	for in, want := range map[string]Gestation{"12 + 3": Weeks(12, 3), "12\n+3": Weeks(12, 3), "１２ 周 ３ 天": Weeks(12, 3), "12W3D": Weeks(12, 3)} {
		got, err := ParseGestation(in)
		require.NoError(t, err, "%q", in)
		assert.Equal(t, want, got, "%q", in)
	}
}
