package healthrecord

import (
	"fmt"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// IDNumber is a citizen identification number (公民身份号码) by GB 11643-1999: a 6-digit
// address code (GB/T 2260 county of household registration), an 8-digit birth date, a
// 3-digit sequence code (odd for men, even for women) and the ISO 7064 MOD 11-2 check
// character (data-standards §1.2-§1.3). It is the cross-record identity key of the
// resident health record (nbphs-spec §1.4).
//
// The zero IDNumber is "not recorded". An IDNumber is comparable and holds the
// canonical 18-character form.
type IDNumber struct {
	s string
}

// Errors of ParseIDNumber. Each wraps gongwei.ErrInvalid and none repeats the input.
var (
	ErrIDLength = fmt.Errorf("%w: ID number must have 18 characters (or 15 legacy digits)", gongwei.ErrInvalid)
	ErrIDChar   = fmt.Errorf("%w: ID number has a character other than digits and a final X", gongwei.ErrInvalid)
	ErrIDDate   = fmt.Errorf("%w: ID number holds an impossible birth date", gongwei.ErrInvalid)
	ErrIDCheck  = fmt.Errorf("%w: ID number check character is wrong", gongwei.ErrInvalid)
)

// Validation codes of ID numbers, one per error of ParseIDNumber.
const (
	CodeIDLength gongwei.Code = "id.length"
	CodeIDChar   gongwei.Code = "id.char"
	CodeIDDate   gongwei.Code = "id.date"
	CodeIDCheck  gongwei.Code = "id.check"
)

// IDErrorCode returns the validation code of an error from ParseIDNumber, or "" if err
// is not one.
func IDErrorCode(err error) gongwei.Code { return errorCode(err, idErrorCodes) }

// idErrorCodes pairs each error of ParseIDNumber with its validation code.
var idErrorCodes = []errCode{
	{ErrIDLength, CodeIDLength},
	{ErrIDChar, CodeIDChar},
	{ErrIDDate, CodeIDDate},
	{ErrIDCheck, CodeIDCheck},
}

// idWeights are the ISO 7064 MOD 11-2 weights 2^(18-i) mod 11 for positions 1-17
// (data-standards §1.3).
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps S mod 11 to the check character (data-standards §1.3 table).
const idCheckChars = "10X98765432"

// idCheck returns the check character of the 17-digit body.
func idCheck(body string) byte {
	s := 0
	for i := 0; i < 17; i++ {
		s += int(body[i]-'0') * idWeights[i]
	}
	return idCheckChars[s%11]
}

// ParseIDNumber parses and verifies a citizen ID number. Input typed through Chinese input
// methods is accepted: full-width digits and Ｘ, a lower-case x, spaces and hyphens
// (data-standards §6.3); the stored form ends in an upper-case X. A 15-digit number of the
// 1989 format is upgraded by inserting the century "19" after the address code and
// appending the check character (data-standards §1.5). The "19" is an assumption: the
// 1989 format reserved sequence codes for centenarians, whose century may differ. Use
// [IsLegacyIDNumber] on the raw input to flag the upgraded numbers for review.
//
// A wrong length, a character that is not allowed, an impossible birth date and a wrong
// check character are told apart by [ErrIDLength], [ErrIDChar], [ErrIDDate] and
// [ErrIDCheck]. The address code is not checked against a division list: a number keeps
// the code it was issued with, even one GB/T 2260 has since retired (data-standards §1.2).
func ParseIDNumber(s string) (IDNumber, error) {
	s = gongwei.NormalizeCode(s)
	switch len(s) {
	case 18:
	case 15:
		for i := 0; i < 15; i++ {
			if s[i] < '0' || s[i] > '9' {
				return IDNumber{}, ErrIDChar
			}
		}
		body := s[:6] + "19" + s[6:]
		if !validIDDate(body[6:14]) {
			return IDNumber{}, ErrIDDate
		}
		return IDNumber{s: body + string(idCheck(body))}, nil
	default:
		return IDNumber{}, ErrIDLength
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return IDNumber{}, ErrIDChar
		}
	}
	if c := s[17]; (c < '0' || c > '9') && c != 'X' {
		return IDNumber{}, ErrIDChar
	}
	if !validIDDate(s[6:14]) {
		return IDNumber{}, ErrIDDate
	}
	if idCheck(s) != s[17] {
		return IDNumber{}, ErrIDCheck
	}
	return IDNumber{s: s}, nil
}

// IsLegacyIDNumber reports whether s, after the normalisation of ParseIDNumber, is a
// 15-digit number of the 1989 format, whose century ParseIDNumber assumed to be 19xx
// (data-standards §1.5). It says nothing about validity.
func IsLegacyIDNumber(s string) bool {
	s = gongwei.NormalizeCode(s)
	return len(s) == 15 && biDigits(s)
}

// MustParseIDNumber is like ParseIDNumber but panics on error; for tests and examples.
func MustParseIDNumber(s string) IDNumber {
	id, err := ParseIDNumber(s)
	if err != nil {
		panic(err)
	}
	return id
}

func validIDDate(ymd string) bool {
	_, err := gongwei.ParseDate(ymd)
	return err == nil
}

// NewIDNumber composes an ID number from an address code (6 digits), a birth date and a
// sequence code (0-999), computing the check character. Test-data generators use it.
func NewIDNumber(address string, birth gongwei.Date, seq int) (IDNumber, error) {
	if len(address) != 6 || seq < 0 || seq > 999 || birth.IsZero() || birth.Year() > 9999 {
		return IDNumber{}, ErrIDLength
	}
	for i := 0; i < 6; i++ {
		if address[i] < '0' || address[i] > '9' {
			return IDNumber{}, ErrIDChar
		}
	}
	y, m, d := birth.Date()
	body := fmt.Sprintf("%s%04d%02d%02d%03d", address, y, int(m), d, seq)
	return IDNumber{s: body + string(idCheck(body))}, nil
}

// IsZero reports whether id is unset.
func (id IDNumber) IsZero() bool { return id.s == "" }

// String returns the canonical 18-character number (with an upper-case X).
func (id IDNumber) String() string { return id.s }

// BirthDate returns the birth date encoded in characters 7-14.
func (id IDNumber) BirthDate() gongwei.Date {
	if id.s == "" {
		return gongwei.Date{}
	}
	// The eight digits YYYYMMDD, checked by ParseIDNumber; read without parsing text.
	n := func(s string) int {
		v := 0
		for i := 0; i < len(s); i++ {
			v = v*10 + int(s[i]-'0')
		}
		return v
	}
	d, _ := gongwei.NewDate(n(id.s[6:10]), time.Month(n(id.s[10:12])), n(id.s[12:14]))
	return d
}

// Sex returns the sex encoded by the parity of character 17: odd is male, even female
// (GB 11643-1999; data-standards §1.2).
func (id IDNumber) Sex() gongwei.Sex {
	if id.s == "" {
		return gongwei.SexUnknown
	}
	if (id.s[16]-'0')%2 == 1 {
		return gongwei.Male
	}
	return gongwei.Female
}

// AddressCode returns the 6-digit GB/T 2260 address code (characters 1-6).
func (id IDNumber) AddressCode() string {
	if id.s == "" {
		return ""
	}
	return id.s[:6]
}

// Masked returns the number for display with the birth date and sequence hidden, keeping
// the address code's first 6 characters and the last 4: "110105********002X".
func (id IDNumber) Masked() string {
	if id.s == "" {
		return ""
	}
	return id.s[:6] + "********" + id.s[14:]
}

// AgeOn returns the completed years of age on date on.
func (id IDNumber) AgeOn(on gongwei.Date) int { return id.BirthDate().AgeYears(on) }

// MarshalText encodes the canonical number.
func (id IDNumber) MarshalText() ([]byte, error) { return []byte(id.s), nil }

// UnmarshalText parses with ParseIDNumber; empty text gives the zero IDNumber.
func (id *IDNumber) UnmarshalText(b []byte) error { return unmarshalText(id, b, ParseIDNumber) }
