package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/immunization"
)

// TestImmunizationValid checks every generated registration and dose against the
// library's validation and the schedule engine: every dose counts (given at or after its
// minimum age and interval), and the mix the indicators need: late certificates, late
// and missed doses.
func TestImmunizationValid(t *testing.T) {
	c := mustNew(t, DefaultConfig(20000))
	last := c.Period().Last()
	var n, noCert, lateCert, doses, invalid, untimely, hepb3Due, hepb3 int
	hepb3m := immunization.Milestones[2]
	require.Equal(t, "HepB3", hepb3m.Name)
	for p := range c.People(0, c.Residents()) {
		h := c.Immunization(p)
		if h == nil {
			continue
		}
		n++
		reg := h.Registration
		require.NoError(t, reg.Validate(), "registration of %d", p.Index)
		switch {
		case reg.Certificate.IsZero():
			noCert++
		case reg.Certificate.After(reg.Child.Birth.AddMonths(1)):
			lateCert++
		}
		ds := make([]immunization.Dose, 0, len(h.Vaccinations))
		for _, v := range h.Vaccinations {
			require.NoError(t, v.Validate(), "dose of %d", p.Index)
			assert.False(t, v.Dose.Date.After(last))
			assert.False(t, v.Dose.Date.Before(reg.Child.Birth))
			ds = append(ds, v.Dose)
		}
		doses += len(ds)
		evs := immunization.Evaluate(immunization.ScheduleFor(reg.Child.Birth), reg.Child, ds)
		for _, e := range evs {
			if !e.Valid() {
				invalid++
			} else if !e.Timely() {
				untimely++
			}
		}
		if !hepb3m.Limit(reg.Child.Birth).After(last) {
			hepb3Due++
			if !hepb3m.Given(evs).IsZero() {
				hepb3++
			}
		}
	}
	assert.Greater(t, n, 800)
	assert.Zero(t, invalid, "doses the engine does not count")
	assert.Greater(t, doses, 10*n)
	for _, k := range []int{noCert, lateCert, untimely} {
		assert.Positive(t, k)
	}
	// HepB3 coverage around 85-98 %.
	assert.Greater(t, hepb3*100, hepb3Due*85, "%d/%d", hepb3, hepb3Due)
	assert.Less(t, hepb3*100, hepb3Due*99, "%d/%d", hepb3, hepb3Due)
}
