package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/villageclinic"
)

// VillageClinicStore is the township centre's supervision and training of its village
// clinics (villageclinic.Store) in the database: the tables of migrations/villageclinic.
// Get it from [DB.VillageClinics]; wrap it in a villageclinic.Service.
type VillageClinicStore struct {
	db *DB
}

var _ villageclinic.Store = (*VillageClinicStore)(nil)

// VillageClinics returns the village clinics' store in db.
func (db *DB) VillageClinics() *VillageClinicStore { return &VillageClinicStore{db: db} }

var (
	villageVisitsTable    = newTable("village_visits", "visit", "village", "date")
	villageTrainingsTable = newTable("village_trainings", "training", "township", "date")
)

// Visit implements villageclinic.Store.
func (s *VillageClinicStore) Visit(ctx context.Context, id villageclinic.ID) (*villageclinic.Visit, error) {
	return getRow[villageclinic.Visit](ctx, s.db, villageVisitsTable, string(id))
}

// PutVisit implements villageclinic.Store.
func (s *VillageClinicStore) PutVisit(ctx context.Context, v *villageclinic.Visit, prev int64) error {
	return s.db.write(ctx, "put visit", func(tx *txn) error {
		return putRow(ctx, s.db, tx, villageVisitsTable, string(v.ID), v.Version, prev, v, string(v.Village), dateText(v.Date))
	})
}

// Visits implements villageclinic.Store.
func (s *VillageClinicStore) Visits(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Visit, error] {
	q := query{base: "SELECT body FROM village_visits"}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period("date", f.Period)
	return stream[villageclinic.Visit](ctx, s.db, "stream visits", q.sql("date, id"), q.args...)
}

// Training implements villageclinic.Store.
func (s *VillageClinicStore) Training(ctx context.Context, id villageclinic.ID) (*villageclinic.Training, error) {
	return getRow[villageclinic.Training](ctx, s.db, villageTrainingsTable, string(id))
}

// PutTraining implements villageclinic.Store.
func (s *VillageClinicStore) PutTraining(ctx context.Context, t *villageclinic.Training, prev int64) error {
	return s.db.write(ctx, "put training", func(tx *txn) error {
		return putRow(ctx, s.db, tx, villageTrainingsTable, string(t.ID), t.Version, prev, t, t.Township, dateText(t.Date))
	})
}

// Trainings implements villageclinic.Store.
func (s *VillageClinicStore) Trainings(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Training, error] {
	q := query{base: "SELECT body FROM village_trainings"}
	hasPrefixCond(&q, "township", f.Prefix)
	q.period("date", f.Period)
	return stream[villageclinic.Training](ctx, s.db, "stream trainings", q.sql("date, id"), q.args...)
}
