package referral

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Store is what the referral register needs from a host's storage: a store that keeps
// the slips as given, under the store contract every service package shares (see
// healthrecord.Store: optimistic versions with gongwei.ErrConflict, gongwei.ErrNotFound,
// copies in and out, the context's error, streams that yield an error once and allow
// the store inside their loop, concurrent use). referraltest.TestStore checks each
// clause; memstore is an in-memory implementation.
type Store interface {
	// Referral returns the referral with the given ID.
	Referral(ctx context.Context, id ID) (*Referral, error)
	// PutReferral stores r under r.ID if the stored version equals prev.
	PutReferral(ctx context.Context, r *Referral, prev int64) error
	// Referrals streams the referrals matching f, ordered by Referred, then ID.
	Referrals(ctx context.Context, f Filter) iter.Seq2[*Referral, error]
}

// Filter selects referrals. The zero value selects every referral; fields combine with
// AND.
type Filter struct {
	// Prefix selects by the village code (6 digits a county, 9 a township, 12 a village).
	Prefix string
	// Resident selects one resident's referrals.
	Resident healthrecord.ResidentID
	// Kind selects one kind.
	Kind Kind
	// Period selects by Referred (Start included, End excluded; a zero bound is open).
	Period gongwei.Period
}

// Match reports whether r is selected by f.
func (f Filter) Match(r *Referral) bool {
	return strings.HasPrefix(string(r.Village), f.Prefix) &&
		(f.Resident == "" || r.Resident == f.Resident) && (f.Kind == "" || r.Kind == f.Kind) &&
		(f.Period.Start.IsZero() || !r.Referred.Before(f.Period.Start)) &&
		(f.Period.End.IsZero() || r.Referred.Before(f.Period.End))
}

// Service is the referral register over a host's [Store]: it normalises and validates
// referrals before saving them and bumps versions (the record's Version is the version
// read, 0 for new; on success the caller's record gets the new version; a stale version
// gives gongwei.ErrConflict, an invalid record a *gongwei.ValidationError). Reads go to
// the store ([Service.Store]).
type Service struct {
	s     Store
	now   gongwei.Clock
	trail *healthrecord.Trail
}

// Options configures a Service (see New); the zero value gives the defaults.
type Options struct {
	// Now is the clock that gives the day of recording (gongwei.Clock.Today): no date
	// more than gongwei.RecordingToleranceDays after it is saved. Nil means time.Now's
	// day in Asia/Shanghai.
	Now gongwei.Clock
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
	return &Service{s: s, now: o.Now, trail: healthrecord.NewTrail(o.Audit, o.Unattributed, nil)}
}

// Store returns the underlying store.
func (g *Service) Store() Store { return g.s }

// Save normalises (village digits, trimmed texts), validates and stores r.
func (g *Service) Save(ctx context.Context, r *Referral) error {
	x := r.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	x.To = strings.TrimSpace(gongwei.Normalize(x.To))
	x.Reason = strings.TrimSpace(gongwei.Normalize(x.Reason))
	if err := x.validateOn(g.now.Today()); err != nil {
		return fmt.Errorf("referral: save: %w", err)
	}
	prev := r.Version
	x.Version = prev + 1
	ch := healthrecord.Change{Kind: "referral.Referral", ID: string(x.ID), Resident: x.Resident, Division: gongwei.Division(x.Village),
		Date: x.Referred, Prev: prev, Record: x, Stored: func(ctx context.Context) (any, error) { return g.s.Referral(ctx, x.ID) }}
	if err := g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutReferral, x, prev) }); err != nil {
		return fmt.Errorf("referral: save: %w", err)
	}
	r.Version = prev + 1
	return nil
}

// FollowUp records the active follow-up of the referral with the given ID: made on d,
// learning o. It reads the referral, sets the follow-up and saves it over the version
// read.
func (g *Service) FollowUp(ctx context.Context, id ID, d gongwei.Date, o Outcome) error {
	r, err := g.s.Referral(ctx, id)
	if err != nil {
		return fmt.Errorf("referral: follow up: %w", err)
	}
	r.FollowedUp, r.Outcome = d, o
	return g.Save(ctx, r)
}

// Due streams the referrals under prefix whose follow-up is still to be made on asOf:
// not followed up, referred on or before asOf. Overdue ones (Due before asOf) come too;
// the caller compares [Referral.Due]. It is the register's worklist.
func (g *Service) Due(ctx context.Context, prefix string, asOf gongwei.Date) iter.Seq2[*Referral, error] {
	return func(yield func(*Referral, error) bool) {
		f := Filter{Prefix: prefix, Period: gongwei.Period{End: asOf.AddDays(1)}}
		for r, err := range g.s.Referrals(ctx, f) {
			if err != nil {
				yield(nil, err)
				return
			}
			if r.FollowedUp.IsZero() && !yield(r, nil) {
				return
			}
		}
	}
}
