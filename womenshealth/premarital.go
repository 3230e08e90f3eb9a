package womenshealth

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Premarital is one person's marriage registration (结婚登记) and premarital medical
// check (婚前医学检查, 婚检): the rate counts checks among the people registering, men and
// women together: 婚检率 = (男性婚检人数 + 女性婚检人数) ÷ (男性 + 女性婚姻登记人数) × 100%
// (the MCH annual report's 婚前保健情况报表, as used in
// https://html.rhhz.net/ZGGGWS/html/20180921.htm; 结婚登记人数 includes first marriages and
// remarriages). The host loads the registrations (from civil affairs or the one-stop
// 婚登 service) and records the checks on them.
type Premarital struct {
	// ID identifies the record in its store.
	ID ID
	// Village is the 12-digit village code of the person's residence.
	Village healthrecord.Village
	// Sex is the person's sex (the checks differ for men and women).
	Sex gongwei.Sex
	// Birth is the person's birth date.
	Birth gongwei.Date
	// Registered is the day of the marriage registration.
	Registered gongwei.Date
	// Checked is the day of the premarital medical check; zero when none was made.
	Checked gongwei.Date
	// Version is the stored version (0 for a record never stored).
	Version int64
}

// Clone returns a copy of m.
func (m *Premarital) Clone() *Premarital { c := *m; return &c }

// Validate reports every problem of m at once as a *gongwei.ValidationError; a
// registration or check before the birth and a check after the registration (not
// premarital) are errors.
func (m *Premarital) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "womenshealth.Premarital"
	ve.Check(strings.TrimSpace(string(m.ID)) != "", "ID", gongwei.CodeRequired)
	checkVillage(&ve, m.Village)
	ve.Check(m.Sex == gongwei.Male || m.Sex == gongwei.Female, "Sex", gongwei.CodeUnknownCode)
	ve.Check(!m.Birth.IsZero(), "Birth", gongwei.CodeRequired)
	ve.Check(!m.Registered.IsZero(), "Registered", gongwei.CodeRequired)
	ve.Check(m.Registered.IsZero() || m.Birth.IsZero() || !m.Registered.Before(m.Birth), "Registered", gongwei.CodeBeforeBirth)
	ve.Check(m.Checked.IsZero() || m.Birth.IsZero() || !m.Checked.Before(m.Birth), "Checked", gongwei.CodeBeforeBirth)
	ve.Check(m.Checked.IsZero() || m.Registered.IsZero() || !m.Checked.After(m.Registered), "Checked", gongwei.CodeOrder)
	return ve.Err()
}

// PremaritalStore is what the premarital checks need from a host's storage, under the
// contract of Store. A store may implement it beside Store: the Service and the
// indicators find it with a type assertion.
type PremaritalStore interface {
	Premarital(ctx context.Context, id ID) (*Premarital, error)
	PutPremarital(ctx context.Context, m *Premarital, prev int64) error
	// Premaritals streams the registrations matching f (village prefix, Registered),
	// ordered by registration date, then ID.
	Premaritals(ctx context.Context, f Filter) iter.Seq2[*Premarital, error]
}

// MatchPremarital reports whether m is selected by f (on its Registered date).
func (f Filter) MatchPremarital(m *Premarital) bool { return f.match(m.Village, m.Registered) }

// ErrNoPremaritalStore is returned by SavePremarital when the Service's store does not
// implement PremaritalStore.
var ErrNoPremaritalStore = fmt.Errorf("womenshealth: the store keeps no premarital checks: %w", errors.ErrUnsupported)

// SavePremarital validates and stores m in the store's PremaritalStore.
func (g *Service) SavePremarital(ctx context.Context, m *Premarital) error {
	ps, ok := g.s.(PremaritalStore)
	if !ok {
		return ErrNoPremaritalStore
	}
	x := m.Clone()
	x.Village = healthrecord.Village(gongwei.NormalizeCode(string(x.Village)))
	ch := healthrecord.Change{Kind: "womenshealth.Premarital", ID: string(x.ID), Division: gongwei.Division(x.Village),
		Date: x.Registered, Stored: func(ctx context.Context) (any, error) { return ps.Premarital(ctx, x.ID) }}
	return save(ctx, g.trail, "premarital", x, &x.Version, &m.Version, ch, ps.PutPremarital)
}
