package memstore

import (
	"context"
	"iter"
	"slices"
	"sync"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Audit is an in-memory healthrecord.AuditStore, append-only and safe for concurrent
// use; it passes recordtest.TestAuditStore. It is a log: the entries in Seq order, never
// changed once appended, and the positions of each record's entries, so that a stream
// needs no sorting and the history of one record is read without the others. The zero
// Audit is not usable: create one with NewAudit.
type Audit struct {
	mu       sync.RWMutex
	entries  []healthrecord.AuditEntry // entries[i].Seq == i+1
	byRecord map[string][]int
}

var _ healthrecord.AuditStore = (*Audit)(nil)

// NewAudit returns an empty audit trail.
func NewAudit() *Audit { return &Audit{byRecord: make(map[string][]int)} }

func recordKey(kind, id string) string { return kind + "\x00" + id }

// AppendAudit appends a copy of e under the next Seq and sets e.Seq.
func (a *Audit) AppendAudit(ctx context.Context, e *healthrecord.AuditEntry) error {
	if err := memtable.CtxErr(ctx); err != nil {
		return err
	}
	c := *e
	c.Fields = slices.Clone(e.Fields)
	a.mu.Lock()
	defer a.mu.Unlock()
	c.Seq = int64(len(a.entries) + 1)
	a.entries = append(a.entries, c)
	k := recordKey(c.Kind, c.ID)
	a.byRecord[k] = append(a.byRecord[k], len(a.entries)-1)
	e.Seq = c.Seq
	return nil
}

// Audit streams the entries that match f, by Seq. It reads the entries appended before
// it starts; the loop body may append.
func (a *Audit) Audit(ctx context.Context, f healthrecord.AuditFilter) iter.Seq2[healthrecord.AuditEntry, error] {
	return func(yield func(healthrecord.AuditEntry, error) bool) {
		if err := memtable.CtxErr(ctx); err != nil {
			yield(healthrecord.AuditEntry{}, err)
			return
		}
		a.mu.RLock()
		// Entries below len are never changed: the slice may be read without the lock.
		es := a.entries[:len(a.entries):len(a.entries)]
		var pos []int
		if f.Kind != "" && f.ID != "" {
			pos = slices.Clone(a.byRecord[recordKey(f.Kind, f.ID)])
		}
		a.mu.RUnlock()
		emit := func(i int) bool {
			e := &es[i]
			if !f.Match(e) {
				return true
			}
			c := *e
			c.Fields = slices.Clone(e.Fields)
			return yield(c, nil)
		}
		if pos != nil || f.Kind != "" && f.ID != "" {
			for _, i := range pos {
				if !emit(i) {
					return
				}
			}
			return
		}
		for i := range es {
			if i%4096 == 0 {
				if err := memtable.CtxErr(ctx); err != nil {
					yield(healthrecord.AuditEntry{}, err)
					return
				}
			}
			if !emit(i) {
				return
			}
		}
	}
}
