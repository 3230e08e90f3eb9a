package maternal

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTesting: a test before 28 weeks (by 27+6) is timely (plan-targets.md); tests
// after delivery do not count; positives set the child's flags (immunization.md HepB).
func TestTesting(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	p.Tests = []InfectionTest{
		{Infection: HIV, Date: lmp.AddDays(int(Weeks(27, 6))), Result: Negative},
		{Infection: Syphilis, Date: lmp.AddDays(int(Weeks(28, 0))), Result: Positive},
	}
	st := p.Testing()
	assert.True(t, st[0].Tested && st[0].Timely)
	assert.True(t, st[1].Tested && !st[1].Timely && st[1].Positive)
	assert.False(t, st[2].Tested)
	tested, timely := p.TestedAll()
	assert.False(t, tested || timely)
	f := p.ChildFlags()
	assert.Equal(t, ChildFlags{SyphilisExposed: true, HBsAgUnknown: true}, f)
	assert.True(t, f.Any())

	p.Delivery = &Delivery{Date: lmp.AddDays(270), Place: Hospital, Mode: Vaginal, LiveBirths: 1}
	p.Tests = append(p.Tests,
		InfectionTest{Infection: HBV, Date: lmp.AddDays(271), Result: Positive}, // after delivery: not counted
	)
	assert.True(t, p.ChildFlags().HBsAgUnknown)
	p.Tests = append(p.Tests, InfectionTest{Infection: HBV, Date: lmp.AddDays(270), Result: Positive}) // at delivery
	f = p.ChildFlags()
	assert.True(t, f.HBsAgPositive)
	assert.False(t, f.HBsAgUnknown)
	tested, timely = p.TestedAll()
	assert.True(t, tested)
	assert.False(t, timely)
}

func TestSubsidyAndEarlyBooking(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	p.Booked = lmp.AddDays(90) // 12+6
	p.FirstExam = &FirstExam{Contact: Contact{Date: lmp.AddDays(90)}}
	assert.True(t, p.EarlyBooked())
	p.FirstExam.Date = lmp.AddDays(91) // 13+0
	assert.False(t, p.EarlyBooked())
	p.Rural = true
	assert.False(t, p.SubsidyEligible())
	p.Delivery = &Delivery{Date: lmp.AddDays(280), Place: Hospital, Mode: Vaginal, LiveBirths: 1}
	assert.True(t, p.SubsidyEligible())
	p.Delivery.Place = Home
	assert.False(t, p.SubsidyEligible())
}
