package child

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ErrTimeline reports that a visit was saved but its event could not be added to the
// health record's service timeline. It wraps healthrecord.ErrTimeline.
var ErrTimeline = fmt.Errorf("child: %w", healthrecord.ErrTimeline)

// Options configures a Service (see New); the zero value gives the defaults. It has the
// shape of every service package's Options: Records, Now and the fields of its own.
type Options struct {
	// Records is the health record service. When set, SaveChild checks that the child's
	// (and the mother's) health record exists, and SaveVisit appends the visit to the
	// child's service timeline (EventNewbornVisit for the newborn visit,
	// EventChildCheckup otherwise, plus healthrecord.EventTCM when TCM
	// guidance was given). When nil, neither is done.
	Records *healthrecord.Registry
	// VisitID assigns the ID of a visit saved without one. The default is the child's
	// ID, the date's 8 digits and the kind: "<child>-20240315-m6".
	VisitID func(*Visit) VisitID
	// Now is the clock that gives the day of recording (gongwei.Clock.Today), which
	// bounds every date of a child or visit saved. Nil means the Records registry's
	// clock when there is one, time.Now otherwise.
	Now gongwei.Clock
	// Audit receives an entry for every change (healthrecord.Trail). Nil, with
	// Unattributed false, means the Records registry's write path (its own Audit and
	// Unattributed) when there is one.
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// ServiceOptions is the former name of Options.
//
// Deprecated: use Options.
type ServiceOptions = Options

// Service is the child health management service over a host's Store, as
// healthrecord.Registry is over healthrecord.Store: it normalises and validates every
// record before saving it, assigns IDs, bumps versions (the record's Version is the
// version the caller read, 0 for a new record; a stale one gives an error wrapping
// gongwei.ErrConflict) and records visits on the service timeline. On success the
// caller's record is updated (normalised fields, ID, new Version). Validation errors wrap
// a *gongwei.ValidationError. A Service is safe for concurrent use.
type Service struct {
	s       Store
	records *healthrecord.Registry
	visitID func(*Visit) VisitID
	now     gongwei.Clock
	trail   *healthrecord.Trail
}

// today returns the day of recording (Options.Now).
func (sv *Service) today() gongwei.Date {
	if sv.now == nil && sv.records != nil {
		return sv.records.Today()
	}
	return sv.now.Today()
}

// NewService returns a Service over s; a nil opts gives the defaults. A Service made by
// NewService keeps the behaviour it always had: its writes need no actor
// (Options.Unattributed).
//
// Deprecated: use New, the constructor form of every service package.
func NewService(s Store, opts *ServiceOptions) *Service {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.Unattributed = true
	return New(s, o)
}

// New returns a Service over s configured by o.
func New(s Store, o Options) *Service {
	sv := &Service{s: s, records: o.Records, visitID: o.VisitID, now: o.Now,
		trail: healthrecord.ServiceTrail(o.Records, o.Audit, o.Unattributed)}
	if sv.visitID == nil {
		sv.visitID = func(v *Visit) VisitID {
			return VisitID(string(v.Child) + "-" + strings.ReplaceAll(v.Date.String(), "-", "") + "-" + string(v.Kind))
		}
	}
	return sv
}

// residentExists adds CodeUnknownResident when the health record id is missing.
func (sv *Service) residentExists(ctx context.Context, ve *gongwei.ValidationError, field string, id healthrecord.ResidentID) error {
	if sv.records == nil || id == "" {
		return nil
	}
	_, err := bulk.Lookup(ctx, "resident", string(id),
		func() (*healthrecord.Resident, error) { return sv.records.Resident(ctx, id) }, (*healthrecord.Resident).Clone)
	switch {
	case errors.Is(err, gongwei.ErrNotFound):
		ve.Add(field, CodeUnknownResident)
		return nil
	case err != nil:
		return err
	}
	return nil
}

// SaveChild inserts (c.Version 0) or updates a child record, its ID defaulting to its
// Resident. The health records of the child and the mother must exist when the Service
// has a Registry. A second record for the same Resident fails with an error wrapping
// gongwei.ErrDuplicate.
func (sv *Service) SaveChild(ctx context.Context, c *Child) error {
	const op = "child: save child: "
	w := c.Clone()
	w.Normalize()
	if w.ID == "" {
		w.ID = ChildID(w.Resident)
	}
	var ve gongwei.ValidationError
	ve.Record = "child.Child"
	ve.Merge("", w.validateOn(sv.today()))
	if err := sv.residentExists(ctx, &ve, "Resident", w.Resident); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if err := sv.residentExists(ctx, &ve, "Mother", w.Mother); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := healthrecord.Change{
		Kind: "child.Child", ID: string(w.ID), Resident: w.Resident, Division: gongwei.Division(w.Village),
		Stored: func(ctx context.Context) (any, error) { return sv.s.Child(ctx, w.ID) },
	}
	if err := healthrecord.WriteNext(ctx, sv.trail, ch, w, &w.Version, sv.s.PutChild); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	bulk.Remember(ctx, "child.Child", string(w.ID), w.Clone())
	*c = *w
	return nil
}

// child returns the child record id, for reading only: from the import chunk ctx
// belongs to when it stored or read it (internal/bulk), else from the store.
func (sv *Service) child(ctx context.Context, id ChildID) (*Child, error) {
	if x, ok := bulk.Recall(ctx, "child.Child", string(id)); ok {
		return x.(*Child), nil
	}
	c, err := sv.s.Child(ctx, id)
	if err == nil {
		bulk.Remember(ctx, "child.Child", string(id), c.Clone())
	}
	return c, err
}

// SaveVisit inserts (v.Version 0) or updates a visit, assigning its ID when empty. The
// child must exist (CodeUnknownChild), the visit must fall on or after the birth and
// before any death. The visit is then appended to the child's service timeline when the
// Service has a Registry; if only that fails, the error wraps [ErrTimeline] (an event
// already on the timeline is not an error).
func (sv *Service) SaveVisit(ctx context.Context, v *Visit) error {
	const op = "child: save visit: "
	w := v.Clone()
	w.Normalize()
	if w.ID == "" && w.Child != "" && !w.Date.IsZero() && w.Kind != "" {
		w.ID = sv.visitID(w)
	}
	var ve gongwei.ValidationError
	ve.Record = "child.Visit"
	ve.Check(w.ID != "", "ID", gongwei.CodeRequired)
	var c *Child
	if w.Child != "" {
		var err error
		c, err = sv.child(ctx, w.Child)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
			ve.Add("Child", CodeUnknownChild)
		case err != nil:
			return fmt.Errorf(op+"%w", err)
		}
	}
	if c != nil {
		ve.Merge("", w.validateFor(c, sv.today()))
	} else {
		ve.Merge("", w.validateOn(sv.today()))
	}
	gongwei.CheckRawText(&ve, "Provider.Institution", v.Provider.Institution, gongwei.TextShort)
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := healthrecord.Change{
		Kind: "child.Visit", ID: string(w.ID), Date: w.Date,
		Stored: func(ctx context.Context) (any, error) { return sv.s.Visit(ctx, w.ID) },
	}
	if c != nil {
		ch.Resident, ch.Division = c.Resident, gongwei.Division(c.Village)
	}
	if err := healthrecord.WriteNext(ctx, sv.trail, ch, w, &w.Version, sv.s.PutVisit); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*v = *w
	if sv.records == nil {
		return nil
	}
	return healthrecord.AppendServices(ctx, sv.records, ErrTimeline, w.Events(c)...)
}

// Child returns the child record id; with an actor on ctx, one outside the actor's
// division gives a *gongwei.JurisdictionError.
func (sv *Service) Child(ctx context.Context, id ChildID) (*Child, error) {
	c, err := sv.s.Child(ctx, id)
	return healthrecord.ReadWithin(ctx, "child.Child", c, err, func(c *Child) gongwei.Division { return gongwei.Division(c.Village) })
}

// ChildByResident returns the child record of the health record r.
func (sv *Service) ChildByResident(ctx context.Context, r healthrecord.ResidentID) (*Child, error) {
	return sv.s.ChildByResident(ctx, r)
}

// Visit returns the visit id.
func (sv *Service) Visit(ctx context.Context, id VisitID) (*Visit, error) { return sv.s.Visit(ctx, id) }

// VisitsOf returns the visits of child id, in date order.
func (sv *Service) VisitsOf(ctx context.Context, id ChildID) ([]*Visit, error) {
	var out []*Visit
	for v, err := range sv.s.Visits(ctx, VisitFilter{Child: id}) {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Schedule returns the schedule of child id on date on, with the status of every
// planned service (see the package function Schedule).
func (sv *Service) Schedule(ctx context.Context, id ChildID, on gongwei.Date) ([]Item, error) {
	c, err := sv.s.Child(ctx, id)
	if err != nil {
		return nil, err
	}
	vs, err := sv.VisitsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	return Schedule(c, vs, on), nil
}

// HighRiskOn applies the 体弱儿 criteria to child id with its latest visit on or before
// on (its nutrition by cut-offs c, its latest haemoglobin and clinical findings).
func (sv *Service) HighRiskOn(ctx context.Context, id ChildID, on gongwei.Date, c Cutoffs) (HighRisk, error) {
	ch, err := sv.s.Child(ctx, id)
	if err != nil {
		return HighRisk{}, err
	}
	vs, err := sv.VisitsOf(ctx, id)
	if err != nil {
		return HighRisk{}, err
	}
	return HighRiskOf(ch, vs, on, c), nil
}

// HighRiskOf applies the 体弱儿 criteria to child c: the birth details, the nutrition of
// the latest visit with a measurement on or before on (classified with c), the latest
// haemoglobin and the findings of the latest visit.
func HighRiskOf(ch *Child, visits []*Visit, on gongwei.Date, c Cutoffs) HighRisk {
	in := HighRiskInput{GestationWeeks: ch.GestationWeeks, BirthWeightG: ch.BirthWeightG}
	var latest *Visit
	for _, v := range visits {
		if v.Date.After(on) {
			continue
		}
		if latest == nil || !v.Date.Before(latest.Date) {
			latest = v
		}
	}
	var hbDate, measured gongwei.Date
	for _, v := range visits {
		if v.Date.After(on) {
			continue
		}
		if v.HbGL > 0 && !v.Date.Before(hbDate) {
			in.HbGL, hbDate = v.HbGL, v.Date
		}
		if v.Measurement != (Measurement{}) && !v.Date.Before(measured) {
			if a, err := v.Assess(ch); err == nil {
				in.Nutrition, measured = ClassifyNutrition(a, c), v.Date
			}
		}
	}
	if latest != nil {
		in.ActiveRickets, in.ChronicDisease, in.RecurrentInfections = latest.ActiveRickets, latest.ChronicDisease, latest.RecurrentInfections
	}
	return AssessHighRisk(in, ch.BirthDate.AgeMonths(on))
}

// Events returns the timeline events the Service appends when it saves v, a visit of
// child c: a newborn home visit (EventNewbornVisit) or a child checkup
// (EventChildCheckup) on the visit's date, and a TCM service (EventTCM) when TCM
// guidance was given, each with the visit's ID as Ref.
func (v *Visit) Events(c *Child) []healthrecord.ServiceEvent {
	kind := EventChildCheckup
	if v.Kind == KindNewborn {
		kind = EventNewbornVisit
	}
	events := []healthrecord.ServiceEvent{{Resident: c.Resident, Kind: kind, Date: v.Date, Provider: v.Provider, Ref: string(v.ID)}}
	if v.TCMGuidance {
		events = append(events, healthrecord.ServiceEvent{Resident: c.Resident, Kind: healthrecord.EventTCM, Date: v.Date, Provider: v.Provider, Ref: string(v.ID)})
	}
	return events
}
