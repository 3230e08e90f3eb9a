package chronictest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// lastWriteWins ignores the expected version of an update: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	if prev > 0 {
		if old, err := s.Store.Patient(ctx, p.ID); err == nil {
			prev = old.Version
		}
	}
	return s.Store.PutPatient(ctx, p, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its ConcurrentWriters case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		chronictest.TestStore(t, func(*testing.T) chronic.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
}
