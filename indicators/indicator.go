package indicators

import (
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// Code is the stable identifier of an indicator: "<service>.<name>" in lower case ASCII,
// e.g. "record.coverage" (健康档案建档率) or "ht.bp_control" (管理人群血压控制率). Codes are
// descriptive rather than numbered so that a tally or a plan file reads without a lookup
// table, and so that a later issue can add an indicator without renumbering. A code is
// never renamed once published.
//
// A code may carry a qualifier after a slash, "imm.coverage/HepB1", to break a family
// indicator down (one vaccine dose of 某种疫苗接种率). The qualified code tallies apart;
// its definition is the family's ([Code.Family]).
type Code string

// Family returns the code without its qualifier: "imm.coverage/HepB1" → "imm.coverage".
func (c Code) Family() Code {
	if i := strings.IndexByte(string(c), '/'); i >= 0 {
		return c[:i]
	}
	return c
}

// Qualifier returns the part after the slash, or "".
func (c Code) Qualifier() string {
	if i := strings.IndexByte(string(c), '/'); i >= 0 {
		return string(c[i+1:])
	}
	return ""
}

// With returns the family code qualified by q: Code("imm.coverage").With("HepB1").
func (c Code) With(q string) Code { return c.Family() + Code("/"+q) }

// Service is one of the 13 services of the national specification (nbphs-spec §0 "Scope":
// 12 items, item 7 split into hypertension and type-2 diabetes). Reports group rows by
// service in this order.
type Service uint8

// The services, in the order of nbphs-spec §0. The numbering is part of JSON output:
// append only.
const (
	ServiceRecords      Service = iota + 1 // 居民健康档案管理 (§1)
	ServiceEducation                       // 健康教育 (§2)
	ServiceImmunization                    // 预防接种 (§3)
	ServiceChild                           // 0～6岁儿童健康管理 (§4)
	ServiceMaternal                        // 孕产妇健康管理 (§5)
	ServiceElderly                         // 老年人健康管理 (§6)
	ServiceHypertension                    // 高血压患者健康管理 (§7)
	ServiceDiabetes                        // 2型糖尿病患者健康管理 (§8)
	ServiceMental                          // 严重精神障碍患者管理 (§9)
	ServiceTB                              // 肺结核患者健康管理 (§10)
	ServiceTCM                             // 中医药健康管理 (§11)
	ServiceInfectious                      // 传染病及突发公共卫生事件报告和处理 (§12)
	ServiceSupervision                     // 卫生计生监督协管 (§13)
)

// serviceKeys are the catalog keys of the service names.
var serviceKeys = [...]string{
	ServiceRecords:      "ind.service.records",
	ServiceEducation:    "ind.service.education",
	ServiceImmunization: "ind.service.immunization",
	ServiceChild:        "ind.service.child",
	ServiceMaternal:     "ind.service.maternal",
	ServiceElderly:      "ind.service.elderly",
	ServiceHypertension: "ind.service.hypertension",
	ServiceDiabetes:     "ind.service.diabetes",
	ServiceMental:       "ind.service.mental",
	ServiceTB:           "ind.service.tb",
	ServiceTCM:          "ind.service.tcm",
	ServiceInfectious:   "ind.service.infectious",
	ServiceSupervision:  "ind.service.supervision",
}

// Services lists every service in report order.
func Services() []Service {
	out := make([]Service, 0, len(serviceKeys)-1)
	for s := ServiceRecords; s <= ServiceSupervision; s++ {
		out = append(out, s)
	}
	return out
}

// IsValid reports whether s is a defined service.
func (s Service) IsValid() bool { return s >= ServiceRecords && s <= ServiceSupervision }

// Key returns the catalog key of the service's name, e.g. "ind.service.records".
func (s Service) Key() string {
	if !s.IsValid() {
		return ""
	}
	return serviceKeys[s]
}

// Label returns the service's name in language tag: 居民健康档案管理, 居民健康檔案管理,
// "Resident health records".
func (s Service) Label(tag language.Tag) string { return keyedLabel(serviceKeys[:], s, "Service", tag) }

// String returns the service's key without the "ind.service." prefix, e.g. "records".
func (s Service) String() string { return keyedName(serviceKeys[:], s, "Service") }

// Direction says whether a higher or a lower value of an indicator is better.
type Direction int8

// The directions.
const (
	HigherIsBetter Direction = 1  // coverage and management rates, counts of work done
	LowerIsBetter  Direction = -1 // mortality rates, error rates
)

// String returns "higher" or "lower".
func (d Direction) String() string {
	if d == LowerIsBetter {
		return "lower"
	}
	return "higher"
}

// Basis says which date of a record places it in a reporting period. Getting it wrong is
// the classic indicator error: an enrolment-dated indicator splits one quarter's services
// across quarters (peers.md §2.1, DHIS2 "analytics period boundaries"). Every catalogue
// entry states its basis; the domain computations follow it.
//
// Periods are half-open [Start, End) (gongwei.Period), so a date lies in exactly one of
// consecutive periods; all national indicators are annual (nbphs-spec §14 "年内/年度").
type Basis uint8

// The bases. The numbering is part of JSON output: append only.
const (
	// BasisStock counts the state on the period's last day: a record created on or
	// before Period.Last() and not closed by then is counted (建档率 is a stock: 建档人数
	// of all records held, not only those created this year).
	BasisStock Basis = iota + 1
	// BasisService places a record by the date the service was given (the checkup date,
	// the visit date, the date of the lecture).
	BasisService
	// BasisBirth places a record by the date of birth or delivery: live births
	// (活产数) and the newborn and postpartum visits that follow them are counted in the
	// period of the birth, even when the visit falls after the period ends.
	BasisBirth
	// BasisLatest uses, per subject, the latest follow-up dated in the period (see
	// [Latest]); a subject in the denominator with no follow-up in the period counts as
	// not meeting the numerator (nbphs-spec §7.5: "lost to follow-up counts as not
	// controlled").
	BasisLatest
	// BasisReport places an event by the date it was discovered or registered (a case
	// registered, a clue found); the numerator (reported, reported in time) follows the
	// same event.
	BasisReport
	// BasisDue places a subject by the date a dose or check fell due (应接种, 应建证):
	// a child whose dose fell due in the period is in the denominator; the numerator
	// counts those of them given it (on time, for a timeliness indicator).
	BasisDue
	// BasisCompletion places a patient by the date treatment ended (肺结核规则服药率,
	// "已完成治疗"), nbphs-spec §10.2.
	BasisCompletion
)

// In reports whether a record dated d falls in period p under basis b: on or before
// p.Last() for BasisStock, inside p for every other basis. The zero date is in no period.
func (b Basis) In(p gongwei.Period, d gongwei.Date) bool {
	if b == BasisStock {
		return !d.IsZero() && d.Before(p.End)
	}
	return p.Contains(d)
}

// String returns the basis's name: "stock", "service", "birth", "latest", "report",
// "due" or "completion".
func (b Basis) String() string { return enumName(basisNames[:], b, "Basis") }

var basisNames = [...]string{BasisStock: "stock", BasisService: "service", BasisBirth: "birth", BasisLatest: "latest",
	BasisReport: "report", BasisDue: "due", BasisCompletion: "completion"}

// DenominatorKind says where an indicator's denominator comes from.
type DenominatorKind uint8

// The denominator kinds.
const (
	// Counted: the denominator is counted from records (registered patients, live
	// births, records held) or from base data the host enters (常住居民数).
	Counted DenominatorKind = iota + 1
	// Estimated: the denominator is an estimate, population × share × prevalence
	// (高血压/糖尿病患者管理率: 辖区常住成年人口 × 成年人患病率, nbphs-spec §7.5, §8.3;
	// peers.md). The prevalence is a parameter of the plan ([Estimate]), not a national
	// constant. Such rates are ratios in the WHO starter kit's sense (peers.md §2.2).
	Estimated
	// NoDenominator: a workload count (Scale Count).
	NoDenominator
)

// String returns "counted", "estimated" or "none".
func (k DenominatorKind) String() string {
	return enumName(denominatorKindNames[:], k, "DenominatorKind")
}

var denominatorKindNames = [...]string{Counted: "counted", Estimated: "estimated", NoDenominator: "none"}

// keyedLabel returns the catalog message of keys[v], the catalog key of the value v of
// an enumeration of type typ, in language tag; keyedName's form for a value without a
// key.
func keyedLabel[T ~uint8](keys []string, v T, typ string, tag language.Tag) string {
	if int(v) >= len(keys) || keys[v] == "" {
		return keyedName(keys, v, typ)
	}
	return gongwei.NewPrinter(tag).Sprintf(keys[v])
}

// keyedName returns the last segment of keys[v] ("records" of "ind.service.records"),
// the name of the value v of an enumeration of type typ, or typ(v) for a value without a
// key.
func keyedName[T ~uint8](keys []string, v T, typ string) string {
	if int(v) >= len(keys) || keys[v] == "" {
		return enumName(nil, v, typ)
	}
	return keys[v][strings.LastIndexByte(keys[v], '.')+1:]
}

// enumName returns names[v], the name of the value v of an enumeration of type typ, or
// typ(v) for a value without a name.
func enumName[T ~uint8](names []string, v T, typ string) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

// Text is a definition or phrase in Chinese and English.
type Text struct {
	Zh string // simplified Chinese
	En string // English
}

// Names are an indicator's names in the three languages of the catalog.
type Names struct {
	ZhHans string
	ZhHant string
	En     string
}

// Indicator is one entry of the catalogue: what is counted, against what, how it is shown
// and where the definition comes from. Entries are data ([Catalogue]); the computations
// that fill tallies for them are this package's (RecordIndicators, ChronicIndicators,
// MaternalIndicators, ChildIndicators, ImmunizationIndicators, SupervisionIndicators,
// EducationIndicators), each reading the records of one service through its Store.
type Indicator struct {
	Code    Code    // the stable code, such as "record.coverage"
	Service Service // the service the indicator belongs to
	Name    Names   // the indicator's name in each language
	// Numerator and Denominator define the counts in words, as the source gives them.
	Numerator   Text
	Denominator Text
	// DenominatorKind says whether the denominator is counted or estimated.
	DenominatorKind DenominatorKind
	// Scale is the rate's scale (%, ‰, per 10 000 or 100 000, or a count); Direction says
	// whether a higher value is better.
	Scale     Scale
	Direction Direction
	// Places is the number of decimal places shown (1 unless the source says otherwise,
	// nbphs-spec §14); counts show 0.
	Places int32
	// Basis is the date that places a record in a period.
	Basis Basis
	// Source cites the reference the definition comes from, e.g. "nbphs-spec §1.6".
	Source string
	// Note records caveats: UNCONFIRMED wording, local variants, 2011-edition status.
	Note string
	// Issue is a bookkeeping label of the library's own development, filled as before
	// for the national entries.
	//
	// Deprecated: it says nothing about the indicator; use Service to group entries and
	// Implemented to know whether the library computes one.
	Issue string
	// Implemented reports whether the library computes the indicator from records. An
	// entry that is not implemented can still be tallied by a host with Tally.Add.
	Implemented bool
	// Did is the summary phrase for the numerator, with one %v for the count:
	// {"建立居民健康档案%v人", "%v residents given a health record"}.
	Did Text
	// DidZhHant is Did.Zh in traditional Chinese, for a host's own indicator (the
	// national entries' phrases are held in the package); empty means Did.Zh.
	DidZhHant string
	// PartOf names the indicator whose numerator this one's numerator is a subset of
	// (电子档案 ⊂ 建档); the year-end summary then writes "其中…".
	PartOf Code
}

// Key returns the catalog key of the indicator's name: "ind." + code.
func (ind *Indicator) Key() string { return "ind." + string(ind.Code) }

// Label returns the indicator's name in language tag: a national entry's from the
// library's catalog (key Key), a host's own entry's from its Name.
func (ind *Indicator) Label(tag language.Tag) string {
	if n, ok := catalogNames[ind.Code]; ok && n == ind.Name {
		return gongwei.NewPrinter(tag).Sprintf(ind.Key())
	}
	return ind.Name.in(tag)
}

// LabelOf returns the name of a row's code in language tag: the indicator's Label for a
// plain code; for a qualified code whose family names its qualifiers (imm.coverage by
// immunization milestone: 乙肝疫苗第3剂接种率, 乙肝疫苗第3劑接種率, "HepB dose 3
// coverage"), the qualified name; otherwise the Label followed by the qualifier in
// brackets: 孕期艾滋病、梅毒、乙肝检测率（hiv）.
func (ind *Indicator) LabelOf(code Code, tag language.Tag) string {
	q := code.Qualifier()
	if q == "" {
		return ind.Label(tag)
	}
	if f, ok := qualifiers[code.Family()]; ok && code.Family() == ind.Code {
		if name, ok := f.name(q, tag); ok {
			return gongwei.NewPrinter(tag).Sprintf(f.format, name)
		}
	}
	return ind.Label(tag) + "（" + q + "）"
}

// IsCount reports whether the indicator is a workload count.
func (ind *Indicator) IsCount() bool { return ind.Scale == Count }

// Rate returns the rate of counts c on the indicator's scale.
func (ind *Indicator) Rate(c Counts) Rate {
	return Rate{Numerator: c.Num, Denominator: c.Den, Scale: ind.Scale}
}
