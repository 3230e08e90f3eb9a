// Package memstore is an in-memory [villageclinic.Store] that passes
// villageclinictest.TestStore. Records live in internal/memtable tables and are copied
// in and out.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/internal/memtable"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// Store is an in-memory villageclinic.Store, safe for concurrent use. Create one with
// New.
type Store struct {
	visits    *memtable.Table[villageclinic.ID, villageclinic.Visit]
	trainings *memtable.Table[villageclinic.ID, villageclinic.Training]
}

var _ villageclinic.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{
		visits: memtable.New("visit", (*villageclinic.Visit).Clone,
			func(v *villageclinic.Visit) villageclinic.ID { return v.ID },
			func(v *villageclinic.Visit) int64 { return v.Version },
			func(a, b *villageclinic.Visit) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) }),
		trainings: memtable.New("training", (*villageclinic.Training).Clone,
			func(t *villageclinic.Training) villageclinic.ID { return t.ID },
			func(t *villageclinic.Training) int64 { return t.Version },
			func(a, b *villageclinic.Training) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) }),
	}
}

// Visit implements villageclinic.Store.
func (s *Store) Visit(ctx context.Context, id villageclinic.ID) (*villageclinic.Visit, error) {
	return s.visits.Get(ctx, id)
}

// PutVisit implements villageclinic.Store.
func (s *Store) PutVisit(ctx context.Context, v *villageclinic.Visit, prev int64) error {
	return s.visits.Put(ctx, v, prev)
}

// Visits implements villageclinic.Store.
func (s *Store) Visits(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Visit, error] {
	return s.visits.All(ctx, f.MatchVisit)
}

// Training implements villageclinic.Store.
func (s *Store) Training(ctx context.Context, id villageclinic.ID) (*villageclinic.Training, error) {
	return s.trainings.Get(ctx, id)
}

// PutTraining implements villageclinic.Store.
func (s *Store) PutTraining(ctx context.Context, t *villageclinic.Training, prev int64) error {
	return s.trainings.Put(ctx, t, prev)
}

// Trainings implements villageclinic.Store.
func (s *Store) Trainings(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Training, error] {
	return s.trainings.All(ctx, f.MatchTraining)
}
