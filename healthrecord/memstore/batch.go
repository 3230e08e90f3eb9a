package memstore

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

var _ gongwei.Batcher = (*Store)(nil)

// Batch implements gongwei.Batcher: it calls f with ctx. Each write applies at once, so
// the writes of a failed batch stay; imports through the services are idempotent, so
// running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
