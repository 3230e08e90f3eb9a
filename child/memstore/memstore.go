// Package memstore is an in-memory [child.Store]: the store of examples, demos and hosts'
// tests, and the reference implementation of the store contract (it passes
// childtest.TestStore). Records are copied in and out and kept in maps guarded by one
// sync.RWMutex; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is an in-memory child.Store. The zero value is not usable: call New.
type Store struct {
	mu         sync.RWMutex
	children   map[child.ChildID]*child.Child
	byResident map[healthrecord.ResidentID]child.ChildID
	visits     map[child.VisitID]*child.Visit
	// visitsOf indexes the visits by child, so that one child's visits are found
	// without reading every visit.
	visitsOf map[child.ChildID][]child.VisitID
}

var _ child.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		children:   map[child.ChildID]*child.Child{},
		byResident: map[healthrecord.ResidentID]child.ChildID{},
		visits:     map[child.VisitID]*child.Visit{},
		visitsOf:   map[child.ChildID][]child.VisitID{},
	}
}

var (
	errNotFound  = fmt.Errorf("memstore: %w", gongwei.ErrNotFound)
	errConflict  = fmt.Errorf("memstore: %w", gongwei.ErrConflict)
	errDuplicate = fmt.Errorf("memstore: child record for the resident: %w", gongwei.ErrDuplicate)
)

// Child implements child.Store.
func (s *Store) Child(ctx context.Context, id child.ChildID) (*child.Child, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.children[id]
	if !ok {
		return nil, errNotFound
	}
	return c.Clone(), nil
}

// ChildByResident implements child.Store.
func (s *Store) ChildByResident(ctx context.Context, r healthrecord.ResidentID) (*child.Child, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	id, ok := s.byResident[r]
	if !ok || r == "" {
		return nil, errNotFound
	}
	return s.children[id].Clone(), nil
}

// PutChild implements child.Store.
func (s *Store) PutChild(ctx context.Context, c *child.Child, prev int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, exists := s.children[c.ID]
	var cur int64
	if exists {
		cur = old.Version
	}
	if cur != prev {
		return errConflict
	}
	if other, ok := s.byResident[c.Resident]; ok && other != c.ID {
		return errDuplicate
	}
	if exists && old.Resident != c.Resident {
		delete(s.byResident, old.Resident)
	}
	s.children[c.ID] = c.Clone()
	if c.Resident != "" {
		s.byResident[c.Resident] = c.ID
	}
	return nil
}

// Children implements child.Store.
func (s *Store) Children(ctx context.Context, f child.ChildFilter) iter.Seq2[*child.Child, error] {
	return func(yield func(*child.Child, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*child.Child
		for _, c := range s.children {
			if f.Match(c) {
				out = append(out, c.Clone())
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *child.Child) int { return cmp.Compare(a.ID, b.ID) })
		for _, c := range out {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// Visit implements child.Store.
func (s *Store) Visit(ctx context.Context, id child.VisitID) (*child.Visit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.visits[id]
	if !ok {
		return nil, errNotFound
	}
	return v.Clone(), nil
}

// PutVisit implements child.Store.
func (s *Store) PutVisit(ctx context.Context, v *child.Visit, prev int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var cur int64
	old, ok := s.visits[v.ID]
	if ok {
		cur = old.Version
	}
	if cur != prev {
		return errConflict
	}
	if ok && old.Child != v.Child {
		s.visitsOf[old.Child] = slices.DeleteFunc(s.visitsOf[old.Child], func(id child.VisitID) bool { return id == v.ID })
	}
	if !ok || old.Child != v.Child {
		s.visitsOf[v.Child] = append(s.visitsOf[v.Child], v.ID)
	}
	s.visits[v.ID] = v.Clone()
	return nil
}

// Visits implements child.Store.
func (s *Store) Visits(ctx context.Context, f child.VisitFilter) iter.Seq2[*child.Visit, error] {
	return func(yield func(*child.Visit, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*child.Visit
		if f.Child != "" {
			for _, id := range s.visitsOf[f.Child] {
				if v := s.visits[id]; f.Match(v) {
					out = append(out, v.Clone())
				}
			}
		} else {
			for _, v := range s.visits {
				if f.Match(v) {
					out = append(out, v.Clone())
				}
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *child.Visit) int {
			return cmp.Or(cmp.Compare(a.Child, b.Child), a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
		})
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}
