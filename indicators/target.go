package indicators

import (
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// Op is the comparison of a target: ≥, ≤, < or >.
type Op uint8

// The comparisons. The numbering is part of JSON output: append only.
const (
	OpAtLeast Op = iota + 1 // ≥ (建档率 ≥90%, ≥12 lectures)
	OpAtMost                // ≤ (参合信息差错率 ≤1‰)
	OpBelow                 // < (孕产妇死亡率 <14/10万, 5岁以下儿童死亡率 <7‰)
	OpAbove                 // > (社区服务人口基线调查率 >40%)
)

var opSymbols = [...]string{OpAtLeast: "≥", OpAtMost: "≤", OpBelow: "<", OpAbove: ">"}

// String returns the symbol: "≥", "≤", "<" or ">".
func (o Op) String() string {
	if o < OpAtLeast || o > OpAbove {
		return "?"
	}
	return opSymbols[o]
}

// Target is a plan's target for one indicator: a comparison and a value on the indicator's
// scale (90 means 90% for a percentage, 14 means 14/10万 for a per-100k rate, 12 means 12
// for a count). Values are decimals built from strings, so a table of targets reads like
// the plan it comes from (go-style.md §8 item 13). The zero Target has no comparison.
type Target struct {
	Op    Op
	Value decimal.Decimal
}

// AtLeast returns the target ≥ v. It panics if v is not a decimal literal (for tables).
func AtLeast(v string) Target { return Target{OpAtLeast, decimal.RequireFromString(v)} }

// AtMost returns the target ≤ v. It panics if v is not a decimal literal.
func AtMost(v string) Target { return Target{OpAtMost, decimal.RequireFromString(v)} }

// Below returns the target < v. It panics if v is not a decimal literal.
func Below(v string) Target { return Target{OpBelow, decimal.RequireFromString(v)} }

// Above returns the target > v. It panics if v is not a decimal literal.
func Above(v string) Target { return Target{OpAbove, decimal.RequireFromString(v)} }

// IsZero reports whether t is the zero Target.
func (t Target) IsZero() bool { return t.Op == 0 && t.Value.IsZero() }

// IsValid reports whether t has a known comparison and a non-negative value.
func (t Target) IsValid() bool { return t.Op >= OpAtLeast && t.Op <= OpAbove && !t.Value.IsNegative() }

// Met reports whether value v meets the target. Compare values rounded as they are shown
// (Evaluate does): a reported 90.0% meets ≥90 even if the unrounded ratio is 89.96%.
func (t Target) Met(v decimal.Decimal) bool {
	c := v.Cmp(t.Value)
	switch t.Op {
	case OpAtLeast:
		return c >= 0
	case OpAtMost:
		return c <= 0
	case OpBelow:
		return c < 0
	case OpAbove:
		return c > 0
	}
	return false
}

// String returns the target as "≥90", "<14"; "" for the zero Target.
func (t Target) String() string {
	if t.IsZero() {
		return ""
	}
	return t.Op.String() + t.Value.String()
}

// Format returns the target with the scale's suffix: "≥90%", "<14/10万", "≥12".
func (t Target) Format(s Scale, tag language.Tag) string {
	if t.IsZero() {
		return ""
	}
	return t.String() + s.Suffix(tag)
}

// MarshalText encodes the target as String does.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses the target as ParseTarget does.
func (t *Target) UnmarshalText(b []byte) error {
	u, err := ParseTarget(string(b))
	if err != nil {
		return err
	}
	*t = u
	return nil
}

var errTarget = fmt.Errorf("%w: target", gongwei.ErrInvalid)

// ParseTarget parses a target as plans write it: a comparison ("≥", ">=", "≤", "<=", "<",
// ">"; also the full-width forms typed through Chinese input methods), a non-negative
// decimal, and an optional unit that is ignored ("%", "％", "‰", "/万", "/10万", "次",
// "人"): "≥90%", ">= 95", "<14/10万", "≥12次". The empty string gives the zero Target.
// Errors wrap gongwei.ErrInvalid.
func ParseTarget(s string) (Target, error) {
	s = gongwei.Normalize(s) // full-width ＞＝ and digits to ASCII
	if s == "" {
		return Target{}, nil
	}
	var op Op
	for _, p := range []struct {
		prefix string
		op     Op
	}{{"≥", OpAtLeast}, {">=", OpAtLeast}, {"≤", OpAtMost}, {"<=", OpAtMost}, {"<", OpBelow}, {">", OpAbove}} {
		if strings.HasPrefix(s, p.prefix) {
			op, s = p.op, strings.TrimSpace(s[len(p.prefix):])
			break
		}
	}
	if op == 0 {
		return Target{}, errTarget
	}
	for _, suffix := range []string{"/10万", "/10萬", "/万", "/萬", "%", "‰", "次", "人", "个", "種", "种"} {
		if strings.HasSuffix(s, suffix) {
			s = strings.TrimSpace(strings.TrimSuffix(s, suffix))
			break
		}
	}
	if s == "" || len(s) > 32 {
		return Target{}, errTarget
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return Target{}, errTarget
		}
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		return Target{}, errTarget
	}
	return Target{Op: op, Value: v}, nil
}
