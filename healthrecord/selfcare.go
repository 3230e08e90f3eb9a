package healthrecord

import "github.com/gongwei-lib/gongwei"

// SelfCareDomains lists the five domains in form order.
var SelfCareDomains = [5]SelfCareDomain{SelfCareEating, SelfCareGrooming, SelfCareDressing, SelfCareToileting, SelfCareActivity}

// noLevel marks a level the form does not have for a domain ("—").
const noLevel = -1

// selfCareScores is the score of each domain (row) at each level (column), nbphs-spec
// §6.1 (code reproduction of the official form, [R30]). Eating and dressing have no
// 轻度依赖 level ("—" on the form): choosing it is an error.
var selfCareScores = [5][4]int{
	//  可自理 轻度依赖 中度依赖 不能自理
	{0, noLevel, 3, 5}, // 进餐
	{0, 1, 3, 7},       // 梳洗
	{0, noLevel, 3, 5}, // 穿衣
	{0, 1, 5, 10},      // 如厕
	{0, 1, 5, 10},      // 活动
}

// SelfCareScore returns the score of domain d at level l (nbphs-spec §6.1), and false
// when d or l is not valid or the form has no such level for d (eating and dressing at
// 轻度依赖).
func SelfCareScore(d SelfCareDomain, l SelfCareLevel) (int, bool) {
	if !d.IsValid() || !l.IsValid() {
		return 0, false
	}
	s := selfCareScores[d-1][l-1]
	if s == noLevel {
		return 0, false
	}
	return s, true
}

// SelfCareMaxTotal is the largest total of the assessment, 5+7+5+10+10 (nbphs-spec §6.1).
const SelfCareMaxTotal = 37

// selfCareBands maps totals to bands, inclusive limits (nbphs-spec §6.1: 0-3 可自理,
// 4-8 轻度依赖, 9-18 中度依赖, ≥19 不能自理; the maximum total is 37).
var selfCareBands = []struct {
	Band     SelfCareBand
	Min, Max int
}{
	{SelfCareIndependent, 0, 3},
	{SelfCareMild, 4, 8},
	{SelfCareModerate, 9, 18},
	{SelfCareDependent, 19, SelfCareMaxTotal},
}

// SelfCareBandOf returns the band of a self-care total (nbphs-spec §6.1), or 0 when the
// total is outside 0-37.
func SelfCareBandOf(total int) SelfCareBand {
	for _, b := range selfCareBands {
		if total >= b.Min && total <= b.Max {
			return b.Band
		}
	}
	return 0
}

// Validation codes of the self-care assessment.
const (
	// CodeSelfCareNoLevel: the level chosen does not exist for the domain ("—" on the
	// form: eating and dressing have no 轻度依赖).
	CodeSelfCareNoLevel gongwei.Code = "selfcare.no_level"
)

// SelfCareAssessment is the elderly self-care ability assessment (老年人生活自理能力评估表),
// nbphs-spec §6.1: the level reached in each of the five domains.
type SelfCareAssessment struct {
	Eating    SelfCareLevel
	Grooming  SelfCareLevel
	Dressing  SelfCareLevel
	Toileting SelfCareLevel
	Activity  SelfCareLevel
}

// Level returns the level recorded for domain d.
func (a SelfCareAssessment) Level(d SelfCareDomain) SelfCareLevel {
	switch d {
	case SelfCareEating:
		return a.Eating
	case SelfCareGrooming:
		return a.Grooming
	case SelfCareDressing:
		return a.Dressing
	case SelfCareToileting:
		return a.Toileting
	case SelfCareActivity:
		return a.Activity
	}
	return 0
}

var selfCareFields = [5]string{"Eating", "Grooming", "Dressing", "Toileting", "Activity"}

// Complete reports whether every domain has a valid level.
func (a SelfCareAssessment) Complete() bool {
	for _, d := range SelfCareDomains {
		if _, ok := SelfCareScore(d, a.Level(d)); !ok {
			return false
		}
	}
	return true
}

// Total returns the sum of the domain scores, 0-37. Domains not assessed or with an
// impossible level count 0; use Complete or Validate first.
func (a SelfCareAssessment) Total() int {
	t := 0
	for _, d := range SelfCareDomains {
		s, _ := SelfCareScore(d, a.Level(d))
		t += s
	}
	return t
}

// Band returns the band of the total (nbphs-spec §6.1), or 0 when the assessment is not
// complete.
func (a SelfCareAssessment) Band() SelfCareBand {
	if !a.Complete() {
		return 0
	}
	return SelfCareBandOf(a.Total())
}

// Validate reports every problem: a domain not assessed (CodeRequired), a level outside
// 1-4 (CodeUnknownCode), a level the form does not have for the domain
// (CodeSelfCareNoLevel).
func (a SelfCareAssessment) Validate() error {
	ve := gongwei.ValidationError{Record: "healthrecord.SelfCareAssessment"}
	for i, d := range SelfCareDomains {
		l := a.Level(d)
		switch {
		case l == 0:
			ve.Add(selfCareFields[i], gongwei.CodeRequired)
		case !l.IsValid():
			ve.Add(selfCareFields[i], gongwei.CodeUnknownCode)
		default:
			if _, ok := SelfCareScore(d, l); !ok {
				ve.Add(selfCareFields[i], CodeSelfCareNoLevel)
			}
		}
	}
	return ve.Err()
}
