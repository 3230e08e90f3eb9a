package indicators_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/countedfix"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// countedSubject returns s with its records reduced to the fields
// indicators.CountedSubjectSource lists: what a source may hand over when asked for
// counted subjects.
func countedSubject(s *indicators.Subject) (out *indicators.Subject, reduced bool) {
	return countedSubjectOf(s, new(int))
}

// countedSubjectOf is countedSubject, adding to checkups the number of checkups reduced;
// the events come in the reverse of the timeline's order (the counted ones may come in
// any).
func countedSubjectOf(s *indicators.Subject, checkups *int) (out *indicators.Subject, reduced bool) {
	out, reduced = countedfix.Reduce(s, checkups)
	slices.Reverse(out.Events)
	return out, reduced
}

// TestCountedFieldsSuffice proves the list of indicators.CountedSubjectSource: every
// per-resident indicator of a synthetic county, computed from records reduced to the
// fields listed (a subject's events in reverse order), equals the same computed from
// whole records. A rule that starts reading another field, or the events' order, fails
// it.
func TestCountedFieldsSuffice(t *testing.T) {
	ctx := context.Background()
	c, err := synth.New(synth.DefaultConfig(3000))
	require.NoError(t, err)
	p := c.Period()
	whole, counted := indicators.NewTally(0), indicators.NewTally(0)
	require.NoError(t, indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, c.Residents()), p, nil, whole))
	reduced, events, doses, checkups := 0, 0, 0, 0
	subjects := func(yield func(*indicators.Subject, error) bool) {
		for s, err := range c.Subjects(ctx, 0, c.Residents()) {
			if err != nil {
				yield(nil, err)
				return
			}
			cs, ok := countedSubjectOf(s, &checkups)
			if ok {
				reduced++
			}
			events += len(cs.Events)
			if cs.Immunization != nil {
				doses += len(cs.Immunization.Vaccinations)
			}
			if !yield(cs, nil) {
				return
			}
		}
	}
	require.NoError(t, indicators.ComputeSubjects(ctx, subjects, p, nil, counted))
	require.Greater(t, reduced, 2000, "residents reduced")
	require.Greater(t, events, 5000, "events reduced")
	require.Greater(t, doses, 3000, "vaccinations reduced")
	require.Greater(t, checkups, 100, "checkups reduced")
	require.Greater(t, whole.Len(), 200)
	require.True(t, whole.Equal(counted), "the counted fields give the cells of the whole records")
}

// TestCountedStaleOutcomeNeedsWholeResident shows why a resident whose outcome another
// edition of the rules derived is read whole: the rules derive it again from the whole
// record, and a reduced one (without its cover and form) is not complete.
func TestCountedStaleOutcomeNeedsWholeResident(t *testing.T) {
	ctx := context.Background()
	c, err := synth.New(synth.DefaultConfig(200))
	require.NoError(t, err)
	p := c.Period()
	for s, err := range c.Subjects(ctx, 0, c.Residents()) {
		require.NoError(t, err)
		r := s.Resident
		if r == nil || r.Archive.IsZero() || !r.ActiveOn(p.Last()) || !r.Outcome().CompleteOn(r, p.Last()) {
			continue
		}
		stale := *r
		stale.Derived = healthrecord.ResidentOutcome{}
		require.True(t, stale.Outcome().CompleteOn(&stale, p.Last()), "derived again from the whole record")
		reduced, _ := countedSubject(&indicators.Subject{Resident: &stale})
		require.Same(t, &stale, reduced.Resident, "a stale outcome keeps the whole resident")
		return
	}
	t.Fatal("no complete resident in the county")
}
