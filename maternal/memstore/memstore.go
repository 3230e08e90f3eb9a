// Package memstore is an in-memory [maternal.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// maternaltest.TestStore). Records are copied on the way in and out; nothing is
// persisted.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/memtable"
	"github.com/gongwei-lib/gongwei/maternal"
)

// Store is an in-memory maternal.Store, safe for concurrent use. Create one with New.
type Store struct {
	pregnancies *memtable.Table[maternal.PregnancyID, maternal.Pregnancy]
}

var (
	_ maternal.Store  = (*Store)(nil)
	_ gongwei.Batcher = (*Store)(nil)
)

// New returns an empty Store.
func New() *Store {
	return &Store{pregnancies: memtable.New("pregnancy", (*maternal.Pregnancy).Clone,
		func(p *maternal.Pregnancy) maternal.PregnancyID { return p.ID },
		func(p *maternal.Pregnancy) int64 { return p.Version },
		byVillage)}
}

// byVillage orders pregnancies by village, then ID. It is a named function, not a
// literal in New: New is small enough to be inlined into its callers, and a literal
// inlined with it is compiled again in the calling package, where cmp.Or's arguments
// escape and every comparison of a stream's sort allocates.
func byVillage(a, b *maternal.Pregnancy) int {
	return cmp.Or(cmp.Compare(a.Village, b.Village), cmp.Compare(a.ID, b.ID))
}

// Pregnancy implements maternal.Store.
func (s *Store) Pregnancy(ctx context.Context, id maternal.PregnancyID) (*maternal.Pregnancy, error) {
	return s.pregnancies.Get(ctx, id)
}

// PutPregnancy implements maternal.Store.
func (s *Store) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, prev int64) error {
	return s.pregnancies.Put(ctx, p, prev)
}

// Pregnancies implements maternal.Store. It selects under the read lock, then yields
// copies without holding it, so the loop body may write to the store.
func (s *Store) Pregnancies(ctx context.Context, f maternal.Filter) iter.Seq2[*maternal.Pregnancy, error] {
	return s.pregnancies.All(ctx, f.Match)
}

// Batch implements gongwei.Batcher for the pregnancy records: it calls f with ctx. Each
// write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
