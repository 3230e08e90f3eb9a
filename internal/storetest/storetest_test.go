package storetest

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var errStale = errors.New("stale")

// cell is one stored value with a version; lastWriteWins ignores the version on put.
type cell struct {
	mu            sync.Mutex
	value         string
	version       int64
	lastWriteWins bool
}

func (c *cell) read(context.Context) (*string, int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.value
	return &v, c.version, nil
}

func (c *cell) write(_ context.Context, w int, rec *string, prev int64) error {
	*rec = strings.Repeat("ab"[w:w+1], 3)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.lastWriteWins && c.version != prev {
		return errStale
	}
	c.value, c.version = *rec, prev+1
	return nil
}

// TestInterleave: on a store with optimistic versions exactly one writer wins and its
// value is stored; on a last-write-wins store the race is reported, in 100 of 100 runs,
// with GOMAXPROCS=1 as with GOMAXPROCS as it is.
func TestInterleave(t *testing.T) {
	ctx := context.Background()
	for _, procs := range []int{1, runtime.GOMAXPROCS(0)} {
		old := runtime.GOMAXPROCS(procs)
		for run := 0; run < 100; run++ {
			good := &cell{value: "x", version: 1}
			race, err := Interleave(ctx, good.read, good.write)
			if err != nil {
				t.Fatal(err)
			}
			w, err := race.Winner(errStale)
			if err != nil {
				t.Fatalf("GOMAXPROCS=%d run %d: correct store: %v", procs, run, err)
			}
			if good.value != *race.Put[w] || good.version != 2 || race.Read != [Writers]int64{1, 1} {
				t.Fatalf("GOMAXPROCS=%d run %d: stored %q version %d, winner put %q", procs, run, good.value, good.version, *race.Put[w])
			}

			bad := &cell{value: "x", version: 1, lastWriteWins: true}
			race, err = Interleave(ctx, bad.read, bad.write)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := race.Winner(errStale); err == nil || !strings.Contains(err.Error(), "2 puts over version 1 succeeded") {
				t.Fatalf("GOMAXPROCS=%d run %d: last-write-wins store: Winner = %v, want the lost update reported", procs, run, err)
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

// TestWinnerChecks: the outcomes that break the contract are each reported.
func TestWinnerChecks(t *testing.T) {
	other := errors.New("disk full")
	for _, c := range []struct {
		name string
		race Race[int]
		want string // "" for a winner
	}{
		{"one wins", Race[int]{Read: [2]int64{3, 3}, Err: [2]error{errStale, nil}}, ""},
		{"both win", Race[int]{Read: [2]int64{3, 3}}, "2 puts over version 3 succeeded"},
		{"none wins", Race[int]{Read: [2]int64{3, 3}, Err: [2]error{errStale, errStale}}, "both puts over version 3 failed"},
		{"wrong error", Race[int]{Read: [2]int64{3, 3}, Err: [2]error{nil, other}}, "failed with disk full, want an error wrapping stale"},
		{"different reads", Race[int]{Read: [2]int64{3, 4}, Err: [2]error{nil, errStale}}, "read versions 3 and 4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, err := c.race.Winner(errStale)
			switch {
			case c.want == "" && (err != nil || w != 1):
				t.Errorf("Winner = %d, %v; want 1", w, err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("Winner error = %v, want %q", err, c.want)
			}
		})
	}
}

// TestInterleaveReadError: a failed read is returned.
func TestInterleaveReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Interleave(context.Background(),
		func(context.Context) (int, int64, error) { return 0, 0, boom },
		func(context.Context, int, int, int64) error { t.Error("write after a failed read"); return nil })
	if !errors.Is(err, boom) {
		t.Errorf("Interleave = %v, want boom", err)
	}
}
