package supervision

import (
	"context"
	"iter"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what the supervision and reporting services need from a host's storage. A
// host implements it over its own database; [Service] wraps it and does everything else.
//
// It follows the conventions of healthrecord.Store: a dumb store that keeps records as
// given (the caller has already set Version to the new version); every Put takes prev,
// the version the caller read (0 for a new record), and stores only when the stored
// version equals prev (an absent record counting as 0), otherwise it fails with an error
// wrapping gongwei.ErrConflict and stores nothing; lookups of a missing record fail with
// an error wrapping gongwei.ErrNotFound; a cancelled context gives an error wrapping the
// context's error; records are copied in and out. Streams return iter.Seq2[T, error]: an
// iterator that fails yields the zero T and the error once, then stops; each call runs
// the query afresh; the store may be used inside the loop body. A Store must be safe for
// concurrent use. The package supervisiontest checks every clause (supervisiontest.
// TestStore); the package memstore is an in-memory implementation.
type Store interface {
	// Unit returns the unit with the given ID.
	Unit(ctx context.Context, id UnitID) (*Unit, error)
	// PutUnit stores u under u.ID if the stored version equals prev.
	PutUnit(ctx context.Context, u *Unit, prev int64) error
	// Units streams the units matching f, ordered by ID.
	Units(ctx context.Context, f UnitFilter) iter.Seq2[*Unit, error]

	// Inspection returns the inspection with the given ID.
	Inspection(ctx context.Context, id InspectionID) (*Inspection, error)
	// PutInspection stores in under in.ID if the stored version equals prev.
	PutInspection(ctx context.Context, in *Inspection, prev int64) error
	// Inspections streams the inspections matching f, ordered by date, then ID.
	Inspections(ctx context.Context, f InspectionFilter) iter.Seq2[*Inspection, error]

	// Complaint returns the complaint with the given ID.
	Complaint(ctx context.Context, id ComplaintID) (*Complaint, error)
	// PutComplaint stores c under c.ID if the stored version equals prev.
	PutComplaint(ctx context.Context, c *Complaint, prev int64) error
	// Complaints streams the complaints matching f (by Received), ordered by received
	// date, then ID.
	Complaints(ctx context.Context, f Filter) iter.Seq2[*Complaint, error]

	// Clue returns the clue with the given ID.
	Clue(ctx context.Context, id ClueID) (*Clue, error)
	// PutClue stores c under c.ID if the stored version equals prev.
	PutClue(ctx context.Context, c *Clue, prev int64) error
	// Clues streams the clues matching f (by Found), ordered by found date, then ID.
	Clues(ctx context.Context, f Filter) iter.Seq2[*Clue, error]

	// CaseReport returns the case report with the given ID.
	CaseReport(ctx context.Context, id CaseReportID) (*CaseReport, error)
	// PutCaseReport stores r under r.ID if the stored version equals prev.
	PutCaseReport(ctx context.Context, r *CaseReport, prev int64) error
	// CaseReports streams the case reports matching f (by Registered), ordered by
	// registration date, then ID.
	CaseReports(ctx context.Context, f Filter) iter.Seq2[*CaseReport, error]

	// EmergencyReport returns the emergency report with the given ID.
	EmergencyReport(ctx context.Context, id EmergencyReportID) (*EmergencyReport, error)
	// PutEmergencyReport stores e under e.ID if the stored version equals prev.
	PutEmergencyReport(ctx context.Context, e *EmergencyReport, prev int64) error
	// EmergencyReports streams the emergency reports matching f (by the Asia/Shanghai
	// date of Discovered), ordered by discovery instant, then ID.
	EmergencyReports(ctx context.Context, f Filter) iter.Seq2[*EmergencyReport, error]
}

// UnitFilter selects units. The zero value selects every unit; fields combine with AND.
type UnitFilter struct {
	// Prefix selects units whose village code starts with these digits (6 county, 9
	// township, 12 village).
	Prefix string
	// Kind selects one kind.
	Kind UnitKind
}

// Match reports whether u is selected by f.
func (f UnitFilter) Match(u *Unit) bool {
	return strings.HasPrefix(string(u.Village), f.Prefix) && (f.Kind == "" || u.Kind == f.Kind)
}

// InspectionFilter selects inspections. The zero value selects every inspection.
type InspectionFilter struct {
	// Unit selects one unit's inspections.
	Unit UnitID
	// Prefix selects by the unit's village code (Inspection.Village).
	Prefix string
	// Period selects by Date (Start included, End excluded; a zero bound is open).
	Period gongwei.Period
}

// Match reports whether in is selected by f.
func (f InspectionFilter) Match(in *Inspection) bool {
	return (f.Unit == "" || in.Unit == f.Unit) && strings.HasPrefix(string(in.Village), f.Prefix) && f.Period.Admits(in.Date)
}

// Filter selects complaints, clues and reports by village prefix and by the record's
// date (see each Store method for which date). The zero value selects everything.
type Filter struct {
	Prefix string
	Period gongwei.Period
}

// match reports whether a record of village v dated d is selected.
func (f Filter) match(v healthrecord.Village, d gongwei.Date) bool {
	return strings.HasPrefix(string(v), f.Prefix) && f.Period.Admits(d)
}

// MatchComplaint reports whether c is selected (by Received).
func (f Filter) MatchComplaint(c *Complaint) bool { return f.match(c.Village, c.Received) }

// MatchClue reports whether c is selected (by Found).
func (f Filter) MatchClue(c *Clue) bool { return f.match(c.Village, c.Found) }

// MatchCaseReport reports whether r is selected (by Registered).
func (f Filter) MatchCaseReport(r *CaseReport) bool { return f.match(r.Village, r.Registered) }

// MatchEmergencyReport reports whether e is selected (by the Asia/Shanghai date of
// Discovered).
func (f Filter) MatchEmergencyReport(e *EmergencyReport) bool {
	return f.match(e.Village, e.DiscoveredDate())
}

// DiscoveredDate is the Asia/Shanghai civil date of Discovered.
func (e *EmergencyReport) DiscoveredDate() gongwei.Date {
	if e.Discovered.IsZero() {
		return gongwei.Date{}
	}
	return gongwei.DateOf(e.Discovered.In(Shanghai))
}

// Clone returns a deep copy of u.
func (u *Unit) Clone() *Unit {
	c := *u
	c.Licences = slices.Clone(u.Licences)
	c.Trainings = slices.Clone(u.Trainings)
	c.Practitioners = slices.Clone(u.Practitioners)
	for i := range c.Practitioners {
		c.Practitioners[i].Conditions = slices.Clone(c.Practitioners[i].Conditions)
	}
	return &c
}

// Clone returns a deep copy of in.
func (in *Inspection) Clone() *Inspection {
	c := *in
	c.Inspectors = slices.Clone(in.Inspectors)
	c.Items = slices.Clone(in.Items)
	c.Findings = slices.Clone(in.Findings)
	if in.Opinion != nil {
		o := *in.Opinion
		o.Requirements = slices.Clone(o.Requirements)
		c.Opinion = &o
	}
	return &c
}

// Clone returns a copy of c.
func (c *Complaint) Clone() *Complaint { x := *c; return &x }

// Clone returns a copy of c.
func (c *Clue) Clone() *Clue { x := *c; return &x }

// Clone returns a copy of r.
func (r *CaseReport) Clone() *CaseReport { x := *r; return &x }

// Clone returns a copy of e.
func (e *EmergencyReport) Clone() *EmergencyReport { x := *e; return &x }
