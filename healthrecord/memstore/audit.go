package memstore

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Audit is an in-memory healthrecord.AuditStore, append-only and safe for concurrent
// use; it passes recordtest.TestAuditStore. Entries are indexed by record, so the
// history of one record is read without the others. The zero Audit is not usable:
// create one with NewAudit.
type Audit struct {
	mu      sync.Mutex // serialises the assignment of Seq
	seq     int64
	entries *memtable.Table[int64, healthrecord.AuditEntry]
	byRec   *memtable.Index[string, int64, healthrecord.AuditEntry]
}

var _ healthrecord.AuditStore = (*Audit)(nil)

// NewAudit returns an empty audit trail.
func NewAudit() *Audit {
	t := memtable.New("audit entry", cloneEntry,
		func(e *healthrecord.AuditEntry) int64 { return e.Seq },
		func(*healthrecord.AuditEntry) int64 { return 0 },
		func(a, b *healthrecord.AuditEntry) int { return cmp.Compare(a.Seq, b.Seq) }).RejectInsertOverStored()
	return &Audit{entries: t, byRec: memtable.NewIndex(t, recordKey)}
}

func cloneEntry(e *healthrecord.AuditEntry) *healthrecord.AuditEntry {
	c := *e
	c.Fields = slices.Clone(e.Fields)
	return &c
}

func recordKey(e *healthrecord.AuditEntry) string { return e.Kind + "\x00" + e.ID }

// AppendAudit appends a copy of e under the next Seq and sets e.Seq.
func (a *Audit) AppendAudit(ctx context.Context, e *healthrecord.AuditEntry) error {
	if err := memtable.CtxErr(ctx); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	c := cloneEntry(e)
	c.Seq = a.seq + 1
	if err := a.entries.Put(ctx, c, 0); err != nil {
		return err
	}
	a.seq = c.Seq
	e.Seq = c.Seq
	return nil
}

// Audit streams the entries that match f, by Seq.
func (a *Audit) Audit(ctx context.Context, f healthrecord.AuditFilter) iter.Seq2[healthrecord.AuditEntry, error] {
	var sel iter.Seq2[*healthrecord.AuditEntry, error]
	if f.Kind != "" && f.ID != "" {
		sel = a.byRec.Select(ctx, f.Kind+"\x00"+f.ID, f.Match)
	} else {
		sel = a.entries.All(ctx, f.Match)
	}
	return func(yield func(healthrecord.AuditEntry, error) bool) {
		for e, err := range sel {
			if err != nil {
				yield(healthrecord.AuditEntry{}, err)
				return
			}
			if !yield(*e, nil) {
				return
			}
		}
	}
}
