package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/maternal"
)

// TestPregnanciesValid checks every generated pregnancy against the library's validation
// for the woman's record, and the mix the indicators need: early and late bookings,
// missed visits, tests after 28 weeks, every colour of the risk grading, deliveries mostly
// in hospital, postpartum visits mostly done.
func TestPregnanciesValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(20000))
	last := c.Period().Last()
	var n, delivered, early, fewVisits, hospital, visited, lateTest, ongoing, ended int
	colours := map[maternal.Colour]int{}
	purple := 0
	for p := range c.People(0, c.Residents()) {
		preg := c.Pregnancy(p)
		if preg == nil {
			continue
		}
		n++
		require.NoError(t, preg.ValidateFor(p.Resident), "pregnancy of %d", p.Index)
		age := p.Resident.BirthDate.AgeYears(last)
		assert.True(t, age >= 15 && age <= 49, "mother aged %d", age)
		for _, e := range preg.Events() {
			assert.False(t, e.Date.After(last), "contact after the year at %d", p.Index)
		}
		g := preg.HighestGrade()
		colours[g.Colour]++
		if g.Purple {
			purple++
		}
		switch {
		case preg.Delivery != nil:
			delivered++
			if preg.EarlyBooked() {
				early++
			}
			if preg.PrenatalCount() < maternal.PrenatalVisits {
				fewVisits++
			}
			if preg.Delivery.Place == maternal.Hospital {
				hospital++
			}
			if preg.VisitedAfterDelivery() {
				visited++
			}
			if _, timely := preg.TestedAll(); !timely {
				lateTest++
			}
		case preg.Ended != nil:
			ended++
		default:
			ongoing++
		}
	}
	// About 9 pregnancies a year per 1,000 residents (pregnancyRates) over a window of
	// 1.6 years, less those not yet booked.
	assert.Greater(t, n, 150)
	assert.Less(t, n, 400)
	for _, k := range []int{ongoing, ended, fewVisits, lateTest, delivered - hospital, delivered - early, delivered - visited} {
		assert.Positive(t, k)
	}
	for _, k := range []int{early, hospital, visited} {
		assert.Greater(t, 2*k, delivered, "a minority where most are expected")
	}
	for _, col := range []maternal.Colour{maternal.Green, maternal.Yellow, maternal.Orange, maternal.Red} {
		assert.Positive(t, colours[col], "no %v pregnancy", col)
	}
	assert.Positive(t, purple)
	assert.Greater(t, colours[maternal.Green], colours[maternal.Orange]+colours[maternal.Red])
}

func TestPregnancyDeterministic(t *testing.T) {
	c := mustNew(t, DefaultConfig(3000))
	for i := 0; i < c.Residents(); i += 5 {
		assert.Equal(t, c.Pregnancy(c.Person(i)), c.Pregnancy(c.Person(i)))
	}
}
