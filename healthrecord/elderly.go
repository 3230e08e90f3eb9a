package healthrecord

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
)

// ElderlyMinAge is the age in completed years (周岁) from which a resident is served by
// the elderly health management service (老年人健康管理, nbphs-spec §6: residents aged 65
// and over) and the elderly TCM service (nbphs-spec §11.1).
const ElderlyMinAge = 65

// IsElderlyOn reports whether a person born on birth is aged ElderlyMinAge or more in
// completed years on date on. A zero birth gives false.
func IsElderlyOn(birth, on gongwei.Date) bool {
	if birth.IsZero() || on.IsZero() {
		return false
	}
	return birth.AgeYears(on) >= ElderlyMinAge
}

// ElderlyAssessment holds what the elderly health management service (nbphs-spec §6)
// records besides the checkup form: the self-care ability assessment form, the guidance
// topics given and the booked date of the next annual service.
type ElderlyAssessment struct {
	// SelfCare is the self-care ability assessment (老年人生活自理能力评估表, §6.1).
	SelfCare SelfCareAssessment
	// Guidance are the guidance topics given.
	Guidance []ElderlyGuidance
	// NextService is the date booked for the next annual service (告知下次体检时间);
	// zero if none was booked.
	NextService gongwei.Date
}

// Clone returns a deep copy of e.
func (e *ElderlyAssessment) Clone() *ElderlyAssessment {
	x := *e
	x.Guidance = slices.Clone(e.Guidance)
	return &x
}

// Validate reports every problem: the self-care assessment (see
// SelfCareAssessment.Validate, under "SelfCare") and the guidance codes (unknown or
// duplicated).
func (e *ElderlyAssessment) Validate() error {
	ve := gongwei.ValidationError{Record: "healthrecord.ElderlyAssessment"}
	ve.Merge("SelfCare", e.SelfCare.Validate())
	checkCodes(&ve, "Guidance", e.Guidance)
	return ve.Err()
}

// validCode is a code type of this package.
type validCode interface {
	comparable
	IsValid() bool
}

// checkCodes records CodeUnknownCode for each invalid code of a multi-select list and
// CodeDuplicate for each repeated one.
func checkCodes[T validCode](ve *gongwei.ValidationError, field string, codes []T) {
	for i, c := range codes {
		if !c.IsValid() {
			ve.Add(indexPath(field, i), gongwei.CodeUnknownCode)
			continue
		}
		for _, p := range codes[:i] {
			if p == c {
				ve.Add(indexPath(field, i), gongwei.CodeDuplicate)
				break
			}
		}
	}
}

// item names a list item ("Medications[2]") for validation paths; the path string is
// built only when a problem is reported, so a valid record costs no allocation.
type item struct {
	list string
	i    int
}

// field returns the path of the item's field sub (".Name"), or of the item for "".
func (it item) field(sub string) string { return indexPath(it.list, it.i) + sub }

// check adds code at the item's field sub unless ok.
func (it item) check(ve *gongwei.ValidationError, ok bool, sub string, code gongwei.Code) {
	if !ok {
		ve.Add(it.field(sub), code)
	}
}

// hasCode reports whether codes holds c.
func hasCode[T comparable](codes []T, c T) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

func indexPath(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}
