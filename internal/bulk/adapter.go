package bulk

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
)

// The Import methods of the services
//
// Every Import method of a domain service is one call of Import: the service runs over
// a store that captures the records put (a captureStore embedding the service's Store,
// whose Put methods are each one call of Put), and Import saves each record of the
// stream through the service's single-record method, idempotently by the record's key
// (InsertSame).

// Kind describes how one record type of a service is imported.
type Kind[T any] struct {
	// Name names the record type for the report ("chronic.Visit").
	Name string
	// Version returns the record's Version as given (an import only inserts).
	Version func(T) int64
	// Capture is the capturing store's capture of this record type.
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
	return Run(ctx, store, 0, Records(xs, k.Name, func(ctx context.Context, x T) (Outcome, error) {
		return InsertSame(ctx, k.Name, k.Version(x), k.Capture, func(ctx context.Context) error { return k.Save(ctx, x) },
			func(ctx context.Context) (T, error) { return k.Get(ctx, x) })
	}))
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
