// Package memstore is an in-memory [child.Store]: the store of examples, demos and hosts'
// tests, and the reference implementation of the store contract (it passes
// childtest.TestStore). Records are copied in and out and kept in one table per record
// type, each guarded by a sync.RWMutex; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Store is an in-memory child.Store. The zero value is not usable: call New.
type Store struct {
	children   *memtable.Table[child.ChildID, child.Child]
	byResident *memtable.Unique[healthrecord.ResidentID, child.ChildID, child.Child]
	visits     *memtable.Table[child.VisitID, child.Visit]
	// visitsOf indexes the visits by child, so that one child's visits are found
	// without reading every visit.
	visitsOf *memtable.Index[child.ChildID, child.VisitID, child.Visit]
}

var (
	_ child.Store     = (*Store)(nil)
	_ gongwei.Batcher = (*Store)(nil)
)

var errDuplicate = fmt.Errorf("memstore: child record for the resident: %w", gongwei.ErrDuplicate)

// New returns an empty store.
func New() *Store {
	s := &Store{
		children: memtable.New("child", (*child.Child).Clone,
			func(c *child.Child) child.ChildID { return c.ID },
			func(c *child.Child) int64 { return c.Version },
			func(a, b *child.Child) int { return cmp.Compare(a.ID, b.ID) }),
		visits: memtable.New("visit", (*child.Visit).Clone,
			func(v *child.Visit) child.VisitID { return v.ID },
			func(v *child.Visit) int64 { return v.Version },
			func(a, b *child.Visit) int {
				return cmp.Or(cmp.Compare(a.Child, b.Child), a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
			}),
	}
	s.byResident = memtable.NewUnique(s.children, func(c *child.Child) healthrecord.ResidentID { return c.Resident }, errDuplicate)
	s.visitsOf = memtable.NewIndex(s.visits, func(v *child.Visit) child.ChildID { return v.Child })
	return s
}

// Child implements child.Store.
func (s *Store) Child(ctx context.Context, id child.ChildID) (*child.Child, error) {
	return s.children.Get(ctx, id)
}

// ChildByResident implements child.Store.
func (s *Store) ChildByResident(ctx context.Context, r healthrecord.ResidentID) (*child.Child, error) {
	return s.byResident.Get(ctx, r)
}

// PutChild implements child.Store.
func (s *Store) PutChild(ctx context.Context, c *child.Child, prev int64) error {
	return s.children.Put(ctx, c, prev)
}

// Children implements child.Store.
func (s *Store) Children(ctx context.Context, f child.ChildFilter) iter.Seq2[*child.Child, error] {
	return s.children.All(ctx, f.Match)
}

// Visit implements child.Store.
func (s *Store) Visit(ctx context.Context, id child.VisitID) (*child.Visit, error) {
	return s.visits.Get(ctx, id)
}

// PutVisit implements child.Store.
func (s *Store) PutVisit(ctx context.Context, v *child.Visit, prev int64) error {
	return s.visits.Put(ctx, v, prev)
}

// Visits implements child.Store.
func (s *Store) Visits(ctx context.Context, f child.VisitFilter) iter.Seq2[*child.Visit, error] {
	return s.visitsOf.Select(ctx, f.Child, f.Match)
}

// Batch implements gongwei.Batcher for the child health records: it calls f with ctx.
// Each write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
