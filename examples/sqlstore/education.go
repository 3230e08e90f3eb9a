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
	store
}

var _ education.Store = (*EducationStore)(nil)

// Education returns health education's store in db.
func (db *DB) Education() *EducationStore { return &EducationStore{store{db}} }

var eduActivities = newRecords("education_activities", "activity", "activities", []string{"division", "kind", "date"},
	func(a *education.Activity) (string, int64, []any) {
		return string(a.ID), a.Version, []any{a.Division, string(a.Kind), dateText(a.Date)}
	})

// Activity implements education.Store.
func (s *EducationStore) Activity(ctx context.Context, id education.ID) (*education.Activity, error) {
	return eduActivities.get(ctx, s.db, string(id))
}

// PutActivity implements education.Store.
func (s *EducationStore) PutActivity(ctx context.Context, a *education.Activity, prev int64) error {
	return eduActivities.put(ctx, s.db, a, prev)
}

// Activities implements education.Store: selected by the prefix of the institution's
// division code, the kind and the date, ordered by date, then ID.
func (s *EducationStore) Activities(ctx context.Context, f education.Filter) iter.Seq2[*education.Activity, error] {
	q := eduActivities.query()
	hasPrefixCond(&q, "division", f.Prefix)
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	q.period("date", f.Period)
	return eduActivities.stream(ctx, s.db, q, "date, id")
}
