package child

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/gongwei-lib/gongwei"
)

// The WHO Child Growth Standards LMS tables, byte-for-byte copies of WHO's anthro tables
// (see data/who/README.md for origin, commit, checksums and WHO attribution).
//
//go:embed data/who/*.txt
var whoFiles embed.FS

// Indicator is a growth indicator of the WHO Child Growth Standards (growth.md §1.1).
type Indicator uint8

// The indicators. The first four are keyed by age in days and computed by [ZScore];
// WeightForLengthOrHeight is keyed by length or height and computed by
// [WeightForLengthHeight] (it names the indicator in assessments and classifications).
const (
	// WeightForAge is weight-for-age (kg), WHO's zwei; restricted formula.
	WeightForAge Indicator = iota + 1
	// LengthHeightForAge is length/height-for-age (cm), WHO's zlen: recumbent length
	// under 731 days, standing height from 731 days; plain LMS (L = 1).
	LengthHeightForAge
	// BMIForAge is BMI-for-age (kg/m²), WHO's zbmi; restricted formula.
	BMIForAge
	// HeadCircumferenceForAge is head circumference-for-age (cm), WHO's zhc; plain LMS
	// (L = 1).
	HeadCircumferenceForAge
	// WeightForLengthOrHeight is weight-for-length (recumbent) or weight-for-height
	// (standing), WHO's zwfl; restricted formula.
	WeightForLengthOrHeight
)

// String returns a short English code for the indicator ("wfa", "lhfa", "bfa", "hcfa",
// "wflh"), or "" for an undefined one.
func (ind Indicator) String() string {
	switch ind {
	case WeightForAge:
		return "wfa"
	case LengthHeightForAge:
		return "lhfa"
	case BMIForAge:
		return "bfa"
	case HeadCircumferenceForAge:
		return "hcfa"
	case WeightForLengthOrHeight:
		return "wflh"
	}
	return ""
}

// restricted reports whether WHO's restricted application beyond ±3 SD (growth.md §1.3)
// applies to the indicator: the weight-based ones.
func (ind Indicator) restricted() bool {
	return ind == WeightForAge || ind == BMIForAge || ind == WeightForLengthOrHeight
}

// The ranges of the WHO 2006 tables (growth.md §1.1, §1.4, §1.6).
const (
	// MaxAgeDays is the last day of the WHO Child Growth Standards as current WHO anthro
	// ships them (60 months = 1826 days, growth.md §1.4). There is no z-score from the
	// standard after it.
	MaxAgeDays = 1826
	// LengthHeightSwitchDays is the first day measured standing: recumbent length under
	// 731 days (24 months), standing height from 731 days (growth.md §1.5).
	LengthHeightSwitchDays = 731
	// MinLengthCm and MaxLengthCm bound the weight-for-length table (growth.md §1.6).
	MinLengthCm, MaxLengthCm = 45.0, 110.0
	// MinHeightCm and MaxHeightCm bound the weight-for-height table (growth.md §1.6).
	MinHeightCm, MaxHeightCm = 65.0, 120.0
	// LengthHeightDifferenceCm is WHO's average difference between recumbent length and
	// standing height (growth.md §1.5 [S7]).
	LengthHeightDifferenceCm = 0.7
	// daysPerMonth is WHO anthro's days per month (ANTHRO_DAYS_OF_MONTH, growth.md §1.4).
	daysPerMonth = 30.4375
)

// Errors of the growth functions. Each wraps gongwei.ErrInvalid; none repeats the input.
var (
	// ErrAge reports an age outside the standard: negative or past MaxAgeDays.
	ErrAge = fmt.Errorf("%w: child: age outside the WHO growth standard (0-1826 days)", gongwei.ErrInvalid)
	// ErrMeasure reports a measurement that is not a positive finite number, or a length
	// or height outside the weight-for-length/height table.
	ErrMeasure = fmt.Errorf("%w: child: measurement out of range", gongwei.ErrInvalid)
	// ErrSex reports a sex other than male or female: the standards are by sex.
	ErrSex = fmt.Errorf("%w: child: sex must be male or female", gongwei.ErrInvalid)
	// ErrIndicator reports an indicator ZScore does not compute.
	ErrIndicator = fmt.Errorf("%w: child: not an age-based growth indicator", gongwei.ErrInvalid)
	// ErrGrowthData reports that the embedded WHO tables could not be read (a broken
	// build, never the caller's input).
	ErrGrowthData = errors.New("child: embedded WHO growth tables unreadable")
)

// lms is one row of an LMS table.
type lms struct{ l, m, s float64 }

// row is one row of an age-keyed table with the SD lines the restricted formula needs
// precomputed, so that a z-score costs one power at most.
type row struct {
	lms
	sd3neg, sd2neg, sd2, sd3 float64
}

// withSD precomputes the −3, −2, +2 and +3 SD lines of p.
func withSD(p lms) row {
	return row{lms: p, sd3neg: p.at(-3), sd2neg: p.at(-2), sd2: p.at(2), sd3: p.at(3)}
}

// ageTable is an age-keyed table: one row per day 0..MaxAgeDays, per sex (0 male, 1 female).
type ageTable [2][MaxAgeDays + 1]row

// Rows of the length-keyed tables, one per 0.1 cm.
const (
	wflRows = int(MaxLengthCm*10-MinLengthCm*10) + 1 // 651
	wfhRows = int(MaxHeightCm*10-MinHeightCm*10) + 1 // 551
)

var who struct {
	once              sync.Once
	err               error
	wei, len, bmi, hc ageTable
	raw               [2][MaxAgeDays + 1]lms // parsing buffer
	wfl               [2][wflRows]lms
	wfh               [2][wfhRows]lms
}

// loadWHO parses the embedded tables once.
func loadWHO() error {
	who.once.Do(func() {
		raw := [2][]lms{who.raw[0][:], who.raw[1][:]}
		for _, t := range []struct {
			file string
			dst  [2][]lms
			age  *ageTable // set for the age tables, filled from raw
			key0 float64   // first key
			step float64   // key step
		}{
			{"weianthro.txt", raw, &who.wei, 0, 1},
			{"lenanthro.txt", raw, &who.len, 0, 1},
			{"bmianthro.txt", raw, &who.bmi, 0, 1},
			{"hcanthro.txt", raw, &who.hc, 0, 1},
			{"wflanthro.txt", [2][]lms{who.wfl[0][:], who.wfl[1][:]}, nil, MinLengthCm, 0.1},
			{"wfhanthro.txt", [2][]lms{who.wfh[0][:], who.wfh[1][:]}, nil, MinHeightCm, 0.1},
		} {
			b, err := whoFiles.ReadFile("data/who/" + t.file)
			if err == nil {
				err = parseLMS(b, t.dst, t.key0, t.step)
			}
			if err != nil {
				who.err = fmt.Errorf("%w: %s: %v", ErrGrowthData, t.file, err)
				return
			}
			if t.age != nil {
				for sex := range 2 {
					for d, p := range who.raw[sex] {
						t.age[sex][d] = withSD(p)
					}
				}
			}
		}
	})
	return who.err
}

// parseLMS fills dst[sex-1][i] from a WHO table (header row; columns sex, key, l, m, s,
// optional more), checking that every row is present and in key order.
func parseLMS(b []byte, dst [2][]lms, key0, step float64) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	seen := [2]int{}
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		f := bytes.Fields(sc.Bytes())
		if len(f) < 5 {
			return fmt.Errorf("line %d: want 5 columns", line)
		}
		var v [5]float64
		for i := range v {
			x, err := strconv.ParseFloat(string(f[i]), 64)
			if err != nil {
				return fmt.Errorf("line %d: %v", line, err)
			}
			v[i] = x
		}
		sex := int(v[0]) - 1
		if sex < 0 || sex > 1 {
			return fmt.Errorf("line %d: sex", line)
		}
		i := seen[sex]
		if i >= len(dst[sex]) || math.Abs(key0+float64(i)*step-v[1]) > 1e-6 {
			return fmt.Errorf("line %d: key out of sequence", line)
		}
		if v[2] == 0 || v[3] <= 0 || v[4] <= 0 {
			return fmt.Errorf("line %d: bad LMS", line)
		}
		dst[sex][i] = lms{l: v[2], m: v[3], s: v[4]}
		seen[sex]++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if seen[0] != len(dst[0]) || seen[1] != len(dst[1]) {
		return errors.New("missing rows")
	}
	return nil
}

// z returns the plain LMS z-score of y (growth.md §1.2):
// ((y/M)^L − 1) / (L·S). No WHO table has L = 0.
func (p lms) z(y float64) float64 {
	if p.l == 1 {
		return (y/p.m - 1) / p.s
	}
	// exp(L·ln(y/M)) = (y/M)^L for y/M > 0, faster than math.Pow.
	return (math.Exp(p.l*math.Log(y/p.m)) - 1) / (p.l * p.s)
}

// at returns the measurement at z-score k on the LMS curve: M·(1 + L·S·k)^(1/L)
// (growth.md §1.2).
func (p lms) at(k float64) float64 {
	if p.l == 1 {
		return p.m * (1 + p.s*k)
	}
	return p.m * math.Exp(math.Log(1+p.l*p.s*k)/p.l)
}

// zRestricted is WHO's restricted application beyond ±3 SD (growth.md §1.3): beyond
// +3 (−3) the distance between the +2 and +3 (−2 and −3) SD lines is the unit.
func (p lms) zRestricted(y float64) float64 {
	z := p.z(y)
	switch {
	case z > 3:
		sd3 := p.at(3)
		return 3 + (y-sd3)/(sd3-p.at(2))
	case z < -3:
		sd3 := p.at(-3)
		return -3 + (y-sd3)/(p.at(-2)-sd3)
	}
	return z
}

// atRestricted inverts zRestricted: the measurement whose restricted z-score is k.
func (p lms) atRestricted(k float64) float64 {
	switch {
	case k > 3:
		sd3 := p.at(3)
		return sd3 + (k-3)*(sd3-p.at(2))
	case k < -3:
		sd3 := p.at(-3)
		return sd3 + (k+3)*(p.at(-2)-sd3)
	}
	return p.at(k)
}

// score applies the indicator's formula.
func (ind Indicator) score(p lms, y float64) float64 {
	if ind.restricted() {
		return p.zRestricted(y)
	}
	return p.z(y)
}

// score applies the indicator's formula with the precomputed SD lines.
func (r *row) score(ind Indicator, y float64) float64 {
	z := r.z(y)
	if !ind.restricted() {
		return z
	}
	switch {
	case z > 3:
		return 3 + (y-r.sd3)/(r.sd3-r.sd2)
	case z < -3:
		return -3 + (y-r.sd3neg)/(r.sd2neg-r.sd3neg)
	}
	return z
}

// sexIndex maps a sex to its table index.
func sexIndex(sex gongwei.Sex) (int, bool) {
	switch sex {
	case gongwei.Male:
		return 0, true
	case gongwei.Female:
		return 1, true
	}
	return 0, false
}

// positive reports whether x is a positive finite number.
func positive(x float64) bool { return x > 0 && !math.IsInf(x, 1) }

// ageRow returns the LMS row of an age-based indicator.
func ageRow(ind Indicator, sex gongwei.Sex, ageDays int) (*row, error) {
	if err := loadWHO(); err != nil {
		return nil, err
	}
	si, ok := sexIndex(sex)
	if !ok {
		return nil, ErrSex
	}
	if ageDays < 0 || ageDays > MaxAgeDays {
		return nil, ErrAge
	}
	var t *ageTable
	switch ind {
	case WeightForAge:
		t = &who.wei
	case LengthHeightForAge:
		t = &who.len
	case BMIForAge:
		t = &who.bmi
	case HeadCircumferenceForAge:
		t = &who.hc
	default:
		return nil, ErrIndicator
	}
	return &t[si][ageDays], nil
}

// ZScore returns the z-score of a measurement for an age-based indicator of the WHO Child
// Growth Standards (growth.md §1): sex male or female, age in completed days since birth
// (0 to [MaxAgeDays]; the exact day row is used, with no interpolation, as WHO anthro
// does), and the measurement in the indicator's unit — weight in kg, length/height and
// head circumference in cm, BMI in kg/m².
//
// Length/height must be measured in the position the standard expects for the age:
// lying under 731 days, standing from 731 days; [AdjustLengthHeight] converts a
// measurement taken in the other position (WHO's 0.7 cm rule). BMI must be computed
// from that length/height ([BMI]).
//
// Weight-for-age and BMI-for-age use WHO's restricted formula beyond ±3 SD
// (growth.md §1.3); length/height and head circumference the plain LMS formula.
// The z-score is not rounded (WHO software reports it to 2 decimals; round for display
// with [RoundZ]). A z-score WHO flags as biologically implausible is still returned:
// see [Implausible].
//
// Errors wrap gongwei.ErrInvalid: [ErrSex], [ErrAge] (negative age, or past day 1826:
// the standard ends there and this package does not switch to the WHO 2007 reference),
// [ErrMeasure] (a measurement that is not a positive finite number) and [ErrIndicator].
// ZScore does not allocate.
func ZScore(ind Indicator, sex gongwei.Sex, ageDays int, measure float64) (float64, error) {
	p, err := ageRow(ind, sex, ageDays)
	if err != nil {
		return 0, err
	}
	if !positive(measure) {
		return 0, ErrMeasure
	}
	return p.score(ind, measure), nil
}

// Centile returns the measurement at z-score z for an age-based indicator: the inverse
// of [ZScore], with the same restricted formula beyond ±3 SD for the weight-based
// indicators. Centile(ind, sex, age, -2) is the −2 SD line of WHO's charts.
func Centile(ind Indicator, sex gongwei.Sex, ageDays int, z float64) (float64, error) {
	p, err := ageRow(ind, sex, ageDays)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(z) || math.IsInf(z, 0) {
		return 0, ErrMeasure
	}
	if ind.restricted() {
		return p.atRestricted(z), nil
	}
	return p.at(z), nil
}

// statureRow returns the LMS row of the weight-for-length (recumbent) or weight-for-height
// table at cm, interpolating L, M and S linearly between the 0.1 cm rows as WHO anthro
// does (growth.md §1.6). The position in the table is counted in integer tenths so that
// a value on the grid (65.3) hits its row exactly despite binary floating point.
func statureRow(sex gongwei.Sex, cm float64, recumbent bool) (lms, error) {
	if err := loadWHO(); err != nil {
		return lms{}, err
	}
	si, ok := sexIndex(sex)
	if !ok {
		return lms{}, ErrSex
	}
	lo, hi, rows := MinHeightCm, MaxHeightCm, who.wfh[si][:]
	if recumbent {
		lo, hi, rows = MinLengthCm, MaxLengthCm, who.wfl[si][:]
	}
	if !(cm >= lo && cm <= hi) { // also rejects NaN
		return lms{}, ErrMeasure
	}
	t := (cm - lo) * 10
	i := int(math.Floor(t + 1e-9))
	f := t - float64(i)
	if f < 1e-9 || i >= len(rows)-1 {
		return rows[min(i, len(rows)-1)], nil
	}
	a, b := rows[i], rows[i+1]
	return lms{
		l: a.l + f*(b.l-a.l),
		m: a.m + f*(b.m-a.m),
		s: a.s + f*(b.s-a.s),
	}, nil
}

// WeightForLengthHeight returns the weight-for-length z-score when recumbent (table
// 45.0–110.0 cm) and the weight-for-height z-score otherwise (65.0–120.0 cm), for a
// weight in kg, with WHO's restricted formula beyond ±3 SD (growth.md §1.3, §1.6).
// No age is given: the table is chosen by the measuring position, as WHO's software does
// when the age is unknown, and no 0.7 cm adjustment is made. L, M and S are interpolated
// between the 0.1 cm rows.
//
// Errors wrap gongwei.ErrInvalid: [ErrSex], and [ErrMeasure] for a length or height
// outside the table or a weight that is not a positive finite number. It does not
// allocate.
func WeightForLengthHeight(sex gongwei.Sex, lengthOrHeightCm float64, recumbent bool, weightKg float64) (float64, error) {
	p, err := statureRow(sex, lengthOrHeightCm, recumbent)
	if err != nil {
		return 0, err
	}
	if !positive(weightKg) {
		return 0, ErrMeasure
	}
	return p.zRestricted(weightKg), nil
}

// WeightForLengthHeightCentile returns the weight (kg) at z-score z for the length
// (recumbent) or height: the inverse of [WeightForLengthHeight].
func WeightForLengthHeightCentile(sex gongwei.Sex, lengthOrHeightCm float64, recumbent bool, z float64) (float64, error) {
	p, err := statureRow(sex, lengthOrHeightCm, recumbent)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(z) || math.IsInf(z, 0) {
		return 0, ErrMeasure
	}
	return p.atRestricted(z), nil
}

// Position is how a child's length or height was measured.
type Position uint8

// The measuring positions (growth.md §1.5).
const (
	// PositionUnknown: not recorded. WHO then assumes the position the standard expects
	// for the age and makes no 0.7 cm change.
	PositionUnknown Position = iota
	// Recumbent: lying down (身长).
	Recumbent
	// Standing: standing up (身高).
	Standing
)

// AdjustLengthHeight converts a length or height measured in position pos to the
// position the standard expects at ageDays (WHO anthro's adjust_lenhei, growth.md §1.5):
// measured standing under 731 days, add 0.7 cm; measured lying from 731 days, subtract
// 0.7 cm; otherwise (including an unknown position) unchanged. Standing measurements
// under 9 months are implausible to WHO ([StandingTooYoung]); they are left unchanged.
func AdjustLengthHeight(ageDays int, cm float64, pos Position) float64 {
	switch {
	case pos == Standing && ageDays < LengthHeightSwitchDays && !StandingTooYoung(ageDays, pos):
		return cm + LengthHeightDifferenceCm
	case pos == Recumbent && ageDays >= LengthHeightSwitchDays:
		return cm - LengthHeightDifferenceCm
	}
	return cm
}

// StandingTooYoung reports WHO anthro's rule that a height measured standing before 9
// months of age (ageDays / 30.4375 < 9) is implausible (growth.md §1.5).
func StandingTooYoung(ageDays int, pos Position) bool {
	return pos == Standing && float64(ageDays)/daysPerMonth < 9
}

// BMI returns weight (kg) / (length or height in m)², not rounded (growth.md §1.7).
// It returns 0 when either value is not positive.
func BMI(weightKg, lengthHeightCm float64) float64 {
	if !positive(weightKg) || !positive(lengthHeightCm) {
		return 0
	}
	m := lengthHeightCm / 100
	return weightKg / (m * m)
}

// AgeDaysFromMonths converts an age in months to days as WHO anthro does:
// round half up of months × 30.4375 (growth.md §1.4).
func AgeDaysFromMonths(months float64) int {
	return int(math.Floor(months*daysPerMonth + 0.5))
}

// RoundZ rounds a z-score half up to 2 decimals, as WHO software reports it
// (growth.md §1.8). Classification in this package uses the unrounded z.
func RoundZ(z float64) float64 {
	return math.Floor(z*100+0.5) / 100
}

// implausibleLimits are WHO anthro's flags of biologically implausible z-scores
// (growth.md §1.1): flag when z < low or z > high.
var implausibleLimits = map[Indicator][2]float64{
	WeightForAge:            {-6, 5},
	LengthHeightForAge:      {-6, 6},
	BMIForAge:               {-5, 5},
	HeadCircumferenceForAge: {-5, 5},
	WeightForLengthOrHeight: {-5, 5},
}

// Implausible reports whether WHO anthro flags z as biologically implausible for the
// indicator (growth.md §1.1): weight-for-age below −6 or above +5, length/height-for-age
// beyond ±6, the others beyond ±5. A flag does not delete the z-score.
func Implausible(ind Indicator, z float64) bool {
	lim, ok := implausibleLimits[ind]
	return ok && (z < lim[0] || z > lim[1])
}
