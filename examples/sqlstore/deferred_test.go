package sqlstore_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deferredFixture runs f on each SQL engine (its name) with a store holding a resident
// stored before any batch (old) and one that the batches insert (fresh).
func deferredFixture(t *testing.T, f func(t *testing.T, engine string, records *sqlstore.HealthRecordStore, old, fresh *healthrecord.Resident)) {
	for _, e := range deferredEngines(t) {
		if e.name != "memory" {
			t.Run(e.name, func(t *testing.T) {
				var rs []*healthrecord.Resident
				for r := range manyResidents(2) {
					r.ID, r.Version = healthrecord.ResidentID(r.Archive.String()), 1
					rs = append(rs, r)
				}
				records := e.fresh().Records.(*sqlstore.HealthRecordStore)
				require.NoError(t, records.PutResident(context.Background(), rs[0], 0))
				f(t, e.name, records, rs[0], rs[1])
			})
		}
	}
}

// checkupOf returns a new checkup i of r.
func checkupOf(r *healthrecord.Resident, i int) *healthrecord.Checkup {
	return &healthrecord.Checkup{ID: healthrecord.CheckupID(string(r.ID) + "-C" + strconv.Itoa(1000+i)), Resident: r.ID, Date: r.Created, Version: 1}
}

// TestDeferredReads: inside a batch, the records of a resident the batch inserted
// (written at its end on PostgreSQL) are read back by ID and by resident, in order, as
// a batch writing them at once reads them; a record kept after the reads is written
// at the commit; a rolled-back batch leaves none, and more records than one statement
// writes (128) are all stored.
func TestDeferredReads(t *testing.T) {
	ctx := context.Background()
	deferredFixture(t, func(t *testing.T, engine string, records *sqlstore.HealthRecordStore, old, fresh *healthrecord.Resident) {
		const n = 300
		load := func(ctx context.Context) error {
			require.NoError(t, records.PutResident(ctx, fresh, 0))
			for i := range n {
				require.NoError(t, records.PutCheckup(ctx, checkupOf(fresh, i), 0))
			}
			require.NoError(t, records.PutCheckup(ctx, checkupOf(old, 0), 0))
			// A lookup of an ID not kept, and a read of another resident's records.
			_, err := records.Checkup(ctx, "nobody")
			assert.ErrorIs(t, err, gongwei.ErrNotFound)
			assert.Equal(t, 1, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{Resident: old.ID})))
			got, err := records.Checkup(ctx, checkupOf(fresh, 7).ID)
			require.NoError(t, err, "a record kept is read by ID")
			assert.Equal(t, fresh.ID, got.Resident)
			var ids []healthrecord.CheckupID
			for c, err := range records.Checkups(ctx, healthrecord.CheckupFilter{Resident: fresh.ID}) {
				require.NoError(t, err)
				ids = append(ids, c.ID)
			}
			require.Len(t, ids, n, "the batch reads the records it kept")
			for i, id := range ids {
				require.Equal(t, checkupOf(fresh, i).ID, id)
			}
			// A record kept after the reads is written at the commit.
			return records.PutCheckup(ctx, checkupOf(fresh, n), 0)
		}
		// The same batch, failed at its end: rolled back.
		errStop := errors.New("stop")
		require.ErrorIs(t, records.Batch(ctx, func(ctx context.Context) error { return errors.Join(load(ctx), errStop) }), errStop)
		assert.Zero(t, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{})), "a rolled-back batch leaves nothing")
		_, err := records.Resident(ctx, fresh.ID)
		assert.ErrorIs(t, err, gongwei.ErrNotFound)

		require.NoError(t, records.Batch(ctx, load))
		assert.Equal(t, n+1, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{Resident: fresh.ID})))
		assert.Equal(t, 1, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{Resident: old.ID})))
		assert.ErrorIs(t, records.PutCheckup(ctx, checkupOf(fresh, 0), 0), gongwei.ErrConflict, "stored by the commit")
	})
}

// TestDeferredConflicts: an ID the batch inserted, repeated, fails at once on every
// engine. A record of a fresh resident whose ID another resident's record holds fails
// at once on SQLite and on PostgreSQL without deferred writes; with them on, where it is
// found only at the end of the batch, the batch fails with an error that rejects no record, stores nothing, and the next batch
// writes at once, so that running it again reports the record as the others do.
func TestDeferredConflicts(t *testing.T) {
	ctx := context.Background()
	deferredFixture(t, func(t *testing.T, engine string, records *sqlstore.HealthRecordStore, old, fresh *healthrecord.Resident) {
		err := records.Batch(ctx, func(ctx context.Context) error {
			require.NoError(t, records.PutResident(ctx, fresh, 0))
			require.NoError(t, records.PutCheckup(ctx, checkupOf(fresh, 0), 0))
			assert.ErrorIs(t, records.PutCheckup(ctx, checkupOf(fresh, 0), 0), gongwei.ErrConflict, "a repeat of a kept ID")
			return errors.New("stop")
		})
		require.Error(t, err)

		// Another resident's checkup, stored before, holds the ID.
		taken := checkupOf(fresh, 1)
		taken.Resident = old.ID
		require.NoError(t, records.PutCheckup(ctx, taken, 0))
		var saveErrs []error
		batch := func(ctx context.Context) error {
			saveErrs = saveErrs[:0]
			if err := records.PutResident(ctx, fresh, 0); err != nil {
				return err
			}
			for i := range 3 {
				saveErrs = append(saveErrs, records.PutCheckup(ctx, checkupOf(fresh, i), 0))
			}
			return nil
		}
		err = records.Batch(ctx, batch)
		if engine == "postgres-deferred" {
			require.Error(t, err, "a taken key found at the end fails the batch")
			for _, target := range []error{gongwei.ErrConflict, gongwei.ErrDuplicate, gongwei.ErrInvalid, gongwei.ErrNotFound} {
				assert.NotErrorIs(t, err, target, "the error rejects no record")
			}
			_, gerr := records.Resident(ctx, fresh.ID)
			assert.ErrorIs(t, gerr, gongwei.ErrNotFound, "the batch stored nothing")
			assert.Equal(t, 1, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{})))
			// Run again, the batch writes at once.
			err = records.Batch(ctx, batch)
		}
		require.NoError(t, err)
		require.Len(t, saveErrs, 3)
		assert.NoError(t, saveErrs[0])
		assert.ErrorIs(t, saveErrs[1], gongwei.ErrConflict, "the taken ID, at once")
		assert.NoError(t, saveErrs[2])
		assert.Equal(t, 2, count(t, records.Checkups(ctx, healthrecord.CheckupFilter{Resident: fresh.ID})))

	})
}

// TestDeferredCancelled: a batch cancelled after records were kept is rolled back
// whole, with the context's error.
func TestDeferredCancelled(t *testing.T) {
	deferredFixture(t, func(t *testing.T, engine string, records *sqlstore.HealthRecordStore, old, fresh *healthrecord.Resident) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		err := records.Batch(ctx, func(ctx context.Context) error {
			require.NoError(t, records.PutResident(ctx, fresh, 0))
			for i := range 5 {
				require.NoError(t, records.PutCheckup(ctx, checkupOf(fresh, i), 0))
			}
			cancel()
			return nil
		})
		require.ErrorIs(t, err, context.Canceled)
		bg := context.Background()
		_, err = records.Resident(bg, fresh.ID)
		assert.ErrorIs(t, err, gongwei.ErrNotFound)
		assert.Zero(t, count(t, records.Checkups(bg, healthrecord.CheckupFilter{})))
	})
}
