package supervision

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Service is the supervision and reporting service over a host's [Store], as
// database/sql's DB is over a driver: it normalises and validates every record before
// saving it, copies a unit's village onto its inspections, bumps versions, and answers
// the planning questions (due and overdue inspections, overdue complaints). Reads go to
// the store directly ([Service.Store]).
//
// Saving follows one pattern: the record's Version is the version the caller read (0 for
// a new record); the Service stores a normalised copy with Version+1 on condition that
// the stored version is still Version, and on success updates the caller's record. A
// record that fails validation is not stored and the error wraps a
// *gongwei.ValidationError (errors.Is(err, gongwei.ErrInvalid)); a stale version gives an
// error wrapping gongwei.ErrConflict.
//
// A Service is safe for concurrent use when its Store is.
type Service struct {
	s     Store
	cal   *Calendar
	now   gongwei.Clock
	trail *healthrecord.Trail
}

// Options configures a Service (see New); the zero value gives the defaults. It has the
// shape of every service package's Options: Now and the fields of its own (this service
// keeps no health records, so it has no Records).
type Options struct {
	// Now is the clock that gives the day of recording (gongwei.Clock.Today): no date
	// saved may lie more than gongwei.RecordingToleranceDays after it. Nil means
	// time.Now's day in Asia/Shanghai.
	Now gongwei.Clock
	// Calendar counts working days (a province's own arrangements). Nil means the
	// default calendar.
	Calendar *Calendar
	// Audit receives an entry for every change (healthrecord.Trail); nil keeps none.
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// New returns a Service over s configured by o.
func New(s Store, o Options) *Service {
	cal := o.Calendar
	if cal == nil {
		cal = defaultCalendar
	}
	return &Service{s: s, cal: cal, now: o.Now, trail: healthrecord.NewTrail(o.Audit, o.Unattributed, nil)}
}

// NewService returns a Service over s using the default working-day calendar. A Service
// made by NewService keeps the behaviour it always had: its writes need no actor
// (Options.Unattributed).
//
// Deprecated: use New(s, Options{}), the constructor form of every service package.
func NewService(s Store) *Service { return New(s, Options{Unattributed: true}) }

// WithCalendar returns a copy of the Service that counts working days on cal (a
// province's own arrangements).
func (g *Service) WithCalendar(cal *Calendar) *Service {
	return &Service{s: g.s, cal: cal, now: g.now, trail: g.trail}
}

// WithClock returns a copy of the Service whose day of recording (gongwei.Clock.Today)
// comes from c: no date saved may lie more than gongwei.RecordingToleranceDays after it.
// Without it the day is time.Now's in Asia/Shanghai.
func (g *Service) WithClock(c gongwei.Clock) *Service {
	return &Service{s: g.s, cal: g.cal, now: c, trail: g.trail}
}

// today returns the day of recording.
func (g *Service) today() gongwei.Date { return g.now.Today() }

// Store returns the underlying store, for reads.
func (g *Service) Store() Store { return g.s }

func trimAll(xs []string) []string {
	out := xs[:0:0]
	for _, x := range xs {
		if x = strings.TrimSpace(gongwei.Normalize(x)); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func normVillage(v healthrecord.Village) healthrecord.Village {
	if p, err := healthrecord.ParseVillage(string(v)); err == nil {
		return p
	}
	return v
}

// SaveUnit normalises (trimmed name and address, village digits), validates and stores u.
func (g *Service) SaveUnit(ctx context.Context, u *Unit) error {
	c := u.Clone()
	c.Name = strings.TrimSpace(c.Name)
	c.Address = strings.TrimSpace(c.Address)
	c.Responsible = strings.TrimSpace(c.Responsible)
	c.Village = normVillage(c.Village)
	if err := c.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save unit: %w", err)
	}
	return save(ctx, g.trail, healthrecord.Change{Kind: "supervision.Unit", ID: string(c.ID), Division: gongwei.Division(c.Village), Record: c,
		Stored: func(ctx context.Context) (any, error) { return g.s.Unit(ctx, c.ID) }}, "unit", c, u, &c.Version, &u.Version, g.s.PutUnit)
}

// SaveInspection normalises and validates in, checks that its unit exists, copies the
// unit's village onto it and stores it. An inspection of an unknown unit fails with an
// error wrapping gongwei.ErrNotFound.
func (g *Service) SaveInspection(ctx context.Context, in *Inspection) error {
	c := in.Clone()
	c.Inspectors = trimAll(c.Inspectors)
	c.Items = trimAll(c.Items)
	c.Findings = trimAll(c.Findings)
	if c.Opinion != nil {
		c.Opinion.Requirements = trimAll(c.Opinion.Requirements)
	}
	if err := c.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save inspection: %w", err)
	}
	u, err := g.s.Unit(ctx, c.Unit)
	if err != nil {
		return fmt.Errorf("supervision: save inspection: unit: %w", err)
	}
	c.Village = u.Village
	if err := save(ctx, g.trail, healthrecord.Change{Kind: "supervision.Inspection", ID: string(c.ID), Division: gongwei.Division(c.Village), Record: c,
		Stored: func(ctx context.Context) (any, error) { return g.s.Inspection(ctx, c.ID) }}, "inspection", c, in, &c.Version, &in.Version, g.s.PutInspection); err != nil {
		return err
	}
	in.Village = c.Village
	return nil
}

// SaveComplaint validates and stores c.
func (g *Service) SaveComplaint(ctx context.Context, c *Complaint) error {
	x := c.Clone()
	x.Summary = strings.TrimSpace(x.Summary)
	x.Village = normVillage(x.Village)
	if err := x.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save complaint: %w", err)
	}
	return save(ctx, g.trail, healthrecord.Change{Kind: "supervision.Complaint", ID: string(x.ID), Division: gongwei.Division(x.Village), Record: x,
		Stored: func(ctx context.Context) (any, error) { return g.s.Complaint(ctx, x.ID) }}, "complaint", x, c, &x.Version, &c.Version, g.s.PutComplaint)
}

// SaveClue validates and stores c.
func (g *Service) SaveClue(ctx context.Context, c *Clue) error {
	x := c.Clone()
	x.Village = normVillage(x.Village)
	if err := x.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save clue: %w", err)
	}
	return save(ctx, g.trail, healthrecord.Change{Kind: "supervision.Clue", ID: string(x.ID), Division: gongwei.Division(x.Village), Record: x,
		Stored: func(ctx context.Context) (any, error) { return g.s.Clue(ctx, x.ID) }}, "clue", x, c, &x.Version, &c.Version, g.s.PutClue)
}

// SaveCaseReport validates and stores r, with its instants in Asia/Shanghai.
func (g *Service) SaveCaseReport(ctx context.Context, r *CaseReport) error {
	x := r.Clone()
	x.Village = normVillage(x.Village)
	x.Diagnosed, x.Reported = inShanghai(x.Diagnosed), inShanghai(x.Reported)
	if err := x.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save case report: %w", err)
	}
	return save(ctx, g.trail, healthrecord.Change{Kind: "supervision.CaseReport", ID: string(x.ID), Division: gongwei.Division(x.Village), Record: x,
		Stored: func(ctx context.Context) (any, error) { return g.s.CaseReport(ctx, x.ID) }}, "case report", x, r, &x.Version, &r.Version, g.s.PutCaseReport)
}

// SaveEmergencyReport validates and stores e, with its instants in Asia/Shanghai.
func (g *Service) SaveEmergencyReport(ctx context.Context, e *EmergencyReport) error {
	x := e.Clone()
	x.Village = normVillage(x.Village)
	x.Event = strings.TrimSpace(x.Event)
	x.Discovered, x.Reported = inShanghai(x.Discovered), inShanghai(x.Reported)
	if err := x.validateOn(g.today()); err != nil {
		return fmt.Errorf("supervision: save emergency report: %w", err)
	}
	return save(ctx, g.trail, healthrecord.Change{Kind: "supervision.EmergencyReport", ID: string(x.ID), Division: gongwei.Division(x.Village), Record: x,
		Stored: func(ctx context.Context) (any, error) { return g.s.EmergencyReport(ctx, x.ID) }}, "emergency report", x, e, &x.Version, &e.Version, g.s.PutEmergencyReport)
}

func inShanghai(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(Shanghai)
}

// save stores the prepared copy x of orig with the next version through the write path
// t (healthrecord.WriteNext; ch describes the write) and, on success, gives the caller's
// record the new version.
func save[T any](ctx context.Context, t *healthrecord.Trail, ch healthrecord.Change, what string, x, orig *T, xv, ov *int64, put func(context.Context, *T, int64) error) error {
	*xv = *ov
	if err := healthrecord.WriteNext(ctx, t, ch, x, xv, put); err != nil {
		return fmt.Errorf("supervision: save %s: %w", what, err)
	}
	*ov = *xv
	return nil
}

// Plan streams the units of the jurisdiction prefix and their inspections of asOf's year
// and returns [Plan]'s lines (rules nil: [Frequencies]).
func (g *Service) Plan(ctx context.Context, prefix string, asOf gongwei.Date, rules map[UnitKind]Frequency) ([]PlanItem, error) {
	var units []*Unit
	for u, err := range g.s.Units(ctx, UnitFilter{Prefix: prefix}) {
		if err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	var ins []*Inspection
	f := InspectionFilter{Prefix: prefix, Period: gongwei.Period{Start: gongwei.Year(asOf.Year()).Start, End: asOf.AddDays(1)}}
	for in, err := range g.s.Inspections(ctx, f) {
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	return Plan(units, ins, asOf, rules), nil
}

// OverdueComplaints returns the complaints of the jurisdiction prefix whose deadline has
// passed on asOf without action (see [Complaint.Overdue]), counted on the Service's
// calendar.
func (g *Service) OverdueComplaints(ctx context.Context, prefix string, asOf gongwei.Date) ([]*Complaint, error) {
	var out []*Complaint
	for c, err := range g.s.Complaints(ctx, Filter{Prefix: prefix, Period: gongwei.Period{End: asOf.AddDays(1)}}) {
		if err != nil {
			return nil, err
		}
		dl, err := c.DeadlineIn(g.cal)
		if err != nil {
			return nil, err
		}
		a := c.acted()
		if (a.IsZero() || a.After(asOf)) && asOf.After(dl) {
			out = append(out, c)
		}
	}
	return out, nil
}
