package education

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Store is what the health education service needs from a host's storage: the activity
// log. It follows the conventions of healthrecord.Store: a dumb store that keeps records
// as given; PutActivity stores only when the stored version equals prev (absent counts
// as 0), otherwise it fails with an error wrapping gongwei.ErrConflict and stores nothing;
// a missing record gives gongwei.ErrNotFound; a cancelled context gives its error;
// records are copied in and out; a failing stream yields the error once and stops; the
// store may be used inside a stream's loop; safe for concurrent use. educationtest.
// TestStore checks every clause; memstore is an in-memory implementation.
type Store interface {
	// Activity returns the activity with the given ID.
	Activity(ctx context.Context, id ID) (*Activity, error)
	// PutActivity stores a under a.ID if the stored version equals prev.
	PutActivity(ctx context.Context, a *Activity, prev int64) error
	// Activities streams the activities matching f, ordered by date, then ID.
	Activities(ctx context.Context, f Filter) iter.Seq2[*Activity, error]
}

// Filter selects activities. The zero value selects every activity; fields combine with
// AND.
type Filter struct {
	// Prefix selects by the institution's division code (6 county, 9 township, 12
	// village; a township prefix also selects its villages' clinics).
	Prefix string
	// Kind selects one kind.
	Kind Kind
	// Period selects by Date (Start included, End excluded; a zero bound is open).
	Period gongwei.Period
}

// Match reports whether a is selected by f.
func (f Filter) Match(a *Activity) bool {
	return strings.HasPrefix(a.Division, f.Prefix) && (f.Kind == "" || a.Kind == f.Kind) &&
		f.Period.Admits(a.Date)
}

// Service is the health education service over a host's [Store]: it normalises and
// validates activities before saving them, bumps versions (the record's Version is the
// version read, 0 for new; on success the caller's record gets the new version; a stale
// version gives gongwei.ErrConflict, an invalid record a *gongwei.ValidationError), and
// checks the yearly minimums. Reads go to the store ([Service.Store]).
type Service struct {
	s     Store
	now   gongwei.Clock
	trail *healthrecord.Trail
}

// Options configures a Service (see New); the zero value gives the defaults. It has the
// shape of every service package's Options (this service keeps no health records, so
// it has no Records).
type Options struct {
	// Now is the clock that gives the day of recording (gongwei.Clock.Today): no
	// activity dated more than gongwei.RecordingToleranceDays after it is saved. Nil
	// means time.Now's day in Asia/Shanghai.
	Now gongwei.Clock
	// Audit receives an entry for every change (healthrecord.Trail); nil keeps none.
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// New returns a Service over s configured by o.
func New(s Store, o Options) *Service {
	return &Service{s: s, now: o.Now, trail: healthrecord.NewTrail(o.Audit, o.Unattributed, nil)}
}

// NewService returns a Service over s. A Service made by NewService keeps the behaviour
// it always had: its writes need no actor (Options.Unattributed).
//
// Deprecated: use New(s, Options{}), the constructor form of every service package.
func NewService(s Store) *Service { return New(s, Options{Unattributed: true}) }

// WithClock returns a copy of the Service whose day of recording (gongwei.Clock.Today)
// comes from c: no activity dated more than gongwei.RecordingToleranceDays after it is
// saved. Without it the day is time.Now's in Asia/Shanghai.
func (g *Service) WithClock(c gongwei.Clock) *Service {
	return &Service{s: g.s, now: c, trail: g.trail}
}

// Store returns the underlying store.
func (g *Service) Store() Store { return g.s }

// Save normalises (division digits, trimmed texts), validates and stores a.
func (g *Service) Save(ctx context.Context, a *Activity) error {
	x := a.Clone()
	x.Division = gongwei.NormalizeCode(x.Division)
	x.Topic = strings.TrimSpace(gongwei.Normalize(x.Topic))
	x.Title = strings.TrimSpace(gongwei.Normalize(x.Title))
	x.Audience = strings.TrimSpace(x.Audience)
	x.Place = strings.TrimSpace(x.Place)
	if err := x.validateOn(g.now.Today()); err != nil {
		return fmt.Errorf("education: save activity: %w", err)
	}
	ch := healthrecord.Change{Kind: "education.Activity", ID: string(x.ID), Division: gongwei.Division(x.Division), Date: x.Date,
		Stored: func(ctx context.Context) (any, error) { return g.s.Activity(ctx, x.ID) }}
	if err := healthrecord.WriteNext(ctx, g.trail, ch, x, &x.Version, g.s.PutActivity); err != nil {
		return fmt.Errorf("education: save activity: %w", err)
	}
	a.Version = x.Version
	return nil
}

// Check reads the activities of the institution with the given division code (exactly
// that code, not its villages) in asOf's year up to asOf and runs [Check] for inst.
func (g *Service) Check(ctx context.Context, division string, inst Institution, asOf gongwei.Date) (Report, error) {
	var acts []*Activity
	f := Filter{Prefix: division, Period: gongwei.Period{Start: gongwei.Year(asOf.Year()).Start, End: asOf.AddDays(1)}}
	for a, err := range g.s.Activities(ctx, f) {
		if err != nil {
			return Report{}, err
		}
		if a.Division == division {
			acts = append(acts, a)
		}
	}
	return Check(inst, acts, asOf), nil
}
