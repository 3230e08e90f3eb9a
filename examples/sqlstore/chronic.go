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
	db *DB
}

var _ chronic.Store = (*ChronicStore)(nil)

// Chronic returns chronic-disease management's store in db.
func (db *DB) Chronic() *ChronicStore { return &ChronicStore{db: db} }

var (
	chronicPatientsTable = newTable("chronic_patients", "chronic patient", "village", "condition_code", "resident")
	chronicVisitsTable   = newTable("chronic_visits", "chronic visit", "patient", "date")
)

// Patient implements chronic.Store.
func (s *ChronicStore) Patient(ctx context.Context, id chronic.PatientID) (*chronic.Patient, error) {
	return getRow[chronic.Patient](ctx, s.db, chronicPatientsTable, string(id))
}

// PutPatient implements chronic.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as for every store.
func (s *ChronicStore) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	return s.db.write(ctx, "put chronic patient", func(tx *txn) error {
		return putRow(ctx, s.db, tx, chronicPatientsTable, string(p.ID), p.Version, prev, p,
			string(p.Village), string(p.Condition), string(p.Resident))
	})
}

// Patients implements chronic.Store: ordered by village, then ID.
func (s *ChronicStore) Patients(ctx context.Context, f chronic.PatientFilter) iter.Seq2[*chronic.Patient, error] {
	q := query{base: "SELECT body FROM chronic_patients"}
	andVillagePrefix(&q, f.Prefix)
	if f.Condition != "" {
		q.and("condition_code = ?", string(f.Condition))
	}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	return stream[chronic.Patient](ctx, s.db, "stream chronic patients", q.sql("village, id"), q.args...)
}

// Visit implements chronic.Store.
func (s *ChronicStore) Visit(ctx context.Context, id chronic.VisitID) (*chronic.Visit, error) {
	return getRow[chronic.Visit](ctx, s.db, chronicVisitsTable, string(id))
}

// PutVisit implements chronic.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as for every store. The date column is the date of the
// follow-up the visit holds (chronic.Visit.Date).
func (s *ChronicStore) PutVisit(ctx context.Context, v *chronic.Visit, prev int64) error {
	return s.db.write(ctx, "put chronic visit", func(tx *txn) error {
		return putRow(ctx, s.db, tx, chronicVisitsTable, string(v.ID), v.Version, prev, v,
			string(v.Patient), dateText(v.Date()))
	})
}

// Visits implements chronic.Store: ordered by date, then ID.
func (s *ChronicStore) Visits(ctx context.Context, f chronic.VisitFilter) iter.Seq2[*chronic.Visit, error] {
	q := query{base: "SELECT body FROM chronic_visits"}
	if f.Patient != "" {
		q.and("patient = ?", string(f.Patient))
	}
	q.period("date", f.Period)
	return stream[chronic.Visit](ctx, s.db, "stream chronic visits", q.sql("date, id"), q.args...)
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
