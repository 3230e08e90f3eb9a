package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// The timeline of new residents, written at the end of a batch
//
// Service events are the most numerous rows of a county (about four per resident, 40 %
// of a load's rows). Inside a batch, the events of a resident whose record the batch
// itself inserted are not written one statement each: they are kept in the batch and
// written together, several rows per INSERT, when the batch commits (or before any read
// of the timeline inside the batch, which therefore sees them). Nothing else changes:
//
//   - A resident inserted by the batch has no stored events, unless some were appended
//     for it before its record existed (the store does not forbid it; the services do):
//     such a resident's events, and those of any resident with an event appended
//     directly in the batch before, go one statement each as outside a batch.
//   - So a repeated (resident, kind, ref) can only repeat an event kept in the batch:
//     AppendEvent finds it in memory and fails with gongwei.ErrDuplicate at once, as it
//     would on the unique index.
//   - The events keep their appending order (seq), which the timeline's order uses for
//     events of one resident on one day.
//   - A body that does not encode fails AppendEvent at once; the rows are written in
//     the batch's transaction, so a failed write fails the batch (rolled back whole),
//     and a batch rolled back leaves none of them.
//
// On PostgreSQL this saves a round trip per event; on SQLite the per-statement work
// (database/sql, binding, the driver's result) of each event.

// eventRowsPerInsert is the most events one INSERT writes (a power of ten): 5
// parameters each, well within the engines' limits on parameters (SQLite 32,766,
// PostgreSQL 65,535).
const eventRowsPerInsert = 100

// eventKey identifies an event with a reference: unique per (resident, kind, ref).
type eventKey struct{ resident, kind, ref string }

// pendingEvent is an event kept in a batch: its columns and body.
type pendingEvent struct {
	resident, kind, date, ref, body string
}

// timelineBatch is what a batch keeps of the timeline of the residents it inserted.
type timelineBatch struct {
	// fresh are the residents the batch inserted and may keep the events of.
	fresh map[string]bool
	// direct are the residents with an event written directly in the batch.
	direct map[string]bool
	// pending are the events kept, in appending order; keys their references.
	pending []pendingEvent
	keys    map[eventKey]struct{}
}

// insertedResident notes that the batch inserted the resident id.
func (t *txn) insertedResident(id string) {
	if !t.batch {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tl.fresh == nil {
		t.tl.fresh = make(map[string]bool)
	}
	t.tl.fresh[id] = true
}

// keepEvent keeps e (its body encoded as body) in the batch when its resident is one
// the batch inserted, and reports whether it did; a repeat of a kept event fails with
// gongwei.ErrDuplicate. An event not kept is noted as written directly.
func (t *txn) keepEvent(e healthrecord.ServiceEvent, body string) (bool, error) {
	if !t.batch {
		return false, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	r := string(e.Resident)
	if !t.tl.fresh[r] || t.tl.direct[r] {
		if t.tl.direct == nil {
			t.tl.direct = make(map[string]bool)
		}
		t.tl.direct[r] = true
		return false, nil
	}
	if e.Ref != "" {
		k := eventKey{r, string(e.Kind), e.Ref}
		if _, ok := t.tl.keys[k]; ok {
			return true, fmt.Errorf("sqlstore: append service event: %w", gongwei.ErrDuplicate)
		}
		if t.tl.keys == nil {
			t.tl.keys = make(map[eventKey]struct{})
		}
		t.tl.keys[k] = struct{}{}
	}
	t.tl.pending = append(t.tl.pending, pendingEvent{r, string(e.Kind), dateText(e.Date), e.Ref, body})
	return true, nil
}

// flushEvents writes the events kept in the batch, eventRowsPerInsert at a time, and
// forgets them (their keys stay: they are stored now, in the batch).
func (t *txn) flushEvents(ctx context.Context) error {
	t.mu.Lock()
	pending := t.tl.pending
	t.tl.pending = nil
	t.mu.Unlock()
	const op = "append service events"
	args := make([]any, 0, 5*eventRowsPerInsert)
	for len(pending) > 0 {
		// Whole statements of 100, 10 or 1 rows: at most three texts prepared.
		n := eventRowsPerInsert
		for n > len(pending) {
			n /= 10
		}
		args = args[:0]
		// A column's value repeated from the row before (a resident's events are kept
		// one after another) reuses that row's argument instead of boxing the string
		// again.
		var last [4]string
		var boxed [4]any
		for _, e := range pending[:n] {
			for i, v := range [4]string{e.resident, e.kind, e.date, e.ref} {
				if boxed[i] == nil || last[i] != v {
					last[i], boxed[i] = v, v
				}
				args = append(args, boxed[i])
			}
			args = append(args, e.body)
		}
		// ON CONFLICT DO NOTHING keeps PostgreSQL's transaction alive whatever happens;
		// a row not written (an event of a resident that existed only as events before
		// the batch inserted it) fails the batch instead of being dropped silently.
		res, err := t.exec(ctx, eventsInsert(n), args...)
		if err != nil {
			return t.db.fail(ctx, op, err)
		}
		if got, err := res.RowsAffected(); err != nil {
			return t.db.fail(ctx, op, err)
		} else if got != int64(n) {
			return fmt.Errorf("sqlstore: %s: %d of %d events repeat stored ones: %w", op, int64(n)-got, n, gongwei.ErrDuplicate)
		}
		pending = pending[n:]
	}
	return nil
}

// eventsInserts are the INSERTs of 1, 10 and 100 events, built once.
var eventsInserts = map[int]string{1: buildEventsInsert(1), 10: buildEventsInsert(10), 100: buildEventsInsert(100)}

// eventsInsert returns the INSERT of n events (1, 10 or eventRowsPerInsert).
func eventsInsert(n int) string { return eventsInserts[n] }

// buildEventsInsert builds the INSERT of n events.
func buildEventsInsert(n int) string {
	return "INSERT INTO service_events (resident, kind, date, ref, body) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", n), ", ") + " ON CONFLICT DO NOTHING"
}

// readsTimeline reports whether query q reads the timeline, so that the events kept
// in a batch must be written before it runs.
func readsTimeline(q string) bool { return strings.Contains(q, "service_events") }
