package sqlstore

import (
	"context"
	"iter"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// ImmunizationClinicStore is the store of the clinic's records beyond the schedule in
// the database: AEFI reports (immunization.AEFIStore), temperature logs
// (immunization.ColdChainStore), floating children's movements
// (immunization.MovementStore) and campaigns (immunization.CampaignStore), in the tables
// of
// migrations/immunization from version 3. Get it from [DB.ImmunizationClinic].
type ImmunizationClinicStore struct {
	store
}

var (
	_ immunization.AEFIStore      = (*ImmunizationClinicStore)(nil)
	_ immunization.ColdChainStore = (*ImmunizationClinicStore)(nil)
	_ immunization.MovementStore  = (*ImmunizationClinicStore)(nil)
	_ immunization.CampaignStore  = (*ImmunizationClinicStore)(nil)
)

// ImmunizationClinic returns the clinic store in db.
func (db *DB) ImmunizationClinic() *ImmunizationClinicStore {
	return &ImmunizationClinicStore{store{db}}
}

var (
	immAEFI = newRecords("immunization_aefi", "AEFI report", "AEFI reports", []string{"village", "found", "found_day"},
		func(r *immunization.AEFIReport) (string, int64, []any) {
			return string(r.ID), r.Version, []any{string(r.Village), instantText(r.Found), dateText(r.FoundDay())}
		})
	immLogs = newRecords("immunization_temperature_logs", "temperature log", "temperature logs",
		[]string{"clinic", "device", "start", "start_day"}, temperatureLogRow)
	immMovements = newRecords("immunization_movements", "movement", "movements", []string{"resident", "village", "date"},
		func(m *immunization.Movement) (string, int64, []any) {
			return string(m.ID), m.Version, []any{string(m.Resident), string(m.Village), dateText(m.Date)}
		})
	immCampaigns = newRecords("immunization_campaigns", "campaign", "campaigns", []string{"start", `"end"`},
		func(c *immunization.Campaign) (string, int64, []any) {
			return string(c.ID), c.Version, []any{dateText(c.Period.Start), dateText(c.Period.End)}
		})
)

// temperatureLogRow gives a log's columns: the clinic, the device, the instant of the
// first reading and its Asia/Shanghai day (empty for a log without readings).
func temperatureLogRow(l *immunization.TemperatureLog) (string, int64, []any) {
	start := l.Start()
	day := ""
	if !start.IsZero() {
		day = dateText(gongwei.Clock(func() time.Time { return start }).Today())
	}
	return string(l.ID), l.Version, []any{l.Clinic, l.Device, instantText(start), day}
}

// instantText is an instant as fixed-width UTC text, which sorts as the instants do.
func instantText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

// AEFI implements immunization.AEFIStore.
func (s *ImmunizationClinicStore) AEFI(ctx context.Context, id immunization.AEFIID) (*immunization.AEFIReport, error) {
	return immAEFI.get(ctx, s.db, string(id))
}

// PutAEFI implements immunization.AEFIStore.
func (s *ImmunizationClinicStore) PutAEFI(ctx context.Context, r *immunization.AEFIReport, prev int64) error {
	return immAEFI.put(ctx, s.db, r, prev)
}

// AEFIs implements immunization.AEFIStore: by village prefix and the Asia/Shanghai day
// found, ordered by the instant found, then ID. A non-zero period selects as
// gongwei.Period.Contains does.
func (s *ImmunizationClinicStore) AEFIs(ctx context.Context, f immunization.AEFIFilter) iter.Seq2[*immunization.AEFIReport, error] {
	q := immAEFI.query()
	hasPrefixCond(&q, "village", f.Prefix)
	q.contains("found_day", f.Period)
	return immAEFI.stream(ctx, s.db, q, "found, id")
}

// TemperatureLog implements immunization.ColdChainStore.
func (s *ImmunizationClinicStore) TemperatureLog(ctx context.Context, id immunization.TemperatureLogID) (*immunization.TemperatureLog, error) {
	return immLogs.get(ctx, s.db, string(id))
}

// PutTemperatureLog implements immunization.ColdChainStore.
func (s *ImmunizationClinicStore) PutTemperatureLog(ctx context.Context, l *immunization.TemperatureLog, prev int64) error {
	return immLogs.put(ctx, s.db, l, prev)
}

// TemperatureLogs implements immunization.ColdChainStore: by clinic and the
// Asia/Shanghai day of the first reading, ordered by clinic, device, first reading, then
// ID. A non-zero period selects as gongwei.Period.Contains does.
func (s *ImmunizationClinicStore) TemperatureLogs(ctx context.Context, f immunization.ColdChainFilter) iter.Seq2[*immunization.TemperatureLog, error] {
	q := immLogs.query()
	if f.Clinic != "" {
		q.and("clinic = ?", f.Clinic)
	}
	q.contains("start_day", f.Period)
	return immLogs.stream(ctx, s.db, q, "clinic, device, start, id")
}

// Movement implements immunization.MovementStore.
func (s *ImmunizationClinicStore) Movement(ctx context.Context, id immunization.MovementID) (*immunization.Movement, error) {
	return immMovements.get(ctx, s.db, string(id))
}

// PutMovement implements immunization.MovementStore.
func (s *ImmunizationClinicStore) PutMovement(ctx context.Context, m *immunization.Movement, prev int64) error {
	return immMovements.put(ctx, s.db, m, prev)
}

// Movements implements immunization.MovementStore: by resident and village prefix,
// ordered by resident, date, then ID.
func (s *ImmunizationClinicStore) Movements(ctx context.Context, f immunization.MovementFilter) iter.Seq2[*immunization.Movement, error] {
	q := immMovements.query()
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	return immMovements.stream(ctx, s.db, q, "resident, date, id")
}

// Campaign implements immunization.CampaignStore.
func (s *ImmunizationClinicStore) Campaign(ctx context.Context, id immunization.CampaignID) (*immunization.Campaign, error) {
	return immCampaigns.get(ctx, s.db, string(id))
}

// PutCampaign implements immunization.CampaignStore.
func (s *ImmunizationClinicStore) PutCampaign(ctx context.Context, c *immunization.Campaign, prev int64) error {
	return immCampaigns.put(ctx, s.db, c, prev)
}

// Campaigns implements immunization.CampaignStore: those overlapping p
// (immunization.Campaign.Overlaps), ordered by start, then ID.
func (s *ImmunizationClinicStore) Campaigns(ctx context.Context, p gongwei.Period) iter.Seq2[*immunization.Campaign, error] {
	q := immCampaigns.query()
	if p != (gongwei.Period{}) {
		q.and(`start < ? AND ? < "end"`, dateText(p.End), dateText(p.Start))
	}
	return immCampaigns.stream(ctx, s.db, q, "start, id")
}
