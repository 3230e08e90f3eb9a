// Package memstore is an in-memory [chronic.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// chronictest.TestStore). Records live in maps guarded by one sync.RWMutex and are copied
// on the way in and out. Nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is an in-memory chronic.Store, safe for concurrent use. Create one with New.
type Store struct {
	mu       sync.RWMutex
	patients map[chronic.PatientID]*chronic.Patient
	visits   map[chronic.VisitID]*chronic.Visit
	visitsOf map[chronic.PatientID][]chronic.VisitID
	// patientsOf indexes the patients by resident, for the resident filter that
	// registration runs on every patient (a duplicate check).
	patientsOf map[healthrecord.ResidentID][]chronic.PatientID
}

var _ chronic.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{
		patients: make(map[chronic.PatientID]*chronic.Patient),
		visits:   make(map[chronic.VisitID]*chronic.Visit),
		visitsOf: make(map[chronic.PatientID][]chronic.VisitID),

		patientsOf: make(map[healthrecord.ResidentID][]chronic.PatientID),
	}
}

func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

// checkVersion applies the Store's version rule to a record stored with version
// stored (exists false when absent).
func checkVersion(what string, exists bool, stored, prev int64) error {
	switch {
	case prev == 0 && exists:
		return fmt.Errorf("memstore: %s: the ID is stored already: %w", what, gongwei.ErrConflict)
	case prev != 0 && (!exists || stored != prev):
		return fmt.Errorf("memstore: %s: stored version %d, expected %d: %w", what, stored, prev, gongwei.ErrConflict)
	}
	return nil
}

// Patient implements chronic.Store.
func (s *Store) Patient(ctx context.Context, id chronic.PatientID) (*chronic.Patient, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	p := s.patients[id]
	s.mu.RUnlock()
	if p == nil {
		return nil, fmt.Errorf("memstore: patient: %w", gongwei.ErrNotFound)
	}
	return p.Clone(), nil
}

// PutPatient implements chronic.Store.
func (s *Store) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.patients[p.ID]
	var stored int64
	if ok {
		stored = old.Version
	}
	if err := checkVersion("patient", ok, stored, prev); err != nil {
		return err
	}
	if ok && old.Resident != p.Resident {
		ids := s.patientsOf[old.Resident]
		if i := slices.Index(ids, p.ID); i >= 0 {
			s.patientsOf[old.Resident] = slices.Delete(ids, i, i+1)
		}
	}
	if !ok || old.Resident != p.Resident {
		s.patientsOf[p.Resident] = append(s.patientsOf[p.Resident], p.ID)
	}
	s.patients[p.ID] = p.Clone()
	return nil
}

// Patients implements chronic.Store.
func (s *Store) Patients(ctx context.Context, f chronic.PatientFilter) iter.Seq2[*chronic.Patient, error] {
	return func(yield func(*chronic.Patient, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*chronic.Patient
		add := func(p *chronic.Patient) {
			if p != nil && f.Match(p) {
				out = append(out, p.Clone())
			}
		}
		if f.Resident != "" {
			for _, id := range s.patientsOf[f.Resident] {
				add(s.patients[id])
			}
		} else {
			for _, p := range s.patients {
				add(p)
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *chronic.Patient) int {
			return cmp.Or(strings.Compare(string(a.Village), string(b.Village)), strings.Compare(string(a.ID), string(b.ID)))
		})
		for _, p := range out {
			if !yield(p, nil) {
				return
			}
		}
	}
}

// Visit implements chronic.Store.
func (s *Store) Visit(ctx context.Context, id chronic.VisitID) (*chronic.Visit, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	v := s.visits[id]
	s.mu.RUnlock()
	if v == nil {
		return nil, fmt.Errorf("memstore: visit: %w", gongwei.ErrNotFound)
	}
	return v.Clone(), nil
}

// PutVisit implements chronic.Store.
func (s *Store) PutVisit(ctx context.Context, v *chronic.Visit, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.visits[v.ID]
	var stored int64
	if ok {
		stored = old.Version
	}
	if err := checkVersion("visit", ok, stored, prev); err != nil {
		return err
	}
	if ok && old.Patient != v.Patient {
		ids := slices.DeleteFunc(s.visitsOf[old.Patient], func(id chronic.VisitID) bool { return id == v.ID })
		s.visitsOf[old.Patient] = ids
	}
	if !ok || old.Patient != v.Patient {
		s.visitsOf[v.Patient] = append(s.visitsOf[v.Patient], v.ID)
	}
	s.visits[v.ID] = v.Clone()
	return nil
}

// Visits implements chronic.Store.
func (s *Store) Visits(ctx context.Context, f chronic.VisitFilter) iter.Seq2[*chronic.Visit, error] {
	return func(yield func(*chronic.Visit, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*chronic.Visit
		if f.Patient != "" {
			for _, id := range s.visitsOf[f.Patient] {
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
		slices.SortFunc(out, func(a, b *chronic.Visit) int {
			return cmp.Or(a.Date().Compare(b.Date()), strings.Compare(string(a.ID), string(b.ID)))
		})
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}
