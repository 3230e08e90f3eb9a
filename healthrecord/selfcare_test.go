package healthrecord_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// TestSelfCareScore checks every cell of the self-care table (nbphs-spec §6.1), including
// the "—" cells of eating and dressing at 轻度依赖.
func TestSelfCareScore(t *testing.T) {
	const none = -1
	want := map[healthrecord.SelfCareDomain][4]int{
		healthrecord.SelfCareEating:    {0, none, 3, 5},
		healthrecord.SelfCareGrooming:  {0, 1, 3, 7},
		healthrecord.SelfCareDressing:  {0, none, 3, 5},
		healthrecord.SelfCareToileting: {0, 1, 5, 10},
		healthrecord.SelfCareActivity:  {0, 1, 5, 10},
	}
	for d, row := range want {
		for i, w := range row {
			l := healthrecord.SelfCareLevel(i + 1)
			got, ok := healthrecord.SelfCareScore(d, l)
			if w == none {
				mustFalse(t, ok, "%v at %v must not exist", d, l)
				continue
			}
			mustTrue(t, ok, "%v at %v", d, l)
			mustEqual(t, w, got, "%v at %v", d, l)
		}
	}
	_, ok := healthrecord.SelfCareScore(0, healthrecord.LevelIndependent)
	mustFalse(t, ok)
	_, ok = healthrecord.SelfCareScore(healthrecord.SelfCareEating, 5)
	mustFalse(t, ok)
}

// TestSelfCareBands checks the band limits at every boundary: 0-3 可自理, 4-8 轻度依赖,
// 9-18 中度依赖, ≥19 不能自理, maximum 37 (nbphs-spec §6.1).
func TestSelfCareBands(t *testing.T) {
	for _, tc := range []struct {
		total int
		want  healthrecord.SelfCareBand
	}{
		{-1, 0},
		{0, healthrecord.SelfCareIndependent},
		{3, healthrecord.SelfCareIndependent},
		{4, healthrecord.SelfCareMild},
		{8, healthrecord.SelfCareMild},
		{9, healthrecord.SelfCareModerate},
		{18, healthrecord.SelfCareModerate},
		{19, healthrecord.SelfCareDependent},
		{37, healthrecord.SelfCareDependent},
		{38, 0},
	} {
		mustEqual(t, tc.want, healthrecord.SelfCareBandOf(tc.total), "total %d", tc.total)
	}
}

const (
	ind = healthrecord.LevelIndependent
	mil = healthrecord.LevelMild
	mod = healthrecord.LevelModerate
	dep = healthrecord.LevelDependent
)

// TestSelfCareAssessmentTotals works forms whose totals land on each band boundary.
func TestSelfCareAssessmentTotals(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    healthrecord.SelfCareAssessment
		sum  int
		band healthrecord.SelfCareBand
	}{
		{"all independent", healthrecord.SelfCareAssessment{ind, ind, ind, ind, ind}, 0, healthrecord.SelfCareIndependent},
		// 0+1+0+1+1 = 3
		{"3: upper limit of 可自理", healthrecord.SelfCareAssessment{ind, mil, ind, mil, mil}, 3, healthrecord.SelfCareIndependent},
		// 3+1+0+0+0 = 4
		{"4: lower limit of 轻度依赖", healthrecord.SelfCareAssessment{mod, mil, ind, ind, ind}, 4, healthrecord.SelfCareMild},
		// 3+0+0+5+0 = 8
		{"8: upper limit of 轻度依赖", healthrecord.SelfCareAssessment{mod, ind, ind, mod, ind}, 8, healthrecord.SelfCareMild},
		// 3+1+0+5+0 = 9
		{"9: lower limit of 中度依赖", healthrecord.SelfCareAssessment{mod, mil, ind, mod, ind}, 9, healthrecord.SelfCareModerate},
		// 3+7+3+5+0 = 18
		{"18: upper limit of 中度依赖", healthrecord.SelfCareAssessment{mod, dep, mod, mod, ind}, 18, healthrecord.SelfCareModerate},
		// 3+1+0+5+10 = 19
		{"19: lower limit of 不能自理", healthrecord.SelfCareAssessment{mod, mil, ind, mod, dep}, 19, healthrecord.SelfCareDependent},
		// 5+7+5+10+10 = 37
		{"37: maximum", healthrecord.SelfCareAssessment{dep, dep, dep, dep, dep}, 37, healthrecord.SelfCareDependent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustNoErr(t, tc.a.Validate())
			mustTrue(t, tc.a.Complete())
			mustEqual(t, tc.sum, tc.a.Total())
			mustEqual(t, tc.band, tc.a.Band())
		})
	}
	mustEqual(t, healthrecord.SelfCareMaxTotal, healthrecord.SelfCareAssessment{dep, dep, dep, dep, dep}.Total())
}

// TestSelfCareValidate: 轻度依赖 does not exist for eating and dressing ("—").
func TestSelfCareValidate(t *testing.T) {
	a := healthrecord.SelfCareAssessment{Eating: mil, Grooming: 0, Dressing: mil, Toileting: 9, Activity: ind}
	err := a.Validate()
	mustTrue(t, errors.Is(err, gongwei.ErrInvalid))
	var ve *gongwei.ValidationError
	mustTrue(t, errors.As(err, &ve))
	mustTrue(t, ve.Has("Eating", healthrecord.CodeSelfCareNoLevel))
	mustTrue(t, ve.Has("Dressing", healthrecord.CodeSelfCareNoLevel))
	mustTrue(t, ve.Has("Grooming", gongwei.CodeRequired))
	mustTrue(t, ve.Has("Toileting", gongwei.CodeUnknownCode))
	mustEqual(t, 4, ve.Len())
	mustFalse(t, a.Complete())
	mustEqual(t, healthrecord.SelfCareBand(0), a.Band())
}

func ExampleSelfCareAssessment_Total() {
	a := healthrecord.SelfCareAssessment{
		Eating:    healthrecord.LevelModerate, // 3
		Grooming:  healthrecord.LevelMild,     // 1
		Dressing:  healthrecord.LevelIndependent,
		Toileting: healthrecord.LevelModerate, // 5
		Activity:  healthrecord.LevelIndependent,
	}
	fmt.Println(a.Total(), a.Band())
	// Output: 9 中度依赖（9～18分）
}

func ExampleSelfCareBandOf() {
	for _, total := range []int{3, 4, 18, 19} {
		fmt.Println(total, healthrecord.SelfCareBandOf(total))
	}
	// Output:
	// 3 可自理（0～3分）
	// 4 轻度依赖（4～8分）
	// 18 中度依赖（9～18分）
	// 19 不能自理（≥19分）
}
