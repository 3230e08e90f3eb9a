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
	store
}

var _ villageclinic.Store = (*VillageClinicStore)(nil)

// VillageClinics returns the village clinics' store in db.
func (db *DB) VillageClinics() *VillageClinicStore { return &VillageClinicStore{store{db}} }

var (
	villageVisits = newRecords("village_visits", "visit", "visits", []string{"village", "date"},
		func(v *villageclinic.Visit) (string, int64, []any) {
			return string(v.ID), v.Version, []any{string(v.Village), dateText(v.Date)}
		})
	villageTrainings = newRecords("village_trainings", "training", "trainings", []string{"township", "date"},
		func(t *villageclinic.Training) (string, int64, []any) {
			return string(t.ID), t.Version, []any{t.Township, dateText(t.Date)}
		})
)

// Visit implements villageclinic.Store.
func (s *VillageClinicStore) Visit(ctx context.Context, id villageclinic.ID) (*villageclinic.Visit, error) {
	return villageVisits.get(ctx, s.db, string(id))
}

// PutVisit implements villageclinic.Store.
func (s *VillageClinicStore) PutVisit(ctx context.Context, v *villageclinic.Visit, prev int64) error {
	return villageVisits.put(ctx, s.db, v, prev)
}

// Visits implements villageclinic.Store.
func (s *VillageClinicStore) Visits(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Visit, error] {
	return villageVisits.stream(ctx, s.db, villageVisits.query().within("village", f.Prefix, "date", f.Period), "date, id")
}

// Training implements villageclinic.Store.
func (s *VillageClinicStore) Training(ctx context.Context, id villageclinic.ID) (*villageclinic.Training, error) {
	return villageTrainings.get(ctx, s.db, string(id))
}

// PutTraining implements villageclinic.Store.
func (s *VillageClinicStore) PutTraining(ctx context.Context, t *villageclinic.Training, prev int64) error {
	return villageTrainings.put(ctx, s.db, t, prev)
}

// Trainings implements villageclinic.Store.
func (s *VillageClinicStore) Trainings(ctx context.Context, f villageclinic.Filter) iter.Seq2[*villageclinic.Training, error] {
	return villageTrainings.stream(ctx, s.db, villageTrainings.query().within("township", f.Prefix, "date", f.Period), "date, id")
}
