// Package memstore is an in-memory [supervision.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// supervisiontest.TestStore). Records live in maps guarded by one sync.RWMutex and are
// copied on the way in and out; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
)

// Store is an in-memory supervision.Store, safe for concurrent use. Create one with New.
type Store struct {
	mu          sync.RWMutex
	units       table[supervision.UnitID, supervision.Unit]
	inspections table[supervision.InspectionID, supervision.Inspection]
	complaints  table[supervision.ComplaintID, supervision.Complaint]
	clues       table[supervision.ClueID, supervision.Clue]
	cases       table[supervision.CaseReportID, supervision.CaseReport]
	emergencies table[supervision.EmergencyReportID, supervision.EmergencyReport]
}

var _ supervision.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{
		units: newTable("unit", (*supervision.Unit).Clone,
			func(u *supervision.Unit) (supervision.UnitID, int64) { return u.ID, u.Version },
			func(a, b *supervision.Unit) int { return cmp.Compare(a.ID, b.ID) }),
		inspections: newTable("inspection", (*supervision.Inspection).Clone,
			func(x *supervision.Inspection) (supervision.InspectionID, int64) { return x.ID, x.Version },
			func(a, b *supervision.Inspection) int {
				return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
			}),
		complaints: newTable("complaint", (*supervision.Complaint).Clone,
			func(x *supervision.Complaint) (supervision.ComplaintID, int64) { return x.ID, x.Version },
			func(a, b *supervision.Complaint) int {
				return cmp.Or(a.Received.Compare(b.Received), cmp.Compare(a.ID, b.ID))
			}),
		clues: newTable("clue", (*supervision.Clue).Clone,
			func(x *supervision.Clue) (supervision.ClueID, int64) { return x.ID, x.Version },
			func(a, b *supervision.Clue) int { return cmp.Or(a.Found.Compare(b.Found), cmp.Compare(a.ID, b.ID)) }),
		cases: newTable("case report", (*supervision.CaseReport).Clone,
			func(x *supervision.CaseReport) (supervision.CaseReportID, int64) { return x.ID, x.Version },
			func(a, b *supervision.CaseReport) int {
				return cmp.Or(a.Registered.Compare(b.Registered), cmp.Compare(a.ID, b.ID))
			}),
		emergencies: newTable("emergency report", (*supervision.EmergencyReport).Clone,
			func(x *supervision.EmergencyReport) (supervision.EmergencyReportID, int64) { return x.ID, x.Version },
			func(a, b *supervision.EmergencyReport) int {
				return cmp.Or(compareTimes(a.Discovered, b.Discovered), cmp.Compare(a.ID, b.ID))
			}),
	}
}

func compareTimes(a, b time.Time) int { return a.Compare(b) }

// table is one record type's map with its copy, key and order functions.
type table[K cmp.Ordered, T any] struct {
	what  string
	m     map[K]*T
	clone func(*T) *T
	key   func(*T) (K, int64)
	order func(a, b *T) int
}

func newTable[K cmp.Ordered, T any](what string, clone func(*T) *T, key func(*T) (K, int64), order func(a, b *T) int) table[K, T] {
	return table[K, T]{what: what, m: map[K]*T{}, clone: clone, key: key, order: order}
}

func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

func get[K cmp.Ordered, T any](ctx context.Context, s *Store, t *table[K, T], id K) (*T, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	x, ok := t.m[id]
	if !ok {
		return nil, fmt.Errorf("memstore: %s: %w", t.what, gongwei.ErrNotFound)
	}
	return t.clone(x), nil
}

func put[K cmp.Ordered, T any](ctx context.Context, s *Store, t *table[K, T], x *T, prev int64) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	id, _ := t.key(x)
	s.mu.Lock()
	defer s.mu.Unlock()
	var stored int64
	if old, ok := t.m[id]; ok {
		_, stored = t.key(old)
	}
	if stored != prev {
		return fmt.Errorf("memstore: %s: stored version %d, expected %d: %w", t.what, stored, prev, gongwei.ErrConflict)
	}
	t.m[id] = t.clone(x)
	return nil
}

// list snapshots the matching records in order under the read lock, then yields copies
// without holding it, so the caller may use the store inside the loop.
func list[K cmp.Ordered, T any](ctx context.Context, s *Store, t *table[K, T], match func(*T) bool) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if err := ctxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		s.mu.RLock()
		var out []*T
		for _, x := range t.m {
			if match(x) {
				out = append(out, t.clone(x))
			}
		}
		s.mu.RUnlock()
		slices.SortFunc(out, t.order)
		for _, x := range out {
			if err := ctx.Err(); err != nil {
				yield(nil, fmt.Errorf("memstore: %w", err))
				return
			}
			if !yield(x, nil) {
				return
			}
		}
	}
}

// Unit implements supervision.Store.
func (s *Store) Unit(ctx context.Context, id supervision.UnitID) (*supervision.Unit, error) {
	return get(ctx, s, &s.units, id)
}

// PutUnit implements supervision.Store.
func (s *Store) PutUnit(ctx context.Context, u *supervision.Unit, prev int64) error {
	return put(ctx, s, &s.units, u, prev)
}

// Units implements supervision.Store.
func (s *Store) Units(ctx context.Context, f supervision.UnitFilter) iter.Seq2[*supervision.Unit, error] {
	return list(ctx, s, &s.units, f.Match)
}

// Inspection implements supervision.Store.
func (s *Store) Inspection(ctx context.Context, id supervision.InspectionID) (*supervision.Inspection, error) {
	return get(ctx, s, &s.inspections, id)
}

// PutInspection implements supervision.Store.
func (s *Store) PutInspection(ctx context.Context, in *supervision.Inspection, prev int64) error {
	return put(ctx, s, &s.inspections, in, prev)
}

// Inspections implements supervision.Store.
func (s *Store) Inspections(ctx context.Context, f supervision.InspectionFilter) iter.Seq2[*supervision.Inspection, error] {
	return list(ctx, s, &s.inspections, f.Match)
}

// Complaint implements supervision.Store.
func (s *Store) Complaint(ctx context.Context, id supervision.ComplaintID) (*supervision.Complaint, error) {
	return get(ctx, s, &s.complaints, id)
}

// PutComplaint implements supervision.Store.
func (s *Store) PutComplaint(ctx context.Context, c *supervision.Complaint, prev int64) error {
	return put(ctx, s, &s.complaints, c, prev)
}

// Complaints implements supervision.Store.
func (s *Store) Complaints(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Complaint, error] {
	return list(ctx, s, &s.complaints, f.MatchComplaint)
}

// Clue implements supervision.Store.
func (s *Store) Clue(ctx context.Context, id supervision.ClueID) (*supervision.Clue, error) {
	return get(ctx, s, &s.clues, id)
}

// PutClue implements supervision.Store.
func (s *Store) PutClue(ctx context.Context, c *supervision.Clue, prev int64) error {
	return put(ctx, s, &s.clues, c, prev)
}

// Clues implements supervision.Store.
func (s *Store) Clues(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Clue, error] {
	return list(ctx, s, &s.clues, f.MatchClue)
}

// CaseReport implements supervision.Store.
func (s *Store) CaseReport(ctx context.Context, id supervision.CaseReportID) (*supervision.CaseReport, error) {
	return get(ctx, s, &s.cases, id)
}

// PutCaseReport implements supervision.Store.
func (s *Store) PutCaseReport(ctx context.Context, r *supervision.CaseReport, prev int64) error {
	return put(ctx, s, &s.cases, r, prev)
}

// CaseReports implements supervision.Store.
func (s *Store) CaseReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.CaseReport, error] {
	return list(ctx, s, &s.cases, f.MatchCaseReport)
}

// EmergencyReport implements supervision.Store.
func (s *Store) EmergencyReport(ctx context.Context, id supervision.EmergencyReportID) (*supervision.EmergencyReport, error) {
	return get(ctx, s, &s.emergencies, id)
}

// PutEmergencyReport implements supervision.Store.
func (s *Store) PutEmergencyReport(ctx context.Context, e *supervision.EmergencyReport, prev int64) error {
	return put(ctx, s, &s.emergencies, e, prev)
}

// EmergencyReports implements supervision.Store.
func (s *Store) EmergencyReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.EmergencyReport, error] {
	return list(ctx, s, &s.emergencies, f.MatchEmergencyReport)
}
