package supervisiontest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// lastWriteWins ignores the expected version of every record type: it breaks
// optimistic locking.
type lastWriteWins struct{ *memstore.Store }

// stored is the stored version of a record (0 when absent).
func stored[T any](get func() (T, error), version func(T) int64) int64 {
	if x, err := get(); err == nil {
		return version(x)
	}
	return 0
}

func (s lastWriteWins) PutUnit(ctx context.Context, x *supervision.Unit, _ int64) error {
	prev := stored(func() (*supervision.Unit, error) { return s.Unit(ctx, x.ID) }, func(y *supervision.Unit) int64 { return y.Version })
	return s.Store.PutUnit(ctx, x, prev)
}

func (s lastWriteWins) PutInspection(ctx context.Context, x *supervision.Inspection, _ int64) error {
	prev := stored(func() (*supervision.Inspection, error) { return s.Inspection(ctx, x.ID) }, func(y *supervision.Inspection) int64 { return y.Version })
	return s.Store.PutInspection(ctx, x, prev)
}

func (s lastWriteWins) PutComplaint(ctx context.Context, x *supervision.Complaint, _ int64) error {
	prev := stored(func() (*supervision.Complaint, error) { return s.Complaint(ctx, x.ID) }, func(y *supervision.Complaint) int64 { return y.Version })
	return s.Store.PutComplaint(ctx, x, prev)
}

func (s lastWriteWins) PutClue(ctx context.Context, x *supervision.Clue, _ int64) error {
	prev := stored(func() (*supervision.Clue, error) { return s.Clue(ctx, x.ID) }, func(y *supervision.Clue) int64 { return y.Version })
	return s.Store.PutClue(ctx, x, prev)
}

func (s lastWriteWins) PutCaseReport(ctx context.Context, x *supervision.CaseReport, _ int64) error {
	prev := stored(func() (*supervision.CaseReport, error) { return s.CaseReport(ctx, x.ID) }, func(y *supervision.CaseReport) int64 { return y.Version })
	return s.Store.PutCaseReport(ctx, x, prev)
}

func (s lastWriteWins) PutEmergencyReport(ctx context.Context, x *supervision.EmergencyReport, _ int64) error {
	prev := stored(func() (*supervision.EmergencyReport, error) { return s.EmergencyReport(ctx, x.ID) }, func(y *supervision.EmergencyReport) int64 { return y.Version })
	return s.Store.PutEmergencyReport(ctx, x, prev)
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// for every record type its concurrency case fails on the last-write-wins store in 100 of
// 100 runs, with GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		supervisiontest.TestStore(t, func(*testing.T) supervision.Store { return lastWriteWins{memstore.New()} })
		return
	}
	for _, kind := range []string{"unit", "inspection", "complaint", "clue", "case report", "emergency report"} {
		storetest.Caught(t, 100, "TestLastWriteWins", kind, "concurrency: concurrent writers of one record: exactly one wins each version")
	}
}
