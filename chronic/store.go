package chronic

import (
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what chronic-disease management needs from a host's storage: patients and
// their visits. A host implements it over its own database; [Service] wraps it and does
// everything else (validation, normalisation, IDs, versions, classification, timeline).
//
// # A dumb store
//
// A Store keeps records and enforces keys and versions; nothing more. A record handed to
// a Put method is stored exactly as given, Version included (the caller has set it to
// the new version).
//
// # Optimistic versions
//
// Put methods take prev, the version the caller read, and compare-and-swap as every
// store of the library does: the put succeeds only when the stored version equals prev,
// an absent record counting as version 0, and otherwise fails with an error wrapping
// [gongwei.ErrConflict]. So prev = 0 inserts, and fails when the ID is already stored;
// prev > 0 updates, and fails when the record is absent or its stored version is not
// prev. A failed put stores nothing. In SQL: "INSERT" (a primary-key violation is a
// conflict) and "UPDATE ... WHERE id = ? AND version = ?" (no row affected is a
// conflict).
//
// # Errors and streams
//
// Lookups of a missing record fail with an error wrapping [gongwei.ErrNotFound]. A
// method called with a cancelled context fails with an error wrapping the context's
// error. Errors never contain a personal value. Streaming queries return
// iter.Seq2[T, error]; an iterator that fails yields the zero T and the error once, then
// stops; breaking early releases what the iterator held; each call runs the query afresh;
// the store may be used from inside the loop body. Every record yielded is the caller's
// own copy.
//
// A Store must be safe for concurrent use. The package
// github.com/gongwei-lib/gongwei/chronic/chronictest checks every clause of this
// contract; github.com/gongwei-lib/gongwei/chronic/memstore implements it in memory.
type Store interface {
	// Patient returns the patient with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Patient(ctx context.Context, id PatientID) (*Patient, error)
	// PutPatient stores p under p.ID (see the Store doc for prev).
	PutPatient(ctx context.Context, p *Patient, prev int64) error
	// Patients streams the patients that match f (PatientFilter.Match), ordered by
	// village, then by ID.
	Patients(ctx context.Context, f PatientFilter) iter.Seq2[*Patient, error]

	// Visit returns the visit with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Visit(ctx context.Context, id VisitID) (*Visit, error)
	// PutVisit stores v under v.ID (see the Store doc for prev).
	PutVisit(ctx context.Context, v *Visit, prev int64) error
	// Visits streams the visits that match f (VisitFilter.Match), ordered by date, then
	// by ID.
	Visits(ctx context.Context, f VisitFilter) iter.Seq2[*Visit, error]
}

// PatientFilter selects patients. Its zero value selects every patient; set fields
// combine with AND.
type PatientFilter struct {
	// Prefix selects the patients whose Village starts with these digits: 6 for a county,
	// 9 for a township, 12 for a village.
	Prefix string
	// Condition selects one condition.
	Condition Condition
	// Resident selects one resident's patients.
	Resident healthrecord.ResidentID
}

// Match reports whether p is selected by f.
func (f PatientFilter) Match(p *Patient) bool {
	return strings.HasPrefix(string(p.Village), f.Prefix) &&
		(f.Condition == "" || p.Condition == f.Condition) &&
		(f.Resident == "" || p.Resident == f.Resident)
}

// VisitFilter selects visits. Its zero value selects every visit; set fields combine
// with AND.
type VisitFilter struct {
	// Patient selects one patient's visits.
	Patient PatientID
	// Period selects the visits dated in it (Start included, End excluded); a zero bound
	// leaves that end open.
	Period gongwei.Period
}

// Match reports whether v is selected by f.
func (f VisitFilter) Match(v *Visit) bool {
	if f.Patient != "" && v.Patient != f.Patient {
		return false
	}
	return f.Period.Admits(v.Date())
}
