// Package memstore is an in-memory [chronic.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// chronictest.TestStore). Records live in one table per record type, each guarded by a
// sync.RWMutex, and are copied on the way in and out. Nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Store is an in-memory chronic.Store, safe for concurrent use. Create one with New.
type Store struct {
	patients *memtable.Table[chronic.PatientID, chronic.Patient]
	// patientsOf indexes the patients by resident, for the resident filter that
	// registration runs on every patient (a duplicate check).
	patientsOf *memtable.Index[healthrecord.ResidentID, chronic.PatientID, chronic.Patient]
	visits     *memtable.Table[chronic.VisitID, chronic.Visit]
	visitsOf   *memtable.Index[chronic.PatientID, chronic.VisitID, chronic.Visit]
}

var (
	_ chronic.Store   = (*Store)(nil)
	_ gongwei.Batcher = (*Store)(nil)
)

// New returns an empty Store. An insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict whatever the stored version.
func New() *Store {
	s := &Store{
		patients: memtable.New("patient", (*chronic.Patient).Clone,
			func(p *chronic.Patient) chronic.PatientID { return p.ID },
			func(p *chronic.Patient) int64 { return p.Version },
			func(a, b *chronic.Patient) int {
				return cmp.Or(strings.Compare(string(a.Village), string(b.Village)), strings.Compare(string(a.ID), string(b.ID)))
			}).RejectInsertOverStored(),
		visits: memtable.New("visit", (*chronic.Visit).Clone,
			func(v *chronic.Visit) chronic.VisitID { return v.ID },
			func(v *chronic.Visit) int64 { return v.Version },
			func(a, b *chronic.Visit) int {
				return cmp.Or(a.Date().Compare(b.Date()), strings.Compare(string(a.ID), string(b.ID)))
			}).RejectInsertOverStored(),
	}
	s.patientsOf = memtable.NewIndex(s.patients, func(p *chronic.Patient) healthrecord.ResidentID { return p.Resident })
	s.visitsOf = memtable.NewIndex(s.visits, func(v *chronic.Visit) chronic.PatientID { return v.Patient })
	return s
}

// Patient implements chronic.Store.
func (s *Store) Patient(ctx context.Context, id chronic.PatientID) (*chronic.Patient, error) {
	return s.patients.Get(ctx, id)
}

// PutPatient implements chronic.Store.
func (s *Store) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	return s.patients.Put(ctx, p, prev)
}

// Patients implements chronic.Store.
func (s *Store) Patients(ctx context.Context, f chronic.PatientFilter) iter.Seq2[*chronic.Patient, error] {
	return s.patientsOf.Select(ctx, f.Resident, f.Match)
}

// Visit implements chronic.Store.
func (s *Store) Visit(ctx context.Context, id chronic.VisitID) (*chronic.Visit, error) {
	return s.visits.Get(ctx, id)
}

// PutVisit implements chronic.Store.
func (s *Store) PutVisit(ctx context.Context, v *chronic.Visit, prev int64) error {
	return s.visits.Put(ctx, v, prev)
}

// Visits implements chronic.Store.
func (s *Store) Visits(ctx context.Context, f chronic.VisitFilter) iter.Seq2[*chronic.Visit, error] {
	return s.visitsOf.Select(ctx, f.Patient, f.Match)
}

// Batch implements gongwei.Batcher for the chronic-disease records: it calls f with ctx.
// Each write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
