// Package memstore is an in-memory [womenshealth.Store] that passes
// womenshealthtest.TestStore, over internal/memtable tables.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/internal/memtable"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// Store is an in-memory womenshealth.Store, safe for concurrent use. Create one with New.
type Store struct {
	screenings *memtable.Table[womenshealth.ID, womenshealth.Screening]
	reports    *memtable.Table[womenshealth.ID, womenshealth.Report]
}

var _ womenshealth.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{
		screenings: memtable.New("screening", (*womenshealth.Screening).Clone,
			func(s *womenshealth.Screening) womenshealth.ID { return s.ID },
			func(s *womenshealth.Screening) int64 { return s.Version },
			func(a, b *womenshealth.Screening) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) }),
		reports: memtable.New("report", (*womenshealth.Report).Clone,
			func(r *womenshealth.Report) womenshealth.ID { return r.ID },
			func(r *womenshealth.Report) int64 { return r.Version },
			func(a, b *womenshealth.Report) int { return cmp.Or(a.Event.Compare(b.Event), cmp.Compare(a.ID, b.ID)) }),
	}
}

// Screening implements womenshealth.Store.
func (s *Store) Screening(ctx context.Context, id womenshealth.ID) (*womenshealth.Screening, error) {
	return s.screenings.Get(ctx, id)
}

// PutScreening implements womenshealth.Store.
func (s *Store) PutScreening(ctx context.Context, x *womenshealth.Screening, prev int64) error {
	return s.screenings.Put(ctx, x, prev)
}

// Screenings implements womenshealth.Store.
func (s *Store) Screenings(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Screening, error] {
	return s.screenings.All(ctx, f.MatchScreening)
}

// Report implements womenshealth.Store.
func (s *Store) Report(ctx context.Context, id womenshealth.ID) (*womenshealth.Report, error) {
	return s.reports.Get(ctx, id)
}

// PutReport implements womenshealth.Store.
func (s *Store) PutReport(ctx context.Context, r *womenshealth.Report, prev int64) error {
	return s.reports.Put(ctx, r, prev)
}

// Reports implements womenshealth.Store.
func (s *Store) Reports(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Report, error] {
	return s.reports.All(ctx, f.MatchReport)
}
