package maternaltest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

func TestSuitePassesMemstore(t *testing.T) {
	maternaltest.TestStore(t, func(*testing.T) maternal.Store { return memstore.New() })
}

// lastWriteWins ignores the expected version: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, _ int64) error {
	var prev int64
	if old, err := s.Store.Pregnancy(ctx, p.ID); err == nil {
		prev = old.Version
	}
	return s.Store.PutPregnancy(ctx, p, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its ConcurrentWriters case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		maternaltest.TestStore(t, func(*testing.T) maternal.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
}
