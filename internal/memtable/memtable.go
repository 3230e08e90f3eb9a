// Package memtable is the generic in-memory table behind the memstores of every domain
// package (healthrecord/memstore, chronic/memstore, maternal/memstore, child/memstore,
// immunization/memstore, supervision/memstore, education/memstore, referral/memstore,
// villageclinic/memstore, womenshealth/memstore): one record type kept
// in a map by its ID, written under an optimistic version (compare-and-swap), copied on
// the way in and out, and streamed in a fixed order.
//
// A [Table] answers the three calls every store contract has for a record type: get by
// ID, put over the version the caller read, and a filtered stream. [Index] adds a
// grouping of the IDs by a field of the record (the visits of a patient, the
// vaccinations of a child) so that one group is streamed without reading every record,
// and [Unique] adds a field no two records may share (the child record of a resident).
//
// Streams follow the store convention: a cancelled context is yielded once as the error
// and the stream stops; records are selected under the read lock and yielded after it is
// released, so the loop body may write to the store.
//
// It is not API: the memstores use it, hosts use the memstores.
package memtable

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei"
)

// Table is one record type's records, safe for concurrent use. Create one with [New].
type Table[K cmp.Ordered, T any] struct {
	mu      sync.RWMutex
	what    string
	m       map[K]*T
	clone   func(*T) *T
	key     func(*T) K
	version func(*T) int64
	order   func(a, b *T) int
	strict  bool
	checks  []func(old, x *T) error // run under the write lock before a put
	applies []func(old, x *T)       // run under the write lock when a put succeeds
}

// New returns an empty table of the records called what in errors. clone copies a
// record deeply, key and version read its ID and stored version, and order is the order
// of streams.
func New[K cmp.Ordered, T any](what string, clone func(*T) *T, key func(*T) K, version func(*T) int64, order func(a, b *T) int) *Table[K, T] {
	return &Table[K, T]{what: what, m: map[K]*T{}, clone: clone, key: key, version: version, order: order}
}

// Copy returns a shallow copy of x: the clone function of a record without reference
// fields.
func Copy[T any](x *T) *T {
	c := *x
	return &c
}

// RejectInsertOverStored makes a put with prev 0 fail with gongwei.ErrConflict whenever
// the ID is stored, even when the stored record carries version 0. It returns t.
func (t *Table[K, T]) RejectInsertOverStored() *Table[K, T] {
	t.strict = true
	return t
}

// CtxErr returns the error of a done ctx, marked as the memstore's.
func CtxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	return nil
}

// Get returns a copy of the record with ID id, or an error wrapping gongwei.ErrNotFound.
func (t *Table[K, T]) Get(ctx context.Context, id K) (*T, error) {
	if err := CtxErr(ctx); err != nil {
		return nil, err
	}
	t.mu.RLock()
	x := t.m[id]
	t.mu.RUnlock()
	if x == nil {
		return nil, fmt.Errorf("memstore: %s: %w", t.what, gongwei.ErrNotFound)
	}
	return t.clone(x), nil
}

// Put stores a copy of x if the stored version of its ID is prev (0: the ID is not
// stored); otherwise it fails with an error wrapping gongwei.ErrConflict.
func (t *Table[K, T]) Put(ctx context.Context, x *T, prev int64) error {
	if err := CtxErr(ctx); err != nil {
		return err
	}
	c := t.clone(x)
	id := t.key(c)
	t.mu.Lock()
	defer t.mu.Unlock()
	old := t.m[id]
	var stored int64
	if old != nil {
		stored = t.version(old)
	}
	if old != nil && t.strict && prev == 0 {
		return fmt.Errorf("memstore: %s: the ID is stored already: %w", t.what, gongwei.ErrConflict)
	}
	if stored != prev {
		return fmt.Errorf("memstore: %s: stored version %d, expected %d: %w", t.what, stored, prev, gongwei.ErrConflict)
	}
	for _, check := range t.checks {
		if err := check(old, c); err != nil {
			return err
		}
	}
	for _, apply := range t.applies {
		apply(old, c)
	}
	t.m[id] = c
	return nil
}

// All streams copies of the records for which match is true, in the table's order.
func (t *Table[K, T]) All(ctx context.Context, match func(*T) bool) iter.Seq2[*T, error] {
	return t.stream(ctx, func(add func(*T)) {
		for _, x := range t.m {
			add(x)
		}
	}, match)
}

// stream selects under the read lock the records pick offers and match accepts, sorts
// them, and yields copies without holding the lock. Stored records are never changed in
// place (a put replaces the pointer), so the selection may be read after the lock is
// released.
func (t *Table[K, T]) stream(ctx context.Context, pick func(add func(*T)), match func(*T) bool) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if err := CtxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		var sel []*T
		t.mu.RLock()
		pick(func(x *T) {
			if x != nil && match(x) {
				sel = append(sel, x)
			}
		})
		t.mu.RUnlock()
		slices.SortFunc(sel, t.order)
		for _, x := range sel {
			if err := CtxErr(ctx); err != nil {
				yield(nil, err)
				return
			}
			if !yield(t.clone(x), nil) {
				return
			}
		}
	}
}

// Index groups the IDs of a table's records by a field of the record. Create one with
// [NewIndex].
type Index[G comparable, K cmp.Ordered, T any] struct {
	t   *Table[K, T]
	of  func(*T) G
	ids map[G][]K
}

// NewIndex returns the index of t by the field of grouping of, kept by every later put
// to t. Create it before the first put.
func NewIndex[G comparable, K cmp.Ordered, T any](t *Table[K, T], of func(*T) G) *Index[G, K, T] {
	x := &Index[G, K, T]{t: t, of: of, ids: map[G][]K{}}
	t.applies = append(t.applies, x.apply)
	return x
}

func (x *Index[G, K, T]) apply(old, rec *T) {
	g, id := x.of(rec), x.t.key(rec)
	if old != nil {
		og := x.of(old)
		if og == g {
			return
		}
		ids := slices.DeleteFunc(x.ids[og], func(y K) bool { return y == id })
		if len(ids) == 0 {
			delete(x.ids, og)
		} else {
			x.ids[og] = ids
		}
	}
	x.ids[g] = append(x.ids[g], id)
}

// Select streams like [Table.All] the records for which match is true; when g is not
// the zero value, only those of group g are read.
func (x *Index[G, K, T]) Select(ctx context.Context, g G, match func(*T) bool) iter.Seq2[*T, error] {
	var zero G
	if g == zero {
		return x.t.All(ctx, match)
	}
	return x.t.stream(ctx, func(add func(*T)) {
		for _, id := range x.ids[g] {
			add(x.t.m[id])
		}
	}, match)
}

// Unique is a field of a table's records that no two records share (the zero value
// excepted). Create one with [NewUnique].
type Unique[U comparable, K cmp.Ordered, T any] struct {
	t   *Table[K, T]
	of  func(*T) U
	ids map[U]K
	dup error
}

// NewUnique returns the unique field of of t, held by every later put to t: a put that
// would give a second record the value fails with dup. Create it before the first put.
func NewUnique[U comparable, K cmp.Ordered, T any](t *Table[K, T], of func(*T) U, dup error) *Unique[U, K, T] {
	x := &Unique[U, K, T]{t: t, of: of, ids: map[U]K{}, dup: dup}
	t.checks = append(t.checks, x.check)
	t.applies = append(t.applies, x.apply)
	return x
}

func (x *Unique[U, K, T]) check(_, rec *T) error {
	if other, ok := x.ids[x.of(rec)]; ok && other != x.t.key(rec) {
		return x.dup
	}
	return nil
}

func (x *Unique[U, K, T]) apply(old, rec *T) {
	var zero U
	if old != nil && x.of(old) != x.of(rec) {
		delete(x.ids, x.of(old))
	}
	if u := x.of(rec); u != zero {
		x.ids[u] = x.t.key(rec)
	}
}

// Get returns a copy of the record whose field is u, or an error wrapping
// gongwei.ErrNotFound (always so for the zero value).
func (x *Unique[U, K, T]) Get(ctx context.Context, u U) (*T, error) {
	if err := CtxErr(ctx); err != nil {
		return nil, err
	}
	var zero U
	x.t.mu.RLock()
	var rec *T
	if id, ok := x.ids[u]; ok && u != zero {
		rec = x.t.m[id]
	}
	x.t.mu.RUnlock()
	if rec == nil {
		return nil, fmt.Errorf("memstore: %s: %w", x.t.what, gongwei.ErrNotFound)
	}
	return x.t.clone(rec), nil
}

// Batch is the Batch method of every memstore (gongwei.Batcher): it calls f with ctx. An
// in-memory store applies each write at once, so a batch is not all-or-nothing there:
// the writes f made before it failed stay.
func Batch(ctx context.Context, f func(ctx context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f(ctx)
}
