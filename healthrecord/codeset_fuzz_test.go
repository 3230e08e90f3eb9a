package healthrecord

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// codeSeeds are inputs at the edges of every code-set parser: valid codes, codes with
// white space, hyphens, control characters and full-width digits in every position,
// names and nonsense.
var codeSeeds = []string{
	"", "0", "00", "01", "02", "1", "2", "3", "4", "10", "20", "90", "99", "57", "58", "4 ", " 04", "0\n4", "0-4",
	"０４", "0\x004", "\u200b04", "藏族", "藏", "藏族\n", "藏\u3000族", "毛难族", "崩龙族", "汉", "漢族", "少数民族",
	"110105001101", "110105001\n101", "1101050011-01", "110105000101", "110105099101", "110105901101",
	"１１０１０５００１１０１", "-1", "+1", "x", "\xff",
}

// wantUnknownCode fails unless err is exactly ErrUnknownCode: a fixed error wrapping
// gongwei.ErrInvalid, which therefore cannot repeat the input.
func wantUnknownCode(t *testing.T, err error) {
	t.Helper()
	if err != ErrUnknownCode || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("error %v is not ErrUnknownCode", err)
	}
}

// FuzzParseRelation: a relation parses to a valid code that parses back to itself.
func FuzzParseRelation(f *testing.F) {
	fuzzCode(f, ParseRelation, refusedUnknownCode, Relation.IsValid, func(r Relation) []string { return []string{string(r)} })
}

// FuzzParseEthnicity: an ethnicity parses to a valid GB 3304 code that parses back to
// itself, by code and by its Chinese names.
func FuzzParseEthnicity(f *testing.F) {
	fuzzCode(f, ParseEthnicity, refusedUnknownCode, Ethnicity.IsValid, func(e Ethnicity) []string {
		return []string{string(e), e.Label(language.SimplifiedChinese), e.Label(language.TraditionalChinese)}
	})
}

// fuzzCode fuzzes the code-set parser parse from codeSeeds: a refusal passes refused,
// and a code it accepts is valid and parses back to itself from each of its texts.
func fuzzCode[T comparable](f *testing.F, parse func(string) (T, error), refused func(t *testing.T, s string, err error),
	valid func(T) bool, texts func(T) []string) {
	for _, s := range codeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := parse(s)
		if err != nil {
			refused(t, s, err)
			return
		}
		if !valid(x) {
			t.Fatalf("parse(%q) = invalid %v", s, x)
		}
		for _, in := range texts(x) {
			if back, err := parse(in); err != nil || back != x {
				t.Fatalf("round trip %v via %q -> %v, %v", x, in, back, err)
			}
		}
	})
}

// refusedUnknownCode is wantUnknownCode as a refusal check of fuzzCode.
func refusedUnknownCode(t *testing.T, _ string, err error) {
	t.Helper()
	wantUnknownCode(t, err)
}

// FuzzDecodeFormCodes covers the decoders of legacy form codes (DecodeRh2011,
// MaritalStatusFromGB): a code decodes to a valid 2017 form code that maps back, or
// fails with ErrUnknownCode.
func FuzzDecodeFormCodes(f *testing.F) {
	for _, s := range codeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if rh, err := DecodeRh2011(s); err != nil {
			wantUnknownCode(t, err)
		} else if !rh.IsValid() {
			t.Fatalf("DecodeRh2011(%q) = invalid %q", s, rh)
		}
		m, err := MaritalStatusFromGB(s)
		if err != nil {
			wantUnknownCode(t, err)
			return
		}
		if !m.IsValid() {
			t.Fatalf("MaritalStatusFromGB(%q) = invalid %q", s, m)
		}
		if back, err := MaritalStatusFromGB(m.GBCode()); err != nil || back != m {
			t.Fatalf("round trip %q -> %q -> %q, %v", m, m.GBCode(), back, err)
		}
	})
}

// FuzzParseVillage: a village prefix is 12 ASCII digits with a valid village segment
// and parses back to itself; a refusal is a typed archive error without the input.
func FuzzParseVillage(f *testing.F) {
	fuzzCode(f, ParseVillage, checkArchiveRefusal,
		func(v Village) bool { return len(v) == 12 && strings.Trim(string(v), "0123456789") == "" },
		func(v Village) []string { return []string{string(v)} })
}

// FuzzCodeUnmarshalText: the text decoders of ID numbers, phone numbers and archive
// numbers accept exactly what their parsers accept (empty text is the zero value),
// encode back to text that decodes to the same value, and leave the value unchanged
// when they refuse.
func FuzzCodeUnmarshalText(f *testing.F) {
	for i, s := range []string{"11010519491231002X", "11010519491231002x", "110105491231002", "13800138000",
		"010-12345678", "11010500110100042", "", "1101051949123\n1002X", "110105000101010010", "110105999912310014",
		"110105000012310016", "11010500110100042\x00"} {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, kind uint8, s string) {
		type codec interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}
		var v, back codec
		var parseErr error
		switch kind % 3 {
		case 0:
			x := MustParseIDNumber("11010519491231002X")
			v, back = &x, new(IDNumber)
			_, parseErr = ParseIDNumber(s)
		case 1:
			x := MustParsePhone("13800138000")
			v, back = &x, new(Phone)
			_, parseErr = ParsePhone(s)
		default:
			x := MustParseArchiveNumber("11010500110100042")
			v, back = &x, new(ArchiveNumber)
			_, parseErr = ParseArchiveNumber(s)
		}
		before, _ := v.MarshalText()
		err := v.UnmarshalText([]byte(s))
		if s != "" && (err == nil) != (parseErr == nil) {
			t.Fatalf("UnmarshalText(%q): %v, parser: %v", s, err, parseErr)
		}
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("untyped error %v", err)
			}
			if d := digitsOf(s); len(d) >= 6 && strings.Contains(err.Error(), d) {
				t.Fatalf("error %q contains the input", err)
			}
			if after, _ := v.MarshalText(); string(after) != string(before) {
				t.Fatalf("a refused decode changed the value")
			}
			return
		}
		text, _ := v.MarshalText()
		if err := back.UnmarshalText(text); err != nil {
			t.Fatalf("%q does not decode again: %v", text, err)
		}
		if again, _ := back.MarshalText(); string(again) != string(text) {
			t.Fatalf("round trip %q -> %q", text, again)
		}
	})
}
