package indicators

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// Scale is the factor a rate's ratio is multiplied by before display, as in DHIS2's
// indicator types (peers.md §2.1: Number 1, Percentage 100, Per 1 000, Per 100 000).
// The zero Scale is Percent, the scale of almost every indicator (nbphs-spec §14).
type Scale uint8

// The scales. The numbering is part of the JSON and CSV output: append only.
const (
	// Percent is ×100, shown "91.0%" (nbphs-spec §14: "convert to %").
	Percent Scale = iota
	// PerMille is ×1 000, shown "6.5‰" (5岁以下儿童死亡率 <7‰, plan-targets.md).
	PerMille
	// Per10k is ×10 000, shown "12.3/万".
	Per10k
	// Per100k is ×100 000, shown "12.3/10万" (孕产妇死亡率 <14/10万, plan-targets.md).
	Per100k
	// Count is a workload count (lectures held, patrols made): the value is the
	// numerator itself and the denominator is not used (nbphs-spec §2.2 "counts, no
	// ratios").
	Count
)

var scaleFactor = [...]int64{Count: 1, Percent: 100, PerMille: 1000, Per10k: 10000, Per100k: 100000}

// Factor returns the multiplier of the scale: 1, 100, 1000, 10000 or 100000. An unknown
// scale has factor 0.
func (s Scale) Factor() int64 {
	if int(s) >= len(scaleFactor) {
		return 0
	}
	return scaleFactor[s]
}

// IsValid reports whether s is one of the defined scales.
func (s Scale) IsValid() bool { return int(s) < len(scaleFactor) }

// String returns the scale's name: "count", "percent", "per_mille", "per_10k" or "per_100k".
func (s Scale) String() string { return enumName(scaleNames[:], s, "Scale") }

var scaleNames = [...]string{Count: "count", Percent: "percent", PerMille: "per_mille", Per10k: "per_10k", Per100k: "per_100k"}

// Suffix returns the unit written after a value in language tag: "%", "‰", "/万" or
// "/10万" ("/萬", "/10萬" in traditional Chinese, " per 10,000" and " per 100,000" in
// English); "" for Count.
func (s Scale) Suffix(tag language.Tag) string {
	if !s.IsValid() || s == Count {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf(scaleKeys[s])
}

// Rate is a numerator, a denominator and a scale. It is never stored as a float: the
// counts stay integers so that rates merge exactly (the county's rate is formed from the
// sum of the townships' counts, never from their rates), and the displayed value is formed
// once, at the end, by [Rate.Value] (go-style.md §8 item 13).
//
// The zero denominator means "no data": Value reports false, and the rate is shown as
// "—", never as 0% and never as NaN. For the Count scale the denominator is not used.
type Rate struct {
	Numerator   int64 // the people or events counted (e.g. 建档人数)
	Denominator int64 // the people or events counted against (e.g. 常住居民数)
	Scale       Scale // the factor the ratio is shown at (%, ‰, per 10 000, per 100 000) or Count
}

// Value returns Numerator × factor ÷ Denominator rounded to places decimal places, and
// true; or the zero decimal and false when the denominator is 0 (no data) or the scale is
// unknown. For Count it returns the numerator and true.
//
// Rounding is half-up, as Chinese statistical reporting rounds (nbphs-spec §14: "one
// decimal place, round half-up"; a local system uses BigDecimal.ROUND_HALF_UP). It is
// computed by decimal.DivRound, exactly (no float and no global DivisionPrecision), which
// rounds a 5 away from zero: for the non-negative counts of an indicator that is half-up.
// A negative numerator (a correction netted into a tally) would round half down.
func (r Rate) Value(places int32) (decimal.Decimal, bool) {
	if !r.Scale.IsValid() {
		return decimal.Decimal{}, false
	}
	if r.Scale == Count {
		return decimal.NewFromInt(r.Numerator), true
	}
	if r.Denominator == 0 {
		return decimal.Decimal{}, false
	}
	num := decimal.NewFromInt(r.Numerator).Mul(decimal.NewFromInt(r.Scale.Factor()))
	return num.DivRound(decimal.NewFromInt(r.Denominator), places), true
}

// HasData reports whether the rate has a value: a known scale and, except for Count, a
// non-zero denominator.
func (r Rate) HasData() bool {
	_, ok := r.Value(0)
	return ok
}

// Merge returns the rate of the union of two populations: the sums of the numerators and
// of the denominators. It is how a township's rate is formed from its villages' rates.
// The scales must agree; the result keeps r's scale.
func (r Rate) Merge(s Rate) Rate {
	return Rate{Numerator: r.Numerator + s.Numerator, Denominator: r.Denominator + s.Denominator, Scale: r.Scale}
}

// noData is what Format shows for a rate without data.
const noData = "—"

// Format returns the value rounded to places with the scale's suffix in language tag:
// "91.0%", "6.5‰", "12.3/10万" ("12.3 per 100,000" in English), "12" for a count, and
// "—" when there is no data. Fixed places are always shown ("90.0%", not "90%").
func (r Rate) Format(places int32, tag language.Tag) string {
	v, ok := r.Value(places)
	if !ok {
		return noData
	}
	if r.Scale == Count {
		return v.String()
	}
	return v.StringFixed(places) + r.Scale.Suffix(tag)
}

// String formats the rate with one decimal place (the reporting default, nbphs-spec §14)
// in simplified Chinese: "91.0%", "6.5‰", "12.3/10万", or "—" without data.
func (r Rate) String() string { return r.Format(1, language.SimplifiedChinese) }

// errPeriod is every computation's answer to a period that is not valid (both bounds
// set, Start before End: gongwei.Period.IsValid).
var errPeriod = fmt.Errorf("%w: indicators: period", gongwei.ErrInvalid)
