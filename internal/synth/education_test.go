package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/education"
)

// TestEducationValid checks every activity against the library's validation and keys,
// and that most institutions meet the yearly minimums of nbphs-spec §2.1 on 31 December
// (education.Check) while some do not.
func TestEducationValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(20000))
	last := c.Period().Last()
	ids := map[education.ID]bool{}
	var met, missed int
	for tw := 1; tw <= c.Config().Townships; tw++ {
		acts := c.Education(tw)
		assert.Equal(t, acts, c.Education(tw), "not deterministic")
		byDivision := map[string][]*education.Activity{}
		for _, a := range acts {
			require.NoError(t, a.Validate())
			require.False(t, ids[a.ID], "ID %s repeats", a.ID)
			ids[a.ID] = true
			assert.Equal(t, c.Township(tw), a.Division[:9])
			assert.True(t, c.Period().Contains(a.Date))
			byDivision[a.Division] = append(byDivision[a.Division], a)
		}
		assert.Len(t, byDivision, 1+c.Config().VillagesPerTownship)
		for div, as := range byDivision {
			inst := education.Station
			if len(div) == 9 {
				inst = education.Centre
			}
			if education.Check(inst, as, last).Met() {
				met++
			} else {
				missed++
			}
		}
	}
	assert.Positive(t, missed)
	assert.Positive(t, met)
}
