package healthrecord

// The closed code sets of the forms (their types, constants, labels and methods) are
// declared once, in codesets.tsv, and generated into codesets_gen.go.
//go:generate go run ../internal/cmd/gencodesets -in codesets.tsv -out codesets_gen.go

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// biCode is one entry of a closed code table of the personal basic information form: the
// code as printed on the form and its label in each catalog language.
type biCode struct {
	code, zhHans, zhHant, en string
}

// biCodeSet is a closed code table. Its labels are registered in the catalog under
// "<key>.<code>" by messages.go.
type biCodeSet struct {
	key   string
	codes []biCode
	// digits holds the codes of one or two decimal digits as bits (see digitBit);
	// other holds any other code. has reads them instead of scanning codes: validating a
	// form looks up a code per item.
	digits [2]uint64
	other  map[string]bool
}

// biCodeSets lists every table, for registration and for the catalog test.
var biCodeSets []*biCodeSet

func newBICodeSet(key string, codes ...biCode) *biCodeSet {
	s := &biCodeSet{key: key, codes: codes}
	for _, c := range codes {
		if bit, ok := digitBit(c.code); ok {
			s.digits[bit/64] |= 1 << (bit % 64)
			continue
		}
		if s.other == nil {
			s.other = map[string]bool{}
		}
		s.other[c.code] = true
	}
	biCodeSets = append(biCodeSets, s)
	return s
}

func (s *biCodeSet) has(c string) bool {
	if bit, ok := digitBit(c); ok {
		return s.digits[bit/64]&(1<<(bit%64)) != 0
	}
	return s.other[c]
}

// digitBit numbers the codes of one or two decimal digits: "0"-"9" are 0-9, "00"-"99"
// are 10-109.
func digitBit(c string) (uint, bool) {
	isDigit := func(b byte) bool { return '0' <= b && b <= '9' }
	switch {
	case len(c) == 1 && isDigit(c[0]):
		return uint(c[0] - '0'), true
	case len(c) == 2 && isDigit(c[0]) && isDigit(c[1]):
		return 10 + uint(c[0]-'0')*10 + uint(c[1]-'0'), true
	}
	return 0, false
}

func (s *biCodeSet) label(c string, tag language.Tag) string {
	if !s.has(c) {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(s.key + "." + c)
}

func (s *biCodeSet) messages() []gongwei.Message {
	out := make([]gongwei.Message, len(s.codes))
	for i, c := range s.codes {
		out[i] = gongwei.Message{Key: s.key + "." + c.code, ZhHans: c.zhHans, ZhHant: c.zhHant, En: c.en}
	}
	return out
}

// list returns the codes in form order.
func biList[T ~string](s *biCodeSet) []T {
	out := make([]T, len(s.codes))
	for i, c := range s.codes {
		out[i] = T(c.code)
	}
	return out
}

// biCheckMulti validates a multi-select answer: every code must be in its table (else
// CodeUnknownCode at field[i]), no code may be listed twice (CodeDuplicate), and the
// "none" code cannot be combined with another code (CodeNotAllowed at the none entry).
func biCheckMulti[T ~string](ve *gongwei.ValidationError, field string, xs []T, none T, valid func(T) bool) {
	for i, x := range xs {
		if !valid(x) {
			ve.Add(indexed(field, i, ""), gongwei.CodeUnknownCode)
			continue
		}
		for j := 0; j < i; j++ {
			if xs[j] == x {
				ve.Add(indexed(field, i, ""), gongwei.CodeDuplicate)
				break
			}
		}
		if x == none && len(xs) > 1 {
			ve.Add(indexed(field, i, ""), gongwei.CodeNotAllowed)
		}
	}
}

// textField is one text of a form as checkTextFields checks it: its field path, its
// value and its kind.
type textField struct {
	field string
	s     string
	k     gongwei.TextKind
}

// checkTextFields checks every text of ts (gongwei.CheckText).
func checkTextFields(ve *gongwei.ValidationError, ts []textField) {
	for _, t := range ts {
		gongwei.CheckText(ve, t.field, t.s, t.k)
	}
}

// checkItemText checks the text s of kind k of list item i of list (gongwei.CheckText on
// the path indexed(list, i, suffix)), building the path only for a problem.
func checkItemText(ve *gongwei.ValidationError, list string, i int, suffix, s string, k gongwei.TextKind) {
	if !gongwei.TextValid(s, k) {
		gongwei.CheckText(ve, indexed(list, i, suffix), s, k)
	}
}

// indexed returns the path of list item i of field followed by suffix,
// "Illnesses[2].Diagnosed". Validators build it only when they report a problem, so that
// a valid form costs no allocation.
func indexed(field string, i int, suffix string) string {
	return indexPath(field, i) + suffix
}

// blank reports whether s shows nothing: empty, or only white space and invisible
// characters (gongwei.IsBlank), without building a trimmed string.
func blank(s string) bool { return gongwei.IsBlank(s) }

func biContains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// PermanentResidenceMonths is the stay that makes a non-registered person a resident of
// the catchment area (常住居民): "居住半年以上", nbphs-spec §0 and §1.1. Half a year is
// taken as 6 completed months, the bound included (以上 includes the number).
const PermanentResidenceMonths = 6

// IsPermanentResident decides 常住居民 (nbphs-spec §0): a registered (户籍) resident
// counts; a non-registered one counts after living in the area at least
// PermanentResidenceMonths completed months. An unknown residence type never counts.
func IsPermanentResident(t ResidenceType, monthsLived int) bool {
	switch t {
	case ResidenceRegistered:
		return true
	case ResidenceNonRegistered:
		return monthsLived >= PermanentResidenceMonths
	}
	return false
}

// rh2011 maps the 2011 edition's answer to "RH阴性?" (1否 2是 3不详) to the 2017 code:
// "no, not negative" is positive and "yes" is negative (data-standards §3.1, §7.3).
var rh2011 = map[string]RhBloodType{
	"1": RhPositive, // 否: not Rh negative
	"2": RhNegative, // 是: Rh negative
	"3": RhUnknown,  // 不详
}

// DecodeRh2011 converts an answer of the 2011 form's "RH阴性: 1否 2是 3不详" to the 2017
// code. The meanings of 1 and 2 are inverted between the editions (data-standards §3.1),
// so 2011's "1" (否) becomes RhPositive and "2" (是) becomes RhNegative. Any other code
// fails with an error wrapping gongwei.ErrInvalid.
func DecodeRh2011(code string) (RhBloodType, error) {
	if t, ok := rh2011[gongwei.NormalizeCode(code)]; ok {
		return t, nil
	}
	return "", ErrUnknownCode
}

// ErrUnknownCode is returned by the decoders of form codes (DecodeRh2011,
// MaritalStatusFromGB, ParseEthnicity, ParseRelation) for a code not in their table. It
// wraps gongwei.ErrInvalid and never repeats the input.
var ErrUnknownCode = fmt.Errorf("%w: code not in its code set", gongwei.ErrInvalid)

// maritalToGB is the form → GB/T 2261.2 mapping, data-standards §3.2.
var maritalToGB = map[MaritalStatus]string{
	MaritalNeverMarried: "10",
	MaritalMarried:      "20",
	MaritalWidowed:      "30",
	MaritalDivorced:     "40",
	MaritalNotStated:    "90",
}

// maritalFromGB is the GB/T 2261.2 → form mapping, data-standards §3.2: 21 初婚, 22 再婚
// and 23 复婚 all become 2 已婚.
var maritalFromGB = map[string]MaritalStatus{
	"10": MaritalNeverMarried,
	"20": MaritalMarried,
	"21": MaritalMarried,
	"22": MaritalMarried,
	"23": MaritalMarried,
	"30": MaritalWidowed,
	"40": MaritalDivorced,
	"90": MaritalNotStated,
}

// GBCode returns the GB/T 2261.2 code of m ("10", "20", "30", "40", "90"), or "" when m
// is not valid (data-standards §3.2).
func (m MaritalStatus) GBCode() string { return maritalToGB[m] }

// MaritalStatusFromGB converts a GB/T 2261.2 code to the form code (data-standards §3.2).
func MaritalStatusFromGB(code string) (MaritalStatus, error) {
	if m, ok := maritalFromGB[gongwei.NormalizeCode(code)]; ok {
		return m, nil
	}
	return "", ErrUnknownCode
}

// NeedsDetail reports whether the form asks for a name with d: the site of a malignant
// tumour, the name of an occupational disease or of another disease (data-standards §3.1).
func (d Disease) NeedsDetail() bool {
	return d == DiseaseCancer || d == DiseaseOccupational || d == DiseaseOther
}
