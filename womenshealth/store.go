package womenshealth

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Store is what the women's health projects need from a host's storage, under the
// store contract every service package shares (see healthrecord.Store: optimistic
// versions with gongwei.ErrConflict, gongwei.ErrNotFound, copies in and out, the
// context's error, streams that yield an error once and allow the store inside their
// loop, concurrent use). womenshealthtest.TestStore checks each clause; memstore is an
// in-memory implementation.
type Store interface {
	Screening(ctx context.Context, id ID) (*Screening, error)
	PutScreening(ctx context.Context, s *Screening, prev int64) error
	// Screenings streams the checks matching f (village prefix, Date), ordered by
	// date, then ID.
	Screenings(ctx context.Context, f Filter) iter.Seq2[*Screening, error]
	Report(ctx context.Context, id ID) (*Report, error)
	PutReport(ctx context.Context, r *Report, prev int64) error
	// Reports streams the reports matching f (village prefix, Event), ordered by event
	// date, then ID.
	Reports(ctx context.Context, f Filter) iter.Seq2[*Report, error]
}

// Filter selects records by village prefix and date; the zero value selects all.
type Filter struct {
	Prefix string
	Period gongwei.Period
}

func (f Filter) match(v healthrecord.Village, d gongwei.Date) bool {
	return strings.HasPrefix(string(v), f.Prefix) &&
		(f.Period.Start.IsZero() || !d.Before(f.Period.Start)) && (f.Period.End.IsZero() || d.Before(f.Period.End))
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
	if err := x.Validate(); err != nil {
		return fmt.Errorf("womenshealth: save screening: %w", err)
	}
	prev := s.Version
	x.Version = prev + 1
	ch := healthrecord.Change{Kind: "womenshealth.Screening", ID: string(x.ID), Resident: x.Resident, Division: gongwei.Division(x.Village),
		Date: x.Date, Prev: prev, Record: x, Stored: func(ctx context.Context) (any, error) { return g.s.Screening(ctx, x.ID) }}
	if err := g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutScreening, x, prev) }); err != nil {
		return fmt.Errorf("womenshealth: save screening: %w", err)
	}
	s.Version = x.Version
	return nil
}

// SaveReport validates and stores r.
func (g *Service) SaveReport(ctx context.Context, r *Report) error {
	x := r.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	if err := x.Validate(); err != nil {
		return fmt.Errorf("womenshealth: save report: %w", err)
	}
	prev := r.Version
	x.Version = prev + 1
	ch := healthrecord.Change{Kind: "womenshealth.Report", ID: string(x.ID), Division: gongwei.Division(x.Village),
		Date: x.Event, Prev: prev, Record: x, Stored: func(ctx context.Context) (any, error) { return g.s.Report(ctx, x.ID) }}
	if err := g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutReport, x, prev) }); err != nil {
		return fmt.Errorf("womenshealth: save report: %w", err)
	}
	r.Version = x.Version
	return nil
}
