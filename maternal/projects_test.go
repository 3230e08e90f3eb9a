package maternal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

// TestProjects: folic acid taken before conception or in the first 3 months counts
// (plan-services.md §8); an HIV-positive mother counts as intervened only when she is
// treated and her live-born infant given prophylaxis; an HBsAg-positive mother with no
// intervention does not; a pre-pregnancy check counts before the LMP only; a subsidy
// counts only for a rural hospital delivery.
func TestProjects(t *testing.T) {
	lmp := d(2024, 1, 1)
	born := lmp.AddDays(275)
	p := newPregnancy(lmp)
	p.Delivery = &Delivery{Date: born, Place: Hospital, Mode: Vaginal, LiveBirths: 1}
	assert.False(t, p.FolicAcid.Taken(), "nil: not recorded")
	for _, f := range []FolicAcid{{Before: true}, {FirstTrimester: true}, {true, true}} {
		p.FolicAcid = &f
		assert.True(t, p.FolicAcid.Taken(), "%+v", f)
	}
	p.FolicAcid = &FolicAcid{}
	assert.False(t, p.FolicAcid.Taken())

	p.Tests = []InfectionTest{
		{Infection: HIV, Date: lmp.AddDays(80), Result: Positive},
		{Infection: Syphilis, Date: lmp.AddDays(80), Result: Negative},
		{Infection: HBV, Date: lmp.AddDays(80), Result: Positive},
	}
	p.Interventions = []Intervention{{Infection: HIV, Mother: lmp.AddDays(85)}}
	pos, done := p.Intervened()
	assert.Equal(t, [3]bool{true, false, true}, pos)
	assert.Equal(t, [3]bool{false, false, false}, done, "infant not yet given prophylaxis")
	p.Interventions[0].Infant = born
	pos, done = p.Intervened()
	assert.Equal(t, [3]bool{true, false, true}, pos, "positives do not change with the infant's dose")
	assert.Equal(t, [3]bool{true, false, false}, done)
	p.Delivery.LiveBirths, p.Delivery.Stillbirths = 0, 1
	p.Interventions[0].Infant = gongwei.Date{}
	_, done = p.Intervened()
	assert.True(t, done[0], "no live birth: the mother's treatment is the intervention")

	p.PrePregnancyCheck = lmp.AddDays(-120)
	assert.True(t, p.PrePregnancyChecked())
	p.PrePregnancyCheck = lmp
	assert.False(t, p.PrePregnancyChecked())

	p.SubsidyPaid = born.AddDays(3)
	assert.False(t, p.SubsidyPaidOut(), "not rural")
	p.Rural = true
	assert.True(t, p.SubsidyPaidOut())
}

// TestProjectsValidate: every problem of the projects' fields at once.
func TestProjectsValidate(t *testing.T) {
	lmp := d(2024, 1, 1)
	born := lmp.AddDays(275)
	p := newPregnancy(lmp)
	p.Delivery = &Delivery{Date: born, Place: Home, Mode: Vaginal, LiveBirths: 1}
	p.Tests = []InfectionTest{{Infection: HIV, Date: lmp.AddDays(80), Result: Positive}}
	p.PrePregnancyCheck = lmp.AddDays(3)
	p.Interventions = []Intervention{
		{Infection: HIV, Mother: lmp.AddDays(-1), Infant: born.AddDays(-1)},
		{Infection: HIV, Mother: lmp.AddDays(90)},
		{Infection: Syphilis, Mother: lmp.AddDays(90)},
		{Infection: 9},
	}
	p.SubsidyPaid = born.AddDays(-2)
	badinput.Check(t, p.Validate(), []badinput.Problem{
		{Field: "PrePregnancyCheck", Code: gongwei.CodeOrder},
		{Field: "Interventions[0].Mother", Code: gongwei.CodeOrder},
		{Field: "Interventions[0].Infant", Code: gongwei.CodeOrder},
		{Field: "Interventions[1].Infection", Code: gongwei.CodeDuplicate},
		{Field: "Interventions[2].Infection", Code: gongwei.CodeNotAllowed},
		{Field: "Interventions[3].Infection", Code: gongwei.CodeUnknownCode},
		{Field: "SubsidyPaid", Code: gongwei.CodeNotAllowed},
		{Field: "SubsidyPaid", Code: gongwei.CodeOrder},
	}, "")
	p.PrePregnancyCheck = lmp.AddDays(-100)
	p.Interventions = []Intervention{{Infection: HIV, Mother: lmp.AddDays(85), Infant: born}}
	p.Rural, p.Delivery.Place, p.SubsidyPaid = true, Hospital, born.AddDays(2)
	p.FolicAcid = &FolicAcid{Before: true, FirstTrimester: true}
	require.NoError(t, p.Validate())
	c := p.Clone()
	c.FolicAcid.Before, c.Interventions[0].Infant = false, gongwei.Date{}
	assert.True(t, p.FolicAcid.Before, "Clone copies FolicAcid")
	assert.Equal(t, born, p.Interventions[0].Infant, "Clone copies Interventions")
}
