package immunization

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore captures each record the Service puts during an import (bulk.Put).
type captureStore struct {
	Store
	registrations bulk.Capture[*Registration]
	vaccinations  bulk.Capture[*Vaccination]
}

func (c *captureStore) PutRegistration(ctx context.Context, r *Registration, prev int64) error {
	return bulk.Put(ctx, &c.registrations, c.Store.PutRegistration, r, prev)
}

func (c *captureStore) PutVaccination(ctx context.Context, v *Vaccination, prev int64) error {
	return bulk.Put(ctx, &c.vaccinations, c.Store.PutVaccination, v, prev)
}

// capturing returns a Service like g over a store that captures the records put.
func (g *Service) capturing() (*Service, *captureStore) {
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return &c, cs
}

// ImportRegistrations imports registrations as Register stores them, keyed by the
// resident, under the import contract of healthrecord.Registry's Importing section.
func (g *Service) ImportRegistrations(ctx context.Context, rs iter.Seq[*Registration]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, rs, bulk.Kind[*Registration]{Name: "immunization.Registration", Capture: &cs.registrations, Save: c.Register,
		Version: func(r *Registration) int64 { return r.Version },
		Get: func(ctx context.Context, r *Registration) (*Registration, error) {
			return g.s.Registration(ctx, r.Resident)
		}})
}

// ImportVaccinations imports doses as Vaccinate records them (with their timeline
// events). Otherwise as ImportRegistrations; a dose's key is its ID.
func (g *Service) ImportVaccinations(ctx context.Context, vs iter.Seq[*Vaccination]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, vs, bulk.Kind[*Vaccination]{Name: "immunization.Vaccination", Capture: &cs.vaccinations, Save: c.Vaccinate,
		Version: func(v *Vaccination) int64 { return v.Version },
		Get: func(ctx context.Context, v *Vaccination) (*Vaccination, error) {
			return g.s.Vaccination(ctx, VaccinationID(gongwei.NormalizeCode(string(v.ID))))
		}})
}
