// Package memstore is an in-memory [maternal.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// maternaltest.TestStore). Records are copied on the way in and out; nothing is
// persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
)

// Store is an in-memory maternal.Store, safe for concurrent use. Create one with New.
type Store struct {
	mu sync.RWMutex
	m  map[maternal.PregnancyID]*maternal.Pregnancy
}

var _ maternal.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store { return &Store{m: make(map[maternal.PregnancyID]*maternal.Pregnancy)} }

func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

// Pregnancy implements maternal.Store.
func (s *Store) Pregnancy(ctx context.Context, id maternal.PregnancyID) (*maternal.Pregnancy, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	p := s.m[id]
	s.mu.RUnlock()
	if p == nil {
		return nil, fmt.Errorf("memstore: pregnancy: %w", gongwei.ErrNotFound)
	}
	return p.Clone(), nil
}

// PutPregnancy implements maternal.Store.
func (s *Store) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	c := p.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	var stored int64
	if old := s.m[p.ID]; old != nil {
		stored = old.Version
	}
	if stored != prev {
		return fmt.Errorf("memstore: pregnancy: stored version %d, expected %d: %w", stored, prev, gongwei.ErrConflict)
	}
	s.m[p.ID] = c
	return nil
}

// Pregnancies implements maternal.Store. It selects under the read lock, then yields
// copies without holding it, so the loop body may write to the store.
func (s *Store) Pregnancies(ctx context.Context, f maternal.Filter) iter.Seq2[*maternal.Pregnancy, error] {
	return func(yield func(*maternal.Pregnancy, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var sel []*maternal.Pregnancy
		for _, p := range s.m {
			if f.Match(p) {
				sel = append(sel, p.Clone())
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(sel, func(a, b *maternal.Pregnancy) int {
			return cmp.Or(cmp.Compare(a.Village, b.Village), cmp.Compare(a.ID, b.ID))
		})
		for _, p := range sel {
			if err := ctxErr(ctx); err != nil {
				yield(nil, err)
				return
			}
			if !yield(p, nil) {
				return
			}
		}
	}
}
