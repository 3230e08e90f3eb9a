package storetest

import (
	"context"
	"iter"
	"reflect"

	"github.com/gongwei-lib/gongwei"
)

// Kind describes one record type of a store to the clauses every keyed, versioned record
// type shares ([KeyedClauses]): a fixture with a distinct key per i, the
// record's key, the store's get, put and stream (as method expressions; the stream is
// called with the zero filter F), and a change of some field.
type Kind[S any, K ~string, F any, R any] struct {
	// What names the record type in subtest names and failures.
	What string
	// Fixture returns a valid record with a key of its own for each i.
	Fixture func(i int) *R
	// Key returns the record's key.
	Key func(r *R) K
	// Get, Put and Stream are the store's methods for the record type.
	Get    func(s S, ctx context.Context, id K) (*R, error)
	Put    func(s S, ctx context.Context, r *R, prev int64) error
	Stream func(s S, ctx context.Context, f F) iter.Seq2[*R, error]
	// Version points at the record's Version field.
	Version func(r *R) *int64
	// Change changes a field of the record in a way of writer w's own (0 or 1).
	Change func(r *R, w int)
}

// Of returns the stored record with r's key.
func (k Kind[S, K, F, R]) Of(ctx context.Context, s S, r *R) (*R, error) {
	return k.Get(s, ctx, k.Key(r))
}

// All streams every record.
func (k Kind[S, K, F, R]) All(ctx context.Context, s S) iter.Seq2[*R, error] {
	var f F
	return k.Stream(s, ctx, f)
}

// PutAt puts r over prev with Version prev+1, stopping the clause on an error.
func (k Kind[S, K, F, R]) PutAt(t *T, s S, r *R, prev int64) {
	t.Helper()
	*k.Version(r) = prev + 1
	t.Must(k.Put(s, t.Ctx, r, prev), "put "+k.What)
}

// PutNew puts each of rs as a new record (PutAt over 0), stopping the clause on an error.
func (k Kind[S, K, F, R]) PutNew(t *T, s S, rs ...*R) {
	t.Helper()
	for _, r := range rs {
		k.PutAt(t, s, r, 0)
	}
}

// WantKeys is [WantIDs] with the kind's keys: it reports a failure of the clause, named
// what, unless seq yields the records with the keys want, in that order.
func (k Kind[S, K, F, R]) WantKeys(t *T, what string, seq iter.Seq2[*R, error], want ...K) {
	t.Helper()
	var ws []string
	for _, w := range want {
		ws = append(ws, string(w))
	}
	WantIDs(t, what, seq, func(r *R) string { return string(k.Key(r)) }, ws...)
}

// KeyedClauses are the clauses of the store contract every domain store states for a
// keyed, versioned record type (not found, round trip, insert over a stored key, stale
// version, copies, cancelled context, two interleaved writers), for the record type k.
func KeyedClauses[S any, K ~string, F any, R any](k Kind[S, K, F, R]) []Clause[*T, S] {
	return []Clause[*T, S]{
		{Name: k.What + "NotFound", Text: "lookups of a missing record fail with an error wrapping gongwei.ErrNotFound", Run: func(t *T, s S) {
			_, err := k.Get(s, t.Ctx, K("none"))
			t.WantErr(err, gongwei.ErrNotFound, "get missing "+k.What)
		}},
		{Name: k.What + "RoundTrip", Text: "a record handed to a Put method is stored exactly as given", Run: func(t *T, s S) {
			r := k.Fixture(0)
			k.PutAt(t, s, r, 0)
			got, err := k.Of(t.Ctx, s, r)
			t.Must(err, "get "+k.What)
			if !reflect.DeepEqual(got, r) {
				t.Failf("got %+v, want %+v", got, r)
			}
		}},
		{Name: k.What + "InsertExistingConflicts", Text: "prev = 0 inserts, and fails with ErrConflict if the key already exists", Run: func(t *T, s S) {
			r := k.Fixture(0)
			k.PutAt(t, s, r, 0)
			t.WantErr(k.Put(s, t.Ctx, r, 0), gongwei.ErrConflict, "insert over "+k.What)
		}},
		{Name: k.What + "StaleVersionConflicts", Text: "the put succeeds only when the stored version equals prev; otherwise ErrConflict and nothing stored", Run: func(t *T, s S) {
			r := k.Fixture(0)
			k.PutAt(t, s, r, 0)
			k.PutAt(t, s, r, 1)
			stale := k.Fixture(0)
			k.Change(stale, 1)
			*k.Version(stale) = 2
			t.WantErr(k.Put(s, t.Ctx, stale, 1), gongwei.ErrConflict, "stale put")
			got, err := k.Of(t.Ctx, s, r)
			t.Must(err, "get "+k.What)
			if !reflect.DeepEqual(got, r) {
				t.Failf("a stale put changed the record: %+v", got)
			}
			t.WantErr(k.Put(s, t.Ctx, k.Fixture(9), 3), gongwei.ErrConflict, "update of an absent record")
		}},
		{Name: k.What + "Copies", Text: "records yielded and returned are the caller's own copies", Run: func(t *T, s S) {
			r := k.Fixture(0)
			k.PutAt(t, s, r, 0)
			want := k.Fixture(0)
			*k.Version(want) = 1
			k.Change(r, 0)
			got, err := k.Of(t.Ctx, s, want)
			t.Must(err, "get "+k.What)
			if !reflect.DeepEqual(got, want) {
				t.Failf("the store shares memory with the caller's record")
			}
			k.Change(got, 0)
			for x, err := range k.All(t.Ctx, s) {
				t.Must(err, "stream "+k.What)
				if !reflect.DeepEqual(x, want) {
					t.Failf("the store shares memory with a returned record")
				}
				k.Change(x, 1)
			}
			again, err := k.Of(t.Ctx, s, want)
			t.Must(err, "get "+k.What)
			if !reflect.DeepEqual(again, want) {
				t.Failf("the store shares memory with a yielded record")
			}
		}},
		{Name: k.What + "CancelledContext", Text: "a method called with a cancelled context fails with an error wrapping the context's error; a failing stream yields the error once and stops", Run: func(t *T, s S) {
			k.PutAt(t, s, k.Fixture(0), 0)
			c, cancel := context.WithCancel(t.Ctx)
			cancel()
			_, err := k.Of(c, s, k.Fixture(0))
			t.WantErr(err, context.Canceled, "get "+k.What)
			t.WantErr(k.Put(s, c, k.Fixture(1), 0), context.Canceled, "put "+k.What)
			n := 0
			for _, err := range k.All(c, s) {
				n++
				t.WantErr(err, context.Canceled, "stream "+k.What)
			}
			if n != 1 {
				t.Failf("a cancelled stream yielded %d times, want the error once", n)
			}
		}},
		{Name: k.What + "ConcurrentWriters", Text: "no update is lost under optimistic versions: of two writers that both read version v before either puts, one put succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored", Run: func(t *T, s S) {
			r := k.Fixture(0)
			k.PutAt(t, s, r, 0)
			if err := Check(t.Ctx,
				func(ctx context.Context) (*R, int64, error) {
					got, err := k.Of(ctx, s, r)
					if err != nil {
						return nil, 0, err
					}
					return got, *k.Version(got), nil
				},
				func(ctx context.Context, w int, got *R, prev int64) error {
					k.Change(got, w)
					*k.Version(got) = prev + 1
					return k.Put(s, ctx, got, prev)
				}, gongwei.ErrConflict); err != nil {
				t.Stopf("two writers: %v", err)
			}
		}},
	}
}

// IDs collects the keys the stream yields, stopping the clause on an error.
func IDs[R any](t *T, seq iter.Seq2[*R, error], key func(*R) string) []string {
	t.Helper()
	var out []string
	for r, err := range seq {
		t.Must(err, "stream")
		out = append(out, key(r))
	}
	return out
}
