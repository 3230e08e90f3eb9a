package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/chronic"
)

// ChronicStore is chronic-disease management's store (chronic.Store) in the database:
// the tables of migrations/chronic. Get it from [DB.Chronic]; wrap it in a
// chronic.Service.
type ChronicStore struct {
	subjectStore
}

var _ chronic.Store = (*ChronicStore)(nil)

// Chronic returns chronic-disease management's store in db.
func (db *DB) Chronic() *ChronicStore { return &ChronicStore{subjectStore{store{db}}} }

var (
	chronicPatients = newRecords("chronic_patients", "chronic patient", "chronic patients", []string{"village", "condition_code", "resident"},
		func(p *chronic.Patient) (string, int64, []any) {
			return string(p.ID), p.Version, []any{string(p.Village), string(p.Condition), string(p.Resident)}
		})
	chronicVisits = newRecords("chronic_visits", "chronic visit", "chronic visits", []string{"patient", "date"},
		func(v *chronic.Visit) (string, int64, []any) {
			return string(v.ID), v.Version, []any{string(v.Patient), dateText(v.Date())}
		})
)

// Patient implements chronic.Store.
func (s *ChronicStore) Patient(ctx context.Context, id chronic.PatientID) (*chronic.Patient, error) {
	return chronicPatients.get(ctx, s.db, string(id))
}

// PutPatient implements chronic.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as for every store.
func (s *ChronicStore) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	return chronicPatients.put(ctx, s.db, p, prev)
}

// Patients implements chronic.Store: ordered by village, then ID.
func (s *ChronicStore) Patients(ctx context.Context, f chronic.PatientFilter) iter.Seq2[*chronic.Patient, error] {
	q := chronicPatients.query()
	andVillagePrefix(&q, f.Prefix)
	if f.Condition != "" {
		q.and("condition_code = ?", string(f.Condition))
	}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	return chronicPatients.stream(ctx, s.db, q, "village, id")
}

// Visit implements chronic.Store.
func (s *ChronicStore) Visit(ctx context.Context, id chronic.VisitID) (*chronic.Visit, error) {
	return chronicVisits.get(ctx, s.db, string(id))
}

// PutVisit implements chronic.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as for every store. The date column is the date of the
// follow-up the visit holds (chronic.Visit.Date).
func (s *ChronicStore) PutVisit(ctx context.Context, v *chronic.Visit, prev int64) error {
	return chronicVisits.put(ctx, s.db, v, prev)
}

// Visits implements chronic.Store: ordered by date, then ID.
func (s *ChronicStore) Visits(ctx context.Context, f chronic.VisitFilter) iter.Seq2[*chronic.Visit, error] {
	q := chronicVisits.query()
	if f.Patient != "" {
		q.and("patient = ?", string(f.Patient))
	}
	q.period("date", f.Period)
	return chronicVisits.stream(ctx, s.db, q, "date, id")
}

// andVillagePrefix adds to q the condition selecting the rows whose village column
// starts with the digits p (6 for a county, 9 for a township, 12 for a village), as a
// range the village indexes serve; an empty p selects every row. Villages are digit
// codes (healthrecord.Village), so a p holding anything else selects none.
func andVillagePrefix(q *query, p string) {
	if p == "" {
		return
	}
	lo, hi, ok := prefixRange(p)
	if !ok {
		q.and("1 = 0")
		return
	}
	q.and("village >= ? AND village < ?", lo, hi)
}
