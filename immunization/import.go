package immunization

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportRegistrations imports registrations as Register stores them (keyed by the
// resident). Records are written in chunks, in one batch of the store each when it
// implements gongwei.Batcher; a rejected record is reported (position, kind, every
// field problem) and the import goes on; a registration of a resident registered
// already is skipped, so an interrupted import run again neither duplicates nor loses
// anything. A failing store or a cancelled context stops the import; the report says
// how far it got (healthrecord.Registry's Importing section describes the contract).
func (g *Service) ImportRegistrations(ctx context.Context, rs iter.Seq[*Registration]) (*gongwei.ImportReport, error) {
	const kind = "immunization.Registration"
	return bulk.Run(ctx, g.s, 0, bulk.Records(rs, kind, func(ctx context.Context, r *Registration) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, r.Version, func(ctx context.Context) error { return g.Register(ctx, r) },
			bulk.Exists(func(ctx context.Context) (*Registration, error) { return g.s.Registration(ctx, r.Resident) }))
	}))
}

// ImportVaccinations imports doses as Vaccinate records them (with their timeline
// events). Otherwise as ImportRegistrations; a dose's key is its ID.
func (g *Service) ImportVaccinations(ctx context.Context, vs iter.Seq[*Vaccination]) (*gongwei.ImportReport, error) {
	const kind = "immunization.Vaccination"
	return bulk.Run(ctx, g.s, 0, bulk.Records(vs, kind, func(ctx context.Context, v *Vaccination) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, v.Version, func(ctx context.Context) error { return g.Vaccinate(ctx, v) },
			bulk.Exists(func(ctx context.Context) (*Vaccination, error) {
				return g.s.Vaccination(ctx, VaccinationID(gongwei.NormalizeCode(string(v.ID))))
			}))
	}))
}
