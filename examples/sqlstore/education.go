package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/education"
)

// EducationStore is health education's store (education.Store) in the database: the
// table of migrations/education. Get it from [DB.Education]; wrap it in an
// education.Service.
type EducationStore struct {
	db *DB
}

var _ education.Store = (*EducationStore)(nil)

// Education returns health education's store in db.
func (db *DB) Education() *EducationStore { return &EducationStore{db: db} }

var eduActivitiesTable = newTable("education_activities", "activity", "division", "kind", "date")

// Activity implements education.Store.
func (s *EducationStore) Activity(ctx context.Context, id education.ID) (*education.Activity, error) {
	return getRow[education.Activity](ctx, s.db, eduActivitiesTable, string(id))
}

// PutActivity implements education.Store.
func (s *EducationStore) PutActivity(ctx context.Context, a *education.Activity, prev int64) error {
	return s.db.write(ctx, "put activity", func(tx *txn) error {
		return putRow(ctx, s.db, tx, eduActivitiesTable, string(a.ID), a.Version, prev, a,
			a.Division, string(a.Kind), dateText(a.Date))
	})
}

// Activities implements education.Store: selected by the prefix of the institution's
// division code, the kind and the date, ordered by date, then ID.
func (s *EducationStore) Activities(ctx context.Context, f education.Filter) iter.Seq2[*education.Activity, error] {
	q := query{base: "SELECT body FROM education_activities"}
	hasPrefixCond(&q, "division", f.Prefix)
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	q.period("date", f.Period)
	return stream[education.Activity](ctx, s.db, "stream activities", q.sql("date, id"), q.args...)
}
