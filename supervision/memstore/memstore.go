// Package memstore is an in-memory [supervision.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// supervisiontest.TestStore). Records live in one table per record type, each guarded by
// its own sync.RWMutex, and are copied on the way in and out; nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"iter"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/memtable"
	"github.com/gongwei-lib/gongwei/supervision"
)

// Store is an in-memory supervision.Store, safe for concurrent use. Create one with New.
type Store struct {
	units       *memtable.Table[supervision.UnitID, supervision.Unit]
	inspections *memtable.Table[supervision.InspectionID, supervision.Inspection]
	complaints  *memtable.Table[supervision.ComplaintID, supervision.Complaint]
	clues       *memtable.Table[supervision.ClueID, supervision.Clue]
	cases       *memtable.Table[supervision.CaseReportID, supervision.CaseReport]
	emergencies *memtable.Table[supervision.EmergencyReportID, supervision.EmergencyReport]
}

var (
	_ supervision.Store = (*Store)(nil)
	_ gongwei.Batcher   = (*Store)(nil)
)

// New returns an empty Store.
func New() *Store {
	return &Store{
		units: memtable.New("unit", (*supervision.Unit).Clone,
			func(u *supervision.Unit) supervision.UnitID { return u.ID },
			func(u *supervision.Unit) int64 { return u.Version },
			func(a, b *supervision.Unit) int { return cmp.Compare(a.ID, b.ID) }),
		inspections: memtable.New("inspection", (*supervision.Inspection).Clone,
			func(x *supervision.Inspection) supervision.InspectionID { return x.ID },
			func(x *supervision.Inspection) int64 { return x.Version },
			func(a, b *supervision.Inspection) int {
				return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
			}),
		complaints: memtable.New("complaint", (*supervision.Complaint).Clone,
			func(x *supervision.Complaint) supervision.ComplaintID { return x.ID },
			func(x *supervision.Complaint) int64 { return x.Version },
			func(a, b *supervision.Complaint) int {
				return cmp.Or(a.Received.Compare(b.Received), cmp.Compare(a.ID, b.ID))
			}),
		clues: memtable.New("clue", (*supervision.Clue).Clone,
			func(x *supervision.Clue) supervision.ClueID { return x.ID },
			func(x *supervision.Clue) int64 { return x.Version },
			func(a, b *supervision.Clue) int { return cmp.Or(a.Found.Compare(b.Found), cmp.Compare(a.ID, b.ID)) }),
		cases: memtable.New("case report", (*supervision.CaseReport).Clone,
			func(x *supervision.CaseReport) supervision.CaseReportID { return x.ID },
			func(x *supervision.CaseReport) int64 { return x.Version },
			func(a, b *supervision.CaseReport) int {
				return cmp.Or(a.Registered.Compare(b.Registered), cmp.Compare(a.ID, b.ID))
			}),
		emergencies: memtable.New("emergency report", (*supervision.EmergencyReport).Clone,
			func(x *supervision.EmergencyReport) supervision.EmergencyReportID { return x.ID },
			func(x *supervision.EmergencyReport) int64 { return x.Version },
			func(a, b *supervision.EmergencyReport) int {
				return cmp.Or(compareTimes(a.Discovered, b.Discovered), cmp.Compare(a.ID, b.ID))
			}),
	}
}

func compareTimes(a, b time.Time) int { return a.Compare(b) }

// Unit implements supervision.Store.
func (s *Store) Unit(ctx context.Context, id supervision.UnitID) (*supervision.Unit, error) {
	return s.units.Get(ctx, id)
}

// PutUnit implements supervision.Store.
func (s *Store) PutUnit(ctx context.Context, u *supervision.Unit, prev int64) error {
	return s.units.Put(ctx, u, prev)
}

// Units implements supervision.Store.
func (s *Store) Units(ctx context.Context, f supervision.UnitFilter) iter.Seq2[*supervision.Unit, error] {
	return s.units.All(ctx, f.Match)
}

// Inspection implements supervision.Store.
func (s *Store) Inspection(ctx context.Context, id supervision.InspectionID) (*supervision.Inspection, error) {
	return s.inspections.Get(ctx, id)
}

// PutInspection implements supervision.Store.
func (s *Store) PutInspection(ctx context.Context, in *supervision.Inspection, prev int64) error {
	return s.inspections.Put(ctx, in, prev)
}

// Inspections implements supervision.Store.
func (s *Store) Inspections(ctx context.Context, f supervision.InspectionFilter) iter.Seq2[*supervision.Inspection, error] {
	return s.inspections.All(ctx, f.Match)
}

// Complaint implements supervision.Store.
func (s *Store) Complaint(ctx context.Context, id supervision.ComplaintID) (*supervision.Complaint, error) {
	return s.complaints.Get(ctx, id)
}

// PutComplaint implements supervision.Store.
func (s *Store) PutComplaint(ctx context.Context, c *supervision.Complaint, prev int64) error {
	return s.complaints.Put(ctx, c, prev)
}

// Complaints implements supervision.Store.
func (s *Store) Complaints(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Complaint, error] {
	return s.complaints.All(ctx, f.MatchComplaint)
}

// Clue implements supervision.Store.
func (s *Store) Clue(ctx context.Context, id supervision.ClueID) (*supervision.Clue, error) {
	return s.clues.Get(ctx, id)
}

// PutClue implements supervision.Store.
func (s *Store) PutClue(ctx context.Context, c *supervision.Clue, prev int64) error {
	return s.clues.Put(ctx, c, prev)
}

// Clues implements supervision.Store.
func (s *Store) Clues(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Clue, error] {
	return s.clues.All(ctx, f.MatchClue)
}

// CaseReport implements supervision.Store.
func (s *Store) CaseReport(ctx context.Context, id supervision.CaseReportID) (*supervision.CaseReport, error) {
	return s.cases.Get(ctx, id)
}

// PutCaseReport implements supervision.Store.
func (s *Store) PutCaseReport(ctx context.Context, r *supervision.CaseReport, prev int64) error {
	return s.cases.Put(ctx, r, prev)
}

// CaseReports implements supervision.Store.
func (s *Store) CaseReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.CaseReport, error] {
	return s.cases.All(ctx, f.MatchCaseReport)
}

// EmergencyReport implements supervision.Store.
func (s *Store) EmergencyReport(ctx context.Context, id supervision.EmergencyReportID) (*supervision.EmergencyReport, error) {
	return s.emergencies.Get(ctx, id)
}

// PutEmergencyReport implements supervision.Store.
func (s *Store) PutEmergencyReport(ctx context.Context, e *supervision.EmergencyReport, prev int64) error {
	return s.emergencies.Put(ctx, e, prev)
}

// EmergencyReports implements supervision.Store.
func (s *Store) EmergencyReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.EmergencyReport, error] {
	return s.emergencies.All(ctx, f.MatchEmergencyReport)
}

// Batch implements gongwei.Batcher for the supervision records: it calls f with ctx.
// Each write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
