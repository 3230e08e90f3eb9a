package child

import (
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what the child health service needs from a host's storage: child records and
// their visits. A host implements it over its own database; [Service] wraps it and does
// everything else (validation, normalisation, IDs, versions, the service timeline).
//
// It follows the contract of healthrecord.Store: a dumb store that keeps records as given
// (Version included); every Put takes prev, the version the caller read (0 to insert),
// and fails with an error wrapping gongwei.ErrConflict when the stored version differs
// (an absent record counts as version 0). A put that would give a second child record
// the same Resident fails with an error wrapping gongwei.ErrDuplicate and stores nothing
// (the version check comes first). Lookups of a missing record fail with an error
// wrapping gongwei.ErrNotFound. A cancelled context makes a method fail with an error
// wrapping the context's error. Streams yield the caller's own copies; an iterator that
// fails yields the zero value and the error once, then stops; a consumer that breaks
// early releases the iterator's resources; the store may be used inside the loop body.
// Errors never contain a personal value. A Store must be safe for concurrent use.
//
// github.com/gongwei-lib/gongwei/child/childtest checks every clause (childtest.TestStore);
// github.com/gongwei-lib/gongwei/child/memstore is an in-memory implementation.
type Store interface {
	// Child returns the child record id, or an error wrapping gongwei.ErrNotFound.
	Child(ctx context.Context, id ChildID) (*Child, error)
	// ChildByResident returns the child record of the health record r, or an error
	// wrapping gongwei.ErrNotFound.
	ChildByResident(ctx context.Context, r healthrecord.ResidentID) (*Child, error)
	// PutChild stores c under c.ID if the stored version equals prev (see above). The
	// store keeps a copy.
	PutChild(ctx context.Context, c *Child, prev int64) error
	// Children streams the child records that match f (see ChildFilter.Match), ordered
	// by ID.
	Children(ctx context.Context, f ChildFilter) iter.Seq2[*Child, error]

	// Visit returns the visit id, or an error wrapping gongwei.ErrNotFound.
	Visit(ctx context.Context, id VisitID) (*Visit, error)
	// PutVisit stores v under v.ID if the stored version equals prev. The store keeps a
	// copy.
	PutVisit(ctx context.Context, v *Visit, prev int64) error
	// Visits streams the visits that match f (see VisitFilter.Match), ordered by child,
	// then date, then ID.
	Visits(ctx context.Context, f VisitFilter) iter.Seq2[*Visit, error]
}

// ChildFilter selects child records. Its zero value selects every record; set fields
// combine with AND.
type ChildFilter struct {
	// Prefix selects the children whose Village starts with these digits (6 for a
	// county, 9 for a township, 12 for a village). Empty selects every child.
	Prefix string
	// BornBefore selects the children born before this date (a child of 0–6 on a date
	// d was born after d minus 7 years); zero leaves it open.
	BornBefore gongwei.Date
	// BornFrom selects the children born on or after this date; zero leaves it open.
	BornFrom gongwei.Date
}

// Match reports whether c is selected by f. Stores written in Go can filter with it.
func (f ChildFilter) Match(c *Child) bool {
	return strings.HasPrefix(string(c.Village), f.Prefix) &&
		(f.BornBefore.IsZero() || c.BirthDate.Before(f.BornBefore)) &&
		(f.BornFrom.IsZero() || !c.BirthDate.Before(f.BornFrom))
}

// VisitFilter selects visits. Its zero value selects every visit; set fields combine
// with AND.
type VisitFilter struct {
	// Child selects one child's visits.
	Child ChildID
	// Period selects the visits dated in it (Start included, End excluded); a zero bound
	// leaves that end open.
	Period gongwei.Period
}

// Match reports whether v is selected by f.
func (f VisitFilter) Match(v *Visit) bool {
	return (f.Child == "" || v.Child == f.Child) && f.Period.Admits(v.Date)
}
