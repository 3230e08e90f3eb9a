package bulk

import (
	"context"
	"sync"
)

// Records read once per chunk
//
// While a chunk is being saved, its context carries the records the chunk has stored or
// read that the services refer to again and again: the resident of every follow-up,
// dose and timeline event, the registration of every dose, the child of every visit, the
// patient of every follow-up. A service keeps its own copy with Remember (after storing
// or reading the record) and finds it with Recall or Lookup instead of reading the store
// again. Stores never delete records, and a chunk's batch sees its own writes, so a copy
// kept in the chunk stays true until the chunk ends, provided the service remembers the
// record again whenever it stores it anew. The set is made afresh for every attempt of a
// chunk and dies with it, so a rolled-back chunk leaves nothing behind. Outside an
// import, Recall finds nothing and Remember does nothing.

type seenKey struct{}

type key struct{ kind, id string }

type seenSet struct {
	mu sync.Mutex
	m  map[key]any
}

// withSeen returns ctx carrying a new, empty set of remembered records.
func withSeen(ctx context.Context) context.Context {
	return context.WithValue(ctx, seenKey{}, &seenSet{m: make(map[key]any)})
}

// Remember keeps v, the caller's own copy of (part of) the record of the given kind
// ("resident") and ID, for the chunk ctx belongs to.
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
	v, ok := s.m[key{kind, id}]
	s.mu.Unlock()
	return v, ok && v != nil
}

// Lookup returns the record of the given kind and ID for reading only: what Remember
// kept in the chunk ctx belongs to, or else get's result, of which it remembers
// keep's copy. The caller must not change what it returns.
func Lookup[T any](ctx context.Context, kind, id string, get func() (T, error), keep func(T) T) (T, error) {
	if x, ok := Recall(ctx, kind, id); ok {
		if v, ok := x.(T); ok {
			return v, nil
		}
	}
	v, err := get()
	if err == nil {
		Remember(ctx, kind, id, keep(v))
	}
	return v, err
}
