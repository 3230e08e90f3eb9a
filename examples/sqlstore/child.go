package sqlstore

import (
	"context"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ChildStore is child health management's store (child.Store) in the database: the
// tables of migrations/child. Get it from [DB.Child]; wrap it in a child.Service.
type ChildStore struct {
	subjectStore
}

var _ child.Store = (*ChildStore)(nil)

// Child returns child health management's store in db.
func (db *DB) Child() *ChildStore { return &ChildStore{subjectStore{store{db}}} }

var (
	childRecords = newRecords("child_records", "child record", "child records", []string{"resident", "village", "birth"},
		func(c *child.Child) (string, int64, []any) {
			return string(c.ID), c.Version, []any{string(c.Resident), string(c.Village), dateText(c.BirthDate)}
		})
	childVisits = newRecords("child_visits", "child visit", "child visits", []string{"child", "date"},
		func(v *child.Visit) (string, int64, []any) {
			return string(v.ID), v.Version, []any{string(v.Child), dateText(v.Date)}
		})
)

// Child implements child.Store.
func (s *ChildStore) Child(ctx context.Context, id child.ChildID) (*child.Child, error) {
	return childRecords.get(ctx, s.db, string(id))
}

// ChildByResident implements child.Store; the empty resident finds nobody.
func (s *ChildStore) ChildByResident(ctx context.Context, r healthrecord.ResidentID) (*child.Child, error) {
	const what = "child record by resident"
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: get %s: %w", what, err)
	}
	if r == "" {
		return nil, notFound(what)
	}
	return queryOne[child.Child](ctx, s.db, "get "+what, what, "SELECT body FROM child_records WHERE resident = ?", string(r))
}

// PutChild implements child.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict; a resident another record has (the unique index on resident)
// fails with gongwei.ErrDuplicate. The version check comes first: a stale update
// writes no row, so it cannot violate the index.
func (s *ChildStore) PutChild(ctx context.Context, c *child.Child, prev int64) error {
	return childRecords.put(ctx, s.db, c, prev)
}

// Children implements child.Store: ordered by ID.
func (s *ChildStore) Children(ctx context.Context, f child.ChildFilter) iter.Seq2[*child.Child, error] {
	q := childRecords.query()
	andVillagePrefix(&q, f.Prefix)
	if !f.BornFrom.IsZero() {
		q.and("birth >= ?", dateText(f.BornFrom))
	}
	if !f.BornBefore.IsZero() {
		q.and("birth < ?", dateText(f.BornBefore))
	}
	return childRecords.stream(ctx, s.db, q, "id")
}

// Visit implements child.Store.
func (s *ChildStore) Visit(ctx context.Context, id child.VisitID) (*child.Visit, error) {
	return childVisits.get(ctx, s.db, string(id))
}

// PutVisit implements child.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict.
func (s *ChildStore) PutVisit(ctx context.Context, v *child.Visit, prev int64) error {
	return childVisits.put(ctx, s.db, v, prev)
}

// Visits implements child.Store: ordered by child, then date, then ID.
func (s *ChildStore) Visits(ctx context.Context, f child.VisitFilter) iter.Seq2[*child.Visit, error] {
	q := childVisits.query()
	if f.Child != "" {
		q.and("child = ?", string(f.Child))
	}
	q.period("date", f.Period)
	return childVisits.stream(ctx, s.db, q, "child, date, id")
}
