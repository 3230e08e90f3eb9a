package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/supervision"
)

// TestSupervisionValid checks every township's records against the library's validation,
// their keys (unique, under the township), and the mix: most units meet their inspection
// quota (supervision.MeetsFrequency), some do not; most complaints are handled in time
// (supervision.Complaint.Timely, on the working-day calendar), some late.
func TestSupervisionValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(20000))
	y := c.Period()
	ids := map[string]bool{}
	unique := func(id string) {
		t.Helper()
		require.False(t, ids[id], "ID %s repeats", id)
		ids[id] = true
	}
	var meets, misses, timely, late, kinds int
	seen := map[supervision.UnitKind]bool{}
	for tw := 1; tw <= c.Config().Townships; tw++ {
		town := c.Township(tw)
		sy := c.Supervision(tw)
		assert.Equal(t, sy, c.Supervision(tw), "not deterministic")
		units := map[supervision.UnitID]*supervision.Unit{}
		for _, u := range sy.Units {
			require.NoError(t, u.Validate())
			unique(string(u.ID))
			assert.Equal(t, town, string(u.Village[:9]))
			units[u.ID] = u
			if !seen[u.Kind] {
				seen[u.Kind] = true
				kinds++
			}
		}
		byUnit := map[supervision.UnitID][]*supervision.Inspection{}
		for _, in := range sy.Inspections {
			require.NoError(t, in.Validate())
			unique(string(in.ID))
			u := units[in.Unit]
			require.NotNil(t, u, "inspection of an unknown unit")
			assert.Equal(t, u.Village, in.Village)
			assert.True(t, y.Contains(in.Date))
			assert.False(t, in.Date.Before(u.Registered))
			byUnit[in.Unit] = append(byUnit[in.Unit], in)
		}
		for _, u := range sy.Units {
			if supervision.Frequencies[u.Kind].PerYear == 0 || !u.ActiveOn(y.Last()) {
				continue
			}
			if supervision.MeetsFrequency(u, byUnit[u.ID], y.Start.Year(), nil) {
				meets++
			} else {
				misses++
			}
		}
		for _, x := range sy.Complaints {
			require.NoError(t, x.Validate())
			unique(string(x.ID))
			ok, _, err := x.Timely()
			require.NoError(t, err)
			if ok {
				timely++
			} else {
				late++
			}
		}
		for _, x := range sy.Clues {
			require.NoError(t, x.Validate())
			unique(string(x.ID))
		}
		for _, x := range sy.CaseReports {
			require.NoError(t, x.Validate())
			unique(string(x.ID))
		}
		for _, x := range sy.EmergencyReports {
			require.NoError(t, x.Validate())
			unique(string(x.ID))
		}
	}
	assert.GreaterOrEqual(t, kinds, 9)
	assert.Positive(t, misses)
	assert.Greater(t, meets, 2*misses)
	assert.Positive(t, late)
	assert.Greater(t, timely, 2*late)
}
