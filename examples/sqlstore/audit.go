package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei/healthrecord"
)

// AuditStore is the audit trail (healthrecord.AuditStore) in the database: the table of
// migrations/audit, append-only. Get it from [DB.Audit] and give it to the services'
// Options.Audit. An entry appended with a context carrying a batch of the same DB
// (gongwei.Batch, which healthrecord.Trail uses when the audit store is a Batcher) is
// committed with the batch's writes, so a record and its entry are kept together or
// not at all.
type AuditStore struct {
	db *DB
}

var _ healthrecord.AuditStore = (*AuditStore)(nil)

// Audit returns the audit trail in db.
func (db *DB) Audit() *AuditStore { return &AuditStore{db: db} }

// Batch implements gongwei.Batcher: the batch of the DB (DB.Batch).
func (s *AuditStore) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return s.db.Batch(ctx, f)
}

const auditInsert = "INSERT INTO audit_entries (at, staff, division, kind, record_id, resident, body) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq"

// AppendAudit implements healthrecord.AuditStore.
func (s *AuditStore) AppendAudit(ctx context.Context, e *healthrecord.AuditEntry) error {
	c := *e
	c.Seq = 0 // the row's seq is the entry's
	body, err := json.Marshal(&c)
	if err != nil {
		return fmt.Errorf("sqlstore: append audit entry: %w", err)
	}
	var seq int64
	err = s.db.write(ctx, "append audit entry", func(t *txn) error {
		st, err := t.stmt(ctx, auditInsert)
		if err != nil {
			return err
		}
		return st.QueryRowContext(context.WithoutCancel(ctx), supInstant(e.Time), e.Actor.Staff, string(e.Division),
			e.Kind, e.ID, string(e.Resident), string(body)).Scan(&seq)
	})
	if err != nil {
		return s.db.fail(ctx, "append audit entry", err)
	}
	e.Seq = seq
	return nil
}

// Audit implements healthrecord.AuditStore: the entries f selects, by seq.
func (s *AuditStore) Audit(ctx context.Context, f healthrecord.AuditFilter) iter.Seq2[healthrecord.AuditEntry, error] {
	q := query{base: "SELECT seq, body FROM audit_entries"}
	if f.Kind != "" {
		q.and("kind = ?", f.Kind)
	}
	if f.ID != "" {
		q.and("record_id = ?", f.ID)
	}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	hasPrefixCond(&q, "division", string(f.Division))
	if f.Staff != "" {
		q.and("staff = ?", f.Staff)
	}
	if !f.Since.IsZero() {
		q.and("at >= ?", supInstant(f.Since))
	}
	if !f.Until.IsZero() {
		q.and("at < ?", supInstant(f.Until))
	}
	const op = "stream audit entries"
	text := q.sql("seq")
	return func(yield func(healthrecord.AuditEntry, error) bool) {
		streamRows(ctx, s.db, op, text, q.args, auditScanner, func(r auditRow) (healthrecord.AuditEntry, error) {
			var e healthrecord.AuditEntry
			if err := json.Unmarshal(r.body, &e); err != nil {
				return e, fmt.Errorf("sqlstore: %s: decode: %w", op, err)
			}
			e.Seq = r.seq
			e.Time = shanghaiZone(e.Time)
			return e, nil
		}, yield)
	}
}

// auditRow is a row of audit_entries as read: the entry's seq and its body.
type auditRow struct {
	seq  int64
	body []byte
}

// auditScanner reads an audit row (see bodyScanner).
func auditScanner(keep bool) func(*sql.Rows) (auditRow, error) {
	var raw sql.RawBytes
	return func(rows *sql.Rows) (auditRow, error) {
		var r auditRow
		if keep {
			err := rows.Scan(&r.seq, &r.body)
			return r, err
		}
		err := rows.Scan(&r.seq, &raw)
		r.body = raw
		return r, err
	}
}
