package sqlstore

import (
	"context"
	"iter"
)

// records describes the records of type T one table holds: the table (its name, the
// record's name for errors and its indexed columns), the plural that names its streams
// ("stream chronic patients") and row, which gives a record's ID, its version and the
// values of the table's indexed columns in order. A store's get, put and stream methods
// are then one call each, with the same queries a hand-written method would run.
type records[T any] struct {
	*table
	list string
	row  func(x *T) (id string, version int64, vals []any)

	// fix, when set, adjusts each record read (get and stream) after decoding.
	fix func(*T)
}

// newRecords describes the table name holding records of type T: what names one record
// in errors, list names them in the plural, cols are the indexed columns besides id,
// version and body, whose values row gives in the same order.
func newRecords[T any](name, what, list string, cols []string, row func(x *T) (string, int64, []any)) *records[T] {
	return &records[T]{table: newTable(name, what, cols...), list: list, row: row}
}

// get reads the record with the given id, or fails with gongwei.ErrNotFound.
func (r *records[T]) get(ctx context.Context, db *DB, id string) (*T, error) {
	x, err := getRow[T](ctx, db, r.table, id)
	if err != nil || r.fix == nil {
		return x, err
	}
	r.fix(x)
	return x, nil
}

// put writes x with putRow inside db.write (joining the batch ctx carries): an insert
// when prev is 0 and an update of version prev otherwise.
func (r *records[T]) put(ctx context.Context, db *DB, x *T, prev int64) error {
	id, version, vals := r.row(x)
	return db.write(ctx, "put "+r.what, func(tx *txn) error {
		return putRow(ctx, db, tx, r.table, id, version, prev, x, vals...)
	})
}

// query starts the SELECT of the table's bodies, for the filters to add conditions to.
func (r *records[T]) query() query { return query{base: "SELECT body FROM " + r.name} }

// stream runs q ordered by order and yields its records (see stream).
func (r *records[T]) stream(ctx context.Context, db *DB, q query, order string) iter.Seq2[*T, error] {
	seq := stream[T](ctx, db, "stream "+r.list, q.sql(order), q.args...)
	if r.fix == nil {
		return seq
	}
	return func(yield func(*T, error) bool) {
		for x, err := range seq {
			if err == nil {
				r.fix(x)
			}
			if !yield(x, err) {
				return
			}
		}
	}
}

// fixed returns r with fix applied to each record read.
func (r *records[T]) fixed(fix func(*T)) *records[T] {
	r.fix = fix
	return r
}

// store is what every domain store holds: its DB. It gives each store the Batch method
// of gongwei.Batcher.
type store struct {
	db *DB
}

// Batch implements gongwei.Batcher: see [DB.Batch].
func (s store) Batch(ctx context.Context, f func(context.Context) error) error {
	return s.db.Batch(ctx, f)
}
