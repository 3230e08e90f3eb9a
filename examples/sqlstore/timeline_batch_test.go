package sqlstore_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// TestBatchTimeline: inside a batch, the events of a resident the batch inserted are
// written when it commits, with the results of writing them at once: a repeated
// (resident, kind, ref) fails with gongwei.ErrDuplicate at once (for a resident stored
// before the batch too), the batch reads its own events in their appending order, a
// rolled-back batch leaves none, and a committed one stores each once. More events than
// one statement writes (100) are all stored.
func TestBatchTimeline(t *testing.T) {
	ctx := context.Background()
	for _, e := range importEngines(t) {
		if e.name == "memory" {
			continue
		}
		t.Run(e.name, func(t *testing.T) {
			records := e.fresh().Records.(*sqlstore.HealthRecordStore)
			rs := slices.Collect(manyResidents(2))
			for _, r := range rs {
				r.ID, r.Version = healthrecord.ResidentID(r.Archive.String()), 1
			}
			old, fresh := rs[0], rs[1]
			require.NoError(t, records.PutResident(ctx, old, 0))
			require.NoError(t, records.AppendEvent(ctx, old.BasicInfoEvent()))
			day := fresh.Created
			event := func(r *healthrecord.Resident, i int) healthrecord.ServiceEvent {
				return healthrecord.ServiceEvent{Resident: r.ID, Kind: healthrecord.EventCheckup, Date: day, Ref: "C" + string(rune('A'+i%26)) + string(rune('A'+i/26))}
			}
			const n = 123
			load := func(ctx context.Context) error {
				require.NoError(t, records.PutResident(ctx, fresh, 0))
				for i := range n {
					require.NoError(t, records.AppendEvent(ctx, event(fresh, i)))
				}
				assert.ErrorIs(t, records.AppendEvent(ctx, event(fresh, 7)), gongwei.ErrDuplicate, "a repeat of a kept event")
				assert.ErrorIs(t, records.AppendEvent(ctx, old.BasicInfoEvent()), gongwei.ErrDuplicate, "a repeat of a stored event")
				require.NoError(t, records.AppendEvent(ctx, event(old, 1)))
				var refs []string
				for ev, err := range records.Events(ctx, healthrecord.EventFilter{Resident: fresh.ID}) {
					require.NoError(t, err)
					refs = append(refs, ev.Ref)
				}
				require.Len(t, refs, n, "the batch reads its own events")
				for i, ref := range refs {
					require.Equal(t, event(fresh, i).Ref, ref, "appending order")
				}
				// An event kept after the read is written at the commit.
				return records.AppendEvent(ctx, healthrecord.ServiceEvent{Resident: fresh.ID, Kind: healthrecord.EventCheckup, Date: day, Ref: "last"})
			}
			errStop := errors.New("stop")
			err := records.Batch(ctx, func(ctx context.Context) error {
				if err := load(ctx); err != nil {
					return err
				}
				return errStop
			})
			require.ErrorIs(t, err, errStop)
			assert.Zero(t, count(t, records.Events(ctx, healthrecord.EventFilter{Resident: fresh.ID})), "a rolled-back batch leaves no event")
			assert.Equal(t, 1, count(t, records.Events(ctx, healthrecord.EventFilter{Resident: old.ID})))

			require.NoError(t, records.Batch(ctx, load))
			assert.Equal(t, n+1, count(t, records.Events(ctx, healthrecord.EventFilter{Resident: fresh.ID})))
			assert.Equal(t, 2, count(t, records.Events(ctx, healthrecord.EventFilter{Resident: old.ID})))
			assert.ErrorIs(t, records.AppendEvent(ctx, event(fresh, 0)), gongwei.ErrDuplicate, "stored by the commit")
		})
	}
}
