package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// ImmunizationStore is immunization's store (immunization.Store) in the database: the
// tables of migrations/immunization. Get it from [DB.Immunization]; wrap it in an
// immunization.Service.
//
// A vaccination's vaccine is stored by its identifier (immunization.Vaccine's text
// form), so a dose with a vaccine the schedule does not know fails to encode and is not
// stored; immunization.Service validates doses before they reach the store.
type ImmunizationStore struct {
	subjectStore
}

var _ immunization.Store = (*ImmunizationStore)(nil)

// Immunization returns immunization's store in db.
func (db *DB) Immunization() *ImmunizationStore { return &ImmunizationStore{subjectStore{store{db}}} }

var (
	// A registration is keyed by its resident.
	immRegistrations = newRecords("immunization_registrations", "registration", "registrations", []string{"village"},
		func(r *immunization.Registration) (string, int64, []any) {
			return string(r.Resident), r.Version, []any{string(r.Village)}
		})
	// A vaccination's dose is in columns too (doseColumns), for the counted one-scan read.
	immVaccinations = newRecords("immunization_vaccinations", "vaccination", "vaccinations", append([]string{"resident", "village", "date"}, doseColumns...),
		func(v *immunization.Vaccination) (string, int64, []any) {
			return string(v.ID), v.Version, append([]any{string(v.Resident), string(v.Village), dateText(v.Dose.Date)}, doseCounted(v.Dose)...)
		})
)

// Registration implements immunization.Store.
func (s *ImmunizationStore) Registration(ctx context.Context, id healthrecord.ResidentID) (*immunization.Registration, error) {
	return immRegistrations.get(ctx, s.db, string(id))
}

// PutRegistration implements immunization.Store: the registration is keyed by its
// resident.
func (s *ImmunizationStore) PutRegistration(ctx context.Context, r *immunization.Registration, prev int64) error {
	return immRegistrations.put(ctx, s.db, r, prev)
}

// Registrations implements immunization.Store: by village prefix, ordered by village,
// then resident.
func (s *ImmunizationStore) Registrations(ctx context.Context, f immunization.Filter) iter.Seq2[*immunization.Registration, error] {
	q := immRegistrations.query()
	hasPrefixCond(&q, "village", f.Prefix)
	return immRegistrations.stream(ctx, s.db, q, "village, id")
}

// Vaccination implements immunization.Store.
func (s *ImmunizationStore) Vaccination(ctx context.Context, id immunization.VaccinationID) (*immunization.Vaccination, error) {
	return immVaccinations.get(ctx, s.db, string(id))
}

// PutVaccination implements immunization.Store.
func (s *ImmunizationStore) PutVaccination(ctx context.Context, v *immunization.Vaccination, prev int64) error {
	return immVaccinations.put(ctx, s.db, v, prev)
}

// Vaccinations implements immunization.Store: by resident, village prefix and date,
// ordered by date, then ID. A non-zero period selects as gongwei.Period.Contains does:
// Start <= date < End, so a period without an End selects nothing, and an undated dose
// is in no period.
func (s *ImmunizationStore) Vaccinations(ctx context.Context, f immunization.VaccinationFilter) iter.Seq2[*immunization.Vaccination, error] {
	q := immVaccinations.query()
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	q.contains("date", f.Period)
	return immVaccinations.stream(ctx, s.db, q, "date, id")
}
