package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/maternal"
)

// MaternalStore is maternal health management's store (maternal.Store) in the
// database: the tables of migrations/maternal. Get it from [DB.Maternal]; wrap it in a
// maternal.Registry.
type MaternalStore struct {
	db *DB
}

var _ maternal.Store = (*MaternalStore)(nil)

// Maternal returns maternal health management's store in db.
func (db *DB) Maternal() *MaternalStore { return &MaternalStore{db: db} }

var maternalPregnanciesTable = newTable("maternal_pregnancies", "pregnancy", "village", "resident", "span_start", "span_end")

// Pregnancy implements maternal.Store.
func (s *MaternalStore) Pregnancy(ctx context.Context, id maternal.PregnancyID) (*maternal.Pregnancy, error) {
	return getRow[maternal.Pregnancy](ctx, s.db, maternalPregnanciesTable, string(id))
}

// PutPregnancy implements maternal.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as maternal.Store asks. The span columns hold
// maternal.Pregnancy.Span; span_end is the empty text while the pregnancy is ongoing.
func (s *MaternalStore) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, prev int64) error {
	span := p.Span()
	return s.db.write(ctx, "put pregnancy", func(tx *txn) error {
		return putRow(ctx, s.db, tx, maternalPregnanciesTable, string(p.ID), p.Version, prev, p,
			string(p.Village), string(p.Resident), dateText(span.Start), dateText(span.End))
	})
}

// Pregnancies implements maternal.Store: ordered by village, then ID. A pregnancy is
// under care during the filter's period when its span starts before the period ends
// and ends (or is ongoing) after the period starts.
func (s *MaternalStore) Pregnancies(ctx context.Context, f maternal.Filter) iter.Seq2[*maternal.Pregnancy, error] {
	q := query{base: "SELECT body FROM maternal_pregnancies"}
	andVillagePrefix(&q, f.Prefix)
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	if !f.Period.End.IsZero() {
		q.and("span_start < ?", dateText(f.Period.End))
	}
	if !f.Period.Start.IsZero() {
		q.and("(span_end = '' OR span_end > ?)", dateText(f.Period.Start))
	}
	return stream[maternal.Pregnancy](ctx, s.db, "stream pregnancies", q.sql("village, id"), q.args...)
}
