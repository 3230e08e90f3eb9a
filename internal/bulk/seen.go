package bulk

import (
	"context"
	"sync"
)

// Records known to exist
//
// While a chunk is being saved, its context carries the keys of the records the chunk
// has found or stored: a service checking that a record it refers to exists (the
// resident of a follow-up, of a dose, of a timeline event) asks Seen first and reads
// the store only for a key not seen yet. Stores never delete records, so a record seen
// in the chunk's batch exists until the batch ends; the set is made afresh for every
// attempt of a chunk and dies with it, so a rolled-back chunk leaves nothing behind.
// Outside an import, Seen is always false and Saw does nothing.
//
// A service may also keep, with Remember, its own copy of what it needs of a record it
// stored or read in the chunk (the patient a follow-up is classified against, the child
// a visit is checked against), and Recall it instead of reading the record again. It
// must remember a copy it will not change, and remember again whenever it stores the
// record anew in the chunk.

type seenKey struct{}

type key struct{ kind, id string }

type seenSet struct {
	mu sync.Mutex
	m  map[key]any
}

// withSeen returns ctx carrying a new, empty set of seen records.
func withSeen(ctx context.Context) context.Context {
	return context.WithValue(ctx, seenKey{}, &seenSet{m: make(map[key]any)})
}

// Seen reports whether the import whose chunk ctx belongs to has seen the record of the
// given kind ("resident") and ID stored.
func Seen(ctx context.Context, kind, id string) bool {
	s, _ := ctx.Value(seenKey{}).(*seenSet)
	if s == nil {
		return false
	}
	s.mu.Lock()
	_, ok := s.m[key{kind, id}]
	s.mu.Unlock()
	return ok
}

// Saw notes, for the chunk ctx belongs to, that the record of the given kind and ID is
// stored (found by a lookup, or stored by the chunk's batch).
func Saw(ctx context.Context, kind, id string) {
	s, _ := ctx.Value(seenKey{}).(*seenSet)
	if s == nil {
		return
	}
	s.mu.Lock()
	if _, ok := s.m[key{kind, id}]; !ok {
		s.m[key{kind, id}] = nil
	}
	s.mu.Unlock()
}

// Remember keeps v, the caller's own copy of (part of) the record of the given kind
// and ID, for the chunk ctx belongs to; it also notes the record as seen.
func Remember(ctx context.Context, kind, id string, v any) {
	s, _ := ctx.Value(seenKey{}).(*seenSet)
	if s == nil {
		return
	}
	s.mu.Lock()
	s.m[key{kind, id}] = v
	s.mu.Unlock()
}

// Recall returns what Remember kept for the record of the given kind and ID in the
// chunk ctx belongs to, if anything.
func Recall(ctx context.Context, kind, id string) (any, bool) {
	s, _ := ctx.Value(seenKey{}).(*seenSet)
	if s == nil {
		return nil, false
	}
	s.mu.Lock()
	v := s.m[key{kind, id}]
	s.mu.Unlock()
	return v, v != nil
}
