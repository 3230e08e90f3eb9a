package gongwei

import (
	"errors"
	"strings"

	"golang.org/x/text/language"
)

// Sentinel errors to branch on with errors.Is. Every error the library returns for one of
// these conditions wraps the matching sentinel, once.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("gongwei: not found")
	// ErrConflict: a write carried a stale version (optimistic concurrency).
	ErrConflict = errors.New("gongwei: version conflict")
	// ErrDuplicate: a record with the same unique key (an ID number, an archive number)
	// already exists.
	ErrDuplicate = errors.New("gongwei: duplicate")
	// ErrInvalid: the input is malformed or breaks a rule; a *ValidationError or a
	// parse error gives the detail.
	ErrInvalid = errors.New("gongwei: invalid")
)

// Code is a stable, machine-readable validation code such as "required" or
// "id.check". Codes are catalog keys: their text comes from the message catalog. A code
// is never renamed once published.
type Code string

// Codes shared by every package. Domain packages add their own, prefixed with the package
// name.
const (
	CodeRequired    Code = "required"     // a required value is missing
	CodeOutOfRange  Code = "out_of_range" // a number outside its plausible range; args: min, max
	CodeUnknownCode Code = "unknown_code" // a value not in its code set
	CodeFormat      Code = "format"       // malformed text
	CodeInFuture    Code = "in_future"    // a date after the date of recording
	CodeBeforeBirth Code = "before_birth" // a date before the person's birth
	CodeOrder       Code = "order"        // two dates or values in the wrong order
	CodeNotAllowed  Code = "not_allowed"  // a value not allowed in this combination
	CodeDuplicate   Code = "duplicate"    // the same item listed twice
)

func init() {
	RegisterMessages(
		Message{Key: string(CodeRequired), ZhHans: "必填项未填写", ZhHant: "必填項未填寫", En: "is required"},
		Message{Key: string(CodeOutOfRange), ZhHans: "数值超出合理范围（%v～%v）", ZhHant: "數值超出合理範圍（%v～%v）", En: "is outside the plausible range %v-%v"},
		Message{Key: string(CodeUnknownCode), ZhHans: "代码不在代码表中", ZhHant: "代碼不在代碼表中", En: "is not a code of its code set"},
		Message{Key: string(CodeFormat), ZhHans: "格式不正确", ZhHant: "格式不正確", En: "is malformed"},
		Message{Key: string(CodeInFuture), ZhHans: "日期晚于填表日期", ZhHant: "日期晚於填表日期", En: "is after the date of recording"},
		Message{Key: string(CodeBeforeBirth), ZhHans: "日期早于出生日期", ZhHant: "日期早於出生日期", En: "is before the date of birth"},
		Message{Key: string(CodeOrder), ZhHans: "先后顺序不正确", ZhHant: "先後順序不正確", En: "is out of order"},
		Message{Key: string(CodeNotAllowed), ZhHans: "此情况下不允许填写该值", ZhHant: "此情況下不允許填寫該值", En: "is not allowed here"},
		Message{Key: string(CodeDuplicate), ZhHans: "重复填写", ZhHant: "重複填寫", En: "is listed twice"},
	)
}

// FieldError is one problem with one field of a record. It never holds the offending
// value itself, only where it is (Field), what is wrong (Code) and non-personal
// arguments for the message (a range, a limit).
type FieldError struct {
	// Field is the path of the field, in Go field names joined by dots, with indexes in
	// brackets: "IDNumber", "PastIllnesses[2].Diagnosed", "Vitals.SystolicLeft".
	Field string
	// Code is the stable code of the problem.
	Code Code
	// Args fill the message's verbs (for CodeOutOfRange: min and max).
	Args []any
}

// Message returns the localized description of the problem, without the field name.
func (e FieldError) Message(tag language.Tag) string {
	return NewPrinter(tag).Sprintf(string(e.Code), e.Args...)
}

// Error returns "Field: message [code]" in simplified Chinese.
func (e FieldError) Error() string {
	return e.Field + ": " + e.Message(language.SimplifiedChinese) + " [" + string(e.Code) + "]"
}

// ValidationError reports every problem found in one record at once. It unwraps to
// [ErrInvalid], so errors.Is(err, gongwei.ErrInvalid) holds, and errors.As(err, &ve)
// gives the list.
//
// It is also the collector used while validating: add problems with Add and finish with
// Err, which returns nil when nothing was added.
type ValidationError struct {
	// Record names the record type, e.g. "healthrecord.Resident".
	Record string
	// Fields lists the problems in the order they were found.
	Fields []FieldError
}

// Add records a problem with field.
func (v *ValidationError) Add(field string, code Code, args ...any) {
	v.Fields = append(v.Fields, FieldError{Field: field, Code: code, Args: args})
}

// Check records a problem with field unless ok.
func (v *ValidationError) Check(ok bool, field string, code Code, args ...any) {
	if !ok {
		v.Add(field, code, args...)
	}
}

// Merge adds the problems of err, a *ValidationError from validating a nested value,
// with their paths prefixed by prefix and a dot. Any other non-nil error is added as a
// CodeFormat problem of prefix itself.
func (v *ValidationError) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var inner *ValidationError
	if !errors.As(err, &inner) {
		v.Add(prefix, CodeFormat)
		return
	}
	for _, f := range inner.Fields {
		if prefix != "" {
			if f.Field == "" {
				f.Field = prefix
			} else {
				f.Field = prefix + "." + f.Field
			}
		}
		v.Fields = append(v.Fields, f)
	}
}

// Len returns the number of problems found so far.
func (v *ValidationError) Len() int { return len(v.Fields) }

// Err returns nil when no problem was added, and v otherwise. Returning through Err
// avoids the typed-nil trap of returning a nil *ValidationError as an error.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Fields) == 0 {
		return nil
	}
	// A copy, so that a collector declared as a local value stays on the stack (no
	// allocation) when the record is valid.
	c := *v
	return &c
}

// Has reports whether a problem with the field and code was found.
func (v *ValidationError) Has(field string, code Code) bool {
	for _, f := range v.Fields {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}

// Error lists every problem in simplified Chinese: "invalid healthrecord.Resident:
// Name: 必填项未填写 [required]; ...". It never contains a field's value.
func (v *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("invalid ")
	if v.Record != "" {
		b.WriteString(v.Record)
	} else {
		b.WriteString("record")
	}
	b.WriteString(": ")
	for i, f := range v.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Error())
	}
	return b.String()
}

// Messages returns one localized line per problem: "Field: message".
func (v *ValidationError) Messages(tag language.Tag) []string {
	out := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		out[i] = f.Field + ": " + f.Message(tag)
	}
	return out
}

// Unwrap returns [ErrInvalid].
func (v *ValidationError) Unwrap() error { return ErrInvalid }

// CheckRange records CodeOutOfRange for field unless min <= x <= max. NaN and the
// infinities are outside every range. It is the one helper every package uses for the
// plausibility ranges of its measurements.
func (v *ValidationError) CheckRange(field string, x, min, max float64) {
	if !(x >= min && x <= max) {
		v.Add(field, CodeOutOfRange, min, max)
	}
}
