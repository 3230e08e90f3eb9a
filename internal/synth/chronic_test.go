package synth

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/chronic"
)

// TestChronicCasesValid checks every generated case against the library's own
// validation and the order of its dates, and that adherence is imperfect: some managed
// patients have fewer than 4 face-to-face follow-ups in the year, most have 4 or more.
func TestChronicCasesValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(8000))
	y := c.Period()
	conditions := map[chronic.Condition]int{}
	ids := map[chronic.PatientID]bool{}
	var fewer, enough int
	for p := range c.People(0, c.Residents()) {
		for _, cs := range c.Chronic(p) {
			pt := cs.Patient
			require.NoError(t, pt.Validate(), "patient of %d", p.Index)
			require.False(t, ids[pt.ID], "patient ID repeats at %d", p.Index)
			ids[pt.ID] = true
			assert.Equal(t, p.Resident.ID, pt.Resident)
			assert.Equal(t, p.Resident.Archive.Village(), pt.Village)
			conditions[pt.Condition]++
			if cs.Closure.Reason != chronic.NotClosed {
				closed := pt.Clone()
				closed.Closure = cs.Closure
				require.NoError(t, closed.Validate(), "closure of %d", p.Index)
			}
			f2f := 0
			for k, v := range cs.Visits {
				require.NoError(t, v.Validate(), "visit of %d", p.Index)
				assert.Equal(t, pt.Condition, v.Condition())
				assert.False(t, v.Date().Before(pt.Registered), "visit before registration at %d", p.Index)
				assert.False(t, v.Date().After(y.Last()), "visit after the year at %d", p.Index)
				if !cs.Closure.Date.IsZero() {
					assert.True(t, v.Date().Before(cs.Closure.Date), "visit after closure at %d", p.Index)
				}
				if k > 0 {
					assert.True(t, v.Date().After(cs.Visits[k-1].Date()), "visits out of order at %d", p.Index)
				}
				if y.Contains(v.Date()) && v.FaceToFace() {
					f2f++
				}
			}
			if pt.Condition == chronic.Hypertension && pt.Registered.Before(y.Start) && cs.Closure.Reason == chronic.NotClosed {
				if f2f < 4 {
					fewer++
				} else {
					enough++
				}
			}
		}
	}
	for _, cond := range chronic.Conditions {
		assert.Positive(t, conditions[cond], "no %s patient", cond)
	}
	// Diabetes is rarer than hypertension (chronicShares).
	assert.Greater(t, conditions[chronic.Hypertension], conditions[chronic.Diabetes])
	assert.Positive(t, fewer, "every patient followed up 4 times")
	assert.Greater(t, enough, fewer, "most patients should be followed up 4 times")
}

func TestChronicDeterministic(t *testing.T) {
	c := mustNew(t, DefaultConfig(3000))
	for i := 0; i < c.Residents(); i += 7 {
		assert.Equal(t, c.Chronic(c.Person(i)), c.Chronic(c.Person(i)))
	}
}

// TestChronicClassificationMix loads the county through chronic.Service and checks that
// the library's classification gives every class of nbphs-spec §7.3, §8.2, §9.2 and
// §10.1 somewhere, and a next due date for every reached follow-up.
func TestChronicClassificationMix(t *testing.T) {
	_, s := loadedCounty(t)
	classes := map[chronic.Condition]map[chronic.Class]int{}
	for v, err := range s.Chronic.Visits(context.Background(), chronic.VisitFilter{}) {
		require.NoError(t, err)
		if classes[v.Condition()] == nil {
			classes[v.Condition()] = map[chronic.Class]int{}
		}
		classes[v.Condition()][v.Assessment.Class]++
		if v.Assessment.Class != chronic.NotReached {
			assert.False(t, v.Assessment.NextDue.IsZero(), "visit %s without a next date", v.ID)
		}
	}
	for _, cond := range []chronic.Condition{chronic.Hypertension, chronic.Diabetes} {
		for _, cl := range []chronic.Class{chronic.Satisfied, chronic.Unsatisfied, chronic.Emergency, chronic.AdverseReaction, chronic.Complication} {
			assert.Positive(t, classes[cond][cl], "%s: no %v", cond, cl)
		}
		assert.Greater(t, classes[cond][chronic.Satisfied], classes[cond][chronic.Emergency])
	}
	for _, cl := range []chronic.Class{chronic.Stable, chronic.BasicallyStable, chronic.Unstable, chronic.NotReached} {
		assert.Positive(t, classes[chronic.Mental][cl], "mental: no %v", cl)
	}
	for _, cl := range []chronic.Class{chronic.Adherent, chronic.NotAdherent} {
		assert.Positive(t, classes[chronic.Tuberculosis][cl], "tuberculosis: no %v", cl)
	}
}
