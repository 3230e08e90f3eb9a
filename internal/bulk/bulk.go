// Package bulk is the one implementation of importing a stream of records through the
// services (the Import methods of healthrecord.Registry, chronic.Service, ...,
// and internal/synth's county loads): chunking, batching in the store's transactions
// (gongwei.Batcher), idempotence by the record's key, and the per-record report
// (gongwei.ImportReport).
//
// An import reads the stream into chunks of records and saves each chunk in one batch
// of the store (one transaction in a database). Every record goes through the same
// service method as a single write, with the batch's context, so it is validated,
// normalised, classified and put on the timeline exactly as alone. A record the service
// rejects (invalid, a duplicate of another record's unique key, referring to a missing
// record) is reported with its position and kind and the import goes on; a record
// already stored under its key, identically, is skipped and counted (InsertSame; the
// county loads of internal/synth, whose records are generated, use Insert, which skips
// on the key alone); any other failure (a store
// error, a cancelled context) rolls the chunk back (on a store whose batches are
// all-or-nothing) and stops the import, whose report then says how far it got.
package bulk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
)

// DefaultChunk is the number of records (or groups of records) saved in one batch.
// Larger chunks amortise the transaction's commit (an fsync on SQLite); a thousand keeps
// a chunk's rollback small and its transaction short.
const DefaultChunk = 1000

// Outcome is what became of a record that was not rejected.
type Outcome int

const (
	// Stored: the record was newly stored.
	Stored Outcome = iota
	// Skipped: the record was stored already, under its key, and left as it was.
	Skipped
)

// Item is one record of an import.
type Item struct {
	// Kind names the record type for the report ("chronic.Visit").
	Kind string
	// Group keeps records together: consecutive items of the same Group are saved in
	// the same chunk (a resident with all their records). Chunks are counted in groups.
	Group int
	// Save saves the record with the context it is given (which carries the batch)
	// and says whether it was stored or skipped; see Insert.
	Save func(ctx context.Context) (Outcome, error)
}

// Records turns a stream of records of one kind into items, each its own group, saved
// by save.
func Records[T any](seq iter.Seq[T], kind string, save func(ctx context.Context, x T) (Outcome, error)) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		i := 0
		for x := range seq {
			if !yield(Item{Kind: kind, Group: i, Save: func(ctx context.Context) (Outcome, error) { return save(ctx, x) }}) {
				return
			}
			i++
		}
	}
}

// Insert saves a new record idempotently: it calls save (the service's single-record
// method, which stores the record with version 1 over version 0) and, when the store
// refuses the insert because the key is taken (gongwei.ErrConflict or
// gongwei.ErrDuplicate), asks stored whether the record's own key is stored: then the
// record was stored before and is Skipped; otherwise another record holds one of its
// unique keys and the error is returned (a rejection). version is the record's Version
// as given: an import only inserts, so another version is rejected (CodeNotAllowed).
func Insert(ctx context.Context, kind string, version int64, save func(ctx context.Context) error, stored func(ctx context.Context) (bool, error)) (Outcome, error) {
	if version != 0 {
		ve := &gongwei.ValidationError{Record: kind}
		ve.Add("Version", gongwei.CodeNotAllowed)
		return Stored, ve
	}
	err := save(ctx)
	if err == nil {
		return Stored, nil
	}
	if !errors.Is(err, gongwei.ErrConflict) && !errors.Is(err, gongwei.ErrDuplicate) {
		return Stored, err
	}
	if cerr := ctx.Err(); cerr != nil {
		return Stored, cerr
	}
	ok, serr := stored(ctx)
	if serr != nil {
		return Stored, serr
	}
	if ok {
		return Skipped, nil
	}
	return Stored, err
}

// Exists turns a lookup into the stored function of Insert: true when get finds the
// record, false when it fails with gongwei.ErrNotFound, its error otherwise.
func Exists[T any](get func(ctx context.Context) (T, error)) func(ctx context.Context) (bool, error) {
	return func(ctx context.Context) (bool, error) {
		_, err := get(ctx)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, gongwei.ErrNotFound):
			return false, nil
		}
		return false, err
	}
}

// rejects reports whether err, returned by saving one record, rejects that record (the
// import goes on) rather than stopping the import.
func rejects(err error) bool {
	return errors.Is(err, gongwei.ErrInvalid) || errors.Is(err, gongwei.ErrDuplicate) ||
		errors.Is(err, gongwei.ErrConflict) || errors.Is(err, gongwei.ErrNotFound)
}

// Run imports items into the store family of store (whose gongwei.Batcher, if any,
// makes each chunk one batch), chunk groups at a time (DefaultChunk when chunk <= 0). It
// returns the report and, when the import stopped early, the error that stopped it
// (wrapping the context's error when ctx was cancelled); the report is never nil.
func Run(ctx context.Context, store any, chunk int, items iter.Seq[Item]) (*gongwei.ImportReport, error) {
	if chunk <= 0 {
		chunk = DefaultChunk
	}
	rep := &gongwei.ImportReport{}
	var buf []Item
	groups := 0
	var stop error
	flush := func() bool {
		if len(buf) == 0 {
			return true
		}
		if err := runChunk(ctx, store, rep, buf); err != nil {
			stop = err
			return false
		}
		buf, groups = buf[:0], 0
		return true
	}
	for it := range items {
		if len(buf) > 0 && it.Group != buf[len(buf)-1].Group {
			if groups >= chunk && !flush() {
				break
			}
		}
		if len(buf) == 0 || it.Group != buf[len(buf)-1].Group {
			groups++
		}
		buf = append(buf, it)
		rep.Read++
	}
	if stop == nil {
		flush()
	}
	return rep, stop
}

// runChunk saves one chunk in one batch and, when the batch commits, adds its outcomes
// to rep. A failure leaves rep as it was but for Read.
func runChunk(ctx context.Context, store any, rep *gongwei.ImportReport, buf []Item) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	var stored, skipped int
	var rejected []gongwei.ImportProblem
	err := gongwei.Batch(ctx, store, func(ctx context.Context) error {
		ctx = withSeen(ctx)
		stored, skipped, rejected = 0, 0, rejected[:0]
		for i, it := range buf {
			if err := ctx.Err(); err != nil {
				return err
			}
			out, err := it.Save(ctx)
			switch {
			case err == nil && out == Skipped:
				skipped++
			case err == nil:
				stored++
			case ctx.Err() == nil && rejects(err):
				rejected = append(rejected, gongwei.ImportProblem{Index: rep.Done + i, Kind: it.Kind, Err: err})
			default:
				return err
			}
		}
		return nil
	})
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return fmt.Errorf("import: %w: %w", cerr, err)
		}
		return fmt.Errorf("import: %w", err)
	}
	rep.Done += len(buf)
	rep.Stored += stored
	rep.Skipped += skipped
	rep.Rejected = append(rep.Rejected, rejected...)
	return nil
}

// Capture keeps the last record a service handed to its store's put: an Import method
// runs its service over a store that captures the records put, so that InsertSame can
// compare what the service prepared with what is stored.
type Capture[T any] struct {
	x  T
	ok bool
}

// Keep keeps x, the record being put.
func (c *Capture[T]) Keep(x T) { c.x, c.ok = x, true }

// Take returns the record kept, if any, and forgets it.
func (c *Capture[T]) Take() (T, bool) {
	x, ok := c.x, c.ok
	var zero T
	c.x, c.ok = zero, false
	return x, ok
}

// InsertSame is Insert for records whose content can be compared: save stores the
// record through a service whose store captures the records put (c), and when the
// store refuses the insert because the key is taken, get reads the stored record. The
// record is Skipped when the stored one is identical (the same JSON encoding, version
// included) to what the service prepared; otherwise the key belongs to a record stored
// with other content (changed since, or another record with the same key), and the
// import rejects this one with an error wrapping gongwei.ErrConflict rather than
// overwrite or drop it silently. get failing with gongwei.ErrNotFound means another
// record holds one of its unique keys: save's error is returned (a rejection).
func InsertSame[T any](ctx context.Context, kind string, version int64, c *Capture[T], save func(ctx context.Context) error, get func(ctx context.Context) (T, error)) (Outcome, error) {
	if version != 0 {
		ve := &gongwei.ValidationError{Record: kind}
		ve.Add("Version", gongwei.CodeNotAllowed)
		return Stored, ve
	}
	c.Take()
	err := save(ctx)
	if err == nil {
		c.Take()
		return Stored, nil
	}
	prepared, ok := c.Take()
	if !errors.Is(err, gongwei.ErrConflict) && !errors.Is(err, gongwei.ErrDuplicate) {
		return Stored, err
	}
	if cerr := ctx.Err(); cerr != nil {
		return Stored, cerr
	}
	stored, gerr := get(ctx)
	switch {
	case errors.Is(gerr, gongwei.ErrNotFound):
		return Stored, err
	case gerr != nil:
		return Stored, gerr
	}
	if ok && sameJSON(prepared, stored) {
		return Skipped, nil
	}
	return Stored, fmt.Errorf("import: %s: %w", kind, ErrStoredOtherwise)
}

// ErrStoredOtherwise reports an imported record whose key is stored already, with
// other content. It wraps gongwei.ErrConflict.
var ErrStoredOtherwise = fmt.Errorf("stored already with other content: %w", gongwei.ErrConflict)

// sameJSON reports whether a and b encode to the same JSON.
func sameJSON(a, b any) bool {
	x, err := json.Marshal(a)
	if err != nil {
		return false
	}
	y, err := json.Marshal(b)
	return err == nil && bytes.Equal(x, y)
}
