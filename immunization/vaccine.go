package immunization

import (
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
)

// Vaccine identifies a vaccine product type of the national immunization programme
// (国家免疫规划, NIP) as the schedule names it (immunization.md §1.1), plus the historical
// measles-containing products that older records hold and immunoglobulin, which matters
// for the spacing rules. The zero Vaccine is "not recorded". Values are append-only.
type Vaccine uint8

// The NIP vaccines of the 2021 edition (immunization.md §1.1, §1.4).
const (
	// HepB is hepatitis B vaccine (乙肝疫苗).
	HepB Vaccine = iota + 1
	// BCG is Bacillus Calmette-Guérin vaccine (卡介苗), an injectable live vaccine.
	BCG
	// IPV is inactivated poliovirus vaccine (脊灰灭活疫苗).
	IPV
	// BOPV is bivalent oral poliovirus vaccine (二价脊灰减毒活疫苗), an oral live vaccine.
	BOPV
	// DTaP is diphtheria, tetanus and acellular pertussis vaccine (百白破疫苗).
	DTaP
	// DT is diphtheria and tetanus vaccine (白破疫苗).
	DT
	// MMR is measles, mumps and rubella vaccine (麻腮风疫苗), an injectable live vaccine.
	MMR
	// JEL is live Japanese encephalitis vaccine (乙脑减毒活疫苗), injectable live.
	JEL
	// JEI is inactivated Japanese encephalitis vaccine (乙脑灭活疫苗).
	JEI
	// MPSVA is group A meningococcal polysaccharide vaccine (A群流脑多糖疫苗).
	MPSVA
	// MPSVAC is group A and C meningococcal polysaccharide vaccine (A群C群流脑多糖疫苗).
	MPSVAC
	// HepAL is live hepatitis A vaccine (甲肝减毒活疫苗), injectable live.
	HepAL
	// HepAI is inactivated hepatitis A vaccine (甲肝灭活疫苗).
	HepAI
	// MR is measles and rubella vaccine (麻风疫苗), the 8-month dose of the 2016 edition
	// (immunization.md §1.4 MMR, History); it counts in the MMR cohort rules.
	MR
	// MM is measles and mumps vaccine (麻腮疫苗), historical; counts in the MMR cohort rules.
	MM
	// MV is measles vaccine (麻疹疫苗), historical; counts in the MMR cohort rules.
	MV
	// IG is an immunoglobulin, including hepatitis B immunoglobulin (HBIG). It is not a
	// vaccine; it is recorded because live vaccines must wait after it (immunization.md §1.3).
	IG
	numVaccines
)

// vaccineInfo is the per-vaccine data: identifier, national 4-digit code (immunization.md
// §1.6; "" where the reference marks the code UNCONFIRMED), and properties.
type vaccineInfo struct {
	id         string
	code       string
	zh, zht    string
	en         string
	live       bool // a live attenuated vaccine
	injectable bool // given by injection (not oral)
}

// vaccines is indexed by Vaccine. Live and route properties: immunization.md §1.3
// (injectable live: BCG, MMR and other measles-containing vaccines, JE-L, HepA-L; oral
// live: bOPV).
var vaccines = [numVaccines]vaccineInfo{
	HepB:   {"HepB", "", "乙肝疫苗", "乙肝疫苗", "hepatitis B vaccine", false, true},
	BCG:    {"BCG", "", "卡介苗", "卡介苗", "BCG vaccine", true, true},
	IPV:    {"IPV", "0306", "脊灰灭活疫苗", "脊灰滅活疫苗", "inactivated polio vaccine", false, true},
	BOPV:   {"bOPV", "0311", "二价脊灰减毒活疫苗", "二價脊灰減毒活疫苗", "bivalent oral polio vaccine", true, false},
	DTaP:   {"DTaP", "0402", "百白破疫苗", "百白破疫苗", "DTaP vaccine", false, true},
	DT:     {"DT", "0601", "白破疫苗", "白破疫苗", "DT vaccine", false, true},
	MMR:    {"MMR", "1201", "麻腮风疫苗", "麻腮風疫苗", "MMR vaccine", true, true},
	JEL:    {"JE-L", "1801", "乙脑减毒活疫苗", "乙腦減毒活疫苗", "live JE vaccine", true, true},
	JEI:    {"JE-I", "1802", "乙脑灭活疫苗", "乙腦滅活疫苗", "inactivated JE vaccine", false, true},
	MPSVA:  {"MPSV-A", "1601", "A群流脑多糖疫苗", "A群流腦多糖疫苗", "MPSV-A vaccine", false, true},
	MPSVAC: {"MPSV-AC", "1701", "A群C群流脑多糖疫苗", "A群C群流腦多糖疫苗", "MPSV-AC vaccine", false, true},
	HepAL:  {"HepA-L", "1901", "甲肝减毒活疫苗", "甲肝減毒活疫苗", "live hepatitis A vaccine", true, true},
	HepAI:  {"HepA-I", "1903", "甲肝灭活疫苗", "甲肝滅活疫苗", "inactivated hepatitis A vaccine", false, true},
	MR:     {"MR", "1401", "麻风疫苗", "麻風疫苗", "MR vaccine", true, true},
	MM:     {"MM", "1301", "麻腮疫苗", "麻腮疫苗", "MM vaccine", true, true},
	MV:     {"MV", "0901", "麻疹疫苗", "麻疹疫苗", "measles vaccine", true, true},
	IG:     {"IG", "3901", "免疫球蛋白", "免疫球蛋白", "immunoglobulin", false, true},
}

// IsValid reports whether v is a defined vaccine.
func (v Vaccine) IsValid() bool { return v > 0 && v < numVaccines }

// String returns the identifier of v ("HepB", "bOPV", "JE-L", ...), or "" for the zero
// or an undefined Vaccine.
func (v Vaccine) String() string {
	if !v.IsValid() {
		return ""
	}
	return vaccines[v].id
}

// Code returns the national 4-digit vaccine code of v (immunization.md §1.6), or "" when
// the reference does not confirm one (HepB, BCG).
func (v Vaccine) Code() string {
	if !v.IsValid() {
		return ""
	}
	return vaccines[v].code
}

// IsLive reports whether v is a live attenuated vaccine.
func (v Vaccine) IsLive() bool { return v.IsValid() && vaccines[v].live }

// IsInjectableLive reports whether v is an injectable live vaccine, the kind the 28-day
// rule spaces (immunization.md §1.3).
func (v Vaccine) IsInjectableLive() bool {
	return v.IsValid() && vaccines[v].live && vaccines[v].injectable
}

// MarshalText encodes v as its identifier.
func (v Vaccine) MarshalText() ([]byte, error) {
	if v == 0 {
		return nil, nil
	}
	if !v.IsValid() {
		return nil, errVaccine
	}
	return []byte(vaccines[v].id), nil
}

// UnmarshalText decodes an identifier or national code (see [ParseVaccine]); empty text
// decodes to the zero Vaccine.
func (v *Vaccine) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*v = 0
		return nil
	}
	x, err := ParseVaccine(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

var errVaccine = fmt.Errorf("%w: immunization: unknown vaccine", gongwei.ErrInvalid)

// ParseVaccine parses a vaccine identifier ("HepB", "bOPV", "JE-L", "MPSV-AC"; case,
// hyphens, spaces and full-width forms are ignored) or a national 4-digit code
// (immunization.md §1.6). Unknown input is an error wrapping gongwei.ErrInvalid that does
// not repeat the input.
func ParseVaccine(s string) (Vaccine, error) {
	k := canonVaccine(s)
	if k == "" {
		return 0, errVaccine
	}
	for v := HepB; v < numVaccines; v++ {
		if k == canonVaccine(vaccines[v].id) || (vaccines[v].code != "" && k == vaccines[v].code) {
			return v, nil
		}
	}
	return 0, errVaccine
}

func canonVaccine(s string) string {
	s = gongwei.NormalizeCode(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
