package gongwei

import (
	"context"
	"fmt"
)

// Batcher is an optional capability of a store: writing many records together. A store
// may implement it besides its package's Store interface, as an fs.FS may implement
// fs.ReadDirFS; the services find it with a type assertion ([Batch] does) and otherwise
// write record by record, with the same results.
//
// Batch calls f with a context that carries the batch. The writes f makes through stores
// of the same family with that context (in a database, every store sharing the
// connection pool: the health record's, chronic diseases', ...) are committed together
// when f returns nil, and none of them is kept when f returns an error, panics or the
// context is cancelled: Batch then returns f's error (or the context's). Reads made with
// that context see the batch's own writes. The versions of the records still compare
// and swap inside a batch: a put with a stale version fails as it would alone, and f
// decides whether to go on.
//
// A Batch called with a context already carrying a batch of the same family joins it:
// its writes are committed with the outer batch's. A store that cannot make the writes
// all-or-nothing (an in-memory store that applies each write at once) may still
// implement Batcher, and says so in its documentation; a caller that must know what a
// failed batch left behind then reads it back.
type Batcher interface {
	Batch(ctx context.Context, f func(ctx context.Context) error) error
}

// Batch runs f in a batch of store when store implements [Batcher], and calls f(ctx)
// directly otherwise.
func Batch(ctx context.Context, store any, f func(ctx context.Context) error) error {
	if b, ok := store.(Batcher); ok {
		return b.Batch(ctx, f)
	}
	return f(ctx)
}

// ImportReport is the outcome of importing a stream of records through a service (an
// Import method): how far it got, what it stored, what it found already stored and which
// records it rejected and why. It holds positions, record kinds and validation codes,
// never a record's content, so it can be logged and shown.
type ImportReport struct {
	// Read is the number of records taken from the stream.
	Read int
	// Done is the number of records, from the start of the stream, whose outcome is
	// final: stored and committed, found already stored, or rejected. When an import
	// stops early (a cancelled context, a failing store), the records from position
	// Done on were not committed; importing the same stream again completes it.
	Done int
	// Stored is the number of records newly stored.
	Stored int
	// Skipped is the number of records already stored under their key exactly as the
	// import would store them (by an earlier, perhaps interrupted, run of the import):
	// they were left as stored. A record stored under its key with other content is
	// rejected instead (ErrConflict).
	Skipped int
	// Rejected lists the records not stored, in stream order.
	Rejected []ImportProblem
}

// Complete reports whether every record read was given its final outcome.
func (r *ImportReport) Complete() bool { return r.Done == r.Read }

// Add adds the counts and rejections of o, an import of the records that follow r's in
// the stream: o's positions are shifted by r.Read.
func (r *ImportReport) Add(o *ImportReport) {
	for _, p := range o.Rejected {
		p.Index += r.Read
		r.Rejected = append(r.Rejected, p)
	}
	if r.Done == r.Read {
		r.Done += o.Done
	}
	r.Read += o.Read
	r.Stored += o.Stored
	r.Skipped += o.Skipped
}

// String summarises the report in one line, without any record's content.
func (r *ImportReport) String() string {
	return fmt.Sprintf("read %d, done %d: stored %d, already stored %d, rejected %d", r.Read, r.Done, r.Stored, r.Skipped, len(r.Rejected))
}

// ImportProblem is one record an import rejected.
type ImportProblem struct {
	// Index is the record's position in the stream, from 0.
	Index int
	// Kind names the record type, as a ValidationError's Record does:
	// "healthrecord.Resident", "chronic.Visit", ...
	Kind string
	// Err is why: an error wrapping a *ValidationError (errors.As gives every field
	// problem; errors.Is(Err, ErrInvalid) holds), or one wrapping ErrDuplicate (another
	// record holds one of its unique keys), ErrConflict (a record is stored under its
	// key with other content: the import does not overwrite it) or ErrNotFound (a
	// record it refers to is missing). It never carries the record's content.
	Err error
}

// Error returns the position, the kind and the reason.
func (p ImportProblem) Error() string {
	return fmt.Sprintf("record %d (%s): %v", p.Index, p.Kind, p.Err)
}

// Unwrap returns Err.
func (p ImportProblem) Unwrap() error { return p.Err }
