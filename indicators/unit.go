package indicators

import (
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
)

// Unit is an organisational unit, identified by its administrative division code written
// as a prefix: 2 digits for a province, 4 for a prefecture-level city, 6 for a county
// (GB/T 2260: 2+2+2 digits, data-standards §5.1), 9 for a township or street (GB/T 10114,
// 3 more digits) and 12 for a village or residents' committee. The 12-digit village code
// is the first 12 digits of the 17-digit health-record number (6+3+3, data-standards §2.1),
// so a record's unit is read off its archive number.
//
// Units are prefixes of each other, so a unit's parent is found by truncation, and a
// tally rolls up village → township → county → city → province by key alone. A GB/T 2260
// code such as "110000" (a province) or "110100" (a city) is converted to its prefix form by
// [UnitOfDivision]. The zero Unit is "no unit" (a whole-catalogue figure).
type Unit string

// Level is the level of a unit in the administrative hierarchy.
type Level uint8

// The levels, from the top.
const (
	LevelProvince Level = iota + 1 // 2 digits
	LevelCity                      // 4 digits
	LevelCounty                    // 6 digits
	LevelTownship                  // 9 digits
	LevelVillage                   // 12 digits
)

var levelDigits = [...]int{LevelProvince: 2, LevelCity: 4, LevelCounty: 6, LevelTownship: 9, LevelVillage: 12}

// Digits returns the length of a unit code at level l.
func (l Level) Digits() int {
	if l < LevelProvince || l > LevelVillage {
		return 0
	}
	return levelDigits[l]
}

// String returns "province", "city", "county", "township" or "village".
func (l Level) String() string { return enumName(levelNames[:], l, "Level") }

var levelNames = [...]string{LevelProvince: "province", LevelCity: "city", LevelCounty: "county", LevelTownship: "township", LevelVillage: "village"}

var errUnit = fmt.Errorf("%w: unit code", gongwei.ErrInvalid)

// ParseUnit parses a unit code of 2, 4, 6, 9 or 12 ASCII digits, after normalising
// full-width digits and stripping spaces and hyphens (gongwei.NormalizeCode). The error
// wraps gongwei.ErrInvalid and does not echo the input.
func ParseUnit(s string) (Unit, error) {
	s = gongwei.NormalizeCode(s)
	if levelOf(len(s)) == 0 {
		return "", errUnit
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", errUnit
		}
	}
	if s[:2] == "00" {
		return "", errUnit
	}
	return Unit(s), nil
}

// MustParseUnit is ParseUnit for literals in tests and examples; it panics on error.
func MustParseUnit(s string) Unit {
	u, err := ParseUnit(s)
	if err != nil {
		panic(err)
	}
	return u
}

// UnitOfDivision converts a 6-digit GB/T 2260 code to a unit: "110000" (a province) →
// "11", "110100" (a city) → "1101", "110101" (a county) → "110101".
func UnitOfDivision(code string) (Unit, error) {
	u, err := ParseUnit(code)
	if err != nil || len(u) != 6 {
		return "", errUnit
	}
	switch {
	case strings.HasSuffix(string(u), "0000"):
		return u[:2], nil
	case strings.HasSuffix(string(u), "00"):
		return u[:4], nil
	}
	return u, nil
}

func levelOf(n int) Level {
	switch n {
	case 2:
		return LevelProvince
	case 4:
		return LevelCity
	case 6:
		return LevelCounty
	case 9:
		return LevelTownship
	case 12:
		return LevelVillage
	}
	return 0
}

// Level returns the unit's level, or 0 for the zero or a malformed unit.
func (u Unit) Level() Level { return levelOf(len(u)) }

// Parent returns the unit one level up, and false for a province or the zero unit.
func (u Unit) Parent() (Unit, bool) {
	l := u.Level()
	if l <= LevelProvince {
		return "", false
	}
	return u[:(l - 1).Digits()], true
}

// Ancestor returns the unit at level l that contains u (u itself when l is u's level),
// and false when l is below u's level or u is the zero unit.
func (u Unit) Ancestor(l Level) (Unit, bool) {
	if u.Level() == 0 || l < LevelProvince || l > u.Level() {
		return "", false
	}
	return u[:l.Digits()], true
}

// Contains reports whether v lies in u (u is v or an ancestor of v).
func (u Unit) Contains(v Unit) bool {
	return u != "" && len(u) <= len(v) && string(v[:len(u)]) == string(u)
}
