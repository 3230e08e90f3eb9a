// Package memstore is an in-memory [education.Store] that passes educationtest.TestStore.
// Records live in a map guarded by a sync.RWMutex and are copied in and out.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// Store is an in-memory education.Store, safe for concurrent use. Create one with New.
type Store struct {
	mu sync.RWMutex
	m  map[education.ID]*education.Activity
}

var _ education.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store { return &Store{m: map[education.ID]*education.Activity{}} }

func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

// Activity implements education.Store.
func (s *Store) Activity(ctx context.Context, id education.ID) (*education.Activity, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.m[id]
	if !ok {
		return nil, fmt.Errorf("memstore: activity: %w", gongwei.ErrNotFound)
	}
	return a.Clone(), nil
}

// PutActivity implements education.Store.
func (s *Store) PutActivity(ctx context.Context, a *education.Activity, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var stored int64
	if old, ok := s.m[a.ID]; ok {
		stored = old.Version
	}
	if stored != prev {
		return fmt.Errorf("memstore: activity: stored version %d, expected %d: %w", stored, prev, gongwei.ErrConflict)
	}
	s.m[a.ID] = a.Clone()
	return nil
}

// Activities implements education.Store.
func (s *Store) Activities(ctx context.Context, f education.Filter) iter.Seq2[*education.Activity, error] {
	return func(yield func(*education.Activity, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*education.Activity
		for _, a := range s.m {
			if f.Match(a) {
				out = append(out, a.Clone())
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *education.Activity) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
		})
		for _, a := range out {
			if err := ctxErr(ctx); err != nil {
				yield(nil, err)
				return
			}
			if !yield(a, nil) {
				return
			}
		}
	}
}
