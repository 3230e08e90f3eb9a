package healthrecord

import (
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
)

// Store is what the health record service needs from a host's storage: residents,
// households, checkups, family-doctor contracts and the service timeline. A host
// implements it over its own database; [Registry] wraps it and does everything else.
//
// # A dumb store
//
// A Store keeps records and enforces uniqueness and versions; nothing more. It does not
// validate, normalise, assign IDs or compute versions: [Registry] does all of that once,
// for every store. A record handed to a Put method is stored exactly as given, including
// its Version field, which the caller has already set to the new version.
//
// # Optimistic versions
//
// Every Put method takes prev, the version the caller read (0 for a record it believes
// does not exist yet), and compares-and-swaps: the put succeeds only when the stored
// version equals prev, where an absent record counts as version 0. Otherwise it fails with
// an error wrapping [gongwei.ErrConflict] and stores nothing. So prev = 0 inserts, and
// fails if the key already exists; prev > 0 updates, and fails if the record is absent or
// has moved on. In SQL this is "INSERT" (a primary-key violation is a conflict) and
// "UPDATE ... WHERE id = ? AND version = ?" (no row affected is a conflict).
//
// # Errors
//
// Lookups of a missing record fail with an error wrapping [gongwei.ErrNotFound]. A put
// that would give a second record the same unique key (a resident's ID number or archive
// number; a timeline event's resident, kind and reference) fails with an error wrapping
// [gongwei.ErrDuplicate] and stores nothing; the version check comes first, so a put that
// is both stale and a duplicate reports [gongwei.ErrConflict]. A method called with a
// cancelled context fails with an error wrapping the context's error. Any other failure
// (a broken connection) is returned as the store sees fit. Errors never contain a personal
// value: no ID number, name or phone number.
//
// # Streams
//
// Streaming queries return iter.Seq2[T, error]. An iterator that fails yields the zero T
// and the error once, then stops. A consumer that stops early (break) makes the iterator
// release whatever it held (rows, locks) before returning. Each call of the returned
// iterator runs the query afresh. The store may be used (read or written) from inside
// the loop body.
//
// # Conformance
//
// A Store must be safe for concurrent use by multiple goroutines. The package
// github.com/gongwei-lib/gongwei/healthrecord/recordtest checks every clause of this
// contract: call recordtest.TestStore from a test of the implementation. The package
// github.com/gongwei-lib/gongwei/healthrecord/memstore is an in-memory implementation.
type Store interface {
	ResidentStore
	HouseholdStore
	CheckupStore
	ContractStore
	TimelineStore
}

// ResidentStore stores resident records ([Resident]). ResidentIDs, ID numbers (when not
// zero) and archive numbers (when not zero) are each unique among stored residents.
type ResidentStore interface {
	// Resident returns the resident with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Resident(ctx context.Context, id ResidentID) (*Resident, error)

	// ResidentByIDNumber returns the resident whose IDNumber is id, or an error wrapping
	// gongwei.ErrNotFound (also for the zero IDNumber).
	ResidentByIDNumber(ctx context.Context, id IDNumber) (*Resident, error)

	// ResidentByArchive returns the resident whose Archive is a, or an error wrapping
	// gongwei.ErrNotFound (also for the zero ArchiveNumber).
	ResidentByArchive(ctx context.Context, a ArchiveNumber) (*Resident, error)

	// PutResident stores r under r.ID if the stored version equals prev (see the Store
	// doc): otherwise it fails with an error wrapping gongwei.ErrConflict. It fails with
	// an error wrapping gongwei.ErrDuplicate if another resident (another ID) has r's
	// non-zero IDNumber or Archive. The store keeps a copy: changing r afterwards does not
	// change the stored record.
	PutResident(ctx context.Context, r *Resident, prev int64) error

	// Residents streams the residents that match f (see ResidentFilter.Match), ordered
	// by archive number and, for equal archive numbers (only the zero one), by ID. Every
	// resident yielded is the caller's own copy.
	Residents(ctx context.Context, f ResidentFilter) iter.Seq2[*Resident, error]

	// LastArchive returns the highest archive number stored in village v, or the zero
	// ArchiveNumber and a nil error when the village has none. [NextArchiveNumber] turns
	// it into the next one to allocate.
	LastArchive(ctx context.Context, v Village) (ArchiveNumber, error)
}

// ResidentFilter selects residents for [ResidentStore.Residents]. Its zero value selects
// every resident; set fields narrow the selection and combine with AND.
type ResidentFilter struct {
	// Prefix selects the residents whose archive number starts with these digits: 6 for a
	// county, 9 for a township (the jurisdiction of a township health centre), 12 for a
	// village, or 17 for one record. Empty selects every resident.
	Prefix string
	// Tag selects the residents carrying this key-population tag. Empty selects every
	// resident.
	Tag Tag
}

// Match reports whether r is selected by f. Stores written in Go can filter with it.
func (f ResidentFilter) Match(r *Resident) bool {
	if f.Prefix != "" && !strings.HasPrefix(r.Archive.String(), f.Prefix) {
		return false
	}
	return f.Tag == "" || r.HasTag(f.Tag)
}

// HouseholdStore stores household records ([Household]) by ID.
type HouseholdStore interface {
	// Household returns the household with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Household(ctx context.Context, id HouseholdID) (*Household, error)

	// PutHousehold stores h under h.ID if the stored version equals prev (see the Store
	// doc): otherwise it fails with an error wrapping gongwei.ErrConflict.
	PutHousehold(ctx context.Context, h *Household, prev int64) error
}

// CheckupStore stores health checkup forms ([Checkup]) by ID.
type CheckupStore interface {
	// Checkup returns the checkup with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Checkup(ctx context.Context, id CheckupID) (*Checkup, error)

	// PutCheckup stores c under c.ID if the stored version equals prev (see the Store
	// doc): otherwise it fails with an error wrapping gongwei.ErrConflict. The store
	// keeps a copy.
	PutCheckup(ctx context.Context, c *Checkup, prev int64) error

	// Checkups streams the checkups that match f (see CheckupFilter.Match), ordered by
	// date, then by ID.
	Checkups(ctx context.Context, f CheckupFilter) iter.Seq2[*Checkup, error]
}

// CheckupFilter selects checkups for [CheckupStore.Checkups]. Its zero value selects
// every checkup; set fields combine with AND.
type CheckupFilter struct {
	// Resident selects one resident's checkups; empty selects every resident's.
	Resident ResidentID
	// Period selects the checkups dated in it (Start included, End excluded). A zero
	// bound leaves that end open, so the zero Period selects every date.
	Period gongwei.Period
}

// Match reports whether c is selected by f.
func (f CheckupFilter) Match(c *Checkup) bool {
	return (f.Resident == "" || c.Resident == f.Resident) && f.Period.Admits(c.Date)
}

// ContractStore stores family-doctor contracts ([Contract]) by ID.
type ContractStore interface {
	// Contract returns the contract with the given ID, or an error wrapping
	// gongwei.ErrNotFound.
	Contract(ctx context.Context, id ContractID) (*Contract, error)

	// PutContract stores c under c.ID if the stored version equals prev (see the Store
	// doc): otherwise it fails with an error wrapping gongwei.ErrConflict. The store
	// keeps a copy.
	PutContract(ctx context.Context, c *Contract, prev int64) error

	// Contracts streams the contracts that match f (see ContractFilter.Match), ordered
	// by the start of their period, then by ID.
	Contracts(ctx context.Context, f ContractFilter) iter.Seq2[*Contract, error]
}

// ContractFilter selects contracts for [ContractStore.Contracts]. Its zero value selects
// every contract; set fields combine with AND.
type ContractFilter struct {
	// Resident selects one resident's contracts.
	Resident ResidentID
	// Team selects one team's contracts.
	Team TeamID
	// Period selects the contracts whose period overlaps it (shares at least one day):
	// the contracts in force at some time during Period. A zero bound leaves that end
	// open, so the zero Period selects every contract.
	Period gongwei.Period
}

// Match reports whether c is selected by f.
func (f ContractFilter) Match(c *Contract) bool {
	if f.Resident != "" && c.Resident != f.Resident {
		return false
	}
	if f.Team != "" && c.Team != f.Team {
		return false
	}
	return (f.Period.Start.IsZero() || f.Period.Start.Before(c.Period.End)) &&
		(f.Period.End.IsZero() || c.Period.Start.Before(f.Period.End))
}

// TimelineStore keeps the service timeline: an append-only log of [ServiceEvent]s per
// resident.
type TimelineStore interface {
	// AppendEvent adds e to the timeline. Events with a non-empty Ref are unique by
	// (Resident, Kind, Ref): appending a second one fails with an error wrapping
	// gongwei.ErrDuplicate and adds nothing, so re-appending the event of a source
	// record after a failure is harmless. Events with an empty Ref are never duplicates.
	AppendEvent(ctx context.Context, e ServiceEvent) error

	// Events streams the events that match f (see EventFilter.Match), ordered by
	// resident ID, then by date, then in the order they were appended.
	Events(ctx context.Context, f EventFilter) iter.Seq2[ServiceEvent, error]
}

// EventFilter selects timeline events for [TimelineStore.Events]. Its zero value selects
// every event; set fields combine with AND.
type EventFilter struct {
	// Resident selects one resident's events.
	Resident ResidentID
	// Period selects the events dated in it (Start included, End excluded). A zero bound
	// leaves that end open, so the zero Period selects every date.
	Period gongwei.Period
}

// Match reports whether e is selected by f.
func (f EventFilter) Match(e ServiceEvent) bool {
	return (f.Resident == "" || e.Resident == f.Resident) && f.Period.Admits(e.Date)
}
