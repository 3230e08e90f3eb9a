package healthrecord

import (
	"errors"
	"fmt"

	"github.com/gongwei-lib/gongwei"
)

// ArchiveNumber is the 17-digit resident health record number (居民健康档案编号): a 6-digit
// GB/T 2260 county code, a 3-digit township/street code (GB/T 10114-2003), a 3-digit
// village/residents' committee code and a 5-digit serial assigned in order of creation
// (nbphs-spec §1.4; data-standards §2.1). The village segment follows the health
// specification's ranges, not the statistical village codes: 001-099 residents'
// committees (居委会), 101-199 villagers' committees (村委会), 901-999 other
// organisations.
//
// The zero ArchiveNumber is "not assigned". ArchiveNumbers are comparable and order
// by their text, which groups them by county, township and village.
type ArchiveNumber struct {
	s string
}

// Errors of ParseArchiveNumber; each wraps gongwei.ErrInvalid.
var (
	ErrArchiveFormat  = fmt.Errorf("%w: archive number must be 17 digits", gongwei.ErrInvalid)
	ErrArchiveVillage = fmt.Errorf("%w: archive number village segment must be 001-099, 101-199 or 901-999", gongwei.ErrInvalid)
	ErrArchiveSerial  = fmt.Errorf("%w: archive number serial must be 00001-99999", gongwei.ErrInvalid)
)

// Validation codes of archive numbers.
const (
	CodeArchiveFormat  gongwei.Code = "archive.format"
	CodeArchiveVillage gongwei.Code = "archive.village"
	CodeArchiveSerial  gongwei.Code = "archive.serial"
)

// MaxArchiveSerial is the largest serial a village can assign (5 digits).
const MaxArchiveSerial = 99999

// VillageKind is the kind of unit the village segment of an archive number denotes.
type VillageKind int

// Village kinds by the ranges of nbphs-spec §1.4.
const (
	VillageInvalid     VillageKind = iota // 000, 100 and 200-900 are unassigned
	ResidentsCommittee                    // 001-099 居委会
	VillagersCommittee                    // 101-199 村委会
	OtherOrganisation                     // 901-999 其他
)

// villageKindOf classifies a village segment value (nbphs-spec §1.4 ranges).
func villageKindOf(v int) VillageKind {
	switch {
	case v >= 1 && v <= 99:
		return ResidentsCommittee
	case v >= 101 && v <= 199:
		return VillagersCommittee
	case v >= 901 && v <= 999:
		return OtherOrganisation
	}
	return VillageInvalid
}

// ParseArchiveNumber parses a 17-digit archive number. Full-width digits, spaces and
// hyphens (as in the printed 编号 boxes) are accepted. The village segment must fall in
// one of the specification's ranges and the serial must not be 00000.
func ParseArchiveNumber(s string) (ArchiveNumber, error) {
	s = gongwei.NormalizeCode(s)
	if len(s) != 17 {
		return ArchiveNumber{}, ErrArchiveFormat
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return ArchiveNumber{}, ErrArchiveFormat
		}
	}
	a := ArchiveNumber{s: s}
	if villageKindOf(a.villageCode()) == VillageInvalid {
		return ArchiveNumber{}, ErrArchiveVillage
	}
	if a.Serial() == 0 {
		return ArchiveNumber{}, ErrArchiveSerial
	}
	return a, nil
}

// MustParseArchiveNumber is like ParseArchiveNumber but panics on error.
func MustParseArchiveNumber(s string) ArchiveNumber {
	a, err := ParseArchiveNumber(s)
	if err != nil {
		panic(err)
	}
	return a
}

// ArchiveErrorCode returns the validation code of an error from ParseArchiveNumber.
func ArchiveErrorCode(err error) gongwei.Code { return errorCode(err, archiveErrorCodes) }

// archiveErrorCodes pairs each error of ParseArchiveNumber with its validation code.
var archiveErrorCodes = []errCode{
	{ErrArchiveFormat, CodeArchiveFormat},
	{ErrArchiveVillage, CodeArchiveVillage},
	{ErrArchiveSerial, CodeArchiveSerial},
}

// Village is the 12-digit prefix that identifies one village or residents' committee:
// county (6) + township (3) + village (3). Serials are allocated within a Village.
type Village string

// ParseVillage checks a 12-digit village prefix.
func ParseVillage(s string) (Village, error) {
	s = gongwei.NormalizeCode(s)
	if len(s) != 12 {
		return "", ErrArchiveFormat
	}
	for i := 0; i < 12; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", ErrArchiveFormat
		}
	}
	v := Village(s)
	if villageKindOf(v.code()) == VillageInvalid {
		return "", ErrArchiveVillage
	}
	return v, nil
}

func (v Village) code() int {
	n := 0
	for i := 9; i < 12; i++ {
		n = n*10 + int(v[i]-'0')
	}
	return n
}

// Kind returns whether the village is a residents' or villagers' committee or another
// organisation.
func (v Village) Kind() VillageKind {
	if len(v) != 12 {
		return VillageInvalid
	}
	return villageKindOf(v.code())
}

// Archive returns the archive number with the given serial in v. The serial must be
// 1 to MaxArchiveSerial.
func (v Village) Archive(serial int) (ArchiveNumber, error) {
	if v.Kind() == VillageInvalid {
		return ArchiveNumber{}, ErrArchiveVillage
	}
	if serial < 1 || serial > MaxArchiveSerial {
		return ArchiveNumber{}, ErrArchiveSerial
	}
	return ArchiveNumber{s: fmt.Sprintf("%s%05d", v, serial)}, nil
}

// NextArchiveNumber allocates the next serial in village after the highest one in use:
// last is the highest archive number already issued in the village (zero when none).
// It fails with ErrArchiveSerial when the village has used all 99,999 serials.
func NextArchiveNumber(village Village, last ArchiveNumber) (ArchiveNumber, error) {
	next := 1
	if !last.IsZero() {
		if last.Village() != village {
			return ArchiveNumber{}, ErrArchiveVillage
		}
		next = last.Serial() + 1
	}
	return village.Archive(next)
}

func (a ArchiveNumber) villageCode() int {
	n := 0
	for i := 9; i < 12; i++ {
		n = n*10 + int(a.s[i]-'0')
	}
	return n
}

// IsZero reports whether a is unset.
func (a ArchiveNumber) IsZero() bool { return a.s == "" }

// String returns the 17 digits.
func (a ArchiveNumber) String() string { return a.s }

// County returns the 6-digit GB/T 2260 county code (segment 1).
func (a ArchiveNumber) County() string { return a.seg(0, 6) }

// Township returns the 3-digit township/street code (segment 2).
func (a ArchiveNumber) Township() string { return a.seg(6, 9) }

// VillageCode returns the 3-digit village/residents' committee code (segment 3).
func (a ArchiveNumber) VillageCode() string { return a.seg(9, 12) }

// Village returns the 12-digit village prefix (segments 1-3).
func (a ArchiveNumber) Village() Village { return Village(a.seg(0, 12)) }

// Division returns the 9-digit township prefix (segments 1-2), the jurisdiction of a
// township health centre.
func (a ArchiveNumber) Division() string { return a.seg(0, 9) }

// Serial returns the 5-digit serial (segment 4) as a number.
func (a ArchiveNumber) Serial() int {
	if a.s == "" {
		return 0
	}
	n := 0
	for i := 12; i < 17; i++ {
		n = n*10 + int(a.s[i]-'0')
	}
	return n
}

// Short returns the last 8 digits as the forms other than the cover print them,
// "□□□-□□□□□": village code, a hyphen, serial (nbphs-spec §1.4).
func (a ArchiveNumber) Short() string {
	if a.s == "" {
		return ""
	}
	return a.s[9:12] + "-" + a.s[12:]
}

func (a ArchiveNumber) seg(i, j int) string {
	if a.s == "" {
		return ""
	}
	return a.s[i:j]
}

// MarshalText encodes the 17 digits.
func (a ArchiveNumber) MarshalText() ([]byte, error) { return []byte(a.s), nil }

// UnmarshalText parses with ParseArchiveNumber; empty text gives the zero value.
func (a *ArchiveNumber) UnmarshalText(b []byte) error { return unmarshalText(a, b, ParseArchiveNumber) }

// unmarshalText is the UnmarshalText of the parsed identifiers (ArchiveNumber,
// IDNumber, Phone): it sets *x to parse's value of b, and to the zero value for empty
// text; on a parse error *x is left as it was.
func unmarshalText[T any](x *T, b []byte, parse func(string) (T, error)) error {
	if len(b) == 0 {
		var zero T
		*x = zero
		return nil
	}
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*x = v
	return nil
}

// errCode pairs an error of a parser with its validation code.
type errCode struct {
	err  error
	code gongwei.Code
}

// errorCode returns the code of the first error of codes that err wraps, "" for none.
func errorCode(err error, codes []errCode) gongwei.Code {
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return ""
}
