package immunizationtest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// lastWriteWins ignores the expected version: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutRegistration(ctx context.Context, r *immunization.Registration, _ int64) error {
	var prev int64
	if old, err := s.Store.Registration(ctx, r.Resident); err == nil {
		prev = old.Version
	}
	return s.Store.PutRegistration(ctx, r, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its ConcurrentWriters case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		immunizationtest.TestStore(t, func(*testing.T) immunization.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
}
