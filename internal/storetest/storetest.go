// Package storetest is scaffolding shared by the conformance suites of the domain stores
// (healthrecord/recordtest, chronic/chronictest, maternal/maternaltest, child/childtest,
// immunization/immunizationtest, supervision/supervisiontest, education/educationtest,
// referral/referraltest, villageclinic/villageclinictest, womenshealth/womenshealthtest):
// the runner of a suite's clauses, each on a fresh store with a handle that quotes the
// clause in every failure ([Run], [Clause], [T], [Fresh]); the clauses every keyed,
// versioned record type shares, built from a table row describing the type ([Kind],
// [KeyedClauses]); the compare-and-swap checks of a put ([CheckVersions]); a race of
// writers forced to
// interleave between their read and their put, so that a store which loses updates is
// caught every time, whatever the scheduler does; read-modify-write loops of many
// writers that retry on a conflict ([Contend]); and the runner that proves a suite
// catches a store that loses updates in every one of many runs.
//
// It is not API: the suites use it, hosts use the suites.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
)

// Writers is the number of writers of an [Interleave] race.
const Writers = 2

// Race is the outcome of an [Interleave] race.
type Race[T any] struct {
	// Read is the version each writer read.
	Read [Writers]int64
	// Put is the record each writer put (as its write function left it).
	Put [Writers]T
	// Err is the error of each writer's put.
	Err [Writers]error
}

// Interleave races Writers writers on one stored record with optimistic versions, in
// the interleaving that loses an update on a store which does not check versions: every
// writer reads the record, then, and not before, the writers put one after the other
// (writer 0 first), each over the version it read. read returns the record (the
// writer's own copy) and its stored version; write changes the record in a way of its
// own (w being the writer, 0 or 1) and puts it over prev. The scheduler alone would
// seldom arrange this (with GOMAXPROCS=1 a goroutine usually reads and puts before the
// other runs); here it happens every time, so a store that lets both puts succeed is
// caught in every run. The puts are made in turn rather than at once so that even a store
// that ignores the version only in part (it looks the stored version up and puts over
// it, without a lock) cannot escape by chance.
//
// It fails only when a read fails; the puts' outcomes are in the Race, to be checked
// with [Race.Winner].
func Interleave[T any](ctx context.Context, read func(ctx context.Context) (T, int64, error),
	write func(ctx context.Context, w int, rec T, prev int64) error) (Race[T], error) {
	var (
		race   Race[T]
		errs   [Writers]error
		reads  sync.WaitGroup // every writer has read
		done   sync.WaitGroup
		turn   [Writers]chan struct{} // writer w puts when turn[w] is closed
		failed [Writers]bool
	)
	for w := range turn {
		turn[w] = make(chan struct{})
	}
	reads.Add(Writers)
	done.Add(Writers)
	for w := 0; w < Writers; w++ {
		go func() {
			defer done.Done()
			rec, v, err := read(ctx)
			reads.Done()
			<-turn[w] // the barrier: nobody puts before everybody has read
			if w+1 < Writers {
				defer close(turn[w+1])
			}
			if err != nil {
				errs[w], failed[w] = err, true
				return
			}
			race.Read[w] = v
			race.Err[w] = write(ctx, w, rec, v)
			race.Put[w] = rec
		}()
	}
	reads.Wait()
	close(turn[0])
	done.Wait()
	for w, err := range errs {
		if failed[w] {
			return race, fmt.Errorf("writer %d: read: %w", w, err)
		}
	}
	return race, nil
}

// Winner returns the writer whose put succeeded. It fails unless the writers read the
// same version, exactly one put succeeded and the other failed with an error wrapping
// stale (the sentinel the store's contract names for a stale version, such as
// gongwei.ErrConflict).
func (r Race[T]) Winner(stale error) (int, error) {
	for w := 1; w < Writers; w++ {
		if r.Read[w] != r.Read[0] {
			return -1, fmt.Errorf("the writers read versions %d and %d, want the same", r.Read[0], r.Read[w])
		}
	}
	winner, wins := -1, 0
	for w, err := range r.Err {
		if err == nil {
			winner = w
			wins++
		}
	}
	switch wins {
	case 0:
		return -1, fmt.Errorf("both puts over version %d failed (%v; %v), want exactly one to succeed", r.Read[0], r.Err[0], r.Err[1])
	case 1:
	default:
		return -1, fmt.Errorf("%d puts over version %d succeeded, want exactly one: the store loses an update", wins, r.Read[0])
	}
	for w, err := range r.Err {
		if w != winner && !errors.Is(err, stale) {
			return -1, fmt.Errorf("the losing put over version %d failed with %v, want an error wrapping %v", r.Read[0], err, stale)
		}
	}
	return winner, nil
}

// Check races the writers with [Interleave] and checks the outcome: exactly one put
// succeeds, the other fails with an error wrapping stale, and reading the record
// afterwards gives the winner's record (compared with reflect.DeepEqual, so every field
// counts). It returns what breaks the contract, or nil; a suite reports it with the
// clause of its case.
func Check[T any](ctx context.Context, read func(ctx context.Context) (T, int64, error),
	write func(ctx context.Context, w int, rec T, prev int64) error, stale error) error {
	race, err := Interleave(ctx, read, write)
	if err != nil {
		return err
	}
	w, err := race.Winner(stale)
	if err != nil {
		return err
	}
	got, _, err := read(ctx)
	if err != nil {
		return fmt.Errorf("read after the race: %w", err)
	}
	if !reflect.DeepEqual(got, race.Put[w]) {
		return fmt.Errorf("after the race the store holds\n%+v\nwant the winner's record\n%+v", got, race.Put[w])
	}
	return nil
}

// CheckRecord is [Check] for a record type of a store: read gets the record with get and
// its version from the field version points to; each writer changes its copy with
// change (given the writer's number, 0 or 1, so the stored record tells which won),
// sets the version to prev+1 and puts it with put over prev.
func CheckRecord[T any](ctx context.Context, get func(ctx context.Context) (T, error), version func(T) *int64,
	change func(w int, rec T), put func(ctx context.Context, rec T, prev int64) error, stale error) error {
	return Check(ctx,
		func(ctx context.Context) (T, int64, error) {
			x, err := get(ctx)
			if err != nil {
				var zero T
				return zero, 0, err
			}
			return x, *version(x), nil
		},
		func(ctx context.Context, w int, x T, prev int64) error {
			change(w, x)
			*version(x) = prev + 1
			return put(ctx, x, prev)
		}, stale)
}
