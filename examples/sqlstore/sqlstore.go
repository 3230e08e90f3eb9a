package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	fastjson "github.com/goccy/go-json"

	"github.com/gongwei-lib/gongwei"
)

// DB is a database holding gongwei's records, open on SQLite or PostgreSQL. It is safe
// for concurrent use by multiple goroutines. Create one with [Open]; the domain stores
// it serves ([DB.HealthRecord], ...) share its connection pool.
type DB struct {
	sql *sql.DB
	d   *dialect

	stmts sync.Map // query text (with ? placeholders) -> *sql.Stmt, prepared once

	// writers holds one token while a transaction of this DB writes to SQLite (nil on
	// PostgreSQL): see writeTurn.
	writers chan struct{}

	// deferWrites lets a batch on PostgreSQL keep its new residents' records and write
	// them at its end (DeferWrites, deferred.go).
	deferWrites atomic.Bool
	// atOnce makes the next batch run every statement when made (deferred.go).
	atOnce atomic.Bool
}

// DeferWrites turns the deferred writes of batches on or off (off when opened). With
// them on, a batch on PostgreSQL keeps the inserts of the records of the residents it
// inserted itself (their checkups, contracts, chronic cases and follow-ups,
// pregnancies, child records and visits, vaccinations, ...) and writes them at its end,
// many rows per INSERT, instead of one round trip per record: a bulk import of new
// residents runs about 1.4-1.8 times as fast (BENCHMARKS.md). Reads inside the batch
// see the kept records.
//
// The cost: such a record whose key turns out to be taken when the batch ends (two
// records of the import sharing an ID with a record stored before, which the services
// never write) cannot be reported as that record's rejection any more. The whole batch
// then fails and is rolled back (nothing of it is stored), with an error that is not a
// record's rejection, and the next batch of this DB runs every write at once. Import
// data that may hold such records with deferred writes off, so that each bad record is
// reported and the rest stored. SQLite is not affected: it always writes at once.
func (db *DB) DeferWrites(on bool) { db.deferWrites.Store(on) }

// Open opens the database named by dsn and brings its schema up to date (see the
// package doc, Migrations). The DSN selects the engine:
//
//   - "sqlite:PATH" (also "sqlite://PATH" and "sqlite:///ABSOLUTE/PATH"): an SQLite
//     file, created if absent. Query parameters of modernc.org/sqlite may follow a "?";
//     by default the store adds busy_timeout(60000), journal_mode(WAL),
//     synchronous(NORMAL), _txlock=immediate and mmap_size(2147418112), each unless the
//     DSN sets it.
//   - "file:PATH?...": an SQLite URI, passed to the driver with the same defaults.
//   - "postgres://..." or "postgresql://...": a PostgreSQL connection URL, passed to
//     pgx unchanged (its query parameters, such as sslmode or search_path, apply).
//
// An unsupported DSN fails with an error wrapping gongwei.ErrInvalid; an unreachable
// server, or a schema newer than this code, fails too. Errors never repeat the DSN,
// which may hold a password. Close the DB when done.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d, driverDSN, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	sdb, err := sql.Open(d.driver, driverDSN)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open %s: %w", d.name, err)
	}
	// A computation from the database (DB.Subjects) keeps a dozen queries open at once,
	// one per table: keep that many connections open between passes, so the next pass
	// finds them with their page caches warm instead of opening new ones.
	sdb.SetMaxIdleConns(idleConns)
	db := &DB{sql: sdb, d: d}
	if d == sqlite {
		db.writers = make(chan struct{}, 1)
	}
	if err := pingRetry(ctx, sdb); err != nil {
		sdb.Close()
		return nil, db.fail(ctx, "connect to "+d.name, err)
	}
	if err := db.migrate(ctx, migrationFS); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// idleConns is the number of idle connections the pool keeps: the scans of one
// computation (DB.Subjects) and a few more.
const idleConns = 16

// pingRetry connects, retrying a few times while SQLite reports the file busy: setting
// WAL mode on a new connection needs a lock that SQLite may refuse at once, without
// waiting out busy_timeout, while another connection holds it.
func pingRetry(ctx context.Context, sdb *sql.DB) error {
	var err error
	for attempt, wait := 0, 50*time.Millisecond; attempt < 8; attempt, wait = attempt+1, wait*2 {
		if err = sdb.PingContext(ctx); err == nil || !isBusy(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	return err
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// Close closes the database and its connections. Iterators still open fail.
func (db *DB) Close() error {
	db.stmts.Range(func(_, s any) bool {
		s.(*sql.Stmt).Close()
		return true
	})
	return db.sql.Close()
}

// SQL returns the underlying *sql.DB, for a host's own queries and reports. Do not
// change the tables of the store through it.
func (db *DB) SQL() *sql.DB { return db.sql }

// Dialect returns the engine: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.d.name }

// parseDSN picks the dialect of dsn and the DSN to give its driver.
func parseDSN(dsn string) (*dialect, string, error) {
	invalid := func(why string) error {
		return fmt.Errorf("sqlstore: DSN %s (want sqlite:PATH, file:PATH or postgres://...): %w", why, gongwei.ErrInvalid)
	}
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		if path == "" || path[0] == '?' {
			return nil, "", invalid("has no file path")
		}
		out, err := withSQLiteDefaults(path)
		if err != nil {
			return nil, "", invalid("has a malformed query")
		}
		return sqlite, out, nil
	case strings.HasPrefix(dsn, "file:"):
		if len(dsn) == len("file:") || dsn[len("file:")] == '?' {
			return nil, "", invalid("has no file path")
		}
		out, err := withSQLiteDefaults(dsn)
		if err != nil {
			return nil, "", invalid("has a malformed query")
		}
		return sqlite, out, nil
	}
	return nil, "", invalid("has an unsupported scheme")
}

// sqliteDefaults are the connection settings the store needs on SQLite: wait for the
// writer lock instead of failing at once, WAL so readers (open streams) never block
// writers, fewer fsyncs (still durable at checkpoints, never corrupt), transactions
// that take the writer lock when they begin, so a read-then-write never deadlocks, and
// reads through a memory map of the file (up to SQLite's limit of 2 GiB: larger sizes
// are cut to it).
//
// The memory map spares a computation's scans a system call and a copy per page read:
// without it, each of a pass's dozen connections reads the pages through its own 2 MiB
// cache, and a county's file is far larger. It cut the CPU time of indicators.Compute
// over a 10,000-resident county by about a tenth (BENCHMARKS.md). The pages mapped are
// the operating system's file cache, shared by the connections, not the process's
// heap. As SQLite documents, an I/O error on a mapped page (a failing disk, the file
// truncated by another program) is a signal that ends the process instead of an error;
// a host that prefers the error sets mmap_size(0) in the DSN.
var sqliteDefaults = []struct{ param, value string }{
	{"_pragma", fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeout.Milliseconds())},
	{"_pragma", "journal_mode(WAL)"},
	{"_pragma", "synchronous(NORMAL)"},
	{"_txlock", "immediate"},
	{"_pragma", "mmap_size(2147418112)"},
}

// sqliteBusyTimeout is how long a write to SQLite waits for another writer (the
// busy_timeout default above, and writeTurn).
const sqliteBusyTimeout = 60 * time.Second

// withSQLiteDefaults adds to dsn each default setting it does not set itself.
func withSQLiteDefaults(dsn string) (string, error) {
	path, query, _ := strings.Cut(dsn, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", err
	}
	has := func(param, value string) bool {
		if param != "_pragma" {
			return q.Has(param)
		}
		name, _, _ := strings.Cut(value, "(")
		for _, v := range q["_pragma"] {
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), name) {
				return true
			}
		}
		return false
	}
	var add []string
	for _, p := range sqliteDefaults {
		if !has(p.param, p.value) {
			add = append(add, p.param+"="+url.QueryEscape(p.value))
		}
	}
	if len(add) == 0 {
		return dsn, nil
	}
	if query != "" {
		add = append([]string{query}, add...)
	}
	return path + "?" + strings.Join(add, "&"), nil
}

// fail turns an error of the database into the store's error for operation op: the
// context's error when ctx is done, gongwei.ErrDuplicate for a unique violation (whose
// driver message may repeat the key), and the driver's error otherwise, each prefixed
// with "sqlstore: op".
func (db *DB) fail(ctx context.Context, op string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("sqlstore: %s: %w", op, cerr)
	}
	if db.d.isUnique(err) {
		return fmt.Errorf("sqlstore: %s: %w", op, gongwei.ErrDuplicate)
	}
	return fmt.Errorf("sqlstore: %s: %w", op, err)
}

func notFound(what string) error { return fmt.Errorf("sqlstore: %s: %w", what, gongwei.ErrNotFound) }

func conflict(what string, prev int64) error {
	return fmt.Errorf("sqlstore: put %s: stored version is not %d: %w", what, prev, gongwei.ErrConflict)
}

// writeTurn waits until no other transaction of db writes to SQLite and returns the
// function that ends this one's turn; on PostgreSQL it returns at once.
//
// SQLite has one writer at a time. Without the turn, a second transaction of the same
// process waits inside SQLite (busy_timeout), retrying the lock between sleeps and
// taking a read mark of the WAL at each try, and does not see ctx end; with two loads
// side by side (the county example loads two townships at a time) the writer never
// finds the WAL free of readers, never starts it again from its beginning, and the WAL
// grew as large as the database (12 GB beside a 10 GB file at 1 M residents;
// BENCHMARKS.md). Waiting here instead, before the transaction begins, holds nothing
// in SQLite. The wait ends with ctx, or with an error after sqliteBusyTimeout, as
// SQLite's own wait would; writers in other processes are still waited for by SQLite.
func (db *DB) writeTurn(ctx context.Context, op string) (release func(), err error) {
	if db.writers == nil {
		return func() {}, nil
	}
	release = func() { <-db.writers }
	select {
	case db.writers <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(sqliteBusyTimeout)
	defer t.Stop()
	select {
	case db.writers <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("sqlstore: %s: %w", op, ctx.Err())
	case <-t.C:
		return nil, fmt.Errorf("sqlstore: %s: another transaction of this DB kept writing for %v", op, sqliteBusyTimeout)
	}
}

// inTx runs f in a transaction and commits it, or rolls it back when f fails.
func (db *DB) inTx(ctx context.Context, op string, f func(tx *sql.Tx) error) error {
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
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return db.fail(ctx, op, err)
	}
	return nil
}

// table describes one record table: its name, the record it holds (for errors) and the
// columns the store fills besides id, version and body, in the order their values are
// given. Its queries are built once.
type table struct {
	name, what string
	cols       []string

	get, insert, update, exists string
}

// newTable builds the queries of a record table.
func newTable(name, what string, cols ...string) *table {
	t := &table{name: name, what: what, cols: cols}
	t.get = "SELECT body FROM " + name + " WHERE id = ?"
	all := append([]string{"id", "version"}, cols...)
	all = append(all, "body")
	t.insert = "INSERT INTO " + name + " (" + strings.Join(all, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(all)), ", ") + ") ON CONFLICT DO NOTHING"
	t.exists = "SELECT 1 FROM " + name + " WHERE id = ?"
	set := []string{"version = ?"}
	for _, c := range cols {
		set = append(set, c+" = ?")
	}
	set = append(set, "body = ?")
	t.update = "UPDATE " + name + " SET " + strings.Join(set, ", ") + " WHERE id = ? AND version = ?"
	return t
}

// getRow reads the record with the given id from t into a new T, or fails with
// gongwei.ErrNotFound.
func getRow[T any](ctx context.Context, db *DB, t *table, id string) (*T, error) {
	op := "get " + t.what
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	return queryOne[T](ctx, db, op, t.what, t.get, id)
}

// queryOne runs a query selecting one body and decodes it, or fails with
// gongwei.ErrNotFound when there is no row.
func queryOne[T any](ctx context.Context, db *DB, op, what, query string, args ...any) (*T, error) {
	var body []byte
	err := db.queryRow(ctx, query, args, &body)
	if errors.Is(err, sql.ErrNoRows) {
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("sqlstore: %s: %w", op, cerr)
		}
		return nil, notFound(what)
	}
	if err != nil {
		return nil, db.fail(ctx, op, err)
	}
	return decode[T](op, body)
}

// marshal encodes a record as the text of a body column. Its error names the operation,
// never the content.
//
// The encoder is github.com/goccy/go-json, about twice as fast as encoding/json. Its
// bodies decode to the same records as encoding/json's: the same fields in the same
// order, with the same values. The bytes can differ only in a float's exponent (1e-07
// where encoding/json writes 1e-7) and in U+2028 and U+2029, which encoding/json writes
// escaped. TestMarshalIsEncodingJSON checks that every body of a loaded county is
// encoding/json's byte for byte; FuzzDecodeBody checks that arbitrary records decode
// back to themselves. Text that is not valid UTF-8, which encoding/json replaces and
// go-json keeps, is encoded by encoding/json.
func marshal(op string, record any) (string, error) {
	b, err := fastjson.Marshal(record)
	if err != nil || !utf8.Valid(b) {
		b, err = json.Marshal(record)
	}
	if err != nil {
		return "", fmt.Errorf("sqlstore: %s: record does not encode", op)
	}
	// b is the encoder's own copy, never written again: the string shares its bytes
	// instead of copying them (a body is the largest allocation of a write).
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// bodyBuffer is a buffer that bodies are encoded into, with its encoder.
type bodyBuffer struct {
	buf bytes.Buffer
	enc *fastjson.Encoder
}

// bodyBuffers are the buffers of encodeTemp, reused from write to write.
var bodyBuffers = sync.Pool{New: func() any {
	b := new(bodyBuffer)
	b.enc = fastjson.NewEncoder(&b.buf)
	return b
}}

// maxPooledBody is the largest buffer put back into bodyBuffers; a larger one (an
// unusually large record) is left to the garbage collector.
const maxPooledBody = 64 << 10

// encodeTemp encodes a record as marshal does (the same bytes), into a buffer reused
// from write to write: the body is valid only until the buffer is released (b.release;
// b is nil when the body has its own memory), so it is for a statement that binds the
// body and returns before the release (the drivers copy the bound text during the
// call). It spares each write the allocation of its body.
func encodeTemp(op string, record any) (body string, b *bodyBuffer, err error) {
	b = bodyBuffers.Get().(*bodyBuffer)
	b.buf.Reset()
	if b.enc.Encode(record) != nil || !utf8.Valid(b.buf.Bytes()) {
		bodyBuffers.Put(b)
		body, err := marshal(op, record)
		return body, nil, err
	}
	out := bytes.TrimSuffix(b.buf.Bytes(), []byte("\n")) // Encode ends the value with a newline
	if len(out) == 0 {
		return "", b, nil
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), b, nil
}

// release returns the buffer to bodyBuffers; a nil buffer is left alone.
func (b *bodyBuffer) release() {
	if b != nil && b.buf.Cap() <= maxPooledBody {
		bodyBuffers.Put(b)
	}
}

// decode decodes a body column, straight from the bytes the driver scanned (which it
// neither keeps nor changes). Its error names the operation, never the content.
//
// The decoder is github.com/goccy/go-json, two to three times faster than
// encoding/json: decoding the bodies is most of the time a computation from the
// database takes (BENCHMARKS.md). It is used only where it gives the values
// encoding/json gives: on valid UTF-8 (encoding/json replaces invalid bytes, go-json
// keeps them; the store writes only valid UTF-8), and a body it rejects is decoded by
// encoding/json, which decides. The conformance suites' round trips and FuzzDecodeBody
// check the two agree.
func decode[T any](op string, body []byte) (*T, error) {
	x := new(T)
	if utf8.Valid(body) && fastjson.UnmarshalNoEscape(body, x) == nil {
		return x, nil
	}
	x = new(T)
	if err := json.Unmarshal(body, x); err != nil {
		return nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
	}
	return x, nil
}

// putRow writes a record to t inside tx, comparing and swapping versions: an insert
// when prev is 0 and an update of version prev otherwise. vals are the values of t's
// columns, in order. No row written fails with gongwei.ErrConflict (the ID is stored,
// or the stored version is not prev); a unique violation (another record's key) with
// gongwei.ErrDuplicate.
//
// The insert is "INSERT ... ON CONFLICT DO NOTHING" without a conflict target: a taken
// ID and a taken unique key both insert nothing, instead of raising an error that would
// abort a batch's transaction on PostgreSQL; which one it was is then looked up.
func putRow(ctx context.Context, db *DB, tx *txn, t *table, id string, version, prev int64, record any, vals ...any) error {
	op := "put " + t.what
	if len(vals) != len(t.cols) {
		return fmt.Errorf("sqlstore: %s: %d values for %d columns", op, len(vals), len(t.cols))
	}
	body, buf, err := encodeTemp(op, record)
	if err != nil {
		return err
	}
	defer buf.release()
	args := make([]any, 0, len(vals)+4)
	var res sql.Result
	if prev == 0 {
		args = append(append(append(args, id, version), vals...), body)
		res, err = tx.exec(ctx, t.insert, args...)
	} else {
		args = append(append(append(args, version), vals...), body, id, prev)
		res, err = tx.exec(ctx, t.update, args...)
	}
	if err != nil {
		return db.fail(ctx, op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return db.fail(ctx, op, err)
	}
	if n > 0 {
		return nil
	}
	if prev == 0 {
		st, err := tx.stmt(ctx, t.exists)
		if err != nil {
			return db.fail(ctx, op, err)
		}
		var one int
		err = st.QueryRowContext(tx.quiet, id).Scan(&one) // as txn.exec
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlstore: %s: %w", op, gongwei.ErrDuplicate)
		}
		if err != nil {
			return db.fail(ctx, op, err)
		}
	}
	return conflict(t.what, prev)
}

// query is a SELECT being built: a base with WHERE clauses appended by the filters.
type query struct {
	base  string
	where []string
	args  []any
}

// and adds a condition and its arguments.
func (q *query) and(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

// sql returns the query with its conditions and the ORDER BY clause order.
func (q *query) sql(order string) string {
	s := q.base
	if len(q.where) > 0 {
		s += " WHERE " + strings.Join(q.where, " AND ")
	}
	return s + " ORDER BY " + order
}

// period adds the conditions selecting the rows whose ISO date column col lies in p
// (Start included, End excluded, a zero bound open).
func (q *query) period(col string, p gongwei.Period) {
	if !p.Start.IsZero() {
		q.and(col+" >= ?", p.Start.String())
	}
	if !p.End.IsZero() {
		q.and(col+" < ?", p.End.String())
	}
}

// within returns q with the conditions selecting the rows whose column col starts with
// prefix (hasPrefixCond) and whose ISO date column dateCol lies in p (period).
func (q query) within(col, prefix, dateCol string, p gongwei.Period) query {
	hasPrefixCond(&q, col, prefix)
	q.period(dateCol, p)
	return q
}

// contains adds the condition selecting the rows whose ISO date column col p contains
// as gongwei.Period.Contains does: Start <= date < End, so a period without an End
// selects nothing and an undated row (the empty text) is in no period. The zero period
// selects every row.
func (q *query) contains(col string, p gongwei.Period) {
	if p != (gongwei.Period{}) {
		q.and(col+" <> '' AND "+col+" >= ? AND "+col+" < ?", dateText(p.Start), dateText(p.End))
	}
}

// stream runs a query selecting bodies and yields each decoded as a T, one row at a
// time. A failure yields the zero value and the error once, then stops; breaking out of
// the loop closes the rows. Each call of the iterator runs the query afresh.
func stream[T any](ctx context.Context, db *DB, op, query string, args ...any) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		streamRows(ctx, db, op, query, args, bodyScanner, func(body []byte) (*T, error) { return decode[T](op, body) }, yield)
	}
}

// bodyScanner reads a row's one column, the body: the bytes the driver scanned, valid
// until the next row (decode copies what it keeps), or a copy of them when keep.
func bodyScanner(keep bool) func(*sql.Rows) ([]byte, error) {
	if keep {
		return func(rows *sql.Rows) ([]byte, error) {
			var body []byte
			err := rows.Scan(&body)
			return body, err
		}
	}
	var body sql.RawBytes
	return func(rows *sql.Rows) ([]byte, error) {
		err := rows.Scan(&body)
		return body, err
	}
}

// streamRows runs a query and yields the records decode makes of what the scanner
// reads from each row (newScan(keep) gives the scanner: with keep, what it returns must
// outlive the row). A failure yields the zero T and the error once, then stops.
//
// Outside a batch the query's statement is prepared once and reused, and each row is
// decoded as it is read. Inside a batch (the context carries the transaction) every
// row is read first, then decoded one at a time: PostgreSQL runs one statement at a
// time on the transaction's connection, and the caller may write while it iterates.
func streamRows[T, R any](ctx context.Context, db *DB, op, query string, args []any,
	newScan func(keep bool) func(*sql.Rows) (R, error), decode func(R) (T, error), yield func(T, error) bool) {
	var zero T
	if err := ctx.Err(); err != nil {
		yield(zero, fmt.Errorf("sqlstore: %s: %w", op, err))
		return
	}
	// emit checks ctx (the driver notices a cancelled context only in its own time, so
	// a cancelled stream stops at once), decodes raw and yields it; false stops.
	emit := func(raw R) bool {
		if err := ctx.Err(); err != nil {
			yield(zero, fmt.Errorf("sqlstore: %s: %w", op, err))
			return false
		}
		x, err := decode(raw)
		if err != nil {
			yield(zero, err)
			return false
		}
		return yield(x, nil)
	}
	if t := db.txOf(ctx); t != nil {
		raws, err := readRowsTx(ctx, t, op, query, args, newScan(true))
		if err != nil {
			yield(zero, err)
			return
		}
		for _, raw := range raws {
			if !emit(raw) {
				return
			}
		}
		return
	}
	// The read's statement is prepared once and reused, not prepared again for every
	// resident.
	stmt, err := db.prepared(ctx, query)
	if err != nil {
		yield(zero, db.fail(ctx, op, err))
		return
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		yield(zero, db.fail(ctx, op, err))
		return
	}
	defer rows.Close()
	scan := newScan(false)
	for rows.Next() {
		if err := ctx.Err(); err != nil {
			yield(zero, fmt.Errorf("sqlstore: %s: %w", op, err))
			return
		}
		raw, err := scan(rows)
		if err != nil {
			yield(zero, db.fail(ctx, op, err))
			return
		}
		if !emit(raw) {
			return
		}
	}
	if err := rows.Err(); err != nil {
		yield(zero, db.fail(ctx, op, err))
	}
}

// dateText is the stored form of a date: ISO text, empty for the zero date.
func dateText(d gongwei.Date) string { return d.String() }
