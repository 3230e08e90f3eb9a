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
	store
}

var _ supervision.Store = (*SupervisionStore)(nil)

// Supervision returns health supervision's store in db.
func (db *DB) Supervision() *SupervisionStore { return &SupervisionStore{store{db}} }

var (
	supUnits = newRecords("supervision_units", "unit", "units", []string{"village", "kind"},
		func(u *supervision.Unit) (string, int64, []any) {
			return string(u.ID), u.Version, []any{string(u.Village), string(u.Kind)}
		})
	supInspections = newRecords("supervision_inspections", "inspection", "inspections", []string{"unit", "village", "date"},
		func(in *supervision.Inspection) (string, int64, []any) {
			return string(in.ID), in.Version, []any{string(in.Unit), string(in.Village), dateText(in.Date)}
		})
	supComplaints = newRecords("supervision_complaints", "complaint", "complaints", []string{"village", "received"},
		func(c *supervision.Complaint) (string, int64, []any) {
			return string(c.ID), c.Version, []any{string(c.Village), dateText(c.Received)}
		})
	supClues = newRecords("supervision_clues", "clue", "clues", []string{"village", "found"},
		func(c *supervision.Clue) (string, int64, []any) {
			return string(c.ID), c.Version, []any{string(c.Village), dateText(c.Found)}
		})
	supCases = newRecords("supervision_case_reports", "case report", "case reports", []string{"village", "registered"},
		func(r *supervision.CaseReport) (string, int64, []any) {
			return string(r.ID), r.Version, []any{string(r.Village), dateText(r.Registered)}
		}).fixed(fixCaseReport)
	supEmergencies = newRecords("supervision_emergency_reports", "emergency report", "emergency reports", []string{"village", "discovered_date", "discovered"},
		func(e *supervision.EmergencyReport) (string, int64, []any) {
			return string(e.ID), e.Version, []any{string(e.Village), dateText(e.DiscoveredDate()), supInstant(e.Discovered)}
		}).fixed(fixEmergencyReport)
)

// Unit implements supervision.Store.
func (s *SupervisionStore) Unit(ctx context.Context, id supervision.UnitID) (*supervision.Unit, error) {
	return supUnits.get(ctx, s.db, string(id))
}

// PutUnit implements supervision.Store.
func (s *SupervisionStore) PutUnit(ctx context.Context, u *supervision.Unit, prev int64) error {
	return supUnits.put(ctx, s.db, u, prev)
}

// Units implements supervision.Store.
func (s *SupervisionStore) Units(ctx context.Context, f supervision.UnitFilter) iter.Seq2[*supervision.Unit, error] {
	q := supUnits.query()
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	return supUnits.stream(ctx, s.db, q, "id")
}

// Inspection implements supervision.Store.
func (s *SupervisionStore) Inspection(ctx context.Context, id supervision.InspectionID) (*supervision.Inspection, error) {
	return supInspections.get(ctx, s.db, string(id))
}

// PutInspection implements supervision.Store.
func (s *SupervisionStore) PutInspection(ctx context.Context, in *supervision.Inspection, prev int64) error {
	return supInspections.put(ctx, s.db, in, prev)
}

// Inspections implements supervision.Store.
func (s *SupervisionStore) Inspections(ctx context.Context, f supervision.InspectionFilter) iter.Seq2[*supervision.Inspection, error] {
	q := supInspections.query()
	if f.Unit != "" {
		q.and("unit = ?", string(f.Unit))
	}
	hasPrefixCond(&q, "village", f.Prefix)
	q.period("date", f.Period)
	return supInspections.stream(ctx, s.db, q, "date, id")
}

// Complaint implements supervision.Store.
func (s *SupervisionStore) Complaint(ctx context.Context, id supervision.ComplaintID) (*supervision.Complaint, error) {
	return supComplaints.get(ctx, s.db, string(id))
}

// PutComplaint implements supervision.Store.
func (s *SupervisionStore) PutComplaint(ctx context.Context, c *supervision.Complaint, prev int64) error {
	return supComplaints.put(ctx, s.db, c, prev)
}

// Complaints implements supervision.Store: by the date received.
func (s *SupervisionStore) Complaints(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Complaint, error] {
	return supComplaints.stream(ctx, s.db, supComplaints.query().within("village", f.Prefix, "received", f.Period), "received, id")
}

// Clue implements supervision.Store.
func (s *SupervisionStore) Clue(ctx context.Context, id supervision.ClueID) (*supervision.Clue, error) {
	return supClues.get(ctx, s.db, string(id))
}

// PutClue implements supervision.Store.
func (s *SupervisionStore) PutClue(ctx context.Context, c *supervision.Clue, prev int64) error {
	return supClues.put(ctx, s.db, c, prev)
}

// Clues implements supervision.Store: by the date found.
func (s *SupervisionStore) Clues(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.Clue, error] {
	return supClues.stream(ctx, s.db, supClues.query().within("village", f.Prefix, "found", f.Period), "found, id")
}

// CaseReport implements supervision.Store.
func (s *SupervisionStore) CaseReport(ctx context.Context, id supervision.CaseReportID) (*supervision.CaseReport, error) {
	return supCases.get(ctx, s.db, string(id))
}

// PutCaseReport implements supervision.Store.
func (s *SupervisionStore) PutCaseReport(ctx context.Context, r *supervision.CaseReport, prev int64) error {
	return supCases.put(ctx, s.db, r, prev)
}

// CaseReports implements supervision.Store: by the date registered.
func (s *SupervisionStore) CaseReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.CaseReport, error] {
	return supCases.stream(ctx, s.db, supCases.query().within("village", f.Prefix, "registered", f.Period), "registered, id")
}

// EmergencyReport implements supervision.Store.
func (s *SupervisionStore) EmergencyReport(ctx context.Context, id supervision.EmergencyReportID) (*supervision.EmergencyReport, error) {
	return supEmergencies.get(ctx, s.db, string(id))
}

// PutEmergencyReport implements supervision.Store.
func (s *SupervisionStore) PutEmergencyReport(ctx context.Context, e *supervision.EmergencyReport, prev int64) error {
	return supEmergencies.put(ctx, s.db, e, prev)
}

// EmergencyReports implements supervision.Store: selected by the Asia/Shanghai date of
// discovery, ordered by the instant.
func (s *SupervisionStore) EmergencyReports(ctx context.Context, f supervision.Filter) iter.Seq2[*supervision.EmergencyReport, error] {
	return supEmergencies.stream(ctx, s.db, supEmergencies.query().within("village", f.Prefix, "discovered_date", f.Period), "discovered, id")
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
