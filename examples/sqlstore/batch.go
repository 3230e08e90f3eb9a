package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/gongwei-lib/gongwei"
)

// Batches
//
// Every domain store of a DB implements gongwei.Batcher through [DB.Batch]: the writes
// (and reads) made with the context a batch gives run in one transaction of the DB, so a
// chunk of residents with all their records, of every domain, is one commit. The
// transaction travels in the context; every write path of the store (putRow, the
// timeline, a resident's tags) looks for it there and joins it, and begins a
// transaction of its own only outside a batch. Statements are prepared once per DB and
// bound to a transaction with tx.StmtContext, once per transaction.

// txKey is the context key of the transaction of a batch.
type txKey struct{}

// txn is a transaction of the store: a batch's or a single write's. It binds the DB's
// prepared statements to the transaction, once each.
type txn struct {
	db *DB
	tx *sql.Tx

	// quiet is the context the transaction's statements run with: the values of the
	// context the transaction began with, without its cancellation (see exec).
	quiet context.Context

	// batch is set for the transaction of a batch (DB.Batch), which keeps the
	// timeline of the residents it inserts in tl until it commits
	// (timeline_batch.go).
	batch bool

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	tl    timelineBatch

	// dw, in a batch on PostgreSQL, keeps the inserts deferred to the batch's end
	// (deferred.go); nil otherwise.
	dw *deferredWrites
}

// newTxn returns the store's transaction of tx, begun with ctx.
func newTxn(ctx context.Context, db *DB, tx *sql.Tx, batch bool) *txn {
	return &txn{db: db, tx: tx, batch: batch, quiet: context.WithoutCancel(ctx)}
}

// txOf returns the transaction of db that ctx carries, or nil.
func (db *DB) txOf(ctx context.Context) *txn {
	t, _ := ctx.Value(txKey{}).(*txn)
	if t == nil || t.db != db {
		return nil
	}
	return t
}

// prepared returns the statement of query q (written with ? placeholders), prepared on
// the DB once and kept for the DB's life.
func (db *DB) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := db.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.sql.PrepareContext(ctx, db.d.rebind(db.d.rawBodies(q)))
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// stmt returns the DB's statement of q bound to the transaction, after writing the
// rows deferred in the batch that q may read or change.
func (t *txn) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if err := t.before(ctx, q, nil); err != nil {
		return nil, err
	}
	return t.bound(ctx, q)
}

// bound returns the DB's statement of q bound to the transaction.
func (t *txn) bound(ctx context.Context, q string) (*sql.Stmt, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	p, err := t.db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	st := t.tx.StmtContext(ctx, p)
	if t.stmts == nil {
		t.stmts = make(map[string]*sql.Stmt)
	}
	t.stmts[q] = st
	return st, nil
}

// exec runs the statement q in the transaction.
//
// The statement runs with the transaction's context without its cancellation (t.quiet;
// ctx's cancellation is checked here first): the transaction itself is rolled back
// when ctx is cancelled (database/sql watches the context it began with), and SQLite's
// driver would otherwise start a goroutine per statement to watch ctx. Statements in a
// transaction are point writes and lookups, short enough not to need interrupting.
func (t *txn) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if t.dw != nil {
		kept, err := t.deferExec(ctx, q, args)
		if err != nil {
			return nil, err
		}
		if kept {
			return keptResult{}, nil
		}
	}
	st, err := t.bound(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.quiet, args...)
}

// Batch implements gongwei.Batcher for every domain store of db: f's writes through
// any of them with the context f is given are one transaction, committed when f
// returns nil and rolled back otherwise (or when ctx is cancelled, or f panics). A Batch
// inside a batch of the same DB joins it. On SQLite the transaction takes the writer
// lock when it begins (BEGIN IMMEDIATE, waiting up to busy_timeout for it), so other
// writers wait for the batch to commit; readers do not (WAL).
//
// Inside a batch, streams read their rows before yielding the first (PostgreSQL cannot
// run a statement on a connection while another's rows are open), so a stream in a
// batch holds its result in memory: keep such queries small (one resident's records).
//
// On PostgreSQL, with [DB.DeferWrites] on, the inserts of the records of residents the
// batch itself inserted are written together when it commits (see deferred.go).
func (db *DB) Batch(ctx context.Context, f func(ctx context.Context) error) (err error) {
	if db.txOf(ctx) != nil {
		return f(ctx)
	}
	const op = "batch"
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	release, err := db.writeTurn(ctx, op)
	if err != nil {
		return err
	}
	defer release()
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return db.fail(ctx, op, err)
	}
	t := newTxn(ctx, db, tx, true)
	atOnce := db.atOnce.Load()
	if db.d == postgres && db.deferWrites.Load() && !atOnce {
		t.dw = &deferredWrites{}
	}
	done := false
	defer func() {
		if !done {
			_ = tx.Rollback()
		}
	}()
	fail := func(err error) error {
		done = true
		_ = tx.Rollback()
		if t.dw != nil && t.dw.failed {
			db.atOnce.Store(true)
		}
		return err
	}
	if err := f(context.WithValue(ctx, txKey{}, t)); err != nil {
		return fail(err)
	}
	if err := t.writeAllKept(ctx); err != nil {
		return fail(err)
	}
	if err := t.flushEvents(ctx); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("sqlstore: %s: %w", op, err))
	}
	done = true
	if err := tx.Commit(); err != nil {
		return db.fail(ctx, "commit "+op, err)
	}
	if atOnce {
		db.atOnce.Store(false)
	}
	return nil
}

// write runs f in the transaction of the batch ctx carries, or else in a transaction
// of its own, committed when f returns nil and rolled back otherwise.
func (db *DB) write(ctx context.Context, op string, f func(t *txn) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	if t := db.txOf(ctx); t != nil {
		return f(t)
	}
	return db.inTx(ctx, op, func(tx *sql.Tx) error { return f(newTxn(ctx, db, tx, false)) })
}

// queryRow runs a query selecting one row with the DB's prepared statement, in the
// batch's transaction when ctx carries one, and scans it into dest.
func (db *DB) queryRow(ctx context.Context, q string, args []any, dest ...any) error {
	var st *sql.Stmt
	var err error
	qctx := ctx
	if t := db.txOf(ctx); t != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
		if readsTimeline(q) {
			if err := t.flushEvents(ctx); err != nil {
				return err
			}
		}
		if err := t.before(ctx, q, args); err != nil {
			return err
		}
		st, err = t.bound(ctx, q)
		qctx = t.quiet // as txn.exec
	} else {
		st, err = db.prepared(ctx, q)
	}
	if err != nil {
		return err
	}
	return st.QueryRowContext(qctx, args...).Scan(dest...)
}

// readRowsTx reads every row of a query in the batch's transaction, each as scan
// reads it (streamRows decodes them after). The query's pending timeline events are
// written first when it reads the timeline.
func readRowsTx[R any](ctx context.Context, t *txn, op, query string, args []any, scan func(*sql.Rows) (R, error)) ([]R, error) {
	db := t.db
	if readsTimeline(query) {
		if err := t.flushEvents(ctx); err != nil {
			return nil, err
		}
	}
	if err := t.before(ctx, query, args); err != nil {
		return nil, db.fail(ctx, op, err)
	}
	st, err := t.bound(ctx, query)
	if err != nil {
		return nil, db.fail(ctx, op, err)
	}
	rows, err := st.QueryContext(t.quiet, args...) // as txn.exec
	if err != nil {
		return nil, db.fail(ctx, op, err)
	}
	var raws []R
	for rows.Next() {
		raw, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, db.fail(ctx, op, err)
		}
		raws = append(raws, raw)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, db.fail(ctx, op, err)
	}
	return raws, nil
}

// The domain stores are Batchers of their DB.
var (
	_ gongwei.Batcher = (*DB)(nil)
	_ gongwei.Batcher = (*HealthRecordStore)(nil)
	_ gongwei.Batcher = (*ChronicStore)(nil)
	_ gongwei.Batcher = (*MaternalStore)(nil)
	_ gongwei.Batcher = (*ChildStore)(nil)
	_ gongwei.Batcher = (*ImmunizationStore)(nil)
	_ gongwei.Batcher = (*SupervisionStore)(nil)
	_ gongwei.Batcher = (*EducationStore)(nil)
)
