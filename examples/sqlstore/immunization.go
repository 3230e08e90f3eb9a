package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
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
	db *DB
}

var _ immunization.Store = (*ImmunizationStore)(nil)

// Immunization returns immunization's store in db.
func (db *DB) Immunization() *ImmunizationStore { return &ImmunizationStore{db: db} }

var (
	immRegistrationsTable = newTable("immunization_registrations", "registration", "village")
	immVaccinationsTable  = newTable("immunization_vaccinations", "vaccination", "resident", "village", "date")
)

// Registration implements immunization.Store.
func (s *ImmunizationStore) Registration(ctx context.Context, id healthrecord.ResidentID) (*immunization.Registration, error) {
	return getRow[immunization.Registration](ctx, s.db, immRegistrationsTable, string(id))
}

// PutRegistration implements immunization.Store: the registration is keyed by its
// resident.
func (s *ImmunizationStore) PutRegistration(ctx context.Context, r *immunization.Registration, prev int64) error {
	return s.db.write(ctx, "put registration", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immRegistrationsTable, string(r.Resident), r.Version, prev, r, string(r.Village))
	})
}

// Registrations implements immunization.Store: by village prefix, ordered by village,
// then resident.
func (s *ImmunizationStore) Registrations(ctx context.Context, f immunization.Filter) iter.Seq2[*immunization.Registration, error] {
	q := query{base: "SELECT body FROM immunization_registrations"}
	hasPrefixCond(&q, "village", f.Prefix)
	return stream[immunization.Registration](ctx, s.db, "stream registrations", q.sql("village, id"), q.args...)
}

// Vaccination implements immunization.Store.
func (s *ImmunizationStore) Vaccination(ctx context.Context, id immunization.VaccinationID) (*immunization.Vaccination, error) {
	return getRow[immunization.Vaccination](ctx, s.db, immVaccinationsTable, string(id))
}

// PutVaccination implements immunization.Store.
func (s *ImmunizationStore) PutVaccination(ctx context.Context, v *immunization.Vaccination, prev int64) error {
	return s.db.write(ctx, "put vaccination", func(tx *txn) error {
		return putRow(ctx, s.db, tx, immVaccinationsTable, string(v.ID), v.Version, prev, v,
			string(v.Resident), string(v.Village), dateText(v.Dose.Date))
	})
}

// Vaccinations implements immunization.Store: by resident, village prefix and date,
// ordered by date, then ID. A non-zero period selects as gongwei.Period.Contains does:
// Start <= date < End, so a period without an End selects nothing, and an undated dose
// is in no period.
func (s *ImmunizationStore) Vaccinations(ctx context.Context, f immunization.VaccinationFilter) iter.Seq2[*immunization.Vaccination, error] {
	q := query{base: "SELECT body FROM immunization_vaccinations"}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Period != (gongwei.Period{}) {
		q.and("date <> '' AND date >= ? AND date < ?", dateText(f.Period.Start), dateText(f.Period.End))
	}
	return stream[immunization.Vaccination](ctx, s.db, "stream vaccinations", q.sql("date, id"), q.args...)
}
