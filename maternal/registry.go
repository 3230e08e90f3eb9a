package maternal

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Records is what the Registry needs from the health record service: the woman's record
// and her service timeline. *healthrecord.Registry implements it.
type Records interface {
	Resident(ctx context.Context, id healthrecord.ResidentID) (*healthrecord.Resident, error)
	RecordService(ctx context.Context, e healthrecord.ServiceEvent) error
}

var _ Records = (*healthrecord.Registry)(nil)

// ErrTimeline reports that a pregnancy was saved but a service event that goes with it
// could not be appended to the woman's timeline; the error also wraps the cause. Saving
// the pregnancy again appends the missing events (the timeline ignores repeats). It
// wraps healthrecord.ErrTimeline.
var ErrTimeline = fmt.Errorf("maternal: pregnancy saved, timeline not updated: %w", healthrecord.ErrTimeline)

// DefaultAttempts is how many times, by default, Update re-reads a pregnancy another
// writer changed meanwhile.
const DefaultAttempts = 8

// Options configures a Registry (see New); the zero value gives the defaults. It has the
// shape of every service package's Options: Records, Now and the fields of its own.
type Options struct {
	// Records is the health record service the Registry reads women's records from and
	// appends their service events to; *healthrecord.Registry implements it. New needs
	// it: a Registry without Records fails every save with an error wrapping
	// gongwei.ErrInvalid.
	Records Records
	// Attempts bounds Update's tries on a version conflict. Zero means DefaultAttempts.
	Attempts int
	// PregnancyID assigns the ID of a pregnancy saved without one. The default is the
	// resident's ID, a hyphen and the 8 digits of the booking date.
	PregnancyID func(*Pregnancy) PregnancyID
	// Now is the clock that gives the day of recording (gongwei.Clock.Today), which
	// bounds every date of a pregnancy saved. Nil means the Records' day when they have
	// a Today method (*healthrecord.Registry: healthrecord.Options.Now), else
	// time.Now.
	Now gongwei.Clock
	// Audit receives an entry for every change (healthrecord.Trail). Nil, with
	// Unattributed false, means the Records' write path when they have one
	// (*healthrecord.Registry: its Audit and Unattributed).
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// Registry is the maternal health service over a host's Store, as database/sql's DB is
// over a driver. It does once, for every store, what a store must not repeat: it
// normalises input, copies the woman's village and birth date from her health record,
// validates every pregnancy against the rules and the record (a male record, an
// overlapping pregnancy, impossible dates), assigns IDs, bumps versions and appends
// every contact to her service timeline. Reads pass through.
//
// Saving follows healthrecord.Registry's pattern: the pregnancy's Version is the
// version the caller read (0 for a new one); on success the caller's copy is updated. A
// validation failure wraps a *gongwei.ValidationError (errors.Is(err,
// gongwei.ErrInvalid)); a stale version wraps gongwei.ErrConflict.
//
// A Registry is safe for concurrent use (its Store and Records must be too).
type Registry struct {
	s        Store
	records  Records
	attempts int
	id       func(*Pregnancy) PregnancyID
	now      gongwei.Clock
	trail    *healthrecord.Trail
}

// NewRegistry returns a Registry over s, reading women's records from records; a nil
// opts gives the defaults.
//
// A Registry made by NewRegistry keeps the behaviour it always had: its writes need no
// actor (Options.Unattributed).
//
// Deprecated: use New(s, Options{Records: records, ...}), the constructor form of every
// service package.
func NewRegistry(s Store, records Records, opts *Options) *Registry {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.Records = records
	o.Unattributed = true
	return New(s, o)
}

// New returns a Registry over s configured by o.
func New(s Store, o Options) *Registry {
	g := &Registry{s: s, records: o.Records, attempts: o.Attempts, id: o.PregnancyID, now: o.Now,
		trail: healthrecord.ServiceTrail(o.Records, o.Audit, o.Unattributed)}
	if g.attempts <= 0 {
		g.attempts = DefaultAttempts
	}
	if g.id == nil {
		g.id = func(p *Pregnancy) PregnancyID {
			return PregnancyID(string(p.Resident) + "-" + strings.ReplaceAll(p.Booked.String(), "-", ""))
		}
	}
	return g
}

// today returns the day of recording (Options.Now).
func (g *Registry) today() gongwei.Date {
	if g.now == nil {
		if t, ok := g.records.(interface{ Today() gongwei.Date }); ok {
			return t.Today()
		}
	}
	return g.now.Today()
}

// normalize normalises the free text and codes of p (full-width characters typed
// through Chinese input methods).
func normalize(p *Pregnancy) {
	p.Resident = healthrecord.ResidentID(gongwei.NormalizeCode(string(p.Resident)))
	prov := func(c *Contact) {
		c.Provider.Institution = gongwei.NormalizeCode(c.Provider.Institution)
		c.Provider.Staff = healthrecord.StaffID(gongwei.Normalize(string(c.Provider.Staff)))
		for i, f := range c.Factors {
			c.Factors[i] = Factor(strings.ToLower(gongwei.NormalizeCode(string(f))))
		}
	}
	if e := p.FirstExam; e != nil {
		prov(&e.Contact)
		e.PastHistory = gongwei.Normalize(e.PastHistory)
		e.FamilyHistory = gongwei.Normalize(e.FamilyHistory)
		e.PersonalHistory = gongwei.Normalize(e.PersonalHistory)
	}
	for i := range p.Visits {
		prov(&p.Visits[i].Contact)
	}
	for i := range p.Postpartum {
		prov(&p.Postpartum[i].Contact)
	}
	if p.Delivery != nil {
		p.Delivery.Institution = gongwei.NormalizeCode(p.Delivery.Institution)
	}
	if p.Death != nil {
		p.Death.Cause = gongwei.Normalize(p.Death.Cause)
	}
}

// Save inserts (p.Version 0) or updates a pregnancy. The woman's record must exist
// (healthrecord.CodeUnknownResident) and be female (CodeNotFemale); her village and
// birth date are copied from it; the pregnancy must not overlap another of hers
// (CodeOverlap: from LMP to end, an ongoing one open-ended). The ID is assigned when
// empty. On success p holds what was stored, and every contact (first exam, visits,
// postpartum contacts) is on her timeline; ErrTimeline reports a failed append.
func (g *Registry) Save(ctx context.Context, p *Pregnancy) error {
	const op = "maternal: save pregnancy: "
	if g.records == nil {
		return fmt.Errorf(op+"no health record service (Options.Records): %w", gongwei.ErrInvalid)
	}
	w := p.Clone()
	normalize(w)
	var ve gongwei.ValidationError
	ve.Record = "maternal.Pregnancy"
	var r *healthrecord.Resident
	if w.Resident != "" {
		var err error
		r, err = g.records.Resident(ctx, w.Resident)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
			ve.Add("Resident", healthrecord.CodeUnknownResident)
		case err != nil:
			return fmt.Errorf(op+"%w", err)
		default:
			w.Village = r.Archive.Village()
			w.MotherBirth = r.BirthDate
		}
	}
	if w.ID == "" && w.Resident != "" && !w.Booked.IsZero() {
		w.ID = g.id(w)
	}
	w.validate(&ve, g.today())
	w.checkResident(&ve, r)
	p.checkRawCodes(&ve)
	if w.ID == "" && !ve.Has("ID", gongwei.CodeRequired) {
		ve.Add("ID", gongwei.CodeRequired)
	}
	if r != nil {
		if err := g.overlap(ctx, &ve, w); err != nil {
			return fmt.Errorf(op+"%w", err)
		}
	}
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := healthrecord.Change{
		Kind: "maternal.Pregnancy", ID: string(w.ID), Resident: w.Resident, Division: gongwei.Division(w.Village), Date: w.Booked,
		Stored: func(ctx context.Context) (any, error) { return g.s.Pregnancy(ctx, w.ID) },
	}
	if err := healthrecord.WriteNext(ctx, g.trail, ch, w, &w.Version, g.s.PutPregnancy); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*p = *w.Clone()
	return g.appendEvents(ctx, w)
}

// overlap adds CodeOverlap when another pregnancy of the woman shares a day with w,
// each taken from its LMP to its end (open while ongoing).
func (g *Registry) overlap(ctx context.Context, ve *gongwei.ValidationError, w *Pregnancy) error {
	start, end := w.Dating.LMPDate(), w.EndDate()
	if start.IsZero() {
		return nil
	}
	for q, err := range g.s.Pregnancies(ctx, Filter{Resident: w.Resident}) {
		if err != nil {
			return err
		}
		if q.ID == w.ID {
			continue
		}
		qs, qe := q.Dating.LMPDate(), q.EndDate()
		if (qe.IsZero() || !qe.Before(start)) && (end.IsZero() || !end.Before(qs)) {
			ve.Add("Dating.LMP", CodeOverlap)
			return nil
		}
	}
	return nil
}

// Events returns the timeline events of the pregnancy's contacts: a prenatal visit for
// the first exam and each follow-up, a postpartum visit for each home visit, a
// postpartum checkup for each 42-day check. Each Ref is the pregnancy ID followed by
// "/1".."/5" for the scheduled prenatal contacts, "/x" and the date for additional
// visits, "/home" or "/42" and the date for postpartum contacts.
func (p *Pregnancy) Events() []healthrecord.ServiceEvent {
	var out []healthrecord.ServiceEvent
	ev := func(k healthrecord.EventKind, c Contact, ref string) {
		out = append(out, healthrecord.ServiceEvent{Resident: p.Resident, Kind: k, Date: c.Date, Provider: c.Provider, Ref: string(p.ID) + ref})
	}
	d8 := func(d gongwei.Date) string { return strings.ReplaceAll(d.String(), "-", "") }
	if p.FirstExam != nil {
		ev(EventPrenatalVisit, p.FirstExam.Contact, "/1")
	}
	for _, v := range p.Visits {
		if v.Number == 0 {
			ev(EventPrenatalVisit, v.Contact, "/x"+d8(v.Date))
		} else {
			ev(EventPrenatalVisit, v.Contact, "/"+itoa(v.Number))
		}
	}
	for _, v := range p.Postpartum {
		if v.Kind == PostpartumCheck42 {
			ev(EventPostpartumCheckup, v.Contact, "/42"+d8(v.Date))
		} else {
			ev(EventPostpartumVisit, v.Contact, "/home"+d8(v.Date))
		}
	}
	return out
}

func (g *Registry) appendEvents(ctx context.Context, p *Pregnancy) error {
	return healthrecord.AppendServices(ctx, g.records, ErrTimeline, p.Events()...)
}

// Update reads the pregnancy id, applies change to it and saves it, re-reading and
// reapplying when another writer changed it meanwhile. It returns the pregnancy as
// stored. An error from change is returned as is.
func (g *Registry) Update(ctx context.Context, id PregnancyID, change func(*Pregnancy) error) (*Pregnancy, error) {
	var last error
	for range g.attempts {
		p, err := g.s.Pregnancy(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("maternal: update pregnancy: %w", err)
		}
		if err := change(p); err != nil {
			return nil, err
		}
		err = g.Save(ctx, p)
		if err == nil || errors.Is(err, ErrTimeline) {
			return p, err
		}
		if !errors.Is(err, gongwei.ErrConflict) {
			return nil, err
		}
		last = err
	}
	return nil, last
}

// AddVisit records a prenatal follow-up visit (see Update).
func (g *Registry) AddVisit(ctx context.Context, id PregnancyID, v PrenatalVisit) (*Pregnancy, error) {
	return g.Update(ctx, id, func(p *Pregnancy) error { p.Visits = append(p.Visits, v); return nil })
}

// AddTest records an infection test (see Update).
func (g *Registry) AddTest(ctx context.Context, id PregnancyID, t InfectionTest) (*Pregnancy, error) {
	return g.Update(ctx, id, func(p *Pregnancy) error { p.Tests = append(p.Tests, t); return nil })
}

// RecordDelivery records the delivery (see Update).
func (g *Registry) RecordDelivery(ctx context.Context, id PregnancyID, d Delivery) (*Pregnancy, error) {
	return g.Update(ctx, id, func(p *Pregnancy) error { p.Delivery = &d; return nil })
}

// AddPostpartum records a postpartum home visit or the 42-day check (see Update).
func (g *Registry) AddPostpartum(ctx context.Context, id PregnancyID, v PostpartumVisit) (*Pregnancy, error) {
	return g.Update(ctx, id, func(p *Pregnancy) error { p.Postpartum = append(p.Postpartum, v); return nil })
}

// Pregnancy returns the pregnancy id from the store; with an actor on ctx, one outside
// the actor's division gives a *gongwei.JurisdictionError.
func (g *Registry) Pregnancy(ctx context.Context, id PregnancyID) (*Pregnancy, error) {
	p, err := g.s.Pregnancy(ctx, id)
	return healthrecord.ReadWithin(ctx, "maternal.Pregnancy", p, err, func(p *Pregnancy) gongwei.Division { return gongwei.Division(p.Village) })
}

// Pregnancies streams the pregnancies matching f from the store.
func (g *Registry) Pregnancies(ctx context.Context, f Filter) iter.Seq2[*Pregnancy, error] {
	return g.s.Pregnancies(ctx, f)
}

// Reminder is a pending contact of one pregnancy.
type Reminder struct {
	Pregnancy PregnancyID
	Resident  healthrecord.ResidentID
	Village   healthrecord.Village
	Item      Item
}

// Worklist returns, for every pregnancy of the jurisdiction prefix under care on date
// on, the contacts Due or Overdue that day ([Pregnancy.Pending]): what a township
// health centre must do, village by village. Pregnancies closed by move-out or loss to
// follow-up or by the woman's death are left out.
func (g *Registry) Worklist(ctx context.Context, prefix string, on gongwei.Date) ([]Reminder, error) {
	var out []Reminder
	for p, err := range g.s.Pregnancies(ctx, Filter{Prefix: prefix, Period: gongwei.Days(on, 1)}) {
		if err != nil {
			return nil, err
		}
		if p.Death != nil || (p.Ended != nil && p.Ended.Reason != Miscarriage) {
			continue
		}
		for _, it := range p.Pending(on) {
			out = append(out, Reminder{Pregnancy: p.ID, Resident: p.Resident, Village: p.Village, Item: it})
		}
	}
	return out, nil
}
