package memstore

import (
	"cmp"
	"context"
	"iter"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Clinic is an in-memory store of the clinic's records beyond the schedule: AEFI reports
// (immunization.AEFIStore), temperature logs (immunization.ColdChainStore), floating
// children's movements (immunization.MovementStore) and campaigns
// (immunization.CampaignStore). It passes the immunizationtest suites of each interface it
// implements. Safe for concurrent use; create it with NewClinic.
type Clinic struct {
	aefi *memtable.Table[immunization.AEFIID, immunization.AEFIReport]
	logs *memtable.Table[immunization.TemperatureLogID, immunization.TemperatureLog]
	move *memtable.Table[immunization.MovementID, immunization.Movement]
	// moveOf indexes movements by child.
	moveOf *memtable.Index[healthrecord.ResidentID, immunization.MovementID, immunization.Movement]
	camp   *memtable.Table[immunization.CampaignID, immunization.Campaign]
}

var (
	_ immunization.AEFIStore      = (*Clinic)(nil)
	_ immunization.ColdChainStore = (*Clinic)(nil)
	_ immunization.MovementStore  = (*Clinic)(nil)
	_ immunization.CampaignStore  = (*Clinic)(nil)
)

// NewClinic returns an empty Clinic.
func NewClinic() *Clinic {
	c := &Clinic{
		aefi: memtable.New("AEFI report", memtable.Copy[immunization.AEFIReport],
			func(r *immunization.AEFIReport) immunization.AEFIID { return r.ID },
			func(r *immunization.AEFIReport) int64 { return r.Version },
			func(a, b *immunization.AEFIReport) int {
				return cmp.Or(a.Found.Compare(b.Found), cmp.Compare(a.ID, b.ID))
			}),
		logs: memtable.New("temperature log", copyLog,
			func(l *immunization.TemperatureLog) immunization.TemperatureLogID { return l.ID },
			func(l *immunization.TemperatureLog) int64 { return l.Version },
			func(a, b *immunization.TemperatureLog) int {
				return cmp.Or(cmp.Compare(a.Clinic, b.Clinic), cmp.Compare(a.Device, b.Device),
					a.Start().Compare(b.Start()), cmp.Compare(a.ID, b.ID))
			}),
		move: memtable.New("movement", memtable.Copy[immunization.Movement],
			func(m *immunization.Movement) immunization.MovementID { return m.ID },
			func(m *immunization.Movement) int64 { return m.Version },
			func(a, b *immunization.Movement) int {
				return cmp.Or(cmp.Compare(a.Resident, b.Resident), a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
			}),
	}
	c.camp = memtable.New("campaign", memtable.Copy[immunization.Campaign],
		func(x *immunization.Campaign) immunization.CampaignID { return x.ID },
		func(x *immunization.Campaign) int64 { return x.Version },
		func(a, b *immunization.Campaign) int {
			return cmp.Or(a.Period.Start.Compare(b.Period.Start), cmp.Compare(a.ID, b.ID))
		})
	c.moveOf = memtable.NewIndex(c.move, func(m *immunization.Movement) healthrecord.ResidentID { return m.Resident })
	return c
}

// copyLog copies a log with its readings.
func copyLog(l *immunization.TemperatureLog) *immunization.TemperatureLog {
	c := *l
	c.Readings = slices.Clone(l.Readings)
	return &c
}

// AEFI implements immunization.AEFIStore.
func (c *Clinic) AEFI(ctx context.Context, id immunization.AEFIID) (*immunization.AEFIReport, error) {
	return c.aefi.Get(ctx, id)
}

// PutAEFI implements immunization.AEFIStore.
func (c *Clinic) PutAEFI(ctx context.Context, r *immunization.AEFIReport, prev int64) error {
	return c.aefi.Put(ctx, r, prev)
}

// AEFIs implements immunization.AEFIStore.
func (c *Clinic) AEFIs(ctx context.Context, f immunization.AEFIFilter) iter.Seq2[*immunization.AEFIReport, error] {
	return c.aefi.All(ctx, f.Match)
}

// TemperatureLog implements immunization.ColdChainStore.
func (c *Clinic) TemperatureLog(ctx context.Context, id immunization.TemperatureLogID) (*immunization.TemperatureLog, error) {
	return c.logs.Get(ctx, id)
}

// PutTemperatureLog implements immunization.ColdChainStore.
func (c *Clinic) PutTemperatureLog(ctx context.Context, l *immunization.TemperatureLog, prev int64) error {
	return c.logs.Put(ctx, l, prev)
}

// TemperatureLogs implements immunization.ColdChainStore.
func (c *Clinic) TemperatureLogs(ctx context.Context, f immunization.ColdChainFilter) iter.Seq2[*immunization.TemperatureLog, error] {
	return c.logs.All(ctx, f.Match)
}

// Movement implements immunization.MovementStore.
func (c *Clinic) Movement(ctx context.Context, id immunization.MovementID) (*immunization.Movement, error) {
	return c.move.Get(ctx, id)
}

// PutMovement implements immunization.MovementStore.
func (c *Clinic) PutMovement(ctx context.Context, m *immunization.Movement, prev int64) error {
	return c.move.Put(ctx, m, prev)
}

// Movements implements immunization.MovementStore.
func (c *Clinic) Movements(ctx context.Context, f immunization.MovementFilter) iter.Seq2[*immunization.Movement, error] {
	return c.moveOf.Select(ctx, f.Resident, f.Match)
}

// Campaign implements immunization.CampaignStore.
func (c *Clinic) Campaign(ctx context.Context, id immunization.CampaignID) (*immunization.Campaign, error) {
	return c.camp.Get(ctx, id)
}

// PutCampaign implements immunization.CampaignStore.
func (c *Clinic) PutCampaign(ctx context.Context, x *immunization.Campaign, prev int64) error {
	return c.camp.Put(ctx, x, prev)
}

// Campaigns implements immunization.CampaignStore.
func (c *Clinic) Campaigns(ctx context.Context, p gongwei.Period) iter.Seq2[*immunization.Campaign, error] {
	return c.camp.All(ctx, func(x *immunization.Campaign) bool { return x.Overlaps(p) })
}
