// Package badinput builds the bad-input cases the record types' tests run: the
// implausible dates, numbers and texts a legacy system can hand the library (placeholder
// dates such as 9999-12-31, NaN from a failed computation, NUL bytes and invalid UTF-8
// from a broken export, a megabyte pasted into a name, a name of only a zero-width space),
// and the assertions every case makes: the error is a *gongwei.ValidationError wrapping
// gongwei.ErrInvalid, it lists every expected problem by field path and code, and its text
// in every language carries none of the bad value.
package badinput

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// Problem is one expected problem: a field path and a code.
type Problem struct {
	Field string
	Code  gongwei.Code
}

// Case is one bad input of a record of type T: Mutate spoils a valid record, Want lists
// the problems the validation must report (others may be reported too), Secret is text
// the error must not contain.
type Case[T any] struct {
	Name   string
	Mutate func(*T)
	Want   []Problem
	Secret string
}

// Marker is the text every bad text value carries, so that a test can tell that the
// value did not leak into an error.
const Marker = "秘XQZ"

// Far are the implausible dates of the future: the turn of the century placeholders and
// the last representable day.
var Far = []gongwei.Date{
	gongwei.MustDate(2099, 1, 1),
	gongwei.MustDate(2199, 12, 31),
	gongwei.MustDate(9999, 12, 31),
}

// RecordingDay is the clock of the bad-input tests: 2025-12-31 09:00 UTC, so the day
// of recording is 2025-12-31 on the Asia/Shanghai clock.
var RecordingDay = gongwei.Clock(func() time.Time { return time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC) })

// Year1 is the first representable day, a common "unknown" placeholder.
var Year1 = gongwei.MustDate(1, 1, 1)

// Dates returns the cases of a date field: year 1 (gongwei.CodeTooEarly) and each of Far
// (gongwei.CodeInFuture, or future when not empty: the code a planned or bounded date
// reports).
func Dates[T any](field string, set func(*T, gongwei.Date)) []Case[T] {
	out := []Case[T]{{
		Name:   field + "/year 1",
		Mutate: func(x *T) { set(x, Year1) },
		Want:   []Problem{{field, gongwei.CodeTooEarly}},
		Secret: "0001-01-01",
	}}
	for _, d := range Far {
		out = append(out, Case[T]{
			Name:   field + "/" + d.String(),
			Mutate: func(x *T) { set(x, d) },
			Want:   []Problem{{field, gongwei.CodeInFuture}},
			Secret: d.String(),
		})
	}
	return out
}

// BeforeBirth returns the case of a date field set to the day before birth
// (gongwei.CodeBeforeBirth, or code when not empty).
func BeforeBirth[T any](field string, birth gongwei.Date, set func(*T, gongwei.Date), code gongwei.Code) Case[T] {
	if code == "" {
		code = gongwei.CodeBeforeBirth
	}
	d := birth.AddDays(-1)
	return Case[T]{
		Name:   field + "/before birth",
		Mutate: func(x *T) { set(x, d) },
		Want:   []Problem{{field, code}},
		Secret: d.String(),
	}
}

// Floats returns the cases of a measurement: NaN, +Inf, -Inf, a negative value and an
// absurdly large one, each refused with code (gongwei.CodeOutOfRange when empty).
func Floats[T any](field string, set func(*T, float64), code gongwei.Code) []Case[T] {
	if code == "" {
		code = gongwei.CodeOutOfRange
	}
	var out []Case[T]
	for _, v := range []struct {
		name   string
		x      float64
		secret string
	}{
		{"NaN", math.NaN(), "NaN"},
		{"+Inf", math.Inf(1), "Inf"},
		{"-Inf", math.Inf(-1), "Inf"},
		{"negative", -7.25, "7.25"},
		{"huge", 3.5e300, "e+300"},
	} {
		out = append(out, Case[T]{
			Name:   field + "/" + v.name,
			Mutate: func(x *T) { set(x, v.x) },
			Want:   []Problem{{field, code}},
			Secret: v.secret,
		})
	}
	return out
}

// Ints returns the cases of an integer measurement: a negative value and an absurdly
// large one (gongwei.CodeOutOfRange).
func Ints[T any](field string, set func(*T, int)) []Case[T] {
	return []Case[T]{
		{Name: field + "/negative", Mutate: func(x *T) { set(x, -73) }, Want: []Problem{{field, gongwei.CodeOutOfRange}}, Secret: "-73"},
		{Name: field + "/huge", Mutate: func(x *T) { set(x, 987654321) }, Want: []Problem{{field, gongwei.CodeOutOfRange}}, Secret: "987654321"},
	}
}

// Texts returns the cases of a text field: invalid UTF-8, a NUL byte, an escape and a
// bell character (gongwei.CodeTextInvalid), and one megabyte (gongwei.CodeTooLong).
// Every value carries Marker.
func Texts[T any](field string, set func(*T, string)) []Case[T] {
	var out []Case[T]
	for _, v := range []struct{ name, s string }{
		{"invalid UTF-8", "王\xff\xfe" + Marker},
		{"NUL", "王\x00" + Marker},
		{"escape", "王\x1b[2J" + Marker},
		{"bell", Marker + "\a"},
		{"C1 control", Marker + "\u0085x"},
	} {
		out = append(out, Case[T]{
			Name:   field + "/" + v.name,
			Mutate: func(x *T) { set(x, v.s) },
			Want:   []Problem{{field, gongwei.CodeTextInvalid}},
			Secret: Marker,
		})
	}
	big := Marker + strings.Repeat("张", 1<<20/3)
	out = append(out, Case[T]{
		Name:   field + "/1 MB",
		Mutate: func(x *T) { set(x, big) },
		Want:   []Problem{{field, gongwei.CodeTooLong}},
		Secret: Marker,
	})
	return out
}

// Blank returns the cases of a required name made only of invisible characters: a
// zero-width space, a byte-order mark and joiners, an ideographic space with a
// zero-width non-joiner (gongwei.CodeRequired).
func Blank[T any](field string, set func(*T, string)) []Case[T] {
	var out []Case[T]
	for _, v := range []struct{ name, s string }{
		{"zero-width space", "\u200b"},
		{"BOM and joiners", "\ufeff\u200d\u200c"},
		{"ideographic space", "\u3000\u200c "},
		{"Hangul filler", "\u3164"},
	} {
		out = append(out, Case[T]{
			Name:   field + "/" + v.name,
			Mutate: func(x *T) { set(x, v.s) },
			Want:   []Problem{{field, gongwei.CodeRequired}},
		})
	}
	return out
}

// Check asserts that err is a *gongwei.ValidationError wrapping gongwei.ErrInvalid that
// lists every problem of want and none twice, and that neither its Error text nor its messages in any
// language contain secret (when not empty). It returns the validation error.
func Check(t testing.TB, err error, want []Problem, secret string) *gongwei.ValidationError {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	if !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("error %q does not wrap gongwei.ErrInvalid", short(err.Error()))
	}
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %q is not a *gongwei.ValidationError", short(err.Error()))
	}
	seen := make(map[string]bool, len(ve.Fields))
	for _, f := range ve.Fields {
		k := f.Field + " " + string(f.Code)
		if seen[k] {
			t.Errorf("problem %s listed twice", k)
		}
		seen[k] = true
	}
	for _, w := range want {
		if !ve.Has(w.Field, w.Code) {
			t.Errorf("problem %s %s not listed; got %s", w.Field, w.Code, list(ve))
		}
	}
	if secret != "" {
		texts := []string{err.Error()}
		for _, tag := range gongwei.Languages {
			texts = append(texts, ve.Messages(tag)...)
		}
		for _, s := range texts {
			if strings.Contains(s, secret) {
				t.Errorf("error text carries the bad value: %q", short(s))
			}
		}
	}
	return ve
}

func list(ve *gongwei.ValidationError) string {
	var b strings.Builder
	for i, f := range ve.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Field + " " + string(f.Code))
	}
	return b.String()
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// Count returns how many cases cs holds, for tests that report their coverage.
func Count[T any](cs ...[]Case[T]) int {
	n := 0
	for _, c := range cs {
		n += len(c)
	}
	return n
}

// Combine returns one case that applies every case of cs to the same record and wants
// every problem of each: a record with several problems must list them all.
func Combine[T any](name string, cs ...Case[T]) Case[T] {
	out := Case[T]{Name: name}
	for _, c := range cs {
		out.Want = append(out.Want, c.Want...)
	}
	out.Mutate = func(x *T) {
		for _, c := range cs {
			c.Mutate(x)
		}
	}
	return out
}

// Suite runs bad-input cases against one record type.
type Suite[T any] struct {
	// Fresh returns a new valid record.
	Fresh func() *T
	// Validate is the record's own validation.
	Validate func(*T) error
	// Save saves the record through its service; nil when the type has none.
	Save func(context.Context, *T) error
	// Stored looks the record up after a failed save; it must fail with an error
	// wrapping gongwei.ErrNotFound (nothing stored).
	Stored func(context.Context, *T) error
}

// Run checks that Fresh is valid, then runs every case: through Validate and, when the
// suite has one, through Save, each time asserting with Check, and after Save that
// nothing was stored. It returns the number of cases run.
func (s Suite[T]) Run(t *testing.T, cases ...[]Case[T]) int {
	t.Helper()
	if err := s.Validate(s.Fresh()); err != nil {
		t.Fatalf("the valid fixture is invalid: %v", err)
	}
	n := 0
	for _, cs := range cases {
		for _, c := range cs {
			n++
			t.Run(c.Name, func(t *testing.T) {
				x := s.Fresh()
				c.Mutate(x)
				Check(t, s.Validate(x), c.Want, c.Secret)
				if s.Save == nil {
					return
				}
				y := s.Fresh()
				c.Mutate(y)
				ctx := context.Background()
				Check(t, s.Save(ctx, y), c.Want, c.Secret)
				if err := s.Stored(ctx, y); !errors.Is(err, gongwei.ErrNotFound) {
					t.Errorf("after a refused save the store holds the record (lookup: %v)", err)
				}
			})
		}
	}
	return n
}
