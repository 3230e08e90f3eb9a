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
	db *DB
}

var (
	_ immunization.AEFIStore      = (*ImmunizationClinicStore)(nil)
	_ immunization.ColdChainStore = (*ImmunizationClinicStore)(nil)
	_ immunization.MovementStore  = (*ImmunizationClinicStore)(nil)
	_ immunization.CampaignStore  = (*ImmunizationClinicStore)(nil)
)

// ImmunizationClinic returns the clinic store in db.
func (db *DB) ImmunizationClinic() *ImmunizationClinicStore { return &ImmunizationClinicStore{db: db} }

var (
	immAEFITable = newTable("immunization_aefi", "AEFI report", "village", "found", "found_day")
	immLogTable  = newTable("immunization_temperature_logs", "temperature log", "clinic", "device", "start", "start_day")
	immMoveTable = newTable("immunization_movements", "movement", "resident", "village", "date")
	immCampTable = newTable("immunization_campaigns", "campaign", "start", `"end"`)
)

// instantText is an instant as fixed-width UTC text, which sorts as the instants do.
func instantText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

// AEFI implements immunization.AEFIStore.
func (s *ImmunizationClinicStore) AEFI(ctx context.Context, id immunization.AEFIID) (*immunization.AEFIReport, error) {
	return getRow[immunization.AEFIReport](ctx, s.db, immAEFITable, string(id))
}

// PutAEFI implements immunization.AEFIStore.
func (s *ImmunizationClinicStore) PutAEFI(ctx context.Context, r *immunization.AEFIReport, prev int64) error {
	return s.db.write(ctx, "put AEFI report", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immAEFITable, string(r.ID), r.Version, prev, r,
			string(r.Village), instantText(r.Found), dateText(r.FoundDay()))
	})
}

// AEFIs implements immunization.AEFIStore: by village prefix and the Asia/Shanghai day
// found, ordered by the instant found, then ID. A non-zero period selects as
// gongwei.Period.Contains does.
func (s *ImmunizationClinicStore) AEFIs(ctx context.Context, f immunization.AEFIFilter) iter.Seq2[*immunization.AEFIReport, error] {
	q := query{base: "SELECT body FROM immunization_aefi"}
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Period != (gongwei.Period{}) {
		q.and("found_day <> '' AND found_day >= ? AND found_day < ?", dateText(f.Period.Start), dateText(f.Period.End))
	}
	return stream[immunization.AEFIReport](ctx, s.db, "stream AEFI reports", q.sql("found, id"), q.args...)
}

// TemperatureLog implements immunization.ColdChainStore.
func (s *ImmunizationClinicStore) TemperatureLog(ctx context.Context, id immunization.TemperatureLogID) (*immunization.TemperatureLog, error) {
	return getRow[immunization.TemperatureLog](ctx, s.db, immLogTable, string(id))
}

// PutTemperatureLog implements immunization.ColdChainStore.
func (s *ImmunizationClinicStore) PutTemperatureLog(ctx context.Context, l *immunization.TemperatureLog, prev int64) error {
	start := l.Start()
	day := ""
	if !start.IsZero() {
		day = dateText(gongwei.Clock(func() time.Time { return start }).Today())
	}
	return s.db.write(ctx, "put temperature log", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immLogTable, string(l.ID), l.Version, prev, l,
			l.Clinic, l.Device, instantText(start), day)
	})
}

// TemperatureLogs implements immunization.ColdChainStore: by clinic and the
// Asia/Shanghai day of the first reading, ordered by clinic, device, first reading, then
// ID. A non-zero period selects as gongwei.Period.Contains does.
func (s *ImmunizationClinicStore) TemperatureLogs(ctx context.Context, f immunization.ColdChainFilter) iter.Seq2[*immunization.TemperatureLog, error] {
	q := query{base: "SELECT body FROM immunization_temperature_logs"}
	if f.Clinic != "" {
		q.and("clinic = ?", f.Clinic)
	}
	if f.Period != (gongwei.Period{}) {
		q.and("start_day <> '' AND start_day >= ? AND start_day < ?", dateText(f.Period.Start), dateText(f.Period.End))
	}
	return stream[immunization.TemperatureLog](ctx, s.db, "stream temperature logs", q.sql("clinic, device, start, id"), q.args...)
}

// Movement implements immunization.MovementStore.
func (s *ImmunizationClinicStore) Movement(ctx context.Context, id immunization.MovementID) (*immunization.Movement, error) {
	return getRow[immunization.Movement](ctx, s.db, immMoveTable, string(id))
}

// PutMovement implements immunization.MovementStore.
func (s *ImmunizationClinicStore) PutMovement(ctx context.Context, m *immunization.Movement, prev int64) error {
	return s.db.write(ctx, "put movement", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immMoveTable, string(m.ID), m.Version, prev, m,
			string(m.Resident), string(m.Village), dateText(m.Date))
	})
}

// Movements implements immunization.MovementStore: by resident and village prefix,
// ordered by resident, date, then ID.
func (s *ImmunizationClinicStore) Movements(ctx context.Context, f immunization.MovementFilter) iter.Seq2[*immunization.Movement, error] {
	q := query{base: "SELECT body FROM immunization_movements"}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	return stream[immunization.Movement](ctx, s.db, "stream movements", q.sql("resident, date, id"), q.args...)
}

// Campaign implements immunization.CampaignStore.
func (s *ImmunizationClinicStore) Campaign(ctx context.Context, id immunization.CampaignID) (*immunization.Campaign, error) {
	return getRow[immunization.Campaign](ctx, s.db, immCampTable, string(id))
}

// PutCampaign implements immunization.CampaignStore.
func (s *ImmunizationClinicStore) PutCampaign(ctx context.Context, c *immunization.Campaign, prev int64) error {
	return s.db.write(ctx, "put campaign", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immCampTable, string(c.ID), c.Version, prev, c,
			dateText(c.Period.Start), dateText(c.Period.End))
	})
}

// Campaigns implements immunization.CampaignStore: those overlapping p
// (immunization.Campaign.Overlaps), ordered by start, then ID.
func (s *ImmunizationClinicStore) Campaigns(ctx context.Context, p gongwei.Period) iter.Seq2[*immunization.Campaign, error] {
	q := query{base: "SELECT body FROM immunization_campaigns"}
	if p != (gongwei.Period{}) {
		q.and(`start < ? AND ? < "end"`, dateText(p.End), dateText(p.Start))
	}
	return stream[immunization.Campaign](ctx, s.db, "stream campaigns", q.sql("start, id"), q.args...)
}
