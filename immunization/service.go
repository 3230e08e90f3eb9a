package immunization

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Timeline receives each dose as a service event on the resident's timeline;
// *healthrecord.Registry satisfies it. It is healthrecord.Timeline.
type Timeline = healthrecord.Timeline

// ErrTimeline reports that a dose was saved but its event could not be added to the
// resident's service timeline. It wraps healthrecord.ErrTimeline.
var ErrTimeline = fmt.Errorf("immunization: %w", healthrecord.ErrTimeline)

// Options configures a Service (see New); the zero value gives the defaults. It has the
// shape of every service package's Options: Records, then Now.
type Options struct {
	// Records receives every new vaccination on the resident's service timeline
	// (EventVaccination); *healthrecord.Registry satisfies it. When nil, no
	// event is appended.
	Records Timeline
	// Now is the clock that gives the day of recording (gongwei.Clock.Today), which
	// bounds the dates of every registration and dose saved. Nil means the Records'
	// day when they have a Today method (*healthrecord.Registry, see
	// healthrecord.Options.Now), else time.Now's in Asia/Shanghai.
	Now gongwei.Clock
	// Audit receives an entry for every change (healthrecord.Trail). Nil, with
	// Unattributed false, means the Records' write path when they have one
	// (*healthrecord.Registry: its Audit and Unattributed).
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// New returns a Service over s configured by o.
func New(s Store, o Options) *Service {
	return &Service{s: s, timeline: o.Records, now: o.Now, trail: healthrecord.ServiceTrail(o.Records, o.Audit, o.Unattributed)}
}

// Service wraps a Store with everything every store would otherwise repeat: validation,
// normalisation, version bumps and the service timeline. It also answers the clinic's
// questions: a child's forecast, the due list and the school-entry check.
type Service struct {
	s        Store
	timeline Timeline
	now      gongwei.Clock
	trail    *healthrecord.Trail
}

// WithClock returns a copy of the Service whose day of recording (gongwei.Clock.Today)
// comes from c: it bounds the dates of every registration and dose saved. Without it the
// day is the timeline's when it has a Today method (*healthrecord.Registry, see
// healthrecord.Options.Now), else time.Now's in Asia/Shanghai.
func (g *Service) WithClock(c gongwei.Clock) *Service {
	return &Service{s: g.s, timeline: g.timeline, now: c}
}

// today returns the day of recording.
func (g *Service) today() gongwei.Date {
	if g.now == nil {
		if t, ok := g.timeline.(interface{ Today() gongwei.Date }); ok {
			return t.Today()
		}
	}
	return g.now.Today()
}

// NewService returns a Service over s. timeline may be nil; when set, every new
// vaccination is appended to the resident's timeline (EventVaccination).
//
// A Service made by NewService keeps the behaviour it always had: its writes need no
// actor (Options.Unattributed).
//
// Deprecated: use New(s, Options{Records: timeline}), the constructor form of every
// service package.
func NewService(s Store, timeline Timeline) *Service {
	return New(s, Options{Records: timeline, Unattributed: true})
}

// Register creates or updates a registration: it normalises the village and name,
// validates, and stores r with Version r.Version+1 over r.Version. On success r.Version
// is the new version.
func (g *Service) Register(ctx context.Context, r *Registration) error {
	const op = "immunization: register: "
	r.Village = healthrecord.Village(gongwei.NormalizeCode(string(r.Village)))
	r.Name = gongwei.Normalize(r.Name)
	if err := r.validateOn(g.today()); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	c := *r
	ch := healthrecord.Change{
		Kind: "immunization.Registration", ID: string(c.Resident), Resident: c.Resident, Division: gongwei.Division(c.Village),
		Stored: func(ctx context.Context) (any, error) { return g.s.Registration(ctx, c.Resident) },
	}
	if err := healthrecord.WriteNext(ctx, g.trail, ch, &c, &c.Version, g.s.PutRegistration); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	r.Version = c.Version
	bulk.Remember(ctx, "immunization.Registration", string(c.Resident), registrationFacts(&c))
	return nil
}

// registration returns what Vaccinate needs of resident id's registration: from the
// import chunk ctx belongs to when it stored or read it (internal/bulk), else from the
// store.
func (g *Service) registration(ctx context.Context, id healthrecord.ResidentID) (*Registration, error) {
	if x, ok := bulk.Recall(ctx, "immunization.Registration", string(id)); ok {
		return x.(*Registration), nil
	}
	r, err := g.s.Registration(ctx, id)
	if err == nil {
		bulk.Remember(ctx, "immunization.Registration", string(id), registrationFacts(r))
	}
	return r, err
}

// registrationFacts copies what Vaccinate reads of a registration: its village and the
// child's birth date.
func registrationFacts(r *Registration) *Registration {
	f := &Registration{Village: r.Village}
	f.Child.Birth = r.Child.Birth
	return f
}

// Vaccinate records a dose: the child must be registered (its village is copied onto
// the record), the dose must be valid as a record and not before birth. New doses go on
// the resident's timeline. On success v.Version is the new version.
func (g *Service) Vaccinate(ctx context.Context, v *Vaccination) error {
	const op = "immunization: vaccinate: "
	rawID := string(v.ID)
	v.ID = VaccinationID(gongwei.NormalizeCode(string(v.ID)))
	for _, p := range []*string{&v.Manufacturer, &v.Lot, &v.Site, &v.Route, &v.Clinic, &v.Giver} {
		*p = gongwei.Normalize(*p)
	}
	var ve gongwei.ValidationError
	ve.Record = "immunization.Vaccination"
	ve.Merge("", v.validateOn(g.today()))
	gongwei.CheckRawText(&ve, "ID", rawID, gongwei.TextShort)
	village, err := g.ofChild(ctx, &ve, v.Resident, "Dose.Date", v.Dose.Date)
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if village != "" {
		v.Village = village
	}
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	prev := v.Version
	c := *v
	ch := healthrecord.Change{
		Kind: "immunization.Vaccination", ID: string(c.ID), Resident: c.Resident, Division: gongwei.Division(c.Village),
		Date: c.Dose.Date, Stored: func(ctx context.Context) (any, error) { return g.s.Vaccination(ctx, c.ID) },
	}
	if err := healthrecord.WriteNext(ctx, g.trail, ch, &c, &c.Version, g.s.PutVaccination); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	v.Version = c.Version
	if g.timeline != nil && prev == 0 {
		if err := healthrecord.AppendServices(ctx, g.timeline, ErrTimeline, v.Event()); err != nil {
			return fmt.Errorf(op+"%w", err)
		}
	}
	return nil
}

func isNotFound(err error) bool { return err != nil && errors.Is(err, gongwei.ErrNotFound) }

// Registration returns the registration of resident id; with an actor on ctx, one
// outside the actor's division gives a *gongwei.JurisdictionError.
func (g *Service) Registration(ctx context.Context, id healthrecord.ResidentID) (*Registration, error) {
	r, err := g.s.Registration(ctx, id)
	return healthrecord.ReadWithin(ctx, "immunization.Registration", r, err, func(r *Registration) gongwei.Division { return gongwei.Division(r.Village) })
}

// History returns a child's doses in date order.
func (g *Service) History(ctx context.Context, id healthrecord.ResidentID) ([]Dose, error) {
	return g.history(ctx, id, nil)
}

func (g *Service) history(ctx context.Context, id healthrecord.ResidentID, buf []Dose) ([]Dose, error) {
	buf = buf[:0]
	for v, err := range g.s.Vaccinations(ctx, VaccinationFilter{Resident: id}) {
		if err != nil {
			return nil, err
		}
		buf = append(buf, v.Dose)
	}
	return buf, nil
}

// Forecast returns the forecast of a registered child on date on (see [Forecast]).
func (g *Service) Forecast(ctx context.Context, id healthrecord.ResidentID, on gongwei.Date) ([]Recommendation, error) {
	r, err := g.s.Registration(ctx, id)
	if err != nil {
		return nil, err
	}
	doses, err := g.History(ctx, id)
	if err != nil {
		return nil, err
	}
	return Forecast(ScheduleFor(r.Child.Birth), r.Child, doses, on), nil
}

// DueEntry is one child of a due list with the doses it needs.
type DueEntry struct {
	// Registration is the child.
	Registration *Registration
	// Needs are the doses pending on the list's first day (due, overdue, catch-up) or
	// coming due by its last day (status not due, Earliest within the range).
	Needs []Recommendation
}

// DueList returns the children of the villages under prefix who need a dose in p
// (应种未种, nbphs-spec §3): every registered child under 18 with a dose pending on
// p.Start or whose earliest day falls in p, sorted by village and then by name in pinyin
// order (golang.org/x/text/collate), ties by resident ID.
func (g *Service) DueList(ctx context.Context, prefix string, p gongwei.Period) ([]DueEntry, error) {
	if !p.IsValid() {
		return nil, fmt.Errorf("%w: immunization: due list period", gongwei.ErrInvalid)
	}
	var out []DueEntry
	var doses []Dose
	for r, err := range g.s.Registrations(ctx, Filter{Prefix: prefix}) {
		if err != nil {
			return nil, err
		}
		doses, err = g.history(ctx, r.Resident, doses)
		if err != nil {
			return nil, err
		}
		var needs []Recommendation
		for _, rec := range Forecast(ScheduleFor(r.Child.Birth), r.Child, doses, p.Start) {
			if rec.Status.IsPending() || (rec.Status == StatusNotDue && p.Contains(rec.Earliest)) {
				needs = append(needs, rec)
			}
		}
		if len(needs) > 0 {
			out = append(out, DueEntry{Registration: r, Needs: needs})
		}
	}
	sortDue(out)
	return out, nil
}

// sortDue orders due-list entries by village, then by name in pinyin order
// (golang.org/x/text/collate), ties by resident ID.
func sortDue(out []DueEntry) {
	col := collate.New(language.SimplifiedChinese)
	slices.SortStableFunc(out, func(a, b DueEntry) int {
		if c := cmpString(string(a.Registration.Village), string(b.Registration.Village)); c != 0 {
			return c
		}
		if c := col.CompareString(a.Registration.Name, b.Registration.Name); c != 0 {
			return c
		}
		return cmpString(string(a.Registration.Resident), string(b.Registration.Resident))
	})
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// SchoolEntry is the result of a school-entry check (入托入学查验, immunization.md §1.7).
type SchoolEntry struct {
	// Complete reports that no NIP dose is pending on the check date.
	Complete bool
	// CatchUp lists the doses the child must catch up (due, overdue or catch-up status).
	CatchUp []Recommendation
	// Deadline is the last day of the 30-day check window from the term start or transfer.
	Deadline gongwei.Date
	// RecheckBefore is 31 December of the check year, by which the school re-checks
	// completed catch-ups.
	RecheckBefore gongwei.Date
}

// CheckSchoolEntry checks a child entering a nursery, kindergarten or primary school on
// date on (immunization.md §1.7: checked within 30 days of term start or transfer;
// children needing catch-up are referred and re-checked before 31 December).
func CheckSchoolEntry(s Schedule, c Child, doses []Dose, on gongwei.Date) SchoolEntry {
	res := SchoolEntry{Deadline: on.AddDays(schoolCheckDays - 1)}
	if d, err := gongwei.NewDate(on.Year(), 12, 31); err == nil {
		res.RecheckBefore = d
	}
	for _, r := range Forecast(s, c, doses, on) {
		if r.Status.IsPending() {
			res.CatchUp = append(res.CatchUp, r)
		}
	}
	res.Complete = len(res.CatchUp) == 0
	return res
}

// schoolCheckDays is the check window: within 30 days of term start or transfer
// (儿童入托、入学预防接种证查验办法, 2021; immunization.md §1.7).
const schoolCheckDays = 30

// Event returns the timeline event the Service appends when it records v: a vaccination
// (EventVaccination) on the dose's date, at the giving clinic by the giver, with the
// record's ID as Ref.
func (v *Vaccination) Event() healthrecord.ServiceEvent {
	e := healthrecord.ServiceEvent{Resident: v.Resident, Kind: EventVaccination, Date: v.Dose.Date, Ref: string(v.ID)}
	e.Provider.Institution = v.Clinic
	e.Provider.Staff = healthrecord.StaffID(v.Giver)
	return e
}
