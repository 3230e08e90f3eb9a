// Package memstore is an in-memory [immunization.Store]: the store of examples, demos
// and tests, and the reference implementation of the store contract (it passes
// immunizationtest.TestStore). Records are copied in and out; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// Store is an in-memory immunization.Store, safe for concurrent use. Create it with New.
type Store struct {
	mu   sync.RWMutex
	regs map[healthrecord.ResidentID]*immunization.Registration
	vacs map[immunization.VaccinationID]*immunization.Vaccination
	// byResident indexes vaccinations by child.
	byResident map[healthrecord.ResidentID][]immunization.VaccinationID
}

var _ immunization.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{
		regs:       make(map[healthrecord.ResidentID]*immunization.Registration),
		vacs:       make(map[immunization.VaccinationID]*immunization.Vaccination),
		byResident: make(map[healthrecord.ResidentID][]immunization.VaccinationID),
	}
}

func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

func conflict(what string) error { return fmt.Errorf("memstore: %s: %w", what, gongwei.ErrConflict) }

// Registration implements immunization.Store.
func (s *Store) Registration(ctx context.Context, id healthrecord.ResidentID) (*immunization.Registration, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := s.regs[id]
	if r == nil {
		return nil, fmt.Errorf("memstore: registration: %w", gongwei.ErrNotFound)
	}
	c := *r
	return &c, nil
}

// PutRegistration implements immunization.Store.
func (s *Store) PutRegistration(ctx context.Context, r *immunization.Registration, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var stored int64
	if old := s.regs[r.Resident]; old != nil {
		stored = old.Version
	}
	if stored != prev {
		return conflict("registration")
	}
	c := *r
	s.regs[r.Resident] = &c
	return nil
}

// Registrations implements immunization.Store.
func (s *Store) Registrations(ctx context.Context, f immunization.Filter) iter.Seq2[*immunization.Registration, error] {
	return func(yield func(*immunization.Registration, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*immunization.Registration
		for _, r := range s.regs {
			if f.Match(r) {
				c := *r
				out = append(out, &c)
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *immunization.Registration) int {
			return cmp.Or(cmp.Compare(a.Village, b.Village), cmp.Compare(a.Resident, b.Resident))
		})
		for _, r := range out {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Vaccination implements immunization.Store.
func (s *Store) Vaccination(ctx context.Context, id immunization.VaccinationID) (*immunization.Vaccination, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	v := s.vacs[id]
	if v == nil {
		return nil, fmt.Errorf("memstore: vaccination: %w", gongwei.ErrNotFound)
	}
	c := *v
	return &c, nil
}

// PutVaccination implements immunization.Store.
func (s *Store) PutVaccination(ctx context.Context, v *immunization.Vaccination, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.vacs[v.ID]
	var stored int64
	if old != nil {
		stored = old.Version
	}
	if stored != prev {
		return conflict("vaccination")
	}
	if old != nil && old.Resident != v.Resident {
		ids := slices.DeleteFunc(s.byResident[old.Resident], func(x immunization.VaccinationID) bool { return x == v.ID })
		s.byResident[old.Resident] = ids
	}
	if old == nil || old.Resident != v.Resident {
		s.byResident[v.Resident] = append(s.byResident[v.Resident], v.ID)
	}
	c := *v
	s.vacs[v.ID] = &c
	return nil
}

// Vaccinations implements immunization.Store.
func (s *Store) Vaccinations(ctx context.Context, f immunization.VaccinationFilter) iter.Seq2[*immunization.Vaccination, error] {
	return func(yield func(*immunization.Vaccination, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*immunization.Vaccination
		add := func(v *immunization.Vaccination) {
			if f.Match(v) {
				c := *v
				out = append(out, &c)
			}
		}
		if f.Resident != "" {
			for _, id := range s.byResident[f.Resident] {
				add(s.vacs[id])
			}
		} else {
			for _, v := range s.vacs {
				add(v)
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, func(a, b *immunization.Vaccination) int {
			return cmp.Or(a.Dose.Date.Compare(b.Dose.Date), cmp.Compare(a.ID, b.ID))
		})
		for _, v := range out {
			if !yield(v, nil) {
				return
			}
		}
	}
}
