package sqlstore_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// TestSQLiteWritersTakeTurns: on SQLite, a transaction of the DB that would write while
// another one writes waits before it begins (so it holds no snapshot while it waits),
// runs as soon as the other ends, and stops waiting when its context ends, with the
// context's error, not after SQLite's busy timeout.
func TestSQLiteWritersTakeTurns(t *testing.T) {
	db, err := sqliteDB(t)
	require.NoError(t, err)
	records := db.HealthRecord()
	bg := context.Background()
	resident := func(i int) *healthrecord.Resident {
		r := recordtest.Resident(i)
		r.Version = 1
		return r
	}

	// A batch holds the writers' turn until release is closed.
	inFirst, release := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- records.Batch(bg, func(ctx context.Context) error {
			if err := records.PutResident(ctx, resident(1), 0); err != nil {
				return err
			}
			close(inFirst)
			<-release
			return nil
		})
	}()
	<-inFirst

	// A second batch and a single write wait; cancelled, the batch returns at once.
	ctx, cancel := context.WithCancel(bg)
	var began atomic.Bool
	cancelled := make(chan error, 1)
	go func() {
		cancelled <- records.Batch(ctx, func(context.Context) error { began.Store(true); return nil })
	}()
	single := make(chan error, 1)
	go func() { single <- records.PutResident(bg, resident(2), 0) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-cancelled:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled batch kept waiting for the writers' turn")
	}
	assert.False(t, began.Load(), "a batch began while another one was writing")
	select {
	case err := <-single:
		t.Fatalf("a write ran while a batch was writing: %v", err)
	default:
	}

	// The first batch ends: the waiting write runs, and both residents are stored.
	close(release)
	require.NoError(t, <-first)
	select {
	case err := <-single:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("a waiting write did not run after the batch committed")
	}
	for _, i := range []int{1, 2} {
		got, err := records.Resident(bg, resident(i).ID)
		require.NoError(t, err)
		assert.Equal(t, int64(1), got.Version)
	}
}

// TestSQLiteWritersConcurrent: batches of many goroutines on one SQLite DB all commit,
// none failing with SQLite's busy error.
func TestSQLiteWritersConcurrent(t *testing.T) {
	db, err := sqliteDB(t)
	require.NoError(t, err)
	records := db.HealthRecord()
	const writers, each = 8, 5
	errs := make(chan error, writers)
	for w := range writers {
		go func() {
			errs <- records.Batch(context.Background(), func(ctx context.Context) error {
				for i := range each {
					r := recordtest.Resident(1 + w*each + i)
					r.Version = 1
					if err := records.PutResident(ctx, r, 0); err != nil {
						return err
					}
				}
				return nil
			})
		}()
	}
	for range writers {
		require.NoError(t, <-errs)
	}
	n := 0
	for _, err := range records.Residents(context.Background(), healthrecord.ResidentFilter{}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, writers*each, n)
}
