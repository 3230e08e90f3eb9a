package storetest

import (
	"context"
	"iter"
	"reflect"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// Dated describes one dated record type of a store to [RunDated], which checks the store
// contract every service package shares on it: records keyed by a string ID, put over
// an optimistic version, and streamed by a code prefix and a date period, ordered by
// date, then ID.
type Dated[S any, K ~string, F any, R any] struct {
	// Make returns a valid record with the ID, code and date given.
	Make func(id K, code string, d gongwei.Date) R
	// ID and Version read a record's key and its stored version.
	ID      func(R) K
	Version func(R) *int64
	// Change changes a field of the record that reads back, differently for each n.
	Change func(R, int)
	// Get, Put and Stream are the store's methods for the type (method expressions, as
	// in [Kind]), and Filter the filter of Stream selecting by code prefix and period.
	Get    func(s S, ctx context.Context, id K) (R, error)
	Put    func(s S, ctx context.Context, x R, prev int64) error
	Stream func(s S, ctx context.Context, f F) iter.Seq2[R, error]
	Filter func(prefix string, p gongwei.Period) F
	// Codes are, in the type's terms, a code under Prefix, another code under it, and
	// a code outside it.
	Codes  [3]string
	Prefix string
	// Day is the date of the records, in year Day.Year().
	Day gongwei.Date
}

// RunDated runs the contract's clauses for the record type k, each a subtest on a fresh
// store from newStore: RoundTrip, Versions, Copies, Streams, Cancelled and
// OneWriterWins (the race of Check).
func RunDated[S any, K ~string, F any, R any](t *testing.T, k Dated[S, K, F, R], newStore func(t *testing.T) S) {
	t.Helper()
	stream := func(ctx context.Context, s S, prefix string, p gongwei.Period) iter.Seq2[R, error] {
		return k.Stream(s, ctx, k.Filter(prefix, p))
	}
	store := func(t *T, s S, x R) {
		t.Helper()
		v := k.Version(x)
		prev := *v
		*v = prev + 1
		t.Must(k.Put(s, t.Ctx, x, prev), "put")
	}
	ids := func(t *T, s S, prefix string, p gongwei.Period) []K {
		t.Helper()
		xs, err := Collect(stream(t.Ctx, s, prefix, p))
		t.Must(err, "stream")
		var out []K
		for _, x := range xs {
			out = append(out, k.ID(x))
		}
		return out
	}
	day := k.Day
	clauses := []Clause[*T, S]{
		{Name: "RoundTrip", Text: "a put record reads back with every field equal, Version included; a missing ID gives gongwei.ErrNotFound",
			Run: func(t *T, s S) {
				x := k.Make("A", k.Codes[0], day)
				k.Change(x, 3)
				store(t, s, x)
				got, err := k.Get(s, t.Ctx, "A")
				t.Must(err, "get")
				if !reflect.DeepEqual(got, x) {
					t.Failf("got %+v\nwant %+v", got, x)
				}
				_, err = k.Get(s, t.Ctx, "missing")
				t.WantErr(err, gongwei.ErrNotFound, "get of a missing ID")
			}},
		{Name: "Versions", Text: "a put stores only when the stored version equals prev (absent counts as 0), otherwise fails with gongwei.ErrConflict and stores nothing",
			Run: func(t *T, s S) {
				x := k.Make("A", k.Codes[0], day)
				store(t, s, x)
				y := k.Make("A", k.Codes[0], day)
				k.Change(y, 9)
				*k.Version(y) = 1
				t.WantErr(k.Put(s, t.Ctx, y, 0), gongwei.ErrConflict, "insert over a stored ID")
				*k.Version(y) = 3
				t.WantErr(k.Put(s, t.Ctx, y, 2), gongwei.ErrConflict, "stale update")
				z := k.Make("B", k.Codes[0], day)
				*k.Version(z) = 2
				t.WantErr(k.Put(s, t.Ctx, z, 1), gongwei.ErrConflict, "update of an absent ID")
				if got, err := k.Get(s, t.Ctx, "A"); err != nil || !reflect.DeepEqual(got, x) {
					t.Failf("a rejected put changed the stored record: %v", err)
				}
			}},
		{Name: "Copies", Text: "records are copied in and out",
			Run: func(t *T, s S) {
				x := k.Make("A", k.Codes[0], day)
				store(t, s, x)
				want, _ := k.Get(s, t.Ctx, "A")
				k.Change(x, 20)
				got, err := k.Get(s, t.Ctx, "A")
				t.Must(err, "get")
				k.Change(got, 21)
				if again, _ := k.Get(s, t.Ctx, "A"); !reflect.DeepEqual(again, want) {
					t.Failf("the store shares memory with its callers")
				}
			}},
		{Name: "Streams", Text: "streams select by code prefix and date, ordered by date, then ID; a loop may stop early and use the store",
			Run: func(t *T, s S) {
				store(t, s, k.Make("C", k.Codes[0], day))
				store(t, s, k.Make("A", k.Codes[1], day))
				store(t, s, k.Make("B", k.Codes[2], day.AddDays(-1)))
				store(t, s, k.Make("D", k.Codes[0], gongwei.Year(day.Year()).Start.AddDays(-1)))
				if got := ids(t, s, "", gongwei.Period{}); !reflect.DeepEqual(got, []K{"D", "B", "A", "C"}) {
					t.Failf("all: %v", got)
				}
				if got := ids(t, s, k.Prefix, gongwei.Year(day.Year())); !reflect.DeepEqual(got, []K{"A", "C"}) {
					t.Failf("prefix and year: %v", got)
				}
				n := 0
				for x, err := range stream(t.Ctx, s, "", gongwei.Period{}) {
					t.Must(err, "stream")
					n++
					_, err := k.Get(s, t.Ctx, k.ID(x))
					t.Must(err, "get inside the loop")
					t.Must(k.Put(s, t.Ctx, k.Make("E", k.Codes[0], day), 0), "put inside the loop")
					break
				}
				if n != 1 {
					t.Failf("the loop ran %d times after a break", n)
				}
			}},
		{Name: "Cancelled", Text: "a cancelled context gives its error; a failing stream yields the error once and stops",
			Run: func(t *T, s S) {
				ctx, cancel := context.WithCancel(t.Ctx)
				cancel()
				_, err := k.Get(s, ctx, "A")
				t.WantErr(err, context.Canceled, "get")
				t.WantErr(k.Put(s, ctx, k.Make("A", k.Codes[0], day), 0), context.Canceled, "put")
				n := 0
				for _, err := range stream(ctx, s, "", gongwei.Period{}) {
					n++
					t.WantErr(err, context.Canceled, "stream")
				}
				if n != 1 {
					t.Failf("the failing stream yielded %d times", n)
				}
			}},
		{Name: "OneWriterWins", Text: "safe for concurrent use: of writers racing over one version exactly one wins and its record is stored",
			Run: func(t *T, s S) {
				store(t, s, k.Make("A", k.Codes[0], day))
				err := Check(t.Ctx,
					func(ctx context.Context) (R, int64, error) {
						x, err := k.Get(s, ctx, "A")
						if err != nil {
							var zero R
							return zero, 0, err
						}
						return x, *k.Version(x), nil
					},
					func(ctx context.Context, w int, x R, prev int64) error {
						k.Change(x, w)
						*k.Version(x) = prev + 1
						return k.Put(s, ctx, x, prev)
					}, gongwei.ErrConflict)
				if err != nil {
					t.Failf("%v", err)
				}
			}},
	}
	Run(t, clauses, Self, newStore)
}
