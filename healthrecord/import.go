package healthrecord

import (
	"context"
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
//     record's key (its ID, assigned as by Save when empty): a record whose key is
//     stored already is left as stored and counted as Skipped. So an interrupted import
//     run again neither duplicates nor loses anything.
//
// A failure of the store or a cancelled context stops the import: on a store whose
// batches are all-or-nothing, the chunk in flight is rolled back and the chunks before
// it are kept; the report says how far it got (Done) and the error wraps the cause.
// The records of the stream that are stored are updated as by Save (their stored ID
// and Version); skipped and rejected ones are left as given.

// ImportResidents imports residents as SaveResident saves them (each must hold its
// archive number; the ID defaults to it). See Importing above.
func (g *Registry) ImportResidents(ctx context.Context, rs iter.Seq[*Resident]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Resident"
	return bulk.Run(ctx, g.s, 0, bulk.Records(rs, kind, func(ctx context.Context, r *Resident) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, r.Version, func(ctx context.Context) error { return g.SaveResident(ctx, r) },
			bulk.Exists(func(ctx context.Context) (*Resident, error) {
				id := r.ID
				if id == "" {
					w := r.Clone()
					prepareResident(w)
					id = g.residentID(w)
				}
				return g.s.Resident(ctx, id)
			}))
	}))
}

// ImportHouseholds imports households as SaveHousehold saves them. See Importing above.
func (g *Registry) ImportHouseholds(ctx context.Context, hs iter.Seq[*Household]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Household"
	return bulk.Run(ctx, g.s, 0, bulk.Records(hs, kind, func(ctx context.Context, h *Household) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, h.Version, func(ctx context.Context) error { return g.SaveHousehold(ctx, h) },
			bulk.Exists(func(ctx context.Context) (*Household, error) {
				id := h.ID
				if id == "" {
					id = g.householdID(copyHousehold(h))
				}
				return g.s.Household(ctx, id)
			}))
	}))
}

// ImportCheckups imports health checkup forms as SaveCheckup saves them (with their
// timeline events). See Importing above.
func (g *Registry) ImportCheckups(ctx context.Context, cs iter.Seq[*Checkup]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Checkup"
	return bulk.Run(ctx, g.s, 0, bulk.Records(cs, kind, func(ctx context.Context, c *Checkup) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, c.Version, func(ctx context.Context) error { return g.SaveCheckup(ctx, c) },
			bulk.Exists(func(ctx context.Context) (*Checkup, error) {
				id := c.ID
				if id == "" {
					id = g.checkupID(c)
				}
				return g.s.Checkup(ctx, id)
			}))
	}))
}

// ImportContracts imports family-doctor contracts as SaveContract saves them. See
// Importing above.
func (g *Registry) ImportContracts(ctx context.Context, cs iter.Seq[*Contract]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.Contract"
	return bulk.Run(ctx, g.s, 0, bulk.Records(cs, kind, func(ctx context.Context, c *Contract) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, c.Version, func(ctx context.Context) error { return g.SaveContract(ctx, c) },
			bulk.Exists(func(ctx context.Context) (*Contract, error) {
				id := c.ID
				if id == "" {
					id = g.contractID(c)
				}
				return g.s.Contract(ctx, id)
			}))
	}))
}

// ImportEvents imports service events as RecordService appends them. An event's key is
// its resident, kind and Ref, so an imported event must have a Ref (else it is rejected
// with CodeRequired on Ref: without one, importing it again would add it again); an
// event already on the timeline is skipped. See Importing above.
func (g *Registry) ImportEvents(ctx context.Context, es iter.Seq[ServiceEvent]) (*gongwei.ImportReport, error) {
	const kind = "healthrecord.ServiceEvent"
	return bulk.Run(ctx, g.s, 0, bulk.Records(es, kind, func(ctx context.Context, e ServiceEvent) (bulk.Outcome, error) {
		if gongwei.Normalize(e.Ref) == "" {
			ve := &gongwei.ValidationError{Record: kind}
			ve.Add("Ref", gongwei.CodeRequired)
			return bulk.Stored, ve
		}
		return bulk.Insert(ctx, kind, 0, func(ctx context.Context) error { return g.RecordService(ctx, e) },
			func(ctx context.Context) (bool, error) { return g.eventStored(ctx, e) })
	}))
}

// eventStored reports whether the timeline holds an event of e's resident, kind and Ref.
func (g *Registry) eventStored(ctx context.Context, e ServiceEvent) (bool, error) {
	ref := gongwei.Normalize(e.Ref)
	for x, err := range g.s.Events(ctx, EventFilter{Resident: e.Resident}) {
		if err != nil {
			return false, err
		}
		if x.Kind == e.Kind && x.Ref == ref {
			return true, nil
		}
	}
	return false, nil
}
