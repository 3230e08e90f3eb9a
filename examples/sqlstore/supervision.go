package sqlstore

import (
	"context"
	"iter"
	"time"
	"unicode/utf8"

	"github.com/gongwei-lib/gongwei/supervision"
)

// SupervisionStore is health supervision's store (supervision.Store) in the database:
// the tables of migrations/supervision. Get it from [DB.Supervision]; wrap it in a
// supervision.Service.
//
// Instants (a case report's Diagnosed and Reported, an emergency report's Discovered
// and Reported) are kept in the JSON body with their UTC offset, which JSON keeps but
// the time zone's name it does not: an instant read back at the Asia/Shanghai offset
// (+08:00) is returned in supervision.Shanghai, one in UTC in UTC, and one at another
// offset in a fixed zone of that offset. The instant is always the same; records saved
// through supervision.Service, which puts their instants in Asia/Shanghai, read back
// exactly as saved.
type SupervisionStore struct {
	db *DB
}

var _ supervision.Store = (*SupervisionStore)(nil)

// Supervision returns health supervision's store in db.
func (db *DB) Supervision() *SupervisionStore { return &SupervisionStore{db: db} }

var (
	supUnitsTable       = newTable("supervision_units", "unit", "village", "kind")
	supInspectionsTable = newTable("supervision_inspections", "inspection", "unit", "village", "date")
	supComplaintsTable  = newTable("supervision_complaints", "complaint", "village", "received")
	supCluesTable       = newTable("supervision_clues", "clue", "village", "found")
	supCasesTable       = newTable("supervision_case_reports", "case report", "village", "registered")
	supEmergencyTable   = newTable("supervision_emergency_reports", "emergency report", "village", "discovered_date", "discovered")
)

// Unit implements supervision.Store.
func (s *SupervisionStore) Unit(ctx context.Context, id supervision.UnitID) (*supervision.Unit, error) {
	return getRow[supervision.Unit](ctx, s.db, supUnitsTable, string(id))
}

// PutUnit implements supervision.Store.
func (s *SupervisionStore) PutUnit(ctx context.Context, u *supervision.Unit, prev int64) error {
	return s.db.write(ctx, "put unit", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supUnitsTable, string(u.ID), u.Version, prev, u, string(u.Village), string(u.Kind))
	})
}

// Units implements supervision.Store.
func (s *SupervisionStore) Units(ctx context.Context, f supervision.UnitFilter) iter.Seq2[*supervision.Unit, error] {
	q := query{base: "SELECT body FROM supervision_units"}
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	return stream[supervision.Unit](ctx, s.db, "stream units", q.sql("id"), q.args...)
}

// Inspection implements supervision.Store.
func (s *SupervisionStore) Inspection(ctx context.Context, id supervision.InspectionID) (*supervision.Inspection, error) {
	return getRow[supervision.Inspection](ctx, s.db, supInspectionsTable, string(id))
}

// PutInspection implements supervision.Store.
func (s *SupervisionStore) PutInspection(ctx context.Context, in *supervision.Inspection, prev int64) error {
	return s.db.write(ctx, "put inspection", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supInspectionsTable, string(in.ID), in.Version, prev, in,
			string(in.Unit), string(in.Village), dateText(in.Date))
	})
}

// Inspections implements supervision.Store.
func (s *SupervisionStore) Inspections(ctx context.Context, f supervision.InspectionFilter) iter.Seq2[*supervision.Inspection, error] {
	q := query{base: "SELECT body FROM supervision_inspections"}
	if f.Unit != "" {
		q.and("unit = ?", string(f.Unit))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period("date", f.Period)
	return stream[supervision.Inspection](ctx, s.db, "stream inspections", q.sql("date, id"), q.args...)
}

// Complaint implements supervision.Store.
func (s *SupervisionStore) Complaint(ctx context.Context, id supervision.ComplaintID) (*supervision.Complaint, error) {
	return getRow[supervision.Complaint](ctx, s.db, supComplaintsTable, string(id))
}

// PutComplaint implements supervision.Store.
func (s *SupervisionStore) PutComplaint(ctx context.Context, c *supervision.Complaint, prev int64) error {
	return s.db.write(ctx, "put complaint", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supComplaintsTable, string(c.ID), c.Version, prev, c, string(c.Village), dateText(c.Received))
	})
}

// Complaints implements supervision.Store: by the date received.
func (s *SupervisionStore) Complaints(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Complaint, error] {
	q := supFilter("supervision_complaints", "received", f)
	return stream[supervision.Complaint](ctx, s.db, "stream complaints", q.sql("received, id"), q.args...)
}

// Clue implements supervision.Store.
func (s *SupervisionStore) Clue(ctx context.Context, id supervision.ClueID) (*supervision.Clue, error) {
	return getRow[supervision.Clue](ctx, s.db, supCluesTable, string(id))
}

// PutClue implements supervision.Store.
func (s *SupervisionStore) PutClue(ctx context.Context, c *supervision.Clue, prev int64) error {
	return s.db.write(ctx, "put clue", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supCluesTable, string(c.ID), c.Version, prev, c, string(c.Village), dateText(c.Found))
	})
}

// Clues implements supervision.Store: by the date found.
func (s *SupervisionStore) Clues(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Clue, error] {
	q := supFilter("supervision_clues", "found", f)
	return stream[supervision.Clue](ctx, s.db, "stream clues", q.sql("found, id"), q.args...)
}

// CaseReport implements supervision.Store.
func (s *SupervisionStore) CaseReport(ctx context.Context, id supervision.CaseReportID) (*supervision.CaseReport, error) {
	r, err := getRow[supervision.CaseReport](ctx, s.db, supCasesTable, string(id))
	if err != nil {
		return nil, err
	}
	fixCaseReport(r)
	return r, nil
}

// PutCaseReport implements supervision.Store.
func (s *SupervisionStore) PutCaseReport(ctx context.Context, r *supervision.CaseReport, prev int64) error {
	return s.db.write(ctx, "put case report", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supCasesTable, string(r.ID), r.Version, prev, r, string(r.Village), dateText(r.Registered))
	})
}

// CaseReports implements supervision.Store: by the date registered.
func (s *SupervisionStore) CaseReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.CaseReport, error] {
	q := supFilter("supervision_case_reports", "registered", f)
	return supFixed(stream[supervision.CaseReport](ctx, s.db, "stream case reports", q.sql("registered, id"), q.args...), fixCaseReport)
}

// EmergencyReport implements supervision.Store.
func (s *SupervisionStore) EmergencyReport(ctx context.Context, id supervision.EmergencyReportID) (*supervision.EmergencyReport, error) {
	e, err := getRow[supervision.EmergencyReport](ctx, s.db, supEmergencyTable, string(id))
	if err != nil {
		return nil, err
	}
	fixEmergencyReport(e)
	return e, nil
}

// PutEmergencyReport implements supervision.Store.
func (s *SupervisionStore) PutEmergencyReport(ctx context.Context, e *supervision.EmergencyReport, prev int64) error {
	return s.db.write(ctx, "put emergency report", func(tx *txn) error {
		return putRow(ctx, s.db, tx, supEmergencyTable, string(e.ID), e.Version, prev, e,
			string(e.Village), dateText(e.DiscoveredDate()), supInstant(e.Discovered))
	})
}

// EmergencyReports implements supervision.Store: selected by the Asia/Shanghai date of
// discovery, ordered by the instant.
func (s *SupervisionStore) EmergencyReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.EmergencyReport, error] {
	q := supFilter("supervision_emergency_reports", "discovered_date", f)
	return supFixed(stream[supervision.EmergencyReport](ctx, s.db, "stream emergency reports", q.sql("discovered, id"), q.args...), fixEmergencyReport)
}

// supFilter starts the query of a report table selected by village prefix and by the
// period of its date column.
func supFilter(table, dateCol string, f supervision.Filter) query {
	q := query{base: "SELECT body FROM " + table}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period(dateCol, f.Period)
	return q
}

// hasPrefixCond adds the condition selecting the rows whose column col starts with p
// (nothing when p is empty). A digit prefix (a division code, the usual case) becomes a
// range the column's index serves; any other prefix compares the column's first
// characters.
func hasPrefixCond(q *query, col, p string) {
	if p == "" {
		return
	}
	if lo, hi, ok := prefixRange(p); ok {
		q.and(col+" >= ? AND "+col+" < ?", lo, hi)
		return
	}
	q.and("substr("+col+", 1, ?) = ?", utf8.RuneCountInString(p), p)
}

// supInstant is the stored form of an instant, for ordering: UTC text of fixed width
// (years 0000 to 9999), which sorts as the instants do. The zero instant sorts first.
func supInstant(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

// supFixed applies fix to each record of seq.
func supFixed[T any](seq iter.Seq2[*T, error], fix func(*T)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for x, err := range seq {
			if err == nil {
				fix(x)
			}
			if !yield(x, err) {
				return
			}
		}
	}
}

func fixCaseReport(r *supervision.CaseReport) {
	r.Diagnosed, r.Reported = shanghaiZone(r.Diagnosed), shanghaiZone(r.Reported)
}

func fixEmergencyReport(e *supervision.EmergencyReport) {
	e.Discovered, e.Reported = shanghaiZone(e.Discovered), shanghaiZone(e.Reported)
}

// shanghaiZone returns a decoded instant in supervision.Shanghai when it carries that
// zone's offset at that instant (JSON keeps the offset, not the zone); UTC and other
// offsets, and the zero instant, are left as decoded.
func shanghaiZone(t time.Time) time.Time {
	if t.IsZero() || t.Location() == time.UTC {
		return t
	}
	_, off := t.Zone()
	if _, want := t.In(supervision.Shanghai).Zone(); off == want {
		return t.In(supervision.Shanghai)
	}
	return t
}
