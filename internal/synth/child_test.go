package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/child"
)

// TestChildrenValid checks every generated child record and visit against the library's
// validation, and the mix the indicators need: visits missed and late, Hb tests, TCM
// guidance, screening not always recorded, a few malnourished children.
func TestChildrenValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(20000))
	last := c.Period().Last()
	var n, visits, late, missed, hb, tcm, unscreened, malnourished, measured int
	for p := range c.People(0, c.Residents()) {
		cs := c.Child(p)
		if cs == nil {
			assert.False(t, c.isChild(p))
			continue
		}
		n++
		ch := cs.Child
		require.NoError(t, ch.Validate(), "child %d", p.Index)
		assert.Less(t, ch.BirthDate.AgeYears(last), 7)
		if !ch.Screening.DiseaseScreened() {
			unscreened++
		}
		for _, v := range cs.Visits {
			require.NoError(t, v.ValidateFor(ch), "visit of %d", p.Index)
			assert.False(t, v.Date.After(last))
			visits++
			if v.HbGL > 0 {
				hb++
			}
			if v.TCMGuidance {
				tcm++
			}
			if a, err := v.Assess(ch); err == nil && a.WeightForAge.OK {
				measured++
				if child.ClassifyNutrition(a, child.WHOCutoffs).Malnourished() {
					malnourished++
				}
			}
		}
		for _, it := range child.Schedule(ch, cs.Visits, last) {
			switch {
			case it.Task != child.TaskVisit:
			case it.Status == child.DoneLate:
				late++
			case it.Status == child.Missed || it.Status == child.Overdue:
				missed++
			}
		}
	}
	// About 8 % of residents are under 7 (agePyramid).
	assert.Greater(t, n, 800)
	assert.Less(t, n, 2000)
	for i, k := range []int{late, missed, hb, tcm, unscreened, malnourished} {
		assert.Positive(t, k, "count %d", i)
	}
	// Most measurements normal; a few per cent malnourished.
	assert.Less(t, malnourished*10, measured)
	assert.Greater(t, visits, 8*n)
}

func TestChildDeterministic(t *testing.T) {
	c := mustNew(t, DefaultConfig(3000))
	for i := 0; i < c.Residents(); i += 3 {
		p := c.Person(i)
		assert.Equal(t, c.Child(p), c.Child(c.Person(i)))
		assert.Equal(t, c.Immunization(p), c.Immunization(c.Person(i)))
	}
}
