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

// ImportResidents imports residents as SaveResident saves them (each must hold its
// archive number; the ID defaults to it). See Importing above.
func (g *Registry) ImportResidents(ctx context.Context, rs iter.Seq[*Resident]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, rs, bulk.Kind[*Resident]{Name: "healthrecord.Resident", Save: g.SaveResident,
		Version: func(r *Resident) int64 { return r.Version },
		Get: func(ctx context.Context, r *Resident) (*Resident, error) {
			return g.s.Resident(ctx, bulk.KeyOr(r.ID, func() ResidentID {
				w := r.Clone()
				prepareResident(w)
				return g.residentID(w)
			}))
		}})
}

// ImportHouseholds imports households as SaveHousehold saves them. See Importing above.
func (g *Registry) ImportHouseholds(ctx context.Context, hs iter.Seq[*Household]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, hs, bulk.Kind[*Household]{Name: "healthrecord.Household", Save: g.SaveHousehold,
		Version: func(h *Household) int64 { return h.Version },
		Get: func(ctx context.Context, h *Household) (*Household, error) {
			return g.s.Household(ctx, bulk.KeyOr(h.ID, func() HouseholdID {
				return g.householdID(copyHousehold(h))
			}))
		}})
}

// ImportCheckups imports health checkup forms as SaveCheckup saves them (with their
// timeline events). See Importing above.
func (g *Registry) ImportCheckups(ctx context.Context, xs iter.Seq[*Checkup]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Checkup]{Name: "healthrecord.Checkup", Save: g.SaveCheckup,
		Version: func(x *Checkup) int64 { return x.Version },
		Get: func(ctx context.Context, x *Checkup) (*Checkup, error) {
			return g.s.Checkup(ctx, bulk.KeyOr(x.ID, func() CheckupID {
				return g.checkupID(x)
			}))
		}})
}

// ImportContracts imports family-doctor contracts as SaveContract saves them. See
// Importing above.
func (g *Registry) ImportContracts(ctx context.Context, xs iter.Seq[*Contract]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Contract]{Name: "healthrecord.Contract", Save: g.SaveContract,
		Version: func(x *Contract) int64 { return x.Version },
		Get: func(ctx context.Context, x *Contract) (*Contract, error) {
			return g.s.Contract(ctx, bulk.KeyOr(x.ID, func() ContractID {
				return g.contractID(x)
			}))
		}})
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
