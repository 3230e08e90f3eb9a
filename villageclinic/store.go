package villageclinic

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Store is what the centre's work over its village clinics needs from a host's storage,
// under the store contract every service package shares (see healthrecord.Store:
// optimistic versions with gongwei.ErrConflict, gongwei.ErrNotFound, copies in and out,
// the context's error, streams that yield an error once and allow the store inside their
// loop, concurrent use). villageclinictest.TestStore checks each clause; memstore is an
// in-memory implementation.
type Store interface {
	// Visit returns the supervision visit with the given ID.
	Visit(ctx context.Context, id ID) (*Visit, error)
	// PutVisit stores v under v.ID if the stored version equals prev.
	PutVisit(ctx context.Context, v *Visit, prev int64) error
	// Visits streams the visits matching f (by village prefix and date), ordered by
	// date, then ID.
	Visits(ctx context.Context, f Filter) iter.Seq2[*Visit, error]
	// Training returns the training session with the given ID.
	Training(ctx context.Context, id ID) (*Training, error)
	// PutTraining stores t under t.ID if the stored version equals prev.
	PutTraining(ctx context.Context, t *Training, prev int64) error
	// Trainings streams the sessions matching f (by township prefix and date), ordered
	// by date, then ID.
	Trainings(ctx context.Context, f Filter) iter.Seq2[*Training, error]
}

// Filter selects visits and sessions. The zero value selects all; fields combine with
// AND.
type Filter struct {
	// Prefix selects by the village code of a visit, the township code of a session
	// (6 digits a county, 9 a township; 12 digits select a village's visits).
	Prefix string
	// Period selects by Date (Start included, End excluded; a zero bound is open).
	Period gongwei.Period
}

func (f Filter) match(code string, d gongwei.Date) bool {
	return strings.HasPrefix(code, f.Prefix) && f.Period.Admits(d)
}

// MatchVisit reports whether v is selected by f.
func (f Filter) MatchVisit(v *Visit) bool { return f.match(string(v.Village), v.Date) }

// MatchTraining reports whether t is selected by f.
func (f Filter) MatchTraining(t *Training) bool { return f.match(t.Township, t.Date) }

// Service validates the centre's records and stores them over a host's [Store],
// bumping versions (the record's Version is the version read, 0 for new; on success the
// caller's record gets the new version; a stale version gives gongwei.ErrConflict, an
// invalid record a *gongwei.ValidationError). Reads go to the store ([Service.Store]).
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

// SaveVisit normalises (village digits, trimmed texts), validates and stores v.
func (g *Service) SaveVisit(ctx context.Context, v *Visit) error {
	x := v.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	for i := range x.Findings {
		x.Findings[i].Area = strings.TrimSpace(x.Findings[i].Area)
		x.Findings[i].Problem = strings.TrimSpace(x.Findings[i].Problem)
	}
	return save("visit", &v.Version, x.Validate, func(prev int64) error {
		ch := healthrecord.Change{Kind: "villageclinic.Visit", ID: string(x.ID), Division: gongwei.Division(x.Village), Date: x.Date,
			Prev: prev, Record: x, Stored: func(ctx context.Context) (any, error) { return g.s.Visit(ctx, x.ID) }}
		return g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutVisit, x, prev) })
	}, &x.Version)
}

// SaveTraining normalises (codes' digits), validates and stores t.
func (g *Service) SaveTraining(ctx context.Context, t *Training) error {
	x := t.Clone()
	x.Township = gongwei.NormalizeCode(x.Township)
	x.Topic = strings.TrimSpace(x.Topic)
	for i := range x.Attendees {
		x.Attendees[i].Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Attendees[i].Village)))
	}
	return save("training", &t.Version, x.Validate, func(prev int64) error {
		ch := healthrecord.Change{Kind: "villageclinic.Training", ID: string(x.ID), Division: gongwei.Division(x.Township), Date: x.Date,
			Prev: prev, Record: x, Stored: func(ctx context.Context) (any, error) { return g.s.Training(ctx, x.ID) }}
		return g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutTraining, x, prev) })
	}, &x.Version)
}

// save validates the normalised copy, puts it over the caller's version (callers) with
// the next version (copys, the copy's Version), and on success bumps the caller's.
func save(what string, callers *int64, validate func() error, put func(prev int64) error, copys *int64) error {
	if err := validate(); err != nil {
		return fmt.Errorf("villageclinic: save %s: %w", what, err)
	}
	prev := *callers
	*copys = prev + 1
	if err := put(prev); err != nil {
		return fmt.Errorf("villageclinic: save %s: %w", what, err)
	}
	*callers = prev + 1
	return nil
}
