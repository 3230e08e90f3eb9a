package healthrecord

import (
	"context"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Importing
//
// The Import methods load a stream of records (a migration from a legacy system, a
// nightly sync from the hospital information system) through the same path as the
// single writes: each record is normalised, validated, given its ID and put on the
// timeline exactly as by the matching Save method. They differ in three ways:
//
//   - Records are written in chunks, each chunk in one batch of the store when the store
//     implements gongwei.Batcher (one transaction in a database), and record by record
//     otherwise, with the same result.
//   - A record the Registry rejects does not stop the import: the report
//     (gongwei.ImportReport) lists it with its position in the stream, its kind and the
//     error (a *gongwei.ValidationError with every field problem, or a duplicate of
//     another record's unique key), and the import goes on with the next.
//   - An import only inserts (each record's Version must be 0) and is idempotent by the
//     record's key (its ID, assigned as by Save when empty): a record stored already
//     exactly as the import would store it is left as stored and counted as Skipped, so
//     an interrupted import run again neither duplicates nor loses anything. A record
//     whose key is stored with other content (changed since, or another record under
//     the same key) is rejected with an error wrapping gongwei.ErrConflict, neither
//     overwritten nor silently dropped: change stored records through Save.
//
// A failure of the store or a cancelled context stops the import: on a store whose
// batches are all-or-nothing, the chunk in flight is rolled back and the chunks before
// it are kept; the report says how far it got (Done) and the error wraps the cause.
// The records of the stream that are stored are updated as by Save (their stored ID
// and Version); skipped and rejected ones are left as given.

// captureStore is the Registry's store for an import: it captures each record put, for
// comparing it with the stored one when its key is taken (bulk.InsertSame).
type captureStore struct {
	Store
	residents  bulk.Capture[*Resident]
	households bulk.Capture[*Household]
	checkups   bulk.Capture[*Checkup]
	contracts  bulk.Capture[*Contract]
}

func (c *captureStore) PutResident(ctx context.Context, r *Resident, prev int64) error {
	c.residents.Keep(r)
	return c.Store.PutResident(ctx, r, prev)
}

func (c *captureStore) PutHousehold(ctx context.Context, h *Household, prev int64) error {
	c.households.Keep(h)
	return c.Store.PutHousehold(ctx, h, prev)
}

func (c *captureStore) PutCheckup(ctx context.Context, x *Checkup, prev int64) error {
	c.checkups.Keep(x)
	return c.Store.PutCheckup(ctx, x, prev)
}

func (c *captureStore) PutContract(ctx context.Context, x *Contract, prev int64) error {
	c.contracts.Keep(x)
	return c.Store.PutContract(ctx, x, prev)
}

// capturing returns a Registry like g over a store that captures the records put.
func (g *Registry) capturing() (*Registry, *captureStore) {
	cs := &captureStore{Store: g.s}
	return &Registry{s: cs, attempts: g.attempts, residentID: g.residentID, householdID: g.householdID,
		checkupID: g.checkupID, contractID: g.contractID, now: g.now, trail: g.trail}, cs
}

// ImportResidents imports residents as SaveResident saves them (each must hold its
// archive number; the ID defaults to it). See Importing above.
func (g *Registry) ImportResidents(ctx context.Context, rs iter.Seq[*Resident]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Resident"
	c, cs := g.capturing()
	return bulk.Run(ctx, g.s, 0, bulk.Records(rs, kind, func(ctx context.Context, r *Resident) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, r.Version, &cs.residents, func(ctx context.Context) error { return c.SaveResident(ctx, r) },
			func(ctx context.Context) (*Resident, error) {
				id := r.ID
				if id == "" {
					w := r.Clone()
					prepareResident(w)
					id = g.residentID(w)
				}
				return g.s.Resident(ctx, id)
			})
	}))
}

// ImportHouseholds imports households as SaveHousehold saves them. See Importing above.
func (g *Registry) ImportHouseholds(ctx context.Context, hs iter.Seq[*Household]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Household"
	c, cs := g.capturing()
	return bulk.Run(ctx, g.s, 0, bulk.Records(hs, kind, func(ctx context.Context, h *Household) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, h.Version, &cs.households, func(ctx context.Context) error { return c.SaveHousehold(ctx, h) },
			func(ctx context.Context) (*Household, error) {
				id := h.ID
				if id == "" {
					id = g.householdID(copyHousehold(h))
				}
				return g.s.Household(ctx, id)
			})
	}))
}

// ImportCheckups imports health checkup forms as SaveCheckup saves them (with their
// timeline events). See Importing above.
func (g *Registry) ImportCheckups(ctx context.Context, xs iter.Seq[*Checkup]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Checkup"
	c, cs := g.capturing()
	return bulk.Run(ctx, g.s, 0, bulk.Records(xs, kind, func(ctx context.Context, x *Checkup) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, x.Version, &cs.checkups, func(ctx context.Context) error { return c.SaveCheckup(ctx, x) },
			func(ctx context.Context) (*Checkup, error) {
				id := x.ID
				if id == "" {
					id = g.checkupID(x)
				}
				return g.s.Checkup(ctx, id)
			})
	}))
}

// ImportContracts imports family-doctor contracts as SaveContract saves them. See
// Importing above.
func (g *Registry) ImportContracts(ctx context.Context, xs iter.Seq[*Contract]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Contract"
	c, cs := g.capturing()
	return bulk.Run(ctx, g.s, 0, bulk.Records(xs, kind, func(ctx context.Context, x *Contract) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, x.Version, &cs.contracts, func(ctx context.Context) error { return c.SaveContract(ctx, x) },
			func(ctx context.Context) (*Contract, error) {
				id := x.ID
				if id == "" {
					id = g.contractID(x)
				}
				return g.s.Contract(ctx, id)
			})
	}))
}

// ImportEvents imports service events as RecordService appends them. An event's key is
// its resident, kind and Ref, so an imported event must have a Ref (else it is rejected
// with CodeRequired on Ref: without one, importing it again would add it again). An
// event whose key is on the timeline already is skipped when the stored event is the
// same (date and provider too), and rejected as stored with other content otherwise.
// See Importing above.
func (g *Registry) ImportEvents(ctx context.Context, es iter.Seq[ServiceEvent]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.ServiceEvent"
	return bulk.Run(ctx, g.s, 0, bulk.Records(es, kind, func(ctx context.Context, e ServiceEvent) (bulk.Outcome, error) {
		if gongwei.Normalize(e.Ref) == "" {
			ve := &gongwei.ValidationError{Record: kind}
			ve.Add("Ref", gongwei.CodeRequired)
			return bulk.Stored, ve
		}
		var c bulk.Capture[ServiceEvent]
		return bulk.InsertSame(ctx, kind, 0, &c, func(ctx context.Context) error {
			c.Keep(normalizeEvent(e))
			return g.RecordService(ctx, e)
		}, func(ctx context.Context) (ServiceEvent, error) { return g.storedEvent(ctx, normalizeEvent(e)) })
	}))
}

// storedEvent returns the event on the timeline with e's resident, kind and Ref, or an
// error wrapping gongwei.ErrNotFound.
func (g *Registry) storedEvent(ctx context.Context, e ServiceEvent) (ServiceEvent, error) {
	for x, err := range g.s.Events(ctx, EventFilter{Resident: e.Resident}) {
		if err != nil {
			return ServiceEvent{}, err
		}
		if x.Kind == e.Kind && x.Ref == e.Ref {
			return x, nil
		}
	}
	return ServiceEvent{}, fmt.Errorf("healthrecord: service event: %w", gongwei.ErrNotFound)
}
