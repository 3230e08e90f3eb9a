package maternal

import (
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what the maternal service needs from a host's storage: pregnancies by ID,
// put with an optimistic version, and a filtered stream. A host implements it over its
// own database; [Registry] wraps it and does everything else.
//
// # A dumb store
//
// A Store keeps records and enforces versions; nothing more. It does not validate,
// normalise or assign IDs: [Registry] does that once, for every store. A pregnancy handed
// to PutPregnancy is stored exactly as given, Version included (the caller has already
// set it to the new version), and the store keeps its own copy.
//
// # Optimistic versions
//
// PutPregnancy takes prev, the version the caller read (0 for a pregnancy it believes
// new), and compares-and-swaps: the put succeeds only when the stored version equals
// prev, an absent pregnancy counting as version 0. Otherwise it fails with an error
// wrapping [gongwei.ErrConflict] and stores nothing. In SQL: "INSERT" (a primary-key
// violation is a conflict) and "UPDATE ... WHERE id = ? AND version = ?".
//
// # Errors
//
// Pregnancy fails with an error wrapping [gongwei.ErrNotFound] for a missing ID. A method
// called with a cancelled context fails with an error wrapping the context's error.
// Errors never contain a personal value.
//
// # Streams
//
// Pregnancies returns an iter.Seq2. An iterator that fails yields a nil pregnancy and the
// error once, then stops. A consumer that stops early makes the iterator release what it
// held. Each call of the returned iterator runs the query afresh; the store may be used
// from inside the loop body.
//
// # Conformance
//
// A Store must be safe for concurrent use. The package
// github.com/gongwei-lib/gongwei/maternal/maternaltest checks every clause of this
// contract (maternaltest.TestStore); github.com/gongwei-lib/gongwei/maternal/memstore is
// an in-memory implementation.
type Store interface {
	// Pregnancy returns the pregnancy with the given ID, or an error wrapping
	// gongwei.ErrNotFound. The pregnancy is the caller's own copy.
	Pregnancy(ctx context.Context, id PregnancyID) (*Pregnancy, error)

	// PutPregnancy stores p under p.ID if the stored version equals prev: otherwise it
	// fails with an error wrapping gongwei.ErrConflict. The store keeps a copy.
	PutPregnancy(ctx context.Context, p *Pregnancy, prev int64) error

	// Pregnancies streams the pregnancies that match f (see Filter.Match), ordered by
	// village, then by ID. Every pregnancy yielded is the caller's own copy.
	Pregnancies(ctx context.Context, f Filter) iter.Seq2[*Pregnancy, error]
}

// Filter selects pregnancies for [Store.Pregnancies]. Its zero value selects every
// pregnancy; set fields combine with AND.
type Filter struct {
	// Prefix selects the pregnancies whose Village starts with these digits: 6 for a
	// county, 9 for a township, 12 for a village. Empty selects every village.
	Prefix string
	// Resident selects one woman's pregnancies.
	Resident healthrecord.ResidentID
	// Period selects the pregnancies under care at some time during it: whose Span
	// (LMP to 42 days after the end, Pregnancy.Span) shares a day with Period. A zero
	// bound of Period leaves that end open. In SQL, with columns span_start and span_end
	// (NULL while ongoing): span_start < period_end AND (span_end IS NULL OR
	// span_end > period_start).
	Period gongwei.Period
}

// Match reports whether p is selected by f.
func (f Filter) Match(p *Pregnancy) bool {
	if f.Prefix != "" && !strings.HasPrefix(string(p.Village), f.Prefix) {
		return false
	}
	if f.Resident != "" && p.Resident != f.Resident {
		return false
	}
	s := p.Span()
	return (f.Period.End.IsZero() || s.Start.Before(f.Period.End)) &&
		(f.Period.Start.IsZero() || s.End.IsZero() || f.Period.Start.Before(s.End))
}
