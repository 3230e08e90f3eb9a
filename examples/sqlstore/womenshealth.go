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
	store
}

var _ womenshealth.Store = (*WomensHealthStore)(nil)

// WomensHealth returns the women's health projects' store in db.
func (db *DB) WomensHealth() *WomensHealthStore { return &WomensHealthStore{store{db}} }

var (
	womenScreenings = newRecords("women_screenings", "screening", "screenings", []string{"village", "date"},
		func(x *womenshealth.Screening) (string, int64, []any) {
			return string(x.ID), x.Version, []any{string(x.Village), dateText(x.Date)}
		})
	womenReports = newRecords("women_reports", "report", "reports", []string{"village", "event"},
		func(r *womenshealth.Report) (string, int64, []any) {
			return string(r.ID), r.Version, []any{string(r.Village), dateText(r.Event)}
		})
)

// Screening implements womenshealth.Store.
func (s *WomensHealthStore) Screening(ctx context.Context, id womenshealth.ID) (*womenshealth.Screening, error) {
	return womenScreenings.get(ctx, s.db, string(id))
}

// PutScreening implements womenshealth.Store.
func (s *WomensHealthStore) PutScreening(ctx context.Context, x *womenshealth.Screening, prev int64) error {
	return womenScreenings.put(ctx, s.db, x, prev)
}

// Screenings implements womenshealth.Store.
func (s *WomensHealthStore) Screenings(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Screening, error] {
	return womenScreenings.stream(ctx, s.db, womenScreenings.query().within("village", f.Prefix, "date", f.Period), "date, id")
}

// Report implements womenshealth.Store.
func (s *WomensHealthStore) Report(ctx context.Context, id womenshealth.ID) (*womenshealth.Report, error) {
	return womenReports.get(ctx, s.db, string(id))
}

// PutReport implements womenshealth.Store.
func (s *WomensHealthStore) PutReport(ctx context.Context, r *womenshealth.Report, prev int64) error {
	return womenReports.put(ctx, s.db, r, prev)
}

// Reports implements womenshealth.Store.
func (s *WomensHealthStore) Reports(ctx context.Context, f womenshealth.Filter) iter.Seq2[*womenshealth.Report, error] {
	return womenReports.stream(ctx, s.db, womenReports.query().within("village", f.Prefix, "event", f.Period), "event, id")
}
