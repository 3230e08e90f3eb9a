package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/womenshealth"
)

// WomensHealthStore is the women's health projects' store (womenshealth.Store) in the
// database: the tables of migrations/womenshealth. Get it from [DB.WomensHealth]; wrap
// it in a womenshealth.Service.
type WomensHealthStore struct {
	db *DB
}

var _ womenshealth.Store = (*WomensHealthStore)(nil)

// WomensHealth returns the women's health projects' store in db.
func (db *DB) WomensHealth() *WomensHealthStore { return &WomensHealthStore{db: db} }

var (
	womenScreeningsTable = newTable("women_screenings", "screening", "village", "date")
	womenReportsTable    = newTable("women_reports", "report", "village", "event")
)

// Screening implements womenshealth.Store.
func (s *WomensHealthStore) Screening(ctx context.Context, id womenshealth.ID) (*womenshealth.Screening, error) {
	return getRow[womenshealth.Screening](ctx, s.db, womenScreeningsTable, string(id))
}

// PutScreening implements womenshealth.Store.
func (s *WomensHealthStore) PutScreening(ctx context.Context, x *womenshealth.Screening, prev int64) error {
	return s.db.write(ctx, "put screening", func(tx *txn) error {
		return putRow(ctx, s.db, tx, womenScreeningsTable, string(x.ID), x.Version, prev, x, string(x.Village), dateText(x.Date))
	})
}

// Screenings implements womenshealth.Store.
func (s *WomensHealthStore) Screenings(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Screening, error] {
	q := query{base: "SELECT body FROM women_screenings"}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period("date", f.Period)
	return stream[womenshealth.Screening](ctx, s.db, "stream screenings", q.sql("date, id"), q.args...)
}

// Report implements womenshealth.Store.
func (s *WomensHealthStore) Report(ctx context.Context, id womenshealth.ID) (*womenshealth.Report, error) {
	return getRow[womenshealth.Report](ctx, s.db, womenReportsTable, string(id))
}

// PutReport implements womenshealth.Store.
func (s *WomensHealthStore) PutReport(ctx context.Context, r *womenshealth.Report, prev int64) error {
	return s.db.write(ctx, "put report", func(tx *txn) error {
		return putRow(ctx, s.db, tx, womenReportsTable, string(r.ID), r.Version, prev, r, string(r.Village), dateText(r.Event))
	})
}

// Reports implements womenshealth.Store.
func (s *WomensHealthStore) Reports(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Report, error] {
	q := query{base: "SELECT body FROM women_reports"}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period("event", f.Period)
	return stream[womenshealth.Report](ctx, s.db, "stream reports", q.sql("event, id"), q.args...)
}
