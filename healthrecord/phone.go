package healthrecord

import (
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
)

// Phone is a mainland Chinese telephone number of a resident or a contact person (本人电话,
// 联系人电话): an 11-digit mobile number or a landline with its area code
// (data-standards §6.4). It holds the canonical form: the 11 mobile digits, or the area
// code with its trunk 0, a hyphen and the subscriber number ("010-12345678"). The zero
// Phone is "not recorded"; Phones are comparable.
type Phone struct {
	s string
}

// PhoneKind tells a mobile number from a landline.
type PhoneKind int

// Phone kinds.
const (
	PhoneNone     PhoneKind = iota // the zero Phone
	PhoneMobile                    // 手机
	PhoneLandline                  // 固定电话
)

// Errors of ParsePhone. Each wraps gongwei.ErrInvalid and none repeats the input.
var (
	ErrPhoneChar     = fmt.Errorf("%w: phone number has a character other than digits, spaces, hyphens and a leading +86", gongwei.ErrInvalid)
	ErrPhoneLength   = fmt.Errorf("%w: phone number has the wrong number of digits", gongwei.ErrInvalid)
	ErrPhonePrefix   = fmt.Errorf("%w: phone number starts with digits no mainland number has", gongwei.ErrInvalid)
	ErrPhoneIoT      = fmt.Errorf("%w: phone number is a 13-digit IoT data-card number, not a personal phone", gongwei.ErrInvalid)
	ErrPhoneAreaCode = fmt.Errorf("%w: landline needs a valid area code", gongwei.ErrInvalid)
)

// Validation codes of phone numbers, one per error of ParsePhone.
const (
	CodePhoneChar     gongwei.Code = "phone.char"
	CodePhoneLength   gongwei.Code = "phone.length"
	CodePhonePrefix   gongwei.Code = "phone.prefix"
	CodePhoneIoT      gongwei.Code = "phone.iot"
	CodePhoneAreaCode gongwei.Code = "phone.area_code"
)

// PhoneErrorCode returns the validation code of an error from ParsePhone, or "".
func PhoneErrorCode(err error) gongwei.Code { return errorCode(err, phoneErrorCodes) }

// phoneErrorCodes pairs each error of ParsePhone with its validation code.
var phoneErrorCodes = []errCode{
	{ErrPhoneChar, CodePhoneChar},
	{ErrPhoneLength, CodePhoneLength},
	{ErrPhonePrefix, CodePhonePrefix},
	{ErrPhoneIoT, CodePhoneIoT},
	{ErrPhoneAreaCode, CodePhoneAreaCode},
}

// Number-plan facts used by ParsePhone (data-standards §6.4).
const (
	// mobileDigits is the length of a personal mobile number.
	mobileDigits = 11
	// iotDigits is the length of an IoT data-card number (1440x, 1441x, 148xx, 146xx,
	// 1410x), which is not a personal phone.
	iotDigits = 13
	// landlineMin and landlineMax bound the subscriber number of a landline (7-8 digits).
	landlineMin, landlineMax = 7, 8
)

// ParsePhone parses a mainland phone number (data-standards §6.4). Input typed through
// Chinese input methods is accepted (full-width digits, ideographic spaces; §6.3), as are
// spaces, hyphens and a country code +86, 0086 or (before a mobile) 86.
//
// A mobile number is accepted by the loose rule 1[3-9] followed by 9 digits, so newly
// issued prefixes are not rejected; the carrier is never inferred (number portability).
// A 13-digit IoT number (14x) fails with ErrPhoneIoT.
//
// A landline is 0, a 2- or 3-digit area code and a 7- or 8-digit subscriber number,
// optionally with a hyphen after the area code; a number without its area code fails
// with ErrPhoneAreaCode. To split an unhyphenated number, the area code is taken as 2
// digits when it starts with 1 or 2 (010 Beijing, 020-029) and 3 digits otherwise; this
// split of the national numbering plan is not in the reference, and a hyphenated area
// code that contradicts it is rejected so that each number has one canonical form.
func ParsePhone(s string) (Phone, error) {
	s = gongwei.Normalize(s)
	// Drop spaces and brackets sometimes put around area codes; keep hyphens to see
	// where the writer split a landline.
	if strings.IndexFunc(s, isPhoneFiller) >= 0 {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case ' ', '\t', '(', ')':
				continue
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	intl := false
	switch {
	case strings.HasPrefix(s, "+86"):
		s, intl = s[3:], true
	case strings.HasPrefix(s, "0086"):
		s, intl = s[4:], true
	}
	s = strings.TrimLeft(s, "-")
	digits := strings.ReplaceAll(s, "-", "")
	if digits == "" {
		return Phone{}, ErrPhoneLength
	}
	if !biDigits(digits) {
		return Phone{}, ErrPhoneChar
	}
	if !intl && len(digits) == mobileDigits+2 && strings.HasPrefix(digits, "861") {
		digits, s = digits[2:], digits[2:]
	}
	if digits[0] == '1' {
		switch len(digits) {
		case mobileDigits:
			if digits[1] < '3' {
				return Phone{}, ErrPhonePrefix
			}
			return Phone{s: digits}, nil
		case iotDigits:
			if digits[1] == '4' {
				return Phone{}, ErrPhoneIoT
			}
		}
		if !intl {
			return Phone{}, ErrPhoneLength
		}
	}
	if intl {
		// International form drops the trunk 0 of the area code.
		s, digits = "0"+s, "0"+digits
	}
	if digits[0] != '0' {
		if n := len(digits); n >= landlineMin && n <= landlineMax {
			return Phone{}, ErrPhoneAreaCode
		}
		return Phone{}, ErrPhoneLength
	}
	if len(digits) < 2 || digits[1] == '0' {
		return Phone{}, ErrPhonePrefix
	}
	area := 4 // 0 + 3 digits
	if digits[1] == '1' || digits[1] == '2' {
		area = 3 // 0 + 2 digits
	}
	if i := strings.IndexByte(s, '-'); i >= 0 && i != area {
		return Phone{}, ErrPhoneAreaCode
	}
	num := digits[min(area, len(digits)):]
	if len(num) < landlineMin || len(num) > landlineMax {
		return Phone{}, ErrPhoneLength
	}
	if num[0] == '0' {
		return Phone{}, ErrPhonePrefix
	}
	if len(s) == len(digits)+1 && s[area] == '-' {
		return Phone{s: s}, nil // already in the canonical form: one hyphen after the area code
	}
	return Phone{s: digits[:area] + "-" + num}, nil
}

// MustParsePhone is like ParsePhone but panics on error; for tests and examples.
func MustParsePhone(s string) Phone {
	p, err := ParsePhone(s)
	if err != nil {
		panic(err)
	}
	return p
}

// IsZero reports whether p is unset.
func (p Phone) IsZero() bool { return p.s == "" }

// Kind returns whether p is a mobile or a landline number.
func (p Phone) Kind() PhoneKind {
	switch {
	case p.s == "":
		return PhoneNone
	case p.s[0] == '1':
		return PhoneMobile
	}
	return PhoneLandline
}

// String returns the canonical form: "13812345678" or "010-12345678".
func (p Phone) String() string { return p.s }

// Digits returns the number without the hyphen, as dialled inside the mainland.
func (p Phone) Digits() string { return strings.ReplaceAll(p.s, "-", "") }

// AreaCode returns the area code of a landline with its trunk 0 ("010"), or "".
func (p Phone) AreaCode() string {
	if i := strings.IndexByte(p.s, '-'); i >= 0 {
		return p.s[:i]
	}
	return ""
}

// Masked returns the number for display with the middle hidden: a mobile keeps its first
// 3 and last 4 digits ("138****5678"); a landline keeps its area code and last 4 digits
// ("010-****5678").
func (p Phone) Masked() string {
	switch p.Kind() {
	case PhoneMobile:
		return p.s[:3] + "****" + p.s[7:]
	case PhoneLandline:
		i := strings.IndexByte(p.s, '-')
		num := p.s[i+1:]
		return p.s[:i+1] + strings.Repeat("*", len(num)-4) + num[len(num)-4:]
	}
	return ""
}

// MarshalText encodes the canonical form.
func (p Phone) MarshalText() ([]byte, error) { return []byte(p.s), nil }

// UnmarshalText parses with ParsePhone; empty text gives the zero Phone.
func (p *Phone) UnmarshalText(b []byte) error { return unmarshalText(p, b, ParsePhone) }

// isPhoneFiller reports the characters ParsePhone drops: spaces and the brackets put
// around area codes.
func isPhoneFiller(r rune) bool { return r == ' ' || r == '\t' || r == '(' || r == ')' }
