package indicators

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/gongwei-lib/gongwei"
)

// catalogueJSON is the national indicator catalogue as data: every indicator named in
// the references, with its formula in words and its source. The formulas are
// nbphs-spec's (§1.6, §2.2, §3, §4.5, §5.4, §6.2, §7.5, §8.3, §9.4, §10.2, §11.3, §12.2,
// §13, master list §14), immunization.md §1.7's, and, for indicators that only real work
// plans name, the plan's name with the conventional formula, marked UNCONFIRMED in note
// (plan-targets.md gives targets, not formulas). After the twelve core services come the
// programmes the work plans report on beside them (plan-services.md): the referral
// register (双向转诊), the key populations' contracts (重点人群), the centre's supervision
// and training of its village clinics, the women's health projects (两癌, 妇幼死亡及出生缺陷报告,
// 婚前保健, and on the pregnancy 孕前优生健康检查, 增补叶酸, 母婴阻断用药干预, 住院分娩补助), and
// health literacy (健康素养, 知晓率, the quantities of material). Each entry's computation
// lives in the file of its programme.
//
// Not catalogued: plan lines that measure administration rather than a service
// (satisfaction rates, medical-insurance enrolment, staff training pass rates,
// sanitation-toilet coverage); a host adds them with [NewCatalogue].
//
// The file is a JSON array of entries in catalogue order; [catalogueEntry] gives the
// meaning of each key.
//
//go:embed catalogue.json
var catalogueJSON []byte

// catalogueEntry is one entry of catalogue.json. The enumerations are written by their
// String names ("records", "percent", "higher", "stock", "counted"); the texts as arrays
// in the order of the Go types (Names: zh-Hans, zh-Hant, en; Text: zh, en). An entry with
// count true is a workload count ([countEntry]) and gives no denominator, scale,
// direction, places or basis.
type catalogueEntry struct {
	Code            Code      `json:"code"`
	Service         string    `json:"service"`
	Implemented     bool      `json:"implemented"`
	Count           bool      `json:"count"`
	Name            [3]string `json:"name"`
	Numerator       [2]string `json:"numerator"`
	Denominator     [2]string `json:"denominator"`
	DenominatorKind string    `json:"denominator_kind"`
	Scale           string    `json:"scale"`
	Direction       string    `json:"direction"`
	Places          int32     `json:"places"`
	Basis           string    `json:"basis"`
	Source          string    `json:"source"`
	Note            string    `json:"note"`
	Did             [2]string `json:"did"`
	DidZhHant       string    `json:"did_zh_hant"`
	PartOf          Code      `json:"part_of"`
}

// The values of the deprecated Indicator.Issue, one per group of computations, kept
// as they were so that results stay the same.
const (
	issueRecords      = "[2/9]" // health records, the elderly, elderly TCM
	issueChronic      = "[3/9]" // hypertension, diabetes, mental disorders, TB
	issueMaternal     = "[4/9]"
	issueChild        = "[5/9]" // with child TCM
	issueImmunization = "[6/9]"
	issueSupervision  = "[7/9]" // supervision, education, infectious-disease reporting
)

// issueOf returns the deprecated Indicator.Issue of an entry of service svc: the group
// of computations that fills it.
func issueOf(svc Service, code Code) string {
	switch svc {
	case ServiceRecords, ServiceElderly:
		return issueRecords
	case ServiceHypertension, ServiceDiabetes, ServiceMental, ServiceTB:
		return issueChronic
	case ServiceMaternal:
		return issueMaternal
	case ServiceChild:
		return issueChild
	case ServiceImmunization:
		return issueImmunization
	case ServiceTCM:
		if code == "tcm.child" {
			return issueChild
		}
		return issueRecords
	}
	return issueSupervision
}

// countEntry builds a workload-count entry (no denominator, shown as an integer, placed
// by service date).
func countEntry(code Code, svc Service, name Names, num Text, source, issue string, did Text) Indicator {
	return Indicator{
		Code: code, Service: svc, Name: name, Numerator: num,
		Denominator:     Text{"（计数，无分母）", "(count, no denominator)"},
		DenominatorKind: NoDenominator, Scale: Count, Direction: HigherIsBetter, Places: 0,
		Basis: BasisService, Source: source, Issue: issue, Did: did,
	}
}

// parseCatalogue decodes a catalogue in the form of catalogue.json. It fails with an
// error wrapping gongwei.ErrInvalid on malformed JSON, an unknown key or an unknown
// enumeration name; the completeness of each entry is checked by [build].
func parseCatalogue(data []byte) ([]Indicator, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var entries []catalogueEntry
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("%w: indicator catalogue: %v", gongwei.ErrInvalid, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: indicator catalogue: data after the array", gongwei.ErrInvalid)
	}
	list := make([]Indicator, 0, len(entries))
	for _, e := range entries {
		ind, err := e.indicator()
		if err != nil {
			return nil, fmt.Errorf("%w: indicator %q: %v", gongwei.ErrInvalid, e.Code, err)
		}
		list = append(list, ind)
	}
	return list, nil
}

// indicator returns the Indicator e describes.
func (e *catalogueEntry) indicator() (Indicator, error) {
	svc, ok := named(e.Service, Services()...)
	if !ok {
		return Indicator{}, fmt.Errorf("unknown service %q", e.Service)
	}
	name := Names{ZhHans: e.Name[0], ZhHant: e.Name[1], En: e.Name[2]}
	num := Text{Zh: e.Numerator[0], En: e.Numerator[1]}
	did := Text{Zh: e.Did[0], En: e.Did[1]}
	var ind Indicator
	if e.Count {
		if e.Denominator != [2]string{} || e.DenominatorKind != "" || e.Scale != "" || e.Direction != "" || e.Places != 0 || e.Basis != "" {
			return Indicator{}, fmt.Errorf("a count gives no denominator, scale, direction, places or basis")
		}
		ind = countEntry(e.Code, svc, name, num, e.Source, issueOf(svc, e.Code), did)
	} else {
		ind = Indicator{Code: e.Code, Service: svc, Name: name, Numerator: num,
			Denominator: Text{Zh: e.Denominator[0], En: e.Denominator[1]}, Places: e.Places,
			Source: e.Source, Issue: issueOf(svc, e.Code), Did: did}
		if ind.DenominatorKind, ok = named(e.DenominatorKind, Counted, Estimated, NoDenominator); !ok {
			return Indicator{}, fmt.Errorf("unknown denominator kind %q", e.DenominatorKind)
		}
		if ind.Scale, ok = named(e.Scale, Percent, PerMille, Per10k, Per100k, Count); !ok {
			return Indicator{}, fmt.Errorf("unknown scale %q", e.Scale)
		}
		if ind.Direction, ok = named(e.Direction, HigherIsBetter, LowerIsBetter); !ok {
			return Indicator{}, fmt.Errorf("unknown direction %q", e.Direction)
		}
		if ind.Basis, ok = named(e.Basis, BasisStock, BasisService, BasisBirth, BasisLatest, BasisReport, BasisDue, BasisCompletion); !ok {
			return Indicator{}, fmt.Errorf("unknown basis %q", e.Basis)
		}
	}
	ind.Implemented, ind.Note, ind.DidZhHant, ind.PartOf = e.Implemented, e.Note, e.DidZhHant, e.PartOf
	return ind, nil
}

// named returns the value among values whose String is s.
func named[T fmt.Stringer](s string, values ...T) (T, bool) {
	for _, v := range values {
		if v.String() == s {
			return v, true
		}
	}
	var zero T
	return zero, false
}
