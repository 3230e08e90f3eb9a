package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Inserts deferred to the end of a batch, on PostgreSQL
//
// Through database/sql every statement waits for the server's answer before the next
// is sent: on PostgreSQL a row is a round trip. With DB.DeferWrites on, inside a batch
// on PostgreSQL, the
// inserts of the records of a resident the batch itself inserted (their checkups,
// contracts, tags, chronic registrations and their follow-ups, pregnancies, child
// records and their visits, vaccinations, ...) are therefore not run when made: their
// rows are kept in the batch, table by table, and written several rows per INSERT when
// the batch commits, or earlier when a statement of the batch needs them. The insert
// is taken as having written its row. What keeps the results those of running every
// statement at once:
//
//   - Which rows: a single-row insert ("INSERT INTO t (cols) VALUES (?, ...)", with or
//     without ON CONFLICT DO NOTHING) of a table with a resident column whose value is
//     a resident the batch inserted (its insert ran at once and wrote the row), or a
//     child visit of a child record, a follow-up of a chronic patient, the batch
//     deferred. The resident's own insert, and every other, runs at once: so an import
//     run again over stored records finds each resident stored at once, and nothing
//     of theirs is deferred.
//   - Such a row can find its key taken only when records were stored for a resident
//     before the resident (the services never do that), or when two records share an
//     ID. Its ID repeated in the batch is found in memory: the insert then runs at once,
//     after the table's kept rows, and fails at once as it would alone.
//   - Reads see the rows. A statement of the batch that names a table with rows kept
//     writes them first (that table's only). A read of one table whose conditions are
//     all "column = ?" (a lookup by ID, a resident's records) writes them only when a
//     kept row matches: a kept row that cannot match changes nothing it reads.
//   - A kept row that does not write (its key taken after all) or an INSERT that fails
//     fails the batch, rolled back whole (nothing of it is kept), with an error that is
//     not a rejection of a record, so an import stops there. The DB's next batch then
//     runs every statement at once, so importing the same records again reports each
//     as it would have without deferring. Statements of the batch after such a failure
//     fail at once.
//
// SQLite keeps running every statement when made: there a statement costs no round
// trip, and multi-row inserts measured no gain (BENCHMARKS.md).

// errKeptRows is the error of a batch whose kept rows did not all write (see above).
var errKeptRows = errors.New("rows deferred to the end of the batch did not write; the batch is rolled back, and the next runs every write at once")

// deferredRowsPerInsert are the numbers of rows one INSERT of kept rows writes, largest
// first: a table's rows go in as few statements as these sizes allow, with at most five
// statement texts per table.
var deferredRowsPerInsert = []int{128, 32, 8, 2, 1}

// deferredTableLimit is the number of kept rows of one table written at once, before
// the batch ends, to bound a batch's memory.
const deferredTableLimit = 1024

// insertShape is a single-row INSERT of the form deferred: its table and columns.
type insertShape struct {
	ok      bool
	table   string
	cols    []string
	idFirst bool // the first column is the table's "id"
	// ref is the column giving the row's owner (refTable's ID): the row is kept when
	// the batch inserted its owner; -1 for a table whose rows are never kept.
	ref        int
	refTable   string
	multi      sync.Map
	conflictOK bool // the statement had ON CONFLICT DO NOTHING
}

// readShape is a statement as the deferred rows see it: the table of a one-table read
// whose conditions are all "column = ?" (cols, in the order of the arguments), and
// the identifiers it names.
type readShape struct {
	table string
	cols  []string
	words map[string]bool
}

// shapes caches the parsed form of each statement text.
var (
	insertShapes sync.Map // query -> *insertShape
	readShapes   sync.Map // query -> *readShape
)

// insertShapeOf parses q as a deferrable insert.
func insertShapeOf(q string) *insertShape { return parsedOnce(&insertShapes, q, parseInsert) }

// parsedOnce returns parse(q), parsed once per statement text and kept in cache.
func parsedOnce[T any](cache *sync.Map, q string, parse func(string) *T) *T {
	if s, ok := cache.Load(q); ok {
		return s.(*T)
	}
	v, _ := cache.LoadOrStore(q, parse(q))
	return v.(*T)
}

// parseInsert parses "INSERT INTO t (c1, ..., cn) VALUES (?, ..., ?)", optionally
// followed by " ON CONFLICT DO NOTHING". The timeline's inserts are not deferred here
// (timeline_batch.go keeps them).
func parseInsert(q string) *insertShape {
	no := &insertShape{}
	rest, ok := strings.CutPrefix(q, "INSERT INTO ")
	if !ok {
		return no
	}
	name, rest, ok := strings.Cut(rest, " (")
	if !ok || !isIdent(name) || name == "service_events" {
		return no
	}
	colList, rest, ok := strings.Cut(rest, ") VALUES (")
	if !ok {
		return no
	}
	cols := strings.Split(colList, ", ")
	for _, c := range cols {
		if !isIdent(c) {
			return no
		}
	}
	conflictOK := false
	switch rest {
	case strings.Repeat("?, ", len(cols)-1) + "?)":
	case strings.Repeat("?, ", len(cols)-1) + "?) ON CONFLICT DO NOTHING":
		conflictOK = true
	default:
		return no
	}
	sh := &insertShape{ok: true, table: name, cols: cols, idFirst: cols[0] == "id", conflictOK: conflictOK, ref: -1}
	for i, c := range cols {
		if t, ok := ownerColumns[c]; ok && t != name {
			sh.ref, sh.refTable = i, t
			break
		}
	}
	return sh
}

// ownerColumns are the columns that give a row's owner, with the owner's table: a row
// is kept when the batch inserted its owner.
var ownerColumns = map[string]string{
	"resident": "residents",
	"patient":  "chronic_patients",
	"child":    "child_records",
}

// insertOf returns the INSERT of n rows of s, ON CONFLICT DO NOTHING: a taken key
// writes nothing instead of aborting the transaction, and shows in the rows written.
func (s *insertShape) insertOf(n int) string {
	if q, ok := s.multi.Load(n); ok {
		return q.(string)
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(s.cols)), ", ") + ")"
	q := "INSERT INTO " + s.table + " (" + strings.Join(s.cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") + " ON CONFLICT DO NOTHING"
	v, _ := s.multi.LoadOrStore(n, q)
	return v.(string)
}

// readShapeOf parses q as readShape describes.
func readShapeOf(q string) *readShape { return parsedOnce(&readShapes, q, parseRead) }

// parseRead parses q: its identifiers, and when it is "SELECT list FROM t WHERE
// c1 = ? AND ... [ORDER BY ...]" (a list of plain columns, no other placeholder), its
// table and conditions' columns.
func parseRead(q string) *readShape {
	s := &readShape{words: make(map[string]bool)}
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !isIdentRune(r) }) {
		s.words[w] = true
	}
	rest, ok := strings.CutPrefix(q, "SELECT ")
	if !ok {
		return s
	}
	list, rest, ok := strings.Cut(rest, " FROM ")
	if !ok || strings.ContainsFunc(list, func(r rune) bool { return !isIdentRune(r) && !strings.ContainsRune(" ,.*", r) }) {
		return s
	}
	name, rest, ok := strings.Cut(rest, " WHERE ")
	if !ok || !isIdent(name) {
		return s
	}
	where, tail, _ := strings.Cut(rest, " ORDER BY ")
	if strings.Contains(tail, "?") {
		return s
	}
	var cols []string
	for _, term := range strings.Split(where, " AND ") {
		c, ok := strings.CutSuffix(term, " = ?")
		if !ok || !isIdent(c) {
			return s
		}
		cols = append(cols, c)
	}
	s.table, s.cols = name, cols
	return s
}

// isIdentRune reports whether r may be part of an SQL identifier.
func isIdentRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// isIdent reports whether s is a plain SQL identifier.
func isIdent(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !isIdentRune(r) })
}

// deferredTable is the rows of one table kept in a batch.
type deferredTable struct {
	shape *insertShape
	rows  []any // the rows' values, len(shape.cols) per row
	n     int   // the number of rows
	// ids are the IDs the batch inserted in the table (shape.idFirst): true while
	// the row is kept, false once written.
	ids map[string]bool
}

// deferredWrites is what a batch on PostgreSQL keeps of its inserts.
type deferredWrites struct {
	mu     sync.Mutex
	tables map[string]*deferredTable // by table name
	order  []*deferredTable          // in the order first kept
	// failed is set once kept rows did not write: the batch fails.
	failed bool
}

// keptResult is the sql.Result of an insert kept: one row written.
type keptResult struct{}

// LastInsertId implements sql.Result; no insert of the store reads it.
func (keptResult) LastInsertId() (int64, error) {
	return 0, errors.New("sqlstore: no insert ID of a deferred row")
}

// RowsAffected implements sql.Result: the row kept counts as written.
func (keptResult) RowsAffected() (int64, error) { return 1, nil }

// deferExec keeps the insert q of args when it is one to defer, and reports whether
// it did; otherwise it first writes the kept rows q needs (see before).
func (t *txn) deferExec(ctx context.Context, q string, args []any) (bool, error) {
	w := t.dw
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failed {
		return false, errKeptRows
	}
	s := insertShapeOf(q)
	if !s.ok || s.ref < 0 || len(args) != len(s.cols) || !t.ownerInserted(s, args[s.ref]) {
		return false, t.beforeLocked(ctx, q, args)
	}
	dt := w.tables[s.table]
	if dt != nil && dt.shape != s {
		// Another column list for the table: write the kept rows first.
		if err := t.writeKept(ctx, dt); err != nil {
			return false, err
		}
		dt.shape = s
	}
	if dt == nil {
		dt = &deferredTable{shape: s}
		if s.idFirst {
			dt.ids = make(map[string]bool)
		}
		if w.tables == nil {
			w.tables = make(map[string]*deferredTable)
		}
		w.tables[s.table] = dt
		w.order = append(w.order, dt)
	}
	var id string
	if s.idFirst {
		var ok bool
		if id, ok = args[0].(string); !ok {
			return false, t.beforeLocked(ctx, q, args)
		}
		if _, seen := dt.ids[id]; seen {
			// The batch inserted this ID: run the insert at once, after the kept
			// rows, so that it fails at once as alone.
			return false, t.writeKept(ctx, dt)
		}
	}
	for _, a := range args {
		switch v := a.(type) {
		case string:
			// A body is encoded into a buffer reused after the call (encodeTemp).
			a = strings.Clone(v)
		case []byte:
			a = append([]byte(nil), v...)
		}
		dt.rows = append(dt.rows, a)
	}
	dt.n++
	if s.idFirst {
		dt.ids[id] = true
	}
	if dt.n >= deferredTableLimit {
		return true, t.writeKept(ctx, dt)
	}
	return true, nil
}

// before writes the kept rows that the statement q of args may read or change.
func (t *txn) before(ctx context.Context, q string, args []any) error {
	return t.withKept(func() error { return t.beforeLocked(ctx, q, args) })
}

// withKept runs f with the batch's kept rows locked; outside a batch on PostgreSQL it
// does nothing, and after kept rows failed to write it fails at once.
func (t *txn) withKept(f func() error) error {
	w := t.dw
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failed {
		return errKeptRows
	}
	return f()
}

// beforeLocked is before with t.dw.mu held.
func (t *txn) beforeLocked(ctx context.Context, q string, args []any) error {
	w := t.dw
	if len(w.order) == 0 {
		return nil
	}
	s := readShapeOf(q)
	for _, dt := range w.order {
		if dt.n == 0 || !s.words[dt.shape.table] {
			continue
		}
		if s.table == dt.shape.table && args != nil && len(args) == len(s.cols) && !dt.mayMatch(s.cols, args) {
			continue
		}
		if err := t.writeKept(ctx, dt); err != nil {
			return err
		}
	}
	return nil
}

// mayMatch reports whether a kept row of dt may have the values args in the columns
// cols: false only when every row differs in a text column.
func (dt *deferredTable) mayMatch(cols []string, args []any) bool {
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = -1
		for j, dc := range dt.shape.cols {
			if dc == c {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return true
		}
		if _, ok := args[i].(string); !ok {
			return true
		}
	}
	if dt.shape.idFirst && idx[0] == 0 {
		// A lookup by ID.
		return dt.ids[args[0].(string)]
	}
	width := len(dt.shape.cols)
rows:
	for r := 0; r < dt.n; r++ {
		row := dt.rows[r*width : (r+1)*width]
		for i, j := range idx {
			v, ok := row[j].(string)
			if ok && v != args[i].(string) {
				continue rows
			}
		}
		return true
	}
	return false
}

// writeKept writes the rows kept of dt, with as few INSERTs as deferredRowsPerInsert
// allows. Fewer rows written than given, or a failure, marks the batch to be run again
// (errKeptRows), but for a cancelled context.
func (t *txn) writeKept(ctx context.Context, dt *deferredTable) error {
	width := len(dt.shape.cols)
	fail := func(err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return fmt.Errorf("sqlstore: write deferred rows: %w", cerr)
		}
		t.dw.failed = true
		return fmt.Errorf("sqlstore: write deferred rows: %w", errKeptRows)
	}
	for done := 0; done < dt.n; {
		n := 1
		for _, size := range deferredRowsPerInsert {
			if size <= dt.n-done {
				n = size
				break
			}
		}
		st, err := t.bound(ctx, dt.shape.insertOf(n))
		if err != nil {
			return fail(err)
		}
		res, err := st.ExecContext(t.quiet, dt.rows[done*width:(done+n)*width]...)
		if err != nil {
			return fail(err)
		}
		if got, err := res.RowsAffected(); err != nil || got != int64(n) {
			return fail(err)
		}
		done += n
	}
	if dt.shape.idFirst {
		for r := 0; r < dt.n; r++ {
			dt.ids[dt.rows[r*width].(string)] = false
		}
	}
	clear(dt.rows)
	dt.rows, dt.n = dt.rows[:0], 0
	return nil
}

// writeAllKept writes the rows kept of every table.
func (t *txn) writeAllKept(ctx context.Context) error {
	return t.withKept(func() error {
		for _, dt := range t.dw.order {
			if err := t.writeKept(ctx, dt); err != nil {
				return err
			}
		}
		return nil
	})
}

// ownerInserted reports whether the owner v of a row of s (in s.ref) is a record the
// batch inserted: a resident whose insert wrote its row, or a chronic patient or child
// record the batch inserted or kept. t.dw.mu is held.
func (t *txn) ownerInserted(s *insertShape, v any) bool {
	id, ok := v.(string)
	if !ok {
		return false
	}
	if s.refTable == "residents" {
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.tl.fresh[id]
	}
	dt := t.dw.tables[s.refTable]
	if dt == nil {
		return false
	}
	_, ok = dt.ids[id]
	return ok
}
