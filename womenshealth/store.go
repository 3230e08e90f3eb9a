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
type Service struct{ s Store }

// New returns a Service over s.
func New(s Store) *Service { return &Service{s: s} }

// Store returns the underlying store.
func (g *Service) Store() Store { return g.s }

// SaveScreening validates and stores s.
func (g *Service) SaveScreening(ctx context.Context, s *Screening) error {
	x := s.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	if err := x.Validate(); err != nil {
		return fmt.Errorf("womenshealth: save screening: %w", err)
	}
	x.Version = s.Version + 1
	if err := g.s.PutScreening(ctx, x, s.Version); err != nil {
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
	x.Version = r.Version + 1
	if err := g.s.PutReport(ctx, x, r.Version); err != nil {
		return fmt.Errorf("womenshealth: save report: %w", err)
	}
	r.Version = x.Version
	return nil
}
