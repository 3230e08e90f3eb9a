package immunization

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportRegistrations imports registrations as Register stores them, keyed by the
// resident, under the import contract of healthrecord.Registry's Importing section.
func (g *Service) ImportRegistrations(ctx context.Context, rs iter.Seq[*Registration]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, rs, bulk.Kind[*Registration]{Name: "immunization.Registration", Save: g.Register,
		Version: func(r *Registration) int64 { return r.Version },
		Get: func(ctx context.Context, r *Registration) (*Registration, error) {
			return g.s.Registration(ctx, r.Resident)
		}})
}

// ImportVaccinations imports doses as Vaccinate records them (with their timeline
// events). Otherwise as ImportRegistrations; a dose's key is its ID.
func (g *Service) ImportVaccinations(ctx context.Context, vs iter.Seq[*Vaccination]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, vs, bulk.Kind[*Vaccination]{Name: "immunization.Vaccination", Save: g.Vaccinate,
		Version: func(v *Vaccination) int64 { return v.Version },
		Get: func(ctx context.Context, v *Vaccination) (*Vaccination, error) {
			return g.s.Vaccination(ctx, VaccinationID(gongwei.NormalizeCode(string(v.ID))))
		}})
}
