package healthrecord_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// sheet returns an answer sheet with every item answered 1 (没有) except the given items
// (item number → answer).
func sheet(items map[int]healthrecord.TCMAnswer) [healthrecord.TCMItemCount]healthrecord.TCMAnswer {
	var a [healthrecord.TCMItemCount]healthrecord.TCMAnswer
	for i := range a {
		a[i] = healthrecord.AnswerNever
	}
	for n, v := range items {
		a[n-1] = v
	}
	return a
}

// TestTCMItemTable checks the item lists and the reverse-scored items of nbphs-spec §11.1.
func TestTCMItemTable(t *testing.T) {
	want := map[healthrecord.Constitution][]int{
		healthrecord.QiDeficiency:   {2, 3, 4, 14},
		healthrecord.YangDeficiency: {11, 12, 13, 29},
		healthrecord.YinDeficiency:  {10, 21, 26, 31},
		healthrecord.PhlegmDamp:     {9, 16, 28, 32},
		healthrecord.DampHeat:       {23, 25, 27, 30},
		healthrecord.BloodStasis:    {19, 22, 24, 33},
		healthrecord.QiStagnation:   {5, 6, 7, 8},
		healthrecord.Allergic:       {15, 17, 18, 20},
		healthrecord.Balanced:       {1, 2, 4, 5, 13},
	}
	seen := map[int]bool{}
	for c, items := range want {
		got, rev := healthrecord.TCMItems(c)
		mustEqual(t, items, got, "%v", c)
		if c == healthrecord.Balanced {
			mustEqual(t, []int{2, 4, 5, 13}, rev)
		} else {
			mustEqual(t, 0, len(rev), "%v has no reversed items", c)
			for _, n := range got {
				mustFalse(t, seen[n], "item %d in two biased types", n)
				seen[n] = true
			}
		}
	}
	// The eight biased types use 32 distinct items; item 1 is 平和质's only own item.
	mustEqual(t, 32, len(seen))
	mustFalse(t, seen[1])
}

// TestEvaluateTCM works hand-scored answer sheets at each decision boundary of
// nbphs-spec §11.1: biased types ≥11 是, 9-10 倾向是, ≤8 否; 平和质 (items 2, 4, 5, 13
// reversed) ≥17 with every other ≤8 是, ≥17 with every other ≤10 基本是, else 否.
func TestEvaluateTCM(t *testing.T) {
	type want struct {
		scores    map[healthrecord.Constitution]int
		verdicts  map[healthrecord.Constitution]healthrecord.TCMVerdict
		main      healthrecord.Constitution
		tie       bool
		recollect bool
		contra    bool
		positive  []healthrecord.Constitution
	}
	Q, Yang, Yin, P, BS, Bal := healthrecord.QiDeficiency, healthrecord.YangDeficiency, healthrecord.YinDeficiency, healthrecord.PhlegmDamp, healthrecord.BloodStasis, healthrecord.Balanced
	No, Tend, Basic, Yes := healthrecord.VerdictNo, healthrecord.VerdictTending, healthrecord.VerdictBasically, healthrecord.VerdictYes
	for _, tc := range []struct {
		name    string
		answers map[int]healthrecord.TCMAnswer
		want    want
	}{
		{
			// 气虚 = 3+3+3+2 = 11 → 是. 平和 = 1 + (6-3) + (6-3) + 5 + 5 = 17, but 气虚 11 > 10 → 否.
			name:    "qi deficiency 11 is yes",
			answers: map[int]healthrecord.TCMAnswer{2: 3, 3: 3, 4: 3, 14: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 11, Bal: 17},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: Yes, Bal: No},
				main:     Q, positive: []healthrecord.Constitution{Q},
			},
		},
		{
			// 气虚 = 3+3+2+2 = 10 → 倾向是. 平和 = 1 + 3 + 4 + 5 + 5 = 18 ≥ 17, others ≤ 10 → 基本是.
			name:    "qi deficiency 10 is tending, balanced basically",
			answers: map[int]healthrecord.TCMAnswer{2: 3, 3: 3, 4: 2, 14: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 10, Bal: 18},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: Tend, Bal: Basic},
				main:     Q, positive: []healthrecord.Constitution{Q, Bal},
			},
		},
		{
			// 气虚 = 2+2+2+3 = 9 → 倾向是 (lower limit).
			name:    "qi deficiency 9 is tending",
			answers: map[int]healthrecord.TCMAnswer{2: 2, 3: 2, 4: 2, 14: 3},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 9, Bal: 19},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: Tend, Bal: Basic},
				main:     Q, positive: []healthrecord.Constitution{Q, Bal},
			},
		},
		{
			// 气虚 = 2+2+2+2 = 8 → 否. 平和 = 1 + 4 + 4 + 5 + 5 = 19, others ≤ 8 → 是.
			name:    "qi deficiency 8 is no, balanced yes",
			answers: map[int]healthrecord.TCMAnswer{2: 2, 3: 2, 4: 2, 14: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 8, Bal: 19},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: No, Bal: Yes},
				main:     Bal, positive: []healthrecord.Constitution{Bal},
			},
		},
		{
			// 平和 = 1 + 5 + 5 + 5 + (6-5) = 17; 阳虚 = 1+1+5+1 = 8; 血瘀 = 3+2+2+2 = 9 → 倾向是;
			// others max 9 ≤ 10 → 平和 基本是.
			name:    "balanced 17 with one other at 9 is basically yes",
			answers: map[int]healthrecord.TCMAnswer{13: 5, 19: 3, 22: 2, 24: 2, 33: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Bal: 17, Yang: 8, BS: 9},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Bal: Basic, Yang: No, BS: Tend},
				main:     BS, positive: []healthrecord.Constitution{BS, Bal},
			},
		},
		{
			// 平和 = 17 and 阳虚 = 8 is the largest other → 是 (upper limit of "others ≤ 8").
			name:    "balanced 17 with others at most 8 is yes",
			answers: map[int]healthrecord.TCMAnswer{13: 5},
			want: want{
				scores:   map[healthrecord.Constitution]int{Bal: 17, Yang: 8},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Bal: Yes, Yang: No},
				main:     Bal, positive: []healthrecord.Constitution{Bal},
			},
		},
		{
			// 平和 = 17 but 血瘀 = 3+3+3+2 = 11 → 平和 否 (others must be ≤ 10).
			name:    "balanced 17 with one other at 11 is no",
			answers: map[int]healthrecord.TCMAnswer{13: 5, 19: 3, 22: 3, 24: 3, 33: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Bal: 17, BS: 11},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Bal: No, BS: Yes},
				main:     BS, positive: []healthrecord.Constitution{BS},
			},
		},
		{
			// 平和 = 1 + 5 + 5 + (6-2) + (6-5) = 16 → 否; 气郁 = 2+1+1+1 = 5, 阳虚 = 8: nothing
			// positive → re-collect after 2 weeks.
			name:    "nothing positive: recollect",
			answers: map[int]healthrecord.TCMAnswer{5: 2, 13: 5},
			want: want{
				scores:    map[healthrecord.Constitution]int{Bal: 16},
				verdicts:  map[healthrecord.Constitution]healthrecord.TCMVerdict{Bal: No},
				recollect: true, positive: []healthrecord.Constitution{},
			},
		},
		{
			// 气虚 = 3+3+3+3 = 12 and 痰湿 = 3+3+3+3 = 12 → equal scores, a TCM physician decides.
			name:    "equal top scores: tie",
			answers: map[int]healthrecord.TCMAnswer{2: 3, 3: 3, 4: 3, 14: 3, 9: 3, 16: 3, 28: 3, 32: 3},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 12, P: 12},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: Yes, P: Yes},
				tie:      true, positive: []healthrecord.Constitution{Q, P},
			},
		},
		{
			// Mixed: 痰湿 = 4+3+3+3 = 13 (main), 气虚 = 3+3+3+2 = 11.
			name:    "mixed constitution: highest score is main",
			answers: map[int]healthrecord.TCMAnswer{2: 3, 3: 3, 4: 3, 14: 2, 9: 4, 16: 3, 28: 3, 32: 3},
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 11, P: 13},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: Yes, P: Yes},
				main:     P, positive: []healthrecord.Constitution{P, Q},
			},
		},
		{
			// 阳虚 = 3+3+3+3 = 12 and 阴虚 = 3+3+2+2 = 10: contradictory results.
			name:    "yin and yang deficiency: contradictory",
			answers: map[int]healthrecord.TCMAnswer{11: 3, 12: 3, 13: 3, 29: 3, 10: 3, 21: 3, 26: 2, 31: 2},
			want: want{
				scores:   map[healthrecord.Constitution]int{Yang: 12, Yin: 10},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Yang: Yes, Yin: Tend},
				main:     Yang, contra: true, positive: []healthrecord.Constitution{Yang, Yin},
			},
		},
		{
			// All 1: every biased type 4 (否); 平和 = 1 + 5×4 = 21 → 是.
			name:    "all never",
			answers: nil,
			want: want{
				scores:   map[healthrecord.Constitution]int{Q: 4, Bal: 21},
				verdicts: map[healthrecord.Constitution]healthrecord.TCMVerdict{Q: No, Bal: Yes},
				main:     Bal, positive: []healthrecord.Constitution{Bal},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := healthrecord.EvaluateTCM(sheet(tc.answers))
			mustNoErr(t, err)
			for c, s := range tc.want.scores {
				mustEqual(t, s, r.Score(c).Score, "score of %v", c)
			}
			for c, v := range tc.want.verdicts {
				mustEqual(t, v, r.Score(c).Verdict, "verdict of %v", c)
			}
			mustEqual(t, tc.want.main, r.Main, "main")
			mustEqual(t, tc.want.tie, r.Tie, "tie")
			mustEqual(t, tc.want.recollect, r.Recollect, "recollect")
			mustEqual(t, tc.want.contra, r.Contradictory, "contradictory")
			mustEqual(t, tc.want.positive, r.Positive(), "positive")
		})
	}
}

func TestEvaluateTCMBlank(t *testing.T) {
	a := sheet(nil)
	a[0] = 0
	a[32] = 6
	_, err := healthrecord.EvaluateTCM(a)
	mustTrue(t, errors.Is(err, gongwei.ErrInvalid))
	var ve *gongwei.ValidationError
	mustTrue(t, errors.As(err, &ve))
	mustTrue(t, ve.Has("Answers[0]", gongwei.CodeRequired), "blank item 1")
	mustTrue(t, ve.Has("Answers[32]", gongwei.CodeOutOfRange), "item 33 = 6")
	mustEqual(t, 2, ve.Len())
}

func TestTCMAssessmentValidate(t *testing.T) {
	tie := sheet(map[int]healthrecord.TCMAnswer{2: 3, 3: 3, 4: 3, 14: 3, 9: 3, 16: 3, 28: 3, 32: 3})
	guid := []healthrecord.TCMGuidance{healthrecord.TCMGuidanceDiet}
	for _, tc := range []struct {
		name     string
		a        healthrecord.TCMAssessment
		field    string
		code     gongwei.Code
		complete bool
	}{
		{"computed main", healthrecord.TCMAssessment{Answers: sheet(nil), Guidance: guid}, "", "", true},
		{"recorded main matches", healthrecord.TCMAssessment{Answers: sheet(nil), Main: healthrecord.Balanced, Guidance: guid}, "", "", true},
		{"recorded main differs", healthrecord.TCMAssessment{Answers: sheet(nil), Main: healthrecord.QiDeficiency, Guidance: guid}, "Main", healthrecord.CodeTCMMain, false},
		{"tie unresolved is valid but incomplete", healthrecord.TCMAssessment{Answers: tie, Guidance: guid}, "", "", false},
		{"tie resolved by physician", healthrecord.TCMAssessment{Answers: tie, Main: healthrecord.PhlegmDamp, Guidance: guid}, "", "", true},
		{"tie resolved to an untied type", healthrecord.TCMAssessment{Answers: tie, Main: healthrecord.BloodStasis, Guidance: guid}, "Main", healthrecord.CodeTCMMain, false},
		{"recollect has no main", healthrecord.TCMAssessment{Answers: sheet(map[int]healthrecord.TCMAnswer{5: 2, 13: 5}), Main: healthrecord.Balanced, Guidance: guid}, "Main", healthrecord.CodeTCMMain, false},
		{"unknown main", healthrecord.TCMAssessment{Answers: sheet(nil), Main: 10, Guidance: guid}, "Main", gongwei.CodeUnknownCode, false},
		{"no guidance", healthrecord.TCMAssessment{Answers: sheet(nil)}, "", "", false},
		{"other text without code", healthrecord.TCMAssessment{Answers: sheet(nil), Guidance: guid, GuidanceOther: "x"}, "GuidanceOther", gongwei.CodeNotAllowed, false},
		{"duplicate guidance", healthrecord.TCMAssessment{Answers: sheet(nil), Guidance: append(guid, guid...)}, "Guidance[1]", gongwei.CodeDuplicate, false},
		{"other code without text", healthrecord.TCMAssessment{Answers: sheet(nil), Guidance: []healthrecord.TCMGuidance{healthrecord.TCMGuidanceOther}}, "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.a.Validate()
			if tc.code == "" {
				mustNoErr(t, err)
			} else {
				var ve *gongwei.ValidationError
				mustTrue(t, errors.As(err, &ve), "want a validation error")
				mustTrue(t, ve.Has(tc.field, tc.code), "%v", err)
			}
			mustEqual(t, tc.complete, tc.a.Complete(), "complete")
		})
	}
}

// TestTCMAnchors checks the anchored items of nbphs-spec §11.1 at every band edge.
func TestTCMAnchors(t *testing.T) {
	// Item 9 from BMI: <24 = 1; 24-<25 = 2; 25-<26 = 3; 26-<28 = 4; ≥28 = 5.
	for _, tc := range []struct {
		bmi  float64
		want healthrecord.TCMAnswer
	}{{0, 0}, {-1, 0}, {15, 1}, {23.9, 1}, {24, 2}, {24.9, 2}, {25, 3}, {25.9, 3}, {26, 4}, {27.9, 4}, {28, 5}, {45, 5}} {
		mustEqual(t, tc.want, healthrecord.TCMItem9FromBMI(tc.bmi), "BMI %v", tc.bmi)
	}
	// Item 14 from colds a year: <2 = 1; 2-4 = 2; 5-6 = 3; ≥8 = 4; almost monthly = 5; 7 has no anchor.
	for _, tc := range []struct {
		n       int
		monthly bool
		want    healthrecord.TCMAnswer
		ok      bool
	}{{-1, false, 0, false}, {0, false, 1, true}, {1, false, 1, true}, {2, false, 2, true}, {4, false, 2, true}, {5, false, 3, true}, {6, false, 3, true}, {7, false, 0, false}, {8, false, 4, true}, {11, false, 4, true}, {12, true, 5, true}} {
		got, ok := healthrecord.TCMItem14FromColds(tc.n, tc.monthly)
		mustEqual(t, tc.ok, ok, "colds %d", tc.n)
		mustEqual(t, tc.want, got, "colds %d", tc.n)
	}
	// Item 17 from allergies a year: never = 1; 1-2 = 2; 3-4 = 3; 5-6 = 4; every exposure = 5.
	for _, tc := range []struct {
		n     int
		every bool
		want  healthrecord.TCMAnswer
		ok    bool
	}{{0, false, 1, true}, {1, false, 2, true}, {2, false, 2, true}, {3, false, 3, true}, {4, false, 3, true}, {5, false, 4, true}, {6, false, 4, true}, {7, false, 0, false}, {7, true, 5, true}, {-2, false, 0, false}} {
		got, ok := healthrecord.TCMItem17FromAllergies(tc.n, tc.every)
		mustEqual(t, tc.ok, ok, "allergies %d", tc.n)
		mustEqual(t, tc.want, got, "allergies %d", tc.n)
	}
	// Item 28 from waist (UNCONFIRMED anchors): <80 = 1, 80-85 = 2, 86-90 = 3, 91-105 = 4, >105 = 5.
	for _, tc := range []struct {
		cm   float64
		want healthrecord.TCMAnswer
		ok   bool
	}{{0, 0, false}, {60, 1, true}, {79.9, 1, true}, {80, 2, true}, {85, 2, true}, {85.9, 2, true}, {86, 3, true}, {90, 3, true}, {91, 4, true}, {105, 4, true}, {105.5, 4, true}, {106, 5, true}} {
		got, ok := healthrecord.TCMItem28FromWaist(tc.cm)
		mustEqual(t, tc.ok, ok, "waist %v", tc.cm)
		mustEqual(t, tc.want, got, "waist %v", tc.cm)
	}
}

func ExampleEvaluateTCM() {
	var answers [healthrecord.TCMItemCount]healthrecord.TCMAnswer
	for i := range answers {
		answers[i] = healthrecord.AnswerNever
	}
	// Fatigue, shortness of breath, weak voice and colds (气虚质 items 2, 3, 4, 14).
	answers[2-1], answers[3-1], answers[4-1], answers[14-1] = 3, 3, 3, 2
	r, err := healthrecord.EvaluateTCM(answers)
	if err != nil {
		fmt.Println(err)
		return
	}
	q := r.Score(healthrecord.QiDeficiency)
	b := r.Score(healthrecord.Balanced)
	fmt.Println(q.Constitution, q.Score, q.Verdict)
	fmt.Println(b.Constitution, b.Score, b.Verdict)
	fmt.Println("main:", r.Main)
	// Output:
	// 气虚质 11 是
	// 平和质 17 否
	// main: 气虚质
}

func ExampleTCMItem9FromBMI() {
	bmi := healthrecord.RoundBMI(healthrecord.BMI(70, 168))
	fmt.Println(bmi, healthrecord.TCMItem9FromBMI(bmi))
	// Output: 24.8 很少
}
