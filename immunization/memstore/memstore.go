// Package memstore is an in-memory [immunization.Store]: the store of examples, demos
// and tests, and the reference implementation of the store contract (it passes
// immunizationtest.TestStore). Records are copied in and out; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Store is an in-memory immunization.Store, safe for concurrent use. Create it with New.
type Store struct {
	regs *memtable.Table[healthrecord.ResidentID, immunization.Registration]
	vacs *memtable.Table[immunization.VaccinationID, immunization.Vaccination]
	// byResident indexes vaccinations by child.
	byResident *memtable.Index[healthrecord.ResidentID, immunization.VaccinationID, immunization.Vaccination]
}

var (
	_ immunization.Store = (*Store)(nil)
	_ gongwei.Batcher    = (*Store)(nil)
)

// New returns an empty Store.
func New() *Store {
	s := &Store{
		regs: memtable.New("registration", memtable.Copy[immunization.Registration],
			func(r *immunization.Registration) healthrecord.ResidentID { return r.Resident },
			func(r *immunization.Registration) int64 { return r.Version },
			func(a, b *immunization.Registration) int {
				return cmp.Or(cmp.Compare(a.Village, b.Village), cmp.Compare(a.Resident, b.Resident))
			}),
		vacs: memtable.New("vaccination", memtable.Copy[immunization.Vaccination],
			func(v *immunization.Vaccination) immunization.VaccinationID { return v.ID },
			func(v *immunization.Vaccination) int64 { return v.Version },
			func(a, b *immunization.Vaccination) int {
				return cmp.Or(a.Dose.Date.Compare(b.Dose.Date), cmp.Compare(a.ID, b.ID))
			}),
	}
	s.byResident = memtable.NewIndex(s.vacs, func(v *immunization.Vaccination) healthrecord.ResidentID { return v.Resident })
	return s
}

// Registration implements immunization.Store.
func (s *Store) Registration(ctx context.Context, id healthrecord.ResidentID) (*immunization.Registration, error) {
	return s.regs.Get(ctx, id)
}

// PutRegistration implements immunization.Store.
func (s *Store) PutRegistration(ctx context.Context, r *immunization.Registration, prev int64) error {
	return s.regs.Put(ctx, r, prev)
}

// Registrations implements immunization.Store.
func (s *Store) Registrations(ctx context.Context, f immunization.Filter) iter.Seq2[*immunization.Registration, error] {
	return s.regs.All(ctx, f.Match)
}

// Vaccination implements immunization.Store.
func (s *Store) Vaccination(ctx context.Context, id immunization.VaccinationID) (*immunization.Vaccination, error) {
	return s.vacs.Get(ctx, id)
}

// PutVaccination implements immunization.Store.
func (s *Store) PutVaccination(ctx context.Context, v *immunization.Vaccination, prev int64) error {
	return s.vacs.Put(ctx, v, prev)
}

// Vaccinations implements immunization.Store.
func (s *Store) Vaccinations(ctx context.Context, f immunization.VaccinationFilter) iter.Seq2[*immunization.Vaccination, error] {
	return s.byResident.Select(ctx, f.Resident, f.Match)
}

// Batch implements gongwei.Batcher for the immunization records: it calls f with ctx.
// Each write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
