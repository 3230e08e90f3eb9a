package educationtest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// lastWriteWins ignores the expected version: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutActivity(ctx context.Context, a *education.Activity, _ int64) error {
	var prev int64
	if old, err := s.Store.Activity(ctx, a.ID); err == nil {
		prev = old.Version
	}
	return s.Store.PutActivity(ctx, a, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its concurrency case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		educationtest.TestStore(t, func(*testing.T) education.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "concurrency: one writer wins each version")
}
