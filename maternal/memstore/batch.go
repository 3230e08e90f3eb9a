package memstore

import (
	"context"

	"github.com/gongwei-lib/gongwei"
)

var _ gongwei.Batcher = (*Store)(nil)

// Batch implements gongwei.Batcher trivially: it calls f with ctx. An in-memory store
// applies each write at once, so a batch is not all-or-nothing here: the writes f made
// before it failed stay. Imports through the services are idempotent, so running a
// failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f(ctx)
}
