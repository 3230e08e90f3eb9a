package womenshealth

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what the women's health projects need from a host's storage, under the
// store contract every service package shares (see healthrecord.Store: optimistic
// versions with gongwei.ErrConflict, gongwei.ErrNotFound, copies in and out, the
// context's error, streams that yield an error once and allow the store inside their
// loop, concurrent use). womenshealthtest.TestStore checks each clause; memstore is an
// in-memory implementation.
type Store interface {
	// Screening returns the 两癌 check with the given ID.
	Screening(ctx context.Context, id ID) (*Screening, error)
	// PutScreening stores s under s.ID if the stored version equals prev.
	PutScreening(ctx context.Context, s *Screening, prev int64) error
	// Screenings streams the checks matching f (village prefix, Date), ordered by
	// date, then ID.
	Screenings(ctx context.Context, f Filter) iter.Seq2[*Screening, error]
	// Report returns the death or birth-defect report with the given ID.
	Report(ctx context.Context, id ID) (*Report, error)
	// PutReport stores r under r.ID if the stored version equals prev.
	PutReport(ctx context.Context, r *Report, prev int64) error
	// Reports streams the reports matching f (village prefix, Event), ordered by event
	// date, then ID.
	Reports(ctx context.Context, f Filter) iter.Seq2[*Report, error]
}

// Filter selects records by village prefix and date; the zero value selects all.
type Filter struct {
	// Prefix selects by village code (6 digits a county, 9 a township, 12 a village).
	Prefix string
	// Period selects by the record's date (Start included, End excluded; a zero bound
	// is open).
	Period gongwei.Period
}

func (f Filter) match(v healthrecord.Village, d gongwei.Date) bool {
	return strings.HasPrefix(string(v), f.Prefix) && f.Period.Admits(d)
}

// MatchScreening reports whether s is selected by f (on its Date).
func (f Filter) MatchScreening(s *Screening) bool { return f.match(s.Village, s.Date) }

// MatchReport reports whether r is selected by f (on its Event).
func (f Filter) MatchReport(r *Report) bool { return f.match(r.Village, r.Event) }

// Service validates the records and stores them over a host's [Store], bumping
// versions (the record's Version is the version read, 0 for new; on success the
// caller's record gets the new version).
type Service struct {
	s     Store
	trail *healthrecord.Trail
}

// Options configures a Service (see New); the zero value gives the defaults.
type Options struct {
	// Audit receives an entry for every change (healthrecord.Trail); nil keeps none.
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// New returns a Service over s configured by o. Its writes go through the write path
// of every service (healthrecord.Trail): an actor on the context, within its
// jurisdiction, with an audit entry.
func New(s Store, o Options) *Service {
	return &Service{s: s, trail: healthrecord.NewTrail(o.Audit, o.Unattributed, nil)}
}

// Store returns the underlying store.
func (g *Service) Store() Store { return g.s }

// SaveScreening validates and stores s.
func (g *Service) SaveScreening(ctx context.Context, s *Screening) error {
	x := s.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	ch := healthrecord.Change{Kind: "womenshealth.Screening", ID: string(x.ID), Resident: x.Resident, Division: gongwei.Division(x.Village),
		Date: x.Date, Stored: func(ctx context.Context) (any, error) { return g.s.Screening(ctx, x.ID) }}
	return save(ctx, g.trail, "screening", x, &x.Version, &s.Version, ch, g.s.PutScreening)
}

// SaveReport validates and stores r.
func (g *Service) SaveReport(ctx context.Context, r *Report) error {
	x := r.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	ch := healthrecord.Change{Kind: "womenshealth.Report", ID: string(x.ID), Division: gongwei.Division(x.Village),
		Date: x.Event, Stored: func(ctx context.Context) (any, error) { return g.s.Report(ctx, x.ID) }}
	return save(ctx, g.trail, "report", x, &x.Version, &r.Version, ch, g.s.PutReport)
}

// save is the write path of every record: x (the caller's normalised copy, whose
// version is at version) is validated, given the next version and written through
// trail with the audit entry ch; on success the caller's record (at callerVersion) gets
// the new version.
func save[R any, P interface {
	*R
	Validate() error
}](ctx context.Context, trail *healthrecord.Trail, what string, x P, version, callerVersion *int64,
	ch healthrecord.Change, put func(context.Context, *R, int64) error) error {
	if err := x.Validate(); err != nil {
		return fmt.Errorf("womenshealth: save %s: %w", what, err)
	}
	*version = *callerVersion
	if err := healthrecord.WriteNext(ctx, trail, ch, (*R)(x), version, put); err != nil {
		return fmt.Errorf("womenshealth: save %s: %w", what, err)
	}
	*callerVersion = *version
	return nil
}
