package healthrecord

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// AuditOp is what a change did to a record. Its values are stable codes that stores may
// persist.
type AuditOp string

// The changes an audit entry records (修改留痕: every creation, update, closure and
// deletion of an electronic health record is traceable; nbphs-spec §1.3, record
// management).
const (
	AuditCreate AuditOp = "create" // a new record (version 0 to 1)
	AuditUpdate AuditOp = "update" // a stored record changed
	AuditClose  AuditOp = "close"  // a record closed (终止管理)
	AuditDelete AuditOp = "delete" // a record deleted
)

// AuditEntry is one change of one record in the audit trail. It names the record and
// its resident by ID, the actor by staff and institution code and the fields by name:
// never a personal value, so entries may be listed and shown.
type AuditEntry struct {
	// Seq is the entry's position in the trail, assigned by the store on append:
	// increasing, unique within the store.
	Seq int64
	// Time is the instant of the change, in Asia/Shanghai.
	Time time.Time
	// Actor made the change; the zero Actor when the host opted out of actors for a
	// migration.
	Actor gongwei.Actor
	// Op is what the change did.
	Op AuditOp
	// Kind is the kind of record ("healthrecord.Resident", "chronic.Visit").
	Kind string
	// ID is the record's ID.
	ID string
	// Resident is the resident the record belongs to, when it belongs to one.
	Resident ResidentID
	// Division is the division the record lies in (a village's 12 digits), when known.
	Division gongwei.Division
	// Date is the date of the service the record documents, when it documents one (a
	// follow-up's date, a checkup's); the zero Date otherwise.
	Date gongwei.Date
	// Before and After are the record's versions before and after the change (Before 0
	// for a creation).
	Before, After int64
	// Fields names the top-level fields the change set or changed, in the record's field
	// order.
	Fields []string
}

// AuditFilter selects audit entries; its zero value selects every entry.
type AuditFilter struct {
	// Kind and ID, when set, select the entries of one kind, or of one record.
	Kind string
	ID   string
	// Resident, when set, selects the entries of the records of one resident.
	Resident ResidentID
	// Division, when set, selects the entries of records lying within it.
	Division gongwei.Division
	// Staff, when set, selects the entries made by one staff member.
	Staff string
	// Since and Until, when not zero, bound Time: Since <= Time < Until.
	Since, Until time.Time
}

// Match reports whether e is selected by f.
func (f AuditFilter) Match(e *AuditEntry) bool {
	switch {
	case f.Kind != "" && e.Kind != f.Kind,
		f.ID != "" && e.ID != f.ID,
		f.Resident != "" && e.Resident != f.Resident,
		f.Division != "" && !f.Division.Contains(e.Division),
		f.Staff != "" && e.Actor.Staff != f.Staff,
		!f.Since.IsZero() && e.Time.Before(f.Since),
		!f.Until.IsZero() && !e.Time.Before(f.Until):
		return false
	}
	return true
}

// AuditStore keeps the audit trail: append-only, nothing in it is ever changed or
// removed. recordtest.TestAuditStore is its conformance suite.
type AuditStore interface {
	// AppendAudit appends a copy of e, assigning e.Seq (the store's next position); the
	// caller's e is updated with it.
	AppendAudit(ctx context.Context, e *AuditEntry) error
	// Audit streams the entries that match f (AuditFilter.Match), by Seq. A failing
	// stream yields its error once and stops.
	Audit(ctx context.Context, f AuditFilter) iter.Seq2[AuditEntry, error]
}

// History streams the trail of one record, oldest change first: what was done to it,
// by whom, when, from which version to which, and which fields changed.
func History(ctx context.Context, s AuditStore, kind, id string) iter.Seq2[AuditEntry, error] {
	return s.Audit(ctx, AuditFilter{Kind: kind, ID: id})
}

// ErrAudit reports a change that was not made because its audit entry could not be
// appended; it wraps the audit store's error. On a store whose batches are
// transactions (gongwei.Batcher) shared with the audit store, the record is left as it
// was; elsewhere the record may be stored without its entry, and the write should be
// retried.
var ErrAudit = errors.New("healthrecord: audit entry not appended")

type writeTimeKey struct{}

// WithWriteTime returns a copy of ctx whose writes are recorded in the audit trail as
// made at t rather than at the Trail's clock: for a migration replaying another
// system's changes at the instants they were made, or a synthetic county.
func WithWriteTime(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, writeTimeKey{}, t)
}

// Change describes one write for Trail.Write.
type Change struct {
	// Op, Kind, ID, Resident, Division and Date are copied to the audit entry.
	Op       AuditOp
	Kind     string
	ID       string
	Resident ResidentID
	Division gongwei.Division
	Date     gongwei.Date
	// Prev is the version the write replaces (0 for a creation).
	Prev int64
	// Record is the record as it will be stored, a pointer to a struct.
	Record any
	// Fields, when not nil, names the changed fields instead of comparing Record with
	// the stored record (a write the service makes itself, such as a refreshed outcome).
	Fields []string
	// Stored reads the record as stored before the change (for the changed fields);
	// it is called only when the Trail has an audit store and Prev is not 0.
	Stored func(ctx context.Context) (any, error)
}

// Trail is the one write path of every service (the Registry and the services of
// chronic, maternal, child, immunization, supervision and education): each write
// passes through Write, which demands an actor on the context (gongwei.WithActor)
// unless the host opted out for a migration, keeps the write within the actor's
// jurisdiction, makes it and appends its audit entry. Create one with NewTrail. A nil
// *Trail demands nothing and records nothing.
type Trail struct {
	audit        AuditStore
	unattributed bool
	now          gongwei.Clock
}

// NewTrail returns the write path that appends to audit (nil: no trail is kept) and,
// unless unattributed (the migration opt-out), rejects a write whose context carries
// no actor with gongwei.ErrNoActor. now stamps the entries (nil: time.Now).
func NewTrail(audit AuditStore, unattributed bool, now gongwei.Clock) *Trail {
	return &Trail{audit: audit, unattributed: unattributed, now: now}
}

// Audit returns the audit store of t, or nil.
func (t *Trail) Audit() AuditStore {
	if t == nil {
		return nil
	}
	return t.audit
}

// Check reports whether a write of c may be made with ctx: an error wrapping
// gongwei.ErrNoActor when ctx carries no actor and t requires one, a
// *gongwei.JurisdictionError when c lies outside the actor's division, nil otherwise.
func (t *Trail) Check(ctx context.Context, c Change) error {
	if t == nil {
		return nil
	}
	if _, ok := gongwei.ActorFrom(ctx); !ok && !t.unattributed {
		return fmt.Errorf("%s: %w", c.Kind, gongwei.ErrNoActor)
	}
	return gongwei.CheckJurisdiction(ctx, c.Kind, c.Division)
}

// Write checks the write (Check), makes it with put and appends its audit entry. With
// an audit store that is a gongwei.Batcher (a database's), put and the append run in
// one batch, so neither is kept without the other.
func (t *Trail) Write(ctx context.Context, c Change, put func(ctx context.Context) error) error {
	if err := t.Check(ctx, c); err != nil {
		return err
	}
	if t == nil || t.audit == nil {
		return put(ctx)
	}
	var before any
	if c.Prev > 0 && c.Stored != nil && c.Fields == nil {
		if b, err := c.Stored(ctx); err == nil {
			before = b
		} else if !errors.Is(err, gongwei.ErrNotFound) {
			return err
		}
	}
	return gongwei.Batch(ctx, t.audit, func(ctx context.Context) error {
		if err := put(ctx); err != nil {
			return err
		}
		e := t.entry(ctx, c, before)
		if err := t.audit.AppendAudit(ctx, &e); err != nil {
			return fmt.Errorf("%w: %w", ErrAudit, err)
		}
		return nil
	})
}

// WriteNext is the save of one record of a service through t, the write path every
// service shares: x is the service's prepared copy of the caller's record, and version
// points at x's Version, which holds the version the caller read (prev; 0 for a new
// record). WriteNext sets it to prev+1, gives ch that Prev and x as its Record, and makes
// the write as [Trail.Write] does with put over prev, handing x to an import running in
// ctx first (the services' Import methods compare what the service prepared with what is
// stored). The caller gives its own record the new version when WriteNext succeeds.
func WriteNext[T any](ctx context.Context, t *Trail, ch Change, x *T, version *int64, put func(context.Context, *T, int64) error) error {
	prev := *version
	*version = prev + 1
	ch.Prev, ch.Record = prev, x
	return t.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, put, x, prev) })
}

// entry builds the audit entry of c.
func (t *Trail) entry(ctx context.Context, c Change, before any) AuditEntry {
	at, ok := ctx.Value(writeTimeKey{}).(time.Time)
	if !ok || at.IsZero() {
		if t.now != nil {
			at = t.now()
		} else {
			at = time.Now()
		}
	}
	a, _ := gongwei.ActorFrom(ctx)
	op := c.Op
	if op == "" {
		op = AuditUpdate
		if c.Prev == 0 {
			op = AuditCreate
		}
	}
	fields := c.Fields
	if fields == nil {
		fields = ChangedFields(before, c.Record)
	}
	if c.Op == "" && c.Prev > 0 && before != nil && slices.Contains(fields, "Closure") {
		op = AuditClose // an update that closes the record (a closure set through a save)
	}
	return AuditEntry{
		Time: at.In(gongwei.Shanghai()), Actor: a, Op: op, Kind: c.Kind, ID: c.ID,
		Resident: c.Resident, Division: c.Division, Date: c.Date,
		Before: c.Prev, After: c.Prev + 1, Fields: fields,
	}
}

// ChangedFields names the exported top-level fields of the struct after (a struct or a
// pointer to one) that differ from before (of the same type), in field order; with a
// nil before, the fields after sets (not zero). The version and derived outcomes, which
// the services set themselves, are left out.
func ChangedFields(before, after any) []string {
	av := reflect.Indirect(reflect.ValueOf(after))
	if !av.IsValid() || av.Kind() != reflect.Struct {
		return nil
	}
	bv := reflect.Indirect(reflect.ValueOf(before))
	if bv.IsValid() && bv.Type() != av.Type() {
		bv = reflect.Value{}
	}
	var out []string
	ty := av.Type()
	for i := range ty.NumField() {
		f := ty.Field(i)
		if !f.IsExported() || f.Name == "Version" || f.Name == "Derived" {
			continue
		}
		a := av.Field(i)
		if !bv.IsValid() {
			if !a.IsZero() {
				out = append(out, f.Name)
			}
			continue
		}
		if !reflect.DeepEqual(a.Interface(), bv.Field(i).Interface()) {
			out = append(out, f.Name)
		}
	}
	return out
}

// ServiceTrail returns the write path of a service package's Service (its Options'
// Audit and Unattributed): a Trail of its own when either is set, else the records
// registry's (a *Registry, or any records service with a Trail method) when it has
// one, else a Trail that demands an actor and keeps no entries.
func ServiceTrail(records any, audit AuditStore, unattributed bool) *Trail {
	if t, ok := records.(interface{ Trail() *Trail }); ok && audit == nil && !unattributed {
		if tr := t.Trail(); tr != nil {
			return tr
		}
	}
	return NewTrail(audit, unattributed, nil)
}

// ReadWithin is how a service returns a record it read: x and err as the store gave
// them, unless ctx carries an actor (gongwei.WithActor) and the record lies outside the
// actor's division (division(x)), which gives a *gongwei.JurisdictionError for the kind
// of record and no record.
func ReadWithin[T any](ctx context.Context, kind string, x *T, err error, division func(*T) gongwei.Division) (*T, error) {
	if err != nil || x == nil {
		return x, err
	}
	if jerr := gongwei.CheckJurisdiction(ctx, kind, division(x)); jerr != nil {
		return nil, fmt.Errorf("%s: read: %w", kind, jerr)
	}
	return x, nil
}
