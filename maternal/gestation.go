package maternal

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongwei-lib/gongwei"
)

// Gestational dating. The national specification counts pregnancy in completed weeks of
// gestation from the first day of the last menstrual period (末次月经, LMP): "孕13周前",
// "16–20 weeks" (nbphs-spec §5.1). A gestational age is therefore a count of days since
// the LMP, written weeks+days ("12+3" = 12 weeks 3 days).
const (
	// DaysToDue is the length of a pregnancy from the LMP to the expected date of
	// delivery (预产期): 280 days, 40 weeks. This is the exact form of Naegele's rule; the
	// "month −3, day +7" shortcut taught for mental arithmetic differs from it by up to
	// 3 days.
	DaysToDue = 280

	// MaxGestationWeeks bounds a plausible gestational age: a pregnancy date more than
	// 45 weeks (315 days) after the LMP, 45+1 onwards, is a dating or entry error
	// ("gestational age beyond 45 weeks"). The reference gives no such bound; it is
	// a plausibility limit, not a clinical rule.
	MaxGestationWeeks = 45
)

// Gestation is a gestational age in days since the first day of the LMP: Weeks(12, 3) is
// 87 days, written "12+3". Negative values denote dates before the LMP.
type Gestation int

// Weeks returns the gestational age of w weeks and d days.
func Weeks(w, d int) Gestation { return Gestation(7*w + d) }

// Of returns the gestational age on date on of a pregnancy with last menstrual period
// lmp. Either date zero gives 0.
func Of(lmp, on gongwei.Date) Gestation {
	if lmp.IsZero() || on.IsZero() {
		return 0
	}
	return Gestation(lmp.DaysUntil(on))
}

// CompletedWeeks returns the completed weeks of g (12 for 12+6). For a negative g it
// truncates toward zero, as Go's integer division does.
func (g Gestation) CompletedWeeks() int { return int(g) / 7 }

// ExtraDays returns the days beyond the completed weeks (6 for 12+6).
func (g Gestation) ExtraDays() int { return int(g) % 7 }

// String returns g as weeks+days, "12+3"; a negative g with a leading minus, "-1+2".
func (g Gestation) String() string {
	if g < 0 {
		return "-" + (-g).String()
	}
	return strconv.Itoa(g.CompletedWeeks()) + "+" + strconv.Itoa(g.ExtraDays())
}

// Plausible reports whether 0+0 <= g <= 45+0 ([MaxGestationWeeks]).
func (g Gestation) Plausible() bool {
	return g >= 0 && g <= Weeks(MaxGestationWeeks, 0)
}

var errGestation = fmt.Errorf("%w: maternal: gestational age: want weeks+days such as 12+3", gongwei.ErrInvalid)

// ParseGestation parses a gestational age as written on the forms: "12+3", "12周3天",
// "12周+3天", "12w3d", "12w" or "12周" (whole weeks), and nothing else. Full-width
// characters are folded to ASCII ([gongwei.Normalize]), letters may be upper or lower
// case ("12W3D"), "日" may stand for "天", and white space anywhere is ignored ("12 + 3").
// Weeks and days are 1 to 3 ASCII digits with no sign: "-3" and "1-2" are refused. Days
// must be 0-6 and the age plausible (0+0 to 45+0). The error wraps gongwei.ErrInvalid and
// never repeats the input.
func ParseGestation(s string) (Gestation, error) {
	s = strings.ToLower(removeSpace(gongwei.Normalize(s)))
	s = strings.NewReplacer("周", "w", "天", "d", "日", "d").Replace(s)
	w, rest, ok := leadingInt(s)
	if !ok {
		return 0, errGestation
	}
	d := 0
	switch {
	case rest == "" || rest == "w":
	case strings.HasPrefix(rest, "+") || strings.HasPrefix(rest, "w"):
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "w"), "+")
		var tail string
		d, tail, ok = leadingInt(rest)
		if !ok || (tail != "" && tail != "d") {
			return 0, errGestation
		}
	default:
		return 0, errGestation
	}
	if g := Weeks(w, d); d <= 6 && g.Plausible() {
		return g, nil
	}
	return 0, errGestation
}

// removeSpace removes every white space character (unicode.IsSpace) from s.
func removeSpace(s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

// leadingInt reads 1-3 leading ASCII digits.
func leadingInt(s string) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i > 3 {
		return 0, s, false
	}
	return n, s[i:], true
}

// GestationalAge returns the gestational age on date on of a pregnancy whose last
// menstrual period began on lmp, in completed weeks and the remaining days: 12, 6 means
// 12+6, still "before 13 weeks". The days since lmp are split as Go's / and % do, so a
// date before lmp gives non-positive weeks and days; a zero date gives 0, 0.
func GestationalAge(lmp, on gongwei.Date) (weeks, days int) {
	g := Of(lmp, on)
	return g.CompletedWeeks(), g.ExtraDays()
}

// DueDate returns the expected date of delivery (预产期, EDD) of a pregnancy whose last
// menstrual period began on lmp: lmp + 280 days ([DaysToDue]), the exact form of
// Naegele's rule. The zero lmp gives the zero Date.
func DueDate(lmp gongwei.Date) gongwei.Date { return lmp.AddDays(DaysToDue) }

// Dating is how a pregnancy is dated: the LMP the woman reports, and/or an early
// ultrasound scan with the gestational age it measured. The reference gives no rule for
// choosing between them; the library uses the scan whenever one is recorded, so a host
// records a scan exactly when the clinician re-dates the pregnancy by it.
type Dating struct {
	// LMP is the first day of the last menstrual period (末次月经).
	LMP gongwei.Date
	// Scan is the date of the dating ultrasound (B超); zero if none.
	Scan gongwei.Date
	// ScanAge is the gestational age the scan measured on Scan.
	ScanAge Gestation
}

// ByScan reports whether the pregnancy is dated by ultrasound.
func (d Dating) ByScan() bool { return !d.Scan.IsZero() }

// LMPDate returns the LMP the pregnancy is dated by: Scan − ScanAge when dated by
// ultrasound, else LMP. It is zero when neither is recorded.
func (d Dating) LMPDate() gongwei.Date {
	if d.ByScan() {
		return d.Scan.AddDays(-int(d.ScanAge))
	}
	return d.LMP
}

// Age returns the gestational age on date on.
func (d Dating) Age(on gongwei.Date) Gestation { return Of(d.LMPDate(), on) }

// DueDate returns the expected date of delivery by the dating.
func (d Dating) DueDate() gongwei.Date { return DueDate(d.LMPDate()) }

// validate adds the dating's problems under prefix.
func (d Dating) validate(ve *gongwei.ValidationError, prefix string) {
	if d.LMP.IsZero() && d.Scan.IsZero() {
		ve.Add(prefix+"LMP", gongwei.CodeRequired)
		return
	}
	if d.ByScan() && !d.ScanAge.Plausible() {
		ve.Add(prefix+"ScanAge", CodeGestationTooLong)
	}
}
