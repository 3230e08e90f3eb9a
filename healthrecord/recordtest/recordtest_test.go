package recordtest_test

import (
	"context"
	"iter"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// brokenEnv names the broken store TestBrokenStore runs the suite on.
const brokenEnv = "RECORDTEST_BROKEN"

// lastWriteWins ignores the expected version: it breaks optimistic locking.
type lastWriteWins struct{ *memstore.Store }

func (s lastWriteWins) PutResident(ctx context.Context, r *healthrecord.Resident, _ int64) error {
	var prev int64
	if old, err := s.Store.Resident(ctx, r.ID); err == nil {
		prev = old.Version
	}
	return s.Store.PutResident(ctx, r, prev)
}

// reversed streams residents backwards: it breaks the archive-number order.
type reversed struct{ *memstore.Store }

func (s reversed) Residents(ctx context.Context, f healthrecord.ResidentFilter) iter.Seq2[*healthrecord.Resident, error] {
	return func(yield func(*healthrecord.Resident, error) bool) {
		var all []*healthrecord.Resident
		for r, err := range s.Store.Residents(ctx, f) {
			if err != nil {
				yield(nil, err)
				return
			}
			all = append(all, r)
		}
		slices.Reverse(all)
		for _, r := range all {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// aliasing keeps the caller's record on put: a caller's later change leaks into the
// store.
type aliasing struct {
	*memstore.Store
	mu   *sync.Mutex
	kept map[healthrecord.ResidentID]*healthrecord.Resident
}

func (s aliasing) PutResident(ctx context.Context, r *healthrecord.Resident, prev int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.Store.PutResident(ctx, r, prev); err != nil {
		return err
	}
	s.kept[r.ID] = r
	return nil
}

func (s aliasing) Resident(ctx context.Context, id healthrecord.ResidentID) (*healthrecord.Resident, error) {
	s.mu.Lock()
	r, ok := s.kept[id]
	s.mu.Unlock()
	if ok && ctx.Err() == nil {
		return r.Clone(), nil
	}
	return s.Store.Resident(ctx, id)
}

// ignoresCancel streams even under a cancelled context.
type ignoresCancel struct{ *memstore.Store }

func (s ignoresCancel) Events(_ context.Context, f healthrecord.EventFilter) iter.Seq2[healthrecord.ServiceEvent, error] {
	return s.Store.Events(context.Background(), f)
}

var brokenStores = map[string]struct {
	store     func() healthrecord.Store
	wantFails []string // cases that must fail
}{
	"lastWriteWins": {func() healthrecord.Store { return lastWriteWins{memstore.New()} }, []string{"ResidentVersions", "ConcurrentWriters"}},
	"reversed":      {func() healthrecord.Store { return reversed{memstore.New()} }, []string{"ResidentsByPrefix", "ResidentsByTag"}},
	"aliasing": {func() healthrecord.Store {
		return aliasing{memstore.New(), new(sync.Mutex), map[healthrecord.ResidentID]*healthrecord.Resident{}}
	}, []string{"NotAliased"}},
	"ignoresCancel": {func() healthrecord.Store { return ignoresCancel{memstore.New()} }, []string{"CancelledContext"}},
}

// TestBrokenStore runs the suite on the broken store named by RECORDTEST_BROKEN; it is a
// helper of TestSuiteCatchesBrokenStores and does nothing on its own.
func TestBrokenStore(t *testing.T) {
	name := os.Getenv(brokenEnv)
	if name == "" {
		return // run only as the subprocess of TestSuiteCatchesBrokenStores
	}
	recordtest.TestStore(t, brokenStores[name].store)
}

// TestSuiteCatchesBrokenStores proves that the suite fails stores that break the
// contract, each in the case that names the broken clause.
func TestSuiteCatchesBrokenStores(t *testing.T) {
	for name, b := range brokenStores {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenStore$", "-test.v")
			cmd.Env = append(os.Environ(), brokenEnv+"="+name)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a broken store:\n%s", out)
			}
			for _, c := range b.wantFails {
				if !strings.Contains(string(out), "--- FAIL: TestBrokenStore/"+c+" ") {
					t.Errorf("case %s did not fail:\n%s", c, out)
				}
			}
			if !strings.Contains(string(out), "contract: ") {
				t.Errorf("failures do not name the contract clause:\n%s", out)
			}
		})
	}
}

func TestSuitePassesMemstore(t *testing.T) {
	recordtest.TestStore(t, func() healthrecord.Store { return memstore.New() })
}

// TestLastWriteWins proves that the suite catches a store that loses updates every time:
// its ConcurrentWriters case fails on the last-write-wins store in 100 of 100 runs, with
// GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		recordtest.TestStore(t, func() healthrecord.Store { return lastWriteWins{memstore.New()} })
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
}
