package immunization_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/immunization"
)

// TestMilestoneGroups: the five vaccines and the HepB birth dose name rows of
// Milestones: BCG before 3 months, the others of the five before 12 months, HepB-1 on
// the day of birth (immunization.md §1.2).
func TestMilestoneGroups(t *testing.T) {
	five := immunization.FiveVaccineMilestones()
	require.Equal(t, []string{"BCG", "HepB3", "Polio3", "DTaP3", "MMR1"}, five)
	for _, name := range five {
		m, ok := immunization.MilestoneNamed(name)
		require.True(t, ok, name)
		want := immunization.Months(12)
		if name == "BCG" {
			want = immunization.Months(3)
		}
		assert.Equal(t, want, m.Before, name)
	}
	five[0] = "changed"
	assert.Equal(t, "BCG", immunization.FiveVaccineMilestones()[0], "a copy each call")
	m, ok := immunization.MilestoneNamed(immunization.HepBBirthDoseMilestone)
	require.True(t, ok)
	assert.Equal(t, []immunization.VaccineDose{{Vaccine: immunization.HepB, Dose: 1}}, m.Doses)
	assert.Equal(t, immunization.Days(1), m.Before)
}
