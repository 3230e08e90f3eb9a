package childtest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// lastWriteWins ignores the expected version: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutChild(ctx context.Context, c *child.Child, _ int64) error {
	var prev int64
	if old, err := s.Store.Child(ctx, c.ID); err == nil {
		prev = old.Version
	}
	return s.Store.PutChild(ctx, c, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its ConcurrentWriters case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		childtest.TestStore(t, func(*testing.T) child.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
}
