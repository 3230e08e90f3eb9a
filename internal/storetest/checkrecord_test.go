package storetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// versioned is a one-record store of *vrec; lastWriteWins ignores prev.
type versioned struct {
	mu            sync.Mutex
	rec           vrec
	lastWriteWins bool
}

type vrec struct {
	Value   string
	Version int64
}

func (v *versioned) get(context.Context) (*vrec, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	r := v.rec
	return &r, nil
}

func (v *versioned) put(_ context.Context, r *vrec, prev int64) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.lastWriteWins && v.rec.Version != prev {
		return errStale
	}
	v.rec = *r
	return nil
}

// TestCheckRecord: a store with optimistic versions passes, one that loses updates is
// caught, and a failing read is reported.
func TestCheckRecord(t *testing.T) {
	ctx := context.Background()
	version := func(r *vrec) *int64 { return &r.Version }
	change := func(w int, r *vrec) { r.Value = strings.Repeat("ab"[w:w+1], 3) }
	good := &versioned{rec: vrec{"x", 1}}
	if err := CheckRecord(ctx, good.get, version, change, good.put, errStale); err != nil {
		t.Fatalf("correct store: %v", err)
	}
	if good.rec.Version != 2 || (good.rec.Value != "aaa" && good.rec.Value != "bbb") {
		t.Errorf("stored %+v, want a writer's record at version 2", good.rec)
	}
	bad := &versioned{rec: vrec{"x", 1}, lastWriteWins: true}
	if err := CheckRecord(ctx, bad.get, version, change, bad.put, errStale); err == nil || !strings.Contains(err.Error(), "2 puts over version 1 succeeded") {
		t.Errorf("last-write-wins store: %v, want the lost update reported", err)
	}
	boom := errors.New("boom")
	err := CheckRecord(ctx, func(context.Context) (*vrec, error) { return nil, boom }, version, change, good.put, errStale)
	if !errors.Is(err, boom) {
		t.Errorf("failing read: %v, want boom", err)
	}
}
