package bulk

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
)

// The Import methods of the services
//
// Every Import method of a domain service is one call of Import, which saves each
// record of the stream through the service's single-record method, idempotently by the
// record's key (InsertSame). To compare what the service prepared with what is stored,
// the service puts each record through PutKeeping (which hands it to Keep, a no-op
// outside an import), or runs over a store whose Put methods each call Put (a store
// that captures the records put).

// Kind describes how one record type of a service is imported.
type Kind[T any] struct {
	// Name names the record type for the report ("chronic.Visit").
	Name string
	// Version returns the record's Version as given (an import only inserts).
	Version func(T) int64
	// Capture is the capturing store's capture of this record type; nil when the
	// service hands the records it puts to Keep.
	Capture *Capture[T]
	// Save saves one record through the service over the capturing store.
	Save func(ctx context.Context, x T) error
	// Get reads the stored record under x's key (the ID the service assigns when x has
	// none).
	Get func(ctx context.Context, x T) (T, error)
}

// Import imports xs into the store family of store through k (Run with DefaultChunk,
// each record saved by InsertSame).
func Import[T any](ctx context.Context, store any, xs iter.Seq[T], k Kind[T]) (*gongwei.ImportReport, error) {
	c := k.Capture
	if c == nil {
		c = new(Capture[T])
		ctx = context.WithValue(ctx, captureKey[T]{}, c)
	}
	return Run(ctx, store, 0, Records(xs, k.Name, func(ctx context.Context, x T) (Outcome, error) {
		return InsertSame(ctx, k.Name, k.Version(x), c, func(ctx context.Context) error { return k.Save(ctx, x) },
			func(ctx context.Context) (T, error) { return k.Get(ctx, x) })
	}))
}

// captureKey is the context key of an import's capture of records of type T.
type captureKey[T any] struct{}

// Keep hands x, a record the service is about to put, to the capture of the import
// running in ctx (Import), if any: a service calls it just before each put of a record
// type it imports.
func Keep[T any](ctx context.Context, x T) {
	if c, ok := ctx.Value(captureKey[T]{}).(*Capture[T]); ok {
		c.Keep(x)
	}
}

// PutKeeping hands x to Keep and puts it with put over prev: the put of a service's
// write path, so that an import running in ctx captures what the service prepared.
func PutKeeping[T any](ctx context.Context, put func(ctx context.Context, x T, prev int64) error, x T, prev int64) error {
	Keep(ctx, x)
	return put(ctx, x, prev)
}

// Put is the body of a capturing store's Put method: it keeps x in c and puts it with
// put (the wrapped store's method).
func Put[T any](ctx context.Context, c *Capture[T], put func(ctx context.Context, x T, prev int64) error, x T, prev int64) error {
	c.Keep(x)
	return put(ctx, x, prev)
}

// KeyOr returns id, or when it is empty the key derive works out (the ID the service
// would assign to the record).
func KeyOr[K ~string](id K, derive func() K) K {
	if id == "" {
		return derive()
	}
	return id
}
