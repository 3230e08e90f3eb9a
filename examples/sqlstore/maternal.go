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
	subjectStore
}

var _ maternal.Store = (*MaternalStore)(nil)

// Maternal returns maternal health management's store in db.
func (db *DB) Maternal() *MaternalStore { return &MaternalStore{subjectStore{store{db}}} }

var maternalPregnancies = newRecords("maternal_pregnancies", "pregnancy", "pregnancies",
	[]string{"village", "resident", "span_start", "span_end"},
	func(p *maternal.Pregnancy) (string, int64, []any) {
		span := p.Span()
		return string(p.ID), p.Version, []any{string(p.Village), string(p.Resident), dateText(span.Start), dateText(span.End)}
	})

// Pregnancy implements maternal.Store.
func (s *MaternalStore) Pregnancy(ctx context.Context, id maternal.PregnancyID) (*maternal.Pregnancy, error) {
	return maternalPregnancies.get(ctx, s.db, string(id))
}

// PutPregnancy implements maternal.Store: an insert (prev 0) of a stored ID fails with
// gongwei.ErrConflict, as maternal.Store asks. The span columns hold
// maternal.Pregnancy.Span; span_end is the empty text while the pregnancy is ongoing.
func (s *MaternalStore) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, prev int64) error {
	return maternalPregnancies.put(ctx, s.db, p, prev)
}

// Pregnancies implements maternal.Store: ordered by village, then ID. A pregnancy is
// under care during the filter's period when its span starts before the period ends
// and ends (or is ongoing) after the period starts.
func (s *MaternalStore) Pregnancies(ctx context.Context, f maternal.Filter) iter.Seq2[*maternal.Pregnancy, error] {
	q := maternalPregnancies.query()
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
	return maternalPregnancies.stream(ctx, s.db, q, "village, id")
}
