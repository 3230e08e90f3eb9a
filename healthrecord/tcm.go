package healthrecord

import (
	"math"
	"slices"
	"sort"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// TCMItemCount is the number of questionnaire items used for constitution identification:
// the first 33 items of the 老年人中医药健康管理服务记录表 (nbphs-spec §11.1).
const TCMItemCount = 33

// TCMItemLabel returns the short topic of questionnaire item n (1-33) in the language
// tag, after the reference's list of topics (nbphs-spec §11.1); the full question text of
// the official form is not reproduced.
func TCMItemLabel(n int, tag language.Tag) string {
	return checkupLabel("tcm.item", n, n >= 1 && n <= TCMItemCount, tag)
}

// Constitutions lists the nine constitutions in order, the eight biased types first.
var Constitutions = [9]Constitution{QiDeficiency, YangDeficiency, YinDeficiency, PhlegmDamp, DampHeat, BloodStasis, QiStagnation, Allergic, Balanced}

// Biased reports whether c is one of the eight biased (偏颇) types, i.e. not 平和质.
func (c Constitution) Biased() bool { return c >= QiDeficiency && c < Balanced }

// tcmConstitutionItems are the questionnaire items of each constitution, and for 平和质
// the items scored in reverse (6 − answer), nbphs-spec §11.1 (体质判定标准, code
// reproduction of the official form [R43]). Order follows Constitutions.
var tcmConstitutionItems = [9]struct {
	Constitution Constitution
	Items        []int
	Reversed     []int
}{
	{QiDeficiency, []int{2, 3, 4, 14}, nil},
	{YangDeficiency, []int{11, 12, 13, 29}, nil},
	{YinDeficiency, []int{10, 21, 26, 31}, nil},
	{PhlegmDamp, []int{9, 16, 28, 32}, nil},
	{DampHeat, []int{23, 25, 27, 30}, nil},
	{BloodStasis, []int{19, 22, 24, 33}, nil},
	{QiStagnation, []int{5, 6, 7, 8}, nil},
	{Allergic, []int{15, 17, 18, 20}, nil},
	{Balanced, []int{1, 2, 4, 5, 13}, []int{2, 4, 5, 13}},
}

// TCMItems returns the questionnaire items (1-33) that score constitution c, and the
// ones among them scored in reverse.
func TCMItems(c Constitution) (items, reversed []int) {
	if !c.IsValid() {
		return nil, nil
	}
	e := tcmConstitutionItems[c-1]
	return append([]int(nil), e.Items...), append([]int(nil), e.Reversed...)
}

// tcmBiasedRule is the decision rule of the eight biased types on the raw item sum
// (4-20), nbphs-spec §11.1: ≥11 是, 9-10 倾向是, ≤8 否.
var tcmBiasedRule = struct{ Yes, Tending int }{Yes: 11, Tending: 9}

// tcmBalancedRule is the decision rule of 平和质 on its sum (5-25) after reverse scoring,
// nbphs-spec §11.1: sum ≥17 and every biased type ≤8 → 是; sum ≥17 and every biased
// type ≤10 → 基本是; otherwise 否.
var tcmBalancedRule = struct{ Min, OthersYes, OthersBasically int }{Min: 17, OthersYes: 8, OthersBasically: 10}

// Positive reports whether the constitution is reported: 是 or 倾向是 for a biased type,
// 是 or 基本是 for 平和质.
func (v TCMVerdict) Positive() bool { return v >= VerdictTending && v <= VerdictYes }

// TCMScore is the sum and judgement of one constitution.
type TCMScore struct {
	// Constitution is the constitution type scored.
	Constitution Constitution
	// Score is the raw sum of the constitution's items (4-20 for a biased type, 5-25 for
	// 平和质 after reverse scoring).
	Score int
	// Verdict is the judgement the score gives: 否, 倾向是, 基本是 or 是.
	Verdict TCMVerdict
}

// TCMResult is the outcome of constitution identification (nbphs-spec §11.1).
type TCMResult struct {
	// Scores holds the nine constitutions in the order of Constitutions.
	Scores [9]TCMScore
	// Main is the main constitution for guidance: the highest-scoring positive biased type
	// (a mixed constitution, 兼夹体质, is normal); 平和质 when no biased type is positive
	// and 平和质 is; 0 when undetermined (Tie or Recollect).
	Main Constitution
	// Tie reports that two or more positive biased types share the highest score: a TCM
	// physician decides the main constitution (record it in TCMAssessment.Main).
	Tie bool
	// Contradictory reports contradictory positive types (阴虚质 and 阳虚质 together): re-check
	// the answers, with a TCM physician's help if needed.
	Contradictory bool
	// Recollect reports that no type is positive: find the cause, or re-collect the
	// answers after 2 weeks (RecollectAfterDays).
	Recollect bool
}

// RecollectAfterDays is the wait before re-collecting the answers when no constitution is
// positive: 2 weeks (nbphs-spec §11.1).
const RecollectAfterDays = 14

// Score returns the score of constitution c.
func (r TCMResult) Score(c Constitution) TCMScore {
	if !c.IsValid() {
		return TCMScore{}
	}
	return r.Scores[c-1]
}

// Positive lists the positive constitutions: the biased types by descending score (ties
// in table order), then 平和质 if it is positive. All of them are recorded.
func (r TCMResult) Positive() []Constitution {
	var biased []TCMScore
	for _, s := range r.Scores[:8] {
		if s.Verdict.Positive() {
			biased = append(biased, s)
		}
	}
	sort.SliceStable(biased, func(i, j int) bool { return biased[i].Score > biased[j].Score })
	out := make([]Constitution, 0, len(biased)+1)
	for _, s := range biased {
		out = append(out, s.Constitution)
	}
	if r.Scores[Balanced-1].Verdict.Positive() {
		out = append(out, Balanced)
	}
	return out
}

// topBiased returns the positive biased types sharing the highest score.
func (r TCMResult) topBiased() []Constitution {
	best := -1
	var top []Constitution
	for _, s := range r.Scores[:8] {
		if !s.Verdict.Positive() {
			continue
		}
		switch {
		case s.Score > best:
			best, top = s.Score, []Constitution{s.Constitution}
		case s.Score == best:
			top = append(top, s.Constitution)
		}
	}
	return top
}

// Validation codes of the TCM assessment.
const (
	// CodeTCMMain: the main constitution recorded is not the one the answers give (or,
	// on equal scores, not one of the tied types).
	CodeTCMMain gongwei.Code = "tcm.main"
	// CodeTCMItem9: item 9 does not match the checkup's BMI (nbphs-spec §11.1).
	CodeTCMItem9 gongwei.Code = "tcm.item9_bmi"
)

// EvaluateTCM scores the 33 answers (answers[i] is item i+1) and judges the nine
// constitutions by the rules of nbphs-spec §11.1: the eight biased types first, then
// 平和质, which depends on them. A blank or invalid answer is an error (*gongwei.ValidationError,
// fields "Answers[i]"): no item may be left blank.
func EvaluateTCM(answers [TCMItemCount]TCMAnswer) (TCMResult, error) {
	ve := gongwei.ValidationError{Record: "healthrecord.TCMAssessment"}
	checkAnswers(&ve, answers)
	if err := ve.Err(); err != nil {
		return TCMResult{}, err
	}
	var r TCMResult
	othersMax := 0
	for i, e := range tcmConstitutionItems[:8] {
		sum := 0
		for _, n := range e.Items {
			sum += int(answers[n-1])
		}
		v := VerdictNo
		switch {
		case sum >= tcmBiasedRule.Yes:
			v = VerdictYes
		case sum >= tcmBiasedRule.Tending:
			v = VerdictTending
		}
		r.Scores[i] = TCMScore{Constitution: e.Constitution, Score: sum, Verdict: v}
		othersMax = max(othersMax, sum)
	}
	b := tcmConstitutionItems[Balanced-1]
	sum := 0
	for _, n := range b.Items {
		a := int(answers[n-1])
		if hasCode(b.Reversed, n) {
			a = 6 - a
		}
		sum += a
	}
	v := VerdictNo
	switch {
	case sum >= tcmBalancedRule.Min && othersMax <= tcmBalancedRule.OthersYes:
		v = VerdictYes
	case sum >= tcmBalancedRule.Min && othersMax <= tcmBalancedRule.OthersBasically:
		v = VerdictBasically
	}
	r.Scores[Balanced-1] = TCMScore{Constitution: Balanced, Score: sum, Verdict: v}

	top := r.topBiased()
	switch {
	case len(top) == 1:
		r.Main = top[0]
	case len(top) > 1:
		r.Tie = true
	case v.Positive():
		r.Main = Balanced
	default:
		r.Recollect = true
	}
	r.Contradictory = r.Scores[YinDeficiency-1].Verdict.Positive() && r.Scores[YangDeficiency-1].Verdict.Positive()
	return r, nil
}

func checkAnswers(ve *gongwei.ValidationError, answers [TCMItemCount]TCMAnswer) {
	for i, a := range answers {
		switch {
		case a == 0:
			ve.Add(indexPath("Answers", i), gongwei.CodeRequired)
		case !a.IsValid():
			ve.Add(indexPath("Answers", i), gongwei.CodeOutOfRange, int(AnswerNever), int(AnswerAlways))
		}
	}
}

// TCMAssessment is the elderly TCM health management record (老年人中医药健康管理服务记录表,
// nbphs-spec §11.1): the 33 answers, the main constitution recorded and the guidance
// given. The judgements themselves are computed from the answers (Result); the
// 判定标准表 is not filed in the record.
type TCMAssessment struct {
	// Answers[i] is the answer to item i+1. Every item must be answered.
	Answers [TCMItemCount]TCMAnswer
	// Main is the main constitution as recorded. Leave it 0 to take the computed one;
	// when the result is a Tie a TCM physician chooses one of the tied types.
	Main Constitution
	// Guidance are the kinds of guidance given.
	Guidance []TCMGuidance
	// GuidanceOther describes TCMGuidanceOther.
	GuidanceOther string
}

// Clone returns a deep copy of a.
func (a *TCMAssessment) Clone() *TCMAssessment {
	x := *a
	x.Guidance = slices.Clone(a.Guidance)
	return &x
}

// Result scores the answers (see EvaluateTCM).
func (a *TCMAssessment) Result() (TCMResult, error) { return EvaluateTCM(a.Answers) }

// MainConstitution returns the main constitution: Main when recorded, else the computed
// one; 0 when the answers are incomplete or the result is undetermined.
func (a *TCMAssessment) MainConstitution() Constitution {
	if a.Main != 0 {
		return a.Main
	}
	r, err := a.Result()
	if err != nil {
		return 0
	}
	return r.Main
}

// Validate reports every problem: blank answers (CodeRequired) and answers outside 1-5
// (CodeOutOfRange) at "Answers[i]"; a recorded Main that is not a constitution
// (CodeUnknownCode) or not the one the answers give (CodeTCMMain: it must be the computed
// main constitution, or one of the tied types on equal scores, and there is none to
// record when no type is positive); unknown or duplicated guidance codes; GuidanceOther
// without TCMGuidanceOther (CodeNotAllowed).
func (a *TCMAssessment) Validate() error {
	ve := gongwei.ValidationError{Record: "healthrecord.TCMAssessment"}
	r, err := a.Result()
	ve.Merge("", err)
	if a.Main != 0 {
		switch {
		case !a.Main.IsValid():
			ve.Add("Main", gongwei.CodeUnknownCode)
		case err != nil:
		case r.Tie:
			ve.Check(hasCode(r.topBiased(), a.Main), "Main", CodeTCMMain)
		default:
			ve.Check(a.Main == r.Main, "Main", CodeTCMMain)
		}
	}
	checkCodes(&ve, "Guidance", a.Guidance)
	if a.GuidanceOther != "" && !hasCode(a.Guidance, TCMGuidanceOther) {
		ve.Add("GuidanceOther", gongwei.CodeNotAllowed)
	}
	return ve.Err()
}

// Complete reports whether the record is complete: valid, a main constitution
// determined (computed, or chosen by a TCM physician on equal scores), guidance given
// (with its description when TCMGuidanceOther is chosen).
func (a *TCMAssessment) Complete() bool {
	if a.Validate() != nil || a.MainConstitution() == 0 || len(a.Guidance) == 0 {
		return false
	}
	return !hasCode(a.Guidance, TCMGuidanceOther) || a.GuidanceOther != ""
}

// tcmItem9BMI scores item 9 (身体沉重) from BMI, upper limits exclusive (nbphs-spec
// §11.1): BMI <24 = 1; 24 ≤ BMI < 25 = 2; 25 ≤ BMI < 26 = 3; 26 ≤ BMI < 28 = 4; ≥28 = 5.
var tcmItem9BMI = []struct {
	Below float64
	Score TCMAnswer
}{
	{24, 1}, {25, 2}, {26, 3}, {28, 4}, {math.Inf(1), 5},
}

// TCMItem9FromBMI returns the score of item 9, which the form anchors to BMI (nbphs-spec
// §11.1). Pass the BMI as written on the form (RoundBMI); Checkup.Validate compares item
// 9 with the checkup's rounded BMI. It returns 0 for a BMI that is not positive.
func TCMItem9FromBMI(bmi float64) TCMAnswer {
	if !(bmi > 0) {
		return 0
	}
	for _, b := range tcmItem9BMI {
		if bmi < b.Below {
			return b.Score
		}
	}
	return 0
}

// countBand is a band of yearly counts, inclusive.
type countBand struct {
	Min, Max int
	Score    TCMAnswer
}

// tcmItem14Colds scores item 14 (易感冒) by colds a year (nbphs-spec §11.1): <2 = 1;
// 2-4 = 2; 5-6 = 3; ≥8 = 4; almost every month = 5. Seven a year has no anchor on the
// form.
var tcmItem14Colds = []countBand{
	{0, 1, 1}, {2, 4, 2}, {5, 6, 3}, {8, math.MaxInt, 4},
}

// TCMItem14FromColds returns the score of item 14 from the number of colds a year, or 5
// when colds come almost every month (nbphs-spec §11.1). It reports false for a negative
// count and for 7 a year, which the form's anchors skip: the interviewer then chooses.
func TCMItem14FromColds(perYear int, almostMonthly bool) (TCMAnswer, bool) {
	if almostMonthly {
		return AnswerAlways, true
	}
	return countScore(tcmItem14Colds, perYear)
}

// tcmItem17Allergies scores item 17 (过敏) by allergic episodes a year (nbphs-spec
// §11.1): never = 1; 1-2 = 2; 3-4 = 3; 5-6 = 4; every time a trigger occurs = 5.
var tcmItem17Allergies = []countBand{
	{0, 0, 1}, {1, 2, 2}, {3, 4, 3}, {5, 6, 4},
}

// TCMItem17FromAllergies returns the score of item 17 from the number of allergic
// episodes a year, or 5 when one follows every exposure to a trigger (nbphs-spec §11.1).
// It reports false for a negative count and for 7 or more a year without
// everyExposure, which the anchors do not cover.
func TCMItem17FromAllergies(perYear int, everyExposure bool) (TCMAnswer, bool) {
	if everyExposure {
		return AnswerAlways, true
	}
	return countScore(tcmItem17Allergies, perYear)
}

// tcmItem28Waist scores item 28 (腹部肥满松软) by waist circumference in whole cm:
// <80 = 1, 80-85 = 2, 86-90 = 3, 91-105 = 4, >105 = 5. UNCONFIRMED in reference (the
// code copy of the form shows only 1-5); implemented as given.
var tcmItem28Waist = []countBand{
	{0, 79, 1}, {80, 85, 2}, {86, 90, 3}, {91, 105, 4}, {106, math.MaxInt, 5},
}

// TCMItem28FromWaist returns the score of item 28 from the waist circumference in cm,
// truncated to whole centimetres (85.9 counts as 85). The anchors are UNCONFIRMED in
// reference; implemented as given, and Checkup.Validate does not enforce them. It
// reports false for a waist that is not positive.
func TCMItem28FromWaist(cm float64) (TCMAnswer, bool) {
	if !(cm > 0) || cm > math.MaxInt32 {
		return 0, false
	}
	return countScore(tcmItem28Waist, int(math.Floor(cm)))
}

func countScore(bands []countBand, n int) (TCMAnswer, bool) {
	for _, b := range bands {
		if n >= b.Min && n <= b.Max {
			return b.Score, true
		}
	}
	return 0, false
}
