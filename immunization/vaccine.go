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
	// OPV is trivalent oral poliovirus vaccine (脊灰减毒活疫苗, liquid or dragée), the polio
	// vaccine before 2016 (immunization.md §1.4 Polio, History); its doses count as oral
	// polio doses ([Edition.Counts]).
	OPV
	// DTwP is whole-cell DTP vaccine (百白破疫苗, 全细胞), the earlier programme product; its
	// doses count as DTaP doses ([Edition.Counts]).
	DTwP
	// Td is diphtheria and tetanus vaccine for adults and adolescents (成人及青少年用白破疫苗),
	// used in catch-up from 12 years by an older rule (immunization.md §1.4 DTaP); its
	// doses count as DT doses ([Edition.Counts]).
	Td
	// MenACConj is group A and C meningococcal conjugate vaccine (A群C群流脑结合疫苗), a
	// non-programme product counted as MPSV-A under 24 months and as MPSV-AC from then
	// (immunization.md §1.4 MPSV, Conjugate vaccines; [Edition.Counts]).
	MenACConj
	// HepALFD is freeze-dried live hepatitis A vaccine (冻干甲肝减毒活疫苗), injectable live;
	// its doses count as HepA-L doses.
	HepALFD
	// TBPPD is the tuberculin skin test (结核菌素纯蛋白衍生物, TB-PPD), recorded before BCG
	// catch-up (immunization.md §1.4 BCG); it is not a vaccine.
	TBPPD
	// BCGPPD is the BCG purified protein derivative skin test (卡介菌纯蛋白衍生物, BCG-PPD);
	// it is not a vaccine.
	BCGPPD
	// DTaPIPVHib is DTaP-IPV/Hib combination vaccine (五联疫苗), a non-programme product:
	// an IPV-containing dose counts as the matching polio dose (immunization.md §1.4
	// Polio); the DTaP component counts only where the edition says so ([Edition.Counts]).
	DTaPIPVHib
	// HPV2, HPV4 and HPV9 are human papillomavirus vaccines (二价, 四价, 九价).
	HPV2
	HPV4
	HPV9
	// Other is a product the national table codes as "other" (9999).
	Other
	// Hib is Haemophilus influenzae type b conjugate vaccine (b型流感嗜血杆菌结合疫苗).
	Hib
	// PCV13 is 13-valent pneumococcal conjugate vaccine (13价肺炎球菌多糖结合疫苗).
	PCV13
	// PCV7 is 7-valent pneumococcal conjugate vaccine (七价肺炎球菌结合疫苗).
	PCV7
	// PPV23 is 23-valent pneumococcal polysaccharide vaccine (23价肺炎球菌多糖疫苗).
	PPV23
	// Rota is oral live rotavirus vaccine (口服轮状病毒活疫苗), oral live.
	Rota
	// Rota5 is oral pentavalent reassortant rotavirus vaccine (口服五价重配轮状病毒减毒活疫苗),
	// oral live.
	Rota5
	// Var is live varicella vaccine (水痘减毒活疫苗), injectable live.
	Var
	// Flu is influenza vaccine (流感疫苗: whole-virion, split or subunit).
	Flu
	// Flu4 is quadrivalent split influenza vaccine (四价流感病毒裂解疫苗).
	Flu4
	// EV71 is inactivated enterovirus 71 vaccine (肠道病毒71型灭活疫苗).
	EV71
	// Rabies is human rabies vaccine (人用狂犬病疫苗).
	Rabies
	// HepE is recombinant hepatitis E vaccine (重组戊型肝炎疫苗).
	HepE
	// DTaPHib is DTaP-Hib combination vaccine (四联疫苗); its DTaP component counts only
	// where the edition says so ([Edition.Counts]).
	DTaPHib
	// MenACHib is group A and C meningococcal-Hib conjugate vaccine (AC-Hib联合疫苗),
	// counted like [MenACConj].
	MenACHib
	// MPSVACYW is group A, C, Y and W135 meningococcal polysaccharide vaccine
	// (ACYW135群脑膜炎球菌多糖疫苗), an A+C-containing vaccine counted as MPSV-AC from 24
	// months (immunization.md §1.4 MPSV).
	MPSVACYW
	// HepAB is hepatitis A and B combination vaccine (甲肝乙肝联合疫苗), a HepA-I-containing
	// vaccine counted as HepA-I (immunization.md §1.4 HepA, "HepA-I-containing doses");
	// its HepB component counts only where the edition says so ([Edition.Counts]).
	HepAB
	// Mumps is live mumps vaccine (腮腺炎减毒活疫苗), injectable live. Mumps, Rubella and
	// MumR count as mumps- and rubella-containing doses in the MMR rule of children born
	// from the 2007 expansion to 2019-09-30 (immunization.md §1.4 MMR), and in no series
	// otherwise.
	Mumps
	// Rubella is live rubella vaccine (风疹减毒活疫苗), injectable live.
	Rubella
	// MumR is live mumps and rubella vaccine (腮腺炎风疹联合减毒活疫苗), injectable live.
	MumR
	// YF is live yellow fever vaccine (黄热减毒活疫苗), injectable live.
	YF
	// HFRS is inactivated haemorrhagic fever with renal syndrome vaccine (肾综合征出血热灭活疫苗).
	HFRS
	// Tdap is DTaP for adolescents (吸附无细胞百白破联合疫苗（青少年）).
	Tdap
	numVaccines
)

// vaccineInfo is the per-vaccine data: identifier, national 4-digit code and further
// codes of the same product (immunization.md §1.6; plan-services.md §7), names, and
// properties.
type vaccineInfo struct {
	id         string
	code       string
	zh, zht    string
	en         string
	live       bool     // a live attenuated vaccine
	injectable bool     // given by injection (not oral)
	more       []string // further codes of the product
	kind       kind
}

// kind sorts the products: a programme product of a series, a non-programme product,
// or an entry that is not a vaccine.
type kind uint8

const (
	kindProgramme kind = iota
	kindNonProgramme
	kindNotVaccine
)

// vaccines is indexed by Vaccine. Live and route properties: immunization.md §1.3
// (injectable live: BCG, MMR and other measles-containing vaccines, JE-L, HepA-L; oral
// live: bOPV, OPV, rotavirus). Codes: immunization.md §1.6, the national table; the
// HepB (02xx) and BCG (01xx) codes and the codes of the non-programme products beyond
// it are those of Chinese immunization information systems (plan-services.md §7,
// "confirmed in code", not as a national standard). The programme products are those of
// the 2021 edition and the earlier programme products of the same antigens (OPV, DTwP,
// Td, MR, MM, MV, HepA-L freeze-dried); every other vaccine is a non-programme product:
// recorded, listed by [NonProgramme], counted only through [Edition.Counts].
var vaccines = [numVaccines]vaccineInfo{
	HepB:       {id: "HepB", code: "0201", more: []string{"0202", "0203"}, zh: "乙肝疫苗", zht: "乙肝疫苗", en: "hepatitis B vaccine", injectable: true},
	BCG:        {id: "BCG", code: "0101", zh: "卡介苗", zht: "卡介苗", en: "BCG vaccine", live: true, injectable: true},
	IPV:        {id: "IPV", code: "0306", more: []string{"0303"}, zh: "脊灰灭活疫苗", zht: "脊灰滅活疫苗", en: "inactivated polio vaccine", injectable: true},
	BOPV:       {id: "bOPV", code: "0311", zh: "二价脊灰减毒活疫苗", zht: "二價脊灰減毒活疫苗", en: "bivalent oral polio vaccine", live: true},
	DTaP:       {id: "DTaP", code: "0402", zh: "百白破疫苗", zht: "百白破疫苗", en: "DTaP vaccine", injectable: true},
	DT:         {id: "DT", code: "0601", zh: "白破疫苗", zht: "白破疫苗", en: "DT vaccine", injectable: true},
	MMR:        {id: "MMR", code: "1201", zh: "麻腮风疫苗", zht: "麻腮風疫苗", en: "MMR vaccine", live: true, injectable: true},
	JEL:        {id: "JE-L", code: "1801", zh: "乙脑减毒活疫苗", zht: "乙腦減毒活疫苗", en: "live JE vaccine", live: true, injectable: true},
	JEI:        {id: "JE-I", code: "1802", zh: "乙脑灭活疫苗", zht: "乙腦滅活疫苗", en: "inactivated JE vaccine", injectable: true},
	MPSVA:      {id: "MPSV-A", code: "1601", zh: "A群流脑多糖疫苗", zht: "A群流腦多糖疫苗", en: "MPSV-A vaccine", injectable: true},
	MPSVAC:     {id: "MPSV-AC", code: "1701", zh: "A群C群流脑多糖疫苗", zht: "A群C群流腦多糖疫苗", en: "MPSV-AC vaccine", injectable: true},
	HepAL:      {id: "HepA-L", code: "1901", zh: "甲肝减毒活疫苗", zht: "甲肝減毒活疫苗", en: "live hepatitis A vaccine", live: true, injectable: true},
	HepAI:      {id: "HepA-I", code: "1903", zh: "甲肝灭活疫苗", zht: "甲肝滅活疫苗", en: "inactivated hepatitis A vaccine", injectable: true},
	MR:         {id: "MR", code: "1401", zh: "麻风疫苗", zht: "麻風疫苗", en: "MR vaccine", live: true, injectable: true},
	MM:         {id: "MM", code: "1301", zh: "麻腮疫苗", zht: "麻腮疫苗", en: "MM vaccine", live: true, injectable: true},
	MV:         {id: "MV", code: "0901", zh: "麻疹疫苗", zht: "麻疹疫苗", en: "measles vaccine", live: true, injectable: true},
	IG:         {id: "IG", code: "3901", more: []string{"3902"}, zh: "免疫球蛋白", zht: "免疫球蛋白", en: "immunoglobulin", injectable: true, kind: kindNotVaccine},
	OPV:        {id: "OPV", code: "0304", more: []string{"0301", "0302"}, zh: "脊灰减毒活疫苗", zht: "脊灰減毒活疫苗", en: "oral polio vaccine", live: true},
	DTwP:       {id: "DTwP", code: "0401", zh: "百白破疫苗（全细胞）", zht: "百白破疫苗（全細胞）", en: "whole-cell DTP vaccine", injectable: true},
	Td:         {id: "Td", code: "0602", zh: "白破疫苗（成人及青少年用）", zht: "白破疫苗（成人及青少年用）", en: "Td vaccine (adult and adolescent)", injectable: true},
	MenACConj:  {id: "MenAC-conj", code: "1602", zh: "A群C群流脑结合疫苗", zht: "A群C群流腦結合疫苗", en: "MenAC conjugate vaccine", injectable: true, kind: kindNonProgramme},
	HepALFD:    {id: "HepA-L-FD", code: "1902", zh: "冻干甲肝减毒活疫苗", zht: "凍乾甲肝減毒活疫苗", en: "freeze-dried live hepatitis A vaccine", live: true, injectable: true},
	TBPPD:      {id: "TB-PPD", code: "4501", zh: "结核菌素纯蛋白衍生物", zht: "結核菌素純蛋白衍生物", en: "tuberculin skin test (TB-PPD)", injectable: true, kind: kindNotVaccine},
	BCGPPD:     {id: "BCG-PPD", code: "4502", zh: "卡介菌纯蛋白衍生物", zht: "卡介菌純蛋白衍生物", en: "BCG-PPD skin test", injectable: true, kind: kindNotVaccine},
	DTaPIPVHib: {id: "DTaP-IPV/Hib", code: "5001", zh: "百白破-脊灰灭活-b型流感嗜血杆菌联合疫苗", zht: "百白破-脊灰滅活-b型流感嗜血桿菌聯合疫苗", en: "DTaP-IPV/Hib combination vaccine", injectable: true, kind: kindNonProgramme},
	HPV2:       {id: "HPV2", code: "5501", zh: "二价人乳头瘤病毒疫苗", zht: "二價人乳頭瘤病毒疫苗", en: "bivalent HPV vaccine", injectable: true, kind: kindNonProgramme},
	HPV4:       {id: "HPV4", code: "5502", zh: "四价人乳头瘤病毒疫苗", zht: "四價人乳頭瘤病毒疫苗", en: "quadrivalent HPV vaccine", injectable: true, kind: kindNonProgramme},
	HPV9:       {id: "HPV9", code: "5503", zh: "九价人乳头瘤病毒疫苗", zht: "九價人乳頭瘤病毒疫苗", en: "9-valent HPV vaccine", injectable: true, kind: kindNonProgramme},
	Other:      {id: "Other", code: "9999", zh: "其他疫苗", zht: "其他疫苗", en: "other vaccine", injectable: true, kind: kindNonProgramme},
	Hib:        {id: "Hib", code: "2301", more: []string{"2302"}, zh: "b型流感嗜血杆菌结合疫苗", zht: "b型流感嗜血桿菌結合疫苗", en: "Hib conjugate vaccine", injectable: true, kind: kindNonProgramme},
	PCV13:      {id: "PCV13", code: "2503", zh: "13价肺炎球菌多糖结合疫苗", zht: "13價肺炎球菌多糖結合疫苗", en: "13-valent pneumococcal conjugate vaccine", injectable: true, kind: kindNonProgramme},
	PCV7:       {id: "PCV7", code: "9202", zh: "七价肺炎球菌结合疫苗", zht: "七價肺炎球菌結合疫苗", en: "7-valent pneumococcal conjugate vaccine", injectable: true, kind: kindNonProgramme},
	PPV23:      {id: "PPV23", code: "2501", zh: "23价肺炎球菌多糖疫苗", zht: "23價肺炎球菌多糖疫苗", en: "23-valent pneumococcal polysaccharide vaccine", injectable: true, kind: kindNonProgramme},
	Rota:       {id: "Rota", code: "2401", zh: "口服轮状病毒活疫苗", zht: "口服輪狀病毒活疫苗", en: "oral rotavirus vaccine", live: true, kind: kindNonProgramme},
	Rota5:      {id: "Rota5", code: "2402", zh: "口服五价重配轮状病毒减毒活疫苗", zht: "口服五價重配輪狀病毒減毒活疫苗", en: "oral pentavalent rotavirus vaccine", live: true, kind: kindNonProgramme},
	Var:        {id: "Var", code: "2201", zh: "水痘减毒活疫苗", zht: "水痘減毒活疫苗", en: "varicella vaccine", live: true, injectable: true, kind: kindNonProgramme},
	Flu:        {id: "Flu", code: "2102", more: []string{"2101", "2103"}, zh: "流感疫苗", zht: "流感疫苗", en: "influenza vaccine", injectable: true, kind: kindNonProgramme},
	Flu4:       {id: "Flu4", code: "2108", zh: "四价流感病毒裂解疫苗", zht: "四價流感病毒裂解疫苗", en: "quadrivalent influenza vaccine", injectable: true, kind: kindNonProgramme},
	EV71:       {id: "EV71", code: "5401", more: []string{"5402"}, zh: "肠道病毒71型灭活疫苗", zht: "腸道病毒71型滅活疫苗", en: "EV71 vaccine", injectable: true, kind: kindNonProgramme},
	Rabies:     {id: "Rabies", code: "2801", more: []string{"2802", "2803", "2804", "2805"}, zh: "人用狂犬病疫苗", zht: "人用狂犬病疫苗", en: "rabies vaccine", injectable: true, kind: kindNonProgramme},
	HepE:       {id: "HepE", code: "5201", zh: "重组戊型肝炎疫苗", zht: "重組戊型肝炎疫苗", en: "hepatitis E vaccine", injectable: true, kind: kindNonProgramme},
	DTaPHib:    {id: "DTaP-Hib", code: "4901", zh: "百白破-b型流感嗜血杆菌联合疫苗", zht: "百白破-b型流感嗜血桿菌聯合疫苗", en: "DTaP-Hib combination vaccine", injectable: true, kind: kindNonProgramme},
	MenACHib:   {id: "MenAC-Hib", code: "5301", zh: "AC群流脑-b型流感嗜血杆菌联合疫苗", zht: "AC群流腦-b型流感嗜血桿菌聯合疫苗", en: "MenAC-Hib combination vaccine", injectable: true, kind: kindNonProgramme},
	MPSVACYW:   {id: "MPSV-ACYW", code: "1703", zh: "ACYW135群脑膜炎球菌多糖疫苗", zht: "ACYW135群腦膜炎球菌多糖疫苗", en: "MPSV-ACYW135 vaccine", injectable: true, kind: kindNonProgramme},
	HepAB:      {id: "HepAB", code: "2001", zh: "甲肝乙肝联合疫苗", zht: "甲肝乙肝聯合疫苗", en: "hepatitis A and B combination vaccine", injectable: true, kind: kindNonProgramme},
	Mumps:      {id: "Mumps", code: "1001", zh: "腮腺炎减毒活疫苗", zht: "腮腺炎減毒活疫苗", en: "mumps vaccine", live: true, injectable: true, kind: kindNonProgramme},
	Rubella:    {id: "Rubella", code: "1101", more: []string{"1102"}, zh: "风疹减毒活疫苗", zht: "風疹減毒活疫苗", en: "rubella vaccine", live: true, injectable: true, kind: kindNonProgramme},
	MumR:       {id: "MumR", code: "1501", zh: "腮腺炎风疹联合减毒活疫苗", zht: "腮腺炎風疹聯合減毒活疫苗", en: "mumps and rubella vaccine", live: true, injectable: true, kind: kindNonProgramme},
	YF:         {id: "YF", code: "5101", zh: "黄热减毒活疫苗", zht: "黃熱減毒活疫苗", en: "yellow fever vaccine", live: true, injectable: true, kind: kindNonProgramme},
	HFRS:       {id: "HFRS", code: "2901", more: []string{"2902", "2903"}, zh: "肾综合征出血热灭活疫苗", zht: "腎綜合徵出血熱滅活疫苗", en: "HFRS vaccine", injectable: true, kind: kindNonProgramme},
	Tdap:       {id: "Tdap", code: "0603", zh: "无细胞百白破疫苗（青少年用）", zht: "無細胞百白破疫苗（青少年用）", en: "Tdap vaccine (adolescent)", injectable: true, kind: kindNonProgramme},
}

// IsProgramme reports whether v is a product of a programme series (the 2021 edition's
// vaccines and the earlier programme products of the same antigens), as opposed to a
// non-programme vaccine or an entry that is not a vaccine.
func (v Vaccine) IsProgramme() bool { return v.IsValid() && vaccines[v].kind == kindProgramme }

// IsNonProgramme reports whether v is a non-programme vaccine (非免疫规划疫苗): recorded
// and listed ([NonProgramme]), counted toward a programme series only through the
// edition's [Edition.Counts] (and the mumps- and rubella-containing ones in the MMR
// cohort rule, see [Mumps]).
func (v Vaccine) IsNonProgramme() bool { return v.IsValid() && vaccines[v].kind == kindNonProgramme }

// IsVaccine reports whether v is a vaccine (not immunoglobulin or a skin test).
func (v Vaccine) IsVaccine() bool { return v.IsValid() && vaccines[v].kind != kindNotVaccine }

// Codes returns every national 4-digit code of v: [Vaccine.Code] first, then the further
// codes of the same product.
func (v Vaccine) Codes() []string {
	if !v.IsValid() {
		return nil
	}
	return append([]string{vaccines[v].code}, vaccines[v].more...)
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

// Code returns the national 4-digit vaccine code of v (immunization.md §1.6;
// plan-services.md §7 for HepB, BCG and the non-programme products), or "" for an
// undefined Vaccine.
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

// UnknownVaccineError reports input that is neither a vaccine identifier nor a national
// code. It unwraps to gongwei.ErrInvalid. Code is the input when it has the form of a
// national code (4 digits, after normalisation), so an import can report which code its
// dictionary lacks; it is empty otherwise. The message repeats no input (free text could
// be personal data, and a host may log it): read Code with errors.As.
type UnknownVaccineError struct {
	Code string
}

// Error returns a message naming the error's kind, without the input.
func (e *UnknownVaccineError) Error() string {
	if e.Code == "" {
		return errVaccine.Error()
	}
	return errVaccine.Error() + " code (see UnknownVaccineError.Code)"
}

// Unwrap returns gongwei.ErrInvalid.
func (e *UnknownVaccineError) Unwrap() error { return gongwei.ErrInvalid }

// unknownCode returns k when it is 4 digits, else "".
func unknownCode(k string) string {
	if len(k) != 4 {
		return ""
	}
	for i := range 4 {
		if k[i] < '0' || k[i] > '9' {
			return ""
		}
	}
	return k
}

// vaccineKeys maps every canonical identifier and code to its Vaccine.
var vaccineKeys = func() map[string]Vaccine {
	m := make(map[string]Vaccine)
	for v := HepB; v < numVaccines; v++ {
		m[canonVaccine(vaccines[v].id)] = v
		for _, c := range v.Codes() {
			m[c] = v
		}
	}
	return m
}()

// ParseVaccine parses a vaccine identifier ("HepB", "bOPV", "JE-L", "MPSV-AC",
// "DTaP-IPV/Hib"; case, hyphens, slashes, spaces and full-width forms are ignored) or a
// national 4-digit code (immunization.md §1.6, every code of the table; plan-services.md
// §7). Unknown input is an *UnknownVaccineError wrapping gongwei.ErrInvalid, naming the
// code when the input is 4 digits and repeating nothing else.
func ParseVaccine(s string) (Vaccine, error) {
	k := canonVaccine(s)
	if k == "" {
		return 0, errVaccine
	}
	if v, ok := vaccineKeys[k]; ok {
		return v, nil
	}
	return 0, &UnknownVaccineError{Code: unknownCode(k)}
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
